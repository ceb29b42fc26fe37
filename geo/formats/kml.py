"""KML 2.2 for Google Earth (and GDAL's KML and LIBKML drivers), written and read.

A written file is one ``Document`` with a ``Schema`` naming every column, a
``Style`` and a ``Folder`` per kind (strike, attack; "other" for events without
one) and a ``Placemark`` per event: a ``name`` ("strike: Erbil, 2024-01-05"), a
``description`` (date, place, actor → target, fatalities, quote, sources), a
``TimeStamp`` (or a ``TimeSpan`` from ``date_min`` to ``date_max`` when they
differ), the ``Point`` and ``ExtendedData/SchemaData`` holding every column,
lists as JSON text and nulls left out; placemark ids ``row-1``, ``row-2`` … keep
the frame's order across the folders, so the file reads back to the same events.

Article text is hostile: the description is HTML-escaped before the XML is
escaped, and every style's balloon shows only that description, so Google
Earth displays it as text. Characters XML 1.0 cannot hold (control characters,
lone surrogates) are written as U+FFFD.

The reader takes any KML: placemarks at any depth, their ``SchemaData`` or
``Data`` values, Point/LineString/Polygon/MultiGeometry geometry (non-points
become a representative point) and, for a placemark without data, ``name`` →
``place``, ``description`` → ``quote`` and its time → dates; a folder named
after a kind gives the kind.

Examples
--------
>>> description({"kind": "strike", "date": "2024-01-05", "place": "<b>Irbil</b>",
...              "fatalities": 2, "sources": ["a1"]})
'strike, 2024-01-05<br>&lt;b&gt;Irbil&lt;/b&gt;<br>fatalities: 2<br>sources: a1'
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import pandas as pd
import shapely

from geo.errors import EventsFileError
from geo.formats.base import Read, is_null, json_value, rows_of, text_cell
from geo.schema import FLOAT_COLUMNS, INT_COLUMNS, KINDS

__all__ = ["NAMESPACE", "description", "read", "write"]

NAMESPACE: Final = "http://www.opengis.net/kml/2.2"
#: Icon colour per folder (KML colours are aabbggrr).
_COLOURS: Final = {"strike": "ff1c1cd6", "attack": "ff0080ff", "other": "ff808080"}
_ROW: Final = re.compile(r"row-(\d+)")
_BAD_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _BAD_XML.sub("\ufffd", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrib.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def description(rec: dict[str, Any]) -> str:
    """The balloon text of an event: HTML-escaped lines joined by ``<br>``."""
    when = text_cell(rec.get("date"))
    if text_cell(rec.get("date_min")) != text_cell(rec.get("date_max")):
        when += f" ({text_cell(rec.get('date_min'))} to {text_cell(rec.get('date_max'))})"
    place = text_cell(rec.get("place"))
    resolved = text_cell(rec.get("place_resolved"))
    lines = [
        f"{text_cell(rec.get('kind')) or 'event'}, {when}".strip(", "),
        f"{place} → {resolved}" if place and resolved and place != resolved else place or resolved,
    ]
    actor, target = text_cell(rec.get("actor")), text_cell(rec.get("target"))
    if actor or target:
        lines.append(f"{actor or '?'} → {target or '?'}")
    for name in ("fatalities", "injured"):
        if not is_null(rec.get(name)):
            lines.append(f"{name}: {rec[name]}")
    lines.append(text_cell(rec.get("quote")))
    infos = [i for i in rec.get("source_info") or [] if isinstance(i, dict)]
    parts = [[text_cell(i.get(k)) for k in ("outlet", "headline", "url")] for i in infos]
    named = [" ".join(p for p in part if p) for part in parts]
    sources = [n for n in named if n] or [str(s) for s in rec.get("sources") or []]
    if sources:
        lines.append("sources: " + "; ".join(sources))
    return "<br>".join(html.escape(line, quote=False) for line in lines if line)


def _cell(value: Any) -> str | None:
    if isinstance(value, list | tuple | dict):
        return json.dumps(json_value(value), ensure_ascii=False)
    if is_null(value):
        return None
    return repr(float(value)) if isinstance(value, float) else str(json_value(value))


def _head(doc: ET.Element, columns: list[str]) -> None:
    _sub(doc, "name", "strikemap events")
    schema = _sub(doc, "Schema", name="events", id="events")
    for name in columns:
        kind = "int" if name in INT_COLUMNS else "double" if name in FLOAT_COLUMNS else "string"
        _sub(schema, "SimpleField", name=name, type=kind)
    for folder, colour in _COLOURS.items():
        style = _sub(doc, "Style", id=folder)
        _sub(_sub(style, "IconStyle"), "color", colour)
        _sub(_sub(style, "BalloonStyle"), "text", "$[description]")


def _placemark(parent: ET.Element, rec: dict[str, Any], point: Any, folder: str, row: int) -> None:
    mark = _sub(parent, "Placemark", id=f"row-{row}")
    place = text_cell(rec.get("place_resolved")) or text_cell(rec.get("place"))
    label = ", ".join(p for p in (place, text_cell(rec.get("date"))) if p)
    _sub(mark, "name", f"{folder}: {label}" if label else folder)
    _sub(mark, "description", description(rec))
    first, last = text_cell(rec.get("date_min")), text_cell(rec.get("date_max"))
    if first and last and first != last:
        span = _sub(mark, "TimeSpan")
        _sub(span, "begin", first)
        _sub(span, "end", last)
    elif text_cell(rec.get("date")) or first:
        _sub(_sub(mark, "TimeStamp"), "when", text_cell(rec.get("date")) or first)
    _sub(mark, "styleUrl", f"#{folder}")
    data = _sub(_sub(mark, "ExtendedData"), "SchemaData", schemaUrl="#events")
    for name, value in rec.items():
        cell = _cell(value)
        if cell is not None:
            _sub(data, "SimpleData", cell, name=name)
    _sub(_sub(mark, "Point"), "coordinates", f"{float(point.x)!r},{float(point.y)!r}")


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as KML (see the module docstring)."""
    records = rows_of(pd.DataFrame(frame.drop(columns="geometry")))
    root = ET.Element("kml", xmlns=NAMESPACE)
    doc = _sub(root, "Document")
    _head(doc, [c for c in frame.columns if c != "geometry"])
    for folder in (*KINDS, "other"):
        wanted = [i for i, r in enumerate(records) if (text_cell(r["kind"]) or "other") == folder]
        if wanted:
            element = _sub(doc, "Folder")
            _sub(element, "name", folder)
            for i in wanted:
                _placemark(element, records[i], frame.geometry.iloc[i], folder, i + 1)
    ET.indent(root)
    ET.ElementTree(root).write(tmp, encoding="utf-8", xml_declaration=True)


# --- reading ---------------------------------------------------------------------------


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _child_text(element: ET.Element, *path: str) -> str | None:
    for name in path:
        found = _children(element, name)
        if not found:
            return None
        element = found[0]
    return (element.text or "").strip()


def _coordinates(element: ET.Element) -> list[tuple[float, ...]]:
    text = _child_text(element, "coordinates") or ""
    try:
        points = [tuple(float(v) for v in item.split(",")[:2]) for item in text.split()]
    except ValueError:
        raise ValueError(f"coordinates {text[:40]!r} are not lon,lat numbers") from None
    if not points or any(len(p) != 2 for p in points):
        raise ValueError(f"coordinates {text[:40]!r} are not lon,lat pairs")
    return points


def _geometry(element: ET.Element) -> Any:
    name = _local(element.tag)
    if name == "Point":
        return shapely.Point(_coordinates(element)[0])
    if name == "LineString":
        return shapely.LineString(_coordinates(element))
    if name == "Polygon":
        ring = element.find(".//{*}outerBoundaryIs/{*}LinearRing")
        return shapely.Polygon(_coordinates(ring)) if ring is not None else None
    if name == "MultiGeometry":
        parts = [_geometry(child) for child in element]
        return shapely.GeometryCollection([p for p in parts if p is not None])
    return None


def _placemark_geometry(mark: ET.Element) -> Any:
    for child in mark:
        try:
            geom = _geometry(child)
        except shapely.errors.GEOSException as err:
            raise ValueError(f"invalid {_local(child.tag)} ({err})") from None
        if geom is not None:
            return geom
    raise ValueError("no Point, LineString, Polygon or MultiGeometry")


def _values(mark: ET.Element, folder: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for data in mark.iterfind("{*}ExtendedData/{*}SchemaData/{*}SimpleData"):
        values[data.get("name", "")] = data.text or ""
    for data in mark.iterfind("{*}ExtendedData/{*}Data"):
        values[data.get("name", "")] = _child_text(data, "value") or ""
    values.pop("", None)
    if not values:  # a placemark from elsewhere: use what KML itself says
        when = _child_text(mark, "TimeStamp", "when")
        values = {
            "place": _child_text(mark, "name"),
            "quote": _child_text(mark, "description"),
            "date": when or _child_text(mark, "TimeSpan", "begin"),
            "date_min": when or _child_text(mark, "TimeSpan", "begin"),
            "date_max": when or _child_text(mark, "TimeSpan", "end"),
        }
    if "kind" not in values and folder in KINDS:
        values["kind"] = folder
    return values


def _walk(element: ET.Element, folder: str, found: list[tuple[ET.Element, str]]) -> None:
    for child in element:
        name = _local(child.tag)
        if name == "Placemark":
            found.append((child, folder))
        elif name in ("Document", "Folder"):
            inner = (_child_text(child, "name") or "") if name == "Folder" else folder
            _walk(child, inner, found)


def _written_order(marks: list[tuple[ET.Element, str]]) -> list[int] | None:
    """The frame order of placemarks we wrote (ids row-1..row-n), else None."""
    found = [_ROW.fullmatch(mark.get("id") or "") for mark, _ in marks]
    keys = [int(m[1]) for m in found if m]
    return keys if sorted(keys) == list(range(1, len(marks) + 1)) else None


def read(path: Path) -> Read:
    """Read the placemarks of a KML file, at any depth (rows: placemarks in file order).

    Placemarks written by :func:`write` come back in the order of the frame.
    """
    try:
        root = ET.parse(path).getroot()  # expat: no external entities, no entity blow-up
    except ET.ParseError as err:
        line, column = err.position
        raise EventsFileError(f"{path}: not valid XML (line {line}, column {column})") from err
    if _local(root.tag) != "kml":
        raise EventsFileError(f"{path}: not KML (root element {_local(root.tag)!r})")
    marks: list[tuple[ET.Element, str]] = []
    _walk(root, "", marks)
    values, geoms, rows, problems = [], [], [], []
    for number, (mark, folder) in enumerate(marks, 1):
        try:
            geoms.append(_placemark_geometry(mark))
        except ValueError as err:
            problems.append((number, str(err)))
            continue
        values.append(_values(mark, folder))
        rows.append(number)
    keys = _written_order(marks)
    if keys is not None:
        ranks = sorted(range(len(rows)), key=lambda i: keys[rows[i] - 1])
        values, geoms = [values[i] for i in ranks], [geoms[i] for i in ranks]
        rows = [rows[i] for i in ranks]
    names = list(dict.fromkeys(name for v in values for name in v))
    data = {n: pd.Series([v.get(n) for v in values], dtype=object) for n in names}
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=4326))
    return frame, rows, problems
