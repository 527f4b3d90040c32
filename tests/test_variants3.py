"""A third hand's variants of the 25 challenge phenomena, in texts written for this file.

``tests/test_variants.py`` holds short one-sentence news variants and ``tests/test_variants2.py``
longer wire reports. These are written in the registers neither uses: press releases and NGO
bulletins (``The Society confirms ...``), live-blog updates with timestamps, court and
police-blotter prose, figures in lists, after colons and in parentheses (``Casualties: 4 dead,
11 hurt``), passive and nominal forms (``the deaths of 9 miners``, ``the arrest of 5``), questions
and negatives, long sentences with two figures and two sources, British, Indian, African and
Australian usages, and numbers written as words, mixed with digits or as fractions. Traps are
money, ages, dates, times, scores, percentages, road and flight numbers, vehicles, buildings,
animals, capacities, durations, ordinals and records.

Every text runs through the real CLI, ``claimtrack extract -f jsonl`` on one JSON-lines file,
and must give exactly the expected set of ``(metric, low, high, source)``: claims of metric
``other`` and derived tallies are left out (neutral in the evaluation). ``source`` is ``None``
for the report itself; a string must run as whole words inside the claim's source, origin or a
link of its chain (case-insensitive); a tuple lists accepted spellings. Expected claims follow
SPEC §2-§5 and the conventions of the evaluation README, not what the code happens to do.
"""
from __future__ import annotations

import pytest
from claim_tables import cases_of, extract_all, params, unmatched

U = None  # the report itself
INF = None  # no upper bound
HOSP = ("hospitalized", "injured")  # a wounded group taken to hospital

VARIANTS: dict[str, list[tuple[str, list[tuple]]]] = {
    "relative-clause": [
        ("The Red Crescent Society confirms that 7 volunteers who were delivering blankets to "
         "the camp at Azaz were injured when their convoy came under fire.",
         [("injured", 7, 7, "Red Crescent Society")]),
        ("According to the charging document, the two deputies who answered the call on Elm "
         "Street were wounded by the defendant.",
         [("injured", 2, 2, "charging document")]),
        ("The ferry, which can carry 250 passengers, sank beside the jetty at Mwanza; everyone "
         "on board reached the shore.",
         []),
        ("09:40 - Six firefighters who went into the warehouse before its roof gave way are "
         "still missing, the fire brigade says.",
         [("missing", 6, 6, "fire brigade")]),
        ("The man who killed 3 people at a tram stop in Sheffield in 2021 was jailed for life "
         "on Friday.",
         [("killed", 3, 3, U)]),
        ("Eighteen demonstrators, whose banners demanded fresh elections, were detained by "
         "riot police in Tbilisi, the interior ministry said.",
         [("arrested", 18, 18, "interior ministry")]),
        ("A bulletin from the district health office said 12 children whose parents had "
         "refused the vaccine had died of measles since January.",
         [("killed", 12, 12, "district health office")]),
        ("Police say the 4 teenagers that officers stopped near the station after the robbery "
         "have been arrested.",
         [("arrested", 4, 4, "police")]),
    ],
    "aside": [
        ("Casualties: 4 dead, 11 hurt.",
         [("killed", 4, 4, U), ("injured", 11, 11, U)]),
        ("The blast killed 9 people – among them two traffic wardens – and wounded 30, the "
         "governor's office said.",
         [("killed", 9, 9, "governor's office"), ("killed", 2, 2, "governor's office"),
          ("injured", 30, 30, "governor's office")]),
        ("Seven climbers, aged 19 to 44, were reported missing on the glacier on Sunday, the "
         "gendarmerie said.",
         [("missing", 7, 7, "gendarmerie")]),
        ("Three miners — the youngest just 20 — died in the collapse at the Kolwezi pit, the "
         "mining company said in a statement.",
         [("killed", 3, 3, "mining company")]),
        ("The storm left 5 people dead (two of them in Brest) and cut power to 200,000 homes, "
         "the prefecture said.",
         [("killed", 5, 5, "prefecture"), ("killed", 2, 2, "prefecture")]),
        ("Twenty-one migrants, none of them older than 30, drowned when their dinghy "
         "overturned, the UN refugee agency said.",
         [("killed", 21, 21, "UN refugee agency")]),
        ("Police detained 25 students (the union put the number at 60) outside the "
         "parliament building on Monday.",
         [("arrested", 25, 25, (U, "police")), ("arrested", 60, 60, "union")]),
        ("Nineteen villagers, many of them women returning from the market at Gao, were "
         "killed in the ambush, a local official told AFP.",
         [("killed", 19, 19, ("AFP", "local official"))]),
        # written after the fixes: ages after "the oldest", "younger than"
        ("Five students, the oldest only 17, were arrested outside the ministry.",
         [("arrested", 5, 5, U)]),
        ("Nine climbers, none of them younger than 25, went missing in the blizzard, the "
         "mountain rescue service said.",
         [("missing", 9, 9, "mountain rescue service")]),
        # written after the fixes: a list whose items a metric word labels
        ("Casualty figures (provisional): dead 12; injured 40; missing 3.",
         [("killed", 12, 12, U), ("injured", 40, 40, U), ("missing", 3, 3, U)]),
        ("Toll so far, per the district office: killed 9, wounded 31.",
         [("killed", 9, 9, "district office"), ("injured", 31, 31, "district office")]),
    ],
    "coordination": [
        ("Police in Kano arrested 14 suspects and recovered 6 rifles and 200 rounds of "
         "ammunition.",
         [("arrested", 14, 14, (U, "police"))]),
        ("The attack left 3 soldiers and 2 civilians dead and 8 others wounded, an army "
         "statement said.",
         [("killed", 3, 3, "army"), ("killed", 2, 2, "army"), ("injured", 8, 8, "army")]),
        ("Five people drowned and 2 are missing after flash floods swept the valley, the "
         "civil protection agency reports.",
         [("killed", 5, 5, "civil protection agency"),
          ("missing", 2, 2, "civil protection agency")]),
        ("The ambulance service took 7 people to hospital, and 23 others were hurt less "
         "seriously, a spokeswoman for the service said.",
         [("hospitalized", 7, 7, "spokeswoman"), ("injured", 23, 23, "spokeswoman")]),
        ("Between them, the two raids killed 17 militants and 4 soldiers, the defence "
         "ministry said.",
         [("killed", 17, 17, "defence ministry"), ("killed", 4, 4, "defence ministry")]),
        ("Nine people were killed and dozens hurt on Saturday when a stand collapsed at a "
         "football ground in Accra.",
         [("killed", 9, 9, U), ("injured", 24, 99, U)]),
        ("Officers detained 12 men and 3 women during the raid on the casino, the police "
         "press office said.",
         [("arrested", 12, 12, "police press office"), ("arrested", 3, 3, "police press office")]),
        ("The Society confirms that 40 families were evacuated and that 6 of its volunteers "
         "were injured while helping them.",
         [("displaced", 40, 40, "Society"), ("injured", 6, 6, "Society")]),
        # written after the fixes: a clause with a counted subject after "and"
        ("Twenty passengers were rescued and two drowned, the coastguard said.",
         [("killed", 2, 2, "coastguard")]),
    ],
    "partitive": [
        ("Of the 41 passengers on the minibus, 9 died at the scene, police said.",
         [("killed", 9, 9, "police")]),
        ("Four of the eleven hikers rescued from the ridge were flown to hospital with "
         "hypothermia.",
         [(HOSP, 4, 4, U)]),
        ("At least two of the detainees were released without charge on Thursday, their "
         "lawyer said.",
         [("released", 2, INF, "lawyer")]),
        # a copular verb names a member and keeps the group's count (as "2 of the 60 hostages
        # remain in captivity" in test_variants)
        ("One of the three firefighters hurt in the blaze remains in a critical condition.",
         [("injured", 3, 3, U), ("injured", 1, 1, U)]),
        ("Police say 6 of the 20 people held after the match have since been charged.",
         [("arrested", 20, 20, "police")]),
        ("Eleven of them, including the driver, were killed, according to the district "
         "magistrate.",
         [("killed", 11, 11, "district magistrate")]),
        ("The militia freed 30 of the 110 schoolgirls it had seized, the state governor's "
         "spokesman said on Sunday.",
         [("released", 30, 30, "spokesman"), ("kidnapped", 110, 110, "spokesman")]),
        ("A third of the 90 prisoners who escaped have been recaptured, the prisons service "
         "says.",
         []),
        # written after the fixes: fractions take a partitive; a charge of some is no arrest
        ("A quarter of the 200 residents who fled have returned, the mayor said.",
         [("displaced", 200, 200, "mayor")]),
        ("Nine of the 30 protesters detained on Friday were charged on Monday.",
         [("arrested", 30, 30, U)]),
        ("An estimated two-thirds of the 900 residents have fled, the Red Cross says.",
         []),
    ],
    "negation": [
        ("No casualties were reported after the quake, which measured 5.2.",
         []),
        ("The interior ministry denied that 40 prisoners had been killed in the riot.",
         []),
        ("Police said nobody had been arrested, but 3 officers were slightly injured.",
         [("injured", 3, 3, "police")]),
        ("Not one of the 200 passengers on board was hurt, the airline said.",
         []),
        ("No one died in the fire, but 7 residents were hurt, the fire service said.",
         [("injured", 7, 7, "fire service")]),
        ("There were no arrests, police said, even though about 2,000 people joined the "
         "march.",
         [("participants", 1800, 2200, (U, "police"))]),
        ("None of the 12 crew members was injured when the trawler ran aground off "
         "Peterhead, the coastguard said.",
         []),
        ("Contrary to early reports, the 14 pilgrims were not kidnapped; they had lost "
         "their way, the local police chief said.",
         []),
    ],
    "modality": [
        ("Officials fear as many as 200 people may have died in the mudslide.",
         [("killed", 0, 200, "officials")]),
        ("The WHO warned that the outbreak could kill up to 5,000 people by March.",
         [("killed", 0, 5000, "WHO")]),
        ("The new law would let police detain suspects for up to 14 days without charge.",
         []),
        ("Up to 40 people are believed to have been kidnapped from the village, a local chief "
         "said.",
         [("kidnapped", 0, 40, "local chief")]),
        ("Twelve people are feared dead after a boat capsized on Lake Kivu.",
         [("killed", 12, 12, U)]),
        ("Three climbers are presumed dead after an avalanche near Zermatt, police say.",
         [("killed", 3, 3, "police")]),
        ("Prosecutors have asked a judge for warrants to arrest 8 former officials.",
         []),
        ("The UN says it plans to send 1,200 additional peacekeepers to the region next "
         "year.",
         [("deployed", 1200, 1200, "UN")]),
    ],
    "split-cue": [
        ("The number of people confirmed to have drowned since the monsoon broke across "
         "Assam and Meghalaya now stands at 47, the state disaster authority said.",
         [("killed", 47, 47, "state disaster authority")]),
        ("The tally of those detained during three nights of unrest in the northern suburbs "
         "has climbed to 312, the prefect announced.",
         [("arrested", 312, 312, "prefect")]),
        ("The toll of those wounded in Friday's collision between a bus and a fuel tanker "
         "rose to 26 on Saturday.",
         [("injured", 26, 26, U)]),
        ("UNICEF puts the number of children forced from their homes by the fighting in "
         "the east at about 90,000.",
         [("displaced", 81000, 99000, "UNICEF")]),
        ("Rescuers pulled another four bodies from the river, bringing the number of dead "
         "from the ferry disaster to 23, the navy said.",
         [("killed", 4, 4, "navy"), ("killed", 23, 23, "navy")]),
        ("The count of passengers still unaccounted for after the train derailed near "
         "Balasore fell to 9 on Tuesday, railway officials said.",
         [("missing", 9, 9, "railway officials")]),
        ("The number of homes destroyed by the cyclone across the three coastal districts has "
         "reached 4,100, officials said.",
         []),
        ("The figure for people arrested since the curfew began in Bulawayo and two other "
         "cities reached 540, according to a lawyers' group.",
         [("arrested", 540, 540, "lawyers' group")]),
    ],
    "headline-tense": [
        ("Landslide kills 11 in Uttarakhand village\nRescuers are searching for survivors "
         "with sniffer dogs.",
         [("killed", 11, 11, U)]),
        ("Fire kills 6 at Lagos market\nThe blaze started shortly after midnight.",
         [("killed", 6, 6, U)]),
        ("Police arrest 27 after clashes at derby match\nThe game was abandoned in the 70th "
         "minute.",
         [("arrested", 27, 27, (U, "police"))]),
        ("Militants free 9 hostages in Sahel\nThe captives had been held for 3 months.",
         [("released", 9, 9, U)]),
        ("Court jails 4 over 2022 stadium crush\nThe judge said the men had ignored safety "
         "warnings.",
         []),
        ("Cyclone leaves 30,000 homeless in Mozambique\nThe storm made landfall on Sunday "
         "evening.",
         [("displaced", 30000, 30000, U)]),
        ("Stampede injures dozens at temple fair\nOrganisers had expected a large crowd.",
         [("injured", 24, 99, U)]),
        ("Bomb wounds 3 soldiers in Mogadishu, army says\nNo group has claimed the attack.",
         [("injured", 3, 3, "army")]),
    ],
    "number-words": [
        ("Two dozen-plus protesters were detained outside the embassy.",
         [("arrested", 25, INF, U)]),
        ("3-to-4 thousand people marched through Valletta on Sunday, the organisers "
         "said.",
         [("participants", 3000, 4000, "organisers")]),
        ("A couple of hundred families have been evacuated from the flood plain, the "
         "municipality said.",
         [("displaced", 200, 200, "municipality")]),
        ("One hundred and seven people were arrested after the match, police said.",
         [("arrested", 107, 107, "police")]),
        ("A handful of pupils were hurt when the roof fell in, the head teacher said.",
         [("injured", 2, 9, "head teacher")]),
        ("Nearly half a million people have fled the fighting, the UN refugee agency "
         "estimates.",
         [("displaced", 450000, 500000, "UN refugee agency")]),
        ("Thirty-odd miners were trapped and four died in the flooded shaft, the company "
         "said.",
         [("killed", 4, 4, "company")]),
        ("Hundreds of thousands of people took to the streets of Santiago, organisers "
         "said.",
         [("participants", 200000, 999999, "organisers")]),
        # written after the fixes: -plus, "a couple of", "N-to-M hundred", a quoted qualifier
        ("Police detained 30-plus fans after the derby.",
         [("arrested", 31, INF, (U, "police"))]),
        ("A couple of thousand people marched in Riga, organisers said.",
         [("participants", 2000, 2000, "organisers")]),
        ("5-to-6 hundred villagers fled the shelling, the district chief said.",
         [("displaced", 500, 600, "district chief")]),
        ("\"About 40 people were hurt,\" the mayor said.",
         [("injured", 36, 44, "mayor")]),
    ],
    "not-a-count": [
        ("A stray bullet fired on Route 9 injured a 6-year-old girl, the sheriff's office "
         "said.",
         [("injured", 1, 1, "sheriff's office")]),
        ("Police said 8 people were hurt when a lorry hit a bus on the A14 at about 7.30am.",
         [("injured", 8, 8, "police")]),
        ("On 12 May 31 people were arrested across the province, police said.",
         [("arrested", 31, 31, "police")]),
        ("The home side won 3-2 and 14 fans were arrested after the final whistle.",
         [("arrested", 14, 14, U)]),
        ("Flight 302 landed safely; all 157 people aboard were unhurt, the airline said.",
         []),
        ("The 1999 earthquake killed 17,000 people, a record no later disaster in the "
         "country has matched.",
         [("killed", 17000, 17000, U)]),
        ("Unemployment among young men rose to 37 percent, and 2 million dollars were "
         "pledged to the jobless.",
         []),
        ("Call 0800 555 111 for information about the 4 missing hikers.",
         [("missing", 4, 4, U)]),
        # written after the fixes: a score; a range of three-digit numbers
        ("Police arrested 7 fans after the 2-0 defeat.",
         [("arrested", 7, 7, (U, "police"))]),
        ("Some 300-400 people were evacuated from the valley.",
         [("displaced", 300, 400, U)]),
    ],
    "word-sense": [
        ("The striker shot twice in the first half, and the two teams drew 1-1.",
         []),
        ("A shot rang out and a man was wounded in the leg, police said.",
         [("injured", 1, 1, "police")]),
        ("The senate killed the reform bill by 61 votes to 39 on Tuesday.",
         []),
        ("The strikers, some 4,000 dock workers, marched to the port gates on Monday.",
         [("participants", 3600, 4400, U)]),
        ("Shares in the airline fell 12 percent after 3 of its pilots were arrested.",
         [("arrested", 3, 3, U)]),
        ("The film, a dead-end romance set in 1940s Lisbon, drew 200,000 viewers in its "
         "first week.",
         []),
        ("The company is fighting for the lives of its 3,000 jobs, the union said.",
         []),
        ("Wounded pride aside, the 11 players who were sent off were not hurt.",
         []),
        # written after the fixes: a figure in apposition takes the verb after it
        ("The marchers, about 600 nurses, rallied outside parliament.",
         [("participants", 540, 660, U)]),
        # written after the fixes: "neutralised" people are killed, neutralised devices are not
        ("The Nigerian Army neutralised 15 terrorists in Borno, a statement from the army said.",
         [("killed", 15, 15, "army")]),
        ("The bomb squad neutralised 2 devices outside the court.",
         []),
    ],
    "objects": [
        ("The shelling destroyed 40 homes and killed 6 residents of the village, the "
         "regional governor said.",
         [("killed", 6, 6, "regional governor")]),
        ("Customs officers seized 120 kilograms of cocaine and arrested 3 crew members.",
         [("arrested", 3, 3, U)]),
        ("Looters burned 18 shops and 5 cars; police arrested 22 people.",
         [("arrested", 22, 22, (U, "police"))]),
        ("The flood killed more than 2,000 sheep and swept away 300 houses.",
         []),
        ("About 70 flats were evacuated after a gas leak, the council said.",
         []),
        ("The charity delivered 5,000 food parcels to 1,200 displaced families, it said.",
         [("displaced", 1200, 1200, ("charity", U))]),
        ("Investigators recovered 2 flight recorders and the remains of 54 passengers from "
         "the crash site.",
         [("killed", 54, 54, U)]),
        ("The strike grounded 80 flights and left 14,000 passengers stranded.",
         []),
        # written after the fixes: flats are things
        ("The blaze forced the evacuation of 25 flats, the fire brigade said.",
         []),
    ],
    "noun-only-metric": [
        ("A sea of demonstrators, about 12,000 by police count, filled the main square.",
         [("participants", 10800, 13200, "police")]),
        ("Some 800 marines are stationed at the base outside Darwin.",
         [("deployed", 720, 880, U)]),
        ("The deaths of 9 miners in the blast prompted a national day of mourning.",
         [("killed", 9, 9, U)]),
        ("The arrest of 5 activists in Minsk drew condemnation from the EU.",
         [("arrested", 5, 5, U)]),
        ("Rescuers in Kerala reported 23 fatalities after the landslide.",
         [("killed", 23, 23, "rescuers")]),
        ("The kidnapping of 15 farm workers near Zamfara was the third such abduction this "
         "month.",
         [("kidnapped", 15, 15, U)]),
        ("The 18 unions and 30 civic groups behind the protest met at 9 a.m.",
         []),
        ("A convoy of 60 armoured vehicles left the 3rd Brigade's barracks at dawn.",
         []),
    ],
    "metric-priority": [
        ("Paramedics took 5 people with stab wounds to the Royal London Hospital.",
         [(HOSP, 5, 5, U)]),
        ("Police took 12 refugees into custody at the border crossing.",
         [("arrested", 12, 12, (U, "police"))]),
        ("Four men were shot outside a nightclub, one of them fatally, police said.",
         [("casualties", 4, 4, "police"), ("killed", 1, 1, "police")]),
        ("The clashes left 35 people dead or injured, the health ministry said.",
         [("casualties", 35, 35, "health ministry")]),
        ("The army evacuated 8 wounded soldiers by helicopter from the front line.",
         [("injured", 8, 8, (U, "army"))]),
        ("Twenty-two hostages were freed in the raid and 3 kidnappers were killed, the army "
         "said.",
         [("released", 22, 22, "army"), ("killed", 3, 3, "army")]),
        ("Eleven injured protesters were arrested at the hospital where they were being "
         "treated, their families said.",
         [("arrested", 11, 11, "families")]),
        ("The 40 displaced families were moved again after the camp flooded, the agency "
         "said.",
         [("displaced", 40, 40, "agency")]),
        # written after the fixes: "dead or wounded" is casualties; moving the wounded is care
        ("The shelling left 14 soldiers dead or wounded, the army said.",
         [("casualties", 14, 14, "army")]),
        ("Helicopters evacuated 6 injured climbers from the peak.",
         [("injured", 6, 6, U)]),
        ("Two Australians were among the 5 people hurt when a tour bus crashed near Cairns.",
         [("injured", 2, 2, U), ("injured", 5, 5, U)]),
    ],
    "individuals": [
        ("A 54-year-old taxi driver was stabbed to death in Croydon on Friday night.",
         [("killed", 1, 1, U)]),
        ("Blotter, Tuesday: Deputies arrested a woman, 29, on Oak Avenue after a "
         "disturbance.",
         [("arrested", 1, 1, U)]),
        ("A security guard was wounded and the robber was shot dead, police said.",
         [("injured", 1, 1, "police"), ("killed", 1, 1, "police")]),
        ("A man is being questioned by detectives after a woman was stabbed in Perth.",
         [("injured", 1, 1, U)]),
        ("Rahul Verma, 31, was arrested at his home in Pune on Monday. Verma was later "
         "released on bail.",
         [("arrested", 1, 1, U), ("released", 1, 1, U)]),
        ("A motorcyclist died after a collision with a van on the M6. The rider, in his "
         "40s, was pronounced dead at the scene.",
         [("killed", 1, 1, U)]),
        ("Police are looking for a man who was seen leaving the shop.",
         []),
        ("A second officer has died of his injuries, the force said.",
         [("killed", 1, 1, "force")]),
        # written after the fixes: person nouns and predicates of death the scan had missed
        ("A pilgrim was crushed to death at the shrine, temple officials said.",
         [("killed", 1, 1, "temple officials")]),
        ("A fisherman drowned off the coast of Kollam on Sunday.",
         [("killed", 1, 1, U)]),
    ],
    "org-pronoun": [
        ("The Ministry of Health said 14 people in the camps had died of cholera. It added "
         "that 230 more had been taken to hospital.",
         [("killed", 14, 14, "Ministry of Health"), (HOSP, 230, 230, "Ministry of Health")]),
        ("The World Food Programme said 80,000 people had fled the fighting. The agency "
         "said 3 of its drivers had been killed.",
         [("displaced", 80000, 80000, "World Food Programme"),
          ("killed", 3, 3, "World Food Programme")]),
        ("Kenya Police said 9 people were arrested in Nakuru. The service said 2 officers "
         "were hurt.",
         [("arrested", 9, 9, "Kenya Police"), ("injured", 2, 2, "Kenya Police")]),
        ("Médecins Sans Frontières treated 40 wounded people at its clinic. It said 6 of "
         "them had died.",
         [(HOSP, 40, 40, (U, "Médecins Sans Frontières")),
          ("killed", 6, 6, "Médecins Sans Frontières")]),
        ("The coastguard said 17 migrants were missing. It is the worst accident on the "
         "route this year.",
         [("missing", 17, 17, "coastguard")]),
        ("The regional health authority reported 5 deaths overnight. The authority also "
         "said 31 patients were in hospital.",
         [("killed", 5, 5, "regional health authority"),
          (HOSP, 31, 31, "regional health authority")]),
        ("The Emergency Situations Ministry said 4 people were killed by the avalanche. The "
         "ministry said 12 others were rescued.",
         [("killed", 4, 4, "Emergency Situations Ministry")]),
        ("Amnesty International said 63 protesters had been detained. The group said it "
         "had spoken to 10 of them.",
         [("arrested", 63, 63, "Amnesty International")]),
    ],
    "false-backref": [
        ("Six soldiers were killed in an ambush on Tuesday. The army said 14 attackers "
         "were captured.",
         [("killed", 6, 6, U), ("arrested", 14, 14, "army")]),
        ("A gas explosion killed 5 people in a block of flats. This was confirmed by the "
         "city's fire department.",
         [("killed", 5, 5, "fire department")]),
        ("Floods have displaced 9,000 people. The governor said 300 soldiers had been sent "
         "to help with the clean-up.",
         [("displaced", 9000, 9000, U), ("deployed", 300, 300, "governor")]),
        ("Twenty people were hurt in the crush. The stadium's owners said so in a "
         "statement on Sunday.",
         [("injured", 20, 20, "owners")]),
        ("At least 8 people drowned off the coast. Local fishermen said they had pulled 30 "
         "survivors from the water.",
         [("killed", 8, INF, U)]),
        ("Gunmen abducted 11 travellers on the highway. Police said a ransom of 5 million "
         "naira had been demanded.",
         [("kidnapped", 11, 11, U)]),
        ("Three protesters were killed on Friday. The opposition says 200 more were "
         "arrested.",
         [("killed", 3, 3, U), ("arrested", 200, 200, "opposition")]),
        ("Nine people died in the bus crash. That figure was given by the transport "
         "ministry.",
         [("killed", 9, 9, "transport ministry")]),
    ],
    "quote-structures": [
        ("\"We have buried 16 people since Sunday,\" said Father Tomasz Nowak.",
         [("killed", 16, 16, "Tomasz Nowak")]),
        ("The mayor was blunt: \"Eleven people are dead and the river is still rising.\"",
         [("killed", 11, 11, "mayor")]),
        ("\"At least 70 of our members have been arrested,\" the union leader told a news "
         "conference in Harare.",
         [("arrested", 70, INF, "union leader")]),
        ("\"Nobody was hurt,\" the station manager said, adding that 300 passengers had "
         "been evacuated.",
         [("displaced", 300, 300, "station manager")]),
        ("According to the nurse, \"we received 45 injured people in one hour.\"",
         [(HOSP, 45, 45, "nurse")]),
        ("\"Four of my colleagues were abducted,\" a teacher at the school said by telephone. "
         "\"The gunmen came at night.\"",
         [("kidnapped", 4, 4, "teacher")]),
        ("'The count is 19 dead,' the district commissioner said on Tuesday.",
         [("killed", 19, 19, "district commissioner")]),
        ("\"Some 2,500 people have been evacuated from the island.\" So said Captain Luis "
         "Ortega of the civil defence.",
         [("displaced", 2250, 2750, "Luis Ortega")]),
        # written after the fixes: a neutral measure noun completed by a metric word
        ("\"The tally is now 23 dead,\" the governor said.",
         [("killed", 23, 23, "governor")]),
    ],
    "nested-report": [
        ("The Guardian, citing two hospital doctors, said 31 people had been admitted with "
         "gunshot wounds.",
         [(HOSP, 31, 31, ("Guardian", "hospital doctors"))]),
        ("Reuters quoted a police official as saying that 7 officers had been wounded.",
         [("injured", 7, 7, ("Reuters", "police official"))]),
        ("The rights group said witnesses had told it that 12 villagers were shot dead.",
         [("killed", 12, 12, ("rights group", "witnesses"))]),
        ("According to state radio, which cited the governor, 18 people were rescued and 4 "
         "are still missing.",
         [("missing", 4, 4, ("state radio", "governor"))]),
        ("Local media reported, quoting an army spokesman, that 25 insurgents were killed.",
         [("killed", 25, 25, ("local media", "army spokesman"))]),
        ("The ministry said the province's governor had reported 40 deaths.",
         [("killed", 40, 40, ("ministry", "governor"))]),
        ("Citing police sources, the newspaper Daily Nation said 6 people were arrested.",
         [("arrested", 6, 6, ("Daily Nation", "police sources"))]),
        ("Witnesses quoted by the BBC said about 100 people had been detained.",
         [("arrested", 90, 110, ("BBC", "witnesses"))]),
    ],
    "cue-variants": [
        ("The Society confirms that 3 of its paramedics were injured in the shelling.",
         [("injured", 3, 3, "Society")]),
        ("The coroner found that 4 of the deaths were caused by smoke.",
         [("killed", 4, 4, "coroner")]),
        ("As the mayor pointed out, 120 people have lost their homes.",
         [("displaced", 120, 120, "mayor")]),
        ("The interior minister told parliament 44 people had been arrested.",
         [("arrested", 44, 44, "interior minister")]),
        ("A survey by the UN estimates that 1.2 million people have fled.",
         [("displaced", 1200000, 1200000, ("UN", "survey"))]),
        ("Hospital records show 9 patients died over the weekend.",
         [("killed", 9, 9, "hospital records")]),
        ("In a post on X, the regional governor wrote that 17 people had been killed.",
         [("killed", 17, 17, "regional governor")]),
        ("Officials acknowledged that 23 people were still missing.",
         [("missing", 23, 23, "officials")]),
        # written after the fixes: "uprooted" and "forced to flee" after the group
        ("Relief agencies estimate that close to 300,000 people have been uprooted.",
         [("displaced", 270000, 300000, "relief agencies")]),
        ("Some 4,000 families were forced to flee, the governor's office confirms.",
         [("displaced", 3600, 4400, "governor's office")]),
    ],
    "upper-case": [
        ("SECURITY FORCES KILLED 12 GUERRILLAS AND CAPTURED 4 IN A CLASH NEAR THE BORDER, "
         "THE ARMED FORCES COMMAND REPORTED.",
         [("killed", 12, 12, "armed forces command"), ("arrested", 4, 4, "armed forces command")]),
        ("A SPOKESMAN FOR THE RED CROSS SAID 300 FAMILIES HAD FLED THE AREA.",
         [("displaced", 300, 300, ("spokesman", "Red Cross"))]),
        ("THE ATTACK ON ROUTE 5 AT 1800 HOURS CAUSED NO CASUALTIES.",
         []),
        ("POLICE SAID 3 PERSONS WERE WOUNDED IN THE BLAST.",
         [("injured", 3, 3, "police")]),
        ("THE GUERRILLAS RELEASED 2 OF THE 9 HOSTAGES THEY SEIZED ON 14 JUNE.",
         [("released", 2, 2, U), ("kidnapped", 9, 9, U)]),
        ("A BOMB EXPLODED IN A SUPERMARKET, KILLING 6 CIVILIANS, ACCORDING TO THE NATIONAL "
         "POLICE.",
         [("killed", 6, 6, "national police")]),
        ("THE 2ND BATTALION SENT 500 SOLDIERS TO THE PROVINCE, THE DEFENSE MINISTER "
         "ANNOUNCED.",
         [("deployed", 500, 500, "defense minister")]),
        ("MORE THAN 40 PEOPLE HAVE DISAPPEARED SINCE JANUARY, A HUMAN RIGHTS GROUP SAID.",
         [("missing", 41, INF, "human rights group")]),
    ],
    "wrapped-lines": [
        ("The Ambulance Service said 14 people\nwere taken to hospital after the crash.",
         [(HOSP, 14, 14, "Ambulance Service")]),
        ("Police in Nairobi said\n22 people were arrested during the protest.",
         [("arrested", 22, 22, "police")]),
        ("At least\n15 people were killed when the building\ncollapsed, officials said.",
         [("killed", 15, INF, "officials")]),
        ("The number of people\ndisplaced by the floods rose to\n6,400, the agency said.",
         [("displaced", 6400, 6400, "agency")]),
        ("Three miners were\nkilled in the blast, the Chamber of\nMines said.",
         [("killed", 3, 3, "Chamber of Mines")]),
        ("Call 999\nif you see anything. Four people\nare missing.",
         [("missing", 4, 4, U)]),
        ("Nine\npassengers were hurt, the\nrailway operator said.",
         [("injured", 9, 9, "railway operator")]),
        ("The death\ntoll has risen to 33, the state\nemergency service said.",
         [("killed", 33, 33, "state emergency service")]),
    ],
    "boilerplate": [
        ("By Amina Yusuf\nTwo people were killed in the fire, the fire service said.",
         [("killed", 2, 2, "fire service")]),
        ("UPDATED 14:05 GMT\nPolice said 11 people were arrested.",
         [("arrested", 11, 11, "police")]),
        ("Photo: Kofi Mensah/Accra Times\n40 people were evacuated from the building.",
         [("displaced", 40, 40, U)]),
        ("SHARE THIS ARTICLE\nFive soldiers were wounded in the attack.",
         [("injured", 5, 5, U)]),
        ("Follow our live coverage\n14:32 - The toll has risen to 27 dead, the regional "
         "governor says.",
         [("killed", 27, 27, "regional governor")]),
        ("Reporting by Lena Park; Editing by Tom Reid\nNo one was hurt.",
         []),
        ("ADVERTISEMENT\nSix people drowned, the coastguard said.",
         [("killed", 6, 6, "coastguard")]),
        ("(c) 2026 Coastline Media. All rights reserved.\nRescuers found 3 bodies.",
         [("killed", 3, 3, U)]),
        # written after the fixes: a heading in capitals over a sentence
        ("BREAKING 09:12 BST\nThe coastguard said 5 fishermen were missing.",
         [("missing", 5, 5, "coastguard")]),
    ],
    "sentence-split": [
        ("Police said two were arrested.Three more were hurt.",
         [("arrested", 2, 2, "police"), ("injured", 3, 3, U)]),
        ("Dr. Anil Kapoor said 8 children died.Another 12 were taken to hospital.",
         [("killed", 8, 8, "Anil Kapoor"), (HOSP, 12, 12, U)]),
        ("The U.N. said 2,000 people fled.About 300 returned.",
         [("displaced", 2000, 2000, "U.N.")]),
        ("Mr. Jones, of 14 St. Mary's Rd., said 5 people were hurt.",
         [("injured", 5, 5, "Jones")]),
        ("Sgt. Ruiz said 4 men were arrested at approx. 2 a.m. on Main St.",
         [("arrested", 4, 4, "Ruiz")]),
        ("The blast killed 3.The army said 9 were injured.",
         [("killed", 3, 3, U), ("injured", 9, 9, "army")]),
        ("Lt. Col. Ahmed said 1.5 million people had been displaced.",
         [("displaced", 1500000, 1500000, "Ahmed")]),
        ("Gov. Ortiz said 20 people died.It was the worst storm in a decade.",
         [("killed", 20, 20, "Ortiz")]),
        # written after the fixes: a whole number run into the next sentence
        ("Rebels freed 12.Two others were hurt, the Red Cross said.",
         [("released", 12, 12, U), ("injured", 2, 2, "Red Cross")]),
    ],
    "temporal": [
        ("On Monday the ministry said 12 people had died; by Wednesday it put the toll at "
         "19.",
         [("killed", 12, 12, "ministry"), ("killed", 19, 19, "ministry")]),
        ("Last year 41 people drowned on the county's beaches, the coastguard said.",
         [("killed", 41, 41, "coastguard")]),
        ("Two weeks after the quake, 3 people are still missing.",
         [("missing", 3, 3, U)]),
        ("On 3 June 2025 police arrested 18 people in Durban.",
         [("arrested", 18, 18, (U, "police"))]),
        ("The 10th anniversary of the disaster, in which 96 people died, was marked on "
         "Sunday.",
         [("killed", 96, 96, U)]),
        ("For the 5th night running, some 1,000 people protested in the capital.",
         [("participants", 900, 1100, U)]),
        ("By 6 p.m. on Friday the death toll stood at 28, the health ministry said.",
         [("killed", 28, 28, "health ministry")]),
        ("Earlier in the day, officials had said 7 people were injured.",
         [("injured", 7, 7, "officials")]),
    ],
}

CASES = cases_of(VARIANTS)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """Every variant through ``claimtrack extract -f jsonl`` in one run: claims by report id."""
    return extract_all(CASES, tmp_path_factory.mktemp("variants3"), date="2026-05-20")


# Out of this file's reach, each with its reason (attribution belongs to attribution.py, ...)
XFAIL: dict[str, str] = {
    "modality-8": "modality: a plan ('plans to send 1,200 peacekeepers') is irrealis, no claim, where the "
                  "challenge convention hedges a deployment to come ('will deploy')",
    "word-sense-6": "word sense: 'drew' with an audience noun ('200,000 viewers') reads as a crowd",
    "noun-only-metric-1": "attribution and metric: a crowd figure in apposition 'by police count' is neither "
                          "attributed nor read as the crowd's size",
    "individuals-5": "convention: a person released on bail is no 'released' individual (individuals), while a "
                     "group released without charge is counted (partitive-3): one convention is owed",
    "quote-structures-1": "metric: a burial ('have buried 16 people') is no killed predicate in the lexicon "
                          "(a landslide buries people alive too)",
}


@pytest.mark.parametrize("cid, text, expected", list(params(CASES, XFAIL)))
def test_variant(extracted, cid, text, expected):
    missing, extra = unmatched(extracted.get(cid, []), expected)
    assert (missing, extra) == ([], []), text


# The number and sentence rules the variants above needed, each with its general case, variants
# and traps, read straight off the figure scan and the sentence splitter.
NUMBER_FORMS = [
    # "-plus" after a number: more than it
    ("Two dozen-plus protesters were held.", [("Two dozen-plus", 25, None)]),
    ("Police said 40-plus villagers fled.", [("40-plus", 41, None)]),
    ("A 50-plus crowd waited.", [("50-plus", 51, None)]),
    # "a couple of" a scale word: twice it
    ("A couple of hundred families left.", [("A couple of hundred", 200, 200)]),
    ("a couple of thousand marchers", [("a couple of thousand", 2000, 2000)]),
    ("a couple dozen pupils", [("a couple dozen", 24, 24)]),
    # "N-to-M" and a scale word: a range with the scale on both ends
    ("3-to-4 thousand people", [("3-to-4 thousand", 3000, 4000)]),
    ("5-to-6 hundred workers", [("5-to-6 hundred", 500, 600)]),
    ("7-to-9 people", [("7-to-9", 7, 9)]),
    # three-digit ranges with a dash are ranges; four-digit and 0-led ends are codes or years
    ("between 300-400 people", [("between 300-400", 300, 400)]),
    ("about 250-300 people", [("about 250-300", 250, 300)]),
    ("call 555-0142 now", []),
    ("from 1998-2001 there", []),
    # a dash pair whose second number is not larger: a score or a code, no count
    ("They won 3-2 and 14 fans were held.", [("14", 14, 14)]),
    ("The teams drew 1-1.", []),
    ("dial 555-123 today", []),
    # a qualifier after an opening quote
    ("\"Some 2,500 people left.\"", [("Some 2,500", 2250, 2750)]),
    ("“About 40 were hurt”", [("About 40", 36, 44)]),
    # an age after "the youngest/oldest" or "older/younger than" in an aside
    ("Three miners — the youngest just 20 — died.", [("Three", 3, 3)]),
    ("Nine men, none of them older than 30, drowned.", [("Nine", 9, 9)]),
    ("Six pupils, the eldest only 12, were hurt.", [("Six", 6, 6)]),
    ("Four of them, older than 60, were freed.", [("Four", 4, 4)]),
]


@pytest.mark.parametrize("text, expected", NUMBER_FORMS)
def test_number_forms(text, expected):
    from claimtrack.extract.numbers import figures
    assert [(f.surface, f.low, f.high) for f in figures(text)] == expected


SENTENCE_SPLITS = [
    # a whole number run into a capitalised word ends a sentence
    ("The blast killed 3.The army said 9 were hurt.", ["The blast killed 3.", "The army said 9 were hurt."]),
    ("Rebels freed 12.Two others were hurt.", ["Rebels freed 12.", "Two others were hurt."]),
    ("Police held 1,200.Most were freed.", ["Police held 1,200.", "Most were freed."]),
    # traps: a version number, an abbreviation before a number
    ("See version 1.2.The end.", ["See version 1.2.The end."]),
    ("See No.3.The x", ["See No.3.The x"]),
    # a line in capitals over one that is not is a heading
    ("UPDATED 14:05 GMT\nPolice said 11 people were arrested.",
     ["UPDATED 14:05 GMT", "Police said 11 people were arrested."]),
    ("LIVE\nThe army said 4 soldiers died.", ["LIVE", "The army said 4 soldiers died."]),
    # trap: wire copy in capitals on both lines runs on
    ("POLICE SAID 14\nPEOPLE WERE KILLED.", ["POLICE SAID 14\nPEOPLE WERE KILLED."]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_SPLITS)
def test_sentence_splits(text, expected):
    from claimtrack.extract.sentences import sentence_spans
    assert [text[a:b] for a, b in sentence_spans(text)] == expected
