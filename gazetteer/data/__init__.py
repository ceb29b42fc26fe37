"""Data files written by the project: curated sites, region names, country aliases, waters.

Every shipped data file is read through :func:`load_yaml`, which caches it.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.resources import files
from typing import Any

import yaml

__all__ = ["DATA_FILES", "data_fingerprint", "load_yaml"]

#: The YAML files compiled into the index.
DATA_FILES = ("sites.yaml", "regions.yaml", "countries.yaml", "world.yaml")


def _read(name: str) -> bytes:
    return files("gazetteer.data").joinpath(name).read_bytes()


@functools.cache
def load_yaml(name: str) -> Any:
    """Return the parsed content of the shipped data file ``name`` (cached).

    Examples
    --------
    >>> "sites" in load_yaml("sites.yaml")
    True
    """
    if name not in DATA_FILES:
        raise ValueError(f"unknown data file {name!r}; expected one of {', '.join(DATA_FILES)}")
    return yaml.safe_load(_read(name))


def data_fingerprint() -> str:
    """Return a short hash of every shipped data file, to tell when the index is stale."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update(_read(name))
    return digest.hexdigest()[:16]
