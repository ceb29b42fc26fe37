"""Record a benchmark's figures as one section of docs/benchmarks.md, atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import tempfile
from pathlib import Path

HEADER = (
    "# Benchmarks\n\nFigures measured by the scripts in `benchmarks/`; each section is rewritten"
    " when its script runs. Targets are checked here, never by timed assertions in tests.\n"
)


_ROW = re.compile(r"^\| (.+?) \| (.*) \|$", re.M)
#: Says which rows a partial run measured: a row's figure ends with it.
_PARTIAL = " (measured {today} with `{only}`)"


def _old_rows(section: str) -> dict[str, str]:
    """The figures of a recorded section's table, by row name."""
    return {k: v for k, v in _ROW.findall(section) if k != "figure" and set(v) != {"-", "|"}}


def record_section(
    path: Path, name: str, machine: str, figures: dict[str, str], *, only: str | None = None
) -> None:
    """Replace (or add) the ``## name`` section of ``path`` with a table of ``figures``.

    With ``only`` (the option of a run that measured some figures alone), the rows of the
    section are kept and those of ``figures`` replaced or added, each saying when and how it
    was measured; the section's own date stays that of the last full run.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    today = dt.date.today().isoformat()
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    found = pattern.search(text)
    intro = f"Measured {today} on {machine} by `benchmarks/{name}.py`."
    if only and found:
        intro = found.group(0).split("\n\n")[1]
        note = _PARTIAL.format(today=today, only=only)
        figures = _old_rows(found.group(0)) | {k: v + note for k, v in figures.items()}
    rows = "\n".join(f"| {k} | {v} |" for k, v in figures.items())
    section = f"## {name}\n\n{intro}\n\n| figure | value |\n|---|---|\n{rows}\n"
    text = pattern.sub(lambda _: section + "\n", text) if found else text + "\n" + section
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".benchmarks.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text.rstrip("\n") + "\n")
    os.replace(tmp, path)


def report(
    name: str, figures: dict[str, str], *, record: bool = True, only: str | None = None
) -> None:
    """Print ``figures`` as an aligned table and, unless ``record`` is false, write them as
    the ``## name`` section of docs/benchmarks.md with a description of this machine (with
    ``only``, in place of the same rows of the section; see :func:`record_section`)."""
    width = max(map(len, figures), default=0)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if record:
        machine = (
            f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
            f"Python {platform.python_version()}"
        )
        path = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
        record_section(path, name, machine, figures, only=only)
        print(json.dumps({"recorded": "docs/benchmarks.md"}))
