"""News-length articles made of the labelled real reports, for speed benchmarks.

The reports of tests/data/reports/reports.jsonl (real text by others, at most 1,000
characters each) are joined in corpus order into articles of about ``size`` bytes, each
dated by the publication date of its first report, and the set is repeated until there
are ``n`` articles.  Speed measured on them is speed on real reporting; accuracy is measured
by benchmarks/accuracy.py, never on these joined texts.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from geo.articles.article import Article

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "reports" / "reports.jsonl"


def _groups(size: int) -> list[tuple[str, dt.date | None]]:
    reports = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    groups: list[tuple[str, dt.date | None]] = []
    parts: list[str] = []
    first: dt.date | None = None
    for rep in reports:
        if not parts and rep.get("published"):
            first = dt.date.fromisoformat(rep["published"])
        parts.append(rep["text"])
        if sum(len(p) for p in parts) >= size:
            groups.append(("\n\n".join(parts), first))
            parts, first = [], None
    if parts:
        groups.append(("\n\n".join(parts), first))
    return groups


def real_articles(n: int, size: int = 5_000) -> list[Article]:
    """``n`` articles of about ``size`` bytes of real report text."""
    groups = _groups(size)
    return [
        Article(
            id=f"r{i:06d}", text=groups[i % len(groups)][0], published=groups[i % len(groups)][1]
        )
        for i in range(n)
    ]


def distinct_articles(size: int = 5_000) -> int:
    """How many distinct articles :func:`real_articles` makes before it repeats them."""
    return len(_groups(size))


def write_feed(path: Path, n: int, size: int = 5_000) -> Path:
    """The same articles as a JSON Lines feed (``id``, ``text``, ``published``)."""
    with path.open("w", encoding="utf-8") as fh:
        for a in real_articles(n, size):
            published = a.published.isoformat() if a.published else None
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": published}) + "\n")
    return path
