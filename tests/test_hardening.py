"""Reliability round 2 (issue 14): nothing in one report, a lexicon, an argument or a file
that is not claimtrack's stops claimtrack or reaches the user as a traceback.

Where a real process is involved (a figure SQLite cannot hold, `ulimit`, a full disk, a
worker that dies) the test runs `python` in a subprocess, with a timeout.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import claimtrack.db as db_module
import claimtrack.store.connect as connect_module
import claimtrack.inputs as inputs_module
import claimtrack.parallel as parallel
from claimtrack.db import (ReportWriter, fails_every_report, ingest,
                           open_db, row_number)
from claimtrack.errors import UsageError
from claimtrack.extract import load_lexicon
from claimtrack.extract.lexicon import MAX_BOUND, check_lexicon, default_lexicon
from claimtrack.inputs import read_inputs

LINUX = pytest.mark.skipif(sys.platform != "linux", reason="Linux process and file limits")
TIMEOUT = 120

# Reports of our own: one claim each.
FIRE = "Firefighters said 4 people were killed in the blaze."
COAST = "The coast guard said 11 sailors were missing after the storm."
MEDICS = "Medics reported that 6 people were injured."
# A figure far beyond SQLite's integers (8.9 × 10^23).
HUGE = "Rescuers said 888888888888888 billion villagers died."
OVERFLOW = "Python int too large to convert to SQLite INTEGER"


def python(code: str, *args: str, cwd: Path, preexec_fn=None, timeout: float = TIMEOUT
           ) -> subprocess.CompletedProcess:
    """Run ``code`` in a new Python process; stdout and stderr as text."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CLAIMTRACK_DB", "CLAIMTRACK_LEXICON")}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=env,
                          preexec_fn=preexec_fn)


CLI = """
import sys
from claimtrack.cli import app
sys.argv[0] = "claimtrack"
app()
"""


def refs(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r for (r,) in conn.execute("SELECT ref FROM reports ORDER BY id")]


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def write_feed(path: Path, n: int, *, words: int = 0) -> Path:
    """``n`` JSON lines reports with ids r1…rn, each a claim of its own (and ``words``
    words of padding)."""
    pad = " ".join(["The river kept rising through the night."] * (words // 7))
    with path.open("w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            text = f"Police said {i + 2} people were injured in district {i}. {pad}".strip()
            f.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    return path


# 1. One report's failure is that report's rejection -----------------------------------

def test_a_report_that_cannot_be_stored_is_rejected_and_the_rest_stored(invoke, tmp_path,
                                                                       monkeypatch):
    for name, text in (("a.txt", FIRE), ("b.txt", COAST), ("c.txt", MEDICS)):
        (tmp_path / name).write_text(text, "utf-8")
    real = ReportWriter._write

    def poisoned(self, values, *rest):
        if values[6] == "b.txt":  # the report's ref
            real(self, values, *rest)  # written, then failed: rolled back
            raise OverflowError(OVERFLOW)
        return real(self, values, *rest)

    monkeypatch.setattr(ReportWriter, "_write", poisoned)
    result = invoke("ingest", "a.txt", "b.txt", "c.txt", "--jobs", "1")
    assert result.exit_code == 1
    assert result.stderr == (
        f"rejected b.txt: could not be stored (OverflowError: {OVERFLOW})\n"
        "added 2 reports (2 claims), skipped 0 duplicates, rejected 1 input → claimtrack.db\n")
    assert refs(tmp_path / "claimtrack.db") == ["a.txt", "c.txt"]
    with sqlite3.connect(tmp_path / "claimtrack.db") as conn:
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 2
        assert conn.execute("SELECT key FROM sources ORDER BY key").fetchall() == [
            ("firefighters",), ("medics",)]
    assert integrity(tmp_path / "claimtrack.db") == "ok"
    # A rerun goes past it again; once the fault is gone, it stores the report.
    again = invoke("ingest", "a.txt", "b.txt", "c.txt", "--jobs", "1")
    assert (again.exit_code, again.stderr.splitlines()[-1]) == (
        1, "added 0 reports (0 claims), skipped 2 duplicates, rejected 1 input → claimtrack.db")
    monkeypatch.setattr(ReportWriter, "_write", real)
    fixed = invoke("ingest", "a.txt", "b.txt", "c.txt", "--jobs", "1")
    assert fixed.exit_code == 0
    assert refs(tmp_path / "claimtrack.db") == ["a.txt", "c.txt", "b.txt"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_storage_failures_are_rejections_with_any_number_of_jobs(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(parallel, "CHUNK_REPORTS", 5)  # several chunks: workers at work
    feed = write_feed(tmp_path / "feed.jsonl", 30)
    real = ReportWriter._write
    faults = {"r7": ValueError("cannot hold this"),
              "r23": sqlite3.IntegrityError("CHECK constraint failed")}

    def poisoned(self, values, *rest):
        if values[6] in faults:
            raise faults[values[6]]
        return real(self, values, *rest)

    monkeypatch.setattr(ReportWriter, "_write", poisoned)
    db = open_db(tmp_path / "store.db")
    rejected = []
    summary = ingest(db, read_inputs([str(feed)]), jobs=jobs, on_reject=rejected.append)
    assert (summary.added, summary.rejected, summary.claims - summary.other) == (28, 2, 28)
    assert [(r.name, r.reason) for r in rejected] == [
        (f"{feed}:7", "could not be stored (ValueError: cannot hold this)"),
        (f"{feed}:23", "could not be stored (IntegrityError: CHECK constraint failed)")]
    assert refs(tmp_path / "store.db") == [f"r{i}" for i in range(1, 31) if i not in (7, 23)]
    assert [r for (r,) in db.execute("SELECT id FROM reports ORDER BY id")] == list(range(1, 29))


def test_a_failure_of_the_database_itself_stops_the_ingest_with_its_summary(
        invoke, tmp_path, monkeypatch):
    for name, text in (("a.txt", FIRE), ("b.txt", COAST), ("c.txt", MEDICS)):
        (tmp_path / name).write_text(text, "utf-8")
    real = ReportWriter._write

    def disk_full(self, values, *rest):
        if values[6] == "b.txt":
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        return real(self, values, *rest)

    monkeypatch.setattr(ReportWriter, "_write", disk_full)
    result = invoke("ingest", "a.txt", "b.txt", "c.txt", "--jobs", "1")
    assert result.exit_code == 3
    assert result.stderr == (
        "stopped: added 1 report (1 claim), skipped 0 duplicates, rejected 0 inputs → "
        "claimtrack.db\n"
        "Error: database claimtrack.db: database or disk is full\n")
    assert refs(tmp_path / "claimtrack.db") == ["a.txt"]


def test_an_error_after_the_report_was_committed_is_no_rejection(tmp_path, monkeypatch):
    """A report stored, then an error indexing it for search: raised, not called a report
    that could not be stored."""
    monkeypatch.setattr(ReportWriter, "SEARCH_BATCH", 1)

    def broken(self):
        raise ValueError("index segment")

    monkeypatch.setattr(ReportWriter, "index_backlog", broken)
    db = open_db(tmp_path / "a.db")
    [report] = read_inputs([str(write_feed(tmp_path / "feed.jsonl", 1))])
    with pytest.raises(ValueError, match="index segment"):
        ReportWriter(db).store_or_reject(report, inputs_module.claim_rows_for(report))
    assert refs(tmp_path / "a.db") == ["r1"]


@pytest.mark.parametrize("error, every_report", [
    (OverflowError(OVERFLOW), False),
    (ValueError("odd"), False),
    (MemoryError(), False),
    (sqlite3.IntegrityError("UNIQUE constraint failed"), False),
    (sqlite3.ProgrammingError("Error binding parameter 3: type 'dict' is not supported"), False),
    (KeyboardInterrupt(), True),
])
def test_which_errors_are_one_reports(error, every_report):
    assert fails_every_report(error) is every_report


@pytest.mark.parametrize("code, every_report", [
    (sqlite3.SQLITE_FULL, True), (sqlite3.SQLITE_IOERR, True), (sqlite3.SQLITE_CORRUPT, True),
    (sqlite3.SQLITE_BUSY, True), (sqlite3.SQLITE_READONLY, True),
    (sqlite3.SQLITE_IOERR | (3 << 8), True),  # an extended code: SQLITE_IOERR_WRITE
    (sqlite3.SQLITE_CONSTRAINT, False), (sqlite3.SQLITE_TOOBIG, False),
    (sqlite3.SQLITE_MISMATCH, False),
])
def test_sqlite_errors_by_their_code(code, every_report):
    error = sqlite3.OperationalError("some failure")
    error.sqlite_errorcode = code
    assert fails_every_report(error) is every_report


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_figure_sqlite_cannot_hold_never_stops_an_ingest(tmp_path, jobs):
    for name, text in (("a.txt", FIRE), ("b.txt", HUGE), ("c.txt", MEDICS)):
        (tmp_path / name).write_text(text, "utf-8")
    args = ("--db", "store.db", "ingest", "a.txt", "b.txt", "c.txt", "--jobs", jobs)
    first = python(CLI, *args, cwd=tmp_path)
    assert "Traceback" not in first.stderr
    assert first.returncode in (0, 1), first.stderr
    stored = refs(tmp_path / "store.db")
    # The report is rejected whole, or stored without the figure: never a stop.
    if "b.txt" in stored:
        assert stored == ["a.txt", "b.txt", "c.txt"]
    else:
        assert stored == ["a.txt", "c.txt"]
        assert first.returncode == 1
        assert first.stderr.startswith(f"rejected b.txt: could not be stored (OverflowError")
    with sqlite3.connect(tmp_path / "store.db") as conn:
        assert conn.execute("SELECT max(abs(value)) FROM claims").fetchone()[0] < 2 ** 63
    again = python(CLI, *args, cwd=tmp_path)  # a rerun goes on past it too
    assert again.returncode == first.returncode and "Traceback" not in again.stderr
    assert refs(tmp_path / "store.db") == stored


def test_reextract_keeps_a_failing_reports_claims_and_goes_on(invoke, tmp_path, monkeypatch):
    for name, text in (("a.txt", FIRE), ("b.txt", COAST), ("c.txt", MEDICS)):
        (tmp_path / name).write_text(text, "utf-8")
    assert invoke("ingest", "a.txt", "b.txt", "c.txt").exit_code == 0
    before = json.loads(invoke("claims", "-f", "json").stdout)
    real = inputs_module.claim_rows_for

    def fragile(report, lexicon=None):
        if report.text == COAST:
            raise ValueError("cannot read this one")
        rows = real(report, lexicon)
        if report.text == MEDICS:  # a new claim row that cannot be stored
            rows = [{**row, "figure": "6", "value": 10 ** 30} for row in rows]
        return rows

    monkeypatch.setattr(inputs_module, "claim_rows_for", fragile)
    result = invoke("reextract")
    assert result.exit_code == 1
    assert result.stderr == (
        "rejected report 2: re-extraction failed, its claims kept (ValueError: cannot read "
        "this one)\n"
        f"rejected report 3: re-extraction failed, its claims kept (OverflowError: {OVERFLOW})\n"
        "re-extracted 1 report (0 changed): 0 claims added, 0 removed, 1 unchanged, "
        "2 rejected → claimtrack.db\n")
    assert json.loads(invoke("claims", "-f", "json").stdout) == before
    assert integrity(tmp_path / "claimtrack.db") == "ok"


def test_extract_names_a_report_that_breaks_extraction_and_goes_on(invoke, tmp_path,
                                                                   monkeypatch):
    for name, text in (("a.txt", FIRE), ("b.txt", COAST), ("c.txt", MEDICS)):
        (tmp_path / name).write_text(text, "utf-8")
    real = inputs_module.claim_rows_for

    def fragile(report, lexicon=None, *rest):
        if report.name == "b.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(report, lexicon, *rest)

    monkeypatch.setattr(inputs_module, "claim_rows_for", fragile)
    result = invoke("extract", "a.txt", "b.txt", "c.txt", "-f", "json")
    assert result.exit_code == 1
    assert result.stderr == ("rejected b.txt: extraction failed: RecursionError: maximum "
                             "recursion depth exceeded\n")
    assert [(r["report"], r["figure"]) for r in json.loads(result.stdout)] == [
        ("a.txt", "4"), ("c.txt", "6")]


# 2. The lexicon's shape ------------------------------------------------------------------

def test_the_shipped_lexicon_and_presets_fit_the_schema():
    """A key added to lexicon.toml (or a preset beside it) needs its line in SCHEMA."""
    check_lexicon(default_lexicon().data, "lexicon.toml")
    folder = resources.files("claimtrack.extract")
    for preset in sorted(folder.joinpath("presets").iterdir()
                         if folder.joinpath("presets").is_dir() else []):
        if preset.name.endswith(".toml"):
            text = preset.read_text("utf-8")
            check_lexicon(tomllib.loads(text), preset.name, text)


@pytest.mark.parametrize("content, message", [
    # a word list that is not one
    ('[metrics.killed]\nafter = "martyred"\n',
     'line 2: metrics.killed.after must be a list of words, not a string'),
    ('[metrics.killed]\nbefore = ["slaying of"]\nafter = [1, 2]\n',
     'line 3: metrics.killed.after must be a list of words: item 1 is a whole number'),
    ('# mine\n[subjects]\npolice = ["constables", " "]\n',
     'line 3: subjects.police must be a list of words: item 2 is blank'),
    ('[words]\nhedges = [["maybe"]]\n',
     'line 2: words.hedges must be a list of words: item 1 is a list'),
    ('metrics.killed.after = 3\n',
     'line 1: metrics.killed.after must be a list of words, not a whole number'),
    # tables that are not tables
    ('metrics = 5\n', 'line 1: metrics must be a table, not a whole number'),
    ('[metrics]\nkilled = ["dead"]\n', 'line 2: metrics.killed must be a table, not a list'),
    # names and keys
    ('[vague]\n"" = [1, 2]\n', 'line 2: vague."" is not a usable name (blank, or control '
                               'characters)'),
    ('[metrics."  "]\nafter = ["x"]\n', 'line 1: metrics."  " is not a usable name (blank, '
                                        'or control characters)'),
    ('[metrics.killed]\nafterwards = ["x"]\n',
     'line 2: metrics.killed.afterwards is not a lexicon key (known here: after, before, cumulative, groups)'),
    ('[colours]\nred = ["x"]\n', 'line 1: colours is not a lexicon key (known here: vague, '
                                 'metrics, subjects, sources, words, individuals, grammar, coreference, acronyms, furniture, cues, countries, locations, parts, periods)'),
    ('[metrics.killed]\ncumulative = "yes"\n',
     'line 2: metrics.killed.cumulative must be true or false, not a string'),
    ('[sources]\nbloggers = ["blog"]\n', 'line 2: sources.bloggers is not a lexicon key '
     '(known here: unnamed, media, international, ngo, medical, police, military, '
     'government)'),
    # vague intervals
    ('[vague]\n"a few" = [true, 3]\n',
     'line 2: vague."a few" must be [low, high], whole numbers, low <= high'),
    ('[vague]\n"dozens" = [99, 12]\n',
     'line 2: vague.dozens must be [low, high], whole numbers, low <= high'),
    ('[vague]\n"dozens" = [12, 99.5]\n',
     'line 2: vague.dozens must be [low, high], whole numbers, low <= high'),
    ('[vague]\n"heaps" = [12345678901234567890, 99999999999999999999]\n',
     'line 2: vague.heaps must be [low, high] with high at most 1,000,000,000,000,000, not '
     '99,999,999,999,999,999,999'),
])
def test_a_misshapen_lexicon_is_one_line_naming_file_line_and_key(tmp_path, content, message):
    path = tmp_path / "mine.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(UsageError) as caught:
        load_lexicon(path)
    assert str(caught.value) == f"lexicon {path}, {message}"


@pytest.mark.parametrize("content", [
    "",
    '[vague]\n"a dozen or so" = [10, 14]\n',
    f'[vague]\n"countless" = [1000, {MAX_BOUND}]\n',
    '[metrics.evicted]\nafter = ["evicted"]\nbefore = ["eviction of"]\n',
    '[subjects]\nnurses = ["nurses", "midwives"]\n[words]\nthings = []\n',
    '[metrics.evicted]\nafter = ["evicted"]\ncumulative = true\n',
    '[individuals.heads]\npeople = ["lodger"]\n[grammar]\nmodals = ["ought"]\n',
])
def test_a_well_shaped_lexicon_loads(tmp_path, content):
    path = tmp_path / "mine.toml"
    path.write_text(content, "utf-8")
    assert load_lexicon(path).data["metrics"]["killed"]["after"]  # the defaults stay


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_the_cli_refuses_a_misshapen_lexicon_with_exit_2(invoke, tmp_path, command):
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    (tmp_path / "mine.toml").write_text('[metrics.killed]\nafter = "martyred"\n', "utf-8")
    result = invoke(command, "a.txt", "--lexicon", "mine.toml")
    assert (result.exit_code, result.stderr) == (
        2, "Error: lexicon mine.toml, line 2: metrics.killed.after must be a list of words, "
           "not a string\n")
    assert not (tmp_path / "claimtrack.db").exists()
    env = invoke("extract", "a.txt", env={"CLAIMTRACK_LEXICON": "mine.toml"})
    assert (env.exit_code, env.stderr) == (2, result.stderr)


# 3. Row numbers ------------------------------------------------------------------------

@pytest.mark.parametrize("ref, number", [
    ("12", 12), (12, 12), ("0", 0), (str(2 ** 63 - 1), 2 ** 63 - 1), (str(2 ** 63), None),
    ("²", None), ("٣", None), ("1.5", None), ("", None), ("-1", None), ("a.txt", None),
])
def test_row_numbers_are_ascii_digits_within_sqlite(ref, number):
    assert row_number(ref) == number


@pytest.mark.parametrize("args, line", [
    (("show", "²"), "Error: claim numbers are whole numbers, not '²'; for a report, use "
                    "`claimtrack show --report ID`"),
    (("show", "99999999999999999999999"),
     "Error: no claim 99999999999999999999999 in claimtrack.db: `claimtrack claims` lists them"),
    (("show", "--report", "99999999999999999999999"),
     "Error: no report 99999999999999999999999 in claimtrack.db: `claimtrack reports` lists "
     "them"),
    (("show", "--report", "²"),
     "Error: no report ² in claimtrack.db: `claimtrack reports` lists them"),
    (("claims", "--report", "²"),
     "Error: no report ² in claimtrack.db: `claimtrack reports` lists them"),
    (("claims", "--report", "٣"),
     "Error: no report ٣ in claimtrack.db: `claimtrack reports` lists them"),
    (("claims", "--report", "9"),
     "Error: no report 9 in claimtrack.db: `claimtrack reports` lists them"),
])
def test_odd_numbers_are_usage_errors(invoke, tmp_path, args, line):
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    assert invoke("ingest", "a.txt").exit_code == 0
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (2, line + "\n")
    assert invoke("claims", "--report", "1", "-f", "json").exit_code == 0


# 4. Files that are not claimtrack's -----------------------------------------------------

def _view(conn):
    conn.execute("CREATE VIEW reports AS SELECT 1 AS id, 'x' AS text")


def _foreign_migrations_table(conn):
    conn.execute("CREATE TABLE _sqlite_migrations (step TEXT, done INTEGER)")
    conn.execute("INSERT INTO _sqlite_migrations VALUES ('first', 1)")


def _bogus_claimtrack_row(conn):
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
                 " name TEXT, applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('claimtrack', 'm001_reports', '2020-01-01')")


def _another_programs_migrations(conn):
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
                 " name TEXT, applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('notes', 'm001_notes', '2020-01-01')")


def _current_rows_over_views(conn):
    """Every claimtrack migration recorded, over views instead of tables."""
    _bogus_claimtrack_row(conn)
    conn.execute("DELETE FROM _sqlite_migrations")
    conn.executemany("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('claimtrack', ?, '2020-01-01')", [[n] for n in db_module.SCHEMA])
    for name in ("reports", "sources", "claims", "chain_links"):
        conn.execute(f"CREATE VIEW {name} AS SELECT 1 AS id")


@pytest.mark.parametrize("build, why", [
    (_view, "it already holds other tables"),
    (_foreign_migrations_table, "its _sqlite_migrations table is another program's"),
    (_bogus_claimtrack_row, "it records the claimtrack migration m001_reports, but has no "
                            "reports table"),
    (_another_programs_migrations,
     "its _sqlite_migrations table records another program's migrations"),
    (_current_rows_over_views, "it records the claimtrack migration m001_reports, but has no "
                               "reports table"),
], ids=["view", "foreign-migrations-table", "bogus-row", "other-set", "views-of-all"])
def test_a_database_that_is_not_claimtrack_is_refused_untouched(invoke, tmp_path, build, why):
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "other.db"
    conn = sqlite3.connect(path)
    build(conn)
    conn.commit()
    conn.close()
    before = snapshot(folder)
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    for args in (["reports"], ["claims", "-f", "json"], ["search", "police"], ["show", "1"],
                 ["conflicts"], ["reextract"], ["ingest", "a.txt", "--jobs", "1"]):
        result = invoke("--db", str(path), *args)
        assert (result.exit_code, result.stderr) == (
            3, f"Error: {path} is not a claimtrack database ({why}); pass --db with a new or "
               "claimtrack file\n"), args
    assert snapshot(folder) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_an_empty_file_and_an_empty_migrations_table_become_claimtrack_databases(invoke,
                                                                                 tmp_path):
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    (tmp_path / "empty.db").write_bytes(b"")
    with sqlite3.connect(tmp_path / "bare.db") as conn:
        conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set "
                     "TEXT, name TEXT, applied_at TEXT)")
    conn.close()
    for name in ("empty.db", "bare.db"):
        result = invoke("--db", name, "ingest", "a.txt")
        assert result.exit_code == 0, result.stderr
        assert refs(tmp_path / name) == ["a.txt"]


# 5. Corruption, looked for before the first write ----------------------------------------

def _corrupt_a_leaf_the_ingest_does_not_touch(path: Path) -> None:
    """Break the leftmost leaf of the reports table (an ingest appends at the right)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'reports'"
                            ).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    page = (root - 1) * size
    assert data[page] == 0x05, "the reports table should span several leaves"
    first_cell = int.from_bytes(data[page + 12:page + 14], "big")
    leaf = int.from_bytes(data[page + first_cell:page + first_cell + 4], "big")
    assert data[(leaf - 1) * size] == 0x0D  # a table leaf
    data[(leaf - 1) * size + 8:(leaf - 1) * size + 200] = b"\xff" * 192  # its cell pointers
    path.write_bytes(bytes(data))


def test_a_corrupt_database_is_refused_before_the_first_write(invoke, tmp_path, monkeypatch):
    write_feed(tmp_path / "feed.jsonl", 40, words=200)
    assert invoke("ingest", "feed.jsonl", "--jobs", "1").exit_code == 0
    path = tmp_path / "claimtrack.db"
    _corrupt_a_leaf_the_ingest_does_not_touch(path)
    (tmp_path / "new.txt").write_text(FIRE, "utf-8")
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())

    def newest(db: Path) -> int:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT max(id) FROM reports").fetchone()[0]

    result = invoke("ingest", "new.txt", "--jobs", "1")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: database {path} is corrupt (")
    assert result.stderr.endswith(f"); nothing was written: restore it from a backup, or "
                                  f"recover what it holds with `sqlite3 {path} .recover`\n")
    assert len(result.stderr.splitlines()) == 1
    assert newest(path) == 40
    assert invoke("reextract").exit_code == 3
    # Without the check the write would have gone through: the corrupt page is elsewhere.
    monkeypatch.setattr(connect_module, "QUICK_CHECK_MAX_BYTES", 0)
    unchecked = invoke("--db", str(copy), "ingest", "new.txt", "--jobs", "1")
    assert unchecked.exit_code == 0 and newest(copy) == 41


def test_the_writer_checks_each_page_it_reads(tmp_path):
    db = open_db(tmp_path / "a.db")
    with ReportWriter(db):
        assert db.execute("PRAGMA cell_size_check").fetchone()[0] == 1
    assert db.execute("PRAGMA cell_size_check").fetchone()[0] == 0


# 6. Search without writing ----------------------------------------------------------------

@LINUX
def test_search_on_a_full_disk_searches_what_is_indexed_and_says_so(tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", 45, words=400)
    db = open_db(tmp_path / "store.db")
    reports = list(read_inputs([str(feed)]))
    with ReportWriter(db) as writer:  # indexed when the block ends
        for report in reports[:5]:
            writer.store(report, inputs_module.claim_rows_for(report))
    writer = ReportWriter(db)  # not as a context: these stay on the backlog, unindexed
    for report in reports[5:]:
        writer.store(report, inputs_module.claim_rows_for(report))
    db.close()
    # No file may grow past 40 KB: room for SQLite's shared-memory file, not for the index.
    full_disk = textwrap.dedent("""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
    """) + CLI
    result = python(full_disk, "--db", "store.db", "search", "police", "-f", "json",
                    cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("note: 40 reports stored last not searched: the index "
                                    "cannot be written now (")
    assert result.stderr.endswith("); a later search or ingest adds them\n")
    found = json.loads(result.stdout)
    assert found and {row["report"] for row in found} <= {1, 2, 3, 4, 5}
    listed = python(full_disk, "--db", "store.db", "reports", "-f", "json", cwd=tmp_path)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 45
    # Once the disk has room, the next search indexes them and finds them all.
    later = python(CLI, "--db", "store.db", "search", "police", "-f", "json", cwd=tmp_path)
    assert (later.returncode, later.stderr) == (0, "")
    assert {row["report"] for row in json.loads(later.stdout)} == set(range(1, 46))


def test_search_on_a_read_only_database_says_what_it_left_out(invoke, tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", 3)
    db = open_db(tmp_path / "store.db")
    writer = ReportWriter(db)
    for report in read_inputs([str(feed)]):
        writer.store(report, inputs_module.claim_rows_for(report))
    db.close()
    os.chmod(tmp_path / "store.db", 0o444)
    try:
        if os.access(tmp_path / "store.db", os.W_OK):
            pytest.skip("running as a user who may write to any file")
        result = invoke("--db", "store.db", "search", "police", "-f", "json")
    finally:
        os.chmod(tmp_path / "store.db", 0o644)
    assert result.exit_code == 0
    assert result.stderr.startswith("note: 3 reports stored last not searched")
    assert json.loads(result.stdout) == []


# 7. --db '', file descriptors, a worker's death, a crash -----------------------------------

@pytest.mark.parametrize("args, where", [
    (("--db", "", "reports"), "'--db' (env var: 'CLAIMTRACK_DB')"),
    (("reports", "--db", ""), "'--db'"),
    (("ingest", "a.txt", "--db", " "), "'--db'"),
])
def test_an_empty_database_path_is_a_usage_error(invoke, tmp_path, args, where):
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    result = invoke(*args)
    command = "claimtrack" if args[0] == "--db" else f"claimtrack {args[0]}"
    assert (result.exit_code, result.stderr) == (
        2, f"Error: Invalid value for {where}: the database path is empty: pass a file name "
           f"(see `{command} --help`)\n")
    assert list(tmp_path.glob("*.db")) == []


def test_jobs_are_capped_by_cores_and_open_files(monkeypatch):
    cores = parallel.default_jobs()
    assert parallel.usable_jobs(10_000) == min(cores, 1 + parallel.max_workers())
    assert parallel.usable_jobs(1) == 1
    assert parallel.usable_jobs(None) == parallel.usable_jobs(cores)
    monkeypatch.setattr(parallel, "max_workers", lambda: 0)
    assert parallel.usable_jobs(40) == 1


def _no_more_than(files: int):
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))
    return limit


@LINUX
def test_forty_jobs_under_a_limit_of_64_open_files(tmp_path):
    write_feed(tmp_path / "feed.jsonl", 300, words=60)  # about 170 KB: several chunks
    one = python(CLI, "--db", "one.db", "ingest", "feed.jsonl", "--jobs", "1", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    many = python(CLI, "--db", "many.db", "ingest", "feed.jsonl", "--jobs", "40",
                  cwd=tmp_path, preexec_fn=_no_more_than(64))
    assert (many.returncode, many.stderr) == (0, one.stderr.replace("one.db", "many.db"))
    assert refs(tmp_path / "many.db") == refs(tmp_path / "one.db")
    # The library itself, asked for 40 processes, starts what the limit allows.
    library = python("""
        import sys
        from claimtrack import parallel
        from claimtrack.inputs import read_inputs
        reports = list(read_inputs(["feed.jsonl"]))
        assert parallel.max_workers() < 39, parallel.max_workers()
        one = list(parallel.extracted(reports, lambda r: r, jobs=1))
        got = list(parallel.extracted(reports, lambda r: r, jobs=40, chunk_chars=4_000))
        assert got == one and len(got) == 300
        # Told it may start them all, it starts workers until the system refuses, and goes on.
        parallel.max_workers = lambda: 1000
        again = list(parallel.extracted(reports, lambda r: r, jobs=40, chunk_chars=4_000))
        assert [rows for _, rows in again] == [rows for _, rows in got]
        print("ok")
    """, cwd=tmp_path, preexec_fn=_no_more_than(48))
    assert (library.returncode, library.stdout, library.stderr) == (0, "ok\n", "")


@LINUX
def test_a_worker_that_dies_exits_3_after_the_summary(tmp_path):
    write_feed(tmp_path / "feed.jsonl", 200)
    dying = textwrap.dedent("""
        import os, sqlite3, sys, time
        import claimtrack.store.write as db
        import claimtrack.parallel as parallel
        parallel.CHUNK_REPORTS = 40  # chunks 1 to 3 go to the worker first
        parallel.default_jobs = lambda: 2  # a worker even on one core
        main, real = os.getpid(), db.claim_values_for

        def stored():
            try:
                with sqlite3.connect("store.db") as conn:
                    return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
            except sqlite3.Error:
                return 0

        def lethal(report, lexicon=None):
            if os.getpid() != main and report.ref == "r60":
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and not stored():
                    time.sleep(0.02)  # once the writer has stored the first chunk
                os._exit(9)  # as the out-of-memory killer would end it
            return real(report, lexicon)

        db.claim_values_for = lethal
    """) + CLI
    result = python(dying, "--db", "store.db", "ingest", "feed.jsonl", "--jobs", "2",
                    cwd=tmp_path)
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert lines[0] == ("stopped: added 40 reports (40 claims, 40 more with metric other), "
                        "skipped 0 duplicates, rejected 0 inputs → store.db")
    assert lines[1:] == ["Error: an extraction worker died (out of memory?); what was stored "
                         "stays stored: run the same command again, with --jobs 1 to use less "
                         "memory"]
    assert integrity(tmp_path / "store.db") == "ok"


def test_a_bug_in_claimtrack_exits_3(invoke, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    assert invoke("ingest", "a.txt").exit_code == 0

    def broken(*args, **kwargs):
        raise KeyError("outlet")

    monkeypatch.setattr("claimtrack.commands.listings.list_reports", broken)
    result = invoke("reports")
    assert (result.exit_code, result.stderr) == (
        3, "Error: unexpected KeyError: 'outlet' (a bug in claimtrack: run with --debug for "
           "the traceback)\n")


# 8. Usage errors in one line -----------------------------------------------------------------

@pytest.mark.parametrize("args, line", [
    (("reports", "-f", "yaml"), "Invalid value for '--format' / '-f': 'yaml' is not one of "
                                "'table', 'json', 'jsonl', 'csv', 'tsv'. (see `claimtrack "
                                "reports --help`)"),
    (("export", "-f", "xml"), "Invalid value for '--format' / '-f': 'xml' is not one of "
                              "'json', 'jsonl', 'csv', 'tsv', 'schema', 'claimreview'. "
                              "(see `claimtrack export --help`)"),
    (("ingest", "a.txt", "--jobs", "0"), "Invalid value for '--jobs' / '-j': 0 is not in the "
                                         "range x>=1. (see `claimtrack ingest --help`)"),
    (("ingest",), "Missing argument 'PATH'. (see `claimtrack ingest --help`)"),
    (("claims", "--zzz"), "No such option: --zzz (see `claimtrack claims --help`)"),
    (("tally",), "No such command 'tally'. (see `claimtrack --help`)"),
    (("--zzz", "reports"), "No such option: --zzz (see `claimtrack --help`)"),
])
def test_a_usage_error_is_one_line(invoke, tmp_path, args, line):
    (tmp_path / "a.txt").write_text(FIRE, "utf-8")
    result = invoke(*args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"Error: {line}\n", "")


def test_a_usage_error_in_a_terminal_is_one_line_too(tmp_path):
    """A real process with colours allowed: still no box, one line."""
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "60"}
    env.pop("NO_COLOR", None)
    result = subprocess.run([sys.executable, "-m", "claimtrack", "reports", "-f", "yaml"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT,
                            env=env)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "╭" not in result.stderr
    assert "'yaml' is not one of" in result.stderr


def test_help_and_no_arguments_still_show_the_help(invoke):
    shown = invoke("reports", "--help")
    assert shown.exit_code == 0 and "reports [OPTIONS]" in shown.stdout and "╭" in shown.stdout
    bare = invoke()
    assert "COMMAND [ARGS]..." in bare.stdout + bare.stderr
