"""Input formats. Each module is a plugin contributing :class:`Reader` objects.

A reader turns a file (or two) into a :class:`Bitext`: the two sides as Documents, every
segment keeping its path, line and column.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lintr.languages.profile import Languages
from lintr.model import Document, Segment

if TYPE_CHECKING:
    from lintr.readers.lines import LineStream


class InputError(Exception):
    """Unreadable input: reported as one ``input-error`` line naming the file and position."""

    def __init__(self, path: str, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.path, self.message, self.line, self.column = path, message, line, column

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass
class ReadContext:
    languages: Languages
    source_lang: str | None = None
    target_lang: str | None = None


@dataclass
class Bitext:
    """Both sides of one input. ``line_aligned``: segment i of one side renders segment i."""

    source: Document
    target: Document
    line_aligned: bool = True
    # False when the reader could not know which version is the source (a bilingual text).
    sides_known: bool = True
    problems: list[InputError] = field(default_factory=list)
    # What the reader decided that the user would not expect (one line each, on stderr).
    notes: list[str] = field(default_factory=list)


class Reader:
    """An input format, contributed by a plugin's ``lintr_readers`` hook. A subclass sets
    ``name`` and implements ``read``; ``scan`` is optional."""

    name: str = ""
    description: str = ""
    # True for formats holding both sides in one file (TSV, a bilingual text).
    single_file: bool = True

    def sniff(self, path: str) -> bool:
        """Whether ``path`` looks like this format (single-file readers)."""
        return False

    def read(self, paths: list[str], ctx: ReadContext) -> Bitext:
        raise NotImplementedError

    def scan(self, paths: list[str], ctx: ReadContext) -> LineStream | None:
        """The input as a stream of line-aligned pairs read on demand, so that memory stays
        flat however large it is; None (the default) where this reader cannot stream it,
        and it is read whole with ``read``."""
        return None


# Large enough to catch a binary file, small enough to stay cheap.
_SNIFF_BYTES = 8192


def open_bytes(path: str, buffering: int = -1):
    """``path`` opened for reading bytes; a missing file, a directory or an unreadable one
    raises InputError."""
    try:
        return open(path, "rb", buffering=buffering)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def check_head(path: str, head: bytes) -> None:
    """The checks on a file's first bytes: a NUL (binary) or a UTF-16 byte-order mark."""
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    nul = head.find(b"\x00", 0, _SNIFF_BYTES)
    if nul != -1 and not utf16:
        line, col = _byte_position(head, nul)
        raise InputError(path, f"binary file (NUL byte at offset {nul}), not text", line, col)
    if utf16:
        raise InputError(path, "file is UTF-16; re-save it as UTF-8")


def read_text(path: str) -> str:
    """A file's text: UTF-8 with or without BOM, CRLF folded to LF. Raises InputError."""
    with open_bytes(path) as handle:
        data = handle.read()
    check_head(path, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line, col = _byte_position(data, start)
        raise InputError(
            path,
            f"not valid UTF-8: byte 0x{data[start]:02X} at offset {start}; "
            "re-save the file as UTF-8",
            line,
            col,
        ) from None
    if not text.strip():
        raise InputError(path, "file is empty" if not text else "file has no text, only spaces")
    return text.replace("\r\n", "\n")


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (code points) of byte ``offset``, decoding what precedes it leniently."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    if line == 1 and prefix.startswith("\ufeff"):
        prefix = prefix[1:]
    return line, len(prefix) + 1


def display_path(path: str) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def line_segments(text: str, path: str) -> list[Segment]:
    """One segment per line (line numbers as editors count them: by LF)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [Segment(line, path, number, 1) for number, line in enumerate(lines, 1)]
