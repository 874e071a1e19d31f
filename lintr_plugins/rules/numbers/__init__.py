"""Rules about numbers."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.numbers.numeral_mismatch import NumeralMismatch


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [NumeralMismatch]
