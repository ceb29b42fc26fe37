"""The map payload → a small JSON header and compressed binary chunks the page decodes.

Numbers travel as typed arrays, never as JSON text: coordinates quantised to
1e-5 degree and delta-coded, dates as delta-coded day numbers with the possible
range as offsets, category codes in the smallest unsigned type, counts as int32
(``MISSING`` when not reported). Multi-byte columns are byte-shuffled (all
first bytes, then all second bytes, ...), which lets deflate find the runs.
Texts (ids, quotes, sources, reasons) are UTF-8 bytes with their lengths.

Two chunks: ``core`` (everything needed to draw) and ``text`` (what popups
show), each raw-deflated and written as text with :func:`text7`: seven bits per
character (8 characters per 7 bytes, 14 % more; base64 is 33 %), safe inside a
``<script>`` element. The page inflates them with
``DecompressionStream("deflate-raw")``; it is ready after the core chunk and
reads the text chunk in the background (``maps/static/sm-data.js``).

The header lists every column as ``{"name", "chunk", "type", "offset",
"count"}`` (``type``: ``i32``, ``u8``, ``u16``, ``u32``, ``f32``, ``utf8``;
``i32`` has ``base`` and ``delta``: the value is ``base`` plus the stored number,
or plus the running sum of the stored numbers when ``delta`` is true, whichever
is smaller for this column; ``utf8`` has ``bytes``, the size of its text after
its ``count`` lengths; a column with ``same`` is another column's copy, not stored; one
with ``dict`` names a string column of distinct values and a column of codes into it).
Coordinates are integers in units of ``10**-digits`` degree, ``digits`` per event
from its ``geo_precision`` (header ``digits``: one per ``geo_precision`` value).

Examples
--------
>>> import numpy as np
>>> text7(b"strike!"), text7(bytes(7)) == "\x7f@" * 8
('9]\\x0e&K-J!', True)
>>> shuffle(np.array([1, 256], dtype="<i4")).tolist()
[1, 0, 0, 1, 0, 0, 0, 0]
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from zlib_ng import zlib_ng

__all__ = ["LEVEL", "MISSING", "Packed", "encode_payload", "shuffle", "text7"]

#: Integer stored for a missing value in int32 columns (dates, counts).
MISSING: Final[int] = -(2**31)
#: Deflate level (zlib-ng): 6 is a third smaller than 1 on quotes, 9 is 2.5x slower than 6.
LEVEL: Final[int] = 6
_CHUNKS: Final[tuple[str, ...]] = ("core", "text")


def shuffle(values: np.ndarray) -> np.ndarray:
    """Return the little-endian bytes of ``values`` grouped by byte position."""
    little = values.astype(values.dtype.newbyteorder("<"), copy=False)
    width = little.dtype.itemsize
    planes: np.ndarray = little.view(np.uint8).reshape(-1, width).T
    return np.ascontiguousarray(planes).reshape(-1)


#: 7-bit values that cannot stand for themselves in script text: NUL (replaced by the HTML
#: parser), CR (turned into LF), "<" (could start "</script") and DEL, the escape itself;
#: each becomes DEL followed by the value XOR 64 (``@``, ``M``, ``|``, ``?``).
_UNSAFE: Final[tuple[int, ...]] = (0, 13, 60, 127)
_IS_UNSAFE: Final = np.isin(np.arange(128), _UNSAFE)  # by 7-bit value


def text7(data: bytes) -> str:
    """Return ``data`` as text: every 7 bytes as 8 characters of 7 bits, big-endian.

    The tail is padded with zero bytes; the reader knows the true length. Characters
    stand for their own 7-bit value except :data:`_UNSAFE`, written as two: the text
    is ASCII, so it survives any page encoding (a notebook's iframe, a proxy).
    """
    raw = np.frombuffer(data, dtype=np.uint8)
    groups = -(-len(raw) // 7)
    flat = np.zeros(groups * 7, dtype=np.uint8)
    flat[: len(raw)] = raw
    b = flat.reshape(groups, 7).T
    values = np.empty((groups, 8), dtype=np.uint8)
    values[:, 0] = b[0] >> 1
    for k in range(1, 7):  # the low k bits of byte k-1, then the high 7-k bits of byte k
        values[:, k] = ((b[k - 1] & ((1 << k) - 1)) << (7 - k)) | (b[k] >> (k + 1))
    values[:, 7] = b[6] & 0x7F
    chars = values.reshape(-1)
    unsafe = np.flatnonzero(_IS_UNSAFE[chars])
    tails = chars[unsafe] ^ 64
    chars[unsafe] = 127
    out = np.insert(chars, unsafe + 1, tails)
    return out.tobytes().decode("ascii")


#: Front-coded texts start afresh every RESTART values (a reader decodes at most that many).
RESTART: Final[int] = 64


def _utf8(arr: pa.Array) -> bytes | memoryview:
    """The UTF-8 bytes of a ``large_string`` array without nulls, end to end."""
    if not len(arr) or arr.buffers()[2] is None:
        return b""
    starts = np.frombuffer(arr.buffers()[1], dtype="<i8", count=len(arr) + 1, offset=arr.offset * 8)
    return memoryview(arr.buffers()[2])[int(starts[0]) : int(starts[-1])]


def _front_coded(
    body: bytes | memoryview, lengths: np.ndarray, width: int = 24, block: int = 16384
) -> tuple[np.ndarray, bytes, np.ndarray] | None:
    """Front coding of short texts: per text the bytes shared with the one before (none at
    every :data:`RESTART`-th, at most 255), the rest of each, and the rest's lengths.
    None for long texts or when it would save less than a quarter of the bytes."""
    n = len(lengths)
    if n < 1000 or int(lengths.max()) > width:
        return None
    data = np.frombuffer(body, dtype=np.uint8)
    starts = np.cumsum(lengths) - lengths
    shared = np.zeros(n, dtype=np.int64)
    cols = np.arange(int(lengths.max()))  # bytes past the longest text change nothing
    last = max(len(data) - 1, 0)
    for lo in range(1, n, block):  # compare (block x longest) matrices of the texts' bytes
        hi = min(n, lo + block)
        rows = slice(lo - 1, hi)
        inside = cols < lengths[rows, None]
        grid = np.where(inside, data[np.minimum(starts[rows, None] + cols, last)], 0)
        same = np.logical_and.accumulate(grid[1:] == grid[:-1], axis=1).sum(axis=1)
        shared[lo:hi] = np.minimum(same, np.minimum(lengths[lo - 1 : hi - 1], lengths[lo:hi]))
    shared[::RESTART] = 0
    shared = np.minimum(shared, 255)
    if shared.sum() * 4 < len(data):
        return None
    return shared, _rest_bytes(data, starts, lengths, shared), lengths - shared


def _rest_bytes(
    data: np.ndarray, starts: np.ndarray, lengths: np.ndarray, shared: np.ndarray
) -> bytes:
    """The bytes of each text after its shared prefix, end to end."""
    size = lengths - shared
    owner = np.repeat(np.arange(len(lengths)), size)
    within = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
    picked: np.ndarray = data[starts[owner] + shared[owner] + within]
    return picked.tobytes()


def _ints(values: np.ndarray) -> np.ndarray:
    """Floats to int32, NaN to :data:`MISSING`."""
    out = np.full(len(values), MISSING, dtype=np.int32)
    ok = np.isfinite(values)
    out[ok] = np.clip(values[ok], MISSING + 1, 2**31 - 1).astype(np.int32)
    return out


def _smaller(first: np.ndarray, second: np.ndarray, sample: int = 65536) -> bool:
    """Whether ``first`` deflates smaller than ``second``, judged on a sample of each."""
    if len(first) < 64:
        return False
    sizes = [len(zlib_ng.compress(shuffle(a[:sample]).tobytes(), 1)) for a in (first, second)]
    return sizes[0] < sizes[1]


class _Deflater:
    """Raw deflate of one chunk's parts, as they come, on a thread of its own: zlib-ng lets
    go of the GIL, so packing the next columns and compressing those before overlap. The
    bytes are those of compressing the parts one after the other on one stream."""

    def __init__(self, level: int) -> None:
        self.packer = zlib_ng.compressobj(level, zlib_ng.DEFLATED, -15, 9)
        self.parts: queue.SimpleQueue[bytes | memoryview | None] = queue.SimpleQueue()
        self.out: list[bytes] = []
        self.error: BaseException | None = None
        self.closed = False
        self.thread = threading.Thread(target=self._run, name="strikemap-deflate", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            while (part := self.parts.get()) is not None:
                self.out.append(self.packer.compress(part))
            self.out.append(self.packer.flush())
        except BaseException as err:  # raised again by result(), in the caller's thread
            self.error = err

    def put(self, data: bytes | memoryview) -> None:
        """Compress ``data`` after the parts put before it."""
        self.parts.put(data)

    def close(self) -> None:
        """Let the thread end after the parts put (more calls do nothing)."""
        if not self.closed:
            self.closed = True
            self.parts.put(None)

    def result(self) -> bytes:
        """The compressed stream of every part put (waits for the thread)."""
        self.close()
        self.thread.join()
        if self.error is not None:
            raise self.error
        return b"".join(self.out)


class Packed:
    """Columns appended to the two chunks, with their header entries; each chunk is
    compressed at ``level`` as it grows (:class:`_Deflater`)."""

    def __init__(self, level: int = LEVEL) -> None:
        self.parts: dict[str, list[bytes | memoryview]] = {c: [] for c in _CHUNKS}
        self.sizes: dict[str, int] = dict.fromkeys(_CHUNKS, 0)
        self.columns: list[dict[str, Any]] = []
        self.stored_codes: dict[tuple[str, str], np.ndarray] = {}
        self.deflaters = {c: _Deflater(level) for c in _CHUNKS}

    def _put(self, chunk: str, data: bytes | memoryview) -> int:
        offset = self.sizes[chunk]
        self.parts[chunk].append(data)  # kept: the deflater reads it on its own thread
        self.sizes[chunk] += len(data)
        self.deflaters[chunk].put(data)
        return offset

    def floats(self, name: str, values: np.ndarray, chunk: str = "core") -> None:
        """Add an ``f32`` column."""
        array = np.ascontiguousarray(values, dtype="<f4")
        offset = self._put(chunk, shuffle(array).data)
        self.columns.append({"name": name, "chunk": chunk, "type": "f32", "offset": offset,
                             "count": len(array)})  # fmt: skip

    def ints(self, name: str, values: np.ndarray, chunk: str = "core") -> None:
        """Add an ``i32`` column, delta-coded or offset from its minimum (the smaller)."""
        wide = values.astype(np.int64)
        base = int(wide.min()) if len(wide) else 0
        steps = np.diff(wide, prepend=base).astype("<i4")
        offsets = (wide - base).astype("<i4")
        use_delta = _smaller(steps, offsets)
        stored = steps if use_delta else offsets
        offset = self._put(chunk, shuffle(stored).data)
        self.columns.append({"name": name, "chunk": chunk, "type": "i32", "offset": offset,
                             "count": len(stored), "base": base, "delta": use_delta})  # fmt: skip

    def codes(self, name: str, values: np.ndarray, chunk: str = "core") -> None:
        """Add non-negative integers in the smallest unsigned type that holds them; a copy
        of a column added before is only named (``same``)."""
        for (where, seen), earlier in self.stored_codes.items():
            if where == chunk and len(earlier) == len(values) and np.array_equal(earlier, values):
                self.columns.append({"name": name, "same": seen})
                return
        self.stored_codes[chunk, name] = values
        top = int(values.max()) if len(values) else 0
        kind, dtype = (
            ("u8", "<u1") if top < 256 else ("u16", "<u2") if top < 65536 else ("u32", "<u4")
        )
        array = np.ascontiguousarray(values, dtype=dtype)
        offset = self._put(chunk, shuffle(array).data)
        self.columns.append({"name": name, "chunk": chunk, "type": kind, "offset": offset,
                             "count": len(array)})  # fmt: skip

    def texts(self, name: str, values: pa.Array, chunk: str = "text") -> None:
        """Add a string column: uint32 byte lengths, then the UTF-8 bytes; a column that
        repeats a few values (fewer distinct than a quarter of its length) is stored as
        ``dict``: its distinct ``values`` (a string column) and ``codes``."""
        arr = pc.fill_null(values.cast(pa.large_string()), "")
        sample = arr.slice(0, 20000)
        if len(arr) >= 1000 and pc.count_distinct(sample).as_py() * 4 <= len(sample):
            encoded = pc.dictionary_encode(arr)
            if len(encoded.dictionary) * 4 <= len(arr):
                self.texts(f"{name}#values", encoded.dictionary, chunk)
                self.codes(f"{name}#codes", encoded.indices.to_numpy(zero_copy_only=False), chunk)
                self.columns.append({"name": name, "dict": [f"{name}#values", f"{name}#codes"]})
                return
        lengths = pc.binary_length(arr).to_numpy(zero_copy_only=False).astype(np.int64)
        body = _utf8(arr)
        front = _front_coded(body, lengths)
        if front is not None:  # ids that share prefixes: each as (shared bytes, the rest)
            shared, rest, rest_lengths = front
            self.codes(f"{name}#shared", shared, chunk)
            lengths, body = rest_lengths, rest
        offset = self._put(chunk, shuffle(lengths.astype("<u4")).data)
        self._put(chunk, body)
        entry = {"name": name, "chunk": chunk, "type": "utf8", "offset": offset,
                 "count": len(arr), "bytes": len(body)}  # fmt: skip
        if front is not None:
            entry |= {"front": f"{name}#shared", "restart": RESTART}
        self.columns.append(entry)

    def compressed(self) -> list[tuple[str, int, bytes]]:
        """(chunk name, raw size, raw-deflated bytes) of each chunk."""
        return [(chunk, self.sizes[chunk], self.deflaters[chunk].result()) for chunk in _CHUNKS]


def _add_core(packed: Packed, p: dict[str, Any], digits: np.ndarray) -> None:
    scale = 10.0 ** digits[p["cat"]["geo_precision"]["codes"]]
    packed.ints("lat", _ints(np.round(p["lat"] * scale)))
    packed.ints("lon", _ints(np.round(p["lon"] * scale)))
    known = np.isfinite(p["date"])
    packed.ints("date", _ints(p["date"]))
    packed.ints("before", np.where(known, p["date"] - p["d0"], 0))
    packed.ints("after", np.where(known, p["d1"] - p["date"], 0))
    packed.floats("extent", p["extent"])
    for name in ("fatalities", "injured", "mentions"):
        packed.ints(name, _ints(p[name]))
    for name, column in p["cat"].items():
        packed.codes(f"cat.{name}", column["codes"])
    links = p["links"]
    packed.ints("links.a", links["a"])
    packed.ints("links.b", links["b"])
    packed.codes("links.reason", links["reason"]["codes"])


def _add_text(packed: Packed, p: dict[str, Any]) -> None:
    packed.texts("id", p["id"])
    packed.texts("quote", p["quote"])
    for field, values in p["sources"]["table"].items():
        packed.texts(f"sources.{field}", values)
    packed.codes("sources.count", np.diff(p["sources"]["offsets"]), "text")
    packed.codes("sources.index", p["sources"]["index"], "text")
    packed.texts("reasons.values", p["reasons"]["values"])
    packed.codes("reasons.count", np.diff(p["reasons"]["offsets"]), "text")
    packed.codes("reasons.index", p["reasons"]["index"], "text")


def encode_payload(
    p: dict[str, Any], *, level: int = LEVEL
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Return the JSON-able header and ``(chunk name, text)`` of each chunk (:func:`text7`)."""
    packed = Packed(level)
    try:
        _add_core(packed, p, np.array(p["digits"], dtype=np.int64))
        _add_text(packed, p)
        chunks = packed.compressed()
    finally:  # after an error too: no thread is left waiting for parts
        for deflater in packed.deflaters.values():
            deflater.close()
    header = {
        "version": p["version"],
        "n": p["n"],
        "dropped": p["dropped"],
        "bounds": p["bounds"],
        "default_extent_km": p["default_extent_km"],
        "digits": p["digits"],
        "cat": {name: column["values"] for name, column in p["cat"].items()},
        "links": {
            "count": len(p["links"]["a"]),
            "dropped": p["links"]["dropped"],
            "reasons": p["links"]["reason"]["values"],
        },
        "columns": packed.columns,
        "chunks": [{"name": name, "raw": raw, "packed": len(body)} for name, raw, body in chunks],
    }
    return header, [(name, text7(body)) for name, _, body in chunks]
