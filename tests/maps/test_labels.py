"""Every code of geo.schema has a human label in maps.labels (maps itself never imports geo)."""

from __future__ import annotations

import pytest

from geo import schema
from geo.extract.spans.actors import SIDES
from maps.labels import LABELS, humanize, label, labels_for

WEAPONS = ("airstrike", "drone", "rocket", "missile", "vessel", "ied", "artillery", "")


@pytest.mark.parametrize(
    ("column", "codes"),
    [
        ("kind", schema.KINDS),
        ("date_precision", schema.DATE_PRECISIONS),
        ("geo_precision", schema.GEO_PRECISIONS),
        ("actor_side", tuple(SIDES)),
        ("weapon", WEAPONS),
    ],
)
def test_every_schema_code_is_labelled(column, codes) -> None:
    for code in codes:
        assert code in LABELS[column], (column, code)
        assert label(column, code) != code


def test_weapons_are_those_the_schema_names() -> None:
    described = schema.DESCRIPTIONS["weapon"]
    assert all(w in described for w in WEAPONS if w)


def test_countries_unknown_codes_and_only_changed_labels() -> None:
    assert label("country", "ye") == "Yemen" and label("country", "") == "Country not reported"
    assert label("actor_side", "iran-aligned") == "Iran-aligned groups"
    assert humanize("new_side-code") == "New side code"
    assert labels_for("kind", ["strike", "Other thing"]) == {
        "strike": "Strike (a state's forces)",
    }
