"""Rule documentation: every built-in rule's docstring follows one skeleton, its example is
what the rule really reports, and the README's rule tables are `lintr rules --format markdown`.

The docstring is what `lintr explain` prints, and its first paragraph is the summary of
`lintr rules`, SARIF and the README; these tests keep the three from drifting apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lintr.cli import main
from lintr.testing import Expected, RuleCase, check_case

README = Path(__file__).resolve().parent.parent / "README.md"
SECTIONS = ("What it finds:", "Why it matters:", "Example", "Options:", "Fix:")


def _builtin_rules(registry) -> list[type]:
    return [cls for cls in registry.rules.values() if cls.__module__.startswith("lintr_plugins.")]


def _sections(doc: str) -> dict[str, list[str]]:
    """Heading (a line at column 0 ending in ':') -> its indented lines, in order."""
    found: dict[str, list[str]] = {}
    body: list[str] = []
    for line in doc.split("\n\n", 1)[1].splitlines():
        if line and not line[0].isspace():
            body = found.setdefault(line, [])
        else:
            body.append(line.strip())
    return found


def test_every_rule_docstring_follows_the_skeleton(registry):
    for cls in _builtin_rules(registry):
        headings = list(_sections(cls.doc()))
        starts = [next((h for h in headings if h.startswith(s)), None) for s in SECTIONS]
        assert None not in starts and headings == starts, (cls.id, headings)
        for heading, lines in _sections(cls.doc()).items():
            assert any(lines), (cls.id, heading, "is empty")


def _example(cls) -> tuple[str, str, str, str] | None:
    """(source, target, place, message) of an example written as literal texts."""
    lines = [line for line in _sections(cls.doc()).get("Example:", []) if line]
    if len(lines) != 3 or any(line.split(": ", 1)[1].startswith("(") for line in lines[:2]):
        return None
    place, message = re.fullmatch(r"→ (\S+:\d+:\d+): (.*)", lines[2]).groups()
    return lines[0].removeprefix("source: "), lines[1].removeprefix("target: "), place, message


def test_docstring_examples_are_what_the_rules_report(registry):
    checked = 0
    for cls in _builtin_rules(registry):
        example = _example(cls)
        if example is None:
            continue
        source, target, place, message = example
        case = RuleCase(
            cls.id, "docstring example", ((source, target),), (Expected(place, message=message),)
        )
        check_case(case, registry)
        checked += 1
    assert checked >= 8


def _rule_tables(text: str) -> list[str]:
    return re.findall(r"^\| id \| default \| what it finds \|\n(?:\|.*\|\n)+", text, re.M)


def test_readme_rule_tables_are_lintr_rules_markdown(capsys):
    assert main(["rules", "--format", "markdown"]) == 0
    generated = _rule_tables(capsys.readouterr().out)
    assert len(generated) == 2
    in_readme = _rule_tables(README.read_text(encoding="utf-8"))
    assert in_readme == generated, (
        "README.md's rule tables differ from the rules: paste the output of "
        "`lintr rules --format markdown` over them (the first table under Rules, the second "
        "under Consistency across the corpus)"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_lintr_rules_formats_list_every_rule(registry, capsys, fmt):
    assert main(["rules", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert all(rule_id in out for rule_id in [*registry.rules, "input-error", "internal-error"])
