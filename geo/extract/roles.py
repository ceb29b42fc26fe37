"""Who did it to whom: the perpetrator and the target of a trigger among a sentence's actors.

Perpetrators, best first: a modifier of the trigger ("U.S. airstrike"), "by X" or
"blamed on X", the subject of an active verb in the trigger's clause ("Houthi rebels
launched"), "X were behind".  Targets: an actor after "against", "on", "targeting",
"killing … of", not across another trigger; else the noun phrase after "on"/"at"
("an attack on the embassy"), unless it is a date ("an attack on Monday").

Examples
--------
>>> from geo.extract.spans.actors import find_actors
>>> from geo.extract.triggers import find_triggers
>>> s = "A U.S. airstrike killed two commanders of Kataib Hezbollah."
>>> doer, victim = roles(s, find_triggers(s)[0], find_actors(s), [])
>>> doer.actor.name, victim.actor.name
('United States', 'Kataib Hezbollah')
>>> s = "A drone attack on the embassy on Monday."
>>> target_phrase(s, find_triggers(s)[0])
'the embassy'
"""

from __future__ import annotations

import re

from geo.extract.spans.actors import Actor, ActorMention, load_actors
from geo.extract.spans.lexicon import inflections, pattern
from geo.extract.triggers import Trigger, acted_by

__all__ = [
    "SEQUENCE",
    "STATE_TYPES",
    "agent_state",
    "also_victims",
    "country_forces",
    "forces_of",
    "forces_of_country",
    "kind_by_victims",
    "passive_trigger",
    "roles",
    "state_before",
    "subject_country",
    "subject_state",
    "target_phrase",
    "unlisted_actors",
    "unnamed_state",
    "with_unlisted",
]

#: Actor types that are a state's: their use of force is a strike.
STATE_TYPES = frozenset({"state_military", "coalition", "government"})

_BY = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?<!used )(?<!operated )(?<!run )(?<!owned )(?<!controlled )"
    r"(?<!held )(?<!backed )(?<!linked )(?<!supported )(?<!belonging )(?:by|from)\s+(?:the\s+)?$"
    r"|^[^;.]{0,80}?\bfor\s+which\s+(?:the\s+)?$",  # "…, for which ISIS claimed it"
    re.I,
)
_BLAMED = re.compile(
    r"\b(?:blamed\s+on|claimed\s+by|carried\s+out\s+by|attributed\s+to|perpetrated\s+by"
    r"|committed\s+by|conducted\s+by|launched\s+by)\s+(?:[\w\-]+\s+){0,3}?(?:the\s+)?$",
    re.I,
)
# The agent of a passive of carrying out, after what dates and places it: "a rocket attack was
# launched on 24 January 2015 by Russian forces", "the airliner was shot down by the IRGC".
_AGENT = re.compile(
    # with its auxiliary, or reduced: "a chemical attack carried out by the forces of ..."
    # (parentheses skipped: "The Houla massacre (Arabic: …) was a mass murder … by")
    r"(?:(?:\([^()]{0,80}\)|[^;:.(]){0,60}?\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?|[\s,]+)"
    r"(?:launched|carried\s+out|conducted|perpetrated|committed|executed|staged|mounted|fired"
    r"|shot\s+down|shot|ordered|undertaken|(?:mass\s+)?(?:murder|killing|massacre)s?)\b"
    r"[^;:.]{0,80}?\bby\s+(?:the\s+)?(?:forces\s+of\s+(?:the\s+)?)?",
    re.I,
)
# ... and of a passive trigger itself: "was shot down shortly after takeoff by the IRGC".
_PASSIVE_AGENT = re.compile(r"[^;:.]{0,80}?\bby\s+(?:the\s+)?(?:forces\s+of\s+(?:the\s+)?)?", re.I)
_MODIFIER = re.compile(r"(?:[A-Z][\w’'\-]*\s+)?")
_PASSIVE_VICTIM = re.compile(
    r"^[^.;]{0,60}?\b(?:were|was|been|being)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|hit|struck"
    r"|targeted)\b",
    re.I,
)
# "the U.S. military said it carried out four more airstrikes": the speaker acted
_SPEAKER_ACTED = re.compile(
    r"\s*(?:said|says|announced|reported|stated|claimed|confirmed)\s+(?:that\s+)?"
    r"(?:it|they|its\s+(?:forces|aircraft|jets|warplanes|troops))\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:also\s+)?(?:(?:carried|carries|carry)\s+out|conduct(?:ed|s)?|launch(?:ed|es)?|struck"
    r"|hit|targeted|bombed|fired|attacked|shelled)\s+(?:[\w\-]+\s+){0,3}?",
    re.I,
)
_SPEAKER = re.compile(r"\s*(?:said|says|told|stated|added|announced|reported)\b", re.I)
SEQUENCE = re.compile(
    r"\b(?:after|before|following|since|when|while|in\s+(?:response|retaliation)\s+(?:to|for))\b",
    re.I,
)
_BEHIND = re.compile(
    r"\s+(?:[\w\-’'(),]+\s+){0,6}?(?:were|was|are|is)\s+(?:\w+\s+)?behind\s+(?:a|an|the)\s+"
    r"(?:[\w\-]+\s+){0,3}",
    re.I,
)
# Verbs whose subject carried the event out, in the past and in the present of headlines and
# timelines ("Pakistan carries out airstrikes", "Houthis launch drones").
_DOER_VERBS = [
    f
    for lemma in (
        "launch",
        "fire",
        "carry out",
        "conduct",
        "hit",
        "strike",
        "target",
        "claim",
        "bomb",
        "attack",
        "shell",
        "stage",
        "mount",
    )
    for f in inflections(lemma)
    if not f.endswith("ing")
]
_SUBJECT_VERB = re.compile(
    rf"^\W*(?:[\w\-’'(),]+\s+){{0,6}}?(?:{pattern(_DOER_VERBS)}|has\s+used)\b",
    re.I,
)
# "NDS forces killed a commander in a raid": who killed did the raid the killing was in.
_KILLED_IN = re.compile(
    r"^\W*(?:[\w\-’'(),]+\s+){0,6}?(?:kill(?:s|ed)|wound(?:s|ed)|captur(?:es|ed)|eliminat(?:es|ed)"
    r"|destroy(?:s|ed))\s+(?!(?:and|or|in|on|at|by|during|when|as|while|after|near)\b)"
    r"[^;:.]{0,100}?\s(?:in|during)\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}$",
    re.I,
)
_TARGET_CUE = re.compile(
    r"\b(?:(?:against|on|targeting|targeted|at|toward|towards|struck|hit|(?:intended|meant)\s+for"
    r"|aimed\s+at)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}|(?:kill(?:s|ed|ing)?)\s+(?:[\w\-]+\s+){0,5})$",
    re.I,
)
_TARGET_PHRASE = re.compile(
    r"^\s*(?:against|on|targeting|at)\s+(?P<t>(?:the\s+)?(?:[\w\-’'.]+\s+){0,3}?[\w\-’']+)"
    r"(?=\s+(?:(?:in|at|near|on|of|from|since|with|that|which|who|and|but|was|were|is|are"
    r"|has|have|had|killed|wounded|injured)\b|,)|[,.;]|$)",
    re.I,
)
# "a drone attack on Monday": a date, not a target.
_WHEN_WORD = re.compile(
    r"(?:the\s+)?(?:\d+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug"
    r"|sept?|oct|nov|dec)\.?|night|morning|evening|afternoon|christmas|new\s+year)(?!\w)",
    re.I,
)
_WHEN_DOER = re.compile(r"\s+(?:when|as|after)\s+(?:the\s+)?", re.I)
_PASSIVE_TRIGGER = re.compile(r"(?:was|were|is|are|been|being|c(?:ame|omes?|oming)\s)\b", re.I)
_ADJACENT = re.compile(r"(?:['’]s)?\s*(?:[\w\-]+\s+){0,2}?", re.I)


def passive_trigger(trigger: Trigger) -> bool:
    """Whether the trigger is a passive ("were killed", "was struck", "came under fire"),
    whose subject is the victim."""
    return _PASSIVE_TRIGGER.match(trigger.text) is not None


def also_victims(trigger: Trigger) -> bool:
    """Whether the trigger is a passive of more victims ("one person was also killed"): the
    story's event again, at the place this sentence names."""
    return passive_trigger(trigger) and " also " in trigger.text


def roles(
    sentence: str, trigger: Trigger, actors: list[ActorMention], others: list[Trigger]
) -> tuple[ActorMention | None, ActorMention | None]:
    """The perpetrator and the target among the actors of a sentence.

    Perpetrators, best first: a modifier of the trigger ("U.S. airstrike"), "by X" or
    "blamed on X", the subject of an active verb in the trigger's clause ("Houthi rebels
    launched"), "X were behind".  Targets: an actor after "against", "on", "targeting"...
    """
    doer: tuple[int, ActorMention] | None = None
    victim: ActorMention | None = None
    # "IS fighters were killed", "the convoy came under fire": the subject is the victim
    passive = passive_trigger(trigger)
    for a in sorted(actors, key=lambda a: abs(a.start - trigger.start)):
        before = sentence[: a.start]
        between = sentence[a.end : trigger.start] if a.end <= trigger.start else ""
        if passive and a.end <= trigger.start:
            if victim is None and _ADJACENT.fullmatch(between):
                victim = a
            continue
        if passive and _WHEN_DOER.fullmatch(sentence, trigger.end, a.start):
            doer = doer or (2, a)  # "soldiers were killed when al-Shabab raided a base"
            continue
        crossing = any(a.end <= o.start < trigger.start for o in others)
        crossing = crossing or bool(_SPEAKER.match(between))  # "the Pentagon said ..."
        crossing = crossing or bool(SEQUENCE.search(between))  # "X struck Y after a rocket attack"
        rank = None
        if a.start < trigger.start < a.end:
            rank = 0  # the trigger's agent is the actor's own word: "Houthi forces struck"
        elif a.end <= trigger.start and _ADJACENT.fullmatch(between):
            rank = 0  # "U.S. airstrike", "Houthi drone attack", "Sunday's American strike"
        elif _BLAMED.search(before) or (
            a.start >= trigger.end
            and (
                _BY.match(sentence[trigger.end : a.start])
                or _agent_before(sentence, trigger, a.start)
            )
        ):
            rank = 1
        elif (
            a.end <= trigger.start
            and not crossing
            and not _PASSIVE_VICTIM.search(between)
            and (
                (_SUBJECT_VERB.match(between) and not _TARGET_CUE.search(before))
                or _BEHIND.fullmatch(between)
                or _KILLED_IN.match(between)
            )
        ):
            rank = 2
        if rank is None and a.end <= trigger.start and _SPEAKER_ACTED.fullmatch(between):
            rank = 2
        if rank is not None:
            if doer is None or rank < doer[0]:
                doer = (rank, a)
        elif (
            a.start >= trigger.end
            and _TARGET_CUE.search(before)
            and not any(trigger.end <= o.start < a.start for o in others)  # its target
        ) or (a.end <= trigger.start and _PASSIVE_VICTIM.match(between) and not crossing):
            victim = victim or a
    return (doer[1] if doer else None), victim


def target_phrase(sentence: str, trigger: Trigger) -> str:
    """The noun phrase after "on", "at", "against" right after the trigger ('' if none)."""
    m = _TARGET_PHRASE.match(sentence[trigger.end :])
    return m["t"] if m and not _WHEN_WORD.match(m["t"]) else ""


# Who fell victim says who acted when nobody is named: armed groups' members fall to a state's
# forces ("11 militants were killed"), soldiers and police to armed groups.
_GROUP_VICTIMS = re.compile(
    r"\b(?:militants?|insurgents?|terrorists?|jihadists?|fighters?|rebels?|extremists?|gunmen"
    r"|bombers?|operatives?|commanders?|emirs?|leaders?)\s+(?:[\w\-]+\s+){0,2}$",
    re.I,
)
_FORCE_VICTIMS = re.compile(
    r"\b(?:soldiers?|troops|police(?:men)?|officers|servicemen|service\s+members|guards"
    r"|peacekeepers|personnel)\s+(?:[\w\-]+\s+){0,2}$",
    re.I,
)


def kind_by_victims(sentence: str, trig: Trigger, victim: ActorMention | None) -> str:
    """The kind of a passive of force ("were killed") from its victims, '' when they do not
    say: members of an armed group fall to a state's forces, soldiers to an armed group."""
    if victim is not None:
        return "attack" if victim.actor.type in STATE_TYPES else "strike"
    before = sentence[max(0, trig.start - 60) : trig.start]
    if _GROUP_VICTIMS.search(before):
        return "strike"
    if _FORCE_VICTIMS.search(before):
        return "attack"
    return ""


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


def _agent(sentence: str, trig: Trigger) -> re.Match[str] | None:
    """The words from ``trig`` to its passive's agent ("… was launched on 24 January by ")."""
    agent = _PASSIVE_AGENT if passive_trigger(trig) else _AGENT
    if "by" not in sentence[trig.end : trig.end + 200].lower():
        return None  # both end in "by": the same answer, without the slow search
    return agent.match(sentence, trig.end, trig.end + 200)


def _agent_before(sentence: str, trig: Trigger, at: int) -> bool:
    """Whether the actor at ``at`` is the agent of the passive of ``trig``."""
    m = _agent(sentence, trig)
    return m is not None and _MODIFIER.fullmatch(sentence, m.end(), at) is not None


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
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(sentence, 0, trig.start)]
    start = opens[-1] if opens else 0
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
    r"|meanwhile|also|later|earlier))\s*$"
)
_NAME = re.compile(r"(?<![\w\-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w\-’'])")
_LAUNCH = re.compile(r"(?:fire[sd]|launch(?:es|ed))\b", re.I)
_CLAUSE_OPEN = re.compile(r"[,;:—–(]\s*|^\s*")
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
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(sentence, 0, trig.start)]
    start = opens[-1] if opens else 0
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
        if any(k.start < m.end() and m.start() < k.end for k in (*known, *found)):
            continue
        if not _SUBJECT_OPEN.search(sentence, 0, m.start()):
            continue
        if acted_by(sentence, m.end(), state=True) is None:
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


def unnamed_state(sentence: str, trig: Trigger) -> bool:
    """Whether the agent of ``trig`` is a state's forces the text does not name: in the
    trigger ("government aircraft struck a market"), as its subject just before it, or as
    the agent of its passive ("was launched by the forces of the government of …")."""
    if _UNNAMED.search(trig.text):
        return True
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(sentence, 0, trig.start)]
    before = _UNNAMED.search(sentence, opens[-1] if opens else 0, trig.start)
    if before is not None and _ADJACENT.fullmatch(sentence, before.end(), trig.start):
        return True
    m = _agent(sentence, trig)
    if m is None:
        return False
    by = sentence.lower().rfind("by ", m.start(), m.end())
    return _BY_UNNAMED.match(sentence, by + 3) is not None


_BY_UNNAMED = re.compile(rf"(?:the\s+)?(?:{_UNNAMED.pattern})", re.I)
