"""Maps benchmark: render and save 10,000 and 100,000 synthetic events; open them in Chromium.

Run: ``.venv/bin/python benchmarks/maps.py [--sizes 10000 100000] [--no-browser] [--no-record]``.
Prints, per size, the seconds to build the page (``render_map``) and write it
(``save_map``), the file size, and, when ``/usr/bin/chromium`` and Playwright
are there, the seconds until ``window.strikemap.ready`` in headless Chromium
(network cut) and the time of one time-filter change and of drawing the heatmap.
Records them in ``docs/benchmarks.md`` (section "maps") unless ``--no-record``.
Target: 100,000 events written in a few seconds and a few tens of MB at most.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
WEAPONS = ["airstrike", "drone", "rocket", "missile", "vessel", "ied", ""]
PRECISIONS = ["facility", "town", "town", "town", "region", "country", "sea"]
ACTORS = [f"Actor {i}" for i in range(12)]


def _join(*parts: Any) -> Any:
    """Element-wise concatenation of string arrays and scalars (pyarrow)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arrays = [p if isinstance(p, pa.Array) else pa.scalar(str(p)) for p in parts]
    return pc.binary_join_element_wise(*arrays, pa.scalar(""))


def synthetic_table(n: int, seed: int = 11) -> Any:
    """``n`` events around 400 towns of the theatre over two years, with quotes and sources,
    as a pyarrow Table with a WKB ``geometry`` column (built column-wise, in seconds)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import shapely

    rng = np.random.default_rng(seed)
    towns = np.column_stack([rng.uniform(12, 38, 400), rng.uniform(34, 56, 400)])
    town = rng.integers(0, 400, n)
    lat = towns[town, 0] + rng.normal(0, 0.05, n)
    lon = towns[town, 1] + rng.normal(0, 0.05, n)
    start = np.datetime64("2023-10-07")
    days = start + rng.integers(0, 730, n).astype("timedelta64[D]")
    date = pa.array(np.datetime_as_string(days, unit="D"))
    precision = rng.choice(PRECISIONS, n)
    weapon = pa.array(rng.choice(WEAPONS, n))
    article = pa.array(rng.integers(0, max(1, n // 3), n)).cast(pa.string())
    town_s = pa.array(town).cast(pa.string())
    art_id = _join("art-", article)
    record = pa.StructArray.from_arrays(
        [art_id, pa.array(np.full(n, "Example Wire")), _join("Report ", article, " on strikes"),
         _join("https://news.example/", article), date],
        names=["id", "outlet", "headline", "url", "published"],
    )  # fmt: skip
    one = pa.array(np.arange(n + 1, dtype=np.int32))
    weapon_text = pc.if_else(pc.equal(weapon, ""), "weapon", weapon)
    quote = _join("Officials said a ", weapon_text, " attack hit a position near town ", town_s,
                  " on ", date, ", killing ", pa.array(town % 5).cast(pa.string()),
                  " people, according to a statement issued later that day.")  # fmt: skip
    reasons = pa.array([["trigger 'struck'", "date from the dateline"]]).take(np.zeros(n, int))
    columns = {
        "event_id": _join("ev", pc.utf8_lpad(pa.array(np.arange(n)).cast(pa.string()), 7, "0")),
        "kind": pa.array(rng.choice(["strike", "attack"], n)),
        "weapon": weapon,
        "date": date,
        "date_precision": pa.array(np.full(n, "day")),
        "date_min": date,
        "date_max": date,
        "place": _join("town ", town_s),
        "place_resolved": _join("Town ", town_s),
        "geo_precision": pa.array(precision),
        "extent_km": pa.array(np.where(precision == "facility", 0.0, 10.0)),
        "country": pa.array(np.full(n, "IQ")),
        "admin1": pa.array(np.full(n, "Anbar")),
        "actor": pa.array(rng.choice(ACTORS, n)),
        "actor_side": pa.array(rng.choice(["us_coalition", "iran_aligned", "other"], n)),
        "target": pa.array(np.full(n, "a base")),
        "fatalities": pa.array(rng.integers(0, 6, n)),
        "sources": pa.ListArray.from_arrays(one, art_id),
        "source_info": pa.ListArray.from_arrays(one, record),
        "quote": quote,
        "reasons": reasons,
        "mentions": pa.array(np.ones(n, dtype=np.int64)),
        "geometry": pa.array(shapely.to_wkb(shapely.points(lon, lat))),
    }
    return pa.table(columns)


def write_geoparquet(n: int, path: Path) -> Path:
    """Write ``n`` synthetic events as a GeoParquet file (WKB points, EPSG:4326)."""
    import geopandas as gpd
    import pyarrow as pa

    table = synthetic_table(n)
    frame = gpd.GeoDataFrame(
        table.drop_columns(["geometry"]).to_pandas(types_mapper=pd_arrow_dtype()),
        geometry=gpd.GeoSeries.from_wkb(table["geometry"].to_numpy(zero_copy_only=False)),
        crs=4326,
    )
    frame.to_parquet(path)
    del pa
    return path


def pd_arrow_dtype() -> Any:
    import pandas as pd

    return pd.ArrowDtype


def read_events(path: Path) -> Any:
    """Read a GeoParquet events file with Arrow-backed columns (no Python objects per cell)."""
    import geopandas as gpd

    return gpd.read_parquet(path, to_pandas_kwargs={"types_mapper": pd_arrow_dtype()})


def synthetic_events(n: int, seed: int = 11) -> Any:
    """``n`` synthetic events as a GeoDataFrame (Arrow-backed columns)."""
    import geopandas as gpd

    table = synthetic_table(n, seed)
    return gpd.GeoDataFrame(
        table.drop_columns(["geometry"]).to_pandas(types_mapper=pd_arrow_dtype()),
        geometry=gpd.GeoSeries.from_wkb(table["geometry"].to_numpy(zero_copy_only=False)),
        crs=4326,
    )


def browser_seconds(path: Path) -> dict[str, float]:
    """Seconds to ``strikemap.ready``, one time-filter change and the heatmap, in Chromium."""
    from playwright.sync_api import sync_playwright

    args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update"]  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=args)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page = context.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.strikemap && window.strikemap.ready", timeout=120_000)
        ready = time.perf_counter() - start
        start = time.perf_counter()
        page.evaluate("strikemap.setRange('2024-03-01', '2024-03-31')")
        filtered = time.perf_counter() - start
        start = time.perf_counter()
        page.evaluate(
            "strikemap.setRange('2023-01-01', '2026-01-01'); strikemap.toggle('heat', true)"
        )
        heat = time.perf_counter() - start
        browser.close()
    return {"ready": ready, "filter": filtered, "heat": heat}


def measure(n: int, folder: Path, browser: bool) -> dict[str, str]:
    from maps.render import render_map
    from maps.save import save_map

    events = synthetic_events(n)
    start = time.perf_counter()
    fmap = render_map(events, title=f"{n:,} synthetic events")
    rendered = time.perf_counter() - start
    start = time.perf_counter()
    path = save_map(fmap, folder / f"map-{n}.html")
    saved = time.perf_counter() - start
    size = path.stat().st_size / 1e6
    label = f"{n:,} events"
    figures = {
        f"{label}: render_map (payload, assets)": f"{rendered:.2f} s",
        f"{label}: save_map (HTML render and atomic write)": f"{saved:.2f} s",
        f"{label}: HTML file size": f"{size:.1f} MB",
    }
    if browser:
        seconds = browser_seconds(path)
        figures[f"{label}: Chromium, open until strikemap.ready"] = f"{seconds['ready']:.2f} s"
        figures[f"{label}: Chromium, one time-filter change"] = f"{seconds['filter'] * 1000:.0f} ms"
        figures[f"{label}: Chromium, full range + heatmap on"] = f"{seconds['heat'] * 1000:.0f} ms"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--no-record", action="store_true", help="do not touch docs/benchmarks.md")
    args = parser.parse_args()
    browser = not args.no_browser and CHROMIUM.exists()
    if not browser and not args.no_browser:
        print(f"{CHROMIUM} not found: no browser timings")
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            figures |= measure(n, Path(tmp), browser)
    report("maps", figures, record=not args.no_record)


if __name__ == "__main__":
    main()
