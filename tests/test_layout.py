"""Paragraphs or one segment per line: an empty translation line must not turn a
line-per-segment pair into a few giant paragraph pairs (issue 20)."""

from __future__ import annotations

import json
import random

import pytest
from conftest import run_lintr

from lintr.readers import ReadContext
from lintr.readers.layout import in_paragraphs, shape_of, text_lines
from lintr.readers.plaintext import PlainTextPair

CITIES = [("دمشق", "Damascus"), ("حلب", "Aleppo"), ("حمص", "Homs"), ("درعا", "Daraa")]
THINGS = [("جنود", "soldiers"), ("مدنيين", "civilians"), ("صحفيين", "journalists")]


def _corpus(n: int, seed: int = 5) -> tuple[list[str], list[str]]:
    """``n`` clean news pairs, each with its own numbers, every one in both versions."""
    rng = random.Random(seed)
    ar, en = [], []
    for _ in range(n):
        (city_ar, city_en), (what_ar, what_en) = rng.choice(CITIES), rng.choice(THINGS)
        count, day = rng.randint(2, 900), rng.randint(1, 28)
        ar.append(f"وصل {count} من ال{what_ar} إلى {city_ar} يوم {day} من الشهر.")
        en.append(f"{count} {what_en} arrived in {city_en} on day {day} of the month.")
    return ar, en


def _write(folder, ar: list[str], en: list[str]) -> tuple[str, str]:
    (folder / "c.ar.txt").write_text("\n".join(ar) + "\n", encoding="utf-8")
    (folder / "c.en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    return "c.ar.txt", "c.en.txt"


def _check(folder, *args: str) -> tuple[dict, str]:
    proc = run_lintr(
        "check", *args, "--source-lang", "ar", "--target-lang", "en", "--format", "json",
        cwd=folder,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout), proc.stderr


def _lines_of(report: dict, rule: str) -> list[int]:
    return [f["line"] for f in report["findings"] if f["rule"] == rule]


def test_four_lines_with_one_empty_translation(tmp_path):
    ar, en = _corpus(4)
    en[2] = ""
    report, stderr = _check(tmp_path, *_write(tmp_path, ar, en))
    assert report["summary"]["pairs"] == 4
    assert _lines_of(report, "empty-translation") == [3]
    assert not _lines_of(report, "numeral-mismatch")
    assert "paragraphs" not in stderr


def test_three_thousand_lines_with_empty_translations_stay_line_aligned(tmp_path):
    ar, en = _corpus(3000)
    empty = [17, 402, 1000, 1001, 1777, 2500, 2999, 3000]  # line numbers
    for line in empty:
        en[line - 1] = ""
    report, stderr = _check(tmp_path, *_write(tmp_path, ar, en))
    assert report["summary"]["pairs"] == 3000
    assert _lines_of(report, "empty-translation") == empty
    assert not _lines_of(report, "numeral-mismatch")
    assert "note" not in stderr
    # The same data as a TSV: the same findings at the same lines.
    rows = [f"{a}\t{e}" for a, e in zip(ar, en, strict=True)]
    (tmp_path / "c.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    tsv, _ = _check(tmp_path, "c.tsv")
    assert sorted((f["rule"], f["line"]) for f in tsv["findings"]) == sorted(
        (f["rule"], f["line"]) for f in report["findings"]
    )


def _layout(source: str, target: str) -> str:
    shapes = shape_of(text_lines(source)), shape_of(text_lines(target))
    return "paragraphs" if in_paragraphs(*shapes) else "lines"


# Each row: source, target, the layout to read them in.
LAYOUTS = [
    # An empty translation, nothing blank on the other side.
    ("a\nb\nc\nd\n", "a\nb\n\nd\n", "lines"),
    # Empty lines on both sides that never meet: empty segments facing text.
    ("a\n\nc\nd\n", "a\nb\n\nd\n", "lines"),
    # A few isolated blank lines in a long file, even on both sides.
    ("x\n" * 40 + "\n" + "x\n" * 40, "x\n" * 20 + "\n" + "x\n" * 60, "lines"),
    ("x\n" * 40 + "\n" + "x\n" * 40, "x\n" * 40 + "\n" + "x\n" * 39, "lines"),
    # Paragraphs: blank lines between blocks throughout both files.
    ("a\n\nb\nb\n\nc\n", "a\n\nb\n\nc\nc\nc\n", "paragraphs"),
    ("p\np\n\nq\n", "p\np\n\nq\n", "paragraphs"),
    ("a\n\nb\nb\n\nc\n\nd\n" * 20, "a\n\nb\n\nc\n\nd\n" * 20, "paragraphs"),
    # Equal line counts, blank lines meeting only at some lines (real hadith pairs do).
    ("a\n\nb\nb\n\nc\n\nd\n" * 20, "a\na\n\nb\n\nc\n\nd\n" * 20, "paragraphs"),
    # Blocks of one line only: as before, one segment per line.
    ("a\n\nb\n\nc\n", "a\n\nb\n\nc\n", "lines"),
    # Nothing blank: lines.
    ("a\nb\n", "a\nb\nc\n", "lines"),
]


@pytest.mark.parametrize(("source", "target", "expected"), LAYOUTS)
def test_layout(source, target, expected):
    assert _layout(source, target) == expected
    assert _layout(target, source) == expected


def test_scan_and_read_choose_the_same_layout(tmp_path, registry):
    ctx = ReadContext(registry.languages, "ar", "en")
    reader = PlainTextPair()
    for source, target, expected in LAYOUTS:
        paths = _write(tmp_path, source.splitlines(), target.splitlines())
        paths = [str(tmp_path / p) for p in paths]
        whole = reader.read(paths, ctx)
        assert whole.line_aligned == (expected == "lines")
        stream = reader.scan(paths, ctx)
        equal = len(whole.source.segments) == len(whole.target.segments)
        assert (stream is not None) == (whole.line_aligned and equal)


def test_paragraphs_with_equal_line_counts_say_so(tmp_path):
    ar = "قال المصدر.\n\nوصل 5 جنود.\nثم غادروا.\n\nانتهى.\n"
    en = "The source said.\n\n5 soldiers arrived.\n\nThey left.\nThe end.\n"
    (tmp_path / "p.ar.txt").write_text(ar, encoding="utf-8")
    (tmp_path / "p.en.txt").write_text(en, encoding="utf-8")
    report, stderr = _check(tmp_path, "p.ar.txt", "p.en.txt")
    assert report["summary"]["pairs"] < 6
    assert stderr.count("lintr: note:") == 1
    assert (
        "lintr: note: p.ar.txt and p.en.txt are written in paragraphs (blank lines between "
        "blocks): aligning paragraphs instead of pairing line by line"
    ) in stderr
