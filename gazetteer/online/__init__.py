"""The opt-in online fallback: geopy geocoders, their registry, the answer cache, the places.

May import: the rest of :mod:`gazetteer` and geopy. Nothing outside :mod:`gazetteer`.
"""
