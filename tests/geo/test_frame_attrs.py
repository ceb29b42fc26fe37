"""Normalizing an events frame copies its ``attrs`` (an extraction's diagnostics) at most once."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
from shapely.geometry import Point

from geo.frame import normalize_events_report


class _Counted:
    """An attrs value that counts how often pandas deep-copies it."""

    copies = 0

    def __deepcopy__(self, memo: dict[int, Any]) -> _Counted:
        type(self).copies += 1
        return self


def test_attrs_are_not_copied_into_every_column() -> None:
    frame = gpd.GeoDataFrame(
        {"kind": ["strike", "attack"], "date": ["2024-01-04", "2024-01-05"]},
        geometry=[Point(44.4, 33.3), Point(43.1, 36.3)],
        crs=4326,
    )
    frame.attrs["diagnostics"] = _Counted()
    _Counted.copies = 0
    out, problems = normalize_events_report(frame)
    assert problems == [] and len(out) == 2
    assert _Counted.copies <= 1
    assert isinstance(frame.attrs["diagnostics"], _Counted)  # the input keeps its attrs
