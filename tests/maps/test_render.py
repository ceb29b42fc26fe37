"""render_map's HTML, checked as text: no external loads, safe embedding, options."""

from __future__ import annotations

import html as htmllib
import re

import folium
import geopandas as gpd
import numpy as np
import pytest

from maps.assets import JS_FILES, external_resources, head_tags, inline_script, static_text
from maps.errors import MapAssetError, MapInputError
from maps.payload import build_payload
from maps.render import StrikeMap, render_map
from maps.save import map_html
from tests.maps.pagedata import read_page, value

FOLIUM_CDNS = ("code.jquery.com", "bootstrap", "fontawesome", "awesome-markers", "cdnjs")


def test_returns_a_folium_map(sample) -> None:
    m = render_map(sample)
    assert isinstance(m, folium.Map) and isinstance(m, StrikeMap)


@pytest.mark.parametrize("tiles", [None, "OpenStreetMap"])
def test_inline_page_loads_nothing_from_the_network(sample, tiles) -> None:
    html = map_html(render_map(sample, tiles=tiles, by_actor=True, title="T"))
    assert external_resources(html) == []
    for host in FOLIUM_CDNS:
        assert host not in html, host
    assert "cdn.jsdelivr.net" not in html
    assert "Leaflet 1.9" in html and "window.STRIKEMAP_OUTLINE" in html
    assert "images/layers.png" not in html  # inlined as data: URIs


def test_tile_urls_and_source_links_are_the_only_http_urls(sample) -> None:
    html = map_html(render_map(sample))
    urls = set(re.findall(r"https?://[^\s\"'\\)<]+", html))
    allowed = ("https://tile.openstreetmap.org/", "https://news.example/", "https://leafletjs.com")
    allowed += ("https://www.openstreetmap.org/copyright", "http://www.w3.org/")
    allowed += ("https://bugzilla.mozilla.org/",)  # a comment in leaflet.css
    assert {u for u in urls if not u.startswith(allowed)} == set()


def test_no_inline_links_leaflet_only(sample) -> None:
    html = map_html(render_map(sample, inline=False))
    loads = external_resources(html)
    assert len(loads) == 2 and all(
        u.startswith("https://cdn.jsdelivr.net/npm/leaflet@") for u in loads
    )
    assert "Leaflet 1.9" not in html
    assert len(html) < len(map_html(render_map(sample))) - 100_000


def test_payload_in_page_is_the_payload(sample) -> None:
    html = map_html(render_map(sample, title="x"))
    page, p = read_page(html), build_payload(sample)
    cols = page["columns"]
    assert page["header"]["options"]["title"] == "x" and page["header"]["n"] == p["n"] == 6
    assert np.allclose(cols["lat"], p["lat"]) and np.allclose(cols["lon"], p["lon"])
    assert np.array_equal(cols["date"], p["date"], equal_nan=True)
    assert np.array_equal(cols["date"] - cols["before"], p["d0"], equal_nan=True)
    assert np.array_equal(cols["date"] + cols["after"], p["d1"], equal_nan=True)
    assert np.array_equal(cols["fatalities"], p["fatalities"], equal_nan=True)
    assert cols["quote"] == p["quote"].to_pylist() and cols["id"] == p["id"].to_pylist()
    for name, column in p["cat"].items():
        assert [value(page, name, i) for i in range(6)] == [
            column["values"][c] for c in column["codes"]
        ]
    assert cols["sources.id"] == p["sources"]["table"]["id"].to_pylist()
    assert np.array_equal(np.cumsum(cols["sources.count"]), p["sources"]["offsets"][1:])
    assert page["header"]["labels"]["actor_side"]["us-coalition"] == "US-led coalition"
    assert page["header"]["labels"]["country"]["IQ"] == "Iraq"


def test_a_million_points_pack_small(events) -> None:
    """Quantised, delta- or offset-coded coordinates: a grid of points costs a few bytes each."""
    n = 200_000
    rng = np.random.default_rng(1)
    gdf = gpd.GeoDataFrame(
        {"geo_precision": rng.choice(["facility", "town"], n)},
        geometry=gpd.points_from_xy(rng.uniform(40, 45, n), rng.uniform(30, 35, n)),
        crs=4326,
    )
    html = map_html(render_map(gdf, tiles=None, outline=False))
    cols = read_page(html)["columns"]
    assert np.abs(cols["lat"] - build_payload(gdf)["lat"]).max() < 1e-9
    assert len(html) - len(map_html(render_map(gdf.iloc[:0], tiles=None, outline=False))) < n * 8


def test_hostile_text_is_escaped_everywhere(sample_records, events, hostile) -> None:
    nasty = hostile["both"] + "{{ 7*7 }}{% if 1 %}jinja{% endif %}"
    rec = sample_records[0]
    rec["quote"] = rec["place"] = rec["actor"] = nasty
    rec["source_info"] = [{"id": "z", "headline": nasty, "url": "javascript:alert(1)"}]
    html = map_html(render_map(events([rec]), title=nasty, by_actor=True))
    assert "onerror" not in html.split("<body>")[1].split('type="application/json"')[0]
    assert hostile["img"] not in html and hostile["script"] not in html
    assert html.count("<script>window.__xss") == 0
    assert f"<title>{htmllib.escape(nasty)}</title>" in html
    page = read_page(html)
    assert page["columns"]["quote"] == [nasty]  # literal: {{ }} was not evaluated as a template
    assert page["header"]["options"]["title"] == nasty and page["header"]["cat"]["actor"] == [nasty]


def test_empty_frame_renders() -> None:
    empty = gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=4326))
    html = map_html(render_map(empty))
    assert read_page(html)["header"]["n"] == 0 and "strikemap.init(" in html


def test_missing_optional_columns_render(events) -> None:
    html = map_html(render_map(events([{"lat": 33.3, "lon": 44.4}])))
    assert read_page(html)["header"]["n"] == 1


def test_repr_html_for_jupyter_carries_the_inline_assets(sample) -> None:
    out = render_map(sample)._repr_html_()
    assert out.count("<iframe") == 1 and "srcdoc=" in out
    inner = htmllib.unescape(re.search(r'srcdoc="(.*?)"', out, re.S).group(1))  # type: ignore[union-attr]
    assert "Leaflet 1.9" in inner and external_resources(inner) == []


def test_rendering_twice_adds_nothing_twice(sample) -> None:
    m = render_map(sample)
    first, second = map_html(m), map_html(m)
    assert first.count('type="application/json"') == second.count('type="application/json"') == 1
    assert second.count("strikemap.init(") == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"inline": "yes"}, "inline must be True or False, not 'yes'"),
        ({"cluster_px": 5}, "cluster_px must be 10 to 400 pixels, not 5"),
        ({"cluster_px": True}, "cluster_px must be an integer"),
        ({"view": "dots"}, "view must be one of auto, bubbles, hexbins, not 'dots'"),
        ({"title": 3}, "title must be a string or None, not 3"),
        ({"tiles": "https://x/{z}/{x}/{y}.png"}, "tiles 'https://x/"),
        ({"links": [1]}, "links must be a DataFrame"),
    ],
)
def test_bad_options_are_named(sample, options, message) -> None:
    with pytest.raises(MapInputError, match=re.escape(message)):
        render_map(sample, **options)


def test_strikemap_js_never_parses_data_as_html() -> None:
    for name in JS_FILES:
        code = static_text(name)
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{name} uses {sink}"


def test_assets_that_would_end_their_tag_are_refused() -> None:
    with pytest.raises(MapAssetError):
        inline_script("var a = '<!--';")
    tags = dict(head_tags(inline=True, outline=True))
    for name, tag in tags.items():
        body = tag[tag.index(">") + 1 : tag.rindex("<")]
        assert "</script" not in body.lower() and "</style" not in body.lower(), name
