"""The `unbalanced-quotes` rule."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from lintr.model import Finding, Pair, PairSide, Related
from lintr.rules.base import Option, Rule
from lintr_plugins.rules.punctuation.marks import (
    QUOTE_CHARS,
    SINGLE_QUOTES,
    after,
    before,
    inside_word,
    where,
)
from lintr_plugins.rules.punctuation.quote_reading import (
    CLOSE,
    Mark,
    Problem,
    read,
    shape,
)

# A mark standing alone between a space or an opening bracket and a comma or a closing
# bracket is a character cited, not a quotation: 'between double quotes, ", in order', '(")'.
_CITED_LEFT = frozenset(" \t\n([")
_CITED_RIGHT = frozenset(",;)]")


class UnbalancedQuotes(Rule):
    """A quotation mark opened and never closed, or closed and never opened.

    What it finds:
        Each side is checked with the quotation marks of its language (“ ” « » and the
        straight "). Each mark is read by its glyph (“ opens, ” closes) and by where it stands
        (after a space and before a word it opens; after a word and before a space or a stop
        it closes), and the finding lands on the mark most likely wrong: with an odd number of
        straight quotes, the one whose partner is missing, not the last one; an opening mark
        typed where a closing one belongs (“amd64“) is reported as the wrong mark, once; a
        quotation opened by “ and closed by a straight " is one finding. In right-to-left
        text, “ and ” (and « ») are accepted in either order (”…“ as well as “…”, both may
        be in one paragraph), but not one glyph at both ends. An apostrophe or an ʿayn inside
        a word (latter’s, Dā‘iš) is not a quote, nor is a mark cited as a character (between
        a space and a comma, or in brackets: (")). A straight " right after a digit is an inch
        or second sign (5'11"), not a quote, unless it closes a quotation ("Vision 2030"). The
        message names the side (source or target) the mark is on.

    Why it matters:
        An unclosed quotation leaves the reader unsure where the quoted words end (in news and
        hadith, what was said and by whom), and often marks text lost at the end of a
        quotation.

    Example:
        source: ولفت المصدر إلى أنّ “عمليات نقل الجنود والعتاد بدأت فعلاً”.
        target: The source pointed out that “the operation of transporting soldiers and equipment has indeed started.
        → target:1:29: in the English target: quotation mark “ is never closed (expected a ” after it)

    Options:
        ``check-single-quotes``: single quotes ‘ ’ are ambiguous with apostrophes and with
        ʿayn at the start of a transliterated name (‘Umar), so they are only checked with this
        option on; an ‘ before the capital vowel of a name (‘Umar) and an ’ after a plural's s may then still
        be read as no quote at all.

    Fix:
        None: where the quotation ends is for a person to decide.
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
        kinds = list(side.profile.quote_pairs)
        if self.settings["check-single-quotes"]:
            kinds.append(SINGLE_QUOTES)
        problems: list[tuple[Problem, str]] = []
        for opening, closing in kinds:
            if opening not in text and closing not in text:
                continue
            marks = _marks(text, {opening, closing}, single=(opening, closing) == SINGLE_QUOTES)
            partner = {opening: closing, closing: opening}
            problems += [(p, partner[p.mark.glyph]) for p in read(marks, side.profile.rtl)]
        problems.sort(key=lambda found: found[0].mark.at)
        for found in _merge_mixed(problems):
            yield self._finding(side, *found)

    def _finding(self, side: PairSide, problem: Problem, partner: str) -> Finding:
        mark, other = problem.mark, problem.other
        glyph, at = mark.glyph, mark.at
        here = side.location(at, at + 1)
        straight = glyph == partner
        if problem.kind == "unclosed":
            odd = f" (odd number of {glyph} marks)" if straight else ""
            message = f"quotation mark {glyph} is never closed (expected a {partner} after it){odd}"
            detail = f"straight{glyph}@{at}" if straight else f"open{glyph}@{at}"
        elif problem.kind == "stray":
            odd = f" (odd number of {glyph} marks)" if straight else ""
            message = f"closing quotation mark {glyph} has no opening {partner} before it{odd}"
            detail = f"straight{glyph}@{at}" if straight else f"close{glyph}@{at}"
        elif problem.kind == "mixed" and other is not None:
            message = (
                f"the quotation opened by {other.glyph} is closed by {glyph}; use one kind of "
                f"mark at both ends ({other.glyph}…{partner})"
            )
            detail = f"mixed{other.glyph}{glyph}@{at}"
        elif problem.kind == "reversed" and other is not None:
            message = (
                f"the quotation is marked {glyph}…{other.glyph}, the wrong way round; "
                f"write {partner}…{glyph}"
            )
            detail = f"reversed{glyph}@{at}"
        elif problem.kind == "same":
            message = f"the quotation opens and closes with {glyph}; close it with {partner}"
            detail = f"same{glyph}@{at}"
        else:
            role = "opens" if problem.kind == "wrong-open" else "closes"
            message = f"{glyph} {role} a quotation; it should be {partner}"
            detail = f"{problem.kind}{glyph}@{at}"
        related = []
        if other is not None:
            related = [Related(side.location(other.at, other.at + 1), f"its partner {other.glyph}")]
        return self.finding(f"{where(side)}: {message}", here, related, detail=detail)


def _marks(text: str, glyphs: set[str], single: bool) -> list[Mark]:
    marks = []
    for found in _glyphs("".join(sorted(glyphs))).finditer(text):
        i, ch = found.start(), found.group()
        if _cited(text, i) or (single and inside_word(text, i)):
            continue
        role, weight = shape(text, i)
        marks.append(Mark(i, ch, role, weight, _maybe_not_a_quote(text, i, single, role)))
    return marks


@lru_cache(maxsize=16)
def _glyphs(glyphs: str) -> regex.Pattern:
    return regex.compile(f"[{regex.escape(glyphs)}]")


def _cited(text: str, i: int) -> bool:
    left, right = before(text, i), after(text, i)
    if not (left == "" or left in _CITED_LEFT) or right not in _CITED_RIGHT:
        return False
    quoted = text.find(right, i + 1) + 1  # ”,“ quotes the comma: the marks are quotes
    return quoted >= len(text) or text[quoted] not in QUOTE_CHARS


def _maybe_not_a_quote(text: str, i: int, single: bool, role: str | None) -> bool:
    """An inch or second sign after a digit (5'11"); with single quotes, an ʿayn starting a
    name (‘Umar) or the apostrophe of a plural possessive (the Muslims’ prayer)."""
    left, right = before(text, i), after(text, i)
    if not single:
        return text[i] == '"' and left.isdigit() and role == CLOSE
    if text[i] == "‘":  # an ʿayn before the vowel of a name: ‘Umar, ‘Abd, ‘Ali
        return right in "AEIOUĀĪŪ" and right != "" and not left.isalnum()
    return left == "s" and not right.isalnum()


def _merge_mixed(problems: list[tuple[Problem, str]]) -> list[tuple[Problem, str]]:
    """A quotation opened by one kind of mark and closed by another (“… ") is one finding,
    not an unclosed “ and an odd "."""
    merged: list[tuple[Problem, str]] = []
    for problem, partner in problems:
        if merged and _closes(merged[-1][0], problem):
            opened, opened_partner = merged.pop()
            merged.append((Problem("mixed", problem.mark, opened.mark), opened_partner))
            continue
        merged.append((problem, partner))
    return merged


def _closes(opened: Problem, closing: Problem) -> bool:
    """Whether ``closing``'s mark may close the quotation ``opened`` left open: one of the
    two is a straight " and the other a curly mark or a guillemet."""
    if opened.kind != "unclosed" or closing.kind not in ("stray", "unclosed"):
        return False
    return (opened.mark.glyph == '"') != (closing.mark.glyph == '"')
