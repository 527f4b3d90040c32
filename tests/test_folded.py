"""metrics.folded: a lower-cased copy that a case-sensitive scan may read instead of the text.

A scan of the folded copy must find exactly what a case-insensitive scan of the text finds, at
the same offsets; where lower-casing cannot promise that, folded() gives None and the caller
scans the text itself.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.individuals import _PREDICATE_LOWER, _PREDICATE_WORD
from claimtrack.extract.metrics import folded

CASES = [
    ("Two Hikers Were SHOT near the pass.", "two hikers were shot near the pass."),
    ("Curly quotes stay: “Three were hurt,” she said.", "curly quotes stay: “three were hurt,” she said."),
    ("Cyrillic keeps its length: ДВОЕ ранены.", "cyrillic keeps its length: двое ранены."),
    # lower-casing "İ" adds a character: every offset after it would move
    ("İzmir: 3 injured", None),
    # `re` matches "ſ" with "s" and "ı" with "i" when it ignores case; lower() keeps them
    ("The ſhot rang out", None),
    ("Kılıç was hurt", None),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_folded(text, expected):
    assert folded(text) == expected


def spans(matches):
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Shot", "KILLED", "arrest", "ſet free", "İ", "ı", "K", "die", "dies",
                                 " ", "\n", ",", "-", "Ö", "ß", "x", "Released", "SET  FREE"]),
                max_size=12).map("".join))
def test_a_scan_of_the_folded_copy_finds_what_ignoring_case_finds(text):
    lowered = folded(text)
    if lowered is not None:
        assert spans(_PREDICATE_LOWER.finditer(lowered)) == spans(_PREDICATE_WORD.finditer(text))


def test_the_predicate_scan_ignores_case_on_either_path():
    for text in ("Police ARRESTED two men.", "Police ARRESTED two men in İzmir."):
        lowered = folded(text)
        found = _PREDICATE_LOWER.finditer(lowered) if lowered is not None else _PREDICATE_WORD.finditer(text)
        assert [m.group().lower() for m in found] == ["arrest"]
    assert re.compile(_PREDICATE_LOWER.pattern).search("ARRESTED") is None  # case-sensitive itself
