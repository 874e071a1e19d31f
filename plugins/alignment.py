"""Rules about pairing: content on one side with no counterpart on the other."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rule import Rule


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _span(side: PairSide) -> Location:
    """The side's text without the spaces and blank lines around it."""
    text = side.text
    return side.location(len(text) - len(text.lstrip()), len(text.rstrip()))


def _note(pair: Pair, other: PairSide) -> list[Related]:
    if pair.anchor is None:
        return []
    return [Related(pair.anchor, f"expected its counterpart in the {other.side} near here")]


class MissingSentence(Rule):
    """A source sentence or paragraph with no counterpart in the target.

    Reported at the source text, with a note where the translation should have appeared.
    A target that is present but empty is ``empty-translation`` instead.
    """

    id = "missing-sentence"
    severity = Severity.ERROR
    scope = "pair"

    def check(self, pair: Pair) -> Iterator[Finding]:
        if pair.source and not pair.target and pair.source.text.strip():
            text = pair.source.text
            yield self.finding(
                f"missing translation: nothing in the {pair.target.profile.name} target matches "
                f'this text: "{_excerpt(text)}"',
                _span(pair.source),
                _note(pair, pair.target),
            )


class AddedSentence(Rule):
    """Target content with no counterpart in the source.

    Often a caption, a note or a paragraph added by the translator; sometimes the sign
    that the source lost a paragraph. Reported at the target text, whether the source side
    is absent or present but blank.
    """

    id = "added-sentence"
    scope = "pair"

    def check(self, pair: Pair) -> Iterator[Finding]:
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


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [MissingSentence, AddedSentence]
