"""The Arabic language profile."""

from __future__ import annotations

import re
import unicodedata

from pyarabic import araby

from lintr.analysis.numbers import char_class
from lintr.hookspecs import hookimpl
from lintr.languages.profile import LanguageProfile
from lintr_plugins.languages.arabic import morphology
from lintr_plugins.languages.arabic.doublings import DOUBLINGS
from lintr_plugins.languages.arabic.names import ARABIC_NAMES, arabic_key
from lintr_plugins.languages.arabic.number_reader import ArabicScanner
from lintr_plugins.languages.arabic.numbers import NUMBERS

ARABIC_INDIC = {chr(0x0660 + i): str(i) for i in range(10)}  # ٠-٩
EXTENDED_ARABIC_INDIC = {chr(0x06F0 + i): str(i) for i in range(10)}  # ۰-۹ (Persian, Urdu)


# Every Arabic combining mark: Qur'anic annotation signs (U+0610-U+061A), harakat, tanwin,
# shadda, sukun and the extended vowel signs (U+064B-U+065F), the Qur'anic small high and low
# signs (U+06D6-U+06ED: U+06E1 is the small high sukun of the Uthmani script, U+06DF-U+06E0
# the rounded zeros) and the extended Arabic marks (U+08D3-U+08FF); the characters of those
# ranges that are not marks (the end-of-ayah sign U+06DD, the rub el hizb U+06DE, the small
# waw and yeh U+06E5-U+06E6 that stand for letters, U+06E9, U+08E2) stay. The superscript
# alef U+0670 stays too: it stands for a long a (هَٰذَا, ثَلَٰثَة), and ``normalize`` makes it
# the alef it stands for. Tatweel is deleted with the marks.
_MARK_RANGES = ((0x0610, 0x061A), (0x064B, 0x065F), (0x06D6, 0x06ED), (0x08D3, 0x08FF))
MARKS = frozenset(
    chr(code)
    for low, high in _MARK_RANGES
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)) == "Mn"
) | {araby.TATWEEL}
# One compiled pattern: it runs on every Arabic text and beats str.translate with a deletion
# table (character by character in Python's slow path) 6x on unvocalised text, 1.8x on full
# tashkeel.
_MARKS = re.compile(char_class(MARKS) + "+")


def strip_marks(text: str) -> str:
    """Remove every Arabic mark (tashkeel, Qur'anic signs; not the superscript alef) and
    tatweel."""
    return _MARKS.sub("", text)


def normalize(text: str) -> str:
    """Fold the spellings Arabic writers vary freely: marks, alef and hamza forms, ى, ة/ه."""
    text = strip_marks(text)
    if _SMALL_ALEF in text:  # as pyarabic's normalize_alef: a small alef by ى is dropped
        text = text.replace(_SMALL_ALEF + "ى", "ى").replace("ى" + _SMALL_ALEF, "ى")
    return text.translate(_FOLD)


_SMALL_ALEF = araby.SMALL_ALEF
# pyarabic's normalize_alef (every alef form, ى and the small alef -> ا; it runs a regex
# compiled at call time) and the hamza carriers and ة, in one table. ى becomes ا, not ي,
# because normalize_alef always came first.
_FOLD = str.maketrans({**dict.fromkeys(araby.ALEFAT, araby.ALEF), "ؤ": "و", "ئ": "ي", "ة": "ه"})

ARABIC = LanguageProfile(
    code="ar",
    name="Arabic",
    script="Arabic",
    rtl=True,
    digits={**ARABIC_INDIC, **EXTENDED_ARABIC_INDIC},
    decimal_separators=("٫", "."),
    thousands_separators=("٬", ","),
    percent_signs=("٪", "%", "؉"),
    # ؟ question, ۔ Urdu full stop, ؎ is not final; … ellipsis.
    sentence_final=(".", "؟", "?", "!", "۔", "…"),
    quote_pairs=(("“", "”"), ("«", "»"), ('"', '"')),
    # د. (doctor), أ. (professor), م. (engineer), ج. (volume), ص. (page), ه./هـ. (Hijri year)...
    abbreviations=frozenset("د أ م ج ص ه هـ ق ت ش ع ح ل س".split()),
    cased=False,
    # Arabic omits short vowels and joins articles and prepositions to words: the same
    # content takes about 0.8 of the characters English needs.
    relative_length=0.8,
    strip_marks=strip_marks,
    normalize=normalize,
    number_tables=NUMBERS,
    number_reader=ArabicScanner,
    name_skeletons=ARABIC_NAMES,
    word_forms=morphology.word_forms(normalize),
    term_key=arabic_key,
    doublings=DOUBLINGS,
    default_side="source",
)


@hookimpl
def lintr_languages() -> list[LanguageProfile]:
    return [ARABIC]
