"""Fixtures for map tests: small events frames, and a headless Chromium with the network cut.

Browser tests use Debian's ``/usr/bin/chromium`` through Playwright. They skip
with the reason when Chromium or Playwright is missing on a developer's
machine, and fail instead when the environment variable ``CI`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE_IMG = '<img src=x onerror="window.__xss=1">'
HOSTILE_SCRIPT = "<script>window.__xss=2</script>"


def make_events(records: list[Mapping[str, Any]]) -> gpd.GeoDataFrame:
    """Build an events GeoDataFrame from dicts with ``lat``/``lon`` and any schema columns."""
    rows = [{k: v for k, v in r.items() if k not in {"lat", "lon"}} for r in records]
    return gpd.GeoDataFrame(
        rows,
        geometry=gpd.points_from_xy([r["lon"] for r in records], [r["lat"] for r in records]),
        crs=4326,
    )


def _source(sid: str, headline: str, url: str = "") -> dict[str, str]:
    return {
        "id": sid,
        "outlet": "Example Wire",
        "headline": headline,
        "url": url or f"https://news.example/{sid}",
        "published": "2024-02-03",
    }


SAMPLE: list[dict[str, Any]] = [
    {
        "event_id": "s1", "kind": "strike", "weapon": "airstrike", "lat": 34.45, "lon": 40.95,
        "date": "2024-02-02", "date_precision": "day", "date_min": "2024-02-02",
        "date_max": "2024-02-02", "place": "near Al-Qaim", "place_resolved": "Al Qa'im",
        "geo_precision": "town", "extent_km": 15.0, "country": "IQ", "admin1": "Anbar",
        "actor": "United States", "actor_side": "us-coalition", "target": "Kataib Hezbollah",
        "fatalities": 16, "injured": 25, "sources": ["a1"],
        "source_info": [_source("a1", "US strikes 85 targets in Iraq and Syria")],
        "quote": "US aircraft struck a command centre near Al-Qaim on Friday.",
        "reasons": ["trigger 'struck'", "date: 'on Friday' before the dateline"], "mentions": 2,
    },
    {
        "event_id": "a1", "kind": "attack", "weapon": "drone", "lat": 32.2795, "lon": 39.0122,
        "date": "2024-01-28", "date_precision": "day", "date_min": "2024-01-28",
        "date_max": "2024-01-28", "place": "Tower 22", "place_resolved": "Tower 22",
        "geo_precision": "facility", "extent_km": 0.0, "country": "JO", "actor": "IRI",
        "target": "US troops", "fatalities": 3, "injured": None, "sources": ["a2"],
        "source_info": [_source("a2", "Drone kills three US soldiers", "javascript:alert(1)")],
        "quote": "A one-way drone hit Tower 22 in Jordan, killing three soldiers.",
        "reasons": ["trigger 'hit'"], "mentions": 1,
    },
    {
        "event_id": "a2", "kind": "attack", "weapon": "vessel", "lat": 14.5, "lon": 42.2,
        "date": "2024-03-10", "date_precision": "week", "date_min": "2024-03-08",
        "date_max": "2024-03-14", "place": "the Red Sea", "geo_precision": "sea",
        "extent_km": 150.0, "actor": "Houthis", "target": "a cargo ship", "fatalities": 0,
        "sources": ["a3"], "source_info": [_source("a3", "Drone boat approaches ship")],
        "quote": "An uncrewed surface vessel approached a bulk carrier in the Red Sea.",
    },
    {
        "event_id": "s2", "kind": "strike", "weapon": "missile", "lat": 15.35, "lon": 44.2,
        "date": "2024-01-12", "date_precision": "day", "date_min": "2024-01-12",
        "date_max": "2024-01-12", "place": "Sanaa", "place_resolved": "Sanaa",
        "geo_precision": "town", "extent_km": None, "actor": "United Kingdom",
        "target": "Houthi radar", "fatalities": 5, "sources": ["a4"],
        "source_info": [_source("a4", "Strikes on Yemen")],
        "quote": "Tomahawk missiles struck radar sites around Sanaa.",
    },
    {
        "event_id": "a3", "kind": "attack", "weapon": "rocket", "lat": 36.19, "lon": 44.01,
        "date": "2024-02-20", "date_precision": "month", "date_min": "2024-02-01",
        "date_max": "2024-02-29", "place": "Erbil", "geo_precision": "town", "extent_km": 8.0,
        "actor": "", "target": "Erbil air base", "fatalities": 0, "sources": [],
        "quote": "Rockets were fired at Erbil air base last month.",
    },
    {
        "event_id": "s3", "kind": "strike", "weapon": "", "lat": 35.9, "lon": 36.9,
        "date": None, "place": "Syria", "geo_precision": "country", "extent_km": 250.0,
        "actor": "United States", "quote": "The US said it struck targets in Syria.",
    },
]  # fmt: skip
LINKS = [{"strike_id": "s1", "attack_id": "a1", "reason": "retaliation for Tower 22"}]


@pytest.fixture
def sample() -> gpd.GeoDataFrame:
    """Six well-separated events: strikes and attacks, every precision, one undated."""
    return make_events(SAMPLE)


@pytest.fixture
def sample_records() -> list[dict[str, Any]]:
    """The records of ``sample`` (copies), to vary in a test."""
    return [dict(r) for r in SAMPLE]


@pytest.fixture
def sample_links() -> list[dict[str, str]]:
    return [dict(r) for r in LINKS]


@pytest.fixture
def events() -> Callable[[list[Mapping[str, Any]]], gpd.GeoDataFrame]:
    """``events(records)``: a GeoDataFrame from dicts with lat/lon (see :func:`make_events`)."""
    return make_events


@pytest.fixture
def hostile() -> dict[str, str]:
    """Markup that would run script if any text reached the page as HTML."""
    return {"img": HOSTILE_IMG, "script": HOSTILE_SCRIPT, "both": HOSTILE_IMG + HOSTILE_SCRIPT}


@dataclass
class Opened:
    """A page with the map loaded; console errors, page errors and blocked requests seen."""

    page: Any
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Debian Chromium (skip locally when absent; fail under CI)."""
    problem = ""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "playwright is not installed (pip install -e '.[dev]')"
    if not problem and not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests need Chromium in CI: {problem}")
        pytest.skip(problem)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _route(blocked: list[str]) -> Callable[[Any], None]:
    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    return handle


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    """Open an HTML file from a file:// URL with every other request aborted.

    ``open_page(path, ready=True)`` waits for ``window.strikemap.ready`` unless
    ``ready`` is False (e.g. for a page that holds the map in an iframe).
    """
    contexts: list[Any] = []

    def _open(path: Path, *, ready: bool = True, width: int = 1280, height: int = 800) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        opened = Opened(page=None)
        context.route("**/*", _route(opened.blocked))
        page = context.new_page()
        opened.page = page

        def on_console(msg: Any) -> None:
            if msg.type == "error":
                opened.errors.append(f"console: {msg.text} ({msg.location.get('url', '')})")

        page.on("console", on_console)
        page.on("pageerror", lambda err: opened.errors.append(f"pageerror: {err}"))
        page.goto(path.as_uri())
        if ready:
            page.wait_for_function("window.strikemap && window.strikemap.ready", timeout=30000)
        return opened

    yield _open
    for context in contexts:
        context.close()
