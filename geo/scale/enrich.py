"""Regions and nearest sites for events tables of any size, with dask-geopandas.

:func:`geo.analysis.enrich.enrich_events` adds the columns of
:func:`geo.analysis.regions.assign_regions` and :func:`geo.analysis.sites.nearest_sites` to one
GeoDataFrame.  :func:`enrich_parquet` does the same for a GeoParquet file or a folder of parts
(the output of ``strikemap extract … -o DIR/``) that need not fit in memory: dask-geopandas
reads the parts, spatially partitions them (Hilbert curve, so each partition covers a compact
area and its places and towns stay warm in the worker's caches), enriches each
partition and writes a folder of GeoParquet parts.  It runs in this process (Dask's
synchronous scheduler) or on a local cluster of ``workers`` processes or the cluster at
``scheduler``.  The output rows are those of :func:`enrich_events` on the whole table,
in spatial order; sort by ``event_id`` to compare.

The folder is written under a temporary name beside ``output`` and renamed when complete,
so an interrupted run leaves no half table.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.analysis.enrich import DEFAULT_SITES, enrich_events
from geo.errors import AnalysisError, ScaleError
from geo.formats.base import flat
from geo.formats.readwrite import SUCCESS

__all__ = ["EnrichResult", "enrich_parquet"]


@dataclass(frozen=True)
class EnrichResult:
    """What :func:`enrich_parquet` wrote: the folder, its parts and rows."""

    output: Path
    parts: int
    rows: int


def _sources(source: Path) -> list[str]:
    if source.is_dir():
        # Names starting with "_" or "." are not parts: markers, and the temporary files of
        # a write that was killed (as the GeoParquet folder reader skips them).
        parts = sorted(str(p) for p in source.glob("*.parquet") if p.name[:1] not in "_.")
        if not parts:
            raise AnalysisError(f"{source}: no .parquet parts in this folder")
        return parts
    if source.suffix.lower() in (".parquet", ".geoparquet") and source.is_file():
        return [str(source)]
    raise AnalysisError(f"{source}: not a GeoParquet file or a folder of parts")


def _check_nested(paths: list[str]) -> list[str]:
    """The list and record columns of the parts; refuse parts that differ in their types, as
    Dask takes one schema for all parts. (:func:`~geo.formats.readwrite.write_events`
    writes a single GeoParquet file with Arrow lists, and a part of a folder with them as
    JSON text.)"""
    import pyarrow.parquet as pq

    first: dict[str, object] = {}
    for path in paths:
        schema = pq.read_schema(path)
        nested = {f.name: f.type for f in schema if f.type.num_fields and f.name != "geometry"}
        if not first and path == paths[0]:
            first = dict(nested)
            continue
        for name in sorted(set(first) | set(nested)):
            if first.get(name) != nested.get(name):
                raise AnalysisError(
                    f"{path}: column {name!r} holds lists or records of another type than in "
                    f"{paths[0]}; write the parts with geo.formats.readwrite.write_events "
                    "(part=True), which stores lists as JSON text"
                )
    return sorted(first)


def _json_lists(part: Any, names: list[str]) -> Any:
    """A partition with the list columns ``names`` as JSON text (pandas' text dtype)."""
    out = flat(part)
    for name in names:
        out[name] = out[name].astype("str")
    return out


@contextlib.contextmanager
def _scheduler(workers: int | None, scheduler: str | None) -> Iterator[None]:
    import dask

    if workers is None and not scheduler:
        with dask.config.set(scheduler="synchronous"):
            yield
        return
    from geo.scale.runners import dask_client

    with dask_client(workers=workers, scheduler=scheduler):
        yield


def enrich_parquet(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    regions: bool = True,
    sites: Sequence[str] = DEFAULT_SITES,
    workers: int | None = None,
    scheduler: str | None = None,
    overwrite: bool = False,
) -> EnrichResult:
    """Enrich a GeoParquet file or folder of parts into a folder of GeoParquet parts.

    The folder is written aside and moved into place whole, with a ``_SUCCESS`` marker.

    Parameters
    ----------
    source : path
        A ``.parquet`` file or a folder of ``*.parquet`` parts (``_``-prefixed files such
        as ``_SUCCESS`` are skipped).
    output : path
        The folder to write (``part.N.parquet`` files); must not exist unless
        ``overwrite``.
    regions, sites
        As in :func:`enrich_events`.
    workers : int, optional
        Run on a new local cluster of this many worker processes.
    scheduler : str, optional
        Run on the Dask cluster at this address (``tcp://host:8786``).
    overwrite : bool
        Replace an existing ``output`` folder.
    """
    import dask_geopandas
    import pyarrow.parquet as pq

    src, out = Path(source), Path(output)
    if workers is not None and workers < 1:
        raise AnalysisError(f"workers must be at least 1, not {workers}")
    if out.exists() and not overwrite:
        raise ScaleError(f"{out}: already exists (give overwrite=True / --overwrite to replace)")
    files = _sources(src)
    nested = _check_nested(files)
    frame = dask_geopandas.read_parquet(files)
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        raise AnalysisError(f"{src}: events must be in EPSG:4326, not {frame.crs}")
    if nested:  # Dask writes no list column: the output parts hold them as JSON text
        frame = frame.map_partitions(_json_lists, nested, meta=_json_lists(frame._meta, nested))
    options: dict[str, Any] = {"regions": regions, "sites": tuple(sites)}
    meta = enrich_events(frame._meta, **options)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        with _scheduler(workers, scheduler):
            frame = frame.spatial_shuffle(by="hilbert", npartitions=frame.npartitions)
            enriched = frame.map_partitions(enrich_events, **options, meta=meta)
            enriched = enriched.reset_index(drop=True)
            with warnings.catch_warnings():  # dask's own use of an inplace pandas keyword
                warnings.filterwarnings("ignore", message="The inplace keyword")
                enriched.to_parquet(staging, write_index=False)
            # Complete, like a folder of ``extract -o DIR/``: readers warn on one without it.
            (staging / SUCCESS).touch()
        if out.exists():
            shutil.rmtree(out)
        os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    parts = sorted(out.glob("*.parquet"))
    # Rows from the parts' footers: computing the frame again would redo the whole pass.
    rows = sum(pq.ParquetFile(part).metadata.num_rows for part in parts)
    return EnrichResult(out, len(parts), rows)
