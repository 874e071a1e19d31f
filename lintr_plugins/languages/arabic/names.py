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


# The short vowels (fatha a, kasra i, damma u, sukun: none; the dagger alif a) and the long
# vowel letters each follows, for ``arabic_vowels``. Tanween and shadda say nothing of the
# stem's vowels.
_SHORT = {"\u064e": "a", "\u0650": "i", "\u064f": "u", "\u0652": "", "\u0670": "a"}
_LONG = {"ا": "a", "ى": "a", "آ": "a", "ي": "i", "و": "u"}
_CARRIERS = frozenset("عءأإؤئآ")
_FATHATAN = "\u064b"


def _letters(word: str) -> list[tuple[str, str]]:
    """Each letter of a word with the marks on it."""
    out: list[tuple[str, str]] = []
    for char in word:
        if araby.is_tashkeel(char) or char == "\u0670":
            if out:
                out[-1] = (out[-1][0], out[-1][1] + char)
        elif char != "\u0640":  # tatweel
            out.append((char, ""))
    return out


def _short(marks: str) -> str | None:
    for mark in marks:
        if mark in _SHORT:
            return _SHORT[mark]
    return None


@lru_cache(maxsize=131072)
def arabic_vowels(word: str) -> tuple[str | None, ...]:
    """The vowels of a vocalised Arabic word around the consonants of its skeleton
    (``arabic_skeleton``), as ``lintr.languages.latin.latin_vowels`` gives a transliteration's:
    the vowel nearest before the first consonant, then per consonant the first vowel after
    it ('' under a sukun; None where the word does not say). The last consonant's own short
    vowel is the case ending, not the name's: only a long vowel letter after it (موسى, علي) or
    a ta marbuta (عَمْرَة) tells it. 'عُمَرَ' -> ('u', 'a', ''); 'عَمْرَةَ' -> ('a', '', 'a')."""
    letters = _letters(word)
    if not any(marks for _, marks in letters):
        return ()
    bare = "".join(char for char, _ in letters)
    for prefix in _AR_ARTICLES:
        if bare.startswith(prefix) and len(bare) > len(prefix) + 2:
            letters = letters[len(prefix) :]
            break
    marbuta = len(letters) > 3 and letters[-1][0] in "هة"
    if marbuta:
        letters = letters[:-1]
    slots: list[str | None] = [None]
    stems: list[list[tuple[str, str]]] = [[]]
    for char, marks in letters:
        if char.translate(_AR_CLASSES).isascii() and char.translate(_AR_CLASSES):
            stems.append([(char, marks)])
        else:
            stems[-1].append((char, marks))
    slots[0] = _before_first(stems[0])
    for k, stretch in enumerate(stems[1:], start=1):
        last = k == len(stems) - 1 and not marbuta
        slots.append(_after(stretch, last))
    return tuple(slots)


def _before_first(stretch: list[tuple[str, str]]) -> str | None:
    """The vowel nearest the first consonant (وَعُمَر: the damma of ع, not the fatha of و);
    None where only a conjunction (وَبُصْرَى) or an unmarked alif (the hamzat al-wasl of
    اسْم) stands before it."""
    if len(stretch) == 1 and stretch[0][0] in "وف":
        return None
    for i, (char, marks) in enumerate(reversed(stretch)):
        vowel = _short(marks)
        if vowel:
            return vowel
        if char in "اآ" and (char == "آ" or i < len(stretch) - 1):
            return "a"
    return "" if not stretch else None


def _after(stretch: list[tuple[str, str]], last: bool) -> str | None:
    """The first vowel after a consonant (its stretch: the consonant, then the letters
    without a consonant class up to the next consonant)."""
    (_, marks), rest = stretch[0], stretch[1:]
    vowel = _short(marks)
    if last:
        # A consonant-final stem ('' : عَمْرٍو, سَلاَمٍ), unless a long vowel follows; the
        # alif of an accusative tanween (عُمَرًا) is no vowel of the name.
        follower, tail = rest[0] if rest else ("", "")
        if _FATHATAN in marks + tail:
            return ""
        if (vowel and _LONG.get(follower) == vowel) or follower in ("ا", "ى"):
            return _LONG[follower]
        return ""
    if vowel:
        return vowel
    if vowel is None and not rest:
        return None
    for char, mark in rest:
        inner = _short(mark)
        if inner:
            return inner
        if char in "اآى":
            return "a"
        if char in _CARRIERS and inner is None:
            return None
    return "" if vowel == "" else None


def initial_ayn(bare: str) -> bool:
    """Whether a word (without tashkeel) starts with an ʿayn, after its article or a
    one-letter conjunction (عمر, وعمر, العباس), as a transliteration's leading sign says."""
    for prefix in _AR_ARTICLES:
        if bare.startswith(prefix) and len(bare) > len(prefix) + 2:
            bare = bare[len(prefix) :]
            break
    return bare[:1] == "ع" or (bare[:1] in "وف" and bare[1:2] == "ع")
