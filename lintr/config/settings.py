"""Finding and validating configuration: ``[tool.lintr]`` in pyproject.toml, else lintr.toml
or .lintr.toml, the nearest one walking up from each checked file."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintr.config.files import FileProblem, decode_utf8, read_capped
from lintr.model import Severity

CONFIG_FILES = ("pyproject.toml", "lintr.toml", ".lintr.toml")
KEYS = (
    "source-lang",
    "target-lang",
    "select",
    "ignore",
    "fail-on",
    "per-file-ignores",
    "pairs",
    "baseline",
    "side",
    "rules",
)
# The values of ``side``: the findings shown, besides those about a whole pair ("both": all).
SIDES = ("source", "target", "both")


class ConfigError(Exception):
    """A configuration problem: the message names the file and the key."""


@dataclass(frozen=True)
class PairPattern:
    """A source/target path template; ``{name}`` is one path part, ``{path}`` any number."""

    source: str
    target: str

    def counterpart(self, rel: str) -> tuple[str, str] | None:
        """(source, target) relative paths when ``rel`` matches either template."""
        for mine, other, rel_is_source in (
            (self.source, self.target, True),
            (self.target, self.source, False),
        ):
            match = _template_regex(mine).fullmatch(rel)
            if match:
                filled = _fill(other, match.groupdict())
                return (rel, filled) if rel_is_source else (filled, rel)
        return None

    def source_glob(self) -> str:
        return re.sub(r"\{path\}", "**/*", re.sub(r"\{name\}", "*", self.source))


def _template_regex(template: str) -> re.Pattern:
    out, pos = [], 0
    for m in re.finditer(r"\{(name|path)\}", template):
        out.append(re.escape(template[pos : m.start()]))
        out.append(f"(?P<{m.group(1)}>[^/]+)" if m.group(1) == "name" else f"(?P<{m.group(1)}>.+)")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


def _fill(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(name|path)\}", lambda m: values[m.group(1)], template)


@dataclass
class Settings:
    """Effective settings for the files under one configuration file."""

    file: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    source_lang: str | None = None
    target_lang: str | None = None
    select: list[str] | None = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    pairs: list[PairPattern] = field(default_factory=list)
    baseline: str | None = None
    side: str | None = None  # "source" or "target": only that side's findings; None: all
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)

    def relative(self, path: str) -> str:
        """``path`` relative to the configuration's folder, with forward slashes."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def ignored_for(self, path: str) -> set[str]:
        rel = self.relative(path)
        out: set[str] = set()
        for pattern, ids in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
                out.update(ids)
        return out


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_lintr_table(candidate)):
                return candidate
    return None


def _has_lintr_table(path: Path) -> bool:
    try:
        return "lintr" in _load_toml(path).get("tool", {})
    except ConfigError:
        return True  # let load() report the syntax error


def _load_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here: a run without a configuration file never pays its patterns

    try:
        text = decode_utf8(read_capped(path))
    except FileProblem as exc:
        raise ConfigError(f"{_shown(path)}: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{_shown(path)}: invalid TOML: nested too deeply") from None


def did_you_mean(name: str, choices) -> str:
    """' (did you mean 'x'?)' for a near miss, else ''."""
    import difflib  # here: only a misspelled name needs it, and it costs every start-up

    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _shown(path: Path) -> str:
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def load(path: Path, rule_options: dict[str, dict[str, Any]]) -> Settings:
    """Read and validate one configuration file. ``rule_options``: id -> {option: Option}."""
    data = _load_toml(path)
    table = data.get("tool", {}).get("lintr", {}) if path.name == "pyproject.toml" else data
    where = "[tool.lintr]" if path.name == "pyproject.toml" else "the top level"
    prefix = "tool.lintr." if path.name == "pyproject.toml" else ""
    return _validate(table, path, prefix, where, rule_options)


def from_table(table: Mapping[str, Any], rule_options: dict[str, dict[str, Any]]) -> Settings:
    """Validate a configuration given as a table (the keys of lintr.toml), as ``load`` does
    one read from a file; errors name it ``<config>``."""
    return _validate(dict(table), Path("<config>"), "", "the configuration", rule_options)


def _validate(table, path, prefix, where, rule_options) -> Settings:
    settings = Settings(file=path, root=path.parent)

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{_shown(path)}: {prefix}{key}: {problem}")

    for key, value in table.items():
        if key in ("source-lang", "target-lang"):
            if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}", value):
                raise fail(key, f'expected a language code such as "ar", got {value!r}')
            setattr(settings, key.replace("-", "_"), value)
        elif key in ("select", "ignore"):
            ids = _id_list(value, lambda p, k=key: fail(k, p))
            unknown = [i for i in ids if i not in rule_options and i != "ALL"]
            if unknown:
                raise fail(
                    key, f"unknown rule {unknown[0]!r}{did_you_mean(unknown[0], rule_options)}"
                )
            setattr(settings, key, ids)
        elif key == "fail-on":
            try:
                settings.fail_on = Severity.parse(value if isinstance(value, str) else "?")
            except ValueError:
                raise fail(key, f"expected error, warning or info, got {value!r}") from None
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise fail(key, "expected a table of glob = [rule ids]")
            for glob, ids in value.items():
                ids = _id_list(ids, lambda p, k=f"{key}.{glob}": fail(k, p))
                unknown = [i for i in ids if i not in rule_options and i != "ALL"]
                if unknown:
                    raise fail(f"{key}.{glob}", f"unknown rule {unknown[0]!r}")
                settings.per_file_ignores[glob] = ids
        elif key == "pairs":
            settings.pairs = _pairs(value, lambda p, k=key: fail(k, p))
        elif key == "baseline":
            if not isinstance(value, str):
                raise fail(key, f"expected a file path, got {value!r}")
            settings.baseline = str(path.parent / value)
        elif key == "side":
            if value not in SIDES:
                raise fail(key, f"expected source, target or both, got {value!r}")
            settings.side = None if value == "both" else value
        elif key == "rules":
            settings.rules = _rule_tables(value, rule_options, fail, path.parent)
        else:
            raise ConfigError(
                f"{_shown(path)}: unknown key {prefix}{key!r} in {where}"
                f"{did_you_mean(key, KEYS)} (known keys: {', '.join(KEYS)})"
            )
    return settings


def _id_list(value, fail) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f"expected a list of rule ids, got {value!r}")
    return value


def _pairs(value, fail) -> list[PairPattern]:
    if not isinstance(value, list):
        raise fail('expected a list of {source = "...", target = "..."} tables')
    out = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"source", "target"}:
            raise fail(f'each pair needs exactly "source" and "target", got {item!r}')
        if not all(isinstance(v, str) and re.search(r"\{(name|path)\}", v) for v in item.values()):
            raise fail(f"source and target must both use {{name}} or {{path}}, got {item!r}")
        out.append(PairPattern(item["source"], item["target"]))
    return out


def _rule_tables(value, rule_options, fail, folder: Path) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise fail("rules", "expected a table per rule, e.g. [tool.lintr.rules.doubled-word]")
    out: dict[str, dict[str, Any]] = {}
    for rule_id, options in value.items():
        if rule_id not in rule_options:
            raise fail(f"rules.{rule_id}", f"unknown rule{did_you_mean(rule_id, rule_options)}")
        if not isinstance(options, dict):
            raise fail(f"rules.{rule_id}", "expected a table of options")
        known = rule_options[rule_id]
        checked: dict[str, Any] = {}
        for name, option_value in options.items():
            key = f"rules.{rule_id}.{name}"
            if name == "severity":
                try:
                    checked[name] = Severity.parse(
                        option_value if isinstance(option_value, str) else "?"
                    )
                except ValueError:
                    raise fail(
                        key, f"expected error, warning or info, got {option_value!r}"
                    ) from None
                continue
            if name not in known:
                choices = ", ".join(sorted(known)) or "none"
                raise fail(
                    key,
                    f"unknown option{did_you_mean(name, [*known, 'severity'])} "
                    f"(options of {rule_id}: {choices}, severity)",
                )
            try:
                checked[name] = known[name].validate(option_value)
            except ValueError as exc:
                raise fail(key, str(exc)) from None
            if name.endswith("-file") and isinstance(option_value, str) and option_value:
                # A file a rule reads (a glossary): relative to the configuration file.
                checked[name] = str(folder / option_value)
        out[rule_id] = checked
    return out
