"""Whether the Arrow columns of an events file are clean: rows the normalizer takes as they are.

:func:`geo.frame.normalize_events_report` converts every column of a raw frame, names each
bad row and drops it. Most files need none of that: their columns already have the schema's
types and every row is good. :func:`needs_normalizing` tells so from the file's Arrow columns
alone (pyarrow compute, no pandas, no Python object per cell), so that the ``strikemap map``
command can draw such a file straight from its columns. It is deliberately strict: a column of
another type than the schema's (numbers as text, JSON text of a list), a date that is not a
plain ISO day, a bad row of any kind make it give a reason, and the caller then reads the file
with :func:`geo.formats.readwrite.read_events`, which converts what it can and reports the rest
with the usual one-line messages.

May import: :mod:`geo.schema`, numpy and pyarrow only (no pandas, no geopandas).

Examples
--------
>>> import numpy as np, pyarrow as pa
>>> columns = {"event_id": pa.array(["e1", "e2"]), "kind": pa.array(["strike", "attack"]),
...            "date": pa.array(["2024-01-05", None]), "fatalities": pa.array([3, None])}
>>> lon, lat = np.array([44.4, 45.0]), np.array([33.3, 34.0])
>>> needs_normalizing(columns, lon, lat) is None
True
>>> needs_normalizing(columns | {"date": pa.array(["2024-02-30", None])}, lon, lat)
'date: not every value is an ISO day'
>>> needs_normalizing(columns | {"kind": pa.array(["strike", "raid"])}, lon, lat)
'kind: not every value is one of strike, attack'
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from geo.schema import COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, KINDS, LIST_COLUMNS

__all__ = ["needs_normalizing"]

Columns = Mapping[str, pa.Array | pa.ChunkedArray]


def _all(mask: pa.Array | pa.ChunkedArray) -> bool:
    """Whether every value of a boolean column is true (nulls are not)."""
    return bool(pc.all(pc.fill_null(mask, False)).as_py() is not False)


def _type_problem(name: str, kind: pa.DataType) -> str | None:
    """Why a column of ``kind`` is not one the normalizer keeps as it is, or None."""
    if pa.types.is_null(kind):
        return None
    if name in INT_COLUMNS or name in FLOAT_COLUMNS:
        ok = pa.types.is_integer(kind) or pa.types.is_floating(kind)
    elif name in LIST_COLUMNS:
        ok = pa.types.is_list(kind) or pa.types.is_large_list(kind)
    else:
        ok = pa.types.is_string(kind) or pa.types.is_large_string(kind)
    return None if ok else f"{name}: values of type {kind}"


def _value_problem(name: str, column: pa.Array | pa.ChunkedArray) -> str | None:
    """Why a value of a column of the right type is one the normalizer changes or refuses."""
    if pa.types.is_null(column.type):
        return "kind: missing" if name == "kind" else None
    if name in INT_COLUMNS and pa.types.is_floating(column.type):
        whole = pc.and_(pc.is_finite(column), pc.equal(pc.floor(column), column))
        if not _all(pc.or_kleene(pc.is_null(column), whole)):
            return f"{name}: not every value is a whole number"
    if name in ("fatalities", "injured") and not _all(
        pc.or_kleene(pc.is_null(column), pc.greater_equal(column, 0))
    ):
        return f"{name}: a negative count"
    if name == "kind" and not _all(pc.is_in(column, value_set=pa.array(KINDS))):
        return f"kind: not every value is one of {', '.join(KINDS)}"
    if name in DATE_COLUMNS:
        days = pc.utf8_trim_whitespace(column)
        given = pc.filter(days, pc.not_equal(days, ""))  # nulls and blanks are no dates
        try:  # Arrow takes exactly YYYY-MM-DD of a day that exists (year 0 too)
            pc.cast(given, pa.date32())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return f"{name}: not every value is an ISO day"
        if pc.any(pc.starts_with(given, "0000")).as_py():
            return f"{name}: not every value is an ISO day"
    return None


def needs_normalizing(columns: Columns, lon: np.ndarray, lat: np.ndarray) -> str | None:
    """Why :func:`geo.frame.normalize_events_report` would change or drop a row of these
    columns (the schema's and any others, one value per point ``lon``/``lat`` in EPSG:4326),
    or None when it would keep every row as it is, nulls aside.

    A row is kept as it is when its point is in range, its ``kind`` is one of
    :data:`geo.schema.KINDS`, its counts are whole and not negative, its dates are ISO days,
    its ``event_id`` is not on another row, and every schema column has the schema's type
    (or holds only nulls).
    """
    if not (np.all(np.abs(lat) <= 90) and np.all(np.abs(lon) <= 180)):
        return "a point out of range"
    if "kind" not in columns:
        return "kind: missing"
    for name in COLUMNS:
        if name not in columns:
            continue
        column = columns[name]
        problem = _type_problem(name, column.type) or _value_problem(name, column)
        if problem:
            return problem
    if "event_id" in columns:
        ids = pc.drop_null(columns["event_id"])
        if len(pc.unique(ids)) != len(ids):
            return "event_id: a value on two rows"
    return None
