"""Country names ↔ ISO 3166-1 alpha-2 codes, for formats that name countries.

Events carry ``country`` as an alpha-2 code; ACLED and UCDP files carry an
English name. Both directions go through :func:`country_table`, built once
from the gazetteer's country data (GeoNames names and ISO codes, the curated
aliases of ``gazetteer/data/countries.yaml``) plus the few names ACLED and
UCDP spell their own way. Lookups fold case, diacritics and punctuation, and
UCDP's historical names in parentheses ("Yemen (North Yemen)") are ignored.

Examples
--------
>>> country_code("Iraq"), country_code("Yemen (North Yemen)"), country_code("Atlantis")
('IQ', 'YE', None)
>>> country_name("PS", scheme="acled"), country_name("YE", scheme="ucdp"), country_name("SY")
('Palestine', 'Yemen (North Yemen)', 'Syria')
>>> country_numeric("IQ"), country_name("XX")
(368, '')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from gazetteer.data import load_yaml
from gazetteer.normalize import normalize
from gazetteer.sources.geonames import load_countries

__all__ = ["SCHEMES", "CountryTable", "country_code", "country_name", "country_numeric"]

#: Where ACLED's country names differ from GeoNames' (ACLED codebook spellings).
ACLED_NAMES: Final[dict[str, str]] = {
    "PS": "Palestine",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CZ": "Czech Republic",
    "CI": "Ivory Coast",
}
#: Where UCDP GED's country names differ from GeoNames' (historical name in parentheses).
UCDP_NAMES: Final[dict[str, str]] = {
    "YE": "Yemen (North Yemen)",
    "RU": "Russia (Soviet Union)",
    "CD": "DR Congo (Zaire)",
    "RS": "Serbia (Yugoslavia)",
    "KH": "Cambodia (Kampuchea)",
    "ZW": "Zimbabwe (Rhodesia)",
    "MG": "Madagascar (Malagasy)",
    "MM": "Myanmar (Burma)",
    "US": "United States of America",
    "BA": "Bosnia-Herzegovina",
}
#: Naming schemes :func:`country_name` knows.
SCHEMES: Final = ("geonames", "acled", "ucdp")
_PARENS = re.compile(r"\s*\([^)]*\)\s*$")
_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class CountryTable:
    """Lookup tables: folded name -> code, code -> name per scheme, code -> ISO numeric."""

    codes: dict[str, str]
    names: dict[str, dict[str, str]]
    numeric: dict[str, int]


def _fold(name: str) -> str:
    return normalize(_THE.sub("", name))


@functools.cache
def country_table() -> CountryTable:
    """Build the tables once from the gazetteer's country data."""
    countries = load_countries()
    extra: dict[str, dict[str, list[str]]] = load_yaml("countries.yaml")["countries"]
    codes: dict[str, str] = {}
    geonames = {iso: str(c["name"]) for iso, c in countries.items()}
    names = {
        "geonames": geonames,
        "acled": {**geonames, **ACLED_NAMES},
        "ucdp": {**geonames, **UCDP_NAMES},
    }
    for iso in countries:
        aliases = extra.get(iso, {}).get("aliases", [])
        spellings = [geonames[iso], *aliases, ACLED_NAMES.get(iso, ""), UCDP_NAMES.get(iso, "")]
        spellings = [*(_PARENS.sub("", s) for s in spellings), iso, str(countries[iso]["iso3"])]
        for spelling in spellings:
            if spelling:
                codes.setdefault(_fold(spelling), iso)
    numeric = {iso: int(c["isonumeric"]) for iso, c in countries.items() if c.get("isonumeric")}
    return CountryTable(codes, names, numeric)


def country_code(name: str) -> str | None:
    """The alpha-2 code of a country name, code or alias, or None when unknown."""
    table = country_table()
    for candidate in (name, _PARENS.sub("", name)):
        code = table.codes.get(_fold(candidate)) if candidate.strip() else None
        if code is not None:
            return code
    return None


def country_name(code: str, *, scheme: str = "geonames") -> str:
    """The English name of an alpha-2 code in ``scheme`` ('' when the code is unknown)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; expected one of {', '.join(SCHEMES)}")
    return country_table().names[scheme].get(code.upper(), "")


def country_numeric(code: str) -> int | None:
    """The ISO 3166-1 numeric code of an alpha-2 code (ACLED's ``iso`` column)."""
    return country_table().numeric.get(code.upper())
