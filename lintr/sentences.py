"""Sentence splitting, driven by each language profile's data: its sentence-final marks, its
abbreviations and whether its script has capitals. Fast (one regex scan), so that every pair
of a large corpus can be split.

Handled: abbreviations and initials (Dr., U.S., Yahya b. Ya'mur, p.m.), decimals and times
(a mark must be followed by a space), ellipses, a quotation or bracket closing after the
mark (.” and ”.), the Arabic marks ؟ ! ۔ and the full stop written between right-to-left marks
(‏.‏), and no split inside brackets. The Arabic semicolon ؛ joins clauses: no split there.
"""

from __future__ import annotations

import regex

from lintr.languages import LanguageProfile

# The final mark(s), then closing quotes, brackets and direction marks, then a space.
CANDIDATE = regex.compile(
    r"(?:\.{3}|…|[.!?؟۔]+)[\u200e\u200f\u061c”\"’'»)\]﴾﴿]*(?=\s)", regex.V1
)
_TOKEN_BEFORE = regex.compile(r"[\w.'’‘ʿ-]*\w$")
_OPEN, _CLOSE = "([", ")]"


def split(text: str, profile: LanguageProfile) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, without the spaces around it."""
    spans: list[tuple[int, int]] = []
    start, depth, scanned = 0, 0, 0
    for m in CANDIDATE.finditer(text):
        chunk = text[scanned : m.start()]
        depth = max(0, depth + sum(chunk.count(c) for c in _OPEN) - sum(chunk.count(c) for c in _CLOSE))
        scanned = m.start()
        if depth or not _ends_sentence(text, m, profile):
            continue
        _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and (text[start].isspace() or text[start] in "\u200e\u200f\u061c"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ends_sentence(text: str, m: regex.Match, profile: LanguageProfile) -> bool:
    nxt = m.end()
    while nxt < len(text) and (text[nxt].isspace() or text[nxt] in "\u200e\u200f\u061c"):
        nxt += 1
    if nxt >= len(text):
        return False  # the end of the text is not a split
    following = text[nxt]
    mark = m.group().rstrip("\u200e\u200f\u061c”\"’'»)]﴾﴿")
    starts_lower = profile.cased and following.islower()
    if mark != ".":
        return not starts_lower  # "... and then", "?" inside a sentence
    token = _TOKEN_BEFORE.search(text, 0, m.start())
    word = token.group().lower() if token else ""
    if word and m.start() > 0 and text[m.start() - 1] in "\u200f\u200e ":
        word = ""  # "‏.‏": a full stop set apart from the word is never an abbreviation
    if word and (len(word) == 1 and word.isalpha() or word in profile.abbreviations):
        return False  # initials, "b." (ibn), "Dr.", "د."
    if word in profile.abbreviations_may_end or "." in word:
        return profile.cased and following.isupper()  # "in the U.S. He said" vs "U.S. envoy"
    return not starts_lower
