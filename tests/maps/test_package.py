"""The maps package: doctests, light imports, packaged assets, the shipped outline."""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import maps
from maps.assets import JS_FILES, static_text
from maps.outline import build_outline

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "maps",
    "maps.assets",
    "maps.columns",
    "maps.encode",
    "maps.errors",
    "maps.labels",
    "maps.outline",
    "maps.payload",
    "maps.render",
    "maps.save",
    "maps.tables",
]
FIXTURE = "pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp"


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_importing_maps_and_its_cli_stays_light() -> None:
    code = (
        "import sys, maps, maps.cli, maps.cli.map_cmd;"
        "print(sorted(m for m in ('folium', 'geopandas', 'pandas', 'shapely') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lazy_exports() -> None:
    assert set(maps.__all__) == {"render_map", "save_map"}
    with pytest.raises(AttributeError):
        maps.nothing  # noqa: B018


def test_every_static_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["maps"]
    static = sorted(p.name for p in (ROOT / "maps" / "static").iterdir() if p.suffix != ".md")
    for name in static:
        assert any(Path("static", name).match(p) for p in patterns), name
    assert set(JS_FILES) | {"outline.js"} == {n for n in static if n.endswith(".js")}


def test_shipped_outline_is_what_the_generator_makes() -> None:
    text = static_text("outline.js")
    data = json.loads(text[text.index("{") : text.rindex("}") + 1])
    assert data["scale"] == 100 and len(data["rings"]) > 150
    site = Path(importlib.import_module("pyogrio").__file__).parents[1]  # type: ignore[arg-type]
    if not (site / FIXTURE).exists():
        pytest.skip("pyogrio's Natural Earth fixture is not installed")
    assert build_outline(site / FIXTURE) == text
