"""Helpers shared by the format modules: JSON cells, CSV tables, the reader's result type.

A format module has ``read(path) -> Read`` and ``write(frame, tmp)``. ``read``
returns the raw frame (any columns, any CRS), the file's row number of each of
its rows (``None``: 1..n) and ``(row, problem)`` for rows it already dropped;
:mod:`geo.formats.readwrite` normalizes the frame and merges the problems. ``write``
receives a normalized events frame and a temporary path; it raises
``ValueError`` (one line) for rows the format cannot hold.

Examples
--------
>>> json_value([np.int64(3), float("nan"), {"a": np.float32(0.5)}])
[3, None, {'a': 0.5}]
>>> text_cell(None), text_cell(pd.NA), text_cell("x")
('', '', 'x')
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.errors import EventsFileError

__all__ = [
    "Read",
    "csv_header",
    "flat",
    "is_null",
    "json_value",
    "neutralise_formula",
    "one_line",
    "read_csv_table",
    "records_frame",
    "require_columns",
    "restore_formula",
    "rows_of",
    "text_cell",
    "write_csv_table",
]

#: Raw frame, its rows' numbers (None: 1..n) and (row, problem) for rows the reader dropped.
Read = tuple[gpd.GeoDataFrame, list[int] | None, list[tuple[int, str]]]


def one_line(err: BaseException) -> str:
    """The first line of an exception's message (its type name when empty)."""
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def is_null(value: Any) -> bool:
    """True for None, NaN, NA and NaT (never for lists, dicts or text)."""
    if isinstance(value, str | list | tuple | dict | np.ndarray):
        return False
    return bool(pd.isna(value))


def text_cell(value: Any) -> str:
    """A cell as text, '' for a null."""
    return "" if is_null(value) else str(value)


def json_value(value: Any) -> Any:
    """A cell as a JSON value: numpy scalars unboxed, NaN/NA as None, dates as ISO text."""
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [json_value(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if pd.isna(value) else str(value)


def flat(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Copy of ``frame`` with lists and dicts in object columns as JSON text."""
    out = frame.copy()
    for name in out.columns:
        if name != "geometry" and out[name].dtype == object:
            out[name] = [
                json.dumps(json_value(v), ensure_ascii=False)
                if isinstance(v, list | tuple | dict | np.ndarray)
                else v
                for v in out[name]
            ]
    return out


def csv_header(path: Path) -> list[str]:
    """The column names of a CSV file's first line ([] when unreadable or empty)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def read_csv_table(path: Path) -> pd.DataFrame:
    """A CSV file as text cells ('' for empty), or :class:`EventsFileError` naming it."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise EventsFileError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise EventsFileError(f"{path}: not valid CSV ({one_line(err)})") from err
    for name in table.columns:
        table[name] = table[name].map(restore_formula)
    return table


def require_columns(path: Path, table: pd.DataFrame, names: Sequence[str], what: str) -> None:
    """Raise :class:`EventsFileError` naming the ``names`` missing from ``table``."""
    missing = [name for name in names if name not in table.columns]
    if missing:
        raise EventsFileError(f"{path}: missing {what} column(s) {', '.join(missing)}")


#: Text a spreadsheet would run as a formula (after any quotes a writer put in front).
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(value: Any) -> Any:
    """A text cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR) with a
    ``'`` in front, so that a spreadsheet shows it instead of running it; numbers such as
    ``-12.5`` stay as they are.  :func:`restore_formula` undoes it.

    Examples
    --------
    >>> neutralise_formula("=1+2"), neutralise_formula("-12.5")
    ("'=1+2", '-12.5')
    >>> restore_formula(neutralise_formula("'=1")) == "'=1"
    True
    """
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_formula(text: str) -> str:
    """The cell that :func:`neutralise_formula` turned into ``text``."""
    rest = text[1:]
    if text[:1] == "'" and _FORMULA.match(rest) and not _NUMBER.fullmatch(rest):
        return rest
    return text


def write_csv_table(table: pd.DataFrame, tmp: Path) -> None:
    """Write ``table`` as UTF-8 CSV with ``\\n`` line ends and no index; text cells that
    would run as spreadsheet formulas are neutralised (:func:`neutralise_formula`)."""
    safe = table.copy()
    for name in safe.columns:
        if safe[name].dtype == object or pd.api.types.is_string_dtype(safe[name]):
            safe[name] = safe[name].map(neutralise_formula)
    safe.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")


def records_frame(records: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """Event records with ``lat`` and ``lon`` (any other keys) as a raw GeoDataFrame."""
    lats = [r.pop("lat") for r in records]
    lons = [r.pop("lon") for r in records]
    names = list(dict.fromkeys(name for r in records for name in r))
    data = {n: pd.Series([r.get(n) for r in records], dtype=object) for n in names}
    return gpd.GeoDataFrame(data, geometry=gpd.points_from_xy(lons, lats), crs=4326)


def rows_of(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as dicts keyed by column name."""
    return cast(list[dict[str, Any]], table.to_dict("records"))
