"""``strikemap map``: events files → one self-contained HTML map.

Reads every INPUT with :func:`geo.formats.readwrite.read_events` (GeoJSON, GeoPackage,
GeoParquet, CSV, KML, and ACLED or UCDP GED CSV files), joins them (an
``event_id`` seen twice is kept once), renders them with
:func:`maps.render.render_map` and writes the page atomically. ``--responses``
also draws the links of :func:`geo.analysis.responses.link_responses` (strikes to the
attacks they answer). Heavy packages are imported only when the command runs.

One GeoJSON file as :func:`geo.formats.geojson.write` writes it (one feature a line) whose
rows are all clean (:func:`geo.clean.needs_normalizing`) is drawn straight from its Arrow
columns (:func:`geo.formats.geojson_lines.read_columns`, :func:`maps.payload.columns_payload`,
:func:`maps.page.page_html`): the same page, without building a GeoDataFrame or importing
geopandas and folium. Any other input, or a file with a row to convert, drop or report, takes
the path above, with its warnings and one-line errors.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
from pathlib import Path
from typing import Any, Final

from maps.cli.common import CommandError, fail, warn

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the ``map`` command to the ``strikemap`` sub-parser."""
    cmd = sub.add_parser(
        "map",
        help="draw events files as a self-contained HTML map",
        description="Draw events files as a layered HTML map that opens without network.",
    )
    cmd.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="events files (.geojson .gpkg .parquet .csv .kml, ACLED or UCDP CSV) or articles",
    )
    cmd.add_argument(
        "-o", "--output", type=Path, default=Path("map.html"), help="HTML file (default map.html)"
    )
    cmd.add_argument("--title", help="title shown on the map and as the page title")
    cmd.add_argument("--by-actor", action="store_true", help="one toggleable layer per actor")
    cmd.add_argument(
        "--no-inline",
        dest="inline",
        action="store_false",
        help="link Leaflet from a CDN instead of inlining it (smaller file, needs network)",
    )
    cmd.add_argument(
        "--no-tiles", action="store_true", help="no tile basemap: outline and graticule only"
    )
    cmd.add_argument(
        "--display",
        choices=("auto", "bubbles", "hexbins"),
        default="auto",
        help="bubbles, hexagon bins, or hexagons where events are dense (default auto)",
    )
    cmd.add_argument(
        "--responses",
        action="store_true",
        help="link each strike to the earlier attacks it plausibly answers (within 7 days)",
    )
    cmd.set_defaults(run=run)


_ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def _is_articles(raw: str) -> bool:
    """Folders, globs and article files are extracted first; events files are read."""
    path = Path(raw)
    from geo.formats.readwrite import is_parts_folder

    if is_parts_folder(path):
        return False  # the events of a large run: a folder of GeoParquet parts
    if path.is_dir() or any(c in raw for c in "*?[") or path.suffix.lower() in _ARTICLE_SUFFIXES:
        return True
    if path.suffix.lower() == ".json" and path.is_file():
        with path.open("rb") as fh:
            return b"FeatureCollection" not in fh.read(4096)
    return False


def _extract(paths: list[str], output: Path) -> Any:
    """Extract events from articles; diagnostics go beside the map."""
    from maps.cli.extract_cmd import diagnostics_path, run_extract, write_diagnostics

    frame, diagnostics = run_extract(paths)
    target = diagnostics_path(output)
    write_diagnostics(diagnostics, target)
    print(f"strikemap: {diagnostics['summary']}; diagnostics in {target}", file=sys.stderr)
    return frame


def _read(paths: list[str], output: Path) -> Any:
    import pandas as pd

    from geo.formats.readwrite import read_events

    frames = []
    articles = [raw for raw in paths if _is_articles(raw)]
    if articles:
        frames.append(_extract(articles, output))
    for raw in paths:
        if raw in articles:
            continue
        path = Path(raw)
        if not path.exists():
            raise CommandError(f"{path}: no such file")
        frame = read_events(path)
        left_out = frame.attrs.get("left_out", [])
        if left_out:
            warn(f"{path}: {len(left_out)} row(s) are not strikes or attacks; left out")
        frames.append(frame)
    events = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    if "event_id" in events.columns and len(frames) > 1:
        ids = events["event_id"]
        events = events[ids.isna() | (ids == "") | ~ids.duplicated()].reset_index(drop=True)
    return events


def _responses(events: Any) -> Any:
    """The strike -> attack links of :func:`geo.analysis.responses.link_responses` (defaults)."""
    from geo.analysis.responses import link_responses

    return link_responses(events)


#: Endings of GeoJSON files (those of :data:`geo.formats.readwrite.EXTENSIONS`; a test keeps
#: them in step).
GEOJSON_SUFFIXES: Final[tuple[str, ...]] = (".geojson", ".json")


def _clean_columns(args: argparse.Namespace) -> tuple[dict[str, Any], Any] | None:
    """The columns and (lon, lat) points of the one input, when it is a GeoJSON file of one
    feature a line whose rows need no normalizing; else None (read it with read_events)."""
    path = Path(args.inputs[0])
    if len(args.inputs) != 1 or args.responses or path.suffix.lower() not in GEOJSON_SUFFIXES:
        return None
    if not path.is_file():
        return None
    from geo.clean import needs_normalizing
    from geo.formats.geojson_lines import read_columns

    loading = threading.Thread(target=_import_drawing, daemon=True)
    loading.start()  # while pyarrow parses the file, without the GIL
    try:
        found = read_columns(path)
    except OSError:
        return None  # read_events says what is wrong with it
    finally:
        loading.join()
    if found is None:
        return None
    columns, xy = found
    return None if needs_normalizing(columns, xy[:, 0], xy[:, 1]) else found


#: What drawing imports: pandas (pyarrow loads it on its first conversion to numpy) and the
#: modules that pack and write the page.
_DRAWING: Final[tuple[str, ...]] = (
    "pandas",
    "maps.page",
    "maps.payload",
    "maps.encode",
    "xyzservices",
)


def _import_drawing() -> None:
    """Import :data:`_DRAWING` (on a thread of its own while a file is parsed)."""
    for name in _DRAWING:
        importlib.import_module(name)


def _draw_columns(columns: dict[str, Any], xy: Any, args: argparse.Namespace) -> tuple[Path, int]:
    """Write the map of clean columns without a frame or folium; the path and events drawn."""
    from maps.page import check_options, map_view, page_html, payload_header
    from maps.payload import columns_payload
    from maps.save import save_html

    options = check_options(_options(args))
    payload = columns_payload(columns, xy[:, 1], xy[:, 0])
    header, chunks = payload_header(payload, options)
    center, zoom = map_view(payload["bounds"])
    html = page_html(
        header, chunks, center=center, zoom=zoom, tiles=options["tiles"], attr=None,
        inline=options["inline"], outline=options["outline"], title=options["title"],
    )  # fmt: skip
    return save_html(html, args.output), int(payload["n"])


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The options of :func:`maps.render.render_map` the command's arguments give."""
    return {
        "title": args.title,
        "inline": args.inline,
        "by_actor": args.by_actor,
        "tiles": None if args.no_tiles else "OpenStreetMap",
        "view": args.display,
    }


def run(args: argparse.Namespace) -> int:
    """Read the inputs, render and save the map; print a one-line summary."""
    from geo.errors import GeoError
    from maps.errors import MapError

    if args.output.suffix.lower() not in (".html", ".htm"):
        return fail(f"{args.output}: a map is an HTML file: give OUT ending in .html", code=2)
    try:
        clean = _clean_columns(args)
        if clean is not None:
            path, drawn = _draw_columns(*clean, args)
            print(f"{path}: {drawn} events, {path.stat().st_size / 1e6:.1f} MB", file=sys.stdout)
            return 0
    except MapError as err:
        raise CommandError(str(err)) from err
    from maps.render import render_map
    from maps.save import save_map

    try:
        events = _read(list(args.inputs), args.output)
        links = _responses(events) if args.responses else None
        fmap = render_map(events, links=links, **_options(args))
        path = save_map(fmap, args.output)
    except (GeoError, MapError) as err:
        raise CommandError(str(err)) from err
    size = path.stat().st_size / 1e6
    n = len(links) if links is not None else 0
    linked = f", {n} response link{'s' * (n != 1)}" if links is not None else ""
    print(f"{path}: {len(events)} events{linked}, {size:.1f} MB", file=sys.stdout)
    return 0
