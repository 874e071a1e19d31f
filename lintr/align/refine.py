"""The second look at a document's path: each unit left unpaired and each merge,
re-decided by what tells neighbouring units apart (near-duplicates, such as a hadith
repeated with another chain of narrators, cost almost the same over the whole document)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from lintr.align.anchors import short_names
from lintr.align.beads import PARAGRAPH, Bead, Unit, one_to_one
from lintr.align.costs import anchor_weights, bead_cost
from lintr.align.length import LengthModel
from lintr.languages.profile import LanguageProfile

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
        while left > 0 and k - left < REACH and one_to_one(beads[left - 1]):
            left -= 1
        while right < len(beads) and right - end < REACH and one_to_one(beads[right]):
            right += 1
        if left < k or right > end:
            beads[left:right] = _slide_gap(beads[left:right], end - k, side, cost)
        k = end
    return beads


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
