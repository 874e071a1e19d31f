"""What each hook of lintr.hookspecs must return, and what is wrong with a contribution.

lintr.registry calls the hooks; this module only judges what they return, so that a
plugin's mistake becomes one warning line instead of a traceback deep in a run.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from lintr import text as textmod
from lintr.languages.dictionaries import Dictionary
from lintr.languages.profile import LanguageProfile
from lintr.readers import Reader
from lintr.reporters import Reporter
from lintr.rules.base import Rule

RULE_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
# The engine's own rule ids (lintr.cli.commands.CORE_RULES): no plugin may take them.
CORE_IDS = frozenset({"input-error", "internal-error"})


class Kind(NamedTuple):
    """One hook's contributions: what they must be, and the name two may not share. (A
    named tuple: a dataclass would cost a millisecond of every start-up to build.)"""

    hook: str
    expected: str  # one item, as a warning names it: "a Reader instance"
    expected_list: str  # "a list of Reader instances"
    noun: str  # what its name is called: "reader", "rule id"
    is_kind: Callable[[Any], bool]
    # What is wrong with an item of the right kind, or None.
    problem: Callable[[Any], str | None]
    key: Callable[[Any], str] | None

    def wrong_kind(self, item: object) -> str:
        return f"{self.hook} returned {shown(item)} in its list, expected {self.expected}"


def rule_problem(rule: type[Rule]) -> str | None:
    """Why ``rule`` cannot be used: the id and the docstring are its public face."""
    name = rule.__qualname__
    rule_id = getattr(rule, "id", None)  # declared on Rule, set by each subclass
    if rule_id is None:
        return f"rule class {name} has no id"
    if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
        return f"rule class {name} has id {rule_id!r}, not kebab-case (like 'doubled-word')"
    if rule_id in CORE_IDS:
        return f"rule class {name} has id {rule_id!r}, which lintr itself reports"
    if not (rule.__doc__ or "").strip():
        return f"rule class {name} ({rule_id!r}) has no docstring, its documentation"
    return None


def named_problem(noun: str, attribute: str) -> Callable[[Any], str | None]:
    """A check that an item has a non-empty string ``attribute`` (its name)."""

    def problem(item: Any) -> str | None:
        name = getattr(item, attribute)
        if isinstance(name, str) and name:
            return None
        return f"{noun} {type(item).__qualname__} has {attribute} {name!r}, expected a word"

    return problem


def language_problem(profile: LanguageProfile) -> str | None:
    named = named_problem("language profile", "code")(profile)
    if named is not None:
        return named
    try:
        textmod.script_pattern(profile.script)
    except Exception:
        return f"language {profile.code!r} has script {profile.script!r}, not a Unicode script"
    return None


def _instance_of(cls: type) -> Callable[[Any], bool]:
    return lambda item: isinstance(item, cls)


def _is_rule(item: Any) -> bool:
    return isinstance(item, type) and issubclass(item, Rule)


def _fine(item: Any) -> str | None:
    return None


KINDS = {
    "rules": Kind(
        "lintr_rules",
        "a Rule subclass",
        "a list of Rule subclasses",
        "rule id",
        _is_rule,
        rule_problem,
        lambda r: r.id,
    ),
    "languages": Kind(
        "lintr_languages",
        "a LanguageProfile instance",
        "a list of LanguageProfile instances",
        "language",
        _instance_of(LanguageProfile),
        language_problem,
        lambda p: p.code,
    ),
    "dictionaries": Kind(
        "lintr_dictionaries",
        "a Dictionary instance",
        "a list of Dictionary instances",
        "dictionary",
        _instance_of(Dictionary),
        _fine,
        None,  # two for one language pair: the first wins (Dictionaries.between)
    ),
    "readers": Kind(
        "lintr_readers",
        "a Reader instance",
        "a list of Reader instances",
        "reader",
        _instance_of(Reader),
        named_problem("reader", "name"),
        lambda r: r.name,
    ),
    "reporters": Kind(
        "lintr_reporters",
        "a Reporter instance",
        "a list of Reporter instances",
        "reporter",
        _instance_of(Reporter),
        named_problem("reporter", "name"),
        lambda r: r.name,
    ),
}


def as_list(returned: object) -> list[Any] | None:
    """The items a hook returned, or None when it returned no list: a string or a mapping
    iterates, but is never meant as one."""
    if isinstance(returned, str | bytes | Mapping) or not isinstance(returned, Iterable):
        return None
    return list(returned)


def shown(value: object) -> str:
    """``value`` for a one-line warning: short, and saying what type it is."""
    if value is None:
        return "None"
    if isinstance(value, type):
        return f"class {value.__qualname__}"
    return one_line(f"{reprlib.repr(value)} ({type(value).__name__})")


def one_line(value: object) -> str:
    return " ".join(str(value).splitlines())


def error(exc: BaseException) -> str:
    """An exception as one line: its type, and its message when it has one."""
    message = one_line(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
