"""Scale-out benchmark: a large run on a local Dask cluster of 1 and 2 worker processes.

Run: ``.venv/bin/python benchmarks/scale.py [--articles 50000] [--small 10000] [--no-record]``.
Writes the generated corpus (:mod:`benchmarks.corpus`, ~5 KB per article) as one JSON
Lines feed (read in byte-range blocks), starts a ``LocalCluster`` (one thread per
worker process, started before the clock runs) and times
:func:`geo.scale.run.extract_partitioned` into a folder of GeoParquet parts: with 1 and 2
workers on ``--articles``, then with 2 workers on the first ``--small`` articles to
compare the peak memory of the workers (their own high-water mark, read in each
worker at the end).  Prints the figures and records them in ``docs/benchmarks.md``
(section "scale").  Targets: >= 1.6x with 2 workers on 2 cores; peak memory per
worker flat within 20 % from 10,000 to 50,000 articles.  Takes several minutes.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import make_article  # noqa: E402
from benchmarks.extract import ensure_index  # noqa: E402
from benchmarks.record import report  # noqa: E402

SPEEDUP = 1.6  # 2 workers against 1, on 2 cores
FLAT = 0.20  # peak memory per worker, small corpus against the full one


def write_feed(path: Path, n: int, seed: int) -> int:
    """Write ``n`` generated articles as JSON Lines (one at a time); return the bytes."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            art = make_article(rng, f"{i:05d}")
            record = {"id": art.id, "text": art.text, "title": art.title, "outlet": art.outlet}
            record["published"] = art.published.isoformat() if art.published else None
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def peak_rss_mb() -> float:
    """Peak resident memory of the calling process (run in each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_run(feed: Path, out: Path, workers: int) -> dict[str, Any]:
    """One run on a fresh cluster of ``workers`` processes: seconds, result, worker peaks."""
    from distributed import Client, LocalCluster

    from geo.scale.run import extract_partitioned

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        start = time.perf_counter()
        done = extract_partitioned([str(feed)], out, scheduler=cluster.scheduler_address)
        seconds = time.perf_counter() - start
        peaks = sorted(client.run(peak_rss_mb).values())
    print(f"{workers} worker(s), {done.articles:,} articles: {seconds:.1f} s; {done.summary}")
    return {"seconds": seconds, "done": done, "peaks": peaks}


def figures_of(runs: dict[str, dict[str, Any]], size: float, seed: int) -> dict[str, str]:
    """The table rows for ``docs/benchmarks.md``."""
    one, two, small = runs["one"], runs["two"], runs["small"]
    n, m = one["done"].articles, small["done"].articles
    speedup = one["seconds"] / two["seconds"]
    big_peak, small_peak = max(two["peaks"]), max(small["peaks"])
    growth = big_peak / small_peak - 1
    return {
        f"corpus (`benchmarks/corpus.py`, seed {seed}), one JSON Lines feed": (
            f"{n:,} articles, {size / n / 1e3:.1f} KB each, {size / 1e6:.0f} MB"
        ),
        "blocks (1 MB of input each) / parts of the events table": (
            f"{two['done'].blocks} / {two['done'].parts}"
        ),
        "events (merged across articles)": f"{two['done'].events:,}",
        "1 worker: wall time, articles/s": (
            f"{one['seconds']:.0f} s, {n / one['seconds']:,.0f} articles/s"
        ),
        "2 workers: wall time, articles/s": (
            f"{two['seconds']:.0f} s, {n / two['seconds']:,.0f} articles/s"
        ),
        f"speedup, 2 workers against 1 (target >= {SPEEDUP})": (
            f"{speedup:.2f}x ({'meets' if speedup >= SPEEDUP else 'below'} target)"
        ),
        f"peak RSS per worker, 2 workers, {m:,} articles": (
            ", ".join(f"{p:.0f} MB" for p in small["peaks"])
        ),
        f"peak RSS per worker, 2 workers, {n:,} articles": (
            ", ".join(f"{p:.0f} MB" for p in two["peaks"])
        ),
        f"peak worker memory, {n:,} against {m:,} articles (target within {FLAT:.0%})": (
            f"{growth:+.1%} ({'meets' if abs(growth) <= FLAT else 'misses'} target)"
        ),
        "peak RSS of the client process (scheduler, merge planning)": f"{peak_rss_mb():.0f} MB",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=10_000, help="for the memory comparison")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    if not 1 <= args.small <= args.articles:
        parser.error(f"need 1 <= --small <= --articles, not {args.small} and {args.articles}")
    built = ensure_index()
    if built:
        print(f"index build (first run only): {built:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp, "big.jsonl"), Path(tmp, "small.jsonl")
        size = write_feed(big, args.articles, args.seed)
        write_feed(small, args.small, args.seed)  # the first --small articles of the big feed
        runs = {
            "one": timed_run(big, Path(tmp, "one"), 1),
            "two": timed_run(big, Path(tmp, "two"), 2),
            "small": timed_run(small, Path(tmp, "small"), 2),
        }
    report("scale", figures_of(runs, size, args.seed), record=not args.no_record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
