"""Alignment: which units of a source and a target render each other. One algorithm at two
levels: paragraphs or lines between two files, and sentences inside a pair.

Dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2. A bead's cost is its prior
plus, where both sides have text, the Gale-Church length cost (with the length ratio and
its variance learned from the document or corpus at hand, not fixed) minus a reward for
the anchors both sides share (numbers, names, URLs, questions: see lintr.anchors). Unlike
Gale-Church, a unit left unpaired pays its prior only, not a cost growing with its length:
a long dropped paragraph is exactly what a linter must be able to find. The search runs in a band around the
diagonal, widened until the best path stays inside it: time and memory are linear in the
number of units for a fixed band.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lintr.anchors import anchors
from lintr.languages import LanguageProfile
from lintr.model import Document, Pair, PairSide, Segment

# Bead shapes (source units, target units).
BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


def _costs(priors: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    return {bead: -math.log(p) for bead, p in priors.items()}


# Sentences: Gale & Church's (1993) priors, measured on sentence-aligned parliament texts.
SENTENCE = _costs({(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
                   (1, 2): 0.089 / 2, (2, 2): 0.011})
# Paragraphs and lines: translators keep paragraphs; merging two is rarer than a sentence
# merge, and rarer than a paragraph lost or added (captions, notes).
PARAGRAPH = _costs({(1, 1): 0.97, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.004, (1, 2): 0.004,
                    (2, 2): 0.002})
ANCHOR_REWARD = 2.0  # per anchor shared by the two sides of a bead
# Per number on one side of a paired bead and not the other: numbers survive translation,
# so a pairing that loses one is suspect (a unit left unpaired keeps its numbers free).
NUMBER_MISMATCH = 1.5
DEFAULT_VARIANCE = 6.8  # Gale & Church's per-character variance, before a document teaches its own
MIN_BAND = 8
MIN_LEARN = 8  # corresponding units needed to learn a length model


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

    def cost(self, source_len: int, target_len: int) -> float:
        """-log P(lengths | translation), Gale-Church style."""
        if source_len == 0 and target_len == 0:
            return 0.0
        scaled = target_len / self.ratio
        mean = max((source_len + scaled) / 2, 1.0)
        delta = abs(scaled - source_len) / math.sqrt(mean * self.variance)
        tail = math.erfc(delta / math.sqrt(2))
        if tail > 1e-300:
            return -math.log(tail)
        return delta * delta / 2 + math.log(delta * math.sqrt(math.pi / 2))


def learn(pairs: Sequence[tuple[int, int]], fallback: LengthModel) -> LengthModel:
    """A length model from (source length, target length) of units known to correspond: the
    median ratio and a robust (median absolute deviation) variance. Too little data: fallback."""
    usable = [(s, t) for s, t in pairs if s >= 5 and t >= 5]
    if len(usable) < MIN_LEARN:
        return fallback
    ratio = sorted(t / s for s, t in usable)[len(usable) // 2]
    squares = sorted(
        (t / ratio - s) ** 2 / max((s + t / ratio) / 2, 1.0) for s, t in usable
    )
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
    src: Sequence[Unit], tgt: Sequence[Unit], model: LengthModel, priors=SENTENCE
) -> list[Bead]:
    """The cheapest sequence of beads covering both sides, in order. ``priors``: the bead
    costs of the level, SENTENCE or PARAGRAPH."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(range(i, i + 1), range(0)) for i in range(n)] + [
            (range(0), range(j, j + 1)) for j in range(m)
        ]
    band = max(MIN_BAND, 2 * math.ceil(max(n / m, m / n)) + 2)
    while True:
        beads, touched = _search(src, tgt, model, band, priors)
        if not touched or band >= max(n, m):
            return beads
        band *= 2


def bead_cost(src: Sequence[Unit], tgt: Sequence[Unit], model: LengthModel, priors) -> float:
    """The cost of one bead made of these units (any shape; merges priced as 2-1)."""
    shape = (min(len(src), 2), min(len(tgt), 2))
    cost = priors[shape]
    if src and tgt:
        cost += model.cost(sum(u.length for u in src), sum(u.length for u in tgt))
        cost += _anchor_cost(frozenset().union(*(u.anchors for u in src)),
                             frozenset().union(*(u.anchors for u in tgt)))
    return cost


def unpaired_margin(beads: list[Bead], index: int, src, tgt, model, priors) -> float:
    """How much more it would cost to pair the unpaired unit of ``beads[index]`` with a
    neighbouring bead instead: the confidence that it really has no counterpart."""
    rs, rt = beads[index]
    alone = bead_cost([src[i] for i in rs], [tgt[j] for j in rt], model, priors)
    best = math.inf
    for k in (index - 1, index + 1):
        if not 0 <= k < len(beads) or not (beads[k][0] and beads[k][1]):
            continue
        ks, kt = beads[k]
        s_units = [src[i] for i in sorted({*ks, *rs})]
        t_units = [tgt[j] for j in sorted({*kt, *rt})]
        before = bead_cost([src[i] for i in ks], [tgt[j] for j in kt], model, priors)
        best = min(best, bead_cost(s_units, t_units, model, priors) - before - alone)
    return best


def _search(src, tgt, model: LengthModel, band: int, priors) -> tuple[list[Bead], bool]:
    n, m = len(src), len(tgt)
    s_len = [0] + [u.length for u in src]
    t_len = [0] + [u.length for u in tgt]
    for i in range(1, n + 1):
        s_len[i] += s_len[i - 1]
    for j in range(1, m + 1):
        t_len[j] += t_len[j - 1]
    lows, highs = [], []
    for i in range(n + 1):
        center = round(i * m / n)
        lows.append(max(0, center - band))
        highs.append(min(m, center + band))
    inf = math.inf
    cost = [[inf] * (highs[i] - lows[i] + 1) for i in range(n + 1)]
    back = [bytearray(highs[i] - lows[i] + 1) for i in range(n + 1)]
    cost[0][0 - lows[0]] = 0.0
    pair_cache: dict[tuple[int, int], float] = {}

    def anchor_cost(i: int, j: int) -> float:  # of pairing source unit i with target unit j
        key = (i, j)
        if key not in pair_cache:
            pair_cache[key] = _anchor_cost(src[i].anchors, tgt[j].anchors)
        return pair_cache[key]

    length_cost = model.cost
    for i in range(n + 1):
        lo, hi = lows[i], highs[i]
        row, row_back = cost[i], back[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, best_k = inf, 0
            for k, (di, dj) in enumerate(BEADS):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or pj < lows[pi] or pj > highs[pi]:
                    continue
                prev = cost[pi][pj - lows[pi]]
                if prev == inf:
                    continue
                c = prev + priors[(di, dj)]
                if di and dj:
                    c += length_cost(s_len[i] - s_len[pi], t_len[j] - t_len[pj])
                    if di == dj == 1:
                        c += anchor_cost(pi, pj)
                    else:  # a merged bead: anchors of its units together, each counted once
                        a = frozenset().union(*(src[x].anchors for x in range(pi, i)))
                        b = frozenset().union(*(tgt[y].anchors for y in range(pj, j)))
                        c += _anchor_cost(a, b)
                if c < best:
                    best, best_k = c, k
            row[j - lo] = best
            row_back[j - lo] = best_k
    beads: list[Bead] = []
    i, j, touched = n, m, False
    while i or j:
        lo = lows[i]
        if (j == lo and lo > 0) or (j == highs[i] and highs[i] < m):
            touched = True
        di, dj = BEADS[back[i][j - lo]]
        beads.append((range(i - di, i), range(j - dj, j)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, touched


def _anchor_cost(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    cost = -ANCHOR_REWARD * len(a & b)
    numbers = {x for x in a ^ b if x[0] == "#"}
    return cost + NUMBER_MISMATCH * len(numbers)


def document_pairs(
    source: Document, target: Document, src: LanguageProfile, tgt: LanguageProfile,
    model: LengthModel | None = None,
) -> Iterator[Pair]:
    """Align two documents whose segments are not known to correspond (paragraphs of a
    bilingual text, two files with different line counts) and yield the pairs."""
    fallback = model or LengthModel(tgt.relative_length / src.relative_length)
    s_units = units([s.text for s in source.segments], src)
    t_units = units([s.text for s in target.segments], tgt)
    total_s, total_t = sum(u.length for u in s_units), sum(u.length for u in t_units)
    first = LengthModel(total_t / total_s if total_s and total_t else fallback.ratio,
                        fallback.variance)
    beads = align(s_units, t_units, first, PARAGRAPH)
    # Second pass: the variance the document itself shows on its confident 1-1 beads.
    learned = learn([(s_units[b[0][0]].length, t_units[b[1][0]].length)
                     for b in beads if len(b[0]) == 1 and len(b[1]) == 1], first)
    if learned != first:
        beads = align(s_units, t_units, learned, PARAGRAPH)
    yield from _to_pairs(beads, source.segments, target.segments, src, tgt, learned)


def _to_pairs(beads, s_segs: list[Segment], t_segs: list[Segment], src, tgt,
              model: LengthModel) -> Iterator[Pair]:
    last_s: Segment | None = None
    last_t: Segment | None = None
    for index, (rs, rt) in enumerate(beads):
        s = tuple(s_segs[i] for i in rs)
        t = tuple(t_segs[j] for j in rt)
        pair = Pair(PairSide(s, src, "source"), PairSide(t, tgt, "target"), index=index)
        pair.length_model = model
        if not t and t_segs:
            anchor = last_t or t_segs[0]
            pair.anchor = PairSide((anchor,), tgt, "target").end_location() if last_t else \
                PairSide((anchor,), tgt, "target").location(0, 0)
        elif not s and s_segs:
            anchor = last_s or s_segs[0]
            pair.anchor = PairSide((anchor,), src, "source").end_location() if last_s else \
                PairSide((anchor,), src, "source").location(0, 0)
        last_s = s[-1] if s else last_s
        last_t = t[-1] if t else last_t
        yield pair


def pair_in_order(
    source: Document, target: Document, src: LanguageProfile, tgt: LanguageProfile,
    model: LengthModel | None = None,
) -> Iterator[Pair]:
    """Segment i with segment i: for inputs known to be line-aligned (TSV, equal line counts)."""
    for i, (s, t) in enumerate(zip(source.segments, target.segments, strict=True)):
        pair = Pair(PairSide((s,), src, "source"), PairSide((t,), tgt, "target"), index=i)
        pair.length_model = model
        yield pair


def bitext_pairs(bitext, src: LanguageProfile, tgt: LanguageProfile) -> tuple[Iterator[Pair], str]:
    """The pairs of a bitext: in order where it is line-aligned, aligned otherwise. The second
    value is a note for the user when lintr aligned lines it was expected to pair."""
    source, target = bitext.source, bitext.target
    fallback = LengthModel(tgt.relative_length / src.relative_length)
    if bitext.line_aligned and len(source.segments) == len(target.segments):
        step = max(1, len(source.segments) // 20000)  # a sample is enough to learn from
        sample = [(length(s.text), length(t.text))
                  for s, t in zip(source.segments[::step], target.segments[::step], strict=True)]
        return pair_in_order(source, target, src, tgt, learn(sample, fallback)), ""
    note = ""
    if bitext.line_aligned:
        note = (f"{source.path} has {len(source.segments)} lines and {target.path} "
                f"{len(target.segments)}: aligning them instead of pairing line by line")
        source.segments = [s for s in source.segments if s.text.strip()]
        target.segments = [s for s in target.segments if s.text.strip()]
    return document_pairs(source, target, src, tgt, fallback), note
