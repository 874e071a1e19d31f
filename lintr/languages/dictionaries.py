"""Bilingual dictionaries that plugins contribute (the ``lintr_dictionaries`` hook).

The document aligner teaches itself which words translate each other from the pairs it is
sure of (lintr.align.lexicon). A short document, or one of short units (the messages of a
software catalogue), teaches it little; a dictionary adds the translations of the words
the document holds, as anchors that pair a unit with its translation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Dictionary:
    """Translations from the words of one language into another.

    ``translations`` is given a word as lintr.align.lexicon compares words (``lexicon.form``:
    Arabic without marks, folded, the article and a clitic stripped; other scripts in lower
    case, a plural s dropped) and returns the target language's words it may translate to,
    plain (lintr folds them the same way). It is called once per distinct word of a
    document, so it may be slow the first time (loading its data), not every time."""

    name: str
    source: str  # language code of the headwords
    target: str  # language code of the translations
    translations: Callable[[str], Iterable[str]]
    # How a translation and a word of the document are compared, past lintr's own folding:
    # a stemmer of the target language, say, so that a gloss "closing" finds "close".
    match: Callable[[str], str] | None = None


class Dictionaries:
    """The dictionaries of the loaded plugins, found by language pair."""

    def __init__(self, found: Iterable[Dictionary]):
        self.all: Sequence[Dictionary] = tuple(found)

    def between(self, source: str, target: str) -> tuple[Dictionary, bool] | None:
        """A dictionary of the pair, and whether it is the other way round (its headwords
        are the target language's); the first plugin's wins."""
        for d in self.all:
            if (d.source, d.target) == (source, target):
                return d, False
        for d in self.all:
            if (d.source, d.target) == (target, source):
                return d, True
        return None
