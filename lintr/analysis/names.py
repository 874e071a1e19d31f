"""Transliterated names in Latin-script text, and the foldings that tell two spellings of one
name apart from two names: diacritics, apostrophe and ʿayn signs, hyphens and case. (The
other script's side, such as the Arabic word a name renders, is its language plugin's:
lintr_plugins/languages/arabic/names.py.)"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from lintr.languages.latin import (
    ARTICLES,
    AYN_SIGNS,
    fold,
)

# Re-exported: the rules and tests read a name's Latin-script pieces here, beside the rest.
from lintr.languages.latin import CAPITALISED as CAPITALISED
from lintr.languages.latin import latin_skeleton as latin_skeleton
from lintr.languages.latin import latin_vowels as latin_vowels

# Letters and signs that only transliterations carry (DIN 31635, ALA-LC, ISO 233 and the
# looser styles of news agencies): a word with one of them is a name, capitalised or not.
MARKS = frozenset("āīūēōḥṣḍṭẓġğšṯḏḫžʿʾʻʼ‘ĀĪŪĒŌḤṢḌṬẒĠĞŠṮḎḪŽ")
# A Latin word: letters and marks, ʿayn/hamza signs and hyphens inside it; a leading ʿayn or
# hamza sign ('Umar, ʿAlī). The lookbehind keeps a word from starting inside another.
WORD = regex.compile(
    r"(?<![\p{L}\p{M}])[ʿʾʻ'‘’`]?[\p{Latin}][\p{Latin}\p{M}]*"
    r"(?:[-'’‘ʿʾʻʼ`][\p{Latin}][\p{Latin}\p{M}]*)*",
    regex.V1,
)
# The same words as one capturing group: ``split`` gives gaps and words in turn, and the
# running sum of their lengths gives every word's offsets without a Python loop.
WORD_SPLIT = regex.compile(f"({WORD.pattern})", regex.V1)


# English contractions ("Won't", "He'll") are not names, whatever their apostrophes.
_CONTRACTION = regex.compile(r"(?:n['’]t|['’](?:ll|re|ve|d|m))$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Name:
    """A name word of a text: its span (article and possessive left out) and spelling."""

    start: int
    end: int
    text: str


def spelling(word: str) -> str:
    """The spelling that counts as one variant: case and the apostrophe's typography do not
    make another spelling ("Mu'awiya" = "Mu’awiya" = "MU'AWIYA", "'Umar" = "‘Umar"), anything
    else does ("Muʿawiya", "Muawiya")."""
    return unicodedata.normalize("NFC", word).translate(_TYPOGRAPHIC).casefold()


def exact(word: str) -> str:
    """A spelling with its signs as typed (case aside): "'Umar" and "‘Umar" differ, for the
    lone sign that differs from the rest of a file's."""
    return unicodedata.normalize("NFC", word).casefold()


# What word processors make of a typed apostrophe (’ inside a word, ‘ at its start).
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=131072)
def loose(key: str) -> str:
    """A folded spelling without what transliterations add or drop freely and what never
    tells two names apart: a final h, y for i, doubled letters ('hurayrah', 'huraira' ->
    'huraira'; 'makkah', 'maka' -> 'maka')."""
    if len(key) > 3 and key[-1] == "h" and key[-2] not in "cdgkst":
        key = key[:-1]
    key = key.replace("y", "i")
    return "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])


def has_marks(word: str) -> bool:
    return any(c in MARKS for c in unicodedata.normalize("NFC", word))


def _starts_upper(word: str) -> bool:
    for char in word:
        if char.isalpha():
            return char.isupper()
    return False


@lru_cache(maxsize=131072)
def name_in(word: str, min_letters: int = 3) -> tuple[int, int, str] | None:
    """The name in one word as ``find_names`` matches it: (characters cut from its start,
    characters cut from its end, the name), or None where the word is no name. Depends on
    the word alone, so a corpus pays for each distinct word once."""
    start, end = 0, 0
    if word[-2:] in ("'s", "’s") and len(word) > 3:
        end, word = 2, word[:-2]
    lower = word.lower()
    for article in ARTICLES:
        if lower.startswith(article) and len(word) > len(article) + 1:
            start, word = len(article), word[len(article) :]
            break
    # A leading sign is ʿayn only before a capital ('Umar), else an opening quote.
    if word[0] in AYN_SIGNS and not (len(word) > 1 and word[1].isupper()):
        start, word = start + 1, word[1:]
    if not (_starts_upper(word) or has_marks(word)) or _CONTRACTION.search(word):
        return None
    if _acronym(word):
        return None
    if len(fold(word)) >= min_letters:
        return start, end, word
    return None


def _acronym(word: str) -> bool:
    """An acronym or a technical term in capitals (NAT, NAT-T, DDoS), not a transliterated
    name: two capitals or more, and at least as many as small letters ('AbdurRahman' and
    'AI-Hakam' are names)."""
    upper = sum(1 for c in word if c.isupper())
    return upper >= 2 and 2 * upper >= sum(1 for c in word if c.isalpha())


def find_names(text: str, min_letters: int = 3) -> list[Name]:
    """Name words: capitalised words and words with transliteration marks, without a
    hyphenated article (al-, ad-, ash-...) or an English possessive ('s)."""
    out = []
    for m in WORD.finditer(text):
        found = name_in(m.group(), min_letters)
        if found is not None:
            out.append(Name(m.start() + found[0], m.end() - found[1], found[2]))
    return out


@lru_cache(maxsize=131072)
def lowercase_key(word: str) -> str | None:
    """The folded word if ``word`` (as WORD matches it) is written without a capital or a
    transliteration mark and is not an article form, else None."""
    if word[0].islower() and not has_marks(word) and not word.lower().startswith(ARTICLES):
        return fold(word)
    return None


# Consonant classes, for finding which word of another script a Latin name renders (see
# lintr.languages.names): letters that transliterations confuse share a class (j, g, ğ, ġ;
# kh, q, k; sh, s, ṣ...); vowels, w and y carry none.


def vowels_agree(latin: tuple[frozenset[str], ...], arabic: tuple[str | None, ...]) -> bool:
    """Whether a transliteration's vowels (``latin_vowels``) may render a vocalised word's
    (a language plugin's, as lintr_plugins.languages.arabic.names.arabic_vowels gives them):
    the same consonant slots, and every vowel the word states among those the Latin letter
    may render. A word without vowels, or with other slots, says nothing against it."""
    if len(latin) != len(arabic):
        return True
    return all(a is None or a in lat for lat, a in zip(latin, arabic, strict=True))
