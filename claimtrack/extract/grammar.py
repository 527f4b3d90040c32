"""The grammar layer: a shallow parse of a sentence that holds a figure.

Computed only for sentences with a figure candidate, in one pass over their tokens:

- tokens with their character offsets in the sentence, each figure one token (``NUM``);
- word classes from the lexicon's closed lists (``[grammar]``: determiners, pronouns,
  prepositions, auxiliaries, modals, conjunctions, subordinators, relative pronouns,
  negators, adverbs) and from word shape: ``-ly`` adverbs, ``-ed`` and irregular past forms
  (``PART``), ``-ing`` forms, capitalised names (not in upper-case wire copy), the rest
  nominal (``WORD``: nouns and adjectives, which the rules never need to tell apart);
- the noun phrase a figure quantifies, with its head: pre-modifiers (``two injured
  hikers``), partitives (``three of the victims``, ``none of the nine``), ``of`` and
  ``with`` complements (``members of the riot police``, ``people with burns``), and
  what hangs after it up to its verb: relative clauses (``who had been …``), reduced
  relatives (``passengers injured when …``), asides between commas, dashes or brackets,
  closed or left open (``nine guards — most of them recruits were hurt``);
- verb groups: auxiliaries, modals, negation, adverbs and catenatives (``wound up``) around
  a main verb, with voice, tense, modality and negation;
- clause boundaries (``; :``, a subordinator, a conjunction before a new verb group) and
  coordination of noun phrases (``12 rebels and 3 police``).

The figure and metric rules (metrics.py) read this parse; none of them looks at a window of
words shaped like one sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from functools import lru_cache

from .lexicon import Lexicon

# words (with inner hyphens and apostrophes), initials run together ("U.S."), dashes, marks
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*(?:(?<=\b[A-Za-z])\.(?:[A-Za-z]\.)+)?|--+|[^\w\s]")
# the same, capturing: ``split`` gives the tokens and the white space between them (every
# character that opens no token is white space)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_LY_NOUNS = frozenset({"family", "rally", "ally", "assembly", "supply", "italy", "july", "fly", "reply", "belly",
                       "bully", "lily", "holy", "only", "early", "daily", "weekly", "monthly", "elderly",
                       "deadly", "friendly", "likely", "anomaly", "homily", "jelly", "tally", "folly"})
_ING_NOUNS = frozenset({"building", "buildings", "meeting", "wedding", "morning", "evening", "ceiling",
                        "shooting", "shootings", "bombing", "bombings", "killing", "killings", "clothing",
                        "housing", "funding", "spring", "string", "king", "thing", "things", "something",
                        "nothing", "anything", "everything", "ring", "wing", "crossing", "gathering", "during",
                        "including", "according", "following", "beijing", "sibling", "siblings", "darling"})
_ED_NOUNS = frozenset({"hundred", "red", "bed", "shed", "need", "seed", "speed", "feed", "creed", "greed",
                       "bleed", "breed", "steed", "weed", "sled", "sped", "fled", "led", "wed", "ted", "fred"})
_DASHES = frozenset({"—", "–", "--", "---"})
_OPEN_QUOTES = frozenset({'"', "“"})
_CLOSE_QUOTES = frozenset({'"', "”"})
_STOP_ASIDE = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "--"})
_CLOSE = {"(": ")", "[": "]", "—": "—", "–": "–", "--": "--", ",": ","}
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "get", "gets", "got", "gotten", "getting"})
_CONTEXT = frozenset({"that", "which", "who", "as", "since", "after", "before", "until", "because"})
_CONTEXT_WORD = re.compile(r"\b(?:%s)\b" % "|".join(_CONTEXT), re.IGNORECASE)
WINDOW_LEFT = 200  # characters of a sentence parsed left of its first figure
WINDOW_RIGHT = 320  # … and right of its last
_PRESENT = frozenset({"is", "are", "am", "has", "have", "do", "does", "get", "gets", "will", "can", "may", "must",
                      "shall"})


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    """One token: its text, lower-case form and word class. Its offsets in the sentence are
    the parse's ``starts[i]`` and ``ends[i]``: a word's token is made once per lexicon and
    shared by every place the word stands (see :class:`Parse`)."""

    text: str
    low: str
    tag: str  # NUM PUNCT DET PRON PREP AUX MODAL NEG CONJ SUB REL ADV PART GER NAME WORD
    fig: int = -1  # the figure's index, for NUM


@dataclass(slots=True)
class VerbGroup:
    """Auxiliaries, modals, negators and adverbs around a main verb: tokens[start:end]."""

    start: int
    main: int  # the main verb's token (a participle, a past form, or the word after "be")
    end: int
    passive: bool
    tense: str  # "present" or "past"
    modal: str | None
    negated: bool


@dataclass(slots=True)
class NounPhrase:
    """The noun phrase a figure quantifies: tokens[start:end], its head and what it hangs."""

    start: int
    end: int  # past the head and its complements
    head: int | None  # index of the head noun (None: "of them", a bare figure)
    partitive: bool  # "three of the victims"
    negated: bool  # "none of the nine", "not one of"
    verb_at: int  # where its own verb group may start, past any relative clause or aside
    modifiers: tuple[int, ...] = ()  # participles and adjectives before the head


# closed-class words whose class the parse decides in context ("that" a relative or a
# subordinator, "after" a preposition or a conjunction)
CONTEXT_WORDS = ("that", "as", "since", "after", "before", "until")


@lru_cache(maxsize=8)
def classes(lexicon: Lexicon) -> dict:
    """The lexicon's closed word classes as one look-up table: word → class."""
    g = lexicon.data.get("grammar", {})
    table: dict[str, str] = {}
    # later lists win: a word in two lists takes the class that matters most to the rules
    for name, tag in (("prepositions", "PREP"), ("determiners", "DET"), ("pronouns", "PRON"),
                      ("subordinators", "SUB"), ("conjunctions", "CONJ"), ("adverbs", "ADV"),
                      ("auxiliaries", "AUX"), ("modals", "MODAL"), ("relatives", "REL"),
                      ("negators", "NEG")):
        for w in g.get(name, []):
            table[w.lower()] = tag
    for w in CONTEXT_WORDS:
        table.pop(w, None)  # decided in context below
    past = {w.lower() for w in g.get("irregular_past", [])}
    for forms in lexicon.data.get("metrics", {}).values():
        for phrase in forms.get("after", []) + forms.get("before", []):
            first = phrase.split()[0].lower()
            if first.endswith("ed") or first in past:
                past.add(first)
    catenatives: dict[str, list[tuple[str, ...]]] = {}  # by first word, longest first
    for c in sorted(g.get("catenatives", []), key=len, reverse=True):
        words = tuple(c.lower().split())
        catenatives.setdefault(words[0], []).append(words)
    metric_words = frozenset(w for forms in lexicon.data.get("metrics", {}).values()
                             for phrase in forms.get("after", []) + forms.get("before", [])
                             for w in phrase.lower().split())
    return {"intransitive": frozenset(w.lower() for w in g.get("intransitive", [])),
            # every closed-class word, those decided in context too; every word of a metric phrase
            "closed": frozenset(table) | frozenset(CONTEXT_WORDS), "metric_words": metric_words,
            "table": table, "past": frozenset(past), "catenatives": catenatives,
            "things": frozenset(w.lower() for w in g.get("things", []))
            | frozenset(w.lower() for w in lexicon.data.get("words", {}).get("things", [])),
            "pairs": frozenset(w.lower() for w in g.get("pairs", [])),
            "report_verbs": frozenset(w.lower() for w in g.get("report_verbs", [])),
            "time_openers": frozenset(w.lower() for w in g.get("time_openers", [])), "memo": {}}


def _tag(word: str, low: str, first: bool, upper: bool, c: dict) -> str:
    tag = c["table"].get(low)
    if tag == "MODAL" and not upper and not first and word[0].isupper():
        return "NAME"  # "since May", "Will Ortiz"
    if tag:
        return tag
    if not word[0].isalpha():
        return "WORD" if word[0].isdigit() else "PUNCT"
    if low in c["past"]:
        return "PART"
    if not upper and word[0].isupper() and not first:
        return "NAME"
    if low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS:
        return "ADV"
    if low.endswith("ed") and len(low) > 4 and low not in _ED_NOUNS:
        return "PART"
    if low.endswith("ing") and len(low) > 5 and low not in _ING_NOUNS:
        return "GER"
    if not upper and word[0].isupper():
        return "NAME"
    return "WORD"


def possessive(tok: Token) -> bool:
    """A noun in the possessive ("the ship's", "the Navy’s", "the workers'"), which stands where a
    determiner does before the noun it owns."""
    return tok.tag in ("WORD", "NAME") and tok.low.endswith(("'s", "\u2019s", "s'", "s\u2019"))


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


_PLURAL_AUX = frozenset({"were", "are", "have", "had"})
_IRREGULAR_PLURALS = frozenset({"men", "women", "people", "children", "police", "policemen", "policewomen",
                                "gunmen", "servicemen", "militiamen", "tribesmen", "fishermen", "firemen",
                                "staff", "crew", "personnel"})  # collectives that take a plural verb


def _plural_noun(word: str) -> bool:
    """A plural noun: regular ("farmers") or one of the common irregular ones ("women")."""
    return _plural(word) or word in _IRREGULAR_PLURALS


class Parse:
    """The tokens of one sentence and the phrases read from them, on demand.

    ``tokens[i]`` is the i-th token, ``starts[i]`` and ``ends[i]`` its offsets in the
    sentence. The tokens are read in one pass of the tokenizer over each stretch between two
    figures (``re.split`` keeps the white space between tokens, so the offsets are the running
    sum of the pieces' lengths); a word already met is looked up, not classed again.
    """

    def __init__(self, sentence: str, figures: list[tuple[int, int]], lexicon: Lexicon):
        self.sentence = sentence
        self.c = c = classes(lexicon)
        upper = sentence.isupper()
        memo = c["memo"].setdefault(upper, {})  # word → its token, for this lexicon and case
        if len(memo) > 50_000:  # bounded: the words of a long run of texts
            memo.clear()
        tokens: list[Token] = []
        starts: list[int] = []
        ends: list[int] = []
        self.index: dict[int, int] = {}  # figure number → its token
        # the rules read a few words left of a figure and on to its verb: a window of the
        # sentence around the figures keeps a long sentence's parse short
        pos = max(0, figures[0][0] - WINDOW_LEFT) if figures else 0
        if pos:
            space = sentence.find(" ", pos)
            pos = space + 1 if 0 <= space < figures[0][0] else figures[0][0]
        last = min(len(sentence), figures[-1][1] + WINDOW_RIGHT) if figures else len(sentence)
        for k, (f0, f1) in enumerate([*figures, (last, last)]):
            if f0 > pos:
                # [space, word, space, word, …, space]: the words and where each begins and ends
                pieces = _TOKEN_SPLIT.split(sentence[pos:f0])
                words = pieces[1::2]
                offsets = list(accumulate(map(len, pieces), initial=pos))
                known = list(map(memo.get, words))
                if not tokens and words:
                    # the first word of a parse is classed as a sentence opener, and not kept
                    word = words[0]
                    known[0] = Token(word, word.lower(), _tag(word, word.lower(), True, upper, c))
                if None in known:  # the words met for the first time
                    for i, word in enumerate(words):
                        if known[i] is None:
                            low = word.lower()
                            known[i] = memo[word] = Token(word, low, _tag(word, low, False, upper, c))
                tokens += known
                starts += offsets[1:-1:2]
                ends += offsets[2::2]
            if f1 > f0:
                self.index[k] = len(tokens)
                tokens.append(Token(sentence[f0:f1], sentence[f0:f1].lower(), "NUM", k))
                starts.append(f0)
                ends.append(f1)
                if sentence[f1:f1 + 1] == "-":  # "a 4,500-strong crowd": the compound is the figure's
                    m = _TOKEN.match(sentence, f1 + 1)
                    f1 = m.end() if m else f1
            if f1 > pos:
                pos = f1
        if " - " in sentence:
            # a hyphen with white space on both sides is a dash, as typed on a keyboard without
            # one: "32 passengers - most of them pilgrims - were hurt"
            for i, t in enumerate(tokens):
                if t.text == "-" and sentence[starts[i] - 1:starts[i]] == " " and sentence[ends[i]:ends[i] + 1] == " ":
                    tokens[i] = Token("–", "–", t.tag)
        # context classes: "that" after a noun and before a verb is a relative pronoun (most
        # sentences hold none of these words: one search says so)
        at = [i for i, t in enumerate(tokens) if t.low in _CONTEXT] if _CONTEXT_WORD.search(sentence) else ()
        for i in at:
            t = tokens[i]
            tag = t.tag
            if t.low in ("that", "which", "who"):
                if i:
                    prev = tokens[i - 1].tag
                    tag = "REL" if prev in ("WORD", "NAME", "NUM", "PRON") or t.low != "that" else "SUB"
            elif t.low == "because":  # "because of the floods": a preposition, no clause
                tag = "PREP" if i + 1 < len(tokens) and tokens[i + 1].low == "of" else "SUB"
            else:
                nxt = tokens[i + 1].tag if i + 1 < len(tokens) else "PUNCT"
                tag = "PREP" if nxt in ("DET", "NUM", "WORD", "NAME") and t.low != "as" else "SUB"
            if tag != t.tag:
                tokens[i] = Token(t.text, t.low, tag)
        # an -ing word most often read as a noun ("the killing of", "a shooting") is a gerund
        # or a participle when it takes an object of its own after a preposition, a conjunction
        # or a comma: "accused of killing two", "charged with shooting a man and wounding 3",
        # ", killing 4"
        for i in range(1, len(tokens) - 1):
            t = tokens[i]
            if t.tag == "WORD" and t.low in _ING_NOUNS and t.low.endswith("ing") and \
                    (tokens[i - 1].tag in ("PREP", "CONJ") or tokens[i - 1].text == ",") and \
                    (tokens[i + 1].tag in ("NUM", "PRON") or
                     (tokens[i + 1].tag == "DET" and tokens[i + 1].low not in ("no", "every", "each"))):
                tokens[i] = Token(t.text, t.low, "GER")
        # a preposition between a determiner and a noun modifies the noun: "the outside
        # agencies", "the above figures"
        for i in range(1, len(tokens) - 1):
            t = tokens[i]
            if t.tag == "PREP" and tokens[i - 1].tag == "DET" and tokens[i + 1].tag in ("WORD", "NAME") and \
                    t.low != "of" and tokens[i - 1].low not in ("all", "both", "each", "some", "any", "none", "most"):
                tokens[i] = Token(t.text, t.low, "WORD")
        self.tokens, self.starts, self.ends = tokens, starts, ends
        self._groups: dict[int, VerbGroup | None] = {}

    # -- verb groups -------------------------------------------------------------------

    def _catenative(self, i: int) -> int:
        """Past a catenative verb starting at ``i`` ("wound up being"), else ``i``."""
        toks = self.tokens
        for words in self.c["catenatives"].get(toks[i].low, ()):
            n = len(words)
            if i + n <= len(toks) and all(toks[i + j].low == words[j] for j in range(1, n)):
                return i + n
        return i

    def verb_group(self, i: int) -> VerbGroup | None:
        """The verb group starting at token ``i``, if one does."""
        if i in self._groups:
            return self._groups[i]
        vg = self._groups[i] = self._verb_group(i)
        return vg

    def _verb_group(self, i: int) -> VerbGroup | None:
        toks = self.tokens
        n = len(toks)
        j = i
        modal = None
        negated = False
        be = False
        finite = None
        catenatives = self.c["catenatives"]
        while j < n:
            t = toks[j]
            if t.low in catenatives:
                nxt = self._catenative(j)
                if nxt > j:
                    j = nxt
                    continue
            if t.tag == "MODAL":
                modal = modal or t.low
            elif t.tag == "NEG" and t.low in ("not", "never", "n't"):
                negated = True
            elif t.tag == "AUX":
                be = be or t.low in _BE
            elif t.tag == "ADV" or (t.tag == "DET" and t.low in ("all", "both", "each")) or \
                    (t.low == "since" and j > i):  # "have since been freed"
                pass
            elif t.text == "," and j > i and finite:
                # an aside between commas inside the verb group: "were, police said, arrested",
                # "were, however, released"; what follows the closing comma goes on the group
                close = next((k for k in range(j + 1, min(n, j + 12)) if toks[k].text in _STOP_ASIDE), None)
                if close is None or toks[close].text != "," or close + 1 >= n or \
                        toks[close + 1].tag not in ("PART", "ADV", "NEG", "AUX") or \
                        any(toks[k].tag == "NUM" for k in range(j + 1, close)):
                    break
                j = close + 1
                continue
            else:
                break
            finite = finite or (t.low if t.tag in ("AUX", "MODAL") else None)
            j += 1
        if j >= n:
            if j > i and toks[j - 1].tag == "AUX":  # "… were" at the end: the verb is be
                return VerbGroup(i, j - 1, j, False, "present" if finite in _PRESENT else "past", modal, negated)
            return None
        main = toks[j]
        if main.tag in ("PART", "GER") or (j > i and main.tag in ("WORD", "ADV")):
            passive = be and main.tag == "PART"
            tense = "present" if (finite in _PRESENT or (finite is None and main.tag != "PART")) else "past"
            return VerbGroup(i, j, j + 1, passive, tense, modal, negated)
        if j > i and toks[j - 1].tag == "AUX":  # "were in hospital": be is the verb
            return VerbGroup(i, j - 1, j, False, "present" if finite in _PRESENT else "past", modal, negated)
        return None

    def _finite_from(self, i: int, stop: int | None = None) -> int | None:
        """The first token from ``i`` that opens a finite verb group (an auxiliary, a modal, or a
        past form that is not a modifier of the noun after it), before ``stop``."""
        toks = self.tokens
        n = len(toks)
        end = n if stop is None else min(stop, n)
        catenatives = self.c["catenatives"]
        table = self.c["table"]
        for j in range(i, end):
            t = toks[j]
            tag = t.tag
            if tag in ("AUX", "MODAL") or (tag == "NEG" and t.low in ("not", "never")):
                return j
            if tag == "PUNCT" and t.low in (";", ":"):
                return None
            if tag == "PART" and not (j + 1 < n and toks[j + 1].tag in ("WORD", "NAME", "NUM")
                                      and toks[j + 1].low not in table):
                return j
            if t.low in catenatives and self._catenative(j) > j:
                return j
        return None

    # -- noun phrases ------------------------------------------------------------------

    def _nominal_run(self, j: int, limit: int = 6) -> tuple[int, int | None, tuple[int, ...]]:
        """Nominals from ``j``: (end, head, modifiers). A participle or -ing form before a
        nominal modifies it ("injured hikers"); after the last nominal it is a verb."""
        toks = self.tokens
        n = len(toks)
        head = None
        mods: list[int] = []
        count = 0
        while j < n and count < limit:
            t = toks[j]
            if head is not None and t.low in ("aged", "ages"):
                break  # "three men aged 20 and 25": an age after the head
            if t.tag in ("WORD", "NAME") or (head is None and t.low == "others"):
                if head is not None and toks[head].tag == "WORD" and t.tag == "WORD" and head != j - 1:
                    break
                if head is not None and _plural(toks[head].low) and t.tag == "WORD" and not _plural(t.low):
                    break  # "lives hang", "crews search": a plural noun, then its verb
                if head is not None and t.tag == "WORD" and t.low in self.c["catenatives"] and self._catenative(j) > j:
                    break  # "peacekeepers from the African Union remain": a verb after a name
                if head is not None:
                    mods.append(head)
                head = j
            elif head is None and t.tag in ("PART", "GER", "ADV") and j + 1 < n \
                    and toks[j + 1].tag in ("WORD", "NAME", "PART") and toks[j + 1].low not in self.c["table"]:
                mods.append(j)
            elif t.tag == "PUNCT" and t.text in ("-",) and head is not None:
                pass
            else:
                break
            j += 1
            count += 1
        return j, head, tuple(mods)

    def noun_phrase(self, fig: int) -> NounPhrase | None:
        """The noun phrase figure number ``fig`` quantifies."""
        k = self.index.get(fig)
        if k is None:
            return None
        toks = self.tokens
        n = len(toks)
        # "none of the nine", "not one of": a negated partitive around the figure
        negated = False
        j = k - 1
        if j >= 0 and toks[j].tag == "DET" and toks[j].low in ("the", "its", "their", "his", "her"):
            j -= 1
        if j >= 1 and toks[j].low == "of" and toks[j - 1].low in ("none", "neither", "nobody", "one") and \
                (toks[j - 1].low != "one" or (j >= 2 and toks[j - 2].low == "not")):
            negated = True
        elif k >= 1 and toks[k - 1].low in ("no", "not", "none"):
            negated = True
        j = k + 1
        partitive = False
        # "a pair of journalists", "three of the victims", "two of them"
        if j < n and toks[j].low == "of":
            after = j + 1
            while after < n and (toks[after].tag == "DET" or possessive(toks[after])):
                after += 1  # "two of the ship's 300 passengers": a possessive determines the whole
            if after < n and (toks[after].tag == "PRON" or toks[after].low in ("whom", "which")):
                # past an aside on the pronoun: "three of them, all women, died"
                at = self._past_attachments(after + 1) if after + 1 < n and toks[after + 1].text == "," else after + 1
                return NounPhrase(k, after + 1, None, True, negated, at)
            if after < n and toks[after].tag in ("WORD", "NAME", "PART", "GER", "NUM"):
                partitive = True
                j = after + (1 if toks[after].tag == "NUM" else 0)
        if partitive and j < n and toks[j].tag == "PART" and toks[j - 1].tag == "NUM" and j + 1 < n and \
                toks[j + 1].tag in ("PREP", "SUB") and toks[j + 1].low != "of":
            # a participle taking a complement after a counted whole is a reduced relative on the
            # whole, not its noun: "four of the 18 caught in the blast died"
            return NounPhrase(k, j, None, partitive, negated, j)
        if j < n and toks[j].tag == "PART" and (j + 1 >= n or toks[j + 1].tag not in ("WORD", "NAME")) and \
                (partitive or self._finite_from(j + 1, j + 2) is not None):
            # "six of the hurt", "one shot smashed a window": a participle standing as the noun
            return NounPhrase(k, j + 1, j, partitive, negated, self._past_attachments(j + 1))
        while j < n and toks[j].low in ("other", "more", "additional", "further", "others'"):
            j += 1  # "three other men", "two more victims"
        end, head, mods = self._nominal_run(j)
        if head is None:
            if partitive and j > k + 2 and toks[j - 1].tag == "NUM":
                # "two of the 15 were hurt": the whole is a bare count, the verb comes after it
                return NounPhrase(k, j, None, partitive, negated, self._past_attachments(j))
            return NounPhrase(k, k + 1, None, partitive, negated, k + 1)
        # complements: "members of the riot police", "people with burns", "head of cattle"
        while end + 1 < n and toks[end].low in ("of", "with", "from") and \
                (toks[end + 1].tag in ("DET", "WORD", "NAME") or toks[end + 1].text in _OPEN_QUOTES):
            after = end + 1
            while after < n and toks[after].tag == "DET":
                after += 1
            # a quoted name: 'members of the "Rural Patrol"', wire copy's way of naming a group
            quoted = after < n and toks[after].text in _OPEN_QUOTES
            e2, h2, _ = self._nominal_run(after + quoted, 4)
            if h2 is None:
                break
            if quoted:
                if e2 >= n or toks[e2].text not in _CLOSE_QUOTES:
                    break
                e2 += 1
            end = e2
        # coordinated heads the figure quantifies together, with one verb after them: "eight
        # farmers and herders were killed" (a second numeral or determiner opens a phrase of its own)
        # a list of three or more plural heads: "40 men, women and children were evacuated"
        listed = end
        while listed + 2 < n and toks[listed].text == "," and toks[listed + 1].tag == "WORD" and \
                _plural_noun(toks[listed + 1].low) and toks[listed + 2].text in (",", "and", "or"):
            listed += 2
        if listed != end and toks[listed].text == ",":
            listed += 1  # the serial comma: "men, women, and children"
        if end + 1 < n and toks[listed].low in ("and", "or") and toks[listed + 1].tag in ("WORD", "NAME") and \
                _plural_noun(toks[head].low):
            e2, h2, _ = self._nominal_run(listed + 1, 3)
            if h2 is not None and e2 < n and _plural_noun(toks[h2].low) and \
                    (toks[e2].low in _PLURAL_AUX or toks[e2].tag == "MODAL"):
                end = e2
        return NounPhrase(k, end, head, partitive, negated, self._past_attachments(end), mods)

    def _past_ages(self, i: int) -> int:
        """Past the ages after "aged" at token ``i`` ("aged 15 to 17", "aged 20, 22 and 25")."""
        toks = self.tokens
        n = len(toks)
        j = i + 1
        while j < n and (toks[j].text[:1].isdigit() or (j > i + 1 and toks[j].low in ("to", "and", "-", "–")) or
                         toks[j].low == "between" or
                         (toks[j].text == "," and j + 1 < n and toks[j + 1].text[:1].isdigit())):
            j += 1
        return j

    def _past_attachments(self, i: int, depth: int = 0) -> int:
        """Where a noun phrase's own verb may start, past a relative clause, a reduced relative
        or an aside that hangs on it at ``i``."""
        toks = self.tokens
        n = len(toks)
        if i >= n:
            return i
        t = toks[i]
        if t.low in ("aged", "ages") and depth < 3:
            # an age after the head: "five teenagers aged 15 to 17 were held"
            j = self._past_ages(i)
            return self._past_attachments(j, depth + 1) if j > i + 1 else i
        if t.text == "," and i + 1 < n and toks[i + 1].low in ("aged", "ages"):
            j = self._past_ages(i + 1)  # "three men, aged 20, 22 and 25, died"
            if j > i + 2 and j < n and toks[j].text == "," and self.verb_group(j + 1) is not None:
                return j + 1
        if t.tag == "PREP" and t.low not in ("than", "including", "after", "before", "since", "until", "during") \
                and depth < 3:
            # a prepositional phrase on the noun: "one of the sons of an envoy to Ostra was hurt"
            j = i + 1
            while j < n and toks[j].tag in ("DET", "NUM"):
                j += 1
            e, h, _ = self._nominal_run(j, 5)
            if h is not None and e < n and (toks[e].tag in ("AUX", "MODAL", "REL", "PREP") or toks[e].text in _CLOSE):
                after = self._past_attachments(e, depth + 1)
                if after > e or toks[e].tag in ("AUX", "MODAL"):
                    return after
            return i
        if t.tag == "REL":
            r = i + 1  # where the clause's own words start
            while r < n and toks[r].tag == "DET":
                r += 1
            if r + 1 < n and toks[r].tag in ("WORD", "NAME") and toks[r + 1].low in self.c["report_verbs"]:
                i = r + 1  # "who police say started …": the speaker's verb, then the clause's own
            own = self.verb_group(i + 1)
            if own is None and i + 1 < n and toks[i + 1].tag == "WORD" and toks[i].low != "whom" and \
                    self._finite_from(i + 2, i + 3) is None:
                # "who belong to …": a verb in the present tense, told by its place (not the
                # subject of an object clause, which a verb follows: "that gunmen seized")
                own = VerbGroup(i + 1, i + 1, i + 2, False, "present", None, False)
            if own is None:  # "whom the rebels had seized": the clause's subject comes first
                at = self._finite_from(i + 1, i + 8)
                own = self.verb_group(at) if at is not None else None
            if own is None:
                return i
            nxt = self._finite_from(own.end)
            again = next((m for m in range(own.end, nxt if nxt is not None else own.end)
                          if toks[m].tag == "REL" and toks[m - 1].low in ("and", "or")), None)
            if again is not None and depth < 3:
                # a second relative clause coordinated with the first: "who were caught …, and
                # whose tent was found …, are presumed dead": the phrase's verb comes after both
                return self._past_attachments(again, depth + 1)
            if nxt is not None and any(toks[m].tag == "SUB" for m in range(own.end, nxt)):
                # a clause inside the relative clause: "who had been marching when police moved
                # in were detained": its verb is not the phrase's either
                inner = self.verb_group(nxt)
                later = self._finite_from(inner.end) if inner is not None else None
                if later is not None and not any(toks[m].text in (",", ";", ":") for m in range(inner.end, later)):
                    nxt = later  # (a verb after a comma belongs to another clause: "…, the company said")
            return nxt if nxt is not None else i
        if (t.tag == "PART" and i + 1 < n and t.low not in self.c["intransitive"] and
                ((toks[i + 1].tag in ("SUB", "PREP") and toks[i + 1].low != "to")
                 or toks[i + 1].low in self.c["time_openers"])) \
                or (t.tag == "GER" and i + 1 < n and toks[i + 1].tag in ("DET", "WORD", "NAME", "PREP", "NUM")):
            # "passengers injured when the bus overturned were flown …", "reporters covering the
            # vote were held", "the men arrested last year were freed": a reduced relative, and
            # any clause inside it, hang on the noun
            j = i + 1
            if toks[j].tag == "SUB":
                own = self._finite_from(j + 1)
                vg = self.verb_group(own) if own is not None else None
                j = vg.end if vg else j
            # no verb inside a later noun's relative clause (", who …") is the phrase's own:
            # "800 fans gathered at the gate for a singer, who a court had jailed" — gathered is the verb
            stop = next((m for m in range(j + 1, n) if toks[m].tag == "REL" and toks[m - 1].text == ","), None)
            nxt = self._finite_from(j, stop)
            if nxt is not None and any(toks[k].text == "," and toks[k + 1].tag == "CONJ" and
                                       toks[k + 2].tag in ("NUM", "DET", "WORD", "NAME", "PRON")
                                       for k in range(i + 1, nxt - 2)):
                return i  # "five people died in the fire, and two were taken …": a clause with a subject of its own
            return nxt if nxt is not None and nxt > i else i
        if t.text in _CLOSE and i + 1 < n:
            close = _CLOSE[t.text]
            opener = toks[i + 1]
            quantifier = opener.tag == "NUM" or opener.low in (
                "aged", "ages", "including", "mostly", "mainly", "among", "many", "most", "all", "some", "both",
                "several", "none", "each", "half", "one", "two", "three", "four")
            if t.text == "," and opener.tag == "REL" and depth < 3:
                # a relative clause between commas: "four pilgrims, whose bus had broken down, died";
                # the phrase's verb follows the comma that closes it
                j = self._past_attachments(i + 1, depth + 1)
                return j if j > i + 1 and toks[j - 1].text == "," else i
            if t.text == "," and not (quantifier or opener.tag == "DET"):
                return i
            if t.text == "," and i + 3 < n and toks[i + 2].low == "of" and toks[i + 3].low in ("whom", "which"):
                # "…, 20 of whom have been killed": a relative clause of its own; the phrase's
                # verb, if any, comes after it ("12 people, 3 of whom were children, were hurt")
                own = self._finite_from(i + 4, i + 12)
                vg = self.verb_group(own) if own is not None else None
                nxt = self._finite_from(vg.end, vg.end + 15) if vg is not None else None
                return nxt if nxt is not None and toks[nxt - 1].text == "," else i
            first_aux = None
            for j in range(i + 1, min(n, i + 25)):
                if toks[j].tag in ("AUX", "MODAL") and first_aux is None:
                    first_aux = j
                if toks[j].text == close or (close == "—" and toks[j].text in _DASHES):
                    # an aside closes before a verb group of its own ("12 people, the youngest a
                    # boy of nine, were hurt"); else it was left open and ran into the verb
                    if self.verb_group(j + 1) is not None:
                        return j + 1
                    if quantifier and first_aux is not None:
                        return first_aux
                    return i
                if toks[j].low in (";", ":", "."):
                    break
            if quantifier and first_aux is not None:
                return first_aux  # left open: "five men, aged 20 to 31 were held"
            if t.text == "," and not quantifier:
                return i
            # left open: the aside runs to the next finite verb group
            nxt = self._finite_from(i + 1, i + 25)
            return nxt if nxt is not None else i
        return i

    # -- clauses and coordination ------------------------------------------------------

    def clause_start(self, i: int) -> int:
        """The first token of the clause that holds token ``i``."""
        toks = self.tokens
        for j in range(i - 1, -1, -1):
            t = toks[j]
            if t.low in (";", ":") or t.tag == "SUB":
                return j + 1
        return 0

    def coordinated_before(self, np_start: int) -> int | None:
        """The figure token of a noun phrase coordinated before this one ("12 rebels and 3
        police": for 3, the 12), else None."""
        toks = self.tokens
        j = np_start - 1
        while j > 0 and toks[j].tag == "DET" and toks[j].low not in ("the", "a", "an"):
            j -= 1  # "40 protesters on Friday and another 25 on Saturday"
        if j < 1 or toks[j].low not in ("and", "or", ","):
            return None
        i, seen = j - 1, 0
        while i >= 0 and seen < 7:
            if toks[i].text == ")":  # a bracketed aside is one unit: "2 deputies (A and B) and one civilian"
                k = next((k for k in range(i - 1, max(-1, i - 16), -1) if toks[k].text in ("(", ")")), None)
                if k is not None and toks[k].text == "(":
                    i, seen = k - 1, seen + 1
                    continue
            if toks[i].tag == "NUM":
                return i
            if toks[i].tag not in ("WORD", "NAME", "PART", "GER", "DET", "PUNCT", "PREP") or \
                    toks[i].low in (";", ":", "of"):
                return None
            i, seen = i - 1, seen + 1
        return None

    def words(self, i: int, j: int, skip_adverbs: bool = True) -> str:
        """The lower-case words of tokens[i:j], adverbs left out, joined by single spaces."""
        if skip_adverbs:
            return " ".join([t.low for t in self.tokens[i:j] if t.tag != "ADV"])
        return " ".join([t.low for t in self.tokens[i:j]])


def parse(sentence: str, figures: list[tuple[int, int]], lexicon: Lexicon) -> Parse:
    """The shallow parse of ``sentence``, whose figures are at the (start, end) spans given."""
    return Parse(sentence, figures, lexicon)
