#!/usr/bin/env python3
"""The floor: CPU per pair of the least any ``lintr check`` run must do (not a test).

Reads a TSV corpus with lintr's own streaming reader (``TsvReader.scan``: a first pass that
checks and counts the lines, then the rows read again), builds each pair as the engine
does (``Segment``, ``PairSide``, ``Pair``), finds each side's shared tokens once
(``PairSide.tokens``) and writes nothing. No rule, no corpus lexicon, no output. Each
step is timed cumulatively with ``time.process_time`` (CPU of this process, so less noisy
than wall time on a shared machine); the interpreter's start and imports are left out.
Prints CPU µs per pair and pairs per CPU second, best of ``--repeat`` runs.

    python benchmarks/floor.py benchmarks/data/synth-ar-en-n10000-s1-d0.015-v3.tsv
    python benchmarks/floor.py FILE --repeat 5 --json
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from lintr import registry as plugins
from lintr import text
from lintr.model import Pair, PairSide
from lintr.readers import ReadContext
from lintr.readers.tsv import TsvReader


def read(path: str, ctx: ReadContext) -> int:
    """Both passes of the streaming reader; the number of pairs."""
    stream = TsvReader().scan([path], ctx)
    return sum(1 for _ in stream.rows())


def pairs(path: str, ctx: ReadContext, tokens: bool) -> int:
    stream = TsvReader().scan([path], ctx)
    src, tgt = ctx.languages.get(ctx.source_lang), ctx.languages.get(ctx.target_lang)
    n = 0
    for n, (s, t) in enumerate(stream.rows(), 1):
        pair = Pair(PairSide((s,), src, "source"), PairSide((t,), tgt, "target"), n - 1)
        if tokens:  # computed once and kept on the side, as the rules would find them
            _ = pair.source.tokens, pair.target.tokens
    return n


def best(step: Callable[[], int], repeat: int) -> tuple[float, int]:
    """The least CPU seconds of ``repeat`` runs of ``step``, and its pair count. Each run
    starts with the tokens' per-chunk cache empty, as a ``lintr check`` does."""
    times, count = [], 0
    for _ in range(repeat):
        getattr(text, "_TOKEN_CHUNKS", {}).clear()
        started = time.process_time()
        count = step()
        times.append(time.process_time() - started)
    return min(times), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tsv")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step, best kept")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    registry = plugins.load()
    ctx = ReadContext(registry.languages, "ar", "en")
    steps = {
        "read (both passes)": lambda: read(args.tsv, ctx),
        "+ build the pairs": lambda: pairs(args.tsv, ctx, tokens=False),
        "+ shared tokens of both sides": lambda: pairs(args.tsv, ctx, tokens=True),
    }
    rows = []
    for name, step in steps.items():
        seconds, count = best(step, args.repeat)
        rows.append(
            {
                "step": name,
                "pairs": count,
                "cpu_s": round(seconds, 3),
                "us_per_pair": round(1e6 * seconds / count, 1),
                "pairs_per_s": round(count / seconds),
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'step':32} {'pairs':>8} {'CPU s':>7} {'µs/pair':>8} {'pairs/s':>9}")
    for r in rows:
        print(
            f"{r['step']:32} {r['pairs']:8,} {r['cpu_s']:7.3f} {r['us_per_pair']:8.1f}"
            f" {r['pairs_per_s']:9,}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
