"""A bilingual text like a published article: one language version, then the other.

Blocks are separated by blank lines; the file is split where the dominant script switches.
A text that alternates (a paragraph, its translation, the next paragraph...) is read too.
"""

from __future__ import annotations

from lintr import text as textmod
from lintr.hookspecs import hookimpl
from lintr.model import Document, Segment
from lintr.readers import Bitext, EmptyInput, InputError, ReadContext, Reader, read_text

BILINGUAL_EXTENSIONS = (".txt", ".md", ".text")


def blocks(text: str, path: str) -> list[Segment]:
    """Runs of non-blank lines, each one segment starting at its first line."""
    found: list[Segment] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            found.append(Segment("\n".join(current), path, start, 1))
            current = []
    if current:
        found.append(Segment("\n".join(current), path, start, 1))
    return found


def _labels(segments: list[Segment]) -> list[str | None]:
    return [textmod.dominant_script(s.text) for s in segments]


def _two_scripts(labels: list[str | None]) -> bool:
    return len({label for label in labels if label}) == 2


def split_versions(labels: list[str | None]) -> tuple[str, int] | None:
    """('split', k) when blocks [:k] and [k:] are the two versions, ('alternate', 0) for a
    paragraph-by-paragraph layout, None when no layout fits."""
    known = [label for label in labels if label]
    scripts = list(dict.fromkeys(known))
    if len(scripts) != 2:
        return None
    first, second = scripts
    best_k, best_errors = 0, len(labels) + 1
    for k in range(1, len(labels)):
        errors = sum(1 for x in labels[:k] if x and x != first)
        errors += sum(1 for x in labels[k:] if x and x != second)
        if errors < best_errors:
            best_k, best_errors = k, errors
    if best_errors == 0:
        return "split", best_k
    if len(labels) % 2 == 0 and all(
        labels[i] in (first, None) and labels[i + 1] in (second, None)
        for i in range(0, len(labels), 2)
    ):
        return "alternate", 0
    if best_errors <= max(1, len(labels) // 10):
        return "split", best_k
    return None


class BilingualReader(Reader):
    name = "bilingual"
    description = "one file holding both versions, blocks separated by blank lines"

    def sniff(self, path: str) -> bool:
        if not path.lower().endswith(BILINGUAL_EXTENSIONS):
            return False
        try:
            text = read_text(path)
        except EmptyInput:
            return False  # nothing to check, and nothing lost by passing it over
        return _two_scripts(_labels(blocks(text, path)))

    def read(self, paths: list[str], ctx: ReadContext) -> Bitext:
        (path,) = paths
        segments = blocks(read_text(path), path)
        layout = split_versions(_labels(segments))
        if layout is None:
            raise InputError(
                path,
                "cannot tell the two language versions apart: expected one version, "
                "then the other, blocks separated by blank lines",
            )
        kind, k = layout
        if kind == "split":
            first, second = segments[:k], segments[k:]
        else:
            first, second = segments[0::2], segments[1::2]
        langs = ctx.languages
        first_doc = Document(path, "source", langs.detect(_sample(first)) or "", first)
        second_doc = Document(path, "target", langs.detect(_sample(second)) or "", second)
        return Bitext(first_doc, second_doc, line_aligned=kind == "alternate", sides_known=False)


def _sample(segments: list[Segment], limit: int = 5000) -> str:
    out, size = [], 0
    for seg in segments:
        out.append(seg.text)
        size += len(seg.text)
        if size > limit:
            break
    return "\n".join(out)


@hookimpl
def lintr_readers() -> list[Reader]:
    return [BilingualReader()]
