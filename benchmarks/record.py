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


def record_section(path: Path, name: str, machine: str, figures: dict[str, str]) -> None:
    """Replace (or add) the ``## name`` section of ``path`` with a table of ``figures``."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    today = dt.date.today().isoformat()
    rows = "\n".join(f"| {k} | {v} |" for k, v in figures.items())
    section = (
        f"## {name}\n\nMeasured {today} on {machine} by `benchmarks/{name}.py`.\n\n"
        f"| figure | value |\n|---|---|\n{rows}\n"
    )
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section + "\n", text) if pattern.search(text) else text + "\n" + section
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".benchmarks.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text.rstrip("\n") + "\n")
    os.replace(tmp, path)


def report(name: str, figures: dict[str, str], *, record: bool = True) -> None:
    """Print ``figures`` as an aligned table and, unless ``record`` is false, write them as
    the ``## name`` section of docs/benchmarks.md with a description of this machine."""
    width = max(map(len, figures), default=0)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if record:
        machine = (
            f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
            f"Python {platform.python_version()}"
        )
        path = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
        record_section(path, name, machine, figures)
        print(json.dumps({"recorded": "docs/benchmarks.md"}))
