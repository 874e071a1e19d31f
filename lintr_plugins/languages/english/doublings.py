"""English words written twice: on purpose, by slip, and what renders a repetition.

English does not repeat words for emphasis without punctuation ("No, no"; "Far, far
away"), except in the few idioms listed here: a doubling that no other side explains is a
slip, and the doubled-word rule offers to delete it.
"""

from __future__ import annotations

import re

from lintr.languages.repetition import Repetition

DOUBLINGS = frozenset(
    {
        # Grammatical: "what he had had", "that that is".
        "had had",
        "that that",
        "is is",
        "do do",
        # Interjections and intensifiers.
        "bye bye",
        "ha ha",
        "no no",
        "very very",
    }
)

# Function words a translation never doubles to render a repetition ("the the", "of of",
# "would would"): a doubling of one is a slip whatever the other side repeats.
SLIPS = frozenset(
    "a an the of to in on at by for from with into onto upon about and or nor but if than "
    "are was were be been being will would shall should can could may might must has have "
    "does did he she it we they his its their our your my this these those which who whom "
    "whose".split()
)

# What renders a repetition (in the case-folded text): "twice", "again and again", "two by
# two", "one after another", "each", "at a time", "in pairs".
RENDERINGS = re.compile(
    r"\b(?:twice|thrice|repeatedly|each|at a time|in (?:pairs|twos|threes)|time and again)\b"
    r"|\b(\w+) (?:by|and|after|upon) (?:\1|another)\b"
)

REPETITION = Repetition(slips=SLIPS, renderings=RENDERINGS)
