"""The corpus-scope rule about misspellings: a rare word one edit away from a frequent one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from lintr import names
from lintr.hookspecs import hookimpl
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rule import Option, Rule
from lintr.sketch import Sketch
from lintr.spans import Spans

# A place: path, line, column, end line, end column, the word as written, and the folded
# words before and after it (its context).
Place = tuple[str, int, int, int, int, str, str, str]

# Arabic letters that differ only by their dots (a slip of the pen or the keyboard): an Arabic
# pair one edit apart counts only when the edit is one of these, inside the word
# (استحبارات / استخبارات). A letter added or dropped, or a change at either end, is too
# often another form of the same root (measured on hadith: mostly noise).
_DOT_GROUPS = ("بتثنيى", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق", "هة")
_SAME_SHAPE = {c: group for group in _DOT_GROUPS for c in group}
_DERIVED = ("s", "es", "d", "ed", "n", "y", "r", "er", "ly")


class Word:
    __slots__ = ("count", "where")

    def __init__(self) -> None:
        self.count = 0
        self.where: list[Place] = []


class SpellingState:
    """Per (language, folded word): a count, and for words long enough to check, their
    first places; the word pairs in a count-min sketch (fixed size). Grows with the
    vocabulary, not the corpus."""

    __slots__ = ("bigrams", "unigrams", "words")

    def __init__(self) -> None:
        self.words: dict[tuple[str, str], Word] = {}
        self.unigrams: Counter[tuple[str, str]] = Counter()
        self.bigrams = Sketch()


def _typo_like(rare: str, frequent: str) -> bool:
    """Whether the one Arabic edit between the two is a slip of the dots, inside the word."""
    for op, i, j in Levenshtein.editops(rare, frequent):
        at, longer = (j, frequent) if op == "insert" else (i, rare)
        if not 0 < at < len(longer) - 1:
            return False  # prefixes and suffixes are where Arabic inflects
        if op == "replace":
            group = _SAME_SHAPE.get(rare[i])
            return group is not None and frequent[j] in group
        return False  # a letter lost or added: too often another form of the root
    return False


def _derived(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in _DERIVED


class SpellingVariant(Rule):
    """A rare word one edit away from a frequent word of the same corpus, in the same
    context: probably a misspelling of it ("Syrian Arms" once among nine "Syrian Army",
    "tnat" among thousands of "that"; in Arabic, a slip of the dots such as استحبارات where
    استخبارات is frequent).

    Both languages are checked. Words are compared folded (English case; Arabic without
    tashkeel and tatweel, with alef and hamza forms, ى and ة folded). A word is rare when
    it occurs at most ``max-rare`` times; its neighbour must occur at least
    ``min-frequent`` times and ``min-ratio`` times as often, and differ by exactly one
    edit. Because both are often real words (arms / army, form / from, and in Arabic the
    many near neighbours a root makes), more is required:

    * the context must confirm it: the frequent word follows the rare one's left
      neighbour, or precedes its right neighbour, at least ``min-context`` times elsewhere
      and in at least ``min-share`` of that neighbour's occurrences ("syrian" is followed
      by "army" 9 times in 11; "the" is followed by anything). ``arabic-context = false``
      drops this for Arabic (more findings, most of them real words on a hadith corpus);
    * Arabic: the edit must look like a slip of the dots, letters that differ only by
      their dots (ح خ ج, ب ت ث ن ي, س ش...), inside the word; a letter added or dropped,
      or a change at either end, is too often another form of the same root;
    * English plurals and derived forms (army / armys, work / worked) are not variants, and
      Latin words with the same consonant skeleton (Qatida / Qatada) are left to
      ``inconsistent-transliteration``.

    Reported at every place of the rare word, with a note at the first place of the
    frequent one. Info by default: a rare real word can look like this.

    Memory: per distinct word of each language, a count and its first ``max-rare`` places;
    the word pairs for the context in a count-min sketch of fixed size (12 MB once it holds
    more than 65,536 pairs). It does not grow with the number of pairs beyond the
    vocabulary, and merging batches in any order gives the same findings.
    """

    id = "spelling-variant"
    severity = Severity.INFO
    scope = "corpus"
    options = {
        "max-rare": Option(int, 2, "a word seen at most this often may be a misspelling"),
        "min-frequent": Option(int, 5, "the word it resembles is seen at least this often"),
        "min-ratio": Option(float, 4.0, "... and at least this many times as often"),
        "min-context": Option(int, 2, "Latin script: times the context must be seen elsewhere"),
        "min-letters": Option(int, 4, "shorter words are not checked"),
        "min-share": Option(
            float, 0.2, "... and in at least this share of the context word's occurrences"
        ),
        "arabic-context": Option(bool, True, "Arabic too needs its context confirmed"),
    }

    def configure(self) -> None:
        self._limit = max(1, self.settings["max-rare"])
        self._min_letters = self.settings["min-letters"]

    # -- collect / merge ------------------------------------------------------------------

    def collect(self, pair: Pair) -> SpellingState:
        state = SpellingState()
        for side in (pair.source, pair.target):
            if side:
                self._collect_side(side, state)
        return state

    def _collect_side(self, side: PairSide, state: SpellingState) -> None:
        lang, arabic = side.profile.code, side.profile.script == "Arabic"
        words = side.words
        spans = Spans(side)
        keys = [side.profile.normalize(w) if arabic else w.casefold() for _, _, w in words]
        for i, (start, end, word) in enumerate(words):
            key = keys[i]
            state.unigrams[(lang, key)] += 1
            if i:
                state.bigrams.add(f"{lang}\t{keys[i - 1]}\t{key}")
            if len(key) < self._min_letters or not key.isalpha():
                continue
            stats = state.words.setdefault((lang, key), Word())
            stats.count += 1
            if len(stats.where) < self._limit:
                left = keys[i - 1] if i else ""
                right = keys[i + 1] if i + 1 < len(keys) else ""
                stats.where.append((*spans.place(start, end), word, left, right))

    def merge(self, a: SpellingState, b: SpellingState) -> SpellingState:
        """The union of two states; reuses (and changes) ``a``."""
        a.bigrams.absorb(b.bigrams)
        a.unigrams.update(b.unigrams)
        for key, theirs in b.words.items():
            mine = a.words.get(key)
            if mine is None:
                a.words[key] = theirs
                continue
            mine.count += theirs.count
            # The first places in file order, whatever the batches and the merge order.
            mine.where = sorted(mine.where + theirs.where)[: self._limit]
        return a

    # -- finalize -------------------------------------------------------------------------

    def finalize(self, state: SpellingState) -> Iterator[Finding]:
        frequent = self.settings["min-frequent"]
        index: dict[tuple[str, str], list[str]] = {}
        for (lang, key), stats in state.words.items():
            if stats.count >= frequent:
                for variant in {key, *_deletions(key)}:
                    index.setdefault((lang, variant), []).append(key)
        findings: list[Finding] = []
        for lang, key in sorted(state.words):
            stats = state.words[(lang, key)]
            if stats.count <= self.settings["max-rare"]:
                findings.extend(self._word_findings(state, lang, key, stats, index))
        findings.sort(key=Finding.sort_key)
        return iter(findings)

    def _word_findings(
        self, state: SpellingState, lang: str, key: str, stats: Word, index: dict
    ) -> list[Finding]:
        candidates = set()
        for variant in {key, *_deletions(key)}:
            candidates.update(index.get((lang, variant), ()))
        ratio = self.settings["min-ratio"]
        arabic = not key.isascii() and any("\u0600" <= c <= "\u06ff" for c in key)
        best = None
        for other in sorted(candidates):
            found = state.words[(lang, other)]
            if (
                other == key
                or found.count < ratio * stats.count
                or Levenshtein.distance(key, other, score_cutoff=1) != 1
            ):
                continue
            if arabic:
                if not _typo_like(key, other):
                    continue
                if self.settings["arabic-context"] and not self._in_context(
                    state, lang, stats, other
                ):
                    continue
            elif _derived(key, other) or names.latin_skeleton(key) == names.latin_skeleton(other):
                continue
            elif not self._in_context(state, lang, stats, other):
                continue
            if best is None or found.count > state.words[(lang, best)].count:
                best = other
        if best is None:
            return []
        return [self._finding(stats, state.words[(lang, best)], place) for place in stats.where]

    def _in_context(self, state: SpellingState, lang: str, stats: Word, other: str) -> bool:
        """Whether a neighbour of the rare word goes with the frequent one elsewhere: at
        least ``min-context`` times, and in at least ``min-share`` of that neighbour's own
        occurrences ('syrian' is followed by 'army' 9 times in 11; 'the' by anything)."""
        need, share = self.settings["min-context"], self.settings["min-share"]
        sketch = state.bigrams
        for place in stats.where:
            for neighbour, bigram in (
                (place[6], f"{lang}\t{place[6]}\t{other}"),
                (place[7], f"{lang}\t{other}\t{place[7]}"),
            ):
                if not neighbour:
                    continue
                together = sketch.count(bigram)
                if together >= need and together >= share * state.unigrams[(lang, neighbour)]:
                    return True
        return False

    def _finding(self, stats: Word, frequent: Word, place: Place) -> Finding:
        first = frequent.where[0]
        message = (
            f"'{place[5]}' ({stats.count}x) looks like a misspelling of '{first[5]}' "
            f"({frequent.count}x in the corpus): check it"
        )
        note = Related(Location(*first[:5]), f"'{first[5]}' is first used here")
        return self.finding(message, Location(*place[:5]), [note], detail=f"{place[5]}>{first[5]}")


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [SpellingVariant]
