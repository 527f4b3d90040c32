"""The SQLite store (SPEC §8): opening, ingesting and querying. The only module with SQL.

Every statement takes bound parameters; the only strings formatted into SQL are this
module's own column lists and WHERE fragments, never a user value.
"""
from __future__ import annotations

import json
import os
import pickle
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .errors import DatabaseError, UsageError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .extract import Lexicon
    from .extract.conventions import LexiconChoice
    from .inputs import Rejection, Report

# sqlite-utils (with the migrations), the readers and the extraction engine are imported
# where they are used, so that `import claimtrack.db` costs little: `claimtrack --help` and
# `claimtrack extract` need none of them.

T = TypeVar("T")

DEFAULT_DB = "claimtrack.db"
ENV_DB = "CLAIMTRACK_DB"
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another before the database counts as locked

# Claim columns in the order claim_to_dict() yields them (minus report and chain).
CLAIM_COLUMNS = (
    "metric", "subject", "subject_group", "figure", "qualifier", "value", "low", "high", "unit",
    "location", "source", "source_kind", "origin", "origin_kind", "cue", "hedge", "quoted",
    "sentence", "start", "end", "individual", "derived", "as_of", "parts",
)
REPORT_COLUMNS = ("sha256", "title", "outlet", "url", "date", "event", "ref", "path",
                  "ingested_at", "text")
# Listed rows keep claim_to_dict's order: chain sits between quoted and sentence.
_CLAIM_HEAD = ", ".join(f'c."{n}"' for n in CLAIM_COLUMNS[:CLAIM_COLUMNS.index("sentence")])
LINK_COLUMNS = ("claim_id", "position", "source_id", "name", "kind", "cue", "text",
                "descriptor", "role")


def _columns(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _marks(names: Iterable[str]) -> str:
    return ", ".join("?" for _ in names)


def database_error(error: sqlite3.Error, path: str | os.PathLike) -> DatabaseError:
    """A sqlite3 error as a DatabaseError whose message says what to do."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return DatabaseError(f"database {path} is locked by another process "
                             f"(waited {BUSY_TIMEOUT:g} s); try again when it has finished")
    if "not a database" in message or "malformed" in message:
        return DatabaseError(f"{path} is not a SQLite database, or it is corrupt ({message})")
    if "readonly" in message:
        return DatabaseError(f"database {path} is read-only; pass --db with a writable file")
    if "unable to open" in message:
        return DatabaseError(f"cannot open database {path} ({message})")
    return DatabaseError(f"database {path}: {message}")


def open_db(path: str | os.PathLike = DEFAULT_DB, *, create: bool = True) -> Database:
    """Open (or create) a claimtrack database and bring its schema up to date.

    Nothing is written to a file that is refused: every check runs before the first write.
    A database that this process cannot write (a read-only file, folder or mount) opens
    read-only when ``create`` is false, so listings still work and a write fails cleanly.

    Args:
        path: the database file, or ``":memory:"``.
        create: when false, a missing file is an error instead of a new empty database.

    Raises:
        DatabaseError: the path is a folder or not a file, the file is missing
            (``create=False``), read-only (``create=True``), not a SQLite database, not a
            claimtrack database, written by a newer claimtrack, or locked.
    """
    path = os.fspath(path)
    memory = path == ":memory:"
    read_only = not memory and _check_location(path, create)
    try:
        if read_only:
            connection = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT)
        else:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as e:
        raise database_error(e, path) from None
    try:
        from ._sqlite_utils import Database  # not from sqlite_utils: it would import pandas
        from .migrations import migrations

        db = Database(connection)
        db.execute("PRAGMA foreign_keys = ON")
        _check_schema(db, path)
        if read_only:
            if migrations.pending(db):
                raise DatabaseError(f"database {path} is read-only and was written by an older "
                                    "claimtrack: make it writable once so that its schema can "
                                    "be upgraded")
            return db
        if not memory:
            _retry_locked(db.enable_wal)
            # In WAL mode NORMAL cannot corrupt the file; it only skips an fsync per commit,
            # which one-transaction-per-report ingest would otherwise pay for every report.
            db.execute("PRAGMA synchronous = NORMAL")
        if migrations.pending(db):
            _retry_locked(lambda: _apply_migrations(db, path))
    except BaseException as e:
        # Closed now, not at exit: SQLite then removes the -wal and -shm files it made to read.
        connection.close()
        if isinstance(e, sqlite3.Error):
            raise database_error(e, path) from None
        raise
    return db


# The migrations of migrations.py, by name (a test holds the two equal): a listing opens a
# database that records exactly these without importing sqlite-utils (see open_reader).
SCHEMA = (
    "m001_reports", "m002_sources", "m003_claims", "m004_chain_links", "m005_search",
    "m006_claims_view", "m008_conflicts_view", "m009_claims_by_report_and_metric",
    "m010_search_backlog", "m011_no_indexes_by_source", "m012_events",
    "m013_individuals_and_tallies",
    "m016_lexicons",
)


class Reader:
    """A claimtrack database opened for reading only, with the part of
    ``sqlite_utils.Database`` that the listings use: ``conn``, ``execute`` and ``query``.

    Importing sqlite-utils takes 45 ms, a third of a listing's start-up on a 1M-claim
    database; a Reader needs only sqlite3. Its connection refuses writes (``query_only``).
    """

    __slots__ = ("conn",)

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Iterable | dict | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters or ())

    def query(self, sql: str, params: Iterable | dict | None = None) -> Iterator[dict]:
        """Each row as a dict of its columns, as ``sqlite_utils.Database.query`` yields it."""
        cursor = self.conn.execute(sql, params or ())
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row))

    def close(self) -> None:
        self.conn.close()


def open_reader(path: str | os.PathLike = DEFAULT_DB) -> Database | Reader:
    """Open an existing claimtrack database to read from it: what the listings call.

    A database whose schema is this claimtrack's opens as a :class:`Reader`. Any other
    file goes through ``open_db(path, create=False)``, which upgrades an older schema and
    refuses, with the same errors, what it cannot open.
    """
    path = os.fspath(path)
    conn = None if path == ":memory:" else _connect_if_current(path)
    return Reader(conn) if conn is not None else open_db(path, create=False)


def _connect_if_current(path: str) -> sqlite3.Connection | None:
    """A connection that cannot write to the database at ``path``, if it records exactly
    the migrations in SCHEMA; else None, for open_db to upgrade or refuse it."""
    read_only = _check_location(path, create=False)
    try:
        conn = sqlite3.connect(_read_only_uri(path) if read_only else path, uri=read_only,
                               timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return None
    try:
        applied = [name for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", ["claimtrack"])]
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as e:
        conn.close()
        if isinstance(e, sqlite3.OperationalError) and _is_locked(e):
            raise database_error(e, path) from None  # open_db would wait as long again
        return None
    if sorted(applied) != sorted(SCHEMA) or not set(MADE_BY.values()) <= tables:
        conn.close()
        return None
    conn.execute("PRAGMA query_only = ON")
    return conn


def _check_location(path: str, create: bool) -> bool:
    """Refuse a path SQLite would misuse or fail on; true when the file is only readable."""
    if not path:
        raise DatabaseError("the database path is empty: pass --db with a file name")
    file = Path(path)
    if file.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file: pass --db with a file "
                            f"name, such as {file / DEFAULT_DB}")
    folder = file.parent
    if not file.exists():
        if not create:
            raise DatabaseError(
                f"no database at {path}: run `claimtrack ingest` first, or pass --db")
        if not folder.is_dir():
            raise DatabaseError(f"cannot create database {path}: there is no folder {folder}")
        if not os.access(folder, os.W_OK):
            raise DatabaseError(f"cannot create database {path}: folder {folder} is read-only")
        return False
    if not file.is_file():  # /dev/null would swallow every report without a word
        raise DatabaseError(f"{path} is not a regular file: pass --db with a database file")
    # SQLite writes its -wal and -shm files beside the database: the folder must be writable.
    if os.access(file, os.W_OK) and os.access(folder, os.W_OK):
        return False
    if create:
        what = "file" if not os.access(file, os.W_OK) else f"folder {folder}"
        raise DatabaseError(f"database {path} is read-only (its {what} cannot be written); "
                            "pass --db with a writable file")
    return True


def _read_only_uri(path: str) -> str:
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    folder = Path(path).parent
    if not os.access(folder, os.W_OK) and not Path(f"{path}-wal").exists():
        # No -shm file can be made in a read-only folder, and without one SQLite opens a WAL
        # database only as immutable: safe here, as no writer is at work without a -wal file.
        uri += "&immutable=1"
    return uri


def _retry_locked(step: Callable[[], None]) -> None:
    """Run a step of opening the file; again, for up to the busy timeout, if it was locked.

    Two processes creating or upgrading one file at once: SQLite refuses some of these steps
    at once, without waiting, to avoid a deadlock. They are short, so a retry soon succeeds.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            return step()
        except sqlite3.OperationalError as e:
            if not _is_locked(e) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.01, 0.05))


def _apply_migrations(db: Database, path: str) -> None:
    from .migrations import migrations

    # All pending migrations in one write transaction, after checking the schema again under
    # the lock: a process opening the file meanwhile sees none of them or all of them.
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        _check_schema(db, path)
        migrations.apply(db)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


# The tables the first migrations make: a database that records one of these migrations
# but lacks its table (or has a view of that name) is not claimtrack's.
MADE_BY = {"m001_reports": "reports", "m002_sources": "sources", "m003_claims": "claims",
           "m004_chain_links": "chain_links"}
_MIGRATION_COLUMNS = {"migration_set", "name", "applied_at"}


def _check_schema(db: Database, path: str) -> None:
    """Refuse a file that is not a claimtrack database (nor empty), or is a newer one's.

    Reads only, before anything is written (even the journal mode): a file is claimtrack's
    when it records claimtrack migrations in a ``_sqlite_migrations`` table of
    sqlite-utils' shape and holds the tables they made; empty when it holds no schema at
    all, or only an empty migrations table.
    """
    from .migrations import known_migrations, migrations

    conn = db.conn
    if not conn.in_transaction:
        # One read transaction, so that the reads below see the same state of the file.
        with db.conn:
            db.conn.execute("BEGIN")
            return _check_schema(db, path)
    table = migrations.migrations_table
    objects, others = {}, False
    for name, kind, of_table in conn.execute(
            "SELECT name, type, tbl_name FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"):
        objects[name] = kind
        others = others or of_table != table  # anything but the table and its indexes
    if not objects:
        return  # a new database

    def foreign(why: str) -> DatabaseError:
        return DatabaseError(f"{path} is not a claimtrack database ({why}); pass --db with a "
                             "new or claimtrack file")

    if objects.get(table) != "table":
        raise foreign("it already holds other tables")
    columns = {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", [table])}
    if not _MIGRATION_COLUMNS <= columns:
        raise foreign(f"its {table} table is another program's")
    rows = conn.execute(f"SELECT migration_set, name FROM [{table}] ORDER BY rowid").fetchall()
    applied = [name for (migration_set, name) in rows if migration_set == migrations.name]
    if not applied:
        if others:
            raise foreign("it already holds other tables")
        if rows:
            raise foreign(f"its {table} table records another program's migrations")
        return
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        raise DatabaseError(
            f"{path} was written by a newer claimtrack (schema migration {', '.join(unknown)}); "
            "upgrade claimtrack to open it"
        )
    for migration, made in MADE_BY.items():
        if migration in applied and objects.get(made) != "table":
            raise foreign(f"it records the claimtrack migration {migration}, but has no "
                          f"{made} table")


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did: reports added, duplicates skipped, inputs rejected, claims stored.

    ``claims`` counts every claim stored, ``other`` those of metric ``other`` among them
    (which listings leave out unless asked). ``interrupted`` is true when ``stop`` ended the
    ingest before its inputs ran out.
    """

    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    claims: int = 0
    other: int = 0
    interrupted: bool = False


def ingest(
    db: Database,
    inputs: Iterable[Report | Rejection],
    *,
    lexicon: Lexicon | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    on_skip: Callable[[Report, tuple[str, ...]], None] | None = None,
    jobs: int = 1,
    stop: Callable[[], bool] | None = None,
    on_progress: Callable[[Report | Rejection, IngestSummary], None] | None = None,
    summary: IngestSummary | None = None,
    lexicon_id: int | None = None,
    claims_of: Callable[[Report, str], ClaimValues | Rejection] | None = None,
    group: bool = True,
) -> IngestSummary:
    """Extract and store each report, one transaction per report.

    A report whose normalised text is already stored is skipped before extraction. Each
    rejection is counted and passed to ``on_reject`` as it happens; the rest go on. Reports
    are stored in input order, so ids do not depend on ``jobs``.

    Args:
        jobs: processes that extract, this one included (see :mod:`claimtrack.parallel`);
            1 extracts in this process only. This process alone writes.
        stop: asked before each input; when it returns true the ingest ends there (the
            reports stored so far stay stored) and the summary says ``interrupted``.
        on_progress: called after each input with it and the running summary.
        summary: updated as the inputs go by (and returned), so that a caller still has
            the counts when an exception such as KeyboardInterrupt ends the ingest.
        lexicon_id: the ``lexicons`` row of ``lexicon`` (:func:`record_lexicon`), stored
            with each report.
        claims_of: ``claims_of(report, sha256)`` gives the claims of a report extracted
            elsewhere (see :func:`ingest_rows`) instead of extracting them.
        group: put reports without an event tag in events automatically (SPEC §6);
            false puts them in event ``default``.
    """
    from .inputs import Rejection, Report
    from .parallel import extracted

    check_before_writing(db)
    summary = summary if summary is not None else IngestSummary()

    def prepared() -> Iterator[tuple[Report | Rejection, str | None]]:
        # The hash is taken once, here: a stored text is neither extracted nor sent to a worker.
        for item in inputs:
            if isinstance(item, Rejection):
                yield item, None
            else:
                sha = item.sha256
                yield item, None if has_report(db, sha) else sha

    if claims_of is not None:  # rows extracted elsewhere (SPEC §12): looked up, not extracted
        results = ((pair, claims_of(*pair) if pair[1] else None) for pair in prepared())
    else:
        results = extracted(prepared(), lambda pair: pair[0] if pair[1] else None,
                            lexicon=lexicon, jobs=jobs,
                            extract=ingest_values_for if group else claim_values_for)
    # closing: workers stop on errors too
    with ReportWriter(db, lexicon_id=lexicon_id, group=group) as writer, closing(results):
        for (item, sha), rows in results:
            if stop and stop():
                summary.interrupted = True
                break
            read = None
            if isinstance(rows, Rejection):  # extraction itself failed on this report
                item = rows
            elif isinstance(rows, tuple) and not isinstance(rows, ClaimValues):
                rows, read = rows  # a worker's claims, and what grouping reads of the report
            if isinstance(rows, ClaimValues) and rows.skipped and on_skip:
                on_skip(item, rows.skipped)  # numbers too large to be figures
            if isinstance(item, Report) and sha is not None:
                stored_id = writer.store_or_reject(item, rows, sha256=sha, read=read)
                if isinstance(stored_id, Rejection):  # rolled back; the rest go on
                    item = stored_id
                elif stored_id is None:
                    sha = None  # stored meanwhile by another process: a duplicate
            if isinstance(item, Rejection):
                summary.rejected += 1
                if on_reject:
                    on_reject(item)
            elif sha is None:
                summary.duplicates += 1
            else:
                summary.added += 1
                summary.claims += len(rows.claims)
                summary.other += rows.other
            if on_progress:
                on_progress(item, summary)
    return summary


# A whole `PRAGMA quick_check` runs before an ingest's (or a re-extraction's) first write on a
# database up to this size. It reads every page: measured on a loaded 2-core machine, 37 MB
# took 0.13-0.16 s from the page cache (0.66 s from disk), 1 GB 2.2-6.4 s (12-15 s from
# disk), where an ingest of one report into either took 6-12 ms besides. Above it, the
# writer's connection checks each page it reads before it changes it (cell_size_check in
# ReportWriter.BULK_SETTINGS): the pages the write touches, not the rest of the file.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def check_before_writing(db: Database) -> None:
    """Refuse to add to a database that is corrupt (up to QUICK_CHECK_MAX_BYTES: all of it).

    Raises:
        DatabaseError: ``PRAGMA quick_check`` found a problem; nothing was written.
    """
    conn = db.conn
    size = conn.execute("PRAGMA page_count").fetchone()[0] * \
        conn.execute("PRAGMA page_size").fetchone()[0]
    if size > QUICK_CHECK_MAX_BYTES:
        return
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
    if problems != ["ok"]:
        path = next((row[2] for row in conn.execute("PRAGMA database_list")
                     if row[1] == "main"), "") or ":memory:"
        problem = " ".join(" ".join(problems).replace("*** in database main ***", "").split())
        raise DatabaseError(f"database {path} is corrupt ({problem}); nothing was "
                            f"written: restore it from a backup, or recover what it holds "
                            f"with `sqlite3 {path} .recover`")


def ingest_rows(db: Database, inputs: Iterable[Report | Rejection],
                rows: Iterable[dict | Rejection], *,
                on_reject: Callable[[Rejection], None] | None = None,
                summary: IngestSummary | None = None, **options) -> IngestSummary:
    """Store reports with the claim rows extracted elsewhere (SPEC §12), without extracting.

    ``rows`` are :func:`claimtrack.extract_partition` rows (JSON lines or Parquet read back),
    in any order; each report takes the rows of its ``key`` (its normalised-text hash), the
    first run of them when the same text was extracted twice. They are indexed first, in a
    temporary database on disk, so neither file is held in memory. A report with no rows
    has no claims; one with a rejection row is rejected with its reason; rows whose report
    is not among ``inputs`` are rejected, one rejection per report they name. Everything
    else is :func:`ingest`'s (``options``: stop, on_progress).
    """
    from .inputs import Rejection

    summary = summary if summary is not None else IngestSummary()

    def reject(rejection: Rejection) -> None:
        summary.rejected += 1
        if on_reject:
            on_reject(rejection)

    used: set[str] = set()  # the keys of the runs taken: 65 bytes a report
    with closing(sqlite3.connect("")) as index:  # "": a private temporary file
        # pickled, not JSON: the file is this process's own, and pickle reads back 3× faster
        index.execute("CREATE TABLE runs (key TEXT PRIMARY KEY, report TEXT, rows BLOB)")
        insert = "INSERT OR IGNORE INTO runs (key, report, rows) VALUES (?, ?, ?)"
        run: list[dict] = []
        for row in rows:
            if isinstance(row, Rejection):
                reject(row)
                continue
            if run and (row.get("key"), row.get("report")) != (run[0]["key"], run[0]["report"]):
                if run[0]["key"]:
                    index.execute(insert, (run[0]["key"], run[0]["report"], pickle.dumps(run)))
                run = []
            run.append(row)
        if run and run[0]["key"]:
            index.execute(insert, (run[0]["key"], run[0]["report"], pickle.dumps(run)))
        # rejection rows without a key were inputs unreadable there: read here, they are again

        def claims_of(report: Report, sha256: str) -> ClaimValues | Rejection:
            found = index.execute("SELECT rows FROM runs WHERE key = ?", [sha256]).fetchone()
            if found is None:
                return ClaimValues([], [], {}, 0)
            used.add(sha256)
            run = pickle.loads(found[0])
            if run[0].get("rejection"):
                return Rejection(report.name, run[0]["rejection"])
            return _claim_values(run)

        ingest(db, inputs, on_reject=on_reject, summary=summary, claims_of=claims_of, **options)
        if not summary.interrupted:
            for report, key in index.execute("SELECT report, key FROM runs ORDER BY rowid"):
                # a stored duplicate's rows are not unused: its text is in the database
                if key not in used and not has_report(db, key):
                    reject(Rejection(report or key, "claim rows without their report: no "
                                     f"input has this text (key {key[:12]}…)"))
    return summary


def has_report(db: Database, sha256: str) -> bool:
    """Whether a report with this normalised-text hash is stored."""
    return db.execute("SELECT 1 FROM reports WHERE sha256 = ?", [sha256]).fetchone() is not None


def store_report(db: Database, report: Report, rows: list[dict]) -> int | None:
    """Store a report and its claim rows (claim_to_dict) in one transaction.

    Returns the new report id, or None when the same text is already stored. The report is
    searchable at once (see :func:`index_backlog`).
    """
    writer = ReportWriter(db)
    report_id = writer.store(report, rows)
    writer.index_backlog()
    return report_id


def write_transaction(db: Database, step: Callable[[], T]) -> T:
    """Run ``step`` in a write transaction of its own and return what it returns.

    The write lock is taken first (``BEGIN IMMEDIATE``), so a concurrent writer makes the
    transaction wait, never fail halfway; one that still finds the database locked after
    the busy timeout is rolled back and tried again. Inside the caller's transaction,
    ``step`` runs in a savepoint and the caller owns the retries.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            return step()
    for attempt in range(LOCK_RETRIES + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = step()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result
        except sqlite3.OperationalError as e:
            if not _is_locked(e) or attempt == LOCK_RETRIES:
                raise
            time.sleep(0.05 * 4 ** attempt)
    raise AssertionError("unreachable")


# SQLite's primary result codes for a failure of the database as a whole: a full disk, an
# I/O error, corruption, a lock held past the busy timeout, a read-only file, no memory.
_DATABASE_FAILURES = frozenset({
    sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB,
    sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_PROTOCOL, sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_NOLFS,
    sqlite3.SQLITE_AUTH,
})


def fails_every_report(error: BaseException) -> bool:
    """Whether ``error``, raised while storing one report, would fail the next one as well.

    Those are the database's failures (a full disk, corruption, a lock held too long, a
    read-only file; exit 3) and interruptions; anything else (a value SQLite cannot hold,
    a constraint, a bug on one odd text) is the one report's, which is rejected.
    """
    if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit
        return True
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in _DATABASE_FAILURES
    return False


def index_backlog(db: Database) -> int:
    """Add what the full-text indexes lack of the reports on the search backlog, and empty it.

    Returns how many rows (reports and claims) were added. New reports and claims wait on
    ``search_backlog`` until this runs (see migration m010): ingest runs it every
    ``ReportWriter.SEARCH_BATCH`` reports and at its end, ``search`` before it searches.
    One transaction, which a crash leaves undone, backlog included. A row already indexed
    (an unchanged claim, an index rebuilt by hand) is not added twice.
    """
    if db.execute("SELECT 1 FROM search_backlog LIMIT 1").fetchone() is None:
        return 0

    def index() -> int:
        # CROSS JOIN: the backlog is read first, and the reports and claims on it looked up
        # (without it, SQLite read every report and claim to find the few on the backlog).
        # Rows go in by rowid: FTS5 writes out what it holds whenever a rowid goes back.
        added = db.execute(
            """INSERT INTO reports_fts (rowid, title, text)
               SELECT r.id, r.title, r.text FROM search_backlog b
               CROSS JOIN reports r ON r.id = b.report_id
               WHERE NOT EXISTS (SELECT 1 FROM reports_fts_docsize d WHERE d.id = r.id)"""
        ).rowcount
        added += db.execute(
            """INSERT INTO claims_fts (rowid, sentence)
               SELECT c.id, c.sentence FROM search_backlog b
               CROSS JOIN claims c ON c.report_id = b.report_id
               WHERE NOT EXISTS (SELECT 1 FROM claims_fts_docsize d WHERE d.id = c.id)
               ORDER BY c.id"""
        ).rowcount
        db.execute("DELETE FROM search_backlog")
        return added

    return write_transaction(db, index)


_REPORT_INSERT = (f"INSERT OR IGNORE INTO reports ({_columns(REPORT_COLUMNS + ('lexicon_id',))}) "
                  f"VALUES ({_marks(REPORT_COLUMNS + ('lexicon_id',))})")
_PLACED_COLUMNS = (*REPORT_COLUMNS, "lexicon_id", "event_id", "copy_of", "placed")
_REPORT_INSERT_PLACED = (f"INSERT INTO reports ({_columns(_PLACED_COLUMNS)}) "
                         f"VALUES ({_marks(_PLACED_COLUMNS)})")
_CLAIM_INSERT_COLUMNS = ("id", "report_id", "source_id", "origin_id", *CLAIM_COLUMNS)
_LINK_INSERT = (f"INSERT INTO chain_links ({_columns(LINK_COLUMNS)}) "
                f"VALUES ({_marks(LINK_COLUMNS)})")
_QUOTED = CLAIM_COLUMNS.index("quoted")
# Claims go in as multi-row INSERTs of up to this many rows (SQLite allows 32,766 variables).
_CLAIMS_PER_STATEMENT = 500
LOCK_RETRIES = 3  # a report's transaction is tried again this often on "database is locked"


@cache
def _claims_insert(rows: int) -> str:
    """The INSERT of this many claims at once (built once for each number of rows)."""
    row_marks = f"({_marks(_CLAIM_INSERT_COLUMNS)})"
    return (f"INSERT INTO claims ({_columns(_CLAIM_INSERT_COLUMNS)}) VALUES "
            + ", ".join([row_marks] * rows))


def _is_locked(error: sqlite3.OperationalError) -> bool:
    message = str(error)
    return "locked" in message or "busy" in message


class ReportWriter:
    """Stores reports with their claims, chain links and sources, one transaction each.

    Built for ingest's single writer: each report is one transaction (see
    :func:`write_transaction`), claims go in with a few multi-row statements, links with
    ``executemany``, and the report's sources are looked up with one query. Used as a
    context manager, it adds what it stored to the full-text indexes every
    ``SEARCH_BATCH`` reports and when the ``with`` block ends.
    """

    # Connection settings for a run of many reports: every commit appends its pages to the
    # write-ahead log, and checkpointing it every 16 MB instead of every 4 MB copies each hot
    # index page back and syncs less often (about 10 % more reports per second); the
    # statement journals of the multi-row claim inserts stay in memory.
    # cell_size_check: each page read is checked before the write changes it, so a corrupt
    # page of a large database (see check_before_writing) stops the ingest, not spreads.
    BULK_SETTINGS = {"wal_autocheckpoint": 4000, "temp_store": 2,  # 2: MEMORY
                     "cell_size_check": 1}
    # Reports stored between two runs of index_backlog(): searches lag this far behind a
    # running ingest, and every run writes one index segment per table (see m010).
    SEARCH_BATCH = 200

    def __init__(self, db: Database, *, lexicon_id: int | None = None, group: bool = True):
        from .event_store import EventPlacer
        from .migrations import DEFAULT_EVENT

        self.db = db
        self.lexicon_id = lexicon_id  # the lexicons row the claims are extracted with
        self.conn = db.conn
        self.default_event = DEFAULT_EVENT
        # Puts each new report in an event (SPEC §6): its tag, else automatic grouping
        # (``group``), else the default event; and marks near-duplicates as copies.
        self.events = EventPlacer(db, group=group, default_event=DEFAULT_EVENT)
        self._saved: dict[str, int] = {}
        self._unindexed = 0  # reports stored since the backlog was last indexed

    def __enter__(self) -> ReportWriter:
        """Apply the settings for a run of many reports, until the ``with`` block ends; at its
        end, the reports stored are added to the full-text indexes."""
        for name, value in self.BULK_SETTINGS.items():
            self._saved[name] = self.conn.execute(f"PRAGMA {name}").fetchone()[0]
            self.conn.execute(f"PRAGMA {name} = {int(value)}")
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            if self._unindexed:
                self.index_backlog()
        except sqlite3.Error:
            # Ending on an error of the database itself (a full disk): the backlog stays
            # for the next ingest or search, and the first error is the one to report.
            if exc_type is None:
                raise
        finally:
            for name, value in self._saved.items():
                self.conn.execute(f"PRAGMA {name} = {int(value)}")

    def store(self, report: Report, rows: list[dict] | ClaimValues, *,
              sha256: str | None = None, read: tuple | None = None) -> int | None:
        """Store one report and its claims; None when its text is already stored.

        Args:
            rows: claim rows (``claim_rows_for``), or the same claims as ``claim_values_for``
                gives them.
            sha256: the report's hash, when the caller has taken it already.
            read: what automatic grouping reads of the report (``event_store.read``),
                when a worker has read it already.
        """
        meta = report.meta
        values = (
            sha256 or report.sha256, meta.title, meta.outlet, meta.url, meta.date,
            meta.event or self.default_event, report.ref, report.path,
            datetime.now(timezone.utc).isoformat(timespec="seconds"), report.text,
            self.lexicon_id,
        )
        claims, links, keys = (rows if isinstance(rows, ClaimValues) else _claim_values(rows))[:3]
        report_id = write_transaction(self.db,
                                      lambda: self._write(values, claims, links, keys, report,
                                                          read))
        if report_id is not None:
            self._unindexed += 1
            if self._unindexed >= self.SEARCH_BATCH:
                self.index_backlog()
        return report_id

    def store_or_reject(self, report: Report, rows: list[dict] | ClaimValues, *,
                        sha256: str | None = None,
                        read: tuple | None = None) -> int | Rejection | None:
        """What :meth:`store` does, with an error of this one report (a value SQLite cannot
        hold, a constraint, a bug on one odd text) returned as its Rejection: its
        transaction is rolled back, and the next report may well be stored. A failure of
        the database as a whole (:func:`fails_every_report`), or one after the report was
        committed (indexing it for search), is raised."""
        try:
            return self.store(report, rows, sha256=sha256, read=read)
        except Exception as e:
            if fails_every_report(e) or has_report(self.db, sha256 or report.sha256):
                raise
            from .inputs import Rejection

            return Rejection(report.name, f"could not be stored ({type(e).__name__}: {e})")

    def index_backlog(self) -> None:
        """Add the reports stored so far to the full-text indexes (see :func:`index_backlog`),
        and write the word counts automatic grouping gathered meanwhile."""
        index_backlog(self.db)
        self.events.flush()
        self._unindexed = 0

    def _write(self, values: tuple, claims: list[list], links: list[list],
               keys: dict[str, tuple[str | None, str]], report: Report,
               read: tuple | None = None) -> int | None:
        conn = self.conn
        # The event is decided first, so that the report is written once, with it.
        if conn.execute("SELECT 1 FROM reports WHERE sha256 = ?", values[:1]).fetchone():
            return None
        placed = self.events.decide(report, read)
        event = REPORT_COLUMNS.index("event")
        cursor = conn.execute(_REPORT_INSERT_PLACED, (
            *values[:event], placed.name, *values[event + 1:], placed.event_id, placed.copy_of,
            placed.placed))
        report_id = cursor.lastrowid
        self.events.record(report_id, placed)
        if not claims:
            return report_id
        ids = self._source_ids(keys)
        # The write lock is held: the next claim numbers are ours, and known before the
        # insert, so that the chain links can name their claims without a query per row.
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
        # New rows, the given ones left as they are: a transaction tried again after a lock
        # starts from the same keys and indexes.
        rows = [[first + n, report_id, ids.get(claim[2]) if claim[2] else None,
                 ids.get(claim[3]) if claim[3] else None, *claim[4:]]
                for n, claim in enumerate(claims)]
        for at in range(0, len(rows), _CLAIMS_PER_STATEMENT):
            # One statement for many rows: a few calls into SQLite instead of one per claim.
            part = rows[at:at + _CLAIMS_PER_STATEMENT]
            conn.execute(_claims_insert(len(part)), [v for claim in part for v in claim])
        conn.executemany(_LINK_INSERT, [
            [link[0] + first, link[1], ids.get(link[2]) if link[2] else None, *link[3:]]
            for link in links])
        return report_id

    def _source_ids(self, keys: dict[str, tuple[str | None, str]]) -> dict[str, int]:
        """Ids of the sources with these keys, creating the missing ones."""
        if not keys:
            return {}
        wanted = list(keys)
        sql = f"SELECT key, id FROM sources WHERE key IN ({_marks(wanted)})"
        ids = dict(self.conn.execute(sql, wanted).fetchall())
        missing = [(k, *keys[k]) for k in wanted if k not in ids]
        if missing:
            # The first name and kind seen for a key stand for the source; later spellings
            # of the same key are kept on their chain links.
            self.conn.executemany("INSERT INTO sources (key, name, kind) VALUES (?, ?, ?)",
                                  missing)
            ids.update(self.conn.execute(sql, wanted).fetchall())
        return ids


class ClaimValues(NamedTuple):
    """One report's claims as ReportWriter inserts them, before ids are known.

    ``claims``: a list per claim, starting with four slots (id, report id, source key,
    origin key) that the transaction fills, then CLAIM_COLUMNS. ``links``: a list per chain
    link, LINK_COLUMNS with the claim's index in the claim slot and the source key in the
    source slot. ``keys``: every source key with its first (name, kind). ``other``: how
    many claims have metric ``other``. ``skipped``: numbers too large to be figures, as written.
    """

    claims: list[list]
    links: list[list]
    keys: dict[str, tuple[str | None, str]]
    other: int
    skipped: tuple[str, ...] = ()


def claim_values_for(report: Report, lexicon: Lexicon | None = None) -> ClaimValues:
    """The claims of one report, ready to store: what ingest's worker processes send back.

    The same claims as ``claim_rows_for`` (a test holds them equal), without building the
    row dicts that storing would only take apart again; plain lists also unpickle in about
    half the time of dicts. A top-level function of picklable arguments, for the workers.
    """
    from .extract import extract_claims
    from .models import chain_of

    outlet = report.meta.outlet
    pairs = []
    skipped: list = []
    for claim in extract_claims(report.text, lexicon=lexicon, date=report.meta.date,
                                skipped=skipped):
        fig, attr, chain = claim.figure, claim.attribution, chain_of(claim, outlet)
        pairs.append(([claim.metric, claim.subject, claim.subject_group, fig.surface,
                       fig.qualifier, fig.value, fig.low, fig.high, fig.unit, claim.location,
                       *_ends(chain), attr.cue, attr.hedge, int(attr.quoted), claim.sentence,
                       fig.start, fig.end, int(claim.individual), claim.derived, claim.as_of,
                       json.dumps(list(claim.parts)) if claim.derived else None], chain))
    values = _pack(pairs)
    return values._replace(skipped=tuple(f.surface for f in skipped)) if skipped else values


def ingest_values_for(report: Report, lexicon: Lexicon | None = None
                      ) -> tuple[ClaimValues, tuple]:
    """What ingest's workers send back for a report: its claims (``claim_values_for``) and
    what automatic grouping reads of it (``event_store.read``), so that the process that
    stores the reports does neither."""
    from .event_store import read

    return claim_values_for(report, lexicon), read(report)


def _ends(chain: list[tuple]) -> tuple:
    """source, source_kind, origin, origin_kind of a chain of ``chain_of`` links."""
    if not chain:
        return None, "unattributed", None, "unattributed"
    return chain[0][0], chain[0][1], chain[-1][0], chain[-1][1]


def _claim_values(rows: list[dict]) -> ClaimValues:
    """Claim rows (claim_to_dict) as insert values."""
    quoted = _QUOTED
    claims = []
    for row in rows:
        values = [row.get(c) for c in CLAIM_COLUMNS]
        values[quoted] = int(bool(values[quoted]))
        _stored_new_fields(values)
        chain = [(link.get("name"), link.get("kind"), link.get("cue"), link.get("key"),
                  link.get("text"), link.get("descriptor"), link.get("role"))
                 for link in row.get("chain") or ()]
        claims.append((values, chain))
    return _pack(claims)


_INDIVIDUAL = CLAIM_COLUMNS.index("individual")
_PARTS = CLAIM_COLUMNS.index("parts")


def _stored_new_fields(values: list) -> None:
    """An individual flag as 0/1, a tally's parts as a JSON list (SPEC §2), in place."""
    values[_INDIVIDUAL] = int(bool(values[_INDIVIDUAL]))
    if isinstance(values[_PARTS], (list, tuple)):
        values[_PARTS] = json.dumps(list(values[_PARTS]))


def _read_new_fields(row: dict) -> None:
    """The stored individual flag and tally parts as ``claim_to_dict`` has them."""
    row["individual"] = bool(row["individual"])
    row["parts"] = json.loads(row["parts"]) if row["parts"] else None
    if row["derived"]:  # a tally has no span of its own: it is stored empty where its first part starts
        row["start"] = row["end"] = None


def _pack(claims: Iterable[tuple[list, list[tuple]]]) -> ClaimValues:
    """ClaimValues of (CLAIM_COLUMNS values, chain_of links) pairs."""
    packed: list[list] = []
    links: list[list] = []
    keys: dict[str, tuple[str | None, str]] = {}
    other = 0
    for index, (values, chain) in enumerate(claims):
        link_keys = []
        for position, (name, kind, cue, key, text, descriptor, role) in enumerate(chain):
            key = key or (name or "").casefold() or None
            if key is not None and key not in keys:
                keys[key] = (name, kind or "unattributed")
            link_keys.append(key)
            links.append([index, position, key, name, kind, cue, text, descriptor, role])
        other += values[0] == "other"
        packed.append([None, None, link_keys[0] if chain else None,
                       link_keys[-1] if chain else None, *values])
    return ClaimValues(packed, links, keys, other)


def _insert_claim(db: Database, report_id: int, row: dict) -> int:
    chain = row.get("chain") or []
    link_ids = [_source_id(db, link) for link in chain]
    values = [row.get(c) for c in CLAIM_COLUMNS]
    values[CLAIM_COLUMNS.index("quoted")] = int(bool(row.get("quoted")))
    _stored_new_fields(values)
    names = ("report_id", "source_id", "origin_id", *CLAIM_COLUMNS)
    cursor = db.execute(
        f"INSERT INTO claims ({_columns(names)}) VALUES ({_marks(names)})",
        [report_id, link_ids[0] if chain else None, link_ids[-1] if chain else None, *values],
    )
    claim_id = cursor.lastrowid
    db.conn.executemany(
        f"INSERT INTO chain_links ({_columns(LINK_COLUMNS)}) VALUES ({_marks(LINK_COLUMNS)})",
        [
            (claim_id, position, source_id, link.get("name"), link.get("kind"), link.get("cue"),
             link.get("text"), link.get("descriptor"), link.get("role"))
            for position, (link, source_id) in enumerate(zip(chain, link_ids))
        ],
    )
    return claim_id


def _source_id(db: Database, link: dict) -> int | None:
    key = link.get("key") or (link.get("name") or "").casefold() or None
    if key is None:
        return None
    # The first name and kind seen for a key stand for the source; later spellings of the
    # same key are kept on their chain links.
    db.execute(
        "INSERT INTO sources (key, name, kind) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
        [key, link.get("name"), link.get("kind") or "unattributed"],
    )
    return db.execute("SELECT id FROM sources WHERE key = ?", [key]).fetchone()[0]


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_reports(db: Database, *, event: str | None = None, include_other: bool = False
                 ) -> Iterator[dict]:
    """Stored reports in ingest order, each with its claim count (metric ``other`` only
    counted with ``include_other``)."""
    params: list = [int(include_other)]  # the subquery's placeholder comes first
    where = ""
    if event is not None:
        where = "WHERE r.event = ?"
        params.append(event)
    sql = f"""
        SELECT r.id, r.date, r.outlet, r.event, r.title, r.url, r.ref, r.path, r.ingested_at,
          (SELECT count(*) FROM claims c WHERE c.report_id = r.id
             AND (? OR c.metric != 'other')) AS claims,
          (SELECT label FROM lexicons l WHERE l.id = r.lexicon_id) AS lexicon
        FROM reports r {where} ORDER BY r.id"""
    yield from db.query(sql, params)


def list_claims(
    db: Database,
    *,
    event: str | None = None,
    metric: str | None = None,
    source: str | None = None,
    subject: str | None = None,
    report: str | int | None = None,
    location: str | None = None,
    include_other: bool = False,
) -> Iterator[dict]:
    """Stored claims with their chain, report and event, in ingest order.

    Args:
        source: part of the name or key of any link of the chain (source, origin, between).
        subject: a subject group, or part of the subject as written.
        report: a report id, or the input's id or path.
        location: part of the location.
        include_other: include figures with metric ``other`` (hidden otherwise, unless
            ``metric="other"`` asks for them).
    """
    where, params = [], []
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    if metric is not None:
        where.append("c.metric = ?")
        params.append(metric)
    elif not include_other:
        where.append("c.metric != 'other'")
    if source is not None:
        links = """SELECT l.claim_id FROM chain_links l LEFT JOIN sources s ON s.id = l.source_id
                   WHERE (l.name LIKE ? ESCAPE '\\' OR s.key LIKE ? ESCAPE '\\')"""
        if event is None and report is None:
            # Over the whole database, one pass over the links beats a probe per claim (3× on
            # 1M claims); within an event or a report, the probe reads far fewer links.
            where.append(f"c.id IN ({links})")
        else:
            where.append(f"EXISTS ({links} AND l.claim_id = c.id)")
        params += [_like(source), _like(source.casefold())]
    if subject is not None:
        where.append("(c.subject_group = ? OR c.subject LIKE ? ESCAPE '\\')")
        params += [subject, _like(subject)]
    if report is not None:
        if (number := row_number(report)) is not None:
            where.append("c.report_id = ?")
            params.append(number)
        else:
            where.append("(r.ref = ? OR r.path = ?)")
            params += [str(report), str(report)]
    if location is not None:
        where.append("c.location LIKE ? ESCAPE '\\'")
        params.append(_like(location))
    sql = f"""
        SELECT c.id, c.report_id AS report, r.event, {_CLAIM_HEAD},
          (SELECT json_group_array(json_object(
              'name', l.name, 'kind', l.kind, 'cue', l.cue, 'key', s.key, 'text', l.text,
              'descriptor', l.descriptor, 'role', l.role))
           FROM (SELECT * FROM chain_links WHERE claim_id = c.id ORDER BY position) l
           LEFT JOIN sources s ON s.id = l.source_id) AS chain,
          c.sentence, c.start, c."end", c.individual, c.derived, c.as_of, c.parts,
          r.outlet, r.date, r.title
        FROM claims c JOIN reports r ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY c.id"""
    for row in db.query(sql, params):
        row["quoted"] = bool(row["quoted"])
        row["chain"] = json.loads(row["chain"])
        _read_new_fields(row)
        yield row


def list_sources(db: Database, *, event: str | None = None, include_other: bool = False
                 ) -> Iterator[dict]:
    """Sources with kind, how many claims each stands behind, and the events they speak on.

    ``claims`` counts claims naming the source as their source (first link), ``origin_of``
    the claims it originates (last link), ``cited_in`` the claims whose chain holds it at
    any position.
    """
    where, params = [], []
    if not include_other:
        where.append("c.metric != 'other'")
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    sql = f"""
        SELECT s.id, s.name, s.kind, s.key,
          count(DISTINCT CASE WHEN c.source_id = s.id THEN c.id END) AS claims,
          count(DISTINCT CASE WHEN c.origin_id = s.id THEN c.id END) AS origin_of,
          count(DISTINCT c.id) AS cited_in,
          count(DISTINCT c.report_id) AS reports,
          json_group_array(DISTINCT r.event) AS events
        FROM sources s
        JOIN chain_links l ON l.source_id = s.id
        JOIN claims c ON c.id = l.claim_id
        JOIN reports r ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        GROUP BY s.id
        ORDER BY cited_in DESC, s.name COLLATE NOCASE, s.id"""
    for row in db.query(sql, params):
        row["events"] = sorted(json.loads(row["events"]))
        yield row


_OPTIONAL_CLAIM_COLUMNS = ("individual", "derived", "as_of", "parts")


def claim_rows(db: Database, *, event: str | None = None, metric: str | None = None,
               include_other: bool = True, by_event: bool = False) -> Iterator[dict]:
    """One plain dict per stored claim, ordered by report (ingest order) then claim id;
    with ``by_event``, by event first (what ``conflicts.conflicts_by_event`` streams).

    The rows `claimtrack.conflicts` works on. Keys: id, event, metric, subject,
    subject_group, location, figure, qualifier, value, low, high, unit, hedge, cue, source,
    source_kind, source_key, origin, origin_kind, origin_key, report (report id), outlet,
    title, date, and where the schema has them, individual, derived, as_of, parts, and the
    report's copy_of and copy_outlet (a copy's original report and its outlet: a copy's
    claims are its original's voices). ``event`` is the report's event (SPEC §6). Metric
    ``other`` rows are included unless ``include_other`` is false.
    """
    where, params = [], []
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    if metric is not None:
        where.append("c.metric = ?")
        params.append(metric)
    if not include_other:
        where.append("c.metric != 'other'")
    present = {row[1] for row in db.execute("PRAGMA table_info(claims)").fetchall()}
    extra = "".join(f", c.{name}" for name in _OPTIONAL_CLAIM_COLUMNS if name in present)
    if any(row[1] == "copy_of" for row in db.execute("PRAGMA table_info(reports)").fetchall()):
        extra += (", r.copy_of, CASE WHEN r.copy_of IS NOT NULL THEN (SELECT outlet FROM "
                  "reports WHERE id = r.copy_of) END AS copy_outlet")
    # Sources are few (one per body named across the whole database): their keys come from
    # one small query, not from two joins per claim. Ordered by event, the reports are read
    # through their event index and each one's claims through theirs, with no sort of the
    # whole table (a third of the time on a million claims).
    keys = dict(db.execute("SELECT id, key FROM sources").fetchall())
    sql = f"""
        SELECT c.id, r.event, c.metric, c.subject, c.subject_group, c.location, c.figure,
          c.qualifier, c.value, c.low, c.high, c.unit, c.hedge, c.cue,
          c.source, c.source_kind, c.source_id AS source_key,
          c.origin, c.origin_kind, c.origin_id AS origin_key,
          r.id AS report, r.outlet, r.title, r.date{extra}
        FROM {'reports r INDEXED BY idx_reports_event JOIN claims c' if by_event else 'claims c JOIN reports r'}
          ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY {'r.event, ' if by_event else ''}r.id, c.id"""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    source, origin = names.index("source_key"), names.index("origin_key")
    get = keys.get
    for row in cursor:
        row = list(row)
        row[source], row[origin] = get(row[source]), get(row[origin])
        yield dict(zip(names, row))


def has_name(db: Database, column: str, value: str) -> bool:
    """Whether any report is of this event (``column="event"``, through its index) or any
    claim of this metric (``"metric"``)."""
    sql = {"event": "SELECT 1 FROM reports WHERE event = ? LIMIT 1",
           "metric": "SELECT 1 FROM claims WHERE metric = ? LIMIT 1"}[column]
    return db.execute(sql, [value]).fetchone() is not None


def stored_names(db: Database, column: str) -> list[str]:
    """The distinct events (``column="event"``) or metrics (``"metric"``) stored, sorted:
    what a filter that matches nothing can suggest instead."""
    sql = {"event": "SELECT DISTINCT event FROM reports WHERE event IS NOT NULL",
           "metric": "SELECT DISTINCT metric FROM claims WHERE metric IS NOT NULL"}[column]
    return sorted(row[0] for row in db.execute(sql).fetchall())


_MAX_ROWID = 2 ** 63 - 1


def row_number(ref: str | int) -> int | None:
    """``ref`` as a row number (ASCII digits, within SQLite's integers), else None: ``²``
    and ``٣`` are digits to Python, and a number of 20 digits fits no SQLite integer."""
    text = str(ref)
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= _MAX_ROWID else None


def get_report(db: Database, ref: str | int) -> dict | None:
    """One stored report with its metadata and text, or None.

    Args:
        ref: the report's number (as ``reports`` lists it), or the input's id or path.
    """
    columns = ("id, date, outlet, event, title, url, ref, path, ingested_at, sha256, text, "
               "(SELECT label FROM lexicons l WHERE l.id = lexicon_id) AS lexicon")
    if (number := row_number(ref)) is not None:
        sql, params = f"SELECT {columns} FROM reports WHERE id = ?", [number]
    else:
        sql = f"SELECT {columns} FROM reports WHERE ref = ? OR path = ? ORDER BY id LIMIT 1"
        params = [str(ref), str(ref)]
    return next(db.query(sql, params), None)


def get_claim(db: Database, claim_id: int) -> dict | None:
    """One stored claim as ``list_claims`` gives it, plus its report's ``url`` and
    ``sentence_start`` (where its sentence begins in the report text, so that
    ``sentence[start - sentence_start:end - sentence_start]`` is the figure); None when no
    claim has this number."""
    if not 0 <= claim_id <= _MAX_ROWID:
        return None
    found = db.execute("SELECT report_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if found is None:
        return None
    rows = list(list_claims(db, report=found[0], include_other=True))
    row = next(r for r in rows if r["id"] == claim_id)
    report = get_report(db, found[0])
    row["url"] = report["url"]
    if row.get("derived"):
        # a tally has no sentence: what it sums instead, its report's claims at those positions
        row["sentence_start"] = None
        row["summed"] = [{"id": rows[i]["id"], "figure": rows[i]["figure"], "value": rows[i]["value"],
                          "metric": rows[i]["metric"]}
                         for i in row.get("parts") or () if 0 <= i < len(rows)]
    else:
        row["sentence_start"] = _sentence_start(report["text"], row["sentence"], row["start"])
    return row


def _sentence_start(text: str, sentence: str | None, start: int) -> int | None:
    # The sentence is stored as a slice of the text: its last occurrence that begins at or
    # before the figure is the one holding it.
    if not sentence:
        return None
    at = text.rfind(sentence, 0, start + len(sentence))
    return at if at >= 0 and at + len(sentence) >= start else None


@dataclass(slots=True)
class ReextractSummary:
    """What a re-extraction did over all the reports it visited."""

    reports: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    unchanged: int = 0
    rejected: int = 0  # reports whose extraction or storage failed: their old claims stay


def reextract(db: Database, *, lexicon: Lexicon | None = None, event: str | None = None,
              summary: ReextractSummary | None = None,
              on_reject: Callable[[Rejection], None] | None = None,
              lexicon_id: int | None = None) -> Iterator[dict]:
    """Run extraction again over stored reports, one transaction per report.

    Claims the new run finds unchanged keep their rows (and numbers); the others are
    deleted with their chain links and the new ones inserted. When the run ends, also on
    an error, the sources no claim refers to any more are removed and the new claims added
    to the full-text index. Yields one row per report, as it is committed: ``report``,
    ``date``, ``outlet``, ``title``, ``before``, ``after``, ``added``, ``removed``,
    ``unchanged``; ``summary``, when given, is updated as the reports go by.

    A report whose extraction or storage fails keeps the claims it had (its transaction
    is rolled back); it is counted in ``summary.rejected``, passed to ``on_reject``, and
    the others go on. A failure of the database as a whole (:func:`fails_every_report`)
    ends the run.

    Args:
        lexicon: the lexicon to extract with (None: the default one).
        event: only the reports of this event.
        lexicon_id: the ``lexicons`` row of ``lexicon`` (:func:`record_lexicon`), recorded
            on each report re-extracted.
    """
    check_before_writing(db)
    where, params = ("WHERE event = ?", [event]) if event is not None else ("", [])
    ids = [r[0] for r in db.execute(f"SELECT id FROM reports {where} ORDER BY id", params)]
    try:
        yield from _reextract_each(db, ids, lexicon, summary, on_reject, lexicon_id)
    except BaseException:
        # The reports done so far are finished too; the first error is the one to report.
        with suppress(sqlite3.Error):
            remove_uncited_sources(db)
            index_backlog(db)
        raise
    remove_uncited_sources(db)
    index_backlog(db)


def remove_uncited_sources(db: Database) -> int:
    """Delete the sources that no chain link cites any more; how many were deleted.

    Every claim's source and origin are its first and last chain links, so a source no link
    cites is one no claim refers to. Nothing is indexed by source (migration m011), so the
    foreign-key check of each delete would read every claim and link: it is left out for
    this one statement, whose condition is that check, made in one pass over the links.
    """
    if db.conn.in_transaction:  # the foreign-key switch is ignored inside a transaction
        return _delete_uncited(db)
    db.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return write_transaction(db, lambda: _delete_uncited(db))
    finally:
        db.conn.execute("PRAGMA foreign_keys = ON")


def _delete_uncited(db: Database) -> int:
    return db.execute("""DELETE FROM sources WHERE id NOT IN
                         (SELECT source_id FROM chain_links WHERE source_id IS NOT NULL)""").rowcount

def _reextract_each(db: Database, ids: list[int], lexicon: Lexicon | None,
                    summary: ReextractSummary | None,
                    on_reject: Callable[[Rejection], None] | None,
                    lexicon_id: int | None = None) -> Iterator[dict]:
    """_reextract over ``ids`` a report at a time: one report's failure is its rejection."""
    from .inputs import Rejection

    for report_id in ids:
        try:
            # The summary counts a report once its transaction is committed, so none of a
            # failed one is counted.
            changes = list(_reextract(db, [report_id], lexicon, summary, lexicon_id))
        except Exception as e:
            if fails_every_report(e):
                raise
            if summary is not None:
                summary.rejected += 1
            if on_reject is not None:
                on_reject(Rejection(f"report {report_id}", f"re-extraction failed, its claims "
                                                           f"kept ({type(e).__name__}: {e})"))
            continue
        yield from changes


def _reextract(db: Database, ids: list[int], lexicon: Lexicon | None,
               summary: ReextractSummary | None, lexicon_id: int | None = None
               ) -> Iterator[dict]:
    from .inputs import Meta, Report, claim_rows_for

    for report_id in ids:
        stored = get_report(db, report_id)
        if stored is None:  # deleted by another process meanwhile
            continue
        report = Report(stored["text"], stored["ref"] or str(report_id), stored["ref"] or "",
                        stored["path"], Meta(title=stored["title"], date=stored["date"],
                                             url=stored["url"], outlet=stored["outlet"],
                                             event=stored["event"]))
        # Extraction runs before the transaction, so a slow report holds no write lock.
        new_rows = claim_rows_for(report, lexicon)
        with db.atomic():
            old = _stored_signatures(db, report_id)
            pool: dict[tuple, list[int]] = {}
            for claim_id, signature in old:
                pool.setdefault(signature, []).append(claim_id)
            added = []
            for row in new_rows:
                kept = pool.get(_signature(row))
                if kept:
                    kept.pop(0)
                else:
                    added.append(row)
            removed = [claim_id for ids_ in pool.values() for claim_id in ids_]
            _delete_claims(db, removed)
            for row in added:
                _insert_claim(db, report_id, row)
            if lexicon_id is not None:
                db.execute("UPDATE reports SET lexicon_id = ? WHERE id = ? AND lexicon_id IS NOT ?",
                           [lexicon_id, report_id, lexicon_id])
        change = {
            "report": report_id, "date": stored["date"], "outlet": stored["outlet"],
            "title": stored["title"], "before": len(old), "after": len(new_rows),
            "added": len(added), "removed": len(removed),
            "unchanged": len(new_rows) - len(added),
        }
        if summary is not None:
            summary.reports += 1
            summary.changed += bool(added or removed)
            summary.added += change["added"]
            summary.removed += change["removed"]
            summary.unchanged += change["unchanged"]
        yield change


def _signature(row: dict) -> tuple:
    """Everything stored about a claim row (claim_to_dict), as a comparable tuple."""
    values = [row.get(c) for c in CLAIM_COLUMNS]
    values[CLAIM_COLUMNS.index("quoted")] = int(bool(row.get("quoted")))
    _stored_new_fields(values)
    chain = tuple(
        (link.get("name"), link.get("kind"), link.get("cue"), link.get("text"),
         link.get("descriptor"), link.get("role"),
         link.get("key") or (link.get("name") or "").casefold() or None)
        for link in row.get("chain") or ()
    )
    return (*values, chain)


def _stored_signatures(db: Database, report_id: int) -> list[tuple[int, tuple]]:
    """The report's stored claims as (id, signature), comparable with ``_signature``."""
    links: dict[int, list[tuple]] = {}
    for claim_id, *link in db.execute(
            """SELECT l.claim_id, l.name, l.kind, l.cue, l.text, l.descriptor, l.role, s.key
               FROM chain_links l JOIN claims c ON c.id = l.claim_id
               LEFT JOIN sources s ON s.id = l.source_id
               WHERE c.report_id = ? ORDER BY l.claim_id, l.position""", [report_id]):
        links.setdefault(claim_id, []).append(tuple(link))
    return [
        (claim_id, (*values, tuple(links.get(claim_id, ()))))
        for claim_id, *values in db.execute(
            f"SELECT id, {_columns(CLAIM_COLUMNS)} FROM claims WHERE report_id = ? ORDER BY id",
            [report_id])
    ]


def _delete_claims(db: Database, claim_ids: list[int]) -> None:
    """Delete claims with their chain links (their sources go at the end of a re-extraction)."""
    for claim_id in claim_ids:
        db.execute("DELETE FROM chain_links WHERE claim_id = ?", [claim_id])
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])


# A claim's chain as a JSON array, from the report outward (as list_claims gives it).
_CHAIN_JSON = """(SELECT json_group_array(json_object(
      'name', l.name, 'kind', l.kind, 'cue', l.cue, 'key', s.key, 'text', l.text,
      'descriptor', l.descriptor, 'role', l.role))
   FROM (SELECT * FROM chain_links WHERE claim_id = c.id ORDER BY position) l
   LEFT JOIN sources s ON s.id = l.source_id)"""
SEARCH_COLUMNS = ("kind", "claim", "report", "event", "date", "outlet", "title", "metric",
                  "figure", "source", "origin", "snippet")
_FTS_QUERY_ERRORS = ("fts5", "syntax error", "no such column", "unterminated string",
                     "unknown special query")
_MARK = ("«", "»", "…")  # around each matched word in a snippet; not rich markup, not CSV syntax


def export_claims(db: Database, *, event: str | None = None, include_other: bool = True
                  ) -> Iterator[dict]:
    """Every stored claim with its source and report fields, one row per claim, in ingest order.

    Keys: those of :func:`list_claims`, then ``source_key`` and ``origin_key`` (the
    sources' grouping keys), and the report's ``url`` and ``ref`` (the input's id or path).
    The rows also carry every key :func:`claim_rows` gives, so ``claimtrack.conflicts``
    can group them.

    Args:
        include_other: include figures with metric ``other`` (the whole database: yes).
    """
    where, params = [], []
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    if not include_other:
        where.append("c.metric != 'other'")
    sql = f"""
        SELECT c.id, c.report_id AS report, r.event, {_CLAIM_HEAD}, {_CHAIN_JSON} AS chain,
          c.sentence, c.start, c."end", c.individual, c.derived, c.as_of, c.parts,
          s.key AS source_key, o.key AS origin_key, r.outlet, r.date, r.title, r.url, r.ref
        FROM claims c
        JOIN reports r ON r.id = c.report_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN sources o ON o.id = c.origin_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY r.id, c.id"""
    for row in db.query(sql, params):
        row["quoted"] = bool(row["quoted"])
        row["chain"] = json.loads(row["chain"])
        _read_new_fields(row)
        yield row


def search(db: Database, query: str, *, event: str | None = None, include_other: bool = False,
           raw: bool = False, limit: int | None = None,
           on_unindexed: Callable[[int, str], None] | None = None) -> Iterator[dict]:
    """Claims whose sentence, and reports whose title or text, match ``query`` (FTS5).

    Rows have the keys ``SEARCH_COLUMNS``: ``kind`` is ``claim`` or ``report``, ``claim`` is
    None for a report, and ``snippet`` marks each matched word «like this». Claims come
    first, then reports, each best match first.

    Args:
        query: words that must all occur, each taken literally (quotes, ``OR``, ``*`` and
            ``-`` are plain text); with ``raw``, an FTS5 query (``"a phrase"``, ``OR``,
            ``NOT``, ``prefix*``, ``NEAR(a b)``).
        include_other: also claims whose metric is ``other``.
        limit: at most this many claims and this many reports.
        on_unindexed: called with how many stored reports wait for the index, and why,
            when they cannot be indexed now (a read-only file, a full disk, an ingest
            holding the lock): the search then covers what is indexed, writing nothing.

    Raises:
        UsageError: the query has no words, or (``raw``) is not valid FTS5 syntax.
    """
    match = query.strip() if raw else db.quote_fts(query)
    if not match:
        raise UsageError("give a word to search for, e.g. `claimtrack search police`")
    try:
        index_backlog(db)
    except sqlite3.OperationalError as e:
        # A read-only file, a full disk, or an ingest holding the lock past the busy
        # timeout: search what is indexed (all but the reports of an ingest still running
        # or cut short), and say so.
        if not fails_every_report(e):
            raise
        if on_unindexed is not None:
            waiting = db.execute("SELECT count(*) FROM search_backlog").fetchone()[0]
            on_unindexed(waiting, str(e))
    return _search_rows(db, match, query if raw else None, event=event,
                        include_other=include_other, limit=-1 if limit is None else limit)


def _search_rows(db: Database, match: str, raw_query: str | None, *, event: str | None,
                 include_other: bool, limit: int) -> Iterator[dict]:
    claim_where, report_where = ["claims_fts MATCH ?"], ["reports_fts MATCH ?"]
    claim_params: list = [*_MARK, match]
    report_params: list = [*_MARK, match]
    if event is not None:
        claim_where.append("r.event = ?")
        report_where.append("r.event = ?")
        claim_params.append(event)
        report_params.append(event)
    if not include_other:
        claim_where.append("c.metric != 'other'")
    claims_sql = f"""
        SELECT 'claim' AS kind, c.id AS claim, c.report_id AS report, r.event, r.date,
          r.outlet, r.title, c.metric, c.figure, c.source, c.origin,
          snippet(claims_fts, 0, ?, ?, ?, 16) AS snippet
        FROM claims_fts
        JOIN claims c ON c.id = claims_fts.rowid
        JOIN reports r ON r.id = c.report_id
        WHERE {' AND '.join(claim_where)}
        ORDER BY claims_fts.rank, c.id
        LIMIT ?"""
    reports_sql = f"""
        SELECT 'report' AS kind, NULL AS claim, r.id AS report, r.event, r.date, r.outlet,
          r.title, NULL AS metric, NULL AS figure, NULL AS source, NULL AS origin,
          snippet(reports_fts, -1, ?, ?, ?, 16) AS snippet
        FROM reports_fts
        JOIN reports r ON r.id = reports_fts.rowid
        WHERE {' AND '.join(report_where)}
        ORDER BY reports_fts.rank, r.id
        LIMIT ?"""
    try:
        yield from db.query(claims_sql, [*claim_params, limit])
        yield from db.query(reports_sql, [*report_params, limit])
    except sqlite3.OperationalError as e:
        message = str(e)
        # How FTS5 reports a bad query: a syntax error, "no such column" for `word:`, …
        if raw_query is not None and any(m in message for m in _FTS_QUERY_ERRORS):
            raise UsageError(f"not a valid FTS5 query: {raw_query!r} ({message}); "
                             "leave out --raw to search for the words as written") from None
        raise


# The lexicon a database extracts with (SPEC §3, migration m016).

def recorded_lexicon(db: Database | Reader) -> LexiconChoice | None:
    """The lexicon choice the database was last told (by ingest or reextract), or None."""
    from .extract.conventions import LexiconChoice

    row = db.execute("""SELECT l.convention, l.overlay, l.name FROM settings s
                        JOIN lexicons l ON l.id = CAST(s.value AS INTEGER)
                        WHERE s.key = 'lexicon_id'""").fetchone()
    return LexiconChoice(*row) if row else None


def recorded_overlay(db: Database | Reader) -> str | None:
    """The text of the user's lexicon file the database was last told, or None; read
    without loading the extraction engine (``conflicts`` wants only its cumulative flags)."""
    row = db.execute("""SELECT l.overlay FROM settings s
                        JOIN lexicons l ON l.id = CAST(s.value AS INTEGER)
                        WHERE s.key = 'lexicon_id'""").fetchone()
    return row[0] if row else None


def record_lexicon(db: Database, choice: LexiconChoice) -> int:
    """Store ``choice`` (once per convention and file content) and make it the one a later
    ingest or reextract uses when given none; its ``lexicons`` id."""

    def write() -> int:
        db.execute("""INSERT OR IGNORE INTO lexicons (sha256, convention, name, overlay, label,
                      recorded_at) VALUES (?, ?, ?, ?, ?, ?)""",
                   [choice.sha256, choice.convention, choice.name, choice.overlay, choice.label,
                    datetime.now(timezone.utc).isoformat(timespec="seconds")])
        (lexicon_id,) = db.execute("SELECT id FROM lexicons WHERE sha256 = ?",
                                   [choice.sha256]).fetchone()
        db.execute("""INSERT INTO settings (key, value) VALUES ('lexicon_id', ?)
                      ON CONFLICT (key) DO UPDATE SET value = excluded.value""", [str(lexicon_id)])
        return lexicon_id

    return write_transaction(db, write)


# What shell completion offers (`claimtrack claims --event <TAB>`), at most this many.
_COMPLETIONS = {
    "event": "SELECT DISTINCT event FROM reports WHERE event LIKE ? ESCAPE '\\' ORDER BY 1",
    "metric": "SELECT DISTINCT metric FROM claims WHERE metric LIKE ? ESCAPE '\\' ORDER BY 1",
    "source": "SELECT DISTINCT name FROM sources WHERE name LIKE ? ESCAPE '\\' ORDER BY 1",
}
COMPLETION_LIMIT = 200


def completions(path: str | os.PathLike, what: str, prefix: str = "") -> list[str]:
    """Stored events, metrics or source names that start with ``prefix`` (any case), for
    shell completion: read-only, and empty when ``path`` is no readable claimtrack database."""
    file = Path(path)
    if what not in _COMPLETIONS or not file.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return []
    try:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = conn.execute(f"{_COMPLETIONS[what]} LIMIT ?", [escaped + "%", COMPLETION_LIMIT])
        return [value for (value,) in rows if value]
    except sqlite3.Error:
        return []
    finally:
        conn.close()
