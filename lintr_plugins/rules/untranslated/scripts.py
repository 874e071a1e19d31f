"""What the untranslated rules share."""

from __future__ import annotations

import regex

from lintr.model import Pair
from lintr.text import script_pattern

# Arabic word ligatures (U+FDF0-U+FDFD): ﷺ ﷻ ﷲ ﷽ ... English religious texts use them on purpose.
HONORIFIC_LIGATURES = [chr(c) for c in range(0xFDF0, 0xFDFE)]
# Inside a run of foreign script: spaces, hyphens, tatweel and the punctuation such text uses.
_SEPARATORS = r"[\s\-‐–—_.,:;'\"«»“”‘’()\[\]،؛؟!?/\u200c\u200d\u200e\u200f\u061c]"
_RUN_PATTERNS: dict[str, regex.Pattern] = {}


def _run_pattern(script: str) -> regex.Pattern:
    """A maximal run of ``script`` letters, with separators allowed between its words."""
    if script not in _RUN_PATTERNS:
        letter = rf"[\p{{{script}}}&&\p{{L}}]"
        word = rf"{letter}(?:{letter}|\p{{M}}|\u0640|[\p{{{script}}}&&\p{{N}}])*"
        _RUN_PATTERNS[script] = regex.compile(rf"{word}(?:{_SEPARATORS}+{word})*", regex.V1)
    return _RUN_PATTERNS[script]


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def written_in_source_script(pair: Pair) -> bool:
    """Whether most letters of the target (outside URLs) are in the source's script, while
    the target's language uses another script: the target was not translated."""
    found = pair.memo.get("written_in_source_script")  # two rules ask, once per pair
    if found is None:
        found = pair.memo["written_in_source_script"] = _in_source_script(pair)
    return found


def _in_source_script(pair: Pair) -> bool:
    src, tgt = pair.source.profile, pair.target.profile
    if src.script == tgt.script:
        return False
    # Almost every target has no letter of the source's script: one search (which stops at
    # the first letter found) rules that out before counting every letter.
    if not script_pattern(src.script).search(pair.target.masked_text):
        return False
    counts = pair.target.script_counts
    total = sum(counts.values())
    return total >= 2 and counts.get(src.script, 0) * 2 > total


def _same_words(a: str, b: str) -> bool:
    """Equal ignoring spaces and case. The first words decide for almost every pair, before
    both texts are rebuilt (casefold maps no character to a space, nor a space to another)."""
    a_first, b_first = a.split(None, 1)[:1], b.split(None, 1)[:1]
    if a_first and b_first and a_first[0].casefold() != b_first[0].casefold():
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
