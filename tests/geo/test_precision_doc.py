"""docs/precision.md states the codes of geo/schema.py: its tables must match the dicts."""

from __future__ import annotations

import re
from pathlib import Path

from geo import schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "precision.md"


def _tables() -> dict[str, list[list[str]]]:
    """Markdown tables by their header row (names without backticks), body rows as cells."""
    tables: dict[str, list[list[str]]] = {}
    header = ""
    for line in DOC.read_text("utf-8").splitlines():
        if not line.startswith("|"):
            header = ""
            continue
        cells = [c.strip().replace("`", "") for c in line.strip("|").split("|")]
        if not header:
            header = " | ".join(cells)
            tables[header] = []
        elif not re.fullmatch(r"-+", cells[0]):
            tables[header].append(cells)
    return tables


def test_writing_tables_match_schema() -> None:
    tables = _tables()
    places = tables["strikemap geo_precision | ACLED geo_precision | UCDP where_prec"]
    assert {r[0]: int(r[1]) for r in places} == schema.ACLED_GEO_PRECISION
    assert {r[0]: int(r[2]) for r in places} == schema.UCDP_WHERE_PREC
    assert [r[0] for r in places] == list(schema.GEO_PRECISIONS)
    dates = tables["strikemap date_precision | ACLED time_precision | UCDP date_prec"]
    assert {r[0]: int(r[1]) for r in dates} == schema.ACLED_TIME_PRECISION
    assert {r[0]: int(r[2]) for r in dates} == schema.UCDP_DATE_PREC
    assert [r[0] for r in dates] == list(schema.DATE_PRECISIONS)


def test_reading_tables_match_schema() -> None:
    tables = _tables()
    expected = {
        "ACLED geo_precision | strikemap geo_precision": schema.FROM_ACLED_GEO_PRECISION,
        "UCDP where_prec | strikemap geo_precision": schema.FROM_UCDP_WHERE_PREC,
        "ACLED time_precision | strikemap date_precision": schema.FROM_ACLED_TIME_PRECISION,
        "UCDP date_prec | strikemap date_precision": schema.FROM_UCDP_DATE_PREC,
    }
    for header, codes in expected.items():
        assert {int(r[0]): r[1] for r in tables[header]} == codes, header


def test_every_code_is_read() -> None:
    """Reading knows every code the two codebooks define, and gives words of the schema."""
    assert sorted(schema.FROM_ACLED_GEO_PRECISION) == [1, 2, 3]
    assert sorted(schema.FROM_ACLED_TIME_PRECISION) == [1, 2, 3]
    assert sorted(schema.FROM_UCDP_WHERE_PREC) == [1, 2, 3, 4, 5, 6, 7]
    assert sorted(schema.FROM_UCDP_DATE_PREC) == [1, 2, 3, 4, 5]
    for codes in (schema.FROM_ACLED_GEO_PRECISION, schema.FROM_UCDP_WHERE_PREC):
        assert set(codes.values()) <= set(schema.GEO_PRECISIONS)
    for codes in (schema.FROM_ACLED_TIME_PRECISION, schema.FROM_UCDP_DATE_PREC):
        assert set(codes.values()) <= set(schema.DATE_PRECISIONS)
