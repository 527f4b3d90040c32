"""Parts and periods: a figure that counts only some of a group its report counts, or a
running count over a span of time rather than the incident (SPEC §2, §6 "Parts and totals").

Read from the grammar layer (:mod:`.grammar`), over the figure's noun phrase and the clause
that holds it, never a window of words:

- **part** (``Claim.part``): the figure counts a subset of a group the same report counts.
  The noun phrase or its predicate narrows the counted people by a severity or a condition
  (``two critically hurt``, ``three with life-threatening wounds``, ``two were in serious
  condition``, ``two had serious injuries``); it is a partitive of a counted whole (``two of
  them``, ``one of whom``, ``three of the victims``) or opens on ``among them`` /
  ``including``; it is the first member of an enumeration (``one … in the leg, another in
  the arm``); it names people the report has met (``the six men shot``); it counts one site
  of an incident at several (``two more at a car wash``); it is one clause's count of a group
  split over clauses joined by "and" (``three were taken by ambulance and two others by
  car``). Each of these is a part only when another figure of the report counts the whole:
  one of the same metric, or of a metric that holds it (lexicon ``[parts] wholes``: the
  injured among the people shot), larger than the part, and of the part's subject group (a
  part of another group, ``including four children`` of the people killed, is a part by its
  group already: SPEC §6 Scope). ``others`` / ``the other four`` / ``another`` set the
  counted people beside a group counted earlier in the report (a figure or one person
  named): a part when such a group comes before it, never in a report that counts nobody
  before.
- **conjunct**: a member of a coordination of counts under one predicate (``two women and a
  baby were killed``) is a part of the group the coordination sums, whatever the report's
  other figures, when another member is of its group or it counts the generic ``people``; the
  tallies sum the members (:func:`for_tallies`).
- **period** (``Claim.period``, the words as written): the figure counts a span of time or a
  place's running total, not the incident: ``since <a month, a year, the start of …>``,
  ``this year`` / ``so far this year`` / ``so far in 2016`` (not ``earlier this year``: a
  date of the incident), ``in the past six months``, ``through the end of October`` (a
  span's end named as ``since`` names its start: a month, a year, the end of one). A period
  phrase that follows an ordinal after the figure (``the two deaths were the city's 30th and
  31st homicides this year``) is the ordinal's, not the figure's. ``since`` as a reason
  (``since police said …``) takes no time word and opens no period.

Words are lexicon data (``[parts]``, ``[periods]``); nothing here drops a claim: a part and a
period are flagged, and conflicts (``claimtrack.conflicts``) decide what they bound.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..models import Claim
from .grammar import Parse
from .lexicon import Lexicon
from .numbers import words_to_int

__all__ = ["Reading", "read", "settle", "for_tallies"]

OTHERS = "others"
SEVERITY = "severity"
PARTITIVE = "partitive"
OPENER = "opener"
ENUMERATION = "enumeration"
CONJUNCT = "conjunct"
SITE = "site"
SPLIT = "split"
DEFINITE = "definite"
_ENDS = frozenset({";", ":", ".", "!", "?"})
_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\Z")
_VERB_TAGS = frozenset({"PART", "ADV", "AUX", "GER", "MODAL", "NEG"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What the grammar says of one figure: the kind of part it may be, and its period."""

    kind: str | None = None  # others, severity, partitive, opener, enumeration, conjunct, site,
    # split, definite
    period: str | None = None  # the words that give the span, as written
    # for a conjunct: the other members of its coordination (figure numbers in the sentence as
    # :func:`read` gives them; the engine turns them into the figures' starts in the text)
    conjuncts: tuple[int, ...] = ()


@lru_cache(maxsize=8)
def _words(lex: Lexicon) -> dict:
    parts = lex.data.get("parts", {})
    periods = lex.data.get("periods", {})

    def low(table: dict, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, ()))

    return {
        "severity": low(parts, "severity"), "conditions": low(parts, "condition_nouns"),
        "others": low(parts, "others"), "openers": low(parts, "openers"),
        "enumerations": low(parts, "enumerations"), "totals": low(parts, "totals"),
        "wholes": {m: frozenset(ws) for m, ws in parts.get("wholes", {}).items()},
        "since": low(periods, "since"), "states": low(periods, "states"), "spans": low(periods, "spans"),
        "units": low(periods, "units"), "span_openers": low(periods, "span_openers"),
        "span_adjectives": low(periods, "span_adjectives"),
        "dates_before": low(periods, "dates_before"),
        "until": low(periods, "until"), "until_ends": low(periods, "until_ends"),
        "venues": low(parts, "venues"), "definite": low(parts, "definite"),
        "ordinals": low(parts, "enumeration_ordinals"),
    }


def _clause(p: Parse, k: int, np_end: int) -> tuple[int, int]:
    """The tokens of the clause that holds figure token ``k``: from the clause's start (or
    past the figure before it) to the next clause boundary, figure, or a clause joined by a
    comma and a participle, a conjunction or a relative pronoun, or by a conjunction that
    opens a new subject."""
    toks = p.tokens
    n = len(toks)
    lo = p.clause_start(k)
    for j in range(k - 1, lo - 1, -1):
        if toks[j].tag == "NUM":
            lo = j + 1
            break
    hi = n
    for j in range(max(np_end, k + 1), n):
        t = toks[j]
        if t.tag in ("NUM", "SUB") or t.text in _ENDS:
            hi = j
            break
        nxt = toks[j + 1] if j + 1 < n else None
        if t.text == "," and nxt is not None and (nxt.tag in ("GER", "CONJ", "REL", "DET", "PRON")
                                                  or nxt.low.endswith("ing")):
            # a clause or a noun phrase of its own after a comma: "…, some of them seriously"
            hi = j
            break
        if t.tag == "CONJ" and nxt is not None and nxt.tag not in _VERB_TAGS:
            hi = j  # "two were killed and a third was hurt": a new subject, a clause of its own
            break
    return lo, hi


def _kind(p: Parse, k: int, np, lo: int, hi: int, w: dict) -> str | None:
    toks = p.tokens
    n = len(toks)
    # "three others", "two other men", "the other four", "another 3"
    before = toks[k - 1].low if k >= 1 else ""
    after = toks[k + 1].low if k + 1 < n else ""
    if before in w["others"] or (after in w["others"] and k + 1 < np.end + 1):
        return OTHERS
    if np.partitive:  # "two of them", "one of whom", "three of the victims"
        return PARTITIVE
    # "among them 3 children", "including two officers"; "… were among them"
    j = k - 1
    while j >= lo and toks[j].tag in ("DET", "PRON"):
        j -= 1
    if j >= lo and toks[j].low == "among" and toks[j + 1].tag != "PRON":
        # "a man who was among five people shot … is in critical condition": the figure is the
        # group that holds someone, never a part, whatever is said of the one
        return None
    if j >= lo and toks[j].low in w["openers"]:
        return OPENER
    for j in range(max(np.end, k + 1), hi - 1):
        if toks[j].low in w["openers"] and toks[j + 1].tag == "PRON" and toks[j - 1].tag == "AUX":
            return OPENER  # "3 children were among them"
    # "the six men shot", "those four": people the report has met, a part of a larger count
    # (whatever is said of them all: "the six men shot are all in stable condition")
    if k >= 1 and toks[k - 1].low in w["definite"]:
        return DEFINITE
    # a severity or a condition in the noun phrase or its predicate; "all four", "were all
    # in stable condition" describe the whole group, not a part of it
    if any(toks[j].low in w["totals"] for j in range(max(lo, k - 1), hi) if j != k):
        return None
    for j in range(np.start, hi):
        if j == k:
            continue
        t = toks[j]
        if t.low in w["severity"] or (t.low in w["conditions"] and j > 0 and toks[j - 1].tag == "WORD"):
            return SEVERITY
    # "one … in the leg, another in the arm"
    if toks[k].low in ("one", "1"):
        for j in range(hi, n):
            if toks[j].low in w["enumerations"] and j > 0 and \
                    (toks[j - 1].text in (",", ";") or toks[j - 1].tag == "CONJ"):
                return ENUMERATION
            if toks[j].low in w["ordinals"] and j > 1 and toks[j - 1].low in ("a", "an") and \
                    (toks[j - 2].text in (",", ";") or toks[j - 2].tag == "CONJ"):
                return ENUMERATION  # "one woman was dead … and a second woman …"
    return None


def _period(p: Parse, k: int, np_end: int, verb_at: int, lo: int, hi: int, w: dict) -> str | None:
    toks = p.tokens
    s = p.sentence
    # a span that opens the clause scopes over every figure in it: "Since June, 40 people have
    # been shot and 12 killed"
    lo = p.clause_start(k)
    for j in range(lo, hi):
        t = toks[j]
        found = None
        if (t.low == "since" or t.low in w["until"]) and j + 1 < len(toks) and \
                not (j and toks[j - 1].low in w["states"]):
            m = j + 1
            while m < len(toks) and toks[m].tag == "DET":
                m += 1
            if m < len(toks) and (toks[m].low in w["since"] or _YEAR.match(toks[m].text) or
                                  (t.low != "since" and toks[m].low in w["until_ends"])):
                end = m
                # "since the start of the year", "since January 2015", "since last summer"
                while end + 1 < len(toks) and end - m < 4 and (
                        toks[end + 1].low == "of" or toks[end + 1].tag in ("DET",) or
                        _YEAR.match(toks[end + 1].text) or toks[end + 1].low in w["spans"] or
                        toks[end + 1].low in w["since"] or
                        (toks[end + 1].text.isdigit() and toks[end + 1].tag != "NUM")):
                    end += 1
                while toks[end].tag in ("DET", "PREP"):
                    end -= 1
                if toks[m].low in w["until_ends"] and not any(
                        toks[e].low in w["since"] or toks[e].low in w["spans"] or _YEAR.match(toks[e].text)
                        for e in range(m + 1, end + 1)):
                    continue  # "through the end of the day": the end of no span a count is kept over
                found = (j, end)
                if t.low != "since" and j >= 2 and toks[j - 2].low == "from":
                    found = (j - 2, end)  # "from January through March"
        elif t.low == "this" and j + 1 < len(toks) and toks[j + 1].low in w["spans"]:
            prev = toks[j - 1].low if j >= 1 else ""
            start = j
            if prev == "far" and j >= 2:
                start = j - 2  # "so far this year"
            elif prev in w["dates_before"] or prev in w["since"]:
                continue  # "earlier this year", "in March this year": a date, not a span
            found = (start, j + 1)
        elif t.low == "far" and j >= 1 and toks[j - 1].low == "so" and j + 2 < len(toks) and \
                toks[j + 1].low == "in" and _YEAR.match(toks[j + 2].text):
            found = (j - 1, j + 2)  # "so far in 2016"
        elif t.low in w["span_openers"] and j + 2 < len(toks) and toks[j + 1].tag == "DET" and \
                toks[j + 2].low in w["span_adjectives"]:
            for m in range(j + 3, min(len(toks), j + 6)):
                if toks[m].low in w["units"]:
                    found = (j, m)  # "in the past six months"
                    break
                if toks[m].tag not in ("WORD", "NUM") or m > hi:
                    break
        if found is None:
            continue
        a, b = found
        if np_end <= a < verb_at:
            continue  # in an aside or a relative clause on the noun: "… held since May, were freed"
        if a < k and any(toks[m].tag not in ("ADV", "CONJ", "PUNCT", "SUB") for m in range(lo, a)):
            continue  # before the figure, a span opens its clause ("So far this year, …") or is no one's
        if a > k and any(_ORDINAL.match(toks[m].text) for m in range(k + 1, a)):
            continue  # "… were the city's 30th and 31st homicides this year": the ordinal's span
        return s[p.starts[a]:p.ends[b]]
    return None


def read(p: Parse, n: int, lex: Lexicon) -> Reading | None:
    """The part kind and the period of figure number ``n`` of the parse ``p``, if any."""
    k = p.index.get(n)
    if k is None:
        return None
    np = p.noun_phrase(n)
    if np is None:
        return None
    w = _words(lex)
    # the clause runs past an aside on the noun: "two kids, 11 and 13, are in critical condition"
    lo, hi = _clause(p, k, max(np.end, np.verb_at))
    kind = _kind(p, k, np, lo, hi, w)
    conjuncts: tuple[int, ...] = ()
    if kind in (None, SEVERITY, DEFINITE):  # "the two men and two women found shot"
        conjuncts = tuple(m for m in _coordination(p, n) if m != n)
        if conjuncts:
            kind = CONJUNCT
    if kind is None and _at_site(p, k, w):
        kind = SITE
    if kind is None:
        conjuncts = _split_with(p, n, np)
        if conjuncts:
            kind = SPLIT
    period = _period(p, k, np.end, np.verb_at, lo, hi, w)
    if kind is None and period is None:
        return None
    return Reading(kind, period, conjuncts)


def _split_with(p: Parse, n: int, np) -> tuple[int, ...]:
    """The figures of the clauses joined to figure ``n``'s by "and" that open on their own
    count (``three were taken by ambulance and two others went by car``): a group split in
    two, each clause's count a part of it. A clause has a verb between its count and the
    "and" (``two women and a baby`` is one phrase: :func:`_coordination`)."""
    toks = p.tokens
    k = p.index[n]
    out = []
    for m, at in p.index.items():
        if m == n:
            continue
        first, later = (k, at) if k < at else (at, k)
        j = later - 1
        if j >= 0 and toks[j].tag == "DET":
            j -= 1
        if j <= first or toks[j].low != "and":
            continue
        span = range(first + 1, j)
        if any(toks[i].text in _ENDS for i in span):
            continue
        if any(toks[i].tag in ("PART", "AUX", "GER") for i in span):
            out.append(m)
    return tuple(out)


def _at_site(p: Parse, k: int, w: dict) -> bool:
    """Whether the clause of figure token ``k`` (with the clauses joined to it by "and", as in
    ``two were shot dead and two others wounded at a barbershop``) places its people at a site:
    ``at`` and a venue (a determiner and a noun of the lexicon's ``[parts] venues`` within
    four words: ``at a barber shop``, ``at the Elm Street bar``) or a business named by its
    owner (``at Gaffey's``). An incident at several sites counts each site's people apart."""
    toks = p.tokens
    n = len(toks)
    lo = p.clause_start(k)
    for j in range(lo, n):
        t = toks[j]
        if j > k and (t.tag == "SUB" or t.text in _ENDS):
            break
        if t.low != "at" or j + 1 >= n:
            continue
        nxt = toks[j + 1]
        if nxt.tag == "NAME" and nxt.low.endswith(("'s", "’s")):
            return True
        if nxt.tag == "DET":
            for m in range(j + 2, min(n, j + 6)):
                if toks[m].low in w["venues"]:
                    return True
                if toks[m].tag not in ("WORD", "NAME", "PART", "GER") and toks[m].text != "-":
                    break
    return False


def _chain(p: Parse, fig: int) -> list[int] | None:
    """The figures of a coordination of counted noun phrases that opens on figure ``fig``
    (``two men, a woman and a boy``, ``two women and a baby``): the phrases are joined by
    commas and one closing ``and``. A list set off by commas after a noun phrase is an
    apposition that breaks a group down, not a coordination (``four people, two men and two
    women, were shot``): None then, as for a lone phrase."""
    toks = p.tokens
    n = len(toks)
    np = p.noun_phrase(fig)
    if np is None or _bare(p, np):
        return None
    members, links = [fig], []
    e = np.end
    while e + 1 < n:
        t = toks[e]
        if t.text == "," and toks[e + 1].low == "and":
            link, nxt = "and", e + 2  # the serial comma
        elif t.low == "and" or t.text == ",":
            link, nxt = ("and" if t.low == "and" else ","), e + 1
        else:
            break
        if nxt >= n or toks[nxt].tag != "NUM":
            break
        following = p.noun_phrase(toks[nxt].fig)
        if following is None or _bare(p, following):
            return None  # "3, 5, 7 and 9 people": numbers sharing one noun, a series
        members.append(toks[nxt].fig)
        links.append(link)
        e = following.end
        if link == "and":
            break  # a list ends on its "and"
    if len(members) < 2 or links[-1] != "and":
        return None
    if links[0] == "," and e < n and toks[e].text == ",":
        return None  # "four people, two men and two women, were shot": an apposition
    return members


def _bare(p: Parse, np) -> bool:
    """Whether a noun phrase is a number with no noun of its own (``3`` in ``3 and 4 people``);
    a person named without a numeral (``a man``, ``Ana Ruiz``) is a phrase of its own."""
    if np.head is not None:
        return False
    last = p.tokens[np.start].low.split()[-1]
    return last[:1].isdigit() or words_to_int(last) is not None


def _coordination(p: Parse, n: int) -> list[int]:
    """The figures coordinated with figure ``n`` (itself included), or an empty list."""
    for first in range(n + 1):
        members = _chain(p, first)
        if members and n in members:
            return members
    return []


def _holds(whole: Claim, part: Claim) -> bool:
    """Whether ``whole`` counts more people than ``part``: a part is a proper subset."""
    high = whole.figure.high
    least = part.figure.high if part.figure.high is not None else (part.figure.low or 0)
    return high is None or high > least


# the kinds of a figure that may count the whole a part is of
_WHOLES = frozenset({None, OTHERS, SITE, CONJUNCT, SPLIT, DEFINITE})


def _compatible(a: str, b: str, wholes_of: dict) -> bool:
    """Whether two metrics count the same outcome, or one holds the other (the injured are
    among the people shot)."""
    return a == b or a in wholes_of.get(b, ()) or b in wholes_of.get(a, ())


def settle(claims: list[Claim], readings: dict[int, Reading], lex: Lexicon) -> list[Claim]:
    """``claims`` (one report's, stated, in order) with ``part`` and ``period`` set from the
    readings (keyed by figure start), where the report counts the whole a part is of."""
    if not readings:
        return claims
    wholes_of = _words(lex)["wholes"]
    none = Reading()

    def whole(o: Claim) -> bool:
        r = readings.get(o.figure.start, none)
        # others beside a group counted before are the whole of their own metric ("two dead
        # and four others hurt": the four hurt are every one hurt the report counts)
        # (a count at a site is the whole when nothing counts more: "opened fire at a bar,
        # killing four")
        return not o.derived and not o.individual and r.kind in _WHOLES and \
            r.period is None and o.metric != "other"

    out = []
    for c in claims:
        r = readings.get(c.figure.start)
        if r is None or c.derived or c.individual or c.metric == "other":
            out.append(c)
            continue
        part = False
        if r.kind == CONJUNCT:
            # a member of a coordination of counts under one predicate ("two women and a baby
            # were killed") counts a part of the group the coordination sums, when another
            # member is of its group or it is the generic one ("people"): "12 rebels and 3
            # police" are the whole of two groups
            part = any(o is not c and o.figure.start in r.conjuncts
                       and _compatible(o.metric, c.metric, wholes_of)
                       and c.subject_group in (o.subject_group, "people") for o in claims)
        elif r.kind == SPLIT:
            # one of the clauses that split a group ("three were taken by ambulance and two others
            # by car"): a part when a clause beside it counts the same outcome, and the report
            # counts more of it
            allowed = {c.metric} | wholes_of.get(c.metric, frozenset())
            part = any(o is not c and o.figure.start in r.conjuncts
                       and _compatible(o.metric, c.metric, wholes_of) for o in claims) and \
                any(o is not c and o.figure.start not in r.conjuncts and o.metric in allowed
                    and c.subject_group in (o.subject_group, "people") and whole(o) and _holds(o, c)
                    for o in claims)
        elif r.kind == OTHERS:
            # others beside a group counted before of the same metric, or of one that holds it
            # ("five were shot … the other three were treated": a part of the five); beside a
            # group of another outcome they are the whole of their own ("two killed and four
            # others wounded": every one wounded the report counts)
            allowed = {c.metric} | wholes_of.get(c.metric, frozenset())
            part = any(o.figure.start < c.figure.start and o.metric in allowed and not o.derived
                       and readings.get(o.figure.start, none).period is None for o in claims)
        elif r.kind is not None:
            # a whole of the same subject group: a part of another group ("including four
            # children" of the people killed) is a part by its group already (SPEC §6 Scope)
            allowed = {c.metric} | wholes_of.get(c.metric, frozenset())
            # (a generic noun, group "people", names a part of any group: "among them 4 women")
            part = any(o is not c and o.metric in allowed and c.subject_group in (o.subject_group, "people")
                       and whole(o) and _holds(o, c) for o in claims)
        out.append(replace(c, part=part, period=r.period) if part or r.period else c)
    return out


# the parts that are a subset of a count the report gives, which the tallies leave to it
# (others beside a group add to it; a severity the tallies weigh themselves; a coordination's
# members are summed)
_SUBSETS = frozenset({PARTITIVE, OPENER, ENUMERATION, SITE, SPLIT, DEFINITE})


def for_tallies(claims: list[Claim], readings: dict[int, Reading], lex: Lexicon
                ) -> tuple[list[Claim], dict[int, tuple[int, ...]]]:
    """The claims as the tallies should read them, and the coordinations they stand for.

    A period figure and a subset of a count the report gives (``one of them remains in
    hospital``, ``the six men shot``, a site's count) are no count of the incident's people.
    Others beside a group add to it, and the tallies weigh a count of the badly hurt
    themselves (a smaller one is a part of the survivors, an equal one covers them): both
    stay. The members of a coordination (``two men and two women were shot``, ``four
    teenagers and a driver``) are read as one count of their sum, on the first member (its
    group the members' own when they share one, else ``people``); the others are left out.
    The mapping gives, for each such first member's position, the positions of all members.
    """
    if not readings:
        return claims, {}
    out = []
    at = {c.figure.start: i for i, c in enumerate(claims)}
    wholes_of = _words(lex)["wholes"]
    found: list[list[int]] = []  # the positions of each coordination's members, in order
    grouped: set[int] = set()
    for i, c in enumerate(claims):
        r = readings.get(c.figure.start)
        hidden = not c.derived and (c.period or (c.part and r is not None and r.kind in _SUBSETS))
        out.append(replace(c, metric="other") if hidden else c)
        if r is not None and r.kind == CONJUNCT and not c.derived and i not in grouped:
            # every member's reading names all the others: the first member met gives them all
            idx = sorted({i} | {at[s] for s in r.conjuncts if s in at
                                and _compatible(claims[at[s]].metric, c.metric, wholes_of)})
            grouped.update(idx)
            found.append(idx)
    coordinations: dict[int, tuple[int, ...]] = {}
    for idx in found:
        if len(idx) < 2 or any(claims[i].figure.value is None or claims[i].figure.low != claims[i].figure.high
                               for i in idx):
            continue  # a sum of figures that are no exact numbers is none a coder writes down
        first = claims[idx[0]]
        total = sum(claims[i].figure.value for i in idx)
        own = {claims[i].subject_group for i in idx}
        metric = next((claims[i].metric for i in idx if not claims[i].individual), first.metric)
        out[idx[0]] = replace(first, metric=metric, individual=False, part=False,
                              subject_group=own.pop() if len(own) == 1 else "people",
                              figure=replace(first.figure, value=total, low=total, high=total))
        for i in idx[1:]:
            out[i] = replace(out[i], metric="other")
        coordinations[idx[0]] = tuple(idx)
    return out, coordinations
