"""One article's mentions grouped into events.

An article names its main event many times ("A U.S. airstrike in Baghdad…",
"The strike also killed…", "Thursday's airstrike…").  :func:`cluster_mentions`
walks the mentions in text order: a mention that refers back ("the strike")
joins the latest compatible event, "another rocket attack" always starts a new
one, and an indefinite mention joins an event only on firm evidence (same day
and place, or the same weapon in a date range that contains the other).  Each
join narrows the date and may sharpen the place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from geo.event import Report
from geo.extract.locate import PlacePick, compatible
from geo.extract.mentions import EventMention
from geo.extract.roles import also_victims
from geo.extract.spans.counts import casualties
from geo.extract.spans.dates import EventDate
from geo.extract.spans.dates_relative import midpoint
from geo.schema import DATE_RANK, PLACE_RANK

__all__ = ["Draft", "blame_from_context", "cluster_mentions", "narrow"]

# A trigger introduced as the background of something else: "damage following a rocket attack".
_BACKDROP = re.compile(
    r"\b(?:after|following|since|before|response\s+to|retaliation\s+for)\s+(?:\w+\s+){0,3}$",
    re.I,
)


@dataclass
class Draft:
    """An event being assembled from one article's mentions."""

    kind: str
    weapon: str
    date: EventDate | None
    place: PlacePick | None
    actor: str = ""
    actor_side: str = ""
    target: str = ""
    killed: list[int] = field(default_factory=list)
    also_killed: int = 0
    injured: list[int] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    seeded: bool = False

    def report(self, source: str, text: str) -> list[Report]:
        """The mentions as provenance reports, the best one first.

        Best: a mention that is not a reference back, with the finest date and a place of
        its own, a strong trigger that is not background ("damage following a rocket
        attack"), not inside a quotation, naming the actor; then article order.
        """

        def rank(m: EventMention) -> tuple[int, ...]:
            quoted = text[m.sentence[0] : m.sentence[0] + 1] in ("“", '"', "‘")
            backdrop = _BACKDROP.search(text, max(0, m.trigger.start - 30), m.trigger.start)
            fine = DATE_RANK[m.date.precision] if m.date else len(DATE_RANK)
            return (m.refers, fine, m.place is None, not m.trigger.strong, bool(backdrop), quoted)

        ordered = sorted(self.mentions, key=lambda m: (*rank(m), not m.actor))

        return [
            Report(
                source, m.sentence[0], m.sentence[1], text[m.sentence[0] : m.sentence[1]], m.reasons
            )
            for m in ordered
        ]


def narrow(a: EventDate | None, b: EventDate | None) -> EventDate | None:
    """The date both can mean (intersection), keeping the more precise one's best day.

    Returns ``None`` when the two cannot be the same day.
    """
    if a is None or b is None:
        return a or b
    lo, hi = max(a.earliest, b.earliest), min(a.latest, b.latest)
    if lo > hi:
        return None
    fine = a if DATE_RANK[a.precision] <= DATE_RANK[b.precision] else b
    best = fine.date if lo <= fine.date <= hi else midpoint(lo, hi)
    precision = "day" if lo == hi else fine.precision if fine.precision != "day" else "week"
    return EventDate(best, precision, lo, hi, fine.text, fine.start, fine.end, fine.reason)


_BLASTS = re.compile(r"(?:[\w\-]+\s+)?(?:explosions?|blasts?)\b", re.I)


def _dates_fit(a: EventDate | None, b: EventDate | None, *, strict: bool) -> bool:
    if a is None or b is None:
        return not strict
    if a.precision == "day" and b.precision == "day":
        return a.date == b.date
    return narrow(a, b) is not None


def _fits(d: Draft, m: EventMention, *, strict: bool) -> bool:
    if d.kind != m.kind:
        # "killed in the attack" may refer to a strike, but only to one of the same date; a
        # title's "Kremenchuk shopping mall attack" is the strike its text then reports.
        # "These missiles were aimed at …" after "Russia launched missile and drone attacks"
        definite = m.trigger.determiner == "definite"
        agnostic = m.refers and not m.actor and (not m.weapon or definite) and not m.trigger.kind
        # "four missiles were launched at a Toyota Hilux", after the drone strike's sentence:
        # projectiles no one is named to have fired, of the event told just before them
        told_next = m.sentence[0] - d.mentions[-1].sentence[1] <= 200
        unnamed = not m.actor and not m.trigger.kind and _passive_launch(m)
        agnostic = agnostic or (unnamed and told_next and _dates_fit(d.date, m.date, strict=True))
        # "2 Killed in Russian Shelling of Kherson": the toll's event, in its own sentence; an
        # undated title's ("Chaplyne railway station attack"), then "Type: Missile strike"
        told = not m.refers or m.sentence == d.mentions[-1].sentence or d.date is None
        told = told or _dates_fit(d.date, m.date, strict=True)  # "today's … attack on Sumy"
        armed = m.weapon and d.date is None and d.weapon in ("", m.weapon)
        if _titled(d) and (m.actor or armed) and told:
            return _dates_fit(d.date, m.date, strict=False) and compatible(
                d.place.place if d.place else None, m.place.place if m.place else None
            )
        # "Explosions rocked Kyiv as Russia launched a barrage of missiles": the blasts are the
        # barrage's, told in its sentence
        heard = d.mentions[-1].sentence == m.sentence and any(
            not x.actor and _BLASTS.match(x.trigger.text) for x in (d.mentions[-1], m)
        )
        if not agnostic and not heard:  # an undated draft takes the reference's date
            return False
    if m.actor_side and d.actor_side and m.actor_side != d.actor_side:
        return False
    if not _dates_fit(d.date, m.date, strict=strict):
        return False
    return compatible(d.place.place if d.place else None, m.place.place if m.place else None)


_LAUNCHED = re.compile(r"(?:[\w\-]+\s+){1,3}(?:were|was)\s+(?:fired|launched)\b", re.I)


def _passive_launch(m: EventMention) -> bool:
    return _LAUNCHED.fullmatch(m.trigger.text) is not None


def _country_then_town(d: Draft, m: EventMention) -> bool:
    """Whether ``m`` names, at a town the gazetteer lacks, the country-level event ``d`` (not
    the next of a release's list: "conducted 12 strikes in Iraq: … Near Kisik, a strike")."""
    if d.place is None or m.place is None or d.place.place.kind != "country":
        return False
    same = m.place.unknown and m.place.place.id == d.place.place.id
    return same and m.trigger.determiner != "indefinite" and d.mentions[0].trigger.count is None


def _join(d: Draft, m: EventMention) -> None:
    d.date = narrow(d.date, m.date) if m.date else d.date
    if m.place is not None and (
        d.place is None
        or PLACE_RANK[m.place.precision] < PLACE_RANK[d.place.precision]
        or (m.place.unknown and not d.place.local and m.place.place.id == d.place.place.id)
    ):
        d.place = m.place  # finer, or a town's name the gazetteer lacks, at that country
    if m.weapon and (not d.weapon or all(_BLASTS.match(x.trigger.text) for x in d.mentions)):
        d.weapon = m.weapon  # the missiles' blasts are a missile strike, not a bombing
    if not d.actor and m.actor:
        d.actor, d.actor_side = m.actor, m.actor_side
        d.kind = m.kind  # the actor decides the kind of a draft named only by references
    if not d.target and m.target:
        d.target = m.target
    if m.killed is not None:
        if m.also and d.killed:
            d.also_killed += m.killed
        else:
            d.killed.append(m.killed)
    if m.injured is not None:
        d.injured.append(m.injured)
    d.mentions.append(m)
    d.seeded = d.seeded or not m.refers


def _new(m: EventMention) -> Draft:
    d = Draft(m.kind, m.weapon, m.date, m.place)
    _join(d, m)
    return d


def _titled(d: Draft) -> bool:
    """A draft named only by references without actor: a title's "Kremenchuk shopping mall
    attack", a headline's "Baghdad bomb attacks"."""
    return not d.actor and all(x.refers for x in d.mentions)


def _same(d: Draft, m: EventMention) -> bool:
    """Firm evidence that an indefinite mention repeats an event of the article.

    In the sentence of the draft's last mention, fitting is enough: "the Baghdad bombings
    were a pair of terrorist attacks that occurred on 21 January 2021" is one event; two
    events of one sentence differ in kind, day or place ("another strike", which never
    joins, aside).
    """
    if d.mentions[-1].sentence == m.sentence and _fits(d, m, strict=False):
        if m.place is None or d.place is None or d.place.place.id == m.place.place.id:
            return True
        return "country" in (m.place.place.kind, d.place.place.kind)  # no other place
    # "Al-Shabab Attack Kills 11 in Mogadishu", then "an explosion … killed at least 11": the
    # story tells the headline's event, with its actor or without
    headline = all(x.refers for x in d.mentions) and d.actor and m.actor in ("", d.actor)
    if headline and d.kind == m.kind and _fits(d, m, strict=False):
        return True  # "U.S. Bombs Iran-Backed Militias" (a headline), then the story's strikes
    # "Extremists attacked an army barracks Friday in Burkina Faso. … gunmen stormed the army
    # post in Nassoumbou": the lead's event at a country, told again at its town
    coarse = _country_then_town(d, m) and m.date is None and d.kind == m.kind
    if coarse and _fits(d, m, strict=False):
        return m.sentence[0] - d.mentions[-1].sentence[1] <= 300
    if not _fits(d, m, strict=True):
        return False
    if _titled(d) and m.actor:
        return True  # the event a title or headline named, now reported with its actor
    finer = d.date is not None and m.date is not None and d.date.precision != "day"
    if _titled(d) and finer and m.date is not None and m.date.precision == "day":
        return True  # "December 2019 Mogadishu bombing", then its day: the title's event

    if d.date is not None and m.date is not None and d.date.precision == m.date.precision == "day":
        return True
    if not (m.weapon and m.weapon == d.weapon and d.date is not None and m.date is not None):
        return False
    nested = (d.date.earliest <= m.date.earliest and m.date.latest <= d.date.latest) or (
        m.date.earliest <= d.date.earliest and d.date.latest <= m.date.latest
    )
    near = d.place is None or m.place is None or d.place.place.id == m.place.place.id
    return nested and near


def cluster_mentions(
    mentions: list[EventMention], *, headline_only: bool = False
) -> tuple[list[Draft], list[EventMention]]:
    """Group an article's mentions (in text order) into drafts.

    ``headline_only``: the article is a headline alone ("Russia not happy with ISIS attacks
    in Syria"), whose references name the event it announces: each one that fits none
    before it is an event, at the place it names or the article's country.

    Returns
    -------
    drafts : list of Draft
        Events of the article (undated ones included: the caller reports them).
    unused : list of EventMention
        Mentions that refer back to nothing, for the diagnostics.
    """
    drafts: list[Draft] = []
    unused: list[EventMention] = []
    by_sentence: dict[tuple[int, int], list[Draft | None]] = {}
    for m in mentions:
        slot = by_sentence.setdefault(m.sentence, [])
        if m.relative is not None and m.date is None:
            index, days = m.relative
            anchor = slot[index] if index < len(slot) else None
            if anchor is not None and anchor.date is not None:
                shift = dt.timedelta(days=days)
                a = anchor.date
                m = _with_date(
                    m,
                    EventDate(
                        a.date + shift,
                        a.precision,
                        a.earliest + shift,
                        a.latest + shift,
                        a.text,
                        a.start,
                        a.end,
                        f"{days:+d} days from {a.date.isoformat()}",
                    ),
                )
        target: Draft | None = None
        if m.trigger.determiner == "another":
            target = None
        elif m.refers:
            fitting = [d for d in reversed(drafts) if _fits(d, m, strict=False)]
            # "the port strikes" after a strike and then an attack: the strike, by its word.
            same_kind = [d for d in fitting if d.kind == m.kind]
            target = (same_kind or fitting)[0] if fitting else None
            lone = headline_only and not drafts
            if (
                target is None
                and not m.trigger.strong
                and not lone
                and not _own_news(m, later=bool(drafts))
            ):
                unused.append(m)
                slot.append(None)
                continue
        else:
            target = next((d for d in reversed(drafts) if _same(d, m)), None)
        if target is None:
            told = m.trigger.determiner == "definite" or also_victims(m.trigger)
            if m.refers and not m.actor and told:
                m = _of_the_story(m, drafts)  # "the attacks hit the capital": the story's
            target = _new(m)
            drafts.append(target)
        else:
            _join(target, m)
        slot.append(target)
    return _settle(drafts), unused


def _of_the_story(m: EventMention, drafts: list[Draft]) -> EventMention:
    """A definite reference or a passive at a place of its own ("the attacks hit several of the
    capital's districts", "one person was also killed in Pavlohrad") names the story's attacks
    there: their kind and actor, of the same day."""
    if m.date is None:
        return m
    same_day = [d for d in drafts if d.date is not None and d.date.date == m.date.date]
    story = next((d for d in reversed(same_day) if d.actor), None)
    if story is None:
        return m
    note = f"the story's event of that day: {story.actor}"
    return replace(
        m,
        kind=story.kind,
        actor=story.actor,
        actor_side=story.actor_side,
        reasons=(*m.reasons, note),
    )


def _own_news(m: EventMention, *, later: bool = False) -> bool:
    """Whether a reference that fits no event reported before it names one itself.

    In an article that has reported no event yet, a place of its own below the country or a
    day is enough ("we condemn the attack on the embassy in Kabul this morning").  Once the
    article has events (``later``), it takes both: a timeline's next line ("16 February –
    a journalist is shot dead in Afgooye") reports a new event, while "following the Oct. 7
    attacks" or "the explosion" without a place is background and is not counted.
    """
    placed = m.place is not None and m.place.local
    dated = m.date is not None and m.date.precision == "day"
    return (placed and dated) if later else (placed or dated)


def _with_date(m: EventMention, date: EventDate) -> EventMention:
    return replace(m, date=date, reasons=(*m.reasons, f"date {date.reason}"))


def _settle(drafts: list[Draft]) -> list[Draft]:
    """Fold undated drafts into the one dated draft they can be, when there is one."""
    dated = [d for d in drafts if d.date is not None]
    kept = list(dated)
    for d in drafts:
        if d.date is not None:
            continue
        if d.mentions[0].trigger.determiner == "another":
            kept.append(d)  # "another strike" is not the one dated strike
            continue
        fits = [
            o
            for o in dated
            if o.kind == d.kind
            and compatible(o.place.place if o.place else None, d.place.place if d.place else None)
        ]
        same_weapon = [o for o in fits if d.weapon and o.weapon == d.weapon]
        pool = same_weapon or fits
        if len(pool) == 1:
            for m in d.mentions:
                _join(pool[0], m)
        else:
            kept.append(d)
    return sorted(kept, key=lambda d: d.mentions[0].trigger.start)


#: Why a mention is no event of its own but still says who acts in the story ("Russia has
#: fired 487 drones at Ukrainian cities" is a generic plural).
_TELLING = ("generic plural", "count of", "a share of", "a campaign", "restates")


def blame_from_context(
    drafts: list[Draft], context: list[EventMention], sentences: list[tuple[int, int]]
) -> None:
    """Give an event nobody is named for the actor the story has just named acting.

    "Over the last four nights, Russia has fired 487 drones at Ukrainian cities. On
    Wednesday night, 31 people were killed in Kyiv, the deadliest attack" is Russia's strike:
    a draft whose words decide neither kind nor actor takes the actor of the mention of no
    event of its own (a campaign, a count) in its sentence or the two before, when that
    mention names exactly one actor, and the draft's weapon, if it names one.
    """
    order = {span: i for i, span in enumerate(sentences)}
    for d in drafts:
        if d.actor or not all(_undecided(m) for m in d.mentions):
            continue
        at = order.get(d.mentions[0].sentence)
        if at is None:
            continue
        near = [
            c
            for c in context
            if c.actor
            and c.skip.startswith(_TELLING)
            and at - 2 <= order.get(c.sentence, -10) <= at
            and c.trigger.start < d.mentions[0].trigger.start
            and (not d.weapon or c.weapon == d.weapon)  # "attacks" say nothing of a drone strike
        ]
        if len({c.actor for c in near}) != 1:
            continue
        c = near[-1]
        d.actor, d.actor_side, d.kind = c.actor, c.actor_side, c.kind
        for i, m in enumerate(d.mentions):
            note = f"actor named acting just before: {c.actor} ({c.trigger.text!r})"
            d.mentions[i] = replace(m, reasons=(*m.reasons, note))


def _undecided(m: EventMention) -> bool:
    """Whether nothing in the mention's own words decided its kind or actor."""
    return not m.trigger.kind and not m.actor and not any("kind from" in r for r in m.reasons)


def follow_up_counts(
    text: str, sentences: list[tuple[int, int]], keep: set[tuple[int, int]], drafts: list[Draft]
) -> None:
    """Give an event the dead a following sentence counts without naming the event again.

    "The brigade said four of its fighters were killed" reports the casualties of the strike
    in the sentence before it; such a figure goes to the event of the nearest preceding
    sentence (at most two sentences back) when that event has no figure of its own.
    """
    if not drafts:
        return
    reporting = keep  # the sentences with event words of their own
    owner: dict[tuple[int, int], Draft] = {m.sentence: d for d in drafts for m in d.mentions}
    for i, span in enumerate(sentences):
        if span in reporting:
            continue
        back = [owner[s] for s in sentences[max(0, i - 2) : i] if s in owner]
        if not back or back[-1].killed:
            continue
        counts = casualties(text[span[0] : span[1]])
        if counts.killed is not None and not counts.reason.startswith("none"):
            back[-1].killed.append(counts.killed)
