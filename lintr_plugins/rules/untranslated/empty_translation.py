"""The `empty-translation` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, Severity
from lintr.rules.base import Rule
from lintr.text import VISIBLE


class EmptyTranslation(Rule):
    """The target is empty while the source has text.

    Empty means nothing but spaces and invisible marks such as U+200F; text means letters or
    digits, not just tatweel (a decorative "ـــــ" line)."""

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
