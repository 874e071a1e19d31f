"""Two plain-text files: one segment per line, or one per paragraph where the files are
written in paragraphs (blank lines between blocks of several lines). Paired line by line
when the counts agree; otherwise aligned."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.hookspecs import hookimpl
from lintr.model import Document, Segment
from lintr.readers import Bitext, ReadContext, Reader, line_segments, read_text
from lintr.readers.bilingual import blocks
from lintr.readers.lines import LineStream, lines


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
        counts = []
        for path in paths:
            count, paragraphs = _line_layout(path)
            if paragraphs:
                return None
            counts.append(count)
        if counts[0] != counts[1]:
            return None
        return LineStream(
            Document(source_path, "source", ctx.source_lang or ""),
            Document(target_path, "target", ctx.target_lang or ""),
            counts[0],
            lambda: _rows(source_path, target_path),
        )


def _line_layout(path: str) -> tuple[int, bool]:
    """Lines, and whether the file is in paragraphs (as _in_paragraphs decides)."""
    count = found = 0
    run = 0  # non-blank lines in the current block
    several = False
    for count, line in lines(path):  # noqa: B007 (count is the last line number)
        if line.strip():
            run += 1
            found += run == 1
            several = several or run > 1
        else:
            run = 0
    return count, found > 1 and several


def _rows(source_path: str, target_path: str) -> Iterator[tuple[Segment, Segment]]:
    pairs = zip(lines(source_path, validate=False), lines(target_path, validate=False), strict=True)
    for (number, source), (_, target) in pairs:
        yield Segment(source, source_path, number, 1), Segment(target, target_path, number, 1)


@hookimpl
def lintr_readers() -> list[Reader]:
    return [PlainTextPair()]
