"""geo.extract.spans.folding: when a search in lower-cased text finds what re.IGNORECASE finds."""

from __future__ import annotations

import re

from geo.extract.spans.folding import _ASCII_LOOKALIKES, lowered


def test_only_the_four_lookalikes_match_ascii_letters_or_lower_to_them() -> None:
    """Every other non-ASCII character neither matches an ASCII letter case-insensitively
    nor lower-cases to one (so lower-cased text keeps its length and its ASCII letters)."""
    others = "".join(chr(c) for c in range(0x80, 0x110000))
    others = _ASCII_LOOKALIKES.sub("", others)
    assert len(others) == 0x110000 - 0x80 - 4
    assert re.search("[a-z]", others, re.IGNORECASE) is None
    assert len(others.lower()) == len(others)
    assert re.search("[a-zA-Z]", others.lower()) is None


def test_lowered_gives_way_to_the_regex_only_for_lookalikes() -> None:
    assert lowered("Drones Hit “Al-Asad” — Sunday") == "drones hit “al-asad” — sunday"
    assert lowered("a ſtrike") is None
    assert lowered("\u212aataib") is None
