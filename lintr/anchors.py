"""What survives translation, for the aligner to hold on to: numbers (normalised), names
(a Latin transliteration compared with the Arabic consonant skeleton), URLs and questions."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from lintr.languages import LanguageProfile
from lintr.numbers import find_numbers
from lintr.text import URL_OR_EMAIL

# A leading ʿayn or hamza mark belongs to the name: ‘Umar, ʿAbd, 'Imran.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}'’‘ʿʾ])['’‘ʿʾ]?\p{Lu}[\p{L}\p{M}'’‘ʿʾ-]+")
_ARABIC_WORD = regex.compile(r"[\p{Arabic}&&\p{L}][\p{Arabic}\p{M}]*", regex.V1)
# Arabic consonants -> one Latin class each; vowels-letters, hamza and ʿayn carry none.
_AR_CLASSES = str.maketrans(
    {
        "ب": "b",
        "ت": "t",
        "ث": "t",
        "ج": "j",
        "ح": "h",
        "خ": "k",
        "د": "d",
        "ذ": "d",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "s",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "غ": "g",
        "ف": "f",
        "ق": "k",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "ة": "",
        "ا": "",
        "أ": "",
        "إ": "",
        "آ": "",
        "ء": "",
        "ؤ": "",
        "ئ": "",
        "ع": "",
        "و": "",
        "ي": "",
        "ى": "",
        "ٱ": "",
    }
)
_LATIN_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"))
_LATIN_CLASSES = str.maketrans({"q": "k", "c": "k", "x": "ks", "v": "f", "p": "b", "g": "j"})
_DROP = set("aeiouwy'’‘ʿʾ-")
_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
MIN_SKELETON = 3


@lru_cache(maxsize=65536)
def latin_skeleton(word: str) -> str:
    """'Huraira' -> 'hrr', 'al-Ḥasaka' -> 'hsk': consonant classes of a transliterated name."""
    text = unicodedata.normalize("NFD", word.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    for article in ("al-", "el-", "ad-", "an-", "ar-", "as-", "at-", "az-", "ash-"):
        if text.startswith(article):
            text = text[len(article) :]
            break
    if text.endswith(("ah", "eh")) and len(text) > 3:
        text = text[:-1]  # ta marbuta: Hurayrah = Huraira
    # A doubled consonant (shadda: Muhammad) is written once in Arabic.
    text = "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])
    for digraph, single in _LATIN_DIGRAPHS:
        text = text.replace(digraph, single)
    text = text.translate(_LATIN_CLASSES)
    return "".join(c for c in text if c.isalpha() and c not in _DROP)


@lru_cache(maxsize=65536)
def arabic_skeleton(word: str) -> str:
    """'هريرة' -> 'hrr', 'الحسكة' -> 'hsk'."""
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
            break
    return "".join(c for c in word.translate(_AR_CLASSES) if c.isascii() and c.isalpha())


def anchors(text: str, profile: LanguageProfile) -> frozenset[str]:
    """The anchors of one unit of text, as comparable strings."""
    found = {f"#{n.value}" for n in find_numbers(text)}
    found.update(f"@{m.group().lower()}" for m in URL_OR_EMAIL.finditer(text))
    if "?" in text or "؟" in text:
        found.add("?")
    if profile.script == "Arabic":
        skeletons = (arabic_skeleton(w) for w in _ARABIC_WORD.findall(text))
    elif profile.script == "Latin":
        skeletons = (latin_skeleton(w) for w in _CAPITALISED.findall(text))
    else:
        skeletons = ()
    found.update(f"~{s}" for s in skeletons if len(s) >= MIN_SKELETON)
    return frozenset(found)
