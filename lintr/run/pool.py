"""A pool of worker processes checking batches. Imported only when ``--jobs`` is above 1,
so that a one-pair pre-commit run does not pay for it."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from lintr.registry import Registry
from lintr.run.batches import Batch, BatchResult, Checker, finished, finishing

# Set in the parent just before the workers start: with the fork start method they inherit
# the loaded plugins (including any registered in-process); otherwise each loads them once.
_registry: Registry | None = None
_checker: Checker | None = None


def _start() -> None:
    global _checker
    if _registry is not None:
        _checker = Checker(_registry)
    else:
        from lintr import registry as plugins

        _checker = Checker(plugins.load())


def _check(batch: Batch) -> BatchResult:
    assert _checker is not None
    return _checker.check(batch)


class PoolExecutor:
    """Checks batches on ``jobs`` processes; results come back in batch order."""

    reads_files = True  # the workers run on this machine

    def __init__(self, registry: Registry, jobs: int, in_flight: int | None = None):
        self.registry = registry
        self.jobs = jobs
        # Batches sent before the parent has learned the length model: it takes one core,
        # the workers share the other, and the model takes 1-3 s (sample pass and lexicon).
        self.early_batches = 2 * jobs
        # Batches submitted and not yet consumed: enough to keep every worker busy while
        # the parent reads ahead, few enough that memory stays flat; more than the early
        # ones, so that the model is learned before the first early result is taken.
        self.in_flight = max(in_flight or 3 * jobs, self.early_batches + 1)

    def map(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        global _registry
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        _registry = self.registry if context.get_start_method() == "fork" else None
        window: deque[list] = deque()  # [batch, its future, its finishing future]
        # The length model of the early batches: that of the first batch sent after them
        # (only the first input has early batches, and it has a batch after them).
        model: Any = None
        with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_start) as pool:
            for batch in batches:
                if model is None and not batch.early:
                    model = batch.model
                window.append([batch, pool.submit(_check, batch), None])
                if len(window) >= self.in_flight:
                    yield _take(pool, window, model)
            while window:
                yield _take(pool, window, model)


def _take(pool: ProcessPoolExecutor, window: deque[list], model: Any) -> BatchResult:
    """The result of the first batch of ``window``; for an early one, with its pairs' rules
    that read the length model run again. The other early batches done by then are sent
    to be finished at the same time, so that a worker does not wait while the parent waits
    for one of them."""
    batch, future, rest = window.popleft()
    result = future.result()
    if not batch.early:
        return result
    for entry in window:
        if entry[0].early and entry[2] is None and entry[1].done():
            entry[2] = _finish(pool, entry[0], entry[1].result(), model)
    rest = rest or _finish(pool, batch, result, model)
    return result if rest is _NOTHING else finished(result, rest.result())


_NOTHING: Future[BatchResult] = Future()  # an early batch none of whose rules read the model


def _finish(pool: ProcessPoolExecutor, batch: Batch, result: BatchResult, model: Any) -> Future:
    rest = finishing(batch, result, model)
    return _NOTHING if rest is None else pool.submit(_check, rest)
