"""Ranking candidates: how well the name matched, how prominent the place is, how
well it fits the context (a country hint, nearby places, a kind hint).

Scores lie in ``[0, 1]``.  Without context, score = 0.55 match + 0.45 prominence;
with context, 0.4 match + 0.3 prominence + 0.3 context, where context is the mean of
the signals given.  When the name itself names a kind ("Jabal ...", "... Camp"), 15% of the
score goes to whether the place is of that kind.  Each candidate carries a one-line reason.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import NamedTuple

from gazetteer.geodesy import nearest_km, prepare_points
from gazetteer.normalize import LOOSE_MIN_SIMILARITY, normalize, similarity
from gazetteer.place import Place
from gazetteer.query import KIND_FAMILIES

__all__ = ["Context", "Row", "rank", "to_place"]

_MATCH = {0: 1.0, 1: 0.95, 2: 0.6, 3: 0.5}
_MATCH_NAME = {0: "preferred name", 1: "alternate name", 2: "loose spelling", 3: "demonym"}
_REGIONS = frozenset(KIND_FAMILIES["region"])
#: Continents, oceans and seas: as prominent as regions, whatever their population.
_WIDE = frozenset({"continent", "ocean", "sea", "gulf"})
_AIRPORTS = frozenset({"airport", "airbase"})
#: An airport is as well known as a town of 25,000 people ("Heathrow": the airport, not the
#: Florida town of 6,000; "Logan": the towns, not Boston's airport).
AIRPORT_PROMINENCE = math.log10(25_000) / 7
USER_LAYER = -1
LOOSE_TIER = 2
CURATED_LAYER = 0
#: Weight of the kind a name names ("Jabal ...": mountain) in the score.
NAMED_KIND_WEIGHT = 0.15


class Row(NamedTuple):
    """A candidate as stored in the index, with how its name matched."""

    pid: int
    id: str
    name: str
    lat: float
    lon: float
    country: str
    kind: str
    population: int
    source: str
    admin1: str
    extent_km: float
    layer: int
    tier: int


@dataclass(frozen=True, slots=True)
class Context:
    """What is known around a query: a country, nearby points, a kind of place."""

    country: str | None = None
    near: tuple[tuple[float, float, str], ...] = ()
    kind: str | None = None
    #: True when the kind hint was read off the query ("... air base"): then a place
    #: whose own name carries those words is not judged by it.
    kind_from_query: bool = False
    #: The kind the name itself names ("Jabal ...", "... Camp"): places of it are preferred.
    named: str | None = None


def to_place(row: Row, score: float = 0.0, reason: str = "") -> Place:
    """Return the :class:`Place` of an index row."""
    return Place(
        row.id,
        row.name,
        row.lat,
        row.lon,
        row.country,
        row.kind,
        row.population,
        row.source,
        round(score, 4),
        reason,
        row.admin1,
        row.extent_km,
    )


def _prominence(row: Row) -> float:
    """How well known a place is, in ``[0, 1]``: a country 1, a capital 0.9 or its size's."""
    kind = row.kind
    if kind == "country":
        return 1.0
    by_size = min(1.0, math.log10(row.population + 10) / 7)
    if kind == "capital":
        return max(0.9, by_size)
    if kind in _REGIONS or kind in _WIDE:
        return 0.85
    if row.layer <= CURATED_LAYER:
        return 0.8
    if kind in _AIRPORTS:
        return AIRPORT_PROMINENCE
    return by_size


def _score(
    row: Row,
    ctx: Context,
    core_weight: float | None,
    key: str,
    nearest: tuple[float, int] | None,
) -> float:
    """The score of ``row``; ``nearest`` is its distance to the nearest context point and
    that point's index, when the context has points."""
    match = _MATCH.get(row.tier, 0.5) * (core_weight or 1.0)
    if row.tier == LOOSE_TIER and key:
        match *= SequenceMatcher(None, key, normalize(row.name)).ratio()
    prominence = _prominence(row)
    signals: list[float] = []
    if ctx.country:
        signals.append(1.0 if row.country == ctx.country else (0.5 if not row.country else 0.0))
    if nearest is not None:
        d = nearest[0]
        signals.append(math.exp(-max(0.0, d - row.extent_km) / 250.0))
    if ctx.kind and (core_weight is not None or not ctx.kind_from_query):
        signals.append(1.0 if row.kind in KIND_FAMILIES.get(ctx.kind, {ctx.kind}) else 0.0)
    if len(signals) == 1:  # the mean of one signal is that signal, to the last bit
        score = 0.4 * match + 0.3 * prominence + 0.3 * signals[0]
    elif signals:
        score = 0.4 * match + 0.3 * prominence + 0.3 * (sum(signals) / len(signals))
    else:
        score = 0.55 * match + 0.45 * prominence
    if ctx.named:  # kind preference: a town above ~5,000 people still beats a hill of its name
        fits = row.kind in KIND_FAMILIES.get(ctx.named, {ctx.named})
        score = (1 - NAMED_KIND_WEIGHT) * score + (NAMED_KIND_WEIGHT if fits else 0.0)
    return score


def _reason(
    row: Row,
    ctx: Context,
    core_weight: float | None,
    nearest: tuple[float, int] | None,
) -> str:
    """Why ``row`` scored as it did (built only for the candidates returned)."""
    from_core = core_weight is not None
    why = [_MATCH_NAME.get(row.tier, "name") + (" of the core name" if from_core else "")]
    why.append(f"population {row.population:,}" if row.population else f"{row.kind}")
    if ctx.country:
        fit = row.country == ctx.country
        why.append(f"in {ctx.country}" if fit else f"not in {ctx.country}")
    if nearest is not None:
        d, i = nearest
        why.append(f"{d:,.0f} km from {ctx.near[i][2]}")
    if ctx.kind and (from_core or not ctx.kind_from_query):
        fits = row.kind in KIND_FAMILIES.get(ctx.kind, frozenset({ctx.kind}))
        why.append(f"{row.kind} {'fits' if fits else 'does not fit'} '{ctx.kind}'")
    if ctx.named:
        fits = row.kind in KIND_FAMILIES.get(ctx.named, frozenset({ctx.named}))
        why.append(f"{row.kind} {'is' if fits else 'is not'} the {ctx.named} the name says")
    if row.layer == USER_LAYER:
        why.insert(0, "user place")
    return "; ".join(why)


def _loose_fits(row: Row, ctx: Context, key: str) -> bool:
    """A loose-spelling match counts only when alike enough to the query
    (:data:`~gazetteer.normalize.LOOSE_MIN_SIMILARITY`) and, given a country, in it."""
    if ctx.country and row.country not in (ctx.country, ""):
        return False
    return not key or similarity(key, row.name) >= LOOSE_MIN_SIMILARITY


@functools.lru_cache(maxsize=256)  # the places of one story serve many of its names
def _prepared(
    near: tuple[tuple[float, float, str], ...],
) -> tuple[tuple[float, float, float, float, float], ...]:
    """The context points as :func:`~gazetteer.geodesy.nearest_km` takes them."""
    return tuple(prepare_points((lat, lon) for lat, lon, _ in near))


@functools.lru_cache(maxsize=65536)
def _alike(key: str, name: str) -> float:
    """How alike a normalised query and a place's own name are (cached: pairs repeat)."""
    return similarity(key, name)


def rank(
    full: Sequence[Row], core: Sequence[Row], ctx: Context, limit: int, key: str = ""
) -> list[Place]:
    """Score candidates found by the whole query and by its core name; best first.

    User places rank before embedded ones; a place found both ways keeps its best score.
    ``key`` is the normalised query, used to weigh loose-spelling matches by similarity; those
    too unlike it, or outside the country of the context, are no candidates.
    """
    best: dict[str, tuple[float, float | None, Row, tuple[float, int] | None]] = {}
    if ctx.named and not any(r.kind in KIND_FAMILIES[ctx.named] for r in (*full, *core)):
        ctx = replace(ctx, named=None)  # no place of the kind the name says: scores as before
    core_weight = 0.8 if full else 0.92
    near = _prepared(ctx.near) if ctx.near else ()
    for rows, weight in ((full, None), (core, core_weight)) if core else ((full, None),):
        for row in rows:
            old = best.get(row.id)
            if old is not None and old[2] is row and old[1] == weight:
                continue  # the same row twice (a country hint brings it again): same score
            if row.tier == LOOSE_TIER and not _loose_fits(row, ctx, key):
                continue
            nearest = nearest_km(row.lat, row.lon, near) if near else None
            score = _score(row, ctx, weight, key, nearest)
            if old is None or (row.layer != USER_LAYER, -score) < (
                old[2].layer != USER_LAYER,
                -old[0],
            ):
                best[row.id] = (score, weight, row, nearest)
    # Scores within 0.001 (two towns of nearly equal size that both have the name as an
    # alternate, "Sloviansk"): the one whose own name is more like the query; then the higher
    # score and the more populous (two Henry Counties, both regions).
    ordered = list(best.values())
    if len(ordered) > 1:
        ordered.sort(
            key=lambda t: (t[2].layer != USER_LAYER, -round(t[0], 4), -t[2].population, t[2].pid)
        )
        top = ordered[0]
        tied = [t for t in ordered if t[2].layer == top[2].layer and top[0] - t[0] < 0.001]
        if key and len(tied) > 1:  # compare names only among near-ties (it costs)
            tied.sort(key=lambda t: -_alike(key, t[2].name))  # stable: score order otherwise
            ordered[: len(tied)] = tied
    return [
        to_place(row, score, _reason(row, ctx, weight, nearest))
        for score, weight, row, nearest in ordered[:limit]
    ]
