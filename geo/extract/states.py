"""Which state's forces a sentence means, and the armed groups it names outside the lexicon.

A country named or meant right before a trigger ("Russian missile attacks", "Russia's
barrage"), as the subject of a verb of carrying out ("Pakistan carries out airstrikes"), as the
agent of a passive ("was launched by Russian forces"), or unnamed ("government aircraft");
and groups the lexicon lacks that act as a subject ("ISIS-GS attacked the village").

May import: :mod:`geo.extract.roles`, :mod:`geo.extract.triggers`, :mod:`geo.extract.spans`,
:mod:`gazetteer`.

Examples
--------
>>> from geo.extract.triggers import find_triggers
>>> s = "Russian missile attacks hit Kharkiv."
>>> state_before(s, find_triggers(s)[0]).name
'Russian forces'
"""

from __future__ import annotations

import re

from geo.extract.roles import _ADJACENT, _SUBJECT_VERB, _TARGET_CUE, STATE_TYPES, _agent, acted_by
from geo.extract.spans.actors import Actor, ActorMention, load_actors
from geo.extract.spans.lexicon import ACTION_VERBS, AGENTS, inflections, pattern
from geo.extract.triggers import Trigger

__all__ = [
    "agent_state",
    "country_forces",
    "forces_of",
    "forces_of_country",
    "state_before",
    "subject_country",
    "subject_state",
    "unlisted_actors",
    "unnamed_state",
    "with_unlisted",
]


# A state named right before the trigger: "Russian missile attacks", "Russia's intense barrage",
# "Israeli strikes".  Not for bombs and suicide attacks, which armed groups carry out.
# Also the subject of a verb of carrying out: "Pakistan carries out airstrikes".
_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)(?P<own>['’]s)?\s+(?P<verb>(?:carr(?:ies|ied)\s+out|launch(?:es|ed)|conduct(?:s|ed)"
    r"|fire[sd])\s+)?(?:(?!(?:militias?|militants?|rebels?|insurgents?|jihadists?|terrorists?"
    r"|separatists?|opposition|gunmen|tribal|protesters?)\b)[a-z\-]+\s+)?$"
)
_NO_STATE = frozenset({"PS"})
_VERB_FIRST = re.compile(
    r"(?:was|were|been|being|is|are|hit|struck|targeted|bombed|fired|launched|launching)\b", re.I
)  # "Palestinian rockets" are an armed group's


def state_before(sentence: str, trig: Trigger) -> Actor | None:
    """The forces of the country whose name or demonym stands right before ``trig``: the
    lexicon's actor for that country's military when it has one, else the country."""
    if trig.weapon == "ied" or _VERB_FIRST.match(trig.text):
        return None  # "trucks from Iraq were hit": a country before a verb is no attacker
    head = trig.text.rfind(" ") + 1  # "a wave of Russian missile attacks": inside the phrase
    return country_forces(sentence, trig.start) or (
        country_forces(sentence, trig.start + head) if head else None
    )


def country_forces(sentence: str, at: int) -> Actor | None:
    """The forces of the country named or meant by the word right before ``at`` ("Russian"
    in "the Russian Armed Forces", "Russia's" in "Russia's barrage")."""
    m = _BEFORE.search(sentence, max(0, at - 40), at)
    if m is None or (m["verb"] and not _SUBJECT_OPEN.search(sentence, 0, m.start(1))):
        return None  # "militants in Iraq launched": Iraq is not the subject
    # a country's bare name before the event is where it was ("the Afghanistan bombings"),
    # its demonym or its possessive who did it ("Afghan airstrikes", "Russia's barrage")
    return forces_of(m.group(1), demonym=True, named=bool(m["verb"] or m["own"]))


def forces_of(word: str, demonym: bool = True, named: bool = True) -> Actor | None:
    """The forces of the country ``word`` names ("Russia", if ``named``) or, if ``demonym``,
    means ("Russian"), else None."""
    from gazetteer import default_gazetteer

    found = default_gazetteer().resolve(word, kind="country", limit=1)
    if not found or found[0].kind != "country" or found[0].country in _NO_STATE:
        return None
    how = (("demonym",) if demonym else ()) + (
        ("preferred name", "alternate name") if named else ()
    )
    if found[0].reason.split(";")[0] not in how:
        return None
    return forces_of_country(found[0].country, found[0].name)


def forces_of_country(code: str, name: str) -> Actor | None:
    """The forces of the country ``code`` (called ``name``): the lexicon's actor for its
    military when it has one, else the country; None for a country with no state forces."""
    if code in _NO_STATE:
        return None
    own = [a for a in load_actors() if a.country == code and a.type in STATE_TYPES]
    own.sort(key=lambda a: a.type != "state_military")
    return (
        own[0]
        if own
        else Actor(f"{code.lower()}-forces", name, "state_military", "other", None, code)
    )


# "by Russian and pro-Russian forces", "by Ba'athist Syrian government forces", "by Russia";
# not "by Iranian-backed militias" nor "by Syrian rebels".
_AGENT_STATE = re.compile(
    r"(?:[A-Z][\w’'\-]*\s+)?(?P<w>[A-Z][a-z]+)(?P<unit>(?:\s+and\s+(?:pro-)?[A-Z][a-z]+)?"
    r"(?:\s+(?:government|armed|military|air|naval|security))?\s+(?:forces|army|military|troops"
    r"|soldiers|jets|warplanes|aircraft|navy|air\s+force|artillery|government))?(?![\w\-])"
)


# "the Iranian Islamic Revolutionary Guards Corp", "the Syrian Arab Army": a demonym opening
# the proper name of a body of that state
_DEMONYM_NAME = re.compile(r"(?P<w>[A-Z][a-z]+)(?:\s+(?:[A-Z][a-z]+|of|the)){1,5}\b(?![\-’'])")


def agent_state(sentence: str, trig: Trigger) -> Actor | None:
    """The country whose forces are the agent of a passive of carrying out after ``trig``:
    "a rocket attack … was launched on 24 January 2015 by Russian and pro-Russian forces"."""
    m = _agent(sentence, trig)
    state = _AGENT_STATE.match(sentence, m.end()) if m is not None else None
    if state is None:
        return None
    named = _DEMONYM_NAME.match(sentence, m.end()) if m is not None else None
    if named is not None and not state["unit"]:  # a state's body by its proper name
        return forces_of(named["w"]) or forces_of(state["w"], demonym=False)
    return forces_of(state["w"], demonym=bool(state["unit"]))


def subject_country(sentence: str, trig: Trigger) -> Actor | None:
    """The forces of the country named as the subject of a verb of carrying out that
    governs ``trig``: "Iran carried out a series of aerial and drone strikes"."""
    start = _clause_start(sentence, trig.start)
    for m in _NAME.finditer(sentence, start, trig.start):
        between = sentence[m.end() : trig.start]
        if not _SUBJECT_OPEN.search(sentence, start, m.start()):
            continue  # "militants in Iraq launched": Iraq is not the subject
        if _SUBJECT_VERB.match(between) and not _TARGET_CUE.search(sentence, 0, trig.start):
            return forces_of(m[0], demonym=False)
    return None


# What may stand before a clause's subject: its opening, a conjunction, a date ("On 22
# February Pakistan carries out airstrikes").
_SUBJECT_OPEN = re.compile(
    r"(?:^|[,;:(–—]|\b(?:and|then|but|while|when|as|after|the|\d+|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|\w+day|night|morning|evening"
    r"|meanwhile|also|later|earlier|said|says|that))\s*$"  # "officials said Russia shelled"
)
_NAME = re.compile(r"(?<![\w\-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w\-’'])")
_LAUNCH = re.compile(r"(?:fire[sd]|launch(?:es|ed))\b", re.I)
_CLAUSE_OPEN = re.compile(r"[,;:—–(]\s*|^\s*")


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause that runs up to ``at`` begins (after its last comma, colon, dash or
    parenthesis before ``at``; else the sentence's start)."""
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(sentence, 0, at)]
    return opens[-1] if opens else 0


# a demonym and a state's unit: "Russian frigate", "the Turkish navy", "Iraqi army artillery"
_DEMONYM_OPEN = re.compile(
    r"(?:the\s+)?([A-Z][a-z]+)\s+(?:[a-z\-]+\s+)?(?:frigates?|warships?|destroyers?|submarines?"
    r"|cruisers?|corvettes?|navy|army|military|forces|troops|artillery|jets|warplanes|aircraft"
    r"|helicopters?|gunboats?|batteries|units?)\b"
)


def subject_state(sentence: str, trig: Trigger) -> Actor | None:
    """The country's forces a launch's subject names by its demonym, however long the subject:
    "Russian frigate Admiral Essen in the Mediterranean Sea launches cruise missiles"."""
    if not _LAUNCH.match(trig.text):
        return None
    start = _clause_start(sentence, trig.start)
    m = _DEMONYM_OPEN.match(sentence, start, trig.start)
    if m is None:
        return None
    own = country_forces(sentence, m.end(1) + 1)
    return own if own is not None and own.country else None


# A group the lexicon lacks, by its acronym ("ISIS-GS", "BH") or a name ending in a word of
# armed groups ("Mujahideen Shura Council", "Katibat Macina Brigade").  Not "Army" or "Forces",
# which may be a state's.
_UNLISTED = re.compile(
    r"(?<![\w\-])(?:(?-i:[A-Z]{2,6}(?:-[A-Z]{1,4})*)|(?:(?-i:[A-Z])[\w’'\-]+\s+){1,4}"
    r"(?:Front|Brigades?|Movement|Battalion|Militia|Jamaat|Jama['’]at|Council|Katiba|Liwa))"
    r"(?![\w\-])"
)
_NOT_GROUPS = frozenset(
    "UN EU IED IEDS VBIED SVBIED UAV UAVS ASBM RPG GMT UTC EST TV AP AFP CNN BBC VOA OCHA UNICEF"
    " WHO ICRC MSF HRW UNSC ISW OSCE SMM NGO NGOS AM PM".split()
)


_LEMMAS = frozenset(  # bare forms that are no past ("hit" is both)
    lemma.split()[0]
    for lemma in ACTION_VERBS
    if inflections(lemma)[2].split()[0] != lemma.split()[0]
)


def unlisted_actors(sentence: str, known: list[ActorMention]) -> list[ActorMention]:
    """Groups the lexicon lacks that a sentence names as the subject of an act of force
    ("On November 2, ISIS-GS attacked the village of Banibangou"), as actors of no known
    type: an armed group's attack unless the sentence says otherwise; and countries named as
    such a subject ("Russia struck Kyiv"), as their forces."""
    found = []
    for m in _UNLISTED.finditer(sentence):
        name = m[0]
        inside = [k for k in known if m.start() <= k.start and k.end <= m.end()]
        crossing = [k for k in known if k.start < m.end() and m.start() < k.end and k not in inside]
        if name.upper() in _NOT_GROUPS or crossing or any(k.text == name for k in inside):
            continue  # a group the lexicon knows; "ISIS-GS" is not the "ISIS" inside it
        if not _SUBJECT_OPEN.search(sentence, 0, m.start()):
            continue
        if acted_by(sentence, m.end(), state=False) is None:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        actor = Actor(f"unlisted-{slug}", name, "", "other", None, "")
        found.append(ActorMention(actor, name, m.start(), m.end()))
    for m in _NAME.finditer(sentence):  # "Russia struck Kyiv", "Turkey shelled PKK positions"
        act = acted_by(sentence, m.end(), state=True)  # first: a match where it stands
        if act is None or act.text.split()[0].lower() in _LEMMAS:
            continue  # a country is one: "Iraq raid" is a noun, "Iraq raided" its verb
        if any(k.start < m.end() and m.start() < k.end for k in (*known, *found)):
            continue
        if not _SUBJECT_OPEN.search(sentence, max(0, m.start() - 40), m.start()):
            continue
        state = forces_of(m[0], demonym=False)
        if state is not None:
            found.append(ActorMention(state, m[0], m.start(), m.end()))
    return found


def with_unlisted(sentence: str, known: list[ActorMention]) -> list[ActorMention]:
    """``known`` and :func:`unlisted_actors`, without the known names inside unlisted ones."""
    extra = unlisted_actors(sentence, known)
    kept = [k for k in known if not any(e.start <= k.start and k.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda a: a.start)


# A state's forces the text does not name: "government aircraft struck", "regime forces
# shelled", "launched by the forces of the government of …"; not "pro-government militias".
_UNNAMED = re.compile(
    r"(?<![\w\-])(?:government|regime)\s+(?:forces|troops|soldiers|aircraft|warplanes|jets"
    r"|helicopters|artillery|planes|army)\b|\bforces\s+of\s+the\s+(?:government|regime)\b",
    re.I,
)


def unnamed_state(sentence: str, trig: Trigger) -> str:
    """Whether the agent of ``trig`` is a state's forces the text does not name: its
    government's ("government"), in the trigger ("government aircraft struck a market"), as its
    subject just before it, or as the agent of its passive ("was launched by the forces of the
    government of …"); or some state's ("agent": "Rangers carried out a raid"); else ""."""
    if _UNNAMED.search(trig.text):
        return "government"
    before = _UNNAMED.search(sentence, _clause_start(sentence, trig.start), trig.start)
    if before is not None and _ADJACENT.fullmatch(sentence, before.end(), trig.start):
        return "government"
    # a state's agent doing it: "Rangers carried out a raid", "troops conducted strikes"
    for a in _STATE_AGENT.finditer(sentence, 0, trig.start):  # "Rangers from …, carried out"
        verb = _SUBJECT_VERB.match(sentence[a.end() : trig.start])
        if verb is None or _OF_OTHERS.search(sentence, max(0, a.start() - 30), a.start()):
            continue
        if _ADJACENT.fullmatch(sentence, a.end() + verb.end(), trig.start):
            return "agent"  # the verb's object is the trigger, not "struck a vehicle … after"
    m = _agent(sentence, trig)
    if m is None:
        return ""
    by = sentence.lower().rfind("by ", m.start(), m.end())
    return "government" if _BY_UNNAMED.match(sentence, by + 3) is not None else ""


_STATE_AGENT = re.compile(
    rf"\b(?:{pattern([k for k, v in AGENTS.items() if v.kind == 'strike' and ' ' not in k])})\b",
    re.I,
)
# agents that are someone else's: "militants attacked troops who conducted", "against troops"
_OF_OTHERS = re.compile(
    r"\b(?:against|on|at|targeting|attacked|killed|wounded|by)\s+(?:\w+\s+)?$", re.I
)
_BY_UNNAMED = re.compile(rf"(?:the\s+)?(?:{_UNNAMED.pattern})", re.I)
