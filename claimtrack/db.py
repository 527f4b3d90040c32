"""The SQLite store (SPEC §8): opening, ingesting and querying. The only module with SQL.

Every statement takes bound parameters; the only strings formatted into SQL are this
module's own column lists and WHERE fragments, never a user value.
"""
from __future__ import annotations

import json
import os
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
    "sentence", "start", "end",
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
        from sqlite_utils import Database

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
    except sqlite3.Error as e:
        conn.close()
        if isinstance(e, sqlite3.OperationalError) and _is_locked(e):
            raise database_error(e, path) from None  # open_db would wait as long again
        return None
    if sorted(applied) != sorted(SCHEMA):
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


def _check_schema(db: Database, path: str) -> None:
    from .migrations import known_migrations, migrations

    if not db.conn.in_transaction:
        # One read transaction, so that the two reads below see the same state of the file.
        with db.conn:
            db.conn.execute("BEGIN")
            return _check_schema(db, path)
    applied = [m.name for m in migrations.applied(db)]
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        raise DatabaseError(
            f"{path} was written by a newer claimtrack (schema migration {', '.join(unknown)}); "
            "upgrade claimtrack to open it"
        )
    tables = [t for t in db.table_names() if t != migrations.migrations_table]
    if not applied and tables:
        raise DatabaseError(f"{path} is not a claimtrack database (it already holds other "
                            "tables); pass --db with a new or claimtrack file")


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
    jobs: int = 1,
    stop: Callable[[], bool] | None = None,
    on_progress: Callable[[Report | Rejection, IngestSummary], None] | None = None,
    summary: IngestSummary | None = None,
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
        group: put reports without an event tag in events automatically (SPEC §6);
            false puts them in event ``default``.
    """
    from .inputs import Rejection
    from .parallel import extracted

    summary = summary if summary is not None else IngestSummary()

    def prepared() -> Iterator[tuple[Report | Rejection, str | None]]:
        # The hash is taken once, here: a stored text is neither extracted nor sent to a worker.
        for item in inputs:
            if isinstance(item, Rejection):
                yield item, None
            else:
                sha = item.sha256
                yield item, None if has_report(db, sha) else sha

    results = extracted(prepared(), lambda pair: pair[0] if pair[1] else None, lexicon=lexicon,
                        jobs=jobs, extract=ingest_values_for if group else claim_values_for)
    with ReportWriter(db, group=group) as writer, closing(results):  # closing: workers stop on errors too
        for (item, sha), rows in results:
            if stop and stop():
                summary.interrupted = True
                break
            if isinstance(rows, Rejection):  # extraction itself failed on this report
                item = rows
            rows, read = rows if isinstance(rows, tuple) and len(rows) == 2 else (rows, None)
            if isinstance(item, Rejection):
                summary.rejected += 1
                if on_reject:
                    on_reject(item)
            elif sha is None or writer.store(item, rows, sha256=sha, read=read) is None:
                summary.duplicates += 1
            else:
                summary.added += 1
                summary.claims += len(rows.claims)
                summary.other += rows.other
            if on_progress:
                on_progress(item, summary)
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


_REPORT_INSERT = (f"INSERT OR IGNORE INTO reports ({_columns(REPORT_COLUMNS)}) "
                  f"VALUES ({_marks(REPORT_COLUMNS)})")
_PLACED_COLUMNS = (*REPORT_COLUMNS, "event_id", "copy_of", "placed")
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
    BULK_SETTINGS = {"wal_autocheckpoint": 4000, "temp_store": 2}  # 2: MEMORY
    # Reports stored between two runs of index_backlog(): searches lag this far behind a
    # running ingest, and every run writes one index segment per table (see m010).
    SEARCH_BATCH = 200

    def __init__(self, db: Database, *, group: bool = True):
        from .event_store import EventPlacer
        from .migrations import DEFAULT_EVENT

        self.db = db
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
        )
        claims, links, keys, _ = rows if isinstance(rows, ClaimValues) else _claim_values(rows)
        report_id = write_transaction(self.db,
                                      lambda: self._write(values, claims, links, keys, report,
                                                          read))
        if report_id is not None:
            self._unindexed += 1
            if self._unindexed >= self.SEARCH_BATCH:
                self.index_backlog()
        return report_id

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
        for n, claim in enumerate(claims):
            source_key, origin_key = claim[2], claim[3]
            claim[0], claim[1] = first + n, report_id
            claim[2] = ids.get(source_key) if source_key else None
            claim[3] = ids.get(origin_key) if origin_key else None
        for at in range(0, len(claims), _CLAIMS_PER_STATEMENT):
            # One statement for many rows: a few calls into SQLite instead of one per claim.
            part = claims[at:at + _CLAIMS_PER_STATEMENT]
            conn.execute(_claims_insert(len(part)), [v for claim in part for v in claim])
        for link in links:
            link[0] += first
            link[2] = ids.get(link[2]) if link[2] else None
        conn.executemany(_LINK_INSERT, links)
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
    many claims have metric ``other``.
    """

    claims: list[list]
    links: list[list]
    keys: dict[str, tuple[str | None, str]]
    other: int


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
    for claim in extract_claims(report.text, lexicon=lexicon):
        fig, attr, chain = claim.figure, claim.attribution, chain_of(claim, outlet)
        pairs.append(([claim.metric, claim.subject, claim.subject_group, fig.surface,
                       fig.qualifier, fig.value, fig.low, fig.high, fig.unit, claim.location,
                       *_ends(chain), attr.cue, attr.hedge, int(attr.quoted), claim.sentence,
                       fig.start, fig.end], chain))
    return _pack(pairs)


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
        chain = [(link.get("name"), link.get("kind"), link.get("cue"), link.get("key"),
                  link.get("text"), link.get("descriptor"), link.get("role"))
                 for link in row.get("chain") or ()]
        claims.append((values, chain))
    return _pack(claims)


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
             AND (? OR c.metric != 'other')) AS claims
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
        if str(report).isdigit():
            where.append("c.report_id = ?")
            params.append(int(report))
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
          c.sentence, c.start, c."end", r.outlet, r.date, r.title
        FROM claims c JOIN reports r ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY c.id"""
    for row in db.query(sql, params):
        row["quoted"] = bool(row["quoted"])
        row["chain"] = json.loads(row["chain"])
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


def claim_rows(db: Database, *, event: str | None = None, metric: str | None = None,
               include_other: bool = True, by_event: bool = False) -> Iterator[dict]:
    """One plain dict per stored claim, ordered by report (ingest order) then claim id;
    with ``by_event``, by event first (what ``conflicts.conflicts_by_event`` streams).

    The rows `claimtrack.conflicts` works on. Keys: id, event, metric, subject,
    subject_group, location, figure, qualifier, value, low, high, unit, hedge, cue, source,
    source_kind, source_key, origin, origin_kind, origin_key, report (report id), outlet,
    title, date, copy_of and copy_outlet (a copy's original report and its outlet: a
    copy's claims are its original's voices). ``event`` is the report's event (SPEC §6).
    Metric ``other``
    rows are included unless ``include_other`` is false.
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
    sql = f"""
        SELECT c.id, r.event, c.metric, c.subject, c.subject_group, c.location, c.figure,
          c.qualifier, c.value, c.low, c.high, c.unit, c.hedge, c.cue,
          c.source, c.source_kind, s.key AS source_key,
          c.origin, c.origin_kind, o.key AS origin_key,
          r.id AS report, r.outlet, r.title, r.date, r.copy_of,
          CASE WHEN r.copy_of IS NOT NULL
            THEN (SELECT outlet FROM reports WHERE id = r.copy_of) END AS copy_outlet
        FROM claims c
        JOIN reports r ON r.id = c.report_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN sources o ON o.id = c.origin_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY {'r.event, ' if by_event else ''}r.id, c.id"""
    yield from db.query(sql, params)


def get_report(db: Database, ref: str | int) -> dict | None:
    """One stored report with its metadata and text, or None.

    Args:
        ref: the report's number (as ``reports`` lists it), or the input's id or path.
    """
    columns = "id, date, outlet, event, title, url, ref, path, ingested_at, sha256, text"
    if str(ref).isdigit():
        sql, params = f"SELECT {columns} FROM reports WHERE id = ?", [int(ref)]
    else:
        sql = f"SELECT {columns} FROM reports WHERE ref = ? OR path = ? ORDER BY id LIMIT 1"
        params = [str(ref), str(ref)]
    return next(db.query(sql, params), None)


def get_claim(db: Database, claim_id: int) -> dict | None:
    """One stored claim as ``list_claims`` gives it, plus its report's ``url`` and
    ``sentence_start`` (where its sentence begins in the report text, so that
    ``sentence[start - sentence_start:end - sentence_start]`` is the figure); None when no
    claim has this number."""
    found = db.execute("SELECT report_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if found is None:
        return None
    row = next(r for r in list_claims(db, report=found[0], include_other=True)
               if r["id"] == claim_id)
    report = get_report(db, found[0])
    row["url"] = report["url"]
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


def reextract(db: Database, *, lexicon: Lexicon | None = None, event: str | None = None,
              summary: ReextractSummary | None = None) -> Iterator[dict]:
    """Run extraction again over stored reports, one transaction per report.

    Claims the new run finds unchanged keep their rows (and numbers); the others are
    deleted with their chain links and the new ones inserted. When the run ends, also on
    an error, the sources no claim refers to any more are removed and the new claims added
    to the full-text index. Yields one row per report, as it is committed: ``report``,
    ``date``, ``outlet``, ``title``, ``before``, ``after``, ``added``, ``removed``,
    ``unchanged``; ``summary``, when given, is updated as the reports go by.

    Args:
        lexicon: the lexicon to extract with (None: the default one).
        event: only the reports of this event.
    """
    where, params = ("WHERE event = ?", [event]) if event is not None else ("", [])
    ids = [r[0] for r in db.execute(f"SELECT id FROM reports {where} ORDER BY id", params)]
    try:
        yield from _reextract(db, ids, lexicon, summary)
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

def _reextract(db: Database, ids: list[int], lexicon: Lexicon | None,
               summary: ReextractSummary | None) -> Iterator[dict]:
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
          c.sentence, c.start, c."end", s.key AS source_key, o.key AS origin_key,
          r.outlet, r.date, r.title, r.url, r.ref
        FROM claims c
        JOIN reports r ON r.id = c.report_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN sources o ON o.id = c.origin_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY r.id, c.id"""
    for row in db.query(sql, params):
        row["quoted"] = bool(row["quoted"])
        row["chain"] = json.loads(row["chain"])
        yield row


def search(db: Database, query: str, *, event: str | None = None, include_other: bool = False,
           raw: bool = False, limit: int | None = None) -> Iterator[dict]:
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

    Raises:
        UsageError: the query has no words, or (``raw``) is not valid FTS5 syntax.
    """
    match = query.strip() if raw else db.quote_fts(query)
    if not match:
        raise UsageError("give a word to search for, e.g. `claimtrack search police`")
    try:
        index_backlog(db)
    except sqlite3.OperationalError as e:
        # A read-only file, or an ingest holding the lock past the busy timeout: search
        # what is indexed (all but the reports of an ingest still running or cut short).
        if "readonly" not in str(e) and not _is_locked(e):
            raise
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
