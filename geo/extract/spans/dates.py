"""Event dates from news sentences.

:func:`find_dates` finds every date expression in a text and resolves it against
the article's publication date: explicit dates ("Dec. 27", "27 December 2019",
"2024-01-04"), months and years ("January 2020", "in 2005"), weekdays ("on
Sunday", "last Sunday"), holidays ("Christmas Eve"), phrases relative to
publication ("yesterday", "earlier this week") and phrases relative to an earlier
date in the same text ("two days later").  :func:`event_date` picks the date of
the event one sentence reports.

Each result carries a precision (``day``, ``week``, ``month`` or ``year``), the
earliest and latest day it can mean, and a human-readable reason.  A bare number
is never a date, and "May"/"March" count as months only next to a day or year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from geo.extract.spans.dates_relative import (
    ONE_DAY,
    between,
    coarser,
    easter_feast,
    midpoint,
    month_bounds,
    most_recent_weekday,
    on_or_before,
    relative_period,
)
from geo.extract.spans.phrases import Rule, find_phrases

__all__ = ["DateCandidates", "EventDate", "date_candidates", "event_date", "find_dates"]


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date expression.

    Attributes
    ----------
    date
        The best single day.
    precision
        ``"day"``, ``"week"``, ``"month"`` or ``"year"``.
    earliest, latest
        The first and last day the expression can mean.
    text
        The phrase as written.
    start, end
        Its character span in the input text.
    reason
        How it was resolved, for people reviewing the result.
    """

    date: dt.date
    precision: str
    earliest: dt.date
    latest: dt.date
    text: str
    start: int
    end: int
    reason: str


# (date, precision, earliest, latest, reason)
_Resolved = tuple[dt.date, str, dt.date, dt.date, str]
_Handler = Callable[[re.Match[str], dt.date | None, EventDate | None], _Resolved | None]

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {n: i for i, n in enumerate(_MONTH_NAMES.split(), 1)}
_MONTHS |= {n[:3]: i for n, i in list(_MONTHS.items())} | {"sept": 9}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBERS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_MONTH = "(?P<month>" + "|".join(sorted((m.title() for m in _MONTHS), key=len, reverse=True))
# A full stop belongs to the month only after an abbreviation ("Dec.", "Sept.").
_MONTH += r")\b(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|ept)\.)?"
# Months that are never verbs, for "in January" without a day or year.
_BARE_MONTH = "(?P<month>January|February|April|June|July|August|September|October|November"
_BARE_MONTH += "|December)"
_WEEKDAY = "(?:" + "|".join(w.title() for w in _WEEKDAYS) + ")"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,/]\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\w\-]|[.,]\d)"

_ISO = re.compile(
    r"(?<![\w\-/.])(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?![\w\-])"
)
_MONTH_DAY = re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?")
_DAY_MONTH = re.compile(
    rf"(?:\b{_WEEKDAY},?\s+(?:the\s+)?)?(?<![\w\-.,/]){_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}")
# "August 20,1998": a year right after the comma
_MONTH_DAY_TIGHT = re.compile(
    rf"\b{_MONTH}\s+(?P<day>[12]\d|3[01]|0?[1-9]),(?P<year>(?:19|20)\d\d)(?![\w\-]|[.,]\d)"
)
# Two days of one month: "between 27 and 31 March 2022", "On 4 and 5 June 2021", "March 4-6",
# "January 30/31": one date spanning them
_D = r"(?:[12]\d|3[01]|0?[1-9])"
_DAY_RANGE = re.compile(
    rf"(?<![\w\-.,/])(?P<d1>{_D})(?:\s+and\s+|\s*[-–/]\s*)(?P<d2>{_D})\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+{_YEAR})?"
)
_RANGE_OF_MONTH = re.compile(
    rf"\b{_MONTH}\s+(?P<d1>{_D})(?:\s*[-–/]\s*|\s+and\s+|\s+to\s+)(?P<d2>{_D})(?![\w:]|[.,/]\d)"
    rf"(?:,?\s+{_YEAR})?"
)
_MONTH_ONLY = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?P<x>{_BARE_MONTH})\b(?!\.?,?\s*\d)"
)
# "in March", "during May": capitalised after "in", the months that are also verbs
_MARCH_MAY = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?P<x>(?P<month>March|May))\b(?!\.?,?\s*\d)")
# A part of a month: "in mid-December", "early March" (a verb never takes "early")
_MONTH_PART = re.compile(rf"\b(?:[Ee]arly|[Ll]ate|[Mm]id)[\s\-]?{_MONTH}(?!\.?,?\s*\d)")
# A month naming an event: "an October bombing in Mogadishu", "the March attack".
_EVENT_NOUN = r"(?:attacks?|bombings?|strikes?|airstrikes?|raids?|assaults?|massacres?|shelling)\b"
_MONTH_ATTR = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ll]ast)\s+(?P<x>{_BARE_MONTH})\s+(?=(?:[\w\-]+\s+)?{_EVENT_NOUN})"
)
_YEAR_ONLY = re.compile(  # "in 2019", "during late 2019", "the 2019 Karrada bombing"
    rf"\b(?:(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid)[\s\-]?)?|[Tt]he\s+(?=\d{{4}}\s+(?:[\w\-’']+\s+)"
    rf"{{0,3}}?{_EVENT_NOUN}))"
    rf"(?P<x>{_YEAR})"
)
_WEEKDAY_REF = re.compile(
    r"(?P<x>(?:\b(?P<mod>[Ll]ast|[Nn]ext|[Ll]ate|[Ee]arly|[Tt]his\s+past|[Tt]his\s+coming)\s+)?"
    rf"(?<!Good )(?<!Black )\b(?P<wd>{_WEEKDAY}))\b"
)
_HOLIDAY = re.compile(
    r"\b(?P<name>(?:Orthodox\s+)?Christmas\s+(?:Day|Eve)|New\s+Year['’]?s\s+(?:Day|Eve)"
    r"|(?:Orthodox\s+)?(?:Good\s+Friday|Palm\s+Sunday|Holy\s+Saturday|Easter\s+(?:Sunday|Monday|Day))"
    r"|(?<=\b[Oo]n\s)(?:Orthodox\s+)?Easter)\b(?:,?\s+" + _YEAR + ")?"
)
_RELATIVE = re.compile(
    r"(?<!USA )\b(?:today|tonight|overnight|this\s+(?:morning|afternoon|evening)|yesterday"
    r"|last\s+night|(?:past|last)\s+24\s+hours"
    r"|earlier\s+this\s+(?:week|month|year)|last\s+(?:week|month|year)"
    r"|(?:last|this(?:\s+past)?|over\s+the|at\s+the)\s+weekend"
    r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:week|few\s+days))\b",
    re.IGNORECASE,
)
_ANCHORED = re.compile(
    r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(?P<unit>days?|hours?)\s+(?P<dir>later|afterwards?|earlier)\b"
    r"|\b(?:the\s+|that\s+)?(?P<adj>next|following|previous|preceding|same)\s+day\b"
    r"|\b(?P<resp>in\s+(?:response|retaliation))(?=\s*,)",
    re.IGNORECASE,
)


def _complete(
    month: int, day: int, year: str | None, published: dt.date | None, text: str
) -> _Resolved | None:
    """Resolve a month and day, taking the year from the text or from publication."""
    if year is not None:
        try:
            found = dt.date(int(year), month, day)
        except ValueError:
            return None
        return found, "day", found, found, f"explicit date {found.isoformat()}"
    if published is None:
        return None
    found_or_none = on_or_before(month, day, published)
    if found_or_none is None:
        return None
    reason = f"{text!r} without a year: latest on or before publication {published.isoformat()}"
    return found_or_none, "day", found_or_none, found_or_none, reason


def _explicit(m: re.Match[str], published: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'Dec. 27', '27 December 2019', 'Sunday, Jan 4 2024'."""
    return _complete(_MONTHS[m["month"].lower()], int(m["day"]), m["year"], published, m[0])


def _iso(m: re.Match[str], _p: dt.date | None, _a: EventDate | None) -> _Resolved | None:
    """'2024-01-04'."""
    return _complete(int(m["mon"]), int(m["day"]), m["year"], None, m[0])


def _month(
    year: int, month: int, published: dt.date | None, reason: str
) -> _Resolved:  # the middle of the month, but never after publication
    earliest, latest = month_bounds(year, month)
    best = earliest.replace(day=15)
    if published is not None and earliest <= published < best:
        best = published
    return best, "month", earliest, latest, reason


def _day_range(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'4 and 5 June 2021', 'between 27 and 31 March', 'Aug. 20-22', 'January 30/31': from
    the first day to the last (a week at most), dated by the first.  Two days joined by "and"
    that are not consecutive are a list ("June 23 and 30"), not one span."""
    first, last, year = m["d1"], m["d2"], m["year"]
    month = _MONTHS[m["month"].lower()]
    start = _complete(month, int(first), year, pub, m[0])
    end = _complete(month, int(last), year, pub, m[0])
    if start is None or end is None or not start[0] < end[0] <= start[0] + dt.timedelta(days=7):
        return start
    joined = re.search(r"\sand\s", m[0]) is not None and not _BETWEEN.search(
        m.string, max(0, m.start() - 9), m.start()
    )
    if joined and end[0] - start[0] > dt.timedelta(days=1):
        return start  # "airstrikes June 23 and 30": two days, not one event over both
    reason = f"days {first} to {last}: {start[0].isoformat()} to {end[0].isoformat()}"
    return start[0], "week", start[0], end[0], reason


def _month_year(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'January 2020', 'May 2021'."""
    month = _MONTHS[m["month"].lower()]
    return _month(int(m["year"]), month, pub, f"month {m['month']} {m['year']}")


def _month_only(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'in January': the latest such month not after publication."""
    if pub is None:
        return None
    month = _MONTHS[m["month"].lower()]
    year = pub.year if month <= pub.month else pub.year - 1
    reason = f"month {m['month']} without a year: latest up to publication {pub.isoformat()}"
    return _month(year, month, pub, reason)


def _year_only(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'in 2005': the middle of the year, but never after publication."""
    year = int(m["year"])
    earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
    best = dt.date(year, 7, 1)
    if pub is not None and earliest <= pub < best:
        best = pub
    return best, "year", earliest, latest, f"year {year}"


def _weekday(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'on Sunday', 'late Sunday', 'last Sunday'; 'next Sunday' is skipped."""
    modifier = " ".join((m["mod"] or "").lower().split())
    if pub is None or modifier in {"next", "this coming"}:
        return None
    strict = modifier in {"last", "this past"}
    found = most_recent_weekday(pub, _WEEKDAYS.index(m["wd"].lower()), strict=strict)
    when = "strictly before" if strict else "on or before"
    reason = f"weekday {m['wd']!r} {when} publication {pub.isoformat()}"
    return found, "day", found, found, reason


def _holiday(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'Christmas Day', 'Christmas Eve', 'New Year's Day', 'New Year's Eve', and the feasts
    of Easter ('Good Friday', 'Palm Sunday', 'Easter Monday'; Orthodox ones too), in the
    year named or the latest on or before publication."""
    name = " ".join(m["name"].lower().split())
    orthodox = name.startswith("orthodox ")
    name = name.removeprefix("orthodox ")
    if "christmas" in name or "year" in name:
        month, day = {"christmas day": (12, 25), "christmas eve": (12, 24)}.get(name, (0, 0))
        if not month:
            month, day = (1, 1) if name.endswith("day") else (12, 31)
        if orthodox:  # the Julian calendar's 25 December (and its eve) in this century
            month, day = 1, 6 + name.endswith("day")
        return _complete(month, day, m["year"], pub, m["name"])
    found = easter_feast(name, orthodox, int(m["year"]) if m["year"] else None, pub)
    if found is None:
        return None
    why = f"{m['name']!r}: {'the year named' if m['year'] else 'latest on or before publication'}"
    return found, "day", found, found, why


def _relative(m: re.Match[str], pub: dt.date | None, _: EventDate | None) -> _Resolved | None:
    """'yesterday', 'earlier this week', 'last month' and the like."""
    if pub is None:
        return None
    period = relative_period(m[0], pub)
    if period is None:
        return None
    precision, earliest, latest = period
    reason = f"{m[0]!r} relative to publication {pub.isoformat()}"
    return midpoint(earliest, latest), precision, earliest, latest, reason


def _anchored(m: re.Match[str], pub: dt.date | None, anchor: EventDate | None) -> _Resolved | None:
    """'two days later', 'days earlier', 'the next day', relative to the anchor date."""
    if anchor is None:
        return None
    if m["resp"]:  # "In response, jets struck...": that day or within the week after
        where = f"{anchor.text!r} ({anchor.date.isoformat()})"
        latest = anchor.latest + dt.timedelta(days=7)
        if pub is not None and anchor.earliest <= pub < latest:
            latest = pub
        reason = f"{m[0]!r}: the day of {where} or within the week after"
        return anchor.date, coarser(anchor.precision, "week"), anchor.earliest, latest, reason
    word = (m["dir"] or m["adj"]).lower()
    sign = -1 if word in {"earlier", "previous", "preceding"} else 1
    where = f"{anchor.text!r} ({anchor.date.isoformat()})"
    if word == "same" or (m["unit"] and m["unit"].lower().startswith("hour")):  # "hours earlier"
        reason = f"{m[0]!r}: the day of {where}"
        return anchor.date, anchor.precision, anchor.earliest, anchor.latest, reason
    count = 1 if m["adj"] or (m["n"] is None and m["unit"].lower() == "day") else None
    if m["n"] is not None:
        count = _NUMBERS[m["n"].lower()] if m["n"].isalpha() else int(m["n"])
    if count is not None:
        shift = dt.timedelta(days=sign * count)
        reason = f"{m[0]!r}: {count} day(s) {'after' if sign > 0 else 'before'} {where}"
        return (
            anchor.date + shift,
            anchor.precision,
            anchor.earliest + shift,
            anchor.latest + shift,
            reason,
        )
    week = dt.timedelta(days=7)
    if sign > 0:
        earliest, latest, best = anchor.earliest + ONE_DAY, anchor.latest + week, anchor.date
        best += 2 * ONE_DAY
        if pub is not None and earliest <= pub < latest:
            latest, best = pub, min(best, pub)
    else:
        earliest, latest = anchor.earliest - week, anchor.latest - ONE_DAY
        best = anchor.date - 2 * ONE_DAY
    reason = f"{m[0]!r}: one to seven days {'after' if sign > 0 else 'before'} {where}"
    return best, coarser(anchor.precision, "week"), earliest, latest, reason


# What each pattern needs: cheap searches (words, digits) that a text must all pass for the
# pattern to match (:mod:`geo.extract.spans.phrases`), which skip most patterns for most
# sentences; a sentence that passes none has no date.
_MONTH_WORDS = tuple("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
_DIGIT = re.compile("[0-9]")
_CENTURY = re.compile("19|20")
_WEEKDAY_WORDS = tuple(w.title() for w in _WEEKDAYS)
_RELATIVE_WORDS = (
    *"today tonight overnight morning afternoon evening yesterday night week month".split(),
    *("year", "hours", "weekend", "days"),
)
_ANCHORED_WORDS = (
    *"later afterward earlier next following previous preceding same response".split(),
    "retaliation",
)

# Order breaks ties between equally long overlapping matches.  Each pattern comes with what
# it needs and whether it ignores case.
_RULES: tuple[Rule[_Handler], ...] = tuple(
    Rule.of(*rule)
    for rule in (
        (_ISO, _iso, (re.compile(r"\d-"),), False),
        (_DAY_RANGE, _day_range, (_MONTH_WORDS, _DIGIT), False),
        (_RANGE_OF_MONTH, _day_range, (_MONTH_WORDS, _DIGIT), False),
        (_MONTH_DAY_TIGHT, _explicit, (_MONTH_WORDS, _DIGIT), False),
        (_MONTH_DAY, _explicit, (_MONTH_WORDS, _DIGIT), False),
        (_DAY_MONTH, _explicit, (_MONTH_WORDS, _DIGIT), False),
        (_HOLIDAY, _holiday, (("Christmas", "New", "Good", "Palm", "Holy", "Easter"),), False),
        (_MONTH_YEAR, _month_year, (_MONTH_WORDS, _CENTURY), False),
        (_MONTH_ONLY, _month_only, (re.compile(_BARE_MONTH),), False),
        (_MONTH_PART, _month_only, (_MONTH_WORDS,), False),
        (_MARCH_MAY, _month_only, (("March", "May"),), False),
        (_MONTH_ATTR, _month_only, (re.compile(_BARE_MONTH),), False),
        (_YEAR_ONLY, _year_only, (_CENTURY,), False),
        (_RELATIVE, _relative, (_RELATIVE_WORDS,), True),
        (_ANCHORED, _anchored, (_ANCHORED_WORDS,), True),
        (_WEEKDAY_REF, _weekday, (_WEEKDAY_WORDS,), False),
    )
)

DateCandidates = tuple[tuple[int, int, re.Match[str], _Handler], ...]  # a text's, unresolved
_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def date_candidates(text: str) -> DateCandidates:
    """The date phrases of ``text``, unresolved, in order (the longest wins an overlap): a
    text resolved several ways finds them once (``find_dates(..., candidates=)``)."""
    return find_phrases(text, _RULES)


def _find(
    text: str, published: dt.date | None, anchor: EventDate | None, chosen: DateCandidates
) -> list[EventDate]:
    """Resolve every candidate in order; each result anchors the next relative phrase."""
    results: list[EventDate] = []
    # "In response, on December 29, ...": a date after it wins over "in response"
    found = [
        c
        for i, c in enumerate(chosen)
        if not (c[3] is _anchored and c[2]["resp"] and i + 1 < len(chosen))
    ]
    for start, end, m, handler in found:
        resolved = handler(m, published, anchor)
        if handler is _explicit and m["year"] is None and results:
            # "on April 4, 2017, and a strike in response on April 6", "In 2019, … on
            # December 10": the year just named
            prior = results[-1]
            if _YEAR_IN.search(prior.text):
                named = _complete(
                    _MONTHS[m["month"].lower()], int(m["day"]), str(prior.date.year), None, m[0]
                )
                if named is not None and (named[0] >= prior.date or prior.precision == "year"):
                    resolved = named
        if resolved is None:
            continue
        best, precision, earliest, latest, reason = resolved
        anchor = EventDate(best, precision, earliest, latest, text[start:end], start, end, reason)
        last = results[-1] if results else None  # "between 1 and 30 May": one window
        if (
            last
            and _RANGE.fullmatch(text, last.end, start)
            and _BETWEEN.search(text, 0, last.start)
        ):
            day, kind, lo, hi, why = between(results.pop().earliest, earliest, latest)
            anchor = EventDate(day, kind, lo, hi, text[last.start : end], last.start, end, why)
        results.append(anchor)
    return results


_RANGE = re.compile(r"\s+and\s+")


def find_dates(
    text: str,
    published: dt.date | None,
    *,
    anchor: EventDate | None = None,
    candidates: DateCandidates | None = None,
) -> list[EventDate]:
    """Return all date expressions in ``text``, in order, resolved against publication.

    Parameters
    ----------
    text
        Any text: a sentence, a paragraph, a whole article.
    published
        The article's publication date.  Without it only dates carrying their own year
        resolve; weekdays, year-less dates and relative phrases are skipped.
    anchor
        A date from earlier in the story that "days later" and the like refer to when
        nothing before them in ``text`` does.
    candidates
        :func:`date_candidates` of ``text``, when the caller has them.

    Returns
    -------
    list of EventDate
        One per resolved expression, in text order.  "Two days later" and the like resolve
        against the nearest preceding resolved date and are skipped when there is none.

    Examples
    --------
    >>> pub = dt.date(2019, 12, 30)
    >>> text = "A strike on Dec. 27 killed 25 fighters; two days later, on Sunday, another."
    >>> for found in find_dates(text, pub):
    ...     print(found.text, found.date, found.precision)
    Dec. 27 2019-12-27 day
    two days later 2019-12-29 day
    Sunday 2019-12-29 day
    >>> find_dates("The F-15 flew 15 sorties.", pub)
    []
    """
    chosen = date_candidates(text) if candidates is None else candidates
    return _find(text, published, anchor, chosen)


def event_date(sentence: str, published: dt.date | None, *, context: str = "") -> EventDate | None:
    """Return the date of the event a sentence reports (``None`` when no date phrase resolves).

    The first date phrase in ``sentence`` that resolves, else the first in ``context``
    (whose spans then refer to ``context``).  Context is taken to come before the
    sentence: its last date anchors "two days later" in the sentence.

    Parameters
    ----------
    sentence
        The sentence reporting the event.
    published
        The article's publication date, or ``None``.
    context
        Neighbouring sentences.

    Examples
    --------
    >>> pub = dt.date(2020, 1, 2)
    >>> event_date("Jets struck a depot late Sunday.", pub).date
    datetime.date(2019, 12, 29)
    >>> event_date("A day later, drones hit the base.", pub, context="It began on Dec. 27.").date
    datetime.date(2019, 12, 28)
    >>> event_date("Nothing dated here.", pub) is None
    True
    """
    before = find_dates(context, published) if context else []
    found = find_dates(sentence, published, anchor=before[-1] if before else None)
    if found:
        return found[0]
    return before[0] if before else None
