"""``strikemap geocode`` and ``strikemap gazetteer search|spot|build`` (and, from
:mod:`maps.cli.geonames_cmd`, ``add-geonames|sources|remove``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maps.cli import geonames_cmd
from maps.cli.common import CommandError, positive_int, read_names, warn, write_atomic

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place
    from gazetteer.spot import Mention

__all__ = ["register"]

_TEXT_SUFFIXES = (".txt", ".md")


def register(sub: Any) -> None:
    """Add the gazetteer commands to the ``strikemap`` sub-parser."""
    geo = sub.add_parser("geocode", help="resolve place names to coordinates")
    geo.add_argument("names", nargs="+", metavar="NAME", help="place names; '-' reads stdin")
    geo.add_argument("--country", help="ISO alpha-2 code or name of the likely country")
    geo.add_argument("--kind", help="kind hint: base, airport, province, sea...")
    geo.add_argument("--json", action="store_true", help="print a JSON array")
    geo.add_argument(
        "--limit", type=positive_int, default=5, help="candidates per name (default 5)"
    )
    _add_source_options(geo)
    geo.set_defaults(run=_geocode)

    gaz = sub.add_parser(
        "gazetteer", help="search, spot, build the gazetteer; add GeoNames countries"
    )
    gsub = gaz.add_subparsers(dest="action", required=True, metavar="ACTION")
    search = gsub.add_parser("search", help="list the places matching TEXT")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--country")
    search.add_argument("--kind")
    search.add_argument("--limit", type=positive_int, default=10)
    _add_source_options(search)
    search.set_defaults(run=_search)
    spot = gsub.add_parser("spot", help="find place mentions in text files")
    spot.add_argument("paths", nargs="+", metavar="PATH", help="text files or folders")
    spot.add_argument("--country", help="country the texts are mostly about")
    spot.add_argument("-o", "--output", type=Path, help="write mentions as JSON here")
    _add_source_options(spot)
    spot.set_defaults(run=_spot)
    build = gsub.add_parser("build", help="compile the embedded index now and show where")
    build.set_defaults(run=_build)
    geonames_cmd.register(gsub)


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--places",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="user places file (CSV, GeoJSON, YAML); repeatable; wins over embedded places",
    )
    parser.add_argument(
        "--online",
        choices=("nominatim", "geonames"),
        help="opt-in online fallback for names the offline index lacks",
    )
    parser.add_argument("--online-domain", help="geocoder host, e.g. nominatim.example.org")
    parser.add_argument(
        "--online-scheme",
        choices=("https", "http"),
        default="https",
        help="scheme of the online geocoder (http for a local server without TLS)",
    )
    parser.add_argument("--user-agent", help="user agent for the online geocoder (required)")
    parser.add_argument("--geonames-username", help="GeoNames account for --online geonames")


def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    from gazetteer import Gazetteer

    online = None
    if args.online:
        from gazetteer.online.client import get_online_geocoder

        if not args.user_agent:
            raise CommandError("--online needs --user-agent naming your application and contact")
        options: dict[str, Any] = {"user_agent": args.user_agent, "scheme": args.online_scheme}
        if args.online_domain:
            options["domain"] = args.online_domain
        if args.geonames_username:
            options["username"] = args.geonames_username
        online = get_online_geocoder(args.online, **options)
    gz = Gazetteer(places=list(args.places), online=online)
    if getattr(args, "country", None):
        gz.country_code(args.country)  # --country ZZ: one error up front, not one per name
    return gz


def _place_json(query: str, found: list[Place]) -> dict[str, Any]:
    best = found[0] if found else None
    keys = ("id", "name", "lat", "lon", "country", "kind", "precision", "extent_km", "score")
    record: dict[str, Any] = {"query": query}
    record |= {k: (best.to_dict()[k] if best else None) for k in keys}
    record["source"] = best.source if best else None
    record["reason"] = best.reason if best else "no place matches"
    record["candidates"] = [p.to_dict() for p in found[1:]]
    return record


def _geocode(args: argparse.Namespace) -> int:
    from gazetteer import InvalidQuery

    gz = _gazetteer(args)
    results, failed = [], 0
    for n, (label, raw) in enumerate(read_names(args.names), start=1):
        try:
            found = gz.resolve(raw, country=args.country, kind=args.kind, limit=args.limit)  # type: ignore[arg-type]
        except InvalidQuery as err:
            where = label if label.startswith("stdin") else f"name {n}"
            print(f"strikemap: error: {where}: {err}", file=sys.stderr)
            failed += 1
            continue
        query = raw.decode() if isinstance(raw, bytes) else str(raw)
        if not found:
            warn(f"no place found for {query!r}{_why_none(args)}")
        results.append(_place_json(query, found))
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for r in results:
            if r["name"] is None:
                print(f"{r['query']}\tunresolved")
            else:
                print(
                    f"{r['query']}\t{r['name']} ({r['country'] or '-'}, {r['kind']})\t"
                    f"{r['lat']:.4f}, {r['lon']:.4f}\tscore {r['score']:.2f}"
                )
    return 1 if failed else 0


def _why_none(args: argparse.Namespace) -> str:
    from gazetteer.normalize import LOOSE_MIN_SIMILARITY

    why = f" (no name matches, and no loose spelling is {LOOSE_MIN_SIMILARITY:.0%} alike"
    why += f" in {args.country})" if args.country else ")"
    return why + ("" if args.online else "; --online asks an online geocoder")


def _search(args: argparse.Namespace) -> int:
    from gazetteer.default import search

    gz = _gazetteer(args)
    found = search(args.text, gazetteer=gz, country=args.country, kind=args.kind, limit=args.limit)
    if not found:
        warn(f"no place matches {args.text!r}")
        return 0
    for i, p in enumerate(found, start=1):
        print(
            f"{i:>2}. {p.name} [{p.id}] {p.kind}, {p.country or '-'}  "
            f"{p.lat:.4f}, {p.lon:.4f}  ±{p.extent_km:g} km  score {p.score:.2f}"
        )
        print(f"    {p.reason}; source: {p.source}")
    return 0


def _text_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in _TEXT_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    return files


def _mention_json(m: Mention) -> dict[str, Any]:
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "reason": m.reason,
        "place": m.place.to_dict() if m.place else None,
        "candidates": [p.name for p in m.candidates[:3]],
    }


def _spot(args: argparse.Namespace) -> int:
    gz = _gazetteer(args)
    report, totals = [], {"files": 0, "mentions": 0, "refused": 0, "unreadable": 0}
    for path in _text_files(args.paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError) as err:
            warn(f"{path}: skipped, cannot read as UTF-8 text ({err.__class__.__name__})")
            totals["unreadable"] += 1
            continue
        found = gz.spot(text, country=args.country, include_refused=True) if text.strip() else []
        mentions = [m for m in found if m.accepted]
        refused = [m for m in found if not m.accepted]
        totals["files"] += 1
        totals["mentions"] += len(mentions)
        totals["refused"] += len(refused)
        report.append(
            {
                "file": str(path),
                "mentions": [_mention_json(m) for m in mentions],
                "refused": [_mention_json(m) for m in refused],
            }
        )
        if not args.output:
            names = ", ".join(f"{m.text}→{m.place.name}" for m in mentions if m.place)
            print(f"{path}: {names or '(no places)'}")
    if args.output:
        write_atomic(args.output, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        print(f"wrote {args.output}", file=sys.stderr)
    print(
        f"strikemap: {totals['files']} files, {totals['mentions']} place mentions, "
        f"{totals['refused']} refused, {totals['unreadable']} unreadable",
        file=sys.stderr,
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    from gazetteer.index import build_index, index_path

    path = build_index(index_path())
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0
