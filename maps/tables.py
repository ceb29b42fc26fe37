"""Per-event lists of the map payload, built column-wise: sources, reasons and links.

Each list column becomes a table of distinct values and, per event, a slice of
indices into it (``offsets`` of length n + 1 and ``index``, as in a CSR matrix),
computed with pyarrow and numpy over all events at once.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"sources": [["x", "y"], ["y"], None]})
>>> s = sources(frame, 3)
>>> s["table"]["id"].to_pylist(), s["offsets"].tolist(), s["index"].tolist()
(['x', 'y'], [0, 2, 3, 3], [0, 1, 1])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from maps.columns import list_column, texts
from maps.errors import MapInputError

if TYPE_CHECKING:
    import pandas as pd

#: An events table: a DataFrame, or the file's columns by name (pyarrow arrays).
Table: TypeAlias = "pd.DataFrame | Mapping[str, Any]"

__all__ = ["SOURCE_FIELDS", "links", "reasons", "sources"]

#: Fields of one source record, in the order the page reads them.
SOURCE_FIELDS: Final[tuple[str, ...]] = ("id", "outlet", "headline", "url", "published")
_STR = pa.large_string()
_RECORD = pa.struct([(f, _STR) for f in SOURCE_FIELDS])


def _clean(arr: pa.Array) -> pa.Array:
    return pc.fill_null(arr.cast(_STR), "")


def _csr(event: np.ndarray, code: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Offsets and indices per event from (event, code) pairs in order; repeats dropped."""
    multi = np.bincount(event, minlength=n)[event] > 1
    if multi.any():  # only events with several entries can repeat one
        sub = np.flatnonzero(multi)
        width = int(code.max()) + 1
        _, first = np.unique(event[sub] * width + code[sub], return_index=True)
        repeat = np.ones(len(sub), dtype=bool)
        repeat[first] = False
        keep = np.ones(len(event), dtype=bool)
        keep[sub[repeat]] = False
        event, code = event[keep], code[keep]
    if len(event) and (np.diff(event) < 0).any():
        order = np.argsort(event, kind="stable")
        event, code = event[order], code[order]
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(event, minlength=n), out=offsets[1:])
    return offsets, code.astype(np.int32)


def _records(frame: Table, n: int) -> tuple[dict[str, pa.Array], np.ndarray]:
    """Every source record (fields) and its event: ``source_info`` records, then the ids of
    ``sources`` that are not already among the event's records."""
    info = list_column(frame.get("source_info"), n, _RECORD)
    ids = list_column(frame.get("sources"), n, _STR)
    records = info.flatten()
    cols = {f: _clean(records.field(f)) for f in SOURCE_FIELDS}
    event = pc.list_parent_indices(info).to_numpy(zero_copy_only=False).astype(np.int64)
    id_values = _clean(ids.flatten())
    same = (
        len(id_values) == len(cols["id"])
        and np.array_equal(np.asarray(ids.offsets), np.asarray(info.offsets))
        and pc.all(pc.equal(id_values, cols["id"])).as_py() is not False
    )
    if same or not len(id_values):  # the usual case: sources lists the records' ids
        return cols, event
    blank = pa.array(np.full(len(id_values), "", dtype=object), type=_STR)
    cols = {f: pa.concat_arrays([cols[f], id_values if f == "id" else blank]) for f in cols}
    event = np.concatenate(
        [event, pc.list_parent_indices(ids).to_numpy(zero_copy_only=False).astype(np.int64)]
    )
    return cols, event


def _first_positions(code: np.ndarray, size: int) -> np.ndarray:
    """Index of the first occurrence of each code 0..size-1 (codes in order of appearance)."""
    first = np.empty(size, dtype=np.int64)
    first[code[::-1]] = np.arange(len(code) - 1, -1, -1)
    return first


def sources(frame: Table, n: int) -> dict[str, Any]:
    """One deduplicated sources table (``source_info`` records, ``sources`` ids) and
    each event's indices into it.

    A record is known by its id, or by outlet, headline and URL when it has none;
    the first record with an id gives that source's fields.
    """
    cols, event = _records(frame, n)
    key = cols["id"]
    no_id = pc.equal(key, "")
    if pc.any(no_id).as_py():
        sep = pa.scalar("\x1f", type=_STR)
        joined = pc.binary_join_element_wise(cols["outlet"], cols["headline"], cols["url"], sep)
        key = pc.if_else(
            no_id, pc.binary_join_element_wise(pa.scalar("", type=_STR), joined, sep), key
        )
        empty = pc.and_(no_id, pc.equal(joined, "\x1f\x1f")).to_numpy(zero_copy_only=False)
        if empty.any():
            keep = np.flatnonzero(~empty)
            key, event = pc.take(key, pa.array(keep)), event[keep]
            cols = {f: pc.take(v, pa.array(keep)) for f, v in cols.items()}
    encoded = pc.dictionary_encode(key)
    code = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    first = pa.array(_first_positions(code, len(encoded.dictionary)))
    table = {f: pc.take(cols[f], first) for f in SOURCE_FIELDS}
    offsets, index = _csr(event, code, n)
    return {"table": table, "offsets": offsets, "index": index}


def reasons(frame: Table, n: int) -> dict[str, Any]:
    """The distinct reasons (``values``) and each event's indices into them."""
    column = list_column(frame.get("reasons"), n, _STR)
    values = pc.dictionary_encode(_clean(column.flatten()))
    offsets = np.asarray(column.offsets, dtype=np.int64)
    index = values.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    return {"values": values.dictionary, "offsets": offsets - offsets[0], "index": index}


def _pairs(frame: Table, n: int, table: pd.DataFrame | None) -> tuple[pa.Array, ...]:
    """(first ids, second ids, reasons) from a links table, or else from a ``links`` column."""
    attr = getattr(frame, "attrs", {}).get("links")
    if table is not None or attr is not None:
        import pandas as pd

        if table is None:
            table = attr if isinstance(attr, pd.DataFrame) else None
    if table is not None:
        if not isinstance(table, pd.DataFrame):
            raise MapInputError(f"links must be a DataFrame, not {type(table).__name__}")
        missing = {"strike_id", "attack_id"} - set(table.columns)
        if missing:
            raise MapInputError(f"links lack column(s) {', '.join(sorted(missing))}")
        m = len(table)
        return (
            texts(table["strike_id"], m),
            texts(table["attack_id"], m),
            texts(table.get("reason"), m),
        )
    if "links" not in frame or "event_id" not in frame:
        empty = pa.array([], type=_STR)
        return empty, empty, empty
    column = list_column(frame["links"], n, _STR)
    own = pc.take(texts(frame["event_id"], n), pc.list_parent_indices(column))
    other = _clean(column.flatten())
    return own, other, pa.array(np.full(len(other), "", dtype=object), type=_STR)


def links(frame: Table, ids: pa.Array, table: pd.DataFrame | None) -> dict[str, Any]:
    """Links as event indices ``a``, ``b``, reason codes, and the count ``dropped`` of links
    whose ends are not (distinct) events of the map (``ids``, one per row of ``frame``)."""
    first, second, why = _pairs(frame, len(ids), table)
    if not len(first):
        return {"a": np.zeros(0, np.int32), "b": np.zeros(0, np.int32),
                "reason": {"values": [], "codes": np.zeros(0, np.int32)}, "dropped": 0}  # fmt: skip
    import pandas as pd

    names = pd.Index(ids.to_numpy(zero_copy_only=False))
    unique = ~names.duplicated() & (names != "")
    lookup = pd.Index(names[unique])
    where = np.flatnonzero(unique)

    def position(values: pa.Array) -> np.ndarray:
        found = lookup.get_indexer(values.to_numpy(zero_copy_only=False))
        return np.where(found >= 0, where[np.maximum(found, 0)], -1)

    a, b = position(first), position(second)
    ok = (a >= 0) & (b >= 0) & (a != b)
    reason = pc.dictionary_encode(pc.take(why, pa.array(np.flatnonzero(ok))))
    codes = reason.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    return {
        "a": a[ok].astype(np.int32),
        "b": b[ok].astype(np.int32),
        "reason": {"values": reason.dictionary.to_pylist(), "codes": codes},
        "dropped": int(len(a) - ok.sum()),
    }
