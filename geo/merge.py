"""One event, many reports: merge events from different articles that are the same event.

Two events are the same when they are of the same kind, their date ranges
overlap (two day-precise dates must be the same day), their places can be one
place (one inside the other, or within their extents), their actors do not
conflict, and their weapons agree when both are known.  A vague event (a month,
a region) joins a precise one only when exactly one candidate fits best, so a
vague mention never glues two distinct events together.  No merged event holds
two events of one article: the article itself already told them apart.

Examples
--------
>>> merge_events([])
[]
"""

from __future__ import annotations

from dataclasses import replace

from gazetteer.geodesy import haversine_km
from geo.cluster import narrow
from geo.dates import EventDate
from geo.event import Event
from geo.locate import compatible
from geo.schema import DATE_RANK, PLACE_RANK

__all__ = ["merge_events", "same_event"]


def same_event(a: Event, b: Event) -> bool:
    """Whether two events (from different articles) can be one event."""
    if a.kind != b.kind:
        return False
    if a.date_precision == "day" and b.date_precision == "day":
        if a.date != b.date:
            return False
    elif max(a.date_min, b.date_min) > min(a.date_max, b.date_max):
        return False
    if a.weapon and b.weapon and a.weapon != b.weapon:
        return False
    if a.actor_side and b.actor_side and a.actor_side != b.actor_side:
        return False
    if not compatible(a.resolved, b.resolved):
        return False
    return not {r.source for r in a.reports} & {
        r.source for r in b.reports
    }  # checked last: dearest


def _score(a: Event, b: Event) -> tuple[int, float, int]:
    """Lower is a better match: date precision, distance, fatality agreement."""
    distance = haversine_km(a.resolved.lat, a.resolved.lon, b.resolved.lat, b.resolved.lon)
    fatal = 0 if (a.fatalities == b.fatalities or not a.fatalities or not b.fatalities) else 1
    return (DATE_RANK[b.date_precision], round(distance, -1), fatal)


def _when(e: Event) -> EventDate:
    return EventDate(e.date, e.date_precision, e.date_min, e.date_max, "", 0, 0, "")


def _combine(a: Event, b: Event) -> Event:
    """One event from two reports of it: narrowest date, most precise place, lowest counts."""
    when = narrow(_when(a), _when(b))
    assert when is not None  # same_event checked that the dates overlap
    where = a if PLACE_RANK[a.resolved.precision] <= PLACE_RANK[b.resolved.precision] else b
    first, second = (a, b) if _quality(a) <= _quality(b) else (b, a)
    injured = [x for x in (a.injured, b.injured) if x is not None]
    return replace(
        first,
        date=when.date,
        date_precision=when.precision,
        date_min=when.earliest,
        date_max=when.latest,
        place=where.place,
        resolved=where.resolved,
        place_how=where.place_how,
        weapon=a.weapon or b.weapon,
        actor=first.actor or second.actor,
        actor_side=first.actor_side or second.actor_side,
        target=first.target or second.target,
        fatalities=_lowest(a.fatalities, b.fatalities),
        injured=min(injured) if injured else None,
        reports=first.reports + second.reports,
    )


def _lowest(a: int, b: int) -> int:
    """Lowest reported figure; 0 means none reported, not a report of zero deaths."""
    figures = [x for x in (a, b) if x]
    return min(figures) if figures else 0


def _quality(e: Event) -> tuple[int, int]:
    return (DATE_RANK[e.date_precision], PLACE_RANK[e.resolved.precision])


def merge_events(events: list[Event]) -> list[Event]:
    """Merge reports of the same event from different articles.

    Parameters
    ----------
    events : list of Event
        Events of all articles (each from one article).

    Returns
    -------
    list of Event
        Merged events, sources listed in each; order by date, then first source.
    """
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
            merged.append(event)  # ambiguous: keep it apart rather than guess
            continue
        best = scores[0][1]
        merged[best] = _combine(merged[best], event)
    return sorted(merged, key=lambda e: (e.date, e.sources))
