"""The rule contract: the base class every rule subclasses and its typed options.

A plugin writes ``from lintr.rules import Option, Rule``."""

from lintr.rules.base import Option, Rule, Scope

__all__ = ["Option", "Rule", "Scope"]
