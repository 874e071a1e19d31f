"""Word scans worked out chunk by chunk (``lintr.text.by_chunk``) give what a scan of the
whole text gives: the shared tokens, the lexicon's word forms and anchors, the aligner's
anchors and the transliteration rule's words, on tricky texts and on random ones."""

from __future__ import annotations

import random

import pytest

from lintr import text
from lintr.align import anchors, lexicon
from lintr.analysis import names
from lintr.analysis.numbers import find_numbers
from lintr.model import PairSide, Segment
from lintr_plugins.languages.arabic.names import ARABIC_WORD, arabic_skeleton

TRICKY = [
    "",
    "   ",
    "قال، إنّ الجيشَ دخل المدينة٪ ٣٥٪ عام٢٠١٥ بنسبة٫٥ كتـــاب",
    "Dayr az-Zūr ‘Umar ʿAlī's al-Ḥasan Mar‘ī won't O'Neil G20s 15th 3.5 1,000",
    "wrap\u00a0no-break\u200fmark\u200bzero\u3000ideographic\x1cseparator\u2029para\ttab\nline",
    "a.b.c 06.01.2017 15:23 3. 5 -4 ٣٫٥ ١٠٦٬٥٢٩ x@y.com http://a.b/c www.q.org",
    "ﷺ صلى الله عليه وسلم «قال» “Said” (AFP) – ?؟ ‘a’ 'b' ''",
]
ALPHABET = (
    list("ab AZ'’‘ʿʾʻ`-\u00a0\u200f\u200b\t\n،؛؟٪٫٬٠١٢3.,:?@/w") + list("قالمحمدعبدىةأإآـًٌَُّْ")
) + ["Ḥ", "ā", "ī", "\x1c", "\u2029", "\u3000", "é", "ß", "ﷺ", "th", "sh", "al-"]


def texts() -> list[str]:
    rnd = random.Random(6)
    return TRICKY + ["".join(rnd.choices(ALPHABET, k=rnd.randint(1, 60))) for _ in range(3000)]


@pytest.fixture(scope="module")
def profiles(registry):
    return registry.languages.get("ar"), registry.languages.get("en")


@pytest.mark.parametrize(
    "pattern",
    [text.WORD, names.WORD, ARABIC_WORD, names.CAPITALISED, lexicon._WORD],
    ids=["text.WORD", "names.WORD", "ARABIC_WORD", "capitalised", "lexicon._WORD"],
)
def test_by_chunk_finds_what_findall_finds(pattern):
    cache: dict = {}
    for t in texts():
        assert text.by_chunk(pattern.findall, t.split(), cache) == pattern.findall(t), t


def test_by_chunk_numbers_are_the_texts_numbers(profiles):
    for profile in (None, *profiles):
        cache: dict = {}
        scan = lambda chunk, p=profile: [n.value for n in find_numbers(chunk, p)]  # noqa: E731
        for t in texts():
            whole = [n.value for n in find_numbers(t, profile)]
            assert text.by_chunk(scan, t.split(), cache) == whole, t


def test_by_chunk_starts_again_past_its_limit(monkeypatch):
    monkeypatch.setattr(text, "CHUNK_LIMIT", 4)
    cache: dict = {}
    assert text.by_chunk(list, ["ab", "c", "d"], cache) == ["a", "b", "c", "d"]
    assert text.by_chunk(list, ["ef", "g"], cache) == ["e", "f", "g"]
    assert set(cache) == {"ef", "g"}


def test_shared_tokens_are_the_words(profiles):
    ar, _ = profiles
    for t in texts():
        side = PairSide((Segment(t, "f", 1, 1),), ar, "source")
        assert side.tokens == [w for _, _, w in text.words(t)], t


def test_word_set_is_the_forms_of_the_words(profiles):
    for profile in profiles:
        for t in texts():
            forms = {lexicon.word_form(w, profile) for w in lexicon._WORD.findall(t)} - {""}
            assert lexicon.word_set(t, profile) == forms, t


def test_anchors_of_words_numbers_and_names(profiles):
    for profile in profiles:
        for t in texts():
            if profile.script == "Arabic":
                skeletons = map(arabic_skeleton, ARABIC_WORD.findall(t))
            else:
                skeletons = map(names.latin_skeleton, names.CAPITALISED.findall(t))
            expected = {f"#{n.value}" for n in find_numbers(t, profile)}
            expected |= {"~" + s for s in skeletons if len(s) >= anchors.MIN_SKELETON}
            expected |= {f"@{m.group().lower()}" for m in text.URL_OR_EMAIL.finditer(t)}
            questions = ("?", "؟") if profile.code == "ar" else ("?",)  # its sentence_final's
            expected |= {"?"} if any(q in t for q in questions) else set()
            assert anchors.anchors(t, profile) == expected, t


def test_lexicon_anchors_in_is_anchors_of_the_word_set(profiles):
    ar, en = profiles
    found = lexicon.Lexicon({"كتاب": frozenset({"book"}), "قال": frozenset({"said", "say"})})
    for t in [*texts(), "والكتاب قال كتابه", "The book said: books, Books!"]:
        assert found.anchors_in(t, ar, "source") == found.source_anchors(lexicon.word_set(t, ar))
        assert found.anchors_in(t, en, "target") == found.target_anchors(lexicon.word_set(t, en))


def test_folded_tokens_are_shared_and_folded(profiles):
    ar, _ = profiles
    side = PairSide((Segment("وقال الرئيسُ إنّ The President SAID", "f", 1, 1),), ar, "source")
    folded = side.folded_tokens(ar.normalize)
    assert folded == [ar.normalize(w) for w in side.tokens]
    assert side.folded_tokens(ar.normalize) is folded
    expected = ["وقال", "الرئيسُ", "إنّ", "the", "president", "said"]
    assert side.folded_tokens(str.casefold) == expected


def test_doubled_word_keys_from_chunks(profiles):
    from functools import partial

    from lintr_plugins.rules.repetition.doubled_word import _keys

    for profile in profiles:
        strip, cache = profile.strip_marks, {}
        for t in texts():
            expected = [strip(w).casefold() for w in text.WORD.findall(t)]
            assert text.by_chunk(partial(_keys, strip), t.split(), cache) == expected, t
