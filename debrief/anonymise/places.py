"""Addresses, streets, flats, named premises, and towns/cities from the bundled gazetteer."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import ALL_PLACES, AMBIGUOUS_PLACES, FIRST_NAMES, RETAIL, place_subtype
from .keep import is_keep_word
from .lexicon import UK_PLACE_LOWER, is_ordinary, is_policing_word
from .phrases import WORD_CAPITAL, finditer_at, finditer_before, keyword_trigger
from .vocab import NOT_NAMES, PLURAL_RANKS, RANKS, TITLES, alternation

_BASE = PRIORITY["pattern"]
_GAZ = PRIORITY["gazetteer"]
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*"
# Words that can open a sentence or a clause before a street name but are not part of it.
_LEAD_STOP = frozenset(
    "the a an on in at from to into onto along down up near outside then when after before while "
    "officers officer he she they his her their both via towards across by of and or but as "
    "during until once later within behind opposite past beyond off".split()
)
_STREET_SUFFIX = (
    "Ring Road|Road|Rd|Street|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Terrace|Gardens|Place|"
    "Court|Grove|Hill|Square|Walk|Row|Mews|Parade|Rise|Vale|View|Green|Fold|Croft|Gate|Brow|Wynd|"
    "Yard|Approach|Boulevard|Circus|Embankment|Broadway|Highway|Bypass|Walkway|Park|Estate|Lea|Dene|"
    r"Lanes|Ct|Cl|Dr|Cres|Gdns|Pl|Sq|Terr|Tce|Pde|Gr|Wk|Bank|Harbour|Brae|Loan|Vennel|Close|Heights|Esplanade|Promenade|"
    r"St(?:\.)?(?!\s+[A-Z])"
)
_STREET = re.compile(
    r"(?P<num>(?<!\d[.:])\b(?:No\.?\s*)?\d{1,4}[A-Za-z]?(?:\s?-\s?\d{1,4})?,?\s+)?"
    r"(?P<name>(?:" + _WORD + r"\s+){1,3})(?P<suffix>" + _STREET_SUFFIX + r")\b"
    r"(?:\s+(?:North|South|East|West|Upper|Lower)\b)?"
    r"(?:\s+(?:Road|Rd|Street|Lane|Avenue|Ave|Drive)\b)?"  # "Bailey Grove Rd": a suffix word named by the name
)
_NOT_STREET_COURT = frozenset({"crown", "magistrates", "magistrates'", "county", "high", "coroner's",
                               "coroners", "family", "youth", "appeal"})
# The flat's number on its own line: "kids in the flat\n20:43 domestic" is a flat and a log's time.
_FLAT = re.compile(
    r"\b(?i:flat|apartment|apt\.?)[ \t]+(?P<n>\d{1,4}[A-Za-z]?)\b(?:,?\s+(?:(?:" + _WORD + r")\s+){1,3}"
    r"(?:House|Court|Tower|Towers|Lodge|Mansions|Buildings|Heights|Point|Block|Gardens|Place)\b)?"
)
_HOUSE_NUMBER = re.compile(r"\b(?i:at|to|outside|from|of|near|opposite|in)\s+(?P<a>(?i:number|no\.?)\s*\d{1,4}[A-Za-z]?)\b")
# Any case: "89 CHURCH ST", "77 market st", "9 hylton bank", "0/2, 118 Sauchiehall Street", "Flat 2/1, 45 X Road".
_ANY_CASE_ADDRESS = re.compile(
    r"(?:\b(?i:flat|apartment|apt\.?|unit|room)\s+\d{1,3}(?:/\d{1,2})?[A-Za-z]?,?\s+|(?<![\w/])\d/\d,?\s+)?"
    r"(?<![\w/.:£-])(?:(?i:no\.?|number)\s*)?\d{1,4}[A-Za-z]?(?:\s?-\s?\d{1,4})?,?\s+"
    r"(?P<name>(?:[A-Za-z][\w'’-]*\s+){1,3})(?P<suffix>(?i:" + _STREET_SUFFIX.replace("(?!\\s+[A-Z])", "") + r"))\b"
)
# Where an any-case address may start: a digit, or a flat/unit/room/number word, not straight after a word character.
_ANY_CASE_ADDRESS_TRIGGER = re.compile(r"[\dfFaAuUrRnN](?<!\w[\dfFaAuUrRnN])(?:(?<=\d)|(?<=[fF])(?i:lat)|(?<=[aA])(?i:pt|partment)|"
                                       r"(?<=[uU])(?i:nit)|(?<=[rR])(?i:oom)|(?<=[nN])(?i:o|umber))")
# "FLAT 7 COPPER COURT", "Unit 4 Riverside Industrial Estate", "Apartment 12, The Wharf": any case.
_UNIT_ADDRESS = re.compile(
    r"\b(?i:flat|apartment|apt\.?|unit|room|suite)\s+\d{1,4}[A-Za-z]?(?:/\d{1,2})?,?\s+(?P<name>(?:[A-Za-z][\w'’-]*\s+){0,3})"
    r"(?i:house|court|ct|tower|towers|lodge|mansions|buildings|heights|point|block|gardens|place|wharf|"
    r"industrial\s+estate|estate|business\s+park|trading\s+estate|retail\s+park|centre|mill|mills|works|"
    r"quay|yard|square|close|hall|view|apartments|flats|residence|house)\b"
)
_ADDRESS_STOP = frozenset(
    "the a an on in at of to and or down up along into from with by for was were is are his her their "
    "my our your this that other same main back side slip service access private cars males females people "
    "officers units times minutes hours youths vehicles".split()
)
_BUILDING = re.compile(
    r"\b(?P<name>(?:" + _WORD + r"\s+){1,3})(?:House|Tower|Towers|Lodge|Mansions|Heights|Point|Buildings)\b"
)
_PUB_NOUNS = (
    "Arms|Inn|Tavern|Vaults|Lion|Swan|Crown|Anchor|Bell|Plough|Bull|Ship|Fox|Star|Oak|Feathers|"
    "Wheatsheaf|Rose|Castle|Mitre|Hound|Hounds|Horse|Horses|Stag|Eagle|Falcon|Cock|Greyhound|Globe|"
    "George|Albion|Phoenix|Sun|Moon|Ram|Lamb|Boar|Dragon|Unicorn|Harp|Volunteer|Cricketers|Woolpack|"
    "Head|Hart|Grapes|Compasses|Pheasant|Partridge|Firkin|Groom|Tap|Taps|Bar|Lounge|Barrel|Kettle"
)
_PUB = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:" + _WORD + r"\s+and\s+(?:" + _WORD + r"\s+)?(?:" + _PUB_NOUNS + r"))|"
    r"(?:(?:" + _WORD + r")\s+){1,2}(?:" + _PUB_NOUNS + r")|(?:" + _WORD + r"\s+)?(?:Arms|Inn|Tavern|Vaults))\b"
)
_VENUE_KINDS = (
    "General Hospital|Hospital|Infirmary|Medical Centre|Health Centre|Surgery|Primary School|"
    "High School|School|Academy|College|University|Railway Station|Train Station|Bus Station|"
    "Police Station|Station|Shopping Centre|Retail Park|Leisure Centre|Sports Centre|"
    "Community Centre|Social Club|Working Men's Club|Club|Hotel|Stadium|Arena|Market|Mosque|"
    "Church|Cathedral|Chapel|Gurdwara|Temple|Library|Cemetery|Crematorium|Services|Prison|Hostel|"
    "Hall|Bridge|Reservoir|Quay|Wharf|Marina|Pier|Beach|Woods|Moor|Common|Playing Fields|"
    "Recreation Ground|Country Park|Nature Reserve|Industrial Estate|Business Park|Precinct|"
    "Bus Depot|Interchange|Roundabout|Junction|Flyover|Underpass|Subway|Centre|Clinic|Hospice|"
    "Care Home|Nursing Home|Loch|Lake|Canal|Forest|Fell|Beacon|Tor|Waterfront|Docks|Dock|Airport|"
    "Metro [Ss]tation|[Pp]olice [Ss]tation|[Pp]olice [Oo]ffice|[Ss]tation|Harbour|Car Park|Solicitors|Mall|Farm|"
    "Barrage|Trust|Car Wash|Superstore|Supermarket|Garage|Motors|Café|Cafe|Salon|Barbers|Nails|Takeaway|"
    "Central|Express|PS|PO"
)
_VENUE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’&.-]*\s+(?:(?:and|&)\s+)?){1,6})(?P<kind>" + _VENUE_KINDS + r")\b(?![ \t]*\d)"
    r"(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
)
_JUNCTION = re.compile(r"\b(?:(?i:junction)\s+|J\s?|j(?=\d))\d{1,2}[a-z]?\b(?![:.]\d)")
_RIVERS = (
    "Thames|Tyne|Wear|Tees|Mersey|Severn|Trent|Aire|Calder|Ouse|Irwell|Taff|Clyde|Tamar|Medway|"
    "Lagan|Humber|Wye|Usk|Tawe|Exe|Dee|Avon|Don|Soar|Derwent|Swale|Ribble|Lune|Forth|Tay"
)
_RIVER = re.compile(r"\b(?:[Tt]he\s+(?:[Rr]iver\s+)?|River\s+)(?P<name>" + _RIVERS + r")\b")
# "at 52 Meadowhead", "Flat 2, 41 Mutley Plain": a house number and a name, whatever the suffix.
_NUMBERED = re.compile(
    r"(?:\b(?i:at|to|from|outside|of|attended|visited|entered|searched|reached|address|near|opposite)\s+"
    r"|(?i:flat|apartment)\s+\d{1,4}[A-Za-z]?,\s+)"
    r"(?P<a>\d{1,4}[A-Za-z]?\s+" + _WORD + r"(?:\s+" + _WORD + r"){0,2})"
)
# Where a numbered address may start: "flat"/"apartment" anywhere, or a cue word at a word's start.
_NUMBERED_TRIGGER = re.compile(
    r"[aAeEfFnNoOrRsStTvV\u017f](?:(?<=[fF])(?i:lat)|(?<=[aA])(?i:partment)|(?<![A-Za-z][aAeEfFnNoOrRsStTvV\u017f])"
    r"(?:(?<=[aA])(?i:t|ttended|ddress)|(?<=[tT])(?i:o)|(?<=[fF])(?i:rom)|(?<=[oO])(?i:utside|f|pposite)|"
    r"(?<=[vV])(?i:isited)|(?<=[eE])(?i:ntered)|(?<=[sS\u017f])(?i:earched)|(?<=[rR])(?i:eached)|(?<=[nN])(?i:ear)))")
_GENERIC_VENUE_WORDS = frozenset(
    "police general royal district community local primary high railway bus train mental health "
    "psychiatric acute secure the a an custody central main city town county national regional "
    "new old st saint his her their its this that our same nearby nearest emergency accident "
    "assessment observation intensive care critical admissions".split()
) | frozenset(w.lower() for w in (*RANKS, *PLURAL_RANKS, *TITLES))
# "St Tydfil's", "St Mary's Paddington": a saint's name is a hospital, church or school.
_SAINTS = re.compile(r"\b(?i:st\.?|saint)\s+[A-Z][\w-]+['’]s(?:\s+[A-Z][a-z]+(?!['’]))?\b")
_HMP = re.compile(r"\bHMP\s+" + _WORD)
_RETAIL = re.compile(r"(?<![\w&])(?:" + alternation(sorted(RETAIL)) + r")(?![\w&])")
_AREA = re.compile(
    r"\b(?P<name>" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(?:area|estate|district|town centre|city centre|"
    r"[Vv]illage|ward|neighbourhood|suburb|precinct)\b"  # "Clarks Village": an outlet village by its name
)
_TOKEN = re.compile(r"\b[A-Z][\w'’-]*")
# The keywords the patterns above end in: only the text just before one can hold a match.
_STREET_ANCHOR = re.compile(r"(?:" + _STREET_SUFFIX + r")")
_VENUE_ANCHOR = re.compile(r"(?:" + _VENUE_KINDS + r")")
_BUILDING_ANCHOR = re.compile(r"(?:House|Tower|Towers|Lodge|Mansions|Heights|Point|Buildings)\b")
_AREA_ANCHOR = re.compile(r"(?:area|estate|district|town centre|city centre|[Vv]illage|ward|neighbourhood|suburb|"
                          r"precinct)\b")
_LOCATIVE = frozenset(
    "in at from to near towards toward outside around through via across into of between and "
    "nearby within past beyond reach reached on along off onto nr twd twds".split()
)
_AFTER_STREET = re.compile(r"\b(?:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Terrace|Gardens|Place|"
                           r"Court|Grove|Hill|Square|Row|Mews|Parade|View),\s*$")
_POSTCODE_NEXT = re.compile(r",?\s*[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_PLACE_SUFFIXES = (
    "ton", "ley", "ford", "field", "bury", "ham", "by", "worth", "wick", "chester", "caster",
    "cester", "mouth", "port", "pool", "bridge", "thorpe", "stead", "hurst", "combe", "borough",
    "brough", "burgh", "well", "wood", "den", "don", "minster", "stow", "thwaite", "holme", "dale",
    "gate", "moor", "ness", "wich", "bourne", "burn", "leigh", "ington", "ey", "cliffe", "end", "way",
)
# Welsh and Scottish place names announce themselves at the front.
_PLACE_PREFIXES = ("Llan", "Aber", "Pont", "Cwm", "Caer", "Ystrad", "Tre", "Pen", "Inver", "Kil", "Dun", "Auchter")
_MONTHS_LOW = {m.lower() for m in ("January February March April May June July August September October "
                                   "November December").split()}

CAPITAL_OR_DIGIT = re.compile(r"[A-Z0-9]")
_THE = re.compile(r"\b[Tt]he\b")

_BY_FIRST: dict[str, list[str]] = defaultdict(list)
for _place in ALL_PLACES:
    _BY_FIRST[_place.split()[0]].append(_place)
for _names in _BY_FIRST.values():
    _names.sort(key=len, reverse=True)


def _cand(start: int, end: int, kind: Kind, subtype: str, prio: int = _BASE) -> Candidate:
    return Candidate(start, end, kind, "pattern" if prio >= _BASE else "gazetteer", prio, subtype=subtype)


def _trim_lead(text: str, start: int, end: int) -> int:
    """Move start past leading words that open a clause rather than name a street."""
    while True:
        m = re.match(r"([A-Za-z'’]+)\s+", text[start:end])
        if not m or m.group(1).lower() not in _LEAD_STOP:
            return start
        start += m.end()


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s,]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


# "07488 301 225, lives Penmaen Rd": the last group of a phone number is no house number; nor is an age, "aged 27,
# cheetham hill".
_DIGIT_GROUP_BEFORE = re.compile(r"(?:\d[ -]|\b(?i:aged?|aged\s+about)\s+)$")


_DECADE_NUMBER = re.compile(r"[1-9]0[sS],")  # an age band ("late 20s,"), never a house number


def _streets(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_STREET, CAPITAL_OR_DIGIT, _STREET_ANCHOR, text):
        name_start = _trim_lead(text, m.start("name"), m.end("name"))
        if name_start >= m.end("name"):
            continue
        words = text[name_start:m.end("name")].split()
        if m.group("suffix") == "Court" and words[-1].lower() in _NOT_STREET_COURT:
            continue
        if any(is_keep_word(w) for w in words) and not m.group("num"):
            continue
        suffix = m.group("suffix").rstrip(".")
        subtype = {"Park": "park", "Estate": "estate"}.get(suffix, "road" if suffix in ("Road", "Rd") else "street")
        if m.group("num") and (_DIGIT_GROUP_BEFORE.search(text, max(0, m.start("num") - 12), m.start("num"))
                               or _DECADE_NUMBER.match(m.group("num"))):  # "early 20s, believed living Raby St"
            name_start = _trim_lead(text, m.start("name"), m.end("name"))  # "07488 301 225, lives Penmaen Rd"
            if name_start < m.end("name"):
                yield _cand(name_start, m.end(), Kind.PLACE, subtype, _BASE + 1)
            continue
        if m.group("num") and name_start == m.start("name"):
            yield _cand(m.start("num"), m.end(), Kind.ADDRESS, "address", _BASE + 2)
        else:
            yield _cand(name_start, m.end(), Kind.PLACE, subtype, _BASE + 1)


def _venues(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_VENUE, WORD_CAPITAL, _VENUE_ANCHOR, text):
        start = _trim_lead(text, m.start("name"), m.end("name"))
        words = text[start:m.end("name")].split()
        if not words or all(w.lower().strip(".'’") in _GENERIC_VENUE_WORDS or is_keep_word(w) for w in words):
            continue
        if any(ch.isdigit() for ch in text[start:m.end("name")]):
            continue  # "incidents PS-20240712-0044 and PS-...": a reference, not a venue's name
        if words[0].lower().strip(".") in _GENERIC_VENUE_WORDS - {"royal", "general", "st", "saint", "new", "old"}:
            start += len(words[0]) + 1  # "PC Hall Hospital" is unlikely; "Leeds General" is not
            words = words[1:]
            if not words:
                continue
        kind = m.group("kind").lower()
        subtype = next((k for k in ("hospital", "infirmary", "school", "station", "club", "hotel",
                                    "park", "centre", "church", "mosque", "prison", "bridge")
                        if k in kind), "venue")
        if subtype == "infirmary":
            subtype = "hospital"
        if subtype == "station" and "police" in (w.lower() for w in words):
            subtype = "police station"
        yield _cand(start, m.end(), Kind.PLACE, subtype, _BASE)


def _towns(text: str) -> Iterator[Candidate]:
    for m in _TOKEN.finditer(text):
        token = m.group().replace("’", "'")
        first = token.split()[0]
        for name in _BY_FIRST.get(first, ()):
            end = m.start() + len(name)
            if text[m.start():end].replace("’", "'") != name or (end < len(text) and text[end].isalnum()):
                continue
            if (name in AMBIGUOUS_PLACES and _prev_word(text, m.start()) not in _LOCATIVE
                    and not _AFTER_STREET.search(text[max(0, m.start() - 20):m.start()])
                    and not _POSTCODE_NEXT.match(text, end)):
                break
            # "in Heaton Norris": only after a locative word may the next capitalised word join the place.
            if _prev_word(text, m.start()) in _LOCATIVE:
                end = _extend(text, end)
            yield _cand(m.start(), end, Kind.PLACE, place_subtype(name), _GAZ + 2)
            break
        else:
            word = re.sub(r"['’]s?$", "", token)
            low = word.lower()
            if (len(word) >= 5 and (low.endswith(_PLACE_SUFFIXES) or word.startswith(_PLACE_PREFIXES))
                    and low not in NOT_NAMES
                    and word not in FIRST_NAMES and not is_keep_word(word) and word.isalpha()
                    and _prev_word(text, m.start()) in _LOCATIVE):
                yield _cand(m.start(), m.start() + len(word), Kind.PLACE, "town", _GAZ)


_CAPS_RUN = re.compile(r"(?<![\w'’])[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3}(?![\w])")
_CAPS_AREA = re.compile(r"\b(?P<name>[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]{2,})?)\s+(?:ESTATE|AREA|PARK|DISTRICT|VILLAGE|"
                        r"TOWN CENTRE|CITY CENTRE|RETAIL PARK|SHOPPING CENTRE|HOSPITAL|STATION|ROAD|STREET|LANE|AVE|ST|RD)\b")
_LOWER_AFTER_LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|towards|outside|via|into)\s+(?P<p>[a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)\b")
# Welsh streets and hospitals: "Heol y Deri", "Ffordd Penrhos", "Ysbyty Gwynedd", any case.
_WELSH_STREET = re.compile(
    r"(?:\b\d{1,4}[A-Za-z]?,?\s+)?\b(?i:heol|ffordd|stryd|lon|rhodfa|cilgant|teras|maes|ysbyty|parc|stad|ystad)"
    r"\s+(?:(?i:y|yr|ap|ar|'r)\s+)?[A-Za-z][\w'’-]+(?:\s+(?:(?i:y|yr)\s+)?(?!(?i:and|the|at|in|on|to|was|is)\b)[A-Z][\w'’-]+)?"
)


def _place_slot(text: str, start: int, end: int) -> bool:
    """"IN BATH", "CAD 2290/21OCT24 DERBY": an ordinary word is a place after a locative, or alone at the
    end of a log heading after a number."""
    prev = _prev_word(text, start)
    if prev in _LOCATIVE:
        return True
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)].strip()
    before = text[text.rfind("\n", 0, start) + 1:start]
    return not rest and bool(re.search(r"\d\S*\s*[-/:]?\s*$", before))


def _case_blind_places(text: str) -> Iterator[Candidate]:
    """Places in capitals on a line too short to re-case ("DERBY", "IN STRABANE"), or lower case after a
    locative ("in strabane"): the run, or its longest opening, is on the UK place list."""
    for m in _CAPS_RUN.finditer(text):
        spans = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group())]
        i = 0
        while i < len(spans):
            for j in range(len(spans), i, -1):
                phrase = m.group()[spans[i][0]:spans[j - 1][1]]
                low = phrase.lower()
                start = m.start() + spans[i][0]
                if low in UK_PLACE_LOWER and (j - i > 1 or not is_ordinary(low) or _place_slot(text, start, m.end()))\
                        and not is_keep_word(phrase):
                    yield _cand(m.start() + spans[i][0], m.start() + spans[j - 1][1], Kind.PLACE, "town", _GAZ + 1)
                    i = j - 1
                    break
            i += 1
    for m in _CAPS_AREA.finditer(text):
        if not all(is_ordinary(w) for w in m.group("name").split()):
            yield _cand(*m.span("name"), Kind.PLACE, "area", _GAZ + 1)
    for m in _LOWER_AFTER_LOCATIVE.finditer(text):
        words = m.group("p").split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if phrase in UK_PLACE_LOWER and not is_ordinary(words[0]) and not is_keep_word(phrase):
                yield _cand(m.start("p"), m.start("p") + len(phrase), Kind.PLACE, "town", _GAZ + 1)
                break
    low = text.lower()
    welsh = ("heol", "ffordd", "stryd", "lon ", "rhodfa", "cilgant", "teras", "maes", "ysbyty", "parc", "stad")
    for m in (_WELSH_STREET.finditer(text) if any(w in low for w in welsh) else ()):
        yield _cand(*m.span(), Kind.ADDRESS if m.group()[0].isdigit() else Kind.PLACE, "street", _BASE + 1)


def _extend(text: str, end: int) -> int:
    """"Heaton Norris", "Tottenham Hale": a known place and the capitalised word that completes it."""
    m = re.match(r" (" + _WORD + r")\b", text[end:end + 30])
    if not m:
        return end
    word = re.sub(r"['’]s?$", "", m.group(1))
    low = word.lower()
    if (low in NOT_NAMES or is_keep_word(word) or low in _MONTHS_LOW or word in ALL_PLACES
            or word in FIRST_NAMES or re.fullmatch(_STREET_SUFFIX, word)
            or re.fullmatch(_VENUE_KINDS, word)):
        return end
    return end + 1 + len(word)


# "Unit 4, Squires Gate Lane", "pitch 14, Meadowbank": a unit, pitch or plot and the named place after it.
_UNIT_NAMED = re.compile(r"\b(?i:unit|pitch|plot|berth|stall)\s+\d{1,4}[A-Za-z]?,\s+(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")


# "Caernarfon Crown Court", "Wrexham Magistrates' Court": a court named by its place.
_NAMED_COURT = re.compile(r"\b(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?)\s+(?:Crown|Magistrates['’]?|County|Coroner['’]?s|Youth|"
                          r"Family|Sheriff)\s+Court\b")
# "North Wales", "Glasgow East", "Central Milton Keynes": a region, or a known place with a compass word.
_REGION = re.compile(r"\b(?:North|South|Mid|West)\s+Wales\b(?!\s+(?:Police|Fire|Ambulance|Constabulary))")
_COMPASS_BEFORE = re.compile(r"(?:North|South|East|West|Central|Greater|Upper|Lower|Mid)\s+$")
_COMPASS_AFTER = re.compile(r"\s+(?:North|South|East|West|Central)\b(?!\s+(?:Police|Division|Area|Command))")
# "conveyed UHW", "taken to MRI": an unknown acronym where a patient is taken is a hospital.
_TAKEN_TO = re.compile(r"\b(?i:conveyed|taken|transported|admitted|transferred|rushed)\s+(?:(?i:to)\s+)?(?P<p>[A-Z]{2,5})\b(?!['’&])")
# "the chapel of Our Lady of Częstochowa": a church's dedication.
_OUR_LADY = re.compile(r"\bOur\s+Lady(?:\s+of(?:\s+the)?)?(?:\s+[A-Z][\w'’-]+){1,2}")


# "Nicoleta Mihai-Stan, 17, of Great Lever": where someone of a given age lives.
_RESIDENCE = re.compile(r"(?<=\d)(?:\)|,)?\s+(?i:of)\s+(?P<p>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})\b")


def _more_places(text: str) -> Iterator[Candidate]:
    for m in _RESIDENCE.finditer(text):
        words = m.group("p").replace("-", " ").split()
        if not all(is_policing_word(w) or is_keep_word(w) for w in words) and words[0].lower() not in _LEAD_STOP \
                and not all(w.lower() in NOT_NAMES for w in words):
            yield _cand(*m.span("p"), Kind.PLACE, "town", _GAZ + 3)
    for m in _NAMED_COURT.finditer(text):
        if not all(is_ordinary(w) for w in m.group("name").split()) or m.group("name") in ALL_PLACES:
            yield Candidate(m.start(), m.end(), Kind.PLACE, "pattern", _BASE + 2, subtype="court")
    for m in _REGION.finditer(text):
        yield _cand(*m.span(), Kind.PLACE, "region", _BASE + 1)
    for m in _TAKEN_TO.finditer(text):
        if not is_keep_word(m.group("p")) and not is_policing_word(m.group("p")):
            yield _cand(*m.span("p"), Kind.PLACE, "hospital", _BASE)
    if "Our Lady" in text:
        yield from (_cand(*m.span(), Kind.PLACE, "church", _BASE + 1) for m in _OUR_LADY.finditer(text))


def _with_compass(text: str, cands: list[Candidate]) -> list[Candidate]:
    out = []
    for c in cands:
        if c.kind is Kind.PLACE and c.subtype in ("town", "city"):
            before = _COMPASS_BEFORE.search(text, max(0, c.start - 9), c.start)
            after = _COMPASS_AFTER.match(text, c.end)
            if before or after:
                c = Candidate(before.start() if before else c.start, after.end() if after else c.end, c.kind, c.layer,
                              c.priority, subtype=c.subtype)
        out.append(c)
    return out


def _unit_addresses(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if not any(w in low for w in ("unit", "pitch", "plot", "berth", "stall")):
        return
    for m in _UNIT_NAMED.finditer(text):
        words = m.group("name").split()
        if re.fullmatch(_STREET_SUFFIX, words[-1]) or not all(is_ordinary(w) for w in words):
            yield _cand(*m.span(), Kind.ADDRESS, "address", _BASE + 3)


# Where matches of these patterns can start, for `finditer_at` (the same matches as finditer, tried only there).
_FLAT_AT = keyword_trigger(["flat", "apartment", "apt"])
_HOUSE_NUMBER_AT = keyword_trigger("at to outside from of near opposite in".split())
_SAINTS_AT = keyword_trigger(["st", "saint"])
_HMP_AT = re.compile(r"H(?=MP)")
_JUNCTION_AT = re.compile(r"[Jj]")


def find_places(text: str) -> list[Candidate]:
    """Street addresses, streets, flats, pubs and venues, chains, areas, and towns and cities."""
    out = list(_streets(text))
    out += [_cand(*m.span(), Kind.ADDRESS, "flat", _BASE + 3) for m in finditer_at(_FLAT, _FLAT_AT, text)]
    out += [_cand(*m.span("a"), Kind.ADDRESS, "address", _BASE + 2) for m in finditer_at(_HOUSE_NUMBER, _HOUSE_NUMBER_AT, text)]
    low = text.lower()
    for m in (_UNIT_ADDRESS.finditer(text) if any(w in low for w in ("flat", "apartment", "apt", "unit", "room", "suite"))
              else ()):
        if not any(w.lower() in _ADDRESS_STOP - {"the"} for w in m.group("name").split()):
            out.append(_cand(*m.span(), Kind.ADDRESS, "flat", _BASE + 3))
    for m in finditer_at(_ANY_CASE_ADDRESS, _ANY_CASE_ADDRESS_TRIGGER, text):
        words = [w.lower() for w in m.group("name").split()]
        if _DIGIT_GROUP_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # the number is a phone number's last group or an age
        if not any(w in _ADDRESS_STOP for w in words) and not any(w.isdigit() for w in words):
            out.append(_cand(*m.span(), Kind.ADDRESS, "address", _BASE + 2))
    for m in finditer_before(_BUILDING, WORD_CAPITAL, _BUILDING_ANCHOR, text):
        start = _trim_lead(text, m.start("name"), m.end("name"))
        if start < m.end("name") and not all(w.lower() in NOT_NAMES for w in text[start:m.end("name")].split()):
            out.append(_cand(start, m.end(), Kind.PLACE, "building", _BASE))
    out += [_cand(*m.span("name"), Kind.PLACE, "pub", _BASE + 1) for m in finditer_at(_PUB, _THE, text)]
    out += list(_venues(text))
    out += [_cand(*m.span(), Kind.PLACE, "prison", _BASE + 1) for m in finditer_at(_HMP, _HMP_AT, text)]
    out += [_cand(*m.span(), Kind.PLACE, "venue", _BASE + 1) for m in finditer_at(_SAINTS, _SAINTS_AT, text)]
    out += [_cand(*m.span(), Kind.PLACE, "shop", _BASE) for m in _RETAIL.finditer(text)]
    for m in finditer_before(_AREA, WORD_CAPITAL, _AREA_ANCHOR, text):
        start = _trim_lead(text, m.start("name"), m.end("name"))
        words = text[start:m.end("name")].split()
        if words and not any(w.lower() in NOT_NAMES or is_keep_word(w) for w in words):
            end = m.end() if m.group().endswith("Village") else m.end("name")  # "Clarks Village" is its name
            out.append(_cand(start, end, Kind.PLACE, "area", _GAZ + 1))
    out += [_cand(*m.span(), Kind.PLACE, "main-road", _BASE) for m in finditer_at(_JUNCTION, _JUNCTION_AT, text)]
    out += [_cand(*m.span("name"), Kind.PLACE, "river", _BASE) for m in _RIVER.finditer(text)]
    for m in finditer_at(_NUMBERED, _NUMBERED_TRIGGER, text):
        words = m.group("a").split()[1:]
        if words[0].lower() not in NOT_NAMES and words[0].lower() not in _MONTHS_LOW:
            out.append(_cand(*m.span("a"), Kind.ADDRESS, "address", _BASE + 1))
    out += _with_compass(text, list(_towns(text)))
    out += list(_case_blind_places(text))
    out += list(_unit_addresses(text))
    out += list(_more_places(text))
    return out
