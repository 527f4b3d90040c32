"""Reading reports from files, folders, globs and stdin (SPEC §7 inputs). No SQL here.

:func:`read_inputs` is a generator: it opens one file at a time and reads JSON lines line by
line, yielding a :class:`Report` for each readable report and a :class:`Rejection` for each
one that is not, so that a caller can store the rest and name every failure. Both records
are plain picklable data, ready to be handed to worker processes.
"""
from __future__ import annotations

import codecs
import glob
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError, UsageError

if TYPE_CHECKING:
    from .extract import Lexicon

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
# Files that document a folder, not news: skipped when a folder is read (named, they are read).
FOLDER_DOCS = frozenset({"readme", "changelog", "changes", "history", "license", "licence",
                         "copying", "contributing", "code_of_conduct", "authors", "notice",
                         "security"})


def is_folder_documentation(path: Path) -> bool:
    """``README.md``, ``LICENSE.txt``…: a file that documents the folder it is in."""
    return path.stem.casefold() in FOLDER_DOCS
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
DEFAULT_MAX_BYTES = 20_000_000  # a report (file, JSON line, stdin) over this is refused unread
_SKIP_CHUNK = 1 << 16

# Byte-order marks, UTF-32 LE's before UTF-16 LE's, which it begins with.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {"utf-32": "UTF-32", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}
# Controls that no legacy text file holds (tab, line and page breaks are fine).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Three accented letters in a row: Western European text has hardly any, while Cyrillic, Greek
# or Arabic bytes read as Windows-1252 are made of them ("Ïîëèöèÿ" is cp1251 "Полиция").
_OTHER_SCRIPT = re.compile(r"[À-ÖØ-öø-ÿ]{3}")


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


_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for name in names}
_WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
    ("sunday", "sun"))) for name in names}
# ISO 8601's extended calendar form, with or without a time; the basic (20240106), week
# (2024-W01-6) and ordinal (2024-006) forms are not what a feed or a person writes.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ](.+))?")
_SLASHED_YMD = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_NUMERIC_DMY = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b.*")
# "Saturday, 6 January 2024", "Jan. 6th, 2024", "Sat, 06 Jan 2024 10:30:00 +0000" (RFC 2822,
# as RSS gives it), "January 6, 2024 at 10:30 a.m. EST".
_WRITTEN_DATE = re.compile(
    r"(?:(?P<weekday>[a-z]+)\.?,?\s+)?"
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?"
    r"|(?P<month2>[a-z]+)\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?),?\s+(?P<year>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?)?(?:\s*(?:z|[a-z]{2,5}|[+-]\d{2}:?\d{2}))?)?",
    re.IGNORECASE)
_DATE_FORMS = "write it as YYYY-MM-DD (2024-01-06) or as 6 January 2024"


def iso_date(value: str) -> str:
    """``value`` as a YYYY-MM-DD date, where it says one without doubt, else ValueError.

    Read: ISO dates and date-times (``2024-01-06``, ``2024-01-06T10:30:00Z``: the date as
    written, in the time zone it is written in; the time of day is dropped), ``2024/01/06``,
    and dates with the month in words (``January 6, 2024``, ``6 Jan 2024``, RSS's
    ``Sat, 06 Jan 2024 10:30:00 +0000``; a weekday must be the date's). Refused: numeric
    day-month orders (``01/02/2024`` reads either way), ISO's basic, week and ordinal forms,
    anything without a day or a year.
    """
    text = " ".join(value.split())
    if m := _ISO_DATE.fullmatch(text):
        try:
            if m.group(4):
                return datetime.fromisoformat(text).date().isoformat()
            return date.fromisoformat(text).isoformat()
        except ValueError as e:
            raise ValueError(f"not a date ({e}): {_DATE_FORMS}") from None
    if m := _SLASHED_YMD.fullmatch(text):
        return _calendar(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _WRITTEN_DATE.fullmatch(text):
        month = _MONTHS.get((m.group("month") or m.group("month2")).lower())
        if month is None:
            raise ValueError(f"no month called {m.group('month') or m.group('month2')!r}: "
                             f"{_DATE_FORMS}")
        hour, ampm = m.group("hour"), m.group("ampm")
        if hour is not None and (int(hour) > (12 if ampm else 23) or int(m.group("minute")) > 59
                                 or int(m.group("second") or 0) > 60):
            raise ValueError(f"not a time of day: {_DATE_FORMS}")
        day = _calendar(int(m.group("year")), month, int(m.group("day") or m.group("day2")))
        weekday = m.group("weekday")
        if weekday is not None:
            stated = _WEEKDAYS.get(weekday.lower())
            if stated is None:
                raise ValueError(f"{weekday!r} is not a weekday: {_DATE_FORMS}")
            if stated != date.fromisoformat(day).weekday():
                raise ValueError(f"{day} is a {date.fromisoformat(day):%A}, not a {weekday}")
        return day
    if _NUMERIC_DMY.fullmatch(text):
        raise ValueError("a day and a month in figures read either way round (01/02/2024): "
                         "write it as YYYY-MM-DD")
    raise ValueError(f"not a date claimtrack reads: {_DATE_FORMS}")


def _calendar(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError as e:
        raise ValueError(f"not a day of the calendar ({e})") from None


def check_date(value: str) -> str:
    """``--date``: ``value`` as a YYYY-MM-DD date (:func:`iso_date`), else UsageError."""
    try:
        return iso_date(value)
    except ValueError as e:
        raise UsageError(f"--date {value!r}: {e}") from None


def _date_problem(fields: dict[str, str], key: str = "date") -> str | None:
    """Normalise ``fields["date"]`` in place to YYYY-MM-DD; what is wrong with it, if anything."""
    value = fields.get("date")
    if value is None:
        return None
    try:
        fields["date"] = iso_date(value)
    except ValueError as e:
        return f"{key} {value!r}: {e}"
    return None


def read_inputs(
    paths: Iterable[str], *, defaults: Meta = Meta(), stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Report | Rejection]:
    """Every report in ``paths``, in a deterministic order.

    Args:
        paths: files, folders (read recursively, sorted), glob patterns, or ``-`` for stdin.
        defaults: metadata for the gaps: a report's own metadata (front matter, JSON fields)
            wins over these.
        stdin: where ``-`` reads from; ``sys.stdin``'s bytes when omitted.
        max_bytes: the largest report read: a bigger file, JSON line or stdin is rejected
            without being read into memory (a JSON-lines file may be bigger; each line not).
    """
    for arg in paths:
        if arg == STDIN:
            stream = stdin if stdin is not None else _stdin_bytes()
            yield from _read_stdin(stream, defaults, max_bytes)
            continue
        for path in _expand(arg):
            yield from _read_file(path, defaults, max_bytes)


def _stdin_bytes() -> BinaryIO:
    return getattr(sys.stdin, "buffer", None) or _TextAsBytes(sys.stdin)


class _TextAsBytes:
    """Byte lines from a text stream that has no ``buffer`` (a replaced sys.stdin)."""

    def __init__(self, stream):
        self.stream = stream

    def __iter__(self):
        for line in self.stream:
            yield line.encode("utf-8")

    def read(self, size: int = -1) -> bytes:
        return self.stream.read(size).encode("utf-8")

    def readline(self, size: int = -1) -> bytes:
        return self.stream.readline(size).encode("utf-8")


def shown_path(path: str | os.PathLike) -> str:
    """A path as text that can be stored and printed: a file name's bytes that are not UTF-8
    (which Python holds as lone surrogates) written as ``\\xNN`` escapes, ``caf\\xe9.txt``.

    Names that are UTF-8, nearly all of them, are unchanged. The escaped form is what
    messages, listings and the database show, and what ``show --report`` accepts.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _expand(arg: str) -> list[Path | Rejection]:
    """The files ``arg`` names, with a Rejection where a folder in it cannot be listed."""
    path = Path(arg)
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL in it
        pass
    except OSError as e:
        return [Rejection(shown_path(arg), f"cannot read: {e.strerror or e}")]
    else:
        return _walk(path) if is_dir else [path]
    if glob.has_magic(arg):
        files: list[Path | Rejection] = []
        for match in sorted(Path(p) for p in glob.glob(arg, recursive=True)):
            files.extend(_expand(str(match)))
        return files or [Rejection(shown_path(arg), "no file matches this pattern")]
    return [Rejection(shown_path(arg), "no such file or folder")]


def _walk(folder: Path) -> list[Path | Rejection]:
    """Every file of a known suffix under ``folder``, sorted by path; hidden names and linked
    folders are not entered. A folder that cannot be listed is a Rejection in its place: the
    others are read."""
    found: list[tuple[str, Path | Rejection]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as e:
            found.append((current.as_posix(), Rejection(
                shown_path(current), f"cannot list this folder: {e.strerror or e}")))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = current / entry.name
            if _is_dir(entry, follow_symlinks=False):
                pending.append(path)
            elif (path.suffix.lower() in KNOWN_SUFFIXES and not is_folder_documentation(path)
                  and not _is_dir(entry)):
                # any kind of file: one that is not a regular file is rejected when read
                found.append((path.as_posix(), path))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _is_dir(entry: os.DirEntry, follow_symlinks: bool = True) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:
        return False


# What a path names when it is not a regular file, for the rejection.
_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"))


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read: only regular files are (and stdin, as ``-``).

    A named pipe would block until something writes to it, a device may never end."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
    return f"{kind}, not a regular file: only files and stdin (-) are read"


def _open_regular(path: Path) -> BinaryIO | str:
    """``path`` opened for reading, or why not.

    The kind is checked before opening (opening a FIFO waits for a writer, opening a device
    may act on it), and again on what was opened, without blocking, in case the path was
    replaced in between.
    """
    reason = _not_regular(os.stat(path).st_mode)
    if reason:
        return reason
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        reason = _not_regular(os.fstat(fd).st_mode)
        if not reason:
            os.set_blocking(fd, True)
            return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    os.close(fd)
    return reason


def _read_file(path: Path | Rejection, defaults: Meta,
               max_bytes: int) -> Iterator[Report | Rejection]:
    if isinstance(path, Rejection):
        yield path
        return
    name = shown_path(path)
    suffix = path.suffix.lower()
    try:
        f = _open_regular(path)
        if isinstance(f, str):
            yield Rejection(name, f)
            return
        with f:
            if suffix in JSONL_SUFFIXES:
                if _is_binary(f.peek(_BINARY_SNIFF)[:_BINARY_SNIFF]):
                    yield Rejection(name, "binary file, not text")
                    return
                yield from _read_jsonl(_stream_lines(f, max_bytes), name, name, defaults)
                return
            data = _read_capped(f, max_bytes)
    except OSError as e:
        yield Rejection(name, f"cannot read: {e.strerror or e}")
        return
    if isinstance(data, str):
        yield Rejection(name, data)
        return
    if suffix in HTML_SUFFIXES:
        yield _html_report(data, name, name, defaults)
        return
    text = _decode(data, name)
    if isinstance(text, Rejection):
        yield text
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(text, name, name, defaults)
    else:
        yield _text_report(text, name, name, name, defaults)


def _read_capped(f: BinaryIO, max_bytes: int) -> bytes | str:
    """The file's bytes, or why not: the size is checked before reading, and the read is
    capped too (a file that grows meanwhile reports no true size)."""
    size = os.fstat(f.fileno()).st_size
    if size > max_bytes:
        return _too_large(max_bytes, size)
    data = f.read(max_bytes + 1)
    return _too_large(max_bytes) if len(data) > max_bytes else data


def _too_large(max_bytes: int, size: int | None = None) -> str:
    actual = f"{size:,} bytes, " if size is not None else ""
    return f"too large: {actual}over the {max_bytes:,}-byte limit (raise it with --max-bytes)"


def _is_binary(head: bytes) -> bool:
    """NUL bytes, which no text holds, unless a UTF-16 or UTF-32 byte-order mark explains them."""
    return b"\x00" in head and not head.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))


def _decode(data: bytes, name: str) -> str | Rejection:
    """Text from bytes: as its byte-order mark says, else UTF-8, else Windows-1252.

    Windows-1252 (Latin-1's printable characters plus curly quotes, dashes, €) is the legacy
    encoding of Western news copy. It is tried only when the bytes read as text in it: no
    control characters, no runs of accented letters that betray another script.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                return Rejection(name, f"not {_ENCODING_NAMES[encoding]} text despite its "
                                       f"byte-order mark ({e.reason} at offset {e.start})")
            if "\x00" in text:
                return Rejection(name, "binary file, not text")
            break
    else:
        if b"\x00" in data:
            return Rejection(name, "binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            text = _legacy_text(data)
            if text is None:
                return Rejection(name, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset "
                                       f"{e.start}), nor Windows-1252/Latin-1: save it as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _legacy_text(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8d 0x8f 0x90 0x9d stand for no character in it
        return None
    if _NOT_TEXT.search(text) or _OTHER_SCRIPT.search(text):
        return None
    return text


# Where a UTF-16 or UTF-32 JSON-lines file has bytes that do not decode, a lone surrogate,
# which no valid decoding yields: the line holding it is rejected, the other lines are read.
_UNDECODABLE = "claimtrack-undecodable"
codecs.register_error(_UNDECODABLE, lambda error: ("\udfff", error.end))


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A line that could not be read: over the size limit, or not decodable."""

    reason: str


def _lines(readline: Callable, limit: int) -> Iterator[bytes | str | _Unreadable]:
    """The lines ``readline`` gives, none read whole when longer than ``limit``: a longer one
    stands as an :class:`_Unreadable`, and the rest of it is skipped in chunks."""
    while line := readline(limit + 1):
        if len(line) <= limit or line[-1:] in (b"\n", "\n"):
            yield line
            continue
        yield _Unreadable(_too_large(limit))
        # skipped only when the next line is asked for: an endless first line is not waited for
        while line and line[-1:] not in (b"\n", "\n"):
            line = readline(_SKIP_CHUNK)


def _stream_lines(f: BinaryIO, max_bytes: int) -> Iterator[bytes | str | _Unreadable]:
    """Lines of a JSON-lines file: bytes, decoded line by line, unless a UTF-16 or UTF-32
    byte-order mark asks for the whole stream to be decoded (its newlines are two or four
    bytes wide)."""
    head = f.peek(4)[:4]
    for bom, encoding in _BOMS:
        if head.startswith(bom) and encoding != "utf-8-sig":
            width = 2 if encoding == "utf-16" else 4
            text = io.TextIOWrapper(f, encoding=encoding, errors=_UNDECODABLE)
            try:
                for line in _lines(text.readline, max_bytes // width):
                    if isinstance(line, str) and "\udfff" in line:
                        line = _Unreadable(f"not valid {_ENCODING_NAMES[encoding]} text")
                    yield line
            finally:
                text.detach()  # the caller's `with` closes the file
            return
    yield from _lines(f.readline, max_bytes)


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


def _text_report(text: str, name: str, ref: str, path: str | None,
                 defaults: Meta) -> Report | Rejection:
    fields, body = split_front_matter(text)
    if not body:
        return Rejection(name, "empty report: no text")
    problem = _date_problem(fields)
    if problem:
        return Rejection(name, problem)
    return Report(
        text=body,
        name=name,
        ref=fields.get("id") or ref,
        path=path,
        meta=_meta_from(fields).fill(defaults),
    )


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _meta_value(key: str, field: str, value) -> tuple[str | None, str | None]:
    """A metadata value as text (None when null or blank), and what is wrong with it."""
    if field == "outlet" and isinstance(value, dict):
        # {"source": {"id": …, "name": "BBC News"}}, as news APIs give it
        key, value = f"{key}.name", value.get("name")
    if value is None:
        return None, None
    if isinstance(value, str) or (field == "id" and isinstance(value, int)
                                  and not isinstance(value, bool)):
        return str(value).strip() or None, None
    expected = "a string or an integer" if field == "id" else "a string"
    return None, f"{json.dumps(key)} must be {expected}, got {_json_type(value)}"


def _not_unicode(key: str, value: str) -> str | None:
    """Why ``value`` cannot be stored as text: JSON's \\ud800 escapes can make lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return (f"{json.dumps(key)} holds a lone surrogate (\\u{ord(value[e.start]):04x}), "
                "not Unicode text")
    return None


def _object_report(obj, name: str, ref: str, path: str | None,
                   defaults: Meta) -> Report | Rejection:
    """A report from a JSON object; every field of a wrong type is named in the rejection."""
    if not isinstance(obj, dict):
        return Rejection(name, f"expected a JSON object with \"text\", got {_json_type(obj)}")
    text = obj.get("text")
    if text is None:
        return Rejection(name, "no \"text\" string in this object")
    problems = []
    if not isinstance(text, str):
        problems.append(f"\"text\" must be a string, got {_json_type(text)}")
    else:
        problems.append(_not_unicode("text", text))
    fields: dict[str, str] = {}
    for key, value in obj.items():
        field = META_KEYS.get(key.lower())
        if field is None:
            continue  # other keys (author, tags, …) are not ours to judge
        value, problem = _meta_value(key, field, value)
        problems.append(problem or (value and _not_unicode(key, value)))
        if value and field not in fields:
            fields[field] = value
            if field == "date":
                problems.append(_date_problem(fields, json.dumps(key)))
    problems = [p for p in problems if p]
    if problems:
        return Rejection(name, "; ".join(problems))
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return Rejection(name, "empty report: \"text\" is blank")
    return Report(
        text=text,
        name=name,
        ref=fields.get("id") or ref,
        path=path,
        meta=_meta_from(fields).fill(defaults),
    )


def _json_failure(error: ValueError | RecursionError) -> str:
    """The message for what json.loads raises besides a syntax error."""
    if isinstance(error, RecursionError):
        return "invalid JSON: nested too deeply"
    if "digits" in str(error):  # int('9' * 5000): Python's guard against quadratic parsing
        return "invalid JSON: a number too long to read"
    return f"invalid JSON: {error}"


def _read_json(text: str, name: str, path: str, defaults: Meta) -> Iterator[Report | Rejection]:
    if not text.strip():
        yield Rejection(name, "empty file: no JSON")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Rejection(f"{name}:{e.lineno}", f"invalid JSON: {e.msg}")
        return
    except (ValueError, RecursionError) as e:
        yield Rejection(name, _json_failure(e))
        return
    if isinstance(data, list):
        if not data:
            yield Rejection(name, "empty JSON array: no reports")
        for index, obj in enumerate(data):
            item = f"{name}[{index}]"
            yield _object_report(obj, item, item, path, defaults)
    else:
        yield _object_report(data, name, name, path, defaults)


def _read_jsonl(lines: Iterable[bytes | str | _Unreadable], name: str, path: str | None,
                defaults: Meta) -> Iterator[Report | Rejection]:
    seen = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if isinstance(raw, _Unreadable):
            seen = True
            yield Rejection(where, raw.reason)
            continue
        line = raw if isinstance(raw, str) else _decode(raw, where)
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
        except (ValueError, RecursionError) as e:
            yield Rejection(where, _json_failure(e))
            continue
        yield _object_report(obj, where, where, path, defaults)
    if not seen:
        yield Rejection(name, "empty file: no JSON lines")


def _read_stdin(stream: BinaryIO, defaults: Meta,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Report | Rejection]:
    # Peek at the first non-blank line to choose between JSON lines and one text report,
    # without reading the whole stream: a JSON-lines stdin is processed as it arrives.
    lines = _lines(stream.readline, max_bytes)
    head: list[bytes] = []
    size = 0
    for raw in lines:
        if isinstance(raw, _Unreadable):  # a first line over the limit: too large either way
            yield Rejection(STDIN_NAME, raw.reason)
            return
        head.append(raw)
        size += len(raw)
        if raw.strip():
            break
        if size > max_bytes:  # blank lines without end
            yield Rejection(STDIN_NAME, _too_large(max_bytes))
            return
    first = head[-1].lstrip() if head else b""
    if first.startswith((b"{", b"\xef\xbb\xbf{")):
        if first.startswith(b"\xef\xbb\xbf"):
            head[-1] = head[-1].replace(b"\xef\xbb\xbf", b"", 1)
        yield from _read_jsonl(_chain(head, lines), STDIN_NAME, None, defaults)
        return
    data = b"".join(head)
    data += stream.read(max(0, max_bytes + 1 - len(data)))
    if len(data) > max_bytes:
        yield Rejection(STDIN_NAME, _too_large(max_bytes))
        return
    from .html import looks_like_html

    if looks_like_html(first):
        yield _html_report(data, STDIN_NAME, None, defaults)
        return
    text = _decode(data, STDIN_NAME)
    if isinstance(text, Rejection):
        yield text
    elif data.startswith(tuple(bom for bom, _ in _BOMS)) and text.lstrip().startswith("{"):
        # JSON lines behind a UTF-16 or UTF-32 byte-order mark: bounded by max_bytes, read whole
        yield from _read_jsonl(io.StringIO(text), STDIN_NAME, None, defaults)
    else:
        yield _text_report(text, STDIN_NAME, STDIN_NAME, None, defaults)


def _html_report(data: bytes, name: str, path: str | None, defaults: Meta) -> Report | Rejection:
    """The article of an HTML page; the page's title, date, site name and URL are its own
    metadata, which the defaults only complete."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        return Rejection(name, "binary file, not text")
    from .html import extract_article  # lazy: trafilatura loads only when a page is read

    try:
        article = extract_article(data)
    except InputError as e:
        return Rejection(name, str(e))
    meta = Meta(title=article.title, date=article.date, url=article.url, outlet=article.outlet)
    # A name made from the page's address only fills what neither the page nor --outlet did.
    meta = meta.fill(defaults).fill(Meta(outlet=article.domain_outlet))
    return Report(text=article.text, name=name, ref=name, path=path, meta=meta)


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def claim_rows_for(report: Report, lexicon: Lexicon | None = None,
                   skipped: list | None = None) -> list[dict]:
    """The claims of one report as `extract` prints them (and `ingest` stores them).

    ``skipped``: a list that gets the numbers too large to be figures (extract_claims).

    A top-level function of picklable arguments, so a pool of worker processes can map it.
    """
    # Imported here, not at the top: the commands that only read inputs or list the
    # database do not load the extraction engine (40 ms of start-up).
    from .extract import extract_claims
    from .models import claim_to_dict

    return [
        claim_to_dict(claim, report=report.ref, outlet=report.meta.outlet)
        for claim in extract_claims(report.text, lexicon=lexicon, date=report.meta.date,
                                    skipped=skipped)
    ]
