"""JSON (one document) and JSON Lines (one finding object a line)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from lintr.hookspecs import hookimpl
from lintr.model import Finding
from lintr.reporters import Reporter, finding_dict


class JsonReporter(Reporter):
    name = "json"
    description = '{"findings": [...], "summary": {...}}'

    def report(self, findings: Iterable[Finding], summary: dict, out: TextIO) -> None:
        doc = {"findings": [finding_dict(f) for f in findings], "summary": summary}
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")


class JsonLinesReporter(Reporter):
    name = "jsonl"
    description = "one finding object per line"

    def report(self, findings: Iterable[Finding], summary: dict, out: TextIO) -> None:
        for f in findings:
            out.write(json.dumps(finding_dict(f), ensure_ascii=False))
            out.write("\n")


@hookimpl
def lintr_reporters() -> list[Reporter]:
    return [JsonReporter(), JsonLinesReporter()]
