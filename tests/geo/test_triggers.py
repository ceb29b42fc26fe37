"""Trigger phrases, their determiners, counts and weapons, and the cues that make no event.

All sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from gazetteer import Gazetteer
from geo.articles.article import Article
from geo.extract.generic import negation
from geo.extract.pipeline import extract
from geo.extract.triggers import Trigger, default_kind, find_triggers


def only(text: str) -> Trigger:
    found = find_triggers(text)
    assert len(found) == 1, found
    return found[0]


def trigger_at(text: str, phrase: str) -> Trigger:
    found = [t for t in find_triggers(text) if t.text == phrase]
    assert len(found) == 1, find_triggers(text)
    return found[0]


# --- strong and weak ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "strong"),
    [
        ("An airstrike flattened the depot.", "airstrike", True),
        ("Jets carried out air raids overnight.", "Jets carried out air raids", True),
        ("A rocket attack shook the compound.", "rocket attack", True),
        ("A barrage of rockets landed near the runway.", "barrage of rockets", True),
        ("Mortar rounds were fired at the camp.", "Mortar rounds were fired", True),
        ("The gunmen fired three rockets at the base.", "fired three rockets", True),
        ("Jets hit five weapons depots.", "Jets hit five weapons depots", True),
        ("A drone boat exploded beside the tanker.", "drone boat", True),
        ("The strike destroyed a warehouse.", "strike", False),
        ("The attack began before dawn.", "attack", False),
        ("The convoy was struck near the crossing.", "was struck", False),
        ("Shelling continued for hours.", "Shelling", False),
        ("Russian missiles pounded the port.", "missiles pounded", True),
        ("Russian Missiles Pound Kharkiv", "Missiles Pound", True),
    ],
)
def test_strong_and_weak_triggers(text: str, phrase: str, strong: bool) -> None:
    trig = only(text)
    assert (trig.text, trig.strong) == (phrase, strong)
    assert text[trig.start : trig.end] == phrase


@pytest.mark.parametrize(
    ("text", "phrase", "weapon"),
    [
        (
            "The rebels fired an anti-ship ballistic missile at a tanker.",
            "fired an anti-ship ballistic missile",
            "missile",
        ),
        ("The militia launched a drone at the airport.", "launched a drone", "drone"),
        (
            "Bombers struck command and control facilities near the river.",
            "Bombers struck command and control facilities",
            "airstrike",  # from the aircraft, never from the target's words
        ),
        (
            "Jets struck Houthi missile launch sites overnight.",
            "Jets struck Houthi missile launch sites",
            "airstrike",
        ),
        (
            "Aircraft hit ammunition warehouses at dawn.",
            "Aircraft hit ammunition warehouses",
            "airstrike",
        ),
        ("Militants struck missile sites at dawn.", "Militants struck missile sites", ""),
    ],
)
def test_singular_launches_and_long_objects(text: str, phrase: str, weapon: str) -> None:
    trig = only(text)
    assert (trig.text, trig.strong, trig.weapon) == (phrase, True, weapon)


def test_a_trigger_and_what_it_hit_are_one_trigger() -> None:
    text = "An airstrike hit a militia headquarters in the city on Wednesday."
    trig = only(text)
    assert (trig.text, trig.kind, trig.weapon, trig.determiner) == (
        "airstrike hit a militia headquarters",
        "strike",
        "airstrike",
        "indefinite",
    )


def test_launched_rocket_attacks_is_the_attacks_phrase() -> None:
    assert only("Militias launched rocket attacks on the bases.").text == "rocket attacks"


def test_several_triggers_in_order_without_overlap() -> None:
    text = "A US airstrike razed the depot; the strike came a day after a rocket attack on a base."
    found = find_triggers(text)
    assert [t.text for t in found] == ["airstrike", "strike", "rocket attack"]
    assert [t.strong for t in found] == [True, False, True]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# --- determiners ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "determiner"),
    [
        ("The airstrike killed two.", "airstrike", "definite"),
        ("Officials blamed the group for this attack.", "attack", "definite"),
        ("Sunday's strike was the third this month.", "strike", "definite"),
        ("Its airstrikes hit four bridges.", "airstrikes", "definite"),
        ("Another rocket barrage hit the embassy.", "rocket barrage", "another"),
        ("A second drone attack followed at noon.", "drone attack", "another"),
        ("A drone attack hit the airport.", "drone attack", "indefinite"),
        ("An airstrike hit the airport.", "airstrike", "indefinite"),
        ("Fighters fired rockets at the base.", "fired rockets", ""),
    ],
)
def test_determiners(text: str, phrase: str, determiner: str) -> None:
    assert trigger_at(text, phrase).determiner == determiner


def test_a_clause_cuts_the_walk_back_to_a_determiner() -> None:
    # "the" governs "United States", not "air strikes".
    trig = trigger_at("The United States launched air strikes overnight.", "air strikes")
    assert trig.determiner == ""
    assert trig.plural


# --- counts: aggregates, not single events --------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "count"),
    [
        ("There were five drone attacks on the base last month.", "drone attacks", 5),
        ("Militias have claimed 25 attacks since November.", "attacks", 25),
        (
            "Jets have struck militia targets 11 times this year.",
            "Jets have struck militia targets",
            11,
        ),
        ("The base has been struck 11 times since October.", "been struck", 11),
        ("The outpost was hit three times in one week.", "was hit", 3),
        ("Dozens of rocket attacks were recorded.", "rocket attacks", None),
    ],
)
def test_counts_of_events(text: str, phrase: str, count: int | None) -> None:
    assert trigger_at(text, phrase).count == count


@pytest.mark.parametrize(
    "text",
    [
        "The Oct. 7 attack changed the region.",
        "The 2020 strike killed a general.",
        "One rocket attack hit the camp.",
    ],
)
def test_days_years_and_one_are_not_counts(text: str) -> None:
    assert only(text).count is None


# --- plurals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "plural"),
    [
        ("Militias have launched rocket attacks on bases.", "rocket attacks", True),
        ("Airstrikes pounded the valley.", "Airstrikes", True),
        ("An airstrike pounded the valley.", "airstrike", False),
        ("A barrage of rockets hit the valley.", "barrage of rockets", False),
        ("Bombings shook the city.", "Bombings", True),
        ("The ship was struck at dawn.", "was struck", False),
    ],
)
def test_plural(text: str, phrase: str, plural: bool) -> None:
    assert trigger_at(text, phrase).plural is plural


# --- weapons and kinds ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "weapon", "kind"),
    [
        ("An airstrike destroyed the depot.", "airstrike", "airstrike", "strike"),
        ("An air raid destroyed the depot.", "air raid", "airstrike", "strike"),
        ("A drone attack destroyed the depot.", "drone attack", "drone", ""),
        ("A drone strike destroyed the depot.", "drone strike", "drone", ""),
        ("Suicide drones destroyed the depot.", "Suicide drones", "drone", "attack"),
        ("A rocket attack destroyed the depot.", "rocket attack", "rocket", ""),
        (
            "A barrage of 30 rockets destroyed the depot.",
            "barrage of 30 rockets",
            "rocket",
            "",  # the actor decides ("Russia's barrage"), else an attack (default_kind)
        ),
        ("A missile strike destroyed the depot.", "missile strike", "missile", ""),
        (
            "A ballistic missile attack destroyed the depot.",
            "ballistic missile attack",
            "missile",
            "",
        ),
        ("A mortar attack destroyed the depot.", "mortar attack", "artillery", ""),
        ("A drone boat hit the tanker.", "drone boat hit the tanker", "vessel", "attack"),
        (
            "An unmanned surface vessel hit the tanker.",
            "unmanned surface vessel hit the tanker",
            "vessel",
            "attack",
        ),
        ("An IED hit the convoy.", "IED hit the convoy", "ied", "attack"),
        ("A roadside bomb hit the convoy.", "roadside bomb hit the convoy", "ied", "attack"),
        (
            "A car bomb went off at the checkpoint.",
            "car bomb went off",
            "ied",
            "attack",
        ),
    ],
)
def test_weapons_and_kinds(text: str, phrase: str, weapon: str, kind: str) -> None:
    trig = trigger_at(text, phrase)
    assert (trig.weapon, trig.kind) == (weapon, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A drone strike destroyed the depot.", "strike"),
        ("A drone attack destroyed the depot.", "attack"),
        ("A missile strike destroyed the depot.", "strike"),
        ("Rockets were fired at the base.", "attack"),
        ("Jets hit five weapons depots.", "strike"),
        ("An airstrike destroyed the depot.", "strike"),
        ("An IED hit the convoy.", "attack"),
    ],
)
def test_default_kind_without_an_actor(text: str, kind: str) -> None:
    assert default_kind(find_triggers(text)[0]) == kind


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("A US drone attack in Baghdad killed a militia commander on Thursday.", "strike", "US"),
        ("A Houthi drone strike hit a US warship in the Red Sea on Thursday.", "attack", "Houthi"),
        ("A drone strike carried out by Kataib Hezbollah hit Erbil on Thursday.", "attack", "KH"),
    ],
)
def test_the_actor_decides_the_kind(gz: Gazetteer, text: str, kind: str, actor: str) -> None:
    article = Article(id="k", text=text, published=dt.date(2024, 1, 5))
    events = extract([article], gazetteer=gz).events
    assert len(events) == 1
    assert events[0].kind == kind
    expected_side = "us_coalition" if actor == "US" else "iran_aligned"
    assert events[0].actor_side == expected_side


# --- negation: no event -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "why"),
    [
        ("US officials vowed more strikes against the militias.", "strikes", "threat"),
        ("More strikes may follow, the general said.", "strikes", "threat"),
        ("The militia threatened to launch drone attacks on US bases.", "drone attacks", "threat"),
        ("The group warned of further drone strikes.", "drone strikes", "threat"),
        ("Kataib Hezbollah denied the attack.", "attack", "denial"),
        ("The Pentagon denied carrying out the airstrike.", "airstrike", "denial"),
        ("Baghdad condemned the airstrike as a violation.", "airstrike", "condemnation"),
        ("The ministry denounced the strike.", "strike", "condemnation"),
        (
            "Mourners attended the funeral of those killed in the strike.",
            "strike",
            "funeral or protest",
        ),
        (
            "Protesters rallied outside the embassy after the airstrike.",
            "airstrike",
            "funeral or protest",
        ),
    ],
)
def test_negation_cues(text: str, phrase: str, why: str) -> None:
    trig = trigger_at(text, phrase)
    assert negation(text, trig.start, trig.end) == why


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A drone strike killed two fighters on Sunday.", "drone strike"),
        ("The strike destroyed a weapons depot, officials said.", "strike"),
        (
            "Rockets were fired at the base after the militia issued a statement.",
            "Rockets were fired",
        ),
        ("An airstrike hit a convoy near the border crossing.", "airstrike hit a convoy"),
    ],
)
def test_reports_are_not_negated(text: str, phrase: str) -> None:
    trig = trigger_at(text, phrase)
    assert negation(text, trig.start, trig.end) == ""


def test_a_threat_far_before_the_trigger_does_not_negate_it() -> None:
    text = (
        "The militia threatened Washington for months and mobilised its fighters; on Sunday a "
        "drone attack hit the base."
    )
    trig = trigger_at(text, "drone attack")
    assert negation(text, trig.start, trig.end) == ""


# --- the lexicon: agents, verbs in every inflection, event nouns -------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "weapon"),
    [
        ("Gunmen opened fire on a police patrol.", "Gunmen opened fire", "attack", ""),
        (
            "Gunmen on motorcycles open fire on a patrol.",
            "Gunmen on motorcycles open fire",
            "attack",
            "",
        ),
        ("Suicide Bomber Kills 12 at Kabul Checkpoint", "Suicide Bomber Kills", "", "ied"),
        (
            "Israeli warplanes on Sunday struck several buildings.",
            "warplanes on Sunday struck several buildings",
            "strike",
            "airstrike",
        ),
        (
            "Powerful explosions hit several security complexes.",
            "explosions hit several security complexes",
            "attack",
            "ied",
        ),
        (
            "Three mortar rounds fell inside the Green Zone.",
            "mortar rounds fell inside",
            "",
            "artillery",
        ),
        ("Militants ambushed an army convoy.", "Militants ambushed an army convoy", "attack", ""),
        ("Insurgents stormed the outpost.", "Insurgents stormed the outpost", "attack", ""),
    ],
)
def test_an_agent_and_an_action_verb_report_an_event(
    text: str, phrase: str, kind: str, weapon: str
) -> None:
    trig = trigger_at(text, phrase)
    assert (trig.kind, trig.weapon, trig.strong) == (kind, weapon, True)


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers were killed.",
        "Security forces killed two suspects.",
        "US forces have hit militias before.",
        "The jets and helicopters returned to base.",
    ],
)
def test_passives_units_and_coordination_are_no_agent_trigger(text: str) -> None:
    assert all(not t.strong for t in find_triggers(text))


def test_bombings_are_the_actors_to_decide_and_default_to_attacks() -> None:
    [trig] = find_triggers("Multiple bombings in Damascus killed 83 people.")
    assert (trig.kind, default_kind(trig)) == ("", "attack")
    [trig] = find_triggers("Aircraft bombed the bridge.")
    assert default_kind(trig) == "strike"


def test_every_lexicon_form_passes_the_cheap_sentence_test() -> None:
    """The prefilter must not drop a sentence whose only event word is in the lexicon
    ("Afghanistan: Roadside Blast Kills 10" was skipped before the prefilter knew "blast")."""
    from geo.extract.spans import lexicon
    from geo.extract.triggers import may_report

    # an agent reports an event only with an action verb: the verb forms must pass
    missed = [f for f in lexicon.verb_forms() + lexicon.noun_forms() if not may_report(f)]
    assert missed == []
    assert may_report("Afghanistan: Roadside Blast Kills 10")


def test_victim_participles_pass_the_cheap_sentence_test() -> None:
    from geo.extract.spans import lexicon
    from geo.extract.triggers import may_report

    assert [p for p in lexicon.VICTIM_PARTICIPLES if not may_report(f"he was {p}")] == []
    assert may_report("The patrol came under fire.")


@pytest.mark.parametrize(
    "text",
    [
        "Two officers are shot dead outside a restaurant in Khanewal.",
        "A journalist was assassinated in Afgooye.",
        "The convoy came under heavy fire near Kunduz.",
    ],
)
def test_a_passive_of_force_names_victims_as_a_weak_mention(text: str) -> None:
    [trig] = find_triggers(text)
    assert not trig.strong and default_kind(trig) == "attack"


def test_a_day_before_a_dash_is_no_count_of_events() -> None:
    [trig] = find_triggers("- 22 February – Pakistan carries out airstrikes on militant camps.")
    assert trig.count is None


@pytest.mark.parametrize(
    "text", ["Typhoons destroyed a mechanical excavator.", "Two Su-34s bombed the bridge."]
)
def test_airframes_are_aircraft_agents(text: str) -> None:
    [trig] = find_triggers(text)
    assert (trig.kind, trig.weapon, trig.strong) == ("strike", "airstrike", True)


@pytest.mark.parametrize(
    ("text", "strong"),
    [
        ("10 Police Killed in Afghanistan", False),
        ("Federal Government of Somalia, U.S. target al-Shabaab network", True),
        ("Condemnation of the Baghdad Bomb Attacks", True),
    ],
)
def test_headline_forms(text: str, strong: bool) -> None:
    assert [t.strong for t in find_triggers(text)] == [strong]


def test_a_bare_gerund_after_of_is_an_activity() -> None:
    from geo.extract.generic import early_skip

    s = "Rights groups have accused the coalition of bombing civilian areas since March 2015."
    [trig] = [t for t in find_triggers(s) if t.text == "bombing"]
    assert early_skip(s, trig, "", False) == "an activity, not one event"


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("At least 34 rockets are fired from southern Lebanon toward northern Israel.", "rocket"),
        ("Israel later fires artillery toward two Lebanese villages.", "artillery"),
    ],
)
def test_launches_in_the_present(text: str, weapon: str) -> None:
    [trig] = find_triggers(text)
    assert (trig.strong, trig.weapon) == (True, weapon)


def test_bomb_attacks_is_a_plural_noun_not_a_bomb_that_attacks() -> None:
    [trig] = find_triggers("There have been a number of recent bomb attacks in Gao.")
    assert (trig.text, trig.plural, trig.weapon) == ("bomb attacks", True, "ied")


def test_used_something_to_attack_is_an_attack_carried_out() -> None:
    from geo.extract.generic import negation

    s = "Taliban fighters used tunnels to attack government checkpoints."
    trig = trigger_at(s, "fighters used tunnels to attack")
    assert (negation(s, trig.start, trig.end), trig.strong) == ("", True)
    s = "The ships are under orders not to attack targets on land."
    trig = trigger_at(s, "attack")
    assert negation(s, trig.start, trig.end) == "infinitive"


def test_intercepted_rockets_are_an_attack_that_failed() -> None:
    [trig] = find_triggers("Air defences intercepted 36 rockets over Tel Aviv.")
    # an attack when no actor says otherwise: "drones launched by Russia" were a strike
    assert (trig.weapon, trig.kind, default_kind(trig), trig.strong) == (
        "rocket",
        "",
        "attack",
        False,
    )


def test_a_present_launch_takes_no_determiner_from_the_words_before() -> None:
    [trig] = find_triggers(
        "The frigate in the Mediterranean Sea launches cruise missiles at targets."
    )
    assert (trig.determiner, trig.strong) == ("", True)
