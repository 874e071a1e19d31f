#!/usr/bin/env python3
"""CPU time of each rule, in one process (not a test).

Reads the first N pairs of a TSV corpus (source<TAB>target, Arabic -> English), builds
batches of 500 pairs as a worker does, and times each rule with ``time.process_time``:
``check`` of every pair for pair rules, ``collect_batch`` for corpus rules, in the
registry's order (the first rule that needs a pair's shared tokens pays for them). Prints
CPU µs per pair, most expensive first. To compare with an older commit, export it
(``git archive COMMIT | tar -x -C DIR``, then ``ln -s plugins DIR/lintr_plugins``) and run
this script with ``PYTHONPATH=DIR``; alternate the two, the machine's load moves the
numbers.

    python benchmarks/rule_cpu.py benchmarks/data/synth-ar-en-n10000-s1-d0.015-v3.tsv
    python benchmarks/rule_cpu.py benchmarks/data/names-eval/untouched.tsv --pairs 12734 \\
        --rules doubled-word,spelling-variant
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from itertools import islice

from lintr import registry as plugins
from lintr.model import Pair, PairSide, Segment

BATCH = 500


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tsv")
    parser.add_argument("--pairs", type=int, default=10000, help="the first N pairs")
    parser.add_argument("--rules", default="", help="comma-separated rule ids (default: all)")
    args = parser.parse_args()
    registry = plugins.load()
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    wanted = set(filter(None, args.rules.split(",")))
    rules = [cls() for rid, cls in registry.rules.items() if not wanted or rid in wanted]
    with open(args.tsv, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").partition("\t")[::2] for line in islice(handle, args.pairs)]
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for first in range(0, len(rows), BATCH):
        pairs = [
            Pair(
                PairSide((Segment(src, args.tsv, n, 1),), ar, "source"),
                PairSide((Segment(tgt, args.tsv, n, len(src) + 2),), en, "target"),
                n - 1,
            )
            for n, (src, tgt) in enumerate(rows[first : first + BATCH], start=first + 1)
        ]
        for pair in pairs:
            for rule in rules:
                if rule.scope != "corpus":
                    started = clock()
                    list(rule.check(pair))
                    spent[rule.id] += clock() - started
        for rule in rules:
            if rule.scope == "corpus":
                started = clock()
                rule.collect_batch(pairs)
                spent[rule.id] += clock() - started
    for rule_id, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{rule_id:32} {1e6 * seconds / len(rows):8.1f} µs a pair")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
