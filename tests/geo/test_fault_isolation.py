"""An unexpected error inside one article costs that article only (issue 13).

The fault is injected by wrapping ``split_sentences`` as the pipeline sees it: any
article whose text holds ``POISON`` raises inside the extraction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import geo.extract.pipeline as pipeline
from geo.articles.article import Article
from geo.scale.run import extract_partitioned
from maps.cli import main

GOOD = "Rockets hit Erbil air base on 3 May 2022, killing two."
BAD = "POISON. Rockets hit Erbil air base on 4 May 2022."


def _poisoned(original: Any) -> Any:
    def split(text: str) -> Any:
        if "POISON" in text:
            raise ZeroDivisionError("poisoned article")
        return original(text)

    return split


@pytest.fixture
def poison(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "split_sentences", _poisoned(pipeline.split_sentences))


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(BAD, encoding="utf-8")
    (folder / "c.txt").write_text(GOOD.replace("Erbil", "Kirkuk"), encoding="utf-8")
    return folder


def _check_failed(entries: list[dict[str, Any]]) -> None:
    assert len(entries) == 1
    entry = entries[0]
    assert entry["source"] == "b" and entry["path"].endswith("b.txt")
    assert entry["error"] == "ZeroDivisionError: poisoned article"
    assert "test_fault_isolation.py" in entry["where"]


def test_extract_goes_on_after_an_unexpected_error(poison: None) -> None:
    arts = [Article("a", GOOD), Article("b", BAD, path="b.txt"), Article("c", GOOD)]
    result = pipeline.extract(arts, merge=False)
    assert result.diagnostics.articles == 3 and len(result.events) == 2
    _check_failed(result.diagnostics.failed)
    assert "1 articles that failed" in result.diagnostics.summary(2)


@pytest.mark.cli
def test_cli_exits_0_with_the_count_or_1_with_strict(
    poison: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "events.geojson"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "an unexpected error cost 1 article(s)" in err and "Traceback" not in err
    diagnostics = json.loads((tmp_path / "events.geojson.diagnostics.json").read_text())
    _check_failed(diagnostics["failed_articles"])
    assert len(json.loads(out.read_text())["features"]) == 2
    assert main(["extract", str(folder), "-o", str(out), "--strict"]) == 1


@pytest.mark.cli
def test_a_folder_run_isolates_the_article_in_its_block(
    poison: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "events"
    assert main(["extract", str(folder), "-o", str(out), "--strict"]) == 1
    assert "cost 1 article(s)" in capsys.readouterr().err
    _check_failed(json.loads((tmp_path / "events.diagnostics.json").read_text())["failed_articles"])
    assert (out / "_SUCCESS").is_file()


@pytest.mark.slow
def test_the_same_on_a_cluster_of_two_processes(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster
    from distributed.diagnostics.plugin import WorkerPlugin

    class Poison(WorkerPlugin):  # defined here so that it is pickled by value
        name = "poison"

        def setup(self, worker: Any) -> None:
            """Poison the pipeline in each worker process."""
            import geo.extract.pipeline as worker_pipeline

            worker_pipeline.split_sentences = _poisoned(worker_pipeline.split_sentences)

    folder = _folder(tmp_path)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(Poison())
        done = extract_partitioned(
            [str(folder)], tmp_path / "events", scheduler=cluster.scheduler_address, block_bytes=1
        )
    assert done.failed == 1 and done.events == 2 and done.blocks == 3
    _check_failed(json.loads(done.diagnostics.read_text())["failed_articles"])
