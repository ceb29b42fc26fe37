"""Files of the GeoNames export server, read as records of the index.

The main table (``IQ.zip``/``IQ.txt`` for a country, ``allCountries.zip``, ``cities500.zip``...)
has 19 tab-separated columns, one feature a line; ``alternateNamesV2`` has 10 and
``admin1CodesASCII.txt``/``admin2Codes.txt`` have 4 (see
https://download.geonames.org/export/dump/readme.txt).  Every feature class is read; a line
with the wrong number of columns, a bad number or a file that ends inside a line is refused
with :class:`~gazetteer.errors.GeoNamesFileError` naming the file and the line.

Data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from gazetteer.errors import GeoNamesFileError
from gazetteer.place import Place
from gazetteer.sources import Record
from gazetteer.sources.feature_codes import COUNTRY_CODES, kind_of
from gazetteer.sources.geonames import keep_alternate

__all__ = [
    "MAIN_COLUMNS",
    "Feature",
    "feature_record",
    "read_admin_codes",
    "read_alternate_names",
    "read_features",
    "text_lines",
]

MAIN_COLUMNS = 19
ALTERNATE_COLUMNS = (8, 10)  # alternateNames (before 2019) and alternateNamesV2
#: Language codes of alternateNames rows that are not names (links, codes, postcodes...).
NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr"})
_CLASSES = frozenset("AHLPRSTUV")
#: Feature kinds whose generic word a name may carry, and the English form news writes.
_GENERIC = {
    "camp": (("mukhayyam", "mukhayam", "mukhaym", "camp"), "{} Camp"),
    "mountain": (("jabal", "jebel", "jabel", "mount"), "Mount {}"),
}


class Feature(NamedTuple):
    """One row of a GeoNames main table (the columns the index uses)."""

    geonameid: int
    name: str
    asciiname: str
    alternates: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    population: int


def text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line)`` of a GeoNames text file or of the table in its zip.

    A zip holds ``NAME.txt`` beside a readme; a truncated zip, a line that is not UTF-8 and
    a text file that ends inside a line raise :class:`GeoNamesFileError`.
    """
    label = str(path)
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                member = _member(archive, path)
                label = f"{path} ({member})"
                with archive.open(member) as raw:
                    yield from _lines(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), label)
        else:
            with path.open(encoding="utf-8", newline="\n") as fh:
                yield from _lines(fh, label)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as err:
        raise GeoNamesFileError(f"{label}: truncated or corrupt zip archive ({err})") from err
    except OSError as err:
        raise GeoNamesFileError(f"{label}: cannot read ({err.strerror or err})") from err


def _member(archive: zipfile.ZipFile, path: Path) -> str:
    names = [n for n in archive.namelist() if n.lower().endswith(".txt")]
    wanted = f"{path.stem}.txt".lower()
    for name in names:
        if Path(name).name.lower() == wanted:
            return name
    tables = [n for n in names if not Path(n).name.lower().startswith(("readme", "iso-"))]
    if len(tables) != 1:
        raise GeoNamesFileError(f"{path}: no {path.stem}.txt table in the archive")
    return tables[0]


def _lines(fh: io.TextIOBase, label: str) -> Iterator[tuple[int, str]]:
    n = 0
    try:
        for n, line in enumerate(fh, start=1):
            if not line.endswith("\n"):
                raise GeoNamesFileError(f"{label}: line {n}: truncated (the file ends in a line)")
            yield n, line.rstrip("\r\n")
    except UnicodeDecodeError as err:
        raise GeoNamesFileError(f"{label}: line {n + 1}: not UTF-8 text") from err


def read_features(path: Path) -> Iterator[Feature]:
    """Yield the features of a GeoNames main table (comment lines ``#`` are skipped)."""
    for n, line in text_lines(path):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        try:
            feature = Feature(
                int(cols[0]),
                cols[1],
                cols[2],
                cols[3],
                float(cols[4]),
                float(cols[5]),
                cols[6],
                cols[7],
                cols[8],
                cols[10],
                cols[11],
                int(cols[14] or 0),
            )
        except (ValueError, IndexError):
            raise GeoNamesFileError(f"{path}: line {n}: {_problem(cols)}") from None
        if (
            len(cols) != MAIN_COLUMNS
            or not (-90.0 <= feature.lat <= 90.0 and -180.0 <= feature.lon <= 180.0)
            or (feature.feature_class and feature.feature_class not in _CLASSES)
            or not feature.name
        ):
            raise GeoNamesFileError(f"{path}: line {n}: {_problem(cols)}")
        yield feature


def _problem(cols: list[str]) -> str:
    """Say what is wrong with a main-table line."""
    if len(cols) != MAIN_COLUMNS:
        return f"{len(cols)} columns, expected {MAIN_COLUMNS} (truncated, or not a GeoNames table)"
    for i, what in ((0, "geonameid"), (4, "latitude"), (5, "longitude"), (14, "population")):
        try:
            value = float(cols[i] or 0) if i in (4, 5) else int(cols[i] or 0)
        except ValueError:
            return f"{what} {cols[i][:30]!r} is not a number"
        if (i == 4 and abs(value) > 90) or (i == 5 and abs(value) > 180):
            return f"{what} {value} is out of range"
    if not cols[1]:
        return "empty name"
    return f"unknown feature class {cols[6][:10]!r}"


def feature_record(feature: Feature, source: str) -> Record | None:
    """Return the record of a feature, or ``None`` for a whole country (the index has those).

    Examples
    --------
    >>> f = Feature(1, "Mukhayyam Kahlan", "Mukhayyam Kahlan", "Kahlan,КАХЛАН", 33.0, 44.0,
    ...             "S", "CMP", "IQ", "07", "", 0)
    >>> rec = feature_record(f, "GeoNames IQ")
    >>> rec.place.kind, rec.names
    ('camp', ('Mukhayyam Kahlan', 'Kahlan', 'Kahlan Camp'))
    """
    if feature.feature_code in COUNTRY_CODES:
        return None
    kind, extent = kind_of(feature.feature_class, feature.feature_code, feature.population)
    place = Place(
        f"geonames:{feature.geonameid}",
        feature.name,
        feature.lat,
        feature.lon,
        feature.country,
        kind,
        feature.population,
        source,
        admin1=f"{feature.country}.{feature.admin1}" if feature.admin1 else "",
        extent_km=extent,
    )
    names = [feature.name]
    if feature.asciiname and feature.asciiname != feature.name:
        names.append(feature.asciiname)
    if feature.alternates:
        names += [a for a in feature.alternates.split(",") if keep_alternate(a)]
    if kind in _GENERIC:
        names += _english_forms(names, kind)
    return Record(place, tuple(dict.fromkeys(names)))


def _english_forms(names: list[str], kind: str) -> list[str]:
    """ "Mukhayyam Kahlan" -> "Kahlan Camp"; "Jabal Sinjar" -> "Mount Sinjar"."""
    words, form = _GENERIC[kind]
    found = []
    for name in names:
        parts = name.split()
        if len(parts) < 2:
            continue
        if parts[0].lower() in words:
            found.append(form.format(" ".join(parts[1:])))
        elif parts[-1].lower() in words:
            found.append(form.format(" ".join(parts[:-1])))
    return found


def read_alternate_names(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(geonameid, name)`` of an ``alternateNames``/``alternateNamesV2`` table.

    Rows that are links, postcodes or airport codes, and names in scripts other than Latin
    and Arabic, are left out.
    """
    for n, line in text_lines(path):
        cols = line.split("\t")
        if len(cols) not in ALTERNATE_COLUMNS or not cols[1].isdigit():
            raise GeoNamesFileError(
                f"{path}: line {n}: {len(cols)} columns, expected 10 (alternateNamesV2) "
                "with a numeric geonameid"
            )
        if cols[2] not in NOT_NAMES and keep_alternate(cols[3]):
            yield int(cols[1]), cols[3]


def read_admin_codes(path: Path) -> Iterator[tuple[str, str, str, int]]:
    """Yield ``(code, name, ascii name, geonameid)`` of ``admin1CodesASCII``/``admin2Codes``."""
    for n, line in text_lines(path):
        cols = line.split("\t")
        if len(cols) != 4 or not cols[3].isdigit() or "." not in cols[0]:
            raise GeoNamesFileError(
                f"{path}: line {n}: expected 4 columns: code (CC.A1), name, ascii name, geonameid"
            )
        yield cols[0], cols[1], cols[2], int(cols[3])
