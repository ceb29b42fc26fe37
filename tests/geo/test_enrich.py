"""Regions and nearest sites for large tables: dask-geopandas over GeoParquet parts.

The partitioned pass (in this process, and on a LocalCluster of two processes) must give
the rows :func:`geo.analysis.enrich.enrich_events` gives on the whole table, sorted by event_id.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow
import pyarrow.parquet
import pytest

from benchmarks.corpus import write_corpus
from geo.analysis.enrich import enrich_events
from geo.analysis.regions import REGION_COLUMNS
from geo.errors import AnalysisError, ScaleError
from geo.formats.readwrite import read_events, write_events
from geo.scale.enrich import enrich_parquet
from geo.scale.run import extract_partitioned
from maps.cli import main

SITE_COLUMNS = ["site_id", "site_name", "site_kind", "site_km"]
ADDED = [*REGION_COLUMNS, *SITE_COLUMNS]


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    """A run's folder of parts (small blocks and bins: several parts) and the expected rows."""
    tmp = tmp_path_factory.mktemp("enrich")
    write_corpus(tmp / "articles", 120, seed=21)
    out = tmp / "events"
    extract_partitioned([tmp / "articles"], out, block_bytes=100_000, bin_events=40)
    whole = read_events(tmp / "events")  # the whole table, read as one frame
    expected = enrich_events(whole)[["event_id", *ADDED]]
    return out, expected.sort_values("event_id").reset_index(drop=True)


def _added(folder: Path) -> pd.DataFrame:
    frame = gpd.read_parquet(folder)
    return frame[["event_id", *ADDED]].sort_values("event_id").reset_index(drop=True)


def test_enrich_events_adds_regions_then_sites() -> None:
    from geo.frame import events_frame

    ev = events_frame([{"event_id": "e", "kind": "attack", "lat": 36.19, "lon": 44.01}])
    out = enrich_events(ev, sites=("airbase",))
    assert out.loc[0, "country"] == "IQ" and out.loc[0, "site_kind"] == "airbase"
    assert set(ADDED) <= set(out.columns)
    assert "site_id" not in enrich_events(ev, sites=())


def test_partitioned_in_this_process_equals_the_whole_table(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    source, expected = parts
    assert len(list(source.glob("part-*.parquet"))) > 1
    result = enrich_parquet(source, tmp_path / "enriched")
    assert result.rows == len(expected) and result.parts >= 1
    pd.testing.assert_frame_equal(_added(tmp_path / "enriched"), expected)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "staging left behind"


def test_a_file_with_arrow_lists_is_enriched_into_parts_with_json_lists(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    """A single GeoParquet file holds Arrow lists; Dask's parts get them as JSON text."""
    source, expected = parts
    single = write_events(read_events(source), tmp_path / "single.parquet")
    assert pyarrow.types.is_list(pyarrow.parquet.read_schema(single).field("sources").type)
    enrich_parquet(single, tmp_path / "enriched")
    pd.testing.assert_frame_equal(_added(tmp_path / "enriched"), expected)
    back = read_events(tmp_path / "enriched")
    assert back["sources"].map(len).sum() == read_events(source)["sources"].map(len).sum()


def test_a_leftover_temporary_part_is_skipped(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    """A write killed mid-way leaves ``.part-00000.parquetXXXX.parquet``, empty (issue 13)."""
    import shutil

    source, expected = parts
    copy = tmp_path / "events"
    shutil.copytree(source, copy)
    (copy / ".part-00000.parquetab12cd.parquet").write_bytes(b"")
    result = enrich_parquet(copy, tmp_path / "enriched")
    assert result.rows == len(expected)
    pd.testing.assert_frame_equal(_added(tmp_path / "enriched"), expected)


@pytest.mark.slow
def test_a_local_cluster_of_two_processes_equals_the_whole_table(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    source, expected = parts
    enrich_parquet(source, tmp_path / "enriched", workers=2)
    pd.testing.assert_frame_equal(_added(tmp_path / "enriched"), expected)


def test_bad_inputs_are_one_line_errors(parts: tuple[Path, pd.DataFrame], tmp_path: Path) -> None:
    source, _ = parts
    (tmp_path / "taken").mkdir()
    with pytest.raises(ScaleError, match="already exists"):
        enrich_parquet(source, tmp_path / "taken")
    mixed = tmp_path / "mixed"
    shutil.copytree(source, mixed)
    first = sorted(mixed.glob("part-*.parquet"))[0]
    gpd.read_parquet(first).assign(sources=lambda f: [[s] for s in f["sources"]]).to_parquet(first)
    with pytest.raises(AnalysisError, match="'sources' holds lists or records of another type"):
        enrich_parquet(mixed, tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(AnalysisError, match=r"no \.parquet parts"):
        enrich_parquet(tmp_path / "empty", tmp_path / "out")


@pytest.mark.cli
def test_cli_enriches_a_file_and_a_folder(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, expected = parts
    geojson = write_events(read_events(source), tmp_path / "events.geojson")
    assert main(["enrich", str(geojson), "-o", str(tmp_path / "rich.gpkg"), "--no-sites"]) == 0
    rich = read_events(tmp_path / "rich.gpkg")
    assert "site_id" not in rich and rich["region_source"].ne("").all()
    assert main(["enrich", str(source), "-o", str(tmp_path / "rich")]) == 0
    assert "enriched events" in capsys.readouterr().err
    pd.testing.assert_frame_equal(_added(tmp_path / "rich"), expected)
    assert main(["enrich", str(source), "-o", str(tmp_path / "rich")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("strikemap: error:") and "already exists" in err and "\n" not in err
    assert main(["enrich", str(geojson), "-o", str(tmp_path / "x.csv"), "--workers", "2"]) == 1


@pytest.mark.cli
def test_map_reads_a_folder_of_parts(parts: tuple[Path, pd.DataFrame], tmp_path: Path) -> None:
    source, expected = parts
    assert main(["map", str(source), "-o", str(tmp_path / "m.html")]) == 0
    assert not (tmp_path / "m.html.diagnostics.json").exists()  # read as events, not extracted
    assert len(read_events(source)) == len(expected)


@pytest.mark.cli
def test_a_folder_from_a_crashed_run_is_read_with_a_warning(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, _ = parts
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    kept = sorted(source.glob("*.parquet"))[:1]  # the parts written before the crash
    for part in kept:
        (crashed / part.name).write_bytes(part.read_bytes())
    rows = len(gpd.read_parquet(kept[0]))
    with pytest.warns(UserWarning, match=rf"no _SUCCESS marker.*read 1 part\(s\) with {rows} "):
        assert len(read_events(crashed)) == rows
    assert main(["map", str(crashed), "-o", str(tmp_path / "m.html")]) == 0
    err = capsys.readouterr().err
    assert f"strikemap: warning: {crashed}: no _SUCCESS marker" in err
    assert (tmp_path / "m.html").exists()


def test_complete_folders_are_read_without_a_warning(
    parts: tuple[Path, pd.DataFrame], tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    source, expected = parts
    result = enrich_parquet(source, tmp_path / "rich", sites=())
    assert (result.output / "_SUCCESS").exists()  # as extract -o DIR/ writes it
    assert len(read_events(source)) == len(read_events(result.output)) == len(expected)
    assert not [w for w in recwarn if "_SUCCESS" in str(w.message)]
