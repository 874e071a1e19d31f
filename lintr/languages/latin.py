"""The Latin script as transliterations of names write it: the signs of ʿayn and hamza, joined
articles, the folding that drops diacritics, capitalised words, and the consonant skeleton
every script's names are compared by (lintr.languages.names). Script knowledge shared by
every Latin-script language, and by a language no plugin knows."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Apostrophe-like signs written for ʿayn and hamza (and the typographic apostrophe).
AYN_SIGNS = "'’‘ʿʾʻʼ`"
# Articles written joined to the name by a hyphen (al-Ḥasaka, ad-Dari, ash-Sham).
ARTICLES = (
    "al-",
    "el-",
    "ul-",
    "ad-",
    "adh-",
    "an-",
    "ar-",
    "as-",
    "ash-",
    "at-",
    "ath-",
    "az-",
    "aẓ-",
    "aḍ-",
    "aṣ-",
    "aṭ-",
    "aš-",
    "aṯ-",
    "aḏ-",
)
# Marks of a scholarly romanisation (ā ī ū, ḥ ṣ ḍ ṭ ẓ, ḏ ṯ, ḫ, š ǧ, ġ) and the ʿayn and hamza
# letters: a word that has one is a name written from another script, not an English word.
_ROMANISATION_MARKS = frozenset("\u0304\u0323\u0331\u032e\u030c\u0307ʿʾ")
_FOLD_DROP = dict.fromkeys(map(ord, AYN_SIGNS + "-"))
_LETTER_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


# A capitalised word, for the aligner's name anchors: a leading ʿayn or hamza mark belongs to
# the name (‘Umar, ʿAbd, 'Imran).
CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}'’‘ʿʾ])['’‘ʿʾ]?\p{Lu}[\p{L}\p{M}'’‘ʿʾ-]+")


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """What stays of a spelling without diacritics, ʿayn/hamza signs, hyphens and case:
    'Maġāwīr', 'Maġāwir', 'Magawir' -> 'magawir'; "Mu'awiya", 'Muʿāwiya' -> 'muawiya'."""
    text = unicodedata.normalize("NFD", word.translate(_LETTER_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_FOLD_DROP).casefold()


def is_romanised(word: str) -> bool:
    """Whether ``word`` is written with the marks of a romanisation: 'al-Ḥasaka', 'Mar‘ī',
    'ʿUmar', not 'Sébastien' nor 'Debian'."""
    return not word.isascii() and any(
        c in _ROMANISATION_MARKS for c in unicodedata.normalize("NFD", word)
    )


_LATIN_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"))
_LATIN_CLASSES = str.maketrans({"q": "k", "c": "k", "j": "g", "x": "ks", "v": "f", "p": "b"})
_LATIN_VOWELS = frozenset("aeiouwy")


def _letters(name: str) -> str:
    """The folded name without its article and optional final h, digraphs as one letter:
    what both its skeleton and its vowels are read from."""
    text = fold(name)
    for article in ARTICLES:
        if text.startswith(article.replace("-", "")) and "-" in name[: len(article)]:
            text = text[len(article) - 1 :]
            break
    if len(text) > 3 and text[-1] == "h" and text[-2] not in "cdgkst":
        # A final h is optional on both sides: ta marbuta (Hurairah = Huraira = هريرة) and
        # a final ه (Munabbih = Munabbeh = منبه) alike. Not the h of sh, kh, th...
        text = text[:-1]
    for digraph, single in _LATIN_DIGRAPHS:
        text = text.replace(digraph, single)
    return text


@lru_cache(maxsize=131072)
def latin_skeleton(name: str) -> str:
    """'Maġāwīr', 'Maghawir' -> 'mgr'; 'Hurairah', 'Hurayra' -> 'hrr'."""
    text = _letters(name).translate(_LATIN_CLASSES)
    # A doubled consonant (shadda: Muhammad) is written once in Arabic.
    text = "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])
    return "".join(c for c in text if c.isalpha() and c not in _LATIN_VOWELS)


# What a Latin vowel letter may render of the Arabic short vowels (a fatha, i kasra, u damma):
# transliterations write e for a fatha or a kasra (Mohammed, Umer) and o for a damma or a
# fatha (Omar, Mo'awiya).
_VOWEL_CLASSES = {
    "a": frozenset("a"),
    "i": frozenset("i"),
    "u": frozenset("u"),
    "e": frozenset("ai"),
    "o": frozenset("ua"),
}
NO_VOWEL = frozenset({""})
_CONSONANT_FOLD = str.maketrans({"q": "k", "c": "k", "j": "g", "x": "k", "v": "f", "p": "b"})


@lru_cache(maxsize=131072)
def latin_vowels(name: str) -> tuple[frozenset[str], ...]:
    """The vowels a transliterated name gives around the consonants of its skeleton
    (``latin_skeleton``): first the vowels before the first consonant, then per
    consonant the first vowel after it, as the Arabic short vowels it may render ('' where
    no vowel is written): "'Umar" -> ({u}, {a}, {''}); 'Qadr' -> ({''}, {a}, {''}, {''}).
    Compared with the vowels of a vocalised Arabic word, it tells ʿAmrah (عَمْرَة) from
    ʿUmrah (عُمْرَة) and Musa from Masʿud."""
    text = _letters(name).translate(_CONSONANT_FOLD)
    slots: list[frozenset[str]] = [NO_VOWEL]
    previous = ""
    for char in text:
        if not char.isalpha():
            continue
        if char in _LATIN_VOWELS:
            vowels = _VOWEL_CLASSES.get(char)
            if vowels is not None:
                if len(slots) == 1:
                    # Before the first consonant, any of them ('A'isha: ʿāʾi-, Uwais: ʾuway-)
                    slots[0] = vowels if slots[0] is NO_VOWEL else slots[0] | vowels
                elif slots[-1] is NO_VOWEL and previous not in _VOWEL_CLASSES:
                    slots[-1] = vowels  # after a consonant: the first vowel
            previous = char
            continue
        if char != previous:  # a doubled consonant is one
            slots.append(NO_VOWEL)
        previous = char
    return tuple(slots)
