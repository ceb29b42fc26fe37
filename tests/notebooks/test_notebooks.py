"""Every notebook in notebooks/ runs top to bottom in a real Jupyter kernel, offline.

Each notebook runs on the kernel its metadata names (``strikemap``, which ``make test``
and ``make notebooks`` register for the venv); here that name is given a kernel spec of
this interpreter in a temporary ``JUPYTER_PATH``, so the test needs no registration and
never picks up another checkout's venv.  Files the notebooks write go to a temporary folder (``STRIKEMAP_NOTEBOOK_OUT``).
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
from ipykernel.kernelspec import install as install_kernelspec
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
KERNEL = re.search(r"^KERNEL := (\S+)$", (ROOT / "Makefile").read_text(), re.M)


def kernel_name(nb: nbformat.NotebookNode) -> str:
    return str(nb.metadata.get("kernelspec", {}).get("name", ""))


def test_every_notebook_declares_the_kernel_the_makefile_registers() -> None:
    assert KERNEL is not None, "the Makefile names no KERNEL"
    for path in NOTEBOOKS:
        assert kernel_name(nbformat.read(path, as_version=4)) == KERNEL.group(1), path.name


def run(name: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    if name not in _RUNS:
        path = ROOT / "notebooks" / name
        out = tmp_path_factory.mktemp(path.stem)
        env = dict(os.environ, STRIKEMAP_NOTEBOOK_OUT=str(out))
        nb = nbformat.read(path, as_version=4)
        jupyter = tmp_path_factory.mktemp("jupyter")
        install_kernelspec(kernel_name=kernel_name(nb), prefix=str(jupyter))
        client = NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(path.parent)}})
        saved = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = str(jupyter / "share" / "jupyter")
        try:
            client.execute(env=env)
        except CellExecutionError as err:
            pytest.fail(f"{name}: {err}", pytrace=False)
        finally:
            if saved is None:
                del os.environ["JUPYTER_PATH"]
            else:
                os.environ["JUPYTER_PATH"] = saved
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
