"""Which of a sentence's dates dates which of its event phrases.

Strong triggers choose first, each the date nearest to it; a date in a "since" clause, of a
claim or of something to come dates nothing; a date of speech ("officials said on Thursday")
bounds the event it reports.

Examples
--------
>>> from geo.extract.spans.dates import find_dates
>>> from geo.extract.triggers import find_triggers
>>> import datetime as dt
>>> s = "A rocket attack on Monday; since May 3 there were strikes."
>>> found = assign_dates(s, find_triggers(s), find_dates(s, dt.date(2024, 1, 11)))
>>> {i: d.date.isoformat() for i, (d, _how) in found.items()}
{0: '2024-01-08'}
"""

from __future__ import annotations

import datetime as dt
import re

from geo.extract.roles import SEQUENCE
from geo.extract.spans.dates import EventDate, find_dates
from geo.extract.triggers import Trigger, elliptic

__all__ = [
    "WHO_ACTS",
    "assign_dates",
    "dates_by_sequence",
    "listed_days",
    "own_day",
    "premodifies",
    "recent",
    "story_day",
]

_LATER = re.compile(r"\b(?:following|next)\s+day\b|\bdays?\s+later\b|\bthe\s+day\s+after\b", re.I)

_SPEECH = re.compile(
    r"\b(?:said|says|told|confirmed|announced|stated|statement|spoke|speaking|briefing|tweeted"
    r"|added|reported|conference|reporters)\s+(?:[\w\-]+\s+){0,3}?(?:on|late|early)\s+$",
    re.I,
)
# A date in a "since" clause dates something else: "the strikes, the first since he was
# sworn into office last month, hit ..."
_SINCE = re.compile(r"\bsince\b[^,;.()—–]{0,60}$", re.I)
# The date of something to come or of a claim, not of the event: "the election to be held on
# 18 February", "scheduled for", "claimed responsibility for the attack on 30 December"
_OTHER_ACT = re.compile(
    r"\b(?:(?:to\s+be|will\s+be)\s+\w+|scheduled|due|planned|expected)\s+(?:on|for|in)\s+(?:the\s+)?$"
    r"|\bclaimed\s+responsibility\s+for\s+the\s+(?:[\w\-]+\s+){1,3}on\s+$",
    re.I,
)


#: A trigger that is a relative clause ("terrorists who were attacking"): it tells what the
#: target of the event before it was doing, at that event's place and time.
WHO_ACTS = re.compile(r"\s(?:who|that)\s")


_CLAIMED = re.compile(
    r"\b(?:claim(?:ed|s|ing)?\s+(?:responsibility|credit)\s+for|condemn(?:ed|s|ing)?)\s+"
    r"(?:the|its|their|this|these)\s+(?:(?![\w\-]*\d)[\w\-]+\s+){0,3}$",  # not "the January 30 …"
    re.I,
)


def assign_dates(
    sentence: str, triggers: list[Trigger], dates: list[EventDate]
) -> dict[int, tuple[EventDate, str]]:
    """Give each usable date to the nearest trigger (strong triggers choose first)."""
    usable: list[tuple[EventDate, str]] = []
    speech: list[EventDate] = []
    for d in dates:
        before = sentence[max(0, d.start - 40) : d.start]
        if _SINCE.search(before) or _OTHER_ACT.search(sentence, max(0, d.start - 70), d.start):
            continue  # "since October", "the election to be held on 18 February"
        if _SPEECH.search(before):
            speech.append(d)
            continue
        usable.append((d, "date in the sentence"))
    chosen: dict[int, tuple[EventDate, str]] = {}
    # "… claimed responsibility for the twin suicide bombings": the date is the claim's
    claimed = {
        i
        for i, t in enumerate(triggers)
        if t.determiner == "definite" and _CLAIMED.search(sentence, max(0, t.start - 60), t.start)
    }
    order = sorted(range(len(triggers)), key=lambda i: (not triggers[i].strong, i))
    # Strong triggers choose first, each the date nearest to it over the whole sentence, then
    # the weak ones: "WASHINGTON (May 23) — ... who was targeted May 21 by a U.S. airstrike"
    # gives the airstrike May 21, not the dateline's May 23.
    # A date that premodifies its noun is that noun's before any choosing: "hundreds of
    # terrorist attacks …, including … the November 26 attacks in Mumbai".
    pairs = sorted(
        (
            not premodifies(sentence, d, triggers[i]),
            not triggers[i].strong,
            _gap(triggers[i], d, sentence),
            n,
            i,
        )
        for n, (d, _how) in enumerate(usable)
        for i in range(len(triggers))
        if not (i in claimed and d.end <= triggers[i].start)  # "… yesterday" after it is its own
        # "the following day" dates what the sentence tells after it, not what came before
        if not (_LATER.search(d.text) and d.start > triggers[i].end and n > 0)
        and not _reported_earlier(sentence, d, triggers[i])
    )
    taken: set[int] = set()
    for _apart, _weak, _gap_chars, n, i in pairs:
        if n in taken or i in chosen:
            continue
        chosen[i] = usable[n]
        taken.add(n)
    for i, (d, how) in list(chosen.items()):  # "- January 10 – The January 2017 bombings kill"
        if d.precision in ("month", "year"):
            inside = [
                (n, u)
                for n, (u, _h) in enumerate(usable)
                if n not in taken and u.precision == "day" and d.earliest <= u.date <= d.latest
            ]
            if inside:
                taken.add(inside[0][0])
                chosen[i] = (inside[0][1], f"{how}: the day within {d.text!r}")
    for i, t in enumerate(triggers):  # "an airstrike against terrorists who were attacking
        # army forces near Buulobarde on Oct. 23": the strike's day is the clause's
        if i > 0 and i in chosen and i - 1 not in chosen and WHO_ACTS.search(t.text):
            chosen[i - 1] = (chosen[i][0], "the date of its target's clause")
    for i, t in enumerate(triggers):  # "one blast hit a market on Monday while another struck"
        if i > 0 and i not in chosen and i - 1 in chosen and elliptic(t):
            chosen[i] = (chosen[i - 1][0], "the date of the event it pairs with")
    for d in speech:  # "officials said on Thursday": the event was that day or just before
        for i in order:
            if i not in chosen:
                lo = d.earliest - dt.timedelta(days=2)
                approx = EventDate(
                    d.date,
                    "week",
                    lo,
                    d.latest,
                    d.text,
                    d.start,
                    d.end,
                    f"reported on {d.date.isoformat()}: event up to 2 days before",
                )
                chosen[i] = (approx, "date of the report")
                break
    return chosen


# A verb of saying or finding whose object clause follows: "investigators suspected that".
_REPORTED = re.compile(
    r"\b(?:said|stated|suspected|concluded|found|believed|reported|claimed|determined|assessed"
    r"|alleged|announced|confirmed|revealed)\s+that\s+",
    re.I,
)
_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:[\w\-]+\s+){0,4}$", re.I)


def _reported_earlier(sentence: str, d: EventDate, trigger: Trigger) -> bool:
    """Whether the date is that of a report of the event, told in the past perfect or referred
    to: "In November 2019, investigators suspected that a jet had bombed the center", "A
    January 2020 report stated that the strike was carried out by..."."""
    if d.end > trigger.start or not _REPORTED.search(sentence, d.end, trigger.start):
        return False
    perfect = "had " in trigger.text.lower() or _PERFECT.search(sentence, 0, trigger.start)
    return bool(perfect) or trigger.determiner == "definite"


def own_day(sentence: str, trigger: Trigger, d: EventDate | None) -> bool:
    """Whether a trigger is an event of its own by the day it is given: "an April 1 strike",
    "the November 26 attacks in Mumbai" (a day before its noun), not "the strike on Monday"
    told again."""
    if d is None or d.precision != "day":
        return False
    return trigger.determiner in ("indefinite", "another") or premodifies(sentence, d, trigger)


def premodifies(sentence: str, d: EventDate, trigger: Trigger) -> bool:
    """Whether the date stands right before the trigger, as its modifier ("the July 7 bombing",
    "Saturday's strikes")."""
    return d.end <= trigger.start and not sentence[d.end : trigger.start].strip(" \t-–'’s")


def _gap(trigger: Trigger, d: EventDate, sentence: str = "") -> int:
    """Characters between a date and a trigger, plus a penalty across a clause break."""
    lo, hi = (d.end, trigger.start) if d.end <= trigger.start else (trigger.end, d.start)
    between = sentence[lo:hi]
    penalty = 50 if any(c in between for c in ",;:()") or SEQUENCE.search(between) else 0
    return max(0, hi - lo) + penalty


def dates_by_sequence(
    sentence: str,
    starts: list[int],
    dates: list[EventDate | None],
    open_: list[bool],
) -> list[EventDate | None]:
    """Date the undated events of a sentence from dated ones it orders them against.

    "Jets struck a car on Tuesday after militants fired a missile": the missile was fired
    that day or in the week before; "... before X" the other way round.  Week precision.
    ``starts`` are the event phrases' offsets, ``dates`` their dates (``None`` for none or
    for one that dates nothing), ``open_`` whether each may take a date this way.

    >>> s = "Jets struck a car on Tuesday after militants fired a missile."
    >>> day = EventDate(dt.date(2024, 1, 9), "day", dt.date(2024, 1, 9), dt.date(2024, 1, 9),
    ...                 "on Tuesday", 18, 28, "")
    >>> found = dates_by_sequence(s, [5, 46], [day, None], [False, True])[1]
    >>> found.precision, found.earliest.isoformat(), found.latest.isoformat()
    ('week', '2024-01-03', '2024-01-09')
    """
    out = list(dates)
    for i, start in enumerate(starts):
        if not open_[i]:
            continue
        for j, d in enumerate(dates):
            if d is None or j == i:
                continue
            lo, hi = sorted((start, starts[j]))
            seq = SEQUENCE.search(sentence, lo, hi)
            if seq is None or seq.group(0).lower() in ("when", "while", "since"):
                continue
            in_clause = start > seq.start()  # the event the word introduces
            earlier = (seq.group(0).lower() != "before") == in_clause
            week = dt.timedelta(days=6)
            lo_day, hi_day = (
                (d.earliest - week, d.latest) if earlier else (d.earliest, d.latest + week)
            )
            note = f"{seq.group(0)!r} the event of {d.text!r}: {lo_day} to {hi_day}"
            # "came a day after militants seized …": an earlier event's day, when told
            apart = _DAYS_APART.search(sentence, max(0, seq.start() - 30), seq.start())
            back = dt.timedelta(days=_APART.get(apart["n"].lower(), 1) if apart else 0)
            best = max(lo_day, d.date - back) if earlier else d.date
            out[i] = EventDate(best, "week", lo_day, hi_day, d.text, d.start, d.end, note)
            break
    return out


_DAYS_APART = re.compile(r"\b(?P<n>a|one|two|three|more\s+than\s+a)\s+days?\s+$", re.I)
_APART = {"two": 2, "three": 3}
_TWO_DAYS = re.compile(r"\b(?P<a>[12]\d|3[01]|0?[1-9])\s+and\s+(?P<b>[12]\d|3[01]|0?[1-9])\b")


def listed_days(d: EventDate) -> list[EventDate]:
    """The days of a date that lists two of one month ("June 23 and 30", "4 and 5 June 2021"),
    each a day of its own; ``[d]`` for any other date.

    >>> from geo.extract.spans.dates import find_dates
    >>> (d,) = find_dates("two airstrikes June 23 and 30", dt.date(2018, 8, 30))
    >>> [x.date.isoformat() for x in listed_days(d)]
    ['2018-06-23', '2018-06-30']
    """
    m = _TWO_DAYS.search(d.text)
    if m is None or d.precision not in ("day", "week"):
        return [d]
    out = []
    for group in ("a", "b"):
        try:
            day = d.earliest.replace(day=int(m[group]))
        except ValueError:
            return [d]
        note = f"{d.reason}; day {m[group]} of the days {d.text!r} lists"
        out.append(EventDate(day, "day", day, day, d.text, d.start, d.end, note))
    return out if out[0].date < out[1].date else [d]


def story_day(text: str, before: int, published: dt.date) -> EventDate | None:
    """The day the story named before ``before`` ("… continued its offensive on Tuesday"), in
    the week up to publication: what else it reports undated happened then."""
    lo = published - dt.timedelta(days=6)
    days = [d for d in find_dates(text[:before], published) if d.precision == "day"]
    days = [d for d in days if lo <= d.date <= published]
    return days[-1] if days else None


def recent(published: dt.date) -> EventDate:
    """The date of an event a report gives no date for: the week up to its publication.

    News reports what happened since the last report; like ACLED, strikemap dates such an
    event to the publication day, with week precision (the six days before it included).
    """
    lo = published - dt.timedelta(days=6)
    note = f"no date in the text: the week up to publication ({published.isoformat()})"
    return EventDate(published, "week", lo, published, "", 0, 0, note)
