"""``strikemap export``: conversions by extension, summaries and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo.formats import FORMATS
from geo.formats.readwrite import EXTENSIONS, read_events
from maps.cli import ARROW_POOL, export_cmd, main
from maps.cli.export_cmd import FORMAT_NAMES

pytestmark = pytest.mark.cli
DATA = Path(__file__).resolve().parents[1] / "data"
ACLED = DATA / "acled_sample.csv"
UCDP = DATA / "ucdp_sample.csv"


def test_format_names_match_the_registry() -> None:
    assert sorted(FORMAT_NAMES) == sorted(name.lower() for name in FORMATS)
    assert {EXTENSIONS[e] for e in EXTENSIONS} == set(FORMATS)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("## Exports and other formats", 1)[1].split("\n## ", 1)[0]
    for ending in EXTENSIONS:
        assert f"`{ending}`" in section, ending
        assert ending in export_cmd.DESCRIPTION, ending


def test_chain_of_conversions_gives_the_same_acled_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = ["a.geojson", "b.gpkg", "c.parquet", "d.kml", "e.csv", "f.json", "g.acled.csv"]
    source = ACLED
    for name in steps:
        assert main(["export", str(source), "-o", str(tmp_path / name)]) == 0
        source = tmp_path / name
    assert (tmp_path / "g.acled.csv").read_bytes() == ACLED.read_bytes()
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        f"strikemap: read 12 rows from {ACLED} (ACLED)",
        f"strikemap: wrote 12 events to {tmp_path / 'a.geojson'} (GeoJSON)",
    ]
    assert err[-1] == f"strikemap: wrote 12 events to {tmp_path / 'g.acled.csv'} (ACLED)"


def test_format_option_and_ucdp(tmp_path: Path) -> None:
    assert main(["export", str(UCDP), "-o", str(tmp_path / "ged.kml")]) == 0
    out = tmp_path / "ged.csv"
    assert main(["export", str(tmp_path / "ged.kml"), "-o", str(out), "--format", "UCDP"]) == 0
    assert out.read_bytes() == UCDP.read_bytes()
    plain = tmp_path / "plain.csv"
    assert main(["export", str(out), "-o", str(plain), "--format", "csv"]) == 0
    assert "lat" in pd.read_csv(plain).columns  # strikemap's own CSV
    assert (
        main(["export", str(out), "-o", str(tmp_path / "x.geojson"), "--input-format", "csv"]) == 1
    )


def _bad_acled(tmp_path: Path) -> Path:
    table = pd.read_csv(ACLED, dtype=str, keep_default_na=False)
    table.loc[2, "latitude"] = "200"
    table.loc[5, "event_date"] = "02/02/2024"
    table.loc[7, ["event_type", "sub_event_type"]] = ["Protests", "Peaceful protest"]
    path = tmp_path / "acled download.csv"
    table.to_csv(path, index=False)
    return path


def test_bad_rows_stop_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad_acled(tmp_path)
    out = tmp_path / "out.geojson"
    assert main(["export", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"strikemap: error: {path} row 3: latitude 200 is out of range (and 1 more bad row)\n"
    )
    assert not out.exists()


def test_skip_bad_keeps_good_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad_acled(tmp_path)
    out = tmp_path / "out.geojson"
    assert main(["export", str(path), "-o", str(out), "--skip-bad"]) == 0
    report_path = tmp_path / "out.geojson.diagnostics.json"
    assert len(read_events(out)) == 9
    assert capsys.readouterr().err.splitlines() == [
        f"strikemap: read 12 rows from {path} (ACLED)",
        "strikemap: 2 bad rows skipped:",
        f"strikemap:   {path} row 3: latitude 200 is out of range",
        f"strikemap:   {path} row 6: event_date '02/02/2024' is not an ACLED date "
        "(YYYY-MM-DD or 28 January 2024)",
        "strikemap: 1 row left out (not a strike or attack):",
        f"strikemap:   {path} row 8 (SYR21002): Protests: Peaceful protest is not a strike or "
        "attack",
        f"strikemap: wrote 9 events to {out} (GeoJSON)",
        f"strikemap: every row left out, with its id, in {report_path}",
    ]
    report = json.loads(report_path.read_text("utf-8"))
    assert [(r["row"], r["id"]) for r in report["bad_rows"]] == [(3, "IRQ31003"), (6, "IRQ31005")]
    assert report["left_out"] == [
        {
            "row": 8,
            "id": "SYR21002",
            "reason": "Protests: Peaceful protest is not a strike or attack",
        }
    ]


def test_skipped_ucdp_rows_are_in_the_diagnostics_with_their_ids(tmp_path: Path) -> None:
    table = pd.read_csv(UCDP, dtype=str, keep_default_na=False)
    table.loc[2, "latitude"] = "200"
    table.loc[4, "type_of_violence"] = "4"
    path = tmp_path / "ged.csv"
    table.to_csv(path, index=False)
    out = tmp_path / "out.parquet"
    assert main(["export", str(path), "-o", str(out), "--skip-bad"]) == 0
    report = json.loads((tmp_path / "out.parquet.diagnostics.json").read_text("utf-8"))
    assert report["bad_rows"] == [
        {"row": 3, "id": table.loc[2, "id"], "reason": "latitude 200 is out of range"},
        {
            "row": 5,
            "id": table.loc[4, "id"],
            "reason": "type_of_violence '4' is not one of 1, 2, 3",
        },
    ]
    assert len(read_events(out)) == len(table) - 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/none.csv", "-o", "{tmp}/x.geojson"], "{tmp}/none.csv: no such file"),
        (["{acled}", "-o", "{tmp}/x.shp"], "{tmp}/x.shp: unknown extension '.shp'; supported:"),
        (["{tmp}/x.geojson", "-o", "{tmp}/x.geojson"], "{tmp}/x.geojson: is also the input"),
    ],
)
def test_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "x.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    filled = [a.format(tmp=tmp_path, acled=ACLED) for a in args]
    assert main(["export", *filled]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"strikemap: error: {message.format(tmp=tmp_path)}")
    assert err.count("\n") == 1


def test_usage_error_exits_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(ACLED), "-o", str(tmp_path / "x.csv"), "--format", "shapefile"])
    assert exit_.value.code == 2


def test_python_dash_m(tmp_path: Path) -> None:
    out = tmp_path / "events.kml"
    done = subprocess.run(
        [sys.executable, "-m", "maps.cli", "export", str(ACLED), "-o", str(out)],
        capture_output=True,
        timeout=120,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == f"strikemap: wrote 12 events to {out} (KML)"
    assert list(read_events(out)["event_id"]) == list(read_events(ACLED)["event_id"])


def test_map_reads_acled_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad_acled(tmp_path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False).drop(index=[2, 5])
    table.to_csv(path, index=False)
    out = tmp_path / "map.html"
    assert main(["map", str(path), "-o", str(out), "--no-tiles"]) == 0
    captured = capsys.readouterr()
    assert f"{out}: 9 events" in captured.out
    assert f"{path}: 1 row(s) are not strikes or attacks; left out" in captured.err
    assert "Tower 22" in out.read_text("utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="the command picks Arrow's pool on Linux")
@pytest.mark.parametrize(("chosen", "pool"), [(None, ARROW_POOL), ("system", "system")])
def test_the_command_lets_arrow_allocate_with_jemalloc(chosen: str | None, pool: str) -> None:
    """Unless the user chose Arrow's memory pool, the command picks :data:`ARROW_POOL`."""
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if chosen:
        env["ARROW_DEFAULT_MEMORY_POOL"] = chosen
    code = (
        "from maps.cli import main; "
        f"main(['export', {str(ACLED)!r}, '-o', {str(ACLED)!r}]); "
        "import pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout.strip() == pool, done.stderr
