"""Table-driven sentence splitter cases: tests/sentences.yml (lintr.align.sentences.split).

Each case gives a language (ar or en), a text and the sentences expected, exactly as
``text[start:end]`` of the spans that split returns. A case may carry ``xfail: "reason"``.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from lintr.align.sentences import split

CASES_FILE = Path(__file__).parent / "sentences.yml"


def load_cases() -> list[dict]:
    return yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def _params():
    for case in load_cases():
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"{case['lang']}::{case['name']}", marks=marks)


def test_cases_are_well_formed():
    cases = load_cases()
    names = [(c["lang"], c["name"]) for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    for case in cases:
        assert case["lang"] in ("ar", "en"), case["name"]
        assert isinstance(case["text"], str) and case["expected"], case["name"]
        # Every expected sentence is in the text, in order, without spaces around it.
        at = 0
        for sentence in case["expected"]:
            assert sentence == sentence.strip(), (case["name"], sentence)
            found = case["text"].find(sentence, at)
            assert found >= 0, (case["name"], sentence)
            at = found + len(sentence)
    for lang in ("ar", "en"):
        assert sum(c["lang"] == lang for c in cases) >= 35, lang


@pytest.mark.parametrize("case", list(_params()))
def test_split(registry, case):
    profile = registry.languages.get(case["lang"])
    text = case["text"]
    spans = split(text, profile)
    assert [text[a:b] for a, b in spans] == case["expected"]
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


@pytest.mark.parametrize("marks", [(".", "؟", "?", "!", "۔", "…"), (".", "?", "!", "…", "!!")])
def test_candidates_are_those_of_the_regex_scan(marks):
    """split only tries its candidate pattern where a mark starts (str.find); it must find
    what scanning the whole text with the pattern finds: ellipses, runs of marks, closers."""
    import random

    from lintr.align.sentences import _candidate, _matches

    rng = random.Random(8)
    pieces = [*"ab .?!؟۔…”»)\n\t‏", "...", ". . .", "!!", "?!", " . ", "3.5", "U.S."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        expected = [(m.start(), m.end()) for m in _candidate(marks).finditer(text)]
        assert [(m.start(), m.end()) for m in _matches(text, marks)] == expected
