"""``strikemap export``: convert an events file to another format.

``strikemap export IN -o OUT [--format F] [--input-format F] [--skip-bad]``
converts IN with :func:`geo.formats.batches.convert_events`: read by extension (a ``.csv`` is
sniffed for ACLED's or UCDP GED's header), written by extension (``.acled.csv``/``.ucdp.csv``)
or ``--format``, a batch of rows at a time from GeoJSON, GeoPackage and GeoParquet to
GeoPackage and GeoParquet. A bad row stops the command with ``strikemap: error: IN row N:
problem`` unless ``--skip-bad``; the counts and the first few skipped rows go to stderr,
and every row left out (skipped, or not a strike or attack) is listed with its row number,
id and reason in ``OUT-STEM.diagnostics.json`` beside OUT.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Final

from maps.cli.common import CommandError

__all__ = ["DESCRIPTION", "FORMAT_NAMES", "register", "run"]

#: The names ``--format`` accepts (those of geo.formats.FORMATS, lower case; a test keeps
#: them in step without importing geopandas when the CLI starts).
FORMAT_NAMES: Final = ("geojson", "gpkg", "geoparquet", "csv", "kml", "acled", "ucdp")
DESCRIPTION: Final = (
    "Convert an events file to another format, chosen by OUT's extension (.geojson .json .gpkg "
    ".parquet .geoparquet .csv .kml .acled.csv .ucdp.csv) or --format. A .csv input is read as "
    "ACLED or UCDP GED when its header is theirs."
)
#: How many skipped or left-out rows the summary shows.
SHOWN: Final = 3


def register(sub: Any) -> None:
    """Add the ``export`` command to the ``strikemap`` sub-parser."""
    cmd = sub.add_parser(
        "export",
        help="convert events between GeoJSON, GeoPackage, GeoParquet, CSV, KML, ACLED and UCDP",
        description=DESCRIPTION,
    )
    cmd.add_argument("input", metavar="IN", help="events file to read")
    cmd.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="file to write"
    )
    choices = ", ".join(FORMAT_NAMES)
    cmd.add_argument(
        "--format",
        type=str.lower,
        choices=FORMAT_NAMES,
        metavar="F",
        help=f"format of OUT instead of its extension: {choices}",
    )
    cmd.add_argument(
        "--input-format",
        type=str.lower,
        choices=FORMAT_NAMES,
        metavar="F",
        help="format of IN instead of its extension (and header)",
    )
    cmd.add_argument(
        "--skip-bad", action="store_true", help="drop bad rows (reported on stderr) and go on"
    )
    cmd.set_defaults(run=run)


def _note(lines: list[str], what: str) -> None:
    """Print "N WHAT:" ("row" made plural as needed) and the first few lines."""
    if not lines:
        return
    what = what.replace("row", "rows") if len(lines) != 1 else what
    print(f"strikemap: {len(lines)} {what}:", file=sys.stderr)
    for line in lines[:SHOWN]:
        print(f"strikemap:   {line}", file=sys.stderr)
    if len(lines) > SHOWN:
        print(f"strikemap:   ... and {len(lines) - SHOWN} more", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Read IN, write OUT, print what was read, skipped, left out and written."""
    from geo.errors import GeoError
    from geo.formats.batches import convert_events
    from geo.formats.readwrite import format_of

    source, target = Path(args.input), Path(args.output)
    try:
        in_format = format_of(source, args.input_format, reading=True)
        out_format = format_of(target, args.format)
    except ValueError as err:
        raise CommandError(str(err)) from err
    if source.resolve() == target.resolve():
        raise CommandError(f"{target}: is also the input; write to another file")
    try:
        done = convert_events(
            source,
            target,
            input_driver=args.input_format,
            driver=args.format,
            skip_bad=args.skip_bad,
        )
    except GeoError as err:
        raise CommandError(str(err)) from err
    problems, left_out = done.problems, done.left_out
    print(f"strikemap: read {done.rows} rows from {source} ({in_format})", file=sys.stderr)
    _note(problems, "bad row skipped")
    lines = [f"{source} row {d['row']} ({d['id'] or 'no id'}): {d['reason']}" for d in left_out]
    _note(lines, "row left out (not a strike or attack)")
    print(f"strikemap: wrote {done.written} events to {target} ({out_format})", file=sys.stderr)
    if problems or left_out:
        path = _diagnostics(source, target, problems, left_out, done.row_ids)
        print(f"strikemap: every row left out, with its id, in {path}", file=sys.stderr)
    return 0


def _diagnostics(
    source: Path, target: Path, problems: list[str], left_out: list[Any], ids: dict[int, str]
) -> Path:
    """Write the rows left out of OUT (bad rows skipped, rows of other kinds) beside it."""
    from geo.formats.readwrite import write_atomic_text
    from maps.cli.extract_cmd import diagnostics_path

    prefix = f"{source} row "
    bad = []
    for problem in problems:
        number, reason = problem[len(prefix) :].split(": ", 1)
        bad.append({"row": int(number), "id": ids.get(int(number), ""), "reason": reason})
    report = {"input": str(source), "output": str(target), "bad_rows": bad, "left_out": left_out}
    path = diagnostics_path(target)
    write_atomic_text(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return path
