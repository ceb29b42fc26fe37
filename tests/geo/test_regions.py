"""assign_regions: countries and first-level regions of hand-placed events, and the polygons.

Coordinates are real places read off maps (city centres, a border pair of towns, open
sea); the expected country and governorate are what any atlas gives for them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.analysis.boundaries import DATA_FILE, build_countries, countries_at, load_countries
from geo.analysis.regions import REGION_COLUMNS, REGION_SOURCES, assign_regions
from geo.errors import AnalysisError, GeoError
from geo.frame import events_frame

ROOT = Path(__file__).resolve().parents[2]


def _events(points: dict[str, tuple[float, float]], **extra: dict[str, str]) -> gpd.GeoDataFrame:
    records = []
    for name, (lat, lon) in points.items():
        records.append({"event_id": name, "kind": "strike", "lat": lat, "lon": lon})
        records[-1] |= {key: values[name] for key, values in extra.items() if name in values}
    return events_frame(records)


def _by_id(frame: gpd.GeoDataFrame) -> dict[str, tuple[str, ...]]:
    columns = ["country", "admin1", "admin1_code", "region_source"]
    return {row[0]: tuple(row[1:]) for row in frame[["event_id", *columns]].itertuples(False)}


def test_points_inside_polygons_take_the_polygon_country_and_the_nearest_towns_region() -> None:
    out = _by_id(
        assign_regions(
            _events(
                {
                    "baghdad": (33.3152, 44.3661),
                    "erbil": (36.1901, 44.0091),
                    "hodeidah": (14.7978, 42.9545),
                    "tower 22 area": (33.32, 38.69),
                }
            )
        )
    )
    assert out["baghdad"] == ("IQ", "Baghdad Governorate", "IQ.07", "polygon")
    assert out["erbil"] == ("IQ", "Erbil Governorate", "IQ.11", "polygon")
    assert out["hodeidah"] == ("YE", "Al Hudaydah Governorate", "YE.08", "polygon")
    assert out["tower 22 area"][:1] == ("JO",) and out["tower 22 area"][3] == "polygon"


def test_open_sea_has_no_country() -> None:
    out = assign_regions(_events({"red sea": (20.0, 38.5), "gulf of aden": (12.6, 47.5)}))
    assert out["country"].tolist() == ["", ""] and out["country_name"].tolist() == ["", ""]
    assert out["region_source"].tolist() == ["sea", "sea"] and set(out["admin1"]) == {""}


def test_coasts_islands_and_borders_the_coarse_polygons_get_wrong_fall_back_to_towns() -> None:
    # Manama and Gaza lie outside every 1:110m polygon; Nusaybin (Turkey) lies inside
    # the Syrian polygon, a few km from Qamishli across the border.
    points = {"manama": (26.2154, 50.5832), "gaza": (31.5017, 34.4668), "nusaybin": (37.07, 41.215)}
    lat, lon = zip(*points.values(), strict=True)
    assert countries_at(lat, lon).tolist() == ["", "", "SY"]
    out = _by_id(assign_regions(_events(points)))
    assert out["manama"][0] == "BH" and out["manama"][3] == "nearest"
    assert out["gaza"] == ("PS", "Gaza Strip", "PS.GZ", "nearest")
    assert out["nusaybin"] == ("TR", "Mardin Province", "TR.72", "nearest")


def test_an_events_gazetteer_place_wins_over_its_point(gz) -> None:  # type: ignore[no-untyped-def]
    asad = gz.get("curated:al-asad-airbase")
    red_sea = gz.get("curated:red-sea")
    anbar = gz.get("region:iq-anbar")
    kurdistan = gz.get("region:iq-kurdistan-region")
    assert asad and red_sea and anbar and kurdistan
    ids = {"asad": asad.id, "sea": red_sea.id, "iraq": "country:IQ", "anbar": anbar.id}
    ids |= {"kurdistan": kurdistan.id, "area": "curated:houthi-held-yemen", "unknown": "geonames:0"}
    # every event is placed in Baghdad: the place, not the point, must decide
    events = _events(dict.fromkeys(ids, (33.3152, 44.3661)), place_id=ids)
    out = _by_id(assign_regions(events, gazetteer=gz))
    assert out["asad"] == ("IQ", "Anbar Governorate", "IQ.01", "place")  # from the nearest town
    assert out["sea"] == ("", "", "", "sea")
    assert out["iraq"] == ("IQ", "", "", "place")  # country-wide: no region
    assert out["anbar"] == ("IQ", "Anbar Governorate", "IQ.01", "place")
    assert out["kurdistan"] == ("IQ", "", "", "place")  # spans four governorates
    assert out["area"] == ("YE", "", "", "place")  # a coarse area: no single governorate
    assert out["unknown"] == ("IQ", "Baghdad Governorate", "IQ.07", "polygon")  # no such place


def test_keeps_index_order_and_input_and_handles_missing_points() -> None:
    events = _events({"a": (36.1901, 44.0091), "b": (20.0, 38.5), "c": (33.3152, 44.3661)})
    events.index = [30, 10, 20]
    events.loc[10, "geometry"] = None
    events["country"] = "XX"
    before = events.copy()
    out = assign_regions(events)
    assert list(out.index) == [30, 10, 20] and out["event_id"].tolist() == ["a", "b", "c"]
    assert out.loc[10, "region_source"] == "" and out.loc[10, "country"] == ""
    assert out.loc[20, "country"] == "IQ"
    assert set(REGION_COLUMNS) <= set(out.columns)
    assert set(out["region_source"]) <= set(REGION_SOURCES)
    assert events.equals(before)  # the input is untouched


def test_identical_points_share_their_answer_and_empty_frames_work() -> None:
    events = _events({f"e{i}": (33.3152, 44.3661) for i in range(5)})
    out = assign_regions(events)
    assert out["admin1"].nunique() == 1 and out.loc[0, "admin1"] == "Baghdad Governorate"
    empty = assign_regions(events.iloc[:0])
    assert len(empty) == 0 and set(REGION_COLUMNS) <= set(empty.columns)


def test_other_crs_is_read_in_degrees() -> None:
    events = _events({"baghdad": (33.3152, 44.3661)}).to_crs(3857)
    out = assign_regions(events)
    assert out.loc[0, "admin1_code"] == "IQ.07" and out.crs.to_epsg() == 3857


def test_bad_input_raises_analysis_errors() -> None:
    with pytest.raises(AnalysisError, match="events must be a GeoDataFrame, not list"):
        assign_regions([])  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="gazetteer must be a Gazetteer, not str") as info:
        assign_regions(_events({"a": (33.0, 44.0)}), gazetteer="geonames")  # type: ignore[arg-type]
    assert isinstance(info.value, GeoError) and isinstance(info.value, ValueError)


def test_countries_at_agrees_with_a_geopandas_spatial_join() -> None:
    rng = np.random.default_rng(3)
    lat, lon = rng.uniform(-60, 75, 3000), rng.uniform(-180, 180, 3000)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=4326)
    joined = gpd.sjoin(points, load_countries(), how="left", predicate="within")
    expected = joined[~joined.index.duplicated()]["iso2"].fillna("").tolist()
    assert countries_at(lat, lon).tolist() == expected
    assert countries_at([np.nan], [44.0]).tolist() == [""]


def test_the_shipped_polygons_are_small_valid_and_what_the_builder_makes() -> None:
    path = ROOT / "geo" / "data" / DATA_FILE
    assert path.stat().st_size < 300_000
    world = load_countries()
    assert world.geometry.is_valid.all() and world["iso2"].str.fullmatch("[A-Z]{2}").all()
    assert shapely.contains_xy(world.loc[world.iso2 == "IQ"].geometry.item(), 44.37, 33.31)
    spec = importlib.util.find_spec("pyogrio")
    fixture = (
        Path(spec.origin).parent / "tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp"
    )
    if not fixture.exists():
        pytest.skip("pyogrio's naturalearth_lowres fixture is not installed")
    assert build_countries(fixture) == path.read_text(encoding="utf-8")


def test_the_polygons_are_package_data() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["geo.data"]
    assert any(Path(DATA_FILE).match(p) for p in patterns)


def test_region_names_are_the_gazetteers_own(gz) -> None:  # type: ignore[no-untyped-def]
    """assign_regions names a region exactly as extraction does (Gazetteer.region_name)."""
    out = assign_regions(
        _events({"haifa": (32.794, 34.990), "basra": (30.508, 47.781)}), gazetteer=gz
    )
    for code, name in zip(out["admin1_code"], out["admin1"], strict=True):
        assert name and name == gz.region_name(code)
    haifa = out.set_index("event_id").loc["haifa", "admin1"]
    assert haifa == "Haifa District"  # an Israeli district is a first-level region
