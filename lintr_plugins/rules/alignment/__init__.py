"""Rules about pairing: content on one side with no counterpart on the other, whether a
whole paragraph or line (between files) or one sentence inside a pair."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.alignment.added_sentence import AddedSentence
from lintr_plugins.rules.alignment.missing_sentence import MissingSentence


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [MissingSentence, AddedSentence]
