"""The `spelling-variant` rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import chain

from rapidfuzz.distance import Levenshtein

from lintr.analysis import names
from lintr.corpus.sketch import Sketch, hash64, pair_hash, word_pair_keys
from lintr.corpus.spans import FirstPlaces, Spans
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rules.base import Option, Rule

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


class SpellingState:
    """Per language, the count of every folded word; the first places of each word long
    enough to check (at most ``max-rare``, the earliest in file order); the word pairs in a
    count-min sketch (fixed size). Grows with the vocabulary, not the corpus."""

    __slots__ = ("bigrams", "counts", "where")

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.where: dict[tuple[str, str], list[Place]] = {}
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

    What it finds:
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
        * English plurals and derived forms (army / armys, work / worked) are not variants,
          Latin words with the same consonant skeleton (Qatida / Qatada) are left to
          ``inconsistent-transliteration``, and a word in lower case beside a name (a word
          capitalised at its first places: 'allahi' of a transliterated prayer beside
          'Allah') is another word.

        Reported at every place of the rare word, with a note at the first place of the
        frequent one. Info by default: a rare real word can look like this.

        Memory: per distinct word of each language, a count and its first ``max-rare`` places;
        the word pairs for the context in a count-min sketch of fixed size (12 MB once it holds
        more than about a million word pairs; before that, and for one batch, their 8-byte
        hashes). It does not grow with the number of pairs beyond the
        vocabulary, and merging batches in any order gives the same findings.

    Why it matters:
        A slip that makes another real word ("Arms" for "Army", "form" for "from", a
        misplaced dot in Arabic) passes every spell checker; the corpus itself knows which
        word it means.

    Example (six pairs of one corpus):
        source: الجيش السوري (in each pair)
        target: The Syrian Army advanced. (and four more with "Syrian Army"), then The attack on the Syrian Arms failed.
        → target:6:26: 'Arms' (1x) looks like a misspelling of 'Army' (5x in the corpus): check it

    Options:
        ``max-rare``, ``min-frequent``, ``min-ratio``, ``min-context``, ``min-share`` and
        ``arabic-context`` as above; ``min-letters``: shorter words are not checked.

    Fix:
        None: the rare word may be right; the finding is a hint.
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
        # Per process, per language: the folded words' hashes (a cache), and the words
        # whose first places this process has all recorded, from pairs before the current
        # batch: their later places can never be among the first, so the side that holds
        # them needs no offsets.
        self._hashes: dict[str, dict[str, int]] = {}
        self._first: dict[str, FirstPlaces] = {}

    # -- collect / merge ------------------------------------------------------------------

    def collect(self, pair: Pair) -> SpellingState:
        return self.collect_batch([pair])

    def collect_batch(self, pairs: list[Pair]) -> SpellingState:
        state = SpellingState()
        by_lang: dict[str, list[PairSide]] = {}
        for pair in pairs:
            for side in (pair.source, pair.target):
                if side:
                    by_lang.setdefault(side.profile.code, []).append(side)
        for lang, sides in by_lang.items():
            self._collect_language(lang, sides, state)
        return state

    def _collect_language(self, lang: str, sides: list[PairSide], state: SpellingState) -> None:
        profile = sides[0].profile
        fold = profile.normalize if profile.script == "Arabic" else str.casefold
        keyed = [side.folded_tokens(fold) for side in sides]
        flat = list(chain.from_iterable(keyed))
        state.counts[lang] = Counter(flat)
        self._count_bigrams(lang, keyed, flat, state.bigrams)
        self._record_places(lang, sides, keyed, flat, state.where)

    def _count_bigrams(self, lang: str, keyed: list[list[str]], flat: list[str], sketch: Sketch):
        """Every two consecutive words of a side, hashed and added in one go."""
        if len(flat) < 2:
            return
        cache = self._hashes.setdefault(lang, {})
        sketch.add_hashes(word_pair_keys(keyed, flat, cache, f"{lang}\t"))

    def _record_places(self, lang, sides, keyed, flat, where) -> None:
        first = self._first.setdefault(lang, FirstPlaces())
        in_order, full = first.begin(sides), first.full
        m = self._min_letters
        need = {k for k in set(flat).difference(full) if len(k) >= m and k.isalpha()}
        if not need:
            return
        limit = self._limit
        for side, keys in zip(sides, keyed, strict=True):
            hits = need.intersection(keys)
            if not hits:
                continue
            spans, tokens, last = Spans(side), side.tokens, len(keys) - 1
            bounds = side.word_bounds
            for i, key in enumerate(keys):
                if key not in hits:
                    continue
                start, end, word = bounds[2 * i], bounds[2 * i + 1], tokens[i]
                left = keys[i - 1] if i else ""
                right = keys[i + 1] if i < last else ""
                where.setdefault((lang, key), []).append(
                    (*spans.place(start, end), word, left, right)
                )
                if in_order and first.count(key, limit):
                    need.discard(key)
                    hits.discard(key)
        if not in_order:
            for key, places in where.items():
                where[key] = sorted(places)[:limit]

    def merge(self, a: SpellingState, b: SpellingState) -> SpellingState:
        """The union of two states; reuses (and changes) ``a``."""
        a.bigrams.absorb(b.bigrams)
        for lang, counts in b.counts.items():
            mine = a.counts.get(lang)
            if mine is None:
                a.counts[lang] = counts
            else:
                mine.update(counts)
        for key, theirs in b.where.items():
            mine = a.where.get(key)
            # The first places in file order, whatever the batches and the merge order.
            a.where[key] = theirs if mine is None else sorted(mine + theirs)[: self._limit]
        return a

    # -- finalize -------------------------------------------------------------------------

    def finalize(self, state: SpellingState) -> Iterator[Finding]:
        frequent, rare = self.settings["min-frequent"], self.settings["max-rare"]
        index: dict[tuple[str, str], list[str]] = {}
        for lang, key in state.where:
            if state.counts[lang][key] >= frequent:
                for variant in {key, *_deletions(key)}:
                    index.setdefault((lang, variant), []).append(key)
        findings: list[Finding] = []
        for lang, key in sorted(state.where):
            if state.counts[lang][key] <= rare:
                findings.extend(self._word_findings(state, lang, key, index))
        findings.sort(key=Finding.sort_key)
        return iter(findings)

    def _word_findings(
        self, state: SpellingState, lang: str, key: str, index: dict
    ) -> list[Finding]:
        candidates = set()
        for variant in {key, *_deletions(key)}:
            candidates.update(index.get((lang, variant), ()))
        ratio = self.settings["min-ratio"]
        counts = state.counts[lang]
        count = counts[key]
        arabic = not key.isascii() and any("\u0600" <= c <= "\u06ff" for c in key)
        best = None
        for other in sorted(candidates):
            if (
                other == key
                or counts[other] < ratio * count
                or Levenshtein.distance(key, other, score_cutoff=1) != 1
            ):
                continue
            if arabic:
                if not _typo_like(key, other):
                    continue
                if self.settings["arabic-context"] and not self._in_context(
                    state, lang, key, other
                ):
                    continue
            elif _derived(key, other) or names.latin_skeleton(key) == names.latin_skeleton(other):
                continue
            elif _name_in_lower_case(state.where[(lang, other)], state.where[(lang, key)]):
                continue
            elif not self._in_context(state, lang, key, other):
                continue
            if best is None or counts[other] > counts[best]:
                best = other
        if best is None:
            return []
        first = state.where[(lang, best)][0]
        return [
            self._finding(count, counts[best], place, first) for place in state.where[(lang, key)]
        ]

    def _in_context(self, state: SpellingState, lang: str, key: str, other: str) -> bool:
        """Whether a neighbour of the rare word goes with the frequent one elsewhere: at
        least ``min-context`` times, and in at least ``min-share`` of that neighbour's own
        occurrences ('syrian' is followed by 'army' 9 times in 11; 'the' by anything)."""
        need, share = self.settings["min-context"], self.settings["min-share"]
        sketch, counts = state.bigrams, state.counts[lang]

        def word(w: str) -> int:
            return hash64(f"{lang}\t{w}")

        for place in state.where[(lang, key)]:
            left, right = place[6], place[7]
            for neighbour, bigram in (
                (left, (left, other)),
                (right, (other, right)),
            ):
                if not neighbour:
                    continue
                together = sketch.count_hash(pair_hash(word(bigram[0]), word(bigram[1])))
                if together >= need and together >= share * counts[neighbour]:
                    return True
        return False

    def _finding(self, count: int, frequent: int, place: Place, first: Place) -> Finding:
        message = (
            f"'{place[5]}' ({count}x) looks like a misspelling of '{first[5]}' "
            f"({frequent}x in the corpus): check it"
        )
        note = Related(Location(*first[:5]), f"'{first[5]}' is first used here")
        return self.finding(message, Location(*place[:5]), [note], detail=f"{place[5]}>{first[5]}")


def _name_in_lower_case(frequent: list[Place], rare: list[Place]) -> bool:
    """A name (capitalised at each of its first places: 'Allah') beside a rare word in lower
    case ('allahi' in "subhan allahi bihamdihi"): a transliterated phrase, not a slip."""
    return all(p[5][:1].isupper() for p in frequent) and all(p[5][:1].islower() for p in rare)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]
