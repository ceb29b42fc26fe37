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
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure

from maps.assets import head_tags
from maps.errors import MapError, MapInputError
from maps.page import (
    DEFAULT_VIEW,
    LABELLED,
    VIEWS,
    check_options,
    data_tags,
    init_script,
    map_view,
    payload_header,
)
from maps.payload import build_payload, script_json

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_VIEW", "LABELLED", "VIEWS", "StrikeMap", "render_map"]


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
        names = [data_id] + [f"{data_id}-{name}" for name, _ in self.chunks]
        for name, tag in zip(
            names, data_tags(data_id, self.payload_json, self.chunks), strict=True
        ):
            figure.html.add_child(_Raw(tag), name=name)
        init = init_script(self._parent.get_name(), data_id)
        figure.script.add_child(_Raw(init), name=self.get_name())
        return ""


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
    options = check_options(
        dict(
            inline=inline, by_actor=by_actor, heatmap=heatmap, uncertainty=uncertainty,
            outline=outline, title=title, tiles=tiles, attr=attr, cluster_px=cluster_px, view=view,
        )
    )  # fmt: skip
    payload = build_payload(events, links=links)
    header, chunks = payload_header(payload, options)
    center, zoom = map_view(payload["bounds"])
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
