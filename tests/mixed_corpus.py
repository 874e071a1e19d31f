"""A small mixed corpus with findings from every rule family (shared by the scale tests)."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "syrian-army-attack.txt"


def _generator():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)
    return bench


# Hand-made pairs for the rule families the generator does not inject.
EXTRA = [
    ("ذهب الجنود إلى المدينة صباحاً.", "ذهب الجنود إلى المدينة صباحاً."),  # untranslated copy
    (
        "قال المصدر (في بيان رسمي إن الهجوم فشل.",
        "The source said (in an official statement that the attack failed.",
    ),
    ("وصل الوفد إلى دمشق.", "The delegation arrived in Damascus. " * 12),  # far too long
    (
        "وصل الوفد إلى دمشق صباح الأحد. والتقى الوزير في مكتبه. ثم غادر إلى بيروت مساءً.",
        "The delegation arrived in Damascus on Sunday morning. Then it left for Beirut in the evening.",
    ),
]


def build(folder: Path) -> Path:
    """A TSV of generated news pairs with injected defects, a pair of files whose line
    counts differ (aligned as documents), and the bilingual seed article."""
    rows = [f"{ar}\t{en}" for ar, en in news_pairs(360)]
    bench = _generator()
    gen = bench.Generator(random.Random(9))
    rows[100:100] = [f"{a}\t{e}" for a, e in EXTRA]
    rows.insert(50, "a line without a tab")
    (folder / "news.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ar_lines, en_lines = [], []
    for _ in range(30):
        ar, en = gen.segment(120)
        ar_lines.append(ar)
        en_lines.append(en)
    del en_lines[12]  # a line the translation lost: document-scope alignment finds it
    (folder / "doc.ar.txt").write_text("\n".join(ar_lines) + "\n", encoding="utf-8")
    (folder / "doc.en.txt").write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    (folder / "article.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "lintr.toml").write_text('source-lang = "ar"\ntarget-lang = "en"\n')
    return folder


def news_pairs(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Generated news pairs, one in six with an injected defect."""
    bench = _generator()
    gen, rng = bench.Generator(random.Random(seed)), random.Random(seed + 1)
    out = []
    for i in range(n):
        ar, en = gen.segment(bench.segment_length(rng.random))
        if i % 6 == 0:
            ar, en, _ = bench.inject(bench.DEFECTS[(i // 6) % len(bench.DEFECTS)], ar, en, rng)
        out.append((ar, en))
    return out
