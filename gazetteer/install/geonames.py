"""``add_geonames``: GeoNames export files or country codes -> places of the store.

A SOURCE is a file in the GeoNames export format (``IQ.zip``, ``IQ.txt``,
``allCountries.zip``, ``cities500.zip``...), an extra file that adds names to the places of
the same add (``alternateNamesV2.zip``, ``admin1CodesASCII.txt``, ``admin2Codes.txt``), or
the name of one of those on the export server (``IQ``, ``YE``, ``cities500``,
``admin1CodesASCII``), which is downloaded first.  Every source of one call is added in one
transaction.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gazetteer.errors import GeoNamesFileError
from gazetteer.index import cache_dir
from gazetteer.install.download import DEFAULT_MIRROR, download
from gazetteer.install.store import batch, file_date, source_name
from gazetteer.sources.geonames_dump import (
    feature_record,
    read_admin_codes,
    read_alternate_names,
    read_features,
)

__all__ = ["AddReport", "add_geonames", "default_mirror", "plan"]

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
#: Export files known by name, and their suffix on the server.
_EXPORTS = re.compile(
    r"^(allCountries|cities\d+|alternateNamesV2|alternateNames|admin1CodesASCII|admin2Codes)$"
)
_ALTERNATES = re.compile(r"^alternateNames(V2)?(\.zip|\.txt)$", re.IGNORECASE)
_ADMIN = re.compile(r"^admin[12]Codes(ASCII)?\.txt$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one add did for one source."""

    source: str
    origin: str
    rows: int
    names: int
    skipped: int
    seconds: float


@dataclass(frozen=True, slots=True)
class _Item:
    """One SOURCE argument: what it is, where it is (or will be) on disk, where it came from."""

    role: str  # "main", "alternates" or "admin"
    path: Path
    url: str = ""


def default_mirror() -> str:
    """Return the export server: ``$STRIKEMAP_GEONAMES_MIRROR`` or download.geonames.org."""
    return os.environ.get("STRIKEMAP_GEONAMES_MIRROR") or DEFAULT_MIRROR


def plan(sources: Sequence[str | os.PathLike[str]], mirror: str | None = None) -> list[_Item]:
    """Say what each SOURCE is, before anything is downloaded or added.

    Raises :class:`GeoNamesFileError` for a SOURCE that is neither a file nor a known name,
    two sources that would install under one name, or extra files with no main file.
    """
    base = (mirror or default_mirror()).rstrip("/") + "/"
    items: list[_Item] = []
    for raw in sources:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_file():
            items.append(_Item(_role(path.name), path))
        elif _COUNTRY.match(text) or _EXPORTS.match(text):
            name = text.upper() if _COUNTRY.match(text) else text
            suffix = ".txt" if name.startswith("admin") else ".zip"
            target = cache_dir() / "downloads" / f"{name}{suffix}"
            items.append(_Item(_role(target.name), target, base + target.name))
        else:
            raise GeoNamesFileError(
                f"{text}: no such file, and not a country code or a GeoNames export name"
            )
    names = [source_name(i.path.name) for i in items if i.role == "main"]
    if len(set(names)) != len(names):
        raise GeoNamesFileError(f"two sources would install as one: {', '.join(names)}")
    if items and not names:
        raise GeoNamesFileError(
            "alternate names and admin codes add names to places: give them with the GeoNames"
            " files (IQ.zip, cities500.zip...) they belong to"
        )
    return items


def _role(filename: str) -> str:
    if _ALTERNATES.match(filename):
        return "alternates"
    return "admin" if _ADMIN.match(filename) else "main"


def add_geonames(
    sources: Sequence[str | os.PathLike[str]],
    *,
    mirror: str | None = None,
    progress: bool = False,
    store: Path | None = None,
) -> list[AddReport]:
    """Add GeoNames files or countries to the store, all in one transaction.

    Parameters
    ----------
    sources : sequence of str or path
        Files in the GeoNames export format, or names on the export server (``"IQ"``).
    mirror : str, optional
        Base URL of the export server (default: :func:`default_mirror`).
    progress : bool
        Show progress bars on stderr.
    store : path, optional
        The store file (default: next to the index, see :func:`store.store_path`).

    Returns
    -------
    list of AddReport
        One per main file, in the order given.
    """
    items = plan(sources, mirror)
    for item in items:
        if item.url:
            download(item.url, item.path, progress=progress)
    wanted_ids = any(i.role != "main" for i in items)
    reports: list[AddReport] = []
    with batch(store) as session:
        for item in (i for i in items if i.role == "main"):
            start = time.perf_counter()
            name = source_name(item.path.name)
            label = f"GeoNames {name} (CC BY 4.0)"
            origin = item.url or str(item.path.resolve())
            out = session.source(name, origin, file_date(item.path), keep_ids=wanted_ids)
            with _rows_bar(progress, name) as bar:
                records = (feature_record(f, label) for f in read_features(item.path))
                out.add(records, bar.update)
            reports.append(
                AddReport(name, origin, out.rows, 0, out.skipped, time.perf_counter() - start)
            )
        for item in (i for i in items if i.role != "main"):
            if item.role == "alternates":
                session.add_names(read_alternate_names(item.path), item.path.name)
            else:
                session.rename(read_admin_codes(item.path), item.path.name)
    return [
        AddReport(r.source, r.origin, r.rows, session.writers[r.source].names, r.skipped, r.seconds)
        for r in reports
    ]


def _rows_bar(enabled: bool, label: str) -> Any:
    from tqdm import tqdm

    return tqdm(desc=label, unit=" rows", unit_scale=True, disable=not enabled, file=sys.stderr)
