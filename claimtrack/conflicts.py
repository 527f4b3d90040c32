"""Conflicting figures, updates and independence over claim rows (SPEC §6).

Pure functions: claim rows in (plain dicts, as ``db.claim_rows`` yields them), frozen records
and plain dicts out. No I/O but the lexicon's ``cumulative`` flags and the gazetteer
(``claimtrack.places``), both read once and only when needed; no SQL.

Rules, where SPEC §6 leaves room:

- A claim's **voice** is who independence is counted on: its origin (the last link of the
  chain). A claim the report makes itself speaks for its outlet; one with no outlet either
  (``unattributed``) speaks for its report alone. Unnamed origins (``witnesses``, ``other
  sources``) are not identities, so each report's unnamed sources are voices of their own.
  Within a report, a bare head noun (``ministry``, ``agency``) that ends the name of exactly
  one other origin of the report (``interior ministry``) is that origin: `the ministry`.
- A claim's **date** is its ``as_of`` when the sentence dates the figure, else its report's.
  **Order** is that date, then the report's, then ingest order; undated claims come first.
- **Updates.** For one voice and one (event, metric, subject group, unit) key, a claim is
  superseded when the voice's latest later figure at a compatible place (the same, or either
  unknown) is another figure; a report never supersedes itself, and a figure the report gives
  as an earlier one (``as_of`` before a later figure of the same metric and group in the
  same report) is never current.
- **Intervals** are closed, ``high`` None is unbounded above, ``low`` None counts as 0. A
  **part** (an individual, a claim a tally sums, a subset of a counted group: ``part``
  true, as ``two of them`` or ``three in critical condition``) bounds from below: compared as
  ``low``..∞. A subset is held by its report's total (stated, or its tally) of its group or
  of ``people`` when no larger than it, or by a larger figure of its report (``four others
  were hurt … one critically``); subsets are never summed, as they may overlap.
  A tally (``derived = "tally"``) stands for its report only where the report states no
  figure of its own for that metric and subject group. A report's parts that its own total
  (stated, or its tally) holds are compared through that total, never beside it: a report
  naming two victims and counting 2 says one thing, not three.
- **Periods.** A running count over a span of time (``period``: ``since June``, ``this
  year``) counts other incidents too: it never takes part in an event's comparison (nor in
  its timeline). A journalist compares it with nothing in the incident, and two running
  counts rarely share a span.
- **Scope.** Claims of one subject group at compatible places speak of the same people. The
  group ``people`` is the total of every other group, and a country or US state (from the
  gazetteer) the total of its cities: a total is compared with its parts as a lower bound.
  A vague total (``several``, ``hundreds``) holds no parts: its words may count families or
  households rather than people.
- **Contradiction** (different voices): one figure lies wholly above another of the same
  scope, or above a total it is part of, and time allows it: the two are of the same date
  (or either undated), or the metric is cumulative (lexicon ``cumulative = true``) and the
  higher one is the earlier. A total below the sum of its cities' figures contradicts them.
  A cumulative figure later and higher than another is a rising toll: ``divergent``.
- **Divergent**: two speakers give different figures at compatible places (or in places one
  of which holds the other), and nothing contradicts; else ``agree``.
- Verdicts and independence counts always come from current claims; ``history`` only adds
  the superseded claims to the groups, marked.

Every group carries a ``reason``: one sentence naming the figures that decide its verdict,
who gave them and when. Verdicts are computed by sweeps over dates, never by comparing every
pair, so a group of a million claims costs n log n.
"""
from __future__ import annotations

import datetime as _dt
import math
import os
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "AGREE", "CONFLICT_COLUMNS", "CONTRADICTION", "DIVERGENT", "TIMELINE_COLUMNS", "VERDICTS",
    "ROW_COLUMNS", "ConflictGroup", "FigureSupport", "GroupClaim", "claim_values", "conflict_rows",
    "conflicts_by_event",
    "cumulative_metrics", "disjoint", "find_conflicts", "timeline", "timeline_by_event",
]

CONTRADICTION = "contradiction"
DIVERGENT = "divergent"
AGREE = "agree"
VERDICTS = (CONTRADICTION, DIVERGENT, AGREE)
DEFAULT_EVENT = "default"
EXCLUDED_METRIC = "other"
TOTAL_GROUP = "people"  # the generic group: the total of every other one
REPORT_ITSELF = "the report itself"

CONFLICT_COLUMNS = (
    "group", "event", "metric", "verdict", "claim", "figure", "value", "low", "high",
    "subject_group", "location", "source", "origin", "report", "date",
    "hedge", "outlet", "origins", "superseded", "contradicted", "voice", "reason",
)
TIMELINE_COLUMNS = (
    "event", "metric", "subject_group", "origin", "date", "figure", "value", "low", "high",
    "claim", "report", "superseded", "location", "source", "voice", "itself",
)
# The keys of a claim row (``store.claim_rows``). A row may also come as a plain tuple of
# these values in this order (``claim_rows(tuples=True)``): a million claims then cost no
# dict each; rows given as mappings are read into such tuples first.
ROW_COLUMNS = (
    "id", "event", "metric", "subject", "subject_group", "location", "figure", "qualifier",
    "value", "low", "high", "unit", "hedge", "cue", "source", "source_kind", "source_key",
    "origin", "origin_kind", "origin_key", "report", "outlet", "title", "date", "individual",
    "derived", "as_of", "parts", "part", "period", "copy_of", "copy_outlet",
)
(_ID, _EVENT, _METRIC, _SUBJECT, _GROUP, _LOCATION, _FIGURE, _QUALIFIER, _VALUE, _LOW, _HIGH,
 _UNIT, _HEDGE, _CUE, _SOURCE, _SOURCE_KIND, _SOURCE_KEY, _ORIGIN, _ORIGIN_KIND, _ORIGIN_KEY,
 _REPORT, _OUTLET, _TITLE, _DATE, _INDIVIDUAL, _DERIVED, _AS_OF, _PARTS, _PART, _PERIOD, _COPY_OF,
 _COPY_OUTLET) = range(len(ROW_COLUMNS))


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
    date: str | None  # the claim's date: as_of, else the report's
    origins: int  # independent voices whose current figure this is
    superseded: bool
    contradicted: bool  # one side of a pair that cannot both be true
    itself: bool = False  # the report speaks for itself (outlet or unattributed)


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


class ConflictGroup:
    """The claims of one (event, metric) side by side, with a verdict and its reason.

    Immutable, and equal to another with the same fields, as a frozen dataclass would be.
    ``claims`` (GroupClaim records) and ``figures`` (FigureSupport records) are built the
    first time they are read: the machine formats read neither (:func:`conflict_rows` takes
    the same values from the group's claim rows), and on a database of a million claims
    these records were a quarter of the time ``conflicts`` took.
    """

    __slots__ = ("group", "event", "metric", "verdict", "reason", "_claims", "_figures",
                 "_rows", "_stored")
    _FIELDS = ("group", "event", "metric", "verdict", "claims", "figures", "reason")

    group: int  # 1-based position in the result
    event: str
    metric: str
    verdict: str  # contradiction, divergent, agree
    reason: str

    def __init__(self, group: int, event: str, metric: str, verdict: str,
                 claims: tuple[GroupClaim, ...] | None = None,
                 figures: tuple[FigureSupport, ...] | None = None, reason: str = "", *,
                 _rows: _GroupRows | None = None, _stored: StoredClaims | None = None):
        for name, value in (("group", group), ("event", event), ("metric", metric),
                            ("verdict", verdict), ("reason", reason), ("_claims", claims),
                            ("_figures", figures), ("_rows", _rows), ("_stored", _stored)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}: a ConflictGroup is frozen")

    @property
    def claims(self) -> tuple[GroupClaim, ...]:
        """The group's claims, each as it stands in the group."""
        if self._claims is None:
            source = self._rows if self._rows is not None else self._stored
            object.__setattr__(self, "_claims", source.group_claims())
        return self._claims

    @property
    def figures(self) -> tuple[FigureSupport, ...]:
        """The distinct current figures and the independent voices behind each."""
        if self._figures is None:
            source = self._rows if self._rows is not None else self._stored
            object.__setattr__(self, "_figures", source.figures())
        return self._figures

    @property
    def voices(self) -> int:
        """How many independent voices give a current figure in this group."""
        if self._rows is not None:
            return self._rows.voices()
        if self._stored is not None:
            return self._stored.voices
        return len({c.voice for c in self.claims if not c.superseded})

    @property
    def stored_lines(self) -> list[str] | None:
        """Each claim's part of its JSON line, as the stored verdicts keep it (see
        :func:`stored_values`), when the group was read from them; else None."""
        return self._stored.lines if self._stored is not None and self._claims is None else None

    def renumbered(self, group: int) -> ConflictGroup:
        """The same group at another position in a result."""
        return ConflictGroup(group, self.event, self.metric, self.verdict, self._claims,
                             self._figures, self.reason, _rows=self._rows, _stored=self._stored)

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"ConflictGroup({fields})"


class _GroupRows(NamedTuple):
    """What a group's records are built from: its claims as shown, and their standing."""

    shown: list  # _Row, in display order
    current: list  # _Row: the claims the verdict is on
    origins: dict  # figure key -> independent voices giving it
    superseded: set
    contradicted: set
    key_of: list  # interned figure key -> (subject_group, place, unit, low, high)

    def group_claims(self) -> tuple[GroupClaim, ...]:
        origins, superseded, contradicted = self.origins, self.superseded, self.contradicted
        return tuple(_group_claim(c, origins.get(c.figure_key, 0), c.id in superseded,
                                  c.id in contradicted) for c in self.shown)

    def figures(self) -> tuple[FigureSupport, ...]:
        support = _support(self.current, self.key_of)
        return tuple(_figure_support(self.key_of[key], rows) for key, rows in support.items())

    def voices(self) -> int:
        return len({c.voice for c in self.shown if c.id not in self.superseded})


class StoredClaims(NamedTuple):
    """A group's claims as the stored verdicts keep them (``claimtrack.store.verdicts``):
    each claim's part of its JSON line (``output.conflict_claim_text``), what a GroupClaim
    holds beside it, and the group's figures and voices, from which the records are built
    again exactly as :func:`find_conflicts` built them."""

    lines: list  # str: "claim": … "voice": … of each claim shown, in order
    extras: list | None  # (qualifier, title, itself) of each, where records are wanted
    figures_json: str  # the group's FigureSupport records, as stored_figures gives them
    voices: int

    def values(self) -> Iterator[dict]:
        import json

        for line in self.lines:
            yield json.loads(f"{{{line}}}")

    def group_claims(self) -> tuple[GroupClaim, ...]:
        if self.extras is None:
            raise ValueError("the group was read without its claims' records")
        return tuple(
            GroupClaim(v["claim"], v["figure"], qualifier, v["value"], v["low"], v["high"],
                       v["subject_group"], v["location"], v["hedge"], v["source"], v["origin"],
                       v["voice"], v["report"], v["outlet"], title, v["date"], v["origins"],
                       v["superseded"], v["contradicted"], bool(itself))
            for v, (qualifier, title, itself) in zip(self.values(), self.extras))

    def figures(self) -> tuple[FigureSupport, ...]:
        import json

        return tuple(FigureSupport(group, location, low, high, tuple(figures), tuple(origins),
                                   tuple(claims))
                     for group, location, low, high, figures, origins, claims
                     in json.loads(self.figures_json))


def stored_values(group: ConflictGroup) -> Iterator[tuple]:
    """What the stored verdicts keep of each claim of a group found by
    :func:`find_conflicts`: its ``claim_values``, then its qualifier, its report's title,
    and whether the report speaks for itself."""
    rows = group._rows
    if rows is not None and group._claims is None:
        for values, c in zip(claim_values(group), rows.shown):
            yield (*values, c.row[_QUALIFIER], c.row[_TITLE], _itself(c.row))
        return
    for values, c in zip(claim_values(group), group.claims):
        yield (*values, c.qualifier, c.title, c.itself)


def stored_figures(group: ConflictGroup) -> list:
    """A group's FigureSupport records as plain lists, as the stored verdicts keep them."""
    return [[f.subject_group, f.location, f.low, f.high, list(f.figures), list(f.origins),
             list(f.claims)] for f in group.figures]


class _Row(NamedTuple):
    """A claim row with what comparison needs computed once (a tuple: a million are cheap)."""

    id: int
    event: str
    metric: str
    subject_group: str
    place: str | None  # location key: case-folded
    unit: str | None
    low: int  # 0 when the row has none
    high: int | None  # None when unbounded, or when the claim is a part
    speaker: str  # voice and first source: who is heard saying it
    voice: str
    voice_name: str
    order: int  # rank by (claim date, report date, report id): ints compare fast
    update_key: int  # interned (event, metric, subject_group, unit, voice)
    figure_key: int  # interned (subject_group, place, unit, low, high)
    row: tuple  # the claim row, in ROW_COLUMNS order
    date: str | None  # the claim's date
    report: int
    earlier: bool  # given by its report as an earlier figure: never current


_BY_TIME = lambda c: (c.order, c.id)  # noqa: E731
_BY_GROUP_AND_TIME = lambda c: (c.subject_group, c.order, c.id)  # noqa: E731


# Lexicon: which metrics only grow ----------------------------------------------------------

_LEXICON = Path(__file__).parent / "extract" / "lexicon.toml"


def _default_flags() -> dict[str, bool]:
    """metric -> its ``cumulative`` flag in the shipped lexicon, read line by line: the file
    is ours, its tables one per line (``[metrics.killed]``), and a command spares itself
    loading a TOML parser for two words per metric."""
    flags: dict[str, bool] = {}
    current = None
    for line in _LEXICON.read_text("utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            head = line.strip("[] ")
            current = head[len("metrics."):] if head.startswith("metrics.") else None
            if current is not None:
                flags.setdefault(current, False)
        elif current is not None and line.replace(" ", "").startswith("cumulative="):
            flags[current] = line.split("=", 1)[1].split("#")[0].strip() == "true"
    return flags


@cache
def _cumulative_in(path: str | None) -> frozenset[str]:
    try:
        text = Path(path).read_text("utf-8") if path else None
    except (OSError, UnicodeDecodeError):
        text = None  # the lexicon's own loader reports a bad file; here it changes nothing
    return cumulative_in_text(text)


def cumulative_in_text(text: str | None) -> frozenset[str]:
    """The cumulative metrics of the default lexicon with ``text`` (a lexicon file's content,
    as a database records it) over it."""
    flags = _default_flags()
    if text:
        import tomllib

        try:
            extra = tomllib.loads(text)
        except ValueError:
            extra = {}
        for m, v in extra.get("metrics", {}).items():
            if isinstance(v, dict) and "cumulative" in v:
                flags[m] = bool(v["cumulative"])
    return frozenset(m for m, on in flags.items() if on)


@cache
def lexicon_metrics() -> frozenset[str]:
    """Every metric the default lexicon names, and ``other``."""
    return frozenset(_default_flags()) | {EXCLUDED_METRIC}


def cumulative_metrics(lexicon: str | os.PathLike | None = None) -> frozenset[str]:
    """The metrics the lexicon marks ``cumulative`` (counts that only grow), from the default
    lexicon overridden by ``lexicon`` (else ``$CLAIMTRACK_LEXICON``). Read without loading
    the extraction engine."""
    path = lexicon or os.environ.get("CLAIMTRACK_LEXICON") or None
    return _cumulative_in(str(path) if path else None)


# Finding conflicts --------------------------------------------------------------------------


def find_conflicts(
    rows: Iterable[Mapping],
    *,
    event: str | None = None,
    metric: str | None = None,
    strict: bool = False,
    include_all: bool = False,
    history: bool = False,
    cumulative: Collection[str] | None = None,
) -> list[ConflictGroup]:
    """The (event, metric) groups in which at least two speakers give figures, with a verdict.

    Args:
        rows: claim rows with the keys ``db.claim_rows`` gives; metric ``other`` is ignored.
        event, metric: keep only this event / this metric.
        strict: only groups whose verdict is ``contradiction``.
        include_all: also groups whose figures all agree.
        history: also the claims superseded by a later figure of their own voice, marked.
        cumulative: the metrics whose counts only grow (default: :func:`cumulative_metrics`).
    """
    cumulative = cumulative_metrics() if cumulative is None else cumulative
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
        verdict, contradicted, reason = _verdict(current, met in cumulative, met)
        if strict and verdict != CONTRADICTION:
            continue
        if verdict == AGREE and not include_all:
            continue
        voices_of: dict[int, set[str]] = defaultdict(set)
        for c in current:
            voices_of[c.figure_key].add(c.voice)
        origins = {key: len(voices) for key, voices in voices_of.items()}
        shown = members if history else current
        shown = sorted(shown, key=_BY_GROUP_AND_TIME)
        groups.append(ConflictGroup(
            len(groups) + 1, ev, met, verdict, reason=reason,
            _rows=_GroupRows(shown, current, origins, superseded, contradicted, key_of)))
    return groups


def conflicts_by_event(rows: Iterable[Mapping], **options) -> Iterator[ConflictGroup]:
    """:func:`find_conflicts` over rows that come ordered by event, one event at a time.

    The same groups, numbered the same, as ``find_conflicts(rows, **options)``, since no
    group spans two events; only one event's rows are held at once, so a whole database of
    claims (``db.claim_rows(by_event=True)``) streams through in bounded memory.
    """
    if options.get("cumulative") is None:
        options["cumulative"] = cumulative_metrics()
    number = 0
    for _, batch in groupby(rows, key=_event_of):
        for group in find_conflicts(batch, **options):
            number += 1
            yield group if group.group == number else group.renumbered(number)


def timeline_by_event(rows: Iterable[Mapping], **options) -> Iterator[dict]:
    """:func:`timeline` over rows that come ordered by event, one event at a time (the same
    rows: the timeline is ordered by event first)."""
    for _, batch in groupby(rows, key=_event_of):
        yield from timeline(batch, **options)


def _event_of(row: Mapping | tuple) -> str:
    return (row[_EVENT] if type(row) is tuple else row.get("event")) or DEFAULT_EVENT


def conflict_rows(groups: Iterable[ConflictGroup]) -> list[dict]:
    """One flat row per claim, in the SPEC §6 columns (see ``CONFLICT_COLUMNS``)."""
    out = []
    for g in groups:
        head = {"group": g.group, "event": g.event, "metric": g.metric, "verdict": g.verdict}
        reason = g.reason
        if g.stored_lines is not None:
            out.extend({**head, **values, "reason": reason} for values in g._stored.values())
            continue
        rows = g._rows
        if rows is not None and g._claims is None:
            # straight from the claim rows: the same values GroupClaim records would hold
            origins, superseded, contradicted = rows.origins, rows.superseded, rows.contradicted
            for c in rows.shown:
                r = c.row
                out.append({
                    **head,
                    "claim": c.id,
                    "figure": r[_FIGURE],
                    "value": r[_VALUE],
                    "low": r[_LOW],
                    "high": r[_HIGH],
                    "subject_group": c.subject_group,
                    "location": r[_LOCATION],
                    "source": r[_SOURCE],
                    "origin": c.voice_name,
                    "report": c.report,
                    "date": c.date,
                    "hedge": r[_HEDGE],
                    "outlet": r[_OUTLET],
                    "origins": origins.get(c.figure_key, 0),
                    "superseded": c.id in superseded,
                    "contradicted": c.id in contradicted,
                    "voice": c.voice,
                    "reason": reason,
                })
            continue
        for c in g.claims:
            out.append({
                **head,
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
                "reason": reason,
            })
    return out


def claim_values(group: ConflictGroup) -> Iterator[tuple]:
    """Each claim of a group as the values of its row in ``conflict_rows``, from ``claim``
    to ``voice`` (CONFLICT_COLUMNS without the group's own four and ``reason``): what a
    writer that formats the group's values once needs."""
    if group.stored_lines is not None:
        for values in group._stored.values():
            yield tuple(values.values())
        return
    rows = group._rows
    if rows is not None and group._claims is None:
        origins, superseded, contradicted = rows.origins, rows.superseded, rows.contradicted
        for c in rows.shown:
            r = c.row
            yield (c.id, r[_FIGURE], r[_VALUE], r[_LOW], r[_HIGH], c.subject_group,
                   r[_LOCATION], r[_SOURCE], c.voice_name, c.report, c.date, r[_HEDGE],
                   r[_OUTLET], origins.get(c.figure_key, 0), c.id in superseded,
                   c.id in contradicted, c.voice)
        return
    for c in group.claims:
        yield (c.claim, c.figure, c.value, c.low, c.high, c.subject_group, c.location,
               c.source, c.origin, c.report, c.date, c.hedge, c.outlet, c.origins,
               c.superseded, c.contradicted, c.voice)


def timeline(rows: Iterable[Mapping], *, event: str | None = None,
             metric: str | None = None) -> list[dict]:
    """Each voice's figures over time, per (event, metric, subject group, location).

    Rows come in ``TIMELINE_COLUMNS``, ordered by event, metric, subject group, origin,
    location, then date and report; ``superseded`` is true for all but the voice's current
    figures (the same rule ``find_conflicts`` uses). ``date`` is the claim's date.
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
        "date": c.date,
        "figure": c.row[_FIGURE],
        "value": c.row[_VALUE],
        "low": c.row[_LOW],
        "high": c.row[_HIGH],
        "claim": c.id,
        "report": c.report,
        "superseded": c.id in superseded,
        "location": c.row[_LOCATION],
        "source": c.row[_SOURCE],
        "voice": c.voice,
        "itself": _itself(c.row),
    } for c in ordered]


def disjoint(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """Whether two closed intervals (``high`` None: unbounded above) share no value."""
    (alow, ahigh), (blow, bhigh) = a, b
    alow, blow = alow or 0, blow or 0
    return (ahigh is not None and ahigh < blow) or (bhigh is not None and bhigh < alow)


# Rows -> comparable claims ------------------------------------------------------------------


def _ids(value) -> tuple[int, ...]:
    """A tally's parts: a list of claim ids, or that list as JSON text."""
    if not value:
        return ()
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError:
            return ()
    try:
        return tuple(int(v) for v in value)
    except (TypeError, ValueError):
        return ()


def _rows(rows: Iterable[Mapping | tuple]) -> Iterator[tuple]:
    """Each row as a tuple in ROW_COLUMNS order."""
    columns = ROW_COLUMNS
    for r in rows:
        yield r if type(r) is tuple else tuple(map(r.get, columns))


def _normalise(rows: Iterable[Mapping | tuple], *, event: str | None, metric: str | None,
               figure_keys: dict[tuple, int] | None = None) -> list[_Row]:
    """The rows that take part, filtered; ``figure_keys`` collects the interned figure keys."""
    figure_keys = {} if figure_keys is None else figure_keys
    kept = []
    orders: dict[tuple, None] = {}
    parts: set[int] = set()
    stated: set[tuple] = set()  # (report, metric, subject group) a report states itself
    with_parts: set = set()  # the reports that name individuals or have a tally
    tallies = False
    # the latest date each report gives a figure of a metric and group: a figure it dates
    # before that is one it gives as an earlier one ("had put it at 14 a day earlier")
    newest: dict[tuple, str] = {}
    voices: dict[int, dict[str, str]] = defaultdict(dict)  # every origin each report names
    itself: dict[int, tuple[str, str]] = {}  # each report's own voice: a copy speaks with it
    for r in _rows(rows):
        met = r[_METRIC]
        ev = r[_EVENT] or DEFAULT_EVENT
        report = r[_REPORT]
        voice = _voice(r)
        if r[_ORIGIN] or r[_SOURCE]:
            voices[report].setdefault(*voice)
        own = _itself(r)
        if own:
            itself.setdefault(report, voice)
        if not met or met == EXCLUDED_METRIC or r[_PERIOD]:
            continue  # a running count over a span ("since June") is no figure of the incident
        if (event is not None and ev != event) or (metric is not None and met != metric):
            continue
        report_date = r[_DATE] or ""
        as_of = r[_AS_OF] or None
        date = as_of or r[_DATE] or None
        kept.append((r, ev, met, date, report_date, as_of, voice, own))
        at = (report, met, r[_GROUP] or TOTAL_GROUP)
        if (date or "") > newest.get(at, ""):
            newest[at] = date or ""
        orders[(date or "", report_date, report)] = None
        if r[_DERIVED]:
            tallies = True
            parts.update(_ids(r[_PARTS]))
            with_parts.add(report)
        elif not (r[_INDIVIDUAL] or r[_PART]):
            stated.add(at)
        else:
            with_parts.add(report)
    rank = {key: i for i, key in enumerate(sorted(orders))}
    covered = _covered_parts([k for k in kept if k[0][_REPORT] in with_parts], parts,
                             stated) if with_parts else frozenset()
    names = _coreferent(voices)
    # Keys are interned to ints once: hashing a tuple again at every lookup is what costs
    # at a million claims.
    update_keys: dict[tuple, int] = {}
    places: dict[str, str | None] = {}  # location as written -> its key
    out = []
    for r, ev, met, date, report_date, as_of, (voice, name), own in kept:
        group = r[_GROUP] or TOTAL_GROUP
        report = r[_REPORT]
        if tallies and r[_DERIVED] and (report, met, group) in stated:
            continue  # the report states its own figure: its tally does not stand for it
        if r[_ID] in covered:
            continue  # a part of a total its own report gives: that total speaks for it
        if names:
            voice, name = names.get((report, voice), (voice, name))
        if own and r[_COPY_OF]:  # a copy's own figures are its original's (SPEC §6)
            voice, name = itself.get(r[_COPY_OF], (voice, name))
        source = r[_SOURCE]
        source_key = r[_SOURCE_KEY] or (_fold(source) if source else "")
        location = r[_LOCATION]
        if location:
            place = places.get(location, "")
            if place == "":
                place = places[location] = location.casefold().strip() or None
        else:
            place = None
        unit = r[_UNIT] or None
        low = r[_LOW] or 0
        high = r[_HIGH]
        if r[_INDIVIDUAL] or r[_PART] or r[_ID] in parts:
            high = None  # a part bounds its total from below, and no more
        out.append(_Row(
            r[_ID], ev, met, group, place, unit, low, high,
            f"{voice}\x1f{source_key}", voice, name,
            rank[(date or "", report_date, report)],
            update_keys.setdefault((ev, met, group, unit, voice), len(update_keys)),
            figure_keys.setdefault((group, place, unit, low, high), len(figure_keys)),
            r, date, report, bool(as_of and as_of < newest[(report, met, group)]),
        ))
    return out


def _covered_parts(kept: list[tuple], parts: set[int], stated: set[tuple]) -> frozenset[int]:
    """The parts (individuals, claims a tally sums) that a total of their own report holds.

    A report that names two victims and counts them (``2``, stated or its tally) says one
    thing, not three: its victims are compared through that total, never beside it. A part
    of group ``g`` is held by a total of ``g``, or of ``people`` (every group's total), that
    its report gives for the metric, when the sum of the report's parts it would hold is no
    more than the total's highest figure; parts that add up to more than the report's own
    total stay, so that the total below them contradicts them. A subset (``part``: ``two of
    them``, ``three in critical condition``) is held alone, never summed with others (subsets
    overlap): by a total of its report no smaller than it, or by a larger figure of its
    report (the first of equal ones stays, so that the report keeps its lower bound).
    """
    totals: dict[tuple, float] = {}  # (report, metric, group) -> the highest total figure
    sums: dict[tuple, int] = defaultdict(int)  # (report, metric, group) -> its parts' sum
    members: list[tuple[int, tuple]] = []
    subsets: list[tuple[int, tuple, int]] = []  # a subset of a counted group (``part``)
    floors: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # at -> (id, low) of each figure
    for r, _ev, met, *_rest in kept:
        group = r[_GROUP] or TOTAL_GROUP
        at = (r[_REPORT], met, group)
        if not r[_DERIVED] or at not in stated:
            floors[at].append((r[_ID], r[_LOW] or 0))
        if r[_PART] and not r[_INDIVIDUAL] and r[_ID] not in parts:
            # subsets of one group may overlap ("two critical, three with minor wounds" of
            # five): each is held by a total no smaller than itself, never summed
            subsets.append((r[_ID], at, r[_LOW] or 0))
        elif r[_INDIVIDUAL] or r[_ID] in parts:
            sums[at] += r[_LOW] or 0
            members.append((r[_ID], at))
        elif not r[_DERIVED] or at not in stated:  # a stated figure, or a tally that stands
            high = math.inf if r[_HIGH] is None else r[_HIGH]
            if high > totals.get(at, -1):
                totals[at] = high
    if not totals and not subsets:
        return frozenset()
    everyone: dict[tuple, int] = defaultdict(int)  # (report, metric) -> all its parts' sum
    for (report, met, _group), n in sums.items():
        everyone[(report, met)] += n
    held = set()
    for claim_id, (report, met, group) in members:
        own = totals.get((report, met, group))
        whole = totals.get((report, met, TOTAL_GROUP))
        if (group != TOTAL_GROUP and own is not None and sums[(report, met, group)] <= own) or (
                whole is not None and everyone[(report, met)] <= whole):
            held.add(claim_id)
    for claim_id, (report, met, group), low in subsets:
        own = totals.get((report, met, group))
        whole = totals.get((report, met, TOTAL_GROUP))
        # or another figure of its report, a part too, that bounds the group at least as high
        # ("four others were hurt … one with life-threatening wounds": the four speak for it)
        if (own is not None and low <= own) or (whole is not None and low <= whole) or any(
                (floor, -other) > (low, -claim_id) for at in {(report, met, group), (report, met, TOTAL_GROUP)}
                for other, floor in floors.get(at, ())):
            held.add(claim_id)
    return frozenset(held)


def _voice(r: tuple) -> tuple[str, str]:
    """The key independence is counted on, and a name to show for it. A copy of an earlier
    report (``copy_of``) speaks with that report's voices."""
    report = r[_COPY_OF] or r[_REPORT]
    if r[_SOURCE_KIND] == "unattributed" or not (r[_ORIGIN] or r[_SOURCE] or r[_OUTLET]):
        return f"report:{report}", f"report {report}"
    if r[_ORIGIN]:
        name, kind, key = r[_ORIGIN], r[_ORIGIN_KIND], r[_ORIGIN_KEY]
    elif r[_SOURCE]:
        name, kind, key = r[_SOURCE], r[_SOURCE_KIND], r[_SOURCE_KEY]
    else:
        name, kind, key = r[_OUTLET], "outlet", None
    if kind == "outlet" and r[_COPY_OF]:  # a copy speaks with its original's outlet
        if not r[_COPY_OUTLET]:
            return f"report:{report}", f"report {report}"
        name, key = r[_COPY_OUTLET], r[_COPY_OUTLET].casefold()
    key = key or _fold(name)
    if kind == "unnamed":
        return f"{key}@report:{report}", name
    return key, name


def _itself(r: tuple) -> bool:
    """Whether the report speaks for itself: no source but its outlet, or none at all."""
    kind = r[_ORIGIN_KIND] or r[_SOURCE_KIND]
    return kind in ("outlet", "unattributed") or not (r[_ORIGIN] or r[_SOURCE])


def _coreferent(keys: dict[int, dict[str, str]]) -> dict[tuple, tuple[str, str]]:
    """(report, voice) -> the voice it stands for: within a report, a one-word key (`the
    ministry` → ``ministry``) that ends exactly one other key of the report's origins."""
    out: dict[tuple, tuple[str, str]] = {}
    for report, voices in keys.items():
        if len(voices) < 2:
            continue
        for voice in voices:
            if " " in voice or "@" in voice or ":" in voice:
                continue
            fuller = [v for v in voices if v != voice and v.endswith(" " + voice) and "@" not in v]
            if len(fuller) == 1:
                out[(report, voice)] = (fuller[0], voices[fuller[0]])
    return out


def _fold(name: str) -> str:
    """Fallback grouping key when a row carries none: case-folded, determiners and punctuation
    dropped."""
    k = "".join(ch if ch.isalnum() or ch.isspace() or ch == "_" else " " for ch in name.casefold())
    words = [w for w in k.split() if w not in ("the", "a", "an")]
    return " ".join(words) or name.casefold()


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _superseded(claims: list[_Row]) -> set[int]:
    """Ids of claims no longer current: given as earlier figures, or replaced by a later,
    different figure of their voice at a compatible place, in a later report."""
    out = {c.id for c in claims if c.earlier}
    by_key: dict[int, list[_Row]] = defaultdict(list)
    for c in claims:
        if not c.earlier:
            by_key[c.update_key].append(c)
    for members in by_key.values():
        if len(members) < 2:
            continue
        # per place: the latest order, and the figures given at it
        latest: dict[str | None, tuple[int, set]] = {}
        for c in members:
            seen = latest.get(c.place)
            if seen is None or seen[0] < c.order:
                latest[c.place] = (c.order, {(c.low, c.high)})
            elif seen[0] == c.order:
                seen[1].add((c.low, c.high))
        if len(latest) == 1:
            [(order, figures)] = latest.values()
            out.update(c.id for c in members
                       if c.order != order and (c.low, c.high) not in figures)
            continue
        for c in members:
            places = latest if c.place is None else {p: v for p, v in latest.items()
                                                     if p is None or p == c.place}
            top = max(order for order, _ in places.values())
            if top == c.order:
                continue
            figures = set().union(*(f for order, f in places.values() if order == top))
            if (c.low, c.high) not in figures:
                out.add(c.id)
    return out


# Best values of distinct voices: what a sweep keeps ----------------------------------------

# An entry is (value, voice, row); a "best" is a tuple of at most two entries, best first,
# of two distinct voices: enough to find, for any claim, the best value of another voice.


def _push(best: tuple, entry: tuple, largest: bool) -> tuple:
    if not best:
        return (entry,)
    v, voice = entry[0], entry[1]
    first = best[0]
    if v > first[0] if largest else v < first[0]:
        return (entry,) + best[1:] if first[1] == voice else (entry, first)
    if first[1] == voice:
        return best
    if len(best) == 1:
        return (first, entry)
    second = best[1]
    if v > second[0] if largest else v < second[0]:
        return (first, entry)
    return best


def _merge(a: tuple, b: tuple, largest: bool) -> tuple:
    for entry in b:
        a = _push(a, entry, largest)
    return a


def _other(best: tuple, voice: str):
    for entry in best:
        if entry[1] != voice:
            return entry
    return None


class _Places:
    """Best values per place, for the unplaced claims, and over all."""

    __slots__ = ("largest", "by_place", "unplaced", "every")

    def __init__(self, largest: bool):
        self.largest = largest
        self.by_place: dict[str, tuple] = {}
        self.unplaced: tuple = ()
        self.every: tuple = ()

    def add(self, c: _Row, value: int) -> None:
        entry = (value, c.voice, c)
        if c.place is None:
            self.unplaced = _push(self.unplaced, entry, self.largest)
        else:
            self.by_place[c.place] = _push(self.by_place.get(c.place, ()), entry, self.largest)
        self.every = _push(self.every, entry, self.largest)

    def best_for(self, c: _Row) -> tuple:
        """The best values at places compatible with c's."""
        if c.place is None:
            return self.every
        return _merge(self.by_place.get(c.place, ()), self.unplaced, self.largest)


def _sweep(queries: list[_Row], candidates: list[_Row], *, mode: str, value, largest: bool
           ) -> dict[int, tuple]:
    """For each query, the best ``value(candidate)`` of two voices among the candidates at
    compatible places whose date is, to the query's: ``same`` the same (or either undated),
    ``upto`` the same or earlier, ``from`` the same or later, ``before`` strictly earlier
    (both dated)."""
    out: dict[int, tuple] = {}
    if not queries or not candidates:
        return out
    dated: dict[str, list[_Row]] = defaultdict(list)
    undated: list[_Row] = []
    for c in candidates:
        if value(c) is None:
            continue
        (undated if c.date is None else dated[c.date]).append(c)
    asked: dict[str | None, list[_Row]] = defaultdict(list)
    for q in queries:
        asked[q.date].append(q)
    if mode == "before":
        undated = []
        asked.pop(None, None)
    if None in asked:  # an undated query meets every date
        every = _Places(largest)
        for c in candidates:
            if value(c) is not None:
                every.add(c, value(c))
        for q in asked.pop(None):
            out[q.id] = every.best_for(q)
    if mode == "same":
        base = _Places(largest)
        for c in undated:
            base.add(c, value(c))
        for date, qs in asked.items():
            here = _Places(largest)
            here.by_place = dict(base.by_place)
            here.unplaced, here.every = base.unplaced, base.every
            for c in dated.get(date, ()):
                here.add(c, value(c))
            for q in qs:
                out[q.id] = here.best_for(q)
        return out
    running = _Places(largest)
    for c in undated:
        running.add(c, value(c))
    dates = sorted(set(dated) | set(asked), reverse=(mode == "from"))
    for date in dates:
        if mode != "before":
            for c in dated.get(date, ()):
                running.add(c, value(c))
        for q in asked.get(date, ()):
            out[q.id] = running.best_for(q)
        if mode == "before":
            for c in dated.get(date, ()):
                running.add(c, value(c))
    return out


def _low(c: _Row) -> int:
    return c.low


def _high(c: _Row) -> int | None:
    return c.high


def _above(lower: list[_Row], upper: list[_Row], mode_up: str, mode_down: str
           ) -> list[tuple[_Row, _Row]]:
    """Pairs (a, b), a from ``lower`` and b from ``upper`` of another voice at a compatible
    place, where b lies wholly above a and b's date stands to a's as ``mode_up`` says: for
    each a, its highest such b, and for each b, its lowest such a."""
    pairs: dict[tuple[int, int], tuple[_Row, _Row]] = {}
    # Most groups' figures overlap: when no figure above lies over the lowest bounded high
    # below, no pair can, and the sweeps are skipped.
    highs = [a.high for a in lower if a.high is not None]
    if not highs or max(b.low for b in upper) <= min(highs):
        return []
    if len(lower) * len(upper) <= _SMALL:
        return _above_directly(lower, upper, mode_up)
    highest = _sweep(lower, upper, mode=mode_up, value=_low, largest=True)
    for a in lower:
        if a.high is None:
            continue
        b = _other(highest.get(a.id, ()), a.voice)
        if b is not None and b[0] > a.high:
            pairs[(a.id, b[2].id)] = (a, b[2])
    lowest = _sweep(upper, lower, mode=mode_down, value=_high, largest=False)
    for b in upper:
        a = _other(lowest.get(b.id, ()), b.voice)
        if a is not None and a[0] < b.low:
            pairs.setdefault((a[2].id, b.id), (a[2], b))
    return list(pairs.values())


# Below this many (lower, upper) pairs, comparing each pair costs less than sweeping.
_SMALL = 1500


def _above_directly(lower: list[_Row], upper: list[_Row], mode: str) -> list[tuple[_Row, _Row]]:
    """:func:`_above` by comparing every pair: for each a its highest b, for each b its
    lowest a, as the sweeps find them."""
    best_b: dict[int, tuple[_Row, _Row]] = {}
    best_a: dict[int, tuple[_Row, _Row]] = {}
    for a in lower:
        high = a.high
        if high is None:
            continue
        for b in upper:
            if b.low <= high or a.voice == b.voice:
                continue
            if a.place is not None and b.place is not None and a.place != b.place:
                continue
            if a.date is not None and b.date is not None and a.date != b.date and (
                    mode == "same" or b.date > a.date):
                continue
            seen = best_b.get(a.id)
            if seen is None or seen[1].low < b.low:
                best_b[a.id] = (a, b)
            seen = best_a.get(b.id)
            if seen is None or seen[0].high > high:
                best_a[b.id] = (a, b)
    pairs = {(a.id, b.id): (a, b) for a, b in best_b.values()}
    for a, b in best_a.values():
        pairs.setdefault((a.id, b.id), (a, b))
    return list(pairs.values())


def _scopes(current: list[_Row]) -> Iterator[tuple[list[_Row], list[_Row]]]:
    """(lower, upper) sets whose pairs are compared: one subject group with itself, and the
    total group with every other group's figures (its parts)."""
    by_unit: dict[str | None, dict[str, list[_Row]]] = defaultdict(lambda: defaultdict(list))
    for c in current:
        by_unit[c.unit][c.subject_group].append(c)
    for groups in by_unit.values():
        for rows in groups.values():
            yield rows, rows
        # A vague word ("several families") is too loose a total to hold parts to.
        totals = [c for c in groups.get(TOTAL_GROUP, ()) if c.row[_QUALIFIER] != "vague"]
        if totals:
            parts = [c for g, rows in groups.items() if g != TOTAL_GROUP for c in rows]
            if parts:
                yield totals, parts


def _contradictions(current: list[_Row], cumulative: bool) -> list[tuple[_Row, _Row]]:
    """Pairs (a, b) that cannot both be true: b wholly above a, a and b of one scope (or a a
    total of b's), of the same date, or b earlier when counts only grow."""
    pairs = []
    mode = "upto" if cumulative else "same"
    for lower, upper in _scopes(current):
        pairs += _above(lower, upper, mode, "from" if cumulative else "same")
    pairs += _place_totals(current, cumulative)
    return pairs


def _rises(current: list[_Row], cumulative: bool) -> list[tuple[_Row, _Row]]:
    """Pairs (earlier, later) of one subject group, another voice each, whose figures lie
    apart: the later above (a rising toll), or, for a count that goes up and down, below."""
    out = []
    for lower, upper in _scopes(current):
        if lower is not upper:
            continue
        lowest = _sweep(upper, lower, mode="before", value=_high, largest=False)
        for b in upper:
            a = _other(lowest.get(b.id, ()), b.voice)
            if a is not None and a[0] < b.low:
                out.append((a[2], b))
        if not cumulative:
            highest = _sweep(lower, upper, mode="before", value=_low, largest=True)
            for a in lower:
                b = _other(highest.get(a.id, ()), a.voice)
                if b is not None and a.high is not None and b[0] > a.high:
                    out.append((b[2], a))
    return out


def _place_totals(current: list[_Row], cumulative: bool) -> list[tuple[_Row, _Row]]:
    """Pairs (total, part) where a country's (or state's) figure lies below the sum of the
    figures for places within it (one per place: its highest), each of another voice, of
    the same date or, when counts only grow, earlier."""
    places = {c.place for c in current if c.place is not None}
    if len(places) < 2:
        return []
    from .places import contains

    names = {c.place: c.row[_LOCATION] or c.place for c in current if c.place is not None}
    within = {p: [q for q in places if q != p and contains(names[p], names[q])] for p in places}
    within = {p: qs for p, qs in within.items() if qs}
    if not within:
        return []
    pairs = []
    for total in current:
        qs = within.get(total.place)
        if not qs or total.high is None:
            continue
        # the innermost places only: a city is not summed with the state that holds it
        inner = [q for q in qs if not any(contains(names[q], names[o]) for o in qs if o != q)]
        best: dict[str, _Row] = {}
        for c in current:
            if (c.place in inner and c.voice != total.voice and c.unit == total.unit
                    and (c.subject_group == total.subject_group or total.subject_group == TOTAL_GROUP)
                    and _in_time(c, total, cumulative)
                    and (c.place not in best or best[c.place].low < c.low)):
                best[c.place] = c
        if best and total.high < sum(c.low for c in best.values()):
            pairs += [(total, c) for c in best.values()]
    return pairs


def _in_time(part: _Row, total: _Row, cumulative: bool) -> bool:
    if part.date is None or total.date is None or part.date == total.date:
        return True
    return cumulative and part.date < total.date


def _nested_places(current: list[_Row]) -> tuple[_Row, _Row] | None:
    """A claim for a place and one of another voice for a place within it, if any."""
    places = {c.place: c.row[_LOCATION] or c.place for c in current if c.place is not None}
    if len(places) < 2:
        return None
    from .places import contains

    pairs = [(a, b) for a in places for b in places if a != b and contains(places[a], places[b])]
    for outer, inner in pairs:
        for total in current:
            if total.place != outer:
                continue
            for part in current:
                if part.place == inner and part.voice != total.voice:
                    return total, part
    return None


def _differs(current: list[_Row]) -> bool:
    """Whether two comparable claims from different speakers give different figures."""
    # Every comparable pair lies in one "clique": a known place's claims plus the unplaced
    # ones (or the unplaced ones alone when no place is known). Within a clique, two speakers
    # and two distinct figures always include a pair that differs.
    by_unit: dict[str | None, dict[str | None, list[_Row]]] = defaultdict(lambda: defaultdict(list))
    for c in current:
        by_unit[c.unit][c.place].append(c)
    for places in by_unit.values():
        sets = {place: ({c.speaker for c in rows}, {(c.subject_group, c.low, c.high) for c in rows})
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


def _verdict(current: list[_Row], cumulative: bool, metric: str) -> tuple[str, set[int], str]:
    pairs = _contradictions(current, cumulative)
    if pairs:
        contradicted = {c.id for pair in pairs for c in pair}
        return CONTRADICTION, contradicted, _explain_contradiction(pairs, metric)
    if _differs(current):
        return DIVERGENT, set(), _explain_divergence(current, _rises(current, cumulative), metric,
                                                     cumulative)
    if _nested_places(current):
        return DIVERGENT, set(), _explain_divergence(current, [], metric, cumulative)
    return AGREE, set(), "The figures agree: their ranges overlap."


# Explanations --------------------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# What the figure counts, after it: "16 police were killed", "2,000 people were arrested".
_PREDICATE = {
    "killed": "were killed", "injured": "were injured", "casualties": "were casualties",
    "hospitalized": "were in hospital", "arrested": "were arrested", "missing": "were missing",
    "kidnapped": "were kidnapped", "displaced": "were displaced", "released": "were released",
    "participants": "took part", "deployed": "were deployed",
}
_SINGULAR = {"were": "was"}
# one of a group, as a sentence names it: "1 police officer was killed", not "1 police was"
_ONE_OF = {"police": "police officer", "security forces": "member of the security forces",
           "civilians": "civilian", "protesters": "protester", "assailants": "assailant",
           "children": "child", "journalists": "journalist", "foreigners": "foreigner"}


def _day(date: str | None, *, year: bool = False) -> str | None:
    try:
        d = _dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        return None
    return f"{d.day} {_MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def _days_between(a: str | None, b: str | None) -> int | None:
    try:
        return (_dt.date.fromisoformat(b[:10]) - _dt.date.fromisoformat(a[:10])).days
    except (TypeError, ValueError):
        return None


_BODIES = ("government", "police", "military", "international", "ngo", "medical")


def _who(c: _Row) -> str:
    """Who gave a figure, as a sentence names them: ``the Interior Ministry``, ``Kazinform``."""
    if _itself(c.row):
        outlet = c.row[_OUTLET]
        return f"{REPORT_ITSELF} ({outlet})" if outlet else REPORT_ITSELF
    name = c.voice_name
    kind = c.row[_ORIGIN_KIND] if c.row[_ORIGIN] else c.row[_SOURCE_KIND]
    if "@" in c.voice or name[:4].casefold() == "the ":
        return name  # an unnamed source as written ("witnesses")
    if name[:1].islower() or (kind in _BODIES and " " in name and name[:1].isalpha()):
        return f"the {name}"  # a body: "the health ministry", "the Interior Ministry"
    return name


def _figure(c: _Row) -> str:
    r = c.row
    low, high = r[_LOW], r[_HIGH]
    if low is not None and low == high:
        return f"{low:,}"
    text = (r[_FIGURE] or "").strip()
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _said(c: _Row, metric: str, *, bare: bool = False) -> str:
    """``16 police were killed in Almaty``; with ``bare``, the figure and its group only."""
    figure = _figure(c)
    group = c.subject_group.replace("_", " ")
    if c.row[_LOW] == 1 == c.row[_HIGH]:
        group = _ONE_OF.get(group, group)
    if group != TOTAL_GROUP:
        of = " of" if c.row[_QUALIFIER] == "vague" else ""
        figure = f"{figure}{of} {group}"
    if bare:
        return figure
    predicate = _PREDICATE.get(metric, f"counted as {metric.replace('_', ' ')}")
    if c.row[_LOW] == 1 == c.row[_HIGH]:
        first, _, rest = predicate.partition(" ")
        predicate = f"{_SINGULAR.get(first, first)} {rest}".strip()
    where = f" in {c.row[_LOCATION]}" if c.row[_LOCATION] else ""
    return f"{figure} {predicate}{where}"


def _when(a: _Row, b: _Row) -> str:
    """How b's date stands to a's: ``a day after``, ``3 days after``, ``the same day``."""
    days = _days_between(a.date, b.date)
    if days is None:
        return ""
    if days == 0:
        return "the same day"
    n = abs(days)
    span = "a day" if n == 1 else f"{n} days"
    return f"{span} {'after' if days > 0 else 'before'}"


def _lead(c: _Row, year: bool = False) -> str:
    day = _day(c.date, year=year)
    return f"On {day} " if day else ""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pair_sentence(a: _Row, b: _Row, metric: str, parts: list[_Row] | None = None) -> str:
    """One pair that cannot both be true, later claim first: ``On 12 February the transport
    ministry said 17 were killed, a day after the regional police said 24.``"""
    later, earlier = (a, b) if (a.date or "") >= (b.date or "") else (b, a)
    year = bool(later.date and earlier.date and later.date[:4] != earlier.date[:4])
    if parts:  # a total below its parts: a is the total
        return _sentence(f"{_lead(a, year)}{_who(a)} said {_said(a, metric)}, fewer than "
                         f"{_parts(a, parts, metric, year)}.")
    when = _when(earlier, later)
    if not when:
        return _sentence(f"{_who(later)} said {_said(later, metric)}; {_who(earlier)} said "
                         f"{_figure(earlier)}.")
    if when == "the same day":
        return _sentence(f"{_lead(later, year)}{_who(later)} said {_said(later, metric)}, and the "
                         f"same day {_who(earlier)} said {_figure(earlier)}.")
    return _sentence(f"{_lead(later, year)}{_who(later)} said {_said(later, metric)}, {when} "
                     f"{_who(earlier)} said {_figure(earlier)}.")


def _parts(total: _Row, parts: list[_Row], metric: str, year: bool) -> str:
    """``the 2,000 the Interior Ministry counted in Almaty on 6 January``; several parts:
    ``the 1,700 that Astana police (800 in Astana) and … add up to``."""
    def where(p: _Row) -> str:
        place = p.row[_LOCATION]
        return f" in {place}" if place and p.place != total.place else ""

    def when(p: _Row) -> str:
        day = _day(p.date, year=year)
        return f" on {day}" if day and p.date != total.date else ""

    if len(parts) == 1:
        p = parts[0]
        return f"the {_said(p, metric, bare=True)} {_who(p)} counted{where(p)}{when(p)}"
    each = [f"{_who(p)} ({_said(p, metric, bare=True)}{where(p)}{when(p)})" for p in parts]
    return f"the {sum(p.low for p in parts):,} that {_and(each)} add up to"


def _deciding(pairs: list[tuple[_Row, _Row]]) -> list[tuple[_Row, _Row, list[_Row] | None]]:
    """The pairs that decide a contradiction, widest gap first, each claim shown once; a
    total below the sum of its parts comes as one item, its parts together."""
    by_total: dict[int, list[_Row]] = defaultdict(list)
    totals = {a.id: a for a, _ in pairs}
    singles = []
    for a, b in pairs:
        if a.subject_group == b.subject_group and a.place and b.place and a.place != b.place:
            by_total[a.id].append(b)  # a place's total and the figures for places within
        elif a.subject_group != b.subject_group:
            by_total[a.id].append(b)  # the total group and a group within it
        else:
            singles.append((a, b, None))
    items = singles + [(totals[t], ps[0], ps) for t, ps in by_total.items()]

    def gap(item):
        a, b, ps = item
        return -(sum(p.low for p in ps) if ps and len(ps) > 1 else b.low) + (a.high or 0), a.id, b.id
    shown, used = [], set()
    for item in sorted(items, key=gap):
        ids = {item[0].id, item[1].id} | {p.id for p in item[2] or ()}
        if ids & used:
            continue
        shown.append(item)
        used |= ids
        if len(shown) == 2:
            break
    return shown


def _explain_contradiction(pairs: list[tuple[_Row, _Row]], metric: str) -> str:
    shown = _deciding(pairs)
    used = {c.id for a, b, ps in shown for c in (a, b, *(ps or ()))}
    text = " ".join(_pair_sentence(a, b, metric, ps if ps and (len(ps) > 1 or a.subject_group
                                                                 != b.subject_group or a.place != b.place)
                                   else None) for a, b, ps in shown)
    more = len({c.id for pair in pairs for c in pair} - used)
    if more:
        text += f" {more} more figure{'s' if more > 1 else ''} disagree{'s' if more == 1 else ''} the same way."
    return text


def _plain(word: str) -> str:
    return word.replace("_", " ")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _explain_divergence(current: list[_Row], moves: list[tuple[_Row, _Row]], metric: str,
                        cumulative: bool) -> str:
    if moves:
        earlier, later = max(moves, key=lambda p: (abs(p[1].low - p[0].low), -p[1].id))
        why = ("a toll that rose, not a contradiction" if cumulative else
               "figures of different days, for a count that goes up and down")
        return _sentence(f"{_lead(later)}{_who(later)} said {_said(later, metric)}, "
                         f"{_when(earlier, later)} {_who(earlier)} said {_figure(earlier)}: {why}.")
    said = []
    by_group: dict[str, list[_Row]] = defaultdict(list)
    for c in current:
        by_group[c.subject_group].append(c)
    overlap, apart = [], []
    for group, rows in by_group.items():
        figures = {(c.low, c.high) for c in rows}
        if len(figures) > 1:
            top = max(low for low, _ in figures)
            bounded = [high for _, high in figures if high is not None]
            (overlap if not bounded or top <= min(bounded) else apart).append(_plain(group))
    if len(by_group) > 1:
        said.append("the figures count different groups" if overlap or apart
                    else "each figure counts a different group")
    nested = _nested_places(current)
    if nested:
        total, part = nested
        inner, outer = part.row[_LOCATION], total.row[_LOCATION]
        said.append(f"{inner} lies in {outer}, so the {_figure(part)} {_who(part)} gave for "
                    f"{inner} are part of the {_figure(total)} {_who(total)} gave for {outer}")
    if overlap and not nested:
        said.append(f"{'those' if said else 'the figures'} for {_and(overlap)} overlap")
    if apart:
        said.append(f"{'those' if said else 'the figures'} for {_and(apart)} that differ come "
                    "from one origin, from different places or from different days")
    if not said:
        said.append("the figures differ but overlap")
    return f"Nothing contradicts: {_and(said)}."


# Groups for display -----------------------------------------------------------------------


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
        return FigureSupport(subject_group, c.row[_LOCATION], low, high,
                             (c.row[_FIGURE],), (c.voice_name,), (c.id,))
    names: dict[str, str] = {}
    for c in rows:
        names.setdefault(c.voice, c.voice_name)
    return FigureSupport(
        subject_group=subject_group,
        location=rows[0].row[_LOCATION],
        low=low,
        high=high,
        figures=tuple(dict.fromkeys(c.row[_FIGURE] for c in rows)),
        origins=tuple(names.values()),
        claims=tuple(c.id for c in rows),
    )


def _group_claim(c: _Row, origins: int, superseded: bool, contradicted: bool) -> GroupClaim:
    r = c.row
    return GroupClaim(
        claim=c.id,
        figure=r[_FIGURE],
        qualifier=r[_QUALIFIER],
        value=r[_VALUE],
        low=r[_LOW],
        high=r[_HIGH],
        subject_group=c.subject_group,
        location=r[_LOCATION],
        hedge=r[_HEDGE],
        source=r[_SOURCE],
        origin=c.voice_name,
        voice=c.voice,
        report=c.report,
        outlet=r[_OUTLET],
        title=r[_TITLE],
        date=c.date,
        origins=origins,
        superseded=superseded,
        contradicted=contradicted,
        itself=_itself(r),
    )
