"""Counts of events over time, ready to plot: :func:`tempo`.

Examples
--------
>>> from geo.frame import events_frame
>>> ev = events_frame([
...     {"event_id": "a", "kind": "attack", "date": "2024-01-02", "lat": 33.3, "lon": 44.4},
...     {"event_id": "b", "kind": "strike", "date": "2024-01-20", "lat": 33.3, "lon": 44.4},
... ])
>>> counts = tempo(ev, freq="W", by="kind")
>>> counts.index.strftime("%Y-%m-%d").tolist(), counts.columns.tolist()
(['2024-01-01', '2024-01-08', '2024-01-15'], ['attack', 'strike'])
>>> counts["strike"].tolist()
[0, 0, 1]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from geo.analysis.sphere import check_events
from geo.errors import AnalysisError

if TYPE_CHECKING:
    import geopandas as gpd

    from gazetteer import Gazetteer

__all__ = ["NONE_LABEL", "tempo"]

#: Label of rows whose ``by`` value is null or empty.
NONE_LABEL = "(none)"
_FREQS = "D, W (weeks ending Sunday; W-MON ... W-SAT for other ends), M, Q or Y"


def _check_freq(freq: Any) -> str:
    """Return ``freq`` when it is a one-unit pandas period alias of a day or longer."""
    if not isinstance(freq, str):
        raise AnalysisError(f"freq must be a period alias ({_FREQS}), not {freq!r}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", FutureWarning)
            period = pd.Period("2024-01-10", freq=freq)
    except (ValueError, TypeError, FutureWarning) as err:
        raise AnalysisError(f"freq {freq!r} is not a period alias; use {_FREQS}") from err
    short = period.end_time - period.start_time < pd.Timedelta(hours=23)
    if period.freq.n != 1 or short:
        raise AnalysisError(f"freq {freq!r} is not one period of a day or more; use {_FREQS}")
    return freq


def _labels(frame: pd.DataFrame, name: str) -> pd.Series:
    """The ``by`` column ``name`` as text labels, NONE_LABEL for null or empty values."""
    if name == "region":
        names, codes = frame["admin1"].astype("str"), frame["admin1_code"].astype("str")
        values = names.where(frame["admin1"].notna() & (names != ""), codes)
        values = values.where(frame["admin1_code"].notna(), None)
    else:
        values = frame[name].astype("str").where(frame[name].notna(), None)
    return values.where(values.notna() & (values != ""), NONE_LABEL).astype("str")


def _with_regions(frame: gpd.GeoDataFrame, gazetteer: Gazetteer | None) -> gpd.GeoDataFrame:
    """``frame`` with admin1 names and codes, assigning them unless already assigned."""
    if {"admin1", "admin1_code", "region_source"} <= set(frame.columns):
        return frame
    from geo.analysis.regions import assign_regions

    result: gpd.GeoDataFrame = assign_regions(frame, gazetteer=gazetteer)
    return result


def tempo(
    events: gpd.GeoDataFrame,
    freq: str = "W",
    by: str | Iterable[str] = ("kind", "region"),
    *,
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """Count events per period, one column per combination of the ``by`` values.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events with a ``date`` column (ISO text or datetimes); undated rows are
        left out and counted in ``result.attrs["undated"]``.
    freq : str
        A pandas period alias of one unit: ``D``, ``W`` (Monday to Sunday),
        ``W-MON`` ... ``W-SAT``, ``M``, ``Q`` or ``Y``.
    by : str or iterable of str
        Columns to split the counts by; ``"region"`` is the first-level region
        (:func:`geo.analysis.regions.assign_regions` runs first unless the frame already
        has its columns; its admin1 name, else its code). ``()`` for one
        ``events`` column.
    gazetteer : Gazetteer, optional
        For assigning regions (default: the shared one).

    Returns
    -------
    pandas.DataFrame
        Index: the start date of every period from the first event's to the
        last's (a ``DatetimeIndex`` named ``period``), none missing. Columns:
        the ``by`` values seen (a ``MultiIndex`` when ``by`` has several
        names), each period's count, zero-filled, as integers. ``.plot()``
        draws one line per column.

    Raises
    ------
    AnalysisError
        For a bad ``freq``, a ``by`` name that is not a column, or no ``date`` column.
    """
    frame = check_events(events)
    period_alias = _check_freq(freq)
    names = (by,) if isinstance(by, str) else tuple(by)
    if "date" not in frame.columns:
        raise AnalysisError("events have no date column to count over time")
    unknown = [n for n in names if n != "region" and n not in frame.columns]
    if unknown:
        known = ", ".join(["region", *map(str, frame.columns)])
        raise AnalysisError(f"by: no column {', '.join(map(repr, unknown))}; columns: {known}")
    if "region" in names:
        frame = _with_regions(frame, gazetteer)
    dates = pd.to_datetime(frame["date"], errors="coerce", format="mixed")
    dated = dates.notna().to_numpy()
    periods = dates[dated].dt.to_period(period_alias)
    keys = [periods.rename("period")]
    keys += [_labels(frame, name)[dated].rename(name) for name in names]
    if not names:
        keys.append(pd.Series("events", index=periods.index, name="count"))
    counts = pd.concat(keys, axis=1).groupby(list(map(str, (k.name for k in keys)))).size()
    table: pd.DataFrame = counts.unstack(list(range(1, len(keys))), fill_value=0)
    span = pd.PeriodIndex([], freq=period_alias)
    if len(table):
        span = pd.period_range(periods.min(), periods.max(), freq=period_alias)
    table = table.reindex(span, fill_value=0)
    table.index = pd.DatetimeIndex(span.to_timestamp(how="start"), name="period")
    table = table.astype("int64")
    table.attrs["undated"] = int((~dated).sum())
    return table
