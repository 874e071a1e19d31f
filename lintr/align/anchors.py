"""What survives translation, for the aligner to hold on to: numbers (normalised), names
(a Latin transliteration compared with the Arabic consonant skeleton), URLs and questions."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

import regex

from lintr.analysis.names import ARABIC_WORD, arabic_skeleton, latin_skeleton
from lintr.analysis.numbers import find_numbers
from lintr.languages.profile import LanguageProfile
from lintr.text import URL_OR_EMAIL, by_chunk

# A leading ʿayn or hamza mark belongs to the name: ‘Umar, ʿAbd, 'Imran.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}'’‘ʿʾ])['’‘ʿʾ]?\p{Lu}[\p{L}\p{M}'’‘ʿʾ-]+")
MIN_SKELETON = 3
# Names recur from sentence to sentence: each skeleton is worked out once.
_latin_skeleton = lru_cache(maxsize=65536)(latin_skeleton)


def _may_hold_url(text: str) -> bool:
    """False when URL_OR_EMAIL cannot match: each of its matches holds one of these. (Its
    e-mail branch tries a word at every position, a third of the cost of anchors.)"""
    return "@" in text or "://" in text or "www." in text


def anchors(text: str, profile: LanguageProfile) -> frozenset[str]:
    """The anchors of one unit of text, as comparable strings."""
    cache = _CHUNK_ANCHORS.get(profile.script)
    if cache is None:
        cache = _CHUNK_ANCHORS[profile.script] = {}
    found = set(by_chunk(_WORD_ANCHORS.get(profile.script, _number_anchors), text.split(), cache))
    if _may_hold_url(text):
        found.update(f"@{m.group().lower()}" for m in URL_OR_EMAIL.finditer(text))
    if "?" in text or "؟" in text:
        found.add("?")
    return frozenset(found)


def _number_anchors(chunk: str) -> list[str]:
    return [f"#{n.value}" for n in find_numbers(chunk)]


def _name_anchors(
    chunk: str, find: Callable[[str], list[str]], skeleton: Callable[[str], str]
) -> list[str]:
    skeletons = map(skeleton, find(chunk))
    return [*_number_anchors(chunk), *("~" + s for s in skeletons if len(s) >= MIN_SKELETON)]


# The numbers and names of a chunk of text, per script (``text.by_chunk``: NUMBER,
# ARABIC_WORD and _CAPITALISED match no whitespace, and their look-arounds take it as they
# take the text's ends).
_WORD_ANCHORS = {
    "Arabic": partial(_name_anchors, find=ARABIC_WORD.findall, skeleton=arabic_skeleton),
    "Latin": partial(_name_anchors, find=_CAPITALISED.findall, skeleton=_latin_skeleton),
}
_CHUNK_ANCHORS: dict[str, dict[str, tuple[str, ...]]] = {}


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
