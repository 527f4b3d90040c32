"""The fast scans of individuals and dates find what the plain case-insensitive patterns find.

Each fast path (a lower-case pattern on a folded copy, or a scan for a verb's first word
before the full pattern is tried) must give the same matches, at the same offsets, as
``finditer`` of the pattern it stands for: in lower case, in capitals, in mixed case, and
where the text holds a letter that lower-casing lengthens (then the plain scan runs).
"""
from __future__ import annotations

import pytest

from claimtrack.extract import default_lexicon
from claimtrack.extract import dates, individuals
from claimtrack.extract.metrics import folded

SENTENCES = [
    "Deputies Arrested a driver on the highway and later Released him on bail.",
    "A cyclist WAS FATALLY INJURED at the crossing and a pedestrian was later detained.",
    "THE STORM LEFT A FISHERMAN DEAD AND RESCUERS FOUND TWO HIKERS INJURED.",
    "Officers shot and wounded a suspect, then took into custody a second man.",
    "Nothing was released to the press, and the cleft wall was shot through.",
    "A woman and her brother were critically wounded and a neighbour injured.",
    "He was released; she went missing on Tuesday and was later found dead.",
    "The bookshelf-killed rumour aside, the unreleased report found a guard wounded.",
    "İstanbul police detained a courier and left a crowd injured, an official said.",
    "Two porters were shot and killed and the driver was Kidnapped by gunmen.",
    "",
    "Police have a teenager in custody after a clerk was stabbed and robbed.",
]


def _plain(rx, text):
    return [(m.start(), m.end(), m.group().lower()) for m in rx.finditer(text)]


def _seen(matches):
    return [(m.start(), m.end(), m.group().lower()) for m in matches]


@pytest.fixture(scope="module")
def g():
    return individuals._grammar(default_lexicon())


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("name, lead, lower", [
    ("object", "object_lead", None),
    ("left", "left_lead", None),
    ("subject_pred", None, "subject_pred_lower"),
    ("plural_pred", None, "plural_pred_lower"),
])
def test_fast_scan_finds_what_the_pattern_finds(g, sentence, name, lead, lower):
    lowered = folded(sentence)
    fast = individuals._matches(g[name], sentence, lowered, g[lead] if lead else None, g[lower] if lower else None)
    assert _seen(fast) == _plain(g[name], sentence)


def test_the_sentences_hold_matches_of_every_scan(g):
    # the table above is no empty test: each scan finds something in it, the fast way too
    for name in ("object", "left", "subject_pred", "plural_pred"):
        assert any(_plain(g[name], s) for s in SENTENCES), name
    assert folded(SENTENCES[8]) is None  # the plain scan's path is taken there


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_mention_lies_on_a_predicate_wording(g, sentence):
    # find() reads only the sentences that hold a whole wording: every mention has one
    if individuals._sentence_mentions(sentence, g, sentence):
        assert g["wording"].search(sentence)


@pytest.mark.parametrize("sentence", [
    "On Monday NIGHT the toll rose; two days earlier it was lower.",
    "Figures of 5 JANUARY 2024 and of Sept. 3 differ from last week's.",
    "YESTERDAY'S count, three weeks ago, the day before: all dated.",
    "The İzmir office gave the figure on Friday, a day earlier than planned.",
    "No date stands in this sentence at all.",
])
def test_dates_on_a_folded_copy_are_the_plain_scan(sentence):
    plain = tuple(dates._DATE.finditer(sentence)) if dates._DATE_HINT.search(sentence) else ()
    fast = dates._dates_in(sentence)
    assert [(m.start(), m.end()) for m in fast] == [(m.start(), m.end()) for m in plain]
    assert [m.group().lower() for m in fast] == [m.group().lower() for m in plain]
    for a, b in zip(fast, plain):
        assert dates._resolve(a, dates.date(2024, 6, 12), dates.date(2024, 6, 12)) == \
            dates._resolve(b, dates.date(2024, 6, 12), dates.date(2024, 6, 12))
