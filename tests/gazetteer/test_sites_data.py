"""Data checks for the curated gazetteer layer ``gazetteer/data/sites.yaml``.

These tests read the YAML file directly (no network, no gazetteer code) so that a bad edit
to the data is caught even before the loader that consumes it exists.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

SITES_PATH = Path(__file__).parents[2] / "gazetteer" / "data" / "sites.yaml"

REQUIRED_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "name": str,
    "aliases": list,
    "kind": str,
    "lat": (int, float),
    "lon": (int, float),
    "country": str,
    "extent_km": (int, float),
    "source": str,
}

ALLOWED_KINDS = frozenset(
    {
        "airbase",
        "base",
        "airport",
        "embassy",
        "border_crossing",
        "dam",
        "port",
        "oilfield",
        "facility",
        "district",
        "neighbourhood",
        "region",
        "area",
        "sea",
        "strait",
        "gulf",
        "waterway",
    }
)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
MIN_ENTRIES = 75
EARTH_RADIUS_KM = 6371.0088

Site = dict[str, Any]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def sites() -> list[Site]:
    with SITES_PATH.open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    assert isinstance(doc, dict), "top level must be a mapping with a 'sites' key"
    assert set(doc) == {"sites"}, f"unexpected top-level keys: {sorted(doc)}"
    entries = doc["sites"]
    assert isinstance(entries, list)
    assert all(isinstance(entry, dict) for entry in entries)
    return entries


@pytest.fixture(scope="module")
def by_id(sites: list[Site]) -> dict[str, Site]:
    return {entry["id"]: entry for entry in sites}


@pytest.fixture(scope="module")
def lookup(sites: list[Site]) -> dict[str, str]:
    """Normalised name or alias -> id of the entry that carries it."""
    index: dict[str, str] = {}
    for entry in sites:
        for label in [entry["name"], *entry["aliases"]]:
            index.setdefault(_norm(label), entry["id"])
    return index


def _labels(entry: Site) -> Iterator[str]:
    yield entry["name"]
    yield from entry["aliases"]


def test_file_exists() -> None:
    assert SITES_PATH.is_file(), SITES_PATH


def test_at_least_75_entries(sites: list[Site]) -> None:
    assert len(sites) >= MIN_ENTRIES, len(sites)


def test_fields_present_with_right_types(sites: list[Site]) -> None:
    for entry in sites:
        label = entry.get("id", entry)
        assert set(entry) == set(REQUIRED_FIELDS), f"{label}: keys {sorted(entry)}"
        for field, expected in REQUIRED_FIELDS.items():
            value = entry[field]
            assert isinstance(value, expected), f"{label}.{field}: {value!r}"
            assert not isinstance(value, bool), f"{label}.{field} is a bool"
        assert entry["name"].strip(), f"{label}: empty name"
        for alias in entry["aliases"]:
            assert isinstance(alias, str), f"{label}: alias {alias!r} is not a string"
            assert alias.strip() == alias and alias, f"{label}: blank or padded alias {alias!r}"


def test_ids_are_unique_lowercase_slugs(sites: list[Site]) -> None:
    ids = [entry["id"] for entry in sites]
    bad = [i for i in ids if not SLUG_RE.match(i)]
    assert not bad, f"ids that are not lowercase slugs: {bad}"
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"


def test_coordinates_in_range_with_at_most_four_decimals(sites: list[Site]) -> None:
    for entry in sites:
        lat, lon = float(entry["lat"]), float(entry["lon"])
        assert -90.0 <= lat <= 90.0, f"{entry['id']}: lat {lat}"
        assert -180.0 <= lon <= 180.0, f"{entry['id']}: lon {lon}"
        assert round(lat, 4) == lat and round(lon, 4) == lon, f"{entry['id']}: >4 decimals"


def test_kind_is_allowed(sites: list[Site]) -> None:
    bad = {entry["id"]: entry["kind"] for entry in sites if entry["kind"] not in ALLOWED_KINDS}
    assert not bad, f"kinds outside the allowed set: {bad}"


def test_country_is_empty_or_alpha2(sites: list[Site]) -> None:
    for entry in sites:
        country = entry["country"]
        assert country == "" or COUNTRY_RE.match(country), f"{entry['id']}: {country!r}"


def test_only_waters_and_wide_areas_lack_a_country(sites: list[Site]) -> None:
    water = {"sea", "strait", "gulf", "waterway"}
    for entry in sites:
        if entry["country"] == "":
            wide = entry["kind"] in ("area", "region") and entry["extent_km"] >= 500
            assert entry["kind"] in water or wide, f"{entry['id']}: no country, {entry['kind']}"


def test_extent_positive_and_source_named(sites: list[Site]) -> None:
    for entry in sites:
        assert entry["extent_km"] > 0, f"{entry['id']}: extent_km {entry['extent_km']}"
        assert entry["source"].strip(), f"{entry['id']}: empty source"


def test_no_alias_shared_between_entries(sites: list[Site]) -> None:
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for entry in sites:
        for label in {_norm(text) for text in _labels(entry)}:
            other = owner.setdefault(label, entry["id"])
            if other != entry["id"]:
                clashes.append(f"{label!r}: {other} and {entry['id']}")
    assert not clashes, "labels used by more than one entry:\n" + "\n".join(clashes)


@pytest.mark.parametrize(
    ("site_id", "lat", "lon"),
    [
        ("k1-air-base", 35.5125, 44.2842),
        ("erbil-international-airport", 36.2376, 43.9632),
        ("us-embassy-baghdad", 33.2985, 44.3955),
    ],
)
def test_reference_points_within_5_km(
    by_id: dict[str, Site], site_id: str, lat: float, lon: float
) -> None:
    entry = by_id[site_id]
    distance = haversine_km(entry["lat"], entry["lon"], lat, lon)
    assert distance <= 5.0, f"{site_id} is {distance:.1f} km from ({lat}, {lon})"


@pytest.mark.parametrize(
    ("label", "site_id"),
    [
        ("K1", "k1-air-base"),
        ("Ain al-Asad", "al-asad-airbase"),
        ("Ayn al-Asad", "al-asad-airbase"),
        ("Ain Al-Assad", "al-asad-airbase"),
        ("Irbil airport", "erbil-international-airport"),
        ("Hewler airport", "erbil-international-airport"),
        ("Erbil Air Base", "erbil-air-base"),
        ("U.S. Embassy in Baghdad", "us-embassy-baghdad"),
        ("American embassy", "us-embassy-baghdad"),
        ("International Zone", "green-zone"),
        ("Camp Victory", "victory-base-complex"),
        ("Joint Base Balad", "balad-air-base"),
        ("At Tanf", "al-tanf-garrison"),
        ("Tower 22", "tower-22"),
        ("Jurf al-Nasr", "jurf-al-sakhar"),
        ("MSS Euphrates", "mss-conoco"),
        ("Q-West", "qayyarah-airfield-west"),
        ("Bab al-Mandab", "bab-el-mandeb"),
        ("Arabian Gulf", "persian-gulf"),
        ("Syria-Iraq border", "syria-iraq-border"),
        ("Iraqi-Syrian border", "syria-iraq-border"),
        ("Syrian-Iraqi border", "syria-iraq-border"),
        ("Iraq-Syria border", "syria-iraq-border"),
    ],
)
def test_news_spellings_resolve(lookup: dict[str, str], label: str, site_id: str) -> None:
    assert lookup.get(_norm(label)) == site_id, f"{label!r} -> {lookup.get(_norm(label))}"


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("K1 air base", "Kirkuk Governorate"),
        ("Ain al-Asad", "Anbar Governorate"),
        ("Erbil Air Base", "Erbil Governorate"),
        ("Red Sea", ""),  # a sea has no first-level region
        ("al-Tanf", ""),  # no populated place within ADMIN1_KM: unknown rather than guessed
    ],
)
def test_sites_take_the_region_of_the_nearest_town(name: str, region: str) -> None:
    from gazetteer import default_gazetteer

    gz = default_gazetteer()
    place = gz.best(name)
    assert place is not None
    assert gz.region_name(place.admin1) == region
