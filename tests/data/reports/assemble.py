"""Add labelled batches to reports.jsonl and give each new report its frozen split.

Run: ``python tests/data/reports/assemble.py BATCH.jsonl [BATCH.jsonl ...]``. A report's split
is a hash of its id (30 % test), fixed before any extraction has run on its text; adding
reports never moves an old one between splits. Duplicate ids or texts are refused.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "reports.jsonl"
KEYS = ("id", "source_url", "licence", "source_kind", "theatre", "published", "text", "split")
EVENT_KEYS = ("kind", "date", "date_precision", "place", "lat", "lon", "country", "actor")
EVENT_KEYS += ("target", "fatalities", "background")


def split_of(report_id: str) -> str:
    """``test`` for 30 % of ids, by a stable hash, else ``dev``."""
    return "test" if int(hashlib.sha256(report_id.encode()).hexdigest(), 16) % 100 < 30 else "dev"


def normal(rec: dict[str, object]) -> dict[str, object]:
    """The record with its keys in order, its events complete and its split set."""
    events = rec.get("events") or []
    assert isinstance(events, list)
    out = {k: rec.get(k) for k in KEYS}
    out["split"] = split_of(str(rec["id"]))
    out["events"] = [{k: ev.get(k) for k in EVENT_KEYS} for ev in events]
    out.update({k: v for k, v in rec.items() if k not in out})
    return out


def main(batches: list[str]) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines() if CORPUS.exists() else []
    corpus = [json.loads(line) for line in lines if line.strip()]
    seen = {r["id"] for r in corpus} | {r["text"] for r in corpus}
    for batch in batches:
        for n, line in enumerate(Path(batch).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["id"] in seen or rec["text"] in seen:
                raise SystemExit(f"{batch} line {n}: duplicate id or text ({rec['id']})")
            seen.update((rec["id"], rec["text"]))
            corpus.append(normal(rec))
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus)
    CORPUS.write_text(text, encoding="utf-8")
    print(f"{len(corpus)} reports")


if __name__ == "__main__":
    main(sys.argv[1:])
