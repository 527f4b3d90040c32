"""HTML pages in: the article without the page around it, and the page's own metadata."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.errors import InputError
from claimtrack.html import decode_html, extract_article, looks_like_html
from claimtrack.inputs import Meta, Rejection, Report, claim_rows_for, read_inputs

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "html"
HERALD = SAMPLES / "vessa-herald-2024-08-12.html"
NORTHGATE = SAMPLES / "northgate-news-2024-08-13.html"

PAGE = """<!DOCTYPE html>
<html><head><title>{title}</title>{head}</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sub">Subscribe: 3 months free</a></nav>
<article>
<p>Police said 12 people were killed in the city on Monday, and dozens more were hurt in the clashes.</p>
<p>The Red Cross said at least 40 people had been taken to hospital overnight by its teams.</p>
</article>
<footer><p>Copyright 2024 Example Media. All 250 rights reserved.</p></footer>
</body></html>
"""


def page(title: str = "Clashes in the city", head: str = "") -> str:
    return PAGE.format(title=title, head=head)


def read(*paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


def test_sample_page_keeps_the_article_and_drops_the_page_around_it():
    article = extract_article(HERALD.read_bytes())
    assert article.text.startswith("At least 14 people were killed when the Vessa River")
    assert "the mayor's office said." in article.text
    for chrome in ("cookies", "Accept all", "Subscribe", "Advertisement", "Win 2 tickets",
                   "Read more", "5 charts", "120 years", "Privacy", "Mira Olsten"):
        assert chrome not in article.text, chrome
    # The headline is the title, not a line of text: its figure would count twice.
    assert "Fourteen dead" not in article.text
    assert (article.title, article.date, article.outlet, article.url) == (
        "Fourteen dead as the Vessa floods Oskeld's lower town", "2024-08-12",
        "The Vessa Herald", "https://vessaherald.example/news/2024/08/12/oskeld-flood")


def test_second_sample_page():
    article = extract_article(NORTHGATE.read_text(encoding="utf-8"))
    assert article.text.splitlines()[0].startswith("Nineteen people have now been killed")
    for chrome in ("privacy", "I agree", "Live: 24 hours", "Home", "7 stories", "Most read",
                   "Markets fall", "Independent Press Standards"):
        assert chrome not in article.text, chrome
    assert (article.title, article.date, article.outlet) == (
        "Oskeld flood: death toll rises to 19", "2024-08-13", "Northgate News")


def test_html_file_is_a_report_with_the_page_metadata_and_the_defaults_fill_only_gaps(tmp_path):
    [report] = read(HERALD, defaults=Meta(title="Other", date="2020-01-01", outlet="Wire",
                                           url="https://other.example", event="vessa-flood"))
    assert isinstance(report, Report)
    assert report.meta == Meta(
        title="Fourteen dead as the Vessa floods Oskeld's lower town", date="2024-08-12",
        url="https://vessaherald.example/news/2024/08/12/oskeld-flood",
        outlet="The Vessa Herald", event="vessa-flood")
    assert (report.name, report.ref, report.path) == (str(HERALD), str(HERALD), str(HERALD))

    bare = tmp_path / "bare.htm"  # no site name, date or URL in the page: the defaults fill in
    bare.write_text(page())
    [report] = read(bare, defaults=Meta(title="Other", date="2024-03-04", outlet="Wire"))
    assert report.meta == Meta(title="Clashes in the city", date="2024-03-04", outlet="Wire")
    assert report.text.startswith("Police said 12 people were killed")
    assert "Subscribe" not in report.text and "Copyright" not in report.text


def test_offsets_point_into_the_stored_article_text():
    [report] = read(NORTHGATE)
    rows = claim_rows_for(report)
    assert [(r["figure"], r["metric"], r["source"]) for r in rows] == [
        ("Nineteen", "killed", "Interior Ministry"),
        ("14", "killed", "regional emergency service"),
        ("7", "missing", "Interior Ministry"),  # "the ministry": the one named before (SPEC §5)
        ("More than 30", "killed", "Tomas Verel"),
        ("Some 1,200", "displaced", "Red Cross"),
    ]
    assert all(report.text[r["start"]:r["end"]] == r["figure"] for r in rows)


def test_folders_take_html_pages_too(tmp_path):
    (tmp_path / "a.html").write_text(page())
    (tmp_path / "b.HTM").write_text(page(title="Another page").replace("12 people", "13 people"))
    (tmp_path / "c.css").write_text("body { color: red }")
    reports = read(tmp_path)
    assert [r.meta.title for r in reports] == ["Clashes in the city", "Another page"]


@pytest.mark.parametrize("start, html", [
    ("<!DOCTYPE html><html>", True),
    ("  \n\t<!doctype HTML>", True),
    ("<HTML lang='en'>", True),
    ("\ufeff<html>", True),
    ("<p>Twelve were killed.</p>", False),
    ("html pages are not always <html>", False),
    ("<!-- a comment --><html>", False),
    ("", False),
])
def test_looks_like_html(start, html):
    assert looks_like_html(start) is html
    assert looks_like_html(start.encode("utf-8")) is html


def test_stdin_html_is_detected_and_stdin_text_stays_text():
    [report] = read("-", stdin=io.BytesIO(b"\n  " + page().encode("utf-8")))
    assert isinstance(report, Report) and report.name == "<stdin>" and report.path is None
    assert report.meta.title == "Clashes in the city"
    assert report.text.startswith("Police said 12 people")

    [report] = read("-", stdin=io.BytesIO(b"<b>Police</b> said 12 people were killed."))
    assert report.text == "<b>Police</b> said 12 people were killed."  # not HTML: as written


def test_declared_charset_decodes_a_page_that_is_not_utf8(tmp_path):
    data = page(title="Жертвы", head='<meta charset="windows-1251">').encode("cp1251")
    (tmp_path / "ru.html").write_bytes(data)
    [report] = read(tmp_path / "ru.html")
    assert isinstance(report, Report) and report.meta.title == "Жертвы"
    assert decode_html(b"<meta charset='latin-1'><p>caf\xe9</p>").endswith("café</p>")


@pytest.mark.parametrize("data, reason", [
    # A page whose article a script would fetch: nothing to read without running it.
    (b"<html><head><title>Live</title><script>load('/api/story')</script></head>"
     b"<body><div id='app'></div></body></html>", "no article text found in this HTML page"),
    (b"<html><body><p>caf\xe9</p></body></html>",
     "not UTF-8 (byte 0xe9 at offset 18) and the page declares no charset"),
    (b'<html><meta charset="klingon"><p>caf\xe9</p></html>',
     "the page declares an unknown charset 'klingon'"),
    (b"<html>\x00\x01\x02</html>", "binary file, not text"),
])
def test_unreadable_pages_are_rejected_with_a_reason(tmp_path, data, reason):
    (tmp_path / "bad.html").write_bytes(data)
    [item] = read(tmp_path / "bad.html")
    assert item == Rejection(str(tmp_path / "bad.html"), reason)


def test_extract_article_raises_input_error():
    with pytest.raises(InputError, match="no article text"):
        extract_article("<html><body></body></html>")


def test_cli_ingests_pages_from_a_folder_and_stdin(invoke, tmp_path):
    result = invoke("ingest", str(SAMPLES), "--event", "oskeld-flood", "--outlet", "Unused")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("added 2 reports (")
    result = invoke("ingest", "-", "--title", "From stdin", "--date", "2024-03-04",
                    "--no-group", input=page(title=""))
    assert result.exit_code == 0, result.stderr
    reports = json.loads(invoke("reports", "-f", "json").stdout)
    assert [(r["title"], r["outlet"], r["date"], r["event"]) for r in reports] == [
        ("Oskeld flood: death toll rises to 19", "Northgate News", "2024-08-13", "oskeld-flood"),
        ("Fourteen dead as the Vessa floods Oskeld's lower town", "The Vessa Herald",
         "2024-08-12", "oskeld-flood"),
        ("From stdin", None, "2024-03-04", "default"),
    ]
    assert reports[0]["url"] == "https://northgate.example/world/oskeld-flood-toll-rises"


def test_cli_names_an_unreadable_page_and_exits_1(invoke, tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><div id='app'></div></body></html>")
    result = invoke("extract", str(tmp_path / "empty.html"))
    assert result.exit_code == 1
    assert "no article text found" in result.stderr


def test_help_does_not_load_the_html_extractor():
    code = ("import sys, claimtrack.cli; "
            "print(sorted(m for m in ('trafilatura', 'lxml', 'claimtrack.html') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_page_is_a_report_or_a_rejection_never_a_crash(body):
    data = f"<!doctype html><html><head><title>{body[:20]}</title></head><body><p>{body}</p></body></html>"
    for item in read_inputs(["-"], stdin=io.BytesIO(data.encode("utf-8", "surrogatepass"))):
        assert isinstance(item, (Report, Rejection))
        if isinstance(item, Report):
            assert item.text == item.text.strip() and item.text
