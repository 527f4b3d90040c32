"""Sentences: where each one starts and ends in the text, as (start, end) offsets.

A sentence ends
- at ``. ! ?`` (with closing quotes or brackets) before white space and a word that does not
  open in lower case: a capital of any cased script, a digit, or a letter of an uncased
  script (Arabic, Devanagari, Chinese…); in a text with no capital at all (lower-cased
  copy, chat), before any word;
- at a full stop run into a capitalised word (``police.The``) or into a whole number and
  white space (``fast.14 people``), after a word of two lower-case letters or more: not in
  ``U.S.``, ``e.g.``, ``approx.30``, decimals or web addresses;
- always at the full stops of scripts that have their own (Devanagari ``।``, Urdu ``۔``,
  Chinese and Japanese ``。！？``, Arabic ``؟``);
- at a blank line, and at the end of the text;
- at the line break before a list item (a line that opens with a bullet: ``•``, ``-``, ``*``
  and white space), and between two lines that each give a label and its value
  (``Killed: 12`` over ``Displaced (as of Monday): 400``): an item ends with its line.
A full stop after an abbreviation (``Gen.``, ``approx.``), a single letter or a run of initials
(``M.D.``) ends nothing.

A run with no stop is cut once it is longer than MAX_SENTENCE characters, at the last clause
boundary (``; : ,`` or a dash) past MIN_CUT, else at the last white space, else at the limit:
a sentence, and the claims that keep it, are bounded whatever the text.
"""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

# The stop characters open every match, so that `re` skips the text between them in C; the
# branch is then picked by a look-behind on the character matched.
_BOUNDARY = re.compile(
    r"""[.!?\n।॥۔؟。！？]"""
    r"""(?:(?<=[.!?])[.!?]*["”’')\]]*(?=\s+["“‘(\[]?(?P<next>\w))"""  # a stop, space, a word
    r"""|(?<=[.!?])(?=(?P<glued>[^\W\d_])(?:[^\W\d_]|[^\S\n]))"""  # a full stop (or ! ?) run into a word
    r"""|(?<=[.!?])(?=(?P<gluednum>\d)[\d,]*\s)"""  # … or into a whole number and a space
    r"""|(?<=[।॥۔؟。！？])["”’')\]]*"""  # a script's own full stop
    r"""|(?<=\n)\s*\n"""  # a blank line
    r"""|(?<=[.!?])["”’')\]]*\s*$)(?=(?P<space>\s*))""")

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "maj",
    "cpl", "pvt", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u",
    "a.m", "p.m", "d.c", "mt", "ft", "det", "insp", "supt", "cmdr", "adm", "rev", "hon", "pres",
    "dept", "gov't", "approx", "est", "fig", "ave", "blvd", "rd", "la", "fla", "calif", "tex",
    "ariz", "mich", "ill", "pa", "va", "wash", "ga", "ky", "tenn", "ala", "ore", "okla", "colo",
    "conn", "mass", "minn", "wis", "ind", "kan", "neb", "nev", "md", "del", "vt", "n.y", "n.j",
    "rs", "nos", "vol", "pp", "para", "art", "sec", "cf", "viz", "etc", "e.g", "i.e", "al",
})
_ABBREVIATION_LONGEST = max(map(len, ABBREVIATIONS))

MAX_SENTENCE = 800
MIN_CUT = 400
_CLAUSE_MARK = re.compile(r"[;:,](?=\s)|\s[-–—]+\s")
_SPACE = re.compile(r"\s")

_WORD_BEFORE_DOT = re.compile(r"[\w.']+\Z")
_LEADING_WS = re.compile(r"\s*")
_WEB_WORD = re.compile(r"(?:https?:|www\.|@|/)\S*\Z", re.IGNORECASE)


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` is an abbreviation or a single letter."""
    # a word of letters longer than any abbreviation is none: no search needed
    if dot > _ABBREVIATION_LONGEST and text[dot - _ABBREVIATION_LONGEST - 1:dot].isalpha():
        return False
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - _ABBREVIATION_LONGEST - 1), dot)
    if not word:
        return False
    w = word.group().lower()
    # a single letter, or a run of initials ("M.D. Harmon", "J.R. Smith"), as "U.S." is
    return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALS.fullmatch(w) is not None


# a whole number standing alone before a full stop ("killed 3.The"): not "1.2.The", "No.3"
_WHOLE_NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d[\d,]*\Z")


def _glued(text: str, dot: int, first: int) -> bool:
    """``police.The``: a word of two lower-case letters or more, or a whole number standing
    alone (``killed 3.The``), a full stop, then a capital and a lower-case letter; not a web
    address (``example.Com``) or a run of initials."""
    after_word = (text[dot - 2:dot].isalpha() and text[dot - 2:dot].islower()
                  and not _WEB_WORD.search(text, max(0, dot - 80), dot))
    # a capital and a lower-case letter, or a one-letter word ("hurt.A man"; not "U.S.A. ")
    word = text[first + 1:first + 2].islower() or (text[first] in "AI" and text[first + 1:first + 2] == " ")
    return ((after_word or _WHOLE_NUMBER_BEFORE.search(text, max(0, dot - 20), dot) is not None)
            and text[first].isupper() and word)


def _ends(text: str, m: re.Match, caseless: bool) -> bool:
    """Whether the stop matched by ``m`` ends a sentence."""
    stop = m.start()
    ch = text[stop]
    if m["glued"] is not None:
        return _glued(text, stop, m.start("glued")) and not _abbreviation(text, stop)
    if m["gluednum"] is not None:
        # "spread fast.14 people died": after a lower-case word, not a decimal ("3.5"), an
        # abbreviation ("No.4", "approx.30") or a web address
        return (text[stop - 2:stop].isalpha() and text[stop - 2:stop].islower()
                and not _abbreviation(text, stop) and not _WEB_WORD.search(text, max(0, stop - 80), stop))
    nxt = m["next"]
    if nxt is not None:
        # a word that does not open in lower case: a capital, a digit, an uncased script
        if not (caseless or nxt.isdigit() or (nxt.isalpha() and not nxt.islower())):
            return False
    return not (ch == "." and _abbreviation(text, stop))


def _cut(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """(start, end) into ``out``, cut into pieces of at most MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = None
        for m in _CLAUSE_MARK.finditer(text, start + MIN_CUT, limit):
            cut = m.start() + 1
        if cut is None:
            space = text.rfind(" ", start + MIN_CUT, limit)
            if space < 0:
                sp = None
                for sp in _SPACE.finditer(text, start + MIN_CUT, limit):
                    pass
                space = sp.start() if sp else -1
            cut = space if space > start else limit
        out.append((start, cut))
        start = _LEADING_WS.match(text, cut).end()
    if start < end:
        out.append((start, end))


_LINE_START = re.compile(r"(?:\A|\n[^\S\n]*\n)\s*")  # the text's first line, or one after a blank line
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*|\d[\d,.]*)\Z")
_FIRST_WORD = re.compile(r"[\"“‘(]?([^\W\d_][\w'’-]*)")
MAX_HEADING_WORDS = 20


@lru_cache(maxsize=1)
def _closed_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that cannot end a heading (they ask for what follows), and words that open a
    sentence (a determiner or a pronoun): the grammar layer's closed classes."""
    from .lexicon import default_lexicon
    g = default_lexicon().data.get("grammar", {})
    tails = {w for key in ("determiners", "prepositions", "conjunctions", "auxiliaries", "relatives")
             for w in g.get(key, ())}
    openers = {w for key in ("determiners", "pronouns") for w in g.get(key, ())}
    return frozenset(tails), frozenset(openers)


def _heading_ends(text: str) -> list[int]:
    """Where a heading line ends: a line of its own (the text's first, or one after a blank
    line) of at most MAX_HEADING_WORDS words with no closing punctuation, followed by a line
    that opens a sentence. Hard-wrapped prose is told apart: a heading's last word does not
    ask for more (a determiner, a preposition…), and the next line is a whole paragraph (it
    ends a sentence) or clearly longer; a name run over the break (a capital on both sides)
    stays whole unless the next line opens with a determiner or a pronoun."""
    ends: list[int] = []
    if "\n" not in text:
        return ends
    for m in _LINE_START.finditer(text):
        start = m.end()
        nl = text.find("\n", start)
        if nl < 0:
            break
        line = text[start:nl].rstrip()
        nxt_end = text.find("\n", nl + 1)
        nxt = text[nl + 1:nxt_end if nxt_end >= 0 else len(text)].strip()
        if not line or not nxt or len(line.split()) > MAX_HEADING_WORDS:
            continue
        last = _LAST_WORD.search(line)
        first = _FIRST_WORD.match(nxt)
        if last is None or first is None or not first.group(1)[0].isupper():
            continue
        tails, openers = _closed_words()
        if last.group(1).lower() in tails:
            continue
        # a line in capitals over one that is not (``UPDATED 14:05 GMT`` / ``Police said``)
        # is a heading, not a name run over the break
        shouting = line.isupper() and not nxt.isupper()
        if last.group(1)[0].isupper() and first.group(1).lower() not in openers and not shouting:
            continue
        if line.isupper() and nxt.isupper() and last.group(1)[0].isdigit() and \
                first.group(1).lower() not in openers:
            continue  # capitals tell nothing in wire copy: "… SAID 14 / PEOPLE WERE …" runs on
        whole = nxt[-1:] in ".!?\"”'’)" or nxt_end < 0
        if not whole and len(nxt) < 1.25 * len(line):
            continue
        ends.append(start + len(line))
    return ends


# a list item's line: a bullet and white space opening it
_ITEM = re.compile(r"\n[^\S\n]*[•·▪◦‣*\-–—][^\S\n]+(?=\S)")
_MARKER = re.compile(r"[•·▪◦‣*\-–—][^\S\n]+")
# a line that gives a label and its value: "Killed (cumulative): 3,400", "- Displaced: 400"
_LABEL_LINE = re.compile(r"[^\S\n]*(?:[•·▪◦‣*\-–—][^\S\n]+)?[A-Z][^\n:.!?;]{0,80}:[^\S\n]+[^\s:][^\n]*")


def _item_ends(text: str) -> list[int]:
    """Where a line ends before a list item, or before a label line under another one."""
    ends = [m.start() for m in _ITEM.finditer(text)]
    if ":" in text:
        pos = text.find("\n")
        while pos >= 0:
            nxt = text.find("\n", pos + 1)
            prev = text.rfind("\n", 0, pos) + 1
            if _LABEL_LINE.fullmatch(text, prev, pos) and \
                    _LABEL_LINE.fullmatch(text, pos + 1, nxt if nxt >= 0 else len(text)):
                ends.append(pos)
            pos = nxt
    return sorted(set(ends))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, leading white space excluded."""
    spans = _sentence_spans(text)
    cuts = _heading_ends(text)
    if "\n" in text:
        cuts = sorted(set(cuts) | set(_item_ends(text)))
    for cut in cuts:
        k = bisect.bisect_right(spans, (cut, len(text) + 1)) - 1
        if k >= 0 and spans[k][0] < cut < spans[k][1]:
            s0, s1 = spans[k]
            spans[k:k + 1] = [(s0, cut), (_LEADING_WS.match(text, cut).end(), s1)]
    # a list item's bullet is no word of its sentence: "• Of the 63 held, …" opens on "Of"
    return [(m.end() if (m := _MARKER.match(text, a, b)) and m.end() < b else a, b) for a, b in spans]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    caseless = text.islower()  # no capital anywhere (a text in an uncased script needs none)
    start = _LEADING_WS.match(text).end()
    for m in _BOUNDARY.finditer(text):
        if not _ends(text, m, caseless):
            continue
        end = m.end()
        if start < end and not text[start:end].isspace():  # not a blank line after a full stop
            _cut(text, start, end, spans)
        start = m.end("space")
    if start < len(text):
        _cut(text, start, len(text), spans)
    return spans


# A claim keeps its sentence when it is this long or shorter; else the words within
# CONTEXT_SIDE characters of its figure, so that what is stored and printed per claim is bounded.
MAX_CONTEXT = 320
CONTEXT_SIDE = 120


def claim_context(text: str, s0: int, sentence: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of what a claim keeps of the sentence at ``s0`` holding ``text[start:end]``."""
    if len(sentence) <= MAX_CONTEXT:
        return s0, sentence
    s1 = s0 + len(sentence)
    w0, w1 = max(s0, start - CONTEXT_SIDE), min(s1, end + CONTEXT_SIDE)
    if w0 > s0:  # begin at a word: after the first white space in the window
        space = _SPACE.search(text, w0, start)
        w0 = space.end() if space else w0
    if w1 < s1:  # end at a word: at the last white space
        space = text.rfind(" ", end, w1)
        w1 = space if space > 0 else w1
    return w0, text[w0:w1]


def sentence_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the sentence holding ``pos``."""
    # starts increase strictly, so (pos, inf) sorts after every span starting at or before pos
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return max(i, 0)
