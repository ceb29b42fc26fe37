"""Word lists, patterns and small text tests :func:`gazetteer.spot.spot` judges candidate
place names by (is a line a title, does a sentence end before a name).

Kept apart from the spotting logic so each reads in one sitting; every list is a
frozenset of lower-case words unless its comment says otherwise.

Examples
--------
>>> "embassy" in MISSIONS, KIND_OF["air base"]
(True, 'airbase')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gazetteer.normalize import ARTICLES

__all__ = [
    "ABBREVIATED",
    "AP_STATES",
    "COMMON_WORDS",
    "CONNECTORS",
    "DATELINE_AFTER",
    "DIRECTIONS",
    "INSTITUTIONS",
    "KIND_AFTER",
    "KIND_OF",
    "LOCATIVE",
    "LOWER_STARTS",
    "MISSIONS",
    "NOT_PLACES",
    "NO_START",
    "OF_HEADS",
    "PERSON_CUES",
    "SPEECH",
    "TITLES",
    "after_sentence_end",
    "ap_state_matches",
    "locative_before",
    "people_named",
    "title_line",
]

#: Capitalised words that are places somewhere but far more often something else.
COMMON_WORDS = frozenset(
    """
    hit ana balad said secretary most many police nice reading mobile may march august june sunday
    monday tuesday wednesday thursday friday saturday president minister even along date
    bath victoria independence liberty union unity progress freedom justice peace hope
    mission security defense defence army navy force forces central north south east west
    eastern western northern southern middle upper lower new old great little white black
    green red gold golden silver star sun moon ali hassan hussein mahdi abbas imam emir amir
    sheikh mosque shia sunni arab islam islamic media press state states national capital
    city town village province district border airport base camp news times post herald post
    today online
    """.split()
)
PERSON_CUES = frozenset(
    """
    abu umm bin ibn mr mrs ms dr gen lt col maj sgt capt adm cmdr president minister
    secretary spokesman spokeswoman sheikh imam ayatollah prince king queen emir
    """.split()
)
DIRECTIONS = frozenset(
    """
    north south east west northern southern eastern western northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern central
    """.split()
)
#: Words that GeoNames knows as places but that news uses for dates and organisations.
NOT_PLACES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec may university hamas hezbollah hizballah hizbollah houthi houthis taliban
    isis isil
    daesh nato un pentagon centcom reuters congress senate kremlin christmas easter ramadan
    """.split()
)
# English function words that begin sentences: never the first word of a place here.
NO_START = frozenset(
    """
    a an the as at in on to is it its of by for and but or if he she we i you they no so
    all this that these those there here when while after before since with without
    """.split()
)
#: "the US Embassy": a country before these words names the owner, not the place.
MISSIONS = frozenset({"embassy", "embassies", "consulate", "consulates", "mission"})
SPEECH = frozenset("said says told added stated noted wrote tweeted argued explained".split())
# ... and the Persian ezafe of "Mazar-e Sharif", "Mazar-i-Sharif", "Dasht-e Archi"
CONNECTORS = frozenset(
    {"of", "de", "del", "da", "do", "du", "la", "le", "bin", "e", "i", "ye", *ARTICLES}
)
LOCATIVE = frozenset(
    """
    in near at outside from into to toward towards around across through inside within
    between
    shelled raided struck bombed attacked targeted stormed besieged overran entered hit hits pounded
    """.split()
)
# What falls or is fired on a place: "fired on Kherson", "rockets rained on Sderot"
_FIRED_ON = frozenset(
    "fire fired fires firing rained fell landed attack attacks assault strike strikes times".split()
)
OF_HEADS = DIRECTIONS | frozenset(
    """
    town city village province governorate outskirts area district region suburb suburbs
    centre center heart coast port vicinity areas parts districts neighbourhood neighborhood
    shelling bombing bombings bombardment siege storming battle capture liberation
    """.split()
)
KIND_AFTER = re.compile(
    r"\s*(international airport|military airport|air base|airbase|airfield|air field|airport"
    r"|military base|base|garrison|border crossing|crossing|border|dam|embassy|province"
    r"|governorate|region|district|oil field|port|town|city|village)\b",
    re.IGNORECASE,
)
KIND_OF = {
    "international airport": "airport",
    "military airport": "airbase",
    "air base": "airbase",
    "airbase": "airbase",
    "airfield": "airbase",
    "air field": "airbase",
    "airport": "airport",
    "military base": "base",
    "base": "base",
    "garrison": "base",
    "border crossing": "border_crossing",
    "crossing": "border_crossing",
    "border": "region",
    "dam": "dam",
    "embassy": "embassy",
    "province": "province",
    "governorate": "governorate",
    "region": "region",
    "district": "district",
    "oil field": "oilfield",
    "port": "port",
    "town": "town",
    "city": "town",
    "village": "town",
}
#: Lower-case words that may start a place name ("al-Qaim", "as-Sukhnah").
LOWER_STARTS = frozenset({"al", "el", *ARTICLES})

#: Words abbreviated with a period inside place names: "St. Petersburg", "Mt. Pleasant".
ABBREVIATED = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})
#: Capitalised words after a place that make it the seat of an institution, not part of a
#: longer name: "the Paris Police Department", "Mansfield Mayor Curtis McCoy".
INSTITUTIONS = frozenset(
    """
    police mayor fire sheriff council selectman selectmen board chamber public community
    volunteer regional metropolitan parks recreation civic historical daily education
    """.split()
)
#: After an all-caps place, what makes it a dateline ("CHARLESTON, W.Va. —", "MANSFIELD --").
DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s*(?:\([A-Z]+\)\s*)?(?:—|–|--|-\s)"
)
#: State abbreviations of the AP Stylebook, as US news writes them after a town
#: ("Charleston, W.Va.") or a legislator's party ("D-Ind."), and the state each stands for.
AP_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "D.C.": "District of Columbia",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}
#: Titles before a surname in US and British news, beyond :data:`PERSON_CUES`.
TITLES = frozenset(
    """
    sen rep gov sheriff mayor judge officer deputy trooper chief coach pastor rev father
    detective attorney commissioner councilman councilwoman superintendent principal professor
    prof sir lord lady miss
    """.split()
)


_AP = "|".join(re.escape(k) for k in sorted(AP_STATES, key=len, reverse=True))
#: An AP state abbreviation after a town ("Charleston, W.Va.") or a party ("D-Ind."); a
#: dotted pair ("S.C.", "D.C.") stands alone too.
_AP_STATE = re.compile(
    rf"(?:(?<=, )|(?<=\b[DRI]-))(?:{_AP})(?![A-Za-z])|(?<![\w.])[A-Z]\.[A-Z]\.(?![A-Za-z])"
)
#: Where an AP state may start: a capital, at most four small letters and a full stop (the
#: longest is "Calif."), found fast; :data:`_AP_STATE` is tried only there.
_AP_START = re.compile(r"[A-Z][a-z]{0,4}\.")


def ap_state_matches(text: str) -> Iterator[re.Match[str]]:
    """``_AP_STATE.finditer(text)``, tried only where :data:`_AP_START` matches.

    The lookbehinds that open :data:`_AP_STATE` make the regex engine try it at every
    character; every match starts where the cheaper :data:`_AP_START` does.
    """
    pos = 0
    while (start := _AP_START.search(text, pos)) is not None:
        m = _AP_STATE.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        yield m
        pos = m.end()


_LINE_WORD = re.compile(r"[^\W\d_][\w'’]*")


def after_sentence_end(text: str, at: int) -> bool:
    """Whether only spaces stand between ``at`` and a sentence end (``.!?:"“``) before it."""
    j = at
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j > 0 and text[j - 1] in '.!?:"“'


def title_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is a title: 3 to 25 words, mostly capitalised."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = caps = 0  # a title has 3 to 25 words, at least 60 % of them capitalised
    for m in _LINE_WORD.finditer(text, start, end if end >= 0 else len(text)):
        words += 1
        if words > 25:
            return False
        if m.group()[0].isupper():
            caps += 1
        elif words - caps > 10:  # too many small words for any title
            return False
    return words >= 3 and caps / words >= 0.6


def people_named(tokens: list[tuple[int, str, int]], capitals: list[int]) -> frozenset[str]:
    """Capitalised words the text uses for people: after a title ("Sheriff Welch", "Mr.
    Ripley") or before a verb of speech ("Clark said").  ``capitals`` holds (at least) the
    indices of the capitalised words (see :func:`gazetteer.spot.spot_places`)."""
    found = set()
    for i in capitals:
        word = tokens[i][1]
        if not word[0].isupper():
            continue
        before = tokens[i - 1][1].lower() if i else ""
        after = tokens[i + 1][1].lower() if i + 1 < len(tokens) else ""
        if before in PERSON_CUES or before in TITLES or after in SPEECH:
            found.add(word)
    return frozenset(found)


# Words of who holds a place, between a locative and its name.
_HELD = re.compile(
    r"(?:[a-z]+-)?(?:occupied|held|controlled)|besieged|embattled|liberated|annexed|frontline"
)


def locative_before(tokens: list[tuple[int, str, int]], i: int) -> str:
    """The locative word before token ``i`` ("in", "near", "city of"), as support; '' if none."""
    held = i
    while i > 1 and _HELD.fullmatch(tokens[i - 1][1].lower()):
        i -= 1  # "in occupied Tokmak", "near rebel-held Douma"
    if i < held and i > 1 and tokens[i - 2][1].lower() in (*LOCATIVE, "the"):
        i -= 1  # "in the Russian-occupied Tokmak": who holds it, written apart
    if i == 0:
        return ""
    before = tokens[i - 1][1].lower()
    if before in ("the", "both") and i >= 2:  # "hit both Eilat and Aqaba"
        before = tokens[i - 2][1].lower()
    if before in LOCATIVE:
        return f"after '{before}'"
    if before in ("on", "upon") and i >= 2 and tokens[i - 2][1].lower() in _FIRED_ON:
        return f"after '{tokens[i - 2][1].lower()} {before}'"  # "fired on Kherson"
    if before == "of" and i >= 2 and tokens[i - 2][1].lower() in OF_HEADS:
        return f"after '{tokens[i - 2][1].lower()} of'"
    return ""
