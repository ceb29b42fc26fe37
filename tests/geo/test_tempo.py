"""tempo: counts per period on hand-built events, and the lazy exports of the geo package."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import pandas as pd
import pytest

import geo
from geo.analysis.timeline import NONE_LABEL, tempo
from geo.errors import AnalysisError
from geo.frame import events_frame

BAGHDAD = (33.3152, 44.3661)
ERBIL = (36.1901, 44.0091)


def _events() -> pd.DataFrame:
    rows = [
        ("a1", "attack", "2024-01-01", BAGHDAD, "rocket"),  # Monday of week 1
        ("a2", "attack", "2024-01-07", BAGHDAD, "drone"),  # Sunday of week 1
        ("s1", "strike", "2024-01-08", ERBIL, ""),  # Monday of week 2
        ("a3", "attack", "2024-01-29", ERBIL, "drone"),  # week 5; weeks 3 and 4 are empty
        ("u1", "strike", None, ERBIL, "drone"),
    ]
    return events_frame(
        {"event_id": i, "kind": k, "date": d, "lat": p[0], "lon": p[1], "weapon": w}
        for i, k, d, p, w in rows
    )


def test_weekly_counts_by_kind_with_every_week_present() -> None:
    counts = tempo(_events(), "W", by="kind")
    assert counts.index.strftime("%Y-%m-%d").tolist() == [
        "2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29",
    ]  # fmt: skip
    assert counts.index.name == "period" and counts.columns.tolist() == ["attack", "strike"]
    assert counts["attack"].tolist() == [2, 0, 0, 0, 1]
    assert counts["strike"].tolist() == [0, 1, 0, 0, 0]
    assert counts.attrs["undated"] == 1 and (counts.dtypes == "int64").all()


def test_monthly_counts_by_kind_and_region_assign_the_regions() -> None:
    counts = tempo(_events(), "M")
    assert counts.index.strftime("%Y-%m-%d").tolist() == ["2024-01-01"]
    assert isinstance(counts.columns, pd.MultiIndex)
    assert counts.columns.names == ["kind", "region"]
    assert counts.iloc[0].to_dict() == {
        ("attack", "Baghdad Governorate"): 2,
        ("attack", "Erbil Governorate"): 1,
        ("strike", "Erbil Governorate"): 1,
    }


def test_regions_already_assigned_are_used_and_empty_values_are_labelled() -> None:
    events = _events()
    events["admin1"] = ["", "North", "North", "", ""]
    events["admin1_code"] = ["XX.01", "XX.02", "XX.02", "", ""]
    events["region_source"] = "polygon"
    counts = tempo(events, "Y", by=("region", "weapon"))
    assert counts.iloc[0].to_dict() == {
        ("XX.01", "rocket"): 1,  # no name: the code
        ("North", "drone"): 1,
        ("North", NONE_LABEL): 1,
        (NONE_LABEL, "drone"): 1,
    }


def test_no_by_gives_one_column_and_other_week_ends_move_the_periods() -> None:
    counts = tempo(_events(), "W-SAT", by=())
    assert counts.columns.tolist() == ["events"]
    assert counts.index[0] == pd.Timestamp("2023-12-31")  # Sunday-to-Saturday weeks
    assert counts["events"].sum() == 4


def test_empty_and_undated_frames_give_empty_tables() -> None:
    assert tempo(_events().iloc[:0], by="kind").empty
    undated = _events().iloc[4:]
    counts = tempo(undated, by="kind")
    assert counts.empty and counts.attrs["undated"] == 1


@pytest.mark.parametrize(
    ("freq", "message"),
    [
        ("fortnight", "freq 'fortnight' is not a period alias"),
        ("2W", "freq '2W' is not one period of a day or more"),
        ("h", "freq 'h' is not one period of a day or more"),
        ("ME", "freq 'ME' is not a period alias"),
        (7, "freq must be a period alias"),
    ],
)
def test_bad_frequencies(freq: object, message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        tempo(_events(), freq, by="kind")  # type: ignore[arg-type]


def test_bad_by_and_missing_dates() -> None:
    with pytest.raises(AnalysisError, match="by: no column 'colour'; columns: region, event_id"):
        tempo(_events(), by=("kind", "colour"))
    with pytest.raises(AnalysisError, match="no date column"):
        tempo(_events().drop(columns="date"), by="kind")


def test_the_table_plots_one_line_per_column() -> None:
    matplotlib.use("Agg")
    counts = tempo(_events(), "W", by="kind")
    ax = counts.plot()
    assert len(ax.get_lines()) == 2
    matplotlib.pyplot.close("all")


def test_geo_exports_the_analysis_functions_lazily() -> None:
    assert geo.tempo is tempo and geo.__all__ == sorted(geo.__all__)
    for name in geo.__all__:
        assert callable(getattr(geo, name))
    with pytest.raises(AttributeError):
        geo.nothing  # noqa: B018
    code = "import sys, geo; print(sorted(m for m in ('geopandas', 'scipy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["assign_regions", "nearest_sites", "within", "link_responses"])
def test_options_are_keyword_only(name: str) -> None:
    import inspect

    params = inspect.signature(getattr(geo, name)).parameters.values()
    positional = [p.name for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    assert positional in (["events"], ["events", "kinds"], ["events", "place", "km"])
