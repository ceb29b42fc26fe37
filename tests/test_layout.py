"""The layout holds: no import cycles, dependencies point one way, small modules and packages.

The import graph is read from the source with :mod:`ast` (every ``import`` and ``from``, also inside
functions, except under ``if TYPE_CHECKING:``), so a cycle through a lazy import counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("gazetteer", "geo", "maps")

# What each part may import (a part is a package or a subpackage; the longest prefix wins).
# `geo` alone is the event model and the public API; its __init__ re-exports lazily and is exempt.
ALLOWED: dict[str, set[str]] = {
    "gazetteer": {"gazetteer"},
    "geo": {"geo", "gazetteer"},  # the model: geo.event, geo.schema, geo.frame, geo.errors
    "geo.articles": {"geo", "geo.articles", "geo.extract.spans"},
    "geo.extract.spans": {"geo", "geo.extract.spans"},
    "geo.extract": {"geo", "geo.articles", "geo.extract", "geo.extract.spans", "gazetteer"},
    "geo.formats": {"geo", "geo.formats", "geo.extract", "geo.extract.spans", "gazetteer"},
    "geo.analysis": {"geo", "geo.analysis", "geo.extract", "geo.extract.spans", "gazetteer"},
    "geo.scale": {
        "geo",
        "geo.articles",
        "geo.extract",
        "geo.extract.spans",
        "geo.formats",
        "geo.analysis",
        "geo.scale",
        "gazetteer",
    },
    "maps": {"maps"},
    "maps.cli": {
        "maps",
        "maps.cli",
        "geo",
        "gazetteer",
        *(f"geo.{p}" for p in ("articles", "extract", "formats", "analysis", "scale")),
    },
}
# The model modules of geo may import only each other.
MODEL = {"geo.event", "geo.schema", "geo.frame", "geo.convert", "geo.errors"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Names of our modules that ``path`` imports (submodules resolved, TYPE_CHECKING skipped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _type_checking(node)
        for b in node.body
        for n in ast.walk(b)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    modules = set(files)
    return {m: _imports(p, modules) - {m} for m, p in files.items()}


def _part(module: str) -> str:
    best = ""
    for part in ALLOWED:
        if (module == part or module.startswith(part + ".")) and len(part) > len(best):
            best = part
    return best


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle among the modules (a package's __init__ importing its own submodules,
    which import the package back, is how Python packages work and is left out)."""

    def edges(m: str) -> set[str]:
        return {d for d in graph[m] if not m.startswith(d + ".") and not d.startswith(m + ".")}

    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for d in sorted(edges(m)):
            if state.get(d) == 1:
                return [*stack[stack.index(d) :], d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_cycle() -> None:
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}}) == ["a.x", "a.y", "a.z", "a.x"]


def test_dependencies_point_one_way() -> None:
    wrong = []
    for module, deps in sorted(_graph().items()):
        if module == "geo":  # the public API re-exports lazily from every part
            continue
        allowed = ALLOWED[_part(module)]
        for dep in sorted(deps):
            if module in MODEL and dep not in MODEL and dep.split(".")[0] == "geo":
                wrong.append(f"{module} -> {dep} (the model imports only the model)")
            elif _part(dep) not in allowed and not (dep == "geo" and module.startswith("geo")):
                wrong.append(f"{module} -> {dep}")
    assert wrong == []


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_stay_under_500_lines(package: str) -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / package).rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


@pytest.mark.parametrize("package", PACKAGES)
def test_no_package_has_more_than_12_modules(package: str) -> None:
    crowded = {}
    for init in (ROOT / package).rglob("__init__.py"):
        modules = [p for p in init.parent.glob("*.py") if p.name != "__init__.py"]
        if len(modules) > 12:
            crowded[str(init.parent.relative_to(ROOT))] = len(modules)
    assert crowded == {}


def test_every_subpackage_says_what_it_may_import() -> None:
    silent = [
        str(init.relative_to(ROOT))
        for pkg in PACKAGES
        for init in (ROOT / pkg).rglob("__init__.py")
        if init.parent.name != "data"
        and "import" not in (ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or "")
    ]
    assert silent == []


def test_importing_geo_loads_neither_geopandas_nor_scipy() -> None:
    import subprocess
    import sys

    code = "import sys, geo, gazetteer; print(sorted({'geopandas', 'scipy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_public_api_resolves() -> None:
    import geo

    assert all(callable(getattr(geo, name)) for name in geo.__all__)
