"""Who said it, on political news, round two (SPEC §5; issue #16): cue and subject forms that
political coverage uses and that the first rounds missed, in sentences written for this file.

As in ``test_attribution_political.py``, every claim counts, metric ``other`` included. Each
text runs through the real CLI (``claimtrack extract -f jsonl`` on one JSON-lines file) and must
give exactly the expected list of ``(low, high, source)`` in text order, ``source`` being the
claim's exact source name (None: the report itself); a fourth item, where given, is the claim's
chain of names from the report outward. Each rule has its general case, variants, and traps.
"""
from __future__ import annotations

import pytest

from claim_tables import cases_of, extract_all, source_readings

U = None  # the report itself


RULES = {
    # a verb of finding or showing with a clause after "that" reports a proposition, whoever
    # its subject is; without "that", finding is telling only for evidence (a poll, a study)
    "finding-that": [
        ("The auditor found that 14 contracts had never been signed.", [(14, 14, "auditor")]),
        ("Mayor Lena Ortiz revealed that her office had spent $3 million on the fair.",
         [(3_000_000, 3_000_000, "Lena Ortiz")]),
        ("In the 2018 race, Tom Reed showed that 40 percent of his donors were local.",
         [(40, 40, "Tom Reed")]),
        # trap: an object, not a clause, after the verb
        ("Firefighters found 2 bodies in the burned house.", [(2, 2, U)]),
    ],
    # "there" and an auxiliary after a word that may be a noun ("estimate", "report") make it a
    # verb with a clause after it
    "existential-clause": [
        ("Economists estimate there are 2 million empty homes in the state.",
         [(2_000_000, 2_000_000, "Economists")]),
        ("Since no one keeps a register, advocates estimate there could be up to 9,000 such cases.",
         [(0, 9_000, "advocates")]),
        # trap: "there" without a verb after it is a place; the word stays a noun
        ("The estimates there were wrong, and 40 people died in the floods.", [(40, 40, U)]),
    ],
    # evidence (a poll, a study, documents) as the subject of a verb of showing, after a
    # subordinator too, with a capitalised head and a year that dates it (not its source)
    "evidence-subject": [
        ("Support slipped after leaked memos from the campaign showed 30 percent of donors had lapsed.",
         [(30, 30, "leaked memos from the campaign")]),
        ("As a Harlan study from 2019 noted, 22 percent of the loans failed.",
         [(22, 22, "Harlan study")]),
        ("A Marist Poll released Monday put the senator's support at 41 percent.",
         [(41, 41, "Marist Poll")]),
        ("According to the Harlan polling average, Vale leads by 6 points.",
         [(6, 6, "Harlan polling average")]),
        # trap: a subordinator before a subject that is no evidence leaves the verb alone
        ("After firefighters showed up, 3 people were rescued.", [(3, 3, U)]),
    ],
    # auxiliaries and adverbs between an apposition's closing comma and the verb of saying
    "apposition-then-adverb": [
        ("Ann Vale, the party's treasurer, has repeatedly promised to return $40,000 to donors.",
         [(40_000, 40_000, "Ann Vale")]),
        ("Tom Reed, a former aide to the governor, has also claimed that 12 staff quit.",
         [(12, 12, "Tom Reed")]),
        ("The Harlan Institute, a research group in Ohio, has consistently argued that 5 percent of loans fail.",
         [(5, 5, "Harlan Institute")]),
    ],
    # a verb of estimating with its measure noun between the verb and the figure: "puts the
    # number of … at", "raised its count of … to", "gave a higher toll of"
    "measure-verb": [
        ("The union puts the number of members who walked out of the plants at about 9,000.",
         [(8_100, 9_900, "union")]),
        ("Organizers put the crowd at 20,000, twice the police figure.", [(20_000, 20_000, "Organizers")]),
        ("The health board raised its count of flu deaths in the region to 31.",
         [(31, 31, "health board")]),
        ("Regional officials gave a revised figure of 57 for the missing.", [(57, 57, "Regional officials")]),
        ("The Vale campaign puts Ortiz's lead at a mere 2 points.", [(2, 2, "Vale campaign")]),
        # trap: "at" with no figure after it is no estimate
        ("The delay put the project at risk, and 14 workers were laid off.", [(14, 14, U)]),
    ],
    # a person noun modifying a bare singular noun makes one compound ("the refugee agency"),
    # not a relative clause with its own subject ("the man police say …")
    "compound-not-relative": [
        ("9,000 people have fled the valley, the refugee agency estimates.",
         [(9_000, 9_000, "refugee agency")]),
        ("In all, 300 families lost their homes, the UN refugee agency says.",
         [(300, 300, "UN refugee agency")]),
        # the relative clause stays one where its subject is a plural or "police"
        ("The woman police say took $5,000 from the till was released.", [(5_000, 5_000, "police")]),
    ],
    # "the agency" after a body of any kind the word names (a police agency too), and the UN's
    # programmes are international bodies
    "agency-reference": [
        ("The FBI recorded 1,200 hate crimes in the state. The agency lists 300 of them as assaults.",
         [(1_200, 1_200, "FBI"), (300, 300, "FBI")]),
        ("The World Food Programme said 30,000 families needed help. The agency said 5 of its trucks "
         "were looted.",
         [(30_000, 30_000, "World Food Programme"), (5, 5, "World Food Programme")]),
        # trap: an agency named by its own name wins over a nearer body of the kind
        ("The news agency Tass said 40 people attended. Police said 12 were detained. The agency "
         "later said 15 were detained.",
         [(40, 40, "Tass"), (12, 12, "Police"), (15, 15, "Tass")]),
    ],
    # a participle of estimating before "at" and a figure is passive: the noun before it is
    # what is estimated, no speaker; a relative clause gives it a subject of its own
    "passive-participle": [
        ("A crowd estimated at 8,000 marched to the port.", [(8_000, 8_000, U)]),
        ("Losses estimated at $4 million were reported, the insurer said.",
         [(4_000_000, 4_000_000, "insurer")]),
        ("The mayor addressed a crowd that organizers estimated at 6,000.", [(6_000, 6_000, "organizers")]),
        # trap: "at least" after an active verb
        ("Police estimated at least 2,000 people marched.", [(2_000, None, "Police")]),
    ],
    # "So said X" after a sentence or a quote names who said it (a back-reference)
    "so-said": [
        ("\u201cWe counted 70 tents.\u201d So said Ann Vale, the group's director.", [(70, 70, "Ann Vale")]),
        ("Turnout reached 61 percent. So wrote the county clerk in her report.", [(61, 61, "county clerk")]),
        # trap: "so" opening a clause of its own is no back-reference
        ("Nine people were hurt. So the clerk said the count was over.", [(9, 9, U)]),
    ],
    # a headline's source after its closing colon: a body, a listed speaker, or a name
    "headline-colon": [
        ("Bomb kills 5 near market: police", [(5, 5, "police")]),
        ("Turnout tops 70 percent: election board", [(70, 70, "election board")]),
        ("Wall would cost $20 billion: Vale", [(20_000_000_000, 20_000_000_000, "Vale")]),
        # traps: what a colon introduces after a figure is no source
        ("The cause of 4 deaths: negligence.", [(4, 4, U)]),
        ("Among the 3 dead: Ann Vale.", [(3, 3, U)]),
    ],
    # a kicker in capitals before a colon is no speaker's tag; a name in capitals is
    "kicker": [
        ("ARRESTS AT THE BORDER: Police detained 9 migrants.", [(9, 9, U)]),
        ("FLEEING THE FLOOD: Rescuers said 40 families were evacuated.", [(40, 40, "Rescuers")]),
        ("SEN. VALE: We lost 40 jobs in March.", [(40, 40, "SEN. VALE")]),
    ],
    # an aside with "of" (a place, an address) between a name and its verb; a relative clause
    # between a common noun phrase (a body, a listed speaker) and its verb
    "address-aside": [
        ("Residents of the county, where 4 polling stations closed early, said 90 ballots were lost.",
         [(4, 4, U), (90, 90, "Residents of the county")]),
        ("The witnesses, who stood by the gate, said 5 men fired shots.", [(5, 5, "witnesses")]),
        ("The clinic, which opened in March, said 14 patients were treated.",
         [(14, 14, "clinic")]),
        ("Ann Vale, of 12 Elm St., said 3 cars were stolen.", [(3, 3, "Ann Vale")]),
        ("Tom Reed, of Marion, told reporters that 40 homes were flooded.", [(40, 40, "Tom Reed")]),
    ],
    # a participle of saying after a clause shares its subject, a speaker the lexicon lists too
    "participle-subject": [
        ("Witnesses disputed the account, saying 6 people were hurt.", [(6, 6, "Witnesses")]),
        ("Officials rejected the report, saying only 2 were injured.", [(2, 2, "Officials")]),
        # trap: a subject the lexicon does not list as a speaker
        ("Some fans rushed the gate, saying 40 people were hurt.", [(40, 40, U)]),
    ],
    # "it" after a body that acted in the sentence before (no verb of saying named it)
    "acting-body-it": [
        ("The Red Cross delivered 300 tents on Monday. It said 40 more families needed shelter.",
         [(300, 300, "Red Cross"), (40, 40, "Red Cross")]),
        # trap: no body acted, so "it" names no one
        ("Gunmen attacked a convoy and killed 3 guards. It said 2 drivers were missing.",
         [(3, 3, U), (2, 2, U)]),
    ],
    # more verbs and forms of saying: expecting, "charged that", "admitted to" a gerund, a
    # document's words quoted ("…,” the letter read), a long apposition of a poll
    "cue-forms": [
        ("County officials are expecting a turnout of more than 9,000 voters.",
         [(9_001, None, "County officials")]),
        ("Opponents charged that the plan would cost $80 million.", [(80_000_000, 80_000_000, "Opponents")]),
        ("Reed admitted to taking $40,000 from the fund.", [(40_000, 40_000, "Reed")]),
        ("\u201cThere are 40 seats left,\u201d the letter read.", [(40, 40, "letter")]),
        ("The survey, carried out over three weeks in May by the Harlan Institute at Ohio State, showed "
         "Vale ahead, 46 percent to 44 percent.",
         [(46, 46, "survey"), (44, 44, "survey")]),
        # traps: "charged" with a person and a crime; a participle opening the sentence is no
        # inverted verb, its subject follows the clause
        ("Prosecutors charged 3 men with fraud.", [(3, 3, U)]),
        ("Expecting thousands at the rally, Ann Vale said she would speak twice.",
         [(2_000, 9_999, "Ann Vale")]),
    ],
    # dashes: an aside between two dashes before the verb leaves the subject before it; a dash
    # standing alone ends the clause before the speaker
    "dashes": [
        ("The ministry — which runs the camps — said 40 people died.", [(40, 40, "ministry")]),
        ("The firm - which also owns two mills - recorded $3 million in losses.",
         [(2, 2, "firm"), (3_000_000, 3_000_000, "firm")]),
        ("Forty homes burned - the fire service said.", [(40, 40, "fire service")]),
        # trap: a hyphen inside a name is no dash
        ("Ann Vale-Reed said 4 stores closed.", [(4, 4, "Ann Vale-Reed")]),
    ],
    # a share of a poll's answers as the subject ("three in four say") names no one: the study
    # the sentence cites is the source
    "share-subject": [
        ("Nearly three in four say the plan is fair, according to the survey.",
         [(2, 3, "survey"), (4, 4, "survey")]),
        ("About 41 percent said they would vote, according to a Harlan poll.",
         [(36, 46, "Harlan poll")]),
        # trap: a count of people who speak is no share
        ("Three officials said 12 people were held.", [(12, 12, "Three officials")]),
    ],
    # a study's maker whose name holds "of" ("the Council of the Great City Schools") stays whole;
    # what a poll covers ("of Ohio voters") stays apart
    "maker-name": [
        ("A study by the Council of Rural Towns found that 30 percent of clinics closed.",
         [(30, 30, "Council of Rural Towns")]),
        ("A poll by Harlan of Ohio voters found 52 percent backed the levy.", [(52, 52, "Harlan")]),
    ],
    # "in" a poll: a hyphenated date word before a pollster's name, a possessive, or a place's
    # name before a plural
    "in-a-poll": [
        ("In a mid-March Harlan News poll, Vale led Reed 48 percent to 41 percent.",
         [(48, 48, "mid-March Harlan News poll"), (41, 41, "mid-March Harlan News poll")]),
        ("Reed slipped to 39 percent in Tuesday's poll.", [(39, 39, "Tuesday's poll")]),
        ("Vale has stayed near 12 percent in Ohio surveys.", [(12, 12, "Ohio surveys")]),
        # trap: polling at large names no one; the subject stays behind the figure
        ("Vale has 40 percent in the polls.", [(40, 40, "Vale")]),
    ],
    # a noun-like verb after a possessive and a word that is no plural is a noun ("his home
    # state,"); after a plural it stays a verb ("his aides estimate")
    "possessive-noun": [
        ("Vale, campaigning in his home state, said 300 volunteers had signed up.",
         [(300, 300, "Vale")]),
        ("His aides estimate 40 donors left.", [(40, 40, "aides")]),
    ],
    # a verb of promising and "to" before a quotation: the quoted words are the promiser's
    "promise-quote": [
        ("The mayor has vowed to \u201chire 300 more officers\u201d by May.", [(300, 300, "mayor")]),
        ("Ann Vale, touring the valley on Friday, is pledging to \u201cbuild 40 schools.\u201d",
         [(40, 40, "Ann Vale")]),
        # a verb of saying and "that" open the clause a quotation goes on
        ("\u201cWe will win,\u201d Ann Vale said. Tom Reed, chair of the panel, said that it was "
         "\u201c100 percent ready for the vote.\u201d",
         [(100, 100, "Tom Reed")]),
        # trap: "to" with no verb of promising before the quote
        ("The crowd went to \u201cGate 4\u201d after the rally.", [(4, 4, U)]),
    ],
}

CASES = cases_of(RULES)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    return extract_all(CASES, tmp_path_factory.mktemp("political2"))


@pytest.mark.parametrize("cid, text, expected", [
    pytest.param(f"{g}-{n}", text, expected, id=f"{g}-{n}") for g, n, text, expected in CASES])
def test_rule(extracted, cid, text, expected):
    source_readings(extracted.get(cid, []), expected, text)
