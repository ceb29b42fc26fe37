"""geo.clean and geojson_lines.read_columns: a file's Arrow columns, and whether they are clean.

Clean columns must be those the normalizer keeps as they are: for every file the check
passes, normalize_events_report reports no problem and keeps every value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from geo.clean import needs_normalizing
from geo.formats import geojson_lines
from geo.formats.readwrite import read_events_report, write_events
from geo.frame import events_frame

RECORDS: list[dict[str, Any]] = [
    {"event_id": "e1", "kind": "strike", "date": "2024-01-05", "date_min": "2024-01-04",
     "lat": 33.3, "lon": 44.4, "fatalities": 2, "sources": ["a", "b"], "extent_km": 0.0,
     "source_info": [{"id": "a", "outlet": "O", "headline": "H", "url": "u", "published": "p"}],
     "reasons": ["r"], "quote": "<b>q</b>", "geo_precision": "facility"},
    {"event_id": "e2", "kind": "attack", "lat": -33.9, "lon": 151.2, "injured": 0,
     "place": "Sydney", "mentions": 3},
]  # fmt: skip


def _file(tmp_path: Path, change: dict[str, Any] | None = None, *, feature: Any = None) -> Path:
    """The events of RECORDS, with ``change`` made to every feature's properties (but an
    ``event_id``, given to the first only) or the first feature replaced by ``feature``."""
    path = write_events(events_frame(RECORDS), tmp_path / "events.geojson")
    if change is None and feature is None:
        return path
    lines = path.read_text(encoding="utf-8").splitlines()
    for i in (1, 2) if feature is None else (1,):
        value = json.loads(lines[i].rstrip(","))
        if feature is not None:
            value = feature
        elif "event_id" in (change or {}):
            value["id"] = value["properties"]["event_id"] = change["event_id"]
            if i == 2:
                continue
        else:
            value["properties"] |= change or {}
        lines[i] = json.dumps(value) + ("," if i == 1 else "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_columns_are_those_of_the_frame_reader(tmp_path) -> None:
    path = _file(tmp_path)
    columns, xy = geojson_lines.read_columns(path)
    frame = geojson_lines.read(path)
    assert set(columns) == set(frame.columns) - {"geometry"}
    for name, column in columns.items():
        theirs = [None if v != v else v for v in pa.array(frame[name].array).to_pylist()]
        assert column.to_pylist() == theirs, name  # NaN of a float column is a null
    assert xy.tolist() == [[p.x, p.y] for p in frame.geometry]
    assert needs_normalizing(columns, xy[:, 0], xy[:, 1]) is None
    _, problems = read_events_report(path)
    assert problems == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"kind": "raid"}, "kind: not every value is one of strike, attack"),
        ({"kind": None}, "kind: missing"),
        ({"fatalities": -1}, "fatalities: a negative count"),
        ({"fatalities": 1.5}, "fatalities: not every value is a whole number"),
        ({"fatalities": "3"}, "fatalities: values of type string"),
        ({"extent_km": "far"}, "extent_km: values of type string"),
        ({"date": "2024-02-30"}, "date: not every value is an ISO day"),
        ({"date": "0000-01-01"}, "date: not every value is an ISO day"),
        ({"date_min": "5 May 2024"}, "date_min: not every value is an ISO day"),
        ({"sources": '["a"]'}, "sources: values of type string"),
        ({"quote": 7}, "quote: values of type int64"),
        ({"event_id": "e2"}, "event_id: a value on two rows"),
    ],
)
def test_what_the_normalizer_would_change_or_drop_is_named(tmp_path, change, reason) -> None:
    path = _file(tmp_path, change)
    found = geojson_lines.read_columns(path)
    assert found is not None
    columns, xy = found
    assert needs_normalizing(columns, xy[:, 0], xy[:, 1]) == reason


def test_points_out_of_range_are_named() -> None:
    columns = {"kind": pa.array(["strike"])}
    assert needs_normalizing(columns, np.array([44.0]), np.array([91.0])) == "a point out of range"
    assert needs_normalizing(columns, np.array([181.0]), np.array([0.0])) == "a point out of range"
    assert needs_normalizing({}, np.array([1.0]), np.array([1.0])) == "kind: missing"


def test_blank_and_padded_dates_and_null_columns_are_clean(tmp_path) -> None:
    path = _file(tmp_path, {"date": " 2024-01-05 ", "date_max": "", "admin1": None})
    columns, xy = geojson_lines.read_columns(path)
    assert needs_normalizing(columns, xy[:, 0], xy[:, 1]) is None
    assert read_events_report(path)[1] == []


@pytest.mark.parametrize(
    "feature",
    [
        {"type": "Feature", "geometry": None, "properties": {"kind": "strike"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]},
         "properties": {"kind": "strike"}},
        {"type": "Point", "coordinates": [1, 2]},
        {"type": "Feature", "id": "other", "geometry": {"type": "Point", "coordinates": [1, 2]},
         "properties": {"event_id": "e9", "kind": "strike"}},
    ],
)  # fmt: skip
def test_features_that_need_gdal_s_care_give_no_columns(tmp_path, feature) -> None:
    assert geojson_lines.read_columns(_file(tmp_path, feature=feature)) is None


def test_files_in_another_layout_give_no_columns(tmp_path) -> None:
    path = tmp_path / "e.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8")
    assert geojson_lines.read_columns(path) is None


@pytest.mark.parametrize(("window", "windows"), [(2500, 20), (9000, 5), (1 << 24, 1)])
def test_columns_are_the_same_whatever_the_window(tmp_path, monkeypatch, window, windows) -> None:
    records = [
        dict(RECORDS[i % 2], event_id=f"e{i}", quote="x" * (i * 37 % 500)) for i in range(60)
    ]
    path = write_events(events_frame(records), tmp_path / "events.geojson")
    whole = geojson_lines.read_columns(path)
    monkeypatch.setattr(geojson_lines, "WINDOW", window)
    cut = geojson_lines.read_columns(path)
    assert whole is not None and cut is not None
    assert sum(1 for _ in geojson_lines._windows(path)) >= windows
    assert {k: v.to_pylist() for k, v in cut[0].items()} == {
        k: v.to_pylist() for k, v in whole[0].items()
    }
    assert cut[1].tolist() == whole[1].tolist()


def test_feature_ids_stand_for_missing_event_ids_only() -> None:
    ids = pa.chunked_array([["x1", None]])
    same = geojson_lines._feature_ids({"id": ids, "event_id": pa.chunked_array([["x1", "x2"]])})
    assert same is not None and list(same) == ["event_id"]
    assert geojson_lines._feature_ids({"id": ids})["event_id"] is ids
    assert (
        geojson_lines._feature_ids({"id": ids, "event_id": pa.chunked_array([["x9", "x2"]])})
        is None
    )
    assert geojson_lines._feature_ids({"id": ids, "event_id": pa.chunked_array([[1, 2]])}) is None


def test_a_lone_surrogate_leaves_the_file_to_the_frame_reader(tmp_path) -> None:
    path = _file(tmp_path)
    text = path.read_text(encoding="utf-8").replace('"quote": "<b>q</b>"', '"quote": "a\\ud800"')
    path.write_text(text, encoding="utf-8")
    assert "\\ud800" in path.read_text(encoding="utf-8")
    assert geojson_lines.read_columns(path) is None


@pytest.mark.parametrize(
    "day", ["2024-1-05", "20240105", "2024-01-05T10:00", "+2024-01-05", "2024/01/05", "12024-01-05"]
)
def test_dates_in_other_forms_are_left_to_the_normalizer(tmp_path, day) -> None:
    path = _file(tmp_path, {"date": day})
    columns, xy = geojson_lines.read_columns(path)
    assert needs_normalizing(columns, xy[:, 0], xy[:, 1]) == "date: not every value is an ISO day"
