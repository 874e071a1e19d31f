"""Two plain-text files: one segment per line, or one per paragraph where the files are
written in paragraphs (blank lines between blocks, throughout both files: see
:mod:`lintr.readers.layout`). Paired line by line when the counts agree; otherwise aligned."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, zip_longest

from lintr.hookspecs import hookimpl
from lintr.model import Document, Segment
from lintr.readers import Bitext, InputError, ReadContext, Reader, line_segments, read_text
from lintr.readers.bilingual import blocks
from lintr.readers.layout import Shape, in_paragraphs, shape_of, text_lines
from lintr.readers.lines import GRAIN, LineStream, Marks, placed_lines


class PlainTextPair(Reader):
    name = "text-pair"
    description = "two UTF-8 text files, one segment per line or per paragraph"
    single_file = False

    def read(self, paths: list[str], ctx: ReadContext) -> Bitext:
        source_path, target_path = paths
        source_text, target_text = read_text(source_path), read_text(target_path)
        source = Document(source_path, "source", ctx.source_lang or "")
        target = Document(target_path, "target", ctx.target_lang or "")
        shapes = shape_of(text_lines(source_text)), shape_of(text_lines(target_text))
        if in_paragraphs(*shapes):
            source.segments = blocks(source_text, source_path)
            target.segments = blocks(target_text, target_path)
            bitext = Bitext(source, target, line_aligned=False)
            if shapes[0].lines == shapes[1].lines:
                bitext.notes.append(_paragraphs_note(source_path, target_path))
            return bitext
        source.segments = line_segments(source_text, source_path)
        target.segments = line_segments(target_text, target_path)
        return Bitext(source, target, line_aligned=True)

    def scan(self, paths: list[str], ctx: ReadContext) -> LineStream | None:
        """Two files with one segment per line and as many lines: a first pass (every check,
        the line count), then pairs read on demand. None for anything else (paragraphs,
        different line counts): those are read whole and aligned."""
        source_path, target_path = paths
        counts, starts, shapes = [], [], []
        for path in paths:
            count, shape, at = _line_layout(path)
            counts.append(count)
            shapes.append(shape)
            starts.append(at)
        if counts[0] != counts[1] or in_paragraphs(*shapes):
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


def _paragraphs_note(source_path: str, target_path: str) -> str:
    # Equal line counts would be paired line by line: say why they are not.
    return (
        f"{source_path} and {target_path} are written in paragraphs (blank lines between "
        "blocks): aligning paragraphs instead of pairing line by line"
    )


def _line_layout(path: str) -> tuple[int, Shape, array]:
    """Lines, what the layout is decided on, and where every GRAIN-th line starts."""
    shape = Shape()
    starts = array("q")
    for count, offset, line in placed_lines(path):
        if (count - 1) % GRAIN == 0:
            starts.append(offset)
        shape.add(line)
    return shape.lines, shape, starts


def _rows(
    source_path: str, target_path: str, start: tuple[int, int, int] = (0, 0, 0)
) -> Iterator[tuple[Segment, Segment]]:
    """The line pairs of the two files, from byte offsets ``start[:2]`` (``start[2]`` lines
    into them)."""
    at_source, at_target, before = start
    source_lines = placed_lines(source_path, False, at_source, before)
    target_lines = placed_lines(target_path, False, at_target, before)
    for source_line, target_line in zip_longest(source_lines, target_lines):
        if source_line is None or target_line is None:
            # The first pass counted as many lines in both: one changed since.
            shorter = source_path if source_line is None else target_path
            raise InputError(
                shorter,
                "changed while lintr was reading it (it has fewer lines now); run lintr again",
                (source_line or target_line)[0],
            )
        number, _, source = source_line
        target = target_line[2]
        yield Segment(source, source_path, number, 1), Segment(target, target_path, number, 1)


@hookimpl
def lintr_readers() -> list[Reader]:
    return [PlainTextPair()]
