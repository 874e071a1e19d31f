"""Rules about text left untranslated, or not translated at all."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.untranslated.empty_translation import EmptyTranslation
from lintr_plugins.rules.untranslated.untranslated_fragment import UntranslatedFragment
from lintr_plugins.rules.untranslated.untranslated_segment import UntranslatedSegment


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [EmptyTranslation, UntranslatedSegment, UntranslatedFragment]
