"""Two plain-text files: one segment per line, or one per paragraph where the files are
written in paragraphs (blank lines between blocks of several lines). Paired line by line
when the counts agree; otherwise aligned."""

from __future__ import annotations

from lintr.hookspecs import hookimpl
from lintr.model import Document
from lintr.readers import Bitext, ReadContext, Reader, line_segments, read_text
from lintr.readers.bilingual import blocks


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


@hookimpl
def lintr_readers() -> list[Reader]:
    return [PlainTextPair()]
