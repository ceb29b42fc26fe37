"""The extractor keeps its accuracy on the dev split of the labelled reports.

The figures are those benchmarks/accuracy.py recorded (tests/data/reports/dev_figures.json); this
test guards against regressions below them and is no target.  Only the dev split is scored: the
test split is for reporting.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.accuracy import DEV_FIGURES, evaluate, load_reports

# Ratios whose base grows with recall (country, fatalities) are guarded by their counts.
GUARDED = (
    "recall",
    "kind_recall",
    "precision",
    "country_ok",
    "fatalities_exact",
    "negatives_clean",
)


@pytest.fixture(scope="module")
def dev() -> dict[str, object]:
    return evaluate(load_reports(split="dev"))


def test_dev_figures_do_not_fall_below_those_recorded(dev: dict[str, object]) -> None:
    recorded = json.loads(Path(DEV_FIGURES).read_text(encoding="utf-8"))
    now = dev["overall"]
    assert isinstance(now, dict)
    fallen = {k: (now[k], recorded[k]) for k in GUARDED if now[k] < recorded[k] - 0.005}
    assert fallen == {}


def test_every_dev_report_is_scored(dev: dict[str, object]) -> None:
    overall = dev["overall"]
    assert isinstance(overall, dict)
    assert overall["reports"] == len(load_reports(split="dev"))


def test_the_corpus_is_well_formed() -> None:
    reports = load_reports()
    assert len({r["id"] for r in reports}) == len(reports)
    for r in reports:
        assert len(r["text"]) <= 1000, r["id"]
        assert r["split"] in ("dev", "test") and r["source_url"] and r["licence"], r["id"]
        for ev in r["events"]:
            assert ev["kind"] in ("strike", "attack"), r["id"]
