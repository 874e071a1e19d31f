"""The search: the cheapest sequence of beads covering both sides, by dynamic programming
in a band around the diagonal, widened until the best path stays inside it (time and memory
linear in the number of units for a fixed band). Cell by cell in plain Python for the
sentences inside a pair; a row at a time with numpy for long documents."""

from __future__ import annotations

import math
from collections.abc import Sequence

from lintr.align.beads import BEADS, SENTENCE, Bead, Unit
from lintr.align.costs import (
    ANCHOR_REWARD,
    NUMBER_MISMATCH,
    SIM_REWARD,
    SLACK,
    AnchorCosts,
    Parts,
    anchor_weights,
    parts_overlap,
    prefix_sums,
)
from lintr.align.length import ERFC_TERMS, LengthModel

MIN_BAND = 8  # half-width of the first band, in units, however alike the two lengths


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
    s_len, t_len = prefix_sums([u.length for u in src]), prefix_sums([u.length for u in tgt])
    anchor = AnchorCosts(src, tgt, weights)
    s_num, t_num, shares, parts = anchor.s_num, anchor.t_num, anchor.shares, anchor.parts_of
    s_fix, t_fix, weights, total = anchor.s_fixed, anchor.t_fixed, anchor.weights, anchor.total
    most_similar = SIM_REWARD if weights else 0.0  # the most a Dice coefficient earns
    # The anchors of the target side of each bead ending at column j, by dj (made lazily).
    t_parts: list[list[Parts | None]] = [[], [None] * (m + 1), [None] * (m + 1)]
    ratio, variance, cap = model.ratio, model.variance, model.cap
    p, a1, a2, a3, a4, a5 = ERFC_TERMS
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
        s_parts: list[Parts | None] = [None, None, None]  # by di, as t_parts
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
                    if c + numbers - most > best + SLACK:
                        continue
                    if weights:  # the same with the sides' actual word weights
                        ta, tb = total(0, i - di, i), total(1, pj, j)
                        most -= most_similar
                        if ta + tb:
                            most += SIM_REWARD * 2 * (ta if ta < tb else tb) / (ta + tb)
                        if c + numbers - most > best + SLACK:
                            continue
                    a = s_parts[di] or parts(0, i - di, i)
                    b = t_parts[dj][j] or parts(1, pj, j)
                    s_parts[di], t_parts[dj][j] = a, b
                    numbers += parts_overlap(a, b, weights)
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
    costs = AnchorCosts(src, tgt, weights)
    s_len = np.array(prefix_sums([u.length for u in src]), dtype=np.float64)
    t_len = np.array(prefix_sums([u.length for u in tgt]), dtype=np.float64)
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
