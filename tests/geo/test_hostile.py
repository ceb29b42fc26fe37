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


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "'=1"]


@pytest.mark.parametrize("suffix", [".csv", ".acled.csv", ".ucdp.csv"])
def test_csv_exports_neutralise_formulas(tmp_path: Path, suffix: str) -> None:
    import csv

    from geo.formats.readwrite import write_events
    from geo.frame import events_frame

    records = [
        {
            "event_id": f"e{n}",
            "kind": "strike",
            "date": "2024-01-05",
            "date_precision": "day",
            "place": "Erbil",
            "place_resolved": "Erbil",
            "country": "IQ",
            "actor": formula,
            "target": formula,
            "quote": formula,
            "lat": 36.19,
            "lon": -44.0,  # a negative number stays a number
        }
        for n, formula in enumerate(FORMULAS)
    ]
    out = tmp_path / f"events{suffix}"
    write_events(events_frame(records), out)
    with open(out, encoding="utf-8", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert "-44.0" in cells or "-44" in cells
    running = [c for c in cells if c and (c[0] in "=+@" or (c[0] == "-" and not c[1:2].isdigit()))]
    assert running == []
    assert any(c == "'" + FORMULAS[0] for c in cells)
    back = read_events(out)
    if suffix == ".csv":  # lossless: the text comes back as it was
        assert list(back["actor"]) == FORMULAS and list(back["quote"]) == FORMULAS


def test_invisible_characters_in_an_article_lose_nothing(tmp_path: Path) -> None:
    from geo.extract.pipeline import extract_events

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "On 3 May 2022, \u202eKataib Hezbollah fighters fired rockets at Kirkuk, killing two.\n"
    )
    (folder / "b.txt").write_text("On 4 May 2022, rockets hit Mo\u200bsul,\u2009killing two.\n")
    read = read_articles([str(folder)])
    assert all("\u202e" not in a.text and "\u200b" not in a.text for a in read.articles)
    frame = extract_events([str(folder)]).sort_values("date")
    assert list(frame["place_resolved"]) == ["Kirkuk", "Mosul"]
    assert frame["actor"].iloc[0] == "Kataib Hezbollah"
    quote = str(frame["quote"].iloc[1])
    assert "Mosul, killing two" in quote  # quotes are of the normalised text
