"""The two tasks of a large run and the files they leave: block files, then parts.

:func:`extract_block` reads one :class:`~geo.scale.blocks.Block`, extracts the events of
each article (not yet merged across articles) and writes ``block-NNNNN.events`` (a
Parquet table, one row per event: the event as JSON, its article's metadata, and its
:func:`~geo.extract.merge.merge_key`) and then ``block-NNNNN.json`` (the block's diagnostics,
read problems and article ids).  Both are written atomically and the JSON file last,
so it marks the block done: a task that finds it (same block key) returns at once,
which makes retries after a lost worker and ``--resume`` cheap.

:func:`merge_part` reads the rows of one set of merge groups from the block files,
merges them (:func:`geo.extract.merge.merge_events`) and writes one GeoParquet part of the
events table.  Tasks run in any process: each opens its gazetteer once per process
(:func:`worker_gazetteer`) and reads and writes only files.

Examples
--------
>>> import datetime as dt
>>> from gazetteer import default_gazetteer
>>> from geo.event import Report
>>> ev = Event("strike", "", dt.date(2024, 1, 4), "day", dt.date(2024, 1, 4),
...            dt.date(2024, 1, 4), "Baghdad", default_gazetteer().best("Baghdad"), "", "",
...            "", 2, None, (Report("a1", 0, 9, "A strike.", ("trigger 'strike'",)),))
>>> event_from_json(event_to_json(ev)) == ev
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from gazetteer import Gazetteer, Place
from geo.articles.files import Problem
from geo.event import Event, Report
from geo.extract.merge import merge_events, merge_key
from geo.extract.pipeline import Diagnostics, ExtractResult, extract_article_isolated, to_frame
from geo.scale.blocks import Block

__all__ = [
    "DIAGNOSTIC_LISTS",
    "block_file",
    "event_from_json",
    "event_to_json",
    "extract_block",
    "merge_part",
    "part_name",
    "read_keys",
    "read_summary",
    "worker_gazetteer",
]

#: Diagnostics lists, in the order of :meth:`geo.extract.pipeline.Diagnostics.to_dict`.
DIAGNOSTIC_LISTS: Final = (
    ("articles_without_events", "no_events"),
    ("unresolved_places", "unresolved_places"),
    ("unresolved_dates", "unresolved_dates"),
    ("not_events", "not_events"),
    ("failed_articles", "failed"),
)
_KEY_COLUMNS: Final = (
    "kind",
    "lo",
    "hi",
    "place_id",
    "lat",
    "lon",
    "country",
    "place_kind",
    "extent_km",
)
_DATES: Final = ("date", "date_min", "date_max")
_COUNTS: Final = ("block", "articles", "mentions", "events")


def part_name(number: int) -> str:
    """Name of a part of the events table: ``part-00042.parquet``."""
    return f"part-{number:05d}.parquet"


def block_file(number: int, suffix: str) -> str:
    """Name of a block's file: ``block-00042.events`` (Parquet, named so that readers of the
    events folder, which look for ``*.parquet``, skip it) or ``block-00042.json``."""
    return f"block-{number:05d}{suffix}"


def event_to_json(event: Event) -> str:
    """An event as JSON text that :func:`event_from_json` turns back into an equal event."""
    record = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    for name in _DATES:
        record[name] = record[name].isoformat()
    record["resolved"] = dataclasses.asdict(event.resolved)
    record["reports"] = [dataclasses.astuple(r) for r in event.reports]
    return json.dumps(record, ensure_ascii=False)


def event_from_json(text: str) -> Event:
    """The event that :func:`event_to_json` wrote."""
    record = json.loads(text)
    for name in _DATES:
        record[name] = dt.date.fromisoformat(record[name])
    record["resolved"] = Place(**record["resolved"])
    record["reports"] = tuple(
        Report(source, start, end, sentence, tuple(reasons))
        for source, start, end, sentence, reasons in record["reports"]
    )
    return Event(**record)


@functools.cache
def worker_gazetteer(places: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer of this process for these user places files, opened once."""
    from gazetteer import default_gazetteer

    return Gazetteer(places=list(places)) if places else default_gazetteer()


def _atomic(path: Path, data: bytes) -> None:
    from geo.formats.readwrite import write_atomic_bytes

    write_atomic_bytes(path, data)


def read_summary(store: Path, block: Block) -> dict[str, Any] | None:
    """The JSON file of a finished block, or None when the block is not done (or its
    inputs changed since)."""
    try:
        text = (store / block_file(block.number, ".json")).read_text(encoding="utf-8")
        summary: dict[str, Any] = json.loads(text)
    except (OSError, ValueError):
        return None
    return summary if summary.get("key") == block.key else None


def _table(rows: list[tuple[Event, dict[str, Any]]]) -> bytes:
    """A block's events as Parquet: merge key columns, the event and its article's metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    keys = [merge_key(e) for e, _i in rows]
    columns: dict[str, Any] = {
        "kind": pa.array([k[0] for k in keys], pa.string()),
        "lo": pa.array([k[1] for k in keys], pa.int32()),
        "hi": pa.array([k[2] for k in keys], pa.int32()),
        "place_id": pa.array([k[3].id for k in keys], pa.string()),
        "lat": pa.array([k[3].lat for k in keys], pa.float64()),
        "lon": pa.array([k[3].lon for k in keys], pa.float64()),
        "country": pa.array([k[3].country for k in keys], pa.string()),
        "place_kind": pa.array([k[3].kind for k in keys], pa.string()),
        "extent_km": pa.array([k[3].extent_km for k in keys], pa.float64()),
        "event": pa.array([event_to_json(e) for e, _i in rows], pa.string()),
        "info": pa.array([json.dumps(i, ensure_ascii=False) for _e, i in rows], pa.string()),
    }
    sink = io.BytesIO()
    pq.write_table(pa.table(columns), sink)
    return sink.getvalue()


def extract_block(
    block: Block, store: str, *, places: tuple[str, ...] = (), max_bytes: int = 5_000_000
) -> dict[str, Any]:
    """Extract the events of one block into the folder ``store``; return its counts.

    The block's JSON file holds the block key, the counts, the ids its articles asked
    for and got, the diagnostics lists and the read problems.  A block already done
    (same key) is not read again.
    """
    from geo.articles.readers import read_files

    folder = Path(store)
    done = read_summary(folder, block)
    if done is not None:
        return {key: done[key] for key in _COUNTS}
    gazetteer = worker_gazetteer(places)
    problems: list[Problem] = []
    diag = Diagnostics()
    asked: list[str] = []
    ids: list[str] = []
    rows: list[tuple[Event, dict[str, Any]]] = []
    found = read_files(block.pieces, block.rows, max_bytes=max_bytes, problems=problems)
    for wanted, article in found:
        events, one = extract_article_isolated(article, gazetteer=gazetteer)
        diag.add(one)
        asked.append(wanted)
        ids.append(article.id)
        info = article.info()
        rows.extend((event, info) for event in events)
    _atomic(folder / block_file(block.number, ".events"), _table(rows))
    summary = {
        "key": block.key,
        "block": block.number,
        "articles": diag.articles,
        "mentions": diag.mentions,
        "events": len(rows),
        "asked": asked,
        "ids": ids,
        "lists": {name: getattr(diag, field) for name, field in DIAGNOSTIC_LISTS},
        "problems": [dataclasses.asdict(p) for p in problems],
    }
    text = json.dumps(summary, ensure_ascii=False)
    _atomic(folder / block_file(block.number, ".json"), text.encode("utf-8"))
    return {key: summary[key] for key in _COUNTS}


def read_keys(store: Path, number: int) -> list[tuple[str, int, int, Place]]:
    """The :func:`~geo.extract.merge.merge_key` of each event of a block file, in order."""
    import pyarrow.parquet as pq

    table = pq.read_table(store / block_file(number, ".events"), columns=list(_KEY_COLUMNS))
    cols = table.to_pydict()
    return [
        (kind, lo, hi, Place(pid, "", lat, lon, country, pkind, 0, "", extent_km=extent))
        for kind, lo, hi, pid, lat, lon, country, pkind, extent in zip(
            *(cols[c] for c in _KEY_COLUMNS), strict=True
        )
    ]


def _renamed(event: Event, rename: Mapping[str, str]) -> Event:
    if not rename:
        return event
    reports = tuple(
        dataclasses.replace(r, source=rename.get(r.source, r.source)) for r in event.reports
    )
    return dataclasses.replace(event, reports=reports)


def merge_part(
    number: int,
    selection: Sequence[tuple[int, Sequence[int]]],
    renames: Mapping[int, Mapping[str, str]],
    store: str,
    output: str,
    *,
    merge: bool = True,
) -> int:
    """Merge the chosen events of the block files into ``output/part-NNNNN.parquet``.

    Parameters
    ----------
    number : int
        Number of the part written.
    selection : sequence of (block number, row positions)
        The events, in block order then row order (the order of a single run).
    renames : mapping
        Per block, article ids that earlier blocks pushed to another id (``x`` -> ``x~2``).
    store, output : str
        Folders of the block files and of the events table.
    merge : bool
        Merge reports of one event (else only sort, as ``--no-merge`` does).

    Returns
    -------
    int
        Events written.
    """
    import pyarrow.parquet as pq

    from geo.formats.readwrite import write_events

    events: list[Event] = []
    articles: dict[str, dict[str, Any]] = {}
    for block, positions in selection:
        path = Path(store) / block_file(block, ".events")
        rows = pq.read_table(path, columns=["event", "info"]).take(list(positions))
        rename = renames.get(block, {})
        for text, about in zip(*rows.to_pydict().values(), strict=True):
            events.append(_renamed(event_from_json(text), rename))
            info = json.loads(about)
            info["id"] = rename.get(info["id"], info["id"])
            articles[info["id"]] = info
    merged = merge_events(events) if merge else sorted(events, key=lambda e: (e.date, e.sources))
    frame = to_frame(ExtractResult(merged, Diagnostics(), articles))
    frame.attrs.clear()
    write_events(frame, Path(output) / part_name(number), part=True)
    return len(merged)
