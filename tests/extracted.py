"""The events the pipeline finds in one text: the helper the extraction tests share."""

from __future__ import annotations

import datetime as dt

from gazetteer import Gazetteer
from geo.articles.article import Article
from geo.event import Event
from geo.extract.pipeline import extract

#: The publication day of the tests' example texts unless a test says otherwise.
PUB = dt.date(2024, 1, 11)


def events(gz: Gazetteer, text: str, published: dt.date | None = PUB) -> list[Event]:
    """The events ``extract`` finds in ``text`` as one article published on ``published``."""
    return list(extract([Article(id="a", text=text, published=published)], gazetteer=gz).events)
