"""KML: structure for Google Earth, hostile text kept as text, GDAL and our reader agree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from geo.errors import EventsFileError
from geo.formats.kml import NAMESPACE
from geo.formats.readwrite import read_events, read_events_report, write_events
from geo.frame import events_frame

NS = {"k": NAMESPACE}
HOSTILE = "<script>alert('x')</script> ]]> & \"q\" \x07bell"
RECORDS: list[dict[str, Any]] = [
    {
        "event_id": "k1",
        "kind": "attack",
        "weapon": "rocket",
        "date": "2024-01-20",
        "date_precision": "week",
        "date_min": "2024-01-17",
        "date_max": "2024-01-23",
        "place": "<b>Ain al-Asad</b>",
        "place_resolved": "Ain al-Asad Air Base",
        "actor": "Islamic Resistance in Iraq",
        "target": "United States",
        "fatalities": 0,
        "sources": ["s1"],
        "source_info": [{"id": "s1", "outlet": "Wire & Co", "url": "javascript:alert(1)"}],
        "quote": HOSTILE,
        "extent_km": 2.5,
        "lat": 33.8007,
        "lon": 42.4413,
    },
    {
        "event_id": "k2",
        "kind": "strike",
        "weapon": "airstrike",
        "date": "2024-02-02",
        "date_min": "2024-02-02",
        "date_max": "2024-02-02",
        "place": "Al Qaim",
        "fatalities": 16,
        "reasons": ["trigger: struck"],
        "lat": 34.3695,
        "lon": 41.0921,
    },
    {"event_id": "k3", "kind": "strike", "lat": -14.5, "lon": -42.25, "mentions": 2},
]


@pytest.fixture
def events() -> gpd.GeoDataFrame:
    return events_frame(RECORDS)


@pytest.fixture
def written(events: gpd.GeoDataFrame, tmp_path: Path) -> Path:
    return write_events(events, tmp_path / "events.kml")


def test_structure_for_google_earth(written: Path) -> None:
    root = ET.parse(written).getroot()
    assert root.tag == f"{{{NAMESPACE}}}kml"
    doc = root.find("k:Document", NS)
    assert doc is not None
    fields = [f.get("name") for f in doc.findall("k:Schema/k:SimpleField", NS)]
    assert fields[:3] == ["event_id", "kind", "weapon"] and "geometry" not in fields
    styles = doc.findall("k:Style", NS)
    assert [s.get("id") for s in styles] == ["strike", "attack", "other"]
    assert all(
        s.findtext("k:BalloonStyle/k:text", namespaces=NS) == "$[description]" for s in styles
    )
    folders = {f.findtext("k:name", namespaces=NS): f for f in doc.findall("k:Folder", NS)}
    assert list(folders) == ["strike", "attack"]
    attack = folders["attack"].find("k:Placemark", NS)
    assert attack is not None and attack.get("id") == "row-1"
    assert attack.findtext("k:name", namespaces=NS) == "attack: Ain al-Asad Air Base, 2024-01-20"
    assert attack.findtext("k:TimeSpan/k:begin", namespaces=NS) == "2024-01-17"
    assert attack.findtext("k:TimeSpan/k:end", namespaces=NS) == "2024-01-23"
    assert attack.findtext("k:Point/k:coordinates", namespaces=NS) == "42.4413,33.8007"
    strike = folders["strike"].find("k:Placemark", NS)
    assert (
        strike is not None and strike.findtext("k:TimeStamp/k:when", namespaces=NS) == "2024-02-02"
    )
    assert strike.findtext("k:styleUrl", namespaces=NS) == "#strike"


def test_hostile_text_is_text(written: Path) -> None:
    raw = written.read_text("utf-8")
    assert "<script>" not in raw and "<b>" not in raw and "\x07" not in raw
    mark = ET.parse(written).getroot().find(".//k:Placemark[@id='row-1']", NS)
    assert mark is not None
    html = mark.findtext("k:description", namespaces=NS) or ""
    # the balloon's HTML: article text escaped once more, so Google Earth shows it as text
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html and "&lt;b&gt;Ain al-Asad" in html
    assert "Wire &amp; Co javascript:alert(1)" in html and "<a" not in html
    data = {d.get("name"): d.text for d in mark.iter(f"{{{NAMESPACE}}}SimpleData")}
    assert data["quote"] == HOSTILE.replace("\x07", "\ufffd")
    assert data["place"] == "<b>Ain al-Asad</b>"


def test_reads_back_to_the_same_events(events: gpd.GeoDataFrame, written: Path) -> None:
    back = read_events(written)
    expected = events.copy()
    expected.loc[0, "quote"] = HOSTILE.replace("\x07", "\ufffd")
    pd.testing.assert_frame_equal(
        pd.DataFrame(back.drop(columns="geometry")), pd.DataFrame(expected.drop(columns="geometry"))
    )
    assert all(a.equals(b) for a, b in zip(back.geometry, events.geometry, strict=True))


@pytest.mark.parametrize("driver", [d for d in ("KML", "LIBKML") if d in pyogrio.list_drivers()])
def test_gdal_reads_the_same(events: gpd.GeoDataFrame, written: Path, driver: str) -> None:
    layers = [str(name) for name, _ in pyogrio.list_layers(written)]
    assert layers == ["strike", "attack"]
    raw = pd.concat([pyogrio.read_dataframe(written, layer=n, driver=driver) for n in layers])
    raw = raw.set_index("event_id").loc[list(events["event_id"])]
    got = shapely.get_coordinates(raw.geometry.to_numpy())
    np.testing.assert_allclose(got, shapely.get_coordinates(events.geometry.to_numpy()), atol=0)
    assert list(raw["kind"]) == list(events["kind"]) and list(raw["place"].fillna("")) == [
        "<b>Ain al-Asad</b>",
        "Al Qaim",
        "",
    ]
    assert [str(v) for v in raw["fatalities"]] == ["0", "16", "<NA>"] or list(
        raw["fatalities"].fillna(-1).astype(int)
    ) == [0, 16, -1]
    assert raw["quote"].iloc[0] == HOSTILE.replace("\x07", "\ufffd")
    assert str(raw["begin"].iloc[0]).startswith("2024-01-17")


FOREIGN = f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="{NAMESPACE}"><Document><name>my pins</name>
<Folder><name>strike</name>
  <Placemark><name>Hit</name><description>a pin</description>
    <TimeStamp><when>2024-03-01T10:00:00Z</when></TimeStamp>
    <Point><coordinates> 42.82,33.64,0 </coordinates></Point></Placemark>
  <Folder><name>areas</name>
    <Placemark><ExtendedData><Data name="kind"><value>attack</value></Data>
      <Data name="fatalities"><value>2</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 2,0 2,2 0,2 0,0</coordinates>
      </LinearRing></outerBoundaryIs></Polygon></Placemark>
  </Folder>
</Folder>
<Placemark><name>nowhere</name></Placemark>
<Placemark><name>bad</name><Point><coordinates>east,north</coordinates></Point></Placemark>
</Document></kml>"""


def test_reads_kml_from_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "pins.kml"
    path.write_text(FOREIGN, encoding="utf-8")
    gdf, problems = read_events_report(path)
    assert [p.removeprefix(f"{path} ") for p in problems] == [
        "row 3: no Point, LineString, Polygon or MultiGeometry",
        "row 4: coordinates 'east,north' are not lon,lat numbers",
    ]
    first, second = gdf.iloc[0], gdf.iloc[1]
    assert (first["kind"], first["place"], first["quote"], first["date"]) == (
        "strike",
        "Hit",
        "a pin",
        "2024-03-01",
    )
    assert first.geometry.coords[0] == (42.82, 33.64)
    assert (second["kind"], second["fatalities"]) == ("attack", 2)
    assert second.geometry.equals(shapely.Point(1, 1))
    assert second["reasons"] == ["geometry: Polygon reduced to a representative point"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<kml><Document>", "not valid XML (line 1, column 15)"),
        ("<gpx></gpx>", "not KML (root element 'gpx')"),
    ],
)
def test_unreadable_kml(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.kml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EventsFileError) as err:
        read_events(path)
    assert str(err.value) == f"{path}: {message}"


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "aaaaaaaaaa">'
    for i in range(1, 10):
        bomb += f'<!ENTITY {"a" * (i + 1)} "{("&" + "a" * i + ";") * 10}">'
    bomb += "]><kml>&aaaaaaaaaa;</kml>"
    path = tmp_path / "bomb.kml"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(EventsFileError, match="not valid XML"):
        read_events(path)
