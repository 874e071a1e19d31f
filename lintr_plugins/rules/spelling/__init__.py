"""The corpus-scope rule about misspellings: a rare word one edit away from a frequent one."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.spelling.spelling_variant import SpellingVariant


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [SpellingVariant]
