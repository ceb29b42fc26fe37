"""GeoNames on demand: add speed, index growth, cold start and resolution rate with IQ, SY,
YE and JO added.

Run: ``.venv/bin/python benchmarks/geonames.py [--rows 1000000] [--baseline REV] [--no-record]``.
``--baseline REV`` also measures the resolution rates of the ``gazetteer`` of git revision REV
(taking turns with this tree, on the same files and the same index) for a before/after.
The country files are SYNTHETIC (``benchmarks/geonames_synth.py``): GeoNames cannot be
downloaded here, so files of the real format with a realistic size and feature mix are
generated.  Prints the figures and records them in ``docs/benchmarks.md`` (section
"geonames").  Targets: >= 1,000,000 rows a minute on one core, cold geocode < 0.5 s,
>= 10,000 names/s.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tarfile
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
import json, os, sys, time
import gazetteer
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
    load = load if rates[1:] else os.getloadavg()[0]
print(json.dumps({"cold": rates[0][0], "cold_wall": rates[0][1], "warm": rates[1][0],
                  "misses": misses, "load": load, "module": gazetteer.__file__}))
"""


def throughput(
    names: list[str], *, country: str | None = None, tree: Path = ROOT
) -> dict[str, float]:
    """Names/s of a fresh process, cold then warm, by CPU time and wall clock, with the load
    average after the cold pass; ``tree`` is the folder whose ``gazetteer`` is measured."""
    out = gazetteer_throughput(names, country=country, child=_CHILD, cwd=tree)
    module = Path(str(out.pop("module")))
    if tree not in module.parents:
        raise RuntimeError(f"measured {module}, not the gazetteer of {tree}")
    return out


def median_rates(
    names: list[str], trees: dict[str, Path], *, country: str | None = None, runs: int = 3
) -> dict[str, dict[str, float]]:
    """Median figures of ``runs`` fresh processes per tree, the trees taking turns (the
    machine is shared: its load changes from one minute to the next)."""
    seen: dict[str, list[dict[str, float]]] = {label: [] for label in trees}
    for _ in range(runs):
        for label, tree in trees.items():
            seen[label].append(throughput(names, country=country, tree=tree))
    return {
        label: {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        for label, rows in seen.items()
    }


def export_tree(rev: str, folder: Path) -> Path:
    """Write the ``gazetteer`` package of git revision ``rev`` into a folder of ``folder``."""
    out = folder / f"baseline-{rev}"
    out.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "gazetteer"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(out, filter="data")
    return out


def added_names(paths: list[Path], n: int, seed: int = 15) -> list[str]:
    """``n`` names of the synthetic files (preferred names, as a user would type them)."""
    names = []
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            names += [
                ln.split("\t", 2)[1] for ln in zf.read(f"{path.stem}.txt").decode().splitlines()
            ]
    return random.Random(seed).sample(names, n)


def same_index(tree: Path) -> None:
    """Refuse a baseline that would build an index of its own (and delete the current one)."""
    from gazetteer.index import index_path

    code = "from gazetteer.index import index_path; print(index_path())"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=tree
    )
    if out.stdout.strip() != str(index_path()):
        raise SystemExit(f"geonames.py: error: {tree.name} reads another index format")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the speed file")
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per rate")
    parser.add_argument(
        "--baseline", metavar="REV", help="also measure the resolution of this git revision"
    )
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["STRIKEMAP_CACHE"] = str(folder / "cache")
        from gazetteer.index import build_index, index_path
        from gazetteer.install.store import store_path

        base_mb = build_index(index_path()).stat().st_size / 1e6
        trees = {"now": ROOT}
        if args.baseline:
            trees[args.baseline] = export_tree(args.baseline, folder)
            same_index(trees[args.baseline])
        names = sample_names(args.names // 2)
        cold_before = cold_start()
        rate_before = throughput(names + names)["cold"]
        files = [write_country(folder, cc, rows) for cc, (rows, *_) in COUNTRIES.items()]
        rows4 = sum(rows for rows, *_ in COUNTRIES.values())
        seconds4, _ = add(files)
        size4 = store_path().stat().st_size
        mixed = names + added_names(files, args.names - len(names))
        random.Random(1).shuffle(mixed)
        plain = median_rates(mixed, trees, runs=args.runs)
        hinted = median_rates(mixed, trees, country="IQ", runs=args.runs)
        cold_after = cold_start()
        big = write_country(folder, "XX", args.rows)
        seconds_big, cpu_big = add([big])
        load = os.getloadavg()[0]
        size_big = store_path().stat().st_size - size4
    n = f"{args.names:,}"

    def rate(by: dict[str, dict[str, float]], key: str) -> str:
        now = f"{by['now'][key]:,.0f}"
        return now + "".join(f" (before, {t}: {by[t][key]:,.0f})" for t in by if t != "now")

    loads = [r["load"] for r in (*plain.values(), *hinted.values())]
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
        f"names/s (CPU time), {n} names (half added), IQ+SY+YE+JO added, cold, "
        f"median of {args.runs} processes": rate(plain, "cold"),
        "names/s, same, wall clock": rate(plain, "cold_wall"),
        "names/s (CPU time), same with a country hint (IQ), cold": rate(hinted, "cold"),
        "names/s, same with a country hint, wall clock": rate(hinted, "cold_wall"),
        "names/s (CPU time), same, warm caches": f"{plain['now']['warm']:,.0f}",
        "load average (1 min) during the resolution runs, 2 cores shared": (
            f"{min(loads):.1f} to {max(loads):.1f}"
        ),
        f"names unresolved of the {n}": f"{plain['now']['misses']:.0f}",
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
