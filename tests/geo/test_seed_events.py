"""End-to-end extraction: the real seed articles (scored by ../shared/eval) and our demo briefs.

The first test is the acceptance check of the issue: ``strikemap extract`` on the five
real articles with their manifest, scored by ``score_events.py``.  The second runs on
the project's own briefs (written for strikemap, different wording) against the event
catalogue in ``seeds/events.yaml``, so a user's clone checks the same thing.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from gazetteer.geodesy import haversine_km
from maps.cli import main
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]


def _extract(src: Path, out: Path, *extra: str) -> dict[str, Any]:
    code = main(["extract", str(src), "-o", str(out), *extra])
    assert code == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@pytest.mark.shared
@pytest.mark.cli
def test_real_seed_articles_score(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    scorer = shared_path("eval", "score_events.py")
    out = tmp_path / "events.geojson"
    _extract(seeds, out, "--manifest", str(seeds / "manifest.csv"))
    run = subprocess.run(
        [sys.executable, str(scorer), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(run.stdout)
    assert score["recall"] >= 0.9, score
    assert score["precision"] >= 0.85, score
    assert score["duplicates_of_required"] == 0, score
    exact, total = (int(x) for x in score["fatalities_exact"].split("/"))
    assert exact >= 6, score
    assert total >= 8, score
    diagnostics = json.loads((tmp_path / "events.geojson.diagnostics.json").read_text())
    assert diagnostics["articles"] == 5


@pytest.mark.cli
def _matches(feature: dict[str, Any], truth: dict[str, Any]) -> bool:
    """Whether an extracted feature is the catalogued event: kind, date, place."""
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"]
    if props["kind"] != truth["kind"]:
        return False
    day = truth["date"] if isinstance(truth["date"], dt.date) else None
    if day is not None:
        lo = dt.date.fromisoformat(props["date_min"])
        hi = dt.date.fromisoformat(props["date_max"])
        slack = {"day": 0, "week": 3}.get(truth["date_precision"], 31)
        best = dt.date.fromisoformat(props["date"])
        if not lo <= day <= hi or abs((best - day).days) > slack:
            return False
    # Within 25 km of the catalogued point, or inside the extent of a coarse place.
    return bool(haversine_km(lat, lon, truth["lat"], truth["lon"]) <= 25 + props["extent_km"])


def test_demo_briefs_match_the_catalogue(tmp_path: Path) -> None:
    """Every catalogued event of the briefs is found once, on its date, near its place, with
    the catalogued fatalities, and nine in ten events found are catalogued ones."""
    data = _extract(ROOT / "seeds", tmp_path / "demo.geojson")
    catalogue = yaml.safe_load((ROOT / "seeds" / "events.yaml").read_text())["events"]
    features = data["features"]
    found = 0
    wrong_toll = []
    for truth in catalogue:
        hits = [f["properties"] for f in features if _matches(f, truth)]
        found += bool(hits)
        assert len(hits) <= 1, (truth["id"], hits)
        toll = truth.get("fatalities")
        if hits and toll is not None and hits[0]["fatalities"] != toll:
            wrong_toll.append((truth["id"], hits[0]["fatalities"], toll))
    assert wrong_toll == []
    assert found / len(catalogue) >= 0.75, found
    extra = [f["properties"] for f in features if not any(_matches(f, t) for t in catalogue)]
    precision = 1 - len(extra) / len(features)
    assert precision >= 0.9, [(p["kind"], p["date"], p["place"]) for p in extra]
    precise = [f for f in features if f["properties"]["date_precision"] == "day"]
    assert len(precise) >= 6
