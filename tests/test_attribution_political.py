"""Who said it, on political news (SPEC §5; issue #16): the speaker forms, cues and report
structures of campaign and policy coverage, in sentences written for this file.

Political reports attribute money, shares, votes and counts alike, so every claim counts here,
metric ``other`` included. Each text runs through the real CLI (``claimtrack extract -f jsonl``
on one JSON-lines file) and must give exactly the expected list of ``(low, high, source)``
in text order, ``source`` being the claim's exact source name (None: the report itself).
Where a row names a chain, the claim's chain names must be exactly that list. Each rule has its
general case, variants, and traps that must keep the reading they had.
"""
from __future__ import annotations

import pytest

from claim_tables import cases_of, extract_all, source_readings

U = None  # the report itself


RULES = {
    # a speaker's apposition between commas needs no article ("chair of the panel"), and a
    # party tag in brackets may stand between the name and the apposition
    "apposition": [
        ("Ann Vale, chair of the panel, said 100 members were ready.", [(100, 100, "Ann Vale")]),
        ("Sen. Ann Vale (D-Ore.), chair of the panel, said that 40 members had signed.",
         [(40, 40, "Ann Vale")]),
        ("Rep. Tom Reed (R-N.Y.), a member of the committee, said the bill would cost $2 billion.",
         [(2_000_000_000, 2_000_000_000, "Tom Reed")]),
        ("Tom Reed, senior aide to the governor, told reporters that 12 towns had applied.",
         [(12, 12, "Tom Reed")]),
        ("Lena Ortiz, director of the Harlan Center, wrote that 3 million voters had moved.",
         [(3_000_000, 3_000_000, "Lena Ortiz")]),
        # a role first, then the name in apposition, with the body the person belongs to
        ("A pastor backing the mayor, Lena Ortiz of the Grace Church in Marion, said she made 150 calls.",
         [(150, 150, "Lena Ortiz")]),
        ("Another aide, Tom Reed, said 40 staff had quit.", [(40, 40, "Tom Reed")]),
        # traps: a clause between commas is no apposition, its subject stays the speaker
        ("In the old town, shops of every kind closed for the day, officials said 40 people died.",
         [(40, 40, "officials")]),
        ("Arriving at the site, police began looking for gunmen, believing there were 3 of them.",
         [(3, 3, "police")]),
        ("After the vote, members of the board met for hours, and 12 of them resigned.", [(12, 12, U)]),
    ],
    # a report of what a speaker said: "X said …, according to Y" is Y's report of X, a chain
    # from the report outward, in a sentence and after a quotation alike
    "reported-speech": [
        ("Vale said 300 staff had left, according to the Daily Ledger.",
         [(300, 300, "Daily Ledger", ["Daily Ledger", "Vale"])]),
        ("The mayor said the plan would cost $3 million, according to the Harlan Gazette.",
         [(3_000_000, 3_000_000, "Harlan Gazette", ["Harlan Gazette", "mayor"])]),
        ("“We lost 300 staff,” Vale said at a briefing, according to the Daily Ledger.",
         [(300, 300, "Daily Ledger", ["Daily Ledger", "Vale"])]),
        ("“We lost 300 staff,” said Vale, according to the Daily Ledger.",
         [(300, 300, "Daily Ledger", ["Daily Ledger", "Vale"])]),
        # traps: no speaker within the clause, or the report in a sentence of its own
        ("In all, 300 staff left, according to the Daily Ledger.",
         [(300, 300, "Daily Ledger", ["Daily Ledger"])]),
        ("According to the Daily Ledger, 300 staff left.", [(300, 300, "Daily Ledger", ["Daily Ledger"])]),
        ("“We lost 300 staff,” Vale said. According to the Daily Ledger, 40 more quit.",
         [(300, 300, "Vale", ["Vale"]), (40, 40, "Daily Ledger", ["Daily Ledger"])]),
    ],
    # asides between a named subject and its verb of saying: an age, a time or place, a
    # relative clause, an apposition opened by any determiner, an adverb; several in a row
    "asides": [
        ("Lena Ortiz, 44, said that she met nearly 100 voters.", [(90, 100, "Lena Ortiz")]),
        ("Vale, in a short interview on Monday, said his 40 stores were open.", [(40, 40, "Vale")]),
        ("Vale, meanwhile, who leads the group, said that 40 stores were open.", [(40, 40, "Vale")]),
        ("But Tom Reed, another veteran analyst, said he gave the deal a 50 percent chance.",
         [(50, 50, "Tom Reed")]),
        ("As part of the deal, Lena Ortiz, 44, wrote that 12 plants would close.", [(12, 12, "Lena Ortiz")]),
        ("Lena Ortiz, 39, a nurse visiting the city, told the Herald that 300 people had gathered.",
         [(300, 300, "Herald", ["Herald", "Lena Ortiz"])]),
        # traps: a figure inside the aside is the report's own; a clause before the asides is no
        # subject (the inverted speaker stays); an aside of discourse alone keeps its reading
        ("Vale, meanwhile, who has 3 endorsements, said that the race was close.", [(3, 3, U)]),
        ("Prices rose 40 percent, in the capital, said Vale.", [(40, 40, "Vale")]),
        ("The Herald, for its part, wrote that 30 towns had voted.", [(30, 30, "Herald")]),
        ("In the north, hundreds of homes burned, officials said 40 people died.",
         [(200, 999, U), (40, 40, "officials")]),
    ],
    # evidence as a source: a poll, a study or a document (lexicon nouns of evidence) that
    # shows or finds a figure, with when it came out and who made it; what a study covers
    # ("of Ohio voters") names no one
    "evidence": [
        ("A second chart shows that six of 10 farms are small.",
         [(6, 6, "second chart"), (10, 10, "second chart")]),
        ("Internal emails show the firm paid $2 million to the agency.",
         [(2_000_000, 2_000_000, "Internal emails")]),
        ("A Harlan poll last month showed Vale leading Reed, 45 percent to 18 percent.",
         [(45, 45, "Harlan poll"), (18, 18, "Harlan poll")]),
        ("A random survey conducted by the Harlan News Network found Vale won with 35 percent of the vote.",
         [(35, 35, "Harlan News Network")]),
        ("A Harlan poll of Ohio voters released on Tuesday showed Vale with a 16-point lead.",
         [(16, 16, "Harlan poll")]),
        ("An analysis by the Harlan Institute of the 2012 race found that 40 counties flipped.",
         [(40, 40, "Harlan Institute")]),
        # traps: finding by people is no evidence; a study's scope in lower case stays whole
        ("Rescuers found 3 bodies in the river.", [(3, 3, U)]),
        ("A poll of likely voters in the county showed Vale at 52 percent.",
         [(52, 52, "poll of likely voters in the county")]),
        ("A poll of 600 residents showed Vale at 52 percent.",
         [(600, 600, "poll of 600 residents"), (52, 52, "poll of 600 residents")]),
    ],
    # a time after the verb or after the speaker's name ("early Friday", "late Monday") is no
    # part of the speaker
    "times": [
        ("The Harlan mayor, Ann Vale, said early Friday that 80 people were hurt.",
         [(80, 80, "Ann Vale")]),
        ("Tom Reed, the chairman, wrote late Monday that the party spent $4 million.",
         [(4_000_000, 4_000_000, "Tom Reed")]),
        ("Eighty people were hurt, said Ann Vale early Friday.", [(80, 80, "Ann Vale")]),
        # trap: "early" as an adjective of the subject, not a time
        ("Early voters numbered 300, said the clerk.", [(300, 300, "clerk")]),
    ],
    # a quotation that goes on from the opening words of what a speaker says ("said the plan
    # “…”") is the speaker's; a name apposed to a role before the verb speaks it
    "quotes": [
        ("Vale said the project \u201cshows how to get things done. My theme today is five words: on time.\u201d",
         [(5, 5, "Vale")]),
        ("Tom Reed, who ran a rival campaign, said the mayor \u201cmay have won. After 40 ads, it is over.\u201d",
         [(40, 40, "Tom Reed")]),
        ("The club's general manager, Tom Reed, later said that \u201cmore than 95 percent\u201d of staff are insured.",
         [(96, None, "Tom Reed")]),
        # trap: a quotation after a verb that is no verb of saying has no speaker
        ("The paper called the plan \u201ca 40-year mistake.\u201d", []),
    ],
    # verbs that state a figure as a ranking or a list does (lexicon cues); a clause opened by
    # a contrast ("While X …, Y says …") keeps its own source
    "contrast": [
        ("While Hurun lists his wealth at $6.5 billion, Forbes says it is $4.5 billion.",
         [(6_500_000_000, 6_500_000_000, "Hurun"), (4_500_000_000, 4_500_000_000, "Forbes")]),
        ("Although Vale said 40 staff left, Reed said 12 did.", [(40, 40, "Vale"), (12, 12, "Reed")]),
        ("The Harlan index pegs his fortune at $42 billion.", [(42_000_000_000, 42_000_000_000, "Harlan index")]),
        # traps: a contrast with no source of its own is the report's; "listed" of patients is
        # a state, not a source's list
        ("While 40 people were hurt, police said 3 died.", [(40, 40, U), (3, 3, "police")]),
        ("The hospital listed 3 patients in critical condition.", [(3, 3, U)]),
    ],
    # words that look like verbs of saying but are nouns or parts of names: a capitalised word
    # ending a name ("the United States", "The Harlan Show"), a bare form after a singular
    # determiner ("a June report"), a manner after the verb ("said in a June report")
    "not-a-verb": [
        ("Harlan Electric says that in 2012 it paid $3.2 billion in taxes, including in the United States.",
         [(3_200_000_000, 3_200_000_000, "Harlan Electric")]),
        ("\u201cI like him,\u201d Vale said on The Harlan Show on Tuesday. \u201cHe backs me 100 percent.\u201d",
         [(100, 100, "Vale")]),
        ("The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid 0.8 percent.",
         [(8, 9, "agency"), (0, 1, "agency")]),
        ("Vale said 40 percent had paid, according to a new report.",
         [(40, 40, "new report", ["new report", "Vale"])]),
        ("\u201cThat means no response,\u201d Reed said late last month, \u201cbut 40 calls a day.\u201d",
         [(40, 40, "Reed")]),
        # traps: the verb itself stays a verb
        ("In all, 40 percent had paid, the agency reports.", [(40, 40, "agency")]),
        ("Officials report 40 percent had paid.", [(40, 40, "Officials")]),
        ("Three Killed In Blast, Police Say", [(3, 3, "Police")]),
    ],
}

CASES = cases_of(RULES)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    return extract_all(CASES, tmp_path_factory.mktemp("political"))


@pytest.mark.parametrize("cid, text, expected", [
    pytest.param(f"{g}-{n}", text, expected, id=f"{g}-{n}") for g, n, text, expected in CASES])
def test_rule(extracted, cid, text, expected):
    source_readings(extracted.get(cid, []), expected, text)
