"""Development passages for the hard cases of issue 12: other scripts, Celtic places, capitals and
lower-case logs, prefixed collars, handles, international phones, three-word addresses, nicknames,
initials, unlisted first names, surname variants and named premises. Written for development only;
the frozen held-out set is never read to write them.
"""

PASSAGES_DEV_EXTRA: list[dict[str, object]] = [
    {
        "id": "dx-001",
        "people": ["PC Lukasz Wisniewski", "Zofia Kaminska"],
        "force": "North Wales Police",
        "text": (
            "PC [[Łukasz Wiśniewski|PERSON]] ([[NP4412|COLLAR]]) attended [[Ffordd Penrhyn|PLACE]] in "
            "[[Llangefni|PLACE]] after [[Zofia Kamińska|PERSON]] called {{999}}. She said her ex-partner "
            "[[Grzegorz|PERSON]] had been drinking at the [[Bull's Head|PLACE]] since lunchtime. "
            "[[Wiśniewski|PERSON]] switched on his {{body-worn video}} and spoke to [[Grzegorz Nowak|PERSON]] "
            "on the doorstep. Mrs [[Kaminska|PERSON]] did not want to make a statement. The officer completed "
            "a {{DASH}} form and referred the case to {{MARAC}}."
        ),
    },
    {
        "id": "dx-002",
        "people": ["Siobhan O'Brien", "Constable Ciaran McAleer"],
        "force": "PSNI",
        "text": (
            "Constable [[McAleer|PERSON]] was crewed with a student officer when they were sent to a flat on "
            "the [[Shankill Road|PLACE]] where [[Siobhán Ó Briain|PERSON]] had locked herself in the bathroom. "
            "Her sister [[Aoibheann|PERSON]] had driven up from [[Newry|PLACE]]. [[Siobhán|PERSON]] was later "
            "taken to the [[Mater Hospital|PLACE]] under the mental health legislation. The [[PSNI|FORCE]] "
            "review found that the {{control room}} did not pass on a {{safeguarding}} marker created after "
            "an earlier call from [[Strabane|PLACE]]. [[Pádraig Ó Súilleabháin|PERSON]], her landlord, "
            "confirmed the history."
        ),
    },
    {
        "id": "dx-003",
        "people": ["Aysha Khan"],
        "force": "South Wales Police",
        "text": (
            "[[22:14|TIME]] RP MRS [[AYSHA KHAN|PERSON]] REPORTS NEIGHBOUR [[DARIUSZ|PERSON]] SHOUTING AND "
            "BANGING AT [[FLAT 3, 22 KINGSWAY|ADDRESS]] [[CARDIFF|PLACE]] [[CF10 3AF|POSTCODE]]. CALLER ON "
            "[[07700 900123|PHONE]].\n"
            "[[22:19|TIME]] GRADED IMMEDIATE. UNITS ASSIGNED.\n"
            "[[22:31|TIME]] PC [[4471|COLLAR]] [[HUGHES|PERSON]] ON SCENE. MALE [[KOWALCZYK|PERSON]] "
            "DETAINED {{S136}} {{MHA}}. {{TASER}} DRAWN NOT FIRED.\n"
            "[[22:58|TIME]] TRANSPORTED TO [[UNIVERSITY HOSPITAL OF WALES|PLACE]] BY {{AMBULANCE}}. "
            "SGT [[PRITCHARD|PERSON]] INFORMED."
        ),
    },
    {
        "id": "dx-004",
        "people": ["Jade O'Connor"],
        "text": (
            "[[23:02|TIME]] caller [[jade o'connor|PERSON]] states her brother [[connor|PERSON]] has taken "
            "tablets at [[14 heol y nant|ADDRESS]], [[pontypridd|PLACE]]. {{ambulance}} requested.\n"
            "[[23:09|TIME]] pc [[rhys|PERSON]] [[4412|COLLAR]] en route, eta ten minutes.\n"
            "[[23:20|TIME]] on scene. male conscious and talking. {{crisis team}} informed. neighbour "
            "mrs [[gwyneth parry|PERSON]] at [[no 16|ADDRESS]] holding the dog.\n"
            "[[23:41|TIME]] [[connor|PERSON]] conveyed to [[royal glamorgan hospital|PLACE]] by {{ambulance}}."
        ),
    },
    {
        "id": "dx-005",
        "people": ["Tyrese Campbell", "DC Hannah Lowe"],
        "force": "Avon and Somerset Constabulary",
        "text": (
            "The complainant told DC [[Lowe|PERSON]] that [[Tyrese Campbell|PERSON]] had posted the video on "
            "Instagram as [[@tyrese_c_09|HANDLE]] and on TikTok at [[tiktok.com/@ty.campbell|HANDLE]]. His "
            "Facebook profile, [[https://www.facebook.com/tyrese.campbell.5|HANDLE]], showed him outside the "
            "[[Golden Dragon|PLACE]] takeaway on [[Stapleton Road|PLACE]] the same evening. [[Hannah|PERSON]] "
            "saved the pages as exhibits [[HL/3|REFERENCE]] and [[HL/4|REFERENCE]] before they were deleted. "
            "A friend of the complainant, [[x.kayla.x|HANDLE]] on Snapchat, had shared it further."
        ),
    },
    {
        "id": "dx-006",
        "people": ["Nguyen Van Thanh"],
        "force": "Lincolnshire Police",
        "text": (
            "The caller, [[Nguyễn Văn Thành|PERSON]], spoke little English and gave his mobile as "
            "[[+84 912 345 678|PHONE]] and his cousin's as [[+48 601 234 567|PHONE]]. The call handler "
            "used what3words and he sent [[///filled.count.soap|W3W]] from a farm track near "
            "[[Spalding|PLACE]]. A second location, [[index.home.raft|W3W]], was two miles away. "
            "[[Thành|PERSON]] had been working at a nail bar, [[Lotus Nails|PLACE]], and said the owner, "
            "[[Phạm Thị Lan|PERSON]], kept his passport. The {{Modern Slavery}} lead was informed. Mr "
            "[[Nguyen|PERSON]] was taken to a reception centre."
        ),
    },
    {
        "id": "dx-007",
        "people": ["Ayse Yilmaz", "PS Ibrahim Celik"],
        "force": "Essex Police",
        "text": (
            "[[Ayşe Yılmaz|PERSON]], [[34|AGE]], ran the [[Istanbul Grill|PLACE]] on [[High Road|PLACE]] in "
            "[[Ilford|PLACE]]. PS [[İbrahim Çelik|PERSON]] spoke to her in Turkish after her husband "
            "[[Mehmet|PERSON]] was arrested. [[Çelik|PERSON]] recorded that she was frightened of "
            "[[Mehmet|PERSON]]'s brother, [[Serkan Öztürk|PERSON]], who ran [[Öztürk & Sons Ltd|PLACE]]. "
            "The {{custody}} record noted no interpreter was booked because the sergeant spoke Turkish, "
            "which the review said was not good practice."
        ),
    },
    {
        "id": "dx-008",
        "people": ["Marcus Reid", "PC Olivia Grant"],
        "text": (
            "PC [[Grant|PERSON]] knew [[Marcus Reid|PERSON]], known as [[Tiny|PERSON]], from previous "
            "stop and searches. [[Reid|PERSON]] was with a man who goes by [[Big Dee|PERSON]] and a "
            "teenager everyone called \"[[Smudge|PERSON]]\". [[Marcus|PERSON]] said that a rival who calls "
            "himself [[Razor|PERSON]] had threatened him. The officer recorded the names on a {{stop and "
            "search}} form but did not submit intelligence, which the debrief said was a missed opportunity."
        ),
    },
    {
        "id": "dx-009",
        "people": ["Insp Valentina Marchetti-Lowe", "Thomas Reginald Beckford"],
        "force": "Thames Valley Police",
        "text": (
            "[[T.R.|PERSON]] had phoned the station three times. The duty inspector, Insp [[V. "
            "Marchetti-Lowe|PERSON]], reviewed the calls. Her note says Mr [[Beckfard|PERSON]] (sic) was "
            "known to the {{neighbourhood team}}. [[Tom|PERSON]] was [[67|AGE]] and lived alone. "
            "Inspector [[Marchetti Lowe|PERSON]] decided a {{welfare check}} was needed and sent a unit. "
            "[[Beckford|PERSON]]'s front door was found open and he was on the floor. [[T. Beckford|PERSON]] "
            "survived."
        ),
    },
    {
        "id": "dx-010",
        "people": ["Katarzyna Nowicka"],
        "force": "Cambridgeshire Constabulary",
        "text": (
            "[[Kasia|PERSON]] said that [[Bartek|PERSON]] had left the house in [[Wisbech|PLACE]] before the "
            "officers arrived. Her friend [[Małgorzata|PERSON]] translated. [[Bartek|PERSON]] was later seen "
            "near [[Chatteris|PLACE]] by a {{PCSO}}. [[Katarzyna Nowicka|PERSON]] had a {{DVPN}} in place "
            "against him. Officers did not check the {{PNC}} before leaving, and the review recommended "
            "that supervisors check the {{domestic abuse}} history on every call of this kind."
        ),
    },
    {
        "id": "dx-011",
        "people": ["Sgt Bilal Anwar"],
        "force": "West Midlands Police",
        "text": (
            "The fight started in [[Spice Village|PLACE]] takeaway and moved to the car park of the "
            "[[Bethesda Chapel|PLACE]]. Sgt [[Anwar|PERSON]] had been at [[Khan's Stores|PLACE]] next door. "
            "Witnesses included staff at [[Greenbank Surgery|PLACE]] and a teacher from [[Castle Vale "
            "Academy|PLACE]]. The suspect drove off towards [[Fort Parkway Retail Park|PLACE]] and was "
            "stopped outside the [[Bay Leaf Grill|PLACE]]. Stolen goods came from [[Patel & Sons Ltd|PLACE]]. "
            "The {{CCTV}} from the [[Red Lion|PLACE]] pub was never collected."
        ),
    },
    {
        "id": "dx-012",
        "people": ["Eilidh MacLeod", "PC Ruaridh Fraser"],
        "force": "Police Scotland",
        "text": (
            "[[Eilidh MacLeod|PERSON]] was reported missing from [[Kirkcaldy|PLACE]] and found two days later "
            "in [[Drumchapel|PLACE]]. PC [[Ruaridh|PERSON]] [[Fraser|PERSON]] had stopped her on "
            "[[Sauchiehall Street|PLACE]] but she gave a false name, [[Morag Baird|PERSON]]. [[Police "
            "Scotland|FORCE]] said the missing person record had not been circulated beyond [[Fife|PLACE]]. "
            "Her aunt in [[Auchtermuchty|PLACE]] had told officers she might go to [[Glasgow|PLACE]]."
        ),
    },
    {
        "id": "dx-013",
        "people": ["Gwenllian Prys"],
        "force": "Dyfed-Powys Police",
        "text": (
            "[[Gwenllian Prys|PERSON]], [[81|AGE]], lived on a farm outside [[Llanbedr Pont Steffan|PLACE]]. "
            "Her grandson [[Dafydd|PERSON]] called from [[Aberaeron|PLACE]] when she did not answer. The unit "
            "from [[Cross Hands|PLACE]] took fifty minutes because the satnav sent it to [[Cwmann|PLACE]]. "
            "Mrs [[Prys|PERSON]] had fallen near the [[Capel Bethel|PLACE]] chapel. The review asked the "
            "{{control room}} to record farm names and grid references for rural addresses in "
            "[[Ceredigion|PLACE]]."
        ),
    },
    {
        "id": "dx-014",
        "people": ["PC Dean Holt"],
        "force": "Merseyside Police",
        "text": (
            "PC [[Holt|PERSON]] ([[MP 7731|COLLAR]]) stopped a [[LN17 XKD|VRM]] Fiesta and later an old "
            "Transit, [[A123 BCD|VRM]], and a Rover, [[GHF 419T|VRM]]. The log ([[KX7781|REFERENCE]]) shows the "
            "{{Taser 7}} was drawn. The crime number [[48213|REFERENCE]] was linked to job [[2203-118|REFERENCE]]. "
            "The man had been seen on the [[5th|DATE]] and again on [[12.03.24|DATE]]. He was detained under "
            "{{section 136}} and the {{PACE}} clock started at [[0214|TIME]] hrs."
        ),
    },
    {
        "id": "dx-015",
        "people": ["DC Aleksandra Wojciechowska", "Leon Baptiste"],
        "force": "Kent Police",
        "text": (
            "The {{PSD}} investigator found that DC [[Wojciechowska|PERSON]] disclosed [[Leon "
            "Baptiste|PERSON]]'s address to his former partner. The {{custody record}} spells her name "
            "[[Wojciechowski|PERSON]] and the {{Niche}} entry spells it [[Wojchiechowska|PERSON]]. "
            "[[Baptist|PERSON]] complained on [[3 May 2024|DATE]]. The officer was given {{management "
            "action}} and {{reflective practice}}. [[Aleksandra|PERSON]] accepted the finding."
        ),
    },
    {
        "id": "dx-016",
        "people": ["Tran Thi Mai", "PC Oluwaseun Adeyemi"],
        "force": "Greater Manchester Police",
        "text": (
            "Case study draft. [[Trần Thị Mai|PERSON]] rang from a flat in [[Moss Side|PLACE]] to say her "
            "employer, [[Chukwuemeka Obi|PERSON]], had locked her in. PC [[Adeyemi|PERSON]] and a colleague, "
            "PC [[Gurdeep Singh Sandhu|PERSON]], forced entry. [[Mai|PERSON]] was taken to the "
            "[[Saint Mary's Sexual Assault Referral Centre|PLACE]]. Her friend [[Hodan Warsame|PERSON]] and a "
            "neighbour, [[Zoltán Szabó|PERSON]], gave statements. [[Seun|PERSON]] said the {{Modern Slavery}} "
            "referral took a week."
        ),
    },
    {
        "id": "dx-017",
        "people": [],
        "force": "Leicestershire Police",
        "text": (
            "CUSTODY RECORD [[LC/2291/24|REFERENCE]]\n"
            "DETAINED PERSON: [[ABDULRAHMAN AL-HASHIMI|PERSON]]\n"
            "ARRESTING OFFICER: PC [[2231|COLLAR]] [[OKONKWO|PERSON]]\n"
            "[[03:15|TIME]] BOOKED IN BY PS [[VARGA|PERSON]]. {{RISK ASSESSMENT}} COMPLETED. "
            "{{CONSTANT OBSERVATION}} DUE TO SELF HARM.\n"
            "[[04:02|TIME]] SEEN BY {{HCP}} NURSE [[BEAUMONT|PERSON]]. FIT TO DETAIN.\n"
            "[[06:30|TIME]] SOLICITOR [[RAJ MEHTA|PERSON]] OF [[MEHTA AND CO|PLACE]] ATTENDED."
        ),
    },
    {
        "id": "dx-018",
        "people": ["Daniel Cooke"],
        "text": (
            "i was single crewed when i stopped a silver ford focus [[yh19 kzt|VRM]] on [[manor lane|PLACE]], "
            "[[rotherham|PLACE]]. the driver gave his name as [[daniel cooke|PERSON]], dob "
            "[[03/04/1990|DOB]], but {{pnc}} came back with a different photo. his passenger, [[shannon|PERSON]], "
            "said he was really her cousin [[kyle|PERSON]]. i arrested him for obstruction and called for "
            "another unit from [[maltby|PLACE]]. his email was [[k.ward88@gmail.com|EMAIL]]."
        ),
    },
    {
        "id": "dx-019",
        "people": ["PS Roisin Gallagher"],
        "force": "Cumbria Constabulary",
        "text": (
            "Sergeant [[Gallagher|PERSON]] supervised the search at [[Whinlatter|PLACE]] for a walker, "
            "[[Ștefan Popescu|PERSON]], reported by his partner [[Ioana|PERSON]]. The mountain rescue team met "
            "at the [[Swinside Inn|PLACE]]. [[Popescu|PERSON]] was found near [[Braithwaite|PLACE]] at "
            "[[half past four|TIME]] in the morning. The {{Gold}} commander praised the use of the drone, "
            "but {{Silver}} had not logged the decision to stand down."
        ),
    },
    {
        "id": "dx-020",
        "people": ["Amara Okoye"],
        "force": "Northumbria Police",
        "text": (
            "[[Amara Okoye|PERSON]]'s phone ([[+234 803 555 0199|PHONE]]) was seized. Messages from "
            "[[@zed_the_boss|HANDLE]] and a Telegram user [[@kingpin_ncl|HANDLE]] referred to a meeting at "
            "[[Eldon Square|PLACE]] and a flat on [[Westgate Road|PLACE]]. Her brother, [[Chidi|PERSON]], "
            "said a man called [[Zed|PERSON]] had been sending cash via [[www.paypal.me/zedboss|HANDLE]]. "
            "The {{intelligence}} report [[NB-44810|REFERENCE]] was graded but not actioned for a week."
        ),
    },
    {
        "id": "dx-021",
        "people": ["PC Mohammed Rafiq", "Shauna Doyle"],
        "force": "Lancashire Constabulary",
        "text": (
            "PC [[Rafiq|PERSON]] and PC [[Ellison|PERSON]] attended the [[Ribble Valley|PLACE]] address after "
            "[[Shauna Doyle|PERSON]] texted {{999}}. [[Shauna|PERSON]]'s partner, [[Craig Doyle|PERSON]], "
            "was in the garden. [[Mo|PERSON]] used {{PAVA}} when [[Doyle|PERSON]] came at him with a spade. "
            "[[Ellison|PERSON]] applied {{handcuffs}}. The {{Use of Force}} form recorded the {{PAVA}} "
            "but not the {{baton}} strike. The {{reflective practice}} was completed by [[9 June|DATE]]."
        ),
    },
    {
        "id": "dx-022",
        "people": ["Kwabena Mensah"],
        "force": "Surrey Police",
        "text": (
            "At [[07:50|TIME]] [[Kwabena Mensah|PERSON]] was seen on {{CCTV}} leaving the [[Wey House|PLACE]] "
            "hostel in [[Guildford|PLACE]]. His keyworker [[Fenella|PERSON]] reported him missing at "
            "[[10:15|TIME]]. He was found at [[Woking|PLACE]] station by a [[British Transport Police|FORCE]] "
            "officer, PC [[Ashdown|PERSON]], who took him to the [[Royal Surrey County Hospital|PLACE]]. "
            "[[Kwabena|PERSON]], [[19|AGE]], had been assessed by the {{crisis team}} the day before."
        ),
    },
    {
        "id": "dx-023",
        "people": ["PC Declan Murphy", "Joseph Adebayo"],
        "force": "West Yorkshire Police",
        "text": (
            "PSD finding. The {{Professional Standards Department}} examined whether PC [[Murphy|PERSON]] "
            "breached the {{Standards of Professional Behaviour}} when he used {{PAVA}} on [[Joseph "
            "Adebayo|PERSON]] outside [[Halal Meat Centre|PLACE]] on [[Leeds Road|PLACE]], [[Bradford|PLACE]]. "
            "The {{Code of Ethics}} and the {{National Decision Model}} were considered. [[Joe|PERSON]]'s "
            "cousin, [[Temitope|PERSON]], filmed it on her phone. The finding was {{no case to answer}} but "
            "{{reflective practice}} was recommended. {{Use of Force}} reporting and {{Officer Safety "
            "Training}} records were reviewed, as were the {{Airwave}} recordings and {{BWV}}."
        ),
    },
    {
        "id": "dx-024",
        "people": ["Chloe Barnes", "DS Arjun Mistry"],
        "force": "Nottinghamshire Police",
        "text": (
            "Case study draft: Learning from a missed risk. [[Chloe Barnes|PERSON]], [[27|AGE]], rang "
            "{{101}} three times in a week about her ex-partner, [[Liam Hurst|PERSON]]. Each call was graded "
            "as a {{grade 2}} and closed after {{THRIVE}}. DS [[Mistry|PERSON]] reviewed the case after a "
            "{{MARAC}} referral from [[Sherwood|PLACE]] Women's Aid. The {{DASH}} risk assessment was scored "
            "standard because the call handler did not ask about {{non-fatal strangulation}}. Key Learning: "
            "Supervisors Should Review Repeat Callers. [[Hurst|PERSON]] was later charged. The {{Clare's "
            "Law}} request by [[Chloe|PERSON]] had not been processed."
        ),
    },
    {
        "id": "dx-025",
        "people": ["PC Karolina Dąbrowska", "Sgt Femi Oyelaran"],
        "force": "Thames Valley Police",
        "text": (
            "Officer account. On [[Saturday 14 October|DATE]] I was crewed with PC [[Karolina "
            "Dąbrowska|PERSON]] ([[TV3381|COLLAR]]). We were sent to the [[Oxford Road|PLACE]] area of "
            "[[Reading|PLACE]] after a call from a man who gave his name only as [[Wojtek|PERSON]]. At "
            "the [[Three Tuns|PLACE]] we found [[Yusuf Demir|PERSON]] bleeding from a head wound. Sgt "
            "[[Oyelaran|PERSON]] authorised the use of {{Taser}} after [[Demir|PERSON]] picked up a knife. "
            "The {{Taser}} was not fired. [[Femi|PERSON]] requested an {{ambulance}} which took "
            "1 hour 40 minutes. I completed my notes at [[0340|TIME]]."
        ),
    },
    {
        "id": "dx-026",
        "people": ["Grace Kirkpatrick"],
        "force": "PSNI",
        "text": (
            "[[Grace Kirkpatrick|PERSON]] was reported missing from [[Ballymena|PLACE]] by her carer, "
            "[[Róisín|PERSON]]. She was traced by {{ANPR}} to the [[Westlink|PLACE]] in [[Belfast|PLACE]] and "
            "found at [[Lagan Weir|PLACE]] by Constable [[Hamill|PERSON]]. Her {{Herbert Protocol}} form "
            "listed her daughter's number, [[028 9032 1234|PHONE]], and a former address in "
            "[[Portadown|PLACE]]. The review found that the {{control room}} did not share the {{Herbert "
            "Protocol}} with neighbouring districts."
        ),
    },
]
