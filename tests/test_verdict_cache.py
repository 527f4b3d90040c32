"""The verdicts `conflicts` keeps per event (claimtrack.store.verdicts, migration m018).

After every kind of write (ingest, a later report, a copy, an event renamed, merged, split
or moved, automatic regrouping, reextract under another lexicon, plain SQL on the tables),
`conflicts` in every format and with every filter must print exactly what
``find_conflicts`` computes from the claim rows at that moment; a second read must not
compute again; a database that cannot be written is answered all the same.
"""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

import claimtrack.conflicts
from claimtrack.conflicts import conflicts_by_event, cumulative_in_text, cumulative_metrics
from claimtrack.migrations import migrations
from claimtrack.output import Format, render_conflicts
from claimtrack.store import claim_rows, open_db, open_reader, recorded_overlay, stored_names
from claimtrack.store.verdicts import FINGERPRINT_KEY, conflict_groups

# Two events of our own: a quake whose toll is given as 40, then 25 a day later by another
# body (a cumulative count that fell: a contradiction), and a flood with two counts of the
# displaced on one day.
QUAKE = [
    {"id": "q1", "title": "Quake toll", "outlet": "Valley Herald", "date": "2024-03-02",
     "text": "The regional health office said 40 people were killed in the quake near "
             "Tarvin. Police said 12 people were injured."},
    {"id": "q2", "title": "Rescuers count dead", "outlet": "Coast Wire", "date": "2024-03-03",
     "text": "Rescue teams said 25 people were killed in the quake. A hospital spokesman "
             "said 30 people were injured."},
]
FLOOD = [
    {"id": "f1", "title": "Dam breach", "outlet": "Coast Wire", "date": "2024-05-10",
     "text": "The fire brigade said 300 people were displaced by the flood. The mayor said "
             "90 people were displaced."},
]
LATER = {"id": "q3", "title": "Toll rises", "outlet": "Daily Lantern", "date": "2024-03-05",
         "text": "The interior ministry said 61 people were killed in the quake. Police said "
                 "45 people were injured."}
# killed counted as a figure that goes up and down: a lexicon that changes verdicts
NOT_CUMULATIVE = "[metrics.killed]\ncumulative = false\n"

FORMATS = ("jsonl", "json", "csv", "tsv", "table")


def write_reports(path: Path, reports: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), "utf-8")
    return str(path)


def fresh(db_path: str, *, fmt: str = "jsonl", event: str | None = None,
          metric: str | None = None, strict: bool = False, all_: bool = False,
          history: bool = False, lexicon: str | None = None) -> str:
    """What `conflicts` prints, computed from the claim rows by find_conflicts alone."""
    db = open_reader(db_path)
    try:
        cumulative = (cumulative_metrics(lexicon) if lexicon
                      else cumulative_in_text(recorded_overlay(db)))
        rows = claim_rows(db, event=event, include_other=False, by_event=True, tuples=True)
        groups = conflicts_by_event(rows, event=event, metric=metric, strict=strict,
                                    include_all=all_, history=history, cumulative=cumulative)
        out = io.StringIO()
        render_conflicts(groups, Format(fmt), file=out)
        return out.getvalue()
    finally:
        db.close()


def option_sets(db_path: str) -> list[dict]:
    """No filter, each verdict filter, history, and each stored event and metric."""
    db = open_reader(db_path)
    events, metrics = stored_names(db, "event"), stored_names(db, "metric")
    db.close()
    sets = [{}, {"strict": True}, {"all_": True}, {"all_": True, "history": True}]
    sets += [{"event": e} for e in events]
    sets += [{"metric": m, "all_": True} for m in metrics if m != "other"]
    sets += [{"event": e, "metric": "killed", "strict": True} for e in events[:1]]
    return sets


def argv(options: dict) -> list[str]:
    args = []
    for key, flag in (("event", "--event"), ("metric", "--metric"), ("lexicon", "--lexicon")):
        if options.get(key) is not None:
            args += [flag, options[key]]
    for key, flag in (("strict", "--strict"), ("all_", "--all"), ("history", "--history")):
        if options.get(key):
            args.append(flag)
    return args


def same_as_fresh(invoke, db_path: str, formats=FORMATS) -> int:
    """Every format and filter of `conflicts` prints what a fresh computation finds; the
    number of groups listed without a filter."""
    for options in option_sets(db_path):
        for fmt in formats:
            result = invoke("conflicts", "--db", db_path, "-f", fmt, *argv(options))
            assert result.exit_code == 0, (options, fmt, result.stderr)
            assert result.stdout == fresh(db_path, fmt=fmt, **options), (options, fmt)
    db = sqlite3.connect(db_path)
    try:
        return db.execute("SELECT count(*) FROM verdict_groups WHERE verdict != 'agree'"
                          ).fetchone()[0]
    finally:
        db.close()


def dirty(db_path: str) -> set[str]:
    db = sqlite3.connect(db_path)
    try:
        return {e for (e,) in db.execute("SELECT event FROM verdict_dirty")}
    finally:
        db.close()


def sql(db_path: str, statement: str, params=()) -> None:
    db = sqlite3.connect(db_path)
    try:
        with db:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute(statement, params)
    finally:
        db.close()


def report_id(db_path: str, ref: str) -> int:
    db = sqlite3.connect(db_path)
    try:
        return db.execute("SELECT id FROM reports WHERE ref = ?", [ref]).fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def quake_db(invoke, tmp_path):
    path = str(tmp_path / "v.db")
    assert invoke("ingest", "--db", path, "--event", "quake", "-j", "1", "-q",
                  write_reports(tmp_path / "quake.jsonl", QUAKE)).exit_code == 0
    assert invoke("ingest", "--db", path, "--event", "flood", "-j", "1", "-q",
                  write_reports(tmp_path / "flood.jsonl", FLOOD)).exit_code == 0
    return path


def test_the_stored_verdicts_are_what_find_conflicts_finds(invoke, quake_db):
    assert dirty(quake_db) == {"quake", "flood"}  # nothing computed at ingest
    result = invoke("conflicts", "--db", quake_db, "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["event"], r["metric"], r["verdict"], r["figure"], r["origin"], r["contradicted"])
            for r in rows] == [
        ("flood", "displaced", "contradiction", "300", "fire brigade", True),
        ("flood", "displaced", "contradiction", "90", "mayor", True),
        ("quake", "injured", "divergent", "12", "Police", False),
        ("quake", "injured", "divergent", "30", "hospital spokesman", False),
        ("quake", "killed", "contradiction", "40", "regional health office", True),
        ("quake", "killed", "contradiction", "25", "Rescue teams", True),
    ]
    assert rows[4]["reason"] == ("On 3 March Rescue teams said 25 were killed, a day after the "
                                 "regional health office said 40.")
    assert dirty(quake_db) == set()
    assert same_as_fresh(invoke, quake_db) == 3


def test_a_second_read_computes_nothing(invoke, quake_db, monkeypatch):
    first = invoke("conflicts", "--db", quake_db, "--all", "--history", "-f", "jsonl").stdout

    def refuse(*args, **kwargs):
        raise AssertionError("find_conflicts called on a read of stored verdicts")

    monkeypatch.setattr(claimtrack.conflicts, "find_conflicts", refuse)
    again = invoke("conflicts", "--db", quake_db, "--all", "--history", "-f", "jsonl")
    assert again.exit_code == 0
    assert again.stdout == first and first
    table = invoke("conflicts", "--db", quake_db, "-f", "table")
    assert table.exit_code == 0 and "quake · killed — contradiction" in table.stdout


def test_a_write_marks_only_the_events_it_touches(invoke, quake_db, tmp_path):
    invoke("conflicts", "--db", quake_db)
    assert dirty(quake_db) == set()
    assert invoke("ingest", "--db", quake_db, "--event", "quake", "-j", "1", "-q",
                  write_reports(tmp_path / "later.jsonl", [LATER])).exit_code == 0
    assert dirty(quake_db) == {"quake"}
    # the event asked for is brought up to date, and no other
    sql(quake_db, "INSERT INTO verdict_dirty (event) VALUES ('flood')")
    assert invoke("conflicts", "--db", quake_db, "--event", "quake").exit_code == 0
    assert dirty(quake_db) == {"flood"}


def test_every_write_path_leaves_the_verdicts_as_computed_afresh(invoke, quake_db, tmp_path):
    assert same_as_fresh(invoke, quake_db) == 3
    # a later report in one event: the killed toll now rose again
    assert invoke("ingest", "--db", quake_db, "--event", "quake", "-j", "1", "-q",
                  write_reports(tmp_path / "later.jsonl", [LATER])).exit_code == 0
    same_as_fresh(invoke, quake_db)
    # a copy of a report (a new headline, the same words), grouped automatically
    copy = {**QUAKE[0], "id": "q1-copy", "title": "Quake: dozens dead", "outlet": "Metro Post"}
    assert invoke("ingest", "--db", quake_db, "-j", "1", "-q",
                  write_reports(tmp_path / "copy.jsonl", [copy])).exit_code == 0
    same_as_fresh(invoke, quake_db)
    # users' decisions on events: rename, merge, split, move
    steps = [
        ("quake", "--rename", "tarvin-quake"),
        ("flood", "--merge", "tarvin-quake"),
        ("flood", "--split", str(report_id(quake_db, "q2"))),
        ("flood", "--move", str(report_id(quake_db, "q2"))),
        ("--regroup",),
    ]
    for step in steps:
        result = invoke("events", "--db", quake_db, *step, "-f", "jsonl")
        assert result.exit_code == 0, (step, result.stderr)
        same_as_fresh(invoke, quake_db, formats=("jsonl", "table"))
    # another lexicon recorded by reextract: killed no longer only grows
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text(NOT_CUMULATIVE, "utf-8")
    assert invoke("reextract", "--db", quake_db, "--lexicon", str(lexicon), "-f",
                  "jsonl").exit_code == 0
    same_as_fresh(invoke, quake_db)
    # plain SQL on the tables: an outlet corrected, a claim and a report deleted
    sql(quake_db, "UPDATE reports SET outlet = 'Valley Herald Online' WHERE ref = 'q1'")
    same_as_fresh(invoke, quake_db, formats=("jsonl",))
    sql(quake_db, "DELETE FROM chain_links WHERE claim_id = (SELECT max(id) FROM claims)")
    sql(quake_db, "DELETE FROM claims WHERE id = (SELECT max(id) FROM claims)")
    same_as_fresh(invoke, quake_db, formats=("jsonl",))
    flood = report_id(quake_db, "f1")
    for table in ("report_grouping", "grouping_names", "grouping_anchors", "search_backlog"):
        sql(quake_db, f"DELETE FROM {table} WHERE report_id = ?", [flood])
    sql(quake_db, "DELETE FROM chain_links WHERE claim_id IN "
                  "(SELECT id FROM claims WHERE report_id = ?)", [flood])
    sql(quake_db, "DELETE FROM claims WHERE report_id = ?", [flood])
    sql(quake_db, "UPDATE reports SET copy_of = NULL WHERE copy_of = ?", [flood])
    sql(quake_db, "DELETE FROM reports WHERE id = ?", [flood])
    same_as_fresh(invoke, quake_db, formats=("jsonl",))


def test_a_lexicon_for_one_command_is_computed_and_changes_nothing_stored(invoke, quake_db,
                                                                          tmp_path):
    stored = invoke("conflicts", "--db", quake_db, "-f", "jsonl").stdout
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text(NOT_CUMULATIVE, "utf-8")
    other = invoke("conflicts", "--db", quake_db, "--lexicon", str(lexicon), "-f", "jsonl")
    assert other.exit_code == 0
    assert other.stdout == fresh(quake_db, lexicon=str(lexicon)) != stored
    killed = [json.loads(line) for line in other.stdout.splitlines()
              if '"metric": "killed"' in line]
    assert {r["verdict"] for r in killed} == {"divergent"}  # 40 then 25 a day later
    assert invoke("conflicts", "--db", quake_db, "-f", "jsonl").stdout == stored
    assert dirty(quake_db) == set()


def test_new_rules_or_gazetteer_recompute_every_event(invoke, quake_db):
    before = invoke("conflicts", "--db", quake_db, "--all", "-f", "jsonl").stdout
    sql(quake_db, "UPDATE settings SET value = 'from an older claimtrack' WHERE key = ?",
        [FINGERPRINT_KEY])
    sql(quake_db, "UPDATE verdict_groups SET verdict = 'agree'")  # what the old rules said
    assert invoke("conflicts", "--db", quake_db, "--all", "-f", "jsonl").stdout == before
    assert dirty(quake_db) == set()


def test_a_database_locked_by_a_writer_is_answered_from_the_claims(quake_db):
    expected = fresh(quake_db)
    writer = sqlite3.connect(quake_db)
    writer.execute("BEGIN IMMEDIATE")  # an ingest at work
    try:
        db = open_reader(quake_db)
        db.conn.execute("PRAGMA busy_timeout = 20")
        out = io.StringIO()
        render_conflicts(conflict_groups(db, cumulative=cumulative_in_text(None)),
                         Format.jsonl, file=out)
        db.close()
    finally:
        writer.rollback()
        writer.close()
    assert out.getvalue() == expected and expected
    assert dirty(quake_db) == {"quake", "flood"}  # nothing was written


def test_one_event_computed_beside_the_stored_others(quake_db):
    """An event still dirty (its refresh could not be written) is computed in its place
    among the stored ones."""
    db = open_db(quake_db)
    cumulative = cumulative_in_text(None)
    list(conflict_groups(db, cumulative=cumulative))
    db.conn.execute("UPDATE verdict_groups SET reason = 'stale' WHERE event = 'flood'")
    db.conn.execute("INSERT INTO verdict_dirty (event) VALUES ('flood')")
    db.conn.commit()
    groups = list(conflict_groups(db, cumulative=cumulative, own=False))
    assert [(g.group, g.event, g.metric) for g in groups] == [
        (1, "flood", "displaced"), (2, "quake", "injured"), (3, "quake", "killed")]
    assert "stale" not in {g.reason for g in groups}
    db.close()


def test_an_older_database_gains_the_tables_with_every_event_to_compute(tmp_path, invoke):
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    older = Database(path)
    migrations.apply(older, stop_before="m018_verdicts")
    older.execute("INSERT INTO reports (sha256, event, ingested_at, text) "
                  "VALUES ('x', 'earlier-event', '2024-01-01', 'No figures.')")
    older.conn.commit()
    older.close()
    db = open_db(path)
    assert {"verdict_groups", "verdict_claims", "verdict_dirty"} <= set(db.table_names())
    assert [e for (e,) in db.execute("SELECT event FROM verdict_dirty")] == ["earlier-event"]
    db.close()
    result = invoke("conflicts", "--db", str(path), "--all", "-f", "jsonl")
    assert result.exit_code == 0 and result.stdout == ""
    assert dirty(str(path)) == set()


def test_a_read_only_database_is_answered_from_the_claims(quake_db):
    from claimtrack.store import Reader

    expected = fresh(quake_db, all_=True, history=True)
    uri = f"{Path(quake_db).resolve().as_uri()}?mode=ro"
    db = Reader(sqlite3.connect(uri, uri=True))
    out = io.StringIO()
    render_conflicts(conflict_groups(db, cumulative=cumulative_in_text(None), include_all=True,
                                     history=True), Format.jsonl, file=out)
    db.close()
    assert out.getvalue() == expected and expected
    assert dirty(quake_db) == {"quake", "flood"}


def test_conflicts_view_shows_the_stored_verdict_while_it_holds(invoke, quake_db, tmp_path):
    def view() -> list[tuple]:
        db = sqlite3.connect(quake_db)
        try:
            return db.execute("SELECT DISTINCT event, metric, verdict FROM conflicts_view "
                              "ORDER BY 1, 2").fetchall()
        finally:
            db.close()

    assert view() == [("flood", "displaced", None), ("quake", "injured", None),
                      ("quake", "killed", None)]  # nothing computed yet
    invoke("conflicts", "--db", quake_db)
    assert view() == [("flood", "displaced", "contradiction"), ("quake", "injured", "divergent"),
                      ("quake", "killed", "contradiction")]
    assert invoke("ingest", "--db", quake_db, "--event", "quake", "-j", "1", "-q",
                  write_reports(tmp_path / "later.jsonl", [LATER])).exit_code == 0
    assert view() == [("flood", "displaced", "contradiction"), ("quake", "injured", None),
                      ("quake", "killed", None)]


def test_stored_groups_equal_the_computed_ones_records_and_figures_too(invoke, quake_db,
                                                                       tmp_path):
    assert invoke("ingest", "--db", quake_db, "--event", "quake", "-j", "1", "-q",
                  write_reports(tmp_path / "later.jsonl", [LATER])).exit_code == 0
    db = open_db(quake_db)
    cumulative = cumulative_in_text(None)
    options = dict(include_all=True, history=True, cumulative=cumulative)
    list(conflict_groups(db, **options))  # computed and stored
    stored = list(conflict_groups(db, **options))
    assert all(g.stored_lines is not None for g in stored)
    computed = list(conflicts_by_event(
        claim_rows(db, include_other=False, by_event=True, tuples=True), **options))
    assert stored == computed  # group, event, metric, verdict, claims, figures, reason
    assert [g.voices for g in stored] == [g.voices for g in computed]
    assert any(c.superseded for g in stored for c in g.claims)  # the quake's earlier tolls
    db.close()


def test_rows_changed_while_an_event_was_computed_are_computed_again(quake_db, monkeypatch):
    """The verdicts are computed before the write lock is taken: where another connection
    commits a change to the event's rows meanwhile (an outlet corrected, here right after
    each event's first read), the rows are read again under the lock and computed again."""
    import claimtrack.store.verdicts as verdicts

    real, calls = verdicts._rows, []

    def read_then_another_writes(db, event):
        rows = real(db, event)
        calls.append(event)
        if calls.count(event) == 1:
            sql(quake_db, "UPDATE reports SET outlet = outlet || ' (corrected)' WHERE event = ?",
                [event])
        return rows

    monkeypatch.setattr(verdicts, "_rows", read_then_another_writes)
    db = open_db(quake_db)
    assert verdicts.refresh(db, cumulative_in_text(None))
    db.close()
    assert sorted(calls) == ["flood", "flood", "quake", "quake"]  # read again under the lock
    monkeypatch.setattr(verdicts, "_rows", real)
    db = open_reader(quake_db)
    out = io.StringIO()
    render_conflicts(conflict_groups(db, cumulative=cumulative_in_text(None), include_all=True,
                                     history=True), Format.jsonl, file=out)
    db.close()
    assert "(corrected)" in out.getvalue()
    assert out.getvalue() == fresh(quake_db, all_=True, history=True)
    assert dirty(quake_db) == set()


def test_with_no_other_writer_an_event_is_read_once(quake_db, monkeypatch):
    import claimtrack.store.verdicts as verdicts

    real, calls = verdicts._rows, []
    monkeypatch.setattr(verdicts, "_rows", lambda db, event: calls.append(event) or real(db, event))
    db = open_db(quake_db)
    assert verdicts.refresh(db, cumulative_in_text(None))
    db.close()
    assert sorted(calls) == ["flood", "quake"]
