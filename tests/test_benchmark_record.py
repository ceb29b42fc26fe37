"""benchmarks/record.py: a section is rewritten whole, or, for a partial run, row by row."""

from __future__ import annotations

from benchmarks.record import record_section


def test_a_full_run_rewrites_its_section_and_keeps_the_others(tmp_path) -> None:
    path = tmp_path / "benchmarks.md"
    record_section(path, "io", "box", {"a": "1 s", "b": "2 s"})
    record_section(path, "maps", "box", {"m": "3 s"})
    record_section(path, "io", "box", {"a": "4 s"})
    text = path.read_text(encoding="utf-8")
    assert "| a | 4 s |" in text and "| b |" not in text and "| m | 3 s |" in text


def test_a_partial_run_replaces_its_rows_only(tmp_path) -> None:
    path = tmp_path / "benchmarks.md"
    record_section(path, "io", "box", {"a": "1 s", "b": "2 s", "c": "x\\y"})
    intro = path.read_text(encoding="utf-8").split("\n\n")[2]
    record_section(path, "io", "other box", {"b": "5 s", "d": "6 s"}, only="--only map")
    text = path.read_text(encoding="utf-8")
    assert intro in text and "other box" not in text  # the full run's date and machine
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[1:3] == ["| a | 1 s |", "| b | 5 s (measured " + rows[2].split("(measured ")[1]]
    assert rows[2].endswith("with `--only map`) |") and rows[3] == "| c | x\\y |"
    assert rows[4].startswith("| d | 6 s (measured ")
