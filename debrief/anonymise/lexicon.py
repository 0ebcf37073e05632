"""The shipped word lists: ordinary English words, names of many cultures and UK places (SOURCES.md)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .gazetteer import ALL_PLACES, CAR_MAKES, FIRST_NAMES
from .keep import KEEP_WORDS
from .vocab import (MONTHS, NOT_NAMES, OTHER_ROLES, PLURAL_RANKS, RANKS, RELATIONS, STAFF_ROLES, TITLES,
                    WEEKDAYS)

_DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> frozenset[str]:
    return frozenset(w for w in (_DATA / name).read_text(encoding="utf-8").split("\n") if w)


ENGLISH: frozenset[str] = _load("english_words.txt")            # lower-case dictionary words
FIRST_NAME_LIST: frozenset[str] = _load("first_names.txt") | {n.lower() for n in FIRST_NAMES}
SURNAME_LIST: frozenset[str] = _load("surnames.txt")
NAME_LIST: frozenset[str] = FIRST_NAME_LIST | SURNAME_LIST
UK_PLACES: frozenset[str] = _load("uk_places.txt") | ALL_PLACES
UK_PLACE_LOWER: frozenset[str] = frozenset(p.lower() for p in UK_PLACES)
UK_PLACE_WORDS: frozenset[str] = frozenset(p.lower() for p in UK_PLACES if " " not in p)

# Capitalised words that are safe to print: countries, languages, faiths, brands, platforms, makes.
_EXTRA_SAFE = """
english welsh scottish irish british polish turkish romanian vietnamese nigerian somali kurdish
arabic urdu punjabi bengali tamil hindi portuguese spanish italian french german chinese albanian
lithuanian latvian hungarian czech slovak bulgarian ukrainian russian eritrean sudanese afghan
syrian iranian iraqi pakistani indian bangladeshi jamaican ghanaian european african asian
caribbean muslim christian jewish hindu sikh buddhist catholic protestant islam
instagram facebook tiktok snapchat telegram whatsapp twitter youtube google linkedin signal
paypal uber deliveroo amazon ebay gumtree iphone android samsung apple microsoft teams zoom
satnav what3words covid nhs uk england wales scotland ireland britain europe
corsa fiesta focus golf polo astra qashqai juke octavia clio ibiza transit sprinter yaris prius
civic micra mondeo kuga tiguan punto insignia zafira passat fabia sandero duster
brazilian colombian venezuelan mexican american canadian australian filipino thai malaysian indonesian japanese
korean egyptian moroccan algerian libyan tunisian ethiopian kenyan ugandan zimbabwean congolese cameroonian
senegalese gambian sierra leonean liberian ivorian angolan south sudanese yemeni saudi emirati kuwaiti jordanian
lebanese palestinian israeli turkish greek cypriot maltese dutch belgian swiss austrian danish swedish norwegian
finnish icelandic estonian croatian serbian bosnian kosovan slovenian macedonian montenegrin moldovan georgian
armenian azerbaijani kazakh uzbek tajik chechen belarusian nepali sri lankan tamil sinhalese burmese
cambodian laotian tibetan mongolian gypsy traveller romany romani roma sorani kurmanji pashto dari farsi persian
tigrinya amharic oromo swahili yoruba igbo hausa twi akan lingala wolof patois creole gaelic cymraeg welsh-speaking
makita dewalt bosch ryobi milwaukee hilti karcher stihl husqvarna nike adidas puma reebok gucci moncler
canada goose stone island trapstar barbour lacoste nintendo playstation xbox snapchat bitmoji
wechat weibo viber signal nokia motorola huawei xiaomi oppo muslims christians sikhs hindus jews
mr mrs ms miss mx dr sir madam
ukraine poland romania lithuania latvia estonia hungary czechia slovakia bulgaria albania kosovo serbia croatia
bosnia slovenia macedonia montenegro moldova belarus russia greece cyprus malta italy spain portugal france germany
belgium netherlands holland luxembourg switzerland austria denmark sweden norway finland iceland afghanistan
pakistan bangladesh iran iraq syria yemen eritrea ethiopia somalia sudan nigeria ghana egypt morocco algeria libya
tunisia zimbabwe uganda tanzania congo cameroon senegal gambia angola vietnam cambodia thailand malaysia indonesia
philippines japan korea mongolia nepal brazil colombia venezuela mexico australia usa barbados trinidad peppa
"""
# The dictionary's own capitalised words are not trusted: many are people ("Zebedee") or places.
SAFE_PROPER: frozenset[str] = (frozenset(_EXTRA_SAFE.split())
                               | frozenset(m.lower() for m in CAR_MAKES))

# Control-room and custody shorthand, safe in any case ("rp", "dob", "nfa", "misper").
ABBREVIATIONS: frozenset[str] = frozenset("""
dob rp eta nfa obs ip ob vrm reg enroute w/s ofc ofcs dp sus misper mispers asb dv da ftr nok smd
rv tpac atl lol ncs rfa wef asap pls u/k unk approx hrs mins secs yo yrs ref refs info intel ic ics
bwv cad mops mop ooh oic pol sgt insp supt ps pc dc ds di dci pcso hcp fme dso ddo amhp aa
cst const coastguard rpu polsa nrm mccd yos cawn cawns arv arvs las wmas nwas swast yas emas eeast
secamb scas ambo ambos livescan intoxilyser intoximeter drager drugalyser drugwipe cmdr hi vis psu tsg
ocg ocgs cid moj hmp yoi sarc isva idva camhs ppn vpu dsp ctsfo dsu ops mh mhu rcrp hbpos ecr abc
ssn cse cce ucm sfr mg11 mg5 bail rui nfa cctv anpr abe vrr tic pnd npt snt sno chis ris
gowisely hoto pip tfc pca dvpn dvpo marac dash mash brag nhs pcc ipcc iopc hmicfrs cps cjs fpn pnd
nicl niche athena storm smartstorm control ssm mops tasered pava'd cs'd
veh vehs desc amb vid coll nps msht yp yps anon crimint circs trojan medic medics tue tues wed weds
thu thur thurs fri sat sun hems ppe mod oos o/s c/o s/w pm am eod
sfrs nifrs nyfrs wyfrs syfrs gmfrs lfb mfrs frs fire hmcg rnli npas prra sas ncpt nhpt nfd lgbt lgbtq lgbtqi iag
keyholder keyholders handover throwline throwlines speedcuffs
addr susp susps stmt stmts twd twds loc locn nmo rnmo mtb poss vic vics wit wits inj injs attd attnd enq enqs
reqd recd ack hosp rtc rta dept dets descr lhs rhs nb nr opp ext int tel mob rel bf gf ems
wast nias neas iwas gwas sjas auth occ occs insta tmrw tmw req reqs sia
gangmaster gangmasters packhouse co-worker co-workers soco glaa fae
meds comms chippy chippie tacad tac-ad helimed nhs111 sitrep sitreps wk wks mth mths soc lefel oapa cypa cjpoa sopo sohpo asbo cbo
spr w3w tracksuit tracksuits trackies balaclava hoodie hoody puffer joggers trainers beanie snood gilet parka bodywarmer hi-vis holidaymaker holidaymakers seafront hypothermic
""".split())

# Words of the policing narrative that are safe even capitalised: ranks, roles, kept terms, months.
_POLICING = frozenset(
    w.lower() for phrase in (*ABBREVIATIONS, *RANKS, *PLURAL_RANKS, *TITLES, *STAFF_ROLES, *OTHER_ROLES, *RELATIONS, *MONTHS, *WEEKDAYS)
    for w in phrase.replace("/", " ").split()
) | NOT_NAMES | frozenset(w for term in KEEP_WORDS for w in term.split()
                        # "Osman warning" keeps the phrase, not every Osman: a name's word is safe only in the phrase
                        if " " not in term or w not in NAME_LIST or w in ENGLISH)


_SUFFIXES = ("isations", "isation", "izations", "ization", "ments", "ment", "ness", "ably", "able", "ible",
             "ings", "ing", "ised", "ized", "ises", "izes", "ers", "est", "ied", "ies", "ed", "er", "es",
             "ly", "s", "d")
# Regular forms of a policing word ("handovers", "debriefed", "Tasering") are as ordinary as the word.
_POLICING_FORMS = frozenset(("s", "es", "ed", "d", "ing", "ings"))
_PREFIXES = ("re", "un", "pre", "non", "dis", "mis", "over", "under", "self-", "co", "de", "anti", "post",
             "sub", "multi", "inter", "counter", "out", "mid")


@lru_cache(maxsize=65536)
def _stem_known(low: str) -> bool:
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            base = low[:-len(suffix)]
            if base in ENGLISH or base + "e" in ENGLISH or base + "y" in ENGLISH or (
                    len(base) > 3 and base[-1] == base[-2] and base[:-1] in ENGLISH) or (
                    suffix in _POLICING_FORMS and base in _POLICING):  # "Handovers", "debriefed"
                return True
    for prefix in _PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 4:
            rest = low[len(prefix):].lstrip("-")
            if rest in ENGLISH or _stem_known_suffix_only(rest):
                return True
    return False


def _stem_known_suffix_only(low: str) -> bool:
    return any(low.endswith(s) and len(low) - len(s) >= 3 and (low[:-len(s)] in ENGLISH or
                                                              low[:-len(s)] + "e" in ENGLISH)
               for s in _SUFFIXES)


_CONTRACTION = re.compile(r"['’](?:d|ll|ve|re|m)$")
_PRONOUNS = frozenset("i you he she it we they there that who what".split())


@lru_cache(maxsize=65536)  # pure in the word; asked for the same words in every passage
def is_ordinary(word: str) -> bool:
    """A dictionary word (or a regular form of one: "anonymised", "reassignment") or a policing word."""
    low = _CONTRACTION.sub("", word.lower())  # "She'd", "They'll", "I'm": a pronoun and its verb
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if low in ENGLISH or low in _POLICING:
        return True
    if "-" in low:
        if low.replace("-", "") in ENGLISH:
            return True  # "co-ordination", "re-entry": a dictionary word written with its hyphen
        # "Taser-trained", "TPAC-authorised": a policing word and a regular form of a dictionary word.
        return all(part in ENGLISH or part in _POLICING or (len(part) >= 5 and _stem_known(part))
                   for part in low.split("-") if part)
    return len(low) >= 6 and _stem_known(low)


@lru_cache(maxsize=65536)  # pure in the word; asked for the same words in every passage
def is_safe_capitalised(word: str) -> bool:
    """Whether a capitalised word mid-sentence may stay: policing vocabulary or a safe proper word.

    A dictionary word that is also a name or a UK place ("Grant", "Reading") is not safe here.
    """
    low = word.lower()
    if _CONTRACTION.search(low) and _CONTRACTION.sub("", low) in _PRONOUNS:
        return True
    if low in _POLICING or low in SAFE_PROPER:
        return True
    if low in NAME_LIST or low in UK_PLACE_WORDS:
        return False
    if "-" in low and low.replace("-", "") in ENGLISH and low.replace("-", "") not in NAME_LIST:
        return True  # "Co-ordination": a dictionary word written with its hyphen
    if "-" in low and low.strip("-"):
        # "Taser-trained": every part a policing word or an ordinary word that is no name or place.
        return all(p in _POLICING or p in SAFE_PROPER or (p not in NAME_LIST and p not in UK_PLACE_WORDS and (
            p in ENGLISH or (len(p) >= 5 and _stem_known(p)))) for p in low.split("-") if p)
    # "(Resourcing team; open)": a regular form of a dictionary word that is no name or place is a word too.
    return low in ENGLISH or (len(low) >= 6 and _stem_known(low))


def is_name_word(word: str) -> bool:
    return word.lower() in NAME_LIST


def is_policing_word(word: str) -> bool:
    """A rank, title, role, kept operational term, month or a word listed as never a name."""
    return word.lower() in _POLICING
