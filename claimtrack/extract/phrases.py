"""Phrases around cues: the noun phrase after a preposition or an inverted verb, the subject
before a verb, and the chain a phrase starts ("X, citing Y"), each found in one lazy scan per
string so that runs of cues stay linear."""
from __future__ import annotations

import bisect
import re
import threading

from ..models import Link, Source
from .lexicon import Lexicon
from .metrics import _phrase_alt
from .sources import _BODY_OF_REPORT, _NP_TAIL, _SPACES, make_source


_CHAIN_FORWARD = re.compile(r"\s*,?\s*(?:(?:which|who)\s+(?P<cue1>cites|cited|quotes|quoted|citing)|(?P<cue2>citing|quoting))\s+", re.IGNORECASE)
_CHAIN_BACK = re.compile(r"\s*,?\s*(?P<cue>quoted\s+by|cited\s+by|as\s+quoted\s+by|according\s+to)\s+", re.IGNORECASE)
# a full stop after "Gov", "Sen", "Mr" or an initial ends no name: "said Sen. Ada Moss"
_NOT_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in (
    "Gov", "Sen", "Rep", "Mr", "Mrs", "Ms", "Dr", "Lt", "Gen", "Col", "Sgt", "Capt", "Cmdr", "Prof", "Rev",
    "St", "Jr", "Sr", "Atty", "Supt", "Insp", "Det", "Maj", "Cpl",
    "Dept", "Depts", "Co", "Corp", "Inc", "Ltd", "Assn", "Univ", "Mt", "Ft")) + r"(?<!\b[A-Z])"
# a full stop that ends a sentence; the look-ahead spares the look-behinds at every other character
_FULL_STOP = r"(?=[.!?])" + _NOT_ABBREVIATION + r"[.!?]"
_NAME_BEFORE_AND = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}\Z")
_ASIDES = ("for one", "however", "too", "though", "meanwhile", "in turn", "in fact", "for example",
           "for instance", "for its part", "for his part", "for her part", "for their part", "in response")
_ASIDE_END = re.compile(r",\s*(?:%s),?\s*\Z" % _phrase_alt(_ASIDES), re.IGNORECASE)
_ASIDE_LAST_WORDS = tuple(dict.fromkeys(a.split()[-1] for a in _ASIDES))  # what _ASIDE_END ends on
# a participle's aside between a subject and its verb ("…, speaking on local radio, said"); not
# "citing"/"quoting", which name a second source
_PARTICIPLE_ASIDE_END = re.compile(r",\s*(?!citing\b|quoting\b)(?-i:[a-z])+ing\b[^,;:“”\"]{0,60},\s*\Z", re.IGNORECASE)
_PARENTHETICAL_END = re.compile(r"\s*\([^()]{1,25}\)\s*\Z")
_NP_END = re.compile(
    r"\s*(?:[,;:()\[\]“”\"‘]|" + _FULL_STOP + r"(?:\s|$)|\s[-–—]\s|\s+(?:that|(?<!\bthe\s)who|which|whose|when|while|where|after|"
    r"before|because|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in\s+a\s+(?:statement|note|press|news|report|post|tweet|message|briefing|televised)|"
    r"on\s+(?:facebook|twitter|telegram|x|social|state|its|his|her|their|television|tv)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|late|last)\b|"
    r"early\s+(?:on\s+)?(?:\w+day|this|last|in\s+the)\b|"  # "said Ann Vale early Friday": when, not who
    r"and\s+(?:that|the|a|\d)|as\b|to\s+(?:the|a)\b|(?:were|was|are|is|had|has|have|will|would|could)\b|"
    r"said|says|say|told|added|estimated|reported|claimed|stated|announced|confirmed|"
    # a noun after a determiner is no verb: "according to one report", "the estimate"
    # (nor one that closes the phrase: "according to a new report.")
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bone\s)(?<!\bthis\s)(?<!\bits\s)(?:estimate|report|claim)(?![.,;:]|\s*\Z)|"
    r"show|shows|showed|put|indicate|indicates|suggest|suggests|"
    # a figure ends a name, a year or a compound after a determiner does not: "the 2009 paper",
    # "a 12-page report"
    r"(?:(?!(?:19|20)\d\d\s+[a-z]|\d+-[a-z])|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s))\d))",
    re.IGNORECASE)
_WINDOW = 300
_CLAUSE_START = re.compile(r"(?:that|which|who|whether|if|when|while|because|and|but|in|on|at|for|with|after|before|during|since|until|into|over|under|of|about|from)\b", re.IGNORECASE)


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
    r"actually|repeatedly|often|further|then|subsequently|additionally|likewise|similarly|"
    # adverbs of frequency and manner a speaker's name runs into: "X continually brags"
    r"continually|constantly|consistently|frequently|routinely|regularly|privately|openly|proudly|"
    r"falsely|wrongly|correctly|accurately|rightly|recently|flatly|immediately|originally|ultimately|"
    r"finally|formally|explicitly|specifically|confidently|frankly|bluntly))+\s*$", re.IGNORECASE)
# how a phrase that either pattern above can trim ends (any "on …day" ends in "day"), and the
# words that open a trailing "released …"
_NP_ADVERB_LAST_WORDS = ("also", "later", "earlier", "previously", "officially", "separately", "publicly",
                         "initially", "had", "has", "have", "would", "could", "may", "day", "statement", "note",
                         "still", "now", "already", "never", "just", "even", "clearly", "actually", "repeatedly",
                         "often", "further", "then", "subsequently", "additionally", "likewise", "similarly", "far",
                         "date", "continually", "constantly", "consistently", "frequently", "routinely", "regularly",
                         "privately", "openly", "proudly", "falsely", "wrongly", "correctly", "accurately", "rightly",
                         "recently", "flatly", "immediately", "originally", "ultimately", "finally", "formally",
                         "explicitly", "specifically", "confidently", "frankly", "bluntly")
_NP_TAIL_LAST_WORDS = ("week", "month", "year", "night", "day")
_NP_TAIL_VERBS = ("released", "conducted", "published", "issued")


# an aside between dashes before a verb: its closing dash, and any dash standing alone
_DASH_ASIDE_END = re.compile(r"\s(?:--?|[—–])\s*\Z")
_DASH = re.compile(r"\s(?:--?|[—–])\s")


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
    closing = _DASH_ASIDE_END.search(s, max(w0, pos - 4), pos)
    if closing:
        # "The company — which runs the camps — said": the subject stands before the aside
        opening = None
        for opening in _DASH.finditer(s, w0, closing.start()):
            pass
        if opening is not None and opening.start() > w0:
            return _np_backward(s, opening.start())
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
    if s[max(w0, j - 1):j] == ",":
        part = _PARTICIPLE_ASIDE_END.search(s, max(w0, j - _TAIL_REACH - 16), end)
        if part and part.start() > w0:
            end = part.start()  # "The head of the team, speaking on radio, said": the head
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
    if "-" in np or "—" in np or "–" in np:
        dash = None
        for dash in _DASH.finditer(s, start, end):
            pass
        if dash is not None:
            # "Forty people died - the ministry said": a dash standing alone ends a clause
            start = dash.end()
            np = s[start:end].strip()
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


# a person's name apposed to a description, closing its phrase: ", Ann Price," / ", Ann Price."
_APPOSED_NAME = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})(?=\s*(?:[,.;:!?”\"]|\Z))")


def _is_role(np: str, lexicon: Lexicon) -> bool:
    """Whether a phrase's head (its first noun before a preposition) is a role word of the lexicon."""
    head = _ROLE_HEAD.match(np)
    return head is not None and head["head"].lower().rstrip("s") in {
        r.rstrip("s") for r in lexicon.data.get("words", {}).get("roles", ())}


_ROLE_HEAD = re.compile(r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,2}?(?P<head>[a-z][\w-]*)"
                        r"(?=\s+(?:of|for|at|in|with|from)\b|\s*\Z)", re.IGNORECASE)


def _chain_from(s: str, np: str, np_end: int, cue: str, lexicon: Lexicon) -> list[Link]:
    """The source named by ``np`` and whom it cites ("X, which cites Y" / "Y, quoted by X")."""
    first = make_source(np, lexicon)
    if first is None:
        return []
    # only a description of a person (a role word: "the coroner", "a lawyer for the family")
    apposed = _APPOSED_NAME.match(s, np_end) if not first.name[:1].isupper() and first.kind != "media" \
        and _is_role(np, lexicon) else None
    if apposed:
        # "said the coroner, Ann Price,": a description, then the name it is apposed to
        named = make_source(apposed["name"], lexicon)
        if named is not None and named.kind == "person":
            first = Source(name=named.name, kind="person", key=named.key, text=f"{np}, {apposed['name']}",
                           descriptor=named.descriptor, role=named.role or first.name)
            np_end = apposed.end("name")
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


# what a speech verb may be followed by before its inverted speaker or its clause: "said in a statement"
_VERB_ADVERBIAL = re.compile(
    r"(?:\s+(?:in\s+an?\s+(?:\w+\s+)?(?:statement|interview|email|e-mail|letter|memo|tweet|post|note|release|"
    r"speech|report)|on\s+\w+day|(?:(?:early|late)\s+(?:on\s+)?)?\w+day|(?:(?:early|late)\s+)?last\s+(?:week|month|year|night)|"
    r"this\s+(?:week|month|year)|earlier|"
    r"later|also|recently|then)\b)+,?", re.IGNORECASE)


# a past verb with its object or particle inside a subject's words: a clause, not a noun phrase
# ("mailed a letter", "combed through the ledgers"; "the retired general" has no object after it)
_VERB_IN_SUBJECT = re.compile(
    r"(?<!\bwho)(?<!\bwhich)(?<!\bthat)"  # a relative clause inside the subject: "advisers who ran the numbers"
    r"(?:\s(?:also\s+|then\s+|eventually\s+|later\s+)?)(?-i:(?:[a-z]+ed|sent|built|made|took|gave|held|put|wrote|told|spent|"
    r"paid|brought|bought|ran|led|won|lost|cut|set|met|got|began|drew|found|kept|left|hit))\s+"
    r"(?=(?:a|an|the|his|her|its|their|out|up|through|into|off|over|down|back|\d|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b)", re.IGNORECASE)

# a relative word that opens a clause on the noun before it ("a bar where …", "a boy who …")
_RELATIVE_IN = re.compile(r"\s(?:where|when|who|whom|whose|which|that)\s", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"(?:^|\s)(?:where|when|that)\s*\Z", re.IGNORECASE)
_RELATIVE_REACH = 3  # relative clauses in a row ("a bar where four were hurt when a fight broke out")
_DETERMINER_WORDS = frozenset(("a", "an", "the", "his", "her", "its", "their", "this", "that", "these", "those"))


def _finite_words(lexicon: Lexicon) -> frozenset[str]:
    g = lexicon.data.get("grammar", {})
    return frozenset(w for k in ("auxiliaries", "modals", "irregular_past") for w in g.get(k, ())) | {"says", "tells"}


def _is_clause(words: list[str], finite: frozenset[str]) -> bool:
    """Whether words hold a finite verb (an auxiliary, a modal, a past form): a clause, not a
    noun phrase. A past form after a determiner is a premodifier ("the wounded man")."""
    for k, w in enumerate(words):
        low = w.lower().strip(".,;:!?”\"’")
        if low in finite or len(low) > 4 and low.endswith("ed") and \
                not (k and words[k - 1].lower() in _DETERMINER_WORDS):
            return True
    return False


def _head_of_relative(np: str, finite: frozenset[str]) -> str | None:
    """The noun phrase before a relative clause inside ``np`` ("the mother of a boy who was
    hurt": the mother of a boy); None when no relative clause with a verb of its own follows it."""
    rel = _RELATIVE_IN.search(np)
    if rel is None or not _is_clause(np[rel.end():].split(), finite):
        return None
    head = np[:rel.start()].strip()
    words = head.split()
    if not words or _is_clause(words, finite) or words[-1].lower() in _DETERMINER_WORDS or len(words) > 8:
        return None
    return head


def relative_head(s: str, np: str, start: int, lexicon: Lexicon, inside: bool = True) -> tuple[str, int]:
    """The speaker before a verb of saying when the words before it end in a relative clause:
    the noun phrase the clause hangs on ("The owner of a bar where four were hurt when a fight
    broke out says …": the owner of a bar, not "a fight"; "The mother of a boy who was hurt
    says …": the mother of a boy). With ``inside`` false, a relative clause within the phrase
    stays in it ("Aides who ran the count said"): only one the phrase was cut after is read so.
    Else the phrase as it was."""
    if not np:
        return np, start
    finite = _finite_words(lexicon)
    at, phrase = start, np
    for _ in range(_RELATIVE_REACH):
        head = _head_of_relative(phrase, finite) if inside or phrase is not np else None
        if head is not None:
            return head, at
        before = _RELATIVE_BEFORE.search(s, max(0, at - 8), at)
        if before is None or not _is_clause(phrase.split(), finite):
            return np, start
        prev, prev_start = _np_backward(s, before.start())
        if not prev or prev_start >= before.start():
            return np, start
        words = prev.split()
        if not _is_clause(words, finite):
            if words[-1].lower() in _DETERMINER_WORDS or len(words) > 8:
                return np, start
            return prev, prev_start
        at, phrase = prev_start, prev
    return np, start
