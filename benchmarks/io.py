"""Events I/O benchmark: export, read and map large synthetic event files against bare GDAL.

Run: ``.venv/bin/python benchmarks/io.py [--events 1000000] [--map-events 100000] [--no-record]``.

Each figure is measured in its own process (seconds of wall time, peak resident memory from
``wait4``), in the same run, on the same files:

* export GeoJSON → GeoPackage and GeoJSON → GeoParquet with ``strikemap export``, against a
  bare pyogrio read (Arrow) + write of the same file (target: within 2x);
* ``read_events`` of the GeoParquet file pinned to one core (target: < 3 s for 1,000,000);
* ``strikemap map`` of ``--map-events`` events against plain folium (``folium.GeoJson`` with a
  popup of every property) on the same GeoJSON file (target: ≥ 10x faster).

Peak memory target: < 2 GB for any of these. The input GeoJSON is written once by
``write_events`` from :func:`benchmarks.maps.synthetic_events` (not timed). Records the
figures in ``docs/benchmarks.md`` (section "io") unless ``--no-record``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402

BIN = Path(sys.executable).parent
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
start = time.perf_counter(); frame = read_events(IN)
print(f"{time.perf_counter() - start:.3f} {len(frame)}")
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


def run(argv: list[str]) -> tuple[float, float, str]:
    """Seconds, peak resident memory (GB, from ``wait4``) and stdout of one child process."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode:
            raise SystemExit(f"{' '.join(argv[:3])} failed: {err.read().strip()[-300:]}")
        return seconds, usage.ru_maxrss / 1e6, out.read()


def step(name: str, source: Path, target: Path) -> tuple[float, float, str]:
    code = f"IN, OUT = {str(source)!r}, {str(target)!r}\n" + STEPS[name]
    return run([sys.executable, "-c", code])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--map-events", type=int, default=100_000)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big, small = folder / "events.geojson", folder / "small.geojson"
        # In a child: on Linux a child's peak memory starts at its parent's, so this process
        # stays small for the peaks measured after it.
        for n, seed, path in ((args.events, 11, big), (args.map_events, 5, small)):
            run([sys.executable, "-c", MAKE.format(root=str(ROOT), n=n, seed=seed, path=str(path))])
        n, m = f"{args.events:,}", f"{args.map_events:,}"
        peaks = []
        for ext, label in ((".gpkg", "GeoPackage"), (".parquet", "GeoParquet")):
            bare, bare_peak, _ = step(f"bare-{ext[1:]}", big, folder / f"bare{ext}")
            ours, ours_peak, _ = run(
                [str(BIN / "strikemap"), "export", str(big), "-o", str(folder / f"ours{ext}")]
            )
            peaks.append(ours_peak)
            figures[f"export {n} GeoJSON → {label}, strikemap (s, peak GB)"] = (
                f"{ours:.1f} s, {ours_peak:.2f} GB"
            )
            figures[f"export {n} GeoJSON → {label}, bare pyogrio (s, peak GB)"] = (
                f"{bare:.1f} s, {bare_peak:.2f} GB"
            )
            figures[f"export → {label}: strikemap / bare (target ≤ 2x)"] = f"{ours / bare:.2f}x"
        _, peak, out = step("read-parquet", folder / "ours.parquet", folder / "unused")
        peaks.append(peak)
        figures[f"read_events {n} GeoParquet, 1 core (target < 3 s)"] = (
            f"{float(out.split()[0]):.1f} s, {peak:.2f} GB"
        )
        ours, peak, _ = run(
            [str(BIN / "strikemap"), "map", str(small), "-o", str(folder / "ours.html")]
        )
        peaks.append(peak)
        plain, plain_peak, _ = step("folium", small, folder / "folium.html")
        figures[f"strikemap map {m} events (s, peak GB)"] = f"{ours:.1f} s, {peak:.2f} GB"
        figures[f"folium GeoJson + popups {m} events (s, peak GB)"] = (
            f"{plain:.1f} s, {plain_peak:.2f} GB"
        )
        figures["map: folium / strikemap (target ≥ 10x)"] = f"{plain / ours:.1f}x"
        figures["peak memory of strikemap steps (target < 2 GB)"] = f"{max(peaks):.2f} GB"
    report("io", figures, record=not args.no_record)


if __name__ == "__main__":
    main()
