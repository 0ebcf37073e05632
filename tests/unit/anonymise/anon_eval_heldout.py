"""Passages written after the rules were frozen (first score: names/places recall 0.969, the rest 1.0).

Two general fixes followed (role words in people's records, bare force areas); no passage-specific rule.
"""

PASSAGES_HELDOUT: list[dict[str, object]] = [
    {
        "id": "ho-069",
        "people": ["PC Hayley Brookes", "Mr Ahmed Siddiqui"],
        "force": "West Mercia Police",
        "text": (
            "PC [[Hayley Brookes|PERSON]] was first on scene at a collision on the [[A449|PLACE]] outside "
            "[[Kidderminster|PLACE]] at about [[ten past six|TIME]] in the morning. Mr [[Siddiqui|PERSON]] was "
            "trapped in his taxi, [[BF62 UHM|VRM]]. [[Hayley|PERSON]] kept talking to him until the fire "
            "service cut him out. [[West Mercia Police|FORCE]] noted she had no {{first aid}} kit in the car "
            "because the previous shift had used it. The collision was logged as [[WM-0412-22|REFERENCE]]."
        ),
    },
    {
        "id": "ho-070",
        "people": ["Sgt Imogen Price", "Jake Turner"],
        "text": (
            "[[Jake Turner|PERSON]] was brought to custody by his father, [[Roy|PERSON]], who said his son "
            "had been hearing voices since his release from [[HMP Leeds|PLACE]]. {{Custody Sergeant}} "
            "[[Price|PERSON]] refused to detain him because no offence was alleged and called the crisis "
            "line. [[Turner|PERSON]] waited in the foyer for two hours. The crisis team arrived at "
            "[[21:40|TIME]] on [[19 June 2023|DATE]] and admitted him informally."
        ),
    },
    {
        "id": "ho-071",
        "people": ["PC Dominic Hale", "PC Lisa Moran", "Ms Chanel Okonkwo"],
        "force": "Hampshire and Isle of Wight Constabulary",
        "text": (
            "PCs [[Hale|PERSON]] and [[Moran|PERSON]] attended a report of a woman screaming in a flat above "
            "a takeaway on [[Kingston Road|PLACE]], [[Portsmouth|PLACE]]. [[Chanel Okonkwo|PERSON]], "
            "[[28|AGE]], said her ex-boyfriend [[Marcus|PERSON]] had choked her. PC [[Moran|PERSON]] "
            "completed a {{DASH}} assessment and took photographs of the marks on her neck. "
            "[[Hampshire and Isle of Wight Constabulary|FORCE]] arrested [[Marcus Lyle|PERSON]] the next "
            "morning at his mother's house in [[Fratton|PLACE]]."
        ),
    },
    {
        "id": "ho-072",
        "people": ["Call handler Bethany Shaw"],
        "text": (
            "A caller said a man was following her home from [[Harrogate|PLACE]] bus station. Call handler "
            "[[Bethany Shaw|PERSON]] asked her to stay on the line and to walk towards the lit shops on "
            "[[Parliament Street|PLACE]]. The caller, who gave her name as [[Lucy|PERSON]], said the man was "
            "wearing a grey hoodie. Officers found him at [[22:58|TIME]]. [[Bethany|PERSON]] said the "
            "{{CAD}} map placed the caller half a mile away. Her phone number was [[07835 771 209|PHONE]]."
        ),
    },
    {
        "id": "ho-073",
        "people": ["PC Ryan Sheikh", "Bradley Dunn"],
        "force": "Northamptonshire Police",
        "text": (
            "[[Bradley Dunn|PERSON]], aged [[44|AGE]], was tasered in the garden of [[6 Orchard Close|ADDRESS]], "
            "[[Corby|PLACE]], after he threatened PC [[Sheikh|PERSON]] with a garden fork. [[Dunn|PERSON]] "
            "fell and cut his head on a step. [[Northamptonshire Police|FORCE]] recorded the discharge and "
            "PC [[Ryan Sheikh|PERSON]] gave {{first aid}}. The {{Taser}} cartridge, serial "
            "[[C4A0039187|REFERENCE]], was seized. [[Bradley|PERSON]]'s sister [[Gemma|PERSON]] filmed the incident."
        ),
    },
    {
        "id": "ho-074",
        "people": ["DS Aaron Fielding", "Kimberley Rowe"],
        "text": (
            "DS [[Fielding|PERSON]] reviewed why [[Kimberley Rowe|PERSON]], a [[16|AGE]]-year-old at risk of "
            "exploitation, was not flagged on the system when she was stopped in [[Burnley|PLACE]] on "
            "[[3 October|DATE]] with an older man. The man, [[Aziz Hamid|PERSON]], gave a false name. "
            "[[Kimberley|PERSON]]'s social worker had emailed [[exploitation.team@lancashire.gov.uk|EMAIL]] "
            "two days earlier. Crime reference [[06/118804/23|REFERENCE]]."
        ),
    },
    {
        "id": "ho-075",
        "people": ["PC Gethin Morgan", "Eleri Jones"],
        "force": "Gwent Police",
        "text": (
            "PC [[Gethin Morgan|PERSON]] was single-crewed in [[Abergavenny|PLACE]] when [[Eleri Jones|PERSON]] "
            "reported her [[81|AGE]]-year-old father missing from [[Maindiff Court|PLACE]]. He was found "
            "four hours later by a dog walker near the [[Usk|PLACE]]. [[Gwent Police|FORCE]] had not "
            "used the Herbert Protocol form that the care home had completed. [[Morgan|PERSON]] said the "
            "search coordinator was on another job in [[Newport|PLACE]]."
        ),
    },
    {
        "id": "ho-076",
        "people": ["PC Josh Barker", "Simon Fairclough"],
        "text": (
            "PC [[Barker|PERSON]] ([[3381|COLLAR]]) arrested [[Simon Fairclough|PERSON]] for drink driving "
            "after his Range Rover, [[FX19 LMO|VRM]], was seen weaving on the [[M6|PLACE]]. In custody "
            "[[Fairclough|PERSON]] became unwell and said he had taken his wife's tablets. The {{custody nurse}} "
            "sent him to {{A&E}}. His DOB is [[30/12/1969|DOB]] and his NI number is "
            "[[NR 83 20 14 A|NINO]]."
        ),
    },
    {
        "id": "ho-077",
        "people": ["Insp Rachel Goodwin", "PC Umar Farooq"],
        "force": "Avon and Somerset Constabulary",
        "text": (
            "Inspector [[Goodwin|PERSON]] authorised the use of a {{police dog}} to search for a burglary "
            "suspect in the allotments behind [[Whitehall Road|PLACE]], [[Bristol|PLACE]], [[BS5 9BH|POSTCODE]]. "
            "The dog bit a [[17|AGE]]-year-old who was hiding in a shed. PC [[Farooq|PERSON]], the handler, "
            "said he gave two challenges. The boy's mother, Mrs [[Yusuf|PERSON]], complained to "
            "[[Avon and Somerset|FORCE]] the next day."
        ),
    },
    {
        "id": "ho-078",
        "people": ["PC Tony Ambrose", "Darnell Hughes"],
        "text": (
            "At [[1.45am|TIME]] on [[Sunday 12th March|DATE]] PC [[Ambrose|PERSON]] found [[Darnell Hughes|PERSON]] "
            "lying in the road on [[Moss Lane East|PLACE]] in [[Moss Side|PLACE]]. He had been stabbed. "
            "[[Ambrose|PERSON]] applied pressure to the wound until paramedics arrived. [[Darnell|PERSON]] "
            "survived. The debrief found that the {{ambulance}} was sent to [[Moss Lane West|PLACE]] first "
            "because of a mistake in the {{CAD}} address."
        ),
    },
]
