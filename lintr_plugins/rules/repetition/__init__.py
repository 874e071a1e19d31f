"""Rules about repeated words."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.repetition.doubled_word import DoubledWord


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [DoubledWord]
