"""How a text ends: its sentence-final mark, looked for through closing marks and trailing tags.

Real texts hide their last mark behind things that are not part of the sentence: closing
quotes and brackets ("… them.”", "(… Muslim.)"), a reference or a grade in brackets after
the stop ("… them. (Sahih )", "… [Al-Ikhlas (112)]", "… (11:46)"), a footnote number
("… شيئا . 1"), direction marks and spaces. A text that ends by closing a quotation or a
verse ("… فاغفر "", "… يشاء }") without a mark has ended all the same, in a language that
writes no stop there.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lintr.languages.profile import LanguageProfile

# The class of each final mark: marks that say the same thing in two scripts are one class
# (؟ and ?, ، and ,, the full-width colon and :).
FINAL_CLASS = {
    ".": ".",
    "۔": ".",
    "。": ".",
    "?": "?",
    "؟": "?",
    "⸮": "?",
    "？": "?",
    "!": "!",
    "！": "!",
    "…": "…",
    ":": ":",
    "：": ":",
    ";": ";",
    "؛": ";",
    "；": ";",
    ",": ",",
    "،": ",",
    "，": ",",
}
MARK_NAMES = {
    ".": "a full stop",
    "?": "a question mark",
    "!": "an exclamation mark",
    "…": "an ellipsis",
    ":": "a colon",
    ";": "a semicolon",
    ",": "a comma",
}
# A clause ends there, but a translation may end its sentence another way (a list item with
# ";" in one language and "." in the other): they count as an end, their absence does not.
SOFT = frozenset(";,")
# What closes a quotation or a verse: after it, the sentence is over even without a mark.
# A final "{" is a verse's closing brace typed as an opening one: unbalanced-brackets
# reports that defect, once.
QUOTE_CLOSERS = frozenset("“”«»‘’‹›\"'{}\ufd3e\ufd3f")
# Closing marks the final mark may hide behind, in either order ("them.”" and "them”."),
# and the spaces and invisible marks (direction marks, zero-width spaces) around them. The
# ends of texts are stripped with str.rstrip: a pattern anchored at the end would be tried at
# every position of a long text.
_INVISIBLE = "\u00ad\u061c\u180e\u2060\ufeff" + "".join(
    map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
)
_SPACES = (
    " \t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + _INVISIBLE
)
_CLOSING = _SPACES + "“”«»‘’‹›\"')]}\ufd3e\ufd3f"
QUESTION_MARKS = regex.compile("[?؟⸮？]")
_QUESTION = "?؟⸮？"
_DIGITS = "0123456789"
_TAIL = 400  # characters looked at: the end decides, and a tag is never longer
_MAX_TAGS = 3


@dataclass(frozen=True)
class End:
    """The final mark's class (None: no mark), and whether the text ends by closing a
    quotation or a verse (only looked at when there is no mark)."""

    mark: str | None
    quoted: bool = False


def text_end(text: str, profile: LanguageProfile) -> End:
    """How ``text`` ends, in the classes of FINAL_CLASS."""
    body = text[-_TAIL:]
    for _ in range(_MAX_TAGS + 1):
        body = body.rstrip(_SPACES)
        mark = _mark(body, profile)
        if mark is not None:
            return End(mark)
        stripped = _without_tag(body)
        if stripped is None:
            break
        body = stripped
    return End(None, quoted=bool(body) and body[-1] in QUOTE_CLOSERS)


def _mark(body: str, profile: LanguageProfile) -> str | None:
    inner = body.rstrip(_CLOSING)
    if inner.endswith("..."):
        return "…"
    last = inner.rstrip("!！")[-1:]
    if last and last in _QUESTION:  # ? ؟ ?! ؟! !?
        return "?"
    mark = FINAL_CLASS.get(inner[-1:]) if inner else None
    if mark == "." and _abbreviation(inner, profile):
        return None  # "p.m.", "Jan.": the stop is the abbreviation's
    return mark


def _abbreviation(inner: str, profile: LanguageProfile) -> bool:
    """Whether the final stop of ``inner`` is an abbreviation's alone: a label that is one
    abbreviation, perhaps after a number ("Jan.", "p.m.", "6 a.m."). After words, the stop
    of "… at 6 a.m." or "… in the U.S." ends the sentence too."""
    start = len(inner) - 1
    while start > 0 and (inner[start - 1].isalpha() or inner[start - 1] == "."):
        start -= 1
    word = inner[start:-1].lstrip(".")
    if not word or any(ch.isalpha() for ch in inner[:start]):
        return False
    word = word.casefold()
    return word in profile.abbreviations or word in profile.abbreviations_may_end


def _without_tag(body: str) -> str | None:
    """``body`` without its trailing bracketed tag or footnote number, or None if it has none."""
    number = body.rstrip(_DIGITS)
    if number != body and len(body) - len(number) <= 3:
        before = number.rstrip(_SPACES)
        # A footnote number after the stop: "… شيئا . 1", "… the sunnah.2".
        return before if before[-1:] in ".!?؟۔…" else None
    if not body or body[-1] not in ")]":
        return None
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        ch = body[i]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            depth -= 1
            if depth == 0:
                return body[:i]
    return None  # its opening bracket is not in sight: not a tag


def last_sentence(text: str, profile: LanguageProfile) -> str:
    """The last sentence of ``text``: what follows the last sentence-final mark before its
    end (the whole text when it has none)."""
    body = text[-_TAIL * 4 :].rstrip(_CLOSING).rstrip("".join(FINAL_CLASS))
    marks = [body.rfind(mark) for mark in profile.sentence_final]
    return body[max(marks) + 1 :]


def punctuated(text: str) -> bool:
    """Whether ``text`` uses punctuation at all (a comma will do): a text written without any
    says nothing by lacking a final stop."""
    return any(ch in FINAL_CLASS for ch in text)
