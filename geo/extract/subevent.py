"""The ACLED sub-event type of an extracted event, from its kind, weapon and words.

ACLED's codebook sorts political violence into sub-event types; strikemap gives every event
the one its report supports, so that an ACLED export needs no guessing and a user can filter
on it.  The decision, in order:

- an aircraft shot down is a *Shelling/artillery/missile attack* on it; an interception or
  shoot-down of a weapon ("intercepted", "shot down") is *Disrupted weapons use*;
- a suicide attack is *Suicide bomb*, a grenade *Grenade*;
- an airstrike or drone is *Air/drone strike*; rockets, missiles, mortars and artillery are
  *Shelling/artillery/missile attack*; IEDs, car bombs, mines and drone boats are
  *Remote explosive/landmine/IED*, and so is an armed group's bombing, blast or explosion;
- otherwise force with no weapon named (gunmen, an ambush, a raid) is *Attack* when the target
  is civilian and *Armed clash* otherwise; a state's strike with no weapon named is an
  *Air/drone strike*, as in most such reports.

Examples
--------
>>> sub_event_type("attack", "ied", "A suicide bomber blew himself up at the market.", "")
'Suicide bomb'
>>> sub_event_type("strike", "airstrike", "Jets struck a depot.", "")
'Air/drone strike'
>>> sub_event_type("attack", "", "Gunmen opened fire on a police patrol.", "a police patrol")
'Armed clash'
>>> sub_event_type("attack", "", "Gunmen opened fire on worshippers at a mosque.", "worshippers")
'Attack'
>>> sub_event_type("attack", "", "Bombings took place in the capital.", "")
'Remote explosive/landmine/IED'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["SUB_EVENT_TYPES", "is_civilian", "sub_event_type"]

#: The sub-event types strikemap gives (a subset of ACLED's codebook).
SUB_EVENT_TYPES: Final[tuple[str, ...]] = (
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Armed clash",
    "Attack",
    "Disrupted weapons use",
)

_BY_WEAPON: Final[dict[str, str]] = {
    "airstrike": "Air/drone strike",
    "drone": "Air/drone strike",
    "rocket": "Shelling/artillery/missile attack",
    "missile": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "vessel": "Remote explosive/landmine/IED",
}
_DISRUPTED = re.compile(r"\b(?:intercept(?:ed|s|ing|ion)?|shot\s+down|downed)\b", re.I)
# A shot-down aircraft is the target of a missile attack, not a weapon stopped in flight.
_AIRCRAFT_DOWNED = re.compile(
    r"\b(?:(?:plane|airliner|aircraft|flight|helicopter|jet|airplane)\b[^.;]{0,80}?(?:shot\s+down"
    r"|downed)|(?:shot\s+down|downed)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,6}?(?:plane|airliner"
    r"|aircraft|flight|helicopter|jet|airplane))\b",
    re.I,
)
_SUICIDE = re.compile(r"\bsuicide\b", re.I)
_GRENADE = re.compile(r"\bgrenades?\b", re.I)
# An armed group's bombing with no weapon named otherwise: a bomb it set off, not an aircraft's.
_BOMBING = re.compile(r"\b(?:bomb(?:s|ings?)?|explosives?|explosions?|blasts?|IEDs?)\b", re.I)
# People who are civilians (also ACLED's inter2 7 in the exports) ...
_CIVILIANS: Final = re.compile(
    r"\b(?:civilians?|residents?|villagers?|farmers?|shepherds?|worshippers?|children|"
    r"families|passers-?by|journalists?|aid workers?)\b",
    re.IGNORECASE,
)
# ... and the places and crowds only civilians fill, which make an attack on them an Attack.
_CIVILIAN_PLACES = re.compile(
    r"\b(?:shoppers?|passengers?|pilgrims?|women|students?|schools?|mosques?|churches|church"
    r"|markets?|hospitals?|homes?|houses?|wedding|funeral|restaurants?|hotels?|buses|bus"
    r"|people)\b",
    re.I,
)


def is_civilian(target: str) -> bool:
    """Whether a target names civilians (the people, not the places they fill).

    >>> is_civilian("civilians in a market"), is_civilian("Kataib Hezbollah")
    (True, False)
    """
    return bool(_CIVILIANS.search(target))


def sub_event_type(kind: str, weapon: str, text: str, target: str) -> str:
    """The ACLED sub-event type for an event of ``kind`` with ``weapon``, reported in
    ``text`` (its trigger phrases and sentences) against ``target``."""
    if _AIRCRAFT_DOWNED.search(text):
        return "Shelling/artillery/missile attack"
    if _DISRUPTED.search(text):
        return "Disrupted weapons use"
    if _SUICIDE.search(text):
        return "Suicide bomb"
    if _GRENADE.search(text):
        return "Grenade"
    if weapon in _BY_WEAPON:
        return _BY_WEAPON[weapon]
    if kind == "strike":
        return "Air/drone strike"
    if _BOMBING.search(text):
        return "Remote explosive/landmine/IED"
    civilian = is_civilian(target) or _CIVILIAN_PLACES.search(target)
    return "Attack" if civilian else "Armed clash"
