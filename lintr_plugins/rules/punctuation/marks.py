"""What the punctuation rules share."""

from __future__ import annotations

from functools import lru_cache

import regex

SINGLE_QUOTES = ("‘", "’")
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("⟨", "⟩"), ("【", "】"))
# Ornate parentheses around Quranic verses: writers use both orders.
ORNATE = ("\ufd3e", "\ufd3f")
# "1)" and "a)" list markers close a bracket that was never opened, on purpose (but in
# "(Article 5)" the ")" closes); smileys :( and :) are never brackets.
LIST_MARKER = regex.compile(r"(?:^|(?<=\s))[\p{L}\p{N}]{1,2}\)")
BRACKET_CHAR = regex.compile(
    "[" + regex.escape("".join(c for pair in BRACKETS for c in pair) + "".join(ORNATE)) + "]"
)
SMILEY = regex.compile(r"[:;]-?[()\[\]]")
# Closing quotes and brackets, in either order (RTL writers reverse “” and «»), spaces and
# invisible direction marks (U+200F) that may follow the final mark.
TRAILING = regex.compile(r"[\s\p{Cf}“”«»‘’‹›\"'\)\]}﴾﴿]+$")
QUESTION = regex.compile(r"[?؟!]*[?؟][?؟!]*$")  # ? ؟ ?! ؟! !?
_TAIL = 64
FINAL_CLASS = {".": ".", "۔": ".", "?": "?", "؟": "?", "!": "!", "…": "…", ":": ":"}
MARK_NAMES = {
    ".": "a full stop",
    "?": "a question mark",
    "!": "an exclamation mark",
    "…": "an ellipsis",
    ":": "a colon",
}


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


@lru_cache(maxsize=64)
def _marks_pattern(marks: str) -> regex.Pattern:
    return regex.compile(f"[{regex.escape(marks)}]")


def _scan_pair(text: str, opening: str, closing: str, skip=frozenset()):
    """(unclosed openings, unopened closings) as offsets, for one distinct-character pair."""
    stack, stray = [], []
    for m in _marks_pattern(opening + closing).finditer(text):
        i, ch = m.start(), m.group()
        if i in skip:
            continue
        if ch == opening:
            stack.append(i)
        elif ch == closing:
            if stack:
                stack.pop()
            else:
                stray.append(i)
    return stack, stray
