"""The `terminal-punctuation` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, Related
from lintr.rules.base import Rule
from lintr_plugins.rules.punctuation.marks import _TAIL, FINAL_CLASS, MARK_NAMES, QUESTION, TRAILING


def final_mark(text: str) -> str | None:
    """The class of the sentence-final mark ending ``text`` ('.', '?', '!', '…', ':'), looking
    through closing quotes, brackets, spaces and direction marks; None when there is none."""
    # The end of the text decides; a long text is looked at through its last characters,
    # unless they are all closing marks (then the whole text, to find where they start).
    tail = text[-_TAIL:]
    body = TRAILING.sub("", tail)
    if len(tail) < len(text) and not body.rstrip("?؟!"):
        body = TRAILING.sub("", text)
    if body.endswith("..."):
        return "…"
    if QUESTION.search(body):
        return "?"
    return FINAL_CLASS.get(body[-1:]) if body else None


class TerminalPunctuation(Rule):
    """Sentence-final punctuation missing on one side, or a question turned into a statement.

    What it finds:
        A segment that ends without a final mark (. ! ? … ... and Arabic ؟ and ۔, or a colon;
        a closing quote or bracket after the mark, or before it, is fine either way, and so are
        trailing spaces and direction marks such as U+200F) while its counterpart ends with one
        is usually truncated, or lost its last sentence. Reported at the end of the side that
        lacks the mark. A question mark on one side only is reported too, at the end of the
        target (؟ and ? are the same, and ?! or ؟! is a question). Titles and bylines, which
        have no final mark on either side, are fine.

    Why it matters:
        The end of a segment is where truncation shows: a target that stops without its final
        mark has usually lost its last words, and a question rendered as a statement says
        something else.

    Example:
        source: وكشف المصدر أنّ عملية الاستهداف تمت بعد عدة أيام من مناورات أجراها الجانب الروسي.
        target: The sources revealed that the targeted operation was carried out several days after
        → target:1:84: the English target ends without sentence-final punctuation, but the Arabic source ends with a full stop; truncated translation?

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
        src_mark, tgt_mark = final_mark(source.text), final_mark(target.text)
        if (src_mark is None) == (tgt_mark is None):
            if src_mark != tgt_mark and "?" in (src_mark, tgt_mark):
                yield self.finding(
                    f"the source ends with {MARK_NAMES[src_mark]} but the target ends with "
                    f"{MARK_NAMES[tgt_mark]}",
                    target.end_location(),
                    [
                        Related(
                            source.end_location(), f"the source ends with {MARK_NAMES[src_mark]}"
                        )
                    ],
                    detail=f"{src_mark}{tgt_mark}",
                )
            return
        lacking, other, mark = (
            (source, target, tgt_mark) if src_mark is None else (target, source, src_mark)
        )
        hint = "; truncated translation?" if lacking is target else ""
        yield self.finding(
            f"the {lacking.profile.name} {lacking.side} ends without sentence-final punctuation, "
            f"but the {other.profile.name} {other.side} ends with {MARK_NAMES[mark]}{hint}",
            lacking.end_location(),
            [Related(other.end_location(), f"the {other.side} ends with {MARK_NAMES[mark]} here")],
            detail=f"{lacking.side}-{mark}",
        )
