"""What the punctuation rules share: the marks, and how a mark's neighbours read."""

from __future__ import annotations

import unicodedata

import regex

from lintr.model import PairSide

SINGLE_QUOTES = ("‘", "’")
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("⟨", "⟩"), ("【", "】"))
# Ornate parentheses around Quranic verses: Unicode 14 reads U+FD3F ﴿ as the opening one and
# U+FD3E ﴾ as the closing one, but writers use both orders, so each closes the other.
ORNATE = ("\ufd3f", "\ufd3e")
# "1)" and "a)" list markers close a bracket that was never opened, on purpose (but in
# "(Article 5)" the ")" closes).
LIST_MARKER = regex.compile(r"(?:^|(?<=\s))[\p{L}\p{N}]{1,2}\)")
BRACKET_CHAR = regex.compile(
    "[" + regex.escape("".join(c for pair in BRACKETS for c in pair) + "".join(ORNATE)) + "]"
)
# Every quotation mark: a bracket between two of them is cited as a character (“(”).
QUOTE_CHARS = frozenset("\"'“”‘’«»‹›„`")
# Where an opening mark stands: after a space, an opening bracket or quote, a dash or a colon.
OPENING_CONTEXT = frozenset("([{⟨【\ufd3f\ufd3e“‘«‹„—–-/:")
# Where a closing mark stands: before a space, a closing bracket or quote, or punctuation.
CLOSING_CONTEXT = frozenset(")]}⟩】\ufd3e\ufd3f”’»›.,;:!?؟،؛…۔")


def _invisible(ch: str) -> bool:
    """A direction mark or another format character (U+200F, U+061C, U+FEFF)."""
    return ch >= "\u00ad" and unicodedata.category(ch) == "Cf"


def before(text: str, i: int) -> str:
    """The character before ``text[i]``, direction marks skipped ("" at the start)."""
    j = i - 1
    while j >= 0 and _invisible(text[j]):
        j -= 1
    return text[j] if j >= 0 else ""


def after(text: str, i: int) -> str:
    """The character after ``text[i]``, direction marks skipped ("" at the end)."""
    j = i + 1
    while j < len(text) and _invisible(text[j]):
        j += 1
    return text[j] if j < len(text) else ""


def visible_after(text: str, i: int) -> str:
    """The first character after ``text[i]`` that is neither a space nor a direction mark."""
    j = i + 1
    while j < len(text) and (text[j].isspace() or _invisible(text[j])):
        j += 1
    return text[j] if j < len(text) else ""


def visible_before(text: str, i: int) -> str:
    """The last character before ``text[i]`` that is neither a space nor a direction mark."""
    j = i - 1
    while j >= 0 and (text[j].isspace() or _invisible(text[j])):
        j -= 1
    return text[j] if j >= 0 else ""


def inside_word(text: str, i: int) -> bool:
    """A mark with letters on both sides: an apostrophe or an ʿayn (latter’s, Dā‘iš)."""
    return before(text, i).isalpha() and after(text, i).isalpha()


def where(side: PairSide) -> str:
    """How a message names the side it is about: "in the Arabic source"."""
    return f"in the {side.profile.name} {side.side}"
