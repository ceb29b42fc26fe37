from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import Gazetteer, PlacesFileError
from gazetteer.sources.user import load_user_places


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_yaml_geojson_read_alike(tmp_path: Path) -> None:
    csv_file = _write(
        tmp_path,
        "p.csv",
        "name,lat,lon,kind,country,aliases\nCamp Zulu,33.5,44.1,base,IQ,Zulu;CZ\n",
    )
    yaml_file = _write(
        tmp_path,
        "p.yaml",
        "places:\n  - {name: Camp Zulu, lat: 33.5, lon: 44.1, kind: base, country: IQ,"
        " aliases: [Zulu, CZ]}\n",
    )
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [44.1, 33.5]},
        "properties": {"name": "Camp Zulu", "kind": "base", "country": "IQ", "aliases": ["Zulu"]},
    }
    gj = _write(
        tmp_path, "p.geojson", json.dumps({"type": "FeatureCollection", "features": [feature]})
    )
    places = [load_user_places(p)[0].place for p in (csv_file, yaml_file, gj)]
    assert {(p.id, p.lat, p.lon, p.kind, p.country) for p in places} == {
        ("user:camp-zulu", 33.5, 44.1, "base", "IQ")
    }


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad_lat.csv", "name,lat,lon\nX,200,44\n", "line 2: latitude 200 is outside [-90, 90]"),
        ("no_lon.csv", "name,lat\nX,33\n", "missing column 'lon' (columns: name, lat)"),
        ("nan.csv", "name,lat,lon\nX,north,44\n", "line 2: latitude 'north' is not a number"),
        ("empty.csv", "name,lat,lon\n", "no places in file"),
        ("bad.yaml", "places: [unclosed\n", "not valid YAML"),
        ("bad.geojson", "{not json", "not valid JSON (line 1"),
        (
            "line.geojson",
            '{"type":"FeatureCollection","features":[{"geometry":'
            '{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}',
            "feature 1: geometry must be a Point",
        ),
        ("p.txt", "x", "unsupported places file type '.txt'"),
        (
            "cc.csv",
            "name,lat,lon,country\nX,1,2,Iraq\n",
            "country 'IRAQ' is not an ISO alpha-2 code",
        ),
    ],
)
def test_malformed_files_give_one_line_errors(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(PlacesFileError) as info:
        load_user_places(path)
    assert message in str(info.value)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(PlacesFileError, match="no such places file"):
        load_user_places(tmp_path / "absent.csv")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(PlacesFileError, match="not UTF-8 text"):
        load_user_places(junk)


def test_user_places_win(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.csv", "name,lat,lon,kind,country\nBaghdad,10.0,10.0,town,IQ\n")
    gz = Gazetteer(places=path)
    best = gz.resolve("Baghdad")[0]
    assert (best.id, best.lat) == ("user:baghdad", 10.0)
    assert "user place" in best.reason
    assert gz.resolve("Baghdad")[1].id == "geonames:98182"


def test_user_place_replaces_embedded_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "fix.csv", "id,name,lat,lon,kind\ngeonames:98182,Baghdad,33.3,44.4,city\n"
    )
    gz = Gazetteer(places=[path])
    found = gz.resolve("Baghdad")
    assert found[0].lat == 33.3 and [p.id for p in found].count("geonames:98182") == 1


def test_user_place_reachable_by_alias_and_loose_spelling(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "a.csv", "name,lat,lon,kind,aliases\nForward Post Qasimiyah,34,42,base,FPQ\n"
    )
    gz = Gazetteer(places=path)
    assert gz.resolve("FPQ")[0].name == "Forward Post Qasimiyah"
    assert gz.resolve("Forward Post Kasimiya")[0].name == "Forward Post Qasimiyah"
    assert [p.name for p in gz.places_of_kind(["base"]) if p.id.startswith("user:")] == [
        "Forward Post Qasimiyah"
    ]
