"""Structured identifiers beyond the UK patterns: handles and profile URLs, three-word addresses,
international phones, prefixed collars, mixed letter-digit codes, long numbers, lone ordinals."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gates import plain_ascii
from .phrases import RANK_AT, finditer_at, has_any
from .vocab import RANK_RE

_BASE = PRIORITY["pattern"]
_TLD = r"(?i:com|co\.uk|org\.uk|me|org|net|io|tv|gg|ly|uk|app|link|bio)"
_URL = re.compile(
    r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+"
    r"|\b(?:[A-Za-z0-9-]+\.)+" + _TLD + r"/[^\s<>\"')\]]*"
)
_TLD_SLASH = re.compile(r"\." + _TLD + r"/")
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_PLATFORM = r"(?i:snapchat|instagram|insta|tiktok|twitter|x|facebook|telegram|whatsapp|threads|youtube|twitch|discord|kik)"
_HANDLE_BEFORE = re.compile(r"(?<![\w@])(?P<h>[A-Za-z0-9_]*[._][A-Za-z0-9_.]*[A-Za-z0-9_])\s+(?i:on)\s+" + _PLATFORM + r"\b")
_HANDLE_AFTER = re.compile(
    r"\b(?:" + _PLATFORM + r"\s+(?i:as|name|handle|account|user(?:name)?|profile)?|(?i:username|user\s+name|"
    r"handle|account\s+name|profile\s+name|gamertag))\s*(?:[:\-]|(?i:is|was|of))?\s*[\"“‘']?"
    r"(?P<h>@?[A-Za-z0-9_]*[._0-9][A-Za-z0-9_.]*[A-Za-z0-9_])"
)
# Whether a text names a platform or a user name: written as
# (?i:snapchat|instagram|insta|tiktok|twitter|\bx\b|facebook|telegram|whatsapp|threads|youtube|twitch|discord|kik|
# username|user name|handle|account name|profile name|gamertag), but opening with a character class (the first
# letters, with the non-ASCII letters IGNORECASE also matches) so the regex engine skips ahead by class.
_HANDLE_HINT = re.compile(
    "[aAdDfFgGhHiI\u0130\u0131kK\u212apPsS\u017ftTuUwWxXyY]"
    r"(?:(?<=[sSſ])(?i:napchat)|(?<=[iIİı])(?i:nsta)|(?<=[tT])(?i:iktok|witter|elegram|hreads|witch)"
    r"|(?<=[xX])(?<!\w[xX])(?!\w)|(?<=[fF])(?i:acebook)|(?<=[wW])(?i:hatsapp)|(?<=[yY])(?i:outube)"
    r"|(?<=[dD])(?i:iscord)|(?<=[kKK])(?i:ik)|(?<=[uU])(?i:sername|ser name)|(?<=[hH])(?i:andle)"
    r"|(?<=[aA])(?i:ccount name)|(?<=[pP])(?i:rofile name)|(?<=[gG])(?i:amertag))"
)
# The same question of a plain ASCII text (gates.plain_ascii), where no other letter can stand for an ASCII one: the
# words looked for in its lower case, and a lone "x" by a pattern that skips to "x" (the pattern above enters its
# branches at about half the letters of a text).
_HANDLE_WORDS = ("snapchat", "insta", "tiktok", "twitter", "telegram", "threads", "twitch", "facebook", "whatsapp",
                 "youtube", "discord", "kik", "username", "user name", "handle", "account name", "profile name",
                 "gamertag")
_LONE_X = re.compile(r"[xX](?<!\w[xX])(?!\w)")


def handle_hint(text: str) -> bool:
    """Whether the text names a platform or a user name (`_HANDLE_HINT.search(text)`)."""
    if plain_ascii(text):
        return has_any(text, _HANDLE_WORDS) or bool(_LONE_X.search(text))
    return bool(_HANDLE_HINT.search(text))


# "Snap: jaydenxx", "TikTok user 'bigmike'", "snapchat username deeboi", a quoted handle after a platform.
_HANDLE_CUED = re.compile(
    r"\b(?:" + _PLATFORM + r"|(?i:snap|ig|fb|tt))(?:(?:\s+(?i:user(?:name)?|name|handle|account|profile|as|called|"
    r"story\s+from))+\s*[:\-]?|\s*[:\-]|\s+(?i:is|was)|(?=\s*[\"“‘']))\s*(?P<q>[\"“‘'])?(?P<h>@?[A-Za-z0-9_.]{3,30})(?(q)[\"”’'])"
)
_HANDLE_STOP = frozenset("the and a an to was is on in at of for from with account profile page story video "
                         "message messages post posts and or but he she they his her their it that this "
                         "which where when who group chat call calls app".split())
_QUOTED_HANDLE = re.compile(r"[\"“](?P<h>[a-z0-9_.]*[0-9_.][a-z0-9_.]*[a-z0-9]|[a-z]{4,}(?:z|x|xx|boi|gal|official))[\"”]")
_UNDERSCORED = re.compile(r"(?<![\w@.])[A-Za-z0-9]+_[A-Za-z0-9_]+\b")
_W3W = re.compile(r"(?:(?<![\w/])///\s?|(?<![\w@./]))[a-z]{2,}\.[a-z]{2,}\.[a-z]{2,}(?![\w@/-]|\.[a-z])")
_W3W_SLASHES = re.compile(r"(?<![\w/])///\s?[^\W\d_]{2,}\.[^\W\d_]{2,}\.[^\W\d_]{2,}(?![\w])")
_W3W_CUED = re.compile(
    r"(?i:what\s?3\s?words|what\s+three\s+words|w3w)[\s:,\-]*(?:(?i:ref|reference|location|address|is|was|of|"
    r"at|gives|given|shows?|showed|=)[\s:,\-]+){0,3}['\"“‘]?(?P<w>[^\W\d_]{2,}\.[^\W\d_]{2,}\.[^\W\d_]{2,})(?![\w])"
)
_NOT_W3W_END = re.compile(r"\.(?:com|uk|org|net|me|io|gov|nhs|police|co|ac|tv|info)$")
# Not across a line break: "24/0031558\n23:14" is a reference, then a log line's time.
_INTL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ \t.-]?(?:\(\d{1,4}\)[ \t.-]?)?\d(?:[ \t.-]?\d){5,13}(?![\w])")
_SPOKEN_EMAIL = re.compile(r"\b[\w.+-]+\s+(?:at|\[at\]|\(at\))\s+[\w-]+(?:\s+(?:dot|\[dot\]|\(dot\))\s+\w+)+",
                           re.IGNORECASE)
# Northern Irish: "KIG 1234" (on one line: "FOR CSI\n16:31" is a word and a log's time)
_NI_VRM = re.compile(r"\b[A-Z]?(?:[A-HJ-Z][IZ]|[IZ][A-HJ-Z])[ \t]?\d{1,4}\b")
_DOTTED_TIME = re.compile(r"\b(?P<pre>(?i:at|by|until|from|around|about|approx\.?)\s+)(?P<t>(?P<h>[01]?\d|2[0-3])\.[0-5]\d)\b(?![.\d])")
# An IP address (IPv4, each part 0-255; or IPv6 with at least three groups and a "::" or all eight): it traces a
# person as surely as a handle does. Dotted dates have three parts, version numbers rarely four of 0-255.
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IP_ADDRESS = re.compile(r"(?<![\w.])" + _OCTET + r"(?:\." + _OCTET + r"){3}(?![\w]|\.\d)"
                         r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])"
                         r"|(?<![\w:])(?=[0-9A-Fa-f:]*::)(?:[0-9A-Fa-f]{1,4}:{1,2}){2,6}[0-9A-Fa-f]{1,4}(?![\w:])")
_NUMBERED_PART = re.compile(r"\b(?i:section|s|para(?:graph)?|clause|chapter|appendix|version|v|step|rule|part)\.?\s*$")
_PREFIXED_COLLAR = re.compile(r"\s?\(\s*(?P<num>[A-Z]{1,3}\s?\d{2,6}[A-Z]{0,2})\s*\)")
_NAME_NEXT = re.compile(r"\s+([A-Z][a-z][A-Za-z'’-]*|[A-Z]\.(?=\s*[A-Z]))")
_RANK_PREFIXED = re.compile(r"(?<![\w/])(?:" + RANK_RE + r")\.?\s(?P<num>[A-Z]{1,3}\s?\d{3,6})\b")
# Force codes written with a collar number: "NWP 2907", "MP 87342", "NP4412", "3318 NW", "2231 WY".
_FORCE_CODES = (r"MPS|MP|MET|NWP|NP|GMP|GM|WMP|WM|WYP|WY|SYP|SY|NYP|NY|TVP|TV|BTP|DPP|DP|SWP|NW|SW|WP|"
                r"PSNI|KP|EP|HC|LC|CC|CP|SP|WMC")
_CODE_COLLAR = re.compile(
    r"(?<![\w/])(?:(?:" + _FORCE_CODES + r")\s?\d{3,6}(?:\s?[A-Z]{2}\b(?![a-z]))?"
    r"|\d{3,6}\s?(?:" + _FORCE_CODES + r"))\b(?![a-z'’])"
)
_MIXED = re.compile(r"(?<![\w@.])(?=[A-Za-z/-]*\d)(?=[\d/-]*[A-Za-z])[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*\b(?!@)")
# Codes that say what happened, not who: sections of Acts, kit models, ordinals, units and roads.
_SAFE_MIXED = re.compile(
    r"(?i:s\.?\d{1,3}[a-z]?|x\d{1,3}|t\d|\d+(?:st|nd|rd|th)|\d+(?:am|pm|hrs?|mph|kph|km|kg|mg|ml|cm|mm|m|"
    r"s|h|x|ft|in|yrs?|k|g|p|mins?|secs?|d)|covid-19|what3words|a&e|4x4|24/7|g4s|mp\d|[mab]\d{1,4}(?:\(m\))?|[a-z]\d|"
    r"v\d+|level\d|grade\d|\d+g|\d{1,2}-\d{1,2}|\d+-year-olds?|\d+s|\d(?:x\d){1,3}|[a-e]\d(?:[a-e]?\d)?|mg\d{1,2}[a-z]?|"
    # "6FT4" (a height), "5-second" (a duration), "DO2" (detention officer 2), "w3w"
    r"\dft\d{1,2}|\d+-(?:second|minute|hour|day|week|month|mile|metre|foot|inch)s?|do\d|w3w)"
)
_RANK_NUMBER = re.compile(r"(?:PC|PS|DC|DS|SC|DI|TDC|PCSO|Sgt|SGT|Insp)\d{2,6}[A-Z]{0,2}")  # the collar rules' own
_LONG_NUMBER = re.compile(r"(?<![£$€\d.,:/-])\b\d{4,}\b(?![.,:]\d)(?!\s*(?:%|per\b|metres|meters|miles|"
                          r"people|officers|calls|pounds|hours|minutes|seconds|m\b|km\b|yards|feet|hrs|hours))")
_LOG_TIME = re.compile(r"(?m)^(?P<t>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d))\b(?=\s|:)")
_ORDINAL = re.compile(
    r"(?P<pre>\b(?i:on|by|until|from|since)\s+)?\b(?:[Tt]he\s+|(?<=[Oo]n )|(?<=[Bb]y )|(?<=[Uu]ntil ))(?P<d>\d{1,2}(?:st|nd|rd|th))\b"
    r"(?!\s+(?:floor|time|call|occasion|attempt|officer|day|week|month|year|of|person|minute|hour|storey|"
    r"[A-Z]))"
)
# Any other ordinal is a day of the month unless a noun after it says otherwise ("3rd party").
_ANY_ORDINAL = re.compile(
    r"(?<![\w/£.])(?P<d>(?:[12]?\d|3[01])(?i:st|nd|rd|th))\b(?![/-]\d)"
    r"(?!\s+(?i:floor|time|call|occasion|attempt|officer|day|week|month|year|of|person|minute|hour|storey|party|"
    r"class|hand|line|gear|degree|place|half|round|lap|team|set|stage|phase|check|visit|interview|arrest|"
    r"offence|warning|dose|shift|birthday|century|anniversary|generation|grade|form|battalion|regiment|most|"
    r"largest|biggest|option|stop|cell|door|house|car|vehicle|unit|patrol|crew|man|male|suspect|pc|one|an?)\b)"
)


# Every ordinal either pattern can find has a digit and its suffix: without one in the text, neither is run.
_ORDINAL_HINT = re.compile(r"\d(?i:st|nd|rd|th)")


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str = "") -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in ".,;:!?'\"’”":
        end -= 1
    return start, end


def _handles(text: str) -> Iterator[Candidate]:
    if "http" in text or "www." in text or _TLD_SLASH.search(text):
        for m in _URL.finditer(text):
            yield _cand(*_strip(text, *m.span()), Kind.HANDLE, bump=9)
    if "@" in text:
        for m in _AT_HANDLE.finditer(text):
            yield _cand(*m.span(), Kind.HANDLE, bump=8)
    hint = handle_hint(text)
    if hint:
        for pattern in (_HANDLE_BEFORE, _HANDLE_AFTER):
            for m in pattern.finditer(text):
                yield _cand(*m.span("h"), Kind.HANDLE, bump=8)
    if hint or re.search(r"(?i:\bsnap\b|\big\b|\bfb\b)", text):
        for m in _HANDLE_CUED.finditer(text):
            if m.group("h").lower().strip("@.") not in _HANDLE_STOP and not m.group("h").isdigit():
                yield _cand(*m.span("h"), Kind.HANDLE, bump=6)
    for m in (_QUOTED_HANDLE.finditer(text) if '"' in text or "“" in text else ()):
        if not re.fullmatch(r"[\d.]+", m.group("h")):
            yield _cand(*m.span("h"), Kind.HANDLE, bump=5)
    if "_" in text:
        for m in _UNDERSCORED.finditer(text):
            yield _cand(*m.span(), Kind.HANDLE, bump=7)


def _w3w(text: str) -> Iterator[Candidate]:
    if "." not in text:
        return
    for m in _W3W.finditer(text):
        if not _NOT_W3W_END.search(m.group()):
            yield _cand(*m.span(), Kind.W3W, bump=8)
    if "///" in text:
        yield from (_cand(*m.span(), Kind.W3W, bump=9) for m in _W3W_SLASHES.finditer(text))
    yield from (_cand(*m.span("w"), Kind.W3W, bump=9) for m in _W3W_CUED.finditer(text))


def _collars(text: str) -> Iterator[Candidate]:
    for m in _PREFIXED_COLLAR.finditer(text):
        if re.search(r"\d{2}", m.group("num")) and re.match(r"[A-Z]", m.group("num")) \
                and not re.fullmatch(r"MG\s?\d{1,2}[A-Z]?", m.group("num")):  # "(MG11)" is a witness statement form
            yield _cand(*m.span(), Kind.COLLAR, "paren", 6)
    for m in _CODE_COLLAR.finditer(text):
        yield _cand(*m.span(), Kind.COLLAR, "code", 7, value=m.group())
    for m in finditer_at(_RANK_PREFIXED, RANK_AT, text):
        named = _NAME_NEXT.match(text, m.end("num"))
        if named:  # "PC NP4412 Rhys Ap-Gwilym": the number goes with its space; the name layer labels him
            yield _cand(m.start("num"), named.start(1), Kind.COLLAR, "with-name", 7, value=m.group("num"))
        else:
            yield _cand(*m.span("num"), Kind.COLLAR, "rank", 6, value=m.group("num"))


def _codes(text: str) -> Iterator[Candidate]:
    for m in _MIXED.finditer(text):
        if not _SAFE_MIXED.fullmatch(m.group()) and not _RANK_NUMBER.fullmatch(m.group()):
            yield _cand(*m.span(), Kind.REFERENCE, "code", -2)
    for m in _LONG_NUMBER.finditer(text):
        n = m.group()
        if len(n) == 4 and (re.fullmatch(r"(?:19|20)\d\d", n) or n in ("1000", "2000", "5000")):
            continue
        yield _cand(*m.span(), Kind.REFERENCE, "number", -2)
    for m in _LOG_TIME.finditer(text):
        yield _cand(*m.span("t"), Kind.TIME, "known", 2, value=str(int(m.group("h"))))
    if not _ORDINAL_HINT.search(text):
        return
    for m in _ANY_ORDINAL.finditer(text):
        yield _cand(*m.span("d"), Kind.DATE, "the-day", 0, value="--" + re.match(r"\d+", m.group("d")).group())  # type: ignore[union-attr]
    for m in _ORDINAL.finditer(text):
        day = re.match(r"\d+", m.group("d")).group()  # type: ignore[union-attr]
        start = m.start("pre") if m.group("pre") else m.start("d")
        sub = "on-day" if m.group("pre") else "day"
        if m.group("pre"):
            yield _cand(start, m.end("d"), Kind.DATE, sub, 1, value=f"--{day}")
        else:
            yield _cand(m.start(), m.end("d"), Kind.DATE, "the-day", 1, value=f"--{day}")


def find_more_structured(text: str) -> list[Candidate]:
    """Handles, URLs, three-word addresses, international phones, prefixed collars and codes."""
    out = [*_handles(text), *_w3w(text), *_collars(text), *_codes(text)]
    if " dot " in text.lower() or "[dot]" in text.lower():
        out += [_cand(*m.span(), Kind.EMAIL, bump=8) for m in _SPOKEN_EMAIL.finditer(text)]
    out += [_cand(*m.span(), Kind.VRM, bump=1) for m in _NI_VRM.finditer(text)]
    out += [_cand(m.start("pre"), m.end("t"), Kind.TIME, "at-known", 1, value=str(int(m.group("h"))))
            for m in _DOTTED_TIME.finditer(text)]
    if "+" in text or "00" in text:
        out += [_cand(*m.span(), Kind.PHONE, bump=7) for m in _INTL_PHONE.finditer(text)]
    if "." in text or ":" in text:
        out += [_cand(*m.span(), Kind.HANDLE, "ip", bump=8) for m in _IP_ADDRESS.finditer(text)
                if not _NUMBERED_PART.search(text, max(0, m.start() - 12), m.start())]
    return out
