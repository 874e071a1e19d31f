"""The `inconsistent-translation` rule."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from lintr.corpus.occurrences import Table, Use, Where
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rules.base import Option, Rule

PREVIEW = 60


class MemoryState:
    """Every source text (a 64-bit digest of its folded words) with its translation, and
    (with same-target) every target with its source: the size of a translation memory."""

    __slots__ = ("by_source", "by_target")

    def __init__(self) -> None:
        self.by_source = Table()
        self.by_target = Table()


def _folded(side: PairSide) -> tuple[str, int]:
    keys = side.folded_tokens(side.profile.normalize)
    return " ".join(keys), len(keys)


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _where(side: PairSide) -> Where:
    text = side.text
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    loc = side.location(start, end)
    return (loc.path, loc.line, loc.column, loc.end_line, loc.end_column)


def _preview(side: PairSide) -> str:
    """The side's text with its spaces squeezed, cut to PREVIEW characters. The words of a
    prefix of the text squeezed are a prefix of the whole squeezed: where that is already
    longer than PREVIEW, the rest of the text (up to 1,500 characters) need not be split."""
    head = " ".join(side.text[: 4 * PREVIEW].split())
    if len(head) > PREVIEW:
        return head[: PREVIEW - 1] + "…"
    text = " ".join(side.text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


class InconsistentTranslation(Rule):
    """The same source translated differently in different places, or the same translation
    given to different sources (translation-memory consistency).

    What it finds:
        Segments are compared by their words, folded (case; Arabic tashkeel, tatweel, alef and
        hamza forms), so punctuation and spacing do not make a difference. Where one source
        has several translations, the most frequent is taken as the memory's (ties: the first
        used), and every place of another translation is reported at its target, with notes at
        the first place of each other translation:

            this source is translated differently elsewhere: 'The Syrian Army advanced.' (3x); here 'Syrian troops advanced.' (1x)

        Segments with fewer than ``min-words`` words on the side compared (titles, bylines,
        one-word answers) are skipped: they legitimately take different translations in
        different contexts.

        Memory: flat in the number of pairs. Each pair adds two 8-byte digests, the place of
        its target and a 60-character preview of it (about 60 bytes of records plus the
        preview; twice that with ``same-target``); past 65,536 pairs they go to temporary files,
        in runs sorted by digest, read back one range of digests at a time at the end
        (``lintr/occurrences.py``): a few MB in memory for any corpus, the rest on disk. Batches merged
        in any order give the same findings.

    Why it matters:
        In a translation memory or a corpus, one source with two translations usually means
        one of them is wrong or outdated, and a model trained on both learns both.

    Example (three pairs of one corpus):
        source: أعلن الجيش السوري السيطرة على المدينة. (three times, once with tashkeel)
        target: The Syrian Army announced control of the city. (twice), then The Syrian army said it controls the town.
        → target:3:1: this source is translated differently elsewhere: 'The Syrian Army announced control of the city.' (2x); here 'The Syrian army said it controls the town.' (1x)

    Options:
        ``same-target = true`` also reports, where one translation has several sources, every
        place of the less frequent sources, at its source. It is off by default: on the hadith
        corpus all 169 such findings were formulaic English ("This hadith has been narrated
        through another chain of transmitters") given on purpose to different Arabic chains,
        while all 5 findings of one source translated two ways were real. ``min-words`` as
        above; ``max-locations``: places kept per translation.

    Fix:
        None: which translation the memory should keep is for a person to decide.
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
            src, src_words = _folded(source)
            tgt, tgt_words = _folded(target)
            src_key, tgt_key = _digest(src), _digest(tgt)
            if src_words >= minimum and tgt_words:
                state.by_source.add(src_key, tgt_key, _where(target), _preview(target))
            if tgt_words >= minimum and src_words and same_target:
                state.by_target.add(tgt_key, src_key, _where(source), _preview(source))
        return state

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
