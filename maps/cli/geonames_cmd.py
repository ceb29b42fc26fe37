"""``strikemap gazetteer add-geonames|sources|remove``: the full GeoNames, on demand."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register"]


def register(gsub: Any) -> None:
    """Add the GeoNames install commands to the ``strikemap gazetteer`` sub-parser."""
    add = gsub.add_parser(
        "add-geonames",
        help="add GeoNames export files or countries (IQ, YE...) to the on-disk index",
        description="Add places from files in the GeoNames export format (CC.zip, CC.txt, "
        "allCountries.zip, citiesNNN.zip, with alternateNamesV2.zip, admin1CodesASCII.txt, "
        "admin2Codes.txt for more names) or country codes downloaded from the export server. "
        "Data: GeoNames, CC BY 4.0.",
    )
    add.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, or a country code")
    add.add_argument(
        "--mirror", metavar="URL", help="export server (default download.geonames.org)"
    )
    add.add_argument("--quiet", action="store_true", help="no progress bars")
    add.set_defaults(run=_add)
    sources = gsub.add_parser("sources", help="list the GeoNames sources added")
    sources.set_defaults(run=_sources)
    remove = gsub.add_parser("remove", help="take an added source out (IQ, cities500...)")
    remove.add_argument("source", metavar="SOURCE")
    remove.set_defaults(run=_remove)


def _add(args: argparse.Namespace) -> int:
    from gazetteer.install.geonames import add_geonames

    progress = not args.quiet and sys.stderr.isatty()
    for r in add_geonames(args.sources, mirror=args.mirror, progress=progress):
        skipped = f", {r.skipped:,} country rows skipped (the index has countries)"
        print(
            f"strikemap: {r.source}: {r.rows:,} places, {r.names:,} names added in "
            f"{r.seconds:.1f} s{skipped if r.skipped else ''}",
            file=sys.stderr,
        )
    return 0


def _sources(args: argparse.Namespace) -> int:
    from gazetteer.install.store import installed_sources, store_path

    found = installed_sources()
    if not found:
        print("no GeoNames sources added (the embedded index only)", file=sys.stderr)
        return 0
    print("source\trows\tnames\tfile date\tadded\textras\torigin")
    for s in found:
        print(
            f"{s.name}\t{s.rows}\t{s.names}\t{s.file_date}\t{s.added}\t{s.extras or '-'}"
            f"\t{s.origin}"
        )
    print(f"{store_path()}", file=sys.stderr)
    return 0


def _remove(args: argparse.Namespace) -> int:
    from gazetteer.install.store import remove_source

    gone = remove_source(args.source)
    print(f"strikemap: removed {gone.name} ({gone.rows:,} places)", file=sys.stderr)
    return 0
