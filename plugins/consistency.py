"""The corpus-scope rule of translation memories: one source, one translation."""

from __future__ import annotations

import hashlib
import os
import tempfile
from array import array
from collections.abc import Iterator

import numpy as np

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rule import Option, Rule
from lintr.text import mapped

# Where a text occurs: path, line, column, end line, end column.
Where = tuple[str, int, int, int, int]
PREVIEW = 60
# Bytes of previews a memory keeps in memory before it moves them to a temporary file: they
# are read back only for the few texts found with two counterparts.
PREVIEW_SPILL = 1 << 22


class Use:
    """One (text, counterpart) combination: how often, where (first places), a preview of
    the counterpart."""

    __slots__ = ("count", "preview", "where")

    def __init__(self, preview: str) -> None:
        self.count = 0
        self.preview = preview
        self.where: list[Where] = []


class Table:
    """Every occurrence of one direction of the memory, in merge order, in flat arrays: the
    digest of the text, the digest of its counterpart, the counterpart's place and a
    preview of it. About 40 bytes an occurrence in memory, the previews in a temporary
    file once they pass PREVIEW_SPILL bytes (dictionaries of objects took 680); the
    occurrences are grouped only at the end."""

    __slots__ = (
        "_file",
        "_flushed",
        "keys",
        "others",
        "path_index",
        "paths",
        "places",
        "preview_ends",
        "previews",
    )

    def __init__(self) -> None:
        self.keys = array("Q")
        self.others = array("Q")
        self.paths: list[str] = []
        self.path_index: dict[str, int] = {}
        # Five per occurrence: path (index in ``paths``), line, column, end line, end column.
        self.places = array("I")
        # The previews, UTF-8, one after the other: the first ``_flushed`` bytes in a
        # temporary file (once there are PREVIEW_SPILL of them), the rest here.
        self.previews = bytearray()
        self.preview_ends = array("Q")
        self._file = None
        self._flushed = 0

    def __getstate__(self) -> dict:
        """Pickled with every preview in memory (a temporary file does not travel)."""
        state = {name: getattr(self, name) for name in self.__slots__}
        state.update(previews=self._all_previews(), _file=None, _flushed=0)
        return state

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: int, other: int, where: Where, preview: str) -> None:
        self.keys.append(key)
        self.others.append(other)
        self.places.extend((self._path(where[0]), *where[1:]))
        self.previews += preview.encode("utf-8")
        self.preview_ends.append(self._flushed + len(self.previews))
        if len(self.previews) >= PREVIEW_SPILL:
            self._spill()

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="lintr-memory-")
        self._file.seek(0, os.SEEK_END)
        self._file.write(self.previews)
        self._flushed += len(self.previews)
        self.previews = bytearray()

    def _bytes(self, start: int, end: int) -> bytes:
        """Bytes ``start:end`` of all the previews, from the file or from memory."""
        out = b""
        if start < self._flushed:
            self._file.seek(start)  # _spill seeks back to the end before it writes
            out = self._file.read(min(end, self._flushed) - start)
        if end > self._flushed:
            out += bytes(self.previews[max(start - self._flushed, 0) : end - self._flushed])
        return out

    def _all_previews(self) -> bytes:
        return self._bytes(0, self._flushed + len(self.previews))

    def absorb(self, other: Table) -> None:
        """Append ``other``'s occurrences after this table's."""
        self.keys.extend(other.keys)
        self.others.extend(other.others)
        remap = [self._path(path) for path in other.paths]
        places = other.places
        if remap != list(range(len(remap))):
            places = array("I", places)
            for i in range(0, len(places), 5):
                places[i] = remap[places[i]]
        self.places.extend(places)
        shift = self._flushed + len(self.previews)
        self.previews += other._all_previews()
        self.preview_ends.extend(end + shift for end in other.preview_ends)
        if len(self.previews) >= PREVIEW_SPILL:
            self._spill()

    def _path(self, path: str) -> int:
        index = self.path_index.get(path)
        if index is None:
            index = self.path_index[path] = len(self.paths)
            self.paths.append(path)
        return index

    def where(self, i: int) -> Where:
        path, *rest = self.places[5 * i : 5 * i + 5]
        return (self.paths[path], *rest)

    def preview(self, i: int) -> str:
        start = self.preview_ends[i - 1] if i else 0
        return self._bytes(start, self.preview_ends[i]).decode("utf-8")

    def conflicts(self, limit: int) -> Iterator[tuple[int, dict[int, Use]]]:
        """Each key found with two counterparts or more, in key order, with its uses: the
        count, the first ``limit`` places in file order and the preview of the first
        occurrence in merge order of each counterpart."""
        if len(self) < 2:
            return
        keys = np.frombuffer(self.keys, dtype=np.uint64)
        others = np.frombuffer(self.others, dtype=np.uint64)
        order = np.lexsort((others, keys))  # stable: merge order inside each combination
        k, o = keys[order], others[order]
        new_key = np.r_[True, k[1:] != k[:-1]]
        new_use = new_key | np.r_[True, o[1:] != o[:-1]]
        uses_per_key = np.add.reduceat(new_use.astype(np.int64), np.flatnonzero(new_key))
        for start in np.flatnonzero(new_key)[uses_per_key > 1]:
            key = int(k[start])
            stop = start + 1
            while stop < len(k) and k[stop] == key:
                stop += 1
            uses: dict[int, Use] = {}
            for i in order[start:stop].tolist():
                other = int(others[i])
                use = uses.get(other)
                if use is None:
                    use = uses[other] = Use(self.preview(i))
                use.count += 1
                use.where.append(self.where(i))
            for use in uses.values():
                use.where = sorted(use.where)[:limit]
            yield key, uses


class MemoryState:
    """Every source text (a 64-bit digest of its folded words) with its translation, and
    (with same-target) every target with its source: the size of a translation memory."""

    __slots__ = ("by_source", "by_target")

    def __init__(self) -> None:
        self.by_source = Table()
        self.by_target = Table()


def _folded(side: PairSide, cache: dict[str, str]) -> tuple[str, int]:
    keys = mapped(side.profile.normalize, side.tokens, cache)
    return " ".join(keys), len(keys)


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _where(side: PairSide) -> Where:
    text = side.text
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    loc = side.location(start, end)
    return (loc.path, loc.line, loc.column, loc.end_line, loc.end_column)


def _preview(side: PairSide) -> str:
    text = " ".join(side.text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


class InconsistentTranslation(Rule):
    """The same source translated differently in different places, or the same translation
    given to different sources (translation-memory consistency).

    Segments are compared by their words, folded (case; Arabic tashkeel, tatweel, alef and
    hamza forms), so punctuation and spacing do not make a difference. Where one source
    has several translations, the most frequent is taken as the memory's (ties: the first
    used), and every place of another translation is reported at its target, with notes at
    the first place of each other translation:

        this source is translated differently elsewhere: 'The Syrian Army advanced.' (3x); here 'Syrian troops advanced.' (1x)

    With ``same-target = true``, where one translation has several sources, every place of
    the less frequent sources is reported at its source the same way. It is off by default:
    on the hadith corpus all 169 such findings were formulaic English ("This hadith has been
    narrated through another chain of transmitters") given on purpose to different Arabic
    chains, while all 5 findings of one source translated two ways were real. Segments with fewer than ``min-words`` words on
    the side compared (titles, bylines, one-word answers) are skipped: they legitimately
    take different translations in different contexts.

    Memory: per pair, two 8-byte digests and the place of the target in flat arrays (about
    40 bytes; twice that with ``same-target``), and a 60-character preview of the target,
    moved to a temporary file past 4 MB. Unlike the names rules this grows with the number
    of pairs (it is a translation memory): about 40 MB for 1,000,000 pairs. Batches merged
    in any order give the same findings.
    """

    id = "inconsistent-translation"
    severity = Severity.WARNING
    scope = "corpus"
    options = {
        "min-words": Option(int, 3, "shorter segments are not compared"),
        "max-locations": Option(int, 20, "places kept per translation"),
        "same-target": Option(bool, False, "also report one translation for several sources"),
    }

    def configure(self) -> None:
        self._limit = max(1, self.settings["max-locations"])
        self._folds: dict[str, dict[str, str]] = {}  # per language: word -> folded (cache)

    def collect(self, pair: Pair) -> MemoryState:
        return self.collect_batch([pair])

    def collect_batch(self, pairs: list[Pair]) -> MemoryState:
        """One state for the whole batch: the same as a state per pair merged in order."""
        state = MemoryState()
        minimum = self.settings["min-words"]
        same_target = self.settings["same-target"]
        for pair in pairs:
            source, target = pair.source, pair.target
            if not (source and target):
                continue
            src, src_words = self._folded(source)
            tgt, tgt_words = self._folded(target)
            src_key, tgt_key = _digest(src), _digest(tgt)
            if src_words >= minimum and tgt_words:
                state.by_source.add(src_key, tgt_key, _where(target), _preview(target))
            if tgt_words >= minimum and src_words and same_target:
                state.by_target.add(tgt_key, src_key, _where(source), _preview(source))
        return state

    def _folded(self, side: PairSide) -> tuple[str, int]:
        return _folded(side, self._folds.setdefault(side.profile.code, {}))

    def merge(self, a: MemoryState, b: MemoryState) -> MemoryState:
        """The union of two states; reuses (and changes) ``a``."""
        a.by_source.absorb(b.by_source)
        a.by_target.absorb(b.by_target)
        return a

    def finalize(self, state: MemoryState) -> Iterator[Finding]:
        findings: list[Finding] = []
        for table, what in ((state.by_source, "source"), (state.by_target, "target")):
            for _, uses in table.conflicts(self._limit):
                findings.extend(self._findings(uses, what))
        findings.sort(key=Finding.sort_key)
        return iter(findings)

    def _findings(self, uses: dict[int, Use], what: str) -> list[Finding]:
        ranked = sorted(uses.items(), key=lambda kv: (-kv[1].count, kv[1].where[0], kv[0]))
        (best_key, best), rest = ranked[0], ranked[1:]
        if what == "source":
            head = "this source is translated differently elsewhere"
        else:
            head = "this translation is also given to a different source"
        out = []
        for other_key, use in rest:
            notes = [
                Related(Location(*u.where[0]), f"'{u.preview}' ({u.count}x) is used here")
                for k, u in ranked[:4]
                if k != other_key
            ]
            message = (
                f"{head}: '{best.preview}' ({best.count}x); here '{use.preview}' ({use.count}x)"
            )
            for where in use.where:
                out.append(
                    self.finding(
                        message,
                        Location(*where),
                        notes,
                        detail=f"{what}:{best_key:x}:{other_key:x}",
                    )
                )
        return out


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [InconsistentTranslation]
