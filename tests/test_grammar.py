"""Table tests for the grammar layer (claimtrack/extract/grammar.py), on its own.

Each sentence is parsed with the figures that figures() finds in it; the rows say which
token class a word gets, which noun phrase a figure quantifies (its head, whether it is a
partitive or negated), where its own verb group starts past what hangs on it, and what that
verb group is (main verb, voice, tense, modal, negation).
"""
from __future__ import annotations

import pytest

from claimtrack.extract import default_lexicon
from claimtrack.extract.grammar import parse
from claimtrack.extract.numbers import figures


def parsed(sentence: str):
    lex = default_lexicon()
    figs = list(figures(sentence, lex))
    return parse(sentence, [(f.start, f.end) for f in figs], lex), figs


def test_tokens_keep_their_offsets_and_a_figure_is_one_token():
    sentence = "At least 40 riders, the U.S. team said, were hurt."
    p, figs = parsed(sentence)
    for t, start, end in zip(p.tokens, p.starts, p.ends, strict=True):
        assert sentence[start:end] == t.text
    nums = [t for t in p.tokens if t.tag == "NUM"]
    assert [(t.text, t.fig) for t in nums] == [("At least 40", 0)]
    assert "U.S." in [t.text for t in p.tokens]


CLASSES = [
    ("The four guards were not hurt.", {"The": "DET", "guards": "WORD", "were": "AUX", "not": "NEG", "hurt": "PART"}),
    ("Six boys who could swim reached the shore.", {"who": "REL", "could": "MODAL", "reached": "PART"}),
    ("Nine men later fled across the river and hid.", {"later": "ADV", "fled": "PART", "across": "PREP",
                                                         "and": "CONJ", "hid": "PART"}),
    ("Rescuers, quickly arriving, found 3 people when the rain stopped.",
     {"quickly": "ADV", "arriving": "GER", "when": "SUB", "found": "PART"}),
    ("Two people in Ostrava were hurt.", {"Ostrava": "NAME"}),
    # wire copy in capitals names nothing by case
    ("TWO PEOPLE IN OSTRAVA WERE HURT.", {"OSTRAVA": "WORD", "WERE": "AUX"}),
    # "that" after a noun is a relative pronoun, after a verb a subordinator
    ("Five crews that arrived late said that 4 men died.", {"that": "REL"}),
]


@pytest.mark.parametrize("sentence, expected", CLASSES, ids=[s[:40] for s, _ in CLASSES])
def test_word_classes(sentence, expected):
    p, _ = parsed(sentence)
    first = {}
    for t in p.tokens:
        first.setdefault(t.text, t.tag)
    assert {w: first[w] for w in expected} == expected


# (sentence, figure index, head, partitive, negated, first word of its own verb group)
NOUN_PHRASES = [
    # the general case and pre-modifiers
    ("Twelve miners were trapped.", 0, "miners", False, False, "were"),
    ("Two injured hikers were carried down.", 0, "hikers", False, False, "were"),
    ("Three rebel commanders surrendered.", 0, "commanders", False, False, "surrendered"),
    # partitives
    ("Three of the climbers were rescued.", 0, "climbers", True, False, "were"),
    # a preposition between a determiner and its noun is a modifier, no preposition
    ("One of the outside firms was fined.", 0, "firms", True, False, "was"),
    ("Two of the above cases were closed.", 0, "cases", True, False, "were"),
    ("Two of them died.", 0, None, True, False, "died"),
    ("None of the eight sailors was hurt.", 0, "sailors", False, True, "was"),
    ("Not one of the 30 pupils was harmed.", 1, "pupils", False, True, "was"),
    # complements
    ("Nine members of the riot police were hurt.", 0, "members", False, False, "were"),
    ("Four people with burns were flown out.", 0, "people", False, False, "were"),
    # relative clauses, reduced relatives, asides closed and left open
    ("Four nurses who had been handing out rice in the east were killed.", 0, "nurses", False, False, "were"),
    ("Eleven of the riders hurt when the bus tipped over were flown out.", 0, "riders", True, False, "were"),
    ("Six reporters covering the vote were held.", 0, "reporters", False, False, "were"),
    # a participle and its time phrase hang on the noun as a reduced relative
    ("The 3 men held last year were freed.", 0, "men", False, False, "were"),
    ("Two boys taken on Sunday were found.", 0, "boys", False, False, "were"),
    # a speaker inside the relative clause, before the clause's own verb
    ("The 3 men who police say lit the fire were held.", 0, "men", False, False, "were"),
    ("Two cousins who the family believes fled north were found.", 0, "cousins", False, False, "were"),
    ("Five guards whom the rebels claim they freed were seen.", 0, "guards", False, False, "were"),
    ("Six hikers, all of them guides, were hurt.", 0, "hikers", False, False, "were"),
    ("Six hikers (two of them guides) were hurt.", 0, "hikers", False, False, "were"),
    ("Six hikers -- two of them guides -- were hurt.", 0, "hikers", False, False, "were"),
    ("Six hikers — most of them guides were hurt.", 0, "hikers", False, False, "were"),
    ("Five men, aged in their twenties were admitted.", 0, "men", False, False, "were"),
    # a comma that closes the phrase opens nothing
    ("Police held 12 people, the mayor said.", 0, "people", False, False, ","),
]


@pytest.mark.parametrize("sentence, fig, head, partitive, negated, verb", NOUN_PHRASES,
                         ids=[r[0][:44] for r in NOUN_PHRASES])
def test_noun_phrase_of_a_figure(sentence, fig, head, partitive, negated, verb):
    p, _ = parsed(sentence)
    np = p.noun_phrase(fig)
    toks = p.tokens
    assert (toks[np.head].text if np.head is not None else None) == head
    assert (np.partitive, np.negated) == (partitive, negated)
    assert toks[np.verb_at].text == verb


# (sentence, word the group starts at, main verb, passive, tense, modal, negated)
VERB_GROUPS = [
    ("Ten men were killed.", "were", "killed", True, "past", None, False),
    ("Ten men have been arrested.", "have", "arrested", True, "present", None, False),
    ("Ten men are missing.", "are", "missing", False, "present", None, False),
    ("Ten men died.", "died", "died", False, "past", None, False),
    ("Ten men were later found dead.", "were", "found", True, "past", None, False),
    ("Ten men wound up being stabbed.", "wound", "stabbed", True, "past", None, False),
    ("Ten men could die.", "could", "die", False, "past", "could", False),
    ("Ten men may have been killed.", "may", "killed", True, "present", "may", False),
    ("Ten men were not hurt.", "were", "hurt", True, "past", None, True),
    ("Ten men were never found.", "were", "found", True, "past", None, True),
    ("Ten men are in hospital.", "are", "are", False, "present", None, False),
]


@pytest.mark.parametrize("sentence, at, main, passive, tense, modal, negated", VERB_GROUPS,
                         ids=[r[0] for r in VERB_GROUPS])
def test_verb_group(sentence, at, main, passive, tense, modal, negated):
    p, _ = parsed(sentence)
    i = next(i for i, t in enumerate(p.tokens) if t.text == at)
    vg = p.verb_group(i)
    assert (p.tokens[vg.main].text, vg.passive, vg.tense, vg.modal, vg.negated) == \
        (main, passive, tense, modal, negated)


def test_no_verb_group_at_a_noun():
    p, _ = parsed("Ten men in the square.")
    assert p.verb_group(1) is None


CLAUSES = [
    ("Police said 4 died; the army said 9 died.", 1, "the"),
    ("Four died when 9 houses fell.", 1, "9"),
    ("In Ostrava 12 men died.", 0, "In"),
]


@pytest.mark.parametrize("sentence, fig, first", CLAUSES, ids=[c[0] for c in CLAUSES])
def test_clause_start(sentence, fig, first):
    p, _ = parsed(sentence)
    assert p.tokens[p.clause_start(p.index[fig])].text == first


COORDINATION = [
    ("Gunmen killed 12 rebels and 3 police.", 1, "12"),
    ("Gunmen killed 12 rebels, 4 guards and 3 police.", 2, "4"),
    ("Gunmen killed 12 rebels near 3 farms.", 1, None),
]


@pytest.mark.parametrize("sentence, fig, before", COORDINATION, ids=[c[0] for c in COORDINATION])
def test_coordinated_noun_phrases(sentence, fig, before):
    p, _ = parsed(sentence)
    np = p.noun_phrase(fig)
    k = p.coordinated_before(np.start)
    assert (p.tokens[k].text if k is not None else None) == before


def test_a_long_sentence_is_parsed_in_a_window_around_its_figures():
    from claimtrack.extract.grammar import WINDOW_LEFT, WINDOW_RIGHT
    sentence = "the river rose " * 60 + "and 12 people were killed " + "as the rain fell " * 60 + "."
    p, figs = parsed(sentence)
    assert p.starts[0] >= figs[0].start - WINDOW_LEFT - 10
    assert p.ends[-1] <= figs[-1].end + WINDOW_RIGHT
    np = p.noun_phrase(0)
    assert p.tokens[np.head].text == "people"


def test_a_compound_after_a_figure_belongs_to_it():
    p, _ = parsed("A 3,200-strong crowd massed.")
    assert [t.text for t in p.tokens] == ["A", "3,200", "crowd", "massed", "."]
    assert p.tokens[p.noun_phrase(0).head].text == "crowd"


def test_a_relative_clause_with_a_bare_verb():
    p, _ = parsed("At least 40 farmers who belong to the Grain League were detained.")
    np = p.noun_phrase(0)
    assert p.tokens[np.verb_at].text == "were"
