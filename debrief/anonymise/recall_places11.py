"""Recall rules for names and places learnt from development sets 11 and 13: quoted nicknames where a person is named,
an initial and a surname closing a log, names written with capitals after a locative, premises named after their noun,
policing areas and teams named by their place, a town opening a handover's bullet, surnames after a rank in lower case
and in capitals after a first name. Each class is found by its shape or its cue, never by a word of a set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .recall_places10 import CALENDAR, CLAUSE_WORDS, find_places_ten, no_name, person_at, place_at
from .vocab import NOT_NAMES

_CONTEXT = PRIORITY["context"]

# "one of that group as "Smudge"", "MALE IS "ROCKY"", "the fella ("Dodger")", "the Vickerstown lot, "Nudge",", ""Bomber"
# and his crew", "possibly "spanner"", "a neighbour "auld tam"": a quoted word or two where a person is named, by the
# cue before it or what follows it (a possessive, "and his", a real name in brackets, a verb).
_QUOTED = re.compile(r"[\"“'‘](?P<n>[A-Za-z][\w'’-]{1,20}(?:[ \t]+[A-Za-z][\w'’-]{1,20}){0,2})[\"”'’](?![\w])")
_NICK_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:as|is|was|called|call|named|nicknamed|aka|a\.k\.a\.?|alias|possibly|poss|probably|ex|"
    r"neighbour|dog|cat|mate|pal|friend|cousin|brother|sister|lad|fella|bloke|guy|girl|boy|man|woman|male|female|"
    r"suspect|them|him|her|one|youth|including|incl)[ \t]*[(,–—-]?[ \t]*$")
_NICK_AFTER = re.compile(r"(?:['’]s\b|[ \t]+\(|[ \t]+(?i:and[ \t]+(?:his|her|their)|who|has|had|is|was|"
                         r"described|filmed|seen|can|confirms|reports|agrees|believed|lives|drives|runs|deals|sells)\b)")
_NICK_STRONG_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:called|call(?:s|ed)?[ \t]+(?:him|her|them)(?:self)?|named|names[ \t]+(?:him|her)[ \t]+as|nicknamed|aka|"
    r"a\.k\.a\.?|alias|known[ \t]+(?:\w+[ \t]+){0,2}as|knows?[ \t]+(?:\w+[ \t]+)?as|goes[ \t]+by|ex|neighbour|dog|"
    r"cat|mate|pal|"
    r"friend|cousin|brother|sister|lad|fella|bloke|guy|they[ \t]+call|one[ \t]+of[ \t]+them|male|female|youth|man|"
    r"woman)[ \t]*[(,–—-]?[ \t]*$")
_DESCRIBED_AS = re.compile(r"(?i:describe[sd]?(?:[ \t]+\w+){0,3}|descr|looked|looks|seemed|seems|felt|feels|"
                           r"appeared|appears|came[ \t]+across|referred[ \t]+to[ \t]+(?:it|this|that)|treated|"
                           r"recorded|logged|classed|graded)[ \t]+(?:as[ \t]+)?(?:\w+[ \t]+)?[(]?[ \t]*$")
_SPEECH_BEFORE = re.compile(r"(?i:said|says|saying|replied|reply|shouted|shouting|stated|states|told|tells|asked|"
                            r"screamed|yelled|text(?:ed)?|message[ds]?|wrote|writes|posted|words|comment|comments)\b[^\"“'‘\n]{0,6}$")
_NOT_NICK = frozenset("""i you we he she it they me him her us them my your our his their its a an the this that is was
are be not no yes ok okay help police stop sorry please thanks thank hello hi bye mate bro fuck off shut up go away get
back leave alone comment what why who how where when there here all just only really very now never always and or but
if so to of in on at for with from by up down out pal buddy love darling sweetheart son boss chief fella lad babe
hun""".split())


def _quoted_nicks(text: str) -> Iterator[Candidate]:
    if not any(q in text for q in "\"“'‘"):
        return
    for m in _QUOTED.finditer(text):
        nick = m.group("n")
        words = nick.split()
        lows = [w.lower() for w in words]
        if any(w in _NOT_NICK or w in CALENDAR for w in lows) or is_keep_word(nick) \
                or (len(words) == 1 and is_policing_word(nick)):
            continue
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # an apostrophe inside a word ("O'Neill", "don't") opens no quote
        if _SPEECH_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or _DESCRIBED_AS.search(text, max(0, m.start() - 30), m.start()):
            continue
        if all(w[:1].isupper() and not w.isupper() for w in words if w.lower() not in ("n", "and", "the", "of")):
            # written as a name: a cue on either side will do
            if not (_NICK_BEFORE.search(text, max(0, m.start() - 24), m.start()) or _NICK_AFTER.match(text, m.end())):
                continue
        elif len(words) > 2 or not words[0].islower() \
                or not _NICK_STRONG_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "family argument", "another drunk Pole": a quoted phrase in lower case needs a cue that names someone
        # a nickname of two words is found again whole only ("big kev"), never by its first word ("big build")
        layer = "context" if len(words) == 1 or all(w[:1].isupper() for w in words) else "pattern"
        yield Candidate(*m.span("n"), Kind.PERSON, layer, _CONTEXT + 2, key="nick:" + " ".join(lows))


# "PC 2750 A KHATUN ... / A GOLD", "1530 closed. c plant 4402", "0010 ... t reed 5531", "CLOSED BY J HART INSP 9110":
# an initial and a surname (and a collar number) closing a log or a statement sign it.
_SIGNATURE = re.compile(
    r"(?:^|[\n/.]|\d{4})[ \t]*(?:(?i:closed|owner|by|officer|reporting|log\s+owner|pc|ps|dc|ds|sgt|insp)[ \t]+)*"
    r"(?P<n>[A-Za-z]\.?[ \t]+(?:Mc|Mac|O['’])?[A-Za-z][a-z'’A-Z-]{2,})"
    r"(?:[ \t]+(?:" + r"PC|PS|DC|DS|Sgt|Insp|INSP|Cst|pc|ps|insp|sgt" + r")?[ \t]*\d{3,6})?[ \t]*$")


def _closing_signatures(text: str) -> Iterator[Candidate]:
    tail_start = max(0, len(text.rstrip()) - 48)
    m = _SIGNATURE.search(text.rstrip(), tail_start)
    if not m:
        return
    name = m.group("n")
    initial, surname = name.split()[0], name.split()[-1]
    low = surname.lower()
    if surname.lower() in CLAUSE_WORDS or initial.lower().strip(".") in ("a", "i") and surname.islower() \
            and is_ordinary(low) and low not in SURNAME_LIST:
        return
    if surname.islower() and is_ordinary(low) and low not in SURNAME_LIST and low not in FIRST_NAME_LIST:
        return
    yield person_at(*m.span("n"), 5)


# "staff at Paws n Claws", "CCTV from Bargain Booze", "a door supervisor at Flares", "my job at Coral Island", "outside
# Bargain Booze by the crossing": words written with capitals mid-sentence after a word that says where are a name
# (of a place, a shop or a venue), though each is a word of the dictionary.
_TITLED_AFTER_LOCATIVE = re.compile(
    r"(?:(?<=[A-Za-z,)] )|(?<=\())(?i:at|outside|from|inside|near|nr|opposite|behind|into|below|above|beside|towards)"
    r"[ \t]+"
    r"(?P<p>[A-Z][a-z'’]+(?:[ \t]+(?:(?:n|and|&|of|the|is|by)[ \t]+)?[A-Z][a-z'’]+){0,3})(?![\w'’&-])(?![ \t]+\d)")
_NOT_TITLED_PLACE = frozenset("""christmas easter court hospital custody home work school college university church
station police control mum dad nan gran first second third last english scottish welsh irish british polish level
stage section bay cell room floor unit block wing ward team crime branch department squad services service office
command division hub desk person officer rail network council housing per via re""".split())


def _titled_after_locatives(text: str) -> Iterator[Candidate]:
    for m in _TITLED_AFTER_LOCATIVE.finditer(text):
        phrase = m.group("p")
        words = [w for w in phrase.split() if w[:1].isupper()]
        lows = [w.lower() for w in words]
        if any(w in NOT_NAMES or w in CALENDAR or w in _NOT_TITLED_PLACE for w in lows) or is_keep_word(phrase) \
                or any(is_keep_word(w) or is_policing_word(w) for w in words):
            continue
        if len(words) == 1 and (lows[0] in FIRST_NAME_LIST or not is_ordinary(re.sub(r"['’]s$", "", words[0]))):
            continue  # "from Will": a person; "from Eritrea", "on Instagram": the other layers' to find and label
        nxt = re.match(r"[ \t]+([A-Za-z]+)", text[m.end("p"):m.end("p") + 20])
        if any(is_keep_word(" ".join(words[i:i + 2])) for i in range(len(words) - 1)) \
                or (nxt and is_keep_word(words[-1] + " " + nxt.group(1))):
            continue  # "at Glastonbury per Snap map": a kept term inside or across the end
        yield place_at(*m.span("p"), bump=-4)


# "a barbers called Crown Cutz", "a tattoo studio (Ink'd Up)", "the Mill St gym (Iron Pit)", "the chippy on high st (the
# fryer tuck)": a premises noun and the name it goes by, after "called" or in brackets.
_PREMISES_CALLED = re.compile(
    r"(?<![\w'’-])(?i:barbers?|salon|studio|gym|chippy|takeaway|shop|pub|bar|club|nightclub|cafe|café|restaurant|garage|"
    r"venue|store|firm|company|business|hotel|b&b|guest\s+house|caravan\s+park|school|nursery|centre|hostel|church|"
    r"mosque|charity|project|service|shelter|laundrette|launderette|bakery|butchers?|newsagents?|takeaways|cafes|group|"
    r"association|employer)[ \t]+"
    r"(?:(?i:called|named|known\s+as)[ \t]+(?P<c>[A-Za-z][\w'’&-]*(?:[ \t]+[A-Za-z][\w'’&-]*){0,3}?)(?=[ \t]*[,.;:)\n]|[ \t]+(?i:on|in|at|for)\b|$)"
    r"|(?:(?i:on|in|at|by|off)[ \t]+[^()\n,.;]{1,25}?[ \t]+)?\([ \t]*(?:(?i:the)[ \t]+)?"
    r"(?P<b>[A-Za-z][\w'’&-]*(?:[ \t]+[A-Za-z][\w'’&-]*){0,3})[ \t]*[),])")


_OWN_LABEL = re.compile(r"(?:Person|Officer|Mr|Mrs|Ms|Mx|PC|DC|PS|DS)[ \t]+[A-Z]{1,2}")


def _premises_called(text: str) -> Iterator[Candidate]:
    for m in _PREMISES_CALLED.finditer(text):
        group = "c" if m.group("c") else "b"
        name = m.group(group)
        words = name.split()
        if group == "b" and not name[:1].isupper() and not re.search(r"\((?i:the)[ \t]", m.group()):
            continue  # "(crim dam)": a note in brackets, no name ("(the fryer tuck)" is one)
        if any(w.lower() in _NOT_NICK or w.lower() in CALENDAR for w in words) or is_keep_word(name) \
                or any(ch.isdigit() for ch in name) or (len(words) == 1 and is_policing_word(name)):
            continue
        if re.fullmatch(r"[A-Z]{2,5}", name) or _OWN_LABEL.fullmatch(name):
            continue  # "(CCTV)": initials are the other layers' business; "(Person C)" is the anonymiser's own label
        yield place_at(*m.span(group), bump=-2)


# "Central South BCU", "DIVISION: N - HIGHLANDS AND ISLANDS", "Ward team – Hoxton East", "Beat: Crewe – West Coppenhall":
# the policing area a record names by a place.
_AREA_FIELD = re.compile(
    r"(?<![\w'’-])(?i:bcu|division|beat|ward[ \t]+team|sector|npt|lpa|neighbourhood[ \t]+team)[ \t]*(?:[:–—-]|\((?=[^)\n]{3,40}\)))[ \t]*"
    r"(?:[A-Z][ \t]*[–—-][ \t]*)?(?P<p>[A-Za-z][A-Za-z'’-]+(?:[ \t]+(?:[A-Za-z][A-Za-z'’-]+|[–—-]|&))*?)"
    r"(?=[ \t]*(?:/|\n|$|[ \t]{2}|,|\(|\)))")
_AREA_BEFORE = re.compile(
    r"(?P<p>(?:(?!(?i:north|south|east|west|central)\b)[A-Z][a-z'’]+[ \t]+(?i:north|south|east|west|central)|"
    r"(?i:north|south|east|west|central)[ \t]+(?!(?i:north|south|east|west|central)\b)[A-Z][a-z'’]+))"
    r"[ \t]+(?:BCU|LPA|NPT|(?i:ward|sector|division)\b)")


def _policing_areas(text: str) -> Iterator[Candidate]:
    for m in _AREA_FIELD.finditer(text):
        phrase = m.group("p").strip(" –—-")
        if not phrase or is_keep_word(phrase) or phrase.lower() in NOT_NAMES or len(phrase) > 40:
            continue
        yield place_at(m.start("p"), m.start("p") + len(phrase), bump=1)
    for m in _AREA_BEFORE.finditer(text):
        yield place_at(*m.span("p"), bump=1)


# "- Settle: break-in at the café", "- Horton in Ribblesdale: walkers lost", "* Cockermouth - burglary at the chippy": a
# handover's bullet opens with the place it is about.
_BULLET_PLACE = re.compile(r"(?m:^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?P<p>[A-Z][\w'’-]+(?:[ \t]+(?:(?:in|on|upon|under|le|y|"
                           r"by|and|&)[ \t]+)?[A-Z][\w'’-]+){0,3})[ \t]*(?::|[ \t][-–—][ \t]))")


def _bullet_places(text: str) -> Iterator[Candidate]:
    for m in _BULLET_PLACE.finditer(text):
        phrase = m.group("p")
        words = [w for w in phrase.split() if w[:1].isupper()]
        lows = [w.lower() for w in words]
        if is_keep_word(phrase) or any(is_keep_word(w) or is_policing_word(w) or w in NOT_NAMES or w in CALENDAR
                                       or w in _NOT_TITLED_PLACE for w, w0 in zip(lows, words)):
            continue
        if not (phrase.lower() in UK_PLACE_LOWER or any(w in UK_PLACE_LOWER and not w0.isupper()
                                                        for w, w0 in zip(lows, words))):
            continue  # "- Traffic - lorry shed its load", "- AEP: No", "- Roblox: handle": no town's name
        if len(words) <= 2 and lows[0] in FIRST_NAME_LIST and lows[0] not in UK_PLACE_LOWER:
            continue  # "- Amber: missing again": a person, found elsewhere
        yield place_at(*m.span("p"), subtype="town", bump=-2)


# "To: West Cumbria Response D Shift; Whitehaven NPT", "To: Skipton Response; Settle SNT; Craven Rural Taskforce",
# "Area: South Holland - Spalding": a team or an area named by its place in a message's or record's heading.
_TEAM_PLACE = re.compile(
    r"(?P<p>(?:[A-Z][\w'’-]+[ \t]+(?:(?:&|and)[ \t]+)?){1,3})(?=(?i:response|npt|snt|rural[ \t]+taskforce|cid|"
    r"neighbourhood[ \t]+team|roads[ \t]+policing|custody|lpa|division|command|bcu)\b)")
_AREA_LINE = re.compile(r"(?m:^[ \t]*(?:Area|AREA|Subject|SUBJECT)[ \t]*:[ \t]*(?:(?:FW|RE|Fwd)[ \t]*:[ \t]*)?"
                        r"(?:[\w ]{0,30}?[ \t][-–][ \t])?(?P<p>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]*(?:$|[-–/]))")


_COMPASS = frozenset("north south east west central".split())


def _team_places(text: str) -> Iterator[Candidate]:
    for m in _TEAM_PLACE.finditer(text):
        phrase = re.sub(r"[ \t]+(?:and|&)$", "", m.group("p").rstrip())
        words = [w for w in phrase.split() if w[:1].isupper()]
        lows = [w.lower() for w in words]
        if any(w.isupper() for w in words):
            continue  # "VRU and CID": a unit's initials, no place
        if any(is_keep_word(w) or (w in NOT_NAMES and w not in _COMPASS) or w in CALENDAR
               or (is_policing_word(w) and w not in UK_PLACE_LOWER and w not in _COMPASS) for w in lows):
            continue
        if not (any(w in UK_PLACE_LOWER for w in lows) or not all(is_ordinary(w) or w in _COMPASS for w in lows)):
            continue
        yield place_at(m.start("p"), m.start("p") + len(phrase), bump=-1)
    for m in _AREA_LINE.finditer(text):
        phrase = m.group("p")
        words = phrase.split()
        lows = [w.lower() for w in words]
        if any(is_keep_word(w) or w in NOT_NAMES or w in CALENDAR for w in lows) or is_policing_word(phrase):
            continue
        if not (any(w in UK_PLACE_LOWER for w in lows) or not all(is_ordinary(w) for w in words)):
            continue
        yield place_at(*m.span("p"), bump=-1)


# "check with sgt roberts", "spoke to mr pike": a surname after a rank or title in a line of lower case, though the
# re-casing left it lower (a plural-looking "roberts", a word "pike").
_LOWER_RANKED = re.compile(r"(?<![\w'’-])(?:sgt|pc|ps|dc|ds|insp|pcso|mr|mrs|ms|miss|dr)\.?[ \t]+(?P<s>[a-z][a-z'’]+"
                           r"(?:-[a-z][a-z'’]+)?)(?![\w'’-])")


def _lower_ranked(text: str) -> Iterator[Candidate]:
    for m in _LOWER_RANKED.finditer(text):
        word = m.group("s")
        if no_name(word) or (is_ordinary(word) and word not in SURNAME_LIST) or not re.search(r"[aeiouy]", word) \
                or (word not in SURNAME_LIST and len(word) < 4):
            continue  # "ps sts" (states): an abbreviation, no surname
        yield person_at(*m.span("s"), 2)


# "He gave his name as Clive MOSS", "Rhydian WATKINS": a first name and a surname written in capitals, the custom of
# police records, whatever the surname means.
_FIRST_CAPS = re.compile(r"\b(?P<f>[A-Z][a-z'’]+)[ \t]+(?P<s>(?:MC|MAC|O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?)(?![\w'’-])")


def _first_then_caps(text: str) -> Iterator[Candidate]:
    for m in _FIRST_CAPS.finditer(text):
        first, surname = m.group("f"), m.group("s")
        if first.lower() not in FIRST_NAME_LIST or first.lower() in NOT_NAMES or is_keep_word(surname) \
                or surname.lower() in NOT_NAMES or len(surname) < 3:
            continue
        if (is_ordinary(surname) or len(surname) < 4) and surname.lower() not in SURNAME_LIST:
            continue  # "Will STOP", "Neill STS" (states): a word or an abbreviation in capitals
        yield person_at(m.start("f"), m.end("s"), 4)

# "IN THE HOPE AND ANCHOR", "outside the rose and crown", "from the Cat and Fiddle": a pub by its usual shape, two of the
# things pubs are named after joined by "and", after a word that says where (a line of capitals re-cased leaves its
# words in lower case).
_PUB_THINGS = (r"hope|anchor|rose|crown|fox|hounds?|horse|horses|groom|plough|harrow|bell|bells|dragon|lamb|flag|cat|"
               r"fiddle|goat|compasses|ship|castle|feathers|coach|dog|duck|pheasant|partridge|hare|tabor|drum|monkey|"
               r"punchbowl|sun|moon|stars?|pig|whistle|mitre|key|keys|sword|sceptre|thistle|shamrock|harp|lion|unicorn|"
               r"swan|bull|stag|hart|hind|hawk|falcon|eagle|child|cradle|cock|bottle|barrel|grapes|vine|wheatsheaf|"
               r"sickle|shears|shuttle|loom|packhorse|greyhound|ferret|trout|salmon|pike|otter|badger|boot|slipper|"
               r"tankard|pot|kettle|spoon|chequers|garter|star|oak|ivy|holly|acorn|apple|pear|cherry|plum|orange")
_PUB_AND = re.compile(r"(?<![\w'’-])(?i:at|in|outside|from|inside|near|nr|into|to|left|leaving|opposite|behind|by)[ \t]+"
                      r"(?:(?i:the)[ \t]+)?(?P<p>(?i:" + _PUB_THINGS + r")[ \t]+(?i:and|&|n)[ \t]+(?i:(?:the[ \t]+)?(?:"
                      + _PUB_THINGS + r")))(?![\w'’-])")


def _pubs_by_shape(text: str) -> Iterator[Candidate]:
    for m in _PUB_AND.finditer(text):
        first, last = m.group("p").split()[0].lower(), m.group("p").split()[-1].lower()
        if first == last:
            continue  # "to fox and fox": no pub
        yield Candidate(*m.span("p"), Kind.PLACE, "pattern", PRIORITY["pattern"] + 1, subtype="premises:pub")



def find_places_eleven(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development sets 10, 11 and 13."""
    return [*find_places_ten(text), *_quoted_nicks(text), *_closing_signatures(text), *_titled_after_locatives(text),
            *_premises_called(text), *_policing_areas(text), *_bullet_places(text), *_team_places(text),
            *_lower_ranked(text), *_first_then_caps(text), *_pubs_by_shape(text)]
