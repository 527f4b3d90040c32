"""Bad input and bad databases (SPEC §7, §9): one clear line on stderr, the documented exit
code, and nothing already stored lost, damaged or half-written.

Where only a real process can show it (a read-only file, an endless stdin, a runaway
extraction), the test runs ``python -m claimtrack`` in a subprocess.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack.db import open_db, store_report
from claimtrack.errors import DatabaseError
from claimtrack.extract import extract_claims
from claimtrack.inputs import DEFAULT_MAX_BYTES, Meta, Rejection, Report, read_inputs
from conftest import make_claim
from timing import extraction_seconds, repeated as _times

GOOD = "Police said 12 people were killed in the city on Monday."
OTHER = "According to the Red Cross, at least 30 people were injured in the riots."
# What no terminal should receive from data: C0/C1 controls but tab and newline, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def read(*paths, **kwargs) -> list[Report | Rejection]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def stored_reports(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM reports ORDER BY id")]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` and the hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def run(*args: str, stdin=None, input: bytes | None = None, prefix: list[str] = (),
        timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m claimtrack`` in a real process; stdout and stderr as text."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("CLAIMTRACK_DB", None)
    result = subprocess.run([*prefix, sys.executable, "-m", "claimtrack", *args], stdin=stdin,
                            input=input, capture_output=True, timeout=timeout, env=env)
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result


# Binary input

def test_binary_inputs_are_rejected_and_the_rest_of_the_batch_stored(invoke, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    # a NUL far past the first kilobytes still makes it binary
    (tmp_path / "late.txt").write_bytes(b"Five people died. " * 1000 + b"\x00\x01")
    (tmp_path / "blob.jsonl").write_bytes(os.urandom(2000).replace(b"\n", b"") + b"\x00\n")
    (tmp_path / "blob.json").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "z.md").write_text(OTHER)
    result = invoke("ingest", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:4] == [
        f"rejected {tmp_path / name}: binary file, not text"
        for name in ("blob.json", "blob.jsonl", "image.txt", "late.txt")]
    assert "added 2 reports" in result.stderr and "rejected 4 inputs" in result.stderr
    assert [r["text"] for r in stored_reports(tmp_path / "claimtrack.db")] == [GOOD, OTHER]


@pytest.mark.parametrize("data, reason", [
    # 0x81 and 0x9d are no character in Windows-1252 either
    (b"caf\x81 au lait, \x9d 3 hurt", "not UTF-8 text (byte 0x81 at offset 3), nor "
                                       "Windows-1252/Latin-1: save it as UTF-8"),
    # Cyrillic in cp1251 would read as "Ïîãèáëè 12 ÷åëîâåê": another script, not mojibake
    ("Погибли 12 человек, сообщила полиция.".encode("cp1251"), "not UTF-8 text (byte 0xcf"),
    # control characters that no legacy text file holds
    (b"\xe9\x01\x02\x03\x04 12 hurt", "not UTF-8 text (byte 0xe9 at offset 0)"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16 text despite its byte-order mark"),
    (codecs.BOM_UTF8 + b"\xff\xfe bad", "not UTF-8 text despite its byte-order mark"),
])
def test_undecodable_text_is_rejected_clearly(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    [item] = read(tmp_path / "bad.txt")
    assert isinstance(item, Rejection), item
    assert item.reason.startswith(reason)


# Encodings

LEGACY = ("\u201cFive people died,\u201d said the pr\u00e9fecture \u2014 \u20ac3m in damage; "
          "na\u00efve caf\u00e9.")
LATIN1 = ("Selon la pr\u00e9fecture, 12 personnes ont \u00e9t\u00e9 bless\u00e9es \u00e0 "
          "Orl\u00e9ans. Se\u00f1or Mu\u00f1oz: \u00abno\u00bb.")


@pytest.mark.parametrize("text, data", [
    (LEGACY, LEGACY.encode("utf-8")),
    (LEGACY, codecs.BOM_UTF8 + LEGACY.encode("utf-8")),
    (LEGACY, codecs.BOM_UTF16_LE + LEGACY.encode("utf-16-le")),
    (LEGACY, codecs.BOM_UTF16_BE + LEGACY.encode("utf-16-be")),
    (LEGACY, codecs.BOM_UTF32_LE + LEGACY.encode("utf-32-le")),
    (LEGACY, codecs.BOM_UTF32_BE + LEGACY.encode("utf-32-be")),
    (LEGACY, LEGACY.encode("cp1252")),
    (LATIN1, LATIN1.encode("latin-1")),
    (LATIN1, LATIN1.encode("cp1252")),
    ("Twelve hurt \u2013 1\u00a0200 evacuated.\r\nMore later.",
     "Twelve hurt \u2013 1\u00a0200 evacuated.\r\nMore later.".encode("cp1252")),
], ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252",
        "latin-1", "latin-1-as-cp1252", "cp1252-crlf"])
def test_text_files_in_each_encoding_decode_to_the_same_text(tmp_path, text, data):
    (tmp_path / "r.txt").write_bytes(data)
    [report] = read(tmp_path / "r.txt")
    assert isinstance(report, Report), report
    assert report.text == text.replace("\r\n", "\n")


def test_json_lines_and_stdin_in_utf16_and_cp1252(tmp_path):
    lines = "".join(json.dumps({"text": t, "title": "Caf\u00e9 \u201cnews\u201d"},
                               ensure_ascii=False) + "\n" for t in (LEGACY, LATIN1))
    (tmp_path / "wide.jsonl").write_bytes(codecs.BOM_UTF16_LE + lines.encode("utf-16-le"))
    (tmp_path / "legacy.jsonl").write_bytes(lines.encode("cp1252"))
    items = read(tmp_path / "wide.jsonl", tmp_path / "legacy.jsonl")
    assert [(i.text, i.meta.title) for i in items] == [
        (LEGACY, "Caf\u00e9 \u201cnews\u201d"), (LATIN1, "Caf\u00e9 \u201cnews\u201d")] * 2
    assert [i.name for i in items] == [f"{tmp_path / f}:{n}" for f in ("wide.jsonl", "legacy.jsonl")
                                       for n in (1, 2)]
    for encoded in (codecs.BOM_UTF16_BE + LEGACY.encode("utf-16-be"), LEGACY.encode("cp1252")):
        [report] = read_inputs(["-"], stdin=io.BytesIO(encoded))
        assert report.text == LEGACY
    [a, b] = read_inputs(["-"], stdin=io.BytesIO(codecs.BOM_UTF16_LE + lines.encode("utf-16-le")))
    assert (a.name, a.text, b.name, b.text) == ("<stdin>:1", LEGACY, "<stdin>:2", LATIN1)


def test_a_broken_utf16_json_line_file_names_where_it_broke(tmp_path):
    good = json.dumps({"text": GOOD}) + "\n"
    data = codecs.BOM_UTF16_LE + (good * 2).encode("utf-16-le") + b"\x00\xdc" + b"x\x00"
    (tmp_path / "cut.jsonl").write_bytes(data)
    items = read(tmp_path / "cut.jsonl")
    assert [type(i).__name__ for i in items] == ["Report", "Report", "Rejection"]
    assert items[2].name == f"{tmp_path / 'cut.jsonl'}:3"
    assert items[2].reason == "not valid UTF-16 text"


def test_cp1252_report_is_stored_and_extracted_as_text(invoke, tmp_path):
    (tmp_path / "old.txt").write_bytes(("\u201c" + GOOD + "\u201d caf\u00e9").encode("cp1252"))
    result = invoke("ingest", str(tmp_path / "old.txt"))
    assert result.exit_code == 0, result.stderr
    [report] = stored_reports(tmp_path / "claimtrack.db")
    assert report["text"] == "\u201c" + GOOD + "\u201d caf\u00e9"


# Empty input

@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\t\r\n  "),
    ("bom.txt", codecs.BOM_UTF8),
    ("wide-blank.md", codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le")),
    ("front-matter-only.md", b"---\ntitle: Nothing\n---\n\n"),
    ("empty.json", b" \n"),
    ("empty.jsonl", b"\n \n"),
])
def test_empty_inputs_are_rejected_with_exit_1(invoke, tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD)
    result = invoke("ingest", str(tmp_path / name), str(tmp_path / "good.txt"))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"rejected {tmp_path / name}: empty "), first
    assert len(stored_reports(tmp_path / "claimtrack.db")) == 1


def test_empty_stdin_is_rejected(invoke):
    for args in (["extract", "-f", "json", "-"], ["ingest", "-"]):
        result = invoke(*args, input="  \n")
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == "rejected <stdin>: empty report: no text"


# Size limit

def test_default_size_limit_is_20_mb():
    assert DEFAULT_MAX_BYTES == 20_000_000


@pytest.mark.parametrize("suffix", [".txt", ".json", ".md", ".html"])
def test_a_file_over_the_limit_is_refused_unread(tmp_path, suffix):
    big = tmp_path / f"big{suffix}"
    with big.open("wb") as f:
        f.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk
    tracemalloc.start()
    try:
        [item] = read(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert item == Rejection(str(big), "too large: 50,000,000 bytes, over the 20,000,000-byte "
                                       "limit (raise it with --max-bytes)")
    assert peak < 1_000_000


def test_the_limit_is_inclusive(tmp_path):
    (tmp_path / "r.txt").write_text("x" * 100)
    assert isinstance(read(tmp_path / "r.txt", max_bytes=100)[0], Report)
    assert read(tmp_path / "r.txt", max_bytes=99)[0].reason.startswith("too large: 100 bytes")


def test_a_json_line_over_the_limit_is_skipped_unread(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as f:
        f.write(json.dumps({"text": GOOD}) + "\n")
        f.write('{"text": "' + "many words " * 1_000_000 + '"}\n')  # 11 MB on one line
        f.write(json.dumps({"text": OTHER}) + "\n")
    tracemalloc.start()
    try:
        items = read(feed, max_bytes=100_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(i.name, type(i).__name__) for i in items] == [
        (f"{feed}:1", "Report"), (f"{feed}:2", "Rejection"), (f"{feed}:3", "Report")]
    assert items[1].reason == "too large: over the 100,000-byte limit (raise it with --max-bytes)"
    assert peak < 2_000_000


class Endless(io.RawIOBase):
    """A stream that never ends: only a capped read can come back from it."""

    def __init__(self, line: bytes):
        self.line = line
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = len(buffer)
        chunk = (self.line * (n // len(self.line) + 1))[:n]
        buffer[:n] = chunk
        self.served += n
        return n


@pytest.mark.parametrize("line", [b"x" * 100, b"Twelve people died.\n", b"\n"])
def test_stdin_text_over_the_limit_is_refused_without_reading_it_all(line):
    stream = Endless(line)
    [item] = read_inputs(["-"], stdin=io.BufferedReader(stream), max_bytes=10_000)
    assert item == Rejection("<stdin>", "too large: over the 10,000-byte limit (raise it with "
                                        "--max-bytes)")
    assert stream.served < 100_000


def test_stdin_json_lines_over_the_limit_are_named_by_line():
    data = (json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": "x" * 5000}) + "\n"
            + json.dumps({"text": OTHER})).encode()
    items = list(read_inputs(["-"], stdin=io.BytesIO(data), max_bytes=1000))
    assert [(i.name, type(i).__name__) for i in items] == [
        ("<stdin>:1", "Report"), ("<stdin>:2", "Rejection"), ("<stdin>:3", "Report")]


def test_max_bytes_option_on_ingest_and_extract(invoke, tmp_path):
    (tmp_path / "long.txt").write_text(GOOD * 10)
    (tmp_path / "short.txt").write_text(OTHER)
    args = [str(tmp_path / "long.txt"), str(tmp_path / "short.txt"), "--max-bytes", "200"]
    result = invoke("ingest", *args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"rejected {tmp_path / 'long.txt'}: too large: {len(GOOD) * 10} bytes, over the "
        "200-byte limit (raise it with --max-bytes)")
    assert [r["text"] for r in stored_reports(tmp_path / "claimtrack.db")] == [OTHER]
    extracted = invoke("extract", "-f", "jsonl", *args)
    assert extracted.exit_code == 1
    assert {json.loads(line)["report"] for line in extracted.stdout.splitlines()} == {
        str(tmp_path / "short.txt")}
    assert invoke("extract", "-", "--max-bytes", "0", input=GOOD).exit_code == 2
    assert invoke("ingest", "-", "--max-bytes", "lots", input=GOOD).exit_code == 2


def test_an_endless_stdin_ends_in_a_rejection_not_a_hang(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result = run("extract", "-f", "json", "--max-bytes", "100000", "-", stdin=zero,
                     timeout=30)
    assert (result.returncode, result.stdout) == (1, "[]\n")
    assert result.stderr == ("rejected <stdin>: too large: over the 100,000-byte limit "
                             "(raise it with --max-bytes)\n")


# JSON and JSON lines

BAD_LINES = [
    ('{"text": "unfinished', "invalid JSON: Unterminated string starting at (column 10)"),
    ("[1, 2]", 'expected a JSON object with "text", got an array'),
    ('"just a string"', 'expected a JSON object with "text", got a string'),
    ("5", 'expected a JSON object with "text", got a number'),
    ("null", 'expected a JSON object with "text", got null'),
    ('{"title": "no text here"}', 'no "text" string in this object'),
    ('{"text": ["Five", "died"]}', '"text" must be a string, got an array'),
    ('{"text": "Five died.", "date": 5}', '"date" must be a string, got a number'),
    ('{"text": "Five died.", "title": ["x"]}', '"title" must be a string, got an array'),
    ('{"text": "Five died.", "Published": true, "url": {"href": "x"}}',
     '"Published" must be a string, got a boolean; "url" must be a string, got an object'),
    ('{"text": "Five died.", "source": {"name": 5}}',
     '"source.name" must be a string, got a number'),
    ('{"text": "Five died.", "id": 1.5}', '"id" must be a string or an integer, got a number'),
    ('{"text": 12, "event": false}',
     '"text" must be a string, got a number; "event" must be a string, got a boolean'),
    ('{"text": "Five \\ud800 died."}', '"text" holds a lone surrogate (\\ud800), not Unicode text'),
    ('{"text": "Five died.", "outlet": "\\udfff"}',
     '"outlet" holds a lone surrogate (\\udfff), not Unicode text'),
    ('{"text": "   "}', 'empty report: "text" is blank'),
    ("[" * 100_000, "invalid JSON: nested too deeply"),
    ('{"text": "Five died.", "id": ' + "9" * 5000 + "}", "invalid JSON: a number too long to read"),
]


def test_each_bad_json_line_is_named_and_the_good_ones_stored(invoke, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = [{"text": f"Report {i}. {GOOD}", "title": f"Good {i}", "date": None, "id": i,
             "source": {"id": "w", "name": "Wire"}, "tags": [1, {"x": None}], "author": 7}
            for i in range(len(BAD_LINES) + 1)]
    lines = [json.dumps(good[0])]
    for i, (bad, _) in enumerate(BAD_LINES, 1):
        lines += [bad, json.dumps(good[i])]
    feed.write_text("\n".join(lines) + "\n")
    result = invoke("ingest", str(feed))
    assert result.exit_code == 1
    rejected = [f"rejected {feed}:{2 * i}: {reason}" for i, (_, reason) in enumerate(BAD_LINES, 1)]
    assert result.stderr.splitlines()[:-1] == rejected
    assert f"added {len(good)} reports" in result.stderr
    assert f"rejected {len(BAD_LINES)} inputs" in result.stderr
    stored = stored_reports(tmp_path / "claimtrack.db")
    assert [(r["title"], r["outlet"], r["ref"]) for r in stored] == [
        (f"Good {i}", "Wire", str(i)) for i in range(len(good))]


def test_bad_objects_in_a_json_array_are_named_by_index(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps(
        [{"text": GOOD}, {"text": OTHER, "date": 20220106}, 7, {"text": OTHER, "title": "Ok"}]))
    items = read(tmp_path / "many.json")
    name = tmp_path / "many.json"
    assert [(i.name, getattr(i, "reason", None)) for i in items] == [
        (f"{name}[0]", None), (f"{name}[1]", '"date" must be a string, got a number'),
        (f"{name}[2]", 'expected a JSON object with "text", got a number'), (f"{name}[3]", None)]


def test_a_json_file_too_deep_or_broken_is_one_clear_rejection(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    (tmp_path / "broken.json").write_text('{\n  "text": "Five died.",\n  "title": oops\n}')
    assert read(tmp_path / "deep.json", tmp_path / "broken.json") == [
        Rejection(str(tmp_path / "deep.json"), "invalid JSON: nested too deeply"),
        Rejection(f"{tmp_path / 'broken.json'}:3", "invalid JSON: Expecting value")]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["text", "title", "date", "published", "url", "outlet",
                                        "source", "site", "event", "id", "Title", "other"]),
                       JSON_VALUES))
def test_any_json_object_is_a_report_or_a_rejection(obj):
    line = json.dumps(obj).encode()
    [item] = read_inputs(["-"], stdin=io.BytesIO(line))
    assert isinstance(item, (Report, Rejection))
    if isinstance(item, Report):
        assert isinstance(obj.get("text"), str) and item.text == obj["text"].strip()
        assert all(v is None or isinstance(v, str) for v in
                   (item.meta.title, item.meta.date, item.meta.url, item.meta.outlet))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from([".txt", ".json", ".jsonl", ".md"]))
@example(b"\xff\xfe", ".jsonl")
@example(b"\x00\x00\xfe\xff\x00", ".jsonl")
@example(b"\xff\xfe\x00\x00{", ".txt")
@example(b"\xef\xbb\xbf", ".json")
def test_any_bytes_in_any_file_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("any") / f"input{suffix}"
    path.write_bytes(data)
    for item in read(path, max_bytes=200):
        assert isinstance(item, (Report, Rejection))
        if isinstance(item, Report):
            assert item.text.strip() and "\x00" not in item.text
    for item in read_inputs(["-"], stdin=io.BytesIO(data), max_bytes=200):
        assert isinstance(item, (Report, Rejection))


@settings(max_examples=200, deadline=None)
# No "{" (JSON lines), "<" (HTML), ":" or "-" (front matter), controls or lone surrogates:
# what is left is one plain text report.
@given(st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="{<:-")),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"]))
@example("\u201cCaf\u00e9\u201d \u2014 12 hurt", "cp1252")
@example("\u00c2\u00a0", "cp1252")
def test_any_text_in_a_supported_encoding_reads_back(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # not a Windows-1252 character
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    [item] = read_inputs(["-"], stdin=io.BytesIO(data))
    if not text.strip():
        assert item.reason.startswith("empty report")
    elif encoding == "cp1252" and isinstance(item, Rejection) and item.reason.startswith("empty"):
        assert not data.decode("utf-8").strip()  # "Â\xa0": bytes of UTF-8 too, a blank space
    elif encoding == "cp1252" and isinstance(item, Rejection):
        # three accented letters in a row read as another script's bytes
        assert item.reason.startswith("not UTF-8 text") and re.search("[À-ÖØ-öø-ÿ]{3}", text)
    elif encoding == "cp1252" and item.text != text.strip():
        assert item.text == data.decode("utf-8").strip()  # bytes that are valid UTF-8 too
    else:
        assert item.text == text.strip()


# The database: refused, never damaged

@pytest.fixture
def stored(tmp_path) -> Path:
    """A claimtrack database with one report, in its own folder."""
    folder = tmp_path / "store"
    folder.mkdir()
    db = open_db(folder / "claims.db")
    store_report(db, Report(GOOD, "one.txt", "one.txt", "one.txt", Meta(outlet="Herald")),
                 [make_claim(GOOD, "12", chain=(("Police", "police", "said"),))])
    db.close()
    return folder / "claims.db"


@pytest.mark.parametrize("content", [
    b"plain text notes, not SQLite " * 100,
    b"hello",
    b"SQLite format 3\x00" + bytes(range(256)) * 8,
    bytes(range(256)) * 40,
], ids=["text", "tiny", "sqlite-header-then-garbage", "binary"])
def test_a_file_that_is_not_sqlite_is_refused_untouched(invoke, tmp_path, content):
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "notes.db").write_bytes(content)
    before = snapshot(folder)
    for args in (["ingest", "-"], ["claims"], ["reports", "-f", "json"]):
        result = invoke("--db", str(folder / "notes.db"), *args, input=GOOD)
        assert result.exit_code == 3, (args, result.stderr)
        assert result.stderr.startswith(f"Error: {folder / 'notes.db'} is not a SQLite database")
        assert len(result.stderr.splitlines()) == 1
    assert snapshot(folder) == before


def test_a_sqlite_database_of_another_program_is_refused_untouched(invoke, tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    with sqlite3.connect(folder / "other.db") as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('A', '1')")
    conn.close()
    before = snapshot(folder)
    result = invoke("ingest", "--db", str(folder / "other.db"), "-", input=GOOD)
    assert result.exit_code == 3
    assert result.stderr == (f"Error: {folder / 'other.db'} is not a claimtrack database (it "
                             "already holds other tables); pass --db with a new or claimtrack "
                             "file\n")
    assert snapshot(folder) == before


def test_a_newer_schema_is_refused_untouched(invoke, stored):
    with sqlite3.connect(stored) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('claimtrack', 'm900_later', '2100-01-01')")
    conn.close()
    before = snapshot(stored.parent)
    for args in (["ingest", "-"], ["claims"], ["reextract"]):
        result = invoke("--db", str(stored), *args, input=OTHER)
        assert result.exit_code == 3, (args, result.stderr)
        assert result.stderr == (f"Error: {stored} was written by a newer claimtrack (schema "
                                 "migration m900_later); upgrade claimtrack to open it\n")
    assert snapshot(stored.parent) == before


def test_a_folder_or_a_missing_folder_is_refused(invoke, tmp_path):
    (tmp_path / "dir").mkdir()
    result = invoke("ingest", "--db", str(tmp_path / "dir"), "-", input=GOOD)
    assert (result.exit_code, result.stderr) == (
        3, f"Error: {tmp_path / 'dir'} is a folder, not a database file: pass --db with a file "
           f"name, such as {tmp_path / 'dir' / 'claimtrack.db'}\n")
    assert list((tmp_path / "dir").iterdir()) == []
    result = invoke("ingest", "--db", str(tmp_path / "nope" / "c.db"), "-", input=GOOD)
    assert (result.exit_code, result.stderr) == (
        3, f"Error: cannot create database {tmp_path / 'nope' / 'c.db'}: there is no folder "
           f"{tmp_path / 'nope'}\n")
    assert not (tmp_path / "nope").exists()
    with pytest.raises(DatabaseError, match="is not a regular file"):
        open_db("/dev/null")
    with pytest.raises(DatabaseError, match="path is empty"):
        open_db("")


def _unprivileged() -> list[str]:
    """A command prefix under which file permissions hold: none for a normal user; for root,
    `unshare -U`, whose new user namespace holds no capability over the files here."""
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") and subprocess.run(["unshare", "-U", "true"],
                                                  capture_output=True).returncode == 0:
        return ["unshare", "-U"]
    pytest.skip("running as root, which ignores file permissions, and `unshare -U` (a user "
                "namespace without them) is not available here")


@pytest.fixture
def read_only(stored):
    """The stored database made read-only, in a read-only folder; restored afterwards."""
    prefix = _unprivileged()
    stored.chmod(0o444)
    stored.parent.chmod(0o555)
    yield prefix
    stored.parent.chmod(0o755)
    stored.chmod(0o644)


def test_a_read_only_database_refuses_writes_and_still_lists(read_only, stored, tmp_path):
    (tmp_path / "new.txt").write_text(OTHER)
    before = snapshot(stored.parent)
    result = run("--db", str(stored), "ingest", str(tmp_path / "new.txt"), prefix=read_only)
    assert result.returncode == 3
    assert result.stderr == (f"Error: database {stored} is read-only (its file cannot be "
                             "written); pass --db with a writable file\n")
    listed = run("--db", str(stored), "claims", "-f", "json", prefix=read_only)
    assert listed.returncode == 0, listed.stderr
    assert [c["figure"] for c in json.loads(listed.stdout)] == ["12"]
    redo = run("--db", str(stored), "reextract", prefix=read_only)
    assert redo.returncode == 3 and "read-only" in redo.stderr
    assert len(redo.stderr.splitlines()) == 1 and "Traceback" not in redo.stderr
    assert snapshot(stored.parent) == before


def test_a_writable_file_in_a_read_only_folder_is_refused(stored, tmp_path):
    prefix = _unprivileged()
    before = snapshot(stored.parent)
    stored.parent.chmod(0o555)
    try:
        result = run("--db", str(stored), "ingest", "-", input=OTHER.encode(), prefix=prefix)
        fresh = run("--db", str(stored.parent / "new.db"), "ingest", "-", input=OTHER.encode(),
                    prefix=prefix)
    finally:
        stored.parent.chmod(0o755)
    assert (result.returncode, result.stderr) == (
        3, f"Error: database {stored} is read-only (its folder {stored.parent} cannot be "
           "written); pass --db with a writable file\n")
    assert (fresh.returncode, fresh.stderr) == (
        3, f"Error: cannot create database {stored.parent / 'new.db'}: folder {stored.parent} "
           "is read-only\n")
    assert snapshot(stored.parent) == before


# Awkward data: stored and printed literally, the table view neutralised

AWKWARD = {  # the table folds outlet and event: what test_the_table_view… reads is in the rest
    "title": "Wire\x1b[31m red\x1b[0m\x07 \x9b2J \u202eevil\u202c [/bold] :fire: 👩‍👩‍👧 "
             "<script>alert('x')</script> &amp;",
    "date": "2024-01-06",  # a date is read as one (tests/test_input_safety.py), so no SQL here
    "outlet": "مقتل 12 شخصا — עברית 🇰🇿",
    "event": "riots, \"2024\"\ttab\r\nline\x00nul",
    "url": "https://example.org/?q=a,b&c=\"d\"'); DROP TABLE reports; -- \" OR 1=1",
}
AWKWARD_TEXT = ("<p>Police said 12 people were killed</p> in the \x1b[2J city; "
                "'; DROP TABLE claims; -- \u202edesrever\u202c. 👩‍👩‍👧 ثلاثة 🔥 :fire: [b]x[/]")


@pytest.fixture
def awkward(invoke, tmp_path) -> Path:
    (tmp_path / "odd.jsonl").write_text(
        json.dumps({"text": AWKWARD_TEXT, **AWKWARD}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    result = invoke("ingest", str(tmp_path / "odd.jsonl"))
    assert result.exit_code == 0, result.stderr
    return tmp_path / "odd.jsonl"


def test_awkward_text_and_metadata_are_stored_literally(awkward, tmp_path):
    [report] = stored_reports(tmp_path / "claimtrack.db")
    assert report["text"] == AWKWARD_TEXT
    assert {k: report[k] for k in AWKWARD} == AWKWARD
    with sqlite3.connect(tmp_path / "claimtrack.db") as conn:
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] >= 1


def parse(fmt: str, out: str) -> list[dict]:
    if fmt == "json":
        return json.loads(out)
    if fmt == "jsonl":
        return [json.loads(line) for line in out.split("\n") if line]
    return list(csv.DictReader(io.StringIO(out, newline=""),
                               delimiter="," if fmt == "csv" else "\t"))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_awkward_values_come_back_literally_in_machine_formats(invoke, awkward, fmt):
    # stdout_bytes: Result.stdout turns "\r\n" into "\n"
    [row] = parse(fmt, invoke("reports", "-f", fmt).stdout_bytes.decode())
    assert {k: row[k] for k in AWKWARD} == AWKWARD
    claims = parse(fmt, invoke("extract", "-f", fmt, str(awkward)).stdout_bytes.decode())
    [sentence] = [c["sentence"] for c in claims if c["figure"] == "12"]
    assert sentence in AWKWARD_TEXT and "\x1b[2J city; '; DROP" in sentence
    assert "\u202edesrever\u202c" in sentence


@pytest.mark.parametrize("command", [["reports"], ["claims"], ["sources"], ["extract"]])
def test_the_table_view_shows_controls_instead_of_obeying_them(invoke, awkward, command):
    args = [*command, str(awkward)] if command == ["extract"] else command
    result = invoke(*args, "-f", "table", env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    assert not UNSAFE.search(result.stdout), repr(UNSAFE.search(result.stdout))
    if command == ["reports"]:
        for shown in ("␛[31m", "␇", "\\x9b2J", "\\u202eevil\\u202c", "[/bold] :fire:", "<script>",
                      "👩‍👩‍👧"):
            assert shown in result.stdout
        assert "🔥" not in result.stdout  # ":fire:" is no emoji code here


# Extraction stays linear on pathological text
#
# Each shape is built at its full size and at a quarter of it, and both are extracted in one
# fresh process: linear work takes about four times as long on the larger text, quadratic
# work sixteen. The test compares the two instead of holding a time budget, so a slow or
# busy machine does not fail it; a deadline only ends a run that hangs.

MB = 1_000_000
GROWTH = 8.0  # the most the full size may take over the quarter: linear is 4, quadratic 16
SLACK = 0.25  # seconds: differences below this are noise, not growth
DEADLINE = 120.0  # seconds for the two runs together: a hang, not a slow machine


def extraction_growth(build, size: int, tmp_path: Path) -> tuple[float, float] | None:
    """Seconds ``extract_claims`` takes on ``build(size // 4)`` and on ``build(size)``, in a
    fresh process (the quarter first), or None when it was still running after DEADLINE."""
    timings = extraction_seconds([build(size // 4), build(size)], tmp_path, DEADLINE)
    return None if timings is None else (timings[0], timings[1])


FIGURE = " police said 12 people were killed."
LINEAR = {  # name: (text of a given size, full size)
    "megabytes of digits": (lambda n: "1" * n, MB),
    "digit groups": (lambda n: _times("1,000,", n), MB),
    "digits and dots": (lambda n: _times("1.", n), MB),
    "nested curly quotes": (lambda n: _times("\u201c\u2018\u00ab", n, FIGURE), MB),
    "nested brackets": (lambda n: "(" * (n // 2) + "12 killed" + ")" * (n // 2), MB),
    "a 1 MB sentence of words": (lambda n: _times("a word ", n, FIGURE), MB),
    "100k commas": (lambda n: "," * n + FIGURE, 100_000),
    "100k commas between words": (lambda n: _times("a, ", n, FIGURE), 300_000),
    "capitalised words, no figure": (
        lambda n: _times("The Interior Ministry Of The Republic Said ", n), MB),
    "many short sentences": (
        lambda n: _times("Police said 12 people were killed in Almaty on Monday, according "
                         "to Interfax. ", n), MB // 4),
    "transcript lines": (lambda n: _times("WALLACE: 12 killed\n", n), MB),
    "number words": (lambda n: _times("one hundred and ", n, FIGURE), MB),
    "blank lines": (lambda n: "\n" * n + FIGURE, MB),
}
# Shapes that were quadratic once: each claim or cue rescanned its whole sentence (a 40 KB
# run of "according to" took 38 s), or a name search ran back over every capitalised word
# or quote before a figure. Every figure here is a claim to analyse, so they are smaller.
SUPERLINEAR = {
    "figures in one sentence": (lambda n: _times("1 ", n), MB // 10),
    "100k-char number list": (lambda n: _times("12, ", n), MB // 10),
    "capitalised claims in one sentence": (lambda n: _times("POLICE SAID 12 KILLED ", n),
                                           MB // 10),
    "claims joined by 'and'": (lambda n: _times("police said 12 people were killed and ", n),
                               MB // 10),
    "capitalised words before a figure": (
        lambda n: _times("The Interior Ministry Of The Republic Said ", n, FIGURE), MB // 10),
    "'according to' repeated before a figure": (
        lambda n: _times("according to ", n, FIGURE), MB // 10),
    "straight quotes before a figure": (lambda n: _times('"', n, FIGURE), 2 * MB // 10),
}


@pytest.mark.parametrize("name", [*LINEAR, *SUPERLINEAR])
def test_extraction_time_grows_linearly_with_the_text(name, tmp_path):
    build, size = LINEAR.get(name) or SUPERLINEAR[name]
    for _ in range(2):  # measured again once: a burst of other work can fall on one run
        timings = extraction_growth(build, size, tmp_path)
        assert timings is not None, f"{name}: {size:,} chars still running after {DEADLINE:g} s"
        quarter, full = timings
        if full <= GROWTH * quarter + SLACK:
            return
    raise AssertionError(
        f"{name}: {size // 4:,} chars took {quarter:.2f} s, {size:,} took {full:.2f} s")


def test_extraction_survives_thousands_of_unbalanced_quotes():
    # an odd run of quoted words once recursed one level per quote looking for a speaker
    claims = extract_claims('"a ' * 1999 + FIGURE)
    assert [c.figure.surface for c in claims] == ["12"]


ACROSS_PARAGRAPHS = ("a range or a compound number is sought across a paragraph break, so the "
                     "figure ends outside its sentence (found by tests/perf/fuzz.py)")
ABBREVIATION = ("the sentence splitter ends a sentence at 'Rs.', the figure reader reads "
                "'Rs. 500' as one amount: it starts in one sentence and ends in the next")


@pytest.mark.parametrize("text, reason", [
    ("88\n\n\u201370332", ACROSS_PARAGRAPHS),
    ("88 to\n\n70332", ACROSS_PARAGRAPHS),
    ("between 88\n\nand 70332", ACROSS_PARAGRAPHS),
    ("two dozen\n\none hundred and forty", ACROSS_PARAGRAPHS),
    ("He paid Rs. 500 in fines; 3 people died.", ABBREVIATION),
    ("rs.\n\n353 people were injured.", ACROSS_PARAGRAPHS),
], ids=["dash range", "to range", "between range", "number words", "rupees", "currency sign"])
def test_a_figure_stays_inside_its_sentence(text, reason):
    # found by tests/perf/fuzz.py; ``reason`` says how each once went wrong
    for claim in extract_claims(text):
        end = claim.sentence_start + len(claim.sentence)
        assert claim.sentence_start <= claim.start <= claim.end <= end, claim.figure.surface
