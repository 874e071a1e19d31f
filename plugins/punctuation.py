"""Rules about punctuation: quotation marks, brackets and the end of a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Pair, PairSide, Related
from lintr.rule import Option, Rule

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


class UnbalancedQuotes(Rule):
    """A quotation mark opened and never closed, or closed and never opened.

    Each side is checked with the quotation marks of its language (“ ” « » and the
    straight "). In right-to-left text, “ and ” (and « ») are accepted in either order when
    used consistently (”…“); a mark left open is reported in the order the text mostly uses,
    or else starts with. An apostrophe or an ʿayn inside a word (latter’s, Dā‘iš) is not a
    quote.

    Single quotes ‘ ’ are ambiguous with apostrophes and with ʿayn at the start of a
    transliterated name (‘Umar), so they are only checked with ``check-single-quotes``.
    A straight " right after a digit is an inch or second sign (5'11"), not a quote, unless
    it closes a quotation ("Vision 2030").
    """

    id = "unbalanced-quotes"
    options = {
        "check-single-quotes": Option(
            bool, False, "also check ‘ ’ (off: they double as apostrophes)"
        ),
    }

    def check(self, pair: Pair) -> Iterator[Finding]:
        for side in (pair.source, pair.target):
            if side and side.text:
                yield from self._check_side(side)

    def _check_side(self, side: PairSide) -> Iterator[Finding]:
        text = side.text
        pairs = list(side.profile.quote_pairs)
        if self.settings["check-single-quotes"]:
            pairs.append(SINGLE_QUOTES)
        for opening, closing in pairs:
            if opening not in text and closing not in text:
                continue
            if opening == closing:
                yield from self._straight(side, opening)
                continue
            skip = (
                frozenset(
                    i for i, ch in enumerate(text) if ch in SINGLE_QUOTES and _inside_word(text, i)
                )
                if (opening, closing) == SINGLE_QUOTES
                else frozenset()
            )
            unclosed, stray = _scan_pair(text, opening, closing, skip)
            if (unclosed or stray) and side.profile.rtl:
                # Reversed order (” before “) is the other reading: keep the one with fewer
                # problems, or on a tie the order of the text's first mark.
                r_unclosed, r_stray = _scan_pair(text, closing, opening, skip)
                problems, r_problems = len(unclosed) + len(stray), len(r_unclosed) + len(r_stray)
                first = next(ch for ch in text if ch in (opening, closing))
                if r_problems < problems or (r_problems == problems and first == closing):
                    opening, closing, unclosed, stray = closing, opening, r_unclosed, r_stray
            for i in unclosed:
                yield self.finding(
                    f"quotation mark {opening} is never closed (expected a {closing} after it)",
                    side.location(i, i + 1),
                    detail=f"open{opening}@{i}",
                )
            for i in stray:
                yield self.finding(
                    f"closing quotation mark {closing} has no opening {opening} before it",
                    side.location(i, i + 1),
                    detail=f"close{closing}@{i}",
                )

    def _straight(self, side: PairSide, mark: str) -> Iterator[Finding]:
        text = side.text
        marks = [i for i, ch in enumerate(text) if ch == mark]
        opened: int | None = None
        for n, i in enumerate(marks):
            after_digit = i > 0 and text[i - 1].isdigit()
            if opened is None:
                if not after_digit:  # else an inch or second sign: 5'11"
                    opened = i
            # After a digit it closes ("Vision 2030") unless a later mark is needed for that.
            elif not after_digit or (len(marks) - n - 1) % 2 == 0:
                opened = None
        if opened is not None:
            yield self.finding(
                f"quotation mark {mark} is never closed (odd number of {mark} marks)",
                side.location(opened, opened + 1),
                detail=f"straight{mark}@{opened}",
            )


class UnbalancedBrackets(Rule):
    """A bracket opened and never closed, closed and never opened, or closed by the wrong kind.

    Brackets: ( ) [ ] { } ⟨ ⟩ 【 】 and the ornate parentheses ﴾ ﴿ of Quranic quotations (in
    either order). List markers such as "1)" or "a)" and smileys are not brackets; a ")"
    that follows a space still closes an open "(", as in "(Article 5)". Where a bracket
    closes an outer one, the inner ones left open are reported: "(see [1)" lacks a "]".
    """

    id = "unbalanced-brackets"

    def check(self, pair: Pair) -> Iterator[Finding]:
        for side in (pair.source, pair.target):
            if side and side.text:
                yield from self._check_side(side)

    def _check_side(self, side: PairSide) -> Iterator[Finding]:
        text = side.text
        brackets = [(m.start(), m.group()) for m in BRACKET_CHAR.finditer(text)]
        if not brackets:
            return
        markers = {m.end() - 1 for m in LIST_MARKER.finditer(text)}
        smileys = {m.end() - 1 for m in SMILEY.finditer(text)}
        openers = {o: c for o, c in BRACKETS}
        closers = {c: o for o, c in BRACKETS}
        stack: list[tuple[int, str]] = []
        for i, ch in brackets:
            if i in smileys:
                continue
            if ch in ORNATE:
                if stack and stack[-1][1] in ORNATE and stack[-1][1] != ch:
                    stack.pop()
                else:
                    stack.append((i, ch))
            elif ch in openers:
                stack.append((i, ch))
            elif ch in closers:
                match = next(
                    (k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == closers[ch]), None
                )
                if i in markers and match != len(stack) - 1:
                    continue
                if match is not None:
                    for j, opened in stack[match + 1 :]:
                        yield self._unclosed(side, j, opened)
                    del stack[match:]
                elif stack and stack[-1][1] in openers:
                    j, opened = stack.pop()
                    yield self.finding(
                        f"{opened} is closed by {ch}; expected {openers[opened]}",
                        side.location(i, i + 1),
                        [Related(side.location(j, j + 1), f"{opened} opened here")],
                        detail=f"mismatch{opened}{ch}@{i}",
                    )
                else:
                    yield self.finding(
                        f"closing {ch} has no opening {closers[ch]} before it",
                        side.location(i, i + 1),
                        detail=f"close{ch}@{i}",
                    )
        for j, opened in stack:
            yield self._unclosed(side, j, opened)

    def _unclosed(self, side: PairSide, j: int, opened: str) -> Finding:
        closing = dict(BRACKETS).get(opened) or (ORNATE[1] if opened == ORNATE[0] else ORNATE[0])
        return self.finding(
            f"{opened} is never closed (expected a {closing} after it)",
            side.location(j, j + 1),
            detail=f"open{opened}@{j}",
        )


def final_mark(text: str) -> str | None:
    """The class of the sentence-final mark ending ``text`` ('.', '?', '!', '…', ':'), looking
    through closing quotes, brackets, spaces and direction marks; None when there is none."""
    # The end of the text decides; a long text is looked at through its last characters,
    # unless they are all closing marks (then the whole text, to find where they start).
    tail = text[-_TAIL:]
    body = TRAILING.sub("", tail)
    if len(tail) < len(text) and not body.rstrip("?؟!"):
        body = TRAILING.sub("", text)
    if body.endswith("..."):
        return "…"
    if QUESTION.search(body):
        return "?"
    return FINAL_CLASS.get(body[-1:]) if body else None


class TerminalPunctuation(Rule):
    """Sentence-final punctuation missing on one side, or a question turned into a statement.

    A segment that ends without a final mark (. ! ? … ... and Arabic ؟ and ۔, or a colon;
    a closing quote or bracket after the mark, or before it, is fine either way, and so are
    trailing spaces and direction marks such as U+200F) while its counterpart ends with one
    is usually truncated, or lost its last sentence. Reported at the end of the side that
    lacks the mark. A question mark on one side only is reported too, at the end of the
    target (؟ and ? are the same, and ?! or ؟! is a question). Titles and bylines, which
    have no final mark on either side, are fine.
    """

    id = "terminal-punctuation"

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source.text.strip() or not target.text.strip():
            return
        src_mark, tgt_mark = final_mark(source.text), final_mark(target.text)
        if (src_mark is None) == (tgt_mark is None):
            if src_mark != tgt_mark and "?" in (src_mark, tgt_mark):
                yield self.finding(
                    f"the source ends with {MARK_NAMES[src_mark]} but the target ends with "
                    f"{MARK_NAMES[tgt_mark]}",
                    target.end_location(),
                    [
                        Related(
                            source.end_location(), f"the source ends with {MARK_NAMES[src_mark]}"
                        )
                    ],
                    detail=f"{src_mark}{tgt_mark}",
                )
            return
        lacking, other, mark = (
            (source, target, tgt_mark) if src_mark is None else (target, source, src_mark)
        )
        hint = "; truncated translation?" if lacking is target else ""
        yield self.finding(
            f"the {lacking.profile.name} {lacking.side} ends without sentence-final punctuation, "
            f"but the {other.profile.name} {other.side} ends with {MARK_NAMES[mark]}{hint}",
            lacking.end_location(),
            [Related(other.end_location(), f"the {other.side} ends with {MARK_NAMES[mark]} here")],
            detail=f"{lacking.side}-{mark}",
        )


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [UnbalancedQuotes, UnbalancedBrackets, TerminalPunctuation]
