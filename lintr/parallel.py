"""A pool of worker processes checking batches. Imported only when ``--jobs`` is above 1,
so that a one-pair pre-commit run does not pay for it."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from lintr.batches import Batch, BatchResult, Checker, finished, finishing
from lintr.plugins import Registry

# Set in the parent just before the workers start: with the fork start method they inherit
# the loaded plugins (including any registered in-process); otherwise each loads them once.
_registry: Registry | None = None
_checker: Checker | None = None


def _start() -> None:
    global _checker
    if _registry is not None:
        _checker = Checker(_registry)
    else:
        from lintr import plugins

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
        # Batches submitted and not yet consumed: enough to keep every worker busy while
        # the parent reads ahead, few enough that memory stays flat.
        self.in_flight = max(in_flight or 3 * jobs, jobs + 2)
        # One batch a worker while the parent learns the length model. More than one is
        # not needed: the parent takes a core, the workers share the other.
        self.early_batches = jobs

    def map(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        global _registry
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        _registry = self.registry if context.get_start_method() == "fork" else None
        window: deque[tuple[Batch, Future]] = deque()
        # The length model of the early batches: that of the first batch sent after them
        # (only the first input has early batches, and it has a batch after them).
        model: Any = None
        with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_start) as pool:
            for batch in batches:
                if model is None and not batch.early:
                    model = batch.model
                window.append((batch, pool.submit(_check, batch)))
                if len(window) >= self.in_flight:
                    yield _result(pool, *window.popleft(), model)
            while window:
                yield _result(pool, *window.popleft(), model)


def _result(pool: ProcessPoolExecutor, batch: Batch, future: Future, model: Any) -> BatchResult:
    """The result of ``batch``; for an early one, with its pairs' rules that read the length
    model run again (on whichever worker is free: it waits behind the batches in flight,
    which keep the workers busy meanwhile)."""
    result = future.result()
    rest = finishing(batch, result, model) if batch.early else None
    if rest is None:
        return result
    return finished(result, pool.submit(_check, rest).result())
