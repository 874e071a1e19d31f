"""The `inconsistent-transliteration` rule."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import accumulate, chain, compress
from operator import itemgetter

from rapidfuzz.distance import Levenshtein

from lintr.analysis import names
from lintr.config.termfiles import Canonical, read_canonical
from lintr.corpus.spans import FirstPlaces, Spans
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rules.base import Option, Rule
from lintr.text import CACHE_LIMIT, CHUNK_LIMIT, by_chunk, mapped
from lintr_plugins.languages.arabic.names import (
    ARABIC_WORD,
    arabic_bare,
    arabic_key,
    arabic_skeleton,
)

# Where a spelling occurs: path, line, column, end line, end column, the text as written.
Where = tuple[str, int, int, int, int, str]

SCHEMES = ("majority", "din", "ala-lc", "ascii")
SCHEME_NAMES = {"din": "DIN 31635", "ala-lc": "ALA-LC", "ascii": "plain-ASCII"}
_DIN_ONLY = frozenset("ġğšṯḏḫžʿʾĠĞŠṮḎḪŽ")
_ALA_ONLY = frozenset("ʻʼ")
_SHARED = frozenset("āīūēōḥṣḍṭẓĀĪŪĒŌḤṢḌṬẒ")
_DIGRAPHS = ("sh", "kh", "gh", "th", "dh")


# Close spellings are one name only where the Arabic word they render has this many letters
# (not من, بن); where their consonant skeleton is shorter than MIN_SKELETON (two letters,
# such as 'mr', shared by Mary, 'Umar and Amr), one more letter and a single edit.
MIN_SKELETON = 3
MIN_ARABIC = 3
DOMINANT = 0.4
# An Arabic word in more than this share of the sources is a formula (صلى الله عليه وسلم),
# not the name a transliteration renders.
FORMULA_SHARE = 0.3


class Variant:
    """One spelling of a name: how often, where (the ``limit`` first places) and which Arabic
    words of the aligned sources it rendered."""

    __slots__ = ("arabic", "count", "where")

    def __init__(self) -> None:
        self.count = 0
        self.where: list[Where] = []
        self.arabic: Counter[str] = Counter()

    def absorb(self, other: Variant, limit: int) -> None:
        self.count += other.count
        self.arabic.update(other.arabic)
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


def _scheme_score(spelling: str, scheme: str) -> int:
    text = unicodedata.normalize("NFC", spelling)
    if scheme == "ascii":
        return -sum(1 for c in text if not c.isascii() or c in names.AYN_SIGNS)
    digraphs = sum(text.lower().count(d) for d in _DIGRAPHS)
    shared = sum(1 for c in text if c in _SHARED)
    din, ala = sum(1 for c in text if c in _DIN_ONLY), sum(1 for c in text if c in _ALA_ONLY)
    if scheme == "din":
        return shared + din - ala - digraphs
    if scheme == "ala-lc":
        return shared + ala + digraphs - din
    return 0


class _Group:
    """Spellings found to render one name."""

    def __init__(self) -> None:
        self.variants: dict[str, Variant] = {}

    def arabic(self) -> str:
        """The Arabic the name renders: the word most of its occurrences matched, if any."""
        counts: Counter[str] = Counter()
        for variant in self.variants.values():
            counts.update(variant.arabic)
        if not counts:
            return ""
        word = min(counts, key=lambda w: (-counts[w], w))
        total = sum(v.count for v in self.variants.values())
        return word if 2 * counts[word] >= total else ""


def _support(variants: list[Variant], formulas: frozenset[str]) -> Counter[str]:
    """Per Arabic word (folded, without clitics): in how many of these occurrences' sources
    it was a candidate. Words of formulas are left out."""
    counts: Counter[str] = Counter()
    for variant in variants:
        for word, n in variant.arabic.items():
            key = arabic_key(word)
            if key not in formulas:
                counts[key] += n
    return counts


def _dominant(support: Counter[str], total: int) -> str:
    """The Arabic found most often with these occurrences, if with at least DOMINANT of
    them (the Arabic often abbreviates or words a name otherwise), or ''."""
    if not support:
        return ""
    word = min(support, key=lambda w: (-support[w], w))
    return word if support[word] >= DOMINANT * total else ""


class _Unit:
    """Spellings identical after folding that render one Arabic name."""

    __slots__ = ("arabic", "count", "key", "support", "variants")

    def __init__(self, key: str, variants: dict[str, Variant], formulas: frozenset[str]):
        self.key = key
        self.variants = variants
        self.count = sum(v.count for v in variants.values())
        self.support = _support(list(variants.values()), formulas)
        self.arabic = _dominant(self.support, self.count)

    def renders(self, arabic: str) -> bool:
        """Whether ``arabic`` was found with at least half of these occurrences."""
        return bool(arabic) and 2 * self.support.get(arabic, 0) >= self.count


def _split(key: str, variants: dict[str, Variant], formulas: frozenset[str]) -> list[_Unit]:
    """The spellings of one folded key, split where their sources show different Arabic
    names (As'ad for أسعد, Asad for أسد); spellings without a clear Arabic, or whose sources
    also have the main spelling's Arabic, stay with the main spelling."""
    ranked = sorted(variants, key=lambda s: (-variants[s].count, s))
    main = _Unit(key, {ranked[0]: variants[ranked[0]]}, formulas)
    groups: dict[str, dict[str, Variant]] = {main.arabic: dict(main.variants)}
    for spelling in ranked[1:]:
        unit = _Unit(key, {spelling: variants[spelling]}, formulas)
        apart = unit.arabic and main.arabic and not unit.renders(main.arabic)
        groups.setdefault(unit.arabic if apart else main.arabic, {})[spelling] = variants[spelling]
    return [_Unit(key, groups[a], formulas) for a in sorted(groups)]


class InconsistentTransliteration(Rule):
    """One name transliterated in different ways across the corpus ('Maġāwir' in one place,
    'Maġāwīr' in another).

    What it finds:
        In Latin-script text lintr takes as names the capitalised words and the words carrying
        transliteration marks (ā ī ū ḥ ṣ ḍ ṭ ẓ ġ ğ š ṯ ḏ ʿ ʾ ‘ ’ '), without a hyphenated article
        (al-, el-, ad-, ash-...) or an English possessive. A capitalised word whose letters the
        corpus also writes in lower case is an ordinary word ('Said' beside 'said') unless it
        carries marks. Spellings are one name when they are

        * identical after folding diacritics, ʿayn and hamza signs, hyphens and case
          (Maġāwīr / Maġāwir / Magawir), or
        * close (at most ``max-distance`` edits after folding) with the same consonant skeleton,
          and confirmed by the aligned source: both render the same Arabic word, compared
          without tashkeel, with alef and hamza forms, ta marbuta, the article and clitics
          folded (Hurairah / Huraira / Hurayrah for هريرة; Hasan / Husain stay apart, حسن is
          not حسين).

        Case and the apostrophe's typography (' or ’) do not make another spelling.

        Which spelling is right: the canonical-spellings file (``names-file``, the team's agreed
        spelling of each name) first; then the ``scheme`` (``din``: the most fully marked
        DIN 31635 spelling, ``ala-lc``: ALA-LC, ``ascii``: the plain-ASCII house style); then
        the majority (ties: the spelling with more marks, then the one used first). Every occurrence of another spelling is
        reported at its exact span, with a note at the first occurrence of the preferred one:

            'Maġāwir' (1x) vs 'Maġāwīr' (2x) for المغاوير: spell it 'Maġāwīr', as elsewhere in the corpus

        Memory: per distinct folded name, each spelling's count, the Arabic words it rendered
        and its first ``max-locations`` places; per distinct lower-case word, a count. It grows
        with the corpus's vocabulary, not with its length, and batches merged in any order give
        the same findings. A spelling used more than ``max-locations`` times is reported at its
        first ``max-locations`` places only (the message says so).

    Why it matters:
        A reader, or a search, that meets one person under two spellings may take them for two
        people; house styles and name authorities ask for one spelling a name, and a corpus
        that mixes them teaches the mixture.

    Example (three pairs of one corpus):
        source: ... جيش المغاوير ... (in each pair)
        target: the Ğayš al-Maġāwīr (pairs 1 and 2), the Ğayš al-Maġāwir (pair 3)
        → target:3:60: 'Maġāwir' (1x) vs 'Maġāwīr' (2x) for المغاوير: spell it 'Maġāwīr', as elsewhere in the corpus

    Options:
        ``names-file``: the agreed spellings, one name a line, ``spelling<TAB>arabic`` (the
        Arabic optional; it lets the entry claim spellings that are close but not identical
        after folding), ``#`` comments; ``.csv`` files use commas. An entry may have an article
        or several words (al-Ḥasaka, Dayr az-Zūr): each name word of it counts. See
        ``examples/names.csv``. A relative path is taken from the configuration file's folder.
        With it, a name spelled otherwise is reported even where the corpus spells it one way
        only. ``scheme``, ``max-distance``, ``max-locations`` as above; ``min-letters``: shorter
        names (after folding) are ignored.

    Fix:
        None: the message names the spelling to use, but a name can be right in a quotation or
        a title; every place is reported so that a person can choose.
    """

    id = "inconsistent-transliteration"
    severity = Severity.WARNING
    scope = "corpus"
    options = {
        "names-file": Option(str, "", "canonical spellings (TSV/CSV); relative to the config"),
        "scheme": Option(str, "majority", "preferred style: majority, din, ala-lc or ascii"),
        "max-distance": Option(int, 2, "edits allowed between close spellings, after folding"),
        "min-letters": Option(int, 3, "shorter names (after folding) are ignored"),
        "max-locations": Option(int, 100, "places kept per spelling"),
    }

    def configure(self) -> None:
        from lintr.config.settings import ConfigError

        scheme = self.settings["scheme"]
        if scheme not in SCHEMES:
            raise ConfigError(f"{self.id}: scheme: expected one of {', '.join(SCHEMES)}")
        self._limit = max(1, self.settings["max-locations"])
        path = self.settings["names-file"]
        self._canonical: list[Canonical] = []
        for entry in read_canonical(path) if path else []:
            # Each name word of an entry counts ('al-Ḥasaka' -> 'Ḥasaka', 'Dayr az-Zūr' ->
            # 'Dayr', 'Zūr'); the Arabic only where the entry is one word.
            words = names.find_names(entry.spelling, 1)
            arabic = entry.arabic if len(words) == 1 else ""
            self._canonical += [replace(entry, spelling=w.text, arabic=arabic) for w in words]
        self._by_fold = {names.fold(c.spelling): c for c in self._canonical}
        # Per process: each distinct word's analysis (caches), and per side role the
        # spellings whose first places were all recorded from earlier batches (see
        # spelling-variant: their later places can never be among the first).
        self._name: dict[str, tuple | None] = {}
        self._lower: dict[str, str | None] = {}
        # Per distinct chunk of text (a word and its punctuation): the lower-case keys,
        # names and name spans (in the chunk) of its Latin words, and its Arabic words
        # analysed (``text.by_chunk``).
        self._chunk_info: dict[str, tuple[tuple, tuple, tuple]] = {}
        self._arabic_chunks: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self._first: dict[str, FirstPlaces] = {}
        self._by_arabic = {
            (names.latin_skeleton(c.spelling), arabic_key(c.arabic)): c
            for c in self._canonical
            if c.arabic
        }

    # -- collect / merge ------------------------------------------------------------------

    def collect(self, pair: Pair) -> NamesState:
        return self.collect_batch([pair])

    def collect_batch(self, pairs: list[Pair]) -> NamesState:
        """Each Latin side's words found once (one ``findall``) and analysed once per
        distinct word (cached); places are located only for spellings whose first
        ``max-locations`` places this process has not all seen yet."""
        state = NamesState()
        by_role: dict[str, list[tuple[PairSide, PairSide]]] = {}
        for pair in pairs:
            for side, other in ((pair.source, pair.target), (pair.target, pair.source)):
                if side and side.profile.script == "Latin":
                    by_role.setdefault(side.side, []).append((side, other))
        lower: list[str] = []
        touched: set[Variant] = set()
        for role, sides in by_role.items():
            self._collect_role(role, sides, state, lower, touched)
        state.lower.update(lower)
        limit = self._limit
        for variant in touched:  # the first places in file order
            variant.where.sort()
            del variant.where[limit:]
        return state

    def _collect_role(self, role, sides, state: NamesState, lower: list[str], touched) -> None:
        first = self._first.setdefault(role, FirstPlaces())
        in_order, full = first.begin([side for side, _ in sides]), first.full
        chunk_info = self._chunk_info
        for side, other in sides:
            chunks = side.chunks
            analysed = mapped(self._analyse_chunk, chunks, chunk_info, CHUNK_LIMIT)
            lower.extend(chain.from_iterable(map(itemgetter(0), analysed)))
            found = list(chain.from_iterable(map(itemgetter(1), analysed)))
            if not found:
                continue
            index = self._arabic_index(other, found, state)
            counts = Counter(found)
            need = False
            for info, n in counts.items():
                variant = state.names.setdefault(info[3], {}).get(info[4])
                if variant is None:
                    variant = state.names[info[3]][info[4]] = Variant()
                variant.count += n
                if len(info[5]) >= 2:
                    for word in index.get(info[5], ()):
                        variant.arabic[word] += n
                if info[3:5] not in full:
                    need = True
            if need:
                self._place(side, analysed, state, first, in_order, touched)

    def _analyse_chunk(self, chunk: str) -> tuple[tuple, tuple, tuple]:
        """The lower-case keys, the names and the name spans of the words of a chunk of text
        (``text.split()``; ``names.WORD`` is a word pattern: the chunks' words are the
        text's)."""
        found = [(m.start(), m.end(), m.group()) for m in names.WORD.finditer(chunk)]
        words = [w for _, _, w in found]
        self._ensure(words)
        named = [(self._name[w], (s, e)) for s, e, w in found if self._name[w] is not None]
        return (
            tuple(filter(None, map(self._lower.__getitem__, words))),
            tuple(info for info, _ in named),
            tuple(span for _, span in named),
        )

    def _ensure(self, words: list[str]) -> None:
        """Analyse those of ``words`` not in the caches yet."""
        missing = set(words).difference(self._name)
        if missing:
            if len(self._name) + len(missing) > CACHE_LIMIT:
                self._name.clear()  # a bound on memory: start the caches again
                self._lower.clear()
                missing = set(words)
            self._analyse(missing)

    def _analyse(self, words: set[str]) -> None:
        """Cache, per word as ``names.WORD`` matches it, its folded lower-case form (or None)
        and its name: (cut at start, cut at end, name, folded, spelling, skeleton), or None."""
        minimum = self.settings["min-letters"]
        for word in words:
            self._lower[word] = names.lowercase_key(word)
            found = names.name_in(word, minimum)
            if found is not None:
                text = found[2]
                found = (*found, names.fold(text), names.spelling(text), names.latin_skeleton(text))
            self._name[word] = found

    def _arabic_index(self, other: PairSide, found, state: NamesState) -> dict[str, list[str]]:
        """Skeleton -> the distinct Arabic words (without tashkeel) of the aligned source
        that have it, for the skeletons of ``found``; counts the source's words for the
        formula test."""
        if not (other and other.profile.script == "Arabic"):
            return {}
        analysed = set(by_chunk(_analyse_arabic_words, other.chunks, self._arabic_chunks))
        state.arabic.update({key for _, _, key in analysed})
        state.sources += 1
        wanted = {info[5] for info in found}
        index: dict[str, list[str]] = {}
        for bare, skeleton, _ in analysed:
            if skeleton in wanted:
                words = index.setdefault(skeleton, [])
                if bare not in words:
                    words.append(bare)
        return index

    def _place(self, side: PairSide, analysed, state: NamesState, first, in_order, touched):
        """Record the places of the side's names whose first places are not all seen.
        ``analysed``: the side's chunks' entries of ``_chunk_info``."""
        spans, limit = Spans(side), self._limit
        for info, start, end in self._name_spans(side, analysed):
            key = info[3:5]
            if key in first.full:
                continue
            variant = state.names[info[3]][info[4]]
            start, end = start + info[0], end - info[1]
            variant.where.append((*spans.place(start, end), info[2]))
            touched.add(variant)
            if in_order:
                first.count(key, limit)

    def _name_spans(self, side: PairSide, analysed) -> Iterator[tuple[tuple, int, int]]:
        """Each name word of the side in order: its analysis, start and end offsets."""
        chunks, text = side.chunks, side.text
        if chunks and len(text) == sum(map(len, chunks)) + len(chunks) - 1:
            return self._spans_by_chunk(chunks, analysed)
        return self._spans_by_split(text)

    @staticmethod
    def _spans_by_chunk(chunks: list[str], analysed) -> Iterator[tuple[tuple, int, int]]:
        """For a text with one character between chunks and none around them: chunk k
        starts after the k chunks before it and their k separators."""
        ends = accumulate(map(len, chunks))
        for k, ((_, infos, spans), end) in enumerate(zip(analysed, ends, strict=True)):
            if infos:
                base = end - len(chunks[k]) + k
                for info, (s, e) in zip(infos, spans, strict=True):
                    yield info, base + s, base + e

    def _spans_by_split(self, text: str) -> Iterator[tuple[tuple, int, int]]:
        parts = names.WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        bounds = list(accumulate(map(len, parts)))
        words = parts[1::2]
        self._ensure(words)
        name_info = self._name
        for i in compress(range(len(words)), map(name_info.__getitem__, words)):
            yield name_info[words[i]], bounds[2 * i], bounds[2 * i + 1]

    def merge(self, a: NamesState, b: NamesState) -> NamesState:
        """The union of two states; reuses (and changes) ``a``."""
        a.lower.update(b.lower)
        a.arabic.update(b.arabic)
        a.sources += b.sources
        for key, theirs in b.names.items():
            mine = a.names.get(key)
            if mine is None:
                a.names[key] = theirs
                continue
            for spelling, variant in theirs.items():
                kept = mine.get(spelling)
                if kept is None:
                    mine[spelling] = variant
                else:
                    kept.absorb(variant, self._limit)
        return a

    # -- finalize -------------------------------------------------------------------------

    def finalize(self, state: NamesState) -> Iterator[Finding]:
        findings: list[Finding] = []
        for group in self._groups(state):
            findings.extend(self._group_findings(group))
        findings.sort(key=Finding.sort_key)
        return iter(findings)

    def _name_variants(self, state: NamesState) -> dict[str, dict[str, Variant]]:
        """Per folded name, its spellings, without the unmarked ones of ordinary words."""
        out = {}
        for key in sorted(state.names):
            variants = state.names[key]
            if state.lower.get(key):
                variants = {s: v for s, v in variants.items() if _marked(s)}
            if variants:
                out[key] = variants
        return out

    def _groups(self, state: NamesState) -> list[_Group]:
        """Spellings grouped by name: identical after folding (unless their sources show
        two Arabic names, as As'ad and Asad do), then, from the most frequent down, each
        close spelling joined to the group of the first more frequent one whose Arabic
        its own sources have."""
        common = FORMULA_SHARE * state.sources
        formulas = frozenset(w for w, n in state.arabic.items() if n > common)
        units = [
            u for key, v in self._name_variants(state).items() for u in _split(key, v, formulas)
        ]
        blocks: dict[str, list[_Unit]] = {}
        for unit in units:
            blocks.setdefault(names.latin_skeleton(unit.key), []).append(unit)
        limit = self.settings["max-distance"]
        groups: list[_Group] = []
        for skeleton, block in sorted(blocks.items()):
            block.sort(key=lambda u: (-u.count, u.key, u.arabic))
            members: list[tuple[_Unit, _Group]] = []
            for unit in block:
                home = next(
                    (
                        group
                        for member, group in members
                        if self._same_name(member, unit, len(skeleton), limit)
                    ),
                    None,
                )
                if home is None:
                    home = _Group()
                    groups.append(home)
                members.append((unit, home))
                home.variants.update(unit.variants)
        return groups

    @staticmethod
    def _same_name(root: _Unit, unit: _Unit, skeleton: int, limit: int) -> bool:
        """Close spellings of one name: not an English or nisba derivation of each other,
        and either only a final h, y/i or a doubled letter apart with two consonants or more
        (unless their sources show two names; 'Ala and Allaah are not one), or at most ``limit`` edits apart with the more frequent one's Arabic in
        the rarer one's sources. Two-consonant skeletons (Mary, 'Umar, Amr) need a
        single edit and an Arabic word of four letters or more."""
        if _derived(root.key, unit.key):
            return False
        if skeleton >= 2 and names.loose(root.key) == names.loose(unit.key):
            # Only a final h, y/i or a doubled letter apart: one name unless the sources
            # say otherwise (Hasan حسن and Hassan حسان).
            return not (root.arabic and unit.arabic and not unit.renders(root.arabic))
        if len(root.arabic) < MIN_ARABIC or not unit.renders(root.arabic):
            return False
        if skeleton < MIN_SKELETON:
            if len(root.arabic) < MIN_ARABIC + 1:
                return False
            limit = 1
        return Levenshtein.distance(root.key, unit.key, score_cutoff=limit) <= limit

    def _canonical_for(self, group: _Group) -> Canonical | None:
        for spelling in sorted(group.variants):
            entry = self._by_fold.get(names.fold(spelling))
            if entry is not None:
                return entry
        if self._by_arabic:
            arabic = arabic_key(group.arabic()) if group.arabic() else ""
            for spelling in sorted(group.variants):
                entry = self._by_arabic.get((names.latin_skeleton(spelling), arabic))
                if entry is not None:
                    return entry
        return None

    def _preferred(self, group: _Group) -> str:
        scheme = self.settings["scheme"]

        def rank(item: tuple[str, Variant]) -> tuple:
            spelling, variant = item
            first = variant.where[0] if variant.where else ()
            marks = sum(1 for c in spelling if c in names.MARKS)  # ties: the fuller spelling
            return (-_scheme_score(spelling, scheme), -variant.count, -marks, first, spelling)

        return min(group.variants.items(), key=rank)[0]

    def _group_findings(self, group: _Group) -> list[Finding]:
        canonical = self._canonical_for(group)
        if canonical is not None:
            preferred = names.spelling(canonical.spelling)
        elif len(group.variants) < 2:
            return []
        else:
            preferred = self._preferred(group)
        arabic = group.arabic()
        best = group.variants.get(preferred)
        if best is not None and best.where:
            shown = best.where[0][5]
        else:  # the agreed spelling, not used anywhere in the corpus
            shown = canonical.spelling if canonical is not None else preferred
        why = self._why(canonical)
        findings = []
        for spelling in sorted(group.variants):
            if spelling == preferred:
                continue
            variant = group.variants[spelling]
            for where in variant.where:
                count = f"'{shown}' ({best.count}x)" if best else f"'{shown}'"
                message = f"'{where[5]}' ({variant.count}x) vs {count}"
                if arabic:
                    message += f" for {arabic}"
                message += f": spell it '{shown}'{why}"
                if variant.count > len(variant.where):
                    message += f" (only its first {len(variant.where)} places are reported)"
                note = self._note(best, canonical, shown)
                findings.append(
                    self.finding(
                        message,
                        Location(*where[:5]),
                        [note] if note else [],
                        detail=f"{spelling}>{preferred}",
                    )
                )
        return findings

    def _why(self, canonical: Canonical | None) -> str:
        if canonical is not None:
            return ", the agreed spelling in the names file"
        scheme = self.settings["scheme"]
        if scheme != "majority":
            return f", the {SCHEME_NAMES[scheme]} spelling used in the corpus"
        return ", as elsewhere in the corpus"

    @staticmethod
    def _note(best: Variant | None, canonical: Canonical | None, shown: str) -> Related | None:
        if best is not None and best.where:
            first = best.where[0]
            return Related(Location(*first[:5]), f"'{shown}' is first used here")
        if canonical is not None:
            return Related(
                Location(canonical.path, canonical.line, 1),
                f"the agreed spelling '{canonical.spelling}'",
            )
        return None


def _analyse_arabic(word: str) -> tuple[str, str, str]:
    bare = arabic_bare(word)
    return bare, arabic_skeleton(bare), arabic_key(bare)


def _analyse_arabic_words(text: str) -> list[tuple[str, str, str]]:
    """Each Arabic word of ``text`` (without tashkeel), its skeleton and its key."""
    return [_analyse_arabic(word) for word in ARABIC_WORD.findall(text)]


def _marked(spelling: str) -> bool:
    return names.has_marks(spelling) or any(c in names.AYN_SIGNS for c in spelling)


# Endings that make another word of a name: English plurals and adjectives (Muslims,
# Syrian), the Arabic nisba adjective (Iraqi, Makki).
_DERIVED = ("s", "es", "n", "an", "ns", "i", "is", "y")


def _derived(a: str, b: str) -> bool:
    """One is the other with a derivational ending ('iraq', 'iraqi'; 'muslim', 'muslims')."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in _DERIVED
