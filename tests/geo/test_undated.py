"""Texts without a publication date, read as `strikemap extract` reads a text file.

Our own example sentences, one per phrasing class.
"""

from __future__ import annotations

import datetime as dt

from gazetteer import Gazetteer
from geo.articles.readers import article_from_text
from geo.extract.pipeline import extract
from tests.extracted import events


def test_a_date_after_the_latest_full_date_keeps_the_text_s_year(gz: Gazetteer) -> None:
    # The reader guesses the publication date as the latest full date (26 August 2021); the
    # strike "On 27 August" is the day after it, not a year before.
    text = (
        "A suicide bomber struck the airport in Kabul on 26 August 2021, killing dozens. "
        "On 27 August, the United States launched a drone strike in Nangarhar Province."
    )
    article = article_from_text(text, id="a")
    assert (article.published, article.published_source) == (dt.date(2021, 8, 26), "inferred")
    found = {(e.kind, e.date) for e in extract([article], gazetteer=gz).events}
    assert found == {("attack", dt.date(2021, 8, 26)), ("strike", dt.date(2021, 8, 27))}


def test_a_caption_after_the_headline_dates_the_weekdays(gz: Gazetteer) -> None:
    text = (
        "Truce Ends in Gaza\n"
        "Smoke rises over Rafah, southern Gaza Strip, Aug. 9, 2014.\n"
        "Israeli jets struck targets in Khan Younis on Friday after rockets were fired at Ashkelon."
    )
    found = {(e.kind, e.date, e.place) for e in events(gz, text, published=None)}
    assert ("strike", dt.date(2014, 8, 8), "Khan Younis") in found
