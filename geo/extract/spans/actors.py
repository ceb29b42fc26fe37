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

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import yaml

from geo.extract.spans.scan import words_pattern

__all__ = ["Actor", "ActorMention", "actor_as_of", "actor_by_name", "find_actors", "load_actors"]

#: Allowed values of :attr:`Actor.type`.
TYPES = frozenset({"state_military", "militia", "insurgent", "government", "coalition"})
#: Allowed values of :attr:`Actor.side`.
SIDES = frozenset({"us_coalition", "iran_aligned", "jihadist", "other"})

_APOSTROPHES = "'’‘`ʼ´"
_SEPARATORS = r"\s\-‐‑–"
# What _normalize rewrites, in the order it checks: an apostrophe inside a word ("Kata'ib",
# dropped) but not a possessive "'s" ("Hamas's"); a run of spaces and hyphens, but not a lone
# space (it would stay as it is); any other apostrophe.  Each is told apart after its first
# character, so that the regex engine finds where one may start by that character alone.
_SPECIAL = re.compile(
    rf"[{_APOSTROPHES}{_SEPARATORS}]"
    rf"(?:(?<=\w[{_APOSTROPHES}])(?=\w)(?!s\b)(?P<inner>)"
    rf"|(?<=[{_SEPARATORS}])(?:(?<! )|(?=[{_SEPARATORS}]))[{_SEPARATORS}]*(?P<sep>)"
    rf"|(?<=[{_APOSTROPHES}]))"
)
#: What each group of _SPECIAL becomes (any other apostrophe: a straight one).
_REWRITES = {"inner": "", "sep": " "}
_CAPS_WORD = re.compile(r"^[A-Z.]*[A-Z][A-Z.]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")
_WORD = re.compile(r"[A-Za-z]+")
_WORD_START = re.compile(r"(?<![\w.])\w")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


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
    becomes : str or None
        Id of the actor this one is from ``since`` on (an insurgency that took power).
    since : str
        ISO date from which ``becomes`` applies; ``""`` when it does not.
    """

    id: str
    name: str
    type: str
    side: str
    parent: str | None
    country: str
    becomes: str | None = None
    since: str = ""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """Where an actor is named in a text: ``text == source[start:end]``."""

    actor: Actor
    text: str
    start: int
    end: int


#: Where a normalized text's pieces come from: the offsets in the normalized text where
#: pieces start, and the offsets in the original text they start at (see :func:`_source`).
_Pieces = tuple[list[int], list[int]]


def _normalize(text: str) -> tuple[str, _Pieces]:
    """Drop inner apostrophes and fold hyphen/space runs to one space.

    Every apostrophe variant becomes ``'``.  Returns the normalized text and where its
    pieces come from in ``text`` (:func:`_source` maps an offset back); rewrites that keep a
    character as it is (a lone space, a straight apostrophe) start no new piece.

    Examples
    --------
    >>> norm, pieces = _normalize("Kata'ib  Hezbollah’s")
    >>> norm, [_source(pieces, i) for i in range(len(norm))]
    ("Kataib Hezbollah's", [0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
    """
    out: list[str] = []
    starts: list[int] = [0]
    sources: list[int] = [0]
    pos = 0
    size = 0  # length of the normalized text so far
    for m in _SPECIAL.finditer(text):
        written = m.group()
        new = _REWRITES.get(m.lastgroup or "", "'")
        if written == new:
            continue  # a lone space, a straight apostrophe: kept as they are
        start = m.start()
        out.append(text[pos:start])
        out.append(new)
        size += start - pos + len(new)
        pos = m.end()
        if len(written) != len(new):  # offsets shift: a new piece starts here
            if starts[-1] == size:
                sources[-1] = pos
            else:
                starts.append(size)
                sources.append(pos)
    out.append(text[pos:])
    return "".join(out), (starts, sources)


def _source(pieces: _Pieces, offset: int) -> int:
    """The offset in the original text of ``offset`` in the normalized one."""
    starts, sources = pieces
    k = bisect.bisect_right(starts, offset) - 1
    return sources[k] + offset - starts[k]


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
            becomes=entry.get("becomes"),
            since=str(entry.get("since") or ""),
        )
        if (actor.becomes is None) != (not actor.since):
            raise ValueError(f"actor {actor.id}: 'becomes' and 'since' go together")
        if actor.since:
            dt.date.fromisoformat(actor.since)  # a ValueError names the bad date
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
        if actor.becomes is not None and actor.becomes not in ids:
            raise ValueError(f"actor {actor.id}: unknown successor {actor.becomes!r}")
    return tuple(actors)


def actor_as_of(actor: Actor, day: dt.date | None) -> Actor:
    """The actor a name meant on ``day``: "Taliban" are Afghanistan's government from August
    2021 on, an insurgency before (unchanged when the day is unknown).

    Examples
    --------
    >>> taliban = actor_by_name("Taliban")
    >>> [actor_as_of(taliban, dt.date(y, 1, 1)).type for y in (2017, 2026)]
    ['insurgent', 'government']
    """
    if actor.becomes is None or day is None or day < dt.date.fromisoformat(actor.since):
        return actor
    return next(a for a in load_actors() if a.id == actor.becomes)


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
def _ordered_aliases() -> tuple[str, ...]:
    """Every alias once, longest first: the order in which the matchers try them."""
    return tuple(sorted({alias for alias, _ in _aliases()}, key=lambda a: (-len(a), a)))


def _compile(aliases: Sequence[str]) -> re.Pattern[str]:
    """The matcher of ``aliases`` (in their order) at a word start."""
    body = "|".join(_alias_pattern(a) for a in aliases)
    # A lookahead so that every start position yields its longest alias, overlaps included.
    return re.compile(rf"(?<![\w.])(?=({body})(?!\w|\.\w))")


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, Actor], dict[str, Actor]]:
    pairs = _aliases()
    folded = {alias.casefold(): actor for alias, actor in pairs if not _is_caps(alias)}
    caps = {alias: actor for alias, actor in pairs if _is_caps(alias)}
    return _compile(_ordered_aliases()), folded, caps


#: How many first letters of an alias pick the aliases tried at a word start.
_PREFIX = 4


def _first_letters(alias: str) -> str:
    return _normalize(alias.strip())[0][:_PREFIX].lower()


@functools.cache
def _prefixes() -> frozenset[str]:
    """Lower-cased first letters of every alias (all of a shorter one): where a match may
    start."""
    return frozenset(_first_letters(alias) for alias, _ in _aliases())


@functools.cache
def _firsts() -> dict[str, str]:
    """Each alias's :func:`_first_letters`."""
    return {alias: _first_letters(alias) for alias in _ordered_aliases()}


@functools.cache
def _matcher_for(prefix: str) -> re.Pattern[str]:
    """The matcher of only the aliases that can start where a word begins with ``prefix``
    (one of :func:`_prefixes`; each is compiled when first needed).

    :func:`_starts` gives a word start the longest prefix its ASCII letters begin with.  An
    alias can match there only if its own first letters, lower-cased, begin that prefix too:
    the others are left out of the alternation (those that start with other characters are
    kept, to be safe).  The alternation keeps the order of the full one, so it finds what
    the full one finds there.
    """
    firsts = _firsts()
    return _compile(
        [a for a in _ordered_aliases() if prefix.startswith(firsts[a]) or not firsts[a].isascii()]
    )


@functools.cache
def _ascii_starts() -> re.Pattern[str]:
    """In a lower-cased text, the word starts that begin as an alias does, matched with
    the longest such prefix."""
    # A lookahead: a prefix ("al h") may run into the next word start, which counts too.
    return re.compile(rf"(?<![\w.])(?=\w)(?=({words_pattern(_prefixes())}))")


def _starts(norm: str) -> list[tuple[int, str | None]]:
    """Where an alias may match, in order.

    Word starts whose first letters are ASCII and begin as some alias does, with the longest
    such prefix (:func:`_prefixes`); and every word start with a non-ASCII character among
    its first letters (given with ``None``), because case-insensitive matching folds some of
    them to ASCII letters.
    """
    lowered = norm.lower()
    if len(lowered) != len(norm):  # some letter lower-cases to two: offsets would shift
        return list(_starts_one_by_one(norm))
    found: list[tuple[int, str | None]] = [
        (m.start(), m.group(1))
        for m in _ascii_starts().finditer(lowered)
        if norm[m.start() : m.start() + _PREFIX].isascii()
    ]
    if norm.isascii():
        return found
    others = {
        pos
        for m in _NON_ASCII.finditer(norm)
        for pos in range(max(0, m.start() - _PREFIX + 1), m.start() + 1)
        if _WORD_START.match(norm, pos)
    }
    return sorted(found + [(pos, None) for pos in others], key=lambda s: s[0])


def _starts_one_by_one(norm: str) -> Iterator[tuple[int, str | None]]:
    """:func:`_starts`, word start by word start."""
    for m in _WORD_START.finditer(norm):
        pos = m.start()
        first = norm[pos : pos + _PREFIX]
        if not first.isascii():
            yield pos, None
        elif prefix := _ascii_starts().match(first.lower()):
            yield pos, prefix.group(1)


def _matches(pattern: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, tried only where a word starts as some alias does.

    Trying the long alternation at every character is most of the cost of finding actors;
    a word start whose first two letters begin no alias cannot match (:func:`_starts`), and
    where they do, only the aliases that begin with them are tried
    (:func:`_matcher_for`).  Non-ASCII starts are tried with the whole ``pattern``.
    """
    for pos, key in _starts(norm):
        found = (pattern if key is None else _matcher_for(key)).match(norm, pos)
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
    norm, pieces = _normalize(text)
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
        # those taken are apart and start no later: only the last can reach this one
        if not taken or cand[0] >= taken[-1][1]:
            taken.append(cand)
    mentions: list[ActorMention] = []
    for start, end, actor in sorted(taken, key=lambda c: c[0]):
        o_start, o_end = _source(pieces, start), _source(pieces, end - 1) + 1
        if actor.type in _STATES and _SPONSOR.match(text, o_end):
            continue  # "U.S.-backed forces", "Russian-backed separatists": a sponsor's name
        mentions.append(ActorMention(actor, text[o_start:o_end], o_start, o_end))
    return mentions


_SPONSOR = re.compile(
    r"\s*[\-–]\s*(?:backed|supported|sponsored|aligned|allied|funded|trained|armed)\b", re.I
)
_STATES = frozenset(("state_military", "coalition", "government"))


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
