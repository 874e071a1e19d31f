"""Transliterated names in Latin-script text, and the foldings that tell two spellings of one
name apart from two names: diacritics, apostrophe and ʿayn signs, hyphens and case on the Latin
side; tashkeel, alef and hamza forms, ta marbuta, the article and clitics on the Arabic side."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex
from pyarabic import araby
from rapidfuzz.distance import Indel

# Letters and signs that only transliterations carry (DIN 31635, ALA-LC, ISO 233 and the
# looser styles of news agencies): a word with one of them is a name, capitalised or not.
MARKS = frozenset("āīūēōḥṣḍṭẓġğšṯḏḫžʿʾʻʼ‘ĀĪŪĒŌḤṢḌṬẒĠĞŠṮḎḪŽ")
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
_FOLD_DROP = dict.fromkeys(map(ord, AYN_SIGNS + "-"))
_LETTER_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


# English contractions ("Won't", "He'll") are not names, whatever their apostrophes.
_CONTRACTION = regex.compile(r"(?:n['’]t|['’](?:ll|re|ve|d|m))$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Name:
    """A name word of a text: its span (article and possessive left out) and spelling."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """What stays of a spelling without diacritics, ʿayn/hamza signs, hyphens and case:
    'Maġāwīr', 'Maġāwir', 'Magawir' -> 'magawir'; "Mu'awiya", 'Muʿāwiya' -> 'muawiya'."""
    text = unicodedata.normalize("NFD", word.translate(_LETTER_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_FOLD_DROP).casefold()


def spelling(word: str) -> str:
    """The spelling that counts as one variant: case and the apostrophe's typography do not
    make another spelling ("Mu'awiya" = "Mu’awiya" = "MU'AWIYA", "'Umar" = "‘Umar"), anything
    else does ("Muʿawiya", "Muawiya")."""
    return unicodedata.normalize("NFC", word).translate(_TYPOGRAPHIC).casefold()


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
    if len(fold(word)) >= min_letters:
        return start, end, word
    return None


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


def lowercase_words(text: str) -> list[str]:
    """Folded words of ``text`` written without a capital or a transliteration mark: ordinary
    words, which tell that a capitalised word of the same letters may be one too ('Said')."""
    return [k for k in map(lowercase_key, WORD.findall(text)) if k is not None]


# The clitics joined to an Arabic word: conjunctions (و ف), prepositions (ب ك ل) and the
# article (ال), longest first; a stem keeps at least MIN_STEM letters.
_CLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_ONE_LETTER = ("و", "ف", "ب", "ك", "ل")
MIN_STEM = 2


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


_AR_FOLD = str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": ""})
ARABIC_WORD = regex.compile(r"[\p{Arabic}&&\p{L}][\p{Arabic}\p{M}]*", regex.V1)

# Consonant classes shared by both scripts, for finding which Arabic word a Latin name
# renders. Letters that transliterations confuse share a class (ج غ: j, g, ğ, ġ; خ ق ك: kh,
# q, k; ش س ص: sh, s, ṣ...); long vowels, ʿayn, hamza, و and ي carry none.
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
_LATIN_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"))
_LATIN_CLASSES = str.maketrans({"q": "k", "c": "k", "j": "g", "x": "ks", "v": "f", "p": "b"})
_LATIN_VOWELS = frozenset("aeiouwy")
_AR_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")


@lru_cache(maxsize=131072)
def latin_skeleton(name: str) -> str:
    """'Maġāwīr', 'Maghawir' -> 'mgr'; 'Hurairah', 'Hurayra' -> 'hrr'."""
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
    text = text.translate(_LATIN_CLASSES)
    # A doubled consonant (shadda: Muhammad) is written once in Arabic.
    text = "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])
    return "".join(c for c in text if c.isalpha() and c not in _LATIN_VOWELS)


@lru_cache(maxsize=131072)
def arabic_skeleton(word: str) -> str:
    """'المغاوير' -> 'mgr'; 'هُرَيْرَةَ' -> 'hrr'."""
    word = araby.strip_tashkeel(word)
    for prefix in _AR_ARTICLES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
            break
    if len(word) > 3 and word[-1] in "هة":
        word = word[:-1]  # see latin_skeleton: a final h is optional
    return "".join(c for c in word.translate(_AR_CLASSES) if c.isascii() and c.isalpha())


def arabic_bare(word: str) -> str:
    """An Arabic word without tashkeel and tatweel."""
    return araby.strip_tatweel(araby.strip_tashkeel(word))


def arabic_words(text: str) -> list[str]:
    """The Arabic words of ``text``, without tashkeel and tatweel."""
    return [arabic_bare(w) for w in ARABIC_WORD.findall(text)]


def skeleton_index(words: list[str]) -> dict[str, list[str]]:
    """Consonant skeleton -> the distinct Arabic words that have it, in text order."""
    index: dict[str, list[str]] = {}
    for word in words:
        key = arabic_skeleton(word)
        if len(key) >= 2:
            found = index.setdefault(key, [])
            if word not in found:
                found.append(word)
    return index


# A rough romanisation of Arabic letters, only to choose between Arabic words that share a
# skeleton (سفيان 'sufyan' or صفين 'siffin'?) by how close they are to the Latin spelling.
_ROMAN = str.maketrans(
    {
        **dict.fromkeys("اأإآٱى", "a"),
        "و": "u",
        "ي": "i",
        "ة": "a",
        **dict.fromkeys("ءؤئع", ""),
        "ب": "b",
        "ت": "t",
        "ث": "th",
        "ج": "j",
        "ح": "h",
        "خ": "kh",
        "د": "d",
        "ذ": "dh",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "sh",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "غ": "gh",
        "ف": "f",
        "ق": "q",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
    }
)


def _romanised(word: str) -> str:
    for prefix in _AR_ARTICLES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
            break
    return word.translate(_ROMAN)


def candidates(name: str, index: dict[str, list[str]]) -> list[str]:
    """Every Arabic word of an aligned source with the consonant skeleton of ``name``: what
    it may render. Over a corpus, the word a name really renders is the one found with it
    nearly every time."""
    key = latin_skeleton(name)
    return index.get(key, []) if len(key) >= 2 else []


def rendered(name: str, index: dict[str, list[str]]) -> str | None:
    """The Arabic word of an aligned source that a transliterated name renders ('Maġāwīr' ->
    'المغاوير'), or None: a word with the same consonant skeleton; where several have it,
    the one whose letters are closest to the Latin spelling."""
    key = latin_skeleton(name)
    found = index.get(key) if len(key) >= 2 else None
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    latin = fold(name)
    return max(found, key=lambda w: Indel.normalized_similarity(latin, _romanised(w)))
