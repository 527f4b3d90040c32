"""The Spark recipe of docs/scale.md, run as written (local[2]) when PySpark and Java are here.

PySpark is never a dependency of claimtrack: without it (or without Java) this is skipped.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed (a recipe, not a dependency)")
pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (claimtrack[dask])")
if shutil.which("java") is None:
    pytest.skip("Java is not installed: PySpark needs it", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent


def recipe() -> str:
    doc = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Spark"):doc.index("## Merge back")]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_spark_recipe_rows_equal_extract_and_merge(invoke, tmp_path):
    lines = (ROOT / "samples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    for n in range(60):
        obj = {"text": f"Officials said {n + 3} people were hurt in Brisk on day {n}.",
               "outlet": "Brisk Courier"}
        if n % 2:
            obj["id"] = f"brisk-{n}"
        lines.append(json.dumps(obj))
    lines[5:5] = ["", "{oops"]
    Path("archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    namespace: dict = {}
    exec(compile(recipe(), "docs/scale.md#spark", "exec"), namespace)
    namespace["spark"].stop()

    rows = [r for f in sorted(Path("claims").glob("*.parquet"))
            for r in pq.read_table(f).to_pylist()]
    expected = invoke("extract", "-f", "jsonl", "archive.jsonl")
    assert expected.exit_code == 1
    want = [json.loads(line) for line in expected.stdout.splitlines()]
    got = [{k: v for k, v in r.items() if k not in ("key", "rejection")}
           for r in rows if r["rejection"] is None]
    assert len(want) > 60 and got == want
    assert [r["report"] for r in rows if r["rejection"]] == ["archive.jsonl:7"]

    assert invoke("--db", "plain.db", "ingest", "--jobs", "1", "archive.jsonl").exit_code == 1
    merged = invoke("--db", "merged.db", "ingest", "archive.jsonl", "--claims", "claims")
    assert merged.exit_code == 1
    assert invoke("--db", "merged.db", "export", "-f", "json").stdout == \
        invoke("--db", "plain.db", "export", "-f", "json").stdout
