"""The gate before the grammar layer (predicates.may_count).

The engine parses a sentence whose figures the older reading (metrics.counted) leaves without
a metric only when the gate says a word in it could give one. The gate looks for the longest
open-class word of each metric phrase ("were taken to hospital": hospital), a metric verb in the
present tense, a metric noun, a place of care, "custody" or "lives". It must never close on a
sentence where the parse would find a metric: the rows check the gate and the full reading
side by side, and the end-to-end claims.
"""
from __future__ import annotations

import pytest

from claimtrack.extract import default_lexicon, extract_claims, predicates
from claimtrack.extract.grammar import parse
from claimtrack.extract.numbers import figures


def readings(sentence: str) -> list[str | None]:
    lex = default_lexicon()
    figs = list(figures(sentence, lex))
    p = parse(sentence, [(f.start, f.end) for f in figs], lex)
    out = []
    for n in range(len(figs)):
        r = predicates.read(p, n, lex)
        out.append(r.metric if r else None)
    return out


# (sentence, whether the gate opens, the metric the grammar reads for the first figure)
GATE = [
    # the metric word is not the first word of its phrase: the gate still opens
    ("Rescuers said 14 climbers were later taken to hospital.", True, "hospitalized"),
    ("Medics flew 5 of the hikers overnight to a hospital in the valley.", True, "hospitalized"),
    ("Officers took nine men into custody after the raid.", True, "arrested"),
    # a verb in the present tense, a metric noun, lives taken
    ("Rangers detain 38 near the border.", True, "arrested"),
    ("The storm claimed 12 lives in the port.", True, "killed"),
    # traps: words that open many metric phrases ("the", "to", "in", "were") give none alone
    ("The 40 members of the board were in the hall to vote.", False, None),
    ("In the end 300 delegates went to the assembly.", False, None),
    ("Were there 7 boats in the harbour, the ferry would run.", False, None),
]


@pytest.mark.parametrize("sentence, opens, metric", GATE, ids=[g[0][:40] for g in GATE])
def test_the_gate_opens_where_the_grammar_reads_a_metric(sentence, opens, metric):
    lex = default_lexicon()
    assert predicates.may_count(sentence, lex) is opens
    first = readings(sentence)[0]
    assert (first if first != "other" else None) == metric
    if not opens:  # a closed gate loses nothing: no figure of the sentence reads a metric
        assert all(r in (None, "other") for r in readings(sentence))


def test_end_to_end_a_metric_word_late_in_its_phrase_is_read():
    claims = extract_claims("Rescuers said 14 climbers were later taken to hospital. "
                            "The 40 members of the board were in the hall to vote.")
    assert [(c.figure.value, c.metric) for c in claims] == [(14, "hospitalized"), (40, "other")]
