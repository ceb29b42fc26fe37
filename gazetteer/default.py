"""The shared default :class:`~gazetteer.core.Gazetteer` and the module-level functions on it."""

from __future__ import annotations

import functools

from gazetteer.core import Gazetteer
from gazetteer.place import Place
from gazetteer.spot import Mention

__all__ = ["SEARCH_KIND_WORDS", "default_gazetteer", "search", "spot"]

#: Kind words tried after a searched name, so that a search for "Balad" also offers Balad Air
#: Base and a search for "Laurel" Laurel County.
SEARCH_KIND_WORDS = (
    "air base",
    "airport",
    "base",
    "camp",
    "dam",
    "border crossing",
    "port",
    "province",
    "governorate",
    "district",
    "region",
    "state",
    "county",
    "parish",
)
#: Places found only with a kind word rank below those the text names outright.
SEARCH_KIND_DISCOUNT = 0.9


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer over the embedded index (opened once)."""
    return Gazetteer()


def spot(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    country: str | None = None,
    include_refused: bool = False,
    demonyms: bool = False,
) -> list[Mention]:
    """Find place mentions in ``text`` and resolve them.

    Parameters
    ----------
    text : str
        Running text, such as a news article.
    gazetteer : Gazetteer, optional
        The gazetteer to use; the shared default one when omitted.
    country : str, optional
        ISO alpha-2 code or name of the country the text is mostly about.
    include_refused : bool
        Also return mentions refused as common words or parts of names.
    demonyms : bool
        Also return demonyms ("Iraqi") as mentions of their country.

    Examples
    --------
    >>> found = spot("Rockets hit the K1 base outside Kirkuk; later, a strike near Al Qa'im.")
    >>> [(m.text, m.place.kind) for m in found]
    [('K1 base', 'airbase'), ('Kirkuk', 'city'), ("Al Qa'im", 'town')]
    >>> [m.text for m in spot("Hit by a drone, the convoy stopped.")]
    []
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    return gz.spot(text, country=country, include_refused=include_refused, demonyms=demonyms)


def search(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int = 10,
) -> list[Place]:
    """Return places of every kind that ``text`` may name, best first.

    Unlike :meth:`Gazetteer.resolve`, which answers what a name most likely means, a search
    also offers the places named by the text and a kind word (:data:`SEARCH_KIND_WORDS`),
    their score discounted by :data:`SEARCH_KIND_DISCOUNT`.

    Examples
    --------
    >>> [(p.name, p.kind) for p in search("Balad", limit=2)]
    [('Balad', 'town'), ('Balad Air Base', 'airbase')]
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    found = {p.id: p for p in gz.resolve(text, country=country, kind=kind, limit=limit)}
    for word in SEARCH_KIND_WORDS:
        for p in gz.resolve(f"{text} {word}", country=country, kind=kind, limit=limit):
            if p.id not in found and not p.reason.startswith("loose"):
                why = f"named with '{word}': {p.reason}"
                found[p.id] = p.scored(SEARCH_KIND_DISCOUNT * p.score, why)
    return sorted(found.values(), key=lambda p: -p.score)[:limit]
