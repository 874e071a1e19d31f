"""The `missing-sentence` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, Severity
from lintr_plugins.rules.alignment.sentence_rules import (
    OPTIONS,
    _excerpt,
    _note,
    _SentenceRule,
    _span,
)


class MissingSentence(_SentenceRule):
    """A source sentence or paragraph with no counterpart in the target.

    What it finds:
        Between files, whole paragraphs or lines are aligned and a source one left without a
        counterpart is reported, with a note where its translation should have appeared (with a
        bilingual dictionary where a plugin provides one: ``pip install 'lintr[dictionary]'``
        for Arabic-English).
        Inside each pair, both sides are split into sentences and aligned (lintr.align): a
        source sentence with no counterpart in its target is reported, with a note at the
        target. Length differences alone are not enough: the sentence must be long enough
        (``min-chars``) and pairing it with a neighbour must cost clearly more than leaving it
        unpaired (``min-margin``), and the two sides must be cut into about as many sentences
        (at most one apart): texts where one side runs longer or is punctuated differently on
        purpose (a chain of narrators in a hadith, a news lead) must not drown you in noise.
        Nor is a sentence reported where the target is a single sentence without sentence
        punctuation (a verse, a passage): only lengths could tell whether it holds the
        source's sentences, and length-ratio judges that. Where the target is one punctuated
        sentence, or the rest of the pair does not pair sentence for sentence (merged
        sentences, another sentence left over), the finding is an ``info`` that says to check
        whether the sentence is translated inside a neighbouring one.
        A source sentence whose translation is elsewhere in the pair, itself left unpaired (the
        two share names, numbers or words the corpus pairs), is not missing: the pair's
        sentences are misaligned or reordered, and that is one ``warning`` with a note at the
        translation, not a missing and an added sentence.
        A target that is present but empty is ``empty-translation`` instead.
        The finding is about the pair (``side`` is null in json: the text is the source's,
        the translation that lacks it the target's), and it is the one finding of its defect:
        the numbers, quotes, brackets and end marks inside the missing text, and the pair's
        length-ratio, are not reported again but summed up in notes of it
        (lintr.findings.subsume).

    Why it matters:
        A lost paragraph is the worst defect a translation can have and the hardest to see:
        the reader of the translation never learns it was there. In a parallel corpus the
        text left over is lost, or paired with the wrong neighbour.

    Example:
        source: قال رسول الله ﷺ: «لا يؤمن أحدكم حتى يحب لأخيه ما يحب لنفسه».
        target: (nothing: the English document skips it)
        → source:1:1: missing translation: nothing in the English target matches this text: "قال رسول الله ﷺ: «لا يؤمن أحدكم حتى يحب لأخيه ما يحب لنفسه»."

    Options:
        ``min-chars`` and ``min-margin`` apply inside a pair: the shortest sentence reported,
        and how clearly leaving a sentence unpaired must beat pairing it (raise either for
        fewer findings).

    Fix:
        None: the missing text needs translating.
    """

    id = "missing-sentence"
    severity = Severity.WARNING
    options = OPTIONS
    side = "source"
    _side = None  # the text is the source's, the defect (a translation lacking) the pair's

    def _whole(self, pair: Pair) -> Iterator[Finding]:
        if pair.source and not pair.target and pair.source.text.strip():
            text = pair.source.text
            yield self.finding(
                f"missing translation: nothing in the {pair.target.profile.name} target matches "
                f'this text: "{_excerpt(text)}"',
                _span(pair.source),
                _note(pair, pair.target),
                side=None,
            )

    def _message(self, pair: Pair, text: str) -> str:
        return (
            f"missing translation: this sentence of the {pair.source.profile.name} source has "
            f'no counterpart in the {pair.target.profile.name} target: "{_excerpt(text)}"'
        )
