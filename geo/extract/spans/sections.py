"""The dates a text's layout gives: the year it is about, and dated headings and lines.

Timelines, year pages and incident lists write the year once ("2019 Terrorist Incidents:",
"Timeline of the Iraqi insurgency (2013)", "In October 2024, ...") and then days without it,
put a day on a line of its own above what happened that day ("6 February"), or open a line
with its day ("- January 16 – 4 civilians were ..."; "• On March 21, ...").  A reader takes
those dates for every sentence below or on that line; :class:`DateLayout` does the same once
per text, so :mod:`geo.extract.mentions` can date an event whose own sentence names no day.

Examples
--------
>>> text = "2016 in Syria\\nFebruary\\n6 February\\nAirstrikes hit Douma. Jets struck a market."
>>> layout = DateLayout.of(text, None)
>>> layout.context(text.index("Jets"))
datetime.date(2016, 12, 31)
>>> d = layout.section(text.index("Jets"))
>>> d.date.isoformat(), d.precision
('2016-02-06', 'day')
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from geo.extract.spans import lexicon
from geo.extract.spans.dates import EventDate, date_candidates, find_dates
from geo.extract.spans.dates_relative import midpoint, month_bounds
from geo.extract.spans.sentences import split_sentences

__all__ = ["DateLayout", "cell_opens", "event_rows", "in_short_cell", "year_context"]

_YEAR = re.compile(r"(?<![\d,.$£€])\b(1[89]\d\d|20\d\d)\b(?![,.]\d)(?!\s*(?:people|persons|km)\b)")
# Where a year starts; found fast, as the lookbehind that opens _YEAR is tried at every place.
_YEAR_START = re.compile(r"1[89]|20")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_NAME = "|".join(_MONTHS)
_MONTH_LINE = re.compile(
    rf"(?P<m>{_MONTH_NAME})(?:\s*[–—\-]\s*(?P<m2>{_MONTH_NAME}))?(?:\s+(?P<y>1[89]\d\d|20\d\d))?",
    re.I,
)
# What a line that opens with a date starts with: a day, a month or "On".
_DATE_START = re.compile(
    rf"(?:on\s+)?(?:\d|{_MONTH_NAME}|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b)", re.I
)
# Bullets, pipes and dashes that open a line; separators after a leading date.
_BULLETS = " \t-–—•*|·"
_AFTER_LEAD = re.compile(r"\s*(?:[–—\-:|]|,?\s+(?=\S))")
_LINES = re.compile(r"[^\n•]+")


def year_context(text: str) -> dt.date | None:
    """The year a text without a publication date is about, from its heading.

    Timelines and year pages give the year once, in their title ("2015 in Ukraine",
    "November 2016", "Timeline of the Iraqi insurgency (2013)"), and then write days without
    it ("January 13 – …").  The date that ends the first sentence (a dated caption or
    dateline), else the last day of the first year a heading line names, stands in for a
    publication date when resolving such days; it never dates an event the text gives no
    date for.

    >>> year_context("2015 in Ukraine\\nJanuary 13 - A bus is fired upon.")
    datetime.date(2015, 12, 31)
    >>> year_context("Rockets hit the base.") is None
    True
    """
    day = _caption_day(text)
    if day is not None:
        return day
    named = _NAMED_EVENT.match(text)  # "The 2021 Erbil rocket attacks occurred when ..."
    if named is not None:
        return dt.date(int(named["y"]), 12, 31)
    head = text[:160].split("\n", 1)[0]
    if "\n" not in text[:160] or len(head) > 100 or head.rstrip().endswith("."):
        return None  # not a heading line of its own
    found = _YEAR.search(head)
    return dt.date(int(found.group(1)), 12, 31) if found else None


# A text that opens with the name of its event, year first: "The 2021 Erbil rocket attacks",
# "The 2015 Sana'a mosque bombings were".
_NAMED_EVENT = re.compile(
    r"\s*(?:The\s+)?(?P<y>1[89]\d\d|20\d\d)\s+(?:[A-Z][\w'’.\-]*\s+){0,4}"
    rf"(?:[a-z]+\s+)?(?:{lexicon.pattern(lexicon.noun_forms())}|crisis|massacres?|attacks?)\b"
)


def _years(text: str) -> Iterator[re.Match[str]]:
    """``_YEAR.finditer(text)``, tried only where ``_YEAR_START`` matches."""
    pos = 0
    while (start := _YEAR_START.search(text, pos)) is not None:
        m = _YEAR.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        yield m
        pos = m.end()


def _caption_day(text: str) -> dt.date | None:
    """The date that ends the first sentence of a caption or dateline ("Sadr City, Baghdad,
    March 19, 2013."), in one of the lines that open the text (a headline may come first)."""
    for head in text[:400].split("\n")[:4]:
        ends = split_sentences(head[:240])
        first = head[: ends[0][1]].rstrip(". ") if ends else ""
        days = [
            d for d in find_dates(first, None) if d.precision == "day" and d.end >= len(first) - 1
        ]
        if days:
            return days[-1].date
    return None


# A table row: a line of at least three cells between pipes; a header row has a cell "Date".
_ROW = re.compile(r"[^\n|]*\|(?:[^|\n]*\|){2,}[^\n]*")
_HEADER = re.compile(r"(?:^|\|)\s*dates?\s*(?:\||$)", re.I)
_EVENT_WORD = re.compile(
    rf"\b(?:{lexicon.pattern(lexicon.noun_forms() + lexicon.verb_forms())})\b", re.I
)
_WEAPON_WORD = re.compile(
    r"\b(?:missiles?|rockets?|drones?|UAVs?|mortars?|artillery|shells?|bombs?|IEDs?|airstrikes?)\b",
    re.I,
)


def event_rows(text: str) -> tuple[tuple[int, int, int, int], ...]:
    r"""The rows of tables that list strikes or attacks, one a row: the table's title line or
    header row names an event ("Attacks on commercial vessels", "| Date | Vessel attacked |"),
    or the row a weapon ("| 3 December 2023 | Number 9 | Houthi ballistic missile |").  Each is
    ``(start, end, place start, place end)``, the place the cell under a header "Location",
    ``-1, -1`` when the header has none (ship names and flags are no places of the event), the
    whole row when the table has no header.

    >>> text = "Attacks\n| # | Date | Location |\n| 1 | 2 May 2024 | Marib, Yemen |"
    >>> [(text[s:e], text[ps:pe]) for s, e, ps, pe in event_rows(text)]
    [('| 1 | 2 May 2024 | Marib, Yemen |', 'Marib, Yemen')]
    """
    rows: list[tuple[int, int, int, int]] = []
    topic = False  # the table's title line or its header row names an event
    where = -2  # the index of the header's "Location" cell; -1 none, -2 no header
    last_end = -2
    for m in _rows(text):
        row = m[0].strip()
        start = m.start() + m[0].index(row[0])
        if last_end < 0 or text.count("\n", last_end + 1, m.start()):  # a new table
            above = text[text.rfind("\n", 0, max(0, m.start() - 1)) + 1 : m.start()]
            topic = len(above) <= 120 and _EVENT_WORD.search(above) is not None
            where = -2
        last_end = m.end()
        cells = [c.strip().lower() for c in row.strip("|").split("|")]
        if _HEADER.search(row):
            topic = topic or _EVENT_WORD.search(row) is not None  # "| Vessel attacked |"
            where = next((i for i, c in enumerate(cells) if c in _WHERE), -1)
        elif any(c.isdigit() for c in row) and (topic or _WEAPON_WORD.search(row)):
            place = (start, start + len(row)) if where == -2 else (-1, -1)
            if 0 <= where < len(cells) and cells[where]:
                cell = row.strip("|").split("|")[where]
                at = start + row.index(cell) + len(cell) - len(cell.lstrip())
                place = (at, at + len(cell.strip()))
            rows.append((start, start + len(row), *place))
    return tuple(rows)


_WHERE = frozenset({"location", "place", "where", "site", "locality"})


def _rows(text: str) -> Iterator[re.Match[str]]:
    """``_ROW.finditer(text)``, found quickly: a row is a whole line of three pipes or more, so
    only lines with a pipe are matched (the regex alone tries every place of every line)."""
    at = 0
    while (bar := text.find("|", at)) >= 0:
        start = text.rfind("\n", 0, bar) + 1
        end = text.find("\n", bar)
        end = len(text) if end < 0 else end
        m = _ROW.match(text, start, end) if text.count("|", start, end) >= 3 else None
        if m is not None:
            yield m
        at = end + 1


def in_short_cell(text: str, at: int) -> bool:
    """Whether the table cell around ``at`` is a name, not a description (six words at most):
    the actor of a row is its "Perpetrator", not one its "Details" name."""
    end = text.find("|", at)
    cell = text[text.rfind("|", 0, at) + 1 : end if end >= 0 else len(text)]
    return len(cell.split()) <= 6


def cell_opens(text: str, at: int) -> bool:
    """Whether a table cell starts with the text at ``at``, or with a list of places it
    closes ("| Jalalabad, Afghanistan |"; not "| Maersk Gibraltar |").

    >>> text = "| Jalalabad, Afghanistan | Maersk Gibraltar |"
    >>> [cell_opens(text, text.index(w)) for w in ("Jalalabad", "Afghanistan", "Gibraltar")]
    [True, True, False]
    """
    before = text[text.rfind("|", 0, at) + 1 : at].strip()
    return before == "" or (before.endswith(",") and "," not in before[:-1] and " " not in before)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    date: EventDate


@dataclass(frozen=True, slots=True)
class DateLayout:
    """The dates a text's layout gives each offset (see the module docstring).

    Attributes
    ----------
    published : date or None
        The publication date, which, when known, resolves every year-less date.
    caption : date or None
        :func:`year_context` of the text.
    years : tuple of (int, int, int)
        Offsets, values and kinds (2 heading, 1 date) of the years that set the year of the
        dates after them, in order.
    spans : tuple
        Parts of the text a heading or a line's leading date dates.
    caption_day : date or None
        The day a caption or dateline ends with, which stands in for a publication date.
    rows : tuple of (int, int)
        The rows of tables that list events (:func:`event_rows`).
    """

    published: dt.date | None
    caption: dt.date | None
    years: tuple[tuple[int, int, int], ...]
    spans: tuple[_Span, ...]
    caption_day: dt.date | None = None
    rows: tuple[tuple[int, int, int, int], ...] = ()
    floors: tuple[tuple[int, dt.date], ...] = ()

    @classmethod
    def of(cls, text: str, published: dt.date | None) -> DateLayout:
        """Read the layout of ``text`` once."""
        marked = ((m.start(), int(m.group(1)), _sets_year(text, m)) for m in _years(text))
        years = tuple(y for y in marked if y[2])
        layout = cls(published, year_context(text), years, ())
        spans = tuple(layout._spans(text))
        rows = event_rows(text)
        return cls(published, layout.caption, years, spans, _caption_day(text), rows, _floors(text))

    def row_at(self, offset: int) -> tuple[int, int, int, int] | None:
        """The row of a table of events (:func:`event_rows`) that starts at ``offset``."""
        return next((row for row in self.rows if row[0] == offset), None)

    def context(self, offset: int) -> dt.date | None:
        """The date that resolves year-less dates at ``offset``: the publication date, else
        a dated caption's day, else the last day of the latest year named before."""
        i = bisect.bisect_right(self.years, (offset, 10_000))
        if self.published is not None:
            # a heading that names an earlier year ("2017 Terrorist Incidents:" in a report
            # published in 2018) says which year its days are in
            head = next((y for _, y, level in reversed(self.years[:i]) if level == 2), None)
            if head is not None and head < self.published.year:
                return dt.date(head, 12, 31)
            return self.published
        floor = next((f for f in reversed(self.floors) if f[0] < offset), None)
        if floor is not None:
            # "Since October 2023, … On January 28": the first such day after it, unless a
            # later year is named ("26 August 2021, … since February 2020. On 27 August")
            after = floor[1].replace(year=floor[1].year + 1) - dt.timedelta(days=1)
            if not i or self.years[i - 1][1] < after.year:
                return after
        if i:
            year = self.years[i - 1][1]
            if self.caption is not None and self.caption.year == year:
                return self.caption
            return dt.date(year, 12, 31)
        return self.caption

    def stand_in(self, offset: int) -> bool:
        """Whether :meth:`context` at ``offset`` is only a year (no publication date or
        caption day): it then completes dates without a year ("March 21") but does not
        resolve weekdays or "yesterday", which need a real day."""
        return self._stands_in(self.context(offset))

    def _stands_in(self, day: dt.date | None) -> bool:
        return day is not None and day != self.published and day != self.caption_day

    def dates(self, sentence: str, offset: int, anchor: EventDate | None = None) -> list[EventDate]:
        """:func:`find_dates` of a sentence at ``offset``, resolved by the layout."""
        chosen = date_candidates(sentence)  # found once, resolved up to three ways
        if not chosen:
            return []  # no date phrase: nothing to resolve
        day = self.context(offset)
        found = find_dates(sentence, day, anchor=anchor, candidates=chosen)
        if self._stands_in(day):  # "the next day" after a dated event still counts
            anchored = {
                (d.start, d.end)
                for d in find_dates(sentence, None, anchor=anchor, candidates=chosen)
            }
            found = [d for d in found if _ABSOLUTE.search(d.text) or (d.start, d.end) in anchored]
        named = self.named_year(offset)
        if named is not None and any(_YEARLESS.fullmatch(d.text) for d in found):
            # "construction … was sporadic in 2008. … On February 4, a suicide bomber …" in a
            # report published in 2009: a day without a year is in the year the text is about
            year_end = dt.date(named, 12, 31)
            inyear = {
                (d.start, d.end): d for d in find_dates(sentence, year_end, candidates=chosen)
            }
            found = [
                inyear.get((d.start, d.end), d) if _YEARLESS.fullmatch(d.text) else d for d in found
            ]
        return found

    def named_year(self, offset: int) -> int | None:
        """The year the text last named before ``offset`` when it is before the publication
        year (a yearly report's "in 2008"), else None."""
        if self.published is None:
            return None
        i = bisect.bisect_right(self.years, (offset, 10_000))
        year = self.years[i - 1][1] if i else None
        return year if year is not None and year < self.published.year else None

    def day_before(self, text: str, offset: int) -> EventDate | None:
        """The last day the paragraph names before ``offset`` ("On Sunday 19 May, jets were
        tasked … They struck a tunnel"): the day a story without a publication date is at."""
        found = find_dates(text[text.rfind("\n", 0, offset) + 1 : offset], self.context(offset))
        if self.stand_in(offset):  # a year alone resolves no weekday
            found = [d for d in found if _ABSOLUTE.search(d.text)]
        days = [d for d in found if d.precision == "day"]
        return days[-1] if days else None

    def section(self, offset: int) -> EventDate | None:
        """The date a heading or the line's leading date gives ``offset``, if any; not a
        release's own date line ("Aug. 30, 2018 | Release Number …"): the publication day."""
        found = None
        for span in self.spans:  # few per text; a line's own date comes after its heading's
            if span.start <= offset < span.end:
                found = span.date
            elif span.start > offset:
                break
        issued = found is not None and found.precision == "day" and found.date == self.published
        return None if issued else found

    def _spans(self, text: str) -> list[_Span]:
        spans: list[_Span] = []
        day: _Span | None = None
        month: _Span | None = None
        for line in _LINES.finditer(text):
            body = line.group(0).strip(_BULLETS)
            if not body:
                continue
            at = line.start() + line.group(0).index(body)
            heading = self._heading(body, at)
            if heading is not None:
                if heading.precision == "day":
                    day = _Span(at, len(text), heading)
                else:
                    month, day = _Span(at, len(text), heading), None
                spans.extend(s for s in (month, day) if s is not None and s.start == at)
                continue
            lead = self._leading(body, at)
            if lead is not None:
                spans.append(_Span(at, line.end(), lead))
        spans.sort(key=lambda s: s.start)
        return _close(spans, len(text))

    def _heading(self, body: str, at: int) -> EventDate | None:
        """A line that is a date and nothing else: a day or a month heading."""
        if len(body) > 40 or not _DATE_START.match(body):
            return None
        core = body.rstrip(" :–—-|")
        ctx = self.context(at)
        for d in find_dates(core, ctx):
            if d.start == 0 and d.end >= len(core) - 1 and d.precision in ("day", "month"):
                return _named(d, "date heading")
        m = _MONTH_LINE.fullmatch(core)
        year = int(m["y"]) if m and m["y"] else (ctx.year if ctx else None)
        if m is None or year is None:
            return None
        lo = month_bounds(year, _MONTHS.index(m["m"].lower()) + 1)[0]
        hi = month_bounds(year, _MONTHS.index((m["m2"] or m["m"]).lower()) + 1)[1]
        mid = midpoint(lo, hi)
        return EventDate(mid, "month", lo, hi, body, 0, len(body), "month heading")

    def _leading(self, body: str, at: int) -> EventDate | None:
        """The day a line opens with ("January 16 – ...", "On March 21, ...")."""
        head = body[:40]
        if not _DATE_START.match(head):
            return None
        for d in find_dates(head, self.context(at)):
            opener = head[: d.start].strip().lower() in ("", "on")
            if opener and d.precision == "day" and _AFTER_LEAD.match(head, d.end):
                return _named(d, "the day the line opens with")
            break
        return None


# A day and month without a year: "February 4", "4 Feb.", "Dec. 27".
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MONTH_DAY = re.compile(
    rf"(?:(?:{_MONTH_NAME}|{_MONTH_ABBR}\.?)\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH_NAME}|{_MONTH_ABBR}\.?))",
    re.I,
)
# a day or a month the text gives no year: "February 4", "4 Feb.", "(in) August"
_YEARLESS = re.compile(rf"{_MONTH_DAY.pattern}|{_MONTH_NAME}", re.I)
_ABSOLUTE = re.compile(rf"\b(?:{_MONTH_NAME}|{_MONTH_ABBR}\b\.?|\d{{4}})", re.I)
_DATED_YEAR = re.compile(
    rf"(?:\d{{1,2}}\s+)?(?:{_MONTH_NAME})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+$", re.I
)
_LOOKING_BACK = re.compile(r"\b(?:since|until|till|before|after|from|by|between)\s+$", re.I)


_SINCE_MONTH = re.compile(
    rf"\bsince\s+(?:early\s+|late\s+)?({_MONTH_NAME})\s+(1[89]\d\d|20\d\d)\b", re.I
)


def _floors(text: str) -> tuple[tuple[int, dt.date], ...]:
    """The months a text counts from ("Since October 2023, Iran-backed groups have attacked …"):
    without a publication date, the days it then names come after them."""
    return tuple(
        (m.start(), dt.date(int(m[2]), _MONTHS.index(m[1].lower()) + 1, 1))
        for m in _SINCE_MONTH.finditer(text)
    )


_IN_YEAR = re.compile(r"\b(?:in|during|the\s+year)\s+(?:(?:early|late|mid)[\s\-]?)?$", re.I)
# "less safe … than it was in 2007", "compared with 2019": the year a text compares with
_COMPARED = re.compile(r"\b(?:than|compared\s+(?:to|with))\b[^.;:!?]{0,20}$", re.I)


def _sets_year(text: str, m: re.Match[str]) -> int:
    """How a year sets the year of the dates after it: 2 at the head of a line ("2019
    Terrorist Incidents:") or in a heading line ("Timeline of the Iraqi insurgency (2013)"),
    1 as part of a date ("21 January 2021", "October 2024"), 0 not at all ("since 2012",
    "since October 2023" look back from the time the text is about)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not text[line_start : m.start()].strip(_BULLETS):
        return 2
    line_end = text.find("\n", m.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if len(line) <= 100 and not line.endswith("."):
        return 2
    dated = _DATED_YEAR.search(text, max(0, m.start() - 40), m.start())
    if dated is None:  # "One attack occurred in Lebanon in 1998. On 21 June …": that year's
        if _COMPARED.search(text, max(0, m.start() - 32), m.start()):
            return 0
        return 1 if _IN_YEAR.search(text, max(0, m.start() - 20), m.start()) else 0
    if _LOOKING_BACK.search(text, max(0, dated.start() - 12), dated.start()):
        return 0
    return 1


def _named(d: EventDate, why: str) -> EventDate:
    return EventDate(d.date, d.precision, d.earliest, d.latest, d.text, 0, 0, f"{why}: {d.reason}")


def _close(spans: list[_Span], end: int) -> list[_Span]:
    """End each heading's span where the next heading of its level (or a coarser one) starts."""
    out: list[_Span] = []
    for i, s in enumerate(spans):
        stop = s.end
        if s.end == end:  # a heading: until the next heading of the same or a coarser level
            for later in spans[i + 1 :]:
                if later.end == end and (
                    later.date.precision == "month" or s.date.precision == "day"
                ):
                    stop = later.start
                    break
        out.append(_Span(s.start, stop, s.date))
    return out
