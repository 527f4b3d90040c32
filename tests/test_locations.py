"""Where a figure applies (claimtrack.extract.locations): a place the sentence names plainly,
else none. A wrong place costs more than a missing one (claims at different places are not
compared), so every rule has its traps. Our own sentences, through the real CLI and the
function itself."""
from __future__ import annotations

import json

import pytest

from claimtrack.extract import locations
from claimtrack.extract.lexicon import default_lexicon

LEX = default_lexicon()

PLACES = [
    # a name right after the preposition
    ("Nine people were hurt in Vellmar on Sunday.", "Vellmar"),
    ("Two boys were wounded near Oakridge Falls late on Friday.", "Oakridge Falls"),
    ("Police detained 14 men outside Port Ellis.", "Port Ellis"),
    ("Aid reached 300 families across Dorvania.", "Dorvania"),
    # directions and locative adjectives before it; a kind of place, with anything before it
    ("Four people were shot in northern Kelby.", "Kelby"),
    ("Six were hurt in downtown Rayford after the match.", "Rayford"),
    ("Fighting displaced 2,000 people in north-western Ardel.", "Ardel"),
    ("Troops killed 12 rebels in the restive southern province of Kharan.", "Kharan"),
    ("Floods cut off 40 homes in the mountain village of Seltz.", "Seltz"),
    ("Three died in the first block of Carver Avenue.", "Carver Avenue"),
    # a direction or an act done to a place before "of"; a name's lowercase hyphen pieces
    ("Raids in the hills north of Tambura killed 9 fighters.", "Tambura"),
    ("At least 7 people died in the shelling of Verkholm on Sunday.", "Verkholm"),
    ("A blast wounded 11 people at a market in Kala-i-Nau.", "Kala-i-Nau"),
    # a determiner, and a name before a noun, are still the place
    ("Four men were shot outside a Brennock bar early on Monday.", "Brennock"),
    ("A girl, 7, was shot in her Dunmore home, police said.", "Dunmore"),
    ("Five were hurt in the Halvey area overnight.", "Halvey"),
    ("Police say 3 were shot outside of a Leeds pub.", "Leeds"),
    # dotted abbreviations and particles continue a name; "of" after a kind of place
    ("Police said 2 teens were wounded late on Friday in north St. Albans.", "St. Albans"),
    ("Two men were shot in Southeast D.C. on Friday.", "Southeast D.C."),
    ("Eight people were hurt near Camino del Mar.", "Camino del Mar"),
    ("Two people were hurt in Rio de Palma.", "Rio de Palma"),
    ("Two were arrested in the unincorporated Town of Merrow.", "Town of Merrow"),
    # a single generic word with no determiner is a town's name
    ("One woman was taken to a hospital in Temple with wounds, and 2 others died.", "Temple"),
    # it ends before a day, a month, a time or an event's noun, and a headline's function word
    ("Two were shot dead in Riverton Thurs. night.", "Riverton"),
    ("Police Name 2 Killed In Overnight Riverton Shooting", "Riverton"),
    ("Man, 3 Teens Hurt In Drive-By Shooting Near Galloway", "Galloway"),
    ("4 Held In Deadly Holiday Shooting In Marston", "Marston"),
    ("Twelve people were killed in Kharkiv on Monday.", "Kharkiv"),
    # a country or a state that owns what follows is still the place
    ("Three people died in Georgia's capital on Friday.", "Georgia"),
]

NO_PLACE = [
    # a common noun, a publication, a day, a holiday
    ("Eleven people were hurt in the District over a long weekend.", None),
    ("Gifts for the 3 families go to an account in the Central Bank.", None),
    ("Two guards died on duty in a Boxing Day standoff.", None),
    ("Two men were hurt, a critic writing in Time argued, and 3 died.", None),
    # an owner, a person, a phrase that is no place
    ("Two rifles were found in Marlow's flat, and 3 men were arrested.", None),
    ("He has been charged in the deaths of Ana Ruiz and 2 others.", None),
    ("3 Arrested In Connection To Shooting At Party", None),
    ("Boy, 2, Dies In Accidental Shooting", None),
    ("4 people were injured in the attack, 2 in Critical Condition.", None),
    ("He was charged in the murder of Dana Holt; 2 others were hurt.", None),
    # lowercase words that describe no place between the preposition and a name
    ("Marks in the hallway show Rodney had tried to hide the 2 bodies.", None),
    ("In his last StreamTube video he threatened 20 people.", None),
    # a list label is no place
    ("Hit outside the hostel Wounded: 3 students", None),
    # wire copy in capitals: no capitals to tell a name by
    ("TWO SOLDIERS WERE KILLED IN THE NORTH.", None),
]


@pytest.mark.parametrize("sentence, expected", PLACES + NO_PLACE)
def test_location(sentence, expected):
    assert locations.location(sentence, LEX) == expected


def test_a_claim_carries_its_location_through_extract(invoke):
    text = "Four men were hurt outside a Brennock bar, police said. In the District, 2 died."
    result = invoke("extract", "-f", "jsonl", "-", input=text)
    assert result.exit_code == 0, result.stderr
    rows = [r for r in map(json.loads, result.stdout.splitlines()) if not r["derived"]]
    assert [(r["figure"], r["location"]) for r in rows] == [("Four", "Brennock"), ("2", None)]
