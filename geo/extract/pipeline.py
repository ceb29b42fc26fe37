"""Articles to events: the pipeline behind ``strikemap extract``.

:func:`extract` reads each article sentence by sentence (:mod:`geo.extract.mentions`),
groups its mentions into events (:mod:`geo.extract.cluster`), gives every event a date
and a place (falling back to a coarser place rather than a wrong precise one),
then merges reports of one event across articles (:mod:`geo.extract.merge`).  Nothing
is dropped silently: articles without events, mentions that are no events,
events without a date or place are listed in the :class:`Diagnostics`.

Examples
--------
>>> import datetime as dt
>>> from geo.articles.article import Article
>>> art = Article("a1", "A U.S. airstrike in Baghdad killed two fighters on Thursday.",
...               published=dt.date(2024, 1, 5))
>>> result = extract([art])
>>> [(e.kind, e.date.isoformat(), e.resolved.name, e.fatalities) for e in result.events]
[('strike', '2024-01-04', 'Baghdad', 2)]
"""

from __future__ import annotations

import datetime as dt
import os
import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from gazetteer import default_gazetteer
from gazetteer.core import Gazetteer
from geo.articles.article import Article
from geo.event import Event
from geo.extract.cluster import Draft, blame_from_context, cluster_mentions, follow_up_counts
from geo.extract.dating import recent, story_day
from geo.extract.locate import ArticlePlaces, article_places
from geo.extract.mentions import EventMention, sentence_mentions
from geo.extract.merge import merge_events, without_covered
from geo.extract.places import fallback_place, listed_with, with_villages
from geo.extract.roles import STATE_TYPES
from geo.extract.spans.actors import ActorMention, actor_by_name, find_actors
from geo.extract.spans.dates import EventDate
from geo.extract.spans.sections import DateLayout, cell_opens
from geo.extract.spans.sentences import split_sentences
from geo.extract.subevent import sub_event_type
from geo.extract.triggers import may_report

_SHIPPING = re.compile(
    r"\b(?:ships?|shipping|vessels?|tankers?|freighters?|cargo|merchant|warships?|destroyers?)\b",
    re.I,
)

_ANCHOR = re.compile(r"\b(?:same|next|following|previous)\s+day\b|\b(?:later|earlier)\b", re.I)

# Countries at war between states, from the day the war began, whose force armed groups there
# hardly use: an event there that names no actor is a strike (as ACLED codes the shelling in
# Ukraine since the full-scale invasion; before it, the Donbas militias' was theirs).
_STATES_AT_WAR = {"UA": dt.date(2022, 2, 24), "RU": dt.date(2022, 2, 24)}

__all__ = [
    "DATE_NOTES",
    "Diagnostics",
    "ExtractResult",
    "extract",
    "extract_article",
    "extract_article_isolated",
    "extract_events",
    "to_frame",
]


#: Kinds of read problems that are notes on an article's publication date, not read failures.
DATE_NOTES: frozenset[str] = frozenset({"no-date", "inferred-date"})


@dataclass
class Diagnostics:
    """What a run could not turn into events, so a reader can check it."""

    articles: int = 0
    mentions: int = 0
    no_events: list[dict[str, Any]] = field(default_factory=list)
    unresolved_places: list[dict[str, Any]] = field(default_factory=list)
    unresolved_dates: list[dict[str, Any]] = field(default_factory=list)
    not_events: list[dict[str, Any]] = field(default_factory=list)
    unreadable: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Diagnostics) -> None:
        """Add another run's (or article's) diagnostics to these."""
        self.articles += other.articles
        self.mentions += other.mentions
        for name in (
            "no_events",
            "unresolved_places",
            "unresolved_dates",
            "not_events",
            "unreadable",
            "failed",
        ):
            getattr(self, name).extend(getattr(other, name))

    def summary(self, events: int) -> str:
        """One line of counts for stderr.

        Notes on publication dates (inferred from the text, or missing) are listed with
        the read problems but are counted apart: such articles were read.
        """
        dates = sum(1 for u in self.unreadable if u.get("kind") in DATE_NOTES)
        return (
            f"{self.articles} articles, {events} events; {len(self.no_events)} articles without "
            f"events, {len(self.unresolved_places)} unresolved places, "
            f"{len(self.unresolved_dates)} unresolved dates, {len(self.not_events)} mentions "
            f"that are no events, {len(self.unreadable) - dates} unreadable inputs, "
            f"{dates} publication dates inferred or missing, "
            f"{len(self.failed)} articles that failed"
        )

    def to_dict(self, events: int) -> dict[str, Any]:
        """JSON-ready form (the diagnostics file)."""
        return {
            "summary": self.summary(events),
            "articles": self.articles,
            "events": events,
            "mentions": self.mentions,
            "articles_without_events": self.no_events,
            "unresolved_places": self.unresolved_places,
            "unresolved_dates": self.unresolved_dates,
            "not_events": self.not_events,
            "unreadable_inputs": self.unreadable,
            "failed_articles": self.failed,
        }


@dataclass
class ExtractResult:
    """Events and diagnostics of a run, plus the articles' metadata by id."""

    events: list[Event]
    diagnostics: Diagnostics
    articles: dict[str, dict[str, Any]]


def _note(article: Article, m: EventMention, why: str) -> dict[str, Any]:
    s, e = m.sentence
    return {
        "source": article.id,
        "path": article.path,
        "trigger": m.trigger.text,
        "sentence": article.text[s:e],
        "start": s,
        "end": e,
        "problem": why,
    }


def _to_events(
    article: Article, d: Draft, diag: Diagnostics, places: ArticlePlaces, layout: DateLayout
) -> list[Event]:
    first = d.mentions[0]
    text = article.text
    if d.date is None and article.published is not None:
        d.date = story_day(text, first.sentence[0], article.published) or recent(article.published)
    if d.date is None:
        why = "no date in or near the sentence and no publication date"
        diag.unresolved_dates.append(_note(article, first, why))
        return []
    place = d.place
    if place is None:
        actor = actor_by_name(d.actor) if d.actor else None
        said = " ".join(text[m.sentence[0] : m.sentence[1]] for m in d.mentions)
        if layout.row_at(first.sentence[0]) is not None:  # a table's title and header too
            said += text[max(0, first.sentence[0] - 300) : first.sentence[0]]
        place = fallback_place(
            places,
            weapon=d.weapon,
            near_country=actor.country if actor else "",
            maritime=bool(_SHIPPING.search(said)),
            home=actor.country if actor is not None and actor.type not in STATE_TYPES else "",
            reported=any(not m.refers or not m.trigger.determiner for m in d.mentions),
        )
        # "US Carries Out Strike Against al-Shabab": a state's strike on a group abroad is in
        # the group's country, not in the state's that the text names as its actor
        victim = actor_by_name(d.target) if d.target else None
        abroad = actor is not None and actor.type in STATE_TYPES and victim is not None
        home = places.gazetteer.get(f"country:{victim.country}") if victim and abroad else None
        own = actor.country if actor is not None else ""
        if place and home and place.place.kind == "country" and place.place.country == own:
            place = replace(place, written=home.name, place=home, how=f"{place.how}; its target's")
    if place is None:
        diag.unresolved_places.append(_note(article, first, "no place in or near the sentence"))
        return []
    war = _STATES_AT_WAR.get(place.place.country)
    unsaid = not d.actor and all(not m.trigger.kind for m in d.mentions)  # not "militants"
    if unsaid and d.kind == "attack" and war is not None and d.date.date >= war:
        d.kind = "strike"  # shelling in Ukraine whose side the text leaves unsaid: a state's
    killed = min(d.killed) + d.also_killed if d.killed else 0
    words = " ".join(text[m.sentence[0] : m.sentence[1]] for m in d.mentions)
    event = Event(
        kind=d.kind,
        weapon=d.weapon,
        date=d.date.date,
        date_precision=d.date.precision,
        date_min=d.date.earliest,
        date_max=d.date.latest,
        place=place.written,
        resolved=place.place,
        actor=d.actor,
        actor_side=d.actor_side,
        target=d.target,
        fatalities=killed,
        injured=min(d.injured) if d.injured else None,
        reports=tuple(d.report(article.id, article.text)),
        place_how=place.how,
        sub_event_type=sub_event_type(d.kind, d.weapon, words, d.target),
    )
    # "strikes on Kyiv, Lviv and Dnipro": one event per place; the figures stay on the first
    others = listed_with(places, place) if d.place is not None else []
    if others and place.place.kind == "country" and all(o.place.kind != "country" for o in others):
        # "across Ukraine: Kyiv, Lviv and Dnipro": the towns, not the country, are the places
        place, others = others[0], others[1:]
        event = replace(event, place=place.written, resolved=place.place, place_how=place.how)
    # "the villages of Akifakif, Bakorat, and Intazayene": the names the gazetteer lacks too
    lead, others = with_villages(text, d.mentions[0].sentence, place, others)
    if lead is not place:  # the villages, not the district they are in, are the places
        event = replace(event, place=lead.written, place_how=f"{lead.how}; at {event.place}")
        place = lead
    how = f"{place.how}; one of {len(others) + 1} places named together"
    return [
        replace(event, place_how=how) if others else event,
        *(
            replace(
                event,
                place=o.written,
                resolved=o.place,
                place_how=f"{o.how}; {_LISTED} {place.written}",
                fatalities=0,
                injured=None,
            )
            for o in others
        ),
    ]


_LISTED = "figures on the event at"


def _mask(text: str, keep: list[tuple[int, int]]) -> str:
    """The text with everything outside ``keep`` replaced by spaces (same length)."""
    parts: list[str] = []
    pos = 0
    for start, end in keep:
        parts.append(" " * (start - pos))
        parts.append(text[start:end])
        pos = end
    parts.append(" " * (len(text) - pos))
    return "".join(parts)


def extract_article(
    article: Article, *, gazetteer: Gazetteer | None = None
) -> tuple[list[Event], Diagnostics]:
    """Events of one article (not merged with other articles) and its diagnostics."""
    gz = gazetteer or default_gazetteer()
    diag = Diagnostics(articles=1)
    if article.published_source == "inferred":
        # the latest full date in the text, guessed by the reader, is no publication date:
        # the dates the text gives (its captions, headings, the year it is about) rule here
        article = replace(article, published=None)
    text = article.text
    sentences = split_sentences(text)
    # Only sentences with strike or attack words can report events: look for actors in
    # those alone (the rest blanked out, so offsets stay those of the article).  Places are
    # spotted in the whole text: the other sentences give the article's country and seas.
    layout = DateLayout.of(text, article.published)
    keep = [(s, e) for s, e in sentences if may_report(text[s:e]) or layout.row_at(s) is not None]
    masked = _mask(text, keep)
    actors = find_actors(masked)
    homes = tuple(a.actor.country for a in actors if a.actor.type not in STATE_TYPES)
    # the cells of a table of events other than its "Location" (ships, flags, names)
    skip = (
        *((a.start, a.end) for a in actors),
        *((s, e) for s, e, ps, _ in layout.rows if ps < 0),
        *(span for s, e, ps, pe in layout.rows if ps > s for span in ((s, ps), (pe, e))),
    )
    homes = tuple(h for h in homes if h)
    places = article_places(text, gazetteer=gz, skip=skip, homes=homes)
    # in a table without a header, a place that does not open its cell ("| Maersk Gibraltar |")
    inner = [
        (m.start - 1, m.end)  # a span around it: skip covers longer spans only
        for m in places.mentions
        if any(s == ps <= m.start < e for s, e, ps, _ in layout.rows)
        and not cell_opens(text, m.start)
    ]
    if inner:
        places = article_places(text, gazetteer=gz, skip=(*skip, *inner), homes=homes)
    mentions: list[EventMention] = []
    anchor: EventDate | None = None
    spoken: set[tuple[int, int]] = set()
    context_actors: list[EventMention] = []  # mentions of no event, for who acts in the story
    for start, end in keep:
        inside = [
            ActorMention(a.actor, a.text, a.start - start, a.end - start)
            for a in actors
            if start <= a.start < end
        ]
        context = layout.context(start)
        # "The same day, …" after a day no event was found on: the day the paragraph last named
        here = anchor or (
            layout.day_before(text, start) if _ANCHOR.search(text, start, end) else None
        )
        for m in sentence_mentions(text, (start, end), context, places, inside, here, layout):
            diag.mentions += 1
            spoken.add(m.sentence)
            # "the next day" counts from the day a story last named; a month heading's date
            # of a later sentence leaves that day be
            day = anchor.date if anchor is not None and anchor.precision == "day" else None
            within = (
                day is not None and m.date is not None and m.date.earliest <= day <= m.date.latest
            )
            if m.date is not None and (not m.skip or m.date.precision == "day") and not within:
                anchor = m.date
            if m.skip:
                diag.not_events.append(_note(article, m, m.skip))
                context_actors.append(m)
                continue
            mentions.append(m)
    # a headline alone, that does not speak of what will or may be ("… Will Not Be Tolerated")
    lone = len(sentences) == 1 and not re.search(r"[.!?][\"'”’)]*\s*$", text)
    lone = lone and not re.search(r"\b(?:will|would|could|may|might|must|should)\b", text, re.I)
    drafts, unused = cluster_mentions(mentions, headline_only=lone and len(text.split()) <= 20)
    follow_up_counts(text, sentences, spoken, drafts)
    blame_from_context(drafts, context_actors, sentences)
    for m in unused:
        diag.not_events.append(_note(article, m, "refers back to no reported event"))
    events = _without_listed_twice([_to_events(article, d, diag, places, layout) for d in drafts])
    events = without_covered(events)
    if not events:
        diag.no_events.append(
            {"source": article.id, "path": article.path, "problem": "no strike or attack found"}
        )
    return events, diag


def _without_listed_twice(made: list[list[Event]]) -> list[Event]:
    """The events of each draft (its own first, then one per other place its list names), but
    none made for a place named in a list ("in Kyiv and Kharkiv") when the article reports an
    event of that kind, day and place of its own."""
    own = {(es[0].kind, es[0].date, es[0].resolved.id, es[0].place) for es in made if es}
    return [
        e
        for es in made
        for i, e in enumerate(es)
        if i == 0 or (e.kind, e.date, e.resolved.id, e.place) not in own
    ]


def extract_article_isolated(
    article: Article, *, gazetteer: Gazetteer | None = None
) -> tuple[list[Event], Diagnostics]:
    """:func:`extract_article`, but an unexpected error costs only this article.

    The error is listed in ``Diagnostics.failed`` with the article, the traceback's last
    line and the innermost frame; the run goes on.  Interrupts (``KeyboardInterrupt``,
    ``SystemExit``) still end it.
    """
    try:
        return extract_article(article, gazetteer=gazetteer)
    except Exception as err:  # any fault costs only its article
        frames = traceback.extract_tb(err.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
        error = traceback.format_exception_only(err)[-1].strip()
        note = {
            "source": article.id,
            "path": article.path,
            "problem": f"unexpected error: {error}",
            "error": error,
            "where": where,
        }
        return [], Diagnostics(articles=1, failed=[note])


def extract(
    articles: Iterable[Article],
    *,
    gazetteer: Gazetteer | None = None,
    merge: bool = True,
    progress: Any = None,
) -> ExtractResult:
    """Extract and merge the events of many articles.

    Parameters
    ----------
    articles : iterable of Article
        The articles (see :mod:`geo.articles.readers` to read them from files).
    gazetteer : Gazetteer, optional
        Defaults to the embedded one.
    merge : bool
        Merge reports of the same event across articles (default True).
    progress : callable, optional
        Called with each article after it is read (for progress bars).

    An unexpected error inside one article does not end the run: the article is listed
    in ``diagnostics.failed`` (see :func:`extract_article_isolated`).
    """
    gz = gazetteer or default_gazetteer()
    diag = Diagnostics()
    found: list[Event] = []
    meta: dict[str, dict[str, Any]] = {}
    for article in articles:
        events, one = extract_article_isolated(article, gazetteer=gz)
        found.extend(events)
        diag.add(one)
        meta[article.id] = article.info()
        if progress is not None:
            progress(article)
    events = merge_events(found) if merge else sorted(found, key=lambda e: (e.date, e.sources))
    return ExtractResult(events, diag, meta)


def to_frame(result: ExtractResult) -> Any:
    """The events of a run as a GeoDataFrame (EPSG:4326, columns of :mod:`geo.schema`).

    The diagnostics travel in ``frame.attrs["diagnostics"]``.
    """
    from geo.frame import events_frame

    names = default_gazetteer().region_name  # embedded regions: the same in every gazetteer
    records = [e.to_record(result.articles, region_name=names) for e in result.events]
    frame = events_frame(_unique_ids(records))
    frame.attrs["diagnostics"] = result.diagnostics.to_dict(len(records))
    return frame


def _unique_ids(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two events with the same kind, dates and place get ``-2``, ``-3`` suffixes."""
    seen: dict[str, int] = {}
    for rec in records:
        n = seen.get(rec["event_id"], 0) + 1
        seen[rec["event_id"]] = n
        if n > 1:
            rec["event_id"] = f"{rec['event_id']}-{n}"
    return records


def extract_events(
    articles: Iterable[Article] | str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    gazetteer: Gazetteer | None = None,
    merge: bool = True,
) -> Any:
    """Extract events from articles (or article files) into a GeoDataFrame.

    Parameters
    ----------
    articles : Article objects, or paths, directories and globs of article files
        Files are read with :func:`geo.articles.readers.read_articles`; problems reading
        them are listed in the diagnostics.
    manifest : path, optional
        A manifest CSV with outlet, headline and publication date per file.
    gazetteer : Gazetteer, optional
        Defaults to the embedded one.
    merge : bool
        Merge reports of one event across articles.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per event in EPSG:4326; ``frame.attrs["diagnostics"]`` says what
        could not be turned into events.

    Examples
    --------
    >>> import datetime as dt
    >>> art = Article("x", "Rockets hit the K1 base outside Kirkuk on Friday.",
    ...               published=dt.date(2019, 12, 28))
    >>> frame = extract_events([art])
    >>> frame.crs.to_epsg(), frame.loc[0, "place_resolved"], frame.loc[0, "date"]
    (4326, 'K-1 Air Base', '2019-12-27')
    """
    given: list[Any] = [articles] if isinstance(articles, str | os.PathLike) else list(articles)
    items: list[Article] = [a for a in given if isinstance(a, Article)]
    paths = [a for a in given if not isinstance(a, Article)]
    problems: list[dict[str, Any]] = []
    if paths:
        from geo.articles.readers import read_articles

        read = read_articles(paths, manifest=manifest)
        problems = [{"path": p.path, "problem": p.problem, "kind": p.kind} for p in read.problems]
        items += read.articles
    result = extract(items, gazetteer=gazetteer, merge=merge)
    result.diagnostics.unreadable.extend(problems)
    return to_frame(result)
