"""The ``strikemap geocode`` and ``gazetteer`` commands, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.cli
BIN = Path(sys.executable).parent / "strikemap"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(BIN), *args], input=stdin, capture_output=True, timeout=120, env=os.environ.copy()
    )


def test_geocode_json_shape() -> None:
    out = run("geocode", "Irbil", "K1 base outside Kirkuk", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["query"] for r in rows] == ["Irbil", "K1 base outside Kirkuk"]
    for r in rows:
        assert set(r) >= {
            "query",
            "name",
            "lat",
            "lon",
            "country",
            "kind",
            "score",
            "source",
            "candidates",
        }
        assert isinstance(r["candidates"], list)
    assert rows[0]["name"] == "Erbil" and rows[0]["country"] == "IQ"
    assert rows[1]["kind"] == "airbase"


def test_country_option_changes_answer() -> None:
    out = run("geocode", "Tripoli", "--country", "LB", "--json")
    assert json.loads(out.stdout)[0]["country"] == "LB"
    out = run("geocode", "Tripoli", "--country", "Lebanon", "--json")
    assert json.loads(out.stdout)[0]["country"] == "LB"


def test_unresolved_is_null_with_warning_and_exit_0() -> None:
    out = run("geocode", "Qqxzvwplk", "--json")
    assert out.returncode == 0
    row = json.loads(out.stdout)[0]
    assert (row["lat"], row["lon"], row["name"]) == (None, None, None)
    assert b"warning: no place found for 'Qqxzvwplk'" in out.stderr


def test_python_dash_m_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "maps.cli", "geocode", "Baghdad"], capture_output=True, timeout=120
    )
    assert out.returncode == 0 and b"Baghdad (IQ, capital)" in out.stdout


def _one_line_error(out: subprocess.CompletedProcess[bytes], needle: str) -> None:
    err = out.stderr.decode()
    assert out.returncode == 1, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("strikemap: error")]
    assert len(lines) == 1 and needle in lines[0], err


def test_empty_name() -> None:
    _one_line_error(run("geocode", ""), "name 1: empty place name")


def test_ten_megabyte_name_from_stdin() -> None:
    out = run("geocode", "-", stdin=b"A" * 10_000_000 + b"\n")
    _one_line_error(out, "stdin line 1: place name is 10,000,000 characters long")


def test_binary_junk_from_stdin() -> None:
    out = run("geocode", "-", stdin=b"\xff\xfe\x00\x01\x9c\x80junk\n")
    _one_line_error(out, "stdin line 1: place name is binary data")


def test_good_names_survive_a_bad_one() -> None:
    out = run("geocode", "-", "--json", stdin=b"Mosul\n\xff\xfe\x00junk\nBasra\n")
    assert out.returncode == 1
    assert [r["query"] for r in json.loads(out.stdout)] == ["Mosul", "Basra"]
    assert b"stdin line 2: place name is binary data" in out.stderr


def test_malformed_places_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nCamp X,123.5,44\n", encoding="utf-8")
    _one_line_error(run("geocode", "Camp X", "--places", str(bad)), "latitude 123.5 is outside")
    missing = tmp_path / "missing.csv"
    missing.write_text("name,lat\nCamp X,33\n", encoding="utf-8")
    _one_line_error(run("geocode", "X", "--places", str(missing)), "missing column 'lon'")


def test_unknown_country_is_one_line() -> None:
    _one_line_error(run("geocode", "Hit", "--country", "Narnia"), "unknown country 'Narnia'")


def test_gazetteer_search_lists_for_a_human() -> None:
    out = run("gazetteer", "search", "Balad")
    assert out.returncode == 0
    text = out.stdout.decode()
    assert " 1. " in text and "source:" in text and "Balad" in text


def test_gazetteer_spot_writes_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Drones struck the Ain al-Asad air base in Anbar on Tuesday.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe not utf8")
    out_file = tmp_path / "out" / "places.json"
    out = run("gazetteer", "spot", str(tmp_path), "-o", str(out_file))
    assert out.returncode == 0, out.stderr
    report = json.loads(out_file.read_text(encoding="utf-8"))
    names = [m["place"]["name"] for m in report[0]["mentions"]]
    assert names[0].startswith("Al Asad") or "Asad" in names[0]
    assert b"1 unreadable" in out.stderr and b"b.txt: skipped" in out.stderr
