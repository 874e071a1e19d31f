"""Reading the files lintr is configured by (lintr.toml, pyproject.toml, glossaries, name
lists): regular files only, and no larger than such a file can sensibly be, so that a
link to ``/dev/zero`` or a pipe cannot exhaust memory or hang the run."""

from __future__ import annotations

import os
import stat

# A configuration or a team's list beyond this size is not one (the largest glossaries
# are a few megabytes).
MAX_BYTES = 64 << 20


class FileProblem(Exception):
    """Why a configuration file cannot be read: the caller names the file and the key."""


def read_capped(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise FileProblem("is a directory, expected a file")
            if not stat.S_ISREG(mode):
                raise FileProblem("is not a regular file (a pipe or a device); not read")
            os.set_blocking(fd, True)
            data = handle.read(limit + 1)
        except OSError as exc:
            raise FileProblem(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise FileProblem(f"is larger than {limit >> 20} MB; not read")
    return data


def decode_utf8(data: bytes) -> str:
    """``data`` as UTF-8 text (a BOM dropped); FileProblem says where it is not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("is UTF-16; re-save it as UTF-8")
    if b"\x00" in data:
        raise FileProblem("is a binary file (it holds NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileProblem(
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02X} on line {line}); re-save it as UTF-8"
        ) from None
