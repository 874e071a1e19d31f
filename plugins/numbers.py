"""Rules about numbers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lintr.hookspecs import hookimpl
from lintr.model import Finding, Pair, Related, Severity
from lintr.rule import Rule


def _unmatched(mine, theirs):
    """Numbers of ``mine`` with no equal value left in ``theirs`` (as a multiset), in order."""
    available = Counter(n.value for n in theirs)
    out = []
    for number in mine:
        if available[number.value]:
            available[number.value] -= 1
        else:
            out.append(number)
    return out


class NumeralMismatch(Rule):
    """Numbers differ between the source and the target.

    Each side's numbers are compared as a multiset of values, after normalisation, so these
    all agree: ASCII digits, Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits; the
    Arabic decimal and thousands separators ٫ and ٬; 1,000 = 1000 = ١٬٠٠٠; 3.5 = ٣٫٥;
    ordinals (15th = 15); leading zeros (06 = 6); percentages (50% = ٥٠٪). Times such as
    15:23 (= ١٥:٢٣) are compared as times, and dotted dates such as 06.01.2017 as one number.

    Both directions count: a number only in the target is as wrong as one only in the
    source. Where one number replaced another, one finding says so ("source has 55, target
    has 56") at the target's number, with a note at the source's. Otherwise the finding
    names the number and the side it is missing from, with a note at the number.

    Numbers glued to Latin letters (G20, A4, mp3) are not compared: they are names. Number
    words ("fifteen", "خمسة عشر") are not yet understood and are ignored.
    """

    id = "numeral-mismatch"
    severity = Severity.ERROR

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source or not target or not source.text.strip() or not target.text.strip():
            return
        only_source = _unmatched(source.numbers, target.numbers)
        only_target = _unmatched(target.numbers, source.numbers)
        for s, t in zip(only_source, only_target, strict=False):
            yield self.finding(
                f"number changed: the source has {s.text}, the target has {t.text}",
                target.location(t.start, t.end),
                [Related(source.location(s.start, s.end), f"the source has {s.text} here")],
                detail=f"{s.value}->{t.value}",
            )
        paired = min(len(only_source), len(only_target))
        text = target.text
        whole_target = target.location(len(text) - len(text.lstrip()), len(text.rstrip()))
        for s in only_source[paired:]:
            yield self.finding(
                f"number {s.text} of the source is missing from the target",
                whole_target,
                [Related(source.location(s.start, s.end), f"{s.text} is here in the source")],
                detail=f"-{s.value}",
            )
        for t in only_target[paired:]:
            yield self.finding(
                f"number {t.text} of the target is not in the source",
                target.location(t.start, t.end),
                [Related(source.location(0, 0), "the source segment starts here")],
                detail=f"+{t.value}",
            )


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [NumeralMismatch]
