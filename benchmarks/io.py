"""Events I/O benchmark: export, read and map large synthetic event files against bare GDAL.

Run: ``.venv/bin/python benchmarks/io.py [--events 1000000] [--map-events 100000]
[--only map] [--repeat 1] [--no-record]``; ``--only map`` measures the map figures alone (no
export of a million events) and records them in place of the same rows, keeping the others;
``--repeat N`` runs each map command N times, one after the other, and keeps the best wall
and CPU time of each (the machine is shared: other work only ever adds time).

Each figure is measured in its own process (seconds of wall time and of CPU time, user +
system, and peak resident memory, all from ``wait4``), in the same run, on the same files. On
a shared machine wall times vary with the load (printed beside the figures); CPU times much
less, so both are given and the ratios are computed on each:

* export GeoJSON → GeoPackage and GeoJSON → GeoParquet with ``strikemap export``, against a
  bare pyogrio read (Arrow) + write of the same file (target: within 2x);
* ``read_events`` of the GeoParquet file pinned to one core (target: < 3 s for 1,000,000),
  with Arrow's default memory pool and with the one the ``strikemap`` command picks;
* ``strikemap map`` of ``--map-events`` events against plain folium (``folium.GeoJson`` with a
  popup of every property) on the same GeoJSON file (target: ≥ 10x faster).

Peak memory target: < 2 GB for any of these. The input GeoJSON is written once by
``write_events`` from :func:`benchmarks.maps.synthetic_events` (not timed). Records the
figures in ``docs/benchmarks.md`` (section "io") unless ``--no-record``, each beside the
figure measured on main before the columnar work of issue 16 was finished (:data:`BEFORE`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402
from maps.cli import ARROW_POOL  # noqa: E402

BIN = Path(sys.executable).parent
#: The figures of the last run on main before this work (2026-12-06, wall times only; 1,000,000
#: events exported and read, 100,000 mapped), shown beside the new ones at those sizes.
BEFORE = {
    "export GeoJSON → GeoPackage, strikemap": "116.9 s, 3.93 GB",
    "export GeoJSON → GeoPackage, bare pyogrio": "128.7 s, 2.99 GB",
    "export → GeoPackage: strikemap / bare": "0.91x",
    "export GeoJSON → GeoParquet, strikemap": "63.4 s, 3.93 GB",
    "export GeoJSON → GeoParquet, bare pyogrio": "100.0 s, 2.95 GB",
    "export → GeoParquet: strikemap / bare": "0.63x",
    "read_events GeoParquet, 1 core": "11.1 s, 3.33 GB",
    "strikemap map": "5.6 s, 0.68 GB",
    "folium GeoJson + popups": "12.4 s, 1.12 GB",
    "map: folium / strikemap": "2.2x",
    "peak memory of strikemap steps": "3.93 GB",
}
STEPS = {
    "bare-gpkg": """
import pyogrio
df = pyogrio.read_dataframe(IN, use_arrow=True)
pyogrio.write_dataframe(df, OUT, layer="events", driver="GPKG", use_arrow=True)
""",
    "bare-parquet": """
import pyogrio
pyogrio.read_dataframe(IN, use_arrow=True).to_parquet(OUT, index=False)
""",
    "read-parquet": """
import os, time, pyarrow
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
pyarrow.set_cpu_count(1); pyarrow.set_io_thread_count(1)
from geo.formats.readwrite import read_events
start, cpu = time.perf_counter(), time.process_time()
frame = read_events(IN)
print(f"{time.perf_counter() - start:.3f} {time.process_time() - cpu:.3f} {len(frame)}")
""",
    "folium": """
import json, folium
data = json.load(open(IN, encoding="utf-8"))
names = list(data["features"][0]["properties"])
fmap = folium.Map(location=[30, 45], zoom_start=5)
folium.GeoJson(data, popup=folium.GeoJsonPopup(fields=names)).add_to(fmap)
fmap.save(OUT)
""",
}


MAKE = """
import sys
sys.path.insert(0, {root!r})
from benchmarks.maps import synthetic_events
from geo.formats.readwrite import write_events
write_events(synthetic_events({n}, seed={seed}), {path!r})
"""


def run(argv: list[str], pool: str | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system), peak resident memory (GB) and stdout of
    one child process (all but the wall time from ``wait4``); ``pool``: Arrow's memory pool."""
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if pool:
        env["ARROW_DEFAULT_MEMORY_POOL"] = pool
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, text=True, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode:
            raise SystemExit(f"{' '.join(argv[:3])} failed: {err.read().strip()[-300:]}")
        return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1e6, out.read()


def step(
    name: str, source: Path, target: Path, pool: str | None = None
) -> tuple[float, float, float, str]:
    code = f"IN, OUT = {str(source)!r}, {str(target)!r}\n" + STEPS[name]
    return run([sys.executable, "-c", code], pool)


def _export_and_read(folder: Path, big: Path, n: str, add: Any, peaks: list[float]) -> None:
    """The export and read_events figures of the big file."""
    for ext, label in ((".gpkg", "GeoPackage"), (".parquet", "GeoParquet")):
        bare, bare_cpu, bare_peak, _ = step(  # with the allocator strikemap picks
            f"bare-{ext[1:]}", big, folder / f"bare{ext}", ARROW_POOL
        )
        ours, ours_cpu, ours_peak, _ = run(
            [str(BIN / "strikemap"), "export", str(big), "-o", str(folder / f"ours{ext}")]
        )
        peaks.append(ours_peak)
        add(
            f"export GeoJSON → {label}, strikemap ({n} events; wall s, CPU s, peak GB)",
            f"{ours:.1f} s, {ours_cpu:.1f} s CPU, {ours_peak:.2f} GB",
        )
        add(
            f"export GeoJSON → {label}, bare pyogrio ({n} events; wall s, CPU s, peak GB)",
            f"{bare:.1f} s, {bare_cpu:.1f} s CPU, {bare_peak:.2f} GB",
        )
        add(
            f"export → {label}: strikemap / bare, wall (CPU) (target ≤ 2x)",
            f"{ours / bare:.2f}x ({ours_cpu / bare_cpu:.2f}x)",
        )
    for pool, how in ((None, "Arrow's default pool"), (ARROW_POOL, "jemalloc, as strikemap")):
        _, _, peak, out = step("read-parquet", folder / "ours.parquet", folder / "x", pool)
        peaks.append(peak)
        wall, cpu, _ = out.split()
        add(
            f"read_events GeoParquet, 1 core, {how} ({n} events; wall s, CPU s, peak GB) "
            "(target < 3 s)",
            f"{float(wall):.1f} s, {float(cpu):.1f} s CPU, {peak:.2f} GB",
        )


def _best(times: list[tuple[float, float, float, str]]) -> tuple[float, float, float]:
    """The least wall time, CPU time and peak memory of repeated runs."""
    return min(t[0] for t in times), min(t[1] for t in times), max(t[2] for t in times)


def _map(folder: Path, small: Path, m: str, add: Any, peaks: list[float], repeat: int = 1) -> None:
    """``strikemap map`` against plain folium on the same file, one after the other
    (``repeat`` times each, alternating; the best times of each are kept)."""
    runs: dict[str, list[tuple[float, float, float, str]]] = {"ours": [], "folium": []}
    for _ in range(repeat):
        runs["ours"].append(
            run([str(BIN / "strikemap"), "map", str(small), "-o", str(folder / "ours.html")])
        )
        runs["folium"].append(step("folium", small, folder / "folium.html"))
    (ours, ours_cpu, peak), (plain, plain_cpu, plain_peak) = map(_best, runs.values())
    peaks.append(peak)
    best = f", best of {repeat}" if repeat > 1 else ""
    add(
        f"strikemap map ({m} events; wall s, CPU s, peak GB)",
        f"{ours:.2f} s, {ours_cpu:.2f} s CPU, {peak:.2f} GB{best}",
    )
    add(
        f"folium GeoJson + popups ({m} events; wall s, CPU s, peak GB)",
        f"{plain:.1f} s, {plain_cpu:.1f} s CPU, {plain_peak:.2f} GB{best}",
    )
    add(
        "map: folium / strikemap, wall (CPU) (target ≥ 10x)",
        f"{plain / ours:.1f}x ({plain_cpu / ours_cpu:.1f}x)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--map-events", type=int, default=100_000)
    parser.add_argument(
        "--only", choices=("map",), help="measure these figures alone, keeping the other rows"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each map command")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big, small = folder / "events.geojson", folder / "small.geojson"
        files = [(args.map_events, 5, small)]
        if args.only is None:
            files.insert(0, (args.events, 11, big))
        # In a child: on Linux a child's peak memory starts at its parent's, so this process
        # stays small for the peaks measured after it.
        for n, seed, path in files:
            run([sys.executable, "-c", MAKE.format(root=str(ROOT), n=n, seed=seed, path=str(path))])
        n, m = f"{args.events:,}", f"{args.map_events:,}"
        peaks: list[float] = []

        def add(key: str, value: str) -> None:
            sizes = (
                (args.map_events == 100_000)
                if key.startswith(("map", "strikemap map", "folium"))
                else (args.events == 1_000_000)
            )  # BEFORE's sizes
            before = (
                next((v for k, v in BEFORE.items() if key.startswith(k)), None) if sizes else None
            )
            figures[key] = f"{value} (before: {before})" if before else value

        if args.only is None:
            _export_and_read(folder, big, n, add, peaks)
        _map(folder, small, m, add, peaks, max(1, args.repeat))
        if args.only is None:
            add("peak memory of strikemap steps (target < 2 GB)", f"{max(peaks):.2f} GB")
        at = "at the end" if args.only is None else f"after the {args.only} figures"
        figures[f"load average (1, 5, 15 min) {at}"] = ", ".join(
            f"{v:.1f}" for v in os.getloadavg()
        )
    report("io", figures, record=not args.no_record, only=args.only and f"--only {args.only}")


if __name__ == "__main__":
    main()
