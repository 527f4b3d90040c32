"""Properties of extraction on any text: no crash, spans slice back, intervals hold together.

Interval property, per SPEC §3: ``value`` is x, so for ``more_than`` it sits one below
``low`` (x+1) and for ``less_than`` one above ``high`` (x−1); every other qualifier keeps
``low <= value <= high`` and vague figures have ``value == low``.
"""
from __future__ import annotations

import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack.extract import extract_claims
from claimtrack.extract.numbers import figures
from claimtrack.models import claim_to_dict

QUALIFIERS = {"exact", "at_least", "more_than", "at_most", "less_than", "approx", "range", "vague"}
SOURCE_KINDS = {"media", "government", "police", "military", "international", "ngo", "medical",
                "person", "unnamed", "outlet", "unattributed"}

TOKENS = [
    "12", "2,000", "1.5 million", "3 thousand", "40%", "$3 million", "10-20", "10–20", "2022",
    "2022-01-06", "10:30", "3 p.m.", "COVID-19", "Khabar-24", "G7", "35-year-old", "6 months",
    "twelve", "one hundred and forty", "a dozen", "two dozen", "a hundred", "a thousand",
    "at least", "more than", "over", "up to", "fewer than", "about", "nearly", "some",
    "between", "and", "to", "several", "a few", "dozens", "scores", "hundreds", "thousands",
    "tens of thousands", "hundreds of", "of", "people", "police", "civilians", "protesters",
    "members of the police forces", "were", "have been", "killed", "wounded", "injured",
    "arrested", "dead", "death toll", "according to", "the Interior Ministry", "Interfax",
    "said", "which cites", "quoted by", "citing", "This was stated by", "reportedly",
    "even speak of", "other sources", "witnesses", "in Almaty", "January 6", "the first days",
    "“", "”", '"', "«", "»", "‘", "’", ",", ".", ":", "\n", "\n\n", "—",
]
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "  ", "\u00a0"])


@st.composite
def news_like(draw) -> str:
    """Text stitched from number words, qualifiers, metrics and cues, so real paths run."""
    parts = draw(st.lists(st.one_of(
        st.sampled_from(TOKENS),
        st.integers(min_value=1, max_value=10**7).map(str),
        st.integers(min_value=1, max_value=10**7).map("{:,}".format),
    ), max_size=30))
    out = []
    for part in parts:
        out.append(part)
        out.append(draw(SEPARATORS))
    return "".join(out)


EDGES = [
    "at least \n\n 12 ",  # a qualifier never reaches across a paragraph
    "fewer than several ",  # below a vague figure: high is one under its value
    "", " ", "0", "1,", ",,,", "1.", ".5", "1.5", "10-", "-10", "–", "at least", "between 5 and",
    "1.5 million million", "9" * 40 + " people were killed", "fewer than 1 person",
    "between 50 and 10 people were killed", "“12 killed", "12 killed”", "\u00a012\u00a0",
    "12\r\n13", "a dozen dozen", "12 12.00040% ", "more than 2.5%", "fewer than 0.5%",
    "killed 12 ſoldiers", "the toll of ſoldiers killed rose to 12", "Ünd the toll of Soldiers killed rose to 12", "hundreds of thousands of millions",
]


def check_figure(text: str, fig) -> None:
    assert text[fig.start:fig.end] == fig.surface
    assert fig.surface, "empty surface"
    assert fig.qualifier in QUALIFIERS
    if fig.low is not None and fig.high is not None:
        assert fig.low <= fig.high
    if fig.qualifier == "more_than":  # a fraction: above the whole number below it
        assert fig.low == math.floor(fig.value) + 1 and fig.high is None
    elif fig.qualifier == "less_than":
        assert fig.high == math.ceil(fig.value) - 1
    else:
        if fig.low is not None:
            assert fig.low <= fig.value
        if fig.high is not None:
            assert fig.value <= fig.high
    if fig.qualifier == "vague":
        assert fig.value == fig.low


def check_claims(text: str) -> None:
    claims = extract_claims(text)
    for claim in claims:
        check_figure(text, claim.figure)
        assert claim.start == claim.figure.start and claim.end == claim.figure.end
        # provenance (SPEC §2): the figure sits inside the sentence it is shown in
        sentence_end = claim.sentence_start + len(claim.sentence)
        assert text[claim.sentence_start:sentence_end] == claim.sentence
        assert claim.sentence_start <= claim.start <= claim.end <= sentence_end
        row = claim_to_dict(claim)
        assert row["source_kind"] in SOURCE_KINDS
        assert text[row["start"]:row["end"]] == row["figure"]
    starts = [c.start for c in claims]
    assert starts == sorted(starts), "claims come in order of position"


def with_edges(test):
    for text in reversed(EDGES):
        test = example(text)(test)
    return test


PROFILE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@with_edges
@given(st.text())
def test_any_text_claims(text):
    check_claims(text)


@PROFILE
@with_edges
@given(st.text())
def test_any_text_figures(text):
    for fig in figures(text):
        check_figure(text, fig)


@PROFILE
@given(news_like())
def test_news_like_claims(text):
    check_claims(text)


@PROFILE
@given(news_like())
def test_news_like_figures(text):
    for fig in figures(text):
        check_figure(text, fig)


@PROFILE
@given(news_like())
def test_extraction_is_deterministic(text):
    first = [claim_to_dict(c) for c in extract_claims(text)]
    assert [claim_to_dict(c) for c in extract_claims(text)] == first


# Characters news text carries that the lexicon never names: other digit systems, digit group
# marks, invisible and bidi controls, escape sequences, emoji sequences, combining marks.
AWKWARD = ["١٢", "１２", "১২", "²", "½", "Ⅻ", "1٫5", "1'000", "12.000", "12\u202f000",
           "12\u2009000", "\u00ad", "\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "\u2028",
           "\x1b[31m", "\x00", "\x07", "\r", "\u0301", "👩‍👩‍👧", "🇰🇿", "مقتل", "עברית", "İ", "ß",
           "ﬁ", "(", ")", "[", "]"]


@st.composite
def news_with_awkward(draw) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(TOKENS), st.sampled_from(AWKWARD),
                                    st.integers(min_value=1, max_value=10**7).map(str)),
                          max_size=40))
    return "".join(part + draw(SEPARATORS) for part in parts)


@PROFILE
@given(news_with_awkward())
def test_news_with_awkward_characters(text):
    check_claims(text)
    for fig in figures(text):
        check_figure(text, fig)
