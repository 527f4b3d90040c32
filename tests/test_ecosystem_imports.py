"""No claimtrack command pays for pandas or numpy, which sqlite-utils imports when present.

Each run is a fresh interpreter, as a real command is. pandas is not in the test extra (130 MB,
half a minute to install), so the check does not depend on it: a stand-in ``pandas`` and
``numpy`` put first on the path are what sqlite-utils would import, and the commands must
leave them unimported. Without the guard in ``claimtrack._sqlite_utils`` these tests fail,
with or without the real pandas installed; the last test runs on whatever is installed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the CLI in this interpreter, then writes which of the two were imported.
RUN_CLI = """
import json, sys
from claimtrack.cli import app
report, args = sys.argv[1], sys.argv[2:]
try:
    app(args)
except SystemExit as exit:
    code = exit.code or 0
with open(report, "w") as f:
    json.dump({"code": code, "imported": [m for m in ("pandas", "numpy") if m in sys.modules]}, f)
"""

TEXT = "Police said 14 people were killed in the capital on Tuesday.\n"


@pytest.fixture
def stand_ins(tmp_path) -> Path:
    """A folder with importable ``pandas`` and ``numpy`` that sqlite-utils accepts."""
    folder = tmp_path / "stand-ins"
    (folder / "pandas").mkdir(parents=True)
    (folder / "pandas" / "__init__.py").write_text("class Timestamp:\n    pass\n")
    (folder / "numpy").mkdir()
    (folder / "numpy" / "__init__.py").write_text("")
    return folder


def run(tmp_path: Path, args: list[str], path_first: Path | None = None) -> dict:
    env = dict(os.environ)
    if path_first is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path_first),
                                                          env.get("PYTHONPATH")]))
    report = tmp_path / "imported.json"
    done = subprocess.run([sys.executable, "-c", RUN_CLI, str(report), *args], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert report.exists(), done.stderr
    return json.loads(report.read_text())


@pytest.mark.parametrize("args", [
    ["ingest", "news.txt", "--event", "capital"],
    ["reextract"],
    ["claims", "-f", "json"],
    ["export", "-f", "json"],
    ["ingest", "news.txt"],  # automatic events: grouping and copies
    ["events", "-f", "json"],
    ["conflicts", "-f", "json"],
])
def test_commands_do_not_import_pandas(tmp_path, stand_ins, args):
    (tmp_path / "news.txt").write_text(TEXT)
    if args[0] != "ingest":
        assert run(tmp_path, ["--db", "t.db", "ingest", "news.txt"], stand_ins) == {
            "code": 0, "imported": []}
    assert run(tmp_path, ["--db", "t.db", *args], stand_ins) == {"code": 0, "imported": []}


def test_stand_ins_are_what_sqlite_utils_would_import(tmp_path, stand_ins):
    """The trap is live: imported plainly, sqlite-utils takes the stand-in pandas."""
    code = "import sqlite_utils.db as d, sys; print(d.pd.__file__, 'pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(stand_ins)}, check=True)
    assert done.stdout.split() == [str(stand_ins / "pandas" / "__init__.py"), "True"]


def test_a_process_that_has_pandas_keeps_sqlite_utils_mapping(tmp_path, stand_ins):
    """Only what is not yet imported is held back: library users with pandas lose nothing."""
    code = ("import pandas, sys; from claimtrack._sqlite_utils import Database; "
            "import sqlite_utils.db as d; print(d.pd is pandas, 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(stand_ins)}, check=True)
    assert done.stdout.split() == ["True", "False"]


def test_ingest_with_the_installed_packages(tmp_path):
    """On whatever this environment has (real pandas included, where it is installed)."""
    (tmp_path / "news.txt").write_text(TEXT)
    assert run(tmp_path, ["--db", "t.db", "ingest", "news.txt"]) == {"code": 0, "imported": []}
