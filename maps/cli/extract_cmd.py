"""``strikemap extract``: articles to an events file plus a diagnostics file beside it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maps.cli.common import CommandError, fail
from maps.cli.gazetteer_cmds import _add_source_options, _gazetteer

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = [
    "diagnostics_path",
    "find_manifest",
    "output_folder",
    "register",
    "run_extract",
    "write_diagnostics",
]


def register(sub: Any) -> None:
    """Add ``extract`` to the ``strikemap`` sub-parser."""
    ext = sub.add_parser(
        "extract",
        help="find dated, geolocated strikes and attacks in articles",
        description="Read articles (.txt .md .html .json .jsonl; files, folders or globs) and "
        "write their strike and attack events as GeoJSON, GeoPackage, GeoParquet, CSV, KML, "
        "ACLED or UCDP CSV (by the output's extension), with OUT.diagnostics.json beside it. "
        "An OUT without extension or ending in / is a folder of GeoParquet parts, written block "
        "by block "
        "(see docs/scale.md); --workers or --scheduler run the blocks on a Dask cluster.",
    )
    ext.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    ext.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="events file (.geojson .gpkg .parquet .csv .kml .acled.csv .ucdp.csv), or a folder "
        "of GeoParquet parts",
    )
    ext.add_argument(
        "--manifest",
        type=Path,
        metavar="CSV",
        help="file,outlet,headline,published,... per article (default: a "
        "manifest.csv in the input folder, if any)",
    )
    ext.add_argument(
        "--diagnostics",
        type=Path,
        metavar="FILE",
        help="where to write the diagnostics (default OUT.diagnostics.json)",
    )
    ext.add_argument(
        "--no-merge",
        action="store_true",
        help="keep one event per article instead of merging reports of one event",
    )
    ext.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when an unexpected error cost any article (by default the run goes on, "
        "lists them in the diagnostics and exits 0)",
    )
    _add_scale_options(ext)
    _add_source_options(ext)
    ext.set_defaults(run=_run)


def _add_scale_options(ext: argparse.ArgumentParser) -> None:
    where = ext.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="extract on a local Dask cluster of N worker processes (OUT is a folder)",
    )
    where.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="extract on an existing Dask cluster (OUT is a folder the workers can reach)",
    )
    ext.add_argument(
        "--resume",
        action="store_true",
        help="keep the finished blocks of an earlier run into the same OUT folder",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive number of processes, not {text!r}")
    return value


def output_folder(output: str, *, cluster: bool) -> bool:
    """Whether OUT names a folder of parts: no extension, a trailing ``/``, an existing
    folder, or ``.parquet`` on a cluster."""
    path = Path(output)
    if output.endswith(("/", os.sep)) or not path.suffix or path.is_dir():
        return True
    return cluster and path.suffix.lower() == ".parquet"


def diagnostics_path(output: Path) -> Path:
    """``events.geojson`` -> ``events.geojson.diagnostics.json`` (beside the events file).

    The whole name is kept, so ``events.geojson`` and ``events.gpkg`` written side by side
    keep a diagnostics file each.
    """
    return output.with_name(f"{output.name}.diagnostics.json")


def find_manifest(paths: list[str]) -> Path | None:
    """A ``manifest.csv`` in the single input folder, if there is one."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if len(folders) == 1 and len(paths) == 1 and (folders[0] / "manifest.csv").is_file():
        return folders[0] / "manifest.csv"
    return None


def run_extract(
    paths: list[str],
    *,
    manifest: Path | None = None,
    merge: bool = True,
    gazetteer: Gazetteer | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Read, extract and merge; return the events frame and the diagnostics dict.

    Without ``manifest``, a ``manifest.csv`` in the single input folder is used.
    """
    from geo.articles.readers import read_articles
    from geo.errors import GeoError
    from geo.extract.pipeline import extract, to_frame

    if manifest is None:
        manifest = find_manifest(paths)
        if manifest is not None:
            print(f"strikemap: using {manifest}", file=sys.stderr)
    try:
        read = read_articles(paths, manifest=manifest)
    except GeoError as err:
        raise CommandError(str(err)) from err
    bar = _progress(len(read.articles))
    try:
        result = extract(
            read.articles,
            gazetteer=gazetteer,
            merge=merge,
            progress=(lambda _a: bar.update(1)) if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.close()
    result.diagnostics.unreadable.extend(
        {"path": p.path, "problem": p.problem, "kind": p.kind} for p in read.problems
    )
    frame = to_frame(result)
    return frame, frame.attrs["diagnostics"]


def _progress(total: int) -> Any:
    """A tqdm bar on a terminal; nothing when stderr is piped."""
    if not sys.stderr.isatty() or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="extracting", file=sys.stderr, leave=False)


def write_diagnostics(diagnostics: dict[str, Any], target: Path) -> None:
    """Write a run's diagnostics as JSON, atomically."""
    from geo.formats.readwrite import write_atomic_text

    write_atomic_text(target, json.dumps(diagnostics, indent=2, ensure_ascii=False) + "\n")


def _run(args: argparse.Namespace) -> int:
    from geo.errors import GeoError
    from geo.formats.readwrite import write_events

    cluster = args.workers is not None or args.scheduler is not None
    if output_folder(args.output, cluster=cluster):
        return _run_folder(args, cluster=cluster)
    if cluster or args.resume:
        flag = "--resume" if args.resume and not cluster else "--workers/--scheduler"
        return fail(f"{flag} writes a folder of parts: give OUT without extension", code=2)
    output = Path(args.output)
    frame, diagnostics = run_extract(
        args.paths, manifest=args.manifest, merge=not args.no_merge, gazetteer=_gazetteer(args)
    )
    target = args.diagnostics or diagnostics_path(output)
    try:
        write_events(frame, output)
        write_diagnostics(diagnostics, target)
    except GeoError as err:
        raise CommandError(str(err)) from err
    print(f"strikemap: {diagnostics['summary']}", file=sys.stderr)
    print(f"strikemap: wrote {output} and {target}", file=sys.stderr)
    return _failed(len(diagnostics["failed_articles"]), target, strict=args.strict)


def _failed(count: int, target: Path, *, strict: bool) -> int:
    """Say how many articles an unexpected error cost; exit 1 for them with --strict."""
    if not count:
        return 0
    print(
        f"strikemap: warning: an unexpected error cost {count} article(s); see "
        f"failed_articles in {target}",
        file=sys.stderr,
    )
    return 1 if strict else 0


def _run_folder(args: argparse.Namespace, *, cluster: bool) -> int:
    """A large run (:mod:`geo.scale.run`): blocks, on a cluster or here; a folder of parts."""
    from geo.scale.run import extract_partitioned

    if args.online:
        return fail("--online is not available for a folder of parts (rate limits)", code=2)
    manifest = args.manifest or find_manifest(args.paths)
    if manifest is not None and args.manifest is None:
        print(f"strikemap: using {manifest}", file=sys.stderr)
    done = extract_partitioned(
        args.paths,
        args.output,
        diagnostics=args.diagnostics,
        manifest=manifest,
        merge=not args.no_merge,
        places=args.places,
        resume=args.resume,
        workers=args.workers,
        scheduler=args.scheduler,
        progress=sys.stderr.isatty(),
    )
    print(f"strikemap: {done.summary}", file=sys.stderr)
    where = "on the cluster" if cluster else "here"
    print(
        f"strikemap: {done.blocks} blocks: {done.extracted} extracted {where}, {done.reused} "
        f"kept from an earlier run; 0 failed",
        file=sys.stderr,
    )
    print(
        f"strikemap: wrote {done.parts} parts to {done.output}/ and {done.diagnostics}",
        file=sys.stderr,
    )
    return _failed(done.failed, done.diagnostics, strict=args.strict)
