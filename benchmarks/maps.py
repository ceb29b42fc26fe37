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


def synthetic_events(n: int, seed: int = 11) -> Any:
    """``n`` events around 400 towns of the theatre over two years, with quotes and sources."""
    import geopandas as gpd

    rng = np.random.default_rng(seed)
    towns = np.column_stack([rng.uniform(12, 38, 400), rng.uniform(34, 56, 400)])
    town = rng.integers(0, 400, n)
    lat = towns[town, 0] + rng.normal(0, 0.05, n)
    lon = towns[town, 1] + rng.normal(0, 0.05, n)
    start = np.datetime64("2023-10-07")
    days = start + rng.integers(0, 730, n).astype("timedelta64[D]")
    date = np.datetime_as_string(days, unit="D")
    precision = rng.choice(PRECISIONS, n)
    weapon = rng.choice(WEAPONS, n)
    article = rng.integers(0, max(1, n // 3), n)
    sources = [[f"art-{a}"] for a in article]
    info = [
        [{"id": f"art-{a}", "outlet": "Example Wire", "headline": f"Report {a} on strikes",
          "url": f"https://news.example/{a}", "published": d}]
        for a, d in zip(article, date, strict=True)
    ]  # fmt: skip
    quotes = [
        f"Officials said a {w or 'weapon'} attack hit a position near town {t} on {d}, "
        f"killing {t % 5} people, according to a statement issued later that day."
        for w, t, d in zip(weapon, town, date, strict=True)
    ]
    return gpd.GeoDataFrame(
        {
            "event_id": [f"ev{i:07d}" for i in range(n)],
            "kind": rng.choice(["strike", "attack"], n),
            "weapon": weapon,
            "date": date,
            "date_precision": "day",
            "date_min": date,
            "date_max": date,
            "place": [f"town {t}" for t in town],
            "place_resolved": [f"Town {t}" for t in town],
            "geo_precision": precision,
            "extent_km": np.where(precision == "facility", 0.0, 10.0),
            "country": "IQ",
            "admin1": "Anbar",
            "actor": rng.choice(ACTORS, n),
            "target": "a base",
            "fatalities": rng.integers(0, 6, n),
            "sources": sources,
            "source_info": info,
            "quote": quotes,
            "reasons": [["trigger 'struck'", "date from the dateline"]] * n,
            "mentions": 1,
        },
        geometry=gpd.points_from_xy(lon, lat),
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
