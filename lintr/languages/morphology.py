"""How the aligner's lexicon compares the words of a language (lintr.align.lexicon).

The lexicon pairs words that keep turning up in the same pairs; a word must count as one
whatever is written onto it. A language says how: its folding (case, marks, letter
variants) and the affixes that do not make another word (Arabic clitics and the article,
pronoun suffixes; the English plural s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key
class WordForms:
    """A word's comparable form: ``fold`` it, then strip the first of ``prefixes`` it starts
    with and the first of ``suffixes`` it ends with, each only where at least ``min_stem``
    letters stay; a suffix stays where the word ends with one of ``kept``."""

    fold: Callable[[str], str] = str.lower
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    min_stem: int = 3
    kept: tuple[str, ...] = ()
    _stems: dict[str, str] = field(default_factory=dict, repr=False)  # a cache

    def stem(self, word: str) -> str:
        """``word`` (folded) without the affixes that do not make another word."""
        found = self._stems.get(word)
        if found is None:
            if len(self._stems) > 65536:
                self._stems.clear()
            found = self._stems[word] = self._strip(word)
        return found

    def _strip(self, word: str) -> str:
        for prefix in self.prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= self.min_stem:
                word = word[len(prefix) :]
                break
        if self.kept and word.endswith(self.kept):
            return word
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= self.min_stem:
                return word[: -len(suffix)]
        return word


# The default: lower case, and a final s dropped (the plural of most languages written in
# Latin script; "prayers" and "prayer" alike), never from a word ending in ss.
PLURAL_S = WordForms(suffixes=("s",), min_stem=4, kept=("ss",))
