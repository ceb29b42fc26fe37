"""The diagnostics of a run in blocks, put together from the blocks' files.

The file written is the one a single run writes (``json.dumps(..., indent=2)`` of
:meth:`geo.extract.pipeline.Diagnostics.to_dict`) byte for byte, but it is written list by
list and block by block from the blocks' JSON files (:mod:`geo.scale.parts`), so a large
run never holds every diagnostic at once.  Article ids are those of one run (see
:mod:`geo.scale.run`), and a ``.jsonl`` file read in spans is reported empty once, and
only when no span had a record.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> write_list(out, [[{"a": 1}], [], [{"b": 2}]])
>>> print("{\\n  \\"x\\": " + out.getvalue() + "\\n}")
{
  "x": [
    {
      "a": 1
    },
    {
      "b": 2
    }
  ]
}
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from geo.articles.files import Problem
from geo.errors import ScaleError
from geo.extract.pipeline import Diagnostics
from geo.scale.blocks import Block
from geo.scale.parts import DIAGNOSTIC_LISTS, read_summary

__all__ = ["block_summary", "write_list", "write_run_diagnostics"]

Renames = Mapping[int, Mapping[str, str]]


def block_summary(store: Path, block: Block) -> dict[str, Any]:
    """The JSON file of a finished block; :class:`ScaleError` when it is missing or stale."""
    summary = read_summary(store, block)
    if summary is None:
        raise ScaleError(f"{store}: block {block.number} is missing or stale; run again")
    return summary


def _problems(blocks: Sequence[Block], store: Path) -> Iterator[list[dict[str, Any]]]:
    """Read problems per block.  A file read in spans reports 'no records' per empty span:
    keep it once, at its last span, and only when every span had it (as one run does)."""
    spans = Counter(str(p) for b in blocks for p, s in b.pieces if s is not None)

    def empty(problem: dict[str, Any]) -> bool:
        return problem["path"] in spans and problem["kind"] == "empty"

    total: Counter[str] = Counter()
    for block in blocks:
        total.update(p["path"] for p in block_summary(store, block)["problems"] if empty(p))
    seen: Counter[str] = Counter()
    for block in blocks:
        kept = []
        for problem in block_summary(store, block)["problems"]:
            path = problem["path"]
            if empty(problem):
                seen[path] += 1
                if total[path] < spans[path] or seen[path] < spans[path]:
                    continue
            kept.append(problem)
        yield kept


def _entries(
    blocks: Sequence[Block], store: Path, key: str, renames: Renames
) -> Iterator[list[dict[str, Any]]]:
    """One diagnostics list, block by block, with the article ids of one run."""
    for block in blocks:
        entries: list[dict[str, Any]] = block_summary(store, block)["lists"].get(key, [])
        rename = renames.get(block.number, {})
        for entry in entries if rename else ():
            entry["source"] = rename.get(entry["source"], entry["source"])
        yield entries


def write_list(fh: IO[str], chunks: Iterable[list[dict[str, Any]]]) -> None:
    """Write a JSON list as ``json.dumps(indent=2)`` lays it out as a value at depth 1,
    item by item."""
    first = True
    for chunk in chunks:
        for item in chunk:
            text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
            fh.write(("[\n    " if first else ",\n    ") + text)
            first = False
    fh.write("[]" if first else "\n  ]")


def _head(
    blocks: Sequence[Block], store: Path, manifest: Sequence[Problem], events: int
) -> dict[str, Any]:
    """The diagnostics dict with the right counts and summary (its lists are placeholders)."""
    sizes = Counter[str]()
    for block in blocks:
        summary = block_summary(store, block)
        sizes.update(articles=summary["articles"], mentions=summary["mentions"])
        lists = summary["lists"]
        sizes.update({name: len(lists.get(name, [])) for name, _f in DIAGNOSTIC_LISTS})
    shape = Diagnostics(articles=sizes["articles"], mentions=sizes["mentions"])
    for name, field in DIAGNOSTIC_LISTS:  # only the lengths matter to the summary line
        getattr(shape, field).extend({} for _ in range(sizes[name]))
    shape.unreadable.extend({"kind": p.kind} for p in manifest)  # and the kinds of problems
    for chunk in _problems(blocks, store):
        shape.unreadable.extend({"kind": p["kind"]} for p in chunk)
    return shape.to_dict(events)


def write_run_diagnostics(
    target: Path,
    blocks: Sequence[Block],
    store: Path,
    *,
    manifest: Sequence[Problem],
    events: int,
    renames: Renames,
) -> str:
    """Write the diagnostics of a run in blocks to ``target`` atomically; return the summary.

    ``manifest`` holds the manifest rows that matched no file, ``events`` the number
    of events written, ``renames`` the per-block id changes (see :mod:`geo.scale.run`).
    """
    head = _head(blocks, store, manifest, events)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = (target.stat().st_mode & 0o777) if target.exists() else 0o644
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("{")
            for i, (key, value) in enumerate(head.items()):
                fh.write(("\n" if i == 0 else ",\n") + f"  {json.dumps(key)}: ")
                if not isinstance(value, list):
                    fh.write(json.dumps(value, ensure_ascii=False))
                elif key == "unreadable_inputs":
                    first = [[dataclasses.asdict(p) for p in manifest]]
                    write_list(fh, [*first, *_problems(blocks, store)])
                else:
                    write_list(fh, _entries(blocks, store, key, renames))
            fh.write("\n}\n")
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as err:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise ScaleError(f"{target}: cannot write the diagnostics ({err})") from err
        raise
    return str(head["summary"])
