"""The lexicon of event predicates: verbs and nouns that report a strike or an attack, and
the agents that carry them out, in all their inflections.

Each verb is given once as a lemma; :func:`inflections` makes its forms (present, third
person, past, participle, gerund), so "strike", "strikes", "struck" and "striking" are one
entry and a headline's present tense ("Suicide bomber kills 12") is covered with the report's
past tense.  :mod:`geo.extract.spans.predicates` arranges the entries into the patterns
that :mod:`geo.extract.triggers` matches.

Coverage follows the event definitions of the ACLED codebook (air/drone strikes, shelling,
artillery and missile attacks, remote explosives and IEDs, suicide bombs, grenades, armed
clashes and attacks) and the material-conflict verb classes of the CAMEO codebook (codes 18
"assault" and 19 "fight"); the words are our own.

Examples
--------
>>> inflections("strike")
('strike', 'strikes', 'struck', 'striking', 'stricken')
>>> inflections("target")
('target', 'targets', 'targeted', 'targeting', 'targetted')
>>> inflections("open fire")
('open fire', 'opens fire', 'opened fire', 'opening fire')
>>> AGENTS["warplanes"]
Agent(kind='strike', weapon='airstrike')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = [
    "ACTION_VERBS",
    "AGENTS",
    "CLAIM",
    "EVENT_NOUNS",
    "VICTIM_PARTICIPLES",
    "Agent",
    "inflections",
    "pattern",
    "verb_forms",
    "without_often",
]

#: A claim of an event, whose claimant did it: "IS claimed (responsibility for) the attack".
CLAIM = r"claim(?:s|ed)?(?:\s+(?:responsibility|credit)\s+for)?"

# Irregular verbs: lemma -> (third person, past, gerund, participles other than the past).
_IRREGULAR: Final[dict[str, tuple[str, str, str, tuple[str, ...]]]] = {
    "strike": ("strikes", "struck", "striking", ("stricken",)),
    "hit": ("hits", "hit", "hitting", ()),
    "shoot": ("shoots", "shot", "shooting", ()),
    "fall": ("falls", "fell", "falling", ("fallen",)),
    "blow up": ("blows up", "blew up", "blowing up", ("blown up",)),
    "go off": ("goes off", "went off", "going off", ("gone off",)),
    "tear through": ("tears through", "tore through", "tearing through", ("torn through",)),
    "rip through": ("rips through", "ripped through", "ripping through", ()),
    "target": ("targets", "targeted", "targeting", ("targetted",)),
    "kill": ("kills", "killed", "killing", ()),
    "overrun": ("overruns", "overran", "overrunning", ()),
}


def inflections(lemma: str) -> tuple[str, ...]:
    """The forms of a verb (its first word inflected for phrasal verbs: "open fire")."""
    if lemma in _IRREGULAR:
        third, past, gerund, more = _IRREGULAR[lemma]
        return (lemma, third, past, gerund, *more)
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    third = head + ("es" if head.endswith(("sh", "ch", "s", "x")) else "s")
    if head.endswith("e"):
        past, gerund = head + "d", head[:-1] + "ing"
    elif head.endswith("y") and head[-2] not in "aeiou":
        past, gerund = head[:-1] + "ied", head + "ing"
    else:
        past, gerund = head + "ed", head + "ing"
    return tuple(w + tail for w in (head, third, past, gerund))


@dataclass(frozen=True, slots=True)
class Agent:
    """Who or what carries out an event: the kind it implies ('' when the actor must say)
    and the weapon it implies ('' when none)."""

    kind: str
    weapon: str


#: Agents that, as the subject of an action verb, report an event ("gunmen opened fire",
#: "warplanes struck", "a blast killed"). Aircraft imply a state's forces and an airstrike.
AGENTS: Final[dict[str, Agent]] = {
    **dict.fromkeys(
        (
            "gunmen",
            "gunman",
            "pirates",
            "militants",
            "insurgents",
            "attackers",
            "assailants",
            "fighters",
            "rebels",
            "jihadists",
            "extremists",
            "terrorists",
            "armed men",
            "militiamen",
            "bandits",
            # one of them: "another attacker exploded outside a bank" (not "militant", "terrorist":
            # adjectives as often, "a terrorist attack")
            "attacker",
            "assailant",
        ),
        Agent("attack", ""),
    ),
    **dict.fromkeys(("suicide bomber", "suicide bombers", "bomber"), Agent("", "ied")),
    # hired fighters, a state's or a group's: the actor decides ("Wagner mercenaries")
    **dict.fromkeys(("mercenaries", "mercenary"), Agent("", "")),
    # bombs that aircraft drop: "a glide bomb hit a supermarket", "barrel bombs struck"
    **dict.fromkeys(
        (f"{k} bomb{s}" for k in ("glide", "aerial", "guided", "barrel") for s in ("", "s")),
        Agent("strike", "airstrike"),
    ),
    **dict.fromkeys(
        (
            "explosion",
            "explosions",
            "blast",
            "blasts",
            "explosive device",
            "explosive devices",
            "landmine",
            "landmines",
            "land mine",
            "car bombs",
            "car bomb",
            "truck bomb",
            "bombs",
            "bomb",
        ),
        Agent("attack", "ied"),
    ),
    **dict.fromkeys(
        (
            "warplanes",
            "warplane",
            "jets",
            "fighter jets",
            "fighter jet",
            "aircraft",
            "planes",
            "airplanes",
            "airplane",
            "helicopters",
            "helicopter",
            "gunships",
            "gunship",
            "helicopter gunships",
            "fighter aircraft",
            "coalition aircraft",
            "government aircraft",
            "bombers",
            # airframes, by the names reports give them ("Typhoons destroyed", "an RAF Reaper
            # struck", "Su-34s bombed")
            *(
                f"{name}{plural}".lower()
                for name in (
                    "Typhoon",
                    "Tornado",
                    "Reaper",
                    "MQ-9",
                    "MQ-9 Reaper",
                    "Predator",
                    "F-15",
                    "F-15E",
                    "F-16",
                    "F-18",
                    "F/A-18",
                    "F-22",
                    "F-35",
                    "A-10",
                    "AC-130",
                    "B-1",
                    "B-1B",
                    "B-2",
                    "B-52",
                    "Su-24",
                    "Su-25",
                    "Su-30",
                    "Su-34",
                    "Su-35",
                    "MiG-29",
                    "Mirage",
                    "Mirage 2000",
                    "Rafale",
                    "Apache",
                    "Tucano",
                )
                for plural in ("", "s")
            ),
        ),
        Agent("strike", "airstrike"),
    ),
    **dict.fromkeys(
        (
            "artillery",
            "howitzers",
            "tanks",
            "troops",
            "soldiers",
            "forces",
            "security forces",
            "special forces",
            "commandos",
            "marines",
            "paratroopers",
            "rangers",
            "navy",
            "warships",
            "warship",
            "destroyer",
            "destroyers",
            "frigate",
            "frigates",
            "submarine",
            "submarines",
            "cruiser",
            "corvette",
        ),
        Agent("strike", ""),
    ),
    **dict.fromkeys(
        ("shells", "mortar rounds", "mortar shells", "grenade", "grenades"), Agent("", "artillery")
    ),
}

#: Verbs of using force on a target, by lemma: the weapon they imply ('' when none).
ACTION_VERBS: Final[dict[str, str]] = {
    "strike": "",
    "hit": "",
    "target": "",
    "attack": "",
    "bomb": "",
    "shell": "artillery",
    "pound": "",
    "raid": "",
    "storm": "",
    "ambush": "",
    "assault": "",
    "kill": "",
    "open fire": "",
    "shoot": "",
    "fire on": "",
    "fire at": "",
    "fire upon": "",
    "detonate": "ied",
    "explode": "ied",
    "blow up": "ied",
    "go off": "ied",
    "rock": "ied",
    "tear through": "ied",
    "rip through": "ied",
    "destroy": "",
    "engage": "",
    "wound": "",
    "injure": "",
    "damage": "",
    "massacre": "",
    "behead": "",
    "execute": "",
    "invade": "",
    "overrun": "",
    "clash": "",
    "hijack": "",
    # taking a place by force, only with the place as object (see triggers): "captured the city
    # of Al Hazm", not "captured two soldiers"
    "capture": "",
    "seize": "",
}

#: Nouns that name one event: the weapon they imply ('' when none). "strike" and "attack"
#: themselves are in :mod:`geo.extract.triggers` with their compounds.
EVENT_NOUNS: Final[dict[str, str]] = {
    "ambush": "",
    "shooting": "",
    "gunfire": "",
    "bombardment": "artillery",
    "shelling": "artillery",
    "explosion": "ied",
    "blast": "ied",
    "bombing": "",
    "massacre": "",
    "clash": "",
    "hijacking": "",
    # fire of small arms and guns: "positions were the target of small arms fire"
    "small arms fire": "",
    "small-arms fire": "",
    "machine gun fire": "",
    "machine-gun fire": "",
    "sniper fire": "",
    "tank fire": "artillery",
    "firefight": "",
    "gun battle": "",
    "gunfight": "",
    "shootout": "",
    "shoot-out": "",
    "skirmish": "",
}


#: Participles that, in the passive, say someone fell victim to force ("two officers are shot
#: dead", "a journalist was assassinated", "the convoy came under fire"): a mention of an event
#: that names its victims rather than the event, so it refers to an event reported beside it
#: and stands alone only with a day and a place of its own.
VICTIM_PARTICIPLES: Final[tuple[str, ...]] = (
    "killed",
    "shot dead",
    "shot and killed",
    "shot",
    "gunned down",
    "assassinated",
    "executed",
    "beheaded",
    "massacred",
    "ambushed",
    "attacked",
    "fired upon",
    "fired on",
    "abducted and killed",
    "abducted and executed",
)


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith(("sh", "ch", "s", "x")) else "s")


def pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` (longest first; spaces match any whitespace)."""
    ordered = sorted(set(words), key=len, reverse=True)
    out = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    # "fired 47 times on populated areas", "opened fire repeatedly at": how often, before the
    # preposition of a phrasal verb
    return re.sub(r"\\s\+(on|at|upon)(?=\||$)", _OFTEN + r"\\s+\1", out)


_OFTEN = r"(?:\\s+(?:\\w+\\s+times|repeatedly|again|indiscriminately))?"
_HOW_OFTEN = re.compile(
    r"\s+(?:\w+\s+times|repeatedly|again|indiscriminately)(?=\s+(?:on|at|upon)$)"
)


def without_often(form: str) -> str:
    """A phrasal verb's form without how often ("fired 47 times on" -> "fired on")."""
    return _HOW_OFTEN.sub("", form)


def verb_forms(lemmas: list[str] | None = None) -> list[str]:
    """Every form of the action verbs (or of ``lemmas``)."""
    return [f for lemma in (lemmas or list(ACTION_VERBS)) for f in inflections(lemma)]


def noun_forms() -> list[str]:
    """Singular and plural of the event nouns."""
    return [f for noun in EVENT_NOUNS for f in (noun, _plural(noun))]
