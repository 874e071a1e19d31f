"""File locations of many spans of one pair side, fast: the corpus rules record a place for
every word or name they see, and ``PairSide.location`` finds a segment's line starts anew on
each call."""

from __future__ import annotations

import bisect

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
