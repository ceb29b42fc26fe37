"""The page of a map without folium: options, payload header, and the HTML folium would write.

:func:`maps.render.render_map` returns a folium map (for Jupyter, and for users who add
folium layers to it); the ``strikemap map`` command does not need one, and importing folium
(with branca, jinja2 and pandas) costs more than reading and drawing 100,000 events. This
module holds what both share, the checked options, the header of the page payload and the
tags of :class:`maps.render.EventsLayer`, and :func:`page_html`, which writes the page of a
:class:`maps.render.StrikeMap` (its map ``<div>``, ``L.map`` and tile layer, byte for byte as
folium renders them; ``tests/maps/test_page.py`` compares the two) with no folium at all.

Examples
--------
>>> options = check_options({"title": "<Strikes>", "tiles": None, "inline": False})
>>> html = page_html({"n": 0}, [], center=(29.0, 45.0), zoom=4, tiles=None, attr=None,
...                  inline=False, outline=False, title=options["title"])
>>> html.startswith("<!DOCTYPE html>"), "<title>&lt;Strikes&gt;</title>" in html
(True, True)
"""

from __future__ import annotations

import json
import uuid
from html import escape
from typing import Any, Final

from maps.assets import head_tags
from maps.errors import MapInputError

__all__ = [
    "DEFAULT_VIEW",
    "LABELLED",
    "VIEWS",
    "check_options",
    "data_tags",
    "init_script",
    "map_view",
    "page_html",
    "payload_header",
    "tile_layer",
]

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
#: The options of :func:`maps.render.render_map` and their defaults.
DEFAULTS: Final[dict[str, Any]] = {
    "inline": True,
    "by_actor": False,
    "heatmap": False,
    "uncertainty": True,
    "outline": True,
    "title": None,
    "tiles": "OpenStreetMap",
    "attr": None,
    "cluster_px": 50,
    "view": "auto",
}


def _check(name: str, value: Any, kind: type | tuple[type, ...], what: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise MapInputError(f"{name} must be {what}, not {value!r}")


def check_options(given: dict[str, Any]) -> dict[str, Any]:
    """Return :data:`DEFAULTS` updated with ``given``, each option checked (MapInputError)."""
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise MapInputError(f"unknown option(s) {', '.join(sorted(unknown))}")
    options = DEFAULTS | given
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
    return options


def payload_header(
    payload: dict[str, Any], options: dict[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The page's JSON header and its chunks: ``payload`` packed (:mod:`maps.encode`), with
    the labels of :data:`LABELLED` and the page options."""
    from maps.encode import encode_payload
    from maps.labels import labels_for

    header, chunks = encode_payload(payload)
    header["labels"] = {name: labels_for(name, header["cat"][name]) for name in LABELLED}
    header["options"] = {
        "title": options["title"] or "",
        "by_actor": options["by_actor"],
        "heatmap": options["heatmap"],
        "uncertainty": options["uncertainty"],
        "cluster_px": options["cluster_px"],
        "view": options["view"],
    }
    return header, chunks


def map_view(bounds: list[list[float]] | None) -> tuple[tuple[float, float], int]:
    """Centre and zoom of the map: the middle of the events' bounds, else :data:`DEFAULT_VIEW`."""
    if not bounds:
        return DEFAULT_VIEW
    (south, west), (north, east) = bounds
    return ((south + north) / 2, (west + east) / 2), 6


def data_tags(data_id: str, header_json: str, chunks: list[tuple[str, str]]) -> list[str]:
    """The ``<script>`` elements holding the payload: the JSON header, then each chunk."""
    tags = [f'<script type="application/json" id="{data_id}">{header_json}</script>']
    for name, text in chunks:  # text7: no "<", so nothing can end the element
        tags.append(
            f'<script type="application/octet-stream" id="{data_id}-{name}">{text}</script>'
        )
    return tags


def init_script(map_name: str, data_id: str) -> str:
    """The call that draws the events on the Leaflet map ``map_name``."""
    return f'strikemap.init({map_name}, "{data_id}");'


def _json(obj: Any) -> str:
    """JSON as folium's and jinja's filters write it in a script (``<>&'`` escaped)."""
    text = json.dumps(obj)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, code)
    return text


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _javascript(options: dict[str, Any]) -> str:
    """An options object as folium's ``tojavascript`` writes it."""
    rows = "".join(f'  "{_camel(key)}": {_json(value)},\n' for key, value in options.items())
    return "{\n" + rows + "}"


def tile_layer(tiles: str, attr: str | None) -> tuple[str, dict[str, Any]]:
    """The URL template and Leaflet options of ``tiles`` (an xyzservices provider name or a
    URL with ``attr``), as :class:`folium.TileLayer` makes them for a map's ``tiles``."""
    import xyzservices

    name = "OpenStreetMap Mapnik" if tiles.lower() == "openstreetmap" else tiles
    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError:
        provider = None
    url, min_zoom, max_zoom, subdomains = tiles, None, None, "abc"
    if provider is not None:
        attr = attr or provider.html_attribution
        min_zoom, max_zoom = provider.get("min_zoom"), provider.get("max_zoom")
        subdomains = provider.get("subdomains", subdomains)
        url = provider.build_url(fill_subdomain=False, scale_factor="{r}")
    if not attr:
        raise MapInputError(f"tiles {tiles!r}: Custom tiles must have an attribution.")
    options = {
        "min_zoom": min_zoom or 0,
        "max_zoom": max_zoom or 18,
        "max_native_zoom": max_zoom or 18,
        "no_wrap": False,
        "attribution": attr,
        "subdomains": subdomains,
        "detect_retina": False,
        "tms": False,
        "opacity": 1,
    }
    return url, options


def _element_id() -> str:
    return uuid.uuid4().hex  # as branca names its elements


_HEAD: Final = """<!DOCTYPE html>
<html>
<head>
    \n    <meta http-equiv="content-type" content="text/html; charset=UTF-8" />
    \n            <meta name="viewport" content="width=device-width,
                initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />
            <style>
                #{map} {{
                    position: relative;
                    width: 100.0%;
                    height: 100.0%;
                    left: 0.0%;
                    top: 0.0%;
                }}
                .leaflet-container {{ font-size: 1rem; }}
            </style>

            <style>html, body {{
                width: 100%;
                height: 100%;
                margin: 0;
                padding: 0;
            }}
            </style>

            <style>#map {{
                position:absolute;
                top:0;
                bottom:0;
                right:0;
                left:0;
                }}
            </style>

            <script>
                L_NO_TOUCH = false;
                L_DISABLE_3D = false;
            </script>

        """
_BODY: Final = """</head>
<body>
    \n    \n            <div class="folium-map" id="{map}" ></div>
        """
_MAP: Final = """</body>
<script>
    \n    \n            var {map} = L.map(
                "{map}",
                {{
                    center: {center},
                    crs: L.CRS.EPSG3857,
                    ...{options}

                }}
            );

            \n
        """
_TILES: Final = """
    \n            var {tile} = L.tileLayer(
                {url},
                {options}

            );
        \n    \n            {tile}.addTo({map});
        """


def page_html(
    header: dict[str, Any],
    chunks: list[tuple[str, str]],
    *,
    center: tuple[float, float],
    zoom: int,
    tiles: str | None,
    attr: str | None,
    inline: bool,
    outline: bool,
    title: str | None,
) -> str:
    """The HTML page of a map: what :func:`maps.save.map_html` gives for the folium map
    :func:`maps.render.render_map` makes with these options, element ids aside."""
    from maps.payload import script_json

    map_name, data_id = f"map_{_element_id()}", f"sm-data-{_element_id()}"
    head = [html for _, html in head_tags(inline=inline, outline=outline)]
    if title:
        head.append(f"<title>{escape(title)}</title>")
    parts = [_HEAD.format(map=map_name), *(f"\n    {tag}" for tag in head), "\n"]
    parts.append(_BODY.format(map=map_name))
    parts += [f"\n    {tag}" for tag in data_tags(data_id, script_json(header), chunks)]
    parts.append("\n")
    view = {"zoom": zoom, "zoom_control": True, "prefer_canvas": False}
    center_json = _json([float(center[0]), float(center[1])])
    parts.append(_MAP.format(map=map_name, center=center_json, options=_javascript(view)))
    if tiles is not None:
        url, options = tile_layer(tiles, attr)
        tile = f"tile_layer_{_element_id()}"
        parts.append(
            _TILES.format(tile=tile, map=map_name, url=_json(url), options=_javascript(options))
        )
    parts.append(f"\n    {init_script(map_name, data_id)}\n</script>\n</html>")
    return "".join(parts)
