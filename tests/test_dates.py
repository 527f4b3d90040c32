"""Claim dates (SPEC §2): ``as_of`` when the sentence dates the figure, resolved against the
report's date."""
from __future__ import annotations

import json

import pytest

from claimtrack.extract import extract_claims

REPORT_DAY = "2024-05-16"  # a Thursday


@pytest.mark.parametrize("text, expected", [
    ("The council said 7 homes were lost on Monday.", [("7", "2024-05-13")]),
    ("On Tuesday the ministry said 3 people were missing.", [("3", "2024-05-14")]),
    ("Police said yesterday that 12 people had been arrested.", [("12", "2024-05-15")]),
    ("Officials said 40 people were evacuated last week.", [("40", "2024-05-06")]),
    ("On March 3, 9 people were hurt in the blast.", [("9", "2024-03-03")]),
    ("The clinic treated 25 people on 2 June 2023.", [("25", "2023-06-02")]),
    ("The ministry put the toll at 20 three days ago.", [("20", "2024-05-13")]),
    # "a day earlier" counts back from the day named before it
    ("The toll reached 31 on Wednesday, officials said. A day earlier they had counted 22 dead.",
     [("31", "2024-05-15"), ("22", "2024-05-14")]),
    # no date, the report's own day, a stretch of time, a date in another clause
    ("Police said 6 people were injured.", [("6", None)]),
    ("Police said 6 people were injured on Thursday.", [("6", None)]),
    ("Police said 6 people have been injured since Monday.", [("6", None)]),
    ("The bridge closed on Monday; 4 people were hurt in the crush.", [("4", None)]),
])
def test_a_sentence_that_dates_its_figure_gives_as_of(text, expected):
    assert [(c.figure.surface, c.as_of) for c in extract_claims(text, date=REPORT_DAY)] == expected


@pytest.mark.parametrize("report_day, text, expected", [
    # a date without a year is the day of that name nearest the report's
    ("2024-06-26", "The court said 12 people would be sentenced on 28 June.", "2024-06-28"),
    ("2024-01-03", "Police arrested 9 people on December 30.", "2023-12-30"),
    ("2024-05-16", "On May 2, 14 people were hurt in the crush.", "2024-05-02"),
    # with its year it is that day, however far
    ("2024-05-16", "On 4 October 2021, 7 people were arrested.", "2021-10-04"),
])
def test_a_date_without_a_year_is_the_nearest_one(report_day, text, expected):
    assert [c.as_of for c in extract_claims(text, date=report_day)] == [expected]


def test_an_undated_report_dates_no_claim():
    assert [c.as_of for c in extract_claims("On Monday 7 people died.")] == [None]


def test_extract_prints_and_storage_keeps_as_of(invoke, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "r1", "date": REPORT_DAY,
                                "text": "Rescuers said 5 people were missing on Monday."}) + "\n", encoding="utf-8")
    result = invoke("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["as_of"] for line in result.stdout.splitlines()] == ["2024-05-13"]
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(path), "--db", db).exit_code == 0
    stored = [json.loads(line) for line in invoke("claims", "--all", "--db", db).stdout.splitlines()]
    assert [(r["figure"], r["as_of"]) for r in stored] == [("5", "2024-05-13")]
