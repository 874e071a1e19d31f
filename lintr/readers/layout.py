"""Whether two plain-text files are written in paragraphs or one segment per line.

A blank line means two different things in the two layouts: in paragraphs it separates
blocks, throughout the file and in both files; one segment per line, it is an empty segment
(often an empty translation, where the other file has text). Reading a line-per-segment pair
as paragraphs merges thousands of lines into a few giant pairs and hides the empty ones, so
paragraphs are taken only on evidence from both files.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Shape:
    """What the layout is decided on, gathered a line at a time (a file may stream)."""

    lines: int = 0
    filled: int = 0  # lines with text
    blocks: int = 0  # runs of lines with text
    longest: int = 0  # lines in the longest block
    by_blank: int = 0  # lines with text next to a blank line
    blanks: array = field(default_factory=lambda: array("q"))  # their line numbers, in order
    _run: int = 0  # lines with text since the last blank one
    _after_blank: bool = False  # the last line was blank
    _counted: bool = False  # the last line has text and is counted in by_blank

    def add(self, line: str) -> None:
        self.lines += 1
        if not line.strip():
            self.blanks.append(self.lines)
            self.by_blank += self._run > 0 and not self._counted
            self._run, self._after_blank, self._counted = 0, True, False
            return
        self.filled += 1
        self._run += 1
        self.blocks += self._run == 1
        self.longest = max(self.longest, self._run)
        self._counted = self._after_blank
        self.by_blank += self._counted
        self._after_blank = False

    def spaced(self) -> bool:
        """Blank lines between blocks throughout the file: most of its lines of text are
        next to one (a few isolated blank lines are empty segments)."""
        return self.blocks > 1 and 2 * self.by_blank >= self.filled


def shape_of(lines: Iterable[str]) -> Shape:
    shape = Shape()
    for line in lines:
        shape.add(line)
    return shape


def text_lines(text: str) -> list[str]:
    """A text's lines as editors count them (no empty line after a final newline)."""
    found = text.split("\n")
    if found and found[-1] == "":
        found.pop()
    return found


def in_paragraphs(source: Shape, target: Shape) -> bool:
    """Paragraphs when blocks of several lines are separated by blank lines throughout
    both files; with equal line counts, also some blank line at the same line in both
    (blank lines that never meet are empty segments, each facing text)."""
    several = any(s.blocks > 1 and s.longest > 1 for s in (source, target))
    if not (several and source.spaced() and target.spaced()):
        return False
    return source.lines != target.lines or _meet(source.blanks, target.blanks)


def _meet(first: array, second: array) -> bool:
    """Whether two ascending arrays share a value."""
    i = j = 0
    while i < len(first) and j < len(second):
        if first[i] == second[j]:
            return True
        if first[i] < second[j]:
            i += 1
        else:
            j += 1
    return False
