"""Parts and periods (claimtrack.extract.parts): a figure that counts a subset of a group its
report counts is flagged ``part``; a running count over a span of time carries its ``period``.
Nothing is dropped: the claim stays, flagged."""
from __future__ import annotations

import pytest

from claimtrack.extract import extract_claims
from claimtrack.models import claim_to_dict


def flags(text: str) -> list[tuple[str, str, bool, str | None]]:
    """(figure, metric, part, period) of each stated claim of a metric, in order."""
    return [(c.figure.surface, c.metric, c.part, c.period) for c in extract_claims(text)
            if not c.derived and c.metric != "other"]


# -- parts: a restrictive severity or condition narrowing a group the report counts ----------

@pytest.mark.parametrize("text, expected", [
    # the general case: a count of the badly hurt after a count of the hurt
    ("Six hikers were injured by the rockfall. Two were in critical condition.",
     [("Six", "injured", False, None), ("Two", "injured", True, None)]),
    # a source gives the subset of a group the report counts as shot
    ("Four men were shot outside the bakery on Dover Road. Officers said two had serious injuries.",
     [("Four", "casualties", False, None), ("two", "injured", True, None)]),
    # an adverb of severity in the same sentence, after the whole
    ("Seven guests were wounded at the wedding, three of them gravely.",
     [("Seven", "injured", False, None), ("three", "injured", True, None)]),
    # a prepositional "with …" of severity on the noun
    ("Nine workers were hurt in the blast. Three workers with life-threatening burns were flown out.",
     [("Nine", "injured", False, None), ("Three", "injured", True, None)]),
    # any adjective before "condition"
    ("Five cyclists were injured when the van swerved. Two injured riders are in fair condition.",
     [("Five", "injured", False, None), ("Two", "injured", True, None)]),
])
def test_a_severity_narrows_a_counted_group(text, expected):
    assert flags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a plain total is no part, severe or not: nothing else counts the group
    ("Two people were killed in the crash.", [("Two", "killed", False, None)]),
    ("Three passengers were seriously injured when the tram derailed.",
     [("Three", "injured", False, None)]),
    # the severity describes the whole group ("all", the same number): no subset
    ("Four climbers were hurt on the ridge. All four were in stable condition.",
     [("Four", "injured", False, None), ("four", "injured", False, None)]),
    ("Three pupils were injured in the fire and were all in stable condition.",
     [("Three", "injured", False, None)]),
    # a severity in the clause of another figure is not this one's
    ("Two miners were killed and a third was seriously injured.",
     [("Two", "killed", False, None)]),
])
def test_a_total_is_no_part(text, expected):
    assert flags(text) == expected


# -- parts: others beside a counted group ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # others beside a group of the same outcome, or of one that holds theirs
    ("Five people were shot at the rink. The other three victims were treated and released.",
     [("Five", "casualties", False, None), ("three", "injured", True, None)]),
    ("One guard was wounded in the arm, and three others were hurt by glass.",
     [("One", "injured", False, None), ("three", "injured", True, None)]),
])
def test_others_beside_a_counted_group_are_a_part(text, expected):
    assert flags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # beside a group of another outcome, the others are every one of their own outcome
    ("A courier was shot dead on Quay Street. Three others were hurt.",
     [("A courier", "killed", False, None), ("Three", "injured", False, None)]),
    ("Two guards were killed at the depot and four others were wounded.",
     [("Two", "killed", False, None), ("four", "injured", False, None)]),
])
def test_others_beside_another_outcome_are_its_whole(text, expected):
    assert flags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # nobody is counted before them: "others" speaks of people the report never counted
    ("Two others were killed.", [("Two", "killed", False, None)]),
    ("Two other drivers were hurt on the bypass.", [("Two", "injured", False, None)]),
])
def test_others_with_nobody_counted_before_are_no_part(text, expected):
    assert flags(text) == expected


# -- parts: partitives, "among them", "including" ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Eleven fans were injured in the crush, two of them critically.",
     [("Eleven", "injured", False, None), ("two", "injured", True, None)]),
    ("Eight sailors were hurt. Three of the sailors were airlifted to a clinic with severe burns.",
     [("Eight", "injured", False, None), ("Three", "hospitalized", True, None)]),
    ("Ten villagers were wounded, among them 4 women.",
     [("Ten", "injured", False, None), ("4", "injured", True, None)]),
    ("Twelve protesters were injured. Five women were among them.",
     [("Twelve", "injured", False, None), ("Five", "injured", True, None)]),
])
def test_a_partitive_of_a_counted_whole_is_a_part(text, expected):
    assert flags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the dead among people shot are the report's count of the dead, not a part of it
    ("Seven men were shot at the garage, one of whom died.",
     [("Seven", "casualties", False, None), ("one", "killed", False, None)]),
])
def test_a_partitive_of_another_metric_is_that_metrics_total(text, expected):
    assert flags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of another subject group is a part by its group (SPEC §6 Scope): not flagged
    ("Thirty people died in the floods, including six children.",
     [("Thirty", "killed", False, None), ("six", "killed", False, None)]),
    # the severity of an aside's own noun phrase is not the figure's
    ("Dozens of residents were hurt as well, some of them badly.",
     [("Dozens", "injured", False, None)]),
])
def test_no_part_where_the_group_or_the_phrase_is_another(text, expected):
    assert flags(text) == expected


# -- periods: running counts over a span ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("About 40 people have been shot in the district since March.",
     [("About 40", "casualties", False, "since March")]),
    ("Since the start of the year, 18 people have been killed in the town.",
     [("18", "killed", False, "Since the start of the year")]),
    ("So far this year, 27 people have been killed in the county.",
     [("27", "killed", False, "So far this year")]),
    ("At least 60 people have been arrested in the province this year.",
     [("At least 60", "arrested", False, "this year")]),
    ("Nine people were killed on the highway in the past four months.",
     [("Nine", "killed", False, "in the past four months")]),
    # a span opening the clause holds for every figure of it
    ("Since January, 35 people have been shot in the ward and 9 killed.",
     [("35", "casualties", False, "Since January"), ("9", "killed", False, "Since January")]),
])
def test_a_running_count_carries_its_period(text, expected):
    assert flags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "since" as a reason takes no time word
    ("Since police said two were killed, the mayor has spoken twice.",
     [("two", "killed", False, None)]),
    # a date of the incident, not a span
    ("Two men were shot earlier this year outside the arena.",
     [("Two", "casualties", False, None)]),
    # a state that lasts since a moment: how long, not how many over a span
    ("A crew of five missing since April was found alive.",
     [("five", "missing", False, None)]),
    # the span of an aside on the noun, not of the figure's own verb
    ("The 14 prisoners, most of them held since the revolt, were released on Monday.",
     [("14", "released", False, None)]),
])
def test_no_period_where_the_figure_counts_the_incident(text, expected):
    assert flags(text) == expected


def test_parts_and_periods_are_flagged_never_dropped():
    text = ("Five people were shot on Linden Avenue. Two were in critical condition. "
            "Nearly 70 people have been shot in the city since May.")
    plain = [c.figure.surface for c in extract_claims(text) if not c.derived]
    assert plain == ["Five", "Two", "Nearly 70"]
    rows = [claim_to_dict(c) for c in extract_claims(text) if not c.derived]
    assert [(r["part"], r["period"]) for r in rows] == [(False, None), (True, None), (False, "since May")]


def test_a_running_count_adds_nothing_to_the_tallies():
    # the people shot since May are no part of the incident's injured
    text = "Two women were shot on Birch Lane. Nearly 70 people have been shot in the city since May."
    tallies = [(c.metric, c.figure.value) for c in extract_claims(text) if c.derived]
    assert tallies == [("injured", 2)]
