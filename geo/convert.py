"""Whole-column converters to the dtypes of the events schema, with the per-cell rules kept.

Each ``*_column`` function takes a column of any dtype and returns the converted column
(indexed 0..n-1) and ``{position: problem}`` for the cells it cannot convert. Columns of a
typed dtype (integers, floats, text, dates, Arrow lists) are converted with pandas, numpy
and pyarrow; only cells that the fast paths do not recognise (a mixed object column, a
date with a time part) go through the per-cell converters, so the messages stay those of
one cell ("'many' is not an integer").

Examples
--------
>>> values, bad = int_column(pd.Series(["3", " ", "4.0", "many"]))
>>> values.tolist(), bad
([3, <NA>, 4, <NA>], {3: "'many' is not an integer"})
>>> date_column(pd.Series(["2024-01-02", "2024-02-30", None]))[1]
{1: "'2024-02-30' is not an ISO date (YYYY-MM-DD)"}
>>> cells, bad = list_column(pd.Series(['["a", "b"]', "", None, "[1"]))
>>> cells.tolist(), bad
([['a', 'b'], [], [], []], {3: 'is not a list (or JSON text of one)'})
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = [
    "date_column",
    "dump_json_cells",
    "float_column",
    "int_column",
    "list_column",
    "parse_json_cells",
    "text_column",
]

#: pandas' default text dtype ('str' on pandas 3, object before).
TEXT = pd.Series([], dtype="str").dtype
Problems = dict[int, str]
_ISO_DAY = r"\d{4}-\d{2}-\d{2}"


def _is_null(value: Any) -> bool:
    if isinstance(value, str | list | tuple | dict | np.ndarray):
        return False
    return bool(pd.isna(value))


def _plain(value: Any) -> Any:
    """Numpy scalars and arrays (e.g. from Parquet or GDAL) to plain Python values."""
    if isinstance(value, np.ndarray | list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value.item() if isinstance(value, np.generic) else value


def _blank(value: Any) -> bool:
    return _is_null(value) or (isinstance(value, str) and not value.strip())


def to_int(value: Any) -> int | None:
    """One cell as an int (None when empty); ValueError when it is not a whole number."""
    if _blank(value):
        return None
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        return int(value)
    try:
        number = float(value) if isinstance(value, str | float | np.floating) else math.nan
    except ValueError:
        number = math.nan
    if not number.is_integer():
        raise ValueError(f"{_plain(value)!r} is not an integer")
    return int(number)


def to_float(value: Any) -> float:
    """One cell as a float (NaN when empty); ValueError when it is not a number."""
    if _blank(value):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{_plain(value)!r} is not a number") from None


def to_text(value: Any) -> str | None:
    """One cell as text (None when null)."""
    return None if _is_null(value) else str(value)


def to_date(value: Any) -> str | None:
    """One cell as an ISO day (None when empty); ValueError when it is not a date."""
    if _blank(value):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def to_list(value: Any) -> list[Any]:
    """One cell as a list ([] when empty); ValueError when it is neither a list nor JSON of one."""
    if _blank(value):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):  # deeply nested JSON is a bad cell, not a crash
            value = None
    if not isinstance(value, list | tuple | np.ndarray):
        raise ValueError("is not a list (or JSON text of one)")
    return list(_plain(value))


def _cells(
    values: list[Any], convert: Callable[[Any], Any], empty: Any
) -> tuple[list[Any], Problems]:
    out, bad = [], {}
    for i, value in enumerate(values):
        try:
            out.append(convert(value))
        except ValueError as err:
            out.append(empty)
            bad[i] = str(err)
    return out, bad


def _kind(series: pd.Series) -> str:
    """'int', 'float', 'bool', 'text', 'datetime' or 'other' (mixed objects)."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    inferred = pd.api.types.infer_dtype(series, skipna=True)
    return "text" if inferred in ("string", "empty") else "other"


def _stripped(series: pd.Series) -> pd.Series:
    """Text cells stripped, empty ones as NA (pandas' text dtype, Arrow-backed on pandas 3)."""
    text = series if series.dtype == TEXT else series.astype(TEXT)
    text = text.reset_index(drop=True).str.strip()
    return text.where(text.str.len() > 0)


def _numbers(series: pd.Series, what: str) -> tuple[np.ndarray, Problems]:
    """Float values of a column of any kind; NaN for empty cells; problems for the others."""
    kind = _kind(series)
    if kind in ("int", "float"):
        return series.to_numpy(dtype=float, na_value=np.nan), {}
    if kind != "text":
        cells, bad = _cells(list(series), to_float, math.nan)
        return np.array(cells, dtype=float), bad
    text = _stripped(series)
    numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    failed = np.flatnonzero(text.notna().to_numpy() & np.isnan(numbers))
    return numbers, {int(i): f"{_plain(series.iloc[i])!r} is not {what}" for i in failed}


def int_column(series: pd.Series) -> tuple[pd.Series, Problems]:
    """A column as ``Int64``; problems for cells that are not whole numbers."""
    if isinstance(series.dtype, pd.Int64Dtype):
        return series.reset_index(drop=True), {}
    if _kind(series) == "int":
        return pd.Series(series.to_numpy(), dtype="Int64"), {}
    if _kind(series) not in ("float", "text"):
        cells, bad = _cells(list(series), to_int, None)
        return pd.Series(cells, dtype="Int64"), bad
    numbers, bad = _numbers(series, "an integer")
    whole = np.isfinite(numbers) & (numbers == np.floor(numbers))
    for i in np.flatnonzero(~np.isnan(numbers) & ~whole):
        bad[int(i)] = f"{_plain(series.iloc[i])!r} is not an integer"
    values = pd.array(np.where(whole, numbers, 0).astype(np.int64), dtype="Int64")
    values[~whole] = pd.NA
    return pd.Series(values), bad


def float_column(series: pd.Series) -> tuple[pd.Series, Problems]:
    """A column as ``float64`` (NaN for empty); problems for cells that are not numbers."""
    numbers, bad = _numbers(series, "a number")
    return pd.Series(numbers, dtype="float64"), bad


def text_column(series: pd.Series) -> tuple[pd.Series, Problems]:
    """A column as pandas' text dtype, nulls kept."""
    if series.dtype == TEXT:
        return series.reset_index(drop=True), {}
    if _kind(series) == "text":
        return series.astype(TEXT).reset_index(drop=True), {}
    cells, _ = _cells(list(series), to_text, None)
    return pd.Series(cells, dtype=TEXT), {}


def _arrow_type(series: pd.Series) -> pa.DataType | None:
    """The Arrow type of an Arrow-backed column (``pd.ArrowDtype``), else None."""
    dtype = series.dtype
    return dtype.pyarrow_dtype if isinstance(dtype, pd.ArrowDtype) else None


def _chunked(series: pd.Series) -> pa.ChunkedArray:
    """The Arrow data of an Arrow-backed column (no copy)."""
    array = pa.array(series.array)
    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])


def date_column(series: pd.Series) -> tuple[pd.Series, Problems]:
    """A column as ISO ``YYYY-MM-DD`` text; problems for cells that are not dates."""
    arrow = _arrow_type(series)
    if arrow is not None and pa.types.is_date(arrow):  # Arrow dates: valid by construction
        days = _chunked(series).cast(pa.date32()).cast(pa.string())
        return pd.Series(days.to_pandas(), dtype=TEXT).reset_index(drop=True), {}
    kind = _kind(series)
    if kind == "datetime":
        values = series.dt.tz_localize(None) if series.dt.tz is not None else series
        days = np.datetime_as_string(values.to_numpy().astype("datetime64[D]"), unit="D")
        stamps = days.astype(object)
        stamps[values.isna().to_numpy(dtype=bool)] = None
        return pd.Series(stamps, dtype=TEXT), {}
    if kind != "text":
        cells, bad = _cells(list(series), to_date, None)
        return pd.Series(cells, dtype=TEXT), bad
    text = _stripped(series)
    plain = np.array(text.str.fullmatch(_ISO_DAY).fillna(False), dtype=bool)
    plain &= np.array((text.str[:4] != "0000").fillna(False), dtype=bool)
    try:
        np.array(text[plain].to_numpy(dtype=str), dtype="datetime64[D]")
    except ValueError:  # a day that does not exist: find it cell by cell
        plain[:] = False
    others = np.flatnonzero(~plain & text.notna().to_numpy())
    if not len(others):
        return text, {}
    out = text.to_numpy(dtype=object, copy=True)
    cells, found = _cells(list(series.iloc[others]), to_date, None)
    out[others] = cells
    bad = {int(others[j]): message for j, message in found.items()}
    return pd.Series(out, dtype=TEXT), bad


def parse_json_cells(cells: list[str]) -> list[Any] | None:
    """Parse many JSON texts with one call of the JSON decoder; None when any is not one value.

    The cells are joined with a separator string that none of them contains, so a cell that
    holds two values, or half of one, shows up as a misplaced separator.

    Examples
    --------
    >>> parse_json_cells(['["a"]', "[1, 2]"]), parse_json_cells(['["a"', "1]"])
    ([['a'], [1, 2]], None)
    """
    if not cells:
        return []
    encoded = json.dumps(f"\x00strikemap-{uuid.uuid4().hex}\x00")
    joined = f",{encoded},".join(cells)
    if joined.count(encoded) != len(cells) - 1:
        return None
    try:
        parsed = json.loads(f"[{joined}]")
    except (ValueError, RecursionError):
        return None
    if (
        len(parsed) != 2 * len(cells) - 1
        or parsed[1::2].count(json.loads(encoded)) != len(cells) - 1
    ):
        return None
    return parsed[0::2]  # type: ignore[no-any-return]


def dump_json_cells(values: list[Any]) -> list[str] | None:
    """JSON text of many values with one call of the encoder; None when one needs care
    (a NaN, a numpy scalar, a date): the caller then encodes cell by cell.

    Examples
    --------
    >>> dump_json_cells([["a", "é"], [], [{"id": 1}]])
    ['["a", "é"]', '[]', '[{"id": 1}]']
    """
    if not values:
        return []
    token = f"\x00strikemap-{uuid.uuid4().hex}\x00"
    encoded = json.dumps(token, ensure_ascii=False)
    spread: list[Any] = [token] * (2 * len(values) - 1)
    spread[0::2] = values
    try:
        text = json.dumps(spread, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return None
    parts = text[1:-1].split(f", {encoded}, ")
    return parts if len(parts) == len(values) else None


def list_column(series: pd.Series) -> tuple[pd.Series, Problems]:
    """A column of lists (``[]`` for empty); JSON text is parsed, numpy arrays unboxed; an
    Arrow list column (``pd.ArrowDtype``) stays one, its nulls as empty lists."""
    arrow = _arrow_type(series)
    if arrow is not None and (pa.types.is_list(arrow) or pa.types.is_large_list(arrow)):
        lists = _chunked(series).fill_null(pa.scalar([], type=arrow))
        return pd.Series(pd.arrays.ArrowExtensionArray(lists)), {}
    values = series.tolist()
    cells: list[Any] | None = values if set(map(type, values)) <= {list} else None
    if cells is None and _kind(series) == "text":
        text = _stripped(series)
        full = np.flatnonzero(text.notna().to_numpy())
        parsed = parse_json_cells(text.iloc[full].tolist())
        if parsed is not None and set(map(type, parsed)) <= {list}:
            cells = parsed if len(full) == len(values) else [[] for _ in values]
            if len(full) != len(values):
                for i, value in zip(full, parsed, strict=True):
                    cells[i] = value
    bad: Problems = {}
    if cells is None:
        cells, bad = _cells(values, to_list, [])
    column = np.empty(len(cells), dtype=object)
    column[:] = cells
    return pd.Series(column, dtype=object), bad
