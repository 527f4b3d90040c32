"""Folders' own documentation is not news; counts read the same everywhere (1,611 reports)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.commands.common import plural
from claimtrack.inputs import is_folder_documentation

NEWS = "The Coast Guard said 9 people were killed in the storm.\n"
ABOUT = "These 40 reports were collected by 3 volunteers in 2025.\n"


@pytest.mark.parametrize("name, expected", [
    ("README.md", True), ("readme.txt", True), ("Readme", True), ("LICENSE", True),
    ("CHANGELOG.md", True), ("CONTRIBUTING.md", True), ("licence.txt", True),
    ("storm.md", False), ("readme-storm.md", False), ("the-readme.txt", False),
    ("license-plates-stolen.txt", False),
])
def test_what_documents_a_folder(name, expected):
    assert is_folder_documentation(Path("archive") / name) is expected


def test_a_folders_readme_is_not_ingested(invoke, tmp_path):
    archive = tmp_path / "archive"
    (archive / "2025").mkdir(parents=True)
    (archive / "README.md").write_text(ABOUT)
    (archive / "2025" / "LICENSE.txt").write_text(ABOUT)
    (archive / "2025" / "storm.txt").write_text(NEWS)
    result = invoke("ingest", "archive")
    assert result.exit_code == 0, result.stderr
    reports = json.loads(invoke("reports", "-f", "json").stdout)
    assert [Path(r["path"]).name for r in reports] == ["storm.txt"]
    # named on its own, a README is read like any file
    assert invoke("ingest", str(archive / "README.md")).exit_code == 0
    assert len(json.loads(invoke("reports", "-f", "json").stdout)) == 2
    assert "README" in invoke("ingest", "--help").stdout


@pytest.mark.parametrize("n, word, expected", [
    (0, "report", "0 reports"), (1, "report", "1 report"), (999, "claim", "999 claims"),
    (1611, "report", "1,611 reports"), (1234567, "claim", "1,234,567 claims"),
])
def test_counts_have_thousands_separated(n, word, expected):
    assert plural(n, word) == expected


def test_the_ingest_summary_separates_thousands(invoke, tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": f"Officials said {i + 2} people were "
                         f"injured in district {i}."}) for i in range(1001)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    result = invoke("ingest", "many.jsonl", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ("added 1,001 reports (1,001 claims, 1,001 more with metric other), "
                             "skipped 0 duplicates, rejected 0 inputs → claimtrack.db\n")


def test_table_counts_separate_thousands():
    from claimtrack.output import REEXTRACT_TABLE, REPORT_TABLE, SOURCE_TABLE

    report = {"id": 1611, "claims": 1611}
    assert [c.cell(report) for c in REPORT_TABLE if c.key in ("id", "claims")] == ["1611", "1,611"]
    source = {"claims": 2048, "origin_of": 1000, "reports": 999}
    assert [c.cell(source) for c in SOURCE_TABLE[3:6]] == ["2,048", "1,000", "999"]
    change = {"before": 1200, "after": 1201, "added": 1001, "removed": 1000}
    assert [c.cell(change) for c in REEXTRACT_TABLE[4:]] == ["1,200 → 1,201", "+1,001", "−1,000"]
