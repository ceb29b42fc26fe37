"""City districts and neighbourhoods of the home theatre (the curated layer, ``sites.yaml``).

News names Baghdad's Karrada, Damascus's Mezzeh or Beirut's Dahiyeh rather than the city;
GeoNames' cities file lacks them, so the curated layer carries them.  These tests resolve the
usual spellings to the right country within the entry's extent, and spot a district in
running text.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.geodesy import haversine_km


@pytest.mark.parametrize(
    ("name", "site_id", "country"),
    [
        ("Karrada", "karrada", "IQ"),
        ("Karada", "karrada", "IQ"),
        ("al-Karradah", "karrada", "IQ"),
        ("Adhamiyah", "adhamiya", "IQ"),
        ("Kadhimiya", "kadhimiya", "IQ"),
        ("Shuala", "shula", "IQ"),
        ("Jadriya", "jadriya", "IQ"),
        ("Mezzeh", "mezzeh", "SY"),
        ("Mazzeh", "mezzeh", "SY"),
        ("Jobar", "jobar", "SY"),
        ("Kafr Sousa", "kafr-sousa", "SY"),
        ("Sheikh Maqsoud", "sheikh-maqsoud", "SY"),
        ("Dahiyeh", "dahiyeh", "LB"),
        ("Dahieh", "dahiyeh", "LB"),
        ("Haret Hreik", "haret-hreik", "LB"),
        ("Hodan", "hodan-mogadishu", "SO"),
        ("Wadajir", "wadajir", "SO"),
        ("Dasht-e-Barchi", "dasht-e-barchi", "AF"),
        ("Dashte Barchi", "dasht-e-barchi", "AF"),
        ("Shar-e Naw", "shahr-e-naw", "AF"),
        ("Shejaiya", "shujaiya", "PS"),
        ("Rimal", "rimal", "PS"),
        ("Beach camp", "shati-camp", "PS"),
        ("Maghazi", "maghazi-camp", "PS"),
        ("Jabalia camp", "jabalia-camp", "PS"),
        ("Mualla", "mualla", "YE"),
    ],
)
def test_district_spellings_resolve(gz: Gazetteer, name: str, site_id: str, country: str) -> None:
    place = gz.best(name)
    assert place is not None, name
    assert (place.id, place.country) == (f"curated:{site_id}", country)
    assert place.precision == "town" and place.extent_km > 0


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        # independent reference points: the district lies within its own extent of them
        ("Karrada", 33.30, 44.43),  # Wikipedia 'Karrada'
        ("Mezzeh", 33.503, 36.258),  # Wikipedia 'Mezzeh'
        ("Dahiyeh", 33.85, 35.51),  # Wikipedia 'Dahieh' (ur)
        ("Hodan", 2.04, 45.31),  # north-west Mogadishu
        ("Shujaiya", 31.50, 34.47),  # Wikipedia "Shuja'iyya"
    ],
)
def test_districts_lie_within_their_extent(
    gz: Gazetteer, name: str, lat: float, lon: float
) -> None:
    place = gz.best(name)
    assert place is not None
    assert haversine_km(place.lat, place.lon, lat, lon) <= place.extent_km


@pytest.mark.parametrize(
    ("name", "city", "max_km"),
    [
        ("Karrada", "Baghdad", 10),
        ("Dora", "Baghdad", 15),
        ("Mezzeh", "Damascus", 10),
        ("Zamalka", "Damascus", 10),
        ("Sheikh Maqsoud", "Aleppo", 10),
        ("Dahiyeh", "Beirut", 10),
        ("Hodan", "Mogadishu", 10),
        ("Wazir Akbar Khan", "Kabul", 10),
        ("Rimal", "Gaza City", 10),
        ("Al-Sabeen", "Sanaa", 10),
    ],
)
def test_districts_lie_in_their_city(gz: Gazetteer, name: str, city: str, max_km: float) -> None:
    district, town = gz.best(name), gz.best(city)
    assert district is not None and town is not None
    assert district.country == town.country
    assert haversine_km(district.lat, district.lon, town.lat, town.lon) <= max_km


def test_a_district_in_running_text_is_spotted(gz: Gazetteer) -> None:
    found = {m.text: m.place for m in gz.spot("A car bomb exploded in Karrada, Baghdad.")}
    assert found["Karrada"] is not None and found["Karrada"].id == "curated:karrada"
    assert found["Baghdad"] is not None and found["Baghdad"].country == "IQ"


@pytest.mark.parametrize(
    ("text", "written", "site_id"),
    [
        ("Israeli jets struck a building in Haret Hreik on Friday.", "Haret Hreik", "haret-hreik"),
        ("Shelling hit homes in Jobar and Ein Tarma overnight.", "Ein Tarma", "ein-tarma"),
        (
            "An airstrike hit a market in Zamalka in Eastern Ghouta.",
            "Eastern Ghouta",
            "eastern-ghouta",
        ),
        ("A suicide bomber struck a school in Dasht-e-Barchi.", "Dasht-e-Barchi", "dasht-e-barchi"),
        ("Fighting continued in Shujaiya, east of Gaza City.", "Shujaiya", "shujaiya"),
        (
            "Gunmen stormed a hotel in Mogadishu's Hodan district.",
            "Hodan district",
            "hodan-mogadishu",
        ),
    ],
)
def test_districts_are_spotted_in_news(
    gz: Gazetteer, text: str, written: str, site_id: str
) -> None:
    hits = {m.text: m.place.id for m in gz.spot(text) if m.place}
    assert hits.get(written) == f"curated:{site_id}", hits


def test_a_town_geonames_has_keeps_its_entry(gz: Gazetteer) -> None:
    """A camp is listed under its "camp" names only, so the town keeps the bare name."""
    assert gz.best("Nuseirat").id.startswith("geonames:")  # type: ignore[union-attr]
    assert gz.best("Nuseirat camp").id == "curated:nuseirat-camp"  # type: ignore[union-attr]
