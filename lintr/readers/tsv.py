"""TSV: ``source<TAB>target`` on each line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lintr.hookspecs import hookimpl
from lintr.model import Document, Segment
from lintr.readers import Bitext, InputError, ReadContext, Reader, open_bytes, read_text
from lintr.readers.lines import GRAIN, LineStream, Marks, decoded, lines, placed_lines

# Bytes that leave a line possibly blank: ASCII white space (str.isspace's) and every byte of
# a multi-byte character (a few of which are spaces). A line with any other byte has text.
_MAYBE_BLANK = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f " + bytes(range(0x80, 0x100))


def _problem(path: str, number: int, line: str, fields: list[str]) -> InputError:
    column = len(line) + 1 if len(fields) == 1 else len("\t".join(fields[:2])) + 1
    found = "no tab" if len(fields) == 1 else f"{len(fields) - 1} tabs"
    return InputError(path, f"expected source<TAB>target, found {found}", number, column)


def _rows(path: str, numbered: Iterator[tuple[int, str]]) -> Iterator[tuple[Segment, Segment]]:
    for number, line in numbered:
        if "\t" not in line or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) == 2:
            yield (
                Segment(fields[0], path, number, 1),
                Segment(fields[1], path, number, len(fields[0]) + 2),
            )


class TsvReader(Reader):
    name = "tsv"
    description = "one pair per line: source<TAB>target"

    def sniff(self, path: str) -> bool:
        return path.lower().endswith(".tsv")

    def read(self, paths: list[str], ctx: ReadContext) -> Bitext:
        (path,) = paths
        source = Document(path, "source", ctx.source_lang or "")
        target = Document(path, "target", ctx.target_lang or "")
        bitext = Bitext(source, target, line_aligned=True)
        numbered = list(enumerate(read_text(path).split("\n"), 1))
        if numbered and numbered[-1][1] == "":
            numbered.pop()
        bitext.problems = _problems(path, numbered)
        for s, t in _rows(path, iter(numbered)):
            source.segments.append(s)
            target.segments.append(t)
        return bitext

    def scan(self, paths: list[str], ctx: ReadContext) -> LineStream:
        """A first pass (every check, the pair count), then pairs read on demand."""
        (path,) = paths
        count = 0
        problems: list[InputError] = []
        marks = Marks()
        for number, offset, line in placed_lines(path):
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) == 2:
                if count % GRAIN == 0:
                    marks.note((offset,), number - 1)
                count += 1
            else:
                problems.append(_problem(path, number, line, fields))

        def part(first: int, size: int) -> TsvPart:
            (offset,), before, skip = marks.near(first)
            return TsvPart(first, size, path, offset, before, skip)

        return LineStream(
            Document(path, "source", ctx.source_lang or ""),
            Document(path, "target", ctx.target_lang or ""),
            count,
            lambda: _rows(path, lines(path, validate=False)),
            problems,
            part,
            lambda step: _sample(path, step),
        )


def _sample(path: str, step: int) -> list[tuple[str, str]]:
    """The texts of pairs 0, step, 2 * step ... as _rows gives them, decoding only those
    lines: the other pairs are only counted, from their bytes where they can be (a pair's
    line has one tab, the only byte 0x09 in UTF-8, and is not blank)."""
    out = []
    index = 0
    with open_bytes(path, 1 << 20) as handle:
        for number, raw in enumerate(handle, 1):
            if raw.count(b"\t") != 1:
                continue
            line = None
            if not raw.translate(None, _MAYBE_BLANK):
                line = decoded(raw, number)
                if not line.strip():
                    continue
            if index % step == 0:
                source, target = (line or decoded(raw, number)).split("\t")
                out.append((source, target))
            index += 1
    return out


@dataclass(frozen=True)
class TsvPart:
    """``count`` pairs from pair ``first``: read from byte ``offset`` (``before`` lines into
    the file), passing over ``skip`` pairs first."""

    first: int
    count: int
    path: str
    offset: int
    before: int
    skip: int

    def rows(self) -> Iterator[tuple[Segment, Segment]]:
        numbered = lines(self.path, False, self.offset, self.before)
        return islice(_rows(self.path, numbered), self.skip, self.skip + self.count)


def _problems(path: str, numbered: list[tuple[int, str]]) -> list[InputError]:
    out = []
    for number, line in numbered:
        if line.strip():
            fields = line.split("\t")
            if len(fields) != 2:
                out.append(_problem(path, number, line, fields))
    return out


@hookimpl
def lintr_readers() -> list[Reader]:
    return [TsvReader()]
