"""Maps benchmark: GeoParquet of synthetic events in, a map out; the map opened in Chromium.

Run: ``.venv/bin/python benchmarks/maps.py [--sizes 100000 1000000] [--no-browser] [--no-record]``.

Per size, the events (400 towns of the theatre, two years, quotes, sources and
reasons; built column-wise by :func:`synthetic_table`) are written as GeoParquet
first, untimed. Then a fresh Python process pinned to one core reads the file
(``geopandas.read_parquet`` with Arrow-backed columns), builds the map
(``render_map``) and writes it (``save_map``): its wall and CPU seconds and its
peak memory (VmHWM) are what "GeoParquet in -> map" costs. In headless Chromium
(network cut) the script times the page until ``strikemap.ready``, one
time-filter change (from the call until two frames later, so drawing counts),
and the heatmap at full range. The machine's load average is printed beside
the figures: on a shared machine wall times vary, CPU seconds much less.
Records them in ``docs/benchmarks.md`` (section "maps") unless ``--no-record``.

Targets (issue 17): 1,000,000 events in <= 10 s and <= 2 GB on one core, HTML
<= 30 MB, ready in Chromium <= 3 s, one filter change <= 150 ms; 100,000 events
no slower than before (render 1.00 s + save 0.10 s, ready 1.12 s, filter 43 ms).
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
    """Write ``n`` synthetic events as GeoParquet 1.1 (native point encoding, EPSG:4326)."""
    synthetic_events(n).to_parquet(path, geometry_encoding="geoarrow")
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


_IN_PAGE = """async ([from, to, heat]) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const t0 = performance.now();
  if (heat) strikemap.toggle('heat', true); else strikemap.setRange(from, to);
  const sync = performance.now() - t0;
  await frame(); await frame();
  return [sync, performance.now() - t0];
}"""


def browser_seconds(path: Path) -> dict[str, float]:
    """Seconds to ``strikemap.ready``; ms of one time-filter change and of the heatmap."""
    from playwright.sync_api import sync_playwright

    args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update"]  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=args)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        local = ("file:", "data:")
        context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith(local) else r.abort()
        )
        page = context.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=120_000)
        page.wait_for_function("window.strikemap && window.strikemap.ready", timeout=120_000)
        ready = time.perf_counter() - start
        page.wait_for_function("window.strikemap.textReady", timeout=120_000)
        texts = time.perf_counter() - start
        mode = page.evaluate("strikemap.drawn().mode")
        filtered = page.evaluate(_IN_PAGE, ["2024-03-01", "2024-03-31", False])
        page.evaluate("strikemap.setRange('2023-01-01', '2026-01-01')")
        heat = page.evaluate(_IN_PAGE, ["", "", True])
        browser.close()
    return {"ready": ready, "texts": texts, "filter": filtered[1], "filter_js": filtered[0],
            "heat": heat[1], "mode": mode}  # fmt: skip


_CHILD = """
import json, os, resource, sys, time
os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
sys.path.insert(0, sys.argv[3])
from benchmarks.maps import read_events
from maps.render import render_map
from maps.save import save_map
n = int(sys.argv[4])
wall, cpu = time.perf_counter(), time.process_time()
events = read_events(sys.argv[1])
read = time.perf_counter() - wall
start = time.perf_counter()
fmap = render_map(events, title=f"{n:,} synthetic events")
rendered = time.perf_counter() - start
start = time.perf_counter()
save_map(fmap, sys.argv[2])
saved = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"read": read, "render": rendered, "save": saved,
    "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "peak_mb": peak / 1024}))
"""


def build_map(parquet: Path, html: Path, n: int) -> dict[str, float]:
    """Read, render and save in a fresh process on one core; its seconds and peak memory."""
    import json
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(parquet), str(html), str(ROOT), str(n)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(n: int, folder: Path, browser: bool) -> dict[str, str]:
    import os

    parquet = write_geoparquet(n, folder / f"events-{n}.parquet")
    html = folder / f"map-{n}.html"
    cost = build_map(parquet, html, n)
    load = os.getloadavg()[0]
    label = f"{n:,} events"
    figures = {
        f"{label}: GeoParquet in -> map, one core (read + render_map + save_map)": (
            f"{cost['wall']:.2f} s wall, {cost['cpu']:.2f} s CPU (load average {load:.1f})"
        ),
        f"{label}: of which read / render_map / save_map": (
            f"{cost['read']:.2f} / {cost['render']:.2f} / {cost['save']:.2f} s"
        ),
        f"{label}: peak memory (VmHWM)": f"{cost['peak_mb']:.0f} MB",
        f"{label}: HTML file size": f"{html.stat().st_size / 1e6:.1f} MB",
    }
    if browser:
        seconds = browser_seconds(html)
        figures[f"{label}: Chromium, open until strikemap.ready ({seconds['mode']})"] = (
            f"{seconds['ready']:.2f} s (popup texts decoded at {seconds['texts']:.2f} s)"
        )
        figures[f"{label}: Chromium, one time-filter change, until drawn"] = (
            f"{seconds['filter']:.0f} ms ({seconds['filter_js']:.0f} ms in strikemap.setRange)"
        )
        figures[f"{label}: Chromium, heatmap on at full range, until drawn"] = (
            f"{seconds['heat']:.0f} ms"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--no-record", action="store_true", help="do not touch docs/benchmarks.md")
    parser.add_argument("--keep", type=Path, help="keep the GeoParquet and HTML files here")
    args = parser.parse_args()
    browser = not args.no_browser and CHROMIUM.exists()
    if not browser and not args.no_browser:
        print(f"{CHROMIUM} not found: no browser timings")
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            figures |= measure(n, folder, browser)
    report("maps", figures, record=not args.no_record)


if __name__ == "__main__":
    main()
