"""Writing reports and their claims: ingest, the ReportWriter, and packing claims into the
values it inserts."""
from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .connect import check_before_writing, fails_every_report, write_transaction
from .schema import (CLAIM_COLUMNS, LINK_COLUMNS, REPORT_COLUMNS, _columns, _marks,
                     _stored_new_fields, with_tally_spans)
from .search import index_backlog

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..extract import Lexicon
    from ..extract.conventions import LexiconChoice
    from ..inputs import Rejection, Report


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
    from ..inputs import Rejection, Report
    from ..parallel import extracted

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
    from ..inputs import Rejection

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


@cache
def _claims_insert(rows: int) -> str:
    """The INSERT of this many claims at once (built once for each number of rows)."""
    row_marks = f"({_marks(_CLAIM_INSERT_COLUMNS)})"
    return (f"INSERT INTO claims ({_columns(_CLAIM_INSERT_COLUMNS)}) VALUES "
            + ", ".join([row_marks] * rows))


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
        from ..event_store import EventPlacer
        from ..migrations import DEFAULT_EVENT

        self.db = db
        self.lexicon_id = lexicon_id  # the lexicons row the claims are extracted with
        self.conn = db.conn
        self.default_event = DEFAULT_EVENT
        # Puts each new report in an event (SPEC §6): its tag, else automatic grouping
        # (``group``), else the default event; and marks near-duplicates as copies.
        self.events = EventPlacer(db, group=group, default_event=DEFAULT_EVENT)
        self._saved: dict[str, int] = {}
        self._unindexed = 0  # reports stored since the backlog was last indexed
        self._running = False  # inside the with block: a run of many reports

    def __enter__(self) -> ReportWriter:
        """Apply the settings for a run of many reports, until the ``with`` block ends; at its
        end, the reports stored are added to the full-text indexes."""
        for name, value in self.BULK_SETTINGS.items():
            self._saved[name] = self.conn.execute(f"PRAGMA {name}").fetchone()[0]
            self.conn.execute(f"PRAGMA {name} = {int(value)}")
        self._running = True
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self._running = False
        try:
            if self._unindexed:
                self.index_backlog()
            self.events.flush()
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
            from ..inputs import Rejection

            return Rejection(report.name, f"could not be stored ({type(e).__name__}: {e})")

    def index_backlog(self) -> None:
        """Add the reports stored so far to the full-text indexes (see :func:`index_backlog`),
        and write the blocking keys automatic grouping gathered meanwhile (and its word
        counts, which inside a ``with`` block wait for a batch of their own)."""
        index_backlog(self.db)
        self.events.flush(counts=not self._running)
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
    from ..extract import extract_claims
    from ..models import chain_of

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
                       json.dumps(list(claim.parts)) if claim.derived else None,
                       int(claim.part), claim.period], chain))
    values = _pack(pairs)
    return values._replace(skipped=tuple(f.surface for f in skipped)) if skipped else values


def ingest_values_for(report: Report, lexicon: Lexicon | None = None
                      ) -> tuple[ClaimValues, tuple]:
    """What ingest's workers send back for a report: its claims (``claim_values_for``) and
    what automatic grouping reads of it (``event_store.read``), so that the process that
    stores the reports does neither."""
    from ..event_store import read

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
    for row in with_tally_spans(rows):
        values = [row.get(c) for c in CLAIM_COLUMNS]
        values[quoted] = int(bool(values[quoted]))
        _stored_new_fields(values)
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
