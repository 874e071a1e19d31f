"""The `empty-translation` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, Severity
from lintr.rules.base import Rule
from lintr.text import VISIBLE


class EmptyTranslation(Rule):
    """The target is empty while the source has text.

    What it finds:
        Empty means nothing but spaces and invisible marks such as U+200F; text means letters or
        digits, not just tatweel (a decorative "ـــــ" line).

    Why it matters:
        An empty target is an unfinished translation: published, it shows readers nothing; in
        a corpus it pairs a sentence with nothing. Nothing about it is a matter of style, so it
        is an error by default.

    Example:
        source: قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا.
        target: (spaces only)
        → target:1:1: empty translation: the English target is empty

    Options:
        None.

    Fix:
        None: the segment needs translating.
    """

    id = "empty-translation"
    severity = Severity.ERROR

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not target or VISIBLE.search(target.text):
            return
        if any(c.isalnum() for c in source.profile.strip_marks(source.text)):
            yield self.finding(
                f"empty translation: the {target.profile.name} target is empty",
                target.location(0, 0),
                detail="empty",
            )
