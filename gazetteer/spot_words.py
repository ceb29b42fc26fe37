"""Word lists and patterns :func:`gazetteer.spot.spot` judges candidate place names by.

Kept apart from the spotting logic so each reads in one sitting; every list is a
frozenset of lower-case words unless its comment says otherwise.

Examples
--------
>>> "embassy" in MISSIONS, KIND_OF["air base"]
(True, 'airbase')
"""

from __future__ import annotations

import re

from gazetteer.normalize import ARTICLES

__all__ = [
    "COMMON_WORDS",
    "CONNECTORS",
    "DIRECTIONS",
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
    sept oct nov dec hamas hezbollah hizballah hizbollah houthi houthis taliban isis isil
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
CONNECTORS = frozenset({"of", "de", "del", "da", "do", "du", "la", "le", "bin", *ARTICLES})
LOCATIVE = frozenset(
    """
    in near at outside from into to toward towards around across through inside within
    between
    """.split()
)
OF_HEADS = DIRECTIONS | frozenset(
    """
    town city village province governorate outskirts area district region suburb suburbs
    centre center heart coast port
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
