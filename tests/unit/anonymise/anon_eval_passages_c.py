"""Synthetic debrief passages (third part) with inline gold: [[span|LABEL]] identifiers, {{span}} kept words."""

PASSAGES_C: list[dict[str, object]] = [
    {
        "id": "uof-065",
        "people": ["PC Natalie Crowther", "PC Ashley Booth", "Mr Jason Pollard"],
        "force": "Humberside Police",
        "text": (
            "PC [[Crowther|PERSON]], warrant number [[184422|COLLAR]], and PC [[2817|COLLAR]] [[Booth|PERSON]] "
            "were flagged down on [[Anlaby Road|PLACE]], [[Hull|PLACE]], [[HU3 2JZ|POSTCODE]], by a taxi driver. "
            "A man later named as [[Jason Pollard|PERSON]] was punching the taxi's windscreen. [[Pollard|PERSON]] "
            "was taken to the ground and {{handcuffs}} applied to the front. The taxi, [[R392 KHV|VRM]], was "
            "damaged. [[Natalie|PERSON]] said the {{body-worn video}} from her camera, [[X60A41187|REFERENCE]], "
            "failed to upload."
        ),
    },
    {
        "id": "cus-066",
        "people": ["Sgt Gurpreet Sandhu", "Daniel Whelan"],
        "force": "Bedfordshire Police",
        "text": (
            "[[Daniel Whelan|PERSON]] was brought into [[Luton|PLACE]] custody at [[19:20|TIME]] on "
            "[[Thursday 7 March 2024|DATE]] with a head injury from a fall at the [[Bedford Arms|PLACE]]. "
            "Sergeant [[Sandhu|PERSON]] (PS [[3306|COLLAR]]) refused to accept him until he was seen at "
            "{{A&E}} at the [[Luton and Dunstable Hospital|PLACE]]. His home address, [[3 Priory Gardens|ADDRESS]], "
            "[[Dunstable|PLACE]], [[LU6 3QE|POSTCODE]], was confirmed by his landlady. [[Whelan|PERSON]] was "
            "[[42|AGE]] and had no previous convictions."
        ),
    },
    {
        "id": "call-067",
        "people": ["Georgia Pike", "Call handler Lindsay Fox"],
        "force": "Gloucestershire Constabulary",
        "text": (
            "[[Georgia Pike|PERSON]] rang from a Peugeot, [[WP16 ZTC|VRM]], stuck in floodwater on a lane near "
            "[[Tewkesbury|PLACE]]. Call handler [[Lindsay Fox|PERSON]] kept her talking while the fire service "
            "was sent, but the location from her phone, [[07912 004 375|PHONE]], was out by two miles. "
            "[[Lindsay|PERSON]] used what3words, which [[Georgia|PERSON]] had never heard of. "
            "[[Gloucestershire Constabulary|FORCE]] recorded it as incident [[GC-230611-0417|REFERENCE]]. "
            "Ms [[Pike|PERSON]] was rescued at about [[1am|TIME]]."
        ),
    },
    {
        "id": "mh-068",
        "people": ["PC Liam O'Neill", "Susan Carrick"],
        "force": "Durham Constabulary",
        "text": (
            "PC [[O'Neill|PERSON]] ([[1922|COLLAR]]) went to [[Carrick|PERSON]]'s house after her daughter "
            "emailed [[durham.control@durham.police.uk|EMAIL]] at [[07:50|TIME]] saying her mother had stopped "
            "taking lithium. [[Susan Carrick|PERSON]], [[66|AGE]], was found in the garden of "
            "[[21 Front Street|ADDRESS]], [[Crook|PLACE]], [[DL15 9AB|POSTCODE]]. [[Liam|PERSON]] waited with "
            "her for the {{crisis team}}. [[Durham Constabulary|FORCE]] noted that the email inbox is only "
            "checked twice a day."
        ),
    },
]
