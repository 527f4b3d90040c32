"""What a figure counts, read over the grammar layer (grammar.py).

A figure belongs to the noun phrase whose head it quantifies; its metric comes from

1. the phrase itself: negated (``none of the nine``) or headed by a thing, an animal or a
   bullet (``60 properties``, ``400 head of cattle``, ``one shot smashed a window``): no
   metric at all;
2. its head when the head is a metric noun (``9 dead``, ``27 injuries``, ``15 bodies``);
3. its own predicate, however built, past a relative clause or an aside: the verb group's
   main verb and what completes it, adverbs left out (``were later found dead``, ``were
   flown overnight to hospital``, ``wound up being stabbed``); a negated predicate counts
   nothing (``were not hurt``); two metrics joined by ``or`` are casualties (``killed or
   wounded``); a modal keeps the claim and hedges it (``could die``);
4. a participle or adjective before the head (``wounded soldiers``), which gives way to a
   predicate of a stronger metric (``injured passengers were taken to hospital``);
5. the verb whose object it is, in any tense (``Police detain 38``, ``Floods displace
   12,000``), and a verb of transfer completed after the object (``took eight men into
   custody``, ``flew five of the wounded to a hospital``);
6. with none of these, a head noun that tells what the group was doing (``8,000
   demonstrators chanted``: participants; ``1,200 troops based in``: deployed).

``read`` returns None where the grammar has nothing to say; the older reading in metrics.py
then stands.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from .grammar import Parse, classes, possessive
from .lexicon import Lexicon
from .cues import SPEECH
from .metrics import _WS, _patterns, _phrase_alt, counted

# the metrics a predicate gives that outrank a participle before the head
_STRONG = frozenset({"killed", "hospitalized", "arrested", "kidnapped", "missing", "injured", "casualties"})
_TRANSFER = frozenset({"took", "take", "takes", "taking", "taken", "flew", "flown", "fly", "flies", "flying",
                       "rushed", "rush", "rushes", "airlifted", "carried", "brought", "bring", "brings", "sent",
                       "send", "sends", "drove", "driven", "ferried", "evacuated", "moved", "transferred",
                       "shifted"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})
_THEN = frozenset({"earlier", "later", "before", "after", "ago", "prior", "since", "on"})
_STOP = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "--", "(", ")", "\"", "“", "”"})


# quantity words that take a partitive: "most of the 200"
_PARTS = frozenset({"most", "many", "some", "all", "half", "several", "few", "none", "each", "both", "rest", "any",
                    "nobody", "no-one",
                    # fractions: "a third of the 90 prisoners", "two-thirds of the 300"
                    "third", "thirds", "quarter", "quarters", "fifth", "fifths", "two-thirds", "three-quarters"})
# verbs of saying: the list after one is the subject of its complement clause
_SPEECH_WORDS = frozenset(w for w in SPEECH.split("|") if w.isalpha())
# what joins the groups of a list that shares one verb
_LIST_JOINS = frozenset({"and", "or", "as", ",", "plus", "along", "together"})
EARLIER = "(earlier)"  # a neutral measure noun: the metric of the figure before it
# verbs of inclusion: their object is part of the group their subject counts ("the 14 dead
# included 5 children", "those arrested include three journalists")
_INCLUDE = frozenset({"included", "include", "includes"})
# states that tell a group came to no harm: "pulled 3 people alive", "were found unhurt"
_UNHARMED = frozenset({"alive", "unharmed", "unhurt", "uninjured", "unscathed", "safe", "safely"})
# verbs of having: their object's head noun tells what the group is ("has 800 troops")
_POSSESSION = frozenset({"has", "have", "had", "keeps", "keep", "kept", "maintains", "maintain", "maintained"})
# what a verb of taking or holding makes of its object: "took 6 guards hostage"
_CAPTIVE = frozenset({"hostage", "hostages", "captive", "captives", "prisoner", "prisoners"})
# verbs of rescue: the captives rescued are released ("troops rescued 46 hostages"), anyone else
# rescued is counted by nothing
_RESCUE = frozenset({"rescued", "rescue", "rescues", "rescuing"})
# verbs of admission: passive and completed by no place of their own, a stay in hospital
_ADMIT = frozenset({"admitted", "readmitted"})


class Reading(NamedTuple):
    """The grammar's reading of a figure: a metric ("other": none), and a modal hedge."""

    metric: str
    hedge: str | None = None


@lru_cache(maxsize=8)
def _verbs(lexicon: Lexicon) -> dict:
    """Verb forms of the lexicon's metric verbs in the present tense, from their past forms:
    "detained" → "detain", "detains"; "displaced" → "displace", "displaces"."""
    p = _patterns(lexicon)
    present: dict[str, str] = {}
    for phrase, metric in list(p["after"].items()) + list(p["before"].items()):
        if " " in phrase or not phrase.endswith("ed") or len(phrase) < 5:
            continue
        for stem in (phrase[:-2], phrase[:-1]):
            for form in (stem, stem + "s"):
                present.setdefault(form, metric)
    g = lexicon.data.get("grammar", {})
    # irregular verbs (lexicon ``present_forms``): "shot" → "shoot", "shoots"; and phrases of a
    # verb and one word before the figure in the present: "shot dead" → "shoots dead"
    irregular = {past.lower(): [f.lower() for f in forms] for past, forms in g.get("present_forms", {}).items()}
    past_of: dict[str, list[str]] = {}
    for past, forms in irregular.items():
        for form in forms:
            past_of.setdefault(form, []).append(past)
    present2: dict[str, str] = {}
    for phrase, metric in p["before"].items():
        first, _, rest = phrase.partition(" ")
        forms = irregular.get(first, [])
        if not forms and first.endswith("ed") and len(first) >= 5:
            forms = [f for stem in (first[:-2], first[:-1]) for f in (stem, stem + "s")]
        if not rest:
            for form in irregular.get(first, []):
                present.setdefault(form, metric)
        elif " " not in rest:
            for form in forms:
                present2.setdefault(f"{form} {rest}", metric)
    nouns = {}
    for metric, words in g.get("noun_metrics", {}).items():
        for w in words:
            nouns.setdefault(w.lower(), metric)
    modifiers = {w.lower(): metric for metric, ws in g.get("modifier_metrics", {}).items() for w in ws}
    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in g.get(name, []))

    for w in words("not_present"):
        present.pop(w, None)
        for two in [t for t in present2 if t.split()[0] == w]:
            present2.pop(two)
    # the -ing forms of metric verbs the group itself does (intransitive: the verb's past form
    # follows a counted group but never takes one as its object): "marched" → "marching",
    # "rallied" → "rallying", "fled" → "fleeing" (a form of its own in the lexicon)
    doing: dict[str, str] = {}
    for phrase, metric in p["after"].items():
        if " " in phrase or phrase in p["before"]:
            continue
        if phrase.endswith("ing"):
            doing.setdefault(phrase, metric)
        elif phrase.endswith("ied") and len(phrase) > 5:
            doing.setdefault(phrase[:-3] + "ying", metric)
        elif phrase.endswith("ed") and len(phrase) > 5:
            doing.setdefault(phrase[:-2] + "ing", metric)
    sources = lexicon.data.get("sources", {})
    custodians = frozenset(w.lower() for kind in ("police", "military") for w in sources.get(kind, []) if " " not in w)
    return {"custody": words("custody_verbs"), "custodians": custodians,
            "irrealis_nouns": words("irrealis_nouns"), "firing": words("firing_verbs"),
            "present": present, "present2": present2, "past_of": past_of, "nouns": nouns, "modifiers": modifiers, "subjects": p["subjects"], "care": words("care_places"),
            "shelters": words("shelter_places"),
            "doing": doing, "neutral": words("neutral_measures"), "states": words("state_verbs"),
            "prosecution": words("prosecution_verbs"), "denials": words("denials"),
            "falsity": words("falsity"), "claim_nouns": words("claim_nouns"),
            "persons": frozenset(w.lower() for ws in lexicon.data.get("individuals", {}).get("heads", {}).values()
                                 for w in ws)
            | frozenset(w.lower() for w in lexicon.data.get("individuals", {}).get("civilian_roles", [])),
            # each comparison under its last word, the word right before the figure
            "comparisons": _by_last_word(tuple(c.lower().split()) for c in g.get("comparisons", [])),
            "loss": words("loss_verbs"), "irrealis": words("irrealis"), "measure_nouns": words("measure_nouns"),
            "counted_measures": words("counted_measures"),
            "measure_verbs": words("measure_verbs"), "rates": words("rate_units"), "fatal": words("fatal_adverbs"),
            "fatal_adjectives": words("fatal_adjectives"),
            "not_before": frozenset({"received", "treated", "suffered", "taking", "sent", "drew", "send", "sending"}),
            "kin": words("kin_nouns"), "time": words("time_nouns") | _MONTHS, "suffer": words("suffer_verbs"),
            "parts": words("part_quantifiers"),
            "increments": words("increments"),
            "flight": words("flight_words"), "escape_places": words("escape_places"),
            "vehicles": words("escape_vehicles"), "escape_from": words("escape_from"),
            "escapers": words("escapers") | frozenset(w.lower() for w in lexicon.data.get("subjects", {}).get("assailants", []))}


@lru_cache(maxsize=8)
def _cue_words(lexicon: Lexicon) -> re.Pattern:
    """Every word that can give a metric to a figure the older reading left without one."""
    p = _patterns(lexicon)
    v = _verbs(lexicon)
    closed = classes(lexicon)["table"]
    # every word of a phrase stands in the sentence where the phrase does: its longest word of
    # an open class ("were killed": killed, "to hospital": hospital) is the one to look for
    words = set()
    for phrase in list(p["after"]) + list(p["before"]):
        content = [w for w in phrase.split() if w not in closed] or phrase.split()
        words.add(max(content, key=len))
    words |= set(v["present"]) | v["custody"] | set(v["past_of"]) | {t.split()[0] for t in v["present2"]} | set(v["nouns"]) | v["care"] | _MOVED | v["measure_nouns"] | v["loss"] | set(v["doing"]) | set(v["modifiers"]) | {"custody", "lives"}
    return re.compile(r"\b(?:%s)\b" % _phrase_alt(words))


# the participles of _TRANSFER: a group moved to a place of refuge may be displaced
_MOVED = frozenset({"taken", "flown", "rushed", "airlifted", "carried", "brought", "sent", "driven", "ferried",
                    "evacuated", "moved", "transferred", "shifted"})


def may_count(sentence: str, lexicon: Lexicon) -> bool:
    """Whether a figure of ``sentence`` that the older reading counts as nothing may count
    something after all: one of the words that give a metric stands in it. The grammar
    layer is only built when it can change a figure's metric."""
    return _cue_words(lexicon).search(sentence.lower()) is not None


def _plural_or_collective(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "'s", "’s"))


def _before(parse: Parse, start: int) -> int:
    """The token before tokens[start], past determiners and adverbs; -1 at the start."""
    toks = parse.tokens
    j = start - 1
    while j >= 0 and toks[j].tag in ("DET", "ADV"):
        j -= 1
    return j


def _irrealis(parse: Parse, start: int, verbs: dict, p: dict | None = None) -> bool:
    """A wish, plan or order governs the figure: "a warrant for the arrest of 5", "plans to
    deport 200", "threatened to kill 10"."""
    toks = parse.tokens
    for j in range(start - 1, max(-1, start - 6), -1):
        t = toks[j]
        if t.low in verbs["irrealis"]:
            return True
        if t.tag in ("PUNCT", "SUB", "REL", "AUX", "MODAL", "CONJ") or t.tag == "NUM":
            return False
        if p is not None and t.tag == "PART" and t.low in p["before"] and j >= 1 and toks[j - 1].tag != "AUX" \
                and toks[j - 1].low != "to":
            return False  # a metric verb of its own governs the figure: "troops who answered the call killed 3"
    return False


def _opens_clause(parse: Parse, np, verbs: dict) -> bool:
    """The figure's phrase is the subject of a finite verb of its own and follows a noun with
    no preposition or verb between ("during the rescue attempt 7 people were killed"): the
    plan or wish the noun names ends there and does not govern the figure (unlike "plans to
    deport 200", "a warrant for the arrest of 5")."""
    toks = parse.tokens
    j = _before(parse, np.start)
    if j < 1 or toks[j].low not in verbs["irrealis_nouns"] or toks[j - 1].tag not in ("DET", "WORD", "NAME", "PART", "ADV") \
            or np.verb_at >= len(toks):
        return False
    vg = parse.verb_group(np.verb_at)
    return vg is not None and vg.modal is None and toks[vg.start].tag == "AUX"


def _measured(parse: Parse, start: int, p: dict, verbs: dict) -> str | None:
    """The metric of a measure noun the figure completes: "the death toll climbed to 58",
    "set the count of residents who fled at 12,000", "the crowd numbered ten thousand"."""
    toks = parse.tokens
    j = start - 1
    if j >= 2 and toks[j].low == "the" and toks[j - 1].low == "in":
        j -= 2  # "the crowd numbered in the tens of thousands"
    if j >= 2 and toks[j].low == "from":
        # "fell to 14, from 22": the figure the measure left counts what the new one counts
        k = j - 2 if toks[j - 1].text == "," else j - 1
        if k >= 1 and toks[k].tag == "NUM" and toks[k - 1].low in ("to", "at"):
            return _measured(parse, k, p, verbs)
    if j < 0 or toks[j].low not in verbs["measure_verbs"]:
        return None
    pronoun = crossed = False  # "the toll was 12; by Tuesday it had risen to 19": "it" is the toll
    skip_to = None
    for m in range(j - 1, max(-1, j - 30), -1):
        t = toks[m]
        if skip_to is not None and m > skip_to:
            continue
        if t.text == "," and not crossed and skip_to is None:
            # an aside between commas on the measure noun: "the toll, put at 8 on Friday, rose to 13"
            c = next((c for c in range(m - 1, max(0, m - 12), -1) if toks[c].text in (",", ";", ":")), None)
            if c is not None and toks[c].text == "," and toks[c - 1].low in verbs["measure_nouns"]:
                skip_to = c - 1
                continue
        if t.tag == "NUM" and toks[j].low == "to" and m >= 1 and toks[m - 1].low == "from":
            continue  # "rose from 12 to 19": the range's first figure
        if t.low == "it" and not crossed:
            pronoun = True
        if pronoun and t.low in (";", ",", "and") and not crossed:
            crossed = True  # the clause before names what "it" is
            continue
        if t.tag == "NUM" and not crossed and _in_place_modifier(parse, m, p):
            continue  # "the number of people held in the capital and two other cities reached 540"
        if t.low in (";", ":") or t.tag == "SUB" or (t.tag == "NUM" and not crossed):
            return None
        if t.low in verbs["measure_nouns"]:
            for k in range(m + 1, j):  # what the noun counts: "number of arrests", "of people who fled"
                words = parse.words(k, min(j, k + 4))
                metric, stop = _after_metric(p, words)
                if metric:
                    rest = words[stop:].split(" ", 2)
                    if len(rest) > 2 and rest[1] in ("and", "or") and metric in ("killed", "injured") and \
                            _after_metric(p, rest[2])[0] in ("killed", "injured", "casualties"):
                        return "casualties"  # "the toll of dead and wounded"
                    return metric
            if t.low == "toll":
                lead = toks[m - 1].low if m else ""
                return "casualties" if lead.startswith("casualt") else "killed"
            if t.low in verbs["neutral"] and not any(toks[k].tag in ("PREP", "REL") for k in range(m + 1, j - 1)):
                return EARLIER  # "the figure had reached 11": what the figure before it counts
            return verbs["nouns"].get(t.low)
        if t.low in verbs["counted_measures"] and _heads_subject(parse, m, j):
            return _after_metric(p, t.low)[0]  # "road fatalities in the county reached 61"
    return None


def _heads_subject(parse: Parse, m: int, j: int) -> bool:
    """The noun at token ``m`` heads the subject of the verb at token ``j``: only its modifiers
    stand between the clause's start and it, and only a place or time phrase between it and the
    verb ("Road fatalities in the county last year reached …")."""
    toks = parse.tokens
    b = m - 1
    while b >= 0 and toks[b].tag in ("DET", "WORD", "NAME") and not possessive(toks[b]):
        b -= 1
    if b >= 0 and not (toks[b].text in (",", ";", ":", "(", "\n") or toks[b].tag in ("SUB", "CONJ")):
        return False
    # the verb of a measure ending on "to" or "at" ("fell to", "rose to") stands right before it
    return all(toks[k].tag in ("PREP", "DET", "WORD", "NAME", "ADV") or (k == j - 1 and toks[k].tag == "PART")
               for k in range(m + 1, j))


def _label_metric(parse: Parse, colon: int, p: dict, verbs: dict) -> str | None:
    """The metric a label before the colon at token ``colon`` names: a metric word or a measure
    noun in a label of a few words that opens its clause and holds no figure (asides in
    brackets left out)."""
    toks = parse.tokens
    words, depth = [], 0
    for i in range(colon - 1, -1, -1):
        t = toks[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0:
            if t.text in (";", ":", ".", "!", "?"):
                break
            if t.tag == "NUM" or t.tag in ("AUX", "MODAL", "SUB", "REL", "NEG") or len(words) >= 8:
                return None
            if t.tag != "PUNCT":
                words.append(i)
    for i in reversed(words):
        metric, _ = _after_metric(p, parse.words(i, colon))
        if metric is None:
            metric = verbs["nouns"].get(toks[i].low) if toks[i].low in verbs["measure_nouns"] else None
            if toks[i].low == "toll":
                metric = "killed"
        if metric:
            return metric
    return None


def _declared_false(parse: Parse, j: int, end: int, verbs: dict) -> bool:
    """The that-clause after token ``j`` is declared untrue and no one is named to make it:
    "it is false that 300 died", "the claim that 40 were held is false" (not "the army's claim
    that 40 were held is false": a named maker's figure stays a claim)."""
    toks = parse.tokens
    if j < 0:
        return False
    if toks[j].low in verbs["falsity"]:
        return j >= 1 and toks[_before(parse, j)].low in ("is", "was", "are", "were", "'s")
    if toks[j].low not in verbs["claim_nouns"]:
        return False
    b = j - 1
    if b >= 0 and not (toks[b].tag == "DET" and toks[b].low not in ("his", "her", "its", "their", "our", "my")):
        return False  # "the ministry's claim", "Smith's claim", "his claim": a named maker
    for k in range(end, len(toks) - 1):
        if toks[k].text in (";", ".", ":", "!", "?") or toks[k].tag == "SUB":
            return False
        if toks[k].low in ("is", "was", "are", "were"):  # the clause's own verb comes first
            n = k + 1
            while n < len(toks) and toks[n].tag == "ADV":
                n += 1
            if n < len(toks) and toks[n].low in verbs["falsity"]:
                return True
    return False


def _in_place_modifier(parse: Parse, m: int, p: dict) -> bool:
    """The figure at token ``m`` counts no people and stands inside a prepositional phrase
    other than "of" ("in 3 towns", "across Oyo and two other states"): a modifier of the phrase
    around it, no figure of the measure."""
    toks = parse.tokens
    k = m + 1
    while k < len(toks) and toks[k].low in ("other", "more", "further", "neighbouring", "neighboring", "nearby"):
        k += 1
    if k >= len(toks) or toks[k].tag not in ("WORD", "NAME") or toks[k].low in p["subjects"]:
        return False
    b = _before(parse, m)
    if b >= 1 and toks[b].low in ("and", "or"):
        b = next((i for i in range(b - 1, max(-1, b - 5), -1) if toks[i].tag not in ("NAME", "WORD", "DET")), -1)
    return b >= 0 and toks[b].tag == "PREP" and toks[b].low not in ("of", "to", "at", "from", "by")


def _by_last_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        if words:
            out.setdefault(words[-1], []).append(words)
    return out


def _compared(parse: Parse, start: int, verbs: dict) -> bool:
    """A comparison opens the figure's phrase: "up from 9", "compared with 12"."""
    toks = parse.tokens
    if start < 1:
        return False
    for words in verbs["comparisons"].get(toks[start - 1].low, ()):
        n = len(words)
        if start >= n and all(toks[start - n + i].low == w for i, w in enumerate(words)):
            return True
    return False


def _figure_metric(parse: Parse, k: int, lexicon: Lexicon) -> str:
    """The metric of the figure at token ``k``: the grammar's reading, else the older one."""
    reading = read(parse, parse.tokens[k].fig, lexicon)
    if reading is not None:
        return reading.metric
    return counted(parse.sentence, parse.starts[k], parse.ends[k], lexicon).metric


def _earlier_metric(parse: Parse, start: int, lexicon: Lexicon, nearest: bool = False) -> str | None:
    """The metric of the nearest figure before token ``start`` that counts something; with
    ``nearest``, of the nearest figure only ("$5m, up from $3m" compares no count)."""
    toks = parse.tokens
    for k in range(start - 1, -1, -1):
        if toks[k].tag == "NUM":
            metric = _figure_metric(parse, k, lexicon)
            if metric != "other" or nearest:
                return None if metric == "other" else metric
    return None


def _increment_metric(parse: Parse, start: int, lexicon: Lexicon, verbs: dict) -> str | None:
    """The metric of the nearest figure before token ``start`` marked as an increment
    ("an additional 40", "12 more", "9 new"), "other" included: a total that an increment of
    files brings up is a total of files."""
    toks = parse.tokens
    for k in range(start - 1, -1, -1):
        if toks[k].tag != "NUM":
            continue
        before = toks[k - 1].low if k else ""
        after = toks[k + 1].low if k + 1 < len(toks) else ""
        if before in verbs["increments"] or after in verbs["increments"]:
            return _figure_metric(parse, k, lexicon)
        return None  # the nearest figure is no increment: the older reading stands
    return None


def _after_metric(p: dict, words: str) -> tuple[str | None, int]:
    """The metric of an ``after`` phrase opening ``words``, and where the phrase ends."""
    m = p["after_re"].match(words)
    if not m or (m.end() < len(words) and words[m.end()].isalnum()):
        return None, 0
    metric = p["after"].get(_WS.sub(" ", m.group()))
    if metric in _HARM and words.startswith(" or ", m.end()):
        # "dead or injured", "killed or wounded": either outcome, so casualties
        m2 = p["after_re"].match(words, m.end() + 4)
        if m2 and not (m2.end() < len(words) and words[m2.end()].isalnum()):
            other = p["after"].get(_WS.sub(" ", m2.group()))
            if other in _HARM and other != metric:
                return "casualties", m2.end()
    return metric, m.end()


_HARM = frozenset({"killed", "injured", "casualties"})


def _predicate(parse: Parse, at: int, p: dict, fatal: frozenset = frozenset(),
               verbs: dict | None = None) -> tuple[str | None, bool, str | None]:
    """The metric of the verb group at token ``at``: (metric, negated, modal). A verb of
    wounding under an adverb of death (``were fatally shot``, ``mortally wounded``) kills."""
    vg = parse.verb_group(at)
    if vg is None:
        return None, False, None
    metric, negated, modal = _predicate_of(parse, vg, p, verbs)
    if metric in ("casualties", "injured") and fatal and \
            any(parse.tokens[i].low in fatal for i in range(vg.start, min(len(parse.tokens), vg.main + 2))):
        metric = "killed"
    return metric, negated, modal


def _predicate_of(parse: Parse, vg, p: dict, verbs: dict | None = None) -> tuple[str | None, bool, str | None]:
    """The metric of the verb group ``vg`` from its main verb and what completes it.

    With the lexicon's ``verbs``: a verb that states what the group is gives the metric of the
    state (``were listed as missing``, ``were reported as dead``); a passive verb of admission
    is a stay in hospital when nothing but a place of care completes it (``were admitted
    overnight``, ``were admitted to a clinic``), and "other", no metric, when something else
    does (``were admitted to the bar``)."""
    toks = parse.tokens
    end = vg.main
    while end < len(toks) and end - vg.main < 8 and toks[end].text not in _STOP and \
            toks[end].tag not in ("SUB", "REL") and not (toks[end].tag == "CONJ" and end > vg.main + 1):
        end += 1
    main = toks[vg.main].low
    if verbs is not None and main in _ADMIT:
        if not vg.passive:
            return None, vg.negated, vg.modal  # "admitted that …", "admitted guilt"
        k = vg.main + 1
        while k < len(toks) and toks[k].tag == "ADV":
            k += 1
        if k < len(toks) and toks[k].low in ("to", "into", "as", "at"):
            cared = any(toks[i].low in verbs["care"] for i in range(k + 1, min(len(toks), k + 5)))
            return ("hospitalized" if cared else "other"), vg.negated, vg.modal
        if k >= len(toks) or toks[k].tag in ("PUNCT", "PREP", "SUB", "CONJ") or toks[k].text in _STOP:
            return "hospitalized", vg.negated, vg.modal
        return None, vg.negated, vg.modal
    if verbs is not None and main in verbs["states"] and vg.main + 1 < len(toks):
        k = vg.main + 2 if toks[vg.main + 1].low == "as" else vg.main + 1
        if k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].low in ("be", "have"):
            # "were declared to be missing", "were confirmed to have been killed"
            k += 2
            if k < len(toks) and toks[k].low == "been":
                k += 1
        words = parse.words(k, min(len(toks), k + 4))
        # the state as a copula's complement: "listed as critical" reads as "were critical"
        state = _after_metric(p, words)[0] or _after_metric(p, "were " + words)[0]
        if state:
            return state, vg.negated, vg.modal
    words = parse.words(vg.main, end)
    metric, stop = _after_metric(p, words)
    if metric is None and verbs is not None and main in verbs["suffer"]:
        # a verb of suffering takes the harm as its object, whatever words describe it:
        # "sustained moderate injuries", "suffered serious but not life-threatening burns"
        for k in range(vg.main + 1, end):
            if toks[k].tag in ("NUM", "PREP", "SUB", "REL", "PRON") and toks[k].low != "to" or \
                    toks[k].low in ("and", "or"):
                break  # ("minor to moderate injuries": a span of degree)
            harm, _ = _after_metric(p, parse.words(k, min(end, k + 3)))
            if harm in _HARM:
                metric, stop = harm, len(words)
                break
        if metric == "injured" and end + 1 < len(toks) and toks[end].low == "and" and \
                (second := parse.verb_group(end + 1)) is not None and \
                _predicate_of(parse, second, p, verbs)[0] == "hospitalized":
            metric = "hospitalized"  # "suffered burns and was taken to hospital": the stay is the news
    if metric == "hospitalized" and verbs is not None and vg.passive and main in _TRANSFER and \
            vg.main + 2 < len(toks) and toks[vg.main + 1].low in ("to", "into"):
        place = range(vg.main + 2, min(len(toks), vg.main + 5))
        if any(toks[i].low in verbs["shelters"] for i in place) and not any(toks[i].low in verbs["care"] for i in place):
            metric = None  # "were taken to safety", "taken to a school": the place is a refuge, no care
    if metric is None and verbs is not None and vg.passive and main in _TRANSFER:
        # "were airlifted to hospital", "was ferried overnight to a clinic": taken for care
        k = vg.main + 1
        while k < len(toks) and toks[k].tag == "ADV":
            k += 1
        if k < len(toks) and toks[k].low in ("to", "into") and \
                any(toks[i].low in verbs["care"] for i in range(k + 1, min(len(toks), k + 4))):
            return "hospitalized", vg.negated, vg.modal
        if k < len(toks) and toks[k].low in ("to", "into") and \
                any(toks[i].low in verbs["shelters"] for i in range(k + 1, min(len(toks), k + 4))):
            # "were moved to the sports hall", "were taken to safety": a place of refuge
            return "displaced", vg.negated, vg.modal
    if metric is None and end > vg.main + 1 and toks[vg.main + 1].low in ("and", "or") and \
            toks[vg.main].tag == "PART" and vg.passive and \
            toks[vg.main + 2].low not in ("released", "freed", "let"):
        # "were beaten and injured": the participle's group goes on after "and" (but "were
        # questioned and released" were let go, never held: no release of captives)
        end = vg.main + 1
    if metric is None and end < len(toks) and toks[end].low in ("and", "or") and end + 1 < len(toks):
        second = parse.verb_group(end + 1)  # "were swept away and drowned"
        if second is not None:
            metric, _ = _after_metric(p, parse.words(second.main, min(len(toks), second.main + 6)))
    conj = next((k for k in (vg.main + 1, end) if k + 1 < len(toks) and toks[k].low == "and"), None)
    if metric == "displaced" and verbs is not None and conj is not None and \
            (second := parse.verb_group(conj + 1)) is not None and \
            _predicate_of(parse, second, p, verbs)[0] == "hospitalized":
        metric = "hospitalized"  # "were evacuated with burns and are being treated in hospital": care is the news
    if metric is None:
        return None, vg.negated, vg.modal
    rest = words[stop:].lstrip()
    if rest.startswith(("or ", "and/or ")):
        other, _ = _after_metric(p, rest.split(" ", 1)[1])
        if other and other != metric and {metric, other} <= {"killed", "injured", "casualties"}:
            metric = "casualties"  # "killed or wounded"
    if metric == "casualties":
        # "shot twice and died", "shot and later listed as critical": the outcome wins
        for j in range(vg.main + 1, min(len(toks), vg.main + 8)):
            if toks[j].text in _STOP or toks[j].tag == "SUB":
                break
            if toks[j].low == "and":
                k = j + 1
                while k < len(toks) and (toks[k].tag in ("ADV", "AUX") or toks[k].low in ("left", "listed")):
                    k += 1
                outcome, _ = _after_metric(p, parse.words(k, min(len(toks), k + 4)))
                if outcome in ("killed", "injured"):
                    metric = outcome
                break
    return metric, vg.negated, vg.modal


def np_head_noun(parse: Parse, start: int, end: int, verbs: dict) -> str | None:
    """The metric the last word of the noun phrase tokens[start:end] names as a noun
    ("troops" deployed, "marchers" participants), else None."""
    return verbs["nouns"].get(parse.tokens[end - 1].low) if end - 1 > start else None


def _object_of(parse: Parse, start: int, end: int, p: dict, verbs: dict) -> str | None:
    """The metric of the verb whose object is the noun phrase tokens[start:end]."""
    toks = parse.tokens
    j = start - 1
    while j >= 0 and toks[j].tag in ("DET", "ADV"):
        j -= 1
    if j < 0:
        return None
    verb = toks[j].low
    if verb in _RESCUE and any(toks[i].low in _CAPTIVE for i in range(start + 1, end)):
        return "released"
    if (verb in _TRANSFER or verb in verbs["custody"]) and end < len(toks) and toks[end].low in _CAPTIVE:
        return "kidnapped"  # "took 6 guards hostage", "are holding 30 villagers captive"
    if verb in verbs["custody"] and (any(toks[i].low in p["subjects"] for i in range(start, end)) or end == start + 1):
        # "police are holding 9 men", a headline's "Police hold 12": held by police or troops,
        # people are arrested; held by anyone else (talks, seats, hostages) they are not
        k = j - 1
        while k >= 0 and toks[k].tag in ("AUX", "ADV"):
            k -= 1
        if k >= 0 and toks[k].low in verbs["custodians"]:
            return "arrested"
    if np_head_noun(parse, start, end, verbs) == "deployed" and end < len(toks) and \
            toks[end].low in ("to", "into", "toward", "towards") and toks[j].tag in ("PART", "WORD", "GER"):
        return "deployed"  # "ordered 1,500 troops to the border", "moved 300 peacekeepers into the zone"
    if verb in _TRANSFER and end + 1 < len(toks) and toks[end].tag == "PART" and toks[end + 1].low in ("to", "into"):
        end += 1  # "carried 3 wounded to a clinic": the participle stands as the object's noun
    if verb in _TRANSFER and end < len(toks):
        # "took eight men into custody", "flew five of the wounded to a city hospital", past an
        # apposition of the object: "took two people, a man and a woman, into custody"
        for k in range(end, min(len(toks), end + 16)):
            if toks[k].text in (";", ":", ".") or toks[k].tag in ("SUB", "REL", "AUX", "MODAL"):
                break
            if toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].low in ("into", "to"):
                end = k + 1  # the comma that closes the object's apposition
                break
        rest = parse.words(end, min(len(toks), end + 6))
        if rest.startswith("into custody") or rest.startswith("into police custody"):
            return "arrested"
        if rest.startswith("to ") and any(toks[i].low in verbs["care"] for i in range(end + 1, min(len(toks), end + 6))):
            return "hospitalized"
    # (the noun phrase may have taken the adjective as its head: "three men dead")
    if end < len(toks) and toks[j].tag in ("PART", "GER", "WORD") and verb in p["before"] and \
            p["before"][verb] in ("casualties", "injured") and \
            (toks[end].low == "dead" or toks[end - 1].low == "dead" or
             (toks[end].low == "to" and end + 1 < len(toks) and toks[end + 1].low == "death")):
        return "killed"  # a result after the object: "shot three men dead", "beat two guards to death"
    prep = next((i for i in range(start + 1, min(end + 1, len(toks))) if toks[i].tag == "PREP"), None)
    if toks[j].tag in ("PART", "GER", "WORD") and prep is not None:
        # the verb and its complement around the object (which the noun phrase may have taken
        # as its own) read as the object's predicate: "forced 300 people from their homes" as
        # "300 people were forced from their homes"
        complement = " " + parse.words(prep, min(len(toks), prep + 4))
        forms = [verb]
        if toks[j].tag == "WORD":  # a headline's present tense: "Wildfires force 5,000 from their homes"
            stem = verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb
            forms.append(stem + ("d" if stem.endswith("e") else "ed"))
            forms += verbs["past_of"].get(verb, [])  # "drive" → "drove", "driven"
        elif toks[j].tag == "GER" and verb.endswith("ing"):
            # a gerund read as its past form: "shooting 3 men to death" as "shot … to death",
            # "stabbing", "burning" as "stabbed", "burned"
            stem = verb[:-3]
            forms += [stem + "ed", stem + "d", *verbs["past_of"].get(stem, [])]
        for form in forms:
            metric, stop = _after_metric(p, form + complement)
            if metric and stop > len(form):
                return metric
    if toks[j].tag in ("PART", "GER") and verb in p["before"] and toks[j].low not in verbs["not_before"] \
            and not (j >= 1 and toks[j - 1].tag == "DET"):  # "a wound 2 cm deep": a noun after its determiner
        if p["before"][verb] in ("casualties", "injured") and j >= 1 and toks[j - 1].low in verbs["fatal"]:
            return "killed"  # "fatally shot four guards", "mortally wounding 2"
        if p["before"][verb] == "displaced":
            # moving the wounded is care, not displacement: "evacuated 8 wounded soldiers"
            harm = next((m for i in range(start + 1, end) for m in [_after_metric(p, toks[i].low)[0]]
                         if m in ("injured", "casualties", "hospitalized")), None)
            if harm:
                return harm
        return p["before"][verb]  # "freed 12 of the 90 miners", "killing 3"
    if j >= 1 and f"{toks[j - 1].low} {verb}" in verbs["present2"] and toks[j - 1].tag in ("WORD", "NAME"):
        return verbs["present2"][f"{toks[j - 1].low} {verb}"]  # "Gunman shoots dead 3"
    if toks[j].tag in ("WORD", "NAME", "ADV", "GER") and toks[j].low not in _MONTHS:
        # a present tense: "Police detain 38", "Floods displace 12,000"
        return verbs["present"].get(verb)
    return None


def _age_apposition(parse: Parse, k: int, verbs: dict) -> bool:
    """The bare figure at token ``k`` stands between commas after a noun naming one person:
    an age ("the victim, 17, died", "a nurse, 52,")."""
    toks = parse.tokens
    return 2 <= k < len(toks) - 1 and toks[k - 1].text == "," and toks[k + 1].text == "," and \
        toks[k - 2].low.rsplit(" ", 1)[-1] in verbs["persons"] and toks[k].text.isdigit() and int(toks[k].text) < 120


_SHARED = frozenset({"both", "each"})  # ("the guards, all 12," may count them)
_ASIDE_CLOSE = frozenset({",", ")", "—", "–", "--", "-", ";"})


def _shared_age(parse: Parse, k: int) -> bool:
    """The bare figure at token ``k`` opens on "both" or "each" in an aside after the
    people it describes, and closes the aside's first part: the age they share ("the brothers,
    both 23, were hurt", "Ann and Lee, each 19 — one a student — were held")."""
    toks = parse.tokens
    return 2 <= k < len(toks) - 1 and toks[k - 1].low in _SHARED and toks[k - 2].text in (",", "(", "—", "–") and \
        toks[k + 1].text in _ASIDE_CLOSE and toks[k].text.isdigit() and int(toks[k].text) < 120


def _fraction(word: str, verbs: dict) -> bool:
    """A fraction or quantifier that takes a part of a whole: "half", "three-fourths", "most"."""
    return word in verbs["parts"] or word.endswith(("thirds", "fourths", "quarters", "fifths", "tenths"))


def _ages_listed(parse: Parse, k: int, verbs: dict) -> bool:
    """The bare figure at token ``k`` is an item of a list of bare figures joined by "and" that
    opens after a comma behind a noun naming people, with no noun of its own after it: their
    ages ("the two men, 19 and 23 were hurt", "three girls, 8, 11 and 14, were"), not "12
    soldiers, 3 and 4 of them officers"."""
    toks = parse.tokens

    def age(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].text.isdigit() and int(toks[i].text) < 120

    if not age(k):
        return False
    start = end = k
    joined = False
    while start >= 2 and toks[start - 1].low in (",", "and", "or") and age(start - 2):
        joined = joined or toks[start - 1].low != ","
        start -= 2
    while age(end + 2) and toks[end + 1].low in (",", "and", "or"):
        joined = joined or toks[end + 1].low != ","
        end += 2
    if end == start or not joined or start < 2 or toks[start - 1].text != "," or \
            toks[start - 2].tag not in ("WORD", "NAME"):
        return False
    if end + 1 < len(toks) and (toks[end + 1].tag in ("WORD", "NAME", "NUM") or toks[end + 1].low == "of"):
        return False
    word = toks[start - 2].low  # a person's noun, not a group's ("12 soldiers, 3 and 4 in …")
    return word in verbs["persons"] or word.rstrip("s") in verbs["persons"] and word.rstrip("s") not in verbs["subjects"] \
        or word in ("men", "women", "children")


def _age_list(parse: Parse, k: int) -> bool:
    """The bare figure at token ``k`` opens a list of bare numbers between commas after a noun:
    the ages of the group the noun names ("the three women, 19, 24 and 30, were flown …")."""
    toks = parse.tokens
    n = len(toks)
    if k < 2 or toks[k - 1].text != "," or toks[k - 2].tag not in ("WORD", "NAME"):
        return False
    j, count = k, 0
    while j < n and toks[j].tag == "NUM" and toks[j].text.isdigit() and int(toks[j].text) < 120:
        count += 1
        step = 2 if j + 2 < n and toks[j + 1].low in (",", "and") else 0
        if step and toks[j + 1].text == "," and toks[j + 2].low == "and":
            step = 3  # "19, 24, and 30"
        if not step or j + step >= n or toks[j + step].tag != "NUM":
            break
        j += step
    return count >= 2 and j + 1 < n and toks[j + 1].text in (",", ")")


def _list_predicate(parse: Parse, start: int, at: int, p: dict, verbs: dict) -> str | None:
    """The metric of the verb that a list of groups shares, from the token ``at`` that ends the
    group starting at token ``start``: "17 soldiers and 4 civilians were wounded", "12 police,
    a nurse and 3 children were hurt", "12 soldiers as well as 5 civilians"; a pronoun opens a
    clause ("one kid and he was shot"), and so does ", and" after a first group ("found four
    victims, and two died")."""
    toks = parse.tokens
    n = len(toks)
    joined = False  # a list is closed by "and", "or" or "as well as"
    state = None
    for hop in range(6):
        if at >= n or toks[at].low not in _LIST_JOINS:
            return None
        k = at + 1
        if toks[at].low == "as":
            if parse.words(k, k + 2) != "well as":
                return None
            k += 2
        elif toks[at].low in ("along", "together"):  # "3 soldiers along with 2 interpreters"
            if k >= n or toks[k].low != "with":
                return None
            k += 1
        elif toks[at].low == "," and k < n and toks[k].low in ("and", "or"):
            if hop == 0 and parse.coordinated_before(start) is None and \
                    not (start >= 2 and toks[start - 1].text == "," and toks[start - 2].tag in ("WORD", "NAME")):
                # (a figure after a comma and a noun is a list's middle item: "the mayor, his
                # aide, five guards, and two drivers were killed")
                return None  # "located four victims, and two died": a clause, not a list
            k += 1  # a serial comma
        joined = joined or toks[at].low != "," or toks[k - 1].low in ("and", "or")
        while k < n and toks[k].tag == "DET":
            k += 1
        if k >= n:
            return None
        if toks[k].tag == "NUM" and parse.c["table"].get(toks[k].low) != "PRON":
            following = parse.noun_phrase(toks[k].fig)
            if following is None or following.negated or following.verb_at >= n:
                return None
            at = following.verb_at
            if following.head is not None and not _plural_or_collective(toks[following.head].low):
                state = toks[following.head].low  # "1 officer dead": a state read as the head (not "17 bodies")
        elif toks[k].tag in ("WORD", "NAME") and k > at + 1 and toks[k - 1].tag == "DET":
            at = parse._nominal_run(k)[0]  # "a nurse": one named without a figure
            if at >= n or (toks[at].low not in ("and", "or", ",") and not joined):
                return None  # "4 feet away, the gun went off": no list
        else:
            return None
        if toks[at].low not in _LIST_JOINS:
            if not joined:
                return None
            shared, negated, _ = _predicate(parse, at, p, verbs["fatal"], verbs)
            vg = parse.verb_group(at)
            if shared is None and vg is not None:
                shared = _among(parse, vg, p)
            b = _before(parse, start)
            if vg is not None and b >= 0 and toks[b].tag in ("PART", "GER") and toks[b].low not in _SPEECH_WORDS:
                return None  # "delivered 10,000 signatures and 3 were arrested": an object, then a clause
            if shared is None and vg is None and b >= 0 and toks[b].tag in ("PART", "GER"):
                # the object list of a verb, then the state it leaves them in: "left 4 protesters
                # and 1 officer dead", "found 2 men and a boy injured"
                shared, _ = _after_metric(p, parse.words(at, min(n, at + 3)))
                if shared is None and state:
                    shared, _ = _after_metric(p, state)
            return shared if shared and shared != "other" and not negated else None
    return None


def _among(parse: Parse, vg, p: dict) -> str | None:
    """"were among the dead": the metric of the group a copula places them among."""
    toks = parse.tokens
    m = vg.main
    if toks[m].tag == "AUX" and m + 3 < len(toks) and toks[m + 1].low == "among" and toks[m + 2].tag == "DET":
        return _after_metric(p, parse.words(m + 3, min(len(toks), m + 6)))[0]
    return None


def _among_fronted(parse: Parse, start: int, p: dict) -> str | None:
    """"Among the dead were 4 officers": the figure after a copula that follows a fronted
    "among" group takes that group's metric (the inverted "4 officers were among the dead")."""
    toks = parse.tokens
    j = start - 1
    if j < 3 or toks[j].low not in _BE_FORMS:
        return None
    for a in range(j - 2, max(-1, j - 6), -1):
        if toks[a].low == "among" and toks[a + 1].tag == "DET" and (a == 0 or toks[a - 1].text in _STOP):
            return _after_metric(p, parse.words(a + 2, j))[0]
    return None


def _object_list_verb(parse: Parse, start: int, p: dict, verbs: dict) -> str | None:
    """The metric of a verb whose object a figure joins with "as well as": "killed the crew of
    the boat, as well as two farmers" (the first object holds no figure, so no list of figures
    carries the verb over)."""
    toks = parse.tokens
    j = start - 1
    if j < 2 or parse.words(j - 2, j + 1, skip_adverbs=False) != "as well as":
        return None
    j -= 3
    if j >= 0 and toks[j].text == ",":
        j -= 1
    for i in range(j, max(-1, j - 10), -1):
        t = toks[i]
        if t.tag == "NUM" and i >= 1 and toks[i - 1].tag in ("PART", "GER") and not t.text[:1].isdigit() \
                and not parse.c["table"].get(t.low):
            continue  # the first object is one person named without a numeral: "detained the owner"
        if t.tag in ("AUX", "MODAL", "SUB", "REL", "NEG", "NUM", "PRON") or t.text in _STOP:
            return None
        if t.tag in ("PART", "GER") and t.low in p["before"] and t.low not in verbs["not_before"] and i < j:
            return p["before"][t.low]
    return None


def _hung_metric(parse: Parse, np, p: dict) -> str | None:
    """The metric of a relative clause or a reduced relative hanging on the noun phrase ``np``
    ("12 miners who were killed", "12 miners killed in the blast"), else None."""
    toks = parse.tokens
    n = len(toks)
    if np.head is None or np.end >= n:
        return None
    t = toks[np.end]
    if t.tag == "REL":
        inner, negated, _ = _predicate(parse, np.end + 1, p)
        return inner if inner and not negated else None
    if t.tag == "PART" and (np.end + 1 >= n or toks[np.end + 1].tag in ("PREP", "SUB", "PUNCT")
                            or toks[np.end + 1].low in parse.c["time_openers"]):
        return _after_metric(p, parse.words(np.end, min(n, np.end + 4)))[0]
    return None


def _speech_form(low: str) -> bool:
    """A form of a verb of saying: "said", "saying", "claiming"."""
    if low in _SPEECH_WORDS:
        return True
    stem = low[:-3] if low.endswith("ing") else None
    return stem is not None and any(stem + e in _SPEECH_WORDS for e in ("", "e", "s", "ed", "d"))


def _gerund_object(parse: Parse, j: int, p: dict, verbs: dict) -> bool:
    """Token ``j`` is a gerund after a preposition (or coordinated with one: "of robbing a shop
    and threatening"), no verb of saying nor of a metric, so the phrase after it is its object."""
    toks = parse.tokens
    if j < 1 or toks[j].tag != "GER" or _speech_form(toks[j].low) or toks[j].low in p["before"] or \
            toks[j].low in parse.c["report_verbs"] or toks[j].low in _TRANSFER:
        return False
    for k in range(j - 1, max(-1, j - 12), -1):
        t = toks[k]
        if t.tag == "PREP":
            return toks[k + 1].tag == "GER" and t.low not in ("including", "following", "during", "like", "than")
        if t.text in (";", ":", ".") or t.tag in ("SUB", "REL", "AUX", "MODAL", "PART"):
            return False
        if k == j - 1 and not (t.tag == "CONJ" or t.text == ","):
            return False
    return False


def _whole_of_part(parse: Parse, start: int) -> bool:
    """The figure at token ``start`` counts the whole of a partitive: "four of the 18", "most
    of the 200", "four out of 10", "nobody among the 2,000"."""
    toks = parse.tokens
    j = start - 1
    while j >= 0 and (toks[j].tag == "DET" or possessive(toks[j])):
        j -= 1  # "two of the ship's 300": the possessive stands where a determiner does
    if j >= 2 and toks[j].low == "of" and toks[j - 1].low == "out":
        return toks[j - 2].tag == "NUM"  # "four out of 10"
    return j >= 1 and toks[j].low in ("of", "among") and (toks[j - 1].tag == "NUM" or toks[j - 1].low in _PARTS)


def _finite_after(parse: Parse, at: int) -> int | None:
    """The clause's own verb after the participle at token ``at``, if one follows before the
    clause ends: an auxiliary or modal, or a past form not coordinated with the participle
    ("shot and killed … was", "caught in the blast died"); else None."""
    toks = parse.tokens
    for k in range(at + 1, len(toks)):
        t = toks[k]
        if t.text in _STOP or t.tag in ("SUB", "REL"):
            return None
        if t.tag in ("AUX", "MODAL"):
            return k
        if t.tag == "PART":
            b = k - 1
            while b > at and toks[b].tag == "ADV":
                b -= 1
            if toks[b].low not in ("and", "or", ","):
                return k
    return None


def _part_is_subject(parse: Parse, start: int) -> bool:
    """The part of the partitive whose whole is at token ``start`` opens its clause ("Four of
    the 18 …"), so the first verb after the whole is the part's."""
    toks = parse.tokens
    j = start - 1
    while j >= 0 and (toks[j].tag == "DET" or possessive(toks[j])):
        j -= 1
    if j >= 1 and toks[j - 1].low == "out":  # "four out of 10"
        j -= 1
    b = _before(parse, j - 1)
    while b >= 0 and toks[b].low in _PART_QUALIFIERS:
        b = _before(parse, b)  # "An estimated two-thirds of the 900 …"
    # a clause opens after a verb of saying too: "police said one of the 2 victims died"
    return b < 0 or toks[b].tag in ("SUB", "CONJ", "REL") or toks[b].text in (",", ";", ":", "—", "–", "(") \
        or toks[b].low in parse.c["report_verbs"]


# words that qualify the part of a partitive and leave it the subject
_PART_QUALIFIERS = frozenset({"estimated", "about", "around", "nearly", "almost", "roughly", "approximately",
                              "some", "only", "just", "over", "fully"})


def _fronted_of(parse: Parse, start: int) -> int | None:
    """The token of a fronted "of" or "among" that opens the clause holding the phrase at token
    ``start`` ("Of the 300 workers, …", "Among those hurt, …"), else None."""
    toks = parse.tokens
    j = start - 1
    while j >= 0 and (toks[j].tag == "DET" or possessive(toks[j])):
        j -= 1
    if j >= 0 and toks[j].low in ("of", "among") and \
            (j == 0 or toks[j - 1].text in (",", ";", ":", "(", "—", "–") or toks[j - 1].tag in ("SUB", "CONJ")):
        return j
    return None


def _fronted_group(parse: Parse, start: int, p: dict) -> str | None:
    """The metric of a group named, with no figure, in a fronted partitive before the figure's
    clause: "Of those killed, 6 were police", "Among the injured, 4 are children"."""
    toks = parse.tokens
    if start < 3 or toks[start - 1].text != ",":
        return None
    for j in range(start - 2, max(-1, start - 8), -1):
        if toks[j].tag == "NUM" or toks[j].text in _STOP:
            return None
        if toks[j].low in ("of", "among") and (j == 0 or toks[j - 1].text in (",", ";", ":") or
                                               toks[j - 1].tag in ("SUB", "CONJ")):
            k = j + 1
            while k < start - 1 and toks[k].tag in ("DET", "PRON") or toks[k].low == "those":
                k += 1
            return _after_metric(p, parse.words(k, start - 1))[0] if k < start - 1 else None
    return None


def _second_object(parse: Parse, j: int, p: dict, verbs: dict) -> bool:
    """Token ``j``, before a figure's phrase, is the second verb of two coordinated verb phrases
    and nothing in its clause counts: "arrested 30 men and seized 12 rifles" (not "arrested and
    charged 12", "razed 40 homes and left 12 people dead")."""
    toks = parse.tokens
    if j < 2 or toks[j].tag != "PART" or toks[j - 1].low != "and" or toks[j - 2].tag not in ("WORD", "NAME"):
        return False
    verb = toks[j].low
    end = j
    while end < len(toks) and toks[end].text not in (";", ":", ".") and toks[end].tag != "SUB":
        end += 1  # the object's relative clause is part of it: "and met 3 men who were hurt"
    return verb not in p["before"] and verb not in verbs["prosecution"] and not _counts_in(parse, j, end, p)


def _present_verb(t, verbs: dict) -> bool:
    """A word after a partitive pronoun that is its verb in the present tense, told by its place
    ("two of them need …"), not a noun in apposition ("two of them children")."""
    return t.tag == "WORD" and t.low not in verbs["subjects"] and not _plural_or_collective(t.low)


def _clause_counts(parse: Parse, start: int, p: dict) -> bool:
    """Whether a metric word stands in the clause from token ``start`` on."""
    toks = parse.tokens
    end = start
    while end < len(toks) and toks[end].text not in _STOP and toks[end].tag not in ("SUB", "REL"):
        end += 1
    return _counts_in(parse, start, end, p)


def _counts_in(parse: Parse, start: int, end: int, p: dict) -> bool:
    """Whether a metric phrase opens at a word of tokens[start:end]."""
    words = parse.words(start, end, skip_adverbs=False)
    return any(_after_metric(p, words[i:])[0] for i in range(len(words)) if i == 0 or words[i - 1] == " ")


_DECIMAL = re.compile(r"\d\.\d")
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|mn|bn|m|lakhs?|crores?)\b", re.IGNORECASE)
# prepositions whose object is never the subject of the clause's verb
_PP_HEADS = frozenset({"with", "for", "against", "alongside", "beside", "behind", "toward", "towards", "near",
                       "inside", "outside", "into", "onto", "among", "amid", "amongst"})
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _flight_at(parse: Parse, vg, first: int, verbs: dict) -> int | None:
    """The token of a verb of flight in the verb group ``vg`` from ``first`` to just past its
    main verb ("fled", "were seen fleeing"), or None."""
    toks = parse.tokens
    return next((i for i in range(first, min(len(toks), vg.main + 3)) if toks[i].low in verbs["flight"]), None)


def _escape(parse: Parse, vg, head: str | None, verbs: dict) -> bool:
    """Whether the verb group ``vg``, read as displacement, tells an escape instead: those who
    did the harm or were held for it flee (``two gunmen fled``, ``three inmates fled``), or
    the flight is from the scene, on foot, in a vehicle or from the police (``fled the scene``,
    ``were seen fleeing on foot``, ``fled in a silver pickup``, ``fled from officers``)."""
    toks = parse.tokens
    if head in verbs["escapers"]:
        return True
    n = len(toks)
    at = _flight_at(parse, vg, vg.start, verbs)
    if at is None:
        return False
    k = at + 1
    while k < n and toks[k].tag == "ADV":
        k += 1
    if k >= n:
        return False
    if toks[k].low in ("the", "on") and k + 1 < n and toks[k + 1].low in verbs["escape_places"]:
        return True  # "fled the scene", "fled on foot"
    if toks[k].low in ("in", "into", "aboard", "on", "by", "from"):
        for j in range(k + 1, min(n, k + 5)):
            if toks[j].text in _STOP or toks[j].tag in ("SUB", "REL", "CONJ", "PREP", "AUX"):
                break
            if toks[j].low in verbs["vehicles"] or toks[j].low in verbs["escape_places"] or \
                    (toks[k].low == "from" and toks[j].low in verbs["escape_from"]):
                return True  # "in a dark sedan", "by car", "from the scene", "from police"
    return False
_CLAUSE_OPENERS = frozenset({"that", "after", "before", "since", "until", "as", "once"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "himself", "herself", "themselves", "us", "me"})


def _no_count(parse: Parse, start: int, verbs: dict) -> bool:
    """Whether the figure at token ``start`` is no count of people whatever its predicate:

    - a number with a decimal fraction and no scale word ("version 2.7", "a magnitude of 5.2"):
      people are counted in whole numbers ("1.5 million" still counts);
    - the first part of a hyphenated compound that modifies the noun after it ("a 2-goal
      lead", "a 5-point plan"), save "-strong", which counts a crowd;
    - the complement of a singular noun of kinship ("a mother of 9", "the father to three
      girls"): it counts the family, not what happened to the person."""
    toks = parse.tokens
    text = parse.sentence[parse.starts[start]:parse.ends[start]]
    if _DECIMAL.search(text) and not _SCALE.search(text):
        return True
    after = parse.sentence[parse.ends[start]:parse.ends[start] + 12]
    if after[:1] == "-" and after[1:2].isalpha() and not after[1:].lower().startswith("strong"):
        return True
    if start < 2 or toks[start - 1].low not in ("of", "to"):
        return False
    # (the kin noun may end a person the parse holds as a figure: "the mother of three")
    words = toks[start - 2].low.split()
    return bool(words) and words[-1] in verbs["kin"]


def _agent(parse: Parse, start: int, vg, p: dict, verbs: dict) -> bool:
    """Whether the counted group, the subject of its clause, is the agent of its verb: an
    active past verb of a metric that takes an object ("killed", "shot and killed",
    "arrested") with an object after it that is no time ("two officers shot a man", "three
    gunmen killed 5 villagers"), not its patient ("12 people killed in the blast", "two
    killed Monday", "3 killed, 2 injured", "the explosion left six shoppers hurt and …")."""
    toks = parse.tokens
    j = start - 1
    while j >= 0 and toks[j].tag in ("DET", "ADV"):
        j -= 1
    if j >= 0 and toks[j].tag not in ("PUNCT", "CONJ", "SUB", "REL") and toks[j].low not in _CLAUSE_OPENERS and \
            toks[j].low not in _SPEECH_WORDS:
        return False  # the group is an object itself: "left six shoppers hurt and …"
    if vg.passive or toks[vg.main].tag != "PART" or any(toks[i].tag != "ADV" for i in range(vg.start, vg.main)):
        return False
    main = toks[vg.main].low
    if main not in p["before"] and main not in verbs["present"]:
        return False  # "died", "perished": no object, no agent
    k = vg.main + 1
    n = len(toks)
    while k < n and toks[k].tag == "ADV":
        k += 1
    if k + 1 < n and toks[k].low == "and" and toks[k + 1].tag in ("PART", "ADV"):
        k += 1  # "shot and killed", "shot and fatally wounded"
        while k < n and toks[k].tag == "ADV":
            k += 1
        if k >= n or toks[k].tag != "PART":
            return False
        k += 1
    if k >= n:
        return False
    t = toks[k]
    if t.low in _OBJECT_PRONOUNS:
        return True
    if t.tag == "NUM":
        # "3 killed 2 injured": a second group with a metric of its own is no object
        nxt = k + 1
        while nxt < n and toks[nxt].tag in ("WORD", "NAME") and nxt < k + 3 and not _after_metric(p, toks[nxt].low)[0]:
            nxt += 1
        return nxt >= n or not (_after_metric(p, parse.words(nxt, min(n, nxt + 3)))[0] or toks[nxt].tag == "PART")
    if t.tag == "DET" and t.low not in ("all", "both", "each", "no"):
        j = k + 1
        while j < n and toks[j].tag in ("DET", "ADV", "PART", "GER") and j < k + 4:
            j += 1
        return j < n and toks[j].tag in ("WORD", "NAME") and toks[j].low not in verbs["time"]
    return False


def _fronted_whole(parse: Parse, start: int, p: dict) -> str | None:
    """The metric of a whole named before the comma that opens the figure's clause, when the
    clause before it is only "of" and that whole: "Of the dead, 6 were pilgrims", "Of the 50
    wounded, 20 were pupils" (the figure is a part of the group, counted as it was; the caller
    asks it only when the part's own verb is a copula)."""
    toks = parse.tokens
    if start < 3 or toks[start - 1].text != ",":
        return None
    k = start - 2
    while k >= 0 and toks[k].text not in _STOP:
        k -= 1
    if toks[k + 1].low != "of" or k + 2 >= start - 1:
        return None
    words = parse.words(k + 2, start - 1, skip_adverbs=False).split()
    for i in range(len(words)):
        metric, _ = _after_metric(p, " ".join(words[i:]))
        if metric:
            return metric
    return None


def read(parse: Parse, fig: int, lexicon: Lexicon) -> Reading | None:
    """What figure number ``fig`` of the parsed sentence counts, or None: no reading."""
    np = parse.noun_phrase(fig)
    if np is None:
        return None
    p = _patterns(lexicon)
    verbs = _verbs(lexicon)
    toks = parse.tokens
    if np.negated and np.start >= 2 and toks[_before(parse, np.start)].low == "of" and \
            np.end < len(toks) and toks[np.end].tag == "PART" and \
            (np.verb_at > np.end or (np.end + 1 < len(toks) and toks[np.end + 1].tag in ("AUX", "MODAL"))):
        # the negation is the part's; the figure counts the whole, which its reduced relative
        # tells: "none of the 8 journalists held overnight was charged" (8 held)
        own, _ = _after_metric(_patterns(lexicon), parse.words(np.end, min(max(np.verb_at, np.end + 1), np.end + 4)))
        return Reading(own or "other")
    if np.negated or toks[np.start].low in ("zero", "0"):
        return Reading("other")  # "none of the nine", "zero arrests were made"
    k = parse.coordinated_before(np.start)
    if k is not None:
        first = parse.noun_phrase(toks[k].fig)
        if first is not None and first.negated and first.end <= np.start:
            return Reading("other")  # "none of the 4 guards and 30 guests was hurt": the negation is shared
    head = toks[np.head].low if np.head is not None else None
    if _no_count(parse, np.start, verbs):
        return Reading("other")
    if head is None and np.end == np.start + 1 and np.start >= 1 and \
            (np.end >= len(toks) or toks[np.end].text in (";", ",", ".", ")")) and \
            (np.start == 1 or toks[np.start - 2].text in (":", ";", ",", "(")):
        # an item of a list labelled by a metric word: "Toll: dead 12; injured 40; missing 3"
        label, _ = _after_metric(p, toks[np.start - 1].low)
        if label:
            return Reading(label)
    if head is None and np.end == np.start + 1 and np.start >= 2 and toks[np.start - 1].text == ":" and \
            (np.end >= len(toks) or toks[np.end].text in (";", ".", ")")):
        # the value of a label line, the figure last: "Dead: 4.", "Killed (cumulative): 3,400",
        # "Fatalities on the county's roads this year: 31" (the label's metric word, outside asides)
        label = _label_metric(parse, np.start - 1, p, verbs)
        if label:
            return Reading(label)
    if head is not None and np.head == np.start + 1 == np.end - 1 and not np.modifiers and \
            head in verbs["present"] and not _plural_or_collective(head) and toks[np.start].low not in ("one", "1") and \
            (np.end >= len(toks) or toks[np.end].tag in ("PREP", "SUB", "CONJ")):
        # a singular word after a count of many is its verb: "Thousands march in Melbourne"
        return Reading(verbs["present"][head])
    if head in _UNHARMED:
        return Reading("other")  # "pulled out 3 people alive, but 7 others were found dead"
    if np.verb_at < len(toks):
        vg0 = parse.verb_group(np.verb_at)
        if vg0 is not None and any(toks[i].low in _UNHARMED for i in range(vg0.main + 1, min(len(toks), vg0.main + 3))) \
                and _predicate(parse, np.verb_at, p, verbs["fatal"], verbs)[0] is None:
            return Reading("other")  # "4 climbers were found alive", "were rescued unhurt" (not "were freed unharmed")
    if head == "strong" and np.head == np.start + 1 and np.start >= 2 and toks[np.start - 1].text == ",":
        # "the mission, 12,000 strong,": the size of the group the noun before names
        noun = verbs["nouns"].get(toks[np.start - 2].low)
        return Reading(noun) if noun else Reading("other")
    if head is not None:
        if head in parse.c["things"] and head not in verbs["subjects"]:
            return Reading("other")
        if head in ("shot", "shots") and parse.verb_group(np.head + 1) is not None:
            return Reading("other")  # "one shot smashed a window": a bullet
    shot_word = toks[np.head].low if head is not None else (toks[np.verb_at].low if np.verb_at < len(toks) else None)
    if shot_word in ("shot", "shots") and np.start >= 1 and toks[_before(parse, np.start)].low in verbs["firing"]:
        return Reading("other")  # "fired one shot into the car", "heard 3 shots": bullets
    if _irrealis(parse, np.start, verbs, p) and not _opens_clause(parse, np, verbs):
        return Reading("other")
    of = _before(parse, np.start)  # "the release of (the) 8 hostages"
    if of >= 1 and toks[of].low == "of" and f"{toks[of - 1].low} of" in p["before"] and \
            toks[of - 1].low not in verbs["measure_nouns"] and toks[of - 1].low != "lives":
        # the noun of the act the figure completes: "the release of 8 hostages", "the bodies of
        # 6 miners at the clinic", "the arrest of 4 men hurt in the raid" ("the lives of"
        # are deaths only when lost: below); an evacuation of people a relative clause says were
        # hurt moves casualties, not the displaced: "the evacuation of 15 sailors who were hurt"
        act = p["before"][f"{toks[of - 1].low} of"]
        if act in ("casualties", "injured") and of >= 2 and toks[of - 2].low in verbs["fatal_adjectives"]:
            return Reading("killed")  # "the fatal shooting of one man", "the deadly stabbing of two"
        if act == "participants" and toks[np.start - 1].low == "the":
            # a gathering of a group already known ("the march of the 10 miners killed in the
            # blast"): what befell the group, not the gathering, is counted
            hung = _hung_metric(parse, np, p)
            if hung in _STRONG:
                return Reading(hung)
        if act == "displaced" and np.end < len(toks) and toks[np.end].tag == "REL":
            inner, negated, _ = _predicate(parse, np.end + 1, p)
            if inner in ("killed", "injured", "casualties", "hospitalized") and not negated:
                return Reading(inner)
        return Reading(act)
    if of >= 1 and toks[of].low == "of" and _fraction(toks[of - 1].low, verbs):
        # the whole after a fraction or quantifier ("three-fourths of the 900 people held have
        # been freed", "most of the 40 hurt"): only its own phrase counts; the verb is the part's
        inner = None
        if np.end < len(toks) and toks[np.end].tag == "REL":
            inner, negated, _ = _predicate(parse, np.end + 1, p)
            inner = None if negated else inner
        elif np.end < len(toks) and toks[np.end].tag in ("PART", "GER") and _finite_after(parse, np.end) is not None:
            inner, _ = _after_metric(p, parse.words(np.end, min(len(toks), np.end + 4)))
        if inner is None and head is not None:
            inner, _ = _after_metric(p, parse.words(np.head, np.head + 3))
        return Reading(inner or "other")
    if np.start >= 3 and toks[np.start - 1].low in ("from", "in", "at", "across") and \
            toks[np.start - 2].tag == "WORD" and any(toks[i].tag == "NUM" for i in range(max(0, np.start - 5), np.start - 2)) \
            and all(toks[i].tag in ("WORD", "NUM", "ADJ") for i in range(max(0, np.start - 5), np.start - 2)
                    if i > max(k for k in range(max(0, np.start - 5), np.start - 2) if toks[k].tag == "NUM")):
        # a figure in a phrase that completes a counted noun is that noun's modifier, no subject
        # of the verb: "14 people from two families were displaced", "40 pupils at 3 schools"
        return Reading("other")
    if of >= 1 and toks[of].low == "of" and toks[of - 1].tag == "WORD" and toks[of - 1].low not in _PARTS and \
            toks[of - 1].low not in verbs["measure_nouns"] and toks[of - 1].low not in ("one", "out"):
        # the figure's phrase completes another noun ("the funeral of the 12 miners killed in the
        # blast was held"): the verb after it is that noun's, what hangs on the phrase is its own
        hung = _hung_metric(parse, np, p)
        if hung:
            return Reading(hung)
    j = _before(parse, np.start)
    if j >= 0 and toks[j].low == "that":
        j = _before(parse, j)
    if j >= 0 and toks[j].low in verbs["denials"]:
        return Reading("other")  # "police denied that 40 people were held": no one's claim
    first = parse.coordinated_before(np.start)  # "that 300 soldiers and 50 police died": the first's
    first_np = parse.noun_phrase(toks[first].fig) if first is not None else None
    that = _before(parse, first_np.start if first_np is not None else np.start)
    if that >= 1 and toks[that].low == "that" and _declared_false(parse, _before(parse, that), np.end, verbs):
        return Reading("other")  # "it is false that 40 died", "the claim that 40 died is false"
    if np.start >= 3 and toks[np.start - 1].low in ("them", "whom") and toks[np.start - 2].low == "among" and \
            toks[np.start - 3].text in (",", "(", "—", "–", "--"):
        # a part named in an aside on a counted whole shares the whole's metric: "6 people,
        # among them 2 teenagers, were detained"
        whole = _earlier_metric(parse, np.start - 2, lexicon, nearest=True)
        if whole:
            return Reading(whole)
    if head is None and (_age_apposition(parse, np.start, verbs) or _age_list(parse, np.start)
                         or _ages_listed(parse, np.start, verbs) or _shared_age(parse, np.start)):
        # "the victim, 17, died", "the women, 19, 24 and 30, were hurt", "the two men, 19 and
        # 23 were hurt": ages
        return Reading("other")
    if head is None and np.start >= 2 and toks[np.start - 1].text == "," and toks[np.start].text.isdigit() and \
            int(toks[np.start].text) < 120 and (toks[np.start - 2].tag == "NAME" or (
                toks[np.start - 2].tag == "NUM" and toks[np.start - 2].text[-1:].isalpha()
                and toks[np.start - 2].text[:1].isupper() and not parse.c["table"].get(toks[np.start - 2].low))) and \
            (np.end >= len(toks) or toks[np.end].tag in ("PUNCT", "CONJ")):
        return Reading("other")  # "killing Ann Roe, 18.": an age after a name (the person is a figure too)
    if head is None and np.start >= 2 and toks[np.start - 1].low == "of" and \
            toks[np.start - 2].low in verbs["persons"] and toks[np.start].text.isdigit() and \
            int(toks[np.start].text) < 120 and (np.end >= len(toks) or toks[np.end].tag in ("PUNCT", "CONJ", "PREP")):
        return Reading("other")  # "a widow of 60, …": an age
    k = np.start
    if _compared(parse, k, verbs):  # "up from 9": what the figure it is compared with counts
        compared = _earlier_metric(parse, k - 1, lexicon, nearest=True)
        if compared:
            return Reading(compared)
        if head is None:
            # compared with a metric the clause negates: "no fatalities in 2025, compared with 3
            # in 2024" counts deaths (the figure completes the negated noun by ellipsis)
            for b in range(k - 2, max(-1, k - 16), -1):
                if toks[b].text in (";", ":", ".") or toks[b].tag == "NUM":
                    break
                if toks[b].low == "no":  # past the noun's modifiers: "no road deaths"
                    negated = next((m for i in range(b + 1, min(k, b + 4))
                                    for m in [_after_metric(p, parse.words(i, min(k, i + 2)))[0]] if m), None)
                    if negated:
                        return Reading(negated)
    if k >= 1 and toks[k - 1].low == "from" and k + 2 < len(toks) and toks[k + 1].low == "to" and \
            toks[k + 2].tag == "NUM":  # "from 12 to 19": what the range's end counts
        compared = _figure_metric(parse, k + 2, lexicon)
        if compared != "other":
            return Reading(compared)
    if k >= 3 and toks[k - 1].low == "from" and toks[k - 2].tag == "NUM" and toks[k - 3].low == "to" and \
            (k + 1 >= len(toks) or toks[k + 1].tag in ("PUNCT", "PREP", "CONJ", "ADV")):
        # "has risen to 41 from 35": the figure it rose from counts what the new one counts
        compared = _figure_metric(parse, k - 2, lexicon)
        if compared != "other":
            return Reading(compared)
    if np.start >= 2 and toks[np.start - 1].low in ("and", "but") and np.start + 1 < len(toks) and \
            (toks[np.start + 1].low in verbs["increments"] or toks[np.start + 1].low in ("others", "other")) and \
            (np.start + 2 >= len(toks) or toks[np.start + 2].text in (".", ",", ";", ")")
             or parse.c["table"].get(toks[np.start + 2].low) in ("PREP", "ADV")) and \
            (np.verb_at >= len(toks) or parse.verb_group(np.verb_at) is None) and \
            not any(parse.verb_group(i) is not None for i in range(np.start + 1, min(len(toks), np.end + 3))) and \
            not _counts_in(parse, np.start + 1, next((i for i in range(np.start + 1, len(toks))
                                                      if toks[i].text in _STOP), len(toks)), p):
        # a coordinated increment with its verb left out, and no metric word of its own, counts
        # what the figure before counts: "4 were arrested on Monday and 3 more on Tuesday", "two
        # died at once and 5 others later" (not "one shot dead and two others with wounds")
        earlier = _earlier_metric(parse, np.start, lexicon, nearest=True)
        if earlier:
            return Reading(earlier)
    if np.verb_at < len(toks):
        # a rate after the verb: "four people are kidnapped every day", "30 drown each week"
        vg_rate = parse.verb_group(np.verb_at)
        after_verb = vg_rate.main + 1 if vg_rate is not None else np.verb_at + 1
        for i in range(after_verb, min(len(toks) - 1, after_verb + 5)):
            if toks[i].text in _STOP or toks[i].tag in ("SUB", "REL", "CONJ", "NUM"):
                break
            if toks[i].low in ("every", "each", "per") and toks[i + 1].low in verbs["rates"]:
                return Reading("other")
    unit = np.end if np.end < len(toks) and toks[np.end].low in verbs["rates"] else np.end + 1
    if unit < len(toks) and toks[unit].low in verbs["rates"] and \
            (unit == np.end or toks[np.end].low in ("a", "an", "per", "each", "every")) and \
            not (unit + 1 < len(toks) and toks[unit + 1].low in _THEN):
        return Reading("other")  # "550 meals a day": a rate, not "14 a day earlier"
    if head == "lives" or (np.start >= 2 and toks[np.start - 1].low == "of" and toks[np.start - 2].low == "lives"):
        # "lives" are deaths only when something took them: "claimed 40 lives", "the lives of 9 were lost"
        at = np.start if head == "lives" else np.start - 2
        j = _before(parse, at)
        lost = j >= 0 and toks[j].low in verbs["loss"]
        if not lost and np.verb_at < len(toks):
            vg = parse.verb_group(np.verb_at)
            lost = vg is not None and toks[vg.main].low in verbs["loss"]
        return Reading("killed" if lost else "other")
    if np.start >= 2 and toks[np.start - 1].low == "of" and toks[np.start - 2].tag == "WORD" and \
            _plural_or_collective(toks[np.start - 2].low) and \
            f"{toks[np.start - 2].low} of" not in p["before"] and toks[np.start - 2].low not in verbs["measure_nouns"]:
        # "members of one clan", "the names of three traders slain": the figure's phrase hangs on
        # another noun, so no verb after it is its own; only what hangs on it counts
        if np.end < len(toks) and toks[np.end].tag == "REL":
            inner, negated, _ = _predicate(parse, np.end + 1, p)
            if inner and not negated:
                return Reading(inner)
        at = np.end + 1 if np.end + 1 < len(toks) and toks[np.end].text == "," else np.end
        if at < len(toks) and toks[at].tag == "PART":  # "seven students, kidnapped by …"
            inner, _ = _after_metric(p, parse.words(at, min(len(toks), at + 4)))
            if inner:
                return Reading(inner)
        return Reading("other")
    measured = _measured(parse, np.start, p, verbs)
    if measured == EARLIER:
        # a metric word completing the figure itself ("the count is 19 dead"); else an
        # increment before it in the sentence ("40 more files …, bringing the total to 90");
        # else the figure before it that counts someone; else the engine reads the report's
        # claim before
        own, _ = _after_metric(p, parse.words(np.start + 1, min(len(toks), np.start + 4)))
        measured = own or _increment_metric(parse, np.start, lexicon, verbs) \
            or _earlier_metric(parse, np.start, lexicon) or EARLIER
    if measured:
        return Reading(measured)
    j = _before(parse, np.start)
    if j >= 0 and toks[j].low in _ADMIT and head is not None:
        own, _ = _after_metric(p, head)
        if own and own != "hospitalized":
            return Reading(own)  # "the army admitted 3 casualties": a concession, no stay in hospital
    j = _before(parse, np.start)
    if j >= 0 and toks[j].low in _ADMIT and head is not None and head not in verbs["subjects"] and \
            not _after_metric(p, head)[0]:
        return Reading("other")  # "admitted 4 breaches": an admission of things is no stay in hospital
    if j >= 0 and toks[j].low in verbs["suffer"] and head is not None and head not in verbs["subjects"] and \
            not _after_metric(p, parse.words(np.head, np.head + 3))[0] and head not in verbs["persons"]:
        return Reading("other")  # "the club suffered 3 defeats": a verb of suffering counts its harm only
    obj = _object_of(parse, np.start, np.end, p, verbs)
    if obj:
        return Reading(obj)
    if j >= 1 and toks[j].low in _INCLUDE and not (np.end < len(toks) and toks[np.end].tag == "REL") and \
            toks[j - 1].tag != "NEG" and toks[j - 1].low not in ("not", "n't"):
        # the part a verb of inclusion names counts what its subject counts
        c0 = parse.clause_start(j)
        c0 = max([c0] + [k + 1 for k in range(c0, j) if toks[k].text == "," or toks[k].tag == "CONJ"])
        whole = next((_figure_metric(parse, k, lexicon) for k in range(c0, j) if toks[k].tag == "NUM"), None)
        if whole is None or whole == "other":
            whole = next((m for k in range(c0, j) for m in [_after_metric(p, parse.words(k, j))[0]] if m), None)
        if whole:
            return Reading(whole)
    if _second_object(parse, j, p, verbs):
        return Reading("other")  # "arrested 30 men and seized 12 rifles": the rifles are seized only
    head_metric = None
    if head is not None:
        head_metric, _ = _after_metric(p, parse.words(np.head, np.head + 3))
        if head_metric and _whole_of_part(parse, np.start) and not _after_metric(p, parse.words(np.head, np.end))[0]:
            head_metric = None  # "one of three victims died": the verb after the head is the part's
        if head_metric == "killed":
            return Reading("killed")  # "15 bodies were taken away", "9 dead"
    if head_metric is None and np.head is not None:
        # a compound the lexicon names whole is the head's own metric: "seven gunshot
        # victims", "two homicide victims" (what befell them still outranks it)
        head_metric = next((m for m in (_after_metric(p, parse.words(i, np.head + 1))[0]
                                        for i in np.modifiers if i < np.head) if m), None)
    modifier = None
    doing = False  # the modifier is what the group was doing ("dozens attending a fair")
    for i in np.modifiers:
        modifier = _after_metric(p, toks[i].low)[0] or verbs["modifiers"].get(toks[i].low)
        if modifier:
            break
    if np.end < np.verb_at and np.end < len(toks) and toks[np.end].tag in ("PART", "GER") and not modifier:
        # a reduced relative: "the 90 miners held during the strike"
        modifier, _ = _after_metric(p, parse.words(np.end, min(len(toks), np.end + 4)))
    if not modifier and np.end < len(toks) and toks[np.end].tag == "GER" and toks[np.end].low in verbs["doing"] \
            and not _counts_in(parse, np.start + 1, np.end, p):
        # what the group is doing, after its head, when the phrase names no metric of its own:
        # "9,000 people marching", "families fleeing"; not "two gunshot victims arriving"
        modifier = verbs["doing"][toks[np.end].low]
        doing = True
    if _fronted_of(parse, np.start) is not None and any(toks[k].text == "," for k in range(np.end, min(np.verb_at, len(toks)))):
        # "Of the 300 workers in the factory, 70 were hurt": the whole counts only what its own
        # phrase says ("Of the 14 people held, 9 were charged", "Of the 9 men and 2 women who
        # were hurt, 4 …"), never the part's verb
        if not (head_metric or modifier):
            rel = next((k for k in range(np.end, min(np.verb_at, len(toks))) if toks[k].tag == "REL"), None)
            if rel is not None:
                inner, negated, _ = _predicate(parse, rel + 1, p)
                modifier = inner if inner and not negated else None
        return Reading(head_metric or modifier or "other")
    if modifier == "released" and head_metric in ("kidnapped", "arrested"):
        head_metric = None  # "four freed hostages", "the 5 hostages freed on Sunday": the release is the news
    if _whole_of_part(parse, np.start):
        # "four of the 18 climbers … died": the verb is the part's; the whole counts only what
        # its own phrase says ("40 of the 130 protesters detained")
        if not modifier and np.end < len(toks) and toks[np.end].tag == "REL":
            inner, negated, _ = _predicate(parse, np.end + 1, p)
            modifier = inner if inner and not negated else None
        elif not modifier and np.end < len(toks):
            # what hangs on the whole, up to the part's own verb: "two of the 40 people shot
            # overnight", "one of 9 men later to be hurt", not "four of the 18 caught … died"
            stop = len(toks)  # the part is no subject: "was one of 6 men hurt in the blast"
            if _part_is_subject(parse, np.start):
                stop = np.verb_at if np.verb_at > np.end or parse.verb_group(np.verb_at) is not None else stop
                if np.verb_at == np.end and toks[np.verb_at].tag == "PART":
                    # a participle with the clause's own verb after it is a reduced relative on
                    # the whole: "two of the 5 porters stabbed at dawn were brothers"
                    stop = _finite_after(parse, np.verb_at) or stop
            k = np.end
            while k < stop and toks[k].text not in _STOP and toks[k].tag not in ("SUB", "REL") and not modifier:
                modifier, _ = _after_metric(p, parse.words(k, min(stop, k + 4)))
                if toks[k].tag == "GER":
                    break  # what the group is doing takes an object: "one of the agencies investigating the deaths"
                k += 1
        return Reading(head_metric or modifier or "other")
    if _gerund_object(parse, _before(parse, np.start), p, verbs):
        # the object of a gerund after a preposition is no subject of the clause's verb: "a man
        # accused of robbing 2 people was arrested" counts no arrest of the 2; a state after the
        # object still tells what befell it ("after finding 3 men dead")
        state, _ = _after_metric(p, parse.words(np.end, min(len(toks), np.end + 3)))
        return Reading(head_metric or modifier or state or "other")
    if np.verb_at > np.end and np.start >= 1 and toks[np.start - 1].low in _PP_HEADS:
        # the object of a preposition, with words between it and the next verb, is no subject
        # of that verb: "two brothers who hid with dozens of neighbours in a church were
        # killed" counts the brothers only; its own relative clause still tells what befell it
        # ("hit along with four others who were hurt", "for a few who were listed as missing")
        if np.end < len(toks) and toks[np.end].tag == "REL":
            inner, negated, _ = _predicate(parse, np.end + 1, p, verbs["fatal"], verbs)
            if inner and not negated:
                return Reading(inner)
        return Reading(head_metric or modifier or "other")
    if np.partitive and np.verb_at == np.end < len(toks) and toks[np.verb_at].tag == "PART" and \
            toks[np.end - 1].tag != "PRON":
        # the participle after a partitive's whole is a reduced relative on the whole when the
        # clause's own verb follows: "four of the 18 caught in the blast died" (not "9 of them shot")
        whole_rel = np.verb_at
        np = replace(np, verb_at=_finite_after(parse, np.verb_at) or np.verb_at)
    else:
        whole_rel = None
    inc = next((i for i in range(np.end, min(np.verb_at, len(toks))) if toks[i].low == "including"), None)
    if head_metric and inc is not None and not any(toks[i].text == "," for i in range(inc, np.verb_at)):
        # a verb inside an "including …" aside that the clause's verb does not close is the
        # aside's: "inflicted 90 casualties, including dead and wounded" stays casualties
        return Reading(head_metric)
    if inc is not None and any(toks[i].tag == "REL" for i in range(inc, np.verb_at)) and \
            not any(toks[i].text == "," for i in range(inc, np.verb_at)):
        # so is the relative clause of the part the aside names, and its verb: "found seven
        # gunshot victims, including one who died" counts seven shot, not seven dead
        return Reading(head_metric or modifier or "other")
    if head is None and np.verb_at == np.end < len(toks) and toks[np.verb_at].tag == "GER":
        # a group told by what it was doing, with the clause's own verb after: "dozens attending
        # a fair were evacuated" (the verb is "were evacuated"; "hundreds marching" stays a march)
        finite = _finite_after(parse, np.verb_at)
        if finite is not None and _predicate(parse, finite, p, verbs["fatal"], verbs)[0]:
            np = replace(np, verb_at=finite)
    predicate, negated, modal = _predicate(parse, np.verb_at, p, verbs["fatal"], verbs) \
        if np.verb_at < len(toks) else (None, False, None)
    vg = parse.verb_group(np.verb_at) if np.verb_at < len(toks) else None
    if vg is not None and (predicate == "displaced" or (predicate is None and not head_metric and not modifier
                                                         and _flight_at(parse, vg, vg.main, verbs) is not None)) and \
            _escape(parse, vg, head, verbs):
        # "were seen fleeing on foot": the flight after a verb of perception is the group's too
        return Reading(head_metric or modifier or "other")
    if whole_rel is not None and predicate is None and not negated and vg is not None and \
            toks[vg.main].tag not in ("PART", "GER") and any(toks[i].low in _BE_FORMS for i in range(vg.start, vg.main + 1)):
        # a part named by a copula only shares what befell its whole: "six of the 40 hurt in
        # the blast were children"
        # (the last metric of the reduced relative: "shot and killed" kills)
        shared = None
        either = False  # "shot or killed": either outcome, casualties
        for i in range(whole_rel, vg.start):
            if toks[i].text in _STOP or toks[i].tag in ("SUB", "REL"):
                break
            either = either or (toks[i].low == "or" and shared is not None)
            if toks[i].tag == "PART":
                this = _after_metric(p, toks[i].low)[0]
                if either and this and {this, shared} <= _HARM and this != shared:
                    this = "casualties"
                shared = this or shared
        if shared:
            return Reading(shared)
    first = np.start  # the first figure of a list this one ends: "4 men and 2 women"
    while head is not None and predicate is None and vg is None and first >= 2 and toks[first - 1].text != ",":
        k = parse.coordinated_before(first)
        if k is None:
            break
        first = k
    listed = first < np.start and head is not None
    if predicate is None and vg is None and np.verb_at < len(toks) and first >= 2 and \
            toks[first - 1].text == "," and toks[first - 2].tag in ("WORD", "NAME"):
        # a figure in apposition to the subject, between commas: the verb after the closing
        # comma is the subject's ("The strikers, some 4,000 dock workers, marched …"), and a
        # list of figures in apposition shares it ("The persons, 4 men and 2 women, were held")
        close = next((k for k in range(np.verb_at, min(len(toks), np.verb_at + 4)) if toks[k].text == ","), None)
        if toks[np.verb_at].low in ("and", "or") and head is not None:  # not ages: "Both drivers, 41 and 58,"
            close = next((k for k in range(np.verb_at, min(len(toks), np.verb_at + 8))
                          if toks[k].text == "," or toks[k].tag not in ("CONJ", "NUM", "WORD", "DET")), None)
            close = close if close is not None and toks[close].text == "," else None
            listed = True
        if close is not None and (listed or all(toks[k].tag in ("PREP", "ADV", "DET") for k in range(np.verb_at, close))):
            after = parse.verb_group(close + 1) if close + 1 < len(toks) else None
            if after is not None and after.start == close + 1:
                inner, inner_negated, _ = _predicate(parse, close + 1, p, verbs["fatal"], verbs)
                if inner and not inner_negated:
                    return Reading(inner)
    if predicate and vg is not None and np.verb_at == np.end and _agent(parse, np.start, vg, p, verbs):
        return Reading("other")  # "two guards shot and killed an intruder": they did it
    if not predicate and not negated and head is None and vg is not None and \
            toks[vg.main].tag not in ("PART", "GER") and any(toks[i].low in _BE_FORMS for i in range(vg.start, vg.main + 1)):
        # the part named by a copula only: "Of the 30 held, 12 were women", not "12 were deported"
        fronted = _fronted_whole(parse, np.start, p)
        if fronted:
            return Reading(fronted)  # "Of the dead, 6 were pilgrims": a part of the dead
    at = vg.main + 3 if vg is not None and vg.main + 3 < len(toks) and toks[vg.main + 2].tag == "DET" else \
        (vg.main + 2 if vg is not None else 0)  # "were among the 5 people hurt" too
    if predicate is None and vg is not None and toks[vg.main].tag == "AUX" and at < len(toks) \
            and toks[vg.main + 1].low == "among" and toks[at].tag == "NUM":
        # "four cooks were among 11 staff hospitalised": the group shares the larger one's metric
        among = read(parse, toks[at].fig, lexicon)
        if among is not None:
            return among
    if predicate is None and vg is not None:
        predicate = _among(parse, vg, p)  # "two Britons were among the dead"
    if predicate is None and not negated:
        predicate = _among_fronted(parse, np.start, p)  # "Among the dead were 4 officers"
    if predicate is None and not negated:
        fronted = _fronted_group(parse, np.start, p)
        if fronted:
            return Reading(fronted)  # "Of those killed, 6 were police officers"
    if negated or predicate == "other":
        return Reading("other")
    if predicate in ("injured", "casualties") and np.partitive and toks[np.end - 1].tag == "PRON" and \
            np.start >= 1 and toks[np.start - 1].text in ("—", "–", "--", "(", ",") and \
            _earlier_metric(parse, np.start, lexicon, nearest=True) == "killed":
        # "left 7 inmates dead — two of them stabbed —": how some of the dead died
        return Reading("killed", None)
    if vg is not None and vg.main + 1 < len(toks) and toks[vg.main + 1].low == "to" and \
            any(toks[i].low in verbs["prosecution"] for i in range(vg.main + 2, min(len(toks), vg.main + 5))):
        return Reading("other")  # "20 people are expected to be charged": a charge to come is no arrest
    if head is None and vg is not None and toks[vg.main].low in verbs["prosecution"] and \
            not np.partitive and any(toks[i].tag == "NUM" for i in range(np.start)):
        return Reading("other")  # "of the 14 people held, 9 were charged": the group is counted before
    if head is None and np.partitive and vg is not None and toks[vg.main].low in verbs["prosecution"] and \
            toks[np.end - 1].tag in ("PRON", "REL"):
        # "45 were held; 12 of them were charged": charging members of a group already counted
        # is no new arrest (charging a group counted nowhere else still is)
        return Reading("other")
    if head is None and np.partitive and predicate is None and np.verb_at < len(toks) and \
            toks[np.end - 1].tag in ("PRON", "REL") and \
            (_present_verb(toks[np.verb_at], verbs) if vg is None else toks[vg.main].tag in ("PART", "GER")) \
            and not _clause_counts(parse, np.verb_at, p):
        # "12 of them need surgery": a partitive pronoun counts what its own verb tells only; a
        # copula only names the member ("one of whom was a nurse") and keeps the group's count
        return Reading("other")
    if np.partitive and np.verb_at < len(toks) and \
            any(toks[i].tag == "NUM" for i in range(np.start + 1, np.end)):
        # a part of a counted whole ("6 of the 20 people held have been charged"): the arrest
        # is the whole's claim, and charging some of them is no new one
        if vg is not None and toks[vg.main].low in verbs["prosecution"]:
            return Reading("other")
    hedge = None
    if modal in ("could", "may", "might") and predicate:
        # "could die", "may have been killed": the modal and the verb, as written
        vg = parse.verb_group(np.verb_at)
        first = next(i for i in range(vg.start, vg.main + 1) if toks[i].low == modal)
        hedge = parse.sentence[parse.starts[first]:parse.ends[vg.main]]
    if predicate is None and vg is not None and toks[vg.main].low in _RESCUE and head in _CAPTIVE:
        predicate = "released"  # "46 hostages were rescued"
    if predicate == "released" and (modifier in ("kidnapped", "arrested") or head_metric in ("kidnapped", "arrested")):
        return Reading(predicate, hedge)  # "7 kidnapped nurses were freed", "5 wounded hostages were freed"
    if predicate and (predicate in _STRONG or not modifier or doing):
        # (what a group was doing yields to what befell it: "dozens attending a fair were evacuated")
        # the predicate outranks the head noun: "9 hostages were freed" is released
        return Reading(predicate, hedge)
    if head_metric or modifier:
        return Reading(head_metric or modifier)
    if predicate:
        return Reading(predicate, hedge)
    if predicate is None and vg is None and np.verb_at < len(toks) and toks[np.verb_at].low in _LIST_JOINS:
        shared = _list_predicate(parse, np.start, np.verb_at, p, verbs)
        if shared:
            return Reading(shared)
    if head is None and not np.partitive and predicate is None and vg is None:
        right, _ = _after_metric(p, parse.words(np.start + 1, min(len(toks), np.start + 6), skip_adverbs=False))
        if right:
            return Reading(right)  # "one in serious condition", "one fatally"
        k = parse.coordinated_before(np.start) if np.start + 1 < len(toks) and \
            toks[np.start + 1].tag == "PREP" else None
        if k is not None:  # "19 people in one town and 7 in another": the list shares its verb
            return read(parse, toks[k].fig, lexicon)
        if np.start + 1 < len(toks) and toks[np.start + 1].tag == "PREP" and np.start >= 1 and \
                toks[np.start - 1].low in ("and", "or"):
            # a gapped clause: "12 people were killed in Kabul and 5 in Jalalabad"
            earlier = _earlier_metric(parse, np.start, lexicon, nearest=True)
            if earlier:
                return Reading(earlier)
    if predicate is None and head is not None and np.start >= 2 and toks[np.start - 1].low in (",", "and"):
        k = parse.coordinated_before(np.start)
        first = parse.noun_phrase(toks[k].fig) if k is not None else None
        of = _before(parse, first.start) if first is not None else -1
        if of >= 1 and toks[of].low == "of" and f"{toks[of - 1].low} of" in p["before"] and \
                toks[of - 1].low not in verbs["measure_nouns"] and toks[of - 1].low != "lives":
            # the next item of a list completing the noun of an act: "the killings of four
            # nurses, three drivers and a cook", "the release of 3 monks and 2 nuns was welcomed"
            return Reading(p["before"][f"{toks[of - 1].low} of"])
    if vg is None and np.start >= 2 and toks[np.start - 1].low in (",", "and"):
        # the next object of one verb: "killed nine villagers, two pupils and a nurse"
        k = parse.coordinated_before(np.start)
        if k is not None:
            first = parse.noun_phrase(toks[k].fig)
            if first is not None:
                shared = _object_of(parse, first.start, first.end, p, verbs)
                if shared:
                    return Reading(shared)
                if first.start >= 1 and toks[first.start - 1].text in ("(", "—", "–", "--"):
                    # a breakdown inside an aside: "42 people (22 men, 20 women) were held"
                    inner = read(parse, toks[k].fig, lexicon)
                    if inner is not None and inner.metric != "other":
                        return inner
    if vg is None and not negated and (np.end >= len(toks) or toks[np.end].tag in ("PUNCT", "PREP")):
        listed = _object_list_verb(parse, np.start, p, verbs)
        if listed:
            return Reading(listed)  # "killed the mayor, as well as two farmers"
    # a verb the word lists do not know, told by its place after a plural head: "sang", "wept"
    unknown_verb = vg is None and np.verb_at == np.end < len(toks) and toks[np.end].tag == "WORD" and \
        _plural_or_collective(head or "")
    if unknown_verb and toks[np.end].low in verbs["present"]:
        return Reading(verbs["present"][toks[np.end].low])  # "saw 3,000 workers march"
    if head is not None and ((vg is not None and not vg.passive) or unknown_verb):
        noun = verbs["nouns"].get(head)
        if noun:
            return Reading(noun)
    j = _before(parse, np.start)
    if head is not None and vg is None and j >= 0 and toks[j].low in _POSSESSION and verbs["nouns"].get(head):
        return Reading(verbs["nouns"][head])  # "Britain has 800 troops in Estonia"
    if head is not None and vg is None and verbs["nouns"].get(head) and \
            not any(t.tag in ("AUX", "MODAL", "PART", "GER") for t in toks) and \
            all(parse.verb_group(i) is None for i in range(len(toks))):
        # a sentence with no verb at all, a caption or a lead's fragment: the noun tells the
        # metric ("Hundreds of demonstrators outside City Hall", "Some 300 troops in the north")
        return Reading(verbs["nouns"][head])
    if head is None and (np.end >= len(toks) or toks[np.end].text in _STOP):
        # a bare figure completing a verb of speech after a figure of the sentence: "organisers
        # claimed 50,000 took part; police said 12,000"
        if j >= 0 and toks[j].low in _SPEECH_WORDS:
            earlier = _earlier_metric(parse, np.start, lexicon, nearest=True)
            if earlier:
                return Reading(earlier)
    if vg is not None and np.end < len(toks) and toks[np.end].tag == "REL":
        # the phrase's own verb, past its relative clause, counts nothing: the clause's verb
        # tells what happened to the group ("three others who were injured …"), but a metric
        # word elsewhere in the clause does not ("who rescued two injured hikers")
        inner, negated, _ = _predicate(parse, np.end + 1, p)
        return Reading(inner if inner and not negated else "other")
    if vg is not None and predicate is None and np.verb_at == np.end and \
            not _counts_in(parse, np.start + 1, vg.start, p):
        # the phrase (with all that hangs on it) and its own verb count nothing, and a metric
        # word after them stands in a clause of its own: "40 senators had been briefed on the
        # raid that killed 3" ("four men with gunshot wounds were taken …" keep their wounds)
        for k in range(vg.end, len(toks)):
            if toks[k].text in _STOP or _after_metric(p, parse.words(k, min(len(toks), k + 4)))[0]:
                break
            if toks[k].tag in ("REL", "SUB"):
                return Reading("other")
    if vg is not None and predicate is None and toks[vg.main].tag != "GER" and \
            not _counts_in(parse, np.start + 1, np.verb_at, p):
        # the phrase's own verb counts nothing, and a clause with a subject of its own follows:
        # "40 miners were brought to the surface, and 3 … were killed": the 40 are not
        for k in range(vg.end, len(toks) - 2):
            if toks[k].text in (";", ":") or toks[k].tag == "SUB":
                break
            if toks[k].text == "," and toks[k + 1].tag == "CONJ" and toks[k + 2].tag in ("NUM", "DET", "NAME", "PRON"):
                if not _counts_in(parse, vg.main, k, p):
                    return Reading("other")
                break
            if toks[k].low == "and" and toks[k + 1].tag == "NUM" and parse.verb_group(k + 2) is not None:
                # no comma, a counted subject and its verb: "30 miners were trapped and four died"
                if not _counts_in(parse, vg.main, k, p):
                    return Reading("other")
                break
    b = _before(parse, np.start)
    if vg is not None and predicate is None and not negated and b >= 1 and toks[b].tag == "GER" and \
            toks[b - 1].tag == "WORD" and not _counts_in(parse, np.start + 1, len(toks), p):
        # the subject of a clause that completes a noun by a gerund ("figures showing 1.2
        # million tourists visited"): its own verb counts nothing, and no verb before the noun
        # reaches past it ("released figures …" releases no one)
        return Reading("other")
    return None
