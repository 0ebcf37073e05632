"""Hand-written demo scenarios for seed-demo: what officers actually write after an incident or a near-miss.

Data only; `debrief.demo_incidents` turns each scenario into an incident per demo force, with its own date,
officers and statuses. Members of the public are never named: "the man", "the woman", "the caller".
Every code is from `debrief.reference`. Times are "HH:MM"; the first entry of the reporter's timeline is
when the incident happened.

A scenario: key, themes, location, near_miss, places {force code: place}, summary, public (people), crew
[(role on the day, answers)] with the reporter first, and optionally cold (a facilitated cold debrief).
Answers: force (None when no force was used) with reasons, impact, single_crewed, taser_trained,
taser_carried, assaulted and tactics [(code, effective, detail)]; injuries [(person, severity, description,
medical help, hospital)]; narrative; timeline [(time, what, source)]; went_well; could_differ; why_differ;
wellbeing and support (None when nothing to say); intelligence; concerns; optionally on_duty, a SHIFT_HOURS
code when the officer had been on longer than the usual shift pattern gives.
"""
from __future__ import annotations

from typing import Any

# Shorthand for the three tactic shapes the forms record.
TASER_FIRED = {"taser_levels": ["drawn", "aimed", "red_dotted", "fired"]}
TASER_RED_DOT = {"taser_levels": ["drawn", "aimed", "red_dotted"]}


def prone(minutes: int) -> dict[str, Any]:
    return {"position": "prone", "duration_minutes": minutes}


def force(reasons, impact, tactics, *, single=False, trained=True, carried=True, assaulted=False):
    return {"reasons": reasons, "impact": impact, "tactics": tactics, "single_crewed": single,
            "taser_trained": trained, "taser_carried": carried and trained, "assaulted": assaulted}


def person(role, age, sex, *, disability="not_known", vuln="", ethnicity=None, basis="perceived"):
    return {"role": role, "age_band": age, "sex": sex, "disability_known": disability, "vulnerabilities": vuln,
            "ethnicity": ethnicity, "ethnicity_basis": basis}


SCENARIOS: list[dict[str, Any]] = [
    {
        "key": "bridge",
        "themes": ["mental_health", "self_harm", "vulnerable_people"],
        "location": "street", "near_miss": False,
        "places": {"NSP": "footbridge over the railway at Wharf Lane",
                   "WMC": "Kingsway road bridge over the canal, east footway"},
        "summary": "A woman in crisis was sitting on the wrong side of the bridge railings. Officers talked with "
                   "her for about forty minutes until she agreed to come back over. She was held briefly when she "
                   "tried to climb back, then detained under section 136 and taken to the place of safety.",
        "public": [person("subject", "35_49", "female", disability="yes", vuln="mental_health,self_harm"),
                   person("witness", "50_64", "male")],
        "crew": [
            ("Response officer", {
                "force": force(["protect_subject", "prevent_harm"], ["mental_health"],
                               [("tactical_communications", True, None), ("limb_body_restraint", True, None)]),
                "injuries": [],
                "narrative": "We were sent to a woman sitting on the wrong side of the railings on the bridge. She was "
                             "holding on with one hand and told us not to come any closer, so I stopped about three "
                             "metres away and kept talking while my crewmate got the road closed. She talked about her "
                             "children and about losing her home, and after a long time she agreed to let me help her "
                             "back over. As she came over the rail she panicked and tried to go back, so we held her "
                             "arms and sat her down on the pavement. I chose not to handcuff her because she settled "
                             "quickly and I think it would have made things worse.",
                "timeline": [("21:52", "Call from a passing driver: woman sitting outside the bridge railings",
                              "Control room log"),
                             ("21:58", "Arrived. Began talking with her from about three metres away", "BWV"),
                             ("22:05", "Road closed at both ends by a second unit", "Control room log"),
                             ("22:37", "Agreed to come back over; tried to climb back; held by both arms", "BWV"),
                             ("22:41", "Detained under section 136", "BWV"),
                             ("23:20", "Ambulance arrived; I travelled with her to the place of safety",
                              "My recollection")],
                "went_well": "Taking it slowly. Closing the road made it much quieter, and she said afterwards that "
                             "the traffic noise had been making everything worse. The mental health triage nurse on "
                             "the phone gave me useful background.",
                "could_differ": "I would ask for the road to be closed as soon as we were sent, not after we arrived. "
                                "I also stood where the wind took my voice; I should have moved to where she could see "
                                "and hear me without turning.",
                "why_differ": "None of us had dealt with someone on a bridge before and we were working it out as we "
                              "went. The nearest negotiator was over an hour away.",
                "wellbeing": "I keep going over the moment she tried to go back. I haven't slept well since.",
                "support": "I would like to speak to someone from TRiM.",
                "intelligence": "She told us she had been discharged from the crisis team two weeks earlier. The "
                                "mental health trust may want to know.",
                "concerns": "The ambulance took nearly forty minutes while we kept her on a cold bridge. We need a "
                            "quicker way to get people to the place of safety.",
            }),
            ("Response driver", {
                "force": force(["protect_subject", "prevent_harm"], ["mental_health"],
                               [("limb_body_restraint", True, None)]),
                "injuries": [],
                "narrative": "I was driving and my crewmate took the lead on talking, so I looked after the road and "
                             "the scene. I parked across the end of the bridge with the blue lights off so she would "
                             "not be startled, and asked control for a unit to close the other end. When she came back "
                             "over and tried to climb again I took her left arm and we sat her down together. She was "
                             "shaking, so I fetched the foil blanket from the car.",
                "timeline": [("21:58", "Parked across the end of the bridge, lights off", "My recollection"),
                             ("22:03", "Asked control for a unit to close the far end", "Control room log"),
                             ("22:37", "Held her left arm as she tried to climb back; sat her down", "BWV"),
                             ("22:45", "Foil blanket from the car", "My recollection")],
                "went_well": "My crewmate stayed calm the whole time. We worked well together without needing to say "
                             "much.",
                "could_differ": "I should have brought the blanket over straight away. She was cold from the start.",
                "why_differ": "I was focused on the traffic and did not think about it.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "cell_check",
        "themes": ["custody", "vulnerable_people"],
        "location": "custody_block", "near_miss": True,
        "places": {"NSP": "custody suite, cell 4", "WMC": "custody block, cell 11"},
        "summary": "A drunk detainee on half-hourly rousing checks was checked about 25 minutes late while staff "
                   "dealt with a violent arrival at the booking-in desk. He was rousable but had been sick. No harm "
                   "came to him; recorded as a near-miss.",
        "public": [person("subject", "35_49", "male", vuln="intoxicated,substance_dependency",
                          basis="self_defined")],
        "crew": [
            ("Custody sergeant", {
                "force": None, "injuries": [],
                "narrative": "I was the custody sergeant on a busy late turn with three people waiting to be booked "
                             "in. The man in the cell had come in very drunk and was on half-hourly rousing checks. "
                             "The detention officer doing the checks was called to help with a violent detainee at "
                             "the desk, and I did not hand the checks to anyone else. The next check was about 25 "
                             "minutes late. He answered and knew where he was, but he had been sick and could not "
                             "get anyone's attention.",
                "timeline": [("01:10", "Rousing check done and logged", "Custody record"),
                             ("01:25", "Violent detainee arrived; detention officer called to the desk",
                              "My recollection"),
                             ("01:40", "Rousing check due", "Custody record"),
                             ("02:05", "Check carried out; rousable, had vomited", "Cell CCTV"),
                             ("02:15", "Healthcare practitioner asked to see him", "Custody record")],
                "went_well": "The detention officer noticed the gap as soon as they were free and went straight to the "
                             "cell. The nurse came within ten minutes.",
                "could_differ": "When the detention officer was pulled away I should have given the checks to someone "
                                "by name. The reminder on the custody system did go off, but it was lost among the "
                                "other alerts.",
                "why_differ": "We were two staff short, and every alert on the screen looks the same, so an overdue "
                              "check does not stand out.",
                "wellbeing": "This shook me. I know how these things end when they go wrong.",
                "support": None, "intelligence": None,
                "concerns": "Late turn in custody is often below minimum staffing. An overdue rousing check should "
                            "look different from routine alerts.",
            }),
            ("Detention officer", {
                "force": None, "injuries": [],
                "narrative": "I was doing the rousing checks until I was called to help with a man who was fighting at "
                             "the booking-in desk. I was there for about half an hour. When I got back I saw the check "
                             "was late and went straight to the cell. He was lying on his side and had been sick, but "
                             "he answered me. I stayed with him until the nurse arrived.",
                "timeline": [("01:25", "Called to the desk to help with a violent detainee", "My recollection"),
                             ("02:03", "Saw the overdue check on the board", "My recollection"),
                             ("02:05", "Check done; rousable; vomit in the cell", "Cell CCTV"),
                             ("02:15", "Stayed with him until the nurse arrived", "Custody record")],
                "went_well": "He was on his side, which probably helped. The nurse was quick.",
                "could_differ": "I should have said out loud that I had checks due before I went to the desk.",
                "why_differ": "It was noisy and everyone was shouting for help. I just went.",
                "wellbeing": None, "support": None, "intelligence": None,
                "concerns": "A wrist timer or pager for rousing checks would help when we are pulled away.",
            }),
        ],
    },
    {
        "key": "pursuit",
        "themes": ["road_traffic", "call_handling"],
        "location": "street", "near_miss": True,
        "places": {"NSP": "High Street near the primary school, between the church and the bakery",
                   "WMC": "Moor Lane, by the junction with the school entrance"},
        "summary": "A car with no insurance failed to stop. A short pursuit was authorised and then called off as "
                   "it entered a residential street at school home time. A girl stepped out between parked cars and "
                   "the car missed her by about a metre. The car was later found abandoned.",
        "public": [person("subject", "18_34", "male"),
                   person("witness", "11_17", "female", vuln="child")],
        "crew": [
            ("Roads policing driver", {
                "force": None, "injuries": [],
                "narrative": "We signalled a silver hatchback to stop because it showed no insurance. It slowed down "
                             "and then drove off fast, so I asked for authority to pursue and it was given. The "
                             "driving got worse as we came into the residential streets, and further down I could see "
                             "children coming out of school. A girl stepped out between parked cars and the hatchback "
                             "missed her by about a metre. The tactical adviser called it off almost as I was about "
                             "to, and I turned off the lights and siren and pulled in.",
                "timeline": [("15:12", "Hatchback signalled to stop; no insurance showing", "My recollection"),
                             ("15:13", "Failed to stop; pursuit authorised", "Control room log"),
                             ("15:16", "Into the residential area; children leaving school", "In-car video"),
                             ("15:17", "Girl stepped out; missed by about a metre", "In-car video"),
                             ("15:17", "Pursuit called off; lights and siren off", "Control room log"),
                             ("15:40", "Car found abandoned two streets away", "Control room log")],
                "went_well": "The decision to stop was made quickly and we both agreed with it. My operator's "
                             "commentary was clear, which let the control room make a good call.",
                "could_differ": "Looking back, the risk was already too high when we turned into the residential "
                                "streets. I could have called it off myself a minute earlier.",
                "why_differ": "You get tunnel vision in a pursuit. I was watching the car in front and did not think "
                              "about the time of day until I saw the children.",
                "wellbeing": None, "support": None,
                "intelligence": "The same hatchback has been seen around the estate late at night. The keeper's "
                                "address does not match where it is parked.",
                "concerns": "Worth reminding everyone that the pursuing driver can and should call it off.",
            }),
            ("Roads policing operator", {
                "force": None, "injuries": [],
                "narrative": "I was the operator, giving commentary to the control room. I passed speed, direction and "
                             "road conditions and told them when we were coming into the housing estate. I saw the "
                             "girl step out and said so on the radio, and the tactical adviser called it off at once.",
                "timeline": [("15:13", "Commentary started", "Control room log"),
                             ("15:16", "Told control we were entering a residential area near the school",
                              "Control room log"),
                             ("15:17", "Reported the near-miss with a pedestrian", "Control room log")],
                "went_well": "The commentary and the decision to call it off.",
                "could_differ": "I could have mentioned the school earlier. I knew it was there.",
                "why_differ": "I was reading out speeds and did not think to add it.",
                "wellbeing": "I keep seeing the girl stepping out.", "support": None,
                "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "domestic_child",
        "themes": ["domestic_abuse", "vawg", "vulnerable_people"],
        "location": "dwelling", "near_miss": False,
        "places": {"NSP": "first-floor flat, Orchard Court", "WMC": "terraced house on Ferry Road"},
        "summary": "Neighbour reported shouting and banging. A woman had facial injuries and her young son was in the "
                   "room. The man resisted arrest, was taken to the floor and handcuffed, and bit an officer on the "
                   "forearm. A child safeguarding referral was made.",
        "public": [person("victim", "18_34", "female", disability="no", vuln="domestic_abuse", basis="self_defined"),
                   person("subject", "35_49", "male", vuln="intoxicated", basis="self_defined"),
                   person("other", "under_11", "male", vuln="child")],
        "crew": [
            ("Response officer", {
                "force": force(["effect_arrest", "protect_self", "prevent_offence"], ["alcohol", "prior_knowledge"],
                               [("tactical_communications", False, None), ("non_compliant_handcuffing", True, None),
                                ("limb_body_restraint", True, None)], assaulted=True),
                "injuries": [("officer", "minor", "Bite to my right forearm that broke the skin through my sleeve",
                              "provided", True)],
                "narrative": "A neighbour rang about shouting and banging. The woman opened the door with a cut lip "
                             "and a swollen eye, and a little boy of about four was standing behind her in his "
                             "pyjamas. The man was in the kitchen and told us it was none of our business. When I "
                             "told him he was under arrest he pulled away, and we took him to the floor in the "
                             "hallway to handcuff him. He bit my forearm while we did it. The boy saw some of this, "
                             "which I really wish he had not.",
                "timeline": [("20:14", "Neighbour's call: shouting and banging", "Control room log"),
                             ("20:26", "Arrived; woman with facial injuries, child present", "BWV"),
                             ("20:29", "Told the man he was under arrest; he pulled away", "BWV"),
                             ("20:30", "Taken to the floor in the hallway and handcuffed; bitten", "BWV"),
                             ("20:36", "Man placed in the van", "My recollection"),
                             ("22:10", "Seen at A&E for the bite", "My recollection")],
                "went_well": "We separated the adults quickly, and once the man was out of the address the woman "
                             "started to talk to my crewmate.",
                "could_differ": "I should have asked the woman to take her son into another room before I told the man "
                                "he was under arrest.",
                "why_differ": "It all happened fast, and I had not thought about where the child would be if it "
                              "turned physical.",
                "wellbeing": "Waiting two weeks for the blood test results after the bite was stressful.",
                "support": "Occupational health follow-up for the blood tests.",
                "intelligence": "Earlier calls to this address were graded as verbal arguments only. He has told "
                                "neighbours he keeps a knife in his car.",
                "concerns": "I have made a referral to children's services and want to know it has been picked up.",
            }),
            ("Response driver", {
                "force": None, "injuries": [],
                "narrative": "Once my crewmate had the man on the floor I took the woman and her son into the front "
                             "room and shut the door. The boy was crying and asking for his dad, and the woman kept "
                             "apologising to us. I did the risk assessment with her once the man had gone, and she "
                             "told me this was not the first time. She scored high risk and I referred her to the "
                             "domestic abuse team the same night.",
                "timeline": [("20:30", "Took the woman and child into the front room", "BWV"),
                             ("20:55", "Risk assessment with the woman", "My recollection"),
                             ("21:40", "High-risk referral made", "Force system")],
                "went_well": "Getting the boy away from it. The woman felt safe enough to tell us about earlier "
                             "incidents.",
                "could_differ": "I should have moved them out of the hallway earlier.",
                "why_differ": "I was watching the man's hands and it was a narrow hallway.",
                "wellbeing": None, "support": None,
                "intelligence": "The woman said he has a new partner in the next town and may have done the same to "
                                "her.",
                "concerns": None,
            }),
        ],
    },
    {
        "key": "knife_shop",
        "themes": ["use_of_force", "assault_on_police", "other"],
        "location": "retail", "near_miss": False,
        "places": {"NSP": "outside the Co-op on Station Road", "WMC": "inside the Spar on Market Street, by the tills"},
        "summary": "A man held by shop staff for theft produced a lock knife when officers arrived. Warnings were "
                   "given and Taser was fired. He was restrained face down for about three minutes, handcuffed and "
                   "sat up. Paramedics removed the probes.",
        "public": [person("subject", "18_34", "male", vuln="intoxicated,substance_dependency", basis="self_defined"),
                   person("witness", "50_64", "female")],
        "crew": [
            ("Response officer", {
                "force": force(["protect_self", "protect_public", "effect_arrest"], ["weapon", "drugs"],
                               [("tactical_communications", False, None), ("taser", True, TASER_FIRED),
                                ("ground_restraint", True, prone(3)), ("non_compliant_handcuffing", True, None)]),
                "injuries": [("subject", "minor", "Two probe marks to his back and a graze to his chin from the fall",
                              "provided", False)],
                "narrative": "Staff had stopped a man for stealing meat and he was sitting by the door when we got "
                             "there. When I asked him to stand up he took a lock knife out of his jacket and pointed "
                             "it at me and the member of staff next to him. I drew my Taser, gave the warning and "
                             "told him to drop it several times, but he stepped towards us, so I fired. He went down "
                             "forwards and let go of the knife. We handcuffed him face down and sat him up after "
                             "about three minutes.",
                "timeline": [("16:02", "Arrived; man sitting by the door with a member of staff", "BWV"),
                             ("16:04", "Lock knife produced and pointed at us", "BWV"),
                             ("16:04", "Taser drawn, aimed and red-dotted; warnings given", "Taser download"),
                             ("16:05", "Taser fired, one five-second cycle; knife dropped", "Taser download"),
                             ("16:08", "Handcuffed and sat up", "BWV"),
                             ("16:25", "Paramedics removed the probes", "My recollection")],
                "went_well": "The warnings are clear on camera. We got him off his front as soon as he was handcuffed.",
                "could_differ": "I walked in without asking the staff whether he had anything on him. I would now ask "
                                "that first and keep more distance.",
                "why_differ": "The call said a shoplifter had been detained, so I relaxed. Nothing suggested a weapon.",
                "wellbeing": None, "support": None,
                "intelligence": "He said he carries the knife because he was robbed in the underpass last month.",
                "concerns": "Staff holding shoplifters themselves are putting themselves at risk. Worth a word with "
                            "the store manager.",
            }),
            ("Response driver", {
                "force": force(["protect_officers", "effect_arrest"], ["weapon"],
                               [("ground_restraint", True, prone(3)), ("non_compliant_handcuffing", True, None)]),
                "injuries": [],
                "narrative": "I moved the member of staff back behind the counter as soon as the knife came out. After "
                             "the Taser was fired I kicked the knife away and took his arms so we could handcuff him. "
                             "I timed the restraint out loud and we sat him up as soon as the cuffs were on.",
                "timeline": [("16:04", "Moved the staff member behind the counter", "BWV"),
                             ("16:05", "Kicked the knife clear; took his left arm", "BWV"),
                             ("16:08", "Sat him up", "BWV")],
                "went_well": "Getting the member of staff out of the way. Calling out the time on the floor.",
                "could_differ": "We could have talked about who would do what before we went in.",
                "why_differ": "It was a routine call until it wasn't.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
            ("Neighbourhood officer", {
                "force": None, "injuries": [],
                "narrative": "I arrived just after the arrest and took over the scene. I bagged the knife, took a "
                             "first account from the member of staff and asked the manager to keep the CCTV. The "
                             "member of staff was very shaken, so I sat with her for a while and gave her the victim "
                             "support details.",
                "timeline": [("16:12", "Arrived; took over the scene", "My recollection"),
                             ("16:20", "Knife seized and bagged", "Exhibit log"),
                             ("16:40", "First account from the member of staff", "Pocket notebook")],
                "went_well": "The CCTV was kept and the knife was seized properly.",
                "could_differ": "Nothing I would change.", "why_differ": "Not applicable.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "dead_spot",
        "themes": ["call_handling", "assault_on_police"],
        "location": "open_ground", "near_miss": True,
        "places": {"NSP": "underground car park beneath the Riverside flats",
                   "WMC": "Eastgate multi-storey car park, lower level"},
        "summary": "A single-crewed officer checked a parked car in an underground car park where the radio had no "
                   "signal. Two men became aggressive and one pushed the officer. The emergency button did not get "
                   "through; help arrived about four minutes after the officer reached the top of the ramp.",
        "public": [person("subject", "18_34", "male"), person("subject", "18_34", "male")],
        "crew": [
            ("Response officer", {
                "force": force(["protect_self"], ["size_gender_build", "other"],
                               [("tactical_communications", True, None), ("unarmed_skills", True, None)],
                               single=True, trained=False, assaulted=True),
                "injuries": [],
                "narrative": "I was single-crewed and went down to check a car parked with its lights off in the "
                             "underground car park. Two men got out and started shouting when I asked what they were "
                             "doing. I tried to call for another unit but the radio only gave the no-signal tone, and "
                             "the emergency button did not get through either. One of them pushed me against the car; "
                             "I pushed him off and kept talking while I backed towards the ramp. At the top the radio "
                             "came back, and the first unit reached me about four minutes later.",
                "timeline": [("00:34", "Stopped to check a car with its lights off", "My recollection"),
                             ("00:37", "Men out of the car, shouting; radio no signal", "BWV"),
                             ("00:38", "Emergency button pressed; nothing received", "Radio log"),
                             ("00:39", "Pushed against the car; pushed him away", "BWV"),
                             ("00:41", "Signal back at the top of the ramp; asked for assistance", "Control room log"),
                             ("00:45", "First unit arrived; car had gone", "Control room log")],
                "went_well": "My body-worn video was already running, so all of it is recorded. Backing off towards "
                             "the exit was the right choice.",
                "could_differ": "I should have told control where I was going before I drove down the ramp, and waited "
                                "at the top for someone else.",
                "why_differ": "Everyone knows the radio is patchy down there but it isn't written down anywhere, and "
                              "on nights there are so few of us that you get used to going in on your own.",
                "wellbeing": "For a few minutes I thought nobody knew where I was. I've been nervous going into car "
                             "parks since.",
                "support": "A chat with my sergeant about single-crewing on nights.",
                "intelligence": "Partial registration and descriptions of both men are on the footage. The same car "
                                "was seen there on two earlier nights.",
                "concerns": "Radio dead spots in the car park and the underpass should be mapped and put in the "
                            "briefing. Can the radio team look at a repeater?",
            }),
            ("Response officer (assisting)", {
                "force": None, "injuries": [],
                "narrative": "I heard a broken transmission and then a clear call for assistance from the top of the "
                             "ramp. I got there in about four minutes. My colleague was fine but shaken, and the car "
                             "had already gone. I drove down to the lower level to look and lost signal myself halfway "
                             "down.",
                "timeline": [("00:41", "Heard the assistance call", "Control room log"),
                             ("00:45", "Arrived at the top of the ramp", "BWV"),
                             ("00:50", "Checked the lower level; lost radio signal", "My recollection")],
                "went_well": "Quick response once the call got through.",
                "could_differ": "I went down to the lower level on my own straight afterwards, which was the same "
                                "risk.",
                "why_differ": "Adrenaline. I wanted to find the car.",
                "wellbeing": None, "support": None, "intelligence": None,
                "concerns": "Same as my colleague: we need the dead spots written down.",
            }),
        ],
    },
    {
        "key": "abd",
        "themes": ["mental_health", "use_of_force", "vulnerable_people"],
        "location": "dwelling", "near_miss": False,
        "places": {"NSP": "ground-floor flat, Jubilee Walk", "WMC": "semi-detached house on Larch Avenue"},
        "summary": "A man who had taken drugs was damaging his home, sweating heavily and very agitated. Taser was "
                   "red-dotted and he dropped a chair leg. He was restrained face down to handcuff, recognised as a "
                   "possible acute behavioural disorder, rolled onto his side and taken to hospital by ambulance.",
        "public": [person("subject", "18_34", "male", disability="yes", vuln="intoxicated,mental_health"),
                   person("witness", "50_64", "female")],
        "crew": [
            ("Response officer", {
                "force": force(["protect_subject", "protect_self", "prevent_harm"],
                               ["acute_behavioural_disorder", "drugs", "size_gender_build"],
                               [("tactical_communications", False, None), ("taser", True, TASER_RED_DOT),
                                ("ground_restraint", True, prone(4)), ("limb_body_restraint", True, None),
                                ("non_compliant_handcuffing", True, None)]),
                "injuries": [("subject", "minor", "Carpet burns to his knees and forehead", "provided", True)],
                "narrative": "His mother rang to say her son had taken something and was smashing up the house. When "
                             "we went in he was pouring with sweat, had taken his top off and was shouting about "
                             "people in the walls. He came towards us with a broken chair leg, so I drew my Taser and "
                             "red-dotted him, and he dropped it and went to the floor. We held him face down to "
                             "handcuff him. As soon as the cuffs were on I said out loud that this looked like ABD "
                             "and we rolled him onto his side, asked for a category 1 ambulance and kept checking his "
                             "breathing until the crew took over.",
                "timeline": [("19:46", "Mother's call: son damaging the house after taking drugs", "Control room log"),
                             ("19:58", "Went in; man agitated, sweating, shouting", "BWV"),
                             ("20:00", "Taser drawn and red-dotted; chair leg dropped", "Taser download"),
                             ("20:01", "Held face down to handcuff", "BWV"),
                             ("20:05", "Rolled onto his side; ambulance requested for suspected ABD", "BWV"),
                             ("20:19", "Ambulance arrived; escorted to A&E", "Control room log")],
                "went_well": "Recognising ABD and saying it out loud so everyone heard. The time face down was called "
                             "out and is on camera.",
                "could_differ": "I would ask for an ambulance on the way there, as soon as the mother mentioned drugs "
                                "and him being hot, not after the restraint.",
                "why_differ": "The call was about damage. I did not put the signs together until I saw him.",
                "wellbeing": None, "support": None,
                "intelligence": "His mother said he buys from someone who delivers on the estate and gave us a phone "
                                "number.",
                "concerns": "We should carry cold packs in the cars. The ambulance crew said cooling early makes a "
                            "real difference.",
            }),
            ("Response driver", {
                "force": force(["protect_subject", "protect_officers"], ["acute_behavioural_disorder", "drugs"],
                               [("ground_restraint", True, prone(4)), ("limb_body_restraint", True, None)]),
                "injuries": [],
                "narrative": "I had his legs while my crewmate handcuffed him. He was incredibly strong and very hot "
                             "to touch. I was watching his face and his breathing the whole time and calling out how "
                             "long he had been down. When we rolled him over I kept him on his side with my hand on "
                             "his shoulder and talked to him until the paramedics came in.",
                "timeline": [("20:01", "Took his legs", "BWV"),
                             ("20:03", "Called two minutes on the floor", "BWV"),
                             ("20:05", "Rolled him onto his side", "BWV"),
                             ("20:19", "Handed over to paramedics", "My recollection")],
                "went_well": "We talked to each other the whole time.",
                "could_differ": "Nothing major. I would like more ABD training with the ambulance service.",
                "why_differ": "We have only done it as a slideshow.",
                "wellbeing": "It took me a long time to come down after this one.", "support": None,
                "intelligence": None, "concerns": None,
            }),
            ("Response sergeant", {
                "force": None, "injuries": [],
                "narrative": "I heard the request for a category 1 ambulance and went straight there. By the time I "
                             "arrived he was on his side and the officers were monitoring him well. I arranged for two "
                             "officers to travel with him in the ambulance and told the duty inspector, and I made "
                             "sure the mother had someone with her.",
                "timeline": [("20:06", "Heard the ambulance request; made my way", "Control room log"),
                             ("20:14", "Arrived; subject on his side", "BWV"),
                             ("20:30", "Duty inspector informed", "Control room log")],
                "went_well": "The officers' first aid and communication. The ambulance came quickly.",
                "could_differ": "I could have been sent at the start given the call mentioned drugs.",
                "why_differ": "The call grading did not flag it.",
                "wellbeing": None, "support": None, "intelligence": None,
                "concerns": "Calls mentioning drugs and violent behaviour should prompt a supervisor and an ambulance "
                            "at the same time.",
            }),
        ],
        "cold": {
            "narrative": "A week later the sergeant led a structured debrief with both officers and an ambulance "
                         "clinical lead. We watched the body-worn video together and went through each minute. The "
                         "clinical lead said the move to the recovery position was done at the right time and that "
                         "calling ABD out loud is exactly what they want. We agreed the delay was in getting the "
                         "ambulance requested, not in what happened inside.",
            "went_well": "Everyone agreed the restraint was short and the monitoring was good. Hearing that from the "
                         "ambulance service was reassuring.",
            "could_differ": "An ambulance should be requested at the same time as officers when a call mentions drugs, "
                            "heat or bizarre behaviour.",
            "why_differ": "The control room script does not ask about these signs, so the call went out as criminal "
                          "damage.",
            "wellbeing": None, "support": None, "intelligence": None,
            "concerns": "Raise with the control room to add ABD prompts to the call script.",
            "attendees": "Reporting officer, second officer, response sergeant, ambulance clinical lead",
        },
    },
    {
        "key": "stop_search",
        "themes": ["stop_and_search", "race_discrimination"],
        "location": "street", "near_miss": False,
        "places": {"NSP": "bus stop outside the leisure centre on Park Road",
                   "WMC": "alleyway behind the Chapel Street shops"},
        "summary": "A young man was stopped and searched on a loose description of someone dealing drugs. He was "
                   "handcuffed for the search although he was calm. Nothing was found. He said he had been stopped "
                   "because of his colour.",
        "public": [person("subject", "18_34", "male", disability="no", ethnicity="black", basis="self_defined")],
        "crew": [
            ("Neighbourhood officer", {
                "force": force(["effect_search"], ["other"], [("compliant_handcuffing", True, None)],
                               trained=False),
                "injuries": [],
                "narrative": "Control passed on a description of a man in a grey tracksuit said to be dealing near the "
                             "bus stop. The young man we stopped was in a grey tracksuit, but not much else in the "
                             "description fitted. I explained my grounds and he was angry but did not try to leave, "
                             "and I handcuffed him to the front for the search anyway, because that is what I usually "
                             "do. Nothing was found. He told me it was his third stop that month and that it was "
                             "because he is black, and he filmed the end of the stop on his phone.",
                "timeline": [("18:20", "Description passed by control", "Control room log"),
                             ("18:27", "Stopped the young man; grounds explained", "BWV"),
                             ("18:28", "Handcuffed to the front for the search", "BWV"),
                             ("18:34", "Search complete, nothing found; handcuffs off", "BWV"),
                             ("18:36", "Search record given; told how to complain", "BWV")],
                "went_well": "I gave him the search record and explained how to complain. My camera was on from the "
                             "start.",
                "could_differ": "The handcuffs were not needed; he was calm and not trying to leave. I should also "
                                "have thought harder about whether he really matched the description.",
                "why_differ": "Handcuffing for searches had become a habit and I had not questioned it. Watching the "
                              "footage back, my grounds were thin.",
                "wellbeing": None, "support": None, "intelligence": None,
                "concerns": "A refresher on when handcuffing during a search is justified, with real examples, would "
                            "help the whole team.",
            }),
            ("Neighbourhood officer", {
                "force": None, "injuries": [],
                "narrative": "I searched his bag while my colleague searched him. I wondered at the time whether the "
                             "handcuffs were needed and did not say anything. He was polite to me, and very upset by "
                             "the end.",
                "timeline": [("18:27", "Stood to one side while the grounds were explained", "BWV"),
                             ("18:28", "Searched his bag", "BWV"),
                             ("18:34", "Nothing found", "BWV")],
                "went_well": "We explained everything and he left with the search record.",
                "could_differ": "I should have spoken up about the handcuffs.",
                "why_differ": "My colleague is more experienced and I did not want to undermine them in front of him.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "missing_teen",
        "themes": ["missing_person", "child_sexual_abuse", "vulnerable_people"],
        "location": "open_ground", "near_miss": False,
        "places": {"NSP": "children's play area, Hollow Lane recreation ground",
                   "WMC": "skate park behind Greenhill leisure centre"},
        "summary": "A 15-year-old girl missing from her children's home for the third time that week was found in a "
                   "park with two older men, who left in a car. She was returned safely. Concerns about child sexual "
                   "exploitation were shared.",
        "public": [person("victim", "11_17", "female", vuln="child,intoxicated"),
                   person("other", "18_34", "male"), person("other", "18_34", "male")],
        "crew": [
            ("Response officer", {
                "force": None, "injuries": [],
                "narrative": "The girl had gone missing from her children's home for the third time that week, and "
                             "staff thought she might be at the park. I found her sitting with two men in their "
                             "twenties, who walked off to a car as soon as they saw me. She had a new phone and a "
                             "bottle of vodka she said one of them had bought her. She would not tell me who they "
                             "were but agreed to come back with me. In the car she said they were just friends, which "
                             "is something I have heard before from children who are being groomed.",
                "timeline": [("22:05", "Reported missing by the home", "Control room log"),
                             ("22:48", "Found at the park with two men", "BWV"),
                             ("22:49", "Men left in a dark grey saloon", "BWV"),
                             ("23:15", "Returned to the home", "My recollection")],
                "went_well": "Getting her home safe. She did talk to me a little in the car.",
                "could_differ": "I should have got the car's registration before going over to her. It drove off and I "
                                "only got part of it.",
                "why_differ": "My first thought was to reach her before she ran.",
                "wellbeing": "This one stays with you.", "support": None,
                "intelligence": "Partial registration of a dark grey saloon; two men in their twenties, one with a "
                                "neck tattoo. She had a new phone she said was a present.",
                "concerns": "Three missing episodes in one week and no strategy meeting was triggered. We should look "
                            "at that threshold.",
            }),
            ("Missing persons coordinator", {
                "force": None, "injuries": [],
                "narrative": "I reviewed her three missing episodes the next morning. Each one was closed when she "
                             "came back, and nobody had put them side by side. Taken together they show the same park, "
                             "the same times and gifts she cannot explain. I called a strategy meeting with children's "
                             "services that afternoon.",
                "timeline": [("09:15", "Reviewed the three episodes", "Force system"),
                             ("11:00", "Spoke to the home's manager", "My recollection"),
                             ("14:30", "Strategy meeting called", "Force system")],
                "went_well": "The officer's notes were detailed enough to link the episodes.",
                "could_differ": "The system should flag repeat episodes automatically.",
                "why_differ": "It relies on someone noticing.",
                "wellbeing": None, "support": None,
                "intelligence": "The same saloon may be linked to another missing child in a neighbouring area.",
                "concerns": None,
            }),
        ],
    },
    {
        "key": "pub_fight",
        "themes": ["public_order", "assault_on_police", "use_of_force"],
        "location": "licensed_premises", "near_miss": False,
        "places": {"NSP": "outside the Red Lion, Market Square", "WMC": "beer garden of the Anchor on Quay Street"},
        "summary": "A fight between two groups at closing time. A man punched an officer, breaking a finger. PAVA was "
                   "used and he was restrained face down for about two minutes to handcuff him. Aftercare was given "
                   "for the spray.",
        "public": [person("subject", "18_34", "male", vuln="intoxicated", basis="self_defined"),
                   person("witness", "35_49", "male"), person("other", "18_34", "male")],
        "crew": [
            ("Response officer", {
                "force": force(["protect_self", "protect_public", "prevent_offence", "effect_arrest"],
                               ["alcohol", "crowd", "size_gender_build"],
                               [("tactical_communications", False, None), ("irritant_spray_used", True, None),
                                ("ground_restraint", True, prone(2)), ("non_compliant_handcuffing", True, None)],
                               carried=False, assaulted=True),
                "injuries": [("officer", "severe", "Fractured little finger on my left hand", "provided", True),
                             ("subject", "minor", "PAVA to the face; eyes washed out with water", "provided", False)],
                "narrative": "At closing time a fight broke out between two groups, about a dozen people in all. I "
                             "pulled one man off another and he turned round and punched me; I felt my finger go as I "
                             "put my hand up. I stepped back, shouted a warning and sprayed PAVA, and with my "
                             "colleague took him to the ground face down to handcuff him. We sat him up within a "
                             "couple of minutes and I washed his eyes out with water from the van while the door "
                             "staff kept the crowd back.",
                "timeline": [("23:02", "Fight reported by door staff", "Control room log"),
                             ("23:05", "Arrived; pulled a man off another", "BWV"),
                             ("23:05", "Punched; PAVA used after a warning", "BWV"),
                             ("23:06", "Taken to the ground and handcuffed", "BWV"),
                             ("23:08", "Sat up; aftercare with water", "BWV"),
                             ("00:40", "X-ray at A&E: fractured finger", "My recollection")],
                "went_well": "The door staff and our team worked well together. Aftercare for the PAVA was quick.",
                "could_differ": "I went in on my own before anyone else had arrived. I would wait the extra thirty "
                                "seconds next time.",
                "why_differ": "The man on the floor was being kicked and I felt I had to act.",
                "wellbeing": "Off work for three weeks with my hand. More frustrated than anything.",
                "support": "Physiotherapy through occupational health.",
                "intelligence": "The two groups have a running feud. Some of the same men were in a fight at the taxi "
                                "rank last month.",
                "concerns": "Three officers for the whole town centre on a Saturday night is not enough.",
            }),
            ("Response officer", {
                "force": force(["protect_officers", "effect_arrest"], ["alcohol", "crowd"],
                               [("ground_restraint", True, prone(2)), ("non_compliant_handcuffing", True, None),
                                ("limb_body_restraint", True, None)]),
                "injuries": [("officer", "minor", "PAVA cross-contamination to my eyes", "offered", False)],
                "narrative": "I arrived a few seconds after the punch. I took the man's right arm and we brought him "
                             "down together. Some of the spray drifted into my eyes, which made the handcuffing harder "
                             "than it should have been. Once he was up I kept an eye on the crowd while my colleague "
                             "did the aftercare.",
                "timeline": [("23:05", "Arrived as my colleague was punched", "BWV"),
                             ("23:06", "Took his right arm; handcuffed on the ground", "BWV"),
                             ("23:08", "Watched the crowd during aftercare", "My recollection")],
                "went_well": "The arrest was quick once we had him.",
                "could_differ": "I should have checked which way the wind was blowing before I went in close.",
                "why_differ": "There was no time to think about it.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
            ("Response sergeant", {
                "force": None, "injuries": [],
                "narrative": "I arrived as the man was being sat up. I spoke to the rest of the group and the door "
                             "staff to calm things down and split them up, and arranged for the injured officer to go "
                             "to A&E. The CCTV from the square shows the whole fight.",
                "timeline": [("23:07", "Arrived; spoke to the crowd", "BWV"),
                             ("23:12", "Groups split up; door staff briefed", "My recollection"),
                             ("23:20", "Arranged transport to A&E for the officer", "Control room log")],
                "went_well": "The groups dispersed without more arrests.",
                "could_differ": "I should have held one unit back in the square at closing time.",
                "why_differ": "We were stretched with a call across town.",
                "wellbeing": None, "support": None, "intelligence": None,
                "concerns": "Closing-time cover in the town centre needs reviewing.",
            }),
        ],
    },
    {
        "key": "machete",
        "themes": ["use_of_force", "mental_health"],
        "location": "street", "near_miss": False,
        "places": {"NSP": "junction of Mill Street and Canal Road", "WMC": "outside the bookmakers on Northgate"},
        "summary": "A man was walking along a busy street holding a machete and talking to himself. Taser was fired "
                   "twice; the first cartridge missed and the second was effective. He was restrained face down "
                   "briefly, handcuffed, taken to hospital and detained under section 136.",
        "public": [person("subject", "35_49", "male", disability="yes", vuln="mental_health"),
                   person("witness", "18_34", "female")],
        "crew": [
            ("Response officer (Taser)", {
                "force": force(["protect_public", "protect_self", "protect_subject"], ["weapon", "mental_health"],
                               [("tactical_communications", False, None), ("taser", True, TASER_FIRED),
                                ("ground_restraint", True, prone(2)), ("non_compliant_handcuffing", True, None)]),
                "injuries": [("subject", "minor", "Probe wound to his upper chest and a cut to his hand from the blade",
                              "provided", True)],
                "narrative": "Several people rang about a man walking down the street with a machete, talking to "
                             "himself and swinging it at shop windows. We got there before the armed unit, so I took "
                             "the Taser while my colleague spoke to him. He would not put it down and kept walking "
                             "towards a bus stop with people waiting, so I fired. One probe missed and nothing "
                             "happened, so I fired the second cartridge and he went down. We handcuffed him on the "
                             "ground and sat him up, and he started crying and said the voices had told him to "
                             "protect people.",
                "timeline": [("13:21", "First of several calls about a man with a machete", "Control room log"),
                             ("13:27", "Arrived; man walking towards the bus stop", "BWV"),
                             ("13:28", "Taser drawn and red-dotted; warnings given", "Taser download"),
                             ("13:29", "First cartridge fired, one probe missed", "Taser download"),
                             ("13:29", "Second cartridge fired; he went down", "Taser download"),
                             ("13:31", "Handcuffed and sat up; armed unit arrived", "BWV")],
                "went_well": "Clear roles: one of us talking, one with the Taser. People moved away when we asked.",
                "could_differ": "While he was still some way from the bus stop we could have asked control to get "
                                "people moved.",
                "why_differ": "All our attention was on him, and none of us thought about the bus stop until he was "
                              "heading for it.",
                "wellbeing": "I've had flashbacks of him walking towards the bus stop.",
                "support": "A TRiM assessment, please.",
                "intelligence": "He told us he stopped taking his medication about a month ago.",
                "concerns": "Two cartridges were needed. Worth checking the distance of the first shot against the "
                            "training.",
            }),
            ("Response officer", {
                "force": force(["protect_public", "effect_arrest"], ["weapon", "mental_health"],
                               [("tactical_communications", False, None), ("ground_restraint", True, prone(2)),
                                ("non_compliant_handcuffing", True, None)]),
                "injuries": [],
                "narrative": "I did the talking. I used his first name, which a shopkeeper had given me, and asked him "
                             "again and again to put the machete on the ground. He looked straight through me. After "
                             "the second Taser shot I moved the machete away with my foot and handcuffed him.",
                "timeline": [("13:27", "Started talking to him from about eight metres", "BWV"),
                             ("13:29", "Moved the machete away", "BWV"),
                             ("13:30", "Handcuffed", "BWV")],
                "went_well": "We had agreed who would do what in the car on the way there.",
                "could_differ": "I might have tried a different approach once it was clear he was not hearing me.",
                "why_differ": "There was very little time.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
            ("Armed response officer", {
                "force": None, "injuries": [],
                "narrative": "We were about a minute away when the Taser was fired. When we arrived he was handcuffed "
                             "and sitting up. We made the machete safe and I gave first aid to the cut on his hand "
                             "until the ambulance arrived.",
                "timeline": [("13:24", "Deployed to a man with a machete", "Control room log"),
                             ("13:31", "Arrived; subject handcuffed", "BWV"),
                             ("13:33", "First aid to his hand", "My recollection")],
                "went_well": "The response officers had it under control when we got there.",
                "could_differ": "We were deployed a few minutes later than we could have been.",
                "why_differ": "The first call did not mention a weapon.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
        ],
        "cold": {
            "narrative": "The duty inspector ran a structured debrief five days later with everyone who was there, "
                         "including the armed officers. We mapped out the six minutes on a whiteboard. The biggest "
                         "learning was about the bystanders: we were so focused on the man that nobody managed the "
                         "bus stop. We also looked at the first Taser shot, which was taken at the edge of the "
                         "effective range.",
            "went_well": "Agreeing roles on the way there. The decision to use Taser was supported by everyone.",
            "could_differ": "One officer, or the control room, should own the public's safety around the scene.",
            "why_differ": "With only two officers there first, everyone was on the subject.",
            "wellbeing": "Talking it through as a group helped more than I expected.", "support": None,
            "intelligence": None,
            "concerns": "Ask the Taser trainers to cover shots at long range.",
            "attendees": "Both response officers, two armed response officers, duty inspector, control room supervisor",
        },
    },
    {
        "key": "welfare_delay",
        "themes": ["call_handling", "vulnerable_people"],
        "location": "dwelling", "near_miss": True,
        "places": {"NSP": "bungalow on Hawthorn Close", "WMC": "sheltered housing, Beech Court"},
        "summary": "A call about an older woman not seen for two days was given an appointment for the next "
                   "morning. When officers attended she was on the floor after a fall, cold and confused but "
                   "conscious. Entry was forced and she was taken to hospital.",
        "public": [person("victim", "65_over", "female", disability="yes", vuln="older_person,physical_disability"),
                   person("witness", "65_over", "male")],
        "crew": [
            ("Response officer", {
                "force": None, "injuries": [],
                "narrative": "A neighbour had called the evening before to say he had not seen the woman next door for "
                             "two days and her curtains were still shut. The call was given an appointment for the "
                             "next morning. When I got there I could hear her calling from inside, so I forced the "
                             "back door. She had fallen in the hallway the day before and could not get up; she was "
                             "cold and confused but talking. I covered her with a duvet, put the heating on and "
                             "stayed with her until the ambulance came.",
                "timeline": [("09:40", "Arrived for the appointment; heard calling inside", "BWV"),
                             ("09:43", "Back door forced", "BWV"),
                             ("09:45", "Ambulance requested", "Control room log"),
                             ("10:35", "Ambulance arrived", "Control room log")],
                "went_well": "Forcing entry quickly once I heard her. The neighbour knew which door was weakest.",
                "could_differ": "When I saw the call on the list the night before, I could have asked for it to be "
                                "upgraded.",
                "why_differ": "The log said no immediate risk. We had eleven calls waiting and I trusted the grading.",
                "wellbeing": None, "support": None, "intelligence": None,
                "concerns": "Welfare calls about older people living alone should not be given appointments without "
                            "a call back first.",
            }),
            ("Call handler", {
                "force": None, "injuries": [],
                "narrative": "I took the call from the neighbour. I asked the questions on the script, and the answers "
                             "put it at a scheduled response. I did not ask whether she had any health problems or "
                             "whether anyone had a key, and if I had, the grading might have been different. It was a "
                             "busy evening and I had callers waiting.",
                "timeline": [("19:52", "Call from the neighbour", "Call recording"),
                             ("19:55", "Risk questions asked from the script", "Call recording"),
                             ("19:58", "Graded as a scheduled appointment", "Control room log")],
                "went_well": "The neighbour was clear and I recorded what he told me accurately.",
                "could_differ": "Ask about health, mobility and keyholders on every welfare call.",
                "why_differ": "The script does not prompt for them, and we are measured on call length.",
                "wellbeing": "I felt awful when I heard what had happened.",
                "support": "A conversation with my supervisor.",
                "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "spit_van",
        "themes": ["custody", "assault_on_police", "use_of_force"],
        "location": "police_vehicle_cage", "near_miss": False,
        "places": {"NSP": "rear cage of the van, on the way to custody",
                   "WMC": "police van in the rear yard of the custody block"},
        "summary": "An arrested man spat at officers while being put into the van. After a warning a spit and bite "
                   "guard was fitted, and it was removed at the custody desk. No injuries.",
        "public": [person("subject", "18_34", "male", vuln="intoxicated", basis="self_defined")],
        "crew": [
            ("Response driver", {
                "force": force(["protect_self", "protect_officers"], ["alcohol", "prior_knowledge"],
                               [("tactical_communications", False, None), ("spit_and_bite_guard", True, None),
                                ("limb_body_restraint", True, None)], assaulted=True),
                "injuries": [],
                "narrative": "We had arrested the man for a public order offence and he was fine until we got to the "
                             "van. Then he spat at my crewmate, hitting them in the face, and tried to do it again. I "
                             "warned him I would put a spit guard on him if he carried on, and he spat again, so I "
                             "fitted it while my crewmate held his arms. I told him why and that it would come off at "
                             "custody, and I kept talking to him through the mesh on the way. I took it off at the "
                             "desk and told the sergeant it had been used.",
                "timeline": [("02:15", "Arrested for a public order offence", "BWV"),
                             ("02:19", "Spat at my crewmate at the van door", "BWV"),
                             ("02:20", "Warning given; spat again; spit guard fitted", "BWV"),
                             ("02:38", "Spit guard removed at the custody desk", "Custody record")],
                "went_well": "Warning first, and explaining everything on camera. Taking it off as soon as we could.",
                "could_differ": "I might have put him in the van facing away from us from the start.",
                "why_differ": "He had been calm up to that point.",
                "wellbeing": "My crewmate is waiting for blood test results, which is worrying for both of us.",
                "support": None, "intelligence": None,
                "concerns": "The spit guards in our van were out of date; I had to borrow one from another crew.",
            }),
            ("Response officer", {
                "force": force(["protect_self"], ["alcohol"], [("limb_body_restraint", True, None)],
                               assaulted=True),
                "injuries": [],
                "on_duty": "10_to_12",  # a late turn kept on past midnight for the arrest
                "narrative": "He spat at me as I opened the cage door, and it went in my eye and mouth. I held his "
                             "arms while the guard was fitted. I washed my face at custody and went to A&E for advice "
                             "at the end of the shift.",
                "timeline": [("02:19", "Spat at; in my eye and mouth", "BWV"),
                             ("02:20", "Held his arms while the guard was fitted", "BWV"),
                             ("06:30", "Seen at A&E for advice", "My recollection")],
                "went_well": "My crewmate did everything by the book.",
                "could_differ": "I should have stood to one side of the cage door.",
                "why_differ": "Habit.",
                "wellbeing": "Waiting for the blood results is hard, especially at home.",
                "support": "Occupational health follow-up.",
                "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "gardens",
        "themes": ["use_of_force", "assault_on_police"],
        "location": "other", "near_miss": False,
        "places": {"NSP": "rear gardens between Elm Terrace and the railway",
                   "WMC": "allotments off Cinder Path, behind the houses"},
        "summary": "A man recalled to prison ran from an address through the rear gardens. Cornered, he picked up a "
                   "screwdriver and came towards an officer; Taser was fired and he was arrested. The officer cut "
                   "a hand badly on glass on a fence during the chase.",
        "public": [person("subject", "35_49", "male", vuln="substance_dependency", basis="self_defined")],
        "crew": [
            ("Response officer", {
                "force": force(["protect_self", "effect_arrest", "prevent_escape"], ["weapon", "prior_knowledge"],
                               [("tactical_communications", False, None), ("taser", True, TASER_FIRED),
                                ("ground_restraint", True, {"position": "supine", "duration_minutes": 1}),
                                ("non_compliant_handcuffing", True, None)]),
                "injuries": [("officer", "severe", "Deep cut to my palm from glass on top of a fence; eight stitches",
                              "provided", True),
                             ("subject", "minor", "Probe marks to his stomach", "provided", False)],
                "narrative": "We went to arrest a man recalled to prison, and he went out of the back window while we "
                             "knocked at the front. I chased him over three garden fences and cut my hand badly on "
                             "glass set into the top of one. He got stuck at the railway fence and picked up a "
                             "screwdriver from a shed, shouting that he wasn't going back. I told him to drop it and "
                             "that I would use the Taser, and when he came at me I fired. He fell onto his back and I "
                             "handcuffed him with the dog handler, who had just arrived.",
                "timeline": [("07:05", "Knocked at the front door", "BWV"),
                             ("07:06", "Subject out of the back window; chased", "BWV"),
                             ("07:08", "Cut my hand on a fence", "My recollection"),
                             ("07:10", "Screwdriver picked up; warnings given", "BWV"),
                             ("07:10", "Taser fired", "Taser download"),
                             ("07:12", "Handcuffed with the dog handler", "BWV")],
                "went_well": "The dog handler arrived at the right moment; once he saw the dog he stopped struggling.",
                "could_differ": "There were two of us at the front and nobody at the back. The plan should have "
                                "covered the back.",
                "why_differ": "We were told he was likely to come quietly. Nobody checked his history of running from "
                              "police.",
                "wellbeing": None, "support": None,
                "intelligence": "He says he has been staying with a relative on the other side of town.",
                "concerns": "Arrest plans for recall warrants should check the person's history of escaping.",
            }),
            ("Dog handler", {
                "force": force(["prevent_escape", "protect_officers"], ["weapon"],
                               [("dog_deployed", True, None)], trained=False),
                "injuries": [],
                "narrative": "I was nearby and made my way to the railway end when I heard the chase on the radio. I "
                             "arrived as the Taser was fired and kept the dog on a short line, warning him to stay "
                             "down. There was no bite. I helped with the handcuffing and then looked at my colleague's "
                             "hand, which was bleeding a lot.",
                "timeline": [("07:07", "Heard the chase; made my way", "Radio log"),
                             ("07:10", "Arrived as Taser was fired; dog on a short line", "BWV"),
                             ("07:12", "Helped handcuff; first aid to colleague's hand", "My recollection")],
                "went_well": "The dog's presence was enough. No bite was needed.",
                "could_differ": "I could have been included in the plan from the start.",
                "why_differ": "The arrest was seen as low risk.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
        ],
    },
    {
        "key": "needle",
        "themes": ["stop_and_search", "other"],
        "location": "public_transport", "near_miss": True,
        "places": {"NSP": "bus station, stand C", "WMC": "railway station forecourt, by the taxi rank"},
        "summary": "During a search for drugs an officer's glove was pierced by an uncapped needle in a coat pocket. "
                   "The skin was not broken. The man had not been asked whether he had anything sharp on him.",
        "public": [person("subject", "35_49", "male", vuln="substance_dependency,homeless")],
        "crew": [
            ("Neighbourhood officer", {
                "force": None, "injuries": [],
                "narrative": "I was searching a man I know from the town centre because I had seen him hand something "
                             "to someone. I did not ask him whether he had anything sharp before I put my hand in his "
                             "coat pocket, and an uncapped needle went through the outside of my glove. It did not "
                             "break the skin, but it was very close. He apologised and said he would have told me if "
                             "I had asked. I finished the search more carefully and found nothing else.",
                "timeline": [("11:20", "Saw an exchange between two men", "My recollection"),
                             ("11:22", "Search started; needle through my glove", "BWV"),
                             ("11:30", "Search finished; nothing else found", "BWV")],
                "went_well": "The gloves did their job. He was honest once I asked.",
                "could_differ": "Always ask about sharp objects first, and pat the outside of pockets before putting a "
                                "hand in.",
                "why_differ": "I knew him and had searched him before without any problem, so I skipped the question.",
                "wellbeing": "I was more shaken than I let on.", "support": None,
                "intelligence": "He is not getting his needles from the exchange, which suggests its opening hours are "
                                "not working for people like him.",
                "concerns": "Needle-resistant gloves are only issued to some teams. They should be standard for "
                            "neighbourhood officers.",
            }),
        ],
    },
    {
        "key": "s136_ae",
        "themes": ["mental_health", "vulnerable_people"],
        "location": "hospital", "near_miss": False,
        "places": {"NSP": "A&E corridor, Northshire General Hospital",
                   "WMC": "majors corridor, Westmere Royal Infirmary"},
        "summary": "A young man detained under section 136 waited nine hours in A&E because the place of safety "
                   "was full. He tried to leave twice; the second time officers held his arms and walked him back.",
        "public": [person("subject", "18_34", "male", disability="yes", vuln="mental_health,self_harm",
                          basis="self_defined")],
        "crew": [
            ("Response officer", {
                "force": force(["prevent_escape", "protect_subject"], ["mental_health"],
                               [("tactical_communications", True, None), ("limb_body_restraint", True, None)]),
                "injuries": [],
                "narrative": "We had detained the young man under section 136 after he was found on a car park roof, "
                             "and the place of safety was full, so we took him to A&E. We waited nine hours in a "
                             "corridor with people walking past, and he got more and more distressed. He tried to "
                             "leave twice. The first time I talked him round, but the second time he ran for the exit "
                             "and my colleague and I held his arms and walked him back to the cubicle. He said he "
                             "felt like a criminal, and I could see why.",
                "timeline": [("14:10", "Detained under section 136", "BWV"),
                             ("14:35", "Arrived at A&E; place of safety full", "Control room log"),
                             ("18:50", "First attempt to leave; talked back", "My recollection"),
                             ("21:30", "Second attempt; held by the arms and walked back", "BWV"),
                             ("23:40", "Mental health assessment started", "My recollection")],
                "went_well": "A nurse found us a side room after about six hours, which helped him settle.",
                "could_differ": "I should have gone to the duty inspector about the wait much earlier.",
                "why_differ": "I did not know escalating was an option until the nurse mentioned it.",
                "wellbeing": "A twelve-hour shift turned into sixteen hours.", "support": None,
                "intelligence": None,
                "concerns": "The place of safety is full most weekends. This needs raising with the mental health "
                            "trust.",
            }),
            ("Response officer", {
                "force": force(["prevent_escape"], ["mental_health"], [("limb_body_restraint", True, None)]),
                "injuries": [],
                "narrative": "I stayed with him for the whole wait. We talked about football for a while, which "
                             "helped. When he ran I caught up with him at the doors and we took an arm each. He "
                             "stopped fighting almost straight away and apologised.",
                "timeline": [("14:35", "Arrived at A&E with him", "My recollection"),
                             ("21:30", "Caught up with him at the doors", "BWV"),
                             ("21:32", "Back in the cubicle", "BWV")],
                "went_well": "Keeping him talking for hours.",
                "could_differ": "Ask for a side room from the start.",
                "why_differ": "We did not know one was available.",
                "wellbeing": None, "support": None, "intelligence": None, "concerns": None,
            }),
        ],
    },
]

# Who leads a cold debrief, by force (fictional staff).
FACILITATORS = {"NSP": "Insp. Ruth Kendall, response inspector", "WMC": "Insp. Colin Ashworth, duty inspector"}
