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
from dataclasses import dataclass, replace
from functools import lru_cache

from ..models import Figure
from .lexicon import Lexicon
from . import grammar
from .metrics import _phrase_alt, folded, sentence_index
from .cues import SPEECH


@dataclass(frozen=True, slots=True)
class Mention:
    """A person found as the patient of a metric predicate."""

    figure: Figure  # the phrase up to its head, value 1
    metric: str
    subject: str
    subject_group: str
    kind: str  # "indefinite", "definite", "name", "pronoun"
    head: str  # the person noun ("man", "officer", "year-old") or the name's last word
    together: int = -1  # where the list of persons it was named in starts (-1: named alone)
    sex: str = ""  # "male" or "female" when the noun or pronoun tells it


# predicate wording → metric; the longest wording wins where several start at one place
_PASSIVE = {
    "killed": "killed", "shot dead": "killed", "shot and killed": "killed", "shot to death": "killed",
    "stabbed to death": "killed", "beaten to death": "killed", "fatally shot": "killed",
    "fatally stabbed": "killed", "fatally wounded": "killed", "fatally injured": "killed",
    "murdered": "killed", "slain": "killed", "assassinated": "killed", "gunned down": "killed",
    "pronounced dead": "killed", "found dead": "killed", "declared dead": "killed",
    "crushed to death": "killed", "burned to death": "killed", "burnt to death": "killed",
    "hacked to death": "killed", "electrocuted": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "shot": "injured",
    "stabbed": "injured", "shot and wounded": "injured", "shot and injured": "injured",
    "arrested": "arrested", "detained": "arrested", "taken into custody": "arrested",
    "apprehended": "arrested", "placed under arrest": "arrested", "taken into police custody": "arrested",
    # a state that follows an arrest: "the suspect is in custody", "a teen was in police custody"
    "in custody": "arrested", "in police custody": "arrested", "now in custody": "arrested",
    # a booking records an arrest: "was booked into the county jail", not "booked on a flight"
    "booked into": "arrested", "booked on suspicion": "arrested", "booked on charges": "arrested",
    "booked on a charge": "arrested", "booked for investigation": "arrested",
    "kidnapped": "kidnapped", "abducted": "kidnapped", "taken hostage": "kidnapped",
    "kidnaped": "kidnapped",  # the spelling with one "p" of American wire copy
    # a captivity that goes on: "a nurse is being held hostage", "was held captive for a week"
    "held hostage": "kidnapped", "being held hostage": "kidnapped", "held captive": "kidnapped",
    "being held captive": "kidnapped", "taken captive": "kidnapped",
    "reported missing": "missing", "missing": "missing",
    "released": "released", "freed": "released", "set free": "released",
}
_INTRANSITIVE = {
    "died": "killed", "dies": "killed", "has died": "killed", "had died": "killed", "later died": "killed",
    "was dead": "killed", "is dead": "killed", "went missing": "missing", "remains missing": "missing",
    "is missing": "missing", "was missing": "missing", "has gone missing": "missing",
    # a plural copula names a list of persons ("a woman and her son were dead"): its subject is
    # read as a list only (_PLURAL_INTRANSITIVE)
    "were dead": "killed", "are dead": "killed", "are missing": "missing", "were missing": "missing",
    "disappeared": "missing", "drowned": "killed", "perished": "killed",
}
_ACTIVE = {
    "killed": "killed", "shot and killed": "killed", "shot dead": "killed", "fatally shot": "killed",
    "fatally stabbed": "killed", "murdered": "killed", "gunned down": "killed", "stabbed": "injured",
    # a wound that kills: "the blast mortally wounded a guard"
    "mortally wounded": "killed", "fatally wounded": "killed", "fatally injured": "killed",
    "shot": "injured", "wounded": "injured", "injured": "injured", "shot and wounded": "injured",
    "arrested": "arrested", "detained": "arrested", "apprehended": "arrested",
    "took into custody": "arrested", "kidnapped": "kidnapped", "abducted": "kidnapped", "kidnaped": "kidnapped",
    "released": "released", "freed": "released",
    # the same acts as participles of a clause: "…, killing a cyclist", "after fatally shooting a guard"
    "killing": "killed", "fatally shooting": "killed", "fatally stabbing": "killed", "murdering": "killed",
    "injuring": "injured", "wounding": "injured", "kidnapping": "kidnapped", "abducting": "kidnapped",
    "kidnaping": "kidnapped",
    # the act as a noun, its patient after "of": "the killing of a student", "the shooting death of a boy"
    "killing of": "killed", "murder of": "killed", "slaying of": "killed", "shooting death of": "killed",
    "stabbing death of": "killed", "fatal shooting of": "killed", "fatal stabbing of": "killed",
    "death of": "killed", "arrest of": "arrested", "abduction of": "kidnapped", "kidnapping of": "kidnapped",
    "kidnaping of": "kidnapped",
    # a body found is a death: "recovered the body of a fisherman", "found the body of a man" (the
    # finding told: a body named for any other reason may be a person counted under a name)
    **{f"{verb} {det} body of": "killed" for verb in ("found", "recovered", "discovered", "retrieved", "pulled")
       for det in ("the", "a")},
    # … and the body as the subject of the finding or of its own clause: "the body of a hiker
    # was found", "THE BODIES OF A JUDGE AND HIS SON WERE FOUND"
    "body of": "killed", "bodies of": "killed",
}
# the verbs of dying or going missing whose subject may be plural
_PLURAL_INTRANSITIVE = frozenset({"died", "later died", "had died", "disappeared", "went missing", "were dead",
                                  "are dead", "are missing", "were missing"})
_LEFT = {"dead": "killed", "wounded": "injured", "injured": "injured", "critically injured": "injured",
         "seriously injured": "injured", "critically wounded": "injured"}
# a copula placing its subject among a counted group: "was among the dead", "were among those
# wounded": the group's metric, from the adjectives and participles above
_AMONG = {f"{aux} among {det} {word}": metric
          for aux in ("was", "is", "were", "are")
          for det, words in (("the", _LEFT), ("those", _PASSIVE))
          for word, metric in words.items() if " " not in word}
_INTRANSITIVE.update(_AMONG)
_PLURAL_INTRANSITIVE |= {w for w in _AMONG if w.startswith(("were", "are"))}
_AUX_SINGULAR = "(?:%s)" % _phrase_alt(("was", "is", "has been", "had been", "got", "gets"))
_AUX_PLURAL = "(?:%s)" % _phrase_alt(("were", "are", "have been", "had been"))
_ADVERBS = "(?:%s)" % _phrase_alt((
    "also", "reportedly", "allegedly", "then", "later", "subsequently", "eventually", "fatally", "critically",
    "seriously", "badly", "gravely", "mortally", "accidentally", "apparently", "initially", "briefly", "finally",
    "ultimately", "shot and", "found and",
    # a quantifier floated after the auxiliary: "Ana Ruiz and Leo Park were both arrested"
    "both", "all", "each")) + r"|(?:[a-z]+ed\s+and)"
_ADVERBS = f"(?:{_ADVERBS})"


def _alt(words) -> str:
    """One alternation of the words, grouped by first letter (see metrics._phrase_alt)."""
    return _phrase_alt(w.lower() for w in words)


def _first_words(phrases) -> str:
    """An alternation of the first words of the phrases, in lower case.

    Scanned without word boundaries on a folded copy, it finds every place where one of the
    phrases starts a word: a match spans letters only, so the places it passes over are
    inside a word, where none of the phrases may start."""
    return _alt(sorted({p.split()[0] for p in phrases}))


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
    # ... or a name's possessive: "Ana Cole's stepson" is the stepson, not Ana Cole
    det = (r"(?:a|an|the|another|one\s+more|a\s+(?:second|third|fourth|fifth)|his|her|their|its|our"
           r"|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s"
           # … an upper-case name's ("DIAZ'S DRIVER"), a definite noun's ("the mayor's bodyguard")
           r"|(?-i:[A-Z][A-Z-]+)['’]S|(?:the|his|her|their|its)\s+(?:[a-z-]+\s+)?[a-z-]+['’]s)")
    mod = r"(?:(?!(?:and|or|who|that|which|whose|was|is|were|are|has|had|been|of|in|on|at|with)\b)[\w'’-]+\s+)"
    # a description: determiner, up to four modifiers, a person noun; or an age as the head
    # a headline drops the determiner: "Man dies", "Teen shot" open a sentence bare
    # (with a capitalised place or name before it at most: "Leeds man dies")
    desc = (rf"(?:(?P<det>{det})\s+(?P<mods>{mod}{{0,4}}?)"
            rf"|(?<![\s\S])(?!(?:{_alt(set(grammar.classes(lexicon)['table']) | {'that'})})\b)(?P<bare>(?-i:[A-Z][a-z'’-]+\s+)?)(?-i:(?<![\s\S])(?=[A-Z][a-z])|(?<=\s)))"
            rf"(?P<head>(?:{head_alt})(?![\w'’-])|{age}(?!\s+(?:{head_alt})\b)(?![\w-]))")
    title_alt = _alt(titles) if titles else "Officer"
    name = (rf"(?:(?:\d{{1,3}}|[A-Za-z]+)[- ](?:year|month)[- ]old\s+)?(?P<name>(?:(?:{title_alt})\.?\s+)?(?-i:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
            rf"(?:\s+(?-i:[A-Z]\.|[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)){{0,3}}(?:\s+(?:Jr|Sr)\.?)?)")
    pron = r"(?P<pron>(?-i:he|she|He|She|HE|SHE))"
    # "another" standing alone after a person or group is one more of them: "one guard was
    # killed and another was wounded"
    other = r"(?P<other>(?-i:another|Another|ANOTHER))(?!\s+(?:\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|dozen|few|several)\b))"
    person = rf"(?<![\w'’-])(?:{desc}|{other}|{name}|{pron})"
    anyone = re.sub(r"\(\?P<\w+>", "(?:", person)  # the same, without group names: for lists
    # a list may hold counted groups beside its persons ("four civilians and a policeman"):
    # the group is a figure of its own, the persons are the list's other items
    count = rf"(?<![\w'’-])(?:\d[\d,]*|{_alt(_COUNT_WORDS)})(?:\s+[\w'’-]+){{1,3}}?(?=\s*(?:,|\band\b|\Z))"
    anyone = rf"(?:{count}|{anyone})"
    # an apposition after the person: ", 34,", ", a 52-year-old teacher,", ", of Springfield,"
    appos = r"(?:\s*,\s*[^,;:.!?()\"“”]{1,60}?\s*,)?"
    passive = _alt(_PASSIVE)
    intrans = _alt(_INTRANSITIVE)
    active = _alt(_ACTIVE)
    left = _alt(_LEFT)
    wordings = _alt({**_PASSIVE, **_INTRANSITIVE, **_ACTIVE, **_LEFT})
    c = grammar.classes(lexicon)
    # closed-class words (those the grammar layer decides in context too) are no names
    not_name = c["closed"] | c["metric_words"] | set(modifiers) | set(heads) | _NOT_NAMES | \
        set(_COUNT_WORDS) | {w.lower() for w in lexicon.data.get("words", {}).get("things", [])}
    furniture = frozenset(w.lower() for w in lexicon.data.get("furniture", {}).get("words", []))
    return {
        "last_words": frozenset(h.split()[-1] for h in heads) | {"he", "she", "another"},
        "classes": grammar.classes(lexicon)["table"],
        "past": grammar.classes(lexicon)["past"],
        "report_verbs": grammar.classes(lexicon)["report_verbs"],
        "vague": frozenset(w.lower() for w in lexicon.data.get("vague", {})),
        "not_name": frozenset(not_name | furniture),
        "furniture": furniture,  # "killed Posted: Monday": the page's frame, no one's name
        # the heads of a phrase of time: "ABDUCTED LAST WEEK" has no name after the verb
        "time_nouns": frozenset(w.lower() for w in lexicon.data.get("grammar", {}).get("time_nouns", [])),
        "closed": frozenset(c["closed"]),
        # the predicates whose upper-case subject may be a name (not "hurt", "released": a
        # place or a firm is hurt or released too)
        "upper_preds": frozenset(w for w, metric in {**_PASSIVE, **_INTRANSITIVE}.items()
                                 if metric in ("killed", "injured", "kidnapped", "arrested") and w != "hurt"),
        "heads": heads,
        "sex": {**{w.lower(): sex for sex, words in ind.get("sex", {}).items() for w in words},
                "he": "male", "she": "female"},
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
        # an apposition that may hold brackets: ", Green Party (GP) councillor for the ward,"
        "appos_wide": re.compile(r"\s*,\s*(?:(?!--)[^,;:.!?\"“”\[\]—–]){1,60}?\s*,\s*\Z", re.IGNORECASE),
        "count": re.compile(count, re.IGNORECASE),
        # "police have a man in custody", "holding two suspects in police custody"
        "custody": re.compile(
            rf"(?<![\w-])(?:have|has|had|holds?|held|holding)\s+(?:now\s+)?(?P<list>{anyone})\s+(?:[a-z]+\s+){{0,2}}?"
            rf"in\s+(?:police\s+|federal\s+|state\s+)?custody\b", re.IGNORECASE),
        # the verb may share its object with another ("arrested and charged a man")
        "object": re.compile(
            rf"(?<![\w-])(?P<verb>{active})(?:\s+and\s+(?P<verb2>[a-z]+ed))?\s+(?:also\s+)?(?P<list>{anyone}(?:\s*,\s*{anyone})*(?:\s*,?\s+and\s+{anyone})?)"
            rf"(?![\w'’-])", re.IGNORECASE),
        # a state the act left its object in: "left a guard dead", "found a man and a boy wounded"
        "left": re.compile(rf"(?<![\w-])(?:left|leaving|leaves|found|finds|finding|discovered)\s+(?P<list>{anyone}"
                           rf"(?:\s*,\s*{anyone})*(?:\s*,?\s+and\s+{anyone})?)\s+(?P<state>{left})(?![\w-])",
                           re.IGNORECASE),
        # a second clause whose auxiliary is left out: "two men were killed and a boy injured"
        "gapped": re.compile(rf"(?<![\w-])and\s+(?P<list>{anyone}(?:\s*,\s*{anyone})*(?:\s*,?\s+and\s+{anyone})?)"
                             rf"\s+(?:{_ADVERBS}\s+)?(?P<pass>{passive})(?![\w-])", re.IGNORECASE),
        "one_person": re.compile(rf"\s*{person}\s*", re.IGNORECASE),
        # a headline's passive has no auxiliary ("Teen shot dead outside bar", "Leeds man
        # stabbed"); with an object after it the verb is active ("Man shot his brother")
        "headline_pass": re.compile(
            rf"{person}\s+(?:{_ADVERBS}\s+)?(?P<pass>{passive})(?![\w'’-])"
            rf"(?!\s+(?:a|an|the|his|her|their|its|our|\d)\b)", re.IGNORECASE),
        # the wording of a predicate as a whole word, or "custody": every pattern above that finds
        # a patient holds one, so a sentence without any is not read (on a folded copy, and not)
        "wording_lower": re.compile(rf"(?<![\w-])(?:(?:{wordings})(?![\w-])|custody)"),
        "wording": re.compile(rf"(?<![\w-])(?:(?:{wordings})(?![\w-])|custody)", re.IGNORECASE),
        # the same predicates in lower case, scanned case-sensitively on a folded copy
        "subject_pred_lower": re.compile(
            rf"(?<![\w-])(?:(?P<aux>{_AUX_SINGULAR})\s+(?:{_ADVERBS}\s+){{0,2}}(?P<pass>{passive})"
            rf"|(?:{_ADVERBS}\s+)?(?P<intr>{intrans}))(?![\w-])"),
        "plural_pred_lower": re.compile(
            rf"(?<![\w-])(?:{_AUX_PLURAL})\s+(?:{_ADVERBS}\s+){{0,2}}(?P<pass>{passive})(?![\w-])"),
        # the first words of the predicates, on a folded copy: where "object" and "left" may match
        "object_lead": re.compile(_first_words(_ACTIVE)),
        # an active predicate (or an act as a noun) in upper-case wire copy, where the object's
        # name has no capitals to tell it: the words after it are read by _upper_objects
        "upper_object": re.compile(rf"(?<![\w-])(?P<verb>{active})\s+(?=[A-Z])", re.IGNORECASE),
        "left_lead": re.compile(_first_words(("left", "leaving", "leaves", "found", "finds", "finding",
                                              "discovered"))),
        "age": re.compile(r"(\d{1,3})[- ](?:year|month|week)[- ]old", re.IGNORECASE),
    }


def person_nouns(lexicon: Lexicon) -> dict[str, str]:
    """The nouns that name one person (the lexicon's heads and civilian roles), with the
    group each counts in."""
    return _grammar(lexicon)["heads"]


_COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                "forty", "fifty", "hundred", "hundreds", "dozen", "dozens", "several", "many", "scores")
_NOT_NAMES = {"police", "officials", "authorities", "the", "a", "an", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
              "june", "july", "august", "september", "october", "november", "december", "it", "this", "that",
              "there", "they", "we", "i", "you", "who", "one", "none", "nobody", "no", "someone", "somebody",
              "everyone", "anyone", "today", "yesterday", "tonight", "sheriff", "news", "update", "updated"}
# what may stand before a subject: the start of a clause
_CLAUSE_OPENER = re.compile(
    r"(?:^|[,;:(\"“”—–\]-]|\b(?:and|but|that|when|after|before|while|as|because|where|then|said|says|say|"
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
    r"\w+\s+times)\b[^,;.!?]{0,50}?)?(?:\s+and|\s*,(?:\s+and)?)\s+"
    r"(?:later\s+|then\s+|was\s+|subsequently\s+|eventually\s+)*"
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


# word classes no name opens with: in a title-case headline the phrase after the verb is a
# place or a time ("Three Hurt On Ring Road", "Driver Held After Pursuit"), not a person
# an act only attempted, planned or conspired to: "attempted murder of", "plotting the killing of"
_ATTEMPTED = re.compile(r"\b(?:attempted|attempting|attempt\s+(?:at|to)|plot(?:ted|ting)?\s+(?:the\s+)?|"
                        r"conspir(?:ed|acy|ing)\s+(?:to|in)\s+(?:the\s+)?|"
                        # an act ordered or called for is not yet done: "ordered the arrest of",
                        # "a warrant for the arrest of", "demanded the release of"
                        r"(?:order(?:ed|s|ing)?|warrants?\s+for|call(?:ed|s|ing)?\s+for|demand(?:ed|s|ing)?)"
                        r"\s+(?:the\s+)?)\s*\Z", re.IGNORECASE)
# a word after which a participle is an adjective, not a verb with an object
_ADJECTIVE_PLACE = re.compile(r"(?<![\w'’-])(?:on|in|at|of|for|with|the|a|an|his|her|their|its)\s+\Z", re.IGNORECASE)
_THEN_NUMBER = re.compile(r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                          r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b)", re.IGNORECASE)
_NOT_NAME_OPENERS = frozenset({"PREP", "DET", "CONJ", "SUB"})
# … and the words the grammar's classes leave to context ("Driver Held After Pursuit")
_CONTEXT_OPENERS = frozenset({"after", "before", "since", "until", "as", "that"})
_MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def _person(m: re.Match, g: dict, sentence: str, offset: int) -> tuple | None:
    """(start, end, surface, kind, head, group) of the person a match names, or None."""
    if m["name"]:
        name = m["name"]
        words = name.split()
        title = words[0].lower().rstrip(".") in g["titles"]
        core = words[1:] if title else words
        if not core or any(w.lower().rstrip(".") in _NOT_NAMES or w.lower() in g["furniture"] for w in core):
            return None
        if name.endswith(("'s", "’s")):
            return None  # "Cole's": an owner, not the person something was done to
        if not title and name.lower() in ("he", "she"):
            # "She was shot": a pronoun opening a sentence, the person named before
            return (offset + m.start("name"), offset + m.end("name"), name, "pronoun", "", "people")
        if name.isupper():
            return None  # a capitalised word in wire copy is no name we can tell
        if len(core) == 1 and g["classes"].get(core[0].lower(), "PRON") != "PRON":
            return None  # a closed-class word opening a sentence: "Neither", "Those", "Both"
        if g["classes"].get(core[0].lower()) in _NOT_NAME_OPENERS or core[0].lower() in _CONTEXT_OPENERS:
            return None  # a headline's capitalised phrase: "Cyclist Hurt In Collision"
        if len(core) == 1 and core[0].lower().rstrip(".") in _MONTH_ABBREVIATIONS:
            return None  # "held on Feb. 3": a date
        if len(core) == 1 and core[0].lower() in g["vague"]:
            return None  # "Dozens were hurt", "Hundreds fled": a vague number, not a name
        if len(core) == 1 and not title and (core[0].lower() in g["heads"] or core[0].lower() in g["modifiers"]):
            return None  # "Officer", "Residents": a noun, not a name
        start, end = m.start("name"), m.end("name")
        role = _ROLE_THEN_NAME.match(sentence, end)
        if role and (role["role"] in g["heads"] or _ROLE_NOUN.search(role["role"])) and \
                role["role"] not in g["closed"]:
            # "Harbor Times columnist Sam Lee": a body's name before a role; the person is the
            # name after the role, read as any person's
            after = g["person"].match(sentence, role.end() - 1)
            return _person(after, g, sentence, offset) if after is not None and after["name"] else None
        group = g["heads"].get(words[0].lower().rstrip("."), "people") if title else "people"
        return (offset + start, offset + end, name, "name", core[-1].lower().rstrip("."), group)
    if m["other"]:
        if _THEN_NUMBER.match(sentence, m.end("other")):
            return None  # "wounded another 40": a count follows, no one person
        return (offset + m.start("other"), offset + m.end("other"), m["other"], "indefinite", "another", "people")
    if m["pron"]:
        return (offset + m.start("pron"), offset + m.end("pron"), m["pron"], "pronoun", "", "people")
    det = (m["det"] or "a").lower()  # a bare headline noun is indefinite
    if det in ("the", "his", "her", "their", "its", "our") or det.endswith(("'s", "’s")):
        kind = "definite"
    else:
        kind = "indefinite"
    head = m["head"].lower()
    if g["age"].match(head):
        head = "year-old"
    start, end = m.start("det") if m["det"] else m.start("bare"), m.end("head")
    return (offset + start, offset + end, sentence[start:end], kind, head, _group(m, g, sentence))


def _persons_in(list_text: str, list_start: int, g: dict, sentence: str, offset: int) -> list[tuple]:
    """Each person of a list ("a man, a woman and a boy"), or nothing if any part is not one."""
    out = []
    pos = list_start
    end = list_start + len(list_text)
    coordinated = re.search(r"\band\b", list_text, re.IGNORECASE) is not None
    sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
    comma_only = False  # whether the last separator was a comma alone (an apposition may follow)
    while pos < end:
        counted = g["count"].match(sentence, pos, end) if coordinated else None
        if counted:
            pos = counted.end()  # a group counted with a numeral: its own figure
        else:
            m = g["person"].match(sentence, pos, end)
            if not m:
                return []
            p = _person(m, g, sentence, offset)
            if p is None:
                return []
            if out and not coordinated:
                break  # "Ana Ruiz, a nurse": an apposition, not a second person
            if out and comma_only and {out[-1][3], p[3]} in ({"name", "definite"}, {"name", "indefinite"}):
                pass  # "his aunt, Ana Ruiz, and …", "Ana Ruiz, a nurse, and …": one person, named twice
            else:
                out.append(p)
            pos = m.end()
            if sentence.startswith(".", pos) and sentence[max(0, pos - 3):pos] in (" Jr", " Sr"):
                pos += 1  # "Carl Greene Jr. and …": the abbreviation's full stop
        appos = re.compile(r"\s*,\s*\d{1,3}\s*(?=,|\s+and\b|$)").match(sentence, pos, end)
        if appos:
            pos = appos.end()
        s = sep.match(sentence, pos, end)
        if s:
            comma_only = "and" not in s.group().lower()
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
    "kill", "shot", "shoot", "dead", "die", "murder", "slain", "assassinat", "gunned", "wound", "injur", "hurt",
    "stabb", "arrest", "detain", "custody", "apprehend", "kidnap", "abduct", "hostage", "missing",
    "disappear", "releas", "freed", "set free", "booked",
    # "crushed to death", "electrocuted", "drowned", "perished": the rest of _PASSIVE and _INTRANSITIVE
    "to death", "electrocut", "drown", "perish", "body of", "captive",
    # a body found: "the bodies of a hiker and his son"
    "bodies of")))


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
        if not (g["wording_lower"].search(lowered[s0:s1]) if lowered is not None else g["wording"].search(sentence)):
            continue  # a predicate word, but no predicate's whole wording: no patient to find
        for person, metric, together in _sentence_mentions(sentence, g, text):
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
            sex = g["sex"].get(surface.lower() if kind == "pronoun" else head, "") if kind != "name" else ""
            found[start] = Mention(fig, metric, surface, group, kind, head, together + s0 if together >= 0 else -1,
                                   sex)
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


_HEADLINE_CLAUSE = re.compile(r",\s+(?=[A-Za-z])")
_WORD_START = re.compile(r"(?<![\w'’.-])[\w'’]")
_WHO_END = re.compile(r"\s+who\s*\Z|\s*\Z", re.IGNORECASE)
_WHO_ANTECEDENT = re.compile(r"\s*,?\s+who\s*\Z", re.IGNORECASE)
# a lower-case noun of a role or trade between two names: the first names its employer
_ROLE_THEN_NAME = re.compile(r"\s+(?P<role>[a-z][a-z-]+)\s+[A-Z]")
_ROLE_NOUN = re.compile(r"(?:ist|er|or|man|woman|person|ian)\Z")
_SINGULAR_AUX = re.compile(r"(?:was|is|has)\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\s", re.IGNORECASE)  # an "of" phrase completing the noun before it
_NP_REACH = 90  # a person and its apposition before an auxiliary: a few words
_LIST_REACH = 160  # a list of persons: a few more


def _subject_before(sentence: str, end: int, rx: re.Pattern, reach: int, clause: bool = True) -> re.Match | None:
    """The longest match of ``rx`` (anchored at its end) that ends at ``end`` and starts a
    clause: tried at the word starts of the few words before, farthest first. The antecedent
    of a relative pronoun (``clause`` false) may stand anywhere: ``rented by a man who …``."""
    lo = max(0, end - reach)
    for w in _WORD_START.finditer(sentence, lo, end):
        m = rx.match(sentence, w.start(), end)
        if m and (not clause or _clean_before(sentence, w.start())):
            yield m


def _closes_comma(sentence: str, end: int) -> bool:
    """Whether a comma (and white space only) stands right before ``end``: where an apposition
    ends, a cheap test before its pattern is sought."""
    return sentence[max(0, end - 80):end].rstrip().endswith(",")


def _np_end(sentence: str, aux_start: int, g: dict) -> int:
    """Where the subject of an auxiliary ends: before "who" and an apposition, if any."""
    end = _WHO_END.search(sentence, max(0, aux_start - 6), aux_start)
    end = end.start() if end else aux_start
    appos = g["appos_end"].search(sentence, max(0, end - 80), end) if _closes_comma(sentence, end) else None
    return appos.start() if appos else end


def _np_ends(sentence: str, aux_start: int, g: dict) -> list[int]:
    """Where the subject of a predicate may end, the likeliest first: before one apposition
    (or two: ``Ana Ruiz, 29, of Lyon,``), before the relative pronoun that opens the clause
    (``a man, who was …``), before a prepositional or age modifier of the head (``a man from
    Lyon``, ``a girl aged under 10``), and before a relative clause that comes between the
    subject and its predicate (``a man who was stabbed at the bar died``)."""
    first = _np_end(sentence, aux_start, g)
    ends = [first]
    end = _WHO_END.search(sentence, max(0, aux_start - 8), aux_start)
    end = end.start() if end else aux_start
    ends.append(end)
    if sentence[:end].rstrip().endswith(","):  # "…, Ernesto Vela, who was killed"
        ends.append(sentence.rindex(",", 0, end))
    age = _OPEN_AGE.search(sentence, max(0, aux_start - 8), aux_start)
    if age:  # an age aside left open before the verb: "Omar Haddad, 37 was arrested"
        ends.append(age.start())
    e = end
    for _ in range(2):
        a = g["appos_wide"].search(sentence, max(0, e - 80), e) if _closes_comma(sentence, e) else None
        if not a:
            break
        ends.append(a.start())
        e = sentence.index(",", a.start()) + 1  # the comma that opens it closes the one before
    lo = max(0, aux_start - 110)
    rel = _RELATIVE.search(sentence, lo, aux_start) if _has_word(sentence, "who", lo, aux_start) else None
    if rel and not any(w.strip(",") in _SPEECH for w in rel.group().lower().split()[4:]):
        # not past a verb of speech after the clause's own words: "a nurse who treated patients
        # there said 27 people … had died" is the nurse's report, not her death ("a woman who
        # police say was shot", "a man who told deputies he was shot" keep their person)
        ends.append(rel.start())
    for e in list(ends):
        pm = _POSTMODIFIER.search(sentence, max(0, e - 50), e)
        if pm and _nominal(pm.group(), g):
            ends.append(pm.start())
    out = []
    for e in ends:
        if e not in out and _may_end_person(sentence, e, g):
            out.append(e)
    return out


def _has_word(sentence: str, word: str, lo: int, hi: int) -> bool:
    """Whether ``word`` (lower case) stands in sentence[lo:hi], in lower or upper case: a cheap
    test before a pattern is tried there."""
    part = sentence[lo:hi]
    return word in part or word.upper() in part


_LAST_WORD = re.compile(r"([\w'’-]+)\W*\Z")


def _may_end_person(sentence: str, end: int, g: dict) -> bool:
    """Whether the word before ``end`` can close a person's phrase: a person noun, an age, a
    pronoun or a capitalised word (a name); a cheap test before the phrase is sought."""
    w = _LAST_WORD.search(sentence, max(0, end - 30), end)
    if w is None:
        return False
    word = w.group(1)
    return word[:1].isupper() or word.lower() in g["last_words"] or word.lower().endswith("old")


def _nominal(modifier: str, g: dict) -> bool:
    """Whether a modifier after a head is a phrase of a few nouns, not a clause: no verb of
    speech, auxiliary, pronoun or conjunction in it ("of Lyon", not "of Lyon said 15 people")."""
    words = modifier.lower().split()
    if len(words) > 5:
        return False
    return not any(g["classes"].get(w) in _CLAUSE_TAGS or w in _SPEECH for w in words[1:])


_CLAUSE_TAGS = frozenset({"AUX", "MODAL", "SUB", "REL", "CONJ", "NEG", "PRON"})
_SPEECH = frozenset({"said", "says", "say", "told", "tells", "added", "reported", "stated"})
# a modifier after a person's head: "from Lyon", "in her 30s", "aged under 10", "of the village"
_POSTMODIFIER = re.compile(r"\s+(?:from|of|in|on|at|near|with|aged)\s+[^,;:.!?()\"“”]{1,40}?\s*\Z", re.IGNORECASE)
# an age after a name, its closing comma missing before the verb: ", 37 "
_OPEN_AGE = re.compile(r",\s*\d{1,3}\s*\Z")
# a relative clause between a subject and its predicate, commas and all
_RELATIVE = re.compile(r"\s*,?\s+who\s+[^;:!?\"“”]{1,100}?\s*,?\s*\Z", re.IGNORECASE)


def _matches(rx: re.Pattern, sentence: str, lowered: str | None, lead: re.Pattern | None = None,
             rx_lower: re.Pattern | None = None):
    """What ``rx.finditer(sentence)`` gives, found faster on ``lowered`` (the sentence's folded
    copy, see :func:`metrics.folded`): ``rx_lower``, the pattern in lower case, scans it
    case-sensitively; else ``lead``, the start of ``rx`` in lower case, finds the places where
    ``rx`` may match, and ``rx`` is tried there only, left to right, each after the last match."""
    if lowered is None:
        yield from rx.finditer(sentence)
    elif rx_lower is not None:
        yield from rx_lower.finditer(lowered)
    else:
        end = 0
        for c in lead.finditer(lowered):
            if c.start() >= end:
                m = rx.match(sentence, c.start())
                if m:
                    end = m.end()
                    yield m


def _sentence_mentions(sentence: str, g: dict, text: str = "") -> list[tuple[tuple, str]]:
    """Each person of the sentence with the metric of the predicate it is the patient of; a
    person who is the patient of two (``a man who was shot … died``) is counted by the
    graver outcome."""
    out: list[list] = []
    seen: dict[int, int] = {}

    def add(p: tuple, metric: str, together: int = -1) -> None:
        k = seen.get(p[0])
        if k is None:
            seen[p[0]] = len(out)
            out.append([p, metric, together])
        elif metric == "killed" and out[k][1] == "injured":
            out[k][1] = "killed"

    upper = sentence.isupper()
    lowered = folded(sentence)
    # a plural subject is a list of persons joined by "and" (tested for each match below): a
    # sentence without the word is not scanned
    listing = " and " in sentence or " AND " in sentence
    for m in _matches(g["plural_pred"], sentence, lowered, rx_lower=g["plural_pred_lower"]) if listing else ():
        pred = re.sub(r"\s+", " ", m["pass"].lower())
        if not _ok_between(sentence[m.start():m.start("pass")]) or _not_release(pred, sentence, m.end("pass")):
            continue
        if not _has_word(sentence, " and ", max(0, m.start() - 300), m.start()):
            continue  # a list of persons is joined by "and"
        metric = _outcome(_PASSIVE[pred], pred, sentence, m.end("pass"))
        ends = _np_ends(sentence, m.start(), g)
        listed = []
        # a list may end on a counted group ("a nurse and two patients"): no person word last
        for end in ends + [m.start()] if m.start() not in ends else ends:
            found = next(_subject_before(sentence, end, g["list_end"], _LIST_REACH), None)
            if found is None:
                continue
            listed = _persons_in(sentence[found.start():end], found.start(), g, sentence, 0)
            for p in listed:
                if p[3] != "pronoun":
                    add(p, metric, found.start() if len(listed) > 1 else -1)
            break
        if upper and not listed:
            # upper-case wire copy: the names of the list have no capitals to tell them
            listed = _upper_subject_list(sentence, m.start(), g, text)
            for p in listed:
                add(p, metric, listed[0][0] if len(listed) > 1 else -1)
    for m in _matches(g["subject_pred"], sentence, lowered, rx_lower=g["subject_pred_lower"]):
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
        p = None
        ends = _np_ends(sentence, m.start(), g)
        if m["intr"] and pred in _PLURAL_INTRANSITIVE and \
                _has_word(sentence, " and ", max(0, m.start() - 300), m.start()):
            # a list of persons as the subject of a verb of dying: "a man and his son died"
            listed = []
            for end in ends + [m.start()] if m.start() not in ends else ends:  # may end on a counted group
                found = next(_subject_before(sentence, end, g["list_end"], _LIST_REACH), None)
                if found is not None:
                    listed = [q for q in _persons_in(sentence[found.start():end], found.start(), g, sentence, 0)
                              if q[3] != "pronoun"]
                    break
            if listed:  # the persons of a list that may hold counted groups too ("two Britons, a nurse and …")
                for q in listed:
                    add(q, metric, listed[0][0] if len(listed) > 1 else -1)
                continue
        # the antecedent of "who" right before the predicate: "…, Ana Ruiz, who was shot"
        who = _WHO_ANTECEDENT.search(sentence, max(0, m.start() - 10), m.start())
        if who and not _SINGULAR_AUX.match(m.group()):
            # a relative clause belongs to the nearest noun before its pronoun: the head
            # before an "of" phrase is not its subject ("relatives of the miners who died",
            # "the lawyer of the 12 victims who were shot": the miners died, not the relatives),
            # unless a singular verb agrees with it ("the mother of three who was shot")
            ends = [end for end in ends if end >= who.start() or not _OF_AFTER.match(sentence, end)]
        tries = [(end, True) for end in ends] + \
            ([(who.start(), False)] if who and _may_end_person(sentence, who.start(), g) else [])
        for end, clause in tries:
            for found in _subject_before(sentence, end, g["np_end"], _NP_REACH, clause):
                p = _person(found, g, sentence, 0)
                if p is not None:
                    break
            if p is not None:
                break
        if p is None and pred not in ("released", "freed"):
            # "the suspect fled and was arrested" (a release after another act is most often a
            # discharge or bail: "was treated and released", "posted bond and was released")
            p = _coordinated_subject(sentence, m.start(), g)
        if p is None and upper and pred in g["upper_preds"]:
            p = _upper_name(sentence, ends, g, who.start() if who else None, text)
        if p is not None:
            add(p, metric)
    # a headline opens bare, and so does each of its clauses after a comma ("Officer wounded,
    # suspect arrested after chase"); a headline has no closing stop
    starts = [0]
    if sentence.rstrip()[-1:] not in ".!?\"”'’":
        starts += [m.end() for m in _HEADLINE_CLAUSE.finditer(sentence)]
    for at in starts:
        clause = sentence[at:at + 1].upper() + sentence[at + 1:]  # "suspect arrested" opens bare too
        h = g["headline_pass"].match(clause)
        if h and h["det"] is None and h["bare"] is not None and h["head"]:  # a bare headline noun
            pred = re.sub(r"\s+", " ", h["pass"].lower())
            p = None if _not_release(pred, clause, h.end("pass")) else _person(h, g, clause, at)
            if p is not None:
                p = (p[0], p[1], sentence[p[0]:p[1]], *p[3:])  # the words as written
                add(p, _outcome(_PASSIVE[pred], pred, clause, h.end("pass")))
    custody = "ustody" in sentence or "USTODY" in sentence  # the scan only where the word stands
    for rx in ("object", "custody") if custody else ("object",):
        for m in _matches(g[rx], sentence, lowered, g["object_lead"]) if rx == "object" else g[rx].finditer(sentence):
            before = sentence[max(0, m.start() - 30):m.start()]
            # "was shot …" is the passive above; "to arrest", "will release", "not detained" give nothing
            if re.search(r"\b(?:was|were|is|are|be|been|being|get|got)\s+(?:\w+\s+)?\Z", before, re.IGNORECASE):
                continue
            if _NEGATED.search(sentence[max(0, m.start() - 25):m.start()]):
                continue
            if rx == "object" and _ADJECTIVE_PLACE.search(before) and m["verb"].lower().split()[0].endswith("ed"):
                continue  # "put on the injured list", "the wounded man": an adjective; "of killing" stays a verb
            if rx == "custody":
                metric = "arrested"
            else:
                pred = re.sub(r"\s+", " ", m["verb"].lower())
                if _not_release(pred, sentence, m.end()):
                    continue
                metric = _outcome(_ACTIVE[pred], pred, sentence, m.end())
                if metric == "injured" and _ACTIVE.get((m["verb2"] or "").lower()) == "killed":
                    metric = "killed"  # "stabbed and killed a guard": the graver of the two acts
            listed = _persons_in(m["list"], m.start("list"), g, sentence, 0)
            if rx == "object" and pred in _BODY and not _body_found(sentence, before, m.end()):
                listed = []  # "escorted the body of a slain officer": a body not found, no new death
            for p in listed:
                if p[3] == "pronoun":
                    continue
                if sentence[p[1]:p[1] + 2] in ("'s", "’s"):
                    continue  # "killed a man's dog"
                if rx == "object" and pred.endswith(" of") and p[4] == "another":
                    continue  # "the killing of another": a definition's anyone, no person
                if rx == "object" and _ATTEMPTED.search(before):
                    continue  # "the attempted murder of a clerk": no one was killed
                add(p, metric, m.start("list") if len(listed) > 1 else -1)
    for at in _and_positions(sentence):
        m = g["gapped"].match(sentence, at)
        if m:
            # the auxiliary the clause shares stands in the clause before: "… were shot and …"
            if not _SHARED_AUX.search(sentence, max(0, m.start() - 120), m.start()):
                continue
            if _SHARED_AUX_STOP.match(sentence, m.end()):
                continue
            pred = re.sub(r"\s+", " ", m["pass"].lower())
            if _not_release(pred, sentence, m.end("pass")):
                continue
            metric = _outcome(_PASSIVE[pred], pred, sentence, m.end("pass"))
            listed = _persons_in(m["list"], m.start("list"), g, sentence, 0)
            for p in listed:
                if p[3] != "pronoun":
                    add(p, metric, m.start("list") if len(listed) > 1 else -1)
    if upper:
        for m in g["upper_object"].finditer(sentence):
            before = sentence[max(0, m.start() - 30):m.start()]
            if re.search(r"\b(?:was|were|is|are|be|been|being|get|got)\s+(?:\w+\s+)?\Z", before, re.IGNORECASE) or \
                    _NEGATED.search(sentence[max(0, m.start() - 25):m.start()]) or _ATTEMPTED.search(before):
                continue
            if re.search(r"\bOR\s*\Z", before):
                continue  # "ROBBING OR KIDNAPPING X": acts offered as alternatives, none asserted
            pred = re.sub(r"\s+", " ", m["verb"].lower())
            prev = before.split()[-1].lower() if before.split() else ""
            if pred.split()[0].endswith("ed") and (g["classes"].get(prev) == "DET" or prev[:1].isdigit()):
                continue  # "SOME INJURED SOLDIERS": a participle after a determiner is an adjective
            if _ADJECTIVE_PLACE.search(before) and pred.split()[0].endswith("ed"):
                continue  # "THE WOUNDED MAN": an adjective
            if _not_release(pred, sentence, m.end("verb")):
                continue
            metric = _outcome(_ACTIVE[pred], pred, sentence, m.end("verb"))
            listed = _upper_objects(sentence, m.end(), g, text)
            if pred in _BODY and not (listed and _body_found(sentence, before, listed[-1][1])):
                continue
            for p in listed:
                add(p, metric, m.end() if len(listed) > 1 else -1)
    lower = sentence.lower()
    states = ("left", "leav", "found", "find", "discover")
    for m in _matches(g["left"], sentence, lowered, g["left_lead"]) if any(w in lower for w in states) else ():
        listed = _persons_in(m["list"], m.start("list"), g, sentence, 0)
        for p in listed:
            if p[3] != "pronoun":
                add(p, _LEFT[re.sub(r"\s+", " ", m["state"].lower())], m.start("list") if len(listed) > 1 else -1)
    return [(p, metric, together) for p, metric, together in out]


_SPEECH_VERBS = frozenset(w for w in SPEECH.split("|") if w.isalpha())
# "… and" (with an adverb) right before a predicate: the verb phrase shares the clause's subject
_AND_BEFORE = re.compile(r"\s(?:and|AND)\s+(?:(?:then|later|now|eventually|THEN|LATER|NOW|EVENTUALLY)\s+)?\Z")
_SUBJECT_VERB = re.compile(r"\s+(?P<verb>[A-Za-z]+)\b")
_NOT_IN_FIRST_VP = re.compile(r"[;:\"“”]|\b(?i:and|but|or|who|which|that|when|while|after|before|because|said|says)\b")


def _coordinated_subject(sentence: str, at: int, g: dict) -> tuple | None:
    """The person who is the subject of the verb phrase before "and" right before ``at``: the
    second verb phrase of a clause shares its subject ("the suspect surrendered to deputies and
    is now in custody", "a man fled on foot and was later arrested"). The subject is a person's
    phrase that opens the clause and is followed by a finite verb (an auxiliary or a past form)."""
    a = _AND_BEFORE.search(sentence, max(0, at - 20), at)
    if a is None:
        return None
    lo = max(0, a.start() - 120)
    for w in _WORD_START.finditer(sentence, lo, a.start()):
        end = w.start()
        while end > lo and sentence[end - 1].isspace():
            end -= 1
        v = _SUBJECT_VERB.match(sentence, end)
        if v is None or end <= lo:
            continue
        verb = v["verb"].lower()
        if not (verb.endswith("ed") or verb in g["past"] or g["classes"].get(verb) in ("AUX", "MODAL")) or \
                verb in _SPEECH or verb in g["report_verbs"] or verb in _SPEECH_VERBS:
            continue  # (a speaker's verb opens a clause: "Ruiz said the suspect fled and …")
        if _NOT_IN_FIRST_VP.search(sentence, v.end(), a.start()):
            continue  # the first verb phrase runs to the "and" without a clause of its own
        for found in _subject_before(sentence, end, g["np_end"], _NP_REACH, True):
            p = _person(found, g, sentence, 0)
            if p is not None:
                return p
    return None


def _and_positions(sentence: str):
    """Where each "and" (any case) that follows white space starts."""
    for word in (" and ", " AND ", " And "):
        at = sentence.find(word)
        while at >= 0:
            yield at + 1
            at = sentence.find(word, at + 1)


# the auxiliary of a passive in the clause before a gapped one, with its participle
_SHARED_AUX = re.compile(r"\b(?:(?:was|were|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|t)|"
                         r"left|leaving|found|finding)\b[^;:.!?]*\Z", re.IGNORECASE)
# an object after the participle: an active verb of its own clause ("a worker injured his leg")
_SHARED_AUX_STOP = re.compile(r"\s+(?:his|her|their|its|the|a|an|him|them|himself|herself|\d+)\b", re.IGNORECASE)
_UPPER_WORD = re.compile(r"[A-Z][A-Z'’-]*[A-Z]")
_RUN_BREAK = re.compile(r"[,;:()\[\]\"“”.!?]|--|\s[-–—]\s")


_PARTICIPLE_WORD = re.compile(r"[A-Z]{3,}(?:ED|ING)")


def _known_surname(word: str, text: str, g: dict) -> bool:
    """Whether ``word`` stands in ``text`` as the last word of a longer name."""
    for m in re.finditer(rf"\b([A-Z][A-Z'’-]+)\s+{re.escape(word)}\b", text):
        if m.group(1).lower() not in g["not_name"] and not _PARTICIPLE_WORD.fullmatch(m.group(1)):
            return True
    return False


def _upper_name(sentence: str, ends: list[int], g: dict, antecedent: int | None = None,
                text: str = "") -> tuple | None:
    """In upper-case wire copy, where capitals tell no name: the name that is the subject of a
    singular predicate of harm, arrest or abduction (``JUDGE ANA DIAZ WAS KILLED``). It is a
    run of one to four words right before the predicate (or its apposition) none of which is
    a closed-class word, a number or a lexicon word, standing at the start of a clause or
    after a title or role noun (``JUDGE``, ``BANKER``)."""
    for end in ends + ([antecedent] if antecedent is not None else []):
        lo = max(0, end - 80)
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", sentence[lo:end])]
        run: list[tuple[int, int, str]] = []
        broke = False
        for a, b, w in reversed(words):
            if _RUN_BREAK.search(w[-1:]) and run:
                broke = True
                break
            core = w.strip(",;:.")
            if not _UPPER_WORD.fullmatch(core) or core.lower() in g["not_name"] or _PARTICIPLE_WORD.fullmatch(core):
                break
            if core.lower() in g["titles"] or core.lower() in g["heads"]:
                break
            run.append((lo + a, lo + a + len(w.rstrip(",;:.")), core))
            if _RUN_BREAK.search(w[:1]):
                broke = True
                break
        if not run or len(run) > 4:
            continue
        run.reverse()
        start = run[0][0]
        before = sentence[max(0, start - 40):start].rstrip()
        prev = before.split()[-1].strip(",;:.").lower() if before.split() else ""
        opener = broke or not before or before[-1] in ",;:(\"“-—–]" or _clean_before(sentence, start) or \
            (end == antecedent and (g["classes"].get(prev) == "PREP" or prev == "as"))
        titled = prev in g["titles"] or prev in g["heads"] or prev in g["civilian_roles"]
        if not (opener or titled):
            continue
        if len(run) == 1 and not titled and not _known_surname(run[0][2], text, g):
            continue  # one word alone: a name only if the report gave it in full before
        stop = run[-1][1]
        return (start, stop, sentence[start:stop], "name", run[-1][2].lower(), "people")
    return None


_OBJECT_WORD = re.compile(r"[^\s,;:()\[\]\"“”.!?]+[,;:.!?)\]\"”]*")


# where the subject of a clause may begin: a clause's mark, a dateline's end, "THAT", a speaker's verb
_UPPER_CLAUSE_START = re.compile(r"(?:[;:\"“”()\[\]]|--|\s(?:THAT|SAID|REPORTED|ANNOUNCED|WHEN|AFTER|WHILE)(?=\s))")


def _upper_name_item(item: str, start: int, g: dict, text: str) -> tuple | None:
    """The name an item of an upper-case list gives: a title or role, if any, then one to four
    name words (none a closed-class or lexicon word, none the plural of a role)."""
    words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", item)]
    if not words or any(not _UPPER_WORD.fullmatch(w) for _, _, w in words):
        return None
    lead = 0
    for i, (_, _, w) in enumerate(words[:6]):
        low = w.lower()
        if low in g["closed"]:
            return None
        if low in g["titles"] or low in g["heads"] or low in g["civilian_roles"]:
            lead = i + 1
    run = words[lead:]
    if not run or len(run) > 4:
        return None
    for _, _, w in run:
        low = w.lower()
        if low in g["not_name"] or low in g["titles"] or _PARTICIPLE_WORD.fullmatch(w) or _plural_of_role(low, g) \
                or low in g["time_nouns"]:
            return None
    if len(run) == 1 and not lead and not _known_surname(run[0][2], text, g):
        return None
    a, b = start + run[0][0], start + run[-1][1]
    return (a, b, item[run[0][0]:run[-1][1]], "name", run[-1][2].lower(), "people")


def _upper_subject_list(sentence: str, at: int, g: dict, text: str = "") -> list[tuple]:
    """In upper-case wire copy, the persons of a list that is the subject of a plural predicate
    ending at ``at`` (``JUDGE ANA DIAZ AND HER DRIVER WERE KILLED``, ``TOMAS VEGA, LEO RUIZ
    AND TWO GUARDS WERE KIDNAPPED``): the list runs from the clause's start; each item joined
    by a comma or "AND" is a name, a person's description or a counted group (a figure of its
    own); a description after a name and a comma alone is the name's apposition. If any item
    is none of these, or no item is a name, the list gives nothing."""
    lo = 0
    for c in _UPPER_CLAUSE_START.finditer(sentence, max(0, at - 200), at):
        lo = c.end()
    span = sentence[lo:at]
    if " AND " not in span:
        return []
    out: list[tuple] = []
    named = False
    pos = lo
    last_kind, last_sep = "", ""
    for part in re.finditer(r"(?P<item>.+?)(?P<sep>\s*,\s*(?:AND\s+)?|\s+AND\s+|\s*\Z)", span, re.DOTALL):
        item = part["item"].strip()
        start = lo + part.start("item") + (len(part["item"]) - len(part["item"].lstrip()))
        if not item:
            return []
        if g["count"].fullmatch(item):
            last_kind = "count"
        else:
            p = _upper_name_item(item, start, g, text)
            if p is not None:
                named = True
                out.append(p)
                last_kind = "name"
            else:
                m = g["person"].fullmatch(item)
                q = _person(m, g, sentence, 0) if m else None
                if q is None or q[3] == "pronoun":
                    return []
                q = (start, start + len(item), item, *q[3:])
                if not (last_kind == "name" and last_sep == ","):
                    out.append(q)  # (a description after "NAME," is the name's apposition)
                last_kind = "desc"
        last_sep = part["sep"].strip()
        if part.end() >= len(span):
            break
    return out if named and len(out) + (last_kind == "count") >= 1 else []


_BODY = frozenset({"body of", "bodies of"})
# a finding told of a body: a verb of finding before it ("deputies discovered the bodies of"),
# or the body as the subject of a passive of finding ("the body of a hiker, 34, was found")
_FOUND_BEFORE = re.compile(r"\b(?:found|finds|find|finding|recovered|discovered|retrieved|pulled|located|"
                           r"identified|exhumed)\s+(?:the|a)?\s*\Z", re.IGNORECASE)
_FOUND_AFTER = re.compile(r"(?:\s*,[^,;.]{1,60},)?\s*(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
                          r"(?:\w+\s+){0,2}?(?:found|discovered|recovered|retrieved|pulled|located|identified|"
                          r"exhumed)\b", re.IGNORECASE)


def _body_found(sentence: str, before: str, end: int) -> bool:
    """Whether the body named before ``end`` is told as found (a body named for another reason,
    "escorted the body of a slain officer", may be a person counted under a name elsewhere)."""
    return _FOUND_BEFORE.search(before) is not None or _FOUND_AFTER.match(sentence, end) is not None


_TIME_MODIFIERS = frozenset({"last", "this", "next", "previous", "that", "same", "early", "late", "on"})


def _plural_of_role(word: str, g: dict) -> bool:
    """Whether ``word`` is the plural of a title or a person noun ("judges", "bosses")."""
    for cut in (1, 2):
        if word[-cut:] in ("s", "es") and (word[:-cut] in g["titles"] or word[:-cut] in g["heads"]
                                           or word[:-cut] in g["civilian_roles"]):
            return True
    return False


def _upper_objects(sentence: str, at: int, g: dict, text: str = "") -> list[tuple]:
    """In upper-case wire copy, the names a predicate takes as its object (``REBELS KILLED
    MAYOR ANA DIAZ``, ``THE MURDER OF JUDGE LEO RUIZ AND TOMAS VEGA``): each item of the list
    after the predicate is a run of one to four words none of which is a closed-class word, a
    number or a lexicon word, after a description that ends on a title or a role noun
    (``FORMER JUDGE``, ``BANKER``), if any; the run ends the phrase (a punctuation mark, a
    closed-class word or the sentence's end follows it). A run of one word is a name only
    after a title or role, or when the report gave it in full before. Anything else (a
    determiner, a plural noun, a number) gives nothing: the phrase is read elsewhere."""
    out: list[tuple] = []
    pos = at
    while True:
        words = []
        for w in _OBJECT_WORD.finditer(sentence, pos, min(len(sentence), pos + 120)):
            if sentence[words[-1][1]:w.start()].strip() if words else sentence[pos:w.start()].strip():
                break  # a mark standing alone ("--"): the phrase ends
            words.append((w.start(), w.start() + len(w.group().rstrip(",;:.!?)]\"”")), w.group()))
            if len(words) == 9 or w.group()[-1] in ",;:.!?)]\"”":
                break
        cores = [sentence[a:b] for a, b, _ in words]
        # a description: up to five words, no closed-class word among them, ending on a title or role
        lead = 0
        for i, core in enumerate(cores[:6]):
            low = core.lower()
            if low in g["closed"] or not _UPPER_WORD.fullmatch(core) or (i and words[i - 1][2][-1] in ",;:"):
                break
            if low in g["titles"] or low in g["heads"] or low in g["civilian_roles"]:
                lead = i + 1
        run = []
        timed = False  # whether a phrase of time ends the name ("… LEO RUIZ LAST WEEK")
        for a, b, raw in words[lead:]:
            core = sentence[a:b]
            if core.lower() in g["time_nouns"]:
                while run and run[-1][2].lower() in _TIME_MODIFIERS:
                    run.pop()  # "LAST WEEK", "THIS MORNING": the time's own modifier
                timed = True
                break
            if not _UPPER_WORD.fullmatch(core) or core.lower() in g["not_name"] or \
                    _PARTICIPLE_WORD.fullmatch(core) or core.lower() in g["titles"]:
                break
            if _plural_of_role(core.lower(), g):
                return out  # "THE MURDER OF LOCAL JUDGES": a plural noun, a group, no name
            if core.lower() in _SPEECH_VERBS or core.lower() in g["report_verbs"]:
                break  # "…, ANA RUIZ SAID": a speaker's verb ends the phrase
            run.append((a, b, core, raw))
            if raw[-1] in ",;:.!?)]\"”":
                break
        if not run or len(run) > 4:
            return out
        a, b, core, raw = run[-1]
        nxt = words[lead + len(run)][2].rstrip(",;:.!?)]\"”").lower() if lead + len(run) < len(words) else ""
        if raw[-1] not in ",;:.!?)]\"”" and nxt and nxt not in g["closed"] and not timed:
            return out  # the run goes on into a word of another kind: no name ends here
        if len(run) == 1 and not lead and not _known_surname(core, text, g):
            return out
        start = run[0][0]
        out.append((start, b, sentence[start:b], "name", core.lower(), "people"))
        # the list goes on only where "AND" joins the next name (", AND …", " AND …"): after a
        # comma alone the phrase may be a clause of its own ("…, ANA RUIZ SAID")
        more = re.compile(r"\s*,?\s*AND\s+").match(sentence, b)
        if more is None:
            return out
        pos = more.end()


def _not_release(pred: str, sentence: str, after: int) -> bool:
    """``released from hospital`` is a discharge, not a release from captivity; ``killed off``
    (a phrasal verb: written out of a story) is no death."""
    if _OFF.match(sentence, after):
        return True
    return pred in ("released", "freed") and _NOT_RELEASED.match(sentence, after) is not None


# "off" as a particle, not a preposition of place ("killed off the coast")
_OFF = re.compile(r"\s+off\b(?!\s+(?:the|a|an|his|her|their|its)\b|\s+[A-Z])")


# Within a report: one person, one claim per metric

_ANOTHER = re.compile(r"\b(?:second|third|fourth|fifth|sixth|another|other|more|further|additional)\b",
                      re.IGNORECASE)
_GENERIC_HEADS = {"victim", "man", "woman", "person", "individual", "year-old", "male", "female", "boy",
                  "girl", "child", "teen", "teenager", "youth", "adult", "resident"}


def _same_sex(m: Mention, person: dict) -> bool:
    return not m.sex or not person["sex"] or m.sex == person["sex"]


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
        ref = self._referent_any(m)
        if ref is not None and m.together >= 0 and ref.get("together") == m.together:
            return None  # two persons of one list are two people: "a man and his son"
        return ref

    def _referent_any(self, m: Mention) -> dict | None:
        if m.kind == "indefinite":
            # "another man", "a second officer" are new; a plain "a man" again, with the same
            # noun and metric, is the same person described again (a lede and its body)
            if not m.subject.lower().startswith(("a ", "an ")) or _ANOTHER.search(m.subject):
                return None
            for person in reversed(self.people):
                if person["head"] == "another" and m.metric in person["metrics"] and not person["names"]:
                    # a headless "another" in a lede, then described in the body: one person,
                    # described once (a second description is someone else)
                    person["head"] = m.head
                    return person
            for person in reversed(self.people):
                if person["head"] == m.head and m.metric in person["metrics"] \
                        and _compatible(m.subject_group, person["group"]):
                    return person
            return None
        if m.kind == "definite":
            # the same noun again first ("a man … a woman … the man" is the man), then a
            # generic noun for anyone of the same sex counted before
            for person in reversed(self.people):
                if m.head == person["head"]:
                    return person
        for person in reversed(self.people):
            if m.kind == "pronoun" and _same_sex(m, person):
                if m.metric == "arrested" and "arrested" not in person["metrics"] and person["group"] != "assailants":
                    continue  # "a girl was shot … he was arrested": the one arrested is someone else
                return person
            if m.kind == "name":
                if m.head in person["names"]:
                    return person
                continue
            if m.kind == "definite" and _same_sex(m, person):
                if (m.head in _GENERIC_HEADS and _compatible(m.subject_group, person["group"])) \
                        or (person["head"] in _GENERIC_HEADS and m.head in _GENERIC_HEADS):
                    return person
        if m.kind == "name":
            # a name given to someone described before ("a man … Ray Cole, 31, …"), or to
            # the one person the report already counted for this metric (a "he" alone is no
            # one described: "He was arrested … Ana Ruiz was also arrested" counts two)
            for person in reversed(self.people):
                if not person["names"] and person["head"] and _compatible(m.subject_group, person["group"]) and (
                        person["head"] in _GENERIC_HEADS | {"suspect", "driver"}
                        or m.metric in person["metrics"]):
                    return person
        if m.kind == "definite" and not _ANOTHER.search(m.subject):
            # a definite or possessive description ("her son", "the teenager") of someone the
            # report counted for this metric is that person again, whatever noun it uses
            for person in reversed(self.people):
                if m.metric in person["metrics"] and _compatible(m.subject_group, person["group"]) \
                        and _same_sex(m, person):
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
            self.people.append({"head": m.head, "group": m.subject_group, "names": _name_words(m),
                                "metrics": {m.metric}, "together": m.together, "sex": m.sex})
            return True
        # what the mention tells of the person: a name, a sex ("a victim … he": a man)
        ref["names"] |= _name_words(m)
        ref["sex"] = ref["sex"] or m.sex
        if m.metric in ref["metrics"] or (m.metric == "injured" and "killed" in ref["metrics"]):
            return False  # counted already; and once dead, "he was shot in the chest" tells how
        ref["metrics"].add(m.metric)
        return True


def _name_words(m: Mention) -> set[str]:
    """The words of a named mention, folded, to know the name again; none for a description."""
    return {w.lower().rstrip(".,") for w in m.subject.split()} if m.kind == "name" else set()


def _appositive_one(prev, c) -> bool:
    """Whether ``c`` is "one" in the apposition right after the person ``prev`` counted."""
    if not prev.individual or c.individual or c.figure.value != 1 or c.sentence_start != prev.sentence_start:
        return False
    between = c.sentence[prev.end - c.sentence_start:c.start - c.sentence_start]
    return c.metric == prev.metric and re.fullmatch(r"\s*,\s*", between) is not None


_COPULA_OF_ONE = re.compile(r"(?:\s+of\s+[\w\s'’-]{1,40}?)?\s+(?:was|is)\s+\Z", re.IGNORECASE)


def _named_by_copula(prev, c) -> bool:
    """Whether the person ``c`` only names who the counted "one" before it was: "One of the
    dead was a driver who …" is one person, counted once."""
    if prev.individual or not c.individual or prev.figure.value != 1 or c.sentence_start != prev.sentence_start:
        return False
    between = c.sentence[prev.end - c.sentence_start:c.start - c.sentence_start]
    same = c.metric == prev.metric or (prev.metric == "killed" and c.metric in ("injured", "casualties"))
    return same and _COPULA_OF_ONE.fullmatch(between) is not None  # "was a nurse who was shot": the dead one


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
        if m is None and out and _appositive_one(out[-1], c):
            c = replace(c, metric="other")  # "Ana Ruiz, one of the guards, was killed": her again
        if m is None:
            if c.metric != "other" and not c.individual:
                persons.count_numeric(c.metric, c.subject_group)
            out.append(c)
        elif any(_named_by_copula(prev, c) for prev in reversed(out[-3:])):
            continue  # "One of the dead was a driver who died": the one already counted
        elif persons.admit(m):
            out.append(c)
    return out
