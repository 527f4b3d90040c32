"""Attribution on political news (SPEC §5, issue #16): speakers who share a subject with the
predicate before them, names in apposition to a role, and participles of saying. Table tests
in sentences written for them, traps included, and one run of the real CLI."""
from __future__ import annotations

import json

import pytest

from claimtrack.extract import extract_claims


def sources(text: str) -> list[tuple[str, str | None]]:
    return [(c.figure.surface, c.attribution.chain[0].source.name if c.attribution.chain else None)
            for c in extract_claims(text)]


@pytest.mark.parametrize("text, expected", [
    # a speech verb coordinated with the predicate before it speaks for that predicate's subject
    ("The Orvale Power Company runs two dams on the river and says it has hired 300 engineers.",
     [("two", "Orvale Power Company"), ("300", "Orvale Power Company")]),
    ("There, the county party chair Dana Pike declined to comment on the rally but said 40 donors had left.",
     [("40", "Dana Pike")]),
    ("Mayor Ines Vidal visited the flooded streets and also said 60 homes were lost.",
     [("60", "Ines Vidal")]),
    # a participle after a comma hangs on the clause's subject, never on what follows it
    ("Senator Lia Brandt defended the budget, saying 45 schools would close without it.",
     [("45", "Lia Brandt")]),
    ("The Harbor Authority closed the pier, arguing that 12 pilings had rotted.",
     [("12", "Harbor Authority")]),
    # traps: a plural noun in a coordination is no verb; a clause that opens on a subordinator
    # or on a figure names no speaker
    ("Engineers and inspectors from the state visited the site and said 3 cranes were unsafe.",
     [("3", None)]),
    ("When the storm passed and said nothing, 14 boats were missing.", [("14", None)]),
    ("Five buses arrived and said nothing of the 30 riders.", [("Five", None), ("30", None)]),
])
def test_a_speech_verb_shares_the_subject_of_the_predicate_before_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the role, Name, said": the name apposed to its role speaks
    ("The Delta Water Board's chief engineer, Rui Costa, said 12 wells were dry.", [("12", "Rui Costa")]),
    ("Later, the governor's press secretary, Mia Holt, said the two agencies had merged.",
     [("two", "Mia Holt")]),
    ("In a statement, the union's CEO, Omar Haddad, said 800 members had voted.", [("800", "Omar Haddad")]),
    # the role is kept apart from the name
])
def test_a_name_apposed_to_its_role_is_the_speaker(text, expected):
    assert sources(text) == expected


def test_the_role_before_an_apposed_name_is_its_role():
    claim, = extract_claims("The Delta Water Board's chief engineer, Rui Costa, said 12 wells were dry.")
    src = claim.attribution.chain[0].source
    assert (src.name, src.kind, src.role) == ("Rui Costa", "person", "The Delta Water Board's chief engineer")


@pytest.mark.parametrize("text, expected", [
    # traps: places and times between commas are no role and no name
    ("In Lyon, France, officials said 3 people died.", [("3", "officials")]),
    ("On Monday, June, the mayor said 9 roads were shut.", [("9", "mayor")]),
])
def test_places_and_times_between_commas_are_no_apposed_speaker(text, expected):
    assert sources(text) == expected


def test_the_cli_prints_the_shared_subject_as_the_source(invoke, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("The Orvale Water Board runs two dams on the river and says it has hired 300 engineers.\n",
                    encoding="utf-8")
    result = invoke("extract", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [(r["figure"], r["metric"], r["source"], r["source_kind"]) for r in rows] == [
        ("two", "other", "Orvale Water Board", "government"),
        ("300", "other", "Orvale Water Board", "government")]


@pytest.mark.parametrize("text, expected", [
    # verbs of denouncing, insisting, suggesting, mentioning (lexicon data) attribute to their subject
    ("The governor has denounced a plan that would close 14 clinics.", [("14", "governor")]),
    ("Early returns from the county suggesting that 40 percent of voters stayed home worried the party.",
     [("40", "Early returns from the county")]),
    ("The coach defended the trade, insisting that 3 players had asked to leave.", [("3", "coach")]),
    ("Three tenant groups have accused the landlord of keeping $9 million in deposits.",
     [("Three", "Three tenant groups"), ("$9 million", "Three tenant groups")]),
    # traps: "accused" as an adjective, "identified" and "warning" as nouns name no speaker
    ("A man accused of fraud took $2 million from 40 clients, the prosecutor said.",
     [("$2 million", "prosecutor"), ("40", "prosecutor")]),
    ("The flood warning reached 900 homes.", [("900", None)]),
])
def test_more_verbs_of_saying_as_lexicon_data(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a margin in points is a figure (metric other), attributed like any other
    ("The challenger now has a 9-point edge, a Daily Tribune poll shows.", [("9", "Daily Tribune poll")]),
    ("The senator holds a 6.5-point edge, according to the Ledger poll.", [("6.5", "Ledger poll")]),
    # traps: other hyphenated measures stay no figure (a duration, an age)
    ("The 30-minute speech of the 45-year-old mayor drew 200 people, police said.", [("200", "police")]),
])
def test_a_margin_in_points_is_a_figure(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a poll named by its maker, with a kind word before "poll", after "in"
    ("The incumbent's margin was 11 points in a Ledger statewide poll.", [("11", "Ledger statewide poll")]),
    # a poll and when it came out, before its verb of showing
    ("A University of Lagos survey out on Monday shows the mayor with 48 percent.",
     [("48", "University of Lagos survey")]),
    ("A Harbor Institute survey released on Friday found 61 percent of renters behind on rent.",
     [("61", "Harbor Institute survey")]),
    # a subordinator opening the clause is no part of the evidence that speaks
    ("Sales fell, though three new surveys show 40 percent of shoppers stayed home.",
     [("three", "three new surveys"), ("40", "three new surveys")]),
    # trap: polling at large is no source
    ("The mayor had 48 percent in the polls.", [("48", "mayor")]),
])
def test_polls_named_by_their_makers(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # people and bodies suggesting a figure are its source, as evidence suggesting one is
    ("Union stewards suggested the plant would shed 9 shifts.", [("9", "Union stewards")]),
    # results, an outcome, returns show a figure as a poll does
    ("The results showed turnout of 38 percent in the north.", [("38", "results")]),
    ("The final returns show the levy passing with 61 percent.", [("61", "final returns")]),
    # tallies closing the sentence, with who kept them after "by"
    ("Most of the 80 complaints came from renters, tallies by the Orvale Housing Desk and three other monitors show.",
     [("80", "tallies by the Orvale Housing Desk and three other monitors"),
      ("three", "tallies by the Orvale Housing Desk and three other monitors")]),
    # trap: firefighters finding bodies is no report of a finding
    ("Firefighters found 2 bodies in the house.", [("2", None)]),
])
def test_suggesting_results_and_tallies(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a figure stated under a document's terms: the document, or the author a possessive names
    ("Under the new rule, landlords must refund $400 to each tenant.", [("$400", "new rule")]),
    ("Under Mayor Vidal's plan, each school gets 2 more nurses.", [("2", "Vidal")]),
    # weaker than a verb of saying, and no cover for what comes before it
    ("Under the law, 3 people were arrested, police said.", [("3", "police")]),
    ("The city will spend 40 million dollars under the plan.", [("40 million", "city")]),
    # traps: a place under something is no document
    ("Under the bridge, 4 people were found.", [("4", None)]),
    # a title in quotation marks after "according to"
    ('The museum lost 300 paintings in the fire, according to "Ashes and Oils," a memoir by its curator.',
     [("300", "Ashes and Oils")]),
])
def test_documents_and_titles_as_sources(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a progressive form of a verb of saying or promising reads its subject over the auxiliary
    ("Under the accord, the province also is pledging 40 new clinics.", [("40", "province")]),
    ("The governor is telling voters that 300 jobs will come.", [("300", "governor")]),
    ("The Orvale Water Board has been insisting that 12 wells are dry.", [("12", "Orvale Water Board")]),
])
def test_progressive_verbs_of_saying(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "in X's view" attributes the sentence to X
    ("It was a failure of two or three agencies, in Moss's view.", [("two or three", "Moss")]),
    ("In the mayor's judgment, 40 roads need repair.", [("40", "mayor")]),
    # a named owner's remark or plan holds or introduces its figure
    ('Ada Moss\'s "40 percent" remark haunted her.', [("40", "Ada Moss")]),
    ("Governor Ada Moss's plan to hire 400 teachers drew praise.", [("400", "Ada Moss")]),
    # weaker than a verb of saying
    ("Police said Ada Moss's plan would cost $4 million.", [("$4 million", "Police")]),
    # traps: a day's plan and a lone surname's plan name no one
    ("Friday's plan added 3 buses, the report shows.", [("3", "report")]),
])
def test_views_and_remarks_of_named_owners(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb of estimating before a named subject and its verb is a verb, not a noun
    ("If the mayor wins, analysts estimate Ortiz needs 12 more seats.", [("12", "analysts")]),
    # believing hangs on the clause's subject
    ("The coach kept the team indoors, believing that 4 players were sick.", [("4", "coach")]),
    # traps: the noun reading stays a noun; "charged" is no verb of saying
    ("Their estimates of 40 deaths were low.", [("40", None)]),
    ("Prosecutors charged two men with fraud.", [("two", None)]),
])
def test_estimates_and_beliefs(text, expected):
    assert sources(text) == expected


def chain(text: str) -> list[list[str]]:
    return [[link.source.name for link in c.attribution.chain] for c in extract_claims(text)]


@pytest.mark.parametrize("text, expected", [
    # a cue closing the sentence reports the speakers named within it: a chain, outward
    ("Officials said 40 homes burned overnight, the agency reported.", [["agency", "Officials"]]),
    ('The mayor said 40 homes burned, "and more will," the Ledger reported.', [["Ledger", "mayor"]]),
    ("Officials said 40 homes burned overnight, said the agency.", [["agency", "Officials"]]),
    # no chain without a closing cue, nor one of a speaker with itself
    ("Officials said 40 homes burned overnight.", [["Officials"]]),
    ("The agency said 40 homes burned overnight, the agency reported.", [["agency"]]),
])
def test_a_closing_cue_reports_the_speakers_within_its_sentence(text, expected):
    assert chain(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence that opens on a list of subjects: the whole list speaks
    ("Teachers, parents and local pastors say 300 people came.",
     [("300", "Teachers, parents and local pastors")]),
    ("Doctors, nurses and paramedics said 40 patients were treated.",
     [("40", "Doctors, nurses and paramedics")]),
    # traps: a time, places, clauses and counted things before the subject are no list of speakers
    ("Yesterday, police and firefighters said 3 died.", [("3", "firefighters")]),
    ("In Lyon, Nice and Metz, officials said 3 died.", [("3", "officials")]),
    ("The storm hit, roads flooded and police said 3 died.", [("3", "police")]),
    ("Prices rose, wages fell and unions say 300 jobs went.", [("300", "unions")]),
])
def test_a_list_of_subjects_speaks_together(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    # traps for the shared subject: a relative clause in it, a capitalised noun-like verb in a
    # name, and verbs of arguing, ordering and mentioning as crime news uses them
    ("The man who robbed the bank fled and wrote two letters.", [("two", None)]),
    ("Kentucky State Police is investigating a crash that left three people dead.", [("three", None)]),
    ("The two men were seen arguing before 3 shots rang out.", [("two", None), ("3", None)]),
    ("The courier who ordered 10 pizzas was robbed.", [("10", None)]),
    ("Ohio was one of the states mentioned by 40 donors.", [("one", None), ("40", None)]),
    # the subject's past tense in an irregular form ends it
    ("Deputies found casings from two rifles near the school, and say they took one pistol.",
     [("two", "Deputies"), ("one", "Deputies")]),
])
def test_traps_of_shared_subjects_and_crime_news(text, expected):
    assert sources(text) == expected
