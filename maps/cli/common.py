"""Helpers shared by the command-line commands: messages, input names, atomic writes."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["CommandError", "fail", "positive_int", "read_names", "warn", "write_atomic"]


class CommandError(Exception):
    """A problem with the command's input or output, reported in one line."""


def fail(message: str, *, code: int = 1) -> int:
    """Print ``strikemap: error: message`` on stderr (one line) and return ``code``."""
    print(f"strikemap: error: {' '.join(message.split())}", file=sys.stderr)
    return code


def warn(message: str) -> None:
    """Print a one-line warning on stderr."""
    print(f"strikemap: warning: {' '.join(message.split())}", file=sys.stderr)


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``--limit -3`` is a usage error)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text!r}")
    return value


def read_names(names: list[str]) -> Iterator[tuple[str, object]]:
    """Yield ``(label, name)`` for each argument; ``-`` reads one name a line from stdin.

    Lines from stdin are yielded as bytes so that binary junk is reported, not crashed on.
    """
    for arg in names:
        if arg != "-":
            yield arg, arg
            continue
        for n, line in enumerate(sys.stdin.buffer, start=1):
            if line.strip():  # blank lines separate names; they are no names
                yield f"stdin line {n}", line.rstrip(b"\r\n")


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CommandError(f"{path}: cannot write ({err.strerror})") from err
