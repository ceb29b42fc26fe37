"""Property-based fuzzing of every reader and of spot / resolve (issue 13).

Inputs mix random text with hostile fragments (formulas, invisible characters, deep
nesting, NUL bytes, markup).  The properties: no exception other than the package's own
errors (``GeoError``, ``GazetteerError``), and nothing dropped without a diagnostic.
The budget is small and derandomised (the same examples every run), so ``make test``
stays quick; raise ``FUZZ_EXAMPLES`` to fuzz longer by hand.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer
from gazetteer.errors import GazetteerError
from geo.articles.readers import read_articles
from geo.errors import GeoError
from geo.extract.pipeline import extract
from geo.formats.readwrite import read_events_report

ROOT = Path(__file__).resolve().parents[1]
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FRAGMENTS = [
    '=HYPERLINK("http://x")',
    "+1",
    "-",
    "@",
    "\u202e",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\x00",
    "[" * 3000,
    "{",
    '"',
    ",",
    "\n",
    "\r\n",
    "---\n",
    "<html><body><p>",
    "<script>",
    " struck ",
    " killing four",
    " on Monday",
    "a base near Sanaa",
    "Baghdad",
    "Kir\u200bkuk",
    "2024-13-45",
    "NaN",
    "1e999",
]
TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=25).map(
    "".join
)
CELL = st.one_of(TEXT, st.sampled_from(["", "strike", "attack", "2024-01-05", "36.2", "-200"]))


def _allowed(err: BaseException) -> bool:
    return isinstance(err, GeoError | GazetteerError)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]),
            st.one_of(TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_article_files(files: list[tuple[str, bytes]]) -> None:
    """Every file gives articles or a listed problem; extraction never fails an article."""
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for n, (suffix, data) in enumerate(files):
            path = Path(tmp, f"f{n}{suffix}")
            path.write_bytes(data)
            names.append(str(path))
        read = read_articles([tmp])
        for name in names:
            got = any(a.path == name for a in read.articles)
            told = any(p.path.split(":")[0] == name for p in read.problems)
            assert got or told, name
        result = extract(read.articles)
        assert result.diagnostics.failed == []


@FUZZ
@given(st.lists(st.lists(CELL, min_size=0, max_size=5), max_size=5))
def test_manifests(rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.txt").write_text("Rockets hit Erbil air base on 3 May 2022.")
        with open(Path(tmp, "manifest.csv"), "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["file", "outlet", "headline", "published"])
            writer.writerows(rows)
        try:
            read = read_articles([tmp], manifest=Path(tmp, "manifest.csv"))
        except GeoError:
            return
        assert [a.path for a in read.articles] == [str(Path(tmp, "a.txt"))]


FEATURE = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["Feature", "Feature", "Point", ""]),
        "geometry": st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["Point", "LineString", "Nope"]),
                    "coordinates": st.one_of(
                        st.tuples(st.floats(), st.floats()).map(list),
                        st.lists(CELL, max_size=2),
                    ),
                }
            ),
        ),
        "properties": st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(["kind", "date", "event_id", "fatalities", "sources", "x"]),
                st.one_of(CELL, st.integers(), st.none(), st.lists(CELL, max_size=2)),
                max_size=6,
            ),
        ),
    }
)


def _check_report(path: Path, count: int | None) -> None:
    try:
        frame, problems = read_events_report(path)
    except GeoError:
        return
    left_out = frame.attrs.get("left_out", [])
    if count is not None:  # every row is an event or a listed problem
        assert len(frame) + len(problems) + len(left_out) >= count, (len(frame), problems)


@FUZZ
@given(st.lists(FEATURE, max_size=5))
def test_geojson_events(features: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "events.geojson")
        text = json.dumps({"type": "FeatureCollection", "features": features}, allow_nan=True)
        path.write_text(text, encoding="utf-8")
        _check_report(path, len(features))


def _csv_file(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(row[: len(header)] + [""] * (len(header) - len(row)) for row in rows)


def _sample(name: str) -> tuple[list[str], list[list[str]]]:
    with open(ROOT / "tests" / "data" / name, encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    return table[0], table[1:]


@FUZZ
@given(
    st.sampled_from(["events.csv", "events.acled.csv", "events.ucdp.csv"]),
    st.lists(st.tuples(st.integers(0, 40), CELL), max_size=8),
    st.integers(1, 3),
)
def test_csv_acled_ucdp_events(name: str, edits: list[tuple[int, str]], rows: int) -> None:
    """Real rows (from the samples) with random cells replaced."""
    if name == "events.csv":
        header = ["event_id", "kind", "date", "fatalities", "sources", "lat", "lon"]
        table = [["e1", "strike", "2024-01-05", "2", '["a"]', "36.2", "44.0"]]
    else:
        header, table = _sample("acled_sample.csv" if "acled" in name else "ucdp_sample.csv")
    table = [list(table[i % len(table)]) for i in range(rows)]
    for n, (column, value) in enumerate(edits):
        row = table[n % len(table)]
        if column < len(row):
            row[column] = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, name)
        _csv_file(path, header, table)
        _check_report(path, rows)


@FUZZ
@given(
    st.sampled_from(["places.csv", "places.geojson", "places.yaml"]),
    st.lists(st.tuples(CELL, CELL, CELL), max_size=4),
)
def test_user_places(name: str, rows: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, name)
        if name.endswith(".csv"):
            _csv_file(path, ["name", "lat", "lon"], [list(r) for r in rows])
        elif name.endswith(".geojson"):
            features = [
                {
                    "type": "Feature",
                    "properties": {"name": n},
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                }
                for n, lat, lon in rows
            ]
            path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
        else:
            path.write_text(
                "\n".join(f"- {{name: {n!r}, lat: {a!r}, lon: {b!r}}}" for n, a, b in rows)
            )
        try:
            gz = Gazetteer(places=[path])
        except GazetteerError:
            return
        for n, _lat, _lon in rows:
            with contextlib.suppress(GazetteerError):
                gz.resolve(n)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    from gazetteer import default_gazetteer

    return default_gazetteer()


@FUZZ
@given(TEXT, st.one_of(st.none(), st.sampled_from(["IQ", "YE", "Syria", "ZZ", ""])))
def test_spot_and_resolve(gazetteer: Gazetteer, text: str, country: str | None) -> None:
    try:
        mentions = gazetteer.spot(text, country=country)
    except GazetteerError:
        mentions = []
    for m in mentions:
        assert text[m.start : m.end] == m.text
    with contextlib.suppress(GazetteerError):
        gazetteer.resolve(text, country=country)
