"""Large runs: extract in blocks on many processes, merge in independent groups, and write
a partitioned GeoParquet folder, with the events a single run would give.

Layout of the output folder ``OUT/``::

    OUT/part-00000.parquet ...   the events table, one GeoParquet file per set of groups
    OUT/_SUCCESS                 written last: the folder is complete
    OUT/_blocks/block-NNNNN.*    per input block: events before merging (.events, Parquet)
                                 and diagnostics, read problems and ids (.json, written last)
    OUT.diagnostics.json         beside the folder (or where asked), as for one file

``geopandas.read_parquet("OUT")`` and ``dask_geopandas.read_parquet("OUT")`` read the
parts (only ``*.parquet`` files).  The run has two passes:

1. Extraction: :func:`geo.scale.blocks.plan_blocks` cuts the inputs into blocks, and one
   task per block (:func:`geo.scale.parts.extract_block`) writes its files; memory per task
   depends on the block, not on the corpus.  With ``resume`` the blocks already
   finished (same inputs) are not run again; a task lost with its worker is redone
   by Dask on another worker, and finished blocks are never redone.
2. Merge: article ids are made unique across blocks as one run would (``x``,
   ``x~2``), the events are labelled by :func:`geo.extract.merge.merge_groups` (groups that
   can never interact: same kind, overlapping dates, compatible places), the groups
   are packed into sets of about ``bin_events`` events, and one task per set
   (:func:`geo.scale.parts.merge_part`) merges its events in the single run's order and
   writes a part.  The merge pass always runs again in full.

Examples
--------
>>> import pathlib, tempfile, geopandas
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = pathlib.Path(tmp, "a.txt").write_text("Rockets hit Erbil air base on 3 May 2022.")
...     done = extract_partitioned([f"{tmp}/a.txt"], f"{tmp}/events")
...     frame = geopandas.read_parquet(f"{tmp}/events")
>>> done.summary.split(";")[0], list(frame["place_resolved"])
('1 articles, 1 events', ['Erbil Air Base'])
"""

from __future__ import annotations

import dataclasses
import heapq
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from geo.articles.readers import find_inputs
from geo.errors import ScaleError
from geo.extract.merge import MergeKey, merge_groups
from geo.scale.blocks import BLOCK_BYTES, Block, plan_blocks
from geo.scale.diagnostics import block_summary, write_run_diagnostics
from geo.scale.parts import extract_block, merge_part, read_keys, read_summary, worker_gazetteer
from geo.scale.runners import Runner, open_runner

__all__ = ["BIN_EVENTS", "ScaleResult", "event_parts", "extract_partitioned"]

#: Default events per merge task (groups are never split, so a set may be larger).
BIN_EVENTS: Final = 10_000
SUCCESS: Final = "_SUCCESS"
BLOCKS: Final = "_blocks"

_Selection = list[tuple[int, list[int]]]


@dataclasses.dataclass(frozen=True, slots=True)
class ScaleResult:
    """What a large run did (see :func:`extract_partitioned`)."""

    output: Path
    diagnostics: Path
    articles: int
    events: int
    blocks: int
    extracted: int  # block tasks run
    reused: int  # blocks found finished by --resume
    parts: int  # parts of the events table
    summary: str  # Diagnostics.summary of the run
    failed: int = 0  # articles an unexpected error cost (listed in the diagnostics)


def _check(workers: int | None, scheduler: str | None, sizes: dict[str, int]) -> None:
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)):
        raise ScaleError(f"workers must be a number of processes, not {workers!r}")
    if workers is not None and workers < 1:
        raise ScaleError(f"workers must be at least 1, not {workers}")
    if workers is not None and scheduler:
        raise ScaleError("give workers (a local cluster) or scheduler (an existing one), not both")
    for name, value in sizes.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ScaleError(f"{name} must be a positive integer, not {value!r}")


def _prepare(out: Path, store: Path, resume: bool, blocks: int) -> None:
    """Make the folders, drop the completion marker and the old events parts (and, unless
    resuming, the old blocks; when resuming, blocks beyond the new plan)."""
    try:
        if out.exists() and not out.is_dir():
            raise ScaleError(f"{out}: exists and is not a folder")
        store.mkdir(parents=True, exist_ok=True)
        (out / SUCCESS).unlink(missing_ok=True)
        for old in out.glob("part-*.parquet"):
            old.unlink()
        for old in store.glob("block-*"):
            number = old.name.removeprefix("block-").split(".")[0]
            if not resume or not number.isdigit() or int(number) >= blocks:
                old.unlink()
    except OSError as err:
        raise ScaleError(f"{out}: cannot prepare the output folder ({err})") from err


def _extract(
    run: Runner, blocks: list[Block], store: Path, options: dict[str, Any], resume: bool
) -> tuple[int, int]:
    """Run the blocks not yet done; return (run, reused). Raise when some failed."""
    done = {b.number for b in blocks if resume and read_summary(store, b) is not None}
    todo = [b for b in blocks if b.number not in done]
    outcomes = run(extract_block, [(b, str(store)) for b in todo], options, "extract-block")
    failed = [(b, error) for b, (_r, error) in zip(todo, outcomes, strict=True) if error]
    if failed:
        block, error = failed[0]
        first = block.pieces[0][0] if block.pieces else "?"
        raise ScaleError(
            f"{len(failed)} of {len(todo)} blocks failed (first: block {block.number}, from "
            f"{first}: {error}); finished blocks are kept in {store}: rerun with --resume"
        )
    return len(todo), len(done)


def _unique(asked: list[str], ids: list[str], used: set[str]) -> dict[str, str]:
    """Ids as one run would make them unique (see geo.articles.readers); block id -> run id."""
    rename = {}
    for wanted, got in zip(asked, ids, strict=True):
        ident, n = wanted, 1
        while ident in used:
            n += 1
            ident = f"{wanted}~{n}"
        used.add(ident)
        if ident != got:
            rename[got] = ident
    return rename


def _bins(groups: list[int], owners: list[tuple[int, int]], bin_events: int) -> list[_Selection]:
    """Pack groups (largest first, into the emptiest set) into sets of about bin_events."""
    count = max(1, math.ceil(len(groups) / bin_events))
    heap = [(0, n) for n in range(count)]
    where: dict[int, int] = {}
    for label, size in sorted(Counter(groups).items(), key=lambda kv: (-kv[1], kv[0])):
        load, n = heapq.heappop(heap)
        where[label] = n
        heapq.heappush(heap, (load + size, n))
    chosen: list[dict[int, list[int]]] = [defaultdict(list) for _ in range(count)]
    for label, (block, position) in zip(groups, owners, strict=True):
        chosen[where[label]][block].append(position)
    return [sorted(c.items()) for c in chosen if c] or [[]]


def _renames(blocks: list[Block], store: Path) -> dict[int, dict[str, str]]:
    """Per block, the article ids that one run would have given otherwise."""
    used: set[str] = set()
    renames = {}
    for block in blocks:
        summary = block_summary(store, block)
        renames[block.number] = _unique(summary["asked"], summary["ids"], used)
    return renames


def _merge(
    run: Runner,
    blocks: list[Block],
    folders: tuple[Path, Path],
    renames: dict[int, dict[str, str]],
    *,
    merge: bool,
    bin_events: int,
) -> tuple[int, int]:
    """The merge pass from the block files in ``store`` into ``out`` (``folders``); return
    (events, parts written)."""
    store, out = folders
    keys: list[MergeKey] = []
    owners: list[tuple[int, int]] = []
    spots: dict[Any, Any] = {}  # one object per distinct place and kind, not one per event
    for block in blocks:
        found = read_keys(store, block.number)
        keys.extend(
            (spots.setdefault(k, k), lo, hi, spots.setdefault(p, p)) for k, lo, hi, p in found
        )
        owners.extend((block.number, i) for i in range(len(found)))
    selections = _bins(merge_groups(keys), owners, bin_events)
    del keys, owners
    items = [
        (n, sel, {b: renames[b] for b, _p in sel if renames[b]}) for n, sel in enumerate(selections)
    ]
    options = {"store": str(store), "output": str(out), "merge": merge}
    outcomes = run(merge_part, items, options, "merge-part")
    errors = [error for _r, error in outcomes if error]
    if errors:
        raise ScaleError(f"{len(errors)} of {len(items)} merge tasks failed (first: {errors[0]})")
    return sum(int(r) for r, _e in outcomes), len(items)


def extract_partitioned(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    diagnostics: str | os.PathLike[str] | None = None,
    manifest: str | os.PathLike[str] | None = None,
    merge: bool = True,
    places: Sequence[str | os.PathLike[str]] = (),
    resume: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    block_bytes: int = BLOCK_BYTES,
    bin_events: int = BIN_EVENTS,
    max_bytes: int = 5_000_000,
) -> ScaleResult:
    """Extract events from article files into a partitioned GeoParquet folder.

    Parameters
    ----------
    paths, manifest, max_bytes
        As for :func:`geo.articles.readers.read_articles`.  On a cluster, every worker must
        see the files (and ``output``) at these paths: use a shared filesystem.
    output : path
        The folder (see the module notes for its layout).
    diagnostics : path, optional
        Where to write the diagnostics; default ``OUTPUT.diagnostics.json`` beside the
        folder (``events.diagnostics.json`` for ``events/`` or ``events.parquet/``).
    merge : bool
        Merge reports of one event across articles.
    places : sequence of paths
        User places files for the gazetteer (each process opens it once).
    resume : bool
        Keep the finished blocks of an earlier run into ``output``.
    workers, scheduler
        A new local Dask cluster of ``workers`` processes, or the address of an
        existing scheduler (``tcp://host:8786``); neither runs in this process.
    progress : bool
        Show a progress bar on stderr.
    block_bytes, bin_events
        Input bytes per extraction task; events per merge task.

    Returns
    -------
    ScaleResult

    Raises
    ------
    ArticleError
        Bad inputs or manifest (as :func:`geo.articles.readers.read_articles`).
    ScaleError
        Bad options, an unreachable scheduler, an output in the way, or failed tasks
        (finished blocks are kept for ``resume``).
    """
    from geo.formats.readwrite import write_atomic_text

    _check(workers, scheduler, {"block_bytes": block_bytes, "bin_events": bin_events})
    inputs = find_inputs(paths, manifest=manifest)
    files = tuple(os.path.abspath(p) for p in places)
    worker_gazetteer(files)  # checks the places files and builds the index once, here
    out = Path(output)
    store = out / BLOCKS
    blocks = plan_blocks(inputs, block_bytes=block_bytes, max_bytes=max_bytes)
    _prepare(out, store, resume, len(blocks))
    options = {"places": files, "max_bytes": max_bytes}
    with open_runner(workers=workers, scheduler=scheduler, progress=progress) as run:
        extracted, reused = _extract(run, blocks, store, options, resume)
        renames = _renames(blocks, store)
        events, written = _merge(
            run, blocks, (store, out), renames, merge=merge, bin_events=bin_events
        )
    target = Path(diagnostics) if diagnostics else out.with_name(f"{out.stem}.diagnostics.json")
    summary = write_run_diagnostics(
        target, blocks, store, manifest=inputs.problems, events=events, renames=renames
    )
    articles = sum(block_summary(store, b)["articles"] for b in blocks)
    failed = sum(len(block_summary(store, b)["lists"].get("failed_articles", [])) for b in blocks)
    marker = {"articles": articles, "events": events, "parts": written, "blocks": len(blocks)}
    write_atomic_text(out / SUCCESS, json.dumps(marker) + "\n")
    counts = (articles, events, len(blocks), extracted, reused, written)
    return ScaleResult(out, target, *counts, summary, failed)


def event_parts(output: str | os.PathLike[str]) -> list[Path]:
    """The GeoParquet parts of a finished run's events table, in order.

    The seam for passes over the events of a large run (such as region assignment
    with dask-geopandas): one task per part, on a runner from
    :func:`geo.scale.runners.open_runner`.  Raises :class:`ScaleError` when the run did not
    finish (no ``_SUCCESS`` marker).
    """
    out = Path(output)
    if not (out / SUCCESS).is_file():
        raise ScaleError(f"{out}: not a finished run (no {SUCCESS}); run strikemap extract again")
    return sorted(out.glob("part-*.parquet"))
