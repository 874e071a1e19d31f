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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain, product

import regex

from lintr.languages.profile import LanguageProfile
from lintr.text import by_chunk

_WORD = regex.compile(r"[\p{L}\p{M}]+")
MIN_LENGTH = 3  # shorter words are mostly particles
MIN_TOGETHER = 3  # pairs two words must share before they count as translations
MIN_DICE = 0.5
MAX_SHARE = 0.2  # a word in more than this share of pairs ("the", "قال") tells no pair apart
MIN_PAIRS = 40  # fewer pairs teach chance co-occurrences, not translations
MAX_PAIRS = 3000  # pairs sampled to learn from: enough for the frequent words, and fast


def word_set(text: str, profile: LanguageProfile) -> frozenset[str]:
    """The comparable word forms of a text, as its language compares words
    (``LanguageProfile.word_forms``: Arabic without marks and clitics, English in lower
    case without a plural s)."""
    cache, scan = _chunk_forms(profile)
    return frozenset(by_chunk(scan, text.split(), cache))


# Per way of comparing words: each distinct chunk's forms (``text.by_chunk``; ``_WORD`` is
# a word pattern), and the function that finds them. Word by word gives what folding the
# whole text would: a fold only deletes marks and tatweel (which are inside a word) and
# folds letters into letters.
_CHUNK_FORMS: dict[object, tuple[dict[str, tuple[str, ...]], Callable[[str], list[str]]]] = {}


def _chunk_forms(profile: LanguageProfile) -> tuple[dict, Callable[[str], list[str]]]:
    key = profile.word_forms
    found = _CHUNK_FORMS.get(key)
    if found is None:
        found = _CHUNK_FORMS[key] = ({}, partial(_forms, profile=profile))
    return found


def _forms(chunk: str, profile: LanguageProfile) -> list[str]:
    """The forms of the words of ``chunk`` long enough to count."""
    return [form for word in _WORD.findall(chunk) if (form := word_form(word, profile))]


def word_form(word: str, profile: LanguageProfile) -> str:
    """The word's comparable form, or "" for a word too short to count, as written or
    folded (folding deletes marks; lower-casing İ lengthens it)."""
    if len(word) < MIN_LENGTH:
        return ""
    forms = profile.word_forms
    word = forms.fold(word)
    return forms.stem(word) if len(word) >= MIN_LENGTH else ""


def learn(pairs: Sequence[tuple[frozenset[str], frozenset[str]]]) -> Lexicon | None:
    """Source word -> the target words it was found to translate to, from pairs of word sets
    known to correspond (mostly)."""
    if len(pairs) < MIN_PAIRS:
        return None
    if len(pairs) > MAX_PAIRS:  # a fixed seed: the same document gives the same lexicon
        pairs = random.Random(len(pairs)).sample(list(pairs), MAX_PAIRS)
    limit = max(MIN_TOGETHER, MAX_SHARE * len(pairs))
    s_df = Counter(chain.from_iterable(p[0] for p in pairs))
    t_df = Counter(chain.from_iterable(p[1] for p in pairs))
    s_ok = {w for w, c in s_df.items() if MIN_TOGETHER <= c <= limit}
    t_ok = {w for w, c in t_df.items() if MIN_TOGETHER <= c <= limit}
    kept = [(s_words & s_ok, t_words & t_ok) for s_words, t_words in pairs]
    found: dict[str, set[str]] = {}
    for (s, t), c in _together(kept, s_df, t_df).items():
        if c >= MIN_TOGETHER and 2 * c / (s_df[s] + t_df[t]) >= MIN_DICE:
            found.setdefault(s, set()).add(t)
    return Lexicon({s: frozenset(ts) for s, ts in found.items()}) if found else None


def _together(kept, s_df: Counter[str], t_df: Counter[str]) -> dict[tuple[str, str], int]:
    """In how many pairs each (source word, target word) is found together, for every two
    words that may reach MIN_DICE, the cheaper of two ways (the same counts): counting the
    words of every pair two by two, or the pairs of every two words whose frequencies
    allow it, from one bit set of pairs per word."""
    s_words = set(chain.from_iterable(s for s, _ in kept))
    t_words = set(chain.from_iterable(t for _, t in kept))
    windows, targets = _windows(s_df, t_df, s_words, t_words)
    # A bit-set AND and count costs about twice a counted tuple (3,000 pairs).
    if 2 * sum(hi - lo for _, lo, hi in windows) < sum(len(s) * len(t) for s, t in kept):
        return _together_by_bits(kept, windows, targets)
    return Counter(chain.from_iterable(product(s, t) for s, t in kept))


def _windows(s_df, t_df, s_words: set[str], t_words: set[str]):
    """Per source word, the slice of the target words (sorted by frequency) it may reach
    MIN_DICE with: 2c / (ds + dt) >= 1/2 with c <= min(ds, dt) needs dt / 3 <= ds <= 3 dt."""
    targets = sorted(t_words, key=t_df.__getitem__)
    freqs = [t_df[t] for t in targets]
    windows = [
        (s, bisect_left(freqs, -(-s_df[s] // 3)), bisect_right(freqs, 3 * s_df[s])) for s in s_words
    ]
    return windows, targets


def _together_by_bits(kept, windows, targets: list[str]) -> dict[tuple[str, str], int]:
    size = len(kept) // 8 + 1
    s_bits = _bit_sets([s for s, _ in kept], size)
    t_bits = _bit_sets([t for _, t in kept], size)
    together = {}
    for s, lo, hi in windows:
        bits = s_bits[s]
        for t in targets[lo:hi]:
            c = (bits & t_bits[t]).bit_count()
            if c >= MIN_TOGETHER:
                together[(s, t)] = c
    return together


def _bit_sets(sets: list[set[str]], size: int) -> dict[str, int]:
    """Word -> the sets that hold it, as the bits of an int (bit i: sets[i]). Set in a
    bytearray of ``size`` bytes first: or-ing into an int copies it every time."""
    found: dict[str, bytearray] = {}
    for i, words in enumerate(sets):
        byte, bit = i >> 3, 1 << (i & 7)
        for w in words:
            row = found.get(w)
            if row is None:
                row = found[w] = bytearray(size)
            row[byte] |= bit
    return {w: int.from_bytes(row, "little") for w, row in found.items()}


def with_dictionary(
    found: Lexicon | None,
    pairs: Sequence[tuple[frozenset[str], frozenset[str]]],
    s_sets: Sequence[frozenset[str]],
    t_sets: Sequence[frozenset[str]],
    translations: Callable[[str], Iterable[str]],
    other: LanguageProfile,
    reverse: bool = False,
    match: Callable[[str], str] | None = None,
) -> Lexicon | None:
    """``found`` (what a document taught itself, or None) with the translations a dictionary
    confirms in the document: ``pairs`` are the word sets of units a first pass put next to
    each other (lintr.align.documents._near_pairs), ``s_sets`` and ``t_sets`` those of every unit.
    ``translations`` gives the words of the ``other`` language a headword may translate to;
    ``reverse``: its headwords are the target side's; ``match``: how a translation and a word
    of the other side are compared (lintr's folding by default).

    A dictionary knows every sense of a word, the document uses one: each word is linked to
    the one translation it sits next to most often (then the one of the closest frequency),
    only where that translation's best is the word too (competitive linking, as in Melamed's
    word aligner). Linking a word to all its glosses instead makes a target unit share
    anchors with any unit using a synonym, so merges swallow units left untranslated (hadith
    text, English deleted: recall 0.888 -> 0.859). As in ``learn``, a word in more than
    MAX_SHARE of its side's units ("said", قال) tells no unit apart and is left out."""
    if reverse:
        pairs = [(t, s) for s, t in pairs]
        s_sets, t_sets = t_sets, s_sets
    h_df, o_df = _telling(s_sets), _telling(t_sets)
    by_key: dict[str, set[str]] = {}  # the other side's words, by what translations match
    for word in o_df:
        by_key.setdefault(match(word) if match else word, set()).add(word)
    known: dict[str, frozenset[str]] = {}
    together: Counter[tuple[str, str]] = Counter()
    for heads, others in pairs:
        others = others & o_df.keys()
        for head in heads & h_df.keys():
            words = known.get(head)
            if words is None:
                keys = {match(w) if match else w for w in _folded(translations(head), other)}
                words = known[head] = frozenset().union(*(by_key.get(k, ()) for k in keys))
            together.update((head, w) for w in words & others)
    best_of_head: dict[str, tuple[tuple[int, int], str]] = {}
    best_of_other: dict[str, tuple[tuple[int, int], str]] = {}
    for (head, word), count in sorted(together.items()):
        key = (count, -abs(h_df[head] - o_df[word]))
        if key > best_of_head.get(head, ((0, 0), ""))[0]:
            best_of_head[head] = (key, word)
        if key > best_of_other.get(word, ((0, 0), ""))[0]:
            best_of_other[word] = (key, head)
    forward = {w: set(ts) for w, ts in found.forward.items()} if found is not None else {}
    for head, (_, word) in sorted(best_of_head.items()):
        if best_of_other[word][1] == head:
            source, target = (word, head) if reverse else (head, word)
            forward.setdefault(source, set()).add(target)
    return Lexicon({w: frozenset(ts) for w, ts in forward.items()}) if forward else None


def _telling(sets: Sequence[frozenset[str]]) -> dict[str, int]:
    """The words of ``sets`` found in at most MAX_SHARE of them, with how many."""
    counts = Counter(chain.from_iterable(sets))
    limit = max(1, MAX_SHARE * len(sets))
    return {w: c for w, c in counts.items() if c <= limit}


def _folded(words: Iterable[str], profile: LanguageProfile) -> frozenset[str]:
    return frozenset(f for w in words if (f := word_form(w, profile)))


class Lexicon:
    """Source word -> the target words it translates, and the way back."""

    def __init__(self, forward: dict[str, frozenset[str]]):
        self.forward = forward
        back: dict[str, set[str]] = {}
        for source, targets in forward.items():
            for target in targets:
                back.setdefault(target, set()).add(source)
        self.reverse = {t: frozenset(ss) for t, ss in back.items()}
        # (side, way of comparing words) -> chunk of text -> its anchors (anchors_in)
        self._chunk_anchors: dict[tuple, dict[str, tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self.forward)

    def __getstate__(self) -> dict:
        # The chunk cache stays behind: batches sent to workers carry the lexicon.
        return {**self.__dict__, "_chunk_anchors": {}}

    def source_anchors(self, words: frozenset[str]) -> set[str]:
        """``^word`` for each entry a source unit contains."""
        return {f"^{w}" for w in words if w in self.forward}

    def target_anchors(self, words: frozenset[str]) -> set[str]:
        """``^word`` for each entry a target unit holds a translation of."""
        return {f"^{s}" for w in words for s in self.reverse.get(w, ())}

    def anchors_in(self, text: str, profile: LanguageProfile, side: str) -> set[str]:
        """``source_anchors(word_set(text, profile))`` (``target_anchors`` for the target
        side), each distinct chunk's anchors worked out once: the sentence aligner asks this
        of every sentence of every pair it aligns."""
        key = (side, profile.word_forms)
        known = self._chunk_anchors.get(key)
        if known is None:
            known = self._chunk_anchors[key] = {}
        anchors = self.source_anchors if side == "source" else self.target_anchors
        return set(
            by_chunk(lambda chunk: anchors(frozenset(_forms(chunk, profile))), text.split(), known)
        )
