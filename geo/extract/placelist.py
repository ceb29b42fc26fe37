"""Lists of places: "strikes on Kyiv, Lviv and Dnipro" report one event per place, as ACLED
codes them.  :func:`listed_with` finds the other places of the list an event's place is in.
"""

from __future__ import annotations

import re

from gazetteer import Mention
from geo.extract.locate import ArticlePlaces, PlacePick

__all__ = ["listed_with"]

# Between two places of one list: "Jableh and Tartus", "Kyiv, Lviv, Dnipro and Odesa",
# "Nangarhar and Paktika provinces", "Kyiv and across Ukraine, including Lviv".
_LIST_GAP = re.compile(
    r"(?:\s+(?:cities|towns|villages|provinces|governorates|districts|regions))?"
    r"(?:\s*,\s*(?:and\s+|or\s+|as\s+well\s+as\s+|including\s+)?|\s+(?:and|or|as\s+well\s+as)\s+"
    r"|\s+and\s+(?:across|in|throughout)\s+\S+\s*,?\s*including\s+)"
    r"(?:the\s+)?(?:(?:cities|towns|villages|provinces)\s+of\s+)?",
    re.I,
)


def listed_with(ctx: ArticlePlaces, pick: PlacePick) -> list[PlacePick]:
    """The other places a list names together with the event's place, in text order.

    "Attacks in the Syrian cities of Jableh and Tartus" and "strikes on Kyiv, Lviv and Dnipro"
    report one event per place (as ACLED codes them).  Only places of the same precision
    count: in "Khanewal, Punjab" the province is where the town is, not a second place.

    >>> from geo.extract.locate import article_places, pick_place
    >>> text = "Car bombs hit Jableh and Tartus on Monday."
    >>> ctx = article_places(text)
    >>> pick = pick_place(ctx, 0, len(text), 4)
    >>> [p.place.name for p in listed_with(ctx, pick)]
    ['Ţarţūs']
    """
    if pick.start < 0:
        return []
    ordered = sorted(
        (m for m in ctx.mentions if m.place is not None), key=lambda m: (m.start, -m.end)
    )
    chain: list[Mention] = []
    for m in ordered:
        if chain and _LIST_GAP.fullmatch(ctx.text, chain[-1].end, m.start):
            chain.append(m)
            continue
        if any(c.start <= pick.start < c.end for c in chain):
            break
        chain = [m]
    if not any(c.start <= pick.start < c.end for c in chain):
        return []
    level = pick.place.precision
    out: list[PlacePick] = []
    for m in chain:
        place = m.place
        assert place is not None
        if m.start <= pick.start < m.end or place.precision != level or place.id == pick.place.id:
            continue
        if place.country != pick.place.country:
            continue
        out.append(
            PlacePick(m.text, place, m.start, m.end, "named in a list with the event's place")
        )
    return out
