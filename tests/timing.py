"""Timing extraction in a fresh process, for the tests that check that a rule stays linear.

Ratios between runs of one process, never time budgets: a slow or busy machine fails
neither; a deadline only ends a run that hangs.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_EXTRACT_EACH = textwrap.dedent("""
    import sys, time
    from claimtrack.extract import extract_claims
    extract_claims("warm up: 3 people died, police said.")
    for path in sys.argv[1:]:
        text = open(path, encoding="utf-8").read()
        start = time.perf_counter()
        extract_claims(text)
        print(time.perf_counter() - start, flush=True)
""")


def repeated(unit: str, size: int, tail: str = "") -> str:
    """``unit`` repeated to exactly ``size`` characters, then ``tail``."""
    return (unit * (size // len(unit) + 1))[:size] + tail


def extraction_seconds(texts: list[str], tmp_path: Path, deadline: float) -> list[float] | None:
    """Seconds ``extract_claims`` takes on each text, in order, in one fresh process; None
    when it was still running after ``deadline`` seconds."""
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"timed{i}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    proc = subprocess.Popen([sys.executable, "-c", _EXTRACT_EACH, *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=deadline)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    assert proc.returncode == 0, err[-2000:]
    return [float(x) for x in out.split()]
