"""The store of added places: an SQLite file beside the index, one transaction per change.

It has the tables of the index (``places``, ``names``) so the resolver queries it the same
way, plus ``sources`` (what is installed, with its pid range).  Each source's places get a
contiguous range of pids above :data:`PID_BASE`, so removing one deletes a range.  An add runs
in one transaction: a failure, Ctrl-C or a killed process leaves the store as it was (SQLite
rolls the journal back on the next open).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer.errors import IndexBuildError, InvalidQuery
from gazetteer.index import (
    MMAP_BYTES,
    TIER_ALTERNATE,
    TIER_LOOSE,
    TIER_PRIMARY,
    cache_dir,
    place_row,
)
from gazetteer.normalize import normalize, skeleton
from gazetteer.sources import Record

__all__ = [
    "LAYER",
    "PID_BASE",
    "Batch",
    "InstalledSource",
    "Writer",
    "attach_store",
    "batch",
    "installed_sources",
    "remove_source",
    "source_name",
    "store_path",
]

STORE_NAME = "geonames-added.sqlite"
#: Pids of added places start here, far above the embedded index's.
PID_BASE = 1 << 40
#: Ranking layer of added places: after every embedded source.
LAYER = 10
_CHUNK = 20_000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    pid INTEGER PRIMARY KEY, id TEXT, name TEXT, lat REAL, lon REAL, country TEXT,
    kind TEXT, population INTEGER, source TEXT, admin1 TEXT, extent_km REAL, layer INTEGER
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT, pid INTEGER, tier INTEGER, PRIMARY KEY (key, pid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_id ON places (id);
CREATE INDEX IF NOT EXISTS places_kind ON places (kind);
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY, origin TEXT, file_date TEXT, added TEXT, rows INTEGER,
    names INTEGER, skipped INTEGER, extras TEXT, first_pid INTEGER, last_pid INTEGER
);
"""


@dataclass(frozen=True, slots=True)
class InstalledSource:
    """One installed source: its name (``IQ``, ``cities500``), where it came from, its size."""

    name: str
    origin: str
    file_date: str
    added: str
    rows: int
    names: int
    skipped: int
    extras: str


def store_path() -> Path:
    """Return where the added places live: ``geonames-added.sqlite`` in the index cache folder."""
    return cache_dir() / STORE_NAME


def attach_store(conn: sqlite3.Connection, path: Path | None = None) -> tuple[str, ...]:
    """Attach the store (when there is one) to an index connection, read-only.

    Returns the schemas to query: ``("main",)`` or ``("main", "added")``.  A journal left by
    an interrupted add is rolled back first.
    """
    path = path or store_path()
    if not path.exists():
        return ("main",)
    try:
        if Path(f"{path}-journal").exists():
            with contextlib.closing(sqlite3.connect(path, timeout=30)) as rw:
                rw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("ATTACH DATABASE ? AS added", (f"file:{path}?mode=ro",))
        conn.execute(f"PRAGMA added.mmap_size = {MMAP_BYTES}")
        conn.execute("SELECT count(*) FROM added.sources").fetchone()
    except sqlite3.Error as err:
        raise IndexBuildError(f"{path}: cannot open the added places ({err})") from err
    return ("main", "added")


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA cache_size = -131072")  # 128 MB
        conn.executescript(_SCHEMA)
    except sqlite3.Error as err:
        raise IndexBuildError(f"{path}: cannot open the added places ({err})") from err
    return conn


def installed_sources(path: Path | None = None) -> list[InstalledSource]:
    """Return the installed sources, by name."""
    path = path or store_path()
    if not path.exists():
        return []
    with contextlib.closing(_connect(path)) as conn:
        rows = conn.execute(
            "SELECT name, origin, file_date, added, rows, names, skipped, extras FROM sources"
            " ORDER BY name"
        ).fetchall()
    return [InstalledSource(*row) for row in rows]


def remove_source(name: str, path: Path | None = None) -> InstalledSource:
    """Remove one installed source (``IQ``, ``IQ.zip`` or ``cities500``); return what it was."""
    path = path or store_path()
    wanted = source_name(name)
    found = {s.name: s for s in installed_sources(path)}
    if wanted not in found:
        have = ", ".join(found) or "none"
        raise InvalidQuery(f"no installed source {wanted!r}; installed: {have}")
    with contextlib.closing(_connect(path)) as conn, _transaction(conn):
        first, last = conn.execute(
            "SELECT first_pid, last_pid FROM sources WHERE name = ?", (wanted,)
        ).fetchone()
        _delete_range(conn, first, last)
        conn.execute("DELETE FROM sources WHERE name = ?", (wanted,))
    return found[wanted]


def source_name(text: str) -> str:
    """Return the name a source is installed under: ``IQ.zip`` -> ``IQ``.

    Examples
    --------
    >>> source_name("downloads/IQ.zip"), source_name("cities500.txt"), source_name("ye")
    ('IQ', 'cities500', 'YE')
    """
    name = Path(text).name
    for suffix in (".zip", ".txt"):
        name = name.removesuffix(suffix)
    return name.upper() if len(name) == 2 else name


def _delete_range(conn: sqlite3.Connection, first: int, last: int) -> None:
    conn.execute("DELETE FROM names WHERE pid BETWEEN ? AND ?", (first, last))
    conn.execute("DELETE FROM places WHERE pid BETWEEN ? AND ?", (first, last))


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _keys(rec: Record, pid: int) -> Iterator[tuple[str, int, int]]:
    seen: dict[str, int] = {}
    for i, name in enumerate(rec.names):
        key = normalize(name)
        if not key or key in seen:
            continue
        seen[key] = TIER_PRIMARY if i == 0 else TIER_ALTERNATE
        loose = skeleton(key)
        if len(loose) >= 4 and loose not in seen:
            seen[loose] = TIER_LOOSE
    return ((key, pid, tier) for key, tier in seen.items())


class Writer:
    """Adds one source's records inside an open transaction (see :func:`writer`)."""

    def __init__(self, conn: sqlite3.Connection, first_pid: int, *, keep_ids: bool) -> None:
        self.conn = conn
        self.first_pid = first_pid
        self.next_pid = first_pid
        self.rows = 0
        self.names = 0
        self.skipped = 0
        #: Extra files that added names (recorded with the source).
        self.extras: list[str] = []
        #: GeoNames id -> pid of this source, kept when extra files will add names.
        self.pids: dict[int, int] | None = {} if keep_ids else None

    def add(self, records: Iterable[Record | None], progress: Callable[[int], None]) -> None:
        """Insert records (``None`` counts as skipped) in chunks; ``progress(n)`` after each."""
        chunk: list[Record] = []
        for rec in records:
            if rec is None:
                self.skipped += 1
                continue
            chunk.append(rec)
            if len(chunk) >= _CHUNK:
                self._flush(chunk)
                progress(len(chunk))
                chunk = []
        self._flush(chunk)
        progress(len(chunk))

    def _flush(self, chunk: list[Record]) -> None:
        place_rows: list[tuple[object, ...]] = []
        name_rows: list[tuple[str, int, int]] = []
        pid = self.next_pid
        for rec in chunk:
            place_rows.append(place_row(pid, rec.place, LAYER))
            name_rows.extend(_keys(rec, pid))
            if self.pids is not None:
                self.pids[int(rec.place.id.rpartition(":")[2])] = pid
            pid += 1
        name_rows.sort()
        self.conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)
        self.next_pid = pid
        self.rows += len(place_rows)
        self.names += len(name_rows)

    def add_names(self, pairs: Iterable[tuple[int, str]], *, tier: int = TIER_ALTERNATE) -> int:
        """Add names to places of this source by GeoNames id; return how many were new."""
        if self.pids is None:
            raise ValueError("this writer was opened without keep_ids")
        rows = []
        for gid, name in pairs:
            pid = self.pids.get(gid)
            if pid is None or not (key := normalize(name)):
                continue
            rows.append((key, pid, tier))
            loose = skeleton(key)
            if len(loose) >= 4:
                rows.append((loose, pid, TIER_LOOSE))
        before = self.conn.total_changes
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", rows)
        added = self.conn.total_changes - before
        self.names += added
        return added

    def rename(self, gid: int, name: str) -> bool:
        """Give the place with this GeoNames id a new preferred name (region names)."""
        pid = self.pids.get(gid) if self.pids is not None else None
        if pid is None or not normalize(name):
            return False
        self.conn.execute("UPDATE places SET name = ? WHERE pid = ?", (name, pid))
        self.conn.execute("INSERT OR REPLACE INTO names VALUES (?,?,?)", (normalize(name), pid, 0))
        return True


class Batch:
    """Sources added in one transaction (see :func:`batch`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.writers: dict[str, Writer] = {}
        self._origins: dict[str, tuple[str, str]] = {}

    def source(self, name: str, origin: str, file_date: str, *, keep_ids: bool) -> Writer:
        """Start source ``name`` (replacing an installed one of that name); return its writer."""
        old = self.conn.execute(
            "SELECT first_pid, last_pid FROM sources WHERE name = ?", (name,)
        ).fetchone()
        if old:
            _delete_range(self.conn, *old)
            self.conn.execute("DELETE FROM sources WHERE name = ?", (name,))
        tops = [w.next_pid - 1 for w in self.writers.values()]
        tops.append(self.conn.execute("SELECT max(last_pid) FROM sources").fetchone()[0] or 0)
        out = Writer(self.conn, max(PID_BASE, max(tops) + 1), keep_ids=keep_ids)
        self.writers[name] = out
        self._origins[name] = (origin, file_date)
        return out

    def add_names(self, pairs: Iterable[tuple[int, str]], label: str) -> int:
        """Add alternate names by GeoNames id to every source of the batch."""
        added = 0
        for chunk in _chunks(pairs):
            added += sum(w.add_names(chunk) for w in self.writers.values())
        for w in self.writers.values():
            w.extras.append(label)
        return added

    def rename(self, codes: Iterable[tuple[str, str, str, int]], label: str) -> int:
        """Give regions the names of an admin codes file (the ASCII name as an alternate)."""
        renamed = 0
        for _, name, ascii_name, gid in codes:
            for w in self.writers.values():
                if w.rename(gid, name):
                    renamed += 1
                    w.add_names([(gid, ascii_name)])
        for w in self.writers.values():
            w.extras.append(label)
        return renamed

    def _record(self) -> None:
        added = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        for name, out in self.writers.items():
            origin, date = self._origins[name]
            self.conn.execute(
                "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    name,
                    origin,
                    date,
                    added,
                    out.rows,
                    out.names,
                    out.skipped,
                    ", ".join(out.extras),
                    out.first_pid,
                    max(out.first_pid, out.next_pid - 1),
                ),
            )


def _chunks(pairs: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) >= _CHUNK * 5:
            yield chunk
            chunk = []
    yield chunk


@contextlib.contextmanager
def batch(path: Path | None = None) -> Iterator[Batch]:
    """Open one transaction for the sources of one add; committed when the block ends.

    Any exception (or Ctrl-C) rolls every source of the batch back; so does a killed
    process, on the next open.
    """
    path = path or store_path()
    with contextlib.closing(_connect(path)) as conn, _transaction(conn):
        out = Batch(conn)
        yield out
        out._record()


def file_date(path: Path) -> str:
    """Return the modification date of a file as ``YYYY-MM-DD``."""
    return dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.UTC).strftime("%Y-%m-%d")
