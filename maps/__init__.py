"""Layered, self-contained interactive maps of strike and attack events.

``render_map`` and ``save_map`` are imported on first use, so that importing
``maps`` (and the ``strikemap`` command line, which lives in ``maps.cli``) does
not load folium, pandas or geopandas.

>>> import maps
>>> maps.render_map.__module__, maps.save_map.__module__
('maps.render', 'maps.save')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maps.render import render_map
    from maps.save import save_map

__all__ = ["render_map", "save_map"]

_LAZY = {"render_map": "maps.render", "save_map": "maps.save"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
