"""The length model: how many target characters a source character becomes, and how much
that varies, learned from a document or a corpus and priced Gale-Church style (with a cap,
since real translations have heavy-tailed length ratios)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lintr.align import lexicon
from lintr.languages.profile import LanguageProfile

DEFAULT_VARIANCE = 6.8  # Gale & Church's per-character variance, before a document teaches its own
# The length cost stops growing here: real translations have heavy-tailed length ratios
# (a hadith's Arabic chain of narrators against a one-line English summary), and a pair
# that is merely odd in length should not push the path off its anchors. Measured on
# hadith text: capping at 4 cut false alarms from 35 to 6-9 per 1,000 pairs.
LENGTH_CAP = 4.0
MIN_LEARN = 8  # corresponding units needed to learn a length model
SAMPLE = 20000  # pairs of a line-aligned corpus learned from


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
# the same in plain Python and numpy, so both searches price beads alike (lintr.align.search
# writes the cost out inline with the same terms).
ERFC_TERMS = (0.3275911, 0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
_P, _A1, _A2, _A3, _A4, _A5 = ERFC_TERMS


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
