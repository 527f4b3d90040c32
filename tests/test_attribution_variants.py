"""Attribution phenomena in new wordings (SPEC §5): who a figure belongs to when the source is
a pronoun or a short reference, a back-reference that is or is not one, a report of a report,
the structures around a quote, the many verbs of saying, dated figures and single persons.

Every text is written for this table; each row is the exact set of (metric, low, high,
source) the real `claimtrack extract --format jsonl -` prints for it (source None: the report
itself). One run of the command reads every text, as a stream of JSON lines."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

OWN = None  # the report itself: no source named for the figure

# "it", "they", "she", "the agency", "the humanitarian group": a source named before
ORG_PRONOUN = [
    ("The Finnish Border Guard said 14 migrants were detained near Vaalimaa on Saturday. "
     "It added that two guards were slightly hurt.",
     {("arrested", 14, 14, "Border Guard"), ("injured", 2, 2, "Border Guard")}),
    ("Chile's National Disaster Service reported 22 deaths from the wildfires around Valparaíso. "
     "The service said 600 residents had been evacuated.",
     {("killed", 22, 22, "National Disaster Service"), ("displaced", 600, 600, "National Disaster Service")}),
    ("Lagos State police said 9 people were arrested after the clashes in Ikeja. They said 3 officers were injured.",
     {("arrested", 9, 9, "Lagos State police"), ("injured", 3, 3, "Lagos State police")}),
    ("Governor Maria Lopes said 12 people had died in the floods in Porto Alegre. "
     "She added that 5,000 residents had been evacuated.",
     {("killed", 12, 12, "Maria Lopes"), ("displaced", 5000, 5000, "Maria Lopes")}),
    ("Army spokesman Colonel Ivo Marek said 4 soldiers were killed near the border. "
     "The spokesman said 7 others were wounded.",
     {("killed", 4, 4, "Ivo Marek"), ("injured", 7, 7, "Ivo Marek")}),
    ("The Associated Press reported that 17 protesters were arrested in Tbilisi overnight. "
     "The agency said 40 people were injured.",
     {("arrested", 17, 17, "Associated Press"), ("injured", 40, 40, "Associated Press")}),
    ("The Kenya Red Cross said 45 people were missing after the floods in Garissa. "
     "The humanitarian group added that 8 bodies had been recovered.",
     {("missing", 45, 45, "Kenya Red Cross"), ("killed", 8, 8, "Kenya Red Cross")}),
    ("The Mexican Navy said its marines had detained 6 suspects in Culiacán. "
     "It said one marine was wounded in the operation.",
     {("arrested", 6, 6, "Navy"), ("injured", 1, 1, "Navy")}),
    ("Ukraine's State Emergency Service said 11 people had been killed in the strike on Dnipro. "
     "According to the service, 64 were injured.",
     {("killed", 11, 11, "State Emergency Service"), ("injured", 64, 64, "State Emergency Service")}),
    ("The Ministry of Emergency Situations said 5 people were killed in the blast in Almaty. "
     "The ministry said 19 were taken to hospital.",
     {("killed", 5, 5, "Ministry of Emergency Situations"),
      ("hospitalized", 19, 19, "Ministry of Emergency Situations")}),
    # traps: "it" that is no speaker, and a second body named in between
    ("The fire broke out at dawn in a warehouse in Gdansk, the fire department said. It killed 6 people.",
     {("killed", 6, 6, OWN)}),
    ("Police said 5 men were arrested in Leeds. It was the second raid this month, "
     "and the council said 3 tenants were displaced.",
     {("arrested", 5, 5, "Police"), ("displaced", 3, 3, "council")}),
    ("Médecins Sans Frontières said its clinic in Khartoum had treated 70 wounded people. "
     "The charity added that 9 of them had died.",
     {("injured", 70, 70, "Médecins Sans Frontières"), ("killed", 9, 9, "Médecins Sans Frontières")}),
    ("The mayor said 3 people died in the flood. He added that 200 houses were damaged and 40 families were homeless.",
     {("killed", 3, 3, "mayor"), ("other", 200, 200, "mayor"), ("displaced", 40, 40, "mayor")}),
    ("Save the Children said 1,400 children had been displaced by the fighting. It said at least 14 children were killed.",
     {("displaced", 1400, 1400, "Save the Children"), ("killed", 14, None, "Save the Children")}),
    ("A spokeswoman for the coast guard, Maria Olsen, said 14 people were rescued. She said 2 people were still missing.",
     {("other", 14, 14, "Maria Olsen"), ("missing", 2, 2, "Maria Olsen")}),
    ("Thirty migrants drowned off the Libyan coast, the IOM said. The UN agency also said 120 were rescued.",
     {("killed", 30, 30, "IOM"), ("other", 120, 120, "IOM")}),
    ("The Nepal Army said 16 climbers had been rescued. Its spokesman said 4 were still missing.",
     {("other", 16, 16, "Nepal Army"), ("missing", 4, 4, "Nepal Army")}),
    ("AFP counted 28 bodies at the morgue in Bukavu. The agency's correspondent said 10 more were brought in later.",
     {("killed", 28, 28, "AFP"), ("other", 10, 10, "AFP")}),
    ("Channel 4 News reported that 15 protesters had been detained. The broadcaster also said 2 journalists were beaten.",
     {("arrested", 15, 15, "Channel 4 News"), ("other", 2, 2, "Channel 4 News")}),
    ("The Ministry of Health said 17 patients had died. According to it, 230 were still in hospital.",
     {("killed", 17, 17, "Ministry of Health"), ("hospitalized", 230, 230, "Ministry of Health")}),
    ("The Defence Ministry said 5 soldiers were killed, and the Health Ministry said 40 civilians were wounded. "
     "The ministry later said 6 of the wounded had died.",
     {("killed", 5, 5, "Defence Ministry"), ("injured", 40, 40, "Health Ministry"), ("killed", 6, 6, "Health Ministry")}),
    # trap: "it" after a person is no source ("It was the worst storm")
    ("Mayor Ana Ruiz said 12 homes were flooded. It was the worst storm in decades, and 2 people died.",
     {("other", 12, 12, "Ana Ruiz"), ("killed", 2, 2, OWN)}),
]

# a back-reference in the next sentence gives its source; a sentence that merely follows one
# with a speaker does not
FALSE_BACKREF = [
    ("Eleven people drowned when a ferry capsized on Lake Kivu. The provincial governor said 30 passengers "
     "were still missing.",
     {("killed", 11, 11, OWN), ("missing", 30, 30, "provincial governor")}),
    ("Four miners were killed in a methane blast in Silesia. This was confirmed by the mine operator JSW.",
     {("killed", 4, 4, "JSW")}),
    ("Seven people were arrested at the stadium in Thessaloniki. That was announced by the Hellenic Police on Sunday.",
     {("arrested", 7, 7, "Hellenic Police")}),
    ("At least 12 people were hurt in a crush at the concert in Seoul. The organisers said so in a statement.",
     {("injured", 12, None, "organisers")}),
    ("Twenty people were arrested in Valencia after the match. Spanish police confirmed this on Monday.",
     {("arrested", 20, 20, "police")}),
    ("The death toll from the earthquake in Herat rose to 63. That figure comes from the provincial health department.",
     {("killed", 63, 63, "provincial health department")}),
    # traps
    ("Nine villagers were abducted by gunmen in Zamfara State. Police said they had launched a search.",
     {("kidnapped", 9, 9, OWN)}),
    ("Two officers were wounded in the raid on the house. A neighbour said she heard shots for 10 minutes.",
     {("injured", 2, 2, OWN)}),
    ("Three protesters died in the clashes in Nairobi. Amnesty International said it was investigating the deaths.",
     {("killed", 3, 3, OWN)}),
    ("Six workers were killed in the explosion at the refinery in Gujarat. "
     "The company said production would resume next week.",
     {("killed", 6, 6, OWN)}),
    ("Five children were injured when a school roof collapsed in Kano. "
     "The state government said 40 classrooms would be inspected.",
     {("injured", 5, 5, OWN), ("other", 40, 40, "state government")}),
    ("Police arrested 31 people at the rally in Tbilisi. The interior ministry later confirmed the figure.",
     {("arrested", 31, 31, "interior ministry")}),
    ("Forty people were injured in the blast. That account was given by a hospital spokesman, Ali Rahimi.",
     {("injured", 40, 40, "Ali Rahimi")}),
    ("Five people were killed in the crash. The figures were released by the regional traffic police.",
     {("killed", 5, 5, "regional traffic police")}),
    # traps: a denial is no back-reference; a quote in the next sentence is about its own words
    ("At least 9 people died in the stampede. Officials have not confirmed the toll.",
     {("killed", 9, None, OWN)}),
    ('A landslide buried 20 homes and left 7 people missing. "We are still searching," a rescuer told AFP.',
     {("other", 20, 20, OWN), ("missing", 7, 7, OWN)}),
    ("The floods have displaced 12,000 people, the provincial government said on Monday. On Tuesday, 3 more people died.",
     {("displaced", 12000, 12000, "provincial government"), ("killed", 3, 3, OWN)}),
    # traps: "said that" with a clause of its own reports that clause, not the sentence before
    ("One man was killed and 4 were hurt in the shooting. Witnesses said that an argument had started inside the bar.",
     {("killed", 1, 1, OWN), ("injured", 4, 4, OWN)}),
    ("Two soldiers died in the ambush. The ministry said it would send more troops.",
     {("killed", 2, 2, OWN)}),
]

# a report of a report: the source is the first link (the chain is checked below)
NESTED_REPORT = [
    ("Reuters, citing two security sources, said 8 soldiers were killed near Gao.",
     {("killed", 8, 8, "Reuters")}),
    ("The BBC quoted a hospital director as saying 27 people had been admitted overnight.",
     {("hospitalized", 27, 27, "BBC")}),
    ("According to the Tass news agency, which cited the Emergencies Ministry, 5 people died in the fire.",
     {("killed", 5, 5, "Tass news agency")}),
    ("A police source told Agence France-Presse that 16 suspects had been arrested in Marseille.",
     {("arrested", 16, 16, "Agence France-Presse")}),
    ("Human Rights Watch said witnesses had told its researchers that 30 villagers were killed.",
     {("killed", 30, 30, "Human Rights Watch")}),
    ("The mayor of Kharkiv, quoted by the Kyiv Independent, said 4 people were missing after the strike.",
     {("missing", 4, 4, "Kyiv Independent")}),
    ("Al Arabiya reported, quoting medical sources, that 19 people had been wounded in the shelling.",
     {("injured", 19, 19, "Al Arabiya")}),
    ("State television said the provincial health bureau had reported 11 deaths.",
     {("killed", 11, 11, "State television")}),
    ("The governor noted that the fire service had said 6 people died in the blaze.",
     {("killed", 6, 6, "governor")}),
    ("Xinhua, quoting local officials, said 23 miners were trapped and 4 were dead.",
     {("other", 23, 23, "Xinhua"), ("killed", 4, 4, "Xinhua")}),
    # trap: a figure that counts the speakers is no claim
    ("According to three officials, 6 people were killed in the ambush.",
     {("killed", 6, 6, "three officials")}),
    ("Local officials, quoted by the state news agency, said 18 people had died.",
     {("killed", 18, 18, "state news agency")}),
    ("According to the newspaper Le Monde, which cited police sources, 60 people were arrested in Lyon.",
     {("arrested", 60, 60, "Le Monde")}),
    ("The Kurdish news agency Rudaw, citing a local official, said 4 people were kidnapped near Duhok.",
     {("kidnapped", 4, 4, "Rudaw")}),
    ("The state broadcaster reported that 11 people were killed, citing the provincial governor.",
     {("killed", 11, 11, "state broadcaster")}),
    ("The regional police chief, Oleg Sidorov, told Interfax that 3 officers had been wounded.",
     {("injured", 3, 3, "Interfax")}),
]

NESTED_CHAINS = {
    "The state broadcaster reported that 11 people were killed, citing the provincial governor.":
        ["state broadcaster", "provincial governor"],
    "The regional police chief, Oleg Sidorov, told Interfax that 3 officers had been wounded.": ["Interfax", "Oleg Sidorov"],
    "Local officials, quoted by the state news agency, said 18 people had died.": ["state news agency", "Local officials"],
    "According to the newspaper Le Monde, which cited police sources, 60 people were arrested in Lyon.":
        ["Le Monde", "police sources"],
    NESTED_REPORT[0][0]: ["Reuters", "two security sources"],
    NESTED_REPORT[1][0]: ["BBC", "hospital director"],
    NESTED_REPORT[2][0]: ["Tass news agency", "Emergencies Ministry"],
    NESTED_REPORT[3][0]: ["Agence France-Presse", "police source"],
    NESTED_REPORT[4][0]: ["Human Rights Watch", "witnesses"],
    NESTED_REPORT[5][0]: ["Kyiv Independent", "mayor of Kharkiv"],
    NESTED_REPORT[6][0]: ["Al Arabiya", "medical sources"],
    NESTED_REPORT[7][0]: ["State television", "provincial health bureau"],
    NESTED_REPORT[8][0]: ["governor", "fire service"],
    NESTED_REPORT[9][0]: ["Xinhua", "local officials"],
}

# the speaker before, after, inside or one sentence away from a quote, in any typography
QUOTE_STRUCTURES = [
    ('"We have counted 43 bodies so far," said Colonel Ramón Vidal, who has directed the search for 9 days.',
     {("killed", 43, 43, "Ramón Vidal")}),
    ("«Eight people are dead,» the mayor of Nice told reporters on Friday.",
     {("killed", 8, 8, "mayor of Nice")}),
    ('Dr Samir Haddad told the BBC: "We received 52 wounded people overnight."',
     {("injured", 52, 52, "Samir Haddad")}),
    ("'We lost 5 men,' Captain Ola Berg said, 'and 9 more are wounded.'",
     {("other", 5, 5, "Ola Berg"), ("injured", 9, 9, "Ola Berg")}),
    ("“We have arrested 6 men.\n\n“Two of them are minors,” said Inspector Joy Okafor of the Lagos police.",
     {("arrested", 6, 6, "Joy Okafor"), ("arrested", 2, 2, "Joy Okafor")}),
    ("“Twenty-two bodies,” said the coroner, Ann Price, “have been identified so far.”",
     {("killed", 22, 22, "Ann Price")}),
    ("'Nobody died,' the factory owner said, adding that 4 workers were burned.",
     {("injured", 4, 4, "factory owner")}),
    ('The interior minister put it plainly: "Fourteen rioters are in custody and 3 police officers are in hospital."',
     {("arrested", 14, 14, "interior minister"), ("hospitalized", 3, 3, "interior minister")}),
    ('"At least 70 people were arrested." That was the account of a lawyer for the protesters, Zeynep Kaya.',
     {("arrested", 70, None, "Zeynep Kaya")}),
    ('"Our volunteers found 13 survivors in the rubble," a rescue worker said. "Another 40 are missing."',
     {("other", 13, 13, "rescue worker"), ("missing", 40, 40, "rescue worker")}),
    # trap: a denial quoted, and a figure of someone else's after it
    ("“Nobody was abducted,” the army insisted, though villagers said 12 girls had been abducted from the school.",
     {("kidnapped", 12, 12, "villagers")}),
    ("“Eleven bodies have been recovered,” the regional governor, Adel Karimi, said in a televised address.",
     {("killed", 11, 11, "Adel Karimi")}),
    ('"Six of the injured are in critical condition," said Sara Lind, a spokeswoman for the hospital.',
     {("injured", 6, 6, "Sara Lind")}),
    ("‘We have detained 25 people,’ said Deputy Commissioner Ravi Menon.",
     {("arrested", 25, 25, "Ravi Menon")}),
    ('The head of the rescue team, speaking on local radio, said: "We pulled 8 people out alive."',
     {("other", 8, 8, "head of the rescue team")}),
]

# verbs and phrases of saying, promising, observing and counting, and where they stand
CUE_VARIANTS = [
    ("As per the fire service, 7 people died in the blaze at the market in Kumasi.",
     {("killed", 7, 7, "fire service")}),
    ("The coast guard tallied 31 migrants rescued and 5 missing after the dinghy sank off Crete.",
     {("other", 31, 31, "coast guard"), ("missing", 5, 5, "coast guard")}),
    ("Seventeen people were detained during the march, the organisers pointed out in a statement.",
     {("arrested", 17, 17, "organisers")}),
    ("The Interior Ministry acknowledged on Monday that 3 detainees had died in custody in Cairo.",
     {("killed", 3, 3, "Interior Ministry")}),
    ("The Lebanese Red Cross put the number of wounded at 120.",
     {("injured", 120, 120, "Lebanese Red Cross")}),
    ("A spokeswoman for the regional police, Hanna Lind, confirmed to reporters that 2 officers had been injured.",
     {("injured", 2, 2, "Hanna Lind")}),
    ("The health minister conceded that at least 60 patients had died of the infection.",
     {("killed", 60, None, "health minister")}),
    ("Eight soldiers were killed in the attack, the army disclosed on Thursday.",
     {("killed", 8, 8, "army")}),
    ("Per local media reports, 12 fishermen remain missing off the coast of Kerala.",
     {("missing", 12, 12, "local media")}),
    ("Fire chief Mark Doyle observed that 9 residents were rescued from the roof and 2 died.",
     {("other", 9, 9, "Mark Doyle"), ("killed", 2, 2, "Mark Doyle")}),
    ("A survey by the Norwegian Refugee Council found that 40,000 people had fled their homes in the region.",
     {("displaced", 40000, 40000, "Norwegian Refugee Council")}),
    ("The World Health Organization warned that 250 people had died of cholera in Sudan since August.",
     {("killed", 250, 250, "World Health Organization")}),
    ("Eleven protesters were arrested on Saturday, police tweeted.",
     {("arrested", 11, 11, "police")}),
    ("Senate Majority Leader Dana Whitfield said 40 senators would vote for the bill.",
     {("other", 40, 40, "Dana Whitfield")}),
    ("Speaking to reporters on Sunday, the minister said 30 soldiers had been wounded.",
     {("injured", 30, 30, "minister")}),
    ("The operation left 7 suspects dead, the interior minister told parliament.",
     {("killed", 7, 7, "interior minister")}),
    ("The opposition claimed 50 protesters had been detained; the government put the figure at 12.",
     {("arrested", 50, 50, "opposition"), ("arrested", 12, 12, "government")}),
    ("Organisers estimated the crowd at 20,000, while police said 8,000 people took part.",
     {("participants", 20000, 20000, "Organisers"), ("participants", 8000, 8000, "police")}),
    ("The governor wrote on Telegram that 6 people had been killed in the shelling.",
     {("killed", 6, 6, "governor")}),
    ("In a post on X, the regional administration said 14 people were injured.",
     {("injured", 14, 14, "regional administration")}),
    ("The health ministry's figures show 312 deaths since the outbreak began.",
     {("killed", 312, 312, "health ministry")}),
    ("The interior minister briefed reporters that 48 people had been detained.",
     {("arrested", 48, 48, "interior minister")}),
    ("The coroner testified that 2 of the victims had died instantly.",
     {("killed", 2, 2, "coroner")}),
    ("The commander vowed that 500 more troops would be deployed to the region.",
     {("deployed", 500, 500, "commander")}),
    ("The prefect disclosed at a news conference that 26 people had been arrested.",
     {("arrested", 26, 26, "prefect")}),
    ("The death toll, according to the civil defence, has reached 73.",
     {("killed", 73, 73, "civil defence")}),
    ("Officials put the number of missing at 15.",
     {("missing", 15, 15, "Officials")}),
    # trap: whom one tells at a news conference is no outlet
    ("Hospital director Dr Layla Nasser told a news conference that 61 wounded people had been admitted.",
     {("hospitalized", 61, 61, "Layla Nasser")}),
]

# dated figures: each figure keeps the source of its own clause, whatever its date
TEMPORAL = [
    ("Police said on Monday that 6 people were arrested on Friday.",
     {("arrested", 6, 6, "Police")}),
    ("By Wednesday the toll had risen to 27, the disaster agency said.",
     {("killed", 27, 27, "disaster agency")}),
    ("Last month 80 people were displaced by the floods in Jakarta, the city administration said; "
     "this month the figure is 1,200.",
     {("displaced", 80, 80, "city administration"), ("displaced", 1200, 1200, "city administration")}),
    ("Rescuers have searched for 72 hours, and 19 climbers are still missing, the mountain police said on Sunday.",
     {("missing", 19, 19, "mountain police")}),
    ("Since January 1, 46 journalists have been killed worldwide, the Committee to Protect Journalists said.",
     {("killed", 46, 46, "Committee to Protect Journalists")}),
    ("In the first week of the strike, 300 workers joined the picket lines, the union said; by Friday, 1,100 had joined.",
     {("participants", 300, 300, "union"), ("participants", 1100, 1100, "union")}),
    ("The hospital said on Tuesday that 12 patients admitted on Sunday were still in intensive care.",
     {("hospitalized", 12, 12, "hospital")}),
    ("Two years after the bombing, 5 people remain missing, the families' association said.",
     {("missing", 5, 5, "families' association")}),
    ("Four people were reported missing on Monday. On Thursday the coast guard said the number had reached 9.",
     {("missing", 4, 4, OWN), ("missing", 9, 9, "coast guard")}),
    ("On 3 March 2023, 14 activists were detained in Minsk, their lawyer said; all were freed on 9 March.",
     {("arrested", 14, 14, "lawyer")}),
    ("The Health Ministry announced on Friday that 23 people had died in the hospital fire. "
     "On Saturday the ministry raised the toll to 31.",
     {("killed", 23, 23, "Health Ministry"), ("killed", 31, 31, "Health Ministry")}),
    ("The Red Cross recorded 1,800 deaths from cholera this year, up from 900 last year.",
     {("killed", 1800, 1800, "Red Cross"), ("killed", 900, 900, "Red Cross")}),
    ("Health authorities confirmed 42 new deaths on Thursday, bringing the total to 1,310.",
     {("killed", 42, 42, "Health authorities"), ("killed", 1310, 1310, "Health authorities")}),
]

# one person counted, with the source that reports it
INDIVIDUALS = [
    ("A 34-year-old woman was stabbed to death in Rotterdam on Sunday, Dutch police said.",
     {("killed", 1, 1, "police")}),
    ("Police said a suspect was arrested at a motel in Fresno after a two-day manhunt.",
     {("arrested", 1, 1, "Police")}),
    ("A firefighter was badly hurt fighting the blaze, the fire brigade said. The firefighter is in a stable condition.",
     {("injured", 1, 1, "fire brigade")}),
    ("The army said a soldier was killed by a roadside bomb in Kirkuk province. A second soldier was wounded, it said.",
     {("killed", 1, 1, "army"), ("injured", 1, 1, "army")}),
    ("Prosecutors said an accountant was arrested at Frankfurt airport on Monday.",
     {("arrested", 1, 1, "Prosecutors")}),
    ("A nurse was kidnapped from a clinic in Port-au-Prince on Thursday, her employer said.",
     {("kidnapped", 1, 1, "employer")}),
    ("The rescue service said a hiker was found dead below the ridge on Saturday.",
     {("killed", 1, 1, "rescue service")}),
    ("A police officer was shot and wounded in Chicago, the department said. "
     "The officer, a 12-year veteran, is expected to survive.",
     {("injured", 1, 1, "department")}),
    # traps: questioned, sought
    ("Gardaí said a man in his 30s is being questioned about the assault and has not been charged.", set()),
    ("Police are looking for a man who fled the scene, the sheriff's office said.", set()),
    ("A soldier was killed and 3 were wounded in an ambush near Mopti, the army said.",
     {("killed", 1, 1, "army"), ("injured", 3, 3, "army")}),
    ("An 18-year-old man was arrested on suspicion of murder, Merseyside Police said.",
     {("arrested", 1, 1, "Merseyside Police")}),
    ("A man was arrested after a woman was stabbed in Leeds, West Yorkshire Police said. She was taken to hospital.",
     {("arrested", 1, 1, "West Yorkshire Police"), ("injured", 1, 1, "West Yorkshire Police")}),
    ("The victim, a 52-year-old shopkeeper, died at the scene, according to the Karachi police.",
     {("killed", 1, 1, "Karachi police")}),
    ("A journalist was abducted in Mogadishu on Monday, her newspaper said.",
     {("kidnapped", 1, 1, "newspaper")}),
    ("The sheriff said one inmate was killed and another was injured in the fight.",
     {("killed", 1, 1, "sheriff"), ("injured", 1, 1, "sheriff")}),
    ("A firefighter died battling the blaze, the county fire chief, Ray Owens, said.",
     {("killed", 1, 1, "Ray Owens")}),
    # trap: the sentence before a speaker's sentence is the report's own
    ("A teenager was shot dead in Malmö on Sunday. Police said the 17-year-old was hit several times.",
     {("killed", 1, 1, OWN)}),
]

TABLE = [(phenomenon, text, expected) for phenomenon, rows in (
    ("org-pronoun", ORG_PRONOUN), ("false-backref", FALSE_BACKREF), ("nested-report", NESTED_REPORT),
    ("quote-structures", QUOTE_STRUCTURES), ("cue-variants", CUE_VARIANTS), ("temporal", TEMPORAL),
    ("individuals", INDIVIDUALS)) for text, expected in rows]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """Every text of the table through one run of `claimtrack extract --format jsonl -`."""
    texts = sorted({text for _, text, _ in TABLE})
    ids = {text: f"v{n}" for n, text in enumerate(texts)}
    payload = "".join(json.dumps({"id": ids[t], "text": t}, ensure_ascii=False) + "\n" for t in texts)
    proc = subprocess.run([sys.executable, "-m", "claimtrack", "extract", "--format", "jsonl", "-"],
                          input=payload.encode("utf-8"), capture_output=True,
                          cwd=tmp_path_factory.mktemp("variants"), timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    claims: dict[str, list[dict]] = {ids[t]: [] for t in texts}
    for line in proc.stdout.decode("utf-8").splitlines():
        claim = json.loads(line)
        claims[claim["report"]].append(claim)
    return {text: claims[ids[text]] for text in texts}


@pytest.mark.parametrize("phenomenon, text, expected", TABLE,
                         ids=[f"{p}-{n}" for n, (p, _, _) in enumerate(TABLE)])
def test_each_figure_has_its_source(extracted, phenomenon, text, expected):
    got = {(c["metric"], c["low"], c["high"], c["source"]) for c in extracted[text] if not c.get("derived")}
    assert got == expected
    assert len([c for c in extracted[text] if not c.get("derived")]) == len(expected)  # no figure twice


@pytest.mark.parametrize("text, chain", list(NESTED_CHAINS.items()))
def test_a_report_of_a_report_is_a_chain_outward(extracted, text, chain):
    chains = {tuple(link["name"] for link in c["chain"]) for c in extracted[text]}
    assert chains == {tuple(chain)}
    assert {c["origin"] for c in extracted[text]} == {chain[-1]}


def test_the_report_itself_has_no_source_kind_of_a_speaker(extracted):
    own = [c for _, text, expected in TABLE if (None in {e[3] for e in expected})
           for c in extracted[text] if c["source"] is None]
    assert own and all(c["source_kind"] in ("outlet", "unattributed") for c in own)
