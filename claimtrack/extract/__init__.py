"""Pure extraction: report text in, claims with character offsets out.

No I/O, no database, no global state: the same text and lexicon always give the same claims.
Figures are found in one scan of the text; only the sentences that hold one are analysed.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from ..models import Attribution, Claim, Figure, Link, Source
from . import dates as _dates
from . import individuals as _individuals
from . import parts as _parts
from . import tallies as _tallies
from .attribution import speaks_as_person
from .attribution import _NOT_SPEAKER_START, _NUMBER_WORD, Cue, backref, clause_span, hedge_in, scope_sources, make_source, quote_speaker, quote_spans, sentence_cues
from .lexicon import Lexicon, default_lexicon, load_lexicon
from . import grammar, locations, predicates
from .metrics import _patterns as _metric_patterns, counted
from .sentences import claim_context, sentence_index, sentence_spans
from .numbers import figures, ratio_part, without_number_runs

__all__ = ["extract_claims", "figures", "Lexicon", "default_lexicon", "load_lexicon"]

# "WALLACE: …", "Chris Matthews: …" opening a line; a name in mixed case counts only in a
# transcript, where two lines or more open so (a lone "Iowa: …" is no speaker)
_TRANSCRIPT = re.compile(r"[ \t\"“]*(?P<np>[A-Z][A-Z.'’ -]{1,40}[A-Z])\s*:\s")
_TRANSCRIPT_TAG = re.compile(
    r"(?m)^[ \t\"“]*(?P<np>(?:[A-Z][a-z][\w'’-]*\s+){0,2}[A-Z][a-z][\w'’-]*|[A-Z][A-Z.'’ -]{1,40}[A-Z]|Q|A)\s*:\s")
_COLON_SPACE = re.compile(r":\s")
# a kicker in capitals ("ARRESTED AT DAWN:", "FLEEING THE FLOOD:") opens on a verb form or holds a
# preposition that no speaker's name or title holds: it heads a story, it names no one
_KICKER = re.compile(r"^[A-Z]{2,}(?:ED|ING)\b|\s(?:AT|IN|ON|TO|FOR|WITH|FROM|BY|AFTER|BEFORE|OVER|UNDER|INTO)\s")
_NOT_SPEAKERS = {"Note", "Update", "Updated", "Correction", "Related", "Watch", "Read", "Source", "Sources", "Photo",
                 "Video", "Caption", "Credit", "Editor's note", "Editor’s note", "Clarification", "Disclosure",
                 "Listen", "Subscribe", "Advertisement", "Abstract", "Full text", "Transcript", "Summary", "Background"}
# a paragraph that closes on "X reports:" introduces the block quoted in the next one
_INTRO = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?P<np>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})\s+"
    r"(?P<verb>reports|reported|writes|wrote|says|said|notes|noted|explains|explained|adds|added|posted|tweeted|"
    r"continues|continued|concludes|concluded)\s*:\s*\Z")
_PRONOUN_TAG = re.compile(r"(?i:I|WE|YOU|HE|SHE|THEY|IT|THIS|THAT|HERE|THERE)\b")
_CONTINUED = re.compile(r"[ \t]*[\"“]")


def _metric_label(name: str, lexicon: Lexicon) -> bool:
    """A line's tag that is a metric word ("Dead", "Killed", "Hurt"): a label, not a speaker."""
    return _metric_patterns(lexicon)["after"].get(" ".join(name.lower().split())) is not None


class _Transcript:
    """The speakers who open lines ("PENCE: …"), found once per text and only when asked."""

    def __init__(self, text: str):
        self.text = text
        self.tags: list[tuple[int, int, str]] | None = None  # (line start, line end, speaker)
        self.intros: dict[int, tuple[Link, ...]] = {}

    def introduced(self, pos: int, lexicon: Lexicon) -> tuple[Link, ...]:
        """``Fox News reports:`` closing the paragraph before: the block quoted after it is theirs."""
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        if line_start not in self.intros:
            j = line_start - 1
            while j > 0 and text[j - 1] in " \t\r\n\xa0":
                j -= 1
            w0 = max(0, j - 200)
            # only a paragraph closing on a colon can introduce: test that before the costly search
            m = _INTRO.search(text, w0, j) if 0 < j < line_start - 1 and text[w0:j].rstrip().endswith(":") else None
            chain: tuple[Link, ...] = ()
            if m and m.start("np") >= text.rfind("\n", 0, j) + 1:
                src = make_source(m["np"], lexicon)
                chain = (Link(src, m["verb"].lower()),) if src else ()
            self.intros[line_start] = chain
        return self.intros[line_start]

    def speaker(self, pos: int, lexicon: Lexicon) -> tuple[Link, ...]:
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        m = _TRANSCRIPT.match(text, line_start, pos)
        line_end = text.find("\n", pos)
        if m and not _PRONOUN_TAG.match(m["np"]) and not _KICKER.search(m["np"]) and \
                not text[line_start:line_end if line_end >= 0 else None].isupper():
            # an upper-case tag in mixed-case text is a speaker anywhere; in upper-case wire
            # copy only in a transcript ("WE REPEAT: …" is no speaker)
            src = make_source(m["np"], lexicon)
            return (Link(src, ":"),) if src else ()
        if self.tags is None:
            # every tag closes on a colon and white space: most texts have none, and a pattern
            # that opens on a literal finds that out at C speed
            tags = _TRANSCRIPT_TAG.finditer(text) if _COLON_SPACE.search(text) else ()
            self.tags = [(t.start(), t.end(), t["np"]) for t in tags
                         if t["np"] not in _NOT_SPEAKERS and not _PRONOUN_TAG.match(t["np"])
                         and not _KICKER.search(t["np"])]
            if len(self.tags) < 2:
                self.tags = []
        if not self.tags:
            return ()
        k = bisect.bisect_right(self.tags, (line_start, len(text) + 1, "")) - 1
        if k < 0:
            return ()
        tag_start, tag_end, name = self.tags[k]
        # the tag's own line, or a paragraph after it that goes on quoting (news transcripts
        # open each paragraph of a turn with a quotation mark)
        if tag_start != line_start and not (text.count("\n", tag_start, line_start) <= 6
                                            and _CONTINUED.match(text, line_start)):
            return ()
        if tag_start == line_start and tag_end > pos:
            return ()
        if _metric_label(name, lexicon):
            return ()  # "Dead: 4" over "Hurt: 11": a list's labels, no voices
        # "Q:" and "A:" are the interview's two voices ("A" is no article here)
        src = Source(name, "person", name.lower(), name) if name in ("Q", "A") else make_source(name, lexicon)
        return (Link(src, ":"),) if src else ()


# "six nurses, including two Greeks", "six nurses--two Poles": part of the last figure
_PART_OF = re.compile(r"[^.;:]{0,50}?(?:,\s*including|\(|--|—|–|,\s*of\s+whom|,\s*among\s+them)[^.;:]{0,60}\Z",
                      re.IGNORECASE)


# what a page puts before each caption of a gallery: "Image 3 of 12", "Photo 2/9"
_CAPTION_COUNTER = re.compile(r"\A\s*(?:image|photo|picture|slide)\s+\d+\s*(?:of|/)\s*\d+\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _said_again(sentence: str, stated: set[str]) -> bool:
    """Whether the report stated ``sentence`` before, word for word (white space and a
    gallery's caption counter aside); else it is remembered. A sentence said twice is one
    statement: its figures are claims once."""
    key = _SPACES.sub(" ", _CAPTION_COUNTER.sub("", sentence)).strip()
    if key in stated:
        return True
    stated.add(key)
    return False


_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z]+)")


def _counts_things(sentence: str, end: int, parsed, n: int, lex: Lexicon) -> bool:
    """Whether the figure ending at ``end`` counts things (the head of its noun phrase is a
    lexicon thing: ``five blocks away``, ``three rounds``): such a figure is no part of a
    count of people before it, whatever aside stands between them."""
    things = grammar.classes(lex)["things"]
    if parsed is not None:
        np = parsed.noun_phrase(n)
        if np is not None:
            return np.head is not None and parsed.tokens[np.head].low in things
    m = _NEXT_WORD.match(sentence, end)
    return m is not None and m.group(1).lower() in things


# "The senator wants $2 billion more", "The bank expects … 3.1 percent": for figures
# that count no people, the named subject of the clause holding the figure stands behind it.
_SUBJECT_NOUNS = (
    r"poll|polls|survey|study|report|reports|agency|organization|group|campaign|committee|company|government|"
    r"ministry|court|bill|law|plan|rule|data|census|analysis|figures|president|administration|board|department|"
    r"office|council|party|firm|union|lawyers|attorneys|judge|secretary|governor|senator|mayor|candidate|nominee|"
    r"mogul|city|bank|network|panel|memo|program|regulation|proposal|measure|legislation|lawmakers|senators|"
    r"team|coalition|foundation|institute|center|university|state|students|voters|workers|residents|members|"
    r"officials|experts|economists|analysts|critics|supporters|donors|delegates|executives|investors|system|"
    r"policy|website|article|story|book|ad|ads")
_NAME = r"(?:[A-Z][\w.'’&-]*\s+){0,4}(?!The\b)[A-Z][\w.'’&-]*"
_CLAUSE_SUBJECT = re.compile(
    rf"(?:^|[,;:]\s+|\s[-–—]\s+|\bthat\s+|\n|\b(?:while|whereas|but|and|although|though|because|when|since)\s+)\W*(?P<np>(?P<desc>(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:(?-i:[a-z][\w-]*)\s+){{0,3}}?"
    rf"(?:{_SUBJECT_NOUNS})|{_NAME}['’]s\s+(?:(?-i:[a-z][\w-]*)\s+){{0,2}}?(?:{_SUBJECT_NOUNS}))"
    rf"|(?:[Tt]he\s+)?{_NAME}(?:\s+and\s+{_NAME})?)"
    r"(?:,\s*(?:however|though|too|meanwhile|in\s+turn),)?"
    r"\s+(?:(?:also|now|still|currently|already)\s+)*"
    r"(?:(?P<aux>has|have|had|will|would|could|may|might|is|are|was|were)\s+(?:(?:also|now|still|currently|already)\s+)*)?"
    r"(?P<verb>(?-i:[a-z]+))(?![\w-])")
_CONTRACTION = re.compile(r"(?:I|We|You|They|He|She|It|There|That)['’]")  # "I've got", not a name
_CAPITAL_OR_THE = re.compile(r"[A-Z]|\bthe\s")
_NOT_VERBS = {"is", "was", "are", "were", "be", "been", "of", "in", "and", "or", "to", "for", "on", "at",
              "by", "with", "from", "the", "a", "an", "as", "that", "who", "which", "if", "but", "said",
              "says", "told", "not", "also", "than", "into", "over", "after", "before", "against", "about",
              "through", "during", "without", "within", "among", "between", "under", "upon", "via", "per", "like",
              "including", "since", "until", "while", "when", "where", "whose",
              # a pronoun or an adverb after a name is no verb ("In Ohio alone, …", "Ms. Lee this week …")
              "this", "these", "those", "it", "its", "his", "her", "their", "here", "there", "alone", "too", "such"}
# a preposition, an adverb or a modal opening a sentence before a capitalised word is no
# subject's first word: "In Ohio alone, …", "Earlier this year …", "Would it …"
_NOT_SUBJECT_OPENING = re.compile(
    r"(?:In|At|On|For|From|With|After|Before|During|By|As|When|While|If|Although|Though|Because|Since|Until|"
    r"Unless|Earlier|Later|Maybe|Perhaps|Yesterday|Today|Tonight|Last|Next|Would|Could|Should|Can|Do|Does|Did|"
    r"Also|Even|Only|Just|Still|Yet|So|Then|Meanwhile|However|Here|There|Now|"
    # an adjective of time or number opening a sentence before its noun: "Recent polls …", "Early results …"
    r"Recent|Early|Latest|Current|Previous|Several|Other|Additional|Further)\s")


def _clause_subject(sentence: str, pos: int, lexicon: Lexicon) -> tuple[Link, ...]:
    best = None
    # a clause's subject stands within a few words of it: a window keeps long sentences linear
    w0 = max(0, pos - _WINDOW)
    if not _CAPITAL_OR_THE.search(sentence, w0, pos):
        return ()
    end = pos
    before = sentence[:pos]
    if before.count("“") > before.count("”"):
        end = before.rfind("“")
    elif before.count('"') % 2:
        end = before.rfind('"')
    if end < pos and not sentence[:end].strip():
        end = pos  # a quotation that opens the sentence: its own subjects stand in it
    # (a subject inside a quotation that opens within the sentence is the speaker's words, never who says them)
    for m in _CLAUSE_SUBJECT.finditer(sentence, w0, end):
        if m.end("verb") <= pos and m["verb"] not in _NOT_VERBS and \
                (m["aux"] in ("is", "are", "was", "were")) == m["verb"].endswith("ing") and \
                not _NUMBER_WORD.match(m["np"]) and not _CONTRACTION.match(m["np"]) and \
                not (m["desc"] is None and (_NOT_SPEAKER_START.fullmatch(m["np"]) or _NOT_SUBJECT_OPENING.match(m["np"]))):
            best = m  # "China is promising …"; not "Two class actions"
    if best is None:
        return ()
    src = make_source(best["np"], lexicon)
    # a named subject, or a definite description of a body or a role: "the firm agreed to settle"
    return (Link(src, best["verb"]),) if src and (src.kind != "unnamed" or best["desc"]) else ()


_WINDOW = 300
_ACTING_BODY_KINDS = ("government", "police", "military", "media", "international", "ngo", "medical")
# a figure placed among a group a pronoun refers back to: "… of them were among them/those"
_AMONG_THEM = re.compile(r"[^.;:!?]{0,60}?\b(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:them|those|these)\s*[.;!?]",
                         re.IGNORECASE)
# a sentence that opens on a part of the group the sentence before counted, named by a copula:
# "Police held 9 men. Three of them were minors."
_PART_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\s+(?:were|was|are|is)\s+(?:also\s+)?(?!among\b)[a-z]",
                           re.IGNORECASE)
_QUOTE_MARKS = ("“", "«", "„", "\"", "‘", "''")
_CLOSERS = "”\"»’'"
_QUOTE_HOPS = 3  # how many earlier quotes of a paragraph may lend their speaker


class _Cues:
    """A sentence's cues by strength, each list sorted by position, for nearest-cue look-ups."""

    def __init__(self, cues: list[Cue]):
        if len(cues) <= 1:  # most sentences: nothing to sort or group
            self.levels = [(c.strength, [c.pos], [c]) for c in cues]
            return
        by: dict[int, list[Cue]] = defaultdict(list)
        for cue in sorted(cues, key=lambda c: c.pos):
            by[cue.strength].append(cue)
        self.levels = [(k, [c.pos for c in by[k]], by[k]) for k in sorted(by)]

    def nearest(self, pos: int, skip: tuple[int, int] | None,
                clause: tuple[int, int] | None = None) -> tuple[Link, ...]:
        """The strongest cue, the nearest to ``pos`` among equals, outside the span ``skip``.

        With ``clause`` (the part of the sentence between semicolons that holds ``pos``), a cue
        inside it comes first: "X estimates $1 trillion; Y puts the figure at $500 billion".
        """
        if clause is not None:
            inner = self._nearest(pos, skip, clause)
            if inner:
                return inner
        return self._nearest(pos, skip, None)

    def _nearest(self, pos: int, skip: tuple[int, int] | None,
                 clause: tuple[int, int] | None) -> tuple[Link, ...]:
        for _, positions, cues in self.levels:
            k = bisect.bisect_left(positions, pos)
            left, right = k - 1, k
            while left >= 0 or right < len(cues):
                dl = pos - positions[left] if left >= 0 else None
                dr = positions[right] - pos if right < len(cues) else None
                take_left = dr is None or (dl is not None and dl <= dr)
                i = left if take_left else right
                if (skip is None or not skip[0] <= cues[i].pos < skip[1]) and \
                        (clause is None or clause[0] <= cues[i].pos < clause[1]) and \
                        not (cues[i].forward and cues[i].pos > pos):
                    return cues[i].chain
                if take_left:
                    left -= 1
                else:
                    right += 1
        return ()


class _Speakers:
    """The people who spoke in earlier sentences, for "he said" (computed on demand)."""

    def __init__(self, text: str, spans: list[tuple[int, int]], lexicon: Lexicon):
        self.text, self.spans, self.lexicon = text, spans, lexicon
        self.cache: dict[int, Source | None] = {}
        self.named: dict[int, list[Source]] = {}

    def before(self, i: int) -> Source | None:
        for j in range(i - 1, max(-1, i - 4), -1):
            if j not in self.cache:
                s, e = self.spans[j]
                people = [c.chain[-1].source for c in sentence_cues(self.text[s:e], self.lexicon)
                          if c.chain and speaks_as_person(c.chain[-1].source, self.lexicon)]
                self.cache[j] = people[-1] if people else None
            if self.cache[j] is not None:
                return self.cache[j]
        return None

    def sources(self, i: int, n: int) -> list[Source]:
        """The sources named in the n-th sentence before sentence i, the last named first."""
        j = i - n
        if j < 0:
            return []
        if j not in self.named:
            s, e = self.spans[j]
            cues = sorted(sentence_cues(self.text[s:e], self.lexicon), key=lambda c: -c.pos)
            self.named[j] = [link.source for c in cues for link in reversed(c.chain)]
            # a body that acts as the sentence's subject is named too ("MSF treated 40 people.
            # It said 6 had died."): named first, so the last in the list
            m = _CLAUSE_SUBJECT.match(self.text, s, e)
            if m and m["verb"] not in _NOT_VERBS:
                src = make_source(m["np"], self.lexicon)
                if src is not None and src.kind in _ACTING_BODY_KINDS and \
                        all(src.key != other.key for other in self.named[j]):
                    self.named[j].append(src)
        return self.named[j]


@lru_cache(maxsize=8)
def _metric_groups(lex: Lexicon) -> dict[str, frozenset[str]]:
    """The subject groups a metric counts, where its lexicon table names them (``groups``)."""
    return {name: frozenset(forms["groups"]) for name, forms in lex.data.get("metrics", {}).items()
            if forms.get("groups")}


def _names_figure(chain: tuple[Link, ...], sentence: str, p: int, lex: Lexicon) -> bool:
    """Whether the figure at ``p`` opens the words of a source of its own chain, a short phrase
    naming unnamed speakers of the lexicon ("three officials", "citing two security sources";
    not "three motorists reported injuries")."""
    unnamed = lex.data.get("sources", {}).get("unnamed", ())
    for link in chain:
        t = link.source.text
        if link.source.kind == "media" and sentence[p:p + 1].isdigit() and len(link.source.name.split()) <= 3 \
                and link.source.name in sentence[max(0, p - 16):p + 16]:
            # "CBS 2", "Channel 4 News": a number in an outlet's name is no figure
            k = sentence.find(link.source.name, max(0, p - 16))
            if 0 <= k <= p < k + len(link.source.name):
                return True
        words = t.lower().split()
        if not 2 <= len(words) <= 4 or " ".join(words[1:]) not in unnamed:
            continue
        k = sentence.find(t)
        while k >= 0:
            if k == p:
                return True
            k = sentence.find(t, k + 1)
    return False


def extract_claims(text: str, *, lexicon: Lexicon | None = None, date: str | None = None,
                   skipped: list[Figure] | None = None) -> list[Claim]:
    """Every figure-bearing claim in ``text``, in order of position, then the report's tallies.

    ``date`` (ISO, the report's) resolves the dates sentences give their figures (``as_of``).
    Numbers too large to be any figure are no claims; when ``skipped`` is a list they are
    appended to it (see :func:`figures`), for the caller to say so.
    """
    lex = lexicon or default_lexicon()
    figs = without_number_runs(text, list(figures(text, lex, skipped)))
    spans = sentence_spans(text) if figs or _individuals.may_count(text) else []
    # one person named without a numeral, as the patient of a metric predicate (SPEC §2)
    people = {m.figure.start: m for m in _individuals.find(text, spans, lex, figs)} if spans else {}
    if people:
        figs = sorted(figs + [m.figure for m in people.values()], key=lambda f: f.start)
    if not figs:
        return []
    quotes = quote_spans(text) if any(q in text for q in _QUOTE_MARKS) else []
    quote_starts = [q[0] for q in quotes]
    by_sentence: dict[int, list[Figure]] = defaultdict(list)
    for f in figs:
        by_sentence[sentence_index(spans, f.start)].append(f)
    speakers = _Speakers(text, spans, lex)
    # a speaker's tag and the paragraph that introduces a quote both close on a colon and white
    # space: a text with none has neither
    transcript = _Transcript(text) if _COLON_SPACE.search(text) else None
    paragraphs = "\n" in text
    speaker_cache: dict[int, tuple[Link, ...]] = {}
    part_readings: dict[int, _parts.Reading] = {}  # figure start -> a part kind or a period

    def quote_of(f: Figure) -> int | None:
        k = bisect.bisect_left(quote_starts, f.start) - 1
        return k if k >= 0 and f.end <= quotes[k][1] else None

    def speaker_of(k: int) -> tuple[Link, ...]:
        """The quote's speaker; else that of a quote just before it in the paragraph, or of the
        quote it goes on (a quote left open at a paragraph's end goes on in the next one that
        opens with a quotation mark)."""
        for hop in range(_QUOTE_HOPS):
            if k not in speaker_cache:
                idx = sentence_index(spans, quotes[k][0])
                speaker_cache[k] = quote_speaker(text, quotes[k], lex, lambda: speakers.before(idx))
            if speaker_cache[k] or k == 0:
                return speaker_cache[k]
            gap = text[quotes[k - 1][1]:quotes[k][0]]
            goes_on = not gap.strip() and text[quotes[k - 1][1] - 1] not in _CLOSERS
            if ("\n\n" in gap and not goes_on) or len(gap) >= 400:
                return ()
            k -= 1
        return ()

    claims: list[Claim] = []
    only = _metric_groups(lex)
    stated: set[str] = set()  # the sentences read so far, as _said_again keys them
    for i in sorted(by_sentence):
        s0, s1 = spans[i]
        sentence = text[s0:s1]
        if _said_again(sentence, stated):
            continue  # a gallery's caption under every photo states its figures once
        upper = sentence.isupper()
        # the cues in the sentence and the back-reference in the next one ("X said so") are
        # looked for when a figure first needs them: a quote's speaker often names the source
        cues: _Cues | None = None
        later: Cue | None = None
        later_known = i + 1 == len(spans)  # the last sentence has none after it
        hedge = hedge_in(sentence, lex)
        location = locations.location(sentence, lex)
        prev = None
        here = by_sentence[i]
        parsed = None  # the grammar layer, for the first figure that is a head count
        cue_words: bool | None = None  # whether a word that gives a metric stands in the sentence
        for n, f in enumerate(here):
            c = counted(sentence, f.start - s0, f.end - s0, lex, upper)
            metric, subject, group = c.metric, c.subject, c.subject_group
            reading = None
            if not f.unit:
                if c.metric == "other" and cue_words is None:
                    cue_words = predicates.may_count(sentence, lex)
                if c.metric != "other" or cue_words:
                    if parsed is None:
                        parsed = grammar.parse(sentence, [(g.start - s0, g.end - s0) for g in here], lex)
                    reading = predicates.read(parsed, n, lex)
            if reading is not None:
                metric = reading.metric
                if metric == predicates.EARLIER:  # "the figure rose to 11": what was counted before
                    metric = next((c.metric for c in reversed(claims) if c.metric != "other"), "other")
            if f.unit:
                metric = "other"
            elif prev is not None and prev.metric != "other":
                if metric == "other" and reading is None and not prev.individual and \
                        (c.joined or _PART_OF.match(text, prev.figure.end, f.start)) and \
                        not _counts_things(sentence, f.end - s0, parsed, n, lex):
                    # (one person named before lends no metric: "he fought one of the robbers")
                    metric = prev.metric
                if group is None and not c.listed and (subject is None or c.joined):
                    subject, group = prev.subject, prev.subject_group
            person = people.get(f.start) if people else None
            if person is not None:
                metric, subject, group = person.metric, person.subject, person.subject_group
            q = quote_of(f) if quotes else None
            chain: tuple[Link, ...] = speaker_of(q) if q is not None else ()
            if not chain and transcript and paragraphs:
                chain = transcript.introduced(f.start, lex)
            if not chain:
                skip = (quotes[q][0] - s0, quotes[q][1] - s0) if q is not None else None
                p = f.start - s0
                if cues is None:
                    cues = _Cues(sentence_cues(sentence, lex, lambda i=i: speakers.before(i),
                                               lambda n, i=i: speakers.sources(i, n)))
                # a sentence without cues has no clause to look in first
                chain = cues.nearest(p, skip, clause_span(sentence, p)) if cues.levels else ()
            if not chain and not later_known:
                later, later_known = backref(text[spans[i + 1][0]:spans[i + 1][1]], lex), True
            if not chain and later is not None:
                chain = later.chain
            if not chain and transcript:
                chain = transcript.speaker(f.start, lex)
            if chain and person is None and _names_figure(chain, sentence, f.start - s0, lex):
                continue  # "citing two security sources": the figure counts who speaks, no claim
            if not chain and metric == "other":
                chain = _clause_subject(sentence, f.start - s0, lex)
            if metric != "other" and f.value is not None and \
                    ratio_part(f.value, text[max(0, f.start - 40):f.start], text[f.end:f.end + 60]):
                metric = "other"  # "one in five residents": a share of a group, not a count
            if metric == "other" and claims and n == 0 and not sentence[:f.start - s0].strip(" \"“") and \
                    _PART_OF_THEM.match(sentence, f.end - s0) and not predicates.may_count(sentence[f.end - s0:], lex):
                # "Three of them were minors": a part of the group the sentence before counted
                back = next((c for c in reversed(claims) if c.metric != "other" and i > 0
                             and spans[i - 1][0] <= c.figure.start < s0), None)
                if back is not None:
                    metric = back.metric
            if metric == "other" and claims and _AMONG_THEM.match(sentence, f.end - s0):
                # "2 of its volunteers were among them": the group an earlier sentence counted
                back = next((c for c in reversed(claims) if c.metric != "other" and i > 0
                             and spans[i - 1][0] <= c.figure.start < s0), None)  # the sentence before
                if back is not None:
                    metric = back.metric
            if metric in only and group not in (None, "people") and group not in only[metric]:
                metric = "other"  # "three suspects arrived": a metric counts only the groups it names
            c0, context = claim_context(text, s0, sentence, f.start, f.end)
            claim = Claim(
                figure=f, metric=metric, subject=subject, subject_group=group or "people",
                location=location,
                attribution=Attribution(chain, hedge or (reading.hedge if reading else None), q is not None),
                sentence=context, sentence_start=c0, individual=person is not None,
            )
            claims.append(claim)
            prev = claim
            if metric != "other" and person is None and not f.unit:
                if parsed is None:
                    parsed = grammar.parse(sentence, [(g.start - s0, g.end - s0) for g in here], lex)
                found = _parts.read(parsed, n, lex)
                if found is not None:
                    if found.conjuncts:  # figure numbers in the sentence -> starts in the text
                        found = replace(found, conjuncts=tuple(here[m].start for m in found.conjuncts))
                    part_readings[f.start] = found
    if people:
        claims = _individuals.settle(claims, people)
    if date:
        claims = _dates.dated(claims, date)
    claims = scope_sources(claims, lex)  # one key per public body within a country (SPEC §5)
    if part_readings:  # subsets of a counted group, running counts (extract.parts)
        claims = _parts.settle(claims, part_readings, lex)
        return claims + _tallies.tallies(*_parts.for_tallies(claims, part_readings, lex))
    return claims + _tallies.tallies(claims)
