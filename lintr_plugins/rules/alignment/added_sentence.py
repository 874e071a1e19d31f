"""The `added-sentence` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair
from lintr_plugins.rules.alignment.sentence_rules import (
    OPTIONS,
    _excerpt,
    _note,
    _SentenceRule,
    _span,
)


class AddedSentence(_SentenceRule):
    """Target content with no counterpart in the source.

    Often a caption, a note or a paragraph added by the translator; sometimes the sign
    that the source lost a paragraph. Reported at the target text, whether the source side
    is absent or present but blank. Inside a pair, a target sentence with no counterpart
    in the source is reported, under the same ``min-chars`` and ``min-margin`` as
    ``missing-sentence``.
    """

    id = "added-sentence"
    options = OPTIONS
    side = "target"

    def _whole(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if target and target.text.strip() and not source.text.strip():
            text = target.text
            where = f"the {source.profile.name} source"
            why = f"{where} line is empty" if source else f"nothing in {where} matches it"
            yield self.finding(
                f'added {target.profile.name} text, {why}: "{_excerpt(text)}"',
                _span(target),
                _note(pair, source),
            )

    def _message(self, pair: Pair, text: str) -> str:
        return (
            f"added sentence: nothing in the {pair.source.profile.name} source matches "
            f'it: "{_excerpt(text)}"'
        )
