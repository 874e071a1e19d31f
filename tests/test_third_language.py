"""A third language added as a plugin, without touching the core: a French profile built
here (number notation, number words, doublings), registered like any plugin module, and
read by the number rule and the doubled-word rule through its profile alone."""

from __future__ import annotations

import types

import pytest

from lintr import registry as plugins
from lintr.analysis.digits import Notation
from lintr.analysis.numbers import NumberTables, find_values
from lintr.hookspecs import hookimpl
from lintr.languages.names import LATIN_NAMES
from lintr.languages.profile import LanguageProfile
from lintr.model import Pair, PairSide, Segment

_UNITS = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
FRENCH_NUMBERS = NumberTables(
    cardinals={
        **{w: i for i, w in enumerate(_UNITS.split(), start=1)},
        "une": 1,
        "dix-sept": 17,
        "dix-huit": 18,
        "dix-neuf": 19,
        "vingt": 20,
        "quatre-vingts": 80,
        "cent": 100,
        "mille": 1000,
    },
    scales=frozenset({"cent", "mille"}),
    ordinals={"premier": 1, "première": 1, "deuxième": 2, "troisième": 3},
    percent_words=("pour cent",),
)

FRENCH = LanguageProfile(
    code="fr",
    name="French",
    script="Latin",
    digits={str(i): str(i) for i in range(10)},
    decimal_separators=(",",),
    thousands_separators=(" ", "\u202f"),  # a space, a narrow no-break space
    percent_signs=("%",),
    ordinal_suffixes=("e", "er", "ème"),
    strip_marks=str.casefold,
    normalize=str.casefold,
    number_tables=FRENCH_NUMBERS,
    name_skeletons=LATIN_NAMES,
    doublings=frozenset({"nous nous", "vous vous"}),
)


@hookimpl
def lintr_languages() -> list[LanguageProfile]:
    return [FRENCH]


@pytest.fixture(scope="module")
def registry():
    plugin = types.ModuleType("lintr_french")
    plugin.lintr_languages = lintr_languages  # type: ignore[attr-defined]
    return plugins.load(extra_modules=(plugin,))


def _pair(source: str, src: LanguageProfile, target: str, tgt: LanguageProfile) -> Pair:
    return Pair(
        PairSide((Segment(source, "source", 1, 1),), src, "source"),
        PairSide((Segment(target, "target", 1, 1),), tgt, "target"),
    )


def _messages(registry, rule_id: str, pair: Pair) -> list[str]:
    rule = registry.rules[rule_id]({})
    return [f.message for f in rule.check(pair)]


def test_the_plugin_profile_is_loaded(registry):
    assert registry.languages.get("fr") is FRENCH
    assert not registry.warnings


def test_arabic_three_against_french_trois_is_no_mismatch(registry):
    ar, fr = registry.languages.get("ar"), registry.languages.get("fr")
    assert _messages(registry, "numeral-mismatch", _pair("ثلاثة", ar, "Trois", fr)) == []
    # Without the plugin lintr knows no French number word: the three is missing.
    unknown = plugins.load().languages.generic("fr")
    assert _messages(registry, "numeral-mismatch", _pair("ثلاثة", ar, "Trois", unknown))


@pytest.mark.parametrize("french", ["1 234,5", "1\u202f234,5"])
@pytest.mark.parametrize(("other", "lang"), [("1234.5", "en"), ("١٬٢٣٤٫٥", "ar")])
def test_french_notation_matches_english_and_arabic(registry, french, other, lang):
    fr, profile = registry.languages.get("fr"), registry.languages.get(lang)
    assert [v.value for v in find_values(french, fr)] == ["1234.5"]
    assert [v.value for v in find_values(other, profile)] == ["1234.5"]
    assert _messages(registry, "numeral-mismatch", _pair(other, profile, french, fr)) == []
    assert _messages(registry, "numeral-mismatch", _pair(french, fr, other, profile)) == []


def test_french_ordinal_suffixes(registry):
    fr = registry.languages.get("fr")
    found = [(v.text, v.value, v.kind) for v in find_values("le 3e jour, le 1er mai", fr)]
    assert found == [("3e", "3", "ordinal"), ("1er", "1", "ordinal")]
    # English suffixes are English's: in French, 3rd is no ordinal.
    assert [v.kind for v in find_values("3rd", fr)] == ["digits"]


def test_french_number_words_and_percent(registry):
    fr = registry.languages.get("fr")
    found = [(v.text, v.value) for v in find_values("trois cent mille, quatre-vingts", fr)]
    assert found == [("trois cent mille", "300000"), ("quatre-vingts", "80")]
    (percent,) = find_values("50 %", fr)
    assert (percent.value, percent.unit) == ("50", "%")


def test_french_doublings_are_the_languages(registry):
    fr, en = registry.languages.get("fr"), registry.languages.get("en")
    pair = _pair("Nous nous levons tôt.", fr, "We get up early.", en)
    assert _messages(registry, "doubled-word", pair) == []
    pair = _pair("Il a vu le le chat.", fr, "He saw the cat.", en)
    assert _messages(registry, "doubled-word", pair) == [
        'doubled word "le" in the French source: remove the second "le"'
    ]


def test_default_sides_come_from_the_profiles(registry):
    languages = registry.languages
    assert (languages.default("source"), languages.default("target")) == ("ar", "en")
    assert not languages.is_default_target("fr")


def test_digits_unicode_does_not_count_as_decimal_are_read_where_listed():
    chinese = dict(zip("〇一二三四五六七八九", "0123456789", strict=True))
    assert [n.value for n in Notation(digits=chinese).find("二〇二〇年")] == ["2020"]
    assert Notation().find("二〇二〇年") == []
