"""Where an event happened: places in its sentence, resolved with the whole article as context.

:func:`article_places` spots places once per article; :func:`pick_place` chooses, for one
trigger, the most precise place the sentence says the event happened at ("at", "in", "near",
"outside", or a named site), preferring the place nearest the trigger, and falls back to
coarser places rather than guessing a precise one.  Two countries named together ("in Iraq
and Syria") become their shared border area when the gazetteer has one.

Examples
--------
>>> text = "Rockets hit an Iraqi base outside Kirkuk on Friday."
>>> ctx = article_places(text)
>>> pick = pick_place(ctx, 0, len(text), 8)
>>> pick.place.name, pick.place.precision
('K-1 Air Base', 'facility')
"""

from __future__ import annotations

import re
from collections import Counter

from gazetteer import GazetteerError, Mention, Place, default_gazetteer, spot
from gazetteer.core import Gazetteer
from gazetteer.geodesy import haversine_km
from geo.extract.places import (
    DEMONYM_WORD,
    ArticlePlaces,
    PlacePick,
    border_area,
    capitals_named,
    demonym_country,
    demonym_elsewhere,
    in_named_country,
    inside_longer,
    mentions_within,
    sea_part,
    stray,
)
from geo.extract.spans.scan import Scan
from geo.schema import PLACE_RANK

__all__ = [
    "ArticlePlaces",
    "PlacePick",
    "article_places",
    "compatible",
    "pick_place",
]

_SITE = re.compile(
    r"\b(?:the|a|an)\s+(?P<mods>(?:(?!(?:a|an|the|on|in|at|of|to|for|and|or|by)\b)[\w.'’\-]+\s+)"
    r"{0,3}?)(?P<noun>(?i:air\s?base|airbase|base|airport"
    r"|embassy|consulate|complex|camp|compound|garrison|outpost|headquarters))\s+"
    r"(?:(?:hosting|housing|used\s+by|that\s+hosts?)\s+(?:[\w.\-]+\s+){1,3}?)?"
    r"(?P<rel>in|at|outside|near|inside|(?:north|south|east|west)(?:east|west)?\s+of)\s+"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?(?:[A-Z]\w+i\s+)?"
    r"(?:(?:city|town|province|village|capital)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:al-)?[A-Z][\w'’\-]+){0,3})"
)
# A locative before a place: "in", "struck", "insurgents entered", "the shelling of", "in the
# Syrian city of Douma", and the country or province of a place just named ("near Gobanale, ")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|on|over|off|across|around|toward|towards|into|against"
    r"|target(?:s|ed|ing)|hits?|struck|strikes|attack(?:s|ed|ing)|bomb(?:s|ed)|shell(?:s|ed)|raided"
    r"|pound(?:s|ed)?|(?:re)?captur(?:ed|es|ing)|seiz(?:ed|es|ing)|retook"
    r"|entered|stormed|overran)|(?:north|south|east|west)(?:east|west)?\s+of"
    r"|(?:shelling|bombings?|bombardments?|siege)\s+of)"
    r"\s+(?:the\s+)?(?:(?!(?:what|which|who|whom|that|where|when|how)\b)[\w\-’']+\s+){0,2}"
    r"(?:(?:cit(?:y|ies)|towns?|villages?|district|province|governorate|region|port|suburbs?"
    r"|neighbou?rhoods?|areas?|parts?)\s+of\s+)?"
    r"(?:(?-i:[A-Z])[\w\-’']+(?:\s+(?-i:[A-Z])[\w\-’']+){0,2},\s+)?$",
    re.I,
)
_LOCATIVE_SCAN = Scan.of(_LOCATIVE)  # the same matches, tried only where its words begin
#: Added to the distance between a place and a trigger on the other side of a clause break.
CLAUSE_PENALTY = 50
_CLAUSE_BREAK = re.compile(  # not a short aside: "Israel Defense Forces (IDF) struck"
    r"[;:]|\((?![^()]{1,20}\))|(?<=[^()]{21})\)"
    r"|\b(?:after|before|following|when|while|in\s+(?:response|retaliation)\s+(?:to|for))\b",
    re.I,
)
#: A capitalised name after a locative word: what the online fallback is asked about when
#: the offline index has no such name ("near Khirbat Zayzun, Syria").
_UNKNOWN_NAME = re.compile(
    r"\b(?:in|near|outside|around|at)\s+(?P<name>[A-Z][\w’'\-]+"
    r"(?:\s+(?:(?:al|el|ad|an|ar|as|ash|az)-)?[A-Z][\w’'\-]+){0,3})"
)
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday the this that jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)
_REGION = re.compile(
    r"\b(?:(?:north|south)(?:[\s\-]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)\s+"
    r"[A-Z][\w\-]+",
    re.I,
)
_ATTRIBUTIVE = re.compile(r"(?:['’]s)?\s+(?:[\w\-]+\s+){0,2}")
_SPEAKS = re.compile(
    r"['’]?s?\s+(?:has\s+|had\s+)?(?:said|says|called|claimed|announced|accused|denied|blamed"
    r"|told|warned|vowed|condemned|insisted)\b",
    re.I,
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|on|in|at|to|of|for|with|from|by|is|was|were|has|had|have|said|says|after"
    r"|before|since|as|but|that|which|who|where|when|late|early|last|this|over|into|near)\b)[a-z]"
)
# a country it did not happen in: "outside of Afghanistan", "a town near the border with Mali"
_OUTSIDE = re.compile(
    r"\b(?:outside|beyond|border\s+with|bordering|borders)\s+(?:of\s+)?(?:the\s+)?$", re.I
)
_ORIGIN = re.compile(  # not "from Gaza toward Sderot": where it was aimed
    r"\bfrom\s+(?:the\s+)?(?:(?!(?:toward|towards|at|into|on|over)\b)[\w\-]+\s+){0,3}$", re.I
)
# What follows a dateline's place: "TAMPA, Fla. –", "WASHINGTON —", "KABUL (VOA) -".
_DATELINE = re.compile(r"(?:,\s*[A-Z][\w.]*\.?)?\s*(?:\([^)]{1,30}\)\s*)?[–—-]\s")


def article_places(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    skip: tuple[tuple[int, int], ...] = (),
    homes: tuple[str, ...] = (),
) -> ArticlePlaces:
    """Spot the places of an article once, for :func:`pick_place`.

    Parameters
    ----------
    text : str
        The article text.
    gazetteer : Gazetteer, optional
        Defaults to the embedded one.
    skip : tuple of (start, end)
        Spans that are no places, such as actor names ("U.S." in "U.S. forces").
    homes : tuple of str
        Countries of the armed groups the article names: when the only place of another
        country is a small namesake ("Bani" in a story of Houthi launch sites), the groups'
        country is the article's and the namesake an unknown name.
    """
    gz = gazetteer or default_gazetteer()
    inside = inside_longer(skip)
    mentions = tuple(
        m
        for m in spot(text, gazetteer=gz)
        if m.place is not None
        and not inside(m.start, m.end)
        and not demonym_elsewhere(gz, m.text, m.place)
    )
    mentions = in_named_country(text, gz, mentions)
    if gz.online is not None:
        mentions += _online_mentions(text, gz, (*skip, *((m.start, m.end) for m in mentions)))
    sites = []
    for m in _SITE.finditer(text):
        query = f"{m['mods']}{m['noun']} {' '.join(m['rel'].split())} {m['name']}"
        found = gz.best(query)
        if found is not None and found.precision == "facility":
            sites.append(PlacePick(m[0], found, m.start(), m.end(), f"named site: {found.reason}"))
    for m in _REGION.finditer(text):
        if m[0].split()[-1][0].islower():
            continue
        found = gz.best(m[0])
        if found is not None and found.kind in ("area", "region") and found.precision == "region":
            sites.append(PlacePick(m[0], found, m.start(), m.end(), "named area"))
    weights: Counter[str] = Counter()
    for mention in mentions:
        place = mention.place
        assert place is not None
        if place.country and place.precision != "sea":
            local = bool(_LOCATIVE_SCAN.search(text[max(0, mention.start - 40) : mention.start]))
            weights[place.country] += (2 if place.kind != "country" else 1) * local
    country = None
    weights = Counter({code: w for code, w in weights.items() if w > 0})
    named: Counter[str] = Counter()  # the places named at all, for events reported anew
    for mention in mentions:
        place = mention.place
        assert place is not None
        adjective = place.kind == "country" and _NOUN_AFTER.match(text, mention.end)
        if place.country and place.precision != "sea" and not adjective:
            named[place.country] += 2 if place.kind != "country" else 1
    if weights:
        code = weights.most_common(1)[0][0]
        country = gz.get(f"country:{code}")
    if homes and country is not None and country.country not in homes:
        home = gz.get(f"country:{Counter(homes).most_common(1)[0][0]}")
        support = [
            m for m in mentions if m.place is not None and m.place.country == country.country
        ]
        if home is not None and len(support) == 1 and stray(support[0], home, mentions):
            country = home
    if country is not None:  # "near El Burr, Somalia" is not a hamlet of that name in Ohio
        mentions = tuple(m for m in mentions if not stray(m, country, mentions))
    capitals = capitals_named(text, gz, country)  # "the Iraqi capital", "the capital"
    if capitals:
        named_by_role = [Mention(c.written, c.start, c.end, c.place, (), c.how) for c in capitals]
        mentions = tuple(sorted((*mentions, *named_by_role), key=lambda m: (m.start, -m.end)))
    seas = Counter(m.place.id for m in mentions if m.place and m.place.precision == "sea")
    by_id = {m.place.id: m.place for m in mentions if m.place}
    if not named:  # no place at all: "Afghan Officials Say NATO Airstrike Killed Women"
        for m in DEMONYM_WORD.finditer(text):
            code = "" if any(s <= m.start() < e for s, e in skip) else demonym_country(gz, m[0])
            if code:
                named[code] += 1
    if not named:  # nor a demonym but in a name: "Truck Bomb Targeting Afghan Army Base"
        named.update(c for m in DEMONYM_WORD.finditer(text) if (c := demonym_country(gz, m[0])))
    loose = gz.get(f"country:{named.most_common(1)[0][0]}") if named else None
    return ArticlePlaces(
        text,
        mentions,
        tuple(sites),
        country,
        tuple(by_id[i] for i, _ in seas.most_common()),
        gz,
        country or loose,
        skip,
    )


def _far_namesake(place: Place, home: Place) -> bool:
    """A town of fewer than a million people far (over 1,500 km) from ``home``."""
    small = (place.population or 0) < 1_000_000 and place.precision in ("town", "facility")
    return small and haversine_km(place.lat, place.lon, home.lat, home.lon) > 1_500


def _online_mentions(
    text: str, gz: Gazetteer, taken: tuple[tuple[int, int], ...]
) -> tuple[Mention, ...]:
    """Names the offline index lacks, asked of the gazetteer's online fallback (once each)."""
    if gz.online is None:
        return ()
    found: list[Mention] = []
    asked: dict[str, Place | None] = {}
    for m in _UNKNOWN_NAME.finditer(text):
        start, end = m.span("name")
        name = m["name"]
        if name.split()[0].lower() in _NOT_NAMES or any(s < end and start < e for s, e in taken):
            continue
        if name not in asked:
            try:
                offline = gz.lookup(name)
                places = [] if offline else gz.online.resolve(name, limit=1)
            except GazetteerError:  # a name the geocoder refuses: no place
                places = []
            asked[name] = places[0] if places else None
        place = asked[name]
        if place is not None:
            found.append(Mention(name, start, end, place, (place,), "online: not in the index"))
    return tuple(found)


def compatible(a: Place | None, b: Place | None, *, slack_km: float = 25.0) -> bool:
    """Whether two places can be where one event happened (one inside the other or close).

    >>> gz = default_gazetteer()
    >>> [compatible(gz.best(a), gz.best(b)) for a, b in [("Erbil", "Iraq"), ("Aqaba", "Eilat")]]
    [True, False]
    """
    if a is None or b is None:
        return True
    if "country" in (a.kind, b.kind):
        country, other = (a, b) if a.kind == "country" else (b, a)
        if not other.country or other.kind in ("area", "sea"):  # may straddle borders
            reach = (country.extent_km or 0.0) + (other.extent_km or 0.0) + slack_km
            return haversine_km(country.lat, country.lon, other.lat, other.lon) <= reach
        return other.country == country.country
    reach = max(a.extent_km or 0.0, b.extent_km or 0.0) + slack_km
    same = a.country == b.country or "" in (a.country, b.country)  # not Eilat and Aqaba
    return same and haversine_km(a.lat, a.lon, b.lat, b.lon) <= reach


def _gap(text: str, a: int, b: int) -> int:
    """Characters between two offsets, plus a penalty across "after", "when", ";"...

    "X struck a car near Abu Ghraib after they fired at al-Asad": each place belongs to
    the event on its side of "after", even when the other trigger is nearer.
    """
    lo, hi = (a, b) if a <= b else (b, a)
    return hi - lo + (CLAUSE_PENALTY if _CLAUSE_BREAK.search(text, lo, hi) else 0)


def pick_place(
    ctx: ArticlePlaces,
    start: int,
    end: int,
    trigger_at: int,
    *,
    weapon: str = "",
    near_country: str = "",
    others: tuple[int, ...] = (),
    need_locative: bool = False,
    aimed: bool = False,
) -> PlacePick | None:
    """Choose the place of the event reported at ``trigger_at`` in sentence ``[start, end)``.

    Parameters
    ----------
    ctx : ArticlePlaces
        From :func:`article_places`.
    start, end : int
        The sentence span in the article.
    trigger_at : int
        Offset of the trigger word.
    weapon : str
        The trigger's weapon; attacks on shipping ("vessel") prefer seas.
    near_country : str
        Country code of the attacker, to choose the part of a sea nearest it.
    others : tuple of int
        Offsets of other triggers in the sentence: places nearer to one of them
        belong to that event.
    need_locative : bool
        Accept only places introduced by a locative word or named sites (for
        sentences that merely refer back to an event).
    aimed : bool
        The trigger launches or fires at a target ("a frigate in the Mediterranean launches
        missiles at targets near Deir ez-Zor"): a place after it, the target's, comes first.

    Returns
    -------
    PlacePick or None
        ``None`` when the sentence names no usable place.
    """
    cands: list[tuple[tuple[bool, int, int], PlacePick]] = []
    for site in ctx.sites:
        if start <= site.start < end:
            distance = _gap(ctx.text, site.start, trigger_at)
            if any(_gap(ctx.text, site.start, o) < distance for o in others):
                continue
            rank = 0 if site.precision == "facility" else PLACE_RANK.get(site.precision, 2)
            locative = bool(
                _LOCATIVE_SCAN.search(ctx.text[max(start, site.start - 40) : site.start])
            )
            cands.append(((not locative and rank > 0, rank, distance), site))
    for m in mentions_within(ctx, start, end):
        if not start <= m.start < end or any(s.start <= m.start < s.end for s in ctx.sites):
            continue
        place = m.place
        assert place is not None
        before = ctx.text[max(start, m.start - 40) : m.start]
        locative = bool(_LOCATIVE_SCAN.search(before))
        # "the Baghdad bomb attacks": a place naming the event, right before its trigger
        naming = (
            place.kind != "country"
            and m.end <= trigger_at
            and _ATTRIBUTIVE.fullmatch(ctx.text[m.end : trigger_at]) is not None
        )
        if _ORIGIN.search(before) or (need_locative and not locative and not naming):
            continue
        if _SPEAKS.match(ctx.text, m.end):
            continue  # "Washington said", "Tehran called": governments, not places
        if _DATELINE.match(ctx.text, m.end) and not ctx.text[
            ctx.text.rfind("\n", 0, m.start) + 1 : m.start
        ].strip(" |•-"):
            continue  # "TAMPA, Fla. – U.S. forces struck …": where the release was issued
        if place.kind == "country" and (
            not locative or _ATTRIBUTIVE.fullmatch(ctx.text[m.end : max(m.end, trigger_at)])
        ):
            continue  # "U.S. forces", "the US airstrike": adjectives, not places
        if place.kind == "country" and _NOUN_AFTER.match(ctx.text, m.end):
            continue  # "a US base in Syria": an adjective
        if place.kind == "country" and _OUTSIDE.search(before):
            continue  # "the first drone strike outside of Afghanistan"
        distance = _gap(ctx.text, m.start, trigger_at)
        if any(_gap(ctx.text, m.start, o) < distance for o in others):
            continue
        rank = PLACE_RANK.get(place.precision, 3)
        if weapon == "vessel" and place.precision == "sea":
            rank, distance = -1, m.start  # seas named together: the first named
        elif weapon == "airstrike" and place.precision == "sea":
            rank = 4  # "airstrikes on Houthi sites in Yemen used against shipping in the Red Sea"
        why = f"{'locative ' if locative else ''}mention in the sentence"
        launcher = aimed and m.end <= trigger_at  # where the weapon was fired from
        key = ((not locative and rank >= 0) or launcher, rank, distance)
        cands.append((key, PlacePick(m.text, place, m.start, m.end, why)))
    if not cands:
        return _unknown_place(ctx, start, end, trigger_at, others) or _named_before(ctx, start, end)
    cands.sort(key=lambda c: c[0])
    best = cands[0][1]
    if best.place.kind == "country":  # "near El Burr, Somalia": the local name, at its country
        local = _unknown_place(ctx, start, end, trigger_at, others)
        if local is not None and local.start < best.start:
            return PlacePick(local.written, best.place, local.start, local.end, local.how, True)
    countries = {c.place.country for _, c in cands if c.place.kind == "country"}
    if best.place.kind == "country" and len(countries) == 2:
        border = border_area(ctx.gazetteer, sorted(countries))
        if border is not None:
            return PlacePick(
                " and ".join(c.written for _, c in cands if c.place.kind == "country"),
                border,
                best.start,
                best.end,
                "two neighbouring countries named: their border area",
            )
    return sea_part(ctx.gazetteer, best, near_country)


# A name after a locative the gazetteer lacks: "Near Kisik, one strike", "the village of Bando".
_UNKNOWN = re.compile(
    r"\b(?i:in|near|at|outside|around)\s+(?:the\s+)?(?:(?:village|town|city|district|area|region)"
    r"\s+of\s+)?(?P<name>(?:(?:al|el|ad|ar|as|an|at|az|ash)-)?[A-Z][\w'’\-]+"
    r"(?:[\s\-](?:al-)?[A-Z][\w'’\-]+){0,2})"
)
_NOT_PLACE_WORDS = _NOT_NAMES | set("april may june dawn dusk night response least most".split())
# "outside President Mohamed Abdullahi Mohamed's residence": people by their titles
_NOT_PLACE_WORDS |= {
    *"president prime minister general gen. col. colonel sheikh king queen prince mr. mrs.".split(),
    *"ms. dr. ambassador governor mayor commander senator secretary pope imam".split(),
}
_ADJECTIVE_AFTER = re.compile(
    r"\s+(?!(?:and|or|on|in|at|to|of|for|with|from|by|is|was|were|has|had|have|said|says|after"
    r"|before|since|as|but|that|which|who|where|when|late|early|last|this|over|into|near|killing"
    r"|wounding|district|province|city|town|village|area|region|governorate|camp)\b)[a-z]"
)


# A place named again by its kind: "attacked the oblast 65 times", "shelling of the city"
_THE_KIND = re.compile(
    r"\bthe\s+(?P<k>city|town|village|oblast|province|region|governorate)\b(?!\s+of\b)", re.I
)


_FROM_BEFORE = re.compile(
    r"\bfrom\b(?![^,;]*\b(?:at|on|toward|towards|into|against)\b)[^,;]*$", re.I
)


def _named_before(ctx: ArticlePlaces, start: int, end: int) -> PlacePick | None:
    """The place a sentence names by its kind ("the oblast"): the last one of that size the
    article named before the sentence."""
    m = _THE_KIND.search(ctx.text, start, end)
    if m is None or _FROM_BEFORE.search(ctx.text, max(start, m.start() - 40), m.start()):
        return None  # not "fired from an area south of the city": where from
    size = "town" if m["k"].lower() in ("city", "town", "village") else "region"
    before = [x for x in mentions_within(ctx, 0, start) if x.place and x.place.precision == size]
    if not before:
        return None
    last = before[-1]
    assert last.place is not None
    how = f"{m[0]!r}: the {size} named before, {last.text}"
    return PlacePick(last.text, last.place, m.start(), m.end(), how)


def _unknown_place(
    ctx: ArticlePlaces, start: int, end: int, trigger_at: int, others: tuple[int, ...]
) -> PlacePick | None:
    """A place the sentence names after a locative but the gazetteer lacks, at the article's
    country: the event keeps the name as written, and a reader sees it was not resolved."""
    country = ctx.named_country
    if country is None:
        return None
    best: tuple[int, re.Match[str]] | None = None
    for m in _UNKNOWN.finditer(ctx.text, start, end):
        name = m["name"]
        if name.split()[0].lower() in _NOT_PLACE_WORDS or name.isupper():
            continue  # months, weekdays, acronyms of groups ("in ISIS")
        if any(s.start <= m.start("name") < s.end for s in ctx.sites):
            continue
        if any(s <= m.start("name") < e for s, e in ctx.names):
            continue  # "members of al-Qaeda in the Arabian Peninsula": a name's, not a place
        if _ADJECTIVE_AFTER.match(ctx.text, m.end("name")):
            continue  # "fired at Iraqi bases": a demonym or a name used as an adjective
        distance = _gap(ctx.text, m.start("name"), trigger_at)
        if any(_gap(ctx.text, m.start("name"), o) < distance for o in others):
            continue
        if best is None or distance < best[0]:
            best = (distance, m)
    if best is None:
        return None
    m = best[1]
    how = f"{m['name']!r} is not in the gazetteer: its country, the article's ({country.name})"
    return PlacePick(m["name"], country, m.start("name"), m.end("name"), how, unknown=True)
