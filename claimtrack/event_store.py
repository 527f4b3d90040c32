"""Events and copies in SQLite (SPEC §6, §8): where ingest puts each report, and the user's
decisions about events. The grouping itself is pure (``claimtrack.grouping``); this module
reads its candidates and writes its placements.

Tables (migration m012): ``events`` (name, how it was made: tag, auto, user),
``reports.event_id`` / ``.event`` (the event's name, kept for every query and view that
reads it) / ``.placed`` (how the report got there) / ``.copy_of``, ``report_grouping``
(what grouping reads of each report, and why it joined its event), ``grouping_names`` and
``grouping_anchors`` (blocking keys), ``grouping_df`` (word statistics) and
``event_decisions`` (the user's decisions, in order).

A report a user placed (``placed = 'user'``) or tagged (``'tag'``) is never moved by
automatic grouping: ingest only places new reports, and :func:`regroup` re-places only the
reports grouping placed.
"""
from __future__ import annotations

import json
import re
import struct
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import grouping
from .errors import UsageError
from .grouping import Candidate, Features, Placement, Stats, Weights

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .inputs import Report

_CHUNK = 500  # keys per IN (...) list
EVENT_COLUMNS = ("name", "made", "first", "last", "reports", "auto", "copies", "claims", "places")
EVENT_REPORT_COLUMNS = ("event", "report", "date", "outlet", "title", "placed", "copy_of",
                        "claims", "why", "score", "closest", "shared")


def read(report: Report) -> tuple[Features, tuple[int, ...]]:
    """What grouping reads of a report: its features and, unless it is page furniture,
    its copy sketch. Pure: ingest's workers call it."""
    meta = report.meta
    doc = grouping.features(report.text, meta.title, meta.url, meta.date)
    return doc, grouping.sketch(report.text) if doc.content else ()


# grouping_df's keys: "t:" + a word, "n:" + a name, "p:" + a person; "#" counts the reports.
_PREFIXES = ("t:", "n:", "p:")


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _pack(sketch: tuple[int, ...]) -> bytes | None:
    return struct.pack(f"<{len(sketch)}I", *sketch) if sketch else None


def _unpack(blob: bytes | None) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 4}I", blob) if blob else ()


@dataclass(slots=True)
class Decision:
    """Where a report goes, decided before it is stored, and what grouping read of it."""

    name: str
    event_id: int
    copy_of: int | None
    placed: str
    doc: Features | None = None
    sketch: tuple[int, ...] = ()
    weights: Weights | None = None
    how: str = "tag"
    placement: Placement | None = None


@dataclass(slots=True)
class _Stored:
    """A stored report as grouping compares with it (parsed once, then cached)."""

    features: Features
    weights: Weights
    sketch: bytes | None


class EventPlacer:
    """Places each new report in an event, inside the report's own transaction.

    Used by ``db.ReportWriter``: :meth:`decide` before the report's row is inserted and
    :meth:`record` after, :meth:`flush` every few hundred reports and at the end. The word
    statistics, the blocking keys (rare names, copy anchors) and the ``report_grouping``
    rows of the reports stored meanwhile are kept in memory and looked up there too; a
    crash loses only some counts, which weigh words, and what grouping kept of the last
    reports (their keys and rows: later reports are not compared with them, and
    ``claimtrack events`` cannot say why they joined; ``claimtrack events --regroup``
    rebuilds all of it), never a placement. With
    ``group`` false, untagged reports go to event ``default`` as before.
    """

    CACHE = 50_000  # stored reports kept parsed in memory
    COUNTS_BATCH = 2_000  # reports whose word counts are written together (see flush)
    # The latest holders of an anchor looked at: a shingle that many reports repeat (a
    # copyright line) costs no more than a rare one, and a copy shares about 6 of 8 anchors.
    ANCHOR_ROWS = 20
    MIN_ANCHORS = 3
    MAX_COPY_CANDIDATES = 20

    # Reports an ingest keeps in its own index (see _Session) before it looks them up in
    # the database only: about 0.4 KB each (2 MB more peak memory for 4,891 reports).
    SESSION_REPORTS = 200_000

    def __init__(self, db: Database, *, group: bool = True, default_event: str = "default",
                 session: bool = True):
        self.db = db
        self.conn = db.conn
        self.group = group
        self.default_event = default_event
        # The reports placed by this placer, indexed in memory: used instead of SQL while
        # they are all that grouping can compare with (see _Session). ``session`` false
        # always reads the database (regroup, whose rows change under it).
        self._session: _Session | None = None
        self._session_state = None if session else False  # None: not known yet
        # How many stored reports hold each word, name and person (grouping_df's rows "t:…",
        # "n:…", "p:…", read once each and then kept), and the counts not yet written.
        self._df: tuple[Counter, Counter, Counter] = (Counter(), Counter(), Counter())
        self._pending: tuple[Counter, Counter, Counter] = (Counter(), Counter(), Counter())
        self._pending_reports = 0
        self._reports: int | None = None
        self._cache: dict[int, _Stored] = {}
        # The blocking keys of the reports stored since the last flush (their rare names and
        # copy anchors), written together by flush(): one report's keys fall on pages all
        # over the two indexes, a few hundred reports' keys share them. Until then they are
        # looked up here as well as in the database.
        self._keys: dict[int, tuple[list[str], tuple[int, ...]]] = {}
        self._by_name: dict[str, list[int]] = {}
        self._by_anchor: dict[int, list[int]] = {}
        # The report_grouping rows of the reports stored since the last flush, written
        # together by flush() as the keys are (one INSERT per report cost a statement and a
        # page or two more in every report's commit), with the _Stored each stands for;
        # read here until then (_stored, _candidates).
        self._unwritten: dict[int, tuple] = {}

    # -- the statistics -------------------------------------------------------------------

    def _stats_for(self, doc: Features) -> Stats:
        """The word statistics, holding at least the counts of the words and names of
        ``doc`` (those not yet in memory are read in one query; in a session, where the
        database held no counts at its start, a word not in memory has none)."""
        missing = []
        if self._session is None:
            for prefix, known, keys in zip(_PREFIXES, self._df,
                                           (doc.terms.keys(), doc.names.keys(), doc.people)):
                missing += [prefix + k for k in keys - known.keys()]
        for at in range(0, len(missing), _CHUNK):
            part = missing[at:at + _CHUNK]
            found = dict(self.conn.execute(
                f"SELECT key, df FROM grouping_df WHERE key IN ({_marks(len(part))})", part))
            for key in part:
                # Every key counted since the last flush was read before: none is pending.
                self._df[_PREFIXES.index(key[:2])][key[2:]] = found.get(key, 0)
        if self._reports is None:
            row = self.conn.execute("SELECT df FROM grouping_df WHERE key = '#'").fetchone()
            self._reports = (row[0] if row else 0) + self._pending_reports
        return Stats(self._reports, *self._df)

    def _count(self, doc: Features) -> None:
        for counts in (self._df, self._pending):
            counts[0].update(doc.terms.keys())
            counts[1].update(doc.names.keys())
            counts[2].update(doc.people)
        self._pending_reports += 1
        self._reports = (self._reports or 0) + 1

    def flush(self, *, counts: bool = True) -> None:
        """Write the blocking keys gathered since the last flush, and the word counts.

        Args:
            counts: false writes the word counts only once ``COUNTS_BATCH`` reports have
                gathered them (the keys always): a word that many reports hold is written
                once for them all. The counts are in memory meanwhile.
        """
        if counts is False and self._pending_reports < self.COUNTS_BATCH:
            if not self._keys and not self._unwritten:
                return
            rows = []
        elif not self._pending_reports and not self._keys and not self._unwritten:
            return
        else:
            rows = sorted([(prefix + k, n) for prefix, pending in zip(_PREFIXES, self._pending)
                           for k, n in pending.items()] + [("#", self._pending_reports)])
        from .db import write_transaction

        names = sorted((n, r) for r, (keys, _) in self._keys.items() for n in keys)
        anchors = sorted((a, r) for r, (_, keys) in self._keys.items() for a in keys)
        grouped = [(report_id, day, content, json.dumps(weights.terms), json.dumps(weights.names),
                    json.dumps(list(people)) if people else "[]", blob, how, score, closest,
                    json.dumps(list(shared)) if shared else None, report_id)
                   for report_id, (day, content, weights, people, blob, how, score, closest,
                                   shared, _) in sorted(self._unwritten.items())]

        def write() -> None:
            # A report whose own transaction was rolled back after it was remembered (and
            # whose number no later report took) has no row to explain.
            self.conn.executemany(
                "INSERT OR REPLACE INTO report_grouping (report_id, day, content, terms, "
                "names, people, sketch, how, score, closest, shared) SELECT ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM reports WHERE id = ?)", grouped)
            self.conn.executemany(
                "INSERT INTO grouping_df (key, df) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET df = df + excluded.df", rows)
            self.conn.executemany("INSERT OR IGNORE INTO grouping_names (name, report_id) "
                                  "VALUES (?, ?)", names)
            self.conn.executemany("INSERT OR IGNORE INTO grouping_anchors (anchor, report_id) "
                                  "VALUES (?, ?)", anchors)

        write_transaction(self.db, write)
        if rows:
            for pending in self._pending:
                pending.clear()
            self._pending_reports = 0
        self._keys.clear()
        self._by_name.clear()
        self._by_anchor.clear()
        self._unwritten.clear()

    # -- placing ------------------------------------------------------------------------

    def decide(self, report: Report, read_: tuple | None = None) -> Decision:
        """Where a report about to be stored goes (creating its event if it opens one).

        Args:
            read_: ``read(report)``, when the caller has it already.
        """
        meta = report.meta
        if not self.group:
            # No automatic events and no copies: `claimtrack events --regroup` makes both.
            name = meta.event or self.default_event
            return Decision(name, self._tag_event(name), None, "tag" if meta.event else "auto")
        doc, sketch = read_ or read(report)
        session = self._in_session()
        copy = (session.original(sketch, self) if session else self._original(sketch)) \
            if sketch else None
        stats = self._stats_for(doc)
        weights = grouping.weigh(doc, stats)
        if meta.event:
            name = meta.event
            event_id = self._tag_event(name)
            how, placement, placed = "tag", Placement(event_id), "tag"
        elif copy is not None:
            event_id, name = self.conn.execute(
                "SELECT event_id, event FROM reports WHERE id = ?", [copy]).fetchone()
            how, placement, placed = "copy", Placement(event_id, 1.0, copy, 1.0), "auto"
        else:
            found = session.candidates(doc, stats, self) if session else \
                self._candidates(doc, stats)
            placement = grouping.place(doc, found, stats, weights)
            placed = "auto"
            if placement.event is None:
                event_id, name = self._new_event(doc, report.text, meta.title)
                how = "new"
            else:
                event_id = placement.event
                name = self.conn.execute("SELECT name FROM events WHERE id = ?",
                                         [event_id]).fetchone()[0]
                how = "similar"
        return Decision(name, event_id, copy, placed, doc, sketch, weights, how, placement)

    def record(self, report_id: int, decision: Decision) -> None:
        """Keep what grouping read of the report just stored as ``report_id``."""
        if decision.doc is None:
            return
        self._count(decision.doc)
        self._remember(report_id, decision.doc, decision.weights, decision.sketch,
                       decision.how, decision.placement)
        if self._session is not None:
            names, anchors = self._keys[report_id] if decision.doc.content else ((), ())
            self._session.add(report_id, decision.event_id, decision.doc.day, names, anchors)
            stored = self._cache[report_id]
            self._session.remember(Candidate(report_id, decision.event_id, stored.features,
                                             stored.weights), self.CACHE)
            if len(self._session.event_of) > self.SESSION_REPORTS:
                self._leave_session()

    def _in_session(self) -> _Session | None:
        """The session index, while it holds every report that grouping can compare with:
        the database held no grouping rows when this placer began, and no other connection
        has written since (``PRAGMA data_version``; a concurrent ingest ends the session)."""
        state = self._session_state
        if state is False:
            return None
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if state is None:
            stored = self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM report_grouping) OR EXISTS (SELECT 1 FROM "
                "grouping_names) OR EXISTS (SELECT 1 FROM grouping_anchors) OR EXISTS "
                "(SELECT 1 FROM grouping_df)").fetchone()[0]
            if stored:
                self._session_state = False
                return None
            self._session_state = version
            self._session = _Session()
        elif version != state:
            self._leave_session()
            return None
        return self._session

    def _leave_session(self) -> None:
        """Look everything up in the database from now on (as a placer that never had a
        session does): the rows written so far, the keys not flushed yet in memory."""
        self._session = None
        self._session_state = False

    def place(self, report_id: int, report: Report, read_: tuple | None = None) -> str:
        """Put the stored report ``report_id`` in its event (again); returns the event's name."""
        decision = self.decide(report, read_)
        self.conn.execute("UPDATE reports SET event = ?, event_id = ?, copy_of = ?, placed = ? "
                          "WHERE id = ?", [decision.name, decision.event_id, decision.copy_of,
                                           decision.placed, report_id])
        self.record(report_id, decision)
        return decision.name

    def _remember(self, report_id: int, doc: Features, weights: Weights,
                  sketch: tuple[int, ...], how: str, placement: Placement) -> None:
        blob = _pack(sketch)
        if doc.content:
            # A name held by more than RARE_NAME_MAX reports never blocks again (counts only
            # grow): only the rarer ones are worth a row.
            name_df = self._df[1]
            self._hold(report_id, [n for n in weights.names if name_df[n] <= grouping.RARE_NAME_MAX],
                       grouping.anchors(sketch))
        if len(self._cache) >= self.CACHE:
            self._cache.clear()
        stored = self._cache[report_id] = _Stored(
            Features({}, weights.names, (), doc.day, None, doc.content, doc.people), weights,
            blob)
        # Its report_grouping row, written by the next flush.
        self._unwritten[report_id] = (doc.day, int(doc.content), weights, doc.people, blob, how,
                                      placement.score if how != "new" else None,
                                      placement.report, placement.shared, stored)

    def _hold(self, report_id: int, names: list[str], anchors: tuple[int, ...]) -> None:
        """Keep a stored report's blocking keys until the next flush."""
        if report_id in self._keys:
            # The number of a report whose transaction was rolled back, given again.
            old_names, old_anchors = self._keys[report_id]
            for key, index in [(n, self._by_name) for n in old_names] + [
                    (a, self._by_anchor) for a in old_anchors]:
                index[key].remove(report_id)
        self._keys[report_id] = (names, anchors)
        for name in names:
            self._by_name.setdefault(name, []).append(report_id)
        for anchor in anchors:
            self._by_anchor.setdefault(anchor, []).append(report_id)

    def _original(self, sketch: tuple[int, ...]) -> int | None:
        """The earliest stored report this text is a near-duplicate of, if any.

        Candidates share at least ``MIN_ANCHORS`` of its anchors (a copy at Jaccard 0.8
        shares about 6 of 8); each anchor is looked up among the latest ``ANCHOR_ROWS``
        reports holding it, so that a shingle every report repeats (a dateline, furniture)
        costs no more than a rare one.
        """
        keys = grouping.anchors(sketch)
        # One statement: the latest ANCHOR_ROWS holders of each anchor, counted in SQLite.
        lookups = " UNION ALL ".join(
            ["SELECT * FROM (SELECT report_id FROM grouping_anchors WHERE anchor = ? "
             "ORDER BY report_id DESC LIMIT ?)"] * len(keys))
        counts = dict(self.conn.execute(
            f"SELECT report_id, count(*) FROM ({lookups}) GROUP BY report_id "
            f"HAVING count(*) >= ? ORDER BY count(*) DESC, report_id LIMIT ?",
            [v for k in keys for v in (k, self.ANCHOR_ROWS)]
            + [self.MIN_ANCHORS, self.MAX_COPY_CANDIDATES]))
        if self._by_anchor:  # and the reports stored since the last flush
            held: Counter[int] = Counter()
            for key in keys:
                held.update(self._by_anchor.get(key, ()))
            counts.update((r, n) for r, n in held.items() if n >= self.MIN_ANCHORS)
        return self._closest_copy(sketch, counts)

    def _closest_copy(self, sketch: tuple[int, ...], counts: dict[int, int]) -> int | None:
        """Of the reports sharing ``counts`` anchors with the text, the earliest original of
        the most similar one at Jaccard ``COPY_JACCARD`` or more, if any."""
        found = sorted(counts, key=lambda r: (-counts[r], r))[:self.MAX_COPY_CANDIDATES]
        best, best_j = None, 0.0
        for report_id in sorted(found):
            stored = self._stored(report_id)
            j = grouping.jaccard(sketch, _unpack(stored.sketch), grouping.COPY_JACCARD) \
                if stored else 0.0
            if j >= grouping.COPY_JACCARD and j > best_j:
                best, best_j = report_id, j
        if best is None:
            return None
        original = self.conn.execute("SELECT copy_of FROM reports WHERE id = ?",
                                     [best]).fetchone()[0]
        return original or best

    def _stored(self, report_id: int) -> _Stored | None:
        """What grouping keeps of a stored report; None for one it never read (stored
        with --no-group, or before automatic events)."""
        stored = self._cache.get(report_id)
        if stored is None and report_id in self._unwritten:
            stored = self._unwritten[report_id][-1]
        if stored is None:
            row = self.conn.execute(
                "SELECT day, content, terms, names, people, sketch FROM report_grouping "
                "WHERE report_id = ?", [report_id]).fetchone()
            if row is None:
                return None
            day, content, terms, names, people, blob = row
            weights = Weights(json.loads(terms), json.loads(names))
            stored = _Stored(Features({}, weights.names, (), day, None, bool(content),
                                      tuple(json.loads(people))), weights, blob)
            self._cache[report_id] = stored
        return stored

    def _candidates(self, doc: Features, stats: Stats) -> Iterator[Candidate]:
        """The reports a new one is compared with: within the date window, or sharing a
        rare name; then every report (up to MAX_MEMBERS, the latest) of their events."""
        parts, params = [], []
        if doc.day is not None:
            low, high = doc.day - grouping.WINDOW_DAYS, doc.day + grouping.WINDOW_DAYS
            parts.append("SELECT report_id FROM report_grouping WHERE day BETWEEN ? AND ?")
            params += [low, high]
            held = [r for r, row in self._unwritten.items()
                    if row[0] is not None and low <= row[0] <= high]
            if held:  # stored since the last flush: their rows are not written yet
                parts.append("SELECT value FROM json_each(?)")
                params.append(json.dumps(held))
        rare = grouping.blocking_names(doc, lambda n: stats.name_df.get(n, 0))[:_CHUNK]
        if rare:
            parts.append(f"SELECT report_id FROM grouping_names WHERE name IN ({_marks(len(rare))})")
            params += rare
            held = sorted({r for n in rare for r in self._by_name.get(n, ())})
            if held:  # stored since the last flush: their names are not written yet
                parts.append("SELECT value FROM json_each(?)")
                params.append(json.dumps(held))
        if not parts:
            return
        # The events of the reports found, then the latest MAX_MEMBERS reports of each (a
        # range of the index on event_id from its MAX_MEMBERS-th latest report, however big
        # the event), in one statement.
        sql = f"""WITH seen(id) AS ({' UNION '.join(parts)}),
                  found(event) AS (SELECT DISTINCT r.event_id FROM seen
                                   JOIN reports r ON r.id = seen.id
                                   WHERE r.event_id IS NOT NULL)
                  SELECT m.id, m.event_id FROM found
                  JOIN reports m ON m.event_id = found.event AND m.id >= coalesce(
                    (SELECT id FROM reports WHERE event_id = found.event
                     ORDER BY id DESC LIMIT 1 OFFSET ?), 0)
                  ORDER BY m.event_id, m.id"""
        for report_id, event in self.conn.execute(sql, [*params, grouping.MAX_MEMBERS - 1]):
            stored = self._stored(report_id)
            if stored is not None:
                yield Candidate(report_id, event, stored.features, stored.weights)

    def _tag_event(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM events WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        return self.conn.execute("INSERT INTO events (name, made) VALUES (?, 'tag')",
                                 [name]).lastrowid

    def _new_event(self, doc: Features, text: str | None = None,
                   title: str | None = None) -> tuple[int, str]:
        name = unique_name(self.conn, grouping.event_name(doc, text, title))
        return self.conn.execute("INSERT INTO events (name, made) VALUES (?, 'auto')",
                                 [name]).lastrowid, name


class _Session:
    """The reports one placer has placed, indexed in memory as ``_candidates`` and
    ``_original`` find them in SQLite, with the same results: by day, by rare name, by copy
    anchor, and each event's reports in order. Valid while the database holds no other
    report that grouping reads (:meth:`EventPlacer._in_session`)."""

    __slots__ = ("by_day", "by_name", "by_anchor", "event_of", "members", "known")

    def __init__(self) -> None:
        self.by_day: dict[int, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        self.by_anchor: dict[int, list[int]] = {}
        self.event_of: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}
        # Each report as a candidate, made once (a session's reports never change event):
        # up to the placer's CACHE of them, as its cache of parsed reports.
        self.known: dict[int, Candidate] = {}

    def add(self, report_id: int, event: int, day: int | None, names: list[str],
            anchors: tuple[int, ...]) -> None:
        if report_id in self.event_of:
            # The number of a report whose transaction was rolled back, given again.
            self._drop(report_id)
        self.event_of[report_id] = event
        self.members.setdefault(event, []).append(report_id)
        if day is not None:
            self.by_day.setdefault(day, []).append(report_id)
        for name in names:
            self.by_name.setdefault(name, []).append(report_id)
        for anchor in anchors:
            self.by_anchor.setdefault(anchor, []).append(report_id)

    def remember(self, candidate: Candidate, most: int) -> None:
        if len(self.known) >= most:
            self.known.clear()
        self.known[candidate.report] = candidate

    def _drop(self, report_id: int) -> None:
        self.members[self.event_of.pop(report_id)].remove(report_id)
        self.known.pop(report_id, None)
        for index in (self.by_day, self.by_name, self.by_anchor):
            for ids in index.values():
                if report_id in ids:
                    ids.remove(report_id)

    def candidates(self, doc: Features, stats: Stats, placer: EventPlacer
                   ) -> Iterator[Candidate]:
        """What ``EventPlacer._candidates`` gives, from memory."""
        seen: set[int] = set()
        by_day = self.by_day
        if doc.day is not None:
            for day in range(doc.day - grouping.WINDOW_DAYS, doc.day + grouping.WINDOW_DAYS + 1):
                if day in by_day:
                    seen.update(by_day[day])
        by_name = self.by_name
        for name in grouping.blocking_names(doc, lambda n: stats.name_df.get(n, 0))[:_CHUNK]:
            if name in by_name:
                seen.update(by_name[name])
        event_of, stored, known = self.event_of, placer._stored, self.known
        for event in sorted({event_of[r] for r in seen}):
            for report_id in self.members[event][-grouping.MAX_MEMBERS:]:
                candidate = known.get(report_id)
                if candidate is None:
                    found = stored(report_id)
                    if found is None:
                        continue
                    candidate = Candidate(report_id, event, found.features, found.weights)
                yield candidate

    def original(self, sketch: tuple[int, ...], placer: EventPlacer) -> int | None:
        """What ``EventPlacer._original`` gives, from memory: of each anchor, the latest
        ``ANCHOR_ROWS`` holders already flushed, and every holder not flushed yet."""
        rows, least = placer.ANCHOR_ROWS, placer.MIN_ANCHORS
        pending = placer._keys
        flushed_ids: list[int] = []
        held_ids: list[int] = []
        by_anchor = self.by_anchor
        for key in grouping.anchors(sketch):
            ids = by_anchor.get(key)
            if not ids:
                continue
            # Latest first: the holders not flushed yet, then (numbered lower) the flushed.
            at = len(ids)
            while at and ids[at - 1] in pending:
                at -= 1
            held_ids += ids[at:]
            flushed_ids += ids[max(0, at - rows):at]
        if not flushed_ids and not held_ids:
            return None
        flushed, held = Counter(flushed_ids), Counter(held_ids)
        if max(flushed.values(), default=0) < least and max(held.values(), default=0) < least:
            return None  # no report shares enough anchors: most texts are no copy
        counts = dict(sorted(((r, n) for r, n in flushed.items() if n >= least),
                             key=lambda rn: (-rn[1], rn[0]))[:placer.MAX_COPY_CANDIDATES])
        counts.update((r, n) for r, n in held.items() if n >= least)
        return placer._closest_copy(sketch, counts)


def unique_name(db, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first that no event has."""
    name, n = base, 1
    while db.execute("SELECT 1 FROM events WHERE name = ?", [name]).fetchone():
        n += 1
        name = f"{base}-{n}"
    return name


# -- listing ------------------------------------------------------------------------------

def list_events(db) -> Iterator[dict]:
    """Every event with its dates, reports, claims and places, earliest first.

    Keys: ``name``, ``made`` (tag, auto or user), ``first`` and ``last`` (report dates),
    ``reports``, ``auto`` (reports placed by automatic grouping), ``copies``, ``claims``
    (metric ``other`` left out), ``places`` (the claims' most frequent locations).
    """
    sql = """
        SELECT e.id, e.name, e.made, min(r.date) AS first, max(r.date) AS last,
          count(r.id) AS reports, coalesce(sum(r.placed = 'auto'), 0) AS auto,
          count(r.copy_of) AS copies,
          (SELECT count(*) FROM reports r2 JOIN claims c ON c.report_id = r2.id
             WHERE r2.event_id = e.id AND c.metric != 'other') AS claims,
          (SELECT json_group_array(location) FROM (
             SELECT c.location, count(*) AS n FROM reports r3
             JOIN claims c ON c.report_id = r3.id
             WHERE r3.event_id = e.id AND c.location IS NOT NULL
             GROUP BY c.location ORDER BY n DESC, c.location LIMIT 3)) AS places
        FROM events e LEFT JOIN reports r ON r.event_id = e.id
        GROUP BY e.id
        ORDER BY first IS NULL, first, e.id"""
    for row in db.query(sql):
        row.pop("id")
        row["places"] = json.loads(row["places"])
        yield row


def event_reports(db, name: str) -> list[dict]:
    """The reports of one event, in ingest order, each with why it is there.

    Raises:
        UsageError: no event has this name.
    """
    event_id = _event_id(db, name)
    rows = []
    for row in db.query("""
        SELECT r.event, r.id AS report, r.date, r.outlet, r.title, r.placed, r.copy_of,
          (SELECT count(*) FROM claims c WHERE c.report_id = r.id AND c.metric != 'other')
            AS claims,
          g.how, g.score, g.closest, g.shared
        FROM reports r LEFT JOIN report_grouping g ON g.report_id = r.id
        WHERE r.event_id = ? ORDER BY r.id""", [event_id]):
        shared = json.loads(row["shared"]) if row["shared"] else []
        row["shared"] = shared
        row["why"] = _why(row.pop("how"), row)
        rows.append({k: row[k] for k in EVENT_REPORT_COLUMNS})
    return rows


def _why(how: str | None, row: dict) -> str:
    if row["placed"] == "user":
        return "placed by a user"
    if row["placed"] == "tag" or how == "tag":
        return "tagged at ingest"
    if how == "copy" or (row["copy_of"] and how != "similar"):
        return f"copy of #{row['copy_of']}"
    if how == "similar":
        names = ", ".join(row["shared"]) if row["shared"] else "none rare"
        return (f"similar to #{row['closest']} (event score {row['score']:.2f}; "
                f"shared names: {names})")
    if how == "new":
        return "opened the event"
    return "ingested before automatic events"


def _event_id(db, name: str) -> int:
    row = db.execute("SELECT id FROM events WHERE name = ?", [name]).fetchone()
    if row is None:
        raise UsageError(f"no event {name!r}: `claimtrack events` lists them")
    return row[0]


# -- the user's decisions -----------------------------------------------------------------

_NAME = re.compile(r"^[^\s\x00-\x1f][^\x00-\x1f]*$")


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or not _NAME.match(name):
        raise UsageError(f"not an event name: {name!r} (give a word, such as port-elm-2023)")
    return name


def _decide(db, action: str, event_id: int | None, **detail) -> None:
    db.execute("INSERT INTO event_decisions (action, event_id, detail) VALUES (?, ?, ?)",
               [action, event_id, json.dumps(detail, sort_keys=True)])


def _move(db, report_ids: Iterable[int], event_id: int, name: str) -> None:
    ids = list(report_ids)
    for at in range(0, len(ids), _CHUNK):
        part = ids[at:at + _CHUNK]
        db.execute(f"UPDATE reports SET event_id = ?, event = ?, placed = 'user' "
                   f"WHERE id IN ({_marks(len(part))})", [event_id, name, *part])


def _pin(db, event_id: int) -> None:
    """The user has decided about this event: its reports stay where they are, and its
    name and membership are the user's from now on."""
    db.execute("UPDATE reports SET placed = 'user' WHERE event_id = ?", [event_id])
    db.execute("UPDATE events SET made = 'user', updated_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', "
               "'now') WHERE id = ?", [event_id])


def _drop_if_empty(db, event_id: int) -> bool:
    if db.execute("SELECT 1 FROM reports WHERE event_id = ? LIMIT 1", [event_id]).fetchone():
        return False
    db.execute("UPDATE event_decisions SET event_id = NULL WHERE event_id = ?", [event_id])
    db.execute("DELETE FROM events WHERE id = ?", [event_id])
    return True


def _report_ids(db, refs: Iterable[str]) -> list[int]:
    from .db import get_report

    ids = []
    for ref in refs:
        found = get_report(db, ref)
        if found is None:
            raise UsageError(f"no report {ref}: `claimtrack reports` lists them")
        ids.append(found["id"])
    return ids


def rename_event(db: Database, name: str, new_name: str) -> dict:
    """Rename an event (its reports follow); the new name must be free."""
    from .db import write_transaction

    new_name = _check_name(new_name)

    def step() -> dict:
        event_id = _event_id(db, name)
        if new_name != name and db.execute("SELECT 1 FROM events WHERE name = ?",
                                           [new_name]).fetchone():
            raise UsageError(f"an event {new_name!r} exists already: to put the two "
                             f"together, run `claimtrack events merge {new_name} {name}`")
        db.execute("UPDATE events SET name = ? WHERE id = ?", [new_name, event_id])
        db.execute("UPDATE reports SET event = ? WHERE event_id = ?", [new_name, event_id])
        _pin(db, event_id)
        _decide(db, "rename", event_id, old=name, new=new_name)
        return {"action": "rename", "event": new_name, "old": name}

    return write_transaction(db, step)


def merge_events(db: Database, into: str, others: list[str]) -> dict:
    """Move every report of ``others`` into the event ``into`` and drop the emptied events."""
    from .db import write_transaction

    def step() -> dict:
        target = _event_id(db, into)
        moved = 0
        for name in others:
            if name == into:
                continue
            source = _event_id(db, name)
            ids = [r for (r,) in db.execute("SELECT id FROM reports WHERE event_id = ?",
                                            [source])]
            _move(db, ids, target, into)
            moved += len(ids)
            _drop_if_empty(db, source)
        _pin(db, target)
        _decide(db, "merge", target, into=into, merged=list(others))
        return {"action": "merge", "event": into, "merged": list(others), "reports": moved}

    return write_transaction(db, step)


def split_event(db: Database, name: str, reports: list[str], new_name: str | None = None
                ) -> dict:
    """Take some reports out of an event into a new one (named after the first of them,
    unless ``new_name`` is given)."""
    from .db import get_report, write_transaction

    def step() -> dict:
        source = _event_id(db, name)
        ids = _report_ids(db, reports)
        outside = [i for i in ids if db.execute("SELECT event_id FROM reports WHERE id = ?",
                                                [i]).fetchone()[0] != source]
        if outside:
            raise UsageError(f"report {outside[0]} is not in event {name!r}: "
                             f"`claimtrack events {name}` lists its reports")
        if new_name is not None:
            target_name = _check_name(new_name)
            if db.execute("SELECT 1 FROM events WHERE name = ?", [target_name]).fetchone():
                raise UsageError(f"an event {target_name!r} exists already: use "
                                 f"`claimtrack events move` to move reports into it")
        else:
            first = get_report(db, ids[0])
            doc = grouping.features(first["text"], first["title"], first["url"], first["date"])
            target_name = unique_name(db, grouping.event_name(doc, first["text"],
                                                              first["title"]))
        target = db.execute("INSERT INTO events (name, made) VALUES (?, 'user')",
                            [target_name]).lastrowid
        _move(db, ids, target, target_name)
        _pin(db, source)
        _drop_if_empty(db, source)
        _decide(db, "split", target, source=name, reports=ids)
        return {"action": "split", "event": target_name, "from": name, "reports": len(ids)}

    return write_transaction(db, step)


def move_reports(db: Database, reports: list[str], name: str) -> dict:
    """Move reports to an existing event; events left empty are dropped."""
    from .db import write_transaction

    def step() -> dict:
        target = _event_id(db, name)
        ids = _report_ids(db, reports)
        sources = {e for (e,) in db.execute(
            f"SELECT DISTINCT event_id FROM reports WHERE id IN ({_marks(len(ids))})", ids)}
        _move(db, ids, target, name)
        for source in sorted(sources - {target}):
            if not _drop_if_empty(db, source):
                _pin(db, source)
        _pin(db, target)
        _decide(db, "move", target, reports=ids)
        return {"action": "move", "event": name, "reports": len(ids)}

    return write_transaction(db, step)


def regroup(db: Database) -> dict:
    """Group again, from scratch, every report that automatic grouping placed.

    Reports tagged at ingest or placed by a user stay where they are (and others may join
    their events); the rest are placed again in ingest order, as ingest would place them
    into a new database, and the automatic events left empty are dropped. Deterministic.
    """
    from .db import write_transaction
    from .inputs import Meta, Report

    def step() -> dict:
        # Start the statistics and blocking keys afresh: they are rebuilt in ingest order.
        for table in ("report_grouping", "grouping_names", "grouping_anchors", "grouping_df"):
            db.execute(f"DELETE FROM {table}")
        placer = EventPlacer(db, session=False)
        auto_events = {e for (e,) in db.execute("SELECT id FROM events WHERE made = 'auto'")}
        rows = db.execute("SELECT id, text, title, url, date, outlet, placed, event, ref, path "
                          "FROM reports ORDER BY id").fetchall()
        # Unplace first, so that no candidate points at an event about to be rebuilt.
        db.execute("UPDATE reports SET event_id = NULL, copy_of = NULL WHERE placed = 'auto'")
        for event_id in sorted(auto_events):
            _drop_if_empty(db, event_id)
        moved = 0
        for report_id, text, title, url, date, outlet, placed, event, ref, path in rows:
            pinned = placed in ("tag", "user")
            report = Report(text, ref or str(report_id), ref or "", path,
                            Meta(title=title, date=date, url=url, outlet=outlet,
                                 event=event if pinned else None))
            new = placer.place(report_id, report)
            if pinned:
                # place() treats the report as tagged; a user's placement stays the user's.
                db.execute("UPDATE reports SET placed = ? WHERE id = ?", [placed, report_id])
            moved += new != event
        # The automatic events not rebuilt, and "default" once its reports are placed.
        for (event_id,) in db.execute("SELECT id FROM events ORDER BY id").fetchall():
            _drop_if_empty(db, event_id)
        placer.flush()
        events = db.execute("SELECT count(*) FROM events").fetchone()[0]
        return {"action": "regroup", "reports": len(rows), "changed": moved, "events": events}

    return write_transaction(db, step)
