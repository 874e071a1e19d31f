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

``--speed TSV`` measures instead what the number rules cost: CPU seconds (user + sys of the
lintr process, from os.wait4) of the default rule set, of the default set without the number
rules, of the number rules alone and of one trivial rule alone (reading and writing), on TSV,
for this checkout and, with ``--base-python``, for the interpreter of another checkout (the
code before), alternating the two in every round:

    python benchmarks/numbers_eval.py --speed data/synth.tsv \
        --base-python /tmp/base/.venv/bin/python --rounds 5

Standard library only, so that it runs with the interpreter lintr is installed in.
"""

from __future__ import annotations

import argparse
import json
import os
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


def cpu_seconds(python: str, tsv: Path, extra: list[str]) -> float:
    """user + sys CPU seconds of one lintr run (os.wait4: this child alone)."""
    cmd = [python, "-m", "lintr", "check", str(tsv), "--source-lang", "ar", "--target-lang", "en"]
    cmd += ["--format", "jsonl", "--quiet", "--no-progress", "--jobs", "1", *extra]
    with open(os.devnull, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=tsv.parent)
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"numbers_eval: lintr failed: {shlex.join(cmd)}")
    return round(usage.ru_utime + usage.ru_stime, 2)


# Run by each interpreter: the CPU seconds of the number rules' check() over every pair of
# the TSV, in one process, after the pairs and their words (PairSide.tokens, which the number
# rules share with doubled-word in a default run) are made: no start-up, reading or output.
IN_PROCESS = """
import sys, time
from lintr import registry as plugins
from lintr.model import Pair, PairSide, Segment
reg = plugins.load()
ar, en = reg.languages.get("ar"), reg.languages.get("en")
rules = [reg.rules[r]({}) for r in sys.argv[2].split(",")]
pairs = []
with open(sys.argv[1], encoding="utf-8") as tsv:
    for n, line in enumerate(tsv, 1):
        a, _, e = line.rstrip("\\n").partition("\\t")
        pairs.append(Pair(PairSide((Segment(a, "s", n, 1),), ar, "source"),
                          PairSide((Segment(e, "t", n, 1),), en, "target"), n))
for pair in pairs:  # the words doubled-word finds first in a default run, shared by rules
    pair.source.tokens, pair.target.tokens
started = time.process_time()
found = sum(len(list(rule.check(pair))) for pair in pairs for rule in rules)
print(time.process_time() - started, found)
"""


def in_process_seconds(python: str, tsv: Path, rules: str) -> float:
    # cwd away from any checkout: "python -c" puts the working directory first on sys.path,
    # and run from this checkout the other interpreter would import this checkout's lintr
    done = subprocess.run(
        [python, "-c", IN_PROCESS, str(tsv), rules],
        capture_output=True,
        text=True,
        check=True,
        cwd=tsv.parent,
    )
    return round(float(done.stdout.split()[0]), 2)


def number_rules(python: str) -> str:
    """The number rules that interpreter's lintr has (the code before had no unit-mismatch)."""
    listed = subprocess.run([python, "-m", "lintr", "rules"], capture_output=True, text=True)
    return ",".join(r for r in RULES if r in listed.stdout.split())


def speed(tsv: Path, pythons: dict[str, str], rounds: int) -> dict:
    """CPU seconds per configuration and checkout, the checkouts alternating in each round."""
    rules = {name: number_rules(python) for name, python in pythons.items()}
    configs = {
        "default": lambda name: [],
        "default without the number rules": lambda name: ["--ignore", rules[name]],
        "the number rules alone": lambda name: ["--select", rules[name]],
        "doubled-word alone": lambda name: ["--select", "doubled-word"],
    }
    inside = "the number rules' check() in process"
    runs: dict[str, dict[str, list[float]]] = {
        n: {c: [] for c in [*configs, inside]} for n in pythons
    }
    for r in range(rounds):
        for config, extra in configs.items():
            for name, python in pythons.items():
                runs[name][config].append(cpu_seconds(python, tsv, extra(name)))
        for name, python in pythons.items():
            runs[name][inside].append(in_process_seconds(python, tsv, rules[name]))
        print(f"round {r + 1}/{rounds}: {json.dumps(runs)}", file=sys.stderr, flush=True)
    return {"rules": rules, "cpu_seconds": runs}


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


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
    parser.add_argument("--speed", type=Path, metavar="TSV", help="measure CPU cost on TSV")
    parser.add_argument("--base-python", help="with --speed: the interpreter of the code before")
    parser.add_argument("--rounds", type=int, default=5, help="with --speed (default 5)")
    args = parser.parse_args(argv)
    if args.speed:
        pythons = {"this": sys.executable}
        if args.base_python:
            pythons = {"base": args.base_python, **pythons}
        result = speed(args.speed.resolve(), pythons, args.rounds)
        for name, configs in result["cpu_seconds"].items():
            for config, values in configs.items():
                shown = " ".join(f"{v:.2f}" for v in values)
                print(f"{name:5} {config:34} median {median(values):6.2f}  ({shown})")
        if args.json:
            print(json.dumps(result, indent=2))
        return 0

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
