"""What the aligner works on: units (its view of a segment or a sentence: a length and
anchors) and beads (the shapes that pair units: 1-1, 1-0, 0-1, 2-1, 1-2, 2-2), with the
prior cost of each shape at the two levels, sentences and paragraphs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from lintr.align import lexicon
from lintr.align.anchors import anchors
from lintr.align.length import length
from lintr.languages.profile import LanguageProfile

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


@dataclass(frozen=True, slots=True)
class Unit:
    """What the aligner sees of a segment or a sentence."""

    length: int
    anchors: frozenset[str]


def units(texts: Sequence[str], profile: LanguageProfile) -> list[Unit]:
    return [Unit(length(t), anchors(t, profile)) for t in texts]


Bead = tuple[range, range]


def one_to_one(bead: Bead) -> bool:
    return len(bead[0]) == 1 and len(bead[1]) == 1


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
