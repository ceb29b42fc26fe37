"""Every notebook in notebooks/ runs top to bottom in a real Jupyter kernel, offline.

The kernel is the native ``python3`` one of this interpreter (ipykernel), started by
nbclient; files the notebooks write go to a temporary folder (``STRIKEMAP_NOTEBOOK_OUT``).
A cell that raises fails the test with the cell's source and the error.  Each notebook is
run once per session and its outputs are then checked by the tests below.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.slow


@dataclass
class Run:
    nb: nbformat.NotebookNode
    out: Path

    def outputs(self, mime: str) -> str:
        return "".join(
            str(o["data"].get(mime, ""))
            for cell in self.nb.cells
            for o in cell.get("outputs", [])
            if "data" in o
        )


_RUNS: dict[str, Run] = {}


def run(name: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    if name not in _RUNS:
        path = ROOT / "notebooks" / name
        out = tmp_path_factory.mktemp(path.stem)
        env = dict(os.environ, STRIKEMAP_NOTEBOOK_OUT=str(out))
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        )
        try:
            client.execute(env=env)
        except CellExecutionError as err:
            pytest.fail(f"{name}: {err}", pytrace=False)
        _RUNS[name] = Run(nb, out)
    return _RUNS[name]


def test_the_walk_throughs_are_there() -> None:
    assert [p.name for p in NOTEBOOKS][:1] == ["01_quickstart.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(
    path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    result = run(path.name, tmp_path_factory)
    errors = [o for c in result.nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    assert all(c.get("execution_count") for c in result.nb.cells if c.cell_type == "code")
    assert any(result.out.iterdir()), "the notebook wrote nothing to STRIKEMAP_NOTEBOOK_OUT"


def test_quickstart_shows_the_map_inline_and_exports(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    result = run("01_quickstart.ipynb", tmp_path_factory)
    html = result.outputs("text/html")
    assert "strikemap quickstart: demo briefs" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    assert (result.out / "quickstart_events.geojson").stat().st_size > 0
    assert (result.out / "quickstart_map.html").stat().st_size > 0


def test_analysis_draws_links_and_a_tempo_chart(tmp_path_factory: pytest.TempPathFactory) -> None:
    result = run("02_analysis.ipynb", tmp_path_factory)
    assert result.outputs("image/png"), "no chart shown"
    assert (result.out / "tempo.png").stat().st_size > 0
    html = (result.out / "analysis_map.html").read_text(encoding="utf-8")
    data = re.search(r'type="application/json" id="[\w-]+">(.*?)</script>', html, re.S)
    assert data is not None
    assert json.loads(data.group(1))["links"]["count"], "no response links drawn"
