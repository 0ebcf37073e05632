"""Recall rules for structured identifiers and area bodies learnt from development sets 12 to 14: a clock-time range,
a time after its labelled box, a partial plate after what it ends with, a phone number with its code in brackets,
holiday nights and "new years", an age range a witness guesses, and public bodies named by their area (fire and
police by a county's short form, health trusts, partnerships, rescue teams, coastguards, council services, health
boards by their initials, the Met in lower case, an ambulance service's initials before what it did); and the post-pass
after resolution: an age straight after a chosen name, and call signs that other readings took for postcodes or
references, read as call signs. Each class is found by its shape or its cue, never by a word of a development set."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import COUNTIES
from .lexicon import UK_PLACE_LOWER
from .patterns import POSTCODE_AREAS
from .phrases import finditer_at, keyword_trigger

_BASE = PRIORITY["pattern"]


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str = "") -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


_HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"

# --- Times ----------------------------------------------------------------------------------------------------------

# "most nights between 2000 and 2300": two four-figure clock times joined as a range are both times, though the
# first alone would read as a year.
_CLOCK_RANGE = re.compile(r"\b(?i:between|from)[ \t]+(?P<a>" + _HHMM + r")(?:[ \t]*(?i:hrs|hours))?[ \t]*"
                          r"(?:(?i:and|to|till|until)|[-–])[ \t]*(?P<b>" + _HHMM + r")(?![\w/:-]|\.\d)")
# "Date in: 22.02.25   Time in: 1955", "Time booked in: 0210": a clock time in a box labelled as a time.
_TIME_BOX = re.compile(r"\b(?i:time)(?:[ \t]+(?i:in|out|booked(?:[ \t]+in)?|arrived|released|charged|detained|seen|"
                       r"left|reported|called|relevant|authorised|started|ended|finished))[ \t]*:[ \t]*"
                       r"(?P<t>(?P<h>[01]\d|2[0-3])[:.]?[0-5]\d)(?:[ \t]*(?i:hrs|hours))?(?![\w/:-]|\.\d)")
# "uploading before 9 as the DS is asking", "back by 6 because": an hour alone after a word that times it, then a
# word that gives the reason or the deadline.
_HOUR_THEN_REASON = re.compile(r"\b(?i:by|before|after|until|till|at)[ \t]+(?P<h>1[0-2]|[1-9])(?![\w'’/.:,-])"
                               r"(?=[ \t]+(?i:as|because|cos|otherwise|sharp|latest|o['’]?clock)\b)")
_COUNT_BEFORE = re.compile(r"(?i:increased|reduced|decreased|up|down|rose|fell|multiplied|divided|outnumbered|"
                           r"junction|number|aged|age|platform|page|level|grade|stage|section|room|cell|bay|flat|"
                           r"unit|house|year|years|of)[ \t]+\S+[ \t]*$")


def _times(text: str) -> Iterator[Candidate]:
    for m in _CLOCK_RANGE.finditer(text):
        if all(m.group(g).startswith(("19", "20")) for g in ("a", "b")):
            continue  # "between 2019 and 2023": years
        for g in ("a", "b"):
            yield _cand(*m.span(g), Kind.TIME, "", 8, value=str(int(m.group(g)[:2])))
    if ":" in text:
        for m in _TIME_BOX.finditer(text):
            yield _cand(*m.span("t"), Kind.TIME, "", 8, value=str(int(m.group("h"))))
    for m in _HOUR_THEN_REASON.finditer(text):
        if not _COUNT_BEFORE.search(text, max(0, m.start() - 24), m.start("h")):
            yield _cand(*m.span("h"), Kind.TIME, "unknown", 3, value="0")


# --- Plates, phones, dates and ages ---------------------------------------------------------------------------------

# "partial reg ending 4 XV", "plate ends in 7KD", "VRM starting with YS": part of a plate after what it ends or starts
# with (the cue goes too: "ending 4 XV" tells the plate).
_PARTIAL_PLATE = re.compile(r"\b(?i:reg(?:istration)?|plate|vrm|index|number[ \t]*plate)(?:[ \t]+(?i:number|no\.?))?"
                            r"[ \t]+(?P<v>(?i:ending|ends|ending[ \t]+in|ends[ \t]+in|ending[ \t]+with|ends[ \t]+with|"
                            r"finishing[ \t]+in|finishing|starting|starts|starting[ \t]+with|starts[ \t]+with|beginning"
                            r"[ \t]+with|beginning)[ \t]+[\"'“‘]?(?P<p>[A-Z0-9]{1,4}(?:[ \t][A-Z0-9]{1,4})?)[\"'”’]?)"
                            r"(?![\w'’-])")
# "Telephone: (01383) 724 519", "(0161) 496 0000": a number with its area code in brackets.
_BRACKETED_PHONE = re.compile(r"(?<![\w(])\((?P<c>0\d{2,4})\)[ \t]?(?P<r>\d{3,4}[ \t]?\d{3,4})(?![\w/-])")
# "busy on Christmas night", "on Boxing Day morning", "limited on new years", "over new year's": a holiday's night or
# morning, and new year in a log's own spelling, as the date something happened.
_HOLIDAY_PART = re.compile(r"\b(?:(?P<p>(?i:on|at))[ \t]+)?(?P<w>(?i:christmas|xmas|boxing[ \t]+day|new[ \t]+year['’]?s?(?:[ \t]+(?:eve|day))?|"
                           r"hogmanay|easter[ \t]+(?:sunday|monday)))"
                           r"[ \t]+(?P<n>(?i:night|morning|evening|afternoon|lunchtime|teatime))(?![\w'’-])")
_NEW_YEARS = re.compile(r"\b(?P<p>(?i:on|over|at|since|around|after|before|until|till|during|by|from))[ \t]+"
                        r"(?P<d>(?i:new[ \t]+years|new[ \t]+year['’]s))(?![\w'’-])(?![ \t]+(?i:resolutions?|honours|"
                        r"party|parties|celebrations?|fireworks|list|message|sales?|eve|day))")
# "(believed to be 17 or 18)", "aged 15 or 16": an age a witness guesses between two.
_AGE_GUESS = re.compile(r"\b(?i:believed[ \t]+to[ \t]+be|thought[ \t]+to[ \t]+be|aged|age|looked|looks|appeared[ \t]+"
                        r"to[ \t]+be|described[ \t]+as|possibly)[ \t]+(?:(?i:about|around|approx\.?)[ \t]+)?"
                        r"(?P<a>(?P<n>\d{1,2})[ \t]*(?:(?i:or|to)|[-–/])[ \t]*\d{1,2})"
                        r"(?=[ \t]*[),.;]|[ \t]*$|[ \t]+(?i:years?|yrs|y/?o)\b)", re.MULTILINE)


# "PARTIAL FD21 M", "partial vrm: YS68": part of a plate after the word that says it is part of one.
_PARTIAL_CUE_PLATE = re.compile(r"\b(?i:partial)(?:[ \t]+(?i:reg(?:istration)?|vrm|plate|index))?[ \t]*[:-]?[ \t]*"
                                r"(?P<v>[A-Za-z]{1,2}\d{1,2}(?:[ \t](?P<t>[A-Za-z]{1,3}))?|[A-Z]{2}\d{2}[A-Z]?|\d{1,2}[ \t]?[A-Z]{3})"
                                r"(?![\w'’/-])")
_NOT_PLATE_LETTERS = frozenset("a an on in at to and the was by of or is it as if he she we so no".split())
# "linked to S6 group", "beef with THE B21 LOT": a gang known by its postcode district.
_DISTRICT_GANG = re.compile(r"(?<![\w/-])(?P<pc>[A-Z]{1,2}\d{1,2}[A-Z]?)[ \t]+(?i:group|lot|gang|crew|boys|mob|firm|"
                            r"lads|youths|olders|youngers)\b")
# "3ydd Ionawr 2025", "DOB: 5ed Mai 1996": a date written in Welsh (the day, its ordinal ending, the month).
_WELSH_MONTH = (r"(?:Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr|IONAWR|"
                r"CHWEFROR|MAWRTH|EBRILL|MAI|MEHEFIN|GORFFENNAF|AWST|MEDI|HYDREF|TACHWEDD|RHAGFYR)")
_WELSH_DATE = re.compile(r"(?<![\w/.-])(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:af|il|ydd|edd|ed|fed|eg|ain|ain)?[ \t]+"
                         + _WELSH_MONTH + r"(?:[ \t]+(?P<y>(?:19|20)\d\d))?)(?![\w'’-])")
_DOB_CUE = re.compile(r"(?i:\b(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|dyddiad[ \t]+geni|born|ganwyd))[ \t:.-]*$")
# "BWV? A. Yes – 2755-190625-03", "log 4412-250719-0031": a number in three or four dashed parts, read whole.
_DASHED_NUMBER = re.compile(r"(?<![\w/.:-])\d{2,6}(?:-\d{2,8}){2,3}(?![\w/:-]|\.\d)")
_DASHED_DATE = re.compile(r"^(?:\d{1,2}-\d{1,2}-\d{2,4}|(?:19|20)\d\d-[01]?\d-[0-3]?\d)(?!\d)")


# "two adult males (31 and 28)", "both women (19, 22)": the ages of the people just counted, in brackets.
_AGES_AFTER_PEOPLE = re.compile(r"\b(?i:males|females|men|women|adults|youths|lads|teenagers|persons|people|brothers|"
                                r"sisters|suspects|victims|occupants|passengers)[ \t]*\((?P<list>\d{1,2}(?:[ \t]*(?:,|and|&)"
                                r"[ \t]*\d{1,2})+)\)")


def _plates_phones_dates_ages(text: str) -> Iterator[Candidate]:
    if "artial" in text or "ARTIAL" in text:
        for m in _PARTIAL_CUE_PLATE.finditer(text):
            end = m.end("v")
            if m.group("t") and m.group("t").lower() in _NOT_PLATE_LETTERS:
                end = m.start("t") - 1  # "partial fd21 on the A38": the plate ends before the word
            yield _cand(m.start("v"), end, Kind.VRM, "partial", 9)
    for m in _DISTRICT_GANG.finditer(text):
        if m.group("pc")[:2].rstrip("0123456789") in POSTCODE_AREAS:
            yield _cand(*m.span("pc"), Kind.POSTCODE, "district", 6)
    for m in _WELSH_DATE.finditer(text):
        dob = _DOB_CUE.search(text, max(0, m.start() - 24), m.start())
        yield _cand(*m.span("d"), Kind.DOB if dob else Kind.DATE, "dob" if dob else "day", 6,
                    value=f"{m.group('y') or ''}--" if dob else (m.group("y") or ""))
    if "-" in text:
        for m in _DASHED_NUMBER.finditer(text):
            digits = m.group().replace("-", "")
            if _DASHED_DATE.search(m.group()) or len(digits) < 9 or digits.startswith("0") and len(digits) in (10, 11):
                continue  # "2024-03-15-01", "15-03-2024": a date leads; "0161-496-0000": a phone
            yield _cand(*m.span(), Kind.REFERENCE, "shape", 7)
    for m in _PARTIAL_PLATE.finditer(text):
        part = m.group("p").replace(" ", "").replace("\t", "")
        if re.fullmatch(r"(?:19|20)\d\d", part) or not (any(ch.isdigit() for ch in part) or 2 <= len(part) <= 3):
            continue  # "ends in 2025": a year; "ENDING SOON": a word
        yield _cand(*m.span("v"), Kind.VRM, "partial", 9)
    if "(" in text:
        for m in _BRACKETED_PHONE.finditer(text):
            digits = len(m.group("c")) + len(m.group("r").replace(" ", "").replace("\t", ""))
            if digits in (10, 11):
                yield _cand(*m.span(), Kind.PHONE, "", 8)
        for m in _AGE_GUESS.finditer(text):
            yield _cand(*m.span("a"), Kind.AGE, "band", 3, value=str(int(m.group("n"))))
        for m in _AGES_AFTER_PEOPLE.finditer(text):
            for n in re.finditer(r"\d{1,2}", m.group("list")):
                yield _cand(m.start("list") + n.start(), m.start("list") + n.end(), Kind.AGE, "apposition", 3,
                            value=n.group())
    low = text.lower()
    if "new year" in low or "christmas" in low or "xmas" in low or "boxing" in low or "hogmanay" in low \
            or "easter" in low:
        for m in _HOLIDAY_PART.finditer(text):
            word = m.group("w").lower()
            month = 1 if word.startswith("new") else 4 if word.startswith("easter") else 12
            # "on Christmas night" -> "one day in December", as the holidays' rule reads "on Christmas"
            start = m.start() if m.group("p") else m.start("w")
            yield _cand(start, m.end(), Kind.DATE, "day" if m.group("p") else "month", 5, value=f"-{month:02d}")
        for m in _NEW_YEARS.finditer(text):
            on = m.group("p").lower() in ("on", "at")
            yield _cand(m.start() if on else m.start("d"), m.end(), Kind.DATE, "day" if on else "month", 5, value="-01")


# --- Bodies named by their area -------------------------------------------------------------------------------------

# A county's short form ("Wilts", "IOW") names its area as well as the county does.
_SHORT_AREAS = frozenset("""lincs staffs notts herts lancs hants glos leics northants cambs derbys wilts worcs oxon bucks
beds yorks berks warks shrops northumb cumb iow ldn""".split())
# Regions and compass words that tell an area without being a place on the lists.
_REGION_WORDS = frozenset("""north south east west mid central greater northern southern eastern western pennine
pennines borders highland highlands islands valleys humber tees tyne wear solent cotswold cotswolds chilterns fens dales
moors isle wight riding grampian lothian lothians tayside arran clyde galloway lanarkshire""".split())
_JOINERS = frozenset("and & of with".split())


def _is_area(word: str) -> bool:
    low = word.lower().strip("'’")
    return low in _SHORT_AREAS or low in _REGION_WORDS or low in UK_PLACE_LOWER or word.title() in COUNTIES


_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][\w'’-]*|&)[ \t]+$")


def _area_start(text: str, end: int, *, middle: int = 0) -> tuple[int, list[str]] | None:
    """Where the run of area words ending at `end` starts ("Surrey and Borders ", "DORSET & WILTS "), and its words;
    with `middle`, up to that many capitalised words may stand between the area and `end` ("Kent Safeguarding
    Children Multi-Agency ")."""
    start, words, skipped = end, [], 0
    while len(words) < 8:
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if not m:
            break
        w = m.group("w")
        if w.lower() in _JOINERS:
            inner = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if not words or not inner or not _is_area(inner.group("w")):
                break
            start = m.start()
            words.append(w)
            continue
        if _is_area(w):
            start = m.start()
            words.append(w)
            continue
        if middle and skipped < middle and not any(_is_area(x) for x in words) and w[0].isupper():
            start, skipped = m.start(), skipped + 1
            words.append(w)
            continue
        break
    while words and (words[-1].lower() in _JOINERS or not _is_area(words[-1])):
        # the run starts at an area word, never at a joining or a middle word
        last = words.pop()
        start = text.index(last, start) + len(last)
        start += len(text[start:end]) - len(text[start:end].lstrip(" \t"))
    if not words:
        return None
    return start, words[::-1]


# "Surrey and Borders Partnership", "Kent Safeguarding Children Multi-Agency Partnership", "Pennine Care",
# "Nottinghamshire Healthcare", "skye mountain rescue team", "stornoway coastguard", "Hampshire Trading Standards",
# "Cardiff Bus", "DORSET & WILTS FIRE", "HAMPSHIRE & IOW CONSTABULARY", "London's Air Ambulance": a public body named by
# its area and what it is.
_BODY_NOUN = re.compile(
    r"(?:"
    r"(?P<part>(?i:partnership)(?:[ \t]+(?i:nhs))?(?:[ \t]+(?i:foundation))?(?:[ \t]+(?i:trust))?)"
    r"|(?P<care>(?:Care|CARE|Healthcare|HEALTHCARE|Health[ \t]+Care|HEALTH[ \t]+CARE|Health[ \t]+and[ \t]+Social[ \t]+Care|"
    r"HEALTH[ \t]+AND[ \t]+SOCIAL[ \t]+CARE|Mental[ \t]+Health|MENTAL[ \t]+HEALTH)(?:[ \t]+(?i:nhs))?"
    r"(?:[ \t]+(?i:foundation))?(?:[ \t]+(?i:trust|ft))?(?![ \t]+(?i:team|teams|act|nurse|nurses|worker|workers|"
    r"services?|crisis|triage|unit|ward|assessment|liaison|practitioner|issues?|problems?|support|needs)\b))"
    r"|(?P<trust>(?i:teaching[ \t]+)?(?:NHS|nhs)[ \t]+(?i:ft|trust|foundation[ \t]+trust))"
    r"|(?P<coroner>(?i:coroner)(?:['’]s(?:[ \t]+(?i:office|court))?|[ \t]+(?i:service))?)"
    r"|(?P<lifeboat>(?i:lifeboat)(?:[ \t]+(?i:station|crew))?)"
    r"|(?P<init>ADP|CSP|CDRP|LSCB|SCP)"
    r"|(?P<rescue>(?:(?i:search[ \t]+and)[ \t]+)?(?i:mountain|cave|lowland|moorland|fell|search[ \t]+and)[ \t]+"
    r"(?i:rescue)(?:[ \t]+(?i:team|service))?|Rescue|RESCUE)"
    r"|(?P<coast>(?i:coastguard)(?:[ \t]+(?i:rescue[ \t]+team|operations[ \t]+centre|ops))?)"
    r"|(?P<council>(?i:trading[ \t]+standards|social[ \t]+services|children['’]?s[ \t]+services|adult[ \t]+social[ \t]+care|"
    r"youth[ \t]+offending[ \t]+(?:team|service)|youth[ \t]+justice[ \t]+(?:team|service)|environmental[ \t]+health))"
    r"|(?P<bus>Bus|BUS|Buses|BUSES)"
    r"|(?P<fire>(?i:fire)(?:[ \t]+(?:and|&)[ \t]+(?i:rescue))?(?:[ \t]+(?i:service))?)"
    r"|(?P<police>(?i:constabulary|police)))(?![\w'’&-])")
_BODY_AT = keyword_trigger("partnership care healthcare health mental teaching nhs coroner lifeboat adp csp cdrp lscb "
                           "scp rescue mountain cave lowland moorland fell search "
                           "coastguard trading social children adult youth environmental bus buses fire constabulary "
                           "police".split())
# Words after "Care" or "Bus" that make it a thing, not a body ("Kent Care Home", "Cardiff Bus Station").
_NOT_BODY_AFTER = re.compile(r"[ \t]+(?i:home|homes|worker|workers|plan|plans|package|leaver|leavers|order|orders|"
                             r"proceedings|standards|quality|commission|inspectorate|centre|village|agency|assistant|"
                             r"assistants|provider|providers|coordinator|needs|act|system|station|stop|shelter|lane|"
                             r"route|pass|driver|drivers|garage|depot|engine|alarm|door|exit|extinguisher|crew|crews|"
                             r"brigade|escape|risk|safety|hydrant|officer|officers|station|van|car|cars|vehicle|"
                             r"vehicles|dog|dogs|helicopter)\b")
_NAMED_BEFORE = re.compile(r"(?P<w>[A-Z][\w'’-]+(?:[ \t]+(?:(?:and|AND|&)[ \t]+)?[A-Z][\w'’-]+){0,3})[ \t]+$")
_NOT_SERVICE_HEAD = frozenset("fire police ambulance the a an".split())
_NOT_TEAM_NAME = frozenset("hm his majesty's the a an our their his her its this that local nearest nearby".split())
# "London's Air Ambulance": an air ambulance by its area's possessive.
_POSSESSIVE_AIR_AMBULANCE = re.compile(r"\b(?P<a>[A-Z][\w-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w-]+)?)['’]s[ \t]+"
                                       r"(?i:air[ \t]+ambulance)(?![\w'’-])")
_NOUN_SUBTYPE = {"part": "premises:partnership", "care": "premises:health trust", "trust": "premises:health trust",
                 "coroner": "premises:coroner", "lifeboat": "premises:lifeboat",
                 "init": "premises:partnership", "rescue": "premises:rescue team",
                 "coast": "premises:coastguard", "council": "premises:council service", "bus": "premises:bus company",
                 "fire": "premises:fire service", "police": ""}
# "NHS Grampian", "NHS Ayrshire & Arran", "NHS Dumfries and Galloway": a health board by its area after "NHS".
_NHS_BOARD = re.compile(r"\bNHS[ \t]+(?P<a>[A-Z][\w'’-]+(?:[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][\w'’-]+){0,3})(?![\w'’-])")
_NHS_NATIONAL = frozenset("england wales scotland uk britain digital direct inform northern ireland".split())
# "BCUHB", "ABUHB": a Welsh health board by its initials.
_HEALTH_BOARD_INITIALS = re.compile(r"(?<![\w&/-])[A-Z]{1,4}UHB(?![\w&/-])")
# "passed to tvp", "gmp cad 1123": a force's initials in a lower-case log (the forces' list reads them in capitals).
_LOWER_FORCE_INITIALS = re.compile(r"(?<![\w&/@.-])(?:gmp|wyp|syp|nyp|wmp|tvp|nwp|swp|colp)(?![\w&/@-]|\.\w)")
# "req west yorks assistance": a force by its county's short form with a compass word.
_COMPASS_YORKS = re.compile(r"\b(?i:west|south|north)[ \t]+(?i:yorks)(?![\w'’-])")
# "met assisting outside (met cad 5519)": the Met in lower case before what it is doing or its log.
_MET_LOWER = re.compile(r"(?<![\w'’-])(?P<f>met|MET|Met)(?=[ \t]+(?i:cad|chs|log|units?|assisting|assist|informed|notified|"
                        r"control|cctv|intel|ref|dealing|attending|on[ \t]+scene|o/s)\b)")
_VERB_BEFORE_MET = re.compile(r"(?i:\b(?:i|we|he|she|they|you|was|were|been|had|have|has|being|then|and|who|just|"
                              r"finally|i['’]ve|we['’]ve|they['’]ve))[ \t]+$")
# "las requested", "sas on scene", "YAS informed": an ambulance service's short initials before what it did.
_AMBULANCE_DID = re.compile(r"(?<![\w&/-])(?:LAS|YAS|SAS|EMAS|Las|Yas|Sas|Emas|las|yas|sas|emas)(?=[ \t]+(?i:requested|req|called|"
                            r"informed|notified|tasked|on[ \t]+scene|o/s|en[ \t]+route|eta|attended|attending|arrived|"
                            r"conveyed|conveying|took|crew|delayed|not[ \t]+required|declined|advised|ref)\b)")


# "Gloucestershire Domestic Abuse Support Service", "Staffordshire Adult Autism Service": a service whose capitalised
# name opens with its area.
_SERVICE_WORD = re.compile(r"(?<=[ \t])(?:Service|SERVICE)(?![\w'’-])")
_CAPITAL_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,5}$")
_NOT_SERVICE_HEAD = frozenset("fire police ambulance prison probation health nhs".split())


def _named_service(text: str, m: re.Match[str]) -> Iterator[Candidate]:
    run = _CAPITAL_WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
    if not run:
        return
    words = list(re.finditer(r"\S+", run.group()))
    for i, w in enumerate(words[:-1]):
        if _is_area(w.group()) and not any(x.group().lower() in _NOT_SERVICE_HEAD for x in words[i + 1:]):
            start = run.start() + w.start()
            found = _area_start(text, start)
            yield _cand(found[0] if found else start, m.end(), Kind.FORCE, "premises:service", 8)
            return


def _bodies(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_BODY_NOUN, _BODY_AT, text):
        kind = next(k for k in _NOUN_SUBTYPE if m.group(k))
        if kind in ("care", "bus", "fire") and _NOT_BODY_AFTER.match(text, m.end()):
            continue
        found = _area_start(text, m.start(), middle=4 if kind == "part" else 0)
        if kind in ("rescue", "coast") and m.group() not in ("Rescue", "RESCUE"):
            # "Ogwen Valley Mountain Rescue", "Swaledale Mountain Rescue Team": a team goes by its dale or valley, on
            # no list ("Kinlochewe MRT": the initials stay, an operational word, and the place goes as a place)
            named = _NAMED_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if named and named.group("w").split()[0].lower() not in _NOT_TEAM_NAME \
                    and (not found or named.start() < found[0]):
                found = named.start(), named.group("w").split()
        if not found:
            continue
        start, words = found
        lows = {w.lower() for w in words}
        if kind == "police" and not lows & _SHORT_AREAS:
            continue  # a force by its full area: the forces' list reads it
        if kind == "council" and not text[m.start()].isupper():
            continue  # "Newcastle children's services": the town's, told by the town; capitals make it a name
        if (kind in ("care", "bus") or m.group() in ("Rescue", "RESCUE")) and not (
                words[0][0].isupper() and text[m.start()].isupper()):
            continue  # "the kent bus", "home care", "animal rescue": capitals make it a name
        yield _cand(start, m.end(), Kind.FORCE, _NOUN_SUBTYPE[kind], 8)
    if "mbulance" in text or "MBULANCE" in text:
        for m in _POSSESSIVE_AIR_AMBULANCE.finditer(text):
            if _is_area(m.group("a").split()[0]):
                yield _cand(*m.span(), Kind.FORCE, "premises:ambulance service", 8)
    if "ervice" in text or "ERVICE" in text:
        for m in _SERVICE_WORD.finditer(text):
            yield from _named_service(text, m)
    if "NHS" in text:
        for m in _NHS_BOARD.finditer(text):
            first = m.group("a").split()[0]
            if _is_area(first) and first.lower() not in _NHS_NATIONAL:
                yield _cand(*m.span(), Kind.FORCE, "premises:health board", 8)
    for m in _HEALTH_BOARD_INITIALS.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "premises:health board", 6)
    for m in _LOWER_FORCE_INITIALS.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "", 6)
    for m in _COMPASS_YORKS.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "", 6)
    for m in _MET_LOWER.finditer(text):
        if not _VERB_BEFORE_MET.search(text, max(0, m.start() - 12), m.start()):
            yield _cand(*m.span("f"), Kind.FORCE, "", 6)
    for m in _AMBULANCE_DID.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "premises:ambulance service", 6)


def find_struct12_recall(text: str) -> list[Candidate]:
    """Candidates of the structured and area-body classes learnt from development sets 12 to 14."""
    return [*_times(text), *_plates_phones_dates_ages(text), *_bodies(text)]


# --- After resolution -----------------------------------------------------------------------------------------------

# "LEE MARSDEN 37 AND PARTNER", "kelsey bagnall 26 rings from", "callum munro 42 not returned", "Ceri LLOYD  (51)": an
# age straight after a name the other layers chose, before whatever the log says next.
_AGE_AFTER_PERSON = re.compile(r"[ \t]{1,3}(?:(?P<o>\()(?P<p>[1-9]\d?)\)|(?P<n>[1-9]\d))(?![\w'’/.:,-]\w|[\w'’%/-])"
                               r"(?![ \t]*(?i:mins?|minutes?|hrs?|hours?|secs?|seconds?|miles?|metres?|meters?|m|km|yards?|"
                               r"ft|feet|times|x|pm|am|st|nd|rd|th|days?|weeks?|months?|kg|mg|ml|stone|percent|per|"
                               r"pounds?|quid|units?|officers|people|persons|males|females|others|of|out|to|-|–)\b)")
_RANK_BEFORE = re.compile(r"\b(?i:PC|PCSO|PS|Sgt|DC|DS|DI|Cst|Const|Insp|Constable|Sergeant|Inspector)\.?[ \t]+$")
_COLLAR_AFTER_RANKED = re.compile(r"[ \t]+(?P<n>\d{3,5})(?![\w/:-]|[.,]\d)(?![ \t]*(?i:hrs|hours|h|mins?|minutes|miles|"
                                  r"metres|m|yards|people|persons|times|pounds|quid|calls|cars|units|officers)\b)")
_LOG_WORD_AFTER = re.compile(r"[ \t]*(?:[-–+/(]|(?i:allocated|assigned|attending|attended|deployed|making|en[ \t]+route|"
                             r"arrived|on[ \t]+scene|o/s|states|reports|to[ \t]+attend|and|&)\b)")
_CALL_SIGN_NAME = frozenset("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
                            "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split())

# "ALLOCATED N21, N24", "UNITS CV3, CV7 TASKED", "cb12 on scene", "G1-23 ADV ETA 6 MINS": a unit's call sign, which
# another reading took for a postcode district, a reference or a plate. Call signs stay as written.
_CALL_SIGN = r"(?:[A-Za-z]{1,3}\d{1,3}[A-Za-z]?|[A-Za-z]\d-\d{1,2})"
_CALL_SIGN_SHAPE = re.compile(r"(?P<s>" + _CALL_SIGN + r")(?:[ \t]+(?:AND|and|&))?")
_CUE_BEFORE_SIGN = re.compile(r"(?i:\b(?:units?|allocated|tasked|patrols?|call[ -]?signs?|assigned|deployed|dispatched|"
                              r"despatched|resources?|dog[ \t]+unit|traffic[ \t]+unit|rpu|arv|carrier)[ \t]*[-:]?[ \t]*"
                              r"(?:" + _CALL_SIGN + r"[ \t]*(?:,|and|&|/|\+)?[ \t]*)*)$")
_CUE_AFTER_SIGN = re.compile(r"(?i:[ \t]*(?:(?:,|and|&|/|\+)[ \t]*" + _CALL_SIGN + r"[ \t]*)*(?:[-,][ \t]*)?"
                             r"(?:on[ \t]+scene|o/s|en[ \t]+route|attending|attended|tasked|deployed|eta\b|arrived|"
                             r"assigned|to[ \t]+attend|update|at[ \t]+scene|making|conveying|requesting|req\b|reports?|"
                             r"states|stood[ \t]+down|resuming|adv\b|advises|confirms|now\b|allocated)\b)")
_IC_CODE = re.compile(r"(?i:ic)[1-9](?![\w/-])")
_SIGN_KINDS = frozenset({Kind.POSTCODE, Kind.REFERENCE, Kind.VRM})


def struct12_after(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """The chosen candidates with an age read after a chosen name, and without call signs read as something else."""
    out = []
    for c in chosen:
        if c.kind in _SIGN_KINDS and _IC_CODE.match(text, c.start, c.end):
            continue  # "IC1 male, 6ft": a police identity code describes, it names no one
        sign = _CALL_SIGN_SHAPE.fullmatch(text, c.start, c.end) if c.kind in _SIGN_KINDS else None
        if sign and (_CUE_BEFORE_SIGN.search(text, max(0, c.start - 80), c.start) or _CUE_AFTER_SIGN.match(text, c.end)):
            # Replaced as a unit's number, which is what it is, not as a postcode or a reference. Whether call signs
            # should go at all is the sets' open question (development sets 11 and 13 mark them, 8, 9, 12 and 14 not).
            c = Candidate(*sign.span("s"), Kind.COLLAR, c.layer, c.priority, subtype="call sign")
        out.append(c)
    taken = sorted((c.start, c.end) for c in out)
    for c in list(out):
        if c.kind is not Kind.PERSON or text[c.end:c.end + 1] not in " \t":
            continue
        m = _AGE_AFTER_PERSON.match(text, c.end)
        if not m:
            continue
        g = "p" if m.group("p") else "n"
        span = m.span(g)
        if any(s < span[1] and span[0] < e for s, e in taken) or _RANK_BEFORE.search(text, max(0, c.start - 12), c.start) \
                or text[c.start:c.end].split()[-1].lower() in _CALL_SIGN_NAME:
            continue
        out.append(Candidate(*span, Kind.AGE, "pattern", _BASE, subtype="apposition", value=m.group(g)))
    for c in list(out):
        # "units: pc lacey 2094 allocated", "PC HUGHES 2077 - ETA 15": a ranked name's collar number after it
        if c.kind is not Kind.PERSON or not _RANK_BEFORE.search(text, max(0, c.start - 12), c.start):
            continue
        m = _COLLAR_AFTER_RANKED.match(text, c.end)
        if m and re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and not _LOG_WORD_AFTER.match(text, m.end()):
            continue  # "Sergeant Lomax 2022 review": a year, unless the log goes on with what the officer did
        if m and not any(s < m.end("n") and m.start("n") < e for s, e in taken):
            out.append(Candidate(*m.span("n"), Kind.COLLAR, "pattern", _BASE))
    return sorted(out, key=lambda c: c.start)
