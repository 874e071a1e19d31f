"""The `length-ratio` rule."""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import math
import re
import unicodedata
from collections.abc import Iterator
from itertools import compress

from lintr.align.length import fallback_model
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rules.base import Option, Rule

# The histogram of log length ratios: bins of this width (a 0.5% change in the ratio),
# clamped to [-CLAMP, CLAMP] (ratios beyond 1:148 all count in the outermost bin), per
# length band: half an octave of source characters (band 12 is 64-90 characters), up to
# band MAX_BAND (a million characters and more).
BIN_WIDTH = 0.005
CLAMP = 5.0
MAX_BAND = 40
# The smallest spread a corpus is credited with, in log units: a corpus whose lengths are
# almost exactly proportional would otherwise flag pairs a few percent off the norm.
MIN_SPREAD = 0.05
# MAD * 1.4826 estimates the standard deviation of a normal distribution.
MAD_TO_SIGMA = 1.4826
# Whitespace counted with str.count; the rare kinds are in _noncontent().
COMMON_SPACES = " \n\t\r"


@functools.cache
def _noncontent() -> re.Pattern[str]:
    """Characters that carry no length of their own, other than the common spaces
    (counted apart, faster): other whitespace, combining marks (tashkeel, niqqud, accents
    typed as combining characters), invisible format characters (direction marks) and
    tatweel. Built once from the Unicode database: ``re`` matches an explicit class several
    times faster than ``regex`` matches ``\\p{Mn}``. Built with C-level maps (``re``'s
    ``\\s`` is ``str.isspace``): a Python loop over the 65,536 characters cost about 50 ms
    of every start-up."""
    chars = "".join(map(chr, range(0x10000)))
    categories = map(_MARK_CATEGORIES.__contains__, map(unicodedata.category, chars))
    marks = compress(range(0x10000), categories)
    spaces = (m.start() for m in re.finditer(r"\s", chars))
    codes = sorted({*marks, *spaces, ord("\u0640")} - {ord(c) for c in COMMON_SPACES})
    ranges, start, last = [], codes[0], codes[0]
    for code in [*codes[1:], -1]:
        if code != last + 1:
            ranges.append(f"\\u{start:04x}-\\u{last:04x}")
            start = code
        last = code
    return re.compile("[" + "".join(ranges) + "]")


_MARK_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


def _length(text: str) -> int:
    """Characters that carry content: no whitespace, no marks."""
    spaces = text.count(" ") + text.count("\n") + text.count("\t") + text.count("\r")
    return len(text) - spaces - len(_noncontent().findall(text))


def _band(length: int) -> int:
    return min(int(2 * math.log2(length)), MAX_BAND)


def _band_length(band: int) -> float:
    """The typical source length of a band, in characters."""
    return 2 ** ((band + 0.5) / 2)


def _median_mad(bins: list[tuple[int, int]]) -> tuple[float, float]:
    """Median and median absolute deviation of a histogram, given as sorted (bin, count)
    items, with the values spread evenly inside each bin."""
    edges = [i * BIN_WIDTH for i, _ in bins]
    counts = [c for _, c in bins]
    before, total = [], 0
    for count in counts:
        before.append(total)
        total += count

    def cdf(x: float) -> float:
        k = bisect.bisect_right(edges, x) - 1
        if k < 0:
            return 0.0
        return before[k] + counts[k] * min((x - edges[k]) / BIN_WIDTH, 1.0)

    half = total / 2
    k = bisect.bisect_left([b + c for b, c in zip(before, counts, strict=True)], half)
    median = edges[k] + (half - before[k]) / counts[k] * BIN_WIDTH
    low, high = 0.0, 2 * CLAMP + BIN_WIDTH
    for _ in range(50):  # bisection: the smallest d with half of the values within median ± d
        mid = (low + high) / 2
        if cdf(median + mid) - cdf(median - mid) >= half:
            high = mid
        else:
            low = mid
    return median, high


def _weighted_median(items: list[tuple[float, int]]) -> float:
    items.sort()
    half, seen = sum(c for _, c in items) / 2, 0
    for value, count in items:
        seen += count
        if seen >= half:
            return value
    return 0.0


def _trimmed(side: PairSide, text: str) -> tuple:
    """The location of the side's text without the spaces around it, as a plain tuple."""
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if len(side.segments) == 1:
        seg = side.segments[0]
        if "\n" not in text:  # the common case, in one line
            return (seg.path, seg.line, seg.column + start, seg.line, seg.column + end)
        loc = seg.location(start, end)
    else:
        loc = side.location(start, end)
    return (loc.path, loc.line, loc.column, loc.end_line, loc.end_column)


def _ratio(value: float) -> str:
    """A length ratio for a message: 4.1, 1.35, 0.25, 12."""
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.2g}" if value < 1 else f"{value:.1f}" if value >= 2 else f"{value:.2f}"


def _keep(heap: list[tuple], item: tuple, limit: int) -> None:
    if len(heap) < limit:
        heapq.heappush(heap, item)
    elif item > heap[0]:
        heapq.heapreplace(heap, item)


def _absorb_heaps(mine: dict[int, list], theirs: dict[int, list], limit: int) -> None:
    for band, heap in theirs.items():
        kept = mine.get(band)
        if kept is None:
            mine[band] = heap
            continue
        if len(heap) > len(kept):
            kept, heap = heap, kept
            mine[band] = kept
        for item in heap:
            _keep(kept, item, limit)


class _Group:
    """The state of one language pair: a histogram, the pair count and outlier candidates.

    ``hist`` counts pairs by (length band, log-ratio bin). ``long`` and ``short`` map a
    length band to a min-heap of at most ``limit`` candidates: the pairs of that band with
    the largest (``long``) or smallest (``short``) log ratios seen. A candidate is a tuple
    ``(extremeness, path, line, column, source chars, target chars, digest, target
    location, source location)``, where extremeness is the log ratio in ``long`` and minus
    the log ratio in ``short``; ``heap[0]`` is the least extreme kept. Tuples of plain
    values: their order is total, so which candidates survive does not depend on the
    order of the merges.
    """

    __slots__ = ("count", "hist", "long", "names", "prior", "short")

    def __init__(self, prior: float, names: tuple[str, str]):
        self.prior = prior
        self.names = names
        self.count = 0
        self.hist: dict[tuple[int, int], int] = {}
        self.long: dict[int, list[tuple]] = {}
        self.short: dict[int, list[tuple]] = {}

    def absorb(self, other: _Group, limit: int) -> None:
        self.count += other.count
        if len(other.hist) > len(self.hist):
            self.hist, other.hist = other.hist, self.hist
        hist = self.hist
        for cell, count in other.hist.items():
            hist[cell] = hist.get(cell, 0) + count
        _absorb_heaps(self.long, other.long, limit)
        _absorb_heaps(self.short, other.short, limit)

    def norms(self, min_pairs: int) -> dict[int, tuple[float, float]]:
        """Median and spread (log units) of the log ratios, per length band.

        A band with at least ``min_pairs`` pairs has its own median and MAD. A thinner
        band takes the median of the whole group, and a spread from the Gale-Church model
        (variance inversely proportional to length) fitted on all pairs: the MAD of the
        deviations from their band's median, each scaled by the square root of its band's
        length.
        """
        by_band: dict[int, list[tuple[int, int]]] = {}
        overall: dict[int, int] = {}
        for (band, index), count in self.hist.items():
            by_band.setdefault(band, []).append((index, count))
            overall[index] = overall.get(index, 0) + count
        median, _ = _median_mad(sorted(overall.items()))
        own: dict[int, tuple[float, float]] = {}
        for band, bins in by_band.items():
            bins.sort()
            if sum(c for _, c in bins) >= min_pairs:
                own[band] = _median_mad(bins)
        scaled = [
            (
                abs((index + 0.5) * BIN_WIDTH - own.get(band, (median,))[0])
                * math.sqrt(_band_length(band)),
                count,
            )
            for band, bins in by_band.items()
            for index, count in bins
        ]
        unit = _weighted_median(scaled)  # the MAD of pairs one character long, by the model
        norms = {}
        for band in by_band:
            band_median, mad = own.get(band, (median, unit / math.sqrt(_band_length(band))))
            norms[band] = (band_median, max(MAD_TO_SIGMA * mad, MIN_SPREAD))
        return norms

    def beyond(self, band: int, low: float, high: float) -> tuple[int, int]:
        """Pairs of ``band`` certainly below ``low`` and certainly above ``high``."""
        under = over = 0
        for (cell_band, index), count in self.hist.items():
            if cell_band != band:
                continue
            if (index + 1) * BIN_WIDTH < low:
                under += count
            elif index * BIN_WIDTH > high:
                over += count
        return under, over


class LengthState:
    """The compact state of ``length-ratio``: one ``_Group`` per (source, target) language."""

    __slots__ = ("groups",)

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], _Group] = {}

    def pairs(self) -> int:
        return sum(g.count for g in self.groups.values())


class LengthRatio(Rule):
    """Target length far from the corpus norm for its source: added, repeated, truncated or
    missing text.

    What it finds:
        For each pair, lintr counts the characters of both sides without whitespace and without
        marks (tashkeel, tatweel, direction marks) and takes the log length ratio
        log((target + k) / (source + k)), where k is the ``smoothing`` (10 characters). Over the
        whole corpus it learns, per language pair, the median of these log ratios and a robust
        spread (1.4826 × the median absolute deviation, at least 0.05), and flags the pairs
        further than ``threshold`` spreads from the median. So the rule adapts to the corpus: a
        translation that is always 30% longer than its source is the norm, not a finding, and a
        corpus of tight sentence pairs has tighter limits than one of loosely translated
        paragraphs.

        The norm is learned per length band (half an octave of source characters): short pairs
        vary more than long ones (the ratio of two 40-character sentences is noisier than that
        of two 4,000-character paragraphs), so a short pair gets a wider limit and a long pair a
        narrower one. The band is chosen by the source, which sets the length to expect: a
        truncated target is judged against pairs with sources as long as its own. A band with
        fewer than ``min-pairs`` pairs takes the median of the whole corpus and a spread that
        shrinks with the square root of the source length (Gale and Church's model), fitted on
        all pairs.

        Where the corpus is too small to learn from (fewer than ``min-pairs`` pairs for a
        language pair, e.g. one article), the norm is the language pair's default instead:
        target.relative_length / source.relative_length of the language profiles (1.25 for
        Arabic -> English), with a spread of ``default-spread`` at every length.

        Reported at the target text, with a note at the source giving both lengths:

            target is 4.1x the source's length (corpus norm 1.35x ±0.09 at this length): added or repeated text?
            target is 0.31x the source's length (corpus norm 1.35x ±0.09 at this length): truncated or missing sentences?

        A finding is an ``info`` about the pair as a whole (``side`` is null in json): a
        length outlier is a hint to read both sides, and on loosely translated text (the
        chains of narrators of a hadith summarised by convention) most are defensible. Where
        ``missing-sentence`` or ``added-sentence`` reports a sentence of the same pair, that
        finding explains the length and carries it as a note (lintr.findings.subsume).

        Skipped: pairs with an empty side (``missing-sentence``, ``added-sentence`` and
        ``empty-translation`` report those) and short pairs, whose sides both have fewer than
        ``min-chars`` characters (titles, bylines: their ratios are noise).

        Memory: the rule keeps, per language pair, a histogram of the log ratios in bins of
        0.005 per length band (at most 41 × 2,001 cells whatever the corpus size, a few
        thousand in practice; the medians and spreads are computed from it, to well under a
        bin) and the outlier candidates: in each length band, the ``max-candidates`` pairs with
        the largest and the ``max-candidates`` with the smallest ratios, with their locations,
        lengths and a digest of their texts (for the fingerprint). Memory does not grow with the
        corpus, and merging partial states gives exactly the result of one sequential pass,
        however the corpus is split into batches.

        Limitation: only a kept candidate can be reported. Where more than ``max-candidates``
        pairs of one length band are beyond the limit on one side, the most extreme ones are
        reported, and an info finding says about how many more there are: raise
        ``max-candidates`` to see them all (that many outliers usually means a systematic
        problem, such as a misaligned file, rather than separate mistakes).

    Why it matters:
        Length is the one signal of text added or lost that needs no understanding of either
        language: a paragraph translated twice, a pasted note, a target cut short, or a file
        shifted by one line all change it, often where no other rule looks.

    Example (one pair, too few to learn from: the Arabic -> English default norm):
        source: قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا في جنيف بعد توقف دام أسبوعين.
        target: The spokesman said.
        → target:1:1: target is 0.26x the source's length (Arabic -> English default 1.25x ±0.28): truncated or missing sentences?

    Options:
        ``threshold`` (spreads from the norm; higher: fewer findings), ``min-chars`` and
        ``smoothing`` (short pairs), ``min-pairs`` and ``default-spread`` (small corpora),
        ``max-candidates`` (memory), as above.

    Fix:
        None: what was added or lost needs a person to read both sides.
    """

    id = "length-ratio"
    # A hint: on loosely translated text (hadith, whose chains of narrators are summarised by
    # convention) most outliers are defensible, few are defects (issue 15's measurement).
    severity = Severity.INFO
    scope = "corpus"
    # A finding is about its whole pair: a missing or added sentence reported in the pair
    # explains it (lintr.findings.subsume), and it becomes a note of that finding.
    covered = "pair"
    options = {
        "threshold": Option(
            float, 5.0, "how many robust spreads (1.4826 x MAD of log ratios) from the norm"
        ),
        "min-chars": Option(int, 20, "pairs whose sides are both shorter are ignored"),
        "min-pairs": Option(
            int, 50, "fewer pairs than this: the language pair's default norm is used"
        ),
        "default-spread": Option(
            float, 0.2, "the spread (log units) used with the default norm of small corpora"
        ),
        "smoothing": Option(float, 10.0, "characters added to both lengths before the ratio"),
        "max-candidates": Option(
            int, 200, "outlier candidates kept per length band and side, per language pair"
        ),
    }

    def configure(self) -> None:
        self._limit = max(1, self.settings["max-candidates"])
        self._min_chars = self.settings["min-chars"]
        self._k = max(0.0, self.settings["smoothing"])

    def collect(self, pair: Pair) -> LengthState:
        return self.collect_batch([pair])

    def collect_batch(self, pairs: list[Pair]) -> LengthState:
        """One state for the whole batch, each pair added to its language pair's group: the
        same as a state per pair merged (the counts add up, and the heaps keep the same
        most extreme candidates in any order), without a state and a merge per pair."""
        state = LengthState()
        for pair in pairs:
            self._add(state, pair)
        return state

    def _add(self, state: LengthState, pair: Pair) -> None:
        source, target = pair.source, pair.target
        if not (source and target):
            return
        src_text, tgt_text = source.text, target.text
        src_len, tgt_len = _length(src_text), _length(tgt_text)
        if not (src_len and tgt_len) or max(src_len, tgt_len) < self._min_chars:
            return
        sp, tp = source.profile, target.profile
        group = state.groups.get((sp.code, tp.code))
        if group is None:
            prior = math.log(fallback_model(sp, tp).ratio)
            group = state.groups[(sp.code, tp.code)] = _Group(prior, (sp.name, tp.name))
        x = math.log((tgt_len + self._k) / (src_len + self._k))
        band = _band(src_len)
        group.count += 1
        cell = (band, math.floor(min(max(x, -CLAMP), CLAMP) / BIN_WIDTH))
        group.hist[cell] = group.hist.get(cell, 0) + 1
        where = _trimmed(target, tgt_text)
        digest = hashlib.sha1(f"{src_text.strip()}\0{tgt_text.strip()}".encode()).hexdigest()
        rest = (*where[:3], src_len, tgt_len, digest[:16], where, _trimmed(source, src_text))
        _keep(group.long.setdefault(band, []), (x, *rest), self._limit)
        _keep(group.short.setdefault(band, []), (-x, *rest), self._limit)

    def merge(self, a: LengthState, b: LengthState) -> LengthState:
        """The union of two states. It reuses (and changes) one of them: after
        ``merge(a, b)`` only its result may be used."""
        if b.pairs() > a.pairs():
            a, b = b, a
        for key, theirs in b.groups.items():
            mine = a.groups.get(key)
            if mine is None:
                a.groups[key] = theirs
            else:
                mine.absorb(theirs, self._limit)
        return a

    def finalize(self, state: LengthState) -> Iterator[Finding]:
        findings: list[Finding] = []
        for key in sorted(state.groups):
            findings.extend(self._group_findings(state.groups[key]))
        findings.sort(key=Finding.sort_key)
        return iter(findings)

    def _group_findings(self, group: _Group) -> list[Finding]:
        threshold = self.settings["threshold"]
        if group.count >= self.settings["min-pairs"]:
            norms = group.norms(self.settings["min-pairs"])
            label = "corpus norm {} at this length"
        else:
            spread = self.settings["default-spread"]
            norms = {band: (group.prior, spread) for band, _ in group.hist}
            label = f"{group.names[0]} -> {group.names[1]} default {{}}"
        findings = []
        for word, heaps, hint in (
            ("longer", group.long, "added or repeated text?"),
            ("shorter", group.short, "truncated or missing sentences?"),
        ):
            unreported, least = 0, None
            for band in sorted(heaps):
                median, spread = norms[band]
                low, high = median - threshold * spread, median + threshold * spread
                # A candidate's extremeness is its log ratio in long, minus it in short.
                bound = high if heaps is group.long else -low
                flagged = sorted(c for c in heaps[band] if c[0] > bound)
                findings += [self._finding(c, median, spread, label, hint) for c in flagged]
                if flagged and len(heaps[band]) >= self._limit:  # some may have been dropped
                    under, over = group.beyond(band, low, high)
                    missing = (over if heaps is group.long else under) - len(flagged)
                    if missing > 0:
                        unreported += missing
                        least = flagged[0] if least is None else min(least, flagged[0])
            if least is not None:
                findings.append(self._unreported(least, unreported, word))
        return findings

    def _finding(
        self, candidate: tuple, median: float, spread: float, label: str, hint: str
    ) -> Finding:
        src_len, tgt_len, digest = candidate[4:7]
        typical = math.exp(median)
        norm = label.format(f"{_ratio(typical)}x ±{typical * (math.exp(spread) - 1):.2g}")
        message = f"target is {_ratio(tgt_len / src_len)}x the source's length ({norm}): {hint}"
        note = Related(
            Location(*candidate[8]),
            f"the source has {src_len} characters, the target {tgt_len} (without spaces and marks)",
        )
        return self.finding(message, Location(*candidate[7]), [note], detail=digest, side=None)

    def _unreported(self, last: tuple, missing: int, word: str) -> Finding:
        message = (
            f"about {missing} more pairs are {word} than the limit for their length but were "
            f"not kept (max-candidates is {self._limit} per length band); only the most "
            "extreme are reported"
        )
        return Finding(
            self.id, Severity.INFO, message, Location(*last[7]), detail=f"unreported-{word}"
        )
