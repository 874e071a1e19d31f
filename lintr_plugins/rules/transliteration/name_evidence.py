"""What a name's occurrence and its pair's Arabic say, as ``inconsistent-transliteration``
collects it: the analysis of a name word and of the Arabic words, whether a leading
apostrophe opens a quotation, and which Arabic words a spelling renders."""

from __future__ import annotations

import regex

from lintr.analysis import names
from lintr_plugins.languages.arabic.names import (
    ARABIC_WORD,
    arabic_bare,
    arabic_key,
    arabic_skeleton,
    arabic_vowels,
    initial_ayn,
)
from lintr_plugins.rules.transliteration.name_state import Variant


def _analyse_arabic(word: str) -> tuple[str, str, str, tuple, bool]:
    bare = arabic_bare(word)
    return bare, arabic_skeleton(bare), arabic_key(bare), arabic_vowels(word), initial_ayn(bare)


def analyse_arabic_words(text: str) -> list[tuple[str, str, str, tuple, bool]]:
    """Each Arabic word of ``text``: without tashkeel, its skeleton, its key, its vowels and
    whether it starts with an ʿayn."""
    return [_analyse_arabic(word) for word in ARABIC_WORD.findall(text)]


def name_info(start: int, end: int, text: str) -> tuple:
    """A name word's analysis: characters cut at its start and end, the name, folded, its
    spelling, skeleton and vowels, whether it is written with a capital."""
    capital = any(c.isupper() for c in text[:2])
    return (
        start,
        end,
        text,
        names.fold(text),
        names.exact(text),
        names.latin_skeleton(text),
        names.latin_vowels(text),
        capital,
    )


def unquoted(info: tuple) -> tuple:
    """A name's analysis without its leading sign (an opening quote, not an ʿayn)."""
    return (info[0] + 1, info[1], info[2][1:], info[3], info[4][1:], *info[5:])


# A closing quote: a straight or right single quote after a letter or a mark of punctuation
# and before no letter ('… to me.' or 'Allahumma …'), as an ʿayn sign never is.
_CLOSING = regex.compile(r"(?<=[\p{L}\p{P}])['’](?!\p{L})", regex.V1)


# Where a quotation opens: the start of the text, or after a colon, a comma or an opening
# bracket or quote ("He said: 'Jibril came"), not inside a name ("Wathila b. 'Asqa").
_OPENING = r"(?:^|[:,;(“\"]\s*)"


def quoted_spellings(text: str, found, index) -> set[str]:
    """Spellings of the side whose leading sign is an opening quotation mark, not an ʿayn:
    the Arabic it renders has none at its start (say: 'Jibril ... for جبريل), the sign
    stands where a quotation opens, and the side closes a quote somewhere."""
    signed = {info[4] for info in found if info[4][0] in "'’‘`" and len(info[5]) >= 2}
    if not signed:
        return set()
    out = set()
    for spelling in signed:
        info = next(i for i in found if i[4] == spelling)
        words = index.get(info[5], ())
        if words and not any(w[2] for w in words) and _CLOSING.search(text):
            opening = regex.compile(_OPENING + regex.escape(info[2]), regex.V1)
            if opening.search(text):
                out.add(spelling)
    return out


def render(variant: Variant, vowels: tuple, words, n: int) -> None:
    """Count the Arabic words ``words`` of the pair's source for a spelling with ``vowels``:
    those whose own vowels agree, with their vowels; the others as clashes."""
    for bare, arabic, _ in words:
        if names.vowels_agree(vowels, arabic):
            variant.arabic[bare] += n
            if arabic:
                variant.voweled[arabic] += n
        else:
            variant.clash[arabic_key(bare)] += n
