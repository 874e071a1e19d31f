"""The `terminal-punctuation` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, PairSide, Related
from lintr.rules.base import Rule
from lintr_plugins.rules.punctuation.ends import (
    MARK_NAMES,
    QUESTION_MARKS,
    SOFT,
    End,
    last_sentence,
    punctuated,
    text_end,
)


class TerminalPunctuation(Rule):
    """Sentence-final punctuation missing on one side, or a question turned into a statement.

    What it finds:
        A segment that ends without a final mark (. ! ? … ... and Arabic ؟ and ۔, or a colon)
        while its counterpart ends with one is usually truncated, or lost its last sentence.
        The final mark is looked for through what may follow it: closing quotes and brackets,
        in either order, spaces and direction marks such as U+200F, and a trailing tag: a
        reference or a grade in brackets ("… them. (Sahih)", "… (11:46)") or a footnote number.
        Marks that say the same in both scripts are one (؟ and ?, ؛ and ;, ، and ,, ：and :),
        and a ; or , ending a list item counts as an end. Reported at the end of the side that
        lacks the mark, and the message names that side. A source is not reported where it
        uses no punctuation at all (a label, a text written without stops), where it ends by
        closing a quotation or a Quranic verse ("… }", "… »"), or where it is a question
        written without a question mark and the target ends with "?": in a language whose
        profile has a ``question_cue`` (Arabic), a source that writes no question mark at all
        (classical texts) or whose last sentence has a question word (هل, كيف, أليس …). A
        question mark on one side only is reported at the end of the target (?! and ؟! are
        questions), unless the source is such a question. The stop of a label that is one
        abbreviation ("Jan.", "6 a.m.") is not a sentence mark. Titles and bylines, which
        have no final mark on either side, are fine.

    Why it matters:
        The end of a segment is where truncation shows: a target that stops without its final
        mark has usually lost its last words, and a question rendered as a statement says
        something else.

    Example:
        source: وكشف المصدر أنّ عملية الاستهداف تمت بعد عدة أيام من مناورات أجراها الجانب الروسي.
        target: The sources revealed that the targeted operation was carried out several days after
        → target:1:84: the English target ends without sentence-final punctuation, but the Arabic source ends with a full stop: end the target with a full stop, unless its last words are missing (truncated translation?)

    Options:
        None.

    Fix:
        None: adding the mark would hide the truncation it points to.
    """

    id = "terminal-punctuation"

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source.text.strip() or not target.text.strip():
            return
        src, tgt = text_end(source.text, source.profile), text_end(target.text, target.profile)
        if src.mark is not None and tgt.mark is not None:
            if (src.mark == "?") != (tgt.mark == "?") and not self._unmarked_question(source, tgt):
                yield self._question(source, target, src.mark, tgt.mark)
        elif tgt.mark is None and src.mark is not None and src.mark not in SOFT:
            yield self._lacking(target, source, src.mark)
        elif src.mark is None and tgt.mark is not None and self._source_lacks(source, src, tgt):
            yield self._lacking(source, target, tgt.mark)

    def _source_lacks(self, source: PairSide, src: End, tgt: End) -> bool:
        """Whether a source without a final mark is worth reporting against a target with one."""
        if tgt.mark in SOFT or src.quoted or not punctuated(source.text):
            return False
        return not self._unmarked_question(source, tgt)

    @staticmethod
    def _unmarked_question(source: PairSide, tgt: End) -> bool:
        """A source question written without its question mark, translated with one: in a
        language that may leave questions unmarked, a source that marks none (classical
        Arabic writes no ؟), or whose last sentence has a question word."""
        cue = source.profile.question_cue
        if tgt.mark != "?" or cue is None:
            return False
        return not QUESTION_MARKS.search(source.text) or cue(
            last_sentence(source.text, source.profile)
        )

    def _question(self, source: PairSide, target: PairSide, src: str, tgt: str) -> Finding:
        where = f"the {target.profile.name} target"
        if tgt == "?":
            advice = f"{where} asks a question the source does not: end it with {MARK_NAMES[src]}?"
        else:
            advice = f"{where} turned the question into a statement: end it with a question mark?"
        return self.finding(
            f"the {source.profile.name} source ends with {MARK_NAMES[src]} but the "
            f"{target.profile.name} target ends with {MARK_NAMES[tgt]}; {advice}",
            target.end_location(),
            [Related(source.end_location(), f"the source ends with {MARK_NAMES[src]}")],
            detail=f"{src}{tgt}",
        )

    def _lacking(self, lacking: PairSide, other: PairSide, mark: str) -> Finding:
        if lacking.side == "target":
            advice = (
                f": end the target with {MARK_NAMES[mark]}, unless its last words are missing "
                "(truncated translation?)"
            )
        else:
            advice = (
                f": the source lacks its final mark ({MARK_NAMES[mark]}, as the target has), "
                "or its last words"
            )
        return self.finding(
            f"the {lacking.profile.name} {lacking.side} ends without sentence-final punctuation, "
            f"but the {other.profile.name} {other.side} ends with {MARK_NAMES[mark]}{advice}",
            lacking.end_location(),
            [Related(other.end_location(), f"the {other.side} ends with {MARK_NAMES[mark]} here")],
            detail=f"{lacking.side}-{mark}",
        )
