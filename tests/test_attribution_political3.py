"""Who said it, on political news, round three (SPEC §5; issue #16): the speaker of a relative
clause on a figure, a body's words and estimates named by a possessive, and what is no
subject or no verb, in sentences written for this file.

As in ``test_attribution_political2.py``, every claim counts, metric ``other`` included. Each
text runs through the real CLI (``claimtrack extract -f jsonl`` on one JSON-lines file) and must
give exactly the expected list of ``(low, high, source)`` in text order, ``source`` being the
claim's exact source name (None: the report itself). Each rule has its general case, variants,
and traps.
"""
from __future__ import annotations

import pytest

from claim_tables import cases_of, extract_all, source_readings

U = None  # the report itself


RULES = {
    # a figure heading a relative clause without its relative word: an amount or a share, then a
    # speaker and a verb of saying whose clause has a gap ("… experts say it costs"); or a figure,
    # its noun and a subject with a determiner or a name
    "figure-head-relative": [
        ("Her war chest is far below the $8 million analysts say it takes to win the seat.",
         [(8_000_000, 8_000_000, "analysts")]),
        ("The mill would restore the 1,200 jobs the company says it cut in 2019.",
         [(1_200, 1_200, "company")]),
        ("Donors gave the $3 million Ms. Ortiz says she needs for the fall.",
         [(3_000_000, 3_000_000, "Ms. Ortiz")]),
        ("Rents rose faster than the 6 percent economists believe is sustainable.",
         [(6, 6, "economists")]),
        # trap: the figure counts the speakers themselves; no relative clause
        ("The 4,000 nurses say the wards are short of staff.", [(4_000, 4_000, U)]),
        # trap: no gap after the verb of saying; the noun after the amount is no speaker
        ("The $5 million grant says nothing about who pays.", [(5_000_000, 5_000_000, U)]),
    ],
    # a relative clause opened by "which", "what" or "whom", a subject after it and a word of
    # saying that may be a noun ("estimates", "reports"): a verb when a finite clause follows
    "relative-clause-speaker": [
        ("The bridge, which the state auditor estimates would cost $90 million, was shelved.",
         [(90_000_000, 90_000_000, "state auditor")]),
        ("The fund covered what the charity estimated was more than 6,000 families.",
         [(6_001, None, "charity")]),
        ("The levy, which the Tax Institute reports has raised $4 billion, expires in May.",
         [(4_000_000_000, 4_000_000_000, "Tax Institute")]),
        # trap: "reports" as a noun after "which the", no finite verb after it
        ("The bill, which the reports of May praised, cut 300 jobs.", [(300, 300, U)]),
    ],
    # a body named by a common noun after "the" owns its words and its outlook ("the campaign's
    # claim"), and a participle of proposing or estimating after a possessive sets the figure
    # after it ("the league's recommended 5 percent")
    "possessive-owner": [
        ("Few towns meet the league's recommended 5 percent reserve.", [(5, 5, "league")]),
        ("The board's projected $12 million surplus vanished.", [(12_000_000, 12_000_000, "board")]),
        ("It echoed the union's claim last spring that 900 workers were owed back pay.",
         [(900, 900, "union")]),
        ("The commission's outlook has debt topping $2 trillion by 2031.",
         [(2_000_000_000_000, 2_000_000_000_000, "commission")]),
        # trap: a person's noun is no body, and a participle after a possessive is no verb
        ("The driver's estimated speed was 80 miles an hour, and 2 people were hurt.",
         [(80, 80, U), (2, 2, U)]),
    ],
    # a word of saying after a possessive determiner is a premodifier, never a verb: no subject
    # runs through the possessive into the words before it
    "possessive-premodifier": [
        ("The company backed its proposed $10 billion merger.",
         [(10_000_000_000, 10_000_000_000, "company")]),
        ("The lawyers for the city filed their estimated 400 claims on time.", [(360, 440, U)]),
        # trap: "said" and "says" are verbs after a possessive that names its owner
        ("A spokesman for St. Agnes's said 3 people remained in hospital.", [(3, 3, "St. Agnes")]),
        ("Harlan's says 12 stores will close by June.", [(12, 12, "Harlan")]),
    ],
    # a preposition, an adverb or a modal opening the sentence before a capitalised word is no
    # subject of the clause holding a figure, nor a pronoun or an adverb its verb
    "no-clause-subject": [
        ("In North Dakota alone, 40,000 farms were sold.", [(40_000, 40_000, U)]),
        ("Earlier this year the county spent $6 million on roads.", [(6_000_000, 6_000_000, U)]),
        ("Perhaps this council will spend $2 million.", [(2_000_000, 2_000_000, U)]),
        # the general case stays: a named subject and its verb stand behind a figure of money
        ("Governor Ann Vale wants $400 million for schools.", [(400_000_000, 400_000_000, "Ann Vale")]),
        ("Some Democrats want $4 billion more.", [(4_000_000_000, 4_000_000_000, "Some Democrats")]),
    ],
    # a clause opened by a conjunction ("while", "but", "and", "whereas") has a subject of its
    # own: the named subject behind a figure is the one of the figure's clause
    "conjunct-clause-subject": [
        ("Reed picked three judges for the panel, while Vale picked five.",
         [(3, 3, "Reed"), (5, 5, "Vale")]),
        ("The union asked for $9 million, but the city paid $6 million.",
         [(9_000_000, 9_000_000, "union"), (6_000_000, 6_000_000, "city")]),
        ("Ortiz raised $2 million in March and Vale raised $3 million in April.",
         [(2_000_000, 2_000_000, "Ortiz"), (3_000_000, 3_000_000, "Vale")]),
        # trap: "such as" opens no clause; an example is no subject
        ("Groups such as Acme raised $4 million.", [(4_000_000, 4_000_000, U)]),
    ],
    # "As X said, …": the subordinator is no part of the speaker's name, before a quotation too
    "as-speaker": [
        ("As Ann Vale said, \u201cFares rise by about 10 percent a year.\u201d", [(9, 11, "Ann Vale")]),
        ("As the mayor noted, 40 homes burned.", [(40, 40, "mayor")]),
        ("Ann Vale said 3 bridges closed. As she noted, 40 homes burned.",
         [(3, 3, "Ann Vale"), (40, 40, "Ann Vale")]),
    ],
    # after a quotation, verbs of pressing a question or answering back say it too
    "quote-verbs": [
        ("\u201cWill you cut the 900 jobs?\u201d Reed pressed.", [(900, 900, "Reed")]),
        ("\u201cWe cut only 40 posts,\u201d Vale countered.", [(40, 40, "Vale")]),
        # trap: the same verb with no quotation is no cue
        ("Reed pressed 900 shirts for the campaign.", [(900, 900, "Reed")]),
    ],
    # a subject inside a quotation that opens within the sentence is the speaker's words, not a
    # source; a subject before the quotation stays the clause's
    "no-subject-in-quote": [
        ("Nobody spoke. As she put it, \u201cPrices rise by 10 percent a year.\u201d", [(10, 10, U)]),
        ("Ann Vale praised the plan as \u201ca way to save $40 million.\u201d",
         [(40_000_000, 40_000_000, "Ann Vale")]),
    ],
    # an apposition after a name may open on a place's or a body's name before a role and its
    # complement ("Ohio director for Reed"); the name before it speaks, and a figure after the
    # verb of saying opens what is said, never a speaker of an inverted verb
    "apposition-place-role": [
        ("Ann Vale, Ohio director for Reed, said 40 offices opened.", [(40, 40, "Ann Vale")]),
        ("Tom Reed, Harlan County chair of the party, said 300 people volunteered.",
         [(300, 300, "Tom Reed")]),
        # trap: a place in apposition, no role after it: no speaker named before the verb
        ("Ann Vale, Harlan County, said 40 offices opened.", [(40, 40, U)]),
    ],
    # a participle of saying shares the subject of the clause it hangs on, over the name's
    # apposition too ("Vale, head of X, tied …, saying …")
    "participle-after-apposition": [
        ("Ann Vale, president of the Harlan Institute, tied the scores to new rules, saying the law "
         "helped 400 schools.", [(400, 400, "Ann Vale")]),
        ("Tom Reed, chair of the county board, defended the budget, saying it saved $3 million.",
         [(3_000_000, 3_000_000, "Tom Reed")]),
    ],
    # plurals of nouns that the lexicon's verbs share ("rules", "lists", "ranks") are verbs only
    # before what they report
    "noun-like-plurals": [
        ("The court rules that 40 seats must be redrawn.", [(40, 40, "court")]),
        ("The registrar lists 31,200 voters in the valley.", [(31_200, 31_200, "registrar")]),
        # trap: the plural noun of a subject, before a preposition
        ("The new rules for the 5,000 members took effect.", [(5_000, 5_000, U)]),
    ],
    # a past verb with its object inside the words before a verb of saying makes them a clause:
    # its subject is the speaker ("the party mailed a letter to members saying …"); a participle
    # used as an adjective ("a retired judge") or a reduced relative stays in the name
    "clause-before-verb": [
        ("The party mailed a letter to members saying that 300 branches had closed.",
         [(300, 300, "party")]),
        ("Ann Vale combed through the ledgers and found that 40 firms paid no tax.",
         [(40, 40, "Ann Vale")]),
        ("The auditors combed through the ledgers and found that 40 firms paid no tax.",
         [(40, 40, "auditors")]),
        ("A retired judge said 12 cases were reopened.", [(12, 12, "retired judge")]),
        ("Aides who ran the count said 40 files were lost.", [(40, 40, "Aides who ran the count")]),
        ("Officials involved in the audit said 40 files were lost.",
         [(40, 40, "Officials involved in the audit")]),
    ],
    # a poll's small clause after a verb of showing ("shows Vale with 45 percent", "showed Reed
    # up 4 points"), an adverb between the evidence and its verb, and an adjective of time that
    # opens a sentence is no subject of its own
    "poll-small-clause": [
        ("Harlan Tracker, which averages the surveys, shows Vale with a 7-point lead.",
         [(7, 7, "Harlan Tracker")]),
        ("Recent polls generally showed Reed with a lead of 3 points.", [(3, 3, "Recent polls")]),
        ("The tracker showed Reed up 4 points.", [(4, 4, "tracker")]),
        # trap: "shows" as a noun of a fair, a name after it and no small clause
        ("Two shows Vale hosted drew 900 guests.", [(2, 2, U), (900, 900, U)]),
    ],
    # adverbs of frequency and manner between a speaker's name and the verb are no part of the name
    "adverb-before-verb": [
        ("Tom Reed continually brags about his 11 wins.", [(11, 11, "Tom Reed")]),
        ("Ann Vale falsely claimed that 40 homes burned.", [(40, 40, "Ann Vale")]),
        # the family's name stays whole
        ("The Vale family said 40 homes burned.", [(40, 40, "Vale family")]),
    ],
    # before a quotation: a verb with a subject before it and its object after it is no inverted
    # verb, the subject speaks; a phrase that opens on a gerund or closes on a relative pronoun
    # names no one after a quotation; a subordinator opens the clause the speaker stands in
    "quote-speaker-forms": [
        ("The Ledger reveals some telling numbers: \u201cOf its 5,000 members, 300 left.\u201d",
         [(5_000, 5_000, "Ledger"), (300, 300, "Ledger")]),
        # the inverted verb stays: a clause mark before it
        ("On Monday, said the minister: \u201cWe lost 40 planes.\u201d", [(40, 40, "minister")]),
        ("Reed quit a week before Ann Vale vowed to spend \u201ca million dollars\u201d on ads.",
         [(1_000_000, 1_000_000, "Ann Vale")]),
        # trap: the words after the quotation are a gerund's clause, no speaker (the clause's
        # subject before the quotation stands behind the amount)
        ("The firm paid \u201ca million dollars\u201d hunting critics who criticized it.",
         [(1_000_000, 1_000_000, "firm")]),
    ],
    # a clause closed by a colon right before a quotation: its named subject speaks the quotation
    # whatever its predicate ("later apologized:", "offered a warning about the levy:")
    "predicate-colon-quote": [
        ("Reed later apologized: \u201cI should have kept two phones.\u201d", [(2, 2, "Reed")]),
        ("The Harlan Institute sounded a warning about the levy: \u201cIt costs 24 percent more.\u201d",
         [(24, 24, "Harlan Institute")]),
        # trap: a clause with no named subject, a place and a mood
        ("In the capital, the mood darkened: \u201cWe lost 40 homes.\u201d", [(40, 40, U)]),
    ],
}

CASES = cases_of(RULES)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    return extract_all(CASES, tmp_path_factory.mktemp("political3"))


@pytest.mark.parametrize("cid, text, expected", [
    pytest.param(f"{g}-{n}", text, expected, id=f"{g}-{n}") for g, n, text, expected in CASES])
def test_rule(extracted, cid, text, expected):
    source_readings(extracted.get(cid, []), expected, text)
