"""A pool of worker processes checking batches. Imported only when ``--jobs`` is above 1,
so that a one-pair pre-commit run does not pay for it."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from lintr.batches import Batch, BatchResult, Checker
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
        self.in_flight = in_flight or 3 * jobs

    def map(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        global _registry
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        _registry = self.registry if context.get_start_method() == "fork" else None
        window: deque[Future] = deque()
        with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_start) as pool:
            for batch in batches:
                window.append(pool.submit(_check, batch))
                if len(window) >= self.in_flight:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
