"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Location, Severity
from lintr.reporters import Reporter, printable
from lintr.version import __version__

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    """The path as a relative URI; a name that is not UTF-8 has its bytes percent-encoded."""
    path = path.replace("\\", "/")
    if printable(path) == path:
        return path
    try:
        return quote(path.encode("utf-8", "surrogateescape"), safe="/")
    except UnicodeEncodeError:
        return printable(path)


def _location(loc: Location, message: str | None = None) -> dict:
    region: dict[str, int | None] = {"startLine": loc.line, "startColumn": loc.column}
    if loc.end_line:
        region.update(endLine=loc.end_line, endColumn=loc.end_column)
    out = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(loc.path)},
            "region": region,
        }
    }
    if message:
        out["message"] = {"text": printable(message)}
    return out


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0"

    def report(self, findings: Iterable[Finding], summary: dict, out: TextIO) -> None:
        rule_ids = sorted({f.rule for f in findings})
        results = [
            {
                "ruleId": f.rule,
                "level": LEVEL[f.severity],
                "message": {"text": printable(f.message)},
                "locations": [_location(f.location)],
                "relatedLocations": [
                    {"id": i, **_location(r.location, r.message)} for i, r in enumerate(f.related)
                ],
                "partialFingerprints": {"lintr/v1": f.fingerprint},
                # "source", "target", or null: about the whole pair (see finding_dict)
                "properties": {"side": f.side},
            }
            for f in findings
        ]
        doc = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "lintr",
                            "version": __version__,
                            "rules": [{"id": r} for r in rule_ids],
                        }
                    },
                    "results": results,
                }
            ],
        }
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")


@hookimpl
def lintr_reporters() -> list[Reporter]:
    return [SarifReporter()]
