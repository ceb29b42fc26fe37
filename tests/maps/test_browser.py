"""The map in headless Chromium, opened from file:// with the network cut.

What a reader of the map relies on: every event drawn, layers and the time
slider filtering all layers, popups with the quote and sources, uncertainty
circles, clusters at scale, the offline basemap, Jupyter's iframe, and article
text that never runs as script.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from maps.render import render_map
from maps.save import save_map

pytestmark = pytest.mark.browser
EPOCH = dt.date(1970, 1, 1)


def day(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - EPOCH).days


def expected(records: list[dict[str, Any]], start: str, end: str, full: bool) -> dict[str, int]:
    """Counts per kind under the documented rule: possible dates overlap the range;
    undated events only while the whole period is shown."""
    out = {"strike": 0, "attack": 0}
    for r in records:
        lo = r.get("date_min") or r.get("date")
        hi = r.get("date_max") or r.get("date")
        shown = full if lo is None else day(hi) >= day(start) and day(lo) <= day(end)
        out[r["kind"]] += shown
    return out


def opened(open_page, tmp_path: Path, m: Any, name: str = "map.html", **kw: Any) -> Any:
    return open_page(save_map(m, tmp_path / name), **kw)


def test_every_event_is_drawn_with_no_error_and_no_request(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None))
    counts = view.js("strikemap.counts()")
    assert (counts["strike"], counts["attack"], counts["total"]) == (3, 3, 6)
    drawn = view.js("strikemap.drawn()")
    assert drawn["events"] == 6 and drawn["kinds"] == {"strike": 3, "attack": 3}
    singles = view.page.locator(".sm-marker").count()
    in_bubbles = view.js(
        "[...document.querySelectorAll('.sm-cluster')].reduce((n, e) => n + +e.dataset.count, 0)"
    )
    assert singles + in_bubbles == 6 and singles == drawn["singles"]
    view.js("void strikemap.current.map.setZoom(7, {animate: false})")
    view.js("void strikemap.fit()")  # fitted again: the same view
    assert view.js("strikemap.drawn()")["events"] == 6
    assert view.page.inner_text(".sm-total") == "6 of 6 events"
    assert view.errors == [] and view.blocked == []


def test_layer_checkbox_hides_a_kind_but_not_the_heatmap(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None, heatmap=True))
    view.page.uncheck('input[data-layer="kind:strike"]')
    counts = view.js("strikemap.counts()")
    assert (counts["strike"], counts["attack"], counts["total"], counts["heat"]) == (0, 3, 3, 6)
    assert view.js("strikemap.drawn()")["kinds"] == {"strike": 0, "attack": 3}
    assert view.page.locator('.sm-marker[data-kind="strike"]').count() == 0
    assert view.page.inner_text(".sm-total") == "3 of 6 events"
    view.page.check('input[data-layer="kind:strike"]')
    assert view.js("strikemap.counts()")["total"] == 6
    assert view.errors == []


def test_actor_layers(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None, by_actor=True))
    assert view.js("strikemap.counts()")["actors"]["United States"] == 2
    us = view.page.locator(".sm-panel label", has_text="United States").locator("input")
    us.uncheck()
    counts = view.js("strikemap.counts()")
    assert counts["strike"] == 1 and counts["total"] == 4 and counts["actors"]["United States"] == 0
    assert view.errors == []


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024-02-01", "2024-02-10"), ("2024-03-14", "2024-03-14"), ("2024-01-12", "2024-01-27")],
)
def test_slider_filters_by_possible_dates(open_page, tmp_path, sample, sample_records, start, end):
    view = opened(open_page, tmp_path, render_map(sample, tiles=None))
    assert view.js("strikemap.range()") == ["2024-01-12", "2024-03-14"]
    view.page.fill("input.sm-hi", str(day(end)))
    view.page.fill("input.sm-lo", str(day(start)))
    assert view.js("strikemap.range()") == [start, end]
    want = expected(sample_records, start, end, full=False)
    counts = view.js("strikemap.counts()")
    assert {k: counts[k] for k in want} == want
    assert view.js("strikemap.drawn()")["events"] == sum(want.values())
    assert view.page.inner_text(".sm-dates") == f"{start} – {end}"
    assert f"{sum(want.values())} of 6 events" in view.page.inner_text(".sm-total")


def test_slider_keys_and_links_layer(open_page, tmp_path, sample, sample_links) -> None:
    m = render_map(sample, tiles=None, links=pd.DataFrame(sample_links))
    view = opened(open_page, tmp_path, m)
    assert view.js("strikemap.counts()")["links"] == 1
    view.page.focus("input.sm-lo")
    for _ in range(17):  # 2024-01-12 + 17 days: the attack of 2024-01-28 drops out
        view.page.keyboard.press("ArrowRight")
    assert view.js("strikemap.range()") == ["2024-01-29", "2024-03-14"]
    assert view.js("strikemap.counts()")["links"] == 0
    view.page.keyboard.press("Home")
    assert view.js("strikemap.counts()")["links"] == 1
    view.page.uncheck('input[data-layer="links"]')
    assert view.js("strikemap.counts()")["links"] == 0
    assert view.errors == []


def test_play_steps_through_time_and_stops(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None))
    view.js("strikemap.setRange('2024-01-12', '2024-03-01')")
    view.page.click(".sm-play")
    assert view.js("strikemap.playing()")
    view.page.wait_for_function("strikemap.range()[0] > '2024-01-12'", timeout=5000)
    view.page.wait_for_function("!strikemap.playing()", timeout=20000)
    assert view.js("strikemap.range()") == ["2024-01-25", "2024-03-14"]
    assert view.page.inner_text(".sm-play") == "▶"
    assert view.errors == []


def test_popup_shows_date_place_quote_and_sources(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None, cluster_px=10))
    view.page.click('.sm-marker[data-i="0"]')
    popup = view.page.locator('.sm-popup[data-i="0"]')
    text = popup.inner_text()
    for part in ("Date\t2024-02-02\n", "near Al-Qaim", "Al Qa'im, Anbar, Iraq",
                 "town level", "15 km", "United States (US-led coalition) → Kataib Hezbollah",
                 "16 killed · 25 injured", "US strikes 85 targets in Iraq and Syria"):  # fmt: skip
        assert part in text, part
    assert popup.locator(".sm-quote").inner_text() == sample.loc[0, "quote"]
    link = popup.locator(".sm-sources a")
    assert link.get_attribute("href") == "https://news.example/a1"
    assert link.get_attribute("rel") == "noopener noreferrer"
    view.js("void strikemap.current.map.closePopup()")
    view.page.click('.sm-marker[data-i="1"]')  # its source URL is javascript:
    assert view.page.locator('.sm-popup[data-i="1"] .sm-sources a').count() == 0
    assert "javascript:alert(1)" in view.page.inner_text('.sm-popup[data-i="1"]')
    assert view.errors == []


def test_imprecise_places_get_a_circle_and_say_so(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None, cluster_px=10))
    assert view.js("strikemap.counts()")["uncertainty"] == 5  # all but the facility
    assert view.page.locator(".sm-marker.sm-approx").count() == 5
    view.page.click('.sm-marker[data-i="3"]')  # town, extent not reported
    text = view.page.inner_text('.sm-popup[data-i="3"]')
    assert "town level" in text and "10 km" in text and "typical" in text
    view.js("void strikemap.current.map.closePopup()")
    view.page.click('.sm-marker[data-i="1"]')
    assert "exact site" in view.page.inner_text('.sm-popup[data-i="1"]')
    view.page.uncheck('input[data-layer="uncertainty"]')
    assert view.js("strikemap.counts()")["uncertainty"] == 0


def _click_until(page, target: str, shown: str, tries: int = 3) -> None:
    """Click ``target`` until ``shown`` appears: on a loaded machine a click can land while
    the cluster list is still being drawn and open nothing."""
    for _ in range(tries - 1):
        page.click(target)
        try:
            page.wait_for_selector(shown, timeout=5000)
            return
        except Exception:  # playwright's TimeoutError: click again
            continue
    page.click(target)
    page.wait_for_selector(shown)


def test_hostile_text_runs_no_script(open_page, tmp_path, events, sample_records, hostile):
    nasty = hostile["both"]
    records = []
    for n in range(3):  # two share a point (a cluster list), one stands alone
        rec = dict(sample_records[0], event_id=f"x{n}", lon=40.95 if n < 2 else 44.0)
        for key in ("quote", "place", "place_resolved", "actor", "target", "admin1"):
            rec[key] = f"{nasty} {key} {n}"
        rec["reasons"] = [nasty]
        rec["source_info"] = [
            {"id": f"z{n}", "outlet": nasty, "headline": nasty, "url": "javascript:window.__xss=3"}
        ]
        records.append(rec)
    m = render_map(events(records), tiles=None, by_actor=True, title=nasty)
    view = opened(open_page, tmp_path, m)
    page = view.page
    page.click(".sm-cluster")
    page.wait_for_selector(".sm-list")
    assert f"{nasty} place 0" in page.inner_text(".sm-list")
    _click_until(page, '.sm-list button[data-i="1"]', '.sm-popup[data-i="1"]')
    assert f"{nasty} quote 1" in page.inner_text('.sm-popup[data-i="1"]')
    view.js("void strikemap.current.map.closePopup()")
    view.js("strikemap.fit()")
    page.click('.sm-marker[data-i="2"]')
    page.click('.sm-popup[data-i="2"] .sm-why summary')
    popup = page.inner_text('.sm-popup[data-i="2"]')
    assert f"{nasty} quote 2" in popup and f"{nasty} place 2" in popup and nasty in popup
    assert page.locator('.sm-popup[data-i="2"] .sm-sources a').count() == 0
    assert f"{nasty} actor 0" in page.inner_text(".sm-panel")
    assert page.inner_text(".sm-title-text") == nasty
    assert page.title() == nasty
    page.wait_for_timeout(300)  # an injected <img onerror> would have fired by now
    assert view.js("window.__xss") is None
    assert view.js("document.querySelectorAll('img, script[src]').length") == 0
    assert view.js("document.querySelectorAll('script').length") == 8  # ours only
    assert view.errors == []


def test_clusters_stay_readable_and_open(open_page, tmp_path, events) -> None:
    rng = np.random.default_rng(4)
    n = 3000
    records = [
        {"event_id": f"e{i}", "kind": "strike" if i % 3 else "attack", "weapon": "rocket",
         "lat": float(rng.uniform(30, 37)), "lon": float(rng.uniform(38, 48)),
         "date": f"2024-0{1 + i % 6}-1{i % 10}", "geo_precision": "facility",
         "quote": f"event {i}"}
        for i in range(n)
    ]  # fmt: skip
    records += [dict(records[0], event_id=f"same{i}", lat=33.0, lon=44.0) for i in range(30)]
    view = opened(open_page, tmp_path, render_map(events(records), tiles=None))
    assert view.js("strikemap.counts()")["total"] == n + 30
    drawn = view.js("strikemap.drawn()")
    assert drawn["events"] == n + 30 and drawn["clusters"] > 0 and drawn["markers"] < 400
    zoom = drawn["zoom"]
    view.page.wait_for_function("!strikemap.drawn().pending")  # the full index, built in slices
    view.page.locator(".sm-cluster").first.click()
    view.page.wait_for_function(f"strikemap.drawn().zoom > {zoom}")  # after the animation
    view.js("void strikemap.current.map.setView([33.0, 44.0], 17, {animate: false})")
    view.page.locator('.sm-cluster[data-count="30"]').click()
    assert view.page.locator(".sm-list li").count() == 30
    assert view.errors == []


def test_offline_tiles_fall_back_to_outline(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample))  # OpenStreetMap tiles, network cut
    view.page.wait_for_selector('[data-note="tiles"]')
    assert view.page.is_checked('input[data-layer="outline"]')
    assert view.blocked and all(
        u.startswith("https://tile.openstreetmap.org/") for u in view.blocked
    )
    tile_failures = [e for e in view.errors if "tile.openstreetmap.org" in e]
    assert [e for e in view.errors if e not in tile_failures] == []
    assert view.js("strikemap.counts()")["total"] == 6


def test_heat_layer_draws(open_page, tmp_path, sample) -> None:
    view = opened(open_page, tmp_path, render_map(sample, tiles=None))
    assert view.js("strikemap.counts()")["heat"] == 0
    view.page.check('input[data-layer="heat"]')
    assert view.js("strikemap.counts()")["heat"] == 6
    painted = view.js(
        """() => { const c = document.querySelector('.leaflet-smHeat-pane canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) n += d[i] > 0; return n; }"""
    )
    assert painted > 1000
    assert view.errors == []


def test_jupyter_iframe_works_offline(open_page, tmp_path, sample) -> None:
    page_html = f"<!DOCTYPE html><html><body>{render_map(sample)._repr_html_()}</body></html>"
    path = tmp_path / "notebook.html"
    path.write_text(page_html, encoding="utf-8")
    view = open_page(path, ready=False)
    frame = view.page.frames[1]
    frame.wait_for_function("window.strikemap && window.strikemap.ready", timeout=30000)
    assert frame.evaluate("strikemap.counts().total") == 6
    assert frame.evaluate("strikemap.drawn().events") == 6


def test_empty_map_opens(open_page, tmp_path) -> None:
    empty = gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=4326))
    view = opened(open_page, tmp_path, render_map(empty, tiles=None, title="Nothing yet"))
    assert view.js("strikemap.counts()")["total"] == 0
    assert view.page.inner_text(".sm-total") == "0 of 0 events"
    assert htmllib.unescape(view.page.inner_text(".sm-title-text")) == "Nothing yet"
    assert view.errors == []


def test_data_named_like_object_properties(open_page, tmp_path, events) -> None:
    rows = [
        {"lat": 33, "lon": 44, "kind": "__proto__", "actor": "__proto__", "weapon": "constructor",
         "geo_precision": "toString", "date": "2024-01-01", "quote": "q"},
        {"lat": 30, "lon": 40, "kind": "strike", "actor": "constructor", "date": "2024-01-02"},
    ]  # fmt: skip
    view = opened(open_page, tmp_path, render_map(events(rows), tiles=None, by_actor=True))
    counts = json.loads(view.js("JSON.stringify(strikemap.counts())"))
    assert counts["total"] == 2 and counts["strike"] == 1 and counts["__proto__"] == 1
    assert counts["actors"] == {"__proto__": 1, "constructor": 1}
    view.page.click('.sm-marker[data-i="0"]')
    assert "precision not reported" in view.page.inner_text('.sm-popup[data-i="0"]')
    assert view.errors == []
