"""Shared fixtures: where ../shared is, and the default gazetteer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test when it is absent (but never in CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI always has ../shared")
        pytest.skip(f"{path} not present (a user's clone)")
    return path


@pytest.fixture(scope="session")
def gz():  # type: ignore[no-untyped-def]
    from gazetteer import default_gazetteer

    return default_gazetteer()
