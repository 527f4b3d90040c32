"""Claim dates (SPEC §2): the day a sentence gives a figure, resolved against the report's date.

A figure is dated by its report unless its clause dates it: a weekday (``on Monday``: the last
one on or before the report's day), a relative day (``yesterday``, ``a day earlier``, ``two
days earlier``, ``three years ago``, ``last week``: the Monday of the week before), or a calendar date
(``on January 6``, ``6 January``, ``on 25 June 2024``; without a year, the day of that name nearest
the report's, the earlier one on a tie), or a month of an earlier year (``in December of 2013``:
its first day). A date inside the clause of the figure counts, the nearest first;
``as_of`` stays empty when it is the report's own day or the report is undated.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..models import Claim
from .metrics import _phrase_alt, folded

_MONTHS = {m: i + 1 for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"))}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"))}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_MONTH_WORDS = r"january|february|march|april|may|june|july|august|september|october|november|december|" \
               r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_MONTH = rf"(?P<month>{_MONTH_WORDS})\.?"
_DATE = re.compile(
    rf"\b(?=[\dadfjlmnostwyADFJLMNOSTWY])(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|"
    rf"afternoon|evening))?"
    rf"|{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>january|february|march|april|may|june|july|"
    rf"august|september|october|november|december)(?:,?\s+(?P<year2>(?:19|20)\d\d))?"
    rf"|(?P<month3>{_MONTH_WORDS})\.?\s+(?:of\s+)?(?P<year3>(?:19|20)\d\d)"
    rf"|(?P<yesterday>yesterday)"
    rf"|(?P<count>a|an|one|two|three|four|five|six|seven|\d)\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+"
    rf"(?P<rel>earlier|before|ago|previously)"
    rf"|(?P<lastweek>last\s+week)"
    rf"|the\s+(?P<before>day|night)\s+before)\b(?!-)", re.IGNORECASE)
# the same, case-sensitive, for a lower-cased copy (metrics.folded): several times faster
_DATE_LOWER = re.compile(_DATE.pattern.replace("[\\dadfjlmnostwyADFJLMNOSTWY]", "[\\dadfjlmnostwy]", 1))
# a date in another clause of the sentence is another event's: look only as far as a clause mark
_CLAUSE_MARK = re.compile(r"[;:]|,\s+(?:but|while|whereas|and\s+(?:on|by|a|two)\b)|\s[-–—]\s", re.IGNORECASE)
# "for the sixth weekend", "since Monday": a stretch of time, not the day of the figure
_NOT_THE_DAY = re.compile(r"(?:since|until|till|through|from|for|by|before|after|every|each|next|this)\s+\Z",
                          re.IGNORECASE)


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _resolve(m: re.Match, today: date, anchor: date) -> date | None:
    """The day ``m`` names: "a day earlier" and "the day before" count back from ``anchor``
    (the last day the report named), every other wording from the report's day."""
    if m["weekday"]:
        back = (today.weekday() - _WEEKDAYS[m["weekday"].lower()]) % 7
        return today - timedelta(days=back)
    if m["month3"]:
        # a month of a year ("in December of 2013"): its first day, when it is a month before
        # the report's (the report's own month, or a later one, dates nothing apart from it)
        month_no, year = _MONTHS[m["month3"].lower().rstrip(".")], int(m["year3"])
        return date(year, month_no, 1) if (year, month_no) < (today.year, today.month) else None
    month = m["month"] or m["month2"]
    if month:
        day = int(m["day"] or m["day2"])
        year = m["year"] or m["year2"]
        month_no = _MONTHS[month.lower().rstrip(".")]
        if year:
            try:
                return date(int(year), month_no, day)
            except ValueError:
                return None
        # without a year, the day of that name nearest the report's (the earlier on a tie):
        # "on 27 June" in a report of 26 June is the next day, not a year before
        best = None
        for y in (today.year - 1, today.year, today.year + 1):
            try:
                when = date(y, month_no, day)
            except ValueError:
                continue
            gap = abs((when - today).days)
            if best is None or gap < best[0] or gap == best[0] and when < best[1]:
                best = (gap, when)
        return best[1] if best else None
    if m["yesterday"]:
        return today - timedelta(days=1)
    if m["before"]:
        return anchor - timedelta(days=1)
    if m["count"]:
        n = _NUMBERS.get(m["count"].lower()) or int(m["count"])
        start = today if m["rel"].lower() == "ago" else anchor
        unit = m["unit"].lower()
        if unit.startswith(("month", "year")):
            # "three years ago": the same day that many months back (the month's last day
            # where it has no such day)
            months = start.year * 12 + start.month - 1 - n * (12 if unit.startswith("year") else 1)
            year, month = divmod(months, 12)
            for day in range(start.day, 0, -1):
                try:
                    return date(year, month + 1, day)
                except ValueError:
                    continue
        return start - timedelta(days=n * (7 if unit.startswith("week") else 1))
    if m["lastweek"]:
        return today - timedelta(days=today.weekday() + 7)
    return None


# every wording above holds one of these words: a sentence with none is not scanned
_DATE_HINT = re.compile(r"\b(?i:%s)\b" % _phrase_alt((
    *_WEEKDAYS, *_MONTHS, "yesterday", "earlier", "ago", "before", "previously", "week")))
_DATE_HINT_LOWER = re.compile(_DATE_HINT.pattern.replace("(?i:", "(?:", 1))


def _dates_in(sentence: str) -> tuple:
    """The date wordings of the sentence, in order. On its lower-cased copy, where there is
    one, case-sensitive scans find the same matches at the same offsets; the groups then hold
    lower case, which :func:`_resolve` reads as it would any case."""
    lowered = folded(sentence)
    if lowered is None:
        return tuple(_DATE.finditer(sentence)) if _DATE_HINT.search(sentence) else ()
    return tuple(_DATE_LOWER.finditer(lowered)) if _DATE_HINT_LOWER.search(lowered) else ()


def date_of(sentence: str, fig_start: int, fig_end: int, report_date: str | None,
            anchor: str | None = None, found: tuple | None = None) -> str | None:
    """The ISO date the sentence gives the figure at ``sentence[fig_start:fig_end]``, if any;
    ``anchor`` is the last day the report named before it ("a day earlier" counts from it)."""
    today = _iso(report_date)
    if today is None or not sentence:
        return None
    lo, hi = 0, len(sentence)
    for mark in _CLAUSE_MARK.finditer(sentence):
        if mark.end() <= fig_start:
            lo = mark.end()
        elif mark.start() >= fig_end:
            hi = mark.start()
            break
    best = None
    for m in _dates_in(sentence) if found is None else found:
        if m.start() < lo or m.end() > hi:
            continue
        if m.start() < fig_end and m.end() > fig_start:
            continue  # the figure itself
        if _NOT_THE_DAY.search(sentence, max(lo, m.start() - 8), m.start()):
            continue
        distance = fig_start - m.end() if m.end() <= fig_start else m.start() - fig_end
        if best is None or distance < best[0]:
            best = (distance, m)
    if best is None:
        return None
    when = _resolve(best[1], today, _iso(anchor) or today)
    return when.isoformat() if when and when != today else None


def dated(claims: list[Claim], report_date: str | None) -> list[Claim]:
    """The claims with ``as_of`` set where their sentence dates the figure (tallies stay undated)."""
    if _iso(report_date) is None:
        return claims
    out = []
    anchor = pending = None  # the last day named by an earlier sentence, and by this one
    sentence_at, found = None, ()
    for c in claims:
        if c.derived or not c.sentence:
            out.append(c)
            continue
        if c.sentence_start != sentence_at:
            sentence_at, anchor, pending = c.sentence_start, pending or anchor, None
            found = _dates_in(c.sentence)  # the claims of a sentence share its dates
        if not found:
            out.append(c)
            continue
        when = date_of(c.sentence, c.start - c.sentence_start, c.end - c.sentence_start, report_date, anchor,
                       found)
        pending = when or pending
        out.append(replace(c, as_of=when) if when else c)
    return out
