"""The hooks a lintr plugin may implement: the whole contract between lintr and a plugin.

A plugin is any module registered under the ``lintr`` entry-point group::

    [project.entry-points.lintr]
    my-rules = "my_package.my_rules"

whose hook functions are decorated with :data:`hookimpl`. Every hook takes no argument and
returns a list, so that many plugins add up; lintr calls each hook once per process, at
start-up, before reading any input (lintr.registry), in the order pluggy calls them: the
plugin registered last (entry-point names sort the plugins) first.

What a plugin gets wrong is one ``lintr: warning:`` line naming the plugin and its
distribution, and the run goes on with the other plugins; it never stops lintr nor changes
its exit status:

* a function marked :data:`hookimpl` whose name is not a hook below (``lintr_rule``) is
  never called;
* a hook that raises contributes nothing;
* a hook that returns anything but a list (an iterable: not a string, not a mapping, not
  None) contributes nothing; an item of the wrong kind is skipped, the others kept;
* a contribution whose name another already has (a rule id, a reader or reporter name, a
  language code) is skipped: a built-in (distribution ``lintr``) keeps its name, and
  between two other plugins the first in entry-point name order does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from lintr.languages.dictionaries import Dictionary
    from lintr.languages.profile import LanguageProfile
    from lintr.readers import Reader
    from lintr.reporters import Reporter
    from lintr.rules.base import Rule

PROJECT = "lintr"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def lintr_rules() -> list[type[Rule]]:
    """Rule classes: subclasses of :class:`lintr.rules.base.Rule`.

    Each needs an ``id`` in kebab-case (``doubled-word``: lower-case letters and digits,
    words joined by single hyphens, a letter first) and a docstring, which ``lintr explain``
    prints as its documentation; a class without either is skipped with a warning. Rule
    ids are public and stable: one already taken is skipped with a warning.
    """
    raise NotImplementedError  # a specification: pluggy calls only the plugins' hooks


@hookspec
def lintr_languages() -> list[LanguageProfile]:
    """Language profiles: :class:`lintr.languages.profile.LanguageProfile` instances.

    A language code already given by another plugin is skipped with a warning (a built-in
    profile keeps its code). The order of the profiles is the order in which language
    detection tries them.
    """
    raise NotImplementedError  # a specification: pluggy calls only the plugins' hooks


@hookspec
def lintr_readers() -> list[Reader]:
    """Input formats: :class:`lintr.readers.Reader` instances, each with its own ``name``.

    Single-file readers are asked in this order whether a file is theirs (``sniff``). A
    name already taken is skipped with a warning.
    """
    raise NotImplementedError  # a specification: pluggy calls only the plugins' hooks


@hookspec
def lintr_reporters() -> list[Reporter]:
    """Output formats: :class:`lintr.reporters.Reporter` instances; ``--format NAME`` picks
    one by its ``name``. A name already taken is skipped with a warning; a ``--format``
    whose reporter did not load is a usage error (exit status 2)."""
    raise NotImplementedError  # a specification: pluggy calls only the plugins' hooks


@hookspec
def lintr_dictionaries() -> list[Dictionary]:
    """Bilingual dictionaries (:class:`lintr.languages.dictionaries.Dictionary` instances)
    the document aligner uses beside what each document teaches it.

    Called at start-up like the others: return the dictionary cheaply and load its data
    the first time it translates a word. Of two for the same language pair, the first
    one returned wins.
    """
    raise NotImplementedError  # a specification: pluggy calls only the plugins' hooks
