"""Report tallies (SPEC §2): where a report states no total for a metric, a derived claim sums
what it states; outcome arithmetic on a group shot."""
from __future__ import annotations

import json

import pytest

from claimtrack.extract import extract_claims


def tallies(text: str) -> list[tuple[str, int, str, list[str]]]:
    """(metric, value, subject group, figures summed) of each tally of ``text``."""
    claims = extract_claims(text)
    return [(c.metric, c.figure.value, c.subject_group, [claims[i].figure.surface for i in c.parts])
            for c in claims if c.derived == "tally"]


@pytest.mark.parametrize("text, expected", [
    # individuals summed
    ("A teacher and a 7-year-old girl were killed when the roof fell in.",
     [("killed", 2, "people", ["A teacher", "a 7-year-old girl"])]),
    ("A guard was wounded at the gate. Later a driver was wounded on the bridge.",
     [("injured", 2, "civilians", ["A guard", "a driver"])]),
    # counts of distinct groups, and an individual of another group
    ("Two soldiers and four villagers were injured by the mine.",
     [("injured", 6, "people", ["Two", "four"])]),
    ("Three officers were hurt in the riot and a protester was arrested. Police also arrested a cameraman.",
     [("arrested", 2, "people", ["a protester", "a cameraman"])]),
    # outcome arithmetic: shot minus killed is injured; shot with no death is injured
    ("Six diners were shot at the cafe, and two of them died.",
     [("injured", 4, "people", ["Six", "two"])]),
    ("Three teenagers were shot near the park on Saturday.",
     [("injured", 3, "children", ["Three"])]),
])
def test_a_tally_sums_what_the_report_states(text, expected):
    assert tallies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a group shot, with a smaller stated count of the badly hurt among them: the survivors
    ("Five men were shot behind the warehouse; two of them are in critical condition.",
     [("injured", 5, "people", ["Five"])]),
    ("Three women were shot at the bus stop and one of them died. One is in serious condition.",
     [("injured", 2, "people", ["Three", "one"])]),
    # a group taken to hospital after a harm: the wounded a coder counts
    ("Four teenagers were hospitalized after gunfire broke out at a party.",
     [("injured", 4, "children", ["Four"])]),
    ("A gunman killed a guard and sent three clerks to the hospital.",
     [("injured", 3, "people", ["three"])]),
    ("Twelve passengers were taken to hospital after the bus crash on the pass.",
     [("injured", 12, "civilians", ["Twelve"])]),
])
def test_the_injured_a_coder_counts_among_those_shot_or_taken_to_hospital(text, expected):
    assert tallies(text) == expected


@pytest.mark.parametrize("text", [
    # the stated count covers the group
    "Four people were shot on the corner; four were wounded, police said.",
    "Three women were shot at the bus stop and one of them died. Two are in serious condition.",
    "Two men were taken to hospital after a brawl in which several people were hurt.",
    # taken ill, not hurt: no harm told
    "Eleven guests were hospitalized with food poisoning after the banquet.",
    # a death toll alone tells of no one hurt among those in hospital
    "Nine passengers died in the derailment. The ministry said 5 remained in hospital.",
    # two different counts of people in hospital: no one group to count
    "Three people were hospitalized after the crash. By Monday, five were hospitalized.",
])
def test_no_injured_tally_where_a_stated_count_covers_the_group_or_no_one_was_hurt(text):
    assert [t for t in tallies(text) if t[0] == "injured"] == []


@pytest.mark.parametrize("text", [
    # a stated total covers the parts
    "Two guards and a cook were killed; in all, 5 people died in the raid.",
    "Nine people were killed, among them a nurse.",
    # one stated figure is its own total
    "A nurse was killed in the raid.",
    "Eleven people were arrested.",
    # counts that cannot be summed: vague, or one group counted twice differently
    "Dozens of protesters and two officers were injured.",
    "Four officers were killed on Monday. By Tuesday, six officers were killed.",
    # a death toll with no one shot: nothing to subtract from
    "Two men were stabbed to death in the market.",
])
def test_no_tally_where_the_report_gives_its_total_or_none_can_be_summed(text):
    assert tallies(text) == []


def test_stated_claims_are_never_changed_by_a_tally():
    text = "Four people were shot, one fatally, the sheriff said."
    claims = extract_claims(text)
    assert [(c.metric, c.figure.value, c.derived) for c in claims] == [
        ("casualties", 4, None), ("killed", 1, None), ("injured", 3, "tally")]
    tally = claims[-1]
    assert tally.parts == (0, 1)
    assert tally.attribution.source.name == "sheriff"  # the source its parts share


def test_a_tally_of_parts_with_different_sources_is_the_reports_own():
    text = "A farmer was killed, police said. A herder was killed, the village chief said."
    (tally,) = [c for c in extract_claims(text) if c.derived]
    assert (tally.figure.value, tally.attribution.chain) == (2, ())


def test_extract_prints_tallies_and_storage_keeps_them(invoke, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("A porter and a cook were killed in the blast, the mayor said.\n", encoding="utf-8")
    result = invoke("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["figure"], r["value"], r["individual"], r["derived"], r["parts"], r["start"], r["source"])
            for r in rows] == [
        ("A porter", 1, True, None, None, 0, "mayor"),
        ("a cook", 1, True, None, None, 13, "mayor"),
        ("2", 2, False, "tally", [0, 1], None, "mayor"),
    ]
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(path), "--db", db).exit_code == 0
    stored = [json.loads(line) for line in invoke("claims", "--all", "--db", db).stdout.splitlines()]
    keys = [k for k in rows[0] if k != "report"]
    assert [{k: r[k] for k in keys} for r in stored] == [{k: r[k] for k in keys} for r in rows]


def test_show_explains_a_tally_and_claims_marks_it(invoke, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Five people were shot, two fatally, near the depot.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(path), "--db", db, "--event", "elm-street").exit_code == 0
    rows = [json.loads(line) for line in invoke("claims", "--all", "--db", db).stdout.splitlines()]
    assert [(r["id"], r["figure"], r["metric"], r["derived"], r["parts"]) for r in rows] == [
        (1, "Five", "casualties", None, None), (2, "two", "killed", None, None),
        (3, "3", "injured", "tally", [0, 1])]
    table = invoke("claims", "--all", "--db", db, "-f", "table")
    assert table.exit_code == 0
    assert "3 (tally)" in table.stdout
    shown = invoke("show", "3", "--db", db, "-f", "table")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines()[:2] == [
        "Claim 3 · elm-street · injured",
        "3 = Five (claim 1) − two (claim 2) (a tally claimtrack derived)"]
    (row,) = json.loads(invoke("show", "3", "--db", db, "-f", "json").stdout)
    assert row["summed"] == [{"id": 1, "figure": "Five", "value": 5, "metric": "casualties"},
                             {"id": 2, "figure": "two", "value": 2, "metric": "killed"}]
    assert (row["start"], row["end"], row["sentence_start"]) == (None, None, None)
