"""gcc-style text: ``PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]`` then ``note:`` lines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from lintr.hookspecs import hookimpl
from lintr.model import Finding
from lintr.reporters import Reporter, line_safe, printable


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


class TextReporter(Reporter):
    name = "text"
    description = "one finding per line, gcc style, with note: lines (default)"

    def report(self, findings: Iterable[Finding], summary: dict, out: TextIO) -> None:
        for f in findings:
            loc = f.location
            out.write(
                f"{line_safe(loc.path)}:{loc.line}:{loc.column}: {f.severity}: "
                f"{_one_line(f.message)} [{f.rule}]\n"
            )
            for r in f.related:
                rl = r.location
                out.write(
                    f"{line_safe(rl.path)}:{rl.line}:{rl.column}: note: {_one_line(r.message)}\n"
                )


@hookimpl
def lintr_reporters() -> list[Reporter]:
    return [TextReporter()]
