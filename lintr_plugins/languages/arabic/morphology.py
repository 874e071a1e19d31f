"""What Arabic writes onto a word without making another one, for the aligner's lexicon
(lintr.languages.morphology): صلاته, صلاتهم, والصلاة and الصلاة are all صلا."""

from __future__ import annotations

from collections.abc import Callable

from lintr.languages.morphology import WordForms

# Clitics written onto the word: the article and the particles before it.
PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب")
# Pronouns and the feminine ending written onto the word (صلاته, صلاتهم, صلاة: one word).
SUFFIXES = ("هما", "هم", "ها", "كم", "نا", "ه", "ة", "ت")


def word_forms(normalize: Callable[[str], str]) -> WordForms:
    """Words folded with the profile's ``normalize`` (marks, alef and hamza forms), then one
    clitic and one suffix stripped where three letters stay."""
    return WordForms(fold=normalize, prefixes=PREFIXES, suffixes=SUFFIXES, min_stem=3)
