"""Tests for geo.frame and geo.formats.readwrite: events files in every format (invented events)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow.parquet
import pyogrio
import pytest
import shapely

from geo.errors import EventsFileError, ExportError
from geo.formats import FORMATS, geojson
from geo.formats import readwrite as export
from geo.formats.readwrite import EXTENSIONS, read_events, read_events_report, write_events
from geo.frame import (
    BadRowsWarning,
    empty_events,
    events_frame,
    normalize_events,
    normalize_events_report,
)
from geo.schema import COLUMNS, INT_COLUMNS, LIST_COLUMNS
from tests.geo.rfc7946 import load_strict, rfc7946_problems

QUOTE = """He said "<script>alert('x')</script>" & left — 'quoted' \\ too."""
#: Extensions of the formats that read back to the same events (ACLED and UCDP: test_acled/ucdp).
EXTS = sorted(e for e, name in EXTENSIONS.items() if FORMATS[name].lossless)
ALL_EXTS = sorted(EXTENSIONS)
RECORDS: list[dict[str, Any]] = [
    {
        "event_id": "e1",
        "kind": "strike",
        "weapon": "drone",
        "date": "2024-01-05",
        "date_precision": "day",
        "place": "Irbil — أربيل",
        "place_resolved": "Erbil",
        "place_id": "geonames:95446",
        "geo_precision": "town",
        "extent_km": 0.0,
        "country": "IQ",
        "fatalities": 2,
        "sources": ["a1", "a2"],
        "source_info": [
            {"id": "a1", "outlet": "Rudaw", "headline": 'Drone hits "Irbil" <b>', "url": "x"},
            {"id": "a2", "outlet": "الجزيرة", "headline": "", "url": None},
        ],
        "quote": QUOTE,
        "quote_source": "a1",
        "quote_start": 10,
        "quote_end": 70,
        "reasons": ["trigger: struck", "date: published"],
        "mentions": 3,
        "lat": 36.19111,
        "lon": 44.00917,
    },
    {
        "event_id": "e2",
        "kind": "attack",
        "weapon": "",
        "date": "2024-01-05",
        "date_precision": "month",
        "date_min": "2024-01-01",
        "date_max": "2024-01-31",
        "injured": 0,
        "extent_km": 25.5,
        "country": "SY",
        "lat": 35.0,
        "lon": 40.5,
    },
    {
        "event_id": "e3",
        "kind": "strike",
        "date": "2023-12-31",
        "geo_precision": "sea",
        "country": "",
        "fatalities": 0,
        "lat": -14.123456789,
        "lon": -42.987654321,
    },
    {"event_id": "e4", "kind": "attack", "lat": 0.0, "lon": 0.0, "mentions": 1},
]


def _files(path: Path) -> list[str]:
    """The files write_events leaves: the events file, and a .csvt beside a plain CSV."""
    return sorted([path.name, *([f"{path.stem}.csvt"] if path.suffixes == [".csv"] else [])])


@pytest.fixture
def events() -> gpd.GeoDataFrame:
    return events_frame(RECORDS)


def _expected(events: gpd.GeoDataFrame, ext: str) -> pd.DataFrame:
    """What a file read back should hold (CSV reads empty text cells as '')."""
    table = pd.DataFrame(events.drop(columns="geometry"))
    if ext == ".csv":
        for name in COLUMNS:
            if table[name].dtype != object and name not in INT_COLUMNS | {"extent_km"}:
                table[name] = table[name].fillna("")
        for name in ("date", "date_min", "date_max"):
            table[name] = table[name].replace("", np.nan)
    return table


def _python_lists(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """The frame without geometry, Arrow list columns (a columnar reader's) as Python lists."""
    table = pd.DataFrame(frame.drop(columns="geometry"))
    for name in LIST_COLUMNS:
        if isinstance(table[name].dtype, pd.ArrowDtype):
            cells = np.empty(len(table), dtype=object)
            cells[:] = table[name].tolist()
            table[name] = cells
    return table


def _assert_same(back: gpd.GeoDataFrame, events: gpd.GeoDataFrame, ext: str) -> None:
    pd.testing.assert_frame_equal(_python_lists(back), _expected(events, ext))
    assert back.crs.to_epsg() == 4326
    got = shapely.get_coordinates(back.geometry.to_numpy())
    want = shapely.get_coordinates(events.geometry.to_numpy())
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-6)


def test_events_frame(events: gpd.GeoDataFrame) -> None:
    assert list(events.columns) == [*COLUMNS, "geometry"]
    assert list(events["event_id"]) == ["e3", "e1", "e2", "e4"]  # by date, undated last
    assert events.loc[1, "sources"] == ["a1", "a2"] and events.loc[0, "sources"] == []
    assert str(events["injured"].dtype) == "Int64" and events["injured"].isna().sum() == 3
    assert pd.isna(events.loc[2, "admin1"]) and events.loc[2, "weapon"] == ""
    assert events.dtypes.equals(empty_events().dtypes)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "raid"}, "event 'e1': kind 'raid' is not one of strike, attack"),
        ({"lat": 200.0}, "event 'e1': latitude 200.0 is out of range [-90, 90]"),
        ({"lon": -181}, "event 'e1': longitude -181 is out of range [-180, 180]"),
        ({"lat": None}, "event 'e1': latitude ('lat') None is not a number"),
        ({"fatality": 1}, "event 'e1': unknown key(s) fatality"),
        ({"fatalities": "many"}, "event 'e1': fatalities 'many' is not an integer"),
    ],
)
def test_events_frame_rejects(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as err:
        events_frame([{**RECORDS[0], **change}])
    assert str(err.value) == message


@pytest.mark.parametrize("ext", EXTS)
def test_round_trip_read_events(events: gpd.GeoDataFrame, tmp_path: Path, ext: str) -> None:
    path = write_events(events, tmp_path / "sub" / f"events{ext}")
    assert path == tmp_path / "sub" / f"events{ext}"
    assert sorted(p.name for p in path.parent.iterdir()) == _files(path)
    _assert_same(read_events(path), events, ext)
    if "parquet" in ext:
        assert b"geo" in pyarrow.parquet.read_metadata(path).metadata  # GeoParquet metadata
    if ext == ".gpkg":
        assert [str(name) for name, _ in pyogrio.list_layers(path)] == ["events"]


def _read_with_gdal(path: Path) -> gpd.GeoDataFrame:
    if path.suffix != ".csv":
        return pyogrio.read_dataframe(path)
    raw = pyogrio.read_dataframe(path, X_POSSIBLE_NAMES="lon", Y_POSSIBLE_NAMES="lat")
    return raw.set_crs(4326).drop(columns=["lat", "lon", "wkt"], errors="ignore")


@pytest.mark.parametrize("ext", [e for e in EXTS if "parquet" not in e and e != ".kml"])
def test_round_trip_gdal(events: gpd.GeoDataFrame, tmp_path: Path, ext: str) -> None:
    """What QGIS sees (pyogrio wheels have no Parquet driver, so not GeoParquet)."""
    path = write_events(events, tmp_path / f"events{ext}")
    raw = _read_with_gdal(path)
    assert list(raw["event_id"]) == list(events["event_id"])
    assert list(raw["place"])[1] == "Irbil — أربيل" and list(raw["quote"])[1] == QUOTE
    mentions = [str(v).removesuffix(".0") for v in raw["mentions"]]
    assert mentions[1] == "3" and mentions[2] in ("", "nan") and mentions[3] == "1"
    assert str(raw["date"][1]).startswith("2024-01-05")  # GDAL types ISO dates in GeoJSON
    raw = raw.drop(columns=["id"], errors="ignore")  # GDAL's view of the GeoJSON feature id
    _assert_same(normalize_events(raw), events, ext)


def test_geojson_is_rfc7946(events: gpd.GeoDataFrame, tmp_path: Path) -> None:
    path = write_events(events, tmp_path / "events.geojson")
    text = path.read_bytes().decode("utf-8")
    assert "أربيل" in text and "\\u" not in text
    data = load_strict(text)
    assert rfc7946_problems(data) == []
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len(data["features"]) == 4
    for feature, (_, row) in zip(data["features"], events.iterrows(), strict=True):
        assert feature["type"] == "Feature" and feature["id"] == row["event_id"]
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (round(row.geometry.x, 6), round(row.geometry.y, 6))
        props = feature["properties"]
        assert list(props) == list(COLUMNS)
        for name in INT_COLUMNS:
            assert props[name] is None or type(props[name]) is int, name
        for name in LIST_COLUMNS:
            assert isinstance(props[name], list), name
        assert props["extent_km"] is None or isinstance(props["extent_km"], float)
    first, second = data["features"][1], data["features"][2]
    assert first["geometry"]["coordinates"] == [44.00917, 36.19111]
    assert data["features"][0]["geometry"]["coordinates"] == [-42.987654, -14.123457]
    assert first["properties"]["source_info"][1] == RECORDS[0]["source_info"][1]
    assert first["properties"]["quote"] == QUOTE and first["properties"]["injured"] is None
    assert second["properties"]["admin1"] is None and second["properties"]["weapon"] == ""
    assert second["properties"]["date_min"] == "2024-01-01"


@pytest.mark.parametrize("ext", ALL_EXTS)
def test_empty_round_trip(tmp_path: Path, ext: str) -> None:
    back = read_events(write_events(empty_events(), tmp_path / f"empty{ext}"))
    assert len(back) == 0 and list(back.columns) == [*COLUMNS, "geometry"]
    assert back.dtypes.equals(empty_events().dtypes) and back.crs.to_epsg() == 4326


def _fail_after_partial_write(path: Any, *args: Any, **kwargs: Any) -> None:
    Path(path).write_bytes(b"partial")
    raise RuntimeError("disk full\nsecond line")


def _patch_serializer(monkeypatch: pytest.MonkeyPatch, ext: str) -> None:
    if ext in (".geojson", ".json"):
        real = geojson.feature_json
        calls: list[int] = []

        def flaky(*args: Any) -> str:
            calls.append(1)
            if len(calls) > 1:
                raise RuntimeError("disk full\nsecond line")
            return real(*args)

        monkeypatch.setattr(geojson, "feature_json", flaky)
    elif ext == ".gpkg":
        monkeypatch.setattr(
            pyogrio, "write_dataframe", lambda df, p, **kw: _fail_after_partial_write(p)
        )
    elif ext.endswith(".csv"):
        monkeypatch.setattr(
            pd.DataFrame, "to_csv", lambda self, p, **kw: _fail_after_partial_write(p)
        )
    elif ext == ".kml":
        monkeypatch.setattr(
            ElementTree.ElementTree, "write", lambda self, p, **kw: _fail_after_partial_write(p)
        )
    else:
        monkeypatch.setattr(
            pyarrow.parquet.ParquetWriter,
            "write_table",
            lambda self, table, **kw: _fail_after_partial_write(self.where),
        )


@pytest.mark.parametrize("ext", ALL_EXTS)
def test_failed_write_keeps_previous_file(
    events: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    path = write_events(events.iloc[:1], tmp_path / f"events{ext}")
    before = path.read_bytes()
    _patch_serializer(monkeypatch, ext)
    with pytest.raises(ExportError) as err:
        write_events(events.iloc[:3], path)  # the dated ones: ACLED and UCDP need a date
    assert str(err.value) == f"{path}: disk full"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == _files(path)  # no temp file left
    monkeypatch.undo()
    assert len(read_events(path)) == 1


def test_write_errors(events: gpd.GeoDataFrame, tmp_path: Path) -> None:
    with pytest.raises(
        ExportError, match=r"events\.shp: unknown extension '\.shp'; supported: \.geojson"
    ):
        write_events(events, tmp_path / "events.shp")
    with pytest.raises(
        ExportError, match="unknown driver 'SHP'; supported: ACLED, CSV, GPKG, GeoJSON, GeoP"
    ):
        write_events(events, tmp_path / "events.geojson", driver="SHP")
    with pytest.raises(ExportError, match=r"events\.acled\.csv: row 4 \(event 'e4'\): no date"):
        write_events(events, tmp_path / "events.acled.csv")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match=r"^.*file/events\.csv: "):
        write_events(events, tmp_path / "file" / "events.csv")
    bad = events.copy()
    bad.loc[2, "geometry"] = None
    with pytest.raises(ExportError, match=r"events\.csv: row 3: missing or empty geometry$"):
        write_events(bad, tmp_path / "events.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_csvt_types_the_csv_for_gdal(events: gpd.GeoDataFrame, tmp_path: Path) -> None:
    path = write_events(events, tmp_path / "events.csv")
    types = (tmp_path / "events.csvt").read_text("utf-8").strip().split(",")
    header = path.read_text("utf-8").splitlines()[0].split(",")
    assert len(types) == len(header)
    typed = dict(zip(header, types, strict=True))
    assert typed["date"] == '"Date"' and typed["fatalities"] == '"Integer64"'
    assert typed["extent_km"] == typed["lat"] == '"Real"' and typed["quote"] == '"String"'
    info = pyogrio.read_info(path)
    gdal = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert gdal["date"] == "datetime64[D]" and gdal["mentions"] == "int64"


def test_driver_overrides_extension(events: gpd.GeoDataFrame, tmp_path: Path) -> None:
    path = write_events(events, tmp_path / "events.txt", driver="geojson")
    assert json.loads(path.read_text("utf-8"))["type"] == "FeatureCollection"
    _assert_same(read_events(path, driver="GeoJSON"), events, ".geojson")
    with pytest.raises(EventsFileError, match=r"events\.txt: unknown extension '\.txt'"):
        read_events(path)


def _csv(tmp_path: Path, rows: list[str], header: str = "event_id,kind,date,lat,lon") -> Path:
    path = tmp_path / "events.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_bad_csv(tmp_path: Path) -> None:
    path = _csv(tmp_path, ["e1,strike,2024-01-01"], header="event_id,kind,date")
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value) == f"{path}: missing column(s) lat, lon (or wkt)"
    rows = [f"e{i},strike,2024-01-0{i},33.{i},44.{i}" for i in range(1, 9)]
    rows[6] = "e7,strike,2024-01-07,200,44"
    path = _csv(tmp_path, rows)
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value) == f"{path} row 7: latitude 200 is out of range"
    with pytest.warns(BadRowsWarning, match=r"skipped 1 bad row\(s\): .*row 7: latitude 200"):
        gdf = read_events(path, skip_bad=True)
    assert list(gdf["event_id"]) == ["e1", "e2", "e3", "e4", "e5", "e6", "e8"]


def test_bad_csv_rows_reported_in_order(tmp_path: Path) -> None:
    rows = ["e1,strike,2024-01-01,33,44", "e2,strike,someday,33,44", "e3,strike,,abc,44"]
    rows += ["e4,strike,,,", "e5,raid,,1,2", "e6,attack,,1,181"]
    path = _csv(tmp_path, rows)
    gdf, problems = read_events_report(path)
    assert list(gdf["event_id"]) == ["e1"]
    assert [p.removeprefix(f"{path} ") for p in problems] == [
        "row 2: date 'someday' is not an ISO date (YYYY-MM-DD)",
        "row 3: latitude 'abc' is not a number",
        "row 4: no latitude",
        "row 5: kind 'raid' is not one of strike, attack",
        "row 6: longitude 181 is out of range",
    ]
    with pytest.raises(EventsFileError, match=r"row 2: date .* \(and 4 more bad rows\)$"):
        read_events(path)


def test_csv_with_wkt_only(tmp_path: Path) -> None:
    path = _csv(tmp_path, ['e1,attack,"POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"'], "event_id,kind,wkt")
    gdf = read_events(path)
    assert gdf.geometry[0].equals(shapely.Point(1, 1))
    assert gdf.loc[0, "reasons"] == ["geometry: Polygon reduced to a representative point"]


def test_bad_geojson(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    path.write_text('{\n  "type": "FeatureCollection",\n    "features": [}\n', encoding="utf-8")
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value) == f"{path}: not valid JSON (line 3, column 18)"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(EventsFileError, match=r"not a GeoJSON FeatureCollection$"):
        read_events(path)
    point = {"type": "Point", "coordinates": [1, 2]}
    features = [
        {"type": "Feature", "id": "x1", "geometry": point, "properties": {"kind": "strike"}},
        {"type": "Feature", "geometry": None, "properties": {"event_id": "x2"}},
        {"type": "Feature", "geometry": {"type": "Point"}, "properties": {}},
        {"type": "Feature", "id": "x4", "geometry": point},
        {"type": "Feature", "geometry": point, "properties": {"kind": None}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["1", "2"]}},
        {"type": "Other", "geometry": point, "properties": {"kind": "strike"}},
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    gdf, problems = read_events_report(path)
    assert list(gdf["event_id"]) == ["x1"]
    assert [p.split(f"{path} ")[1] for p in problems] == [
        "row 2: missing or empty geometry",
        "row 3: invalid geometry (no 'coordinates')",
        "row 4: kind is missing (one of strike, attack is needed)",
        "row 5: kind is missing (one of strike, attack is needed)",
        "row 6: invalid geometry (coordinates are not numbers)",
        "row 7: not a GeoJSON Feature",
    ]


def test_geojson_read_by_gdal_keeps_types(tmp_path: Path) -> None:
    """A good file is read by GDAL: its typed columns come back as the schema's."""
    gdf = events_frame(RECORDS)
    path = write_events(gdf, tmp_path / "events.geojson")
    raw, rows, early = geojson.read(path)
    assert rows is None and early == [] and "id" not in raw.columns
    assert str(raw["fatalities"].dtype) == "Int64" and str(raw.loc[1, "date"]) == "2024-01-05"
    _assert_same(read_events(path), gdf, ".geojson")


def test_read_missing_or_garbage_file(tmp_path: Path) -> None:
    with pytest.raises(EventsFileError, match=r"nope\.gpkg: no such file$"):
        read_events(tmp_path / "nope.gpkg")
    for ext in (".gpkg", ".parquet"):
        path = tmp_path / f"garbage{ext}"
        path.write_bytes(b"not a real file")
        with pytest.raises(EventsFileError, match=rf"garbage\{ext}: cannot read Geo"):
            read_events(path)


def test_normalize_reprojects_and_fills(events: gpd.GeoDataFrame) -> None:
    mercator = events[["event_id", "kind", "sources", "geometry"]].to_crs(3857)
    mercator["sources"] = [json.dumps(s) for s in mercator["sources"]]
    mercator["note"] = ["a", "b", "c", "d"]
    gdf = normalize_events(mercator)
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf.columns) == [*COLUMNS, "note", "geometry"]
    assert gdf.loc[1, "sources"] == ["a1", "a2"] and gdf["fatalities"].isna().all()
    got = shapely.get_coordinates(gdf.geometry.to_numpy())
    np.testing.assert_allclose(got, shapely.get_coordinates(events.geometry.to_numpy()), atol=1e-9)
    no_crs = gpd.GeoDataFrame({"kind": ["strike"]}, geometry=[shapely.Point(44, 33)])
    assert normalize_events(no_crs).crs.to_epsg() == 4326


def test_normalize_bad_rows(events: gpd.GeoDataFrame) -> None:
    bad = events.copy()
    bad.loc[1, "geometry"] = shapely.Point()
    with pytest.raises(EventsFileError, match=r"^mine\.gpkg row 2: missing or empty geometry$"):
        normalize_events(bad, source="mine.gpkg")
    with pytest.warns(BadRowsWarning):
        kept = normalize_events(bad, skip_bad=True)
    assert list(kept["event_id"]) == ["e3", "e2", "e4"] and list(kept.index) == [0, 1, 2]
    with pytest.raises(TypeError, match="expected a GeoDataFrame"):
        normalize_events(pd.DataFrame({"kind": ["strike"]}))


def test_normalize_coerces_values() -> None:
    raw = gpd.GeoDataFrame(
        {
            "date": [pd.Timestamp("2024-02-03 10:00"), "2024-02-04T23:59:00+03:00"],
            "fatalities": [3.0, np.nan],
            "mentions": ["2", ""],
            "reasons": [np.array(["a", "b"]), None],
            "kind": "attack",
        },
        geometry=[shapely.Point(1, 2), shapely.Point(3, 4)],
        crs=4326,
    )
    gdf = normalize_events(raw)
    assert list(gdf["date"]) == ["2024-02-03", "2024-02-04"]
    assert gdf["fatalities"].tolist() == [3, pd.NA] and gdf["mentions"].tolist() == [2, pd.NA]
    assert list(gdf["reasons"]) == [["a", "b"], []]


def test_write_atomic_text_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    path = export.write_atomic_text(tmp_path / "a" / "notes.txt", "one\r\nأربيل\n")
    assert path.read_bytes() == "one\r\nأربيل\n".encode() and path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    export.write_atomic_bytes(path, b"two")
    assert path.read_bytes() == b"two" and path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["notes.txt"]
    with pytest.raises(ExportError, match=r"notes\.txt/x: "):
        export.write_atomic_text(path / "x", "no")


@pytest.mark.parametrize("sample", ["acled_sample.csv", "ucdp_sample.csv"])
def test_geojson_from_other_datasets_is_rfc7946(tmp_path: Path, sample: str) -> None:
    events = read_events(Path(__file__).resolve().parents[1] / "data" / sample)
    path = write_events(events, tmp_path / "events.geojson")
    data = load_strict(path.read_text("utf-8"))
    assert rfc7946_problems(data) == [] and len(data["features"]) == len(events)
    for feature, point in zip(data["features"], events.geometry, strict=True):
        assert feature["geometry"]["coordinates"] == [point.x, point.y]  # longitude first
        assert isinstance(feature["properties"]["fatalities"], int)


def test_rfc7946_checker_catches_violations() -> None:
    ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]  # counterclockwise
    good = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {},
            },
            {"type": "Feature", "id": "a", "geometry": None, "properties": None},
        ],
    }
    assert rfc7946_problems(good) == []
    bad = json.loads(json.dumps(good))
    bad["crs"] = {"type": "name", "properties": {"name": "EPSG:4326"}}
    bad["features"][0]["geometry"]["coordinates"] = [ring[::-1]]
    bad["features"][1] = {
        "type": "Feature",
        "id": [1],
        "geometry": {"type": "Point", "coordinates": [33.3, 144.4]},
    }
    assert rfc7946_problems(bad) == [
        "crs: not allowed by RFC 7946",
        "features[0].geometry.coordinates[0]: exterior ring is clockwise "
        "(RFC 7946 3.1.6: counterclockwise)",
        "features[1]: no properties member",
        "features[1]: id is not a string or number",
        "features[1].geometry.coordinates: position [33.3, 144.4] is not [longitude, latitude] "
        "in range",
    ]
    with pytest.raises(ValueError, match="NaN is not JSON"):
        load_strict('{"x": NaN}')


def test_negative_counts_and_repeated_ids_are_bad_rows(events: gpd.GeoDataFrame) -> None:
    bad = events.copy()
    bad.loc[1, "fatalities"] = -3
    bad.loc[3, "event_id"] = "e3"
    frame, problems = normalize_events_report(bad, source="mine.gpkg")
    assert problems == [
        "mine.gpkg row 2: fatalities -3 is negative",
        "mine.gpkg row 4: event_id 'e3' is not unique (seen on an earlier row)",
    ]
    assert list(frame["event_id"]) == ["e3", "e2"]


@pytest.mark.parametrize("ext", [".gpkg", ".parquet"])
def test_dates_and_integers_are_typed(events: gpd.GeoDataFrame, tmp_path: Path, ext: str) -> None:
    """QGIS's temporal controller needs Date fields; counts are integers."""
    path = write_events(events, tmp_path / f"events{ext}")
    if ext == ".gpkg":
        info = pyogrio.read_info(path)
        types = dict(zip(info["fields"], info["dtypes"], strict=True))
        assert types["date"] == types["date_max"] == "datetime64[D]"
        assert types["fatalities"] == "int64" and types["quote"] == "object"
    else:
        schema = pyarrow.parquet.read_schema(path)
        assert str(schema.field("date").type) == "date32[day]"
        assert str(schema.field("mentions").type) == "int64"
        geo = json.loads(pyarrow.parquet.read_metadata(path).metadata[b"geo"])
        assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry"


def test_the_next_write_removes_temporaries_a_killed_write_left(tmp_path: Path) -> None:
    import os

    # What a write killed with kill -9 leaves: the temporary GeoPackage and its journal.
    stale = [tmp_path / ".x.gpkgab12cd_9.gpkg", tmp_path / ".x.gpkgab12cd_9.gpkg-journal"]
    running = tmp_path / ".x.gpkgzz99yy88.gpkg"  # a write started after this process
    others = [tmp_path / ".y.gpkgab12cd_9.gpkg", tmp_path / ".x.gpkg.notes"]
    for path in [*stale, running, *others]:
        path.write_bytes(b"partial")
    for path in [*stale, *others]:
        os.utime(path, (1_000_000_000, 1_000_000_000))
    write_events(events_frame([]), tmp_path / "x.gpkg")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["x.gpkg", running.name, *(p.name for p in others)])
