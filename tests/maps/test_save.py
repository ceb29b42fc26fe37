"""save_map writes atomically: the old file or the whole new one, never a torn file."""

from __future__ import annotations

import os
import stat

import pytest

from maps.errors import MapInputError, MapWriteError
from maps.render import render_map
from maps.save import save_map


def test_writes_a_complete_page_and_creates_folders(tmp_path, sample) -> None:
    path = save_map(render_map(sample, tiles=None), tmp_path / "a" / "b" / "map.html")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert list(path.parent.iterdir()) == [path]
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()


def test_failed_replace_keeps_the_old_file_and_no_temporary(tmp_path, sample, monkeypatch) -> None:
    target = tmp_path / "map.html"
    target.write_text("old map", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(MapWriteError, match=r"map\.html: cannot write"):
        save_map(render_map(sample), target)
    assert target.read_text(encoding="utf-8") == "old map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_render_errors_happen_before_anything_is_written(tmp_path) -> None:
    target = tmp_path / "map.html"
    with pytest.raises(MapInputError, match="expected a folium map"):
        save_map("not a map", target)
    assert not target.exists()


def test_unwritable_folder_is_one_error(tmp_path, sample) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(MapWriteError) as info:
        save_map(render_map(sample), blocker / "map.html")
    assert isinstance(info.value, OSError) and "\n" not in str(info.value)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_the_next_save_removes_temporaries_a_killed_save_left(tmp_path, sample) -> None:
    stale = tmp_path / ".map.html.k3j_x9q2.tmp"
    running = tmp_path / ".map.html.a1b2c3d4.tmp"  # a save started after this process
    other = tmp_path / ".other.html.k3j_x9q2.tmp"
    for path in (stale, running, other):
        path.write_text("<html", encoding="utf-8")
    for path in (stale, other):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    save_map(render_map(sample), tmp_path / "map.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [other.name, running.name, "map.html"]
    )
