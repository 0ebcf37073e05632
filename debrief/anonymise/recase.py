"""Case-blind text: a line written all in capitals or all in lower case is re-cased, offsets kept,
so that names and places (words not in the dictionary) stand out again as capitalised words."""
from __future__ import annotations

import re
from operator import itemgetter

from .forces import SHORT_FORMS
from .keep import KEEP_TERMS
from .lexicon import ENGLISH, FIRST_NAME_LIST, NAME_LIST, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary
from .vocab import MONTHS, OTHER_ROLES, RANKS, RELATIONS, STAFF_ROLES, TITLES, WEEKDAYS

_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
# Addresses, handles and references keep their letters as written: "x@y.com", "Cheg_HD5", "dai.fish99".
# A slash protects only a token with a digit, a dot or a double slash ("lane/brasshouse" is two streets).
_PROTECT = re.compile(r"\S*@\S*|(?<!\S)(?=\S*(?:\d|\.|//))\S*/\S*|\S+\.(?:com|co\.uk|uk|org|net|me|io)\b\S*|"
                      r"(?:\w+\.){2}\w+|\w*_\w+|\w+\.\w*\d\w*")
# A clock time with its half of the day stays as the line now reads ("since 6pm", not "6PM": the time layer reads
# "am"/"pm" in lower case only).
_ALNUM = re.compile(r"\b(?!\d{1,2}(?:am|pm)\b)(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+\b")
_OPENING = re.compile(r"(?:^|[.!?]\s+)[\"“‘'(]?([A-Za-z])")
_VRM_TAIL = re.compile(r"(\b[A-Za-z]{2}\d{2}\s)([A-Za-z]{3})\b")
_STOP = frozenset("said says told asked went came got had has have did does not no yes he she they it "
                  "we you i me him them us who what when where which why how all any some".split())
_CANON: dict[str, str] = {}
for _phrase in (*RANKS, *TITLES, *MONTHS, *WEEKDAYS, *SHORT_FORMS,
                *(t for t in KEEP_TERMS if t.isupper())):
    for _w in re.findall(r"[A-Za-z]+", _phrase):
        if len(_w) > 1 and (_w.lower() not in _CANON or _w.isupper()):
            _CANON[_w.lower()] = _w
for _w in ("may", "march", "will", "mark", "sun", "sat", "wed"):  # verbs and words before names
    _CANON.pop(_w, None)
for _w in list(_CANON):
    if _CANON[_w].islower():
        del _CANON[_w]
_FUNCTION = frozenset(
    "the a an to on in at of and or down up along into onto from near by off his her their its our my "
    "your was were is are be been as for with then than that this these those there here after before "
    "outside inside behind opposite past via towards toward local nearest same car multi storey".split()
)
_SUFFIXES = frozenset(
    "road rd street lane avenue ave crescent terrace gardens grove mews drive parade boulevard "
    "hospital infirmary school academy college university station surgery chapel church mosque "
    "centre center stores takeaway grill inn arms tavern estate park hotel harbour pier square farm quay "
    "mill mills ave cres gdns ct market mall marina wharf barrage st hill banks staith esplanade promenade "
    "court end island islands bypass".split()
)
# "the garage nightclub", "hafren vets": the words before a premises noun are its name; the noun stays lower.
_PREMISES_NOUNS = frozenset("pub nightclub club bar vets cafe restaurant bistro salon barbers".split())
_PLACE_CUES = frozenset("in at near nr from towards toward twd twds outside via into".split())
# What people go "to" or are "at" that is also a village somewhere: never read as the place.
_NOT_PLACE_OBJECTS = frozenset("church chapel school college work home court hospital station prison university "
                               "sea bed town city hand time".split())
# The lower-case words of the anonymiser's own replacements ("a pub", "a main road", "an address", "the venue").
_REPLACEMENT_WORDS = frozenset("""a an the pub street road main town city venue estate address place shop building park
station hospital school club hotel centre flat river district business bridge region court suite custody unit site
railway port premises takeaway community group football magistrates' beach roundabout bar salon restaurant
registration reference number phone email online account postcode date birth in their his her teens twenties
thirties forties fifties sixties seventies eighties nineties young older teenage early late mid evening morning
afternoon night hours day one that time around person""".split())
# "a main road", "the back lane": generic words before a street word name no street.
_GENERIC_NAMED = frozenset("a an the main back side slip service access private local busy quiet same other country dual "
                           "nearby main".split())
_WEAK_SUFFIXES = frozenset("court end island islands bypass".split())
_FORCE_CODES = frozenset(f.upper() for f in SHORT_FORMS if f.isupper() or len(f) <= 5)
_PARTICLES = frozenset("ni nic ui mhic ua o mac".split())
_STREET_WORDS = frozenset("road rd street st lane ln avenue ave close drive dr way crescent terrace gardens place court "
                          "grove hill square row mews parade view".split())
_POSTCODE_AFTER = re.compile(r",?\s+[A-Za-z]{1,2}\d[A-Za-z\d]?(?:\s*\d[A-Za-z]{2})?\b")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)\n-]|$|(?:stn|station|area|town|centre|city)\b)")
_MONTH_WORDS = frozenset(m.lower() for m in MONTHS)
_DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())
_AGE_NEXT = re.compile(r",?\s*\(?\d{1,2}\b(?![:.]\d)")
_TITLE_CUES = frozenset("mr mrs ms miss mx dr".split())
_RANK_CUES = frozenset("pc pcso ps sgt dc ds di dci insp supt cst const".split())
_PAST_VERBS = frozenset("saw spoke took made gave got put ran sat found left told kept met heard felt brought caught "
                        "held stood sent drove came went was had did said then also now and now again only not".split())
# "SECURITY GUARD DELROY", "CALL HANDLER SAM": the role's last word is no part of the name after it.
_ROLE_PAIRS = frozenset(r.lower() for r in (*RELATIONS, *STAFF_ROLES, *OTHER_ROLES) if r.count(" ") == 1)
_CUES = frozenset(
    w.lower() for w in (*TITLES, *RANKS, *RELATIONS, *STAFF_ROLES, *OTHER_ROLES, "called", "named",
                        "caller", "rp", "aka", "as", "name")
    if " " not in w
)


def mode(line: str) -> str:
    """'upper' or 'lower' for a line written (mostly) in one case, else ''."""
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    if len(words) < 4:
        return ""
    # Counted by C loops (map), not generator steps: a passage's words are counted twice or more.
    upper = sum(map(str.isupper, words))
    # "MALE SHOUTING OUTSIDE THE pub, a street": the anonymiser's own lower-case words leave a capital line capital.
    ours = sum(map(_REPLACEMENT_WORDS.__contains__, words))
    if upper >= 0.7 * len(words) or (ours and upper >= 0.7 * (len(words) - ours) and upper >= 4):
        return "upper"
    capital = sum(map(str.isupper, map(itemgetter(0), words)))
    if len(words) >= 8 and capital <= 0.05 * len(words):
        # Prose whose sentences open with a capital ("A man was...") is not a lower-case log.
        openings = _OPENING.findall(line)
        if openings and sum(o.isupper() for o in openings) * 2 > len(openings):
            return ""
        return "lower"
    return ""


def _capitalise(word: str) -> str:
    out = re.sub(r"(^|['-])([a-z])(?!(?<=['’]s)\b)", lambda m: m.group(1) + m.group(2).upper(), word.lower())
    return re.sub(r"^(Ma?c)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out) if len(out) > 4 else out


def _recase_word(word: str, prev: str, prev_out: str, how: str) -> str:
    low = word.lower()
    if low in _FUNCTION or low in _STOP:
        return low
    if low in _CANON:
        return _CANON[low]
    if how == "upper" and len(word) <= 3 and low not in ENGLISH and low not in NAME_LIST:
        return word  # an acronym ("RP", "NFA") stays as written
    if is_ordinary(low) or all(is_ordinary(p) for p in low.split("-")):
        # "sister rose", "aysha khan", "pcso firth": a name word after a naming cue or after a name;
        # "MR HEAL", "WILLIAM HEAL": after a title or a first name, any word not a verb form.
        if (low in NAME_LIST and prev in _CUES and low not in _PAST_VERBS) or (
                low in NAME_LIST and prev_out[:1].isupper() and prev_out[1:].islower()):
            return _capitalise(word)
        if len(low) >= 3 and not low.endswith(("s", "ed", "ing")) and (
                prev in _TITLE_CUES or (prev in _RANK_CUES and low not in _PAST_VERBS) or (prev_out.lower() in FIRST_NAME_LIST and prev_out[:1].isupper()
                                        and prev not in _CANON)):
            return _capitalise(word)
        return low
    if len(word) <= 2:
        return low
    return _capitalise(word)


_POSSESSIVE = re.compile(r"['’]s?$")


def _recase_line(line: str, how: str, names: frozenset[str] = frozenset()) -> str:
    chars = list(line)
    words = list(_WORD.finditer(line))
    protected: list[tuple[int, int]] = []
    protected += [m.span() for m in _PROTECT.finditer(line)]
    words = [m for m in words if not any(a <= m.start() < b for a, b in protected)]
    out: list[str] = []
    prev, last_end = "", 0
    for m in words:
        joined = bool(out) and line[last_end:m.start()] == " "
        new = _capitalise(m.group()) if names and _POSSESSIVE.sub("", m.group().lower()) in names \
            else _recase_word(m.group(), prev, out[-1] if joined else "", how)
        out.append(new)
        prev, last_end = m.group().lower(), m.end()
    # "robson, 41, of walker": a listed place where someone of a given age lives.
    for i in range(1, len(words)):
        if out[i].islower() and words[i - 1].group().lower() == "of" and words[i].group().lower() in UK_PLACE_LOWER \
                and re.search(r"\d[,)]?\s+$", line[:words[i - 1].start()]):
            out[i] = _capitalise(words[i].group())
    # "MENDES CARVALHO": a listed name word just before a word re-cased as a name is part of that name.
    for i in range(len(words) - 2, -1, -1):
        low = words[i].group().lower()
        nxt = out[i + 1]
        if out[i].islower() and len(low) >= 3 and low in NAME_LIST and low not in _FUNCTION and low not in _STOP \
                and not (i > 0 and f"{words[i - 1].group().lower()} {low}" in _ROLE_PAIRS) \
                and line[words[i].end():words[i + 1].start()] == " " and nxt[:1].isupper() and nxt[1:].islower() \
                and not is_ordinary(nxt) and nxt.lower() not in _CANON:
            out[i] = _capitalise(words[i].group())
    # "ex = lee marsh, 38": a first name and a surname before an age are a person, though both are words.
    for i in range(len(words) - 1):
        if out[i].islower() and out[i + 1].islower() and line[words[i].end():words[i + 1].start()] == " " \
                and words[i].group().lower() in FIRST_NAME_LIST and words[i + 1].group().lower() in SURNAME_LIST \
                and words[i].group().lower() not in _FUNCTION | _STOP and _AGE_NEXT.match(line, words[i + 1].end()) \
                and (i == 0 or words[i - 1].group().lower() not in _DETERMINERS):
            out[i], out[i + 1] = _capitalise(words[i].group()), _capitalise(words[i + 1].group())
    # "CST NI BHRIAIN", "ms orla ni ghallchobhair": an Irish or Scottish particle before a name is part of it.
    for i in range(len(words) - 1):
        nxt = out[i + 1]
        if words[i].group().lower() in _PARTICLES and line[words[i].end():words[i + 1].start()] == " " \
                and nxt[:1].isupper() and nxt[1:].islower() and not is_ordinary(nxt) and nxt.lower() not in _CANON:
            out[i] = _capitalise(words[i].group())
    # "nr eye", "in diss", "to tooting bec stn": a listed place after a locative, though its words are ordinary.
    for i in range(1, len(words)):
        cue = words[i - 1].group().lower()
        gap = line[words[i - 1].end():words[i].start()]
        # "HIGH ST, WELLS": the town after a street and its comma.
        after_street = gap == ", " and cue in _STREET_WORDS
        if not out[i].islower() or not (after_street or (gap == " " and (cue in _PLACE_CUES or cue == "to"))):
            continue
        for n in (3, 2, 1):
            phrase = words[i:i + n]
            if len(phrase) < n or any(line[a.end():b.start()] != " " for a, b in zip(phrase, phrase[1:])):
                continue
            low = " ".join(w.group().lower() for w in phrase)
            # "to send": after "to" only a phrase that ends the clause or names a station is a place.
            if (cue == "to" or after_street) and not _CLAUSE_END.match(line, phrase[-1].end()) \
                    and not _POSTCODE_AFTER.match(line, phrase[-1].end()):
                continue
            if low in UK_PLACE_LOWER and low not in _NOT_PLACE_OBJECTS and not (
                    low in _MONTH_WORDS and re.match(r"\s*\d", line[phrase[-1].end():])):
                for k in range(i, i + n):
                    out[k] = _capitalise(words[k].group())
                break
    # "log 0733 staffs 2024-12-01 stoke", "TVP READING - LOG 1544": a listed place heading a log, after its date or
    # after a force's short name, though the place is an ordinary word.
    for i, m in enumerate(words):
        low = m.group().lower()
        if not out[i].islower() or low not in UK_PLACE_LOWER or low in _NOT_PLACE_OBJECTS or low in _MONTH_WORDS:
            continue
        before = line[:m.start()]
        at_end = not line[m.end():].strip()
        after_force = i > 0 and words[i - 1].group().upper() in _FORCE_CODES and before.endswith(" ")
        if (at_end and re.search(r"\d[\d/.-]*\d\s+$", before)) or (after_force and re.match(r"\s*[-–:,]", line[m.end():])):
            out[i] = _capitalise(m.group())
    # "manor lane", "royal glamorgan hospital": a street or venue word and the words naming it.
    for i, m in enumerate(words):
        noun = m.group().lower()
        if (noun not in _SUFFIXES and noun not in _PREMISES_NOUNS) or i == 0:
            continue
        named = []
        j = i - 1
        while j >= 0 and len(named) < 3:
            low = words[j].group().lower()
            if low in _FUNCTION or line[words[j].end():words[j + 1].start()].strip(" ") or len(low) < 2:
                break
            named.append(j)
            j -= 1
        if named and all(words[k].group().lower() in _GENERIC_NAMED for k in named):
            continue  # "a main road": the anonymiser's own words, or any generic street
        if named and noun in _WEAK_SUFFIXES and all(is_ordinary(words[k].group()) for k in named):
            continue  # "ROAD END", "TENNIS COURT": a place noun after ordinary words only
        if named and noun in _PREMISES_NOUNS:
            for k in named:
                out[k] = _capitalise(words[k].group()) if out[k].islower() else out[k]
            out[i] = noun
        elif named:
            for k in (*named, i):
                out[k] = _capitalise(words[k].group()) if out[k].islower() or (k == i and out[k].isupper()) \
                    else out[k]
    for m, new in zip(words, out):
        chars[m.start():m.end()] = new
    text = "".join(chars)
    # Registrations, postcodes and references are written in capitals whatever the line's case.
    # "yh19 kzt": the letters after a mixed token are the rest of the registration.
    text = _VRM_TAIL.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _ALNUM.sub(lambda m: m.group() if any(a <= m.start() < b for a, b in protected)
                      else m.group().upper(), text)


def recase(text: str, names: frozenset[str] = frozenset()) -> str:
    """The text with its all-capitals and all-lower-case lines re-cased; same length and offsets. A word of `names`
    (the form's people, lower case, accents folded) is re-cased as a name: "LEE HAS NOT EATEN", "ken found by pc
    cook" are the listed Lee and Ken, whose names are also words."""
    overall = mode(text)  # a short line of a lower-case log is lower-case too
    lines = text.split("\n")
    # A text of one line is its own line: its mode is not worked out twice.
    modes = {text: overall}

    def mode_of(line: str) -> str:
        found = modes.get(line)
        if found is None:
            found = modes[line] = mode(line)
        return found

    if text.isascii() and not overall and not any(mode_of(line) for line in lines):
        return text

    def line_mode(line: str) -> str:
        own = mode_of(line)
        if own or not overall:
            return own
        words = [w for w in _WORD.findall(line) if len(w) > 1]
        fits = all(w.islower() for w in words) if overall == "lower" else all(w.isupper() for w in words)
        return overall if fits else ""

    return "\n".join(_recase_line(line, how, names) if (how := line_mode(line)) else line for line in lines)
