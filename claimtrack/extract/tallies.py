"""Report tallies (SPEC §2): the total a coder reads off a report that states none.

For a metric the report gives no total for, a derived claim (``derived = "tally"``) sums what
it does state: its individuals and its counts of distinct groups (``a man and a 2-year-old
boy were killed`` → 2; ``two officers and three bystanders were hurt`` → 5). For a group
shot, the outcome arithmetic a coder does: ``four people were shot, one fatally`` gives
injured 3 (the killed one is stated already); ``shot`` with no death stated gives injured; a
smaller count of the badly hurt among them (``two are in critical condition``) is a part of
the survivors, not their total. A group taken to hospital after a harm (``gunfire that put
three guests in hospital``) is counted among the injured when no stated count covers it.

A tally lists the positions, among the report's claims, of the claims it sums, has no span
of its own, takes the source its parts share (else the report itself), and changes no
stated claim.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..models import Attribution, Claim, Figure

# the metrics a person is counted in, one tally each
TALLIED = ("killed", "injured", "arrested", "kidnapped", "missing", "released")
# "… were shot", "… have been shot", "shooting four people": the figure counts people shot
_SHOT_AFTER = re.compile(r"[^,.;:]{0,60}?\b(?:were|was|have\s+been|had\s+been|got|being)\s+(?:(?:also|all|each|both|then)\s+)?shot\b(?!\s+(?:dead|and\s+killed|to\s+death))",
                         re.IGNORECASE)
# what tells that a group taken to hospital was hurt, not taken ill
_HARM = re.compile(r"\b(?:wound\w*|injur\w*|hurt|shot|shooting|gunfire|gunshots?|stabb\w*|attack\w*|kill\w*|"
                   r"blast|explosion|crash\w*|collision|beaten|assault\w*)\b", re.IGNORECASE)
_SHOT_BEFORE = re.compile(r"\b(?:shot|shooting|shoots)\s+(?:at\s+least\s+)?\Z", re.IGNORECASE)
# "11 others shot", "four people shot in the leg": a reduced relative after the counted noun
_SHOT_REDUCED = re.compile(r"(?:\s+(?:other|more))?\s+[a-z]+\s+shot\b(?!\s+(?:dead|and\s+killed|to\s+death))",
                           re.IGNORECASE)
# "three of the victims who were shot": a part of a group counted elsewhere, not a group's total
_PART_OF = re.compile(r"\s+of\s", re.IGNORECASE)
# "four others were shot": a group apart from the dead the sentence counted before it
_OTHERS = re.compile(r"\s+(?:others\b|other\s+[a-z]+)", re.IGNORECASE)


def _exact(c: Claim) -> bool:
    f = c.figure
    return f.qualifier == "exact" and f.low == f.high == f.value and f.value is not None


def _stated(c: Claim) -> bool:
    return not c.derived


def _shot_count(c: Claim) -> bool:
    """Whether a casualties figure counts people shot (not the ambiguous word itself)."""
    if c.metric != "casualties" or not _exact(c):
        return False
    rel_start, rel_end = c.start - c.sentence_start, c.end - c.sentence_start
    if _PART_OF.match(c.sentence, rel_end):
        return False
    return _SHOT_AFTER.match(c.sentence, rel_end) is not None or \
        _SHOT_REDUCED.match(c.sentence, rel_end) is not None or \
        _SHOT_BEFORE.search(c.sentence, max(0, rel_start - 30), rel_start) is not None


def _one_value(claims: list[Claim]) -> int | None:
    """The value several mentions of one count agree on, else None."""
    values = {c.figure.value for c in claims}
    return values.pop() if len(values) == 1 else None


def _tally(claims: list[Claim], indices: list[int], value: int, metric: str) -> Claim:
    parts = [claims[i] for i in indices]
    groups = {p.subject_group for p in parts}
    chains = {p.attribution.chain for p in parts}
    locations = {p.location for p in parts}
    first = parts[0]
    fig = Figure(surface=str(value), qualifier="exact", value=value, low=value, high=value,
                 start=first.start, end=first.start)
    return Claim(
        figure=fig, metric=metric, subject=None,
        subject_group=groups.pop() if len(groups) == 1 else "people",
        location=locations.pop() if len(locations) == 1 else None,
        attribution=Attribution(chains.pop() if len(chains) == 1 else ()),
        sentence="", sentence_start=first.sentence_start,
        derived="tally", parts=tuple(indices),
    )


def _sum_of_parts(claims: list[Claim], metric: str, sums: frozenset[int] = frozenset()
                  ) -> tuple[list[int], int] | None:
    """The claims of ``metric`` that add up to the report's total, with the total; None when
    the report states a total itself, or when what it states cannot be summed soundly.
    ``sums``: the positions of counts that stand for a coordination's sum (no stated total)."""
    mine = [i for i, c in enumerate(claims) if c.metric == metric and _stated(c)]
    if not mine or any(not _exact(claims[i]) for i in mine):
        return None
    counts = [i for i in mine if not claims[i].individual]
    people = [i for i in mine if claims[i].individual]
    by_group: dict[str, list[int]] = {}
    for i in counts:
        by_group.setdefault(claims[i].subject_group, []).append(i)
    if any(i not in sums for i in by_group.get("people", ())):
        return None  # a count of people at large is the report's own total
    parts: list[int] = []
    total = 0
    for group, idx in by_group.items():
        value = _one_value([claims[i] for i in idx])
        if value is None:
            return None  # two different counts of one group: an update, not parts
        parts.append(idx[0])
        total += value
    for i in people:
        if claims[i].subject_group in by_group:
            continue  # a person of a group counted with a numeral: inside that count
        parts.append(i)
        total += 1
    if len(parts) < 2 and not (parts and parts[0] in sums):
        return None  # one stated figure is its own total
    return sorted(parts), total


def tallies(claims: list[Claim], coordinations: dict[int, tuple[int, ...]] | None = None) -> list[Claim]:
    """The derived claims for ``claims`` (one report's, in order): append them after it.

    ``coordinations``: for a count that stands for the sum of a coordination (``two men and
    two women``, read so by :func:`claimtrack.extract.parts.for_tallies`), the positions of
    all its members: a tally that sums it lists them all."""
    out = _tallies(claims, frozenset(coordinations or ()))
    if coordinations:
        out = [replace(t, parts=tuple(sorted({m for i in t.parts for m in coordinations.get(i, (i,))})))
               for t in out]
    return out


def _tallies(claims: list[Claim], sums: frozenset[int]) -> list[Claim]:
    out: list[Claim] = []
    killed_total = None
    # most reports state one figure per metric or none: nothing to sum, nobody shot
    per_metric: dict[str, int] = {}
    for c in claims:
        per_metric[c.metric] = per_metric.get(c.metric, 0) + 1
    if all(per_metric.get(m, 0) < 2 for m in TALLIED) and not per_metric.get("casualties") and \
            not per_metric.get("hospitalized") and not sums:
        return out
    for metric in TALLIED:
        if metric == "injured":
            shot = _shot_tally(claims, killed_total)
            if shot is not None:
                out.append(shot)
                continue
        found = _sum_of_parts(claims, metric, sums)
        if metric == "injured":
            # the group taken to hospital, when it is more than the parts summed
            cared = _cared_tally(claims)
            if cared is not None and (found is None or cared.figure.value > found[1]):
                out.append(cared)
                continue
        if found is not None:
            parts, total = found
            out.append(_tally(claims, parts, total, metric))
            if metric == "killed":
                killed_total = (parts, total)
        elif metric == "killed":
            stated = [i for i, c in enumerate(claims) if c.metric == "killed" and _exact(c)
                      and c.subject_group != "assailants"]
            value = _one_value([claims[i] for i in stated]) if stated else None
            if value is not None:
                killed_total = ([stated[0]], value)
    return out


def _covered(claims: list[Claim], wounded: int) -> bool:
    """Whether the report states an injured count that covers ``wounded`` people hurt: one at
    least as large, or one that is no exact number (a vague count is the report's own). A
    smaller exact count is a part of them ("four were shot, two are in critical condition")."""
    for c in claims:
        if c.metric == "injured" and _stated(c) and not c.individual:
            if not _exact(c) or c.figure.value >= wounded:
                return True
    return False


def _cared_tally(claims: list[Claim]) -> Claim | None:
    """Injured = the group taken to hospital, when the report tells of a harm done to people
    (people hurt or shot stated, or the group's own sentence names a wound, a shooting, an
    attack or a killing) and states no injured count that covers the group: a coder counts
    the wounded "taken to hospital" or "sent to the hospital" among the injured."""
    cared = [i for i, c in enumerate(claims) if c.metric == "hospitalized" and _stated(c) and not c.individual]
    if not cared or any(not _exact(claims[i]) for i in cared):
        return None
    value = _one_value([claims[i] for i in cared])
    if not value or _covered(claims, value):
        return None
    first = claims[cared[0]]
    harm = any(c.metric in ("injured", "casualties") and _stated(c) for c in claims) or \
        any(c.metric == "killed" and _stated(c) and _HARM.search(c.sentence) for c in claims) or \
        any(_HARM.search(claims[i].sentence) for i in cared)
    if not harm:
        return None
    tally = _tally(claims, [cared[0]], value, "injured")
    return replace(tally, subject_group=first.subject_group, attribution=Attribution(first.attribution.chain))


def _shot_tally(claims: list[Claim], killed: tuple[list[int], int] | None) -> Claim | None:
    """Injured = shot − killed, when the report states people shot and no injured count that
    covers the survivors."""
    shot = [i for i, c in enumerate(claims) if _shot_count(c)]
    value = _one_value([claims[i] for i in shot]) if shot else None
    if value is None and shot:
        # the report's first count of people shot, larger than every later one, is its total and
        # the later ones its parts ("four people were shot … three males were hit … one woman")
        first = claims[shot[0]].figure.value
        if all(claims[i].figure.value < first for i in shot[1:]):
            value, shot = first, [shot[0]]
    if value is None:
        return None
    at = claims[shot[0]].sentence_start
    # the dead among them: a death stated in the same sentence ("one fatally", "and two died"),
    # else the report's count of the dead when it states one
    same = [i for i, c in enumerate(claims) if c.metric == "killed" and _stated(c) and _exact(c)
            and c.sentence_start == at and c.subject_group != "assailants"]
    first = claims[shot[0]]
    apart = _OTHERS.match(first.sentence, first.end - first.sentence_start) is not None
    if same and apart and all(claims[i].start < first.start for i in same):
        parts, dead = [], 0  # "one dead and 11 others shot": the others are the wounded
    elif same:
        parts, dead = same, sum(claims[i].figure.value for i in same)
    elif killed is not None and not any(claims[i].individual for i in killed[0]):
        parts, dead = killed
    else:
        parts, dead = [], 0
    if dead > value or value - dead == 0 or _covered(claims, value - dead):
        return None
    tally = _tally(claims, sorted({shot[0], *parts}), value - dead, "injured")
    # the people shot are the group counted: the tally takes their group and source
    return replace(tally, subject_group=claims[shot[0]].subject_group,
                   attribution=Attribution(claims[shot[0]].attribution.chain))
