"""Strikes that answer earlier attacks: :func:`link_responses`.

A strike (``kind == "strike"``) is linked to an attack (``kind == "attack"``)
when the attack's ``date`` is 0 to ``max_days`` days before the strike's, the
two points are at most ``max_km`` apart, and the actors are not the same actor
or the same side (``actor_side``; ``other`` is a catch-all, so two different
actors both of side ``other`` may still be opposed). Unknown actors do not
prevent a link; they earn it less. The score adds up (capped at 1):

====================================  ======================================
evidence                              weight
====================================  ======================================
in the window and not the same side   :data:`WEIGHTS` ``base``
nearer in time (linear, 0 days = all)  ``days``
nearer in space (linear, 0 km = all)   ``km``
known, opposed sides                   ``opposed``
the strike's quote states a motive     ``motive`` ("in retaliation for"...)
the strike hits the attacker           ``attacker`` (its target or quote
                                       names the attack's actor, or a
                                       parent or member group of it)
the strike's quote names the attack's  ``place``
place
====================================  ======================================

Only the ``limit`` best-scoring attacks of each strike are kept. The result is
the ``links`` table :func:`maps.render.render_map` draws.

Examples
--------
>>> from geo.frame import events_frame
>>> ev = events_frame([
...     {"event_id": "a1", "kind": "attack", "date": "2024-01-28", "lat": 33.32, "lon": 38.69,
...      "actor": "Islamic Resistance in Iraq", "actor_side": "iran_aligned",
...      "place_resolved": "Tower 22"},
...     {"event_id": "s1", "kind": "strike", "date": "2024-02-02", "lat": 34.38, "lon": 40.98,
...      "actor": "United States", "actor_side": "us_coalition", "target": "militia sites",
...      "quote": "US jets hit militia sites in retaliation for the Tower 22 drone attack."},
... ])
>>> links = link_responses(ev)
>>> links[["strike_id", "attack_id", "days", "score"]].values.tolist()
[['s1', 'a1', 5, 0.951]]
>>> for part in links.loc[0, "reason"].split("; "):
...     print(part)
5 days after, 242 km away
Islamic Resistance in Iraq attack answered by United States strike
quote says 'in retaliation for'
quote names Tower 22
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from geo.analysis.sphere import check_events, event_coords, haversine_km
from geo.errors import AnalysisError

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DEFAULT_MAX_KM", "LINK_COLUMNS", "MOTIVE", "WEIGHTS", "link_responses"]

#: Columns of the table :func:`link_responses` returns.
LINK_COLUMNS = ("strike_id", "attack_id", "days", "km", "reason", "score")
#: Default ``max_km``: a strike answering an attack usually hits the attacker's own
#: sites rather than the spot attacked, often in a neighbouring country (an attack in
#: Jordan answered in Iraq and Syria, attacks on shipping answered in Yemen).
DEFAULT_MAX_KM = 1000.0
#: How much each piece of evidence adds to a link's score (see the module docstring).
WEIGHTS = {
    "base": 0.3,
    "days": 0.2,
    "km": 0.1,
    "opposed": 0.15,
    "motive": 0.25,
    "attacker": 0.2,
    "place": 0.1,
}
#: Phrases of a strike's quote that state it answers something.
MOTIVE = re.compile(
    r"\b(?:in retaliation (?:for|against)|in response to|responding to|in reprisal for"
    r"|retaliatory|retaliat(?:ion|ed|ing|e)|to avenge|avenging)\b",
    re.IGNORECASE,
)
_NEEDED = ("event_id", "kind", "date")


def _check_options(max_days: Any, max_km: Any, limit: Any) -> None:
    def integer(value: Any) -> bool:
        return isinstance(value, int | np.integer) and not isinstance(value, bool)

    if not integer(max_days) or max_days < 0:
        raise AnalysisError(f"max_days must be a whole number of days >= 0, not {max_days!r}")
    number = isinstance(max_km, int | float | np.number) and not isinstance(max_km, bool)
    if max_km is not None and (not number or not math.isfinite(max_km) or max_km <= 0):
        raise AnalysisError(f"max_km must be a number of km > 0 or None, not {max_km!r}")
    if limit is not None and (not integer(limit) or limit < 1):
        raise AnalysisError(f"limit must be a whole number >= 1 or None, not {limit!r}")


def _text(frame: pd.DataFrame, name: str) -> list[str]:
    if name not in frame.columns:
        return [""] * len(frame)
    return ["" if pd.isna(v) else str(v) for v in frame[name].tolist()]


def _days(frame: pd.DataFrame) -> np.ndarray:
    """Day numbers of the ``date`` column (NaN when missing or not an ISO date)."""
    dates = pd.to_datetime(frame["date"], errors="coerce", format="%Y-%m-%d")
    days = (dates - pd.Timestamp("1970-01-01")).dt.days
    return np.asarray(days.astype("float64"), dtype="float64")


def _pairs(days: np.ndarray, strikes: np.ndarray, attacks: np.ndarray, max_days: int) -> Any:
    """(strike row, attack row) of every attack 0..max_days days before each strike."""
    attacks = attacks[np.argsort(days[attacks], kind="stable")]
    attack_days = days[attacks]
    lo = np.searchsorted(attack_days, days[strikes] - max_days, side="left")
    hi = np.searchsorted(attack_days, days[strikes], side="right")
    counts = hi - lo
    strike_rows = np.repeat(strikes, counts)
    starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
    return strike_rows, attacks[starts + np.arange(counts.sum())]


@functools.lru_cache(maxsize=1024)
def _lineage(name: str) -> frozenset[str]:
    """Ids of the lexicon actor called ``name``, of its parent and of its members."""
    from geo.extract.spans.actors import actor_by_name, load_actors

    actor = actor_by_name(name) if name else None
    if actor is None:
        return frozenset()
    members = {a.id for a in load_actors() if a.parent == actor.id}
    return frozenset({actor.id, *members, *([actor.parent] if actor.parent else [])})


@functools.lru_cache(maxsize=16384)
def _named_actors(text: str) -> frozenset[str]:
    from geo.extract.spans.actors import find_actors

    return frozenset(m.actor.id for m in find_actors(text)) if text else frozenset()


def _names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as whole words, ignoring case."""
    if len(name) < 3:
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


class _Columns:
    """The text columns link_responses reads, as lists."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.id = _text(frame, "event_id")
        self.actor = _text(frame, "actor")
        self.side = [s.lower().replace("-", "_") for s in _text(frame, "actor_side")]
        self.quote = _text(frame, "quote")
        self.target = _text(frame, "target")
        resolved, written = _text(frame, "place_resolved"), _text(frame, "place")
        self.place = [r or w for r, w in zip(resolved, written, strict=True)]


def _judge(c: _Columns, s: int, a: int, days: int, km: float, max_days: int, max_km: float) -> Any:
    """(score, reason) of strike row ``s`` answering attack row ``a``; None when excluded."""
    same_actor = c.actor[s] and c.actor[s] == c.actor[a]
    sides = c.side[s], c.side[a]
    if same_actor or (sides[0] and sides[0] == sides[1] and sides[0] != "other"):
        return None
    after = "same day" if days == 0 else f"{days} day{'s' * (days != 1)} after"
    reasons = [f"{after}, {km:.0f} km away" if math.isfinite(km) else after]
    score = WEIGHTS["base"] + WEIGHTS["days"] * (1 - days / (max_days + 1))
    if math.isfinite(km) and math.isfinite(max_km):
        score += WEIGHTS["km"] * max(0.0, 1 - km / max_km)
    who = f"{c.actor[a] or 'unattributed'} attack answered by {c.actor[s] or 'unattributed'} strike"
    reasons.append(who)
    if all(sides) and sides[0] != sides[1]:
        score += WEIGHTS["opposed"]
    aimed = f"{c.target[s]} {c.quote[s]}"
    lineage = _lineage(c.actor[a])
    if (lineage and lineage & _named_actors(aimed)) or (not lineage and _names(aimed, c.actor[a])):
        score += WEIGHTS["attacker"]
        reasons.append("strike targets the attacker")
    motive = MOTIVE.search(c.quote[s])
    if motive:
        score += WEIGHTS["motive"]
        reasons.append(f"quote says '{motive.group(0).lower()}'")
    if _names(c.quote[s], c.place[a]):
        score += WEIGHTS["place"]
        reasons.append(f"quote names {c.place[a]}")
    return round(min(score, 1.0), 3), "; ".join(reasons)


def _empty() -> pd.DataFrame:
    columns: dict[str, Any] = {name: pd.Series([], dtype="str") for name in LINK_COLUMNS}
    columns |= {"days": pd.Series([], dtype="int64"), "km": pd.Series([], dtype="float64")}
    columns["score"] = pd.Series([], dtype="float64")
    return pd.DataFrame(columns)


def link_responses(
    events: gpd.GeoDataFrame,
    *,
    max_days: int = 7,
    max_km: float | None = DEFAULT_MAX_KM,
    limit: int | None = 3,
) -> pd.DataFrame:
    """Return, for each strike, the earlier attacks it plausibly answers, with the reason.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events with ``event_id``, ``kind`` and ``date`` (ISO text); ``actor``,
        ``actor_side``, ``target``, ``quote``, ``place_resolved`` and ``place``
        are used when present. Rows without an id, a date or (when ``max_km``
        is set) a point are never linked.
    max_days : int
        The attack happened at most this many days before the strike (0 = same day).
    max_km : float or None
        The two points are at most this far apart (great-circle km); ``None`` for
        no limit. Default :data:`DEFAULT_MAX_KM`.
    limit : int or None
        Keep this many best-scoring attacks per strike (``None``: all).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LINK_COLUMNS`: ``strike_id``, ``attack_id``, ``days``
        (int), ``km`` (float, 0.1 km; NaN without points), ``reason`` (text for
        a human), ``score`` (0 to 1); strikes in event order, best link first.
        ``events`` is not modified.

    Raises
    ------
    AnalysisError
        For a missing ``event_id``, ``kind`` or ``date`` column or a bad option.
    """
    frame = check_events(events)
    _check_options(max_days, max_km, limit)
    missing = [name for name in _NEEDED if name not in frame.columns]
    if missing:
        raise AnalysisError(f"events lack column(s) {', '.join(missing)} needed to link responses")
    columns = _Columns(frame)
    days = _days(frame)
    kind = frame["kind"].astype("str").to_numpy()
    usable = np.isfinite(days) & np.array([bool(i) for i in columns.id], dtype=bool)
    strikes = np.flatnonzero(usable & (kind == "strike"))
    attacks = np.flatnonzero(usable & (kind == "attack"))
    s_rows, a_rows = _pairs(days, strikes, attacks, int(max_days))
    lat, lon = event_coords(frame)
    km = haversine_km(lat[s_rows], lon[s_rows], lat[a_rows], lon[a_rows])
    if max_km is not None:
        keep = km <= max_km
        s_rows, a_rows, km = s_rows[keep], a_rows[keep], km[keep]
    rows = []
    limit_km = float(max_km) if max_km is not None else math.inf
    for s, a, dist in zip(s_rows.tolist(), a_rows.tolist(), km.tolist(), strict=True):
        gap = int(days[s] - days[a])
        judged = _judge(columns, s, a, gap, dist, int(max_days), limit_km)
        if judged is not None:
            score, reason = judged
            rows.append((s, columns.id[s], columns.id[a], gap, round(dist, 1), reason, score))
    if not rows:
        return _empty()
    table = pd.DataFrame(rows, columns=["row", *LINK_COLUMNS])
    table = table.sort_values(["row", "score", "days", "km"], ascending=[True, False, True, True])
    if limit is not None:
        table = table.groupby("row", sort=False).head(int(limit))
    table = table.drop(columns="row").reset_index(drop=True)
    return table.astype({"strike_id": "str", "attack_id": "str", "reason": "str"})
