"""Sources across sentences (SPEC §5): back-references ("This was stated by X", "X said so")
and short or pronominal references ("it", "the ministry") to a source named before."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Link, Source
from .cues import Cue, _SPEECH_WORD
from .lexicon import Lexicon
from .phrases import _chain_from, _np_forward
from .sources import _NAME_WORD, make_source


_BACKREF = re.compile(
    r"^\W*(?:(?:(?:this|that|these|those)(?:\s+(?:account|figures?|toll|numbers?|information|report|tally|estimate|"
    r"count|version))?|the\s+(?:figures?|toll|death\s+toll|numbers?|information|data|news|report))\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?P<cue>stated|announced|reported|confirmed|said|"
    r"given|released|provided|disclosed|published|revealed|claimed)\s+(?:\w+\s+){0,3}?by\s+"
    r"|(?:this|that)\s+is\s+what\s+"
    # "That was the assessment of X", "Those were the words of X": a noun of saying and its owner
    r"|(?:this|that|these|those)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\w+\s+)?(?P<noun>assessment|words|account|"
    r"view|verdict|estimate|message|warning|description|conclusion|figure|count|tally)\s+(?:of|from|given\s+by)\s+"
    # "That figure comes from X", "The numbers came from X": where the figures come from
    r"|(?:this|that|these|those|the)\s+(?:figures?|toll|death\s+toll|numbers?|tally|count|information|data|estimate)\s+"
    r"(?:comes?|came|come)\s+(?:directly\s+)?from\s+(?P<from>))",
    re.IGNORECASE)
_SAID_SO = re.compile(rf"^(?P<np>[^,.;:“”\"]{{2,80}}?)\s+(?:later\s+|also\s+|has\s+|have\s+)?"
                      rf"(?P<cue>said|says|stated|confirmed|reported)\s+(?:so|this|(?:it|that|(?<!said\s)(?<!says\s)the\s+(?:figures?|toll|"
                      rf"death\s+toll|numbers?|tally|count|arrests|deaths|casualties))(?=\s*(?:[.,;!?]|\Z|on\s|in\s|"
                      rf"last\s|late\s|later\b|earlier\b)))", re.IGNORECASE)
# "So said X.", "Thus wrote X": an inverted verb of saying after "so" names who said what came before
_SO_SAID = re.compile(r"^\W*(?:so|thus)\s+(?P<cue>said|says|wrote|writes|stated|states|declared|declares|claimed|"
                      r"claims|reported|reports|argued|argues)\s+(?=\S)", re.IGNORECASE)
_WHERE_OR_WHEN = re.compile(r"\s(?:in|on|at|during|after|before|last|this|yesterday|today|earlier|later)\b",
                            re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t|yet\s+to|declined\s+to|refused\s+to)\b", re.IGNORECASE)


_BODY_KINDS = ("government", "police", "military", "media", "international", "ngo", "medical")


def _refers_to(noun: str | None, src: Source, lexicon: Lexicon, by_name: bool) -> bool:
    """Whether ``src`` is what ``it`` (noun None) or ``the <noun>`` can stand for: by a word
    of its name, descriptor or role (``by_name``), else by the kinds the noun stands for."""
    if noun is None:
        return src.kind in _BODY_KINDS
    if by_name:
        words = set(_NAME_WORD.findall(" ".join(filter(None, (src.name, src.descriptor, src.role))).lower()))
        return noun in words and src.kind != "unnamed"
    return src.kind in lexicon.data.get("coreference", {}).get(noun, ())


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
        elif m["noun"] or m["from"] is not None:
            np, end = _np_forward(next_sentence, m.end())
            chain = _chain_from(next_sentence, np, end, m["noun"].lower() + " of" if m["noun"] else "from", lexicon)
        else:
            rest = next_sentence[m.end():]
            vm = _SPEECH_WORD.search(rest)
            if not vm:
                return None
            np = rest[:vm.start()]
            chain = _chain_from(rest, np, vm.start(), vm.group().lower(), lexicon)
        if chain:
            return Cue(tuple(chain), 0, 4)
    m = _SO_SAID.match(next_sentence)
    if m:
        np, end = _np_forward(next_sentence, m.end())
        when = _WHERE_OR_WHEN.search(np)
        if when:  # "So wrote the clerk in her report": the speaker ends where the circumstance begins
            np, end = np[:when.start()], end - (len(np) - when.start())
        chain = _chain_from(next_sentence, np, end, m["cue"].lower(), lexicon)
        if chain:
            return Cue(tuple(chain), 0, 4)
    m = _SAID_SO.match(next_sentence) if _may_say_so(next_sentence) else None
    if m and not _NEGATED.search(m["np"]):
        src = make_source(m["np"], lexicon)
        if src:
            return Cue((Link(src, m["cue"].lower()),), 0, 4)
    return None
