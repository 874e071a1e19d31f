"""The English language profile."""

from __future__ import annotations

from lintr.hookspecs import hookimpl
from lintr.languages.morphology import PLURAL_S
from lintr.languages.names import LATIN_NAMES
from lintr.languages.profile import LanguageProfile
from lintr_plugins.languages.english.doublings import DOUBLINGS, REPETITION
from lintr_plugins.languages.english.function_words import FUNCTION_WORDS
from lintr_plugins.languages.english.numbers import NUMBERS

ENGLISH = LanguageProfile(
    code="en",
    name="English",
    script="Latin",
    decimal_separators=(".",),
    thousands_separators=(",",),
    percent_signs=("%",),
    sentence_final=(".", "?", "!", "…"),
    quote_pairs=(("“", "”"), ('"', '"'), ("«", "»")),
    ordinal_suffixes=("st", "nd", "rd", "th"),
    # Never end a sentence: titles and words always followed by another ("Dr. Smith",
    # "e.g. the"); after a number, units may ("5 km. Then").
    abbreviations=frozenset(
        "mr mrs ms dr prof st mt gen col lt sgt capt maj cmdr adm gov sen rep pres "
        "rev fr hon dept univ vs e.g i.e cf viz approx est "
        "km kg cm mm ml lb lbs oz ft yd mi hr hrs min sec b bt ibn".split()
    ),
    # End a sentence before a capital: "in the U.S. He", "No. 5" but "He said no. Then",
    # "Jan. 5" but "I met Jan. He", "He sat. Then".
    abbreviations_may_end=frozenset(
        "etc al a.m p.m u.s u.k u.n e.u u.s.a inc ltd co corp bros jr sr "
        "no nos ch chap para art fig figs ed eds vol vols p pp "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun".split()
    ),
    strip_marks=str.casefold,
    normalize=str.casefold,
    number_tables=NUMBERS,
    name_skeletons=LATIN_NAMES,
    word_forms=PLURAL_S,
    doublings=DOUBLINGS,
    repetition=REPETITION,
    function_words=FUNCTION_WORDS,
    default_side="target",
)


@hookimpl
def lintr_languages() -> list[LanguageProfile]:
    return [ENGLISH]
