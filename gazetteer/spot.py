"""Find place mentions in running text, with character spans, and resolve them.

Mentions are runs of capitalised words (with the Arabic article and connectors such
as "of" inside them, and a following kind word such as "air base"), matched longest
first against the index.  Common words and small places need support before they
count: a locative word before them ("in Hit"), a kind word after them ("Balad air
base"), or another place of the same text within 300 km.  Words that are part of a
person's or organisation's name ("Abu Mosul", "Mosul Eye") are refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from gazetteer.geodesy import haversine_km, lat_reach_deg
from gazetteer.normalize import ARTICLES, normalize, skeleton
from gazetteer.place import Place
from gazetteer.spot_words import (
    ABBREVIATED,
    AP_STATES,
    COMMON_WORDS,
    CONNECTORS,
    DATELINE_AFTER,
    DIRECTIONS,
    INSTITUTIONS,
    KIND_AFTER,
    KIND_OF,
    LOCATIVE,
    LOWER_STARTS,
    MISSIONS,
    NO_START,
    NOT_PLACES,
    PERSON_CUES,
    SPEECH,
    after_sentence_end,
    ap_state_matches,
    locative_before,
    people_named,
    title_line,
)

__all__ = ["COMMON_WORDS", "Mention", "Resolver", "spot_places"]

MAX_WORDS = 6
SUPPORT_KM = 300.0
_SUPPORT_REACH = lat_reach_deg(SUPPORT_KM)
BIG_CITY = 100_000

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w'’‘`ʿʾ]*|\d+")
# The same words, each with the characters before it that start none (those are [\W_]).
_GAP_TOKEN = re.compile(rf"([\W_]*)({_TOKEN.pattern})")
# A name written in Arabic transliteration: an article joined by a hyphen ("al-Nu'man") or an
# ayn or hamza mark inside a word ("Ma’arat").  Its vowels and doubled letters vary from one
# writer to the next ("Ma’arat"/"Ma‘arrat"), so its consonant skeleton may name it.
_TRANSLITERATED = re.compile(r"\b(?:al|el|an|ar|as|ash|at|ad|az)[-‐‑]\w|\w['’‘ʿʾ`]\w", re.I)
_LISTED = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_JOIN = re.compile(r"[ \t]{1,2}|\s?[-‐‑–]\s?")
_ABBREVIATION_GAP = re.compile(r"\.[ \t]?")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: the text as written, its span, and what it resolved to.

    ``place`` is the accepted best candidate, or ``None`` for a refused mention
    (then ``reason`` says why); ``candidates`` holds the runners-up.
    """

    text: str
    start: int
    end: int
    place: Place | None
    candidates: tuple[Place, ...]
    reason: str
    kind_hint: str | None = None

    @property
    def accepted(self) -> bool:
        """True when the mention was accepted as a place."""
        return self.place is not None


class _Span(NamedTuple):  # a tuple: made for every name tried, so cheap to make
    start: int
    end: int
    first: int  # token index of the first word
    last: int  # token index after the last word
    kind: str | None
    support: str  # "" when nothing in the text supports a place here
    query: str = ""  # the name to resolve when it is not the text itself ("Ind." -> Indiana)


class Resolver(Protocol):
    """What :func:`spot_places` asks of a gazetteer (a :class:`~gazetteer.core.Gazetteer`)."""

    def country_code(self, country: str) -> str: ...

    def has_name(self, key: str) -> bool: ...

    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        near: Sequence[Place] | None = None,
        kind: str | None = None,
        limit: int = 5,
        offline: bool = False,
    ) -> list[Place]: ...


def spot_places(
    gz: Resolver,
    text: str,
    *,
    country: str | None = None,
    include_refused: bool = False,
    demonyms: bool = False,
) -> list[Mention]:
    """Find place mentions in ``text`` and resolve them with ``gz``.

    This is the work behind :meth:`Gazetteer.spot <gazetteer.core.Gazetteer.spot>` and
    :func:`gazetteer.spot` (which uses the shared default gazetteer); the parameters are theirs.
    """
    code = gz.country_code(country) if country else None
    tokens = _tokens(text)
    capitals = _not_lower(tokens)
    spans = _with_ap_states(text, tokens, _find_spans(text, tokens, capitals, gz.has_name))
    first = [
        (sp, _named(gz.resolve(_name(text, sp), country=code, kind=sp.kind), text, sp))
        for sp in spans
    ]
    anchors = {
        c[0].id: c[0]
        for sp, c in first
        if c and _anchor(c[0]) and (_strong(c[0]) or (len(c) == 1 and sp.support))
    }
    named = {c[0].country for _, c in first if c and _country_named(c[0])}
    home = named | {p.country for p in anchors.values()}
    replaced, loose = _loose_spots(gz, text, tokens, capitals, spans, home, code)
    kept = [f for f in first if f[0] not in set(replaced)]
    first = sorted(kept + loose, key=lambda f: f[0].start) if loose else first
    memo: dict[tuple[str, str | None], tuple[list[Place], list[Place]]] = {}
    people = people_named(tokens, capitals)
    mentions: list[Mention] = []
    for sp, cands in first:
        written = text[sp.start : sp.end]
        if (written, sp.kind) not in memo:
            own = cands[0].id if cands else ""
            near = [p for pid, p in anchors.items() if pid != own]
            hint = code or _named_country_of(cands, named)
            if (near or hint != code) and len(cands) > 1:
                name = _name(text, sp)
                found = gz.resolve(name, country=hint, kind=sp.kind, near=near or None)
                cands = _named(found, text, sp)
            # Capitals rank nearby candidates but do not vouch for small places: "Washington"
            # and "Tehran" often stand for governments, not for a spot on the map.
            memo[written, sp.kind] = (cands, [p for p in near if p.kind != "capital"])
        cands, near = memo[written, sp.kind]
        last = mentions[-1] if mentions and mentions[-1].accepted else None
        if not sp.support and last and _listed_after_locative(text, last, sp):
            sp = sp._replace(support=f"{last.reason}, listed with {last.text}")
        mention = _judge(text, tokens, sp, cands, near, demonyms, people)
        if mention.accepted or include_refused:
            mentions.append(mention)
    return mentions


def _loose_spots(
    gz: Resolver,
    text: str,
    tokens: list[tuple[int, str, int]],
    capitals: list[int],
    spans: list[_Span],
    home: set[str],
    code: str | None,
) -> tuple[list[_Span], list[tuple[_Span, list[Place]]]]:
    """Names after a locative ("in Tuz Khormato") that only a consonant skeleton matches, if
    it names a place in a country the text is about (transliterations vary in vowels and
    doubled letters); with the shorter exact spans they replace ("Tuz")."""
    if not home:
        return [], []  # no country the text is about: no loose name can be placed
    starts = {sp.first: sp for sp in spans}
    taken = {i: sp for sp in spans for i in range(sp.first, sp.last)}
    replaced: list[_Span] = []
    found: list[tuple[_Span, list[Place]]] = []
    after = 0
    for i in capitals:
        exact = starts.get(i)
        if i < after or (i in taken and exact is None):
            continue
        if exact is not None and not _runs_past(text, tokens, exact):
            continue  # "in Tuz" with no capitalised word after it: nothing longer to try
        if exact is None and tokens[i][1].lower() in COMMON_WORDS:
            continue  # "in March", "at Home": a common word's skeleton names too much
        if not locative_before(tokens, i):  # the slowest test last
            continue
        sp = _can_start(text, tokens, i) and _longest_at(text, tokens, i, gz.has_name, loose=True)
        if not sp or (exact is not None and sp.last <= exact.last):
            continue
        if any(taken.get(j, exact) is not exact for j in range(sp.first, sp.last)):
            continue
        places = gz.resolve(_name(text, sp), country=code, kind=sp.kind, offline=True)
        cands = _named(places, text, sp)
        if cands and cands[0].country in home and cands[0].reason.startswith("loose"):
            found.append((sp, cands))
            replaced += [exact] if exact is not None else []
            after = sp.last
    return replaced, found


def _listed_after_locative(text: str, last: Mention, sp: _Span) -> bool:
    """ "at Avdiivka, Pisky and Maryinka": the locative before a list is each place's."""
    return (
        last.reason.startswith("after") and _LISTED.fullmatch(text, last.end, sp.start) is not None
    )


def _runs_past(text: str, tokens: list[tuple[int, str, int]], sp: _Span) -> bool:
    """Whether a capitalised word joins the end of a span ("Tuz" + "Khormato")."""
    nxt = tokens[sp.last] if sp.last < len(tokens) else None
    return bool(
        nxt and nxt[1][:1].isupper() and _JOIN.fullmatch(text, tokens[sp.last - 1][2], nxt[0])
    )


def _name(text: str, sp: _Span) -> str:
    return sp.query or text[sp.start : sp.end]


def _named(cands: list[Place], text: str, sp: _Span) -> list[Place]:
    """Candidates without airports matched by their code: "LAX", "Adm.", "Gov." in running
    text are no mentions of an airport (``resolve`` still takes codes)."""
    for c in cands:  # a plain loop: this runs for every name resolved
        if c.id.startswith("airport:"):
            break
    else:
        return cands  # most names: no airport among them
    key = normalize(text[sp.start : sp.end])
    return [c for c in cands if not (c.id.startswith("airport:") and c.id[8:].lower() == key)]


def _with_ap_states(
    text: str, tokens: list[tuple[int, str, int]], spans: list[_Span]
) -> list[_Span]:
    """Add the AP state abbreviations of ``text`` ("Charleston, W.Va.") to ``spans``."""
    found = []
    for m in ap_state_matches(text):
        state = AP_STATES.get(m.group())
        if state is None:
            continue
        first = next(i for i, t in enumerate(tokens) if t[0] >= m.start())
        last = next((i for i, t in enumerate(tokens) if t[0] >= m.end()), len(tokens))
        found.append(_Span(m.start(), m.end(), first, last, "state", "AP state", state))
    if not found:
        return spans
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return sorted(kept + found, key=lambda s: s.start)


def _anchor(place: Place) -> bool:
    """Places whose point says where a story is: not countries, continents or oceans."""
    return place.precision != "country" and place.kind != "ocean"


def _country_named(place: Place) -> bool:
    return place.kind == "country" and not place.reason.startswith("demonym")


def _named_country_of(cands: list[Place], named: set[str]) -> str | None:
    """The country the text names of a lesser candidate, when the best one's is not named.

    An article that names Syria and a "Ras al-Ain" means the Syrian town, not the
    Moroccan one that ranks first without context.  A prominent best candidate (Baghdad,
    a curated site) stays itself even in an article that names only Iran.
    """
    if not cands or not named or cands[0].country in named or _strong(cands[0]):
        return None
    return next((c.country for c in cands[1:] if c.country in named), None)


def _tokens(text: str) -> list[tuple[int, str, int]]:
    """Return (start, word, end) for each word; a possessive 's is cut off the word."""
    found = []
    end = 0
    # Each word with what stands between it and the previous one: ends follow from lengths
    # (quicker than a match object per word).
    for gap, word in _GAP_TOKEN.findall(text):
        start = end + len(gap)
        end = start + len(word)
        if word[-1] == "s" and len(word) > 2 and word[-2] in "'’":
            found.append((start, word[:-2], end - 2))
        else:
            found.append((start, word, end))
    return found


def _not_lower(tokens: list[tuple[int, str, int]]) -> list[int]:
    """Indices of the words that may start a name: most words are lower-case (and not "al"),
    which none of the checks below need to look at."""
    return [
        i
        for i, (_, word, _) in enumerate(tokens)
        if not (word[0].islower() and word not in LOWER_STARTS and word.isascii())
    ]


def _find_spans(
    text: str,
    tokens: list[tuple[int, str, int]],
    capitals: list[int],
    has_name: Callable[[str], bool],
) -> list[_Span]:
    spans: list[_Span] = []
    after = 0  # tokens before this one are inside a span found
    for i in capitals:
        if i < after or not _can_start(text, tokens, i):
            continue
        found = _longest_at(text, tokens, i, has_name)
        if found is not None:
            spans.append(found)
            after = found.last
    return spans


def _can_start(text: str, tokens: list[tuple[int, str, int]], i: int) -> bool:
    _, word, end = tokens[i]
    if word.lower() in NO_START and text[end : end + 1] != "-":
        return False
    if word[0].isupper() or not word.isascii():
        return not word.isdigit()
    if i + 1 == len(tokens) or not tokens[i + 1][1][0].isupper():
        return False
    return word in ("al", "el") or (word in ARTICLES and text[end : end + 1] == "-")


def _longest_at(
    text: str,
    tokens: list[tuple[int, str, int]],
    i: int,
    has_name: Callable[[str], bool],
    loose: bool = False,
) -> _Span | None:
    """The longest known name at token ``i`` (``loose``: known by its skeleton alone)."""
    start, previous, prev_end = tokens[i]
    last = i  # the last word of the run of name words from ``i``
    for j in range(i + 1, min(len(tokens), i + MAX_WORDS)):
        begin, word, end = tokens[j]
        gap = text[prev_end:begin]
        if (
            gap != " "
            and not _JOIN.fullmatch(gap)
            and not (previous in ABBREVIATED and _ABBREVIATION_GAP.fullmatch(gap))
        ):
            break
        if not (word[0].isupper() or word.isdigit() or word in CONNECTORS or not word.isascii()):
            break
        last, previous, prev_end = j, word, end
    while last >= i and tokens[last][1] in CONNECTORS:
        last -= 1
    for k in range(last, i - 1, -1):  # the longest name first
        end = tokens[k][2]
        kind_m = KIND_AFTER.match(text, end)
        if kind_m and has_name(normalize(text[start : kind_m.end()])):
            hint = KIND_OF[kind_m.group(1).lower()]
            return _Span(start, kind_m.end(), i, k + 1, hint, "kind word")
        key = normalize(text[start:end])
        marked = loose or (k > i and _TRANSLITERATED.search(text, start, end) is not None)
        if (not loose and has_name(key)) or (
            marked and len(sk := skeleton(key)) >= 4 and has_name(sk)
        ):
            after = KIND_OF[kind_m.group(1).lower()] if kind_m else None
            support = "kind word" if kind_m else locative_before(tokens, i)
            return _Span(start, end, i, k + 1, after, support)
    return None


def _strong(place: Place) -> bool:
    return _named_kind(place) or place.population >= BIG_CITY


def _named_kind(place: Place) -> bool:
    """Countries, continents, regions, seas and sites, and the curated districts of the
    theatre's cities ("Karrada"): places that are rarely other words."""
    return place.precision in ("country", "region", "sea", "facility") or place.id.startswith(
        "curated:"
    )


def _judge(
    text: str,
    tokens: list[tuple[int, str, int]],
    sp: _Span,
    cands: list[Place],
    anchors: list[Place],
    demonyms: bool,
    people: frozenset[str] = frozenset(),
) -> Mention:
    written = text[sp.start : sp.end]

    def refuse(why: str) -> Mention:
        return Mention(written, sp.start, sp.end, None, tuple(cands), why, sp.kind)

    if not cands:
        return refuse("no candidate")
    best, key = cands[0], normalize(written)
    if best.reason.startswith("demonym") and not demonyms:
        return refuse("demonym")
    if key in NOT_PLACES:
        return refuse(f"'{written}' is a date or an organisation here")
    before = tokens[sp.first - 1][1] if sp.first > 0 else ""
    if before.lower().rstrip(".") in PERSON_CUES and _JOIN.fullmatch(
        text[tokens[sp.first - 1][2] : sp.start]
    ):
        return refuse(f"part of a person's name after '{before}'")
    if _VESSEL.search(text, max(0, sp.start - 8), sp.start):
        return refuse(f"'{written}' names a ship")  # "the MV Limburg", "USS Carney"
    after = tokens[sp.last][1] if sp.last < len(tokens) else ""
    if best.kind == "country" and after.lower() in MISSIONS:
        return refuse(f"'{written} {after}' is where that country is represented, not {written}")
    if after.lower() == "time" and text[sp.start - 1 : sp.start] == "(":
        return refuse(f"'({written} time)' is a time zone")  # "at 2:00 a.m. (Sanaa time)"
    named = _named_kind(best)
    speaker = sp.last < len(tokens) and tokens[sp.last][1].lower() in SPEECH
    if speaker and not named and best.population < BIG_CITY and not sp.kind:
        return refuse(f"a speaker: '{written} {tokens[sp.last][1]}'")
    if written in people and not named and best.population < BIG_CITY and not sp.kind:
        return refuse(f"'{written}' is a person elsewhere in the text (a title or 'said')")
    dateline = written.isupper() and _dateline(text, sp)
    if not named and written.isupper() and len(key) > 1 and not dateline:
        return refuse(f"acronym '{written}'")
    common = key in COMMON_WORDS or (len(key) <= 3 and not named)
    if not named and _inside_name(text, tokens, sp):
        return refuse("part of a longer name")
    if not common and (named or best.population >= BIG_CITY):
        return _accept(written, sp, cands, sp.support or "prominent place")
    if sp.support or dateline:
        return _accept(written, sp, cands, sp.support or "dateline")
    near = next(
        (
            a
            for a in anchors
            if abs(a.lat - best.lat) <= _SUPPORT_REACH  # else farther: no haversine needed
            and haversine_km(a.lat, a.lon, best.lat, best.lon) <= SUPPORT_KM
        ),
        None,
    )
    if near is not None and not common:
        return _accept(written, sp, cands, f"within {SUPPORT_KM:.0f} km of {near.name}")
    if common:
        return refuse(f"common word '{written}' without place context")
    return refuse("small place without support in the text")


# A ship's prefix before a name: "the MV Limburg", "M/V Tutor", "USS Carney", "HMS Diamond"
_VESSEL = re.compile(r"\b(?:M/?[VT]|USS|HMS|RFA|HMCS|INS|USNS)\.?\s+$")


def _accept(written: str, sp: _Span, cands: list[Place], why: str) -> Mention:
    return Mention(written, sp.start, sp.end, cands[0], tuple(cands[1:]), why, sp.kind)


def _inside_name(text: str, tokens: list[tuple[int, str, int]], sp: _Span) -> bool:
    """True when capitalised words run on before or after the span (not directions).

    Title-case lines (headlines) say nothing about names and are let through.
    """
    return _runs_on(text, tokens, sp) and not title_line(text, sp.start)


def _runs_on(text: str, tokens: list[tuple[int, str, int]], sp: _Span) -> bool:
    if sp.first > 0:
        s, word, e = tokens[sp.first - 1]
        joined = _JOIN.fullmatch(text[e : tokens[sp.first][0]])
        plain = word.lower() in DIRECTIONS or word.lower() in LOCATIVE or word == "The"
        if joined and word[0].isupper() and not plain and s > 0 and not after_sentence_end(text, s):
            return True
    if sp.last < len(tokens) and sp.kind is None:
        s, word, e = tokens[sp.last]
        if _JOIN.fullmatch(text[sp.end : s]) and word[0].isupper():
            return word.lower() not in INSTITUTIONS
    return False


def _dateline(text: str, sp: _Span) -> bool:
    """An all-caps place opening a story: "CHARLESTON, W.Va. —", "MANSFIELD -- The ..."."""
    j = sp.start  # the last character before the place that is not a space
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return (j == 0 or not text[j - 1].isalpha()) and bool(DATELINE_AFTER.match(text, sp.end))
