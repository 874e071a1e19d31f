"""How a language writes a word twice: what the doubled-word rule asks of a profile.

A word written twice in a row is a slip in one language and grammar in another: Arabic
repeats a word for emphasis ("الصلاةَ الصلاةَ"), to distribute ("ركعتين ركعتين", two at a
time) and where one clause ends and the next begins with the same word (the narration
formula "قال قال رسول الله"); English does not, except in a few idioms. The doubled-word rule
reads this from the profile, and the words that render a repetition from the profile of the
other side of the pair ("two by two", "twice").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


def _same(first: str, second: str) -> bool:
    return True


def _never(first: str, second: str) -> bool:
    return False


@dataclass(frozen=True)
class Repetition:
    """A language's repetitions. Words are given as the rule compares them: the profile's
    ``strip_marks``, case-folded."""

    # Words never written twice on purpose (articles, prepositions: "the the", "في في"): a
    # doubling of one is a slip, whatever the other side says.
    slips: frozenset[str] = frozenset()
    # What renders a repetition in this language ("twice", "two by two", "one by one"),
    # matched in the text with its marks stripped and case folded: a doubling on the other
    # side of the pair near one is a translation, not a slip.
    renderings: re.Pattern[str] | None = None
    # Whether the language repeats words on purpose without punctuation (Arabic): then a
    # doubling that is no slip may be deliberate, and the rule offers no fix for it.
    emphatic: bool = False
    # Whether two written forms with one stripped key are one word (Arabic: the vowels both
    # write agree; مُلْكِ and مَلِكٍ are two words).
    same_word: Callable[[str, str], bool] = _same
    # Whether a doubling's own forms show it deliberate (Arabic: both words vocalised, both
    # with tanwin, a distributive number).
    deliberate: Callable[[str, str], bool] = _never
