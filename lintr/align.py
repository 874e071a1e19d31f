"""Turning two Documents into Pairs.

For now the pairing is in order: segment i with segment i, the leftovers of the longer side
becoming unpaired pairs (``missing-sentence`` / ``added-sentence``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lintr.languages import LanguageProfile
from lintr.model import Document, Pair, PairSide


def pair_in_order(
    source: Document, target: Document, src: LanguageProfile, tgt: LanguageProfile
) -> Iterator[Pair]:
    n_src, n_tgt = len(source.segments), len(target.segments)
    for i in range(max(n_src, n_tgt)):
        s = (source.segments[i],) if i < n_src else ()
        t = (target.segments[i],) if i < n_tgt else ()
        pair = Pair(PairSide(s, src, "source"), PairSide(t, tgt, "target"), index=i)
        if not s and target.segments and source.segments:
            pair.anchor = PairSide((source.segments[-1],), src, "source").end_location()
        elif not t and target.segments and source.segments:
            pair.anchor = PairSide((target.segments[-1],), tgt, "target").end_location()
        yield pair
