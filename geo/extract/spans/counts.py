"""Fatalities and injured counts read from one sentence of strike or attack reporting.

Figures qualified by "at least", "over", "more than" and similar are kept as the number given
(ACLED practice) and flagged ``lower-bound`` in :attr:`Casualties.reason`. Vague counts
("dozens", "scores", "hundreds") give ``None``. When a sentence gives several figures for the
same group from different sources, the lowest is kept.

Examples
--------
>>> c = casualties("The strike killed at least 25 fighters and wounded four others.")
>>> c.killed, c.injured, c.reason
(25, 4, 'active, lower-bound')
>>> casualties("The group said no casualties were reported.")
Casualties(killed=0, injured=0, text='no casualties', reason='none-reported')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from geo.extract.spans.folding import lowered
from geo.extract.spans.scan import Scan

__all__ = ["TIMES", "Casualties", "casualties", "toll_order"]

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
_WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
_VAGUE = ("dozens", "scores", "hundreds", "several", "many", "numerous")

_WORD_ALT = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|one|two|three|four|five)\s+hundred"
    rf"|a\s+dozen|(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(_UNITS[:9])})|{_WORD_ALT}"
    rf"|{'|'.join(_VAGUE)})"
)
_QUALS = (
    r"at\s+least|more\s+than|over|upwards\s+of|just\s+over|some|about|around|nearly|almost"
    r"|up\s+to|as\s+many\s+as|approximately|roughly|an\s+estimated|a\s+total\s+of"
)
_QUAL = rf"(?:(?P<q>{_QUALS})\s+)?"
_LOWER_BOUND = re.compile(r"at\s+least|more\s+than|over|upwards\s+of|just\s+over", re.I)
_N = rf"(?<![\w$/:.-]){_QUAL}(?P<n>{_NUM})(?![\w:]|-\w|\.\d)"

_KILL_VERB = (
    r"kill(?:ed|ing|s)?|claim(?:ed|ing)\s+the\s+lives\s+of|shot\s+dead|gunned\s+down"
    r"|assassinat(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)"
)
_INJ_VERB = r"injur(?:ed|ing|es|e)|wound(?:ed|ing|s)?|hurt(?:ing|s)?"
_ADV = r"(?:(?:reportedly|also|allegedly|all|later|initially|instantly|seriously|critically)\s+)?"
_AUX = r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|got)\s+)?"

_ACTIVE = re.compile(rf"\b(?P<v>{_KILL_VERB}|{_INJ_VERB})\s+{_N}", re.I)
# Ways of being killed besides "killed", as a passive tells them: "three were shot dead".
_SLAIN = r"executed|assassinated|beheaded|shot\s+dead|shot\s+to\s+death|gunned\s+down"
_PASSIVE = re.compile(
    rf"{_N}(?P<mid>(?:\s+\(?[A-Za-z][\w'’.-]*\)?){{0,9}}?)\s+{_AUX}{_ADV}"
    rf"(?P<v>killed|dead|died|die|deaths|fatalities|wounded|injured|injuries|hurt|martyred"
    rf"|{_SLAIN})\b",
    re.I,
)
# "the strike resulted in the death of two (2) militants"
_DEATH_OF = re.compile(
    rf"\b(?:resulted\s+in|caused|led\s+to)\s+the\s+(?P<v>deaths?)\s+of\s+{_N}", re.I
)
_LEFT = re.compile(
    rf"\b(?:left|leaving)\s+{_N}(?:\s+(?:people|others|persons))?\s+(?P<v>dead|killed|injured|wounded)\b",
    re.I,
)
_PERSON = (
    r"leader|commander|member|fighter|militant|soldier|troop|service\s*member|contractor"
    r"|civilian|official|officer|man|woman|child|boy|girl|person|operative|guard|driver"
    r"|sailor|adviser|advisor|figure|chief|head|worker|resident|journalist|policeman"
)
_SINGLE = re.compile(
    # "killed a senior commander", "killed Hezbollah senior commander Fuad Shukr"
    rf"\b(?P<v>{_KILL_VERB}|{_INJ_VERB})\s+(?:(?:an?|one|the)\s+|(?-i:(?=[A-Z])))"
    rf"(?:(?!(?:and|or)\b)[\w'’.-]+\s+){{0,5}}?"
    rf"(?:{_PERSON})\b(?!s)",
    re.I,
)
# One person as the subject: "a second member of the group also died", "a soldier was killed".
_ONE_DIED = re.compile(
    rf"\b(?:an?|one|another)\s+(?:[\w'’.-]+\s+){{0,3}}?(?:{_PERSON})(?!s)\b"
    r"(?:\s+of\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+)?)?\s+(?:also\s+)?"
    r"(?P<v>died|was\s+(?:also\s+)?killed|was\s+(?:also\s+)?(?:wounded|injured))\b",
    re.I,
)
# One person killed, told by a singular passive or the person's death, when no figure is
# given: "X, leader of the group, is assassinated", "was killed in an airstrike", "the
# assassination of Saleh al-Arouri".
_ONE_KILLED = re.compile(
    r"(?<!no one )(?<!nobody )\b(?:was|is)\s+(?:(?:also|reportedly|later|then)\s+)?"
    rf"(?P<v>killed|{_SLAIN})\b"
    r"|\b(?:the\s+)?(?P<w>assassination|killing|death)\s+of\s+(?-i:[A-Z])",
    re.I,
)
_JOINED_PASSIVE = re.compile(
    r"(?:\s+(?:were|was|are|is))?\s+(?:\w+ed|shot|hit|struck|beaten|taken)\s+and$", re.I
)
_AND_OTHERS = re.compile(
    rf"\b(?P<v>{_KILL_VERB}|{_INJ_VERB})\s+(?P<who>[^,.;\d]{{1,80}}?)(?:\s*,)?\s+"
    rf"(?:and|along\s+with)\s+(?:(?P<n>{_NUM})|(?P<another>another))\s+(?:others?|more)\b",
    re.I,
)
_CONTINUE = re.compile(
    rf"(?P<skip>(?:\s+[A-Za-z][\w'’.-]*){{0,4}}?)(?:\s*,\s*|\s+and\s+|,\s+and\s+){_N}", re.I
)
# "... and a British medic": one more person, named by a singular noun after "a"/"an".
_CONTINUE_ONE = re.compile(
    r"(?:\s+[A-Za-z][\w'’.-]*){0,3}?(?:\s*,\s*|\s+and\s+|,\s+and\s+)(?P<n>an?|one)\s+"
    r"(?:[A-Za-z][\w'’.-]*\s+){0,2}?(?:soldier|medic|contractor|civilian|child|woman|man|sailor"
    r"|officer|commander|fighter|member|guard|worker|journalist|pilot|marine|service\s+member)\b"
    r"(?!s)",
    re.I,
)
_SUBSET = re.compile(r"\s+of\s+(?:them|those|whom|the\s+\w+)\b", re.I)
_ALT = re.compile(rf"[,;(]\s*(?:and\s+|but\s+|or\s+)?{_N}\s+(?:according\s+to|per|by\s+)", re.I)
_ZERO = re.compile(
    r"\bno\s+(?:(?:immediate|reported|known|other|further|civilian|american|us|u\.s\.)\s+)*"
    r"(?P<a>casualties|injuries|deaths|fatalities)\b"
    r"|\bwithout\s+(?:causing\s+)?(?:any\s+)?(?P<b>casualties|injuries)\b"
    r"|\b(?:no|none\s+of\s+the)\s+(?:\w+\s+){0,2}?(?:was|were)\s+(?:reported\s+)?"
    r"(?P<c>harmed|hurt|injured|wounded|killed)\b"
    r"|\b(?:no\s+one|nobody)\s+(?:was\s+)?(?:reported\s+)?(?P<d>harmed|hurt|injured|wounded|killed)\b",
    re.I,
)
_BLOCK = frozenset(
    """rocket rockets missile missiles drone drones shell shells mortar mortars round rounds
    projectile projectiles time times year years day days hour hours minute minutes month
    months week weeks km kilometres kilometers kilometre kilometer mile miles metre metres
    meter meters percent per vehicle vehicles truck trucks target targets site sites strike
    strikes attack attacks aircraft jet jets warplane warplanes bomb bombs munition munitions
    building buildings house houses facility facilities location locations position positions
    base bases brigade brigades battalion division am pm gmt a.m. p.m. january february march
    april may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec old boats boat ships ship vessels vessel""".split()
)
_STOP = frozenset("in on at of and or but while after when near from by with as to , ;".split())
_MID_STOP = frozenset(
    """and or but while after when who which that than since because if fired launched
    struck hit targeted said says claimed killed killing wounded injured""".split()
)
_BEFORE_BLOCK = re.compile(r"\b(?:aged|age|ages|number|no\.?|brigade|division|unit|F|MQ)\s*$", re.I)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)
_ATTRIBUTION = re.compile(
    r"according\s+to|\bsaid\b|\bsays\b|\bclaimed\b|\breported\b|\btoll\b|\bwhile\b|\bother\s+reports?\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts read from a sentence.

    Attributes
    ----------
    killed, injured : int or None
        ``None`` when the sentence gives no usable figure (or only a vague one).
    text : str
        The phrases the counts were read from, joined by ``"; "``.
    reason : str
        Comma-separated rules used (``active``, ``passive``, ``left``, ``single``,
        ``and-others``, ``continued``, ``alternative``, ``lowest``, ``none-reported``,
        ``vague``, ``lower-bound``) or ``"no figure"``.
    """

    killed: int | None
    injured: int | None
    text: str
    reason: str


def _value(raw: str) -> int | None:
    """Return the integer a number phrase stands for, ``None`` for vague ones."""
    # casefold: a case-insensitive match may have read "ſeveral" (long s) as "several"
    word = re.sub(r"\s+", " ", raw.strip().casefold())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in _VAGUE:
        return None
    if word == "a dozen":
        return 12
    if word.endswith("hundred"):
        head = word.split(" ")[0]
        return 100 * (1 if head == "a" else _WORD_VALUES[head])
    parts = re.split(r"[\s-]", word)
    if not all(p in _WORD_VALUES for p in parts):
        return None  # a lookalike spelling the patterns let through: no figure
    return sum(_WORD_VALUES[p] for p in parts)


def _kind(verb: str) -> str:
    killed = re.match(
        r"kill|claim|dead|died|die\b|death|fatal|exec|assassin|behead|shot|gunned|martyr",
        verb,
        re.I,
    )
    return "killed" if killed else "injured"


def _tries(pattern: Scan, sentence: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` from each number on: unlike ``finditer``, a match the caller
    turns down ("21" in "On 21 January three people were killed") does not hide a later
    number inside it ("three")."""
    pos = 0
    while (m := pattern.search(sentence, pos)) is not None:
        yield m
        pos = m.end("n")


def _number_ok(sentence: str, m: re.Match[str]) -> bool:
    """Reject years, ages, unit numbers and counts of things that are not people."""
    raw = m.group("n")
    if raw.isdigit() and len(raw) == 4 and raw[:2] in ("19", "20"):
        return False
    if _BEFORE_BLOCK.search(sentence[: m.start("n")]):
        return False
    if raw.isdigit() and _MONTH_BEFORE.search(sentence[: m.start("n")]):
        return False  # "on January 9 killed three": a day of the month
    after = re.findall(r"[\w.%]+|[,;]", sentence[m.end("n") : m.end("n") + 60])
    for word in after[:3]:
        w = word.lower()
        if w in _STOP:
            break
        if w in _BLOCK or w.startswith("year-old") or w == "%":
            return False
    return True


class _Tally:
    """Figures found so far, grouped per kind; number positions are counted once."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.used: list[tuple[int, int]] = []
        self.groups: dict[str, list[tuple[int, int | None]]] = {"killed": [], "injured": []}
        self.alts: dict[str, list[int]] = {"killed": [], "injured": []}
        self.texts: list[str] = []
        self.reasons: list[str] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.used)

    def add(self, m: re.Match[str], kind: str, value: int | None, rule: str) -> None:
        self.used.append(m.span())
        self.groups[kind].append((m.start(), value))
        self.texts.append(m.group(0).strip())
        self.note(rule if value is not None else "vague")
        if "q" in m.re.groupindex and m.group("q") and _LOWER_BOUND.fullmatch(m.group("q")):
            self.note("lower-bound")

    def note(self, rule: str) -> None:
        if rule not in self.reasons:
            self.reasons.append(rule)

    def total(self, kind: str) -> int | None:
        groups = sorted((pos, v) for pos, v in self.groups[kind] if v is not None)
        values = [v for _, v in groups]
        if not values:
            return min(self.alts[kind]) if self.alts[kind] else None
        first, last = groups[0][0], groups[-1][0]
        if len(values) > 1 and _ATTRIBUTION.search(self.sentence[first:last]):
            self.note("lowest")
            best = min(values)
        else:
            best = sum(values)
        if self.alts[kind] and min(self.alts[kind]) < best:
            self.note("lowest")
            best = min(self.alts[kind])
        return best


_MAYBE_WORDS = (
    "kill|die|dead|death|fatal|casualt|injur|wound|hurt|harm|lives|toll|execut|assassin|behead"
    "|gunned|martyr"
)
_MAYBE = re.compile(_MAYBE_WORDS, re.I)
# Words some figures need, looked for in the lower-cased sentence with ``in`` (much faster
# than re.I, and than a regex of the words): no figure below without a word of _MAYBE; "and
# two others" without "other" or "more", ...
_MAYBE_LOWER = tuple(_MAYBE_WORDS.split("|"))
_OTHERS_WORDS = ("other", "more")
_LEFT_WORDS = ("left", "leaving")
_DEATH_WORDS = ("death",)
_ONE_DIED_WORDS = ("died", "killed", "wounded", "injured")
_ZERO_WORDS = tuple(
    "casualties injuries deaths fatalities harmed hurt injured wounded killed".split()
)
_NOTHING = Casualties(None, None, "", "no figure")
# The patterns that open with words, tried only where those can begin (:mod:`.scan`).
_LEFT_SCAN, _DEATH_OF_SCAN, _PASSIVE_SCAN, _ACTIVE_SCAN = map(
    Scan.of, (_LEFT, _DEATH_OF, _PASSIVE, _ACTIVE)
)
_SINGLE_SCAN, _ONE_DIED_SCAN, _AND_OTHERS_SCAN, _ZERO_SCAN = map(
    Scan.of, (_SINGLE, _ONE_DIED, _AND_OTHERS, _ZERO)
)


def _holds(lower: str, words: tuple[str, ...]) -> bool:
    return any(map(lower.__contains__, words))  # no generator: quicker


def casualties(sentence: str) -> Casualties:
    """Return the killed and injured counts a sentence reports.

    Parameters
    ----------
    sentence : str
        One sentence of reporting.

    Returns
    -------
    Casualties
        ``killed``/``injured`` are ``0`` for explicit "no casualties" statements and
        ``None`` when nothing is said.

    Examples
    --------
    >>> c = casualties("Officials said the drone strike killed a senior commander.")
    >>> c.killed, c.injured, c.reason
    (1, None, 'single')
    >>> casualties("Two soldiers were wounded in the 2023 attack by 30 rockets.").injured
    2
    """
    lower = lowered(sentence)  # None when only the re.I patterns tell
    if not (_MAYBE.search(sentence) if lower is None else _holds(lower, _MAYBE_LOWER)):
        return _NOTHING  # no word any figure below needs: nothing said

    def may(words: tuple[str, ...]) -> bool:
        return lower is None or _holds(lower, words)

    tally = _Tally(sentence)
    for m in _AND_OTHERS_SCAN.finditer(sentence) if may(_OTHERS_WORDS) else ():
        n = _value(m.group("n")) if m.group("n") else 1
        if n is not None and not _ATTRIBUTION.search(m.group("who")):
            tally.add(m, _kind(m.group("v")), n + 1, "and-others")
    rules = [(_LEFT_SCAN, "left")] if may(_LEFT_WORDS) else []
    rules += [(_DEATH_OF_SCAN, "death-of")] if may(_DEATH_WORDS) else []
    for pattern, rule in [*rules, (_PASSIVE_SCAN, "passive"), (_ACTIVE_SCAN, "active")]:
        for m in _tries(pattern, sentence):
            if not tally.free(*m.span("n")) or not _number_ok(sentence, m):
                continue
            mid = m.groupdict().get("mid") or ""
            mid = _JOINED_PASSIVE.sub("", mid)  # "were abducted and executed", "shot and killed"
            if any(w.lower() in _MID_STOP for w in mid.split()):
                continue
            if rule == "passive" and m.group("n").lower() in _VAGUE and mid:
                continue
            kind = _kind(m.group("v"))
            tally.add(m, kind, _value(m.group("n")), rule)
            if rule == "active":
                _continue(sentence, m.end(), kind, tally)
    for m in _SINGLE_SCAN.finditer(sentence):
        if tally.free(*m.span()):
            tally.add(m, _kind(m.group("v")), 1, "single")
    for m in _ONE_DIED_SCAN.finditer(sentence) if may(_ONE_DIED_WORDS) else ():
        if tally.free(*m.span()):
            tally.add(m, _kind(m.group("v").split()[-1]), 1, "single")
    one = _ONE_KILLED.search(sentence) if not tally.groups["killed"] else None
    if one is not None and tally.free(*one.span()):
        tally.add(one, "killed", 1, "single")
    for m in _ALT.finditer(sentence):
        value = _value(m.group("n"))
        if value is None or not tally.free(*m.span("n")) or not _number_ok(sentence, m):
            continue
        before = [(pos, k) for k in tally.groups for pos, _ in tally.groups[k] if pos < m.start()]
        if before:
            kind = max(before)[1]
            tally.alts[kind].append(value)
            tally.used.append(m.span("n"))
            tally.texts.append(m.group(0).strip(",;( "))
            tally.note("alternative")
    killed, injured = tally.total("killed"), tally.total("injured")
    zero = _ZERO_SCAN.search(sentence) if may(_ZERO_WORDS) else None
    if zero:
        word = next(g for g in zero.groups() if g).lower()
        if injured is None and word not in ("deaths", "fatalities", "killed"):
            injured = 0
        if killed is None:
            killed = 0
        tally.texts.append(zero.group(0))
        tally.note("none-reported")
    reason = ", ".join(tally.reasons) or "no figure"
    return Casualties(killed, injured, "; ".join(tally.texts), reason)


def _continue(sentence: str, pos: int, kind: str, tally: _Tally) -> None:
    """Add figures listed after an active verb: "killed three soldiers and two civilians"."""
    while True:
        m = _CONTINUE.match(sentence, pos)
        if not m:
            one = _CONTINUE_ONE.match(sentence, pos)
            if one and tally.free(*one.span("n")):
                tally.add(one, kind, 1, "continued")  # "two soldiers and a British medic"
            return
        if not tally.free(*m.span("n")) or not _number_ok(sentence, m):
            return
        value = _value(m.group("n"))
        skipped = m.group("skip").lower().split()
        if value is None or any(w in _MID_STOP | _BLOCK for w in skipped):
            return
        if _SUBSET.match(sentence, m.end()):
            return  # "three soldiers, one of them critically": a part, not more people
        tally.add(m, kind, value, "continued")
        pos = m.end()


#: How often an act was done, right after it: "attacked the oblast 65 times" (a count of events).
TIMES = re.compile(r"\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+times\b")
_PARTICIPLE = re.compile(r"(?:killing|wounding|injuring|leaving)\b", re.I)


def toll_order(figures: str, at: int, start: int, end: int) -> tuple[int, int]:
    """How near an event phrase at ``[start, end)`` is to the figures ``figures`` at ``at``,
    nearest first: a participle's figures belong to the clause before them ("one blast hit a
    market, killing three, while another struck"), other figures to the nearest phrase.

    >>> toll_order("killing three", 30, 4, 20) < toll_order("killing three", 30, 40, 55)
    True
    """
    before = at - end if end <= at else 99
    return (before if _PARTICIPLE.match(figures) else 0), abs(start - at)
