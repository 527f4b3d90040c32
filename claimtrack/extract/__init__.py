"""Pure extraction: report text in, claims with character offsets out.

No I/O, no database, no global state: the same text and lexicon always give the same claims.
Figures are found in one scan of the text; only the sentences that hold one are analysed.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..models import Attribution, Claim, Figure, Link, Source
from .attribution import backref, hedge_in, make_source, quote_speaker, quote_spans, sentence_cues
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .metrics import counted, sentence_index, sentence_spans
from .numbers import figures

__all__ = ["extract_claims", "figures", "Lexicon", "default_lexicon", "load_lexicon"]

_LOCATION = re.compile(
    r"\b(?i:in|near|outside|across)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|A|An|Parliament|"
    r"Congress|Court|Facebook|Twitter|Telegram|English|Russian)\b")


def _location(sentence: str) -> str | None:
    if sentence.isupper():
        return None
    for m in _LOCATION.finditer(sentence):
        place = m["place"]
        if not _NOT_PLACES.match(place):
            return re.sub(r"['’]s$", "", place)
    return None


_TRANSCRIPT = re.compile(r"^[\s\"“]*(?P<np>[A-Z][A-Z.'’ -]{1,40}[A-Z])\s*:\s")


def _transcript_speaker(text: str, pos: int, lexicon: Lexicon) -> tuple[Link, ...]:
    """``WALLACE: …`` — the speaker who opens the line a figure stands in."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _TRANSCRIPT.match(text, line_start, pos)
    if not m:
        return ()
    src = make_source(m["np"], lexicon)
    return (Link(src, ":"),) if src else ()


# "four engineers, including two Frenchmen", "four engineers--two Peruvians": part of the last figure
_PART_OF = re.compile(r"\A[^.;:]{0,50}?(?:,\s*including|\(|--|—|–|,\s*of\s+whom|,\s*among\s+them)[^.;:]{0,30}\Z",
                      re.IGNORECASE)


# "Mrs. Clinton seeks an additional $1 trillion", "The IMF expects … 1.6 percent": for figures
# that count no people, the named subject of the clause holding the figure stands behind it.
_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+|\bthat\s+|\n)\W*(?P<np>[Tt]he\s+(?:(?-i:[a-z])+\s+){0,3}?(?:poll|polls|survey|study|report|"
    r"reports|agency|organization|group|campaign|committee|company|government|ministry|court|bill|law|plan|"
    r"rule|data|census|analysis|figures|president|administration|board|department|office|council|party)"
    r"|(?:[Tt]he\s+)?(?:[A-Z][\w.'’&-]*\s+){0,4}(?!The\b)[A-Z][\w.'’&-]*)"
    r"\s+(?:also\s+|now\s+|still\s+|has\s+|have\s+|had\s+|will\s+|would\s+|could\s+|may\s+)?"
    r"(?P<verb>(?-i:[a-z]+))\b")
_NOT_VERBS = {"is", "was", "are", "were", "be", "been", "of", "in", "and", "or", "to", "for", "on", "at",
              "by", "with", "from", "the", "a", "an", "as", "that", "who", "which", "if", "but", "said",
              "says", "told", "not", "also", "than", "into", "over", "after", "before"}


def _clause_subject(sentence: str, pos: int, lexicon: Lexicon) -> tuple[Link, ...]:
    best = None
    for m in _CLAUSE_SUBJECT.finditer(sentence, 0, pos):
        if m.end("verb") <= pos and m["verb"] not in _NOT_VERBS:
            best = m
    if best is None:
        return ()
    src = make_source(best["np"], lexicon)
    return (Link(src, best["verb"]),) if src and src.kind != "unnamed" else ()


class _Speakers:
    """The people who spoke in earlier sentences, for "he said" (computed on demand)."""

    def __init__(self, text: str, spans: list[tuple[int, int]], lexicon: Lexicon):
        self.text, self.spans, self.lexicon = text, spans, lexicon
        self.cache: dict[int, Source | None] = {}

    def before(self, i: int) -> Source | None:
        for j in range(i - 1, max(-1, i - 4), -1):
            if j not in self.cache:
                s, e = self.spans[j]
                people = [c.chain[-1].source for c in sentence_cues(self.text[s:e], self.lexicon)
                          if c.chain and c.chain[-1].source.kind == "person"]
                self.cache[j] = people[-1] if people else None
            if self.cache[j] is not None:
                return self.cache[j]
        return None


def extract_claims(text: str, *, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every figure-bearing claim in ``text``, in order of position."""
    lex = lexicon or default_lexicon()
    figs = list(figures(text, lex))
    if not figs:
        return []
    spans = sentence_spans(text)
    quotes = quote_spans(text) if re.search(r"[“«„\"‘]", text) else []
    by_sentence: dict[int, list[Figure]] = defaultdict(list)
    for f in figs:
        by_sentence[sentence_index(spans, f.start)].append(f)
    speakers = _Speakers(text, spans, lex)
    speaker_cache: dict[tuple[int, int], tuple[Link, ...]] = {}

    def _speaker_of(span: tuple[int, int]) -> tuple[Link, ...]:
        """The quote's speaker; else that of the quote just before it in the paragraph."""
        if span not in speaker_cache:
            idx = sentence_index(spans, span[0])
            chain = quote_speaker(text, span, lex, lambda: speakers.before(idx))
            if not chain:
                k = quotes.index(span)
                if k > 0 and "\n\n" not in text[quotes[k - 1][1]:span[0]] and \
                        span[0] - quotes[k - 1][1] < 400:
                    chain = _speaker_of(quotes[k - 1])
            speaker_cache[span] = chain
        return speaker_cache[span]
    claims: list[Claim] = []
    for i in sorted(by_sentence):
        s0, s1 = spans[i]
        sentence = text[s0:s1]
        def last_person(i=i):
            return speakers.before(i)

        cues = sentence_cues(sentence, lex, last_person)
        later = None
        if i + 1 < len(spans):
            n0, n1 = spans[i + 1]
            later = backref(text[n0:n1], lex)
        hedge = hedge_in(sentence, lex)
        location = _location(sentence)
        prev = None
        for f in by_sentence[i]:
            c = counted(sentence, f.start - s0, f.end - s0, lex)
            metric, subject, group = c.metric, c.subject, c.subject_group
            if f.unit:
                metric = "other"
            elif prev is not None and prev.metric != "other":
                if metric == "other" and (c.joined or _PART_OF.search(text, prev.figure.end, f.start)):
                    metric = prev.metric
                if group is None and (subject is None or c.joined):
                    subject, group = prev.subject, prev.subject_group
            quoted_span = next((q for q in quotes if q[0] < f.start and f.end <= q[1]), None)
            chain: tuple[Link, ...] = ()
            if quoted_span:
                chain = _speaker_of(quoted_span)
            if not chain:
                outside = [cue for cue in cues if not (quoted_span and quoted_span[0] <= cue.pos + s0 < quoted_span[1])]
                if outside:
                    best = min(outside, key=lambda cue: (cue.strength, abs(cue.pos + s0 - f.start)))
                    chain = best.chain
            if not chain and later is not None:
                chain = later.chain
            if not chain:
                chain = _transcript_speaker(text, f.start, lex)
            if not chain and metric == "other":
                chain = _clause_subject(sentence, f.start - s0, lex)
            claim = Claim(
                figure=f, metric=metric, subject=subject, subject_group=group or "people",
                location=location,
                attribution=Attribution(chain, hedge, quoted_span is not None),
                sentence=sentence, sentence_start=s0,
            )
            claims.append(claim)
            prev = claim
    return claims
