"""Advisory just-culture check: find sentences that blame an individual and suggest a system-focused wording.

This is a prompt for the reviewer, never a gate: it works on phrases, so it will miss some
blaming language and flag some that is fine in context. To keep false alarms down it skips
"failed to" when the subject just before it is equipment or a system ("the radio failed to
transmit"), and it only treats "fault" as blame in forms such as "at fault" or "his fault",
not "a fault on the radio".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SYSTEM_SUGGESTION = (
    "Describe what made this hard to do at the time: e.g. 'The procedure did not prompt a check "
    "of …' or 'The officer was single-crewed and the radio had no signal …'."
)
SUGGESTIONS = {
    "failed_to": SYSTEM_SUGGESTION,
    "should_have": (
        "Say what was expected and what got in the way: e.g. 'The guidance expected a second "
        "check, but the custody suite had one detention officer for twelve detainees.'"
    ),
    "judgement": (
        "Describe the action and the conditions around it (workload, training, equipment, "
        "supervision) rather than judging the person."
    ),
    "blame": (
        "The review looks for weaknesses in the system, not someone to blame: describe which "
        "conditions allowed this to happen."
    ),
    "ignored": (
        "Explain why the information did not change what happened: was it clear, timely and in "
        "front of the person? e.g. 'The warning marker was not shown on the screen used at the time.'"
    ),
    "named_person": (
        "Name the role rather than the person (e.g. 'the arresting officer', 'the custody sergeant'), and say "
        "what about the system, training, workload or equipment made this happen."
    ),
    "person_as_cause": (
        "Describe the role and the conditions rather than naming a person as the cause: e.g. "
        "'With no supervisor available, the attending officer had to decide alone whether …'."
    ),
}

# Nouns that, just before "failed to", make the failure mechanical rather than personal.
_EQUIPMENT = (
    "radio|radios|airwave|taser|ced|camera|cameras|bwv|body-worn|video|cctv|system|systems|computer|"
    "software|app|application|device|equipment|vehicle|car|van|engine|battery|batteries|door|doors|lock|"
    "alarm|printer|network|phone|handset|light|lights|signal|server|database|cage|terminal|screen|"
    "link|feed|recording|recorder|sensor|intercom|call-back|callback|tracker"
)
_EQUIPMENT_BEFORE = re.compile(rf"\b(?:{_EQUIPMENT})(?:['’]s)?\W+(?:\w+\W+){{0,2}}$", re.IGNORECASE)

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("failed_to", re.compile(r"\b(?:fail(?:ed|s|ing)?|neglect(?:ed|s|ing)?)\s+to\b", re.IGNORECASE)),
    ("should_have", re.compile(
        r"\b(?:should(?:\s+not|n['’]t)?\s+have|should(?:n['’]t)?['’]ve|ought\s+to\s+have)\b", re.IGNORECASE)),
    ("judgement", re.compile(
        r"\b(?:negligen(?:t|tly|ce)|careless(?:ly|ness)?|incompeten(?:t|tly|ce)|reckless(?:ly|ness)?|lazy|"
        r"laziness|did\s+not\s+bother|didn['’]t\s+bother|(?:could\s+not|couldn['’]t)\s+be\s+bothered)\b",
        re.IGNORECASE)),
    ("blame", re.compile(
        r"\b(?:blam(?:e|ed|es|ing|eworthy)|at\s+fault|fault\s+of|faulted|"
        r"(?:his|her|their|your|my|its)\s+(?:own\s+)?fault|\w+['’]s\s+(?:own\s+)?fault)\b",
        re.IGNORECASE)),
    ("ignored", re.compile(r"\bignor(?:ed|ing)\b", re.IGNORECASE)),
)

_TITLES = (
    r"(?:PC|DC|PS|DS|TDC|SC|PCSO|Sgt|Sergeant|Insp|Inspector|DI|DCI|Ch\s*Insp|Supt|Superintendent|"
    r"Constable|Detective|Officer|Mr|Mrs|Ms|Miss|Mx|Dr)"
)
# "PC Smith", "Officer A", "Mr C": a title then a capitalised word, letter or number.
_TITLED_PERSON = rf"\b{_TITLES}\.?\s+(?:[A-Z][\w'-]*|\d+)"
_CAUSE = (
    r"\s+(?:was|were|is|is\s+the\s+one)?\s*(?:solely\s+|entirely\s+|directly\s+|wholly\s+|personally\s+)?"
    r"(?:caused|responsible|to\s+blame|the\s+cause|the\s+reason)\b"
)

# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Sgt|Insp|Supt|Ch|No|St|e\.g|i\.e|approx|etc)\.$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n\s*\n|\n(?=\s*[-*•\d])")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    phrase: str  # the matched words as written
    start: int  # offsets of the phrase in the whole text
    end: int
    sentence: str
    sentence_start: int
    suggestion: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text[start:match.end()].rstrip("\"')]")):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        segment = text[begin:end]
        stripped = segment.strip()
        if stripped:
            offset = begin + (len(segment) - len(segment.lstrip()))
            result.append((offset, offset + len(stripped)))
    return result


def _name_alternatives(names: Iterable[str]) -> list[str]:
    """A rank or title and a name, and each of `names` whole or by a surname long enough not to be an ordinary
    word, longest first (so "Jane Smith" wins over "Smith"). Names are matched case-sensitively: "Hope caused" is a
    name, "hope caused" is not."""
    alternatives = [_TITLED_PERSON]
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        alternatives.append(rf"\b{re.escape(name)}\b")
        surname = name.split()[-1]
        if surname != name and len(surname) > 2:
            alternatives.append(rf"\b{re.escape(surname)}\b")
    alternatives.sort(key=len, reverse=True)
    return alternatives


def _person_pattern(names: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(_name_alternatives(names))}){_CAUSE}")


def check_language(text: str, *, names: Iterable[str] = ()) -> list[Finding]:
    """Findings for blaming language in `text`, in order; `names` are people named in the case."""
    findings: list[Finding] = []
    person_re = _person_pattern(names)
    for sentence_start, sentence_end in split_sentences(text):
        sentence = text[sentence_start:sentence_end]
        taken: list[tuple[int, int]] = []
        for rule, match in _matches(sentence, person_re):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if rule == "failed_to" and _EQUIPMENT_BEFORE.search(sentence[: match.start()]):
                continue
            taken.append((match.start(), match.end()))
            findings.append(
                Finding(
                    rule=rule,
                    phrase=match.group(0),
                    start=sentence_start + match.start(),
                    end=sentence_start + match.end(),
                    sentence=sentence,
                    sentence_start=sentence_start,
                    suggestion=SUGGESTIONS[rule],
                )
            )
    findings.sort(key=lambda finding: finding.start)
    return findings


def _matches(sentence: str, person_re: re.Pattern[str]) -> Iterator[tuple[str, re.Match[str]]]:
    # Naming a person as the cause is checked first so its wider match wins over "to blame".
    for match in person_re.finditer(sentence):
        yield "person_as_cause", match
    for rule, pattern in _RULES:
        for match in pattern.finditer(sentence):
            yield rule, match


def findings_across(texts: Iterable[tuple[str, str]], *, names: Iterable[str] = ()) -> list[dict[str, str]]:
    """Every finding in each (where, text) pair, in order, as {where, sentence, phrase, suggestion}."""
    names = list(names)
    return [{"where": where, "sentence": f.sentence, "phrase": f.phrase, "suggestion": f.suggestion}
            for where, text in texts for f in check_language(text or "", names=names)]


def check_item(text: str, *, names: Iterable[str] = ()) -> list[Finding]:
    """`check_language`, and every person a contributory factor names (by rank and surname, or from the case's
    people list): a factor is about the system, so naming someone in it is worth a second look."""
    names = list(names)
    findings = check_language(text, names=names)
    taken = [(f.start, f.end) for f in findings]
    named = re.compile("|".join(_name_alternatives(names)))
    for sentence_start, sentence_end in split_sentences(text):
        sentence = text[sentence_start:sentence_end]
        for match in named.finditer(sentence):
            start, end = sentence_start + match.start(), sentence_start + match.end()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            findings.append(Finding(rule="named_person", phrase=match.group(0), start=start, end=end,
                                    sentence=sentence, sentence_start=sentence_start,
                                    suggestion=SUGGESTIONS["named_person"]))
    findings.sort(key=lambda finding: finding.start)
    return findings
