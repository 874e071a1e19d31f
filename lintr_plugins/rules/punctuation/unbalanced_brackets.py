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
    SMILEY,
)


class UnbalancedBrackets(Rule):
    """A bracket opened and never closed, closed and never opened, or closed by the wrong kind.

    What it finds:
        Brackets: ( ) [ ] { } ⟨ ⟩ 【 】 and the ornate parentheses ﴾ ﴿ of Quranic quotations (in
        either order). List markers such as "1)" or "a)" and smileys are not brackets; a ")"
        that follows a space still closes an open "(", as in "(Article 5)". Where a bracket
        closes an outer one, the inner ones left open are reported: "(see [1)" lacks a "]".

    Why it matters:
        A bracket never closed usually means text lost from a reference or a gloss, and it
        misleads tools that read references such as "(6018)"; one closed by the wrong kind is
        a typo the reader trips on.

    Example:
        source: رواه البخاري (٦٠١٨ ومسلم (٤٧).
        target: Narrated by al-Bukhārī (6018) and Muslim (47).
        → source:1:14: ( is never closed (expected a ) after it)

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
