"""What a bead costs besides its prior and its length: a penalty per number on one side only,
a reward per anchor (number, name, URL, question) on both, and a share of SIM_REWARD for the
lexicon words the two sides share, weighted by how rare each word is."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from lintr.align.beads import Bead, Unit
from lintr.align.length import LengthModel

ANCHOR_REWARD = 2.0  # per anchor shared by the two sides of a bead
# The most a bead earns for its lexicon words (all matching): on hadith text, 25 took
# recall of a deleted hadith from 0.68 to 0.85 (10 and 15: 0.82, 0.85; 40: no better).
SIM_REWARD = 25.0
_SIMILAR = "^~"  # lexicon words and names: compared as a share once there is a lexicon
# Per number on one side of a paired bead and not the other: numbers survive translation,
# so a pairing that loses one is suspect (a unit left unpaired keeps its numbers free).
NUMBER_MISMATCH = 1.5


def prefix_sums(values: Sequence[int]) -> list[int]:
    """0, then the running totals: the sum over any run of units is one subtraction."""
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


class AnchorCosts:
    """The anchor cost of a bead (source units pi..i-1, target units pj..j-1): a penalty per
    number on one side only, a reward per anchor on both. The penalty part is a difference
    of prefix sums (vectorisable); the overlap part needs anchors on both sides, which few
    cells have."""

    def __init__(
        self, src: Sequence[Unit], tgt: Sequence[Unit], weights: dict[str, float] | None = None
    ):
        self.src, self.tgt = src, tgt
        self.weights = weights or {}
        # Numbers, and anchors rewarded one by one (Parts.fixed: bounds of a bead's reward),
        # counted per unit, as prefix sums.
        fixed = _SIMILAR if self.weights else "^"
        s_counts = [_counts(u.anchors, fixed) for u in src]
        t_counts = [_counts(u.anchors, fixed) for u in tgt]
        self.s_num = prefix_sums([numbers for numbers, _ in s_counts])
        self.t_num = prefix_sums([numbers for numbers, _ in t_counts])
        self.s_fixed = prefix_sums([count for _, count in s_counts])
        self.t_fixed = prefix_sums([count for _, count in t_counts])
        self.cache: dict[tuple[int, int, int, int], float] = {}
        self.singles: tuple[dict[int, Parts], dict[int, Parts]] = ({}, {})  # unit -> parts
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
            value = parts_overlap(self.parts_of(0, pi, i), self.parts_of(1, pj, j), self.weights)
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

    def parts_of(self, side: int, first: int, end: int) -> Parts:
        """The anchors of units first..end-1 of a side (0: source, 1: target), cut up."""
        units, singles = (self.src, self.tgt)[side], self.singles[side]
        if end - first == 1 and first in singles:
            return singles[first]
        found = []
        for x in range(first, end):
            one = singles.get(x)
            if one is None:
                one = singles[x] = Parts.of(units[x].anchors, self.weights)
            found.append(one)
        return found[0] if len(found) == 1 else Parts.union(found, self.weights)


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
class Parts:
    """A set of anchors, cut up as parts_overlap prices it: numbers, the anchors rewarded
    one by one, and those with a weight (with the exact sum of their weights)."""

    numbers: frozenset[str]
    fixed: frozenset[str]
    weighted: frozenset[str]
    total: float

    @classmethod
    def of(cls, anchors: frozenset[str], weights: dict[str, float]) -> Parts:
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
    def union(cls, parts: Sequence[Parts], weights: dict[str, float]) -> Parts:
        """The parts of the union of the anchor sets cut into ``parts``."""
        weighted = frozenset().union(*(p.weighted for p in parts))
        return cls(
            frozenset().union(*(p.numbers for p in parts)),
            frozenset().union(*(p.fixed for p in parts)),
            weighted,
            math.fsum(map(weights.__getitem__, weighted)),
        )


# Rounding allowance for bounds compared with sums computed in another order.
SLACK = 1e-7


def parts_overlap(a: Parts, b: Parts, weights: dict[str, float]) -> float:
    """Reward for anchors on both sides of a bead, each side's anchors cut into Parts (a shared
    number also stops being a mismatch).

    Names, numbers, URLs and questions earn a fixed reward each. Words of the lexicon a
    document teaches (lintr.align.lexicon) are many per unit and earn a share of SIM_REWARD, by
    how much of the two sides' lexicon words match (a weighted Dice coefficient): merging
    a neighbour into a bead brings its unmatched words along and lowers the share, so a
    unit without its counterpart stays unpaired instead."""
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
        cost += AnchorCosts(src, tgt, weights)(0, len(src), 0, len(tgt))
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
