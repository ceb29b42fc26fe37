"""Spellings from real reporting, each resolved to within a tolerance of the true place.

Coordinates are the places' well-known positions (town centres; for bases the curated
entries' sources); tolerances allow for the town's or site's size.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, haversine_km

# (spelling, country hint or None, expected lat, lon, tolerance km)
CASES: list[tuple[str, str | None, float, float, float]] = [
    # Iraq
    ("Baghdad", None, 33.34, 44.40, 10),
    ("Bagdad", None, 33.34, 44.40, 10),
    ("Mosul", None, 36.34, 43.13, 10),
    ("Al Mawsil", None, 36.34, 43.13, 10),
    ("Basra", None, 30.51, 47.78, 15),
    ("Basrah", None, 30.51, 47.78, 15),
    ("Kirkuk", None, 35.47, 44.39, 10),
    ("Kerkuk", None, 35.47, 44.39, 10),
    ("Erbil", None, 36.19, 44.01, 10),
    ("Irbil", None, 36.19, 44.01, 10),
    ("Arbil", None, 36.19, 44.01, 10),
    ("Hawler", None, 36.19, 44.01, 10),
    ("Hewlêr", None, 36.19, 44.01, 10),
    ("Sulaymaniyah", None, 35.56, 45.43, 10),
    ("Sulaimaniya", None, 35.56, 45.43, 10),
    ("Duhok", None, 36.87, 42.99, 10),
    ("Dohuk", None, 36.87, 42.99, 10),
    ("Ramadi", None, 33.42, 43.30, 10),
    ("ar-Ramadi", None, 33.42, 43.30, 10),
    ("Fallujah", None, 33.35, 43.78, 10),
    ("Falluja", None, 33.35, 43.78, 10),
    ("al-Fallujah", None, 33.35, 43.78, 10),
    ("Tikrit", None, 34.61, 43.68, 10),
    ("Samarra", None, 34.20, 43.87, 10),
    ("Najaf", None, 32.00, 44.33, 10),
    ("Karbala", None, 32.61, 44.02, 10),
    ("Kerbala", None, 32.61, 44.02, 10),
    ("Hit", "IQ", 33.64, 42.83, 10),
    ("Haditha", "IQ", 34.14, 42.38, 10),
    ("Anah", "IQ", 34.37, 41.98, 10),
    ("Al Qa'im", None, 34.39, 40.99, 10),
    ("al-Qaim", None, 34.39, 40.99, 10),
    ("Qaim", None, 34.39, 40.99, 10),
    ("Al-Kaim", None, 34.39, 40.99, 10),
    ("Rutba", "IQ", 33.04, 40.28, 10),
    ("Baqubah", None, 33.75, 44.64, 10),
    ("Baquba", None, 33.75, 44.64, 10),
    ("Nasiriyah", None, 31.05, 46.26, 10),
    ("Nasiriya", None, 31.05, 46.26, 10),
    # the ending -iyya(h) as transliterations spell it
    ("Muqdadiya", None, 33.98, 44.94, 10),
    ("Muqdadiyyah", None, 33.98, 44.94, 10),
    ("Mahmoudiya", None, 33.06, 44.37, 10),
    ("Diwaniya", None, 31.99, 44.93, 10),
    ("Balad", "IQ", 34.01, 44.15, 10),
    ("Sinjar", "IQ", 36.32, 41.87, 10),
    ("Tal Afar", None, 36.38, 42.45, 10),
    ("Tel Afar", None, 36.38, 42.45, 10),
    ("Qayyarah", "IQ", 35.80, 43.29, 10),
    ("Zakho", None, 37.14, 42.68, 10),
    ("Anbar", None, 33.4, 42.0, 150),
    ("al-Anbar province", None, 33.4, 42.0, 150),
    ("Nineveh", "IQ", 36.2, 42.6, 150),
    ("Iraqi Kurdistan", None, 36.2, 44.4, 150),
    # Iraqi bases and sites
    ("K-1", None, 35.5125, 44.2842, 5),
    ("K1 air base", None, 35.5125, 44.2842, 5),
    ("K1 base outside Kirkuk", None, 35.5125, 44.2842, 5),
    ("Ain al-Asad", None, 33.79, 42.44, 8),
    ("Ayn al-Asad", None, 33.79, 42.44, 8),
    ("Ain al Asad air base", None, 33.79, 42.44, 8),
    ("Al Asad Airbase", None, 33.79, 42.44, 8),
    ("Harir air base", None, 36.53, 44.34, 8),
    ("Erbil air base", None, 36.24, 43.96, 8),
    ("Irbil International Airport", None, 36.24, 43.96, 5),
    ("Baghdad International Airport", None, 33.26, 44.23, 5),
    ("Baghdad airport", None, 33.26, 44.23, 5),
    ("Victory Base", None, 33.28, 44.26, 8),
    ("Green Zone", None, 33.30, 44.39, 5),
    ("U.S. Embassy in Baghdad", None, 33.30, 44.40, 3),
    ("Union III", None, 33.30, 44.39, 5),
    ("Camp Taji", None, 33.53, 44.28, 8),
    ("Balad air base", None, 33.94, 44.37, 8),
    ("Jurf al-Sakhar", None, 32.87, 44.21, 10),
    ("Jurf al-Nasr", None, 32.87, 44.21, 10),
    ("Camp Speicher", None, 34.68, 43.55, 8),
    ("Mosul Dam", None, 36.63, 42.82, 8),
    # Syria
    ("Damascus", None, 33.51, 36.29, 10),
    ("Aleppo", None, 36.20, 37.16, 10),
    ("Halab", "SY", 36.20, 37.16, 10),
    ("Deir ez-Zor", None, 35.34, 40.14, 10),
    ("Deir al-Zour", None, 35.34, 40.14, 10),
    ("Dayr az Zawr", None, 35.34, 40.14, 10),
    ("Deir Ezzor", None, 35.34, 40.14, 10),
    ("Albu Kamal", None, 34.45, 40.92, 10),
    ("Abu Kamal", None, 34.45, 40.92, 10),
    ("Al Bukamal", None, 34.45, 40.92, 10),
    ("Boukamal", None, 34.45, 40.92, 10),
    ("Mayadin", "SY", 35.02, 40.45, 10),
    ("Al Mayadeen", None, 35.02, 40.45, 10),
    ("Raqqa", None, 35.95, 39.01, 10),
    ("Ar Raqqah", None, 35.95, 39.01, 10),
    ("Hasakah", None, 36.50, 40.75, 10),
    ("Al-Hasakah", None, 36.50, 40.75, 10),
    ("Qamishli", None, 37.05, 41.23, 10),
    ("Kamishli", None, 37.05, 41.23, 10),
    ("Homs", None, 34.73, 36.71, 10),
    ("Palmyra", None, 34.56, 38.28, 10),
    ("Tadmur", None, 34.56, 38.28, 10),
    ("Manbij", None, 36.53, 37.95, 10),
    ("Kobani", None, 36.89, 38.35, 10),
    ("Latakia", None, 35.52, 35.79, 10),
    ("Lattakia", None, 35.52, 35.79, 10),
    ("al-Tanf", None, 33.51, 38.62, 10),
    ("At Tanf garrison", None, 33.51, 38.62, 10),
    ("Shaddadi", "SY", 36.06, 40.73, 10),
    ("Green Village", None, 35.15, 40.58, 15),
    ("Conoco", "SY", 35.34, 40.31, 15),
    ("eastern Syria", None, 35.0, 39.8, 50),
    ("Syria-Iraq border", None, 34.6, 41.0, 100),
    ("Iraq-Syria border", None, 34.6, 41.0, 100),
    # Jordan
    ("Amman", None, 31.95, 35.93, 10),
    ("Tower 22", None, 33.32, 38.70, 15),
    ("Rukban", None, 33.31, 38.67, 15),
    ("Muwaffaq Salti Air Base", None, 31.83, 36.78, 8),
    ("Irbid", None, 32.56, 35.85, 10),
    # Yemen and the seas
    ("Sanaa", None, 15.35, 44.21, 10),
    ("Sana'a", None, 15.35, 44.21, 10),
    ("Hodeidah", None, 14.80, 42.95, 10),
    ("Hudaydah", None, 14.80, 42.95, 10),
    ("Al Hudaydah", None, 14.80, 42.95, 10),
    ("Aden", None, 12.78, 45.04, 10),
    ("Saada", "YE", 16.94, 43.76, 10),
    ("Sa'dah", None, 16.94, 43.76, 10),
    ("Marib", "YE", 15.46, 45.33, 10),
    ("Ma'rib", None, 15.46, 45.33, 10),
    ("Taiz", None, 13.58, 44.02, 10),
    ("Mukalla", None, 14.54, 49.12, 10),
    ("Bab el-Mandeb", None, 12.58, 43.33, 30),
    ("Bab al-Mandab", None, 12.58, 43.33, 30),
    ("Strait of Hormuz", None, 26.57, 56.25, 50),
    ("Gulf of Aden", None, 12.5, 48.0, 150),
    ("Red Sea", None, 20.0, 38.5, 400),
    # Elsewhere in the region and the world
    ("Beirut", None, 33.89, 35.50, 10),
    ("Tehran", None, 35.69, 51.42, 15),
    ("Kermanshah", None, 34.31, 47.07, 10),
    ("Jerusalem", None, 31.77, 35.22, 10),
    ("Riyadh", None, 24.69, 46.72, 15),
    ("Abqaiq", None, 25.94, 49.68, 10),
    ("Kuwait City", None, 29.37, 47.98, 10),
    ("Doha", None, 25.29, 51.53, 10),
    ("Donetsk", None, 48.00, 37.80, 15),
    ("Kharkiv", None, 49.99, 36.23, 15),
    ("Baton Rouge", None, 30.45, -91.15, 15),
    ("Louisiana", None, 31.0, -92.0, 300),
    ("Kabul", None, 34.53, 69.17, 10),
    ("Washington", None, 38.90, -77.04, 15),
]


def test_at_least_eighty_spellings() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(("name", "country", "lat", "lon", "km"), CASES, ids=[c[0] for c in CASES])
def test_spelling_resolves(
    gz: Gazetteer, name: str, country: str | None, lat: float, lon: float, km: float
) -> None:
    found = gz.resolve(name, country=country)
    assert found, f"{name!r} unresolved"
    best = found[0]
    d = haversine_km(best.lat, best.lon, lat, lon)
    assert d <= km, f"{name!r} -> {best.name} ({best.country}) {d:.0f} km off; {best.reason}"


def test_two_towns_of_one_alternate_name_and_size_rank_by_their_own_name(gz: Gazetteer) -> None:
    # GeoNames lists "Sloviansk" among Nikopol's alternate names too, and the two towns have
    # nearly the same population: the town whose own name is the query's wins
    assert gz.best("Sloviansk").name == "Slovyansk"  # type: ignore[union-attr]
