"""Place mentions in running text: spans, resolution in context, and refusals."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer


def _found(gz: Gazetteer, text: str, **kw: object) -> list[tuple[str, str]]:
    return [(m.text, m.place.name) for m in gz.spot(text, **kw) if m.place]  # type: ignore[arg-type]


def test_spans_point_at_the_text(gz: Gazetteer) -> None:
    text = "Militants fired rockets at the K1 base outside Kirkuk, officials in Baghdad said."
    for m in gz.spot(text):
        assert text[m.start : m.end] == m.text
    assert [m.text for m in gz.spot(text)] == ["K1 base", "Kirkuk", "Baghdad"]


def test_arabic_article_forms_start_a_mention(gz: Gazetteer) -> None:
    found = _found(gz, "Strikes hit the al Qaim area and ash-Shaddadi overnight.", country="IQ")
    assert found[0][0] == "al Qaim" and "Qā’im" in found[0][1]
    assert found[1][0] == "ash-Shaddadi"


def test_kind_word_after_the_name_picks_the_facility(gz: Gazetteer) -> None:
    found = _found(gz, "A drone hit Erbil air base and later Irbil International Airport.")
    assert found == [
        ("Erbil air base", "Erbil Air Base"),
        ("Irbil International Airport", "Erbil International Airport"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hit by a drone, the convoy stopped.",  # the verb, sentence-initial
        "On Thursday the minister spoke.",  # a weekday that GeoNames knows as a town
        "Ana said the talks would resume.",  # a first name / pronoun
        "Balad said he would not comment.",  # a party or a person, no place context
        "The statement was carried by SANA and Reuters.",  # news agencies
        "Hamas and Hezbollah praised the attack.",  # organisations
    ],
)
def test_common_words_and_names_are_refused(gz: Gazetteer, text: str) -> None:
    assert _found(gz, text) == []


def test_ambiguous_words_accepted_with_place_context(gz: Gazetteer) -> None:
    found = _found(gz, "Rockets landed in Hit, and a drone struck near Ana.", country="IQ")
    assert [t for t, _ in found] == ["Hit", "Ana"]
    assert _found(gz, "Rockets struck Balad air base.")[0][1] == "Balad Air Base"


def test_part_of_a_longer_name_is_refused(gz: Gazetteer) -> None:
    text = "Abu Mosul was arrested. The Mosul Eye blog reported it. Basra Oil Company staff fled."
    refused = [(m.text, m.reason) for m in gz.spot(text, include_refused=True) if not m.accepted]
    mosul = [why for t, why in refused if t == "Mosul"]
    assert len(mosul) == 2 and "person" in mosul[0] and "longer name" in mosul[1]
    assert _found(gz, text) == []


def test_headlines_in_title_case_still_yield_places(gz: Gazetteer) -> None:
    assert ("Baghdad", "Baghdad") in _found(gz, "US Airstrike In Baghdad Kills Militia Leader\n")


def test_possessive_and_acronym(gz: Gazetteer) -> None:
    found = _found(gz, "Iraq’s Anbar province borders Syria; U.S. troops left.")
    assert [t for t, _ in found] == ["Iraq", "Anbar province", "Syria", "U.S."]


def test_small_place_needs_support(gz: Gazetteer) -> None:
    # Kirby is a small town in Texas; as a spokesman's name it must not be a place.
    assert _found(gz, "Kirby said the strikes were defensive.") == []
    # A small Iraqi town is accepted beside a prominent place nearby.
    found = _found(gz, "Clashes near Kirkuk spread to Dibis.")
    assert [t for t, _ in found] == ["Kirkuk", "Dibis"]


def test_refused_mentions_say_why(gz: Gazetteer) -> None:
    refused = [m for m in gz.spot("Hit by rockets.", include_refused=True) if not m.accepted]
    assert refused and refused[0].place is None and refused[0].reason


def test_demonyms_only_on_request(gz: Gazetteer) -> None:
    text = "Iraqi officials met."
    assert _found(gz, text) == []
    assert _found(gz, text, demonyms=True) == [("Iraqi", "Iraq")]


def test_context_changes_resolution(gz: Gazetteer) -> None:
    # Without context "Tripoli" is Libya's capital; beside Beirut it is Lebanon's city.
    alone = gz.spot("Fighting was reported in Tripoli.")[0].place
    beside = [m.place for m in gz.spot("From Beirut the convoy drove to Tripoli.")][-1]
    assert alone is not None and beside is not None
    assert alone.country == "LY" and beside.country == "LB"


def test_tokens_keep_offsets_and_drop_possessives() -> None:
    from gazetteer.spot import _tokens

    text = "U.S.-led  Iraq's_x 12 al-Qa'im’s, ʿAna."
    assert _tokens(text) == [
        (0, "U.S.", 4), (5, "led", 8), (10, "Iraq's_x", 18), (19, "12", 21), (22, "al", 24),
        (25, "Qa'im", 30), (34, "ʿAna", 38),
    ]  # fmt: skip
    assert all(text[s:e] == word for s, word, e in _tokens(text))


def test_title_lines_have_three_to_25_words_mostly_capitalised() -> None:
    from gazetteer.spot_words import title_line

    title = " ".join(["Big"] * 15 + ["of"] * 10)  # 25 words, 60 % capitalised
    assert title_line(title, 0)
    assert title_line(f"a body line.\n{title}\nanother body line", 20)
    assert not title_line(" ".join(["Big"] * 16 + ["of"] * 10), 0)  # 26 words
    assert not title_line(" ".join(["Big"] * 14 + ["of"] * 11), 0)  # 56 % capitalised
    assert not title_line("Big News", 0)
    assert title_line("Big News Today", 0)


def test_the_persian_ezafe_joins_a_name() -> None:
    from gazetteer import default_gazetteer

    text = "An attack in Mazar-e Sharif and fighting near Mazar-i-Sharif; Vitamin E and I left."
    found = [(m.text, m.place.country if m.place else "") for m in default_gazetteer().spot(text)]
    assert found == [("Mazar-e Sharif", "AF"), ("Mazar-i-Sharif", "AF")]


@pytest.mark.parametrize(
    "written", ["Ma’arat al-Nu’man", "Ma'arat al-Nu'man", "Maarat al-Numan", "Ma‘arat an-Nu‘man"]
)
def test_a_transliterated_name_is_spotted_by_its_skeleton(gz: Gazetteer, written: str) -> None:
    # its vowels and doubled letters vary ("Ma‘arrat an Nu‘mān" in GeoNames)
    found = _found(gz, f"Markets in {written} and Saraqib were struck.")
    assert [name for _, name in found][:1] == ["Ma‘arrat an Nu‘mān"]


def test_a_name_without_transliteration_marks_needs_its_exact_spelling(gz: Gazetteer) -> None:
    # "Marat Numan" has the skeleton but none of the marks of a transliterated name
    assert _found(gz, "Markets in Marat Numan were struck.") == []


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("A bomb went off in the city of Tuz Khormato, Iraq.", "Tuz Khormato", "Ţūz Khūrmātū"),
        ("Bombs hit Baghdad and a market in Mahmoudiyah.", "Mahmoudiyah", "Al Maḩmūdīyah"),
        ("Clashes broke out in Deir Ezzor, Syria.", "Deir Ezzor", "Deir ez-Zor"),
    ],
)
def test_a_loose_spelling_after_a_locative_in_the_storys_country(
    gz: Gazetteer, text: str, written: str, name: str
) -> None:
    assert (written, name) in _found(gz, text)


def test_a_loose_spelling_in_another_country_than_the_storys_is_no_place(gz: Gazetteer) -> None:
    # "Mahmoudiyah" loosely names an Iraqi town, but this story is about France
    assert _found(gz, "Protesters gathered in Paris and in Mahmoudiyah, France.")[0][0] == "Paris"
    assert "Mahmoudiyah" not in [w for w, _ in _found(gz, "Crowds in Paris and in Mahmoudiyah.")]


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops fired on Kherson overnight.",
        "Rockets rained on Kherson.",
        "Troops fired 47 times on Kherson.",
        "Artillery shelled residential areas of Kherson.",
    ],
)
def test_what_is_fired_on_a_place_supports_it(gz: Gazetteer, text: str) -> None:
    assert [m.text for m in gz.spot(text) if m.place is not None] == ["Kherson"]


def test_on_after_other_verbs_supports_no_small_place(gz: Gazetteer) -> None:
    assert [m.text for m in gz.spot("The talks relied on Kherson.") if m.place is not None] == []


@pytest.mark.parametrize(
    "text", ["A boat rammed the MV Limburg off Yemen.", "Missiles flew toward the M/V Limburg."]
)
def test_a_ship_s_name_is_no_place(gz: Gazetteer, text: str) -> None:
    assert "Limburg" not in [m.text for m in gz.spot(text) if m.place is not None]
