"""Coding rules shared by the ACLED and UCDP formats: weapons, civilian targets, actor types.

* :func:`weapons_named` finds the weapons a text names (ACLED ``notes``, UCDP
  headlines), in the order of :data:`WEAPON_WORDS`.
* :func:`is_civilian` says whether a target is civilians (ACLED ``inter2`` 7,
  UCDP one-sided violence).
* :func:`state_forces` gives the country whose forces a name is ("Nigerian Air Force",
  "Myanmar military", "Government of Syria"), by the gazetteer's country names and demonyms.
* :func:`actor_code` gives ACLED's actor-type code (``inter1``/``inter2``) of an
  actor from strikemap's actor lexicon (:mod:`geo.extract.spans.actors`): a state military is
  1 in its own country and 8 (external forces) elsewhere, a coalition 8, an
  insurgent group 2 and a militia 3.

Examples
--------
>>> weapons_named("A drone and two rockets hit the base; mortar shells fell nearby.")
['drone', 'rocket', 'artillery']
>>> is_civilian("civilians in a market"), is_civilian("Kataib Hezbollah")
(True, False)
>>> actor_code("United States", "IQ"), actor_code("Iraqi security forces", "IQ")
(8, 1)
>>> actor_code("Kataib Hezbollah", "IQ"), actor_code("a man with a grudge", "IQ")
(3, None)
>>> state_forces("Royal Saudi Air Force"), state_forces("Ethiopian National Defense Force")
('SA', 'ET')
>>> state_forces("Government of Myanmar (Burma)"), state_forces("Houthi forces")
('MM', None)
"""

from __future__ import annotations

import functools
import re
from typing import Final

from geo.extract.spans.actors import actor_by_name, find_actors
from geo.extract.subevent import is_civilian

__all__ = ["WEAPON_WORDS", "actor_code", "is_civilian", "state_forces", "weapons_named"]

#: weapon -> the words that name it, most specific weapon first.
WEAPON_WORDS: Final[dict[str, re.Pattern[str]]] = {
    "drone": re.compile(r"\b(?:drones?|UAVs?|unmanned aerial)\b", re.IGNORECASE),
    "missile": re.compile(r"\bmissiles?\b", re.IGNORECASE),
    "rocket": re.compile(r"\b(?:rockets?|Katyushas?)\b", re.IGNORECASE),
    "artillery": re.compile(r"\b(?:shell(?:s|ing|ed)?|artillery|mortars?|howitzers?)\b", re.I),
    "airstrike": re.compile(r"\b(?:air ?strikes?|air raids?|warplanes?|fighter jets?)\b", re.I),
    "vessel": re.compile(r"\b(?:boats?|USVs?|unmanned surface vessels?)\b", re.IGNORECASE),
    "ied": re.compile(r"\b(?:IEDs?|roadside bombs?|improvised explosive)\b", re.IGNORECASE),
}
#: geo.extract.spans.actors type -> ACLED actor-type code (a state military is 1 at home, 8 abroad).
_TYPE_CODES: Final[dict[str, int]] = {"coalition": 8, "insurgent": 2, "militia": 3}


#: "<country or demonym> <a state's forces>" and "Government of <country>".
_FORCES: Final = re.compile(
    r"^(?:the\s+)?(?:royal\s+)?(?P<country>.+?)\s+(?:national\s+defen[cs]e\s+forces?|"
    r"armed\s+forces|air\s+force|naval\s+forces|defen[cs]e\s+forces?|security\s+forces|"
    r"national\s+guard|coast\s+guard|army|navy|military|police|marines|forces|government)$",
    re.IGNORECASE,
)
_GOVERNMENT: Final = re.compile(r"^\s*government\s+of\s+(?P<country>.+?)\s*$", re.IGNORECASE)
#: How the gazetteer found a country for a name: by its name or its people's.
_COUNTRY_REASONS: Final = ("demonym", "preferred name", "alternate name")
_NO_STATE: Final = frozenset({"PS"})


@functools.lru_cache(maxsize=4096)
def state_forces(name: str) -> str | None:
    """The ISO code of the country whose government or forces ``name`` is, else None."""
    text = re.sub(r"\s*\([^)]*\)", "", name).strip()  # UCDP's "(Burma)"
    match = _GOVERNMENT.match(text) or _FORCES.match(text)
    if match is None:
        return None
    from gazetteer import default_gazetteer

    found = default_gazetteer().resolve(match.group("country"), kind="country", limit=1)
    if not found or found[0].kind != "country":
        return None
    code = found[0].country
    if code in _NO_STATE and not _GOVERNMENT.match(text):
        return None  # "Palestinian forces" are armed groups'
    return code if found[0].reason.split(";")[0] in _COUNTRY_REASONS else None


def weapons_named(text: str) -> list[str]:
    """The weapons ``text`` names, in :data:`WEAPON_WORDS` order."""
    return [weapon for weapon, words in WEAPON_WORDS.items() if words.search(text)]


def actor_code(name: str, country: str) -> int | None:
    """ACLED's actor-type code of an actor of the lexicon acting in ``country``, else None."""
    actor = actor_by_name(name.strip()) if name.strip() else None
    if actor is None:
        found = find_actors(name)
        actor = found[0].actor if found else None
    if actor is None:
        return None
    if actor.type in ("state_military", "government"):
        return 1 if actor.country and actor.country == country else 8
    return _TYPE_CODES.get(actor.type)
