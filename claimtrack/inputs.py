"""Reading reports from files, folders, globs and stdin (SPEC §7 inputs). No SQL here.

:func:`read_inputs` is a generator: it opens one file at a time and reads JSON lines line by
line, yielding a :class:`Report` for each readable report and a :class:`Rejection` for each
one that is not, so that a caller can store the rest and name every failure. Both records
are plain picklable data, ready to be handed to worker processes.
"""
from __future__ import annotations

import glob
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from hashlib import sha256
from pathlib import Path
from typing import BinaryIO

from .errors import UsageError
from .extract import Lexicon, extract_claims
from .models import claim_to_dict

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
STDIN_NAME = "<stdin>"

# Front-matter keys: field names of Report, with the aliases news APIs and CMS exports use.
META_KEYS = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "published_at": "date", "publishedat": "date",
    "url": "url", "link": "url",
    "outlet": "outlet", "source": "outlet", "site": "outlet",
    "event": "event",
    "id": "id",
}
_META_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_DATE_TOKEN = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Meta:
    """Report metadata; every field may be unknown."""

    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    event: str | None = None

    def fill(self, defaults: Meta) -> Meta:
        """These values, with the gaps filled from ``defaults``."""
        return Meta(**{k: getattr(self, k) or getattr(defaults, k) for k in self.__slots__})


@dataclass(frozen=True, slots=True)
class Report:
    """One report read from an input, with its text as it will be stored."""

    text: str
    name: str  # for messages: "a.txt", "feed.jsonl:3", "<stdin>"
    ref: str  # what `extract` prints as `report`: the input's own id, else name
    path: str | None  # the file it came from; None for stdin
    meta: Meta = Meta()

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read as a report."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def text_sha256(text: str) -> str:
    """Hash of the text with Unicode and whitespace normalised: reflowed copies are one report."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return sha256(normal.encode("utf-8")).hexdigest()


def check_date(value: str) -> str:
    """``value`` if it is an ISO 8601 date or date-time, else UsageError."""
    try:
        (date if len(value) == 10 else datetime).fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not an ISO date such as 2022-01-06") from None
    return value


def read_inputs(
    paths: Iterable[str], *, defaults: Meta = Meta(), stdin: BinaryIO | None = None
) -> Iterator[Report | Rejection]:
    """Every report in ``paths``, in a deterministic order.

    Args:
        paths: files, folders (read recursively, sorted), glob patterns, or ``-`` for stdin.
        defaults: metadata for the gaps: a report's own metadata (front matter, JSON fields)
            wins over these.
        stdin: where ``-`` reads from; ``sys.stdin``'s bytes when omitted.
    """
    for arg in paths:
        if arg == STDIN:
            stream = stdin if stdin is not None else _stdin_bytes()
            yield from _read_stdin(stream, defaults)
            continue
        files = _expand(arg)
        if isinstance(files, Rejection):
            yield files
            continue
        for path in files:
            yield from _read_file(path, defaults)


def _stdin_bytes() -> BinaryIO:
    return getattr(sys.stdin, "buffer", None) or _TextAsBytes(sys.stdin)


class _TextAsBytes:
    """Byte lines from a text stream that has no ``buffer`` (a replaced sys.stdin)."""

    def __init__(self, stream):
        self.stream = stream

    def __iter__(self):
        for line in self.stream:
            yield line.encode("utf-8")

    def read(self) -> bytes:
        return self.stream.read().encode("utf-8")

    def readline(self) -> bytes:
        return self.stream.readline().encode("utf-8")


def _expand(arg: str) -> list[Path] | Rejection:
    path = Path(arg)
    if path.is_dir():
        return sorted(
            (p for p in path.rglob("*")
             if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
             and not any(part.startswith(".") for part in p.relative_to(path).parts)),
            key=lambda p: p.as_posix(),
        )
    if path.exists():
        return [path]
    if glob.has_magic(arg):
        matches = sorted(Path(p) for p in glob.glob(arg, recursive=True))
        files: list[Path] = []
        for match in matches:
            expanded = _expand(str(match))
            if isinstance(expanded, list):
                files.extend(expanded)
        return files or Rejection(arg, "no file matches this pattern")
    return Rejection(arg, "no such file or folder")


def _read_file(path: Path, defaults: Meta) -> Iterator[Report | Rejection]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        # Tags and scripts would be stored as report text and offsets would point into markup.
        yield Rejection(name, "HTML is not supported yet: save the article as .txt or .json")
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from _read_jsonl(f, name, path, defaults)
            return
        data = path.read_bytes()
    except OSError as e:
        yield Rejection(name, f"cannot read: {e.strerror or e}")
        return
    text = _decode(data, name)
    if isinstance(text, Rejection):
        yield text
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(text, name, path, defaults)
    else:
        yield _text_report(text, name, name, path, defaults)


def _decode(data: bytes, name: str) -> str | Rejection:
    if b"\x00" in data[:_BINARY_SNIFF]:
        return Rejection(name, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Rejection(name, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a ``---`` block or leading ``key: value`` lines, and the text after it.

    Only known keys (title, date, url, outlet, event, their aliases, id) count as leading
    lines, so a report that opens with "Update: …" keeps its first sentence. A leading
    ``date YYYY-MM-DD`` token, as some wire copy has, gives the date and is stripped.
    """
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and lines[i].strip() == "---":
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() in ("---", "...")),
                   None)
        if end is not None:
            for line in lines[i + 1:end]:
                m = _META_LINE.match(line)
                if m and m.group(1).lower() in META_KEYS:
                    meta.setdefault(META_KEYS[m.group(1).lower()], _unquote(m.group(2)))
            i = end + 1
    else:
        j = i
        while j < len(lines):
            m = _META_LINE.match(lines[j])
            if not (m and m.group(1).lower() in META_KEYS and m.group(2)):
                break
            meta.setdefault(META_KEYS[m.group(1).lower()], _unquote(m.group(2)))
            j += 1
        i = j
    body = "\n".join(lines[i:])
    m = _DATE_TOKEN.match(body)
    if m:
        meta.setdefault("date", m.group(1))
        body = body[m.end():]
    return {k: v for k, v in meta.items() if v}, body.strip()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _meta_from(fields: dict) -> Meta:
    return Meta(**{k: fields.get(k) for k in Meta.__slots__})


def _text_report(text: str, name: str, ref: str, path: Path | None,
                 defaults: Meta) -> Report | Rejection:
    fields, body = split_front_matter(text)
    if not body:
        return Rejection(name, "empty report: no text")
    return Report(
        text=body,
        name=name,
        ref=fields.get("id") or ref,
        path=str(path) if path else None,
        meta=_meta_from(fields).fill(defaults),
    )


def _scalar(value) -> str | None:
    if isinstance(value, dict):  # {"source": {"id": …, "name": "BBC News"}}, as news APIs give
        value = value.get("name")
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return None
    value = str(value).strip()
    return value or None


def _object_report(obj, name: str, ref: str, path: Path | None,
                   defaults: Meta) -> Report | Rejection:
    if not isinstance(obj, dict):
        return Rejection(name, f"expected a JSON object with \"text\", got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return Rejection(name, "no \"text\" string in this object")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return Rejection(name, "empty report: \"text\" is blank")
    fields: dict[str, str] = {}
    for key, value in obj.items():
        field = META_KEYS.get(key.lower()) if isinstance(key, str) else None
        value = _scalar(value)
        if field and value:
            fields.setdefault(field, value)
    return Report(
        text=text,
        name=name,
        ref=fields.get("id") or ref,
        path=str(path) if path else None,
        meta=_meta_from(fields).fill(defaults),
    )


def _read_json(text: str, name: str, path: Path, defaults: Meta) -> Iterator[Report | Rejection]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Rejection(f"{name}:{e.lineno}", f"invalid JSON: {e.msg}")
        return
    if isinstance(data, list):
        if not data:
            yield Rejection(name, "empty JSON array: no reports")
        for index, obj in enumerate(data):
            item = f"{name}[{index}]"
            yield _object_report(obj, item, item, path, defaults)
    else:
        yield _object_report(data, name, name, path, defaults)


def _read_jsonl(lines: Iterable[bytes], name: str, path: Path | None,
                defaults: Meta) -> Iterator[Report | Rejection]:
    seen = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        line = _decode(raw, where)
        if isinstance(line, Rejection):
            seen = True
            yield line
            continue
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line.rstrip("\n"))
        except json.JSONDecodeError as e:
            yield Rejection(where, f"invalid JSON: {e.msg} (column {e.colno})")
            continue
        yield _object_report(obj, where, where, path, defaults)
    if not seen:
        yield Rejection(name, "empty file: no JSON lines")


def _read_stdin(stream: BinaryIO, defaults: Meta) -> Iterator[Report | Rejection]:
    # Peek at the first non-blank line to choose between JSON lines and one text report,
    # without reading the whole stream: a JSON-lines stdin is processed as it arrives.
    head: list[bytes] = []
    for raw in iter(stream.readline, b""):
        head.append(raw)
        if raw.strip():
            break
    first = head[-1].lstrip() if head else b""
    if first.startswith((b"{", b"\xef\xbb\xbf{")):
        if first.startswith(b"\xef\xbb\xbf"):
            head[-1] = head[-1].replace(b"\xef\xbb\xbf", b"", 1)
        lines = _chain(head, iter(stream.readline, b""))
        yield from _read_jsonl(lines, STDIN_NAME, None, defaults)
        return
    text = _decode(b"".join(head) + stream.read(), STDIN_NAME)
    if isinstance(text, Rejection):
        yield text
    else:
        yield _text_report(text, STDIN_NAME, STDIN_NAME, None, defaults)


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def claim_rows_for(report: Report, lexicon: Lexicon | None = None) -> list[dict]:
    """The claims of one report as `extract` prints them (and `ingest` stores them).

    A top-level function of picklable arguments, so a pool of worker processes can map it.
    """
    return [
        claim_to_dict(claim, report=report.ref, outlet=report.meta.outlet)
        for claim in extract_claims(report.text, lexicon=lexicon)
    ]
