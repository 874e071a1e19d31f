"""The `doubled-word` rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import pairwise
from operator import eq

from lintr.model import Edit, Finding, Pair, PairSide
from lintr.rules.base import Option, Rule
from lintr.text import WORD, by_chunk, strip_invisible

DEFAULT_ALLOW = [
    # English doublings that are grammatical.
    "had had",
    "that that",
    "is is",
    "do do",
    "bye bye",
    "ha ha",
    "no no",
    "very very",
    # Arabic reduplication used for emphasis or gradualness: "little by little", "slowly".
    "رويدا رويدا",
    "شيئا شيئا",
    "قليلا قليلا",
    "يوما يوما",
    "خطوة خطوة",
    # Religious texts: "الله الله في أصحابي" (hadith), "دكا دكا" and "صفا صفا" (Qur'an 89:21-22).
    "الله الله",
    "دكا دكا",
    "صفا صفا",
]


class DoubledWord(Rule):
    """The same word twice in a row ("the the", "في في").

    What it finds:
        Words are Unicode words compared case-insensitively; Arabic words are compared after
        removing tashkeel and tatweel, so "فيَ في" counts. The two words may be separated by
        spaces or a line break (and invisible direction marks), but not by punctuation:
        "that, that" is fine. Numbers are not words here. Both sides are checked. Reported at
        the second word.

    Why it matters:
        The commonest slip of typing and editing (a word typed again after a line break, two
        drafts merged), and one that spell checkers miss: each word is spelled right.

    Example:
        source: ذهب الولد إلى المدرسة.
        target: The the boy went to school.
        → target:1:5: doubled word "the": remove the second "the"

    Options:
        ``allow``: doublings that are correct, compared the same way (defaults include
        "had had", "that that", Arabic reduplications such as "رويداً رويداً", and the doublings
        of hadith and Qur'an quotations: "الله الله", "دَكًّا دَكًّا", "صَفًّا صَفًّا").

    Fix:
        Safe: ``lintr check --fix`` deletes the second word and the space before it.
    """

    id = "doubled-word"
    options = {
        "allow": Option(list, DEFAULT_ALLOW, "word pairs that may be doubled", item_type=str)
    }

    def configure(self) -> None:
        self._allow_raw = [" ".join(entry.split()) for entry in self.settings["allow"]]
        self._allowed: dict[str, set[str]] = {}  # per language: the entries as compared
        # Per strip_marks function: each distinct chunk's keys (a cache).
        self._chunk_keys: dict[Callable[[str], str], dict[str, tuple[str, ...]]] = {}

    def check(self, pair: Pair) -> Iterator[Finding]:
        for side in (pair.source, pair.target):
            if side:
                yield from self._check_side(side)

    def _key(self, side: PairSide, word: str) -> str:
        return side.profile.strip_marks(word).casefold()

    def _allowed_for(self, side: PairSide) -> set[str]:
        code = side.profile.code
        if code not in self._allowed:
            self._allowed[code] = {
                " ".join(self._key(side, w) for w in entry.split()) for entry in self._allow_raw
            }
        return self._allowed[code]

    def _check_side(self, side: PairSide) -> Iterator[Finding]:
        # Each word's key, from the keys of the side's chunks (each distinct chunk's words
        # keyed once: text.by_chunk; WORD is a word pattern).
        strip = side.profile.strip_marks
        cache = self._chunk_keys.get(strip)
        if cache is None:
            cache = self._chunk_keys[strip] = {}
        keys = by_chunk(partial(_keys, strip), side.chunks, cache)
        # Two equal keys in a row, compared at C speed: rules out the ~98% of sides with no
        # doubled word before any per-word work.
        if not any(map(eq, keys, keys[1:])):
            return
        words = side.words
        # Almost no adjacent words are equal: find those first, check the rest only there.
        for i in [i for i, (a, b) in enumerate(pairwise(keys)) if a == b]:
            (_, a_end, _), (b_start, b_end, b) = words[i], words[i + 1]
            key = keys[i]
            gap = side.text[a_end:b_start]
            if gap != " ":
                visible = strip_invisible(gap)  # a direction mark alone still separates
                if not gap or (visible and not visible.isspace()):
                    continue
            if not any(c.isalpha() for c in key) or f"{key} {key}" in self._allowed_for(side):
                continue
            if (
                len(side.segments) > 1
                and side.segment_at(a_end)[0] is not side.segment_at(b_start)[0]
            ):
                continue  # two aligned segments (sentences, TSV cells) are not one text
            yield self.finding(
                f'doubled word "{b}": remove the second "{b}"',
                side.location(b_start, b_end),
                fix=[Edit(side.location(a_end, b_end), "")],
                detail=f"{key}@{b_start}",
            )


def _keys(strip: Callable[[str], str], chunk: str) -> list[str]:
    """The keys of the words of ``chunk``: without marks, case-folded."""
    return [strip(word).casefold() for word in WORD.findall(chunk)]
