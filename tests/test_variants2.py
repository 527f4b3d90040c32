"""A second hand's variants of the 25 challenge phenomena, in texts written for this file.

``tests/test_variants.py`` holds short one-sentence variants. These are written the other way a
reporter writes: longer reports of five to eight sentences with a figure in most of them and
later sentences that revise or restate earlier ones; other domains (floods, earthquakes, fires,
collapsed buildings, mine accidents, stampedes, epidemics, migrant boats, prison riots, air
strikes, strikes and protests); other Englishes (Indian, Nigerian, Australian, British wire
style); numbers in many forms; parentheses and dashes; speech carried across sentences; and
traps (money, ages, dates, scores, shares, records, vehicles, buildings, road numbers).

Every text runs through the real CLI, ``claimtrack extract -f jsonl`` on one JSON-lines file,
and must give exactly the expected set of ``(metric, low, high, source)``: claims of metric
``other`` and derived tallies are left out (they are neutral in the evaluation). ``metric`` may
be a tuple of accepted metrics (a wounded group taken to hospital is ``hospitalized``, with
``injured`` accepted too). ``source`` is ``None`` for the report itself; a string must be the
claim's source, its origin or a link of its chain, or run as whole words inside one of them,
compared case-insensitively; a tuple lists accepted spellings (``None`` among them accepts the
report itself, as when an acting subject arrests with no speech verb).

Expected claims follow SPEC §2-§5 and the conventions of the evaluation README, not what the
code happens to do.
"""
from __future__ import annotations

import pytest
from claim_tables import cases_of, extract_all, params, unmatched

U = None  # the report itself
INF = None  # no upper bound
HOSP = ("hospitalized", "injured")  # a wounded group taken to hospital

VARIANTS: dict[str, list[tuple[str, list[tuple]]]] = {
    "relative-clause": [
        ("Floodwaters that rose overnight after three days of rain have driven 4,500 people "
         "from their homes in Sylhet, district officials said. At least 11 people, most of whom "
         "were children playing near the embankment, drowned.",
         [("displaced", 4500, 4500, "district officials"), ("killed", 11, INF, U)]),
        ("The coastguard plucked 23 passengers from the capsized boat off Lampedusa. Eight "
         "others, whose bodies were recovered later in the day, had died.",
         [("killed", 8, 8, U)]),
        ("A tremor which struck the hill district before dawn flattened 60 houses and killed 14 "
         "villagers who had been asleep, the state disaster agency said.",
         [("killed", 14, 14, "state disaster agency")]),
        ("Nine labourers whom the contractor had hired only a week earlier were trapped when "
         "the half-built tower came down in Lagos, the emergency agency said.",
         []),
        ("The 31 workers that rescuers reached on Tuesday were taken to hospital in Zonguldak.",
         [("hospitalized", 31, 31, U)]),
        ("Residents of the estate, where 3 blocks of flats stand empty, said 2 people who had "
         "been squatting there were hurt in the fire.",
         [("injured", 2, 2, "residents")]),
        ("A nurse who treated patients during the outbreak said 27 people, some of whom had "
         "travelled from the coast, had died of cholera in the camp.",
         [("killed", 27, 27, "nurse")]),
        ("A doctor who worked at the camp told reporters that 14 children had died "
         "overnight.",
         [("killed", 14, 14, "doctor")]),
        ("Thirteen miners who had been cutting coal on the deepest level when the shaft flooded remain "
         "unaccounted for, the company said on Thursday.",
         [("missing", 13, 13, "company")]),
    ],
    "aside": [
        ("Eleven pilgrims (nine of them women) were crushed to death in the stampede at the "
         "temple gate, the district collector said.",
         [("killed", 11, 11, "district collector"), ("killed", 9, 9, "district collector")]),
        ("The prison riot left 7 inmates dead — two of them stabbed by fellow prisoners — "
         "and 15 guards injured, the corrections department said.",
         [("killed", 7, 7, "corrections department"), ("killed", 2, 2, "corrections department"),
          ("injured", 15, 15, "corrections department")]),
        ("Nine people died in the clashes, three of them shot by police, the rights group "
         "said.",
         [("killed", 9, 9, "rights group"), ("killed", 3, 3, "rights group")]),
        ("Some 40 miners (the whole night shift) were brought to the surface, and 3, all "
         "from the same village, were killed, the mine operator said.",
         [("killed", 3, 3, "mine operator")]),
        ("About 200 villagers were moved to a school, and 14, most of them elderly, died of "
         "the cold.",  # (a group moved to a place of refuge is displaced: test_variants6.py)
         [("displaced", 180, 220, U), ("killed", 14, 14, U)]),
        ("Some 300 workers were inside the factory, and 23 were killed when the roof fell.",
         [("killed", 23, 23, U)]),
        ("Thirty-two passengers - most of them returning from a wedding - were injured when "
         "the bus rolled down a ravine near Shimla, police said.",
         [("injured", 32, 32, "police")]),
        ("The factory fire killed 17 workers, the youngest 16 and the oldest 58, the labour "
         "ministry said.",
         [("killed", 17, 17, "labour ministry")]),
        ("Five fishermen, all from the same family, drowned off Kollam (the sea was rough "
         "all week), the coastal police said.",
         [("killed", 5, 5, "coastal police")]),
        ("Twenty-six students, aged between 12 and 15, were taken to hospital after "
         "eating a school lunch in Bihar.",
         [("hospitalized", 26, 26, U)]),
        ("At least 9 protesters — police put the figure at 4 — were wounded by rubber "
         "bullets in the capital.",
         [("injured", 9, INF, U), ("injured", 4, 4, "police")]),
    ],
    "coordination": [
        ("The landslide buried 12 houses and killed 8 villagers and 2 rescue workers in the "
         "Kaski district on Sunday. Another 19 people were injured.",
         [("killed", 8, 8, U), ("killed", 2, 2, U), ("injured", 19, 19, U)]),
        ("Troops killed 14 insurgents and arrested 6 others in a raid near Maiduguri, the "
         "army said, and 3 soldiers were wounded.",
         [("killed", 14, 14, "army"), ("arrested", 6, 6, "army"), ("injured", 3, 3, "army")]),
        ("The quake killed 61 people and injured more than 400, while 2,300 families lost "
         "their homes, the disaster management authority said.",
         [("killed", 61, 61, "disaster management authority"),
          ("injured", 401, INF, "disaster management authority"),
          ("displaced", 2300, 2300, "disaster management authority")]),
        ("Either 5 or 6 people died in the fire, and a firefighter and two residents were "
         "taken to hospital.",
         [("killed", 5, 6, U), ("hospitalized", 2, 2, U)]),
        ("Striking dockers and their families, some 8,000 in all, marched on the port "
         "authority on Monday, and police detained 40.",
         [("participants", 7200, 8800, U), ("arrested", 40, 40, U)]),
        ("Two guards and an inmate died and 11 prisoners escaped during the riot.",
         [("killed", 2, 2, U), ("killed", 1, 1, U)]),
        ("The air strike killed a mother and her three children and wounded 9 neighbours, "
         "the civil defence said.",
         [("killed", 1, 1, "civil defence"), ("killed", 3, 3, "civil defence"),
          ("injured", 9, 9, "civil defence")]),
        # gapped clauses and objects: the verb of the first serves the second
        ("Twelve people were killed in Kabul and 5 in Jalalabad, the interior ministry said.",
         [("killed", 12, 12, "interior ministry"), ("killed", 5, 5, "interior ministry")]),
        ("Police arrested 40 protesters on Friday and another 25 on Saturday.",
         [("arrested", 40, 40, U), ("arrested", 25, 25, U)]),
        ("The attackers killed 9 soldiers, wounded 14 and abducted 3 others.",
         [("killed", 9, 9, U), ("injured", 14, 14, U), ("kidnapped", 3, 3, U)]),
        ("Between 300 and 350 nurses went on strike and about 1,000 supporters rallied outside "
         "the health department.",
         [("participants", 300, 350, U), ("participants", 900, 1100, U)]),
    ],
    "partitive": [
        ("Forty migrants were aboard the dinghy when it sank off Libya; 12 of them were "
         "rescued and 28 are missing, the IOM said.",
         [("missing", 28, 28, "IOM")]),
        ("Of the 300 workers in the garment factory, at least 70 were injured and 9 died, "
         "the fire service said.",
         [("injured", 70, INF, "fire service"), ("killed", 9, 9, "fire service")]),
        ("None of the 45 people on the ferry were hurt, the port authority said.",
         []),
        ("Nearly half of the 60 people arrested on Friday have been released, police said.",
         [("arrested", 60, 60, "police")]),
        ("Police detained 120 people; most of them were freed within hours and 14 were "
         "charged.",
         [("arrested", 120, 120, U)]),
        ("Three of the injured firefighters remain in intensive care, the brigade said.",
         [("injured", 3, 3, "brigade")]),
        ("Of those killed, 6 were police officers and the rest were civilians, the "
         "governor's office said.",
         [("killed", 6, 6, "governor's office")]),
        ("Among the injured, 4 are children, the district hospital said.",
         [("injured", 4, 4, "district hospital")]),
        ("Of the 40 people hurt in the blast, 12 remain in hospital.",
         [("injured", 40, 40, U), ("hospitalized", 12, 12, U)]),
        # a part of the group the sentence before counted, named by a copula
        ("Police held 9 men after the clashes in Jos. Two of them are brothers.",
         [("arrested", 9, 9, U), ("arrested", 2, 2, U)]),
        ("Rebels freed 12 hostages on Sunday. Four of them were foreigners, the army said.",
         [("released", 12, 12, U), ("released", 4, 4, "army")]),
        ("Of the 200 nurses on strike, 30 were arrested on Friday.",
         [("arrested", 30, 30, U)]),
        ("Two of the 5 hostages freed on Sunday were Australian nationals, DFAT said.",
         [("released", 5, 5, "DFAT"), ("released", 2, 2, "DFAT")]),
    ],
    "negation": [
        ("Nobody was injured when the roof of the Ballarat railway station caved in on "
         "Tuesday, but 14 trains were cancelled.",
         []),
        ("The tremor shook buildings across Christchurch, but there were no reports of "
         "casualties, emergency services said.",
         []),
        ("Police said they had not arrested anyone over the riot, in which 8 officers were "
         "injured.",
         [("injured", 8, 8, "police")]),
        ("Not a single death has been reported from the outbreak, although 212 people have "
         "been admitted to hospital, the state health department said.",
         [("hospitalized", 212, 212, "state health department")]),
        ("None of the miners were killed, officials said, and all 44 were brought out "
         "alive.",
         []),
        ("The strike passed off peacefully and no arrests were made, though about 5,000 "
         "teachers marched in Accra.",
         [("participants", 4500, 5500, U)]),
        ("Officials denied that 30 people had died in the crush, saying only 4 had been "
         "injured.",
         [("injured", 4, 4, "officials")]),
        ("None of the 300 passengers was hurt, though 2 crew members were treated for smoke "
         "inhalation.",
         [("injured", 2, 2, U)]),
        ("No deaths were reported, but 45 homes were flattened and 6 people suffered minor "
         "injuries.",
         [("injured", 6, 6, U)]),
        ("Nobody died in the stampede, but 32 pilgrims were injured, 5 of them critically.",
         [("injured", 32, 32, U), ("injured", 5, 5, U)]),
        ("No one has been killed in the fighting so far, the UN said, but 12,000 people "
         "have fled their homes.",
         [("displaced", 12000, 12000, "UN")]),
    ],
    "modality": [
        ("The dam could burst within days and flood villages home to up to 40,000 people, "
         "engineers warned.",
         []),
        ("Health officials fear the death toll from the heatwave may rise to 150.",
         [("killed", 150, 150, "health officials")]),
        ("Authorities plan to evacuate 25,000 residents ahead of the cyclone, the chief "
         "minister said. So far 3,000 people have been moved to shelters.",
         [("displaced", 3000, 3000, U)]),
        ("Police have issued warrants for the arrest of 11 people over the stampede.",
         []),
        ("The union has threatened to bring 20,000 workers out on strike next week.",
         []),
        ("As many as 300 people may have been killed in the air strikes, a rights group "
         "said.",
         [("killed", 0, 300, "rights group")]),
        ("Officials said as many as 18 people might still be missing under the rubble.",
         [("missing", 0, 18, "officials")]),
        ("The government has promised to release 500 prisoners by the end of the month.",
         []),
        # a modal keeps the claim, hedged
        ("Up to 2,000 people could be forced from their homes if the levee fails, officials "
         "warned.",
         [("displaced", 0, 2000, "officials")]),
        ("The WHO warned that the outbreak could kill 10,000 people by the end of the year.",
         [("killed", 10000, 10000, "WHO")]),
    ],
    "split-cue": [
        ("At least 23 people, the fire service said on Sunday, were killed when a blaze tore "
         "through a market in Onitsha.",
         [("killed", 23, INF, "fire service")]),
        ("More than 1,200 people, according to the state emergency service, were evacuated "
         "from low-lying suburbs of Lismore.",
         [("displaced", 1201, INF, "state emergency service")]),
        ("Fifteen inmates, the prisons department confirmed in a statement, were "
         "recaptured after the jailbreak.",
         [("arrested", 15, 15, "prisons department")]),
        ("The number of dead, the health ministry said late on Friday, had risen to 72.",
         [("killed", 72, 72, "health ministry")]),
        ("Twelve police officers were, the interior minister told parliament, injured "
         "in clashes.",
         [("injured", 12, 12, "interior minister")]),
        ("About 80 students, a spokesman for the university said, had been detained.",
         [("arrested", 72, 88, "spokesman")]),
        ("Seven climbers were, the rescue service said, still missing.",
         [("missing", 7, 7, "rescue service")]),
        ("Twenty-one people were, police said, arrested.",
         [("arrested", 21, 21, "police")]),
        ("Thirty students have, the university confirmed, been detained since Monday.",
         [("arrested", 30, 30, "university")]),
        ("Two officers had, a police source said, been shot dead.",
         [("killed", 2, 2, "police source")]),
        ("Nine of the protesters were, however, released without charge.",
         [("released", 9, 9, U)]),
    ],
    "headline-tense": [
        ("Floods kill 19 in Assam, displace 40,000",
         [("killed", 19, 19, U), ("displaced", 40000, 40000, U)]),
        ("Mine blast traps 30 in Shanxi",
         []),
        ("Police arrest 200 as farmers' protest turns violent",
         [("arrested", 200, 200, U)]),
        ("Stampede at Lagos stadium leaves 12 dead, scores hurt",
         [("killed", 12, 12, U), ("injured", 40, 99, U)]),
        ("Gunmen abduct 15 students in Kaduna",
         [("kidnapped", 15, 15, U)]),
        ("Air strike kills 8, wounds 20 in Idlib: monitor",
         [("killed", 8, 8, "monitor"), ("injured", 20, 20, "monitor")]),
        ("Thousands march in Melbourne over climate",
         [("participants", 2000, 9999, U)]),
        ("Hundreds rally in Accra over fuel prices",
         [("participants", 200, 999, U)]),
        ("Dozens hurt as stand collapses at Lahore stadium",
         [("injured", 24, 99, U)]),
        ("Building collapse: 6 feared dead, 11 rescued",
         [("killed", 6, 6, U)]),
    ],
    "number-words": [
        ("A dozen-odd villagers were injured when the elephant herd entered the settlement, "
         "forest officials said.",
         [("injured", 12, INF, "forest officials")]),
        ("Twenty-odd people were detained after the clashes in Leicester.",
         [("arrested", 20, INF, U)]),
        ("No fewer than 38 pilgrims died in the heat on the final day, the organisers said.",
         [("killed", 38, INF, "organisers")]),
        ("Upwards of 2,000 residents were evacuated from the coastal villages.",
         [("displaced", 2001, INF, U)]),
        ("One hundred and twelve miners were rescued, and four were found dead.",
         [("killed", 4, 4, U)]),
        ("A quarter of a million civilians fled the shelling, the UNHCR said.",
         [("displaced", 250000, 250000, "UNHCR")]),
        ("Close to two thousand nurses marched on parliament.",
         [("participants", 1800, 2000, U)]),
        # South Asian English scale words: a lakh is 100,000, a crore 10,000,000
        ("Nearly 1.2 lakh people have been shifted to relief camps in Assam, officials said.",
         [("displaced", 108000, 120000, "officials")]),
        ("Two lakh farmers marched to the state assembly on Thursday.",
         [("participants", 200000, 200000, U)]),
        ("The state announced Rs 4 lakh for the families of each of the 9 dead.",
         [("killed", 9, 9, "state")]),
        ("Those arrested include 3 journalists, the union said.",
         [("arrested", 3, 3, "union")]),
        # a scale word after a range's end scales both ends; a range written "3-4,000"
        ("Between 2 and 3 million people have fled the drought-hit region, the UN said.",
         [("displaced", 2000000, 3000000, "UN")]),
        ("Some 3-4,000 workers marched on the secretariat in Kolkata.",
         [("participants", 3000, 4000, U)]),
        ("Five to six hundred villagers were evacuated as the river breached its banks.",
         [("displaced", 500, 600, U)]),
        ("Forty-odd inmates escaped and 20-odd guards were hurt.",
         [("injured", 20, INF, U)]),
        ("The 14 dead included 5 children, the coroner said.",
         [("killed", 14, 14, "coroner"), ("killed", 5, 5, "coroner")]),
    ],
    "not-a-count": [
        ("The flood caused damage worth Rs 40 crore and killed 6 people in Kerala, the "
         "revenue minister said.",
         [("killed", 6, 6, "revenue minister")]),
        ("A man aged 74 died after the crash on the N2 near Durban, police said.",
         [("killed", 1, 1, "police")]),
        ("Unemployment rose to 11 per cent, and 2,400 workers marched in Johannesburg.",
         [("participants", 2400, 2400, U)]),
        ("The victims were a couple in their 70s and their grandson, 9, police said.",
         []),
        ("The A38 was closed for 5 hours after 3 people were hurt in a pile-up.",
         [("injured", 3, 3, U)]),
        ("The government has set aside $40 million to rebuild the 2,300 homes destroyed, and 12 "
         "people remain missing.",
         [("missing", 12, 12, U)]),
        ("The striker's 2 goals sealed a 3-1 win; afterwards 9 fans were hurt in a crush at the "
         "gate.",
         [("injured", 9, 9, U)]),
        ("A magnitude 6.4 quake struck at 3.25am local time, killing 14 people.",
         [("killed", 14, 14, U)]),
        ("The quake, measuring 7.1, damaged 4,000 homes and left 230 people injured.",
         [("injured", 230, 230, U)]),
        ("Each of the 6 victims received a R50,000 payout, the province said.",
         []),
        ("The temperature reached 47 degrees in Jacobabad, and 9 people died of heatstroke.",
         [("killed", 9, 9, U)]),
        ("The flood broke a record set in 1974, when 14 people drowned.",
         [("killed", 14, 14, U)]),
        ("Five teenagers aged 15 to 17 were arrested after the stabbing in Croydon.",
         [("arrested", 5, 5, U)]),
        ("Three men, aged 20, 22 and 25, died when their car left the A9.",
         [("killed", 3, 3, U)]),
        ("The 29-year-old mother of two was among 5 people injured in the crush.",
         [("injured", 5, 5, U)]),
        ("The army sent 3 battalions and some 400 troops to the border.",
         [("deployed", 360, 440, U)]),
        ("Lagos won 3-1 on penalties, and after the match 5 fans were arrested.",
         [("arrested", 5, 5, U)]),
    ],
    "word-sense": [
        ("The rally lost steam after 3 of its leaders quit.",
         []),
        ("The heat was killing business, 20 traders said.",
         []),
        ("Shares in the mining company plunged 30 per cent after 11 miners were killed.",
         [("killed", 11, 11, U)]),
        ("The minister's proposal was shot down by 40 lawmakers.",
         []),
        ("The reform was left for dead after 6 ministers resigned.",
         []),
        ("The prison held 900 inmates, and 40 of them escaped during the riot.",
         []),
        ("The stadium held 60,000 fans, and 3 people were crushed to death at the gate.",
         [("killed", 3, 3, U)]),
        ("The mine's output fell by 200 tonnes, and 14 miners were injured.",
         [("injured", 14, 14, U)]),
    ],
    "objects": [
        ("The fire destroyed 85 shanties and killed 4 people in Dharavi, fire officials said.",
         [("killed", 4, 4, "fire officials")]),
        ("The earthquake flattened 300 buildings and 12 schools in the province, the "
         "governor said.",
         []),
        ("Rioters torched 17 vehicles and police arrested 43 people.",
         [("arrested", 43, 43, U)]),
        ("The cyclone uprooted 2,000 trees and left 16 people dead.",
         [("killed", 16, 16, U)]),
        ("The boat was carrying 120 migrants and 3 tonnes of fuel when it capsized; 60 people "
         "were rescued.",
         []),
        ("The strike shut 400 schools and 30 hospitals across the state.",
         []),
        ("Divers brought up 3 survivors and 9 bodies from the sunken ferry.",
         [("killed", 9, 9, U)]),
        ("The storm felled 500 trees and 40 electricity poles and injured 6 people.",
         [("injured", 6, 6, U)]),
        # a state of no harm after the group: survivors are no count of a metric
        ("Rescuers pulled out 3 people alive, but 7 others, including a baby, were found dead.",
         [("killed", 7, 7, U)]),
        ("Nine passengers were rescued unhurt and 3 died when the minibus plunged into the river.",
         [("killed", 3, 3, U)]),
        ("All 17 hostages were freed unharmed when troops stormed the compound.",
         [("released", 17, 17, U)]),
        ("The collapse buried 7 cars and killed 2 pedestrians.",
         [("killed", 2, 2, U)]),
        ("The air strikes hit 9 targets and killed 30 fighters, the coalition said.",
         [("killed", 30, 30, "coalition")]),
    ],
    "noun-only-metric": [
        ("A crowd estimated at 15,000 filled the square in front of the parliament in "
         "Belgrade.",
         [("participants", 15000, 15000, U)]),
        ("Some 2,000 National Guard troops are in the city, the governor said.",
         [("deployed", 1800, 2200, "governor")]),
        ("About 600 striking miners sat in at the pithead on Monday.",
         [("participants", 540, 660, U)]),
        ("The peacekeeping mission, 12,000 strong, patrols the border.",
         [("deployed", 12000, 12000, U)]),
        ("Some 2,000 protesting farmers blocked the highway into Chandigarh, police said.",
         [("participants", 1800, 2200, "police")]),
        ("The contingent, 850 strong, includes medics and engineers.",
         [("deployed", 850, 850, U)]),
        ("Four bullets went through the kitchen wall, one striking the fridge, police said.",
         []),
        ("Organisers claimed 50,000 took part; police said 12,000.",
         [("participants", 50000, 50000, "organisers"), ("participants", 12000, 12000, "police")]),
        ("Britain has 800 troops in Estonia, the defence secretary said.",
         [("deployed", 800, 800, "defence secretary")]),
        ("The UN has 14,000 peacekeepers in South Sudan, 20 of whom have been killed since "
         "2013.",
         [("deployed", 14000, 14000, U), ("killed", 20, 20, U)]),
        ("Twelve people, 3 of whom were children, were hurt in the crush.",
         [("injured", 12, 12, U), ("injured", 3, 3, U)]),
        ("Police said 700 protesters blocked the motorway near Canberra.",
         [("participants", 700, 700, "police")]),
        ("Hundreds of farmers drove tractors into the capital.",
         []),
        ("The march drew around 25,000 people, organisers said.",
         [("participants", 22500, 27500, "organisers")]),
        ("A contingent of 850 Kenyan police arrived in Port-au-Prince.",
         [("deployed", 850, 850, U)]),
    ],
    "metric-priority": [
        ("Eighteen injured miners were airlifted to hospital in Quetta.",
         [("hospitalized", 18, 18, U)]),
        ("Six wounded soldiers were ferried overnight to a military hospital in Multan.",
         [("hospitalized", 6, 6, U)]),
        ("Police detained 14 injured protesters at the hospital.",
         [("arrested", 14, 14, U)]),
        ("Eight pupils were killed or wounded when the classroom wall fell.",
         [("casualties", 8, 8, U)]),
        ("Four freed hostages were flown home.",
         [("released", 4, 4, U)]),
        ("The 12 released detainees were driven back to their villages.",
         [("released", 12, 12, U)]),
        ("Nine missing fishermen were found dead on the beach.",
         [("killed", 9, 9, U)]),
        ("Twelve displaced families were arrested at the checkpoint.",
         [("arrested", 12, 12, U)]),
        ("Six people were stabbed, two of them fatally, in the prison yard.",
         [("injured", 6, 6, U), ("killed", 2, 2, U)]),
        ("Five evacuated residents died in the shelter.",
         [("killed", 5, 5, U)]),
    ],
    "individuals": [
        ("A Grade 10 pupil was stabbed to death outside a school in Soweto on Monday. "
         "Police arrested a classmate, 16, on Tuesday.",
         [("killed", 1, 1, U), ("arrested", 1, 1, U)]),
        ("A fireman died and a colleague was injured fighting the blaze, the fire brigade "
         "said.",
         [("killed", 1, 1, "fire brigade"), ("injured", 1, 1, "fire brigade")]),
        ("A prison officer was taken hostage during the riot and later freed.",
         [("kidnapped", 1, 1, U)]),
        ("A woman who police say was shot outside her home died in hospital on Sunday.",
         [("killed", 1, 1, U)]),
        ("Police want to question a taxi driver over the crash.",
         []),
        ("Amina Bello, 29, was abducted from her home in Zaria, police said.",
         [("kidnapped", 1, 1, "police")]),
        ("A miner was killed when the roof fell. The dead man, a father of three, had "
         "worked at the pit for 20 years.",
         [("killed", 1, 1, U)]),
        ("The suspect will be charged with murder, police said.",
         []),
        ("A schoolboy drowned in the swollen river, and his sister is missing.",
         [("killed", 1, 1, U), ("missing", 1, 1, U)]),
    ],
    "other-englishes": [
        # Indian, Nigerian, Australian and British wire usage
        ("The 14 injured persons were shifted to the district hospital, the SP said.",
         [(HOSP, 14, 14, "SP")]),
        ("Three patients succumbed to their injuries on Tuesday, hospital authorities said.",
         [("killed", 3, 3, "hospital authorities")]),
        ("Six people were treated by paramedics at the scene, the London Ambulance Service "
         "said.",
         [("injured", 6, 6, "London Ambulance Service")]),
        ("Police nabbed 16 persons in connection with the violence in Jahangirpuri.",
         [("arrested", 16, 16, U)]),
        ("At least 20 persons were feared killed when gunmen attacked the village, residents "
         "said.",
         [("killed", 20, INF, "residents")]),
        ("Two men were taken to hospital in a stable condition, NSW Ambulance said.",
         [("hospitalized", 2, 2, "NSW Ambulance")]),
        ("Over 500 people have been rendered homeless by the fire in the slum.",
         [("displaced", 501, INF, U)]),
        ("Some 120 inmates broke out of the prison after the riot, and 3 warders were hurt.",
         [("injured", 3, 3, U)]),
    ],
    "captives": [
        # a verb of taking or holding whose object it makes captive
        ("Gunmen are holding 30 villagers captive in the forest, the governor said.",
         [("kidnapped", 30, 30, "governor")]),
        ("Rebels took 12 soldiers prisoner after overrunning the outpost.",
         [("kidnapped", 12, 12, U)]),
    ],
    "org-pronoun": [
        ("The National Disaster Management Authority said 54 people had died in the "
         "floods. It said 230,000 people were in relief camps.",
         [("killed", 54, 54, "National Disaster Management Authority"),
          ("displaced", 230000, 230000, "National Disaster Management Authority")]),
        ("The state fire service said 3 firefighters were hurt. The service added that 40 "
         "homes were lost.",
         [("injured", 3, 3, "state fire service")]),
    ],
    "false-backref": [
        ("A boat carrying migrants sank off Djerba, and 19 bodies were recovered. The "
         "national guard said it had intercepted 300 boats this year.",
         [("killed", 19, 19, U)]),
        ("Six people died when the building collapsed. The municipality said it had "
         "inspected 1,200 buildings since January.",
         [("killed", 6, 6, U)]),
    ],
    "quote-structures": [
        ("\u201cWe pulled out 14 people alive and 3 bodies,\u201d said the rescue chief.",
         [("killed", 3, 3, "rescue chief")]),
        ("\"The toll now stands at 26,\" the district magistrate told reporters.",
         [("killed", 26, 26, "district magistrate")]),
    ],
    "nested-report": [
        ("The Press Trust of India, quoting police, said 9 people were arrested.",
         [("arrested", 9, 9, "Press Trust of India")]),
        ("Channels TV, citing the state police command, reported that 4 officers were "
         "killed.",
         [("killed", 4, 4, "Channels TV")]),
    ],
    "cue-variants": [
        ("The health department confirmed 112 new cases and 3 deaths on Monday.",
         [("killed", 3, 3, "health department")]),
        ("Rescuers said late on Sunday they had pulled 8 bodies from the mud.",
         [("killed", 8, 8, "rescuers")]),
    ],
    "upper-case": [
        ("FLOODS IN THE NORTHERN PROVINCE HAVE KILLED 27 PEOPLE AND LEFT 3,000 HOMELESS, THE "
         "CIVIL DEFENSE SAID.",
         [("killed", 27, 27, "civil defense"), ("displaced", 3000, 3000, "civil defense")]),
        ("A DOZEN SOLDIERS WERE WOUNDED WHEN THEIR TRUCK HIT A MINE ON HIGHWAY 4.",
         [("injured", 12, 12, U)]),
        ("THE STRIKE BY 4,000 MINERS ENTERED ITS 9TH DAY. POLICE DETAINED 35 OF THEM "
         "YESTERDAY.",
         [("participants", 4000, 4000, U), ("arrested", 35, 35, U)]),
        ("MORE THAN 60 INMATES ESCAPED AND 7 WERE KILLED DURING THE RIOT AT THE PRISON, THE "
         "JUSTICE MINISTRY REPORTED.",
         [("killed", 7, 7, "justice ministry")]),
        ("NO ONE WAS KILLED IN THE EARTHQUAKE, WHICH MEASURED 5.8, BUT 40 PEOPLE WERE HURT.",
         [("injured", 40, 40, U)]),
        ("THE AIR FORCE BOMBED REBEL POSITIONS, KILLING ABOUT 30 GUERRILLAS, ACCORDING TO "
         "A MILITARY SPOKESMAN.",
         [("killed", 27, 33, "military spokesman")]),
        ("SEVERAL HUNDRED STUDENTS MARCHED TO THE PRESIDENTIAL PALACE.",
         [("participants", 300, 999, U)]),
        ("THE RED CROSS SAID 14 WOUNDED WERE EVACUATED TO THE CAPITAL.",
         [(("displaced", "injured", "hospitalized"), 14, 14, "red cross")]),
    ],
    "wrapped-lines": [
        ("The cyclone killed at least 35\npeople in Odisha and forced more than 1.5\nmillion "
         "into shelters, the state\ngovernment said.",
         [("killed", 35, INF, "state government"),
          ("displaced", 1500001, INF, "state government")]),
        ("Rescue teams pulled\ntwo survivors and 17 bodies from the\nrubble of the collapsed "
         "building.",
         [("killed", 17, 17, U)]),
        ("About 2,000\nnurses marched to the health\nministry on Tuesday.",
         [("participants", 1800, 2200, U)]),
        ("A prison\nofficer was killed and 4 inmates\nwere injured.",
         [("killed", 1, 1, U), ("injured", 4, 4, U)]),
        ("Police arrested\nmore than 100\nprotesters in Lagos, Amnesty said.",
         [("arrested", 101, INF, "Amnesty")]),
        ("The epidemic has\nkilled 210 people since\nMarch, the WHO\nsaid.",
         [("killed", 210, 210, "WHO")]),
        ("Twelve\nof the 30\nminers were rescued and 18 remain\ntrapped.",
         []),
        ("The boat\ncapsized with 70 on board;\n41 are missing.",
         [("missing", 41, 41, U)]),
    ],
    "boilerplate": [
        ("Updated: 14:32 IST\nThe stampede killed 7 devotees, police said.",
         [("killed", 7, 7, "police")]),
        ("Also read: Monsoon tracker\nFloods have displaced 12,000 people in Assam.",
         [("displaced", 12000, 12000, U)]),
        ("Story continues below advertisement\nPolice arrested 11 people in Pune.",
         [("arrested", 11, 11, U)]),
        ("PTI\nTwenty people were injured in the blast.",
         [("injured", 20, 20, U)]),
        ("(AAP)\nFirefighters said 3 homes were lost and 2 people hurt.",
         [("injured", 2, 2, "firefighters")]),
        ("Nine miners were killed.\nWe use cookies to improve your experience.",
         [("killed", 9, 9, U)]),
        ("Last modified on Tue 4 Mar 2025 10.02 GMT\nSix people were arrested.",
         [("arrested", 6, 6, U)]),
        ("Click here to subscribe\nThe riot left 5 inmates dead.",
         [("killed", 5, 5, U)]),
    ],
    "sentence-split": [
        ("Supt. Raj Kumar said 9 people were arrested.Three of them were minors.",
         [("arrested", 9, 9, "Raj Kumar"), ("arrested", 3, 3, U)]),
        ("Brig.-Gen. Ahmed said 15 militants were killed.",
         [("killed", 15, 15, "Ahmed")]),
        ("Govt. sources said 40 people died in the stampede.",
         [("killed", 40, 40, "sources")]),
        ("Floods killed 12 people.The state government said 4,000 were evacuated.",
         [("killed", 12, 12, U), ("displaced", 4000, 4000, "state government")]),
        ("Insp. Gen. Musa Bala said 30 suspects were arrested.",
         [("arrested", 30, 30, "Musa Bala")]),
        ("Police arrested 7 people in Sector 4 of the city.Two officers were hurt.",
         [("arrested", 7, 7, U), ("injured", 2, 2, U)]),
        ("Approx. 500 people were evacuated from Nos. 4 and 6 Kent St. on Monday.",
         [("displaced", 450, 550, U)]),
        ("The fire started at approx. 3 a.m. Nine people died.",
         [("killed", 9, 9, U)]),
        ("Sgt. Ama Owusu said 3 people died.Four were hurt.",
         [("killed", 3, 3, "Ama Owusu"), ("injured", 4, 4, U)]),
        ("The blast occurred at 10 a.m. on Friday. 14 workers were injured.",
         [("injured", 14, 14, U)]),
        ("The fire spread fast.14 people died.",
         [("killed", 14, 14, U)]),
    ],
    "temporal": [
        ("On Sunday the toll was 12; by Tuesday it had risen to 19, the ministry said.",
         [("killed", 12, 12, "ministry"), ("killed", 19, 19, "ministry")]),
        ("The death toll stood at 40 on Monday, and by Wednesday it had climbed to 65, the "
         "governor said.",
         [("killed", 40, 40, "governor"), ("killed", 65, 65, "governor")]),
        ("In the three days since the quake, 140 aftershocks have been recorded and 31 "
         "people have died.",
         [("killed", 31, 31, U)]),
    ],
    "multi-sentence": [
        # a later sentence revises the toll; each stated figure is a claim of its own
        ("At least 17 people were killed when a five-storey building collapsed in Lagos on "
         "Wednesday, the state emergency agency said. Rescuers pulled 24 people alive from "
         "the rubble. By Thursday evening the death toll had risen to 22. The agency said "
         "about 10 people were still believed trapped. Police said the owner had been "
         "arrested.",
         [("killed", 17, INF, "state emergency agency"), ("killed", 22, 22, U),
          ("arrested", 1, 1, "police")]),
        ("Thousands of garment workers went on strike in Dhaka on Monday. Police put the crowd "
         "at 8,000; organisers said 20,000 had joined. Officers fired tear gas and rubber "
         "bullets, injuring at least 30 people. Twelve protesters were detained, police "
         "said.",
         [("participants", 2000, 9999, U), ("participants", 8000, 8000, "police"),
          ("participants", 20000, 20000, "organisers"), ("injured", 30, INF, U),
          ("arrested", 12, 12, "police")]),
        ("A fire in a covid ward killed 11 patients in Ahmednagar, officials said. Six other "
         "patients with burns were moved to another hospital. A nurse and two doctors were "
         "suspended.",
         [("killed", 11, 11, "officials"), (HOSP, 6, 6, U)]),
        ("A gas explosion in the mine killed 9 miners on Friday, the company said. Another "
         "14 were injured, 4 of them seriously. Two men were still unaccounted for on "
         "Saturday. The mine employs 3,000 people.",
         [("killed", 9, 9, "company"), ("injured", 14, 14, U), ("injured", 4, 4, U),
          ("missing", 2, 2, U)]),
        ("An epidemic of dengue has killed 48 people in the state since July, the health "
         "department said on Monday. It said 6,200 cases had been recorded, and 310 people "
         "were in hospital. Last year 21 people died of the disease.",
         [("killed", 48, 48, "health department"),
          ("hospitalized", 310, 310, "health department"), ("killed", 21, 21, U)]),
        ("Inmates set fire to mattresses and took 6 guards hostage at the jail on Sunday. "
         "Riot police stormed the wing on Monday, freeing all 6. Three inmates were killed "
         "and 9 injured, the prisons service said. Some 40 prisoners were moved to other "
         "jails.",
         [("kidnapped", 6, 6, U), ("released", 6, 6, U),
          ("killed", 3, 3, "prisons service"), ("injured", 9, 9, "prisons service")]),
        ("Heavy rain set off a landslide that buried part of a village in Bududa district on "
         "Thursday night. The Uganda Red Cross said 15 bodies had been recovered by Friday "
         "afternoon and that more than 40 people were unaccounted for. Local officials said the "
         "toll was 19. Volunteers were handing out food at a school.",
         [("killed", 15, 15, "Uganda Red Cross"), ("missing", 41, INF, "Uganda Red Cross"),
          ("killed", 19, 19, "officials")]),
        ("A fire swept through a crowded market in Karachi on Saturday, killing at least 9 "
         "traders. Fire officials said it took 14 fire tenders seven hours to bring the blaze "
         "under control. Another 23 people were treated for burns at Civil Hospital, a hospital "
         "spokesman said. Traders said goods worth millions of rupees were lost in some 300 "
         "shops.",
         [("killed", 9, INF, U), (HOSP, 23, 23, "hospital spokesman")]),
        ("Security forces opened fire on demonstrators in Khartoum on Thursday, killing at least "
         "5 people, a doctors' committee said. The committee said more than 100 others were "
         "wounded, 20 of them by live bullets. Tens of thousands had marched towards the "
         "presidential palace. Authorities cut internet access for the third time this month.",
         [("killed", 5, INF, "doctors' committee"), ("injured", 101, INF, "committee"),
          ("injured", 20, 20, "committee"), ("participants", 20000, 99999, U)]),
        ("Dozens of people were hurt when a stand collapsed; 4 of them are in a serious "
         "condition, officials said.",
         [("injured", 24, 99, "officials"), ("injured", 4, 4, "officials")]),
        ("An estimated 1,500 migrants have crossed the Channel this week, 300 of them on "
         "Tuesday alone.",
         []),
        ("Fifteen prisoners escaped, 9 were recaptured and 2 were shot dead by guards.",
         [("arrested", 9, 9, U), ("killed", 2, 2, U)]),
        ("At least 5 people were killed and several others injured as fire spread through a "
         "tailoring workshop in Lahore.",
         [("killed", 5, INF, U), ("injured", 3, 9, U)]),
        ("The Met said 14 people were arrested. A total of 87 people have been arrested since "
         "the unrest began, taking the number detained this month to 240.",
         [("arrested", 14, 14, "Met"), ("arrested", 87, 87, U), ("arrested", 240, 240, U)]),
    ],
    "wire-and-furniture": [
        # datelines, bylines, captions and share buttons are never sources; wire copy in capitals
        ("SIX PERSONS WERE KILLED AND 11 WOUNDED WHEN A TRUCK BOMB WENT OFF OUTSIDE THE "
         "POLICE BUILDING, POLICE SOURCES REPORTED.",
         [("killed", 6, 6, "police sources"), ("injured", 11, 11, "police sources")]),
        ("THE BODIES OF 4 PEASANTS WERE FOUND ON THE ROAD TO SAN MIGUEL.",
         [("killed", 4, 4, U)]),
        ("THE REBELS RELEASED THE 7 MAYORS THEY HAD ABDUCTED LAST WEEK.",
         [("released", 7, 7, U)]),
        ("By Chinedu Okafor, Abuja\nBandits abducted 23 passengers on the Abuja-Kaduna highway "
         "on Sunday, the Nigeria Police Force said.",
         [("kidnapped", 23, 23, "Nigeria Police Force")]),
        ("Police in Queensland say a man, 44, has died and two others were hurt when his ute "
         "rolled on the Bruce Highway.",
         [("killed", 1, 1, "police"), ("injured", 2, 2, "police")]),
        ("Image caption, Rescuers search the rubble in Antakya\nMore than 1,500 people were "
         "killed in the quake, the disaster agency AFAD said.",
         [("killed", 1501, INF, "AFAD")]),
        ("Listen to this article\n2 min\nPolice arrested 19 people in Athens.",
         [("arrested", 19, 19, U)]),
        ("NEW DELHI, June 3 (Reuters) - At least 288 people were killed when two trains "
         "collided in Odisha, officials said.",
         [("killed", 288, INF, "officials")]),
        ("Published 3 hours ago\nThe death toll from the\nlandslide in Wayanad has risen\nto "
         "151, officials said.",
         [("killed", 151, 151, "officials")]),
        ("Local officials gave a higher toll of 19 for the landslide.",
         [("killed", 19, 19, "officials")]),
    ],
}

CASES = cases_of(VARIANTS)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """Every variant through ``claimtrack extract -f jsonl`` in one run: claims by report id."""
    return extract_all(CASES, tmp_path_factory.mktemp("variants2"), date="2025-03-12")


# Out of this file's reach, each with its reason (attribution belongs to attribution.py, ...)
XFAIL: dict[str, str] = {
}


@pytest.mark.parametrize("cid, text, expected", list(params(CASES, XFAIL)))
def test_variant(extracted, cid, text, expected):
    missing, extra = unmatched(extracted.get(cid, []), expected)
    assert (missing, extra) == ([], []), text
