"""geo.extract.spans.scan: the quick scan finds exactly what ``pattern.finditer`` finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.spans import counts, dates
from geo.extract.spans.predicates import PATTERN, SCAN
from geo.extract.spans.scan import Scan, words_pattern
from geo.extract.spans.sentences import split_sentences

REPORTS = Path(__file__).parents[1] / "data" / "reports" / "reports.jsonl"


def _spans(found: object) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in found]  # type: ignore[attr-defined]


# The scans the extraction uses, with their patterns.
_USED = (
    [(PATTERN, SCAN)]
    + [
        (scan.pattern, scan)
        for name, scan in vars(counts).items()
        if name.endswith("_SCAN") and isinstance(scan, Scan)
    ]
    + [(rule.scan.pattern, rule.scan) for rule in dates._RULES]
)


def test_the_scans_used_have_a_quick_search() -> None:
    assert len(_USED) == 25
    assert all(scan.starts is not None for _, scan in _USED)


@pytest.mark.parametrize(("pattern", "scan"), _USED, ids=lambda x: str(x)[:30])
def test_a_scan_finds_what_its_pattern_finds_in_every_report(
    pattern: re.Pattern[str], scan: Scan
) -> None:
    texts = [json.loads(line)["text"] for line in REPORTS.read_text(encoding="utf-8").splitlines()]
    sentences = [t[s:e] for t in texts for s, e in split_sentences(t)]
    assert len(sentences) > 1000
    found = 0
    for sentence in sentences:
        expected = _spans(pattern.finditer(sentence))
        assert _spans(scan.finditer(sentence)) == expected, sentence
        found += len(expected)
        for pos in (1, len(sentence) // 2):
            first, found_at = pattern.search(sentence, pos), scan.search(sentence, pos)
            assert (found_at and found_at.span()) == (first and first.span())
    assert found > 0 or pattern is dates._HOLIDAY  # no holiday in the reports


def test_lower_casing_keeps_word_space_and_digit_characters() -> None:
    """The quick search reads lower-cased text with \\w, \\s and \\d and the word boundary."""
    chars = "".join(chr(c) for c in range(0x110000) if c != 0x130)
    lowered = chars.lower()
    assert len(lowered) == len(chars)
    for cls in (r"\w", r"\s", r"\d"):
        one = re.compile(cls)
        assert [bool(one.match(c)) for c in chars] == [bool(one.match(c)) for c in lowered]


_PATTERNS = [
    PATTERN,
    re.compile(r"\b(?:air[- ]?strikes?|F-16s?|(?<=[A-Za-z] )(?-i:Killed)|was\s+hit)\b", re.I),
    re.compile(r"strik(?:e|es)|ab+c", re.I),  # no \b: matches inside words too
    re.compile(r"[\w\-]+\s+attack"),  # starts with a class: case-sensitive
    re.compile(r"\b(?:\d+|two)\s+(?:strikes|Strikes)"),
]
_WORDS = [
    "air strike", "Airstrikes", "AIR-STRIKE", "F-16", "f-16s", "Killed", "killed", "was  hit",
    "strikes", "ſtrikes", "\u212aILLED", "abbbc", "ABC", "İ", "rocket attack", "12 strikes",
    "two Strikes", "x", "-", " ", "\n", ".", "forces attacked", "gunmen opened fire", "jets",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=20),
    st.lists(st.sampled_from(["", " ", "a", "-", ". ", "é"]), min_size=20, max_size=20),
)
def test_a_scan_finds_what_finditer_finds(words: list[str], glue: list[str]) -> None:
    text = "".join(g + w for g, w in zip(glue, words, strict=False))
    for pattern in _PATTERNS:
        scan = Scan.of(pattern)
        assert _spans(scan.finditer(text)) == _spans(pattern.finditer(text))
        for pos in range(0, len(text), 7):
            first = pattern.search(text, pos)
            found = scan.search(text, pos)
            assert (found and found.span()) == (first and first.span())


@pytest.mark.parametrize("source", [r"x*", r"(?:a|.)b", r".+strike", r"[^a]b", r"\W+x"])
def test_no_quick_search_when_a_match_may_start_with_anything(source: str) -> None:
    pattern = re.compile(source)
    scan = Scan.of(pattern)
    assert scan.starts is None
    assert _spans(scan.finditer("ab xy strike b")) == _spans(pattern.finditer("ab xy strike b"))


def test_optional_and_repeated_beginnings_are_all_searched() -> None:
    scan = Scan.of(re.compile(r"a*b|(?:x|)y"))
    assert scan.starts is not None
    assert [m.group(0) for m in scan.finditer("c aab b xy y")] == ["aab", "b", "xy", "y"]


def test_a_pattern_without_a_word_boundary_is_searched_inside_words() -> None:
    scan = Scan.of(re.compile(r"strikes?", re.I))
    assert [m.group(0) for m in scan.finditer("Airstrikes and STRIKE")] == ["strikes", "STRIKE"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["strik", "struck", "st", "raid", "raids", "go off", "a.b"]), min_size=1
    ),
    st.text(alphabet="strikucaobd .go", max_size=40),
)
def test_words_pattern_finds_what_the_alternation_finds(words: list[str], text: str) -> None:
    plain = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    tree = re.compile(words_pattern(words))
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_beginnings_stop_before_characters_beyond_ascii() -> None:
    """Case-insensitive matching folds some of them without lower-casing ("ς" and "σ")."""
    pattern = re.compile(r"\bσx|\b[ς-ω]y|\bab", re.I)
    scan = Scan.of(pattern)
    text = "Σx ςx σy ab"
    assert _spans(scan.finditer(text)) == _spans(pattern.finditer(text))
    assert len(_spans(pattern.finditer(text))) == 4


def test_an_ascii_pattern_reads_word_starts_as_it_does() -> None:
    """Under re.ASCII "é" is no word character, so "\\bstrike" matches in "éstrike"."""
    pattern = re.compile(r"\bstrikes?\b", re.I | re.A)
    scan = Scan.of(pattern)
    text = "éstrike, Strikes"
    assert _spans(scan.finditer(text)) == _spans(pattern.finditer(text))
    assert len(_spans(pattern.finditer(text))) == 2
