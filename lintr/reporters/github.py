"""GitHub Actions workflow commands: findings appear as annotations on the changed files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Severity
from lintr.reporters import Reporter, printable

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (::warning file=...)"

    def report(self, findings: Iterable[Finding], summary: dict, out: TextIO) -> None:
        for f in findings:
            loc = f.location
            props = f"file={_escape(loc.path, True)},line={loc.line},col={loc.column}"
            if loc.end_line:
                props += f",endLine={loc.end_line},endColumn={loc.end_column}"
            props += f",title={_escape('lintr ' + f.rule, True)}"
            out.write(f"::{LEVEL[f.severity]} {props}::{_escape(f.message)} [{f.rule}]\n")


@hookimpl
def lintr_reporters() -> list[Reporter]:
    return [GithubReporter()]
