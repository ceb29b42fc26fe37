"""Every place the seed articles name resolves near the hand-labelled truth.

The truth is ``../shared/eval/seed_events.yaml``; the queries are the places as the
articles write them.  Point places must land within 25 km (K-1 within its 5 km facility
tolerance); areas (a sea, "two locations in Syria") must contain the truth point within
the truth's own tolerance or the resolved area's extent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, haversine_km
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

# truth id -> (query as the seeds write it, country hint the article gives or None)
QUERIES: list[tuple[str, str, str | None]] = [
    ("baghdad-strike-2024-01-04", "Baghdad", None),
    ("baghdad-strike-2024-01-04", "eastern Baghdad", None),
    ("erbil-drone-attack-2023-12-25", "Erbil", None),
    ("erbil-drone-attack-2023-12-25", "Erbil air base", None),
    ("red-sea-usv-attack-2024-01-04", "Red Sea", None),
    ("k1-rocket-attack-2019-12-27", "K1", "IQ"),
    ("k1-rocket-attack-2019-12-27", "K1 Iraqi military base in Kirkuk", None),
    ("k1-rocket-attack-2019-12-27", "Iraqi base outside Kirkuk", None),
    ("al-qaim-strikes-2019-12-29", "al Qaim", "IQ"),
    ("al-qaim-strikes-2019-12-29", "Qaim", None),
    ("al-qaim-strikes-2019-12-29", "al-Qaim", None),
    ("iraq-syria-strikes-2021-06-27", "Syria", None),
    ("iraq-syria-strikes-2021-06-27", "Iraq", None),
    ("erbil-rocket-attack-2021-02-15", "Irbil airport", None),
    ("erbil-rocket-attack-2021-02-15", "Irbil International Airport", None),
    ("baghdad-embassy-rocket-attack-2021-02-22", "U.S. Embassy in Baghdad", None),
    ("baghdad-embassy-rocket-attack-2021-02-22", "Green Zone", "IQ"),
    ("eastern-syria-strikes-2021-02-25", "eastern Syria", None),
    ("eastern-syria-strikes-2021-02-25", "Syria-Iraq border", None),
    ("baghdad-airport-strike-2020-01-03", "Baghdad airport", None),
    ("hamas-attack-2023-10-07", "Israel", None),
    ("saudi-attack-2019", "Saudi Arabia", None),
    ("us-drone-downing-2019", "Strait of Hormuz", None),
    ("kirkuk-rocket-attack-2019-12-mention", "Kirkuk", None),
]
POINT_KM = 25.0


def _truth() -> dict[str, dict[str, object]]:
    path = shared_path("eval", "score_events.py")
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    events = module.parse_truth(Path(path).with_name("seed_events.yaml"))
    return {str(e["id"]): e for e in events}


@pytest.fixture(scope="module")
def truth() -> dict[str, dict[str, object]]:
    return _truth()


def test_every_required_event_place_is_queried(truth: dict[str, dict[str, object]]) -> None:
    required = {i for i, e in truth.items() if e.get("required")}
    assert required <= {q[0] for q in QUERIES}


@pytest.mark.parametrize(("event_id", "query", "country"), QUERIES, ids=[q[1] for q in QUERIES])
def test_seed_place_near_truth(
    gz: Gazetteer,
    truth: dict[str, dict[str, object]],
    event_id: str,
    query: str,
    country: str | None,
) -> None:
    event = truth[event_id]
    best = gz.resolve(query, country=country)[0]
    lat, lon = float(event["lat"]), float(event["lon"])  # type: ignore[arg-type]
    d = haversine_km(best.lat, best.lon, lat, lon)
    tolerance = float(event["tolerance_km"])  # type: ignore[arg-type]
    if "facility_tolerance_km" in event and best.precision == "facility":
        limit = float(event["facility_tolerance_km"])  # type: ignore[arg-type]
    elif tolerance <= 40:
        limit = POINT_KM
    else:
        limit = max(tolerance, best.extent_km)
    assert d <= limit, f"{query!r} -> {best.name}: {d:.1f} km from truth (limit {limit:g})"
