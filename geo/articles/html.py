"""Main text and metadata of a news web page.

The text of the longest top-level ``<article>`` is preferred, then ``<main>``.  A page with
neither goes to trafilatura (a maintained main-content extractor, better than any rule of ours
at leaving out page furniture: related links, "most read", newsletter and cookie boxes); where
that finds nothing, or for a fragment under 400 characters, the whole body is used.  The
standard library's parser reads the regions and the metadata: scripts, styles, navigation,
headers, footers, asides, forms, frames, SVG and comments are dropped. Block elements become
paragraph breaks (a blank line), ``<br>`` and the line ends inside ``<pre>`` line breaks;
whitespace runs inside a line collapse to one space and entities are unescaped.

Examples
--------
>>> page = '''<html lang="en-GB"><head><title>Strike | Site</title>
... <meta property="og:site_name" content="Example News"></head><body>
... <nav>Home · World</nav><article><h1>Drones hit a depot</h1>
... <p>Two drones struck   a fuel&nbsp;depot.</p><script>track()</script>
... <p>No one was hurt &amp; the fire was put out.</p></article></body></html>'''
>>> text, meta = html_to_text(page)
>>> print(text)
Drones hit a depot
<BLANKLINE>
Two drones struck a fuel depot.
<BLANKLINE>
No one was hurt & the fire was put out.
>>> meta
{'title': 'Strike | Site', 'outlet': 'Example News', 'language': 'en'}
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_DROP = frozenset(
    "script style noscript nav header footer aside form iframe svg template head title".split()
)
_DROP_MINIMAL = frozenset("script style noscript iframe svg template head title".split())
_BLOCK = frozenset(
    """address article blockquote caption dd details div dl dt figcaption figure h1 h2 h3 h4 h5
    h6 hr li main ol p pre section summary table td th tr ul""".split()
)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_BLANKS = re.compile(r"\n{3,}")
_PAGE = 400  # characters of body text from which a page is a page, not a fragment
_DATE_META = ("article:published_time", "datepublished", "og:published_time")


class _PageParser(HTMLParser):
    """Collect body text per region (all, each top-level article, main) and metadata."""

    def __init__(self, drop: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = drop
        self.stack: list[str] = []
        self.body: list[str] = []
        self.articles: list[list[str]] = []
        self.main: list[str] = []
        self.meta: dict[str, str] = {}
        self.title: list[str] = []

    def _where(self) -> tuple[bool, bool, bool, bool]:
        """(skipped, in article, in main, in pre) for the current position."""
        stack = self.stack
        skipped = any(tag in self.drop for tag in stack)
        return skipped, "article" in stack, "main" in stack, "pre" in stack

    def _emit(self, text: str) -> None:
        skipped, in_article, in_main, _ = self._where()
        if skipped:
            return
        self.body.append(text)
        if in_article:
            self.articles[-1].append(text)
        if in_main:
            self.main.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._metadata(tag, values)
        if tag == "body" and "head" in self.stack:
            del self.stack[self.stack.index("head") :]
        if tag in _BLOCK:
            self._emit("\n\n")
        elif tag == "br":
            self._emit("\n")
        if tag in _VOID:
            return
        if tag == "article" and "article" not in self.stack and not self._where()[0]:
            self.articles.append([])
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        else:  # <div/> and the like: open and close at once
            self._metadata(tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            index = len(self.stack) - 1 - self.stack[::-1].index(tag)
            del self.stack[index:]
        if tag in _BLOCK:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            if "svg" not in self.stack and "body" not in self.stack:
                self.title.append(data)
            return
        self._emit(data if self._where()[3] else _SPACE.sub(" ", data))

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        meta, content = self.meta, attrs.get("content", "").strip()
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if tag == "html" and attrs.get("lang"):
            meta.setdefault("language", attrs["lang"].split("-")[0].strip().lower())
        elif tag == "meta" and content and key == "og:title":
            meta["og:title"] = content
        elif tag == "meta" and content and key == "og:site_name":
            meta.setdefault("outlet", content)
        elif tag == "meta" and content and key in _DATE_META:
            meta["meta-date"] = meta.get("meta-date") or content
        elif tag == "meta" and content and key == "og:url":
            meta.setdefault("og:url", content)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            meta.setdefault("url", attrs.get("href", "").strip())
        elif tag == "time" and attrs.get("datetime") and not self._where()[0]:
            meta.setdefault("time", attrs["datetime"].strip())


def _clean(parts: list[str]) -> str:
    """Join text parts; collapse spaces within lines and blank-line runs; strip."""
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _parse(html: str, drop: frozenset[str]) -> tuple[str, _PageParser]:
    parser = _PageParser(drop)
    parser.feed(html)
    parser.close()
    articles = sorted((_clean(parts) for parts in parser.articles), key=len, reverse=True)
    for text in (articles[0] if articles else "", _clean(parser.main), _clean(parser.body)):
        if text:
            return text, parser
    return "", parser


def _main_text(html: str) -> str:
    """The page's main text by trafilatura (paragraphs separated by a blank line), or ''.

    trafilatura scores the page's blocks by text density and link density and keeps the main
    content, so related-story lists, "most read" boxes, newsletter and cookie notices, which
    are headline-like and would read as events, stay out even on pages with no ``<article>``.
    """
    import trafilatura

    found = trafilatura.extract(
        html, favor_precision=True, include_comments=False, include_tables=False, deduplicate=True
    )
    if not found:
        return ""
    lines = (_SPACE.sub(" ", line).strip() for line in found.splitlines())
    return "\n\n".join(line for line in lines if line)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Return the main text of an HTML page and its metadata.

    Parameters
    ----------
    html
        The page source, already decoded.

    Returns
    -------
    text : str
        Paragraphs separated by a blank line; '' when the page has no text.
    metadata : dict of str to str
        Only the keys found: ``title`` (``og:title``, else ``<title>``), ``published`` (as
        written, from ``article:published_time``/``datePublished`` meta tags, else the first
        ``<time datetime>`` outside dropped elements), ``url`` (canonical link, else
        ``og:url``), ``outlet`` (``og:site_name``) and ``language`` (``<html lang>``, primary
        subtag).

    Notes
    -----
    When dropping navigation, headers, footers, asides and forms leaves no text (some sites
    wrap the whole page in a ``<form>``), only scripts, styles and the like are dropped.

    Examples
    --------
    >>> html_to_text('<p>Rockets hit<br>a base.</p><!-- ad --><p>Time: <time '
    ...              'datetime="2021-02-26T08:00Z">Friday</time></p>')
    ('Rockets hit\\na base.\\n\\nTime: Friday', {'published': '2021-02-26T08:00Z'})
    """
    text, parser = _parse(html, _DROP)
    if not text:
        text, parser = _parse(html, _DROP_MINIMAL)
    if not parser.articles and not _clean(parser.main) and len(text) >= _PAGE:
        # No <article> or <main> to trust: the body holds menus, teasers and boxes too.
        text = _main_text(html) or text
    found = parser.meta
    meta: dict[str, str] = {}
    title = found.get("og:title") or _SPACE.sub(" ", "".join(parser.title)).strip()
    published = found.get("meta-date") or found.get("time")
    url = found.get("url") or found.get("og:url")
    for key, value in (("title", title), ("published", published), ("url", url)):
        if value:
            meta[key] = value
    for key in ("outlet", "language"):
        if found.get(key):
            meta[key] = found[key]
    return text, meta
