"""Whether a mention reports particular events or speaks of a kind of event, or of none.

"Conducted strikes on an ISIS cache near Hajin" reports strikes; "attacks on shipping", "25
attacks since November" and "destroyed four IEDs" do not.  :func:`early_skip` judges a
trigger by its words alone, :func:`specific` a bare plural once its date and place are known,
and :func:`negation` finds the cues (condemnations, denials, threats, funerals) around it.
"""

from __future__ import annotations

import re

from geo.extract.locate import PlacePick
from geo.extract.spans import lexicon
from geo.extract.spans.counts import casualties
from geo.extract.spans.dates import EventDate
from geo.extract.triggers import Trigger

__all__ = [
    "ACTED",
    "TOLL",
    "early_skip",
    "negation",
    "other_events",
    "reported_plural",
    "specific",
]

# A verb of carrying out, in the past or in the historical present of timelines and headlines
# ("Pakistan carries out airstrikes on ...", "Houthis launch drones at ..."); not "have
# launched" (a habit) nor the infinitive ("to launch").
_PAST_VERB = re.compile(
    r"(?<!have )(?<!has )(?<!to )\b(?:launch(?:ed|es)?|carr(?:ied|ies|y)\s+out|conduct(?:ed|s)?"
    r"|fire[ds]|stage[ds]|mount(?:ed|s)?|resume[ds])\s+(?:[\w\-]+\s+){0,2}$"
    # "the United States responded on February 2 with strikes on 85 targets"
    r"|\b(?:respond(?:ed|s)|retaliat(?:ed|es))\s+(?:[\w\-]+\s+){0,4}?with\s+(?:[\w\-]+\s+){0,2}$",
    re.I,
)
# A perfect the verb of carrying out is joined to: "have asserted control … and carried out".
_PERFECT_AND = re.compile(r"\b(?:have|has)\s+(?!been\b)\w+(?:ed|en)\b[^.;:]*\sand\s+$", re.I)
# Words that make "25 attacks" a total over time, not one day's strikes at one place.
_TOTAL = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|a\s+total|totall?ing|altogether|cumulative"
    r"|(?:this|last|that|each|every|per|a)\s+(?:week|month|year)|(?:past|last|previous|recent)"
    r"\s+(?:\w+\s+)?(?:days|weeks|months|years)|campaign|dozens\s+of\s+times|over\s+the\s+course)\b",
    re.I,
)
# The trigger is the subject of a past action: "a strike destroyed two vehicles".
# A toll the subject took, later in its clause: "… in Tuz Khormato killed 5", "bombings in
# other areas, including Baghdad, left at least 24 dead"
TOLL = re.compile(
    r"[^.;:]{0,100}?\b(?:left|leaving|killed|killing|wounded|injured)\s+(?:at\s+least\s+|about\s+"
    r"|some\s+|more\s+than\s+|over\s+|nearly\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|dozens|scores|hundreds|several)\b)",
    re.I,
)
ACTED = re.compile(
    # "bombings and other attacks also killed", "strikes reportedly destroyed"
    r"\s+(?:(?:and|or)\s+(?:other\s+)?[\w\-]+\s+)?"
    # "attacks in Herat and Badghis provinces caused": a place between the noun and its verb
    r"(?:(?:in|near|on|at|across|around)\s+(?:the\s+)?(?-i:[A-Z])[\w\-']*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w\-']*){0,3}"
    r"(?:\s+(?:province|provinces|city|region|district|governorate)s?)?\s+)?"
    r"(?:(?:\w+ly|also)\s+)?(?:destroyed|engaged|killed|hit|struck|targeted|damaged|wounded|injured|caused"
    r"|eliminated|suppressed|set\s+fire|left|claimed|took\s+place|occurred|happened|erupted"
    r"|broke\s+out)\b",
    re.I,
)
# Verbs of doing an event, past or ongoing: "carried out", "conducting", "launched".
_DOING = (  # past, and the present of headlines ("Israeli forces launch a strike on Beirut")
    r"carr(?:ied|ying|ies)\s+out|conduct(?:ed|ing|s)?|launch(?:ed|ing|es)?|mount(?:ed|ing|s)?"
    r"|stag(?:ed|ing|es)|perform(?:ed|ing|s)?|made|makes"
    # "IS claimed an attack on a checkpoint": the claimant's attack
    rf"|{lexicon.CLAIM}"
)
# The object of a verb of doing, done: "Rangers carried out a raid on a commander".
DONE = re.compile(rf"\b(?:{_DOING})\s+(?:an?|one)\s+(?:[\w\-]+\s+){{0,3}}$", re.I)
# A count of events a subject did: "forces conducted 28 strikes", "jets carried out five raids".
DONE_COUNT = re.compile(
    rf"\b(?:{_DOING}|flew)\s+(?:at\s+least\s+)?"
    # an exact count, not "several" or "dozens of": "conducted 28 strikes", "two raids"
    r"(?!(?:several|dozens|many|numerous|scores|multiple|some)\b)(?:[\w\-]+\s+){1,3}$",
    re.I,
)
# Bombs, IEDs and rockets that are the objects of a verb of destroying or finding are
# weapons, not attacks: "destroyed 36 fighting positions, four IEDs and an IED factory",
# "found a car bomb".  The list after the verb runs to the clause's end.
_SEIZED = re.compile(
    r"\b(?:destroy(?:ed|ing|s)?|seiz(?:ed|ing|es)|found|finding|defus(?:ed|ing)|dismantl(?:ed|ing)"
    r"|clear(?:ed|ing)|captur(?:ed|ing)|confiscat(?:ed|ing)|discover(?:ed|ing)|recover(?:ed|ing)"
    r"|engag(?:ed|ing)|neutrali[sz](?:ed|ing)|disabl(?:ed|ing)"
    r"|caches?\s+of|storage\s+of|factor(?:y|ies)\s+for)\b"
    r"(?:(?!\b(?:when|after|while|as|before|that|which|who|by|killing|in|near|at|on|during|amid"
    r"|following|under)\b)[^.;:!?—–])*?"
    r"(?:\b(?:an?|the|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|several|\d+)\s+)?"
    r"(?:(?!(?:in|by|at|near|on|during|with|from)\b)[\w\-]+\s+){0,2}$",
    re.I,
)


# A bare gerund after "of", "for" or "from" names an activity: "accused the coalition of
# bombing civilian areas", "refrain from shelling".
_ACTIVITY = re.compile(r"\b(?:of|for|from)\s+$", re.I)


_SHARE = re.compile(
    r"\b(?:majority|most|many|some|all|none|dozens|hundreds|thousands|half|share|number|types?"
    r"|kinds?)\s+of\s+(?:the\s+|these\s+|those\s+)?(?:[\w\-]+\s+)?$",
    re.I,
)


# What an act answers is an earlier event: "in retaliation for an attack on its consulate".
_ANSWERED = re.compile(
    r"\bin\s+(?:response|retaliation|reprisal)\s+(?:to|for)\s+(?:an?|the|its|their)\s+"
    r"(?:[a-z\-’']+\s+){0,2}$",  # no date among them: "for an April 1 strike" has its day
    re.I,
)
# ... unless the text gives it a day: "in response to the rocket attack on Sderot on Monday".
_OWN_DAY = re.compile(  # or a weekday alone: "for a daring Hamas attack Saturday on a crossing"
    r"[^.;]{0,60}?\b(?:(?:on|last)\s+(?:\d|(?-i:[A-Z])[a-z]+\.?\s+\d|\w+day\b)"
    r"|(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)",
    re.I,
)
_SINCE_CLAUSE = re.compile(r"(?:^|[.;:]\s+)\W*Since\s+(?!\w+day\b)[^,;:]*$", re.I)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)


def early_skip(sentence: str, trig: Trigger, cue: str, headline: bool) -> str:
    """Why a trigger reports no event, from its words alone ('' when it may).

    A condemnation is no reason: "we condemn the attack in Baghdad last night" reports the
    attack (as a reference back, which stands as an event when the article has no other).
    """
    skip = "" if cue == "condemnation" else cue  # ``cue``: :func:`negation` of the trigger
    if not skip and trig.count is not None and _TOTAL.search(sentence):
        skip = f"count of {trig.count} events, not one event"
    seized = _SEIZED.search(sentence, max(0, trig.start - 120), trig.start)
    passive = seized is not None and _BE_BEFORE.search(sentence, 0, seized.start())
    if not skip and seized and not passive:
        skip = "a weapon destroyed, seized or found, not used"
    # "a large number of Taliban fighters attacked": people counted, not attacks
    acting = " " in trig.text and _OWN_PAST.search(trig.text, trig.text.find(" ")) is not None
    share = _SHARE.search(sentence[max(0, trig.start - 40) : trig.start])
    if not skip and trig.plural and not acting and share:
        skip = "a share of many events, not one event"  # "the majority of attacks occurred in"
    gerund = not trig.determiner and re.fullmatch(r"\w+ing", trig.text) is not None
    if not skip and gerund and _ACTIVITY.search(sentence[max(0, trig.start - 20) : trig.start]):
        skip = "an activity, not one event"  # "accused the coalition of bombing civilian areas"
    if not skip and re.match(r"\s+campaigns?\b", sentence[trig.end :], re.I):
        skip = "a campaign of many events, not one event"  # "a Russian bombing campaign"
    if not skip and _MISHAP.match(sentence, trig.end):
        skip = "a disaster or an accident, not a use of force"  # "killed in a landslide"
    if not skip and _MISHAP_DOES.search(sentence, max(0, trig.start - 40), trig.start):
        skip = "a disaster or an accident, not a use of force"  # "a storm hit the air base"
    if (
        not skip
        and _ANSWERED.search(sentence, max(0, trig.start - 60), trig.start)
        and not _OWN_DAY.match(sentence, trig.end)
    ):  # "Iran launched drones in retaliation for an attack on its consulate"
        skip = "an earlier event that the act answers, told without a day of its own"
    if not skip and _SINCE_CLAUSE.search(sentence, 0, trig.start):
        skip = "the start of a period, not its news"  # "Since Putin's forces began their attack"
    if not skip and _labour(sentence, trig):
        skip = "a strike of workers, not a use of force"  # "teachers went on strike"
    generic = not trig.strong and not trig.determiner and trig.plural and trig.count is None
    # "conducted strikes on an ISIS cache near Hajin" reports strikes; a bare plural
    # without such a verb ("attacks on shipping") speaks of a kind of event.
    if not skip and generic and not headline and not reported_plural(sentence, trig):
        skip = "generic plural"
    return skip


# Disasters of nature that kill and hit as force does: what :data:`_MISHAP` (what people die
# in) and :data:`_MISHAP_DOES` (what hits) both name, each adding its own.
_DISASTERS = (
    r"rain\s*storms?|storms?|snow\s*storms?|floods?|flooding|landslides?|mudslides?|earthquakes?"
    r"|avalanches?|fires?|blazes?|heat\s*waves?|lightning|cyclones?|hurricanes?"
)
# "Six people are killed in rainstorms", "a blast in a gas cylinder accident"
_MISHAP = re.compile(
    r"(?:\s+[\w\-]+){0,3}?\s+(?:in|by|during|after|when)\s+(?:a|an|the)?\s*(?:[\w\-]+\s+){0,2}?"
    rf"(?:{_DISASTERS}|accidents?|(?:car|road|traffic|plane|bus|train|helicopter)\s+crash(?:es)?"
    r"|stampedes?|typhoons?|building\s+collapses?|gas\s+(?:leaks?|cylinders?)|drowning)\b",
    re.I,
)


# A strike of work, not of force: "went on strike", "a hunger strike", "a general strike over
# unpaid wages", in a sentence that says nothing of arms.
_WORK_STRIKE = re.compile(
    r"\b(?:(?:go|goes|went|gone|going|are|is|were|was|been|be|remain(?:ed|s)?)\s+on"
    r"|hunger|general|labou?r|nationwide|wildcat|workers['’]?|teachers['’]?|doctors['’]?)\s+$",
    re.I,
)
_WORK_WORDS = re.compile(
    r"\b(?:workers|employees|unions?|wages|salar(?:y|ies)|pay|pensions|teachers|doctors|nurses"
    r"|drivers|staff|miners|students|prisoners|detainees|walkout|hunger)\b",
    re.I,
)
_ARMS_WORDS = re.compile(
    r"\b(?:air|drone|missiles?|rockets?|forces|troops|killed|kills|wounded|injured|military|army"
    r"|jets|bombs?|militants|dead)\b",
    re.I,
)


def _labour(sentence: str, trig: Trigger) -> bool:
    """Whether a bare "strike" is one of work ("teachers staged a strike over unpaid pay")."""
    if trig.text.lower() not in ("strike", "strikes") or _ARMS_WORDS.search(sentence):
        return False
    if ACTED.match(sentence, trig.end):
        return False  # "a strike hit a workers' camp": one that hits is of arms
    own = _WORK_STRIKE.search(sentence, max(0, trig.start - 30), trig.start)
    return own is not None or _WORK_WORDS.search(sentence) is not None


# A disaster as the subject of a verb of force: "a storm hit the air base", "floods struck"
_MISHAP_DOES = re.compile(
    rf"\b(?:{_DISASTERS}|quakes?|tremors?|wildfires?|tornado(?:e?s)?|tsunamis?|droughts?)"
    r"\s+(?:\w+ly\s+)?$",
    re.I,
)


def reported_plural(sentence: str, trig: Trigger) -> bool:
    """A bare plural a past verb of carrying out governs ("coalition aircraft conducted
    strikes on an ISIS weapons cache near Hajin"), or that is the subject of an action
    ("strikes hit Khan Younis"); or a bare noun someone claims ("ISIS claims attack in Iran")."""
    if trig.strong or trig.determiner:
        return False
    if not trig.plural:  # "ISIS claims attack in Iran": a bare noun a claim reports
        return _CLAIMED.search(sentence, max(0, trig.start - 50), trig.start) is not None
    if ACTED.match(sentence, trig.end) or TOLL.match(sentence, trig.end):
        return True  # "Israeli strikes hit Khan Younis", "bombings in Baiji left 24 dead"
    return bool(_PAST_VERB.search(sentence[max(0, trig.start - 40) : trig.start]))


_CLAIMED = re.compile(
    rf"\b{lexicon.CLAIM}\s+(?:(?-i:[A-Z])[\w\-’']*\s+){{0,2}}$",
    re.I,
)
_VERB_FIRST_WORDS = frozenset("hit hits struck targeted bombed was were been being".split())
_OWN_PAST = re.compile(
    r"(?:fired|launched|\w+ed|struck|shot|blew\s+up|went\s+off|tore|ripped|fell|hit|overran)\b",
    re.I,
)


_KILLED_IN = re.compile(
    r"\b(?:killed|wounded|injured|dead|died)\s+(?:in|by|during)\s+(?:[\w\-]+\s+){0,3}$", re.I
)
_NAMED_AFTER = re.compile(r"\s+(?:on|in|at|near|against)\s+(?:the\s+)?(?-i:[A-Z])", re.I)
_OTHER = re.compile(r"\bother\s+(?:[\w\-]+\s+){0,2}$", re.I)
_ACROSS = re.compile(r"\s+(?:\w+\s+){0,2}?across\b")


def other_events(sentence: str, trig: Trigger, place: PlacePick | None) -> bool:
    """Whether a plural tells of other events over a wide area ("Other attacks across central
    Iraq killed 7"): not one event, nor more of the one before it."""
    if not trig.plural or not _OTHER.search(sentence, max(0, trig.start - 30), trig.start):
        return False
    return place is None or place.place.kind == "country" or bool(_ACROSS.match(sentence, trig.end))


_SALVO = re.compile(r"\b\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?(?:drones|missiles|rockets)\b", re.I)


def specific(
    sentence: str,
    trig: Trigger,
    date: EventDate | None,
    place: PlacePick | None,
    sentence_dates: list[EventDate] | None = None,
) -> bool:
    """Whether a plural without a determiner reports particular events, not a habit: it has
    a day, or a past verb of carrying out governs it and the sentence gives a place of its
    own or a day ("on December 17, 2009 when the military launched cruise missiles")."""
    if date is not None and date.precision in ("day", "week"):
        return True
    verb = _PAST_VERB.search(sentence[max(0, trig.start - 40) : trig.start])
    if verb and _PERFECT_AND.search(sentence, 0, max(0, trig.start - 40) + verb.start()):
        verb = None  # "insurgents have seized towns and carried out attacks": a record
    # or the verb is the trigger's own: "launched cruise missiles", "two bombs exploded",
    # "Taliban fighters attacked several checkpoints"
    first = trig.text.split()[0].lower()
    own = re.match(r"(?:fired|launched)\b", trig.text, re.I) or (
        first not in _VERB_FIRST_WORDS
        and _OWN_PAST.search(trig.text, len(first))
        # "jets have pounded positions" is a campaign; "three car bombs have exploded in
        # Baghdad, killing 15" is news of one day
        and (
            not re.search(r"\b(?:have|has)\b", trig.text, re.I)
            or casualties(sentence).killed is not None
        )
    )
    if own and date is not None and date.precision == "month" and _SALVO.search(trig.text):
        return True  # "In April 2024, Iran launched more than 300 drones and missiles": one salvo
    if own and re.match(r"\s+(?:a|an)\s", sentence[trig.end : trig.end + 4]):
        return True  # "Russian forces also hit a military training base in the west": one target
    acted = ACTED.match(sentence, trig.end) or TOLL.match(sentence, trig.end)
    # "Seven militants have been killed in Israeli air strikes on the Gaza Strip": the toll of
    # strikes at a place below a country, not of a year's
    toll = _KILLED_IN.search(sentence, max(0, trig.start - 40), trig.start)
    toll = toll and _NAMED_AFTER.match(sentence, trig.end)  # the place right after them
    coarse = date is not None and date.precision in ("month", "year")
    if toll and place is not None and place.place.kind != "country" and not coarse:
        return True
    if not verb and not own and not acted:  # "strikes destroyed", "bombings … left 24 dead"
        return False
    day = any(d.precision == "day" for d in sentence_dates or ())
    # "In August, the IDF struck PIJ targets in Gaza": an act of its own in a month, at a place
    month = own and date is not None and date.precision == "month"
    return day or (place is not None and (place.local or bool(month)))


_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "condemnation",
        re.compile(
            r"\b(?:condemn\w*|decr(?:ied|y)|denounc\w*|criticiz\w*|criticis\w*|"
            r"(?:called|described|labell?ed|termed)\s+(?:the|this|these|it)\b)",
            re.I,
        ),
    ),
    ("denial", re.compile(r"\b(?:den(?:ied|ies|y)|not\s+(?:carry|carried)\s+out)\b", re.I)),
    (
        "threat",
        re.compile(
            r"\b(?:threat\w*|vow\w*|warn\w*|pledg\w*|promis\w*|(?:will|would|could|may|might)"
            r"\s+(?:\w+\s+)?(?:launch|carry|conduct|strike|attack|retaliate|respond)"
            r"|prevent\w*|deter\w*|protect\w*|(?:(?<!\d )(?<!two |six |ten )(?<!four |five |nine )"
            # "carried out four more airstrikes" counts strikes done, "more strikes" threatens
            r"(?<!three |seven |eight )more|further|future|possible|planned|potential|imminent)"
            r"(?:\s+[\w.\-]+){0,2}\s*$)",
            re.I,
        ),
    ),
    (
        # "resumes his investigation into the explosion": talk of an event, not its report
        "an inquiry or anniversary, not a report of the event",
        re.compile(
            r"\b(?:investigat(?:ion|ions|ing)|inquir(?:y|ies)|probes?|anniversary|commemorat\w*"
            r"|memorials?|trials?)\s+(?:into|of|for|over|on)\s+(?:the\s+)?(?:[\w\-’']+\s+){0,3}$",
            re.I,
        ),
    ),
    (
        "funeral or protest",
        re.compile(
            # protesters and demonstrators are people force may be used on, not a protest
            r"\b(?:funeral\w*|protest(?!ers?\b)\w*|rall(?:y|ies|ied|ying)"
            r"|demonstrat(?!ors?\b)\w*|burn\w*\s+(?:a|the)\s+\S+\s+flag)\b",
            re.I,
        ),
    ),
)
_TOLD_MORE = re.compile(r"\b(?:more|further)\b(?:\s+[\w.\-]+){0,2}\s*$", re.I)
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
# "fighters used tunnels to attack checkpoints": the purpose was carried out
# (not "sites used by the Houthis to attack ships": what sites are for)
_USED_TO = re.compile(r"\b(?:used|using)\s+(?!by\b)(?:[\w\-]+\s+){0,4}to\s+$", re.I)
_VERBS = frozenset({"strike", "attack", "raid", "bomb", "hit", "target", "assault"})
_AFTER_THREAT = re.compile(
    r"^[^.;]{0,30}?\b(?:may|might|could|would|will)\s+(?:\w+\s+)?(?:take\s+place|follow|come"
    r"|continue|be\s+(?:launched|carried))",
    re.I,
)


_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|shall)\s+(?:not\s+|also\s+|soon\s+|again\s+)?$", re.I
)


def negation(sentence: str, start: int, end: int | None = None) -> str:
    """Why the trigger at ``start`` in ``sentence`` reports no event, or ``""``.

    Funerals and protests anywhere in the sentence, and condemnations, denials and
    threats in the few words before the trigger (or a modal right after it: "more
    strikes may take place") make the mention no event.

    Examples
    --------
    >>> negation("US officials vowed more strikes", 27)
    'threat'
    >>> negation("A drone strike killed two on Sunday", 8)
    ''
    >>> negation("The ships are under orders not to strike targets on land.", 34, 40)
    'infinitive'
    """
    before = sentence[max(0, start - 45) : start]
    after = sentence[end:] if end is not None else sentence[start:]
    for name, cue in _CUES:
        if name == "funeral or protest":
            # "the funeral of those killed in the strike", "protests against the airstrikes"
            if cue.search(sentence[max(0, start - 90) : start]):
                return name
        elif cue.search(before):
            if (
                name == "threat"
                and _TOLD_MORE.search(before)
                and TOLL.match(sentence, end or start)
            ):
                continue  # "reports of further Russian missile attacks, …, killing seven"
            return name
    if _AFTER_THREAT.search(after) or _MODAL_BEFORE.search(before):
        return "threat"  # "more strikes may take place", "Iran will attack the base"
    infinitive = end is not None and sentence[start:end].lower().split()[0] in _VERBS
    if infinitive and _INFINITIVE.search(before) and not _USED_TO.search(before):
        return "infinitive"  # "orders not to strike targets", "plans to attack": no event
    return ""
