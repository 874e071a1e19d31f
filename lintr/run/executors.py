"""Where a run's batches are checked: in this process, on a pool of processes (``--jobs``) or
on a Dask cluster (``--scheduler``). The pool and Dask are imported only when chosen, so that
a one-pair pre-commit run does not pay for them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from lintr.registry import Registry
from lintr.run.batches import Checker
from lintr.run.discovery import Plan
from lintr.run.engine import Executor, SerialExecutor

# Inputs up to this size are checked on one process by default: starting workers costs
# more than it saves (about 1,500 pairs of news text).
SMALL_INPUT_BYTES = 2_000_000


class RunError(Exception):
    """The executor failed (no scheduler, a worker process killed): one line for the user."""


def input_bytes(plan: Plan) -> int:
    total = 0
    for job in plan.jobs:
        for path in job.paths:
            try:
                total += os.path.getsize(path)
            except OSError:
                pass
    return total


def small_input(plan: Plan) -> bool:
    """Whether ``plan`` is checked faster on one process than by starting workers."""
    return input_bytes(plan) <= SMALL_INPUT_BYTES


def default_jobs(plan: Plan) -> int:
    """Every core for a large input, one process for a small one (a pre-commit run)."""
    if small_input(plan):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def executor_for(
    registry: Registry, jobs: int | None = None, scheduler: str | None = None
) -> Iterator[Executor]:
    """The executor of a run, open while the run uses it: a Dask cluster's (of ``jobs``
    workers if it starts one), a pool of ``jobs`` processes, or this process. Its failures
    raise RunError."""
    if scheduler:
        with _on_dask(scheduler, jobs) as executor:
            yield executor
    elif jobs is None or jobs == 1:
        yield SerialExecutor(Checker(registry))
    else:
        with _on_pool(registry, jobs) as executor:
            yield executor


@contextmanager
def _on_dask(address: str, workers: int | None) -> Iterator[Executor]:
    from lintr.run.distributed import DaskExecutor, connect

    try:
        client, cluster = connect(address, workers)
    except RuntimeError as exc:
        raise RunError(str(exc)) from None
    try:
        yield DaskExecutor(client)
    except OSError as exc:  # the scheduler or a worker went away
        raise RunError(f"--scheduler {address}: {exc}") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _on_pool(registry: Registry, jobs: int) -> Iterator[Executor]:
    from concurrent.futures.process import BrokenProcessPool

    from lintr.run.pool import PoolExecutor

    try:
        yield PoolExecutor(registry, jobs)
    except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal)
        raise RunError(f"--jobs {jobs}: a worker process died: {exc}") from None
