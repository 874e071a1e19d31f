"""Rewriting an input file only if it is still what lintr read.

Fix positions are lines and columns of the text lintr read: applied to a file that an
editor or a second ``--fix`` run changed in the meantime, they cut words apart ("theack").
So each input is stamped (size, mtime, a hash of its bytes) before it is read, and a file is
rewritten only while locked and still matching its stamp; the new bytes go to a temporary
file in the same folder, synced, then renamed over the original.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # not on Windows: rewrites there are only stamp-checked
    fcntl = None  # type: ignore[assignment]

_CHUNK = 1 << 20
# How long to wait for another lintr that is rewriting the same file.
LOCK_WAIT = 10.0


class FileChanged(Exception):
    """The file is not what lintr read: rewriting it would apply fixes at wrong places."""

    def __init__(self, why: str = "changed since lintr read it"):
        super().__init__(why)
        self.why = why


Key = tuple[int, int, int, int]  # device, inode, size, mtime (ns)


@dataclass(frozen=True)
class Stamp:
    """What a file was when lintr read it."""

    key: Key
    digest: str


def _key(info: os.stat_result) -> Key:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _key_now(real: str) -> Key | None:
    try:
        return _key(os.stat(real))
    except OSError:
        return None


def stamp(path: str) -> Stamp | None:
    """The stamp of a file (a symbolic link's target), None if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            key = _key(os.fstat(handle.fileno()))
            digest = hashlib.sha256()
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return Stamp(key, digest.hexdigest())


def stamps(paths: Iterable[str]) -> dict[str, Stamp]:
    """The stamps of the inputs by real path (a link and its target are one file)."""
    found: dict[str, Stamp] = {}
    for path in paths:
        real = os.path.realpath(path)
        if real not in found and (mark := stamp(real)) is not None:
            found[real] = mark
    return found


@contextmanager
def locked(real: str, expected: Stamp) -> Iterator[bytes]:
    """The bytes of ``real`` under an exclusive advisory lock, once they are checked against
    ``expected``: raises FileChanged if they differ."""
    try:
        handle = open(real, "rb")
    except OSError:
        raise FileChanged("cannot be read again") from None
    with handle:
        _lock(handle)
        data = handle.read()
        # The path must still name the file opened and locked: a rename over it (an editor
        # saving, another lintr fixing it) leaves this process holding the old one.
        opened = _key(os.fstat(handle.fileno()))
        if not opened == _key_now(real) == expected.key:
            raise FileChanged()
        if hashlib.sha256(data).hexdigest() != expected.digest:
            raise FileChanged()
        yield data


def _lock(handle: BinaryIO) -> None:
    if fcntl is None:
        return
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise FileChanged("is being rewritten by another process") from None
            time.sleep(0.05)


def replace(real: str, data: bytes, expected: Stamp) -> None:
    """Write ``data`` over ``real`` atomically, keeping its mode, if ``real`` still matches
    ``expected`` once the new bytes are on disk (called under :func:`locked`)."""
    folder = os.path.dirname(real)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".lintr-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, os.stat(real).st_mode)
        # Last look: a writer that takes no lock (an editor) may have saved meanwhile.
        if _key_now(real) != expected.key:
            raise FileChanged()
        os.replace(tmp, real)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (where a folder can be opened and synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
