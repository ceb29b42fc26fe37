"""UCDP GED CSV: the sample reads into events and writes back unchanged; bad rows fail well.

tests/data/ucdp_sample.csv was written for strikemap in UCDP GED's column format (see
tests/data/README.md); it is not UCDP data.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from geo.errors import EventsFileError
from geo.formats import FORMATS
from geo.formats.readwrite import EXTENSIONS, read_events, write_events
from geo.formats.ucdp import COLUMNS, priogrid
from geo.frame import BadRowsWarning, events_frame

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "ucdp_sample.csv"
LOSSLESS = sorted(e for e, name in EXTENSIONS.items() if FORMATS[name].lossless)


@pytest.fixture(scope="module")
def sample() -> gpd.GeoDataFrame:
    return read_events(SAMPLE)


def _text(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_sample_reads_as_events(sample: gpd.GeoDataFrame) -> None:
    table = _text(SAMPLE)
    assert list(sample["event_id"]) == list(table["id"]) and sample.crs.to_epsg() == 4326
    np.testing.assert_allclose(sample.geometry.y, table["latitude"].astype(float), atol=0)
    row = sample.set_index("event_id")
    assert list(row["kind"]) == ["strike", "attack", "strike", "attack", "strike", "strike"]
    assert list(row["fatalities"]) == [16, 3, 5, 4, 2, 7]  # best
    assert list(row["ucdp_low"]) == ["15", "3", "5", "3", "2", "7"]
    assert list(row["ucdp_high"]) == ["18", "3", "5", "6", "2", "9"]
    assert list(row["geo_precision"]) == ["town", "sea", "town", "region", "region", "country"]
    assert list(row["ucdp_where_prec"]) == [1, 7, 2, 3, 4, 6]
    assert row.loc["480003", "extent_km"] == 25.0 and np.isnan(row.loc["480001", "extent_km"])
    assert list(row["date_precision"]) == ["day", "day", "day", "week", "month", "year"]
    week = row.loc["480004"]
    assert (week["date_min"], week["date"], week["date_max"]) == (
        "2024-01-08",
        "2024-01-11",
        "2024-01-14",
    )
    assert list(row["country"]) == ["IQ", "YE", "YE", "SY", "IQ", "SY"]
    assert row.loc["480001", "weapon"] == "airstrike" and row.loc["480002", "weapon"] == "missile"
    assert row.loc["480004", "weapon"] == ""  # no weapon named in the headline
    assert row.loc["480001", "source_info"][1] == {
        "id": "Shafaq News 2024-02-03",
        "outlet": "Shafaq News",
        "headline": "Airstrikes shake Al Qaim overnight",
        "published": "2024-02-03",
    }
    assert row.loc["480001", "place"] == "depots on the edge of Al Qaim"
    assert row.loc["480001", "place_resolved"] == "Al Qaim town"


def test_sample_writes_back_unchanged(sample: gpd.GeoDataFrame, tmp_path: Path) -> None:
    out = write_events(sample, tmp_path / "again.ucdp.csv")
    assert out.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize("ext", LOSSLESS)
def test_sample_survives_every_format(sample: gpd.GeoDataFrame, tmp_path: Path, ext: str) -> None:
    middle = read_events(write_events(sample, tmp_path / f"events{ext}"))
    out = write_events(middle, tmp_path / "back.csv", driver="UCDP")
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_gdal_reads_written_ucdp(sample: gpd.GeoDataFrame, tmp_path: Path) -> None:
    out = write_events(sample, tmp_path / "events.ucdp.csv")
    raw = pyogrio.read_dataframe(out, GEOM_POSSIBLE_NAMES="geom_wkt", KEEP_GEOM_COLUMNS="NO")
    assert list(raw["id"].astype(str)) == list(_text(SAMPLE)["id"])
    assert all(a.equals(b) for a, b in zip(raw.geometry, sample.geometry, strict=True))
    assert [int(v) for v in raw["best"]] == [16, 3, 5, 4, 2, 7]
    assert list(raw["side_a"]) == list(sample["actor"])


def test_events_to_ucdp_and_back(tmp_path: Path) -> None:
    events = events_frame(
        [
            {
                "event_id": "u1",
                "kind": "attack",
                "date": "2024-02-10",
                "date_precision": "week",
                "date_min": "2024-02-07",
                "date_max": "2024-02-13",
                "geo_precision": "facility",
                "place": "Tower 22",
                "country": "JO",
                "actor": "Islamic Resistance in Iraq",
                "target": "United States",
                "fatalities": 3,
                "source_info": [{"id": "s1", "outlet": "AP", "headline": "Drone kills three"}],
                "sources": ["s1"],
                "lat": 33.32,
                "lon": 38.69,
            }
        ]
    )
    out = write_events(events, tmp_path / "ours.ucdp.csv")
    row = _text(out).iloc[0]
    assert list(_text(out).columns) == list(COLUMNS)
    assert (row["type_of_violence"], row["where_prec"], row["date_prec"]) == ("2", "1", "2")
    assert (row["date_start"], row["date_end"], row["year"]) == ("2024-02-07", "2024-02-13", "2024")
    assert (row["best"], row["low"], row["high"], row["deaths_unknown"]) == ("3", "3", "3", "3")
    assert (row["country"], row["geom_wkt"]) == ("Jordan", "POINT (38.69 33.32)")
    assert (row["source_office"], row["source_headline"]) == ("AP", "Drone kills three")
    back = read_events(out).iloc[0]
    assert (back["kind"], back["weapon"], back["date_min"], back["date_max"]) == (
        "attack",
        "drone",
        "2024-02-07",
        "2024-02-13",
    )
    assert (back["place"], back["country"], back["fatalities"]) == ("Tower 22", "JO", 3)


_STATES = [
    "United States",
    "Israeli Air Force",
    "Government of Iraq",
    "Nigerian Air Force",
    "Royal Saudi Air Force",
    "Russian Air Force",
    "Myanmar military",
    "Ethiopian National Defense Force",
    "Government of Myanmar (Burma)",
    "Turkish Armed Forces",
]
_GROUPS = ["Houthi forces", "Palestinian forces", "Hamas", "Islamic State"]


@pytest.mark.parametrize(
    ("actor", "kind"), [(a, "strike") for a in _STATES] + [(a, "attack") for a in _GROUPS]
)
def test_the_kind_survives_ucdp_whatever_the_target(tmp_path: Path, actor: str, kind: str) -> None:
    """A state's strike reads back as a strike, an armed group's attack as an attack, whatever
    its side_a and its target."""
    records = [
        {"event_id": f"e{i}", "kind": kind, "date": "2024-02-10", "actor": actor}
        | {"target": target, "country": "IQ", "lat": 33.3, "lon": 44.4}
        for i, target in enumerate(["Kataib Hezbollah", "civilians"])
    ]
    back = read_events(write_events(events_frame(records), tmp_path / "e.ucdp.csv"))
    assert list(back["kind"]) == [kind, kind] and list(back["actor"]) == [actor] * 2


def test_priogrid_cells() -> None:
    assert priogrid(-90, -180) == 1 and priogrid(-90, -179.4) == 2
    assert priogrid(-89.5, -180) == 721 and priogrid(90, 180) == 360 * 720
    cell = priogrid(33.3406, 44.4009)
    row, col = divmod(cell - 1, 720)
    box = shapely.box(col / 2 - 180, row / 2 - 90, col / 2 - 179.5, row / 2 - 89.5)
    assert box.contains(shapely.Point(44.4009, 33.3406))


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("date_start", "12 Jan 2024", "date_start '12 Jan 2024' is not a date (YYYY-MM-DD)"),
        ("date_end", "2024-01-01", "date_end 2024-01-01 is before date_start 2024-01-12"),
        ("where_prec", "8", "where_prec '8' is not one of 1, 2, 3, 4, 5, 6, 7"),
        ("type_of_violence", "4", "type_of_violence '4' is not one of 1, 2, 3"),
        ("latitude", "200", "latitude 200 is out of range"),
        ("best", "many", "fatalities 'many' is not an integer"),
    ],
)
def test_bad_value_names_the_row(tmp_path: Path, column: str, value: str, message: str) -> None:
    table = _text(SAMPLE)
    table.loc[2, column] = value
    path = tmp_path / "ged.csv"
    table.to_csv(path, index=False)
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value) == f"{path} row 3: {message}"
    with pytest.warns(BadRowsWarning):
        assert len(read_events(path, skip_bad=True)) == 5


def test_time_part_and_missing_column(tmp_path: Path) -> None:
    table = _text(SAMPLE)
    table["date_start"] = table["date_start"] + " 00:00:00.000"
    path = tmp_path / "ged.csv"
    table.drop(columns=["side_b"]).to_csv(path, index=False)
    with pytest.raises(EventsFileError, match=r"ged\.csv: missing UCDP GED column\(s\) side_b$"):
        read_events(path)
    table.to_csv(path, index=False)
    assert read_events(path).loc[3, "date_min"] == "2024-01-08"
