"""Read a map page's payload back in Python: the inverse of ``maps.encode``, written apart
from the page's JavaScript so that the format is checked from both sides.

``read_page(html)`` returns the header (JSON) and every column decoded: integers and
floats as numpy arrays (coordinates in degrees, ``MISSING`` as NaN where it can
occur), texts as lists of str, ``same`` columns resolved.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import Any

import numpy as np

MISSING = -(2**31)


def unpack7(text: str, size: int) -> bytes:
    """The bytes of a text7 chunk (DEL escapes the next character, XOR 64)."""
    chars = np.frombuffer(text.encode("ascii"), dtype=np.uint8).copy()
    escapes = np.flatnonzero(chars == 127)
    chars[escapes + 1] ^= 64
    values = np.delete(chars, escapes).astype(np.uint64).reshape(-1, 8)
    words = np.zeros(len(values), dtype=np.uint64)
    for k in range(8):
        words = (words << np.uint64(7)) | values[:, k]
    raw = words.astype(">u8").view(np.uint8).reshape(-1, 8)[:, 1:].reshape(-1)
    return raw[:size].tobytes()


def _unshuffle(data: bytes, offset: int, count: int, dtype: str) -> np.ndarray:
    width = np.dtype(dtype).itemsize
    planes = np.frombuffer(data, dtype=np.uint8, count=count * width, offset=offset)
    return planes.reshape(width, count).T.copy().view(dtype).reshape(-1)


def _texts(data: bytes, col: dict[str, Any], shared: np.ndarray | None) -> list[str]:
    lengths = _unshuffle(data, col["offset"], col["count"], "<u4")
    start = col["offset"] + 4 * col["count"]
    ends = np.cumsum(lengths)
    own = [data[start + e - n : start + e] for e, n in zip(ends, lengths, strict=True)]
    if shared is None:
        return [b.decode("utf-8") for b in own]
    out, before = [], b""
    for k, tail in enumerate(own):
        before = before[: shared[k]] + tail
        out.append(before.decode("utf-8"))
    return out


def _column(data: bytes, col: dict[str, Any], done: dict[str, Any]) -> Any:
    kind, offset, count = col["type"], col["offset"], col["count"]
    if kind == "utf8":
        return _texts(data, col, done[col["front"]] if "front" in col else None)
    dtype = {"u8": "<u1", "u16": "<u2", "u32": "<u4", "f32": "<f4", "i32": "<i4"}[kind]
    values = _unshuffle(data, offset, count, dtype)
    if kind != "i32":
        return values
    wide = values.astype(np.int64)
    return (col["base"] + (np.cumsum(wide) if col["delta"] else wide)).astype(np.int64) % 2**32


def _signed(values: np.ndarray) -> np.ndarray:
    return np.where(values >= 2**31, values - 2**32, values)


def read_page(html: str) -> dict[str, Any]:
    """Return ``{"header": ..., "columns": {name: values}}`` of the first map in ``html``."""
    found = re.search(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', html, re.S)
    assert found, "no payload header"
    data_id, header = found.group(1), json.loads(found.group(2))
    columns: dict[str, Any] = {}
    for chunk in header["chunks"]:
        text = re.search(rf'id="{data_id}-{chunk["name"]}">(.*?)</script>', html, re.S)
        assert text, f"no chunk {chunk['name']}"
        raw = zlib.decompress(unpack7(text.group(1), chunk["packed"]), -15)
        assert len(raw) == chunk["raw"]
        for col in header["columns"]:
            if col.get("chunk") == chunk["name"] and "type" in col:
                value = _column(raw, col, columns)
                columns[col["name"]] = _signed(value) if col["type"] == "i32" else value
    for col in header["columns"]:
        if "same" in col:
            columns[col["name"]] = columns[col["same"]]
        if "dict" in col:
            values, codes = (columns[name] for name in col["dict"])
            columns[col["name"]] = [values[int(c)] for c in codes]
    scale = 10.0 ** np.array(header["digits"])[columns["cat.geo_precision"]]
    for name in ("lat", "lon"):
        columns[name] = columns[name] / scale
    for name in ("date", "fatalities", "injured", "mentions"):
        columns[name] = np.where(columns[name] == MISSING, np.nan, columns[name])
    return {"header": header, "columns": columns}


def value(page: dict[str, Any], name: str, i: int) -> str:
    """The text of category ``name`` for event ``i``."""
    values: list[str] = page["header"]["cat"][name]
    return values[int(page["columns"][f"cat.{name}"][i])]
