"""``strikemap enrich``: add regions and nearest-site distances to an events table.

``strikemap enrich IN -o OUT [--no-regions] [--sites KINDS | --no-sites]
[--workers N | --scheduler URL] [--overwrite]``

A file (any format ``strikemap export`` reads) is enriched in memory with
:func:`geo.analysis.enrich.enrich_events` and written by OUT's extension.  A folder of GeoParquet
parts (``strikemap extract … -o DIR/``), or a GeoParquet file with ``--workers`` or
``--scheduler``, goes through dask-geopandas (:func:`geo.scale.enrich.enrich_parquet`) and
becomes a folder of parts, on a local cluster or an existing one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from maps.cli.common import CommandError

__all__ = ["DESCRIPTION", "register", "run"]

DESCRIPTION = (
    "Add country, country_name, admin1, admin1_code and region_source, and the nearest site "
    "of the given kinds (site_id, site_name, site_kind, site_km), to every event. A file (any "
    "format strikemap export reads) is enriched in memory and written by OUT's extension. A "
    "folder of GeoParquet parts (strikemap extract ... -o DIR/), or a GeoParquet file with "
    "--workers or --scheduler, goes through dask-geopandas and becomes a folder of parts."
)


def register(sub: Any) -> None:
    """Add the ``enrich`` command to the ``strikemap`` sub-parser."""
    cmd = sub.add_parser(
        "enrich",
        help="add country, region and distance to the nearest base to events",
        description=DESCRIPTION,
    )
    cmd.add_argument("input", metavar="IN", help="events file, or a folder of GeoParquet parts")
    cmd.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    cmd.add_argument("--no-regions", action="store_true", help="do not add region columns")
    cmd.add_argument(
        "--sites",
        default="airbase,base",
        metavar="KINDS",
        help="comma-separated kinds of site to measure to (default: airbase,base)",
    )
    cmd.add_argument("--no-sites", action="store_true", help="do not add nearest-site columns")
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="local Dask cluster of N workers")
    where.add_argument("--scheduler", metavar="URL", help="existing Dask scheduler address")
    cmd.add_argument("--overwrite", action="store_true", help="replace an existing OUT folder")
    cmd.set_defaults(run=run)


def _partitioned(source: Path, args: argparse.Namespace) -> bool:
    return source.is_dir() or (
        source.suffix.lower() in (".parquet", ".geoparquet")
        and (args.workers is not None or bool(args.scheduler))
    )


def run(args: argparse.Namespace) -> int:
    """Enrich IN into OUT and say how many events were written where."""
    from geo.errors import GeoError

    source, target = Path(args.input), Path(args.output)
    if not source.exists():
        raise CommandError(f"{source}: no such file or folder")
    if args.workers is not None and args.workers < 1:
        raise CommandError(f"--workers must be at least 1, not {args.workers}")
    sites = () if args.no_sites else tuple(k.strip() for k in args.sites.split(",") if k.strip())
    regions = not args.no_regions
    if not regions and not sites:
        raise CommandError("nothing to add: --no-regions with --no-sites")
    try:
        if _partitioned(source, args):
            from geo.scale.enrich import enrich_parquet

            result = enrich_parquet(
                source,
                target,
                regions=regions,
                sites=sites,
                workers=args.workers,
                scheduler=args.scheduler,
                overwrite=args.overwrite,
            )
            rows, parts = result.rows, f" in {result.parts} parts"
        else:
            if args.workers is not None or args.scheduler:
                raise CommandError("--workers and --scheduler need GeoParquet input")
            from geo.analysis.enrich import enrich_events
            from geo.formats.readwrite import read_events, write_events

            frame = enrich_events(read_events(source), regions=regions, sites=sites)
            write_events(frame, target)
            rows, parts = len(frame), ""
    except GeoError as err:
        raise CommandError(str(err)) from err
    print(f"strikemap: wrote {rows} enriched events to {target}{parts}", file=sys.stderr)
    return 0
