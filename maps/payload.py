"""Events frame → one compact, columnar JSON payload that the page renders itself.

One payload per map, not one script per marker: columns as arrays, repeated
texts dictionary-encoded (``{"values": [...], "codes": [...]}``), sources
deduplicated into one table, coordinates rounded to the precision they have
(:data:`PRECISION_DIGITS`). :func:`script_json` makes it safe to embed in a
``<script type="application/json">`` block.

Keys: ``n`` (events drawn), ``dropped`` (rows without usable coordinates),
``bounds`` (``[[south, west], [north, east]]`` or null), ``lat``, ``lon``,
``id``, ``quote``, ``date``/``d0``/``d1`` (days since 1970-01-01: best day,
earliest, latest; null when unknown), ``extent`` (km or null), ``fatalities``,
``injured``, ``mentions``, ``cat`` (the dictionary-encoded columns of
:data:`CATEGORY_COLUMNS`), ``sources`` (columns ``id``, ``outlet``,
``headline``, ``url``, ``published``), ``event_sources`` (per event, indices
into ``sources``), ``reasons`` (``values`` and per-event ``lists`` of codes),
``links`` (``a``, ``b`` event indices, ``reason`` codes, ``dropped``) and
``default_extent_km``.

Only ``geometry`` is required; every other column is optional.

Examples
--------
>>> import geopandas as gpd, shapely
>>> gdf = gpd.GeoDataFrame(
...     {"kind": ["strike", "attack"], "geo_precision": ["facility", "town"],
...      "date": ["2024-02-02", None]},
...     geometry=[shapely.Point(44.123456, 33.123456), shapely.Point(44.123456, 33.123456)],
...     crs=4326)
>>> p = build_payload(gdf)
>>> p["n"], p["lat"], p["date"], p["cat"]["kind"]["values"]
(2, [33.12346, 33.123], [19755, None], ['strike', 'attack'])
>>> script_json({"quote": "</script><b>&\\u2028"})
'{"quote":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Final

import numpy as np
import pandas as pd

from maps.columns import (
    categories,
    clean_text,
    day_numbers,
    list_cell,
    numbers,
    optional_ints,
    texts,
)
from maps.errors import MapInputError

__all__ = [
    "CATEGORY_COLUMNS",
    "DEFAULT_EXTENT_KM",
    "PRECISION_DIGITS",
    "build_payload",
    "script_json",
]

#: geo_precision → decimals kept (1e-5° ≈ 1 m, 1e-3° ≈ 100 m, 1e-2° ≈ 1 km); others keep 5.
PRECISION_DIGITS: Final[dict[str, int]] = {
    "facility": 5,
    "town": 3,
    "region": 2,
    "country": 2,
    "sea": 2,
}
#: Radius drawn for an imprecise event whose extent_km is missing (the popup says so).
DEFAULT_EXTENT_KM: Final[dict[str, float]] = {
    "town": 10.0,
    "region": 100.0,
    "country": 300.0,
    "sea": 150.0,
}
#: Text columns sent dictionary-encoded.
CATEGORY_COLUMNS: Final[tuple[str, ...]] = (
    "kind",
    "weapon",
    "date_precision",
    "geo_precision",
    "actor",
    "actor_side",
    "target",
    "place",
    "place_resolved",
    "country",
    "admin1",
)
_SOURCE_FIELDS: Final[tuple[str, ...]] = ("id", "outlet", "headline", "url", "published")
_LOWER: Final[frozenset[str]] = frozenset({"kind", "weapon", "date_precision", "geo_precision"})


def _coordinates(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Return (lat, lon) per row in EPSG:4326, NaN where a row has no usable point."""
    import shapely

    geoms = getattr(events, "geometry", None) if hasattr(events, "set_geometry") else None
    if geoms is None:
        if {"lat", "lon"} <= set(events.columns):
            return numbers(events["lat"], len(events)), numbers(events["lon"], len(events))
        raise MapInputError("events need a geometry column (or lat and lon columns)")
    crs = geoms.crs
    if crs is not None and crs.to_epsg() != 4326:
        geoms = geoms.to_crs(4326)
    values = np.array(geoms.values, dtype=object)
    values[shapely.is_missing(values) | shapely.is_empty(values)] = None
    other = shapely.get_type_id(values) > 0
    values[other] = shapely.point_on_surface(values[other])
    return shapely.get_y(values), shapely.get_x(values)


def _round(values: np.ndarray, digits: np.ndarray) -> list[float]:
    out = values.copy()
    for d in np.unique(digits):
        mask = digits == d
        out[mask] = np.round(values[mask], int(d))
    return [float(v) for v in out]


def _maybe(values: np.ndarray, digits: int | None = None) -> list[Any]:
    """Floats to a JSON list: NaN → None, whole numbers → int."""
    out: list[Any] = []
    for v in values.tolist():
        if math.isnan(v):
            out.append(None)
        elif digits is None or float(v).is_integer():
            out.append(int(v))
        else:
            out.append(round(v, digits))
    return out


def _sources(events: pd.DataFrame) -> tuple[dict[str, list[str]], list[list[int]]]:
    """One deduplicated sources table, and each event's indices into it."""
    table: dict[str, list[str]] = {f: [] for f in _SOURCE_FIELDS}
    index: dict[Any, int] = {}
    n = len(events)
    ids = events["sources"].tolist() if "sources" in events else [None] * n
    infos = events["source_info"].tolist() if "source_info" in events else [None] * n
    per_event: list[list[int]] = []
    for raw_ids, raw_info in zip(ids, infos, strict=True):
        mine: list[int] = []
        records = [r for r in list_cell(raw_info) if isinstance(r, Mapping)]
        records += [{"id": s} for s in list_cell(raw_ids) if not isinstance(s, Mapping)]
        for rec in records:
            key: Any = rec.get("id")
            if not (isinstance(key, str) and key in index):
                row = {f: clean_text(rec.get(f)) for f in _SOURCE_FIELDS}
                key = row["id"] or (row["outlet"], row["headline"], row["url"])
                if key not in index:
                    index[key] = len(table["id"])
                    for f in _SOURCE_FIELDS:
                        table[f].append(row[f])
            if index[key] not in mine:
                mine.append(index[key])
        per_event.append(mine)
    return table, per_event


def _reasons(events: pd.DataFrame) -> dict[str, Any]:
    values: dict[str, int] = {}
    lists: list[list[int]] = []
    column = events["reasons"].tolist() if "reasons" in events else [None] * len(events)
    for cell in column:
        lists.append([values.setdefault(clean_text(r), len(values)) for r in list_cell(cell)])
    return {"values": list(values), "lists": lists}


def _link_pairs(events: pd.DataFrame, links: pd.DataFrame | None) -> list[tuple[str, str, str]]:
    """(id, id, reason) from a links table, or else from a ``links`` column of event ids."""
    if links is None:
        attr = events.attrs.get("links")
        links = attr if isinstance(attr, pd.DataFrame) else None
    if links is not None:
        if not isinstance(links, pd.DataFrame):
            raise MapInputError(f"links must be a DataFrame, not {type(links).__name__}")
        missing = {"strike_id", "attack_id"} - set(links.columns)
        if missing:
            raise MapInputError(f"links lack column(s) {', '.join(sorted(missing))}")
        a, b = texts(links["strike_id"], len(links)), texts(links["attack_id"], len(links))
        why = texts(links.get("reason"), len(links))
        return list(zip(a, b, why, strict=True))
    if "links" not in events or "event_id" not in events:
        return []
    pairs = []
    for own, cell in zip(texts(events["event_id"], len(events)), events["links"], strict=True):
        pairs += [(own, clean_text(other), "") for other in list_cell(cell)]
    return pairs


def _links(events: pd.DataFrame, ids: list[str], links: pd.DataFrame | None) -> dict[str, Any]:
    position: dict[str, int] = {}
    for i, event_id in enumerate(ids):
        if event_id:
            position.setdefault(event_id, i)
    a: list[int] = []
    b: list[int] = []
    why: list[str] = []
    pairs = _link_pairs(events, links)
    for first, second, reason in pairs:
        if first in position and second in position and position[first] != position[second]:
            a.append(position[first])
            b.append(position[second])
            why.append(reason)
    reasons = categories(pd.Series(why, dtype=object), len(why))
    return {"a": a, "b": b, "reason": reasons, "dropped": len(pairs) - len(a)}


def build_payload(events: pd.DataFrame, *, links: pd.DataFrame | None = None) -> dict[str, Any]:
    """Return the map payload of an events frame (see the module docstring for its keys).

    Rows without usable coordinates are left out and counted in ``dropped``.

    Raises
    ------
    MapInputError
        When ``events`` is not a (Geo)DataFrame with a geometry (or lat/lon), or
        ``links`` is not a DataFrame with ``strike_id`` and ``attack_id``.
    """
    if not isinstance(events, pd.DataFrame):
        raise MapInputError(f"events must be a GeoDataFrame, not {type(events).__name__}")
    lat, lon = _coordinates(events.reset_index(drop=True))
    usable = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    frame = events.reset_index(drop=True)[usable].reset_index(drop=True)
    lat, lon, n = lat[usable], lon[usable], int(usable.sum())

    def col(name: str) -> pd.Series | None:
        return frame[name] if name in frame.columns else None

    cat = {name: categories(col(name), n) for name in CATEGORY_COLUMNS}
    for name in _LOWER & set(cat):
        cat[name]["values"] = [v.lower() for v in cat[name]["values"]]
    gp = cat["geo_precision"]
    per_value = np.array([PRECISION_DIGITS.get(v, 5) for v in gp["values"]], dtype=int)
    digits = per_value[np.asarray(gp["codes"], dtype=int)]
    best, d0 = day_numbers(col("date"), n), day_numbers(col("date_min"), n)
    d1 = day_numbers(col("date_max"), n)
    d0, d1 = np.where(np.isnan(d0), best, d0), np.where(np.isnan(d1), best, d1)
    d0, d1 = np.fmin(d0, d1), np.fmax(d0, d1)
    best = np.where(np.isnan(best), d0, best)
    ids = texts(col("event_id"), n)
    sources, event_sources = _sources(frame)
    lats, lons = _round(lat, digits), _round(lon, digits)
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]] if n else None
    return {
        "version": 1,
        "n": n,
        "dropped": int(len(events) - n),
        "bounds": bounds,
        "lat": lats,
        "lon": lons,
        "id": ids,
        "quote": texts(col("quote"), n),
        "date": _maybe(best),
        "d0": _maybe(d0),
        "d1": _maybe(d1),
        "extent": _maybe(numbers(col("extent_km"), n), 1),
        "fatalities": optional_ints(col("fatalities"), n),
        "injured": optional_ints(col("injured"), n),
        "mentions": optional_ints(col("mentions"), n),
        "cat": cat,
        "sources": sources,
        "event_sources": event_sources,
        "reasons": _reasons(frame),
        "links": _links(frame, ids, links),
        "default_extent_km": dict(DEFAULT_EXTENT_KM),
    }


_SCRIPT_ESCAPES: Final[dict[str, str]] = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(obj: Any) -> str:
    """Return ``obj`` as JSON that is safe inside a ``<script type="application/json">``.

    ``<``, ``>``, ``&``, U+2028 and U+2029 (only ever inside JSON strings) become
    ``\\uXXXX`` escapes, so no data can close the block or open a comment, and
    ``JSON.parse`` gives back the same strings. NaN is refused (JSON has none).
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text
