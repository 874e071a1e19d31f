"""Start-up of a small run: what a one-pair check imports, and the plain-Python path that
keeps numpy out of it giving the keys the array path gives."""

from __future__ import annotations

import random
import subprocess
import sys

from lintr.corpus import sketch

# Modules a one-pair TSV check never needs (benchmarks/startup.py measures what they cost).
NOT_NEEDED = ("numpy", "dask", "tqdm", "lintr.cli.rule_tables")

CHECK_ONE_PAIR = """
import sys
from lintr.cli import main
status = main(["check", sys.argv[1], "--source-lang", "ar", "--target-lang", "en", "-q"])
print(sorted(m for m in sys.argv[2:] if m in sys.modules))
"""


def test_a_one_pair_check_imports_only_what_it_needs(tmp_path):
    pair = tmp_path / "one.tsv"
    pair.write_text(
        "قال رسول الله ﷺ: مشى ٣ أميال في سبع وعشرين درجة.\t"
        "The Messenger of Allah said: he walked 3 miles in twenty-seven degrees.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", CHECK_ONE_PAIR, str(pair), *NOT_NEEDED],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_word_pair_keys_are_the_same_without_numpy(monkeypatch):
    rng = random.Random(7)
    words = [f"w{i}" for i in range(50)] + ["قال", "الله", "ﷺ"]
    for _ in range(100):
        sides = [
            [rng.choice(words) for _ in range(rng.choice((0, 1, 2, 3, 9)))]
            for _ in range(rng.randint(1, 12))
        ]
        flat = [word for side in sides for word in side]
        if len(flat) < 2:
            continue
        monkeypatch.setattr(sketch, "SMALL", len(flat) + 1)
        small = list(sketch.word_pair_keys(sides, flat, {}, "en\t"))
        monkeypatch.setattr(sketch, "SMALL", 0)
        large = [int(key) for key in sketch.word_pair_keys(sides, flat, {}, "en\t")]
        assert small == large
        assert len(small) == sum(max(len(side) - 1, 0) for side in sides)


def test_a_sketch_counts_keys_from_both_kinds_of_array():
    one, other = sketch.Sketch(), sketch.Sketch()
    pairs = [["a", "b", "c"], ["a", "b"]]
    flat = [word for side in pairs for word in side]
    one.add_hashes(sketch.word_pair_keys(pairs, flat, {}, "x"))
    other.add_hashes(sketch.word_pair_keys(pairs, flat, {}, "x"))
    one.absorb(other)
    ab = sketch.pair_hash(sketch.hash64("xa"), sketch.hash64("xb"))
    ca = sketch.pair_hash(sketch.hash64("xc"), sketch.hash64("xa"))
    assert one.count_hash(ab) == 4
    assert one.count_hash(ca) == 0  # never across two sides
