"""Parts and periods through the real CLI: `ingest` then `conflicts -f jsonl` on report files
written here. A subset of a counted group and a running count over a span no longer make a
false contradiction; a true contradiction stays one; `show` says what a part or a running
count stands for; an older database gains the columns and keeps its rows."""
from __future__ import annotations

import json

from claimtrack import find_conflicts
from claimtrack.db import claim_rows, open_db
from claimtrack.migrations import migrations

EVENT = "keel-street-2024"


def write_reports(tmp_path, reports: list[dict]) -> str:
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return str(path)


def ingest(invoke, tmp_path, reports: list[dict]) -> str:
    db = str(tmp_path / "parts.db")
    result = invoke("ingest", write_reports(tmp_path, reports), "--db", db, "--event", EVENT)
    assert result.exit_code == 0, result.stderr
    return db


def conflicts(invoke, db: str, *extra: str) -> list[dict]:
    result = invoke("conflicts", "--db", db, "-f", "jsonl", *extra)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def verdicts_without_flags(db: str) -> dict[str, str]:
    """The verdicts the same stored claims would get if nothing were flagged part or period:
    what `conflicts` said before parts and periods were read."""
    database = open_db(db)
    rows = [{**row, "part": None, "period": None} for row in claim_rows(database)]
    database.close()
    return {g.metric: g.verdict for g in find_conflicts(rows)}


SUBSET = [
    {"id": "ledger", "outlet": "Harbor Ledger", "date": "2024-03-02", "title": "Five shot on Keel Street",
     "text": "Five people were shot late Friday outside a bar on Keel Street in Marrow Bay. "
             "Police said two of the victims had serious injuries."},
    {"id": "courier", "outlet": "Bay Courier", "date": "2024-03-02", "title": "Shooting at Keel Street bar",
     "text": "Five people were wounded in a shooting outside a bar on Keel Street, "
             "the fire department said."},
]


def test_a_sources_subset_is_no_contradiction(invoke, tmp_path):
    db = ingest(invoke, tmp_path, SUBSET)
    assert verdicts_without_flags(db) == {"injured": "contradiction"}  # 2 (police) against 5
    assert conflicts(invoke, db) == []  # the report's 5 speaks for its police's 2: all agree
    rows = conflicts(invoke, db, "--all")
    assert [(r["metric"], r["verdict"], r["figure"], r["value"]) for r in rows] == [
        ("injured", "agree", "5", 5), ("injured", "agree", "Five", 5)]


def test_show_says_a_part_is_part_of_the_reports_count(invoke, tmp_path):
    db = ingest(invoke, tmp_path, SUBSET)
    claims = json.loads(invoke("claims", "--db", db, "-f", "json").stdout)
    part = next(c for c in claims if c["figure"] == "two")
    assert (part["metric"], part["part"], part["period"], part["source"]) == ("injured", True, None, "Police")
    shown = invoke("show", str(part["id"]), "--db", db, "-f", "table")
    assert shown.exit_code == 0, shown.stderr
    assert "part of the report's count (a lower bound on the total)" in shown.stdout


RUNNING = [
    {"id": "ledger", "outlet": "Harbor Ledger", "date": "2024-05-12", "title": "Two killed at Fenn Road garage",
     "text": "Two men were shot dead inside a garage on Fenn Road on Sunday, police said."},
    {"id": "courier", "outlet": "Bay Courier", "date": "2024-05-12", "title": "Garage shooting",
     "text": "Two men died at a garage on Fenn Road, the coroner said. "
             "More than 140 people have been killed in the city so far this year."},
]


def test_a_running_count_is_left_out_of_the_incidents_comparison(invoke, tmp_path):
    db = ingest(invoke, tmp_path, RUNNING)
    assert verdicts_without_flags(db) == {"killed": "contradiction"}  # 140+ against 2
    assert conflicts(invoke, db) == []
    rows = conflicts(invoke, db, "--all")
    assert sorted((r["figure"], r["source"]) for r in rows) == [("Two", "coroner"), ("Two", "police")]
    claims = json.loads(invoke("claims", "--db", db, "-f", "json").stdout)
    running = next(c for c in claims if c["figure"] == "More than 140")
    assert running["period"] == "so far this year" and running["part"] is False
    shown = invoke("show", str(running["id"]), "--db", db, "-f", "table")
    assert "a running count so far this year" in shown.stdout
    # the timeline leaves it out too: it is no figure of this incident
    timeline = invoke("timeline", "--db", db, "-f", "jsonl")
    assert timeline.exit_code == 0, timeline.stderr
    assert "More than 140" not in timeline.stdout and '"Two"' in timeline.stdout


def test_a_total_below_another_total_stays_a_contradiction(invoke, tmp_path):
    db = ingest(invoke, tmp_path, [
        {"id": "ledger", "outlet": "Harbor Ledger", "date": "2024-06-01", "title": "Market attack",
         "text": "Six people were injured in the attack at the market, two of them critically, police said."},
        {"id": "courier", "outlet": "Bay Courier", "date": "2024-06-01", "title": "Market attack",
         "text": "Three people were injured at the market, the hospital said."},
    ])
    rows = conflicts(invoke, db)
    assert [(r["metric"], r["verdict"], r["figure"], r["source"], r["contradicted"]) for r in rows] == [
        ("injured", "contradiction", "Six", "police", True),
        ("injured", "contradiction", "Three", "hospital", True)]
    assert "the hospital said 3" in rows[0]["reason"] and "police said 6" in rows[0]["reason"]


def test_extract_prints_both_fields(invoke, tmp_path):
    path = write_reports(tmp_path, RUNNING[1:])
    result = invoke("extract", path, "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["figure"], r["part"], r["period"]) for r in rows] == [
        ("Two", False, None), ("More than 140", False, "so far this year")]
    csv_out = invoke("extract", path, "-f", "csv").stdout.splitlines()
    header = csv_out[0].split(",")
    assert "part" in header and "period" in header


def test_an_older_database_gains_the_columns_and_keeps_its_claims(invoke, tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    older = Database(path)
    migrations.apply(older, stop_before="m019_parts_and_periods")
    older.close()
    result = invoke("ingest", write_reports(tmp_path, SUBSET[:1]), "--db", str(path), "--event", EVENT)
    assert result.exit_code == 0, result.stderr  # the ingest migrates first
    db = Database(path)
    assert {"part", "period"} <= set(db["claims"].columns_dict)
    assert [(r["figure"], r["part"]) for r in db.query("SELECT figure, part FROM claims ORDER BY id")] == [
        ("Five", 0), ("two", 1), ("5", 0)]
    # a claim stored before the migration reads as no part and no period
    db.execute("UPDATE claims SET part = NULL, period = NULL")
    db.conn.commit()
    db.close()
    claims = json.loads(invoke("claims", "--db", str(path), "-f", "json").stdout)
    assert {(c["part"], c["period"]) for c in claims} == {(False, None)}
    # reextract reads the part again; the claims that are no part keep their numbers
    result = invoke("reextract", "--db", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [(r["added"], r["removed"], r["unchanged"]) for r in json.loads(result.stdout)] == [(1, 1, 2)]
    claims = json.loads(invoke("claims", "--db", str(path), "-f", "json").stdout)
    assert [(c["id"], c["figure"], c["part"]) for c in claims] == [(1, "Five", False), (3, "5", False), (4, "two", True)]
