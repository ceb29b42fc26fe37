"""Synthetic country files in the GeoNames export format, for benchmarks (no network here).

The rows have the 19 columns of the real table, a feature-class mix close to a GeoNames
country file (populated places, water, terrain, spots, areas, admin divisions), Arabic-style
transliterated names with generic words (Tall, Jabal, Wadi, Ras, Mukhayyam), 0-5 alternate
names in Latin, Arabic and Cyrillic script, and coordinates inside the country's box.  They
are NOT GeoNames data: sizes and shapes are chosen to resemble the real files.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

#: Rows per synthetic country (the order of magnitude of the real files) and its box.
COUNTRIES = {
    "IQ": (35_000, (29.1, 37.4), (38.8, 48.6)),
    "SY": (40_000, (32.3, 37.3), (35.7, 42.4)),
    "YE": (50_000, (12.1, 19.0), (42.5, 53.1)),
    "JO": (20_000, (29.2, 33.4), (34.9, 39.3)),
}
_SYLLABLES = "ba ra ka ha sa ma na da ja la qa ta fa za sha kha ri mu bu su di ya wa".split()
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_CYRILLIC = "абвгдежзиклмнопрст"
# feature class, code, weight, generic word
_KINDS = [
    ("P", "PPL", 40, ""),
    ("P", "PPLX", 3, "Hayy"),
    ("H", "WLL", 8, "Bir"),
    ("H", "WAD", 8, "Wadi"),
    ("H", "SPNG", 4, "Ayn"),
    ("T", "HLL", 8, "Tall"),
    ("T", "MT", 4, "Jabal"),
    ("T", "PT", 1, "Ras"),
    ("S", "CMP", 2, "Mukhayyam"),
    ("S", "FRM", 6, "Mazraat"),
    ("S", "MSQE", 3, "Jami"),
    ("S", "BDG", 1, "Jisr"),
    ("L", "AREA", 5, ""),
    ("A", "ADM3", 2, "Nahiyat"),
    ("A", "ADM2", 1, "Qada"),
    ("R", "RD", 1, "Tariq"),
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _line(rng: random.Random, gid: int, cc: str, box: tuple[tuple[float, float], ...]) -> str:
    fclass, code, _, generic = rng.choices(_KINDS, weights=[k[2] for k in _KINDS])[0]
    base = _word(rng) + (f" al {_word(rng)}" if rng.random() < 0.3 else "")
    name = f"{generic} {base}" if generic and rng.random() < 0.7 else base
    alternates = []
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3, 5))):
        pick = rng.random()
        if pick < 0.5:
            alternates.append(name.replace("a", "e", 1))
        elif pick < 0.8:
            alternates.append("".join(rng.choice(_ARABIC) for _ in range(rng.randint(3, 8))))
        else:
            alternates.append("".join(rng.choice(_CYRILLIC) for _ in range(rng.randint(3, 8))))
    pop = int(rng.paretovariate(1.2) * 300) if fclass == "P" and rng.random() < 0.4 else 0
    lat = round(rng.uniform(*box[0]), 5)
    lon = round(rng.uniform(*box[1]), 5)
    cols = [
        gid,
        name,
        name,
        ",".join(alternates),
        lat,
        lon,
        fclass,
        code,
        cc,
        "",
        rng.randint(1, 18),
    ]
    cols += ["", "", "", pop, "", rng.randint(0, 2000), "Asia/Baghdad", "2024-05-01"]
    return "\t".join(map(str, cols)) + "\n"


def write_country(folder: Path, cc: str, rows: int, *, seed: int = 15, first_id: int = 0) -> Path:
    """Write ``folder/CC.zip`` (with ``CC.txt`` inside) of ``rows`` synthetic features."""
    box = COUNTRIES.get(cc, (0, (10.0, 40.0), (30.0, 60.0)))[1:]
    rng = random.Random(f"{seed}-{cc}")
    path = folder / f"{cc}.zip"
    start = first_id or 10_000_000 + 1_000_000 * (sum(map(ord, cc)) % 50)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open(f"{cc}.txt", "w") as raw:
        for i in range(rows):
            raw.write(_line(rng, start + i, cc, box).encode("utf-8"))  # type: ignore[arg-type]
    return path
