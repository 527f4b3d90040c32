"""Recall rules found on gun-violence and wire news the rules had not seen (issues #15, #16).

Each group states one rule over the grammar layer or the number reader: its general case,
two or three variants (upper-case wire copy among them) and traps that must give nothing
(or only claims of metric ``other``). Every text runs through the real CLI, ``claimtrack
extract -f jsonl`` on one JSON-lines file, and must give exactly the expected set of
``(metric, low, high, source)``; claims of metric ``other`` and derived tallies are left out.
The sentences are written for this file.
"""
from __future__ import annotations

import pytest
from claim_tables import cases_of, extract_all, params, unmatched

U = None  # the report itself
INF = None  # no upper bound

RULES: dict[str, list[tuple[str, list[tuple]]]] = {
    # a figure quantifies two plural heads joined by "and"/"or" when one verb follows them both
    "coordinated-heads": [
        ("Nine miners and porters were killed when the tunnel flooded.",
         [("killed", 9, 9, U)]),
        ("At least 30 pilgrims and guides have died on the mountain road, officials said.",
         [("killed", 30, INF, "officials")]),
        ("MORE THAN 60 STUDENTS AND TEACHERS WERE INJURED IN THE BLAST.",
         [("injured", 61, INF, U)]),
        ("Seven men and women were arrested outside the depot on Tuesday.",
         [("arrested", 7, 7, U)]),
        ("Twelve nurses or orderlies were hurt when the ward roof fell in.",
         [("injured", 12, 12, U)]),
        # traps: the second noun opens a clause of its own, or no metric verb follows
        ("The mayor thanked 40 volunteers and firefighters were still at work at dusk.",
         []),
        ("Four buses and trucks were damaged in the storm.",
         []),
        ("Six lawyers and judges attended the hearing.",
         []),
    ],
    # "DAY MONTH N": a day already stands before the month, so a number after it with a plural
    # noun is a count, not a second day or a year; wire copy writes it in capitals
    "date-run-into-count": [
        ("ON 14 APRIL 22 BODIES WERE RECOVERED FROM THE RIVER.",
         [("killed", 22, 22, U)]),
        ("ON 3 JUNE 15 PEASANTS WERE KIDNAPPED BY THE COLUMN, THE ARMY SAID.",
         [("kidnapped", 15, 15, "army")]),
        ("On 9 October 40 people were detained at the border.",
         [("arrested", 40, 40, U)]),
        # traps: a year or a name after the date, the figure elsewhere
        ("LIMA, 2 FEB 90 (WIRE) -- THE ARMY SAID 8 SOLDIERS DIED IN THE AMBUSH.",
         [("killed", 8, 8, "army")]),
        ("ON 5 MAY 91 THE COURT RULED ON THE CASE.",
         []),
        ("ON 21 JULY 89 PRESIDENT ALVARADO MET THE ENVOYS.",
         []),
    ],
    # a plan or wish the noun before the figure names governs it only as its complement: when
    # the figure's phrase is the subject of a finite verb of its own, the noun's phrase ended
    "irrealis-noun-ends": [
        ("During the rescue attempt four hostages were killed.",
         [("killed", 4, 4, U)]),
        ("IN THE ESCAPE BID 9 PRISONERS WERE WOUNDED, THE WARDEN SAID.",
         [("injured", 9, 9, "warden")]),
        ("After the failed coup attempt 30 officers were arrested.",
         [("arrested", 30, 30, U)]),
        # traps: the figure is the plan's or the wish's complement
        ("The rebels made an attempt to kill 12 guards.",
         []),
        ("Officials dropped the plan to evacuate 500 families.",
         []),
        ("A warrant for the arrest of 6 men was issued.",
         []),
    ],
    # a fatal wound is a death: "fatal injuries", "fatal gunshot wounds", "fatally injured"
    "fatal-injuries": [
        ("Two cyclists suffered fatal injuries when the truck hit them.",
         [("killed", 2, 2, U)]),
        ("Three men sustained fatal gunshot wounds, the coroner said.",
         [("killed", 3, 3, "coroner")]),
        ("FOUR PASSENGERS WERE FATALLY INJURED IN THE CRASH.",
         [("killed", 4, 4, U)]),
        # traps: wounds that were not fatal
        ("Five workers suffered injuries that were not fatal.",
         [("injured", 5, 5, U)]),
        ("Two boys suffered non-fatal injuries.",
         [("injured", 2, 2, U)]),
    ],
    # being in custody is the state an arrest leaves: a person "in custody" is one arrested
    "in-custody": [
        ("A 16-year-old boy is in custody after the shooting.",
         [("arrested", 1, 1, U)]),
        ("The driver is now in custody, deputies said.",
         [("arrested", 1, 1, "deputies")]),
        ("AN ARMED MAN WAS IN POLICE CUSTODY ON FRIDAY.",
         [("arrested", 1, 1, U)]),
        # traps: nobody, or a negated state
        ("No one is in custody.",
         []),
        ("The suspect is not in custody yet.",
         []),
    ],
    # "that" after a verb opens a clause; "one" + a noun + its verb is that clause's count
    "that-one-noun": [
        ("The hospital announced that one patient was killed and another hurt in the fire.",
         [("killed", 1, 1, "hospital"), ("injured", 1, 1, "hospital")]),
        ("THE ARMY CONFIRMED THAT ONE SOLDIER HAD DIED.",
         [("killed", 1, 1, "army")]),
        ("Witnesses said that one guard was wounded.",
         [("injured", 1, 1, "witnesses")]),
        # traps: "that one" as a pronoun
        ("He liked that one better than the old ferry.",
         []),
        ("That one was empty when the roof fell.",
         []),
    ],
    # "wound" as the second verb of a pair ("kill 2 and wound 9"); after an article it is a noun
    "wound-verb": [
        ("The shelling went on to kill 5 villagers and wound 8 more.",
         [("killed", 5, 5, U), ("injured", 8, 8, U)]),
        ("THE REBELS KILLED FOUR PEASANTS AND WOUND 11 OTHERS, THE ARMY SAID.",
         [("killed", 4, 4, "army"), ("injured", 11, 11, "army")]),
        # traps: the noun
        ("A wound 3 nurses had dressed became infected.",
         []),
        ("The blade left a wound 2 inches deep.",
         []),
        ("Officers answered a call about a gunshot wound at 63 Elm Trace.",
         []),
    ],
    # the agents of a killing: "the killers of N", "the murderers of N" count the dead
    "killers-of": [
        ("The killers of the 4 farmers were never caught.",
         [("killed", 4, 4, U)]),
        ("POLICE ARE HUNTING THE MURDERERS OF TWO JUDGES.",
         [("killed", 2, 2, U)]),
        ("The assassins of three mayors were tried on Monday.",
         [("killed", 3, 3, U)]),
        # trap: the agents counted, not the dead
        ("Three killers were hanged.",
         []),
    ],
    # an age after a name is no count, a hyphenated surname too, and with its closing comma
    # missing before the verb (singular for one person; plural closing a list of named people)
    "age-after-name": [
        ("Dana Ruiz-Moreno, 41, was arrested at her home.",
         [("arrested", 1, 1, U)]),
        ("Omar Haddad, 37 was arrested on Tuesday.",
         [("arrested", 1, 1, U)]),
        ("Ann Bell, 25, and Tom Hale-Price, 26 were charged with fraud.",
         []),
        # traps: a count after a place or a source and a comma is a count
        ("In the capital, 12 were killed.",
         [("killed", 12, 12, U)]),
        ("According to the agency, 30 were hurt.",
         [("injured", 30, 30, "agency")]),
        ("In the north, 1 was killed.",
         [("killed", 1, 1, U)]),
    ],
    # a quoted name inside the complement of the counted noun belongs to its phrase
    "quoted-complement": [
        ('At least 9 members of the "Valley Guard" were killed in the raid.',
         [("killed", 9, None, U)]),
        ('POLICE SAID 14 FIGHTERS OF THE "NORTH FRONT" (A BREAKAWAY FACTION) WERE CAPTURED.',
         [("arrested", 14, 14, "police")]),
        ("Twenty supporters of “Green Hope” were detained, the ministry said.",
         [("arrested", 20, 20, "ministry")]),
        # traps: a quote that opens no name, a figure inside a quotation with no metric
        ('Five members of the "club" met on Friday.',
         []),
        ('He said "we kept 4 of our boats" after the storm.',
         []),
    ],
    # a fronted "among the <group>" before a copula gives the figure after it that group's metric
    "among-fronted": [
        ("Among the dead were 4 police officers.",
         [("killed", 4, 4, U)]),
        ("AMONG THE WOUNDED ARE TWO JOURNALISTS, THE MINISTRY SAID.",
         [("injured", 2, 2, "ministry")]),
        ("Among those arrested were 12 students, police said.",
         [("arrested", 12, 12, "police")]),
        # traps: a group with no metric, "among" inside a clause of its own
        ("Among the guests were 40 children.",
         []),
        ("Rescuers searched among the ruins where 3 dogs were found.",
         []),
    ],
    # a figure joined by "as well as" to the object of a metric verb shares the verb
    "as-well-as-object": [
        ("Rebels killed the crew of the boat, as well as two farmers.",
         [("killed", 2, 2, U)]),
        ("THE ARMY DETAINED THE LEADERSHIP OF THE UNION AS WELL AS 30 WORKERS.",
         [("arrested", 30, 30, U)]),
        ("Police detained the owner of the bar as well as 3 customers on Sunday.",
         [("arrested", 1, 1, U), ("arrested", 3, 3, (U, "police"))]),
        # traps: a clause of its own after the list, no metric verb
        ("One patient was discharged on Friday and two others remain in care.",
         [("released", 1, 1, U)]),
        ("The storm damaged the roof of the hall, as well as 3 cars.",
         []),
    ],
    # "shot(s)" after a verb of firing or hearing is a bullet, not people shot
    "shots-fired": [
        ("A man fired one shot into the parked van.",
         []),
        ("NEIGHBOURS HEARD FIVE SHOTS BEFORE MIDNIGHT.",
         []),
        ("The guard fired 2 shots at the tyres, police said.",
         []),
        # the general case stays: people shot
        ("The gunman shot 3 people near the gate.",
         [("casualties", 3, 3, U)]),
        ("Police say 6 people were shot on Friday.",
         [("casualties", 6, 6, "police")]),
    ],
}

CASES = cases_of(RULES)

# the report tallies (SPEC §2) a coder reads off a shooting: (metric, value) of each derived claim
TALLIES: dict[str, list[tuple[str, list[tuple]]]] = {
    # a group shot "apart from" the dead the sentence counted first is the wounded, whole
    "others-shot": [
        ("Two men were found dead in the yard and five others were shot.",
         [("injured", 5)]),
        ("The brawl left one guard dead and 8 others shot, police said.",
         [("injured", 8)]),
        # the outcome arithmetic still holds for one group shot, some of whom died
        ("Six people were shot, two fatally.",
         [("injured", 4)]),
    ],
    # a reduced relative: "N people shot in …" counts people shot
    "reduced-shot": [
        ("Seven people shot near the stadium were recovering on Monday.",
         [("injured", 7)]),
        ("A gunman shot at a crowd, leaving nine others shot in the legs.",
         [("injured", 9)]),
        # trap: the word "casualties" itself is no count of people shot
        ("There were 14 casualties after a guard shot at the crowd.",
         []),
    ],
    # "three of the victims who were shot" is a part of the group shot, not a second total
    "part-of-shot": [
        ("Five people were shot on Friday night. Three of the victims who were shot were teenagers.",
         [("injured", 5)]),
        ("EIGHT PEOPLE WERE SHOT. TWO OF THOSE SHOT WERE OFFICERS.",
         [("injured", 8)]),
    ],
    # the first count of people shot, larger than every later one, is the report's total and
    # the later, smaller ones its parts
    "first-shot-total": [
        ("Five people were shot near the market. Three men were hit in the legs and two women "
         "were shot in the arms.",
         [("injured", 5)]),
        ("NINE PEOPLE WERE SHOT, THE ARMY SAID. FOUR OF THEM WERE CHILDREN.",
         [("injured", 9)]),
        # trap: a later, larger count is no part of the first
        ("Two people were shot on Monday. Later, six people were shot at a bar.",
         []),
    ],
    # a group taken to hospital in a report of a killing is counted among the injured
    "cared-after-killing": [
        ("A man was killed in the attack. The three other victims were taken to a hospital.",
         [("injured", 3)]),
        ("One woman was shot dead. Two more victims were rushed to hospital.",
         [("injured", 2)]),
        # trap: a death by illness is no harm done to the group taken to hospital
        ("A man died of a fever. Four other patients were taken to a hospital.",
         []),
    ],
}

TALLY_CASES = cases_of(TALLIES)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """Every case through ``claimtrack extract -f jsonl`` in one run: claims by report id."""
    return extract_all(CASES, tmp_path_factory.mktemp("recall_rules"), date="2024-06-02")


XFAIL: dict[str, str] = {
}


@pytest.mark.parametrize("cid, text, expected", list(params(CASES, XFAIL)))
def test_recall_rule(extracted, cid, text, expected):
    missing, extra = unmatched(extracted.get(cid, []), expected)
    assert (missing, extra) == ([], []), text


@pytest.fixture(scope="module")
def tallied(tmp_path_factory) -> dict[str, list[dict]]:
    return extract_all(TALLY_CASES, tmp_path_factory.mktemp("recall_tallies"), date="2024-06-02")


@pytest.mark.parametrize("cid, text, expected", list(params(TALLY_CASES, {})))
def test_recall_tally(tallied, cid, text, expected):
    rows = tallied.get(cid, [])
    got = sorted((r["metric"], r["value"]) for r in rows if r.get("derived") == "tally")
    assert got == sorted(expected), text
