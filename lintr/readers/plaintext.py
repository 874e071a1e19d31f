"""Two plain-text files, one segment per line (NAME.ar.txt + NAME.en.txt, ar/ + en/)."""

from __future__ import annotations

from lintr.hookspecs import hookimpl
from lintr.model import Document
from lintr.readers import Bitext, ReadContext, Reader, line_segments, read_text


class PlainTextPair(Reader):
    name = "text-pair"
    description = "two UTF-8 text files, one segment per line"
    single_file = False

    def read(self, paths: list[str], ctx: ReadContext) -> Bitext:
        source_path, target_path = paths
        source = Document(source_path, "source", ctx.source_lang or "")
        target = Document(target_path, "target", ctx.target_lang or "")
        source.segments = line_segments(read_text(source_path), source_path)
        target.segments = line_segments(read_text(target_path), target_path)
        return Bitext(source, target, line_aligned=True)


@hookimpl
def lintr_readers() -> list[Reader]:
    return [PlainTextPair()]
