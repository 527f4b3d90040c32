"""Who the report says makes a claim: cues, speakers, quotations and chains (SPEC §5)."""
from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..models import Link, Source
from .lexicon import Lexicon
from .metrics import _phrase_alt

SPEECH = (r"said|says|say|stated|states|state|reported|reports|report|announced|announces|told|tells|"
          r"claimed|claims|claim|confirmed|confirms|confirm|estimated|estimates|estimate|added|adds|"
          r"affirms|affirmed|declared|declares|wrote|writes|posted|posts|noted|notes|explained|"
          r"explains|insisted|insists|acknowledged|acknowledges|warned|warns|indicated|indicates|"
          r"revealed|reveals|tweeted|counted|recorded|disclosed|informed|stressed|emphasized|"
          r"underlined|underlines|asserted|asserts|maintained|maintains|alleged|alleges|"
          r"put\s+the\s+(?:death\s+|casualty\s+)?toll\s+at|put\s+the\s+number\s+of|raised\s+the\s+(?:death\s+)?toll|"
          r"raised\s+the\s+number|revised|updated|even\s+(?:speak|spoke|speaks)\s+of|speak\s+of|spoke\s+of|speaks\s+of|"
          r"puts?\s+the\s+figure\s+at|pointed\s+out|went\s+on|continued|concluded|observed|"
          r"testified|admitted|announce|commented|described|recalled|predicted|projected|found|finds|showed|"
          r"shows|show|reveal|reveals|revealed|reporting|argued|complained|complains|"
          r"argues|contends|contended|offered|declaring|telling|saying|noting|"
          r"focuses\s+on|suggests|suggested|calculated|tallied|documented|counts|tally|added\s+that|"
          r"expects|expected|predicts|forecasts|forecast|believes|believed|thinks|contends|insists|"
          r"acknowledges|concedes|conceded|boasted|boasts|touted|touts|cited|cites|highlighted|highlights|"
          r"condemned|criticized|criticised|urged|proposed|proposes|pledged|promised|vowed|called\s+for|"
          r"finding|found\s+that|find|estimating|predicting|projecting|according|argue|contend|predict|warn|"
          r"acknowledge|concede|insist|believe|think|fear")
# After a quotation, or before a colon, these introduce speech as well.
QUOTE_SPEECH = SPEECH + r"|answers|answered|responded|responds|replied|replies|joked|quipped|shouted|asked|asks"


def _by_first_letter(alternation: str) -> str:
    """The same alternatives grouped by their first letter, in their order within a group.

    Only words with the letter at hand can match there, so the result is the same; but the
    engine no longer tries two hundred words at each word of a sentence, only a few.
    """
    items, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 1
        elif in_class or c == "[":
            in_class = c != "]" if in_class else True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            items.append(alternation[start:i])
            start = i + 1
        i += 1
    items.append(alternation[start:])
    groups: dict[str, list[str]] = {}
    for item in items:
        if not (item[:1].isalpha() and item[:1].islower()) or item[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"alternative must start with a lower-case letter: {item!r}")
        groups.setdefault(item[0], []).append(item[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


_SPEECH = _by_first_letter(SPEECH)
_QUOTE_SPEECH = _by_first_letter(QUOTE_SPEECH)
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH})\b", re.IGNORECASE)
_SPEECH_WORD_LOWER = re.compile(rf"\b(?=[a-z])(?:{_SPEECH})\b")
_ADVERB = r"(?:\s+(?:also|later|earlier|previously|officially|separately|publicly|initially|on\s+\w+day|today|yesterday|in\s+a\s+statement|in\s+a\s+note|had|has|have|would|could|may|were|was))*"
# the look-ahead names the first letters of the branches below: elsewhere the scan fails at once
_PREP_CUE = re.compile(
    r"(?=[abcdfinpqrst])\b(?P<cue>according\s+to|as\s+reported\s+by|reported\s+by|as\s+stated\s+by|as\s+announced\s+by|"
    r"as\s+confirmed\s+by|citing|cited\s+by|quoted\s+by|quoting|(?:a\s+|the\s+)?(?:death\s+)?toll\s+provided\s+by|"
    r"provided\s+by|(?:figures?|data|numbers?|statistics)\s+(?:released|published|provided|compiled|issued)\s+by|"
    r"(?:figures?|data|statistics)\s+from|in\s+a\s+(?:statement|report|note|tally|count)\s+(?:by|from)|"
    r"(?:in|by)\s+an?\s+(?:[\w/.'-]+\s+){0,6}?(?:poll|survey|study|report|statement|tally|count|estimate|analysis)"
    r"(?:\s+(?:released|published|conducted|issued)(?:\s+\w+day)?)?(?:\s+by)?)\s+",
    re.IGNORECASE)
_STUDY = re.compile(
    r"\b(?P<cue>(?i:in|by|from|according\s+to))\s+(?P<np>(?:(?:a|an|the)\s+|(?=(?:recent|new|latest)\s))(?:(?-i:[a-z])+\s+){0,3}"
    r"(?:[A-Z][\w/.'’&-]*\s+){1,6}(?:(?i:poll|survey|study|report|analysis|census|tally|audit|review|estimate)s?|"
    r"(?:polling\s+)?average(?:\s+of\s+(?:(?-i:[a-z])+\s+){0,2}(?:[A-Z][\w'’-]*\s+){0,3}polls)?)\b"
    # a study named by its kind alone, or with the pollsters that ran it after "from"/"by"
    r"|(?!the\s+polls\b(?!\s+(?:from|by)\s))"  # a share "in the polls": polling at large, not a source
    r"(?:(?:a|an|the|this|that)\s+|(?=(?:recent|new|latest)\s))"
    r"(?:(?:same|latest|new|recent|most\s+recent|national|statewide)\s+){0,2}(?:polls?|surveys?)\b(?!\s+(?:tax|taxes|workers?|stations?|booths?|watchers?|closing|places?))"
    r"(?:\s+(?:from|by)\s+(?:[A-Z][\w&.'’-]*\s?){1,4}(?:and\s+(?:[A-Z][\w&.'’-]*\s?){1,4})?)?"
    r"(?=\s*(?:[,.;:)]|\Z)))"  # closing its clause: a poll that opens a subject ("those in the poll who …") is no cue
    r"(?:\s+(?:released|published|conducted|issued)(?:\s+(?:on\s+)?\w+day|\s+last\s+\w+)?)?")
_PREP_CUE_LOWER = re.compile(_PREP_CUE.pattern)
_PER = re.compile(r"\b[Pp]er\s+(?=(?:the\s+)?[A-Z])")  # "per the CBO", not "$5 per share"
_STUDY_WORDS = ("poll", "survey", "study", "report", "analysis", "census", "tally", "audit", "review",
                "estimate", "toll", "count", "figure", "statement", "note", "data", "statistic", "number")
_STUDY_WORD = re.compile(_phrase_alt(_STUDY_WORDS))  # one scan for all of them
_PREP_WORDS = ("according", "citing", "quoting", "from")
_TOLL_WORDS = ("toll", "tally", "count", "figure", "estimate")  # what _POSSESSIVE_TOLL ends on
_POSSESSIVE_TOLL = re.compile(r"(?P<np>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})['’]s?\s+(?:latest\s+|own\s+|new\s+|official\s+)?(?:death\s+)?(?:toll|tally|count|figures?|estimate)\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?P<cue>stated|announced|reported|confirmed|said|claimed|released|provided|given|disclosed|published|revealed)\s+(?:\w+\s+){0,3}?by\s+", re.IGNORECASE)
_BACKREF = re.compile(
    r"^\W*(?:(?:this|that|these|those|the\s+(?:figures?|toll|death\s+toll|numbers?|information|data|news|report))\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?P<cue>stated|announced|reported|confirmed|said|"
    r"given|released|provided|disclosed|published|revealed|claimed)\s+(?:\w+\s+){0,3}?by\s+"
    r"|(?:this|that)\s+is\s+what\s+)", re.IGNORECASE)
_SAID_SO = re.compile(rf"^(?P<np>[^,.;:“”\"]{{2,80}}?)\s+(?P<cue>said|says|stated|confirmed|reported)\s+(?:so|this|that)\b", re.IGNORECASE)
_CHAIN_FORWARD = re.compile(r"\s*,?\s*(?:(?:which|who)\s+(?P<cue1>cites|cited|quotes|quoted|citing)|(?P<cue2>citing|quoting))\s+", re.IGNORECASE)
_CHAIN_BACK = re.compile(r"\s*,?\s*(?P<cue>quoted\s+by|cited\s+by|as\s+quoted\s+by|according\s+to)\s+", re.IGNORECASE)
_DETERMINERS = re.compile(r"^(?:the|a|an|our|its|their|his|her)\s+", re.IGNORECASE)
_FUNCTION_WORDS = {"without", "with", "by", "after", "before", "while", "when", "also", "then", "and", "but",
                   "or", "not", "just", "even", "only", "as", "so", "if", "for", "of", "in", "on", "at",
                   "to", "from", "into", "about", "over", "under", "since", "until", "all", "both"}
_NOT_NAMES = {"the", "a", "an", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "today", "yesterday", "tonight"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "those",
             "these", "one", "there", "what"}
# a full stop after "Gov", "Sen", "Mr" or an initial ends no name: "said Sen. Ada Moss"
_NOT_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in (
    "Gov", "Sen", "Rep", "Mr", "Mrs", "Ms", "Dr", "Lt", "Gen", "Col", "Sgt", "Capt", "Cmdr", "Prof", "Rev",
    "St", "Jr", "Sr", "Atty", "Supt", "Insp", "Det", "Maj", "Cpl",
    "Dept", "Depts", "Co", "Corp", "Inc", "Ltd", "Assn", "Univ", "Mt", "Ft")) + r"(?<!\b[A-Z])"
# a full stop that ends a sentence; the look-ahead spares the look-behinds at every other character
_FULL_STOP = r"(?=[.!?])" + _NOT_ABBREVIATION + r"[.!?]"
# a character of a speaker's name next to a quote: no clause punctuation, but "Dr. Ruiz", "Ana M. Soto"
_NP_CHAR = r"(?:[^,.;:“”\"]|" + "|".join(rf"(?<=\b{a})\." for a in (
    "Gov", "Sen", "Rep", "Mr", "Mrs", "Ms", "Dr", "Lt", "Gen", "Col", "Sgt", "Capt", "Prof", "Rev", "St", "Jr",
    "Dept", "Co", "Corp", "Inc", "Ltd", "Assn", "Univ")) + \
    r"|(?<=\b[A-Z])\.)"
_NAME_BEFORE_AND = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}\Z")
# what ends the speaker of an inverted verb: "…, said the ministry.", "…, said X on Monday"
_INVERTED_END = re.compile(
    r"\s*(?:[,.;:!?”\"’)\]]|\Z|[-–—]|(?:on|in|at|late|early|last|this|today|yesterday|tonight|earlier|later|"
    r"according|citing|quoting|who|which|when|after|while|and)\b|\w+day\b)", re.IGNORECASE)
_ASIDES = ("for one", "however", "too", "though", "meanwhile", "in turn", "in fact", "for example",
           "for instance", "for its part", "for his part", "for her part", "for their part", "in response")
_ASIDE_END = re.compile(r",\s*(?:%s),?\s*\Z" % _phrase_alt(_ASIDES), re.IGNORECASE)
_ASIDE_LAST_WORDS = tuple(dict.fromkeys(a.split()[-1] for a in _ASIDES))  # what _ASIDE_END ends on
_PARENTHETICAL_END = re.compile(r"\s*\([^()]{1,25}\)\s*\Z")
_NP_END = re.compile(
    r"\s*(?:[,;:()\[\]“”\"‘]|" + _FULL_STOP + r"(?:\s|$)|\s[-–—]\s|\s+(?:that|who|which|whose|when|while|where|after|"
    r"before|because|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in\s+a\s+(?:statement|note|press|news|report|post|tweet|message|briefing|televised)|"
    r"on\s+(?:facebook|twitter|telegram|x|social|state|its|his|her|their|television|tv)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|late|last)\b|"
    r"and\s+(?:that|the|a|\d)|as\b|to\s+(?:the|a)\b|(?:were|was|are|is|had|has|have|will|would|could)\b|"
    r"said|says|say|told|added|estimated|reported|claimed|stated|announced|confirmed|"
    # a noun after a determiner is no verb: "according to one report", "the estimate"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bone\s)(?<!\bthis\s)(?<!\bits\s)(?:estimate|report|claim)|"
    r"show|shows|showed|put|indicate|indicates|suggest|suggests|"
    # a figure ends a name, a year or a compound after a determiner does not: "the 2009 paper",
    # "a 12-page report"
    r"(?:(?!(?:19|20)\d\d\s+[a-z]|\d+-[a-z])|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s))\d))",
    re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.&-]*|of|the|de|del|al|for|and|on|in|van|von|bin|da|la|le|[0-9]+")
_DEMONYMS = re.compile(
    r"\b(?:kazakh(?:stan(?:'s|’s)?)?|russian|russia(?:'s|’s)|american|u\.s\.|us|british|uk|french|german|"
    r"ukrainian|ukraine(?:'s|’s)|chinese|china(?:'s|’s)|iranian|iraqi|syrian|turkish|israeli|palestinian|"
    r"afghan|pakistani|indian|mexican|colombian|peruvian|salvadoran|guatemalan|honduran|nicaraguan|"
    r"kyrgyz|uzbek|tajik|armenian|belarusian|georgian|egyptian|libyan|nigerian|somali|sudanese|"
    r"ethiopian|kenyan|lebanese|saudi|yemeni|european|federal|national|state|local|regional|city|"
    r"provincial|county)\b\s*",
    re.IGNORECASE)


_CHAIN_BEFORE_VERB = re.compile(
    r"(?:^|(?<=[.;:]\s))\W*(?P<x>[^,;:“”\"]{2,80}),\s*(?P<cue>citing|quoting|which\s+cites|which\s+quotes|quoted\s+by|"
    r"cited\s+by)\s+(?P<y>[^,;:“”\"]{2,80}),(?:\s+(?:also|later|had|has|on\s+\w+day))*\s*\Z", re.IGNORECASE)
# the ending of the two patterns above and below: a comma, a few adverbs, the verb
_COMMA_BEFORE_VERB = re.compile(r",(?:\s+(?:also|later|had|has|on\s+\w+day))*\s*\Z", re.IGNORECASE)
_CHAIN_CUE = re.compile(r"cit|quot", re.IGNORECASE)  # what _CHAIN_BEFORE_VERB needs
_APPOSITIVE = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))\W*(?P<x>(?:the\s+|an?\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+[\w.'’-]+){0,7}),\s*"
    r"(?P<app>(?:a|an|the|who|which|conducted|released|published|commissioned|based|then|now|formerly|aged|"
    r"(?-i:[A-Z])[\w.-]*['’]s?|(?-i:[A-Z])[\w.'’-]+(?=\s+(?:of|for|from|at|in)\s))\s+[^,;:“”\"]{2,80})"
    r"(?:,\s*(?:who|which|whose)\s+[^,;:“”\"]{2,100})?,"
    r"(?:\s+(?:also|later|had|has|on\s+\w+day))*\s*\Z", re.IGNORECASE)
# verbs of finding and showing: a speaker only when its subject is evidence (a poll, a study);
# verbs of counting (recorded, counted, documented) are a body's or a person's own count
_EVIDENCE = {"found", "finds", "finding", "find", "found that", "show", "shows", "showed", "reveal", "reveals", "revealed", "suggests",
             "suggested", "counts", "tally"}
_WINDOW = 300
# a clause, not a name, before a speech verb: one opened by a subordinator or a demonstrative,
# or one whose last words are a copula and its complement
_NOT_A_SUBJECT = re.compile(
    r"^(?:after|before|even|though|although|if|when|whenever|while|because|since|unless|until|only|this|these|those|"
    r"there|then|thus|so)\b|\b(?:what|how|why)\b|\b(?:do|does|did)\b(?!\s+(?-i:[A-Z]))|\b(?-i:is|are|was|were|be|been|appears?|seems?)(?:\s+\S+){0,3}$|[-–—]$|\bto$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:that|which|who|whether|if|when|while|because|and|but|in|on|at|for|with|after|before|during|since|until|into|over|under|of|about|from)\b", re.IGNORECASE)
# what may stand between a report verb and what it reports: a time ("on Tuesday", "last month"), "that"
_VERB_NEXT = re.compile(
    r"\s*(?:(?:last|this|on|early|late)\s+\w+\s+|\w+day\s+|earlier\s+|recently\s+|also\s+)?"
    r"(?:that\b|[,:“\"]|\d|(?:a|an|the|some|about|at\s+least|more\s+than|over)\s)", re.IGNORECASE)
_VERB_NEXT_STRICT = re.compile(
    r"\s*(?:that\b|[,:“\"]|\d|(?:a|an|the|some|about|at\s+least|more\s+than|over)\s)", re.IGNORECASE)
_BELIEF = {"argue", "contend", "predict", "warn", "acknowledge", "concede", "insist", "believe", "think", "fear"}
# a subject that is evidence ("The poll shows", "a survey released Friday found"): its verb is a verb
_EVIDENCE_NOUN = (r"(?:poll|polls|polling|survey|surveys|study|studies|report|data|analysis|figures|numbers|census|"
                  r"average|count|tally|tallies|estimates|projections|research|investigation|review|audit|records|"
                  r"statistics|index|model)")
_EVIDENCE_SUBJECT = re.compile(
    rf"\b{_EVIDENCE_NOUN}(?:\s+(?:released|conducted|published|issued)\b[^,;:]{{0,40}}?)?\s*\Z", re.IGNORECASE)
# a count, a poll or a study opening a clause with a verb of its own (gives, shows, has, puts…),
# with what it covers after a preposition and an apposition before its verb
_EVIDENCE_CUE = re.compile(
    r"(?:^|(?<=[,;:(]\s)|(?<=\bthat\s)|(?<=\bbut\s)|(?<=\band\s))[\"“]?"
    r"(?P<np>(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:[\w/.'’&-]+\s+){0,6}?"
    rf"(?P<head>{_EVIDENCE_NOUN})(?:\s+(?P<prep>in|of|from|by|among|for|on|to)\s+"
    r"(?:(?:\d{1,3}(?:,\d{3})+|[\w/.'’&-]+)\s+){0,7}?[\w/.'’&-]+)?)"
    r"(?:,\s*[^,;:]{2,60},)?\s+(?:also\s+|now\s+|still\s+)?"
    r"(?P<verb>gives|gave|has|had|puts|put|shows|showed|show|finds|found|suggests|suggested|indicates|"
    r"indicated|estimates|estimated|projects|projected|predicts|predicted|reveals|revealed)\b")
# what every verb of _EVIDENCE_CUE begins with, for a substring test before the pattern
_EVIDENCE_VERB_STEMS = ("give", "gave", "has", "had", "put", "show", "find", "found", "suggest", "indicat",
                        "estimat", "project", "predict", "reveal")
# "…, a regional daily reports.": a postposed source closing the sentence
_SENTENCE_END = re.compile(r"\s*[.!?]?[”\"’]?\s*\Z")
_AFTER_COMMA = re.compile(r",\s*[^,;:“”\"]{2,60}\Z")
_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|hundred|thousand|million|billion|dozen|first|second|third)\b", re.IGNORECASE)
# what a speech verb may be followed by before its inverted speaker or its clause: "said in a statement"
_VERB_ADVERBIAL = re.compile(
    r"(?:\s+(?:in\s+an?\s+(?:\w+\s+)?(?:statement|interview|email|e-mail|letter|memo|tweet|post|note|release|"
    r"speech|report)|on\s+\w+day|\w+day|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|earlier|"
    r"later|also|recently|then)\b)+,?", re.IGNORECASE)
_NOUN_LIKE = {"according", "forecast", "cites", "highlights", "touts", "boasts", "find", "report", "reports", "claim", "claims", "state", "states", "estimate", "estimates", "notes",
              "posts", "found", "shows", "showed", "described", "continued", "went on", "counted",
              "recorded", "put", "observed", "concluded", "maintains", "maintained", "predicted",
              "projected", "revised", "updated", "informed", "admitted", "announce", "commented", "recalled"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A source found in a sentence: its chain, the cue's position and whether it covers all."""

    chain: tuple[Link, ...]
    pos: int  # where the cue stands in the sentence
    strength: int  # 1 prepositional … 4 back-reference
    # a subject and its verb before what they report ("police said 3 …") cover what follows
    # them only; a postposed one ("3 …, police said") covers the figures before it too
    forward: bool = False


@lru_cache(maxsize=8)
def _kinds(lexicon: Lexicon) -> dict:
    src = lexicon.data.get("sources", {})
    order = ["unnamed", "media", "international", "medical", "police", "military", "ngo", "government"]
    res = []
    for kind in order:
        words = src.get(kind, [])
        if words:
            alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
            res.append((kind, re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)))
    roles = lexicon.data.get("words", {}).get("roles", [])
    role_re = re.compile(
        r"(?:\b[a-z][\w-]*\s+)?\b(?:%s)s?\b" % "|".join(re.escape(r).replace(r"\ ", r"\s+")
                                              for r in sorted(roles, key=len, reverse=True)))
    unnamed_exact = {w.lower() for w in src.get("unnamed", [])}
    acronyms = {a: kind for kind, names in lexicon.data.get("acronyms", {}).items() for a in names}
    furniture = {w.lower() for w in lexicon.data.get("furniture", {}).get("words", [])}
    hedges = lexicon.data.get("words", {}).get("hedges", [])
    # grouped by first letter, longest first within a group: the same matches, fewer branches tried
    hedge_re = re.compile(r"\b(?:%s)\b" % _phrase_alt(h.lower() for h in hedges))
    # the built-in verbs of saying, and the lexicon's: one scan for both
    extra = [w.lower() for w in lexicon.data.get("cues", {}).get("speech", [])]
    speech = f"{_SPEECH}|{_phrase_alt(extra)}" if extra else _SPEECH
    speech_lower = re.compile(rf"\b(?=[a-z])(?:{speech})\b")
    speech_any = re.compile(rf"\b(?:{speech})\b", re.IGNORECASE)
    return {"kinds": res, "role_re": role_re, "unnamed": unnamed_exact, "hedge_re": hedge_re,
            "acronyms": acronyms, "furniture": furniture, "speech_lower": speech_lower, "speech": speech_any}


_TITLE = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,3}"
    r"(?:Governor|Gov\.|President|Pres\.|Mayor|Sheriff|Senator|Sen\.|Representative|Rep\.|Minister|"
    r"Lieutenant|Lt\.|Sergeant|Sgt\.|Captain|Capt\.|Detective|Det\.|Officer|Chief|General|Gen\.|Colonel|"
    r"Col\.|Major|Maj\.|Commander|Cmdr\.|Doctor|Dr\.|Judge|Prosecutor|Secretary|Ambassador|Spokesman|"
    r"Spokeswoman|Spokesperson|Director|Superintendent|Inspector|Corporal|Cpl\.|Trooper|Deputy|Councilman|"
    r"Councilwoman|Rev\.|Father|Pastor|Professor|Prof\.)\s+(?=[A-Z])")


_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
_MINISTRY_OF = re.compile(r"\bministry\s+of\s+(?:the\s+)?([\w\s]+)$")
_DEPARTMENT_OF = re.compile(r"\bdepartment\s+of\s+(?:the\s+)?([\w\s]+)$")
_PUNCTUATION = re.compile(r"[^\w\s]")
_KEY_ARTICLES = re.compile(r"\b(?:the|a|an|of)\b")


def source_key(name: str) -> str:
    """Grouping key: case-folded, determiners, country words and punctuation dropped."""
    k = name.casefold()
    k = _POSSESSIVE.sub("", k)
    k = _MINISTRY_OF.sub(r"\1 ministry", k)
    k = _DEPARTMENT_OF.sub(r"\1 department", k)
    k = _DEMONYMS.sub(" ", k)
    k = _PUNCTUATION.sub(" ", k)
    k = _KEY_ARTICLES.sub(" ", k)
    k = _SPACES.sub(" ", k).strip()
    return k or name.casefold().strip()


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}")  # "NYPD", "UNHCR", "GBI": capitals, a name of a body
_ROLE_OF = re.compile(r"(?:.*\s)?(?P<role>[a-z][\w-]*)\s+of(?:\s+the)?", re.IGNORECASE)
_RANK = re.compile(r"^(?:former|then|current|acting|interim|senior|top|chief)\s+", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-z]")
_NAME_WORD = re.compile(r"[\w'’.&-]+")
_IN_OR_AT_END = re.compile(r"\b(?:in|at)$")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_POSSESSIVE_END_S = re.compile(r"['’]s$")
_UNNAMED_GROUP = re.compile(r"^(?:other|some|several|many|unnamed|anonymous|unidentified|"
                            r"local|security|police|military|hospital|medical|government)\s+"
                            r"(?:sources?|witnesses|officials|reports|media|residents|activists|"
                            r"observers)$")
_PERSON_NAME = re.compile(r"(?:[A-Z][\w'’.-]+\s+(?:and\s+)?){1,3}[A-Z][\w'’-]+")
_ONE_NAME = re.compile(r"[A-Z][\w'’-]+")
_NATIONALITY = re.compile(r"(?:Kazakh|Kazakhstan['’]s|Russian|Russia['’]s|American|U\.S\.|British|French|German|"
                          r"Ukrainian|Ukraine['’]s|Chinese|Iranian|Iraqi|Syrian|Turkish|Israeli|Kyrgyz|Uzbek|Armenian)\s+")


# lower-case words inside a run of capitalised ones that keep it one name: "Ministry of the
# Interior", "Rio Grande do Sul", "Pedro de la Cruz"
_NAME_PARTICLES = frozenset(("of", "the", "for", "and", "de", "do", "da", "dos", "das", "di", "du", "del",
                             "della", "la", "le", "van", "von", "der", "den", "bin", "ibn", "al", "el"))


# a report names the same few sources again and again; a Source is frozen, so sharing is safe
@lru_cache(maxsize=4096)
def make_source(np_text: str, lexicon: Lexicon) -> Source | None:
    """Normalise a noun phrase naming a source: name, kind, key, descriptor and role."""
    kinds = _kinds(lexicon)
    text = np_text.strip(" ,.;:'\"“”‘’")
    text = _SPACES.sub(" ", text)
    body = _BODY_OF_REPORT.match(text)
    if body and body.end() < len(text):
        return make_source(text[body.end():], lexicon)  # "a report released by X": X
    text = _NP_TAIL.sub("", text)  # "a poll released Friday": the day names no one
    text = _LEADING_CONJUNCTION.sub("", text)  # "But a fresh poll"
    if _PRONOUN_CONTRACTION.match(text) or _PRONOUN_START.match(text):
        return None  # a pronoun with a contraction, not a name
    if not text or len(text) > 120:
        return None
    bare = _DETERMINERS.sub("", text)
    bare = _RANK.sub("", bare)
    lowered = bare.lower()
    if lowered in _PRONOUNS or lowered in _FUNCTION_WORDS or lowered in _NOT_NAMES or \
            not _LETTER.search(bare):
        return None
    if lowered in kinds["furniture"]:
        return None  # "UPDATE", "READ MORE", "Photo": the page's frame, no one's words
    upper = bare.isupper() and len(bare) > 3
    name, descriptor, role = bare, None, None
    held = False  # a role and the place it is held: a person
    if not upper:
        # the last run of capitalised words is the name; lower-case words before it describe it
        tokens = list(_NAME_WORD.finditer(bare))
        run_start = None
        for i in range(len(tokens) - 1, -1, -1):
            t = tokens[i].group()
            if t[0].isupper() or t[0].isdigit() or (t.lower() in _NAME_PARTICLES
                                                    and run_start is not None and i > 0):
                run_start = i
            else:
                break
        if run_start is not None:
            while run_start < len(tokens) and tokens[run_start].group() in _NAME_PARTICLES:
                run_start += 1
        # "the board of the water agency in Lyon": a place after "in"/"at" says where
        # the body sits; the name is the whole phrase, not the place
        if run_start is not None and 0 < run_start < len(tokens) and _IN_OR_AT_END.search(
                bare[:tokens[run_start].start()].strip()):
            run_start = None
        if run_start is not None and run_start < len(tokens):
            name = bare[tokens[run_start].start():].strip()
            before = bare[:tokens[run_start].start()].strip()
            of_place = _ROLE_OF.fullmatch(before) if before else None
            if of_place and kinds["role_re"].fullmatch(of_place["role"]):
                # "the governor of Sindh", "the mayor of Linz": a role and where it is held,
                # one person, named by both
                name, role, before = f"{of_place['role']} of {name}", of_place["role"], ""
                held = True
            if before:
                rm = kinds["role_re"].search(before)
                if rm and rm.end() >= len(before) - 1:
                    role = rm.group().strip()
                else:
                    descriptor = before
        name = _POSSESSIVE_END.sub("", name).strip()
        title = _TITLE.match(name)
        if title and name[title.end():]:
            role = f"{role} {title.group().strip()}" if role else title.group().strip()
            name = name[title.end():]
    kind = None
    probe = bare
    if lowered in kinds["unnamed"] or _UNNAMED_GROUP.match(lowered):
        kind = "unnamed"
    else:
        for k, rx in kinds["kinds"]:
            if k == "unnamed":
                continue
            if rx.search(probe):
                kind = k
                break
        if kind is None:
            if role or _PERSON_NAME.fullmatch(name) and not upper:
                kind = "person"
            elif _ONE_NAME.fullmatch(name):
                kind = "person"
            else:
                kind = "unnamed"
        if kind in ("government", "police", "military", "medical") and role and name != bare:
            kind = "person"
        acronym = kinds["acronyms"].get(name) if _ACRONYM.fullmatch(name) else None
        if acronym is None and _ACRONYM.fullmatch(name) and kind in ("person", "unnamed"):
            # beyond four capitals an unknown word in capitals is as often a surname (wire copy)
            acronym = "police" if name.endswith("PD") else "government" if len(name) <= 4 else None
        if acronym is not None:
            kind = acronym  # "the NYPD", "TBI": a body, typed by the one it names
        if held:
            kind = "person"
    if descriptor and not upper and kind not in ("person",):
        dm = _DEMONYMS.match(name)
        if dm and name[dm.end():]:
            descriptor = f"{descriptor} {dm.group().strip()}"
            name = name[dm.end():]
    elif not upper and kind != "person":
        dm = _NATIONALITY.match(name)
        if dm and name[dm.end():][:1].isupper():
            descriptor = dm.group().strip()
            name = name[dm.end():]
    country = None
    if kind in SCOPED_KINDS and not upper:
        name, descriptor, country = _country_apart(name, descriptor, text, lexicon)
    if descriptor:
        descriptor = _POSSESSIVE_END_S.sub("", descriptor.strip())
    key = _SPACES.sub(" ", _PUNCTUATION.sub(" ", name.casefold())).strip() if kind == "unnamed" \
        else source_key(name)
    if country and kind in SCOPED_KINDS:
        key = scoped_key(key, country)
    return Source(name=name, kind=kind, key=key, text=text, descriptor=descriptor, role=role)


# Public bodies whose names recur from country to country ("Ministry of the Interior",
# "police"): one key is one body only within a country (SPEC §5), so the country, when known,
# is part of their key. Media, NGOs, international bodies and people are named uniquely.
SCOPED_KINDS = ("government", "police", "military", "medical")
_SCOPED_KEY = re.compile(r" \([a-z]{2}\)\Z")


def scoped_key(key: str, country: str) -> str:
    """The key of a body within a country: ``interior ministry (kz)``."""
    return f"{key} ({country.lower()})"


@lru_cache(maxsize=8)
def _country_words(lexicon: Lexicon) -> tuple[dict[str, str], re.Pattern | None]:
    """The lexicon's country names and adjectives (case-folded) -> ISO code, and one pattern
    for all of them (a possessive included: "Kazakhstan's")."""
    names = {w.casefold(): code.upper() for code, ws in lexicon.data.get("countries", {}).items() for w in ws}
    if not names:
        return names, None
    alt = _phrase_alt(sorted(names, key=len, reverse=True))
    return names, re.compile(rf"(?<![\w-])(?:{alt})(?:['’]s)?(?![\w-])", re.IGNORECASE)


def country_code(word: str, lexicon: Lexicon) -> str | None:
    """The ISO code of a country name or adjective of the lexicon (``Kazakh`` -> ``KZ``)."""
    return _country_words(lexicon)[0].get(_POSSESSIVE_END_S.sub("", word.strip()).casefold())


def _country_apart(name: str, descriptor: str | None, text: str,
                   lexicon: Lexicon) -> tuple[str, str | None, str | None]:
    """A body's name with its country moved to the descriptor, and the country's code:
    "Kazakhstan's Interior Ministry", "the Kazakh Ministry of the Interior", "Ministry of the
    Interior of Kazakhstan" all give "Interior Ministry"'s key and KZ."""
    names, rx = _country_words(lexicon)
    if rx is None:
        return name, descriptor, None
    m = rx.match(name)
    if m and name[m.end():].strip():
        # a leading country word: "Azerbaijan's Defence Ministry", "Chilean police"
        word = m.group()
        name = name[m.end():].strip()
        descriptor = f"{descriptor} {word}" if descriptor else word
        return name, descriptor, country_code(word, lexicon)
    of = _OF_COUNTRY.match(name)
    if of and rx.fullmatch(of["c"]):
        word = of["c"]
        name = of["head"]
        descriptor = f"{descriptor} {word}" if descriptor else word
        return name, descriptor, country_code(word, lexicon)
    for m in rx.finditer(f"{descriptor or ''} {text}"):
        return name, descriptor, country_code(m.group(), lexicon)  # "the Kazakh ministry"
    return name, descriptor, None


_OF_COUNTRY = re.compile(r"(?P<head>.*\S)\s+(?:of|in)\s+(?:the\s+)?(?P<c>[A-Z][\w'’. -]*?)\Z")  # the last "of"


def _place_country(place: str, lexicon: Lexicon) -> str | None:
    """The country a claim's place names: a country of the lexicon, else a country or US
    state of the gazetteer (names only: a city's country would cost a search per name)."""
    from ..places import country_of
    return country_code(place, lexicon) or country_of(place)


def scope_sources(claims: list, lexicon: Lexicon) -> list:
    """The claims of one report with each public body named without its country keyed by the
    report's country, when the report shows one: the one country its bodies were named with,
    else the one country its claims' places lie in."""
    from dataclasses import replace  # claims are frozen: a scoped one is a copy

    unscoped = any(link.source.kind in SCOPED_KINDS and not _SCOPED_KEY.search(link.source.key)
                   for c in claims for link in c.attribution.chain)
    if not unscoped:
        return claims
    named = {link.source.key[-3:-1] for c in claims for link in c.attribution.chain
             if link.source.kind in SCOPED_KINDS and _SCOPED_KEY.search(link.source.key)}
    countries = named or {_place_country(c.location, lexicon) for c in claims if c.location} - {None}
    if len(countries) != 1:
        return claims  # no country, or several: the report's place is unknown
    (country,) = countries
    out = []
    for c in claims:
        chain = c.attribution.chain
        if any(link.source.kind in SCOPED_KINDS and not _SCOPED_KEY.search(link.source.key) for link in chain):
            chain = tuple(
                replace(link, source=replace(link.source, key=scoped_key(link.source.key, country)))
                if link.source.kind in SCOPED_KINDS and not _SCOPED_KEY.search(link.source.key) else link
                for link in chain)
            c = replace(c, attribution=replace(c.attribution, chain=chain))
        out.append(c)
    return out


# up to twelve words, and whether a thirteenth follows
_TWELVE_WORDS = re.compile(r"\s*\S+(?:\s+\S+){0,11}")
_MORE_WORDS = re.compile(r"\s*\S")
_NP_END_REACH = 64  # how far past its start a phrase boundary may reach (a few words)


class _Scan:
    """The matches of one pattern over one string, found from left to right as asked.

    Questions come in the order of the cues (left to right): the scan goes on from where it
    stopped, no further than the question reaches, and each match is found once however many
    cues ask about it. A question to the left of where the scan began starts it again there.
    """

    __slots__ = ("rx", "s", "lo", "hi", "starts", "ends")
    REACH = 64  # a match may reach this far past the end of a question: look there again later

    def __init__(self, rx: re.Pattern, s: str):
        self.rx, self.s, self.lo, self.hi = rx, s, None, 0

    def between(self, a: int, b: int) -> tuple[list[int], list[int], int, int]:
        """(starts, ends, i, j): the matches starting in ``s[a:b]`` are those from i to j."""
        if self.lo is None or a < self.lo or a > self.hi:
            self.lo, self.hi, self.starts, self.ends = a, a, [], []
        starts, ends = self.starts, self.ends
        pos = self.hi
        while pos < b:
            m = self.rx.search(self.s, pos, b)
            if m is None:
                pos = max(pos, b - self.REACH)
                break
            starts.append(m.start())
            ends.append(m.end())
            pos = max(m.end(), m.start() + 1)
        self.hi = max(self.hi, pos)
        return starts, ends, bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)


class _Index:
    """Where the phrase boundaries of one string stand, each kind found in one lazy scan.

    A run of cues ("citing citing …", "told told …") asks for the phrase after or before each
    of them: searching a window around every cue made the work grow with the cue count times
    the window. One scan per string and kind, then a bisection per question, keep every rule
    linear with a small constant; a short sentence is scanned no further than asked.
    """

    __slots__ = ("s", "_ends", "_marks", "_pairs", "_words", "_stops")

    def __init__(self, s: str):
        self.s = s
        self._ends = _Scan(_NP_END, s)
        self._marks: list[int] | None = None
        self._pairs: list[int] | None = None
        self._words = _Scan(_CLAUSE_WORD, s)
        self._stops = _Scan(_SENTENCE_STOP, s)

    def np_end(self, pos: int, limit: int) -> int | None:
        """Where the first ``_NP_END`` at or after ``pos`` starts, if before ``limit``."""
        starts, ends, i, j = self._ends.between(pos, limit)
        k = i - 1
        if k >= 0 and ends[k] > pos:
            # the scan stepped over pos inside a boundary: one may start within it (the
            # boundary " said" holds "said"); look there only, over a few characters
            m = _NP_END.search(self.s, pos, min(limit, ends[k] + _NP_END_REACH))
            if m and m.start() < ends[k]:
                return m.start()
        return starts[i] if i < j else None

    def last_mark(self, lo: int, hi: int) -> int:
        """Where the last clause mark (a comma, colon, bracket, dash, quotation mark) inside
        ``s[lo:hi]`` starts, else ``lo - 1``."""
        if self._marks is None:  # a plain set of characters: one fast scan
            self._marks = [m.start() for m in _CLAUSE_MARK.finditer(self.s)]
            self._pairs = [m.start() for m in _TWO_APOSTROPHES.finditer(self.s)] if "''" in self.s else []
        best = lo - 1
        k = bisect.bisect_left(self._marks, hi) - 1
        if k >= 0 and self._marks[k] >= lo:
            best = self._marks[k]
        k = bisect.bisect_left(self._pairs, hi - 1) - 1  # both apostrophes inside
        if k >= 0 and self._pairs[k] >= lo:
            best = max(best, self._pairs[k])
        return best

    def clause_words(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The ``_CLAUSE_WORD`` matches that start inside ``s[lo:hi]``, as (start, end)."""
        starts, ends, i, j = self._words.between(lo, hi)
        return list(zip(starts[i:j], ends[i:j]))

    def last_stop(self, lo: int, hi: int) -> int | None:
        """Where the last sentence stop (``_SENTENCE_STOP``) inside ``s[lo:hi]`` ends."""
        starts, ends, i, j = self._stops.between(lo, hi)
        k = j - 1
        while k >= i and ends[k] > hi:
            k -= 1
        return ends[k] if k >= i else None


_NP_END_REACH = 64  # how far past its start a phrase boundary may reach (a few words)
_SHORT_STRETCH = 160  # characters after a clause mark read directly, without the index
_LOCAL = threading.local()
_INDEX_CACHE = 4  # the sentence, and the slices read around its quotes


def _index(s: str) -> _Index:
    cache = getattr(_LOCAL, "indexes", None)
    if cache is None:
        cache = _LOCAL.indexes = []
    for ix in cache:
        if ix.s is s:
            return ix
    ix = _Index(s)
    cache.insert(0, ix)
    del cache[_INDEX_CACHE:]
    return ix


def _np_forward(s: str, pos: int) -> tuple[str, int]:
    """The noun phrase starting at ``pos``: up to a clause boundary, at most 12 words."""
    if _CLAUSE_START.match(s, pos):  # "in a letter that …": a clause, no name
        return "", pos
    limit = min(len(s), pos + _WINDOW)  # a name is a few words: never look far
    b = _index(s).np_end(pos, limit)
    end = b if b is not None else limit
    words = _TWELVE_WORDS.match(s, pos, end)
    if words and _MORE_WORDS.match(s, words.end(), end):  # a thirteenth word: stop at the twelfth
        end = words.end()
    return s[pos:end].strip(), end


# "a poll released Friday", "a survey conducted last week by …": when, not who
_LEADING_CONJUNCTION = re.compile(r"^(?:but|and|so|yet|or|then|also|still|now)\s+(?=\S)", re.IGNORECASE)
_PRONOUN_CONTRACTION = re.compile(r"(?:he|she|it|they|we|i|you|that|there|what|who)['’](?:s|re|ve|d|ll|m)?\Z",
                                  re.IGNORECASE)
_PRONOUN_START = re.compile(r"(?:[Ii]|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?:['’]\w+)?\s+(?-i:[a-z])")
_NP_TAIL = re.compile(
    r"(?:\s+(?:released|conducted|published|issued)\b[^,;:]*|\s+(?:last|this)\s+(?:week|month|year|night)|"
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))+\s*$", re.IGNORECASE)


# the last comma, semicolon, colon, quotation mark, bracket or dash (the greedy .* backtracks from the end)
_EAGER_END = re.compile(r"\s+(?:are|is|was|were|has\s+been|have\s+been)\s+(?:quick|keen|eager|careful|happy|"
                        r"ready|at\s+pains|not\s+shy)\s+to\Z", re.IGNORECASE)
_PARTY_TAG_END = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{1,5},\Z")
_CLAUSE_MARK = re.compile(r"[,;:“”\"()—–]")
_TWO_APOSTROPHES = re.compile(r"(?='')")  # every place two apostrophes start, overlapping
_TAIL_REACH = 64  # the ending a parenthesis or an aside before a speech verb is looked for in
_CLAUSE_WORD = re.compile(r"\b(?:that|and|but|while|whilst|whereas|though|although|as|because|after|when|where|"
                          r"so(?!\s+far\b))\s+",
                          re.IGNORECASE)
_SENTENCE_STOP = re.compile(_FULL_STOP + r"\s")
_NP_ADVERB_END = re.compile(
    r"(?:\s+(?:so\s+far|thus\s+far|to\s+date|also|later|earlier|previously|officially|separately|publicly|initially|had|has|have|would|could|may|"
    r"on\s+\w+day|today|yesterday|in\s+a\s+statement|in\s+a\s+note|still|now|already|never|just|even|clearly|"
    r"actually|repeatedly|often|further|then|subsequently|additionally|likewise|similarly))+\s*$", re.IGNORECASE)
# how a phrase that either pattern above can trim ends (any "on …day" ends in "day"), and the
# words that open a trailing "released …"
_NP_ADVERB_LAST_WORDS = ("also", "later", "earlier", "previously", "officially", "separately", "publicly",
                         "initially", "had", "has", "have", "would", "could", "may", "day", "statement", "note",
                         "still", "now", "already", "never", "just", "even", "clearly", "actually", "repeatedly",
                         "often", "further", "then", "subsequently", "additionally", "likewise", "similarly", "far",
                         "date")
_NP_TAIL_LAST_WORDS = ("week", "month", "year", "night", "day")
_NP_TAIL_VERBS = ("released", "conducted", "published", "issued")


# a time opening the clause before its subject: "This year police …", "On Monday the agency …"
_LEADING_TIME = re.compile(
    r"(?:(?:this|last|earlier|later)\s+(?:year|month|week|weekend|spring|summer|autumn|fall|winter|morning|"
    r"evening|night|season)|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|"
    r"in\s+(?:19|20)\d\d|on\s+(?:\w+\s+)?\d{1,2}(?:\s+\w+)?|"
    r"(?:a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(?:day|week|month|year)s?\s+(?:earlier|later|before|ago))"
    r"\s+(?=\S)", re.IGNORECASE)


def _np_backward(s: str, pos: int) -> tuple[str, int]:
    """The noun phrase ending at ``pos`` (a speech verb follows): back to a clause boundary."""
    # a subject is a few words: look back no further than a window, and find the boundaries
    # in it by bisection over the string's index, so that a run of speech verbs stays linear
    w0 = max(0, pos - _WINDOW)
    end = pos
    j = end
    while j > w0 and s[j - 1].isspace():
        j -= 1
    # both patterns below close the segment: its last characters tell whether they can match
    if j > w0 and s[j - 1] == ")":
        paren = _PARENTHETICAL_END.search(s, max(w0, j - _TAIL_REACH), end)  # "Sen. Ada Moss (D-Ore.) said"
        if paren and paren.start() > w0:
            end = paren.start()
    j = end
    while j > w0 and s[j - 1].isspace():
        j -= 1
    if j > w0 and s[j - 1] == ",":
        tag = _PARTY_TAG_END.search(s, max(w0, j - 16), j)  # "Sen. Ada Moss, D-Ore., said"
        if tag and tag.start() > w0:
            end = j = tag.start()
    tail = s[max(w0, j - _TAIL_REACH):j].removesuffix(",")
    # (on ASCII text: elsewhere case-insensitive matching is subtler than lower-casing)
    if not tail.isascii() or tail.lower().endswith(_ASIDE_LAST_WORDS):
        aside = _ASIDE_END.search(s, max(w0, j - _TAIL_REACH), end)  # "The Gazette, for its part, wrote"
        if aside and aside.start() > w0:
            end = aside.start()
    ix = _index(s)
    cut = ix.last_mark(w0, end)
    # neither pattern below matches across a clause mark: only the text after the last one;
    # a short stretch is read directly, a long one (a run of verbs) through the index
    short = end - cut <= _SHORT_STRETCH
    words = ((m.start(), m.end()) for m in _CLAUSE_WORD.finditer(s, cut + 1, end)) if short \
        else ix.clause_words(cut + 1, end)
    for ws, we in words:
        if we > end:  # its spaces run past the segment: read it as the segment ends
            m = _CLAUSE_WORD.match(s, ws, end)
            if m is None:
                continue
            we = m.end()
        if s[ws:ws + 3] == "and" and s[we:we + 1].isupper() and we < end and \
                _NAME_BEFORE_AND.match(s, cut + 1, ws):
            continue  # "Ms. Ortiz and Mr. Hale said": one source of two names
        cut = we - 1
    if short:
        for m in _SENTENCE_STOP.finditer(s, cut + 1, end):
            cut = max(cut, m.end() - 1)
    else:
        stop = ix.last_stop(cut + 1, end)
        if stop is not None:
            cut = max(cut, stop - 1)
    np = s[cut + 1:end].strip()
    start = cut + 1
    # on ASCII text, the phrase's lower-cased ending tells whether the patterns can match;
    # elsewhere case-insensitive matching is subtler than lower-casing
    if not np.isascii() or np.lower().endswith(_NP_ADVERB_LAST_WORDS):
        np = _NP_ADVERB_END.sub("", np)
    low = np.lower()
    if (not np.isascii() or low.endswith(_NP_TAIL_LAST_WORDS) or any(map(low.__contains__, _NP_TAIL_VERBS))) \
            and not (" by " in low and _BODY_OF_REPORT.match(np)):  # "a study released by X" names X
        np = _NP_TAIL.sub("", np)
    if np.endswith(" to"):
        np = _EAGER_END.sub("", np)  # "officials are quick to point out": the officials
    lead = _LEADING_TIME.match(np) if np[:1] in "TtLlOoIiEeYyAaFfSs0123456789" else None
    if lead and lead.end() < len(np):
        np = np[lead.end():]  # "This year police have recorded": when, then who
    words = np.split()
    if len(words) > 10:
        np = " ".join(words[-10:])
    return np, start


def _chain_from(s: str, np: str, np_end: int, cue: str, lexicon: Lexicon) -> list[Link]:
    """The source named by ``np`` and whom it cites ("X, which cites Y" / "Y, quoted by X")."""
    first = make_source(np, lexicon)
    if first is None:
        return []
    chain = [Link(first, cue)]
    f = _CHAIN_FORWARD.match(s, np_end)
    if f:
        np2, _ = _np_forward(s, f.end())
        second = make_source(np2, lexicon)
        if second:
            chain.append(Link(second, (f["cue1"] or f["cue2"]).lower()))
        return chain
    b = _CHAIN_BACK.match(s, np_end)
    if b:
        np2, _ = _np_forward(s, b.end())
        outer = make_source(np2, lexicon)
        if outer:
            return [Link(outer, _SPACES.sub(" ", b["cue"].lower())), Link(first, cue)]
    return chain


# a prepositional cue whose object is a toll, a report or figures "by X": X is the source
_BODY_OF_REPORT = re.compile(
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:toll|tally|count|figures?|report|statement|study|survey|analysis|"
    r"review|audit|estimate|memo|poll)\s+(?:(?:provided|released|published|issued|compiled|conducted|prepared)\s+)?"
    r"(?:by|from)\s+(?=(?:the\s+)?[A-Z])", re.IGNORECASE)
_OPTIONAL_SPACE = re.compile(r"\s*")
_NOT_A_NAME = re.compile(r"\d|n[’']t\b|\bnot\b|\b(?:said|says|told|stated)\b")
_EVIDENCE_WORD = re.compile(
    r"\b(?:poll|polls|survey|surveys|study|studies|report|reports|data|figures|analysis|records|statistics|"
    r"documents|tally|census|audit|returns|filings|emails|tallies|review|investigation|probe|count|estimates?|"
    r"research|researchers|analysts?|economists?|numbers|index|model|projections?)\b", re.IGNORECASE)
_RELATIVE_END = re.compile(r"\b(?:it|which|who)$")
_NOT_A_SUBJECT_START = re.compile(r"^(?:were|was|is|are|has|have|had|been|being|not|also|to|the\s+\w+\s+(?:were|was))\b")
_LEAD_CITING = re.compile(r"\W*(?P<cue>citing|quoting)\s+(?P<y>[^,;:]{2,80}),", re.IGNORECASE)


def _nobody() -> Source | None:
    return None


# subjects recur ("the police", "officials", "he"): each is read once
@lru_cache(maxsize=4096)
def _subject_reading(np: str, noun_like: bool, evidence: bool) -> str | None:
    """How the phrase before a speech verb reads: "pronoun" (he, she), "name", or None when it
    names no speaker (for a verb that may be a noun, or one of finding that needs evidence)."""
    if not np or _NOT_A_NAME.search(np) or noun_like and _NUMBER_WORD.search(np):
        return None
    if evidence and not _EVIDENCE_WORD.search(np):
        return None  # "firefighters found two bodies": finding is not telling
    low = np.lower()
    if low in ("he", "she"):
        return "pronoun"
    if low == "it":
        return "it"  # a body named before
    if low.split()[-1] in _PRONOUNS or _RELATIVE_END.search(low):
        return None
    if _NOT_A_SUBJECT_START.match(low) or _NOT_A_SUBJECT.search(np):
        return None
    return "name"


_BODY_KINDS = ("government", "police", "military", "media", "international", "ngo", "medical")
# "the force", "the agency", "the spokesman": a short definite reference to a source named before
_SHORT_REFERENCE = re.compile(r"(?:the|this|that)\s+(?P<noun>[a-z]+)", re.IGNORECASE)


def _refers_to(noun: str | None, src: Source, lexicon: Lexicon, by_name: bool) -> bool:
    """Whether ``src`` is what ``it`` (noun None) or ``the <noun>`` can stand for: by a word
    of its name, descriptor or role (``by_name``), else by the kinds the noun stands for."""
    if noun is None:
        return src.kind in _BODY_KINDS
    if by_name:
        words = set(_NAME_WORD.findall(" ".join(filter(None, (src.name, src.descriptor, src.role))).lower()))
        return noun in words and src.kind != "unnamed"
    return src.kind in lexicon.data.get("coreference", {}).get(noun, ())


# after a verb of saying (and a time or manner), what opens the content it introduces: "that",
# a figure, a quantity, a noun phrase, a colon or a quotation
_CONTENT_NEXT = re.compile(
    r"\s*(?:that\b|[:“\"]|\d|(?:a|an|the|some|about|at\s+least|more\s+than|over|nearly|almost|around|up\s+to|"
    r"fewer\s+than|less\s+than|as\s+many\s+as|only|just|its|his|her|their|no|none|all|every|most|many|several|"
    r"dozens|hundreds|thousands|millions|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)", re.IGNORECASE)


# whom one tells: a few words up to a clause end, a time, "that" or a figure
_TOLD_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w.'’&-]+\s+){0,4}?[\w.'’&-]+"
    r"(?=\s*[,.;:!?”\"]|\s*\Z|\s+(?:that|on|in|at|late|early|last|this|earlier|later|yesterday)\b|\s+\w+day\b|\s+\d)",
    re.IGNORECASE)


def _postposed(s: str, verb_end: int, verb: str) -> bool:
    """Whether the speech verb ending at ``verb_end`` reports nothing after it (``… 3 dead,
    police said.``, ``… as the governor put it in an address``, ``… a chief told the BBC.``):
    its content came before."""
    if verb in ("told", "tells"):
        obj = _TOLD_OBJECT.match(s, verb_end)
        verb_end = obj.end() if obj else verb_end
    adv = _VERB_ADVERBIAL.match(s, verb_end)
    if adv and adv.group().endswith(","):
        return True  # "…, the mayor said late on Friday, a week after the storm": a new clause
    k = adv.end() if adv else verb_end
    return _CONTENT_NEXT.match(s, k) is None


def _no_sources(_: int) -> list[Source]:
    return []


def sentence_cues(s: str, lexicon: Lexicon, last_person: Callable[[], Source | None] = _nobody,
                  earlier: Callable[[int], list[Source]] = _no_sources) -> list[Cue]:
    """Every source a sentence names, with where its cue stands.

    ``last_person`` is asked, only when a sentence says "he said", who spoke last before it;
    ``earlier(n)`` gives the sources named in the n-th sentence before this one (last named
    first), for "it said" and "the agency added".
    """
    cues: list[Cue] = []
    lowered = s.lower()
    upper = s.isupper()
    if len(lowered) != len(s):  # lower-casing moved offsets: scan the text itself
        lowered = None
    probe = lowered or s.lower()
    # cheap substring tests spare most sentences the costlier patterns below
    has_by = " by " in probe
    has_study = _STUDY_WORD.search(probe) is not None
    # … and its verb, in lower case as the pattern has it ("gives", "showed", "estimates", …)
    # ("poll", "count" and "data" are study words too)
    has_evidence = has_study and any(map(s.__contains__, _EVIDENCE_VERB_STEMS))
    prep = (_PREP_CUE_LOWER.finditer(lowered) if lowered else _PREP_CUE.finditer(s)) \
        if has_by or has_study or any(map(probe.__contains__, _PREP_WORDS)) else ()
    for m in prep:
        if _STUDY.match(s, m.start()):
            continue
        np, end = _np_forward(s, m.end())
        cue = _SPACES.sub(" ", m["cue"].lower())
        cue = "according to" if cue.startswith("according") else cue
        # a prepositional cue whose object is a toll, a report or figures "by X": X is the source
        inner = _PREP_CUE.match(s, m.end()) or _BODY_OF_REPORT.match(s, m.end())
        if inner:
            np, end = _np_forward(s, inner.end())
            cue = "according to" if cue == "according to" else _SPACES.sub(" ", inner.group().strip().lower())
        chain = _chain_from(s, np, end, cue, lexicon)
        if chain:
            cues.append(Cue(tuple(chain), m.start(), 1))
    for m in (_PER.finditer(s) if "per " in probe else ()):
        np, end = _np_forward(s, m.end())
        chain = _chain_from(s, np, end, "per", lexicon)
        if chain:
            cues.append(Cue(tuple(chain), m.start(), 1))
    for m in (_STUDY.finditer(s) if has_study else ()):
        src = make_source(m["np"], lexicon)
        if src:
            cues.append(Cue((Link(src, m["cue"].lower()),), m.start(), 1))
    # its apostrophe and the word it ends on, as the (case-sensitive) pattern has them
    has_toll = ("'" in s or "’" in s) and any(map(s.__contains__, _TOLL_WORDS))
    for m in (_POSSESSIVE_TOLL.finditer(s) if has_toll else ()):
        src = make_source(m["np"], lexicon)
        if src and src.kind != "person" or src and len(m["np"].split()) > 1:
            cues.append(Cue((Link(src, "toll"),), m.start(), 1))
    evidence_verbs = set()
    has_chain_cue = None  # whether "citing", "quoted by", … occur: asked once, on the first verb
    for m in (_EVIDENCE_CUE.finditer(s) if has_evidence else ()):
        # "a survey by a college", "polling in a state" are whole; "a filing to a regulator" is the filing
        np = s[m.start("np"):m.end("head")] if m["prep"] in ("to", "for", "on") else m["np"]
        src = make_source(np, lexicon)
        if src:
            cues.append(Cue((Link(src, m["verb"].lower()),), m.start("np"), 2))
            evidence_verbs.add(m.start("verb"))
    for m in (_PASSIVE.finditer(s) if has_by else ()):
        np, end = _np_forward(s, m.end())
        chain = _chain_from(s, np, end, m["cue"].lower(), lexicon)
        if chain:
            cues.append(Cue(tuple(chain), m.start(), 2))
    kinds = _kinds(lexicon)
    for m in (kinds["speech_lower"].finditer(lowered) if lowered else kinds["speech"].finditer(s)):
        verb = m.group().lower()
        if m.start() in evidence_verbs:
            continue  # read with its whole subject above
        if upper and verb in _BELIEF:
            continue  # upper-case wire copy: a verb of belief in capitals ("LEFT VOTERS FEARING") is no attribution
        if verb in _NOUN_LIKE and not (_VERB_NEXT_STRICT if upper else _VERB_NEXT).match(s, m.end()):
            w0 = max(0, m.start() - 80)
            if not (_EVIDENCE_SUBJECT.search(s, w0, m.start())
                    or _SENTENCE_END.match(s, m.end()) and _AFTER_COMMA.search(s, w0, m.start())):
                continue  # "three member states": a noun, not a verb
        # these two read from the sentence's start and end on the last comma before the verb,
        # with at most a few adverbs after it: test that ending before the costly searches
        comma = s.rfind(",", 0, m.start()) if m.start() <= _WINDOW else -1
        after_comma = comma >= 0 and _COMMA_BEFORE_VERB.match(s, comma, m.start()) is not None
        if after_comma and has_chain_cue is None:
            # on ASCII text lower-casing is exactly what the case-insensitive pattern allows
            has_chain_cue = ("cit" in probe or "quot" in probe) if s.isascii() \
                else _CHAIN_CUE.search(s) is not None
        pre = _CHAIN_BEFORE_VERB.search(s, 0, m.start()) if after_comma and has_chain_cue else None
        if pre:
            x, y = make_source(pre["x"], lexicon), make_source(pre["y"], lexicon)
            cue2 = _SPACES.sub(" ", pre["cue"].lower()).replace("which ", "")
            if x and y:
                pair = [Link(y, cue2), Link(x, verb.split()[0])] if cue2 in ("quoted by", "cited by") \
                    else [Link(x, verb.split()[0]), Link(y, cue2)]
                cues.append(Cue(tuple(pair), pre.start(), 0))
                continue
        # an apposition stands between two commas
        app = _APPOSITIVE.search(s, 0, m.start()) if after_comma and s.count(",", 0, m.start()) >= 2 else None
        if app and _NOT_SPEAKER_START.match(app["x"]):
            app = None  # "In Paris, on Monday, officials said": a place and a time, no speaker
        if app:
            src = make_source(app["x"], lexicon)
            if src:
                role = app["app"].strip()
                cues.append(Cue((Link(Source(src.name, "person" if src.kind in ("person", "unnamed") else src.kind,
                                             src.key, src.text, src.descriptor, src.role or role), verb.split()[0]),),
                                app.start(), 2))
                continue
        # inverted: ", said X" / "” said X"
        j = m.start()
        while j > 0 and s[j - 1].isspace():
            j -= 1
        inv = j == 0 or s[j - 1] in ",“”\"" or s[j - 2:j] == "''"
        if inv and s[j - 1:j] == "," and _ASIDE_END.search(s, max(0, j - 40), j):
            inv = False  # "The Herald, for its part, wrote …": the subject stands before the aside
        if inv and s[j - 1:j] == "," and _PARTY_TAG_END.search(s, max(0, j - 16), j):
            inv = False  # "Sen. Ada Moss, D-Ore., said …": the subject stands before the tag
        if inv and verb in ("told", "tells"):
            inv = False  # "…, told reporters": whom one tells is no speaker
        if inv:
            adv = _VERB_ADVERBIAL.match(s, m.end())
            k = adv.end() if adv else m.end()
            np, end = _np_forward(s, _OPTIONAL_SPACE.match(s, k).end())
            if (s[j - 1:j] != "," or _INVERTED_END.match(s, end)) and not np.lower().startswith("to "):
                chain = _chain_from(s, np, end, verb.split()[0], lexicon)
                if chain:
                    cues.append(Cue(tuple(chain), m.start(), 2))
                    continue
                if s[j - 1:j] != ",":
                    continue
                # "X, who was a nurse, said she …": what follows the verb is its content

            # "The Herald, in turn, noted the gap between …": an object, not a speaker
        np, start = _np_backward(s, m.start())
        reading = _subject_reading(np, verb in _NOUN_LIKE, verb in _EVIDENCE)
        if reading is None:
            continue
        if reading == "pronoun":
            # a person named earlier in the sentence first, else the last one before it
            mine = [c for c in cues if c.pos < start and c.chain[-1].source.kind == "person"]
            person = max(mine, key=lambda c: c.pos).chain[-1].source if mine else last_person()
            if person is not None:
                cues.append(Cue((Link(person, verb.split()[0]),), start, 2, not _postposed(s, m.end(), verb)))
            continue
        short = _SHORT_REFERENCE.fullmatch(np) if reading != "it" and len(np) < 30 else None
        if short and not (short["noun"].islower() and short["noun"] in lexicon.data.get("coreference", {})):
            short = None  # "the police", "the army": a name of its own
        if reading == "it" or short:
            noun = None if reading == "it" else short["noun"].lower()
            found = _antecedent(noun, [c for c in cues if c.pos < start], earlier, lexicon)
            if found is not None:
                cues.append(Cue((Link(found, _SPACES.sub(" ", verb).split()[0]),), start, 2,
                                not _postposed(s, m.end(), verb)))
                continue
            if reading == "it":
                continue
        cue_verb = _SPACES.sub(" ", verb)
        cue_verb = cue_verb.split()[0] if not cue_verb.startswith(("put", "raised", "even", "speak", "spoke")) else cue_verb
        chain = []
        if verb in ("told", "tells"):
            obj, oend = _np_forward(s, m.end() + 1)
            outer = make_source(obj, lexicon)
            inner = make_source(np, lexicon)
            if outer and inner and outer.kind in ("media", "unnamed", "person", "outlet") and outer.kind == "media":
                chain = [Link(outer, "told"), Link(inner, "told")]
        if not chain:
            src = make_source(np, lexicon)
            if src is None or len(np.split()) > (9 if src.kind in ("person", "unnamed") else 12):
                continue  # a clause, not a name (a body's name may run longer)
            chain = [Link(src, cue_verb)]
        outer = _CHAIN_BACK.match(s, m.end())
        if outer and len(chain) == 1:
            # "…, the ministry said, quoted by a news agency": the outlet quoting it comes first
            np2, _ = _np_forward(s, outer.end())
            quoting = make_source(np2, lexicon)
            if quoting:
                cues.append(Cue((Link(quoting, _SPACES.sub(" ", outer["cue"].lower())),) + tuple(chain),
                                start, 0))
                continue
        reported = _REPORTED_THAT.search(s, max(0, start - 130), start) if len(chain) == 1 else None
        if reported:
            # "the mayor noted that police said …": the report of a report is a chain, outward
            outer_cues = [c for c in cues if c.strength == 2 and c.pos < reported.start()]
            if outer_cues:
                outer_cue = max(outer_cues, key=lambda c: c.pos)
                cues.append(Cue(outer_cue.chain + tuple(chain), start, 2))
                continue
        cues.append(Cue(tuple(chain), start, 2, not _postposed(s, m.end(), verb)))
    # on ASCII text a substring test tells whether the sentence can open on "citing"/"quoting"
    lead = _LEAD_CITING.match(s) if not s.isascii() or "citing" in probe or "quoting" in probe else None
    if lead:
        y = make_source(lead["y"], lexicon)
        speech = [c for c in cues if c.strength == 2 and c.pos > lead.end() - 1]
        if y and speech:
            first = speech[0]
            merged = Cue(first.chain + (Link(y, lead["cue"].lower()),), first.pos, 1)
            cues = [c for c in cues if c is not first and not (c.strength == 1 and c.pos <= lead.start() + 3)]
            cues.append(merged)
    return cues


# what divides a sentence into clauses that may each carry their own source: a semicolon, or
# a comma before a coordinator of clauses ("X reported 14 dead, but Y told Z that nine died")
_CLAUSE_SPLIT = re.compile(r";|,\s+(?:but|while|whereas|although|though|yet)\s", re.IGNORECASE)
_CLAUSE_HINT = re.compile(r"[;,]")


def clause_span(sentence: str, pos: int) -> tuple[int, int] | None:
    """The part of the sentence that holds ``pos``, between clause dividers; None when the
    sentence has no divider (the cue nearest the figure is looked for in that part first)."""
    if not _CLAUSE_HINT.search(sentence):
        return None
    lo, hi, found = 0, len(sentence), False
    for m in _CLAUSE_SPLIT.finditer(sentence):
        found = True
        if m.end() <= pos:
            lo = m.start() + 1
        elif m.start() >= pos:
            hi = m.start()
            break
    return (lo, hi) if found else None


_ANTECEDENT_REACH = 4  # sentences back: a short reference is to a source named nearby


def _antecedent(noun: str | None, before: list[Cue], earlier: Callable[[int], list[Source]],
                lexicon: Lexicon) -> Source | None:
    """The nearest source before that ``it`` (noun None) or ``the <noun>`` refers to: in the
    sentence first, last named first, then in the sentences before it."""
    candidates = [link.source for c in sorted(before, key=lambda c: -c.pos) for link in reversed(c.chain)]
    # a source whose name holds the noun wins over a nearer one of the noun's kind
    for by_name in ((True, False) if noun else (True,)):
        for src in candidates:
            if _refers_to(noun, src, lexicon, by_name):
                return src
        for n in range(1, _ANTECEDENT_REACH + 1):
            for src in earlier(n):
                if _refers_to(noun, src, lexicon, by_name):
                    return src
    return None


# a speech verb and "that" just before a speaker: the speaker is reported by the one before
_REPORTED_THAT = re.compile(rf"\b(?:{_SPEECH})\s+that\s*(?:,\s*[^,;:.“”\"]{{2,80}},\s*|\s[^,;:.“”\"]{{2,80}},\s*)?\Z",
                            re.IGNORECASE)

_SAID_SO_VERBS = ("said", "says", "stated", "confirmed", "reported")


def _may_say_so(sentence: str) -> bool:
    """Whether ``_SAID_SO`` can match: its verb must occur (a substring test where lower-casing
    is exact; other text, where case-insensitive matching is subtler, goes to the pattern)."""
    if not sentence.isascii():
        return True
    low = sentence.lower()
    return any(map(low.__contains__, _SAID_SO_VERBS))


def backref(next_sentence: str, lexicon: Lexicon) -> Cue | None:
    """``This was stated by X`` / ``This is what X affirms`` / ``X said so``."""
    m = _BACKREF.match(next_sentence)
    if m:
        if m["cue"]:
            np, end = _np_forward(next_sentence, m.end())
            chain = _chain_from(next_sentence, np, end, m["cue"].lower() + " by", lexicon)
        else:
            rest = next_sentence[m.end():]
            vm = _SPEECH_WORD.search(rest)
            if not vm:
                return None
            np = rest[:vm.start()]
            chain = _chain_from(rest, np, vm.start(), vm.group().lower(), lexicon)
        if chain:
            return Cue(tuple(chain), 0, 4)
    m = _SAID_SO.match(next_sentence) if _may_say_so(next_sentence) else None
    if m:
        src = make_source(m["np"], lexicon)
        if src:
            return Cue((Link(src, m["cue"].lower()),), 0, 4)
    return None


# "Pat Ruiz: “…”", "The minister issued this statement: “…”"
# also "More from Ruiz: “…”", "Pat Ruiz and Lee Wong: “…”", "Pat Ruiz, an economist: “…”"
_COLON_SPEAKER = re.compile(
    r"(?:^|[.!?,]\s+|\n\s*|[-–—]\s*)(?:(?:More\s+)?from\s+)?"
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})"
    r"(?:,\s+(?P<desc>(?:(?!\s[-–—]\s)[^,:;.“”\"\n]){2,60}))?"
    r"(?:\s+(?:made|gave|issued|offered|posted|released|tweeted)\s+(?:the\s+following|a|this|these)\s+"
    r"(?:comments?|statements?|remarks?|note|message|tweet))?\s*:\s*\Z")
_NOT_SPEAKER_START = re.compile(
    r"(?:In|At|On|For|From|With|After|Before|During|By|As|When|While|But|And|So|Then|Meanwhile|However|Still|"
    r"Yet|Here|There|This|That|These|Those|It|He|She|They|We|I|Its|His|Her|Their|Our|My|Some|Many|Most|All|"
    r"Both|Each|Every|No|Another|Other|Such|Few|Several)\b")
# two apostrophes stand for quotation marks in some news archives: ''We won,'' she said.
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "\"": "\"", "‘": "’", "''": "''"}


# a double quotation mark, two apostrophes, or ‘ opening a word; the pattern opens on a
# character class, so the engine skips straight to the next candidate
_QUOTE_OPENER = re.compile(r"['“«„\"‘](?:(?<=[“«„\"])|(?<=')'|(?<=‘)(?<!\w‘)(?=\w))")
_SINGLE_CLOSER = re.compile(r"’(?![\w])")
_PARAGRAPH_BREAK = re.compile(r"\n\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation; an unclosed quote runs to the end of its paragraph."""
    spans = []
    i, n = 0, len(text)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    while True:
        m = _QUOTE_OPENER.search(text, i)
        if not m:
            break
        o = m.group()
        close = _QUOTE_PAIRS[o]
        k = bisect.bisect_left(breaks, m.end())
        para_end = breaks[k] if k < len(breaks) else n
        j = text.find(close, m.end(), para_end)
        if o == "‘":  # ’ is also an apostrophe: the closing one is followed by no letter
            cm = _SINGLE_CLOSER.search(text, m.end(), para_end)
            j = cm.start() if cm else -1
        if o == "“" and j < 0:
            j = text.find("\"", m.end(), para_end)
        if j < 0:
            # news style leaves a quote open when it goes on in the next paragraph
            if o in ("“", "«", "„", "\"", "''") and para_end - m.end() > 20:
                spans.append((m.start(), para_end))
                i = para_end
            else:
                i = m.end()
            continue
        spans.append((m.start(), j + len(close)))
        i = j + len(close)
    return spans


def _named_speaker(np: str, verb: str, lexicon: Lexicon,
                   last_person: Callable[[], Source | None]) -> tuple[Link, ...] | None:
    """The speaker a noun phrase names before a speech verb; "he"/"she" is the last person.

    None when the phrase names no source, so the caller may look elsewhere; a pronoun with
    no person before it settles the question with no speaker.
    """
    np = np.strip()
    if np.lower() in ("he", "she"):
        person = last_person()
        return (Link(person, verb.lower()),) if person else ()
    src = make_source(np, lexicon)
    return (Link(src, verb.lower().split()[0]),) if src else None


# "X said:", "X, the party chair, said in a statement." just before a quote
_VERB_BEFORE_QUOTE = re.compile(
    rf"(?<![\w-])(?P<verb>{_QUOTE_SPEECH})(?:{_VERB_ADVERBIAL.pattern})?\s*(?:that\s*)?[:,.]?\s*\Z", re.IGNORECASE)
_ADVERB_END = re.compile(_ADVERB + r"\s*\Z", re.IGNORECASE)
_NP_STOP = re.compile(r"[,;:“”\"]|" + _FULL_STOP)
# the subject of a clause that a participle of saying hangs on, with no comma between them
_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})\s+"
    r"(?-i:[a-z])[^.!?\n,;:“”\"]*\Z")
_MAIN_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})\s+(?-i:[a-z])[^.!?\n]*,\Z")
_APPOSITION = re.compile(r"\s*(?:who|a|an|the)\s", re.IGNORECASE)


def _subject_before(s: str, verb_start: int, verb: str = "") -> str:
    """The speaker just before a speech verb: back to a clause mark, over one apposition;
    for a participle after a comma, the subject of the clause it hangs on."""
    head = s[:verb_start]
    a = _ADVERB_END.search(head)
    head = head[:a.start()].rstrip() if a else head.rstrip()
    if verb.endswith("ing") and head.endswith(","):  # "The Times confirmed it, reporting:"
        m = _MAIN_SUBJECT.search(head)
        return m["np"] if m else ""
    if verb.endswith("ing"):  # "The mayor spoke to reporters on Friday saying:"
        m = _CLAUSE_SUBJECT.search(head)
        if m:
            return m["np"]
    if head.endswith(","):  # "Lee Wong, the union chair, said"
        k = head.rfind(",", 0, len(head) - 1)
        if k >= 0 and len(head) - k <= 82 and _APPOSITION.match(head, k + 1):
            head = head[:k]
    last = 0
    for m in _NP_STOP.finditer(head):
        last = m.end()
    np = head[last:].strip()
    return np if 0 < len(np) <= 80 else ""


_VERB_AFTER_QUOTE = re.compile(rf"\s*,?\s*(?P<verb>{_QUOTE_SPEECH})\s+", re.IGNORECASE)
_SPEAKER_AFTER_QUOTE = re.compile(
    rf"\s*(?:(?:for|to|of|in|on|at|about|with)\s[^,.;:“”\"\n]{{1,40}},\s*)?,?\s*"
    rf"(?P<np>{_NP_CHAR}{{1,80}}?)(?:,\s*[^,.;:“”\"]{{1,80}},)?{_ADVERB}\s+"
    rf"(?P<verb>{_QUOTE_SPEECH})\b", re.IGNORECASE)
_VERB_SPEAKER_BEFORE_QUOTE = re.compile(
    rf"\b(?P<verb>{_QUOTE_SPEECH})\s+(?P<np>{_NP_CHAR}{{1,80}}?)\s*[:,.]\s*\Z", re.IGNORECASE)
_TELLER = re.compile(r"(?P<np>[^,.;:“”\"]{1,80}?)\s+(?:told|tells)\s+[^,.;:“”\"]{1,80}?\s*[:,.]\s*\Z", re.IGNORECASE)


_NEXT_PARAGRAPH_QUOTE = re.compile(r"\n\s*\n\s*(?P<o>[“\"«„])")
_CONTINUATION_REACH = 3  # paragraphs a quote may go on over


def quote_speaker(text: str, span: tuple[int, int], lexicon: Lexicon,
                  last_person: Callable[[], Source | None] = _nobody) -> tuple[Link, ...]:
    """The speaker a quotation is attributed to, right after it or just before it; a quote
    left open at a paragraph's end that the next paragraph reopens goes on there, and takes
    the speaker named after the quote it goes on in."""
    found = _own_speaker(text, span, lexicon, last_person)
    hops = 0
    while not found and hops < _CONTINUATION_REACH:
        qs, qe = span
        nxt = _NEXT_PARAGRAPH_QUOTE.match(text, qe)
        if nxt is None or text[qe - 1:qe] in "”\"»" or qe - qs < 2:
            break  # closed, or not reopened at once: the quote ends here
        close = _QUOTE_PAIRS[nxt["o"]]
        para_end = text.find("\n\n", nxt.end())
        para_end = len(text) if para_end < 0 else para_end
        j = text.find(close, nxt.end(), para_end)
        if j < 0 and nxt["o"] == "“":
            j = text.find("\"", nxt.end(), para_end)
        span = (nxt.start("o"), j + 1 if j >= 0 else para_end)
        found = _own_speaker(text, span, lexicon, last_person, after_only=True)
        hops += 1
    return found


def _own_speaker(text: str, span: tuple[int, int], lexicon: Lexicon,
                 last_person: Callable[[], Source | None] = _nobody,
                 after_only: bool = False) -> tuple[Link, ...]:
    """The speaker named right after the quotation at ``span``, or just before it."""
    qs, qe = span
    after = text[qe:qe + 200]
    brk = after.find("\n\n")
    if brk >= 0:  # the next paragraph's speaker is not this quote's
        after = after[:brk]
    m = _VERB_AFTER_QUOTE.match(after)
    if m:
        np, end = _np_forward(after, m.end())
        chain = _chain_from(after, np, end, m["verb"].lower().split()[0], lexicon)
        if chain:
            return tuple(chain)
    m = _SPEAKER_AFTER_QUOTE.match(after)
    if m:
        named = _named_speaker(m["np"], m["verb"], lexicon, last_person)
        if named:
            return named
        # "he said" with no one named before: the words before the quote may name him
    if after_only:
        return ()
    before = text[max(0, qs - 200):qs]
    m = _VERB_BEFORE_QUOTE.search(before)
    if m:
        np = _subject_before(before, m.start(), m["verb"].lower())
        named = _named_speaker(np, m["verb"], lexicon, last_person) if np else None
        if named is not None:
            return named
    m = _COLON_SPEAKER.search(before)
    if m and m["desc"] and (_NOT_SPEAKER_START.match(m["np"]) or _SPEECH_WORD_LOWER.search(m["desc"])):
        m = None  # "In the capital, the mood darkened: “…”" names no speaker
    if m:
        src = make_source(m["np"], lexicon)
        if src:
            return (Link(src, ":"),)
    m = _VERB_SPEAKER_BEFORE_QUOTE.search(before)
    if m and (_VERB_ADVERBIAL.match(" " + m["np"]) or _CLAUSE_START.match(m["np"].strip())
              or m["verb"].lower() in _NOUN_LIKE):
        m = None  # a verb followed by its manner ("said in a letter.") or a noun phrase that is no speaker
    if m and m["verb"].lower() in ("told", "tells"):
        # "The mayor told the council: “…”": whom one tells is no speaker; the teller is
        t = _TELLER.search(before)
        named = _named_speaker(t["np"], "told", lexicon, last_person) if t else None
        return named or ()
    if m:
        src = make_source(m["np"], lexicon)
        if src:
            return (Link(src, m["verb"].lower().split()[0]),)
    return ()


def hedge_in(sentence: str, lexicon: Lexicon) -> str | None:
    """The first distancing word of a sentence, if any."""
    m = _kinds(lexicon)["hedge_re"].search(sentence.lower())
    return _SPACES.sub(" ", m.group().lower()) if m else None
