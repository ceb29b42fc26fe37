"""Extraction benchmark: articles and events per second, peak memory, end-to-end CLI.

Run: ``.venv/bin/python benchmarks/extract.py [--articles 2000] [--no-record]``.
Builds a corpus of news-length articles of real report text (:mod:`benchmarks.real_corpus`,
~5 KB each; ``--synthetic`` for the generated corpus of :mod:`benchmarks.corpus`), makes sure
the gazetteer index exists (built outside the timed part), extracts one made-up article (lexicons
loaded, patterns compiled, no corpus text cached), then times
``geo.extract.pipeline.extract(articles)`` twice in a fresh single-threaded process (a cold
first pass, then a warm second pass) and, when ``strikemap extract`` exists, the
CLI on the same corpus written to disk.  Prints the figures and records them in
``docs/benchmarks.md`` (section "extract").  Target: >= 200 articles/s on one core.  The corpus
repeats its distinct articles, so caches that outlive an article profit from it: a last figure
times the distinct articles each once, in a fresh process of their own.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402

TARGET = 200  # articles per second on one core

_CHILD = """
import collections, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from gazetteer import default_gazetteer
from geo.extract.pipeline import extract
if sys.argv[4] == "real":
    from benchmarks.real_corpus import real_articles
    articles = real_articles(int(sys.argv[2]))
else:
    from benchmarks.corpus import make_corpus
    articles = make_corpus(int(sys.argv[2]), int(sys.argv[3]))
start = time.perf_counter()
default_gazetteer().best("Baghdad")
load = time.perf_counter() - start
# one made-up article first: lexicons loaded and patterns compiled, no corpus text cached
from geo.articles.article import Article
import datetime as dt
extract([Article(id="warm-up", text="On Monday a drone strike hit a base near Baghdad, killing "
                 "two.", published=dt.date(2024, 1, 2))])
start = time.perf_counter()
result = extract(articles)
cold = time.perf_counter() - start
start = time.perf_counter()
extract(articles)
warm = time.perf_counter() - start
per_article = collections.Counter(s for e in result.events for s in e.sources)
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(json.dumps({
    "articles": len(articles),
    "kilobytes": sum(len(a.text.encode()) for a in articles) / 1e3,
    "load": load, "cold": cold, "warm": warm,
    "events": len(result.events),
    "reports": sum(per_article.values()),
    "without": len(result.diagnostics.no_events),
    "vmhwm_mb": int(status.split()[0]) / 1024,
    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "diagnostics": result.diagnostics.to_dict(len(result.events)),
}))
"""


def ensure_index() -> float:
    """Build the gazetteer index if it is missing; return the seconds spent (0 if present)."""
    from gazetteer.index import build_index, index_path

    path = index_path()
    if path.exists():
        return 0.0
    start = time.perf_counter()
    build_index(path)
    return time.perf_counter() - start


def one_core(command: list[str]) -> list[str]:
    """``command`` pinned to one CPU with ``taskset`` when it is available."""
    if not hasattr(os, "sched_getaffinity") or shutil.which("taskset") is None:
        return command
    return ["taskset", "-c", str(min(os.sched_getaffinity(0))), *command]


def run_child(n: int, seed: int, corpus: str) -> dict[str, Any]:
    """Time ``extract`` on ``n`` articles in a fresh process pinned to one core."""
    command = one_core([sys.executable, "-c", _CHILD, str(ROOT), str(n), str(seed), corpus])
    env = {**os.environ, **dict.fromkeys(("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"), "1")}
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def cli_available() -> bool:
    """Whether ``python -m maps.cli extract --help`` succeeds."""
    probe = subprocess.run(
        [sys.executable, "-m", "maps.cli", "extract", "--help"],
        capture_output=True,
        cwd=ROOT,
    )
    return probe.returncode == 0


def run_cli(n: int, seed: int, corpus: str) -> tuple[float, int]:
    """Seconds and events of ``strikemap extract INPUT -o OUT.geojson``, one core."""
    exe = Path(sys.executable).parent / "strikemap"
    with tempfile.TemporaryDirectory() as tmp:
        if corpus == "real":
            from benchmarks.real_corpus import write_feed

            command = [str(exe), "extract", str(write_feed(Path(tmp, "feed.jsonl"), n))]
        else:
            from benchmarks.corpus import write_corpus

            folder = Path(tmp, "articles")
            write_corpus(folder, n, seed=seed)
            command = [str(exe), "extract", str(folder), "--manifest", str(folder / "manifest.csv")]
        out = Path(tmp, "events.geojson")
        start = time.perf_counter()
        subprocess.run(one_core([*command, "-o", str(out)]), check=True, capture_output=True)
        seconds = time.perf_counter() - start
        events = len(json.loads(out.read_text(encoding="utf-8"))["features"])
        return seconds, events


def figures_of(
    run: dict[str, Any], cli: tuple[float, int] | None, seed: int, corpus: str
) -> dict[str, str]:
    """The table rows for ``docs/benchmarks.md``."""
    n = run["articles"]
    kind = "articles of real report text" if corpus == "real" else "synthetic articles"
    size = f"{n:,} {kind}, {run['kilobytes'] / n:.1f} KB each"
    rate = n / run["cold"]
    verdict = "meets" if rate >= TARGET else "below"
    figures = {
        (
            "corpus (`benchmarks/real_corpus.py`: tests/data/reports joined, repeated)"
            if corpus == "real"
            else f"corpus (`benchmarks/corpus.py`, seed {seed})"
        ): size,
        "gazetteer open + first lookup (not timed below)": f"{1000 * run['load']:.0f} ms",
        "`extract(articles)`, fresh process, one core": f"{run['cold']:.1f} s",
        f"articles/s, first pass (target >= {TARGET})": f"{rate:,.0f} ({verdict} target)",
        "events/s, first pass": f"{run['events'] / run['cold']:,.0f}",
        "articles/s, second pass in the same process (warm caches)": f"{n / run['warm']:,.0f}",
        "events found (merged across articles)": f"{run['events']:,}",
        "event reports per article, mean": f"{run['reports'] / n:.2f}",
        "articles without any event": f"{run['without']:,} ({100 * run['without'] / n:.1f} %)",
        "peak RSS of the extracting process, VmHWM (ru_maxrss)": (
            f"{run['vmhwm_mb']:.0f} MB ({run['maxrss_mb']:.0f} MB)"
        ),
    }
    label = (
        f"`strikemap extract FEED.jsonl -o OUT.geojson`, {n:,} articles, one core"
        if corpus == "real"
        else f"`strikemap extract DIR --manifest ... -o OUT.geojson`, {n:,} files, one core"
    )
    if cli is None:
        figures[label] = "skipped (no `strikemap extract` command)"
    else:
        seconds, events = cli
        figures[label] = f"{seconds:.1f} s wall, {n / seconds:,.0f} articles/s, {events:,} events"
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-record", action="store_true", help="print only")
    parser.add_argument(
        "--synthetic", action="store_true", help="the generated corpus (scale tests, not accuracy)"
    )
    parser.add_argument("--diagnostics", type=Path, help="also write the run's diagnostics here")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error(f"--articles must be at least 1, not {args.articles}")

    built = ensure_index()
    if built:
        print(f"index build (first run only): {built:.1f} s")
    corpus = "synthetic" if args.synthetic else "real"
    run = run_child(args.articles, args.seed, corpus)
    cli = run_cli(args.articles, args.seed, corpus) if cli_available() else None
    figures = figures_of(run, cli, args.seed, corpus)
    if corpus == "real":  # each article once: caches cannot profit from the corpus repeating
        from benchmarks.real_corpus import distinct_articles

        once = run_child(distinct_articles(), args.seed, corpus)
        label = f"articles/s, first pass over the {once['articles']:,} distinct articles, each once"
        figures[label] = f"{once['articles'] / once['cold']:,.0f}"
    print(run["diagnostics"]["summary"])
    if args.diagnostics:
        args.diagnostics.write_text(json.dumps(run["diagnostics"], indent=1), encoding="utf-8")
    report(
        "extract" if corpus == "real" else "extract-synthetic", figures, record=not args.no_record
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
