"""Where the tasks of a large run execute: in this process, or on a Dask cluster.

A runner is a function ``run(fn, items, options, label)`` that calls
``fn(*item, **options)`` for every item and returns, in item order, ``(result, "")``
or ``(None, "one-line error")``.  A failed task never stops the others, so a run
keeps every block that finished.  :func:`dask_runner` imports ``dask.distributed``
only when called, so a run in one process never loads it.

Examples
--------
>>> run = serial_runner()
>>> run(divmod, [(7, 2), (1, 0)], {}, "divide")
[((3, 1), ''), (None, 'ZeroDivisionError: integer division or modulo by zero')]
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from geo.errors import ScaleError

__all__ = ["Runner", "dask_client", "dask_runner", "open_runner", "serial_runner"]

Outcome = tuple[Any, str]
#: How long to try reaching an existing scheduler.
CONNECT_TIMEOUT = "20s"


class Runner(Protocol):
    """Calls ``fn(*item, **options)`` for each item; outcomes in item order."""

    def __call__(
        self,
        fn: Callable[..., Any],
        items: Sequence[tuple[Any, ...]],
        options: Mapping[str, Any],
        label: str,
    ) -> list[Outcome]: ...


def _one_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__


def serial_runner(*, progress: bool = False) -> Runner:
    """Run the tasks one after another in this process (a tqdm bar when ``progress``)."""

    def run(
        fn: Callable[..., Any],
        items: Sequence[tuple[Any, ...]],
        options: Mapping[str, Any],
        label: str,
    ) -> list[Outcome]:
        bar = None
        if progress and len(items) > 1:
            from tqdm import tqdm

            bar = tqdm(total=len(items), desc=label, file=sys.stderr, leave=False)
        outcomes: list[Outcome] = []
        for item in items:
            try:
                outcomes.append((fn(*item, **options), ""))
            except Exception as err:  # a failed block is reported, the others go on
                outcomes.append((None, _one_line(err)))
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        return outcomes

    return run


def _distributed() -> Any:
    """``dask.distributed``, imported on first use (and untyped for mypy)."""
    try:
        return importlib.import_module("distributed")
    except ImportError as err:  # pragma: no cover - distributed is a dependency
        raise ScaleError("--workers and --scheduler need dask.distributed installed") from err


def _client(workers: int | None, scheduler: str | None, stack: contextlib.ExitStack) -> Any:
    distributed = _distributed()
    if scheduler:
        try:
            return stack.enter_context(distributed.Client(scheduler, timeout=CONNECT_TIMEOUT))
        except (OSError, TimeoutError, ValueError) as err:
            raise ScaleError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    stack.enter_context(cluster)
    return stack.enter_context(distributed.Client(cluster))


@contextlib.contextmanager
def dask_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A ``dask.distributed`` client of a new local cluster of ``workers`` processes (one
    thread each), or of the cluster at ``scheduler``; closed on exit.

    While it is open it is Dask's default scheduler, so dask-geopandas work runs on it.
    """
    with contextlib.ExitStack() as stack:
        yield _client(workers, scheduler, stack)


@contextlib.contextmanager
def dask_runner(
    *, workers: int | None = None, scheduler: str | None = None, progress: bool = False
) -> Iterator[Runner]:
    """A runner on a new local cluster of ``workers`` processes, or on ``scheduler``.

    Tasks are retried on another worker when theirs dies (Dask's own recovery);
    ``progress`` shows Dask's progress bar on stderr.
    """
    with dask_client(workers=workers, scheduler=scheduler) as client:

        def run(
            fn: Callable[..., Any],
            items: Sequence[tuple[Any, ...]],
            options: Mapping[str, Any],
            label: str,
        ) -> list[Outcome]:
            distributed = _distributed()
            if not items:
                return []
            token = uuid.uuid4().hex[:8]
            keys = [f"{label}-{token}-{i:05d}" for i in range(len(items))]
            columns = [list(column) for column in zip(*items, strict=True)]
            task = functools.partial(fn, **options)
            futures = client.map(task, *columns, key=keys, pure=False)
            if progress:
                with contextlib.redirect_stdout(sys.stderr):
                    distributed.progress(futures)
            distributed.wait(futures)
            outcomes: list[Outcome] = []
            for future in futures:
                if future.status == "finished":
                    outcomes.append((future.result(), ""))
                else:
                    outcomes.append((None, _one_line(future.exception())))
            client.cancel(futures)
            return outcomes

        yield run


def open_runner(
    *, workers: int | None = None, scheduler: str | None = None, progress: bool = False
) -> contextlib.AbstractContextManager[Runner]:
    """The runner for these options: this process when neither ``workers`` nor
    ``scheduler`` is given (Dask is then never imported), else :func:`dask_runner`."""
    if workers is None and not scheduler:
        return contextlib.nullcontext(serial_runner(progress=progress))
    return dask_runner(workers=workers, scheduler=scheduler, progress=progress)
