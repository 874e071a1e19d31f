"""The corpus-scope rule of translation memories: one source, one translation."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterator

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rule import Option, Rule
from lintr.text import mapped

# Where a text occurs: path, line, column, end line, end column.
Where = tuple[str, int, int, int, int]
PREVIEW = 60


class Use:
    """One (text, counterpart) combination: how often, where (first places), a preview of
    the counterpart."""

    __slots__ = ("count", "preview", "where")

    def __init__(self, preview: str) -> None:
        self.count = 0
        self.preview = preview
        self.where: list[Where] = []


class MemoryState:
    """Per source text (a 64-bit digest of its folded words), its translations; per target
    text, its sources. One entry per distinct segment: the size of a translation memory."""

    __slots__ = ("by_source", "by_target")

    def __init__(self) -> None:
        self.by_source: dict[int, dict[int, Use]] = {}
        self.by_target: dict[int, dict[int, Use]] = {}


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

    Memory: per distinct source and per distinct target, 8-byte digests, counts, the first
    ``max-locations`` places of each combination and a 60-character preview. Unlike the
    names rules this grows with the number of distinct segments (it is a translation
    memory), about 0.5 KB per distinct pair. Batches merged in any order give the same
    findings.
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
                self._add(state.by_source, src_key, tgt_key, target)
            if tgt_words >= minimum and src_words and same_target:
                self._add(state.by_target, tgt_key, src_key, source)
        return state

    def _folded(self, side: PairSide) -> tuple[str, int]:
        return _folded(side, self._folds.setdefault(side.profile.code, {}))

    def _add(self, table: dict[int, dict[int, Use]], key: int, other: int, side: PairSide):
        uses = table.setdefault(key, {})
        use = uses.get(other)
        if use is None:
            use = uses[other] = Use(_preview(side))
            use.count, use.where = 1, [_where(side)]
            return
        use.count += 1
        where = _where(side)
        if len(use.where) < self._limit or where < use.where[-1]:
            bisect.insort(use.where, where)  # the first places in file order
            del use.where[self._limit :]

    def merge(self, a: MemoryState, b: MemoryState) -> MemoryState:
        """The union of two states; reuses (and changes) ``a``."""
        for mine, theirs in ((a.by_source, b.by_source), (a.by_target, b.by_target)):
            for key, uses in theirs.items():
                kept = mine.get(key)
                if kept is None:
                    mine[key] = uses
                    continue
                for other, use in uses.items():
                    old = kept.get(other)
                    if old is None:
                        kept[other] = use
                    else:
                        old.count += use.count
                        old.where = sorted(old.where + use.where)[: self._limit]
        return a

    def finalize(self, state: MemoryState) -> Iterator[Finding]:
        findings: list[Finding] = []
        for table, what in ((state.by_source, "source"), (state.by_target, "target")):
            for key in sorted(table):
                uses = table[key]
                if len(uses) > 1:
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
