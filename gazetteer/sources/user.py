"""User places from a CSV, GeoJSON or YAML file; they win over the embedded ones.

Every format carries the same fields: ``name``, ``lat``, ``lon`` (required) and
``id``, ``aliases`` (a list, or ``;``-separated in CSV), ``kind`` (default ``town``),
``country`` (ISO alpha-2), ``extent_km`` and ``source`` (optional).  An ``id`` that
names an embedded place (``curated:k1-air-base``, ``geonames:98182``) replaces it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from gazetteer.errors import PlacesFileError
from gazetteer.place import Place
from gazetteer.sources import Record

__all__ = ["load_user_places"]

_SLUG = re.compile(r"[^a-z0-9]+")
_REQUIRED = ("name", "lat", "lon")


def load_user_places(path: str | Path) -> list[Record]:
    """Read a user places file; raise :class:`PlacesFileError` naming file, row and problem.

    Examples
    --------
    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = f.write("name,lat,lon,kind,aliases\\nCamp Alpha,33.1,44.2,base,Alpha;CA-1\\n")
    >>> f.close()
    >>> [r.place.id for r in load_user_places(f.name)]
    ['user:camp-alpha']
    >>> os.unlink(f.name)
    """
    path = Path(path)
    if not path.is_file():
        raise PlacesFileError(f"{path}: no such places file")
    suffix = path.suffix.lower()
    readers = {".csv": _csv_rows, ".geojson": _geojson_rows, ".json": _geojson_rows}
    readers |= {".yaml": _yaml_rows, ".yml": _yaml_rows}
    if suffix not in readers:
        raise PlacesFileError(f"{path}: unsupported places file type {suffix!r}; use {_types()}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise PlacesFileError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except OSError as err:
        raise PlacesFileError(f"{path}: cannot read ({err.strerror})") from err
    records = [_record(path, where, row) for where, row in readers[suffix](path, text)]
    if not records:
        raise PlacesFileError(f"{path}: no places in file")
    return records


def _types() -> str:
    return ".csv, .geojson, .json, .yaml or .yml"


def _csv_rows(path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    reader = csv.DictReader(text.splitlines())
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        have = ", ".join(columns) or "none"
        raise PlacesFileError(f"{path}: missing column {missing[0]!r} (columns: {have})")
    for n, row in enumerate(reader, start=2):
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if isinstance(clean.get("aliases"), str):
            clean["aliases"] = [a.strip() for a in clean["aliases"].split(";") if a.strip()]
        yield f"line {n}", clean


def _geojson_rows(path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise PlacesFileError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from err
    except RecursionError as err:
        raise PlacesFileError(f"{path}: JSON nested too deeply") from err
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise PlacesFileError(f"{path}: not a GeoJSON FeatureCollection")
    for n, feature in enumerate(features, start=1):
        geometry = (feature or {}).get("geometry") or {}
        coords = geometry.get("coordinates")
        if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
            raise PlacesFileError(f"{path}: feature {n}: geometry must be a Point")
        props = dict(feature.get("properties") or {})
        props["lon"], props["lat"] = coords[0], coords[1]
        yield f"feature {n}", props


def _yaml_rows(path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise PlacesFileError(f"{path}: not valid YAML{where}") from err
    if isinstance(data, dict):
        data = data.get("places")
    if not isinstance(data, list):
        raise PlacesFileError(f"{path}: expected a list of places or a 'places:' list")
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise PlacesFileError(f"{path}: entry {n}: expected a mapping of fields")
        yield f"entry {n}", item


def _record(path: Path, where: str, row: Mapping[str, Any]) -> Record:
    for field in _REQUIRED:
        if row.get(field) in (None, ""):
            raise PlacesFileError(f"{path}: {where}: missing {field}")
    name = str(row["name"]).strip()
    lat = _number(path, where, "latitude", row["lat"], 90.0)
    lon = _number(path, where, "longitude", row["lon"], 180.0)
    given = str(row.get("id") or "").strip()
    pid = given if ":" in given else "user:" + (given or _SLUG.sub("-", name.lower()).strip("-"))
    country = str(row.get("country") or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise PlacesFileError(f"{path}: {where}: country {country!r} is not an ISO alpha-2 code")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    place = Place(
        id=pid,
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        kind=str(row.get("kind") or "town").strip(),
        population=0,
        source=str(row.get("source") or f"user places file {path.name}"),
        extent_km=_number(path, where, "extent_km", row.get("extent_km") or 0, 20_000.0),
    )
    return Record(place, (name, *(str(a) for a in aliases)))


def _number(path: Path, where: str, label: str, value: Any, bound: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PlacesFileError(f"{path}: {where}: {label} {value!r} is not a number") from None
    if not -bound <= number <= bound:
        raise PlacesFileError(
            f"{path}: {where}: {label} {number:g} is outside [-{bound:g}, {bound:g}]"
        )
    return number
