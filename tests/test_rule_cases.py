"""Table-driven rule cases: one YAML file per rule under tests/rules/ (sqlfluff style).

Each case gives a source and a target (a string is one segment starting at line 1, column 1;
null means the side has no segment at all), optional languages and rule options, and the
findings expected, as ``side:line:col`` with optional message substrings and notes.

Corpus rules see several pairs: a case may give ``pairs``, a list of ``{source, target}``
instead; pair N's segments start at line N, column 1 (so ``target:3:5`` is column 5 of the
third pair's target). Corpus rules collect every pair, merge the states in order and
finalize. Options whose name ends in ``-file`` are paths from the repository's root.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lintr.model import Pair, PairSide, Segment

CASES_DIR = Path(__file__).parent / "rules"
ROOT = Path(__file__).parent.parent


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}::{case['name']}")


def _side(text, name, profile, line: int = 1) -> PairSide:
    segments = () if text is None else (Segment(text, name, line, 1),)
    return PairSide(segments, profile, name)


def _findings(rule, case, src, tgt) -> list:
    items = case.get("pairs") or [{"source": case["source"], "target": case["target"]}]
    pairs = [
        Pair(_side(p["source"], "source", src, n), _side(p["target"], "target", tgt, n), n - 1)
        for n, p in enumerate(items, start=1)
    ]
    if rule.scope != "corpus":
        return [f for pair in pairs for f in rule.check(pair)]
    state = rule.collect(pairs[0])
    for pair in pairs[1:]:
        state = rule.merge(state, rule.collect(pair))
    return list(rule.finalize(state))


def _apply(text: str, edits) -> str:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    spans = sorted(
        (
            starts[e.location.line - 1] + e.location.column - 1,
            starts[e.location.end_line - 1] + e.location.end_column - 1,
            e.replacement,
        )
        for e in edits
    )
    for start, end, replacement in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text


def _at(loc) -> str:
    return f"{loc.path}:{loc.line}:{loc.column}"


@pytest.mark.parametrize("rule_id,case", list(_load_cases()))
def test_rule_case(registry, rule_id, case):
    cls = registry.rules[rule_id]
    options = {k: cls.options[k].validate(v) for k, v in (case.get("options") or {}).items()}
    options.update({k: str(ROOT / v) for k, v in options.items() if k.endswith("-file") and v})
    rule = cls(options)
    langs = registry.languages
    src = langs.get(case.get("source_lang", "ar"))
    tgt = langs.get(case.get("target_lang", "en"))
    findings = sorted(
        _findings(rule, case, src, tgt),
        key=lambda f: (f.location.path, f.location.line, f.location.column),
    )
    expected = [e if isinstance(e, dict) else {"at": e} for e in case.get("expect") or []]
    got = [_at(f.location) for f in findings]
    assert got == [e["at"] for e in expected], [f.message for f in findings]
    for finding, exp in zip(findings, expected, strict=True):
        if "message" in exp:
            assert exp["message"] in finding.message
        if "end" in exp:
            loc = finding.location
            assert f"{loc.end_line}:{loc.end_column}" == exp["end"]
        if "notes" in exp:
            assert [_at(r.location) for r in finding.related] == exp["notes"]
    for side in ("source", "target"):
        if f"fixed_{side}" in case:
            edits = [e for f in findings for e in f.fix if e.location.path == side]
            assert _apply(case[side], edits) == case[f"fixed_{side}"]
