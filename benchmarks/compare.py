#!/usr/bin/env python3
"""lintr side by side with the tools users would pick instead: OpusFilter and
bicleaner-hardrules, on the same corpus, in the same run (not part of the test run).

    python benchmarks/compare.py                   # 20,000 generated pairs
    python benchmarks/compare.py --pairs 100000
    python benchmarks/compare.py --tsv corpus.tsv  # your own Arabic<TAB>English corpus

Each tool is installed by this script into its own virtual environment under
benchmarks/data/venvs/ (pip, from PyPI) and run in a subprocess on the corpus:

* lintr, default rules, ``--jobs 1`` and ``--jobs 2`` (the interpreter running this script
  must have lintr installed);
* OpusFilter, a ``score`` step with LengthRatioFilter, CharacterScoreFilter,
  TerminalPunctuationFilter, NonZeroNumeralsFilter and RepetitionFilter: every filter on
  every pair, as a linter checks every rule (its ``filter`` step stops at the first
  failing filter);
* bicleaner-hardrules, its default rules (each pair stops at the first rule that discards
  it; ``--bicleaner-all-rules`` runs them all), ``--disable_lm_filter`` (no language
  model) and ``--disable_porn_removal`` (its model would be downloaded). Its language
  identification is off unless ``--bicleaner-lang-ident`` is given: fastspell downloads a
  fastText model (lid.176) from the internet on first use, which this script does not do.

For each it prints wall seconds, pairs/s, CPU seconds, the peak resident memory of the
largest process of the run (wait4 of the tool's process: Linux folds in its waited-for
children) and the speed ratio of lintr to the tool. Standard library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import subprocess
import sys
import time
import venv
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"

OPUSFILTER = ["opusfilter==3.3.1"]
# bicleaner-hardrules imports kenlm even with the LM filter off; fasttext (via fastspell)
# builds with pybind11 outside pip's build isolation; hunspell needs libhunspell-dev.
BICLEANER_STEPS = [
    ["pybind11", "setuptools", "wheel"],
    ["--no-build-isolation", "fasttext"],
    ["kenlm"],
    ["bicleaner-hardrules==2.8.0"],
]


def _bench():
    spec = importlib.util.spec_from_file_location("bench", HERE / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Row:
    tool: str
    what: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    pairs: int
    status: int

    @property
    def rate(self) -> float:
        return self.pairs / self.seconds if self.seconds else 0.0


def run(cmd: list[str], out_path: str, cwd: Path = REPO, env: dict | None = None) -> tuple:
    """Wall seconds, CPU seconds (user + system), peak RSS MB and exit status of ``cmd``."""
    with open(out_path, "wb") as out, open(out_path + ".err", "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def ensure_venv(name: str, steps: list[list[str]], probe: str, quiet: bool) -> Path:
    """A virtual environment with the tool installed; created and filled once."""
    home = DATA / "venvs" / name
    python = home / "bin" / "python"
    if python.exists() and (home / "bin" / probe).exists():
        check = subprocess.run([str(home / "bin" / probe), "--help"], capture_output=True)
        if check.returncode == 0:
            return home
    if not python.exists():
        venv.create(home, with_pip=True)
    for step in steps:
        if not quiet:
            print(f"compare: installing {' '.join(step)} into {home}", file=sys.stderr)
        pip = [str(python), "-m", "pip", "install", "-q", *step]
        done = subprocess.run(pip, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            raise SystemExit(f"compare: cannot install {' '.join(step)} for {name}:\n{tail}")
    return home


def split_tsv(tsv: str, folder: Path) -> tuple[Path, Path, int]:
    """The TSV as two line-aligned files (OpusFilter reads one file per language)."""
    src, tgt = folder / "corpus.ar", folder / "corpus.en"
    pairs = 0
    with (
        open(tsv, encoding="utf-8") as handle,
        open(src, "w", encoding="utf-8") as a,
        open(tgt, "w", encoding="utf-8") as b,
    ):
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 2:
                a.write(fields[0] + "\n")
                b.write(fields[1] + "\n")
                pairs += 1
    return src, tgt, pairs


def opusfilter_config(src: Path, tgt: Path, folder: Path) -> Path:
    filters = [
        {"LengthRatioFilter": {"name": "char", "threshold": 3, "unit": "char"}},
        {"CharacterScoreFilter": {"scripts": ["Arabic", "Latin"], "thresholds": [1, 1]}},
        {"TerminalPunctuationFilter": {"threshold": -2}},
        {"NonZeroNumeralsFilter": {"threshold": 0.5}},
        {"RepetitionFilter": {"threshold": 2, "min_length": 3, "max_length": 100}},
    ]
    config = {
        "common": {"output_directory": str(folder)},
        "steps": [
            {
                "type": "score",
                "parameters": {
                    "inputs": [str(src), str(tgt)],
                    "output": "scores.jsonl",
                    "filters": filters,
                },
            }
        ],
    }
    path = folder / "opusfilter.yaml"
    # JSON is YAML: no YAML library needed here.
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=20000, help="generated pairs (default 20000)")
    parser.add_argument("--tsv", metavar="FILE", help="compare on this TSV instead")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="lintr --jobs runs")
    parser.add_argument("--skip", default="", help="tools to leave out: opusfilter,bicleaner")
    parser.add_argument("--lintr-args", default="", help="more lintr options, one string")
    parser.add_argument(
        "--bicleaner-all-rules",
        action="store_true",
        help="bicleaner --run_all_rules: every rule on every pair (default: stop at the first "
        "rule that discards the pair, as bicleaner does by default)",
    )
    parser.add_argument(
        "--bicleaner-lang-ident",
        action="store_true",
        help="keep bicleaner's language identification (fastspell downloads a fastText model "
        "from the internet on first use)",
    )
    parser.add_argument("--data-dir", default=str(DATA))
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    data = Path(args.data_dir)
    folder = data / "compare"
    folder.mkdir(parents=True, exist_ok=True)
    if args.tsv:
        tsv = args.tsv
    else:
        bench = _bench()
        gen_args = argparse.Namespace(seed=args.seed, defect_rate=0.015, layout="tsv")
        tsv = bench.generate_in_child(gen_args, args.pairs, data).paths[0]
    src, tgt, pairs = split_tsv(tsv, folder)
    skip = set(filter(None, args.skip.split(",")))
    rows: list[Row] = []

    for jobs in args.jobs:
        cmd = [sys.executable, "-m", "lintr", "check", tsv, "--source-lang", "ar"]
        cmd += ["--target-lang", "en", "--format", "jsonl", "--quiet", "--no-progress"]
        cmd += ["--jobs", str(jobs), *shlex.split(args.lintr_args)]
        out = str(folder / f"lintr-jobs{jobs}.jsonl")
        seconds, cpu, peak, code = run(cmd, out, cwd=data)
        rows.append(Row("lintr", f"default rules, --jobs {jobs}", seconds, cpu, peak, pairs, code))

    if "opusfilter" not in skip:
        home = ensure_venv("opusfilter", [OPUSFILTER], "opusfilter", args.quiet)
        config = opusfilter_config(src, tgt, folder)
        cmd = [str(home / "bin" / "opusfilter"), "--overwrite", str(config)]
        seconds, cpu, peak, code = run(cmd, str(folder / "opusfilter.log"))
        rows.append(Row("OpusFilter", "score, 5 filters", seconds, cpu, peak, pairs, code))

    if "bicleaner" not in skip:
        if not Path("/usr/include/hunspell").is_dir():
            raise SystemExit(
                "compare: bicleaner-hardrules needs the hunspell headers to build "
                "(Debian: apt-get install libhunspell-dev); or --skip bicleaner"
            )
        home = ensure_venv(
            "bicleaner-hardrules", BICLEANER_STEPS, "bicleaner-hardrules", args.quiet
        )
        cmd = [str(home / "bin" / "bicleaner-hardrules"), tsv, str(folder / "bicleaner.out")]
        cmd += ["-s", "ar", "-t", "en", "--disable_lm_filter", "--disable_porn_removal"]
        cmd += ["--processes", "1", "--scol", "1", "--tcol", "2", "--quiet"]
        if args.bicleaner_all_rules:
            cmd.append("--run_all_rules")
        if not args.bicleaner_lang_ident:
            cmd.append("--disable_lang_ident")
        seconds, cpu, peak, code = run(cmd, str(folder / "bicleaner.log"))
        what = "all rules" if args.bicleaner_all_rules else "default rules"
        what += ", no LM" + ("" if args.bicleaner_lang_ident else "/langid")
        rows.append(Row("bicleaner-hardrules", what, seconds, cpu, peak, pairs, code))

    report(rows, pairs, tsv, args.json)
    return 0 if all(r.status in (0, 1) for r in rows) else 1


def report(rows: list[Row], pairs: int, tsv: str, as_json: bool) -> None:
    one = next((r for r in rows if r.tool == "lintr" and r.what.endswith("--jobs 1")), None)
    if as_json:
        out = [{**asdict(r), "pairs_per_s": round(r.rate, 1)} for r in rows]
        print(json.dumps({"corpus": tsv, "pairs": pairs, "runs": out}, indent=2))
        return
    print(
        f"corpus: {tsv} ({pairs:,} pairs); machine: {os.cpu_count()} cores (shared: timings noisy)"
    )
    print(
        f"{'tool':<20} {'what':<24} {'seconds':>8} {'pairs/s':>9} {'CPU s':>7} "
        f"{'peak MB':>8} {'lintr -j1 speed-up':>19} {'(CPU)':>7}"
    )
    for r in rows:
        other = one and r.tool != "lintr"
        ratio = f"{one.rate / r.rate:.2f}x" if other and r.rate else ""
        # CPU seconds per pair: steadier than wall time on a machine shared with others.
        cpu = f"{r.cpu_seconds / one.cpu_seconds:.2f}x" if other and one.cpu_seconds else ""
        failed = f"  (exit {r.status})" if r.status not in (0, 1) else ""
        print(
            f"{r.tool:<20} {r.what:<24} {r.seconds:8.1f} {r.rate:9,.0f} {r.cpu_seconds:7.1f} "
            f"{r.peak_mb:8.1f} {ratio:>19} {cpu:>7}{failed}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
