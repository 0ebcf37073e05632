"""The training topics the Training needs page weighs, and which words in free text raise each (pure).

A topic gathers the tactics it trains (the national data's and the debriefs' tactic codes) and the words that
show it in a debrief's "what could have been done differently" answers, an RCA factor or a recommendation. The
text itself is never shown: only how many records raise each topic. Matching is on whole-word beginnings, so
"restrain" finds "restrained" and "restraint" but "kit" does not find "kitchen".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    title: str
    tactics: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # word beginnings, lower case
    pattern: re.Pattern = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        alternatives = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        object.__setattr__(self, "pattern", re.compile(rf"\b(?:{alternatives})", re.IGNORECASE))

    def raised_in(self, text: str) -> bool:
        return bool(text) and self.pattern.search(text) is not None


TOPICS: tuple[Topic, ...] = (
    Topic("taser", "Taser (conducted energy device)", ("taser",),
          ("taser", "conducted energy", "ced ", "cartridge", "probe", "drive-stun", "drive stun", "red dot",
           "red-dot", "arced", "arcing")),
    Topic("handcuffing", "Handcuffing", ("compliant_handcuffing", "non_compliant_handcuffing"),
          ("handcuff", "cuffs", "cuffed", "cuffing", "rigid cuff")),
    Topic("restraint", "Restraint and spit guards",
          ("limb_body_restraint", "ground_restraint", "spit_and_bite_guard"),
          ("restrain", "prone", "on the ground", "leg restraint", "limb restraint", "body restraint", "spit",
           "positional asphyxia", "recovery position")),
    Topic("unarmed", "Unarmed skills and take-downs", ("unarmed_skills",),
          ("take-down", "takedown", "take down", "unarmed", "strike", "pressure point", "wrist lock", "arm lock")),
    Topic("irritant_spray", "Irritant spray (CS or PAVA)", ("irritant_spray_drawn", "irritant_spray_used"),
          ("pava", "cs spray", "irritant", "incapacitant", "spray")),
    Topic("baton", "Baton", ("baton_drawn", "baton_used"), ("baton",)),
    Topic("communication", "Communication and de-escalation", ("tactical_communications",),
          ("de-escalat", "deescalat", "escalat", "communicat", "negotiat", "talk", "calm", "rapport",
           "conflict management", "tactical comm")),
    Topic("mental_health", "Mental health and vulnerability", (),
          ("mental health", "mental-health", "crisis", "section 136", "s136", "s.136", "autis", "acute behavioural",
           "vulnerab", "self-harm", "self harm", "suicid", "learning disabilit")),
    Topic("first_aid", "First aid and aftercare", (),
          ("first aid", "aftercare", "after care", "ambulance", "cpr", "medical", "paramedic", "casualty")),
    Topic("equipment", "Equipment, radios and body-worn video", (),
          ("radio", "body-worn", "body worn", "bwv", "camera", "battery", "equipment", "kit ", "vest", "torch",
           "airwave")),
)
TOPIC_BY_CODE = {topic.code: topic for topic in TOPICS}
# Debrief answers "about training": the words that say training was wanted or lacking.
TRAINING_WORDS = Topic("training", "Training", (), ("train", "refresher", "recertif", "re-certif", "course",
                                                    "competen", "cpd", "officer safety"))


@cache
def _every_topic() -> re.Pattern:
    """One pattern for every topic, each a named group, so a text is scanned once rather than once per topic."""
    return re.compile("|".join(f"(?P<{topic.code}>{topic.pattern.pattern})" for topic in TOPICS), re.IGNORECASE)


def topics_in(*texts: str | None) -> set[str]:
    """The codes of every topic any of the texts raises."""
    joined = " \n ".join(t for t in texts if t)
    return {match.lastgroup for match in _every_topic().finditer(joined)} if joined else set()


def mentions_training(*texts: str | None) -> bool:
    return TRAINING_WORDS.raised_in(" \n ".join(t for t in texts if t))


@cache
def topic_of_tactic() -> dict[str, str]:
    """{tactic code: topic code} for the tactics a topic trains."""
    return {tactic: topic.code for topic in TOPICS for tactic in topic.tactics}
