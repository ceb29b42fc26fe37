"""Fetching GeoNames export files: a progress bar, and a download that stops is resumed.

Bytes go to ``NAME.part`` beside the target; a later attempt (in the same run, or the next
time the command runs) asks the server for the rest with an HTTP ``Range`` header.  The
finished file is renamed into place and keeps the server's ``Last-Modified`` date.  A file
already downloaded is asked for again with ``If-Modified-Since`` and kept when unchanged.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from gazetteer.errors import DownloadError

__all__ = ["DEFAULT_MIRROR", "download"]

DEFAULT_MIRROR = "https://download.geonames.org/export/dump/"
USER_AGENT = "strikemap-gazetteer/0.1 (+https://www.geonames.org/export/)"
_BLOCK = 1 << 16


def download(
    url: str, dest: Path, *, progress: bool = False, attempts: int = 3, timeout: float = 60.0
) -> Path:
    """Download ``url`` to ``dest``, resuming from ``dest.part``; return ``dest``.

    Raises :class:`~gazetteer.errors.DownloadError` in one line when the server refuses or
    the download still stops after ``attempts`` tries (the partial file is kept).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    problem = "no attempt made"
    for _ in range(max(1, attempts)):
        try:
            if _fetch(url, dest, part, progress=progress, timeout=timeout):
                return dest
        except urllib.error.HTTPError as err:
            if err.code == 416:  # the partial file is not a prefix of the file any more
                part.unlink(missing_ok=True)
                problem = "the server refused to resume; starting again"
                continue
            raise DownloadError(f"{url}: HTTP {err.code} {err.reason}") from err
        except (urllib.error.URLError, http.client.HTTPException, OSError) as err:
            problem = str(getattr(err, "reason", None) or err) or type(err).__name__
    have = part.stat().st_size if part.exists() else 0
    if dest.exists() and not have:
        print(f"strikemap: warning: {url}: {problem}; using {dest}", file=sys.stderr)
        return dest
    raise DownloadError(
        f"{url}: download stopped at {have:,} bytes ({problem}); run the same command again"
        " to resume"
    )


def _fetch(url: str, dest: Path, part: Path, *, progress: bool, timeout: float) -> bool:
    """One attempt; True when ``dest`` is complete."""
    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": USER_AGENT}
    if have:
        headers["Range"] = f"bytes={have}-"
    elif dest.exists():
        headers["If-Modified-Since"] = email.utils.formatdate(dest.stat().st_mtime, usegmt=True)
    try:
        resp = urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout)
    except urllib.error.HTTPError as err:
        if err.code == 304:
            return True
        raise
    with resp:
        if have and resp.status != 206:
            have = 0  # the server sends the whole file
        length = resp.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        with (
            part.open("ab" if have else "wb") as out,
            _bar(progress, dest.name, total, have) as bar,
        ):
            while block := resp.read(_BLOCK):
                out.write(block)
                bar.update(len(block))
        size = part.stat().st_size
        if total is not None and size < total:
            raise http.client.IncompleteRead(b"", total - size)
        os.replace(part, dest)
        if modified := resp.headers.get("Last-Modified"):
            with contextlib.suppress(TypeError, ValueError, OSError):
                stamp = email.utils.parsedate_to_datetime(modified).timestamp()
                os.utime(dest, (stamp, stamp))
    return True


def _bar(enabled: bool, label: str, total: int | None, initial: int) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total,
        initial=initial,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc=label,
        disable=not enabled,
        file=sys.stderr,
        leave=False,
    )
