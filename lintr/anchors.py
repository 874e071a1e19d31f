"""What survives translation, for the aligner to hold on to: numbers (normalised), names
(a Latin transliteration compared with the Arabic consonant skeleton), URLs and questions."""

from __future__ import annotations

import regex

from lintr.languages import LanguageProfile
from lintr.names import ARABIC_WORD, arabic_skeleton, latin_skeleton
from lintr.numbers import find_numbers
from lintr.text import URL_OR_EMAIL

# A leading ʿayn or hamza mark belongs to the name: ‘Umar, ʿAbd, 'Imran.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}'’‘ʿʾ])['’‘ʿʾ]?\p{Lu}[\p{L}\p{M}'’‘ʿʾ-]+")
MIN_SKELETON = 3


def anchors(text: str, profile: LanguageProfile) -> frozenset[str]:
    """The anchors of one unit of text, as comparable strings."""
    found = {f"#{n.value}" for n in find_numbers(text)}
    found.update(f"@{m.group().lower()}" for m in URL_OR_EMAIL.finditer(text))
    if "?" in text or "؟" in text:
        found.add("?")
    if profile.script == "Arabic":
        skeletons = (arabic_skeleton(w) for w in ARABIC_WORD.findall(text))
    elif profile.script == "Latin":
        skeletons = (latin_skeleton(w) for w in _CAPITALISED.findall(text))
    else:
        skeletons = ()
    found.update(f"~{s}" for s in skeletons if len(s) >= MIN_SKELETON)
    return frozenset(found)


def short_names(text: str, profile: LanguageProfile) -> frozenset[str]:
    """Names of two consonants (Musa, Umar, Anas), too ambiguous for the aligner's anchors
    (every Arabic word is a candidate) but telling between two neighbouring units."""
    if profile.script == "Arabic":
        skeletons = (arabic_skeleton(w) for w in ARABIC_WORD.findall(text))
    elif profile.script == "Latin":
        skeletons = (latin_skeleton(w) for w in _CAPITALISED.findall(text))
    else:
        return frozenset()
    return frozenset(f"~{s}" for s in skeletons if len(s) == 2)
