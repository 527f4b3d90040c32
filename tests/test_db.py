"""Storage: one transaction per report, duplicates, listings and claim_rows (SPEC §8)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimtrack.db import (_claim_values, claim_rows, claim_values_for, has_report, ingest,
                           list_claims, list_reports, list_sources, open_db, store_report)
from claimtrack.errors import DatabaseError
from claimtrack.inputs import Meta, Rejection, Report, claim_rows_for, read_inputs
from conftest import make_claim

TEXT_A = "Police said 12 people were killed. Medics counted 40 injured, according to the Red Cross."
TEXT_B = "The army reported 9 dead, citing field commanders, while 300 were detained in the north."


def report(text, **meta) -> Report:
    return Report(text=text, name="r.txt", ref="r.txt", path="r.txt", meta=Meta(**meta))


@pytest.fixture
def db():
    database = open_db(":memory:")
    store_report(database, report(TEXT_A, outlet="Daily", date="2024-01-02", event="riots"), [
        make_claim(TEXT_A, "12", chain=(("Police", "police", "said"),)),
        make_claim(TEXT_A, "40", metric="injured", chain=(("Red Cross", "ngo", "according to"),)),
    ])
    store_report(database, report(TEXT_B, title="North", event="default"), [
        make_claim(TEXT_B, "9", chain=(("army", "military", "reported"),
                                       ("field commanders", "military", "citing")),
                   location="north"),
        make_claim(TEXT_B, "300", metric="other"),
    ])
    return database


def test_store_report_and_duplicate(db):
    assert store_report(db, report(TEXT_A.replace(" ", "  ")), []) is None
    assert db["reports"].count == 2 and db["claims"].count == 4
    assert has_report(db, report(TEXT_B).sha256)
    row = db["reports"].get(1)
    assert (row["outlet"], row["event"], row["text"]) == ("Daily", "riots", TEXT_A)
    assert db["reports"].get(2)["event"] == "default"


def test_claim_offsets_slice_the_stored_text(db):
    for claim in db.query("SELECT c.figure, c.start, c.\"end\", r.text FROM claims c "
                          "JOIN reports r ON r.id = c.report_id"):
        assert claim["text"][claim["start"]:claim["end"]] == claim["figure"]


def test_a_failing_claim_rolls_the_report_back(db):
    bad = make_claim(TEXT_A, "12")
    bad["figure"] = None  # NOT NULL: the second claim fails after the report was inserted
    with pytest.raises(sqlite3.IntegrityError):
        store_report(db, report("Brand new text with 5 dead."),
                     [make_claim("Brand new text with 5 dead.", "5"), bad])
    assert db["reports"].count == 2 and db["claims"].count == 4
    assert not has_report(db, report("Brand new text with 5 dead.").sha256)


def test_sources_are_merged_by_key_and_chains_kept(db):
    text = "The police said 3 people were hurt."
    store_report(db, report(text), [make_claim(text, "3", chain=(("POLICE", "police", "said"),))])
    assert db["sources"].count == 4
    [police] = db.query("SELECT * FROM sources WHERE key = 'police'")
    assert police["name"] == "Police"  # the first spelling names the source
    links = list(db.query("SELECT name, position FROM chain_links WHERE source_id = ?",
                          [police["id"]]))
    assert links == [{"name": "Police", "position": 0}, {"name": "POLICE", "position": 0}]


def test_list_claims_hides_other_and_filters(db):
    assert [c["figure"] for c in list_claims(db)] == ["12", "40", "9"]
    assert [c["figure"] for c in list_claims(db, include_other=True)] == ["12", "40", "9", "300"]
    assert [c["figure"] for c in list_claims(db, metric="other")] == ["300"]
    assert [c["figure"] for c in list_claims(db, event="riots")] == ["12", "40"]
    assert [c["figure"] for c in list_claims(db, event="default")] == ["9"]
    assert [c["figure"] for c in list_claims(db, source="commanders")] == ["9"]
    assert [c["figure"] for c in list_claims(db, source="red cross")] == ["40"]
    assert [c["figure"] for c in list_claims(db, source="%")] == []
    assert [c["figure"] for c in list_claims(db, location="NORTH")] == ["9"]
    assert [c["figure"] for c in list_claims(db, report="2")] == ["9"]
    assert [c["figure"] for c in list_claims(db, report="r.txt")] == ["12", "40", "9"]
    assert [c["figure"] for c in list_claims(db, subject="people", metric="injured")] == ["40"]


def test_list_claims_row_matches_what_extract_prints(db):
    [row] = list_claims(db, source="army")
    expected = make_claim(TEXT_B, "9", chain=(("army", "military", "reported"),
                                             ("field commanders", "military", "citing")),
                          location="north")
    assert list(row) == ["id", "report", "event", *list(expected)[1:], "outlet", "date", "title"]
    assert {k: row[k] for k in list(expected)[1:]} == {k: expected[k] for k in list(expected)[1:]}
    assert (row["source"], row["origin"], row["event"], row["title"]) == (
        "army", "field commanders", "default", "North")


def test_list_reports_and_sources(db):
    assert [(r["id"], r["claims"]) for r in list_reports(db)] == [(1, 2), (2, 1)]
    assert [(r["id"], r["claims"]) for r in list_reports(db, include_other=True)] == [(1, 2), (2, 2)]
    sources = {s["key"]: (s["claims"], s["origin_of"], s["cited_in"], s["events"])
               for s in list_sources(db)}
    assert sources == {
        "police": (1, 1, 1, ["riots"]), "red cross": (1, 1, 1, ["riots"]),
        "army": (1, 0, 1, ["default"]), "field commanders": (0, 1, 1, ["default"]),
    }
    assert [s["key"] for s in list_sources(db, event="riots")] == ["police", "red cross"]


def test_claim_rows_for_conflicts(db):
    rows = list(claim_rows(db))
    assert [r["figure"] for r in rows] == ["12", "40", "9", "300"]
    assert set(rows[0]) >= {
        "id", "event", "metric", "subject_group", "location", "figure", "qualifier", "value",
        "low", "high", "hedge", "source", "source_kind", "source_key", "origin",
        "origin_kind", "origin_key", "report", "outlet", "title", "date"}
    nine = rows[2]
    assert (nine["event"], nine["source_key"], nine["origin_key"], nine["report"]) == (
        "default", "army", "field commanders", 2)
    assert rows[3]["source_kind"] == "unattributed" and rows[3]["source_key"] is None
    assert [r["id"] for r in claim_rows(db, event="riots", metric="injured")] == [2]
    assert [r["figure"] for r in claim_rows(db, include_other=False)] == ["12", "40", "9"]
    # by event ("default" < "riots"), then in ingest order: what conflicts streams event by event
    assert [r["figure"] for r in claim_rows(db, by_event=True)] == ["9", "300", "12", "40"]


def test_ingest_counts(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 14 people died in the floods.")
    (tmp_path / "b.txt").write_text("Officials said 14 people  died in the floods.")
    (tmp_path / "c.txt").write_text("")
    db = open_db(":memory:")
    seen = []
    summary = ingest(db, read_inputs([str(tmp_path)]), on_reject=seen.append)
    expected = len(claim_rows_for(report("Officials said 14 people died in the floods.")))
    assert (summary.added, summary.duplicates, summary.rejected, summary.claims) == (
        1, 1, 1, expected)
    assert seen == [Rejection(str(tmp_path / "c.txt"), "empty report: no text")]
    assert db["claims"].count == expected


def test_open_db_refuses_bad_files(tmp_path):
    (tmp_path / "notes.db").write_text("these are my notes, not a database " * 50)
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        open_db(tmp_path / "notes.db")
    with pytest.raises(DatabaseError, match="no database at"):
        open_db(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize("outlet", [None, "Daily Courier"])
def test_claim_values_for_packs_the_claims_claim_rows_for_gives(outlet):
    # Ingest stores what claim_values_for gives; `extract` prints what claim_rows_for
    # gives. Both go through one packing step, so equal packs mean equal stored rows.
    # Every sample names its outlet: here each is read with the given one, or none.
    reports = [Report(r.text, r.name, r.ref, r.path, Meta(outlet=outlet))
               for r in read_inputs([str(SAMPLES)]) if isinstance(r, Report)]
    assert len(reports) > 5
    for r in reports:
        rows = claim_rows_for(r)
        values = claim_values_for(r)
        assert values == _claim_values(rows), r.name
        assert len(values.claims) == len(rows)
        assert values.other == sum(row["metric"] == "other" for row in rows)
    packed = [claim_values_for(r) for r in reports]
    assert any(v.links for v in packed) and any(v.other for v in packed)
    # The outlet stands for the report itself; without one, nobody does.
    assert any(link[4] == "outlet" for v in packed for link in v.links) == bool(outlet)
    assert any(claim[2] is None for v in packed for claim in v.claims) == (outlet is None)


def test_claim_rows_as_tuples_hold_the_same_values_in_key_order(db):
    from claimtrack.conflicts import ROW_COLUMNS
    from claimtrack.store import CLAIM_ROW_KEYS

    assert CLAIM_ROW_KEYS == ROW_COLUMNS  # the order conflicts reads tuples in
    for options in ({}, {"by_event": True}, {"event": "riots", "include_other": False}):
        dicts = list(claim_rows(db, **options))
        tuples = list(claim_rows(db, tuples=True, **options))
        assert tuples == [tuple(row.get(key) for key in CLAIM_ROW_KEYS) for row in dicts]
    assert [row[CLAIM_ROW_KEYS.index("origin_key")] for row in
            claim_rows(db, tuples=True)] == ["police", "red cross", "field commanders", None]


TALLY = "A clerk and a 9-year-old boy were killed when the wall gave way, police said."


def test_a_tally_stored_from_rows_takes_its_first_parts_place_and_reextracts_unchanged():
    from claimtrack.store import reextract

    db = open_db(":memory:")
    stored = report(TALLY, outlet="Daily", date="2024-05-01")
    rows = claim_rows_for(stored)
    assert [(r["figure"], r["derived"], r["start"]) for r in rows] == [
        ("A clerk", None, 0), ("a 9-year-old boy", None, 12), ("2", "tally", None)]
    assert store_report(db, stored, rows) == 1  # a tally has no span: once a NOT NULL failure
    assert db.execute("SELECT start, \"end\" FROM claims WHERE derived = 'tally'").fetchall() == [
        (0, 0)]
    assert _claim_values(rows) == claim_values_for(stored)
    [change] = reextract(db)
    assert (change["before"], change["after"], change["added"], change["removed"],
            change["unchanged"]) == (3, 3, 0, 0, 3)
    assert [r["figure"] for r in list_claims(db)] == ["A clerk", "a 9-year-old boy", "2"]
