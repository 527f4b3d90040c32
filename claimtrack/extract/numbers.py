"""Figures: numbers as written, their qualifier and the interval the wording allows (SPEC §3).

One regular-expression scan finds every candidate; the context on either side then
decides whether it is a figure (not a year, date, time, age, duration, code…), which
qualifier precedes it, and whether it opens a range.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache

from ..models import Figure
from .lexicon import Lexicon, default_lexicon
from .metrics import _phrase_alt, folded as _folded
from .sentences import ABBREVIATIONS

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12,
          # South Asian English: "1.2 lakh people" is 120,000, "3 crore" 30,000,000
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
SCALE_ABBR = {"mln": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000, "m": 1_000_000, "k": 1_000}

# Wordings before a number, longest first within each qualifier.
QUALIFIERS = {
    "at_least": ["at least", "no fewer than", "no less than", "not less than", "not fewer than",
                 "a minimum of", "at the very least"],
    "more_than": ["more than", "over", "upwards of", "in excess of", "above", "greater than",
                  "well over", "just over", "well above"],
    "at_most": ["up to", "as many as", "at most", "no more than", "not more than", "a maximum of",
                "as much as"],
    "less_than": ["fewer than", "less than", "under", "below", "just under", "just below"],
    "approx": ["about", "around", "some", "roughly", "approximately", "an estimated", "estimated",
               "approx.", "circa", "about some", "an approximate", "approximate", "or so",
               "on the order of", "in the region of", "more or less"],
    "nearly": ["nearly", "almost", "close to", "just shy of", "nearly all of", "closer to"],
}
MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
DURATION = (r"(?:milli)?seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|"
            r"years?|yrs?|decades?|centuries|century|semesters?|quarters?|weekends?|seasons?|terms?")
CURRENCY_BEFORE = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
                   "₸": "KZT", "rs": "INR", "rs.": "INR", "c$": "CAD", "a$": "AUD"}
CURRENCY_AFTER = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
                  "eur": "EUR", "pounds": "GBP", "sterling": "GBP", "rubles": "RUB",
                  "roubles": "RUB", "yuan": "CNY", "tenge": "KZT", "pesos": "MXN", "rupees": "INR",
                  "yen": "JPY", "cents": "USD cents", "colones": "SVC", "soles": "PEN",
                  "intis": "PEN", "lira": "TRY", "hryvnia": "UAH", "francs": "CHF"}
# what follows the first number of a file's or a form's number: "15-7A", "16-2-114"
_FILE_NUMBER = re.compile(r"[-/]\d+(?:[A-Za-z]\b|[-/]\d)")
# a gallery's counter ("1 of 15 CLOSE", "3 of 8" at a line's end): the first number, the second
_COUNTER_END = re.compile(r"(?:[ \t]+[A-Z]{2,}\b(?![a-z])|[ \t]*(?:\n|\Z))")
_COUNTER_AFTER = re.compile(r" of \d{1,3}" + _COUNTER_END.pattern)
_COUNTER_BEFORE = re.compile(r"(?<![\w,.])\d{1,3} of \Z")
# a broadcaster's name after its channel's number: "WKRN 2 News", "Channel 4 News at Six"
_STATION_AFTER = re.compile(r"\s+News\b")
# Capitalised words after which a number is a name or a code, not a count.
NAME_WORDS = (r"route|highway|road|street|avenue|flight|building|room|apt|apartment|suite|chapter|"
              r"article|section|page|pages|p|pp|no|nos|number|interstate|unit|district|precinct|ward|"
              r"station|gate|terminal|platform|channel|bus|train|line|level|floor|grade|class|"
              r"category|phase|stage|resolution|act|decree|item|point|camp|sector|zone|lot|box|"
              r"pier|exit|mile|km|kilometer|kilometre|hwy|rte|state road|county road|sr|cr|us|"
              r"i|m|b|e|n|cell|block|ward|hall|lane|drive|court|ext|extension|studio|episode|"
              r"season|volume|vol|issue|part|figure|table|index|model|type|version|series|"
              r"battalion|brigade|division|regiment|company|squadron|unit|team|group|rank|"
              r"paragraph|clause|rule|code|tower|wing|bay|cabin|seat|row|pool|villa|house|"
              r"checkpoint|km|kilometre|post|base|hill|height|heights|sector|plot|quarter|stand|"
              # fire and rescue apparatus, named by their station's number: "Engine 70", "Medic 2"
              r"engine|ladder|medic|tanker|truck|squad|quint|stations|engines")
STREET = (r"street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|court|ct|way|place|pl|"
          r"parkway|pkwy|highway|hwy|terrace|circle|cir|trail|pike|square|sq")

# grouped by first letter, longest first within a group ("s(?:eventeen|eventy|…)"): the same
# matches as the flat alternation, but only the words that share the letter at hand are tried
_WORD_NUM = r"(?:%s)" % _phrase_alt(UNITS)
# "and" joins only after a scale word: "one hundred and forty", but "thirty and forty" is two numbers
# white space inside a figure may wrap a line, never cross a blank line (a paragraph)
_SP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
# a tens word and a unit written apart: "ninety six", "twenty one" (never "two three")
_TENS_UNIT = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t]+"
              r"(?:one|two|three|four|five|six|seven|eight|nine)\b")
_WORD_RUN = (rf"(?:{_TENS_UNIT}|{_WORD_NUM}(?:-\n?{_WORD_NUM})?)"  # "twenty-five", hard-wrapped as "twenty-\nfive" too
             rf"(?:(?:{_SP}|-)(?:hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?)\b"
             rf"(?:{_SP}(?:and{_SP})?{_WORD_NUM}(?:-{_WORD_NUM})?\b)?)*")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|mln|bn|tn|lakhs?|crores?"


def _openings(words: list[str], n: int = 3) -> str:
    """An alternation of the words' first ``n`` characters (to a space, which matches any white
    space), grouped by their first character as :func:`_phrase_alt` groups whole phrases."""
    groups: dict[str, set[str]] = {}
    for w in words:
        head, space, _ = w[:n].partition(" ")
        groups.setdefault(head[:1], set()).add(re.escape(head[1:]) + (r"\s" if space else ""))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(sorted(rests))})" for first, rests in sorted(groups.items()))


@lru_cache(maxsize=8)
def _grammar(lexicon: Lexicon) -> dict:
    vague = {k.lower(): tuple(v) for k, v in lexicon.data.get("vague", {}).items()}
    vague_alt = _phrase_alt(vague)
    # each branch opens on a look-ahead for the characters it can start with, so that a word
    # no branch can start fails before the look-behinds and alternations are tried
    vague_first = "(?=[%s])" % "".join(map(re.escape, sorted({k[0] for k in vague}))) if vague else ""
    unit_first = "(?=[%s])" % "".join(sorted({w[0] for w in UNITS}))
    core_src = (
        rf"{vague_first}(?<![\w.,$-])(?P<vague>{vague_alt.lower()})\b"
        rf"|(?P<adozen>\b(?:(?:a|one|two|three)\s+(?:quarter|third|half)s?\s+of\s+a\s+|(?:a\s+)?half(?:\s+|-)(?:a(?:\s+|-))?|a\s+)"
        rf"(?:dozen|hundred|thousand|million|billion)\b"
        rf"(?:(?:(?<=hundred)|(?<=thousand)){_SP}and{_SP}{_WORD_NUM}(?:-{_WORD_NUM})?\b)?"  # "a hundred and fifty"
        rf"|\ba\s+couple(?:\s+of)?\s+(?:dozen|hundred|thousand|million)\b|\ba\s+(?:pair|couple|score)(?=\s+of\s)(?!\s+of\s+(?:{DURATION})\b))"
        rf"|(?=\d)(?<![\w,/:-])(?:(?<!\.)|(?<=[a-z][a-z]\.))(?<![A-Za-z]-)(?<!\d\s/\s)(?P<digits>{_DIGITS})(?![\w/]|[.,:]\d|-(?!strong\b|points?\b|odd\b|plus\b|to-\d)[A-Za-z]|\s/\s\d)"
        rf"(?:(?P<scale_sp>{_SP}|-)(?P<scale>{_SCALE_WORDS}|m|k)\b)?"
        rf"|{unit_first}(?<![\w-])(?P<words>{_WORD_RUN})\b(?!-(?!odd\b|plus\b)\w)"
    )
    # Case-insensitive alternations are several times slower in `re`: scan a lower-cased
    # copy with a case-sensitive pattern when lower-casing keeps every offset.
    core = re.compile(core_src, re.IGNORECASE)
    # every branch starts a token with a digit or the opening of one of these words (a space
    # in them is any white space): at the many words that open otherwise, fail fast
    openings = _openings(list(UNITS) + list(vague) + ["a ", "half"])
    if all(re.match(r"\w", k[-1]) for k in vague):
        # Take the character before the token too (figures() puts a space before the text): a
        # pattern that starts with a character class lets `re` skip letters and digits in C.
        # Every match ends with a word character before a non-word one, so the character
        # before the next match is never part of the last one.
        core_lower = re.compile(rf"[^a-z0-9](?=[0-9]|{openings})(?:{core_src})")
        lead = 1
    else:
        core_lower = re.compile(rf"(?<![a-z0-9])(?=[0-9]|{openings})(?:{core_src})")
        lead = 0
    qual_alts = []
    for q, words in QUALIFIERS.items():
        for w in words:
            if w != "or so":
                qual_alts.append((w, q))
    qual_alts.sort(key=lambda p: len(p[0]), reverse=True)
    # grouped by first letter, as _phrase_alt does; a hard-wrapped line may break a qualifier
    # ("at\nleast"), a blank line may not
    by_first: dict[str, list[str]] = {}
    for w, _ in qual_alts:
        by_first.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", _SP))
    qual_re = re.compile(
        # a qualifier and its number share a paragraph: at most one line break between them
        r"(?<![\w])(?P<q>%s)(?:[ \t]+|[ \t]*\n[ \t]*)\Z" % "|".join(
            f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items()),
        re.IGNORECASE,
    )
    qual_last = {w.split()[-1].rstrip(".") for w, _ in qual_alts}
    degrees = lexicon.data.get("grammar", {}).get("age_degrees", [])
    age_of_group = re.compile(rf"{_AGE_OF_GROUP}(?:{_phrase_alt(degrees)})\s*\Z", re.IGNORECASE) \
        if degrees else None
    gram = lexicon.data.get("grammar", {})
    calls = gram.get("call_nouns", [])
    call_after = re.compile(rf"[ \t]*-?[ \t]*(?:{_phrase_alt(calls)})\b", re.IGNORECASE) if calls else None
    measures = list(_SETTING_VERBS) + [w.lower() for w in gram.get("measure_nouns", [])]
    measured_at = re.compile(rf"\b(?:{_phrase_alt(measures)})\b[^.;:!?]*\sat\s*\Z", re.IGNORECASE)
    return {"emergency": frozenset(gram.get("emergency_numbers", [])), "call_after": call_after,
            "name_before": frozenset(w.lower() for w in gram.get("name_before", [])),
            "measured_at": measured_at,
            "age_degree_last": frozenset(d.split()[-1].lower() for d in degrees),
            "age_of_group": age_of_group, "vague": vague, "core": core, "core_lower": core_lower, "lead": lead, "qual": qual_re,
            "qual_last": qual_last, "qual_map": {w.replace(" ", ""): q for w, q in qual_alts}}


_WORD_SPLIT = re.compile(r"[\s-]+")


def words_to_int(words: str) -> int | None:
    """``"one hundred and forty"`` → 140; None when the words are not a number."""
    total, current, seen = 0, 0, False
    for w in _WORD_SPLIT.split(words.lower()):
        if not w or w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "a" or w == "one":
            current += 1
            seen = True
        elif w == "half":
            current += 0.5
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
        if total + current > MAX_FIGURE:
            return MAX_FIGURE + 1  # no count: stop before the numbers grow with the text
    return int(total + current) if seen else None


def interval(qualifier: str, x: int, y: int | None = None) -> tuple[int, int | None]:
    """The (low, high) interval a qualifier gives a stated number ``x`` (``y``: range end)."""
    if qualifier == "at_least":
        return x, None
    if qualifier == "more_than":
        return x + 1, None
    if qualifier == "at_most":
        return 0, x
    if qualifier == "less_than":
        return 0, max(x - 1, 0)
    if qualifier == "approx":
        return (9 * x) // 10, -((-11 * x) // 10)
    if qualifier == "nearly":
        return (9 * x) // 10, x
    if qualifier == "range" and y is not None:
        return min(x, y), max(x, y)
    return x, x


def _interval_of(qualifier: str, x: int | float) -> tuple[int, int | None]:
    """As :func:`interval`; a fraction ("2.5 percent") spans the whole numbers either side."""
    if isinstance(x, int):
        return interval(qualifier, x)
    return interval(qualifier, math.floor(x))[0], interval(qualifier, math.ceil(x))[1]


_BEFORE_DATE = re.compile(rf"\b(?:{MONTHS})\.?,?\s*\Z", re.IGNORECASE)
# ("12 may have died": the modal "may" before a verb is no month)
_AFTER_DATE = re.compile(rf"(?:st|nd|rd|th)?,?\s*(?:of\s+)?(?:{MONTHS})\b\.?(?!\s*(?:people|of\b))"
                         r"(?<!may)(?<!may\.)|(?:st|nd|rd|th)?,?\s*(?:of\s+)?may\b\.?"
                         r"(?!\s*(?:people|of|have|be|not|also|still|never|well|yet|soon|face|rise|die|need)\b)",
                         re.IGNORECASE)
_VERB_MONTHS = re.compile(r"\b(?:march|may)\b")


def _a_month(after: str, x: float) -> bool:
    """Whether the month word ``after`` a number dates it: always after a day (at most 31), a
    capital or a month no verb shares; "20,000 march in Lyon" is a march, "45 April" a date."""
    return x <= 31 or after != after.lower() or not _VERB_MONTHS.search(after)


_AFTER_EXCLUDE = re.compile(
    rf"""(?:
        \s*(?:-|\s)\s*(?:{DURATION})\b(?!\s+(?:people|persons|of\s+(?:the\s+)?(?:people|victims)))
      | -?\s*(?:years?|yrs?)[-\s]+old\b
      | -(?:year|month|week|day|hour|minute)
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt\b|utc\b|hrs\b|local\s+time|h\b)
      | \s*(?:-|\s)\s*(?:caliber|calibre|mm\b|millimet|gauge|magnum|inch|cm\b)
      | \s+block\b
      | \s+times\b
      | -(?:\d{{4,}}|0\d+)
      | -\d+-\d    # two more groups after hyphens: a telephone number or a date ("9-1-1", "2-19-2009")
      | \s+(?-i:[A-Z][\w'.]*\s+){{1,3}}(?-i:(?=[A-Z]))(?:{STREET})\b\.?
      | (?:st|nd|rd|th)\b
      | '?s\b
      | \s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CODE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|ages\s+of|age\s+of|page|pages|p\.|pp\.|no\.|nos\.|number|chapter|article|"
    r"section|paragraph|item|verse|version|v\.|model|route|highway|interstate|flight|room|suite|"
    r"apt\.?|rank|ranked|channel|box|size|code|tel\.?|phone|ext\.?)\s*\Z|#\s*\Z"
    r"|\bage[sd]?\s+(?:of\s+)?\d+(?:\s*,\s*\d+)*\s*(?:,|,?\s*and|to|through|thru|-|–)\s*\Z"
    r"|\b(?:image|photo|slide|picture|page|part|video)\s+\d+\s+of\s*/?\s*\Z|\b(?:image|photo|slide|picture|video)\s*\Z",
    re.IGNORECASE)
# A house number: three digits or more (no thousands separator) after a preposition of place
# and before a capitalised name, which in a street address needs no "Street" after it ("a
# shooting at 9780 Elmgrove", "found outside 1412 Larkspur about 2 a.m."). A count after these
# prepositions is written with its separator ("at 1,200 people") or is no count ("at 300 yards").
_ADDRESS_PREPS = frozenset(("at", "outside", "behind", "inside"))
# ... unless a measure stands at it (a lexicon measure noun, or a verb that sets a figure):
# "the toll stood at 1500 Syrians", "put the number at 4000" (see _grammar's "measured_at")
_SETTING_VERBS = ("stood", "stands", "stand", "put", "puts", "putting", "placed", "places", "set", "sets",
                  "estimated", "estimates", "remains", "remained")
_ADDRESS_AFTER = re.compile(r" (?:(?-i:[NSEW]{1,2}\.?|North|South|East|West)\s+)?"
                            r"(?:(?-i:[A-Z][a-z][\w'’.-]*)(?!\s+(?-i:[a-z]+s)\b)|\d+(?:st|nd|rd|th)\s+(?-i:[A-Z]))")
_MONTH_OR_THE = set(re.findall(r"[a-z]+", "january february march april may june july august september "
                                 "october november december jan feb mar apr jun jul aug sep sept oct nov "
                                 "dec")) | {w + "." for w in ("jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                                                  "sep", "sept", "oct", "nov", "dec")} | \
    {w + "," for w in ("january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december")}
_NAME_SET = {w for w in re.findall(r"[a-z]+", NAME_WORDS)} | {w + "." for w in re.findall(r"[a-z]+", NAME_WORDS)}
_CODE_SET = {"aged", "age", "ages", "of", "page", "pages", "p.", "pp.", "no.", "nos.", "number", "chapter",
             "article", "section", "paragraph", "item", "verse", "version", "v.", "model", "route", "highway",
             "interstate", "flight", "room", "suite", "apt", "apt.", "#", "rank", "ranked", "channel", "box",
             "size", "code", "tel", "tel.", "phone", "ext", "ext.", "to", "and", "-", "–", "image", "photo",
             "slide", "picture", "video", "/", "through", "thru"}
# "no one", "the fourth one": a pronoun, not a count
_NOT_COUNT_BEFORE_ONE = {"no", "any", "every", "each", "some", "the", "this", "that", "which", "first", "second",
                         "third", "fourth", "fifth", "last", "next", "other", "another", "only", "little",
                         "new", "old", "big", "same", "a", "no-", "someone", "everyone"}
_DETERMINER_ONLY = re.compile(r"\b(?:the|his|her|their|its|my|our|your|an?)\s+only\s*\Z", re.IGNORECASE)
_NAME_BEFORE = re.compile(rf"\b(?:{NAME_WORDS})\.?\s*\Z", re.IGNORECASE)
_NAME_LONGEST = max(len(w) for w in NAME_WORDS.split("|"))
_CURRENCY_BEFORE = re.compile(r"(?:US\$|C\$|A\$|\$|€|£|¥|₽|₸|\bRs\.?)[ \t]*\Z", re.IGNORECASE)
_CURRENCY_LONGEST = 3  # "US$", "Rs."
_UNIT_AFTER = re.compile(
    r"\s*(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b)"
    r"|\s+(?P<cur>" + "|".join(CURRENCY_AFTER) + r")\b", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    r"[ \t]*(?:-(?P<hto>to)-|(?P<dash>[-–—])|%s(?P<to>to|or)%s|%s(?P<and>and)%s)[ \t]*"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|%s)\b(?!-\w|[.,:/]\d)" % (_SP, _SP, _SP, _SP, _WORD_RUN), re.IGNORECASE)
# (the words of a range may wrap a line, as a figure's may: "between 40 and\n50")
# Case-insensitive matching is slower in `re`: on ASCII text, where lower-casing is all that
# ignoring case does, these copies match the lower-cased text (every letter in both is lower case)
_AFTER_DATE_LOWER = re.compile(_AFTER_DATE.pattern)
_UNIT_AFTER_LOWER = re.compile(_UNIT_AFTER.pattern)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_WORD_BEFORE_STOP = re.compile(r"[A-Za-z]+\.\Z")
# a scale word after a range's end scales both ends: "3 to 4 million", "between 2 and 3 thousand"
_RANGE_SCALE = re.compile(r"[ \t]+(?P<scale>hundred|thousand|million|billion|lakhs?|crores?)\b", re.IGNORECASE)
# "twenty-odd", "a dozen-odd", "40-odd": the number and some more
_ODD_AFTER = re.compile(r"-odd\b", re.IGNORECASE)
# "40-plus", "two dozen-plus": more than the number
_PLUS_AFTER = re.compile(r"-plus\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
# \d{4}-\d{1,2}(?:-\d{1,2})? | \d{1,2}/\d{1,2}(?:/\d{2,4})? | \d{1,2}:\d{2} | \d{1,2}\.\d{1,2}\.\d{2,4}, the
# first digit taken out so that `re` skips to the next digit in C
_TIME_OR_DATE_TOKEN = re.compile(
    r"\d(?:\d{3}-\d{1,2}(?:-\d{1,2})?|\d?/\d{1,2}(?:/\d{2,4})?|\d?:\d{2}|\d?\.\d{1,2}\.\d{2,4})")
_YEAR_FOLLOWERS = re.compile(r"\s+(?:people|persons|protesters|demonstrators|soldiers|troops|police|"
                             r"officers|civilians|students|workers|migrants|refugees|residents|"
                             r"children|prisoners|detainees|members|families|homes|houses|"
                             r"were|have|had|are|dead|killed|injured|wounded|arrested|of\s+them)\b",
                             re.IGNORECASE)


_WS = re.compile(r"\s+")
# "scores" counts people before "of", a verb, or a word of harm ("12 dead, scores hurt")
_SCORES_OF = re.compile(r"\s+(?:of|were|have|had|are|more|hurt|injured|wounded|dead|killed|arrested|detained|"
                        r"missing|displaced|feared)\b", re.IGNORECASE)
_DURATION_AFTER = re.compile(rf"\s+(?:of\s+)?(?:{DURATION})\b", re.IGNORECASE)
_NOT_FEW_PEOPLE = re.compile(
    r"\s+(?:of\s+)?(?:times|occasions|ways|things|reasons|cases|questions|minutes|"
    r"hours|days|weeks|months|years|miles|feet|meters|metres|kilometres|kilometers|"
    r"shots|rounds)\b", re.IGNORECASE)
_PEOPLE_OR_OF = re.compile(r"\s+(?:people|of)\b")
_CAPITAL_WORD = re.compile(r"\b[A-Z]")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\Z")
_LIST_MARK = re.compile(r"[.)](?:\s|$)")
_AGE_AFTER = re.compile(r"\s*(?:,|who\b|and\b|$)")
# a grown person's age whose closing comma is missing: "Dana Ruiz, 41 was held" (not "In Herat, 1 was killed")
_AGE_SINGULAR_AFTER = re.compile(r"\s+(?:was|is|has)\b")
# the last of a list of named people with their ages: "Ann Bell, 25, and Tom Hale, 26 were held"
_AGES_LISTED = re.compile(r",\s*\d{1,2},\s+and\s+[A-Z][^,]{1,40},\s*\Z")
_PLURAL_VERB_AFTER = re.compile(r"\s+(?:were|are|have|had)\b")
# in capitals a name is no longer told by its case: a word in capitals before the age, and a
# closing comma with a singular verb, a relative or an apposition after it ("ROJAS, 56, WAS")
_NAME_COMMA_UPPER = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]{2,})?,[ \t]*\Z")
_AGE_UPPER_AFTER = re.compile(r"[ \t]*,[ \t]*(?:WAS|IS|HAS|WHO|WHOSE|OF|A|AN|THE)\b")
# "Ann Lee-Smith, 26,": a hyphenated surname too; "Carl Greene Jr., 60,": a suffix after it
_NAME_COMMA = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:Jr|Sr)\.?)?,\s*\Z")
_AGE_PREV = {"between", "under", "over", "below", "above", "from", "about", "around", "nearly", "almost", "to",
             "least", "than"}  # the last words of the qualifiers _AGE_QUALIFIED ends on
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
# text in capitals: a plural noun after "12 MARCH 30" is what the figure counts, so the date ended
# at the month (a two-digit year is followed by a name or a clause, not by a plural noun)
_UPPER_PLURAL_AFTER = re.compile(r"[ \t]+(?:[A-Z]+[A-RT-Z]S|PEOPLE|MEN|WOMEN|CHILDREN|POLICE)\b")
_DAY_MONTH_BEFORE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s*\Z", re.IGNORECASE)
# an age bounded by a qualifier: after "aged" or "ages", or after a word for a young person
_AGE_QUALIFIED = re.compile(
    r"\b(?:aged|ages?|age\s+of|(?:girl|boy|child|kid|baby|infant|toddler|teen|son|daughter|pupil)s?|children)"
    r"\s+(?:between|under|over|below|above|from|about|around|nearly|almost|up\s+to|at\s+least|less\s+than|"
    r"more\s+than|younger\s+than|older\s+than)\s*\Z", re.IGNORECASE)
# a ratio: "one in five residents", "3 in 10 voters": a share of a group, neither figure a count
_RATIO_AFTER = re.compile(r"\s+in\s+(?P<n>\d{1,3}|[a-z]+)\b(?=\s+[a-z])", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+)\s+in\s+\Z", re.IGNORECASE)


def _small_number(word: str) -> int | None:
    """The value of one number token (``5``, ``five``), else None."""
    return int(word) if word.isdigit() else UNITS.get(word.lower())


def ratio_part(x: float, before: str, after: str) -> bool:
    """Whether a figure is one end of a ratio "N in M" (N smaller than M, a noun after M)."""
    a = _RATIO_AFTER.match(after) if " in " in after[:8] else None
    if a is not None and not _NOT_FEW_PEOPLE.match(after, a.end()):  # "2 in 5 minutes": a time
        n = _small_number(a["n"])
        if n is not None and x < n:
            return True
    b = _RATIO_BEFORE.search(before) if before.endswith(" in ") else None
    if b is not None and not _NOT_FEW_PEOPLE.match(after):
        n = _small_number(b["n"])
        return n is not None and n < x
    return False


# a bare figure said of the members of a group with a word of degree (the lexicon's
# grammar.age_degrees) is their age: "some of them barely 16", "many as young as 12", "one
# only 9", "the youngest just 19", "none of them older than 40"; never with a noun after it
_AGE_OF_GROUP = (r"\b(?:of\s+(?:them|whom)|some|many|most|several|one|two|three|a\s+few|"
                 r"the\s+(?:youngest|oldest|eldest)),?\s+(?:(?:are|were|is|was)\s+)?")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[—–,;.)!?]|-\s|(?:years?\s+old)?\s*\Z|years?\s+old\b)")
_NAME_PAREN = re.compile(r"[A-Z][a-z]+\s*\(\s*\Z")
_ANOTHER = re.compile(r"\s+(?:another|other)\b")
# "said that one person was killed": "that" opens a clause whose subject "one" counts a noun
# ("that one" standing alone is a pronoun: "that one was empty")
# (the noun may take a modifier: "that one accused person was held")
_THAT_ONE_NOUN = re.compile(r"(?:[ \t]+[A-Za-z-]+){1,2}[ \t\n]+(?:was|were|is|are|has|had|have|died|dies)\b", re.IGNORECASE)
_ONE_NOT_COUNT = re.compile(
    r"\s+(?:day|time|point|way|thing|side|hand|moment|year|week|night|morning|afternoon|"
    r"evening|another|more\s+time|by\s+one)\b", re.IGNORECASE)


# The largest figure kept. A figure counts people or things, or money and percentages in
# metric `other`: the largest real ones are the world's population (8e9) and money in the
# hundreds of trillions (world GDP is about 1e14). 10^15 leaves room for those and keeps every
# interval SQLite's 64-bit integers can store (approx widens by a tenth: 1.1e15 < 2^63-1 ≈ 9.2e18);
# anything larger ("9,300,000 trillion") is a typo or a hostile text, and is skipped.
MAX_FIGURE = 10 ** 15
_MAX_DIGITS = len(str(MAX_FIGURE))


def _number_value(m: re.Match) -> int | float | None:
    """The number the match states; math.inf when it is beyond any figure (see MAX_FIGURE)."""
    if m["digits"]:
        raw = m["digits"].replace(",", "")
        if len(raw.split(".")[0]) > _MAX_DIGITS:
            return math.inf  # not converted: int() of a huge string is slow, and capped
        num = float(raw) if "." in raw else int(raw)
        if m["scale"]:
            scale = m["scale"].lower()
            num = num * (SCALES.get(scale) or SCALE_ABBR[scale])
        if isinstance(num, int):
            return num
        return int(num) if num.is_integer() else num
    if m["adozen"]:
        return _quantity_value(m["adozen"])
    return words_to_int(m["words"])


_FRACTIONS = {"quarter": 4, "quarters": 4, "third": 3, "thirds": 3, "half": 2, "halves": 2}
_QUANTITY_WORDS = re.compile(r"[a-z]+")


def _quantity_value(words: str) -> int:
    """"a dozen" 12, "half a dozen" 6, "a quarter of a million" 250,000, "two thirds of a
    million", "a pair of" 2, "a couple dozen" 24, "a score of" 20."""
    w = _QUANTITY_WORDS.findall(words.lower())
    if "and" in words.lower().split():
        return words_to_int(words) or 0  # "a hundred and fifty"
    if w[1] in ("pair", "couple"):
        return 2 * SCALES.get(w[-1], 1)  # "a couple of hundred" 200, "a couple dozen" 24
    if w[1] == "score":
        return 20  # "a score of"
    scale = SCALES[w[-1]]
    if w[0] == "half":
        return scale // 2
    if w[1] in _FRACTIONS:
        count = 1 if w[0] in ("a", "one") else UNITS[w[0]]
        return count * scale // _FRACTIONS[w[1]]
    return scale


def _range_end(text: str, pos: int, grammar: dict) -> tuple[int, int] | None:
    """A second number right after ``pos`` making ``x to y`` / ``x-y`` / ``between x and y``."""
    r = _RANGE_AFTER.match(text, pos)
    if not r:
        return None
    raw = r["n"].replace(",", "")
    if raw[0].isdigit() and len(raw) > _MAX_DIGITS:
        return None
    y = int(raw) if raw[0].isdigit() else words_to_int(raw)
    if y is None or y > MAX_FIGURE:
        return None
    return y, r.end()


def figures(text: str, lexicon: Lexicon | None = None, skipped: list[Figure] | None = None
            ) -> Iterator[Figure]:
    """Every figure in ``text`` with its qualifier and interval, in order of position.

    A number beyond :data:`MAX_FIGURE` is no figure; when ``skipped`` is a list, it is appended
    there (value and bounds as far as known), so that a caller can say so.
    """
    g = _grammar(lexicon or default_lexicon())
    vague = g["vague"]
    skip_until = 0
    folded_text = _folded(text)  # None where a case-sensitive scan of it could read otherwise
    lowered = folded_text if folded_text is not None else text.lower()
    lead = 0
    if len(lowered) == len(text):
        lead = g["lead"]
        scan = g["core_lower"].finditer(" " * lead + lowered)
    else:
        scan = g["core"].finditer(text)
    # neither pattern looks behind its start or at a word boundary there: matching a window of
    # ``folded`` is matching the slice ``after`` of it
    if folded_text is not None:  # curly quotes and accents too: lower-casing is all ignoring case does
        folded, date_after, unit_after = lowered, _AFTER_DATE_LOWER, _UNIT_AFTER_LOWER
    else:
        folded, date_after, unit_after = text, _AFTER_DATE, _UNIT_AFTER
    for m in scan:
        # offsets in the scanned copy are ``lead`` past those in ``text``, and a match takes
        # ``lead`` characters before its token: it starts where the token does in ``text``
        start, end = m.start(), m.end() - lead
        if start < skip_until:
            continue
        before = text[max(0, start - 40):start]
        prev = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        after = text[end:end + 60]
        unit = None
        vague_words, digits, words = m["vague"], m["digits"], m["words"]
        if vague_words:
            key = _WS.sub(" ", vague_words.lower())
            if key == "scores" and not _SCORES_OF.match(after):
                continue
            if _DURATION_AFTER.match(after):
                continue
            if key in ("several", "a few", "a handful of") and _NOT_FEW_PEOPLE.match(after):
                continue
            low, high = vague[key]
            x, qualifier = low, "vague"
            if high > MAX_FIGURE:  # a user's lexicon may widen an interval past any count
                if skipped is not None:
                    skipped.append(Figure(text[start:end], "vague", low, low, high, start, end))
                continue
        else:
            if digits and text[start - 1:start] == ".":
                # run into a full stop ("spread fast.14 people died"): a whole number and white
                # space after a word, never after an abbreviation ("Feb.1", "No.4")
                w = _WORD_BEFORE_STOP.search(text, max(0, start - 12), start)
                if w is None or w.group()[:-1].lower() in ABBREVIATIONS or not text[end:end + 1].isspace():
                    continue
            if digits:
                # the first date or time token near the figure; the pattern has no anchors or
                # look-arounds, so searching a window of ``text`` is searching its slice
                tok = _TIME_OR_DATE_TOKEN.search(text, max(0, start - 6), end + 6)
                if tok and (tok.start() <= start < tok.end() or start <= tok.start() < end):
                    continue
            x = _number_value(m)
            if x is None:
                continue
            if x > MAX_FIGURE:
                if skipped is not None:
                    big = x if x != math.inf else MAX_FIGURE + 1
                    skipped.append(Figure(text[start:end], "exact", big, big, big, start, end))
                continue
            if ((dm := date_after.match(folded, end, end + 60)) and _a_month(text[dm.start():dm.end()], x)) or (
                    digits and prev in _MONTH_OR_THE and _BEFORE_DATE.search(before)
                    and not _PEOPLE_OR_OF.match(after)
                    and not (_DAY_MONTH_BEFORE.search(before) and not _YEAR.fullmatch(digits)
                             and (_LOWER_WORD_AFTER.match(after) or _UPPER_PLURAL_AFTER.match(after)))):
                continue  # a date; but in "on 4 March 16 bodies" the date ended at the month
            if prev in g["age_degree_last"] and g["age_of_group"].search(before) \
                    and _NO_NOUN_AFTER.match(after):
                continue  # "some of them barely 16 —", "one as young as 12,": an age
            if prev in _AGE_PREV and _AGE_QUALIFIED.search(before):
                rng = _range_end(text, end, g)  # "aged between 20 and 31": both ends are ages
                skip_until = rng[1] if rng else skip_until
                continue  # "aged under 10", "a girl under 10", "children over 12"
            if _AFTER_EXCLUDE.match(after) and not unit_after.match(folded, end, end + 60):
                continue
            if digits and not m["scale"]:
                # a match ends with the last word, its full stop and white space: search only there
                # the name word itself in capitals: "Highway 81", not "floods drive 4,000"
                # an opening bracket is no part of the word before: "(Station 124)" names a station
                named = prev.lstrip("([{")
                if named in _NAME_SET and before.rstrip()[-len(named):][:1].isupper() and _NAME_BEFORE.search(
                        before, max(0, len(before.rstrip()) - _NAME_LONGEST - 1)):
                    continue  # "Highway 81", "Flight 370": a name
                if (prev in _CODE_SET or "age" in prev or prev.endswith(("#", ","))) and _CODE_BEFORE.search(before):
                    continue  # "aged 35", "page 12", "No. 5", "aged 4, 6 and 9"
                if len(digits) >= 3 and prev in _ADDRESS_PREPS and _ADDRESS_AFTER.match(after) and \
                        not g["measured_at"].search(before):
                    continue  # "a shooting at 9780 Elmgrove": a house number before a street's name
                if prev in g["name_before"]:
                    continue  # "a sweet 16 party": a name the number is part of
                if prev == "per":
                    continue  # "19.3 deaths per 100,000 people": a rate's base, no count
                if digits in g["emergency"] and g["call_after"] and g["call_after"].match(after):
                    continue  # "a frantic 911 call": a number to dial
                if _YEAR.fullmatch(digits) and not _YEAR_FOLLOWERS.match(after):
                    continue  # a year
                if _FILE_NUMBER.match(after):
                    continue  # "release 15-7A", "case 16-2-114": the number of a file or a form
                if _STATION_AFTER.match(after):
                    continue  # "Channel 4 News", "WKRN 2 News": a broadcaster's name
                if (_COUNTER_AFTER.match(after) or (_COUNTER_BEFORE.search(before) and _COUNTER_END.match(after))) \
                        and not after.isupper():
                    continue  # "9 of 15 CLOSE": a gallery's counter of its pictures
                if after[:1] in ".)" and _LINE_START.search(before) and _LIST_MARK.match(after):
                    continue  # a list marker
            if digits and isinstance(x, int) and x < 120 and _NAME_COMMA.search(before) and \
                    (_AGE_AFTER.match(after) or (x >= 10 and _AGE_SINGULAR_AFTER.match(after)) or
                     (_PLURAL_VERB_AFTER.match(after) and _AGES_LISTED.search(before))):
                continue  # "John Smith, 35, of Fontaine": an age after a name
            if digits and isinstance(x, int) and x < 120 and _NAME_COMMA_UPPER.search(before) and \
                    _AGE_UPPER_AFTER.match(after):
                continue  # "VARGAS ESCOBAR, 56, WAS SHOT": an age after a name in capitals
            if after[:1] == ")" and _NAME_PAREN.search(before):
                continue  # "Smith (35)"
            if words is not None and prev in ("a", "an") and words.lower().split()[-1] not in SCALES and \
                    words.lower().split()[-1] in UNITS and after[:1] != "-":
                continue  # "an eight victim" (an ordinal mistyped): an article counts no number word
            one = words is not None and words.lower() == "one"
            if one and prev.lstrip("\"“‘'([") == "the":
                prev = "the"  # '“the one who shot him'
            if one and _ANOTHER.match(after):
                continue
            if one and prev in _NOT_COUNT_BEFORE_ONE and \
                    not (prev == "only" and not _DETERMINER_ONLY.search(before)) and \
                    not (prev == "that" and _THAT_ONE_NOUN.match(after)):
                continue  # "the only one" is a pronoun, "only one person died" a count
            if one and _ONE_NOT_COUNT.match(after):
                continue
            qualifier = "exact"
            low = high = x
            cur = None
            if before.rstrip()[-1:] in "$€£¥₽₸.":
                cur = _CURRENCY_BEFORE.search(before, max(0, len(before.rstrip(" \t")) - _CURRENCY_LONGEST))
            ua = unit_after.match(folded, end, end + 60)
            if cur:
                unit = CURRENCY_BEFORE.get(cur.group().strip().lower(), "USD")
                start = cur.start() + max(0, start - 40)
            elif ua:
                unit = "percent" if ua["pct"] else CURRENCY_AFTER[ua["cur"].lower()]
        # qualifier before
        qm = g["qual"].search(text, max(0, start - 40), start) \
            if prev.lstrip("\"“‘'([").rstrip(".") in g["qual_last"] else None
        qstart = start
        if qm:
            qword = _WS.sub("", qm["q"].lower())
            q = g["qual_map"].get(qword)
            if q:
                if not (q == "approx" and qword == "some" and vague_words):
                    qualifier, qstart = q, qm.start()
        # ranges
        fig_end = end
        rng = None
        if not vague_words and not unit:
            # "between" ends the last word before the figure whenever the pattern matches
            between = _BETWEEN.search(text, max(0, start - 10), start) if prev.endswith("between") else None
            rng = _range_end(text, end, g)
            if rng:
                r = _RANGE_AFTER.match(text, end)
                joiner = "and" if r["and"] else ("dash" if r["dash"] else (r["hto"] or r["to"]).lower())
                ok = (joiner == "and" and between) or (joiner in ("to", "dash", "or") and
                                                       not _FROM.search(text, max(0, start - 6), start))
                if joiner == "dash" and (not digits or r["n"].startswith("0")):
                    ok = False  # "555-0142" is a phone number
                if joiner == "dash" and digits and not m["scale"] and r["n"].isdigit() and \
                        int(r["n"]) <= x and not _RANGE_SCALE.match(text, r.end()):
                    skip_until = r.end()
                    continue  # "won 3-2", "drew 1-1", "555-123": a score or a code, no count
                y, y_end = rng
                sc = _RANGE_SCALE.match(text, y_end) if ok else None
                if sc:  # "3 to 4 million": the scale is both ends'
                    scale = SCALES[sc["scale"].lower()]
                    y, y_end = y * scale, sc.end()
                    if not m["scale"] and not (words and SCALES.get(words.split()[-1].lower())):
                        x = x * scale
                elif ok and digits and "," not in digits and x < 100 and r["n"].endswith(",000") and x * 1000 < y:
                    x = x * 1000  # "3-4,000", "10 to 15,000": the first end is in thousands too
                elif ok and r["n"].split()[-1].lower() in SCALES and not m["scale"] and \
                        not (words and words.split()[-1].lower() in SCALES) and \
                        x * SCALES[r["n"].split()[-1].lower()] < y:
                    x = x * SCALES[r["n"].split()[-1].lower()]  # "five to six hundred"
                if ok and y > x:
                    if between:
                        qstart = between.start()
                    fig_end = y_end
                    skip_until = fig_end
                    low, high = x, y
                    qualifier = "range"
                    ua = unit_after.match(folded, fig_end, fig_end + 60)
                    if ua and ua["pct"]:
                        unit = "percent"  # "20 to 30 percent": the unit after the range is both ends'
                    # "about four or five" stays a range
        if qualifier == "exact" and not unit and _ODD_AFTER.match(text, fig_end):
            qualifier = "at_least"  # "twenty-odd people": twenty and some more
            fig_end += 4
            skip_until = max(skip_until, fig_end)
        elif qualifier == "exact" and not unit and _PLUS_AFTER.match(text, fig_end):
            qualifier = "more_than"
            low, high = x + 1, None
            fig_end += 5
            skip_until = max(skip_until, fig_end)
        if qualifier not in ("range",):
            if qualifier == "vague":
                pass
            elif vague_words:
                v_low, v_high = low, high
                if qualifier in ("at_least",):
                    low, high = v_low, None
                elif qualifier == "more_than":
                    low, high = v_low + 1, None
                elif qualifier == "at_most":
                    low = 0
                elif qualifier == "less_than":  # "fewer than hundreds": below the least it could mean
                    low, high = 0, max(v_low - 1, 0)
                elif qualifier in ("approx", "nearly"):
                    qualifier = "vague"
                x = v_low
            else:
                low, high = _interval_of(qualifier, x)
        if qualifier == "less_than" and x <= 0:
            continue  # "less than 0": no count is below nothing
        if qualifier == "nearly":
            qualifier = "approx"
        if isinstance(x, float) and not unit:
            # a head count is whole: the value is the whole number the qualifier bounds by, so
            # that "more than 1.5" (2 or more) reads as more than 1 and "under 1.5" as under 2
            if qualifier in ("more_than", "at_least"):
                x = math.floor(x)
            elif qualifier in ("less_than", "at_most"):
                x = math.ceil(x)
            else:
                x = math.floor(x + 0.5)
            low = round(low) if low is not None else None
            high = round(high) if high is not None else None
        value = x if qualifier != "vague" else low
        yield Figure(text[qstart:fig_end], qualifier, value, low, high, qstart, fig_end, unit)


# A run of more numbers than this with nothing but separators between them is a table or a
# list of data ("4, 7, 9, 12, …"), not figures a report states about people.
MAX_NUMBER_RUN = 12
_SEPARATORS_ONLY = re.compile(r"[\s,;/|]*\Z")


def without_number_runs(text: str, figs: list[Figure]) -> list[Figure]:
    """``figs`` less every run of more than MAX_NUMBER_RUN bare numbers in a row."""
    if len(figs) <= MAX_NUMBER_RUN:
        return figs
    out: list[Figure] = []
    run: list[Figure] = []
    for f in figs:
        if run and not _SEPARATORS_ONLY.match(text, run[-1].end, f.start):
            if len(run) <= MAX_NUMBER_RUN:
                out.extend(run)
            run = []
        run.append(f)
    if len(run) <= MAX_NUMBER_RUN:
        out.extend(run)
    return out
