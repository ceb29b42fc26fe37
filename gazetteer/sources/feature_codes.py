"""GeoNames feature class and code -> kind and extent of a place.

GeoNames files every feature under a class (``A`` administrative, ``H`` water, ``L`` area,
``P`` populated place, ``R`` road, ``S`` spot or building, ``T`` terrain, ``U`` undersea,
``V`` vegetation) and a code (``PPLX`` section of a populated place, ``CMP`` camp, ``MT``
mountain, ``WAD`` wadi, ``AIRB`` airbase...); see https://www.geonames.org/export/codes.html.
The kind decides the precision (:data:`gazetteer.place.KIND_PRECISION`) and, with the
population for towns, the extent.
"""

from __future__ import annotations

from gazetteer.sources.geonames import city_extent_km

__all__ = ["COUNTRY_CODES", "FEATURE_KINDS", "KIND_EXTENT_KM", "kind_of"]

#: Codes of a whole country (the index carries countries already, so these rows are skipped).
COUNTRY_CODES = frozenset({"PCL", "PCLD", "PCLF", "PCLH", "PCLI", "PCLIX", "PCLS", "TERR"})

#: Feature code -> kind, for the codes a conflict report is likely to name.
FEATURE_KINDS: dict[str, str] = {
    # administrative divisions
    **dict.fromkeys(("ADM1", "ADM1H"), "region"),
    **dict.fromkeys(("ADM2", "ADM2H", "ADM3", "ADM3H", "ADM4", "ADM5", "ADMD"), "district"),
    # populated places
    "PPLC": "capital",
    **dict.fromkeys(("PPLX",), "neighbourhood"),
    # military, transport and other facilities
    **dict.fromkeys(("AIRB",), "airbase"),
    **dict.fromkeys(("AIRF", "AIRP", "AIRH", "AIRQ"), "airport"),
    **dict.fromkeys(("MILB", "INSM", "BRKS", "FT", "NVB"), "base"),
    **dict.fromkeys(("CMP", "CMPRF", "CMPLA", "CMPO", "CMPMN", "CMPL", "CMPQ"), "camp"),
    **dict.fromkeys(("BDG", "BDGQ"), "bridge"),
    **dict.fromkeys(("DAM", "DAMQ", "DAMSB"), "dam"),
    **dict.fromkeys(("PRT", "PIER", "QUAY", "DCKY", "MAR"), "port"),
    **dict.fromkeys(("PSTB", "PSTC"), "border_crossing"),
    "DIP": "embassy",
    **dict.fromkeys(("OILF", "GASF", "OILW"), "oilfield"),
    # terrain
    **dict.fromkeys(("MT", "MTS", "PK", "PKS", "RDGE", "MTSU", "SPUR", "MESA"), "mountain"),
    **dict.fromkeys(("HLL", "HLLS", "MND", "MNDS", "RK", "RKS"), "hill"),
    **dict.fromkeys(("PT", "PTS", "CAPE", "HDLD", "PEN", "PROM"), "headland"),
    **dict.fromkeys(("VAL", "VALS", "GRGE", "CNYN", "RVN", "DPR"), "valley"),
    **dict.fromkeys(("ISL", "ISLS", "ISLET", "ISLT"), "island"),
    **dict.fromkeys(("PASS", "GAP"), "pass"),
    # water
    **dict.fromkeys(("WAD", "WADS", "WADB", "WADJ", "WADM", "WADX"), "wadi"),
    **dict.fromkeys(("STM", "STMS", "STMI", "STMX", "CNL", "CNLS"), "river"),
    **dict.fromkeys(("LK", "LKS", "RSV", "LKSB", "LKI", "LKC"), "lake"),
    **dict.fromkeys(("SPNG", "SPNGS", "WLL", "WLLS", "WLLQ"), "well"),
    **dict.fromkeys(("SEA",), "sea"),
    **dict.fromkeys(("GULF", "BAY", "BAYS"), "gulf"),
    **dict.fromkeys(("STRT", "CHN"), "strait"),
}

#: Kind of a feature class whose code is not listed above.
_CLASS_KINDS = {
    "A": "district",
    "H": "water",
    "L": "area",
    "P": "town",
    "R": "road",
    "S": "facility",
    "T": "terrain",
    "U": "sea",
    "V": "area",
}

#: Radius in km of a place of each kind (towns and cities go by population).
KIND_EXTENT_KM: dict[str, float] = {
    "region": 100.0,
    "district": 20.0,
    "neighbourhood": 2.0,
    "airbase": 3.0,
    "airport": 2.0,
    "base": 1.0,
    "camp": 1.0,
    "bridge": 0.2,
    "dam": 1.0,
    "port": 1.0,
    "border_crossing": 0.5,
    "embassy": 0.1,
    "oilfield": 10.0,
    "mountain": 5.0,
    "hill": 1.0,
    "headland": 1.0,
    "valley": 10.0,
    "island": 3.0,
    "pass": 1.0,
    "wadi": 15.0,
    "river": 50.0,
    "lake": 5.0,
    "well": 0.1,
    "water": 2.0,
    "sea": 200.0,
    "gulf": 50.0,
    "strait": 20.0,
    "area": 20.0,
    "road": 5.0,
    "facility": 0.2,
    "terrain": 2.0,
}


def kind_of(feature_class: str, feature_code: str, population: int) -> tuple[str, float]:
    """Return the kind and extent in km of a GeoNames feature.

    Examples
    --------
    >>> kind_of("P", "PPLX", 0), kind_of("S", "CMP", 0), kind_of("T", "MT", 0)
    (('neighbourhood', 2.0), ('camp', 1.0), ('mountain', 5.0))
    >>> kind_of("P", "PPL", 150_000), kind_of("S", "HSP", 0)
    (('city', 4.6), ('facility', 0.2))
    """
    kind = FEATURE_KINDS.get(feature_code) or _CLASS_KINDS.get(feature_class, "area")
    if kind == "town" and population >= 100_000:
        kind = "city"
    if kind in ("town", "city", "capital"):
        return kind, city_extent_km(population)
    return kind, KIND_EXTENT_KM.get(kind, 1.0)
