"""What a figure counts (metric) and whom (subject group), from the words around it (SPEC §4)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicon import Lexicon
from .sentences import sentence_index, sentence_spans  # noqa: F401  (re-exported)

_WS = re.compile(r"\s+")


class Counted(NamedTuple):
    """What a figure counts: metric, subject as written and its group (a named tuple: one is
    made for every figure, at a third of a frozen dataclass's cost)."""

    metric: str
    subject: str | None
    subject_group: str | None  # None: not named next to the figure
    joined: bool = False  # the figure leans on its neighbour ("and 353 wounded", "four of whom")
    listed: bool = False  # … as the next item of a list, with a group of its own ("and one Chilean")


def _phrase_alt(phrases) -> str:
    """The phrases as one alternation, longest first, spaces matching any white space.

    `re` tries an alternation's branches one after the other, so the phrases are grouped by
    their first character: ``k(?:illed|ill)|s(?:hot|lain)``. Only phrases that share the
    first character can match at the same position, and among those the order stays longest
    first, so the grouped pattern matches exactly what the flat one did, several times faster.
    """
    groups: dict[str, list[str]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(p[:1], []).append(_phrase_re(p[1:]))
    return "|".join(_phrase_re(first) + "(?:%s)" % "|".join(rests) for first, rests in groups.items())


def _phrase_re(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+")


@lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> dict:
    metrics = lexicon.data.get("metrics", {})
    after, before = {}, {}
    for name, forms in metrics.items():
        for p in forms.get("after", []):
            after.setdefault(p.lower(), name)
        for p in forms.get("before", []):
            before.setdefault(p.lower(), name)
    # a metric word that only modifies the noun after it names no metric ("the death penalty",
    # "9 arrest warrants", "on the injured list"): lexicon grammar.compound_heads
    heads = [w.lower() for w in lexicon.data.get("grammar", {}).get("compound_heads", [])]
    modifies = r"(?!\s+(?:%s)\b)" % _phrase_alt(heads) if heads else ""
    # words just before a metric phrase that give it another sense ("a cardiac arrest",
    # "who lives in"): lexicon grammar.senses_before; such a phrase is tried on its own branch
    senses = {k.lower(): [w.lower() for w in v]
              for k, v in lexicon.data.get("grammar", {}).get("senses_before", {}).items()}
    after_alt = _phrase_alt(after)
    if any(k in after for k in senses):
        after_alt = "|".join(["".join(r"(?<!\b%s\s)" % re.escape(w) for w in senses[k]) + _phrase_re(k)
                              for k in sorted(senses, key=len, reverse=True) if k in after]
                             + [_phrase_alt([k for k in after if k not in senses])])
    subjects = {}
    for group, words in lexicon.data.get("subjects", {}).items():
        for w in words:
            subjects.setdefault(w.casefold(), group)
    return {
        "after": after,
        # matched against lower-cased text: case-insensitive alternations are slow in `re`
        "after_re": re.compile(r"(?:%s)\b%s" % (after_alt, modifies)),
        # the next token, or a metric phrase opening there (tried first): one search per token
        "token_or_after_re": re.compile(r"(?P<after>(?:%s)\b%s)|%s" % (after_alt, modifies, _TOKEN.pattern)),
        "before": before,
        # scanned at every position of a window: fail fast where no phrase can start
        "before_re": re.compile(r"(?<![a-z])(?=[%s])(?:%s)\b%s" % (
            "".join(sorted({w[0] for w in before})), _phrase_alt(before), modifies)),
        "subjects": subjects,
        "things": frozenset(w.casefold() for w in lexicon.data.get("words", {}).get("things", [])),
        "penalty": frozenset(w.lower() for w in lexicon.data.get("grammar", {}).get("penalty_verbs", [])),
        "noun_verbs": frozenset(w.lower() for w in lexicon.data.get("grammar", {}).get("noun_verbs", [])),
        "subject_re": re.compile(r"\b(?:%s)\b" % _phrase_alt(subjects), re.IGNORECASE),
        "subject_lower_re": re.compile(r"\b(?:%s)\b" % _phrase_alt(subjects)),
    }


def folded(text: str) -> str | None:
    """``text`` lower-cased, when a case-sensitive scan of it finds what a case-insensitive
    scan of ``text`` would, at the same offsets; else None.

    So it does unless lower-casing changes a length ("İ") or the text holds one of the two
    letters `re` folds onto an ASCII one when it ignores case (dotless "ı", long "ſ").
    Case-insensitive alternations are several times slower in `re`.
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "ı" not in text and "ſ" not in text:
        return lowered
    return None


def _subject_in(p: dict, text: str) -> re.Match | None:
    """The first subject word in ``text``.

    On ASCII text, lower-casing keeps every offset and matches what the case-insensitive
    pattern would, and a case-sensitive scan is several times faster; the match's text is then
    lower case.
    """
    if text.isascii():
        return p["subject_lower_re"].search(text.lower())
    return p["subject_re"].search(text)


def _group_of(p: dict, match: re.Match) -> str | None:
    """The subject group of a subject word as matched, in any case ("ſoldiers" too)."""
    return p["subjects"].get(_WS.sub(" ", match.group().casefold()))


_OF_WHOM = re.compile(r"\s+of\s+(?:whom|them|those|these|the\s+\w+)\b", re.IGNORECASE)
_NP_END = re.compile(r"\s+(?:who|that|which|were|was|are|is|have|has|had)\b", re.IGNORECASE)
_PLURAL_NP = re.compile(r"(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:\w+s)\b")
# where a count begins: digits or a number word
_COUNT_START = (r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|dozens)\b)")
# "… four Italians and one": the figure continues a list begun by the one before it
_AND_LIST = re.compile(_COUNT_START + r"\s+(?P<words>[a-z'’-]+(?:\s+[a-z'’-]+)?)\s+and\s+\Z")
_LIST_OPENERS = {"--", "—", "–"}
@lru_cache(maxsize=1)
def _or_restated() -> re.Pattern:
    """", or about 4,000 people": "or", then any wording of a qualifier (numbers.QUALIFIERS,
    which imports this module: read when first needed)."""
    from .numbers import QUALIFIERS

    wordings = sorted((w.replace(".", r"\.").replace(" ", r"\s+") for ws in QUALIFIERS.values() for w in ws),
                      key=len, reverse=True)
    return re.compile(r"\s*,\s*or\s+(?:(?:%s)\s+)?\Z" % "|".join(wordings))
_GROUP_INCLUDES = re.compile(
    r"\b(?:the|those)\s+(?:who\s+(?:were\s+|had\s+(?:been\s+)?|have\s+(?:been\s+)?)?)?(?P<what>[a-z]+(?:\s+[a-z]+)?)"
    r"(?:\s+(?:in|at|on|during|by|from)\s+(?:the\s+|a\s+|an\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"  # "in the blast"
    r"\s+(?:also\s+)?(?:include|included|includes)\s*\Z")
_FILL = re.compile(r"[\w'’-]+|[^\w\s]")
_TOKEN = re.compile(r"[\w'’.-]*\w|[^\w\s]")
# Words that end the counted group's noun phrase and the search for a metric after it.
_RIGHT_STOP = {
    "and", "or", "but", "while", "when", "where", "after", "before", "because", "since", "as",
    "than", "if", "though", "although", "said", "says", "say", "told", "according", "than",
    "whereas", "until", "unless", "so", "yet", "plus", "including", "among", "besides", "nor",
}
_AUX = {"were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "will", "would",
        "reportedly", "allegedly", "also", "later", "all", "already", "who", "that", "which",
        "subsequently", "eventually", "then", "now", "still", "just", "each", "both", "initially",
        "officially", "reported", "confirmed", "believed", "said", "feared", "thought", "not"}
_NP_SKIP = {"of", "the", "a", "an", "his", "her", "their", "its", "other", "more", "additional",
            "further", "another", "them", "whom", "those", "these", "such", "in", "from", "at", "on",
            "with", "inside", "outside", "near", "across", "by"}
_LEFT_STOP = {"that", "which", "who", "when", "while", "where", "after", "before", "because", "but",
              "said", "says", "told", "as", "than", "if", "with", "was", "were", "is", "are", "has",
              "have", "had", "since", "during", "for", "from", "following", "in", "on", "by"}
_INCLUDING = re.compile(r",\s*(?:including|among\s+them|among\s+whom|[\w-]+\s+of\s+(?:whom|them)|"
                        r"mostly|most\s+of\s+them|many\s+of\s+them|some\s+of\s+them|all\s+of\s+them|"
                        r"both\s+of\s+them|one\s+of\s+them|each)\b[^,;.]{0,80},", re.IGNORECASE)


# ", all of them from the valley, were hurt": an aside between the group and its verb
# (an aside holds no verb of saying: ", said 6 of its staff, all at the plant, were hurt" is a clause)
_ASIDE = re.compile(r",(?:(?![^,;.]*\b(?:said|says|say|told)\b)[^,;.]{1,60},){1,4}"
                    r"(?=\s*(?:were|was|are|is|have|has|had|all|both)\b)", re.IGNORECASE)


# ", kidnapped by …", ", killed in …": a participle after a comma still tells what was counted
_PARTICIPLE = re.compile(r"\s*(?:all\s+|both\s+|who\s+were\s+|reportedly\s+)?([a-z]+ed)\s+(?:by|in|on|at|during|when|after)\b")


_INCLUDING_BARE = re.compile(r"including\b[^,;.]{1,60}?(?=\s(?:were|was|are|is|have|has|had)\b)")
_OUTCOME = re.compile(r"\s+(?:[a-z]+\s+){0,4}?and\s+(?:later\s+|was\s+|were\s+|is\s+|are\s+|left\s+|listed\s+|remain\s+)*")
_AND_MORE = re.compile(r"\s+(?:a|an|the|his|her|their|its)\s+(?![\d])")
# "three drivers and four porters were held": a second counted group shares the verb
_AND_NUMBER = re.compile(r"\s+" + _COUNT_START)
# "six hikers -- two of them guides -- were hurt", "two clerks (a woman and her aunt) died"
_DASH_ASIDE = re.compile(r"\s*(?:—|–|--|\()[^—–()\n.;:!?]{1,60}?(?:—|–|--|\))")
# "the envoy died …, along with three aides": the figure shares the clause's verb
_CHARGE_COUNTS = re.compile(r"\b(?:counts?|charges?)\b", re.IGNORECASE)
_ALONG_WITH_QUALIFIERS = ("at least", "about", "some", "another", "nearly", "almost", "more than", "over")
_ALONG_WITH = re.compile(r"\b(?:along|together)\s+with\s+(?:(?:%s)\s+)?\Z" % _phrase_alt(_ALONG_WITH_QUALIFIERS))
# the words _ALONG_WITH can end on, before the white space that closes it
_ALONG_WITH_LAST = ("with", *(q.split()[-1] for q in _ALONG_WITH_QUALIFIERS))


# "raised the number of police officers killed in the unrest to 16", "put the toll of dead at 40"
_TOLL_TO = re.compile(
    r"\b(?:number|toll|count|tally|total|figure)\s+of\s+(?P<subj>(?:[\w'’-]+\s+){0,4}?)"
    r"(?P<what>killed|dead|deaths|died|injured|wounded|hurt|arrested|detained|arrests|detentions|missing|"
    r"displaced|evacuated|released|casualties|victims\s+killed|in\s+custody)\b[^.;:!?]{0,50}?\b(?:to|at|as)\s*\Z")


_OF = re.compile(r"\s+of\s", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+\Z", re.IGNORECASE)


def _counts_things(np_text: str, p: dict) -> bool:
    """A thing among the first words of the noun phrase, before any "of" or person word:
    "homes", "separate shootings", "police vehicles", "counts of murder"; not "civilians
    carrying firearms"."""
    words = [w.casefold() for w in _OF.split(np_text, maxsplit=1)[0].split()[:3]]
    for i, word in enumerate(words):
        if word in p["things"]:
            return True
        if word in p["subjects"] and words[i + 1:i + 2] and words[i + 1] not in p["things"]:
            return False
    return False


def _penalty(p: dict, before: str) -> bool:
    """Whether ``before``, the text up to a word of death, ends on "to" in the clause of a verb
    of sentencing ("sentenced two of them to", "condemned 5 men to"): the death is a penalty."""
    if not p["penalty"] or not before.rstrip().endswith(" to"):
        return False
    clause = re.split(r"[;:.!?]|\b(?:and|but|while|after|when)\b", before)[-1]
    return any(w in p["penalty"] for w in re.findall(r"[a-z]+", clause))


def counted(sentence: str, fig_start: int, fig_end: int, lexicon: Lexicon,
            upper: bool | None = None) -> Counted:
    """Metric and subject of the figure at ``sentence[fig_start:fig_end]``."""
    p = _patterns(lexicon)
    right = sentence[fig_end:fig_end + 160]
    right_lower = right.lower()
    if len(right_lower) != len(right):
        right_lower = right = right_lower
    metric = None
    subject_end = None
    tokens = 0
    pos = 0
    proper = not (sentence.isupper() if upper is None else upper)
    prev_cap = False
    coordinated = False
    joined = bool(_OF_WHOM.match(right))
    while pos < len(right) and tokens < 10:
        # lower-casing keeps the tokens where they were: letters stay letters, spaces spaces
        m = p["token_or_after_re"].search(right_lower, pos)
        if not m:
            break
        if m["after"]:
            hit = m
            metric = p["after"].get(_WS.sub(" ", hit.group().lower()))
            if metric == "killed" and _penalty(p, sentence[:fig_end].lower() + right_lower[:m.start()]):
                metric = None  # "sentenced one of the men to death": the penalty, not a death
                break
            if metric in ("killed", "injured") and right_lower.startswith(" or ", hit.end()):
                # "dead or wounded": either outcome, so casualties
                either = p["after_re"].match(right_lower, hit.end() + 4)
                if either and p["after"].get(_WS.sub(" ", either.group())) in ("killed", "injured") and \
                        p["after"].get(_WS.sub(" ", either.group())) != metric:
                    metric = "casualties"
            if metric == "casualties":
                # "shot and now in critical condition", "shot and later died": the outcome wins
                outcome = _OUTCOME.match(right_lower, hit.end())
                if outcome:
                    better = p["after_re"].match(right_lower, outcome.end())
                    if better and p["after"].get(_WS.sub(" ", better.group())) in ("killed", "injured"):
                        metric = p["after"][_WS.sub(" ", better.group())]
            if subject_end is None:
                subject_end = m.start()
            break
        tok = right[m.start():m.end()]
        low = tok.lower()
        if tok == ",":
            part = _PARTICIPLE.match(right_lower, m.end())
            if part and p["after_re"].match(right_lower, part.start(1)):
                hit = p["after_re"].match(right_lower, part.start(1))
                metric = p["after"].get(_WS.sub(" ", hit.group()))
                if subject_end is None:
                    subject_end = m.start()
                break
            inc = _INCLUDING.match(right, m.start()) or _ASIDE.match(right, m.start())
            if inc:
                if subject_end is None:
                    subject_end = m.start()
                pos = inc.end()
                continue
            break
        if tok in ("—", "–", "-", "("):
            aside = _DASH_ASIDE.match(right, m.start())
            if aside:
                if subject_end is None:
                    subject_end = m.start()
                pos = aside.end()
                continue
        if not tok[0].isalnum() and tok not in ("'", "’", "-"):
            break
        if low == "and" and _AND_MORE.match(right_lower, m.end()):
            pos = m.end()  # "six rebels and a police sergeant were killed"
            tokens += 1
            continue
        if low == "and" and _AND_NUMBER.match(right_lower, m.end()):
            if subject_end is None:
                subject_end = m.start()
            coordinated = True
            pos = m.end()  # "three drivers and four porters were held"
            tokens += 1
            continue
        if low == "including":
            inc = _INCLUDING_BARE.match(right_lower, m.start())
            if inc:  # "five hikers including a guide were hurt"
                if subject_end is None:
                    subject_end = m.start()
                pos = inc.end()
                continue
        if low in _RIGHT_STOP or tok[0].isdigit():
            break
        if proper and tok[0].isupper() and low not in p["subjects"] and \
                right[pos - 1:pos] == " " and prev_cap:
            break  # a proper name begins: "… 5 Ana Maria Osei was held"
        prev_cap = tok[0].isupper() and low not in p["subjects"]
        if low in _AUX and subject_end is None:
            subject_end = m.start()
        pos = m.end()
        tokens += 1
    np_text = right[:subject_end if subject_end is not None else pos].strip()
    np_text = _NP_END.split(np_text, maxsplit=1)[0]
    np_text = np_text.strip(" ,")
    left = sentence[max(0, fig_start - 120):fig_start].lower()
    # the word just before the figure, for the patterns below that end on it
    left_end = left.rstrip()
    # one of its last words ends the text before the figure whenever the pattern matches
    if metric is None and left_end.endswith(_ALONG_WITH_LAST) and _ALONG_WITH.search(left) and \
            not _CHARGE_COUNTS.search(np_text):
        cue = None
        for cue in p["after_re"].finditer(left):
            pass
        if cue and (cue.start() == 0 or not left[cue.start() - 1].isalnum()):
            metric = p["after"].get(_WS.sub(" ", cue.group()))
            joined = joined or metric is not None
    if metric is None:
        toll = _TOLL_TO.search(left) if left_end.endswith(("to", "at", "as")) else None
        if toll:
            word = _WS.sub(" ", toll["what"])
            metric = p["after"].get(word) or p["before"].get(word)
            if metric:
                sm = _subject_in(p, toll["subj"] or "")
                if sm:
                    return Counted(metric, toll["subj"].strip(), _group_of(p, sm))
                return Counted(metric, None, None)
    if metric is None and np_text and _or_restated().search(left) and _subject_in(p, np_text):
        # ", or about 4,000 people": the figure restates the group before it, under its predicate
        cue = None
        for cue in p["after_re"].finditer(left):
            pass
        if cue and _or_restated().fullmatch(left, cue.end()) and (cue.start() == 0 or not left[cue.start() - 1].isalnum()):
            metric = p["after"].get(_WS.sub(" ", cue.group()))
    if metric is None and left_end.endswith(("include", "included", "includes")):
        # a group named by its metric includes the figure: "the dead included 4 children",
        # "those who died include 2 nurses", "the injured included 9 pupils"
        inc = _GROUP_INCLUDES.search(left)
        if inc:
            metric = p["after"].get(_WS.sub(" ", inc["what"]))
    if metric is not None and left_end.endswith(" of"):
        # "the bodies of 6 miners at the clinic": the noun the figure completes wins
        lm = None
        for lm in p["before_re"].finditer(left):
            pass
        if lm and lm.group().endswith("of") and not left[lm.end():].strip():
            metric = p["before"].get(_WS.sub(" ", lm.group().lower())) or metric
    if metric is None or coordinated:  # "killed 5 soldiers and 3 …": the verb before wins
        lm = None
        for lm in p["before_re"].finditer(left):
            pass
        if lm:
            fill = _FILL.findall(left, lm.end())
            words = [w.lower() for w in fill]
            if words and words[-1] in _LIST_OPENERS and np_text:  # "the killing of the priests -- four …"
                words.pop()
            if len(words) <= 6 and not any(w in _LEFT_STOP for w in words) and \
                    not any(not w[0].isalnum() for w in words) and \
                    not (" " not in lm.group() and words[:1] != ["of"] and _ARTICLE_BEFORE.search(left, 0, lm.start())) and \
                    not (lm.group().lower() in p["noun_verbs"] and words):
                # (a word as often a noun as a verb is the verb only right before its object:
                # "and wound 12 others", not "a gunshot wound at 63 Elm Trace")
                # (a bare metric word after an article is a noun, no verb: "a wound 3 men had";
                # but "the wounding of 13 people" names the act the figure completes)
                metric = p["before"].get(_WS.sub(" ", lm.group().lower())) or metric
    listed = False
    things, subject, group = _noun_phrase(np_text, lexicon) if np_text else (False, None, None)
    if things:
        metric = None  # "four homes burned": no one was hurt
        joined = False
    elif metric is None and left_end.endswith("and") and (item := _AND_LIST.search(left)) and \
            not p["after_re"].search(item["words"]):
        joined = listed = True  # "four Danes and one Finn": one list, one metric
    return Counted(metric or "other", subject, group, joined, listed)


# the same few phrases follow figure after figure ("people", "civilians", "of them")
@lru_cache(maxsize=4096)
def _noun_phrase(np_text: str, lexicon: Lexicon) -> tuple[bool, str | None, str | None]:
    """What the noun phrase after a figure names: whether it counts things, the subject as
    written and its group."""
    p = _patterns(lexicon)
    group = subject = None
    sm = _subject_in(p, np_text)
    if sm:
        group = _group_of(p, sm)
        subject = np_text[:sm.end()].strip()
    elif _PLURAL_NP.match(np_text) and np_text.split()[0].lower() not in ("of",):
        subject = np_text.split(",")[0][:60] if len(np_text.split()) <= 4 else None
    return _counts_things(np_text, p), subject, group
