"""Table-driven rule cases in YAML, for lintr's own rules and for any plugin's.

A rule is best specified by examples: a source, a target, and the findings a reader expects.
This module reads such examples from YAML files and checks a rule against them, so that a
plugin tests its rules the way lintr tests its own (tests/rules/), with one test function::

    import pytest
    from lintr.testing import check_case, rule_cases

    @pytest.mark.parametrize("case", rule_cases("tests/cases"))
    def test_rule(case):
        check_case(case)

A case file::

    rule: doubled-word              # the rule id (required)
    source_lang: ar                 # defaults for every case (optional; ar and en)
    target_lang: en
    cases:
      - name: english_the_the       # unique in the file (required); the test id
        source: "ذهب الولد."        # one segment at line 1, column 1; null: no segment
        target: "The the boy went."
        options: {allow: []}        # rule options; a ``*-file`` path is relative to this file
        expect:                     # (required) the findings, in order of position
          - at: target:1:5          # side:line:col of the finding (required)
            end: "1:8"              # its end, in quotes (YAML reads 1:8 as a number)
            message: doubled word   # a part of its message
            notes: [target:1:1]     # where its notes point, all of them
        fixed_target: "The boy went."  # the target once the safe fixes are applied
        xfail: "why it fails today"    # a known failure: strict xfail under pytest

``expect`` items may also be plain ``side:line:col`` strings, and ``expect: []`` says that the
rule stays silent. Corpus rules see several pairs: give ``pairs``, a list of ``{source,
target}``, instead of ``source`` and ``target``; pair N's segments start at line N, so
``target:3:5`` is column 5 of the third pair's target. Corpus rules collect every pair, merge
the states in order and finalize.

Keys are checked: a misspelt key (``mesage:``) would otherwise make a case pass that checks
nothing, so any unknown key is an error naming the file, the line, the case and the nearest
valid key; ``check_case`` checks the rule id, its options and the languages against the
installed plugins the same way. A relative path given to ``load_cases`` or ``rule_cases`` is
taken from the working folder (``Path(__file__).parent / "cases"`` does not depend on it).

PyYAML and pytest are imported only when cases are loaded or turned into pytest parameters:
lintr itself runs without them (``pip install 'lintr[testing]'`` adds both).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lintr.model import Finding, Pair
    from lintr.registry import Registry
    from lintr.rules.base import Rule

__all__ = ["CaseError", "Expected", "RuleCase", "check_case", "load_cases", "rule_cases"]

FILE_KEYS = ("rule", "cases", "source_lang", "target_lang")
CASE_KEYS = (
    "name",
    "source",
    "target",
    "pairs",
    "source_lang",
    "target_lang",
    "options",
    "expect",
    "fixed_source",
    "fixed_target",
    "xfail",
)
EXPECT_KEYS = ("at", "end", "message", "notes")
PAIR_KEYS = ("source", "target")
DEFAULT_LANGS = {"source_lang": "ar", "target_lang": "en"}
AT = re.compile(r"(source|target):[1-9][0-9]*:[1-9][0-9]*")
LINE_COL = re.compile(r"[1-9][0-9]*:[1-9][0-9]*")


class CaseError(ValueError):
    """A case file that does not follow the schema: the message names file, line and key."""


@dataclass(frozen=True)
class Expected:
    """One expected finding. Fields left None are not compared."""

    at: str
    end: str | None = None
    message: str | None = None
    notes: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RuleCase:
    """One example of a rule: its pairs, options and the findings expected of them."""

    rule: str
    name: str
    pairs: tuple[tuple[str | None, str | None], ...]
    expect: tuple[Expected, ...]
    source_lang: str = "ar"
    target_lang: str = "en"
    options: Mapping[str, Any] = field(default_factory=dict)
    fixed_source: str | None = None
    fixed_target: str | None = None
    xfail: str | None = None
    path: Path | None = None
    line: int = 0

    @property
    def where(self) -> str:
        """``file:line`` of the case, for messages."""
        return f"{_shown_path(self.path)}:{self.line}" if self.path else "<case>"

    @property
    def id(self) -> str:
        """The case name, prefixed with its file's name: unique across a folder."""
        return f"{self.path.stem}::{self.name}" if self.path else self.name


def _shown_path(path: Path) -> str:
    """The path relative to the working folder when it is inside it: shorter messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- loading -------------------------------------------------------------------------------


class _Lined(dict):
    """A YAML mapping that remembers the lines it and its keys start on, for messages."""

    line = 0
    key_lines: dict[Any, int] = {}  # noqa: RUF012 - replaced per instance by the loader


@dataclass(frozen=True)
class _Where:
    """A place in a case file for error messages: ``file:line: what``, the line being the
    key's own where it is known, so that an editor jumps to it."""

    file: str
    line: int
    what: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f": {self.what}" if self.what else "")

    def key(self, data: Any, key: str) -> _Where:
        line = getattr(data, "key_lines", {}).get(key, self.line)
        return _Where(self.file, line, self.what)

    def inside(self, data: Any, what: str) -> _Where:
        line = getattr(data, "line", 0) or self.line
        return _Where(self.file, line, f"{self.what}, {what}" if self.what else what)


@cache
def _yaml_loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[_Lined]:
        data = _Lined()
        data.line = node.start_mark.line + 1
        yield data
        data.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        data.update(loader.construct_mapping(node))

    Loader.add_constructor("tag:yaml.org,2002:map", mapping)
    return Loader


def load_cases(path: str | Path) -> list[RuleCase]:
    """The cases of a ``.yml`` file, or of every ``.yml``/``.yaml`` file in a folder."""
    path = Path(path)
    if path.is_dir():
        files = sorted([*path.glob("*.yml"), *path.glob("*.yaml")])
        if not files:
            raise CaseError(f"{_shown_path(path)}: no .yml case files in this folder")
        return [case for file in files for case in _load_file(file)]
    if not path.is_file():
        raise CaseError(f"{path}: no such case file or folder (looked in {Path.cwd()})")
    return list(_load_file(path))


def _load_file(path: Path) -> Iterator[RuleCase]:
    import yaml

    shown = _shown_path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        raise CaseError(f"{shown}: invalid YAML: {exc}") from None
    if not isinstance(data, _Lined):
        raise CaseError(f"{shown}: expected a mapping with 'rule' and 'cases'")
    where = _Where(shown, data.line)
    _check_keys(data, FILE_KEYS, ("rule", "cases"), where)
    rule = _nonempty(data, "rule", where)
    if not isinstance(data["cases"], list) or not data["cases"]:
        raise CaseError(f"{where.key(data, 'cases')}: 'cases' must be a non-empty list")
    defaults = {k: _typed(data, k, str, where) or v for k, v in DEFAULT_LANGS.items()}
    seen: dict[str, int] = {}
    for item in data["cases"]:
        case = _case(item, rule, defaults, where, path.resolve())
        if case.name in seen:
            raise CaseError(
                f"{case.where}: case name {case.name!r} already used at line "
                f"{seen[case.name]}; names are test ids and must differ"
            )
        seen[case.name] = case.line
        yield case


def _case(item: Any, rule: str, defaults: dict[str, str], file: _Where, path: Path) -> RuleCase:
    if not isinstance(item, dict):
        raise CaseError(f"{file}: each case must be a mapping with 'name' and 'expect'")
    name = item.get("name")
    where = file.inside(item, f"case {name!r}" if isinstance(name, str) else "a case")
    _check_keys(item, CASE_KEYS, ("name", "expect"), where)
    name = _nonempty(item, "name", where)
    expect = _list(item, "expect", where)
    return RuleCase(
        rule=rule,
        name=name,
        pairs=_pairs(item, where),
        expect=tuple(_expected(e, where.inside(e, f"expect[{i}]")) for i, e in enumerate(expect)),
        source_lang=_typed(item, "source_lang", str, where) or defaults["source_lang"],
        target_lang=_typed(item, "target_lang", str, where) or defaults["target_lang"],
        options=_typed(item, "options", dict, where) or {},
        fixed_source=_typed(item, "fixed_source", str, where),
        fixed_target=_typed(item, "fixed_target", str, where),
        xfail=_typed(item, "xfail", str, where),
        path=path,
        line=where.line,
    )


def _pairs(item: dict, where: _Where) -> tuple[tuple[str | None, str | None], ...]:
    if "pairs" not in item:
        missing = [k for k in ("source", "target") if k not in item]
        if missing:
            raise CaseError(f"{where}: missing key {missing[0]!r} (or give 'pairs')")
        return ((_typed(item, "source", str, where), _typed(item, "target", str, where)),)
    clash = [k for k in ("source", "target", "fixed_source", "fixed_target") if k in item]
    if clash:
        raise CaseError(
            f"{where.key(item, clash[0])}: {clash[0]!r} cannot go with 'pairs' "
            "(give either 'pairs' or 'source' and 'target')"
        )
    found = []
    for i, pair in enumerate(_list(item, "pairs", where)):
        at = where.inside(pair, f"pairs[{i}]")
        if not isinstance(pair, dict):
            raise CaseError(f"{at}: expected a mapping with 'source' and 'target'")
        _check_keys(pair, PAIR_KEYS, PAIR_KEYS, at)
        found.append((_typed(pair, "source", str, at), _typed(pair, "target", str, at)))
    if not found:
        raise CaseError(f"{where.key(item, 'pairs')}: 'pairs' must not be empty")
    return tuple(found)


def _expected(item: Any, where: _Where) -> Expected:
    if isinstance(item, str):
        return Expected(_at(item, where))
    if not isinstance(item, dict):
        raise CaseError(f"{where}: expected 'side:line:col' or a mapping with 'at'")
    _check_keys(item, EXPECT_KEYS, ("at",), where)
    end = item.get("end")
    if end is not None and not (isinstance(end, str) and LINE_COL.fullmatch(end)):
        raise CaseError(
            f"{where.key(item, 'end')}: 'end' must be \"LINE:COL\" in quotes, got {end!r}"
        )
    notes = item.get("notes")
    if notes is not None:
        notes = tuple(_at(n, where.key(item, "notes")) for n in _list(item, "notes", where))
    at = _at(item["at"], where.key(item, "at"))
    return Expected(at, end, _typed(item, "message", str, where), notes)


def _check_keys(
    data: dict, known: tuple[str, ...], required: tuple[str, ...], where: _Where
) -> None:
    for key in data:
        if key not in known:
            hint = _did_you_mean(str(key), known)
            raise CaseError(
                f"{where.key(data, key)}: unknown key {key!r}{hint} (known: {', '.join(known)})"
            )
    for key in required:
        if key not in data:
            raise CaseError(f"{where}: missing key {key!r}")


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _typed(data: dict, key: str, kind: type, where: _Where) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        wanted = {"str": "a string", "dict": "a mapping", "list": "a list"}[kind.__name__]
        raise CaseError(f"{where.key(data, key)}: {key!r} must be {wanted}, got {value!r}")
    return value


def _nonempty(data: dict, key: str, where: _Where) -> str:
    value = _typed(data, key, str, where)
    if not value:
        raise CaseError(f"{where.key(data, key)}: {key!r} must be a non-empty string")
    return value


def _list(data: dict, key: str, where: _Where) -> list:
    return _typed(data, key, list, where) or []


def _at(value: Any, where: _Where) -> str:
    if not (isinstance(value, str) and AT.fullmatch(value)):
        raise CaseError(
            f"{where}: a place must be 'source:LINE:COL' or 'target:LINE:COL', got {value!r}"
        )
    return value


# --- pytest ----------------------------------------------------------------------------------


def rule_cases(path: str | Path) -> list[Any]:
    """pytest parameters for the cases of a file or folder. The ids are the case names
    (prefixed with the file's name for a folder, where two files may share a name); a case
    with ``xfail`` is a strict xfail, so that a fixed rule is noticed."""
    import pytest

    folder = Path(path).is_dir()
    return [
        pytest.param(
            case,
            id=case.id if folder else case.name,
            marks=[_xfail(pytest, case.xfail)] if case.xfail else [],
        )
        for case in load_cases(path)
    ]


def _xfail(pytest: Any, reason: str) -> Any:
    # Only a failed check is the expected failure: a schema error must still fail.
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


# --- checking --------------------------------------------------------------------------------


@cache
def _default_registry() -> Registry:
    from lintr import registry

    return registry.load()


def check_case(case: RuleCase, registry: Registry | None = None) -> None:
    """Run the case's rule on its pairs; AssertionError, with expected and actual findings
    side by side, when they differ. ``registry`` defaults to every installed plugin."""
    registry = registry or _default_registry()
    rule = _rule(case, registry)
    findings = sorted(
        _findings(rule, _build_pairs(case, registry)),
        key=lambda f: (f.location.path, f.location.line, f.location.column),
    )
    problems = _compare(case.expect, findings) + _compare_fixes(case, findings)
    if problems:
        raise AssertionError(_report(case, findings, problems))


def _rule(case: RuleCase, registry: Registry) -> Rule:
    cls: type[Rule] | None = registry.rules.get(case.rule)
    if cls is None:
        hint = _did_you_mean(case.rule, registry.rules)
        failed = "".join(f"; {warning}" for warning in registry.warnings)
        raise CaseError(f"{case.where}: unknown rule {case.rule!r}{hint}{failed}")
    options = {}
    for key, value in case.options.items():
        if key not in cls.options:
            hint = _did_you_mean(key, cls.options)
            raise CaseError(f"{case.where}: {case.rule} has no option {key!r}{hint}")
        try:
            options[key] = cls.options[key].validate(value)
        except ValueError as exc:
            raise CaseError(f"{case.where}: option {key!r}: {exc}") from None
        if key.endswith("-file") and value and case.path is not None:
            options[key] = str(case.path.parent / value)
    return cls(options)


def _build_pairs(case: RuleCase, registry: Registry) -> list[Pair]:
    from lintr.model import Pair, PairSide, Segment

    langs = registry.languages
    profiles = []
    for key, code in (("source_lang", case.source_lang), ("target_lang", case.target_lang)):
        if code not in langs:
            hint = _did_you_mean(code, langs.by_code)
            raise CaseError(f"{case.where}: {key}: no plugin provides language {code!r}{hint}")
        profiles.append(langs.get(code))

    def side(text: str | None, name: Any, n: int, profile: Any) -> PairSide:
        segments = () if text is None else (Segment(text, name, n, 1),)
        return PairSide(segments, profile, name)

    return [
        Pair(side(src, "source", n, profiles[0]), side(tgt, "target", n, profiles[1]), n - 1)
        for n, (src, tgt) in enumerate(case.pairs, start=1)
    ]


def _findings(rule: Rule, pairs: list[Pair]) -> Iterable[Finding]:
    if rule.scope != "corpus":
        return [f for pair in pairs for f in rule.check(pair)]
    state = rule.collect(pairs[0])
    for pair in pairs[1:]:
        state = rule.merge(state, rule.collect(pair))
    return list(rule.finalize(state))


def _place(loc: Any) -> str:
    return f"{loc.path}:{loc.line}:{loc.column}"


def _compare(expect: tuple[Expected, ...], findings: list[Finding]) -> list[str]:
    if [e.at for e in expect] != [_place(f.location) for f in findings]:
        return ["the findings are not at the expected places"]
    problems = []
    for n, (exp, got) in enumerate(zip(expect, findings, strict=True), start=1):
        loc = got.location
        if exp.message is not None and exp.message not in got.message:
            problems.append(f"finding {n} ({exp.at}): message does not contain {exp.message!r}")
        if exp.end is not None and f"{loc.end_line}:{loc.end_column}" != exp.end:
            problems.append(
                f"finding {n} ({exp.at}): ends at {loc.end_line}:{loc.end_column}, "
                f"expected {exp.end}"
            )
        notes = [_place(r.location) for r in got.related]
        if exp.notes is not None and notes != list(exp.notes):
            problems.append(f"finding {n} ({exp.at}): notes at {notes}, expected {list(exp.notes)}")
    return problems


def _compare_fixes(case: RuleCase, findings: list[Finding]) -> list[str]:
    problems = []
    for side, wanted in (("source", case.fixed_source), ("target", case.fixed_target)):
        if wanted is None:
            continue
        text = case.pairs[0][0 if side == "source" else 1] or ""
        edits = [e for f in findings for e in f.fix if e.location.path == side]
        fixed = _apply(text, edits)
        if fixed != wanted:
            problems.append(f"fixed {side}:\n    expected {wanted!r}\n    actual   {fixed!r}")
    return problems


def _apply(text: str, edits: Iterable[Any]) -> str:
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


def _report(case: RuleCase, findings: list[Finding], problems: list[str]) -> str:
    """Expected against actual findings, one a line, aligned by place like a diff:
    ``-`` expected and missing, ``+`` found and not expected."""
    expected = [e.at for e in case.expect]
    actual = [_place(f.location) for f in findings]
    lines = [f"{case.rule}: case {case.name!r} ({case.where}) failed:"]
    lines += [f"  {p}" for p in problems]
    lines.append("  findings (- expected only, + actual only):")
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            lines += [f"      {_shown(findings[j])}" for j in range(b0, b1)]
            continue
        lines += [f"    - {_shown_expected(case.expect[i])}" for i in range(a0, a1)]
        lines += [f"    + {_shown(findings[j])}" for j in range(b0, b1)]
    if not expected and not actual:
        lines.append("      (none)")
    return "\n".join(lines)


def _shown(finding: Finding) -> str:
    loc = finding.location
    notes = "".join(f"\n          note {_place(r.location)}: {r.message}" for r in finding.related)
    return f"{_place(loc)}-{loc.end_line}:{loc.end_column}: {finding.message}{notes}"


def _shown_expected(exp: Expected) -> str:
    parts = [exp.at + (f"-{exp.end}" if exp.end else "")]
    if exp.message is not None:
        parts.append(f"message containing {exp.message!r}")
    if exp.notes is not None:
        parts.append(f"notes at {', '.join(exp.notes) or 'none'}")
    return ": ".join(parts)
