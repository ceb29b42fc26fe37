"""A run's inputs cut into blocks of about the same size, in reading order.

A block is what one task of a large run reads and extracts (:mod:`geo.scale.parts`):
consecutive article files, or whole lines of a large ``.jsonl`` file (a
:class:`~geo.articles.files.Span`), so a big feed is never read whole.  Reading
the blocks one after another reads exactly what :func:`geo.articles.readers.iter_articles`
reads, in the same order.  Each block has a key (a hash of the paths, sizes,
modification times, spans and manifest rows it reads), so a resumed run can tell
a finished block from one whose inputs changed.

Examples
--------
>>> import pathlib, tempfile
>>> from geo.articles.readers import find_inputs
>>> with tempfile.TemporaryDirectory() as tmp:
...     lines = "".join(f'{{"text": "Rockets hit base {i}."}}\\n' for i in range(300))
...     _ = pathlib.Path(tmp, "feed.jsonl").write_text(lines)
...     _ = pathlib.Path(tmp, "note.txt").write_text("A drone struck a depot.")
...     blocks = plan_blocks(find_inputs([tmp]), block_bytes=4_000)
>>> [[(p.name, s.line) if s else p.name for p, s in b.pieces] for b in blocks]
[[('feed.jsonl', 1)], [('feed.jsonl', 122)], [('feed.jsonl', 240), 'note.txt']]
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from geo.articles.files import Span
from geo.articles.readers import Inputs
from geo.errors import ArticleError

__all__ = ["BLOCK_BYTES", "Block", "plan_blocks", "split_lines"]

#: Default bytes of input per block (about 200 articles of 5 KB).
BLOCK_BYTES: Final = 1_000_000
_CHUNK: Final = 1 << 20
_WIDE_BOMS: Final = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
_VERSION: Final = 1  # bump when what a block writes changes, so --resume redoes old blocks


@dataclass(frozen=True, slots=True)
class Block:
    """The inputs of one task: files (or spans of ``.jsonl`` files) and their manifest rows.

    Attributes
    ----------
    number : int
        Position in the run, from 0.
    pieces : tuple of (Path, Span or None)
        What to read, in order.
    rows : mapping
        Manifest rows of its files, by base name.
    nbytes : int
        Bytes of input.
    key : str
        Hash of what the block reads (see the module notes).
    """

    number: int
    pieces: tuple[tuple[Path, Span | None], ...]
    rows: Mapping[str, Mapping[str, str]]
    nbytes: int
    key: str


def split_lines(path: Path, size: int, block_bytes: int) -> Iterator[Span]:
    """Cut a UTF-8 ``.jsonl`` file into spans of whole lines of about ``block_bytes``.

    The file is read in 1 MB pieces, never whole, even when a line is longer.
    """
    start = pos = 0
    line = first = 1
    with path.open("rb") as handle:
        while piece := handle.readline(_CHUNK):
            pos += len(piece)
            if not piece.endswith(b"\n"):
                continue
            line += 1
            if pos - start >= block_bytes and pos < size:
                yield Span(start, pos, first)
                start, first = pos, line
    if pos > start:
        yield Span(start, pos, first)


def _pieces(path: Path, block_bytes: int) -> Iterator[tuple[Span | None, int, int]]:
    """(span, bytes, mtime_ns) of the pieces of one file; unreadable files are one piece
    (reading it reports the problem)."""
    try:
        stat = path.stat()
        wide = False
        if path.suffix.lower() == ".jsonl" and stat.st_size > block_bytes:
            with path.open("rb") as handle:
                wide = handle.read(4).startswith(_WIDE_BOMS)
    except OSError:
        yield None, 0, 0
        return
    if path.suffix.lower() != ".jsonl" or stat.st_size <= block_bytes or wide:
        yield None, stat.st_size, stat.st_mtime_ns
        return
    try:
        spans = list(split_lines(path, stat.st_size, block_bytes))
    except OSError as err:
        raise ArticleError(f"{path}: cannot be read ({err.strerror or err})") from err
    for span in spans:
        yield span, span.end - span.start, stat.st_mtime_ns


def _key(
    pieces: list[tuple[Path, Span | None, int, int]],
    rows: Mapping[str, Mapping[str, str]],
    max_bytes: int,
) -> str:
    described = [
        [os.path.abspath(p), n, mtime, [s.start, s.end, s.line] if s else None]
        for p, s, n, mtime in pieces
    ]
    text = json.dumps([_VERSION, max_bytes, described, rows], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def plan_blocks(
    inputs: Inputs, *, block_bytes: int = BLOCK_BYTES, max_bytes: int = 5_000_000
) -> list[Block]:
    """Cut the files of a run into blocks of at least ``block_bytes`` (the last one smaller).

    Parameters
    ----------
    inputs : Inputs
        From :func:`geo.articles.readers.find_inputs`.
    block_bytes : int
        Bytes of input per block; ``.jsonl`` files larger than this are split on line
        boundaries (unless they are UTF-16/32, which are read whole).
    max_bytes : int
        Largest file (or ``.jsonl`` line) read, as for :func:`geo.articles.readers.read_articles`.

    Raises
    ------
    ArticleError
        For a bad ``block_bytes`` or a ``.jsonl`` file that cannot be read to split it.
    """
    if isinstance(block_bytes, bool) or not isinstance(block_bytes, int) or block_bytes < 1:
        raise ArticleError(f"block_bytes must be a positive number of bytes, not {block_bytes!r}")
    blocks: list[Block] = []
    current: list[tuple[Path, Span | None, int, int]] = []
    total = 0

    def close() -> None:
        names = {p.name for p, *_ in current}
        rows = {k: dict(v) for k, v in inputs.rows.items() if k in names}
        nbytes = sum(n for _p, _s, n, _m in current)
        pieces = tuple((p, s) for p, s, _n, _m in current)
        key = _key(current, rows, max_bytes)
        blocks.append(Block(len(blocks), pieces, rows, nbytes, key))
        current.clear()

    for path in inputs.files:
        for span, nbytes, mtime in _pieces(path, block_bytes):
            current.append((path, span, nbytes, mtime))
            total += nbytes
            if total >= block_bytes:
                close()
                total = 0
    if current:
        close()
    return blocks
