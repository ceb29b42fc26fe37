"""Country polygons shipped with ``geo``: Natural Earth 1:110m admin-0, public domain.

``geo/data/countries_110m.geojson`` holds one feature per country with its ISO
3166-1 alpha-2 code (``iso2``, as GeoNames and the gazetteer write it: ``XK``
for Kosovo, northern Cyprus counted as ``CY``, Somaliland as ``SO``) and its
Natural Earth name. Coordinates are snapped to a 0.0001° grid (about 11 m,
far finer than the 1:110m scale's kilometres of error). The file is made from
the copy of Natural Earth that pyogrio ships as a test fixture
(``naturalearth_lowres``) by::

    python -m geo.analysis.boundaries path/to/naturalearth_lowres.shp \
        > geo/data/countries_110m.geojson

It is read once per process through :func:`load_countries`;
``tests/geo/test_regions.py`` checks that it is what :func:`build_countries`
makes from the fixture, when the fixture exists.

Examples
--------
>>> countries_at([33.34, 20.0, 48.86], [44.40, 38.5, 2.35]).tolist()
['IQ', '', 'FR']
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DATA_FILE", "build_countries", "countries_at", "load_countries"]

#: The shipped file, inside the ``geo.data`` package.
DATA_FILE = "countries_110m.geojson"
#: Grid the coordinates are snapped to, degrees.
GRID_DEG = 1e-4
#: Natural Earth names whose ``iso_a3`` is -99 in the 1:110m file, and their GeoNames code.
_NO_ISO3 = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
_HEADER = (
    "Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com); ISO alpha-2"
    " codes from GeoNames; coordinates snapped to 0.0001 degrees by geo/analysis/boundaries.py"
)


@functools.cache
def load_countries() -> gpd.GeoDataFrame:
    """Return the shipped country polygons: columns ``iso2``, ``name``, ``geometry`` (EPSG:4326).

    Loaded once per process; callers must not modify the frame.

    Examples
    --------
    >>> world = load_countries()
    >>> len(world) > 170, world.crs.to_epsg(), world.loc[world.iso2 == "IQ", "name"].item()
    (True, 4326, 'Iraq')
    """
    import geopandas as gpd

    text = files("geo.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    frame = gpd.GeoDataFrame.from_features(data["features"], crs=4326)
    return frame[["iso2", "name", "geometry"]]


@functools.cache
def _prepared() -> tuple[Any, np.ndarray, np.ndarray]:
    """(prepared polygons, their bounds, their iso2 codes) of :func:`load_countries`."""
    import shapely

    world = load_countries()
    geoms = np.array(world.geometry.values, dtype=object)
    shapely.prepare(geoms)
    return geoms, shapely.bounds(geoms), world["iso2"].to_numpy(dtype=object)


def countries_at(lat: Sequence[float] | np.ndarray, lon: Sequence[float] | np.ndarray) -> Any:
    """Return the ``iso2`` code of the country polygon holding each point, ``''`` for none.

    Points are sorted by longitude once; each polygon then tests only the points
    inside its bounding box, with :func:`shapely.contains_xy` on the prepared
    polygon (no point objects are made). NaN coordinates give ``''``; a point
    exactly on a border may fall in neither country. Returns a numpy array of
    ``str`` objects, one per point.
    """
    import shapely

    geoms, bounds, codes = _prepared()
    lat_a, lon_a = np.asarray(lat, dtype="float64"), np.asarray(lon, dtype="float64")
    order = np.argsort(lon_a, kind="stable")
    order = order[np.isfinite(lon_a[order]) & np.isfinite(lat_a[order])]
    xs, ys = lon_a[order], lat_a[order]
    found = np.full(len(order), -1, dtype="int64")
    for j, (x0, y0, x1, y1) in enumerate(bounds):
        lo, hi = np.searchsorted(xs, x0, side="left"), np.searchsorted(xs, x1, side="right")
        band = ys[lo:hi]
        cand = np.flatnonzero((band >= y0) & (band <= y1)) + lo
        cand = cand[found[cand] < 0]
        if len(cand):
            found[cand[shapely.contains_xy(geoms[j], xs[cand], ys[cand])]] = j
    out = np.full(len(lat_a), "", dtype=object)
    hit = found >= 0
    out[order[hit]] = codes[found[hit]]
    return out


def _iso2_codes(names: Sequence[str], iso3: Sequence[str]) -> list[str]:
    from gazetteer.sources.geonames import load_countries as geonames_countries

    by_iso3 = {c["iso3"]: c["iso"] for c in geonames_countries().values()}
    codes = []
    for name, code in zip(names, iso3, strict=True):
        iso2 = _NO_ISO3.get(name) or by_iso3.get(code, "")
        if not iso2:
            raise ValueError(f"no ISO alpha-2 code for {name!r} ({code})")
        codes.append(iso2)
    return codes


def _rounded(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return round(float(value), 4)


def build_countries(path: str | Path) -> str:
    """Return the text of ``countries_110m.geojson`` built from a Natural Earth countries file."""
    import geopandas as gpd
    import shapely

    world = gpd.read_file(path).to_crs(4326)
    codes = _iso2_codes(world["name"].tolist(), world["iso_a3"].tolist())
    geoms = shapely.make_valid(shapely.set_precision(world.geometry.values, GRID_DEG))
    features = []
    for iso2, name, geom in zip(codes, world["name"], geoms, strict=True):
        shape = shapely.geometry.mapping(geom)
        geometry = {"type": shape["type"], "coordinates": _rounded(shape["coordinates"])}
        features.append(
            {"type": "Feature", "properties": {"iso2": iso2, "name": name}, "geometry": geometry}
        )
    body = {"type": "FeatureCollection", "source": _HEADER, "features": features}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(build_countries(sys.argv[1]))
