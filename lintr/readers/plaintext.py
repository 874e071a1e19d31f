"""Two plain-text files: one segment per line, or one per paragraph where the files are
written in paragraphs (blank lines between blocks of several lines). Paired line by line
when the counts agree; otherwise aligned."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lintr.hookspecs import hookimpl
from lintr.model import Document, Segment
from lintr.readers import Bitext, ReadContext, Reader, line_segments, read_text
from lintr.readers.bilingual import blocks
from lintr.readers.lines import GRAIN, LineStream, Marks, placed_lines


def _in_paragraphs(text: str, path: str) -> bool:
    """Blocks of several lines separated by blank lines."""
    found = blocks(text, path)
    return len(found) > 1 and any("\n" in block.text for block in found)


class PlainTextPair(Reader):
    name = "text-pair"
    description = "two UTF-8 text files, one segment per line or per paragraph"
    single_file = False

    def read(self, paths: list[str], ctx: ReadContext) -> Bitext:
        source_path, target_path = paths
        source_text, target_text = read_text(source_path), read_text(target_path)
        source = Document(source_path, "source", ctx.source_lang or "")
        target = Document(target_path, "target", ctx.target_lang or "")
        if _in_paragraphs(source_text, source_path) or _in_paragraphs(target_text, target_path):
            source.segments = blocks(source_text, source_path)
            target.segments = blocks(target_text, target_path)
            return Bitext(source, target, line_aligned=False)
        source.segments = line_segments(source_text, source_path)
        target.segments = line_segments(target_text, target_path)
        return Bitext(source, target, line_aligned=True)

    def scan(self, paths: list[str], ctx: ReadContext) -> LineStream | None:
        """Two files with one segment per line and as many lines: a first pass (every check,
        the line count), then pairs read on demand. None for anything else (paragraphs,
        different line counts): those are read whole and aligned."""
        source_path, target_path = paths
        counts, starts = [], []
        for path in paths:
            count, paragraphs, at = _line_layout(path)
            if paragraphs:
                return None
            counts.append(count)
            starts.append(at)
        if counts[0] != counts[1]:
            return None
        marks = Marks([starts[0], starts[1]], array("q", range(0, counts[0], GRAIN)))

        def part(first: int, size: int) -> TextPairPart:
            offsets, before, skip = marks.near(first)
            return TextPairPart(first, size, source_path, target_path, offsets, before, skip)

        return LineStream(
            Document(source_path, "source", ctx.source_lang or ""),
            Document(target_path, "target", ctx.target_lang or ""),
            counts[0],
            lambda: _rows(source_path, target_path),
            part=part,
        )


@dataclass(frozen=True)
class TextPairPart:
    """``count`` pairs (lines) from pair ``first``: read from the byte ``offsets`` of the
    two files (``before`` lines into them), passing over ``skip`` lines first."""

    first: int
    count: int
    source_path: str
    target_path: str
    offsets: tuple[int, ...]
    before: int
    skip: int

    def rows(self) -> Iterator[tuple[Segment, Segment]]:
        at_source, at_target = self.offsets
        found = _rows(self.source_path, self.target_path, (at_source, at_target, self.before))
        return islice(found, self.skip, self.skip + self.count)


def _line_layout(path: str) -> tuple[int, bool, array]:
    """Lines, whether the file is in paragraphs (as _in_paragraphs decides), and where
    every GRAIN-th line starts."""
    count = found = 0
    run = 0  # non-blank lines in the current block
    several = False
    starts = array("q")
    for count, offset, line in placed_lines(path):
        if (count - 1) % GRAIN == 0:
            starts.append(offset)
        if line.strip():
            run += 1
            found += run == 1
            several = several or run > 1
        else:
            run = 0
    return count, found > 1 and several, starts


def _rows(
    source_path: str, target_path: str, start: tuple[int, int, int] = (0, 0, 0)
) -> Iterator[tuple[Segment, Segment]]:
    """The line pairs of the two files, from byte offsets ``start[:2]`` (``start[2]`` lines
    into them)."""
    at_source, at_target, before = start
    source_lines = placed_lines(source_path, False, at_source, before)
    target_lines = placed_lines(target_path, False, at_target, before)
    pairs = zip(source_lines, target_lines, strict=True)
    for (number, _, source), (_, _, target) in pairs:
        yield Segment(source, source_path, number, 1), Segment(target, target_path, number, 1)


@hookimpl
def lintr_readers() -> list[Reader]:
    return [PlainTextPair()]
