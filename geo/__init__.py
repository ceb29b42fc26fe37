"""Articles to dated, geolocated strike and attack events (see the issues for status).

The analysis functions are imported on first use, so that importing ``geo``
loads neither geopandas nor scipy:

>>> import geo
>>> geo.assign_regions.__module__, geo.tempo.__module__
('geo.analysis.regions', 'geo.analysis.timeline')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geo.analysis.regions import assign_regions
    from geo.analysis.responses import link_responses
    from geo.analysis.sites import nearest_sites, within
    from geo.analysis.timeline import tempo

__all__ = ["assign_regions", "link_responses", "nearest_sites", "tempo", "within"]

_LAZY = {
    "assign_regions": "geo.analysis.regions",
    "link_responses": "geo.analysis.responses",
    "nearest_sites": "geo.analysis.sites",
    "tempo": "geo.analysis.timeline",
    "within": "geo.analysis.sites",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
