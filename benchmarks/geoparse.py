"""Geoparsing benchmark: ``gazetteer.spot`` end to end on LGL, with the scorer in ../shared.

Run: ``.venv/bin/python benchmarks/geoparse.py [--no-record] [--errors N]``.

The corpus (LGL: 588 local news articles, 4,462 located toponyms; Lieberman et al. 2010, as
released by Gritta et al. 2020) and its scorer live in ``../shared/eval/geoparse/`` and are
never copied into the project; without them this script says so and exits 0.  The scorer
counts a predicted toponym as found when its text equals the gold one and the span midpoints
lie within 10 characters (precision, recall, F1), and scores the coordinates of found ones:
Acc@161 (share within 161 km), AUC of the log-error curve, median km.

Documents/s is measured here, not by the scorer: a warm-up pass first (the index opened and
its page cache warm), then one timed pass over every document, in this process pinned to one
core.  Both the process's CPU time (what one core does, whatever else the machine runs) and the
wall time are given; on a machine shared with other jobs the wall-clock rate varies from run to
run.  Targets: F1 >= 0.75, Acc@161 >= 0.85, >= 300 documents/s.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.record import report  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "geoparse"
#: Published end-to-end figures on LGL (Gritta et al. 2018), F1 / Acc@161, for comparison.
PUBLISHED = {
    "CLIFF": (0.644, 0.719),
    "Edinburgh Geoparser": (0.620, 0.760),
    "Topocluster": (0.713, 0.632),
}


def load_scorer() -> ModuleType | None:
    """Import the shared scorer by path, or return ``None`` when ../shared is absent."""
    path = EVAL / "score_geoparse.py"
    if not path.exists() or not (EVAL / "lgl.xml").exists():
        return None
    spec = importlib.util.spec_from_file_location("score_geoparse", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def docs_per_second(texts: list[str]) -> tuple[float, float]:
    """Documents per second through ``spot(text, demonyms=True)``, warm, on one core: by the
    process's CPU time and by wall time."""
    from gazetteer import Gazetteer

    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    gz = Gazetteer()
    for text in texts[:50]:  # warm-up: the index pages and the interpreter's caches
        gz.spot(text, demonyms=True)
    gz = Gazetteer()  # fresh memo tables: every document is resolved anew
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        gz.spot(text, demonyms=True)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return len(texts) / cpu, len(texts) / wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="print only")
    parser.add_argument("--errors", type=int, default=0, help="also list the N worst cases")
    args = parser.parse_args()
    scorer = load_scorer()
    if scorer is None:
        print(f"skipped: {EVAL} is absent (the corpus is not part of the project)")
        return 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        res: dict[str, Any] = scorer.main(["--json", "--errors", str(args.errors)])
    if args.errors:
        print(out.getvalue().split("\n", 1)[1])
    texts = [text for text, _ in scorer.load(str(EVAL / "lgl.xml"))]
    rate, wall = docs_per_second(texts)
    figures = {
        "corpus": f"LGL, {res['docs']} documents, {res['gold']:,} located toponyms",
        "precision / recall": f"{res['precision']:.3f} / {res['recall']:.3f}",
        "F1 (target >= 0.75)": f"{res['f1']:.3f}",
        "Acc@161 of found toponyms (target >= 0.85)": f"{res['acc161']:.3f}",
        "AUC (lower is better)": f"{res['auc']:.3f}",
        "median / mean error": f"{res['median_km']:.1f} km / {res['mean_km']:.0f} km",
        "documents/s, one core, warm, by CPU time (target >= 300)": f"{rate:,.0f}",
        "documents/s, same pass, by wall time": f"{wall:,.0f}",
    }
    for system, (f1, acc) in PUBLISHED.items():
        figures[f"published: {system} F1 / Acc@161"] = f"{f1:.3f} / {acc:.3f}"
    report("geoparse", figures, record=not args.no_record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
