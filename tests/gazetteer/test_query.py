from __future__ import annotations

import pytest

from gazetteer.errors import GazetteerError, InvalidQuery
from gazetteer.query import MAX_NAME_LENGTH, check_kind, check_name, parse_query


@pytest.mark.parametrize(
    ("text", "core", "kind", "context"),
    [
        ("K1 base outside Kirkuk", "K1", "base", ("Kirkuk",)),
        ("Ain al-Asad air base in Anbar province", "Ain al-Asad", "airbase", ("Anbar province",)),
        ("Erbil International Airport", "Erbil", "airport", ()),
        ("the town of Hit", "Hit", "town", ()),
        ("Red Sea", "Red Sea", None, ()),
        ("Al-Qaim, Anbar", "Al-Qaim", None, ("Anbar",)),
        ("a base north of Baghdad", "", "base", ("Baghdad",)),
        ("US Embassy in Baghdad", "US", "embassy", ("Baghdad",)),
    ],
)
def test_parse_query(text: str, core: str, kind: str | None, context: tuple[str, ...]) -> None:
    q = parse_query(text)
    assert (q.core, q.kind, q.context) == (core, kind, context)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("", "empty place name"),
        ("   ", "empty place name"),
        ("x" * (MAX_NAME_LENGTH + 1), "characters long"),
        ("Bagh\x00dad", "binary"),
        (b"\xff\xfe\x00junk", "binary data"),
        (42, "must be text"),
    ],
)
def test_check_name_refuses(bad: object, message: str) -> None:
    with pytest.raises(InvalidQuery, match=message) as info:
        check_name(bad)
    assert isinstance(info.value, ValueError) and isinstance(info.value, GazetteerError)
    assert "\n" not in str(info.value)


def test_check_kind() -> None:
    assert check_kind("airbase") == "airbase"
    with pytest.raises(InvalidQuery, match="unknown kind 'spaceport'"):
        check_kind("spaceport")
