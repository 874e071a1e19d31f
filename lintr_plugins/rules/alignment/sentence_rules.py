"""What the alignment rules share."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lintr.align.beads import SENTENCE, units, with_lexicon
from lintr.align.costs import unpaired_margin
from lintr.align.length import LengthModel, fallback_model, length
from lintr.align.search import align
from lintr.align.sentences import split
from lintr.model import Finding, Location, Pair, PairSide, Related
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

    side: str  # "source" or "target"
    start: int
    end: int
    margin: float  # confidence: extra cost of pairing it with a neighbour instead
    other_offset: int  # where, on the other side, its counterpart would be


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
    found = []
    s_at, t_at = 0, 0  # end offsets of the last paired sentences on each side
    for index, (rs, rt) in enumerate(beads):
        if rs and rt:
            s_at, t_at = s_spans[rs[-1]][1], t_spans[rt[-1]][1]
            continue
        margin = unpaired_margin(beads, index, s_units, t_units, model, SENTENCE)
        if rs:
            a, b = s_spans[rs[0]]
            found.append(Unpaired("source", a, b, margin, t_at))
        else:
            a, b = t_spans[rt[0]]
            found.append(Unpaired("target", a, b, margin, s_at))
    return found


OPTIONS = {
    "min-chars": Option(int, 15, "shortest sentence (characters) reported inside a pair"),
    "min-margin": Option(
        float, 1.0, "confidence needed to report a sentence inside a pair (higher: fewer)"
    ),
}


class _SentenceRule(Rule):
    side = "source"
    uses_dictionaries = True  # `lintr explain` lists the bilingual dictionaries installed

    def check(self, pair: Pair) -> Iterator[Finding]:
        yield from self._whole(pair)
        mine = pair.side(self.side)
        other = pair.target if self.side == "source" else pair.source
        for u in unpaired_sentences(pair):
            if u.side != self.side or u.margin < self.settings["min-margin"]:
                continue
            text = mine.text[u.start : u.end]
            if length(text) < self.settings["min-chars"]:
                continue
            yield self.finding(
                self._message(pair, text),
                mine.location(u.start, u.end),
                [
                    Related(
                        other.location(u.other_offset, u.other_offset),
                        f"no counterpart in this {other.profile.name} {other.side}",
                    )
                ],
                detail=f"{u.side}:{' '.join(text.split())}",
            )
