"""The English language profile."""

from __future__ import annotations

from lintr.hookspecs import hookimpl
from lintr.languages import LanguageProfile

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
    abbreviations=frozenset(
        "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt maj cmdr adm gov sen rep pres "
        "rev fr hon no nos vol vols ch chap p pp para art fig figs ed eds est approx dept univ "
        "vs e.g i.e cf viz "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
        "km kg cm mm ml lb lbs oz ft yd mi hr hrs min sec b bt ibn".split()
    ),
    abbreviations_may_end=frozenset(
        "etc al a.m p.m u.s u.k u.n e.u u.s.a inc ltd co corp bros approx est".split()
    ),
    strip_marks=str.casefold,
    normalize=str.casefold,
)


@hookimpl
def lintr_languages() -> list[LanguageProfile]:
    return [ENGLISH]
