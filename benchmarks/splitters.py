#!/usr/bin/env python3
"""Compare sentence splitters on lintr's splitter cases (tests/sentences.yml).

Scores lintr's splitter (lintr.align.sentences.split), pysbd (clean=False) and sentencex
(segment(lang, text)) per language:

* exact: the share of cases whose sentences all match the expected ones;
* boundary precision and recall: a boundary is where a sentence after the first starts, as
  an offset in the text; precision is the share of the splitter's boundaries that are
  expected, recall the share of the expected ones it finds;
* speed: sentences per second on a larger text per language, made by repeating the texts of
  the cases: the expected sentences of the repeated text, divided by the best time. Each
  case text is one call, one paragraph, as lintr splits one pair or paragraph at a time
  (one long string joining them all would let an unclosed quote or bracket of one case
  change how the next ones split).

Whitespace and direction marks (U+200E, U+200F, U+061C) around a sentence are ignored when
comparing, so that a splitter which puts the right-to-left mark after "‏.‏" at the start of
the next sentence is not penalised for it.

    python benchmarks/splitters.py             # the table
    python benchmarks/splitters.py --show      # plus each case a splitter gets wrong
    python benchmarks/splitters.py --size 200000 --repeat 5

pysbd and sentencex are optional: a splitter that is not installed is reported and left out.
PyYAML is needed to read the cases (it is in lintr's test extras).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "tests" / "sentences.yml"
EDGES = " \t\n\r\f\v\u200e\u200f\u061c"
LANGS = ("en", "ar")

Splitter = Callable[[str], list[str]]


def lintr_splitters() -> dict[str, Splitter]:
    from lintr import registry as plugins
    from lintr.align.sentences import split

    langs = plugins.load().languages
    out = {}
    for code in LANGS:
        profile = langs.get(code)
        out[code] = lambda text, p=profile: [text[a:b] for a, b in split(text, p)]
    return out


def pysbd_splitters() -> dict[str, Splitter]:
    import pysbd

    out = {}
    for code in LANGS:
        segmenter = pysbd.Segmenter(language=code, clean=False)
        out[code] = segmenter.segment
    return out


def sentencex_splitters() -> dict[str, Splitter]:
    from sentencex import segment

    return {code: lambda text, c=code: list(segment(c, text)) for code in LANGS}


SPLITTERS = {
    "lintr": lintr_splitters,
    "pysbd": pysbd_splitters,
    "sentencex": sentencex_splitters,
}


def version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as get

    try:
        return get(name)
    except PackageNotFoundError:
        return "?"


def boundaries(text: str, sentences: list[str]) -> set[int] | None:
    """Where each sentence after the first starts in ``text`` (its first character that is
    not a space or a direction mark). None if a sentence is not found in the text in order
    (a splitter that changed the text)."""
    starts, at = [], 0
    for sentence in sentences:
        core = sentence.strip(EDGES)
        if not core:
            continue
        found = text.find(core, at)
        if found < 0:
            return None
        starts.append(found)
        at = found + len(core)
    return set(starts[1:])


@dataclass
class Score:
    cases: int = 0
    exact: int = 0
    true_pos: int = 0
    predicted: int = 0
    expected: int = 0
    unmatched: int = 0  # cases whose output could not be located in the text
    wrong: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    seconds: float = 0.0
    speed_sentences: int = 0

    @property
    def accuracy(self) -> float:
        return self.exact / self.cases if self.cases else 0.0

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def rate(self) -> float:
        return self.speed_sentences / self.seconds if self.seconds else 0.0


def score(split: Splitter, cases: list[dict]) -> Score:
    result = Score()
    split(cases[0]["text"])  # warm-up: lazy imports and compiled patterns are not timed
    for case in cases:
        text, expected = case["text"], case["expected"]
        got = [s.strip(EDGES) for s in split(text)]
        got = [s for s in got if s]
        want = [s.strip(EDGES) for s in expected]
        result.cases += 1
        if got == want:
            result.exact += 1
        else:
            result.wrong.append((case["name"], want, got))
        gold = boundaries(text, expected) or set()
        found = boundaries(text, got)
        if found is None:
            result.unmatched += 1
            found = set()
        result.expected += len(gold)
        result.predicted += len(found)
        result.true_pos += len(gold & found)
    return result


def big_text(cases: list[dict], size: int) -> tuple[list[str], int]:
    """The texts of the cases repeated up to about ``size`` characters in all, and the number
    of expected sentences in them."""
    chars = sum(len(c["text"]) for c in cases)
    copies = max(1, round(size / chars))
    texts = [c["text"] for c in cases] * copies
    return texts, sum(len(c["expected"]) for c in cases) * copies


def timed(split: Splitter, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            split(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="the YAML cases")
    parser.add_argument(
        "--size",
        type=int,
        default=100_000,
        help="characters of the speed text per language (default 100000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timing runs, best kept")
    parser.add_argument(
        "--show", action="store_true", help="list the cases each splitter gets wrong"
    )
    parser.add_argument(
        "--splitters",
        default=",".join(SPLITTERS),
        help="comma-separated, of " + ", ".join(SPLITTERS),
    )
    args = parser.parse_args(argv)

    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    by_lang = {code: [c for c in cases if c["lang"] == code] for code in LANGS}

    loaded: dict[str, dict[str, Splitter]] = {}
    for name in args.splitters.split(","):
        name = name.strip()
        if name not in SPLITTERS:
            parser.error(f"unknown splitter {name!r}")
        try:
            loaded[name] = SPLITTERS[name]()
        except ImportError as error:
            print(f"note: {name} is not installed ({error}); left out", file=sys.stderr)

    rows = []
    for name, splitters in loaded.items():
        for code in LANGS:
            split = splitters[code]
            result = score(split, by_lang[code])
            texts, sentences = big_text(by_lang[code], args.size)
            result.seconds = timed(split, texts, args.repeat)
            result.speed_sentences = sentences
            rows.append((name, code, result))

    label = {
        "lintr": "lintr",
        "pysbd": f"pysbd {version('pysbd')}",
        "sentencex": f"sentencex {version('sentencex')}",
    }
    print(
        f"Cases: {args.cases.name}, "
        + ", ".join(f"{len(by_lang[c])} {c}" for c in LANGS)
        + f". Speed: ~{args.size:,} characters per language, best of {args.repeat}.\n"
    )
    print("| splitter | lang | exact | accuracy | boundary P | boundary R | F1 | sentences/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, code, r in rows:
        print(
            f"| {label[name]} | {code} | {r.exact}/{r.cases} | {r.accuracy:.2f} | "
            f"{r.precision:.2f} | {r.recall:.2f} | {r.f1:.2f} | {r.rate:,.0f} |"
        )
    for name in loaded:
        both = [r for n, _, r in rows if n == name]
        exact, total = sum(r.exact for r in both), sum(r.cases for r in both)
        print(f"\n{label[name]}: {exact}/{total} cases exact ({exact / total:.2f})", end="")
        unmatched = sum(r.unmatched for r in both)
        if unmatched:
            print(f"; {unmatched} outputs not found in the text (changed it)", end="")
    print()
    if args.show:
        for name, code, r in rows:
            for case, want, got in r.wrong:
                print(f"\n{name} {code}::{case}\n  expected: {want}\n  got:      {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
