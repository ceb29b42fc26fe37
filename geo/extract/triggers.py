"""Words that report a strike or an attack, and the cues that say a mention is no event.

A :class:`Trigger` is one such phrase in a text.  *Strong* triggers ("airstrike",
"rocket attack", "barrage of rockets", "hit five targets", "drone boat") can report
a new event; *weak* ones ("the strike", "the attack", "was struck") only refer
back to an event already reported.  ``kind`` is ``"strike"`` or ``"attack"`` when
the words decide it and ``""`` when the actor must ("drone strike" by the US is a
strike, by the Houthis an attack).

Examples
--------
>>> [(t.text, t.kind, t.weapon, t.strong) for t in find_triggers(
...     "A U.S. airstrike killed him; the strike came after a rocket attack.")]
[('airstrike', 'strike', 'airstrike', True), ('strike', '', '', False), \
('rocket attack', '', 'rocket', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.spans import lexicon
from geo.extract.spans.counts import TIMES
from geo.extract.spans.predicates import RULES as _RULES
from geo.extract.spans.predicates import SCAN as _SCAN
from geo.extract.spans.predicates import UNIT_VERBS as _UNIT_VERBS
from geo.extract.spans.predicates import WEAPON_WORDS as _W
from geo.extract.spans.predicates import may_report

__all__ = ["Trigger", "default_kind", "elliptic", "find_triggers", "may_report", "row_trigger"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A phrase reporting a strike or attack.

    Attributes
    ----------
    start, end : int
        Span in the text searched.
    text : str
        The phrase as written.
    kind : str
        ``"strike"``, ``"attack"`` or ``""`` (decided by the actor).
    weapon : str
        ``airstrike``, ``drone``, ``rocket``, ``missile``, ``vessel``, ``ied``,
        ``artillery`` or ``""``.
    strong : bool
        Whether the phrase can report a new event by itself.
    determiner : str
        ``"definite"`` (the, this, its, Sunday's), ``"another"`` (another, a
        second), ``"indefinite"`` (a, an) or ``""``.
    plural : bool
        A plural noun ("airstrikes").
    count : int or None
        A number counting events ("25 attacks", "11 times"): an aggregate.
    """

    start: int
    end: int
    text: str
    kind: str
    weapon: str
    strong: bool
    determiner: str
    plural: bool
    count: int | None


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NUMBER_WORDS |= {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozens": 24, "several": 3}
_DETERMINERS = {"the": "definite", "this": "definite", "that": "definite", "these": "definite"}
_DETERMINERS |= {"those": "definite", "its": "definite", "their": "definite", "his": "definite"}
_DETERMINERS |= {"another": "another", "second": "another", "third": "another", "new": "another"}
_DETERMINERS |= {"separate": "another", "further": "another"}
_DETERMINERS |= {"a": "indefinite", "an": "indefinite", "one": "indefinite"}
_ORDINALS = frozenset(("second", "third", "fourth", "fifth", "first", "latest"))
_CLAUSE = frozenset(
    (
        *"that which who and or of in on by for to with after before since out".split(),
        # the verbs that do an event, in any tense: "the Taliban carry out attacks"
        *(
            form
            for lemma in "carry launch conduct mount stage perform make resume continue".split()
            for form in lexicon.inflections(lemma)
        ),
    )
)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$"
)
_HIT_BY_PROJECTILE = re.compile(r"(?:was|were|been)\s+(?:hit|struck|targeted)\s+by\s", re.I)
_PROJECTILE_SUBJECT = re.compile(
    r"(?:rockets?|missiles?|drones?|mortars?|mortar\s+(?:rounds?|shells?)|projectiles?|shells)"
    # "a drone launched from Lebanon hit a house"
    r"\s+(?:(?:fired|launched)\s+(?:from|by)\s+(?:the\s+)?(?:[\w\-]+\s+){1,3}?)?(?:\w+ly\s+)?(?:were|was|had"
    r"|hits?|struck|slam(?:s|med)|land(?:s|ed)|target(?:s|ed)|attack(?:s|ed)|explode[sd]|packed|laden"
    r"|loaded|armed|rigged)\b",
    re.I,
)
_SPONSORED = re.compile(r"[\-–](?:backed|supported|sponsored|aligned|allied)\s+(?:\w+\s+)?$", re.I)
_HIT_OBJECT = re.compile(r"(?:hits?|struck|target(?:s|ed)?|bomb(?:s|ed))\s", re.I)
_VERB_START = re.compile(
    r"(?:hits?|struck|target(?:s|ed)?|bomb(?:s|ed)|fire[sd]|launch(?:es|ed|ing)|was|were|been"
    r"|being)\b",
    re.I,
)
# Passives of force count people, not events: "10 Police Killed in Afghanistan".
_VICTIM_START = re.compile(
    r"(?:is|are|killed|shot|gunned|assassinated|c(?:ame|omes?|oming))\b", re.I
)
_NOUN_LIKE = frozenset({"attacks", "strikes", "raids", "assaults", "ambushes", "shells", "bombs"})
_ADJ_ED = frozenset(
    """alleged suspected coordinated renewed repeated unmanned armed unprovoked attempted failed
    foiled reported coordinated sustained concentrated combined unclaimed""".split()
)
_WORD = re.compile(r"[\w.'’\-]+")
_ASIDE = re.compile(r"\([^()]*\)")
# Capitalised words before a number that make no name with it ("On Monday 3 strikes").
_NOT_NAMES = frozenset(
    """on in at by since after before and but the a an monday tuesday wednesday thursday
    friday saturday sunday""".split()
)
_CRAFT = re.compile(
    r"(?:\s*,\s*|\s+(?:and|or)\s+|\s+)(?:[\w\-]+,?\s+){0,4}?(?:aircraft|helicopters?|planes?|jets?"
    r"|submarines?|boats?|craft)\b",
    re.I,
)
_CARRIED = re.compile(r"\b(?:conducted|carried\s+out|launched|mounted|made|flew|performed)\b", re.I)


def _determiner(text: str, start: int) -> tuple[str, int | None]:
    """The determiner or count governing the noun at ``start``: walk back over modifiers."""
    window = text[max(0, start - 60) : start]
    window = _ASIDE.sub(" ", window)  # "the early (Thursday) morning blasts"
    window = window[max(window.rfind(c) for c in "–—:;(|") + 1 :]  # within the clause
    words = _WORD.findall(window)[-5:]
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        low = word.lower().strip(".")
        if re.fullmatch(r"[a-z]+day['’]s", low):
            return "definite", None
        joined = low in ("and", "or") and 0 < k < len(words) - 1 and words[k - 1][:1].isupper()
        if joined and words[k + 1][:1].isupper():
            continue  # "931 American and British airstrikes": adjectives, one phrase
        if low in ("that", "this", "these", "those") and word is not words[-1]:
            return "", None  # "groups that were behind drone attacks"
        if low in _ORDINALS and k > 0 and words[k - 1].lower() in ("the", "its"):
            return "definite", None  # "the second U.S. airstrike in Somalia in 2020": this one
        if low in _DETERMINERS:
            return _DETERMINERS[low], None
        if low.isdigit():
            if int(low) >= 1000 or _MONTH_BEFORE.search(text[:start].rsplit(word, 1)[0]):
                continue  # a year or a day of a date ("the Oct. 7 attack")
            at = words.index(word)
            name = at > 0 and words[at - 1][:1].isupper()
            if name and words[at - 1].lower().strip(".,") not in _NOT_NAMES:
                return "", None  # the number of a name: "the Tower 22 drone attack"
            return "", int(low)
        if low in _NUMBER_WORDS:
            return "", _NUMBER_WORDS[low]
        if low in _CLAUSE or (low.endswith("ed") and "-" not in low and low not in _ADJ_ED):
            return "", None  # a clause or a verb: "the United States launched air strikes"
    return "", None


# A participle after an agent that is done to it: "the terrorists targeted in the strikes".
_REDUCED_PASSIVE = re.compile(
    r"(?<=ed|ck|it|ot)\s+(?:in|by|during)\s+(?:the|an?|their|its|this|these|those|U\.S\.)\s",
    re.I,
)
_KILLED_WHERE = re.compile(r"(?:killed|wounded|injured)\s+(?:in|near|at|during)\s", re.I)
# Taking a place: the verbs, and the places they take.
_TAKING = frozenset({"capture", "seize"})
_TAKEN = re.compile(
    r"\s+(?:(?:the|an?)\s+)?(?:(?:[\w\-]+\s+){0,5}?(?:city|town|village|base|barracks|airport"
    r"|district|capital|outpost|garrison|military\s+post|checkpoints?|tanker|ship|vessel)\b"
    r"|(?-i:[A-Z])[\w\-’']+(?=[\s,.;]))",
    re.I,
)


_DONE_TO = frozenset("target strike hit attack bomb shell raid kill wound injure ambush".split())
# A bare verb form that modifies the noun after it: "bomb damage", "attack site".
_COMPOUND = re.compile(
    r"\s+(?:damage|disposal|squads?|threats?|scares?|shelters?|sites?|scene|craters?|victims"
    r"|survivors|aftermath|zone)\b",
    re.I,
)
# An agent that is the object of a preposition is no subject of the verb after it.
_OBJECT_OF = re.compile(
    r"\b(?:for|against|on|at|toward|towards|with|to)\s+(?:the\s+)?"
    # not a day: "On Monday troops raided a compound"
    r"(?:(?!(?:\w+day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"(?-i:[A-Z])[\w.\-]*\s+){0,2}$",
    re.I,
)


# A device that force is used on: "a strike against a vehicle-borne IED", "destroyed two IEDs".
_TARGET_OF = re.compile(
    r"\b(?:against|targeting|targeted|destroy(?:ed|ing|s)?|struck|hit|disabled|defused"
    r"|dismantled|cleared)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?"
    r"(?:(?!(?:by|with|from)\b)[\w\-]+\s+){0,3}$",
    re.I,
)


# A list of targets that a device ends: "strikes against three mobile anti-ship cruise
# missiles, one unmanned underwater vessel and one unmanned surface vessel".
_TARGETS_LISTED = re.compile(
    r"\b(?:against|targeting|destroy(?:ed|ing)|engag(?:ed|ing))\s+[^.;:()]{0,150}?(?:,|\band)\s+"
    r"(?:an?|one|two|three|\d+)\s+(?:[\w\-]+\s+){0,3}$",
    re.I,
)


def find_triggers(text: str) -> list[Trigger]:
    """Return the strike and attack phrases in ``text``, in order, without overlaps.

    Examples
    --------
    >>> [(t.text, t.determiner, t.count) for t in find_triggers(
    ...     "Another rocket barrage hit the embassy; there were five drone attacks since May.")]
    [('rocket barrage', 'another', None), ('drone attacks', '', 5)]
    >>> [t.weapon for t in find_triggers("A barrage of over 30 rockets and a drone boat.")]
    ['rocket', 'vessel']
    """
    found: list[Trigger] = []
    for m in _SCAN.finditer(text):
        rule = int((m.lastgroup or "r0")[1:])
        _, kind, weapon, strong = _RULES[rule]
        phrase = m.group(0)
        groups = ("w", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9")
        named = [m.group(g) for g in groups if m.group(g)]
        if phrase.lower() == "attack" and _CRAFT.match(text, m.end()):
            continue  # "attack and remotely piloted aircraft", "attack helicopters": craft
        if phrase.lower() == "attack" and re.match(r"\s+drones?\b", text[m.end() :], re.I):
            if re.match(
                r"\s+drones\s+(?!(?:struck|hit|attacked|exploded|slammed|crashed)\b)",
                text[m.end() :],
                re.I,
            ):
                continue  # "reconnaissance and attack drones targeting shipping": a kind of drone
            weapon = "drone"  # "an attack drone struck Tower 22"
        device = kind == "attack" and weapon in ("ied", "vessel") and not m.group("ag")
        if device and _TARGET_OF.search(text, max(0, m.start() - 60), m.start()):
            continue  # "an airstrike against an al-Shabaab vehicle-borne IED": a target
        if device and _TARGETS_LISTED.search(text, max(0, m.start() - 160), m.start()):
            continue  # "strikes against three missiles, … and one unmanned surface vessel"
        if m.group("ag"):
            if _OBJECT_OF.search(text, max(0, m.start() - 60), m.start()):
                continue  # "a rocket intended for US troops posted at the airport hit"
            agent = lexicon.AGENTS[" ".join(m.group("ag").lower().split())]
            if _lemma(m["av"]) in _TAKING and not _TAKEN.match(text, m.end("av")):
                continue  # "militants captured two soldiers": no place taken
            civilians = _CIVILIANS.match(text, m.end("av")) is not None
            if m.end() == m.end("av") and _KILLED_WHERE.match(text, m.start("av")):
                # "the two soldiers killed in Kandahar province": a passive, they were the victims
                found.append(
                    Trigger(m.start("av"), m.end(), m["av"], "", "", False, "", False, None)
                )
                continue
            if (
                agent.kind == "strike"
                and not agent.weapon
                and not civilians
                and _unit_only(m.group(0), m["av"])
            ):
                continue
            if _lemma(m["av"]) == "engage" and re.match(r"\s+in\b", text[m.end("av") :]):
                continue  # "forces engaged in ground combat": taking part, not an attack
            if m["av"].lower() == _lemma(m["av"]) and _COMPOUND.match(text, m.end("av")):
                continue  # "security forces inspect bomb damage": a noun, another verb's object
            done_to = _lemma(m["av"]) in _DONE_TO and m.end() == m.end("av")
            if done_to and _REDUCED_PASSIVE.match(text, m.end()):
                continue  # "the ISIL terrorists targeted in the strikes": done to them
            kind, weapon = agent.kind, agent.weapon or lexicon.ACTION_VERBS[_lemma(m.group("av"))]
            if _SPONSORED.search(text, max(0, m.start("ag") - 30), m.start("ag")):
                kind = "attack"  # "U.S.-backed forces captured Hajin": a sponsor's partners
        elif m.group("nv"):
            weapon = lexicon.EVENT_NOUNS.get(_singular(m.group("nv")), "")
        if named:
            weapon = _weapon(named[0])
        elif not weapon and not m.group("ag") and not _HIT_OBJECT.match(phrase):
            # "struck missile sites": the weapon is not read off a target
            weapon = _weapon(phrase)
        determiner, count = (
            ("", None)
            if _VERB_START.match(phrase) or _VICTIM_START.match(phrase)
            else _determiner(text, m.start())
        )
        if determiner == "another" and (m.group("w5") or m.group("w3")):
            determiner = "definite"  # "a second missile hit the same location": the same strike
        # "recent bomb attacks in Gao": a compound noun, not a bomb that attacks
        compound = bool(m.group("ag")) and m["av"].lower() in _NOUN_LIKE and phrase.count(" ") == 1
        if m.group("ag") and not compound:
            count = None  # "two suicide bombers": people counted, not events
        done = m.group("ag") and _CARRIED.search(text, m.end("ag"), m.start("av"))
        if done:  # "artillery conducted seven strikes": strikes counted, not a verb
            count = _determiner(text, m.start("av"))[1]
        if m.group("w3") or m.group("w5"):
            count = None  # "two drones targeted the base": drones counted, not attacks
        times = TIMES.match(text, m.end())
        if times:
            word = times["n"].lower()
            count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if count is not None and count < 2:
            count = None
        head = phrase.lower().split(" of ")[0].split()[-1]  # "barrage of rockets": barrage
        if m.group("ag") and not compound:
            head = m.group("ag").lower().split()[-1]  # "a car bomb explodes": one bomb
        if done:
            head = m["av"].lower()
        plural = bool(re.search(r"(?:s|ings)\b", head))
        plural = plural and not phrase.lower().endswith(("was struck", "ss"))
        trigger = Trigger(
            m.start(), m.end(), phrase, kind, weapon, strong, determiner, plural, count
        )
        if found and _verb_of(text, found[-1], trigger):
            trigger = _joined(text, found.pop(), trigger)
        found.append(trigger)
    return _with_another(text, found)


# "One blast hit a market, while another struck near the embassy": the noun left out
_ANOTHER = re.compile(
    r"\b(?:another|a\s+second|the\s+other)\s+(?:one\s+)?(?:hit|struck|exploded|landed|went\s+off)\b",
    re.I,
)


def elliptic(trigger: Trigger) -> bool:
    """Whether the trigger leaves its noun out ("while another struck near the embassy")."""
    return _ANOTHER.fullmatch(trigger.text) is not None


def _with_another(text: str, found: list[Trigger]) -> list[Trigger]:
    """The triggers and, after one, each "another struck …" that leaves its noun out, of the
    same kind and weapon: an event of its own."""
    extra = []
    for m in _ANOTHER.finditer(text):
        before = [t for t in found if t.end <= m.start()]
        if before and not any(t.start <= m.start() < t.end for t in found):
            t = before[-1]
            extra.append(
                Trigger(m.start(), m.end(), m[0], t.kind, t.weapon, True, "another", False, None)
            )
    return sorted(found + extra, key=lambda t: t.start) if extra else found


_FORMS = {f: lemma for lemma in lexicon.ACTION_VERBS for f in lexicon.inflections(lemma)}


def _lemma(form: str) -> str:
    """The lemma of an action verb form ("opened  fire" -> "open fire")."""
    return _FORMS[" ".join(lexicon.without_often(form).lower().split())]


# Whom a state's units kill that makes the killing an event: "troops killed 500 people in
# Moura", "forces executed dozens of civilians" (not "forces killed two suspects").
_CIVILIANS = re.compile(
    r"\s+(?:(?:at\s+least|about|around|some|more\s+than|over|nearly|dozens\s+of|scores\s+of"
    r"|hundreds\s+of|\d[\d,]*|[a-z]+)\s+){0,2}(?:civilians|people|villagers|children|women"
    r"|residents|worshippers|protesters|passengers|farmers|men)\b",
    re.I,
)


def _unit_only(phrase: str, verb: str) -> bool:
    """Whether a state's units ("forces", "troops") are only said to have done something:
    "forces killed two suspects", "US forces have hit militias since 2014"."""
    return _lemma(verb) in _UNIT_VERBS or re.search(r"\b(?:have|has|had)\b", phrase) is not None


def _singular(noun: str) -> str:
    low = noun.lower()
    return low if low in lexicon.EVENT_NOUNS else re.sub(r"e?s$", "", low)


# Between a subject and its verb: a space, or a relative pronoun ("an airstrike that targeted").
_SUBJECT_GAP = re.compile(r"\s+(?:(?:that|which)\s+)?")


def _verb_of(text: str, subject: Trigger, verb: Trigger) -> bool:
    """Whether ``verb`` ("hit militia sites") is what ``subject`` ("an airstrike") did, also in
    a relative clause ("an airstrike that targeted a gathering")."""
    return (
        _VERB_START.match(verb.text) is not None
        and _SUBJECT_GAP.fullmatch(text, subject.end, verb.start) is not None
        and not _VERB_START.match(subject.text)
    )


def _joined(text: str, subject: Trigger, verb: Trigger) -> Trigger:
    """One trigger for "an airstrike hit militia sites": the subject's, over both spans."""
    return Trigger(
        subject.start,
        verb.end,
        text[subject.start : verb.end],
        subject.kind or verb.kind,
        subject.weapon or verb.weapon,
        subject.strong or verb.strong,
        subject.determiner,
        subject.plural,
        subject.count,
    )


def row_trigger(row: str, found: list[Trigger] | None = None) -> Trigger:
    """The event a row of a table of events reports, over the row: its weapon that of the
    first phrase ``found`` in it or the first the row names ("| 3 December 2023 | Number 9 |
    Houthi ballistic missile |": a missile).

    >>> t = row_trigger("| 3 December 2023 | Number 9 | Houthi ballistic missile |")
    >>> t.weapon, t.strong, t.kind
    ('missile', True, '')
    """
    weapon = next((t.weapon for t in found or () if t.weapon), "") or _weapon(row)
    return Trigger(0, len(row), row, "", weapon, True, "", False, None)


# A row of a table of events whose name calls it an attack: "| 2021 Erbil rocket attacks | …".
_ROW_NAME = re.compile(r"[\s|]*(?:[^|]{0,60}?\s)?(?:attacks?|bombings?|massacres?)\s*\|", re.I)


def default_kind(trigger: Trigger) -> str:
    """The kind when no actor decides it: "strike" for strike words, else "attack".

    >>> [default_kind(t) for t in find_triggers("a drone strike and a drone attack")]
    ['strike', 'attack']
    >>> default_kind(find_triggers("Two drones struck the runway.")[0])
    'attack'

    Rockets, missiles and drones that hit something are an attack unless the actor
    is a state military ("U.S. drones struck weapons depots" is a strike).
    """
    if trigger.kind:
        return trigger.kind
    if _PROJECTILE_SUBJECT.match(trigger.text) or _HIT_BY_PROJECTILE.match(trigger.text):
        return "attack"  # "rockets hit the base", "was hit by two missiles": by someone unnamed
    named = _ROW_NAME.match(trigger.text) if " | " in trigger.text else None  # a table's row
    if (
        named
        or re.match(r"(?:[\w\-]+\s+)?attacks?\b", trigger.text, re.I)
        or trigger.weapon == "ied"
    ):
        return "attack"  # "a rocket attack hit Ain al-Asad air base", "a suicide bomber struck"
    return "strike" if re.search(r"strike|struck|hit|bombed", trigger.text, re.I) else "attack"


def _weapon(words: str) -> str:
    for word in re.findall(r"[a-z]+", words.lower()):
        key = word.rstrip("s") if word not in {"uavs", "ieds"} else word[:-1]
        if key in _W:
            return _W[key]
    return ""
