"""Output formats. Each module is a plugin contributing :class:`Reporter` objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from lintr.model import Finding


class Reporter:
    name: str = ""
    description: str = ""

    def report(self, findings: Iterable[Finding], summary: dict, out: TextIO) -> None:
        raise NotImplementedError


def printable(text: str) -> str:
    """``text`` as UTF-8 can write it. A file name that is not UTF-8 reaches Python with its
    bad bytes as lone surrogates (``caf\\udce9``), which no UTF-8 output accepts: they are
    shown as the bytes they stand for (``caf\\xe9``); any other lone surrogate as ``\\udXXX``."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def line_safe(path: str) -> str:
    """A path for line-based output (text, github): printable, with control characters (a
    newline in a file name) escaped so that one finding stays one line."""
    path = printable(path)
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() or c == " " else _escaped(c) for c in path)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def finding_dict(f: Finding) -> dict:
    """A finding as the public JSON contract has it (docs/ARCHITECTURE.md), plus ``fix`` when
    it has one."""
    loc = f.location
    data = {
        "rule": f.rule,
        "severity": str(f.severity),
        "message": printable(f.message),
        "path": printable(loc.path),
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line if loc.end_line is not None else loc.line,
        "end_column": loc.end_column if loc.end_column is not None else loc.column,
        "related": [
            {
                "path": printable(r.location.path),
                "line": r.location.line,
                "column": r.location.column,
                "message": printable(r.message),
            }
            for r in f.related
        ],
        "fingerprint": f.fingerprint,
        "side": f.side,  # "source", "target", or null: about the whole pair
    }
    if f.fix:
        data["fix"] = [
            {
                "path": printable(e.location.path),
                "line": e.location.line,
                "column": e.location.column,
                "end_line": e.location.end_line,
                "end_column": e.location.end_column,
                "replacement": printable(e.replacement),
            }
            for e in f.fix
        ]
    return data
