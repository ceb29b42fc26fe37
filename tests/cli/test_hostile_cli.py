"""Validation at the command line (issue 13, point 8): usage errors, not silent runs."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from maps.cli import main

pytestmark = pytest.mark.cli
ARTICLE = "Rockets hit Erbil air base on 3 May 2022, killing two."


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("strikemap: error:") and "\n" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "argv",
    [["geocode", "Baghdad", "--limit", "-3"], ["gazetteer", "search", "Mosul", "--limit", "0"]],
)
def test_a_limit_below_one_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "must be a positive whole number" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["geocode", "Baghdad"], ["gazetteer", "search", "Baghdad"]])
def test_an_unknown_country_code_is_refused(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--country", "ZZ"]) == 1
    assert "unknown country code 'ZZ'" in _error(capsys)
    assert main([*argv, "--country", "iq"]) == 0


def test_map_refuses_an_output_that_is_no_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["map", str(tmp_path / "a.txt"), "-o", str(tmp_path / "x.png")]) == 2
    assert "give OUT ending in .html" in _error(capsys)
    assert not (tmp_path / "x.png").exists()


def test_blank_lines_on_stdin_are_skipped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Baghdad\n\n  \nMosul\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["geocode", "-", "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["Baghdad", "Mosul"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"strikemap {version('strikemap')}"


def test_two_outputs_with_one_stem_keep_a_diagnostics_file_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "events.geojson")]) == 0
    assert (
        main(["extract", str(tmp_path / "in" / "a.txt"), "-o", str(tmp_path / "events.gpkg")]) == 0
    )
    first = json.loads((tmp_path / "events.geojson.diagnostics.json").read_text())
    second = json.loads((tmp_path / "events.gpkg.diagnostics.json").read_text())
    assert first["articles"] == second["articles"] == 1
    assert f"and {tmp_path / 'events.gpkg.diagnostics.json'}" in capsys.readouterr().err


def test_an_inferred_publication_date_is_no_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)  # no publication date: inferred from the text
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00\xd8 not text")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "e.geojson")]) == 0
    err = capsys.readouterr().err
    assert "1 unreadable inputs, 1 publication dates inferred or missing" in err


def test_warnings_are_one_strikemap_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The online fallback warns when its server refuses (port 1 on 127.0.0.1: no network)."""
    import socket

    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    from gazetteer.index import index_path, open_index

    open_index().close()  # the built index, shared with the cache folder of this test
    (tmp_path / index_path().name).symlink_to(index_path())
    monkeypatch.setenv("STRIKEMAP_CACHE", str(tmp_path))  # the online cache goes here
    argv = ["geocode", "Xqzwv Unknownplace", "--online", "nominatim", "--user-agent", "test"]
    assert main([*argv, "--online-domain", f"127.0.0.1:{port}"]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and all(line.startswith("strikemap: warning: ") for line in lines), err
    assert "Warning:" not in err and any("nominatim" in line for line in lines), err
