"""ACLED-style CSV files: ACLED's columns and codes (:mod:`geo.formats.codes.acled`).

Reading (:func:`read`) needs the columns of :data:`~geo.formats.codes.acled.REQUIRED`
and turns each strike or attack row into an event:

* ``event_date`` → ``date``; ``time_precision`` 1/2/3 → ``date_precision``
  day/week/month and ``date_min``..``date_max`` (the day; ±3 days; the
  calendar month).
* ``kind`` from ``inter1`` (or ``actor1``), ``weapon`` from ``sub_event_type``
  and ``notes``, by the rules of :mod:`~geo.formats.codes.acled`.
* ``actor1`` → ``actor``, ``actor2`` → ``target``, ``location`` → ``place`` and
  ``place_resolved``, ``admin1`` → ``admin1``, ``notes`` → ``quote``, ``source``
  (``;``-separated) → ``sources``, ``country`` → ISO alpha-2 code,
  ``geo_precision`` → ``acled_geo_precision`` and ``geo_precision`` (see
  docs/precision.md), ``fatalities`` → ``fatalities``, ``event_id_cnty`` →
  ``event_id``.
* Every other column is kept as ``acled_<name>`` text, so that writing the
  events back gives the same file.

Rows of other event types (protests, riots, strategic developments,
abductions, sexual violence) are not strikes or attacks: they are left out and
listed in ``frame.attrs["left_out"]`` (``{"row", "id", "reason"}``); the ids of bad rows
are in ``frame.attrs["row_ids"]``. A bad date, coordinate, precision code,
actor type or event type makes a bad row.

Writing (:func:`write`) derives every column from the event, except that a
carried ``acled_<name>`` value is written back while it still agrees with the
event (an ``acled_sub_event_type`` that gives the event's weapon, an
``acled_inter1`` of the event's kind, an ``acled_country`` naming its country).
Columns with no counterpart (``assoc_actor_1``, ``admin2``, ``tags`` …) are
written back as carried, else empty; ``disorder_type`` defaults to "Political
violence" and ``region`` to "Middle East" for the countries ACLED puts there.
An event without a date cannot be written (ACLED rows need ``event_date``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import pandas as pd

from geo.extract.subevent import SUB_EVENT_TYPES
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
from geo.formats.codes.acled import (
    COLUMNS,
    EVENT_TYPES,
    MIDDLE_EAST,
    PREFIX,
    READ_TYPES,
    REQUIRED,
    event_type_of,
    inter_code,
    interaction,
    kind_of,
    parse_date,
    weapon_of,
)
from geo.formats.codes.countries import country_code, country_name, country_numeric
from geo.formats.codes.violence import actor_code, is_civilian
from geo.schema import (
    ACLED_GEO_PRECISION,
    ACLED_TIME_PRECISION,
    FROM_ACLED_GEO_PRECISION,
    FROM_ACLED_TIME_PRECISION,
    UCDP_WHERE_PREC,
)

__all__ = ["read", "sniff", "write"]

#: Columns read into schema columns; every other column is carried as acled_<name>.
_MAPPED: Final = frozenset(
    {"event_id_cnty", "event_date", "year", "actor1", "actor2", "admin1", "location"}
    | {"latitude", "longitude", "geo_precision", "source", "notes", "fatalities"}
)


def sniff(header: list[str]) -> bool:
    """Whether a CSV header is ACLED's (event_date, sub_event_type and latitude)."""
    return {"event_date", "sub_event_type", "latitude"} <= set(header)


# --- reading ---------------------------------------------------------------------------


def _date_range(date: str, precision: str) -> tuple[str, str]:
    day = dt.date.fromisoformat(date)
    if precision == "week":
        return (day - dt.timedelta(days=3)).isoformat(), (day + dt.timedelta(days=3)).isoformat()
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return date, date


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


def _is_strike_or_attack(row: dict[str, str]) -> bool:
    """Whether a row is read as an event; ValueError for types ACLED does not have."""
    event_type, sub = row["event_type"].strip(), row["sub_event_type"].strip()
    if event_type not in EVENT_TYPES:
        raise ValueError(f"event_type {event_type!r} is not an ACLED event type")
    if sub not in EVENT_TYPES[event_type]:
        raise ValueError(f"sub_event_type {sub!r} is not a sub-event type of {event_type}")
    return (event_type, sub) in READ_TYPES


def _reasons(row: dict[str, str], kind: str, why: str, weapon: str) -> list[str]:
    reasons = [f"acled: {kind} because {why}"]
    if weapon:
        reasons.append(f"acled: weapon {weapon} from {row['sub_event_type']!r} and notes")
    if row["country"].strip() and country_code(row["country"]) is None:
        reasons.append(f"acled: country {row['country']!r} not recognised")
    return reasons


def _event(row: dict[str, str]) -> dict[str, Any]:
    """One strike or attack row as an event record (schema columns, acled_*, lat, lon)."""
    date = parse_date(row["event_date"])
    precision = FROM_ACLED_TIME_PRECISION[_code(row, "time_precision", FROM_ACLED_TIME_PRECISION)]
    acled_geo = _code(row, "geo_precision", FROM_ACLED_GEO_PRECISION)
    lat, lon = _number(row, "latitude"), _number(row, "longitude")
    kind, why = kind_of(row.get("inter1", ""), row["actor1"])
    inter_code(row.get("inter2", ""), "inter2")
    weapon = weapon_of(row["sub_event_type"].strip(), row["notes"])
    date_min, date_max = _date_range(date, precision)
    sources = [s.strip() for s in row["source"].split(";") if s.strip()]
    geo_precision = FROM_ACLED_GEO_PRECISION[acled_geo]
    return {
        "event_id": row.get("event_id_cnty") or None,
        "kind": kind,
        "weapon": weapon,
        "sub_event_type": sub if (sub := row["sub_event_type"].strip()) in SUB_EVENT_TYPES else "",
        "date": date,
        "date_precision": precision,
        "date_min": date_min,
        "date_max": date_max,
        "place": row["location"],
        "place_resolved": row["location"],
        "geo_precision": geo_precision,
        "acled_geo_precision": acled_geo,
        "ucdp_where_prec": UCDP_WHERE_PREC[geo_precision],
        "country": country_code(row["country"]) if row["country"].strip() else "",
        "admin1": row["admin1"],
        "actor": row["actor1"],
        "target": row["actor2"],
        "fatalities": row["fatalities"],
        "sources": sources,
        "source_info": [{"id": s, "outlet": s} for s in sources],
        "quote": row["notes"],
        "reasons": _reasons(row, kind, why, weapon),
        "lat": lat,
        "lon": lon,
        **{PREFIX + k: v for k, v in row.items() if k not in _MAPPED},
    }


def read(path: Path) -> Read:
    """Read an ACLED-style CSV file (see the module docstring)."""
    table = read_csv_table(path)
    require_columns(path, table, REQUIRED, "ACLED")
    records, rows, problems = [], [], []
    left_out: list[dict[str, Any]] = []
    ids: dict[int, str] = {}
    for number, row in enumerate(rows_of(table), 1):
        try:
            if not _is_strike_or_attack(row):
                what = f"{row['event_type']}: {row['sub_event_type']}"
                reason = f"{what} is not a strike or attack"
                left_out.append({"row": number, "id": row["event_id_cnty"], "reason": reason})
                continue
            records.append(_event(row))
        except ValueError as err:
            problems.append((number, str(err)))
            ids[number] = row["event_id_cnty"]
            continue
        rows.append(number)
    frame = records_frame(records)
    frame.attrs["left_out"] = left_out
    frame.attrs["row_ids"] = ids
    return frame, rows, problems


# --- writing ---------------------------------------------------------------------------


def _carried(rec: dict[str, Any], name: str) -> str | None:
    value = rec.get(PREFIX + name)
    return None if is_null(value) else str(value)


def _pick(carried: str | None, derived: str) -> str:
    return derived if carried is None else carried


def _agrees(check: Any, *args: str) -> bool:
    """Whether ``check(*args)`` is true; False when it raises on a value it cannot read."""
    try:
        return bool(check(*args))
    except (ValueError, KeyError):
        return False


def _inter_or_none(text: str) -> int | None:
    try:
        return inter_code(text)
    except ValueError:
        return None


def _inter1(rec: dict[str, Any], actor: str, country: str) -> str:
    raw, kind = _carried(rec, "inter1"), text_cell(rec["kind"])
    if raw is not None and _agrees(lambda r, a: kind_of(r, a)[0] == kind, raw, actor):
        return raw
    code = actor_code(actor, country)
    if kind == "strike":
        return str(code if code in (1, 8) else 1)
    return str(code if code not in (None, 1, 8) else 3)


def _actors(rec: dict[str, Any], country: str) -> dict[str, str]:
    actor, target = text_cell(rec["actor"]), text_cell(rec["target"])
    inter1 = _inter1(rec, actor, country)
    raw2 = _carried(rec, "inter2")
    code2 = 7 if is_civilian(target) else actor_code(target, country) if target else 0
    inter2 = _pick(raw2, "" if code2 is None else str(code2))
    codes = [_inter_or_none(text) for text in (inter1, inter2)]
    raw = _carried(rec, "interaction")
    derived = "" if None in codes else str(interaction(codes[0] or 0, codes[1] or 0))
    same = inter1 == _carried(rec, "inter1") and raw2 is not None
    return {
        "actor1": actor,
        "assoc_actor_1": _pick(_carried(rec, "assoc_actor_1"), ""),
        "inter1": inter1,
        "actor2": target,
        "assoc_actor_2": _pick(_carried(rec, "assoc_actor_2"), ""),
        "inter2": inter2,
        "interaction": raw if raw is not None and same else derived,
        "civilian_targeting": _pick(
            _carried(rec, "civilian_targeting"), "Civilian targeting" if code2 == 7 else ""
        ),
    }


def _types(rec: dict[str, Any]) -> dict[str, str]:
    weapon, notes = text_cell(rec["weapon"]), text_cell(rec["quote"])
    raw_type, raw_sub = _carried(rec, "event_type"), _carried(rec, "sub_event_type")
    if raw_type is None or raw_sub is None:
        raw_type, raw_sub = "", ""
    if raw_sub in EVENT_TYPES.get(raw_type, ()) and weapon_of(raw_sub, notes) == weapon:
        return {"event_type": raw_type, "sub_event_type": raw_sub}
    event_type, sub = event_type_of(weapon, text_cell(rec["target"]))
    own = text_cell(rec.get("sub_event_type"))
    # The extractor's own reading of the report, unless an edit of the weapon contradicts it.
    if own in SUB_EVENT_TYPES and (not weapon or own == sub or own in _REFINED):
        return {"event_type": _TYPE_OF[own], "sub_event_type": own}
    return {"event_type": event_type, "sub_event_type": sub}


#: Sub-event types that refine what any weapon says (a suicide car bomb, an intercepted missile).
_REFINED: Final = frozenset({"Suicide bomb", "Grenade", "Disrupted weapons use"})


#: Each sub_event_type's event_type in the ACLED codebook.
_TYPE_OF: Final = {sub: kind for kind, subs in EVENT_TYPES.items() for sub in subs}


def _when(rec: dict[str, Any], label: str) -> dict[str, str]:
    date = text_cell(rec["date"]) or text_cell(rec["date_min"])
    if not date:
        raise ValueError(f"{label}: no date; ACLED rows need an event_date")
    precision = text_cell(rec["date_precision"])
    raw = _carried(rec, "time_precision")
    derived = str(ACLED_TIME_PRECISION.get(precision, 1))
    same = _agrees(lambda r: FROM_ACLED_TIME_PRECISION[int(r)] == precision, raw or "")
    return {
        "event_date": date,
        "year": date[:4],
        "time_precision": raw if same and raw else derived,
    }


def _where(rec: dict[str, Any], point: Any) -> dict[str, str]:
    code = text_cell(rec["country"])
    raw = _carried(rec, "country")
    name = raw if raw is not None and (country_code(raw) or "") == code else ""
    numeric = country_numeric(code) if code else None
    acled_geo = rec["acled_geo_precision"]
    if is_null(acled_geo):
        acled_geo = ACLED_GEO_PRECISION.get(text_cell(rec["geo_precision"]), 3)
    return {
        "iso": str(numeric) if numeric else _pick(_carried(rec, "iso"), ""),
        "region": _pick(_carried(rec, "region"), "Middle East" if code in MIDDLE_EAST else ""),
        "country": name or (country_name(code, scheme="acled") if code else ""),
        "admin1": text_cell(rec["admin1"]),
        "admin2": _pick(_carried(rec, "admin2"), ""),
        "admin3": _pick(_carried(rec, "admin3"), ""),
        "location": text_cell(rec["place_resolved"]) or text_cell(rec["place"]),
        "latitude": repr(round(float(point.y), 6)),
        "longitude": repr(round(float(point.x), 6)),
        "geo_precision": str(int(acled_geo)),
    }


def _source(rec: dict[str, Any]) -> str:
    infos = rec["source_info"] or []
    names = [
        text_cell(i.get("outlet")) or text_cell(i.get("id")) for i in infos if isinstance(i, dict)
    ]
    names = [n for n in names if n] or [text_cell(s) for s in rec["sources"] or []]
    return "; ".join(n for n in names if n)


def _row(rec: dict[str, Any], point: Any, label: str, country: str) -> dict[str, str]:
    fatalities = rec["fatalities"]
    return {
        "event_id_cnty": text_cell(rec["event_id"]),
        **_when(rec, label),
        "disorder_type": _pick(_carried(rec, "disorder_type"), "Political violence"),
        **_types(rec),
        **_actors(rec, country),
        **_where(rec, point),
        "source": _source(rec),
        "source_scale": _pick(_carried(rec, "source_scale"), ""),
        "notes": text_cell(rec["quote"]),
        "fatalities": "" if is_null(fatalities) else str(int(fatalities)),
        "tags": _pick(_carried(rec, "tags"), ""),
        "timestamp": _pick(_carried(rec, "timestamp"), ""),
    }


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as an ACLED-style CSV file (module docstring)."""
    records = rows_of(pd.DataFrame(frame.drop(columns="geometry")))
    extra = [c for c in frame.columns if c.startswith(PREFIX) and c[len(PREFIX) :] not in COLUMNS]
    rows = []
    for number, (rec, point) in enumerate(zip(records, frame.geometry, strict=True), 1):
        label = f"row {number} (event {text_cell(rec['event_id'])!r})"
        row = _row(rec, point, label, text_cell(rec["country"]))
        rows.append(row | {c[len(PREFIX) :]: text_cell(rec[c]) for c in extra})
    columns = [*COLUMNS, *(c[len(PREFIX) :] for c in extra)]
    write_csv_table(pd.DataFrame(rows, columns=columns, dtype=object), tmp)
