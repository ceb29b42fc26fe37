"""Every output of extraction and spotting for a fixed set of texts, as one JSON file.

Run: ``.venv/bin/python benchmarks/outputs.py OUT.json`` before and after a change meant
only for speed, then ``.venv/bin/python benchmarks/outputs.py --compare BEFORE.json AFTER.json``:
it prints the first differences and exits with 1 when there are any.

The texts are the reports of tests/data/reports/reports.jsonl (both splits; only outputs are
compared, never scored) and the articles of :mod:`benchmarks.real_corpus` that
``benchmarks/extract.py`` times.  The file holds every field of every event (each report
alone, and the corpus merged), the diagnostics, :func:`gazetteer.spot` (plain, and with
refused mentions and demonyms) and the spans of :mod:`geo.extract.spans` of every text.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.event import Event  # noqa: E402


def plain(value: Any) -> Any:
    """``value`` as JSON: dataclasses field by field (and an event's sources), floats exact."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Event):
            out["sources"] = plain(value.sources)
        return {"type": type(value).__name__, **out}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return repr(value)  # every bit of it
    return value


def outputs() -> dict[str, Any]:
    """Extract and spot every text; return all that came out."""
    from benchmarks.real_corpus import CORPUS, real_articles
    from gazetteer import default_gazetteer, spot
    from geo.articles.article import Article
    from geo.extract.pipeline import extract, extract_article
    from geo.extract.spans.actors import find_actors
    from geo.extract.spans.counts import casualties
    from geo.extract.spans.dates import find_dates
    from geo.extract.spans.sections import DateLayout
    from geo.extract.spans.sentences import split_sentences

    gz = default_gazetteer()
    texts: list[tuple[str, dt.date | None]] = []
    reports = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        rep = json.loads(line)
        published = dt.date.fromisoformat(rep["published"]) if rep.get("published") else None
        article = Article(id=rep["id"], text=rep["text"], published=published)
        events, diag = extract_article(article, gazetteer=gz)
        reports.append({"id": rep["id"], "events": plain(events), "diagnostics": plain(diag)})
        texts.append((rep["text"], published))
    articles = real_articles(300)
    result = extract(articles, gazetteer=gz)
    texts.extend(dict.fromkeys((a.text, a.published) for a in articles))
    spans = []
    for text, published in texts:
        sentences = [text[s:e] for s, e in split_sentences(text)]
        spans.append(
            {
                "spot": plain(spot(text, gazetteer=gz)),
                "spot_all": plain(spot(text, gazetteer=gz, include_refused=True, demonyms=True)),
                "actors": plain(find_actors(text)),
                "dates": plain(find_dates(text, published)),
                "layout": plain(DateLayout.of(text, published)),
                "sentences": [
                    [plain(casualties(s)), plain(find_dates(s, published))] for s in sentences
                ],
            }
        )
    corpus = {"events": plain(result.events), "diagnostics": plain(result.diagnostics)}
    return {"reports": reports, "corpus": corpus, "texts": spans}


def differences(a: Any, b: Any, where: str = "") -> list[str]:
    """Where ``a`` and ``b`` differ (paths into the JSON), at most one per branch."""
    if type(a) is not type(b):
        return [f"{where}: {a!r:.80} != {b!r:.80}"]
    if isinstance(a, dict):
        keys = sorted(set(a) | set(b))
        return [d for k in keys for d in differences(a.get(k), b.get(k), f"{where}/{k}")]
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        pairs = enumerate(zip(a, b, strict=True))
        return [d for i, (x, y) in pairs for d in differences(x, y, f"{where}/{i}")]
    return [] if a == b else [f"{where}: {a!r:.80} != {b!r:.80}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="write the outputs here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        found = differences(before, after)
        for line in found[:20]:
            print(line)
        print(f"{len(found)} differences")
        return 1 if found else 0
    if args.out is None:
        parser.error("give OUT.json, or --compare BEFORE.json AFTER.json")
    args.out.write_text(json.dumps(outputs(), sort_keys=True), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
