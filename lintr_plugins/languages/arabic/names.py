"""Arabic names: the key a name or term is looked up by, and the consonant skeleton that a
Latin transliteration of it shares (lintr.languages.names)."""

from __future__ import annotations

from functools import lru_cache

import regex
from pyarabic import araby

from lintr.languages.names import NameSkeletons

# An Arabic word: its letters and the marks on them.
ARABIC_WORD = regex.compile(r"[\p{Arabic}&&\p{L}][\p{Arabic}\p{M}]*", regex.V1)

# The clitics joined to an Arabic word: conjunctions (و ف), prepositions (ب ك ل) and the
# article (ال), longest first; a stem keeps at least MIN_STEM letters.
_CLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_ONE_LETTER = ("و", "ف", "ب", "ك", "ل")
MIN_STEM = 2
_AR_FOLD = str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": ""})


@lru_cache(maxsize=131072)
def arabic_key(word: str) -> str:
    """An Arabic word as a name or term is looked up: without tashkeel and tatweel, alef and
    hamza forms folded (pyarabic), ى -> ي, ة -> ه, and without clitics and the article:
    'وَالمَغَاوِيرِ' and 'المغاوير' -> 'مغاوير'."""
    text = araby.strip_tatweel(araby.strip_tashkeel(word))
    text = araby.normalize_hamza(araby.normalize_alef(text), method="tasheel")
    text = text.translate(_AR_FOLD)
    for clitic in _CLITICS:
        if text.startswith(clitic) and len(text) - len(clitic) >= MIN_STEM + 1:
            return text[len(clitic) :]
    if text.startswith(_ONE_LETTER) and len(text) - 1 >= MIN_STEM + 2:
        # One-letter clitics are also first letters of words (وجد, فتح, بكر): strip only
        # where the rest is long enough to be a word of its own.
        return text[1:]
    return text


# The consonant classes of lintr.analysis.names.latin_skeleton, for Arabic letters. Letters
# that transliterations confuse share a class (ج غ: j, g, ğ, ġ; خ ق ك: kh, q, k; ش س ص: sh,
# s, ṣ...); long vowels, ʿayn, hamza, و and ي carry none.
_AR_CLASSES = str.maketrans(
    {
        **dict.fromkeys("بپ", "b"),
        **dict.fromkeys("تثط", "t"),
        **dict.fromkeys("جغ", "g"),
        **dict.fromkeys("حه", "h"),
        **dict.fromkeys("خقك", "k"),
        **dict.fromkeys("دذض", "d"),
        **dict.fromkeys("زظ", "z"),
        **dict.fromkeys("سشص", "s"),
        "ف": "f",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ر": "r",
        **dict.fromkeys("اأإآٱءؤئعويىة", ""),
    }
)
_AR_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")


@lru_cache(maxsize=131072)
def arabic_skeleton(word: str) -> str:
    """'المغاوير' -> 'mgr'; 'هُرَيْرَةَ' -> 'hrr'."""
    word = araby.strip_tashkeel(word)
    for prefix in _AR_ARTICLES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
            break
    if len(word) > 3 and word[-1] in "هة":
        word = word[:-1]  # as latin_skeleton: a final h is optional
    return "".join(c for c in word.translate(_AR_CLASSES) if c.isascii() and c.isalpha())


def arabic_bare(word: str) -> str:
    """An Arabic word without tashkeel and tatweel."""
    return araby.strip_tatweel(araby.strip_tashkeel(word))


# Every Arabic word may be a name: Arabic has no capitals to tell one.
ARABIC_NAMES = NameSkeletons(find=ARABIC_WORD.findall, skeleton=arabic_skeleton)
