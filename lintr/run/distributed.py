"""Checking batches on a Dask distributed cluster (``lintr check --scheduler ADDRESS``), and
the partitions of a Dask bag or dataframe of pairs (``lintr.lint_dask``).

Dask is an optional dependency (``pip install 'lintr[dask]'``) imported only here. Every
worker needs lintr and the same plugins installed; each worker process loads them once.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from lintr.align.length import SAMPLE
from lintr.run.batches import Batch, BatchResult, Checker
from lintr.run.pairs import PairLike, pair_records, texts

_checker: Checker | None = None


def check_batch(batch: Batch) -> BatchResult:
    """Runs on a worker: the plugins are loaded on the first batch and kept."""
    global _checker
    if _checker is None:
        from lintr import registry as plugins

        _checker = Checker(plugins.load())
    return _checker.check(batch)


def _dask():
    try:
        import distributed
    except ImportError:
        raise RuntimeError(
            "--scheduler needs Dask: pip install 'lintr[dask]' (dask[distributed])"
        ) from None
    return distributed


def connect(address: str, workers: int | None = None) -> tuple[Any, Any]:
    """(client, cluster): a client of the scheduler at ``address``, or of a new
    LocalCluster of worker processes when ``address`` is "local" (cluster is None otherwise)."""
    distributed = _dask()
    if address == "local":
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        return distributed.Client(cluster), cluster
    try:
        return distributed.Client(address, timeout="10s"), None
    except OSError as exc:
        raise RuntimeError(f"--scheduler {address}: cannot connect: {exc}") from None


class DaskExecutor:
    """Submits batches to a Dask cluster, a few per worker at a time, and yields the results
    in batch order."""

    reads_files = False  # the workers may run on other machines
    early_batches = 0

    def __init__(self, client: Any, per_worker: int = 3):
        self.client = client
        self.per_worker = per_worker

    def map(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        window: deque = deque()
        for batch in batches:
            window.append(self.client.submit(check_batch, batch, pure=False))
            if len(window) >= self.per_worker * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


# A bag or dataframe of pairs: its partitions are checked on the workers, one batch each,
# and read there; only their first pairs come to the client, for the length model.


def as_bag(collection: Any, columns: tuple[str, str]) -> Any:
    """A Dask bag of pairs: ``collection`` itself, or the ``columns`` of a Dask dataframe."""
    if hasattr(collection, "to_bag"):  # a dask dataframe
        return collection[list(columns)].to_bag(index=False)
    return collection


def partition_head(partition: Iterable[PairLike]) -> tuple[int, list[tuple[str, str]]]:
    """Runs on a worker: the pairs in a partition, and the first of them (for the model)."""
    rows = list(partition)
    return len(rows), [texts(p) for p in rows[:SAMPLE]]


def check_partition(
    partition: Iterable[PairLike], first: int, batch: Batch, path: str
) -> BatchResult:
    """Runs on a worker: ``batch`` (rules, languages, model) over the pairs of a partition,
    the first of which is pair number ``first``."""
    batch.records = list(pair_records(partition, path, first, batch.model))
    return check_batch(batch)
