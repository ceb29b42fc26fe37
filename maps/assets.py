"""The JavaScript and CSS a map needs, inline or as CDN links, and a check for external loads.

A strikemap map loads nothing from the network by default: Leaflet comes from
the ``xstatic-leaflet`` package's files on disk (its CSS images as ``data:``
URIs) and strikemap's own code from ``maps/static/``, all inlined in the page.
With ``inline=False`` only Leaflet is linked from a CDN instead, to keep small
files small. folium's own ten CDN links are never added (see
:class:`maps.render.StrikeMap`).

Every file is read once through :func:`static_text` (cached).

Examples
--------
>>> tags = head_tags(inline=True, outline=False)
>>> [name for name, _ in tags][:2]
['leaflet_css', 'strikemap_css']
>>> external_resources("".join(html for _, html in tags))
[]
>>> external_resources('<script src="https://cdn.example/x.js"></script>')
['https://cdn.example/x.js']
"""

from __future__ import annotations

import base64
import functools
import importlib
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Final

from maps.errors import MapAssetError

__all__ = [
    "JS_FILES",
    "external_resources",
    "head_tags",
    "inline_script",
    "inline_style",
    "leaflet_cdn",
    "static_text",
]

#: strikemap's own scripts, in load order (all under ``maps/static/``).
JS_FILES: Final[tuple[str, ...]] = (
    "sm-util.js",
    "sm-data.js",
    "sm-layers.js",
    "sm-popup.js",
    "sm-controls.js",
    "sm-cluster.js",
    "sm-draw.js",
    "sm-map.js",
)
_CSS_URL = re.compile(r"url\((['\"]?)images/([\w.-]+)\1\)")
_LOADED_RELS = frozenset({"stylesheet", "preload", "modulepreload", "icon", "manifest"})
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
_JSDELIVR = "https://cdn.jsdelivr.net/npm/leaflet@{version}/dist/leaflet.{ext}"


def _leaflet_dir() -> tuple[Path, str]:
    try:
        pkg = importlib.import_module("xstatic.pkg.leaflet")
    except ImportError as err:
        raise MapAssetError("xstatic-leaflet is missing: pip install xstatic-leaflet") from err
    return Path(pkg.BASE_DIR), str(pkg.VERSION)


@functools.cache
def static_text(name: str) -> str:
    """Return a packaged asset: ``leaflet.js``/``leaflet.css`` or a file of ``maps/static/``.

    Leaflet's CSS has its images inlined as ``data:`` URIs and its source-map
    comment removed, so that the page requests no other file.
    """
    if name in {"leaflet.js", "leaflet.css"}:
        base, _ = _leaflet_dir()
        try:
            text = (base / name).read_text(encoding="utf-8")
        except OSError as err:
            raise MapAssetError(f"{base / name}: cannot read Leaflet ({err.strerror})") from err
        if name.endswith(".css"):
            return _CSS_URL.sub(lambda m: _data_uri(base / "images" / m.group(2)), text)
        return _SOURCE_MAP.sub("", text)
    try:
        return resources.files("maps").joinpath("static", name).read_text(encoding="utf-8")
    except (OSError, ValueError) as err:
        raise MapAssetError(f"maps/static/{name}: packaged file missing ({err})") from err


def _data_uri(path: Path) -> str:
    try:
        data = base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError as err:
        raise MapAssetError(f"{path}: cannot read Leaflet image ({err.strerror})") from err
    return f'url("data:image/png;base64,{data}")'


def leaflet_cdn(ext: str) -> str:
    """Return the jsDelivr URL of Leaflet's ``js`` or ``css``, same version as installed.

    >>> leaflet_cdn("js").startswith("https://cdn.jsdelivr.net/npm/leaflet@")
    True
    """
    return _JSDELIVR.format(version=_leaflet_dir()[1], ext=ext)


def inline_script(code: str, *, label: str = "script") -> str:
    """Wrap JavaScript in a ``<script>`` tag, refusing code that would end it early.

    >>> inline_script("var a = 1;")
    '<script>var a = 1;</script>'
    >>> inline_script("s = '</script>'")
    Traceback (most recent call last):
    ...
    maps.errors.MapAssetError: script: contains '</script' or '<!--' and cannot be inlined
    """
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise MapAssetError(f"{label}: contains '</script' or '<!--' and cannot be inlined")
    return f"<script>{code}</script>"


def inline_style(css: str, *, label: str = "style") -> str:
    """Wrap CSS in a ``<style>`` tag, refusing CSS that would end it early."""
    if "</style" in css.lower():
        raise MapAssetError(f"{label}: contains '</style' and cannot be inlined")
    return f"<style>{css}</style>"


def head_tags(*, inline: bool, outline: bool) -> list[tuple[str, str]]:
    """Return ``(name, html)`` for every tag the page's ``<head>`` needs, in order."""
    if inline:
        tags = [("leaflet_css", inline_style(static_text("leaflet.css"), label="leaflet.css"))]
    else:
        tags = [("leaflet_css", f'<link rel="stylesheet" href="{leaflet_cdn("css")}"/>')]
    tags.append(("strikemap_css", inline_style(static_text("strikemap.css"), label="css")))
    if inline:
        tags.append(("leaflet_js", inline_script(static_text("leaflet.js"), label="leaflet.js")))
    else:
        tags.append(("leaflet_js", f'<script src="{leaflet_cdn("js")}"></script>'))
    code = "\n".join(static_text(name) for name in JS_FILES)
    tags.append(("strikemap_js", inline_script(code, label="strikemap js")))
    if outline:
        outline_js = inline_script(static_text("outline.js"), label="outline.js")
        tags.append(("strikemap_outline", outline_js))
    return tags


class _Loads(HTMLParser):
    """Collect URLs a page would fetch: script/img/iframe src, stylesheet href, CSS url()."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in {"script", "img", "iframe", "embed", "source", "audio", "video"}:
            self.urls.append(values.get("src", ""))
        elif tag == "link" and _LOADED_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        self._in_style = tag == "style"
        if "style" in values:
            self._css(values["style"])

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
        self.urls += re.findall(r"@import\s+['\"]([^'\"]+)", css)


def external_resources(html: str) -> list[str]:
    """Return the http(s) and protocol-relative URLs a page loads as it opens.

    Links people can click (``<a href>``) and strings inside scripts (tile URL
    templates, attribution HTML) are not loads and are not listed.
    """
    parser = _Loads()
    parser.feed(html)
    parser.close()
    return [u for u in parser.urls if re.match(r"\s*(https?:)?//", u, re.I)]
