"""Source names (SPEC §5): titles of office, a person of a body, names apposed to a role,
words that name no one; and the cue rules that give chains and resolve short references.
Table tests in sentences written for them, traps included."""
from __future__ import annotations

import pytest

from claimtrack.extract import default_lexicon, extract_claims
from claimtrack.extract.sources import make_source


@pytest.mark.parametrize("phrase, name, kind, role", [
    # a title of office (a role word, capitalised) before a name: the role apart, a person
    ("Senate Majority Leader Ada Thorne", "Ada Thorne", "person", "Senate Majority Leader"),
    ("House Speaker Tom Reyes", "Tom Reyes", "person", "House Speaker"),
    ("County Commissioner Lia Park", "Lia Park", "person", "County Commissioner"),
    ("Dr Hana Obi", "Hana Obi", "person", "Dr"),
    # a role in lower case before a name, whatever body words stand before it
    ("White House press secretary Ian Lowe", "Ian Lowe", "person", "press secretary"),
    ("BBC correspondent Rosa Vidal", "Rosa Vidal", "person", "correspondent"),
    # traps: a body whose name holds a role word stays a body
    ("the Attorney General's Office", "Attorney General's Office", None, None),
    ("the Health Minister", "Health Minister", "government", None),
])
def test_titles_of_office_are_roles_apart_from_the_name(phrase, name, kind, role):
    src = make_source(phrase, default_lexicon())
    assert src is not None and src.name == name and src.role == role
    assert kind is None or src.kind == kind
    assert src.kind != "person" or role is not None


@pytest.mark.parametrize("phrase, name, descriptor", [
    ("Sergeant Ola Dahl of the Bergen police", "Ola Dahl", "Bergen police"),
    ("Mara Quist with the Malmo Fire Department", "Mara Quist", "Malmo Fire Department"),
    ("Jon Ekwe at the Brookings Institution", "Jon Ekwe", "Brookings Institution"),
])
def test_a_person_of_a_body_keeps_the_body_as_descriptor(phrase, name, descriptor):
    src = make_source(phrase, default_lexicon())
    assert (src.name, src.kind, src.descriptor) == (name, "person", descriptor)


@pytest.mark.parametrize("phrase, name", [
    # traps: a body's own name with "of" is no person of a body
    ("the Ministry of the Interior", "Ministry of the Interior"),
    ("the National Museum of Fine Arts", "National Museum of Fine Arts"),
    ("the National Union of Press Workers", "National Union of Press Workers"),
    # a body's whole name as the lexicon lists it
    ("the Committee to Protect Journalists", "Committee to Protect Journalists"),
    # a place after "in" says where the body sits, words of direction before it too
    ("Police in Harlow", "Police in Harlow"),
    ("Police in western Harlow County", "Police in western Harlow County"),
    ("health officials in the northern Vessa region", "health officials in the northern Vessa region"),
])
def test_a_body_named_with_of_or_to_stays_whole(phrase, name):
    src = make_source(phrase, default_lexicon())
    assert src.name == name and src.kind != "person"


@pytest.mark.parametrize("phrase, kind", [
    # a body named by a noun of an organisation is no person, whatever it is called
    ("the Harlan Center", "ngo"),
    ("the Vestry Coalition", "ngo"),
    ("Calder University", "ngo"),
    ("the Riverside Medical Center", "medical"),   # a medical body stays medical
    ("the African Union", "international"),
])
def test_a_body_named_by_an_organisation_noun_is_no_person(phrase, kind):
    assert make_source(phrase, default_lexicon()).kind == kind


@pytest.mark.parametrize("phrase", [
    "Though", "Another", "Multiple", "Please", "Last August", "early March", "this spring",
    "this contradicted earlier accounts", "Mr. Lund has raised even more",
])
def test_words_that_name_no_one_are_no_source(phrase):
    assert make_source(phrase, default_lexicon()) is None


@pytest.mark.parametrize("phrase, name", [
    ("Arriving at the scene, police", "police"),
    ("Per local media reports", "local media reports"),
    ("As per the fire service", "fire service"),
    ("the WHO", "WHO"),  # an acronym, not the pronoun
])
def test_openers_are_not_part_of_the_name(phrase, name):
    assert make_source(phrase, default_lexicon()).name == name


@pytest.mark.parametrize("phrase, name, kind", [
    # a body's document or figures speak for the body
    ("a fire brigade statement", "fire brigade", "government"),
    ("the Tallinn Police news release", "Tallinn Police", "police"),
    ("the coast guard's figures", "coast guard", "government"),
    ("the governor's remarks", "governor", "government"),
    # traps: a document of no body stays as written
    ("a joint statement", "joint statement", "unnamed"),
    ("the neighbours' account", "neighbours", "unnamed"),
])
def test_a_document_or_figures_of_a_body_are_the_body(phrase, name, kind):
    src = make_source(phrase, default_lexicon())
    assert (src.name, src.kind) == (name, kind)



def chains(text: str) -> list[tuple[str, list[str]]]:
    return [(c.figure.surface, [link.source.name for link in c.attribution.chain]) for c in extract_claims(text)]


@pytest.mark.parametrize("text, expected", [
    # X quoted Y as saying
    ("Radio Free Asia quoted a village chief as saying 9 people drowned.", [("9", ["Radio Free Asia", "village chief"])]),
    ("The Guardian cited a hospital official as confirming that 14 people were injured.",
     [("14", ["Guardian", "hospital official"])]),
    # X reported, quoting/citing Y, that
    ("Kyodo reported, citing police, that 3 climbers were missing.", [("3", ["Kyodo", "police"])]),
    ("Sky News said, quoting fire officials, that 2 firefighters were hurt.", [("2", ["Sky News", "fire officials"])]),
    # a report of a report without "that"
    ("The broadcaster said the regional governor had confirmed 5 deaths.", [("5", ["broadcaster", "regional governor"])]),
    ("Amnesty said survivors had told its staff that 40 people were killed.", [("40", ["Amnesty", "survivors"])]),
    # traps: a clause after "said" is no speaker; a figure that counts the speakers is no claim
    ("Officials said residents had evacuated by boat, and 6 people died.", [("6", ["Officials"])]),
    ("Reuters, citing three diplomats, said 12 people were detained.", [("12", ["Reuters", "three diplomats"])]),
])
def test_reports_of_reports_are_chains_outward(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "they": the plural body or group just named
    ("Troops said 4 rebels were captured. They said 2 soldiers were hurt.",
     [("4", "Troops"), ("2", "Troops")]),
    ("Witnesses said 10 people were hurt. They said 3 were children.", [("10", "Witnesses"), ("3", "Witnesses")]),
    # a two-word short reference (lexicon data) and "according to the <noun>"
    ("MSF said 300 families had fled. The aid group said 12 people were missing.",
     [("300", "MSF"), ("12", "MSF")]),
    ("The Fire Service said 8 homes burned. According to the service, 3 people were hurt.",
     [("8", "Fire Service"), ("3", "Fire Service")]),
    # traps: "they" after a person is no one named; "they" with no group before
    ("Mayor Lu said 5 people died. They were buried on Monday with 2 others.", [("5", "Lu"), ("2", None)]),
    ("They said 7 people were arrested.", [("7", None)]),
])
def test_short_and_plural_references(text, expected):
    got = [(c.figure.surface, c.attribution.source.name if c.attribution.source else None)
           for c in extract_claims(text)]
    assert got == expected


@pytest.mark.parametrize("text, name", [
    ("“Nine people were hurt,” said the coroner, Lea Moss, on Friday.", "Lea Moss"),
    ("“We found 3 bodies,” a spokesman for the rescuers, Ari Cohen, told reporters.", "Ari Cohen"),
    # trap: a name after a document is not the document's author
    ("According to a police statement, Dan Ruiz, 30, was one of 4 men arrested.", "police"),
])
def test_a_name_apposed_to_a_role_is_the_speaker(text, name):
    sources = {c.attribution.source.name for c in extract_claims(text) if c.attribution.source}
    assert name in sources
