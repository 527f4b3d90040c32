"""Individuals (SPEC §2): one person named without a numeral, as the patient of a metric
predicate, is a claim of 1.

A person is a singular noun phrase (a determiner, a few modifiers and a person noun from the
lexicon: ``a man``, ``the 23-year-old``, ``an off-duty officer``) or a personal name
(``Maria Lopez``, ``Officer Ann Reyes``). It is the patient of a predicate when it is the
subject of a passive or of a verb of dying or going missing (``a man was shot dead``,
``the driver died``), or the object of an active one (``police arrested a suspect``,
``the blast left a boy wounded``). Negated and modal predicates, and predicates that are no
metric (questioned, sought, charged, looked for), give nothing.

:func:`settle` then counts each person once per metric in a report: a definite description,
a name or a pronoun that refers back to a person already counted for that metric, or that
belongs to a group the report counted with a numeral before, is no new claim.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Figure
from .lexicon import Lexicon
from .metrics import _phrase_alt, folded, sentence_index


@dataclass(frozen=True, slots=True)
class Mention:
    """A person found as the patient of a metric predicate."""

    figure: Figure  # the phrase up to its head, value 1
    metric: str
    subject: str
    subject_group: str
    kind: str  # "indefinite", "definite", "name", "pronoun"
    head: str  # the person noun ("man", "officer", "year-old") or the name's last word


# predicate wording → metric; the longest wording wins where several start at one place
_PASSIVE = {
    "killed": "killed", "shot dead": "killed", "shot and killed": "killed", "shot to death": "killed",
    "stabbed to death": "killed", "beaten to death": "killed", "fatally shot": "killed",
    "fatally stabbed": "killed", "fatally wounded": "killed", "fatally injured": "killed",
    "murdered": "killed", "slain": "killed", "assassinated": "killed", "gunned down": "killed",
    "pronounced dead": "killed", "found dead": "killed", "declared dead": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "shot": "injured",
    "stabbed": "injured", "shot and wounded": "injured", "shot and injured": "injured",
    "arrested": "arrested", "detained": "arrested", "taken into custody": "arrested",
    "apprehended": "arrested", "placed under arrest": "arrested", "taken into police custody": "arrested",
    "kidnapped": "kidnapped", "abducted": "kidnapped", "taken hostage": "kidnapped",
    "reported missing": "missing", "missing": "missing",
    "released": "released", "freed": "released", "set free": "released",
}
_INTRANSITIVE = {
    "died": "killed", "dies": "killed", "has died": "killed", "had died": "killed", "later died": "killed",
    "was dead": "killed", "is dead": "killed", "went missing": "missing", "remains missing": "missing",
    "is missing": "missing", "was missing": "missing", "has gone missing": "missing",
    "disappeared": "missing",
}
_ACTIVE = {
    "killed": "killed", "shot and killed": "killed", "shot dead": "killed", "fatally shot": "killed",
    "fatally stabbed": "killed", "murdered": "killed", "gunned down": "killed", "stabbed": "injured",
    "shot": "injured", "wounded": "injured", "injured": "injured", "shot and wounded": "injured",
    "arrested": "arrested", "detained": "arrested", "apprehended": "arrested",
    "took into custody": "arrested", "kidnapped": "kidnapped", "abducted": "kidnapped",
    "released": "released", "freed": "released",
    # the same acts as participles of a clause: "…, killing a cyclist", "after fatally shooting a guard"
    "killing": "killed", "fatally shooting": "killed", "fatally stabbing": "killed", "murdering": "killed",
    "injuring": "injured", "wounding": "injured", "kidnapping": "kidnapped", "abducting": "kidnapped",
}
_LEFT = {"dead": "killed", "wounded": "injured", "injured": "injured", "critically injured": "injured",
         "seriously injured": "injured", "critically wounded": "injured"}
_AUX_SINGULAR = "(?:%s)" % _phrase_alt(("was", "is", "has been", "had been", "got", "gets"))
_AUX_PLURAL = "(?:%s)" % _phrase_alt(("were", "are", "have been", "had been"))
_ADVERBS = "(?:%s)" % _phrase_alt((
    "also", "reportedly", "allegedly", "then", "later", "subsequently", "eventually", "fatally", "critically",
    "seriously", "badly", "gravely", "mortally", "accidentally", "apparently", "initially", "briefly", "finally",
    "ultimately", "shot and", "found and")) + r"|(?:[a-z]+ed\s+and)"
_ADVERBS = f"(?:{_ADVERBS})"


def _alt(words) -> str:
    """One alternation of the words, grouped by first letter (see metrics._phrase_alt)."""
    return _phrase_alt(w.lower() for w in words)


@lru_cache(maxsize=8)
def _grammar(lexicon: Lexicon) -> dict:
    ind = lexicon.data.get("individuals", {})
    heads: dict[str, str] = {}
    for group, words in ind.get("heads", {}).items():
        for w in words:
            heads[w.lower()] = group
    civilian_roles = {w.lower() for w in ind.get("civilian_roles", [])}
    for w in civilian_roles:
        heads.setdefault(w, "people")
    titles = ind.get("titles", [])
    modifiers = {w.lower(): group for group, words in lexicon.data.get("subjects", {}).items()
                 for w in words if " " not in w}
    head_alt = _alt(heads)
    age = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week)[- ]old"
    det = r"(?:a|an|the|another|one\s+more|a\s+(?:second|third|fourth|fifth)|his|her|their|its|our)"
    mod = r"(?:(?!(?:and|or|who|was|is|were|are|has|had|been|of|in|on|at|with)\b)[\w'’-]+\s+)"
    # a description: determiner, up to four modifiers, a person noun; or an age as the head
    desc = (rf"(?P<det>{det})\s+(?P<mods>{mod}{{0,4}}?)"
            rf"(?P<head>(?:{head_alt})(?![\w'’-])|{age}(?!\s+(?:{head_alt})\b)(?![\w-]))")
    title_alt = _alt(titles) if titles else "Officer"
    name = (rf"(?:(?:\d{{1,3}}|[A-Za-z]+)[- ](?:year|month)[- ]old\s+)?(?P<name>(?:(?:{title_alt})\.?\s+)?(?-i:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
            rf"(?:\s+(?-i:[A-Z]\.|[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)){{0,3}}(?:\s+(?:Jr|Sr)\.?)?)")
    pron = r"(?P<pron>(?-i:he|she|He|She|HE|SHE))"
    person = rf"(?<![\w'’-])(?:{desc}|{name}|{pron})"
    anyone = re.sub(r"\(\?P<\w+>", "(?:", person)  # the same, without group names: for lists
    # an apposition after the person: ", 34,", ", a 52-year-old teacher,", ", of Springfield,"
    appos = r"(?:\s*,\s*[^,;:.!?()\"“”]{1,60}?\s*,)?"
    passive = _alt(_PASSIVE)
    intrans = _alt(_INTRANSITIVE)
    active = _alt(_ACTIVE)
    left = _alt(_LEFT)
    return {
        "heads": heads,
        "modifiers": modifiers,
        "civilian_roles": civilian_roles,
        "titles": {t.lower().rstrip(".") for t in titles},
        "person": re.compile(person, re.IGNORECASE),
        # a predicate whose patient is its subject: aux [adverbs] passive, or a verb of dying
        "subject_pred": re.compile(
            rf"(?<![\w-])(?:(?P<aux>{_AUX_SINGULAR})\s+(?:{_ADVERBS}\s+){{0,2}}(?P<pass>{passive})"
            rf"|(?:{_ADVERBS}\s+)?(?P<intr>{intrans}))(?![\w-])", re.IGNORECASE),
        "plural_pred": re.compile(
            rf"(?<![\w-])(?:{_AUX_PLURAL})\s+(?:{_ADVERBS}\s+){{0,2}}(?P<pass>{passive})(?![\w-])", re.IGNORECASE),
        # the person, or a list of persons ("a nurse, a cook and a boy"), ending where the predicate's
        # auxiliary begins (after an apposition, if any)
        "np_end": re.compile(rf"{person}\s*\Z", re.IGNORECASE),
        "list_end": re.compile(
            rf"(?:{anyone}{appos}\s*,\s*)*{anyone}{appos}\s*,?\s+and\s+{anyone}{appos}\s*\Z", re.IGNORECASE),
        "appos_end": re.compile(rf"{appos[3:-2]}\s*\Z", re.IGNORECASE),
        "object": re.compile(
            rf"(?<![\w-])(?P<verb>{active})\s+(?:also\s+)?(?P<list>{anyone}(?:\s*,\s*{anyone})*(?:\s*,?\s+and\s+{anyone})?)"
            rf"(?![\w'’-])", re.IGNORECASE),
        "left": re.compile(rf"(?<![\w-])left\s+(?P<list>{anyone})\s+(?P<state>{left})(?![\w-])", re.IGNORECASE),
        "one_person": re.compile(rf"\s*{person}\s*", re.IGNORECASE),
        "age": re.compile(r"(\d{1,3})[- ](?:year|month|week)[- ]old", re.IGNORECASE),
    }


_NOT_NAMES = {"police", "officials", "authorities", "the", "a", "an", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
              "june", "july", "august", "september", "october", "november", "december", "it", "this", "that",
              "there", "they", "we", "i", "you", "who", "one", "none", "nobody", "no", "someone", "somebody",
              "everyone", "anyone", "today", "yesterday", "tonight", "sheriff", "news", "update", "updated"}
# what may stand before a subject: the start of a clause
_CLAUSE_OPENER = re.compile(
    r"(?:^|[,;:(\"“”—–-]|\b(?:and|but|that|when|after|before|while|as|because|where|then|said|says|say|"
    r"reported|told|added|confirmed|stated|announced|after|once|until|although|though|so|later|earlier|"
    r"meanwhile|also|separately|elsewhere|yesterday|today|overnight|tonight|finally|eventually))\s*\Z",
    re.IGNORECASE)
# what ruins a predicate: a negation or a modal before it
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|n[’']t|will|would|could|may|might|should|must|to\s+be|"
                      r"to|expected|likely|feared|believed|if|whether|cannot|can)\b", re.IGNORECASE)
_NOT_RELEASED = re.compile(r"\s+(?:from\s+(?:the\s+|a\s+)?(?:hospital|medical|trauma|care)|on\s+bail|"
                           r"without\s+charge)", re.IGNORECASE)
_SHOT_OUTCOME = re.compile(
    r"(?:\s+(?:in|on|at|by|near|outside|inside|during|through|multiple|several|once|twice|"
    r"\w+\s+times)\b[^,;.!?]{0,50}?)?\s+and\s+(?:later\s+|then\s+|was\s+|subsequently\s+|eventually\s+)*"
    r"(?P<out>died|killed|pronounced\s+dead|declared\s+dead|wounded|injured|hurt)\b", re.IGNORECASE)
_FATALLY = re.compile(r"\bfatally\b", re.IGNORECASE)
_VIOLENCE = re.compile(r"\b(?:shot|shooting|gun\w*|wound\w*|stabb\w*|attack\w*|bomb\w*|blast|explosion|murder\w*|"
                       r"assassinat\w*|ambush\w*|kidnap\w*|abduct\w*|militants?|insurgents?|armed)\b",
                       re.IGNORECASE)
_ADULT_AGE = 18


def _group(m: re.Match, g: dict, sentence: str) -> str:
    if m["pron"] or m["name"]:
        return "people"
    head = m["head"].lower()
    age = g["age"].match(head)
    mods = (m["mods"] or "").lower()
    for w in reversed(mods.split()):
        if g["modifiers"].get(w) in ("police", "security_forces", "journalists"):
            return g["modifiers"][w]  # "a military police corporal", "an army medic"
    if age:
        return "children" if int(age.group(1)) < _ADULT_AGE else "people"
    group = g["heads"].get(head, "people")
    if head in g["civilian_roles"]:
        return "civilians" if _VIOLENCE.search(sentence) else "people"
    if group == "people":
        a = g["age"].search(mods)
        if a and int(a.group(1)) < _ADULT_AGE:
            return "children"
    return group


def _person(m: re.Match, g: dict, sentence: str, offset: int) -> tuple | None:
    """(start, end, surface, kind, head, group) of the person a match names, or None."""
    if m["name"]:
        name = m["name"]
        words = name.split()
        title = words[0].lower().rstrip(".") in g["titles"]
        core = words[1:] if title else words
        if not core or any(w.lower().rstrip(".") in _NOT_NAMES for w in core):
            return None
        if name.isupper():
            return None  # a capitalised word in wire copy is no name we can tell
        if len(core) == 1 and not title and core[0].lower() in g["heads"]:
            return None
        start, end = m.start("name"), m.end("name")
        group = g["heads"].get(words[0].lower().rstrip("."), "people") if title else "people"
        return (offset + start, offset + end, name, "name", core[-1].lower().rstrip("."), group)
    if m["pron"]:
        return (offset + m.start("pron"), offset + m.end("pron"), m["pron"], "pronoun", "", "people")
    det = m["det"].lower()
    if det in ("the", "his", "her", "their", "its", "our"):
        kind = "definite"
    else:
        kind = "indefinite"
    head = m["head"].lower()
    if g["age"].match(head):
        head = "year-old"
    start, end = m.start("det"), m.end("head")
    return (offset + start, offset + end, sentence[start:end], kind, head, _group(m, g, sentence))


def _persons_in(list_text: str, list_start: int, g: dict, sentence: str, offset: int) -> list[tuple]:
    """Each person of a list ("a man, a woman and a boy"), or nothing if any part is not one."""
    out = []
    pos = list_start
    end = list_start + len(list_text)
    coordinated = re.search(r"\band\b", list_text, re.IGNORECASE) is not None
    sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
    while pos < end:
        m = g["person"].match(sentence, pos, end)
        if not m:
            return []
        p = _person(m, g, sentence, offset)
        if p is None:
            return []
        if out and not coordinated:
            break  # "Ana Ruiz, a nurse": an apposition, not a second person
        out.append(p)
        pos = m.end()
        appos = re.compile(r"\s*,\s*\d{1,3}\s*(?=,|\s+and\b|$)").match(sentence, pos, end)
        if appos:
            pos = appos.end()
        s = sep.match(sentence, pos, end)
        if s:
            pos = s.end()
        elif pos < end and sentence[pos:end].strip():
            return []
        else:
            break
    return out


def _clean_before(sentence: str, start: int) -> bool:
    """Whether a clause opens right before ``start`` (the person is a subject, not an object)."""
    return _CLAUSE_OPENER.search(sentence, max(0, start - 40), start) is not None


def _ok_between(text: str) -> bool:
    return _NEGATED.search(text) is None


_PREDICATE_WORD = re.compile(r"\b(?i:%s)" % _phrase_alt((
    "kill", "shot", "dead", "die", "murder", "slain", "assassinat", "gunned", "wound", "injur", "hurt",
    "stabb", "arrest", "detain", "custody", "apprehend", "kidnap", "abduct", "hostage", "missing",
    "disappear", "releas", "freed", "set free")))


_PREDICATE_LOWER = re.compile(_PREDICATE_WORD.pattern.replace("(?i:", "(?:", 1))  # for folded text


def may_count(text: str) -> bool:
    """Whether ``text`` holds a word of a metric predicate at all (one scan, at C speed)."""
    return _PREDICATE_WORD.search(text) is not None


def find(text: str, spans: list[tuple[int, int]], lexicon: Lexicon,
         figures: list[Figure] = ()) -> list[Mention]:
    """Every person of ``text`` who is the patient of a metric predicate, in order; none that
    overlaps one of ``figures`` (a numeral already counts them: "one man")."""
    if not lexicon.data.get("individuals"):
        return []
    g = _grammar(lexicon)
    found: dict[int, Mention] = {}
    taken = sorted((f.start, f.end) for f in figures)
    # the sentences that hold a predicate word, from one scan of the text
    holding: list[int] = []
    lowered = folded(text)
    for m in _PREDICATE_LOWER.finditer(lowered) if lowered is not None else _PREDICATE_WORD.finditer(text):
        i = sentence_index(spans, m.start())
        if not holding or holding[-1] != i:
            holding.append(i)
    for i in holding:
        s0, s1 = spans[i]
        if s1 - s0 > 2000:  # a run-on block is no news sentence: a person is not sought there
            continue
        sentence = text[s0:s1]
        for person, metric in _sentence_mentions(sentence, g):
            start, end, surface, kind, head, group = person
            start += s0
            end += s0
            if start in found:
                continue
            k = bisect.bisect_left(taken, (end, -1)) - 1
            if k >= 0 and taken[k][1] > start:
                continue
            fig = Figure(surface=text[start:end], qualifier="exact", value=1, low=1, high=1,
                         start=start, end=end)
            found[start] = Mention(fig, metric, surface, group, kind, head)
    return [found[k] for k in sorted(found)]


def _outcome(metric: str, pred: str, sentence: str, after: int) -> str:
    """``shot`` alone wounds; ``shot … and later died`` kills; ``fatally`` kills."""
    if metric != "injured":
        return metric
    out = _SHOT_OUTCOME.match(sentence, after)
    if out and out["out"].lower().split()[0] in ("died", "killed", "pronounced", "declared"):
        return "killed"
    if _FATALLY.search(sentence, max(0, after - 40), min(len(sentence), after + 20)):
        return "killed"
    return metric


_WORD_START = re.compile(r"(?<![\w'’.-])[\w'’]")
_WHO_END = re.compile(r"\s+who\s*\Z|\s*\Z", re.IGNORECASE)
_NP_REACH = 90  # a person and its apposition before an auxiliary: a few words
_LIST_REACH = 160  # a list of persons: a few more


def _subject_before(sentence: str, end: int, rx: re.Pattern, reach: int) -> re.Match | None:
    """The longest match of ``rx`` (anchored at its end) that ends at ``end`` and starts a
    clause: tried at the word starts of the few words before, farthest first."""
    lo = max(0, end - reach)
    for w in _WORD_START.finditer(sentence, lo, end):
        m = rx.match(sentence, w.start(), end)
        if m and _clean_before(sentence, w.start()):
            yield m


def _np_end(sentence: str, aux_start: int, g: dict) -> int:
    """Where the subject of an auxiliary ends: before "who" and an apposition, if any."""
    end = _WHO_END.search(sentence, max(0, aux_start - 6), aux_start)
    end = end.start() if end else aux_start
    appos = g["appos_end"].search(sentence, max(0, end - 80), end)
    return appos.start() if appos else end


def _sentence_mentions(sentence: str, g: dict):
    seen: set[int] = set()
    for m in g["plural_pred"].finditer(sentence):
        pred = re.sub(r"\s+", " ", m["pass"].lower())
        if not _ok_between(sentence[m.start():m.start("pass")]) or _not_release(pred, sentence, m.end("pass")):
            continue
        end = _np_end(sentence, m.start(), g)
        found = next(_subject_before(sentence, end, g["list_end"], _LIST_REACH), None)
        if found is None:
            continue
        metric = _outcome(_PASSIVE[pred], pred, sentence, m.end("pass"))
        text = sentence[found.start():end]
        for p in _persons_in(text, found.start(), g, sentence, 0):
            if p[3] != "pronoun" and p[0] not in seen:
                seen.add(p[0])
                yield p, metric
    for m in g["subject_pred"].finditer(sentence):
        if m["pass"]:
            pred = re.sub(r"\s+", " ", m["pass"].lower())
            if not _ok_between(sentence[m.start():m.start("pass")]) or \
                    _not_release(pred, sentence, m.end("pass")):
                continue
            metric = _outcome(_PASSIVE[pred], pred, sentence, m.end("pass"))
        else:
            pred = re.sub(r"\s+", " ", m["intr"].lower())
            if not _ok_between(sentence[m.start():m.start("intr")]):
                continue
            metric = _INTRANSITIVE[pred]
        end = _np_end(sentence, m.start(), g)
        for found in _subject_before(sentence, end, g["np_end"], _NP_REACH):
            p = _person(found, g, sentence, 0)
            if p is None:
                continue
            if p[0] not in seen:
                seen.add(p[0])
                yield p, metric
            break
    for m in g["object"].finditer(sentence):
        before = sentence[max(0, m.start() - 30):m.start()]
        # "was shot …" is the passive above; "to arrest", "will release", "not detained" give nothing
        if re.search(r"\b(?:was|were|is|are|be|been|being|get|got)\s+(?:\w+\s+)?\Z", before, re.IGNORECASE):
            continue
        if _NEGATED.search(sentence[max(0, m.start() - 25):m.start()]):
            continue
        pred = re.sub(r"\s+", " ", m["verb"].lower())
        if _not_release(pred, sentence, m.end()):
            continue
        metric = _outcome(_ACTIVE[pred], pred, sentence, m.end())
        for p in _persons_in(m["list"], m.start("list"), g, sentence, 0):
            if p[3] == "pronoun" or p[0] in seen:
                continue
            if sentence[p[1]:p[1] + 2] in ("'s", "’s"):
                continue  # "killed a man's dog"
            seen.add(p[0])
            yield p, metric
    for m in g["left"].finditer(sentence):
        for p in _persons_in(m["list"], m.start("list"), g, sentence, 0):
            if p[3] != "pronoun" and p[0] not in seen:
                seen.add(p[0])
                yield p, _LEFT[re.sub(r"\s+", " ", m["state"].lower())]


def _not_release(pred: str, sentence: str, after: int) -> bool:
    """``released from hospital`` is a discharge, not a release from captivity."""
    return pred in ("released", "freed") and _NOT_RELEASED.match(sentence, after) is not None


# Within a report: one person, one claim per metric

_ANOTHER = re.compile(r"\b(?:second|third|fourth|fifth|sixth|another|other|more|further|additional)\b",
                      re.IGNORECASE)
_GENERIC_HEADS = {"victim", "man", "woman", "person", "individual", "year-old", "male", "female", "boy",
                  "girl", "child", "teen", "teenager", "youth", "adult", "resident"}


def _compatible(group_a: str, group_b: str) -> bool:
    if group_a == group_b:
        return True
    if "assailants" in (group_a, group_b):
        return False
    return "people" in (group_a, group_b)


class Persons:
    """The people a report has counted so far, for resolving later mentions to them."""

    def __init__(self):
        self.people: list[dict] = []  # {"head", "group", "names", "metrics"}
        self.counted: list[tuple[str, str]] = []  # (metric, group) of numeric claims so far

    def count_numeric(self, metric: str, group: str) -> None:
        self.counted.append((metric, group))

    def _referent(self, m: Mention) -> dict | None:
        if m.kind == "indefinite":
            # "another man", "a second officer" are new; a plain "a man" again, with the same
            # noun and metric, is the same person described again (a lede and its body)
            if not m.subject.lower().startswith(("a ", "an ")) or _ANOTHER.search(m.subject):
                return None
            for person in reversed(self.people):
                if person["head"] == m.head and m.metric in person["metrics"] \
                        and _compatible(m.subject_group, person["group"]):
                    return person
            return None
        for person in reversed(self.people):
            if m.kind == "pronoun":
                return person
            if m.kind == "name":
                if m.head in person["names"]:
                    return person
                continue
            if m.kind == "definite":
                if m.head == person["head"] or (m.head in _GENERIC_HEADS and _compatible(m.subject_group, person["group"])) \
                        or (person["head"] in _GENERIC_HEADS and m.head in _GENERIC_HEADS):
                    return person
        if m.kind == "name":
            # a name given to someone described before ("a man … Ray Cole, 31, …"), or to
            # the one person the report already counted for this metric
            for person in reversed(self.people):
                if not person["names"] and _compatible(m.subject_group, person["group"]) and (
                        person["head"] in _GENERIC_HEADS | {"suspect", "driver"}
                        or m.metric in person["metrics"]):
                    return person
        if m.kind == "definite" and not _ANOTHER.search(m.subject):
            # a definite or possessive description ("her son", "the teenager") of someone the
            # report counted for this metric is that person again, whatever noun it uses
            for person in reversed(self.people):
                if m.metric in person["metrics"] and _compatible(m.subject_group, person["group"]):
                    return person
        return None

    def admit(self, m: Mention) -> bool:
        """Whether the mention counts a person not yet counted for its metric (and note it)."""
        if m.kind != "indefinite" and any(metric == m.metric and _compatible(group, m.subject_group)
                                          for metric, group in self.counted):
            return False  # a person the report already counted in a group
        ref = self._referent(m)
        if ref is None:
            # "he"/"she" with no one counted before: the person the report went on about, as
            # long as the report counted no group of this metric (checked above)
            if m.kind == "pronoun" and any(m.metric in p["metrics"] for p in self.people):
                return False
            names = set()
            if m.kind == "name":
                names = {w.lower().rstrip(".,") for w in m.subject.split()}
            self.people.append({"head": m.head, "group": m.subject_group, "names": names, "metrics": {m.metric}})
            return True
        if m.kind == "name":
            ref["names"] |= {w.lower().rstrip(".,") for w in m.subject.split()}
        if m.metric in ref["metrics"]:
            return False
        ref["metrics"].add(m.metric)
        return True


def settle(claims: list, people: dict[int, Mention]) -> list:
    """The claims with each person counted once per metric (SPEC §2), in their order.

    ``people`` maps the start of each individual's figure to its mention; numeric claims of a
    metric count their group, so that a later definite or named mention of one of them is
    no new person.
    """
    persons = Persons()
    out = []
    for c in claims:
        m = people.get(c.figure.start) if c.individual else None
        if m is None:
            if c.metric != "other" and not c.individual:
                persons.count_numeric(c.metric, c.subject_group)
            out.append(c)
        elif persons.admit(m):
            out.append(c)
    return out
