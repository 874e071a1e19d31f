"""Arabic words written twice: on purpose, by slip, and as the doubled-word rule compares them.

Arabic repeats words on purpose far more than English: for emphasis and warning ("الصلاةَ
الصلاةَ", "أمتي أمتي"), to distribute ("ركعتين ركعتين", two at a time; "مثنى مثنى", two by
two; "ثلاثا ثلاثا", three times each), in chants and calls ("لبيك لبيك"), in the Qur'an
("هيهات هيهات", "دكا دكا"), and wherever a clause ends with the word the next one begins
with: the narration formula "قال قال رسول الله" (he said: the Messenger of God said), a
condition and its answer ("كلما وقف وقف معه", whenever he stopped, he stopped with him). A
linter cannot tell these from a slip by the letters alone, so the rule reports an Arabic
doubling only where nothing says it is deliberate, and offers to delete a word only for the
particles that are never doubled in modern text (في في, إلى إلى).

How two written forms are compared: the letters must be the same (tatweel and direction
marks are not letters), and so must the vowels both forms write on each letter: مُلْكِ
(dominion) and مَلِكٍ (a king), لِمَ (why) and لَمْ (did not), الجنةِ and الجنةَ (two cases:
"the people of Paradise [enter] Paradise") are different words. A letter left unvocalised
on one side agrees with any vowel (partial vocalisation is the norm), and the shadda is not
compared (it is often left out where the vowels are written).

When the forms themselves show the doubling deliberate:

* both words are vocalised (a vowel on a letter before the last): the text has been
  vocalised with care, as scripture, hadith and poetry are, and it is in such text that
  Arabic repeats words on purpose (every Arabic doubling in 12,734 pairs of two vocalised
  hadith collections, read for the trust issue, was correct Arabic); particles too: "فِي
  فِي الصَّبِيِّ" is "in the mouth of the child", "قَدْ قَدْ" is "enough, enough";
* both words carry tanwin: a repeated indefinite distributes ("يوماً يوماً", "ركعةٌ ركعةٌ");
* the word is a distributive number ("ثلاثا ثلاثا", "اثنين اثنين") or an indefinite dual in
  -تين ("ركعتين ركعتين", "مرتين مرتين").
"""

from __future__ import annotations

import re
import unicodedata

from lintr.languages.repetition import Repetition

DOUBLINGS = frozenset(
    {
        # Reduplication for emphasis or gradualness: "little by little", "slowly".
        "رويدا رويدا",
        "شيئا شيئا",
        "قليلا قليلا",
        "يوما يوما",
        "خطوة خطوة",
        "حرفا حرفا",
        "كلمة كلمة",
        "جدا جدا",
        # Answers, as English "no no": "قال لا لا".
        "لا لا",
        "نعم نعم",
        # Distribution: "two by two".
        "مثنى مثنى",
        # Religious texts: "الله الله في أصحابي" (hadith), "دكا دكا" and "صفا صفا" (Qur'an
        # 89:21-22), "هيهات هيهات" (23:36), the pilgrims' chant "لبيك لبيك", the warning
        # "الصلاة الصلاة".
        "الله الله",
        "دكا دكا",
        "صفا صفا",
        "هيهات هيهات",
        "لبيك لبيك",
        "الصلاة الصلاة",
    }
)

# Particles that need a word after them and are never doubled on purpose: a doubling is a
# slip (both spellings of the hamza forms writers vary). Not من: unvocalised "من من" is
# also مِن مَن, "from whom".
SLIPS = frozenset("في إلى الى على عن حتى أن ان إن بأن لأن قد لن سوف الذي التي الذين".split())

# Distributive numbers, as the rule compares them (without marks): "ثلاثا ثلاثا", three each.
DISTRIBUTIVE = frozenset("واحدا اثنين اثنتين ثلاثا أربعا خمسا ستا سبعا ثمانيا تسعا عشرا".split())

# What renders a repetition in Arabic (in the text without marks): twice, again and again,
# one after another.
RENDERINGS = re.compile(r"مرتين|مرارا|تكرارا|تباعا|مرة بعد (?:مرة|أخرى)|تلو")

_TATWEEL = "\u0640"
# Each vowel mark as compared: the Qur'anic small high sukun is a sukun, the open tanwins
# (U+08F0-08F2) are tanwins; the superscript and subscript alefs are long vowels.
_VOWELS = {
    **{chr(c): chr(c) for c in range(0x064B, 0x0651)},  # tanwins, fatha, damma, kasra
    "\u0652": "\u0652",  # sukun
    "\u06e1": "\u0652",  # small high dotless head of khah: the Qur'an's sukun
    "\u08f0": "\u064b",
    "\u08f1": "\u064c",
    "\u08f2": "\u064d",
    "\u0670": "\u0670",  # superscript alef
    "\u0656": "\u0656",  # subscript alef
}
_TANWIN = frozenset("\u064b\u064c\u064d")


def _vowels(word: str) -> list[frozenset[str]]:
    """The vowels written on each letter of ``word`` (tatweel and other marks left out)."""
    letters: list[set[str]] = []
    for char in word:
        if char == _TATWEEL:
            continue
        if unicodedata.combining(char):
            if letters and char in _VOWELS:
                letters[-1].add(_VOWELS[char])
        else:
            letters.append(set())
    return [frozenset(v) for v in letters]


def same_word(first: str, second: str) -> bool:
    """Whether two forms with the same letters are one word: the vowels both write agree."""
    return all(
        not a or not b or a == b for a, b in zip(_vowels(first), _vowels(second), strict=False)
    )


def _vocalised(word: str) -> bool:
    return any(_vowels(word)[:-1])


def _tanwin(word: str) -> bool:
    return any(v & _TANWIN for v in _vowels(word))


def _letters(word: str) -> str:
    return "".join(c for c in word if c != _TATWEEL and not unicodedata.combining(c))


def deliberate(first: str, second: str) -> bool:
    """Whether a doubling's forms show it deliberate (see the module's docstring)."""
    if (_vocalised(first) and _vocalised(second)) or (_tanwin(first) and _tanwin(second)):
        return True
    letters = _letters(first)
    return letters in DISTRIBUTIVE or (
        letters.endswith("تين") and len(letters) > 4 and not letters.startswith("ال")
    )


REPETITION = Repetition(
    slips=SLIPS,
    renderings=RENDERINGS,
    emphatic=True,
    same_word=same_word,
    deliberate=deliberate,
)
