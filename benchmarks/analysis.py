"""Analysis benchmark: ``assign_regions`` and ``nearest_sites`` on 1,000,000 synthetic events.

Run: ``.venv/bin/python benchmarks/analysis.py [--events 1000000] [--no-record]``.
Each function runs in its own fresh process pinned to one core (``taskset``,
when there), on the same synthetic events: 30 % at 500 gazetteer places (with
their ``place_id``, as extracted events are), 40 % at random points of the
theatre (12-38° N, 34-56° E) and 30 % at random points of the world (60° S to
70° N), none with a place. The gazetteer is opened before timing; the first
call then pays for loading what it needs (the populated places and their
KD-tree, the country polygons), the second call in the same process does not.
Peak memory is the process's VmHWM before the first call (the events) and after
both. Records the figures in ``docs/benchmarks.md`` (section "analysis") unless
``--no-record``. Target: each function under 5 s on 1,000,000 events.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402

TARGET_S = 5.0
FUNCTIONS = ("assign_regions", "nearest_sites")

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from benchmarks.analysis import synthetic_events
from gazetteer import default_gazetteer
import geo.analysis.regions, geo.analysis.sites

def vmhwm():
    text = open("/proc/self/status").read().split("VmHWM:")[1]
    return int(text.split()[0]) / 1024

function = {"assign_regions": geo.analysis.regions.assign_regions,
            "nearest_sites": geo.analysis.sites.nearest_sites}[sys.argv[2]]
events = synthetic_events(int(sys.argv[3]))
default_gazetteer().get("geonames:98182")
before = vmhwm()
start = time.perf_counter()
out = function(events)
cold = time.perf_counter() - start
start = time.perf_counter()
function(events)
warm = time.perf_counter() - start
column = "region_source" if "region_source" in out else "site_kind"
print(json.dumps({
    "cold": cold, "warm": warm, "before_mb": before, "after_mb": vmhwm(),
    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "distinct": int(len(set(zip(events.geometry.x, events.geometry.y)))),
    "counts": {str(k): int(v) for k, v in out[column].value_counts(dropna=False).items()},
}))
"""


def synthetic_events(n: int, seed: int = 5) -> Any:
    """``n`` events: 30 % at 500 gazetteer places, 40 % in the theatre, 30 % anywhere."""
    import geopandas as gpd
    import numpy as np

    from gazetteer import default_gazetteer

    rng = np.random.default_rng(seed)
    places = default_gazetteer().places_of_kind(("capital", "city", "airbase", "base"))
    chosen = [places[i] for i in rng.choice(len(places), 500, replace=False)]
    n_place, n_theatre = int(0.3 * n), int(0.4 * n)
    n_world = n - n_place - n_theatre
    pick = rng.integers(0, len(chosen), n_place)
    lat = np.concatenate(
        [
            np.array([p.lat for p in chosen])[pick],
            rng.uniform(12, 38, n_theatre),
            rng.uniform(-60, 70, n_world),
        ]
    )
    lon = np.concatenate(
        [
            np.array([p.lon for p in chosen])[pick],
            rng.uniform(34, 56, n_theatre),
            rng.uniform(-180, 180, n_world),
        ]
    )
    place_id = np.array([p.id for p in chosen], dtype=object)[pick].tolist()
    place_id += [None] * (n - n_place)
    order = rng.permutation(n)
    return gpd.GeoDataFrame(
        {
            "event_id": [f"ev{i:07d}" for i in range(n)],
            "kind": rng.choice(["strike", "attack"], n),
            "place_id": np.array(place_id, dtype=object)[order],
        },
        geometry=gpd.points_from_xy(lon[order], lat[order]),
        crs=4326,
    )


def one_core(command: list[str]) -> list[str]:
    """``command`` pinned to one CPU with ``taskset`` when it is available."""
    if not hasattr(os, "sched_getaffinity") or shutil.which("taskset") is None:
        return command
    return ["taskset", "-c", str(min(os.sched_getaffinity(0))), *command]


def run_child(function: str, n: int) -> dict[str, Any]:
    """Time ``function`` on ``n`` events in a fresh single-threaded process."""
    command = one_core([sys.executable, "-c", _CHILD, str(ROOT), function, str(n)])
    threads = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    env = {**os.environ, **dict.fromkeys(threads, "1")}
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env, cwd=ROOT)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def figures_of(function: str, n: int, run: dict[str, Any]) -> dict[str, str]:
    """The table rows of one function."""
    verdict = "meets target" if run["cold"] < TARGET_S else "above target"
    counts = ", ".join(f"{k or 'none'} {v:,}" for k, v in sorted(run["counts"].items()))
    label = f"`{function}`, {n:,} events"
    return {
        f"{label}, first call, one core (target < {TARGET_S:g} s)": (
            f"{run['cold']:.2f} s ({verdict})"
        ),
        f"{label}, second call, same process": f"{run['warm']:.2f} s",
        f"{label}, peak RSS before / after (VmHWM)": (
            f"{run['before_mb']:.0f} MB / {run['after_mb']:.0f} MB"
        ),
        f"{label}, result": counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="number of events")
    parser.add_argument("--no-record", action="store_true", help="do not touch docs/benchmarks.md")
    args = parser.parse_args()
    from gazetteer.index import build_index, index_path

    if not index_path().exists():
        build_index(index_path())
    figures: dict[str, str] = {}
    load = os.getloadavg()[0]
    for function in FUNCTIONS:
        run = run_child(function, args.events)
        if not figures:
            figures["synthetic events (distinct points)"] = f"{args.events:,} ({run['distinct']:,})"
        figures |= figures_of(function, args.events, run)
    figures["load average (1 min) before / after, machine shared"] = (
        f"{load:.1f} / {os.getloadavg()[0]:.1f}"
    )
    report("analysis", figures, record=not args.no_record)


if __name__ == "__main__":
    main()
