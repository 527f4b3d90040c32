"""A sixth hand's variants of the 25 challenge phenomena, in texts written for this file.

``tests/test_variants.py`` … ``tests/test_variants5.py`` cover one-sentence variants, wire
reports, press releases, live blogs, blotters, court prose, lists, transcripts, quoted posts,
corrections, long sentences, local-TV copy, situation reports, fact-checks, interviews and
indictments. These are written in registers none of them uses: written answers to parliamentary
questions; court-reporter summaries of testimony (``the court heard``, ``told the jury``);
emergency-service posts turned into copy; weather and disaster briefings (evacuated, missing,
shelters); business and insurance disclosures (fatalities in a quarter, claims settled);
study and abstract prose (``a study found``); radio scripts (short sentences, numbers spelled
out: ``a couple dozen``, ``nineteen hundred``); long leads with clauses before the verb; texts
whose source comes last; reports that revise a toll within themselves; explainers that ask a
question and answer it; and each phenomenon's traps (homes, jobs, votes, seats, calls, stewards
and organisers that count nobody). Ten texts a phenomenon: the first eight were written before any
fix (170 of 200 read right), the last two after the first fixes (44 of 50 read right).

Every text runs through the real CLI, ``claimtrack extract -f jsonl`` on one JSON-lines file, and
must give exactly the expected set of ``(metric, low, high, source)`` (claims of metric ``other``
and derived tallies left out, as in the evaluation). ``source`` is ``None`` for the report itself;
a string must run as whole words inside the claim's source, origin or a link of its chain; a tuple
lists accepted readings. Expected claims follow SPEC §2-§5 and the conventions of the evaluation
README, not what the code happens to do.
"""
from __future__ import annotations

import pytest
from claim_tables import cases_of, extract_all, params, unmatched

U = None  # the report itself
INF = None  # no upper bound
HOSP = ("hospitalized", "injured")  # a wounded group taken to hospital

VARIANTS: dict[str, list[tuple[str, list[tuple]]]] = {
    "relative-clause": [
        ("In a written answer, the Home Office minister said that 62 asylum seekers who had been held at "
         "the Marsh Lane centre were released in March.",
         [("released", 62, 62, ("minister", "Home Office"))]),
        ("Four fishermen who set out from Port Ellery before dawn are missing tonight. The coastguard says "
         "the search will resume at first light.",
         [("missing", 4, 4, U)]),
        ("Residents who live within two kilometres of the embankment, about 9,000 people in all, were ordered "
         "out of their homes overnight, the civil protection department said.",
         [("displaced", 8100, 9900, "civil protection department")]),
        ("The 300 volunteers who staffed the flood hotline answered more than 5,000 calls in a week, the "
         "council said.",
         []),
        ("The court heard that the two men who opened fire at the county fair wounded five people, one of "
         "whom later lost a leg.",
         [("injured", 5, 5, (U, "court"))]),
        ("The insurer said claims from 2,150 households whose cellars were flooded in October had been "
         "settled.",
         []),
        ("The three climbers who were caught by the avalanche late on Saturday, and whose tent was found "
         "empty on Sunday, are now presumed dead, according to the mountain rescue service.",
         [("killed", 3, 3, "mountain rescue service")]),
        ("Eighteen workers whom the contractor had hired only a week earlier were hurt when the scaffolding "
         "fell, the labour inspectorate said.",
         [("injured", 18, 18, "labour inspectorate")]),
        ("How many of the pilgrims who set out on foot from the coast actually reached the shrine? Officials "
         "say 46 who collapsed on the road were taken to hospital.",
         [(HOSP, 46, 46, "officials")]),
        ("A cohort study of 2,400 nurses who worked night shifts found no rise in cancer rates.",
         []),
    ],
    "aside": [
        ("The Minister of State replied that 14 prison officers (of whom nine were women) had been injured "
         "in assaults at Hollins Wood since January.",
         [("injured", 14, 14, "Minister of State"), ("injured", 9, 9, "Minister of State")]),
        ("Two people \u2014 a woman in her seventies and her grandson \u2014 have died in the floods in the "
         "Tewes valley, police say.",
         [("killed", 2, 2, "police")]),
        ("Evacuated (as of 18:00 local time, provisional): 3,450",
         [("displaced", 3450, 3450, U)]),
        ("The company, which employs some 4,000 people in the region, said 6 of its staff, all contractors at "
         "the Kestrel plant, were injured in the blast.",
         [("injured", 6, 6, "company")]),
        ("Sergeant Ellis \u2014 giving evidence for a second day \u2014 told the jury that 3 officers had "
         "been hurt in the struggle.",
         [("injured", 3, 3, "Ellis")]),
        ("Highway 9 \u2014 shut for 48 hours after the quake, with 2 lanes still closed \u2014 reopened to "
         "traffic on Thursday.",
         []),
        ("After a night of heavy rain, and with the river still rising at dawn, 600 residents of the lower "
         "town (many of them elderly, some in wheelchairs) were moved to the sports hall, the mayor said.",
         [("displaced", 600, 600, "mayor")]),
        ("Forty pupils, none older than 12, were treated in hospital for smoke inhalation, the school board "
         "said.",
         [(HOSP, 40, 40, "school board")]),
        ("Why did so many drown? In the lower town, where the water rose fastest (by two metres in an hour), "
         "11 residents died in their homes.",
         [("killed", 11, 11, U)]),
        ("The insurer's filing lists 3 fatalities \u2014 all of them contractors \u2014 at the refinery in "
         "2025.",
         [("killed", 3, 3, (U, "insurer"))]),
    ],
    "coordination": [
        ("The storm killed a lorry driver in Cumbria and two walkers in the Peak District, the Met Office "
         "said in its evening briefing.",
         [("killed", 1, 1, "Met Office"), ("killed", 2, 2, "Met Office")]),
        ("Nine dead, thirty hurt. That is the toll tonight from the tram crash in Leipzig.",
         [("killed", 9, 9, U), ("injured", 30, 30, U)]),
        ("The minister said 3 custody officers had been taken to hospital and 11 detainees had been "
         "moved to other stations.",
         [(HOSP, 3, 3, "minister"), ("arrested", 11, 11, "minister")]),
        ("Rescuers pulled 14 survivors and 6 bodies from the rubble of the hotel overnight, the fire "
         "service said.",
         [("killed", 6, 6, "fire service")]),
        ("Between 40 and 50 men, women and children were evacuated from the island by helicopter.",
         [("displaced", 40, 50, U)]),
        ("The region lost 12 schools and 3 bridges to the floods, and 200 hectares of crops.",
         []),
        ("Police arrested two men and a teenager after the raid, and charged a fourth man on Sunday, the "
         "force said.",
         [("arrested", 2, 2, "force"), ("arrested", 1, 1, "force")]),
        ("Seven employees and two contractors were injured, the company said in its annual filing.",
         [("injured", 7, 7, "company"), ("injured", 2, 2, "company")]),
        ("Storm Petra: 2 dead, 14 injured and 3,000 evacuated, the interior ministry said on Sunday.",
         [("killed", 2, 2, "interior ministry"), ("injured", 14, 14, "interior ministry"),
          ("displaced", 3000, 3000, "interior ministry")]),
        ("A nurse and 3 patients were hurt when the ceiling of the ward came down.",
         [("injured", 1, 1, U), ("injured", 3, 3, U)]),
    ],
    "partitive": [
        ("Of the 85 people arrested during the demonstration in Market Square, 19 have been charged, the "
         "minister told the House.",
         [("arrested", 85, 85, "minister")]),
        ("Thirty passengers were on the bus. Twelve of them are in hospital tonight.",
         [(HOSP, 12, 12, U)]),
        ("The prosecutor said that of the 40 workers who were exposed to the gas, 6 died and 22 were "
         "treated in hospital.",
         [("killed", 6, 6, "prosecutor"), (HOSP, 22, 22, "prosecutor")]),
        ("Of the 1,300 people displaced by the landslide, fewer than half have returned home, the agency "
         "estimates.",
         [("displaced", 1300, 1300, "agency")]),
        ("Three of the four lanes of the bypass were closed for repairs.",
         []),
        ("None of the 14 crew was hurt, but two of the ship's 300 passengers were taken to hospital with "
         "minor injuries, the ferry operator said.",
         [(HOSP, 2, 2, "ferry operator")]),
        ("A dozen of the 60 hostages held at the mine were freed overnight, the army said; the rest are "
         "still being held.",
         [("released", 12, 12, "army"), ("kidnapped", 60, 60, "army")]),
        ("Most of the 2,000 residents have gone back, but 150 of them are still in shelters, the mayor's "
         "office said.",
         [("displaced", 150, 150, "mayor's office")]),
        ("What happened to the rest? Of the 64 migrants on board, 51 were rescued and 13 are missing, the "
         "coastguard said.",
         [("missing", 13, 13, "coastguard")]),
        ("Nearly half of the 900 workers at the plant were evacuated when the gas leaked.",
         [])  # (the part is no figure; the whole counts the workers)
        ,
    ],
    "negation": [
        ("The minister replied that no arrests had been made in connection with the fire, and that 4 "
         "firefighters had been injured.",
         [("injured", 4, 4, "minister")]),
        ("No one was hurt. Police say 30 homes were evacuated.",
         []),
        ("The witness denied that anyone had been killed in the raid and said only two guards were injured.",
         [("injured", 2, 2, "witness")]),
        ("None of the 400 spectators was injured when the stand partly collapsed, organisers said.",
         []),
        ("There were no fatalities at any of the group's sites in 2025, compared with 3 in 2024, the annual "
         "report states.",
         [("killed", 3, 3, (U, "annual report"))]),
        ("Police denied reports that 12 protesters had been arrested outside the embassy.",
         []),
        ("Not a single patient had to be moved, the hospital said, even though 70 people in the street "
         "outside were evacuated.",
         [("displaced", 70, 70, (U, "hospital"))]),
        ("Neither the driver nor any of the 23 passengers was injured, but 5 people in a car behind were "
         "hurt, police said.",
         [("injured", 5, 5, "police")]),
        ("Did anyone die? No. But 6 people were treated for smoke inhalation, the fire service said.",
         [("injured", 6, 6, "fire service")]),
        ("The quake caused no injuries and no one had to leave their home, the civil protection agency said.",
         []),
    ],
    "modality": [
        ("A storm surge of that height could force as many as 50,000 people from their homes along the "
         "delta, forecasters warned.",
         [("displaced", 0, 50000, "forecasters")]),
        ("The defence secretary told MPs that a further 250 troops would be sent to Estonia in the spring.",
         [("deployed", 250, 250, "defence secretary")]),
        ("Prosecutors are seeking the arrest of 6 former ministers over the contract.",
         []),
        ("Up to twenty people may have drowned when the boat sank, local officials fear.",
         [("killed", 0, 20, "local officials")]),
        ("The union says as many as 2,000 workers could join the march on Saturday.",
         [("participants", 0, 2000, "union")]),
        ("Magistrates signed warrants to arrest 3 men suspected of the robbery, but none has been detained.",
         []),
        ("If the dam were to fail, the town's 12,000 residents would have to be evacuated, engineers said.",
         [("displaced", 12000, 12000, "engineers")]),
        ("Experts believe the heatwave may have killed more than 400 people across the region.",
         [("killed", 401, INF, "experts")]),
        ("Could the toll rise? Rescuers fear that up to 30 more people may have died under the mud.",
         [("killed", 0, 30, "rescuers")]),
        ("The model suggests a repeat of the 1953 flood would force 200,000 people from their homes.",
         [("displaced", 200000, 200000, (U, "model"))]),
    ],
    "split-cue": [
        ("The number of children held in immigration detention at the end of June stood at 31, the "
         "minister said in a written answer.",
         [("arrested", 31, 31, "minister")]),
        ("The toll from Storm Iris has now risen to nine, after the body of a hiker was found near Glen "
         "Ross, police said.",
         [("killed", 9, 9, "police"), ("killed", 1, 1, "police")]),
        ("The number of people forced from their homes by the fires stands tonight at more than twelve "
         "thousand.",
         [("displaced", 12001, INF, U)]),
        ("The number of staff injured at the plant last year fell to 14, from 22 the year before, the "
         "company said.",
         [("injured", 14, 14, "company"), ("injured", 22, 22, "company")]),
        ("The proportion of patients who died within 30 days was 12 per cent.",
         []),
        ("Officials put the number of people arrested since the curfew began at 1,140.",
         [("arrested", 1140, 1140, "officials")]),
        ("The number of calls to the hotline reached 4,000 on Sunday.",
         []),
        ("The figure for those still unaccounted for after the quake now stands at 27, the civil defence "
         "said.",
         [("missing", 27, 27, "civil defence")]),
        ("So how many were arrested? The number of arrests, according to the police, stands at 214.",
         [("arrested", 214, 214, "police")]),
        ("The number of people who were treated in hospital after the heatwave has reached 1,300, the "
         "health agency said.",
         [(HOSP, 1300, 1300, "health agency")]),
    ],
    "headline-tense": [
        ("Storm leaves 4 dead in Brittany\nFallen trees blocked roads across Finist\u00e8re on Sunday, the "
         "prefecture said.",
         [("killed", 4, 4, U)]),
        ("Ferry fire injures 19 off Crete\nAll passengers were taken off the ship by lifeboat.",
         [("injured", 19, 19, U)]),
        ("Police hold 12 after night of looting in Bordeaux\nShop windows were smashed along the main "
         "street.",
         [("arrested", 12, 12, U)]),
        ("Ten years on, flood-hit valley still waits for its new bridge\nVillagers say the ford is "
         "impassable in winter.",
         []),
        ("Quake toll rises to 212 as rescuers reach mountain villages",
         [("killed", 212, 212, U)]),
        ("Army frees 15 hostages in jungle raid; two soldiers hurt",
         [("released", 15, 15, U), ("injured", 2, 2, U)]),
        ("Judge frees 3 jailed activists\nThe court ruled their detention unlawful.",
         [("released", 3, 3, U)]),
        ("Gunman kills 3 at Ohio diner, police say\nThe suspect fled in a grey pickup.",
         [("killed", 3, 3, "police")]),
        ("Floods force 8,000 from homes in Po valley\nRoads were cut in three provinces.",
         [("displaced", 8000, 8000, U)]),
        ("Rail strike: 20,000 march in Lyon",
         [("participants", 20000, 20000, U)]),
    ],
    "number-words": [
        ("Officials say some four hundred and fifty people spent last night in emergency shelters after "
         "being evacuated.",
         [("displaced", 405, 495, "officials")]),
        ("A couple dozen protesters were detained.",
         [("arrested", 24, 24, U)]),
        ("Nineteen hundred people were moved out of the valley as the fire spread.",
         [("displaced", 1900, 1900, U)]),
        ("Twice as many people were injured as last year.",
         []),
        ("A half-dozen officers were hurt.",
         [("injured", 6, 6, U)]),
        ("One or two of the neighbours said they had heard shots.",
         []),
        ("Three hundred and six people were rescued and forty-one are still missing, the coastguard says.",
         [("missing", 41, 41, "coastguard")]),
        ("Close to a thousand fans were held by police after the final.",
         [("arrested", 900, 1000, (U, "police"))]),
        ("Good evening. Some two thousand people are without a home tonight after the river burst its "
         "banks.",
         [("displaced", 1800, 2200, U)]),
        ("A score of fishermen were detained by the navy.",
         [("arrested", 20, 20, (U, "navy"))]),
    ],
    "not-a-count": [
        ("A magnitude 6.1 quake struck at 03:14 local time, 40 km south of the city, at a depth of 10 km; "
         "23 people were injured, the seismology institute said.",
         [("injured", 23, 23, "seismology institute")]),
        ("Written answer 4471: the minister said that 58 people were arrested under the Public Order Act "
         "in 2025.",
         [("arrested", 58, 58, "minister")]),
        ("Crews remain on scene at Unit 7, 14 Mill Road. Two people have been taken to hospital. Please "
         "avoid the area.",
         [(HOSP, 2, 2, U)]),
        ("On the twelfth of May, three hundred people gathered at the town hall.",
         [("participants", 300, 300, U)]),
        ("The group recorded 2 workplace fatalities in the quarter, while Q3 revenue rose 14% to $2.1bn.",
         [("killed", 2, 2, (U, "group"))]),
        ("The Boeing 737-800 with 189 seats landed safely on runway 27L at 9.40pm.",
         []),
        ("The 45-minute standoff on the A9 ended with 2 men arrested, police said.",
         [("arrested", 2, 2, "police")]),
        ("The defendant, 27, of Flat 3, 21 Harbour Lane, admitted wounding 2 door staff.",
         [("injured", 2, 2, U)]),
        ("The 2023 report, on page 14, lists 312 deaths in 47 provinces.",
         [("killed", 312, 312, (U, "report"))]),
        ("Gusts of 140 km/h hit the coast at 5 a.m.; 2 people were injured by falling trees.",
         [("injured", 2, 2, U)]),
    ],
    "word-sense": [
        ("The film was shot in 32 days in the Atlas mountains.",
         []),
        ("The proposal was killed in committee by 9 votes to 4.",
         []),
        ("The takeover collapsed and 300 jobs were lost, the union said.",
         []),
        ("Floodwater claimed the lives of 6 people in the valley, the county sheriff said.",
         [("killed", 6, 6, "sheriff")]),
        ("Shares in the airline fell 12% after 2 of its pilots were detained in Dubai.",
         [("arrested", 2, 2, U)]),
        ("The company fired 40 workers after the strike.",
         []),
        ("Three bills died in the Senate on Thursday.",
         []),
        ("A stray bullet struck and killed a 9-year-old girl at her window, police said.",
         [("killed", 1, 1, "police")]),
        ("The storm knocked out power to 40,000 homes and killed 2 people.",
         [("killed", 2, 2, U)]),
        ("The scandal claimed the careers of 3 ministers.",
         []),
    ],
    "objects": [
        ("The storm damaged 340 homes and injured 12 people across the county.",
         [("injured", 12, 12, U)]),
        ("Rescuers evacuated 18 care homes and 1,100 residents as the river burst its banks.",
         [("displaced", 1100, 1100, U)]),
        ("The fire destroyed 40 vehicles at the depot; no one was hurt.",
         []),
        ("Looters stole 200 phones and police arrested 14 people.",
         [("arrested", 14, 14, (U, "police"))]),
        ("The insurer received 12,000 claims after the hailstorm.",
         []),
        ("The floods killed 2,500 sheep and 4 farmers in the uplands.",
         [("killed", 4, 4, U)]),
        ("Militants abducted 3 aid workers and seized 2 trucks of food.",
         [("kidnapped", 3, 3, U)]),
        ("Officers recovered 9 stolen cars and detained 5 suspects.",
         [("arrested", 5, 5, U)]),
        ("The quake damaged 1,200 buildings and left 4,000 people homeless.",
         [("displaced", 4000, 4000, U)]),
        ("Claims for 300 flooded cars were filed after the storm.",
         []),
    ],
    "noun-only-metric": [
        ("Some 6,000 marchers filled Parliament Street on Saturday.",
         [("participants", 5400, 6600, U)]),
        ("The 800 British peacekeepers in Kosovo will stay until March, the ministry said.",
         [("deployed", 800, 800, "ministry")]),
        ("Roughly 30,000 evacuees are sheltering in schools.",
         [("displaced", 27000, 33000, U)]),
        ("Deaths: 14. Injuries: 52.",
         [("killed", 14, 14, U), ("injured", 52, 52, U)]),
        ("The 40 detainees began a hunger strike on Monday, their lawyers said.",
         [("arrested", 40, 40, "lawyers")]),
        ("The 12 organisers of the march met the mayor on Friday.",
         []),
        ("Road fatalities in the county reached 61 last year, the highways agency said.",
         [("killed", 61, 61, "highways agency")]),
        ("The rally's 2,000 stewards were told to keep the route clear.",
         []),
        ("What of the 5,000 peacekeepers already in the region? They will stay, the UN said.",
         [("deployed", 5000, 5000, (U, "UN"))]),
        ("Some 40,000 flood evacuees remain in camps, the agency said.",
         [("displaced", 36000, 44000, "agency")]),
    ],
    "metric-priority": [
        ("Two pedestrians were hit by a van and taken to hospital with serious injuries.",
         [(HOSP, 2, 2, U)]),
        ("Three men were shot dead and a fourth was wounded.",
         [("killed", 3, 3, U), ("injured", 1, 1, U)]),
        ("Five people were rescued from the flooded basement and taken to hospital.",
         [(HOSP, 5, 5, U)]),
        ("At least 30 passengers were hurt, three of them seriously, and 12 were admitted to hospital.",
         [("injured", 30, INF, U), ("injured", 3, 3, U), (HOSP, 12, 12, U)]),
        ("Twelve hostages were freed after 3 weeks in captivity.",
         [("released", 12, 12, U)]),
        ("Seven people were evacuated by helicopter with burns and are being treated in hospital.",
         [(HOSP, 7, 7, U)]),
        ("Nine people were killed or injured when the bridge gave way, the fire service said.",
         [("casualties", 9, 9, "fire service")]),
        ("Four protesters were detained and held overnight in police cells.",
         [("arrested", 4, 4, U)]),
        ("Four climbers were rescued with frostbite and flown to hospital in Kathmandu.",
         [(HOSP, 4, 4, U)]),
        ("Two officers were shot and wounded, and a third was killed.",
         [("injured", 2, 2, U), ("killed", 1, 1, U)]),
    ],
    "individuals": [
        ("A firefighter was injured when a ceiling collapsed at the blaze in Hove, the fire service said.",
         [("injured", 1, 1, "fire service")]),
        ("The minister confirmed that a detainee had died at the Fenwick centre in March.",
         [("killed", 1, 1, "minister")]),
        ("The jury heard that the victim, a 31-year-old father of two, was stabbed three times and died at "
         "the scene.",
         [("killed", 1, 1, (U, "jury"))]),
        ("Police are appealing for help to trace a man seen near the scene.",
         []),
        ("A teenager has been charged with murder after a man was found dead in a flat in Leith.",
         [("killed", 1, 1, U)]),
        ("A police officer was hit by a car during the chase and is in hospital, the force said.",
         [(HOSP, 1, 1, "force")]),
        ("A suspect was arrested on Tuesday. The man, 42, was later charged.",
         [("arrested", 1, 1, U)]),
        ("A pensioner is missing after the flood swept through her village, police said.",
         [("missing", 1, 1, "police")]),
        ("A lifeguard drowned while trying to reach a swimmer, the council said.",
         [("killed", 1, 1, "council")]),
        ("A man is being sought by police after the attack.",
         []),
    ],
    "org-pronoun": [
        ("The Red Cross said 40 people had been evacuated from the island. It added that 3 volunteers were "
         "injured.",
         [("displaced", 40, 40, "Red Cross"), ("injured", 3, 3, "Red Cross")]),
        ("The coastguard said 5 fishermen were missing. The agency later said two had been found.",
         [("missing", 5, 5, "coastguard")]),
        ("The Transport Ministry said 11 passengers died. The ministry said 40 more were hospitalised.",
         [("killed", 11, 11, "Transport Ministry"), (HOSP, 40, 40, "Transport Ministry")]),
        ("Dr Ruth Okafor, who heads the trauma unit, said 22 patients had been admitted. She said 4 of them "
         "had died.",
         [(HOSP, 22, 22, "Ruth Okafor"), ("killed", 4, 4, "Ruth Okafor")]),
        ("The federation said 2,000 members joined the march. It was the largest protest in a decade, and "
         "police said 15 people were arrested.",
         [("participants", 2000, 2000, "federation"), ("arrested", 15, 15, "police")]),
        ("A spokesman for the regional council said 30 homes were flooded. He added that 80 people had been "
         "moved to a school.",
         [("displaced", 80, 80, ("spokesman", "regional council"))]),
        ("The Home Office said 312 people were detained at the border last month. It did not say how many "
         "were later released.",
         [("arrested", 312, 312, "Home Office")]),
        ("The aid agency's chief, Lena Marsh, said 6 staff had been abducted. She said the agency had "
         "pulled its teams out.",
         [("kidnapped", 6, 6, "Lena Marsh")]),
        ("The Meteorological Office said 3 people died in the storm. It warned that more rain was on the "
         "way and said 200 homes had been evacuated.",
         [("killed", 3, 3, "Meteorological Office")]),
        ("The coroner's office said 14 bodies had been identified. The office added that 5 remain "
         "unidentified.",
         [("killed", 14, 14, "coroner's office")]),
    ],
    "false-backref": [
        ("Storm Iris brought down power lines across the county and killed 2 motorists. The utility said "
         "crews would work through the night.",
         [("killed", 2, 2, U)]),
        ("Fourteen people were hurt in the crush at the stadium gates. The club said in a statement that "
         "300 fans had been turned away.",
         [("injured", 14, 14, U)]),
        ("Three climbers died on the north face on Sunday. That figure was confirmed on Monday by the "
         "mountain rescue team.",
         [("killed", 3, 3, "mountain rescue team")]),
        ("About 500 people marched through the city. Police said 6 of them were arrested.",
         [("participants", 450, 550, U), ("arrested", 6, 6, "police")]),
        ("A flash flood killed 4 campers in the canyon. The park service said the site had been closed.",
         [("killed", 4, 4, U)]),
        ("Seventy homes were evacuated and 12 residents were taken to hospital. The fire brigade confirmed "
         "this on Friday.",
         [(HOSP, 12, 12, "fire brigade")]),
        ("Two men were arrested at the scene. Police say a third got away.",
         [("arrested", 2, 2, U)]),
        ("At least 9 people died in the blaze. The mayor, speaking at the scene, said the building had no "
         "fire escape.",
         [("killed", 9, INF, U)]),
        ("Twelve people were killed in the landslide. The governor visited the site on Monday.",
         [("killed", 12, 12, U)]),
        ("About 3,000 people marched in the capital. Organisers said this was a record.",
         [("participants", 2700, 3300, (U, "organisers"))]),
    ],
    "quote-structures": [
        ("\u201cI saw four bodies on the stairs,\u201d the firefighter told the inquest.",
         [("killed", 4, 4, "firefighter")]),
        ("'We evacuated 120 patients in under an hour.' So said ward sister Jan Cole, recalling the night "
         "of the fire.",
         # (patients moved out are displaced, or, as the wounded are, people in care)
         [(("displaced", "hospitalized"), 120, 120, "Jan Cole")]),
        ("\"Twenty-two people rescued from the roof so far, and 3 taken to hospital,\" the fire service "
         "posted on X.",
         [(HOSP, 3, 3, "fire service")]),
        ("According to the harbour master, \"at least 6 crew are missing\".",
         [("missing", 6, INF, "harbour master")]),
        ("\"Seven dead,\" the sheriff said. \"Maybe more.\"",
         [("killed", 7, 7, "sheriff")]),
        ("\"None of our staff was hurt,\" the manager said, \"but 3 customers were taken to hospital.\"",
         [(HOSP, 3, 3, "manager")]),
        ("\u201cWe arrested 14 people overnight.\u201d Those were the words of Chief Superintendent Mark "
         "Hale on Monday morning.",
         [("arrested", 14, 14, "Mark Hale")]),
        ("Our correspondent says: \"Hundreds have been detained since the weekend.\"",
         [("arrested", 200, 999, "correspondent")]),
        ("\"We have found 9 bodies,\" a rescuer at the scene said.",
         [("killed", 9, 9, "rescuer")]),
        ("In her words: \"Three of my staff were taken hostage.\" The hotel manager spoke on Monday.",
         [("kidnapped", 3, 3, (U, "hotel manager"))]),
    ],
    "nested-report": [
        ("The BBC, citing hospital officials, reported that 15 people had died.",
         [("killed", 15, 15, "BBC")]),
        ("The mayor told local radio that police had informed him that 3 looters were arrested.",
         [("arrested", 3, 3, "mayor")]),
        ("According to Reuters, which cited two security sources, 8 soldiers were killed.",
         [("killed", 8, 8, "Reuters")]),
        ("The minister, quoted by state television, said 200 people had been evacuated.",
         [("displaced", 200, 200, "state television")]),
        ("The minister said the police had told her that 41 people were arrested.",
         [("arrested", 41, 41, "minister")]),
        ("Witnesses told the Guardian that at least 30 protesters were beaten and injured.",
         [("injured", 30, INF, "Guardian")]),
        ("The agency, quoting the fire department, said 11 firefighters were hurt.",
         [("injured", 11, 11, "agency")]),
        ("Human Rights Watch said residents had told its researchers that 25 villagers were abducted.",
         [("kidnapped", 25, 25, "Human Rights Watch")]),
        ("The UN said local officials had told it that 500 families had fled.",
         [("displaced", 500, 500, "UN")]),
        ("Reuters, citing a police source, said 4 suspects were arrested.",
         [("arrested", 4, 4, "Reuters")]),
    ],
    "cue-variants": [
        ("The coroner recorded that 3 people died of carbon monoxide poisoning.",
         [("killed", 3, 3, "coroner")]),
        ("A study by the university found that 1,200 people were displaced by the dam project.",
         [("displaced", 1200, 1200, ("study", "university"))]),
        ("Police estimate the crowd at 20,000.",
         [("participants", 20000, 20000, "police")]),
        ("The governor warned that 40 villagers remain missing.",
         [("missing", 40, 40, "governor")]),
        ("The ministry's latest figures show that 312 people have been arrested.",
         [("arrested", 312, 312, "ministry")]),
        ("As the UN noted on Friday, 90,000 people have fled.",
         [("displaced", 90000, 90000, "UN")]),
        ("The army insists only 2 civilians were killed.",
         [("killed", 2, 2, "army")]),
        ("Officials acknowledged that 7 inmates had escaped and 4 were injured.",
         [("injured", 4, 4, "officials")]),
        ("Hospital records show that 52 people were admitted with burns.",
         [(HOSP, 52, 52, ("hospital records", U))]),
        ("The mayor conceded that 6 people had died.",
         [("killed", 6, 6, "mayor")]),
    ],
    "upper-case": [
        ("HEAVY RAIN CAUSED A LANDSLIDE THAT BURIED 7 HOUSES AND KILLED 12 PEOPLE IN THE VILLAGE OF SAN "
         "PEDRO, THE CIVIL DEFENSE AGENCY SAID.",
         [("killed", 12, 12, "CIVIL DEFENSE AGENCY")]),
        ("SECURITY FORCES ARRESTED 35 STUDENTS DURING THE MARCH, ACCORDING TO THE HUMAN RIGHTS COMMISSION.",
         [("arrested", 35, 35, "HUMAN RIGHTS COMMISSION")]),
        ("THREE SOLDIERS WERE WOUNDED. NO OTHER CASUALTIES WERE REPORTED.",
         [("injured", 3, 3, U)]),
        ("GUERRILLAS FREED 4 HOSTAGES ON ROUTE 7 AT 1500 HOURS, RADIO SONORA REPORTED.",
         [("released", 4, 4, "RADIO SONORA")]),
        ("THE PRESIDENT ORDERED 1,500 TROOPS TO THE BORDER.",
         [("deployed", 1500, 1500, (U, "PRESIDENT"))]),
        ("THE MAYOR SAID 800 PEOPLE WERE LEFT HOMELESS BY THE FIRE.",
         [("displaced", 800, 800, "MAYOR")]),
        ("THE 4TH BRIGADE MOVED TO KILOMETER 40 ON HIGHWAY 3.",
         []),
        ("A POLICEMAN WAS KILLED AND TWO CIVILIANS WERE INJURED, THE NATIONAL POLICE REPORTED.",
         [("killed", 1, 1, "NATIONAL POLICE"), ("injured", 2, 2, "NATIONAL POLICE")]),
        ("RESCUERS PULLED 8 BODIES FROM THE RIVER, THE FIRE DEPARTMENT SAID.",
         [("killed", 8, 8, "FIRE DEPARTMENT")]),
        ("POLICE SAID 40 PEOPLE WERE DETAINED AND 3 OFFICERS HURT.",
         [("arrested", 40, 40, "POLICE"), ("injured", 3, 3, "POLICE")]),
    ],
    "wrapped-lines": [
        ("Rescue teams said 14\npeople were still missing after the\nlandslide.",
         [("missing", 14, 14, "rescue teams")]),
        ("About 2,000 residents of the\nriverside district were evacuated on\nSunday, the mayor's office "
         "said.",
         [("displaced", 1800, 2200, "mayor's office")]),
        ("The bypass, which carries\n40,000 vehicles a day, was closed for\n3 hours.",
         []),
        ("Police arrested\n23 people and seized\n4 guns, the force said.",
         [("arrested", 23, 23, "force")]),
        ("At least\nseven people were injured when the\nbalcony gave way, according to\nthe fire service.",
         [("injured", 7, INF, "fire service")]),
        ("The death toll rose to\n41, officials said.",
         [("killed", 41, 41, "officials")]),
        ("Hundreds of\nprotesters were detained.",
         [("arrested", 200, 999, U)]),
        ("The storm left 3 dead and\n12 injured in the county, police said.",
         [("killed", 3, 3, "police"), ("injured", 12, 12, "police")]),
        ("The coastguard said\nthat 5 people were\nmissing.",
         [("missing", 5, 5, "coastguard")]),
        ("Some 1,500\npeople took part in\nthe march, police said.",
         [("participants", 1350, 1650, "police")]),
    ],
    "boilerplate": [
        ("BREAKING\nFour people were injured when a car hit a bus shelter in Slough, police said.\nShare "
         "this article",
         [("injured", 4, 4, "police")]),
        ("Posted 14:32 | Updated 15:10\nTwo climbers died on Ben Nevis, police said.",
         [("killed", 2, 2, "police")]),
        ("Written by Tom Ashby\nFloods have forced 600 people from their homes in Somerset.\nSign up for "
         "our newsletter",
         [("displaced", 600, 600, U)]),
        ("Image caption: Firefighters at the scene\nThe fire service said 9 people were taken to "
         "hospital.\nMore on this story",
         [(HOSP, 9, 9, "fire service")]),
        ("LIVE UPDATES\n12.05pm: Police say 14 people have now been arrested.",
         [("arrested", 14, 14, "police")]),
        ("Three soldiers were killed, the army said.\nAdditional reporting by Sam Lee in Kyiv.",
         [("killed", 3, 3, "army")]),
        ("Copyright 2026 Northern Daily. All rights reserved.\n50 people were evacuated.",
         [("displaced", 50, 50, U)]),
        ("Related coverage: Storm Iris hits the coast\nThe coastguard said 5 people were rescued and 2 "
         "were missing.",
         [("missing", 2, 2, "coastguard")]),
        ("Subscribe now\nFour people were killed in a crash on the M6, police said.\nAdvertisement",
         [("killed", 4, 4, "police")]),
        ("Follow us on Twitter\nTwo hundred people were evacuated from the tower block.",
         [("displaced", 200, 200, U)]),
    ],
    "sentence-split": [
        ("Police said 3 men were arrested.The fourth man is still at large.",
         [("arrested", 3, 3, "police")]),
        ("Lt. Col. Ana Reyes said 12 troops were wounded. Dr. K. Patel said the ward was full.",
         [("injured", 12, 12, "Ana Reyes")]),
        ("The storm killed 5 people in the U.K. and 2 in Ireland, the Met Office said.",
         [("killed", 5, 5, "Met Office"), ("killed", 2, 2, "Met Office")]),
        ("Two people died.Eleven were hurt, firefighters said.",
         [("killed", 2, 2, U), ("injured", 11, 11, "firefighters")]),
        ("St. Mary's Hospital said it had admitted 8 people.No one died.",
         [(HOSP, 8, 8, "St. Mary's Hospital")]),
        ("Approx. 300 people attended the vigil, organisers said.",
         [("participants", 270, 330, "organisers")]),
        ("The Dept. of Health said 17 people were hospitalised on Sat. night.",
         [(HOSP, 17, 17, "Dept. of Health")]),
        ("Maj. Gen. Idris Bello said 20 militants were killed...No soldiers died.",
         [("killed", 20, 20, "Idris Bello")]),
        ("Col. J. Ortiz said 4 soldiers were killed.Two more were wounded.",
         [("killed", 4, 4, "Ortiz"), ("injured", 2, 2, U)]),
        ("The storm hit at approx. 3 a.m. and 9 people died, officials said.",
         [("killed", 9, 9, "officials")]),
    ],
    "temporal": [
        ("By Tuesday evening the number of missing had fallen to 6, from 19 on Sunday, the coastguard said.",
         [("missing", 6, 6, "coastguard"), ("missing", 19, 19, "coastguard")]),
        ("Last month 140 people were arrested; this month police have detained 62.",
         [("arrested", 140, 140, U), ("arrested", 62, 62, (U, "police"))]),
        ("On 3 April, 12 people were hurt in a crush at the station.",
         [("injured", 12, 12, U)]),
        ("The toll, put at 8 on Friday, rose to 13 over the weekend, hospital officials said.",
         [("killed", 8, 8, "hospital officials"), ("killed", 13, 13, "hospital officials")]),
        ("In 2019, floods displaced 40,000 people in the same valley.",
         [("displaced", 40000, 40000, U)]),
        ("Two days after the blast, 5 workers remain missing, the company said on Thursday.",
         [("missing", 5, 5, "company")]),
        ("Since 1 January, 1,900 people have been arrested, the ministry said on 14 March.",
         [("arrested", 1900, 1900, "ministry")]),
        ("At 6 p.m. on 9 June, 21 people were reported missing; by midnight, 4 of them had been found dead.",
         [("missing", 21, 21, U), ("killed", 4, 4, U)]),
        ("On Monday the toll was 4; by Wednesday it had risen to 11, officials said.",
         [("killed", 4, 4, (U, "officials")), ("killed", 11, 11, "officials")]),
        ("A week after the floods, 2,000 people are still in shelters.",
         [("displaced", 2000, 2000, U)]),
    ],
}

CASES = cases_of(VARIANTS)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """Every variant through ``claimtrack extract -f jsonl`` in one run: claims by report id."""
    return extract_all(CASES, tmp_path_factory.mktemp("variants6"), date="2026-06-10")


# Out of this file's reach, each with its reason (attribution belongs to attribution.py, ...)
ORDINAL = ("individuals: an ordinal standing for one more person ('and a fourth was wounded') is no individual "
           "(a rule for 'a' + ordinal before its verb reads these, but full.dev's gold counts no such person in one "
           "of its police-shooting reports, so it lowered full.dev precision and was left out)")
XFAIL: dict[str, str] = {
    "aside-1": "attribution: 'replied that' is no cue of speech (a written answer's verb)",
    "negation-1": "attribution: 'replied that' is no cue of speech (a written answer's verb)",
    "aside-4": "attribution: a relative clause between the speaker and 'said' ('The company, which employs …, "
               "said') leaves the figure the report's",
    "org-pronoun-6": "attribution: 'He added' does not resolve to the person named in the sentence before "
                     "('A spokesman for the regional council said …')",
    "negation-6": "attribution: the figure in what police deny is credited to a source named 'Police denied'; "
                  "the unnamed 'reports' make it, so it is no claim",
    "split-cue-2": "individuals: a person whose body was found, told in the passive ('after the body of a "
                   "hiker was found'), is no individual death",
    "headline-tense-1": "attribution: the speaker of the line under a headline ('…, the prefecture said') is "
                        "taken for the headline's figure",
    "metric-priority-2": ORDINAL,
    "metric-priority-10": ORDINAL,
    "individuals-6": "metric: 'was hit by a car … and is in hospital' gives a person no stay in hospital",
}


@pytest.mark.parametrize("cid, text, expected", list(params(CASES, XFAIL)))
def test_variant(extracted, cid, text, expected):
    missing, extra = unmatched(extracted.get(cid, []), expected)
    assert (missing, extra) == ([], []), text


# The rules the variants above needed, each with its general case, variants (written after the
# fix) and traps, read straight off the library: (text, [(figure as written, metric), …]).
RULES = [
    # a possessive stands where a determiner does before a partitive's whole
    ("Two of the ship's 300 passengers were taken to hospital.", [("Two", "hospitalized"), ("300", "other")]),
    ("Four of the army\u2019s 90 recruits were killed.", [("Four", "killed"), ("90", "other")]),
    ("Of the city's 4,000 residents, 300 were evacuated.", [("4,000", "other"), ("300", "displaced")]),
    # a participle coordinated in its verb group takes the group's metric from the second one
    ("30 protesters were beaten and injured.", [("30", "injured")]),
    ("Nine students were rounded up and detained.", [("Nine", "arrested")]),
    ("Five officers were beaten and robbed.", [("Five", "other")]),
    ("3 men were attacked and 4 were injured.", [("3", "other"), ("4", "injured")]),
    ("Two other men were questioned and released, police said.", [("Two", "other")]),
    # a metric's plural noun heading the subject of a measure verb measures itself
    ("Road fatalities in the county reached 61 last year.", [("61", "killed")]),
    ("Arrests rose to 1,140 on Sunday.", [("1,140", "arrested")]),
    ("Deaths topped 300.", [("300", "killed")]),
    ("Calls about injuries reached 4,000.", [("4,000", "other")]),
    # the figure a measure left ("to N, from M") counts what the new one counts
    ("The number of staff injured fell to 14, from 22 the year before.", [("14", "injured"), ("22", "injured")]),
    ("The toll rose to 40 from 31.", [("40", "killed"), ("31", "killed")]),
    ("The bus went to 14 from 22 stops.", [("14", "other"), ("22", "other")]),
    # an aside between commas on the measure noun
    ("The toll, put at 8 on Friday, rose to 13.", [("8", "killed"), ("13", "killed")]),
    # a list of three or more plural heads shares the verb after it
    ("40 men, women and children were evacuated.", [("40", "displaced")]),
    ("40 men, women, and children were evacuated.", [("40", "displaced")]),
    ("12 soldiers, 3 police and 4 civilians were killed.", [("12", "killed"), ("3", "killed"), ("4", "killed")]),
    # an aside between a group and its verb holds no verb of saying
    ("The firm, which employs 4,000 people, said 6 of its staff, all welders, were injured.",
     [("4,000", "other"), ("6", "injured")]),
    ("Two cyclists, aged 61 and 64, were admitted to hospital.", [("Two", "hospitalized")]),
    # a group moved or taken to a place of refuge was displaced, as one taken to care was hospitalized
    ("600 residents were moved to the sports hall.", [("600", "displaced")]),
    ("About 300 villagers were taken to safety by boat.", [("About 300", "displaced")]),
    ("Four people were taken to a shelter and 2 to hospital.", [("Four", "displaced"), ("2", "hospitalized")]),
    ("Five men were taken to hospital.", [("Five", "hospitalized")]),
    ("Five men were taken to the University Medical Center.", [("Five", "hospitalized")]),
    ("The 12 detainees were moved to another prison.", [("12", "arrested")]),
    # a verb of evacuation coordinated with one of care: the care is the news
    ("Seven people were evacuated by helicopter with burns and are being treated in hospital.",
     [("Seven", "hospitalized")]),
    ("Seven people were evacuated and taken to hospital.", [("Seven", "hospitalized")]),
    ("200 people were evacuated and 3 were taken to hospital.", [("200", "displaced"), ("3", "hospitalized")]),
    ("300 people were evacuated and housed in a school.", [("300", "displaced")]),
    ("Four miners were treated in hospital.", [("Four", "hospitalized")]),
    # a group named by a noun of deployment, sent somewhere by any verb, is deployed
    ("THE PRESIDENT ORDERED 1,500 TROOPS TO THE BORDER.", [("1,500", "deployed")]),
    ("The government moved 300 peacekeepers into the buffer zone.", [("300", "deployed")]),
    ("The judge ordered 3 men to pay fines.", [("3", "other")]),
    ("Rebels attacked 40 troops near the border.", [("40", "other")]),
    # police or troops holding a bare figure (a headline's present tense) arrested it
    ("Police hold 12 after night of looting", [("12", "arrested")]),
    ("Troops hold 30 after raid on camp", [("30", "arrested")]),
    ("Police hold 3 press conferences a week.", [("3", "other")]),
    ("The party holds 40 seats.", [("40", "other")]),
    # a relative clause coordinated with a second one: the phrase's verb comes after both
    ("Six guards who were on duty, and who tried to stop the attackers, were killed.", [("Six", "killed")]),
    ("Four miners who were trapped on Monday and who had no water were rescued alive.", [("Four", "other")]),
    # a day of a month is at most 31, and the modal "may" is no month
    ("20,000 march in Lyon", [("20,000", "participants")]),
    ("Some 300 march through Paris", [("Some 300", "participants")]),
    ("Police said 12 may have died.", [("12", "killed")]),
    ("Some 20 may be missing.", [("Some 20", "missing")]),
    ("On 4 May 16 bodies were found.", [("16", "killed")]),
    ("12 May 2024: 40 people were hurt.", [("40", "injured")]),
    ("The 1st of May rally drew 500.", [("500", "participants")]),
    ("Witnesses: Tom Hale, 52 April Moss, 29 and Dan Roe.", []),  # (ages after names; "52 April" a date)
    # a headline drops the possessive: "force 8,000 from homes"
    ("Floods force 8,000 from homes in Po valley", [("8,000", "displaced")]),
    # a bare figure compared with a noun of a metric the clause negates counts that metric
    ("There were no arrests this year, compared with 14 in 2024.", [("14", "arrested")]),
    ("The county saw no road deaths in March, compared with 7 in February.", [("7", "killed")]),
    ("The firm reported no losses, compared with 30 in 2023.", [("30", "other")]),
    ("No deaths were recorded, compared to 5 injuries.", [("5", "injured")]),
    # a group moved out of or away from a place
    ("Nineteen hundred people were moved out of the valley as the fire spread.", [("Nineteen hundred", "displaced")]),
    ("About 400 residents were moved away from the river.", [("About 400", "displaced")]),
    ("The 12 detainees were moved out of the prison.", [("12", "arrested")]),
    # a half-dozen, half-a-dozen
    ("A half-dozen officers were hurt.", [("A half-dozen", "injured")]),
    ("Half-a-dozen officers were hurt.", [("Half-a-dozen", "injured")]),
    ("A half dozen men were detained.", [("A half dozen", "arrested")]),
    # lexicon: presumed dead, ordered out of their homes, join the march
    ("The three climbers are now presumed dead.", [("three", "killed")]),
    ("9,000 people were ordered out of their homes.", [("9,000", "displaced")]),
    ("As many as 2,000 workers could join the march.", [("As many as 2,000", "participants")]),
]


@pytest.mark.parametrize("text, expected", RULES)
def test_rule(text, expected):
    from claimtrack.extract import extract_claims
    got = [(text[c.figure.start:c.figure.end], c.metric) for c in extract_claims(text)
           if not c.derived and not c.individual]
    assert got == expected


# Individuals whose body was found: (text, [(figure as written, metric)] of the individuals).
PEOPLE = [
    ("Divers recovered the body of a fisherman on Monday.", [("a fisherman", "killed")]),
    ("Police found the body of a man in the river.", [("a man", "killed")]),
    ("Crews pulled the body of a woman from the lake.", [("a woman", "killed")]),
    # (a body named for another reason may be a person counted under a name elsewhere)
    ("He escorted the body of a slain officer.", []),
    ("The governing body of the club met on Monday.", []),
    ("The body of evidence against a suspect grew.", []),
]


@pytest.mark.parametrize("text, expected", PEOPLE)
def test_bodies_found(text, expected):
    from claimtrack.extract import extract_claims
    got = [(text[c.figure.start:c.figure.end], c.metric) for c in extract_claims(text) if c.individual]
    assert got == expected
