"""Curated, alias-aware lexicon of armed actors named in Iraq/Syria/Jordan/Yemen reporting.

The lexicon lives in ``geo/data/actors.yaml``. Matching ignores case (except for words the
lexicon writes entirely in capitals, such as ``KH`` or ``PMF``), apostrophes inside words
(``Kata’ib`` = ``Kata'ib`` = ``Kataib``) and the difference between hyphens and spaces
(``Harakat-al-Nujaba`` = ``Harakat al-Nujaba``).

Examples
--------
>>> [(m.actor.id, m.text) for m in find_actors("Kata’ib Hezbollah's drones hit US forces.")]
[('kataib-hezbollah', 'Kata’ib Hezbollah'), ('united-states', 'US forces')]
>>> actor_by_name("Hashd al-Shaabi").id
'popular-mobilization-forces'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import yaml

__all__ = ["Actor", "ActorMention", "actor_by_name", "find_actors", "load_actors"]

#: Allowed values of :attr:`Actor.type`.
TYPES = frozenset({"state_military", "militia", "insurgent", "government", "coalition"})
#: Allowed values of :attr:`Actor.side`.
SIDES = frozenset({"us_coalition", "iran_aligned", "jihadist", "other"})

_APOSTROPHES = "'’‘`ʼ´"
_SEPARATORS = r"[\s\-‐‑]+"
# What _normalize rewrites, in the order it checks: an apostrophe inside a word ("Kata'ib",
# dropped) but not a possessive "'s" ("Hamas's"), hyphen/space runs, any other apostrophe.
_SPECIAL = re.compile(
    rf"(?P<inner>(?<=\w)[{_APOSTROPHES}](?=\w)(?!s\b))|(?P<sep>{_SEPARATORS})|[{_APOSTROPHES}]"
)
_CAPS_WORD = re.compile(r"^[A-Z.]*[A-Z][A-Z.]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")
_WORD = re.compile(r"[A-Za-z]+")
_WORD_START = re.compile(r"(?<![\w.])\w")


@dataclass(frozen=True, slots=True)
class Actor:
    """One armed actor of the lexicon.

    Attributes
    ----------
    id : str
        Stable slug, e.g. ``"kataib-hezbollah"``.
    name : str
        Preferred display name.
    type : str
        One of :data:`TYPES`.
    side : str
        One of :data:`SIDES`.
    parent : str or None
        Id of the umbrella actor, if any.
    country : str
        ISO 3166-1 alpha-2 code of the home country; ``""`` for transnational actors.
    """

    id: str
    name: str
    type: str
    side: str
    parent: str | None
    country: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """Where an actor is named in a text: ``text == source[start:end]``."""

    actor: Actor
    text: str
    start: int
    end: int


def _normalize(text: str) -> tuple[str, list[int]]:
    """Drop inner apostrophes and fold hyphen/space runs to one space.

    Every apostrophe variant becomes ``'``. Returns the normalized text and, for each of its
    characters, the index in ``text``.

    Examples
    --------
    >>> _normalize("Kata'ib  Hezbollah’s")
    ("Kataib Hezbollah's", [0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
    """
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        start = m.start()
        if start > pos:
            out.append(text[pos:start])
            index.extend(range(pos, start))
        if m.lastgroup != "inner":  # an inner apostrophe is dropped
            out.append(" " if m.lastgroup == "sep" else "'")
            index.append(start)
        pos = m.end()
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


def _alias_pattern(alias: str) -> str:
    """Return a regex for ``alias``: all-capital words match case-sensitively, others not."""
    words = _normalize(alias.strip())[0].split(" ")
    parts = [re.escape(w) if _CAPS_WORD.match(w) else f"(?i:{re.escape(w)})" for w in words if w]
    return " ".join(parts)


def _is_caps(alias: str) -> bool:
    return all(_CAPS_WORD.match(w) for w in _normalize(alias)[0].split(" ") if w)


@functools.cache
def _raw() -> list[dict[str, Any]]:
    data = yaml.safe_load(files("geo.data").joinpath("actors.yaml").read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = data["actors"]
    return entries


@functools.cache
def load_actors() -> tuple[Actor, ...]:
    """Return every actor of ``geo/data/actors.yaml``, validated (cached).

    Examples
    --------
    >>> next(a for a in load_actors() if a.id == "houthis").side
    'iran_aligned'
    """
    actors: list[Actor] = []
    for entry in _raw():
        actor = Actor(
            id=str(entry["id"]),
            name=str(entry["name"]),
            type=str(entry["type"]),
            side=str(entry["side"]),
            parent=entry.get("parent"),
            country=str(entry.get("country") or ""),
        )
        if actor.type not in TYPES:
            raise ValueError(f"actor {actor.id}: unknown type {actor.type!r}")
        if actor.side not in SIDES:
            raise ValueError(f"actor {actor.id}: unknown side {actor.side!r}")
        actors.append(actor)
    ids = [a.id for a in actors]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate actor ids in actors.yaml")
    for actor in actors:
        if actor.parent is not None and actor.parent not in ids:
            raise ValueError(f"actor {actor.id}: unknown parent {actor.parent!r}")
    return tuple(actors)


@functools.cache
def _aliases() -> tuple[tuple[str, Actor], ...]:
    """Return ``(normalized alias, actor)`` for every name and alias, none shared by two actors."""
    by_id = {a.id: a for a in load_actors()}
    owners: dict[str, Actor] = {}
    pairs: list[tuple[str, Actor]] = []
    for entry in _raw():
        actor = by_id[str(entry["id"])]
        for alias in [actor.name, *[str(x) for x in entry.get("aliases") or []]]:
            norm = _normalize(alias.strip())[0]
            key = norm if _is_caps(norm) else norm.casefold()
            owner = owners.setdefault(key, actor)
            if owner != actor:
                raise ValueError(f"alias {alias!r} names both {owner.id} and {actor.id}")
            if (norm, actor) not in pairs:
                pairs.append((norm, actor))
    return tuple(pairs)


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, Actor], dict[str, Actor]]:
    pairs = _aliases()
    folded = {alias.casefold(): actor for alias, actor in pairs if not _is_caps(alias)}
    caps = {alias: actor for alias, actor in pairs if _is_caps(alias)}
    ordered = sorted({alias for alias, _ in pairs}, key=lambda a: (-len(a), a))
    body = "|".join(_alias_pattern(a) for a in ordered)
    # A lookahead so that every start position yields its longest alias, overlaps included.
    pattern = re.compile(rf"(?<![\w.])(?=({body})(?!\w|\.\w))")
    return pattern, folded, caps


@functools.cache
def _prefixes() -> frozenset[str]:
    """Lower-cased first two letters of every alias: where a match may start."""
    return frozenset(_normalize(alias.strip())[0][:2].lower() for alias, _ in _aliases())


def _matches(pattern: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, tried only where a word starts as some alias does.

    Trying the long alternation at every character is most of the cost of finding actors;
    a word start whose first two letters begin no alias cannot match.  Non-ASCII starts are
    always tried, because case-insensitive matching folds some of them to ASCII letters.
    """
    prefixes = _prefixes()
    for start in _WORD_START.finditer(norm):
        pos = start.start()
        key = norm[pos : pos + 2]
        if key.isascii() and key.lower() not in prefixes:
            continue
        found = pattern.match(norm, pos)
        if found is not None:
            yield found


def _bad_is(norm: str, start: int, end: int) -> bool:
    """Return whether a match of the alias ``IS`` is not a standalone capitalised token."""
    if _SENTENCE_START.search(norm[:start]):
        return True
    before = _WORD.findall(norm[max(0, start - 40) : start])
    after = _WORD.findall(norm[end : end + 40])
    neighbours = before[-1:] + after[:1]
    # In an all-capitals headline "IS" is the verb.
    return any(len(w) > 1 and w.isupper() for w in neighbours)


def find_actors(text: str) -> list[ActorMention]:
    """Return every actor named in ``text``, in text order.

    Overlapping candidates are resolved leftmost-longest, so ``Kataib Hezbollah`` is one
    mention, not one of Kataib Hezbollah and one of Hezbollah.

    Parameters
    ----------
    text : str
        Any text: a sentence, a paragraph or a whole article.

    Returns
    -------
    list of ActorMention
        Non-overlapping mentions; ``mention.text == text[mention.start:mention.end]``.

    Examples
    --------
    >>> [m.actor.id for m in find_actors("Harakat-al-Nujaba and the PMF, not the pmf.")]
    ['harakat-al-nujaba', 'popular-mobilization-forces']
    >>> [m.text for m in find_actors("IS claimed it. A strike on IS cells; this is ISIS.")]
    ['IS', 'ISIS']
    """
    pattern, folded, caps = _matcher()
    norm, index = _normalize(text)
    candidates: list[tuple[int, int, Actor]] = []
    for match in _matches(pattern, norm):
        start, end = match.span(1)
        found = match.group(1)
        actor = caps.get(found) or folded.get(found.casefold())
        if actor is None:  # pragma: no cover - every alternative comes from the two tables
            continue
        if found == "IS" and _bad_is(norm, start, end):
            continue
        candidates.append((start, end, actor))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))  # leftmost, then longest
    taken: list[tuple[int, int, Actor]] = []
    for cand in candidates:
        if all(cand[1] <= s or cand[0] >= e for s, e, _ in taken):
            taken.append(cand)
    mentions: list[ActorMention] = []
    for start, end, actor in sorted(taken, key=lambda c: c[0]):
        o_start, o_end = index[start], index[end - 1] + 1
        mentions.append(ActorMention(actor, text[o_start:o_end], o_start, o_end))
    return mentions


@functools.lru_cache(maxsize=4096)
def actor_by_name(name: str) -> Actor | None:
    """Return the actor whose id, name or alias is ``name``, or ``None``.

    All-capital aliases (``KH``, ``IS``) must be given in capitals.

    Examples
    --------
    >>> actor_by_name("Kaitib Sayyid al-Shuhada").name
    'Kataib Sayyid al-Shuhada'
    >>> actor_by_name("KH").id, actor_by_name("kh")
    ('kataib-hezbollah', None)
    """
    by_id = {a.id: a for a in load_actors()}
    if name in by_id:
        return by_id[name]
    _, folded, caps = _matcher()
    norm = _normalize(name.strip())[0]
    return caps.get(norm) or folded.get(norm.casefold())
