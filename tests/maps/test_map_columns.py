"""``strikemap map`` of a clean one-line GeoJSON file, drawn from its Arrow columns.

The page must be the one the frame path (read_events, render_map, save_map) writes, element
ids aside; a file with anything to convert, drop or report must take the frame path, with its
warnings and one-line errors.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from geo.formats.readwrite import EXTENSIONS, write_events
from geo.frame import events_frame
from maps.cli import main, map_cmd

pytestmark = pytest.mark.cli

_IDS = re.compile(r"[0-9a-f]{32}")


def _records(sample_records: list[dict[str, Any]], hostile: dict[str, str]) -> list[dict]:
    records = [{k: v for k, v in r.items() if v is not None} for r in sample_records]
    records[0]["quote"] = f"Quote {hostile['both']} {{{{ not a template }}}} \u2028 end"
    records[1]["target"] = hostile["script"]
    return records


def _draw(path: Path, out: Path, *argv: str, frames: bool, monkeypatch: Any) -> str:
    """The page ``strikemap map`` writes, by the column path or (``frames``) the frame path."""
    with monkeypatch.context() as patch:
        if frames:
            patch.setattr(map_cmd, "_clean_columns", lambda args: None)
        else:  # the column path must be taken: no fallback to the frame path
            patch.setattr(map_cmd, "_read", lambda *a: pytest.fail("read by the frame path"))
        assert main(["map", str(path), "-o", str(out), *argv]) == 0
    return _IDS.sub("ID", out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "argv", [(), ("--title", "<b>T</b> & co", "--by-actor"), ("--no-tiles", "--no-inline")]
)
def test_the_column_path_writes_the_frame_path_s_page(
    tmp_path, sample_records, hostile, monkeypatch, argv
) -> None:
    path = write_events(events_frame(_records(sample_records, hostile)), tmp_path / "e.geojson")
    ours = _draw(path, tmp_path / "a.html", *argv, frames=False, monkeypatch=monkeypatch)
    theirs = _draw(path, tmp_path / "b.html", *argv, frames=True, monkeypatch=monkeypatch)
    assert ours == theirs
    assert hostile["img"] not in ours and hostile["script"] not in ours


def test_a_file_of_another_writer_is_read_with_its_feature_ids(tmp_path, monkeypatch) -> None:
    # one feature a line, the feature id standing for a missing event_id, sparse properties
    lines = [
        '{"type": "Feature", "id": "x1", "geometry": {"type": "Point", "coordinates": [44.4,'
        ' 33.3]}, "properties": {"kind": "strike", "fatalities": 2.0, "date": " 2024-01-05 "}}',
        '{"type": "Feature", "id": "x2", "geometry": {"type": "Point", "coordinates": [45, 34]},'
        ' "properties": {"kind": "attack", "sources": ["s1"], "reasons": []}}',
    ]
    path = tmp_path / "other.json"
    path.write_text(
        '{"type": "FeatureCollection", "features": [\n' + ",\n".join(lines) + "\n]}\n",
        encoding="utf-8",
    )
    ours = _draw(path, tmp_path / "a.html", frames=False, monkeypatch=monkeypatch)
    theirs = _draw(path, tmp_path / "b.html", frames=True, monkeypatch=monkeypatch)
    assert ours == theirs


def _one_line_file(tmp_path: Path, sample_records: list[dict], change: dict[str, Any]) -> Path:
    records = [{k: v for k, v in r.items() if v is not None} for r in sample_records]
    path = write_events(events_frame(records), tmp_path / "events.geojson")
    features = path.read_text(encoding="utf-8").splitlines()
    feature = json.loads(features[2].rstrip(","))  # the second event
    feature["properties"] |= change
    features[2] = json.dumps(feature) + ","
    path.write_text("\n".join(features) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "raid"}, "events.geojson row 2: kind 'raid' is not one of strike, attack"),
        ({"date": "2024-02-30"}, "events.geojson row 2: date '2024-02-30' is not an ISO date"),
        ({"fatalities": -3}, "events.geojson row 2: fatalities -3 is negative"),
        ({"injured": 2.5}, "events.geojson row 2: injured 2.5 is not an integer"),
        ({"event_id": "s1"}, "event_id 's1' is not unique (seen on an earlier row)"),
    ],
)
def test_bad_rows_get_the_readers_one_line_error(
    tmp_path, sample_records, capsys, change, message
) -> None:
    path = _one_line_file(tmp_path, sample_records, change)
    assert main(["map", str(path), "-o", str(tmp_path / "m.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("strikemap: error: ") and message in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "m.html").exists()


@pytest.mark.parametrize(
    "change", [{"fatalities": "3"}, {"date": "2024-01-05T10:00:00"}, {"mentions": 2.0}]
)
def test_values_to_convert_take_the_frame_path_and_draw(
    tmp_path, sample_records, monkeypatch, change
) -> None:
    path = _one_line_file(tmp_path, sample_records, change)
    ours = _draw(path, tmp_path / "a.html", frames=True, monkeypatch=monkeypatch)
    assert main(["map", str(path), "-o", str(tmp_path / "b.html")]) == 0
    assert _IDS.sub("ID", (tmp_path / "b.html").read_text(encoding="utf-8")) == ours


def test_the_column_path_loads_neither_geopandas_nor_folium_nor_the_gazetteer(
    tmp_path, sample_records
) -> None:
    records = [{k: v for k, v in r.items() if v is not None} for r in sample_records]
    path = write_events(events_frame(records), tmp_path / "events.geojson")
    code = (
        "import sys\nfrom maps.cli import main\n"
        f"assert main(['map', {str(path)!r}, '-o', {str(tmp_path / 'm.html')!r}]) == 0\n"
        "print(sorted({'geopandas', 'shapely', 'folium', 'branca', 'jinja2', 'gazetteer.core'}"
        " & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_geojson_endings_are_those_of_the_readers() -> None:
    assert set(map_cmd.GEOJSON_SUFFIXES) == {e for e, f in EXTENSIONS.items() if f == "GeoJSON"}


def test_several_inputs_and_responses_take_the_frame_path(tmp_path) -> None:
    for argv in (["a.geojson", "b.geojson"], ["a.geojson", "--responses"]):
        args = argparse.Namespace(inputs=argv[:2] if "--responses" not in argv else argv[:1],
                                  responses="--responses" in argv)  # fmt: skip
        assert map_cmd._clean_columns(args) is None
