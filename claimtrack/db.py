"""The SQLite store (SPEC §8): opening, ingesting and querying. The only module with SQL.

Every statement takes bound parameters; the only strings formatted into SQL are this
module's own column lists and WHERE fragments, never a user value.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from .errors import DatabaseError
from .extract import Lexicon
from .inputs import Rejection, Report, claim_rows_for
from .migrations import DEFAULT_EVENT, known_migrations, migrations

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

    Args:
        path: the database file, or ``":memory:"``.
        create: when false, a missing file is an error instead of a new empty database.

    Raises:
        DatabaseError: the file is missing (``create=False``), not a SQLite database, not a
            claimtrack database, written by a newer claimtrack, or locked.
    """
    path = os.fspath(path)
    memory = path == ":memory:"
    if not memory and not create and not Path(path).exists():
        raise DatabaseError(f"no database at {path}: run `claimtrack ingest` first, or pass --db")
    try:
        db = Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT))
        db.execute("PRAGMA foreign_keys = ON")
        _check_schema(db, path)
        if not memory:
            db.enable_wal()
            # In WAL mode NORMAL cannot corrupt the file; it only skips an fsync per commit,
            # which one-transaction-per-report ingest would otherwise pay for every report.
            db.execute("PRAGMA synchronous = NORMAL")
        migrations.apply(db)
    except sqlite3.Error as e:
        raise database_error(e, path) from None
    return db


def _check_schema(db: Database, path: str) -> None:
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
    """What an ingest did: reports added, duplicates skipped, inputs rejected, claims stored."""

    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    claims: int = 0


def ingest(
    db: Database,
    inputs: Iterable[Report | Rejection],
    *,
    lexicon: Lexicon | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
) -> IngestSummary:
    """Extract and store each report, one transaction per report.

    A report whose normalised text is already stored is skipped before extraction. Each
    rejection is counted and passed to ``on_reject`` as it happens; the rest go on.
    """
    summary = IngestSummary()
    for item in inputs:
        if isinstance(item, Rejection):
            summary.rejected += 1
            if on_reject:
                on_reject(item)
            continue
        if has_report(db, item.sha256):
            summary.duplicates += 1
            continue
        rows = claim_rows_for(item, lexicon)
        if store_report(db, item, rows) is None:
            summary.duplicates += 1
        else:
            summary.added += 1
            summary.claims += len(rows)
    return summary


def has_report(db: Database, sha256: str) -> bool:
    """Whether a report with this normalised-text hash is stored."""
    return db.execute("SELECT 1 FROM reports WHERE sha256 = ?", [sha256]).fetchone() is not None


def store_report(db: Database, report: Report, rows: list[dict]) -> int | None:
    """Store a report and its claim rows (claim_to_dict) in one transaction.

    Returns the new report id, or None when the same text is already stored.
    """
    meta = report.meta
    values = [
        report.sha256, meta.title, meta.outlet, meta.url, meta.date, meta.event or DEFAULT_EVENT,
        report.ref, report.path, datetime.now(timezone.utc).isoformat(timespec="seconds"),
        report.text,
    ]
    with db.atomic():
        cursor = db.execute(
            f"INSERT OR IGNORE INTO reports ({_columns(REPORT_COLUMNS)}) "
            f"VALUES ({_marks(REPORT_COLUMNS)})",
            values,
        )
        if cursor.rowcount == 0:
            return None
        report_id = cursor.lastrowid
        for row in rows:
            _insert_claim(db, report_id, row)
    return report_id


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
        where.append("""EXISTS (SELECT 1 FROM chain_links l
                        LEFT JOIN sources s ON s.id = l.source_id
                        WHERE l.claim_id = c.id
                          AND (l.name LIKE ? ESCAPE '\\' OR s.key LIKE ? ESCAPE '\\'))""")
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
               include_other: bool = True) -> Iterator[dict]:
    """One plain dict per stored claim, ordered by report (ingest order) then claim id.

    The rows `claimtrack.conflicts` works on. Keys: id, event, metric, subject,
    subject_group, location, figure, qualifier, value, low, high, unit, hedge, cue, source,
    source_kind, source_key, origin, origin_kind, origin_key, report (report id), outlet,
    title, date. ``event`` is "default" for reports ingested without one. Metric ``other``
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
          r.id AS report, r.outlet, r.title, r.date
        FROM claims c
        JOIN reports r ON r.id = c.report_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN sources o ON o.id = c.origin_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY r.id, c.id"""
    yield from db.query(sql, params)
