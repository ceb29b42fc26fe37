"""One event, many reports: merge events from different articles that are the same event.

Two events are the same when they are of the same kind, their date ranges
overlap (two day-precise dates must be the same day), their places can be one
place (one inside the other, or within their extents), their actors do not
conflict, and their weapons agree when both are known.  A vague event (a month,
a region) joins a precise one only when exactly one candidate fits best, so a
vague mention never glues two distinct events together.  No merged event holds
two events of one article: the article itself already told them apart.

The merge is greedy and order-dependent: events are taken best first (finest
date and place, then date, then sources, then input order) and each joins the
best merged event it fits.  Only merged events of the same kind whose days can
overlap are looked at (an index by kind and date), so the cost grows with the
number of events per day, not with the square of all events.

Merging in independent groups
-----------------------------
:func:`merge_groups` labels events so that the merge can run group by group (on
different machines) with the result of one global run.  Each event ``e`` has a
*span*, the days ``[min(date_min, date), max(date_max, date)]``, and a *spot*,
its place reduced to what :func:`geo.extract.locate.compatible` reads (id, coordinates,
kind, country, extent).  Two events are *linked* when they are of the same kind,
their spans overlap, and their spots are compatible (in either order) or share a
place id.  Groups are the connected components of the links (or any union of
them).  Why this is exact:

1. A merged event's place is the place of one of its events (``_combine`` keeps
   the more precise of two places, never a new one), its kind is theirs, its
   date range is the intersection of theirs (``narrow``) and its day lies in it.
2. So if an event ``e`` fits a merged event ``m`` (:func:`same_event`), then
   ``e`` is linked to the event ``c`` of ``m`` whose place ``m`` carries: same
   kind; ``compatible(m.resolved, e.resolved)`` is the test on ``c``'s spot; and
   ``m``'s range (or its day, for two day-precise dates) lies inside ``c``'s span
   and meets ``e``'s.
3. By induction over the global run, every merged event is made of events of one
   group, and when ``e`` is taken, every merged event it fits is of ``e``'s group.
   The pool order is a sort on a key of each event alone, ties kept in input
   order, so a group's own pool is the global pool restricted to it.  The
   candidates, their scores, the "vague and ambiguous" test and the tie-break
   (position in the merged list, whose order within a group is the same) are then
   those of a run over the group alone.  Hence the run restricted to a group is
   the run of the group, and its output order too (date, sources, then the pool
   position of the event that started each merged event).
4. Two merged events with the same :func:`~geo.event.event_id` have the same
   kind, date range and place id, so (by 1) events of theirs are linked and they
   are in one group: ``-2`` suffixes can be given group by group too.

Links are found without comparing all pairs: events of one kind and spot are
swept by span start into runs of overlapping spans (each run covers one
interval of days), and only runs of compatible spots are compared, in one
sweep per pair of spots.

Examples
--------
>>> merge_events([])
[]
>>> merge_groups([])
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Final

from gazetteer import Place
from gazetteer.geodesy import haversine_km
from gazetteer.normalize import normalize
from geo.event import Event
from geo.extract.cluster import narrow
from geo.extract.locate import compatible
from geo.extract.spans.dates import EventDate
from geo.schema import DATE_RANK, PLACE_RANK

__all__ = ["MergeKey", "merge_events", "merge_groups", "merge_key", "same_event", "without_covered"]

#: (kind, first day, last day, spot): what decides which events can ever merge.
MergeKey = tuple[str, int, int, Place]

_WIDTHS: Final = (1, 8, 32, 128, 512, 2048)  # span length classes of the date index (days)
_REACH_KM: Final = 50.0  # prefilter: twice the slack of geo.extract.locate.compatible


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


def _span(e: Event) -> tuple[int, int]:
    """First and last day (ordinals) the event can be on, its best day included."""
    day = e.date.toordinal()
    return min(e.date_min.toordinal(), day), max(e.date_max.toordinal(), day)


class _DateIndex:
    """Positions of merged events by kind and span, for the candidates of a new event.

    A span of at most ``w`` days (the smallest class width that holds it) is filed
    under its first day ``// w``; spans longer than every class are listed apart.
    A merged event's span only shrinks as it absorbs events, so its entry (filed at
    first sight) stays a superset, and :func:`same_event` decides.
    """

    def __init__(self) -> None:
        self._classes: dict[str, list[dict[int, list[int]]]] = {}
        self._wide: dict[str, list[int]] = defaultdict(list)

    def add(self, position: int, event: Event) -> None:
        lo, hi = _span(event)
        classes = self._classes.setdefault(event.kind, [{} for _ in _WIDTHS])
        for width, buckets in zip(_WIDTHS, classes, strict=True):
            if hi - lo < width:
                buckets.setdefault(lo // width, []).append(position)
                return
        self._wide[event.kind].append(position)

    def near(self, event: Event) -> Iterator[int]:
        """Positions of merged events whose spans may overlap the event's."""
        lo, hi = _span(event)
        yield from self._wide.get(event.kind, ())
        classes = self._classes.get(event.kind)
        if classes is None:
            return
        for width, buckets in zip(_WIDTHS, classes, strict=True):
            # a span filed here starts at s with s + width > lo and s <= hi
            for key in range((lo - width + 1) // width, hi // width + 1):
                yield from buckets.get(key, ())


def _pool_key(e: Event) -> tuple[tuple[int, int], object, tuple[str, ...]]:
    return (_quality(e), e.date, e.sources)


def _merge_pool(pool: Sequence[Event]) -> list[tuple[Event, int]]:
    """The greedy merge over events in pool order: merged events with the pool position
    of the event that started each, in the order they were started."""
    merged: list[Event] = []
    started: list[int] = []
    index = _DateIndex()
    for rank, event in enumerate(pool):
        fits = [i for i in index.near(event) if same_event(merged[i], event)]
        if fits:
            scores = sorted((_score(event, merged[i]), i) for i in fits)
            vague = event.date_precision != "day" or event.resolved.precision in (
                "country",
                "region",
            )
            if not (vague and len(scores) > 1 and scores[0][0] == scores[1][0]):
                best = scores[0][1]
                merged[best] = _combine(merged[best], event)
                continue
            # ambiguous: keep it apart rather than guess
        index.add(len(merged), event)
        merged.append(event)
        started.append(rank)
    return list(zip(merged, started, strict=True))


def merge_events(events: list[Event]) -> list[Event]:
    """Merge reports of the same event from different articles.

    Parameters
    ----------
    events : list of Event
        Events of all articles (each from one article), in article order.

    Returns
    -------
    list of Event
        Merged events, sources listed in each; order by date, then first source.
    """
    pool = sorted(events, key=_pool_key)
    done = sorted(_merge_pool(pool), key=lambda pair: (pair[0].date, pair[0].sources, pair[1]))
    return [event for event, _rank in done]


def merge_key(event: Event) -> MergeKey:
    """What :func:`merge_groups` needs of an event: kind, span (day ordinals) and spot.

    The spot is the resolved place without the fields :func:`geo.extract.locate.compatible`
    does not read (name, population, source, score, reason, admin1).
    """
    lo, hi = _span(event)
    p = event.resolved
    spot = Place(p.id, "", p.lat, p.lon, p.country, p.kind, 0, "", extent_km=p.extent_km)
    return (event.kind, lo, hi, spot)


class _Links:
    """Union-find over event positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.root(i), self.root(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


_Run = tuple[int, int, int]  # first day, last day, an event of the run


def _runs(keys: Sequence[MergeKey], members: list[int], links: _Links) -> list[_Run]:
    """Link events of one kind and spot whose spans overlap; return the runs, by first day."""
    members.sort(key=lambda i: keys[i][1])
    runs: list[_Run] = []
    for i in members:
        _kind, lo, hi, _spot = keys[i]
        if runs and lo <= runs[-1][1]:
            first, last, head = runs[-1]
            links.join(head, i)
            runs[-1] = (first, max(last, hi), head)
        else:
            runs.append((lo, hi, i))
    return runs


def _link_runs(a: list[_Run], b: list[_Run], links: _Links) -> None:
    """Link the runs of two compatible spots whose day intervals overlap (one sweep)."""
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i][0] <= b[j][1] and b[j][0] <= a[i][1]:
            links.join(a[i][2], b[j][2])
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1


def _spot_pairs(spots: list[Place]) -> Iterator[tuple[int, int]]:
    """Pairs of spots that can be one place (compatible either way, or the same id).

    A vectorised prefilter keeps the pairs :func:`geo.extract.locate.compatible` can accept (within
    both extents plus a margin, or a country and a place in it); only those are tested.
    """
    first: dict[str, int] = {}
    for j, spot in enumerate(spots):
        i = first.setdefault(spot.id, j)
        if i != j:
            yield i, j
    if len(spots) < 2:
        return
    import numpy as np

    lat = np.radians([s.lat for s in spots])
    lon = np.radians([s.lon for s in spots])
    extent = np.array([s.extent_km or 0.0 for s in spots])
    country = np.array([s.country for s in spots], dtype=object)
    nation = np.array([s.kind == "country" for s in spots])
    for i in range(len(spots) - 1):
        a, rest = spots[i], slice(i + 1, None)
        h = (
            np.sin((lat[rest] - lat[i]) / 2) ** 2
            + np.cos(lat[i]) * np.cos(lat[rest]) * np.sin((lon[rest] - lon[i]) / 2) ** 2
        )
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
        near = km <= extent[i] + extent[rest] + _REACH_KM
        if a.country:
            near |= (country[rest] == a.country) & (nation[i] | nation[rest])
        for k in np.flatnonzero(near):
            b = spots[i + 1 + int(k)]
            if compatible(a, b) or compatible(b, a):
                yield i, i + 1 + int(k)


def merge_groups(keys: Sequence[MergeKey]) -> list[int]:
    """Label events so that events with different labels can never merge or share an id.

    Parameters
    ----------
    keys : sequence of MergeKey
        :func:`merge_key` of each event.

    Returns
    -------
    list of int
        Per event, the smallest position of an event of its group.  Merging each
        group alone, in the order of the input, and putting the results together
        gives what :func:`merge_events` gives on all events (see the module notes).

    Examples
    --------
    >>> import datetime as dt
    >>> spot = Place("x:1", "", 33.0, 44.0, "IQ", "city", 0, "")
    >>> far = Place("x:2", "", 15.0, 43.0, "YE", "city", 0, "")
    >>> merge_groups([("strike", 10, 12, spot), ("strike", 40, 41, spot),
    ...               ("strike", 12, 13, spot), ("attack", 11, 11, spot),
    ...               ("strike", 11, 11, far)])
    [0, 1, 0, 3, 4]
    """
    links = _Links(len(keys))
    by_spot: dict[tuple[str, Place], list[int]] = defaultdict(list)
    for i, (kind, _lo, _hi, spot) in enumerate(keys):
        by_spot[(kind, spot)].append(i)
    runs = {key: _runs(keys, members, links) for key, members in by_spot.items()}
    kinds: dict[str, list[Place]] = defaultdict(list)
    for kind, spot in runs:
        kinds[kind].append(spot)
    for kind, spots in kinds.items():
        for i, j in _spot_pairs(spots):
            _link_runs(runs[(kind, spots[i])], runs[(kind, spots[j])], links)
    return [links.root(i) for i in range(len(keys))]


def without_covered(events: list[Event]) -> list[Event]:
    """An article's events without those at a whole country that its finer events of the same
    kind and days cover ("conducted ten strikes in Syria", then "Near Al Hawl, one strike…").

    A country-level event keeps its place when it carries figures of its own (fatalities), but
    not a headline's that a finer event gives ("Suicide Bomber Kills at Least 6 in Pakistan",
    the Rawalpindi bombing that killed six).
    """
    return [
        e
        for e in events
        if e.resolved.kind != "country"
        or normalize(e.place) != normalize(e.resolved.name)  # "Near Kisik": a name, unknown
        or not any(
            f.kind == e.kind
            and f.resolved.kind != "country"
            and f.resolved.country == e.resolved.country
            and e.date_min <= f.date <= e.date_max
            and (not e.fatalities or (e.reports[0].start == 0 and f.fatalities == e.fatalities))
            for f in events
        )
    ]
