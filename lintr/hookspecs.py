"""The hooks a lintr plugin may implement. Every hook returns a list, so many plugins add up.

A plugin is any module registered under the ``lintr`` entry-point group::

    [project.entry-points.lintr]
    my-rules = "my_package.my_rules"

and decorating its functions with :data:`hookimpl`.
"""

from __future__ import annotations

import pluggy

PROJECT = "lintr"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def lintr_rules() -> list[type]:
    """Rule classes (subclasses of :class:`lintr.rules.base.Rule`)."""


@hookspec
def lintr_languages() -> list:
    """Language profiles (:class:`lintr.languages.profile.LanguageProfile` instances)."""


@hookspec
def lintr_readers() -> list:
    """Input formats (:class:`lintr.readers.Reader` instances)."""


@hookspec
def lintr_reporters() -> list:
    """Output formats (:class:`lintr.reporters.Reporter` instances)."""


@hookspec
def lintr_dictionaries() -> list:
    """Bilingual dictionaries (:class:`lintr.languages.dictionaries.Dictionary` instances) the document
    aligner uses beside what each document teaches it."""
