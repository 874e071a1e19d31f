"""The `unbalanced-quotes` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, PairSide
from lintr.rules.base import Option, Rule
from lintr_plugins.rules.punctuation.marks import SINGLE_QUOTES, _inside_word, _scan_pair


class UnbalancedQuotes(Rule):
    """A quotation mark opened and never closed, or closed and never opened.

    What it finds:
        Each side is checked with the quotation marks of its language (“ ” « » and the
        straight "). In right-to-left text, “ and ” (and « ») are accepted in either order when
        used consistently (”…“); a mark left open is reported in the order the text mostly uses,
        or else starts with. An apostrophe or an ʿayn inside a word (latter’s, Dā‘iš) is not a
        quote. A straight " right after a digit is an inch or second sign (5'11"), not a quote,
        unless it closes a quotation ("Vision 2030").

    Why it matters:
        An unclosed quotation leaves the reader unsure where the quoted words end (in news and
        hadith, what was said and by whom), and often marks text lost at the end of a
        quotation.

    Example:
        source: ولفت المصدر إلى أنّ “عمليات نقل الجنود والعتاد بدأت فعلاً”.
        target: The source pointed out that “the operation of transporting soldiers and equipment has indeed started.
        → target:1:29: quotation mark “ is never closed (expected a ” after it)

    Options:
        ``check-single-quotes``: single quotes ‘ ’ are ambiguous with apostrophes and with
        ʿayn at the start of a transliterated name (‘Umar), so they are only checked with this
        option on.

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
