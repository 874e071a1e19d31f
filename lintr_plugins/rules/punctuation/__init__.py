"""Rules about punctuation: quotation marks, brackets and the end of a sentence."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.punctuation.terminal_punctuation import TerminalPunctuation
from lintr_plugins.rules.punctuation.unbalanced_brackets import UnbalancedBrackets
from lintr_plugins.rules.punctuation.unbalanced_quotes import UnbalancedQuotes


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [UnbalancedQuotes, UnbalancedBrackets, TerminalPunctuation]
