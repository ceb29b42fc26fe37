"""geo.extract.merge: the indexed merge equals the former all-pairs merge, and merging in the
groups of merge_groups (or any union of them) equals merging everything at once (invented)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

import geo.extract.merge
from gazetteer import Gazetteer, Place
from geo.event import Event, Report, event_id
from geo.extract.locate import compatible
from geo.extract.merge import (
    _combine,
    _quality,
    _score,
    merge_events,
    merge_groups,
    merge_key,
    same_event,
)

# Places near and far, nested and not: two towns 7 km apart, a base 33 km away, a province,
# a country, a sea without a country, a town elsewhere, and one id at two coordinates.
PLACES = [
    Place("t:a", "A", 33.30, 44.40, "IQ", "city", 0, "test"),
    Place("t:a2", "A2", 33.35, 44.45, "IQ", "town", 0, "test"),
    Place("t:b", "B", 33.60, 44.40, "IQ", "airbase", 0, "test"),
    Place("t:r", "R", 33.50, 44.00, "IQ", "governorate", 0, "test", extent_km=80.0),
    Place("t:iq", "Iraq", 33.0, 43.5, "IQ", "country", 0, "test", extent_km=450.0),
    Place("t:y", "Y", 15.30, 44.20, "YE", "city", 0, "test"),
    Place("t:sea", "Sea", 16.0, 41.0, "", "sea", 0, "test", extent_km=600.0),
    Place("t:a", "A moved", 33.31, 44.41, "IQ", "city", 0, "test"),
]
START = dt.date(2024, 1, 1)


def reference_merge(events: list[Event]) -> list[Event]:
    """The merge as it was before the date index: every event checked against every one."""
    pool = sorted(events, key=lambda e: (_quality(e), e.date, e.sources))
    merged: list[Event] = []
    for event in pool:
        fits = [i for i, m in enumerate(merged) if same_event(m, event)]
        if not fits:
            merged.append(event)
            continue
        scores = sorted((_score(event, merged[i]), i) for i in fits)
        vague = event.date_precision != "day" or event.resolved.precision in ("country", "region")
        if vague and len(scores) > 1 and scores[0][0] == scores[1][0]:
            merged.append(event)
            continue
        best = scores[0][1]
        merged[best] = _combine(merged[best], event)
    return sorted(merged, key=lambda e: (e.date, e.sources))


def _dates(rng: random.Random) -> tuple[dt.date, str, dt.date, dt.date]:
    day = START + dt.timedelta(days=rng.randint(0, 60))
    precision = rng.choices(["day", "week", "month", "year", "wide"], [12, 3, 2, 1, 1])[0]
    if precision == "day":
        return day, "day", day, day
    if precision == "week":
        first = day - dt.timedelta(days=rng.randint(0, 6))
        return day, "week", first, first + dt.timedelta(days=6)
    if precision == "month":
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return day, "month", first, last
    if precision == "year":
        return day, "year", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, "year", day - dt.timedelta(days=3000), day  # longer than every index class


def random_events(rng: random.Random, n: int) -> list[Event]:
    events = []
    for k in range(n):
        date, precision, first, last = _dates(rng)
        source = f"a{rng.randint(0, n // 3 + 1):02d}"
        report = Report(source, k, k + 10, f"sentence {k}", (f"trigger {k}",))
        events.append(
            Event(
                kind=rng.choice(["strike", "strike", "attack"]),
                weapon=rng.choice(["", "", "drone", "airstrike"]),
                date=date,
                date_precision=precision,
                date_min=first,
                date_max=last,
                place=f"place {k}",
                resolved=rng.choice(PLACES),
                actor="",
                actor_side=rng.choice(["", "", "x", "y"]),
                target="",
                fatalities=rng.choice([0, 0, 1, 2, 5]),
                injured=rng.choice([None, 0, 3]),
                reports=(report,),
            )
        )
    return events


def _group_of(events: list[Event]) -> Callable[[Report], int]:
    labels = merge_groups([merge_key(e) for e in events])
    by_report = {e.reports[0]: label for e, label in zip(events, labels, strict=True)}
    return by_report.__getitem__


@pytest.mark.parametrize("seed", range(60))
def test_indexed_and_grouped_merges_equal_the_all_pairs_merge(seed: int) -> None:
    rng = random.Random(seed)
    events = random_events(rng, rng.randint(0, 150))
    expected = reference_merge(events)
    assert merge_events(events) == expected
    group = _group_of(events)
    for merged in expected:  # every merged event is made of one group's events
        assert len({group(r) for r in merged.reports}) == 1
    ids: dict[str, set[int]] = {}
    for merged in expected:  # and events with one id are in one group
        ids.setdefault(event_id(merged), set()).add(group(merged.reports[0]))
    assert all(len(labels) == 1 for labels in ids.values())
    # any union of groups, merged alone in input order, gives its part of the result
    bins = {label: rng.randint(0, 2) for label in map(group, (e.reports[0] for e in events))}
    for b in range(3):
        mine = [e for e in events if bins[group(e.reports[0])] == b]
        assert merge_events(mine) == [m for m in expected if bins[group(m.reports[0])] == b]


def test_random_events_really_merge_and_split_into_groups() -> None:
    """The property test above is only worth something if merges and groups happen."""
    inputs = merged = groups = threefold = 0
    for seed in range(60):
        rng = random.Random(seed)
        events = random_events(rng, rng.randint(0, 150))
        result = merge_events(events)
        inputs, merged = inputs + len(events), merged + len(result)
        groups += len(set(merge_groups([merge_key(e) for e in events])))
        threefold += sum(len(m.reports) > 2 for m in result)
    assert merged < 0.8 * inputs
    assert groups > 0.1 * inputs
    assert threefold > 10


def test_the_date_index_keeps_the_merge_below_quadratic(monkeypatch: Any) -> None:
    calls = 0

    def counted(a: Event, b: Event) -> bool:
        nonlocal calls
        calls += 1
        return same_event(a, b)

    rng = random.Random(7)
    events = []
    for k, event in enumerate(random_events(rng, 3000)):
        day = START + dt.timedelta(days=k // 3)  # three reports a day over 1,000 days
        events.append(replace(event, date=day, date_precision="day", date_min=day, date_max=day))
    monkeypatch.setattr(geo.extract.merge, "same_event", counted)
    assert merge_events(events) == reference_merge(events)
    assert calls < 10 * len(events)  # all pairs would be about 4.5 million


@pytest.mark.parametrize(
    "names",
    [
        ("Baghdad", "Baghdad airport", "Iraq", "northern Iraq", "Erbil", "Erbil air base"),
        ("Red Sea", "Gulf of Aden", "Hodeidah", "Yemen", "Bab el-Mandeb", "Sanaa"),
        ("Syria", "Deir ez-Zor", "Albu Kamal", "al-Qaim", "Jordan", "Tower 22"),
    ],
)
def test_places_that_can_be_one_place_are_linked_and_others_not(
    gz: Gazetteer, names: tuple[str, ...]
) -> None:
    found = [gz.best(name) for name in names]
    far = Place("t:a", "A far away", -30.0, 120.0, "AU", "city", 0, "test")  # same id as A
    places = [p for p in found if p is not None] + PLACES + [far]
    for a in places:
        for b in places:
            keys = [("strike", 5, 5, spot(a)), ("strike", 5, 5, spot(b))]
            linked = merge_groups(keys)[1] == 0
            assert linked == (a.id == b.id or compatible(a, b) or compatible(b, a)), (a, b)


def spot(place: Place) -> Place:
    """The place as merge_key keeps it."""
    return merge_key(replace(random_events(random.Random(0), 1)[0], resolved=place))[3]


def test_groups_follow_kind_and_overlapping_days() -> None:
    a, far = PLACES[0], PLACES[5]
    keys = [
        ("strike", 10, 12, a),
        ("strike", 13, 20, a),  # no overlap with the first...
        ("strike", 12, 13, a),  # ...until this one bridges them
        ("attack", 12, 12, a),  # another kind
        ("strike", 11, 11, far),  # too far away
        ("strike", 30, 40, PLACES[1]),  # compatible place, later days
        ("strike", 40, 41, PLACES[4]),  # the country holds the town of the previous one
    ]
    assert merge_groups(keys) == [0, 0, 0, 3, 4, 5, 5]


def test_reports_over_years_merge_with_each_other() -> None:
    """Spans longer than every class of the date index are still found."""
    base = random_events(random.Random(3), 1)[0]
    first, last = dt.date(2015, 1, 1), dt.date(2024, 12, 31)
    events = [
        replace(
            base,
            date=dt.date(2020, 6, 1),
            date_precision="year",
            date_min=first,
            date_max=last,
            weapon="",
            actor_side="",
            reports=(Report(f"s{k}", 0, 5, "text", ()),),
        )
        for k in range(4)
    ]
    assert len(merge_events(events)) == 1
    assert merge_events(events) == reference_merge(events)
