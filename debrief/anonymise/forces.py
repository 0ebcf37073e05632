"""Police forces of the UK by full name and common short forms, for replacing with "the force"."""
from __future__ import annotations

import re

from .phrases import PhraseMatcher

# The 43 territorial forces of England and Wales, with the suffix each uses.
TERRITORIAL: tuple[str, ...] = (
    "Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary",
    "Cheshire Constabulary", "City of London Police", "Cleveland Police", "Cumbria Constabulary",
    "Derbyshire Constabulary", "Devon and Cornwall Police", "Dorset Police", "Durham Constabulary",
    "Dyfed-Powys Police", "Essex Police", "Gloucestershire Constabulary", "Greater Manchester Police",
    "Gwent Police", "Hampshire and Isle of Wight Constabulary", "Hertfordshire Constabulary",
    "Humberside Police", "Kent Police", "Lancashire Constabulary", "Leicestershire Police",
    "Lincolnshire Police", "Merseyside Police", "Metropolitan Police Service", "Norfolk Constabulary",
    "North Wales Police", "North Yorkshire Police", "Northamptonshire Police", "Northumbria Police",
    "Nottinghamshire Police", "South Wales Police", "South Yorkshire Police", "Staffordshire Police",
    "Suffolk Constabulary", "Surrey Police", "Sussex Police", "Thames Valley Police",
    "Warwickshire Police", "West Mercia Police", "West Midlands Police", "West Yorkshire Police",
    "Wiltshire Police",
)
OTHER: tuple[str, ...] = (
    "British Transport Police", "Police Scotland", "Police Service of Northern Ireland", "PSNI",
    "Ministry of Defence Police", "Civil Nuclear Constabulary", "Hampshire Constabulary",
    "Metropolitan Police", "New Scotland Yard", "Scotland Yard",
    "Royal Ulster Constabulary", "RUC", "Dyfed Powys Police", "Avon & Somerset Constabulary",
    "Avon and Somerset Police", "Devon & Cornwall Police",
)
# Force areas that are not counties: on their own they still mean the force.
FORCE_AREAS: tuple[str, ...] = (
    "Avon and Somerset", "Avon & Somerset", "Devon and Cornwall", "Devon & Cornwall", "Dyfed-Powys",
    "Dyfed Powys", "Thames Valley", "West Mercia", "Hampshire and Isle of Wight",
)
# Informal county short forms of a force, in any case ("LINCS POLICE", "staffs" heading a log).
COUNTY_SHORT: tuple[str, ...] = ("Lincs", "Staffs", "Notts", "Herts", "Lancs", "Hants", "Glos", "Leics", "Northants",
                                 "Cambs", "Derbys", "Wilts", "Worcs", "Oxon", "Bucks Police", "Beds Police",
                                 "Yorks Police", "Devon and Corn", "d&c", "a&s")
SHORT_FORMS: tuple[str, ...] = (
    "GMP", "WYP", "SYP", "NYP", "WMP", "MPS", "BTP", "TVP", "A&S", "D&C", "CoLP", "MoDP", "CNC",
    "the Met", "Met Police", "The Met",
    "NWP", "DPP", "SWP", "WMP", "NYP", "CLP", "MoD Police", "PSoS", "West Mids Police", "West Mids",
    "An Garda Siochana", "Garda Siochana", "An Garda Síochána", "Garda Síochána", "the Gardai", "Gardai",
    "the Garda", "Police Service Northern Ireland", "Scottish Police", "Met Police Service",
)
_SUFFIXES = ("Police Service", "Police Force", "Constabulary", "Police", "Force")


def _variants() -> list[str]:
    # Debriefs mix suffixes ("Lancashire Police" for Lancashire Constabulary), so every area takes all.
    names: set[str] = set(TERRITORIAL) | set(OTHER)
    for full in TERRITORIAL:
        area = re.sub(r"\s+(Police Service|Constabulary|Police)$", "", full)
        for suffix in _SUFFIXES:
            names.add(f"{area} {suffix}")
    return sorted(names)


FORCE_NAMES: tuple[str, ...] = tuple(_variants())
# Possessive "'s" stays outside the match so "Kent Police's policy" reads "the force's policy".
FORCE_MATCHER: PhraseMatcher[bool] = PhraseMatcher()
FORCE_MATCHER.extend(((name, True) for name in (*FORCE_NAMES, *FORCE_AREAS)))
FORCE_MATCHER.extend(((name, True) for name in SHORT_FORMS), exact=True)
FORCE_MATCHER.extend((name, True) for short in COUNTY_SHORT
                     for name in (short, *(f"{short} {s}" for s in _SUFFIXES if " " not in short)))


def force_aliases(force: str) -> list[str]:
    """Ways a case's own force may be written: full name, area with each suffix, and its initials."""
    force = force.strip()
    if not force:
        return []
    area = re.sub(r"\s+(Police Service|Police Force|Constabulary|Police|Force)$", "", force,
                  flags=re.IGNORECASE)
    out = {force} | {f"{area} {s}" for s in _SUFFIXES}
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", force) if w.lower() not in {"and", "of"})
    if len(initials) >= 3:
        out.add(initials.upper())
    return sorted(out, key=len, reverse=True)
