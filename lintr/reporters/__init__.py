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


def finding_dict(f: Finding) -> dict:
    """A finding as the public JSON contract has it (docs/ARCHITECTURE.md), plus ``fix`` when
    it has one."""
    loc = f.location
    data = {
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.message,
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line if loc.end_line is not None else loc.line,
        "end_column": loc.end_column if loc.end_column is not None else loc.column,
        "related": [
            {
                "path": r.location.path,
                "line": r.location.line,
                "column": r.location.column,
                "message": r.message,
            }
            for r in f.related
        ],
        "fingerprint": f.fingerprint,
        "side": f.side,  # "source", "target", or null: about the whole pair
    }
    if f.fix:
        data["fix"] = [
            {
                "path": e.location.path,
                "line": e.location.line,
                "column": e.location.column,
                "end_line": e.location.end_line,
                "end_column": e.location.end_column,
                "replacement": e.replacement,
            }
            for e in f.fix
        ]
    return data
