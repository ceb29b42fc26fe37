"""The ``strikemap`` command line: the one place that knows gazetteer, geo and maps.

Errors from the packages become one-line messages and exit code 1; usage errors
exit 2.  Heavy packages are imported only by the commands that need them, so
``strikemap geocode`` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from maps.cli import enrich_cmd, export_cmd, extract_cmd, gazetteer_cmds, map_cmd
from maps.cli.common import CommandError, fail, warn

__all__ = ["ARROW_POOL", "build_parser", "main"]

#: Arrow's allocator for the commands on Linux (its wheels ship jemalloc): reading a million
#: events, it spends a fraction of the system time the default (mimalloc) spends on fresh
#: memory, and peaks lower (docs/benchmarks.md, section "io").
ARROW_POOL = "jemalloc"


def _version() -> str:
    """The installed version of strikemap (from its package metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("strikemap")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every ``strikemap`` command."""
    parser = argparse.ArgumentParser(
        prog="strikemap",
        description="Dated, geolocated strike and attack events from news reports.",
    )
    parser.add_argument("--version", action="version", version=f"strikemap {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    gazetteer_cmds.register(sub)
    extract_cmd.register(sub)
    map_cmd.register(sub)
    export_cmd.register(sub)
    enrich_cmd.register(sub)
    return parser


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """Warnings of the packages as ``strikemap: warning: …`` lines, not Python's two lines."""
    warn(str(message))


def _arrow_memory_pool() -> None:
    """Let Arrow allocate with :data:`ARROW_POOL`, unless the user chose a pool with
    ``ARROW_DEFAULT_MEMORY_POOL`` (or pyarrow is loaded already: the pool is chosen then)."""
    if sys.platform == "linux" and "pyarrow" not in sys.modules:
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)


#: The root errors of the packages (module, class), reported in one line.
_ROOTS = (("gazetteer.errors", "GazetteerError"), ("geo.errors", "GeoError"))


def _reported(err: Exception) -> bool:
    """Whether ``err`` is one of the packages' errors or a :class:`CommandError`.

    A package's errors are looked up only if its module is loaded (it is, if one of them
    was raised), so that a command that never needs the gazetteer does not import it.
    """
    roots: list[type[Exception]] = [CommandError]
    for module, name in _ROOTS:
        if module in sys.modules:
            roots.append(getattr(sys.modules[module], name))
    return isinstance(err, tuple(roots))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _arrow_memory_pool()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():  # restores Python's own format afterwards
            warnings.showwarning = _show_warning
            code: int = args.run(args)
    except KeyboardInterrupt:
        return fail("interrupted", code=130)
    except Exception as err:
        if _reported(err):
            return fail(str(err))
        if isinstance(err, BrokenPipeError):
            return 0
        raise
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
