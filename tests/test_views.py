"""The database as Datasette and sqlite-utils see it: views, links, full-text search."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from claimtrack.db import SEARCH_COLUMNS, open_db, search, store_report
from claimtrack.errors import UsageError
from claimtrack.inputs import Meta, Report
from claimtrack.migrations import migrations
from conftest import make_claim

T1 = ("Police said 12 people were killed and 40 were injured. Police said 7 were arrested. "
      "Witnesses said about 30 were missing. Police said 3 bridges collapsed.")
T2 = ("According to the Red Cross, 20 people were killed in the flood. Police said 12 had died. "
      "Officials said 7 were arrested. Witnesses said about 50 were missing.")
POLICE = (("Police", "police", "said"),)
WITNESSES = (("Witnesses", "unnamed", "said"),)


def said(text: str, sentence: str, figure: str, **kwargs) -> dict:
    """make_claim for ``figure`` in one ``sentence`` of ``text``, offsets into the text."""
    row = make_claim(sentence, figure, **kwargs)
    at = text.index(sentence)
    row.update(start=row["start"] + at, end=row["end"] + at)
    assert text[row["start"]:row["end"]] == figure
    return row


@pytest.fixture
def flood(tmp_path) -> Path:
    """Two reports on one event, built from the model (no extraction involved)."""
    path = tmp_path / "flood.db"
    db = open_db(path)
    store_report(db, Report(T1, "herald.html", "herald.html", "herald.html",
                            Meta(title="Flood kills 12", outlet="Herald", date="2024-08-12",
                                 url="https://herald.example/flood", event="flood")), [
        said(T1, "Police said 12 people were killed and 40 were injured.", "12", chain=POLICE),  # 1
        said(T1, "Police said 12 people were killed and 40 were injured.", "40", metric="injured", chain=POLICE),  # 2
        said(T1, "Police said 7 were arrested.", "7", metric="arrested", chain=POLICE),  # 3
        said(T1, "Witnesses said about 30 were missing.", "about 30", metric="missing", value=30, low=27, high=33,
                   qualifier="approx", chain=WITNESSES),  # 4
        said(T1, "Police said 3 bridges collapsed.", "3", metric="other", chain=POLICE),  # 5
    ])
    store_report(db, Report(T2, "wire.txt", "wire.txt", "wire.txt",
                            Meta(title="Red Cross puts toll at 20", outlet="Wire",
                                 date="2024-08-13", event="flood")), [
        said(T2, "According to the Red Cross, 20 people were killed in the flood.", "20", chain=(("Red Cross", "ngo", "according to"),)),  # 6
        said(T2, "Police said 12 had died.", "12", chain=POLICE),  # 7
        said(T2, "Officials said 7 were arrested.", "7", metric="arrested", chain=(("Officials", "government", "said"),)),  # 8
        said(T2, "Witnesses said about 50 were missing.", "about 50", metric="missing", value=50, low=45, high=55,
                   qualifier="approx", chain=WITNESSES),  # 9
    ])
    db.close()
    return path


def test_conflicts_view_lists_groups_where_two_origins_differ(flood):
    db = Database(flood)
    rows = list(db.query("select * from conflicts_view"))
    assert list(rows[0]) == [
        "event", "metric", "figure", "low", "high", "subject_group", "location", "source",
        "origin", "outlet", "date", "report", "claim", "group_origins", "group_figures",
        "verdict", "reason"]
    assert [(r["metric"], r["figure"], r["origin"], r["outlet"], r["date"], r["report"], r["claim"],
             r["group_origins"], r["group_figures"]) for r in rows] == [
        # killed: Police (twice, one voice) against the Red Cross
        ("killed", "12", "Police", "Herald", "2024-08-12", 1, 1, 2, 2),
        ("killed", "12", "Police", "Wire", "2024-08-13", 2, 7, 2, 2),
        ("killed", "20", "Red Cross", "Wire", "2024-08-13", 2, 6, 2, 2),
        # missing: unnamed witnesses are a voice of their own in each report
        ("missing", "about 30", "Witnesses", "Herald", "2024-08-12", 1, 4, 2, 2),
        ("missing", "about 50", "Witnesses", "Wire", "2024-08-13", 2, 9, 2, 2),
    ]
    # injured: one origin; arrested: two origins, one figure; other: never compared
    assert {r["event"] for r in rows} == {"flood"}
    assert list(db.query("select count(*) n from conflicts_view where event = ? and metric = ?",
                         ["flood", "arrested"])) == [{"n": 0}]


def test_claims_view_has_one_readable_row_per_claim(flood):
    db = Database(flood)
    rows = list(db.query("select * from claims_view order by claim"))
    assert [r["claim"] for r in rows] == list(range(1, 10))
    first = rows[0]
    assert {k: first[k] for k in ("event", "metric", "figure", "source", "source_kind", "origin",
                                  "outlet", "date", "title", "url", "report")} == {
        "event": "flood", "metric": "killed", "figure": "12", "source": "Police",
        "source_kind": "police", "origin": "Police", "outlet": "Herald", "date": "2024-08-12",
        "title": "Flood kills 12", "url": "https://herald.example/flood", "report": 1}
    assert first["sentence"] == "Police said 12 people were killed and 40 were injured."


def test_datasette_finds_links_search_and_views(flood):
    db = Database(flood)
    assert db.view_names() == ["claims_view", "conflicts_view"]
    links = {(t, fk.column, fk.other_table, fk.other_column)
             for t in db.table_names() for fk in db[t].foreign_keys}
    assert links == {
        ("claims", "report_id", "reports", "id"), ("claims", "source_id", "sources", "id"),
        ("claims", "origin_id", "sources", "id"), ("chain_links", "claim_id", "claims", "id"),
        ("chain_links", "source_id", "sources", "id"), ("reports", "event_id", "events", "id"),
        ("reports", "copy_of", "reports", "id"), ("report_grouping", "report_id", "reports", "id"),
        ("event_decisions", "event_id", "events", "id"),
        ("reports", "lexicon_id", "lexicons", "id")}
    assert db["reports"].detect_fts() == "reports_fts"
    assert db["claims"].detect_fts() == "claims_fts"
    assert [r["id"] for r in db["claims"].search("Red Cross")] == [6]


def test_an_older_database_gains_the_conflicts_view(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m008_conflicts_view")
    assert "conflicts_view" not in old.view_names()
    old.close()
    assert "conflicts_view" in open_db(path).view_names()


def test_search_finds_claims_then_reports(flood):
    db = open_db(flood, create=False)
    rows = list(search(db, "police killed"))
    assert all(tuple(r) == SEARCH_COLUMNS for r in rows)
    assert [(r["kind"], r["claim"], r["report"]) for r in rows[:2]] == [
        ("claim", 1, 1), ("claim", 2, 1)]  # one sentence holds both: claims 1 and 2
    assert sorted((r["kind"], r["report"]) for r in rows[2:]) == [("report", 1), ("report", 2)]
    assert rows[0]["snippet"].startswith("«Police» said 12 people were «killed»")
    assert (rows[0]["figure"], rows[0]["source"], rows[0]["outlet"]) == ("12", "Police", "Herald")
    # A title matches too; metric 'other' only on request; a limit applies per kind.
    assert [(r["kind"], r["report"]) for r in search(db, "toll")] == [("report", 2)]
    assert [(r["kind"], r["claim"]) for r in search(db, "bridges")] == [("report", None)]
    assert [(r["kind"], r["claim"]) for r in search(db, "bridges", include_other=True)] == [
        ("claim", 5), ("report", None)]
    assert [r["kind"] for r in search(db, "police", limit=1)] == ["claim", "report"]
    assert list(search(db, "police", event="elsewhere")) == []


@pytest.mark.parametrize("query", [
    'police"', "police OR 1=1 --", "NEAR(police", "police*", "-police", "title:police",
    "^police", "police AND", "(police", "'; DROP TABLE claims; --",
])
def test_search_takes_fts_syntax_as_plain_words(flood, query):
    db = open_db(flood, create=False)
    list(search(db, query))  # never an FTS5 syntax error
    assert db["claims"].count == 9


def test_search_raw_query_syntax_and_its_errors(flood):
    db = open_db(flood, create=False)
    claims = {r["claim"] for r in search(db, "cross OR witnesses", raw=True) if r["claim"]}
    assert claims == {4, 6, 9}
    assert {r["claim"] for r in search(db, "arrest*", raw=True) if r["claim"]} == {3, 8}
    for bad in ('"unclosed', "nosuchcolumn:police", "AND"):
        with pytest.raises(UsageError, match="not a valid FTS5 query"):
            list(search(db, bad, raw=True))
    for blank in ("", "   ", '"'):
        with pytest.raises(UsageError, match="give a word"):
            search(db, blank)


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv"])
def test_search_command_in_every_format(invoke, flood, fmt):
    result = invoke("search", "red", "cross", "--db", str(flood), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "table":
        assert "«Red» «Cross»" in result.stdout and "Red Cross" in result.stdout
        return
    if fmt == "json":
        rows = json.loads(result.stdout)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout),
                                   delimiter="," if fmt == "csv" else "\t"))
    assert [r["kind"] for r in rows] == ["claim", "report"]
    assert [str(r["report"]) for r in rows] == ["2", "2"]
    assert list(rows[0]) == list(SEARCH_COLUMNS)


def test_search_command_errors(invoke, flood, tmp_path):
    result = invoke("search", '"', "--db", str(flood))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "give a word to search for" in result.stderr
    result = invoke("search", "a:b", "--raw", "--db", str(flood))
    assert result.exit_code == 2 and "not a valid FTS5 query" in result.stderr
    result = invoke("search", "police", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 3 and "no database" in result.stderr
    result = invoke("search", "nothing-like-this", "--db", str(flood), "-f", "table")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "nothing matches\n")
