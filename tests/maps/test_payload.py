"""The map payload: typed columns, rounding to the precision a place has, safe embedding."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import shapely

from maps.errors import MapInputError
from maps.payload import PRECISION_DIGITS, build_payload, script_json


def _value(p: dict, name: str, i: int) -> str:
    col = p["cat"][name]
    return str(col["values"][col["codes"][i]])


def _days(values: np.ndarray) -> list[float | None]:
    return [None if np.isnan(v) else float(v) for v in values]


def _lists(table: dict) -> list[list[int]]:
    offsets, index = table["offsets"], table["index"]
    return [index[a:b].tolist() for a, b in itertools.pairwise(offsets)]


def test_sample_columns(sample) -> None:
    p = build_payload(sample)
    assert p["n"] == 6 and p["dropped"] == 0
    assert [_value(p, "kind", i) for i in range(6)] == [
        "strike", "attack", "attack", "strike", "attack", "strike",
    ]  # fmt: skip
    assert p["id"].to_pylist() == ["s1", "a1", "a2", "s2", "a3", "s3"]
    assert p["fatalities"][:2].tolist() == [16, 3] and _days(p["injured"][:2]) == [25, None]
    assert p["quote"][0].as_py().startswith("US aircraft struck")
    for key in ("lat", "lon", "date", "d0", "d1", "extent", "quote"):
        assert len(p[key]) == 6, key
    assert len(p["sources"]["offsets"]) == 7


def test_coordinates_keep_only_the_precision_they_have(events) -> None:
    rows = [
        {"geo_precision": gp, "lat": 33.123456789, "lon": 44.987654321}
        for gp in ("facility", "town", "region", "country", "sea", "", None)
    ]
    p = build_payload(events(rows))
    assert p["lat"].tolist() == [33.12346, 33.123, 33.12, 33.12, 33.12, 33.12346, 33.12346]
    assert p["lon"].tolist() == [44.98765, 44.988, 44.99, 44.99, 44.99, 44.98765, 44.98765]
    assert PRECISION_DIGITS["facility"] == 5


def test_dates_become_day_numbers_with_their_possible_range(sample) -> None:
    p = build_payload(sample)
    day = (pd.Timestamp("2024-02-02") - pd.Timestamp("1970-01-01")).days
    assert p["date"][0] == p["d0"][0] == p["d1"][0] == day
    week = p["d0"][2], p["date"][2], p["d1"][2]
    assert week[0] < week[1] < week[2] and week[2] - week[0] == 6
    month = p["d0"][4], p["d1"][4]
    assert month[1] - month[0] == 28
    assert np.isnan(p["date"][5]) and np.isnan(p["d0"][5]) and np.isnan(p["d1"][5])


def test_swapped_or_partial_date_ranges_are_repaired(events) -> None:
    rows = [
        {"lat": 1, "lon": 1, "date": "2024-01-10", "date_min": "2024-01-20",
         "date_max": "2024-01-01"},
        {"lat": 1, "lon": 1, "date_min": "2024-01-05"},
        {"lat": 1, "lon": 1, "date": "not a date"},
    ]  # fmt: skip
    p = build_payload(events(rows))
    assert p["d0"][0] < p["d1"][0]
    assert p["date"][1] == p["d0"][1] == p["d1"][1]
    assert np.isnan(p["date"][2])


def test_sources_are_deduplicated_and_indexed(events) -> None:
    info = {"id": "x", "outlet": "Wire", "headline": "H", "url": "https://e.org", "published": ""}
    rows = [
        {"lat": 1, "lon": 1, "sources": ["x"], "source_info": [info]},
        {"lat": 2, "lon": 2, "sources": ["x", "y"], "source_info": json.dumps([info])},
        {"lat": 3, "lon": 3, "sources": np.array(["y"]), "source_info": None},
    ]
    p = build_payload(events(rows))
    assert p["sources"]["table"]["id"].to_pylist() == ["x", "y"]
    assert p["sources"]["table"]["headline"].to_pylist() == ["H", ""]
    assert _lists(p["sources"]) == [[0], [0, 1], [1]]


def test_sources_without_ids_are_known_by_outlet_headline_and_url(events) -> None:
    one = {"outlet": "Wire", "headline": "H", "url": "https://e.org/1"}
    rows = [
        {"lat": 1, "lon": 1, "source_info": [one, dict(one), {"outlet": ""}]},
        {"lat": 2, "lon": 2, "source_info": [dict(one, url="https://e.org/2"), one]},
    ]
    p = build_payload(events(rows))
    assert p["sources"]["table"]["url"].to_pylist() == ["https://e.org/1", "https://e.org/2"]
    assert _lists(p["sources"]) == [[0], [1, 0]]


def test_arrow_backed_columns_are_read_as_they_are(sample) -> None:
    arrow = sample.copy()
    for name in ("kind", "date", "quote", "source_info", "sources", "reasons", "fatalities"):
        kind = pa.array(arrow[name].tolist(), from_pandas=True).type
        arrow[name] = arrow[name].astype(pd.ArrowDtype(kind))
    a, b = build_payload(arrow), build_payload(sample)
    assert _lists(a["sources"]) == _lists(b["sources"])
    assert a["quote"].to_pylist() == b["quote"].to_pylist()
    assert _days(a["date"]) == _days(b["date"]) and _lists(a["reasons"]) == _lists(b["reasons"])
    assert a["fatalities"][:5].tolist() == b["fatalities"][:5].tolist()


def test_dates_as_dates_or_timestamps(events) -> None:
    rows = [{"lat": 1, "lon": 1}, {"lat": 2, "lon": 2}]
    gdf = events(rows)
    gdf["date"] = pd.Series([dt.date(2024, 1, 2), None], dtype=pd.ArrowDtype(pa.date32()))
    gdf["date_max"] = pd.to_datetime(["2024-01-05 10:00", None])
    p = build_payload(gdf)
    day = (dt.date(2024, 1, 2) - dt.date(1970, 1, 1)).days
    assert _days(p["date"]) == [day, None] and _days(p["d1"]) == [day + 3, None]


def test_missing_optional_columns_are_tolerated() -> None:
    gdf = gpd.GeoDataFrame(geometry=[shapely.Point(44, 33), shapely.Point(45, 34)], crs=4326)
    p = build_payload(gdf)
    assert p["n"] == 2 and p["id"].to_pylist() == ["", ""] and p["quote"].to_pylist() == ["", ""]
    assert p["cat"]["kind"]["values"] == [""] and p["cat"]["kind"]["codes"].tolist() == [0, 0]
    assert _days(p["date"]) == [None, None] and _days(p["fatalities"]) == [None, None]
    assert _lists(p["sources"]) == [[], []] and len(p["links"]["a"]) == 0


def test_empty_frame() -> None:
    p = build_payload(gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=4326)))
    assert p["n"] == 0 and p["bounds"] is None and len(p["lat"]) == 0


def test_rows_without_usable_coordinates_are_counted_not_drawn() -> None:
    geoms = [shapely.Point(44, 33), None, shapely.Point(), shapely.Point(200, 10)]
    p = build_payload(gpd.GeoDataFrame({"event_id": list("abcd")}, geometry=geoms, crs=4326))
    assert p["n"] == 1 and p["dropped"] == 3 and p["id"].to_pylist() == ["a"]


def test_other_crs_and_geometry_types(events) -> None:
    square = shapely.box(44, 33, 45, 34)
    gdf = gpd.GeoDataFrame({"event_id": ["poly"]}, geometry=[square], crs=4326).to_crs(3857)
    p = build_payload(gdf)
    assert 33 < p["lat"][0] < 34 and 44 < p["lon"][0] < 45


def test_plain_dataframe_with_lat_lon() -> None:
    p = build_payload(pd.DataFrame({"lat": [33.3], "lon": [44.4], "kind": ["strike"]}))
    assert p["n"] == 1 and p["lat"].tolist() == [33.3]
    with pytest.raises(MapInputError, match="geometry"):
        build_payload(pd.DataFrame({"kind": ["strike"]}))
    with pytest.raises(MapInputError, match="GeoDataFrame"):
        build_payload([{"lat": 1}])  # type: ignore[arg-type]


def test_links_from_table_attrs_and_column(sample, sample_links) -> None:
    table = pd.DataFrame([*sample_links, {"strike_id": "s2", "attack_id": "nope"}])
    p = build_payload(sample, links=table)
    links = p["links"]
    assert (links["a"].tolist(), links["b"].tolist(), links["dropped"]) == ([0], [1], 1)
    assert links["reason"]["values"][links["reason"]["codes"][0]].startswith("retal")
    sample.attrs["links"] = pd.DataFrame(sample_links)
    assert build_payload(sample)["links"]["a"].tolist() == [0]
    del sample.attrs["links"]
    sample["links"] = [["a1"], [], [], [], [], []]
    assert build_payload(sample)["links"]["b"].tolist() == [1]
    with pytest.raises(MapInputError, match="attack_id"):
        build_payload(sample, links=pd.DataFrame({"strike_id": ["s1"]}))


def test_script_json_escapes_everything_that_could_end_the_block(hostile) -> None:
    nasty = hostile["both"] + "</SCRIPT><!-- -->&amp;\u2028\u2029'\""
    text = script_json({"quote": nasty, "n": 1})
    for char in "<>&\u2028\u2029":
        assert char not in text
    assert json.loads(text) == {"quote": nasty, "n": 1}


def test_script_json_refuses_nan() -> None:
    with pytest.raises(ValueError):
        script_json({"x": float("nan")})


def test_lone_surrogates_and_odd_values_do_not_break_the_payload(events) -> None:
    gdf = events([{"lat": 1, "lon": 1, "place": 12, "actor": pd.NA}])
    gdf["quote"] = pd.Series(["bad \udc80 byte"], dtype=object)  # as read with surrogateescape
    p = build_payload(gdf)
    assert p["quote"].to_pylist() == ["bad \ufffd byte"]
    assert p["cat"]["place"]["values"] == ["12"] and p["cat"]["actor"]["values"] == [""]


def test_kind_and_weapon_are_lowercased(events) -> None:
    p = build_payload(events([{"lat": 1, "lon": 1, "kind": " Strike ", "weapon": "Drone"}]))
    assert p["cat"]["kind"]["values"] == ["strike"] and p["cat"]["weapon"]["values"] == ["drone"]


def test_chunks_deflate_as_one_stream_and_no_thread_outlives_an_error(sample) -> None:
    import threading

    from zlib_ng import zlib_ng

    from maps.encode import Packed, encode_payload

    packed = Packed(6)
    parts = [b"strike " * 5000, memoryview(bytes(range(256)) * 300), b""]
    for part in parts:
        packed._put("text", part)
    (_, _, core), (_, size, text) = packed.compressed()
    one = zlib_ng.compressobj(6, zlib_ng.DEFLATED, -15, 9)  # the parts in turn, on one stream
    assert text == b"".join(one.compress(part) for part in parts) + one.flush()
    assert zlib_ng.decompress(text, -15) == b"".join(parts)
    assert size == sum(len(p) for p in parts) and zlib_ng.decompress(core, -15) == b""

    payload = build_payload(sample)
    payload["quote"] = "not an Arrow array"  # packing fails half-way
    with pytest.raises(AttributeError):
        encode_payload(payload)
    for thread in threading.enumerate():
        if thread.name == "strikemap-deflate":
            thread.join(timeout=10)
            assert not thread.is_alive()
