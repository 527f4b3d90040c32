"""Reading reports: front matter, JSON, JSON lines, stdin, folders and bad inputs."""
from __future__ import annotations

import io
import json

import pytest

from claimtrack.errors import UsageError
from claimtrack.inputs import (Meta, Rejection, Report, check_date, read_inputs,
                               split_front_matter, text_sha256)


def read(*paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


def test_front_matter_block():
    meta, body = split_front_matter(
        "---\ntitle: \"Floods: the toll\"\noutlet: The Tribune\ndate: 2023-05-01\n"
        "event: floods\nauthor: someone\n---\n\nFour people drowned, officials said.\n")
    assert meta == {"title": "Floods: the toll", "outlet": "The Tribune", "date": "2023-05-01",
                    "event": "floods"}
    assert body == "Four people drowned, officials said."


def test_leading_key_value_lines():
    meta, body = split_front_matter("Title: Storm\nSite: Coast Daily\n\nWinds hit 200 homes.")
    assert meta == {"title": "Storm", "outlet": "Coast Daily"}
    assert body == "Winds hit 200 homes."


def test_unknown_leading_key_is_text():
    meta, body = split_front_matter("Update: three more bodies were found.")
    assert meta == {}
    assert body == "Update: three more bodies were found."


def test_leading_date_token_is_metadata():
    meta, body = split_front_matter(" date 2022-01-06 \u201cLast week 9 people were hurt.")
    assert meta == {"date": "2022-01-06"}
    assert body == "\u201cLast week 9 people were hurt."


def test_front_matter_date_wins_over_token():
    meta, body = split_front_matter("date: 2020-01-01\ndate 2022-01-06 Text here.")
    assert meta["date"] == "2020-01-01"
    assert body == "Text here."


def test_unclosed_block_is_text():
    meta, body = split_front_matter("---\nNo closing line, 5 people hurt.")
    assert meta == {}
    assert body.startswith("---")


def test_text_file_report(tmp_path):
    (tmp_path / "a.md").write_text("outlet: The Tribune\n\nRiot police detained 40 people.\r\n")
    [report] = read(tmp_path / "a.md", defaults=Meta(outlet="Ignored", event="riots"))
    assert report == Report(
        text="Riot police detained 40 people.", name=str(tmp_path / "a.md"),
        ref=str(tmp_path / "a.md"), path=str(tmp_path / "a.md"),
        meta=Meta(outlet="The Tribune", event="riots"))


def test_folder_is_recursive_sorted_and_skips_others(tmp_path):
    for name in ("b.txt", "a/z.md", "a/y.jsonl", ".hidden/x.txt", "notes.docx", "c.JSON"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".jsonl"):
            path.write_text('{"text": "From a line."}\n')
        elif name.lower().endswith(".json"):
            path.write_text('{"text": "From an object."}')
        else:
            path.write_text(f"Text of {name}.")
    names = [r.name for r in read(tmp_path)]
    assert names == [str(tmp_path / n) for n in ("a/y.jsonl:1", "a/z.md", "b.txt", "c.JSON")]


def test_glob_and_missing_paths(tmp_path):
    (tmp_path / "one.txt").write_text("One report.")
    (tmp_path / "two.txt").write_text("Two reports.")
    items = read(tmp_path / "*.txt", tmp_path / "nope.txt", tmp_path / "*.md")
    assert [type(i).__name__ for i in items] == ["Report", "Report", "Rejection", "Rejection"]
    assert items[2].reason == "no such file or folder"
    assert items[3].reason == "no file matches this pattern"


def test_json_object_and_array(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(
        {"text": "Six hurt.", "id": 7, "source": {"id": "x", "name": "Wire"},
         "published": "2021-02-03T10:00:00Z", "url": "https://example.org/a"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A."}, {"title": "no text"}, 3]))
    items = read(tmp_path / "one.json", tmp_path / "many.json")
    one = items[0]
    assert (one.ref, one.meta) == ("7", Meta(date="2021-02-03",
                                             url="https://example.org/a", outlet="Wire"))
    assert items[1].ref == f"{tmp_path / 'many.json'}[0]"
    assert isinstance(items[2], Rejection) and "no \"text\" string" in items[2].reason
    assert isinstance(items[3], Rejection) and "got a number" in items[3].reason


def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "First."}\n{"text": \n\n{"text": "Third.", "outlet": "X"}\n'
                    '{"text": "   "}\n')
    items = read(path, defaults=Meta(outlet="Y"))
    assert [(i.name, type(i).__name__) for i in items] == [
        (f"{path}:1", "Report"), (f"{path}:2", "Rejection"), (f"{path}:4", "Report"),
        (f"{path}:5", "Rejection")]
    assert items[1].reason.startswith("invalid JSON")
    assert [items[0].meta.outlet, items[2].meta.outlet] == ["Y", "X"]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty report"),
    (b"  \n\t\n", "empty report"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    # 0x81 is no character in Windows-1252, the legacy fallback (tests/test_reliability.py)
    (b"caf\x81 au lait, 3 hurt", "not UTF-8 text (byte 0x81 at offset 3)"),
])
def test_bad_text_files_are_rejected(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    [item] = read(tmp_path / "bad.txt")
    assert isinstance(item, Rejection)
    assert item.reason.startswith(reason)


def test_html_is_read_as_its_text_not_its_markup(tmp_path):
    (tmp_path / "page.html").write_text("<html><body><p>Nine hurt.</p></body></html>")
    [item] = read(tmp_path / "page.html")
    assert isinstance(item, Report) and item.text == "Nine hurt."


def test_empty_jsonl_file_is_rejected(tmp_path):
    (tmp_path / "e.jsonl").write_text("\n")
    [item] = read(tmp_path / "e.jsonl")
    assert item == Rejection(str(tmp_path / "e.jsonl"), "empty file: no JSON lines")


def test_stdin_text_and_json_lines():
    [text] = read_inputs(["-"], stdin=io.BytesIO(b"event: quake\n\nA quake hit; 30 died.\n"))
    assert (text.name, text.path, text.meta.event, text.text) == (
        "<stdin>", None, "quake", "A quake hit; 30 died.")
    lines = read_inputs(["-"], stdin=io.BytesIO(b'\n{"text": "One."}\nnot json\n'))
    assert [(i.name, type(i).__name__) for i in lines] == [
        ("<stdin>:2", "Report"), ("<stdin>:3", "Rejection")]


def test_stdin_is_read_lazily():
    class Lines(io.BytesIO):
        read_all = False

        def read(self, *args):
            Lines.read_all = True
            return super().read(*args)

    stream = Lines(b"".join(b'{"text": "Report %d."}\n' % i for i in range(1000)))
    first = next(read_inputs(["-"], stdin=stream))
    assert first.text == "Report 0."
    assert not Lines.read_all and stream.tell() < 100


def test_sha256_ignores_layout_only():
    assert text_sha256("Two  people\ndied.") == text_sha256("Two people died.")
    assert text_sha256("Two people died.") != text_sha256("Three people died.")


def test_check_date():
    assert check_date("2022-01-06") == "2022-01-06"
    assert check_date("2022-01-06T09:30:00") == "2022-01-06"
    assert check_date("6 Jan 2022") == "2022-01-06"
    with pytest.raises(UsageError, match="--date '2022-W01-4': not a date claimtrack reads"):
        check_date("2022-W01-4")
