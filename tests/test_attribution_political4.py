"""Who said it, round four (SPEC §5; issue #16): a speaker whose noun phrase holds a relative
clause, predicates and quotations that are no speaker, subjects shared by coordinated verbs,
in sentences written for this file.

As in ``test_attribution_political3.py``, every claim counts, metric ``other`` included. Each
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
    # a speaker phrase that ends in a relative clause opened by "where", "when" or "that" (one or
    # several in a row): the speaker is the noun phrase the clause hangs on, never the clause's own
    # subject; what the clause itself counts is the report's
    "relative-clause-in-speaker": [
        ("The owner of a tavern where two men were stabbed when an argument erupted says 40 guests were inside.",
         [(2, 2, U), (40, 40, "owner of a tavern")]),
        ("The manager of a store where three people were hurt says 12 workers were evacuated.",
         [(3, 3, U), (12, 12, "manager of a store")]),
        ("Nurses at the clinic that treated the wounded say 7 patients remain.",
         [(7, 7, "Nurses at the clinic")]),
        ("The principal of a school where a fire broke out said 300 pupils were sent home.",
         [(300, 300, "principal of a school")]),
        # a relative clause on the complement of the head, the phrase no name with it
        ("The coach of a team whose bus was hit says 6 players were treated.",
         [(6, 6, "coach of a team")]),
        # trap: a phrase that reads as a name keeps its own relative clause
        ("Clerks who ran the tally said 90 ballots were void.", [(90, 90, "Clerks who ran the tally")]),
        # trap: "that" after a verb of saying opens its content, no relative clause
        ("Officials said that the 3 men held were freed.", [(3, 3, "Officials")]),
        # trap: a clause word before a plain subject ("when police say"): the subject is theirs
        ("The rally ended when police said 8 people were held.", [(8, 8, "police")]),
    ],
    # a verb of saying right after an opening quotation mark begins the quoted words: it has no
    # speaker after it (only a closing mark or a comma comes before an inverted verb)
    "no-inversion-after-opening-quote": [
        ("It would risk \u201cadding another costly program to a budget of $170 billion.\u201d",
         [(170_000_000_000, 170_000_000_000, U)]),
        ("The memo warned of \u201cclaiming 40 seats the party cannot hold.\u201d",
         [(40, 40, "memo")]),
        # the general case still holds: an inverted verb after a closing mark
        ("\u201cWe counted 55 ballots,\u201d said the clerk.", [(55, 55, "clerk")]),
        ("\u201cWe need 12 more buses,\u201d added Mayor Lena Ortiz.", [(12, 12, "Lena Ortiz")]),
    ],
    # a verb of saying or finding coordinated with the predicate before it shares its subject,
    # over a relative clause between commas; the complement of an evidence noun never ends on the
    # conjunction that opens the second predicate
    "shared-subject-over-relative": [
        ("The authors of the study, which include two think tanks, combed through the records of 500 firms "
         "and found 73 percent kept offshore units.",
         [(2, 2, U), (500, 500, U), (73, 73, "authors of the study")]),
        ("The editors of the survey, who polled every county, weighed the replies and said 61 percent backed the levy.",
         [(61, 61, "editors of the survey")]),
        # trap: finding without evidence is no telling: the crew found bodies, no one said so
        ("Firefighters searched the house and found two bodies.", [(2, 2, U)]),
        # trap: a relative clause that holds a figure stays the report's
        ("The panel, which has 9 members, met on Friday and said 14 bills were passed.",
         [(9, 9, U), (14, 14, "panel")]),
    ],
    # a relative pronoun in lower case opening the words before a verb is the subject of a
    # clause, no speaker: "which include two think tanks" names no one
    "relative-pronoun-no-speaker": [
        ("The groups, which include two think tanks, filed the suit.", [(2, 2, U)]),
        ("The donors, who gave 4 million dollars, asked for nothing.", [(4_000_000, 4_000_000, U)]),
        # the acronym in capitals is a body, not the pronoun
        ("The WHO said 30 clinics had closed.", [(30, 30, "WHO")]),
    ],
    # a participle of saying before a quotation hangs on a clause: its speaker is the subject of
    # that clause, before its verb and object, never the verb phrase
    "participle-clause-speaker": [
        # a verb of saying before a quote whose object is a clause (a verb and its object): no speaker
        ("Ann Vale, who also leads the guild, said builders quietly built a cushion into their bids.\n\n"
         "\u201cHe cost people money, too\" Vale said after a rally. \"You would price his jobs 20 percent higher.\u201d",
         [(20, 20, U)]),
        ("The campaign sent out a note to donors saying: \u201cGive $10 tonight.\u201d", [(10, 10, "campaign")]),
        ("The council mailed a letter to tenants stating: \u201cRents rise by 4 percent.\u201d",
         [(4, 4, "council")]),
        # trap: a subject with a verb of saying of its own keeps it
        ("The mayor posted a note to residents saying: \u201cWe need 40 more officers.\u201d",
         [(40, 40, "mayor")]),
    ],
    # a body's role or a short reference before asides ("The agency's spokesman, who would not
    # give his name, said"; "The ministry, in a statement, said") is the body named before, as it is
    # without the asides; with no body before it, the phrase is its own source
    "reference-before-asides": [
        ("The Marlow Police Department said three people were shot on Elm Street.\n\n"
         "The department's spokesman, who would not give his name, said two of them were in stable condition.",
         [(3, 3, "Marlow Police Department"), (2, 2, "Marlow Police Department")]),
        ("The Health Ministry said 4 clinics closed. The ministry, in a statement on Monday, said 9 more would shut.",
         [(4, 4, "Health Ministry"), (9, 9, "Health Ministry")]),
        ("The Health Ministry said 4 clinics closed. Its spokesman, speaking on radio, said 9 more would shut.",
         [(4, 4, "Health Ministry"), (9, 9, "Health Ministry")]),
        # no body named before: the reference itself
        ("The ministry, in a statement on Monday, said 9 clinics would shut.", [(9, 9, "ministry")]),
        # trap: a word that refers to no body (not in the lexicon's coreference nouns) names no one
        ("The day, in a sense, said 9 things.", [(9, 9, U)]),
    ],
    # a role noun with the person it serves after "for" or "to" ("a lawyer for X", "an aide to X"):
    # the role is a person of its own, the source the whole phrase, never the person served; a
    # spokesman's words stay those of whom he speaks for, and a body served is the source
    "role-serving-person": [
        ("A lawyer for Dana Whitfield said 12 witnesses would testify.",
         [(12, 12, "lawyer for Dana Whitfield")]),
        ("A former adviser to Dana Whitfield told reporters 3 donors had quit.",
         [(3, 3, "adviser to Dana Whitfield")]),
        ("The former prosecutor for Hal Brennan said 9 counts were dropped.",
         [(9, 9, "prosecutor for Hal Brennan")]),
        # trap: a spokeswoman speaks for the person she serves
        ("A spokeswoman for Dana Whitfield said 12 witnesses would testify.", [(12, 12, "Dana Whitfield")]),
        # trap: a body served is the source
        ("A lawyer for the Harlan County Sheriff's Office said 5 deputies were suspended.",
         [(5, 5, "Harlan County Sheriff's Office")]),
    ],
    # a party tag in brackets after a name before a quotation ("Rep. X (D-Md.), chair of …, said
    # that it was “…”") is no clause mark: the name speaks, not the speaker of a quote before it
    "party-tag-before-quote": [
        ("\u201cWait for the count,\u201d she said to the crowd.\n"
         "Rep. Ben Lott (D-Md.), chair of the rules panel, said that the caucus stood \u201c100 percent behind the plan.\u201d",
         [(100, 100, "Ben Lott")]),
        ("Sen. Mara Quill (R-Ky.) said the bill was \u201ca $40 billion mistake.\u201d",
         [(40_000_000_000, 40_000_000_000, "Mara Quill")]),
        # trap: a bracket that holds no tag, the name before it still the speaker
        ("Dr. Omar Haddad (the clinic's head) said that it was \u201c30 beds short.\u201d",
         [(30, 30, "Omar Haddad")]),
    ],
    # "he"/"she" after a quotation whose sentence opens on a named person before the quote: that
    # person, not the one named in an earlier sentence
    "pronoun-after-quote-sentence-subject": [
        ("Sen. Ann Vale (D-Mo.) scolded him: \u201cThe panel is united against the three products you sold,\u201d she said.",
         [(3, 3, "Ann Vale")]),
        ("Tom Reed spoke first. Mayor Lena Ortiz turned to the board: \u201cWe are 12 officers short,\u201d she said.",
         [(12, 12, "Lena Ortiz")]),
        # trap: the sentence opens on the quote: the speaker named before speaks
        ("Mayor Lena Ortiz said the city is ready. Tom Reed nodded. \u201cWe are 12 officers short,\u201d she said.",
         [(12, 12, "Lena Ortiz")]),
    ],
    # a name alone before a comma and a participle of saying, the participle's clause an aside
    # before the main verb: the name is its subject ("Vale, later claiming that …, said …")
    "name-before-participle-aside": [
        ("Vale, later claiming that the city hired 400 guards, said he would resign.", [(400, 400, "Vale")]),
        ("Police, also saying 3 people were hurt, closed the road.", [(3, 3, "Police")]),
        # trap: a time before the participle names no one
        ("Yesterday, reporting 40 cases, the clinic closed.", [(40, 40, U)]),
    ],
    # a poll, a study or figures named anywhere (after a preposition too) and a participle of
    # showing: the evidence gives what the participle's clause holds
    "evidence-participle": [
        ("Reed, days after a fresh poll showing his support down to 14 percent, told reporters he would stay.",
         [(14, 14, "fresh poll")]),
        ("Ortiz leads the race, with a Harlan poll giving her a 30-point lead.", [(30, 30, "Harlan poll")]),
        ("The report showing 12 deaths at the plant was released.", [(12, 12, "report")]),
        # trap: a person showing something is no evidence
        ("The man was showing 3 friends the house.", [(3, 3, U)]),
    ],
    # a poll named by a compound modifier with its hyphen after "in" ("in the 50-state poll") is
    # the source of the clause, as one named by "new" or "national" is
    "hyphenated-poll": [
        ("Vale is ahead 52 percent to 38 percent in the 12-state poll.", [(52, 52, "12-state poll"), (38, 38, "12-state poll")]),
        ("Reed had 41 percent in a two-day survey.", [(41, 41, "two-day survey")]),
        # trap: workers at the polls are no poll
        ("The 300 poll workers in the 12-county area were paid late.", [(300, 300, U)]),
    ],
    # "pointed to" a figure cites evidence for it (a cue of the lexicon), and its participle after
    # a comma shares the clause's subject, never reads as an inverted verb
    "pointing-to": [
        ("Vale hopes the plan will help, pointing to a $1.7 million land sale.",
         [(1_700_000, 1_700_000, "Vale")]),
        ("The mayor pointed to a 12 percent drop in burglaries.", [(12, 12, "mayor")]),
        # trap: what is said after the participle is content, not its speaker
        ("Reed backed the bill, pointing to 40 new jobs in the county.", [(40, 40, "Reed")]),
    ],
    # a report, a study or figures "released", "published" (or nothing) at a time, then "by X": X
    # is the source, whatever the time between ("in September", "last year", "Tuesday")
    "report-by-after-time": [
        ("A report issued in March by the Harlan Institute noted that 40 percent of loans failed.",
         [(40, 40, "Harlan Institute")]),
        ("Figures released Friday by the county Board of Canvassers show 12,000 ballots were rejected.",
         [(12_000, 12_000, "Board of Canvassers")]),
        ("According to a survey last year by analysts at Carver University, 30 percent of jobs moved.",
         [(30, 30, "analysts at Carver University")]),
        # trap: no time and no maker: the study itself
        ("A study released on Monday found 14 percent of bridges unsafe.", [(14, 14, "study")]),
    ],
    # an aside between a name and its verb that ends on a town and its state ("in Dayton, Ohio,"):
    # the state goes with its town, the name before the aside still speaks
    "aside-ending-on-town-and-state": [
        ("Vale, at a forum in Dayton, Ohio, said she would spend $30 billion on roads.",
         [(30_000_000_000, 30_000_000_000, "Vale")]),
        ("Vale, in Paris, France, said 40 schools closed.", [(40, 40, "Vale")]),
        # trap: a list of names is no aside
        ("Reed, Vale, Ortiz, said 40 schools closed.", [(40, 40, U)]),
    ],
}

CASES = cases_of(RULES)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    return extract_all(CASES, tmp_path_factory.mktemp("political4"))


@pytest.mark.parametrize("cid, text, expected", [
    pytest.param(f"{g}-{n}", text, expected, id=f"{g}-{n}") for g, n, text, expected in CASES])
def test_rule(extracted, cid, text, expected):
    source_readings(extracted.get(cid, []), expected, text)
