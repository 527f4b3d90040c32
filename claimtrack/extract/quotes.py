"""Quotations (SPEC §5): where each quote runs, and the speaker it is attributed to, after it,
before it, or after the quote it goes on in."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from ..models import Link, Source
from .cues import _NOUN_LIKE, _QUOTE_SPEECH, _SPEECH_WORD_LOWER
from .lexicon import Lexicon
from .phrases import _CLAUSE_START, _FULL_STOP, _VERB_ADVERBIAL, _VERB_IN_SUBJECT, _chain_from, _np_forward
from .sources import _kinds, make_source


_ADVERB = r"(?:\s+(?:also|later|earlier|previously|officially|separately|publicly|initially|on\s+\w+day|today|yesterday|in\s+a\s+statement|in\s+a\s+note|had|has|have|would|could|may|were|was))*"
# a character of a speaker's name next to a quote: no clause punctuation, but "Dr. Ruiz", "Ana M. Soto"
_NP_CHAR = r"(?:[^,.;:“”\"]|" + "|".join(rf"(?<=\b{a})\." for a in (
    "Gov", "Sen", "Rep", "Mr", "Mrs", "Ms", "Dr", "Lt", "Gen", "Col", "Sgt", "Capt", "Prof", "Rev", "St", "Jr",
    "Dept", "Co", "Corp", "Inc", "Ltd", "Assn", "Univ")) + \
    r"|(?<=\b[A-Z])\.)"


def _nobody() -> Source | None:
    return None


# "Pat Ruiz: “…”", "The minister issued this statement: “…”"
# also "More from Ruiz: “…”", "Pat Ruiz and Lee Wong: “…”", "Pat Ruiz, an economist: “…”"
_COLON_SPEAKER = re.compile(
    r"(?:^|[.!?,]\s+|\n\s*|[-–—]\s*)(?:(?:More\s+)?from\s+)?"
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})"
    r"(?:,\s+(?P<desc>(?:(?!\s[-–—]\s)[^,:;.“”\"\n]){2,60}))?"
    r"(?:\s+(?:made|gave|issued|offered|posted|released|tweeted)\s+(?:the\s+following|a|this|these)\s+"
    r"(?:comments?|statements?|remarks?|note|message|tweet))?\s*:\s*\Z")
# a person or body judged by a copula and one adjective before a colon speaks the quote after
# it: "The mayor was blunt: “…”", "Police were adamant: “…”"
_JUDGED_SPEAKER = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<np>(?:[Tt]he\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)\s+(?:was|is|were|are)\s+"
    r"(?:[a-z]+ly\s+)?(?-i:[a-z]+)\s*:\s*\Z")
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
        if o == "\"":  # pages that mix typography open with a straight mark and close curly
            curly = text.find("”", m.end(), j if j >= 0 else para_end)
            j, close = (curly, "”") if curly >= 0 else (j, close)
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


# a phrase that opens on a gerund or ends on a relative pronoun names no one
_NOT_A_SPEAKER_PHRASE = re.compile(r"\A(?-i:[a-z]+ing)\s|\s(?:who|which|that)\Z", re.IGNORECASE)
# a whole clause, from the sentence's start, closed by a colon right before a quotation
_PREDICATE_COLON = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?P<clause>(?-i:[A-Z])[^.!?:;“”\"\n]{4,120}?)\s*:\s*\Z")
_AS_OPENING = re.compile(r"\A[Aa]s\s+(?=(?:the\s+|an?\s+)?[A-Z]|(?:he|she)\Z)")


def _named_speaker(np: str, verb: str, lexicon: Lexicon,
                   last_person: Callable[[], Source | None]) -> tuple[Link, ...] | None:
    """The speaker a noun phrase names before a speech verb; "he"/"she" is the last person.

    None when the phrase names no source, so the caller may look elsewhere; a pronoun with
    no person before it settles the question with no speaker.
    """
    np = _AS_OPENING.sub("", np.strip())  # "As Ann Vale said, “…”": the subordinator is no part of the name
    if np.lower() in ("he", "she"):
        person = last_person()
        return (Link(person, verb.lower()),) if person else ()
    if _NOT_A_SPEAKER_PHRASE.search(np):
        return None  # "“…” chasing critics who criticized it": a gerund's clause and a relative, no speaker
    clause = _VERB_IN_SUBJECT.search(np) if " " in np else None
    if clause and clause.start() > 0:
        # "his campaign sent out a note to donors saying: “…”": a verb and its object make a
        # clause; its subject, before the verb, speaks
        np = np[:clause.start()].rstrip()
    src = make_source(np, lexicon)
    return (Link(src, verb.lower().split()[0]),) if src else None


# "X said:", "X, the party chair, said in a statement." just before a quote
_VERB_BEFORE_QUOTE = re.compile(
    rf"(?<![\w-])(?P<verb>{_QUOTE_SPEECH})(?:{_VERB_ADVERBIAL.pattern})?\s*(?:that\s*)?[:,.]?\s*\Z", re.IGNORECASE)
_CAPITALISED_END = re.compile(r"\b[A-Z][\w.'’&-]*\s+\Z")
_ADVERB_END = re.compile(_ADVERB + r"\s*\Z", re.IGNORECASE)
# a verb of saying and the opening words of what is said, a quotation going on from them
_VERB_OBJECT_BEFORE_QUOTE = re.compile(
    rf"(?<![\w-])(?P<verb>{_QUOTE_SPEECH})(?:\s+that)?\s+(?:the|a|an|his|her|its|their|this|these|those)\s+"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,2}\s*\Z", re.IGNORECASE)
# a verb of saying, "that" and the opening words of its clause before a quotation
_VERB_THAT_BEFORE_QUOTE = re.compile(
    rf"(?<![\w-])(?P<verb>{_QUOTE_SPEECH})\s+that\s+(?:[\w'’-]+\s+){{1,4}}\Z", re.IGNORECASE)
_TRAILING_APPOSITION = re.compile(r",\s*[^,;:“”\".!?]{2,80},\Z")
# a verb of promising and "to" before the quoted words it promises: "Vale is pledging to “win 40 seats”"
_PROMISE_BEFORE_QUOTE = re.compile(
    r"(?<![\w-])(?P<verb>pledg(?:ed|es|ing)|promis(?:ed|es|ing)|vow(?:ed|s|ing)|swore|swears|vowing)"
    r"\s+to\s+(?:[\w'’-]+\s+){0,3}\Z", re.IGNORECASE)
_PROGRESSIVE_TAIL = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|would|also|again|now|repeatedly|"
                               r"\w+ly))+\s*\Z", re.IGNORECASE)
_PARTICIPLE_ASIDE = re.compile(r"\s*(?-i:[a-z]+ing)\s[^,;:“”\"]{1,100},\Z")
# (a subordinator opens the clause the subject stands in: "… a month before its chief boasted")
_NP_STOP = re.compile(r"[,;:“”\"]|\b(?-i:before|after|while|when|because|since|although|though|until|unless|whereas)\s|"
                      + _FULL_STOP)
# the subject of a clause that a participle of saying hangs on, with no comma between them
_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})\s+"
    r"(?-i:[a-z])[^.!?\n,;:“”\"]*\Z")
_MAIN_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})\s+(?-i:[a-z])[^.!?\n]*,\Z")
_APPOSITION = re.compile(r"\s*(?:who|a|an|the)\s", re.IGNORECASE)


# a sentence that opens on a name (a party tag after it) and goes on, with no quotation, up to a quote
_SUBJECT_OPENING_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<np>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)(?:\s*\([^()]{1,25}\))?"
    r"\s+(?-i:[a-z])[^.!?“”\"\n]*\Z")
_BRACKET_END = re.compile(r"\s*\([^()]{1,25}\)\Z")


def _subject_before(s: str, verb_start: int, verb: str = "") -> str:
    """The speaker just before a speech verb: back to a clause mark, over one apposition;
    for a participle after a comma, the subject of the clause it hangs on."""
    head = s[:verb_start]
    a = _ADVERB_END.search(head)
    head = head[:a.start()].rstrip() if a else head.rstrip()
    tag = _BRACKET_END.search(head, max(0, len(head) - 32)) if head.endswith(")") else None
    if tag and tag.start() > 0:
        head = head[:tag.start()]  # "Rep. Ann Vale (D-Md.) said": the party tag is no clause mark
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
        elif k >= 0 and _APPOSED_NAME.fullmatch(head, k + 1, len(head) - 1):
            return head[k + 1:-1].strip()  # "The club's manager, Tom Reed, said": the name
    last = 0
    for m in _NP_STOP.finditer(head):
        last = m.end()
    np = head[last:].strip()
    return np if 0 < len(np) <= 80 else ""


_VERB_AFTER_QUOTE = re.compile(rf"\s*,?\s*(?P<verb>{_QUOTE_SPEECH})\s+", re.IGNORECASE)
_SPEAKER_AFTER_QUOTE = re.compile(
    rf"\s*(?:(?:for|to|of|in|on|at|about|with)\s[^,.;:“”\"\n]{{1,40}},\s*)?,?\s*"
    rf"(?P<np>{_NP_CHAR}{{1,80}}?)(?:,\s*(?P<app>[^,.;:“”\"]{{1,80}}),)?{_ADVERB}\s+"
    rf"(?P<verb>{_QUOTE_SPEECH})\b", re.IGNORECASE)
_TO = re.compile(r"to\s+", re.IGNORECASE)
# after a speaker and verb, words of place or manner, then "according to" the one reporting them
_THEN_ACCORDING = re.compile(r"(?:\s+[^,.;:“”\"\n]{1,60}?)?,\s*according\s+to\s+", re.IGNORECASE)
_APPOSED_NAME = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+\s*")  # ", Tom Reed," after a role
_ONE_PERSON = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+")  # a name of capitalised words
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
        k = m.end()
        if m["verb"].lower() == "according":  # "“…,” according to X": the preposition is no name
            to = _TO.match(after, k)
            k = to.end() if to else k
        np, end = _np_forward(after, k)
        cue = "according to" if k > m.end() else m["verb"].lower().split()[0]
        chain = _chain_from(after, np, end, cue, lexicon)
        if chain:
            return tuple(chain)
    m = _SPEAKER_AFTER_QUOTE.match(after)
    if m and m["np"].strip().lower() in ("he", "she"):
        # "Sen. Ann Vale (D-Mo.) scolded him: “…,” she said": the person the sentence opens on,
        # before the quote, is the one "she" stands for, before anyone named earlier
        subject = _SUBJECT_OPENING_BEFORE.search(text, max(0, qs - 200), qs)
        src = make_source(subject["np"], lexicon) if subject else None
        if src is not None and src.kind == "person":
            return (Link(src, m["verb"].lower().split()[0]),)
    if m:
        named = _named_speaker(m["np"], m["verb"], lexicon, last_person)
        if named and m["app"] and named[0].source.kind != "person":
            # "“…,” the hospital director, Dr Ana Ruiz, said": the name in apposition to a role
            person = make_source(m["app"], lexicon)
            if person is not None and person.kind == "person" and _ONE_PERSON.fullmatch(person.name):
                role = " ".join(filter(None, (person.role, named[0].source.name)))
                named = (Link(replace(person, role=role), named[0].cue),)
        if named:
            acc = _THEN_ACCORDING.match(after, m.end())
            if acc:  # "“…,” she said, according to the Ledger": the Ledger reports what she said
                np, end = _np_forward(after, acc.end())
                outer = _chain_from(after, np, end, "according to", lexicon)
                if len(outer) == 1 and all(link.source.key != outer[0].source.key for link in named):
                    return tuple(outer) + tuple(named)
            return named
        # "he said" with no one named before: the words before the quote may name him
    if after_only:
        return ()
    before = text[max(0, qs - 200):qs]
    m = _VERB_BEFORE_QUOTE.search(before)
    if m and m["verb"][0].isupper() and _CAPITALISED_END.search(before, max(0, m.start() - 40), m.start()):
        m = None  # "… on The Harlan Show on Tuesday. “…”": the last word of a name, no verb
    if m:
        np = _subject_before(before, m.start(), m["verb"].lower())
        named = _named_speaker(np, m["verb"], lexicon, last_person) if np else None
        if named is not None:
            return named
    m = _VERB_OBJECT_BEFORE_QUOTE.search(before)
    if m:
        # "Vale said the plan “works: 40 jobs”": a quotation within what a speaker says is hers
        np = _subject_before(before, m.start(), m["verb"].lower())
        named = _named_speaker(np, m["verb"], lexicon, last_person) if np else None
        if named is not None:
            return named
    m = _VERB_THAT_BEFORE_QUOTE.search(before)
    if m:
        # "Vale said that it was “100 percent ready”": a quotation inside the clause a verb of
        # saying introduces is the speaker's
        np = _subject_before(before, m.start(), m["verb"].lower())
        if not np:  # "Tom Reed, chair of the panel, said that …": the name before its apposition
            head = before[:m.start()].rstrip()
            app = _TRAILING_APPOSITION.search(head)
            np = _subject_before(head[:app.start()] + " ", app.start() + 1, "") if app else ""
        named = _named_speaker(np, m["verb"], lexicon, last_person) if np else None
        if named is not None:
            return named
    m = _PROMISE_BEFORE_QUOTE.search(before)
    if m:
        head = _PROGRESSIVE_TAIL.sub("", before[:m.start()] + " ").rstrip()
        if head.endswith(","):
            k = head.rfind(",", 0, len(head) - 1)
            if k >= 0 and _PARTICIPLE_ASIDE.match(head, k + 1):
                head = head[:k]  # "Vale, celebrating a win, is pledging": the subject before the aside
        np = _subject_before(head, len(head), "")
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
    m = _JUDGED_SPEAKER.search(before)
    if m and not _NOT_SPEAKER_START.match(m["np"]):
        src = make_source(m["np"], lexicon)
        if src and src.kind != "unnamed":  # "The mayor was blunt:", not "The scene was grim:"
            return (Link(src, ":"),)
    m = _VERB_SPEAKER_BEFORE_QUOTE.search(before)
    if m and (_VERB_ADVERBIAL.match(" " + m["np"]) or _CLAUSE_START.match(m["np"].strip())
              or m["verb"].lower() in _NOUN_LIKE):
        m = None  # a verb followed by its manner ("said in a letter.") or a noun phrase that is no speaker
    colon = _PREDICATE_COLON.search(before) if m is None else None
    if colon:
        # "Reed later apologized: “…”", "The institute offered a warning: “…”": the
        # named subject of the clause a colon closes speaks the quotation it opens
        from .attribution import _conjunct_subject  # (the stage after this one reads subjects)
        clause = colon["clause"]
        src = _conjunct_subject(clause, len(clause), lexicon)
        if src is not None and src.kind != "unnamed":
            said = _kinds(lexicon)["speech_lower"].search(clause.lower())
            cue = " ".join(said.group().split()) if said else ":"
            # the clause's own verb of saying is the cue ("put it plainly:"), else the colon
            return (Link(src, cue if cue.startswith(("put", "raised", "even", "speak", "spoke")) else cue.split()[0]),)
    if m and m["verb"].lower() in ("told", "tells"):
        # "The mayor told the council: “…”": whom one tells is no speaker; the teller is
        t = _TELLER.search(before)
        named = _named_speaker(t["np"], "told", lexicon, last_person) if t else None
        return named or ()
    if m and re.search(r"[\w.'’)]\s*\Z", before[:m.start()]):
        # "The Ledger reveals a few numbers: “…”": a subject before the verb, its object after
        # it; the subject is the speaker, never the object
        np = _subject_before(before, m.start(), m["verb"].lower())
        named = _named_speaker(np, m["verb"], lexicon, last_person) if np else None
        return named or ()
    if m and not _VERB_IN_SUBJECT.search(" " + m["np"]):
        # ("… said contractors built a cushion into their bids." before a quote: a clause, no speaker)
        src = make_source(m["np"], lexicon)
        if src:
            return (Link(src, m["verb"].lower().split()[0]),)
    return ()
