"""The shared default :class:`~gazetteer.core.Gazetteer` behind the module-level functions."""

from __future__ import annotations

import functools

from gazetteer.core import Gazetteer

__all__ = ["default_gazetteer"]


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer over the embedded index (opened once)."""
    return Gazetteer()
