"""Synthetic debrief passages (first half) with inline gold: [[span|LABEL]] identifiers, {{span}} kept words."""

PASSAGES_A: list[dict[str, object]] = [
    {
        "id": "uof-001",
        "people": ["PC Sarah Jones", "Liam Carter"],
        "force": "West Yorkshire Police",
        "text": (
            "At [[23:15|TIME]] on [[3rd March 2023|DATE]] PC [[Sarah Jones|PERSON]] ([[4412|COLLAR]]) was "
            "single-crewed when she was sent to [[14 Cedar Road|ADDRESS]], [[Halifax|PLACE]], after a report "
            "of a man shouting in the street. [[Carter|PERSON]] was holding a bottle and would not put it down. "
            "PC [[Jones|PERSON]] drew her {{Taser}} and gave a warning; [[Liam|PERSON]] dropped the bottle and "
            "was handcuffed. {{Body-worn video}} was running throughout. In her debrief [[Sarah|PERSON]] said "
            "the {{control room}} had not told her about the warning marker on the address."
        ),
    },
    {
        "id": "uof-002",
        "people": ["Sgt Tom Okafor", "PC Dan Whitehead", "Kieran Walsh"],
        "text": (
            "Sergeant [[Okafor|PERSON]] and PC [[Whitehead|PERSON]] stopped [[Kieran Walsh|PERSON]], [[19|AGE]], "
            "outside the [[Kings Arms|PLACE]] on [[Bridge Street|PLACE]] just after closing time. [[Walsh|PERSON]] "
            "became aggressive during the search and was taken to the ground. {{Prone restraint}} lasted about "
            "forty seconds before he was sat up. [[Okafor|PERSON]]'s account is that the {{PAVA}} was drawn but "
            "not used. [[Dan|PERSON]] later told the debrief he felt the {{handcuffs}} were applied too tightly "
            "and loosened them in the van."
        ),
    },
    {
        "id": "cus-003",
        "people": ["Connor Fitzgerald", "Sgt Helen Brady", "DDO Mark Ellis"],
        "text": (
            "[[Connor Fitzgerald|PERSON]] (DOB [[17/09/1996|DOB]]) was booked into the {{custody suite}} at "
            "[[Elland Road|PLACE]] at [[01:40|TIME]]. {{Custody Sergeant}} [[Brady|PERSON]] recorded that he had "
            "taken an unknown quantity of tablets. The {{risk assessment}} set {{rousing checks}} every thirty "
            "minutes but detention officer [[Mark Ellis|PERSON]] missed the [[03:10|TIME]] check because he was "
            "covering the charge desk. [[Fitzgerald|PERSON]] was found unresponsive and an {{ambulance}} took "
            "him to [[St James's University Hospital|PLACE]]. Custody record [[01YE/4471/23|REFERENCE]]."
        ),
    },
    {
        "id": "mh-004",
        "people": ["PC Amir Hussain", "PC Lucy Barnes", "Gary Pearson"],
        "force": "Lancashire Constabulary",
        "text": (
            "Officers from [[Lancashire Constabulary|FORCE]] were called by the crisis team about "
            "[[Gary Pearson|PERSON]], a [[52|AGE]]-year-old man threatening to jump from the [[Fylde|PLACE]] "
            "coast path. PC [[Hussain|PERSON]] detained him under {{section 136}} of the {{Mental Health Act}}. "
            "The nearest {{place of safety}} at [[Royal Preston Hospital|PLACE]] was full, so [[Pearson|PERSON]] "
            "waited in the back of the van for nearly three hours. PC [[Barnes|PERSON]] raised it with the "
            "{{duty inspector}} and called the bed manager on [[01772 716565|PHONE]]."
        ),
    },
    {
        "id": "da-005",
        "people": ["Kelly Robinson", "Jason Moore", "PC Gareth Lloyd"],
        "text": (
            "[[Kelly Robinson|PERSON]] rang {{999}} from [[Flat 6, Lyndhurst Court|ADDRESS]] saying her "
            "ex-partner [[Jason Moore|PERSON]] had broken in. The {{call handler}} graded it as a priority "
            "call but the unit was diverted. When PC [[Lloyd|PERSON]] arrived forty minutes later [[Moore|PERSON]] "
            "had gone. A {{DASH}} was completed and scored high risk; [[Kelly|PERSON]]'s sister [[Chantelle|PERSON]] "
            "told officers there had been a {{Clare's Law}} disclosure the year before. [[Jason|PERSON]] was "
            "circulated on {{PNC}}; occurrence [[13/88214/22|REFERENCE]]."
        ),
    },
    {
        "id": "pur-006",
        "people": ["PC Ryan Doyle", "PC Megan Hart"],
        "force": "Greater Manchester Police",
        "text": (
            "PC [[Doyle|PERSON]] and PC [[Hart|PERSON]] were on {{roads policing}} when {{ANPR}} flagged a "
            "black Audi, [[MA19 KXF|VRM]], on the [[M60|PLACE]] near [[Stockport|PLACE]]. The driver failed to "
            "stop and a {{pursuit}} was authorised by the [[GMP|FORCE]] control room at [[21:52|TIME]]. "
            "{{TPAC}} was considered but the Audi left the motorway onto [[Wellington Road North|PLACE]]. The "
            "pursuit was called off after two minutes; the car was found abandoned in [[Heaton Norris|PLACE]]. "
            "The registered keeper lives in [[Oldham|PLACE]]."
        ),
    },
    {
        "id": "call-007",
        "people": ["Jodie Marsh", "Brian Cole"],
        "text": (
            "Call handler [[Jodie Marsh|PERSON]] took a {{999}} call at [[02:17|TIME]] from a woman who "
            "whispered that her husband [[Neil|PERSON]] was outside the bedroom door. The line dropped. "
            "[[Jodie|PERSON]] tried to call back on [[07723 418552|PHONE]] three times without answer. "
            "{{THRIVE}} was recorded as medium. Her supervisor [[Brian Cole|PERSON]] upgraded the call after "
            "twenty minutes when a neighbour rang about screaming at [[27 Ashgrove Avenue|ADDRESS]]. "
            "Incident log [[0245|REFERENCE]] of [[14/02/2024|DATE]]."
        ),
    },
    {
        "id": "near-008",
        "people": ["PC Jack Kaur", "PC Priya Shah"],
        "text": (
            "A near-miss: PC [[Priya Shah|PERSON]] was driving on {{blue lights}} to an immediate call in "
            "[[Walsall|PLACE]] when a cyclist came out of [[Mill Lane|PLACE]] without lights. She braked hard "
            "and stopped about a metre short. Her crewmate [[Jack|PERSON]] said the in-car video would show "
            "the speed was within policy. The vehicle, [[YK68 WBN|VRM]], was checked at the workshop the next "
            "day. No one was hurt, but [[Priya|PERSON]] asked for the debrief because the {{emergency response "
            "driving}} refresher had been cancelled twice."
        ),
    },
    {
        "id": "sas-009",
        "people": ["PC Owen Price", "Marcus Thompson"],
        "force": "Thames Valley Police",
        "text": (
            "PC [[Owen Price|PERSON]] stopped [[Marcus Thompson|PERSON]] in [[Reading|PLACE]] town centre on "
            "a {{section 1 PACE}} search for drugs. [[Thompson|PERSON]] was handcuffed before the search began "
            "and nothing was found. He complained to [[Thames Valley Police|FORCE]] the next day by email from "
            "[[m.thompson87@gmail.com|EMAIL]], saying it was the fourth time he had been stopped that month. "
            "[[Price|PERSON]]'s {{body-worn camera}} was not switched on until the handcuffs were already on. "
            "The {{GOWISELY}} grounds were not fully explained."
        ),
    },
    {
        "id": "cus-010",
        "people": ["Stephen Ward", "Sgt Paula Nichols", "Nurse Aisha Begum"],
        "text": (
            "[[Stephen Ward|PERSON]] told the booking-in sergeant he was diabetic. Sergeant [[Nichols|PERSON]] "
            "asked the {{healthcare professional}}, [[Aisha Begum|PERSON]], to see him but she was at another "
            "suite. By [[06:30|TIME]] [[Ward|PERSON]] was confused and sweating. [[Aisha|PERSON]] arrived at "
            "[[07:05|TIME]] and found his blood sugar very low. He was taken to {{A&E}}. His partner "
            "[[Donna|PERSON]] had phoned the front desk the previous evening to say he had not taken his "
            "insulin, but the message did not reach custody."
        ),
    },
    {
        "id": "mh-011",
        "people": ["PC Luke Fenton", "Rachel Dunn"],
        "force": "Devon and Cornwall Police",
        "text": (
            "Under {{Right Care Right Person}} the control room initially declined a welfare check on "
            "[[Rachel Dunn|PERSON]], [[27|AGE]], whose mother called from [[Plymouth|PLACE]] to say she had "
            "stopped answering. Four hours later her GP rang again. PC [[Fenton|PERSON]] forced entry to "
            "[[Flat 2|ADDRESS]], [[41 Mutley Plain|ADDRESS]] and found [[Rachel|PERSON]] semi-conscious. "
            "{{Naloxone}} was not carried. The paramedics took her to [[Derriford Hospital|PLACE]]. "
            "[[Devon and Cornwall Police|FORCE]] has since reviewed the {{RCRP}} threshold for repeat callers."
        ),
    },
    {
        "id": "fa-012",
        "people": ["Insp Claire Webb", "PC Ali Raza"],
        "text": (
            "{{Tactical Firearms Commander}} Inspector [[Claire Webb|PERSON]] authorised an {{ARV}} deployment "
            "at [[20:40|TIME]] after reports of a man with a handgun at the [[Lidl|PLACE]] car park on "
            "[[Foxhall Road|PLACE]]. {{AFO}} [[Ali Raza|PERSON]] challenged the man, who turned out to be holding "
            "a black phone. The man, named by his family as [[Tyrone Baptiste|PERSON]], was detained for "
            "eight minutes. [[Baptiste|PERSON]] said it was the second time this had happened to him. "
            "[[Webb|PERSON]] accepted the description passed by the caller was thin."
        ),
    },
    {
        "id": "rtc-013",
        "people": ["PC Oliver Grant", "Ellie Simmons"],
        "force": "Norfolk Constabulary",
        "text": (
            "On [[Boxing Day 2022|DATE]] a marked car driven by PC [[Oliver Grant|PERSON]] collided with a "
            "Vauxhall Corsa, [[EX15 TNO|VRM]], at the junction of the [[A47|PLACE]] and [[Yarmouth Road|PLACE]]. "
            "The Corsa's driver, [[Ellie Simmons|PERSON]], [[23|AGE]], suffered a broken wrist. [[Norfolk "
            "Constabulary|FORCE]] referred the matter to the {{IOPC}}. [[Grant|PERSON]] was travelling to a "
            "grade 1 call in [[Thetford|PLACE]] and had activated his lights but not his sirens."
        ),
    },
    {
        "id": "call-014",
        "people": ["Dispatcher Hannah Greaves", "PC Michael Byrne"],
        "text": (
            "Dispatcher [[Hannah Greaves|PERSON]] sent PC [[Byrne|PERSON]] alone to a report of a man with a "
            "knife at a house on [[Granville Terrace|PLACE]]. The {{CAD}} note from the caller, who gave her "
            "name as [[Maureen Pickles|PERSON]] and her number as [[0114 273 8810|PHONE]], said the man was her "
            "son. [[Michael|PERSON]] requested backup on {{Airwave}} at [[16:22|TIME]] but the talk group was "
            "busy with a sudden death. [[Greaves|PERSON]] said she did not see the knife warning until later."
        ),
    },
    {
        "id": "da-015",
        "people": ["DC Fiona McBride", "Samira Khan", "Imran Khan"],
        "force": "West Midlands Police",
        "text": (
            "DC [[McBride|PERSON]] ([[7721|COLLAR]]) reviewed the history of [[Samira Khan|PERSON]], who had "
            "reported [[Imran|PERSON]] for {{coercive control}} three times since [[2 June 2021|DATE]]. Each "
            "report was closed as no further action. [[Samira|PERSON]] moved to her aunt's address in "
            "[[Small Heath|PLACE]], [[B10 0HJ|POSTCODE]]. [[West Midlands Police|FORCE]] did not refer the case "
            "to {{MARAC}}. Crime reference [[20/441187/22|REFERENCE]]. [[Khan|PERSON]] was later charged with "
            "{{non-fatal strangulation}}."
        ),
    },
    {
        "id": "cus-016",
        "people": ["Paul Henshaw", "DDO Kerry Lowe", "Sgt Ian Marsden"],
        "text": (
            "[[Paul Henshaw|PERSON]], [[61|AGE]], was arrested for drink driving and brought to "
            "[[Skelmersdale|PLACE]] custody at about [[half past ten|TIME]] at night. He fell in the cell and "
            "hit his head. {{Detention officer}} [[Kerry Lowe|PERSON]] found him on the floor on a {{cell check}} "
            "but he said he was fine. Sgt [[Marsden|PERSON]] did not call the nurse. [[Henshaw|PERSON]]'s "
            "daughter [[Leanne|PERSON]] later complained that nobody told her he had been injured. "
            "His NI number [[JT 45 61 29 B|NINO]] was on the property sheet."
        ),
    },
    {
        "id": "mp-017",
        "people": ["Chloe Bannister", "PC Harvey Lamb"],
        "force": "North Yorkshire Police",
        "text": (
            "[[Chloe Bannister|PERSON]], a [[14|AGE]]-year-old girl in care, was reported missing from her "
            "placement in [[Scarborough|PLACE]] at [[19:05|TIME]] on [[Friday 8th September|DATE]]. The "
            "{{call handler}} graded it as low risk because she had gone missing before. Her support worker "
            "[[Denise|PERSON]] told PC [[Lamb|PERSON]] that [[Chloe|PERSON]] had been picked up by an older man "
            "in a silver BMW, [[T612 RBX|VRM]]. [[North Yorkshire Police|FORCE]] did not link this to the "
            "{{MASH}} referral made a month earlier."
        ),
    },
    {
        "id": "uof-018",
        "people": ["PC Nathan Cross", "PC Zoe Adams", "Dwayne Richards"],
        "text": (
            "During an arrest outside the [[Greggs|PLACE]] on [[Commercial Street|PLACE]], [[Dwayne Richards|PERSON]] "
            "spat at PC [[Cross|PERSON]]. A {{spit and bite guard}} was applied. PC [[Zoe Adams|PERSON]] said "
            "[[Richards|PERSON]] told them he could not breathe, and the guard was removed once he was in the "
            "van. [[Nathan|PERSON]] was sent for blood tests. The {{Officer Safety Training}} lead, "
            "Sergeant [[Hollis|PERSON]], has been asked to review the guidance."
        ),
    },
    {
        "id": "mh-019",
        "people": ["PC Becky Lawson", "Mr Derek Stanton"],
        "force": "Cumbria Constabulary",
        "text": (
            "[[Derek Stanton|PERSON]] (DOB [[4 November 1958|DOB]]) walked into the front office at "
            "[[Kendal|PLACE]] police station saying he wanted to die. PC [[Lawson|PERSON]] stayed with him "
            "for four hours while the {{AMHP}} tried to find a bed. Mr [[Stanton|PERSON]] was eventually "
            "admitted to [[Carleton Clinic|PLACE]] in [[Carlisle|PLACE]]. [[Becky|PERSON]] said in her debrief "
            "that she had no training in {{section 136}} for people already inside a police building."
        ),
    },
    {
        "id": "pur-020",
        "people": ["PC Scott Mahon", "Jordan Platt"],
        "text": (
            "At around [[ten to midnight|TIME]] on [[New Year's Eve|DATE]] PC [[Mahon|PERSON]] tried to stop "
            "a moped in [[Peckham|PLACE]]. The rider, [[Jordan Platt|PERSON]], [[16|AGE]], rode onto the "
            "pavement on [[Rye Lane|PLACE]]. PC [[Mahon|PERSON]] followed for about 300 metres. "
            "[[Jordan|PERSON]] came off at the junction with [[Choumert Road|PLACE]] and fractured his leg. "
            "The [[Met|FORCE]] referred it to the {{IOPC}} under {{DSI}} rules."
        ),
    },
    {
        "id": "call-021",
        "people": ["Sophie Cartwright"],
        "force": "Essex Police",
        "text": (
            "[[Sophie Cartwright|PERSON]] called {{101}} four times about her neighbour Mr [[Dobson|PERSON]] "
            "harassing her at [[8 Heath Close|ADDRESS]], [[Basildon|PLACE]], [[SS14 1QR|POSTCODE]]. Each "
            "call was logged separately and nobody linked them. [[Essex Police|FORCE]] only recognised the "
            "pattern after [[Dobson|PERSON]] smashed her windows. Her email, [[sophie.cart@outlook.com|EMAIL]], "
            "was on all four logs."
        ),
    },
    {
        "id": "uof-022",
        "people": ["PC Kwame Mensah", "PC Laura Finch"],
        "text": (
            "PC [[Mensah|PERSON]] fired his {{Taser}} at a man who was cutting himself with a Stanley knife in "
            "the stairwell of [[Carlton Towers|PLACE]]. The barbs struck but the man fell forward down three "
            "steps and broke his nose. PC [[Finch|PERSON]] gave {{first aid}}. The {{Taser}} download showed "
            "one five-second cycle. The man, identified as [[Ricky Noble|PERSON]], [[29|AGE]], had been "
            "discharged from the crisis team that morning. {{Taser}} serial [[X2930018842|REFERENCE]]."
        ),
    },
    {
        "id": "cus-023",
        "people": ["Agnieszka Nowak", "Sgt Rob Kenyon"],
        "text": (
            "[[Agnieszka Nowak|PERSON]] was booked in without an interpreter although she told the arresting "
            "officer her English was poor. Sergeant [[Kenyon|PERSON]] used a colleague, PC [[Kowalski|PERSON]], "
            "to translate the rights and entitlements. Ms [[Nowak|PERSON]] did not understand she could have "
            "a solicitor. Her custody number was [[CUS/2023/118845|REFERENCE]]. The {{PACE Code C}} breach "
            "was identified on review by the {{Custody Inspector}}."
        ),
    },
    {
        "id": "da-024",
        "people": ["PC Graham Sutcliffe", "Tracey Holt", "Wayne Holt"],
        "force": "South Yorkshire Police",
        "text": (
            "PC [[Sutcliffe|PERSON]] attended [[52 Meadowhead|ADDRESS]], [[Sheffield|PLACE]] after "
            "[[Tracey Holt|PERSON]] reported that [[Wayne|PERSON]] had grabbed her by the throat. "
            "[[Wayne Holt|PERSON]] had left. A {{DVPN}} was considered but the {{duty inspector}} said there "
            "was not enough to authorise it. [[Tracey|PERSON]]'s son [[Reece|PERSON]] was [[eight|AGE]] and "
            "present. No referral was made to children's services. [[South Yorkshire Police|FORCE]] log "
            "[[1187|REFERENCE]] of [[22/07/2023|DATE]]."
        ),
    },
    {
        "id": "near-025",
        "people": ["PC Tasha Green", "PCSO Dylan Hughes"],
        "text": (
            "A near-miss in the {{custody}} yard: PCSO [[Dylan Hughes|PERSON]] was escorting a detainee from "
            "the van when the detainee slipped his rigid {{handcuffs}} and ran towards the gate, which had "
            "been left open by a delivery driver. PC [[Green|PERSON]] caught him at the barrier on "
            "[[Sovereign Street|PLACE]]. The gate fault had been reported on [[12 April|DATE]] but not fixed. "
            "[[Dylan|PERSON]] said he had not been shown how to double lock the cuffs."
        ),
    },
    {
        "id": "mh-026",
        "people": ["PC Faisal Mahmood", "Hodan Ali"],
        "force": "Avon and Somerset Constabulary",
        "text": (
            "[[Hodan Ali|PERSON]] was found in distress on [[Clifton Suspension Bridge|PLACE]] at "
            "[[04:20|TIME]]. PC [[Mahmood|PERSON]] spoke with her for forty minutes in Somali and English "
            "before she agreed to come away from the railings. A {{negotiator}} was requested but none was "
            "available in [[Bristol|PLACE]] that night. [[Avon and Somerset Constabulary|FORCE]] praised "
            "[[Faisal|PERSON]]'s {{tactical communications}}. Ms [[Ali|PERSON]] was taken to the "
            "{{health-based place of safety}} under {{section 136}}."
        ),
    },
    {
        "id": "sas-027",
        "people": ["PC Callum Reid", "PC Josh Fletcher"],
        "text": (
            "PCs [[Reid|PERSON]] and [[Fletcher|PERSON]] searched two teenagers near [[Tottenham Hale|PLACE]] "
            "station using {{section 23}} of the {{Misuse of Drugs Act}}. One of the boys, who gave his name "
            "as [[Ibrahim|PERSON]], was [[15|AGE]]. No appropriate adult was present and the grounds recorded "
            "were \"smell of cannabis\". The stop was recorded under reference [[SS-2023-044871|REFERENCE]]. "
            "[[Callum|PERSON]] accepted that the {{body-worn video}} did not capture the start of the encounter."
        ),
    },
    {
        "id": "cus-028",
        "people": ["Darren Quinn", "Sgt Louise Patterson"],
        "force": "Merseyside Police",
        "text": (
            "[[Darren Quinn|PERSON]] was arrested in [[Kirkby|PLACE]] on suspicion of burglary and taken to "
            "[[St Anne Street|PLACE]] custody. He told the sergeant he used heroin daily. {{Custody Sergeant}} "
            "[[Patterson|PERSON]] placed him on level 2 observations. [[Quinn|PERSON]] was seen by the drugs "
            "worker, [[Bernadette|PERSON]], at [[09:15|TIME]], who arranged a methadone prescription. "
            "[[Merseyside Police|FORCE]] noted this as good practice. His PNC ID was [[19/118273X|REFERENCE]]."
        ),
    },
    {
        "id": "call-029",
        "people": ["Gemma Threlfall", "Insp Martin Cooke"],
        "text": (
            "The {{Force Incident Manager}}, Inspector [[Martin Cooke|PERSON]], took over a call about a "
            "possible abduction in [[Warrington|PLACE]] after call handler [[Gemma|PERSON]] flagged it. The "
            "caller's mobile, [[07400 112 903|PHONE]], was traced to a lay-by on the [[A49|PLACE]]. "
            "[[Threlfall|PERSON]] stayed on the line for 26 minutes. Units arrived at [[17:48|TIME]]. The "
            "incident, log [[4471|REFERENCE]], turned out to be a family row, but [[Cooke|PERSON]] praised "
            "the handling."
        ),
    },
    {
        "id": "uof-030",
        "people": ["PC Chris Walker", "PC Emma Rowe", "Anthony Price-Jones"],
        "force": "Dyfed-Powys Police",
        "text": (
            "[[Anthony Price-Jones|PERSON]] was restrained on the floor of the [[Red Lion|PLACE]] in "
            "[[Llandovery|PLACE]] after assaulting the landlord. PC [[Chris Walker|PERSON]] used his "
            "{{baton}} once on [[Anthony|PERSON]]'s thigh. PC [[Rowe|PERSON]] called for an {{ambulance}} when "
            "he became limp. Paramedics suspected {{acute behavioural disturbance}}. [[Dyfed-Powys Police|FORCE]] "
            "made a {{DSI}} referral. [[Walker|PERSON]] told the debrief he had never been trained to "
            "recognise {{ABD}}."
        ),
    },
    {
        "id": "da-031",
        "people": ["Nasreen Akhtar", "PC Lewis Bright"],
        "text": (
            "[[Nasreen Akhtar|PERSON]], [[38|AGE]], went to [[Bradford|PLACE]] police station to report that "
            "her husband had threatened to kill her. The front counter assistant told her to call {{101}}. "
            "She left. Two days later her brother-in-law [[Tariq|PERSON]] rang to say she was in hospital. "
            "PC [[Bright|PERSON]] took her statement at [[Bradford Royal Infirmary|PLACE]]. [[Nasreen|PERSON]]'s "
            "mobile [[07944 330187|PHONE]] had been taken by her husband."
        ),
    },
    {
        "id": "near-032",
        "people": ["PC Harriet Cole", "Sgt Dominic Frost"],
        "force": "Sussex Police",
        "text": (
            "A {{Taser}} was left in an unlocked locker at [[Crawley|PLACE]] station for most of a weekend. "
            "PC [[Harriet Cole|PERSON]] found it at the start of her shift on [[Monday 16th January|DATE]] "
            "and reported it to Sergeant [[Frost|PERSON]]. The officer it was issued to had gone on leave. "
            "[[Sussex Police|FORCE]] changed the sign-out process. [[Harriet|PERSON]] noted that the armoury "
            "log, reference [[ARM/0417/23|REFERENCE]], had not been checked since [[9 January 2023|DATE]]."
        ),
    },
]
