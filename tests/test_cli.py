"""The command line through CliRunner: every command, every format, exit codes, stderr."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from claimtrack import __version__
from claimtrack.db import open_db, store_report
from claimtrack.inputs import Meta, Report
from claimtrack.output import Format, render
from conftest import make_claim
from oracles import as_cells

FORMATS = ["table", "json", "jsonl", "csv", "tsv"]
TEXT_1 = "Police said 12 people were killed in the city on Monday."
TEXT_2 = "According to the Red Cross, at least 30 people were injured in the riots."


def parse(fmt: str, out: str) -> list[dict]:
    """Rows back from a machine format, every value as text (as CSV gives it)."""
    if fmt == "json":
        rows = json.loads(out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        return list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    return [as_cells(row) for row in rows]



@pytest.fixture
def stored(tmp_path) -> Path:
    """A database with two hand-made reports (no extraction involved)."""
    path = tmp_path / "stored.db"
    db = open_db(path)
    store_report(db, Report(TEXT_1, "one.txt", "one.txt", "one.txt",
                            Meta(title="Night of clashes", outlet="City Herald",
                                 date="2024-03-04", event="clashes")),
                 [make_claim(TEXT_1, "12", chain=(("Police", "police", "said"),))])
    store_report(db, Report(TEXT_2, "two.txt", "two.txt", "two.txt",
                            Meta(outlet="Wire", event="clashes")),
                 [make_claim(TEXT_2, "at least 30", metric="injured", value=30, low=30,
                             qualifier="at_least",
                             chain=(("Wire", "outlet", None), ("Red Cross", "ngo", "according to")))])
    db.close()
    return path


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    (folder / "more").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "---\ntitle: Clashes\noutlet: City Herald\ndate: 2024-03-04\n---\n" + TEXT_1 + "\n")
    (folder / "more" / "b.md").write_text(" date 2024-03-05 " + TEXT_2 + "\n")
    return folder


def test_version_and_help(invoke):
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"claimtrack {__version__}\n")
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("ingest", "extract", "reports", "claims", "sources"):
        assert command in result.stdout
        sub = invoke(command, "--help")
        assert sub.exit_code == 0 and "Example:" in sub.stdout


def test_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "claimtrack", "--help"], capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Usage: claimtrack" in result.stdout


# Runs a command, then names on stderr the modules of these packages that it loaded.
LOADED = """
import sys
from claimtrack.cli import app
try:
    app(sys.argv[1:], prog_name="claimtrack")
except SystemExit:
    pass
print(" ".join(m for m in sys.modules if m.split(".")[0] in
               ("claimtrack", "rich", "sqlite_utils", "trafilatura")), file=sys.stderr)
"""
ENGINE = "claimtrack.extract"


@pytest.mark.parametrize("args, absent", [
    (["--help"], [ENGINE, "claimtrack.conflicts", "sqlite_utils", "trafilatura"]),
    (["claims", "-f", "jsonl"], [ENGINE, "claimtrack.conflicts", "rich", "trafilatura",
                                 "sqlite_utils"]),
    (["reports", "-f", "csv"], [ENGINE, "claimtrack.conflicts", "rich", "trafilatura",
                                "sqlite_utils"]),
    (["conflicts", "-f", "json"], [ENGINE, "rich", "trafilatura", "sqlite_utils"]),
    (["timeline", "-f", "jsonl"], [ENGINE, "rich", "trafilatura", "sqlite_utils"]),
    (["claims", "-f", "table"], [ENGINE, "trafilatura", "sqlite_utils"]),
    (["show", "1", "-f", "json"], [ENGINE, "rich", "trafilatura", "sqlite_utils"]),
    (["extract", "-f", "jsonl", "-"], ["sqlite_utils", "rich", "trafilatura"]),
])
def test_commands_load_only_what_they_use(stored, args, absent):
    # Start-up is most of what a listing costs (tests/perf/bench.py): the extraction
    # engine, rich, sqlite-utils and trafilatura load only for the commands that use them
    # (a listing reads a current database through db.Reader, without sqlite-utils).
    result = subprocess.run([sys.executable, "-c", LOADED, "--db", str(stored), *args],
                            input="Police said 12 people died.", capture_output=True, text=True,
                            timeout=60)
    loaded = {m.split(".")[0] if m.split(".")[0] != "claimtrack" else m
              for m in result.stderr.split()}
    assert "claimtrack.cli" in loaded, result.stderr
    assert not loaded & set(absent)


def test_ingest_then_list(invoke, news):
    extracted = invoke("extract", str(news), "-f", "jsonl")
    assert extracted.exit_code == 0
    claims = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert {c["report"] for c in claims} <= {str(news / "a.txt"), str(news / "more" / "b.md")}

    result = invoke("ingest", str(news), "--event", "clashes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (f"added 2 reports ({len(claims)} claim{'' if len(claims) == 1 else 's'}), "
                             "skipped 0 duplicates, rejected 0 inputs → claimtrack.db\n")

    reports = [json.loads(line) for line in invoke("reports").stdout.splitlines()]
    assert [(r["id"], r["title"], r["outlet"], r["date"], r["event"], r["path"]) for r in reports] == [
        (1, "Clashes", "City Herald", "2024-03-04", "clashes", str(news / "a.txt")),
        (2, None, None, "2024-03-05", "clashes", str(news / "more" / "b.md")),
    ]
    stored = [json.loads(line) for line in invoke("claims", "--all").stdout.splitlines()]
    keys = [k for k in claims[0] if k != "report"] if claims else []
    assert [{k: c[k] for k in keys} for c in stored] == [{k: c[k] for k in keys} for c in claims]
    db = Database("claimtrack.db")
    assert db["reports"].get(2)["text"] == TEXT_2  # the date token is not part of the text


def test_reingest_adds_nothing(invoke, news):
    assert invoke("ingest", str(news)).exit_code == 0
    before = invoke("claims", "--all").stdout
    result = invoke("ingest", str(news / "more"), str(news))
    assert result.exit_code == 0
    assert result.stderr == ("added 0 reports (0 claims), skipped 3 duplicates, "
                             "rejected 0 inputs → claimtrack.db\n")
    assert invoke("claims", "--all").stdout == before



def test_ingest_summary_counts_the_claims_listed_and_the_other_figures_apart(invoke):
    text = "Police said 12 people were killed in the storm. Engineers said 3 bridges collapsed.\n"
    result = invoke("ingest", "-", input=text)
    assert (result.exit_code, result.stderr) == (0, (
        "added 1 report (1 claim, 1 more with metric other), skipped 0 duplicates, "
        "rejected 0 inputs → claimtrack.db\n"))
    assert [json.loads(line)["figure"] for line in invoke("claims").stdout.splitlines()] == ["12"]
    assert [json.loads(line)["figure"] for line in
            invoke("claims", "--all").stdout.splitlines()] == ["12", "3"]

def test_ingest_stdin_text_and_json_lines(invoke):
    result = invoke("ingest", "-", "--outlet", "Pasted", "--date", "2024-01-01",
                    input="title: Pasted report\n\n" + TEXT_1 + "\n")
    assert result.exit_code == 0, result.stderr
    lines = "".join(json.dumps({"text": f"Report {i}: {TEXT_2}", "id": f"r{i}"}) + "\n"
                    for i in range(5))
    result = invoke("ingest", "-", input=lines)
    assert result.exit_code == 0
    assert result.stderr.startswith("added 5 reports")
    rows = [json.loads(line) for line in invoke("reports", "-f", "jsonl").stdout.splitlines()]
    assert [(r["title"], r["outlet"], r["date"], r["ref"], r["path"]) for r in rows[:2]] == [
        ("Pasted report", "Pasted", "2024-01-01", "<stdin>", None),
        (None, None, None, "r0", None)]


def test_broken_json_line_in_the_middle(invoke, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": TEXT_1, "outlet": "A"}) + "\n"
                    + '{"text": "unfinished\n'
                    + json.dumps({"text": TEXT_2, "outlet": "B"}) + "\n")
    result = invoke("ingest", str(feed))
    assert result.exit_code == 1
    claims = len(invoke("extract", str(feed)).stdout.splitlines())
    assert result.stderr.splitlines() == [
        f"rejected {feed}:2: invalid JSON: Unterminated string starting at (column 10)",
        f"added 2 reports ({claims} claim{'' if claims == 1 else 's'}), "
        "skipped 0 duplicates, rejected 1 input → claimtrack.db",
    ]
    rows = parse("json", invoke("reports", "-f", "json").stdout)
    assert [(r["outlet"], r["ref"]) for r in rows] == [("A", f"{feed}:1"), ("B", f"{feed}:3")]


def test_bad_inputs_are_named_and_the_rest_stored(invoke, tmp_path):
    (tmp_path / "good.txt").write_text(TEXT_1)
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02binary")
    result = invoke("ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
                    str(tmp_path / "image.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        f"rejected {tmp_path / 'empty.txt'}: empty report: no text",
        f"rejected {tmp_path / 'image.txt'}: binary file, not text",
        f"rejected {tmp_path / 'missing.txt'}: no such file or folder",
    ]
    assert "added 1 report" in result.stderr and "rejected 3 inputs" in result.stderr
    assert len(parse("json", invoke("reports", "-f", "json").stdout)) == 1


def test_extract_report_names_and_formats(invoke, tmp_path):
    (tmp_path / "a.txt").write_text("id: story-1\n\n" + TEXT_1)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": TEXT_2}) + "\n"
                                      + json.dumps({"text": TEXT_1, "id": 5}) + "\n")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]
    result = invoke("extract", *paths, "--outlet", "Herald")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["report"] for r in rows} <= {"story-1", f"{tmp_path / 'b.jsonl'}:1", "5"}
    assert not (tmp_path / "claimtrack.db").exists()  # extract needs no database
    for fmt in FORMATS[1:]:
        out = invoke("extract", *paths, "--outlet", "Herald", "-f", fmt).stdout
        assert parse(fmt, out) == [as_cells(r) for r in rows]
    table = invoke("extract", *paths, "--outlet", "Herald", "-f", "table")
    assert table.exit_code == 0
    assert rows, "the engine finds no figure in a plain 'Police said 12 …' sentence"
    assert table.stdout.split()[:7] == ["report", "figure", "range", "metric", "subject",
                                        "source", "←"]


def test_extract_streams_json_lines_from_stdin(invoke):
    lines = "".join(json.dumps({"text": f"Item {i}. {TEXT_1}", "id": i}) + "\n" for i in range(300))
    result = invoke("extract", "--format", "jsonl", "-", input=lines)
    assert result.exit_code == 0
    reports = [json.loads(line)["report"] for line in result.stdout.splitlines()]
    assert reports == sorted(reports, key=int)
    one = invoke("extract", "-f", "jsonl", "-", input=json.dumps({"text": f"Item 0. {TEXT_1}", "id": 0}))
    assert len(reports) == 300 * len(one.stdout.splitlines())


def test_extract_rejection_exit_code(invoke, tmp_path):
    result = invoke("extract", str(tmp_path / "nope.txt"), "-f", "json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert result.stderr == f"rejected {tmp_path / 'nope.txt'}: no such file or folder\n"


@pytest.mark.parametrize("fmt", FORMATS[1:])
def test_listings_in_machine_formats(invoke, stored, fmt):
    claims = parse(fmt, invoke("claims", "--db", str(stored), "-f", fmt).stdout)
    assert [(c["id"], c["figure"], c["metric"], c["source"], c["origin"], c["report"], c["event"])
            for c in claims] == [("1", "12", "killed", "Police", "Police", "1", "clashes"),
                                 ("2", "at least 30", "injured", "Wire", "Red Cross", "2", "clashes")]
    assert json.loads(claims[1]["chain"])[1]["name"] == "Red Cross"
    assert claims[1]["high"] == ""
    reports = parse(fmt, invoke("--db", str(stored), "reports", "-f", fmt).stdout)
    assert [(r["id"], r["outlet"], r["claims"]) for r in reports] == [("1", "City Herald", "1"),
                                                                      ("2", "Wire", "1")]
    sources = parse(fmt, invoke("sources", "--db", str(stored), "-f", fmt).stdout)
    assert [(s["name"], s["kind"], s["claims"], s["origin_of"]) for s in sources] == [
        ("Police", "police", "1", "1"), ("Red Cross", "ngo", "0", "1"), ("Wire", "outlet", "1", "0")]


def test_claims_table(invoke, stored):
    result = invoke("claims", "--db", str(stored), "-f", "table")
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "#   figure        range   metric    subject   source ← origin    date",
        "─" * 75,
        "1   12               12   killed    people    Police             2024-03-04",
        "2   at least 30     30–   injured   people    Wire ← Red Cross",
    ]


def test_a_claim_nobody_is_named_for_is_the_reports_own(invoke):
    text = "Hundreds of people were injured in the clashes. Police said 40 were injured.\n"
    assert invoke("ingest", "-", "--event", "e", input=text).exit_code == 0
    claims = invoke("claims", "-f", "table").stdout.splitlines()
    assert ["the report itself" in claims[2], "Police" in claims[3]] == [True, True]
    conflicts = invoke("conflicts", "-f", "table").stdout
    assert "the report itself" in conflicts and "Police" in conflicts


def test_reports_and_sources_tables(invoke, stored):
    reports = invoke("reports", "--db", str(stored), "-f", "table").stdout
    assert [line.rstrip() for line in reports.splitlines()] == [
        "#   date         outlet        event     title              claims   lexicon",
        "─" * 76,
        "1   2024-03-04   City Herald   clashes   Night of clashes        1",
        "2                Wire          clashes                           1",
    ]
    sources = invoke("sources", "--db", str(stored), "-f", "table").stdout
    assert [line.rstrip() for line in sources.splitlines()] == [
        "#   name        kind     claims   origin of   reports   events",
        "─" * 63,
        "1   Police      police        1           1         1   clashes",
        "3   Red Cross   ngo           0           1         1   clashes",
        "2   Wire        outlet        1           0         1   clashes",
    ]


def test_filters_and_empty_results(invoke, stored):
    db = ["--db", str(stored)]
    assert parse("csv", invoke("claims", *db, "--source", "red", "-f", "csv").stdout)[0]["id"] == "2"
    assert invoke("claims", *db, "--metric", "arrested", "-f", "json").stdout == "[]\n"
    assert invoke("claims", *db, "--metric", "arrested", "-f", "csv").stdout == ""
    empty = invoke("claims", *db, "--metric", "missing", "-f", "table")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert empty.stderr == "no claims match (metric 'other' needs --all)\n"
    # an event nothing is stored under is no filter at all: exit 2, and what exists
    unknown = invoke("claims", *db, "--event", "elsewhere", "-f", "table")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert unknown.stderr.startswith("Error: no event 'elsewhere'; ")


def test_db_from_environment(invoke, stored):
    result = invoke("reports", "-f", "jsonl", env={"CLAIMTRACK_DB": str(stored)})
    assert len(result.stdout.splitlines()) == 2


def test_not_a_database_exits_3(invoke, tmp_path):
    (tmp_path / "notes.db").write_text("plain text, not SQLite " * 100)
    result = invoke("claims", "--db", str(tmp_path / "notes.db"))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {tmp_path / 'notes.db'} is not a SQLite database")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    debug = invoke("--debug", "--db", str(tmp_path / "notes.db"), "reports")
    assert type(debug.exception).__name__ == "DatabaseError"


def test_newer_schema_exits_3(invoke, stored):
    Database(stored)["_sqlite_migrations"].insert(
        {"migration_set": "claimtrack", "name": "m900_later", "applied_at": "2100-01-01"})
    result = invoke("ingest", "--db", str(stored), "-", input=TEXT_1)
    assert result.exit_code == 3
    assert result.stderr == (f"Error: {stored} was written by a newer claimtrack (schema "
                             "migration m900_later); upgrade claimtrack to open it\n")


def test_missing_database_exits_3(invoke):
    result = invoke("reports")
    assert result.exit_code == 3
    assert result.stderr == ("Error: no database at claimtrack.db: run `claimtrack ingest` "
                             "first, or pass --db\n")
    assert not Path("claimtrack.db").exists()


def test_bad_lexicon_exits_2(invoke, tmp_path):
    (tmp_path / "lex.toml").write_text("[metrics\nbroken")
    for args in (["extract", "-", "--lexicon", str(tmp_path / "lex.toml")],
                 ["ingest", "-", "--lexicon", str(tmp_path / "missing.toml")]):
        result = invoke(*args, input=TEXT_1)
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: ") and "lexicon" in result.stderr
    assert invoke("extract", "-", input=TEXT_1,
                  env={"CLAIMTRACK_LEXICON": str(tmp_path / "lex.toml")}).exit_code == 2
    assert not Path("claimtrack.db").exists()


def test_usage_errors_exit_2(invoke):
    assert invoke("ingest", "-", "--date", "March 4", input=TEXT_1).exit_code == 2
    assert invoke("claims", "-f", "xml").exit_code == 2
    assert invoke("ingest").exit_code == 2


def test_ci_runs_the_readme_test_command():
    root = Path(__file__).parent.parent
    command = "pip install -e '.[test]' && pytest"
    assert command in (root / "README.md").read_text(encoding="utf-8")
    assert command in (root / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command, journal", [
    ("ingest", "wal"),  # a second writer waits for the lock, then gives up
    ("conflicts", "delete"),  # outside WAL mode, a writer's exclusive lock keeps readers out
])
def test_locked_database_exits_3(invoke, stored, monkeypatch, command, journal):
    monkeypatch.setattr("claimtrack.store.connect.BUSY_TIMEOUT", 0.1)
    with sqlite3.connect(stored) as conn:
        conn.execute(f"PRAGMA journal_mode = {journal}")
    holder = sqlite3.connect(stored)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = invoke(command, "--db", str(stored), *(["-"] if command == "ingest" else []),
                        input="Five people died, police said.")
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 3
    assert result.stderr == (f"Error: database {stored} is locked by another process "
                             "(waited 0.1 s); try again when it has finished\n")
    assert len(parse("json", invoke("reports", "--db", str(stored), "-f", "json").stdout)) == 2


VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                   st.lists(st.fixed_dictionaries({"name": st.text(), "cue": st.none()})))


@given(st.lists(st.fixed_dictionaries({"id": st.integers(), "a": VALUES, "b": VALUES})),
       st.sampled_from(FORMATS[1:]))
def test_render_round_trips(rows, fmt):
    out = io.StringIO()
    assert render(rows, Format(fmt), file=out) == len(rows)
    if fmt in ("json", "jsonl"):
        back = json.loads(out.getvalue()) if fmt == "json" else [
            json.loads(line) for line in out.getvalue().split("\n") if line]
        assert back == rows
    else:
        assert parse(fmt, out.getvalue()) == [as_cells(r) for r in rows]
