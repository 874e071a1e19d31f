"""Numbers in words, quantities and conversions: what the YAML cases cannot show one by one."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import run_lintr

from lintr.analysis.numbers import NumberTables, find_numbers, find_values
from lintr.analysis.quantities import UNITS, approx, convert, find_quantities
from lintr.languages.profile import LanguageProfile
from lintr.model import Pair, PairSide, Segment, Severity


def _pair(registry, source: str, target: str, src: str = "ar", tgt: str = "en") -> Pair:
    langs = registry.languages
    return Pair(
        PairSide((Segment(source, "s", 1, 1),), langs.get(src), "source"),
        PairSide((Segment(target, "t", 1, 1),), langs.get(tgt), "target"),
    )


def _values(registry, text: str, lang: str) -> list[tuple[str, str]]:
    return [(v.text, v.value) for v in find_values(text, registry.languages.get(lang))]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ثلاثمائة وخمسة", "305"),
        ("خمسة وعشرون", "25"),
        ("ستين وثلاثمائة", "360"),
        ("تسعة وتسعين ومائة", "199"),
        ("ثلاثة آلاف وخمسمائة", "3500"),
        ("عشرين ألفاً", "20000"),
        ("مئة ألف", "100000"),
        ("الخامس عشر", "15"),
        ("الحادي عشر", "11"),
        ("ثلثي", "2/3"),
        ("٢٫٥ مليون", "2500000"),
    ],
)
def test_arabic_number_words(registry, text, expected):
    assert [value for _, value in _values(registry, text, "ar")] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("three hundred and five", "305"),
        ("one hundred and twenty-one", "121"),
        ("twenty-first", "21"),
        ("a dozen", "12"),
        ("two dozen", "24"),
        ("two thirds", "2/3"),
        ("a quarter", "0.25"),
        ("2.5 million", "2500000"),
        ("3:15 pm", "15:15"),
        ("12 am", "0:00"),
        ("minus 4", "-4"),
    ],
)
def test_english_number_words(registry, text, expected):
    assert [value for _, value in _values(registry, text, "en")] == [expected]


def test_three_and_four_are_two_numbers_but_a_hundred_and_five_is_one(registry):
    assert _values(registry, "three and four", "en") == [("three", "3"), ("four", "4")]
    assert _values(registry, "ثلاثة وأربعة", "ar") == [("ثلاثة", "3"), ("أربعة", "4")]
    assert _values(registry, "مائة خمسة", "ar") == [("مائة", "100"), ("خمسة", "5")]


def test_offsets_survive_tashkeel(registry):
    text = "قُتِلَ خَمْسَةَ عَشَرَ شَخْصًا"
    ((found, value),) = _values(registry, text, "ar")
    assert value == "15"
    assert text.index(found) == text.index("خَمْسَةَ")


def test_digits_alone_are_unchanged_for_the_aligner():
    # The aligner's anchors come from find_numbers: number words must not leak into them.
    assert [n.value for n in find_numbers("قُتل خمسة عشر و 55 كم")] == ["55"]


def test_a_value_change_on_a_quantity_is_reported_once(registry):
    pair = _pair(registry, "على عمق 55 كم داخل البادية", "an area 56 kilometers deep")
    findings = [f for cls in registry.rules.values() for f in cls().check(pair)]
    numeric = [f for f in findings if f.rule in ("numeral-mismatch", "unit-mismatch")]
    assert [f.rule for f in numeric] == ["unit-mismatch"]
    assert "the source has 55 km; the target says 56 kilometers" in numeric[0].message


def test_a_quantity_with_no_counterpart_is_a_plain_number(registry):
    pair = _pair(registry, "على عمق 55 كم", "an area 57 deep")
    numeral = registry.rules["numeral-mismatch"]()
    units = registry.rules["unit-mismatch"]()
    assert [f.detail for f in numeral.check(pair)] == ["55->57"]
    assert list(units.check(pair)) == []


def test_exact_units_reports_a_conversion_as_info(registry):
    pair = _pair(registry, "على بعد 55 كم", "34 miles away")
    rule = registry.rules["unit-mismatch"]({"exact-units": True})
    (finding,) = rule.check(pair)
    assert finding.severity == Severity.INFO
    assert registry.rules["unit-mismatch"]().severity == Severity.ERROR


def test_number_words_off_compares_digits_only(registry):
    pair = _pair(registry, "قُتل خمسة عشر شخصاً", "16 people were killed")
    precise = registry.rules["numeral-mismatch"]()
    off = registry.rules["numeral-mismatch"]({"number-words": "off"})
    assert [f.detail for f in precise.check(pair)] == ["15->16"]
    assert [f.detail for f in off.check(pair)] == ["+16"]


def test_conversions():
    assert approx(convert(55, "km", "mi")) == "34.2"  # type: ignore[arg-type]
    assert approx(convert(30, "degC", "degF")) == "86"  # type: ignore[arg-type]
    assert approx(convert(1, "dunam", "m2")) == "1,000"  # type: ignore[arg-type]
    assert {u.dimension for u in UNITS.values()} >= {
        "length",
        "area",
        "volume",
        "mass",
        "speed",
        "temperature",
        "duration",
        "currency",
    }


def test_a_new_language_is_a_table_not_code(registry):
    french = dataclasses.replace(
        registry.languages.get("en"),
        code="fr",
        name="French",
        number_tables=NumberTables(
            cardinals={"trois": 3, "cent": 100, "mille": 1000},
            scales=frozenset({"cent", "mille"}),
            units={"km": "km", "kilomètres": "km", "milles": "mi"},
        ),
    )
    assert isinstance(french, LanguageProfile)
    values = find_values("trois cent kilomètres", french)
    assert [v.value for v in values] == ["300"]
    (quantity,) = find_quantities("trois cent kilomètres", french, values)
    assert quantity.units == ("km",)


def test_same_input_same_output_and_explain_names_the_mode(tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(
        "قُتل خمسة عشر شخصاً على بعد 55 كم\tSixteen people were killed 55 miles away\n",
        encoding="utf-8",
    )
    args = ("check", str(tsv), "--source-lang", "ar", "--target-lang", "en", "--format", "json")
    first, second = run_lintr(*args), run_lintr(*args)
    assert first.stdout == second.stdout
    rules = sorted(f["rule"] for f in json.loads(first.stdout)["findings"])
    assert rules == ["numeral-mismatch", "unit-mismatch"]
    explained = run_lintr("explain", "numeral-mismatch").stdout
    assert (
        "Mode `precise` is on" in explained and "number-words: str, default 'precise'" in explained
    )


def _number_cases():
    import yaml

    for rule_id in ("numeral-mismatch", "unit-mismatch"):
        path = Path(__file__).parent / "rules" / f"{rule_id}.yml"
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(rule_id, case, id=f"{rule_id}::{case['name']}")


def _case_findings(registry, rule_id: str, case: dict, share_tokens: bool) -> list[tuple]:
    cls = registry.rules[rule_id]
    rule = cls({k: cls.options[k].validate(v) for k, v in (case.get("options") or {}).items()})
    langs = registry.languages
    sides = [
        PairSide(
            () if case[name] is None else (Segment(case[name], name, 1, 1),),
            langs.get(case.get(f"{name}_lang", default)),
            name,
        )
        for name, default in (("source", "ar"), ("target", "en"))
    ]
    pair = Pair(*sides)
    if share_tokens:  # as in a default run, where doubled-word finds the words first
        assert pair.source.tokens is not None and pair.target.tokens is not None
    return [(f.location, f.message, f.detail, f.severity, f.related) for f in rule.check(pair)]


@pytest.mark.parametrize("rule_id,case", list(_number_cases()))
def test_the_words_another_rule_found_give_the_same_findings(registry, rule_id, case):
    """The scanner folds each word of PairSide.tokens when a rule found them first, instead
    of the whole text: the findings must be the same either way (the YAML cases, which run
    the rule alone, see only the other way)."""
    alone = _case_findings(registry, rule_id, case, share_tokens=False)
    shared = _case_findings(registry, rule_id, case, share_tokens=True)
    assert shared == alone


# Letters, harakat, tatweel, the superscript alef, Qur'anic marks (small high sukun, maddah,
# open tanwin) and Latin letters: what a vocalised text may hold.
_VOCALISED_LETTERS = "ثلاثة أبٌَُِّْـ\u0670\u06e1\u0653\u08f0\u0610ab"


def test_arabic_strip_marks_knows_every_mark(registry):
    """Every combining mark of the Arabic blocks goes (the Qur'anic signs split words and hid
    numbers: سَبۡعَ is seven); the superscript alef stays for normalize to make an alef, and
    the signs of those ranges that are not marks (the end of an ayah, the small waw) stay."""
    import unicodedata

    ar = registry.languages.get("ar")
    for code in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), *range(0x06D6, 0x06EE)]:
        mark = chr(code)
        is_mark = unicodedata.category(mark) == "Mn" and code != 0x0670
        assert ar.strip_marks("س" + mark + "ب") == ("سب" if is_mark else "س" + mark + "ب")
    for code in range(0x08D3, 0x0900):
        if unicodedata.category(chr(code)) == "Mn":
            assert ar.strip_marks("س" + chr(code)) == "س"
    assert ar.normalize("سَبۡعَ") == "سبع"
    assert ar.normalize("ثَلَٰثَةَ") == "ثلاثه"
    assert ar.normalize("هَٰذَا") == "هاذا"


def test_the_quick_fold_of_common_text_is_the_fold_table(registry):
    """The scanner folds a text of the common scripts with a few str.replace calls (deleting
    marks, then changing letters): the same as folding it character by character."""
    import random

    from lintr.analysis.numbers import scanner_for

    rng = random.Random(5)
    letters = _VOCALISED_LETTERS + "أإآىؤئة\u0671ABc"
    for lang in ("ar", "en"):
        scanner = scanner_for(registry.languages.get(lang))
        for _ in range(2000):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
            scanner._last = None
            assert scanner.fold(text).text == text.translate(scanner._fold_table), text


def test_offsets_through_deleted_marks_agree_with_counting_them(registry):
    """_Folded maps offsets through runs of deleted marks; counted one by one, the offsets
    must be the same (random vocalised strings, tatweel and Latin letters included)."""
    import bisect
    import random

    from lintr.analysis.numbers import scanner_for

    scanner = scanner_for(registry.languages.get("ar"))
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_VOCALISED_LETTERS) for _ in range(rng.randint(0, 30)))
        scanner._last = None  # a fresh fold: offsets not yet computed
        folded = scanner.fold(text)
        deleted = [i for i, ch in enumerate(text) if not scanner.fold_word(ch)]
        assert len(folded.text) == len(text) - len(deleted)
        for offset in range(len(text) + 1):  # counted, before the runs are known
            assert folded.folded(offset) == offset - bisect.bisect_left(deleted, offset)
        folded.original(0)
        for offset in range(len(text) + 1):  # through the runs
            assert folded.folded(offset) == offset - bisect.bisect_left(deleted, offset)
        kept = [i for i in range(len(text)) if i not in deleted]
        for offset in range(len(folded.text)):
            assert folded.original(offset) == kept[offset]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_two_word_names_are_found_as_a_search_of_the_whole_text_finds_them(registry, lang):
    """The scanner tries the two-word month pattern only where a match can start; on random
    texts made of prefixes, the names' words and other words, it finds what finditer finds."""
    import random

    from lintr.analysis.numbers import scanner_for

    scanner = scanner_for(registry.languages.get(lang))
    pieces = [*scanner._prefixes, *scanner._multi, *scanner.multi_first, " ", "  ", "x", "ال"]
    pieces += [w for m in scanner._multi for w in m.split()]
    rng = random.Random(11)
    for _ in range(3000):
        ft = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = [m.span() for m in scanner.multi_re.finditer(ft)]
        assert [m.span() for m in scanner._multi_matches(ft)] == expected, ft
