"""The lexicon: metrics, subject groups, cues and vague-word intervals, as data (TOML).

Its shape is declared once, in SCHEMA; a user's file is checked against it before use.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import UsageError

ENV_VAR = "CLAIMTRACK_LEXICON"


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled patterns are cached per lexicon
class Lexicon:
    """The merged lexicon data; extraction compiles its patterns from it."""

    data: dict


def _merge(base: dict, extra: dict, path: tuple[str, ...] = ()) -> dict:
    """Tables merge key by key; word lists grow (defaults first); other values are replaced.

    The vague intervals are pairs, not word lists: a user's pair replaces the default one.
    """
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            out[key] = _merge(old, value, path + (key,))
        elif isinstance(value, list) and isinstance(old, list) and path[:1] != ("vague",):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


# --- The shape of a lexicon file: SCHEMA (see check_lexicon for how to extend it) --------

# The largest bound a vague interval may have: a count of people or things is far below it,
# and SQLite stores it as an integer (a 20-digit bound made every report a rejection).
MAX_BOUND = 10 ** 15

Key = tuple[str, ...]


class _Misfit(Exception):
    def __init__(self, key: Key, message: str):
        super().__init__(message)
        self.key, self.message = key, message


def _a(value: object) -> str:
    """What ``value`` is, for a message: 'a string', 'a whole number', 'a table'…"""
    kinds = {bool: "true or false", int: "a whole number", float: "a decimal number",
             str: "a string", list: "a list", dict: "a table"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def words(value: object, key: Key) -> None:
    """A list of words or phrases, each a non-blank string."""
    if not isinstance(value, list):
        raise _Misfit(key, f"must be a list of words, not {_a(value)}")
    for n, word in enumerate(value, 1):
        if not isinstance(word, str) or not word.strip():
            what = "blank" if isinstance(word, str) else _a(word)
            raise _Misfit(key, f"must be a list of words: item {n} is {what}")


def interval(value: object, key: Key) -> None:
    """A vague wording's [low, high]: whole numbers, 0 <= low <= high <= MAX_BOUND."""
    if not (isinstance(value, list) and len(value) == 2
            and all(type(n) is int for n in value)):  # noqa: E721 (true is no number)
        raise _Misfit(key, "must be [low, high], whole numbers, low <= high")
    low, high = value
    if not 0 <= low <= high:
        raise _Misfit(key, "must be [low, high], whole numbers, low <= high")
    if high > MAX_BOUND:
        raise _Misfit(key, f"must be [low, high] with high at most {MAX_BOUND:,}, not {high:,}")


def flag(value: object, key: Key) -> None:
    """true or false."""
    if not isinstance(value, bool):
        raise _Misfit(key, f"must be true or false, not {_a(value)}")


Check = Callable[[object, Key], None]


def table(**fields: Check) -> Check:
    """A table with these keys (each optional), each value checked by its own check."""
    def check(value: object, key: Key) -> None:
        if not isinstance(value, dict):
            raise _Misfit(key, f"must be a table, not {_a(value)}")
        for name, item in value.items():
            if name not in fields:
                known = ", ".join(fields)
                raise _Misfit(key + (name,), f"is not a lexicon key (known here: {known})")
            fields[name](item, key + (name,))
    return check


def named(each: Check) -> Check:
    """A table whose keys the user names (non-blank, no control characters), each value
    checked by ``each``."""
    def check(value: object, key: Key) -> None:
        if not isinstance(value, dict):
            raise _Misfit(key, f"must be a table, not {_a(value)}")
        for name, item in value.items():
            if not name.strip() or any(unicodedata.category(c) == "Cc" for c in name):
                raise _Misfit(key + (name,), "is not a usable name (blank, or control "
                                             "characters)")
            each(item, key + (name,))
    return check


METRIC = table(after=words, before=words, cumulative=flag, groups=words)
SOURCE_KINDS = table(unnamed=words, media=words, international=words, ngo=words,
                     medical=words, police=words, military=words, government=words)
WORDS = table(roles=words, hedges=words, things=words)
# One person counted (SPEC §2): titles, roles, and head nouns by subject group.
INDIVIDUALS = table(titles=words, civilian_roles=words, heads=named(words), sex=table(male=words, female=words))
# The grammar layer's closed word classes, and nouns that name a metric by subject group.
GRAMMAR = table(
    modifier_metrics=named(words), intransitive=words,
    determiners=words, pronouns=words, prepositions=words, auxiliaries=words, modals=words,
    catenatives=words, conjunctions=words, subordinators=words, relatives=words,
    negators=words, adverbs=words, irregular_past=words, care_places=words, loss_verbs=words,
    not_present=words, irrealis=words, measure_nouns=words, measure_verbs=words,
    rate_units=words, pairs=words, things=words, noun_metrics=named(words), fatal_adverbs=words, fatal_adjectives=words,
    neutral_measures=words, state_verbs=words, comparisons=words, increments=words, prosecution_verbs=words, denials=words,
    present_forms=named(words), custody_verbs=words, age_degrees=words, report_verbs=words, time_openers=words,
    compound_heads=words, penalty_verbs=words, kin_nouns=words, time_nouns=words,
    irrealis_nouns=words, firing_verbs=words, noun_verbs=words,
    emergency_numbers=words, name_before=words, call_nouns=words, senses_before=named(words), suffer_verbs=words, part_quantifiers=words,
    flight_words=words, escape_places=words, escape_vehicles=words, escape_from=words, escapers=words,
    falsity=words, claim_nouns=words, counted_measures=words, shelter_places=words,
)
SCHEMA = table(
    vague=named(interval),
    metrics=named(METRIC),
    subjects=named(words),
    sources=SOURCE_KINDS,
    words=WORDS,
    individuals=INDIVIDUALS,
    grammar=GRAMMAR,
    # SPEC §5: short references by the kinds they stand for, acronyms by kind, page
    # furniture that is never a source, and more verbs of saying or showing
    coreference=named(words),
    acronyms=named(words),
    furniture=table(words=words),
    cues=table(speech=words, evidence=words),
    # country names and adjectives by ISO code: a public body's country is part of its key
    countries=named(words),
    # a claim's place (claimtrack.extract.locations)
    locations=table(kinds=words, directions=words, particles=words, generic=words,
                    not_names=words, acts_on_places=words),
    # parts of a counted group and running counts (claimtrack.extract.parts)
    parts=table(severity=words, condition_nouns=words, others=words, openers=words,
                enumerations=words, wholes=named(words), totals=words, venues=words, definite=words,
                enumeration_ordinals=words),
    periods=table(since=words, states=words, spans=words, units=words, span_openers=words,
                  span_adjectives=words, dates_before=words, until=words, until_ends=words),
)


def check_lexicon(data: dict, path: str, text: str = "") -> None:
    """Refuse lexicon data that does not fit SCHEMA: one line naming the file, the line
    (found in ``text``, the file as read, when given) and the key.

    SCHEMA declares every table and key a lexicon file may hold and what each value must
    be; nothing else is accepted. load_lexicon() checks a user's file with it before using
    any of it, and tests/test_hardening.py checks the shipped lexicon.toml and presets.
    A check is a function ``check(value, key)`` that raises ``_Misfit(key, message)``:
    ``words`` (a list of non-blank strings), ``interval`` ([low, high]), ``flag`` (true or
    false), ``table(name=check, …)`` (these keys only) and ``named(check)`` (keys the user
    names: metrics, subject groups, vague wordings).

    To add a key, give it a check in its table: a word list in [words] is
    ``acronyms=words`` in WORDS; a flag on every metric, ``cumulative=flag`` in METRIC. To
    add a table, add a line to SCHEMA: ``cues=table(before=words, after=words)``, or
    ``named(words)`` when its keys are the user's to choose.

    Raises:
        UsageError: the first misfit found.
    """
    try:
        SCHEMA(data, ())
    except _Misfit as e:
        line = _line_of(text, e.key)
        where = f"lexicon {path}" + (f", line {line}" if line else "")
        raise UsageError(f"{where}: {_dotted(e.key)} {e.message}") from None


def _check(data: dict, path: str, text: str = "") -> None:
    """The same as :func:`check_lexicon` (its former name, kept for callers of it)."""
    check_lexicon(data, path, text)


_BARE = re.compile(r"[A-Za-z0-9_-]+")
_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\')'
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]")
_ASSIGN = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


def _dotted(key: Key) -> str:
    return ".".join(k if _BARE.fullmatch(k) else json.dumps(k, ensure_ascii=False)
                    for k in key) or "the file"


def _parts(dotted: str) -> Key:
    parts = []
    for part in re.findall(_PART, dotted):
        parts.append(tomllib.loads(f"k = {part}")["k"] if part[0] in "\"'" else part)
    return tuple(parts)


def _line_of(text: str, key: Key) -> int | None:
    """The line of ``text`` (TOML) that sets ``key``, or the table header or key it sits
    under; None when neither is found. Enough for a message, not a TOML parser."""
    best, best_len = None, 0
    table: Key = ()
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            table, here = _parts(header.group(1)), _parts(header.group(1))
        elif assign := _ASSIGN.match(line):
            here = table + _parts(assign.group(1))
        else:
            continue
        if here == key[:len(here)] and len(here) > best_len:
            best, best_len = number, len(here)
            if here == key:
                break
    return best


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package."""
    text = resources.files("claimtrack.extract").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon(tomllib.loads(text))


def load_lexicon(path: str | os.PathLike | None = None) -> Lexicon:
    """The default lexicon, extended or overridden by ``path`` (or ``$CLAIMTRACK_LEXICON``)."""
    path = path or os.environ.get(ENV_VAR) or None
    if not path:
        return default_lexicon()
    try:
        text = Path(path).read_text("utf-8")
        extra = tomllib.loads(text)
    except OSError as e:
        raise UsageError(f"cannot read lexicon {path}: {e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UsageError(f"lexicon {path} is not valid TOML: {e}") from None
    check_lexicon(extra, str(path), text)
    return Lexicon(_merge(default_lexicon().data, extra))
