"""maps.page writes, without folium, the page folium writes for render_map's map."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest

from maps.errors import MapInputError
from maps.page import check_options, map_view, page_html, payload_header
from maps.payload import build_payload
from maps.render import render_map
from maps.save import map_html

#: Element ids: branca's and ours are random uuid4 hex.
_IDS = re.compile(r"[0-9a-f]{32}")


def _direct(events: Any, **given: Any) -> str:
    options = check_options(given)
    payload = build_payload(events)
    header, chunks = payload_header(payload, options)
    center, zoom = map_view(payload["bounds"])
    return page_html(
        header, chunks, center=center, zoom=zoom, tiles=options["tiles"],
        attr=options["attr"], inline=options["inline"], outline=options["outline"],
        title=options["title"],
    )  # fmt: skip


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"title": "Strikes <b>&</b> 'attacks'", "by_actor": True, "view": "hexbins"},
        {"tiles": None, "outline": False, "heatmap": True},
        {"inline": False, "cluster_px": 80},
        {"tiles": "https://tiles.example/{z}/{x}/{y}.png", "attr": "<a href='x'>me & you</a>"},
    ],
)
def test_the_page_is_folium_s_page_but_for_element_ids(sample, hostile, given) -> None:
    for events in (sample, sample.iloc[:0]):
        ours = _IDS.sub("ID", _direct(events, **given))
        folium_page = _IDS.sub("ID", map_html(render_map(events, **given)))
        assert ours == folium_page


def test_element_ids_are_fresh_per_page(sample) -> None:
    first, second = _direct(sample), _direct(sample)
    assert set(_IDS.findall(first)).isdisjoint(_IDS.findall(second))


def test_custom_tiles_without_attribution_are_refused_as_folium_does(sample) -> None:
    with pytest.raises(MapInputError, match="must have an attribution"):
        _direct(sample, tiles="https://tiles.example/{z}/{x}/{y}.png")
    with pytest.raises(MapInputError, match="must have an attribution"):
        render_map(sample, tiles="https://tiles.example/{z}/{x}/{y}.png")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"view": "dots"}, "view must be one of"),
        ({"cluster_px": True}, "cluster_px must be an integer"),
        ({"title": "x" * 501}, "at most 500"),
        ({"colour": "red"}, "unknown option"),
    ],
)
def test_options_are_checked_once(given, message) -> None:
    with pytest.raises(MapInputError, match=message):
        check_options(given)


def test_writing_a_page_imports_neither_folium_nor_geopandas() -> None:
    # pandas may come in: pyarrow imports it on its first conversion to numpy
    code = (
        "import sys, numpy as np, pyarrow as pa\n"
        "from maps.page import check_options, map_view, page_html, payload_header\n"
        "from maps.payload import columns_payload\n"
        "cols = {'kind': pa.array(['strike']), 'event_id': pa.array(['e1'])}\n"
        "p = columns_payload(cols, np.array([33.3]), np.array([44.4]))\n"
        "h, c = payload_header(p, check_options({}))\n"
        "page_html(h, c, center=map_view(p['bounds'])[0], zoom=6, tiles='OpenStreetMap',\n"
        "          attr=None, inline=True, outline=True, title='t')\n"
        "print(sorted({'folium', 'branca', 'jinja2', 'geopandas', 'shapely'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
