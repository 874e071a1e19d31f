"""What the alignment rules share."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from lintr.align.beads import SENTENCE, Unit, units, with_lexicon
from lintr.align.costs import ANCHOR_REWARD, Parts, anchor_weights, parts_overlap, unpaired_margin
from lintr.align.length import LengthModel, fallback_model, length
from lintr.align.search import align
from lintr.align.sentences import split
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity, Side
from lintr.rules.base import Option, Rule


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut) + "…"


def _span(side: PairSide) -> Location:
    """The side's text without the spaces and blank lines around it."""
    text = side.text
    return side.location(len(text) - len(text.lstrip()), len(text.rstrip()))


def _note(pair: Pair, other: PairSide) -> list[Related]:
    if pair.anchor is None:
        return []
    return [Related(pair.anchor, f"expected its counterpart in the {other.side} near here")]


@dataclass(frozen=True)
class Unpaired:
    """A sentence inside a pair with no counterpart on the other side."""

    side: Side
    start: int
    end: int
    margin: float  # confidence: extra cost of pairing it with a neighbour instead
    other_offset: int  # where, on the other side, its counterpart would be
    # An unpaired sentence of the other side that seems to translate this one (they share
    # names, numbers or lexicon words): the pair's sentences are misaligned or reordered,
    # nothing is lost. Its (start, end) on the other side.
    partner: tuple[int, int] | None = None
    # How far the sentence alignment can be trusted here (see Reading).
    reading: Reading = "clear"


# What the sentence alignment of a pair says of a sentence it left over:
# "clear": the rest of the pair pairs one sentence with one, the sentence stands alone;
# "unsure": the sides are cut differently (merged sentences, another sentence left over, or
#   the other side is one sentence): it may be a piece of a longer sentence of the other side;
# "none": the other side is one sentence without any sentence punctuation (a verse, a
#   passage): it has no sentences to pair with, and only the lengths of the two sides can
#   tell whether it holds this one (length-ratio's reading).
Reading = Literal["clear", "unsure", "none"]


def unpaired_sentences(pair: Pair) -> list[Unpaired]:
    """Split both sides of a pair into sentences, align them, and list the sentences left
    without a counterpart (shared by missing-sentence and added-sentence)."""
    if "unpaired" in pair.memo:
        return pair.memo["unpaired"]
    found: list[Unpaired] = []
    source, target = pair.source, pair.target
    if _visible(source.text) and _visible(target.text):
        s_spans = split(source.text, source.profile)
        t_spans = split(target.text, target.profile)
        # Sides cut into very different numbers of sentences (a hadith's Arabic often has one
        # full stop where its English has five) cannot be aligned sentence by sentence with
        # any confidence: leave those to length-ratio.
        if (len(s_spans) > 1 or len(t_spans) > 1) and abs(len(s_spans) - len(t_spans)) <= 1:
            model = _model(pair)
            if len(s_spans) != len(t_spans) or not _plainly_parallel(
                model, source.text, target.text, s_spans, t_spans
            ):
                found = _align(pair, model, s_spans, t_spans)
    pair.memo["unpaired"] = found
    return found


def _visible(text: str) -> bool:
    """``text.strip()`` is not empty (without copying the text)."""
    return bool(text) and not text.isspace()


def _plainly_parallel(model: LengthModel, source: str, target: str, s_spans, t_spans) -> bool:
    """As many sentences on each side, sentence i a plausible length for sentence i: the
    usual pair, for which the dynamic programme would only confirm the diagonal (leaving a
    sentence out costs more than twice a poorly matched pair). Skipping it is most of the
    speed of this rule."""
    cost = model.cost
    return all(
        # length() of the sentence, without slicing it out
        cost(b - a - source.count(" ", a, b), d - c - target.count(" ", c, d)) < PLAIN_COST
        for (a, b), (c, d) in zip(s_spans, t_spans, strict=True)
    )


PLAIN_COST = 2.0  # a length cost below this is an ordinary translation (z below about 1.3)


def _model(pair: Pair) -> LengthModel:
    """The pair's length model, uncapped (SENTENCE_CAP)."""
    model = pair.length_model or fallback_model(pair.source.profile, pair.target.profile)
    # Every pair of a corpus shares one model: make its uncapped copy once (replace() is
    # slow). The model itself is kept beside its copy, so that its id is not reused.
    known = _UNCAPPED.get(id(model))
    if known is None or known[0] is not model:
        if len(_UNCAPPED) >= 64:
            _UNCAPPED.clear()
        known = _UNCAPPED[id(model)] = (model, replace(model, cap=SENTENCE_CAP))
    return known[1]


_UNCAPPED: dict[int, tuple[LengthModel, LengthModel]] = {}


# Inside a pair the length cost is not capped (between documents it is, see
# lintr.align.length.LENGTH_CAP): with the cap, a deleted sentence merged into its neighbour cost
# at most 4 more, and synthetic one-sentence deletions from sentence-parallel text were
# found 3% of the time (margin >= 4); uncapped, 88%. On hadith text (not sentence-parallel)
# false alarms went from 0.2 to 2.2 per 1,000 pairs.
SENTENCE_CAP = math.inf


def _align(pair: Pair, model: LengthModel, s_spans, t_spans) -> list[Unpaired]:
    source, target = pair.source, pair.target
    s_texts = [source.text[a:b] for a, b in s_spans]
    t_texts = [target.text[a:b] for a, b in t_spans]
    s_units = units(s_texts, source.profile)
    t_units = units(t_texts, target.profile)
    if model.lexicon is not None:
        s_units, t_units = with_lexicon(
            s_units, t_units, s_texts, t_texts, model.lexicon, source.profile, target.profile
        )
    beads = align(s_units, t_units, model, SENTENCE)
    irregular = sum(1 for rs, rt in beads if len(rs) + len(rt) != 2)  # unpaired or merged
    readings = (_reading(irregular, t_texts, target), _reading(irregular, s_texts, source))
    found = []
    s_at, t_at = 0, 0  # end offsets of the last paired sentences on each side
    for index, (rs, rt) in enumerate(beads):
        if rs and rt:
            s_at, t_at = s_spans[rs[-1]][1], t_spans[rt[-1]][1]
            continue
        margin = unpaired_margin(beads, index, s_units, t_units, model, SENTENCE)
        if rs:
            a, b = s_spans[rs[0]]
            found.append(Unpaired("source", a, b, margin, t_at, None, readings[0]))
        else:
            a, b = t_spans[rt[0]]
            found.append(Unpaired("target", a, b, margin, s_at, None, readings[1]))
    return _with_partners(found, s_units, t_units, s_spans, t_spans)


def _reading(irregular: int, others: list[str], other: PairSide) -> Reading:
    """The Reading of a sentence left over, given how many beads of the pair are not one
    sentence with one and the sentences of the other side."""
    if len(others) == 1:
        return "unsure" if _punctuated(others[0], other.profile.sentence_final) else "none"
    return "clear" if irregular == 1 else "unsure"


def _punctuated(sentence: str, marks: tuple[str, ...]) -> bool:
    """Whether the sentence ends with a sentence-final mark (before closing quotes, brackets,
    direction marks and spaces)."""
    return sentence.rstrip(_TRAILING).endswith(marks)


_TRAILING = "”\"’'»)]﴾﴿\u200e\u200f\u061c \t\n"


# Shared anchors worth this much (two names or numbers, or lexicon words with a weighted
# Dice share of about 0.16) make two unpaired sentences of a pair translations of each other.
MISALIGNED_REWARD = 2 * ANCHOR_REWARD


def _with_partners(
    found: list[Unpaired], s_units: list[Unit], t_units: list[Unit], s_spans, t_spans
) -> list[Unpaired]:
    """``found``, each unpaired sentence with the unpaired sentence of the other side that
    translates it, if one does (the best first, each sentence taken once)."""
    sources = [u for u in found if u.side == "source"]
    targets = [u for u in found if u.side == "target"]
    if not (sources and targets):
        return found
    weights = anchor_weights(s_units, t_units)
    s_index = {span: i for i, span in enumerate(s_spans)}
    t_index = {span: i for i, span in enumerate(t_spans)}
    scored = []
    for u in sources:
        mine = Parts.of(s_units[s_index[(u.start, u.end)]].anchors, weights)
        for v in targets:
            theirs = Parts.of(t_units[t_index[(v.start, v.end)]].anchors, weights)
            reward = -parts_overlap(mine, theirs, weights)
            if reward >= MISALIGNED_REWARD:
                scored.append((-reward, u.start, v.start, u, v))
    partners: dict[Unpaired, tuple[int, int]] = {}
    for _, _, _, u, v in sorted(scored, key=lambda x: x[:3]):
        if u not in partners and v not in partners:
            partners[u], partners[v] = (v.start, v.end), (u.start, u.end)
    return [replace(u, partner=partners[u]) if u in partners else u for u in found]


OPTIONS = {
    "min-chars": Option(int, 15, "shortest sentence (characters) reported inside a pair"),
    "min-margin": Option(
        float, 1.0, "confidence needed to report a sentence inside a pair (higher: fewer)"
    ),
}


class _SentenceRule(Rule):
    """What missing-sentence and added-sentence share: both report the unpaired sentences
    of one side (``side``) of the pairs' sentence alignment."""

    side: Side = "source"  # the side whose unpaired sentences the rule reports
    gaps = True  # lintr.findings.subsume: what lies inside the text reported is its defect
    uses_dictionaries = True  # `lintr explain` lists the bilingual dictionaries installed

    def check(self, pair: Pair) -> Iterator[Finding]:
        yield from self._whole(pair)
        found = unpaired_sentences(pair)
        for u in found:
            if u.side != self.side:
                continue
            if u.partner is None:
                if self._reportable(pair, u):
                    yield self._unpaired(pair, u)
            elif any(self._reportable(pair, v) for v in (u, _partner(found, u))):
                yield self._misaligned(pair, u)

    def _reportable(self, pair: Pair, u: Unpaired) -> bool:
        """Long and clear enough (``min-chars``, ``min-margin``), and with a sentence-level
        reading at all: not where the other side is one sentence without sentence
        punctuation (see Reading). A misaligned pair of sentences needs no such reading:
        the words they share are the evidence."""
        text = pair.side(u.side).text[u.start : u.end]
        if u.margin < self.settings["min-margin"] or length(text) < self.settings["min-chars"]:
            return False
        return u.reading != "none" or u.partner is not None

    def _unpaired(self, pair: Pair, u: Unpaired) -> Finding:
        mine, other = _sides(pair, self.side)
        text = mine.text[u.start : u.end]
        message = self._message(pair, text)
        if u.reading != "clear":
            message += (
                f" (the two sides are cut into sentences differently here: check whether it "
                f"translates a part of a neighbouring {other.profile.name} sentence)"
            )
        finding = self.finding(
            message,
            mine.location(u.start, u.end),
            [
                Related(
                    other.location(u.other_offset, u.other_offset),
                    f"no counterpart in this {other.profile.name} {other.side}",
                )
            ],
            detail=f"{u.side}:{' '.join(text.split())}",
            side=self._side,
        )
        if u.reading != "clear":  # a hint, not a verdict: most are pieces of a longer sentence
            finding.severity = Severity.INFO
        return finding

    def _misaligned(self, pair: Pair, u: Unpaired) -> Finding:
        """One finding for a sentence reported on one side and its translation on the other:
        both rules make it, pointing at each other, and lintr.findings.subsume keeps one."""
        assert u.partner is not None
        mine, other = _sides(pair, self.side)
        text = mine.text[u.start : u.end]
        finding = self.finding(
            f"misaligned sentences: this sentence of the {mine.profile.name} {mine.side} seems "
            f"translated by a sentence elsewhere in the {other.profile.name} {other.side}, "
            f'not beside it (reordered, or split differently): "{_excerpt(text)}"',
            mine.location(u.start, u.end),
            [
                Related(
                    other.location(*u.partner),
                    f"its translation seems to be this {other.profile.name} sentence",
                )
            ],
            detail=f"misaligned:{u.side}:{' '.join(text.split())}",
            side=None,
        )
        finding.severity = min(finding.severity, Severity.WARNING)
        return finding

    # The side of the rule's findings (Finding.side); None: about the pair.
    _side: Side | None = None

    def _whole(self, pair: Pair) -> Iterator[Finding]:
        raise NotImplementedError

    def _message(self, pair: Pair, text: str) -> str:
        raise NotImplementedError


def _sides(pair: Pair, side: Side) -> tuple[PairSide, PairSide]:
    return (pair.source, pair.target) if side == "source" else (pair.target, pair.source)


def _partner(found: list[Unpaired], u: Unpaired) -> Unpaired:
    return next(v for v in found if v.side != u.side and (v.start, v.end) == u.partner)
