"""The Makefile: `make demo` installs the package alone, `make test` the test tools too.

Read with ``make -n`` (print the commands, run nothing) against a venv folder in a
temporary directory, so nothing is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")


def planned(target: str, venv: Path) -> str:
    done = subprocess.run(
        ["make", "-n", "-C", str(ROOT), f"VENV={venv}", target],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_demo_installs_the_package_without_the_test_tools(tmp_path: Path) -> None:
    plan = planned("demo", tmp_path / "venv")
    assert "pip install -q -e ." in plan
    assert "[dev]" not in plan


def test_test_after_demo_still_adds_the_test_tools(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / ".installed-run").touch()
    future = time.time() + 60
    os.utime(venv / ".installed-run", (future, future))  # newer than pyproject.toml
    assert "pip install" not in planned("demo", venv)
    plan = planned("test", venv)
    assert "pip install -q -e '.[dev]'" in plan
    assert "ipykernel install --user --name strikemap" in plan
