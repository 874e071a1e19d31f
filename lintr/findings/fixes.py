"""Applying safe fixes (``lintr check --fix``): the only code that writes an input file, and
it writes atomically (a temporary file renamed over the original), keeping BOM and CRLF."""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict

from lintr.model import Edit, Finding


def apply_fixes(findings: list[Finding]) -> list[Finding]:
    """Apply every fix it safely can; returns the findings that were fixed."""
    by_path: dict[str, list[tuple[Edit, Finding]]] = defaultdict(list)
    for finding in findings:
        for edit in finding.fix:
            by_path[edit.location.path].append((edit, finding))
    fixed: list[Finding] = []
    for path, edits in sorted(by_path.items()):
        fixed.extend(_fix_file(path, edits))
    return fixed


def _fix_file(path: str, edits: list[tuple[Edit, Finding]]) -> list[Finding]:
    with open(path, "rb") as handle:
        raw = handle.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    spans = []
    for edit, finding in edits:
        loc = edit.location
        spans.append(
            (
                offset(loc.line, loc.column),
                offset(loc.end_line, loc.end_column),
                edit.replacement,
                finding,
            )
        )
    spans.sort(key=lambda s: (s[0], s[1]))
    applied, last_end = [], -1
    for start, end, replacement, finding in spans:
        if start < last_end:  # overlapping fixes: keep the first, the next run fixes the rest
            continue
        applied.append((start, end, replacement, finding))
        last_end = end
    for start, end, replacement, _ in reversed(applied):
        text = text[:start] + replacement + text[end:]
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    _atomic_write(path, data)
    return [finding for *_, finding in applied]


def _atomic_write(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".lintr-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
