"""Reading a UTF-8 file a line at a time, with exactly the checks and messages of
:func:`lintr.readers.read_text`, so that large inputs stream instead of being loaded whole."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from lintr.model import Document, Segment
from lintr.readers import (
    _SNIFF_BYTES,
    EmptyInput,
    InputError,
    check_endings,
    check_head,
    check_nul,
    open_bytes,
)

_BOM = b"\xef\xbb\xbf"
_BUFFER = 1 << 20


# A scan notes where every GRAIN-th pair's line starts: a worker reads a stretch of pairs
# from the note before it, passing over fewer than GRAIN pairs, and the notes of a million
# pairs take half a megabyte.
GRAIN = 32


def lines(
    path: str, validate: bool = True, start: int = 0, before: int = 0
) -> Iterator[tuple[int, str]]:
    """(line number, text) of every line, CRLF folded to LF and the newline removed; from
    byte ``start`` as :func:`placed_lines` reads.

    With ``validate``, raises the InputError read_text would raise (the first invalid
    UTF-8 byte, an empty file) at the point the problem is found; callers that need the
    error before any line is used run a first pass (see :func:`scan_lines`).
    """
    for number, _, line in placed_lines(path, validate, start, before):
        yield number, line


def decoded(raw: bytes, number: int) -> str:
    """A line of a file as :func:`lines` yields it (UnicodeDecodeError if it is not
    UTF-8: the error's ``start`` counts from after the BOM of line 1)."""
    body = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1] if raw.endswith(b"\n") else raw
    if number == 1 and body.startswith(_BOM):
        body = body[3:]
    return body.decode("utf-8")


def placed_lines(
    path: str, validate: bool = True, start: int = 0, before: int = 0
) -> Iterator[tuple[int, int, str]]:
    """:func:`lines` with the byte offset where each line starts; from byte ``start``
    (the start of a line, ``before`` lines into the file) if given, without validation."""
    with open_bytes(path, _BUFFER) as handle:
        if start:
            handle.seek(start)
            validate = False
        elif validate:
            try:
                head = handle.read(_SNIFF_BYTES)
                handle.seek(0)
            except OSError as exc:
                raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
            check_head(path, head)
        offset, number, text_seen = start, before, False
        for raw in _raw_lines(path, handle):
            number += 1
            if validate and (b"\0" in raw or number == 1):  # a membership test is cheap
                check_nul(path, raw, offset, number)
                if not raw.endswith(b"\n"):
                    check_endings(path, raw)
            try:
                line = decoded(raw, number)
            except UnicodeDecodeError as exc:
                skip = 3 if number == 1 and raw.startswith(_BOM) else 0
                start = offset + skip + exc.start
                # The column counts the code points before the byte on its own line.
                prefix = raw[: start - offset].decode("utf-8", errors="replace")
                if number == 1 and prefix.startswith("\ufeff"):
                    prefix = prefix[1:]
                col = len(prefix) + 1
                raise InputError(
                    path,
                    f"not valid UTF-8: byte 0x{raw[start - offset]:02X} at offset {start}; "
                    "re-save the file as UTF-8",
                    number,
                    col,
                ) from None
            text_seen = text_seen or bool(line.strip())
            yield number, offset, line
            offset += len(raw)
        if validate and not text_seen:
            raise EmptyInput(
                path, "file is empty" if offset == 0 else "file has no text, only spaces"
            )


def _raw_lines(path: str, handle) -> Iterator[bytes]:
    """The lines of an open file as bytes; a read that fails (an I/O error, a file taken
    away during the run) raises InputError."""
    try:
        yield from handle
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


@dataclass
class LineStream:
    """A line-aligned input read in passes instead of held in memory.

    ``count`` pairs, ``problems`` found on the first pass; ``rows()`` reads the file again
    and yields the (source, target) segments of every pair, in order.
    """

    source: Document
    target: Document
    count: int
    rows: Callable[[], Iterator[tuple[Segment, Segment]]]
    problems: list[InputError] = field(default_factory=list)
    # part(first, count): pairs first .. first + count - 1 as a Part, for readers that can
    # read a stretch by itself (None: only rows()).
    part: Callable[[int, int], Part] | None = None
    # sample(step): the (source, target) texts of pairs 0, step, 2 * step ..., for readers
    # that can pass over the others faster than rows() reads them (None: rows()).
    sample: Callable[[int], list[tuple[str, str]]] | None = None

    def texts(self, step: int) -> list[tuple[str, str]]:
        """The texts of every ``step``-th pair, from the first."""
        if self.sample is not None:
            return self.sample(step)
        return [(s.text, t.text) for i, (s, t) in enumerate(self.rows()) if i % step == 0]

    def first(self, n: int) -> list[tuple[Segment, Segment]]:
        out = []
        for row in self.rows():
            out.append(row)
            if len(out) == n:
                break
        return out


class Part(Protocol):
    """A stretch of the pairs of a line-aligned input that any process on this machine can
    read by itself (it pickles small): the pool's parent sends these instead of pairs."""

    # Read-only, so that frozen dataclasses are Parts.
    @property
    def first(self) -> int: ...  # index of its first pair in the input
    @property
    def count(self) -> int: ...

    def rows(self) -> Iterator[tuple[Segment, Segment]]: ...


@dataclass
class Marks:
    """Where every GRAIN-th pair's line starts in each file, and the lines before it."""

    offsets: list[array] = field(default_factory=list)  # one array per file
    before: array = field(default_factory=lambda: array("q"))

    def note(self, offsets: tuple[int, ...], before: int) -> None:
        if not self.offsets:
            self.offsets = [array("q") for _ in offsets]
        for column, offset in zip(self.offsets, offsets, strict=True):
            column.append(offset)
        self.before.append(before)

    def near(self, first: int) -> tuple[tuple[int, ...], int, int]:
        """Offsets and lines before the last note at or before pair ``first``, and the
        pairs between that note and ``first``."""
        i = first // GRAIN
        return tuple(column[i] for column in self.offsets), self.before[i], first - i * GRAIN
