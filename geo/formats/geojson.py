"""GeoJSON (RFC 7946), written with :mod:`json` and read by GDAL through Arrow.

Written files have no ``crs`` member, ``[lon, lat]`` rounded to 6 decimals
(about 0.1 m), JSON-typed properties (lists as arrays, dates as ISO text,
null for missing) and the feature ``id`` set to ``event_id``. The reader
accepts any FeatureCollection; a legacy ``crs`` member is honoured. GDAL reads the file
(pyogrio, Arrow); when it fails, or a feature has no usable geometry, or GDAL skipped an
entry of ``features``, the file is read again with :mod:`json` to name the bad rows.

Examples
--------
>>> import numpy as np, shapely
>>> feature_json({"event_id": "e1", "fatalities": np.int64(2)}, shapely.Point(44.4, 33.3))
'{"type": "Feature", "id": "e1", "geometry": {"type": "Point", "coordinates": [44.4, 33.3]}, \
"properties": {"event_id": "e1", "fatalities": 2}}'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import pandas as pd
import shapely
import shapely.geometry

from geo.errors import EventsFileError
from geo.formats import geojson_lines
from geo.formats.base import Read, json_value, one_line
from geo.formats.geojson_lines import feature_rows

__all__ = ["all_features_read", "feature_json", "read", "read_json", "write"]

_WGS84: Final = {"properties": {"name": "EPSG:4326"}}


def feature_json(properties: dict[Any, Any], point: Any) -> str:
    """One GeoJSON Feature as a line of JSON text."""
    props = {name: json_value(value) for name, value in properties.items()}
    feature: dict[str, Any] = {"type": "Feature"}
    if props.get("event_id") is not None:
        feature["id"] = props["event_id"]
    coordinates = [round(point.x, 6), round(point.y, 6)]
    feature["geometry"] = {"type": "Point", "coordinates": coordinates}
    feature["properties"] = props
    return json.dumps(feature, ensure_ascii=False, allow_nan=False)


#: Rows turned into Python records at a time while writing (memory stays flat).
CHUNK: Final = 20_000


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as a FeatureCollection, one feature a line."""
    table = pd.DataFrame(frame.drop(columns="geometry"))
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for start in range(0, len(frame), CHUNK):
            records = table.iloc[start : start + CHUNK].to_dict("records")
            points = frame.geometry.iloc[start : start + CHUNK]
            for i, (props, point) in enumerate(zip(records, points, strict=True), start):
                fh.write((",\n" if i else "") + feature_json(props, point))
        fh.write("\n]}\n")


def _geometry(feature: Any) -> Any:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError("not a GeoJSON Feature")
    if feature.get("geometry") is None:
        return None
    coordinates = (
        feature["geometry"].get("coordinates") if isinstance(feature["geometry"], dict) else None
    )
    if coordinates is not None and not _numbers(coordinates):
        raise ValueError("invalid geometry (coordinates are not numbers)")
    try:
        return shapely.geometry.shape(feature["geometry"])
    except Exception as err:  # shapely raises many types for malformed input
        reason = f"no {err}" if isinstance(err, KeyError) else one_line(err)
        raise ValueError(f"invalid geometry ({reason})") from err


def _numbers(value: Any) -> bool:
    """Whether nested coordinate lists hold only JSON numbers."""
    if isinstance(value, list):
        return all(_numbers(v) for v in value)
    return isinstance(value, int | float) and not isinstance(value, bool)


def _load(path: Path) -> tuple[Any, list[Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise EventsFileError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except json.JSONDecodeError as err:
        msg = f"{path}: not valid JSON (line {err.lineno}, column {err.colno})"
        raise EventsFileError(msg) from err
    except RecursionError as err:
        raise EventsFileError(f"{path}: JSON nested too deeply") from err
    if not (isinstance(data, dict) and data.get("type") == "FeatureCollection"):
        raise EventsFileError(f"{path}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise EventsFileError(f"{path}: 'features' is not a list")
    try:  # RFC 7946 has no crs member, but older files name one
        crs = gpd.GeoSeries([], crs=(data.get("crs") or _WGS84)["properties"]["name"]).crs
    except Exception as err:
        raise EventsFileError(f"{path}: unusable 'crs' member ({one_line(err)})") from err
    return crs, features


def _tokens(path: Path, *tokens: bytes) -> list[int]:
    """How many times each JSON string occurs in the file, read in blocks (an escaped
    ``\\"Feature\\"`` inside a text is not counted)."""
    counts, tail, keep = [0] * len(tokens), b"", max(map(len, tokens)) - 1
    with open(path, "rb") as fh:
        while block := fh.read(1 << 24):
            data = tail + block
            for i, token in enumerate(tokens):
                counts[i] += data.count(token) - tail.count(token)
            tail = data[-keep:]
    return counts


def all_features_read(path: Path, rows: int) -> bool:
    """Whether GDAL's ``rows`` are every entry of ``features``: GDAL skips entries that are
    no Feature (``{"type": "Point", …}``) silently, and every feature has one ``"Feature"``
    and one ``"geometry"``."""
    return _tokens(path, b'"Feature"', b'"geometry"') == [rows, rows]


def _read_gdal(path: Path) -> gpd.GeoDataFrame | None:
    """The file as GDAL reads it, or None when it must be read with :mod:`json`."""
    from geo.formats.gpkg import read_gdal

    try:
        raw = read_gdal(path)
    except Exception:  # any GDAL failure: the json reader names the problem
        return None
    if not all_features_read(path, len(raw)):
        return None
    return feature_rows(raw)[0]


def read(path: Path) -> Read:
    """Read a FeatureCollection; a feature without a usable geometry is a bad row."""
    raw = geojson_lines.read(path)
    if raw is not None:
        return raw, None, []
    raw = _read_gdal(path)
    if raw is not None:
        return raw, None, []
    return read_json(path)


def read_json(path: Path) -> Read:
    """Read a FeatureCollection with :mod:`json`, naming each bad feature."""
    crs, features = _load(path)
    rows, geoms, props, problems = [], [], [], []
    for number, feature in enumerate(features, 1):
        try:
            geom = _geometry(feature)
            properties = feature.get("properties") or {}
            if not isinstance(properties, dict):
                raise ValueError("'properties' is not an object")
        except ValueError as err:
            problems.append((number, str(err)))
            continue
        if "event_id" not in properties and feature.get("id") is not None:
            properties = {"event_id": str(feature["id"]), **properties}
        rows.append(number)
        geoms.append(geom)
        props.append(properties)
    names = list(dict.fromkeys(name for p in props for name in p))
    table = {n: pd.Series([p.get(n) for p in props], dtype=object) for n in names}
    geometry = gpd.GeoSeries(geoms, crs=crs)
    raw = gpd.GeoDataFrame(pd.DataFrame(table, index=range(len(geoms))), geometry=geometry)
    return raw.infer_objects(), rows, problems
