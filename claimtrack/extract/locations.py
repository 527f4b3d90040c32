"""Locations: the place a figure applies to, when its sentence names one (SPEC §2 ``location``).

A wrong place costs more than a missing one: two claims with different known locations are
never compared (SPEC §6, Scope), so a place read from a common word (``in the District``), a
magazine, an owner (``in Ana's flat``) or a headline's adjective (``Dies In Accidental
Shooting``) hides a conflict, while a missing place is compatible with any. So a name is a
location only where the sentence says so plainly:

- it follows a locative preposition (``in``, ``near``, ``outside``, ``across``), directly
  or after ``the`` and words that describe a place: directions and locative adjectives
  (``in northern Almaty``, ``in downtown Port Ellis``), or a noun of a kind of place, with
  anything before it (``in the restive southern province of Kharan``), or a direction or an
  act done to a place before ``of`` (``in the hills south of Kadugli``, ``in the shelling of
  Kupiansk``); a determiner may open them (``in a west Leeds suburb``, ``in her Leeds
  home``);
- it is a run of capitalised words, dotted abbreviations (``St. Louis``, ``Southeast D.C.``)
  and the particles of place names between them (``Camino del Mar``, ``Rio de Oro``);
  a kind of place may take ``of`` and a name (``the Town of Merrow``);
- it ends before a day, a month, a time of day or the noun of an event (``in Riverton Thurs.
  night``, ``In Overnight Riverton Shooting``) and before a capitalised function word of a
  headline (``In Connection To Shooting``);
- it is no place when one of its words is a word of a metric (``Wounded``), a word that is
  never a place's name alone (the lexicon's ``locations.not_names``: ``connection``,
  ``condition``…), a function word, a hyphenated word with one in it (``Drive-By``), or when
  a determiner opens it and it holds nothing but generic words (``the District``, ``the
  Central Bank``; ``in Temple`` is a town);
- a name that owns what follows (``in Marlow's flat``), or one that opens with an
  adjective-shaped word before an event's noun (``In Accidental Shooting``), is a place only
  if it names a country or a US state (``in Georgia's capital``). A name before a noun is a
  place (``outside a Leeds bar``, ``in the Oak Vale area``).

The word lists are lexicon data (``[locations]``). The first name that passes is the
sentence's location.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import places
from . import grammar
from .lexicon import Lexicon

# the look-ahead names every character that can open one of the four words (the Turkish
# dotted and dotless i match "i" when case is ignored): the scan fails fast everywhere else
_CANDIDATE = re.compile(
    r"(?=[AINOainoİı])\b(?i:in|near|outside|across)\s+(?P<det>(?i:the|an?|his|her|their|its|our)\s+)?"
    r"(?P<lead>(?:[a-z][\w-]*\s+){0,4}?)"
    r"(?P<place>(?:[A-Z][a-z]?\.){1,3}|[A-Z][\w'’-]+)")
# a word that continues a place's name: a capitalised word or a dotted abbreviation
_NAME_WORD = re.compile(
    r"\s+(?P<word>(?:[A-Z][a-z]?\.){1,3}(?![\w])|[A-Z][\w'’-]+(?:\.(?=\s+[a-z0-9]))?)")
_LOWER_WORD = re.compile(r"\s+(?P<word>[a-z][\w'’-]*)")
_POSSESSIVE = re.compile(r"['’]s?$")
_ADJECTIVE_SHAPE = re.compile(r"(?i:\w{3,}(?:al|ly|ed|ing|ive|ous|ful|less|ic))$")

# Words a capital letter does not make part of a place's name: days and months however
# short ("Thurs", "Jan."), times of day, and the nouns a headline capitalises after a town
# ("in Overnight Riverton Shooting"). A place's name ends before the first of them.
_NOT_PLACE_WORD = re.compile(
    r"(?i:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|"
    r"september|october|november|december|day|eve|"
    r"today|tonight|yesterday|overnight|morning|afternoon|evening|night|weekend|"
    r"shootings?|stabbings?|killings?|homicides?|murders?|attacks?|crash(?:es)?|collisions?|"
    r"fires?|blasts?|explosions?|raids?|standoffs?|incidents?|protests?|rally|rallies|clashes|"
    r"police|update|updated)\.?$")
_TIME_WORD = re.compile(r"(?i:today|tonight|yesterday|overnight|weekend)$")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|A|An|Parliament|"
    r"Congress|Court|Facebook|Twitter|Telegram|English|Russian)\b")


@lru_cache(maxsize=8)
def _words(lexicon: Lexicon) -> dict:
    data = lexicon.data.get("locations", {})
    low = lambda key: frozenset(w.lower() for w in data.get(key, []))  # noqa: E731
    c = grammar.classes(lexicon)
    return {"kinds": low("kinds"), "directions": low("directions"), "particles": low("particles"),
            "acts": low("acts_on_places"),
            "generic": low("kinds") | low("directions") | low("generic"),
            "never": low("not_names") | c["metric_words"], "closed": c["closed"]}


def location(sentence: str, lexicon: Lexicon) -> str | None:
    """The first place the sentence names plainly (see the module), or None."""
    if sentence.isupper():
        return None
    w = _words(lexicon)
    m = _CANDIDATE.search(sentence)
    while m:
        if not _lead_ok(m["lead"], w):  # "in a crash in Oak Vale": the next preposition's
            m = _CANDIDATE.search(sentence, m.start() + 2)
            continue
        words, end = _name(sentence, m.start("place"), m["place"], w)
        place = _checked(words, sentence, end, w, bool(m["det"]))
        if place:
            return place
        m = _CANDIDATE.search(sentence, m.end())
    return None


def _lead_ok(lead: str, w: dict) -> bool:
    """Whether the words between the preposition and the name describe a place: directions
    and locative adjectives only, or anything before a noun of a kind of place."""
    words = lead.lower().split()
    if words[:1] == ["of"]:  # "outside of a Leeds bar"
        words = words[2:] if words[1:2] and words[1] in ("the", "a", "an") else words[1:]
    if not words:
        return True
    of = words[-1] == "of"
    if of:
        words = words[:-1]
    if words and (words[-1] in w["kinds"] or  # "in the province of", "in the town"
                  of and (words[-1] in w["directions"] or words[-1] in w["acts"])):
        return True  # "south of", "in the shelling of"
    return all(piece in w["directions"] for word in words for piece in word.split("-"))


def _name(sentence: str, start: int, first: str, w: dict) -> tuple[list[str], int]:
    """The words of the name that opens at ``start`` and where it ends: more capitalised
    words and abbreviations, particles between two of them, ``of`` after a kind of place."""
    words, end = [first], start + len(first)
    while len(words) < 4:
        m = _NAME_WORD.match(sentence, end)
        if m:
            words.append(m["word"])
            end = m.end()
            continue
        low = _LOWER_WORD.match(sentence, end)
        if low and (low["word"] in w["particles"] or
                    (low["word"] == "of" and words[-1].lower() in w["kinds"])):
            after = _NAME_WORD.match(sentence, low.end())
            if after:
                words += [low["word"], after["word"]]
                end = after.end()
                continue
        break
    return words, end


def _checked(words: list[str], sentence: str, end: int, w: dict, det: bool) -> str | None:
    """The place the name's words give, or None when they are no place (see the module)."""
    while words and _TIME_WORD.match(words[0]):
        words.pop(0)  # "in Overnight Riverton Shooting": the town comes after
    event_after = cut = False
    for n, word in enumerate(words):
        bare = word.rstrip(".").lower()
        if n and word[:1].isupper() and (_NOT_PLACE_WORD.match(word) or bare in w["closed"]):
            event_after, cut = bool(_NOT_PLACE_WORD.match(word)), True
            del words[n:]
            break
    while words and not words[-1][:1].isupper():
        words.pop()  # a particle left at the end by the cut: "Rio de" of "Rio de Monday"
    dot = "." if len(words) == 1 and not cut and sentence[end:end + 1] == "." else ""
    if not words or (len(words) == 1 and _NOT_PLACE_WORD.match(words[0] + dot)) or \
            _NOT_PLACES.match(" ".join(words)):  # "in Jan.", "in Shooting"; "Sun Prairie" is one
        return None
    lowered = [word.rstrip(".").lower() for word in words]
    if lowered[0] in w["closed"] or any(low in w["never"] for word, low in zip(words, lowered)
                                        if word[:1].isupper()):
        return None
    if any(piece[:1].isupper() and piece.lower() in w["closed"]
           for word in words if "-" in word for piece in word.split("-")):
        return None  # "Drive-By", "Sit-In": a headline's compound ("Mazar-i-Sharif" is a name)
    if det and all(word in w["generic"] or word in w["particles"] or word == "of" for word in lowered):
        return None  # "the District", "the Central Bank": no name among them ("in Temple" is one)
    place = " ".join(words)
    dubious = False
    if _POSSESSIVE.search(words[-1]):  # "in Marlow's flat", "Georgia's capital"
        place = _POSSESSIVE.sub("", place)
        dubious = True
    if event_after and _ADJECTIVE_SHAPE.match(words[0]):
        dubious = True  # "In Accidental Shooting", "In Deadly Holiday Crash": the event's adjectives
    if dubious and places.country_of(place) is None:
        return None
    return place
