"""The patterns of event predicates: the rules :mod:`geo.extract.triggers` matches.

Each rule is a regex over a sentence with the kind and weapon it implies and whether it can
report a new event by itself (strong).  The words come from :mod:`geo.extract.spans.lexicon`, in all
their inflections; this module only arranges them into phrases (an agent and its verb, a
weapon and its noun, a barrage of rockets, a passive of force).

Examples
--------
>>> m = PATTERN.search("Israeli warplanes struck a depot.")
>>> m.group(0), RULES[int((m.lastgroup or "r0")[1:])][1:]
('warplanes struck a depot', ('', '', True))
"""

from __future__ import annotations

import re

from geo.extract.spans import lexicon
from geo.extract.spans.scan import Scan, words_pattern

__all__ = ["OBJECT", "PATTERN", "RULES", "SCAN", "UNIT_VERBS", "WEAPON_WORDS", "may_report"]

_W = {"drone": "drone", "uav": "drone", "rocket": "rocket", "mortar": "artillery"}
_W |= {"missile": "missile", "ballistic": "missile", "cruise": "missile", "artillery": "artillery"}
_W |= {"ied": "ied", "roadside": "ied", "car": "ied", "suicide": "ied", "bomb": "ied"}

# An agent of the lexicon as the subject of an action verb: "gunmen opened fire on a patrol",
# "Israeli warplanes on Sunday struck", "a suicide bomber kills 12" (headlines' present tense).
# The words between may not make it passive ("troops were killed").
_GAP = (
    # not an event noun: "artillery fire killed" is the fire's, a noun phrase of its own
    # nor a verb of stopping it: "forces ended an overnight attack" (the other side's)
    r"(?:(?!(?:was|were|been|being|is|are|be|who|which|that|and|or|but|while|as|to|fire"
    r"|attacks?|strikes?|barrages?|salvos?|shelling|ended|repelled|repulsed|foiled|thwarted"
    r"|stopped|halted|prevented|resisted|survived|condemned)\b)"
    r"[\w\-’']+\s+){0,4}?"
    # or what they used: "Taliban fighters used tunnels to attack government checkpoints"
    r"|(?:used|using)\s+(?:[\w\-’']+\s+){1,4}?to\s+"
    # or where they were or what they used: "soldiers at the Bardelle airstrip in Baidoa shot
    # down", "insurgents using night vision and laser targeting equipment briefly overran"
    r"|(?:(?:at|in|near|on|using|with)\s+(?:the\s+)?(?-i:[A-Z]?)[\w\-’']+\s+"
    r"(?:(?!(?:was|were|been|is|are|who|which|that|to|said|says|\w+e[sd])\b)[\w\-’']+\s+){0,5}?){1,2}"
    r"(?:\w+ly\s+)?"
    # or a first verb phrase and "and": "militants came ashore on small boats and attacked"
    r"|(?:(?!(?:was|were|been|being|is|are|be|who|which|that|and|or|but|while|as|to|said"
    r"|says)\b)[\w\-’']+\s+){1,10}?and\s+"
    # or a clause and then a participle after a comma: "a Reaper patrolled over the
    # Euphrates on Tuesday, striking armed terrorists"
    r"|(?:(?!(?:was|were|been|being|is|are|be|who|which|that|or|but|while|said|says|fired"
    rf"|launched|{lexicon.pattern(lexicon.verb_forms())})\b)[\w\-’']+,?\s+){{1,16}}?(?<=,\s)"
    r"(?=(?:striking|destroying|hitting|targeting|bombing|shelling|engaging|attacking|raiding"
    r"|storming|ambushing)\b)"
)
# What strikes hit, as its own phrase: "struck five weapons depots".
_OBJECT = (
    r"(?:(?!(?:at|in|on|near|outside|inside|around|across|with)\b)[\w\-]+\s+){0,4}?"
    r"(?:targets|sites|facilities|buildings?|complex(?:es)?|markets?|homes|houses?"
    r"|positions|depots|weapons\s+caches|locations|compounds|warehouses|hubs|bases"
    r"|headquarters|launchers|installations|infrastructure|storage\s+areas|command\s+posts"
    r"|vehicles?|convoys?|trucks?|militants|ships?|tankers?|facility|site|depot|compound"
    r"|warehouse|safe\s+house|building|position|checkpoint|camp|networks?|cells?|fighters"
    r"|members|leaders?|commanders?|operatives|hideouts?|strongholds?|air\s*bases?|airfields?"
    r"|barracks|outposts?|refiner(?:y|ies)|(?:command|operations|control)\s+cent(?:er|re)s?"
    r"|(?:radar|launch)\s+sites?|air\s+defen[cs]es?|destroyers?|warships?|frigates?|vessels?"
    r"|(?:aerial|surface|underwater)\s+(?:systems?|vehicles?|vessels?)|UAVs|UASs?|USVs|tunnels?"
    r"|(?:energy|power)\s+(?:grids?|plants?|stations?|facilities)"
    # places and people: "Russia struck the city of Horniak", "shelled residential areas"
    r"|cit(?:y|ies)|towns?|villages?|districts?|neighbou?rhoods?|suburbs?|areas|oblasts?"
    r"|hospitals?|schools?|apartments?|civilians)"
)
# What may stand between an agent and its verb besides a few words: a parenthesis and who
# leads or backs it ("militants led by Igor Girkin (a retired colonel) attacked").
_ASIDE = (
    r"(?:\([^()]{0,120}\)\s+"
    r"|(?:led|backed|supported|commanded|loyal|linked|affiliated|allied)\s+(?:by|to|with)\s+"
    r"(?:[\w\-’'.]+\s+){1,4}?(?:\([^()]{0,120}\)\s+)?)?"
)
_AGENT_ACTS = (
    rf"(?P<ag>{lexicon.pattern(list(lexicon.AGENTS))})\s+{_ASIDE}"
    # the subject of a relative clause: "terrorists who were attacking army forces"
    r"(?:(?:who|that)\s+(?:(?:were|was)\s+(?=[a-z]+ing\b)|had\s+)?)?"
    rf"(?:{_GAP})"
    # a verb after an article is a noun: "killed three soldiers in an attack"
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)"
    rf"(?P<av>{lexicon.pattern(lexicon.verb_forms())})(?:\s+{_OBJECT}\b)?"
)
_NOUN_EVENTS = rf"(?P<nv>{lexicon.pattern(lexicon.noun_forms())})"
# Agents that are a state's units use force but do not "kill" as an event of their own:
# "forces killed two suspects" is reported by its own verb ("raided", "struck") if at all.
_UNIT_VERBS = frozenset({"kill", "wound", "injure", "damage", "execute", "behead", "massacre"})

_VICTIM = lexicon.pattern(list(lexicon.VICTIM_PARTICIPLES))

# (pattern, kind, weapon or weapon-group name, strong, plural-group name)
_WEAPON = (
    r"(?P<w>rocket|mortar|drone|UAV|missile|ballistic[- ]missile|cruise[- ]missile|artillery|bomb)"
)
_RULES: tuple[tuple[str, str, str, bool], ...] = (
    (
        r"air[- ]?strikes?|air[- ]?raids?|aerial\s+(?:bombardments?|bombings?|strikes?|attacks?)"
        r"|air\s+operations?(?!\s+(?:cent(?:er|re)s?|command))",
        "strike",
        "airstrike",
        True,
    ),
    (r"precision\s+(?:strikes?|attacks?)|(?:retaliatory|defensive)\s+strikes?", "strike", "", True),
    (_AGENT_ACTS, "", "", True),
    (r"bombed\b(?!\s+(?:of|by)\s+(?:a|an)\s+(?:car|suicide))", "strike", "airstrike", True),
    # "bombings" are mostly an armed group's; the actor decides (a state's are airstrikes).
    (r"bomb(?:ing|ings)\b(?!\s+(?:of|by)\s+(?:a|an)\s+(?:car|suicide))", "", "", True),
    (
        r"(?:car|truck|suicide|roadside)[- ]bomb(?:s|ings?|ers?)?|IEDs?\b|improvised\s+explosive"
        r"\s+devices?"
        # "a car packed with explosives", "an explosives-laden truck"
        r"|(?:cars?|trucks?|vehicles?|motorcycles?|minibus(?:es)?|vans?)\s+(?:packed|laden|loaded"
        r"|rigged|filled)\s+with\s+explosives|explosives?[- ]laden\s+(?:cars?|trucks?|vehicles?)",
        "attack",
        "ied",
        True,
    ),
    (_WEAPON + r"\s+(?:attacks?|assaults?|strikes?|fire|salvos?|barrages?)", "", "", True),
    (
        r"one[- ]way\s+attack\s+drones?|suicide\s+drones?|kamikaze\s+drones?",
        "attack",
        "drone",
        True,
    ),
    (
        r"(?:barrages?|salvos?|volleys?)\s+of\s+(?:\w+\s+){0,3}?(?P<w2>rockets|missiles|drones|mortars"
        r"|(?:rocket|missile|drone)\s+(?:attacks|strikes))",
        "",
        "",
        True,
    ),
    (
        r"(?P<w3>rockets|missiles|mortars?|mortar\s+rounds|drones|(?:rocket-propelled\s+)?grenades"
        r"|RPGs|shells)\s+(?:were|was|are|is|had\s+been)\s+(?:fired|launched)",
        "",
        "",
        True,
    ),
    (
        r"(?P<w5>rockets?|missiles?|drones?|mortar\s+(?:rounds?|shells?)|mortars?|projectiles?"
        r"|shells)\s+"
        r"(?:(?:packed|laden|loaded|armed|rigged)\s+with\s+(?:\w+\s+){0,2}?\w+\s+)?"
        # "a rocket fired from Lebanon reportedly killed 12"
        r"(?:(?:fired|launched)\s+(?:from|by)\s+(?:the\s+)?(?:[\w\-]+\s+){1,3}?)?(?:\w+ly\s+)?"
        r"(?:hits?|struck|impact(?:s|ed)|kill(?:s|ed)|wound(?:s|ed)|pound(?:s|ed)?|smash(?:es|ed)"
        r"|slam(?:s|med)\s+into|(?:lands?|landed|falls?|fell|crash(?:es|ed)?|rain(?:s|ed)\s+down)"
        r"\s+(?:on|in|near|inside|around)|targeted|attacked|explod(?:es|ed)"
        r"|(?:were|was)\s+aimed\s+at)",
        "",
        "",
        True,
    ),
    (
        # past, and the present of timelines and headlines ("Israel later fires artillery at")
        r"(?:fire[sd]?|launch(?:es|ed)?|launching)\s+(?:(?:[\w\-]+\s+){0,4}?(?P<w4>rockets|missiles"
        r"|drones|mortars|ballistic\s+missiles|artillery(?=\s+(?:at|on|toward|towards|into)\b))"
        r"|(?:an?|one|a\s+single)\s+(?:[\w\-]+\s+){0,3}?(?P<w6>rocket|missile|drone"
        r"|mortar)(?!\s+(?:attacks?|assaults?|strikes?|boats?|fire|salvos?|barrages?)\b))",
        "",
        "",
        True,
    ),
    (
        r"targeted\s+(?:[\w\-]+\s+){1,6}?with\s+(?:an?\s+)?(?:[\w\-]+\s+){0,2}?"
        r"(?P<w7>rockets?|missiles?|drones?)",
        "",
        "",
        True,
    ),
    (
        r"unmanned\s+surface\s+vessels?|(?:suicide\s+|explosive[- ]laden\s+)?drone\s+boats?|USVs?\b"
        r"|explosive[- ]laden\s+boats?",
        "attack",
        "vessel",
        True,
    ),
    (r"(?:terror(?:ist)?|suicide)\s+attacks?", "attack", "", True),
    # "stabbed eight people", "a knife attack": an attack, whoever did it
    (
        r"stabb(?:ed|ing)\s+(?:(?:\w+\s+){0,2}?(?:people|persons|civilians|tourists|worshippers"
        r"|officers|policemen|soldiers|guards|men|women|israelis|residents|passers-by))"
        r"|(?:knife|stabbing)\s+attacks?",
        "attack",
        "",
        True,
    ),
    # "a grenade was thrown at a checkpoint"
    (
        r"(?:hand\s+)?grenades?\s+(?:was|were|is|are)\s+(?:thrown|hurled|lobbed|tossed)"
        # "an extremist threw two hand grenades at a distribution centre"
        r"|(?:thr(?:ew|ows?|owing)|hurl(?:ed|s|ing)|lobb(?:ed|ing)|toss(?:ed|es|ing))\s+"
        r"(?:[\w\-]+\s+){0,3}?(?:hand\s+)?grenades?",
        "attack",
        "",
        True,
    ),
    (
        r"(?:was|were|been)\s+(?:hit|struck|targeted)\s+by\s+(?:[\w\-]+\s+){0,3}?"
        r"(?P<w8>missiles?|rockets?|drones?|mortar\s+(?:rounds?|shells?)|drone\s+boats?)",
        "",
        "",
        True,
    ),
    # "a fresh wave of strikes": one operation, whoever carried it out.
    (
        r"(?:wave|round)\s+of\s+(?:[\w\-]+\s+){0,2}?"
        r"(?:(?:air\s*)?strikes|attacks|bombings|explosions|blasts)",
        "",
        "",
        True,
    ),
    (
        # past and, in headlines, present: "U.S. target al-Shabaab network"
        r"(?:hits?|struck|target(?:s|ed)?|bomb(?:s|ed))\s+" + _OBJECT,
        "",
        "",
        True,
    ),
    # "air defences intercepted 36 rockets": the rockets were an attack, even if they failed
    (
        r"(?:intercept(?:ed|s|ing)?|shot\s+down|downed)\s+(?:[\w\-]+\s+){0,4}?"
        r"(?P<w9>rockets?|missiles?|drones?|UAVs?)",
        "",
        "",
        False,
    ),
    (r"shelling", "", "artillery", False),
    (_NOUN_EVENTS, "", "", False),
    (
        r"(?:was|were|been|being)\s+(?:struck|hit|targeted|bombed|attacked|ambushed|shelled"
        r"|raided|stormed)",
        "",
        "",
        False,
    ),
    # aircraft drop bombs: "the U.S. dropped the most powerful bomb", "the bomb was dropped"
    (
        r"dropp(?:ed|ing|s)\s+(?:[\w\-]+\s+){0,6}?bombs?|bombs?\s+(?:was|were)\s+dropped",
        "strike",
        "airstrike",
        True,
    ),
    (
        rf"(?:was|were|is|are|been|being)\s+(?:(?:\w+ly|also)\s+)?(?:{_VICTIM})"
        # a headline's passive without its auxiliary: "10 Police Killed in Afghanistan"
        r"|(?<=[A-Za-z] )(?-i:Killed|Shot\s+Dead|Gunned\s+Down|Assassinated)"
        r"(?=\s+(?i:in|near|at)\s)"
        r"|c(?:ame|omes?|oming)\s+under\s+(?:\w+\s+){0,2}?(?:fire|attack)"
        # "positions were the target of small arms fire"
        r"|(?:was|were|is|are|been)\s+the\s+targets?\s+of",
        "",
        "",
        False,
    ),
    # not an idiom: "Israel Strikes Deal With Hamas", "strikes a balance", "strikes back"
    (
        r"strikes?(?!\s+(?:an?\s+)?(?:deal|back|out|gold|chord|balance|agreement|accord|note|tone"
        r"|pose|bargain|compromise|truce)\b)|attacks?|assaults?|barrages?|salvos?|raids?",
        "",
        "",
        False,
    ),
)
# One \b around the whole alternation (same matches as a \b around each rule, since a rule
# whose end is no word boundary backtracks into the next): positions inside words then fail
# at once instead of once per rule.
_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<r{i}>{rule[0]})" for i, rule in enumerate(_RULES)) + r")\b",
    re.IGNORECASE,
)

#: Weapon words and the weapon they name.
WEAPON_WORDS = _W
#: What strikes hit, as its own phrase ("struck five weapons depots").
OBJECT = _OBJECT
#: The rules: (pattern, kind, weapon, strong).
RULES = _RULES
#: All rules in one alternation; the group ``r<i>`` that matched names rule ``i``.
PATTERN = _PATTERN
#: The matches of :data:`PATTERN`, tried only where a rule's words can begin.
SCAN = Scan.of(_PATTERN)
#: Verbs a state's units use without an event of their own ("forces killed two suspects").
UNIT_VERBS = _UNIT_VERBS


# Cheap test before the full trigger search: most sentences of an article report nothing.
# Searched in the lower-cased sentence: several times faster than re.I over an alternation.
# The stems cover every rule of the rules above and every word of the lexicon
# (a test checks that each lexicon form contains one).
_STEMS = (
    *"strik strick struck attack raid assault barrage salvo volley bomb rocket".split(),
    *"missile drone mortar".split(),
    *"hit target fire launch shell ied explosive vessel usv boat artillery pound storm".split(),
    *"ambush kill shoot shot detonat explod blow blew rock tear tore torn rip destroy".split(),
    *"engag wound injur damag massacr behead execut gunfire blast explos firing".split(),
    *("assassin", "gunned", "abduct", "came under", "come under", "comes under", "coming under"),
    *("invad", "overr", "land", "fell", "fall", "crash", "slam", "clash", "intercept", "downed"),
    *("go off", "goes off", "went off", "gone off", "going off", "firefight", "gun battle"),
    *("gunfight", "skirmish", "stabb", "knife", "rpg"),
    *("impact", "hijack", "dropp", "grenade", "captur", "seiz"),
)
_ANY_TRIGGER = re.compile(words_pattern(_STEMS))


def may_report(sentence: str) -> bool:
    """Cheap test: could this sentence report a strike or attack at all?

    >>> may_report("Rockets hit the base."), may_report("Talks resumed in Geneva.")
    (True, False)
    """
    return _ANY_TRIGGER.search(sentence.lower()) is not None
