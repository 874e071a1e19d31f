"""TSV: ``source<TAB>target`` on each line."""

from __future__ import annotations

from lintr.hookspecs import hookimpl
from lintr.model import Document, Segment
from lintr.readers import Bitext, InputError, ReadContext, Reader, read_text


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
        lines = read_text(path).split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != 2:
                column = len(line) + 1 if len(fields) == 1 else len("\t".join(fields[:2])) + 1
                found = "no tab" if len(fields) == 1 else f"{len(fields) - 1} tabs"
                bitext.problems.append(
                    InputError(path, f"expected source<TAB>target, found {found}", number, column)
                )
                continue
            source.segments.append(Segment(fields[0], path, number, 1))
            target.segments.append(Segment(fields[1], path, number, len(fields[0]) + 2))
        return bitext


@hookimpl
def lintr_readers() -> list[Reader]:
    return [TsvReader()]
