"""The state of ``inconsistent-transliteration``: per folded name, its spellings as typed,
each with its counts (in all and per file), places and the Arabic it rendered. Merged in
any order, it gives the same findings."""

from __future__ import annotations

from collections import Counter

# Where a spelling occurs: path, line, column, end line, end column, the text as written, the
# side (source or target).
Where = tuple[str, int, int, int, int, str, str]


class Variant:
    """One spelling of a name: how often (in all and per file), where (the ``limit`` first
    places), which Arabic words of the aligned sources it rendered (their vowels agreeing
    with the spelling's), with which vowels, and which it could not render (their vowels
    contradict it: Musad is not مَسْعُود); how often it was written with a capital."""

    __slots__ = ("arabic", "capital", "clash", "count", "odd", "paths", "voweled", "where")

    def __init__(self) -> None:
        self.count = 0
        self.capital = 0
        self.where: list[Where] = []
        self.arabic: Counter[str] = Counter()
        self.paths: Counter[str] = Counter()
        self.voweled: Counter[tuple] = Counter()
        self.clash: Counter[str] = Counter()
        # Per file, its places whose apostrophe differs from the other names of their text.
        self.odd: Counter[str] = Counter()

    def absorb(self, other: Variant, limit: int) -> None:
        self.count += other.count
        self.capital += other.capital
        self.arabic.update(other.arabic)
        self.paths.update(other.paths)
        self.voweled.update(other.voweled)
        self.clash.update(other.clash)
        self.odd.update(other.odd)
        if other.where:
            # The first places in file order: the same whatever the batches and merge order.
            self.where = sorted(self.where + other.where)[:limit]


class NamesState:
    """Per folded name ('magawir'): its spellings; per folded word, how often it was written
    in lower case (an ordinary word, then, not a name). Grows with the distinct names and
    words of the corpus, not with its length."""

    __slots__ = ("arabic", "lower", "names", "sources")

    def __init__(self) -> None:
        self.names: dict[str, dict[str, Variant]] = {}
        self.lower: Counter[str] = Counter()
        # In how many Arabic sources (of pairs with names) each folded Arabic word occurs:
        # words of formulas (وسلم in every hadith) confirm no name.
        self.arabic: Counter[str] = Counter()
        self.sources = 0


def merged(forms: dict[str, Variant], limit: int) -> Variant:
    """One spelling's forms as typed, as one variant (a new one: the state is not changed)."""
    if len(forms) == 1:
        return next(iter(forms.values()))
    merged = Variant()
    for variant in forms.values():
        merged.absorb(variant, limit)
    return merged
