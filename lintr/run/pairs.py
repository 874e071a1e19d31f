"""Pairs given from Python (``lintr.lint``, ``lintr.lint_dask``) as the records of batches.

Pairs are ``(source, target)`` tuples or mappings with ``source`` and ``target`` keys. Pair
number i (from 1) is reported at line i of ``path``, as if the pairs were the rows of a TSV
named ``path``: the target column starts after the source and a tab."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from lintr.align.length import LengthModel, corpus_model, fallback_model
from lintr.languages.profile import LanguageProfile
from lintr.model import Segment
from lintr.run.batches import Record

PairLike = tuple[str, str] | Mapping[str, str]


def texts(pair: PairLike) -> tuple[str, str]:
    if isinstance(pair, Mapping):
        return str(pair["source"]), str(pair["target"])
    source, target = pair
    return str(source), str(target)


def pair_records(pairs: Iterable[PairLike], path: str, first: int, model: Any) -> Iterator[Record]:
    """The records of ``pairs``, the first of which is pair number ``first`` (from 0)."""
    for i, pair in enumerate(pairs, first):
        source, target = texts(pair)
        yield (
            (Segment(source, path, i + 1, 1),),
            (Segment(target, path, i + 1, len(source) + 2),),
            i,
            None,
            model,
        )


def pairs_model(
    sample: list[tuple[str, str]], src: LanguageProfile, tgt: LanguageProfile
) -> LengthModel:
    """The length model and lexicon learned from the first pairs (lintr check learns from a
    sample of a whole file; here the pairs stream, so the first SAMPLE of them stand in)."""
    return corpus_model(sample, src, tgt, fallback_model(src, tgt))
