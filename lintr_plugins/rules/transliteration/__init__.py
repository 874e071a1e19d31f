"""The corpus-scope rule about names: one name transliterated in different ways."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.transliteration.inconsistent_transliteration import (
    InconsistentTransliteration,
)


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [InconsistentTransliteration]
