"""Input formats. Each module is a plugin contributing :class:`Reader` objects.

A reader turns a file (or two) into a :class:`Bitext`: the two sides as Documents, every
segment keeping its path, line and column.
"""

from __future__ import annotations

import os
import stat
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

    def __reduce__(self):
        # Raised in a worker process (a file that changed during the run), it must come
        # back to the parent whole: the default pickling passes the message only.
        return type(self), (self.path, self.message, self.line, self.column)


class EmptyInput(InputError):
    """A file with no text at all (empty, or only white space)."""


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
        """Whether ``path`` looks like this format (single-file readers). A file named as
        this format but unreadable raises InputError: it is reported, not passed over."""
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


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_a_file(path: str, mode: int) -> InputError | None:
    """Why a file of ``mode`` cannot be read as text, None for a regular file. A pipe with
    no writer would hang the run and a device never ends: both are refused up front."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return InputError(path, "is a directory, expected a file")
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return InputError(path, f"is {kind}, not a regular file; lintr reads regular files only")


def _special(path: str) -> InputError | None:
    try:
        return not_a_file(path, os.stat(path).st_mode)
    except OSError:
        return None


def open_bytes(path: str, buffering: int = -1):
    """``path`` opened for reading bytes. A missing, unreadable or empty-named file, a
    folder, a pipe, a socket or a device raises InputError (a pipe is opened without
    waiting for a writer, then refused)."""
    if not path:
        raise InputError(path, "empty path: expected a file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, expected a file") from None
    except OSError as exc:
        problem = _special(path)  # a socket cannot be opened at all
        raise problem or InputError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        problem = not_a_file(path, os.fstat(fd).st_mode)
        if problem is None:
            os.set_blocking(fd, True)
            return open(fd, "rb", buffering=buffering)
    except OSError as exc:
        problem = InputError(path, f"cannot read: {exc.strerror or exc}")
    os.close(fd)
    raise problem


def check_head(path: str, head: bytes) -> None:
    """The checks on a file's first bytes: a NUL (binary) or a UTF-16 byte-order mark."""
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if utf16:
        raise InputError(path, "file is UTF-16; re-save it as UTF-8")
    check_nul(path, head, 0, 1)


def check_nul(path: str, data: bytes, offset: int, line: int) -> None:
    """A NUL byte anywhere makes a file binary (it would be echoed raw into the output).
    ``data`` starts at byte ``offset`` of the file, at the start of line ``line``."""
    nul = data.find(b"\x00")
    if nul != -1:
        row, col = _byte_position(data, nul)
        raise InputError(
            path,
            f"binary file (NUL byte at offset {offset + nul}), not text",
            line + row - 1,
            col,
        )


def check_endings(path: str, data: bytes, line: int = 1) -> None:
    """Line breaks that are CR alone (classic Mac OS) are refused: read by LF, the whole
    file would be one line, and positions and fixes would be wrong. ``data``: a file with
    no LF at all (or its last line), starting at line ``line``."""
    body = data.rstrip(b"\r")
    cr = body.find(b"\r")
    if cr != -1 and b"\n" not in body:
        _, col = _byte_position(data, cr)
        raise InputError(
            path,
            "line breaks are CR only (classic Mac OS); lintr counts lines by LF: "
            "re-save the file with LF or CRLF line endings",
            line,
            col,
        )


def read_text(path: str) -> str:
    """A file's text: UTF-8 with or without BOM, CRLF folded to LF. Raises InputError."""
    with open_bytes(path) as handle:
        try:
            data = handle.read()
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    check_head(path, data)
    if b"\n" not in data:
        check_endings(path, data)
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
        raise EmptyInput(path, "file is empty" if not text else "file has no text, only spaces")
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
    if not path:
        return '""'
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def line_segments(text: str, path: str) -> list[Segment]:
    """One segment per line (line numbers as editors count them: by LF)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [Segment(line, path, number, 1) for number, line in enumerate(lines, 1)]
