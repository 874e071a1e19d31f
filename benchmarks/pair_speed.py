"""How fast the sentence alignment inside pairs is (missing-sentence / added-sentence).

Reads a TSV of pairs (source<TAB>target), learns the corpus length model and lexicon as
``lintr check`` does (corpus_model on the same sample), then times
``unpaired_sentences`` (the work the two rules share) over every pair, in this process:
CPU seconds (time.process_time), the best of ``--repeat`` passes (the machine is shared).
Then one more pass with each stage timed: sentence splitting, the plain-parallel test,
and for the pairs that go on to the dynamic programme: units (anchors), lexicon anchors,
anchor weights and the search. Not part of the test run.

    python benchmarks/pair_speed.py benchmarks/data/synth-ar-en-n10000-s1-d0.015-v3.tsv
    python benchmarks/pair_speed.py FILE.tsv --pairs 2000 --repeat 5
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from lintr.align import costs, search
from lintr.align.length import SAMPLE, corpus_model, fallback_model
from lintr.api import registry
from lintr.model import Pair, PairSide, Segment
from lintr_plugins.rules.alignment import sentence_rules as alignment


def load(path: str, limit: int | None, source: str, target: str) -> list[Pair]:
    reg = registry()
    src, tgt = reg.languages.generic(source), reg.languages.generic(target)
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            s, _, t = line.rstrip("\n").partition("\t")
            rows.append((s, t))
            if limit and len(rows) == limit:
                break
    fallback = fallback_model(src, tgt)
    model = corpus_model(rows[:: max(1, len(rows) // SAMPLE)], src, tgt, fallback)
    pairs = []
    for i, (s, t) in enumerate(rows):
        pair = Pair(
            PairSide((Segment(s, path, i + 1, 1),), src, "source"),
            PairSide((Segment(t, path, i + 1, len(s) + 2),), tgt, "target"),
            index=i,
        )
        pair.length_model = model
        pairs.append(pair)
    return pairs


def one_pass(pairs: list[Pair]) -> float:
    for pair in pairs:
        pair.memo.clear()
    start = time.process_time()
    for pair in pairs:
        alignment.unpaired_sentences(pair)
    return time.process_time() - start


def stages(pairs: list[Pair]) -> tuple[dict[str, float], dict[str, int]]:
    """CPU seconds and calls of each stage, from a pass with the stages wrapped."""
    spent: dict[str, float] = {}
    calls: dict[str, int] = {}

    def timed(name: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
                calls[name] = calls.get(name, 0) + 1

        return wrapper

    wrapped = [
        (alignment, "split", "split (per side)"),
        (alignment, "_plainly_parallel", "plain-parallel test"),
        (alignment, "_align", "aligned pairs, in all"),
        (alignment, "units", "units: anchors (per side)"),
        (alignment, "with_lexicon", "lexicon anchors"),
        # The search's and the unpaired margin's calls, each through its own module.
        (search, "anchor_weights", "anchor weights"),
        (costs, "anchor_weights", "anchor weights"),
        (search, "_search", "search"),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in wrapped]
    for module, name, label in wrapped:
        setattr(module, name, timed(label, getattr(module, name)))
    try:
        one_pass(pairs)
    finally:
        for module, name, function in saved:
            setattr(module, name, function)
    return spent, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv")
    parser.add_argument("--pairs", type=int, help="the first N pairs only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--source-lang", default="ar")
    parser.add_argument("--target-lang", default="en")
    args = parser.parse_args()
    pairs = load(args.tsv, args.pairs, args.source_lang, args.target_lang)
    times = [one_pass(pairs) for _ in range(args.repeat)]
    n = len(pairs)
    print(
        f"{n:,} pairs: unpaired_sentences {1e6 * min(times) / n:.0f} us/pair (best of "
        f"{args.repeat}: {', '.join(f'{1e6 * t / n:.0f}' for t in times)})"
    )
    spent, calls = stages(pairs)
    aligned = calls.get("aligned pairs, in all", 0)
    print(f"{aligned:,} pairs ({100 * aligned / n:.1f}%) go to the dynamic programme")
    print(f"{'stage':<28} {'calls':>8} {'us/call':>8} {'us/pair':>8}")
    for label, seconds in spent.items():
        count = calls[label]
        print(f"{label:<28} {count:>8,} {1e6 * seconds / count:>8.0f} {1e6 * seconds / n:>8.0f}")


if __name__ == "__main__":
    main()
