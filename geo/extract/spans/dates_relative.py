"""Calendar arithmetic behind :mod:`geo.extract.spans.dates`.

Plain functions on :class:`datetime.date`: month bounds, the most recent weekday
before a publication date, the year that puts a year-less date on or before
publication, and the periods named by relative phrases ("last week", "earlier
this month").  Nothing here parses text beyond a normalised phrase key.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

__all__ = [
    "ONE_DAY",
    "PRECISIONS",
    "between",
    "coarser",
    "easter_feast",
    "midpoint",
    "month_bounds",
    "most_recent_weekday",
    "on_or_before",
    "relative_period",
]

ONE_DAY = dt.timedelta(days=1)
#: Precisions from finest to coarsest.
PRECISIONS = ("day", "week", "month", "year")


def coarser(a: str, b: str) -> str:
    """Return the coarser of two precisions.

    Examples
    --------
    >>> coarser("day", "week"), coarser("month", "week")
    ('week', 'month')
    """
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of a calendar month.

    Examples
    --------
    >>> month_bounds(2024, 2)
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def midpoint(earliest: dt.date, latest: dt.date) -> dt.date:
    """Return the day halfway between two dates (rounded towards ``earliest``).

    Examples
    --------
    >>> midpoint(dt.date(2019, 12, 23), dt.date(2019, 12, 29))
    datetime.date(2019, 12, 26)
    """
    return earliest + (latest - earliest) // 2


def most_recent_weekday(published: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """Return the latest date with ``weekday`` (Monday = 0) on or before ``published``.

    Parameters
    ----------
    published
        The publication date.
    weekday
        ``0`` for Monday through ``6`` for Sunday.
    strict
        When true the date is strictly before ``published`` ("last Sunday" in an
        article published on a Sunday is a week earlier).

    Examples
    --------
    >>> pub = dt.date(2019, 12, 30)  # a Monday
    >>> most_recent_weekday(pub, 6), most_recent_weekday(pub, 0)
    (datetime.date(2019, 12, 29), datetime.date(2019, 12, 30))
    >>> most_recent_weekday(pub, 0, strict=True)
    datetime.date(2019, 12, 23)
    """
    delta = (published.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    """Return the latest valid ``month``/``day`` on or before ``published``.

    ``None`` when no year in the eight before publication has that day (31 April).

    Examples
    --------
    >>> on_or_before(12, 27, dt.date(2020, 1, 2))
    datetime.date(2019, 12, 27)
    >>> on_or_before(2, 29, dt.date(2023, 3, 1))
    datetime.date(2020, 2, 29)
    >>> on_or_before(4, 31, dt.date(2023, 3, 1)) is None
    True
    """
    for year in range(published.year, published.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def relative_period(phrase: str, published: dt.date) -> tuple[str, dt.date, dt.date] | None:
    """Return ``(precision, earliest, latest)`` for a phrase relative to publication.

    Known phrases (case and spacing ignored): ``today``, ``tonight``, ``overnight``,
    ``this morning/afternoon/evening``, ``yesterday``, ``last night``, ``past 24 hours``,
    ``earlier this week/month/year``, ``last week/month/year``, ``(last|over the|this past)
    weekend`` (the latest Saturday and Sunday) and ``in the past week`` or ``over the last
    few days`` (the week up to publication).  "Earlier this week" runs from
    Monday of the publication week to the day before publication (the previous
    seven days when publication is a Monday); "last week" is the previous
    Monday-Sunday week.

    Examples
    --------
    >>> relative_period("earlier this week", dt.date(2019, 12, 26))  # a Thursday
    ('week', datetime.date(2019, 12, 23), datetime.date(2019, 12, 25))
    >>> relative_period("Last  month", dt.date(2020, 1, 2))
    ('month', datetime.date(2019, 12, 1), datetime.date(2019, 12, 31))
    >>> relative_period("over the weekend", dt.date(2020, 1, 2))  # a Thursday
    ('week', datetime.date(2019, 12, 28), datetime.date(2019, 12, 29))
    >>> relative_period("next week", dt.date(2020, 1, 2)) is None
    True
    """
    key = " ".join(phrase.lower().split())
    # "Overnight" in a report is the night that ended on the publication day; like ACLED,
    # strikes after midnight are dated to that day.
    if key in {"today", "tonight", "overnight", "this morning", "this afternoon", "this evening"}:
        return "day", published, published
    if key in {"yesterday", "last night"}:
        return "day", published - ONE_DAY, published - ONE_DAY
    if key in {"past 24 hours", "last 24 hours"}:  # a release's, dated like "overnight"
        return "day", published, published
    if key == "earlier this week":
        monday = published - dt.timedelta(days=published.weekday() or 7)
        return "week", monday, published - ONE_DAY
    if key == "last week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return "week", monday, monday + dt.timedelta(days=6)
    if key.endswith("weekend"):  # the latest Saturday and Sunday (the one before, if "last")
        back = (published.weekday() - 5) % 7 + (
            7 if key == "last weekend" and published.weekday() >= 5 else 0
        )
        saturday = published - dt.timedelta(days=back)
        return "week", saturday, min(published, saturday + ONE_DAY)
    if key.endswith(("past week", "last week", "few days")):  # "in the past week"
        return "week", published - dt.timedelta(days=6), published
    if key == "earlier this month":
        first = published.replace(day=1)
        return "month", first, max(first, published - ONE_DAY)
    if key == "last month":
        previous = published.replace(day=1) - ONE_DAY
        return "month", *month_bounds(previous.year, previous.month)
    if key == "earlier this year":
        first = dt.date(published.year, 1, 1)
        return "year", first, max(first, published - ONE_DAY)
    if key == "last year":
        return "year", dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)
    return None


def between(
    first: dt.date, earliest: dt.date, latest: dt.date
) -> tuple[dt.date, str, dt.date, dt.date, str]:
    """The window of "between A and B": from ``first`` (A's day, a year earlier when it would
    come after B) to ``latest`` (B's last day), as (date, precision, earliest, latest, reason).

    >>> between(dt.date(2020, 1, 1), dt.date(2019, 9, 30), dt.date(2019, 9, 30))[1:4]
    ('year', datetime.date(2019, 1, 1), datetime.date(2019, 9, 30))
    """
    start = first
    for year in (earliest.year, earliest.year - 1):
        if start > earliest and not (first.month == 2 and first.day == 29):
            start = first.replace(year=year)
    days = (latest - start).days
    precision = "day" if days < 1 else "week" if days < 7 else "month" if days < 31 else "year"
    why = f"from {start.isoformat()} to {latest.isoformat()}"
    return midpoint(start, latest), precision, start, latest, why


# Days counted from Easter Sunday, by the feast's last word ("Easter" alone: the Sunday)
_FROM_EASTER = {"friday": -2, "saturday": -1, "sunday": 0, "day": 0, "easter": 0, "monday": 1}


def easter_feast(
    name: str, orthodox: bool, year: int | None, published: dt.date | None
) -> dt.date | None:
    """The day of a feast of Easter ("good friday", "palm sunday", "easter monday", "easter")
    in ``year``, else the latest on or before publication (None without either).

    >>> easter_feast("good friday", False, 2019, None)
    datetime.date(2019, 4, 19)
    >>> easter_feast("easter", True, None, dt.date(2020, 4, 30))
    datetime.date(2020, 4, 19)
    """
    shift = dt.timedelta(days=-7 if name.startswith("palm") else _FROM_EASTER[name.split()[-1]])
    method: Literal[1, 2, 3] = EASTER_ORTHODOX if orthodox else EASTER_WESTERN
    if year is not None:
        return easter(year, method) + shift
    if published is None:
        return None
    found = easter(published.year, method) + shift
    return found if found <= published else easter(published.year - 1, method) + shift
