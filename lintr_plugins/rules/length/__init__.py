"""The corpus-scope rule about length: a target far longer or shorter than the corpus norm."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.length.length_ratio import LengthRatio


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [LengthRatio]
