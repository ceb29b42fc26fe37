"""``render_map``: an events frame → a self-contained, layered folium map.

The page gets one payload (:mod:`maps.payload`, packed by :mod:`maps.encode`:
a JSON header and two compressed binary chunks) and strikemap's own JavaScript
(``maps/static/``), which draws everything in the browser: strikes and attacks
as separate toggleable layers with weapon icons, optional layers per actor
(each with its colour), hierarchical clusters whose bubbles never overlap, a
hexagon density view chosen automatically when events are dense, a heatmap
layer, uncertainty areas for places known only to a town, region or country,
links between events, a legend with human labels, and a time filter (a
two-handle date slider with the event count and a play button) that filters
every layer at once. The layout keeps title, panels, slider and scale apart
from a phone to a desktop. The JavaScript API the tests use is documented at
the top of ``maps/static/sm-map.js``.

Basemap: OpenStreetMap tiles when they load. When they cannot (offline,
blocked), the page shows a plain background, Natural Earth 1:110m country
outlines (public domain, shipped in ``maps/static/outline.js``) and a 5°
graticule with labels, and says so in a note; ``tiles=None`` starts that way.

Examples
--------
>>> import geopandas as gpd, shapely
>>> gdf = gpd.GeoDataFrame(
...     {"event_id": ["e1"], "kind": ["strike"], "weapon": ["drone"], "date": ["2024-02-02"],
...      "quote": ["<b>not bold</b>"]},
...     geometry=[shapely.Point(44.4, 33.3)], crs=4326)
>>> m = render_map(gdf, title="Strikes", tiles=None)
>>> html = m.get_root().render()
>>> "<b>not bold</b>" in html, "not bold" in html  # quotes travel compressed
(False, False)
>>> from maps.assets import external_resources
>>> external_resources(html)
[]
"""

from __future__ import annotations

from html import escape
from typing import Any, Final

import folium
import pandas as pd
from branca.element import Element, Figure

from maps.assets import head_tags
from maps.encode import encode_payload
from maps.errors import MapError, MapInputError
from maps.labels import labels_for
from maps.payload import build_payload, script_json

__all__ = ["DEFAULT_VIEW", "LABELLED", "VIEWS", "StrikeMap", "render_map"]

#: How events are drawn: chosen by density, always bubbles, or always hexagons.
VIEWS: Final[tuple[str, ...]] = ("auto", "bubbles", "hexbins")
#: Columns whose codes get human labels in popups, panel and legend.
LABELLED: Final[tuple[str, ...]] = (
    "kind",
    "weapon",
    "date_precision",
    "geo_precision",
    "actor_side",
    "country",
)

#: Centre and zoom of a map without events (the Iraq–Syria–Yemen theatre).
DEFAULT_VIEW: Final[tuple[tuple[float, float], int]] = ((29.0, 45.0), 4)


class StrikeMap(folium.Map):
    """A :class:`folium.Map` that adds none of folium's CDN scripts and stylesheets.

    folium's ``Map`` links Leaflet, jQuery, Bootstrap, Font Awesome and
    awesome-markers from four CDNs; a strikemap needs only Leaflet, which
    :class:`EventsLayer` adds itself (inline by default).
    """

    default_js: list[tuple[str, str]] = []  # noqa: RUF012 (folium's interface)
    default_css: list[tuple[str, str]] = []  # noqa: RUF012


class _Raw(Element):
    """HTML or JavaScript put in the page as it is (never parsed as a Jinja template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class EventsLayer(Element):
    """The assets, the JSON payload and the ``strikemap.init`` call of one map.

    Rendered parts go straight into the figure's header, body and script as
    :class:`_Raw` elements: folium's ``MacroElement`` would compile them as
    Jinja templates, and article text may contain ``{{``.
    """

    def __init__(
        self,
        payload_json: str,
        chunks: list[tuple[str, str]],
        *,
        inline: bool,
        outline: bool,
        title: str,
    ) -> None:
        super().__init__()
        self._name = "EventsLayer"
        self.payload_json = payload_json
        self.chunks = chunks
        self.inline = inline
        self.outline = outline
        self.title = title

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure) or self._parent is None:
            raise MapError("the events layer must be on a map inside a folium Figure")
        for name, html in head_tags(inline=self.inline, outline=self.outline):
            figure.header.add_child(_Raw(html), name=name)
        if self.title:
            figure.header.add_child(_Raw(f"<title>{escape(self.title)}</title>"), name="sm_title")
        data_id = f"sm-data-{self._id}"
        block = f'<script type="application/json" id="{data_id}">{self.payload_json}</script>'
        figure.html.add_child(_Raw(block), name=data_id)
        for name, text in self.chunks:  # text7: no "<", so nothing can end the element
            chunk = f'<script type="application/octet-stream" id="{data_id}-{name}">{text}</script>'
            figure.html.add_child(_Raw(chunk), name=f"{data_id}-{name}")
        init = f'strikemap.init({self._parent.get_name()}, "{data_id}");'
        figure.script.add_child(_Raw(init), name=self.get_name())
        return ""


def _check(name: str, value: Any, kind: type | tuple[type, ...], what: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise MapInputError(f"{name} must be {what}, not {value!r}")


def _check_options(options: dict[str, Any]) -> None:
    for name in ("inline", "by_actor", "heatmap", "uncertainty", "outline"):
        _check(name, options[name], bool, "True or False")
    _check("title", options["title"], (str, type(None)), "a string or None")
    _check("tiles", options["tiles"], (str, type(None)), "a tile provider name, URL or None")
    _check("attr", options["attr"], (str, type(None)), "a string or None")
    _check("cluster_px", options["cluster_px"], int, "an integer")
    if options["view"] not in VIEWS:
        raise MapInputError(f"view must be one of {', '.join(VIEWS)}, not {options['view']!r}")
    if not 10 <= options["cluster_px"] <= 400:
        raise MapInputError(f"cluster_px must be 10 to 400 pixels, not {options['cluster_px']}")
    if options["title"] is not None and len(options["title"]) > 500:
        raise MapInputError(f"title must be at most 500 characters, not {len(options['title'])}")


def render_map(
    events: pd.DataFrame,
    *,
    links: pd.DataFrame | None = None,
    title: str | None = None,
    inline: bool = True,
    by_actor: bool = False,
    heatmap: bool = False,
    uncertainty: bool = True,
    outline: bool = True,
    tiles: str | None = "OpenStreetMap",
    attr: str | None = None,
    cluster_px: int = 50,
    view: str = "auto",
) -> folium.Map:
    """Return a layered, self-contained map of an events frame.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events with the columns of :mod:`geo.schema` (all optional except the
        geometry; a DataFrame with ``lat`` and ``lon`` also works). Rows
        without usable coordinates are left out and counted in a note.
    links : pandas.DataFrame, optional
        Columns ``strike_id``, ``attack_id`` (event ids) and ``reason``; drawn
        as dashed lines in a toggleable layer. Default: ``events.attrs["links"]``
        if present, else a ``links`` column of event-id lists.
    title : str, optional
        Shown at the top and as the page title.
    inline : bool
        Inline Leaflet from the installed ``xstatic-leaflet`` (default), so the
        file opens with no network; ``False`` links it from jsDelivr instead.
    by_actor : bool
        Add one toggleable layer per actor.
    heatmap, uncertainty : bool
        Whether the heatmap and the uncertainty circles start switched on.
    outline : bool
        Ship the offline country outline (about 70 KB) for when tiles fail.
    tiles, attr : str, optional
        A folium/xyzservices tile provider name or URL template (with ``attr``);
        ``None`` for no tiles (plain background, outline and graticule).
    cluster_px : int
        Clustering radius in screen pixels: events closer than this on screen share a
        bubble, and bubbles are moved apart until none overlaps.
    view : str
        ``"auto"`` (hexagon bins where more than 50,000 events are in view, bubbles
        elsewhere), ``"bubbles"`` or ``"hexbins"``; the reader can switch.

    Returns
    -------
    folium.Map
        A :class:`StrikeMap`; save it with :func:`maps.save.save_map`. In
        Jupyter it displays inline.

    Raises
    ------
    MapInputError
        For a frame without geometry, a bad links table or a bad option.
    """
    options = dict(
        inline=inline, by_actor=by_actor, heatmap=heatmap, uncertainty=uncertainty,
        outline=outline, title=title, tiles=tiles, attr=attr, cluster_px=cluster_px, view=view,
    )  # fmt: skip
    _check_options(options)
    payload = build_payload(events, links=links)
    header, chunks = encode_payload(payload)
    header["labels"] = {name: labels_for(name, header["cat"][name]) for name in LABELLED}
    header["options"] = {
        "title": title or "",
        "by_actor": by_actor,
        "heatmap": heatmap,
        "uncertainty": uncertainty,
        "cluster_px": cluster_px,
        "view": view,
    }
    center, zoom = DEFAULT_VIEW
    if payload["bounds"]:
        (south, west), (north, east) = payload["bounds"]
        center, zoom = ((south + north) / 2, (west + east) / 2), 6
    try:
        fmap = StrikeMap(location=center, zoom_start=zoom, tiles=tiles, attr=attr)
    except ValueError as err:
        raise MapInputError(f"tiles {tiles!r}: {err}") from err
    fmap.default_js, fmap.default_css = [], []  # own lists: add_js_link must not touch the class
    layer = EventsLayer(
        script_json(header), chunks, inline=inline, outline=outline, title=title or ""
    )
    fmap.add_child(layer, name="strikemap_events")
    return fmap
