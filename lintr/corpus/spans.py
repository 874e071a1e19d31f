"""File locations of many spans of one pair side, fast: the corpus rules record a place for
every word or name they see, and ``PairSide.location`` finds a segment's line starts anew on
each call."""

from __future__ import annotations

import bisect
from itertools import pairwise

from lintr.model import PairSide

# path, line, column, end line, end column (end exclusive, as in Location)
Place = tuple[str, int, int, int, int]


class Spans:
    """Maps offsets of ``side.text`` to file positions, with each segment's line starts
    found once."""

    def __init__(self, side: PairSide):
        self._side = side
        self._seg_starts: list[int] = []
        self._lines: list[list[int]] = []
        pos = 0
        for seg in side.segments:
            self._seg_starts.append(pos)
            starts, found = [0], seg.text.find("\n")
            while found != -1:
                starts.append(found + 1)
                found = seg.text.find("\n", found + 1)
            self._lines.append(starts)
            pos += len(seg.text) + 1

    def _position(self, offset: int) -> tuple[str, int, int]:
        i = max(bisect.bisect_right(self._seg_starts, offset) - 1, 0)
        seg, local = self._side.segments[i], offset - self._seg_starts[i]
        starts = self._lines[i]
        k = bisect.bisect_right(starts, local) - 1
        if k == 0:
            return seg.path, seg.line, seg.column + local
        return seg.path, seg.line + k, local - starts[k] + 1

    def place(self, start: int, end: int) -> Place:
        """The location of ``text[start:end]`` (a non-empty span), as PairSide.location."""
        path, line, column = self._position(start)
        _, end_line, end_column = self._position(end - 1)
        return (path, line, column, end_line, end_column + 1)


class FirstPlaces:
    """Which keys a corpus rule has seen its first ``limit`` places of, in this process.

    Batches mostly come in file order: then a key's later places can never be among the
    first ones the merged state keeps, and the rule need not locate them. ``placed`` counts
    the places recorded per key, ``full`` holds the keys that reached the limit; a batch
    out of order (a worker given batches 1 and 3 after 5) starts the bookkeeping again."""

    __slots__ = ("frontier", "full", "placed")

    def __init__(self) -> None:
        self.placed: dict = {}
        self.full: set = set()
        self.frontier: tuple[str, int, int] | None = None

    def begin(self, sides: list[PairSide]) -> bool:
        """Start a batch of ``sides`` (in batch order); whether they come in file order after
        the batches before, so that counting places is allowed."""
        positions = [_start(side) for side in sides]
        in_order = all(a <= b for a, b in pairwise(positions))
        if not in_order or (self.frontier is not None and positions[0] < self.frontier):
            self.placed.clear()
            self.full.clear()
        if in_order:
            self.frontier = positions[-1]
        return in_order

    def count(self, key, limit: int) -> bool:
        """Count one more place of ``key``; whether it now has all ``limit`` of them."""
        self.placed[key] = count = self.placed.get(key, 0) + 1
        if count >= limit:
            self.full.add(key)
            return True
        return False


def _start(side: PairSide) -> tuple[str, int, int]:
    seg = side.segments[0]
    return (seg.path, seg.line, seg.column)
