"""A checker for the rules of RFC 7946 (GeoJSON) that a file can break, used by the tests.

It checks what the RFC requires of a FeatureCollection: the ``type`` members,
no ``crs`` member anywhere (section 4 removed it), positions of two or three
numbers in longitude, latitude order within WGS 84 ranges (3.1.1), LineStrings
of two positions or more, closed linear rings of four positions or more with
exterior rings counterclockwise and holes clockwise (3.1.6, right-hand rule),
a ``geometry`` and a ``properties`` member on every Feature (null or an
object), an ``id`` that is a string or number (3.2), a ``bbox`` of 2n numbers
(5), and no NaN or Infinity (JSON has neither).

>>> rfc7946_problems({"type": "FeatureCollection", "features": [], "crs": {}})
['crs: not allowed by RFC 7946']
>>> square = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]
>>> rfc7946_problems({"type": "Polygon", "coordinates": [square]})
['geometry.coordinates[0]: exterior ring is clockwise (RFC 7946 3.1.6: counterclockwise)']
"""

from __future__ import annotations

import itertools
import json
import math
from typing import Any

__all__ = ["load_strict", "rfc7946_problems"]

_GEOMETRIES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}


def load_strict(text: str) -> Any:
    """Parse JSON text, refusing NaN and Infinity."""

    def refuse(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _position(pos: Any, where: str) -> list[str]:
    numbers = isinstance(pos, list) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in pos
    )
    if not numbers or len(pos) not in (2, 3):
        return [f"{where}: position {pos!r} is not 2 or 3 numbers"]
    if not all(math.isfinite(v) for v in pos):
        return [f"{where}: position {pos!r} is not finite"]
    lon, lat = pos[0], pos[1]
    if not -180 <= lon <= 180 or not -90 <= lat <= 90:
        return [f"{where}: position {pos!r} is not [longitude, latitude] in range"]
    return []


def _signed_area(ring: list[list[float]]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _ring(ring: Any, where: str, exterior: bool) -> list[str]:
    if not isinstance(ring, list) or len(ring) < 4:
        return [f"{where}: a linear ring needs 4 positions or more"]
    problems = [p for i, pos in enumerate(ring) for p in _position(pos, f"{where}[{i}]")]
    if problems:
        return problems
    if ring[0] != ring[-1]:
        return [f"{where}: linear ring is not closed"]
    area = _signed_area(ring)
    if exterior and area < 0:
        return [f"{where}: exterior ring is clockwise (RFC 7946 3.1.6: counterclockwise)"]
    if not exterior and area > 0:
        return [f"{where}: hole is counterclockwise (RFC 7946 3.1.6: clockwise)"]
    return []


def _polygon(rings: Any, where: str) -> list[str]:
    if not isinstance(rings, list) or not rings:
        return [f"{where}: a Polygon needs at least one ring"]
    return [p for i, ring in enumerate(rings) for p in _ring(ring, f"{where}[{i}]", i == 0)]


def _coordinates(kind: str, coords: Any, where: str) -> list[str]:
    if kind == "Point":
        return _position(coords, where)
    if not isinstance(coords, list):
        return [f"{where}: coordinates of a {kind} must be an array"]
    if kind == "MultiPoint":
        return [p for i, c in enumerate(coords) for p in _position(c, f"{where}[{i}]")]
    if kind == "LineString":
        if len(coords) < 2:
            return [f"{where}: a LineString needs 2 positions or more"]
        return [p for i, c in enumerate(coords) for p in _position(c, f"{where}[{i}]")]
    if kind == "MultiLineString":
        return [
            p for i, c in enumerate(coords) for p in _coordinates("LineString", c, f"{where}[{i}]")
        ]
    if kind == "Polygon":
        return _polygon(coords, where)
    return [p for i, c in enumerate(coords) for p in _polygon(c, f"{where}[{i}]")]


def _geometry(geom: Any, where: str) -> list[str]:
    if geom is None:
        return []
    if not isinstance(geom, dict):
        return [f"{where}: geometry is not an object or null"]
    kind = geom.get("type")
    if kind == "GeometryCollection":
        parts = geom.get("geometries")
        if not isinstance(parts, list):
            return [f"{where}: GeometryCollection without geometries"]
        return [p for i, g in enumerate(parts) for p in _geometry(g, f"{where}.geometries[{i}]")]
    if kind not in _GEOMETRIES:
        return [f"{where}: unknown geometry type {kind!r}"]
    return _coordinates(kind, geom.get("coordinates"), f"{where}.coordinates")


def _feature(feature: Any, where: str) -> list[str]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return [f"{where}: not a Feature"]
    problems = []
    if "geometry" not in feature:
        problems.append(f"{where}: no geometry member")
    if "properties" not in feature:
        problems.append(f"{where}: no properties member")
    elif feature["properties"] is not None and not isinstance(feature["properties"], dict):
        problems.append(f"{where}: properties is not an object or null")
    if "id" in feature and not isinstance(feature["id"], str | int | float):
        problems.append(f"{where}: id is not a string or number")
    return problems + _geometry(feature.get("geometry"), f"{where}.geometry")


def _crs_members(value: Any, where: str) -> list[str]:
    if isinstance(value, dict):
        found = [f"{where}crs: not allowed by RFC 7946"] if "crs" in value else []
        for key, inner in value.items():
            if key not in ("properties", "crs"):
                found += _crs_members(inner, f"{where}{key}.")
        return found
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _crs_members(v, f"{where[:-1]}[{i}].")]
    return []


def rfc7946_problems(data: Any) -> list[str]:
    """Every RFC 7946 rule ``data`` (parsed GeoJSON) breaks, as one line each."""
    problems = _crs_members(data, "")
    bbox = data.get("bbox") if isinstance(data, dict) else None
    if bbox is not None and (not isinstance(bbox, list) or len(bbox) not in (4, 6)):
        problems.append("bbox: not 2n numbers")
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            return [*problems, "features: not an array"]
        return problems + [p for i, f in enumerate(features) for p in _feature(f, f"features[{i}]")]
    if kind == "Feature":
        return problems + _feature(data, "feature")
    return problems + _geometry(data, "geometry") if isinstance(data, dict) else ["not an object"]
