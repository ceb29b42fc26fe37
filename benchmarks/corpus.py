"""Synthetic news articles about strikes and militia attacks, for benchmarks.

Every sentence comes from templates written for this module (nothing is copied
from real articles).  An article is a headline line, then paragraphs mixing one
to three event sentences (strikes and attacks with a place the gazetteer knows,
an actor, a date and sometimes casualties) with many filler sentences
(reactions, background, quotes, condemnations, threats, funerals), about 5 KB in
all.  The same ``n`` and ``seed`` always give the same articles.

Examples
--------
>>> arts = make_corpus(3, seed=1)
>>> [a.id for a in arts], all(4_500 <= len(a.text.encode()) <= 5_500 for a in arts)
(['00000', '00001', '00002'], True)
>>> make_corpus(3, seed=1) == arts
True
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.articles.article import Article  # noqa: E402
from geo.articles.readers import article_from_text  # noqa: E402

__all__ = ["make_article", "make_corpus", "write_corpus"]


def _words(text: str) -> list[str]:
    """Split a ``"; "``-separated list (kept on few lines)."""
    return text.split("; ")


SIZE = (4_500, 5_500)  # bytes of text per article
OUTLETS = ("Gulf Wire", "Levant Monitor", "Defense Ledger", "Tigris Times", "Harbor Report")

# Places the gazetteer resolves, by the kind of event that happens there.
PLACES = {
    "militia": _words(
        "al-Qaim; Albu Kamal; Deir ez-Zor; al-Mayadin; Jurf al-Sakhar; eastern Syria;"
        " western Anbar; Akashat; Baghdad; Kirkuk; Mosul; Basra; Abu Kamal"
    ),
    "base": _words(
        "Ain al-Asad air base; the K1 base outside Kirkuk; Erbil air base; Harir air base;"
        " Camp Taji; Baghdad airport; the al-Tanf garrison; the Conoco gas field;"
        " the al-Shaddadi base; Rumalyn Landing Zone; Union III in Baghdad; Irbil;"
        " Mission Support Site Green Village; the al-Omar oil field; Victory Base;"
        " Tower 22 in Jordan"
    ),
    "yemen": _words(
        "Hodeidah; Sanaa; Saada; Dhamar; Taiz; Ras Isa; Kamaran Island; Salif; Hajjah; Zabid;"
        " Hodeidah airport; Mocha"
    ),
    "sea": _words("the Red Sea; the Gulf of Aden; the Bab el-Mandeb strait; the southern Red Sea"),
}
US = _words(
    "U.S. aircraft; U.S. forces; American F-15E fighter jets; U.S. Central Command forces;"
    " American warplanes; U.S. military drones; U.S. Army helicopters; B-1 bombers"
)
COALITION = _words("British and American; U.S. and British; American and British; U.S.-led")
MILITIA = _words(
    "Kataib Hezbollah; Harakat al-Nujaba; the Islamic Resistance in Iraq;"
    " Kataib Sayyid al-Shuhada; Popular Mobilization Forces units; Iran-backed militias"
)
HOUTHI = _words("Houthi forces; the Houthis; Yemen's Houthi rebels; Houthi militants")
SITES = _words(
    "weapons depots; command and control facilities; drone storage sites; radar sites;"
    " ammunition warehouses; missile launch sites; logistics hubs; training compounds"
)
SHIPS = _words(
    "a Marshall Islands-flagged tanker; a Greek-owned bulk carrier; the destroyer USS Carney;"
    " a Liberian-flagged container ship; a commercial vessel; a Panama-flagged cargo ship"
)
WEAPON = _words("rocket; drone; missile")
NUMBERS = _words("two; three; four; five; six; seven; eight; nine; ten; 11; 17")
WOUNDED = _words("personnel; service members; contractors; American troops; soldiers")
OFFICIAL = _words(
    "A Pentagon spokesperson; A senior U.S. defense official; A State Department official;"
    " An Iraqi security official; A spokesman for the Iraqi government; A coalition officer;"
    " A U.S. official who spoke on condition of anonymity; A regional diplomat"
)
CAPITAL = _words("Baghdad; Tehran; Washington; Damascus; Sanaa; Amman; London")
GROUP = _words("Kataib Hezbollah; Harakat al-Nujaba; Kataib Sayyid al-Shuhada; Asaib Ahl al-Haq")
CITY = _words("Baghdad; Karbala; Najaf; Basra; Amarah; Nasiriyah; Sanaa; Saada")

# Event sentences.  Fields: {us} {coal} {militia} {houthi} {place} {site} {ship} {n} {when}
# {weapon} {wounded} {kill} {hurt}; {then} opens a follow-up ("Two days later,").
EVENTS = {
    "militia": [
        "{us} struck {site} {near} {when}{kill}.",
        "{us} carried out airstrikes on {site} used by {militia} in {place} {when}{kill}.",
        "A U.S. airstrike hit a vehicle carrying members of {militia} in {place} {when}{kill}.",
        "The United States bombed {site} belonging to {militia} {near} {when}{kill}.",
        "{us} conducted precision strikes against {militia} positions {near} {when}.",
        "An American drone strike targeted a senior commander of {militia} in {place} {when}"
        "{kill}.",
        "Retaliatory strikes by {us} hit {n} targets around {place} {when}{kill}.",
        "{then} {us} struck {site} {near}{kill}.",
        "{us} launched an air raid on {militia} headquarters in {place} {when}{kill}.",
        "An aerial bombardment by {us} destroyed {site} outside {place} {when}{kill}.",
    ],
    "base": [
        "A rocket barrage targeted {place} {when}{hurt}.",
        "A one-way attack drone struck {place} {when}{hurt}.",
        "{militia} claimed a drone attack on U.S. troops at {place} {when}{hurt}.",
        "Rockets were fired at {place} {when}{hurt}.",
        "Militants launched {n} rockets at {place} {when}{hurt}.",
        "A {weapon} attack on {place} {when}{hurt}, officials said.",
        "{militia} fired a salvo of rockets at {place} {when}{hurt}.",
        "{then} a suicide drone hit {place}{hurt}.",
        "A barrage of Katyusha rockets struck {place} {when}{hurt}.",
        "A roadside bomb hit a logistics convoy {near} {when}{hurt}.",
        "Mortar fire targeted {place} {when}{hurt}.",
        "A one-way attack drone launched by {militia} struck {place} {when}{hurt}.",
    ],
    "yemen": [
        "A {coal} air strike hit {site} in {place} {when}{kill}.",
        "{coal} warplanes struck Houthi {site} {near} {when}{kill}.",
        "{us} hit {n} Houthi targets around {place} {when}{kill}.",
        "Airstrikes by {coal} forces targeted {site} in {place} {when}{kill}.",
        "{then} a {coal} air strike hit {site} {near}{kill}.",
        "{coal} aircraft bombed {site} at {place} {when}{kill}.",
    ],
    "sea": [
        "{houthi} fired an anti-ship ballistic missile at {ship} in {place} {when}.",
        "{houthi} launched drones at {ship} transiting {place} {when}{hurt}.",
        "A Houthi missile attack struck {ship} in {place} {when}{hurt}.",
        "An explosive-laden drone boat targeted {ship} in {place} {when}.",
        "{then} {houthi} fired two cruise missiles at {ship} in {place}.",
        "A Houthi drone attack set {ship} on fire in {place} {when}{hurt}.",
    ],
}
KILL = [
    "",
    ", killing {n} fighters of {militia}",
    ", killing at least {n} people",
    ", killing {n} militants and wounding several others",
    ", a U.S. official said",
    ", killing {n} people, according to local officials",
]
HURT = [
    "",
    ", wounding {n} {wounded}",
    ", causing minor injuries to {n} {wounded}",
    ", but no casualties were reported",
    ", injuring {n} {wounded} and damaging a hangar",
]
THEN = ["Two days later,", "A day later,", "The next day,", "Three days later,"]
THEN_DAYS = {"Two": 2, "A": 1, "The": 1, "Three": 3}

HEADLINES = {
    "militia": [
        "U.S. strikes {group} targets in {place}",
        "American jets hit militia sites {near}",
        "Pentagon says strikes {near} were retaliation for attacks on troops",
    ],
    "base": [
        "Rockets target U.S. forces at {place}",
        "Drone attack on {place} wounds personnel",
        "Militia group claims attack on {place}",
    ],
    "yemen": [
        "{coal} strikes hit Houthi sites in {place}",
        "Warplanes pound targets around {place}",
    ],
    "sea": [
        "Houthis fire missile at ship in {place}",
        "Shipping attacked again in {place}",
    ],
}

FILLER = [
    "{official} said the operation was meant to degrade the ability of {group} to threaten"
    " American and coalition personnel in the region.",
    "{official} told reporters that the United States does not seek a wider war in the Middle"
    " East but will defend its forces whenever they come under fire.",
    "The Iraqi government condemned the strikes as a flagrant violation of the country's"
    " sovereignty and said it had not been informed in advance.",
    "Officials in {capital} summoned the U.S. charge d'affaires on {weekday} to lodge a formal"
    " complaint about the operation.",
    "{group} vowed to retaliate, saying in a statement posted on Telegram that American forces"
    " would pay a heavy price for what it called aggression.",
    "A spokesman for {group} warned that the group would respond at a time and place of its"
    " choosing.",
    "Thousands of mourners gathered in {city} for the funeral of the slain fighters, many"
    " carrying portraits of the dead and flags of the group.",
    "Mourners carried coffins draped in flags through the streets of {city} while chanting"
    " slogans against the United States and Israel.",
    "About 2,500 American troops remain in Iraq and some 900 in Syria, where they advise and"
    " assist local forces fighting remnants of the Islamic State group.",
    "The deployment is part of a long-running mission to prevent a resurgence of the Islamic"
    " State, which once held a third of Iraq's territory.",
    "Washington has long accused Tehran of arming, training and funding {group} and other"
    " factions, a charge Iranian officials reject.",
    "Iran's foreign ministry denied any role in the violence and called the accusations"
    " baseless and politically motivated.",
    "Analysts said the exchange risked drawing the region into a broader confrontation that"
    " neither Washington nor {capital} appears to want.",
    "{group} is one of several factions that describe themselves as part of the so-called Axis"
    " of Resistance, a loose network of groups aligned with Iran.",
    "Lawmakers in Baghdad have called repeatedly for a timetable for the departure of foreign"
    " troops, and a non-binding resolution to that effect passed in {year}.",
    "{official} said the targets had been chosen after weeks of intelligence gathering and that"
    " care had been taken to avoid civilian casualties.",
    "Many shipping companies have rerouted their vessels around the Cape of Good Hope, adding"
    " ten days or more to voyages between Asia and Europe.",
    "Insurance premiums for vessels crossing the area have risen sharply, according to brokers"
    " in London, and some insurers have stopped offering cover altogether.",
    "The Houthis, who control much of northern Yemen including the capital, say they act in"
    " solidarity with Palestinians in Gaza.",
    '"We will not hesitate to defend our people and our partners," {official_lc} said in a'
    " written statement released late in the evening.",
    '"These were necessary and proportionate measures," {official_lc} said at a briefing,'
    " adding that an assessment of the damage was under way.",
    "The prime minister's office said it would open an investigation and asked the security"
    " services to report within {n} days.",
    "Residents of {city} described hearing loud explosions before dawn and seeing columns of"
    " smoke rising over the outskirts of the town.",
    "Local media published images of damaged buildings, a collapsed warehouse roof and several"
    " burned-out pickup trucks.",
    "It was not immediately clear how many of the dead were civilians, and hospital officials"
    " in the area could not be reached for comment.",
    "The Pentagon did not say which aircraft took part in the mission or how many munitions"
    " were used, citing operational security.",
    "{official} declined to give further details, saying only that more information would be"
    " released once an assessment was complete.",
    "The United Nations called on all sides to exercise maximum restraint and to respect"
    " international humanitarian law.",
    "Neighbouring countries expressed concern about the safety of navigation and the risk to"
    " the global economy.",
    "Protesters burned a U.S. flag outside the embassy compound in Baghdad and demanded the"
    " expulsion of American diplomats.",
    "{group} has publicly denied carrying out several of the earlier incidents, though U.S."
    " officials say its members were involved.",
    "Security was tightened around government buildings and foreign missions in {capital},"
    " and some roads into the centre were closed.",
    "Oil prices rose slightly in early trading on news of the latest escalation before"
    " settling back later in the day.",
    "The president was briefed on the operation in advance and approved it, {official_lc} said.",
    "A statement from {group} praised its fighters as martyrs and promised to continue what"
    " it called the resistance until foreign forces leave.",
    "Negotiations between Baghdad and Washington on the future of the coalition mission have"
    " been postponed several times since {year}.",
    "Kurdish officials said the situation in the north remained calm but tense, and flights at"
    " the regional airport were operating normally.",
    "Humanitarian groups warned that the fighting could disrupt deliveries of food and"
    " medicine to communities that depend on them.",
    "The British defence secretary said the action was limited, targeted and taken in"
    " self-defence, and that Britain does not seek escalation.",
    "Observers noted that the group rarely claims responsibility for its operations directly,"
    " preferring to use front names that appear on social media.",
    "The cabinet met in an emergency session on {weekday} evening to discuss the security"
    " situation, a government spokesperson said.",
    "Funeral processions for those killed were held in {city} and several other towns, local"
    " television showed.",
    "The Syrian foreign ministry accused Washington of occupying parts of the country and"
    " plundering its oil and wheat.",
    "Saudi Arabia, which has been negotiating with the Houthis to end the war in Yemen, called"
    " for calm and urged all parties to avoid escalation.",
    "Maritime security firms advised vessels linked to Israel or the United States to stay far"
    " from the Yemeni coast and to keep their transponders switched off.",
    "The European Union has launched a naval mission to escort merchant ships, though its"
    " warships are under orders not to strike targets on land.",
    "Commanders of {group} have been under U.S. sanctions for years, and several of them are"
    " listed as specially designated global terrorists.",
    "Iraq's caretaker government, which depends on the support of parties close to {group},"
    " has struggled to rein in the armed factions.",
    "The Popular Mobilization Forces were formed in 2014 to fight the Islamic State and were"
    " later folded into the state security apparatus.",
    "Satellite images reviewed by independent analysts appeared to show craters and scorch"
    " marks at the site.",
    "The Red Sea route carries roughly a tenth of world trade, and disruption there has pushed"
    " up freight rates on the routes between Asia and Europe.",
    "The militia's television channel broadcast footage that it said showed the aftermath,"
    " though the images could not be independently verified.",
    "Diplomats in {capital} said back-channel messages had been exchanged in an effort to"
    " prevent the situation from spiralling.",
    "Several lawmakers in Washington criticised the administration for what they described as"
    " an inconsistent policy toward Iran and its partners.",
    "The families of the soldiers were notified, and their names would be released after"
    " {n} days, according to standard practice.",
    "A senior Iraqi commander said his forces had set up new checkpoints on the roads leading"
    " to the border and were searching vehicles.",
    "The Houthi movement's spokesman said the group would continue its operations until the"
    " war in Gaza ends and aid flows freely.",
    "Tribal leaders in the area appealed to both sides to keep their towns out of the conflict,"
    " saying residents had already suffered enough.",
    "Some analysts argued that the response was calibrated to send a message without killing"
    " senior Iranian personnel.",
    "The attacks have complicated efforts by Baghdad to present itself as a neutral mediator"
    " between its neighbours and the West.",
]


def _ap_date(day: dt.date, *, year: bool) -> str:
    months = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
    text = f"{months[day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if year else text


def _when(rng: random.Random, day: dt.date, published: dt.date) -> str:
    """A date phrase a reporter would use for ``day`` in an article of ``published``."""
    delta = (published - day).days
    options = [
        f"on {_ap_date(day, year=False)}",
        f"on {day:%B} {day.day}, {day.year}",
        f"on {day.day} {day:%B} {day.year}",
        f"on {_ap_date(day, year=True)}",
    ]
    if 1 <= delta <= 6:
        options += [f"on {day:%A}"] * 3 + [f"late on {day:%A}", f"early {day:%A}"]
    if delta == 1:
        options.append("yesterday")
    if 1 <= delta < published.weekday():
        options.append("earlier this week")
    return rng.choice(options)


def _fields(rng: random.Random) -> dict[str, str]:
    official = rng.choice(OFFICIAL)
    fields = {
        "us": rng.choice(US),
        "coal": rng.choice(COALITION),
        "militia": rng.choice(MILITIA),
        "houthi": rng.choice(HOUTHI),
        "site": rng.choice(SITES),
        "ship": rng.choice(SHIPS),
        "n": rng.choice(NUMBERS),
        "weapon": rng.choice(WEAPON),
        "wounded": rng.choice(WOUNDED),
        "official": official,
        "official_lc": official[0].lower() + official[1:],
        "capital": rng.choice(CAPITAL),
        "group": rng.choice(GROUP),
        "city": rng.choice(CITY),
        "weekday": rng.choice("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()),
        "year": str(rng.randint(2019, 2023)),
    }
    return fields


def _near(place: str) -> str:
    """'near al-Qaim' but 'in eastern Syria'."""
    return ("in " if place.split()[0] in ("eastern", "western", "northern") else "near ") + place


def _fill(template: str, fields: dict[str, str]) -> str:
    text = template.format(**fields)
    return text[0].upper() + text[1:]


def _events(rng: random.Random, theater: str, published: dt.date) -> list[str]:
    """One to three event sentences in chronological order, dated before ``published``."""
    count = rng.choice((1, 1, 2, 2, 2, 3))
    day = published - dt.timedelta(days=rng.randint(count + 1, 9))
    out: list[str] = []
    for i in range(count):
        fields = _fields(rng)
        pool = EVENTS[theater]
        followups = [t for t in pool if t.startswith("{then}")]
        if i and rng.random() < 0.5:
            template = rng.choice(followups)
            then = rng.choice(THEN)
            day = day + dt.timedelta(days=THEN_DAYS[then.split()[0]])
            fields["then"] = then
        else:
            template = rng.choice([t for t in pool if t not in followups])
            if i:
                day = day + dt.timedelta(days=rng.randint(1, 2))
        day = min(day, published - dt.timedelta(days=1))
        fields["place"] = rng.choice(PLACES[theater])
        fields["near"] = _near(fields["place"])
        fields["when"] = _when(rng, day, published)
        fields["kill"] = rng.choice(KILL).format(**fields)
        fields["hurt"] = rng.choice(HURT).format(**fields)
        out.append(_fill(template, fields))
    return out


def _filler(rng: random.Random, pool: list[str]) -> str:
    if not pool:
        pool.extend(FILLER)
        rng.shuffle(pool)
    return _fill(pool.pop(), _fields(rng))


def make_article(rng: random.Random, ident: str) -> Article:
    """One synthetic article drawn from ``rng``, with id ``ident``."""
    theater = rng.choice(("militia", "militia", "base", "base", "yemen", "sea"))
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365 - 1))
    events = _events(rng, theater, published)
    place = _place(events[0], theater)
    fields = _fields(rng) | {"place": place, "near": _near(place)}
    headline = _fill(rng.choice(HEADLINES[theater]), fields)
    pool: list[str] = []
    blocks = [[events[0]] + [_filler(rng, pool) for _ in range(rng.randint(1, 2))]]
    for sentence in events[1:]:
        blocks.append([_filler(rng, pool) for _ in range(rng.randint(1, 3))])
        blocks.append([sentence] + [_filler(rng, pool) for _ in range(rng.randint(0, 1))])
    size = len(headline) + sum(len(s) + 2 for block in blocks for s in block)
    target = rng.randint(SIZE[0] + 100, SIZE[1] - 200)
    while size < target:
        block = [_filler(rng, pool) for _ in range(rng.randint(1, 3))]
        while block and size + sum(len(s) + 2 for s in block) > SIZE[1] - 20:
            block.pop()
        if not block:
            break
        blocks.insert(rng.randint(1, len(blocks)), block)
        size += sum(len(s) + 2 for s in block)
    body = "\n\n".join(" ".join(block) for block in blocks)
    article = article_from_text(
        f"{headline}\n\n{body}",
        id=ident,
        published=published,
        title=headline,
        outlet=rng.choice(OUTLETS),
    )
    return replace(article, language="en")  # as read back from the files and manifest


def _place(sentence: str, theater: str) -> str:
    """The place named in an event sentence, for the headline."""
    names = [name for name in PLACES[theater] if name in sentence] or ["Tower 22"]
    return max(names, key=len).removeprefix("the ")


def make_corpus(n: int, seed: int = 0) -> list[Article]:
    """Return ``n`` synthetic articles; the same ``n`` and ``seed`` give the same articles."""
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be a non-negative int, not {n!r}")
    rng = random.Random(seed)
    return [make_article(rng, f"{i:05d}") for i in range(n)]


def write_corpus(directory: str | os.PathLike[str], n: int, *, seed: int = 0) -> list[Article]:
    """Write ``n`` articles as ``<id>.txt`` plus ``manifest.csv`` into ``directory``."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    articles = make_corpus(n, seed)
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "outlet", "headline", "published", "language"])
        for art in articles:
            (folder / f"{art.id}.txt").write_text(art.text, encoding="utf-8")
            published = art.published.isoformat() if art.published else ""
            writer.writerow([f"{art.id}.txt", art.outlet, art.title, published, art.language])
    return articles
