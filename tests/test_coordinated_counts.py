"""Counts coordinated under one predicate, and other readings found on real multi-report
incidents where reports seemed to contradict each other but did not (SPEC §2 tallies, §6
"Parts and totals").

A coordination of counted noun phrases (``two women and a baby were killed``) counts one group
in parts: each member of the generic group is a ``part`` of it, and the report's tally sums the
members. Beside it: the noun of a wounding act under an adjective of death (``the fatal
shooting of one man``), the number of a file (``release 15-7A``), an age the persons of an aside
share (``both 23``), a span's end (``through the end of October``) and a month of an earlier
year (``in December of 2013``).

Every sentence here is written for this file.
"""
from __future__ import annotations

import json

import pytest

from claimtrack.extract import extract_claims

EVENT = "lark-lane-2024"


def stated(text: str, date: str | None = None) -> list[tuple]:
    """(figure, metric, group, part, individual) of each stated claim of a metric, in order."""
    return [(c.figure.surface, c.metric, c.subject_group, c.part, c.individual)
            for c in extract_claims(text, date=date) if not c.derived and c.metric != "other"]


def tallies(text: str) -> list[tuple]:
    """(metric, value, the figures it sums) of each tally."""
    claims = extract_claims(text)
    return [(c.metric, c.figure.value, [claims[i].figure.surface for i in c.parts])
            for c in claims if c.derived]


# -- a coordination of counts: its members are parts, its sum the tally ------------------------

@pytest.mark.parametrize("text, expected, tally", [
    # the general case: a count and a person named without a numeral, one predicate
    ("Two women and a baby were killed in the fire on Lark Lane.",
     [("Two", "killed", "people", True, False), ("a baby", "killed", "children", False, True)],
     [("killed", 3, ["Two", "a baby"])]),
    # the person first, an intransitive verb of dying
    ("A toddler and three adults died when the ferry capsized.",
     [("A toddler", "killed", "children", False, True), ("three", "killed", "people", True, False)],
     [("killed", 4, ["A toddler", "three"])]),
    # a list with commas and one closing "and"
    ("Two cooks, a waiter and a delivery driver were wounded in the attack.",
     [("Two", "injured", "people", True, False), ("a waiter", "injured", "civilians", False, True),
      ("a delivery driver", "injured", "civilians", False, True)],
     [("injured", 4, ["Two", "a waiter", "a delivery driver"])]),
    # two counts of one group: each a part, the tally their sum, not one of them
    ("Three men and two women were shot. One of the men later died.",
     [("Three", "casualties", "people", True, False), ("two", "casualties", "people", True, False),
      ("One", "killed", "people", False, False)],
     [("injured", 4, ["Three", "two", "One"])]),
    # an adverb between the auxiliary and "shot" still tells the people shot; the teenagers
    # are the whole of their own group, and the sum counts the driver too
    ("Four teenagers and a bus driver were also shot near the depot.",
     [("Four", "casualties", "children", False, False), ("a bus driver", "injured", "civilians", False, True)],
     [("injured", 5, ["Four", "a bus driver"])]),
    # a plural copula with a list of persons: "are dead" as "died"
    ("A mother and her son are dead after the blaze, firefighters said.",
     [("A mother", "killed", "people", False, True), ("her son", "killed", "people", False, True)],
     [("killed", 2, ["A mother", "her son"])]),
])
def test_a_coordination_counts_its_group_in_parts(text, expected, tally):
    assert stated(text) == expected
    assert tallies(text) == tally


@pytest.mark.parametrize("text, expected", [
    # members of two named groups are each the whole of their group: no part
    ("Nine rebels and two soldiers were killed in the clash.",
     [("Nine", "killed", "assailants", False, False), ("two", "killed", "security_forces", False, False)]),
    # an apposition breaks a counted group down: the total is no member of a coordination
    ("Six people, four men and two women, were hurt in the crash.",
     [("Six", "injured", "people", False, False), ("four", "injured", "people", True, False),
      ("two", "injured", "people", True, False)]),
    # numbers sharing one noun are a series, not groups of their own
    ("Medics said 2, 4 and 6 people were treated at three sites.",
     [("2", "hospitalized", "people", False, False), ("4", "hospitalized", "people", False, False),
      ("6", "hospitalized", "people", False, False)]),
    # two outcomes joined by "and" are two predicates' counts, not one group's members
    ("Police said 5 people were dead and 3 hurt.",
     [("5", "killed", "people", False, False), ("3", "injured", "people", False, False)]),
])
def test_what_is_no_coordination_of_one_group(text, expected):
    assert stated(text) == expected


def test_a_stated_total_stands_and_the_members_are_its_parts():
    text = "Five people were killed on Friday: a guard and four shoppers. Two men and a boy were hurt."
    assert tallies(text) == [("injured", 3, ["Two", "a boy"])]
    claims = [c for c in extract_claims(text) if not c.derived and c.metric == "killed"]
    assert [(c.figure.surface, c.part) for c in claims][0] == ("Five", False)


# -- the noun of a wounding act under an adjective of death ------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Detectives are investigating the fatal shooting of one man outside the bar.",
     [("one", "killed", "people", False, False)]),
    ("The fatal shootings of two cousins remain unsolved.", [("two", "killed", "people", False, False)]),
    ("The deadly stabbing of 3 men shocked the village.", [("3", "killed", "people", False, False)]),
    # without the adjective the act wounds
    ("The stabbing of 3 men shocked the village.", [("3", "injured", "people", False, False)]),
    ("The shootings of 4 people on Mill Road are under investigation.",
     [("4", "casualties", "people", False, False)]),
])
def test_a_fatal_act_noun_kills(text, expected):
    assert stated(text) == expected


# -- numbers that are no counts ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the number of a release, a case, a form
    ("NR 22-4B Man Arrested After Shooting On Pine Street", []),
    ("File 19-3-207: three men were arrested on Tuesday.", [("three", "arrested", "people", False, False)]),
    # a range and a compound stay what they were
    ("Between 12-18 people were hurt.", [("Between 12-18", "injured", "people", False, False)]),
    ("A 2,000-strong crowd marched; 10-12 were hurt.",
     [("2,000", "participants", "people", False, False), ("10-12", "injured", "people", False, False)]),
    # an age the persons of an aside share, closed by a comma or a dash
    ("The brothers, both 23, were each shot in the leg.", []),
    ("Ava and Noor Haddad, both 19 — one a nursing student — were hurt in the crash.", []),
    ("The two cousins, each 31, were arrested.", [("two", "arrested", "people", False, False)]),
])
def test_numbers_that_count_nobody(text, expected):
    assert stated(text) == expected


# -- periods: the end of a span ----------------------------------------------------------------

@pytest.mark.parametrize("text, period", [
    ("Through the end of October 212 people were murdered in the city.", "Through the end of October"),
    ("From January through March, 40 people were shot in the county.", "From January through March"),
    ("Through the end of 2019, 30 people were killed on the county's roads.", "Through the end of 2019"),
    # the end of a day, a window: no span a count is kept over
    ("Through the end of the day, police had arrested 12 people.", None),
    ("Three men were shot through the window.", None),
])
def test_the_end_of_a_span_makes_a_running_count(text, period):
    first = next(c for c in extract_claims(text) if not c.derived and c.metric != "other")
    assert first.period == period


# -- a month of an earlier year dates a figure -------------------------------------------------

@pytest.mark.parametrize("text, as_of", [
    ("Another shooting at the club wounded two in December of 2013.", "2013-12-01"),
    ("A fire there killed 3 in Aug. 2012.", "2012-08-01"),
    # the report's own month is no other date
    ("A shooting there wounded two in February 2015.", None),
    # months and years counted back from the report's day
    ("The same gunman killed 4 at a depot three years ago.", "2012-02-22"),
    ("Two months ago a fire there killed 2.", "2014-12-22"),
])
def test_a_month_of_an_earlier_year_dates_its_figure(text, as_of):
    first = next(c for c in extract_claims(text, date="2015-02-22") if c.metric != "other")
    assert first.as_of == as_of


# -- through the CLI: a coordination no longer contradicts the total of another report -------

REPORTS = [
    {"id": "gazette", "outlet": "Lark Gazette", "date": "2024-05-12", "title": "Three dead in Lark Lane shooting",
     "text": "Three people were killed in a shooting on Lark Lane late Saturday, police said."},
    {"id": "herald", "outlet": "Valley Herald", "date": "2024-05-12", "title": "Shooting on Lark Lane",
     "text": "Police said two women and a baby are dead after a shooting on Lark Lane on Saturday night."},
    {"id": "wire", "outlet": "Coast Wire", "date": "2024-05-12", "title": "Lark Lane shooting",
     "text": "Four people were killed in a shooting on Lark Lane, a hospital spokeswoman said."},
]


def test_conflicts_compare_a_coordination_by_its_sum(invoke, tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    db = str(tmp_path / "lark.db")
    result = invoke("ingest", str(path), "--db", db, "--event", EVENT)
    assert result.exit_code == 0, result.stderr
    result = invoke("conflicts", "--db", db, "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # the herald's two women are a part of its three dead (its tally, the police's latest
    # figure): only the hospital's four contradicts the police's three
    assert {r["verdict"] for r in rows} == {"contradiction"}
    assert sorted((r["report"], r["figure"], r["source"]) for r in rows) == [
        (2, "3", "Police"), (3, "Four", "hospital spokeswoman")]


# -- an incident at several sites, a group split over two clauses ------------------------------

def parts_of(text: str) -> list[tuple]:
    """(figure, metric, part) of each stated claim of a metric, in order."""
    return [(c.figure.surface, c.metric, c.part) for c in extract_claims(text)
            if not c.derived and c.metric != "other"]


@pytest.mark.parametrize("text, expected", [
    # the general case: each site's count beside the incident's total
    ("A gunman killed five people at two shops on Quay Road. He shot three customers dead at a bakery "
     "and then killed two more at Dunmore's Hardware.",
     [("five", "killed", False), ("three", "killed", True), ("two", "killed", True)]),
    # a site named by a determiner and a venue noun within a few words
    ("Six people were hurt in the two attacks. Four were hurt at the Riverside bowling center.",
     [("Six", "injured", False), ("Four", "injured", True)]),
    # one site, one count: the site's count is the total
    ("Two people were killed at a bar on Main Street.", [("Two", "killed", False)]),
    # "at" with no venue: no site ("at the scene", "at least")
    ("Five people were hurt. Two were treated at the scene.", [("Five", "injured", False),
                                                              ("Two", "injured", False)]),
])
def test_a_sites_count_is_a_part_of_the_incidents(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a group split over two clauses joined by "and": each clause's count a part of the total
    ("Seven climbers were hurt in the slide. Four injured climbers were flown to Alder Hospital and "
     "three others were brought to Alder Hospital in a van.",
     [("Seven", "injured", False), ("Four", "hospitalized", True), ("three", "hospitalized", True)]),
    ("Five people were shot at the fair. Three people who had been shot were taken by ambulance to the "
     "hospital and two people who had been shot went there by car.",
     [("Five", "casualties", False), ("Three", "hospitalized", True), ("two", "casualties", True)]),
    # two outcomes, one in each clause: no split of one group
    ("Two were killed and three were injured.", [("Two", "killed", False), ("three", "injured", False)]),
    # no larger count in the report: the clauses' counts are the report's own
    ("Three were taken by ambulance and two others went by car to the hospital.",
     [("Three", "hospitalized", False), ("two", "hospitalized", True)]),
])
def test_a_group_split_over_two_clauses(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a result after the object of a verb of wounding: a killing
    ("The gunman shot three men dead outside the depot.", [("three", "killed", False)]),
    ("A mob beat two guards to death.", [("two", "killed", False)]),
    ("He shot two people in the leg.", [("two", "casualties", False)]),
    # a broadcaster's name holds a channel's number
    ("KPLX 8 News Two brothers were shot inside a home on Sunday night.", [("Two", "casualties", False)]),
])
def test_more_readings_of_one_figure(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count of people the report has met, under a definite determiner: a part of its total
    ("Eight people were hit by the gunfire. The seven men shot are in stable condition.",
     [("Eight", "casualties", False), ("seven", "casualties", True)]),
    ("Nine guests were hurt. Those four with burns were flown to Lisle.",
     [("Nine", "injured", False), ("four", "injured", True)]),
    # the same count as the total: no part
    ("Two people were shot. The two victims were taken to hospital.",
     [("Two", "casualties", False), ("two", "hospitalized", False)]),
])
def test_a_definite_count_below_the_total_is_a_part(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a severity written in two words is a severity
    ("Six people were shot on Quay Road. One victim suffered non-life threatening wounds.",
     [("Six", "casualties", False), ("One", "injured", True)]),
    ("Six people were shot. Two have life threatening injuries.",
     [("Six", "casualties", False), ("Two", "injured", True)]),
])
def test_severity_in_two_words(text, expected):
    assert parts_of(text) == expected


def test_a_link_to_another_story_is_no_source():
    claims = [c for c in extract_claims("NEXT STORY: Two people were hurt in a crash on the ring road.")
              if c.metric != "other"]
    assert [(c.figure.surface, c.metric, c.attribution.source) for c in claims] == [("Two", "injured", None)]


@pytest.mark.parametrize("text, expected", [
    # an article before a number word: a mistyped ordinal, no count
    ("An eight victim was taken to hospital before police arrived.", []),
    ("A hundred people were hurt.", [("A hundred", "injured", False)]),
    ("A dozen people were hurt.", [("A dozen", "injured", False)]),
    # "the one who": a pronoun, even after an opening quotation mark
    ("The girl picked him out as “the one who fired at us from the porch.”", []),
    # a house number before a direction and a numbered street
    ("Deputies said all five guests had been shot outside a house at 700 SW 3rd Avenue.",
     [("five", "casualties", False)]),
    ("Two were shot at 1200 W. Main Street.", [("Two", "casualties", False)]),
])
def test_numbers_that_are_no_figure_of_the_incident(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a severity after an aside on the counted noun still narrows the group
    ("A fire injured three pupils. Staff said two pupils, 9 and 12 years old, are in critical condition.",
     [("three", "injured", False), ("two", "injured", True)]),
    # "among" before a count: the count is the group that holds someone, never a part
    ("A man who was among six people shot at the fair is in critical condition. Four of the victims "
     "were taken to hospital by ambulance and two others were brought to Lisle Hospital by car.",
     [("six", "casualties", False), ("Four", "hospitalized", True), ("two", "hospitalized", True)]),
    # "one … and a second …": the first member of an enumeration
    ("Three people died in the crash. One driver was dead at the scene and a second driver, a cyclist "
     "and a child were flown to Lisle, where two of them died.",
     [("Three", "killed", False), ("One", "killed", True), ("two", "killed", True)]),
])
def test_parts_past_asides_groups_and_enumerations(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gallery's counter of its pictures, before a caption or at a line's end
    ("The Courier/Ann Lee 4 of 12 CLOSE Skip in Skip x Share Deputies report the arrests of three men.",
     [("three", "arrested", False)]),
    ("Photo 2 of 9\nTwo men were arrested.", [("Two", "arrested", False)]),
    # the base of a rate
    ("The county's rate is 8.2 deaths per 100,000 residents.", []),
    # a coordination under a definite determiner, inside a partitive
    ("Police said one of the three men and two women found shot in the flat was a guard.",
     [("one", "casualties", True), ("three", "casualties", True), ("two", "casualties", True)]),
    # a number that a word before it makes a name of
    ("Four guests were shot at a sweet 16 party on Friday.", [("Four", "casualties", False)]),
    # a partitive of a counted whole stays one, in capitals too
    ("SOLDIERS SAID 3 OF 12 HOSTAGES DIED.", [("3", "killed", False), ("12", "kidnapped", False)]),
    # a partitive whose whole is a bare count: the verb after the whole is the part's
    ("Rescuers said three of the 12 were hurt.", [("three", "injured", False)]),
])
def test_counters_and_partitives(text, expected):
    assert parts_of(text) == expected


def test_tables_mark_a_part_and_a_running_count(invoke, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Through the end of May 84 people were killed in the county. Six people were shot on "
                    "Friday. The five men shot are in stable condition.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(path), "--db", db, "--event", "rowan-street").exit_code == 0
    table = invoke("claims", "--all", "--db", db, "-f", "table")
    assert table.exit_code == 0, table.stderr
    assert "84 (running)" in table.stdout and "five (part)" in table.stdout
    assert "Six (" not in table.stdout
    rows = [json.loads(line) for line in invoke("claims", "--all", "--db", db).stdout.splitlines()]
    assert [(r["figure"], r["part"], r["period"]) for r in rows if not r["derived"]] == [
        ("84", False, "Through the end of May"), ("Six", False, None), ("five", True, None)]


@pytest.mark.parametrize("text, source", [
    # a participle of saying after a statement or a release names its maker, not the subject of
    # a clause before it
    ("After local stations began reporting on the crash, the county sheriff's office issued a statement "
     "stating that 12 people were killed.", "county sheriff's office"),
    ("Police released a video confirming 3 officers were hurt.", "Police"),
    ("The council put out a notice announcing 40 families were moved to the school gym.", "council"),
])
def test_participles_of_saying_after_a_statement(text, source):
    first = next(c for c in extract_claims(text) if c.metric != "other")
    assert first.attribution.source.name == source
