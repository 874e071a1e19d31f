"""The corpus-scope rule of translation memories: one source, one translation."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.consistency.inconsistent_translation import InconsistentTranslation


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [InconsistentTranslation]
