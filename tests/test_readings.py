"""Metric readings over the grammar layer (claimtrack/extract/predicates.py): states after a
verb of stating, neutral measure nouns, comparison figures, participles of what a group does,
the predicate over the head noun, partitive pronouns, admission to hospital, charges.

Each rule: its general case, variants, and traps that must yield nothing (metric "other").
Every sentence here is written for these tests.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.extract import extract_claims


def metrics_of(text: str) -> list[tuple[str, int, str]]:
    """(figure as written, value, metric) of every claim of ``text`` with a numeral."""
    return [(c.figure.surface, c.figure.value, c.metric) for c in extract_claims(text) if not c.individual
            and not getattr(c, "derived", None)]


def metric_of(text: str, marker: str) -> str:
    hits = [m for s, _, m in metrics_of(text) if marker in s]
    assert len(hits) == 1, f"want one claim with {marker!r}, got {metrics_of(text)}"
    return hits[0]


def ids(table: list) -> list[str]:
    return [f"{row[0][:40]}|{row[1]}" for row in table]


# 1. a verb of stating completed by a state ("as" optional) gives the state's metric
STATES = [
    ("Eleven fishermen were listed as missing after the squall.", "Eleven", "missing"),
    ("Four porters were reported as dead by the guides.", "Four", "killed"),
    ("Two of the riders were listed as injured.", "Two", "injured"),
    ("Nine sailors were officially declared missing on Sunday.", "Nine", "missing"),
    ("30 pupils are now listed as wounded.", "30", "injured"),
    ("Three of the divers were listed as critical.", "Three", "injured"),
    ("Two guards were listed in serious condition.", "Two", "injured"),
    # traps: the same verbs with no state, or a state of no metric
    ("Twelve candidates were listed as independents.", "Twelve", "other"),
    ("Six firms were listed on the exchange.", "Six", "other"),
]

# 2. a neutral measure noun set to a value counts what the figure before it counts; a metric
# measure noun also takes a copula
MEASURES = [
    ("Five miners drowned on Monday and by Thursday the figure had reached 14.", "14", "killed"),
    ("Police detained 40 people at first; later the number rose to 65.", "65", "arrested"),
    ("About 200 families fled the shelling, and by dusk the tally stood at 350.", "350", "displaced"),
    ("The toll was seven, a nurse said.", "seven", "killed"),
    ("By nightfall the death toll stands at 23.", "23", "killed"),
    ("The toll remained 15 on Friday.", "15", "killed"),
    # traps: a neutral noun with nothing counted before it, or one that counts something else
    ("The number reached 90 by noon.", "90", "other"),
    ("Six guards were hurt; the number of cars on the bridge reached 40.", "40", "other"),
    # the figure before it may stand in an earlier sentence of the report
    ("Four hikers were reported missing on Friday. By Sunday the number had risen to nine.",
     "nine", "missing"),
    ("Seven people drowned. The mayor said the figure had reached 10 by Tuesday.", "10", "killed"),
    # trap: what came before counts nothing
    ("Shares fell 4 percent. The figure was 12 by noon.", "12", "other"),
    # an increment before the total in its sentence says what the total counts, things included
    ("Two guards died in May. Auditors traced a further 55 invoices, bringing the total to 210.",
     "210", "other"),
    ("Nine miners died on Monday. Crews recovered 4 more bodies, which brings the total to 13.", "13", "killed"),
    ("Three people drowned. Police detained 6 more looters overnight, taking the tally to 20.", "20", "arrested"),
    # ... but a figure before it that is no increment leaves the older reading
    ("Nearly 40 people were killed across 3 towns, bringing the total to 95.", "95", "killed"),
]

# 3. a comparison figure counts what the figure it is compared with counts
COMPARISONS = [
    ("Some 3,000 residents have fled the valley, up from 1,200 in May.", "1,200", "displaced"),
    ("Troops detained 45 men this week, compared with 30 the week before.", "30", "arrested"),
    ("The toll fell to 8, down from 11 on Sunday.", "11", "killed"),
    ("The death toll climbed from 16 to 27 overnight.", "16", "killed"),
    ("The death toll climbed from 16 to 27 overnight.", "27", "killed"),
    # trap: compared with a figure that counts nothing
    ("The fair sold 400 tickets, up from 250 last year.", "250", "other"),
    # trap: the figure compared with is the nearest, not an earlier count of people
    ("After 6 guards died, fees rose to 80 dollars, up from 50 in May.", "50", "other"),
]

# 4. a present participle of a verb the group itself does, after its head
PARTICIPLES = [
    ("Police estimated 6,000 students marching toward the palace.", "6,000", "participants"),
    ("Aid groups counted 900 families fleeing the floods.", "900", "displaced"),
    ("The photo shows some 2,000 farmers rallying outside parliament.", "2,000", "participants"),
    ("Officials said 500 troops arriving by train would guard the port.", "500", "deployed"),
    # a stronger predicate of the group still wins
    ("About 70 people marching to the square were arrested.", "70", "arrested"),
    # traps: a transitive verb's -ing form has the group as its agent, not its patient;
    # an -ing form of no metric counts nothing
    ("Witnesses saw 3 men shooting at the crowd.", "3", "other"),
    ("The film shows 40 workers carrying sacks.", "40", "other"),
    # the phrase's own metric noun wins over what the group is doing
    ("Nurses counted six gunshot victims arriving at the ward.", "six", "casualties"),
]

# 5. the predicate outranks the head noun
PREDICATE_OVER_HEAD = [
    ("All 12 hostages were freed at dawn.", "12", "released"),
    ("Six hostages were set free on Friday.", "Six", "released"),
    ("The 40 refugees were killed when the boat sank.", "40", "killed"),
    # the head still counts when the predicate gives nothing
    ("Nine hostages appeared in a video on Friday.", "Nine", "kidnapped"),
]

# 6. a partitive pronoun counts what its own verb tells only
PARTITIVES = [
    ("Doctors treated 60 injured people, and 9 of them need surgery.", "9", "other"),
    ("Doctors treated 60 injured people, and 9 of them need surgery.", "60", "injured"),
    ("The raid left 20 people hurt; 4 of them later died.", "4", "killed"),
    ("Ten villagers were wounded, 3 of whom were flown to a hospital.", "3", "hospitalized"),
    # no verb of its own, or a copula naming the member: the group's metric holds
    ("Eight people were hurt, 2 of them seriously.", "2", "injured"),
    ("Troops killed 11 rebels, one of whom was their leader.", "one", "killed"),
    ("Nine people died, four of them children.", "four", "killed"),
    # the whole of a partitive takes no verb of its part, whatever its head, after a verb of
    # saying too; a head that is a metric itself still counts
    ("One of three victims died at the scene.", "three", "other"),
    ("One of three victims died at the scene.", "One", "killed"),
    ("Medics said two of the five casualties died overnight.", "five", "casualties"),
    ("Rangers said two of the five climbers died overnight.", "five", "other"),
    ("Two of the five porters stabbed to death at dawn were brothers.", "five", "killed"),
    ("One of 4 rangers abducted in May has been freed.", "4", "kidnapped"),
    ("Medics said two of the five casualties died overnight.", "two", "killed"),
    ("Two of the 9 dead were children.", "9", "killed"),
    # what the whole is doing takes an object that is no state of the whole
    ("Two of the 30 agencies investigating the deaths were fined.", "30", "other"),
]

# 8. a passive verb of admission with no other complement is a stay in hospital
ADMISSIONS = [
    ("Thirty people were admitted overnight with burns.", "Thirty", "hospitalized"),
    ("About 15 workers were admitted in serious condition.", "15", "hospitalized"),
    ("Five children were admitted to a clinic near the port.", "Five", "hospitalized"),
    ("Eight miners were admitted.", "Eight", "hospitalized"),
    # traps: admitted to something that is no place of care, admitted guilt, admitted that
    ("Three graduates were admitted to the bar last week.", "Three", "other"),
    ("Two students were admitted to the academy.", "Two", "other"),
    ("The firm admitted 4 breaches of the rules.", "4", "other"),
    # an active verb of admission with people as its object is a stay in hospital
    ("The ward admitted 25 patients overnight.", "25", "hospitalized"),
    ("Police admitted that 5 officers had lied.", "5", "other"),
]


@pytest.mark.parametrize("text, marker, metric", STATES, ids=ids(STATES))
def test_state_after_a_verb_of_stating(text, marker, metric):
    assert metric_of(text, marker) == metric


@pytest.mark.parametrize("text, marker, metric", MEASURES, ids=ids(MEASURES))
def test_measure_nouns(text, marker, metric):
    assert metric_of(text, marker) == metric


@pytest.mark.parametrize("text, marker, metric", COMPARISONS, ids=ids(COMPARISONS))
def test_comparison_figures(text, marker, metric):
    assert metric_of(text, marker) == metric


@pytest.mark.parametrize("text, marker, metric", PARTICIPLES, ids=ids(PARTICIPLES))
def test_participle_of_what_the_group_does(text, marker, metric):
    assert metric_of(text, marker) == metric


@pytest.mark.parametrize("text, marker, metric", PREDICATE_OVER_HEAD, ids=ids(PREDICATE_OVER_HEAD))
def test_predicate_outranks_head_noun(text, marker, metric):
    assert metric_of(text, marker) == metric


@pytest.mark.parametrize("text, marker, metric", PARTITIVES, ids=ids(PARTITIVES))
def test_partitive_pronoun_by_its_own_verb(text, marker, metric):
    assert metric_of(text, marker) == metric


@pytest.mark.parametrize("text, marker, metric", ADMISSIONS, ids=ids(ADMISSIONS))
def test_passive_admission(text, marker, metric):
    assert metric_of(text, marker) == metric


def test_cli_reads_the_rising_figure_and_the_comparison(tmp_path):
    """The CLI end to end: a neutral measure noun and a comparison figure take the metric
    of the figure before them; the exit code is 0."""
    text = ("Seven divers were listed as missing off the cape on Tuesday; by Thursday the "
            "figure had reached 10, up from 8 a day earlier.")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "-f", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    got = [(r["figure"], r["metric"]) for r in rows if not r.get("derived")]
    assert got == [("Seven", "missing"), ("10", "missing"), ("8", "missing")]


# 7. charging: an arrest of a group counted nowhere else (measured on GVA, where the people
# charged are the people arrested), but no new count of members of a group already counted
CHARGES = [
    ("Police detained 28 fans; 9 of them were charged with assault.", "9", "other"),
    ("Police detained 28 fans; 9 of them were charged with assault.", "28", "arrested"),
    ("Troops rounded up 60 men, 20 of whom were later indicted.", "20", "other"),
    ("Six men were charged with the robbery.", "Six", "arrested"),
    # a verb of arrest after the partitive is still an arrest
    ("Police questioned 30 people, and 4 of them were detained.", "4", "arrested"),
]


@pytest.mark.parametrize("text, marker, metric", CHARGES, ids=ids(CHARGES))
def test_charges(text, marker, metric):
    assert metric_of(text, marker) == metric


# a verb and its complement around the object read as the object's predicate
AROUND_THE_OBJECT = [
    ("The fires forced 7,000 residents from their homes.", "7,000", "displaced"),
    ("Mudslides have forced some 900 villagers from their homes this week.", "900", "displaced"),
    # traps: the verb alone gives the metric, or the complement is no part of one
    ("The blast killed 12 people in the market.", "12", "killed"),
    ("The storm forced 40 flights from the schedule.", "40", "other"),
    ("Rangers drove 300 tourists from the park.", "300", "other"),
]


@pytest.mark.parametrize("text, marker, metric", AROUND_THE_OBJECT, ids=ids(AROUND_THE_OBJECT))
def test_verb_and_complement_around_the_object(text, marker, metric):
    assert metric_of(text, marker) == metric
