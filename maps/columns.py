"""Column readers for the map payload: lenient about dtypes, vectorised, strict about output.

Events frames come from :mod:`geo.frame` (string dtype, ``Int64``, lists) but
also from files and hands: object columns, pyarrow-backed columns
(``pd.ArrowDtype``, as a columnar reader gives them), pyarrow arrays themselves (the
``strikemap map`` command reads a file's columns without pandas), JSON text for lists,
numpy arrays from Parquet, Timestamps or Arrow dates for dates. Each function
takes a column (or ``None`` when the frame lacks it) and works on the whole
column at once with pyarrow compute; only cells pyarrow cannot convert (JSON
text for a list, lone surrogates, mixed types) go through a per-cell fallback.

Examples
--------
>>> import pandas as pd
>>> import pandas as pd
>>> c = categories(pd.Series(["strike", None, "strike", " attack"]), 4)
>>> c["values"], c["codes"].tolist()
(['strike', '', 'attack'], [0, 1, 0, 2])
>>> day_numbers(pd.Series(["1970-01-02", None, "bad"]), 3).tolist()
[1.0, nan, nan]
>>> list_cell('["a", "b"]'), list_cell(None), list_cell("plain text")
(['a', 'b'], [], ['plain text'])
>>> clean_text("ok\\ud800")
'ok\\ufffd'
>>> texts(pd.Series(["a", None, 3]), 3).to_pylist()
['a', '', '3']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

if TYPE_CHECKING:
    import pandas as pd

#: A column of an events table: a pandas Series or a pyarrow array.
Column: TypeAlias = "pd.Series | pa.Array | pa.ChunkedArray"

__all__ = [
    "Column",
    "arrow_of",
    "categories",
    "cells",
    "clean_text",
    "day_numbers",
    "list_cell",
    "list_column",
    "numbers",
    "texts",
]

_ARROW_ERRORS = (pa.ArrowException, TypeError, ValueError, UnicodeError, OverflowError)


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
    if isinstance(value, list | tuple | dict | np.ndarray | Mapping):
        return False
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def cells(column: Column) -> list[Any]:
    """The column's cells as Python values."""
    if isinstance(column, pa.Array | pa.ChunkedArray):
        return column.to_pylist()  # type: ignore[no-any-return]
    return column.tolist()


def arrow_of(column: Column) -> pa.Array | None:
    """Return the column as one pyarrow array (zero-copy for Arrow-backed columns), or None
    when pyarrow cannot convert it as it is (mixed types, lone surrogates)."""
    if isinstance(column, pa.Array | pa.ChunkedArray):
        arr = column
    else:
        try:
            arr = pa.array(column, from_pandas=True)
        except _ARROW_ERRORS:
            return None
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.chunk(0) if arr.num_chunks == 1 else arr.combine_chunks()
    return arr


def _empty_strings(n: int) -> pa.Array:
    return pa.array(np.full(n, "", dtype=object), type=pa.large_string())


def texts(column: Column | None, n: int) -> pa.Array:
    """Return the column as a ``large_string`` array of ``n`` texts ('' where missing)."""
    if column is None:
        return _empty_strings(n)
    arr = arrow_of(column)
    if arr is not None and not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        try:
            arr = pc.cast(arr, pa.large_string())
        except _ARROW_ERRORS:
            arr = None
    if arr is None:  # odd cells: one at a time
        return pa.array([clean_text(v) for v in cells(column)], type=pa.large_string())
    return _filled(arr.cast(pa.large_string()))


def _filled(arr: pa.Array) -> pa.Array:
    return pc.fill_null(arr, "") if arr.null_count else arr


def _decoded(arr: pa.Array, transform: Any) -> pa.Array:
    """``transform`` applied to each distinct value once (most columns repeat a few values)."""
    encoded = pc.dictionary_encode(arr)
    return pc.take(transform(encoded.dictionary), encoded.indices)


def categories(column: Column | None, n: int, *, lower: bool = False) -> dict[str, Any]:
    """Dictionary-encode a text column: ``{"values": [...], "codes": int32 array}``.

    Missing values become ''. Values are stripped (and lower-cased with ``lower``);
    codes index ``values``, which are in order of first appearance.
    """
    if column is None:
        return {"values": [""], "codes": np.zeros(n, dtype=np.int32)}
    raw = pc.dictionary_encode(texts(column, n))
    cleaned = pc.utf8_trim_whitespace(raw.dictionary)
    if lower:
        cleaned = pc.utf8_lower(cleaned)
    again = pc.dictionary_encode(cleaned)  # values that differed only in case or spaces
    remap = again.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    codes = remap[raw.indices.to_numpy(zero_copy_only=False)]
    return {"values": again.dictionary.to_pylist(), "codes": codes}


def day_numbers(column: Column | None, n: int) -> np.ndarray:
    """Return days since 1970-01-01 as floats (NaN where missing or not a date).

    Dates, timestamps (their day) and ISO text (its first ten characters) are read.
    """
    if column is None:
        return np.full(n, np.nan)
    arr = arrow_of(column)
    if arr is not None and (pa.types.is_timestamp(arr.type) or pa.types.is_date(arr.type)):
        if pa.types.is_timestamp(arr.type) and arr.type.tz is not None:
            arr = pc.local_timestamp(arr)
        days = pc.cast(pc.cast(arr, pa.date32()), pa.int32())
        return _float_array(days)
    strings = texts(column, n) if arr is None else _as_text(arr, column, n)

    def parse(values: pa.Array) -> pa.Array:
        first = pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(values), 0, 10)
        parsed = pc.strptime(first, format="%Y-%m-%d", unit="s", error_is_null=True)
        return pc.cast(pc.cast(parsed, pa.date32()), pa.int32())

    return _float_array(_decoded(strings, parse))


def _as_text(arr: pa.Array, column: Column, n: int) -> pa.Array:
    if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
        return arr
    return texts(column, n)


def _float_array(arr: pa.Array) -> np.ndarray:
    out: np.ndarray = pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False)
    return out.astype(np.float64)  # nulls are NaN


def numbers(column: Column | None, n: int) -> np.ndarray:
    """Return the column as floats (NaN where missing or not a number)."""
    if column is None:
        return np.full(n, np.nan)
    arr = arrow_of(column)
    if arr is not None and (
        pa.types.is_integer(arr.type)
        or pa.types.is_floating(arr.type)
        or pa.types.is_null(arr.type)
    ):
        return _float_array(arr)
    import pandas as pd

    values = pd.to_numeric(pd.Series(cells(column), dtype=object), errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan)


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


def list_column(column: Column | None, n: int, item: pa.DataType) -> pa.Array:
    """Return a list column as a ``list<item>`` array (null lists become empty lists).

    Lists, numpy arrays and Arrow lists convert at once; JSON text and mixed cells go
    through :func:`list_cell` one at a time. ``item`` is ``pa.large_string()`` or a
    struct of strings; items that do not fit it are left out.
    """
    if column is None:
        return pa.array([[]] * n, type=pa.list_(item))
    arr = arrow_of(column)
    if arr is not None and (pa.types.is_list(arr.type) or pa.types.is_large_list(arr.type)):
        try:
            return _fit(arr, item)
        except _ARROW_ERRORS:
            pass
    items = [[_item(v, item) for v in list_cell(c)] for c in cells(column)]
    return pa.array([[v for v in c if v is not None] for c in items], type=pa.list_(item))


def _fit(arr: pa.Array, item: pa.DataType) -> pa.Array:
    """Cast a list array to ``list<item>`` with null lists empty; struct fields picked
    (missing ones null)."""
    values = arr.flatten()
    if pa.types.is_struct(item):
        if not pa.types.is_struct(values.type):
            raise TypeError("not a list of records")
        present = {values.type.field(k).name for k in range(values.type.num_fields)}
        fields = [
            pc.cast(values.field(f.name), f.type)
            if f.name in present
            else pa.nulls(len(values), type=f.type)
            for f in item
        ]
        values = pa.StructArray.from_arrays(fields, fields=list(item))
    else:
        values = pc.cast(values, item)
    lengths = pc.fill_null(pc.list_value_length(arr), 0).to_numpy(zero_copy_only=False)
    offsets = np.zeros(len(arr) + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), values)


def _item(value: Any, item: pa.DataType) -> Any:
    if pa.types.is_struct(item):
        if not isinstance(value, Mapping):
            return None
        return {f.name: clean_text(value.get(f.name)) for f in item}
    return None if isinstance(value, Mapping) else clean_text(value)
