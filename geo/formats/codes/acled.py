"""ACLED's codebook as strikemap uses it: columns, event types, actor types and the rules.

The rules that turn an ACLED row into an event, and back:

* ``kind`` is ``strike`` when ``inter1`` is 1 (state forces) or 8
  (external/other forces), given as a code or ACLED's label; without
  ``inter1``, when ``actor1`` is "Military Forces of …". Any other actor makes
  an ``attack``. Writing, a strike gets 1 (8 when the actor of strikemap's
  lexicon is a foreign military or a coalition), an attack 2 (insurgents) or 3.
* ``weapon`` from ``sub_event_type`` narrowed by the words of ``notes``
  (:func:`weapon_of`), and back (:func:`event_type_of`).
* ``event_date``: ISO (``2024-01-28``) or ACLED's long form (``28 January 2024``).

Examples
--------
>>> weapon_of("Air/drone strike", "A drone hit a truck."), weapon_of("Air/drone strike", "")
('drone', 'airstrike')
>>> event_type_of("rocket", "a US base")
('Explosions/Remote violence', 'Shelling/artillery/missile attack')
>>> event_type_of("", "civilians"), event_type_of("", "")
(('Violence against civilians', 'Attack'), ('Battles', 'Armed clash'))
>>> parse_date("28 January 2024"), kind_of("8", "")[0], kind_of("", "Unidentified Armed Group")[0]
('2024-01-28', 'strike', 'attack')
>>> inter_code("External/Other forces"), interaction(8, 3), interaction(1, 0)
(8, 38, 10)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from geo.formats.codes.violence import is_civilian, weapons_named

__all__ = [
    "COLUMNS",
    "EVENT_TYPES",
    "INTER",
    "MIDDLE_EAST",
    "PREFIX",
    "READ_TYPES",
    "REQUIRED",
    "event_type_of",
    "inter_code",
    "interaction",
    "kind_of",
    "parse_date",
    "weapon_of",
]

#: The columns of an ACLED export, in ACLED's order.
COLUMNS: Final = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
#: The columns a file must have to be read.
REQUIRED: Final = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "fatalities",
    "source",
    "notes",
)
#: Prefix of the columns that carry ACLED values with no place in the events schema.
PREFIX: Final = "acled_"
#: ACLED codebook: event_type -> its sub_event_types.
EVENT_TYPES: Final[dict[str, tuple[str, ...]]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
#: The (event_type, sub_event_type) pairs read as strikes or attacks; other rows are left out.
READ_TYPES: Final = frozenset(
    [("Battles", sub) for sub in EVENT_TYPES["Battles"]]
    + [("Explosions/Remote violence", sub) for sub in EVENT_TYPES["Explosions/Remote violence"]]
    + [("Violence against civilians", "Attack")]
)
#: ACLED actor-type codes (inter1, inter2; 0 = no second actor) and their labels.
INTER: Final[dict[int, str]] = {
    0: "",
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
#: ISO alpha-2 codes of the countries in ACLED's "Middle East" region (written as ``region``).
MIDDLE_EAST: Final = frozenset("BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE".split())
_STRIKE_CODES: Final = (1, 8)
_MILITARY: Final = re.compile(r"^\s*Military Forces of\b", re.IGNORECASE)
_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SUB_EVENTS: Final[dict[str, tuple[str, str]]] = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "rocket": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "vessel": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
}


def parse_date(text: str) -> str:
    """An ACLED ``event_date`` (ISO or "28 January 2024") as ISO text, or ValueError."""
    text = text.strip()
    try:
        if _ISO_DATE.match(text):
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.strptime(text, "%d %B %Y").date().isoformat()
    except ValueError:
        msg = f"event_date {text!r} is not an ACLED date (YYYY-MM-DD or 28 January 2024)"
        raise ValueError(msg) from None


def inter_code(text: str, name: str = "inter1") -> int | None:
    """An ``inter1``/``inter2`` cell (code or label) as a code; None when empty."""
    text = text.strip()
    if not text:
        return None
    for code, label in INTER.items():
        if text in (str(code), f"{code}.0") or (label and text.casefold() == label.casefold()):
            return code
    raise ValueError(f"{name} {text!r} is not an ACLED actor type (0-8 or its label)")


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: both actor types, lower first (10, 20, ... for one actor)."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def kind_of(inter1: str, actor1: str) -> tuple[str, str]:
    """``(kind, why)`` by the rule in the module docstring."""
    code = inter_code(inter1)
    if code is not None:
        kind = "strike" if code in _STRIKE_CODES else "attack"
        return kind, f"inter1 {code} ({INTER[code] or 'none'})"
    if _MILITARY.match(actor1):
        return "strike", "actor1 is the Military Forces of a state"
    return "attack", "actor1 is not a state's military"


def weapon_of(sub_event_type: str, notes: str) -> str:
    """The weapon of an ACLED sub-event type, narrowed by the words of ``notes``."""
    named = weapons_named(notes)
    if sub_event_type == "Air/drone strike":
        return "drone" if "drone" in named else "airstrike"
    if sub_event_type == "Shelling/artillery/missile attack":
        return next((w for w in named if w in ("missile", "rocket", "artillery")), "")
    if sub_event_type == "Remote explosive/landmine/IED":
        return "vessel" if "vessel" in named else "ied"
    return ""


def event_type_of(weapon: str, target: str) -> tuple[str, str]:
    """``(event_type, sub_event_type)`` for a weapon; without one, by the target."""
    if weapon in _SUB_EVENTS:
        return _SUB_EVENTS[weapon]
    if is_civilian(target):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"
