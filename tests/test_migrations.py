"""Schema snapshot: what migrating a blank database creates (SPEC §8)."""
from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from claimtrack.db import SCHEMA, Reader, open_db, open_reader
from claimtrack.errors import DatabaseError
from claimtrack.migrations import known_migrations, migrations


def test_blank_database_schema():
    db = open_db(":memory:")
    assert [m.name for m in migrations.applied(db)] == known_migrations() == [
        "m001_reports", "m002_sources", "m003_claims", "m004_chain_links", "m005_search",
        "m006_claims_view", "m008_conflicts_view", "m009_claims_by_report_and_metric",
        "m010_search_backlog", "m011_no_indexes_by_source", "m012_events",
        "m013_individuals_and_tallies", "m016_lexicons",
        "m018_verdicts", "m019_parts_and_periods",
    ]
    assert db["reports"].columns_dict == {
        "id": int, "sha256": str, "title": str, "outlet": str, "url": str, "date": str,
        "event": str, "ref": str, "path": str, "ingested_at": str, "text": str,
        "event_id": int, "copy_of": int, "placed": str, "lexicon_id": int,
    }
    assert db["events"].columns_dict == {
        "id": int, "name": str, "made": str, "created_at": str, "updated_at": str}
    assert db["report_grouping"].columns_dict == {
        "report_id": int, "day": int, "content": int, "terms": str, "names": str,
        "people": str, "sketch": bytes, "how": str, "score": float, "closest": int,
        "shared": str}
    assert db["event_decisions"].columns_dict == {
        "id": int, "at": str, "action": str, "event_id": int, "detail": str}
    assert db["sources"].columns_dict == {"id": int, "key": str, "name": str, "kind": str}
    assert db["claims"].columns_dict == {
        "id": int, "report_id": int, "metric": str, "subject": str, "subject_group": str,
        "figure": str, "qualifier": str, "value": int, "low": int, "high": int, "unit": str,
        "location": str, "source_id": int, "source": str, "source_kind": str,
        "origin_id": int, "origin": str, "origin_kind": str, "cue": str, "hedge": str,
        "quoted": int, "sentence": str, "start": int, "end": int,
        "individual": int, "derived": str, "as_of": str, "parts": str,
        "part": int, "period": str,
    }
    assert db["chain_links"].columns_dict == {
        "claim_id": int, "position": int, "source_id": int, "name": str, "kind": str,
        "cue": str, "text": str, "descriptor": str, "role": str,
    }
    assert db["reports"].pks == ["id"]
    assert db["chain_links"].pks == ["claim_id", "position"]
    fks = {t: sorted((fk.column, fk.other_table, fk.other_column) for fk in db[t].foreign_keys)
           for t in ("reports", "sources", "claims", "chain_links", "report_grouping",
                     "event_decisions")}
    assert fks == {
        "reports": [("copy_of", "reports", "id"), ("event_id", "events", "id"),
                    ("lexicon_id", "lexicons", "id")],
        "report_grouping": [("report_id", "reports", "id")],
        "event_decisions": [("event_id", "events", "id")],
        "sources": [],
        "claims": [("origin_id", "sources", "id"), ("report_id", "reports", "id"),
                   ("source_id", "sources", "id")],
        "chain_links": [("claim_id", "claims", "id"), ("source_id", "sources", "id")],
    }
    unique = {t: sorted(tuple(i.columns) for i in db[t].indexes if i.unique)
              for t in ("reports", "sources", "events")}
    assert unique == {"reports": [("sha256",)], "sources": [("key",)], "events": [("name",)]}
    assert {("event_id",), ("copy_of",)} <= {tuple(i.columns) for i in db["reports"].indexes}
    indexed = {tuple(i.columns) for i in db["claims"].indexes}
    assert indexed == {("report_id", "metric")}
    assert [i.columns for i in db["chain_links"].indexes if not i.unique] == []
    assert ("event",) in {tuple(i.columns) for i in db["reports"].indexes}
    assert db["reports"].detect_fts() == "reports_fts"
    assert db["claims"].detect_fts() == "claims_fts"
    assert db.view_names() == ["claims_view", "conflicts_view"]
    assert list(db["claims_view"].columns_dict)[:4] == ["claim", "event", "metric", "figure"]


def test_foreign_keys_are_enforced():
    db = open_db(":memory:")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO claims (report_id, metric, figure, qualifier, source_kind, "
                   "origin_kind, quoted, start, \"end\") VALUES (99, 'killed', '1', 'exact', "
                   "'outlet', 'outlet', 0, 0, 1)")


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "x.db"
    open_db(path).close()
    db = open_db(path)
    assert len(migrations.applied(db)) == len(known_migrations())
    assert db.journal_mode == "wal"


def test_older_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m006_claims_view")
    assert "claims_view" not in old.view_names()
    old.close()
    db = open_db(path)
    assert "claims_view" in db.view_names()


def test_a_database_from_before_events_keeps_its_tags(tmp_path):
    # A database written before m012: tagged and untagged ("default") reports, a claim.
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m012_events")
    for n, event in enumerate(["almaty-2022", "default", "almaty-2022"], 1):
        old["reports"].insert({"sha256": f"h{n}", "event": event, "ingested_at": "2024-01-01",
                               "text": f"Report number {n}.", "title": f"Title {n}"})
    old.conn.commit()
    old.close()
    db = open_db(path)
    events = {r["name"]: r for r in db.query("SELECT id, name, made FROM events")}
    assert {n: e["made"] for n, e in events.items()} == {"almaty-2022": "tag", "default": "tag"}
    rows = list(db.query("SELECT id, event, event_id, placed, copy_of FROM reports ORDER BY id"))
    assert rows == [
        {"id": 1, "event": "almaty-2022", "event_id": events["almaty-2022"]["id"],
         "placed": "tag", "copy_of": None},
        {"id": 2, "event": "default", "event_id": events["default"]["id"], "placed": "auto",
         "copy_of": None},
        {"id": 3, "event": "almaty-2022", "event_id": events["almaty-2022"]["id"],
         "placed": "tag", "copy_of": None},
    ]
    # Moving a report to another event leaves the full-text index alone (trigger of m012).
    db.execute("DELETE FROM search_backlog")
    db.execute("UPDATE reports SET event = 'x' WHERE id = 2")
    assert db.execute("SELECT count(*) FROM search_backlog").fetchone() == (0,)
    db.execute("UPDATE reports SET title = 'New title' WHERE id = 2")
    assert db.execute("SELECT report_id FROM search_backlog").fetchall() == [(2,)]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_db(path).close()
    Database(path)["_sqlite_migrations"].insert(
        {"migration_set": "claimtrack", "name": "m999_future", "applied_at": "2100-01-01"})
    with pytest.raises(DatabaseError, match="newer claimtrack.*m999_future"):
        open_db(path)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    Database(path)["people"].insert({"name": "Ann"})
    with pytest.raises(DatabaseError, match="not a claimtrack database"):
        open_db(path)
    assert Database(path).table_names() == ["people"]  # left as it was


def test_the_readers_list_of_migrations_is_the_schemas():
    # open_reader() opens a database recording exactly these without sqlite-utils.
    assert list(SCHEMA) == known_migrations()


def test_a_current_database_opens_as_a_reader_that_cannot_write(tmp_path):
    path = tmp_path / "x.db"
    db = open_db(path)
    db["sources"].insert({"key": "police", "name": "Police", "kind": "police"})
    db.close()
    reader = open_reader(path)
    assert isinstance(reader, Reader)
    assert list(reader.query("SELECT key, kind FROM sources WHERE id = ?", [1])) == [
        {"key": "police", "kind": "police"}]
    assert reader.execute("SELECT count(*) FROM reports").fetchone() == (0,)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM sources")
    reader.close()


@pytest.mark.parametrize("prepare, outcome", [
    ("older", "upgraded"), ("newer", "newer claimtrack.*m999_future"),
    ("foreign", "not a claimtrack database"), ("text", "not a SQLite database"),
    ("missing", "no database at .*run `claimtrack ingest` first"),
])
def test_any_other_file_goes_the_way_of_open_db(tmp_path, prepare, outcome):
    path = tmp_path / "x.db"
    if prepare == "older":
        migrations.apply(Database(path), stop_before="m006_claims_view")
    elif prepare == "newer":
        open_db(path).close()
        Database(path)["_sqlite_migrations"].insert(
            {"migration_set": "claimtrack", "name": "m999_future", "applied_at": "2100-01-01"})
    elif prepare == "foreign":
        Database(path)["people"].insert({"name": "Ann"})
    elif prepare == "text":
        path.write_text("not a database at all, but long enough to look like one " * 40)
    if outcome == "upgraded":
        db = open_reader(path)
        assert isinstance(db, Database) and "claims_view" in db.view_names()
    else:
        with pytest.raises(DatabaseError, match=outcome):
            open_reader(path)
