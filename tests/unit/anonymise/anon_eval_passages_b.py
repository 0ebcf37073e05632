"""Synthetic debrief passages (second half) with inline gold: [[span|LABEL]] identifiers, {{span}} kept words."""

PASSAGES_B: list[dict[str, object]] = [
    {
        "id": "btp-033",
        "people": ["PC Alan Firth", "Jermaine Osei"],
        "force": "British Transport Police",
        "text": (
            "[[British Transport Police|FORCE]] officers were called to [[Leeds|PLACE]] station at "
            "[[quarter past eleven|TIME]] on [[New Year's Day 2022|DATE]] to a man on the tracks beyond "
            "platform 17. PC [[Firth|PERSON]] (collar number [[2231|COLLAR]]) persuaded him back to the "
            "platform. The man, [[Jermaine Osei|PERSON]], [[31|AGE]], was detained under {{section 136}}. "
            "[[BTP|FORCE]] had no mental health nurse on duty and [[Osei|PERSON]] waited five hours. "
            "{{BWV}} clip [[BWV-2201-0094|REFERENCE]] was retained."
        ),
    },
    {
        "id": "scot-034",
        "people": ["PC Euan Fraser", "Mhairi Stewart"],
        "force": "Police Scotland",
        "text": (
            "[[Police Scotland|FORCE]] shared its learning after [[Mhairi Stewart|PERSON]] was found hypothermic "
            "on [[Arthur's Seat|PLACE]] in [[Edinburgh|PLACE]] twelve hours after first being reported missing. "
            "Constable [[Euan Fraser|PERSON]] had searched the path from [[Dunsapie Loch|PLACE]] at "
            "[[20:10|TIME]] but the helicopter was grounded by fog. [[Mhairi|PERSON]]'s flatmate [[Ewan|PERSON]] "
            "had given officers her phone number, [[07831 602 114|PHONE]], but cell site analysis was not "
            "requested until morning."
        ),
    },
    {
        "id": "psni-035",
        "people": ["Constable Niall Quinn", "Siobhan Doherty"],
        "force": "PSNI",
        "text": (
            "[[PSNI|FORCE]] officers attended a report of a woman assaulted in [[Newry|PLACE]]. "
            "[[Siobhan Doherty|PERSON]] said her ex-husband [[Martin|PERSON]] had broken a protection order. "
            "Constable [[Quinn|PERSON]] completed the risk assessment but did not check the order's conditions "
            "on the system. [[Doherty|PERSON]] was later assaulted again at her home on [[Chapel Street|PLACE]] "
            "on [[21st August 2022|DATE]]. Reference [[CC2022082100417|REFERENCE]]."
        ),
    },
    {
        "id": "uof-036",
        "people": ["DC Kamran Iqbal", "DS Rebecca Long"],
        "text": (
            "DC [[4567AB|COLLAR]] [[Iqbal|PERSON]] and DS [[Long|PERSON]] executed a warrant at "
            "[[Flat 11, Jubilee House|ADDRESS]], [[Ilford|PLACE]], [[IG1 2TS|POSTCODE]], at [[06:00|TIME]]. "
            "A dog was loose in the flat and DS [[Rebecca Long|PERSON]] was bitten on the forearm. The entry "
            "plan did not mention the dog although it was on the intelligence log. [[Iqbal|PERSON]] said the "
            "briefing was rushed because the {{Silver}} commander had been changed that morning."
        ),
    },
    {
        "id": "cus-037",
        "people": ["Lee Barraclough", "Sgt Anne Holroyd"],
        "force": "West Yorkshire Police",
        "text": (
            "[[Lee Barraclough|PERSON]] was detained in the cells at [[Trafalgar House|PLACE]] for eleven hours "
            "before a {{PACE}} review was carried out. Sgt [[Holroyd|PERSON]] had been covering two suites. "
            "[[Barraclough|PERSON]], born [[03/06/1971|DOB]], had asked for his medication several times. "
            "The {{custody record}} [[13YW/2214/24|REFERENCE]] shows the review was entered late. "
            "[[WYP|FORCE]] now has a staffing trigger for the suite."
        ),
    },
    {
        "id": "mh-038",
        "people": ["PC Jenny Marr", "Callum Doyle"],
        "text": (
            "PC [[Jenny Marr|PERSON]] was sent to a man sitting on the parapet of [[Scotswood Bridge|PLACE]] "
            "over the [[Tyne|PLACE]]. She spoke with [[Callum Doyle|PERSON]] for an hour. His mother "
            "Mrs [[Doyle|PERSON]] arrived and became angry with the officers, which unsettled him. "
            "[[Jenny|PERSON]] said she would have liked a {{street triage}} nurse but the service had ended at "
            "midnight. [[Callum|PERSON]] was taken to the {{place of safety}} at about "
            "[[2.30am|TIME]]."
        ),
    },
    {
        "id": "da-039",
        "people": ["Leanne Tait", "PC Danny Forsyth"],
        "force": "Cleveland Police",
        "text": (
            "[[Leanne Tait|PERSON]] called {{999}} from a phone box on [[Borough Road|PLACE]], "
            "[[Middlesbrough|PLACE]] because her partner had taken her mobile. The call handler could not hear "
            "her and, following the {{Silent Solution}} script, asked her to press 55; she did not. The call "
            "was closed. [[Leanne|PERSON]] walked to [[Middlesbrough|PLACE]] police station, where PC "
            "[[Forsyth|PERSON]] took her report. [[Cleveland Police|FORCE]] reviewed the script. Her partner, "
            "[[Shaun Ridley|PERSON]], was arrested the same evening."
        ),
    },
    {
        "id": "pur-040",
        "people": ["PC Arjun Patel", "PC Rhys Evans"],
        "force": "South Wales Police",
        "text": (
            "PC [[Arjun Patel|PERSON]] was driving an unmarked car when a stolen Transit van, [[CU09 HVA|VRM]], "
            "was seen in [[Splott|PLACE]]. A {{Stinger}} was deployed by PC [[Evans|PERSON]] on "
            "[[Newport Road|PLACE]] and the van stopped. The driver ran and was caught in the garden of "
            "[[112 Tweedsmuir Road|ADDRESS]]. [[South Wales Police|FORCE]] found the {{pursuit}} was properly "
            "authorised. [[Rhys|PERSON]] said the radio channel was overloaded."
        ),
    },
    {
        "id": "call-041",
        "people": ["Courtney Blake", "Sgt Peter Whitlock"],
        "text": (
            "A woman rang at [[03:47|TIME]] to say her friend [[Jade|PERSON]] had taken an overdose at a party "
            "on [[Hollins Lane|PLACE]]. Call handler [[Courtney Blake|PERSON]] passed it to the ambulance "
            "service and closed the police log. {{Duty Sergeant}} [[Whitlock|PERSON]] reopened it an hour later "
            "when the ambulance crew asked for police because a man at the door was refusing entry. "
            "[[Blake|PERSON]] said the {{Emergency Operations Centre}} had not asked for police at first. "
            "Log [[0311|REFERENCE]]; [[Jade|PERSON]] recovered."
        ),
    },
    {
        "id": "uof-042",
        "people": ["PC Harry Benson", "PC Asha Varma", "Kofi Mensah-Boateng"],
        "force": "Nottinghamshire Police",
        "text": (
            "[[Kofi Mensah-Boateng|PERSON]], [[17|AGE]], was stopped on [[Alfreton Road|PLACE]] in "
            "[[Nottingham|PLACE]] because he matched a description of a robbery suspect. He was handcuffed "
            "straight away. PC [[Benson|PERSON]] used an arm lock when [[Kofi|PERSON]] pulled away, and PC "
            "[[Varma|PERSON]] drew {{PAVA}}. He was released after the victim said it was not him. "
            "[[Nottinghamshire Police|FORCE]] recorded it under use of force reference [[UOF/23/09981|REFERENCE]]."
        ),
    },
    {
        "id": "cus-043",
        "people": ["Terence Doyle", "Nurse Sunita Rao", "Sgt Keith Barlow"],
        "text": (
            "[[Terence Doyle|PERSON]], [[74|AGE]], was arrested on a warrant and booked in at "
            "[[11.20pm|TIME]]. {{Custody nurse}} [[Sunita Rao|PERSON]] assessed him as fit to detain but noted "
            "early dementia. Sergeant [[Barlow|PERSON]] did not call an {{appropriate adult}} until the "
            "morning. Mr [[Doyle|PERSON]] was confused about where he was and tried to leave his cell. His son "
            "[[Gavin|PERSON]] rang on [[01925 404 889|PHONE]] three times asking for news."
        ),
    },
    {
        "id": "near-044",
        "people": ["PC Ben Ashworth", "PC Katie Moss"],
        "force": "Lincolnshire Police",
        "text": (
            "A near-miss during a {{cell check}} in [[Grantham|PLACE]]: PC [[Ben Ashworth|PERSON]] found a "
            "detainee with a ligature made from his sock. The detainee had been searched by PC "
            "[[Katie Moss|PERSON]] but socks were left on because of the cold. [[Lincolnshire Police|FORCE]] "
            "reissued the search guidance. [[Ashworth|PERSON]] said the CCTV monitor in the custody office "
            "had a blind spot by the toilet."
        ),
    },
    {
        "id": "sas-045",
        "people": ["PC Tom Hurst", "Daniel Okoro"],
        "text": (
            "[[Daniel Okoro|PERSON]], a [[23|AGE]]-year-old student, was stopped while driving his "
            "grey Ford Focus, [[L847 FNT|VRM]], on the [[A58|PLACE]] near [[Halifax|PLACE]]. PC "
            "[[Hurst|PERSON]] said the car matched an {{ANPR}} hit but the hit was for a different car. "
            "[[Daniel|PERSON]] recorded the stop on his phone and posted it online. His National Insurance "
            "number, [[PX 72 19 46 D|NINO]], was written in the officer's notebook although it was not needed."
        ),
    },
    {
        "id": "mh-046",
        "people": ["PC Vicky Hollins", "Martin Greaves"],
        "force": "Derbyshire Constabulary",
        "text": (
            "[[Martin Greaves|PERSON]] phoned [[Derbyshire Constabulary|FORCE]] saying he had taken pills at "
            "his flat above the [[Co-op|PLACE]] in [[Matlock|PLACE]]. PC [[Hollins|PERSON]] arrived at "
            "[[21:05|TIME]] and found him drowsy. Because he was talking, paramedics were given a two-hour "
            "wait. [[Vicky|PERSON]] took him to {{A&E}} herself in the police car. The debrief asked whether "
            "that was within the force's {{Right Care Right Person}} policy."
        ),
    },
    {
        "id": "da-047",
        "people": ["Amy Sutton", "Craig Mellor", "PC Joel Hamer"],
        "text": (
            "[[Amy Sutton|PERSON]] had a non-molestation order against [[Craig Mellor|PERSON]]. On "
            "[[Valentine's Day|DATE]] he turned up at her work, the [[Premier Inn|PLACE]] near [[junction 27|PLACE]]. "
            "PC [[Hamer|PERSON]] arrested [[Mellor|PERSON]] at [[13:40|TIME]]. [[Amy|PERSON]] told officers her "
            "manager Mr [[Oldroyd|PERSON]] had let [[Craig|PERSON]] into the staff room. Crime number "
            "[[14/20931/24|REFERENCE]]."
        ),
    },
    {
        "id": "uof-048",
        "people": ["PS Neil Brennan", "PC Ollie Saunders"],
        "force": "Kent Police",
        "text": (
            "At a disorder outside a nightclub in [[Margate|PLACE]], PS [[Brennan|PERSON]] authorised the use "
            "of {{PAVA}} to disperse a group. Spray drifted into the face of a bystander, Ms [[Carly Webster|PERSON]], "
            "who needed treatment. PC [[Saunders|PERSON]] (PC [[1189|COLLAR]]) gave aftercare with water. "
            "[[Kent Police|FORCE]] decided {{reflective practice}} was appropriate for [[Brennan|PERSON]]. "
            "[[Carly|PERSON]] was [[26|AGE]] at the time."
        ),
    },
    {
        "id": "cus-049",
        "people": ["Rhiannon Pryce", "Sgt Huw Jenkins"],
        "force": "North Wales Police",
        "text": (
            "[[Rhiannon Pryce|PERSON]], [[19|AGE]], was held at [[Llandudno|PLACE]] custody after a fight on "
            "[[Mostyn Street|PLACE]]. She disclosed she was pregnant. Sergeant [[Huw Jenkins|PERSON]] arranged "
            "for the {{healthcare professional}} to see her but did not update the {{risk assessment}}. "
            "[[North Wales Police|FORCE]] identified that the booking-in screen has no prompt for pregnancy. "
            "[[Pryce|PERSON]] was released at [[4pm|TIME]] the next day."
        ),
    },
    {
        "id": "call-050",
        "people": ["Wendy Hargreaves", "PC Simon Leach"],
        "text": (
            "[[Wendy Hargreaves|PERSON]], [[81|AGE]], rang {{101}} to report that a man claiming to be from "
            "the water board had been in her house on [[Beech Grove|PLACE]]. The call was graded as a "
            "scheduled appointment two days later. PC [[Leach|PERSON]] attended on [[the 14th of October|DATE]] "
            "and found she had lost her savings. Mrs [[Hargreaves|PERSON]]' grandson [[Kyle|PERSON]] had "
            "phoned in the same day but from a different number, [[0161 496 0732|PHONE]]."
        ),
    },
    {
        "id": "fa-051",
        "people": ["Insp Dave Rowley", "PC Jamie Lister"],
        "force": "Humberside Police",
        "text": (
            "Armed officers were deployed to [[Bransholme|PLACE]] after a report of shots fired. Inspector "
            "[[Dave Rowley|PERSON]] was {{Tactical Firearms Commander}}. PC [[Lister|PERSON]], an {{AFO}}, "
            "entered [[36 Wawne Road|ADDRESS]] and found a teenager with an air rifle. The boy, "
            "[[Alfie|PERSON]], was [[13|AGE]]. [[Humberside Police|FORCE]] later noted the officers' calm "
            "approach. [[Rowley|PERSON]] said the {{National Decision Model}} helped him slow the entry down."
        ),
    },
    {
        "id": "rtc-052",
        "people": ["PC Stuart Gill", "Margaret Oakes"],
        "force": "Staffordshire Police",
        "text": (
            "PC [[Stuart Gill|PERSON]] was driving to an {{RTC}} on the [[A34|PLACE]] when he struck "
            "[[Margaret Oakes|PERSON]], a pedestrian crossing [[Stone Road|PLACE]] in [[Stafford|PLACE]]. "
            "She was [[79|AGE]] and suffered a fractured hip. The patrol car, [[YJ70 EUK|VRM]], had a "
            "dashcam that showed the lights were on. [[Staffordshire Police|FORCE]] referred the matter. "
            "[[Gill|PERSON]] was given {{management action}} about speed on approach."
        ),
    },
    {
        "id": "mp-053",
        "people": ["Lily Marsh", "PC Darren Foulds"],
        "text": (
            "[[Lily Marsh|PERSON]], aged [[9|AGE]], was reported missing from a park in [[Rotherham|PLACE]] "
            "at [[5.15pm|TIME]]. PC [[Foulds|PERSON]] arrived within ten minutes. Her father [[Steve|PERSON]] "
            "had already searched the woods behind [[Clifton Park|PLACE]]. [[Lily|PERSON]] was found at a "
            "friend's house on [[Doncaster Gate|PLACE]] an hour later. The debrief praised the speed of "
            "the {{CCTV}} trawl."
        ),
    },
    {
        "id": "uof-054",
        "people": ["PC Mohammed Rafiq", "PC Gemma Lowther", "Shane Bagley"],
        "force": "Leicestershire Police",
        "text": (
            "[[Shane Bagley|PERSON]] was arrested for shoplifting at [[Highcross|PLACE]] in "
            "[[Leicester|PLACE]]. In the van he headbutted the cage. PC [[Rafiq|PERSON]] applied "
            "{{leg restraints}} and PC [[Lowther|PERSON]] held his head. [[Bagley|PERSON]] had a cut above his "
            "eye when he arrived at custody. [[Mo|PERSON]] said the {{emergency response belt}} was the only "
            "option because the van had no padding. [[Leicestershire Police|FORCE]] fleet reference "
            "[[LP-VAN-00412|REFERENCE]]."
        ),
    },
    {
        "id": "da-055",
        "people": ["Zara Ahmed", "Bilal Ahmed", "DC Rachel Yates"],
        "text": (
            "[[Zara Ahmed|PERSON]] disclosed to her GP that her husband [[Bilal|PERSON]] controlled her money "
            "and passport. The GP rang {{101}}; DC [[Yates|PERSON]] visited two weeks later at [[9 Elm Row|ADDRESS]] "
            "while [[Bilal Ahmed|PERSON]] was present, so [[Zara|PERSON]] denied everything. The debrief notes "
            "that the visit should have been arranged through the GP. [[Yates|PERSON]] has since completed "
            "{{coercive control}} training. [[Zara|PERSON]]'s date of birth, [[2 February 1994|DOB]], was "
            "recorded wrongly on the system."
        ),
    },
    {
        "id": "cus-056",
        "people": ["Kevin Marshall", "DDO Paula Riggs"],
        "force": "Hertfordshire Constabulary",
        "text": (
            "[[Kevin Marshall|PERSON]] was found with a ligature in his cell at [[Hatfield|PLACE]] custody at "
            "[[04:55|TIME]]. Detention officer [[Paula Riggs|PERSON]] cut it off and started {{CPR}}; he "
            "recovered. He had been on thirty-minute checks although he told officers he was hearing voices. "
            "[[Hertfordshire Constabulary|FORCE]] referred the matter as a {{near miss}}. [[Riggs|PERSON]] "
            "said the {{booking-in}} was done by a sergeant covering from [[Stevenage|PLACE]]."
        ),
    },
    {
        "id": "mh-057",
        "people": ["PC Tom Waring", "Ruth Albright"],
        "text": (
            "[[Ruth Albright|PERSON]], who lives alone on the [[Hattersley|PLACE]] estate, called police 43 times "
            "in a month. PC [[Waring|PERSON]] was the neighbourhood officer. The {{AMHP}} said she did not meet "
            "the threshold for assessment. [[Waring|PERSON]] arranged a joint visit with her community nurse, "
            "[[Joanne|PERSON]], and the calls fell to two a week. [[Ruth|PERSON]]'s support plan was emailed to "
            "[[neighbourhood.hyde@gmp.police.uk|EMAIL]]."
        ),
    },
    {
        "id": "pur-058",
        "people": ["PC Kieran Doherty", "Reece Lomax"],
        "force": "Cheshire Constabulary",
        "text": (
            "[[Reece Lomax|PERSON]], [[20|AGE]], failed to stop for PC [[Doherty|PERSON]] on the "
            "[[M56|PLACE]] near [[Runcorn|PLACE]] in a Seat Leon, [[DK17 OFY|VRM]]. The pursuit lasted four "
            "minutes and ended when [[Lomax|PERSON]] crashed into a wall on [[Halton Road|PLACE]]. "
            "[[Cheshire Constabulary|FORCE]] found the pursuit was managed well. The control room tape, "
            "reference [[CR/2024/00311|REFERENCE]], shows the {{Force Incident Manager}} took command promptly."
        ),
    },
    {
        "id": "uof-059",
        "people": ["PC Sean Maguire", "Adaeze Okafor"],
        "text": (
            "PC [[Maguire|PERSON]] attended a disturbance at [[Apartment 14|ADDRESS]], [[Velocity Tower|PLACE]]. "
            "[[Adaeze Okafor|PERSON]] was holding a kitchen knife and shouting at her flatmate. PC "
            "[[Sean Maguire|PERSON]] aimed his {{Taser}} and {{red dot}}ted her; she put the knife down. "
            "Ms [[Okafor|PERSON]] later said she had felt threatened by her flatmate's boyfriend, "
            "[[Jamal|PERSON]]. The {{Taser}} was not fired."
        ),
    },
    {
        "id": "call-060",
        "people": ["Controller Yasmin Hall", "PC Wayne Tordoff"],
        "force": "Northumbria Police",
        "text": (
            "Controller [[Yasmin Hall|PERSON]] had four immediate calls waiting and one unit free in "
            "[[Gateshead|PLACE]]. She sent PC [[Tordoff|PERSON]] to a concern for welfare at "
            "[[17 Saltwell View|ADDRESS]], [[NE8 4NR|POSTCODE]], rather than to a report of a fight. "
            "[[Hall|PERSON]] said the {{THRIVE}} scores did not help her choose. [[Northumbria Police|FORCE]] "
            "has since added a second controller on Friday nights. [[Yasmin|PERSON]]'s log was "
            "[[NP-20230415-0932|REFERENCE]]."
        ),
    },
    {
        "id": "cus-061",
        "people": ["Andrzej Kaminski", "Sgt Bev Thornton"],
        "text": (
            "[[Andrzej Kaminski|PERSON]] was arrested for assault on [[Saturday 2nd December|DATE]] and spent "
            "two nights in custody because there was no Polish interpreter available at weekends. Sergeant "
            "[[Thornton|PERSON]] used a telephone interpreting line on [[0800 169 2879|PHONE]] for the "
            "booking-in but not for the reviews. [[Kaminski|PERSON]]'s DOB was given as [[11.03.1988|DOB]]. "
            "The {{Custody Inspector}} raised it with {{Professional Standards}}."
        ),
    },
    {
        "id": "near-062",
        "people": ["PC Hollie Dean", "PC Matt Stringer"],
        "force": "Surrey Police",
        "text": (
            "PC [[Hollie Dean|PERSON]] and PC [[Matt Stringer|PERSON]] were nearly hit by a car while "
            "closing the [[A3|PLACE]] at [[Guildford|PLACE]] after a collision. The cones were out but the "
            "signs had not arrived. [[Stringer|PERSON]] said the highways contractor took ninety minutes. "
            "[[Surrey Police|FORCE]] raised it with the highways agency. [[Dean|PERSON]] asked for better "
            "high-visibility kit for night work."
        ),
    },
    {
        "id": "sas-063",
        "people": ["PC Lauren Shaw", "Tyler Grant"],
        "force": "City of London Police",
        "text": (
            "[[City of London Police|FORCE]] officers stopped [[Tyler Grant|PERSON]] near [[Liverpool Street|PLACE]] "
            "station. PC [[Shaw|PERSON]] found a lock knife in his rucksack. [[Grant|PERSON]], a "
            "[[24|AGE]]-year-old chef, said he used it at work at the restaurant on "
            "[[Bishopsgate|PLACE]]. He was arrested and later released with a caution. The {{stop and search}} "
            "record number was [[CoL-SS-7718|REFERENCE]]."
        ),
    },
    {
        "id": "da-064",
        "people": ["Shanice Bailey", "PC Aaron Pickering"],
        "text": (
            "[[Shanice Bailey|PERSON]], [[22|AGE]], rang from her mum's house on [[Broadway|PLACE]], "
            "[[Chadderton|PLACE]]. Her boyfriend [[Tyrell|PERSON]] had punched her and taken her daughter. "
            "PC [[Pickering|PERSON]] found [[Tyrell Simms|PERSON]] and the baby at his cousin's flat in "
            "[[Failsworth|PLACE]] within the hour. The child was unharmed. [[Shanice|PERSON]] gave her "
            "mobile as [[+44 7700 900461|PHONE]] and a safety plan was agreed."
        ),
    },
]
