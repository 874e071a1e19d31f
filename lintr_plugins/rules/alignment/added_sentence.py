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

    What it finds:
        Between files (documents aligned paragraph by paragraph or line by line), target text
        that nothing in the source matches, reported at the target text whether the source
        side is absent or present but blank. Inside a pair, a target sentence with no
        counterpart in the source, under the same conditions as ``missing-sentence``: long
        and clear enough (``min-chars``, ``min-margin``), never where the source is one
        sentence without sentence punctuation (a verse, a passage: the translation's
        sentences are pieces of it as often as additions, and only length-ratio can judge
        the pair), and ``info`` with a hint to check where the source is one punctuated
        sentence or the rest of the pair does not pair sentence for sentence. A target sentence that translates a source sentence reported
        missing elsewhere in the pair is one ``warning`` of misaligned sentences (kept as the
        missing-sentence finding when both rules run).
        The finding is on the target side (``side`` in json); the text inside it is the same
        defect: the numbers, quotes, brackets and names in it are not reported again but
        summed up in notes of the finding.

    Why it matters:
        Often a caption, a note or a paragraph added by the translator, which a parallel
        corpus should not pair with source text that does not say it; sometimes the sign that
        the source lost a paragraph.

    Example:
        source: (nothing: the Arabic has no caption)
        target: Pic: The latest attack by “Dā‘iš” against the Syrian Army. Hidden American support for the organization
        → target:1:1: added English text, nothing in the Arabic source matches it: "Pic: The latest attack by “Dā‘iš” against the Syrian Army.…"

    Options:
        ``min-chars`` and ``min-margin`` apply inside a pair: the shortest sentence reported,
        and how clearly leaving a sentence unpaired must beat pairing it (raise either for
        fewer findings).

    Fix:
        None: only a person can tell whether the text belongs (translate it into the source)
        or not (delete it).
    """

    id = "added-sentence"
    options = OPTIONS
    side = "target"
    _side = "target"

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
            f"added sentence in the {pair.target.profile.name} target: nothing in the "
            f'{pair.source.profile.name} source matches it: "{_excerpt(text)}"'
        )
