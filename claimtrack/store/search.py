"""Full-text search over claims and reports (FTS5), and the backlog that feeds the index."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..errors import UsageError
from .connect import fails_every_report, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


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
SEARCH_COLUMNS = ("kind", "claim", "report", "event", "date", "outlet", "title", "metric",
                  "figure", "source", "origin", "snippet")
_FTS_QUERY_ERRORS = ("fts5", "syntax error", "no such column", "unterminated string",
                     "unknown special query")
_MARK = ("«", "»", "…")  # around each matched word in a snippet; not rich markup, not CSV syntax


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
