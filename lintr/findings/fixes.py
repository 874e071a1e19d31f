"""Applying safe fixes (``lintr check --fix``): the only code that writes an input file.

Every edit's file is checked before any file is written: a fix naming a file that is not an
input is refused whole. A file is rewritten only while it is still what lintr read (see
:mod:`lintr.findings.safe_write`), atomically, keeping its BOM and each line's own ending,
and through a symbolic link its target is rewritten, the link kept.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field

from lintr.findings.safe_write import FileChanged, Stamp, locked, replace
from lintr.model import Edit, Finding, Location
from lintr.readers import display_path

_BOM = b"\xef\xbb\xbf"

Planned = list[tuple[Edit, Finding]]


@dataclass
class Outcome:
    fixed: list[Finding] = field(default_factory=list)
    # Fixes not made, one line each for stderr: lintr exits 2 when there are any.
    refused: list[str] = field(default_factory=list)


def apply_fixes(findings: list[Finding], inputs: dict[str, Stamp]) -> Outcome:
    """Apply every fix it safely can to the ``inputs`` (stamps by real path, taken before
    they were read)."""
    by_file, outcome = _by_file(findings, inputs)
    for real, edits in sorted(by_file.items()):
        shown = display_path(edits[0][0].location.path)
        try:
            with locked(real, inputs[real]) as raw:
                data, fixed = _edited(raw, edits, outcome.refused)
                if fixed:
                    replace(real, data, inputs[real])
        except FileChanged as exc:
            outcome.refused.append(f"{shown} {exc.why}; not fixed (run lintr again)")
            continue
        except OSError as exc:
            outcome.refused.append(f"{shown}: cannot write: {exc.strerror or exc}; not fixed")
            continue
        except UnicodeDecodeError:  # lintr read it, so only if a reader let bad bytes by
            outcome.refused.append(f"{shown} is not valid UTF-8; not fixed")
            continue
        outcome.fixed.extend(fixed)
    return outcome


def _by_file(
    findings: list[Finding], inputs: dict[str, Stamp]
) -> tuple[dict[str, Planned], Outcome]:
    """The edits grouped by the real path of their file; fixes naming a file that is not an
    input are refused (all of the fix: its edits belong together)."""
    by_file: dict[str, Planned] = defaultdict(list)
    outcome = Outcome()
    real_of: dict[str, str] = {}  # realpath asks the system about every folder of a path
    for finding in findings:
        reals = [
            real_of.get(path) or real_of.setdefault(path, os.path.realpath(path))
            for path in (edit.location.path for edit in finding.fix)
        ]
        outside = [
            e.location.path for e, r in zip(finding.fix, reals, strict=True) if r not in inputs
        ]
        if outside:
            outcome.refused.append(
                f"rule {finding.rule} made a fix for {display_path(outside[0])}, "
                "which is not an input; not fixed"
            )
            continue
        for edit, real in zip(finding.fix, reals, strict=True):
            by_file[real].append((edit, finding))
    return by_file, outcome


def _edited(raw: bytes, edits: Planned, refused: list[str]) -> tuple[bytes, list[Finding]]:
    """The file's new bytes and the findings fixed; edits outside the file are refused.
    Overlapping edits: the first is kept, the next run fixes the rest."""
    bom = raw.startswith(_BOM)
    text = raw[len(_BOM) if bom else 0 :].decode("utf-8")
    lines = _Lines(text)
    spans = []
    for edit, finding in edits:
        span = lines.span(edit.location)
        if span is None:
            loc = edit.location
            refused.append(
                f"rule {finding.rule} made a fix outside {display_path(loc.path)} "
                f"(line {loc.line}, column {loc.column}); not fixed"
            )
            continue
        start, end = span
        spans.append((start, end, lines.with_endings(edit.replacement, start), finding))
    spans.sort(key=lambda s: (s[0], s[1]))
    pieces, fixed, at = [], [], 0
    for start, end, replacement, finding in spans:
        if start < at:
            continue
        pieces += [text[at:start], replacement]
        fixed.append(finding)
        at = end
    pieces.append(text[at:])
    return (_BOM if bom else b"") + "".join(pieces).encode("utf-8"), fixed


class _Lines:
    """Offsets of line and column positions in a text whose line endings are kept: the
    readers count lines by LF, and a CR before the LF is not part of the line."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        at = text.find("\n")
        while at != -1:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def _body_end(self, line: int) -> int:
        if line == len(self.starts):
            return len(self.text)
        end = self.starts[line] - 1
        return end - 1 if end > 0 and self.text[end - 1] == "\r" else end

    def offset(self, line: int, column: int) -> int | None:
        if not 1 <= line <= len(self.starts):
            return None
        start = self.starts[line - 1]
        at = start + column - 1
        return at if start <= at <= self._body_end(line) else None

    def span(self, loc: Location) -> tuple[int, int] | None:
        start = self.offset(loc.line, loc.column)
        end_line = loc.line if loc.end_line is None else loc.end_line
        end_column = loc.column if loc.end_column is None else loc.end_column
        end = self.offset(end_line, end_column)
        if start is None or end is None or end < start:
            return None
        return start, end

    def with_endings(self, replacement: str, offset: int) -> str:
        """``replacement`` with its line breaks written as the line at ``offset`` ends (or
        the line before it, for a last line without one)."""
        if "\n" not in replacement:
            return replacement
        replacement = replacement.replace("\r\n", "\n")
        at = self.text.find("\n", offset)
        if at == -1:
            at = self.text.rfind("\n", 0, offset)
        crlf = at > 0 and self.text[at - 1] == "\r"
        return replacement.replace("\n", "\r\n") if crlf else replacement
