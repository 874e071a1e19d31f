#!/usr/bin/env python3
"""Start-up: the time of a one-pair ``lintr check``, what a pre-commit hook pays (not a test).

Writes a one-pair TSV (Arabic source with a number and a quantity, English target) and
runs ``lintr check PAIR --source-lang ar --target-lang en -q`` with each installed lintr
given (default: the one beside this interpreter), alternating them round by round so that
the machine's load falls on each alike. One warm-up run of each first writes its byte code;
``PYTHONDONTWRITEBYTECODE`` is unset for every run, as it is on a user's machine. Each run
is timed from this process (wall) and by ``os.wait4`` (CPU: user + system of the child).
Prints the fastest and the median wall and CPU of each, and checks that all gave the same
output.

``--importtime K`` also runs each once under ``python -X importtime`` and prints its K
largest imports by self time, with the count of modules imported. ``--callgrind`` also
counts each run's instructions under valgrind's callgrind (deterministic where wall time is
not: the figure to compare on a shared machine; needs valgrind, about 20 s a run).

    python benchmarks/startup.py                             # the lintr of this interpreter
    python benchmarks/startup.py --runs 30 --lintr /tmp/before/bin/lintr /tmp/after/bin/lintr
    python benchmarks/startup.py --importtime 15 --callgrind --json

Compare like with like: two non-editable installs (an editable one adds an import finder).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAIR = (
    "قال رسول الله صلى الله عليه وسلم: صلاة الجماعة أفضل من صلاة الفذ بسبع وعشرين درجة، "
    "ومشى ٣ أميال.\tThe Messenger of Allah said: prayer in congregation is better than "
    "prayer alone by twenty-seven degrees, and he walked 3 miles.\n"
)
ARGS = ["check", "--source-lang", "ar", "--target-lang", "en", "-q"]


def environment() -> dict[str, str]:
    """This process's environment, byte code written and hashes fixed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    return env


def command(lintr: str, pair: str) -> list[str]:
    return [lintr, ARGS[0], pair, *ARGS[1:]]


def timed(cmd: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system of the child) and stdout of one run."""
    started = time.perf_counter()
    # Run beside the pair: no configuration file of the current folder is read.
    folder = os.path.dirname(cmd[2])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=environment(), cwd=folder)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"startup: {' '.join(cmd)} failed")
    return wall, usage.ru_utime + usage.ru_stime, out


def python_of(lintr: str) -> str:
    """The interpreter of an installed ``lintr`` script (its ``#!`` line)."""
    with open(lintr, encoding="utf-8") as script:
        first = script.readline()
    return first[2:].strip() if first.startswith("#!") else sys.executable


def importtime(lintr: str, pair: str, top: int) -> dict:
    """The ``top`` imports by self time (µs) of one run, and how many modules it imported."""
    code = "import sys; from lintr.cli import main; sys.argv[0] = 'lintr'; sys.exit(main())"
    # -P: the current folder not first on sys.path (a lintr checkout may be there).
    cmd = [python_of(lintr), "-P", "-X", "importtime", "-c", code, *command(lintr, pair)[1:]]
    folder = os.path.dirname(pair)
    err = subprocess.run(cmd, capture_output=True, env=environment(), cwd=folder).stderr
    rows = re.findall(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", err.decode())
    found = [(int(own), int(total), name) for own, total, _, name in rows]
    return {
        "modules": len(found),
        "lintr_modules": sum(name.startswith("lintr") for _, _, name in found),
        "top_self_us": [[name, own] for own, _, name in sorted(found, reverse=True)[:top]],
    }


def instructions(lintr: str, pair: str) -> int | None:
    """Instructions of one run under callgrind, or None without valgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out"]
        try:
            done = subprocess.run(
                [*cmd, *command(lintr, pair)],
                capture_output=True,
                env=environment(),
                cwd=os.path.dirname(pair),
            )
        except FileNotFoundError:
            return None
    found = re.search(rb"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def measure(lintrs: list[str], pair: str, runs: int) -> dict[str, dict]:
    """Fastest and median wall and CPU of ``runs`` runs of each, alternated."""
    outputs = {lintr: timed(command(lintr, pair))[2] for lintr in lintrs}  # warm-up
    if len(set(outputs.values())) > 1:
        print("startup: warning: the lintrs gave different outputs", file=sys.stderr)
    walls: dict[str, list[float]] = {lintr: [] for lintr in lintrs}
    cpus: dict[str, list[float]] = {lintr: [] for lintr in lintrs}
    for _ in range(runs):
        for lintr in lintrs:
            wall, cpu, _ = timed(command(lintr, pair))
            walls[lintr].append(wall)
            cpus[lintr].append(cpu)
    return {
        lintr: {
            "wall_min_ms": round(1000 * min(walls[lintr]), 1),
            "wall_median_ms": round(1000 * statistics.median(walls[lintr]), 1),
            "cpu_min_ms": round(1000 * min(cpus[lintr]), 1),
            "cpu_median_ms": round(1000 * statistics.median(cpus[lintr]), 1),
        }
        for lintr in lintrs
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = str(Path(sys.executable).with_name("lintr"))
    parser.add_argument("--lintr", nargs="+", default=[default], help="lintr scripts to time")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each")
    parser.add_argument("--importtime", type=int, default=0, metavar="K", help="K top imports")
    parser.add_argument("--callgrind", action="store_true", help="count instructions too")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pair = os.path.join(tmp, "one.tsv")
        Path(pair).write_text(PAIR, encoding="utf-8")
        results = measure(args.lintr, pair, args.runs)
        for lintr, row in results.items():
            if args.callgrind:
                row["instructions"] = instructions(lintr, pair)
            if args.importtime:
                row["imports"] = importtime(lintr, pair, args.importtime)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        report(results, args.runs)
    return 0


def report(results: dict[str, dict], runs: int) -> None:
    print(f"one-pair lintr check, {runs} runs each (ms)")
    print("| lintr | wall min | wall median | CPU min | CPU median | instructions |")
    print("|---|---:|---:|---:|---:|---:|")
    for lintr, row in results.items():
        count = row.get("instructions")
        shown = f"{count / 1e9:.4f} G" if count else ""
        print(
            f"| {lintr} | {row['wall_min_ms']} | {row['wall_median_ms']} | "
            f"{row['cpu_min_ms']} | {row['cpu_median_ms']} | {shown} |"
        )
    for lintr, row in results.items():
        imports = row.get("imports")
        if imports:
            print(
                f"\n{lintr}: {imports['modules']} modules imported "
                f"({imports['lintr_modules']} of lintr); largest by self time (µs):"
            )
            for name, own in imports["top_self_us"]:
                print(f"  {own:>7}  {name}")


if __name__ == "__main__":
    sys.exit(main())
