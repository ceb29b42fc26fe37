"""Column readers for the map payload: lenient about dtypes, strict about output types.

Events frames come from :mod:`geo.frame` (string dtype, ``Int64``, lists) but
also from files and hands (object columns, JSON text for lists, numpy arrays
from Parquet, Timestamps for dates). Each function takes a column (or
``None`` when the frame lacks it) and returns plain Python/NumPy values that
:func:`json.dumps` accepts.

Examples
--------
>>> import pandas as pd
>>> categories(pd.Series(["strike", None, "strike", "attack"]))
{'values': ['strike', 'attack', ''], 'codes': [0, 2, 0, 1]}
>>> day_numbers(pd.Series(["1970-01-02", None, "bad"]), 3).tolist()
[1.0, nan, nan]
>>> list_cell('["a", "b"]'), list_cell(None), list_cell("plain text")
(['a', 'b'], [], ['plain text'])
>>> clean_text("ok\\ud800")
'ok\\ufffd'
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "categories",
    "clean_text",
    "day_numbers",
    "list_cell",
    "numbers",
    "optional_ints",
    "texts",
]


def clean_text(value: Any) -> str:
    """Return ``value`` as text ('' when missing), lone surrogates replaced by U+FFFD."""
    if value is None or (not isinstance(value, str) and _is_missing(value)):
        return ""
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def _is_missing(value: Any) -> bool:
    if isinstance(value, list | tuple | dict | np.ndarray):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def texts(column: pd.Series | None, n: int) -> list[str]:
    """Return the column as ``n`` texts ('' for missing values or a missing column)."""
    if column is None:
        return [""] * n
    out = [v if type(v) is str else clean_text(v) for v in column.tolist()]
    try:
        "".join(out).encode("utf-8")
    except UnicodeEncodeError:
        out = [clean_text(v) for v in out]
    return out


def categories(column: pd.Series | None, n: int | None = None) -> dict[str, list[Any]]:
    """Dictionary-encode a text column: ``{"values": [...], "codes": [...]}``.

    Missing values become ''. Values are stripped; codes index ``values``.
    """
    if column is None:
        return {"values": [""], "codes": [0] * (n or 0)}
    try:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): compare them as text
        codes, uniques = pd.factorize(pd.Series(texts(column, len(column)), dtype=object))
    cleaned = [clean_text(u).strip() for u in uniques]
    if (codes < 0).any():  # missing values: code -1 picks the '' appended last
        cleaned.append("")
    remap, values = pd.factorize(pd.Series(cleaned, dtype=object))
    return {"values": [str(v) for v in values], "codes": remap[codes].tolist()}


def day_numbers(column: pd.Series | None, n: int) -> np.ndarray:
    """Return days since 1970-01-01 as floats (NaN where missing or not a date)."""
    if column is None:
        return np.full(n, np.nan)
    raw = pd.Series(column.tolist(), dtype=object)
    try:
        parsed = pd.Series(pd.to_datetime(raw, format="%Y-%m-%d", errors="coerce"))
    except (TypeError, ValueError):  # mixed time zones, odd objects
        parsed = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    retry = parsed.isna() & raw.notna()
    if retry.any():  # Timestamps, dates, datetimes with a time: parse their first 10 chars
        again = [str(v)[:10] for v in raw[retry]]
        parsed[retry] = pd.to_datetime(again, format="%Y-%m-%d", errors="coerce")
    days = parsed.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    out = days.astype("int64").astype("float64")
    out[np.isnat(days)] = np.nan
    return out


def numbers(column: pd.Series | None, n: int) -> np.ndarray:
    """Return the column as floats (NaN where missing or not a number)."""
    if column is None:
        return np.full(n, np.nan)
    return pd.to_numeric(pd.Series(column.tolist(), dtype=object), errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )


def optional_ints(column: pd.Series | None, n: int) -> list[int | None]:
    """Return the column as ints, ``None`` where missing (never NaN, which JSON lacks)."""
    return [None if math.isnan(v) else int(v) for v in numbers(column, n)]


def list_cell(value: Any) -> list[Any]:
    """Return a list cell as a list: JSON text is parsed, other text is one item."""
    if value is None:
        return []
    if isinstance(value, np.ndarray | tuple | list):
        return list(value)
    if isinstance(value, str):
        if not value.strip():
            return []
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            return [value]
        return parsed if isinstance(parsed, list) else [value]
    return [] if _is_missing(value) else [value]
