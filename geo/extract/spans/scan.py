"""A quick scan for a big alternation: try it only where one of its matches can start.

``re`` tries every alternative of a pattern at every position of a text, so a pattern of a
hundred word alternatives costs a hundred tries per word.  :class:`Scan` reads the pattern
once for the first few characters any of its matches can begin with, and searches the
lower-cased text for those beginnings (one pattern, of literal prefixes that ``re`` skips
through quickly); the full pattern is tried only there.  The matches are those of
``pattern.finditer``: the beginnings are a superset of where matches start, and the scan goes
on after each match as ``finditer`` does.

When the pattern holds something the reader does not follow at its start, or the text holds
a letter that case-insensitive matching takes for an ASCII one
(:func:`~geo.extract.spans.folding.lowered`), the scan is ``pattern.finditer`` itself.

Examples
--------
>>> scan = Scan.of(re.compile(r"\\b(?:air\\s*strikes?|rockets?)\\b", re.I))
>>> scan.starts is not None
True
>>> [m.group(0) for m in scan.finditer("Rockets fell after an AIR strike.")]
['Rockets', 'AIR strike']
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from geo.extract.spans.folding import lowered

__all__ = ["Scan", "words_pattern"]

# How many characters of each beginning the quick search looks for: enough to skip most
# words, few enough that the search stays small.
_DEPTH = 4
_ASCII = 128

_Prefix = tuple[str, ...]  # one regex of one character per position


def _sre() -> tuple[Any, Any] | None:
    """The parser of :mod:`re` and its constants (private modules: ``None`` if they move)."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
        return None


def _one_char(op: Any, av: Any, c: Any) -> str | None:
    """A regex for the lower-cased characters one parsed item matches, or ``None``.

    Only ASCII characters and the classes ``\\s``, ``\\w``, ``\\d`` are read: lower-casing
    keeps those (and case-insensitive matching takes no other character for an ASCII one
    but the four that :func:`~geo.extract.spans.folding.lowered` refuses); a beginning stops
    before anything else."""
    categories = {c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w", c.CATEGORY_DIGIT: r"\d"}
    if op is c.LITERAL:
        return re.escape(chr(av).lower()) if av < _ASCII else None
    if op is c.CATEGORY:
        return categories.get(av)
    if op is not c.IN:
        return None
    chars: set[str] = set()
    named: list[str] = []
    for item, value in av:
        if item is c.LITERAL and value < _ASCII:
            chars.add(chr(value).lower())
        elif item is c.RANGE and value[1] < _ASCII:
            chars.update(chr(n).lower() for n in range(value[0], value[1] + 1))
        elif item is c.CATEGORY and value in categories:
            named.append(categories[value])
        else:
            return None  # a negated class, a character beyond ASCII: anything may follow
    return "[" + "".join(named) + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


def _prefixes(items: list[Any], depth: int, c: Any) -> set[_Prefix]:
    """The beginnings (up to ``depth`` characters) of what the parsed ``items`` match.

    A beginning shorter than ``depth`` stands for itself followed by anything; the empty
    one means anything at all can begin a match."""
    if depth == 0 or not items:
        return {()}
    op, av = items[0]
    rest = items[1:]
    if op in (c.LITERAL, c.IN, c.CATEGORY):
        char = _one_char(op, av, c)
        if char is None:
            return {()}
        return {(char, *tail) for tail in _prefixes(rest, depth - 1, c)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: \b, lookarounds
        return _prefixes(rest, depth, c)
    if op is c.SUBPATTERN:
        return _prefixes([*av[-1], *rest], depth, c)
    if op is c.BRANCH:
        return {p for alt in av[1] for p in _prefixes([*alt, *rest], depth, c)}
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        found = _prefixes(rest, depth, c) if low == 0 else set()
        if high != 0:  # one repetition, and whatever comes after it
            found |= _prefixes([*sub], depth, c)
        return found
    return {()}


def _trie(prefixes: set[_Prefix], *, word_start: bool) -> str:
    """One alternation of the prefixes, as a trie (each at the start of a word when
    ``word_start``)."""
    tree: dict[str, Any] = {}
    for prefix in prefixes:
        node = tree
        for char in prefix:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a shorter beginning already covers the longer ones
        alts = [char + branch(sub) for char, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    # no word character before: the engine tests that first, quickest at most places
    before = r"(?<!\w)" if word_start else ""
    return before + branch(tree)


def words_pattern(words: Iterable[str]) -> str:
    """A regex of the longest of ``words`` the text at a place begins with, as a tree of
    their letters: the engine follows one branch per letter instead of trying every word.

    >>> re.search(words_pattern(["strik", "struck", "raid"]), "raids struck").group()
    'raid'
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        longer = [re.escape(char) + branch(sub) for char, sub in sorted(node.items()) if char]
        if not longer:
            return ""
        body = longer[0] if len(longer) == 1 else f"(?:{'|'.join(longer)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer words first

    return branch(tree)


@dataclass(frozen=True, slots=True)
class Scan:
    """A pattern and the quick search for where its matches can start.

    Attributes
    ----------
    pattern : re.Pattern
        The pattern scanned for.
    starts : re.Pattern or None
        The beginnings of its matches in lower-cased text; ``None`` to scan with the pattern
        alone.
    """

    pattern: re.Pattern[str]
    starts: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Scan:
        """The scan of ``pattern`` (with no quick search when its beginnings are unclear)."""
        sre = _sre()
        if sre is None:  # pragma: no cover
            return cls(pattern, None)
        parser, constants = sre
        try:
            parsed = list(parser.parse(pattern.pattern, pattern.flags))
        except (AttributeError, TypeError, ValueError):  # pragma: no cover
            return cls(pattern, None)
        prefixes = _prefixes(parsed, _DEPTH, constants)
        if () in prefixes:
            return cls(pattern, None)  # a match may start with anything
        # \b, then a letter or digit: a match starts a word
        word_start = parsed[:1] == [(constants.AT, constants.AT_BOUNDARY)] and all(
            p[0].isalnum() for p in prefixes
        )
        # \w, \s and \d as the pattern reads them (ASCII only, or any letter)
        return cls(
            pattern, re.compile(_trie(prefixes, word_start=word_start), pattern.flags & re.A)
        )

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """``pattern.search(text, pos)``, found more quickly."""
        low = lowered(text) if self.starts is not None else None
        if self.starts is None or low is None:
            return self.pattern.search(text, pos)
        search, match = self.starts.search, self.pattern.match
        while (begin := search(low, pos)) is not None:
            m = match(text, begin.start())
            if m is not None:
                return m
            pos = begin.start() + 1
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, found more quickly."""
        low = lowered(text) if self.starts is not None else None
        if self.starts is None or low is None:
            yield from self.pattern.finditer(text)
            return
        search, match = self.starts.search, self.pattern.match
        pos = 0
        while (begin := search(low, pos)) is not None:
            at = begin.start()
            m = match(text, at)
            if m is None:
                pos = at + 1
                continue
            yield m
            pos = m.end()
