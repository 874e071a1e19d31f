"""An example lintr plugin: the ``lintr_rules`` hook returns the rules it adds."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_exclamation.exclamation_mismatch import ExclamationMismatch


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [ExclamationMismatch]
