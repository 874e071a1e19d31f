"""unit-mismatch: quantities whose unit or value changed in translation."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.units.unit_mismatch import UnitMismatch


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [UnitMismatch]
