"""ACLED-style CSV: the sample reads into events and writes back unchanged; bad files fail well.

tests/data/acled_sample.csv was written for strikemap in ACLED's column format (see
tests/data/README.md); it is not ACLED data.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest

from geo.errors import EventsFileError
from geo.formats import FORMATS
from geo.formats.codes.acled import COLUMNS, EVENT_TYPES, READ_TYPES
from geo.formats.codes.countries import country_code, country_name
from geo.formats.readwrite import EXTENSIONS, read_events, read_events_report, write_events
from geo.frame import BadRowsWarning, events_frame

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "acled_sample.csv"
LOSSLESS = sorted(e for e, name in EXTENSIONS.items() if FORMATS[name].lossless)


@pytest.fixture(scope="module")
def sample() -> gpd.GeoDataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return read_events(SAMPLE)


def _text(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_sample_reads_as_events(sample: gpd.GeoDataFrame) -> None:
    table = _text(SAMPLE)
    assert len(sample) == len(table) == 12 and sample.crs.to_epsg() == 4326
    assert list(sample["event_id"]) == list(table["event_id_cnty"])
    np.testing.assert_allclose(sample.geometry.x, table["longitude"].astype(float), atol=0)
    np.testing.assert_allclose(sample.geometry.y, table["latitude"].astype(float), atol=0)
    row = sample.set_index("event_id")
    # inter1 8 (a foreign military) and 1 (the country's own) are strikes; 2 and 3 attacks
    assert row.loc["IRQ31005", "kind"] == "strike" and row.loc["IRQ31007", "kind"] == "strike"
    assert row.loc["YEM11002", "kind"] == "attack" and row.loc["JOR1001", "kind"] == "attack"
    # weapon from sub_event_type narrowed by the notes' words
    assert row.loc["IRQ31001", "weapon"] == "drone" and row.loc["IRQ31005", "weapon"] == "airstrike"
    assert row.loc["IRQ31003", "weapon"] == "missile" and row.loc["SYR21002", "weapon"] == "rocket"
    assert row.loc["IRQ31002", "weapon"] == "ied" and row.loc["IRQ31006", "weapon"] == ""
    # precision codes and the date ranges they give
    week = row.loc["IRQ31004"]
    assert (week["date_precision"], week["date_min"], week["date_max"]) == (
        "week",
        "2024-01-19",
        "2024-01-25",
    )
    month = row.loc["IRQ31006"]
    assert (month["date_min"], month["date_max"]) == ("2023-11-01", "2023-11-30")
    assert row.loc["YEM11002", "acled_geo_precision"] == 3
    assert row.loc["YEM11002", "geo_precision"] == "region"
    assert row.loc["IRQ31001", "geo_precision"] == "town"
    assert row.loc["IRQ31001", "ucdp_where_prec"] == 1
    # names and lists
    assert list(row["country"].unique()) == ["IQ", "JO", "SY", "YE"]
    assert row.loc["IRQ31003", "sources"] == ["Reuters", "Shafaq News"]
    assert row.loc["IRQ31005", "fatalities"] == 16 and row.loc["JOR1001", "place"] == "Tower 22"
    assert row.loc["YEM11001", "acled_assoc_actor_1"].startswith("Military Forces of the United K")
    assert (
        row.loc["IRQ31005", "reasons"][0]
        == "acled: strike because inter1 8 (External/Other forces)"
    )
    assert sample.attrs["left_out"] == []


def test_sample_writes_back_unchanged(sample: gpd.GeoDataFrame, tmp_path: Path) -> None:
    out = write_events(sample, tmp_path / "again.acled.csv")
    assert out.read_bytes() == SAMPLE.read_bytes()
    again = read_events(out)
    pd.testing.assert_frame_equal(pd.DataFrame(again), pd.DataFrame(sample))


def test_carried_values_give_way_to_edits(sample: gpd.GeoDataFrame, tmp_path: Path) -> None:
    """A carried ACLED value that no longer agrees with the event is derived afresh."""
    edited = sample.copy()
    edited.loc[0, "weapon"] = "rocket"  # was a drone strike
    edited.loc[5, "kind"] = "attack"  # was a strike by inter1 8
    edited.loc[6, "country"] = "LB"  # was Syria
    table = _text(write_events(edited, tmp_path / "edited.acled.csv"))
    assert table.loc[0, "sub_event_type"] == "Shelling/artillery/missile attack"
    assert (table.loc[5, "inter1"], table.loc[5, "interaction"]) == ("3", "33")
    assert (table.loc[6, "country"], table.loc[6, "iso"]) == ("Lebanon", "422")
    unchanged = _text(SAMPLE)
    assert table.drop(index=[0, 5, 6]).equals(unchanged.drop(index=[0, 5, 6]))
    back = read_events(tmp_path / "edited.acled.csv")
    assert list(back.loc[[0, 5, 6], "weapon"]) == ["", "airstrike", "airstrike"]  # notes say drone
    assert back.loc[5, "kind"] == "attack" and back.loc[6, "country"] == "LB"


def test_kind_without_inter1(tmp_path: Path) -> None:
    path = tmp_path / "no_inter.csv"
    _text(SAMPLE).drop(columns=["inter1", "inter2", "interaction"]).to_csv(path, index=False)
    gdf = read_events(path).set_index("event_id")
    strikes = sorted(gdf.index[gdf["kind"] == "strike"])
    assert strikes == ["IRQ31001", "IRQ31005", "IRQ31007", "SYR21001", "YEM11001"]
    assert gdf.loc["IRQ31007", "reasons"][0] == (
        "acled: strike because actor1 is the Military Forces of a state"
    )


@pytest.mark.parametrize("ext", LOSSLESS)
def test_sample_survives_every_format(sample: gpd.GeoDataFrame, tmp_path: Path, ext: str) -> None:
    """ACLED → events → FORMAT → events → ACLED gives the same file (CSV: '' for nulls)."""
    middle = read_events(write_events(sample, tmp_path / f"events{ext}"))
    out = write_events(middle, tmp_path / "back.csv", driver="acled")
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_gdal_reads_written_acled(sample: gpd.GeoDataFrame, tmp_path: Path) -> None:
    """QGIS's view of the written file: the same rows, points and cell values."""
    out = write_events(sample, tmp_path / "events.acled.csv")
    raw = pyogrio.read_dataframe(
        out, X_POSSIBLE_NAMES="longitude", Y_POSSIBLE_NAMES="latitude", KEEP_GEOM_COLUMNS="NO"
    )
    assert list(raw.columns) == [c for c in COLUMNS if c not in ("latitude", "longitude")] + [
        "geometry"
    ]
    table = _text(SAMPLE)
    assert list(raw["event_id_cnty"]) == list(table["event_id_cnty"])
    np.testing.assert_allclose(raw.geometry.x, sample.geometry.x, atol=1e-9)
    np.testing.assert_allclose(raw.geometry.y, sample.geometry.y, atol=1e-9)
    for name in ("event_date", "sub_event_type", "actor1", "notes", "source", "country"):
        assert [str(v) for v in raw[name]] == list(table[name]), name
    assert [int(v) for v in raw["fatalities"]] == [int(v) for v in table["fatalities"]]


def test_events_to_acled_and_back(tmp_path: Path) -> None:
    """strikemap's own events: codes are derived, and what ACLED can hold comes back."""
    events = events_frame(
        [
            {
                "event_id": "a1",
                "kind": "strike",
                "weapon": "drone",
                "date": "2024-01-04",
                "date_precision": "day",
                "place": "east Baghdad",
                "place_resolved": "Baghdad",
                "geo_precision": "town",
                "country": "IQ",
                "actor": "United States",
                "target": "Harakat al-Nujaba",
                "fatalities": 2,
                "sources": ["s1", "s2"],
                "source_info": [{"id": "s1", "outlet": "Reuters"}, {"id": "s2", "outlet": "AP"}],
                "quote": "A US drone strike on a car killed two.",
                "lat": 33.34,
                "lon": 44.4,
            },
            {
                "event_id": "a2",
                "kind": "attack",
                "weapon": "",
                "date": "2024-02-10",
                "date_precision": "month",
                "geo_precision": "sea",
                "country": "",
                "target": "civilians",
                "lat": 14.1,
                "lon": 42.2,
            },
            {
                "event_id": "a3",
                "kind": "strike",
                "date": "2024-01-05",
                "country": "IQ",
                "actor": "Iraqi security forces",
                "lat": 33.0,
                "lon": 44.0,
            },
        ]
    )
    out = write_events(events, tmp_path / "ours.acled.csv")
    table = _text(out).set_index("event_id_cnty")
    first, second = table.loc["a1"], table.loc["a2"]
    assert (first["event_type"], first["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("8", "3", "38")
    assert (first["country"], first["iso"], first["region"]) == ("Iraq", "368", "Middle East")
    assert (first["location"], first["source"], first["geo_precision"]) == (
        "Baghdad",
        "Reuters; AP",
        "1",
    )
    assert (second["sub_event_type"], second["inter1"], second["inter2"]) == ("Attack", "3", "7")
    assert (second["civilian_targeting"], second["time_precision"], second["fatalities"]) == (
        "Civilian targeting",
        "3",
        "",
    )
    third = table.loc["a3"]  # one actor, at home: state forces alone
    assert (third["inter1"], third["inter2"], third["interaction"]) == ("1", "0", "10")
    assert (third["sub_event_type"], third["time_precision"], third["geo_precision"]) == (
        "Armed clash",
        "1",
        "3",
    )
    back = read_events(out).set_index("event_id")
    for name in ("kind", "weapon", "date", "actor", "target", "quote", "country"):
        assert list(back[name]) == list(events.set_index("event_id")[name].fillna("")), name
    assert back.loc["a1", "geo_precision"] == "town" and back.loc["a2", "geo_precision"] == "region"
    assert back.loc["a1", "sources"] == ["Reuters", "AP"]
    assert back.loc["a2", "date_min"] == "2024-02-01"


def test_long_dates_and_left_out_rows(tmp_path: Path) -> None:
    table = _text(SAMPLE).iloc[:3].copy()
    table.loc[0, "event_date"] = "4 January 2024"
    table.loc[1, ["event_type", "sub_event_type"]] = ["Protests", "Peaceful protest"]
    path = tmp_path / "download.csv"
    table.to_csv(path, index=False)
    gdf = read_events(path)  # a .csv with ACLED's header is read as ACLED
    assert list(gdf["event_id"]) == ["IRQ31001", "IRQ31003"]
    assert gdf.loc[0, "date"] == "2024-01-04"
    reason = "Protests: Peaceful protest is not a strike or attack"
    assert gdf.attrs["left_out"] == [{"row": 2, "id": "IRQ31002", "reason": reason}]
    with pytest.raises(EventsFileError, match=r"missing column\(s\) lat, lon \(or wkt\)"):
        read_events(path, driver="CSV")  # the plain CSV format when asked for


def _bad(tmp_path: Path, change: dict[tuple[int, str], str], drop: str = "") -> Path:
    table = _text(SAMPLE)
    for (row, column), value in change.items():
        table.loc[row, column] = value
    if drop:
        table = table.drop(columns=drop)
    path = tmp_path / "bad.acled.csv"
    table.to_csv(path, index=False)
    return path


def test_missing_column(tmp_path: Path) -> None:
    path = _bad(tmp_path, {}, drop="notes")
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value) == f"{path}: missing ACLED column(s) notes"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("event_date", "01/04/2024", "event_date '01/04/2024' is not an ACLED date"),
        ("event_date", "2024-02-30", "event_date '2024-02-30' is not an ACLED date"),
        ("latitude", "200", "latitude 200 is out of range"),
        ("longitude", "east", "longitude 'east' is not a number"),
        ("time_precision", "4", "time_precision '4' is not one of 1, 2, 3"),
        ("geo_precision", "", "geo_precision '' is not one of 1, 2, 3"),
        ("inter1", "9", "inter1 '9' is not an ACLED actor type"),
        ("event_type", "Explosion", "event_type 'Explosion' is not an ACLED event type"),
        ("sub_event_type", "Airstrike", "sub_event_type 'Airstrike' is not a sub-event type of"),
        ("fatalities", "some", "fatalities 'some' is not an integer"),
    ],
)
def test_bad_value_names_the_row(tmp_path: Path, column: str, value: str, message: str) -> None:
    path = _bad(tmp_path, {(4, column): value})
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value).startswith(f"{path} row 5: {message}")
    assert "\n" not in str(err.value)
    with pytest.warns(BadRowsWarning, match=r"skipped 1 bad row\(s\): .*row 5: "):
        kept = read_events(path, skip_bad=True)
    assert list(kept["event_id"]) == [
        e for i, e in enumerate(_text(SAMPLE)["event_id_cnty"]) if i != 4
    ]


def test_every_bad_row_reported(tmp_path: Path) -> None:
    path = _bad(
        tmp_path,
        {(1, "event_date"): "Jan 10 2024", (6, "latitude"): "200", (8, "inter1"): "nine"},
    )
    gdf, problems = read_events_report(path)
    assert len(gdf) == 9
    assert [p.removeprefix(f"{path} ").split(":")[0] for p in problems] == [
        "row 2",
        "row 7",
        "row 9",
    ]
    with pytest.raises(EventsFileError, match=r"row 2: event_date .* \(and 2 more bad rows\)$"):
        read_events(path)


def test_codebook_tables() -> None:
    assert {t for t, _ in READ_TYPES} == {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
    }
    assert all(sub in EVENT_TYPES[t] for t, sub in READ_TYPES)
    assert len(COLUMNS) == len(set(COLUMNS)) == 31


@pytest.mark.parametrize("code", ["IQ", "SY", "YE", "JO", "LB", "IL", "PS", "IR", "TR", "SA", "CD"])
def test_country_names_round_trip(code: str) -> None:
    for scheme in ("geonames", "acled", "ucdp"):
        assert country_code(country_name(code, scheme=scheme)) == code
    assert country_code(code.lower()) == code
