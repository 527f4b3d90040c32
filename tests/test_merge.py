"""ingest --claims: rows extracted elsewhere, stored with their reports, as ingest would."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import claimtrack
from claimtrack.inputs import read_inputs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FEED = [
    {"id": "m-1", "outlet": "Harbor Times", "text": "Firefighters said 23 homes burned and "
     "at least 4 people died in Lenna. The mayor said 300 residents were evacuated."},
    {"id": "m-2", "text": "About 1,200 workers joined the strike, the union said on Tuesday."},
    {"id": "m-3", "text": "The council met and adjourned without a vote."},  # no claims
    {"id": "m-1-copy", "text": "Firefighters said 23 homes burned and at least 4 people died "
     "in Lenna. The mayor  said 300 residents were evacuated."},  # same text, reflowed
]


@pytest.fixture
def inputs(tmp_path) -> list[str]:
    shutil.copytree(SAMPLES, tmp_path / "samples")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(o) + "\n" for o in FEED) + "{broken\n",
                    encoding="utf-8")
    return [str(tmp_path / "samples"), str(feed)]


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def export(invoke, db: str) -> list[dict]:
    result = invoke("--db", db, "export", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_merged_database_equals_ingested(invoke, inputs, tmp_path):
    plain = invoke("--db", "plain.db", "ingest", "--jobs", "1", *inputs)
    assert plain.exit_code == 1  # the broken line
    rows = claimtrack.extract_partition(read_inputs(inputs))
    runs: dict[str, list[dict]] = {}
    for row in rows:
        runs.setdefault(row["key"] or row["report"], []).append(row)
    rows = [row for run in reversed(runs.values()) for row in run]  # reports in any order
    claims = write_rows(tmp_path / "rows.jsonl", rows)
    merged = invoke("--db", "merged.db", "ingest", *inputs, "--claims", str(claims))
    assert merged.exit_code == 1
    assert merged.stderr == plain.stderr.replace("plain.db", "merged.db")
    assert "skipped 1 duplicate" in merged.stderr
    assert export(invoke, "merged.db") == export(invoke, "plain.db")
    for table in ("sources", "claims"):  # `reports` shows when each was stored
        assert invoke("--db", "merged.db", table, "-f", "json").stdout == \
            invoke("--db", "plain.db", table, "-f", "json").stdout
    # the search backlog was indexed: the merged reports are searchable
    found = invoke("--db", "merged.db", "search", "evacuated", "-f", "jsonl")
    assert found.exit_code == 0 and "\"outlet\": \"Harbor Times\"" in found.stdout


def test_merge_from_parquet(invoke, inputs, tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (claimtrack[dask])")
    import pyarrow.parquet as pq

    assert invoke("--db", "plain.db", "ingest", "--jobs", "1", *inputs).exit_code == 1
    rows = claimtrack.extract_partition(read_inputs(inputs))
    folder = tmp_path / "parts"
    folder.mkdir()
    half = len(rows) // 2
    for n, part in enumerate((rows[:half], rows[half:])):
        table = pa.Table.from_pylist(part, schema=claimtrack.claim_row_arrow_schema())
        pq.write_table(table, folder / f"part-{n:05d}.parquet")
    merged = invoke("--db", "merged.db", "ingest", *inputs, "--claims", str(folder))
    assert merged.exit_code == 1
    assert export(invoke, "merged.db") == export(invoke, "plain.db")


def test_rows_without_their_report_are_rejected(invoke, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(FEED[1]) + "\n", encoding="utf-8")
    rows = claimtrack.extract_partition(FEED[:2])
    claims = write_rows(tmp_path / "rows.jsonl", rows)
    result = invoke("--db", "t.db", "ingest", str(feed), "--claims", str(claims))
    assert result.exit_code == 1
    key = rows[0]["key"]
    assert f"m-1: claim rows without their report: no input has this text (key {key[:12]}…)" \
        in result.stderr
    assert "added 1 report (1 claim)" in result.stderr
    stored = json.loads(invoke("--db", "t.db", "claims", "-f", "json").stdout)
    assert [(c["figure"], c["source"]) for c in stored] == [("About 1,200", "union")]


def test_a_rejection_row_rejects_its_report(invoke, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(o) + "\n" for o in FEED[:2]), encoding="utf-8")
    rows = claimtrack.extract_partition(FEED[:2])
    key = rows[0]["key"]
    rows = [r for r in rows if r["key"] != key]
    rows.insert(0, claimtrack.partition.rejection_row("m-1", "extraction failed: boom", key))
    claims = write_rows(tmp_path / "rows.jsonl", rows + ["not a row"])
    result = invoke("--db", "t.db", "ingest", str(feed), "--claims", str(claims))
    assert result.exit_code == 1
    assert f"{feed}:1: extraction failed: boom" in result.stderr
    assert f"{claims}:{len(rows) + 1}: not a claim row" in result.stderr
    assert "added 1 report (1 claim)" in result.stderr


def test_missing_rows_file_is_a_usage_error(invoke, tmp_path):
    result = invoke("--db", "t.db", "ingest", str(SAMPLES), "--claims", "nowhere.jsonl")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --claims nowhere.jsonl: no such file or folder"
    assert not Path("t.db").exists()


def test_no_command_imports_pandas(tmp_path):
    """sqlite-utils would import an installed pandas (and numpy) on every database command."""
    import os
    import subprocess
    import sys

    fake = tmp_path / "site"
    for name in ("pandas", "numpy"):
        (fake / name).mkdir(parents=True)
        (fake / name / "__init__.py").write_text(
            f"raise SystemExit('{name} was imported')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake), *sys.path])}
    for args in (["ingest", "--jobs", "1", str(SAMPLES)], ["claims"], ["conflicts"],
                 ["export", "-f", "json"], ["search", "killed"], ["reextract"]):
        done = subprocess.run([sys.executable, "-m", "claimtrack", "--db", "t.db", *args],
                              env=env, cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, (args, done.stderr)
        assert "was imported" not in done.stderr
