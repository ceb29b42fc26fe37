"""UCDP GED's source columns ↔ strikemap's ``source_info`` list.

GED lists a event's sources in four ``;``-separated columns: ``source_article``
(the citation), ``source_office`` (the outlet), ``source_headline`` and
``source_date``. When the lists have the same length they are read as one
source each; otherwise the whole cells make one source, so nothing is lost.

Examples
--------
>>> row = {"source_article": "Reuters 2024-01-02;AFP 2024-01-03",
...        "source_office": "Reuters;AFP", "source_date": "2024-01-02;2024-01-03"}
>>> infos = source_info(row)
>>> infos[1]
{'id': 'AFP 2024-01-03', 'outlet': 'AFP', 'headline': None, 'published': '2024-01-03'}
>>> source_columns(infos, [])["source_office"]
'Reuters;AFP'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

__all__ = ["FIELDS", "source_columns", "source_info"]

#: source_info key -> GED column.
FIELDS: Final = {
    "id": "source_article",
    "outlet": "source_office",
    "headline": "source_headline",
    "published": "source_date",
}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def source_info(row: Mapping[str, str]) -> list[dict[str, str | None]]:
    """The sources of a GED row as ``source_info`` dicts (``id`` never empty)."""
    parts = {}
    for key, column in FIELDS.items():
        cell = _text(row.get(column)).strip()
        parts[key] = [p.strip() for p in cell.split(";")] if cell else []
    lengths = {len(p) for p in parts.values() if p}
    if not lengths:
        return []
    if len(lengths) == 1:
        count = lengths.pop()
        infos = [{k: (p[i] or None) if p else None for k, p in parts.items()} for i in range(count)]
    else:
        infos = [{k: _text(row.get(c)).strip() or None for k, c in FIELDS.items()}]
    for info in infos:
        if not info["id"]:
            info["id"] = ", ".join(v for v in (info["outlet"], info["published"]) if v) or "?"
    return infos


def source_columns(infos: Sequence[Any], sources: Sequence[Any]) -> dict[str, str]:
    """The four GED source columns of an event's ``source_info`` (or bare ``sources``)."""
    dicts = [i for i in infos if isinstance(i, Mapping)]
    if not dicts:
        dicts = [{"id": str(s)} for s in sources]
    columns = {}
    for key, column in FIELDS.items():
        values = [_text(d.get(key)) for d in dicts]
        columns[column] = ";".join(values) if any(values) else ""
    return columns
