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
    strip_marks=str.casefold,
    normalize=str.casefold,
)


@hookimpl
def lintr_languages() -> list[LanguageProfile]:
    return [ENGLISH]
