#!/usr/bin/env python3
"""Throughput and memory benchmark for lintr (not part of the test run).

Generates a synthetic Arabic -> English corpus (or takes yours), runs the real CLI on it in
a subprocess, exactly as a user would, and reports wall time, pairs per second, peak memory
and the findings per rule. See benchmarks/README.md.

    python benchmarks/bench.py                         # 100,000 generated pairs
    python benchmarks/bench.py --pairs 10000 100000    # one row per size
    python benchmarks/bench.py --tsv corpus.tsv
    python benchmarks/bench.py --source a.ar.txt --target a.en.txt
    python benchmarks/bench.py --pairs 100000 --profile   # plus a cProfile of one run
    python benchmarks/bench.py --pairs 10000 --jobs-ratio  # --jobs 2 against --jobs 1

Standard library only, so that it runs with the interpreter lintr is installed in.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import shlex
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"

# Bump when the generated text changes, so that files cached under data/ are rebuilt.
GENERATOR_VERSION = 3

# --------------------------------------------------------------------------------------
# Lexicon: real Arabic words and phrases with their English translations, news register
# (the seed is a news article). Sentences are built from these, so both sides use real
# vocabulary, the same names and the same numbers.
# --------------------------------------------------------------------------------------

SUBJECTS = [
    ("الجيش السوري", "the Syrian army"),
    ("الحكومة", "the government"),
    ("وزارة الصحة", "the Ministry of Health"),
    ("المجلس البلدي", "the municipal council"),
    ("الأمم المتحدة", "the United Nations"),
    ("البنك المركزي", "the central bank"),
    ("التحالف الدولي", "the international coalition"),
    ("تنظيم “داعش”", "the “Dā‘iš” organization"),
    ("قوات «قسد»", "the «Qasad» forces"),
    ("الشركة الوطنية للنفط", "the national oil company"),
    ("السلطات المحلية", "the local authorities"),
    ("وزارة الخارجية", "the Foreign Ministry"),
    ("البرلمان", "parliament"),
    ("اللجنة الفنّية", "the technical committee"),
    ("جامعة دمشق", "Damascus University"),
    ("الفريق الطبّي", "the medical team"),
    ("قوات الأمن", "the security forces"),
    ("المعارضة", "the opposition"),
    ("الوفد الرسمي", "the official delegation"),
    ("صندوق النقد الدولي", "the International Monetary Fund"),
    ("منظمة الصحة العالمية", "the World Health Organization"),
    ("الهلال الأحمر", "the Red Crescent"),
    ("جيش المغاوير", "the Ğayš al-Maġāwīr"),
    ("وزارة التربية", "the Ministry of Education"),
    ("غرفة التجارة", "the chamber of commerce"),
    ("الاتحاد الأوروبي", "the European Union"),
]

# (Arabic past tense, English past tense, English base form)
VERBS = [
    ("أطلق", "launched", "launch"),
    ("نفّذ", "carried out", "carry out"),
    ("أعلن", "announced", "announce"),
    ("رفض", "rejected", "reject"),
    ("دعم", "supported", "support"),
    ("نظّم", "organized", "organize"),
    ("موّل", "financed", "finance"),
    ("افتتح", "opened", "open"),
    ("أقرّ", "approved", "approve"),
    ("علّق", "suspended", "suspend"),
    ("استأنف", "resumed", "resume"),
    ("ناقش", "discussed", "discuss"),
    ("أرسل", "sent", "send"),
    ("استهدف", "targeted", "target"),
    ("وقّع", "signed", "sign"),
    ("أنهى", "completed", "complete"),
]

OBJECTS = [
    ("خطةً جديدة", "a new plan"),
    ("حملةً واسعة", "a broad campaign"),
    ("عمليةً عسكرية", "a military operation"),
    ("مشروعاً للبنية التحتية", "an infrastructure project"),
    ("اتفاقاً مبدئياً", "a preliminary agreement"),
    ("الميزانية العامة", "the general budget"),
    ("برنامج المساعدات الإنسانية", "the humanitarian aid programme"),
    ("المفاوضات", "the negotiations"),
    ("قراراً بتمديد المهلة", "a decision to extend the deadline"),
    ("تحقيقاً مستقلاً", "an independent investigation"),
    ("مؤتمراً صحفياً", "a press conference"),
    ("الإصلاحات الاقتصادية", "the economic reforms"),
    ("قافلة المساعدات", "the aid convoy"),
    ("مستشفىً ميدانياً", "a field hospital"),
    ("مدرسةً للاجئين", "a school for refugees"),
    ("تعزيزات عسكرية", "military reinforcements"),
    ("حافلةً للجيش", "an army bus"),
    ("مذكرة تفاهم", "a memorandum of understanding"),
    ("دعمٌ أميركيٌ خفيٌ", "hidden American support"),
    ("الانتخابات البلدية", "the municipal elections"),
]

PLACES = [
    ("دمشق", "Damascus"),
    ("بغداد", "Baghdad"),
    ("بيروت", "Beirut"),
    ("القاهرة", "Cairo"),
    ("عمّان", "Amman"),
    ("الحسكة", "al-Ḥasaka"),
    ("دير الزور", "Dayr az-Zūr"),
    ("تدمر", "Palmyra"),
    ("البوكمال", "al-Būkamāl"),
    ("حلب", "Aleppo"),
    ("الموصل", "Mosul"),
    ("الرياض", "Riyadh"),
    ("الدوحة", "Doha"),
    ("تونس", "Tunis"),
    ("الخرطوم", "Khartoum"),
    ("صنعاء", "Sanaa"),
    ("الرباط", "Rabat"),
    ("طرابلس", "Tripoli"),
    ("أستانا", "Astana"),
    ("جنيف", "Geneva"),
    ("واشنطن", "Washington"),
    ("موسكو", "Moscow"),
    ("إدلب", "Idlib"),
]

PREPOSITIONAL = [
    ("في المنطقة", "in the region"),
    ("على الحدود السورية-العراقية", "on the Syrian-Iraqi border"),
    ("قرب العاصمة", "near the capital"),
    ("في البادية السورية", "in the Syrian desert"),
    ("على الطريق السريع", "on the highway"),
    ("في الريف الشمالي", "in the northern countryside"),
    ("بين المحطتين الثانية والثالثة", "between the second and third stations"),
    ("في مناطق سيطرة الحكومة", "in the areas under government control"),
    ("داخل المدينة القديمة", "inside the old city"),
]

PERSONS = [
    ("أيهم مرعي", "Ayham Mar‘ī"),
    ("محمد العلي", "Muhammad al-Ali"),
    ("فاطمة الزهراء", "Fatima al-Zahra"),
    ("خالد العمر", "Khalid al-Omar"),
    ("عبد الله الحسن", "Abdullah al-Hassan"),
    ("ليلى منصور", "Layla Mansour"),
    ("يوسف الخطيب", "Yusuf al-Khatib"),
    ("نادية الشامي", "Nadia al-Shami"),
    ("حسن نصر", "Hassan Nasr"),
    ("رنا عيسى", "Rana Issa"),
    ("عمر الفاروق", "Omar al-Farouq"),
    ("سامي الجابري", "Sami al-Jaberi"),
    ("هدى القاسم", "Huda al-Qasim"),
]

ROLES = [
    ("المتحدث باسم الوزارة", "the ministry spokesman"),
    ("مدير المستشفى", "the hospital director"),
    ("رئيس اللجنة", "the head of the committee"),
    ("الخبير الاقتصادي", "the economist"),
    ("مراسل الميادين", "al-Mayadeen's correspondent"),
    ("محافظ المدينة", "the city governor"),
]

SPEAKERS = [
    ("مصدر ميداني", "a source on the ground"),
    ("مسؤول حكومي", "a government official"),
    ("شهود عيان", "eyewitnesses"),
    ("رئيس الوزراء", "the prime minister"),
    ("الناطق الرسمي", "the official spokesperson"),
    ("مصادر مطّلعة", "informed sources"),
]

# (Arabic verb, its complementiser, English verb)
SAY = [
    ("قال", "إنّ", "said"),
    ("أكّد", "أنّ", "confirmed"),
    ("أوضح", "أنّ", "explained"),
    ("ذكر", "أنّ", "stated"),
    ("أشار", "إلى أنّ", "pointed out"),
    ("كشف", "أنّ", "revealed"),
]

ADVERBIALS = [
    ("أمس", "yesterday"),
    ("اليوم", "today"),
    ("مؤخراً", "recently"),
    ("خلال الأسبوع الماضي", "during the past week"),
    ("في وقت سابق", "earlier"),
    ("صباح الثلاثاء", "on Tuesday morning"),
    ("مساء الجمعة", "on Friday evening"),
    ("بشكل لافت", "remarkably"),
    ("عسكرياً واستخباراتياً", "militarily and strategically"),
]

CONNECTORS = [
    ("وفي السياق ذاته، ", "In the same context, "),
    ("من جهة أخرى، ", "On the other hand, "),
    ("وبحسب المصادر، ", "According to the sources, "),
    ("إلى ذلك، ", "Meanwhile, "),
    ("ومع ذلك، ", "However, "),
]

AGENCIES = [("أ ف ب", "AFP"), ("رويترز", "Reuters"), ("سانا", "SANA"), ("الأناضول", "Anadolu")]

MONTHS = [
    ("كانون الثاني", "January"),
    ("شباط", "February"),
    ("آذار", "March"),
    ("نيسان", "April"),
    ("أيار", "May"),
    ("حزيران", "June"),
    ("تموز", "July"),
    ("آب", "August"),
    ("أيلول", "September"),
    ("تشرين الأول", "October"),
    ("تشرين الثاني", "November"),
    ("كانون الأول", "December"),
]

# Arabic phrases pasted into English targets by the "arabic-fragment" defect.
FRAGMENTS = [a for a, _ in SUBJECTS + OBJECTS + PREPOSITIONAL + ADVERBIALS if "“" not in a]

INDIC = str.maketrans("0123456789,.%", "٠١٢٣٤٥٦٧٨٩٬٫٪")
DEFECTS = (
    "doubled-word",
    "changed-number",
    "arabic-fragment",
    "dropped-final-stop",
    "unclosed-quote",
    "empty-target",
)
# The rule each injected defect should trigger (for the "injected" column).
EXPECTED_RULE = {
    "doubled-word": "doubled-word",
    "changed-number": "numeral-mismatch",
    "arabic-fragment": "untranslated-fragment",
    "dropped-final-stop": "terminal-punctuation",
    "unclosed-quote": "unbalanced-quotes",
    "empty-target": "empty-translation",
}
# Words whose doubling lintr allows by default ("had had", "الله الله"): never used for the
# defect, so that every injected defect is one finding.
_ALLOWED_DOUBLES = {"had", "that", "is", "do", "no", "very", "bye", "ha", "الله"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Generator:
    """Sentence pairs from the lexicon; every random draw comes from one seeded stream."""

    def __init__(self, rng: random.Random):
        self.rnd = rng.random

    def pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def number(self, indic: bool) -> tuple[str, str]:
        """A quantity phrase with the same number on both sides."""
        rnd, pick = self.rnd, self.pick
        kind = int(rnd() * 9)
        if kind == 0:  # plain count
            n = 2 + int(rnd() * 400)
            noun = pick(
                [
                    ("جندياً", "soldiers"),
                    ("عائلة", "families"),
                    ("شخصاً", "people"),
                    ("مقاتلاً", "fighters"),
                    ("قرية", "villages"),
                ]
            )
            ar, en = f"طال {n} {noun[0]}", f"affecting {n} {noun[1]}"
        elif kind == 1:  # thousands separators, sometimes omitted on the Arabic side
            n = 1000 + int(rnd() * 250000)
            en = f"{n:,}"
            ar = f"بقيمة {en if rnd() < 0.7 else n} دولار"
            en = f"worth {en} dollars"
        elif kind == 2:  # decimals
            x = f"{1 + rnd() * 40:.1f}"
            ar, en = f"بقيمة {x} مليار دولار", f"worth {x} billion dollars"
        elif kind == 3:  # percentages
            p = f"{rnd() * 60:.1f}" if rnd() < 0.4 else str(1 + int(rnd() * 90))
            ar = f"بزيادة نسبتها {p}%" if rnd() < 0.7 else f"بزيادة نسبتها {p} بالمئة"
            en = f"with a rise of {p}%" if rnd() < 0.6 else f"with a rise of {p} percent"
        elif kind == 4:  # years
            y = 1990 + int(rnd() * 35)
            ar, en = f"في نهاية عام {y}", f"at the end of {y}"
        elif kind == 5:  # dates, with the leading zero of the seed's "06 January"
            d = 1 + int(rnd() * 28)
            month = pick(MONTHS)
            day = f"{d:02d}" if rnd() < 0.3 else str(d)
            ar, en = f"في {day} {month[0]}", f"on {day} {month[1]}"
        elif kind == 6:  # times
            t = f"{int(rnd() * 24):02d}:{int(rnd() * 60):02d}"
            ar, en = f"عند الساعة {t}", f"at {t}"
        elif kind == 7:  # distances
            n = 3 + int(rnd() * 120)
            ar, en = f"على بعد {n} كيلومتراً", f"{n} kilometers away"
        else:  # ordinals
            n = 1 + int(rnd() * 120)
            ar, en = f"مع اللواء {n}", f"with the {_ordinal(n)} Brigade"
        if indic:
            ar = ar.translate(INDIC)
        return ar, en

    def clause(self, indic: bool) -> tuple[str, str]:
        """Subject, verb, object and optional place/number/time: VSO in Arabic, SVO in English."""
        rnd, pick = self.rnd, self.pick
        s, v, o = pick(SUBJECTS), pick(VERBS), pick(OBJECTS)
        ar = [v[0], s[0], o[0]]
        en = [s[1], v[1], o[1]]
        if rnd() < 0.5:
            p = (
                pick(PREPOSITIONAL)
                if rnd() < 0.6
                else ("في " + (place := pick(PLACES))[0], "in " + place[1])
            )
            ar.append(p[0])
            en.append(p[1])
        if rnd() < 0.45:
            n = self.number(indic)
            ar.append(n[0])
            en.append(n[1])
        if rnd() < 0.25:
            a = pick(ADVERBIALS)
            ar.append(a[0])
            en.append(a[1])
        return " ".join(ar), " ".join(en)

    def speaker(self) -> tuple[str, str]:
        if self.rnd() < 0.4:
            p, r = self.pick(PERSONS), self.pick(ROLES)
            return f"{p[0]}، {r[0]}،", f"{p[1]}, {r[1]},"
        return self.pick(SPEAKERS)

    def sentence(self, indic: bool) -> tuple[str, str]:
        rnd, pick = self.rnd, self.pick
        kind = rnd()
        if kind < 0.40:  # statement, sometimes two clauses
            ar, en = self.clause(indic)
            r = rnd()
            if r < 0.25:
                a2, e2 = self.clause(indic)
                ar, en = f"{ar}، و{a2}", f"{en}, and {e2}"
            elif r < 0.32:
                a2, e2 = self.clause(indic)
                ar, en = f"{ar}؛ {a2}", f"{en}; {e2}"
            ar, en = ar + ".", _cap(en) + "."
        elif kind < 0.65:  # reported speech
            say, spk = pick(SAY), self.speaker()
            a2, e2 = self.clause(indic)
            ar = f"و{say[0]} {spk[0]} {say[1]} {a2}."
            en = f"{_cap(spk[1])} {say[2]} that {e2}."
        elif kind < 0.80:  # direct quotation
            spk = self.speaker()
            a2, e2 = self.clause(indic)
            qa = ("“", "”") if rnd() < 0.7 else ("«", "»")
            ar = f"وقال {spk[0].rstrip('،')}: {qa[0]}{a2}{qa[1]}."
            en = f"{_cap(spk[1])} said: “{_cap(e2)}.”"
        elif kind < 0.88:  # question
            s, v, o = pick(SUBJECTS), pick(VERBS), pick(OBJECTS)
            ar = f"لماذا {v[0]} {s[0]} {o[0]}؟"
            en = f"Why did {s[1]} {v[2]} {o[1]}?"
        else:  # connector + statement
            c = pick(CONNECTORS)
            a2, e2 = self.clause(indic)
            ar, en = f"{c[0]}{a2}.", f"{c[1]}{e2}."
        return ar, en

    def segment(self, length: int) -> tuple[str, str]:
        """Sentences until the Arabic side is about ``length`` characters long."""
        indic = self.rnd() < 0.55
        ar_parts: list[str] = []
        en_parts: list[str] = []
        size = 0
        if self.rnd() < 0.08:  # a dateline: "Damascus (AFP) – "
            place, agency = self.pick(PLACES), self.pick(AGENCIES)
            ar_parts.append(f"{place[0]} ({agency[0]}) –")
            en_parts.append(f"{place[1]} ({agency[1]}) –")
            size = len(ar_parts[0]) + 1
        goal = 0.9 * length
        while size < goal:
            ar, en = self.sentence(indic)
            ar_parts.append(ar)
            en_parts.append(en)
            size += len(ar) + 1
        return " ".join(ar_parts), " ".join(en_parts)


def segment_length(rnd) -> int:
    """Characters of a source segment: log-normal, median 320, clipped to 100-1,500."""
    u1, u2 = rnd(), rnd()
    z = math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2 * math.pi * u2)
    return min(1500, max(100, int(320 * math.exp(0.6 * z))))


def inject(kind: str, ar: str, en: str, rng: random.Random) -> tuple[str, str, str]:
    """Apply one defect; returns (ar, en, kind actually injected)."""
    if kind == "changed-number":
        digits = list(re.finditer(r"\d+", en))
        if not digits:
            kind = "doubled-word"
        else:
            m = digits[int(rng.random() * len(digits))]
            last = en[m.end() - 1]
            changed = str((int(last) + 1 + int(rng.random() * 8)) % 10)
            return ar, en[: m.end() - 1] + changed + en[m.end() :], kind
    if kind == "empty-target":
        return ar, "", kind
    if kind == "dropped-final-stop":
        return ar, re.sub(r"[.?!](?=[”»\"]*$)", "", en), kind
    if kind == "doubled-word":
        on_source = rng.random() < 0.25
        tokens = (ar if on_source else en).split(" ")
        candidates = [
            i for i, t in enumerate(tokens) if t.isalpha() and t.lower() not in _ALLOWED_DOUBLES
        ]
        if not candidates:
            return ar, "", "empty-target"
        i = candidates[int(rng.random() * len(candidates))]
        tokens.insert(i, tokens[i])
        return (" ".join(tokens), en, kind) if on_source else (ar, " ".join(tokens), kind)
    tokens = en.split(" ")
    i = int(rng.random() * len(tokens))
    if kind == "arabic-fragment":
        tokens.insert(i, FRAGMENTS[int(rng.random() * len(FRAGMENTS))])
    elif kind == "unclosed-quote":
        while not tokens[i][:1].isalpha():
            i = (i + 1) % len(tokens)
        tokens[i] = "“" + tokens[i]
    return ar, " ".join(tokens), kind


@dataclass
class Corpus:
    name: str
    layout: str  # "tsv" or "pair"
    paths: list[str]
    pairs: int
    generated: dict = field(default_factory=dict)  # parameters and injected defects

    @property
    def megabytes(self) -> float:
        return sum(os.path.getsize(p) for p in self.paths) / 1e6


def generate(pairs: int, seed: int, defect_rate: float, layout: str, data: Path) -> Corpus:
    """Generate (or reuse) the corpus for these parameters under ``data``."""
    stem = f"synth-ar-en-n{pairs}-s{seed}-d{defect_rate:g}-v{GENERATOR_VERSION}"
    stem += "-pair" if layout == "pair" else ""
    paths = (
        [data / f"{stem}.tsv"]
        if layout == "tsv"
        else [data / f"{stem}.ar.txt", data / f"{stem}.en.txt"]
    )
    meta_path = data / f"{stem}.meta.json"
    if meta_path.exists() and all(p.exists() for p in paths):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["reused"] = meta.pop("fresh", None) is None
        if not meta["reused"]:
            meta_path.write_text(json.dumps(meta_without(meta), indent=2) + "\n", "utf-8")
        return Corpus(stem, layout, [str(p) for p in paths], pairs, meta)

    started = time.perf_counter()
    data.mkdir(parents=True, exist_ok=True)
    # Separate streams, so that a smaller corpus is a prefix of a larger one.
    gen = Generator(random.Random(seed))
    lengths = random.Random(f"{seed}-lengths").random
    defect_rng = random.Random(f"{seed}-defects")
    injected: Counter[str] = Counter()
    sources: list[str] = []
    targets: list[str] = []
    for _ in range(pairs):
        ar, en = gen.segment(segment_length(lengths))
        if defect_rng.random() < defect_rate:
            kind = DEFECTS[int(defect_rng.random() * len(DEFECTS))]
            ar, en, kind = inject(kind, ar, en, defect_rng)
            injected[kind] += 1
        sources.append(ar)
        targets.append(en)

    def write(path: Path, lines) -> None:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(lines))
            out.write("\n")
        os.replace(tmp, path)

    if layout == "tsv":
        write(paths[0], (f"{a}\t{e}" for a, e in zip(sources, targets, strict=True)))
    else:
        write(paths[0], sources)
        write(paths[1], targets)
    src_len = [len(s) for s in sources]
    meta = {
        "generator": GENERATOR_VERSION,
        "pairs": pairs,
        "seed": seed,
        "defect_rate": defect_rate,
        "layout": layout,
        "injected": dict(sorted(injected.items())),
        "source_chars": sum(src_len),
        "target_chars": sum(len(t) for t in targets),
        "source_chars_median": sorted(src_len)[len(src_len) // 2] if src_len else 0,
        "source_chars_max": max(src_len, default=0),
        "seconds": round(time.perf_counter() - started, 2),
    }
    # "fresh" tells the parent (see generate_in_child) that this call generated the files.
    meta_path.write_text(json.dumps({**meta, "fresh": True}, indent=2) + "\n", "utf-8")
    meta["reused"] = False
    return Corpus(stem, layout, [str(p) for p in paths], pairs, meta)


def meta_without(meta: dict) -> dict:
    return {k: v for k, v in meta.items() if k not in ("reused", "fresh")}


def generate_in_child(args, pairs: int, data: Path) -> Corpus:
    """Generate in another process, so that this one stays small.

    On Linux a child's peak RSS (wait4, RUSAGE_CHILDREN) starts from the RSS of the process
    that forked it: had this process built a 100,000-pair corpus in memory, every lintr run
    would report at least that much.
    """
    cmd = [
        sys.executable,
        __file__,
        "--generate-only",
        "--pairs",
        str(pairs),
        "--seed",
        str(args.seed),
        "--defect-rate",
        str(args.defect_rate),
        "--layout",
        args.layout,
        "--data-dir",
        str(data),
        "--quiet",
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    corpus = generate(pairs, args.seed, args.defect_rate, args.layout, data)  # now cached
    return corpus


def existing(args) -> Corpus:
    if args.tsv:
        with open(args.tsv, encoding="utf-8", errors="replace") as handle:
            pairs = sum(1 for line in handle if line.strip())
        return Corpus(Path(args.tsv).name, "tsv", [args.tsv], pairs)
    counts = []
    for path in (args.source, args.target):
        with open(path, encoding="utf-8", errors="replace") as handle:
            counts.append(sum(1 for _ in handle))
    return Corpus(Path(args.source).name, "pair", [args.source, args.target], max(counts))


# --------------------------------------------------------------------------------------
# Running lintr
# --------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_mb: float
    exit_status: int
    # CPU seconds (user + system) of the lintr process and of its children (pool workers):
    # steadier than wall time on a shared machine.
    cpu_seconds: float = 0.0


def lintr_command(args, corpus: Corpus, profile_to: str | None = None) -> list[str]:
    cmd = [args.python]
    if profile_to:
        cmd += ["-m", "cProfile", "-o", profile_to]
    cmd += ["-m", "lintr", "check"]
    if corpus.layout == "tsv":
        cmd += [corpus.paths[0]]
    else:
        cmd += ["--source", corpus.paths[0], "--target", corpus.paths[1]]
    cmd += [
        "--source-lang",
        "ar",
        "--target-lang",
        "en",
        "--format",
        "jsonl",
        "--quiet",
        "--no-progress",
    ]
    # One process unless asked: lintr's own default uses every core on large inputs.
    cmd += ["--jobs", str(args.jobs or 1)]
    cmd += shlex.split(args.lintr_args or "")
    return cmd


def run_once(cmd: list[str], out_path: str) -> Run:
    """Run ``cmd`` with stdout to ``out_path``; wall time and this child's peak RSS."""
    with open(out_path, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=REPO)
        # wait4 gives the rusage of this child alone (RUSAGE_CHILDREN would be the maximum
        # over every child so far). Read stderr first so that a chatty child cannot block.
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace"))
        raise SystemExit(f"bench: lintr exited with status {proc.returncode}: {shlex.join(cmd)}")
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    # wait4 counts the child and the grandchildren it waited for (a --jobs pool's workers).
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, rss, proc.returncode, round(cpu, 2))


# The machine ceiling's workload: pure Python, CPU-bound, like lintr's rules (dictionary
# look-ups, string building), no I/O and little memory. Prints its wall and CPU seconds.
SPIN = """
import sys, time
start, cpu = time.perf_counter(), time.process_time()
words = [str(i * 7919 % 10007) for i in range(1000)]
counts = {}
for i in range(int(sys.argv[1])):
    for w in words:
        key = w + "x"
        counts[key] = counts.get(key, 0) + i
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def spin(python: str, rounds: int, copies: int) -> list[tuple[float, float]]:
    """Wall and CPU seconds of each of ``copies`` processes running SPIN at the same time."""
    procs = [
        subprocess.Popen([python, "-c", SPIN, str(rounds)], stdout=subprocess.PIPE, text=True)
        for _ in range(copies)
    ]
    out = [proc.communicate()[0].split() for proc in procs]
    return [(float(wall), float(cpu)) for wall, cpu in out]


def spin_rounds(python: str, seconds: float) -> int:
    """SPIN's argument for about ``seconds`` of one process alone."""
    ((wall, _),) = spin(python, 20, 1)
    return max(20, round(20 * seconds / max(wall, 1e-3)))


@dataclass
class JobsRound:
    """One round of --jobs-ratio: lintr at --jobs 1 and 2, SPIN alone and two at once."""

    one: Run
    two: Run
    spin_alone: float
    spin_pair: list[float]

    @property
    def ratio(self) -> float:
        return self.one.seconds / self.two.seconds

    @property
    def ceiling(self) -> float:
        """What two processes got done in a given time against one: 2.0 on two free cores."""
        return 2 * self.spin_alone / max(self.spin_pair)


def jobs_ratio(args, corpus: Corpus, data: Path) -> list[JobsRound]:
    """--jobs 1 and --jobs 2 on ``corpus``, alternated, each round followed by the machine
    ceiling measured on the same machine state (other users' load included)."""
    out_path = str(data / f"findings-{corpus.name}.jsonl")
    rounds = spin_rounds(args.python, args.ceiling_seconds)
    found = []
    for _ in range(args.repeat or 3):
        args.jobs = 1
        one = run_once(lintr_command(args, corpus), out_path)
        args.jobs = 2
        two = run_once(lintr_command(args, corpus), out_path)
        ((alone, _),) = spin(args.python, rounds, 1)
        pair = [wall for wall, _ in spin(args.python, rounds, 2)]
        found.append(JobsRound(one, two, round(alone, 2), [round(w, 2) for w in pair]))
    return found


def print_jobs_ratio(name: str, pairs: int, rounds: list[JobsRound]) -> None:
    print(f"\n--jobs 2 against --jobs 1 on {name} ({pairs:,} pairs), rounds in order")
    print(
        f"{'round':>5} {'-j1 s':>7} {'-j1 CPU':>8} {'-j2 s':>7} {'-j2 CPU':>8} {'ratio':>6} "
        f"{'spin alone':>10} {'spin two':>11} {'machine ceiling':>15}"
    )
    for i, r in enumerate(rounds, 1):
        two = "/".join(f"{w:.2f}" for w in r.spin_pair)
        print(
            f"{i:>5} {r.one.seconds:>7.2f} {r.one.cpu_seconds:>8.2f} {r.two.seconds:>7.2f} "
            f"{r.two.cpu_seconds:>8.2f} {r.ratio:>5.2f}x {r.spin_alone:>10.2f} {two:>11} "
            f"{r.ceiling:>14.2f}x"
        )
    ratios = sorted(r.ratio for r in rounds)
    ceilings = sorted(r.ceiling for r in rounds)
    best = min(r.one.seconds for r in rounds) / min(r.two.seconds for r in rounds)
    print(
        f"--jobs 2 ratio (pairs/s of wall time): best runs {best:.2f}x, median round "
        f"{ratios[len(ratios) // 2]:.2f}x; machine ceiling: median {ceilings[len(ceilings) // 2]:.2f}x, "
        f"best {ceilings[-1]:.2f}x (two pure-Python processes at once against one alone)"
    )


def count_findings(path: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                counts[json.loads(line)["rule"]] += 1
    return counts


def startup_seconds(args, data: Path) -> float:
    """Wall time of lintr on a one-pair file: interpreter start, plugin loading, output."""
    tiny = data / "tiny.tsv"
    tiny.write_text(
        "قال المصدر إنّ الهجوم وقع أمس.\tThe source said the attack took place yesterday.\n",
        encoding="utf-8",
    )
    corpus = Corpus("tiny", "tsv", [str(tiny)], 1)
    return min(run_once(lintr_command(args, corpus), os.devnull).seconds for _ in range(3))


def profile(args, corpus: Corpus, data: Path, top: int = 25) -> dict:
    """One run under cProfile; the functions with the most own time."""
    import pstats

    prof = str(data / f"{corpus.name}.prof")
    run_once(lintr_command(args, corpus, profile_to=prof), os.devnull)
    stats = pstats.Stats(prof)
    total = stats.total_tt or 1.0
    rows = []
    for (file, line, func), (_cc, calls, tt, ct, _callers) in stats.stats.items():
        rows.append(
            {
                "function": f"{_short(file)}:{line}({func})",
                "calls": calls,
                "own_s": round(tt, 3),
                "own_pct": round(100 * tt / total, 1),
                "cumulative_s": round(ct, 3),
                "cumulative_pct": round(100 * ct / total, 1),
            }
        )
    rows.sort(key=lambda r: -r["own_s"])
    return {"seconds": round(total, 2), "file": prof, "top": rows[:top]}


def print_profile(name: str, prof: dict) -> None:
    print(
        f"\nprofile of one run on {name} ({prof['seconds']:.1f} s under cProfile; "
        f"python -m pstats {prof['file']})"
    )
    print(f"{'own %':>6} {'own s':>7} {'cum %':>6} {'calls':>11}  function")
    for r in prof["top"]:
        print(
            f"{r['own_pct']:>6.1f} {r['own_s']:>7.2f} {r['cumulative_pct']:>6.1f} "
            f"{r['calls']:>11,}  {r['function']}"
        )


def _short(file: str) -> str:
    for marker in ("/site-packages/", str(REPO) + "/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# --------------------------------------------------------------------------------------


@dataclass
class Result:
    corpus: str
    pairs: int
    megabytes: float
    seconds: float
    pairs_per_second: float
    cpu_seconds: float
    cpu_pairs_per_second: float
    peak_mb: float
    findings: int
    findings_per_1000: float
    by_rule: dict
    injected: dict
    runs: list
    command: str
    generation: dict


def machine() -> dict:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            text=True,
            capture_output=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "lintr", "plugins"],
            cwd=REPO,
            text=True,
            capture_output=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(terse=True),
        "cpus": os.cpu_count(),
        "commit": commit + ("+dirty" if dirty else ""),
    }


def bench(args, corpus: Corpus, data: Path) -> Result:
    repeat = args.repeat or (3 if corpus.pairs < 50_000 else 1)
    cmd = lintr_command(args, corpus)
    out_path = str(data / f"findings-{corpus.name}.jsonl")
    runs = [run_once(cmd, out_path) for _ in range(repeat)]
    best = min(runs, key=lambda r: r.seconds)
    by_rule = count_findings(out_path)
    total = sum(by_rule.values())
    injected: Counter[str] = Counter()
    for kind, n in corpus.generated.get("injected", {}).items():
        injected[EXPECTED_RULE[kind]] += n
    return Result(
        corpus=corpus.name,
        pairs=corpus.pairs,
        megabytes=round(corpus.megabytes, 1),
        seconds=round(best.seconds, 2),
        pairs_per_second=round(corpus.pairs / best.seconds),
        cpu_seconds=min(r.cpu_seconds for r in runs),
        cpu_pairs_per_second=round(corpus.pairs / max(min(r.cpu_seconds for r in runs), 1e-9)),
        peak_mb=round(max(r.peak_mb for r in runs), 1),
        findings=total,
        findings_per_1000=round(1000 * total / max(corpus.pairs, 1), 2),
        by_rule=dict(sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
        injected=dict(injected),
        runs=[asdict(r) for r in runs],
        command=shlex.join(
            os.path.relpath(c, REPO) if os.path.isabs(c) and c.startswith(str(REPO)) else c
            for c in cmd
        ),
        generation=corpus.generated,
    )


def print_table(results: list[Result], info: dict, startup: float | None) -> None:
    print(
        f"lintr benchmark: Python {info['python']}, {info['cpus']} CPUs, {info['platform']}, "
        f"commit {info['commit'] or '?'}"
        + (f"; startup {startup:.2f} s" if startup is not None else "")
    )
    print(
        f"{'corpus':<36} {'pairs':>9} {'MB':>6} {'seconds':>8} {'pairs/s':>8} "
        f"{'CPU s':>8} {'CPU pairs/s':>11} {'peak MB':>8} {'findings/1k':>12}"
    )
    for r in results:
        print(
            f"{r.corpus[:36]:<36} {r.pairs:>9,} {r.megabytes:>6.1f} {r.seconds:>8.2f} "
            f"{r.pairs_per_second:>8,} {r.cpu_seconds:>8.2f} {r.cpu_pairs_per_second:>11,} "
            f"{r.peak_mb:>8.1f} {r.findings_per_1000:>12.2f}"
        )
    rules = sorted(
        {rule for r in results for rule in r.by_rule}
        | {rule for r in results for rule in r.injected}
    )
    if not rules:
        return
    print("\nfindings by rule (injected defects in brackets)")
    header = "".join(f" {r.pairs:>16,}" for r in results)
    print(f"{'rule':<28}{header}")
    for rule in sorted(rules, key=lambda x: (-sum(r.by_rule.get(x, 0) for r in results), x)):
        cells = []
        for r in results:
            cell = f"{r.by_rule.get(rule, 0):,}"
            if r.injected:
                cell += f" [{r.injected.get(rule, 0):,}]"
            cells.append(f" {cell:>16}")
        print(f"{rule:<28}{''.join(cells)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pairs",
        type=int,
        nargs="+",
        default=[100_000],
        metavar="N",
        help="generate N pairs (several sizes: one row each); default 100000",
    )
    parser.add_argument("--tsv", metavar="FILE", help="benchmark this TSV instead")
    parser.add_argument("--source", metavar="FILE", help="benchmark this source file ...")
    parser.add_argument("--target", metavar="FILE", help="... with this line-aligned target")
    parser.add_argument(
        "--layout",
        choices=["tsv", "pair"],
        default="tsv",
        help="generated input: one TSV (default) or NAME.ar.txt + NAME.en.txt",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--defect-rate",
        type=float,
        default=0.015,
        help="share of pairs given one injected defect (default 0.015)",
    )
    parser.add_argument("--repeat", type=int, help="runs, best kept (default 3; 1 from 50k pairs)")
    parser.add_argument("--jobs", type=int, help="pass --jobs N to lintr (default 1)")
    parser.add_argument("--lintr-args", metavar="ARGS", help="more lintr options, one string")
    parser.add_argument(
        "--jobs-ratio",
        action="store_true",
        help="instead of the table: --jobs 1 and --jobs 2 alternated on each corpus (--repeat "
        "rounds), each round with the machine ceiling (a pure-Python loop alone and two at once)",
    )
    parser.add_argument(
        "--ceiling-seconds",
        type=float,
        default=3.0,
        help="length of the machine ceiling's loop alone (default 3 s)",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter lintr is installed in (default: this one)",
    )
    parser.add_argument("--data-dir", default=str(DATA), help="where generated files go")
    parser.add_argument("--generate-only", action="store_true", help="write the corpus and stop")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="then profile one run on the largest corpus with cProfile",
    )
    parser.add_argument(
        "--no-startup",
        action="store_true",
        help="skip measuring lintr's start-up time on a one-pair file",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    args.quiet = args.quiet or args.json

    if bool(args.source) != bool(args.target):
        parser.error("--source and --target go together")
    if args.tsv and args.source:
        parser.error("give --tsv or --source/--target, not both")
    data = Path(args.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    # Generated files live here: an empty configuration makes lintr use its defaults
    # whatever the repository's own [tool.lintr] says.
    config = data / "lintr.toml"
    if not config.exists():
        config.write_text(
            "# Written by benchmarks/bench.py: lintr's defaults apply here.\n", encoding="utf-8"
        )

    if args.tsv or args.source:
        corpora = [existing(args)]
    else:
        corpora = []
        for n in args.pairs:
            if args.generate_only:
                corpus = generate(n, args.seed, args.defect_rate, args.layout, data)
            else:
                corpus = generate_in_child(args, n, data)
            if not args.quiet:
                how = (
                    "reused"
                    if corpus.generated.get("reused")
                    else (f"generated in {corpus.generated['seconds']} s")
                )
                print(
                    f"{corpus.name}: {corpus.pairs:,} pairs, {corpus.megabytes:.1f} MB, {how}",
                    file=sys.stderr,
                )
            corpora.append(corpus)
    if args.generate_only:
        for corpus in corpora:
            print("\n".join(corpus.paths))
        return 0

    info = machine()
    if args.jobs_ratio:
        found = {c.name: jobs_ratio(args, c, data) for c in corpora}
        if args.json:
            json.dump(
                {
                    "machine": info,
                    "jobs_ratio": {
                        k: [asdict(r) | {"ratio": r.ratio, "ceiling": r.ceiling} for r in v]
                        for k, v in found.items()
                    },
                },
                sys.stdout,
                indent=2,
            )
            print()
        else:
            for corpus in corpora:
                print_jobs_ratio(corpus.name, corpus.pairs, found[corpus.name])
        return 0
    startup = None if args.no_startup else startup_seconds(args, data)
    results = []
    for corpus in corpora:
        if not args.quiet:
            print(f"running lintr on {corpus.name} ...", file=sys.stderr)
        results.append(bench(args, corpus, data))
    largest = max(corpora, key=lambda c: c.pairs)
    profiles = {largest.name: profile(args, largest, data)} if args.profile else {}
    if args.json:
        json.dump(
            {
                "machine": info,
                "startup_seconds": startup,
                "results": [asdict(r) for r in results],
                "profiles": profiles,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        print_table(results, info, startup)
        for name, prof in profiles.items():
            print_profile(name, prof)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
