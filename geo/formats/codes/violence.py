"""Coding rules shared by the ACLED and UCDP formats: weapons, civilian targets, actor types.

* :func:`weapons_named` finds the weapons a text names (ACLED ``notes``, UCDP
  headlines), in the order of :data:`WEAPON_WORDS`.
* :func:`is_civilian` says whether a target is civilians (ACLED ``inter2`` 7,
  UCDP one-sided violence).
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
"""

from __future__ import annotations

import re
from typing import Final

from geo.extract.spans.actors import actor_by_name, find_actors
from geo.extract.subevent import is_civilian

__all__ = ["WEAPON_WORDS", "actor_code", "is_civilian", "weapons_named"]

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
