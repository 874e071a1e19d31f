"""A count-min sketch: approximate counts of many keys (word pairs) in fixed memory.

Counts never come out too low, and come out too high only by collisions, rare with the
default size (three rows of 2^20 counters, 12 MB) below tens of millions of distinct keys.
Keys are hashed with CRC-32 under fixed seeds (Python's own ``hash`` changes between runs),
and sketches add up cell by cell: merging batches in any order gives the same counts.
"""

from __future__ import annotations

import zlib

import numpy as np

ROWS = 3
SEED = 0x9E3779B9
WIDTH_BITS = 20
MASK = (1 << WIDTH_BITS) - 1
# Keys are held as plain hashes until there are this many, then folded into the arrays:
# a sketch costs nothing for a small corpus or one pair.
PENDING_LIMIT = 1 << 16


def key_hashes(key: str) -> tuple[int, ...]:
    """The key's cell in each row: two CRC-32s combined (Kirsch and Mitzenmacher's double
    hashing), cheaper than one hash per row and as good for a count-min sketch."""
    data = key.encode("utf-8")
    first, second = zlib.crc32(data), zlib.crc32(data, SEED) | 1
    return tuple((first + row * second) & MASK for row in range(ROWS))


class Sketch:
    __slots__ = ("pending", "table")

    def __init__(self) -> None:
        self.pending: list[tuple[int, ...]] = []
        self.table: np.ndarray | None = None

    def add(self, key: str) -> None:
        self.pending.append(key_hashes(key))
        if len(self.pending) >= PENDING_LIMIT:
            self._flush()

    def absorb(self, other: Sketch) -> None:
        self.pending.extend(other.pending)
        if other.table is not None:
            self._ensure()
            self.table += other.table
        if len(self.pending) >= PENDING_LIMIT:
            self._flush()

    def count(self, key: str) -> int:
        # Everything goes into the table first: a count must not depend on which keys a
        # batching happened to leave pending.
        if self.pending or self.table is None:
            self._flush()
        return int(min(self.table[row, h] for row, h in enumerate(key_hashes(key))))

    def nbytes(self) -> int:
        return (0 if self.table is None else self.table.nbytes) + 80 * len(self.pending)

    def _ensure(self) -> None:
        if self.table is None:
            self.table = np.zeros((ROWS, 1 << WIDTH_BITS), dtype=np.int32)

    def _flush(self) -> None:
        self._ensure()
        if not self.pending:
            return
        cells = np.array(self.pending, dtype=np.int64)
        for row in range(ROWS):
            np.add.at(self.table[row], cells[:, row], 1)
        self.pending = []
