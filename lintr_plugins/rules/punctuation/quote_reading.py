"""Reading the quotation marks of one kind in a text: which opens, which closes, which is wrong.

A mark's glyph says what it is meant to be (“ opens, ” closes, " says nothing), and so do its
neighbours: after a space and before a word it opens, after a word and before a space or a
stop it closes. The reading chosen is the cheapest one: a mark left without a partner costs
most, a glyph against its role (“ closing in English) or against its shape (a mark glued to
the word before it opening) costs less, a quotation inside another with the same marks
(“… “Dā‘iš” …”) costs a little, and a mark that may be no quotation mark at all (an inch
sign, an ʿayn) is passed over unless reading it as one explains more. So the blame lands on
the mark most likely wrong, not on the last one of an odd count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintr_plugins.rules.punctuation.marks import (
    CLOSING_CONTEXT,
    OPENING_CONTEXT,
    after,
    before,
    visible_after,
    visible_before,
)

OPEN, CLOSE = "open", "close"
DEFECT, WRONG, MAYBE, NEST = 10, 4, 5, 1
DEPTH, BEAM, MARGIN = 3, 32, 18  # nesting at most; readings kept at each mark, and how far behind
PIECE = 48  # marks read at once, at least
OPENING_GLYPHS = frozenset("“‘«‹„")
CLOSING_GLYPHS = frozenset("”’»›")


@dataclass(frozen=True)
class Mark:
    at: int
    glyph: str
    shape: str | None  # OPEN or CLOSE as its neighbours read, or None
    weight: int = 0  # how sure the shape is: 2 from the mark's own neighbours, 1 from further
    optional: bool = False  # may be no quotation mark at all (an inch sign, an ʿayn)


@dataclass(frozen=True)
class Problem:
    """``unclosed`` and ``stray``: a mark without a partner; ``reversed`` (both ends),
    ``wrong-open``, ``wrong-close``: a glyph against its role, ``mark`` being the wrong one;
    ``same``: one glyph at both ends of a right-to-left quotation."""

    kind: str
    mark: Mark
    other: Mark | None = None


def shape(text: str, i: int) -> tuple[str | None, int]:
    """Whether the mark at ``i`` stands where an opening or a closing mark stands."""
    left, right = before(text, i), after(text, i)
    open_left = left == "" or left.isspace() or left in OPENING_CONTEXT
    close_right = right == "" or right.isspace() or right in CLOSING_CONTEXT
    if right == "." and text.startswith("..", text.index(".", i)):
        close_right = False  # an ellipsis opens the quoted words: ".......Fasting was"
    if open_left != close_right:
        return (OPEN if open_left else CLOSE), 2
    if open_left:  # spaced on both sides: what comes next, or before, may tell
        following = visible_after(text, i)
        if following == "" or following in CLOSING_CONTEXT:
            return CLOSE, 1
        preceding = visible_before(text, i)
        if preceding == "" or preceding in OPENING_CONTEXT:
            return OPEN, 1
    return None, 0


def _glyph_cost(mark: Mark, role: str, rtl: bool) -> int:
    if rtl:  # right-to-left writers use “ ” and « » in either order
        return 0
    wrong = OPENING_GLYPHS if role == CLOSE else CLOSING_GLYPHS
    return WRONG if mark.glyph in wrong else 0


def _cost(mark: Mark, role: str, rtl: bool) -> int:
    against_shape = mark.weight if mark.shape is not None and mark.shape != role else 0
    maybe = MAYBE if mark.optional else 0  # read as a quote only where that explains more
    return against_shape + _glyph_cost(mark, role, rtl) + maybe


def _pair_problem(opener: Mark, closer: Mark, rtl: bool) -> Problem | None:
    if rtl:
        same = opener.glyph == closer.glyph and opener.glyph in OPENING_GLYPHS | CLOSING_GLYPHS
        return Problem("same", closer, opener) if same else None
    wrong_open = _glyph_cost(opener, OPEN, rtl) > 0
    wrong_close = _glyph_cost(closer, CLOSE, rtl) > 0
    if wrong_open and wrong_close:
        return Problem("reversed", opener, closer)
    if wrong_open:
        return Problem("wrong-open", opener, closer)
    if wrong_close:
        return Problem("wrong-close", closer, opener)
    return None


# A reading so far: its cost, its problems (a linked list, newest first), the marks still
# open (innermost last).
_Node = tuple[Problem, "_Node | None"] | None


@dataclass(frozen=True)
class _Reading:
    cost: int
    count: int
    last: int  # position of the newest problem: on a tie, blame the later mark
    problems: _Node
    open: tuple[Mark, ...]

    def key(self) -> tuple[int, int, int]:
        return (self.cost, self.count, -self.last)

    def then(self, cost: int, open_: tuple[Mark, ...], problem: Problem | None = None) -> _Reading:
        if problem is None:
            return _Reading(self.cost + cost, self.count, self.last, self.problems, open_)
        return _Reading(
            self.cost + cost, self.count + 1, problem.mark.at, (problem, self.problems), open_
        )


def read(marks: list[Mark], rtl: bool) -> list[Problem]:
    """The problems of the cheapest reading of ``marks`` (one kind of quotation mark)."""
    problems: list[Problem] = []
    for piece in _pieces(marks):
        # Most texts: no reading is cheaper than the plain one when that costs nothing.
        if not _flawless(piece, rtl):
            problems += _cheapest(piece, rtl)
    return problems


def _pieces(marks: list[Mark]) -> Iterator[list[Mark]]:
    """``marks`` cut where the plain reading has no quotation open, in pieces of at least
    PIECE marks: a long text is read piece by piece, in time linear in its marks."""
    start, opened = 0, False
    for n, mark in enumerate(marks):
        if not mark.optional:
            opened = not opened
        if not opened and n + 1 - start >= PIECE:
            yield marks[start : n + 1]
            start = n + 1
    if start < len(marks):
        yield marks[start:]


def _cheapest(marks: list[Mark], rtl: bool) -> list[Problem]:
    readings = [_Reading(0, 0, -1, None, ())]
    for mark in marks:
        following: dict[tuple[int, ...], _Reading] = {}
        for reading in readings:
            for nxt in _steps(reading, mark, rtl):
                key = tuple(m.at for m in nxt.open)
                if key not in following or nxt.key() < following[key].key():
                    following[key] = nxt
        readings = sorted(following.values(), key=_Reading.key)[:BEAM]
        # A reading this far behind the best one does not catch up: one more mark left
        # without a partner is all that one more reading can save.
        readings = [r for r in readings if r.cost <= readings[0].cost + MARGIN]
    ends = []
    for reading in readings:
        for opened in reading.open:
            reading = reading.then(DEFECT, (), Problem("unclosed", opened))
        ends.append(reading)
    best = min(ends, key=_Reading.key)
    problems, node = [], best.problems
    while node is not None:
        problems.append(node[0])
        node = node[1]
    return sorted(problems, key=lambda p: p.mark.at)


def _flawless(marks: list[Mark], rtl: bool) -> bool:
    """Whether the plain reading (open, close, open …; a maybe-quote passed over) costs
    nothing."""
    opened: Mark | None = None
    for mark in marks:
        if mark.optional:
            continue
        if opened is None:
            if _cost(mark, OPEN, rtl):
                return False
            opened = mark
        elif _cost(mark, CLOSE, rtl) or _pair_problem(opened, mark, rtl) is not None:
            return False
        else:
            opened = None
    return opened is None


def _steps(reading: _Reading, mark: Mark, rtl: bool) -> list[_Reading]:
    stack = reading.open
    opening = _cost(mark, OPEN, rtl)
    if not stack:
        steps = [
            reading.then(opening, (mark,)),
            reading.then(DEFECT + _cost(mark, CLOSE, rtl), (), Problem("stray", mark)),
        ]
    else:
        problem = _pair_problem(stack[-1], mark, rtl)
        same = WRONG if problem is not None and problem.kind == "same" else 0
        steps = [
            reading.then(_cost(mark, CLOSE, rtl) + same, stack[:-1], problem),
            reading.then(DEFECT + opening, (*stack[:-1], mark), Problem("unclosed", stack[-1])),
        ]
        if len(stack) < DEPTH:  # a quotation inside a quotation, with the same marks
            steps.append(reading.then(NEST + opening, (*stack, mark)))
    if mark.optional:
        steps.append(reading.then(0, stack))
    return steps
