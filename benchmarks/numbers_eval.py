#!/usr/bin/env python3
"""numeral-mismatch and unit-mismatch on real Arabic-English text (not a test).

Writes the hadith collections that align_eval.py loads (Arabic original, published English
translation; AGPL wheels downloaded at run time into benchmarks/data/corpora/, never
committed) as one TSV, one hadith a line, runs the real CLI with the two number rules, and
reports findings per 1,000 pairs for each rule. ``--sample N`` prints N findings picked at
random (seeded) with both texts, for a person to read and judge: real defect of the
translation, or false alarm of lintr (benchmarks/numbers_handcheck.md records one such
reading).

    python benchmarks/numbers_eval.py                       # muslim + dawud, all pairs
    python benchmarks/numbers_eval.py --sample 60 --seed 1  # and 60 findings to read
    python benchmarks/numbers_eval.py --lintr-args "--config my.toml"

Standard library only, so that it runs with the interpreter lintr is installed in.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from align_eval import DEFAULT_COLLECTIONS, fresh_dir, load_corpus  # noqa: E402

RULES = ("numeral-mismatch", "unit-mismatch")


def write_tsv(path: Path, corpus) -> list:
    pairs = [h for collection in corpus for h in collection]
    with path.open("w", encoding="utf-8") as out:
        for h in pairs:
            out.write(f"{h.ar}\t{h.en}\n")
    return pairs


def run_lintr(tsv: Path, extra: list[str]) -> tuple[list[dict], float]:
    cmd = [
        sys.executable,
        "-m",
        "lintr",
        "check",
        tsv.name,
        "--source-lang",
        "ar",
        "--target-lang",
        "en",
        "--format",
        "jsonl",
        "--no-progress",
        "--select",
        ",".join(RULES),
        "--fail-on",
        "error",
        *extra,
    ]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=tsv.parent, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in proc.stderr:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"numbers_eval: lintr exited with {proc.returncode}: {shlex.join(cmd)}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], seconds


def around(row: str, at: int, width: int) -> str:
    """The text of one side around a finding (the TSV row is ``ar<TAB>en``)."""
    tab = row.index("\t")
    lo, hi = (0, tab) if at < tab else (tab + 1, len(row))
    return row[max(lo, at - width) : min(hi, at + width)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collections", default=DEFAULT_COLLECTIONS)
    parser.add_argument("--limit", type=int, help="pairs in all (default: every hadith)")
    parser.add_argument("--sample", type=int, default=0, help="findings to print for reading")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--context", type=int, default=220, help="characters around each place")
    parser.add_argument("--full", action="store_true", help="print both whole texts too")
    parser.add_argument("--lintr-args", default="", help="more lintr options, one string")
    parser.add_argument("--json", action="store_true", help="machine-readable summary")
    args = parser.parse_args(argv)

    corpus = load_corpus(args.collections.split(","), args.limit, HERE / "data" / "corpora")
    work = fresh_dir(HERE / "data" / "numbers-eval")
    tsv = work / "hadith.tsv"
    pairs = write_tsv(tsv, corpus)
    findings, seconds = run_lintr(tsv, shlex.split(args.lintr_args))
    by_rule = Counter(f["rule"] for f in findings)
    pairs_with = {rule: len({f["line"] for f in findings if f["rule"] == rule}) for rule in RULES}
    summary = {
        "pairs": len(pairs),
        "seconds": round(seconds, 1),
        "findings": {r: by_rule[r] for r in RULES},
        "per_1000_pairs": {r: round(1000 * by_rule[r] / len(pairs), 1) for r in RULES},
        "pairs_with_findings": pairs_with,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{len(pairs):,} pairs ({args.collections}), lintr took {seconds:.1f} s")
        for rule in RULES:
            print(
                f"  {rule:18} {by_rule[rule]:5} findings  "
                f"{1000 * by_rule[rule] / len(pairs):6.1f} per 1,000 pairs  "
                f"({pairs_with[rule]} pairs)"
            )
    if args.sample:
        rng = random.Random(args.seed)
        chosen = sorted(rng.sample(range(len(findings)), min(args.sample, len(findings))))
        for k, i in enumerate(chosen, 1):
            f = findings[i]
            h = pairs[f["line"] - 1]
            print(f"\n#{k} {h.collection} {h.id} line {f['line']} [{f['rule']}] {f['message']}")
            row = f"{h.ar}\t{h.en}"
            places = [f["column"], *(r["column"] for r in f.get("related", []))]
            for column in sorted(set(places)):
                side = "AR" if column <= len(h.ar) else "EN"
                print(f"  {side} @{column}: …{around(row, column - 1, args.context)}…")
            if args.full:
                print(f"  AR: {h.ar}")
                print(f"  EN: {h.en}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
