"""Build ``maps/static/outline.js``: coarse country outlines for maps without tiles.

A map must stay readable when its tiles cannot load (offline, blocked, in a
sandboxed notebook). It then shows a plain background, a 5° graticule and these
outlines: Natural Earth 1:110m admin-0 countries (public domain), simplified
as a coverage (shared borders stay shared) to 0.05° and stored as integer
hundredths of a degree, delta-encoded. The input is the copy of Natural Earth
that pyogrio ships as a test fixture (``naturalearth_lowres``, itself copied
from geopandas); this module is only needed to regenerate the file::

    python -m maps.outline path/to/naturalearth_lowres.shp > maps/static/outline.js

The shipped file is not built at run time; ``tests/maps/test_outline.py`` checks
that it is what this function makes from the fixture, when the fixture exists.

Examples
--------
>>> encode_ring([(44.0, 33.0), (44.05, 33.1), (44.0, 33.0)])
[4400, 3300, 5, 10, -5, -10]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["HEADER", "TOLERANCE_DEG", "build_outline", "encode_ring"]

#: Simplification tolerance, degrees.
TOLERANCE_DEG = 0.05
#: First lines of the generated file.
HEADER = (
    "/* Country outlines for strikemap maps without tiles. Natural Earth 1:110m admin-0\n"
    " * countries (public domain, naturalearthdata.com), simplified to 0.05 degrees by\n"
    " * maps/outline.py. rings: [x0, y0, dx1, dy1, ...] in hundredths of a degree. */\n"
)


def encode_ring(coords: Iterable[tuple[float, float]]) -> list[int]:
    """Encode (lon, lat) pairs as integer hundredths, each after the first as a delta.

    Consecutive points that round to the same value are dropped.
    """
    out: list[int] = []
    px = py = 0
    for lon, lat in coords:
        x, y = round(lon * 100), round(lat * 100)
        if out and x == px and y == py:
            continue
        out += [x, y] if not out else [x - px, y - py]
        px, py = x, y
    return out


def build_outline(path: str | Path) -> str:
    """Return the text of ``outline.js`` built from a Natural Earth countries file."""
    import geopandas as gpd
    import shapely

    world = gpd.read_file(path).to_crs(4326)
    world = world[world["name"] != "Antarctica"].reset_index(drop=True)
    simple = shapely.coverage_simplify(world.geometry.values, TOLERANCE_DEG)
    rings: list[list[int]] = []
    for geom in simple:
        parts: list[Any] = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
        for poly in parts:
            ring = encode_ring(poly.exterior.coords)
            if len(ring) >= 8:  # at least four points
                rings.append(ring)
    body = json.dumps({"v": 1, "scale": 100, "rings": rings}, separators=(",", ":"))
    return f"{HEADER}window.STRIKEMAP_OUTLINE = {body};\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(build_outline(sys.argv[1]))
