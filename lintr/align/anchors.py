"""What survives translation, for the aligner to hold on to: numbers (normalised), names
(consonant skeletons that a transliteration shares with the original: lintr.languages.names),
URLs and questions."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from lintr.analysis.digits import Notation, notation_for
from lintr.languages.profile import LanguageProfile
from lintr.text import URL_OR_EMAIL, by_chunk

MIN_SKELETON = 3


def _may_hold_url(text: str) -> bool:
    """False when URL_OR_EMAIL cannot match: each of its matches holds one of these. (Its
    e-mail branch tries a word at every position, a third of the cost of anchors.)"""
    return "@" in text or "://" in text or "www." in text


def anchors(text: str, profile: LanguageProfile) -> frozenset[str]:
    """The anchors of one unit of text, as comparable strings."""
    cache, scan, notation, questions = _scanner(profile)
    found = set(by_chunk(scan, text.split(), cache))
    if not notation.chunkable:  # a number may hold a space (1 000): read the whole text
        found.update(_number_anchors(text, notation))
    if _may_hold_url(text):
        found.update(f"@{m.group().lower()}" for m in URL_OR_EMAIL.finditer(text))
    for mark in questions:
        if mark in text:
            found.add("?")
            break
    return frozenset(found)


def _number_anchors(chunk: str, notation: Notation) -> list[str]:
    return [f"#{n.value}" for n in notation.find(chunk)]


def _chunk_anchors(chunk: str, profile: LanguageProfile, notation: Notation) -> list[str]:
    """The numbers and names of a chunk of text (``text.by_chunk``: the number pattern and the
    name finders match no whitespace, and their look-arounds take it as they take the text's
    ends)."""
    numbers = _number_anchors(chunk, notation) if notation.chunkable else []
    names = profile.name_skeletons
    if names is None:
        return numbers
    skeletons = map(names.skeleton, names.find(chunk))
    return [*numbers, *("~" + s for s in skeletons if len(s) >= MIN_SKELETON)]


_Scanner = tuple[dict, Callable[[str], list[str]], Notation, tuple[str, ...]]
# Per profile (by identity, the profile kept to tell a reused id from its own): each
# distinct chunk's anchors, the function that finds them, the profile's notation and its
# question marks.
_SCANNERS: dict[int, tuple[LanguageProfile, _Scanner]] = {}


def _scanner(profile: LanguageProfile) -> _Scanner:
    found = _SCANNERS.get(id(profile))
    if found is None or found[0] is not profile:
        notation = notation_for(profile)
        scan = lambda chunk: _chunk_anchors(chunk, profile, notation)  # noqa: E731
        found = _SCANNERS[id(profile)] = (profile, ({}, scan, notation, _questions(profile)))
    return found[1]


def _questions(profile: LanguageProfile) -> tuple[str, ...]:
    """The profile's sentence-final marks that are question marks (?, the Arabic ؟): a
    question stays one in translation."""
    return tuple(
        mark
        for mark in profile.sentence_final
        if len(mark) == 1 and unicodedata.name(mark, "").endswith("QUESTION MARK")
    )


def short_names(text: str, profile: LanguageProfile) -> frozenset[str]:
    """Names of two consonants (Musa, Umar, Anas), too ambiguous for the aligner's anchors
    (every Arabic word is a candidate) but telling between two neighbouring units."""
    names = profile.name_skeletons
    if names is None:
        return frozenset()
    return frozenset(f"~{s}" for s in map(names.skeleton, names.find(text)) if len(s) == 2)
