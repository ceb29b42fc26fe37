"""Event mentions: one strike or attack phrase in one sentence, with what the sentence says of it.

:func:`sentence_mentions` reads one sentence: its triggers (:mod:`geo.extract.triggers`), dates
(:mod:`geo.extract.spans.dates`; each date goes to the nearest trigger), places
(:mod:`geo.extract.locate`), actor and target (:mod:`geo.extract.roles`) and casualty counts
(:mod:`geo.extract.spans.counts`).  Mentions that are no events (threats, denials, funerals),
generic plurals ("militias have launched rocket attacks") and counts of many events ("25
attacks since November") come back with ``skip`` saying why, to be reported, not dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from gazetteer.spot_words import title_line
from geo.extract import states
from geo.extract.dating import WHO_ACTS, assign_dates, dates_by_sequence, listed_days, own_day
from geo.extract.generic import (
    ACTED,
    DONE,
    DONE_COUNT,
    TOLL,
    early_skip,
    negation,
    other_events,
    reported_plural,
    specific,
)
from geo.extract.locate import ArticlePlaces, PlacePick, pick_place
from geo.extract.roles import (
    SEQUENCE,
    STATE_TYPES,
    acted_by,
    also_victims,
    kind_by_victims,
    passive_trigger,
    roles,
    target_phrase,
)
from geo.extract.spans.actors import ActorMention, actor_as_of
from geo.extract.spans.counts import TIMES, casualties, toll_order
from geo.extract.spans.dates import EventDate, find_dates
from geo.extract.spans.lexicon import ACTION_VERBS
from geo.extract.spans.sections import DateLayout, cell_opens, in_short_cell
from geo.extract.triggers import Trigger, default_kind, find_triggers, may_report, row_trigger

__all__ = ["EventMention", "sentence_mentions"]

_UNIT = re.compile(r"(?:security\s+|special\s+)?(?:troops|soldiers|forces|commandos)\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<dir>after|before)\s+"
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}$",
    re.I,
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_FINAL = re.compile(r"[.!?:][\"'”’)]*$")  # a lead-in ("… included the following:") too
_ALSO = re.compile(
    r"\balso\s+(?:killed|killing|died)\b|\b(?:killed|killing)\s+(?:\w+\s+){0,2}other\b"
    r"|\b(?:second|third|another)\s+(?:[\w'’-]+\s+){0,4}?(?:died|was\s+killed)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class EventMention:
    """What one sentence says about one strike or attack.

    Attributes
    ----------
    trigger : Trigger
        The phrase (offsets into the article text).
    sentence : tuple of int
        The sentence span in the article text.
    kind, weapon : str
        ``strike``/``attack`` and the weapon (see :mod:`geo.schema`).
    refers : bool
        The phrase refers back to an event already reported ("the strike").
    date : EventDate or None
        The date the sentence gives this event (offsets into the sentence).
    relative : tuple of (int, int) or None
        ``(index of the other mention here, days)``: "two days after a barrage"
    place : PlacePick or None
        Where, when the sentence says.
    actor, actor_side, actor_type, target : str
        Who did it (its side and type in the lexicon) to whom ('' when not said).
    killed, injured : int or None
        Counts the sentence gives; ``also`` marks "also killed one other".
    skip : str
        Why this mention is no event ('' when it is one).
    reasons : tuple of str
        Provenance notes.
    """

    trigger: Trigger
    sentence: tuple[int, int]
    kind: str
    weapon: str
    refers: bool
    date: EventDate | None
    relative: tuple[int, int] | None
    place: PlacePick | None
    actor: str
    actor_side: str
    actor_type: str
    target: str
    killed: int | None
    injured: int | None
    also: bool
    skip: str
    reasons: tuple[str, ...]


def sentence_mentions(
    text: str,
    span: tuple[int, int],
    published: dt.date | None,
    places: ArticlePlaces,
    actors: list[ActorMention],
    anchor: EventDate | None,
    layout: DateLayout | None = None,
) -> list[EventMention]:
    """Return the event mentions of the sentence ``text[span[0]:span[1]]``.

    Parameters
    ----------
    text : str
        The article text.
    span : tuple of int
        The sentence.
    published : date or None
        Publication date, for weekdays and relative phrases.
    places : ArticlePlaces
        The article's places (:func:`geo.extract.locate.article_places`).
    actors : list of ActorMention
        The actors named in this sentence, offsets relative to the sentence.
    anchor : EventDate or None
        The latest event date so far in the article ("days later" refers to it).
    layout : DateLayout or None
        The dates of the article's headings and dated lines
        (:mod:`geo.extract.spans.sections`), for mentions the sentence gives no date.
    """
    start, end = span
    sentence = text[start:end]
    triggers = find_triggers(sentence) if may_report(sentence) else []
    row = layout.row_at(start) if layout is not None else None
    if row is not None:  # "| 3 December 2023 | Number 9 | Houthi missile |": one event a row
        triggers = [row_trigger(sentence, triggers)]
        actors = [a for a in actors if in_short_cell(sentence, a.start)][:1]  # "Perpetrator"
    actors = states.with_unlisted(sentence, actors)  # "ISIS-GS attacked the village"
    acting: dict[int, ActorMention] = {}  # an act's trigger start -> who acted
    for a in actors:  # "al-Shabab raided a military base": a named actor acting
        if _COUNTED.search(sentence, max(0, a.start - 30), a.start):
            continue  # "the strike resulted in 30 Taliban killed": people counted, victims
        act = acted_by(sentence, a.end, state=a.actor.type in STATE_TYPES)
        # an actor's act outranks a noun it spans ("Russia Strikes Ukraine With Missiles"), unless
        # its verb may be that noun ("a U.S. raid there in 2005")
        met = [o for o in triggers if act and o.start < act.end and act.start < o.end]
        bare = act is not None and act.text.split()[0].lower() in ACTION_VERBS
        if act and not any(o.strong or o.start < act.start or bare for o in met):
            triggers = [o for o in triggers if o not in met] + [act]
            acting[act.start] = a
    triggers.sort(key=lambda t: t.start)
    if not triggers:
        return []
    found_dates = (
        layout.dates(sentence, start, anchor)
        if layout is not None
        else find_dates(sentence, published, anchor=anchor)
    )
    dates = assign_dates(sentence, triggers, found_dates)
    clauses = {t.start for t in triggers if WHO_ACTS.search(t.text)}  # share their places
    # A headline or caption title ("Baghdad airstrike") names an event the text reports.
    headline = not _FINAL.search(sentence) and row is None
    headline = headline and (len(sentence.split()) <= 12 or title_line(text, start))
    cues = [negation(sentence, t.start, t.end) for t in triggers]
    skips = [early_skip(sentence, t, cue, headline) for t, cue in zip(triggers, cues, strict=True)]
    # events of their own, whose places are theirs: strong phrases, "an April 1 strike"
    live = [
        t.start
        for i, (t, why) in enumerate(zip(triggers, skips, strict=True))
        if not why and (t.strong or own_day(sentence, t, dates[i][0] if i in dates else None))
    ]
    found: list[EventMention] = []
    for i, trig in enumerate(triggers):
        notes = [f"trigger {trig.text!r}"]
        doer, victim = roles(sentence, trig, actors, [t for t in triggers if t is not trig])
        doer = doer or acting.get(trig.start) or (actors[0] if row is not None and actors else None)
        if doer is not None and not doer.actor.country and doer.actor.type in STATE_TYPES:
            # "the Russian Armed Forces": unnamed forces of the country named before them
            own = states.country_forces(sentence, doer.start)
            doer = replace(doer, actor=own) if own is not None else doer
        # "Iran described the airstrikes as terrorism": Iran condemns them; not "condemns the
        # Houthi attack", whose doer names it
        named = doer is not None and _OWN_WORD.fullmatch(sentence, doer.end, trig.start)
        if doer is not None and cues[i] == "condemnation" and not named:
            doer = None
        date = dates[i][0] if i in dates else None
        if date is not None:
            notes.append(f"{dates[i][1]} {date.text!r}: {date.reason}")
        relative = None
        rel = _RELATIVE.search(sentence[max(0, trig.start - 60) : trig.start])
        if rel and i > 0 and date is None:
            n = rel["n"].lower()
            days = _NUMBERS[n] if n in _NUMBERS else int(n)
            relative = (i - 1, -days if rel["dir"].lower() == "after" else days)
            notes.append(f"{rel[0].strip()!r}: dated from the event before it")
        section = layout.section(start + trig.start) if layout and date is None else None
        if date is None and relative is None and section is not None:
            date = section
            notes.append(f"date of the section {section.text!r}: {section.reason}")
        if doer is not None:  # "the Taliban" in 2026: Afghanistan's government
            doer = replace(doer, actor=actor_as_of(doer.actor, date.date if date else None))
        kind = trig.kind
        state = states.state_before(sentence, trig) if doer is None and kind != "attack" else None
        if state is None and doer is None and not kind:
            state = (
                states.subject_state(sentence, trig)
                or states.agent_state(sentence, trig)
                or states.subject_country(sentence, trig)
            )
        unnamed = states.unnamed_state(sentence, trig) if doer is None and state is None else ""
        if state is not None:
            kind = "strike"
            notes.append(f"kind from the state named before it: {state.name}")
        elif unnamed:
            kind = "strike"
            notes.append("kind from a state's forces the text does not name")
        if kind == "strike" and doer is not None and _UNIT.match(trig.text):
            kind = ""  # "Houthi forces struck": units are the actor's, who decides the kind
        if doer is not None and doer.start <= trig.start < doer.end:
            kind = (
                ""  # "Taliban fighters attacked": the agent is the actor's name, its type decides
            )
        if not kind and doer is not None:
            kind = "strike" if doer.actor.type in STATE_TYPES else "attack"
            notes.append(f"kind from actor {doer.actor.name}")
        if not kind and doer is None:  # "were killed", "a commander was killed in a raid"
            kind = kind_by_victims(sentence, trig, victim)
            if kind:
                notes.append(f"kind from who fell victim: {kind}")
        refers = trig.determiner == "definite" or not trig.strong or headline
        if refers and not headline and reported_plural(sentence, trig):
            refers = False  # "conducted strikes on ...": new strikes, if specific (below)
        home = doer.actor.country if doer else ""
        place = pick_place(
            places,
            *((row[2], row[3]) if row is not None else (start, end)),
            start + trig.start,
            weapon=trig.weapon,
            near_country=home or next((a.actor.country for a in actors if a.actor.country), ""),
            others=tuple(start + o for o in live if o != trig.start and o not in clauses),
            need_locative=refers,
            aimed=_AIMED.match(trig.text) is not None,
        )
        if place is not None and row is not None and not cell_opens(text, place.start):
            place = None  # "| Maersk Gibraltar |": a ship's name, not where it was
        if place is not None:
            notes.append(f"place {place.written!r} -> {place.place.name} ({place.how})")
        if unnamed == "government" and place:  # "government aircraft" of the country struck
            home_country = places.gazetteer.get(f"country:{place.place.country}")
            state = (
                states.forces_of_country(home_country.country, home_country.name)
                if home_country
                else None
            )
        # "A similar attack against another office in Tuz Khormato killed 5": a toll of its own
        toll = TOLL.match(sentence, trig.end) is not None or bool(
            _TOLL_BEFORE.search(sentence, 0, trig.start)  # "12 were killed in two car bombings"
        )
        local = place is not None and place.local and not refers
        day_known = layout.published if layout is not None else published  # not a stand-in
        # a month heading's date is no day: the day the story is at, inside it, is finer
        coarse = date is section and section is not None and section.precision != "day"
        undated = (date is None or coarse) and relative is None and day_known is None
        undated = undated and not _OWN_DAY.search(sentence)  # "on Sunday": its own, unknown
        story_day = anchor if anchor is not None and anchor.precision == "day" else None
        if story_day is not None and date is not None:
            inside = date.earliest <= story_day.date <= date.latest
            story_day = story_day if inside else None  # not in the month the heading names
        # "the attacks hit several of the capital's districts", "one person was also killed in
        # Pavlohrad": the story's events, at a place of their own, that day
        went_on = ACTED.match(sentence, trig.end) is not None or also_victims(trig)
        went_on = refers and went_on and bool(place and place.local)
        went_on = went_on and date is None and relative is None
        # or no publication day to fall back on: the day the story is at
        if story_day is not None and (went_on or (undated and (toll or coarse) and local)):
            date = story_day
            notes.append(f"the day the story last named, {story_day.date.isoformat()}")
        elif undated and date is None and trig.determiner == "indefinite" and layout:
            # "On Sunday 19 May, jets were tasked … before conducting a precision attack": no
            # publication day, nor an event before, but the day the paragraph last named
            date = layout.day_before(text, start) if place and place.local else None
            if date is not None:
                notes.append(f"the day the paragraph last named, {date.text!r}")
        skip = skips[i]
        if not skip and i > 0 and _RESTATED.search(sentence, max(0, trig.start - 50), trig.start):
            skip = "restates the event before it"  # "…, claiming that it had targeted …"
        if not skip and not trig.strong and trig.determiner in ("indefinite", "another"):
            # "A U.S. strike in eastern Baghdad on Thursday killed..." and "Near Beiji, a strike
            # destroyed two vehicles" report an event; "an assault on Iraq's sovereignty" does not.
            # "Rangers carried out a raid on a commander": done by someone, whom or wherever
            done = DONE.search(sentence, max(0, trig.start - 60), trig.start) is not None
            acted = ACTED.match(sentence, trig.end) is not None or toll or done
            # "a U.S. military strike in response on April 6": its day and who struck
            # "including an attack that wounded U.S. personnel on August 5": its toll and day
            hurt = _HURT_THAT.match(sentence, trig.end) is not None
            said = (doer or state or place) is not None or hurt or done
            owned = said and date is not None and date.precision == "day"
            # "four additional people in a separate attack in Mazar-e Sharif": one more event
            owned = owned or (trig.determiner == "another" and place is not None and place.local)
            if not owned and (place is None or not place.local or (date is None and not acted)):
                skip = "an unspecific mention (no date, or no place of its own)"
            else:
                refers = False
        if not skip and other_events(sentence, trig, place):  # "Other attacks across Iraq"
            skip = "other events across an area, not one event"
        if not skip and trig.count is not None:
            # "Near Mosul, three strikes engaged two units": one day's strikes at one place;
            # "in Iraq, forces conducted 28 strikes" on a day: that day's strikes in Iraq
            # (or over the days a release tells: "launching three attacks in Syria")
            daily = (date is None or date.precision in ("day", "week")) and place is not None
            head = trig.start + trig.text.rfind(" ") + 1  # "forces conducted 28 strikes"
            daily = daily and DONE_COUNT.search(sentence, max(0, head - 60), head) is not None
            # "two airstrikes June 23 and 30": an event on each day (split below)
            daily = daily or (date is not None and len(listed_days(date)) == trig.count)
            # "attacked the oblast 65 times" on one day at one place: that day's event there
            once = date is not None and date.precision == "day" and place is not None
            daily = daily or (once and TIMES.match(sentence, trig.end) is not None)
            here = place is not None and place.local
            here = here and specific(sentence, trig, date, place, found_dates)
            if not daily and not here:  # "carried out several attacks in the capital": a record
                skip = f"count of {trig.count} events, not one event"
            else:
                refers = False
        if (
            not skip
            and trig.plural
            and not refers
            and trig.count is None
            and not specific(sentence, trig, date, place, found_dates)
        ):
            skip = "generic plural: no day, nor a past-tense report with a place"
        target = victim.actor.name if victim else target_phrase(sentence, trig)
        # "weeks after the most recent U.S. air strikes": an event told as background
        behind = refers and bool(SEQUENCE.search(sentence, max(0, trig.start - 50), trig.start))
        if doer is not None:
            notes.append(f"actor {doer.text!r}")
        found.append(
            EventMention(
                trigger=replace(
                    trig,
                    start=start + trig.start,
                    end=start + trig.end,
                    strong=trig.strong and not behind,
                ),
                sentence=span,
                kind=kind or default_kind(trig),
                weapon=trig.weapon,
                refers=refers,
                date=date,
                relative=relative,
                place=place,
                actor=doer.actor.name if doer else (state.name if state else ""),
                actor_side=doer.actor.side if doer else (state.side if state else ""),
                actor_type=doer.actor.type if doer else (state.type if state else ""),
                target=target,
                killed=None,
                injured=None,
                also=bool(_ALSO.search(sentence)),
                skip=skip,
                reasons=tuple(notes),
            )
        )
    return [  # "two airstrikes June 23 and 30": one event each day
        replace(m, date=day) if day is not m.date else m
        for m in _share(sentence, triggers, _victims_beside(found))
        for day in (
            listed_days(m.date)
            if m.date is not None and m.trigger.count == len(listed_days(m.date))
            else [m.date]
        )
    ]


_VICTIMS = "names the victims of the event beside it"
_OWN_WORD = re.compile(r"(?:['’]s)?\s+(?:[\w\-]+\s+)?")
_HURT_THAT = re.compile(r"\s+(?:that|which)\s+(?:killed|wounded|injured)\b", re.I)
_OWN_DAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|overnight)\b"
    r"|\blast\s+(?:night|week)\b",
    re.I,
)
_TOLL_BEFORE = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds))\S*\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:were|was|are|have\s+been)\s+(?:killed|wounded|injured)\b",
    re.I,
)
_COUNTED = re.compile(
    r"(?:(?<![\d,.])\d{1,3}(?:,\d{3})*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens"
    r"|scores|hundreds|several|many|some))\s+(?:of\s+(?:the\s+)?)?$|\banti-$",  # "anti-US attack"
    re.I,
)
_SUBSET = re.compile(r"\bno\s+(?:civilians?|non-?combatants|bystanders|passengers)\b", re.I)
_RESTATED = re.compile(
    r"\b(?:claiming|saying|stating|adding|asserting)\s+(?:that\s+)?(?:it|they|its\s+forces)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_AIMED = re.compile(r"(?:launch|fire)(?:s|d|ed|es)?\b", re.I)  # a launch at a target's place


def _victims_beside(found: list[EventMention]) -> list[EventMention]:
    """The passive of "3 fighters were killed in an Iraqi airstrike" names the airstrike's
    victims, so it is no mention of its own when the sentence names an event beside it.
    Beside only mentions that are no event ("killed in Israeli attacks in the past 24
    hours"), it stands for the event and takes their actor."""
    if not any(not m.skip and not passive_trigger(m.trigger) for m in found):
        return [_actor_from_beside(m, found) for m in found]
    victims = [
        m for m in found if not m.skip and not m.trigger.strong and passive_trigger(m.trigger)
    ]
    # "On Wednesday night, 31 people were killed in Kyiv, the deadliest attack": the day and
    # place the victims' words give are the event's
    first = victims[0] if victims else None
    return [
        replace(m, skip=_VICTIMS)
        if m in victims
        else replace(m, date=m.date or first.date, place=m.place or first.place)
        if first is not None
        and not m.skip
        and m.relative is None
        and 0 < m.trigger.start - first.trigger.end < 80
        else m
        for m in found
    ]


def _actor_from_beside(m: EventMention, found: list[EventMention]) -> EventMention:
    """A passive without actor takes the actor of the mention it happened in ("were killed
    in Israeli attacks"): the nearest mention after it that names one."""
    if m.skip or m.actor or m.trigger.strong or not passive_trigger(m.trigger):
        return m
    after = [o for o in found if o.trigger.start > m.trigger.start and o.actor]
    if not after:
        return m
    o = after[0]
    note = f"actor of {o.trigger.text!r} beside it: {o.actor}"
    return replace(
        m,
        kind=o.kind,
        actor=o.actor,
        actor_side=o.actor_side,
        actor_type=o.actor_type,
        weapon=m.weapon or o.weapon,
        reasons=(*m.reasons, note),
    )


def _share(sentence: str, triggers: list[Trigger], found: list[EventMention]) -> list[EventMention]:
    """Give the sentence's counts to the event they belong to, and let an event without a
    date take the date of a generic mention beside it ("airstrikes earlier this year
    against the militias behind a rocket attack")."""
    counts = casualties(sentence)
    if counts.killed == 0 and _SUBSET.search(counts.text):  # "no civilians were killed": a part
        counts = replace(counts, killed=None, injured=None)
    if counts.text and any(not m.skip for m in found):
        at = sentence.find(counts.text.split("; ")[0])
        owners = [i for i in range(len(found)) if found[i].skip != _VICTIMS]
        order = {i: toll_order(counts.text, at, triggers[i].start, triggers[i].end) for i in owners}
        owner = min(owners, key=order.__getitem__)
        m = found[owner]
        if not m.skip:  # else the figures belong to a mention that is no event
            note = f"counts {counts.text!r} ({counts.reason})"
            found[owner] = replace(
                m, killed=counts.killed, injured=counts.injured, reasons=(*m.reasons, note)
            )
    spare = [m.date for m in found if m.skip.startswith("generic") and m.date is not None]
    if spare:
        note = "date of the sentence (given to a generic mention beside it)"
        found = [
            replace(m, date=spare[0], reasons=(*m.reasons, note))
            if not m.skip and m.date is None and m.relative is None
            else m
            for m in found
        ]
    # "Jets struck a car on Tuesday after militants fired a missile": the missile's week
    open_ = [
        not (m.skip or m.refers or m.date is not None or m.relative is not None) for m in found
    ]
    usable = [None if m.skip else m.date for m in found]
    ordered = dates_by_sequence(sentence, [t.start for t in triggers], usable, open_)
    return [
        replace(m, date=d, reasons=(*m.reasons, f"date: {d.reason}")) if o and d else m
        for m, d, o in zip(found, ordered, open_, strict=True)
    ]
