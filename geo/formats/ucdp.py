"""UCDP Georeferenced Event Dataset (GED) CSV files, read and written.

Reading (:func:`read`) needs the columns of :data:`REQUIRED`:

* ``date_start``/``date_end`` (``YYYY-MM-DD``, a time part is ignored) →
  ``date_min``/``date_max``, ``date`` their middle day; ``date_prec`` →
  ``date_precision`` (1 day, 2 week, 3 month, 4 and 5 year).
* ``where_prec`` → ``ucdp_where_prec`` and ``geo_precision`` (docs/precision.md);
  ``extent_km`` is 25 for ``where_prec`` 2 ("within 25 km"), else unknown.
* ``kind`` is ``strike`` in state-based violence (``type_of_violence`` 1: its ``side_a`` is
  a government) and when ``side_a`` is a state ("Government of …", a country's name, a
  state's forces in the actor lexicon, or a country's or its people's name before "army",
  "air force", "military" …), else ``attack``; ``side_a`` → ``actor``,
  ``side_b`` → ``target``.
* ``weapon`` is the one weapon the headlines name, if exactly one
  (:func:`geo.formats.codes.violence.weapons_named`), else unknown.
* ``best`` → ``fatalities``; ``where_coordinates`` → ``place_resolved``,
  ``where_description`` → ``place``, ``adm_1`` → ``admin1``, ``country`` → ISO
  alpha-2 code, ``id`` → ``event_id``; ``source_office``/``source_headline``/
  ``source_date``/``source_article`` (``;``-separated) → ``source_info`` and
  ``sources``.
* Every other column (``low``, ``high``, ``type_of_violence``, ``deaths_a``, …)
  is kept as ``ucdp_<name>`` text.

A bad date, coordinate or code makes a bad row. Writing (:func:`write`)
derives each column from the event; carried ``ucdp_<name>`` values are written
back while they agree with it (``low``/``high`` around ``best``, the
``deaths_*`` adding up to ``best``, a ``country`` naming the event's country).
``type_of_violence`` is derived as 3 (one-sided) when the target is civilians,
1 (state-based) for a strike, else 2; ``priogrid_gid`` from the point (PRIO-GRID
0.5° cells). UCDP has no event text, so ``quote`` is not written.

Examples
--------
>>> priogrid(33.3406, 44.4009), priogrid(-89.9, -179.9)
(177569, 1)
>>> parse_date("2019-12-29 00:00:00.000", "date_start")
'2019-12-29'
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import pandas as pd

from geo.extract.subevent import sub_event_type
from geo.formats.base import (
    Read,
    is_null,
    read_csv_table,
    records_frame,
    require_columns,
    rows_of,
    text_cell,
    write_csv_table,
)
from geo.formats.codes.countries import country_code, country_name
from geo.formats.codes.ucdp import source_columns, source_info
from geo.formats.codes.violence import actor_code, is_civilian, state_forces, weapons_named
from geo.schema import (
    ACLED_GEO_PRECISION,
    FROM_UCDP_DATE_PREC,
    FROM_UCDP_WHERE_PREC,
    UCDP_DATE_PREC,
    UCDP_WHERE_PREC,
)

__all__ = ["COLUMNS", "PREFIX", "REQUIRED", "parse_date", "priogrid", "read", "sniff", "write"]

#: The columns of a UCDP GED CSV file, in UCDP's order.
COLUMNS: Final = tuple(
    """id relid year active_year code_status type_of_violence conflict_dset_id conflict_new_id
    conflict_name dyad_dset_id dyad_new_id dyad_name side_a_dset_id side_a_new_id side_a
    side_b_dset_id side_b_new_id side_b number_of_sources source_article source_office
    source_date source_headline source_original where_prec where_coordinates where_description
    adm_1 adm_2 latitude longitude geom_wkt priogrid_gid country country_id region
    event_clarity date_prec date_start date_end deaths_a deaths_b deaths_civilians
    deaths_unknown best high low gwnoa gwnob""".split()
)
#: The columns a file must have to be read.
REQUIRED: Final = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "country",
    "where_prec",
    "latitude",
    "longitude",
    "date_prec",
    "date_start",
    "date_end",
    "best",
)
#: Prefix of the columns that carry UCDP values with no place in the events schema.
PREFIX: Final = "ucdp_"
_VIOLENCE: Final = {1: "state-based", 2: "non-state", 3: "one-sided"}
_DEATHS: Final = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
_DATE: Final = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_GOVERNMENT: Final = re.compile(r"^\s*Government of\b", re.IGNORECASE)
_MAPPED: Final = frozenset(
    {"id", "year", "side_a", "side_b", "adm_1", "where_prec", "where_coordinates"}
    | {"where_description", "latitude", "longitude", "geom_wkt", "date_start", "date_end"}
    | {"best", "source_article", "source_office", "source_date", "source_headline"}
)


def sniff(header: list[str]) -> bool:
    """Whether a CSV header is UCDP GED's (where_prec, date_prec and best)."""
    return {"where_prec", "date_prec", "best"} <= set(header)


def priogrid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell id (0.5°, numbered from 1 at 90°S 180°W, row by row) of a point."""
    row = min(math.floor((lat + 90) * 2), 359)
    col = min(math.floor((lon + 180) * 2), 719)
    return row * 720 + col + 1


def parse_date(text: str, name: str) -> str:
    """A UCDP date (``YYYY-MM-DD``, optionally with a time) as ISO text, or ValueError."""
    match = _DATE.match(text.strip())
    try:
        return dt.date.fromisoformat(match.group(1) if match else "?").isoformat()
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a date (YYYY-MM-DD)") from None


def _code(row: dict[str, str], name: str, codes: dict[int, str]) -> int:
    text = row[name].strip()
    if text.removesuffix(".0").isdigit() and int(text.removesuffix(".0")) in codes:
        return int(text.removesuffix(".0"))
    raise ValueError(f"{name} {text!r} is not one of {', '.join(map(str, codes))}")


def _number(row: dict[str, str], name: str) -> float:
    text = row[name].strip()
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a number" if text else f"no {name}") from None


def _dates(row: dict[str, str]) -> tuple[str, str, str, str]:
    """``(date, date_precision, date_min, date_max)`` of a row."""
    start, end = (
        parse_date(row["date_start"], "date_start"),
        parse_date(row["date_end"], "date_end"),
    )
    if end < start:
        raise ValueError(f"date_end {end} is before date_start {start}")
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    middle = first + (last - first) // 2
    precision = FROM_UCDP_DATE_PREC[_code(row, "date_prec", FROM_UCDP_DATE_PREC)]
    return middle.isoformat(), precision, start, end


def _kind(row: dict[str, str]) -> tuple[str, list[str]]:
    violence = _code(row, "type_of_violence", _VIOLENCE)
    side_a = row["side_a"]
    # In state-based violence side_a is a government (UCDP's definition); else its name says.
    government = violence == 1 or bool(_GOVERNMENT.match(side_a)) or _is_state(side_a)
    kind = "strike" if government else "attack"
    why = "side_a is a state" if government else "side_a is not a state"
    return kind, [f"ucdp: {kind} because {why} ({_VIOLENCE[violence]} violence)"]


def _is_state(side: str) -> bool:
    """Whether a side is a state: a country's name, a state's forces in the actor lexicon, or
    a country's (or its people's) name before its forces ("Nigerian Air Force")."""
    if not side.strip():
        return False
    if len(side.strip()) > 3 and country_code(side) is not None:  # a name, not "IS" (Iceland)
        return True
    return actor_code(side, "") in (1, 8) or state_forces(side) is not None


def _event(row: dict[str, str]) -> dict[str, Any]:
    """One GED row as an event record (schema columns, ucdp_*, lat and lon)."""
    date, precision, date_min, date_max = _dates(row)
    where = _code(row, "where_prec", FROM_UCDP_WHERE_PREC)
    geo_precision = FROM_UCDP_WHERE_PREC[where]
    kind, reasons = _kind(row)
    named = weapons_named(row.get("source_headline", ""))
    if len(named) == 1:
        reasons.append(f"ucdp: weapon {named[0]} named in the headlines")
    infos = source_info(row)
    return {
        "event_id": row["id"] or None,
        "kind": kind,
        "weapon": named[0] if len(named) == 1 else "",
        "sub_event_type": sub_event_type(
            kind,
            named[0] if len(named) == 1 else "",
            row.get("source_headline", ""),
            row.get("side_b", ""),
        ),
        "date": date,
        "date_precision": precision,
        "date_min": date_min,
        "date_max": date_max,
        "place": row.get("where_description", ""),
        "place_resolved": row.get("where_coordinates", ""),
        "geo_precision": geo_precision,
        "acled_geo_precision": ACLED_GEO_PRECISION[geo_precision],
        "ucdp_where_prec": where,
        "extent_km": 25.0 if where == 2 else None,
        "country": country_code(row["country"]) if row["country"].strip() else "",
        "admin1": row.get("adm_1", ""),
        "actor": row["side_a"],
        "target": row["side_b"],
        "fatalities": row["best"],
        "sources": [info["id"] for info in infos],
        "source_info": infos,
        "reasons": reasons,
        "lat": _number(row, "latitude"),
        "lon": _number(row, "longitude"),
        **{PREFIX + k: v for k, v in row.items() if k not in _MAPPED},
    }


def read(path: Path) -> Read:
    """Read a UCDP GED CSV file (see the module docstring)."""
    table = read_csv_table(path)
    require_columns(path, table, REQUIRED, "UCDP GED")
    records, rows, problems = [], [], []
    ids: dict[int, str] = {}
    for number, row in enumerate(rows_of(table), 1):
        try:
            records.append(_event(row))
        except ValueError as err:
            problems.append((number, str(err)))
            ids[number] = row["id"]
            continue
        rows.append(number)
    frame = records_frame(records)
    frame.attrs["row_ids"] = ids  # the ids of the bad rows, for the diagnostics
    return frame, rows, problems


# --- writing ---------------------------------------------------------------------------


def _carried(rec: dict[str, Any], name: str) -> str | None:
    value = rec.get(PREFIX + name)
    return None if is_null(value) else str(value)


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None and text.strip() else None
    except ValueError:
        return None


def _deaths(rec: dict[str, Any], best: int | None) -> dict[str, str]:
    if best is None:
        return {name: "" for name in (*_DEATHS, "best", "low", "high")}
    carried = [_int(_carried(rec, name)) for name in _DEATHS]
    if None in carried or sum(c or 0 for c in carried) != best:
        civilians = is_civilian(text_cell(rec["target"]))
        carried = [0, 0, best if civilians else 0, 0 if civilians else best]
    low, high = _int(_carried(rec, "low")), _int(_carried(rec, "high"))
    in_range = low is not None and high is not None and low <= best <= high
    return {
        **{name: str(value) for name, value in zip(_DEATHS, carried, strict=True)},
        "best": str(best),
        "high": str(high if in_range else best),
        "low": str(low if in_range else best),
    }


def _violence(rec: dict[str, Any]) -> str:
    kind, raw = text_cell(rec["kind"]), _carried(rec, "type_of_violence")
    if raw is not None and (raw.strip() != "1" or kind == "strike"):
        return raw
    if is_civilian(text_cell(rec["target"])):
        return "3"
    return "1" if kind == "strike" else "2"


def _when(rec: dict[str, Any], label: str) -> dict[str, str]:
    start = text_cell(rec["date_min"]) or text_cell(rec["date"])
    end = text_cell(rec["date_max"]) or text_cell(rec["date"]) or start
    if not start:
        raise ValueError(f"{label}: no date; UCDP rows need date_start and date_end")
    precision, raw = text_cell(rec["date_precision"]), _carried(rec, "date_prec")
    same = raw is not None and FROM_UCDP_DATE_PREC.get(_int(raw) or 0) == precision
    derived = str(UCDP_DATE_PREC.get(precision, 1))
    return {
        "year": start[:4],
        "date_prec": raw if same and raw is not None else derived,
        "date_start": start,
        "date_end": end,
    }


def _where(rec: dict[str, Any], point: Any) -> dict[str, str]:
    code, raw = text_cell(rec["country"]), _carried(rec, "country")
    name = raw if raw is not None and (country_code(raw) or "") == code else ""
    where = rec["ucdp_where_prec"]
    if is_null(where):
        where = UCDP_WHERE_PREC.get(text_cell(rec["geo_precision"]), 6)
    lat, lon = repr(round(float(point.y), 6)), repr(round(float(point.x), 6))
    return {
        "where_prec": str(int(where)),
        "where_coordinates": text_cell(rec["place_resolved"]) or text_cell(rec["place"]),
        "where_description": text_cell(rec["place"]),
        "adm_1": text_cell(rec["admin1"]),
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})",
        "priogrid_gid": str(priogrid(float(point.y), float(point.x))),
        "country": name or (country_name(code, scheme="ucdp") if code else ""),
    }


def _row(rec: dict[str, Any], point: Any, label: str) -> dict[str, str]:
    side_a, side_b = text_cell(rec["actor"]), text_cell(rec["target"])
    fatalities = rec["fatalities"]
    sources = source_columns(rec["source_info"] or [], rec["sources"] or [])
    row = {name: _carried(rec, name) or "" for name in COLUMNS}
    row |= {
        "id": text_cell(rec["event_id"]),
        "type_of_violence": _violence(rec),
        "dyad_name": _carried(rec, "dyad_name") or (f"{side_a} - {side_b}" if side_b else ""),
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": _carried(rec, "number_of_sources") or str(len(rec["sources"] or [])),
        **sources,
        **_where(rec, point),
        **_when(rec, label),
        **_deaths(rec, None if is_null(fatalities) else int(fatalities)),
    }
    return row


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as a UCDP GED CSV file (module docstring)."""
    records = rows_of(pd.DataFrame(frame.drop(columns="geometry")))
    extra = [c for c in frame.columns if c.startswith(PREFIX) and c[len(PREFIX) :] not in COLUMNS]
    rows = []
    for number, (rec, point) in enumerate(zip(records, frame.geometry, strict=True), 1):
        label = f"row {number} (event {text_cell(rec['event_id'])!r})"
        rows.append(_row(rec, point, label) | {c[len(PREFIX) :]: text_cell(rec[c]) for c in extra})
    columns = [*COLUMNS, *(c[len(PREFIX) :] for c in extra)]
    write_csv_table(pd.DataFrame(rows, columns=columns, dtype=object), tmp)
