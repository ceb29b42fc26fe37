"""The shared default :class:`~gazetteer.core.Gazetteer` and the module-level functions on it."""

from __future__ import annotations

import functools

from gazetteer.core import Gazetteer
from gazetteer.spot import Mention

__all__ = ["default_gazetteer", "spot"]


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
