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
from dataclasses import dataclass
from datetime import date

from .errors import InputError

__all__ = ["Article", "decode_html", "extract_article", "looks_like_html"]

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
    outlet: str | None = None  # the site name
    url: str | None = None  # the canonical URL


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
    figure in it would otherwise count twice.

    Raises:
        InputError: the page cannot be decoded, or holds no article text.
    """
    import trafilatura  # slow to import: only when a page is read

    if isinstance(html, bytes):
        html = decode_html(html)
    # Reader comments are not the report; tables are kept, figures are often in them. The
    # date is one the page declares (meta tags, JSON-LD, <time>, the URL): the extensive
    # search would take "© 2024" in a footer for 2024-01-01 and override --date with it.
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": date.today().isoformat()})
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no article text found in this HTML page")
    title = _clean(doc.title)
    if title:
        first, _, rest = text.partition("\n")
        if _same(first, title) and rest.strip():
            text = rest.strip()
    return Article(text=text, title=title, date=_iso_date(doc.date), outlet=_clean(doc.sitename),
                   url=_clean(doc.url))


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
