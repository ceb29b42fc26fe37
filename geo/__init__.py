"""Articles to dated, geolocated strike and attack events: the event model and the public API.

``geo`` itself holds the event model (:mod:`geo.event`, :mod:`geo.schema`, :mod:`geo.frame`,
:mod:`geo.errors`); the work is done in subpackages by concern, which depend one way:

- :mod:`geo.articles`: article files, folders, feeds and web pages in;
- :mod:`geo.extract`: text to events (sentences, triggers, spans, mentions, places, clustering,
  merging, the pipeline);
- :mod:`geo.formats`: events files read and written, one module per format;
- :mod:`geo.analysis`: regions, nearest sites, response links, tempo;
- :mod:`geo.scale`: the partitioned run on Dask.

The model imports none of them; ``articles`` and ``extract`` import the model; ``formats``,
``analysis`` and ``scale`` may import the model and ``extract``, never the other way round
(``tests/test_layout.py`` checks it, and docs/architecture.md draws it).

The names below are imported on first use, so that importing ``geo`` loads neither geopandas
nor scipy:

>>> import geo
>>> geo.extract_events.__module__, geo.read_events.__module__, geo.tempo.__module__
('geo.extract.pipeline', 'geo.formats.readwrite', 'geo.analysis.timeline')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geo.analysis.enrich import enrich_events
    from geo.analysis.regions import assign_regions
    from geo.analysis.responses import link_responses
    from geo.analysis.sites import nearest_sites, within
    from geo.analysis.timeline import tempo
    from geo.articles.readers import read_articles
    from geo.event import Event, Report
    from geo.extract.pipeline import extract_events
    from geo.formats.readwrite import read_events, write_events
    from geo.frame import events_frame

__all__ = [
    "Event",
    "Report",
    "assign_regions",
    "enrich_events",
    "events_frame",
    "extract_events",
    "link_responses",
    "nearest_sites",
    "read_articles",
    "read_events",
    "tempo",
    "within",
    "write_events",
]

_LAZY = {
    "Event": "geo.event",
    "Report": "geo.event",
    "assign_regions": "geo.analysis.regions",
    "enrich_events": "geo.analysis.enrich",
    "events_frame": "geo.frame",
    "extract_events": "geo.extract.pipeline",
    "link_responses": "geo.analysis.responses",
    "nearest_sites": "geo.analysis.sites",
    "read_articles": "geo.articles.readers",
    "read_events": "geo.formats.readwrite",
    "tempo": "geo.analysis.timeline",
    "within": "geo.analysis.sites",
    "write_events": "geo.formats.readwrite",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
