"""The article value object that readers produce and extraction consumes.

Examples
--------
>>> import datetime as dt
>>> a = Article(id="001", text="Rockets hit a base.", published=dt.date(2021, 2, 26))
>>> a.id, a.outlet, a.published_source
('001', '', 'metadata')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.

    Attributes
    ----------
    id : str
        Source id, unique within a run (file stem, manifest id or record id).
    text : str
        Plain article text (HTML already reduced to text); the headline is
        not part of it unless the file itself starts with it.
    title, outlet, url : str
        Metadata, '' when unknown.
    published : datetime.date or None
        Publication date; None when unknown and not inferable.
    published_source : str
        'metadata' (front matter, manifest, record), 'inferred' (from the
        article's own complete dates) or 'unknown'.
    path : str
        The file it came from ('' for in-memory articles).
    language : str
        ISO 639-1 code when known, '' otherwise.
    """

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    published_source: str = "metadata"
    path: str = ""
    language: str = ""

    def info(self) -> dict[str, Any]:
        """Metadata as a JSON-ready dict (what an event's ``source_info`` lists).

        >>> Article(id="a", text="", outlet="RFE/RL").info()["outlet"]
        'RFE/RL'
        """
        return {
            "id": self.id,
            "outlet": self.outlet,
            "headline": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
        }
