"""The `exclamation-mismatch` rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from lintr.model import Finding, Pair
from lintr.rules.base import Option, Rule


class ExclamationMismatch(Rule):
    """An exclamation mark on one side of a pair only.

    What it finds:
        A source with an exclamation mark whose target has none (reported at the end of the
        target), and a target with one whose source has none (reported at the target's
        first mark). A pair with an empty side is left to ``empty-translation``.

    Why it matters:
        An exclamation carries tone: a warning, a cry, an order. Dropped, the translation
        reads flat; added, it puts emphasis in the author's mouth.

    Example:
        source: يا له من يوم جميل!
        target: What a beautiful day.
        → target:1:22: the source has an exclamation mark and the target none

    Options:
        ``marks``: the characters that count as exclamation marks.

    Fix:
        None: where the mark belongs, or whether the tone was rendered in words, is for a
        person to decide.
    """

    id = "exclamation-mismatch"
    options: ClassVar[dict[str, Option]] = {
        "marks": Option(list, ["!", "！"], "characters that count as exclamation marks", str)
    }

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source.text, pair.target.text
        if not source.strip() or not target.strip():
            return
        in_source = self._first_mark(source)
        in_target = self._first_mark(target)
        if in_source is not None and in_target is None:
            yield self.finding(
                "the source has an exclamation mark and the target none",
                pair.target.end_location(),
            )
        elif in_target is not None and in_source is None:
            yield self.finding(
                "exclamation mark not in the source",
                pair.target.location(in_target, in_target + 1),
            )

    def _first_mark(self, text: str) -> int | None:
        found = [i for i in (text.find(m) for m in self.settings["marks"]) if i >= 0]
        return min(found, default=None)
