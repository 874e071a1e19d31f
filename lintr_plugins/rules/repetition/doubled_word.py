"""The `doubled-word` rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import pairwise
from operator import eq

from lintr.languages.profile import Languages
from lintr.model import Edit, Finding, Pair, PairSide
from lintr.rules.base import Option, Rule
from lintr.text import WORD, by_chunk, strip_invisible


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
        ``allow``: doublings that are correct, compared the same way. Unset, they are those
        the languages of the pair list (each language profile's ``doublings``: English
        "had had", "that that"; Arabic reduplications such as "رويداً رويداً", and the
        doublings of hadith and Qur'an quotations: "الله الله", "دَكًّا دَكًّا", "صَفًّا صَفًّا");
        set, the list replaces them.

    Fix:
        Safe: ``lintr check --fix`` deletes the second word and the space before it.
    """

    id = "doubled-word"
    options = {
        "allow": Option(
            list,
            None,
            "word pairs that may be doubled (default: the languages' own; a list replaces them)",
            item_type=str,
        )
    }

    @classmethod
    def language_notes(cls, languages: Languages) -> str:
        """The doublings of every language a plugin knows, for ``lintr explain``."""
        listed = [
            f"  {p.code}: " + ", ".join(f'"{d}"' for d in sorted(p.doublings))
            for p in languages.by_code.values()
            if p.doublings
        ]
        return "The languages' doublings:\n" + "\n".join(listed) if listed else ""

    def configure(self) -> None:
        allow = self.settings["allow"]
        # None: the languages' own doublings; a configured list replaces them (as it always has).
        self._allow_raw = None if allow is None else [" ".join(entry.split()) for entry in allow]
        # Per pair of languages, for each side: the entries as its words are compared.
        self._allowed: dict[tuple[str, str], set[str]] = {}
        # Per strip_marks function: each distinct chunk's keys (a cache).
        self._chunk_keys: dict[Callable[[str], str], dict[str, tuple[str, ...]]] = {}

    def check(self, pair: Pair) -> Iterator[Finding]:
        for side, other in ((pair.source, pair.target), (pair.target, pair.source)):
            if side:
                yield from self._check_side(side, other)

    def _key(self, side: PairSide, word: str) -> str:
        return side.profile.strip_marks(word).casefold()

    def _allowed_for(self, side: PairSide, other: PairSide) -> set[str]:
        """The doublings allowed on ``side``: its language's and the other side's (a quotation
        keeps its language), or the ``allow`` option's where it is set."""
        key = (side.profile.code, other.profile.code)
        if key not in self._allowed:
            entries = self._allow_raw
            if entries is None:
                entries = sorted(side.profile.doublings | other.profile.doublings)
            self._allowed[key] = {
                " ".join(self._key(side, w) for w in entry.split()) for entry in entries
            }
        return self._allowed[key]

    def _check_side(self, side: PairSide, other: PairSide) -> Iterator[Finding]:
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
            if not any(c.isalpha() for c in key):
                continue
            if f"{key} {key}" in self._allowed_for(side, other):
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
