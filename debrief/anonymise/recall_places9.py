"""Recall rules for names and places learnt from development sets 8 and 9: a named premises with its trade noun in any
case, a place named by a place-forming word after a locative, and a first name or initials before a surname in a
line written all in capitals or all in lower case. Each class is found by its shape or its cue, never by a word of
the set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import COUNTIES, FIRST_NAMES, RETAIL
from .keep import is_keep_word
from .lexicon import (FIRST_NAME_LIST, SAFE_PROPER, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary,
                      is_policing_word)
from .vocab import NOT_NAMES

_BASE = PRIORITY["pattern"]
# "the baker said", "a young arrested": the ordinary word after an article or a possessive is the word, not the name.
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’-])(?i:the|a|an|his|her|their|my|your|our|its|this|that|every|each|no|some|"
                                r"any|one|very|too|so|more|most)[ \t]+$")
COUNTIES_LOWER = frozenset(c.lower() for c in COUNTIES)


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype)


# Words that open a clause or stand for no one in particular: never part of a premises' name.
_NOT_NAME_WORDS = frozenset("""the a an this that these those his her their our my your its same other local nearest
nearby usual old new main back front side to at in on of from by for with and or but as near outside inside into onto
via towards toward behind opposite past off up down is was were are be been has had have then when where who which
while after before during until said says told asked went came got called phoned rang from named any some one two
three all both each every no not police officer officers staff""".split())

# "Leith Links Medical Practice", "AL-RAHMA FUNERALS", "hafren vets", "CEREDIGION CABS", "TŶ COCH INN",
# "creggan heights", "ebbsfleet international": a name and the trade or kind of premises after it, in any case (the
# other layers find the name; the noun goes with it). "custody suite", "care home" and "private hire" are operational
# words that stay after a name ("Ardhowen Lodge care home"), so they are no premises noun here.
_PREMISES_NOUNS = ("medical practice", "practice", "surgery", "cabs", "taxis", "funerals", "funeral directors",
                   "funeral home", "funeral services", "vets", "veterinary centre", "veterinary surgery",
                   "veterinary practice", "inn", "cottages", "heights", "rec ground", "recreation ground", "rec", "express",
                   "b&b", "guest house", "guesthouse", "truck stop", "barrage", "international", "solicitors", "pharmacy",
                   "chemist", "chemists", "dental practice", "dental surgery", "opticians", "newsagent", "newsagents",
                   "convenience store", "convenience", "mini market", "minimarket", "off licence", "food and wine",
                   "food & wine", "takeaway", "kebab", "kebabs", "chippy", "fish bar", "motors", "autos", "tyres", "garage",
                   "car wash", "salon", "barbers", "nails", "lounge", "leisure park", "holiday park", "caravan park",
                   "retail park", "trading estate", "industrial estate", "business park", "playing fields",
                   "community centre", "health centre", "medical centre", "hostel", "lodge", "creamery", "dairy", "quarry",
                   "racecourse", "rfc", "rugby club", "cricket club", "golf club", "parkway", "warehouse",
                   "depot", "distribution centre", "docks")
_WORD_BACK = re.compile(r"(?P<w>[^\W\d_][\w'’&.-]*)[ \t]+$")


def _name_word(word: str) -> bool:
    """A word that can stand in a premises' name (not a clause word, a kept term or a policing word)."""
    low = word.lower().strip(".")
    return low not in _NOT_NAME_WORDS and not is_keep_word(word) and not is_policing_word(word) \
        and not any(ch.isdigit() for ch in word)


def _distinctive(word: str) -> bool:
    """A word that names something: no dictionary word (or a place on the UK list)."""
    core = re.sub(r"['’]s$", "", word).strip(".")
    return core.lower() in UK_PLACE_LOWER or not is_ordinary(core)


# What the replacement calls a premises whose noun is a plural or a trade ("CEREDIGION CABS" -> "a taxi firm").
_PREMISES_WORDS = {"cabs": "taxi firm", "taxis": "taxi firm", "funerals": "funeral director",
                   "vets": "vet's", "cottages": "cottage", "heights": "housing block", "rec": "park",
                   "rec ground": "park", "express": "shop", "international": "venue", "barrage": "venue",
                   "kebabs": "takeaway", "kebab": "takeaway", "chippy": "takeaway", "fish bar": "takeaway",
                   "motors": "garage", "autos": "garage", "tyres": "garage", "nails": "salon", "playing fields": "park",
                   "solicitors": "firm of solicitors", "chemists": "chemist", "newsagents": "newsagent",
                   "food and wine": "shop", "food & wine": "shop", "convenience": "shop", "convenience store": "shop",
                   "inn": "pub", "lounge": "bar", "b&b": "guest house", "truck stop": "truck stop",
                   "rfc": "rugby club",
                   "parkway": "station"}


def _premises_word(noun: str) -> str:
    low = " ".join(noun.lower().split())
    if low.startswith("funeral"):
        return "funeral director"
    return _PREMISES_WORDS.get(low, low)


def _premises_at(text: str, noun_start: int, noun_end: int) -> Candidate | None:
    """The premises whose trade noun is text[noun_start:noun_end], with the name the words before it give."""
    noun = text[noun_start:noun_end]
    if is_keep_word(noun):
        return None  # "Bradford custody suite", "care home": the kept term stays and the town goes alone
    start, words = noun_start, []
    while len(words) < 3:
        w = _WORD_BACK.search(text, max(0, start - 40), start)
        if not w or not _name_word(w.group("w")):
            break
        word = w.group("w")
        # A premises written in capitals or title case has its name so written; in lower case, any case.
        if noun[:1].isupper() and not word[:1].isupper():
            break
        words.insert(0, word)
        start = w.start("w")
    if not words or not any(_distinctive(w) for w in words) or all(w.lower() in SAFE_PROPER for w in words):
        return None
    return _cand(start, noun_end, Kind.PLACE, "premises:" + _premises_word(noun), 1)


# "arrested in Great Barr", "in Alum Rock", "from Windy Nook", "in Somers Town", "at Picket Post", "on Whalley Range":
# two or three capitalised words after a locative, one of them a word that forms place names.
_LOCATIVE_PHRASE = re.compile(
    r"\b(?i:in|at|from|to|near|nr|through|towards|toward|via|into|outside|around|of|on|round)[ \t]+"
    r"(?P<p>[A-Z][\w'’-]+(?:[ \t]+(?:(?i:under|upon|le|na|y)[ \t]+|(?i:o)['’][ \t]*)?[A-Z][\w'’-]+){1,2})(?![\w'’-])")
_PLACE_FORMERS = frozenset("""great little upper lower nether port fort isle kings king's mount glen strath bishops
bishop's rock town nook range head post cross end green heath marsh moor bay vale hill common bridge wood gate heights
drove topping bank row side field fields valley fach fawr island sands point ness hollow dale mill mills brow law knowe
brae burn haven hythe wharf quay sound north south east west central castle""".split())
_DIRECTIONS = frozenset("north south east west central upper lower great little old new".split())
_NOT_PLACE_PARTS = frozenset("""police station hospital road street lane avenue drive way close crescent school college
university court custody suite unit team division command house centre council services service department office
hall church park face""".split())


def _locative_places(text: str) -> Iterator[Candidate]:
    for m in _LOCATIVE_PHRASE.finditer(text):
        phrase = m.group("p")
        words = [w for w in re.split(r"[ \t]+", phrase) if w[:1].isupper()]
        lows = [re.sub(r"['’]s$", "", w.lower()) for w in words]
        if not any(w in _PLACE_FORMERS or w + "'s" in _PLACE_FORMERS for w in lows):
            continue
        if any(w in _NOT_PLACE_PARTS or w in SAFE_PROPER or is_keep_word(x)
               or (w not in _PLACE_FORMERS and (w in NOT_NAMES or is_policing_word(x))) for w, x in zip(lows, words)):
            continue
        if all(w in _DIRECTIONS for w in lows):
            continue  # "to North East", "from Upper West": directions, not a name
        if words[0].lower() in FIRST_NAME_LIST and lows[-1] in SURNAME_LIST and len(words) == 2 \
                and lows[0] not in _PLACE_FORMERS:
            continue  # "to Jack Heath": a person
        # the weakest guess: any layer that finds the same words names them better ("of Great Lever" -> "of a town")
        yield Candidate(m.start("p"), m.end("p"), Kind.PLACE, "pattern", PRIORITY["gazetteer"] - 5)


# "tom McGrath", "paddy Devlin", "pj O'Hare", "jack O'Donnell-Keir": a line written in capitals or lower case, re-cased,
# leaves a first name that is also a word (or initials) in lower case before the surname the name layers found.
_LOWER_FIRST_NAME = re.compile(r"(?<![\w'’-])(?P<f>[a-z][a-z'’]{1,11})[ \t]+(?=(?P<s>(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z'’]+"
                               r"(?:-[A-Z][a-z'’]+)?)(?![\w'’-]))")
# Words that are first names on the list and, in lower case before a name, a verb or a word of the narrative.
_NOT_FIRST_BEFORE = frozenset("""will may can mark rob bill pat sue grant chase drew hope faith joy dawn rose summer
april june august guy gene art don frank carol ray dean les val lee bob sonny jean ivy holly sky star""".split())
_COMMON_FIRST = frozenset(n.lower() for n in FIRST_NAMES)
# "tj bell", "pj o'hare": initials written as a first name, then a surname in any case.
_INITIALS_SURNAME = re.compile(r"(?<![\w'’-])(?P<f>[a-z]j)[ \t]+(?P<s>(?:[Oo]['’])?[A-Za-z][a-z'’-]+)(?![\w'’-])")


_LOWER_THEN_CAPITAL = re.compile(r"(?<=[a-z'’])[ \t]+(?=(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z])")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][a-z'’]{1,11}$")
_J_GAP = re.compile(r"(?<=[a-z])j[ \t]")


def _lower_first_names(text: str) -> Iterator[Candidate]:
    for gap in _LOWER_THEN_CAPITAL.finditer(text):  # tried only where a lower-case word meets a capitalised one
        w = _LOWER_WORD_BEFORE.search(text, max(0, gap.start() - 13), gap.start())
        m = _LOWER_FIRST_NAME.match(text, w.start()) if w else None
        if not m:
            continue
        first, surname = m.group("f"), m.group("s")
        if first not in FIRST_NAME_LIST or first in _NOT_FIRST_BEFORE or first in NOT_NAMES \
                or is_policing_word(first) or is_keep_word(first):
            continue
        if is_ordinary(first) and first not in _COMMON_FIRST:
            continue  # "said Smith": a word of the narrative that a rarer name on the long list shares
        if is_ordinary(surname) or is_policing_word(surname) or is_keep_word(surname) or surname.lower() in NOT_NAMES \
                or surname.lower() in SAFE_PROPER:
            continue
        yield Candidate(m.start("f"), m.end("s"), Kind.PERSON, "context", PRIORITY["context"] + 2)
    for j in _J_GAP.finditer(text):
        m = _INITIALS_SURNAME.match(text, j.start() - 1)
        if m:
            surname = m.group("s").lower().replace("’", "'")
            if (surname in SURNAME_LIST or not is_ordinary(surname)) and surname not in NOT_NAMES \
                    and not is_policing_word(surname) and not is_keep_word(surname):
                yield Candidate(m.start("f"), m.end("s"), Kind.PERSON, "context", PRIORITY["context"] + 2)


# "From: Young, Will (Sgt 1406)", "To: Okafor, Ngozi; Fernandes, Rui;", "PNC check WHITE, DWAYNE 03/04/1994",
# "PIC: MACKINTOSH, Ryan James   DOB": a surname, a comma and a listed first name where a header, a list or a record
# puts a name (before a bracket, a semicolon, a date, a line's end or a wide gap).
_SURNAME_FIRST = re.compile(r"(?<![\w'’-])(?P<n>(?P<s>(?:Mc|Mac|O['’])?[A-Za-z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?),"
                            r"[ \t]+(?P<f>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?:[ \t]+[A-Z][a-z'’]+)?)"
                            r"(?=[ \t]*(?:[(;\n]|$|\d|[ \t]{2}|(?i:dob|d\.o\.b|sent|to:|cc:)\b))")


_STREET_WORD = re.compile(r"(?i:st|rd|road|street|lane|ln|ave|avenue|close|drive|dr|way|terrace|tce|crescent|cres|"
                          r"grove|hill|square|sq|row|mews|parade|place|pl|court|ct|green|rise|walk|view|gardens|gdns)")


_COMMA_CAPITAL = re.compile(r",[ \t]+[A-Z][a-z]")
_LAST_WORD = re.compile(r"(?<![\w'’-])(?:Mc|Mac|O['’])?[A-Za-z][\w'’-]*$")


def _surname_first(text: str) -> Iterator[Candidate]:
    for comma in _COMMA_CAPITAL.finditer(text):  # where one can be: the scan tries the pattern only there
        w = _LAST_WORD.search(text, max(0, comma.start() - 40), comma.start())
        m = _SURNAME_FIRST.match(text, w.start()) if w else None
        if not m:
            continue
        surname, first = m.group("s"), m.group("f")
        if first.lower().split("-")[0] not in FIRST_NAME_LIST or first.lower() in NOT_NAMES \
                or (first.lower() in UK_PLACE_LOWER and first.lower() not in _COMMON_FIRST):
            continue  # "High St, Wells": a street and its town
        if _STREET_WORD.fullmatch(surname) or _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()) \
                or (surname.islower() and len(surname) < 4):
            continue  # "The man, Abdirahman Warsame (about 30": a noun set before the name
        low = surname.lower()
        if is_keep_word(surname) or (low in UK_PLACE_LOWER and low not in SURNAME_LIST):
            continue  # "in Leeds, Harry (aged 3)": a town before a name
        if low not in SURNAME_LIST and (low in NOT_NAMES or is_policing_word(surname)
                                        or (is_ordinary(surname) and not surname.isupper())):
            continue  # a listed surname ("WHITE", "Young") or a word in a record's capitals ("MACKINTOSH") is the name
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 5)


# "Craven Arms", "SIX BELLS NP13", "fort william unit", "nr craven arms", "king's lynn": a place of two or more words on
# the UK list, in any case. Its words capitalised, or one of them no dictionary word, it is the place; every word an
# ordinary one in lower case ("four lanes", "new buildings"), only before a postcode or after "nr"/"near".
_PHRASE_TAILS: dict[str, list[re.Pattern[str]]] = {}
for _p in sorted(UK_PLACE_LOWER, key=len, reverse=True):
    _ws = _p.replace("’", "'").split()
    if len(_ws) > 1:
        _PHRASE_TAILS.setdefault(_ws[0], []).append(re.compile(
            "".join(r"[ \t]+" + re.escape(w).replace("'", "['’]") for w in _ws[1:]) + r"(?![\w'’-])", re.IGNORECASE))
_WORD_AT = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’-]*")  # a plain word scan: faster than an alternation of ~700 words
_POSTCODE_AFTER = re.compile(r",?[ \t]+[A-Za-z]{1,2}\d[A-Za-z\d]?(?:[ \t]?\d[A-Za-z]{2})?(?![\w])")
_NEAR_BEFORE = re.compile(r"(?<![\w'’-])(?i:nr|near)\.?[ \t]+$")
_JOINING = frozenset("of on the in upon under le by and next with".split())


# "linked to Flat C via council tax", "caravan C47", "plot 7 of the Sidegate Lane site", "plot 4, paddock travellers
# site", "FLAT ABOVE SHOP 309": a flat by its letter, a plot, pitch or caravan by its number, alone.
_LETTERED_UNIT = re.compile(r"\b(?:(?i:flat|apartment|apt\.?)[ \t]+[A-H](?![\w'’-])|(?i:plot|pitch|caravan|chalet)[ \t]+"
                            r"[A-Za-z]?\d{1,4}[A-Za-z]?(?![\w'’-])|(?<=(?i:above) )(?i:shop|unit)[ \t]+\d{1,4}[A-Za-z]?(?![\w'’-]))")


def _lettered_units(text: str) -> Iterator[Candidate]:
    for m in _LETTERED_UNIT.finditer(text):
        yield _cand(*m.span(), Kind.ADDRESS, "flat" if m.group()[:1] in "fFaA" else "address", 2)


# "along the Esplanade", "on the Promenade", "went to the Royal", "on the Dene footpath": "the" and a capitalised word
# for a kind of place, written as a name mid-sentence, names the one place every local knows by it.
_THE_PLACE_WORD = re.compile(r"(?<![\w'’-])[Tt]he (?P<p>Esplanade|Promenade|Prom|Front|Seafront|Royal|Infirmary|Quayside|Strand|"
                             r"Parade|Dene|Mere|Meadows|Rec|Downs|Marina|Harbour|Quay|Sands|Lido|Boardwalk|Embankment|"
                             r"Waterfront|Docks|Precinct|Arcade|Bullring|Diamond|Cross|Moor|Heath|Common|Links|Level|Steine|"
                             r"Knap|Hoe|Barrage|Corn\s+Exchange|Shambles|Minster|Circus|Crescent|Headland|Battery)"
                             r"(?![\w'’-])(?![ \t]+[A-Z])")

# "Royal Stoke (RSUH)", "GLASGOW ROYAL (GRI)", "University Hospital of Wales (UHW)": a hospital's initials in brackets
# after its name; "Sunderland Royal (not UHND", "to the RVI", "at the LGI": initials of the shape hospitals' take
# ("...H", "UH...", "...UH") after "not" or "or" (recall_more finds them after "to", "at"...); an infirmary's "...I" after "at the", "to the" (not
# a crime scene investigator's "CSI" or a scan).
_BRACKETED_INITIALS = re.compile(r"(?P<name>(?:[A-Z][\w'’]*[ \t]+(?:(?i:of|and)[ \t]+)?){1,5})\((?P<a>[A-Z]{2,5})\)")
_BRACKET_CAPS = re.compile(r"\([A-Z]{2,5}\)")
_HOSPITAL_WORDS = re.compile(r"\b(?i:royal|hospitals?|infirmary|general|university|medical|health|county|district)\b")
_HOSPITAL_SHAPE = re.compile(r"(?:\b(?i:not|or)[ ])(?P<a>[A-Z]{2,3}H|UH[A-Z]{1,2}|[A-Z]{1,2}UH)(?![\w'’&-])"
                             r"|\b(?i:at|to|from|in|into|outside)[ ]the[ ](?P<i>(?!CSI|DCI|DSI|MRI|PSI)[A-Z]{2}I)(?![\w'’&-])")


def _named_places(text: str) -> Iterator[Candidate]:
    for m in _THE_PLACE_WORD.finditer(text):
        yield _cand(*m.span("p"), Kind.PLACE, "", -2)
    if "(" in text:
        for b in _BRACKET_CAPS.finditer(text):
            m = _BRACKETED_INITIALS.search(text, max(0, b.start() - 80), b.end())
            if not m or m.end() != b.end():
                continue
            name, initials = m.group("name"), m.group("a")
            if _HOSPITAL_WORDS.search(name) and name[:1] == initials[:1] and not is_keep_word(initials):
                yield _cand(*m.span("a"), Kind.PLACE, "hospital", 0)
    for m in _HOSPITAL_SHAPE.finditer(text):
        group = "a" if m.group("a") else "i"  # an infirmary's "...I" only where someone goes or works ("at the RVI")
        if not (is_keep_word(m.group(group)) or is_policing_word(m.group(group)) or is_ordinary(m.group(group))):
            yield _cand(*m.span(group), Kind.PLACE, "hospital", -1)


# "OUTSIDE SPAR ON BURY NEW RD", "staff from spar", "HSBC, Oadby", "Bank: HSBC confirm", "Nationwide, Ware branch": a
# chain shop or bank in any case. A name that is no dictionary word anywhere; one that is ("Spar", "Boots",
# "Nationwide") only where a place goes (after "at", "outside", "from"...) or before its branch or location.
_BANKS = ("HSBC", "Barclays", "NatWest", "Santander", "TSB", "Lloyds", "Nationwide", "Halifax", "Metro Bank", "Monzo",
          "Virgin Money", "Co-operative Bank", "Yorkshire Bank", "Clydesdale Bank", "Bank of Scotland", "RBS")
_CHAINS = sorted({*RETAIL, *_BANKS}, key=len, reverse=True)
_BANK_KEYS = frozenset(b.lower().replace(" ", "") for b in _BANKS)
_CHAIN_PLACE_BEFORE = re.compile(r"(?<![\w'’-])(?i:at|outside|from|inside|near|nr|in|into|to|opposite|behind|the|staff)"
                                 r"[ \t]+(?:(?i:the)[ \t]+)?$")
_CHAIN_PLACE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[A-Z][\w'’-]+(?:[ \t]+(?i:branch|store))?(?![\w'’-])|[ \t]+(?i:on|in|at)[ \t]+[A-Z]|"
                                r"[ \t]+(?i:branch|store|staff|superstore|express|metro|local)\b)")
_CAR_PARK_AFTER = re.compile(r"[ \t]+(?i:car[ \t]+park)\b")


def _chain_at(text: str, start: int, end: int) -> Candidate | None:
    name = text[start:end]
    ordinary = all(is_ordinary(w.replace("'", "").replace("’", "")) for w in name.split())
    if ordinary and _CAR_PARK_AFTER.match(text, end):
        return None  # "the co-op car park": a car park named by a shop is an operational landmark
    before = _CHAIN_PLACE_BEFORE.search(text, max(0, start - 16), start)
    if ordinary and not (before or _CHAIN_PLACE_AFTER.match(text, end)):
        return None
    if ordinary and name.islower() and not before:
        return None  # "boots on", "next in line": a lower-case word needs the place word before it
    bank = re.sub(r"\s+", "", name.lower()) in _BANK_KEYS
    return _cand(start, end, Kind.PLACE, "premises:bank" if bank else "shop", -1)


# "AT THE BLACK LION IN NEW QUAY", "left the royal oak in hathersage", "cctv from pitcher & piano", "by the cheese &
# grain": a pub in any case after a word that says where, by its usual shape (a colour, a title or a number and a
# pub's creature or thing; two words joined by "&" after "the", "from", "at", "outside" or "inside", not after "to":
# "Fit to detain & interview", "refusing to pay & threatening").
_ANY_CASE_PUB_SHAPE = re.compile(
    r"\b(?i:at|outside|from|inside|near|nr|in|into|to|left|by|opposite|behind|leaving|towards)[ \t]+(?:(?i:the)[ \t]+)?"
    r"(?P<p>(?i:(?:black|white|red|golden|green|blue|royal|old|grey|brown|kings?|queens?|king['’]s|queen['’]s|three|two|"
    r"seven|nag['’]s|rising|jolly|spread|fighting|dun|pied|flying|silver|rose\s+and|hare\s+and|fox\s+and|dog\s+and)"
    r"[ \t]+(?:lion|swan|bull|horse|stag|hart|ship|anchor|plough|crown|bell|bells|oak|feathers|hound|boar|ram|lamb|eagle|"
    r"falcon|cock|dragon|unicorn|harp|mitre|globe|star|sun|moon|head|arms|cow|bear|griffin|hind|heart|lantern|crown))"
    r"|(?:(?<=(?i:the|rom|ide) )|(?<=\b(?i:at) ))[A-Za-z][a-z'’]+[ \t]+&[ \t]+[A-Za-z][a-z'’]+)(?![\w'’&-])")


def _any_case_pubs(text: str) -> Iterator[Candidate]:
    for m in _ANY_CASE_PUB_SHAPE.finditer(text):
        words = re.findall(r"[A-Za-z'’]+", m.group("p"))
        if is_keep_word(m.group("p")) or ("&" in m.group("p") and any(
                is_keep_word(w) or is_policing_word(w) or w.lower() in SAFE_PROPER for w in words)):
            continue  # the shape of a pub's name is its own evidence; two words and "&" need to be no policing words
        yield _cand(*m.span("p"), Kind.PLACE, "premises:pub" if "&" not in m.group("p") else "venue", 0)


# "Morning Gem,", "Morning Ngozi / Rui", "Hi Bob,": a name after a greeting at a line's start; "C Sgt 1427 | Durham",
# "Matt Insp CL 102": a name or an initial at a line's start before a rank (a signature); "a boyfriend called D": one
# capital after a naming word; "his mate Gruff was": a capitalised word after a relation, whatever else it means.
_GREETING = re.compile(r"(?m)^[ \t]*(?i:good[ \t]+)?(?i:morning|afternoon|evening|hi|hello|hiya|dear|hey)[ \t,]+"
                       r"(?P<n>[A-Z][a-z'’-]+(?:[ \t]*(?:/|&|and)[ \t]*[A-Z][a-z'’-]+)*)(?=[ \t]*(?:[,!\n]|$))")
_SIGNATURE = re.compile(r"(?m)^[ \t]*(?:[-–—][ \t]*)?(?P<n>[A-Z][a-z'’-]+|[A-Z])[ \t]+(?:PC|PS|Sgt|Insp|DC|DS|DI|DCI|"
                        r"Supt|PCSO|Inspector|Sergeant)[ \t]+(?:[A-Z]{2}[ \t]?)?\d")
_CALLED_INITIAL = re.compile(r"\b(?i:called|named|known[ \t]+as|calls[ \t]+himself|calls[ \t]+herself)[ \t]+[\"“'‘]?"
                             r"(?P<n>[A-Z])[\"”'’]?(?![\w&.'’-])")
_RELATION_NAME = re.compile(r"\b(?i:his|her|their|my|your|our)[ \t]+(?i:mate|pal|friend|boyfriend|girlfriend|brother|"
                            r"sister|cousin|uncle|aunt|auntie|partner|ex|son|daughter|nephew|niece|stepdad|stepmum|"
                            r"husband|wife|fiancee?|grandson|granddaughter)[ \t]+(?P<n>[A-Z][a-z'’-]+)(?![\w'’-])")
_NOT_GREETED = frozenset("all team everyone guys folks sarge boss sir maam ma'am both there again".split())


def _addressed_names(text: str) -> Iterator[Candidate]:
    for m in _GREETING.finditer(text):
        for n in re.finditer(r"[A-Z][a-z'’-]+", m.group("n")):
            word = n.group()
            if word.lower() in _NOT_GREETED or is_keep_word(word) \
                    or (is_policing_word(word) and word.lower() not in FIRST_NAME_LIST):
                continue  # the greeting says a name follows: "Gem" and "Rui" are names there
            yield Candidate(m.start("n") + n.start(), m.start("n") + n.end(), Kind.PERSON, "context",
                            PRIORITY["context"] + 3)
    for m in _SIGNATURE.finditer(text):
        word = m.group("n")
        if len(word) == 1 or not (is_keep_word(word) or is_policing_word(word) or word.lower() in NOT_NAMES
                                  or (is_ordinary(word) and word.lower() not in FIRST_NAME_LIST)):
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 3)
    for m in _CALLED_INITIAL.finditer(text):
        if m.group("n") not in "AI":  # "called A and E", "known as I said"
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 3)
    for m in _RELATION_NAME.finditer(text):
        word = m.group("n")
        if not (is_keep_word(word) or is_policing_word(word) or word.lower() in SAFE_PROPER
                or word.lower() in ("and", "who", "was", "is")):
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 1)


# "LAST SEEN A308 BRAY", "SECURITY AT THE ORACLE SHOPPING CENTRE, READING.", "PASSED TO MARCH NPT": a town on the
# list that is also a word (or a month), where a road number, a venue and a comma, or a policing team put a town.
_TOWN_AFTER_ROAD = re.compile(r"\b[ABM]\d{1,4}(?:\([Mm]\))?[ \t]+(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)(?=[ \t]*(?:[.,;:)\n]|$))")
_TOWN_AFTER_VENUE = re.compile(r"\b(?i:centre|center|park|hospital|station|school|store|shop|market|mall|cafe|restaurant|"
                               r"takeaway|superstore|supermarket|garage|services|stadium|ground|college|academy|surgery),"
                               r"[ \t]+(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)(?=[ \t]*(?:[.,;:)\n]|$))")
_TOWN_BEFORE_TEAM = re.compile(r"(?<![\w'’-])(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)[ \t]+(?:NPT|SNT|LPT|(?i:neighbourhood[ \t]+"
                               r"(?:policing[ \t]+)?team|response[ \t]+team|cid)\b)")
# "conveyed to northern general", "sophie to royal surrey a&e": a hospital in lower case, "royal" and a county or town,
# or a word and "general" or "infirmary", after a word that says where.
_LOWER_HOSPITAL = re.compile(r"\b(?i:to|at|from|in|into|outside)[ \t]+(?P<p>(?i:royal)[ \t]+(?P<t>[A-Za-z][a-z'’-]+)|"
                             r"(?P<w>[A-Za-z][a-z'’-]+)[ \t]+(?i:general|infirmary))(?![\w'’-])")


_TEAM_AT = re.compile(r"[ \t](?:NPT|SNT|LPT|(?i:neighbourhood|response|cid))\b")
_COMMA_WORD_AT = re.compile(r",[ \t]+[A-Za-z]")


def _slot_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches, tried only near the comma or team word each needs (a scan at every word costs more)."""
    if pattern is _TOWN_AFTER_ROAD:
        yield from pattern.finditer(text)
        return
    anchors = _TEAM_AT if pattern is _TOWN_BEFORE_TEAM else _COMMA_WORD_AT
    for a in anchors.finditer(text):
        m = pattern.search(text, max(0, a.start() - 30), a.end() + 40)
        if m and m.start() <= a.start() <= m.end():
            yield m


def _towns_in_slots(text: str) -> Iterator[Candidate]:
    for pattern in (_TOWN_AFTER_ROAD, _TOWN_AFTER_VENUE, _TOWN_BEFORE_TEAM):
        for m in _slot_matches(pattern, text):
            word = m.group("p")
            low = word.lower()
            if low in UK_PLACE_LOWER and not is_keep_word(word) \
                    and (pattern is _TOWN_BEFORE_TEAM or not (is_policing_word(word) or low in NOT_NAMES)) \
                    and low not in _DIRECTIONS and low not in ("the", "and", "of", "end"):
                yield _cand(*m.span("p"), Kind.PLACE, "town", -2)
    for m in _LOWER_HOSPITAL.finditer(text):
        if m.group("t") and m.group("t").lower() not in UK_PLACE_LOWER and m.group("t").lower() not in COUNTIES_LOWER:
            continue
        if m.group("w") and (m.group("w").lower() in _NOT_NAME_WORDS or m.group("w").lower() in ("district", "in")):
            continue
        yield _cand(*m.span("p"), Kind.PLACE, "hospital", -1)


def _tails(names: object) -> dict[str, list[re.Pattern[str]]]:
    """Names by their first word (as `_WORD_AT` reads it, lower case): the rest of each, longest first, as a pattern."""
    out: dict[str, list[re.Pattern[str]]] = {}
    for name in sorted(names, key=len, reverse=True):  # type: ignore[call-overload]
        low = name.lower().replace("’", "'")
        first = re.match(r"[a-z][a-z'-]*", low)
        if not first:
            continue
        rest = low[first.end():]
        tail = re.escape(rest).replace(r"\ ", r"[ \t]+").replace("'", "['’]")
        out.setdefault(first.group(), []).append(re.compile(tail + r"(?![\w'’&-])", re.IGNORECASE))
    return out


_CHAIN_TAILS = _tails({*RETAIL, *_BANKS, *(c.replace("'", "") for c in RETAIL if "'" in c)})
_NOUN_TAILS = _tails(_PREMISES_NOUNS)
# One look-up per word: (places, chains, trade nouns) starting with it.
_BY_FIRST_WORD: dict[str, tuple[list[re.Pattern[str]], ...]] = {
    w: (_PHRASE_TAILS.get(w, []), _CHAIN_TAILS.get(w, []), _NOUN_TAILS.get(w, []))
    for w in {*_PHRASE_TAILS, *_CHAIN_TAILS, *_NOUN_TAILS}}


def _word_pass(text: str) -> Iterator[Candidate]:
    """One scan of the words for three classes that start at a known word: places of several words on the UK list,
    chain shops and banks, and premises' trade nouns (three regex scans of long alternations cost three times more)."""
    phrase_end = chain_end = noun_end = 0
    for w in _WORD_AT.finditer(text):
        found = _BY_FIRST_WORD.get(w.group().lower().replace("’", "'"))
        if found is None:
            continue
        phrases, chains, nouns = found
        start = w.start()
        if start >= phrase_end:
            for tail in phrases:
                m = tail.match(text, w.end())
                if not m:
                    continue
                end = m.end()
                written = [x for x in text[start:end].split() if x.lower() not in _JOINING]
                if is_keep_word(text[start:end]):
                    break
                if not (all(x[:1].isupper() for x in written) or any(not is_ordinary(x) for x in written)
                        or _POSTCODE_AFTER.match(text, end) or _NEAR_BEFORE.search(text, max(0, start - 8), start)):
                    continue
                yield Candidate(start, end, Kind.PLACE, "pattern", _BASE + 4, subtype="town")
                phrase_end = end
                break
        if start >= chain_end:
            for tail in chains:
                m = tail.match(text, w.end())
                if m:
                    chain_end = m.end()
                    cand = _chain_at(text, start, m.end())
                    if cand:
                        yield cand
                    break
        if start >= noun_end and start >= 2 and text[start - 1] in " \t" and (text[start - 2].isalnum()
                                                                                 or text[start - 2] in "'’_"):
            for tail in nouns:
                m = tail.match(text, w.end())
                if m:
                    noun_end = m.end()
                    cand = _premises_at(text, start, m.end())
                    if cand:
                        yield cand
                    break


# "County Antrim", "Co. Limerick", "CO TYRONE": a county by its word, the name after it capitalised.
_COUNTY_WORD = re.compile(r"\b(?:County|COUNTY|Co\.?|CO\.?)[ \t]+(?P<p>[A-Z][a-z'’]+|[A-Z]{3,})(?![\w'’-])")
_IRISH_COUNTIES = frozenset("""antrim armagh down fermanagh londonderry derry tyrone carlow cavan clare cork donegal dublin
galway kerry kildare kilkenny laois leitrim limerick longford louth mayo meath monaghan offaly roscommon sligo tipperary
waterford westmeath wexford wicklow durham""".split())


def _counties(text: str) -> Iterator[Candidate]:
    for m in _COUNTY_WORD.finditer(text):
        name = m.group("p").lower()
        if name in _IRISH_COUNTIES or name in COUNTIES_LOWER or (name in UK_PLACE_LOWER and not is_ordinary(name)):
            yield _cand(m.start(), m.end(), Kind.PLACE, "county", 2)


# "lives The Old Forge, Bere Rd", "ADDRESS THE OLD FORGE, CHURCH LANE" ... "O/S AT OLD FORGE": a house's name where an
# address is given, before the street; then the same name again anywhere in the text.
_STREET_NOUNS = (r"road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|terrace|tce|gardens|gdns|grove|"
                 r"hill|square|sq|row|mews|parade|place|pl|court|ct|green|rise|walk|view|bank|brow|drove|end")
_HOUSE_NAME = re.compile(r"\b(?i:address(?:[ \t]+given)?|lives(?:[ \t]+at)?|living[ \t]+at|resides[ \t]+at|home)[ \t]*:?[ \t]+"
                         r"(?P<h>(?:(?i:the)[ \t]+)?[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,2}),[ \t]*"
                         r"(?=(?:\d{1,4}[A-Za-z]?,?[ \t]+)?[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,2}[ \t]+(?i:" + _STREET_NOUNS
                         + r")\b)")


_NOT_HOUSE_WORDS = frozenset("""given known unknown withheld confirmed provided below above recorded listed shown stated is
was as not at home with alone nearby locally""".split())


def _house_names(text: str) -> Iterator[Candidate]:
    names = []
    for m in _HOUSE_NAME.finditer(text):
        words = m.group("h").split()
        if any(ch.isdigit() for ch in m.group("h")) or any(
                is_keep_word(w) or w.lower() in _NOT_HOUSE_WORDS or w.lower() in NOT_NAMES - {"the", "old"} for w in words):
            continue
        yield _cand(*m.span("h"), Kind.ADDRESS, "address", 1)
        core = " ".join(w for w in words if w.lower() != "the")
        if len(core) > 4:
            names.append((core, m.end("h")))
    for core, after in names:
        pattern = r"(?<![\w'’-])" + r"[ \t]+".join(map(re.escape, core.split())) + r"(?![\w'’-])"
        for again in re.finditer(pattern, text[after:], re.IGNORECASE):
            yield _cand(after + again.start(), after + again.end(), Kind.ADDRESS, "address", 1)


# "POSS 'SONNY'", "2ND YOUTH "GRUFF" OUTSTANDING", "including 'Smudge' (real name", "called the other "tiny"": a
# quoted word where a person is guessed at or listed.
_QUOTED_AFTER_CUE = re.compile(r"\b(?i:poss|possibly|probably|youth|male|female|lad|he['’]s|she['’]s|including|incl|aka|"
                               r"a\.k\.a\.?|alias|nickname|the[ \t]+other|other[ \t]+lad|only[ \t]+say[ \t]+he['’]s)[ \t]+"
                               r"[\"“'‘](?P<n>[A-Za-z][\w'’-]{1,20})[\"”'’](?![\w])")


_OPEN_QUOTE_WORD = re.compile(r"(?<=[ \t])[\"“'‘][A-Za-z]")


def _quoted_nicknames(text: str) -> Iterator[Candidate]:
    for q in _OPEN_QUOTE_WORD.finditer(text):  # tried only before a quote that opens a word
        m = _QUOTED_AFTER_CUE.search(text, max(0, q.start() - 24), q.end() + 24)
        if not m or m.start("n") != q.end() - 1:
            continue
        word = m.group("n")
        if is_keep_word(word) or is_policing_word(word) or word.lower() in NOT_NAMES \
                or (word.islower() and is_ordinary(word) and word not in FIRST_NAME_LIST):
            continue  # "possibly 'drunk'": a quoted word of the narrative (a re-cased "'SONNY'" is a listed name)
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 3, key="nick:" + word.lower())


def find_places_nine(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development set 9."""
    return [*_word_pass(text), *_locative_places(text), *_lower_first_names(text), *_surname_first(text),
            *_lettered_units(text), *_named_places(text),
            *_any_case_pubs(text), *_addressed_names(text), *_towns_in_slots(text),
            *_counties(text), *_house_names(text), *_quoted_nicknames(text)]
