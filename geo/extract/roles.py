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

from geo.extract.spans import lexicon
from geo.extract.spans.actors import ActorMention
from geo.extract.spans.lexicon import inflections, pattern
from geo.extract.spans.predicates import OBJECT as _OBJECT
from geo.extract.spans.predicates import UNIT_VERBS as _UNIT_VERBS
from geo.extract.triggers import _TAKEN, _TAKING, Trigger, _lemma

__all__ = [
    "SEQUENCE",
    "STATE_TYPES",
    "acted_by",
    "also_victims",
    "kind_by_victims",
    "passive_trigger",
    "roles",
    "target_phrase",
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
_WAS_A = re.compile(
    r"(?:\s+(?:on|in|at|of|against)\s+[^,;.()]{1,40}?)?\s+(?:was|is)\s+(?:an?|the)\s+"
    r"(?:joint|combined|covert|major|large|military)?\s*",
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
_SUBJECT_VERB = re.compile(  # a verb, not a noun: not "AQAP, the purported target of the strike"
    rf"^\W*(?:[\w\-’'(),]+\s+){{0,6}}?(?<!\bthe\s)(?<!\ba\s)(?:{pattern(_DOER_VERBS)}|has\s+used)\b"
    r"(?!\s+of\b)",
    re.I,
)
# "NDS forces killed a commander in a raid": who killed did the raid the killing was in.
_KILLED_IN = re.compile(
    r"^\W*(?:[\w\-’'(),]+\s+){0,6}?(?:kill(?:s|ed|ing)|wound(?:s|ed)|captur(?:es|ed)|eliminat(?:es|ed)"
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
# not across a preposition: "killing two al-Shabab militants in an airstrike"
_ADJACENT = re.compile(
    r"(?:['’]s)?\s*(?:(?!(?:in|on|at|by|of|during|with|from|for|after|near|to)\b)[\w\-]+\s+){0,2}?",
    re.I,
)


# The group an agent's fighters belong to, inside the trigger's span.
_LOYAL = re.compile(
    r"\b(?:loyal\s+to|affiliated\s+with|linked\s+to|belonging\s+to|members\s+of)\s+(?:the\s+)?$",
    re.I,
)


def passive_trigger(trigger: Trigger) -> bool:
    """Whether the trigger is a passive ("were killed", "was struck", "came under fire"),
    whose subject is the victim."""
    return _PASSIVE_TRIGGER.match(trigger.text) is not None


# A headline's passive without its "were": "Dozens of Soldiers Killed in Taliban Assault"
_REDUCED = re.compile(r"\s+(?:in|by|during|as|when|after)\b", re.I)


def _reduced_passive(sentence: str, trigger: Trigger) -> bool:
    victims = trigger.text.lower() in ("killed", "wounded", "injured")
    return victims and _REDUCED.match(sentence, trigger.end) is not None


_CLAIMS = re.compile(
    rf"\s+{lexicon.CLAIM}\s+(?:(?:the|an?)\s+)?"
    r"(?:(?-i:[A-Z])[\w\-’']*\s+){0,2}",
    re.I,
)


def _claims(sentence: str, a: ActorMention, trigger: Trigger) -> bool:
    """Whether ``a`` claims the event of ``trigger``: "ISIS claims attack in Iran"."""
    m = _CLAIMS.match(sentence, a.end)
    return m is not None and m.end() == trigger.start


_TAKING_VERB = re.compile(r"\b(?:(?:re)?captur|seiz|retook|overr[au]n)", re.I)


def _taken_from(sentence: str, trigger: Trigger, a: ActorMention) -> bool:
    """Whether ``a`` is whom a place was taken from ("captured the town from ISIS")."""
    return bool(_TAKING_VERB.search(trigger.text)) and " from " in sentence[trigger.end : a.start]


_BLAMES = re.compile(r"\b(?:blam|accus)(?:e|es|ed|ing)\s+(?:the\s+)?$", re.I)
_FOR_THE = re.compile(
    r"(?:\s+and\s+(?:the\s+)?[\w\-.]+(?:\s+[\w\-.]+)?)?\s+(?:for|of)\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}",
    re.I,
)


def _blamed_for(sentence: str, a: ActorMention, trigger: Trigger) -> bool:
    """Whether ``a`` is blamed for the event: "blames the United States and Israel for an
    explosion at Balad airbase"."""
    if a.end > trigger.start or not _BLAMES.search(sentence, max(0, a.start - 20), a.start):
        return False
    return _FOR_THE.fullmatch(sentence, a.end, trigger.start) is not None


def also_victims(trigger: Trigger) -> bool:
    """Whether the trigger is a passive of more victims ("one person was also killed"): the
    story's event again, at the place this sentence names."""
    return passive_trigger(trigger) and " also " in trigger.text


# An appositive after a name: "Hamas, a designated terrorist organisation in the UK, launched".
# Its first word is no name ("Iran, the United States and Israel" is a list).
_APPOSITION = re.compile(
    r",\s+(?:(?:an?|the|itself|once|formerly|long)\s+(?-i:[a-z])"
    r"|(?:officially|which|who|whose|designated|listed)\b)",
    re.I,
)


def _apposition_end(sentence: str, a: ActorMention, trigger: Trigger) -> int | None:
    """Where the appositive that describes ``a`` closes (its last comma), when ``a`` is the
    subject of the trigger's verb past it (the names inside it are then none of the event's);
    ``None`` otherwise."""
    if a.end > trigger.start or not _APPOSITION.match(sentence, a.end):
        return None
    close = sentence.rfind(",", a.end + 1, trigger.start)
    if close <= a.end or re.search(r"[;:]", sentence[a.end : close]):
        return None
    rest = sentence[close : trigger.start]  # "…, launched an assault" or "…, launched an "
    acts = _SUBJECT_VERB.match(rest) or re.fullmatch(r",\s*(?:\w+ly\s+)?", rest)
    return close if acts else None


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
    passive = passive_trigger(trigger) or _reduced_passive(sentence, trigger)
    apposed = [] if passive else [(h, _apposition_end(sentence, h, trigger)) for h in actors]
    heads = [(h, close) for h, close in apposed if close is not None]
    if heads:  # the subject past its appositive, and no name the appositive holds
        head, close = heads[0]
        doer = (2, head)
        actors = [a for a in actors if not head.end <= a.start < close]
    claimant = next((a for a in actors if _claims(sentence, a, trigger)), None)
    if claimant is not None:  # "ISIS Claims Iran Attack": the claimant's, a name after is where
        return claimant, None
    for a in sorted(actors, key=lambda a: abs(a.start - trigger.start)):
        before = sentence[: a.start]
        if before.lower().endswith("anti-"):
            continue  # "an anti-US attack": the US is what it is against
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
        elif trigger.start < a.start < trigger.end and _LOYAL.search(sentence, 0, a.start):
            rank = 0  # "fighters loyal to the Islamic State West Africa Province overran"
        elif a.end <= trigger.start and _ADJACENT.fullmatch(between):
            rank = 0  # "U.S. airstrike", "Houthi drone attack", "Sunday's American strike"
        elif (
            _BLAMED.search(before)
            or _blamed_for(sentence, a, trigger)
            or (
                a.start >= trigger.end
                and (
                    (
                        _BY.match(sentence[trigger.end : a.start])
                        and not _taken_from(sentence, trigger, a)
                    )
                    or _agent_before(sentence, trigger, a.start)
                )
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
        if (
            rank is None
            and a.start >= trigger.end
            and _WAS_A.fullmatch(sentence, trigger.end, a.start)
        ):
            rank = 1  # "The Raid on Yakla was a joint United States/… operation": its doer
        if rank is not None:
            if doer is None or rank < doer[0]:
                doer = (rank, a)
        elif (
            a.start >= trigger.end
            and not passive  # "Soldiers Killed in Taliban Assault": whose assault, no target
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


_KILLED_IN_A = re.compile(
    r"\b(?:was|were)\s+killed\s+in\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}$", re.I
)


def kind_by_victims(sentence: str, trig: Trigger, victim: ActorMention | None) -> str:
    """The kind of a passive of force ("were killed") or of what they were killed in ("a senior
    ISIS-K commander was killed in a raid") from its victims, '' when they do not say: members
    of an armed group fall to a state's forces, soldiers to an armed group."""
    killed_in = _KILLED_IN_A.search(sentence, 0, trig.start)
    if not passive_trigger(trig) and not killed_in:
        return ""
    if victim is not None:
        return "attack" if victim.actor.type in STATE_TYPES else "strike"
    at = trig.start if passive_trigger(trig) or killed_in is None else killed_in.start()
    before = sentence[max(0, at - 60) : at]
    if _GROUP_VICTIMS.search(before):
        return "strike"
    if _FORCE_VICTIMS.search(before):
        return "attack"
    return ""


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


# Between a named actor and its verb only adverbs and a day: "Houthis on Sunday attacked",
# "al-Shabab reportedly raided" (not "Iran answered with missiles fired at": other verbs).
_ACT_GAP = (
    r"(?:(?:\w+ly|also|then|later|again|on\s+\w+|late|early|overnight|terrorists|militants"
    r"|fighters|members|militiamen|gunmen|rebels|insurgents|and\s+(?:its\s+|their\s+)?(?:affiliated"
    r"|allied|associated)\s+(?:groups|militias|factions))\s+){0,3}"
)
_ACTS = re.compile(
    # or what it says it did: "the Houthis said they targeted", "Ukraine said its drones struck"
    r"(?:\s+(?:said|says|claimed|announced|stated|confirmed)\s+(?:on\s+\w+\s+|\w+day\s+)?(?:that\s+)?"
    r"(?:it|they|(?:its|their)\s+[\w\-]+)(?:\s+had)?)?"
    rf"\s+(?P<gap>{_ACT_GAP})(?P<av>{lexicon.pattern(lexicon.verb_forms())})(?![\w\-])"
    rf"(?:\s+{_OBJECT}\b)?",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:have|has|had|will|would|could|may|might|must|should|not|never)\b", re.I
)
# Verbs that, with a named actor as subject, report an attack whatever follows them.
_ACTOR_VERBS = frozenset(
    (
        *"attack raid storm ambush bomb shell assault detonate invade overrun massacre".split(),
        *("behead", "execute", "kill", "open fire", "fire on", "fire at", "fire upon", "clash"),
        *("capture", "seize"),
    )
)


# Verbs of aim that report force only when they take a place or a target as object: "Russia
# struck Kyiv", "Ukraine hit a Russian airbase", "Israel struck Hezbollah positions" (not "Iran
# struck a deal", "the US hit back", "China hit the US with tariffs").
_AIMED_VERBS = frozenset({"strike", "hit", "target", "pound", "engage", "destroy"})
# What "with" or "by" may bring besides a target: a weapon ("Russia struck Kyiv with missiles").
_WEAPON_NOUNS = r"rockets?|missiles?|drones?|bombs?|shells?|artillery|airstrikes?|strikes"
_AIMED = re.compile(
    rf"\s+(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w\-’'.]+(?:['’]s)?\s+){{0,3}}?(?P<target>{_OBJECT}\b)"
    r"|\s+(?:(?:the|a|an)\s+)?(?-i:[A-Z])[\w\-’']+(?:\s+(?-i:[A-Z])[\w\-’']+)*+"
    # the whole object: not "targeted Ukrainian grain exports", "hit Ukraine's economy"
    r"(?=\s*[,.;:]|\s*$|\s+(?:on|in|at|with|by|overnight|early|late|last|again|near|from|and"
    r"|after|before|during|using|killing|wounding|damaging|destroying|injuring)\b)"
    # "with" or "by" only of a weapon: not "hit the US with tariffs"
    r"(?!\s+(?i:with|by)\s+(?!(?:\w+\s+){0,3}?"
    rf"(?i:{_WEAPON_NOUNS})\b))",
)


# A transitive verb takes an object: one that a preposition follows is a noun.
_NOUN_USE = re.compile(r"\s+(?:in|on|at|against|near|by|from|kills?|hits?|leaves?)\b", re.I)
_WITH_WEAPON = re.compile(
    rf"\s+with\s+(?:[\w\-]+\s+){{0,2}}?(?:{_WEAPON_NOUNS})\b",
    re.I,
)


def acted_by(text: str, end: int, *, state: bool) -> Trigger | None:
    """The action an actor named just before ``end`` is the subject of ("al-Shabab raided a
    military base", "ISIS-GS attacked the village"), as a strong trigger over the verb.

    Like the lexicon's agents, a state's forces report no event by killing or wounding alone
    ("security forces killed two suspects"), and nothing is done that only "has been",
    "will be" or "could be" done.

    >>> t = acted_by("Houthis attacked a ship.", 7, state=False)
    >>> t.text, t.strong
    ('attacked a ship', True)
    >>> acted_by("Iran will attack the base.", 4, state=True) is None
    True
    """
    m = _ACTS.match(text, end)
    if m is None or _NOT_DONE.search(m["gap"]):
        return None
    lemma = _lemma(m["av"])
    if lemma in _TAKING and not _TAKEN.match(text, m.end("av")):
        return None  # "Houthi forces captured the city of Al Hazm", not "captured two men"
    bare = m["av"].lower() in (lemma, f"{lemma}s")  # "attack", "attacks": a noun as well
    if (bare or m["av"][0].isupper()) and _NOUN_USE.match(text, m.end("av")):
        return None  # a noun: "the biggest US attack on a group", "US Attack In Iraq Is …"
    aim = _AIMED.match(text, m.end("av")) if lemma in _AIMED_VERBS else None
    # in a title-cased headline every word looks like a name ("Iran Strikes Back"): a target
    aimed = aim is not None and (
        aim["target"] is not None
        or m["av"][0].islower()
        or _WITH_WEAPON.match(text, aim.end()) is not None  # "Russia Strikes Ukraine With Missiles"
    )
    if (lemma not in _ACTOR_VERBS and not aimed) or (state and lemma in _UNIT_VERBS):
        return None  # "the US hits back", "Iran struck a deal": too loose without a target
    start = m.start("av")
    weapon = lexicon.ACTION_VERBS[lemma]
    return Trigger(start, m.end(), text[start : m.end()], "", weapon, True, "", False, None)
