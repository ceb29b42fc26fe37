"""Events files in and out, by extension: GeoJSON, GeoPackage, GeoParquet, CSV, KML, ACLED, UCDP.

The format follows the file name (:data:`EXTENSIONS`) unless ``driver`` names
one of :data:`geo.formats.FORMATS`; a ``.csv`` file being read is sniffed, so
an ACLED or UCDP GED download is read as such. Each format is a module of
:mod:`geo.formats`; this module picks it, normalizes frames
(:func:`geo.frame.normalize_events_report`) and writes atomically (temporary
file in the same directory, then renamed over the target), so an interrupted
run leaves the previous file or none, never half a file.

* GeoJSON (RFC 7946): no ``crs`` member, ``[lon, lat]``, JSON-typed properties.
* GeoPackage (layer ``events``) and CSV (``lat``, ``lon``, ``wkt``) store list columns
  as JSON text, GeoParquet as Arrow lists (JSON text in a part of a folder, or where Arrow
  cannot hold a column as it is); KML holds every column as ExtendedData.
  GeoPackage and GeoParquet (1.1) hold dates as Date and counts as integers; a CSV
  file gets a GDAL ``.csvt`` sidecar typing its columns.
  These five read back to the same events (CSV: empty text reads as ``''``;
  KML: grouped by kind).
* ACLED (``.acled.csv`` or ``driver="ACLED"``) and UCDP GED (``.ucdp.csv`` or
  ``driver="UCDP"``) use those datasets' columns and codes; their values with
  no place in the schema are kept as ``acled_*``/``ucdp_*`` columns, so one of
  their files reads and writes back unchanged. See docs/precision.md.

A file that cannot be read raises :class:`~geo.errors.EventsFileError` naming
it; so does a bad row ("events.csv row 7: latitude 200 is out of range"; rows
count from 1, without the CSV header) unless ``skip_bad=True``, which drops bad
rows with one :class:`~geo.frame.BadRowsWarning`. :func:`read_events_report`
returns them all. Rows a reader leaves out on purpose (an ACLED protest) are
listed in ``frame.attrs["left_out"]`` (``{"row", "id", "reason"}``), and the ids of the bad
rows in ``frame.attrs["row_ids"]`` (row number -> id), for a diagnostics file.

Examples
--------
>>> import tempfile
>>> from geo.frame import events_frame
>>> gdf = events_frame([{"event_id": "e1", "kind": "strike", "lat": 33.3, "lon": 44.4}])
>>> with tempfile.TemporaryDirectory() as tmp:
...     back = read_events(write_events(gdf, f"{tmp}/out/events.csv"))
>>> back.loc[0, "event_id"], back.geometry[0].coords[0]
('e1', (44.4, 33.3))
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import geopandas as gpd

from geo.errors import EventsFileError, ExportError, GeoError
from geo.formats import FORMATS, csvfile, parquet, sniff_csv
from geo.formats.base import one_line
from geo.formats.columnar import arrow_pool
from geo.formats.gpkg import LAYER
from geo.frame import normalize_events_report, report_problems

__all__ = [
    "EXTENSIONS",
    "LAYER",
    "SUCCESS",
    "format_of",
    "is_parts_folder",
    "read_events",
    "read_events_report",
    "remove_stale_temporaries",
    "report_rows",
    "write_atomic",
    "write_atomic_bytes",
    "write_atomic_text",
    "write_events",
]

#: File name ending -> format name (a name in :data:`geo.formats.FORMATS`).
EXTENSIONS: Final[dict[str, str]] = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gpkg": "GPKG",
    ".parquet": "GeoParquet",
    ".geoparquet": "GeoParquet",
    ".csv": "CSV",
    ".kml": "KML",
    ".acled.csv": "ACLED",
    ".ucdp.csv": "UCDP",
}


def format_of(
    path: str | os.PathLike[str], driver: str | None = None, *, reading: bool = False
) -> str:
    """The format name for ``path``: ``driver`` (any case), else its ending.

    Reading, a plain ``.csv`` is sniffed for ACLED's or UCDP's header. Raises
    ``ValueError`` ("PATH: unknown ...") naming the supported choices.

    Examples
    --------
    >>> format_of("a.GeoJSON"), format_of("a.acled.csv"), format_of("x.txt", "kml")
    ('GeoJSON', 'ACLED', 'KML')
    """
    target = Path(path)
    if driver is not None:
        for name in FORMATS:
            if name.lower() == driver.lower():
                return name
        supported = ", ".join(sorted(FORMATS))
        raise ValueError(f"{target}: unknown driver {driver!r}; supported: {supported}")
    lower = target.name.lower()
    ending = max((e for e in EXTENSIONS if lower.endswith(e)), key=len, default=None)
    if ending is None:
        supported = ", ".join(EXTENSIONS)
        raise ValueError(f"{target}: unknown extension {target.suffix!r}; supported: {supported}")
    name = EXTENSIONS[ending]
    return sniff_csv(target) if reading and name == "CSV" and target.is_file() else name


def is_parts_folder(path: str | os.PathLike[str]) -> bool:
    """A folder of GeoParquet parts, as ``strikemap extract … -o DIR/`` writes."""
    folder = Path(path)
    return folder.is_dir() and any(folder.glob("*.parquet"))


#: When this process started writing (close enough: when this module was imported).
_STARTED: Final = time.time()
#: The marker ``extract -o DIR/`` and ``enrich`` write last in a complete folder of parts.
SUCCESS: Final = "_SUCCESS"


def _temporaries(target: Path) -> re.Pattern[str]:
    """Names :func:`write_atomic` gives its temporary files for ``target`` (and SQLite's)."""
    name, suffix = re.escape(target.name), re.escape(target.suffix)
    return re.compile(rf"\.{name}[a-z0-9_]{{8}}{suffix}(-journal|-wal|-shm)?")


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files of writes to ``target`` killed before this process started.

    A write killed with ``kill -9`` cannot clean up; the next write to the same output
    does, sparing the temporaries of a write still running (newer than this process).
    """
    pattern, removed = _temporaries(target), []
    with os.scandir(target.parent) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime < _STARTED:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue  # removed meanwhile, or not ours to remove
    return removed


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write`` on a temporary file next to ``path``, then move it over ``path``.

    Any error removes the temporary file; an error that is not a
    :class:`~geo.errors.GeoError` is raised as :class:`~geo.errors.ExportError` ("PATH:
    reason").
    """
    target, tmp = Path(path), None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
        fd, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}", suffix=target.suffix
        )
        os.close(fd)
        tmp = Path(name)
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException as err:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if isinstance(err, GeoError) or not isinstance(err, Exception):
            raise
        raise ExportError(f"{target}: {one_line(err)}") from err
    return target


def write_atomic_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating parent directories.

    Raises :class:`~geo.errors.ExportError` ("PATH: reason") on failure, leaving
    any previous file untouched.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomic_bytes(f"{tmp}/a/b.bin", b"\\x00\\x01").read_bytes()
    b'\\x00\\x01'
    """
    return write_atomic(path, lambda tmp: tmp.write_bytes(data))


def write_atomic_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 (newlines as given) to ``path`` atomically.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomic_text(f"{tmp}/note.txt", "Irbil — أربيل\\n").read_text("utf-8")
    'Irbil — أربيل\\n'
    """
    return write_atomic_bytes(path, text.encode("utf-8"))


def write_events(
    gdf: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    driver: str | None = None,
    part: bool = False,
) -> Path:
    """Write events to ``path`` atomically, in the format of its name (or ``driver``).

    ``part=True`` writes a part of a folder of GeoParquet parts: its list columns as JSON
    text, so that every part of the folder has one schema (Dask reads it as one table).

    The frame is normalized first (:func:`geo.frame.normalize_events_report`), so
    any CRS and a subset of the columns will do. Parent directories are created.
    Raises :class:`~geo.errors.ExportError` ("PATH: reason") for an unknown
    extension or driver, a bad row, a row the format cannot hold (an undated
    event in ACLED or UCDP) or a failed write, leaving any previous file.

    Examples
    --------
    >>> from geo.frame import empty_events
    >>> write_events(empty_events(), "events.shp")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geo.errors.ExportError: events.shp: unknown extension '.shp'; supported: .geojson, ...
    """
    target = Path(path)
    try:
        name = format_of(target, driver)
    except ValueError as err:
        raise ExportError(str(err)) from err
    writer = parquet.write_json_lists if part and name == "GeoParquet" else FORMATS[name].write
    frame, problems = normalize_events_report(gdf)
    try:
        report_problems(problems, skip_bad=False)
    except EventsFileError as err:
        raise ExportError(f"{target}: {err}") from err
    written = write_atomic(target, lambda tmp: writer(frame, tmp))
    if writer is csvfile.write:
        write_atomic_text(target.with_suffix(".csvt"), csvfile.csvt(frame))
    return written


def read_events_report(
    path: str | os.PathLike[str], *, driver: str | None = None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Read an events file, returning the good rows and one line per bad row, in row order.

    ``path`` is a file from :func:`write_events`, any file in a supported
    format with (some of) the schema's columns (CSV: ``lat`` and ``lon``, or
    ``wkt``), or a folder of GeoParquet parts (``strikemap extract … -o DIR/``,
    read as one table; files starting with ``_`` or ``.`` are skipped; a folder
    without the ``_SUCCESS`` marker its writers put there last is read with a warning
    giving the parts and events read, since its run did not finish); ``driver``
    overrides the extension. Raises
    :class:`~geo.errors.EventsFileError` when the file cannot be read at all.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     text = "event_id,kind,lat,lon\\na,strike,1,2\\nb,x,1,2\\n"
    ...     gdf, problems = read_events_report(write_atomic_text(f"{tmp}/e.csv", text))
    >>> len(gdf), [p.split("/")[-1] for p in problems]
    (1, ["e.csv row 2: kind 'x' is not one of strike, attack"])
    """
    source = Path(path)
    try:
        name = "GeoParquet" if is_parts_folder(source) else format_of(source, driver, reading=True)
        reader = FORMATS[name].read
    except ValueError as err:
        raise EventsFileError(str(err)) from err
    if not source.is_file() and not is_parts_folder(source):
        raise EventsFileError(f"{source}: no such file")
    with arrow_pool():
        try:
            raw, rows, early = reader(source)
        except OSError as err:
            why = err.strerror or one_line(err)
            raise EventsFileError(f"{source}: cannot read ({why})") from err
        frame, problems = report_rows(source, raw, rows, early)
    if source.is_dir() and not (source / SUCCESS).exists():
        parts = sum(1 for p in source.glob("*.parquet") if not p.name.startswith((".", "_")))
        warnings.warn(
            f"{source}: no {SUCCESS} marker, the run that wrote it did not finish; "
            f"read {parts} part(s) with {len(frame)} event(s) only",
            stacklevel=2,
        )
    return frame, problems


def report_rows(
    source: Path, raw: gpd.GeoDataFrame, rows: Sequence[int] | None, early: list[tuple[int, str]]
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Normalize the raw frame a reader gave for rows ``rows`` of ``source``: the good rows
    (with ``left_out`` and ``row_ids`` in ``attrs``) and every problem, in row order."""
    frame, problems = normalize_events_report(raw, source=str(source), row_numbers=rows)
    prefix = f"{source} row "
    problems += [f"{prefix}{number}: {problem}" for number, problem in early]
    problems.sort(key=lambda p: int(p[len(prefix) :].split(":", 1)[0]))
    frame.attrs["left_out"] = list(raw.attrs.get("left_out", []))
    frame.attrs["row_ids"] = dict(raw.attrs.get("row_ids", {}))
    if problems and "event_id" in raw.columns:  # the ids of rows dropped by normalizing
        numbers = rows if rows is not None else range(1, len(raw) + 1)
        position = {number: i for i, number in enumerate(numbers)}
        for problem in problems:
            number = int(problem[len(prefix) :].split(":", 1)[0])
            value = raw["event_id"].iloc[position[number]] if number in position else None
            if isinstance(value, str | int) and not isinstance(value, bool):  # not a list, NaN…
                frame.attrs["row_ids"].setdefault(number, str(value))
    return frame, problems


def read_events(
    path: str | os.PathLike[str], *, skip_bad: bool = False, driver: str | None = None
) -> gpd.GeoDataFrame:
    """Read an events file as a normalized frame (see :func:`read_events_report`).

    Raises :class:`~geo.errors.EventsFileError` naming the file, or the first bad
    row unless ``skip_bad=True``, which drops bad rows with one warning.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_atomic_text(f"{tmp}/e.csv", "event_id,kind\\na,strike\\n")
    ...     read_events(f"{tmp}/e.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geo.errors.EventsFileError: .../e.csv: missing column(s) lat, lon (or wkt)
    """
    frame, problems = read_events_report(path, driver=driver)
    report_problems(problems, skip_bad=skip_bad)
    return frame
