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
from lintr_plugins.rules.repetition.evidence import in_compound, name_then_word, rendered_near

Word = tuple[int, int, str]  # start, end, text


class DoubledWord(Rule):
    """The same word twice in a row ("the the", "في في").

    What it finds:
        A word written twice with only spaces, a line break or invisible direction marks
        between ("that, that" is fine), on either side of the pair, reported at the second
        word with the side named ("in the English target"). Numbers are not words here.
        Words are compared case-insensitively and without tatweel; Arabic vowels count
        where both words write them: مُلْكِ مَلِكٍ and لِمَ لَمْ are two words, while "فيَ في"
        (one form unvocalised) is one word twice.

        Not every doubling is a slip, and the rule reads the pair before it reports one.
        Not reported:

        * the doublings each language writes on purpose (the ``allow`` option);
        * a doubling that is part of a longer token ("kernel-package package", "-name
          name"), or a name then a word ("al-Said said": a capitalised word inside a
          sentence, then the same letters in lower case);
        * a doubling its own forms show deliberate, in a language that repeats words on
          purpose (Arabic, whose profile says how: ``repetition``): both words vocalised
          (scripture, hadith and poetry repeat words for emphasis and distribution and in
          the narration formula "قَالَ قَالَ رَسُولُ اللَّهِ"; even "فِي فِي الصَّبِيِّ" is "in
          the mouth of the child"), both with tanwin ("دِينَارًا دِينَارًا"), a distributive
          number or dual ("ثلاثا ثلاثا", "ركعتين ركعتين");
        * unless the word is one the language never doubles on purpose (its profile's
          ``repetition.slips``: "the the", "would would", unvocalised "في في"), a doubling
          the other side renders, near the same place in it: it repeats a word too ("Stop,
          stop"; the same doubling copied, as a command; a doubling the other language
          writes on purpose), or says the repetition in words ("twice", "two by two", "one
          by one", "again and again", "each", "at a time"; مرتين, تباعا).

        A run of one word ("the the the") is one finding.

    Why it matters:
        The commonest slip of typing and editing (a word typed again after a line break, two
        drafts merged), and one that spell checkers miss: each word is spelled right.

    Example:
        source: ذهب الولد إلى المدرسة.
        target: The the boy went to school.
        → target:1:5: doubled word "the" in the English target: remove the second "the"

    Options:
        ``allow``: doublings that are correct, compared the same way. Unset, they are those
        the languages of the pair list (each language profile's ``doublings``: English
        "had had", "that that"; Arabic reduplications such as "رويداً رويداً", and the
        doublings of hadith and Qur'an quotations: "الله الله", "دَكًّا دَكًّا", "صَفًّا صَفًّا");
        set, the list replaces them.

    Fix:
        Safe where the rule is sure the doubling is a slip (a word the language never
        doubles on purpose, or a doubling in a language that does not repeat words for
        emphasis, English): ``lintr check --fix`` deletes the second word and the space
        before it. None for other Arabic doublings, which may be deliberate: the message
        says to remove the second word unless the repetition is meant.
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
        """The doublings and slips of every language a plugin knows, for ``lintr explain``."""
        profiles = list(languages.by_code.values())
        doublings = _listing("The languages' doublings", {p.code: p.doublings for p in profiles})
        slips = {p.code: p.repetition.slips for p in profiles}
        never = _listing("Words the languages never double on purpose", slips)
        return "\n\n".join(part for part in (doublings, never) if part)

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
        doubled = [
            i
            for i, (a, b) in enumerate(pairwise(keys))
            if a == b and self._doubled(side, words[i], words[i + 1], keys[i])
        ]
        # A run ("the the the", "م م م م") is one slip: one finding from its second word.
        for run in _runs(doubled):
            yield from self._report(side, other, [words[i] for i in run], keys[run[0]])

    def _doubled(self, side: PairSide, first: Word, second: Word, key: str) -> bool:
        """Whether two adjacent words with one key are one word written twice."""
        (a_start, a_end, a), (b_start, b_end, b) = first, second
        gap = side.text[a_end:b_start]
        if gap != " ":
            visible = strip_invisible(gap)  # a direction mark alone still separates
            if not gap or (visible and not visible.isspace()):
                return False
        if not any(c.isalpha() for c in key):
            return False
        if len(side.segments) > 1 and side.segment_at(a_end)[0] is not side.segment_at(b_start)[0]:
            return False  # two aligned segments (sentences, TSV cells) are not one text
        return (
            side.profile.repetition.same_word(a, b)
            and not in_compound(side.text, a_start, b_end)
            and not name_then_word(side, a_start, a, b)
        )

    def _deliberate(self, ours: str, side: PairSide, a: str, b: str, key: str) -> bool:
        """Whether a plain doubling on the other ``side`` of a doubling of ``ours`` is
        deliberate: the same words (both sides keep a command, a name, a quotation), allowed,
        or shown so by its forms in a language that repeats words on purpose."""
        if key == ours:
            return True
        repetition = side.profile.repetition
        allowed = self._allowed_for(side, side)
        return f"{key} {key}" in allowed or (repetition.emphatic and repetition.deliberate(a, b))

    def _report(
        self, side: PairSide, other: PairSide, run: list[Word], key: str
    ) -> Iterator[Finding]:
        """The finding for a run of one word, unless it is allowed or shown deliberate;
        with a fix where the rule is sure it is a slip."""
        (_, a_end, a), (b_start, _, b) = run[0], run[1]
        if f"{key} {key}" in self._allowed_for(side, other):
            return
        repetition = side.profile.repetition
        if repetition.deliberate(a, b):
            return
        slip = key in repetition.slips
        where = b_start / len(side.text)
        if not slip and rendered_near(other, where, partial(self._deliberate, key)):
            return
        sure = slip or not repetition.emphatic
        end = run[-1][1]
        yield self.finding(
            _message(side, other, b, len(run), sure),
            side.location(b_start, end),
            fix=[Edit(side.location(a_end, end), "")] if sure else [],
            detail=f"{key}@{b_start}",
        )


def _message(side: PairSide, other: PairSide, word: str, times: int, sure: bool) -> str:
    where = f'doubled word "{word}" in the {side.profile.name} {side.side}'
    if times > 2:
        where += f", {times} times in a row"
    remove = f'remove the second "{word}"' if times == 2 else "remove the repeats"
    if sure:
        return f"{where}: {remove}"
    other_side = f"the {other.profile.name} {other.side}"
    said = f"{other_side} does not repeat it" if other else f"{other_side} is empty"
    return f"{where}: {remove} unless the repetition is deliberate ({said})"


def _listing(title: str, words: dict[str, frozenset[str]]) -> str:
    lines = [
        f"  {code}: " + ", ".join(f'"{w}"' for w in sorted(ws)) for code, ws in words.items() if ws
    ]
    return f"{title}:\n" + "\n".join(lines) if lines else ""


def _runs(doubled: list[int]) -> Iterator[list[int]]:
    """The runs of words that ``doubled`` (the indexes of words equal to the next) make:
    [3, 4, 9] -> words 3, 4, 5, then words 9, 10."""
    run: list[int] = []
    for i in doubled:
        if run and i != run[-1]:
            yield run
            run = []
        run += [i, i + 1] if not run else [i + 1]
    if run:
        yield run


def _keys(strip: Callable[[str], str], chunk: str) -> list[str]:
    """The keys of the words of ``chunk``: without marks, case-folded."""
    return [strip(word).casefold() for word in WORD.findall(chunk)]
