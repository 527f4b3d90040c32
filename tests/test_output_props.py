"""Properties of the one output path (claimtrack.output.render).

Machine formats give back exactly what they were given: render → parse round-trips for
json, jsonl, csv and tsv, whatever the strings hold (quotes, delimiters, tabs, \\n, \\r,
NUL, escape sequences, bidi controls, emoji). The table view never lets a control character
through to the terminal, and changes nothing else.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimtrack.output import Column, Format, render, terminal_safe
from oracles import as_cells

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
AWKWARD = ['"', ",", "\t", "\n", "\r", "\r\n", "\n\r", "", " ", " padded ", '""', "'", "\\",
           "=1+1", "\x00", "\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\u2028", "\u202eevil",
           "\u2066", "\ufeff", "👩‍👩‍👧", "🇰🇿", "مرحبا", "עברית", "e\u0301", "NULL", "null",
           "None", "true", "1e5", "007", "[bold]x[/bold]", "[/]", ":fire:", "#", "\x85", "-"]
STRINGS = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",))),
    st.sampled_from(AWKWARD),
    st.lists(st.sampled_from(AWKWARD), max_size=6).map("".join),
)
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(),
    st.floats(allow_nan=False, allow_infinity=False), STRINGS,
    st.lists(STRINGS, max_size=3), st.dictionaries(STRINGS, STRINGS, max_size=2),
)


@st.composite
def row_lists(draw) -> list[dict]:
    """Rows sharing their keys, as every listing gives them; the keys are awkward too."""
    keys = draw(st.lists(STRINGS, min_size=1, max_size=5, unique=True))
    return draw(st.lists(st.fixed_dictionaries({k: VALUES for k in keys}), max_size=5))


def rendered(rows: list[dict], fmt: Format) -> str:
    out = io.StringIO(newline="")  # no newline translation: the bytes stdout gets
    assert render(rows, fmt, file=out) == len(rows)
    return out.getvalue()



SETTINGS = settings(max_examples=300, deadline=None)
EXAMPLES = [
    [{"a": "\r"}], [{"a": "x\ry", "b": "\r\n"}], [{"": ""}], [{"a": None, "b": ""}],
    [{'he said "x", then\ty\r': "\x00\x1b[2J\u202e"}], [{"a": "\u2028"}, {"a": "\x85"}],
]


def with_examples(test):
    for rows in reversed(EXAMPLES):
        test = example(rows)(test)
    return test


@SETTINGS
@with_examples
@given(row_lists())
def test_json_round_trips(rows):
    assert json.loads(rendered(rows, Format.json)) == rows


@SETTINGS
@with_examples
@given(row_lists())
def test_jsonl_round_trips_one_line_per_row(rows):
    out = rendered(rows, Format.jsonl)
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == len(rows) + 1
    assert [json.loads(line) for line in lines[:-1]] == rows


@pytest.mark.parametrize("fmt", [Format.csv, Format.tsv])
@SETTINGS
@with_examples
@given(rows=row_lists())
def test_csv_and_tsv_round_trip(fmt, rows):
    out = rendered(rows, fmt)
    delimiter = "," if fmt is Format.csv else "\t"
    back = list(csv.DictReader(io.StringIO(out, newline=""), delimiter=delimiter))
    assert back == [as_cells(row) for row in rows]
    assert out.endswith("\n") if rows else out == ""


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"title": STRINGS, "n": VALUES}), max_size=4))
@example([{"title": "[/bold] :fire: \x1b[31mred\x1b[0m \u202eevil", "n": "\x9b2J"}])
def test_the_table_never_passes_a_control_character(rows):
    out = rendered(rows, Format.table)
    assert not UNSAFE.search(out), repr(UNSAFE.search(out))
    if rows:
        assert out.count("\n") >= len(rows) + 2  # the header, its rule, a line per row


def test_the_table_shows_markup_and_escapes_as_written():
    rows = [{"title": "[bold]x[/bold] [/] :fire: \x1b[31mred\x1b[0m\x07 \x9b2J \u202eevil\u202c",
             "outlet": "عربي 👩‍👩‍👧"}]
    out = rendered(rows, Format.table)
    assert "[bold]x[/bold] [/] :fire: ␛[31mred␛[0m␇ \\x9b2J \\u202eevil\\u202c" in out
    assert "عربي 👩‍👩‍👧" in out and "🔥" not in out


def test_the_table_view_uses_its_columns_and_keeps_the_data():
    rows = [{"id": 1, "name": "a\x1bb"}]
    out = rendered(rows, Format.table)
    assert "a␛b" in out
    assert rows == [{"id": 1, "name": "a\x1bb"}]  # neutralised for display, not in place
    only = io.StringIO()
    render(rows, Format.table, [Column("name", "the\x07name")], file=only)
    assert "the␇name" in only.getvalue() and "1" not in only.getvalue()


@SETTINGS
@given(STRINGS)
def test_terminal_safe_shows_every_control_and_changes_nothing_else(text):
    shown = terminal_safe(text)
    assert not UNSAFE.search(shown)
    # character by character: a safe one stays itself, an unsafe one becomes a visible name
    assert shown == "".join(c if not UNSAFE.match(c) else terminal_safe(c) for c in text)
    for c in set(UNSAFE.findall(text)):
        assert terminal_safe(c) != c and terminal_safe(c).isprintable()


def test_terminal_safe_names_each_kind_of_control():
    assert terminal_safe("\x00\x07\x1b\r\x7f") == "␀␇␛␍␡"
    assert terminal_safe("\x85\x9b") == "\\x85\\x9b"
    assert terminal_safe("\u2028\u202e\u2066") == "\\u2028\\u202e\\u2066"
    assert terminal_safe("tab\tand\nnewline stay") == "tab\tand\nnewline stay"
