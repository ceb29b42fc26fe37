"""Saved web pages: page furniture (related links, most read, newsletter and cookie boxes)
never becomes an event, on a page with no <article> or <main> (tests/data/pages)."""

from __future__ import annotations

from pathlib import Path

from geo.articles.html import html_to_text
from geo.articles.readers import read_articles
from geo.extract.pipeline import extract

PAGE = Path(__file__).resolve().parents[1] / "data" / "pages" / "dod_release_no_article.html"


def test_the_main_text_leaves_the_furniture_out() -> None:
    text, meta = html_to_text(PAGE.read_text(encoding="utf-8"))
    assert "Abdullahi Haji Da'ud" in text
    for furniture in (
        "Related Stories",
        "Suicide bomber kills",
        "Most Read",
        "Gunmen open fire",
        "Subscribe",
        "cookies",
        "Accessibility",
    ):
        assert furniture not in text, furniture
    assert meta["title"].startswith("Statement by Pentagon Press Secretary")


def test_a_saved_page_gives_its_one_event_and_no_teaser_events() -> None:
    read = read_articles([PAGE])
    [article] = read.articles
    events = extract([article]).events
    assert [(e.kind, e.date.isoformat(), e.resolved.country) for e in events] == [
        ("strike", "2016-05-27", "SO")
    ]
