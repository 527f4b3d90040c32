"""Running extraction again over stored reports, keeping the claims that did not change."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .connect import check_before_writing, fails_every_report, write_transaction
from .read import get_report
from .schema import CLAIM_COLUMNS, _columns, _stored_new_fields, with_tally_spans
from .search import index_backlog
from .write import _insert_claim

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..extract import Lexicon
    from ..inputs import Rejection


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
    from ..inputs import Rejection

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
    from ..inputs import Meta, Report, claim_rows_for

    for report_id in ids:
        stored = get_report(db, report_id)
        if stored is None:  # deleted by another process meanwhile
            continue
        report = Report(stored["text"], stored["ref"] or str(report_id), stored["ref"] or "",
                        stored["path"], Meta(title=stored["title"], date=stored["date"],
                                             url=stored["url"], outlet=stored["outlet"],
                                             event=stored["event"]))
        # Extraction runs before the transaction, so a slow report holds no write lock.
        new_rows = with_tally_spans(claim_rows_for(report, lexicon))
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
    part = CLAIM_COLUMNS.index("part")  # NULL: stored before m019, read as no part
    return [
        (claim_id, (*values[:part], values[part] or 0, *values[part + 1:], tuple(links.get(claim_id, ()))))
        for claim_id, *values in db.execute(
            f"SELECT id, {_columns(CLAIM_COLUMNS)} FROM claims WHERE report_id = ? ORDER BY id",
            [report_id])
    ]


def _delete_claims(db: Database, claim_ids: list[int]) -> None:
    """Delete claims with their chain links (their sources go at the end of a re-extraction)."""
    for claim_id in claim_ids:
        db.execute("DELETE FROM chain_links WHERE claim_id = ?", [claim_id])
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
