"""``strikemap map``: parser options, reading inputs, writing the page, one-line errors.

``maps/cli/__init__.py`` wires :func:`maps.cli.map_cmd.register` in; these tests
build their own parser, and fake :func:`geo.formats.readwrite.read_events` except in the
last test, which reads a real GeoJSON file.
"""

from __future__ import annotations

import argparse
import re
import sys
import types
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from maps.cli import map_cmd
from maps.cli.common import CommandError
from tests.maps.pagedata import read_page

pytestmark = pytest.mark.cli


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="strikemap")
    sub = parser.add_subparsers(dest="command", required=True)
    map_cmd.register(sub)
    return parser.parse_args(["map", *argv])


@pytest.fixture
def fake_reader(monkeypatch, sample) -> list[Path]:
    """Replace geo.formats.readwrite.read_events: returns the sample, records paths."""
    seen: list[Path] = []

    def read_events(path: Path) -> Any:
        seen.append(Path(path))
        if "bad" in Path(path).name:
            from geo.errors import EventsFileError

            raise EventsFileError(f"{path}: row 3: latitude 200 is out of range")
        return sample.copy()

    from geo.formats.readwrite import is_parts_folder

    module = types.ModuleType("geo.formats.readwrite")
    module.read_events = read_events  # type: ignore[attr-defined]
    module.is_parts_folder = is_parts_folder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "geo.formats.readwrite", module)
    return seen


def _payload(path: Path) -> dict[str, Any]:
    page = read_page(path.read_text(encoding="utf-8"))
    result: dict[str, Any] = page["header"] | page["columns"]
    return result


def test_defaults() -> None:
    args = parse("events.geojson")
    assert args.inputs == ["events.geojson"] and args.output == Path("map.html")
    assert args.inline and not args.by_actor and args.title is None and not args.no_tiles
    assert not args.responses and args.display == "auto"


def test_writes_the_map(tmp_path, fake_reader, capsys) -> None:
    (tmp_path / "a.geojson").write_text("{}", encoding="utf-8")
    out = tmp_path / "out" / "m.html"
    args = parse(str(tmp_path / "a.geojson"), "-o", str(out), "--title", "T", "--by-actor")
    assert args.run(args) == 0
    data = _payload(out)
    assert data["n"] == 6 and data["options"] == {
        "title": "T", "by_actor": True, "heatmap": False, "uncertainty": True, "cluster_px": 50,
        "view": "auto",
    }  # fmt: skip
    assert re.fullmatch(r".*m\.html: 6 events, \d+\.\d MB\n", capsys.readouterr().out)


def test_responses_computes_and_draws_the_links(tmp_path, fake_reader, capsys) -> None:
    (tmp_path / "a.geojson").write_text("{}", encoding="utf-8")
    plain, linked = tmp_path / "plain.html", tmp_path / "linked.html"
    args = parse(str(tmp_path / "a.geojson"), "-o", str(plain))
    assert args.run(args) == 0
    assert _payload(plain)["links"]["count"] == 0
    args = parse(str(tmp_path / "a.geojson"), "-o", str(linked), "--responses")
    assert args.run(args) == 0
    data = _payload(linked)
    ends = zip(data["links.a"], data["links.b"], strict=True)
    drawn = [(data["id"][a], data["id"][b]) for a, b in ends]
    assert drawn == [("s1", "a1")]  # the strike at al-Qaim 5 days after the Tower 22 attack
    assert re.search(r"linked\.html: 6 events, 1 response link, ", capsys.readouterr().out)


def test_several_inputs_keep_each_event_once(tmp_path, fake_reader) -> None:
    for name in ("a.geojson", "b.geojson"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    out = tmp_path / "m.html"
    args = parse(str(tmp_path / "a.geojson"), str(tmp_path / "b.geojson"), "-o", str(out))
    assert args.run(args) == 0
    assert len(fake_reader) == 2 and _payload(out)["n"] == 6


def test_no_inline_and_no_tiles(tmp_path, fake_reader) -> None:
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    out = tmp_path / "m.html"
    args = parse(str(tmp_path / "a.csv"), "-o", str(out), "--no-inline", "--no-tiles",
                 "--display", "hexbins")  # fmt: skip
    assert args.run(args) == 0
    assert _payload(out)["options"]["view"] == "hexbins"
    text = out.read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net/npm/leaflet@" in text and "tile.openstreetmap.org" not in text


def test_errors_are_one_line_command_errors(tmp_path, fake_reader) -> None:
    with pytest.raises(CommandError, match=r"missing\.geojson: no such file"):
        args = parse(str(tmp_path / "missing.geojson"))
        args.run(args)
    (tmp_path / "bad.csv").write_text("x", encoding="utf-8")
    args = parse(str(tmp_path / "bad.csv"), "-o", str(tmp_path / "m.html"))
    with pytest.raises(CommandError, match="latitude 200 is out of range"):
        args.run(args)
    assert not (tmp_path / "m.html").exists()


def test_reads_a_real_events_file(tmp_path, sample_records) -> None:
    export = pytest.importorskip("geo.formats.readwrite")
    frame = pytest.importorskip("geo.frame")
    records = [{k: v for k, v in r.items() if v is not None} for r in sample_records]
    path = export.write_events(frame.events_frame(records), tmp_path / "events.geojson")
    out = tmp_path / "m.html"
    args = parse(str(path), "-o", str(out))
    assert args.run(args) == 0
    data = _payload(out)
    assert data["n"] == 6 and sorted(data["id"]) == sorted(r["event_id"] for r in records)
    assert pd.notna(data["date"][0])
