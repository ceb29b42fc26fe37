from __future__ import annotations

import pytest

from gazetteer.normalize import normalize, skeleton, words


@pytest.mark.parametrize(
    "spellings",
    [
        ["al-Qaim", "Al Qa'im", "Al Qa’im", "Al-Qa‘im", "Qaim", "AL QAIM", "al Qāʾim"],
        ["K1", "K-1", "k 1", "K‑1"],
        ["Deir ez-Zor", "Deir ez Zor", "Deir Ez-Zor", "deir-ez-zor"],
        ["Hewlêr", "Hewler"],
        ["Tell Abyad", "Tell-Abyad"],
        ["ash-Shaddadi", "Ash Shaddadi", "al-Shaddadi", "Shaddadi"],
        ["ar-Ramadi", "Ar Ramādī", "al-Ramadi", "Ramadi"],
        ["Ḩalab", "Halab"],
        ["Kata'ib", "Kataib", "Kata’ib", "Kataʾib"],
    ],
)
def test_spellings_share_a_key(spellings: list[str]) -> None:
    assert len({normalize(s) for s in spellings}) == 1, {s: normalize(s) for s in spellings}


def test_arabic_article_and_hamza() -> None:
    assert normalize("القائم") == normalize("قائم")
    assert normalize("أربيل") == normalize("اربيل")


def test_lone_article_is_kept() -> None:
    assert normalize("Al") == "al"


def test_words_keep_articles() -> None:
    assert words("Bab el-Mandeb") == ["bab", "el", "mandeb"]


def test_distinct_places_stay_distinct() -> None:
    assert normalize("Hit") != normalize("Hīt al Jadīdah")
    assert normalize("Tower 22") == "tower22"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tikrit", "Takrit"),
        ("Fallujah", "Falluja"),
        ("Dayr az Zawr", "Deir ez-Zor"),
        ("Qusayr", "Qusair"),
    ],
)
def test_skeleton_joins_transliterations(a: str, b: str) -> None:
    assert skeleton(normalize(a)) == skeleton(normalize(b))


def test_skeleton_refuses_non_latin() -> None:
    assert skeleton(normalize("بغداد")) == ""
