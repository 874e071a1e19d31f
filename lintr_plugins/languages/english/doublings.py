"""English words written twice on purpose: what the doubled-word rule does not report."""

from __future__ import annotations

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
