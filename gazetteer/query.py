"""Checking and taking apart a place query: "the K1 base outside Kirkuk".

:func:`check_name` refuses what cannot be a place name; :func:`parse_query` splits a
query into its core name, a kind hint ("base", "airport", "province") and context
names ("outside Kirkuk").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from gazetteer.errors import InvalidQuery
from gazetteer.place import KIND_PRECISION

__all__ = [
    "GENERIC_WORDS",
    "KIND_FAMILIES",
    "MAX_NAME_LENGTH",
    "Query",
    "check_kind",
    "check_name",
    "named_kind",
    "parse_query",
]

MAX_NAME_LENGTH = 300

_BASES = frozenset({"airbase", "base", "airport"})
_AREAS = frozenset({"region", "governorate", "province", "state", "county", "district", "area"})
_TOWNS = frozenset({"town", "city", "capital", "district", "neighbourhood"})
_WATERS = frozenset({"sea", "strait", "gulf", "waterway", "ocean"})
#: Kinds that satisfy a kind hint: a hint of "base" is met by an airbase, and so on.
KIND_FAMILIES: dict[str, frozenset[str]] = {
    "airbase": _BASES,
    "base": _BASES,
    "airport": frozenset({"airport", "airbase"}),
    "embassy": frozenset({"embassy"}),
    "border_crossing": frozenset({"border_crossing"}),
    "dam": frozenset({"dam"}),
    "port": frozenset({"port"}),
    "oilfield": frozenset({"oilfield", "facility", "base"}),
    "facility": frozenset({"facility", "base", "oilfield"}),
    "country": frozenset({"country"}),
    **dict.fromkeys(_AREAS, _AREAS),
    **dict.fromkeys(_TOWNS, _TOWNS),
    **dict.fromkeys(_WATERS, _WATERS),
}

#: Words that open or close a name and say what kind of place it is ("Jabal as Sama",
#: "Kahlan Camp", "Ras al Katib"), and the kinds that fit them.
GENERIC_WORDS: dict[str, str] = {
    **dict.fromkeys(("camp", "mukhayyam", "mukhayam", "mukhaym"), "camp"),
    **dict.fromkeys(
        ("jabal", "jebel", "jabel", "jibal", "mount", "mountain", "mountains"), "mountain"
    ),
    **dict.fromkeys(("tall", "tell", "tal", "tel", "hill"), "hill"),
    **dict.fromkeys(("wadi", "wady", "oued"), "wadi"),
    **dict.fromkeys(("ras", "cape", "headland"), "headland"),
    **dict.fromkeys(("jisr", "bridge"), "bridge"),
    **dict.fromkeys(("jazirat", "jazira", "jazirah", "island"), "island"),
}
KIND_FAMILIES.update(
    {
        "camp": frozenset({"camp"}),
        "mountain": frozenset({"mountain", "hill"}),
        "hill": frozenset({"hill", "mountain"}),
        "wadi": frozenset({"wadi", "valley", "river"}),
        "headland": frozenset({"headland"}),
        "bridge": frozenset({"bridge"}),
        "island": frozenset({"island"}),
    }
)

# Trailing words that name a kind of place, longest first, and the kind they hint.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("international airport", "airport"),
    ("military airport", "airbase"),
    ("military base", "base"),
    ("military complex", "base"),
    ("border crossing", "border_crossing"),
    ("border post", "border_crossing"),
    ("air base", "airbase"),
    ("airbase", "airbase"),
    ("air field", "airbase"),
    ("airfield", "airbase"),
    ("airport", "airport"),
    ("garrison", "base"),
    ("base", "base"),
    ("embassy", "embassy"),
    ("consulate", "embassy"),
    ("crossing", "border_crossing"),
    ("dam", "dam"),
    ("port", "port"),
    ("oil field", "oilfield"),
    ("oilfield", "oilfield"),
    ("governorate", "governorate"),
    ("province", "province"),
    ("region", "region"),
    ("district", "district"),
    ("city", "city"),
    ("town", "town"),
    ("village", "town"),
    ("area", "area"),
)
_KIND_OF = dict(_KIND_WORDS)
_KIND_SUFFIX = re.compile(
    r"\s+(" + "|".join(re.escape(w) for w, _ in _KIND_WORDS) + r")\s*$", re.IGNORECASE
)
_KIND_PREFIX = re.compile(
    r"^(?:the\s+)?(town|city|village|province|governorate|port|region)\s+of\s+", re.IGNORECASE
)
_RELATION = re.compile(
    r"\s*,\s*|\s+(?:just\s+)?(?:outside(?:\s+of)?|near|in|at|close\s+to|on\s+the\s+outskirts\s+of"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


@dataclass(frozen=True, slots=True)
class Query:
    """A query taken apart: the whole text, its core name, a kind hint, context names and
    the relation to the first context name ("outside", "north of"...)."""

    text: str
    core: str
    kind: str | None
    context: tuple[str, ...]
    relation: str = ""


def check_name(name: object) -> str:
    """Return ``name`` stripped, or raise :class:`InvalidQuery` saying what is wrong.

    Examples
    --------
    >>> check_name("  Erbil ")
    'Erbil'
    >>> check_name("")
    Traceback (most recent call last):
    ...
    gazetteer.errors.InvalidQuery: empty place name
    """
    if isinstance(name, bytes):
        try:
            name = name.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InvalidQuery("place name is binary data, not UTF-8 text") from err
    if not isinstance(name, str):
        raise InvalidQuery(f"place name must be text, not {type(name).__name__}")
    text = name.strip()
    if not text:
        raise InvalidQuery("empty place name")
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidQuery(
            f"place name is {len(text):,} characters long; the limit is {MAX_NAME_LENGTH}"
        )
    if _BINARY.search(text):
        raise InvalidQuery("place name contains control characters or binary data")
    return text


def check_kind(kind: str | None) -> str | None:
    """Return ``kind`` if it is a known kind of place, else raise :class:`InvalidQuery`."""
    if kind is None or kind in KIND_FAMILIES or kind in KIND_PRECISION:
        return kind
    known = ", ".join(sorted(set(KIND_FAMILIES) | set(KIND_PRECISION)))
    raise InvalidQuery(f"unknown kind {kind!r}; expected one of {known}")


def named_kind(name: str) -> str | None:
    """Return the kind a name's own first or last word names, if any.

    Examples
    --------
    >>> named_kind("Jabal as Sama"), named_kind("Kahlan Camp"), named_kind("Ras al-Katib")
    ('mountain', 'camp', 'headland')
    >>> named_kind("Karkh") is None
    True
    """
    parts = _LEADING.sub("", name.strip()).replace("-", " ").split()
    if len(parts) < 2:
        return None
    return GENERIC_WORDS.get(parts[0].lower()) or GENERIC_WORDS.get(parts[-1].lower())


@functools.lru_cache(maxsize=65536)
def parse_query(text: str) -> Query:
    """Split a query into core name, kind hint and context names.

    Examples
    --------
    >>> parse_query("the K1 base outside Kirkuk")
    Query(text='the K1 base outside Kirkuk', core='K1', kind='base', context=('Kirkuk',), \
relation='outside')
    >>> parse_query("a base north of Baghdad").core
    ''
    >>> parse_query("Red Sea")
    Query(text='Red Sea', core='Red Sea', kind=None, context=(), relation='')
    """
    parts = _RELATION.split(text)  # one part: no relation word (the common case)
    m = _RELATION.search(text) if len(parts) > 1 else None
    relation = m.group().strip(" ,").lower() if m else ""
    head, *context = (p for p in parts if p and p.strip())
    head = _LEADING.sub("", head.strip())
    kind = None
    if m := _KIND_PREFIX.match(head):
        kind = _KIND_OF.get(m.group(1).lower())
        head = head[m.end() :]
    elif (m := _KIND_SUFFIX.search(" " + head)) and (m.start() > 0 or context):
        kind = _KIND_OF[m.group(1).lower()]
        head = head[: max(0, m.start() - 1)]
    core = head.strip() if (head.strip() or context) else text
    return Query(text, core, kind, tuple(c.strip() for c in context), " ".join(relation.split()))
