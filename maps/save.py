"""``save_map``: write a map's HTML atomically.

The page is rendered in memory, written to a temporary file in the target's
directory and renamed over the target with :func:`os.replace`, so readers see
either the old file or the whole new one, never a half-written map.

Examples
--------
>>> import tempfile, geopandas as gpd
>>> from maps.render import render_map
>>> m = render_map(gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=4326)), tiles=None)
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = save_map(m, f"{tmp}/out/map.html")
...     path.name, path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
('map.html', True)
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from maps.errors import MapInputError, MapWriteError

__all__ = ["map_html", "save_html", "save_map"]

#: When this process started writing (close enough: when this module was imported).
_STARTED = time.time()


def map_html(m: Any) -> str:
    """Return the complete HTML page of a folium map (or any branca element)."""
    root = getattr(m, "get_root", None)
    if root is None:
        raise MapInputError(f"expected a folium map, not {type(m).__name__}")
    html: str = root().render()
    return html


def save_map(m: Any, path: str | os.PathLike[str]) -> Path:
    """Write ``m`` as a standalone HTML file at ``path``; create missing folders.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    MapWriteError
        When the folder or file cannot be written; the previous file, if any,
        is left as it was and no temporary file remains.
    """
    return save_html(map_html(m), path)


def save_html(html: str, path: str | os.PathLike[str]) -> Path:
    """Write the page ``html`` at ``path`` as :func:`save_map` writes a map's page."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise MapWriteError(f"{target}: cannot write ({err.strerror or err})") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise MapWriteError(f"{target}: cannot write ({err.strerror or err})") from err
    return target


def _remove_stale_temporaries(target: Path) -> None:
    """Remove temporaries of saves to ``target`` killed (``kill -9``) before this process."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")
    with os.scandir(target.parent) as entries:
        for entry in entries:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < _STARTED:
                        os.unlink(entry.path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
