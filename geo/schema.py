"""The columns of an events table, shared by extraction, exports and maps.

Every events GeoDataFrame that ``geo`` produces, and every events file it
writes, has these columns in this order plus a Point ``geometry`` in
EPSG:4326.  Readers accept files with extra columns and fill missing
optional columns with nulls.

``LIST_COLUMNS`` hold Python lists (``source_info`` a list of dicts); formats
without list types (GeoPackage, CSV, GeoParquet) store them as JSON text and
the readers turn them back into lists.

Examples
--------
>>> COLUMNS[:3]
('event_id', 'kind', 'weapon')
>>> "sources" in LIST_COLUMNS
True
>>> ACLED_GEO_PRECISION["town"], UCDP_WHERE_PREC["country"]
(1, 6)
"""

from __future__ import annotations

from typing import Final

#: Column name -> short description (also the documentation of the format).
DESCRIPTIONS: Final[dict[str, str]] = {
    "event_id": "stable id: hash of kind, first day, rounded place and first source",
    "kind": "'strike' (a state military strikes) or 'attack' (an armed group attacks)",
    "weapon": "airstrike, drone, rocket, missile, vessel, ied, artillery or '' when unknown",
    "sub_event_type": "ACLED sub_event_type: Air/drone strike, Shelling/artillery/missile "
    "attack, Remote explosive/landmine/IED, Suicide bomb, Grenade, Armed clash, Attack, "
    "Disrupted weapons use; '' when unknown",
    "date": "best single day, ISO 8601 (YYYY-MM-DD)",
    "date_precision": "day, week, month or year",
    "date_min": "earliest possible day, ISO 8601",
    "date_max": "latest possible day, ISO 8601",
    "place": "the place as the article wrote it",
    "place_resolved": "the gazetteer place's name",
    "place_id": "the gazetteer place id (e.g. geonames:98182, curated:k1-air-base)",
    "geo_precision": "facility, town, region, country or sea",
    "acled_geo_precision": "ACLED geo_precision code (1 town/site, 2 near/region, 3 larger area)",
    "ucdp_where_prec": "UCDP GED where_prec code (1 exact ... 7 international waters)",
    "extent_km": "radius in km within which the event lies (0 for an exact site)",
    "country": "ISO 3166-1 alpha-2 code of the place, '' at sea",
    "admin1": "first-level region of the place: its name, or the GeoNames admin1 code "
    "(e.g. 'UA.14') where the embedded gazetteer has no name; '' when unknown",
    "actor": "who struck or attacked, from the actor lexicon ('' when unknown)",
    "actor_side": "side of the actor (e.g. us-coalition, iran-aligned, houthi)",
    "target": "who or what was struck or attacked ('' when unknown)",
    "fatalities": "people killed (lowest reported figure; 0 when none reported)",
    "injured": "people injured (lowest reported figure), null when not reported",
    "sources": "list of source ids (articles) that report the event",
    "source_info": "list of {id, outlet, headline, url, published} per source",
    "quote": "the sentence that best states the event",
    "quote_source": "source id of the quote",
    "quote_start": "character offset of the quote in that article's text",
    "quote_end": "end offset of the quote",
    "reasons": "list of why the event was extracted and how it was dated and placed",
    "mentions": "number of sentences (across all sources) that report the event",
}

COLUMNS: Final[tuple[str, ...]] = tuple(DESCRIPTIONS)
LIST_COLUMNS: Final[frozenset[str]] = frozenset({"sources", "source_info", "reasons"})
INT_COLUMNS: Final[frozenset[str]] = frozenset(
    {
        "fatalities",
        "injured",
        "acled_geo_precision",
        "ucdp_where_prec",
        "quote_start",
        "quote_end",
        "mentions",
    }
)
FLOAT_COLUMNS: Final[frozenset[str]] = frozenset({"extent_km"})
#: Columns holding ISO dates as text.
DATE_COLUMNS: Final[frozenset[str]] = frozenset({"date", "date_min", "date_max"})
KINDS: Final[tuple[str, ...]] = ("strike", "attack")
DATE_PRECISIONS: Final[tuple[str, ...]] = ("day", "week", "month", "year")
GEO_PRECISIONS: Final[tuple[str, ...]] = ("facility", "town", "region", "country", "sea")

#: Finer first: date_precision -> rank, geo_precision -> rank (a region and a sea are equally
#: coarse).  Used to keep the more precise of two reports of one event.
DATE_RANK: Final[dict[str, int]] = {p: i for i, p in enumerate(DATE_PRECISIONS)}
PLACE_RANK: Final[dict[str, int]] = {"facility": 0, "town": 1, "region": 2, "sea": 2, "country": 3}

#: geo_precision -> ACLED geo_precision (1: the named town/site; 2: near it or a
#: part of a region; 3: only a larger region or the country is known).
ACLED_GEO_PRECISION: Final[dict[str, int]] = {
    "facility": 1,
    "town": 1,
    "region": 2,
    "country": 3,
    "sea": 3,
}

#: geo_precision -> UCDP GED where_prec (1 exact location, 2 within 25 km,
#: 3 second-order admin, 4 first-order admin, 6 country, 7 international waters).
UCDP_WHERE_PREC: Final[dict[str, int]] = {
    "facility": 1,
    "town": 1,
    "region": 4,
    "country": 6,
    "sea": 7,
}

#: date_precision -> ACLED time_precision (1 day, 2 week, 3 month) and UCDP date_prec.
ACLED_TIME_PRECISION: Final[dict[str, int]] = {"day": 1, "week": 2, "month": 3, "year": 3}
UCDP_DATE_PREC: Final[dict[str, int]] = {"day": 1, "week": 2, "month": 3, "year": 4}

#: Reading: ACLED geo_precision -> geo_precision (3 is "a larger region; its capital's point").
FROM_ACLED_GEO_PRECISION: Final[dict[int, str]] = {1: "town", 2: "region", 3: "region"}
#: Reading: ACLED time_precision -> date_precision.
FROM_ACLED_TIME_PRECISION: Final[dict[int, str]] = {1: "day", 2: "week", 3: "month"}
#: Reading: UCDP where_prec -> geo_precision (5 is "a part of a country, or between places").
FROM_UCDP_WHERE_PREC: Final[dict[int, str]] = {
    1: "town",
    2: "town",
    3: "region",
    4: "region",
    5: "region",
    6: "country",
    7: "sea",
}
#: Reading: UCDP date_prec -> date_precision (4: within a year; 5: more than a year).
FROM_UCDP_DATE_PREC: Final[dict[int, str]] = {1: "day", 2: "week", 3: "month", 4: "year", 5: "year"}
