"""The `inconsistent-transliteration` rule."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import accumulate, chain, compress
from operator import itemgetter

from lintr.analysis import names
from lintr.config.termfiles import Canonical, read_canonical
from lintr.corpus.spans import FirstPlaces, Spans
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rules.base import Option, Rule
from lintr.text import CACHE_LIMIT, CHUNK_LIMIT, by_chunk, mapped
from lintr_plugins.languages.arabic.names import arabic_key
from lintr_plugins.rules.transliteration.name_evidence import (
    analyse_arabic_words,
    name_info,
    quoted_spellings,
    render,
    unquoted,
)
from lintr_plugins.rules.transliteration.name_groups import (
    FORMULA_SHARE,
    LONE,
    LONE_RATIO,
    Group,
    dominant_in,
    file_list,
    group_names,
    group_paths,
    house_files,
    marked,
    odd_signs,
    sign_styles,
    typed_apart,
)
from lintr_plugins.rules.transliteration.name_state import NamesState, Variant, Where, merged

SCHEMES = ("majority", "din", "ala-lc", "ascii")
SCHEME_NAMES = {"din": "DIN 31635", "ala-lc": "ALA-LC", "ascii": "plain-ASCII"}
_DIN_ONLY = frozenset("ġğšṯḏḫžʿʾĠĞŠṮḎḪŽ")
_ALA_ONLY = frozenset("ʻʼ")
_SHARED = frozenset("āīūēōḥṣḍṭẓĀĪŪĒŌḤṢḌṬẒ")
_DIGRAPHS = ("sh", "kh", "gh", "th", "dh")


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


class InconsistentTransliteration(Rule):
    """One name transliterated in different ways across the corpus ('Maġāwir' in one place,
    'Maġāwīr' in another).

    What it finds:
        In Latin-script text lintr takes as names the capitalised words and the words carrying
        transliteration marks (ā ī ū ḥ ṣ ḍ ṭ ẓ ġ ğ š ṯ ḏ ʿ ʾ ‘ ’ '), without a hyphenated article
        (al-, el-, ad-, ash-...) or an English possessive. A capitalised word whose letters the
        corpus also writes in lower case is an ordinary word ('Said' beside 'said') unless it
        carries marks; words in capitals (NAT, DDoS) are acronyms, and words only ever written
        in lower case (a transliterated prayer: lā sharīka lahu) are no names. A leading
        apostrophe is an opening quote, not an ʿayn, where the Arabic the name renders has no
        ʿayn at its start and the text closes a quote ("He said: 'Jibril came to me.'").
        Spellings are one name when they are

        * identical after folding diacritics, ʿayn and hamza signs, hyphens and case
          (Maġāwīr / Maġāwir / Magawir), or
        * close (at most ``max-distance`` edits after folding) with the same consonant skeleton,
          and confirmed by the aligned source: both render the same Arabic word, compared
          without tashkeel, with alef and hamza forms, ta marbuta, the article and clitics
          folded (Hurairah / Huraira / Hurayrah for هريرة; Hasan / Husain stay apart, حسن is
          not حسين), or
        * a lone slip: a spelling used at most twice, one vowel or one doubling away from a
          spelling used four times as often, with no Arabic of its own ('Umer once among
          'Umar, 'Abdollah among 'Abdullah, where the Arabic is too short or two words).

        Where the Arabic is vocalised its vowels decide: a spelling renders an Arabic word only
        if their vowels agree (e for a fatha or a kasra, o for a damma or a fatha), so that
        ʿAmrah (عَمْرَة) and ʿUmrah (عُمْرَة), al-Qadar and al-Qadr, Hijr and Hujr, Ibrahim and
        Abraham stay apart, and a slip is only told to become a spelling of the same Arabic
        name (Musad, a slip for مُوسَى, is not told to become Masʿud).

        Case does not make another spelling, nor the apostrophe's typography (' ’ ‘), except
        for a lone sign: a name typed with another sign at most twice in a file that types it
        with one sign four times as often is reported there, where the other names of its
        own text type theirs otherwise ('Umar beside ‘Uthman) or the file has one style
        (9 in 10 of its signs at the start, or inside, of a name); a backtick (`Abdullah)
        always. A file that mixes apostrophes (two collections typed two ways) has no style
        to keep.

        How it reports (the ``collection`` is the input file: a corpus of two collections
        with two house styles is two files):

        * a lone odd spelling, used at most twice in a file where another spelling of the
          name is used more, is a ``warning`` at each of its places, naming the file's
          spelling;
        * any other spelling besides the majority's is a house-style difference (two
          collections, two translators): one ``info`` finding per name and spelling, at its
          first place, with its count, the first place of the majority spelling and a few of
          its other places as notes, and the files that use each where they are apart.

        Which spelling is right: the canonical-spellings file (``names-file``, the team's agreed
        spelling of each name) first; then the ``scheme`` (``din``: the most fully marked
        DIN 31635 spelling, ``ala-lc``: ALA-LC, ``ascii``: the plain-ASCII house style); then
        the majority (ties: the spelling with more marks, then the one used first). With a
        names file or a scheme the team has chosen: every occurrence of another spelling is
        a ``warning`` at its exact span, with a note at the first occurrence of the chosen one:

            'Maġāwir' (1x) vs 'Maġāwīr' (2x) for المغاوير: spell it 'Maġāwīr', the ...

        Memory: per distinct folded name, each spelling's count (in all and per file), the
        Arabic words it rendered and their vowels, and its first ``max-locations`` places; per
        distinct lower-case word, a count. It grows with the corpus's vocabulary, not with its
        length, and batches merged in any order give the same findings. A spelling used more
        than ``max-locations`` times is reported at its first ``max-locations`` places only.

    Why it matters:
        A reader, or a search, that meets one person under two spellings may take them for two
        people; house styles and name authorities ask for one spelling a name, and a corpus
        that mixes them teaches the mixture.

    Example (three pairs of one corpus):
        source: ... جيش المغاوير ... (in each pair)
        target: the Ğayš al-Maġāwīr (pairs 1 and 2), the Ğayš al-Maġāwir (pair 3)
        → target:3:60: 'Maġāwir' (1x) vs 'Maġāwīr' (2x) for المغاوير: spell it 'Maġāwīr' in the target, as elsewhere in the corpus

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
        a title, and a house style is the team's choice.
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
        self._arabic_chunks: dict[str, tuple[tuple[str, str, str, tuple, bool], ...]] = {}
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
            quoted = quoted_spellings(side.text, found, index)
            counts = Counter(unquoted(info) if info[4] in quoted else info for info in found)
            path = side.segments[0].path
            odd = odd_signs([info[4] for info in counts.elements()])
            need = False
            for info, n in counts.items():
                variant = state.names.setdefault(info[3], {}).get(info[4])
                if variant is None:
                    variant = state.names[info[3]][info[4]] = Variant()
                variant.count += n
                variant.paths[path] += n
                if info[7]:
                    variant.capital += n
                if info[4] in odd:
                    variant.odd[path] += n
                if len(info[5]) >= 2:
                    render(variant, info[6], index.get(info[5], ()), n)
                if info[3:5] not in full:
                    need = True
            if need:
                self._place(side, analysed, state, first, in_order, touched, quoted, role)

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
                found = name_info(*found)
            self._name[word] = found

    def _arabic_index(self, other: PairSide, found, state: NamesState) -> dict[str, list[tuple]]:
        """Skeleton -> the distinct Arabic words of the aligned source that have it, for the
        skeletons of ``found``: each word without tashkeel, its vowels (``arabic_vowels``)
        and whether it starts with an ʿayn; counts the source's words for the formula
        test."""
        if not (other and other.profile.script == "Arabic"):
            return {}
        analysed = set(by_chunk(analyse_arabic_words, other.chunks, self._arabic_chunks))
        state.arabic.update({word[2] for word in analysed})
        state.sources += 1
        wanted = {info[5] for info in found}
        index: dict[str, list[tuple]] = {}
        for bare, skeleton, _, vowels, ayn in sorted(analysed, key=repr):
            if skeleton in wanted:
                index.setdefault(skeleton, []).append((bare, vowels, ayn))
        return index

    def _place(self, side, analysed, state, first, in_order, touched, quoted, role) -> None:
        """Record the places of the side's names whose first places are not all seen.
        ``analysed``: the side's chunks' entries of ``_chunk_info``; ``quoted``: the
        spellings whose leading sign is an opening quote on this side."""
        spans, limit = Spans(side), self._limit
        for info, start, end in self._name_spans(side, analysed):
            if info[4] in quoted:
                info = unquoted(info)
            key = info[3:5]
            if key in first.full:
                continue
            variant = state.names[info[3]][info[4]]
            start, end = start + info[0], end - info[1]
            variant.where.append((*spans.place(start, end), info[2], role))
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
        families = self._families(state)
        spellings = {
            key: {spelling: merged(forms, self._limit) for spelling, forms in family.items()}
            for key, family in families.items()
        }
        common = FORMULA_SHARE * state.sources
        formulas = frozenset(w for w, n in state.arabic.items() if n > common)
        for group in group_names(spellings, formulas, self.settings["max-distance"]):
            findings.extend(self._group_findings(group))
        styles = sign_styles(families)
        for family in families.values():
            for forms in family.values():
                if len(forms) > 1 and any(v.capital for v in forms.values()):
                    findings.extend(self._sign_findings(forms, styles))
        findings.sort(key=Finding.sort_key)
        return iter(findings)

    def _families(self, state: NamesState) -> dict[str, dict[str, dict[str, Variant]]]:
        """Per folded name, its spellings (``names.spelling``: the apostrophe's typography
        aside), each with its forms as typed; without the unmarked spellings of ordinary
        words."""
        out: dict[str, dict[str, dict[str, Variant]]] = {}
        for key in sorted(state.names):
            lower = state.lower.get(key)
            for form in sorted(state.names[key]):
                if lower and not marked(form):
                    continue
                family = out.setdefault(key, {}).setdefault(names.spelling(form), {})
                family[form] = state.names[key][form]
        return out

    def _sign_findings(self, forms: dict[str, Variant], styles: Counter) -> list[Finding]:
        """A spelling typed with another ʿayn or apostrophe sign at most LONE times in a
        file that types it LONE_RATIO times as often with one sign: each of those places
        (a warning). Typographic house styles (a file of ’, another of ') are no finding,
        nor is another apostrophe in a file that mixes them (``typed_apart``), unless the
        other names of its own text type theirs otherwise (``odd_signs``)."""
        findings = []
        paths = {path for variant in forms.values() for path in variant.paths}
        scope = "this file" if len(paths) > 1 else "the corpus"
        for path in sorted(paths):
            dominant = min(forms, key=lambda f: (-forms[f].paths[path], f))
            best = forms[dominant]
            place = next((w for w in best.where if w[0] == path), None)
            if place is None:
                continue
            for form in sorted(forms):
                n = forms[form].paths[path]
                if form == dominant or not n or n > LONE or best.paths[path] < LONE_RATIO * n:
                    continue
                if not (forms[form].odd[path] or typed_apart(form, dominant, path, styles)):
                    continue
                for where in (w for w in forms[form].where if w[0] == path):
                    message = (
                        f"'{where[5]}' ({n}x) vs '{place[5]}' ({best.paths[path]}x): the same"
                        f" name with another ʿayn or apostrophe sign in the {where[6]}; type it"
                        f" '{place[5]}', as elsewhere in {scope}"
                    )
                    note = Related(Location(*place[:5]), f"'{place[5]}' is used here")
                    findings.append(
                        self.finding(
                            message, Location(*where[:5]), [note], detail=f"{form}>{dominant}"
                        )
                    )
        return findings

    def _canonical_for(self, group: Group) -> Canonical | None:
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

    def _preferred(self, group: Group) -> str:
        scheme = self.settings["scheme"]

        def rank(item: tuple[str, Variant]) -> tuple:
            spelling, variant = item
            first = variant.where[0] if variant.where else ()
            marks = sum(1 for c in spelling if c in names.MARKS)  # ties: the fuller spelling
            return (-_scheme_score(spelling, scheme), -variant.count, -marks, first, spelling)

        return min(group.variants.items(), key=rank)[0]

    def _group_findings(self, group: Group) -> list[Finding]:
        canonical = self._canonical_for(group)
        if canonical is None:
            if len(group.variants) < 2 or not any(v.capital for v in group.variants.values()):
                return []  # one spelling; or lower-case words only (a transliterated prayer)
            if self.settings["scheme"] == "majority":
                return self._style_findings(group)
        return self._every_place(group, canonical)

    def _style_findings(self, group: Group) -> list[Finding]:
        """Without an agreed spelling: a spelling used at most LONE times in a file where
        another is used more is reported at each of its places there (a warning); any
        other use of a spelling besides the majority's is a house style
        (two collections, two translators), reported once, at its first place (info)."""
        preferred = self._preferred(group)
        findings = []
        for spelling in sorted(group.variants):
            if spelling == preferred:
                continue
            variant = group.variants[spelling]
            lone: dict[str, str] = {}
            for path, n in sorted(variant.paths.items()):
                dominant = dominant_in(group, path, preferred)
                if dominant != spelling and n <= LONE:
                    lone[path] = dominant
            for where in variant.where:  # a misspelling: each place (at most LONE a file)
                if where[0] in lone:
                    findings.append(self._lone_finding(group, spelling, where, lone[where[0]]))
            rest = [where for where in variant.where if where[0] not in lone]
            if rest:
                findings.append(self._style_finding(group, spelling, preferred, rest))
        return findings

    def _lone_finding(self, group: Group, spelling: str, where: Where, dominant: str) -> Finding:
        path = where[0]
        variant, best = group.variants[spelling], group.variants[dominant]
        place = next((w for w in best.where if w[0] == path), best.where[0] if best.where else None)
        shown = place[5] if place else dominant
        arabic = group.arabic()
        message = f"'{where[5]}' ({variant.paths[path]}x) vs '{shown}' ({best.paths[path]}x)"
        if arabic:
            message += f" for {arabic}"
        scope = "this file" if len(group_paths(group)) > 1 else "the corpus"
        message += f": spell it '{shown}' in the {where[6]}, as elsewhere in {scope}"
        related = [Related(Location(*place[:5]), f"'{shown}' is used here")] if place else []
        return self.finding(message, Location(*where[:5]), related, detail=f"{spelling}>{dominant}")

    def _style_finding(
        self, group: Group, spelling: str, preferred: str, places: list[Where]
    ) -> Finding:
        variant, best = group.variants[spelling], group.variants[preferred]
        where = places[0]
        shown = best.where[0][5] if best.where else preferred
        arabic = group.arabic()
        message = f"'{where[5]}' ({variant.count}x) vs '{shown}' ({best.count}x)"
        if arabic:
            message += f" for {arabic}"
        message += f": two spellings of one name in the {where[6]}"
        mine, theirs = house_files(group, spelling), house_files(group, preferred)
        if mine and theirs:
            message += f" ('{where[5]}' in {file_list(mine)}, '{shown}' in {file_list(theirs)})"
        message += (
            f"; a house-style difference? Check which one to use ('{shown}' is the more"
            f" frequent); reported once, at the first of its {variant.count} places"
        )
        related = []
        if best.where:
            related.append(Related(Location(*best.where[0][:5]), f"'{shown}' is first used here"))
        related += [Related(Location(*w[:5]), f"'{w[5]}' also here") for w in places[1:4]]
        finding = self.finding(
            message, Location(*where[:5]), related, detail=f"{spelling}>{preferred}"
        )
        return replace(finding, severity=Severity.INFO)

    def _every_place(self, group: Group, canonical: Canonical | None) -> list[Finding]:
        """With an agreed spelling (the names file, a scheme): every place of another."""
        if canonical is not None:
            preferred = names.spelling(canonical.spelling)
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
