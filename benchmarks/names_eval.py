#!/usr/bin/env python3
"""Evaluation of the corpus consistency rules on real Arabic-English text (not a test).

The corpus is two published hadith collections with their English translations (Sahih
Muslim and Sunan Abi Dawud, 12,734 pairs; loaded as in align_eval.py, downloaded at run
time, never committed), as one TSV, Arabic source and English target. It is full of names
(Abu Huraira, 'A'isha, Qatada...), and the two collections were translated by different
hands, so it also holds real inconsistencies of its own.

1. The untouched corpus: lintr's findings per 1,000 pairs for each rule, and a sample of
   findings to check by hand (--sample N writes them to a file; the verdicts are in
   names_handcheck.md).
2. Injected respellings: names are picked from the corpus without lintr (capitalised words
   of 4+ letters seen 5+ times and never written in lower case, less an exclusion list of
   English words); one occurrence of a name at a time, in a pair of its own, is respelled
   in one of seven ways (diacritic added or dropped, a vowel changed, y/i, final h,
   a doubled or undoubled consonant, an ʿayn/apostrophe added or dropped, its ʿayn sign
   typed with another apostrophe: ' for ‘, "ayn-mark"); the respelled form is new to the
   corpus (for "ayn-mark", with its apostrophes as typed). Recall: the share of injected
   respellings that inconsistent-transliteration reports at the injected word.

    python benchmarks/names_eval.py                     # the whole corpus, 50 per kind
    python benchmarks/names_eval.py --per-kind 100 --seed 2
    python benchmarks/names_eval.py --sample 60 --json

Standard library only; lintr is run as a command (``python -m lintr``), like a user would.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from align_eval import DATA, load_corpus  # noqa: E402  (the same corpus loader)

RULES = "inconsistent-transliteration,spelling-variant,inconsistent-translation,glossary"
KINDS = ("diacritic", "vowel", "y-i", "final-h", "doubled", "ayn", "ayn-mark")
# The apostrophes that type an ʿayn or hamza sign ("'Umar", "‘Umar", "’Umar"): one name typed
# with another of them in one place only is the "ayn-mark" respelling.
APOSTROPHES = "'‘’"
TARGET_RECALL = 0.8
# Capitalised English words of this corpus that are not transliterated names.
NOT_NAMES = set(
    "Messenger Prophet Apostle Paradise Hell Fire Book Lord Day Resurrection Companions "
    "Companion Muslims Muslim Jews Christians Mother Believers Faithful Ansar Emigrants "
    "Hour Mosque Sacred House Holy Garden Friday Sunday Monday Tuesday Wednesday Thursday "
    "Saturday Chapter Verse Abu Umm Ibn Bint Bani Banu Allah".split()
)
GLOSSARY = """# A small glossary of this corpus's most frequent terms (for the glossary rule).
source\tapproved\tforbidden
رسول الله\tMessenger of Allah|Apostle of Allah|Allah's Messenger|Allah's Apostle|Prophet|ﷺ\tMessenger of God
الجنة\tParadise|Garden|Jannah\t
الصلاة\tprayer|salat|Salah|prayed|pray\t
"""
WORD = re.compile(r"(?<![\w'’])['’]?[A-Z][a-z]+(?:['’][a-z]+)?")
VOWELS = "aeiou"
MACRON = {"a": "ā", "i": "ī", "u": "ū"}
PLAIN = {"ā": "a", "ī": "i", "ū": "u", "ḥ": "h", "ṣ": "s", "ḍ": "d", "ṭ": "t", "ẓ": "z"}


# --------------------------------------------------------------------------------------
# Respellings
# --------------------------------------------------------------------------------------


def respell(word: str, kind: str, rng: random.Random) -> str | None:
    """``word`` spelled another way of ``kind``, or None where that kind does not apply."""
    head = 1 if word[0] in "'’" else 0
    body = word[head:]
    spots: list[str] = []
    if kind == "diacritic":
        if any(c in PLAIN for c in body):
            spots = ["".join(PLAIN.get(c, c) for c in word)]
        else:
            spots = [
                word[:i] + MACRON[c] + word[i + 1 :]
                for i, c in enumerate(word)
                if c in MACRON and i > head
            ]
    elif kind == "vowel":
        swap = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}
        spots = [
            word[:i] + swap[c] + word[i + 1 :] for i, c in enumerate(word) if c in swap and i > head
        ]
    elif kind == "y-i":
        for i in range(head + 1, len(word)):
            if word[i] == "y" and word[i - 1] in VOWELS:
                spots.append(word[:i] + "i" + word[i + 1 :])
            elif word[i] == "i" and word[i - 1] in "aeou":
                spots.append(word[:i] + "y" + word[i + 1 :])
    elif kind == "final-h":
        if word.endswith("ah"):
            spots = [word[:-1]]
        elif word.endswith("a"):
            spots = [word + "h"]
    elif kind == "doubled":
        for i in range(head + 1, len(word) - 1):
            c = word[i]
            if c.isalpha() and c not in VOWELS + "yhw":
                if word[i + 1] == c:
                    spots.append(word[:i] + word[i + 1 :])
                elif word[i - 1] != c and word[i - 1] in VOWELS and word[i + 1] in VOWELS:
                    spots.append(word[:i] + c + word[i:])
    elif kind == "ayn":
        if "'" in word or "’" in word:
            i = max(word.find("'"), word.find("’"))
            spots = [word[:i] + word[i + 1 :], word[:i] + "ʿ" + word[i + 1 :]]
        elif word[0] in "AEIOU":
            spots = ["'" + word, "ʿ" + word]
    elif kind == "ayn-mark":
        for i, c in enumerate(word):
            if c in APOSTROPHES:
                spots += [word[:i] + other + word[i + 1 :] for other in APOSTROPHES if other != c]
    return rng.choice(spots) if spots else None


def pick_names(pairs: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    """Name -> (pair index, offset in the English) of each occurrence, chosen without
    lintr: capitalised, 4+ letters, 5+ times, never in lower case, not an English word."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    lower: Counter[str] = Counter()
    for i, (_, en) in enumerate(pairs):
        for m in WORD.finditer(en):
            found[m.group()].append((i, m.start()))
        lower.update(w.lower() for w in re.findall(r"\b[a-z][a-z']+\b", en))
    return {
        w: places
        for w, places in found.items()
        if len(places) >= 5
        and len(w.strip("'’")) >= 4
        and lower[w.lower().strip("'’")] == 0
        and w.strip("'’") not in NOT_NAMES
    }


def spellings(pairs: list[tuple[str, str]]) -> set[str]:
    """Every word of the English, casefolded: with ’ as ', and as typed (for "ayn-mark")."""
    out = set()
    for _, en in pairs:
        out.update(w.casefold().replace("’", "'") for w in re.findall(r"[\w'’ʿ]+", en))
        out.update(f"typed:{w.casefold()}" for w in re.findall(r"[\w'’‘ʿ]+", en))
    return out


def _known(new: str, kind: str, known: set[str]) -> bool:
    if kind == "ayn-mark":
        return f"typed:{new.casefold()}" in known
    return new.casefold().replace("’", "'") in known


def inject(pairs, per_kind: int, rng: random.Random):
    """The corpus with respellings injected, and where each one is."""
    names = pick_names(pairs)
    known = spellings(pairs)
    order = sorted(names)
    used_pairs: set[int] = set()
    pairs = list(pairs)
    injected = []
    for kind in KINDS:
        tries = 0
        done = 0
        while done < per_kind and tries < 50 * per_kind:
            tries += 1
            name = rng.choice(order)
            row, offset = rng.choice(names[name])
            if row in used_pairs:
                continue
            new = respell(name, kind, rng)
            if new is None or _known(new, kind, known):
                continue
            ar, en = pairs[row]
            if en[offset : offset + len(name)] != name:
                continue
            pairs[row] = (ar, en[:offset] + new + en[offset + len(name) :])
            used_pairs.add(row)
            known.update((new.casefold(), f"typed:{new.casefold()}"))
            injected.append({"kind": kind, "row": row, "offset": offset, "name": name, "new": new})
            done += 1
    return pairs, injected


# --------------------------------------------------------------------------------------
# Running lintr
# --------------------------------------------------------------------------------------


def write_tsv(pairs, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for ar, en in pairs:
            out.write(f"{ar}\t{en}\n")


def run_lintr(path: Path, rules: str) -> tuple[list[dict], float]:
    cmd = [sys.executable, "-m", "lintr", "check", path.name, "--format", "jsonl"]
    cmd += ["--no-progress", "--select", rules]
    started = time.perf_counter()
    proc = subprocess.run(
        cmd, cwd=path.parent, capture_output=True, text=True, env=dict(os.environ)
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"names_eval: lintr exited with {proc.returncode}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], seconds


def project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "glossary.tsv").write_text(GLOSSARY, encoding="utf-8")
    (folder / "lintr.toml").write_text(
        'source-lang = "ar"\ntarget-lang = "en"\n'
        '[rules.glossary]\nglossary-file = "glossary.tsv"\n',
        encoding="utf-8",
    )
    return folder


def recall(findings, injected, pairs) -> dict[str, tuple[int, int]]:
    reported = defaultdict(list)
    for f in findings:
        if f["rule"] == "inconsistent-transliteration":
            reported[f["line"]].append((f["column"], f["end_column"]))
    out: dict[str, list[int]] = {k: [0, 0] for k in KINDS}
    for item in injected:
        ar = pairs[item["row"]][0]
        column = len(ar) + 2 + item["offset"]  # 1-based, after the tab
        end = column + len(item["new"])
        hit = any(c < end and e > column for c, e in reported[item["row"] + 1])
        item["found"] = hit
        out[item["kind"]][0] += hit
        out[item["kind"]][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collections", default="muslim,dawud")
    parser.add_argument("--limit", type=int, default=None, help="pairs in all")
    parser.add_argument("--per-kind", type=int, default=50, help="respellings per kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=0, help="findings per rule to sample")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = load_corpus(args.collections.split(","), args.limit, DATA / "corpora")
    pairs = [(h.ar, h.en) for collection in corpus for h in collection]
    work = project(DATA / "names-eval")
    rng = random.Random(args.seed)

    write_tsv(pairs, work / "untouched.tsv")
    untouched, seconds = run_lintr(work / "untouched.tsv", RULES)
    per_rule = Counter(f["rule"] for f in untouched)
    rates = {r: 1000 * per_rule[r] / len(pairs) for r in RULES.split(",")}

    injected_pairs, injected = inject(pairs, args.per_kind, rng)
    write_tsv(injected_pairs, work / "injected.tsv")
    found, _ = run_lintr(work / "injected.tsv", "inconsistent-transliteration")
    by_kind = recall(found, injected, injected_pairs)
    hits = sum(h for h, _ in by_kind.values())
    total = sum(n for _, n in by_kind.values())

    if args.sample:
        sample = {}
        for rule in RULES.split(","):
            items = [f for f in untouched if f["rule"] == rule]
            sample[rule] = random.Random(args.seed).sample(items, min(args.sample, len(items)))
        with open(work / "sample.json", "w", encoding="utf-8") as out:
            json.dump(sample, out, ensure_ascii=False, indent=1)
    misses = [i for i in injected if not i["found"]]
    result = {
        "pairs": len(pairs),
        "seconds_untouched_run": round(seconds, 1),
        "findings_per_1000_pairs": {r: round(v, 2) for r, v in rates.items()},
        "findings": dict(per_rule),
        "recall_by_kind": {k: f"{h}/{n}" for k, (h, n) in by_kind.items()},
        "recall": round(hits / total, 3) if total else None,
        "misses": misses if args.json else misses[:20],
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(
        f"{len(pairs):,} pairs ({args.collections}); untouched run {seconds:.1f} s (noisy: shared machine)"
    )
    print("\nfindings on the untouched corpus, per 1,000 pairs:")
    for rule, rate in rates.items():
        print(f"  {rule:30} {rate:8.2f}   ({per_rule[rule]} findings)")
    print(f"\ninjected respellings found by inconsistent-transliteration (seed {args.seed}):")
    for kind, (h, n) in by_kind.items():
        print(f"  {kind:10} {h:4}/{n:<4} {h / n if n else 0:.2f}")
    status = "meets" if total and hits / total >= TARGET_RECALL else "below"
    print(
        f"  {'all':10} {hits:4}/{total:<4} {hits / total:.2f}   ({status} the {TARGET_RECALL} target)"
    )
    if misses:
        print("\nsome misses:")
        for item in misses[:12]:
            print(f"  {item['kind']:10} {item['name']} -> {item['new']} (pair {item['row'] + 1})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
