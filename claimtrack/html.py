"""HTML pages in: the article's main text and its metadata, extracted by trafilatura.

Navigation, cookie banners, advertisements, "read more" boxes and footers are left out, so
that the stored report text (which claim offsets point into) holds only the article. The
title, publication date, site name and canonical URL come from the page's own metadata
(``<title>``, Open Graph and ``article:`` properties, JSON-LD), which trafilatura reads.

trafilatura and lxml are imported on the first page extracted, and ``claimtrack.inputs``
imports this module only when it meets HTML: the rest of the command line stays fast to start.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .errors import InputError

__all__ = ["Article", "PageWords", "clean_outlet", "clean_title", "decode_html", "drop_furniture",
           "extract_article", "looks_like_html", "name_from_domain"]

# A charset declared in the page: <meta charset="…"> or the http-equiv Content-Type form.
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = (b"<!doctype html", b"<html")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Article:
    """The main text of an HTML page, with what the page says about itself."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None  # the site name, cleaned (clean_outlet)
    url: str | None = None  # the canonical URL
    # A readable name made from the page's domain, for a page that names no site: weaker
    # than an --outlet the user gives (claimtrack.inputs fills it in last).
    domain_outlet: str | None = None


def looks_like_html(data: bytes | str) -> bool:
    """Whether ``data`` starts, after whitespace, with ``<!doctype html`` or ``<html``."""
    head = data[:64] if isinstance(data, bytes) else data[:64].encode("utf-8", "replace")
    head = head.lstrip().removeprefix(_BOM).lstrip().lower()
    return head.startswith(_HTML_START)


def decode_html(data: bytes) -> str:
    """The page as text: UTF-8 first, else the charset the page declares.

    Raises:
        InputError: neither decodes the bytes, or the declared charset is unknown.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_error = f"byte 0x{data[e.start]:02x} at offset {e.start}"
    declared = _CHARSET.search(data[:4096])
    if declared is None:
        raise InputError(f"not UTF-8 ({utf8_error}) and the page declares no charset")
    charset = declared.group(1).decode("ascii")
    try:
        return data.decode(charset)
    except LookupError:
        raise InputError(f"the page declares an unknown charset {charset!r}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {charset}, the charset the page declares "
                         f"(byte 0x{data[e.start]:02x} at offset {e.start})") from None


def extract_article(html: str | bytes) -> Article:
    """The main text and metadata of an HTML page.

    Paragraphs are separated by newlines. A headline the extractor keeps as the first line
    of the text is dropped when it repeats the title: it is stored as the title, and a
    figure in it would otherwise count twice. The site name is cleaned (clean_outlet), the
    title loses a suffix that names the site (clean_title), and page furniture the extractor
    kept (copyright lines, subscribe and share prompts, contact numbers) is dropped
    (drop_furniture).

    Raises:
        InputError: the page cannot be decoded, or holds no article text.
    """
    import trafilatura  # slow to import: only when a page is read

    if isinstance(html, bytes):
        html = decode_html(html)
    # Reader comments are not the report; tables are kept, figures are often in them. The
    # date is one the page declares (meta tags, JSON-LD, <time>, the URL): the extensive
    # search would take "© 2024" in a footer for 2024-01-01 and override --date with it.
    # favor_precision stays off: on 945 saved pages of trafilatura's own benchmark it lost
    # 74 of 2,816 passages marked as article (none with drop_furniture) and 383 of 6,405
    # lines holding a figure, and it kept every furniture line of tests/fixtures/pages.
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": date.today().isoformat()})
    text = drop_furniture((doc.text or "").strip()) if doc is not None else ""
    if not text:
        raise InputError("no article text found in this HTML page")
    host = _hostname(doc.url) or doc.hostname  # the full host: name.blogspot.com
    site = _clean(doc.sitename)
    address = host
    if site and _is_bare_domain(site) and site == site.casefold():
        # An address (trafilatura's own fallback, or a page's) is no name, but its words
        # are the site's: "uncut-news.ch" on uncutnews.ch.
        address, site = site, None
    raw_title = _clean(doc.title)
    words = PageWords(text, raw_title, site)
    outlet = clean_outlet(site, host, words)
    title = clean_title(raw_title, outlet=outlet, site=site, host=host)
    if raw_title:
        first, _, rest = text.partition("\n")
        if (_same(first, title) or _same(first, raw_title)) and rest.strip():
            text = rest.strip()
    return Article(text=text, title=title, date=_iso_date(doc.date), outlet=outlet,
                   url=_clean(doc.url),
                   domain_outlet=None if outlet else name_from_domain(address, words))


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _iso_date(value: str | None) -> str | None:
    """A YYYY-MM-DD date, or None: a date the extractor could not normalise is no date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


# --- Outlet names and titles ------------------------------------------------------------
#
# A site name is often more than a name: "Name | City News, Weather, Sports | Other City",
# "Region News and Opinion on www.example.com", a handle written as one word. The name is
# the part that names the site; the rest is a tagline. Separators count only with spaces
# around them: "Star-Telegram", "Stadt|Land" and "AC/DC" are names as written.

_SEPARATORS = re.compile(r"\s+(?:[|\-–—•·»/]|::|//)\s+|:\s+")
# no colon in titles: headlines use it ("Oskeld flood: toll rises")
_TITLE_SEPARATORS = re.compile(r"(\s+(?:[|\-–—•·»]|::|//)\s+)")
_ADDRESS = re.compile(r"(?<![\w.@])(?:www\d?\.)?((?:[^\W_][\w-]*\.)+[a-z]{2,})(?![\w.])",
                      re.IGNORECASE)
_DATE_PART = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_BARE_DOMAIN = re.compile(r"(?:[^\W_][\w-]*\.)+[a-z]{2,}", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# Second-level labels under a country code: example.co.uk, example.com.au, example.gv.at.
_SECOND_LEVEL = frozenset("ac co com edu gob go gov gv ne net nic nom or org".split())
_HOST_PREFIXES = frozenset("www www1 www2 www3 m mobile amp edition".split())
# Hosts of many sites, each under its own name: name.blogspot.com, name.substack.com.
_SHARED_HOSTS = frozenset("blogspot wordpress substack tumblr medium github wixsite weebly "
                          "typepad livejournal hypotheses".split())
# Words of a tagline: what a news site is about, never what it is called.
_GENERIC = frozenset("""
    news breaking latest headlines headline updates update stories story top live
    weather sports sport traffic opinion opinions analysis commentary politics business
    world local national international regional entertainment lifestyle culture
    video videos photos pictures podcasts coverage information info events home homepage
    official site website online web portal more everything everyday features
    reports reporting journalism
""".split())
_FUNCTION = frozenset("""
    a an the and or of on in at for from to with by your our you we its it de la le el
    del des du y e und der die das von
""".split())
# Words often run together in news sites' addresses, beside the page's own words.
_NAME_WORDS = frozenset("""
    the of and on times post news daily herald tribune journal gazette star sun mail press
    express observer guardian chronicle breaking today world weekly online review telegraph
    independent standard globe record courier times sentinel examiner inquirer bulletin
    monitor report reporter register dispatch mirror metro free new city county state
    nation national global live now first wire network media radio tv
""".split())
# Address words that stay lower case inside a name ("Times of Israel").
_LOWER_IN_NAME = frozenset("a an and at for in of on or the to de la le el del des du".split())


class PageWords:
    """The words a page uses, in the forms it writes them: where a site's address runs its
    name together ("timesofisrael"), these split it and give each word its case. Counted
    only when asked (most pages name their site plainly)."""

    def __init__(self, *texts: str | None) -> None:
        self._texts = [t for t in texts if t]
        self._forms: dict[str, dict[str, int]] | None = None

    def forms(self) -> dict[str, dict[str, int]]:
        if self._forms is None:
            self._forms = {}
            for text in self._texts:
                for word in _WORD.findall(text):
                    seen = self._forms.setdefault(word.casefold(), {})
                    seen[word] = seen.get(word, 0) + 1
        return self._forms

    def __contains__(self, word: str) -> bool:
        return word in self.forms()

    def written(self, word: str) -> str:
        """``word`` as the page writes it: its most frequent form with a capital (a name's
        words are capitalised: "Israel", "BBC"), else capitalised."""
        capitals = {form: n for form, n in self.forms().get(word, {}).items()
                    if form != form.casefold()}
        if capitals:  # "Colombiano" before a headline's "COLOMBIANO"; "BBC" where it is all
            return max(capitals, key=lambda form: (form[1:] == form[1:].casefold(),
                                                   capitals[form], form[0].isupper()))
        return word[:1].upper() + word[1:]


def _hostname(url: str | None) -> str | None:
    match = re.match(r"(?:[a-z][a-z0-9+.-]*:)?//([^/?#:@]+)", url or "", re.IGNORECASE)
    return match.group(1).casefold() if match else None


def _domain_label(host: str | None) -> str | None:
    """The label that names the site in a host name: "timesofisrael" in
    www.timesofisrael.com, "bbc" in bbc.co.uk, "orf" in wien.orf.at."""
    labels = [label for label in (host or "").casefold().strip(".").split(".") if label]
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels.pop(0)
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        labels.pop(-1)
    if len(labels) >= 3 and labels[-2] in _SHARED_HOSTS:
        return labels[-3]
    if len(labels) >= 2:
        return labels[-2]
    return labels[0] if labels else None


def _key(name: str) -> str:
    """A name reduced to its letters and digits, without a leading "the", a "www." or a
    top-level domain: "The Vessa Herald", "vessaherald.com" → "vessaherald"."""
    name = name.casefold().strip()
    name = re.sub(r"^www\d?\.", "", name)
    name = re.sub(r"(?:\.[a-z]{2,3}){1,2}$", "", name) if _BARE_DOMAIN.fullmatch(name) else name
    name = re.sub(r"^the\s+", "", name)
    name = unicodedata.normalize("NFKD", name)
    return "".join(_WORD.findall("".join(c for c in name if not unicodedata.combining(c))))


def _is_bare_domain(name: str) -> bool:
    return bool(_BARE_DOMAIN.fullmatch(re.sub(r"^www\d?\.", "", name, flags=re.IGNORECASE)))


def _names_domain(part: str, label: str | None) -> bool:
    """Whether ``part`` spells the site's address label ("WSVN 7News" on wsvn.com, "The
    Times of Israel" on timesofisrael.com)."""
    if not label:
        return False
    label = label.replace("-", "")
    key = _key(part)
    if not key:
        return False
    if key == label:
        return True
    # "WSVN 7News" on wsvn.com, "ZDFmediathek" on zdf.de; "Miami" on miamiherald.com
    return (len(label) >= 3 and key.startswith(label)) or (len(key) >= 4 and label.startswith(key))


def _is_tagline(part: str) -> bool:
    """A part made mostly of what a news site covers ("City News, Weather, Sports",
    "Breaking News and Videos"): more than half its words are generic news words."""
    words = [w for w in _WORD.findall(part.casefold()) if w not in _FUNCTION]
    if not words:
        return True
    return 2 * sum(w in _GENERIC for w in words) > len(words)


def _segment(label: str, words: PageWords | None) -> list[str] | None:
    """``label`` split into the fewest words that the page uses or that news sites' names
    commonly hold ("timesofisrael" → times, of, israel); None if no split covers it."""
    def known(piece: str) -> bool:
        if piece.isdigit():
            return True
        if len(piece) < 2 and piece not in ("a",):
            return False
        return piece in _NAME_WORDS or (words is not None and piece in words)

    n = len(label)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            head = best[start]
            piece = label[start:end]
            # the whole label is no split, even where the page writes it as one word
            if head is not None and piece != label and known(piece):
                if best[end] is None or len(head) + 1 < len(best[end]):
                    best[end] = head + [piece]
    return best[n]


def _spell(pieces: list[str], words: PageWords | None) -> str:
    out = []
    for i, piece in enumerate(pieces):
        if i and piece in _LOWER_IN_NAME:
            out.append(piece)
        elif words is not None:
            out.append(words.written(piece))
        else:
            out.append(piece[:1].upper() + piece[1:])
    return " ".join(out)


def name_from_domain(host: str | None, words: PageWords | None = None) -> str | None:
    """A readable name from a site's address: its label split into words (``_segment``)
    and written as the page writes them ("timesofisrael.com" → "Times of Israel"); a label
    that does not split is one capitalised word ("watson.ch" → "Watson")."""
    label = _domain_label(host)
    if not label:
        return None
    names = []
    for chunk in label.split("-"):
        if not chunk:
            continue
        pieces = _segment(chunk, words) or [chunk]
        names.append(_spell(pieces, words))
    return " ".join(names) or None


def clean_outlet(site: str | None, host: str | None = None,
                 words: PageWords | None = None) -> str | None:
    """The outlet's name in a page's site name (``og:site_name``).

    The site name is cut at separators with spaces around them (| - – — • · / : and the
    like). The part that spells the site's address wins ("WSVN 7News" on wsvn.com); else
    the first part that is not a tagline (mostly generic news words). A part that holds the
    site's address ("… on www.example.com") gives the name from that address. A name
    written as one run-together word that is the address label ("Timesofisrael") is split
    as ``name_from_domain`` splits it. None when the site name names nothing (all tagline,
    with an address to name the site by instead).
    """
    site = " ".join((site or "").split()).lstrip("@").strip()
    if not site:
        return None
    label = _domain_label(host)
    parts = [p.strip(" ,;") for p in _SEPARATORS.split(site)]
    parts = [p for p in parts if p] or [site]
    for part in parts:
        address = _ADDRESS.search(part)
        if address and (label is None or _domain_label(address.group(1)) == label) and (
                _is_tagline(re.sub(r"https?://", "", _ADDRESS.sub("", part)))):
            if address.group(0) == part and part != part.casefold():
                return part  # an address the site writes as its name: "Example.com"
            return name_from_domain(address.group(1), words)
    named = [p for p in parts if _names_domain(p, label) and not _is_tagline(p)]
    plain = [p for p in parts if not _is_tagline(p)]
    if named:
        name = named[0]
    elif plain or len(parts) == 1:  # a name of generic words alone is still its name
        name = (plain or parts)[0]
    elif label:
        return None
    else:
        name = parts[0]
    if (" " not in name and name[1:] == name[1:].casefold() and label
            and _key(name) == label.replace("-", "")):
        pieces = _segment(label, words)
        if pieces and len(pieces) > 1:
            return _spell(pieces, words)
    return name


def clean_title(title: str | None, *, outlet: str | None = None, site: str | None = None,
                host: str | None = None) -> str | None:
    """``title`` without the parts at either end that name the site ("Headline - Outlet",
    "Outlet | Headline"), and the taglines next to them; the headline's own parts stay.

    A part names the site when it reduces (``_key``) to the outlet, to a part of the site
    name, or to the site's address label. A title that would keep no more than a tagline
    ("Outlet - News") stays whole.
    """
    if not title:
        return title
    pieces = _TITLE_SEPARATORS.split(title)
    parts, seps = pieces[0::2], pieces[1::2]
    if len(parts) < 2:
        return title
    label = _domain_label(host)
    names = {_key(n) for n in (outlet, site, host) if n}
    if site:
        names.update(_key(p) for p in _SEPARATORS.split(site))
    if label:
        names.add(label.replace("-", ""))
    names.discard("")

    def names_site(part: str) -> bool:
        key = _key(part)
        return bool(key) and (key in names or (_is_bare_domain(part.strip())
                                               and _domain_label(part.strip()) == label))

    def dated_site(i: int) -> bool:  # "Headline | Outlet | 19.01.2020"
        return i - 1 > lo and bool(_DATE_PART.fullmatch(parts[i].strip())) and names_site(
            parts[i - 1])

    lo, hi = 0, len(parts)
    while hi - lo > 1 and (names_site(parts[hi - 1]) or dated_site(hi - 1)):
        hi -= 1
        while hi - lo > 1 and _is_tagline(parts[hi - 1]) and not names_site(parts[hi - 1]):
            hi -= 1
    while hi - lo > 1 and names_site(parts[lo]):
        lo += 1
    if (lo, hi) == (0, len(parts)) or all(_is_tagline(p) for p in parts[lo:hi]):
        return title  # nothing named the site, or only a tagline would be left
    kept = [parts[lo]]
    for i in range(lo + 1, hi):
        kept += [seps[i - 1], parts[i]]
    return "".join(kept).strip() or title


# --- Page furniture ---------------------------------------------------------------------
#
# Lines the extractor keeps although they are the page's, not the article's: a copyright
# line, a prompt to subscribe, share or follow, a contact number. A line that opens with
# such a prompt is furniture whatever it holds ("Read more: 5 killed in …" is another
# story); a line that only mentions a newsletter, a contact number or reserved rights is
# furniture only when no figure is left in it once phone numbers and years are taken out,
# so that no article sentence with a figure is ever dropped.

_PROMPT = re.compile(r"""^[^\w"“”'‘’«»]{0,3}(?:
      subscribe | sign[\s-]?up | sign\s+in | log\s*in | register\s+(?:now|today|here|for\s+free)
    | follow\s+(?:us|@) | like\s+us\s+on | join\s+(?:our|the\s+conversation|us\s+(?:on|at|for))
    | share\s+(?:this|on|via|the\s+story) | click\s+here | tap\s+here
    | download\s+(?:our|the)\s+(?:\w+\s+){0,2}app
    | get\s+(?:our|the)\s+(?:\w+\s+){0,2}(?:app|newsletter)
    | (?:read\s+(?:more|also|next)|also\s+read|related|recommended|don'?t\s+miss|advertisement
       |sponsored(?:\s+content)?)\s*(?:[:»›…|]|\.\.\.|$)
    | support\s+(?:our|independent|local)\s+journalism
    | become\s+a\s+(?:member|subscriber|supporter) | copyright | ©
)(?!\w)""", re.IGNORECASE | re.VERBOSE)
_MENTION = re.compile(r"""
      \ball\s+rights\s+reserved\b
    | \bnewsletters?\b.*\b(?:sign|subscrib\w*|inbox|receive|delivered|free)\b
    | \b(?:sign|subscrib\w*|inbox|receive|delivered)\b.*\bnewsletters?\b
    | \b(?:whats\s?app|telegram|signal|call|text|sms|contact|hotline|tips?)\b
        [^.!?]{0,40}?\+?\d[\d\s().-]{6,}\d
""", re.IGNORECASE | re.VERBOSE)
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{6,}\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ADDRESSES = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+")
# Longer lines are article prose: one that opens with a prompt, or only mentions one.
_PROMPT_WORDS, _MENTION_WORDS = 40, 20


def _is_furniture(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _PROMPT_WORDS:
        return False
    if _PROMPT.match(line):
        return True
    if len(words) <= _MENTION_WORDS and _MENTION.search(line):
        rest = _YEAR.sub("", _PHONE.sub("", _ADDRESSES.sub("", line)))
        return not any(c.isdigit() for c in rest)
    return False


def drop_furniture(text: str) -> str:
    """``text`` without the lines that are page furniture (``_is_furniture``); the text
    as it was if nothing else would be left."""
    lines = text.split("\n")
    kept = [line for line in lines if not _is_furniture(line.strip())]
    return "\n".join(kept).strip() if any(line.strip() for line in kept) else text
