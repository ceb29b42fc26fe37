"""GeoNames on demand: add speed, index growth, cold start and resolution rate with IQ, SY,
YE and JO added.

Run: ``.venv/bin/python benchmarks/geonames.py [--rows 1000000] [--no-record]``.
The country files are SYNTHETIC (``benchmarks/geonames_synth.py``): GeoNames cannot be
downloaded here, so files of the real format with a realistic size and feature mix are
generated.  Prints the figures and records them in ``docs/benchmarks.md`` (section
"geonames").  Targets: >= 1,000,000 rows a minute on one core, cold geocode < 0.5 s,
>= 10,000 names/s.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.gazetteer import cold_start, sample_names  # noqa: E402
from benchmarks.gazetteer import throughput as gazetteer_throughput  # noqa: E402
from benchmarks.geonames_synth import COUNTRIES, write_country  # noqa: E402
from benchmarks.record import report  # noqa: E402


def add(paths: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of ``strikemap gazetteer add-geonames PATHS`` in a fresh process.

    The machine is shared, so the CPU time (one process, one core) is the figure to compare.
    """
    exe = Path(sys.executable).parent / "strikemap"
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(exe), "gazetteer", "add-geonames", "--quiet", *map(str, paths)], check=True)
    wall = time.perf_counter() - start
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (done.ru_utime + done.ru_stime) - (cpu.ru_utime + cpu.ru_stime)


_CHILD = """
import json, sys, time
from gazetteer import Gazetteer
names = json.load(open(sys.argv[1], encoding="utf-8"))
country = sys.argv[2] or None
gz = Gazetteer()
rates = []
for _ in range(2):
    start, wall = time.process_time(), time.perf_counter()
    misses = sum(1 for name in names if not gz.resolve(name, country=country))
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    rates.append((len(names) / cpu, len(names) / wall))
print(json.dumps({"cold": rates[0][0], "cold_wall": rates[0][1], "warm": rates[1][0],
                  "misses": misses}))
"""


def throughput(names: list[str], *, country: str | None = None) -> dict[str, float]:
    """Names/s of a fresh process by its CPU time (the machine is shared), cold then warm."""
    return gazetteer_throughput(names, country=country, child=_CHILD)


def added_names(paths: list[Path], n: int, seed: int = 15) -> list[str]:
    """``n`` names of the synthetic files (preferred names, as a user would type them)."""
    names = []
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            names += [
                ln.split("\t", 2)[1] for ln in zf.read(f"{path.stem}.txt").decode().splitlines()
            ]
    return random.Random(seed).sample(names, n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the speed file")
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["STRIKEMAP_CACHE"] = str(folder / "cache")
        from gazetteer.index import build_index, index_path
        from gazetteer.install.store import store_path

        base_mb = build_index(index_path()).stat().st_size / 1e6
        names = sample_names(args.names // 2)
        cold_before = cold_start()
        rate_before = throughput(names + names)["cold"]
        files = [write_country(folder, cc, rows) for cc, (rows, *_) in COUNTRIES.items()]
        rows4 = sum(rows for rows, *_ in COUNTRIES.values())
        seconds4, _ = add(files)
        size4 = store_path().stat().st_size
        mixed = names + added_names(files, args.names - len(names))
        random.Random(1).shuffle(mixed)
        after = throughput(mixed)
        hinted = throughput(mixed, country="IQ")
        cold_after = cold_start()
        big = write_country(folder, "XX", args.rows)
        seconds_big, cpu_big = add([big])
        load = os.getloadavg()[0]
        size_big = store_path().stat().st_size - size4
    n = f"{args.names:,}"
    figures = {
        "input files": "synthetic GeoNames-format country files (no network; see the script)",
        "rows of IQ, SY, YE, JO (synthetic)": f"{rows4:,}",
        "add IQ, SY, YE, JO (one command, fresh process)": f"{seconds4:.1f} s",
        "embedded index on disk (unchanged by adds)": f"{base_mb:.1f} MB",
        "added places on disk, IQ+SY+YE+JO": f"{size4 / 1e6:.1f} MB",
        "cold `strikemap geocode Irbil --json`, embedded only (median of 7)": (
            f"{cold_before:.3f} s"
        ),
        "cold `strikemap geocode Irbil --json`, IQ+SY+YE+JO added (median of 7)": (
            f"{cold_after:.3f} s"
        ),
        f"names/s (CPU time), {n} embedded names, embedded only, cold": f"{rate_before:,.0f}",
        f"names/s (CPU time), {n} names (half added), IQ+SY+YE+JO added, cold": (
            f"{after['cold']:,.0f}"
        ),
        "names/s, same, wall clock": f"{after['cold_wall']:,.0f}",
        "names/s (CPU time), same, warm caches": f"{after['warm']:,.0f}",
        "names/s (CPU time), same with a country hint, cold": f"{hinted['cold']:,.0f}",
        f"names unresolved of the {n}": f"{after['misses']:.0f}",
        f"add speed, {args.rows:,}-row synthetic file, CPU time of the one process": (
            f"{args.rows / cpu_big * 60:,.0f} rows/min ({cpu_big:.1f} s)"
        ),
        f"add speed, same, wall clock (load average {load:.1f} on the shared machine)": (
            f"{args.rows / seconds_big * 60:,.0f} rows/min ({seconds_big:.1f} s)"
        ),
        f"disk growth for those {args.rows:,} rows": f"{size_big / 1e6:.0f} MB",
    }
    report("geonames", figures, record=not args.no_record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
