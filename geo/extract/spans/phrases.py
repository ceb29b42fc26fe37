"""The phrases a table of patterns finds in a text, each pattern tried only if the text
passes its cheap searches.

A pattern comes with what a text must hold for it to match: searches (a regex, or words of
which the text must contain one, tested with ``in``: quicker than any regex) that most
texts fail for most patterns.  A search is run once per text, however many patterns need
it.  Patterns that ignore case have their searches run on the lower-cased text
(:func:`~geo.extract.spans.folding.lowered`), or not at all when that would not find what
they find.  The patterns are scanned (:mod:`geo.extract.spans.scan`); where matches
overlap, the longest wins, then the earlier pattern of the table.

Examples
--------
>>> rules = (
...     Rule(Scan.of(re.compile(r"\\d+ km")), "distance", (re.compile("[0-9]"), ("km",)), False),
...     Rule(Scan.of(re.compile(r"\\bnorth\\b", re.I)), "direction", (("north",),), True),
... )
>>> [(s, e, m[0], what) for s, e, m, what in find_phrases("12 km North of it", rules)]
[(0, 5, '12 km', 'distance'), (6, 11, 'North', 'direction')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from geo.extract.spans.folding import lowered
from geo.extract.spans.scan import Scan

__all__ = ["Need", "Rule", "find_phrases", "passes"]

T = TypeVar("T")

#: What a text must hold for a pattern to match: a regex it must match somewhere, or words
#: of which it must contain one.
Need = re.Pattern[str] | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule(Generic[T]):
    """One pattern of a table, what it gives, and what a text must hold for it to match.

    Attributes
    ----------
    scan : Scan
        The pattern, scanned.
    value : T
        What its matches are taken with (a handler, a label).
    needs : tuple of Need
        Searches the text must all pass.
    folded : bool
        Whether the searches are run on the lower-cased text.
    group : str
        The group whose span is the phrase's ('' for the whole match).
    """

    scan: Scan
    value: T
    needs: tuple[Need, ...]
    folded: bool
    group: str = field(default="")

    @classmethod
    def of(
        cls, pattern: re.Pattern[str], value: T, needs: tuple[Need, ...], folded: bool
    ) -> Rule[T]:
        """The rule of ``pattern``, whose phrase is its group ``x`` if it has one."""
        return cls(Scan.of(pattern), value, needs, folded, "x" if "x" in pattern.groupindex else "")


def passes(need: Need, searched: str) -> bool:
    """Whether ``searched`` passes the search ``need``.

    >>> passes(("km", "mile"), "12 miles"), passes(re.compile("[0-9]"), "twelve miles")
    (True, False)
    """
    if isinstance(need, tuple):
        return any(map(searched.__contains__, need))  # no generator: quicker
    return need.search(searched) is not None


def find_phrases(
    text: str, rules: tuple[Rule[T], ...]
) -> tuple[tuple[int, int, re.Match[str], T], ...]:
    """The non-overlapping phrases the ``rules`` find in ``text``, in text order: (start,
    end, match, value of the rule)."""
    lower = lowered(text)
    passed: dict[int, bool] = {}  # whether the text passes each search, by the search's id
    found: list[tuple[int, int, int, re.Match[str], T]] = []
    for rank, rule in enumerate(rules):
        searched = text if not rule.folded else lower
        if searched is not None:
            lacks = False  # a search the text fails (a plain loop: this runs for every text)
            for need in rule.needs:
                ok = passed.get(id(need))
                if ok is None:
                    ok = passed[id(need)] = passes(need, searched)
                if not ok:
                    lacks = True
                    break
            if lacks:
                continue
        for m in rule.scan.finditer(text):
            start, end = m.span(rule.group) if rule.group else m.span()
            found.append((start, end, rank, m, rule.value))
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    chosen: list[tuple[int, int, re.Match[str], T]] = []
    for start, end, _rank, m, value in found:
        if all(end <= s or start >= e for s, e, _m, _v in chosen):
            chosen.append((start, end, m, value))
    return tuple(sorted(chosen, key=lambda c: c[0]))
