"""Regions and nearest sites added to one events table.

:func:`enrich_events` adds the columns of :func:`geo.analysis.regions.assign_regions` and
:func:`geo.analysis.sites.nearest_sites`; :func:`geo.scale.enrich.enrich_parquet` runs it over
tables that need not fit in memory.

Examples
--------
>>> from geo.frame import events_frame
>>> ev = events_frame([{"event_id": "e1", "kind": "attack", "lat": 33.80, "lon": 42.44}])
>>> enrich_events(ev)[["country", "admin1", "site_name"]].values.tolist()
[['IQ', 'Anbar Governorate', 'Al Asad Airbase']]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["DEFAULT_SITES", "enrich_events"]

#: The kinds of site measured by default: air bases and other bases.
DEFAULT_SITES = ("airbase", "base")


def enrich_events(
    events: Any,
    *,
    regions: bool = True,
    sites: Sequence[str] = DEFAULT_SITES,
    gazetteer: Any = None,
) -> Any:
    """Return ``events`` with region columns (``regions``) and nearest-site columns.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        An events table (any extra columns are kept).
    regions : bool
        Add ``country``, ``country_name``, ``admin1``, ``admin1_code``, ``region_source``.
    sites : sequence of str
        Kinds of gazetteer site to measure the distance to (``site_id``, ``site_name``,
        ``site_kind``, ``site_km``); empty for none.
    gazetteer : Gazetteer, optional
        Defaults to the process's embedded one.
    """
    from geo.analysis.regions import assign_regions
    from geo.analysis.sites import nearest_sites

    out = events
    if regions:
        out = assign_regions(out, gazetteer=gazetteer)
    if sites:
        out = nearest_sites(out, tuple(sites), gazetteer=gazetteer)
    return out
