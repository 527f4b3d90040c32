"""Conflicting figures, updates and independence over claim rows (SPEC §6).

Pure functions: claim rows in (plain dicts, as ``db.claim_rows`` yields them), frozen records
and plain dicts out. No I/O, no SQL.

Rules, where SPEC §6 leaves room:

- A claim's **voice** is who independence is counted on: its origin (the last link of the
  chain). A claim the report makes itself speaks for its outlet; one with no outlet either
  (``unattributed``) speaks for its report alone. Unnamed origins (``witnesses``, ``other
  sources``) are not identities, so each report's unnamed sources are voices of their own.
- **Order** is the report's date, then its id (ingest order); undated reports come before
  dated ones, since nothing says they are the latest.
- **Updates.** For one voice and one (event, metric, subject group, location) key, the latest
  report holding a figure gives the voice's current figures; an earlier figure is superseded
  unless that latest report repeats it. A report never supersedes itself.
- **Intervals** are closed, ``high`` None is unbounded above (``at least 2,000`` overlaps
  every figure from 2,000 up) and ``low`` None counts as 0. Two intervals are disjoint when
  one ends below where the other starts.
- **Pairs.** Two current claims are compared when they come from different speakers (voice
  or first source differ), share a unit, and their locations are compatible (equal, or one
  unknown). A compared pair *contradicts* when the voices differ, the subject group is the
  same and the intervals are disjoint; it *differs* when subject group or interval differ.
  A voice quoted with two figures by two outlets therefore makes a group divergent, never
  contradictory: that is a misquote or a muddle, not two origins disagreeing.
- **Verdict.** ``contradiction`` if any compared pair contradicts, else ``divergent`` if any
  differs, else ``agree`` (this includes groups whose claims are all in different places).
  A group needs at least two speakers among its current claims to be a group at all.
- Verdicts and independence counts always come from current claims; ``history`` only adds
  the superseded claims to the groups, marked, for context (their ``origins`` counts the
  voices that still give that figure, possibly 0).

Beyond the SPEC §6 columns, each conflict row says whether the claim is ``contradicted`` (for
the table view to mark) and its ``voice``, the key its independence is counted on. The
verdict is computed without comparing every pair, so a group of a million claims is linear.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

__all__ = [
    "AGREE", "CONFLICT_COLUMNS", "CONTRADICTION", "DIVERGENT", "TIMELINE_COLUMNS", "VERDICTS",
    "ConflictGroup", "FigureSupport", "GroupClaim", "conflict_rows", "conflicts_by_event",
    "disjoint", "find_conflicts", "timeline", "timeline_by_event",
]

CONTRADICTION = "contradiction"
DIVERGENT = "divergent"
AGREE = "agree"
VERDICTS = (CONTRADICTION, DIVERGENT, AGREE)
DEFAULT_EVENT = "default"
EXCLUDED_METRIC = "other"

CONFLICT_COLUMNS = (
    "group", "event", "metric", "verdict", "claim", "figure", "value", "low", "high",
    "subject_group", "location", "source", "origin", "report", "date",
    "hedge", "outlet", "origins", "superseded", "contradicted", "voice",
)
TIMELINE_COLUMNS = (
    "event", "metric", "subject_group", "origin", "date", "figure", "value", "low", "high",
    "claim", "report", "superseded", "location", "source", "voice",
)


@dataclass(frozen=True, slots=True)
class GroupClaim:
    """One claim as it stands in a conflict group."""

    claim: int
    figure: str
    qualifier: str | None
    value: int | None
    low: int | None
    high: int | None  # None: unbounded
    subject_group: str
    location: str | None
    hedge: str | None
    source: str | None
    origin: str  # the voice's name: the origin, else the outlet, else "report N"
    voice: str  # the key independence is counted on
    report: int
    outlet: str | None
    title: str | None
    date: str | None
    origins: int  # independent voices whose current figure this is
    superseded: bool
    contradicted: bool  # disjoint from a comparable claim of another voice, same subject group


@dataclass(frozen=True, slots=True)
class FigureSupport:
    """A distinct figure in a group and the independent voices that currently give it."""

    subject_group: str
    location: str | None
    low: int
    high: int | None
    figures: tuple[str, ...]  # the wordings, each once, in order of appearance
    origins: tuple[str, ...]  # one name per independent voice
    claims: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ConflictGroup:
    """The claims of one (event, metric) side by side, with a verdict."""

    group: int  # 1-based position in the result
    event: str
    metric: str
    verdict: str  # contradiction, divergent, agree
    claims: tuple[GroupClaim, ...]
    figures: tuple[FigureSupport, ...]

    @property
    def voices(self) -> int:
        """How many independent voices give a current figure in this group."""
        return len({c.voice for c in self.claims if not c.superseded})


class _Row(NamedTuple):
    """A claim row with what comparison needs computed once (a tuple: a million are cheap)."""

    id: int
    event: str
    metric: str
    subject_group: str
    place: str | None  # location key: case-folded
    unit: str | None
    low: int  # 0 when the row has none
    high: int | None
    speaker: str  # voice and first source: who is heard saying it
    voice: str
    voice_name: str
    order: int  # rank of the report by (date or "", report id): ints compare fast
    update_key: int  # interned (event, metric, subject_group, place, unit, voice)
    figure_key: int  # interned (subject_group, place, unit, low, high)
    row: Mapping

    @property
    def interval(self) -> tuple[int, int | None]:
        return (self.low, self.high)


_BY_TIME = itemgetter(11, 0)  # order, id
_BY_GROUP_AND_TIME = itemgetter(3, 11, 0)  # subject_group, order, id


def find_conflicts(
    rows: Iterable[Mapping],
    *,
    event: str | None = None,
    metric: str | None = None,
    strict: bool = False,
    include_all: bool = False,
    history: bool = False,
) -> list[ConflictGroup]:
    """The (event, metric) groups in which at least two speakers give figures, with a verdict.

    Args:
        rows: claim rows with the keys ``db.claim_rows`` gives; metric ``other`` is ignored.
        event, metric: keep only this event / this metric.
        strict: only groups whose verdict is ``contradiction``.
        include_all: also groups whose figures all agree.
        history: also the claims superseded by a later figure of their own voice, marked.
    """
    figure_keys: dict[tuple, int] = {}
    claims = _normalise(rows, event=event, metric=metric, figure_keys=figure_keys)
    key_of = list(figure_keys)  # interned figure key -> (subject_group, place, unit, low, high)
    superseded = _superseded(claims)
    by_group: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for c in claims:
        by_group[(c.event, c.metric)].append(c)

    groups: list[ConflictGroup] = []
    for (ev, met), members in sorted(by_group.items()):
        current = [c for c in members if c.id not in superseded]
        if len({c.speaker for c in current}) < 2:
            continue
        verdict, contradicted = _verdict(current)
        if strict and verdict != CONTRADICTION:
            continue
        if verdict == AGREE and not include_all:
            continue
        support = _support(current, key_of)
        origins = {key: len({c.voice for c in rows_}) for key, rows_ in support.items()}
        shown = members if history else current
        shown = sorted(shown, key=_BY_GROUP_AND_TIME)
        groups.append(ConflictGroup(
            group=len(groups) + 1,
            event=ev,
            metric=met,
            verdict=verdict,
            claims=tuple(_group_claim(c, origins.get(c.figure_key, 0), c.id in superseded,
                                      c.id in contradicted) for c in shown),
            figures=tuple(_figure_support(key_of[key], rows_) for key, rows_ in support.items()),
        ))
    return groups


def conflicts_by_event(rows: Iterable[Mapping], **options) -> Iterator[ConflictGroup]:
    """:func:`find_conflicts` over rows that come ordered by event, one event at a time.

    The same groups, numbered the same, as ``find_conflicts(rows, **options)``, since no
    group spans two events; only one event's rows are held at once, so a whole database of
    claims (``db.claim_rows(by_event=True)``) streams through in bounded memory.
    """
    number = 0
    for _, batch in groupby(rows, key=_event_of):
        for group in find_conflicts(batch, **options):
            number += 1
            yield group if group.group == number else replace(group, group=number)


def timeline_by_event(rows: Iterable[Mapping], **options) -> Iterator[dict]:
    """:func:`timeline` over rows that come ordered by event, one event at a time (the same
    rows: the timeline is ordered by event first)."""
    for _, batch in groupby(rows, key=_event_of):
        yield from timeline(batch, **options)


def _event_of(row: Mapping) -> str:
    return row.get("event") or DEFAULT_EVENT


def conflict_rows(groups: Iterable[ConflictGroup]) -> list[dict]:
    """One flat row per claim, in the SPEC §6 columns (see ``CONFLICT_COLUMNS``)."""
    out = []
    for g in groups:
        for c in g.claims:
            out.append({
                "group": g.group,
                "event": g.event,
                "metric": g.metric,
                "verdict": g.verdict,
                "claim": c.claim,
                "figure": c.figure,
                "value": c.value,
                "low": c.low,
                "high": c.high,
                "subject_group": c.subject_group,
                "location": c.location,
                "source": c.source,
                "origin": c.origin,
                "report": c.report,
                "date": c.date,
                "hedge": c.hedge,
                "outlet": c.outlet,
                "origins": c.origins,
                "superseded": c.superseded,
                "contradicted": c.contradicted,
                "voice": c.voice,
            })
    return out


def timeline(rows: Iterable[Mapping], *, event: str | None = None,
             metric: str | None = None) -> list[dict]:
    """Each voice's figures over time, per (event, metric, subject group, location).

    Rows come in ``TIMELINE_COLUMNS``, ordered by event, metric, subject group, origin,
    location, then date and report; ``superseded`` is true for all but the voice's latest
    figure for that key (the same rule ``find_conflicts`` uses).
    """
    claims = _normalise(rows, event=event, metric=metric)
    superseded = _superseded(claims)
    ordered = sorted(claims, key=lambda c: (
        c.event, c.metric, c.subject_group, c.voice_name.casefold(), c.voice, c.place or "",
        c.unit or "", c.order, c.id))
    return [{
        "event": c.event,
        "metric": c.metric,
        "subject_group": c.subject_group,
        "origin": c.voice_name,
        "date": c.row.get("date"),
        "figure": c.row.get("figure"),
        "value": c.row.get("value"),
        "low": c.row.get("low"),
        "high": c.high,
        "claim": c.id,
        "report": c.row["report"],
        "superseded": c.id in superseded,
        "location": c.row.get("location"),
        "source": c.row.get("source"),
        "voice": c.voice,
    } for c in ordered]


def disjoint(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """Whether two closed intervals (``high`` None: unbounded above) share no value."""
    (alow, ahigh), (blow, bhigh) = a, b
    alow, blow = alow or 0, blow or 0
    return (ahigh is not None and ahigh < blow) or (bhigh is not None and bhigh < alow)


def _normalise(rows: Iterable[Mapping], *, event: str | None, metric: str | None,
               figure_keys: dict[tuple, int] | None = None) -> list[_Row]:
    """The rows that take part, filtered; ``figure_keys`` collects the interned figure keys."""
    figure_keys = {} if figure_keys is None else figure_keys
    kept = []
    reports: dict[int, str] = {}
    for r in rows:
        met = r.get("metric")
        ev = r.get("event") or DEFAULT_EVENT
        if not met or met == EXCLUDED_METRIC:
            continue
        if (event is not None and ev != event) or (metric is not None and met != metric):
            continue
        kept.append((r, ev, met))
        reports[r["report"]] = r.get("date") or ""
    rank = {report: i for i, (_, report) in enumerate(sorted((d, rep) for rep, d in reports.items()))}
    # Keys are interned to ints once: hashing a tuple again at every lookup is what costs
    # at a million claims.
    update_keys: dict[tuple, int] = {}
    out = []
    for r, ev, met in kept:
        get = r.get
        voice, name = _voice(r)
        source = get("source")
        source_key = get("source_key") or (_fold(source) if source else "")
        location = get("location")
        place = location.casefold().strip() or None if location else None
        group = get("subject_group") or "people"
        unit = get("unit") or None
        low = get("low") or 0
        high = get("high")
        out.append(_Row(
            r["id"], ev, met, group, place, unit, low, high,
            f"{voice}\x1f{source_key}", voice, name, rank[r["report"]],
            update_keys.setdefault((ev, met, group, place, unit, voice), len(update_keys)),
            figure_keys.setdefault((group, place, unit, low, high), len(figure_keys)),
            r,
        ))
    return out


def _voice(r: Mapping) -> tuple[str, str]:
    """The key independence is counted on, and a name to show for it."""
    # A copy's claims are its original's voices (SPEC §6 Copies): the same report, outlet.
    report = r.get("copy_of") or r["report"]
    if r.get("source_kind") == "unattributed" or not (r.get("origin") or r.get("source") or r.get("outlet")):
        return f"report:{report}", f"report {report}"
    if r.get("origin"):
        name, kind, key = r["origin"], r.get("origin_kind"), r.get("origin_key")
    elif r.get("source"):
        name, kind, key = r["source"], r.get("source_kind"), r.get("source_key")
    else:
        name, kind, key = r["outlet"], "outlet", None
    if kind == "outlet" and r.get("copy_of"):  # a copy speaks with its original's outlet
        if not r.get("copy_outlet"):
            return f"report:{report}", f"report {report}"
        name, key = r["copy_outlet"], r["copy_outlet"].casefold()
    key = key or _fold(name)
    if kind == "unnamed":
        return f"{key}@report:{report}", name
    return key, name


def _fold(name: str) -> str:
    """Fallback grouping key when a row carries none: case-folded, determiners and punctuation dropped."""
    k = re.sub(r"[^\w\s]", " ", name.casefold())
    k = re.sub(r"\b(?:the|a|an)\b", " ", k)
    return " ".join(k.split()) or name.casefold()


def _superseded(claims: list[_Row]) -> set[int]:
    """Ids of claims whose voice gives a different figure for the same key in a later report."""
    latest: dict[int, int] = {}
    for c in claims:
        if latest.get(c.update_key, -1) < c.order:
            latest[c.update_key] = c.order
    latest_figures: dict[int, set] = defaultdict(set)
    for c in claims:
        if c.order == latest[c.update_key]:
            latest_figures[c.update_key].add((c.low, c.high))
    return {c.id for c in claims
            if c.order != latest[c.update_key] and (c.low, c.high) not in latest_figures[c.update_key]}


class _Bounds:
    """The extremes of a set of claims, kept per voice for two voices.

    Enough to tell whether a claim of another voice lies wholly below or above an interval
    without comparing every pair: a group of a million claims is checked in linear time.
    """

    __slots__ = ("highs", "lows")

    def __init__(self, highs: tuple = (), lows: tuple = ()):
        self.highs = highs  # the two smallest bounded highs of distinct voices: (high, voice)
        self.lows = lows  # the two largest lows of distinct voices: (low, voice)

    @classmethod
    def of(cls, claims: Iterable[_Row]) -> _Bounds:
        claims = list(claims)
        return cls(_best_two(((c.high, c.voice) for c in claims if c.high is not None), largest=False),
                   _best_two(((c.interval[0], c.voice) for c in claims), largest=True))

    def merge(self, other: _Bounds) -> _Bounds:
        return _Bounds(_best_two(self.highs + other.highs, largest=False),
                       _best_two(self.lows + other.lows, largest=True))

    def disjoint_from(self, c: _Row) -> bool:
        """Whether some claim of a voice other than c's lies wholly below or above c."""
        low, high = c.interval
        below = next((h for h, voice in self.highs if voice != c.voice), None)
        above = next((lo for lo, voice in self.lows if voice != c.voice), None)
        return (below is not None and below < low) or (above is not None and high is not None and above > high)


def _best_two(pairs: Iterable[tuple[int, str]], *, largest: bool) -> tuple:
    best: list[tuple[int, str]] = []
    for value, voice in sorted(pairs, reverse=largest):
        if not best or best[0][1] != voice:
            best.append((value, voice))
            if len(best) == 2:
                break
    return tuple(best)


def _by_place(claims: Iterable[_Row], key) -> dict[tuple, dict[str | None, list[_Row]]]:
    parts: dict[tuple, dict[str | None, list[_Row]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        parts[key(c)][c.place].append(c)
    return parts


def _contradicted(current: list[_Row]) -> set[int]:
    """Ids of claims disjoint from a comparable claim of another voice on the same subject group."""
    # Comparable claims: the same place, or either place unknown. So a claim at a known place
    # meets that place's claims and the unplaced ones; an unplaced claim meets them all.
    out: set[int] = set()
    for places in _by_place(current, lambda c: (c.subject_group, c.unit)).values():
        bounds = {place: _Bounds.of(rows) for place, rows in places.items()}
        unplaced = bounds.get(None, _Bounds())
        everywhere = _Bounds()
        for b in bounds.values():
            everywhere = everywhere.merge(b)
        for place, rows in places.items():
            b = everywhere if place is None else bounds[place].merge(unplaced)
            # A claim within the lowest high and the highest low of every voice is disjoint
            # from none: most claims are, and skip the test per voice.
            lowest_high = b.highs[0][0] if b.highs else None
            highest_low = b.lows[0][0] if b.lows else None
            out.update(c.id for c in rows
                       if ((lowest_high is not None and lowest_high < c.low)
                           or (highest_low is not None and c.high is not None
                               and highest_low > c.high))
                       and b.disjoint_from(c))
    return out


def _differs(current: list[_Row]) -> bool:
    """Whether two comparable claims from different speakers give different figures."""
    # Every comparable pair lies in one "clique": a known place's claims plus the unplaced
    # ones (or the unplaced ones alone when no place is known). Within a clique, two speakers
    # and two distinct figures always include a pair that differs.
    for places in _by_place(current, lambda c: (c.unit,)).values():
        sets = {place: ({c.speaker for c in rows}, {(c.subject_group, c.interval) for c in rows})
                for place, rows in places.items()}
        unplaced = sets.get(None, (set(), set()))
        cliques = [v for place, v in sets.items() if place is not None] or [unplaced]
        for speakers, figures in cliques:
            if _two_or_more(speakers, unplaced[0]) and _two_or_more(figures, unplaced[1]):
                return True
    return False


def _two_or_more(a: set, b: set) -> bool:
    """Whether the union of a and b has two members, without building it for big sets."""
    return len(a) > 1 or len(b) > 1 or len(a | b) > 1


def _verdict(current: list[_Row]) -> tuple[str, set[int]]:
    contradicted = _contradicted(current)
    if contradicted:
        return CONTRADICTION, contradicted
    return (DIVERGENT if _differs(current) else AGREE), contradicted


def _support(current: list[_Row], key_of: list[tuple]) -> dict[int, list[_Row]]:
    """The current claims by figure, in time order; figures by subject group, then interval."""
    support: dict[int, list[_Row]] = defaultdict(list)
    for c in sorted(current, key=_BY_TIME):
        support[c.figure_key].append(c)

    def order(key: int) -> tuple:
        group, place, unit, low, high = key_of[key]
        return (group, low, high is None, high or 0, place or "", unit or "")

    return {key: support[key] for key in sorted(support, key=order)}


def _figure_support(key: tuple, rows: list[_Row]) -> FigureSupport:
    subject_group, _, _, low, high = key
    if len(rows) == 1:  # most figures: one claim
        c = rows[0]
        return FigureSupport(subject_group, c.row.get("location"), low, high,
                             (c.row.get("figure"),), (c.voice_name,), (c.id,))
    names: dict[str, str] = {}
    for c in rows:
        names.setdefault(c.voice, c.voice_name)
    return FigureSupport(
        subject_group=subject_group,
        location=rows[0].row.get("location"),
        low=low,
        high=high,
        figures=tuple(dict.fromkeys(c.row.get("figure") for c in rows)),
        origins=tuple(names.values()),
        claims=tuple(c.id for c in rows),
    )


def _group_claim(c: _Row, origins: int, superseded: bool, contradicted: bool) -> GroupClaim:
    r = c.row
    return GroupClaim(
        claim=c.id,
        figure=r.get("figure"),
        qualifier=r.get("qualifier"),
        value=r.get("value"),
        low=r.get("low"),
        high=c.high,
        subject_group=c.subject_group,
        location=r.get("location"),
        hedge=r.get("hedge"),
        source=r.get("source"),
        origin=c.voice_name,
        voice=c.voice,
        report=r["report"],
        outlet=r.get("outlet"),
        title=r.get("title"),
        date=r.get("date"),
        origins=origins,
        superseded=superseded,
        contradicted=contradicted,
    )
