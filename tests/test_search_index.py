"""The full-text indexes and their backlog (migration m010), and the sweep of uncited sources.

New reports and claims wait on ``search_backlog`` until ``index_backlog`` adds them to the
indexes; deletes and updates must keep the indexes right whether or not a row has been
indexed yet.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from claimtrack.db import (ReportWriter, index_backlog, open_db, reextract,
                           remove_uncited_sources, search, store_report)
from claimtrack.inputs import Meta, Report
from claimtrack.migrations import migrations
from conftest import make_claim

TEXTS = [
    "Police said 12 people were killed in the landslide near Orvel.",
    "The mayor said 30 houses were buried and 4 villagers were missing.",
    "Rescuers said 2 climbers were found alive under the snow at Pallas.",
]
POLICE = (("Police", "police", "said"),)


def report(n: int) -> Report:
    return Report(TEXTS[n], f"r{n}.txt", f"r{n}.txt", f"r{n}.txt", Meta(event="slide"))


def rows(n: int) -> list[dict]:
    figure = TEXTS[n].split()[2] if n != 1 else "4"
    return [make_claim(TEXTS[n], figure, chain=POLICE)]


def backlog(db: Database) -> list[int]:
    """The ids of the reports on the backlog."""
    return [r[0] for r in db.execute("SELECT report_id FROM search_backlog ORDER BY report_id")]


def index_agrees(db: Database) -> None:
    """Both indexes hold exactly their table's rows (FTS5 checks against the content)."""
    for table in ("reports_fts", "claims_fts"):
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def found(db: Database, word: str) -> list[tuple[str, int]]:
    return [(r["kind"], r["claim"] or r["report"]) for r in search(db, word)]


def test_a_writer_indexes_every_batch_and_at_its_end(monkeypatch):
    monkeypatch.setattr(ReportWriter, "SEARCH_BATCH", 2)
    db = open_db(":memory:")
    with ReportWriter(db) as writer:
        writer.store(report(0), rows(0))
        assert backlog(db) == [1]
        writer.store(report(1), rows(1))
        assert backlog(db) == []
        index_agrees(db)
        writer.store(report(2), rows(2))
        assert backlog(db) == [3]
    assert backlog(db) == []
    index_agrees(db)
    assert found(db, "climbers") == [("claim", 3), ("report", 3)]


def test_a_duplicate_adds_nothing_to_the_backlog():
    db = open_db(":memory:")
    store_report(db, report(0), rows(0))
    with ReportWriter(db) as writer:
        assert writer.store(report(0), rows(0)) is None
        assert backlog(db) == []


def test_search_indexes_what_a_killed_ingest_left_on_the_backlog(tmp_path, invoke):
    path = tmp_path / "c.db"
    db = open_db(path)
    store_report(db, report(0), rows(0))
    ReportWriter(db).store(report(2), rows(2))  # no `with`: the process died before its end
    assert backlog(db) == [2]
    db.close()
    result = invoke("search", "climbers", "-f", "json", "--db", str(path))
    assert result.exit_code == 0, result.stderr
    assert [(r["kind"], r["claim"], r["report"]) for r in json.loads(result.stdout)] == [
        ("claim", 2, 2), ("report", None, 2)]
    db = open_db(path)
    assert backlog(db) == []
    index_agrees(db)


def test_a_read_only_database_is_searched_as_far_as_it_is_indexed(tmp_path):
    path = tmp_path / "c.db"
    db = open_db(path)
    store_report(db, report(0), rows(0))
    ReportWriter(db).store(report(2), rows(2))
    db.close()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    read_only = Database(conn)
    assert found(read_only, "police") == [("claim", 1), ("report", 1)]
    assert found(read_only, "climbers") == []
    assert backlog(read_only) == [2]


# (what is done to the claim, whether it was indexed first, words found after, words not)
CHANGES = [
    ("delete", False, [], ["landslide"]),
    ("delete", True, [], ["landslide"]),
    ("update", False, ["avalanche"], ["landslide"]),
    ("update", True, ["avalanche"], ["landslide"]),
    ("renumber", False, ["landslide"], []),
    ("renumber", True, ["landslide"], []),
]


@pytest.mark.parametrize("change, indexed, present, absent", CHANGES)
def test_deletes_and_updates_keep_the_index_right(change, indexed, present, absent):
    db = open_db(":memory:")
    store_report(db, report(1), rows(1))  # claim 1, indexed
    ReportWriter(db).store(report(0), rows(0))  # claim 2, on the backlog
    if indexed:
        index_backlog(db)
    with db.conn:
        if change == "delete":
            db.execute("DELETE FROM chain_links WHERE claim_id = 2")
            db.execute("DELETE FROM claims WHERE id = 2")
        elif change == "update":
            db.execute("UPDATE claims SET sentence = replace(sentence, 'landslide', "
                       "'avalanche') WHERE id = 2")
        else:
            db.execute("DELETE FROM chain_links WHERE claim_id = 2")  # they name the id
            db.execute("UPDATE claims SET id = 7 WHERE id = 2")
    index_backlog(db)
    assert backlog(db) == []
    index_agrees(db)
    claim = 7 if change == "renumber" else 2
    for word in present:
        assert ("claim", claim) in found(db, word)
    for word in absent:
        assert [k for k, _ in found(db, word)] == ["report"]
    assert ("claim", 1) in found(db, "villagers")



def test_a_claim_added_to_an_indexed_report_is_indexed_alone():
    db = open_db(":memory:")
    store_report(db, report(0), rows(0))
    assert backlog(db) == []
    with db.conn:  # as a re-extraction adds a claim beside an unchanged one
        db.execute("""INSERT INTO claims (report_id, metric, figure, qualifier, source_kind,
                      origin_kind, quoted, sentence, start, "end") VALUES (1, 'killed', '12',
                      'exact', 'unattributed', 'unattributed', 0, 'The toll reached 12 by dusk.',
                      0, 2)""")
    assert backlog(db) == [1]
    assert index_backlog(db) == 1
    index_agrees(db)
    assert found(db, "dusk") == [("claim", 2)]

def test_an_index_rebuilt_by_hand_gets_no_row_twice():
    db = open_db(":memory:")
    ReportWriter(db).store(report(0), rows(0))
    for table in ("reports_fts", "claims_fts"):  # as `sqlite-utils rebuild-fts` does
        db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    assert index_backlog(db) == 0
    assert backlog(db) == []
    index_agrees(db)
    assert found(db, "landslide") == [("claim", 1), ("report", 1)]


def test_a_database_indexed_by_the_old_triggers_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m010_search_backlog")
    with old.conn:  # as the triggers of m005 indexed it: at once
        old["reports"].insert({"sha256": "x", "ingested_at": "2024-01-01", "text": TEXTS[1],
                               "title": "Village buried"})
    old.close()
    db = open_db(path)
    assert backlog(db) == []
    index_agrees(db)
    store_report(db, report(0), rows(0))
    assert backlog(db) == []  # store_report indexes at once
    index_agrees(db)
    assert [r["report"] for r in search(db, "village")] == [1]
    assert found(db, "landslide") == [("claim", 1), ("report", 2)]


def test_re_extraction_drops_uncited_sources_and_indexes_new_claims(tmp_path):
    db = open_db(tmp_path / "c.db")
    store_report(db, report(0), [make_claim(TEXTS[0], "12",
                                            chain=(("Orvel Herald", "outlet", "said"),))])
    assert [s["key"] for s in db["sources"].rows] == ["orvel herald"]
    changes = list(reextract(db))  # the extractor finds the police, not the outlet
    assert [(c["added"], c["removed"]) for c in changes] == [(1, 1)]
    assert [s["key"] for s in db["sources"].rows] == ["police"]
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert backlog(db) == []
    index_agrees(db)
    assert [r["source"] for r in search(db, "landslide") if r["kind"] == "claim"] == ["Police"]
    assert remove_uncited_sources(db) == 0


def test_uncited_sources_go_inside_a_callers_transaction_too():
    db = open_db(":memory:")
    store_report(db, report(0), rows(0))
    with db.conn:
        db.execute("DELETE FROM chain_links")
        db.execute("UPDATE claims SET source_id = NULL, origin_id = NULL")
        assert remove_uncited_sources(db) == 1
    assert db["sources"].count == 0
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
