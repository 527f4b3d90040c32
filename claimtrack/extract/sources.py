"""Sources (SPEC §5): a noun phrase naming who makes a claim, normalised into a name, a kind,
a descriptor, a role and a grouping key; public bodies keyed within their country."""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Link, Source
from .cues import _SPEECH
from .lexicon import Lexicon
from .metrics import _phrase_alt


_DETERMINERS = re.compile(r"^(?:the|a|an|our|its|their|his|her)\s+", re.IGNORECASE)
_FUNCTION_WORDS = {"without", "with", "by", "after", "before", "while", "when", "also", "then", "and", "but",
                   "or", "not", "just", "even", "only", "as", "so", "if", "for", "of", "in", "on", "at",
                   "to", "from", "into", "about", "over", "under", "since", "until", "all", "both"}
_NOT_NAMES = {"the", "a", "an", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "today", "yesterday", "tonight"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "those",
             "these", "one", "there", "what"}
_DEMONYMS = re.compile(
    r"\b(?:kazakh(?:stan(?:'s|’s)?)?|russian|russia(?:'s|’s)|american|u\.s\.|us|british|uk|french|german|"
    r"ukrainian|ukraine(?:'s|’s)|chinese|china(?:'s|’s)|iranian|iraqi|syrian|turkish|israeli|palestinian|"
    r"afghan|pakistani|indian|mexican|colombian|peruvian|salvadoran|guatemalan|honduran|nicaraguan|"
    r"kyrgyz|uzbek|tajik|armenian|belarusian|georgian|egyptian|libyan|nigerian|somali|sudanese|"
    r"ethiopian|kenyan|lebanese|saudi|yemeni|european|federal|national|state|local|regional|city|"
    r"provincial|county)\b\s*",
    re.IGNORECASE)


@lru_cache(maxsize=8)
def _kinds(lexicon: Lexicon) -> dict:
    src = lexicon.data.get("sources", {})
    # an international body before media: "the UN agency", "the UN news service"
    order = ["unnamed", "international", "media", "medical", "police", "military", "ngo", "government"]
    # one word of a closed class (a determiner, a conjunction, a relative pronoun…) is no name
    grammar = lexicon.data.get("grammar", {})
    closed = frozenset(w.lower() for cls in ("determiners", "conjunctions", "subordinators", "adverbs",
                                             "prepositions", "pronouns", "relatives", "negators")
                       for w in grammar.get(cls, ()) if " " not in w) | _NOT_A_SPEAKER_WORD
    res = []
    for kind in order:
        words = sorted(src.get(kind, []), key=len, reverse=True)
        if words:
            # a kind's word that is also a closed-class word names the body only in capitals,
            # as an acronym: "the WHO said", never "the miners who died"
            alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words if w.lower() not in closed)
            caps = "|".join(re.escape(w.upper()) for w in words if w.lower() in closed)
            either = f"(?i:{alt})|{caps}" if alt and caps else f"(?i:{alt})" if alt else caps
            res.append((kind, re.compile(rf"(?<![\w-])(?:{either})(?![\w-])")))
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
    # a role word written as a title before a name, with the words of office before it:
    # "Senate Majority Leader John Thune", "House Speaker Paul Ryan"
    title_re = re.compile(
        r"(?:[A-Z][\w.'’-]*\s+){0,3}(?:%s)\s+(?=[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\Z)"
        % "|".join(r" ".join(w.capitalize() for w in role.split()) for role in sorted(roles, key=len, reverse=True)))
    # a body's whole name as the lexicon lists it ("Committee to Protect Journalists") is kept whole
    phrases = frozenset(w.lower() for kind in order for w in src.get(kind, []) if len(w.split()) > 2)
    # "in"/"at" and the words of direction that may stand before a place: "police in western"
    directions = [w.lower() for w in lexicon.data.get("locations", {}).get("directions", [])]
    in_place_end = re.compile(r"\b(?:in|at)(?:\s+the)?(?:\s+(?:%s))*$" % "|".join(
        re.escape(w) for w in sorted(set(directions), key=len, reverse=True)) if directions else r"\b(?:in|at)$",
        re.IGNORECASE)
    return {"kinds": res, "role_re": role_re, "title_re": title_re, "phrases": phrases, "closed": closed, "unnamed": unnamed_exact, "hedge_re": hedge_re,
            "acronyms": acronyms, "furniture": furniture, "speech_lower": speech_lower, "speech": speech_any,
            "in_place_end": in_place_end}


_TITLE = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,3}"
    r"(?:Governor|Gov\.|President|Pres\.|Mayor|Sheriff|Senator|Sen\.|Representative|Rep\.|Minister|"
    r"Lieutenant|Lt\.|Sergeant|Sgt\.|Captain|Capt\.|Detective|Det\.|Officer|Chief|General|Gen\.|Colonel|"
    r"Col\.|Major|Maj\.|Commander|Cmdr\.|Doctor|Dr\.?|Judge|Prosecutor|Secretary|Ambassador|Spokesman|"
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


# a study and what it covers ("of", "in", "among", "on", "about" its subjects), its maker between
_EVIDENCE_SCOPE = re.compile(
    r"(?P<study>.*?\b(?:polls?|surveys?|study|studies|analysis|analyses)"
    r"(?:\s+by\s+[^,;:]+?)?)\s+(?:of|in|among|on|about)\s+(?P<scope>\S.*?)"
    r"(?:\s+by\s+(?P<maker>(?:the\s+)?(?-i:[A-Z])[^,;:]*))?", re.IGNORECASE)


_MAKER_NAME_GOES_ON = re.compile(r"(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|and|for|the))*")
_CAPITAL_OR_YEAR = re.compile(r"[A-Z]|\b(?:19|20)\d\d\b")  # what the capitalised-run rule would take for a name


# a role noun and the preposition that names whom it serves ("spokeswoman for", "aide to")
_ROLE_FOR_PERSON = re.compile(r"(?:.*\s)?(?P<head>[a-z][a-z-]+)\s+(?:for|to)", re.IGNORECASE)


def _roles(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(r.rstrip("s") for r in lexicon.data.get("words", {}).get("roles", ()) if " " not in r)


# a report names the same few sources again and again; a Source is frozen, so sharing is safe
@lru_cache(maxsize=4096)
def make_source(np_text: str, lexicon: Lexicon) -> Source | None:
    """Normalise a noun phrase naming a source: name, kind, key, descriptor and role."""
    kinds = _kinds(lexicon)
    text = np_text.strip(" ,.;:'\"“”‘’-–—")  # "CITY (AP) — City police say": no dash
    text = _SPACES.sub(" ", text)
    scoped = _EVIDENCE_SCOPE.fullmatch(text) if " " in text else None
    if scoped and not scoped["maker"] and " by " in scoped["study"] and _MAKER_NAME_GOES_ON.fullmatch(scoped["scope"]):
        scoped = None  # "a study by the Council of the Great City Schools": "of" goes on the maker's name
    if scoped and (scoped["maker"] or _CAPITAL_OR_YEAR.search(scoped["scope"])):
        # "a Harlan poll of Ohio voters", "an analysis by X of the 2012 race": what it covers
        # names no one (its capitals and years are no name of a source); the study itself, or
        # who made it, is the source
        return make_source(scoped["maker"] or scoped["study"], lexicon)
    owned = _OWNED_EVIDENCE.fullmatch(text)
    if owned:
        return make_source(owned["owner"], lexicon)  # "the health ministry's figures": the ministry
    document = _BODY_DOCUMENT.fullmatch(text)
    if document:
        owner = make_source(document["owner"], lexicon)
        if owner is not None and owner.kind not in ("person", "unnamed"):
            return owner
    body = _BODY_OF_REPORT.match(text)
    if body and body.end() < len(text):
        return make_source(text[body.end():], lexicon)  # "a report released by X": X
    text = _NP_TAIL.sub("", text)  # "a poll released Friday": the day names no one
    text = _LEADING_CONJUNCTION.sub("", text)  # "But a fresh poll"
    text = _LEADING_PER.sub("", text)  # "Per local media reports": the cue is no part of the name
    if _PRONOUN_CONTRACTION.match(text) or _PRONOUN_START.match(text):
        return None  # a pronoun with a contraction, not a name
    if not text or len(text) > 120:
        return None
    bare = _DETERMINERS.sub("", text)
    bare = _RANK.sub("", bare)
    lowered = bare.lower()
    # a capitalised function word after a determiner is an acronym: "the WHO", not "who"
    acronym = bare != text and bare.isupper() and not text.isupper()
    if (lowered in _PRONOUNS or lowered in _FUNCTION_WORDS) and not acronym or lowered in _NOT_NAMES or \
            not _LETTER.search(bare):
        return None
    if lowered in kinds["furniture"]:
        return None  # "UPDATE", "READ MORE", "Photo": the page's frame, no one's words
    first, _, rest = bare.partition(" ")
    if rest and first.lower() in kinds["furniture"] and first[:1].isupper():
        # the page's frame run into the speaker's name ("VIDEO Police said", a caption
        # file's "WEBVTT" header before its first line): the speaker is what follows, when
        # that is a body or a group ("Credit Suisse", "Live Nation" are names of their own)
        after = make_source(rest, lexicon)
        if after is not None and after.kind != "person":
            return after
    if lowered in kinds["closed"] and not (acronym or bare.isupper() and len(bare) <= 5) \
            or _TIME_PHRASE.fullmatch(lowered) or _CLAUSE_PHRASE.match(lowered):
        return None  # "Though", "Another", "Last August", "this conflicted with …": no one
    opener = _PARTICIPLE_OPENER.match(bare)
    if opener:
        return make_source(bare[opener.end():], lexicon)  # "Arriving at the scene, police": police
    upper = bare.isupper() and len(bare) > 3
    of_body = _PERSON_OF_BODY.fullmatch(bare) if not upper and " " in bare else None
    if of_body:
        # "Inspector Joy Okafor of the Lagos police": a person, the body a descriptor
        person, body = make_source(of_body["person"], lexicon), make_source(of_body["body"], lexicon)
        if person is not None and person.kind == "person" and body is not None \
                and body.kind not in ("person", "unnamed"):
            return Source(name=person.name, kind="person", key=person.key, text=text,
                          descriptor=body.name, role=person.role)
    name, descriptor, role = bare, None, None
    held = False  # a role and the place it is held: a person
    if not upper and lowered not in kinds["phrases"]:
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
        # "the board of the water agency in Lyon", "police in western Pennsylvania": a place
        # after "in"/"at" says where the body sits; the name is the whole phrase, not the place
        if run_start is not None and 0 < run_start < len(tokens) and kinds["in_place_end"].search(
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
            served = _ROLE_FOR_PERSON.fullmatch(before) if before else None
            if served and served["head"].lower().rstrip("s") in _roles(lexicon) and \
                    not served["head"].lower().startswith("spokes") and \
                    (_PERSON_NAME.fullmatch(name) or _ONE_NAME.fullmatch(name)) \
                    and not any(rx.search(name) for _, rx in kinds["kinds"]) and name not in kinds["acronyms"]:
                # "an aide to Ann Vale", "one of the lawyers for Ann Vale": the role speaks, a person of
                # its own; the source is the whole phrase, never the one it serves (a spokesman's
                # words stay those of whom he speaks for)
                return Source(name=bare, kind="person", key=source_key(bare), text=text, descriptor=None,
                              role=served["head"])
            if before:
                rm = kinds["role_re"].search(before)
                if rm and rm.end() >= len(before) - 1:
                    role = rm.group().strip()
                else:
                    descriptor = before
        name = _POSSESSIVE_END.sub("", name).strip()
        title = _TITLE.match(name)
        if title is None:
            title = kinds["title_re"].match(name)
            if title and (_POSSESSIVE.search(name, title.end()) or any(
                    rx.search(name, title.end()) for _, rx in kinds["kinds"])):
                title = None  # "Attorney General's Office", "Chief Constable Office": a body
        if title and name[title.end():]:
            role = f"{role} {title.group().strip()}" if role else title.group().strip()
            name = name[title.end():]
            more = _TITLE.match(name) or kinds["title_re"].match(name)
            if more and name[more.end():] and _PERSON_NAME.fullmatch(name[more.end():]) \
                    and not any(rx.search(name, more.end()) for _, rx in kinds["kinds"]):
                role, name = f"{role} {more.group().strip()}", name[more.end():]  # "Deputy Commissioner X"
    kind = None
    probe = bare
    if lowered in kinds["unnamed"] or _UNNAMED_GROUP.match(lowered):
        kind = "unnamed"
    else:
        span = None
        for k, rx in kinds["kinds"]:
            if k == "unnamed":
                continue
            hit = rx.search(probe)
            # the first kind in order, unless a later one's phrase holds its words: "fire
            # brigade" (government) over "brigade" (military); "UN agency" stays international
            if hit and (span is None or hit.start() <= span[0] and hit.end() >= span[1] and hit.span() != span):
                kind, span = k, hit.span()
        if kind is None:
            if role or _PERSON_NAME.fullmatch(name) and not upper:
                kind = "person"
            elif _ONE_NAME.fullmatch(name):
                kind = "person"
            else:
                kind = "unnamed"
        if kind in ("government", "police", "military", "medical") and role and name != bare:
            kind = "person"
        elif role and name != bare and not upper and _PERSON_NAME.fullmatch(name):
            kind = "person"  # "White House press secretary Josh Earnest": a person with a role
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
    shown = None
    if kind in SCOPED_KINDS and not upper:
        whole = name
        name, descriptor, country = _country_apart(name, descriptor, text, lexicon)
        if country and whole.endswith(" " + name) and name[:1].isupper() and \
                _country_name(whole[:-len(name)].strip(), lexicon):
            # "Kenya Police": a country's name run into a body's capitalised name is part of
            # its proper name (shown whole, keyed as the body within the country)
            shown = whole
    if descriptor:
        descriptor = _POSSESSIVE_END_S.sub("", descriptor.strip())
    key = _SPACES.sub(" ", _PUNCTUATION.sub(" ", name.casefold())).strip() if kind == "unnamed" \
        else source_key(name)
    if shown is not None:
        name = shown
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


def _country_name(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a country's name (the first word of its lexicon list), not its
    adjective or a possessive: "Kenya", not "Kenyan" or "Kenya's"."""
    return any(ws and ws[0] == word for ws in lexicon.data.get("countries", {}).values())


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


def _country_of_key(key: str) -> str | None:
    """The country a scoped key holds (``interior ministry (kz)`` -> ``kz``), else None."""
    return key[-3:-1] if key.endswith(")") and _SCOPED_KEY.search(key) else None


def scope_sources(claims: list, lexicon: Lexicon) -> list:
    """The claims of one report with each public body named without its country keyed by the
    report's country, when the report shows one: the one country its bodies were named with,
    else the one country its claims' places lie in."""
    named: set[str] = set()
    unscoped = False
    for c in claims:
        for link in c.attribution.chain:
            if link.source.kind in SCOPED_KINDS:
                country = _country_of_key(link.source.key)
                if country:
                    named.add(country)
                else:
                    unscoped = True
    if not unscoped:
        return claims  # most reports: no public body, or each named with its country
    countries = named or {_place_country(c.location, lexicon) for c in claims if c.location} - {None}
    if len(countries) != 1:
        return claims  # no country, or several: the report's place is unknown
    (country,) = countries
    from dataclasses import replace  # claims are frozen: a scoped one is a copy

    def scoped(link: Link) -> Link:
        src = link.source
        if src.kind not in SCOPED_KINDS or _country_of_key(src.key):
            return link
        return replace(link, source=replace(src, key=scoped_key(src.key, country)))

    out = []
    for c in claims:
        chain = tuple(scoped(link) for link in c.attribution.chain)
        if chain != c.attribution.chain:
            c = replace(c, attribution=replace(c.attribution, chain=chain))
        out.append(c)
    return out


# "a poll released Friday", "a survey conducted last week by …": when, not who
_PERSON_OF_BODY = re.compile(
    r"(?P<person>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’.-]+\s+[A-Z][\w'’-]+)\s+(?:of|from|with|at)\s+"
    r"(?P<body>the\s+\S.*)")
_NOT_A_SPEAKER_WORD = frozenset(("multiple", "please", "however", "meanwhile", "instead", "still", "yes", "no"))
_TIME_PHRASE = re.compile(
    r"(?:(?:last|next|this|early|late|mid|until|since|in|by)\s+)?(?:(?:early|late|mid)[\s-]+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|"
    r"autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning)"
    r"(?:\s+\d{1,4})?")
# a demonstrative and a verb in the past: a clause, not a phrase that names someone
_CLAUSE_PHRASE = re.compile(r"(?:this|that|these|those|it)\s+[a-z]+ed\b|.*\b(?<!who\s)(?<!which\s)(?<!that\s)"
                            r"(?:has|have|had)\s+(?:been\s+)?(?:broken|[a-z]+ed)\s+(?:even|more|the|a|an)\b")
# "Arriving at the scene, police …": a participle's clause, then its subject
_PARTICIPLE_OPENER = re.compile(r"[A-Z][a-z]+ing\b[^,]{0,60},\s+(?=\S)")
_OWNED_EVIDENCE = re.compile(r"(?P<owner>.+?)['’]s?\s+(?:own\s+|latest\s+|new\s+|official\s+)?(?:figures|data|statistics|"
                             r"tally|count|toll|death\s+toll|estimates?|numbers|records|words|remarks|statement|"
                             r"comments|account)", re.IGNORECASE)
# "a police statement", "the army communiqué": a body's document speaks for the body
_BODY_DOCUMENT = re.compile(r"(?:(?:a|an|the)\s+)?(?P<owner>[\w'’. -]+?)\s+(?:statement|communiqu[ée]|press\s+release|"
                            r"news\s+release|bulletin|briefing)", re.IGNORECASE)
_LEADING_PER = re.compile(r"^(?:as\s+)?per\s+(?=\S)", re.IGNORECASE)
_LEADING_CONJUNCTION = re.compile(r"^(?:but|and|so|yet|or|then|also|still|now)\s+(?=\S)", re.IGNORECASE)
_PRONOUN_CONTRACTION = re.compile(r"(?:he|she|it|they|we|i|you|that|there|what|who)['’](?:s|re|ve|d|ll|m)?\Z",
                                  re.IGNORECASE)
_PRONOUN_START = re.compile(r"(?:[Ii]|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?:['’]\w+)?\s+(?-i:[a-z])")
_NP_TAIL = re.compile(
    r"(?:(?<!ly)\s+(?:released|conducted|published|issued)\b[^,;:]*|\s+(?:last|this)\s+(?:week|month|year|night)|"
    r"\s+(?:from|in)\s+(?:(?:early|late|mid)[\s-]+)?(?:19|20)\d\d|"  # "a study from 2011": when, not who
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))+\s*$", re.IGNORECASE)


# a prepositional cue whose object is a toll, a report or figures "by X": X is the source
_BODY_OF_REPORT = re.compile(
    r"(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?|(?:new|recent|latest)\s+)?(?:toll|tally|count|figures?|numbers|data|report|statement|study|survey|analysis|"
    r"review|audit|estimate|memo|poll)\s+(?:(?:provided|released|published|issued|compiled|conducted|prepared)\s+)?"
    # when it came out, between the participle and its maker: "a report released in May by X"
    r"(?:(?:(?:on|in|last|this|earlier\s+this)\s+)?(?:\w+day|today|yesterday|week|month|year|spring|summer|fall|"
    r"autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)\s+)?"
    r"(?:by|from)\s+(?=(?:the\s+)?[A-Z])", re.IGNORECASE)
