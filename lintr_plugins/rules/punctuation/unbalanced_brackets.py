"""The `unbalanced-brackets` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, PairSide, Related
from lintr.rules.base import Rule
from lintr_plugins.rules.punctuation.marks import (
    BRACKET_CHAR,
    BRACKETS,
    LIST_MARKER,
    ORNATE,
    QUOTE_CHARS,
    after,
    before,
    where,
)

OPENERS = dict(BRACKETS)
CLOSERS = {c: o for o, c in BRACKETS}


def _cited(text: str, i: int) -> bool:
    """A bracket named rather than used: a key ("Control+]") or a character in quotes ("“(”")."""
    key = i >= 2 and text[i - 1] == "+" and text[i - 2].isalnum()
    left, right = before(text, i), after(text, i)
    return key or (left in QUOTE_CHARS and right in QUOTE_CHARS and left != "")


def _smiley(text: str, i: int) -> bool:
    """ ":)" or ";-(" written as a face: its colon starts a word ("(Qatadah said:)" closes)."""
    j = i - 1
    if j >= 0 and text[j] == "-":
        j -= 1
    return j >= 0 and text[j] in ":;" and (j == 0 or text[j - 1].isspace())


def _partner(opened: str) -> str:
    return OPENERS.get(opened) or (ORNATE[1] if opened == ORNATE[0] else ORNATE[0])


class UnbalancedBrackets(Rule):
    """A bracket opened and never closed, closed and never opened, or closed by the wrong kind.

    What it finds:
        Brackets: ( ) [ ] { } ⟨ ⟩ 【 】 and the ornate parentheses ﴿ ﴾ of Quranic quotations
        (U+FD3F opens and U+FD3E closes, and the mirrored order ﴾ … ﴿ of older texts is
        accepted too). List markers such as "1)" or "a)", smileys (":)" where the colon
        starts a word, and no "(" is open), a key name ("Control+]") and a bracket quoted as a
        character (“(”) are not brackets; a ")" after a colon closes an open "(", as in
        "(Qatadah said:)", and one after a space does too, as in "(Article 5 )". Where a
        bracket closes an outer one, the inner ones left open are reported: "(see [1)" lacks a
        "]". One defect, one finding: a bracket opened twice ("{ … {", a closing brace typed
        as an opening one) is reported once, at the second, and so are two closing brackets
        that close nothing. The message names the side (source or target) the bracket is on.

    Why it matters:
        A bracket never closed usually means text lost from a reference or a gloss, and it
        misleads tools that read references such as "(6018)"; one closed by the wrong kind is
        a typo the reader trips on.

    Example:
        source: رواه البخاري (٦٠١٨ ومسلم (٤٧).
        target: Narrated by al-Bukhārī (6018) and Muslim (47).
        → source:1:14: in the Arabic source: ( is never closed (expected a ) after it)

    Options:
        None.

    Fix:
        None: where the bracket closes is for a person to decide.
    """

    id = "unbalanced-brackets"

    def check(self, pair: Pair) -> Iterator[Finding]:
        for side in (pair.source, pair.target):
            if side and side.text:
                yield from self._check_side(side)

    def _check_side(self, side: PairSide) -> Iterator[Finding]:
        text = side.text
        brackets = [
            (m.start(), m.group())
            for m in BRACKET_CHAR.finditer(text)
            if not _cited(text, m.start())
        ]
        if not brackets:
            return
        markers = {m.end() - 1 for m in LIST_MARKER.finditer(text)}
        stack: list[tuple[int, str]] = []
        unclosed: list[tuple[int, str]] = []
        stray: list[tuple[int, str]] = []
        for i, ch in brackets:
            if ch in ORNATE:
                if stack and stack[-1][1] in ORNATE and stack[-1][1] != ch:
                    stack.pop()
                else:
                    stack.append((i, ch))
            elif ch in OPENERS:
                if not (ch == "(" and _smiley(text, i) and not after(text, i).isalnum()):
                    stack.append((i, ch))
            else:
                match = next(
                    (k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == CLOSERS[ch]), None
                )
                if match is None and _smiley(text, i):
                    continue
                if i in markers and match != len(stack) - 1:
                    continue
                if match is not None:
                    unclosed.extend(stack[match + 1 :])
                    del stack[match:]
                elif stack and stack[-1][1] in OPENERS:
                    j, opened = stack.pop()
                    yield self.finding(
                        f"{where(side)}: {opened} is closed by {ch}; expected {OPENERS[opened]}",
                        side.location(i, i + 1),
                        [Related(side.location(j, j + 1), f"{opened} opened here")],
                        detail=f"mismatch{opened}{ch}@{i}",
                    )
                else:
                    stray.append((i, ch))
        unclosed.extend(stack)
        kinds = [ch for _, ch in brackets]
        positions = [i for i, _ in brackets]
        yield from self._unclosed(side, sorted(unclosed), kinds, positions)
        yield from self._stray(side, stray, kinds, positions)

    def _unclosed(
        self, side: PairSide, opened: list[tuple[int, str]], kinds: list[str], at: list[int]
    ) -> Iterator[Finding]:
        k = 0
        while k < len(opened):
            j, ch = opened[k]
            if k + 1 < len(opened) and _adjacent(opened[k], opened[k + 1], kinds, at):
                second = opened[k + 1][0]
                yield self.finding(
                    f"{where(side)}: {ch} opens again before the {ch} opened before it is "
                    f"closed; this one should probably be {_partner(ch)}",
                    side.location(second, second + 1),
                    [Related(side.location(j, j + 1), f"{ch} opened here, never closed")],
                    detail=f"open{ch}@{second}",
                )
                k += 2
                continue
            yield self.finding(
                f"{where(side)}: {ch} is never closed (expected a {_partner(ch)} after it)",
                side.location(j, j + 1),
                detail=f"open{ch}@{j}",
            )
            k += 1

    def _stray(
        self, side: PairSide, stray: list[tuple[int, str]], kinds: list[str], at: list[int]
    ) -> Iterator[Finding]:
        k = 0
        while k < len(stray):
            i, ch = stray[k]
            twice = k + 1 < len(stray) and _adjacent(stray[k], stray[k + 1], kinds, at)
            if not twice:
                hint = ""
            elif _opens_here(side.text, i):  # " )in the witr)": typed for an opening one
                hint = f", nor has the {ch} after it: this one should probably be {CLOSERS[ch]}"
            else:
                hint = f", nor has the {ch} after it: one of them is probably extra"
            yield self.finding(
                f"{where(side)}: closing {ch} has no opening {CLOSERS[ch]} before it{hint}",
                side.location(i, i + 1),
                [Related(side.location(stray[k + 1][0], stray[k + 1][0] + 1), f"{ch} here")]
                if twice
                else [],
                detail=f"close{ch}@{i}",
            )
            k += 2 if twice else 1


def _opens_here(text: str, i: int) -> bool:
    """A bracket where an opening one stands: after a space, before a word."""
    left, right = before(text, i), after(text, i)
    return (left == "" or left.isspace()) and right.isalnum()


def _adjacent(
    first: tuple[int, str], second: tuple[int, str], kinds: list[str], at: list[int]
) -> bool:
    """Two brackets of one kind with no bracket of that kind between them."""
    if first[1] != second[1]:
        return False
    family = {first[1], CLOSERS.get(first[1]) or _partner(first[1])}
    a, b = at.index(first[0]), at.index(second[0])
    return not any(kinds[n] in family for n in range(a + 1, b))
