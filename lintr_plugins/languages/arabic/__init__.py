"""The Arabic language profile."""

from __future__ import annotations

import re

from pyarabic import araby

from lintr.hookspecs import hookimpl
from lintr.languages.profile import LanguageProfile
from lintr_plugins.languages.arabic import morphology
from lintr_plugins.languages.arabic.doublings import DOUBLINGS
from lintr_plugins.languages.arabic.names import ARABIC_NAMES, arabic_key
from lintr_plugins.languages.arabic.number_reader import ArabicScanner
from lintr_plugins.languages.arabic.numbers import NUMBERS
from lintr_plugins.languages.arabic.punctuation import question_cue

ARABIC_INDIC = {chr(0x0660 + i): str(i) for i in range(10)}  # ٠-٩
EXTENDED_ARABIC_INDIC = {chr(0x06F0 + i): str(i) for i in range(10)}  # ۰-۹ (Persian, Urdu)


# pyarabic's inventory of tashkeel (harakat, tanwin, shadda, sukun) and tatweel, deleted with
# one compiled pattern: the same result as araby.strip_tashkeel + strip_tatweel. This runs
# on every Arabic text; the pattern beats str.translate (with a deletion table, which goes
# character by character in Python's slow path) 6x on unvocalised text, 1.8x on full tashkeel.
_MARKS = re.compile("[" + "".join(re.escape(c) for c in (*araby.TASHKEEL, araby.TATWEEL)) + "]+")


def strip_marks(text: str) -> str:
    """Remove tashkeel (harakat, tanwin, shadda, sukun) and tatweel."""
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
    question_cue=question_cue(normalize),
    default_side="source",
)


@hookimpl
def lintr_languages() -> list[LanguageProfile]:
    return [ARABIC]
