"""The rule about terminology: source terms rendered as the team's glossary says."""

from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule
from lintr_plugins.rules.glossary.glossary import Glossary


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [Glossary]
