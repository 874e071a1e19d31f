"""The rules a run knows: those the plugins give, and lintr's own, which no plugin gives but
which ``select``, ``ignore`` and ``per-file-ignores`` may name like any other."""

from __future__ import annotations

from typing import Any

from lintr.findings.errors import INPUT_ERROR, INTERNAL_ERROR
from lintr.registry import Registry

# id -> (scope, severity, summary), as `lintr rules` lists a plugin's rule.
CORE_RULES = {
    INPUT_ERROR: (
        "any",
        "error",
        "Unreadable input: missing, binary, not UTF-8, empty or malformed.",
    ),
    INTERNAL_ERROR: (
        "any",
        "error",
        "A rule or plugin that failed on an input; the run went on.",
    ),
}


def rule_options(registry: Registry) -> dict[str, dict[str, Any]]:
    """id -> {option name: Option} of every rule, as the configuration is validated against."""
    options = {rid: cls.options for rid, cls in registry.rules.items()}
    options.update({rid: {} for rid in CORE_RULES})
    return options


def known_ids(registry: Registry) -> set[str]:
    """The ids ``--select`` and ``--ignore`` accept."""
    return set(registry.rules) | set(CORE_RULES) | {"ALL"}
