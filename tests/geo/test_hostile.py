"""Hostile input to the readers and writers of geo (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.errors import GazetteerError
from geo.articles.readers import _glob, read_articles
from geo.errors import EventsFileError
from geo.formats.readwrite import read_events

DEEP = "[" * 100_000 + "]" * 100_000
GOOD = "Rockets hit Erbil air base on 3 May 2022."


def test_deeply_nested_json_is_a_problem_of_its_file(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(DEEP)
    (tmp_path / "deep.jsonl").write_text(f'{{"text": "{GOOD}"}}\n{{"x": {DEEP}}}\n')
    (tmp_path / "good.txt").write_text(GOOD)
    read = read_articles([str(tmp_path)])
    assert sorted(a.id for a in read.articles) == ["deep:1", "good"]
    nested = [p for p in read.problems if p.problem == "JSON nested too deeply"]
    assert [Path(p.path.split(":")[0]).name for p in nested] == ["deep.json", "deep.jsonl"]


def test_deeply_nested_geojson_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    path.write_text(f'{{"type": "FeatureCollection", "features": [{DEEP}]}}')
    with pytest.raises(EventsFileError, match=r"events\.geojson: JSON nested too deeply"):
        read_events(path)


def test_deeply_nested_places_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "places.geojson"
    path.write_text(f'{{"type": "FeatureCollection", "features": [{DEEP}]}}')
    with pytest.raises(GazetteerError, match=r"places\.geojson: JSON nested too deeply"):
        Gazetteer(places=[path])


def test_a_recursive_glob_does_not_follow_a_symlink_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``**`` through ``sub/up -> ..`` went round the loop (and with two loops, forever)."""
    sub = tmp_path / "in" / "sub"
    sub.mkdir(parents=True)
    (sub / "a.md").write_text(GOOD)
    (sub / ".hidden.md").write_text(GOOD)
    (sub / "up").symlink_to("..", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert _glob("in/**/*.md") == [str(Path("in/sub/a.md"))]
    assert _glob(str(tmp_path / "in" / "**" / "*.md")) == [str(sub / "a.md")]
    assert [a.id for a in read_articles(["in/**/*.md"]).articles] == ["a"]
