"""Gazetteer benchmark: cold start, index size, memory, resolutions per second.

Run: ``.venv/bin/python benchmarks/gazetteer.py [--names 10000] [--no-record]``.
Prints the figures and records them in ``docs/benchmarks.md`` (section "gazetteer").
Targets on a 2-core machine: cold start < 0.5 s, >= 20,000 resolutions/s, index < 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402


def build_seconds() -> float:
    """Time a full index build into an empty cache folder, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "STRIKEMAP_CACHE": tmp}
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "maps.cli", "gazetteer", "build"],
            check=True,
            capture_output=True,
            env=env,
        )
        return time.perf_counter() - start


def cold_start(runs: int = 7) -> float:
    """Median wall time of a fresh ``strikemap geocode`` process (index already built)."""
    exe = Path(sys.executable).parent / "strikemap"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "geocode", "Irbil", "--json"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sample_names(n: int, seed: int = 7) -> list[str]:
    """Return ``n`` names: GeoNames names and alternates, and every curated alias."""
    from gazetteer.data import load_yaml
    from gazetteer.sources.geonames import keep_alternate, load_cities

    rng = random.Random(seed)
    cities = load_cities()
    names: list[str] = []
    for site in load_yaml("sites.yaml")["sites"]:
        names += [site["name"], *site.get("aliases", [])]
    while len(names) < n:
        city = rng.choice(cities)
        pool = [city["name"], *(a for a in city["alternatenames"] if keep_alternate(a))]
        names.append(rng.choice(pool))
    rng.shuffle(names)
    return names[:n]


_CHILD = """
import json, sys, time
from gazetteer import Gazetteer
names = json.load(open(sys.argv[1], encoding="utf-8"))
country = sys.argv[2] or None
gz = Gazetteer()
start = time.perf_counter()
misses = sum(1 for name in names if not gz.resolve(name, country=country))
cold = len(names) / (time.perf_counter() - start)
start = time.perf_counter()
for name in names:
    gz.resolve(name, country=country)
warm = len(names) / (time.perf_counter() - start)
status = open("/proc/self/status").read().split("VmHWM:")[1]
rss = int(status.split()[0]) / 1024  # peak RSS of this process; ru_maxrss survives exec
print(json.dumps({"cold": cold, "warm": warm, "misses": misses, "rss_mb": rss}))
"""


def throughput(
    names: list[str], *, country: str | None = None, child: str = _CHILD, cwd: Path | None = None
) -> dict[str, float]:
    """Resolve ``names`` twice in a fresh process running ``child`` (a script given the names
    file and the country): cold and warm rates, misses and what else ``child`` reports.

    ``cwd`` runs it in another folder, whose ``gazetteer`` package is then the one imported.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(names, fh)
    try:
        out = subprocess.run(
            [sys.executable, "-c", child, fh.name, country or ""],
            check=True,
            capture_output=True,
            text=True,
            cwd=cwd,
        )
    finally:
        os.unlink(fh.name)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def spot_rate(rounds: int = 40) -> float:
    """Articles per second through ``spot`` on the demo briefs (one process, warm index)."""
    from gazetteer import Gazetteer

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("brief_*.md"))]
    gz = Gazetteer()
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            gz.spot(text)
    return rounds * len(texts) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()

    from gazetteer.index import build_index, index_path

    path = index_path()
    if not path.exists():
        start = time.perf_counter()
        build_index(path)
        print(f"index build (first run only): {time.perf_counter() - start:.1f} s")
    names = sample_names(args.names)
    plain = throughput(names)
    hinted = throughput(names, country="IQ")
    n = f"{len(names):,}"
    figures = {
        "cold start, `strikemap geocode Irbil --json` (median of 7)": f"{cold_start():.3f} s",
        "index size on disk": f"{path.stat().st_size / 1e6:.1f} MB",
        "index build, once per install or data change": f"{build_seconds():.1f} s",
        f"resolutions/s, {n} names, fresh process, cold caches": f"{plain['cold']:,.0f}",
        f"resolutions/s, same {n} names again, warm caches": f"{plain['warm']:,.0f}",
        f"resolutions/s, {n} names with a country hint, cold": f"{hinted['cold']:,.0f}",
        "names unresolved (sampled from the index, so expect 0)": f"{plain['misses']:.0f}",
        f"peak RSS of a process resolving {n} names": f"{plain['rss_mb']:.0f} MB",
        "spot(): demo briefs (~2 KB) per second, repeated 40 times": f"{spot_rate():,.0f}",
    }
    report("gazetteer", figures, record=not args.no_record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
