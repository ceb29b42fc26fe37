"""link_responses: which strikes answer which attacks, on hand-built events with known answers."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd
import pytest

from gazetteer import haversine_km
from geo.analysis.responses import DEFAULT_MAX_KM, LINK_COLUMNS, WEIGHTS, link_responses
from geo.errors import AnalysisError
from geo.frame import events_frame
from maps.payload import build_payload

# An attack on a base in western Iraq; points 30 km and 1,200 km away.
BASE = (33.80, 42.44)
NEAR = (33.80, 42.7645)  # 30 km east
FAR = (15.35, 44.21)  # Sanaa, about 2,000 km


def attack(event_id: str, date: str, point: tuple[float, float] = BASE, **extra: Any) -> dict:
    values = {"actor": "Kataib Hezbollah", "actor_side": "iran_aligned"} | extra
    return {"event_id": event_id, "kind": "attack", "date": date, "lat": point[0],
            "lon": point[1], **values}  # fmt: skip


def strike(event_id: str, date: str, point: tuple[float, float] = NEAR, **extra: Any) -> dict:
    values = {"actor": "United States", "actor_side": "us_coalition"} | extra
    return {"event_id": event_id, "kind": "strike", "date": date, "lat": point[0],
            "lon": point[1], **values}  # fmt: skip


def links_of(*records: dict, **options: Any) -> pd.DataFrame:
    return link_responses(events_frame(records), **options)


def pairs(links: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(links["strike_id"], links["attack_id"], strict=True))


def test_a_strike_two_days_after_an_attack_30_km_away_links_one_20_days_later_does_not() -> None:
    links = links_of(
        attack("a", "2024-01-10"), strike("s2", "2024-01-12"), strike("s20", "2024-01-30")
    )
    assert pairs(links) == [("s2", "a")]
    row = links.iloc[0]
    assert row["days"] == 2 and row["km"] == pytest.approx(haversine_km(*BASE, *NEAR), abs=0.05)
    assert row["km"] == pytest.approx(30, abs=0.1)
    assert row["reason"].startswith("2 days after, 30 km away; Kataib Hezbollah attack answered")
    assert list(links.columns) == list(LINK_COLUMNS)


def test_the_window_is_0_to_max_days_before_the_strike() -> None:
    records = [attack("a", "2024-01-10"), strike("before", "2024-01-09")]
    records += [
        strike("same", "2024-01-10"),
        strike("d7", "2024-01-17"),
        strike("d8", "2024-01-18"),
    ]
    assert pairs(links_of(*records)) == [("same", "a"), ("d7", "a")]
    assert pairs(links_of(*records, max_days=8)) == [("same", "a"), ("d7", "a"), ("d8", "a")]
    assert links_of(*records).iloc[0]["reason"].startswith("same day")


def test_same_side_or_same_actor_never_links_unknown_actors_link_with_less_score() -> None:
    records = [
        attack("a", "2024-01-10"),
        strike("ally", "2024-01-11", actor="IRGC", actor_side="iran-aligned"),
        strike("self", "2024-01-11", actor="Kataib Hezbollah", actor_side="other"),
        strike("anon", "2024-01-11", actor="", actor_side=""),
        strike("us", "2024-01-11", actor_side="us-coalition"),  # hyphenated spelling
    ]
    links = links_of(*records).set_index("strike_id")
    assert sorted(links.index) == ["anon", "us"]
    assert links.loc["us", "score"] - links.loc["anon", "score"] == pytest.approx(
        WEIGHTS["opposed"]
    )
    assert "unattributed strike" in links.loc["anon", "reason"]


def test_a_stated_motive_raises_the_score_and_is_named() -> None:
    quote = "The strikes were carried out in response to the drone attack, officials said."
    plain = links_of(attack("a", "2024-01-10"), strike("s", "2024-01-12"))
    said = links_of(attack("a", "2024-01-10"), strike("s", "2024-01-12", quote=quote))
    assert said.iloc[0]["score"] - plain.iloc[0]["score"] == pytest.approx(WEIGHTS["motive"])
    assert "quote says 'in response to'" in said.iloc[0]["reason"]
    assert "quote says" not in plain.iloc[0]["reason"]


def test_hitting_the_attacker_or_naming_its_place_is_evidence() -> None:
    hit = strike("s", "2024-01-12", target="Kataib Hezbollah weapons depot")
    member = strike("m", "2024-01-12", target="a Kataib Hezbollah depot")
    umbrella = attack("u", "2024-01-11", actor="Islamic Resistance in Iraq")
    named = strike("n", "2024-01-12", quote="Jets struck after the rocket fire on Ain al-Asad.")
    on_base = attack("b", "2024-01-10", place_resolved="Ain al-Asad", actor="")
    links = links_of(attack("a", "2024-01-10"), hit, umbrella, member, on_base, named, limit=None)
    reason = {
        (s, a): r for s, a, r in zip(links.strike_id, links.attack_id, links.reason, strict=True)
    }
    assert "strike targets the attacker" in reason["s", "a"]
    assert "strike targets the attacker" in reason["m", "u"]  # KH is a member of the IRI
    assert "strike targets the attacker" not in reason["n", "a"]
    assert "quote names Ain al-Asad" in reason["n", "b"]
    assert "quote names" not in reason["n", "a"]


def test_distance_limit_and_per_strike_limit() -> None:
    far = links_of(attack("a", "2024-01-10", FAR), strike("s", "2024-01-12"))
    assert far.empty and list(far.columns) == list(LINK_COLUMNS) and DEFAULT_MAX_KM < 2000
    unlimited = links_of(attack("a", "2024-01-10", FAR), strike("s", "2024-01-12"), max_km=None)
    assert pairs(unlimited) == [("s", "a")] and unlimited.iloc[0]["km"] > 2000
    records = [attack(f"a{d}", f"2024-01-1{d}") for d in range(5)] + [strike("s", "2024-01-15")]
    assert pairs(links_of(*records)) == [("s", "a4"), ("s", "a3"), ("s", "a2")]  # nearest in time
    everything = links_of(*records, limit=None)
    assert len(everything) == 5 and everything["score"].is_monotonic_decreasing


def test_undated_and_unidentified_events_are_not_linked() -> None:
    records = [attack("a", "2024-01-10"), strike("s", "2024-01-12"), strike("n", "2024-01-12")]
    events = events_frame(records)
    events.loc[events.event_id == "n", "date"] = None
    events.loc[events.event_id == "a", "event_id"] = None
    assert link_responses(events).empty


def test_bad_options_and_columns() -> None:
    events = events_frame([attack("a", "2024-01-10")])
    for options, message in [
        ({"max_days": -1}, "max_days must be a whole number of days >= 0, not -1"),
        ({"max_days": 2.5}, "max_days must be a whole number"),
        ({"max_km": 0}, "max_km must be a number of km > 0 or None, not 0"),
        ({"limit": 0}, "limit must be a whole number >= 1 or None, not 0"),
    ]:
        with pytest.raises(AnalysisError, match=message):
            link_responses(events, **options)
    with pytest.raises(AnalysisError, match=r"events lack column\(s\) date needed"):
        link_responses(events.drop(columns="date"))
    assert link_responses(events.iloc[:0]).empty


def test_the_links_are_what_the_map_draws() -> None:
    events = events_frame([attack("a", "2024-01-10"), strike("s", "2024-01-12")])
    links = link_responses(events)
    drawn = build_payload(events, links=links)["links"]
    ids = events["event_id"].tolist()
    ends = zip(drawn["a"], drawn["b"], strict=True)
    assert drawn["dropped"] == 0 and [(ids[a], ids[b]) for a, b in ends] == [("s", "a")]


def test_input_is_not_modified() -> None:
    events: gpd.GeoDataFrame = events_frame([attack("a", "2024-01-10"), strike("s", "2024-01-12")])
    before = events.copy()
    link_responses(events)
    assert events.equals(before)
