"""Automatic events and copies (SPEC §6): pure functions over report texts, no SQL.

A report's :class:`Features` are its content words, its proper names, its date and what
happened (``shooting``, ``flood``…). :func:`place` puts a new report in the best of the
events it is compared with, or in none (it opens an event): the score of an event is the
mean similarity of the report to its reports (average linkage), and a report's similarity to
another is the mean of two cosines, one of content words and one of proper names, both
weighted by how rare each word is among the reports seen so far (tf-idf).

What tells two incidents apart in news is who and where: the victims' and suspects' names,
the street, the town. So a pair of reports with no rare name in common must be far more
alike in its words to join than a pair that shares one, a pair sharing one rare name (often
only a town, where other incidents happen too) more alike than a pair sharing two, and a
pair more than a week apart is compared only through a person both name. Words in capitals
(a police department's or a broadcaster's acronym) and the outlet's name after a title's
last dash are no names: every report of that outlet or town carries them. Figures are left out: different incidents share
"1 killed", and grouping by figures would hide the conflicts claimtrack exists to show.

The caller supplies the candidates (:class:`Candidate`): the reports within
``WINDOW_DAYS`` of the new one and those sharing a rare name with it
(:func:`blocking_names`), so that the cost per report stays constant at constant density.
:class:`MemoryIndex` does that in memory; ``claimtrack.event_store`` does it in SQLite.

Copies: :func:`sketch` keeps the least hashes of a text's word shingles (bottom-k MinHash);
two sketches estimate the texts' Jaccard similarity (:func:`jaccard`), and :func:`anchors`
gives the keys under which near-duplicates meet.
"""
from __future__ import annotations

import math
import re
import zlib
from string import ascii_lowercase
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from itertools import compress
from operator import attrgetter, itemgetter

WINDOW_DAYS = 7  # reports this close in date are compared whatever their names
RARE_NAME_MAX = 8  # a name found in at most this many reports (before this one) is rare
THRESHOLD = 0.10  # the least score with which a report joins an event sharing a rare name
THRESHOLD_ONE_NAME = 0.14  # the same, for an event sharing only one rare name (often a town)
# and holding a report of the same day or the day before or after: a same-town follow-up
# of the next day stays in its event (tests/test_events.py)
THRESHOLD_ONE_NAME_LATER = 0.20  # the same, when the event's reports are all further apart:
# most wrong joins on reports grouping was not tuned on shared only a town or a
# neighbourhood with an incident of a few days before (docs/performance.md, events)
NEXT_DAY = 1  # days apart that make two reports of one town "the same day or the next"
THRESHOLD_PERSON = 0.05  # the same, for an event naming a person the report names
THRESHOLD_NO_NAME = 0.30  # the same, for an event that shares no rare name with the report
FAR_THRESHOLD = 0.30  # the least similarity of reports further apart, naming a person both
FAR_THRESHOLD_TWO = 0.2  # the same, for reports naming two people or more both
RARE_PHRASE_MAX = 10  # a full name found in at most this many reports is rare
MAX_CHARS = 3000  # a report is read up to here: its lead names who, where and what
MAX_MEMBERS = 40  # an event is compared through at most its latest this many reports
TOP_TERMS = 40  # the heaviest words (and names) of a report that similarity reads
TITLE_TAIL_WORDS = 6  # a title's last part after a dash this short names its outlet
MIN_CONTENT_WORDS = 25  # fewer distinct content words: page furniture, never grouped
COPY_JACCARD = 0.8
SHINGLE = 5  # words per shingle
SKETCH = 64  # hashes kept per text
ANCHORS = 8  # of them, looked up to find a text's near-duplicates
SKETCH_WORDS = 600  # a text is compared for copies up to this word: a copy keeps the start

# Words that carry no content (function words, reporting verbs, news-page words).
STOPWORDS = frozenset("""
a about above after again against ago all also am among an and another any are around as at
back be became because been before being below between both but by can cannot could did do
does doing done down during each early either else even ever every few for from further get
got had has have having he her here hers herself him himself his how however i if in into is
it its itself just last late later least less like made make many may me might more most
much must my myself near nearly next no nor not now of off on once one only or other our
ours out over own per put said same say says see seen she should since so some still such
than that the their theirs them themselves then there these they this those though through
to too two under until up upon us very was we were what when where whether which while who
whom whose why will with within without would yet you your yours three four five six seven
eight nine ten first second third told according including include includes including
report reports reported reporting news story stories update updated posted copyright rights
reserved read share tweet email print comments comment click photo video image images
advertisement subscribe sign log login account newsletter page home menu search follow
facebook twitter instagram youtube linkedin pinterest reddit whatsapp javascript browser
cookies cookie privacy policy terms service contact help site website app download loading
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow morning
afternoon evening night week weeks day days month months year years time times hour hours
minute minutes am pm a.m p.m january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr st
""".split())

# Capitalised words that are not names of people, places or bodies.
NOT_NAMES = STOPWORDS | frozenset("""
police officer officers sheriff deputy deputies department office county city state police
man woman men women boy girl child children people person family friends the
associated press ap reuters staff writer editor breaking local national
""".split())

# Words that make a name a body's, not a place's (for an event's name).
BODIES = frozenset("""
ministry ministries agency council court hospital news newspaper times post herald gazette
university college school church party company corporation army command government
committee service services association department office bureau commission authority
network channel radio television press wire media foundation institute center centre
banner tribune journal courier chronicle examiner observer inquirer dispatch sentinel telegraph
bulletin sun
""".split())
# Names wider than any country that the gazetteer does not hold as one ("in America", "the
# U.S."): they name no event (``site``) and are passed over for the place named after them.
BROAD_PLACES = frozenset(n.replace("_", " ") for n in """
america north_america south_america latin_america central_america europe africa asia
middle_east the_middle_east united_states the_united_states u.s. us usa britain
great_britain uk u.k. midwest the_midwest
""".split())

# What happened, for an event's name: the first of these words a report uses most.
KINDS = (
    ("shooting", ("shooting", "shootings", "shot", "gunfire", "gunman", "gunshot", "shootout")),
    ("stabbing", ("stabbing", "stabbed", "knife")),
    ("explosion", ("explosion", "blast", "bomb", "bombing", "exploded")),
    ("fire", ("fire", "blaze", "wildfire", "arson")),
    ("flood", ("flood", "floods", "flooding")),
    ("earthquake", ("earthquake", "quake", "tremor")),
    ("storm", ("storm", "hurricane", "typhoon", "tornado", "cyclone")),
    ("crash", ("crash", "collision", "derailment", "derailed")),
    ("attack", ("attack", "attacks", "attacked", "assault", "ambush", "raid")),
    ("protest", ("protest", "protests", "protesters", "demonstration", "rally", "riot",
                 "riots", "unrest", "clashes")),
    ("killing", ("killed", "killing", "murder", "homicide", "slain", "dead")),
)
_KIND_OF = {word: kind for kind, words in KINDS for word in words}

# Lines a web page repeats on every page, whatever the article: none of their words count.
FURNITURE = (
    "javascript", "sign in to", "log in to", "subscribe now", "subscribe to", "create an account",
    "create a free account", "already a subscriber", "cookie", "your browser", "up next",
    "watch more", "more videos", "autoplay", "playlist", "all rights reserved",
    "advertisement", "skip to content", "skip to main content", "share this", "click here",
    "terms of use", "terms of service", "copy link", "show transcript", "hide transcript",
    "download the", "get the app",
)

_AGE = re.compile(r"\b\d+-year-old")
_POSSESSIVE = re.compile(r"'s\b")
# A word, kept by the split so that what stands between two words is known too. Words of
# three letters or more in lower case (and ages) are content, capitalised words may be names.
_TOKENS = re.compile(r"([A-Za-z][A-Za-z']*(?:-[A-Za-z]+)*)")
_first_char = itemgetter(0)
# What ends a sentence (or opens a quote) before a capitalised word that says nothing of a name.
_ENDS = frozenset('.!?:;"“”(|—–')
# A name after "in", "at", "near", "outside" or "the town of": where something happened.
_BEFORE_PLACE = frozenset(("in", "at", "near", "outside"))
# Words a headline capitalises after a town that are no part of its name: what happened, the
# page's frame, a day ("in Boscobel Update", "in Riverton Shooting Posted", "in Elm Friday")
_NOT_PLACE_WORDS = frozenset(_KIND_OF) | frozenset("""
update updated updates posted photo photos video watch read related breaking live latest
monday tuesday wednesday thursday friday saturday sunday today tonight overnight
""".split())
_PLACE_NOUNS = frozenset(("town", "city", "village", "district", "province", "region"))
# the last words of a place's name that say it is one ("Elm Park", "Harlow County")
_PLACE_KINDS = _PLACE_NOUNS | frozenset(("county", "park", "heights", "hills", "valley", "borough",
                                         "township", "parish", "beach", "springs", "falls", "harbor",
                                         "harbour", "island", "side", "village", "grove",
                                         "street", "avenue", "road", "drive", "boulevard", "lane",
                                         "way", "court", "place", "parkway", "highway", "terrace",
                                         "trail", "circle", "pike", "square", "ave", "st", "rd",
                                         "blvd", "dr", "ln"))
_LINE = re.compile(r"[^\n]+")
# Titles every person may be given: no office.
COURTESY_TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "father", "journalist", "reporter"))
# Roles written before the name of an official who speaks of many incidents of a town.
OFFICE_ROLES = frozenset("""
chief spokesman spokeswoman spokesperson prosecutor coroner superintendent commissioner
investigator inspector director attorney
""".split())
# What separates a headline from the outlet's name after it.
_TITLE_PARTS = re.compile(r"\s+[-|–—]\s+")
_URL_WORDS = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True, slots=True)
class Features:
    """What grouping and naming read of one report.

    ``terms``: content words (lower case, ``23-year-old`` kept whole) with their counts,
    title words counted twice; ``names``: proper names (lower case, one word each, as
    found mid-sentence, or twice at a sentence start) with their counts; ``phrases``:
    the multi-word names as written, most frequent first, for explanations and names;
    ``day``: the date as a proleptic ordinal; ``content``: false for a page with too little
    article text to group (sign-in walls, "enable JavaScript", video playlists);
    ``people``: the people named in full (the last two words, folded), ``places``: the
    names written after "in", "at", "near"… (for the event's name); ``officials``: the
    people named after a title of office (``Sgt. Ann Reyes``, ``police spokesman Ann
    Reyes``), left out of ``people``: the same police chief or spokesman speaks of every
    incident of a town, and tells none of them apart.
    """

    terms: dict[str, int]
    names: dict[str, int]
    phrases: tuple[str, ...] = ()
    day: int | None = None
    kind: str | None = None
    content: bool = True
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()


def day_of(value: str | None) -> int | None:
    """A report date (``YYYY-MM-DD``, maybe with a time) as a day number, else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def features(text: str, title: str | None = None, url: str | None = None,
             when: str | None = None) -> Features:
    """The features of one report (see :class:`Features`)."""
    if title:
        title = _headline(title)
    body = text[:MAX_CHARS]
    low = body.lower()
    if any(map(low.__contains__, FURNITURE)):
        body = "\n".join(line for line in _LINE.findall(body)
                         if len(line) >= 300 or not any(c in line.lower() for c in FURNITURE))
    # Plain dicts, counted by hand: a Counter calls a Python __missing__ for every new key.
    terms: dict[str, int] = {}
    names: dict[str, int] = {}
    starts: dict[str, int] = {}  # capitalised words seen only at a sentence start
    phrases: dict[str, int] = {}
    alone: dict[str, int] = {}  # names written as one word
    lower: set[str] = set()
    places: dict[str, int] = {}
    officials: set[str] = set()  # full names written after a title of office
    for weight, block in ((2, title or ""), (1, body)):
        block = _POSSESSIVE.sub("", block.replace("’", "'"))
        _scan(block, weight, terms, names, starts, phrases, alone, lower, places, officials)
    if url:
        # The last part of an article's address is often its headline, in words.
        slug = url.rstrip("/").rsplit("/", 1)[-1].lower()
        for w in _URL_WORDS.findall(slug):
            if w not in STOPWORDS:
                terms[w] = terms.get(w, 0) + 1
    for word, n in starts.items():
        if n >= 2:
            names[word] = names.get(word, 0) + n
    for word in lower.intersection(names):
        del names[word]
    kinds: dict[str, int] = {}
    for word in _KIND_OF.keys() & terms.keys():
        kind = _KIND_OF[word]
        kinds[kind] = kinds.get(kind, 0) + terms[word]
    kind = None
    if kinds:
        best = max(kinds.values())
        kind = next(k for k, _ in KINDS if kinds.get(k) == best)
    content = len(terms) >= MIN_CONTENT_WORDS
    ranked = [p for p, _ in sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0]))]
    # News names a person in full once, then by surname alone ("Ann Reyes … Reyes said"):
    # a full name whose last word also stands alone is a person's, a place's seldom is.
    people = sorted({" ".join(p.lower().split()[-2:]) for p in ranked
                     if alone.get(p.split()[-1].lower())})
    office = sorted({" ".join(p.lower().split()[-2:]) for p in officials})
    people_words = {w for p in people + office for w in p.split()}
    if office:
        people = [p for p in people if p not in office]
    places_ranked = [p for p, _ in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))
                     if not people_words.intersection(p.lower().split())]
    return Features(terms, names, tuple(ranked[:12]), day_of(when), kind, content,
                    tuple(people[:20]), tuple(places_ranked[:5]), tuple(office[:20]))


def _gazetteer_name(name: str) -> bool:
    """Whether the gazetteer holds a country, a US state or a city of exactly this name (its
    other spellings, which find Lille for "Lil", do not count)."""
    from .places import place_of

    return any(len(area) <= 2 or area[-1].casefold() == name.casefold() for area in place_of(name))


def _headline(title: str) -> str:
    """A title without the outlet's name that pages append to it (``… - Valley Ledger``,
    ``… | WXYZ News``): a last part after a dash or bar of ``TITLE_TAIL_WORDS`` words or fewer.
    Every report of that outlet carries it, whatever the incident."""
    parts = _TITLE_PARTS.split(title)
    while len(parts) > 1 and len(parts[-1].split()) <= TITLE_TAIL_WORDS:
        parts.pop()
    return " - ".join(parts)


def _scan(block: str, weight: int, terms: dict, names: dict, starts: dict,
          phrases: dict, alone: dict, lower: set, places: dict, officials: set) -> None:
    """Count the words of ``block``: content words in ``terms``, and the capitalised words
    that may be names. A capital after a sentence end or at a line start says nothing of
    a name: such words count in ``starts`` instead. Runs of two names or more (``Port
    Elm``, ``Ann Reyes``) count in ``phrases``; a name written as one word counts in
    ``alone`` too; a run after "in", "at", "near", "outside" or "the town of" in
    ``places``; a run after a title of office (``OFFICES``: ``Sgt.``, ``Chief``, ``police
    spokesman``) in ``officials`` too.

    One split of the block gives every word and what stands between it and the one
    before (a sentence end, a line break, or blanks that join the words of a name)."""
    parts = _TOKENS.split(block)
    words, seps = parts[1::2], parts[0::2]
    # The lower-case words counted by C code, then the short ones and stopwords dropped
    # (found by a set intersection, in C too): each word in the order the block first
    # writes it.
    small = Counter(filter(str.islower, words))
    for word in _NOT_TERMS.intersection(small):
        del small[word]
    if "year-old" in block:
        for age in _AGE.findall(block):
            small[age] = small.get(age, 0) + 1
    # ``lower`` is read for names only, and no name is a stopword or shorter than 3 letters.
    lower.update(small)
    if weight != 1:
        for word in small:
            small[word] *= weight
    if terms:
        # dict.update (C code) for the block's words, then the sums of those seen before
        both = [(w, n + small[w]) for w, n in terms.items() if w in small]
        dict.update(terms, small)
        dict.update(terms, both)
    else:
        dict.update(terms, small)
    caps = list(compress(range(len(words)), map(str.isupper, map(_first_char, words))))
    if not caps:
        return
    counts = Counter(map(words.__getitem__, caps))  # each capitalised word as written
    is_name = _IS_NAME
    offices = _offices()
    at_start: list[str] = []  # capitalised words at a sentence or line start
    runs: list[list[int]] = []  # runs of capitalised words joined by blanks
    run: list[int] = []
    last = -2
    kinds = _SEP_KINDS
    for i, sep in zip(caps, map(seps.__getitem__, caps)):
        starts_sentence, blank = kinds[sep]
        if starts_sentence or (i == 0 and not sep):
            at_start.append(words[i])
        if last == i - 1 and blank:
            run.append(i)
        else:
            run = [i]
            runs.append(run)
        last = i
    first = Counter(at_start) if at_start else {}
    in_runs: dict[str, int] = {}
    for run in runs:
        if len(run) > 1:
            part: list[str] = []
            office = _after_office(words, seps, run[0])
            for i in run:
                word = words[i]
                if is_name[word]:
                    part.append(word)
                    in_runs[word] = in_runs.get(word, 0) + 1
                else:
                    office = _end_run(part, phrases, officials, office) or word.lower() in offices
            _end_run(part, phrases, officials, office)
        s = run[0]
        if s and kinds[seps[s]][1] and (words[s - 1] in _BEFORE_PLACE or (
                words[s - 1] == "of" and s > 1 and _blank(seps[s - 1])
                and words[s - 2] in _PLACE_NOUNS)):
            place = [words[i] for i in run]
            cut = next((n for n, w in enumerate(place) if w.lower() in _NOT_PLACE_WORDS), None)
            if cut is not None:
                del place[cut:]
            while place and not is_name[place[-1]]:
                place.pop()
            if place and all(is_name[w] for w in place):
                key = " ".join(place)
                places[key] = places.get(key, 0) + weight
    not_terms = _NOT_TERMS
    for word, n in counts.items():
        folded = word.lower()
        if folded not in not_terms:
            terms[folded] = terms.get(folded, 0) + weight * n
        if is_name[word]:
            f = first.get(word, 0)
            if n > f:
                names[folded] = names.get(folded, 0) + weight * (n - f)
            if f:
                starts[folded] = starts.get(folded, 0) + f
            if n > in_runs.get(word, 0):
                alone[folded] = alone.get(folded, 0) + 1


class _Remembered(dict):
    """A pure function of a string, remembered (up to 65,536 strings): what a text's
    separators and capitalised words are (a few strings again and again) is worked out
    once, and looked up in C afterwards."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], object]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str):
        value = self.fn(key)
        if len(self) < 65_536:
            self[key] = value
        return value


def _sep_kind(sep: str) -> tuple[bool, bool]:
    """What stands between two words: whether it ends a sentence (or a line, or opens a
    quote), and whether it is blanks only (:func:`_blank`)."""
    end = sep.rstrip()
    return (bool(end and end[-1] in _ENDS) or sep.endswith("\n"), _blank(sep))


def _blank(sep: str) -> bool:
    """Spaces or tabs only: what joins the words of one name."""
    return bool(sep) and not sep.strip(" \t")


def _is_name(word: str) -> bool:
    # A word in capitals is an acronym (a police department, a broadcaster's call sign) or
    # shouting: it names a body or an outlet that many incidents share, never who or where.
    return len(word) > 2 and not word.isupper() and word.lower() not in NOT_NAMES


_SEP_KINDS = _Remembered(_sep_kind)
_IS_NAME = _Remembered(_is_name)
# What a word (in lower case) never counts as: a stopword, or a word of one or two letters
# (every such word _TOKENS can give, so that a set intersection finds them).
_NOT_TERMS = STOPWORDS | frozenset(a + b for a in ascii_lowercase
                                   for b in ("", "'", *ascii_lowercase))


def _end_run(run: list[str], phrases: dict, officials: set, office: bool) -> bool:
    """Count a run of names as a phrase (two names or more); a run opened by a title of
    office, or after one (``office``), names an official. Returns false: the next run of
    the same capitalised words follows a name, not a title."""
    if len(run) >= 2:
        key = " ".join(run)
        phrases[key] = phrases.get(key, 0) + 1
        if office or run[0].lower() in _offices():
            officials.add(key)
    run.clear()
    return False


def _after_office(words: list[str], seps: list[str], first: int) -> bool:
    """Whether the word before ``words[first]`` is a title of office, joined to it by
    blanks or by an abbreviation's full stop (``Sgt. Ann Reyes``, ``spokesman Ann Reyes``)."""
    if not first:
        return False
    sep = seps[first]
    return (sep == " " or sep == ". " or _blank(sep)) and words[first - 1].lower() in _offices()


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Titles of office, folded: the lexicon's titles before a name (``individuals.titles``)
    but the courtesy ones every person gets, and the roles of the officials who speak of
    many incidents (``OFFICE_ROLES``)."""
    from .extract.lexicon import default_lexicon

    titles = default_lexicon().data["individuals"]["titles"]
    return frozenset(t.lower() for t in titles if t.lower() not in COURTESY_TITLES) | OFFICE_ROLES


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored report that a new one may join: its number, event, features, and its
    weighted words and names as :func:`weigh` gave them when it was stored."""

    report: int
    event: int
    features: Features
    weights: Weights


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a report goes and why.

    ``event`` is None when it opens an event of its own. ``score`` is the event's mean
    similarity to it; ``report`` the most similar report of that event, ``similarity``
    their similarity; ``shared`` the rare names they have in common.
    """

    event: int | None
    score: float = 0.0
    report: int | None = None
    similarity: float = 0.0
    shared: tuple[str, ...] = ()
    compared: int = 0  # events compared

    def reason(self) -> str:
        """Why the report joined its event, in words (empty when it opened one)."""
        if self.event is None or self.report is None:
            return ""
        names = ", ".join(self.shared) if self.shared else "no rare name"
        return (f"score {self.score:.2f}; closest report #{self.report} "
                f"(similarity {self.similarity:.2f}; shared names: {names})")


class Stats:
    """How many reports hold each word and name: the rarity weights (idf) read."""

    __slots__ = ("reports", "df", "name_df", "phrase_df")

    def __init__(self, reports: int = 0, df: dict[str, int] | None = None,
                 name_df: dict[str, int] | None = None, phrase_df: dict[str, int] | None = None):
        self.reports = reports
        self.df = df if df is not None else {}
        self.name_df = name_df if name_df is not None else {}
        self.phrase_df = phrase_df if phrase_df is not None else {}

    def idf(self, term: str) -> float:
        return math.log((self.reports + 2) / (self.df.get(term, 0) + 1))

    def name_idf(self, name: str) -> float:
        return math.log((self.reports + 2) / (self.name_df.get(name, 0) + 1))

    def add(self, doc: Features) -> None:
        self.reports += 1
        df, name_df = self.df, self.name_df
        for t in doc.terms:
            df[t] = df.get(t, 0) + 1
        for n in doc.names:
            name_df[n] = name_df.get(n, 0) + 1
        phrase_df = self.phrase_df
        for p in phrase_keys(doc):
            phrase_df[p] = phrase_df.get(p, 0) + 1


def phrase_keys(doc: Features) -> set[str]:
    """The people a report names in full (the last two words of each name, folded): what a
    report more than a week apart must share."""
    return set(doc.people)


def blocking_names(doc: Features, name_df: Callable[[str], int]) -> list[str]:
    """The report's rare names: those held by at most ``RARE_NAME_MAX`` stored reports."""
    return sorted(n for n in doc.names if name_df(n) <= RARE_NAME_MAX)


@dataclass(frozen=True, slots=True)
class Weights:
    """A report's words and names weighted by tf-idf, each vector scaled to length 1."""

    terms: dict[str, float]
    names: dict[str, float]


def _unit(weights: dict[str, float], keep: int) -> dict[str, float]:
    # The heaviest first; equal weights in the order the report wrote them (a stable sort).
    top = sorted(weights, key=weights.get, reverse=True)[:keep]
    norm = math.sqrt(sum([weights[k] ** 2 for k in top])) or 1.0
    return {k: round(weights[k] / norm, 3) for k in top}


class _Logs(dict):
    """``math.log`` of whole numbers, each computed once (a lookup costs less than a call):
    counts and document frequencies take few distinct values."""

    def __missing__(self, n: int) -> float:
        value = math.log(n)
        if len(self) < 65_536:
            self[n] = value
        return value


_LOGS = _Logs()


def _tf_idf(counts: dict[str, int], df: dict[str, int], reports: int) -> dict[str, float]:
    # (1 + log tf) * log((reports + 2) / (df + 1)): Stats.idf, inline (it runs per word).
    log, top = _LOGS, math.log(reports + 2)
    get = df.get
    return {t: (1 + log[n]) * (top - log[get(t, 0) + 1]) for t, n in counts.items()}


def weigh(doc: Features, stats: Stats) -> Weights:
    """The report's words and names weighted by how rare they are in ``stats`` (tf-idf).

    A report is weighed once, by the statistics of the reports before it, and keeps these
    weights when it is stored, so that placing a new report reads no statistics but its
    own words'. Only the ``TOP_TERMS`` heaviest words
    are kept: the rest weigh little and cost as much.
    """
    return Weights(_unit(_tf_idf(doc.terms, stats.df, stats.reports), TOP_TERMS),
                   _unit(_tf_idf(doc.names, stats.name_df, stats.reports), TOP_TERMS))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # summed in the order of the shorter vector (heaviest first), never in a set's: a set's
    # order follows the interpreter's string hashing, which changes from run to run, and a
    # float sum in another order can differ in its last digits, enough to move a score across
    # a threshold: the same reports must make the same events
    if len(b) < len(a):
        a, b = b, a
    return sum([v * b[k] for k, v in a.items() if k in b])


def similarity(a: Weights, b: Weights) -> float:
    """The similarity of two reports, 0 to 1: the mean of their words' and names' cosines."""
    return (_cosine(a.terms, b.terms) + _cosine(a.names, b.names)) / 2


def place(doc: Features, candidates: Iterable[Candidate], stats: Stats,
          weights: Weights | None = None) -> Placement:
    """The event a new report joins (the best scoring one above the threshold), or none.

    Deterministic: ties go to the event with the lowest number. A report more than
    ``WINDOW_DAYS`` apart counts only if it names a person that ``doc`` names (a full name
    found in at most ``RARE_PHRASE_MAX`` reports) and is at least ``FAR_THRESHOLD`` similar.
    ``weights``: the report's, when the caller has them (:func:`weigh` with ``stats``).
    """
    if not doc.content:
        return Placement(None)
    by_event: dict[int, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.features.content:
            by_event[c.event].append(c)
    if not by_event:
        return Placement(None)
    mine = weights or weigh(doc, stats)
    rare = set(blocking_names(doc, lambda n: stats.name_df.get(n, 0)))
    rare_phrases = {p for p in phrase_keys(doc) if stats.phrase_df.get(p, 0) <= RARE_PHRASE_MAX}
    best = Placement(None)
    best_key = None
    for event in sorted(by_event):
        members = sorted(by_event[event], key=_report_of)[-MAX_MEMBERS:]
        total, top, top_report, top_member, any_shared = 0.0, -1.0, None, None, 0
        any_person = next_day = False
        for c in members:
            gap = abs(doc.day - c.features.day) \
                if doc.day is not None and c.features.day is not None else None
            far = gap is not None and gap > WINDOW_DAYS
            if not next_day and gap is not None and gap <= NEXT_DAY:
                next_day = True
            people = len(rare_phrases.intersection(c.features.people)) if far else 0
            if far and not people:
                sim = 0.0
            else:
                sim = similarity(mine, c.weights)
                if far and sim < (FAR_THRESHOLD if people == 1 else FAR_THRESHOLD_TWO):
                    sim = 0.0
            total += sim
            if rare and any_shared < 2:
                any_shared = max(any_shared, len(rare.intersection(c.features.names)))
            if sim > 0 and not any_person and rare_phrases:
                any_person = not rare_phrases.isdisjoint(c.features.people)
            if sim > top:
                top, top_report, top_member = sim, c.report, c
        score = total / len(members)
        if score < (THRESHOLD_PERSON if any_person else THRESHOLD if any_shared > 1
                     else (THRESHOLD_ONE_NAME if next_day else THRESHOLD_ONE_NAME_LATER)
                     if any_shared else THRESHOLD_NO_NAME):
            continue
        key = (-score, event)
        if best_key is None or key < best_key:
            best_key = key
            top_shared = tuple(sorted(rare.intersection(top_member.features.names))) \
                if top_member is not None else ()
            best = Placement(event, round(score, 4), top_report, round(top, 4), top_shared,
                             len(by_event))
    return best


_report_of = attrgetter("report")


class MemoryIndex:
    """Automatic grouping held in memory: what the evaluation, the tests and a regroup use.

    ``add`` places each report in turn, as ingest does, and remembers it.
    """

    def __init__(self) -> None:
        self.stats = Stats()
        self.docs: dict[int, Candidate] = {}
        self.by_day: dict[int, list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.members: dict[int, list[int]] = defaultdict(list)
        self.next_event = 1

    def candidates(self, doc: Features) -> Iterator[Candidate]:
        seen: set[int] = set()
        if doc.day is not None:
            for d in range(doc.day - WINDOW_DAYS, doc.day + WINDOW_DAYS + 1):
                seen.update(self.by_day.get(d, ()))
        for name in blocking_names(doc, lambda n: self.stats.name_df.get(n, 0)):
            seen.update(self.by_name.get(name, ()))
        # Average linkage reads every report of a candidate event, not only the close ones.
        for event in sorted({self.docs[r].event for r in seen}):
            for r in self.members[event][-MAX_MEMBERS:]:
                yield self.docs[r]

    def add(self, report: int, doc: Features, event: int | None = None) -> Placement:
        """Place ``report`` (or put it in ``event``, a user's or a tag's choice) and keep it."""
        weights = weigh(doc, self.stats)
        if event is None:
            placement = place(doc, self.candidates(doc), self.stats, weights)
            if placement.event is None:
                event = self.next_event
                self.next_event += 1
            else:
                event = placement.event
        else:
            placement = Placement(event)
            self.next_event = max(self.next_event, event + 1)
        self.stats.add(doc)
        self.docs[report] = Candidate(report, event, doc, weights)
        self.members[event].append(report)
        if doc.day is not None:
            self.by_day[doc.day].append(report)
        for name in doc.names:
            self.by_name[name].append(report)
        return Placement(event, placement.score, placement.report, placement.similarity,
                         placement.shared, placement.compared)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The text's runs of ``size`` words (lower case, split at white space)."""
    words = text.lower().split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def sketch(text: str) -> tuple[int, ...]:
    """A bottom-k MinHash sketch of the text's word shingles: the ``SKETCH`` least of their
    32-bit hashes (CRC-32, the same on every machine), in increasing order.

    One hash per shingle instead of one per shingle and permutation: the Jaccard estimate
    of :func:`jaccard` has the error of a 64-permutation MinHash at a sixtieth of the cost.
    """
    # Every shingle is joined, encoded and hashed by C code (map and zip), no Python step
    # per shingle; of a long text, only the first SKETCH_WORDS words are split off and folded.
    if len(text) > 8 * SKETCH_WORDS:
        text = " ".join(text.split(None, SKETCH_WORDS)[:SKETCH_WORDS])
    words = text.lower().split()[:SKETCH_WORDS]
    if len(words) < SHINGLE:
        return (zlib.crc32(" ".join(words).encode()),) if words else ()
    runs = zip(*(words[i:] for i in range(SHINGLE)))
    hashes = set(map(zlib.crc32, map(str.encode, map(" ".join, runs))))
    return tuple(sorted(hashes)[:SKETCH])


def jaccard(a: tuple[int, ...], b: tuple[int, ...], at_least: float = 0.0) -> float:
    """The Jaccard similarity of two texts, estimated from their sketches.

    Among the ``k`` least hashes of the union of both sketches, the share held by both.
    With ``at_least``: 0.0 for a pair that cannot reach it, known from how many hashes
    both hold before the union is sorted (most pairs compared for copies are not copies).
    """
    if not a or not b:
        return 0.0
    both = set(a).intersection(b)
    # The k least of the union number min(k, |a| + |b| - |both|) (each sketch holds each
    # hash once), and at most |both| of them are held by both.
    if len(both) < at_least * min(SKETCH, len(a) + len(b) - len(both)):
        return 0.0
    union = sorted(set(a).union(b))[:SKETCH]
    return len(both.intersection(union)) / len(union)


def anchors(signature: tuple[int, ...]) -> tuple[int, ...]:
    """The keys under which near-duplicates meet: the ``ANCHORS`` least hashes.

    Two texts at Jaccard J share the least hash of their union with chance J; they share
    none of these with chance about (1 − J) ** ANCHORS, under 1e-5 at J = 0.8.
    """
    return signature[:ANCHORS]


_SLUG = re.compile(r"[^a-z0-9]+")


def event_name(doc: Features, text: str | None = None, title: str | None = None) -> str:
    """A readable name for an event that this report opens: place, what happened, date.

    With the report's ``text`` (and ``title``), the place is where the report says it
    happened (:func:`site`); else, or when it says nowhere, the name the report most often
    writes after "in", "at", "near", "outside" or "the town of" (the title counts twice),
    else its most frequent full name that the gazetteer knows, else its most frequent name
    that the gazetteer holds a place of, else its most frequent full name a kind of place
    ends (``Elm Park``, ``Cedar Street``), each read as extraction reads a place (never
    ``Easter``); never a person's name or a body's (``BODIES``, newspapers among them); else
    no place at all: ``port-elm-shooting-2023-05-01``, ``shooting-2023-05-01``. Without a
    date, the name has none; without a kind of event, ``event`` stands for what happened.
    The caller makes it unique.
    """
    from .extract.lexicon import default_lexicon
    from .extract.locations import location
    from .places import place_of

    people = set(doc.people).union(doc.officials)
    in_people = {w for p in people for w in p.split()}

    def place_like(name: str) -> bool:
        words = name.lower().split()
        return not BODIES.intersection(words) and " ".join(words[-2:]) not in people

    def named_place(name: str) -> bool:
        # read as extraction reads "in" and a name: "in Easter" names a day, not a place
        return place_like(name) and location("in " + name, default_lexicon()) is not None

    place_name = site(text, title, place_like) if text is not None else None
    if place_name is None:
        place_name = next((p for p in doc.places if named_place(p)), None)
    if place_name is None:
        # a name written most often that the gazetteer knows: a full one, else a lone word the
        # gazetteer holds a place of that very name (not "I'm", not the surname of someone
        # named in full), else a full one a kind of place ends ("Elm Park", "Cedar Street");
        # never a person named once in full
        place_name = next((p for p in doc.phrases if named_place(p) and place_of(p)), None) or \
            next((n for n, _ in sorted(doc.names.items(), key=lambda kv: (-kv[1], kv[0]))
                  if n not in in_people and n not in BODIES and named_place(n.title())
                  and _gazetteer_name(n)), None) or \
            next((p for p in doc.phrases if named_place(p)
                  and p.split()[-1].lower().rstrip(".") in _PLACE_KINDS), None)
    parts = []
    if place_name:
        words = _SLUG.sub(" ", place_name.lower()).split()[:3]
        parts.append("-".join(words)[:30].strip("-"))
    parts.append(doc.kind or "event")
    if doc.day is not None:
        parts.append(date.fromordinal(doc.day).isoformat())
    return "-".join(p for p in parts if p)


# The parts of a dateline: a town in capitals, its state or country, the outlet in brackets
# and the dash (apart from the word before it: "Mid-text" is none).
_TOWN_IN_CAPITALS = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"
_STATE = r", ?[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?"
_OUTLET_AND_DASH = r" *(?:\([^)\n]{1,40}\))? *(?:—|–|--| - |-(?=\s))"
# A dateline: the town a wire or station report opens with, in capitals or not, maybe with
# its state and the outlet in brackets, before a dash (``PORT ELM, Ore. (KXYZ) —``); a
# short first line (a photo's caption, a time) may stand before it.
_DATELINE = re.compile(
    rf"\A\s*(?:[^\n]{{0,60}}\n)?\s*(?P<place>{_TOWN_IN_CAPITALS}|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})"
    rf"(?:{_STATE})?{_OUTLET_AND_DASH}")
# A dateline further down the lead, after a page's first lines (a time of update, a
# photo's credit): only the strict wire form, a town in capitals and its state or country
# before the dash (``HERKIMER, N.Y. —``), at the start of a line.
_LATER_DATELINE = re.compile(rf"^[ \t]*(?P<place>{_TOWN_IN_CAPITALS}){_STATE}{_OUTLET_AND_DASH}", re.MULTILINE)
LEAD_CHARS = 600  # the lead a report's place is looked for in, after its dateline and title


def site(text: str, title: str | None = None,
         keep: Callable[[str], bool] = lambda name: True) -> str | None:
    """Where a report says its event happened: its dateline's town, else the place its
    headline names, else the first place of its lead, each read by extraction's rule for a
    location (``claimtrack.extract.locations``: a name after "in", "near", "outside"…, that
    no word of a day, a kind of event or a frame ends). A state's or a country's name (or a
    short abbreviation, ``Va.``) is taken only when none of the three names a town; ``keep``
    drops names that are no place (a person's, a body's). None when the report names none.
    """
    from .extract.lexicon import default_lexicon
    from .extract.locations import location
    from .places import country_of

    lexicon = default_lexicon()

    def found() -> Iterator[str | None]:  # read one after the other, until a town is found
        line = _DATELINE.match(text) or _LATER_DATELINE.search(text, 0, LEAD_CHARS)
        if line:
            name = line["place"]
            if name.isupper():
                name = " ".join(w.capitalize() for w in name.split())
            # read as extraction reads a place, "in" and the name: its word lists apply
            yield location("in " + name, lexicon)
        if title:
            yield location(_headline(title), lexicon)
        lead, at = text[:LEAD_CHARS], 0
        for _ in range(3):  # past a broad name: "arrived in America … in the Elm Park area"
            name = location(lead[at:], lexicon)
            yield name
            if not name or lead.find(name, at) < 0:
                break
            at = lead.find(name, at) + len(name)

    broad = None
    for name in found():
        if not name or not keep(name):
            continue
        if name.lower() in BROAD_PLACES:
            continue
        if country_of(name) is None and sum(map(str.isalpha, name)) > 2:
            return name
        broad = broad or name
    return broad
