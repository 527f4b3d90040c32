"""Opening a claimtrack database: checks, migrations, the read-only Reader, write
transactions and what counts as a failure of the whole database."""
from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import DatabaseError

if TYPE_CHECKING:
    from sqlite_utils import Database


# sqlite-utils (with the migrations), the readers and the extraction engine are imported
# where they are used, so that `import claimtrack.store` costs little: `claimtrack --help` and
# `claimtrack extract` need none of them.

T = TypeVar("T")

DEFAULT_DB = "claimtrack.db"
ENV_DB = "CLAIMTRACK_DB"
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another before the database counts as locked


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
        from .._sqlite_utils import Database  # not from sqlite_utils: it would import pandas
        from ..migrations import migrations

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
    "m018_verdicts",
    "m019_parts_and_periods",
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
    from ..migrations import migrations

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
    from ..migrations import known_migrations, migrations

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


def immediate(conn: sqlite3.Connection, step: Callable[[], T]) -> T:
    """Run ``step`` between ``BEGIN IMMEDIATE`` and ``COMMIT``; roll back if it fails."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = step()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result


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
            return immediate(conn, step)
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
LOCK_RETRIES = 3  # a report's transaction is tried again this often on "database is locked"


def _is_locked(error: sqlite3.OperationalError) -> bool:
    message = str(error)
    return "locked" in message or "busy" in message


def is_unwritable(error: sqlite3.OperationalError) -> bool:
    """A database that cannot be written now: read-only, or locked past the busy timeout."""
    message = str(error)
    return "readonly" in message or "read-only" in message or _is_locked(error)
