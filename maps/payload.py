"""Events frame → the map payload: typed columns that :mod:`maps.encode` packs for the page.

One payload per map, not one script per marker: coordinates rounded to the
precision they have (:data:`PRECISION_DIGITS`), dates as day numbers, repeated
texts dictionary-encoded (``{"values": [...], "codes": int32 array}``), sources
deduplicated into one table, lists as offsets and indices (:mod:`maps.tables`).
Every column is computed for all events at once (numpy, pyarrow compute).

Keys: ``version``, ``n`` (events drawn), ``dropped`` (rows without usable
coordinates), ``bounds`` (``[[south, west], [north, east]]`` of the events and
their uncertainty areas, or None), ``lat``, ``lon`` (float arrays), ``id``,
``quote`` (pyarrow string arrays), ``date``/``d0``/``d1`` (days since 1970-01-01:
best day, earliest, latest; NaN when unknown), ``extent`` (km), ``fatalities``,
``injured``, ``mentions`` (float arrays, NaN when not reported), ``cat`` (the
dictionary-encoded columns of :data:`CATEGORY_COLUMNS`), ``sources`` (``table``
of the fields ``id``, ``outlet``, ``headline``, ``url``, ``published``, and per
event ``offsets``/``index`` into it), ``reasons`` (``values``, ``offsets``,
``index``), ``links`` (``a``, ``b`` event indices, ``reason`` codes, ``dropped``)
``default_extent_km`` and ``digits`` (decimals kept, per ``geo_precision`` value).

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
>>> p["n"], p["lat"].tolist(), p["date"].tolist(), p["cat"]["kind"]["values"]
(2, [33.12346, 33.123], [19755.0, nan], ['strike', 'attack'])
>>> script_json({"quote": "</script><b>&\\u2028"})
'{"quote":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from maps import tables
from maps.columns import Column, categories, day_numbers, numbers, texts
from maps.errors import MapInputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CATEGORY_COLUMNS",
    "DEFAULT_EXTENT_KM",
    "PRECISION_DIGITS",
    "build_payload",
    "columns_payload",
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


def _round(values: np.ndarray, digits: np.ndarray) -> np.ndarray:
    out = values.copy()
    for d in np.unique(digits):
        mask = digits == d
        out[mask] = np.round(values[mask], int(d))
    return out


def _radius_km(extent: np.ndarray, precision: dict[str, Any]) -> np.ndarray:
    """Radius of the area each event lies in (NaN for an exact site or an unknown level)."""
    values = precision["values"]
    default = np.array([DEFAULT_EXTENT_KM.get(v, np.nan) for v in values], dtype=float)
    exact = np.array([v == "facility" for v in values], dtype=bool)
    codes = precision["codes"]
    km = np.where(extent > 0, extent, default[codes]) if len(codes) else extent
    return np.where(exact[codes], np.nan, km) if len(codes) else km


def _bounds(lat: np.ndarray, lon: np.ndarray, km: np.ndarray) -> list[list[float]] | None:
    """South-west and north-east corners of the events and of their uncertainty areas."""
    if not len(lat):
        return None
    km = np.nan_to_num(km, nan=0.0)
    dlat = km / 111.32
    dlon = km / (111.32 * np.maximum(np.cos(np.radians(lat)), 0.01))
    south = float(max(-85.0, np.min(lat - dlat)))
    north = float(min(85.0, np.max(lat + dlat)))
    west = float(max(-180.0, np.min(lon - dlon)))
    east = float(min(180.0, np.max(lon + dlon)))
    return [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]]


def build_payload(events: pd.DataFrame, *, links: pd.DataFrame | None = None) -> dict[str, Any]:
    """Return the map payload of an events frame (see the module docstring for its keys).

    Rows without usable coordinates are left out and counted in ``dropped``.
    Every column is read as a whole (pyarrow compute, numpy): no loop over events.

    Raises
    ------
    MapInputError
        When ``events`` is not a (Geo)DataFrame with a geometry (or lat/lon), or
        ``links`` is not a DataFrame with ``strike_id`` and ``attack_id``.
    """
    import pandas as pd

    if not isinstance(events, pd.DataFrame):
        raise MapInputError(f"events must be a GeoDataFrame, not {type(events).__name__}")
    frame = events.reset_index(drop=True)
    lat, lon = _coordinates(frame)
    return columns_payload(frame, lat, lon, links=links)


#: Events as :func:`columns_payload` takes them.
Columns: TypeAlias = "pd.DataFrame | Mapping[str, Column]"


#: The columns a payload reads (others are left alone).
READ: Final[tuple[str, ...]] = (
    *CATEGORY_COLUMNS,
    *("event_id", "quote", "date", "date_min", "date_max", "extent_km"),
    *("fatalities", "injured", "mentions", "sources", "source_info", "reasons", "links"),
)


def _arrays(columns: Mapping[str, Column]) -> dict[str, Column]:
    """The columns the payload reads, each Arrow one as one array (chunks joined once)."""
    out: dict[str, Column] = {}
    for name in READ:
        column = columns.get(name)
        if isinstance(column, pa.ChunkedArray):
            column = column.combine_chunks()
        if column is not None:
            out[name] = column
    return out


def _rows(columns: Columns, keep: np.ndarray) -> Columns:
    """The rows ``keep`` (a boolean mask) of a DataFrame or of a mapping of Arrow columns."""
    if not isinstance(columns, Mapping):  # a DataFrame
        return columns[keep].reset_index(drop=True)
    mask = pa.array(keep)
    return {name: pc.filter(column, mask) for name, column in columns.items()}


def columns_payload(
    columns: Columns,
    lat: np.ndarray,
    lon: np.ndarray,
    *,
    links: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Return the map payload of events given as columns and coordinates (EPSG:4326).

    ``columns`` is a DataFrame (indexed 0..n-1, without its geometry) or a mapping of
    column names to pyarrow arrays, as :func:`build_payload` and the ``strikemap map``
    command have them; ``lat`` and ``lon`` hold one value per row (NaN where unknown).
    """
    usable = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    if isinstance(columns, Mapping):
        columns = _arrays(columns)
    frame = columns if usable.all() else _rows(columns, usable)
    lat, lon, n = lat[usable], lon[usable], int(usable.sum())

    cat = {name: categories(frame.get(name), n, lower=name in _LOWER) for name in CATEGORY_COLUMNS}
    gp = cat["geo_precision"]
    per_value = np.array([PRECISION_DIGITS.get(v, 5) for v in gp["values"]], dtype=int)
    digits = per_value[gp["codes"]]
    best, d0 = day_numbers(frame.get("date"), n), day_numbers(frame.get("date_min"), n)
    d1 = day_numbers(frame.get("date_max"), n)
    d0, d1 = np.where(np.isnan(d0), best, d0), np.where(np.isnan(d1), best, d1)
    d0, d1 = np.fmin(d0, d1), np.fmax(d0, d1)
    best = np.where(np.isnan(best), d0, best)
    ids = texts(frame.get("event_id"), n)
    lat, lon = _round(lat, digits), _round(lon, digits)
    extent = np.round(numbers(frame.get("extent_km"), n), 1)
    return {
        "version": 2,
        "n": n,
        "dropped": int(len(usable) - n),
        "bounds": _bounds(lat, lon, _radius_km(extent, gp)),
        "lat": lat,
        "lon": lon,
        "id": ids,
        "quote": texts(frame.get("quote"), n),
        "date": best,
        "d0": d0,
        "d1": d1,
        "extent": extent,
        "fatalities": np.floor(numbers(frame.get("fatalities"), n)),
        "injured": np.floor(numbers(frame.get("injured"), n)),
        "mentions": np.floor(numbers(frame.get("mentions"), n)),
        "cat": cat,
        "sources": tables.sources(frame, n),
        "reasons": tables.reasons(frame, n),
        "links": tables.links(frame, ids, links),
        "default_extent_km": dict(DEFAULT_EXTENT_KM),
        "digits": per_value.tolist(),
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
    text = json.dumps(obj, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text
