"""The occurrences of a translation memory (one text's digest, its counterpart's digest, the
counterpart's place and a preview of it), kept in flat memory however large the corpus:
past RUN_SIZE occurrences they are sorted by digest and written to a temporary file as one
run, and the runs are read back together one range of digests at a time. The previews go
to a temporary file of their own; only those of texts found with two counterparts are read
back. An external sort, as ``lintr.run.spill`` does for findings.

numpy is imported by the methods that use it, not with the module: importing it is a third
of a one-pair run's start-up, and a table of one occurrence never needs it."""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator
from functools import cache
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Where a text occurs: path, line, column, end line, end column.
Where = tuple[str, int, int, int, int]


@cache
def record_dtype() -> np.dtype:
    """One occurrence on disk. ``seq`` is its place in merge order, which decides ties (the
    first preview of a counterpart); ``preview`` and ``size`` locate its preview's bytes."""
    import numpy as np  # on first use: see the module's docstring

    return np.dtype(
        [
            ("key", "<u8"),
            ("other", "<u8"),
            ("seq", "<u8"),
            ("preview", "<u8"),
            ("size", "<u4"),
            ("place", "<u4", (5,)),  # path (index in ``paths``), line, column, end line, end column
        ]
    )


# Occurrences held in memory before they are written out as one sorted run (about 4 MB),
# and read back together per range of digests at the end.
RUN_SIZE = 1 << 16
# Every FENCE-th digest of a run stays in memory: where a range of digests ends in the run.
FENCE = 256
# Bytes of previews held in memory before they are moved to the temporary file.
PREVIEW_SPILL = 1 << 22


class Use:
    """One (text, counterpart) combination: how often, where (first places), a preview of
    the counterpart."""

    __slots__ = ("count", "preview", "where")

    def __init__(self, preview: str) -> None:
        self.count = 0
        self.preview = preview
        self.where: list[Where] = []


class _Run:
    """One sorted run in the runs file: where it starts, how many occurrences, its fences."""

    __slots__ = ("count", "fences", "start")

    def __init__(self, start: int, count: int, fences: np.ndarray) -> None:
        self.start, self.count, self.fences = start, count, fences


class Table:
    """Every occurrence of one direction of the memory, in merge order. The newest (at most
    RUN_SIZE) are in flat arrays; the older in sorted runs on disk, with a few bytes per
    FENCE occurrences left in memory."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.path_index: dict[str, int] = {}
        self._new()
        self._base = 0  # the merge-order place of the first occurrence in the arrays
        self._runs: list[_Run] = []
        self._runs_file: IO[bytes] | None = None
        # The previews, UTF-8, one after the other: the first ``_flushed`` bytes in a
        # temporary file (once there are PREVIEW_SPILL of them), the rest here.
        self.previews = bytearray()
        self._previews_file: IO[bytes] | None = None
        self._flushed = 0

    def _new(self) -> None:
        self.keys = array("Q")
        self.others = array("Q")
        self.places = array("I")  # five per occurrence, as a record's place
        self.preview_starts = array("Q")
        self.preview_sizes = array("I")

    def __len__(self) -> int:
        return self._base + len(self.keys)

    def __getstate__(self) -> dict:
        """Pickled whole in memory (temporary files do not travel): every occurrence in
        merge order, every preview."""
        import numpy as np  # on first use: see the module's docstring

        records = np.concatenate([*self._read_runs(), self._records()])
        records = records[np.argsort(records["seq"], kind="stable")]
        return {
            "paths": self.paths,
            "records": records.tobytes(),
            "previews": self._bytes(0, self._preview_total()),
        }

    def __setstate__(self, state: dict) -> None:
        import numpy as np  # on first use: see the module's docstring

        Table.__init__(self)
        self.paths = state["paths"]
        self.path_index = {path: i for i, path in enumerate(self.paths)}
        self._append(np.frombuffer(state["records"], dtype=record_dtype()))
        self.previews = bytearray(state["previews"])

    def add(self, key: int, other: int, where: Where, preview: str) -> None:
        data = preview.encode("utf-8")
        self.keys.append(key)
        self.others.append(other)
        self.places.extend((self._path(where[0]), *where[1:]))
        self.preview_starts.append(self._preview_total())
        self.preview_sizes.append(len(data))
        self._add_previews(data)
        if len(self.keys) >= RUN_SIZE:
            self._spill()

    def absorb(self, other: Table) -> None:
        """Append ``other``'s occurrences after this table's."""
        import numpy as np  # on first use: see the module's docstring

        seq_shift, preview_shift = len(self), self._preview_total()
        remap = np.array([self._path(path) for path in other.paths], dtype=np.uint32)
        total = other._preview_total()
        for start in range(0, total, PREVIEW_SPILL):
            self._add_previews(other._bytes(start, min(start + PREVIEW_SPILL, total)))
        if other._runs:
            self._spill()
            for records in other._read_runs(RUN_SIZE):
                self._write_run(_shifted(records, seq_shift, preview_shift, remap), sort=False)
            self._base = seq_shift + other._base
        self._append(_shifted(other._records(), seq_shift, preview_shift, remap))

    def _append(self, records: np.ndarray) -> None:
        """Add occurrences given as records, the next in merge order (``seq`` is implied)."""
        import numpy as np  # on first use: see the module's docstring

        self.keys.frombytes(records["key"].tobytes())
        self.others.frombytes(records["other"].tobytes())
        self.places.frombytes(np.ascontiguousarray(records["place"]).tobytes())
        self.preview_starts.frombytes(records["preview"].tobytes())
        self.preview_sizes.frombytes(records["size"].tobytes())
        if len(self.keys) >= RUN_SIZE:
            self._spill()

    def _records(self) -> np.ndarray:
        """The occurrences in the arrays, as records."""
        import numpy as np  # on first use: see the module's docstring

        n = len(self.keys)
        records = np.empty(n, dtype=record_dtype())
        records["key"] = np.frombuffer(self.keys, dtype=np.uint64)
        records["other"] = np.frombuffer(self.others, dtype=np.uint64)
        records["seq"] = np.arange(self._base, self._base + n, dtype=np.uint64)
        records["preview"] = np.frombuffer(self.preview_starts, dtype=np.uint64)
        records["size"] = np.frombuffer(self.preview_sizes, dtype=np.uint32)
        records["place"] = np.frombuffer(self.places, dtype=np.uint32).reshape(n, 5)
        return records

    def _spill(self) -> None:
        """Write the occurrences of the arrays out as one sorted run."""
        if self.keys:
            self._write_run(self._records(), sort=True)
            self._base += len(self.keys)
            self._new()

    def _write_run(self, records: np.ndarray, sort: bool) -> None:
        import numpy as np  # on first use: see the module's docstring

        if sort:  # by digest, counterpart, then merge order
            records = records[np.lexsort((records["seq"], records["other"], records["key"]))]
        if self._runs_file is None:
            self._runs_file = tempfile.TemporaryFile(prefix="lintr-memory-")
        self._runs_file.seek(0, os.SEEK_END)
        start = self._runs_file.tell()
        self._runs_file.write(records.tobytes())
        self._runs.append(_Run(start, len(records), records["key"][::FENCE].copy()))

    def _read(self, run: _Run, first: int, stop: int) -> np.ndarray:
        import numpy as np  # on first use: see the module's docstring

        assert self._runs_file is not None  # written with the first run
        dtype = record_dtype()
        self._runs_file.seek(run.start + first * dtype.itemsize)
        return np.frombuffer(self._runs_file.read((stop - first) * dtype.itemsize), dtype)

    def _read_runs(self, block: int | None = None) -> Iterator[np.ndarray]:
        for run in self._runs:
            step = block or run.count
            for first in range(0, run.count, step):
                yield self._read(run, first, min(first + step, run.count))

    def _ranges(self) -> Iterator[np.ndarray]:
        """Every occurrence, a range of digests at a time (about RUN_SIZE occurrences, the
        digests being hashes), each range sorted by digest, counterpart and merge order."""
        import numpy as np  # on first use: see the module's docstring

        if not self._runs:
            records = self._records()
            yield records[np.lexsort((records["seq"], records["other"], records["key"]))]
            return
        self._spill()
        count = sum(run.count for run in self._runs)
        ranges = -(-count // RUN_SIZE)
        done = [0] * len(self._runs)
        for i in range(1, ranges + 1):
            high = (i << 64) // ranges  # 2**64 for the last: every digest left
            pieces = []
            for r, run in enumerate(self._runs):
                stop = run.count
                if i < ranges:
                    # Occurrences from fence f on have digests >= fences[f] >= high.
                    stop = min(int(np.searchsorted(run.fences, np.uint64(high))) * FENCE, run.count)
                if stop <= done[r]:
                    continue
                piece = self._read(run, done[r], stop)
                if i < ranges:
                    piece = piece[: int(np.searchsorted(piece["key"], np.uint64(high)))]
                done[r] += len(piece)
                pieces.append(piece)
            if pieces:
                records = np.concatenate(pieces)
                yield records[np.lexsort((records["seq"], records["other"], records["key"]))]

    def conflicts(self, limit: int) -> Iterator[tuple[int, dict[int, Use]]]:
        """Each digest found with two counterparts or more, in digest order, with its uses:
        the count, the first ``limit`` places in file order and the preview of the first
        occurrence in merge order of each counterpart."""
        if len(self) < 2:
            return
        import numpy as np  # only here: a table of one occurrence never needs it

        for records in self._ranges():
            k, o = records["key"], records["other"]
            new_key = np.r_[True, k[1:] != k[:-1]]
            new_use = new_key | np.r_[True, o[1:] != o[:-1]]
            starts = np.flatnonzero(new_key)
            stops = np.r_[starts[1:], len(k)]
            uses_per_key = np.add.reduceat(new_use.astype(np.int64), starts)
            for start, stop in zip(starts[uses_per_key > 1], stops[uses_per_key > 1], strict=True):
                yield int(k[start]), self._uses(records[start:stop], limit)

    def _uses(self, records: np.ndarray, limit: int) -> dict[int, Use]:
        uses: dict[int, Use] = {}
        for other, preview, size, place in zip(
            records["other"].tolist(),
            records["preview"].tolist(),
            records["size"].tolist(),
            records["place"].tolist(),
            strict=True,
        ):
            use = uses.get(other)
            if use is None:
                use = uses[other] = Use(self._bytes(preview, preview + size).decode("utf-8"))
            use.count += 1
            use.where.append((self.paths[place[0]], *place[1:]))
        for use in uses.values():
            use.where = sorted(use.where)[:limit]
        return uses

    def _path(self, path: str) -> int:
        index = self.path_index.get(path)
        if index is None:
            index = self.path_index[path] = len(self.paths)
            self.paths.append(path)
        return index

    def _preview_total(self) -> int:
        return self._flushed + len(self.previews)

    def _add_previews(self, data: bytes) -> None:
        self.previews += data
        if len(self.previews) >= PREVIEW_SPILL:
            if self._previews_file is None:
                self._previews_file = tempfile.TemporaryFile(prefix="lintr-previews-")
            self._previews_file.seek(0, os.SEEK_END)
            self._previews_file.write(self.previews)
            self._flushed += len(self.previews)
            self.previews = bytearray()

    def _bytes(self, start: int, end: int) -> bytes:
        """Bytes ``start:end`` of all the previews, from the file or from memory."""
        out = b""
        if start < self._flushed:
            assert self._previews_file is not None  # written with the first flushed byte
            self._previews_file.seek(start)  # writes seek back to the end first
            out = self._previews_file.read(min(end, self._flushed) - start)
        if end > self._flushed:
            out += bytes(self.previews[max(start - self._flushed, 0) : end - self._flushed])
        return out


def _shifted(records: np.ndarray, seq: int, preview: int, paths: np.ndarray) -> np.ndarray:
    """``records`` of another table as this one's: later in merge order, their previews
    after this table's, their paths renumbered."""
    import numpy as np  # on first use: see the module's docstring

    out = records.copy()
    out["seq"] += np.uint64(seq)
    out["preview"] += np.uint64(preview)
    if len(out):
        out["place"][:, 0] = paths[out["place"][:, 0]]
    return out
