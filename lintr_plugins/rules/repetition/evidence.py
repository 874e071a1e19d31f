"""What tells a deliberate repetition from a slip around a doubled word: the words it is
joined to, the sentence it stands in, and the other side of the pair."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import regex

from lintr.languages.profile import LanguageProfile
from lintr.model import PairSide
from lintr.text import strip_invisible

# Whether a plain doubling (words, key) on a side is deliberate: the rule's judgement.
Deliberate = Callable[[PairSide, str, str, str], bool]

# Joined to the word before the first ("kernel-package package", "id_token token", "-name
# name", "Ka`b b.": the backquote as an ʿayn sign) or after the second ("service
# service-name"): a part of a longer token.
_GLUE_BEFORE = frozenset("-_/\\.@=+~#`")
_GLUE_AFTER = frozenset("-_/\\@=+~#")
# Skipped when looking back for the end of the previous sentence.
_OPENERS = frozenset("\"'“‘«([{")
_LAST_WORD = regex.compile(r"[\p{L}\p{M}.]*$")

# A repetition on the other side renders this one if it is at about the same place: within
# this share of the other text (or these characters, in a short text) of the same relative
# position. Translations keep the order of their content roughly, not exactly.
_REACH = 0.3
_MIN_REACH = 120


def in_compound(text: str, start: int, end: int) -> bool:
    """Whether the doubling ``text[start:end]`` is part of a longer token."""
    return (start > 0 and text[start - 1] in _GLUE_BEFORE) or (
        end < len(text) and text[end] in _GLUE_AFTER
    )


def name_then_word(side: PairSide, start: int, first: str, second: str) -> bool:
    """A capitalised word inside a sentence, then the same letters in lower case: a name and
    a word ("Abu Humaid al-Said said", "Malik b. Sa sa'"), not a doubling. At the start of a
    sentence "The the" is one."""
    profile = side.profile
    if not (profile.cased and first.istitle() and second[:1].islower()):
        return False
    return not _sentence_initial(side.text, start, profile)


def _sentence_initial(text: str, start: int, profile: LanguageProfile) -> bool:
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _OPENERS):
        if text[i - 1] == "\n":
            return True  # a line starts here: a heading, a list item, a new segment
        i -= 1
    if i == 0:
        return True
    previous = text[i - 1]
    if previous == ".":
        word = _LAST_WORD.search(text, 0, i - 1)
        abbreviation = word.group().casefold() if word else ""
        return len(abbreviation) != 1 and abbreviation not in profile.abbreviations
    return previous in profile.sentence_final or previous in ":;"


def rendered_near(other: PairSide, where: float, deliberate: Deliberate) -> bool:
    """Whether ``other`` repeats a word on purpose, or says a repetition in words ("two by
    two"), near the relative position ``where`` (0 the start, 1 the end). A repetition is
    on purpose where punctuation separates its words ("Stop, stop") or where ``deliberate``
    says so (the allowed doublings; Arabic's vocalised or distributive ones): a plain
    doubling on the other side may be a slip itself, and two slips excuse nothing."""
    if not other:
        return False
    spots = _repeated_words(other, deliberate)
    renderings = other.profile.repetition.renderings
    if renderings is not None:
        plain = other.profile.strip_marks(other.text).casefold()
        scale = len(other.text) / max(len(plain), 1)
        spots += [m.start() * scale for m in renderings.finditer(plain)]
    centre = where * len(other.text)
    reach = max(_REACH * len(other.text), _MIN_REACH)
    return any(abs(spot - centre) <= reach for spot in spots)


def _repeated_words(side: PairSide, deliberate: Deliberate) -> list[float]:
    """Where a word follows itself on purpose; slips do not count: they render nothing."""
    strip, slips = side.profile.strip_marks, side.profile.repetition.slips
    spots: list[float] = []
    for (_, a_end, a), (b_start, _, b) in pairwise(side.words):
        key = strip(a).casefold()
        if key != strip(b).casefold() or key in slips or not any(c.isalpha() for c in key):
            continue
        gap = side.text[a_end:b_start]
        if any(c.isalnum() for c in gap):
            continue
        if not strip_invisible(gap).isspace() or deliberate(side, a, b, key):
            spots.append(b_start)
    return spots
