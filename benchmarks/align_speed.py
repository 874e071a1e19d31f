"""How fast the aligner is on a long document pair, and how its memory grows.

Builds a synthetic Arabic-English document of N sentences per side (English sentences
about 1.3x longer, some with numbers), drops a few sentences from the English side, aligns
the two with lintr.align.search (the sentence level, one core), and prints the seconds spent making
units (anchors) and aligning, and the aligner's peak memory (tracemalloc, in a separate run)
for each N; then the seconds of the whole document path lintr runs on two files
(lintr.align.documents.document_pairs: two passes, the length model and the lexicon learned from the
first), and again with the Arabic-English dictionary where it is installed. Times are CPU
seconds of this process (time.process_time): the machine is shared, and wall-clock time
says more about the neighbours than about lintr. Not part of the test run.

    python benchmarks/align_speed.py            # 5,000 10,000 20,000 sentences
    python benchmarks/align_speed.py 20000
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc

from lintr import registry as plugins
from lintr.align.beads import SENTENCE, units
from lintr.align.documents import document_pairs
from lintr.align.length import LengthModel
from lintr.align.search import align
from lintr.model import Document, Segment

AR_WORDS = (
    "قال المصدر إن الجيش السوري تقدم نحو المدينة بعد معارك عنيفة مع عناصر التنظيم "
    "في المنطقة الشرقية وأكد مسؤول محلي أن القوات سيطرت على الطريق الرئيسي"
).split()
EN_WORDS = (
    "the source said that the Syrian army advanced towards the city after fierce "
    "battles with the organization in the eastern region and a local official "
    "confirmed that the forces took control of the main road"
).split()


def document(n: int, seed: int = 7) -> tuple[list[str], list[str], set[int]]:
    rng = random.Random(seed)
    ar, en, dropped = [], [], set()
    for i in range(n):
        k = rng.randint(6, 30)
        number = f" {rng.randint(2, 2000)}" if rng.random() < 0.3 else ""
        ar.append(" ".join(rng.choices(AR_WORDS, k=k)) + number + ".")
        if rng.random() < 0.005:
            dropped.add(i)
            continue
        en.append(" ".join(rng.choices(EN_WORDS, k=int(k * 1.2))).capitalize() + number + ".")
    return ar, en, dropped


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5000, 10000, 20000]
    registry = plugins.load()
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    # The whole path again with the Arabic-English dictionary, where it is installed
    # (lintr[dictionary]): loaded before the clock starts, as a second run finds it cached.
    dictionary = registry.dictionaries.between("ar", "en")
    if dictionary is not None:
        dictionary[0].translations("كتاب")
    print(
        f"{'sentences':>10} {'units s':>8} {'align s':>8} {'peak MB':>8} {'dropped':>8} "
        f"{'found':>6} {'document s':>10} {'with dictionary s':>17}"
    )
    for n in sizes:
        src_texts, tgt_texts, dropped = document(n)
        start = time.process_time()
        s_units, t_units = units(src_texts, ar), units(tgt_texts, en)
        made = time.process_time()
        model = LengthModel(sum(u.length for u in t_units) / sum(u.length for u in s_units))
        beads = align(s_units, t_units, model, SENTENCE)
        done = time.process_time()
        # Memory in a second run: tracemalloc slows Python down several times.
        tracemalloc.start()
        align(s_units, t_units, model, SENTENCE)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        found = {rs[0] for rs, rt in beads if rs and not rt}
        source = Document(
            "a.ar", "source", "ar", [Segment(t, "a.ar", i + 1, 1) for i, t in enumerate(src_texts)]
        )
        target = Document(
            "a.en", "target", "en", [Segment(t, "a.en", i + 1, 1) for i, t in enumerate(tgt_texts)]
        )
        began = time.process_time()
        pairs = list(document_pairs(source, target, ar, en))
        whole = time.process_time() - began
        assert sum(len(p.source.segments) for p in pairs) == n
        with_dictionary = "-"
        if dictionary is not None:
            began = time.process_time()
            pairs = list(document_pairs(source, target, ar, en, dictionary=dictionary))
            with_dictionary = f"{time.process_time() - began:.2f}"
        print(
            f"{n:>10,} {made - start:>8.2f} {done - made:>8.2f} {peak:>8.1f} "
            f"{len(dropped):>8} {len(found & dropped):>6} {whole:>10.2f} {with_dictionary:>17}"
        )


if __name__ == "__main__":
    main()
