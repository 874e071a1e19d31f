#!/usr/bin/env python3
"""How big the corpus rules' states grow with the corpus (not a test).

Reads a TSV corpus (source<TAB>target, Arabic -> English), feeds it pair by pair to each
corpus rule's collect/merge, as the engine does, and prints at checkpoints the size of each
state pickled (what a worker process sends back to be merged; a proxy for its memory).

    python benchmarks/corpus_state.py benchmarks/data/synth-ar-en-n100000-s1-d0.015-v3.tsv
    python benchmarks/corpus_state.py benchmarks/data/names-eval/untouched.tsv --every 2000

Generate the first with ``python benchmarks/bench.py --pairs 100000 --generate-only``; the
second is written by names_eval.py.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time

from lintr import registry as plugins
from lintr.model import Pair, PairSide, Segment

RULES = ("inconsistent-transliteration", "spelling-variant", "inconsistent-translation")


def pairs(path: str, registry):
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, start=1):
            src, _, tgt = line.rstrip("\n").partition("\t")
            yield Pair(
                PairSide((Segment(src, path, n, 1),), ar, "source"),
                PairSide((Segment(tgt, path, n, len(src) + 2),), en, "target"),
                n - 1,
            )


def size(state) -> int:
    return len(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tsv")
    parser.add_argument("--every", type=int, default=25000, help="pairs between checkpoints")
    args = parser.parse_args()
    registry = plugins.load()
    rules = [registry.rules[r]() for r in RULES]
    states: list = [None] * len(rules)
    started, n = time.perf_counter(), 0
    print(f"{'pairs':>8}  " + "  ".join(f"{r:>30}" for r in RULES) + "   (pickled MB)")
    for n, pair in enumerate(pairs(args.tsv, registry), start=1):
        for i, rule in enumerate(rules):
            state = rule.collect(pair)
            states[i] = state if states[i] is None else rule.merge(states[i], state)
        if n % args.every == 0:
            row = "  ".join(f"{size(s) / 1e6:30.2f}" for s in states)
            print(f"{n:8,}  {row}", flush=True)
    if n % args.every:
        print(f"{n:8,}  " + "  ".join(f"{size(s) / 1e6:30.2f}" for s in states))
    names = states[0]
    print(
        f"\n{n:,} pairs in {time.perf_counter() - started:.0f} s (noisy: shared machine); "
        f"inconsistent-transliteration holds {len(names.names):,} folded names, "
        f"{sum(len(v) for v in names.names.values()):,} spellings, "
        f"{len(names.lower):,} lower-case words; spelling-variant holds "
        f"{sum(len(c) for c in states[1].counts.values()):,} words; inconsistent-translation "
        f"{len(states[2].by_source):,} occurrences of sources",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
