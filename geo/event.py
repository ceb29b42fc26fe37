"""The Event value object: one strike or attack with its date, place and provenance.

Examples
--------
>>> import datetime as dt
>>> from gazetteer import default_gazetteer
>>> baghdad = default_gazetteer().best("Baghdad")
>>> ev = Event(kind="strike", weapon="airstrike", date=dt.date(2024, 1, 4), date_precision="day",
...            date_min=dt.date(2024, 1, 4), date_max=dt.date(2024, 1, 4), place="Baghdad",
...            resolved=baghdad, actor="United States", actor_side="us_coalition",
...            target="Harakat al-Nujaba", fatalities=2, injured=None,
...            reports=(Report("000", 0, 40, "A strike in Baghdad killed two on Thursday.",
...                            ("trigger 'strike'",)),))
>>> rec = ev.to_record({})
>>> rec["geo_precision"], rec["acled_geo_precision"], rec["sources"], len(rec["event_id"])
('town', 1, ['000'], 12)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gazetteer import Place
from geo.schema import ACLED_GEO_PRECISION, UCDP_WHERE_PREC

__all__ = ["Event", "Report", "event_id"]


@dataclass(frozen=True, slots=True)
class Report:
    """One sentence of one article that reports an event (provenance).

    Attributes
    ----------
    source : str
        Article id.
    start, end : int
        Span of the sentence in the article text.
    sentence : str
        The sentence.
    reasons : tuple of str
        Why it was read as reporting the event (trigger, date, place, actor, counts).
    """

    source: str
    start: int
    end: int
    sentence: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """A strike or attack, possibly merged from several reports.

    ``reports[0]`` is the sentence that states the event best (the quote).
    """

    kind: str
    weapon: str
    date: dt.date
    date_precision: str
    date_min: dt.date
    date_max: dt.date
    place: str
    resolved: Place
    actor: str
    actor_side: str
    target: str
    fatalities: int
    injured: int | None
    reports: tuple[Report, ...]
    place_how: str = ""
    sub_event_type: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        """Article ids reporting the event, in first-seen order, without repeats."""
        return tuple(dict.fromkeys(r.source for r in self.reports))

    def to_record(
        self,
        articles: Mapping[str, Mapping[str, Any]],
        *,
        region_name: Callable[[str], str] | None = None,
    ) -> dict[str, Any]:
        """The event as a row of the events table (see :mod:`geo.schema`) plus lat/lon.

        ``articles`` maps source id to article metadata (``Article.info()``);
        ``region_name`` turns the place's GeoNames admin1 code into the region's name
        (e.g. :meth:`gazetteer.Gazetteer.region_name`); the code stays where it has none.
        """
        quote = self.reports[0]
        precision = self.resolved.precision
        reasons = [f"{r.source}: {reason}" for r in self.reports for reason in r.reasons]
        if self.place_how:
            reasons.append(f"place: {self.place_how}")
        return {
            "event_id": event_id(self),
            "kind": self.kind,
            "weapon": self.weapon,
            "sub_event_type": self.sub_event_type,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "date_min": self.date_min.isoformat(),
            "date_max": self.date_max.isoformat(),
            "place": self.place,
            "place_resolved": self.resolved.name,
            "place_id": self.resolved.id,
            "geo_precision": precision,
            "acled_geo_precision": ACLED_GEO_PRECISION[precision],
            "ucdp_where_prec": UCDP_WHERE_PREC[precision],
            "extent_km": float(self.resolved.extent_km or 0.0),
            "country": self.resolved.country or "",
            "admin1": _region(self.resolved.admin1 or "", region_name),
            "actor": self.actor,
            "actor_side": self.actor_side,
            "target": self.target,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "sources": list(self.sources),
            "source_info": [dict(articles.get(s, {"id": s})) for s in self.sources],
            "quote": quote.sentence,
            "quote_source": quote.source,
            "quote_start": quote.start,
            "quote_end": quote.end,
            "reasons": reasons,
            "mentions": len(self.reports),
            "lat": self.resolved.lat,
            "lon": self.resolved.lon,
        }


def _region(code: str, region_name: Callable[[str], str] | None) -> str:
    return (region_name(code) if region_name and code else "") or code


def event_id(event: Event) -> str:
    """A 12-character id from what identifies the event: kind, first day and place.

    The same input gives the same id on every run; an event keeps its id when more
    sources report it.
    """
    key = "|".join(
        (
            event.kind,
            event.date_min.isoformat(),
            event.date_max.isoformat(),
            event.resolved.id,
            f"{event.resolved.lat:.2f},{event.resolved.lon:.2f}",
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
