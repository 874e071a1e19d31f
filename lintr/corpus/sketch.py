"""A count-min sketch: approximate counts of many keys (word pairs) in fixed memory.

Counts never come out too low, and come out too high only by collisions, rare with the
default size (three rows of 2^20 counters, 12 MB, and up to 8 MB of keys not yet counted) below tens of millions of distinct keys.
Keys are 64-bit hashes: CRC-32 under two fixed seeds (Python's own ``hash`` changes between
runs). A word pair's key combines its two words' hashes with array arithmetic, so a batch of
word pairs is hashed and counted in numpy, not one Python call per pair. Sketches add up cell
by cell: merging batches in any order gives the same counts.

numpy is imported by the functions that use it, not with the module: importing it is a
third of a one-pair run's start-up, and a few words are keyed and kept without it.
"""

from __future__ import annotations

import zlib
from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

ROWS = 3
SEED = 0x9E3779B9
WIDTH_BITS = 20
MASK = (1 << WIDTH_BITS) - 1
# Odd 64-bit multiplier (the golden ratio's): mixes the first word's hash into the pair's.
_MIX = 0x9E3779B97F4A7C15
# Keys are held as plain hashes until there are this many (8 MB), then folded into the
# arrays: a sketch costs nothing for a small corpus or one pair, and the sketch of one batch
# (about 70,000 word pairs for 500 pairs of news text) travels from a worker as its keys
# (0.6 MB) instead of the 12 MB table, and is folded in by the process that merges, once
# per ~15 batches instead of once per batch.
PENDING_LIMIT = 1 << 20
FLUSH_SLICE = 1 << 16
# Below this many words, word pairs are keyed in plain Python: arrays pay off only on many
# words, and a small run (one pair, a pre-commit hook) then never imports numpy.
SMALL = 1000


def hash64(key: str) -> int:
    data = key.encode("utf-8")
    return zlib.crc32(data) | (zlib.crc32(data, SEED) << 32)


def hashes(keys: list[str], cache: dict[str, int], prefix: str = "") -> np.ndarray:
    """The 64-bit hash of ``prefix + key`` for every key, each distinct key hashed once
    (``cache``, one per prefix, keeps them between calls)."""
    _cache(keys, cache, prefix)
    import numpy as np  # on first use: see the module's docstring

    return np.fromiter(map(cache.__getitem__, keys), dtype=np.uint64, count=len(keys))


def _cache(keys: list[str], cache: dict[str, int], prefix: str) -> None:
    """Put the hash of ``prefix + key`` of every key in ``cache``, bounded in size."""
    missing = set(keys).difference(cache)
    if len(cache) + len(missing) > 1 << 20:
        cache.clear()
        missing = set(keys)
    for key in missing:
        cache[key] = hash64(prefix + key)


def word_pair_keys(
    sides: list[list[str]], flat: list[str], cache: dict[str, int], prefix: str = ""
) -> np.ndarray | array[int]:
    """The key of every two consecutive words of each side (never the last word of one side
    with the first of the next), its words hashed as ``hashes`` does; ``flat`` is every
    word of ``sides`` in order."""
    if len(flat) < SMALL:
        _cache(flat, cache, prefix)
        keys = array("Q")
        for words in sides:
            h = [cache[word] for word in words]
            keys.extend(map(pair_hash, h, h[1:]))
        return keys
    import numpy as np  # on first use: see the module's docstring

    each = hashes(flat, cache, prefix)
    valid = np.ones(len(flat) - 1, dtype=bool)
    starts = np.cumsum([len(words) for words in sides])[:-1]
    starts = starts[(starts > 0) & (starts < len(flat))]
    valid[starts - 1] = False  # the last word of a side and the first of the next
    return pair_hashes(each[:-1][valid], each[1:][valid])


def pair_hashes(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The key of each ordered pair (first[i], second[i]) of hashed words."""
    import numpy as np  # on first use: see the module's docstring

    return first * np.uint64(_MIX) + second  # wraps modulo 2^64, as intended


def pair_hash(first: int, second: int) -> int:
    """``pair_hashes`` for one pair."""
    return (first * _MIX + second) & 0xFFFFFFFFFFFFFFFF


def _cells(keys: np.ndarray) -> np.ndarray:
    """Each key's cell in each row (ROWS x n): double hashing on the key's two halves
    (Kirsch and Mitzenmacher), as good as one hash per row for a count-min sketch."""
    import numpy as np  # on first use: see the module's docstring

    first = keys & np.uint64(0xFFFFFFFF)
    second = (keys >> np.uint64(32)) | np.uint64(1)
    rows = [(first + np.uint64(row) * second) & np.uint64(MASK) for row in range(ROWS)]
    return np.stack(rows).astype(np.intp)


class Sketch:
    __slots__ = ("pending", "size", "table")

    def __init__(self) -> None:
        # Arrays of 64-bit keys not yet in the table (numpy's, or the array module's).
        self.pending: list[np.ndarray | array[int]] = []
        self.size = 0  # keys pending
        self.table: np.ndarray | None = None

    def add(self, key: str) -> None:
        self.add_hashes(array("Q", [hash64(key)]))

    def add_hashes(self, keys: np.ndarray | array[int]) -> None:
        if len(keys):
            self.pending.append(keys)
            self.size += len(keys)
            if self.size >= PENDING_LIMIT:
                self._flush()

    def absorb(self, other: Sketch) -> None:
        self.pending.extend(other.pending)
        self.size += other.size
        if other.table is not None:
            self._ensure()
            self.table += other.table
        if self.size >= PENDING_LIMIT:
            self._flush()

    def count(self, key: str) -> int:
        return self.count_hash(hash64(key))

    def count_hash(self, key: int) -> int:
        # Everything goes into the table first: a count must not depend on which keys a
        # batching happened to leave pending.
        table = self.table
        if self.pending or table is None:
            table = self._flush()
        import numpy as np  # on first use: see the module's docstring

        cells = _cells(np.array([key], dtype=np.uint64))[:, 0]
        return int(min(table[row, cell] for row, cell in enumerate(cells)))

    def nbytes(self) -> int:
        return (0 if self.table is None else self.table.nbytes) + 8 * self.size

    def _ensure(self) -> np.ndarray:
        import numpy as np  # on first use: see the module's docstring

        if self.table is None:
            self.table = np.zeros((ROWS, 1 << WIDTH_BITS), dtype=np.int32)
        return self.table

    def _flush(self) -> np.ndarray:
        """The table, with every pending key counted in it."""
        table = self._ensure()
        if not self.pending:
            return table
        import numpy as np  # on first use: see the module's docstring

        keys = np.concatenate(self.pending)
        self.pending, self.size = [], 0
        # A slice at a time: the cells of a million keys at once would take about 80 MB.
        for start in range(0, len(keys), FLUSH_SLICE):
            cells = _cells(keys[start : start + FLUSH_SLICE])
            for row in range(ROWS):
                counts = np.bincount(cells[row], minlength=1 << WIDTH_BITS)
                table[row] += counts.astype(np.int32)
        return table
