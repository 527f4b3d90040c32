"""Individuals (SPEC §2): one person named without a numeral, as the patient of a metric
predicate, is a claim of 1; each person is counted once per metric in a report."""
from __future__ import annotations

import json

import pytest

from claimtrack.extract import extract_claims


def people(text: str) -> list[tuple[str, str, str]]:
    """(metric, figure, subject group) of each individual claim of ``text``."""
    return [(c.metric, c.figure.surface, c.subject_group) for c in extract_claims(text) if c.individual]


@pytest.mark.parametrize("text, expected", [
    # the subject of a passive metric predicate
    ("A delivery driver was shot dead outside a bakery on Sunday.", [("killed", "A delivery driver", "civilians")]),
    # a body's name before a role and a name: the person is the name after the role
    ("Police are investigating the shooting death of Harbor Times columnist Jo Penn.",
     [("killed", "Jo Penn", "people")]),
    ("The killing of Acme Freight driver Sam Lee shocked the town.", [("killed", "Sam Lee", "people")]),
    pytest.param("Harbor Times columnist Jo Penn was shot and killed on Monday.", [("killed", "Jo Penn", "people")],
                 marks=pytest.mark.xfail(strict=True, reason="a subject of a passive that opens on a body's "
                                         "name and a role is not looked for past them")),
    ("An off-duty officer was wounded in the exchange.", [("injured", "An off-duty officer", "police")]),
    ("The gunman was killed by a security guard.", [("killed", "The gunman", "assailants")]),
    ("A 16-year-old was arrested near the station.", [("arrested", "A 16-year-old", "children")]),
    ("A 41-year-old woman was taken into custody on Friday.", [("arrested", "A 41-year-old woman", "people")]),
    ("An aid worker was abducted from her car, the charity said.", [("kidnapped", "An aid worker", "civilians")]),
    ("A local reporter was released after nine days in captivity.", [("released", "A local reporter", "journalists")]),
    ("A hiker has been reported missing in the hills.", [("missing", "A hiker", "people")]),
    # a name, with an age or an apposition, or a title
    ("Dario Pinto, 27, was fatally shot on Elm Road.", [("killed", "Dario Pinto", "people")]),
    ("Lena Marsh, a 33-year-old teacher, was arrested at home.", [("arrested", "Lena Marsh", "people")]),
    ("Trooper Kai Brandt was injured when his car was hit.", [("injured", "Trooper Kai Brandt", "police")]),
    # a name's possessive is the person's determiner: the relative is counted, never the owner
    ("The intruders stabbed Ines Varga's stepson before they fled.", [("injured", "Ines Varga's stepson", "people")]),
    ("Omar Haddad's wife was shot in the leg on Friday.", [("injured", "Omar Haddad's wife", "people")]),
    ("Deputies arrested Kessler's nephew at a motel.", [("arrested", "Kessler's nephew", "people")]),
    # intransitive verbs of dying or going missing
    ("A toddler died after the fire spread to the flat.", [("killed", "A toddler", "children")]),
    ("A fisherman went missing off the coast.", [("missing", "A fisherman", "people")]),
    # the object of an active metric predicate
    ("Police arrested a suspect in the parking lot.", [("arrested", "a suspect", "people")]),
    ("Gunmen kidnapped a businessman on the highway.", [("kidnapped", "a businessman", "civilians")]),
    ("The storm left a farmer dead and a child injured.",
     [("killed", "a farmer", "people"), ("injured", "a child", "children")]),
    ("Deputies detained Omar Haddad after the chase.", [("arrested", "Omar Haddad", "people")]),
    # coordinated persons: each one
    ("A nurse and her 4-year-old son were killed in the blast.",
     [("killed", "A nurse", "civilians"), ("killed", "her 4-year-old son", "children")]),
    # outcomes: shot alone wounds; shot and later died kills
    ("A cook was shot in the arm outside the diner.", [("injured", "A cook", "civilians")]),
    ("A cook was shot near the diner and later died.", [("killed", "A cook", "civilians")]),
    ("A pedestrian was shot and wounded by a stray bullet.", [("injured", "A pedestrian", "civilians")]),
    # an age before a name, a participle of a clause, two participles, any short apposition
    ("Nine-year-old Tia Rowe was shot and killed on her porch on Friday.", [("killed", "Tia Rowe", "people")]),
    ("The car left the road, injuring a 70-year-old pedestrian.", [("injured", "a 70-year-old pedestrian", "people")]),
    ("The suspect was traced and taken into custody on Friday.", [("arrested", "The suspect", "people")]),
    ("A 30-year-old victim, named by relatives as Sam Ode, was declared dead at the clinic.",
     [("killed", "A 30-year-old victim", "people")]),
    # a pronoun with no one counted before it: the person the report is about
    ("Officers found the owner in the shop. She was pronounced dead later that night.",
     [("killed", "She", "people")]),
    # upper-case wire copy: a description still names a person
    ("A PEASANT WAS KILLED BY THE PATROL.", [("killed", "A PEASANT", "people")]),
    # a headline's passive without its auxiliary, after a bare noun (a town's name may lead)
    ("Teen shot dead outside Harlow takeaway", [("killed", "Teen", "children")]),
    ("Cyclist killed in collision with van on ring road", [("killed", "Cyclist", "people")]),
    ("Dunmore woman stabbed at bus stop, police say", [("injured", "Dunmore woman", "people")]),
    ("Pensioner badly hurt in fall from balcony", [("injured", "Pensioner", "people")]),
    # each clause of a headline opens bare, in sentence case too
    ("Officer wounded, suspect arrested after chase",
     [("injured", "Officer", "police"), ("arrested", "suspect", "people")]),
    # a sentence with its full stop is no headline: the clause after the comma is not read so
    ("Police said the officer was wounded, suspect arrested.", [("injured", "the officer", "police")]),
    # its outcomes coordinated by a comma; the page's frame after it is no one's name
    ("Guard shot, killed Updated: 2 hours ago", [("killed", "Guard", "civilians")]),
])
def test_a_person_as_the_patient_of_a_metric_predicate_is_a_claim_of_one(text, expected):
    assert people(text) == expected
    for c in extract_claims(text):
        if c.individual:
            assert (c.figure.qualifier, c.figure.value, c.figure.low, c.figure.high) == ("exact", 1, 1, 1)
            assert text[c.start:c.end] == c.figure.surface


@pytest.mark.parametrize("text", [
    "A 52-year-old man was questioned by detectives on Monday.",
    "Investigators are still hunting for a tall man in a grey hoodie.",
    "Police sought a woman who was seen near the bank.",
    "A 19-year-old was charged with burglary.",
    "A driver will be arrested if he returns, police said.",
    "The suspect was not arrested, officers said.",
    "A witness could be detained for questioning.",
    "Nadia Ortiz spoke to reporters outside the court.",
    "Officer Dean Ruiz said the road was closed.",
    "A cyclist was released from hospital on Tuesday.",
    "Nobody was hurt in the fire.",
    "No one was arrested.",
    "He was charged with arson.",
    "The raiders killed Pedro Alves's cattle.",
    "Arson destroyed Dana Holt's garage and wounded no one.",
    # a headline's past form with an object is active: the noun is the agent
    "Man shot the dog that bit his son",
    "Farmer wanted in connection with the blaze",
])
def test_no_metric_predicate_no_individual(text):
    assert people(text) == []


@pytest.mark.parametrize("text, expected", [
    # the same person mentioned again, under a description, a surname or a pronoun
    ("A courier was shot dead on Main Street. The victim was declared dead by medics at 9 pm.",
     [("killed", "A courier", "civilians")]),
    ("Iris Bell, 44, was killed on Friday. Bell died at the scene.",
     [("killed", "Iris Bell", "people")]),
    ("A man was shot and killed. The 23-year-old was killed near his home.",
     [("killed", "A man", "people")]),
    # a possessive or definite description with another noun, and a name given later: the
    # one person the report counted for that metric
    ("Her son was stabbed to death on Friday. The teenager died at the scene.",
     [("killed", "Her son", "people")]),
    ("A girl was shot and killed on Sunday. Her daughter was killed in the yard, the mother said.",
     [("killed", "A girl", "children")]),
    ("His brother was fatally shot on the porch. Leo Park was killed instantly, police said.",
     [("killed", "His brother", "people")]),
    # but two names are two people, and "also" with a name is someone else named
    ("Carl Diaz was killed on Friday. Mark Lee was also killed, police said.",
     [("killed", "Carl Diaz", "people"), ("killed", "Mark Lee", "people")]),
    ("A toddler was wounded by a stray round. He was arrested at his flat, the police said.",
     [("injured", "A toddler", "children"), ("arrested", "He", "people")]),
    ("The gunman was wounded by a guard. He was arrested at the scene.",
     [("injured", "The gunman", "assailants"), ("arrested", "He", "people")]),
    ("The boy was shot on Tuesday. The boy's uncle was detained. He was arrested at home.",
     [("injured", "The boy", "children"), ("arrested", "The boy's uncle", "people")]),
    ("He was arrested at the scene. His sister, Vera Moss, 30, was also arrested.",
     [("arrested", "He", "people"), ("arrested", "Vera Moss", "people")]),
    # the same person, counted again under another metric (hurt, then dead: both are stated);
    # but once dead, a later "was shot" tells how they died, no new injury
    ("A swimmer was arrested on the pier. The swimmer later died in a cell, the coastguard said.",
     [("arrested", "A swimmer", "people"), ("killed", "The swimmer", "people")]),
    ("A swimmer was injured by a boat, the coastguard said. The swimmer later died in hospital.",
     [("injured", "A swimmer", "people"), ("killed", "The swimmer", "people")]),
    ("Tom Arde, 52, was killed in the blast. He had been hurt in a fire last year.",
     [("killed", "Tom Arde", "people")]),
    ("Nia Obi was shot dead at a bus stop. She was wounded in the neck.",
     [("killed", "Nia Obi", "people")]),
    # a pronoun opening a sentence is the person named before, not a name
    ("A courier was wounded on Tuesday. He was wounded in the arm, police said.",
     [("injured", "A courier", "civilians")]),
    ("She was arrested at the border on Sunday.", [("arrested", "She", "people")]),
    # "the man", "she" refer back only to a person of the same sex
    ("A man was wounded in the square. A woman was hurt nearby. The man died on Friday.",
     [("injured", "A man", "people"), ("injured", "A woman", "people"), ("killed", "The man", "people")]),
    ("A woman was wounded in the square. A man was hurt nearby. She died on Friday.",
     [("injured", "A woman", "people"), ("injured", "A man", "people"), ("killed", "She", "people")]),
    ("A boy was wounded in the yard. A girl was also hurt. The boy died later.",
     [("injured", "A boy", "children"), ("injured", "A girl", "children"), ("killed", "The boy", "children")]),
    # (a pronoun takes the nearest person of its sex)
    ("A man was stabbed in the square. A woman was stabbed nearby. She later died.",
     [("injured", "A man", "people"), ("injured", "A woman", "people"), ("killed", "She", "people")]),
    # someone new: a second, another
    ("An officer was wounded on Monday. A second officer died on Tuesday.",
     [("injured", "An officer", "police"), ("killed", "A second officer", "police")]),
    ("A man was killed in the attack. Another man was killed in the market.",
     [("killed", "A man", "people"), ("killed", "Another man", "people")]),
    # an assailant is a person of its own
    ("Two people died in the gunfire on Pine Hill. The gunman was killed by police.",
     [("killed", "The gunman", "assailants")]),
    # a group counted with a numeral already holds the people named after it
    ("Three people were killed in the crash. The victim was identified as a 20-year-old.", []),
    ("One man was arrested. The suspect was arrested at his home.", []),
])
def test_each_person_counts_once_per_metric_in_a_report(text, expected):
    assert people(text) == expected


def test_individuals_take_the_sentence_source():
    text = "A guard was wounded in the raid, the regional police said."
    (claim,) = [c for c in extract_claims(text) if c.individual]
    assert claim.attribution.source.name == "regional police"


def test_extract_prints_and_ingest_stores_individuals(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A miner was killed in the collapse, the company said. Police arrested a foreman.\n",
                    encoding="utf-8")
    result = invoke("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["metric"], r["figure"], r["value"], r["individual"], r["source"]) for r in rows] == [
        ("killed", "A miner", 1, True, "company"),
        ("arrested", "a foreman", 1, True, None),
    ]
    result = invoke("ingest", str(path), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 0, result.stderr
    stored = [json.loads(line) for line in invoke("claims", "--all", "--db", str(tmp_path / "c.db")).stdout.splitlines()]
    assert [(r["figure"], r["individual"], r["derived"]) for r in stored] == [
        ("A miner", True, None), ("a foreman", True, None)]


@pytest.mark.parametrize("text, expected", [
    # the subject's head carries a modifier before its predicate: a prepositional phrase, an
    # age, two appositions, an apposition with brackets
    ("A cook from the harbour district was stabbed on Friday.", [("injured", "A cook", "civilians")]),
    ("A woman in her 60s was killed when the wall fell.", [("killed", "A woman", "people")]),
    ("A boy aged about 12 was hurt by the falling glass.", [("injured", "A boy", "children")]),
    ("The brother of a shop owner was detained overnight.", [("arrested", "The brother", "people")]),
    ("Pia Lund, 41, of Halden, was arrested on Monday.", [("arrested", "Pia Lund", "people")]),
    ("Tom Aske, a Labour (UK) councillor for the ward, was badly wounded.",
     [("injured", "Tom Aske", "people")]),
    # a relative clause between the subject and its predicate; the graver of two outcomes
    ("A courier who was shot on the ring road died two days later.", [("killed", "A courier", "civilians")]),
    ("A driver who hit a cyclist was arrested at home.", [("arrested", "A driver", "people")]),
    # the antecedent of "who", wherever it stands
    ("The flat belonged to Ivo Brandt, who was murdered in May.", [("killed", "Ivo Brandt", "people")]),
    # a relative clause belongs to the nearest noun, not to the head before an "of" phrase:
    # the group after "of" is its subject, and a plural or intransitive verb agrees with it
    ("Cousins of the climbers who died on the ridge held a vigil.", []),
    ("The lawyer for the families of the 12 miners who died spoke on Monday.", []),
    ("The coach of the divers who were hurt in the storm praised the crew.", []),
    ("Neighbours of a cyclist who died in the crash laid flowers.", [("killed", "a cyclist", "people")]),
    # persons listed beside groups counted with a numeral
    ("Six miners and a medic were killed in the collapse.", [("killed", "a medic", "people")]),
    ("Gunmen killed 14 farmers, three pupils and a nurse.", [("killed", "a nurse", "civilians")]),
    # two verbs sharing one object; a person held in custody
    ("Deputies arrested and charged Sam Oyelaran after the robbery.", [("arrested", "Sam Oyelaran", "people")]),
    # two acts on one object: the graver outcome counts ("stabbed and killed" kills)
    ("A man stabbed and killed a cashier at the petrol station.", [("killed", "a cashier", "civilians")]),
    ("Two men beat and killed Rafael Ortiz outside the bar.", [("killed", "Rafael Ortiz", "people")]),
    ("The gunman shot and wounded a guard.", [("injured", "a guard", "civilians")]),
    # a participle of a clause after its preposition
    ("He fled after fatally shooting a bus driver, police said.", [("killed", "a bus driver", "civilians")]),
    ("Police have a 30-year-old man in custody, a spokesman said.", [("arrested", "a 30-year-old man", "people")]),
    # a booking records an arrest
    ("A 19-year-old was booked into the county jail.", [("arrested", "A 19-year-old", "people")]),
    ("Ivan Petrov was booked on suspicion of arson.", [("arrested", "Ivan Petrov", "people")]),
    # upper-case wire copy: a name after a title, at a clause's start, or the antecedent of WHO
    ("MAGISTRATE ELENA PRADO WAS ASSASSINATED ON 3 MAY.", [("killed", "ELENA PRADO", "people")]),
    ("AFTER THE RAID, TOMAS QUIROGA WAS KIDNAPPED.", [("kidnapped", "TOMAS QUIROGA", "people")]),
    ("THE CAR WAS OWNED BY RAUL BENITEZ, WHO WAS KILLED LAST WEEK.", [("killed", "RAUL BENITEZ", "people")]),
    ("THE FARM BELONGED TO A MAN KNOWN AS PEDRO LUNA, WHO WAS KIDNAPPED IN MAY.",
     [("kidnapped", "PEDRO LUNA", "people")]),
    ("JUAN ARCE WAS SHOT BY REBELS. LATER ARCE DIED.", [("injured", "JUAN ARCE", "people"), ("killed", "ARCE", "people")]),
    # a list of persons as the subject of a verb of dying; each person of a list is someone
    ("Nora Vik, 40, and Ola Vik, 9, died in the blaze.", [("killed", "Nora Vik", "people"), ("killed", "Ola Vik", "people")]),
    ("A miner and his brother died underground.", [("killed", "A miner", "people"), ("killed", "his brother", "people")]),
    # a name in apposition to a person of a list is that person, not one more
    ("Her 30-year-old aunt, Rita Blum, and her neighbour, 40-year-old Sam Teller, were arrested on Monday.",
     [("arrested", "Her 30-year-old aunt", "people"), ("arrested", "her neighbour", "people")]),
    ("Ana Ruiz, a nurse, and Leo Park were killed in the blast.",
     [("killed", "Ana Ruiz", "people"), ("killed", "Leo Park", "people")]),
    # a quantifier floated after the auxiliary, a suffix with its full stop, an age after it
    ("Ivo Brandt and Mila Sorel were both arrested on Monday.",
     [("arrested", "Ivo Brandt", "people"), ("arrested", "Mila Sorel", "people")]),
    ("A medic and a porter were all wounded.", [("injured", "A medic", "civilians"), ("injured", "a porter", "civilians")]),
    ("Tomas Ebbe Jr. and Ruth Kale were detained overnight.",
     [("arrested", "Tomas Ebbe Jr", "people"), ("arrested", "Ruth Kale", "people")]),
    ("Paul Orr Sr., 71, and his grandson were killed.",
     [("killed", "Paul Orr Sr", "people"), ("killed", "his grandson", "people")]),
    ("Carl Diaz, Mia Lund and a guard were abducted.",
     [("kidnapped", "Carl Diaz", "people"), ("kidnapped", "Mia Lund", "people"), ("kidnapped", "a guard", "civilians")]),
    # a clause whose auxiliary is left out, and a state an act left or found its objects in
    ("Two guards were shot dead and a cook and a porter wounded.",
     [("injured", "a cook", "civilians"), ("injured", "a porter", "civilians")]),
    ("Medics found a woman dead and a boy and a girl hurt.",
     [("killed", "a woman", "people"), ("injured", "a boy", "children"), ("injured", "a girl", "children")]),
])
def test_a_person_behind_modifiers_lists_and_wire_copy_is_found(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    # upper case: no name where closed-class words, lexicon words or participles stand
    "THE BUILDING WAS DESTROYED.",
    "THE PLAN WAS KILLED BY THE SENATE.",
    "ORGANIZED LABOUR WAS HURT BY THE DECREE.",
    "THE REPORT WAS RELEASED TODAY.",
    # a page's label run into a headline is no one shot
    "Vigil held after two shot Gallery: Photos of the vigil",
    "Crowds gather after 3 shot Slideshow: the scene on Monday",
    # one word alone that the report never gave as a full name
    "LATER, ZAPATA WAS KILLED.",
    # a gapped clause needs the auxiliary before it; an active verb with its object is no passive
    "A clerk and a guard injured in the crash were taken to hospital.",
    "The roof gave way and a worker injured his back.",
    # a prepositional phrase whose noun is no person; a clause is no modifier of a head
    "A bullet from the rifle was found in the wall.",
    "Residents of the valley said 15 people died in the flood.",
    # a booking that is no arrest
    "A woman was booked on a late flight home.",
    # a warrant, a search: no arrest
    "Police want to have the man in custody by Friday.",
    # a page's frame after a headline run into it is no one's name
    "Cyclist hit by van, killed Posted: Sunday, June 1, 2025 8:15 AM",
])
def test_no_individual_from_upper_case_words_or_things(text):
    assert people(text) == []


def test_one_in_a_persons_apposition_is_that_person_not_another():
    text = "Rosa Velez, one of the nurses, was killed in the shelling."
    claims = extract_claims(text)
    assert [(c.metric, c.figure.surface, c.individual) for c in claims] == [
        ("killed", "Rosa Velez", True), ("other", "one", False)]
