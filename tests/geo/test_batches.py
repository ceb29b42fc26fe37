"""Tests for geo.formats.batches: conversion a batch at a time equals the whole conversion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geo.errors import EventsFileError
from geo.formats import geojson_lines
from geo.formats.batches import convert_events
from geo.formats.readwrite import read_events, read_events_report, write_events
from geo.frame import events_frame
from geo.schema import LIST_COLUMNS


def _records(n: int) -> list[dict[str, Any]]:
    return [
        {
            "event_id": f"e{i:03d}",
            "kind": "strike" if i % 2 else "attack",
            "date": f"2024-01-{i % 28 + 1:02d}",
            "fatalities": i % 4,
            "sources": [f"a{i}"],
            "source_info": [{"id": f"a{i}", "outlet": "Wire", "url": f"https://e.org/{i}"}],
            "reasons": ["trigger: struck"],
            "lat": 30 + i / 100,
            "lon": 40 + i / 100,
        }
        for i in range(n)
    ]


def _table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """Values to compare: Arrow list columns as Python lists, coordinates as columns."""
    table = pd.DataFrame(frame.drop(columns="geometry"))
    for name in LIST_COLUMNS:
        cells = np.empty(len(table), dtype=object)
        cells[:] = table[name].tolist()
        table[name] = cells
    table["x"], table["y"] = frame.geometry.x.round(6), frame.geometry.y.round(6)
    return table


def _feature(i: int, **change: Any) -> dict[str, Any]:
    props = {"event_id": f"e{i}", "kind": "strike", "fatalities": 1, **change}
    point = {"type": "Point", "coordinates": [40 + i / 10, 30.0]}
    return {"type": "Feature", "geometry": point, "properties": props}


def _geojson(path: Path, features: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


@pytest.mark.parametrize(
    ("src", "dst"),
    [(".geojson", ".gpkg"), (".geojson", ".parquet"), (".gpkg", ".parquet"), (".parquet", ".gpkg")],
)
def test_batches_give_the_whole_conversion(tmp_path: Path, src: str, dst: str) -> None:
    source = write_events(events_frame(_records(23)), tmp_path / f"in{src}")
    done = convert_events(source, tmp_path / f"out{dst}", batch_size=5)
    whole = write_events(read_events(source), tmp_path / f"whole{dst}")
    assert (done.rows, done.written, done.problems) == (23, 23, [])
    assert done.batches == 5 if src != ".geojson" else done.batches > 1  # GeoJSON: by bytes
    pd.testing.assert_frame_equal(
        _table(read_events(tmp_path / f"out{dst}")), _table(read_events(whole))
    )


def test_bad_rows_across_batches_read_as_in_one_frame(tmp_path: Path) -> None:
    features = [_feature(i) for i in range(12)]
    features[2] = _feature(2, kind="raid")
    features[7] = _feature(7, event_id="e1")  # e1 was in the first batch
    features[9] = _feature(9, event_id="e2", fatalities=-1)  # repeated, but negative first
    features[10] = _feature(10, event_id="e2")  # e2's row was bad: still seen, as in one frame
    source = _geojson(tmp_path / "in.geojson", features)
    _, whole = read_events_report(source)
    assert len(whole) == 4 and "row 8: event_id 'e1' is not unique" in whole[1]
    with pytest.raises(EventsFileError) as err:
        convert_events(source, tmp_path / "out.parquet", batch_size=4)
    assert str(err.value) == f"{whole[0]} (and 3 more bad rows)"
    assert not (tmp_path / "out.parquet").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.geojson"]  # no temporary file left
    done = convert_events(source, tmp_path / "out.parquet", batch_size=4, skip_bad=True)
    assert done.batches == 3 and done.problems == whole
    assert done.row_ids == {3: "e2", 8: "e1", 10: "e2", 11: "e2"}
    assert read_events(tmp_path / "out.parquet")["event_id"].tolist() == [
        f"e{i}" for i in (0, 1, 3, 4, 5, 6, 8, 11)
    ]


def test_a_file_the_batches_cannot_take_is_converted_whole(tmp_path: Path) -> None:
    features = [_feature(i) for i in range(6)]
    features[4]["geometry"] = None  # GDAL reads it without a geometry: the json reader names it
    source = _geojson(tmp_path / "in.geojson", features)
    done = convert_events(source, tmp_path / "out.gpkg", batch_size=2, skip_bad=True)
    assert done.batches == 1 and done.written == 5
    assert done.problems == [f"{source} row 5: missing or empty geometry"]


def test_list_types_unlike_the_first_batch_are_converted_whole(tmp_path: Path) -> None:
    records = _records(8)
    for rec in records[4:]:  # records with other keys: that batch keeps them as JSON text
        rec["source_info"] = [{"id": rec["sources"][0]}, {"id": "x", "outlet": "Other"}]
    source = write_events(events_frame(records), tmp_path / "in.gpkg")
    done = convert_events(source, tmp_path / "out.parquet", batch_size=4)
    assert done.batches == 1 and done.written == 8
    back = read_events(tmp_path / "out.parquet").set_index("event_id")
    assert back.loc["e007", "source_info"] == records[7]["source_info"]
    assert back.loc["e000", "source_info"] == records[0]["source_info"]


def test_geojson_of_one_feature_a_line_reads_as_gdal_reads_it(tmp_path: Path) -> None:
    records = _records(40)
    records[3]["source_info"] = [{"id": "a3"}, {"id": "b", "outlet": "Other"}]  # keys differ
    path = write_events(events_frame(records[:3]), tmp_path / "plain.geojson")
    raw = geojson_lines.read(path)
    assert raw is not None and str(raw.loc[0, "date"]) == "2024-01-01"
    assert raw.loc[0, "source_info"] == records[0]["source_info"]
    for block in (1 << 10, 1 << 20):  # line-end commas cut from their lines by a block end
        frames = geojson_lines.frames(path, block=block)
        assert frames is not None
        assert pd.concat(list(frames))["event_id"].tolist() == ["e000", "e001", "e002"]
    many = write_events(events_frame([r for r in records]), tmp_path / "m.geojson")
    assert geojson_lines.read(many) is None  # records with other keys: GDAL reads the file
    pd.testing.assert_frame_equal(
        _table(read_events(many)), _table(read_events(many, driver="GeoJSON"))
    )


@pytest.mark.parametrize(
    "change",
    [
        {"properties": {"event_id": "e0", "kind": "strike", "about": {"a": 1}}},  # an object
        {"geometry": {"type": "LineString", "coordinates": [[40, 30], [41, 31]]}},
        {"geometry": {"type": "Point", "coordinates": [40, 30, 5]}},
        {"properties": None},
        {"id": 7},
    ],
)
def test_features_the_line_reader_leaves_to_gdal(tmp_path: Path, change: dict[str, Any]) -> None:
    path = write_events(events_frame(_records(3)), tmp_path / "e.geojson")
    lines = path.read_text("utf-8").split("\n")
    feature = json.loads(lines[1].rstrip(","))
    lines[1] = json.dumps({**feature, **change}) + ","
    path.write_text("\n".join(lines), "utf-8")
    assert geojson_lines.read(path) is None
    frame, problems = read_events_report(path)
    assert len(frame) + len(problems) == 3


def test_a_file_in_another_layout_is_not_read_by_lines(tmp_path: Path) -> None:
    path = write_events(events_frame(_records(3)), tmp_path / "e.geojson")
    pretty = tmp_path / "pretty.geojson"
    pretty.write_text(json.dumps(json.loads(path.read_text("utf-8")), indent=1), "utf-8")
    assert geojson_lines.frames(pretty) is None
    pd.testing.assert_frame_equal(_table(read_events(pretty)), _table(read_events(path)))


def test_reads_allocate_with_jemalloc_unless_the_user_chose_a_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    import pyarrow as pa

    from geo.formats.columnar import arrow_pool

    if sys.platform != "linux":
        pytest.skip("jemalloc is chosen on Linux only")
    before = pa.default_memory_pool().backend_name
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    with arrow_pool():
        inside = pa.default_memory_pool().backend_name
    assert (inside, pa.default_memory_pool().backend_name) == ("jemalloc", before)
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    with arrow_pool():
        assert pa.default_memory_pool().backend_name == before
