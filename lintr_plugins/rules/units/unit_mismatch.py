"""The `unit-mismatch` rule."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lintr.analysis.quantities import (
    DEFAULT_TOLERANCE,
    UNITS,
    Correspondence,
    approx,
    convert,
    pair_numbers,
)
from lintr.analysis.quantities import shown as show
from lintr.model import Finding, Pair, Related, Severity
from lintr.rules.base import Option, Rule


@dataclass(frozen=True)
class Share(Option):
    """A float option between 0 (inclusive) and 1 (exclusive)."""

    def validate(self, value: Any) -> Any:
        value = super().validate(value)
        if not 0 <= value < 1:
            raise ValueError(f"expected a share of the value, at least 0 and below 1, got {value}")
        return value


class UnitMismatch(Rule):
    """A quantity with a unit differs between the source and the target.

    What it finds:
        A quantity is a number (digits or words) with a unit, in either language: distance (كم،
        كلم، كيلومتر، كيلومترات، كيلومتراً; م، متر، أمتار; ميل، أميال; km, miles, feet), area
        (هكتار، دونم، فدان، كم²; hectares, acres), volume (لتر، برميل، م³; litres, barrels,
        gallons), mass (كغ، كجم، كيلوغرام، طن، رطل; kg, tonnes, pounds), speed (كم/س، عقدة; km/h,
        mph, knots), temperature (درجة مئوية، °م; °C, °F), duration (ثانية، دقائق، ساعة، أيام،
        سنوات; seconds to years) and currency ($, دولار، يورو، جنيه، ليرة، ريال، درهم، دينار).
        Duals carry the number 2 (كيلومترين = 2 km, يومين = 2 days); "$5 million" and "٥ ملايين
        دولار" are both 5,000,000 dollars.

        Each source quantity is paired with the target quantity of the same dimension that
        renders it. Then:

        * the same number in another unit of the dimension is an error ("55 كم" rendered "55
          miles": "the source has 55 km (= 34.2 miles); the target says 55 miles"); so is the
          same number in another dimension or currency;
        * a correct conversion (55 km = 34 miles) within the tolerance is accepted;
        * another number is a changed value ("the source has 55 km; the target says 56 km", or
          with the converted value it should probably be). Currencies are never converted.

        This rule, not numeral-mismatch, reports a changed value on a quantity that has a
        counterpart, so each change is reported once. A quantity with nothing of its dimension
        on the other side (55 كم rendered "55" alone) is numeral-mismatch's to compare as a plain
        number. Words that name several units ("pounds": weight, sterling, Egyptian or Syrian;
        "degrees") take the unit the other side names.

    Why it matters:
        A number kept while its unit changes (55 km rendered 55 miles) is wrong by the whole
        conversion factor, and a check of numbers alone cannot see it; a correct conversion,
        on the other hand, must not read as a changed number.

    Example:
        source: على عمق 55 كم داخل البادية
        target: 55 miles deep inside the desert
        → target:1:1: unit changed: the source has 55 km (= 34.2 miles); the target says 55 miles

    Options:
        ``tolerance``: how far a conversion may be from the exact value, as a share of the
        value (0.05 by default). ``exact-units = true`` reports correct conversions too, as
        info, for house styles that keep the source's units.

    Fix:
        None: whether the number or the unit is wrong needs a person.
    """

    id = "unit-mismatch"
    severity = Severity.ERROR
    options = {
        "tolerance": Share(
            float, DEFAULT_TOLERANCE, "how far a conversion may be from the exact value"
        ),
        "exact-units": Option(
            bool, False, "report converted units (55 km -> 34 miles) as info findings"
        ),
    }

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source or not target or not source.text.strip() or not target.text.strip():
            return
        for c in pair_numbers(pair, True, self.settings["tolerance"]).correspondences:
            finding = self._judge(pair, c)
            if finding is not None:
                yield finding

    def _judge(self, pair: Pair, c: Correspondence) -> Finding | None:
        s, t, us, ut = c.source, c.target, c.source_unit, c.target_unit
        said = f"the target says {t.text}"
        if c.verdict == "same" or (c.verdict == "converted" and not self.settings["exact-units"]):
            return None
        if c.verdict == "converted":
            message = (
                f"unit converted: the source has {show(s, us)}, {said} "
                f"(= {approx(convert(t.amount, ut, us))} {_name(us)}); keep the source's unit?"
            )
        elif c.verdict == "unit":
            message = f"unit changed: the source has {self._expected(s, us, ut)}; {said}"
        else:
            message = f"quantity changed: the source has {self._expected(s, us, ut)}; {said}"
        finding = self.finding(
            message,
            pair.target.location(t.start, t.end),
            [Related(pair.source.location(s.start, s.end), f"the source has {s.text} here")],
            detail=f"{c.verdict}:{s.amount}{us}->{t.amount}{ut}",
        )
        if c.verdict == "converted":
            finding.severity = Severity.INFO
        return finding

    @staticmethod
    def _expected(s, us: str, ut: str) -> str:
        """55 km (= 34.2 miles): the source quantity, and in the target's unit if it differs."""
        text = show(s, us)
        a, b = UNITS[us], UNITS[ut]
        if us == ut or a.dimension != b.dimension or a.factor is None or b.factor is None:
            return text  # nothing to convert: the same unit, a currency, another dimension
        return f"{text} (= {approx(convert(s.amount, us, ut))} {b.name})"


def _name(unit: str) -> str:
    return UNITS[unit].name
