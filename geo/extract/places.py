"""Places an event is given: the values (:class:`PlacePick`, :class:`ArticlePlaces`), lists of
places ("strikes on Kyiv, Lviv and Dnipro" report one event per place, as ACLED codes them:
:func:`listed_with`), and the checks of spotted names against the article (a place written
with its country, a namesake abroad, a demonym), and the coarse place of an event whose
sentence names none (:func:`fallback_place`).  :mod:`geo.extract.locate` builds on them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from gazetteer import Mention, Place
from gazetteer.core import Gazetteer
from gazetteer.geodesy import haversine_km

__all__ = [
    "DEMONYM_WORD",
    "ArticlePlaces",
    "PlacePick",
    "border_area",
    "capitals_named",
    "demonym_country",
    "demonym_elsewhere",
    "fallback_place",
    "in_named_country",
    "inside_longer",
    "listed_with",
    "mentions_within",
    "sea_part",
    "stray",
    "villages_named",
    "with_villages",
]


@dataclass(frozen=True, slots=True)
class PlacePick:
    """A place chosen for an event.

    Attributes
    ----------
    written : str
        The place as the article wrote it ("an Iraqi base outside Kirkuk").
    place : Place
        The resolved gazetteer place.
    start, end : int
        Its span in the article text (-1 for places inferred from the whole article).
    how : str
        Why this place was chosen.
    unknown : bool
        ``written`` is a name the gazetteer lacks; ``place`` is then its country.
    """

    written: str
    place: Place
    start: int
    end: int
    how: str
    unknown: bool = False

    @property
    def precision(self) -> str:
        """geo_precision: facility, town, region, country or sea."""
        return self.place.precision

    @property
    def local(self) -> bool:
        """Whether the text names a place below the country for the event (resolved, or a
        name the gazetteer lacks, placed at its country)."""
        # "in Syria and Iraq" names two countries, whose border area is no place below them
        border = self.place.kind == "area" and " and " in self.written
        return self.unknown or (self.place.precision != "country" and not border)


@dataclass(frozen=True, slots=True)
class ArticlePlaces:
    """Places of one article: spotted mentions, named sites, main country and seas.

    ``country`` is the country of the places where things happen ("in", "near" ...);
    ``named_country`` is that, or else the country the article names most at all.
    """

    text: str
    mentions: tuple[Mention, ...]
    sites: tuple[PlacePick, ...]
    country: Place | None
    seas: tuple[Place, ...]
    gazetteer: Gazetteer
    named_country: Place | None = None
    names: tuple[tuple[int, int], ...] = ()  # actors' names ("al-Qaeda in the Arabian Peninsula")


_SEA_PORT = re.compile(r"\s+(?:port|city|town|resort|island)\b")


def in_named_country(
    text: str, gz: Gazetteer, mentions: tuple[Mention, ...]
) -> tuple[Mention, ...]:
    """A place written with its country ("El Burr, Somalia") or its province ("Bando village,
    Helmand Province") is in that country: resolved
    there when the gazetteer has it, else dropped (an unknown name) rather than kept as a
    namesake elsewhere (a hamlet in Ohio).  The same name elsewhere in the article means the
    same place ("Jalalabad, Afghanistan | ... the Jalalabad attack")."""
    out: list[Mention] = []
    anchored: dict[str, Place | None] = {}
    for i, m in enumerate(mentions):
        if m.place is not None and m.place.precision == "sea" and _SEA_PORT.match(text, m.end):
            continue  # "the country's Black Sea port of Odesa": the port, not the sea
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        place, home = m.place, nxt.place if nxt is not None else None
        if (
            place is None
            or home is None
            or nxt is None
            or (home.kind != "country" and home.precision != "region")
            or place.kind == "country"
            # "El Burr, Somalia", "Bando village, Helmand Province"
            or not re.fullmatch(
                r"(?:\s+(?:village|town|city|district))?,\s*", text[m.end : nxt.start]
            )
        ):
            out.append(m)
            continue
        if place.country == home.country:
            anchored.setdefault(m.text.lower(), place)
            out.append(m)
            continue
        there = gz.resolve(m.text, country=home.country, limit=1)
        if there and there[0].country == home.country:
            anchored.setdefault(m.text.lower(), there[0])
            out.append(replace(m, place=there[0], candidates=tuple(there)))
        else:
            anchored.setdefault(m.text.lower(), None)
    return tuple(_same_sense(m, anchored) for m in out)


def _same_sense(m: Mention, anchored: dict[str, Place | None]) -> Mention:
    key = m.text.lower()
    if key not in anchored or m.place is None:
        return m
    place = anchored[key]
    if place is None or place.id == m.place.id:
        return m
    return replace(m, place=place, candidates=(place, *m.candidates))


def stray(m: Mention, country: Place, mentions: tuple[Mention, ...]) -> bool:
    """A small place in a country the article names nowhere else, while its places are in
    ``country``: a namesake, not where things happened (it is then an unknown name)."""
    place = m.place
    if place is None or place.country in ("", country.country) or place.kind == "country":
        return False
    # a town by its own name up to 10,000 people; by an alternate spelling up to 100,000
    # ("El-Salin" is also a spelling of Xuelin in China)
    limit = 10_000 if place.reason.startswith("preferred") else 100_000
    kinds: tuple[str, ...] = ("town", "facility")
    if haversine_km(place.lat, place.lon, country.lat, country.lon) > 3_000:
        limit = 1_000_000  # "Bani" in a story of Yemen is not Baní in the Dominican Republic
        kinds = (*kinds, "region")  # nor its "Maritime Attack" the Maritime Region of Togo
    big = (place.population or 0) >= limit and place.precision != "region"
    if big or place.precision not in kinds:
        return False
    return not any(o.place and o.place.country == place.country for o in mentions if o is not m)


# "attacked the villages of Akifakif, Bakorat, and Intazayene", "the towns of Solhan and
# Tadaryat": the names a list of places gives, known to the gazetteer or not.
_NAMED_LIST = re.compile(
    r"\b(?:villages|towns|localities|settlements|hamlets)\s+of\s+"
    r"(?P<names>(?:[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?,?\s+)+and\s+[A-Z][\w'’\-]+)"
    # "attacked the Solhan and Tadaryat villages"
    r"|\b(?P<names2>(?:[A-Z][\w'’\-]+,?\s+)+and\s+[A-Z][\w'’\-]+)\s+(?:villages|towns)\b"
)


def villages_named(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The places a list in ``text[start:end]`` names ("the villages of Akifakif, Bakorat,
    and Intazayene"), as (name, start, end): one event at each, as ACLED codes them.

    >>> [n for n, _, _ in villages_named("attacked the villages of A1, Bo and Ce.", 0, 40)]
    ['A1', 'Bo', 'Ce']
    """
    out: list[tuple[str, int, int]] = []
    for m in _NAMED_LIST.finditer(text, start, end):
        group = "names" if m["names"] else "names2"
        for name in re.finditer(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?", m[group]):
            out.append((name[0], m.start(group) + name.start(), m.start(group) + name.end()))
    return out


def with_villages(
    text: str, span: tuple[int, int], place: PlacePick, others: list[PlacePick]
) -> tuple[PlacePick, list[PlacePick]]:
    """The event's place and the others a list in its sentence names, with the names the
    gazetteer lacks placed where the event is; the list's first name replaces the event's
    place when that is not among them (the district the villages are in)."""
    known = {place.start, *(o.start for o in others)}
    listed = villages_named(text, *span)
    unknown = [
        PlacePick(name, place.place, s, e, f"{name!r} is not in the gazetteer: named in a list")
        for name, s, e in listed
        if s not in known and not any(o.written == name for o in others) and name != place.written
    ]
    inside = any(name == place.written for name, _, _ in listed)
    if unknown and not others and not inside:
        return unknown[0], unknown[1:]
    return place, [*others, *unknown]


#: A capitalised word shaped like a demonym ("Iraqi", "Malian", "Afghan"): the words
#: :func:`demonym_country` asks the gazetteer about.
DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]+(?:ian|an|i|ese|ish|ic)\b")


def demonym_country(gz: Gazetteer, word: str) -> str:
    """The country code whose demonym ``word`` is ("Malian": ``"ML"``), or ``""``."""
    if not DEMONYM_WORD.fullmatch(word):
        return ""
    found = gz.resolve(word, kind="country", limit=1)
    demonym = found and found[0].kind == "country" and found[0].reason.startswith("demonym")
    return found[0].country if demonym else ""


def demonym_elsewhere(gz: Gazetteer, name: str, place: Place) -> bool:
    """Whether ``name`` is a country's demonym spotted as some other place ("Malian" as the
    village Malyān in Iran, "Iraqi"): an adjective, not where anything happened."""
    return place.kind != "country" and bool(demonym_country(gz, name))


# Between two places of one list: "Jableh and Tartus", "Kyiv, Lviv, Dnipro and Odesa",
# "Nangarhar and Paktika provinces", "Kyiv and across Ukraine, including Lviv".
_LIST_GAP = re.compile(
    r"(?:\s+(?:cities|towns|villages|provinces|governorates|districts|regions))?"
    # ", ", " and ", ", including ", and a colon opening a list ("across Ukraine: Kyiv, Lviv")
    r"(?:\s*[,:]\s*(?:and\s+|or\s+|as\s+well\s+as\s+|including\s+)?|\s+(?:and|or|as\s+well\s+as)\s+"
    r"|\s+and\s+(?:across|in|throughout)\s+(?:the\s+)?)"
    r"(?:the\s+)?(?:(?:cit(?:y|ies)|towns?|villages?|provinces?|regions?)\s+of\s+)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Index:
    """What the place helpers work out once per article: its mentions by position, and its
    lists of places."""

    mentions: tuple[Mention, ...]
    text: str
    starts: tuple[int, ...]  # the mentions' starts, in order
    order: tuple[int, ...]  # the index in ``mentions`` of each of those
    lists: tuple[tuple[Mention, ...], ...]


# The index of the article asked about last (its events ask one after the other).
_LAST: list[_Index] = []


def _index(ctx: ArticlePlaces) -> _Index:
    last = _LAST[0] if _LAST else None
    if last is not None and last.mentions is ctx.mentions and last.text is ctx.text:
        return last
    by_start = sorted(range(len(ctx.mentions)), key=lambda i: ctx.mentions[i].start)
    ordered = sorted(
        (m for m in ctx.mentions if m.place is not None), key=lambda m: (m.start, -m.end)
    )
    # runs that a list joins ("Kyiv, Lviv and Dnipro"; a mention alone is a run of one)
    runs: list[tuple[Mention, ...]] = []
    chain: list[Mention] = []
    for m in ordered:
        if chain and _LIST_GAP.fullmatch(ctx.text, chain[-1].end, m.start):
            chain.append(m)
            continue
        if chain:
            runs.append(tuple(chain))
        chain = [m]
    if chain:
        runs.append(tuple(chain))
    starts = tuple(ctx.mentions[i].start for i in by_start)
    index = _Index(ctx.mentions, ctx.text, starts, tuple(by_start), tuple(runs))
    _LAST[:] = [index]
    return index


def inside_longer(spans: tuple[tuple[int, int], ...]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` lies inside a longer one of ``spans`` (an actor's
    name around a place's: "U.S." in "U.S. forces"), by bisection rather than a look at
    every span.

    >>> inside = inside_longer(((0, 10), (20, 24)))
    >>> inside(2, 6), inside(20, 24), inside(12, 14)
    (True, False, False)
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))  # the furthest end so far

    def inside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)  # the spans that start no later
        if i == 0 or reach[i - 1] < end:
            return False
        return any(end <= e and e - s > end - start for s, e in ordered[:i])

    return inside


def mentions_within(ctx: ArticlePlaces, start: int, end: int) -> list[Mention]:
    """The article's mentions that start in ``[start, end)``, in the order of
    ``ctx.mentions`` (found by position, not by a look at every mention).

    >>> from geo.extract.locate import article_places
    >>> ctx = article_places("Rockets hit Baghdad. Jets struck Mosul.")
    >>> [m.text for m in mentions_within(ctx, 21, 39)]
    ['Mosul']
    """
    index = _index(ctx)
    lo, hi = bisect.bisect_left(index.starts, start), bisect.bisect_left(index.starts, end)
    return [ctx.mentions[i] for i in sorted(index.order[lo:hi])]


# What opens the towns of a country: "across Ukraine: Kyiv, Lviv", "cities across Ukraine,
# including Kyiv, Dnipro and Kryvyi Rih".
_INCLUDES = re.compile(r":|\bincluding\b")


def listed_with(ctx: ArticlePlaces, pick: PlacePick) -> list[PlacePick]:
    """The other places a list names together with the event's place, in text order.

    "Attacks in the Syrian cities of Jableh and Tartus" and "strikes on Kyiv, Lviv and Dnipro"
    report one event per place (as ACLED codes them).  Only places of the same precision
    count: in "Khanewal, Punjab" the province is where the town is, not a second place.

    >>> from geo.extract.locate import article_places, pick_place
    >>> text = "Car bombs hit Jableh and Tartus on Monday."
    >>> ctx = article_places(text)
    >>> pick = pick_place(ctx, 0, len(text), 4)
    >>> [p.place.name for p in listed_with(ctx, pick)]
    ['Ţarţūs']
    """
    if pick.start < 0:
        return []
    chain = next(
        (c for c in _index(ctx).lists if any(m.start <= pick.start < m.end for m in c)), ()
    )
    if not chain:
        return []
    level = pick.place.precision
    local = ("facility", "town", "region")
    out: list[PlacePick] = []
    for i, m in enumerate(chain):
        place = m.place
        assert place is not None
        if m.start <= pick.start < m.end or place.id == pick.place.id:
            continue
        # "Khanewal, Punjab": a comma before a coarser place gives where the town is; "in Tel
        # Aviv and the West Bank" names two places, whatever their size or country
        joined = i > 0 and re.search(
            r"\b(?:and|or|as\s+well\s+as|including)\b", ctx.text[chain[i - 1].end : m.start]
        )
        prior = chain[i - 1].place if i > 0 else None
        if not joined and prior is not None and _around(prior, place):
            continue  # "Karrada, Baghdad": the city the district is in, no second place
        same = place.precision == level and place.country == pick.place.country
        # "across Ukraine: Kyiv, Lviv and Dnipro": the towns of the country the event is in
        within = (
            pick.place.kind == "country"
            and place.country == pick.place.country
            and place.precision in local
            and _INCLUDES.search(ctx.text, pick.end, chain[min(i, len(chain) - 1)].start + 1)
            is not None
        )
        same = same or within
        if not same and not (joined and place.precision in local and level in local):
            continue
        out.append(
            PlacePick(m.text, place, m.start, m.end, "named in a list with the event's place")
        )
    return out


# "the capital", "the Iraqi capital", "Ukraine's capital", "the capital of Yemen": a country's
# capital city, named by its role.
_CAPITAL = re.compile(
    r"\b(?:[Tt]he\s+(?:(?P<dem>[A-Z][a-z]+)\s+)?capital(?:\s+city)?(?:\s+of\s+(?P<of>[A-Z][a-z]+))?"
    r"|(?P<own>[A-Z][a-z]+)['’]s\s+capital(?:\s+city)?"
    # a headline's "Blast Kills 5 in Afghan Capital"
    r"|(?<=\b[Ii]n\s)(?P<dem2>[A-Z][a-z]+)\s+Capital)\b"
)


def capitals_named(text: str, gz: Gazetteer, country: Place | None) -> list[PlacePick]:
    """The capitals a text names by their role: of the country its demonym, possessive or
    "of" names, else of the article's main ``country`` ("the capital, Kyiv": Kyiv).

    >>> from gazetteer import default_gazetteer
    >>> gz = default_gazetteer()
    >>> [p.place.name for p in capitals_named("Bombs hit the Iraqi capital.", gz, None)]
    ['Baghdad']
    """
    found: list[PlacePick] = []
    for m in _CAPITAL.finditer(text) if "apital" in text else ():  # a word each match holds
        if m["dem"] or m["dem2"]:
            code = demonym_country(gz, m["dem"] or m["dem2"])
        elif m["of"] or m["own"]:
            named = gz.resolve(m["of"] or m["own"], kind="country", limit=1)
            code = named[0].country if named and named[0].kind == "country" else ""
        else:
            code = country.country if country is not None else ""
        city = _capital_of(gz, code) if code else None
        if city is not None:
            found.append(PlacePick(m[0], city, m.start(), m.end(), f"the capital of {code}"))
    return found


def _capital_of(gz: Gazetteer, code: str) -> Place | None:
    """The most populous capital-kind place of a country (a country's seat of government)."""
    capitals = [p for p in gz.places_of_kind(("capital",)) if p.country == code]
    return max(capitals, key=lambda p: p.population, default=None)


def _around(inner: Place, outer: Place) -> bool:
    """Whether ``outer`` is the place ``inner`` lies in (a district's city): an area, or more
    populous, and within its extent (5 km at least); not a neighbouring village of a list."""
    area = outer.kind in ("district", "region", "province", "governorate", "area")
    if not area and (outer.population or 0) <= (inner.population or 0):
        return False  # a district has no population of its own: its extent says it holds it
    reach = max(outer.extent_km or 0.0, 5.0)
    return haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) <= reach


def fallback_place(
    ctx: ArticlePlaces,
    *,
    weapon: str = "",
    near_country: str = "",
    maritime: bool = False,
    reported: bool = False,
    home: str = "",
) -> PlacePick | None:
    """The coarse place of an event whose sentence names none: a sea for attacks on
    shipping, else the article's main country.  An event ``reported`` anew (not only
    referred to) may take the country the article names most when none is named as a
    place where things happen ("U.S. forces conducted a strike near Gobanale, Somalia"),
    and else the ``home`` country of the armed group that did it ("Al-Shabaab militants
    attacked a base in Lower Shabelle", a region the gazetteer lacks)."""
    if (maritime or weapon == "vessel") and ctx.seas:
        pick = PlacePick(ctx.seas[0].name, ctx.seas[0], -1, -1, "attack at sea: the article's sea")
        return sea_part(ctx.gazetteer, pick, near_country)
    country = ctx.named_country if reported else ctx.country
    if country is not None:
        return PlacePick(
            country.name,
            country,
            -1,
            -1,
            "no place in the sentence: the article's main country",
        )
    group = ctx.gazetteer.get(f"country:{home}") if home and reported else None
    if group is not None:
        return PlacePick(group.name, group, -1, -1, "no place named: the armed group's country")
    return None


def border_area(gz: Gazetteer, codes: list[str]) -> Place | None:
    names = [p.name for c in codes if (p := gz.get(f"country:{c}")) is not None]
    if len(names) != 2:
        return None
    for query in (f"{names[0]}-{names[1]} border", f"{names[1]}-{names[0]} border"):
        found = gz.best(query)
        if found is not None and found.kind == "area":
            return found
    return None


def sea_part(gz: Gazetteer, pick: PlacePick, near_country: str) -> PlacePick:
    """For a sea named with an attacker's country, the part of that sea nearest it."""
    if pick.place.precision != "sea" or not near_country:
        return pick
    home = gz.get(f"country:{near_country}")
    if home is None:
        return pick
    parts = [
        p
        for p in gz.places_of_kind(("sea",))
        if p.id != pick.place.id and pick.place.name.lower() in p.name.lower()
    ]
    if not parts:
        return pick
    part = min(parts, key=lambda p: haversine_km(p.lat, p.lon, home.lat, home.lon))
    if haversine_km(part.lat, part.lon, home.lat, home.lon) >= haversine_km(
        pick.place.lat, pick.place.lon, home.lat, home.lon
    ):
        return pick
    return PlacePick(
        pick.written, part, pick.start, pick.end, f"{pick.how}; part nearest {home.name}"
    )
