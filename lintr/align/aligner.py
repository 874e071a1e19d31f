"""Alignment: which units of a source and a target render each other. One algorithm at two
levels: paragraphs or lines between two files, and sentences inside a pair.

Dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2. A bead's cost is its prior
plus, where both sides have text, the Gale-Church length cost (with the length ratio and
its variance learned from the document or corpus at hand, not fixed) minus a reward for
the anchors both sides share (numbers, names, URLs, questions: see lintr.align.anchors). Unlike
Gale-Church, a unit left unpaired pays its prior only, not a cost growing with its length:
a long dropped paragraph is exactly what a linter must be able to find. The search runs in a band around the
diagonal, widened until the best path stays inside it: time and memory are linear in the
number of units for a fixed band.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain

from lintr.align import lexicon
from lintr.align.anchors import anchors, short_names
from lintr.analysis.numbers import scanner_for
from lintr.languages.dictionaries import Dictionary
from lintr.languages.profile import LanguageProfile
from lintr.model import Document, Location, Pair, PairSide, Segment

# Bead shapes (source units, target units).
BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


def _costs(priors: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    return {bead: -math.log(p) for bead, p in priors.items()}


# Sentences: Gale & Church's (1993) priors, measured on sentence-aligned parliament texts.
SENTENCE = _costs(
    {
        (1, 1): 0.89,
        (1, 0): 0.0099 / 2,
        (0, 1): 0.0099 / 2,
        (2, 1): 0.089 / 2,
        (1, 2): 0.089 / 2,
        (2, 2): 0.011,
    }
)
# Paragraphs and lines: translators keep paragraphs; merging two is rarer than a sentence
# merge, and rarer than a paragraph lost or added (captions, notes).
PARAGRAPH = _costs(
    {(1, 1): 0.97, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.004, (1, 2): 0.004, (2, 2): 0.002}
)
ANCHOR_REWARD = 2.0  # per anchor shared by the two sides of a bead
# The most a bead earns for its lexicon words (all matching): on hadith text, 25 took
# recall of a deleted hadith from 0.68 to 0.85 (10 and 15: 0.82, 0.85; 40: no better).
SIM_REWARD = 25.0
_SIMILAR = "^~"  # lexicon words and names: compared as a share once there is a lexicon
# Per number on one side of a paired bead and not the other: numbers survive translation,
# so a pairing that loses one is suspect (a unit left unpaired keeps its numbers free).
NUMBER_MISMATCH = 1.5
DEFAULT_VARIANCE = 6.8  # Gale & Church's per-character variance, before a document teaches its own
MIN_BAND = 8
# The length cost stops growing here: real translations have heavy-tailed length ratios
# (a hadith's Arabic chain of narrators against a one-line English summary), and a pair
# that is merely odd in length should not push the path off its anchors. Measured on
# hadith text: capping at 4 cut false alarms from 35 to 6-9 per 1,000 pairs.
LENGTH_CAP = 4.0
MIN_LEARN = 8  # corresponding units needed to learn a length model
SAMPLE = 20000  # pairs of a line-aligned corpus learned from


@dataclass(frozen=True, slots=True)
class Unit:
    """What the aligner sees of a segment or a sentence."""

    length: int
    anchors: frozenset[str]


@dataclass(frozen=True)
class LengthModel:
    """Target characters per source character, and the variance per character."""

    ratio: float = 1.0
    variance: float = DEFAULT_VARIANCE
    cap: float = LENGTH_CAP
    # Word translations the document or corpus taught (lintr.align.lexicon), for sentence
    # alignment inside its pairs; None where there was too little to learn from.
    lexicon: lexicon.Lexicon | None = field(default=None, compare=False, repr=False)

    def cost(self, source_len: float, target_len: float) -> float:
        """-log P(lengths | translation), Gale-Church style."""
        scaled = target_len / self.ratio
        mean = max((source_len + scaled) / 2, 1.0)
        z = abs(scaled - source_len) / math.sqrt(2 * mean * self.variance)
        t = 1 / (1 + _P * z)
        tail = z * z - math.log(t * (_A1 + t * (_A2 + t * (_A3 + t * (_A4 + t * _A5)))))
        return min(self.cap, tail)

    def costs_pairs(self, source_lens, target_lens):
        """``cost`` for numpy arrays of source and target lengths."""
        import numpy as np

        scaled = target_lens / self.ratio
        mean = np.maximum((source_lens + scaled) / 2, 1.0)
        z = np.abs(scaled - source_lens) / np.sqrt(2 * mean * self.variance)
        t = 1 / (1 + _P * z)
        tail = z * z - np.log(t * (_A1 + t * (_A2 + t * (_A3 + t * (_A4 + t * _A5)))))
        return np.minimum(self.cap, tail)


# -log erfc(z) = z² - log(poly(t)): Abramowitz & Stegun 7.1.26, stable for any z >= 0 and
# the same in plain Python and numpy, so both searches price beads alike.
_P, _A1, _A2, _A3, _A4, _A5 = (
    0.3275911,
    0.254829592,
    -0.284496736,
    1.421413741,
    -1.453152027,
    1.061405429,
)


def fallback_model(src: LanguageProfile, tgt: LanguageProfile) -> LengthModel:
    """The length model to use before, or instead of, one learned from the text: the ratio
    the language profiles give (target.relative_length / source.relative_length)."""
    return LengthModel(tgt.relative_length / src.relative_length)


def learn(pairs: Sequence[tuple[int, int]], fallback: LengthModel) -> LengthModel:
    """A length model from (source length, target length) of units known to correspond: the
    median ratio and a robust (median absolute deviation) variance. Too little data: fallback."""
    usable = [(s, t) for s, t in pairs if s >= 5 and t >= 5]
    if len(usable) < MIN_LEARN:
        return fallback
    ratio = sorted(t / s for s, t in usable)[len(usable) // 2]
    squares = sorted((t / ratio - s) ** 2 / max((s + t / ratio) / 2, 1.0) for s, t in usable)
    # The median of a chi-square(1) variable is 0.455 times its variance.
    variance = max(squares[len(squares) // 2] / 0.455, 1.0)
    return LengthModel(ratio, variance)


def length(text: str) -> int:
    """Characters that carry content (spaces do not)."""
    return len(text) - text.count(" ")


def units(texts: Sequence[str], profile: LanguageProfile) -> list[Unit]:
    return [Unit(length(t), anchors(t, profile)) for t in texts]


Bead = tuple[range, range]


def align(
    src: Sequence[Unit],
    tgt: Sequence[Unit],
    model: LengthModel,
    priors=SENTENCE,
    near: list[Bead] | None = None,
) -> list[Bead]:
    """The cheapest sequence of beads covering both sides, in order. ``priors``: the bead
    costs of the level, SENTENCE or PARAGRAPH.

    The search runs in a band around the diagonal; where the best path touches the band's
    edge, the band is laid again around that path, wider, and the search repeated. ``near``:
    the path of an earlier pass over the same units, to lay the first band around."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(range(i, i + 1), range(0)) for i in range(n)] + [
            (range(0), range(j, j + 1)) for j in range(m)
        ]
    src, tgt = _distinctive(src, tgt)
    weights = anchor_weights(src, tgt)
    band = max(MIN_BAND, 2 * math.ceil(max(n / m, m / n)) + 2)
    if near is None:
        lows, highs = _diagonal_band(n, m, band)
    else:  # a second pass strays little from the first: no widening from the diagonal again
        lows, highs = _path_band(near, n, m, band)
    search = _search_vectorised if n * (2 * band + 1) > VECTORISE_CELLS else _search
    for _ in range(MAX_WIDENINGS):
        beads = search(src, tgt, model, lows, highs, priors, weights)
        touched = _touches(beads, lows, highs, m)
        if not touched:
            break
        band = band * 3 // 2
        lows, highs = _path_band(beads, n, m, band)
    return beads


def _distinctive(src: Sequence[Unit], tgt: Sequence[Unit]) -> tuple[list[Unit], list[Unit]]:
    """In a long document, the units with only their distinctive anchors: one found in a
    twentieth of all units ("Syrian" in a news feed) costs time and tells little. (Short
    documents keep them all: there, even a frequent anchor helps.)"""
    if len(src) + len(tgt) < LONG_DOCUMENT:
        return list(src), list(tgt)
    limit = (len(src) + len(tgt)) // 20
    df: dict[str, int] = {}
    for u in (*src, *tgt):
        for a in u.anchors:
            df[a] = df.get(a, 0) + 1
    common = {a for a, count in df.items() if count > limit}

    def keep(units: Sequence[Unit]) -> list[Unit]:
        return [Unit(u.length, u.anchors - common) if u.anchors & common else u for u in units]

    return keep(src), keep(tgt)


LONG_DOCUMENT = 2000  # units on both sides
VECTORISE_CELLS = 20000  # below this, plain Python beats numpy's per-call overhead
MAX_WIDENINGS = 6


def _diagonal_band(n: int, m: int, band: int) -> tuple[list[int], list[int]]:
    centers = [round(i * m / n) for i in range(n + 1)]
    return ([max(0, c - band) for c in centers], [min(m, c + band) for c in centers])


def _path_band(beads: list[Bead], n: int, m: int, band: int) -> tuple[list[int], list[int]]:
    """A band of half-width ``band`` around a path: rows cover every cell the path visits."""
    low, high = [m] * (n + 1), [0] * (n + 1)
    for rs, rt in beads:
        for i in range(rs.start, rs.stop + 1):  # every row the bead crosses
            low[i], high[i] = min(low[i], rt.start), max(high[i], rt.stop)
    return ([max(0, lo - band) for lo in low], [min(m, hi + band) for hi in high])


def _touches(beads: list[Bead], lows: list[int], highs: list[int], m: int) -> bool:
    for rs, rt in beads:
        i, j = rs.stop, rt.stop
        if (j == lows[i] and j > 0) or (j == highs[i] and j < m):
            return True
    return False


def _prefix(values: Sequence[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _trace(back, lows: list[int], n: int, m: int) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = BEADS[back[i][j - lows[i]]]
        beads.append((range(i - di, i), range(j - dj, j)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _search(src, tgt, model: LengthModel, lows, highs, priors, weights=None) -> list[Bead]:
    """The dynamic programme, cell by cell: for the small problems inside a pair.

    Each cell takes the cheapest bead ending there, the first in BEADS order on a tie. The
    unpaired beads are priced first (they have no length cost); a bead with both sides is
    then skipped when it provably costs more than the best so far without its length cost,
    which is never negative. The length cost is LengthModel.cost, written out here: this
    loop is most of the time of the sentence rules."""
    n, m = len(src), len(tgt)
    s_len, t_len = _prefix([u.length for u in src]), _prefix([u.length for u in tgt])
    anchor = _AnchorCosts(src, tgt, weights)
    s_num, t_num, shares, parts = anchor.s_num, anchor.t_num, anchor.shares, anchor.parts_of
    s_fix, t_fix, weights, total = anchor.s_fixed, anchor.t_fixed, anchor.weights, anchor.total
    most_similar = SIM_REWARD if weights else 0.0  # the most a Dice coefficient earns
    # The anchors of the target side of each bead ending at column j, by dj (made lazily).
    t_parts: list[list[_Parts | None]] = [[], [None] * (m + 1), [None] * (m + 1)]
    ratio, variance, cap = model.ratio, model.variance, model.cap
    p, a1, a2, a3, a4, a5 = _P, _A1, _A2, _A3, _A4, _A5
    sqrt, log = math.sqrt, math.log
    p11, p10, p01, p21, p12, p22 = (priors[bead] for bead in BEADS)
    inf = math.inf
    cost = [[inf] * (highs[i] - lows[i] + 1) for i in range(n + 1)]
    back = [bytearray(highs[i] - lows[i] + 1) for i in range(n + 1)]
    cost[0][0 - lows[0]] = 0.0
    for i in range(n + 1):
        lo, hi = lows[i], highs[i]
        row, row_back = cost[i], back[i]
        # The beads with both sides that can end in this row: (k, the row they start in,
        # its band, their prior, di, dj, dj target units as bits, source characters,
        # numbers and fixed anchors, the target units sharing an anchor with them as bits).
        both = []
        s_parts: list[_Parts | None] = [None, None, None]  # by di, as t_parts
        if i >= 1:
            r1, lo1, hi1 = cost[i - 1], lows[i - 1], highs[i - 1]
            one = (s_len[i] - s_len[i - 1], s_num[i] - s_num[i - 1], s_fix[i] - s_fix[i - 1])
            sh1 = shares[i - 1]
            both += [
                (0, r1, lo1, hi1, p11, 1, 1, 1, *one, sh1),
                (4, r1, lo1, hi1, p12, 1, 2, 3, *one, sh1),
            ]
        if i >= 2:
            r2, lo2, hi2 = cost[i - 2], lows[i - 2], highs[i - 2]
            two = (s_len[i] - s_len[i - 2], s_num[i] - s_num[i - 2], s_fix[i] - s_fix[i - 2])
            sh2 = shares[i - 2] | sh1
            both += [
                (3, r2, lo2, hi2, p21, 2, 1, 1, *two, sh2),
                (5, r2, lo2, hi2, p22, 2, 2, 3, *two, sh2),
            ]
        for j in range(lo if i else lo + 1, hi + 1):
            best, best_k = inf, 0
            if i and lo1 <= j <= hi1:  # 1-0
                c = r1[j - lo1] + p10
                if c < best:
                    best, best_k = c, 1
            if j > lo:  # 0-1
                c = row[j - 1 - lo] + p01
                if c < best:
                    best, best_k = c, 2
            for k, prev_row, plo, phi, prior, di, dj, mask, sl, sn, sf, sh in both:
                pj = j - dj
                if pj < plo or pj > phi:
                    continue
                c = prev_row[pj - plo] + prior
                if c == inf:
                    continue
                tn = t_num[j] - t_num[pj]
                numbers = NUMBER_MISMATCH * (sn + tn)
                if sh >> pj & mask:  # a unit pair of the bead shares an anchor
                    # The most its anchors could earn: every number and fixed anchor of the
                    # poorer side shared, and the whole Dice reward.
                    tf = t_fix[j] - t_fix[pj]
                    most = 2 * NUMBER_MISMATCH * (sn if sn < tn else tn) + most_similar
                    most += ANCHOR_REWARD * (sf if sf < tf else tf)
                    if c + numbers - most > best + _SLACK:
                        continue
                    if weights:  # the same with the sides' actual word weights
                        ta, tb = total(0, i - di, i), total(1, pj, j)
                        most -= most_similar
                        if ta + tb:
                            most += SIM_REWARD * 2 * (ta if ta < tb else tb) / (ta + tb)
                        if c + numbers - most > best + _SLACK:
                            continue
                    a = s_parts[di] or parts(0, i - di, i)
                    b = t_parts[dj][j] or parts(1, pj, j)
                    s_parts[di], t_parts[dj][j] = a, b
                    numbers += _parts_overlap(a, b, weights)
                    if c + numbers > best:  # adding the length cost cannot lower it
                        continue
                elif c > best:
                    continue
                scaled = (t_len[j] - t_len[pj]) / ratio
                mean = max((sl + scaled) / 2, 1.0)
                z = abs(scaled - sl) / sqrt(2 * mean * variance)
                t = 1 / (1 + p * z)
                tail = z * z - log(t * (a1 + t * (a2 + t * (a3 + t * (a4 + t * a5)))))
                c += tail if tail < cap else cap
                c += numbers
                if c < best or (c == best and k < best_k):
                    best, best_k = c, k
            row[j - lo] = best
            row_back[j - lo] = best_k
    return _trace(back, lows, n, m)


def _search_vectorised(
    src, tgt, model: LengthModel, lows, highs, priors, weights=None
) -> list[Bead]:
    """The same dynamic programme for long documents: every bead's own cost (prior, length,
    numbers) is computed for the whole band at once; the row loop only shifts, adds and
    takes minima."""
    import numpy as np  # only long documents need it: keep start-up fast

    n, m = len(src), len(tgt)
    costs = _AnchorCosts(src, tgt, weights)
    s_len = np.array(_prefix([u.length for u in src]), dtype=np.float64)
    t_len = np.array(_prefix([u.length for u in tgt]), dtype=np.float64)
    s_num, t_num = np.array(costs.s_num), np.array(costs.t_num)
    low = np.array(lows)
    width = int(max(h - lo for lo, h in zip(lows, highs, strict=True))) + 1
    rows = np.arange(n + 1)[:, None]
    cols = low[:, None] + np.arange(width)[None, :]  # the j of each band cell
    in_band = cols <= np.array(highs)[:, None]
    cols = np.minimum(cols, m)  # cells past the band are masked; keep their index valid
    # Columns of +inf around each row, so that a row read shifted by a bead never leaves
    # the array: 2 on the left (a bead moves at most 2 columns), the largest band step on
    # the right.
    pad = 2
    step_right = max((lows[i] - lows[max(i - 2, 0)] for i in range(n + 1)), default=0)
    total = np.full((n + 1, width + pad + step_right + pad), np.inf)
    back = np.zeros((n + 1, width), dtype=np.int8)
    static = []  # per bead: (di, dj, cost of the bead ending at each cell)
    shared = _sharing_pairs(src, tgt, lows, highs)
    seen: dict[tuple[int, int], set] = {bead: set() for bead in BEADS}
    for di, dj in BEADS:
        if di == 0:
            continue
        pi = rows - di
        pj = cols - dj
        ok = in_band & (pi >= 0) & (pj >= 0)
        pi_c, pj_c = np.maximum(pi, 0), np.maximum(pj, 0)
        ok &= (pj_c >= low[pi_c]) & (pj_c <= np.array(highs)[pi_c])
        cost = np.full(cols.shape, np.inf)
        cost[ok] = priors[(di, dj)]
        if dj:
            s_l = (s_len[rows[:, 0]] - s_len[np.maximum(rows[:, 0] - di, 0)])[:, None]
            lengths = np.broadcast_to(s_l, cols.shape)[ok]
            cost[ok] += model.costs_pairs(lengths, (t_len[cols] - t_len[pj_c])[ok])
            s_n = (s_num[rows[:, 0]] - s_num[np.maximum(rows[:, 0] - di, 0)])[:, None]
            mismatch = np.broadcast_to(s_n, cols.shape) + t_num[cols] - t_num[pj_c]
            cost[ok] += NUMBER_MISMATCH * mismatch[ok]
            for i, j in shared:  # cells whose bead contains a sharing unit pair (x, y)
                for ei in range(i + 1, min(i + di, n) + 1):
                    for ej in range(j + 1, min(j + dj, m) + 1):
                        c = ej - lows[ei]
                        if 0 <= c < width and ok[ei, c]:
                            done = (ei, c)
                            if done not in seen[(di, dj)]:
                                seen[(di, dj)].add(done)
                                cost[ei, c] += costs.overlap(ei - di, ei, ej - dj, ej)
        static.append((di, dj, cost))
    insert, step = BEADS.index((0, 1)), priors[(0, 1)]
    offsets = np.arange(width) * step
    kinds = [(BEADS.index((di, dj)), di, dj, cost) for di, dj, cost in static]
    best, c, mask = np.empty(width), np.empty(width), np.empty(width, dtype=bool)
    for i in range(n + 1):
        best.fill(np.inf)
        arg = back[i]
        if i == 0:
            best[0] = 0.0
        for k, di, dj, cost in kinds:
            if i < di:
                continue
            shift = lows[i] - lows[i - di] - dj + pad
            np.add(total[i - di, shift : shift + width], cost[i], out=c)
            np.less(c, best, out=mask)
            np.copyto(best, c, where=mask)
            np.copyto(arg, k, where=mask)
        # 0-1 beads chain along the row at a constant cost: the cheapest cell strictly to
        # the left, plus a step per cell (a running minimum; never a cell against itself,
        # where rounding alone could make it "win").
        np.subtract(best, offsets, out=c)
        np.minimum.accumulate(c, out=c)
        c[1:] = c[:-1] + offsets[1:]
        c[0] = np.inf
        np.less(c, best, out=mask)
        np.copyto(best, c, where=mask)
        np.copyto(arg, insert, where=mask)
        best[~in_band[i]] = np.inf
        total[i, pad : pad + width] = best
    return _trace(back, lows, n, m)


def _sharing_pairs(src, tgt, lows, highs) -> list[tuple[int, int]]:
    """(x, y): source unit x and target unit y share an anchor and lie near the band."""
    by_anchor: dict[str, list[int]] = {}
    for y, u in enumerate(tgt):
        for a in u.anchors:
            by_anchor.setdefault(a, []).append(y)
    found = set()
    for x, u in enumerate(src):
        lo, hi = lows[x] - 2, highs[min(x + 2, len(lows) - 1)] + 2
        for a in u.anchors:
            for y in by_anchor.get(a, ()):
                if lo <= y <= hi:
                    found.add((x, y))
    return sorted(found)


class _AnchorCosts:
    """The anchor cost of a bead (source units pi..i-1, target units pj..j-1): a penalty per
    number on one side only, a reward per anchor on both. The penalty part is a difference
    of prefix sums (vectorisable); the overlap part needs anchors on both sides, which few
    cells have."""

    def __init__(
        self, src: Sequence[Unit], tgt: Sequence[Unit], weights: dict[str, float] | None = None
    ):
        self.src, self.tgt = src, tgt
        self.weights = weights or {}
        # Numbers, and anchors rewarded one by one (_Parts.fixed: bounds of a bead's reward),
        # counted per unit, as prefix sums.
        fixed = _SIMILAR if self.weights else "^"
        s_counts = [_counts(u.anchors, fixed) for u in src]
        t_counts = [_counts(u.anchors, fixed) for u in tgt]
        self.s_num = _prefix([numbers for numbers, _ in s_counts])
        self.t_num = _prefix([numbers for numbers, _ in t_counts])
        self.s_fixed = _prefix([count for _, count in s_counts])
        self.t_fixed = _prefix([count for _, count in t_counts])
        self.cache: dict[tuple[int, int, int, int], float] = {}
        self.singles: tuple[dict[int, _Parts], dict[int, _Parts]] = ({}, {})  # unit -> parts
        self.totals: dict[tuple[int, int, int], float] = {}  # (side, first, end) -> total
        # shares[x]: bit y set when source unit x and target unit y share an anchor.
        self.shares = _shares(src, tgt)

    def __call__(self, pi: int, i: int, pj: int, j: int) -> float:
        cost = NUMBER_MISMATCH * (self.s_num[i] - self.s_num[pi] + self.t_num[j] - self.t_num[pj])
        return cost + self.overlap(pi, i, pj, j)

    def overlap(self, pi: int, i: int, pj: int, j: int) -> float:
        shared = self.shares[pi] | (self.shares[i - 1] if i - pi > 1 else 0)
        if not shared >> pj & ((1 << (j - pj)) - 1):
            return 0.0  # the usual case: no unit pair of the bead shares an anchor
        key = (pi, i, pj, j)
        value = self.cache.get(key)
        if value is None:
            value = _parts_overlap(self.parts_of(0, pi, i), self.parts_of(1, pj, j), self.weights)
            self.cache[key] = value
        return value

    def total(self, side: int, first: int, end: int) -> float:
        """The exact sum of the weights of the anchors of units first..end-1 of a side: what
        a bead's lexicon reward is bounded by, without cutting up its numbers and names."""
        if end - first == 1:
            return self.parts_of(side, first, end).total
        key = (side, first, end)
        found = self.totals.get(key)
        if found is None:
            weighted = frozenset().union(
                *(self.parts_of(side, x, x + 1).weighted for x in range(first, end))
            )
            found = self.totals[key] = math.fsum(map(self.weights.__getitem__, weighted))
        return found

    def parts_of(self, side: int, first: int, end: int) -> _Parts:
        """The anchors of units first..end-1 of a side (0: source, 1: target), cut up."""
        units, singles = (self.src, self.tgt)[side], self.singles[side]
        if end - first == 1 and first in singles:
            return singles[first]
        found = []
        for x in range(first, end):
            one = singles.get(x)
            if one is None:
                one = singles[x] = _Parts.of(units[x].anchors, self.weights)
            found.append(one)
        return found[0] if len(found) == 1 else _Parts.union(found, self.weights)


# Up to this many unit pairs (the sentences of one pair), testing every pair of sets with
# isdisjoint is fastest; beyond it (documents) an index of the anchors keeps this linear:
# testing every pair made a 20,000-sentence document take minutes.
_PAIRWISE_SHARES = 1024


def _shares(src: Sequence[Unit], tgt: Sequence[Unit]) -> list[int]:
    """For each source unit, the bit set of the target units it shares an anchor with."""
    if len(src) * len(tgt) <= _PAIRWISE_SHARES:
        t_sets = [u.anchors for u in tgt]
        return [
            sum(1 << y for y, b in enumerate(t_sets) if not u.anchors.isdisjoint(b)) for u in src
        ]
    by_anchor: dict[str, int] = {}
    for y, u in enumerate(tgt):
        for anchor in u.anchors:
            by_anchor[anchor] = by_anchor.get(anchor, 0) | 1 << y
    shares = []
    for u in src:
        bits = 0
        for anchor in u.anchors:
            bits |= by_anchor.get(anchor, 0)
        shares.append(bits)
    return shares


def _counts(anchors: frozenset[str], not_fixed: str) -> tuple[int, int]:
    """How many numbers, and how many anchors whose kind is not in ``not_fixed``."""
    numbers = fixed = 0
    for x in anchors:
        kind = x[0]
        if kind == "#":
            numbers += 1
        if kind not in not_fixed:
            fixed += 1
    return numbers, fixed


@dataclass(frozen=True, slots=True)
class _Parts:
    """A set of anchors, cut up as _overlap_cost prices it: numbers, the anchors rewarded
    one by one, and those with a weight (with the exact sum of their weights)."""

    numbers: frozenset[str]
    fixed: frozenset[str]
    weighted: frozenset[str]
    total: float

    @classmethod
    def of(cls, anchors: frozenset[str], weights: dict[str, float]) -> _Parts:
        numbers = frozenset(x for x in anchors if x[0] == "#")
        if not weights:
            return cls(numbers, frozenset(x for x in anchors if x[0] != "^"), frozenset(), 0.0)
        weighted = frozenset(anchors & weights.keys())
        return cls(
            numbers,
            frozenset(x for x in anchors if x[0] not in _SIMILAR),
            weighted,
            math.fsum(map(weights.__getitem__, weighted)),
        )

    @classmethod
    def union(cls, parts: Sequence[_Parts], weights: dict[str, float]) -> _Parts:
        """The parts of the union of the anchor sets cut into ``parts``."""
        weighted = frozenset().union(*(p.weighted for p in parts))
        return cls(
            frozenset().union(*(p.numbers for p in parts)),
            frozenset().union(*(p.fixed for p in parts)),
            weighted,
            math.fsum(map(weights.__getitem__, weighted)),
        )


def _overlap_cost(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    """Reward for anchors on both sides (a shared number also stops being a mismatch).

    Names, numbers, URLs and questions earn a fixed reward each. Words of the lexicon a
    document teaches (lintr.align.lexicon) are many per unit and earn a share of SIM_REWARD, by
    how much of the two sides' lexicon words match (a weighted Dice coefficient): merging
    a neighbour into a bead brings its unmatched words along and lowers the share, so a
    unit without its counterpart stays unpaired instead."""
    return _parts_overlap(_Parts.of(a, weights), _Parts.of(b, weights), weights)


# Rounding allowance for bounds compared with sums computed in another order.
_SLACK = 1e-7


def _parts_overlap(a: _Parts, b: _Parts, weights: dict[str, float]) -> float:
    """_overlap_cost of two anchor sets cut into _Parts."""
    cost = -2 * NUMBER_MISMATCH * len(a.numbers & b.numbers)
    if not weights:
        return cost - ANCHOR_REWARD * len(a.fixed & b.fixed)
    cost -= ANCHOR_REWARD * len(a.fixed & b.fixed)
    # Only lexicon words and names have weights (anchor_weights). Exact sums (fsum): a set's
    # order follows the per-process hash seed, and a rounding difference must not tip a near
    # tie (worker processes would disagree with a serial run).
    w_shared = math.fsum(map(weights.__getitem__, a.weighted & b.weighted))
    if w_shared:
        cost -= SIM_REWARD * 2 * w_shared / (a.total + b.total)
    return cost


def anchor_weights(src: Sequence[Unit], tgt: Sequence[Unit]) -> dict[str, float]:
    """Weights of the lexicon words (between 0 and 1): a word found in many units ("prayer"
    in a chapter on prayer) tells no unit from its neighbour; a word one side never has can
    never be shared and weighs nothing."""
    # Every anchor counted (in C), the numbers and questions left out after.
    s_df = Counter(chain.from_iterable(u.anchors for u in src))
    if not any(a[0] == "^" for a in s_df):
        return {}
    t_df = Counter(chain.from_iterable(u.anchors for u in tgt))
    total = len(src) + len(tgt)
    scale = math.log(max(total / 2, 2))
    by_count: dict[int, float] = {}  # a weight depends on the anchor's count only
    weights = {}
    for a, c in s_df.items():
        if a in t_df and a[0] in _SIMILAR:
            count = c + t_df[a]
            weight = by_count.get(count)
            if weight is None:
                weight = by_count[count] = min(1.0, max(0.0, math.log(total / count) / scale))
            weights[a] = weight
    return weights


def bead_cost(
    src: Sequence[Unit], tgt: Sequence[Unit], model: LengthModel, priors, weights=None
) -> float:
    """The cost of one bead made of these units (any shape; merges priced as 2-1).
    ``weights``: anchor_weights() of the units aligned."""
    shape = (min(len(src), 2), min(len(tgt), 2))
    cost = priors[shape]
    if src and tgt:
        cost += model.cost(sum(u.length for u in src), sum(u.length for u in tgt))
        cost += _AnchorCosts(src, tgt, weights)(0, len(src), 0, len(tgt))
    return cost


def unpaired_margin(beads: list[Bead], index: int, src, tgt, model, priors) -> float:
    """How much more it would cost to pair the unpaired unit of ``beads[index]`` with a
    neighbouring bead instead: the confidence that it really has no counterpart."""
    weights = anchor_weights(src, tgt)
    rs, rt = beads[index]
    alone = bead_cost([src[i] for i in rs], [tgt[j] for j in rt], model, priors, weights)
    best = math.inf
    for k in (index - 1, index + 1):
        if not 0 <= k < len(beads) or not (beads[k][0] and beads[k][1]):
            continue
        ks, kt = beads[k]
        s_units = [src[i] for i in sorted({*ks, *rs})]
        t_units = [tgt[j] for j in sorted({*kt, *rt})]
        before = bead_cost([src[i] for i in ks], [tgt[j] for j in kt], model, priors, weights)
        merged = bead_cost(s_units, t_units, model, priors, weights)
        best = min(best, merged - before - alone)
    return best


def document_pairs(
    source: Document,
    target: Document,
    src: LanguageProfile,
    tgt: LanguageProfile,
    model: LengthModel | None = None,
    dictionary: tuple[Dictionary, bool] | None = None,
) -> Iterator[Pair]:
    """Align two documents whose segments are not known to correspond (paragraphs of a
    bilingual text, two files with different line counts) and yield the pairs.
    ``dictionary``: a bilingual dictionary of the pair and whether it is the other way round
    (lintr.languages.dictionaries), whose translations join what the document teaches itself."""
    fallback = model or fallback_model(src, tgt)
    s_units = _with_number_words(units([s.text for s in source.segments], src), source, src)
    t_units = _with_number_words(units([s.text for s in target.segments], tgt), target, tgt)
    total_s, total_t = sum(u.length for u in s_units), sum(u.length for u in t_units)
    first = LengthModel(
        total_t / total_s if total_s and total_t else fallback.ratio, fallback.variance
    )
    beads = align(s_units, t_units, first, PARAGRAPH)
    # Second pass: the variance the document itself shows on its confident 1-1 beads.
    learned = learn(
        [
            (s_units[b[0][0]].length, t_units[b[1][0]].length)
            for b in beads
            if len(b[0]) == 1 and len(b[1]) == 1
        ],
        first,
    )
    s_texts = [s.text for s in source.segments]
    t_texts = [t.text for t in target.segments]
    s_sets = [lexicon.word_set(text, src) for text in s_texts]
    t_sets = [lexicon.word_set(text, tgt) for text in t_texts]
    found = _document_lexicon(beads, s_sets, t_sets)
    if dictionary is not None:
        found = _with_dictionary(found, dictionary, beads, s_sets, t_sets, src, tgt)
    if found is not None:
        s_units, t_units = with_lexicon(s_units, t_units, s_texts, t_texts, found, src, tgt)
        learned = replace(learned, lexicon=found)
    if learned != first or found is not None:
        beads = align(s_units, t_units, learned, PARAGRAPH, near=beads)
    if found is not None:
        weight = LOCAL_WEIGHT if dictionary is None else LOCAL_WEIGHT_WITH_DICTIONARY
        beads = refine(beads, s_units, t_units, s_texts, t_texts, src, tgt, learned, weight)
    yield from _to_pairs(beads, source.segments, target.segments, src, tgt, learned)


# Numbers written in words, as lintr.analysis.numbers reads them (not "one", which is often no number).
_WORD_KINDS = frozenset({"words", "ordinal", "fraction", "dual"})


def _with_number_words(found: list[Unit], document: Document, profile) -> list[Unit]:
    """The units with the numbers their text writes in words among their anchors, as
    numbers: قتل ثلاثة جنود and "Three soldiers were killed" then share one, and a unit
    whose number the other side lacks pays the mismatch (on hadith text, recall of a
    deleted line +0.02-0.04 over two seeds). Only here, for the units of a document: the
    anchors of every sentence inside every pair (lintr.align.anchors) are a hot path. Only the
    word scanner runs (about 15 µs a unit): the digits are anchors already."""
    scanner = scanner_for(profile)
    if scanner is None:
        return found
    out = []
    for unit, segment in zip(found, document.segments, strict=True):
        words = {f"#{v.value}" for v in scanner.scan(segment.text, []) if v.kind in _WORD_KINDS}
        out.append(Unit(unit.length, unit.anchors | words) if words - unit.anchors else unit)
    return out


# Second look (refine): beads up to this many away from a gap or a merge may be re-decided.
REACH = 3
# Weight of the local similarity against the bead costs: on hadith text, 15 moved 6 gaps to
# the deleted unit and 2 away from it (of 165); 5 moved 2 and none away, 25 and 40 as 15
# or worse.
LOCAL_WEIGHT = 15.0
# With a bilingual dictionary a unit has more linked words, and its local similarity is
# better evidence: on hadith text (align_eval's document and paragraphs rows, seeds 1 and 2)
# 40 found 23 more deleted units than 15 (of 3,334) with about the same false alarms (seed
# 1: +0.009, +0.008, +0.014, 0 recall); 60 did no better. Without one, 25 and 40 do as 15
# or worse.
LOCAL_WEIGHT_WITH_DICTIONARY = 40.0
# A gap moves only when the new place is this much cheaper. Any strictly cheaper place, not
# 0.5 cheaper: on hadith text (align_eval's document, paragraphs and splits rows, seeds 1
# and 2) that found 10 more deleted units net (13 more in 8 rows, 3 fewer in 3), with the
# same false alarms. Where places tie, the gap goes to the earliest of them.
REFINE_MARGIN = 0.0


def refine(
    beads: list[Bead],
    s_units: Sequence[Unit],
    t_units: Sequence[Unit],
    s_texts: Sequence[str],
    t_texts: Sequence[str],
    src: LanguageProfile,
    tgt: LanguageProfile,
    model: LengthModel,
    local_weight: float = LOCAL_WEIGHT,
) -> list[Bead]:
    """A second look at each unit left unpaired and each merge of a path: consecutive units
    are often near-duplicates (a hadith repeated with another chain of narrators), whose
    costs over the whole document barely differ, so a lost unit's gap lands on its
    neighbour, or the neighbour absorbs it in a merge. Around each, the features (anchors,
    lexicon words, and names of two consonants too) are weighed again by their rarity in
    that stretch alone: a word that tells unit i from unit i+1 decides, one both share
    counts for nothing. Gaps first, then merges, then the gaps a split merge left."""
    weights = anchor_weights(s_units, t_units)
    s_fine = _Features(s_units, s_texts, src)
    t_fine = _Features(t_units, t_texts, tgt)

    def cost(xs: Sequence[int], ys: Sequence[int], window: list[Bead]) -> float:
        """A bead's cost, less the local similarity of its two sides."""
        near_s = [s_fine[i] for b in window for i in b[0]]
        near_t = [t_fine[j] for b in window for j in b[1]]
        a = frozenset().union(*(s_fine[x] for x in xs))
        b = frozenset().union(*(t_fine[y] for y in ys))
        units = ([s_units[x] for x in xs], [t_units[y] for y in ys])
        sim = _local_dice(near_s, near_t, a, b)
        return bead_cost(*units, model, PARAGRAPH, weights) - local_weight * sim

    return _refine_gaps(_refine_merges(_refine_gaps(beads, cost), cost), cost)


class _Features:
    """The units' features for a second look, made only for the units that get one."""

    def __init__(self, units: Sequence[Unit], texts: Sequence[str], profile: LanguageProfile):
        self.units, self.texts, self.profile = units, texts, profile
        self.made: dict[int, frozenset[str]] = {}

    def __getitem__(self, i: int) -> frozenset[str]:
        found = self.made.get(i)
        if found is None:
            found = self.units[i].anchors | short_names(self.texts[i], self.profile)
            self.made[i] = found
        return found


def _refine_gaps(beads: list[Bead], cost) -> list[Bead]:
    """Each run of units unpaired on one side, between 1-1 beads: which units of that
    stretch are the unpaired ones (the run slides, the 1-1 beads around it shift)."""
    beads = list(beads)
    k = 0
    while k < len(beads):
        if beads[k][0] and beads[k][1]:
            k += 1
            continue
        side = 0 if beads[k][0] else 1
        end = k
        while end < len(beads) and beads[end][side] and not beads[end][1 - side]:
            end += 1
        left, right = k, end
        while left > 0 and k - left < REACH and _one_to_one(beads[left - 1]):
            left -= 1
        while right < len(beads) and right - end < REACH and _one_to_one(beads[right]):
            right += 1
        if left < k or right > end:
            beads[left:right] = _slide_gap(beads[left:right], end - k, side, cost)
        k = end
    return beads


def _one_to_one(bead: Bead) -> bool:
    return len(bead[0]) == 1 and len(bead[1]) == 1


def _slide_gap(window: list[Bead], gap: int, side: int, cost) -> list[Bead]:
    """The window's beads with its ``gap`` unpaired units of ``side`` wherever they cost
    least; its other units paired 1-1 in order."""
    kept = [i for b in window for i in b[side]]
    other = [j for b in window for j in b[1 - side]]
    pairs: dict[tuple[int, int], float] = {}

    def pair(x: int, y: int) -> float:
        if (x, y) not in pairs:
            units = ((kept[x],), (other[y],))
            pairs[(x, y)] = cost(*(units if side == 0 else units[::-1]), window)
        return pairs[(x, y)]

    def total(start: int) -> float:  # the gap's own cost is the same wherever it is
        return sum(pair(x, x) for x in range(start)) + sum(
            pair(x, x - gap) for x in range(start + gap, len(kept))
        )

    current = next(n for n, b in enumerate(window) if not b[1 - side])
    best = min(range(len(kept) - gap + 1), key=total)
    if best == current or total(best) > total(current) - REFINE_MARGIN:
        return window
    out: list[Bead] = []
    for x, i in enumerate(kept):
        mine = range(i, i + 1)
        if best <= x < best + gap:
            theirs = range(0)
        else:
            y = other[x if x < best else x - gap]
            theirs = range(y, y + 1)
        out.append((mine, theirs) if side == 0 else (theirs, mine))
    return out


def _refine_merges(beads: list[Bead], cost) -> list[Bead]:
    """Each 2-1 or 1-2 bead: a translator's merge, or a unit whose counterpart was lost,
    absorbed by a neighbour that resembles it? Split (one unit unpaired, the other 1-1)
    where that costs less."""
    out: list[Bead] = []
    for k, (rs, rt) in enumerate(beads):
        if sorted((len(rs), len(rt))) != [1, 2]:
            out.append((rs, rt))
            continue
        window = beads[max(0, k - REACH) : k + REACH + 1]
        side = 0 if len(rs) == 2 else 1
        two, one = (rs, rt) if side == 0 else (rt, rs)
        merged = cost(rs, rt, window)
        options = []  # (cost, the unit that stays paired, the unit left alone)
        for paired, alone in ((two[0], two[1]), (two[1], two[0])):
            xs, ys = ((paired,), one) if side == 0 else (one, (paired,))
            options.append((PARAGRAPH[(1, 0)] + cost(xs, ys, window), paired, alone))
        best, paired, alone = min(options)
        if best >= merged:
            out.append((rs, rt))
            continue
        kept = (range(paired, paired + 1), one)
        single = (range(alone, alone + 1), range(0))
        if side == 1:
            kept, single = kept[::-1], single[::-1]
        out.extend([kept, single] if alone > paired else [single, kept])
    return out


def _local_dice(near_s, near_t, a: frozenset[str], b: frozenset[str]) -> float:
    """Weighted Dice coefficient of feature sets ``a`` and ``b``, each feature weighted by
    its rarity among the units near them (``near_s``, ``near_t``); a feature found on one
    side only weighs nothing."""
    shared = a & b
    if not shared:
        return 0.0
    total = len(near_s) + len(near_t)
    df: dict[str, int] = {}
    for f in (*near_s, *near_t):
        for x in f & (a | b):
            df[x] = df.get(x, 0) + 1
    on_s = frozenset().union(*near_s)
    on_t = frozenset().union(*near_t)

    def weight(x: str) -> float:
        return math.log(total / df[x]) if x in on_s and x in on_t else 0.0

    # fsum: exact whatever the order sets are iterated in (hash seeds differ between runs).
    top = math.fsum(weight(x) for x in shared)
    if not top:
        return 0.0
    return 2 * top / (math.fsum(weight(x) for x in a) + math.fsum(weight(x) for x in b))


def _with_dictionary(found, dictionary, beads, s_sets, t_sets, src, tgt) -> lexicon.Lexicon | None:
    """``found`` with the translations ``dictionary`` confirms in the document
    (lexicon.with_dictionary), counted over the units the first pass put near each other;
    ``s_sets``, ``t_sets``: the units' word sets (lexicon.word_set)."""
    d, reverse = dictionary
    pairs = _near_pairs(beads, s_sets, t_sets)
    other = src if reverse else tgt
    return lexicon.with_dictionary(
        found, pairs, s_sets, t_sets, d.translations, other, reverse, d.match
    )


# How far from its place on the first path a unit's words are counted with the other side's.
DICTIONARY_REACH = 1


def _near_pairs(beads: list[Bead], s_sets, t_sets) -> list[tuple[frozenset, frozenset]]:
    """Each source unit's words with those of every target unit at most DICTIONARY_REACH
    from where the first pass put it. Not only its 1-1 partner: a first pass over short
    units (a software catalogue's messages) often shifts a stretch by one around a lost
    unit, and a unit it left unpaired still sits next to its translation. On 12 short
    messages with one deleted, in each place and both directions, the dictionary put 17 of
    24 gaps where the deletion was, against 10 from the 1-1 pairs alone and 8 without it."""
    pairs = []
    cursor = 0  # the first target unit after the beads so far
    for rs, rt in beads:
        if rt:
            lo, hi = rt[0], rt[-1]
            cursor = hi + 1
        else:
            lo, hi = cursor - 1, cursor
        window = range(max(0, lo - DICTIONARY_REACH), min(len(t_sets), hi + DICTIONARY_REACH + 1))
        pairs.extend((s_sets[i], t_sets[k]) for i in rs for k in window)
    return pairs


def _document_lexicon(beads, s_sets, t_sets) -> lexicon.Lexicon | None:
    """What the confident 1-1 pairs of a first pass teach (lintr.align.lexicon), from the units'
    word sets."""
    return lexicon.learn([(s_sets[b[0][0]], t_sets[b[1][0]]) for b in beads if _one_to_one(b)])


def with_lexicon(
    s_units: Sequence[Unit],
    t_units: Sequence[Unit],
    s_texts: Sequence[str],
    t_texts: Sequence[str],
    found: lexicon.Lexicon,
    src: LanguageProfile,
    tgt: LanguageProfile,
) -> tuple[list[Unit], list[Unit]]:
    """The units with the lexicon's words among their anchors."""
    return (
        [
            Unit(u.length, u.anchors | found.anchors_in(t, src, "source"))
            for u, t in zip(s_units, s_texts, strict=True)
        ],
        [
            Unit(u.length, u.anchors | found.anchors_in(t, tgt, "target"))
            for u, t in zip(t_units, t_texts, strict=True)
        ],
    )


def corpus_model(
    sample: Sequence[tuple[str, str]],
    src: LanguageProfile,
    tgt: LanguageProfile,
    fallback: LengthModel,
) -> LengthModel:
    """The length model and lexicon of a line-aligned corpus, from a sample of its pairs."""
    model = learn([(length(s), length(t)) for s, t in sample], fallback)
    step = max(1, len(sample) // lexicon.MAX_PAIRS)
    found = lexicon.learn(
        [(lexicon.word_set(s, src), lexicon.word_set(t, tgt)) for s, t in sample[::step]]
    )
    return replace(model, lexicon=found)


def _to_pairs(
    beads, s_segs: list[Segment], t_segs: list[Segment], src, tgt, model: LengthModel
) -> Iterator[Pair]:
    last_s: Segment | None = None
    last_t: Segment | None = None
    for index, (rs, rt) in enumerate(beads):
        s = tuple(s_segs[i] for i in rs)
        t = tuple(t_segs[j] for j in rt)
        pair = Pair(PairSide(s, src, "source"), PairSide(t, tgt, "target"), index=index)
        pair.length_model = model
        if not t and t_segs:
            pair.anchor = _gap(last_t, t_segs, tgt, "target")
        elif not s and s_segs:
            pair.anchor = _gap(last_s, s_segs, src, "source")
        last_s = s[-1] if s else last_s
        last_t = t[-1] if t else last_t
        yield pair


def _gap(last: Segment | None, segments: list[Segment], profile, side) -> Location:
    """Where a missing counterpart belongs: after the last paired segment of that side, or
    before its first one."""
    if last is None:
        return PairSide((segments[0],), profile, side).location(0, 0)
    return PairSide((last,), profile, side).end_location()


def pair_in_order(
    source: Document,
    target: Document,
    src: LanguageProfile,
    tgt: LanguageProfile,
    model: LengthModel | None = None,
) -> Iterator[Pair]:
    """Segment i with segment i: for inputs known to be line-aligned (TSV, equal line counts)."""
    for i, (s, t) in enumerate(zip(source.segments, target.segments, strict=True)):
        pair = Pair(PairSide((s,), src, "source"), PairSide((t,), tgt, "target"), index=i)
        pair.length_model = model
        yield pair


def bitext_pairs(
    bitext,
    src: LanguageProfile,
    tgt: LanguageProfile,
    dictionary: tuple[Dictionary, bool] | None = None,
) -> tuple[Iterator[Pair], str]:
    """The pairs of a bitext: in order where it is line-aligned, aligned otherwise (with
    ``dictionary``, as document_pairs). The second value is a note for the user when lintr
    aligned lines it was expected to pair."""
    source, target = bitext.source, bitext.target
    fallback = fallback_model(src, tgt)
    if bitext.line_aligned and len(source.segments) == len(target.segments):
        step = max(1, len(source.segments) // SAMPLE)  # a sample is enough to learn from
        sample = [
            (s.text, t.text)
            for s, t in zip(source.segments[::step], target.segments[::step], strict=True)
        ]
        model = corpus_model(sample, src, tgt, fallback)
        return pair_in_order(source, target, src, tgt, model), ""
    note = ""
    if bitext.line_aligned:
        n, m = len(source.segments), len(target.segments)
        note = (
            f"{source.path} has {n} line{'s' if n != 1 else ''} and {target.path} {m}: "
            "aligning them instead of pairing line by line"
        )
        source.segments = [s for s in source.segments if s.text.strip()]
        target.segments = [s for s in target.segments if s.text.strip()]
    return document_pairs(source, target, src, tgt, fallback, dictionary), note
