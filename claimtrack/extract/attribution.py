"""Who the report says makes a claim (SPEC §5): the cues of a sentence, read in stages.

The stages, each in its module, in the order a sentence goes through them:
``cues`` (the verbs of saying and showing, one fast scan for candidates) → ``sources`` (a noun
phrase as a normalised source, keyed within its country) → ``phrases`` (the phrase a cue points
to, the subject before a verb, the chain it starts) → ``quotes`` (a quotation's speaker) →
``coreference`` (back-references, "it" and "the ministry" across sentences) → this module, which
reads every cue of a sentence (prepositional, evidence, passive, speech verbs, inverted or not),
the clause each covers, and the chains they make.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from ..models import Link, Source
from .lexicon import Lexicon
from .individuals import person_nouns
from .metrics import _phrase_alt
# the stages before this one (the engine and the tests import these from here too)
from .cues import _NOUN_LIKE, QUOTE_SPEECH, SPEECH, _SPEECH, _SPEECH_WORD, Cue, _by_first_letter
from .sources import (
    SCOPED_KINDS, _BODY_OF_REPORT, _FUNCTION_WORDS, _POSSESSIVE_END_S, _PRONOUNS, _SPACES, _kinds, country_code,
    make_source, scope_sources, scoped_key, source_key,
)
from .phrases import (
    _ASIDE_END, _CHAIN_BACK, _PARTICIPLE_ASIDE_END, _PARTY_TAG_END, _VERB_ADVERBIAL, _WINDOW, _chain_from, _np_backward, _np_forward,
    _NP_ADVERB_END, _VERB_IN_SUBJECT, relative_head,
)
from .quotes import _NOT_SPEAKER_START, _QUOTE_OPENER, _nobody, quote_spans, quote_speaker
from .coreference import _SAID_SO, _antecedent, _may_say_so, backref


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
    r"\b(?P<cue>(?i:in|by|from|according\s+to))\s+(?P<np>(?:(?:a|an|the)\s+|(?=(?:recent|new|latest)\s))(?:(?-i:[a-z])[\w-]*\s+){0,3}"
    r"(?:[A-Z][\w/.'’&-]*\s+){1,6}(?:(?:national|statewide|state|new|latest|recent|online|exit|opinion|phone|"
    r"telephone|tracking|joint)\s+){0,2}(?:(?i:poll|survey|study|report|analysis|census|tally|audit|review|estimate)s?|"
    r"(?:polling\s+)?average(?:\s+of\s+(?:(?-i:[a-z])+\s+){0,2}(?:[A-Z][\w'’-]*\s+){0,3}polls)?)\b"
    # a study named by its kind alone, or with the pollsters that ran it after "from"/"by"
    r"|(?!the\s+polls\b(?!\s+(?:from|by)\s))"  # a share "in the polls": polling at large, not a source
    # (or with a possessive before it, "in Monday's poll", or a place's name before a plural,
    # "in Iowa surveys")
    r"(?:(?:a|an|the|this|that)\s+|(?=(?:recent|new|latest)\s)|[A-Z][\w.&-]*['’]s\s+|"
    r"(?:[A-Z][\w.&-]*\s+){1,3}(?=(?:polls|surveys)\b))"
    # (a compound modifier with its hyphen: "in the 50-state poll", "in a two-day survey")
    r"(?:(?:same|latest|new|recent|most\s+recent|national|statewide|\w+-\w+)\s+){0,2}(?:polls?|surveys?)\b(?!\s+(?:tax|taxes|workers?|stations?|booths?|watchers?|closing|places?))"
    r"(?:\s+(?:from|by)\s+(?:[A-Z][\w&.'’-]*\s?){1,4}(?:and\s+(?:[A-Z][\w&.'’-]*\s?){1,4})?)?"
    r"(?=\s*(?:[,.;:)]|\Z)))"  # closing its clause: a poll that opens a subject ("those in the poll who …") is no cue
    r"(?:\s+(?:released|published|conducted|issued)(?:\s+(?:on\s+)?\w+day|\s+last\s+\w+)?)?")
_PREP_CUE_LOWER = re.compile(_PREP_CUE.pattern)
# a document whose terms a figure states: "Under the new rule, landlords must refund $400 …"
_UNDER_DOCUMENT = re.compile(
    r"\b[Uu]nder\s+(?P<np>(?:(?:the|a|an|this|that|its|his|her|their)\s+|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*['’]s?\s+)"
    r"(?:[\w'’-]+\s+){0,4}?(?:plan|rule|regulation|law|bill|proposal|measure|policy|deal|agreement|program|"
    r"programme|budget|order|ruling|settlement|contract|formula|rules|regulations|laws|terms))\b")
# a named owner's words: "in Senator Moss's view", "Ada Moss's “40 percent” remark", "Moss's plan to hire 400"
_OWNED_WORDS = re.compile(
    r"(?:\b(?P<in>[Ii]n)\s+(?:the\s+)?)?(?P<np>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*|(?<=[Ii]n\sthe\s)[a-z]+|"
    # a body named by a common noun after "the": "the league's recommended 5 percent"
    r"(?<=\b[Tt]he\s)[a-z]+(?:\s[a-z]+)?)['’]s?\s+"
    r"(?(in)(?:view|opinion|estimation|judgment|judgement|words|reckoning|account)\b"
    r"|(?:(?:[\w-]+|[“\"‘][^“”\"‘’]{1,40}[”\"’])\s+){0,3}?(?:claims?|comments?|remarks?|promises?|pledges?|proposals?|plans?|"
    r"assertions?|predictions?|forecasts?|projections?|estimates?|budget|boast|vow|outlook|"
    # a participle of proposing or estimating before the figure it sets: "X's proposed $4 billion"
    r"(?:recommended|proposed|estimated|projected|requested|promised|planned)(?=\s+(?:[$€£]?\d|(?-i:[a-z]+\s+)?[$€£]?\d)))\b)")
_OWNER = re.compile(r"(?P<owner>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)['’]s?\s")
# a title in quotation marks after "according to": a book, a report, a film
_QUOTED_TITLE = re.compile(r"[\"“‘]{1}(?P<title>[A-Z][^\"“”‘’]{1,80}?)[,.]?[\"”’]")
_PER = re.compile(r"\b[Pp]er\s+(?=(?:the\s+)?(?P<cap>[A-Z])?)")  # "per the CBO", not "$5 per share"
# kinds of body a common noun after "per" must name to be a source ("per police", not "per day")
_PER_COMMON_KINDS = frozenset({"unnamed", "person"})
_STUDY_WORDS = ("poll", "survey", "study", "report", "analysis", "census", "tally", "tallies", "audit", "review",
                "estimate", "toll", "count", "figure", "statement", "note", "data", "statistic", "number",
                "result", "outcome", "return", "finding", "average")
_STUDY_WORD = re.compile(_phrase_alt(_STUDY_WORDS))  # one scan for all of them
_PREP_WORDS = ("according", "citing", "quoting", "from")
_TOLL_WORDS = ("toll", "tally", "count", "figure", "estimate")  # what _POSSESSIVE_TOLL ends on
_POSSESSIVE_TOLL = re.compile(r"(?P<np>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5}|(?<=\b[Tt]he\s)[a-z]+(?:\s[a-z]+)?)['’]s?\s+(?:latest\s+|own\s+|new\s+|official\s+)?(?:death\s+)?(?:toll|tally|count|figures?|estimate)\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?P<cue>stated|announced|reported|confirmed|said|claimed|released|provided|given|disclosed|published|revealed)\s+(?:\w+\s+){0,3}?by\s+", re.IGNORECASE)
# what ends the speaker of an inverted verb: "…, said the ministry.", "…, said X on Monday"
_INVERTED_END = re.compile(
    r"\s*(?:[,.;:!?”\"’)\]]|\Z|[-–—]|(?:on|in|at|late|early|last|this|today|yesterday|tonight|earlier|later|"
    r"according|citing|quoting|who|which|when|after|while|and)\b|\w+day\b)", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.&-]*|of|the|de|del|al|for|and|on|in|van|von|bin|da|la|le|[0-9]+")


# what may stand between the comma closing a subject's apposition and its verb: auxiliaries and
# adverbs ("…, has repeatedly promised", "…, also said", "…, on Monday said")
_BEFORE_VERB = r"(?:\s+(?:also|later|then|again|now|still|already|had|has|have|is|are|was|were|will|would|"\
               r"on\s+\w+day|(?-i:[a-z]+ly)))*\s*\Z"
_CHAIN_BEFORE_VERB = re.compile(
    r"(?:^|(?<=[.;:]\s))\W*(?P<x>[^,;:“”\"]{2,80}),\s*(?P<cue>citing|quoting|which\s+cites|which\s+quotes|quoted\s+by|"
    r"cited\s+by)\s+(?P<y>[^,;:“”\"]{2,80})," + _BEFORE_VERB, re.IGNORECASE)
# the ending of the two patterns above and below: a comma, a few adverbs, the verb
_COMMA_BEFORE_VERB = re.compile(r"," + _BEFORE_VERB, re.IGNORECASE)
_CHAIN_CUE = re.compile(r"cit|quot", re.IGNORECASE)  # what _CHAIN_BEFORE_VERB needs
# the words that open an apposition of their own (a determiner, a relative, a participle, a time)
_APPOSITION_OPENERS = r"a|an|the|who|which|conducted|released|published|commissioned|based|then|now|formerly|aged"
_APPOSITIVE = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))\W*(?P<x>(?:the\s+|an?\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+[\w.'’-]+){0,7})"
    r"(?:\s*\((?-i:[A-Z])[\w.'’ -]{0,20}\))?,\s*"  # a party tag in brackets: "Ann Vale (D-Ore.),"
    rf"(?P<app>(?:{_APPOSITION_OPENERS}|"
    r"(?-i:[A-Z])[\w.-]*['’]s?|(?-i:[A-Z])[\w.'’-]+(?=\s+(?:of|for|from|at|in)\s)|"
    # a place's or a body's name before a role and its complement: "Ohio director for Reed"
    r"(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,2}\s+(?-i:[a-z][\w-]*)(?=\s+(?:of|for|at|to|with)\s)|"
    # a bare common noun phrase with its complement: "chair of the panel", "senior aide to X"
    r"(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,3}(?=\s+(?:of|for|at|to|with)\s))\s+[^,;:“”\"]{2,80})"
    r"(?:,\s*(?:who|which|whose)\s+[^,;:“”\"]{2,100})?,"
    + _BEFORE_VERB, re.IGNORECASE)
# an apposition without a determiner ("chair of the panel") follows only a proper name
_BARE_APPOSITION = re.compile(rf"(?!(?:{_APPOSITION_OPENERS})\s)[a-z]")
_PROPER_NAME = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|del|van|von|bin|al))*")
# an aside between a subject and its verb, between commas: an age, a time or a place, a relative
# clause, an apposition opened by a determiner, an adverb of discourse
_ASIDE_SEGMENT = re.compile(
    r",\s*(?:\d{1,3}|(?:who|whom|whose|which|where|when|in|at|on|of|during|with|from|after|before|speaking|writing|like|unlike|"
    r"a|an|the|another|one|his|her|its|their|now|then|formerly|himself|herself|also|still|both|each)\s[^,;:“”\"]{1,100}|"
    r"(?:for\s+one|however|too|though|meanwhile|in\s+turn|in\s+fact|for\s+(?:its|his|her|their)\s+part))\s*,\Z",
    re.IGNORECASE)
_ASIDE_REACH = 3  # asides in a row
# a town's name, a comma and its state's or country's name (one or two capitalised words) closing an aside
_STATE_AFTER_PLACE = re.compile(r"(?-i:[A-Z])[\w.'’-]*(?P<comma>,)\s*(?-i:[A-Z][a-z.]+(?:\s+[A-Z][a-z.]+)?),\Z")
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|whom|whose|which|where|when)\s", re.IGNORECASE)
_OPENING_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Still)\s+")
_CLAUSE_MARKS = ",;:“”\"()"


def _subject_before_asides(s: str, pos: int, lexicon: Lexicon) -> tuple[Source, int] | None:
    """A proper name and the asides between it and the verb at ``pos``: the name's source and
    where it starts; None when no aside stands there or no name comes before them."""
    j = pos
    while j > 0 and s[j - 1].isspace():
        j -= 1
    n, end = 0, j  # end: just after the comma that closes the next aside
    relative = False  # whether an aside is a relative clause ("…, where three blocks stand empty,")
    while n < _ASIDE_REACH and s[end - 1:end] == ",":
        state = _STATE_AFTER_PLACE.search(s, max(0, end - 40), end)
        if state:
            end = state.start("comma") + 1  # "…, at a forum in Dayton, Ohio, said": the state goes with its town
        m = _ASIDE_SEGMENT.search(s, max(0, end - 120), end)
        if m is None or m.start() == 0:
            break
        j, end, n = m.start(), m.start() + 1, n + 1
        relative = relative or _RELATIVE_ASIDE.match(s, j) is not None
    if n == 0:
        return None
    k = max(s.rfind(c, 0, j) for c in _CLAUSE_MARKS) + 1
    np = s[k:j].strip()
    lead = _OPENING_CONJUNCTION.match(np)
    if lead:
        np = np[lead.end():]
    if _NOT_SPEAKER_START.match(np) or len(np.split()) > 6:
        return None
    short = _SHORT_REFERENCE.fullmatch(np) or _ITS_ROLE.fullmatch(np) if len(np) < 40 else None
    if short and (short.groupdict().get("noun") or "") not in lexicon.data.get("coreference", {}) and \
            (short.groupdict().get("role") or "").lower() not in _role_words(lexicon):
        short = None
    if short:
        # "The ministry, in a statement, said", "Its spokesman, speaking on radio, said": a reference
        # to a body named before (the caller resolves it)
        src = make_source(np, lexicon)
    elif not _PROPER_NAME.fullmatch(np):
        # a common noun phrase only before a relative clause, and only a body or a speaker the
        # lexicon lists: "Residents of the estate, where …, said"
        src = make_source(np, lexicon) if relative else None
        words = np.split()
        head = (words[1] if len(words) > 1 and words[0].lower() in ("the", "some", "local") else words[0]).lower()
        if src is None or src.kind in ("person", "unnamed") and \
                head not in lexicon.data.get("sources", {}).get("unnamed", ()):
            return None
    else:
        src = make_source(np, lexicon)
    if src is None or src.kind == "unnamed" and _PROPER_NAME.fullmatch(np):
        return None
    return src, k + len(s[k:j]) - len(s[k:j].lstrip()) + (lead.end() if lead else 0)


# verbs of finding and showing: a speaker only when its subject is evidence (a poll, a study);
# verbs of counting (recorded, counted, documented) are a body's or a person's own count
# ("suggests" is not among them: a person or a body suggesting a figure is its source)
_EVIDENCE = {"found", "finds", "finding", "find", "found that", "show", "shows", "showed", "reveal", "reveals", "revealed",
             "counts", "tally"}
# a clause, not a name, before a speech verb: one opened by a subordinator or a demonstrative,
# or one whose last words are a copula and its complement
_NOT_A_SUBJECT = re.compile(
    # (a relative pronoun in lower case opening it is the subject of a clause: "which include two think …")
    r"^(?:(?-i:who|whom|whose|which)\s|after|before|even|though|although|if|when|whenever|while|because|since|unless|until|only|this|these|those|"
    r"there|then|thus|so)\b|\b(?:what|how|why)\b|\b(?:do|does|did)\b(?!\s+(?-i:[A-Z]))|\b(?-i:is|are|was|were|be|been|appears?|seems?)(?:\s+\S+){0,3}$|[-–—]$|\bto$", re.IGNORECASE)
# what may stand between a report verb and what it reports: a time ("on Tuesday", "last month"), "that"
_VERB_NEXT = re.compile(
    r"\s*(?:(?:last|this|on|early|late)\s+\w+\s+|\w+day\s+|earlier\s+|recently\s+|also\s+)?"
    r"(?:that\b|[,:“\"]|[$€£]?\d|(?:a|an|the|some|about|at\s+least|more\s+than|over|his|her|its|their)\s"
    # a gerund after "to": "X admitted to taking $40,000" (a noun is not followed so)
    r"|to\s+(?-i:[a-z]+ing)\b"
    # an existential clause: "advocates estimate there could be …" (a noun takes no "there is")
    r"|there\s+(?:is|are|was|were|will|would|could|may|might|must|has|have|had)\b"
    # a named subject and its verb: "outlets estimate Ortiz needs …" (a clause, so the word is a verb)
    r"|(?P<named>(?-i:[A-Z])[\w.'’-]+\s+(?:needs?|has|have|had|is|are|was|were|will|would|could|can|must|leads?|trails?)\b)"
    # a poll's small clause: "shows Vale with 45 percent", "showed Reed up 4 points", "show Vale leading"
    r"|(?-i:[A-Z])[\w.'’-]+\s+(?:with|at|ahead|leading|trailing|up|down|winning|beating)\b)",
    re.IGNORECASE)
_VERB_NEXT_STRICT = re.compile(
    r"\s*(?:that\b|[,:“\"]|\d|(?:a|an|the|some|about|at\s+least|more\s+than|over)\s)", re.IGNORECASE)
# a participle of estimating before "at" and a figure is passive ("a crowd estimated at 15,000",
# "losses put at $2 million"): the noun before it is what is estimated, not who estimates
_PARTICIPLES_AT = frozenset(("estimated", "put", "projected", "calculated", "pegged", "forecast"))
_PASSIVE_AT = re.compile(r"\s+at\s+(?!least\b|most\b)", re.IGNORECASE)
# a short source after a sentence's last colon, the headline's way: "… in Idlib: monitor", "…: police."
_CLOSING_SOURCE = re.compile(r":\s+(?P<np>(?:[A-Za-z][\w.'’&-]*\s+){0,3}[A-Za-z][\w'’&-]*)\s*(?P<stop>\.)?\s*\Z")
# … unless a relative clause gives it a subject: "a crowd that the campaign estimated at 3,000"
_RELATIVE_SUBJECT_END = re.compile(r"\b(?:that|which|whom)\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
                                   r"[\w.'’-]+(?:\s+[\w.'’-]+){0,2}\s+\Z", re.IGNORECASE)
_SHARE_SUBJECT = re.compile(r"\b(?:in|out\s+of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b|"
                            r"\bpercent\b|%", re.IGNORECASE)
_THAT_CLAUSE = re.compile(r"\s+that\s")
_BELIEF = {"argue", "contend", "predict", "warn", "acknowledge", "concede", "insist", "believe", "think", "fear"}
# a subject that is evidence ("The poll shows", "a survey released Friday found"): its verb is a verb
_EVIDENCE_NOUN = (r"(?:poll|polls|polling|survey|surveys|study|studies|report|data|analysis|figures|numbers|census|"
                  r"results|outcome|returns|findings|"
                  r"average|count|tally|tallies|estimates|projections|research|investigation|review|audit|records|"
                  r"statistics|index|model)")
_EVIDENCE_SUBJECT = re.compile(
    rf"\b{_EVIDENCE_NOUN}(?:\s+(?:released|conducted|published|issued)\b[^,;:]{{0,40}}?)?\s*\Z", re.IGNORECASE)
# a count, a poll or a study opening a clause with a verb of its own (gives, shows, has, puts…),
# with what it covers after a preposition and an apposition before its verb
def _evidence_cue_pattern(nouns: str) -> re.Pattern:
    """A count, a poll, a study or a document (``nouns``, an alternation) opening a clause with a
    verb of its own (gives, shows, has, puts…), with what it covers after a preposition, when it
    came out and who made it, and an apposition before its verb."""
    return re.compile(
        # … or a subordinator: "after leaked documents show", "as a study from 2011 noted" (the
        # look-behinds grouped by width, each of one fixed width)
        r"(?:^|(?<=[,;:(]\s)|(?<=\b(?:but|and)\s)|(?<=\b(?:[Aa]s|[Ii]f)\s)|(?<=\b(?:that|[Ww]hen)\s)|"
        r"(?<=\b(?:[Aa]fter|[Ss]ince|[Ww]hile)\s)|(?<=\b[Tt]hough\s)|(?<=\b[Bb]ecause\s))[\"“]?"
        # (its words hold no subordinator: "Support fell after memos showed …" opens no subject)
        r"(?P<np>(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?"
        r"(?:(?!(?:after|as|since|when|while|because|though|although|if|before|until)\s)[\w/.'’&-]+\s+){0,6}?"
        rf"(?P<head>(?i:{nouns}))(?:\s+(?P<prep>in|of|from|by|among|for|on|to)\s+"
        # (its last word no conjunction: "… combed through the records of 500 firms and found" is a
        # coordinated predicate, its subject before it)
        r"(?:(?:\d{1,3}(?:,\d{3})+|[\w/.'’&-]+)\s+){0,9}?(?!(?:and|or|but|nor)\s)[\w/.'’&-]+)?"
        # who made it: "a survey conducted by the Harlan Institute" (the maker is the source)
        r"(?:\s+(?:conducted|commissioned|carried\s+out)\s+(?:by|for)\s+(?:the\s+)?"
        r"(?:[A-Z][\w/.'’&-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){0,6}[A-Z][\w/.'’&-]*)?)"
        # when it came out: "a poll last week", "a survey out on Monday", "a poll released on Friday"
        r"(?:\s+(?:(?:last|this|earlier\s+this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)|"
        r"(?:on\s+|in\s+)?\w+day|today|yesterday))?"
        r"(?:\s+(?:out|released|published|conducted|issued)(?:\s+(?:this|last|on|in)\s+\w+|\s+\w+day|\s+today))?"
        r"(?:,\s*[^,;:]{2,100},)?\s+(?:also\s+|now\s+|still\s+|(?-i:[a-z]+ly)\s+)?"
        r"(?P<verb>gives|gave|has|had|puts|put|shows|showed|show|finds|found|suggests|suggested|indicates|"
        r"indicated|estimates|estimated|projects|projected|predicts|predicted|reveals|revealed|notes|noted|"
        r"concludes|concluded)\b")


_EVIDENCE_CUE = _evidence_cue_pattern(_EVIDENCE_NOUN)


@lru_cache(maxsize=4)
def _evidence_cue(extra: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern | None]:
    """The evidence pattern with the lexicon's further nouns of evidence (slides, emails, filings),
    and a pattern that finds those nouns (None when the lexicon adds none)."""
    if not extra:
        return _EVIDENCE_CUE, None
    alt = _phrase_alt(extra)
    return _evidence_cue_pattern(f"(?:{_EVIDENCE_NOUN}|{alt})"), re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


_EVIDENCE_PARTICIPLE = re.compile(
    rf"\b(?P<np>(?i:a|an|the|this|that|new|recent|latest)\s+(?:(?!(?i:of|a|an|the|in|for|on|with|to|by|from|and)\s)"
    rf"[\w/.'’&-]+\s+){{0,4}}?(?i:{_EVIDENCE_NOUN}))"
    r"\s+(?P<verb>(?i:showing|finding|giving|suggesting|indicating|putting))\b")
# what every verb of _EVIDENCE_CUE begins with, for a substring test before the pattern
_EVIDENCE_VERB_STEMS = ("give", "gave", "has", "had", "put", "show", "find", "found", "suggest", "indicat",
                        "estimat", "project", "predict", "reveal", "note", "conclude")
# "…, a regional daily reports.": a postposed source closing the sentence
_SENTENCE_END = re.compile(r"\s*[.!?]?[”\"’]?\s*\Z")
_AFTER_COMMA = re.compile(r",\s*[^,;:“”\"]{2,60}\Z")
_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|hundred|thousand|million|billion|dozen|first|second|third)\b", re.IGNORECASE)
_OPTIONAL_SPACE = re.compile(r"\s*")
# a number inside a capitalised name ("Channel 4 News", "Fox 5") is part of the name
_NAME_NUMBER = re.compile(r"(?P<word>\b[A-Z][\w&-]{0,15}\s)\d{1,3}\b"
                          r"(?=\s+(?!(?:Million|Billion|Thousand|Hundred|Percent|Per)\b)[A-Z][a-z]|\s*\Z)")
_NOT_A_NAME = re.compile(r"\d|n[’']t\b|\bnot\b|\b(?:said|says|told|stated)\b")
_EVIDENCE_WORD = re.compile(
    r"\b(?:poll|polls|survey|surveys|study|studies|report|reports|data|figures|analysis|records|statistics|"
    r"documents|tally|census|audit|returns|filings|emails|tallies|review|investigation|probe|count|estimates?|"
    r"research|researchers|analysts?|economists?|numbers|index|model|projections?)\b", re.IGNORECASE)
_RELATIVE_END = re.compile(r"\b(?:it|which|who)$")
_NOT_A_SUBJECT_START = re.compile(r"^(?:were|was|is|are|has|have|had|been|being|not|also|to|the\s+\w+\s+(?:were|was))\b")
# "X reported, quoting Y, that …" / "X quoted Y as saying …"
_MID_CHAIN = re.compile(r"\s*,\s*(?P<cue>citing|quoting)\s+(?P<y>[^,;:“”\"]{2,80}),", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\b(?P<cue>quoted|cited)\s+(?P<y>[^,;:“”\"]{2,80}?)\s+as\s+"
                        r"(?P<verb>saying|stating|telling|reporting|confirming|estimating)\b", re.IGNORECASE)
_LEAD_CITING = re.compile(r"\W*(?P<cue>citing|quoting)\s+(?P<y>[^,;:]{2,80}),", re.IGNORECASE)


# "The firm's chief executive, Ana Ruiz, said …": a role (a common noun heads it) and the name in
# apposition to it, between the clause's opening and the verb; the name is the speaker
_ROLE_THEN_NAME = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=,\s)|(?<=\n))[\"“]?(?P<role>(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|One|Another|"
    r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?)\s+(?:[\w.'’&-]+\s+){0,5}?(?:[a-z][\w-]*|[A-Z]{2,5})),\s*"
    # the name, and the body it belongs to: "Ann Vale of the Grace Church in Marion"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:\s+(?:of|at|with|from)\s+(?P<body>(?:the\s+)?[A-Z][^,;:“”\"]{1,60}))?,"
    r"(?:\s+(?:also|later|then|had|has|on\s+\w+day))*\s*\Z")
# a speech verb that shares its subject with the predicate before it: "X runs a plant and says
# …", "X declined to comment but said …", "X defended the plan, saying …"
_COORDINATED_VERB = re.compile(
    r"(?:\b(?:and|but)|(?<=\w),)\s+(?:(?:also|then|later|still|again|now)\s+)?\Z")
_PARTICIPLE = re.compile(r"\w+ing\Z")
# a verb of saying or thinking raised into the passive ("one man believed to be 17", "they are
# said to have fled"): the words hedge the figure (see hedges), but no one is named as saying it
_RAISED = re.compile(r"\s+to\s+(?:be|have|number|total|exceed|include|remain)\b", re.IGNORECASE)
# the auxiliary of a progressive form between a subject and its verb: "X also is pledging"
_PROGRESSIVE_END = re.compile(r"(?:\s+(?:also|now|still|again|already))*\s+(?:is|are|was|were|has\s+been|have\s+been)"
                              r"(?:\s+(?:also|now|still|again|already))*\Z")
# what may open a sentence before its subject: a short adverbial closed by a comma
_LEAD_ADVERBIAL = re.compile(
    r"\W*(?:(?:[Tt]here|[Hh]ere|[Tt]hen|[Ll]ater|[Mm]eanwhile|[Hh]owever|[Ss]till|[Nn]ow|[Ii]nstead|[Aa]lso|"
    r"(?:[Ii]n|[Oo]n|[Aa]t|[Aa]fter|[Bb]efore|[Dd]uring|[Ee]arlier|[Ll]ast|[Tt]his|[Ff]or)\s[^,;:“”\"]{1,50}),\s+)?")
# the first finite verb of a clause: an auxiliary, a verb in -s or -ed, or a common irregular past
_FINITE = re.compile(
    r"(?-i:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|does|did|"
    r"said|told|ran|led|held|took|made|gave|sought|won|lost|went|came|put|set|met|kept|left|paid|spent|"
    r"built|brought|bought|sent|spoke|wrote|got|began|chose|drew|grew|knew|saw|stood|thought|found|heard|"
    r"shot|fled|fought|caught|felt|understood|wore|drove|rode|rose|fell|broke|froze|stole|woke|ate|drank|"
    r"rang|sang|became|threw|flew|blew|shook|laid|sat|hit|cut|let|quit|"
    r"[a-z]+[a-rt-z]s|[a-z]+ed)")
_WORD_SPAN = re.compile(r"[^\s,;:]+")
_OPENING_SUBORDINATOR = re.compile(r"^(?:although|though|while|whereas|because|since|if|as|but|and|when)\s+",
                                   re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)  # "the man who police say …"
_DEFINITE = re.compile(r"(?:the|its|his|her|their)\s", re.IGNORECASE)


def _apposed_name(s: str, pos: int, lexicon: Lexicon) -> tuple[Source, int] | None:
    """``The firm's chief executive, Ana Ruiz, said``: the name after its role, and where the
    role begins; None when the words before ``pos`` are not a role and a name in apposition."""
    m = _ROLE_THEN_NAME.search(s, max(0, pos - 160), pos)
    if m is None or m.end() != pos and s[m.end():pos].strip():
        return None
    src = make_source(m["name"], lexicon)
    if src is None or src.kind not in ("person", "unnamed"):
        return None
    body = make_source(m["body"], lexicon) if m["body"] else None
    descriptor = body.name if body is not None and body.kind not in ("person", "unnamed") else src.descriptor
    return Source(src.name, "person", src.key, src.text, descriptor, src.role or m["role"].strip()), m.start()


# a sentence that opens on a list of subjects: "Teachers, parents and pastors say …"
_LIST_BEFORE = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n))[\"“]?(?P<items>(?:[^\s,;:.“”\"][^,;:.“”\"]{0,40}?,\s+){1,4}"
    r"(?:(?P<last>[^\s,;:.“”\"][^,;:.“”\"]{0,40}?),?\s+and\s+|(?P<title>[A-Z][\w.]*\s+)?))\Z")
_NOT_A_LIST_START = re.compile(
    r"(?:Yesterday|Today|Tonight|Earlier|Later|Last|Next|Now|Also|Separately|Overall|Instead|Moreover|Indeed|"
    r"Thus|Still|Again|Once|Twice|Finally|First|Second|Third|Ultimately|Otherwise|\w+day|\w+ly)\b")


# a verb in an item: a clause, not a subject ("The storm hit, roads flooded and police said")
_ITEM_VERB = re.compile(r"\b(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|rose|fell|hit|came|went|began|"
                        r"ran|got|made|took|left|won|lost|did|does|do)\b")


def _listed_subject(s: str, np: str, start: int) -> tuple[str, int]:
    """The whole list of subjects a sentence opens on, when the phrase before a speech verb is
    its last item (``Teachers, parents and pastors say``, ``Mayor A, Governor B and Senator
    C say``); else the phrase as it was."""
    m = _LIST_BEFORE.search(s, max(0, start - 200), start)
    if m is None or (m["last"] is None and " and " not in np):
        return np, start
    items = [i.strip() for i in m["items"].replace(" and ", ",").split(",") if i.strip()]
    if _NOT_SPEAKER_START.match(items[0]) or _NOT_A_LIST_START.match(items[0]) or \
            any(len(i.split()) > 5 or _NOT_A_NAME.search(i) or _NUMBER_WORD.search(i) or _ITEM_VERB.search(i)
                for i in items):
        return np, start
    begin = m.start("items")
    return s[begin:start] + np, begin


_RELATIVE_ASIDE_SPAN = re.compile(r",\s*(?:who|whom|whose|which)\s[^,;:“”\"]{1,100},", re.IGNORECASE)
_DETERMINER_END = re.compile(r"\b(?:the|a|an|its|his|her|their|our|some|many|most|all|these|those)\s+\Z", re.IGNORECASE)


def _conjunct_subject(s: str, pos: int, lexicon: Lexicon) -> Source | None:
    """The subject of the clause whose predicate a speech verb at ``pos`` is coordinated with
    (``X runs a plant and says …``), or the subject of the clause a participle hangs on
    (``X defended the plan, saying …``): the noun phrase before the clause's first finite verb."""
    lead = _LEAD_ADVERBIAL.match(s)
    start = lead.end() if lead else 0
    first = True
    # a relative clause between commas after the subject has verbs of its own ("The panel, which
    # has nine members, met …"): the clause's verb comes after it
    asides = [(a.start(), a.end()) for a in _RELATIVE_ASIDE_SPAN.finditer(s, start, pos)] if "," in s[start:pos] else ()
    for w in _WORD_SPAN.finditer(s, start, pos):
        if first:
            first = False
            continue
        if any(a <= w.start() < b for a, b in asides):
            continue
        word = w.group()
        if not _FINITE.fullmatch(word):
            continue
        if word.endswith("s") and _DETERMINER_END.search(s, max(start, w.start() - 8), w.start()):
            continue  # "The authors combed …": a plural noun after its determiner, not a verb
        after = s[w.end():w.end() + 5]
        if after.startswith((" and ", " or ", ",")):
            continue  # "experts and officials": a plural noun in a coordination, not a verb
        np = s[start:w.start()].strip()
        if np.endswith(",") and np.count(",") == 2 and (_PROPER_NAME.fullmatch(np.split(",")[0].strip())
                                                        or _RELATIVE_ASIDE.match(np, np.index(","))):
            # "Ann Vale, president of the institute, tied …": the name, not its apposition; "The
            # authors of the study, which include two groups, combed …": the phrase, not its relative clause
            np = np.split(",")[0].strip()
        if not np or np.endswith(","):
            return None
        if len(np.split()) > 7 or _RELATIVE.search(np) or _subject_reading(np, True, False) != "name":
            return None
        src = make_source(np, lexicon)
        # an unnamed subject only as a definite description ("the coach", not "some fans") or as
        # a speaker the lexicon lists ("officials", "witnesses")
        return src if src is not None and (src.kind != "unnamed" or _DEFINITE.match(np) or
                                           np.lower() in lexicon.data.get("sources", {}).get("unnamed", ())) else None
    return None


# subjects recur ("the police", "officials", "he"): each is read once
@lru_cache(maxsize=4096)
def _subject_reading(np: str, noun_like: bool, evidence: bool) -> str | None:
    """How the phrase before a speech verb reads: "pronoun" (he, she), "name", or None when it
    names no speaker (for a verb that may be a noun, or one of finding that needs evidence)."""
    if not np or _NOT_A_NAME.search(np if np.isupper() else _NAME_NUMBER.sub(r"\g<word>N", np)) or noun_like and _NUMBER_WORD.search(np):
        return None
    if evidence and not _EVIDENCE_WORD.search(np):
        return None  # "firefighters found two bodies": finding is not telling
    if _SHARE_SUBJECT.search(np):
        return None  # "Three in four say", "41 percent said": the share of a poll's answers, no one named
    low = np.lower()
    if low in ("he", "she"):
        return "pronoun"
    if low == "it":
        return "it"  # a body named before
    if low == "they":
        return "they"  # a body or a group spoken of in the plural, named just before
    last = np.split()[-1]
    # "the WHO": a word in capitals in mixed-case text is an acronym, not the pronoun
    if (low.split()[-1] in _PRONOUNS or _RELATIVE_END.search(low)) and not (last.isupper() and not np.isupper()):
        return None
    if _NOT_A_SUBJECT_START.match(low) or _NOT_A_SUBJECT.search(np):
        return None
    return "name"
# "the force", "the agency", "the spokesman": a short definite reference to a source named before
_ITS_ROLE = re.compile(r"(?:its|the\s+(?P<owner>[a-z]+)['’]s)\s+(?:(?:chief|top|senior|main|official)\s+)?"
                       r"(?P<role>[a-z]+)", re.IGNORECASE)
_SHORT_REFERENCE = re.compile(r"(?:the|this|that)\s+(?P<noun>[a-z]+)", re.IGNORECASE)
_KIND_REFERENCE = re.compile(r"(?:the|this|that)\s+(?P<kind>[a-z]+)\s+(?P<noun>[a-z]+)", re.IGNORECASE)


def _referred(np: str, before: list[Cue], earlier: Callable[[int], list[Source]], lexicon: Lexicon) -> Source | None:
    """The source named before that a body's role ("the department's spokesman", "its spokesman")
    or a short definite reference the lexicon lists ("the ministry") stands for; None if none."""
    if len(np) >= 40:
        return None
    coref = lexicon.data.get("coreference", {})
    owned = _ITS_ROLE.fullmatch(np) if np[:3].lower() in ("its", "the") else None
    if owned and owned["role"].lower() in _role_words(lexicon) and \
            (owned["owner"] is None or owned["owner"].lower() in coref):
        return _antecedent(owned["owner"] and owned["owner"].lower(), before, earlier, lexicon)
    short = _SHORT_REFERENCE.fullmatch(np)
    if short and short["noun"].islower() and short["noun"] in coref:
        return _antecedent(short["noun"], before, earlier, lexicon)
    return None


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


# whom one tells that is no outlet: "told a news conference", "told reporters at a briefing"
_GATHERING = re.compile(r"\b(?:conference|briefing|meeting|gathering|reporters|journalists|audience)s?\b", re.IGNORECASE)


def _told_outlet(s: str, verb_end: int, verb: str, lexicon: Lexicon) -> Source | None:
    """The news outlet a speaker told ("… told Interfax that …"): it reports what it was told."""
    if verb not in ("told", "tells"):
        return None
    outlet = make_source(_np_forward(s, verb_end + 1)[0], lexicon)
    return outlet if outlet is not None and outlet.kind == "media" and not _GATHERING.search(outlet.name) else None


def speaks_as_person(src: Source, lexicon: Lexicon) -> bool:
    """Whether "he"/"she" can stand for a source: a person, or one named by a role alone
    ("the mayor", "the interior minister", "a police spokeswoman")."""
    if src.kind == "person":
        return True
    if src.kind not in ("government", "police", "military", "medical", "unnamed") or not src.name \
            or not src.name.islower() or len(src.name.split()) > 3:
        return False
    return src.name.split()[-1] in _role_words(lexicon)


@lru_cache(maxsize=8)
def _role_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(r.split()[-1].lower() for r in lexicon.data.get("words", {}).get("roles", ()))


_PLURAL_BODY_KINDS = ("police", "military")
_PLURAL_REACH = 2  # sentences back: "they" is a group just named


def _plural_antecedent(before: list[Cue], earlier: Callable[[int], list[Source]]) -> Source | None:
    """The source "they" stands for: the nearest one named in the plural before it, in the
    sentence or the two before (police, troops, officials, witnesses); never a person or a body
    that is "it"."""
    def plural(src: Source) -> bool:
        last = src.name.split()[-1].lower() if src.name else ""
        return src.kind in _PLURAL_BODY_KINDS and (last in ("police", "forces", "troops") or last.endswith("s")) \
            or src.kind == "unnamed" and last.endswith("s") and not last.endswith("ss")
    for c in sorted(before, key=lambda c: -c.pos):
        for link in reversed(c.chain):
            if plural(link.source):
                return link.source
    for n in range(1, _PLURAL_REACH + 1):
        for src in earlier(n):
            if plural(src):
                return src
    return None


def _no_sources(_: int) -> list[Source]:
    return []


_ZERO_RELATIVE = re.compile(r"(?P<np>(?i:the|a|an|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?P<head>[a-z]+))"
                            r"\s+(?P<rest>(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})\Z")


_RELATIVE_WORD = re.compile(r"(?i:who|whom|that)\s+")
_AS_SUBORDINATOR = re.compile(r"[Aa]s\s+(?=(?:the\s+|an?\s+)?[A-Z]|(?:he|she)\Z)")
_RELATIVE_OPENING = re.compile(r"(?:^|\s|,)(?:who|whom|which|what)\s+(?=\S)", re.IGNORECASE)
# a relative clause's subject before its verb of saying ("which the office estimates", "what
# the group estimated"), and the gap its clause leaves: a finite verb or a subject of its own
# right after the verb of saying ("… estimates would cost", "… estimated was", "… say it takes")
_RELATIVE_CLAUSE_SUBJECT = re.compile(
    r"\b(?:which|what|whom)\s+(?:(?:the|a|an|its|their|his|her)\s+)?[\w.'’&-]+(?:\s+[\w.'’&-]+){0,3}\s+\Z",
    re.IGNORECASE)
_GAP_CLAUSE_NEXT = re.compile(
    r"\s+(?:would|will|could|can|may|might|must|should|is|are|was|were|has|have|had|it|they|he|she)\b", re.IGNORECASE)
# a figure heading a relative clause without its relative word, the clause's subject after it:
# an amount of money or a share and a speaker ("the $8 million analysts say it takes"), or a
# figure, its noun and a subject with a determiner or a name ("the 3,000 jobs the firm says it needs")
_FIGURE_HEAD_RELATIVE = re.compile(
    r"(?:(?:[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion))?|\d[\d,.]*\s?(?:%|percent))"
    r"\s+(?P<bare>(?:the\s+)?(?-i:[a-z])[\w'’-]+(?:\s+(?-i:[a-z])[\w'’-]+)?|(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*){0,3})"
    r"|\d[\d,.]*(?:\s+(?:million|billion|thousand))?(?:\s+(?-i:[a-z])[\w-]+){1,2}"
    r"\s+(?P<det>(?:the|its|his|her|their)\s+(?-i:[a-z])[\w'’-]+(?:\s+(?-i:[a-z])[\w'’-]+)?|"
    r"(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*){0,3}))\Z", re.IGNORECASE)
# a subject of its own after the relative pronoun: a determiner, a name, or a body's noun; not
# a verb ("who have run the numbers": the pronoun is the subject)
_NP_OPENING = re.compile(r"(?:the|a|an|his|her|its|their|[A-Z]\w*)\b")


def _known_speaker(np: str, lexicon: Lexicon) -> bool:
    """Whether a bare noun phrase names a body or a speaker the lexicon knows ("police",
    "witnesses"), not any plural ("the boy scouts")."""
    src = make_source(np, lexicon)
    return src is not None and (src.kind != "unnamed" or
                                src.name.lower() in lexicon.data.get("sources", {}).get("unnamed", ()))


def _zero_relative(np: str, start: int, lexicon: Lexicon) -> tuple[str, int]:
    """The speaker of a relative clause on a person: in "the man (who) police believe shot
    two", "the man" is what the clause is about and "police" speak. A person noun is no
    modifier of the noun after it, so a person noun followed by a subject of its own opens one.
    """
    m = _ZERO_RELATIVE.match(np)
    if not m or m["head"] not in person_nouns(lexicon):
        return np, start
    rest, at = m["rest"], m.start("rest")
    relative = _RELATIVE_WORD.match(rest)
    if relative:  # "the man who police say …": the same, with its relative word
        rest, at = rest[relative.end():], at + relative.end()
    if not rest or rest.split()[0].lower() in _FUNCTION_WORDS:
        return np, start
    src = make_source(rest, lexicon)
    # a name, a body, or a speaker the lexicon knows ("witnesses"): "the boy scouts" is one noun
    if src is None or src.kind == "unnamed" and \
            src.name.lower() not in lexicon.data.get("sources", {}).get("unnamed", ()):
        return np, start
    if rest.islower() and " " not in rest and not rest.endswith("s") and rest != "police" and \
            rest not in lexicon.data.get("sources", {}).get("unnamed", ()):
        # a bare singular count noun is no subject: "the refugee agency" is one noun, its
        # modifier a person noun ("the man police say": police, a plural, is a subject)
        return np, start
    return rest, start + at


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
    evidence_cue, evidence_word = _evidence_cue(tuple(lexicon.data.get("cues", {}).get("evidence", ())))
    has_evidence = (has_study or evidence_word is not None and evidence_word.search(probe) is not None) and \
        any(map(s.__contains__, _EVIDENCE_VERB_STEMS))
    prep = (_PREP_CUE_LOWER.finditer(lowered) if lowered else _PREP_CUE.finditer(s)) \
        if has_by or has_study or any(map(probe.__contains__, _PREP_WORDS)) else ()
    for m in prep:
        if _STUDY.match(s, m.start()):
            continue
        if m["cue"][:2].lower() == "in" and _SPEECH_BEFORE.search(s, max(0, m.start() - 40), m.start()):
            continue  # "the agency said in a June report": how it said it, its subject the source
        np, end = _np_forward(s, m.end())
        cue = _SPACES.sub(" ", m["cue"].lower())
        cue = "according to" if cue.startswith("according") else cue
        if not np and cue == "according to":
            title = _QUOTED_TITLE.match(s, m.end())
            np, end = (title["title"], title.end()) if title else (np, end)
        # a prepositional cue whose object is a toll, a report or figures "by X": X is the source
        inner = _PREP_CUE.match(s, m.end()) or _BODY_OF_REPORT.match(s, m.end())
        if inner:
            np, end = _np_forward(s, inner.end())
            cue = "according to" if cue == "according to" else _SPACES.sub(" ", inner.group().strip().lower())
        if np.lower() in ("it", "them") and cue == "according to":
            # "According to it, …": the body named before
            found = _antecedent(None, [c for c in cues if c.pos < m.start()], earlier, lexicon)
            if found is not None:
                cues.append(Cue((Link(found, cue),), m.start(), 1))
            continue
        chain = _chain_from(s, np, end, cue, lexicon)
        short = _SHORT_REFERENCE.fullmatch(np) if chain and len(np) < 30 else None
        if short and short["noun"].islower() and short["noun"] in lexicon.data.get("coreference", {}):
            # "according to the agency": the agency named before, as after a verb of saying
            found = _antecedent(short["noun"], [c for c in cues if c.pos < m.start()], earlier, lexicon)
            if found is not None:
                chain = [Link(found, cue)]
        if chain:
            cues.append(Cue(tuple(chain), m.start(), 1))
    for m in (_UNDER_DOCUMENT.finditer(s) if "nder " in probe else ()):
        # "under the mayor's plan": the plan's author; a document of no one's is its own source.
        # Weaker than a verb of saying: "Under the law, 3 were held, police said" is the police's
        owner = _OWNER.match(m["np"])
        src = make_source(owner["owner"] if owner else m["np"], lexicon)
        if src:
            cues.append(Cue((Link(src, "under"),), m.start(), 3, True))  # what follows it only
    for m in (_OWNED_WORDS.finditer(s) if ("'" in s or "’" in s) else ()):
        src = make_source(m["np"], lexicon)
        # "Monday's plan" names no one; a view is someone's
        if src and (m["in"] or src.kind != "person" or len(m["np"].split()) > 1):
            # "in X's view" attributes the whole sentence; X's plan or remark only what it holds or
            # introduces, and less strongly than a verb of saying ("police said X's plan costs $4 million")
            cues.append(Cue((Link(src, "in view" if m["in"] else "words"),), m.start(), 1 if m["in"] else 3,
                            not m["in"]))
    for m in (_PER.finditer(s) if "per " in probe else ()):
        np, end = _np_forward(s, m.end())
        chain = _chain_from(s, np, end, "per", lexicon)
        if chain and (m["cap"] or chain[0].source.kind not in _PER_COMMON_KINDS):
            cues.append(Cue(tuple(chain), m.start(), 1))
    for m in (_STUDY.finditer(s) if has_study else ()):
        if m["cue"][:2].lower() == "in" and _SPEECH_BEFORE.search(s, max(0, m.start() - 40), m.start()):
            continue  # "the agency said in a June report": how it said it, its subject the source
        src = make_source(m["np"], lexicon)
        if src:
            cues.append(Cue((Link(src, m["cue"].lower()),), m.start(), 1))
    # its apostrophe and the word it ends on, as the (case-sensitive) pattern has them
    has_toll = ("'" in s or "’" in s) and any(map(s.__contains__, _TOLL_WORDS))
    for m in (_POSSESSIVE_TOLL.finditer(s) if has_toll else ()):
        src = make_source(m["np"], lexicon)
        if src and m["np"].islower() and src.kind in ("person", "unnamed"):
            continue  # "the victim's count": only a body in lower case ("the army's tally")
        if src and src.kind != "person" or src and len(m["np"].split()) > 1:
            cues.append(Cue((Link(src, "toll"),), m.start(), 1))
    evidence_verbs = set()
    closing: Cue | None = None  # a postposed cue that closes the sentence
    has_chain_cue = None  # whether "citing", "quoted by", … occur: asked once, on the first verb
    for m in (evidence_cue.finditer(s) if has_evidence else ()):
        # "a survey by a college", "polling in a state" are whole; "a filing to a regulator" is the filing
        np = s[m.start("np"):m.end("head")] if m["prep"] in ("to", "for", "on") else m["np"]
        np = _OPENING_SUBORDINATOR.sub("", np)  # "…, though three surveys show": the surveys
        src = make_source(np, lexicon)
        if src:
            cues.append(Cue((Link(src, m["verb"].lower()),), m.start("np"), 2))
            evidence_verbs.add(m.start("verb"))
    for m in (_EVIDENCE_PARTICIPLE.finditer(s) if has_study and "ing " in probe else ()):
        # "days after a fresh poll showing his support at 14 percent": a poll, a study or figures
        # named anywhere, then a participle of showing: the evidence gives what the participle's
        # clause holds
        src = make_source(m["np"], lexicon)
        if src:
            cues.append(Cue((Link(src, m["verb"].lower()),), m.start("np"), 2, True))
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
        if _RAISED.match(s, m.end()):
            continue  # "a man believed to be 19", "were said to have fled": a hedge, no speaker
        if verb in _PARTICIPLES_AT and _PASSIVE_AT.match(s, m.end()) and \
                not _RELATIVE_SUBJECT_END.search(s, max(0, m.start() - 50), m.start()):
            continue  # "a crowd estimated at 15,000": a passive participle, its noun estimated by no one named
        if _took_lives(verb, s, m.end(), lexicon):
            continue  # "the storm claimed 60 lives": a verb of loss, its subject no speaker
        if upper and verb in _BELIEF:
            continue  # upper-case wire copy: a verb of belief in capitals ("LEFT VOTERS FEARING") is no attribution
        after_verb = (_VERB_NEXT_STRICT if upper else _VERB_NEXT).match(s, m.end()) if verb in _NOUN_LIKE else None
        if after_verb is not None and after_verb.groupdict().get("named") and s[m.start()].isupper():
            after_verb = None  # "Kentucky State Police is …": a capitalised word in a name, not a verb
        if verb in _NOUN_LIKE and not verb.endswith("s") and (
                _SINGULAR_BEFORE.search(s, max(0, m.start() - 40), m.start())
                or _POSSESSIVE_BEFORE.search(s, max(0, m.start() - 30), m.start())):
            continue  # "a June report", "one estimate": a singular subject would need "reports"; a noun
        if verb not in _FINITE_SAYING and _DETERMINER_BEFORE.search(s, max(0, m.start() - 40), m.start()):
            continue  # "its planned $10 billion merger", "their estimated 300": a premodifier after a possessive
        if s[m.start()].isupper() and not upper and _CAPITALISED_BEFORE.search(s, max(0, m.start() - 40), m.start()) \
                and not _title_case(s):
            continue  # "in the United States", "on The Harlan Show": the last word of a name, no verb
        if verb in _NOUN_LIKE and after_verb is None and _RELATIVE_CLAUSE_SUBJECT.search(s, max(0, m.start() - 60), m.start()) \
                and _GAP_CLAUSE_NEXT.match(s, m.end()):
            after_verb = True  # "which the office estimates would cost …": the relative clause's own verb
        if verb in _NOUN_LIKE and after_verb is None:
            w0 = max(0, m.start() - 80)
            if not (_EVIDENCE_SUBJECT.search(s, w0, m.start())
                    or _SENTENCE_END.match(s, m.end()) and _AFTER_COMMA.search(s, w0, m.start())
                    and not _AFTER_COMMA_PREP.search(s, w0, m.start())):
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
        if app and _BARE_APPOSITION.match(app["app"]) and not _PROPER_NAME.fullmatch(app["x"]):
            app = None  # "Arriving there, police began searching for …, believing": a clause, no name
        if app:
            src = make_source(app["x"], lexicon)
            if src:
                role = app["app"].strip()
                link = Link(Source(src.name, "person" if src.kind in ("person", "unnamed") else src.kind,
                                   src.key, src.text, src.descriptor, src.role or role), verb.split()[0])
                # "The department's spokesman, who would not give his name, said": the body named before
                found = _referred(app["x"].strip(), [c for c in cues if c.pos < app.start()], earlier, lexicon) \
                    if app["x"][:3].lower() in ("its", "the") else None
                if found is not None:
                    link = Link(found, verb.split()[0])
                told = _told_outlet(s, m.end(), verb, lexicon)
                # "The police chief, Oleg Sidorov, told Interfax …": the outlet he told comes first
                cues.append(Cue((Link(told, "told"), link) if told else (link,), app.start(), 2))
                continue
        behind = _subject_before_asides(s, m.start(), lexicon) if after_comma and not _PARTICIPLE.fullmatch(verb.split()[0]) \
            else None
        if behind:
            # "Vale, 44, said", "Vale, in an interview on Monday, said": the name before its asides
            told = _told_outlet(s, m.end(), verb, lexicon)
            # "The department's spokesman, who would not give his name, said": a body's role or a short
            # reference before the asides is the body named before, as without them
            speaker = _referred(behind[0].text or "", [c for c in cues if c.pos < behind[1]], earlier, lexicon) \
                or behind[0]
            # (from the verb on: a figure in an aside describes the speaker, the report says it)
            cues.append(Cue(((Link(told, "told"),) if told else ()) + (Link(speaker, verb.split()[0]),),
                            m.start(), 2, not _postposed(s, m.end(), verb)))
            continue
        # inverted: ", said X" / "” said X"
        j = m.start()
        while j > 0 and s[j - 1].isspace():
            j -= 1
        # (not after an opening quotation mark: "would risk “adding …”" quotes the words, no speaker after them)
        inv = j == 0 or s[j - 1] in ",”\"" or s[j - 2:j] == "''"
        if inv and s[j - 1:j] == "," and (_ASIDE_END.search(s, max(0, j - 40), j)
                                          or _PARTICIPLE_ASIDE_END.search(s, max(0, j - 80), j)):
            inv = False  # "The Herald, for its part, wrote …": the subject stands before the aside
        if inv and s[j - 1:j] == "," and _PARTY_TAG_END.search(s, max(0, j - 16), j):
            inv = False  # "Sen. Ada Moss, D-Ore., said …": the subject stands before the tag
        if inv and j == 0 and _PARTICIPLE.fullmatch(verb.split()[0]):
            inv = False  # "Expecting thousands, Ann Vale said …": a participle's clause, its subject after it
        if inv and verb in ("told", "tells"):
            inv = False  # "…, told reporters": whom one tells is no speaker
        if inv and s[j - 1:j] == "," and _PARTICIPLE.fullmatch(verb.split()[0]):
            inv = False  # "X defended it, saying 40 died": what follows is the content, not a speaker
        if inv:
            adv = _VERB_ADVERBIAL.match(s, m.end())
            k = adv.end() if adv else m.end()
            np, end = _np_forward(s, _OPTIONAL_SPACE.match(s, k).end())
            if (s[j - 1:j] != "," or _INVERTED_END.match(s, end)) and not np.lower().startswith("to ") \
                    and not np[:1].isdigit():  # "…, said 40 offices opened": a figure opens content, no speaker
                chain = _chain_from(s, np, end, verb.split()[0], lexicon)
                if chain:
                    cues.append(Cue(tuple(chain), m.start(), 2))
                    if s[j - 1:j] == "," and _SENTENCE_END.match(s, end):
                        closing = cues[-1]  # "…, said the agency.": it reports the whole sentence
                    continue
                if s[j - 1:j] != ",":
                    continue
                # "X, who was a nurse, said she …": what follows the verb is its content

            # "The Herald, in turn, noted the gap between …": an object, not a speaker
        np, start = _np_backward(s, m.start())
        if np and " " not in np and _NP_ADVERB_END.fullmatch(" " + np):
            np = ""  # "Vale, later claiming …": an adverb alone is no subject
        lead_as = _AS_SUBORDINATOR.match(np) if np else None
        if lead_as:
            np, start = np[lead_as.end():], start + lead_as.end()  # "As Ann Vale said, …": the subordinator is no part of her name
        if np and start > 0:
            np, start = _listed_subject(s, np, start)
        headed = False  # the speaker is a noun phrase before a relative clause: it covers what follows its verb
        if np and " " in np:
            np0 = np
            # "the owner of a bar where four were hurt says"; a phrase that reads as a name keeps its
            # own relative clause ("Aides who ran the count said")
            np, start = relative_head(s, np, start, lexicon,
                                      _subject_reading(np, verb in _NOUN_LIKE, verb in _EVIDENCE) is None)
            headed = np != np0
        inner_report = _INNER_REPORT.match(np) if np and " " in np else None
        if inner_report and len(inner_report["inner"].split()) <= 6 \
                and not _CLAUSE_INSIDE.search(inner_report["inner"]) \
                and make_source(inner_report["outer"], lexicon) is not None:
            # "State radio said the health bureau had reported …": the inner clause's own subject
            np, start = inner_report["inner"], start + inner_report.start("inner")
        head = _FIGURE_HEAD_RELATIVE.search(np) if np and _GAP_CLAUSE_NEXT.match(s, m.end()) else None
        if head:
            subject = head["bare"] or head["det"]
            src = make_source(subject, lexicon) if _subject_reading(subject, verb in _NOUN_LIKE, False) == "name" \
                else None
            if src is not None and (src.kind != "unnamed" or _known_speaker(subject, lexicon) or head["det"]):
                # the speaker of the clause on the figure before it: it covers the figure it follows
                at = start + head.start("bare" if head["bare"] else "det")
                cues.append(Cue((Link(src, _SPACES.sub(" ", verb).split()[0]),), at, 2))
                continue
        relative_from = start
        if np and " " in np:
            np, start = _zero_relative(np, start, lexicon)
        relative = start != relative_from  # "the man (who) police say …": the clause's own speaker
        inner = _RELATIVE_OPENING.search(np) if np and " " in np else None
        if inner and (_NP_OPENING.match(np, inner.end()) or _known_speaker(np[inner.end():], lexicon)):
            # "the men whom the militia had accused", "teenagers who police say opened fire": the
            # verb is the relative clause's own, its subject the words after the relative pronoun;
            # it reports what follows within the clause, never the noun the clause is about
            np, start = np[inner.end():], start + inner.end()
            src = make_source(np, lexicon) if _subject_reading(np, verb in _NOUN_LIKE, verb in _EVIDENCE) == "name" \
                else None
            if src is not None:
                cues.append(Cue((Link(src, _SPACES.sub(" ", verb).split()[0]),), start, 2, True))
            continue
        clause = _VERB_IN_SUBJECT.search(np) if np and " " in np else None
        if clause and clause.start() > 0:
            # "the party mailed a letter to members saying …", "the auditors combed the ledgers and
            # found …": a verb and its object inside the words before the verb of saying make them a
            # clause; its subject, before that verb, is the speaker
            np = np[:clause.start()].rstrip()
        if np and _PARTICIPLE.fullmatch(verb.split()[0]):
            np = _PROGRESSIVE_END.sub("", np)  # "the province also is pledging": the province
        # a verb of finding with a clause after "that" reports a proposition whoever finds it
        # ("the coroner found that 4 …", "Vale revealed that he …"); without one, finding is
        # telling only for evidence ("firefighters found two bodies")
        evidence = verb in _EVIDENCE and not _THAT_CLAUSE.match(s, m.end())
        reading = _subject_reading(np, verb in _NOUN_LIKE, evidence)
        if reading is None and not np:
            # no subject of its own: a name apposed to a role, or the subject it shares
            apposed = _apposed_name(s, m.start(), lexicon) if not evidence else None
            if apposed:
                told = _told_outlet(s, m.end(), verb, lexicon)
                cues.append(Cue(((Link(told, "told"),) if told else ()) + (Link(apposed[0], verb.split()[0]),),
                                apposed[1], 2, not _postposed(s, m.end(), verb)))
                continue
            lead = _COORDINATED_VERB.search(s, max(0, m.start() - 16), m.start())
            if lead and (lead.group().startswith(",") == bool(_PARTICIPLE.fullmatch(verb.split()[0]))):
                shared = _conjunct_subject(s, lead.start(), lexicon)
                alone = s[:lead.start()].strip() if shared is None and lead.group().startswith(",") else ""
                lead_words = _LEAD_ADVERBIAL.match(alone) if alone else None
                alone = alone[lead_words.end():] if lead_words else alone
                if alone and _PROPER_NAME.fullmatch(alone) and not _NOT_SPEAKER_START.match(alone) \
                        and len(alone.split()) <= 5:
                    # "Vale, later claiming that …, said": a name alone before the participle's
                    # clause is its subject (the clause an aside before the main verb)
                    shared = make_source(alone, lexicon)
                # (a verb of finding without "that" only for evidence: "the authors of the study … and found")
                if shared is not None and (not evidence or _EVIDENCE_WORD.search(shared.text or shared.name)):
                    cues.append(Cue((Link(shared, verb.split()[0]),), m.start(), 2,
                                    not _postposed(s, m.end(), verb)))
            continue
        if reading is None:
            continue
        if reading == "pronoun":
            # a person named earlier in the sentence first, else the last one before it
            mine = [c for c in cues if c.pos < start and speaks_as_person(c.chain[-1].source, lexicon)]
            person = max(mine, key=lambda c: c.pos).chain[-1].source if mine else last_person()
            if person is not None:
                cues.append(Cue((Link(person, verb.split()[0]),), start, 2, not _postposed(s, m.end(), verb)))
            continue
        if reading == "they":
            found = _plural_antecedent([c for c in cues if c.pos < start], earlier)
            if found is not None:
                cues.append(Cue((Link(found, _SPACES.sub(" ", verb).split()[0]),), start, 2,
                                not _postposed(s, m.end(), verb)))
            continue
        owned = _ITS_ROLE.fullmatch(np) if len(np) < 40 and np[:3].lower() in ("its", "the") else None
        if owned and owned["role"].lower() in _role_words(lexicon) and \
                (owned["owner"] is None or owned["owner"].lower() in lexicon.data.get("coreference", {})):
            # "Its spokesman said", "the agency's correspondent said": the body named before
            # speaks through its spokesman
            found = _antecedent(owned["owner"] and owned["owner"].lower(), [c for c in cues if c.pos < start],
                                earlier, lexicon)
            if found is not None:
                cues.append(Cue((Link(found, _SPACES.sub(" ", verb).split()[0]),), start, 2,
                                not _postposed(s, m.end(), verb)))
                continue
        short = _SHORT_REFERENCE.fullmatch(np) if reading != "it" and len(np) < 30 else None
        if short and not (short["noun"].islower() and short["noun"] in lexicon.data.get("coreference", {})):
            short = None  # "the police", "the army": a name of its own
        kind_word = _KIND_REFERENCE.fullmatch(np) if reading != "it" and not short and len(np) < 30 else None
        pair = f"{kind_word['kind']} {kind_word['noun']}" if kind_word else ""
        if pair.islower() and pair in lexicon.data.get("coreference", {}):
            # "the humanitarian group", "the news agency": a two-word reference the lexicon lists
            found = _antecedent(pair, [c for c in cues if c.pos < start], earlier, lexicon)
            if found is not None:
                cues.append(Cue((Link(found, _SPACES.sub(" ", verb).split()[0]),), start, 2,
                                not _postposed(s, m.end(), verb)))
                continue
        if kind_word:
            # "the police service", "the army command": a noun of reference after a word of a
            # body's kind refers to the body of that kind named before, by a word of its name
            kind = make_source(kind_word["kind"], lexicon)
            coref = lexicon.data.get("coreference", {}).get(kind_word["noun"].lower(), ())
            if kind is not None and kind.kind in coref:
                before = [c for c in cues if c.pos < start]
                found = _antecedent(kind_word["kind"].lower(), before, earlier, lexicon)
                if (found is None or found.kind != kind.kind) and kind.kind not in ("person", "unnamed"):
                    # "the UN agency" after "the IOM": the body of that kind the noun stands for
                    found = _antecedent(kind_word["noun"].lower(), before, earlier, lexicon)
                if found is not None and found.kind == kind.kind:
                    cues.append(Cue((Link(found, _SPACES.sub(" ", verb).split()[0]),), start, 2,
                                    not _postposed(s, m.end(), verb)))
                    continue
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
        if len(cue_verb.split()) > 5:  # "puts the number of children … at": the verb, its measure, its preposition
            words = cue_verb.split()
            cue_verb = " ".join(words[:3] + ["…", words[-1]])
        chain = []
        if verb in ("told", "tells"):
            obj, oend = _np_forward(s, m.end() + 1)
            outer = make_source(obj, lexicon)
            inner = make_source(np, lexicon)
            if outer and inner and outer.kind == "media" and not _GATHERING.search(outer.name):
                chain = [Link(outer, "told"), Link(inner, "told")]
        if not chain:
            src = make_source(np, lexicon)
            if src is None or len(np.split()) > (9 if src.kind in ("person", "unnamed") else 12):
                continue  # a clause, not a name (a body's name may run longer)
            chain = [Link(src, cue_verb)]
        mid = _MID_CHAIN.match(s, m.end()) if len(chain) == 1 and has_chain_cue is not False else None
        if mid:
            # "X reported, quoting Y, that …": X reports what Y gave, a chain outward
            cited = make_source(mid["y"], lexicon)
            if cited is not None:
                at = mid.start("cue")
                cues = [c for c in cues if not (c.strength == 1 and c.pos == at)]
                cues.append(Cue(tuple(chain) + (Link(cited, mid["cue"].lower()),), start, 2,
                                not _postposed(s, m.end(), verb)))
                continue
        outer = _CHAIN_BACK.match(s, m.end())
        if outer and len(chain) == 1:
            # "…, the ministry said, quoted by a news agency": the outlet quoting it comes first
            np2, _ = _np_forward(s, outer.end())
            quoting = make_source(np2, lexicon)
            if quoting:
                cues.append(Cue((Link(quoting, _SPACES.sub(" ", outer["cue"].lower())),) + tuple(chain),
                                start, 0))
                continue
        w0 = max(0, start - 130)
        # a report of a report needs "that" before the speaker: a substring test spares the search
        reported = _REPORTED_THAT.search(s, w0, start) \
            if len(chain) == 1 and (lowered is None or "that" in lowered[w0:start]) else None
        if reported is None and len(chain) == 1 and start > 0:
            # "State radio said the health bureau had reported …": the clause without "that"
            reported = _REPORTED_BARE.search(s, max(0, start - 24), start)
        if reported:
            # "the mayor noted that police said …": the report of a report is a chain, outward
            outer_cues = [c for c in cues if c.strength == 2 and c.pos < reported.start()]
            if outer_cues:
                outer_cue = max(outer_cues, key=lambda c: c.pos)
                cues.append(Cue(outer_cue.chain + tuple(chain), start, 2))
                continue
        cues.append(Cue(tuple(chain), m.start() if headed else start, 2, relative or headed or not _postposed(s, m.end(), verb)))
        if _SENTENCE_END.match(s, m.end()) and s[:start].rstrip().endswith((",", ",”", ",\"", ",’")):
            closing = cues[-1]  # "…, the agency reported.": it reports the whole sentence
    if closing is not None and len(closing.chain) == 1:
        # a speaker named within what a closing cue reports is reported by it: a chain, outward
        # ("The cuts she listed were deep, the mayor said, the Ledger reported." → [Ledger, mayor])
        outer = closing.chain[0]
        cues = [Cue((outer,) + c.chain, c.pos, c.strength, c.forward)
                if c.strength == 2 and c.pos < closing.pos and c is not closing
                and all(link.source.key != outer.source.key for link in c.chain) else c
                for c in cues]
    tag = _CLOSING_SOURCE.search(s) if ":" in s else None
    if tag and not cues:
        # a headline's source after its closing colon: "Blast kills 8 in Idlib: monitor"
        src = make_source(tag["np"], lexicon)
        listed = src is not None and src.name.lower() in lexicon.data.get("sources", {}).get("unnamed", ())
        # a body, a speaker the lexicon lists ("officials"), or a name closing a headline (no full stop)
        if src is not None and (src.kind not in ("person", "unnamed") or listed
                                or src.kind == "person" and not tag["stop"] and tag["np"][:1].isupper()):
            cues.append(Cue((Link(src, ":"),), tag.start(), 2))
    trailing = [c for c in cues if c.strength == 1 and len(c.chain) == 1 and c.chain[0].cue in ("citing", "quoting")
                and s[max(0, c.pos - 8):c.pos].rstrip().endswith(",")]
    for t in trailing:
        # "X reported that 11 died, citing Y": what X reports comes from Y, a chain outward
        speech = [c for c in cues if c.strength == 2 and c.pos < t.pos and len(c.chain) == 1]
        if speech and not any(speech[-1].pos < c.pos < t.pos for c in cues if c.strength == 2):
            said = max(speech, key=lambda c: c.pos)
            cues = [c for c in cues if c is not said and c is not t]
            cues.append(Cue(said.chain + t.chain, said.pos, 2, said.forward))
    trailing = [c for c in cues if c.strength == 1 and len(c.chain) == 1 and c.chain[0].cue == "according to"
                and s[max(0, c.pos - 8):c.pos].rstrip().endswith(",")] if "accord" in probe else ()
    for t in trailing:
        # "X said 11 died, according to Y": Y reports what X said, a chain outward [Y, X]
        speech = [c for c in cues if c.strength == 2 and c.pos < t.pos]
        if speech and not any(c.pos > t.pos for c in cues if c.strength <= 2):
            said = max(speech, key=lambda c: c.pos)
            if clause_span(s, said.pos) == clause_span(s, t.pos - 1) and all(link.source.key != t.chain[0].source.key for link in said.chain):
                cues = [c for c in cues if c is not t]
                cues.append(Cue(t.chain + said.chain, said.pos, 1, said.forward))
    for m in (_QUOTED_AS.finditer(s) if "quot" in probe or "cite" in probe else ()):
        # "The BBC quoted a hospital director as saying …": a chain from the outlet to the speaker
        np, start = _np_backward(s, m.start())
        outer, inner = make_source(np, lexicon), make_source(m["y"], lexicon)
        if outer is not None and inner is not None and _subject_reading(np, False, False) == "name":
            cues.append(Cue((Link(outer, m["cue"].lower()), Link(inner, m["verb"].lower())), start, 2))
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
# (opening on a class of two characters, the scan skips to the next candidate at C speed)
# "…, according to a new report.": a phrase after a preposition is a noun phrase, its last word no verb
_AFTER_COMMA_PREP = re.compile(r",\s*(?:according\s+to|in|by|from|under|per|citing|with|on)\s[^,;:“”\"]{0,60}\Z",
                               re.IGNORECASE)
_SINGULAR_BEFORE = re.compile(r"\b(?:a|an|one|every|each|this|that)\s+(?:[\w'’-]+\s+){0,2}\Z", re.IGNORECASE)
# "his home state", "their estimate": a possessive and at most one word that is no plural
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|your)\s+(?:(?-i:[a-z][a-z-]*[a-rt-z])\s+)?\Z",
                                re.IGNORECASE)
# words of saying that are never a premodifier: after a possessive they are the verb of a
# name that stands for its owner ("St. Mary's said 1 remained", "Macy's says")
_FINITE_SAYING = frozenset({"said", "says", "say", "told", "tells", "added", "adds"})
# a possessive determiner right before a word of saying makes it a premodifier, never a verb
# (or after a noun's possessive "'s": "the driver's estimated speed"; not a pronoun's "has": "she's said")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:its|his|her|their|our|my|your)|(?<![\w'’])(?!(?:he|she|it|that|who|there|what|"
                                r"where|here|one)['’])\w+['’]s)\s+\Z", re.IGNORECASE)
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.'’&-]*\s+\Z")
_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH})(?:\s+(?:\w+day|also|later|earlier))?\s*,?\s+\Z", re.IGNORECASE)


def _title_case(s: str) -> bool:
    """Whether most words of a sentence are capitalised (a headline in title case)."""
    words = [w for w in s.split() if w[:1].isalpha()]
    return len(words) > 1 and sum(w[0].isupper() for w in words) * 3 > len(words) * 2


_CONTRAST_OPENING = re.compile(r"\W*(?:while|whereas|although|though)\s", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(r"[;,](?:(?<=;)|\s+(?:but|while|whereas|although|though|yet)\s)", re.IGNORECASE)


def clause_span(sentence: str, pos: int) -> tuple[int, int] | None:
    """The part of the sentence that holds ``pos``, between clause dividers; None when the
    sentence has no divider (the cue nearest the figure is looked for in that part first)."""
    starts, ends = _dividers(sentence)
    if not starts:
        return None
    k = bisect.bisect_right(ends, pos)  # the dividers that end at or before pos
    lo = starts[k - 1] + 1 if k else 0
    while k < len(starts) and starts[k] < pos:
        k += 1  # a divider around pos itself divides nothing
    return lo, starts[k] if k < len(starts) else len(sentence)


@lru_cache(maxsize=64)  # asked once per figure: a sentence's dividers are found once
def _dividers(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each clause divider of a sentence starts, and where each ends, in order."""
    if ";" not in sentence and "," not in sentence:
        return (), ()
    found = [(m.start(), m.end()) for m in _CLAUSE_SPLIT.finditer(sentence)]
    lead = _CONTRAST_OPENING.match(sentence)
    if lead:
        # "While X puts it at 6, Y says 4": the clause a contrast opens ends at its first comma
        comma = sentence.find(",", lead.end())
        if comma > 0 and all(a != comma for a, _ in found):
            found = sorted(found + [(comma, comma + 1)])
    return tuple(a for a, _ in found), tuple(b for _, b in found)


# a speech verb and "that" just before a speaker: the speaker is reported by the one before
_INNER_REPORT = re.compile(r"(?P<outer>\S.*?)\s+(?:said|says|reported|reports|announced|stated|added|wrote|noted)\s+"
                           r"(?P<inner>(?:the\s+|an?\s+)?\S.*)", re.IGNORECASE)
_CLAUSE_INSIDE = re.compile(r"\b(?:had|has|have|was|were|is|are|be|been|by|to|that|if|when|as)\b", re.IGNORECASE)
_REPORTED_BARE = re.compile(rf"\b(?:said|says|reported|reports|announced|stated|added|wrote|noted)\s+\Z",
                            re.IGNORECASE)
_REPORTED_THAT = re.compile(rf"\b(?:{_SPEECH})\s+that\s*(?:,\s*[^,;:.“”\"]{{2,80}},\s*|\s[^,;:.“”\"]{{2,80}},\s*)?\Z",
                            re.IGNORECASE)


# what a verb of loss takes when it means deaths: "claimed 60 lives", "claimed the lives of 9"
_LIVES_OBJECT = re.compile(r"\s+(?:the\s+lives\b|(?:[\w,.'’-]+\s+){1,4}?lives\b)", re.IGNORECASE)


def _took_lives(verb: str, s: str, end: int, lexicon: Lexicon) -> bool:
    """Whether a verb that may report ("claimed") is a verb of loss (lexicon ``loss_verbs``)
    whose object is lives: then it tells no one's words."""
    return verb in lexicon.data.get("grammar", {}).get("loss_verbs", ()) and \
        _LIVES_OBJECT.match(s, end) is not None


def hedge_in(sentence: str, lexicon: Lexicon) -> str | None:
    """The first distancing word of a sentence, if any (not a verb of loss taking lives)."""
    for m in _kinds(lexicon)["hedge_re"].finditer(sentence.lower()):
        word = _SPACES.sub(" ", m.group().lower())
        if not _took_lives(word, sentence, m.end(), lexicon):
            return word
    return None
