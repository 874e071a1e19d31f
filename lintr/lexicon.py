"""Word translations a document teaches its own aligner.

Names and numbers anchor only some units; most hadiths or news paragraphs share no name
with their translation that their neighbours lack. But a document pairs itself almost
right on the first pass, and its confident pairs show which words translate each other
in it (الصلاة with "prayer", الوضوء with "ablution"): words that keep turning up in the
same pairs and rarely apart (Dice coefficient, as hunalign bootstraps its dictionary when
it has none). Those become anchors for the second pass.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache, partial

import regex

from lintr.languages import LanguageProfile
from lintr.text import mapped

_WORD = regex.compile(r"[\p{L}\p{M}]+")
MIN_LENGTH = 3  # shorter words are mostly particles
MIN_TOGETHER = 3  # pairs two words must share before they count as translations
MIN_DICE = 0.5
MAX_SHARE = 0.2  # a word in more than this share of pairs ("the", "قال") tells no pair apart
MIN_PAIRS = 40  # fewer pairs teach chance co-occurrences, not translations
MAX_PAIRS = 3000  # pairs sampled to learn from: enough for the frequent words, and fast
# Arabic clitics written onto the word: the article and the particles before it.
_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب")
# Pronouns and the feminine ending written onto the word (صلاته, صلاتهم, صلاة: one word).
_AR_SUFFIXES = ("هما", "هم", "ها", "كم", "نا", "ه", "ة", "ت")


def word_set(text: str, profile: LanguageProfile) -> frozenset[str]:
    """The comparable word forms of a text: Arabic without marks and clitics, other
    scripts in lower case."""
    key = (profile.script, profile.normalize)
    forms = _FORMS.setdefault(key, {})
    found = set(mapped(partial(_form, profile=profile), _WORD.findall(text), forms))
    found.discard("")
    return frozenset(found)


# Each distinct word's form, worked out once (per script and normalisation; text.mapped
# starts a cache again past its limit). Word by word gives what normalising the whole text
# would: Arabic normalisation only deletes marks and tatweel (which are inside a word) and
# folds letters into letters.
_FORMS: dict[tuple, dict[str, str]] = {}


def _form(word: str, profile: LanguageProfile) -> str:
    """The word's comparable form, or "" for a word too short to count."""
    if profile.script == "Arabic":
        word = profile.normalize(word)
        return _arabic_stem(word) if len(word) >= MIN_LENGTH else ""
    return _latin_stem(word.lower()) if len(word) >= MIN_LENGTH else ""


def _latin_stem(word: str) -> str:
    """ "prayers" and "prayer" alike: a plural or third-person s is not a different word."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _arabic_stem(word: str) -> str:
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_LENGTH:
            word = word[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_LENGTH:
            return word[: -len(suffix)]
    return word


def learn(pairs: Sequence[tuple[frozenset[str], frozenset[str]]]) -> Lexicon | None:
    """Source word -> the target words it was found to translate to, from pairs of word sets
    known to correspond (mostly)."""
    if len(pairs) < MIN_PAIRS:
        return None
    if len(pairs) > MAX_PAIRS:  # a fixed seed: the same document gives the same lexicon
        pairs = random.Random(len(pairs)).sample(list(pairs), MAX_PAIRS)
    limit = max(MIN_TOGETHER, MAX_SHARE * len(pairs))
    s_df = _frequencies(p[0] for p in pairs)
    t_df = _frequencies(p[1] for p in pairs)
    s_ok = {w for w, c in s_df.items() if MIN_TOGETHER <= c <= limit}
    t_ok = {w for w, c in t_df.items() if MIN_TOGETHER <= c <= limit}
    together: dict[tuple[str, str], int] = {}
    for s_words, t_words in pairs:
        t_kept = t_words & t_ok
        for s in s_words & s_ok:
            for t in t_kept:
                together[(s, t)] = together.get((s, t), 0) + 1
    found: dict[str, set[str]] = {}
    for (s, t), c in together.items():
        if c >= MIN_TOGETHER and 2 * c / (s_df[s] + t_df[t]) >= MIN_DICE:
            found.setdefault(s, set()).add(t)
    return Lexicon({s: frozenset(ts) for s, ts in found.items()}) if found else None


def _frequencies(sets) -> dict[str, int]:
    df: dict[str, int] = {}
    for words in sets:
        for w in words:
            df[w] = df.get(w, 0) + 1
    return df


class Lexicon:
    """Source word -> the target words it translates, and the way back."""

    def __init__(self, forward: dict[str, frozenset[str]]):
        self.forward = forward
        back: dict[str, set[str]] = {}
        for source, targets in forward.items():
            for target in targets:
                back.setdefault(target, set()).add(source)
        self.reverse = {t: frozenset(ss) for t, ss in back.items()}
        # (side, script, normalisation) -> word as written -> its anchors (anchors_in)
        self._word_anchors: dict[tuple, dict[str, tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self.forward)

    def __getstate__(self) -> dict:
        # The word cache stays behind: batches sent to workers carry the lexicon.
        return {**self.__dict__, "_word_anchors": {}}

    def source_anchors(self, words: frozenset[str]) -> set[str]:
        """``^word`` for each entry a source unit contains."""
        return {f"^{w}" for w in words if w in self.forward}

    def target_anchors(self, words: frozenset[str]) -> set[str]:
        """``^word`` for each entry a target unit holds a translation of."""
        return {f"^{s}" for w in words for s in self.reverse.get(w, ())}

    def anchors_in(self, text: str, profile: LanguageProfile, side: str) -> set[str]:
        """``source_anchors(word_set(text, profile))`` (``target_anchors`` for the target
        side), each distinct word's anchors worked out once: the sentence aligner asks this
        of every sentence of every pair it aligns."""
        known = self._word_anchors.setdefault((side, profile.script, profile.normalize), {})
        anchors = self.source_anchors if side == "source" else self.target_anchors
        found: set[str] = set()
        for many in mapped(
            lambda w: tuple(anchors(word_set(w, profile))), _WORD.findall(text), known
        ):
            found.update(many)
        return found
