"""Quantities: a number with a unit (55 km, ٣ كغ, خمسة أيام, $5 million), unit conversion,
and how the quantities of a source and its translation correspond.

The units themselves (dimension, size in the dimension's base unit) are one table here,
``UNITS``; the words each language writes for them are tables in its language profile
(``NumberTables.units``), so a new unit or language is a table entry, not code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, cast

import regex

from lintr.analysis.numbers import Scanner, Value, scanner_for

if TYPE_CHECKING:
    from lintr.languages.profile import LanguageProfile


@dataclass(frozen=True, slots=True)
class Unit:
    dimension: str
    factor: float | None  # size in the dimension's base unit; None: not convertible
    name: str  # as messages show it
    offset: float = 0.0  # temperature scales start elsewhere


# key: (dimension, size in base unit: m, m², l, kg, m/s, K, s), display name.
UNITS: dict[str, Unit] = {
    "km": Unit("length", 1000, "km"),
    "m": Unit("length", 1, "m"),
    "cm": Unit("length", 0.01, "cm"),
    "mm": Unit("length", 0.001, "mm"),
    "mi": Unit("length", 1609.344, "miles"),
    "nmi": Unit("length", 1852, "nautical miles"),
    "ft": Unit("length", 0.3048, "feet"),
    "in": Unit("length", 0.0254, "inches"),
    "yd": Unit("length", 0.9144, "yards"),
    "km2": Unit("area", 1e6, "km²"),
    "m2": Unit("area", 1, "m²"),
    "ha": Unit("area", 1e4, "hectares"),
    "dunam": Unit("area", 1000, "dunams"),
    "feddan": Unit("area", 4200, "feddans"),
    "acre": Unit("area", 4046.8564224, "acres"),
    "mi2": Unit("area", 2589988.110336, "square miles"),
    "l": Unit("volume", 1, "litres"),
    "ml": Unit("volume", 0.001, "ml"),
    "m3": Unit("volume", 1000, "m³"),
    "gal": Unit("volume", 3.785411784, "US gallons"),
    "bbl": Unit("volume", 158.987294928, "barrels"),
    "kg": Unit("mass", 1, "kg"),
    "g": Unit("mass", 0.001, "g"),
    "mg": Unit("mass", 1e-6, "mg"),
    "t": Unit("mass", 1000, "tonnes"),
    "lb": Unit("mass", 0.45359237, "pounds"),
    "kmh": Unit("speed", 1 / 3.6, "km/h"),
    "mph": Unit("speed", 0.44704, "mph"),
    "kn": Unit("speed", 1852 / 3600, "knots"),
    "degC": Unit("temperature", 1, "°C", 273.15),
    "degF": Unit("temperature", 5 / 9, "°F", 273.15 - 32 * 5 / 9),
    "s": Unit("duration", 1, "seconds"),
    "min": Unit("duration", 60, "minutes"),
    "h": Unit("duration", 3600, "hours"),
    "d": Unit("duration", 86400, "days"),
    "wk": Unit("duration", 604800, "weeks"),
    "mo": Unit("duration", 2629800, "months"),  # a twelfth of a Julian year
    "yr": Unit("duration", 31557600, "years"),
    "usd": Unit("currency", None, "dollars"),
    "eur": Unit("currency", None, "euros"),
    "gbp": Unit("currency", None, "pounds sterling"),
    "egp": Unit("currency", None, "Egyptian pounds"),
    "lira": Unit("currency", None, "lira"),
    "try": Unit("currency", None, "Turkish lira"),
    "riyal": Unit("currency", None, "riyals"),
    "dirham": Unit("currency", None, "dirhams"),
    "dinar": Unit("currency", None, "dinars"),
    "cny": Unit("currency", None, "yuan"),
    "jpy": Unit("currency", None, "yen"),
}
# Words that name more than one unit: the other side of the pair decides which one.
ALIASES: dict[str, tuple[str, ...]] = {
    "pound": ("lb", "gbp", "egp", "lira"),  # "pounds", جنيه: weight, sterling, Egyptian, Syrian
    "deg": ("degC", "degF"),  # "degrees", درجة
}
# After a currency sign: $5m, $2bn.
_MONEY_SCALES = {"m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9}
_NOT_IN_WORD = r"[\p{L}\p{M}\p{N}]"
_GAP = regex.compile(r"[\s\-]*")  # between a number and its unit: 55 km, 55-km


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Value
    units: tuple[str, ...]  # unit keys it may be (one, unless the word is ambiguous)
    start: int
    end: int
    text: str
    amount: Decimal


class _UnitFinder:
    def __init__(self, profile: LanguageProfile, scanner: Scanner):
        tables = profile.number_tables
        self.scanner = scanner
        fold = self.scanner.fold_word
        self.units = {fold(k): v for k, v in tables.units.items()}
        # The unit words by their first letter, each group one pattern compiled when a
        # number is first followed by that letter: a tenth of the alternatives to try, and
        # no compiling at start-up of the groups a run never meets.
        self.by_first: dict[str, list[str]] = {}
        for form in self.units:
            self.by_first.setdefault(form[0], []).append(form)
        self.first_chars = set(self.by_first)
        self._unit_res: dict[str, regex.Pattern] = {}
        self.before = {fold(k): v for k, v in tables.unit_before.items()}
        self.eras = {fold(k) for k in tables.era_markers}
        self.before_re = (
            regex.compile(rf"(?<!\p{{L}})(?P<u>{_alternation(self.before)})\s*$")
            if self.before
            else None
        )
        # Whether a text has a sign written before its number at all ($, €): one search.
        self.before_gate = (
            re.compile("|".join(map(re.escape, sorted(self.before)))) if self.before else None
        )
        self.money_scale_re = regex.compile(r"(?P<s>mn|bn|m|b)(?!\p{L})")

    def find(self, text: str, values: list[Value]) -> list[Quantity]:
        if not values:
            return []
        folded = self.scanner.fold(text)
        gate = self.before_gate  # there is a gate exactly when there is a before_re
        money = self.before_re if gate is not None and gate.search(folded.text) else None
        out = []
        for v in values:
            q = self._quantity(text, folded, v, money)
            if q is not None:
                out.append(q)
        return out

    def _quantity(
        self, text: str, folded, v: Value, money: regex.Pattern[str] | None
    ) -> Quantity | None:
        """``money``: ``before_re`` when the text has a sign written before a number ($, €)."""
        if v.kind in ("ordinal", "time", "month", "weak"):
            return None
        if v.kind == "dual":
            if not v.unit:
                return None
            return Quantity(v, _expand(v.unit), v.start, v.end, v.text, v.number)  # type: ignore[arg-type]
        fend = folded.folded(v.end)
        if money is not None:
            fstart = folded.folded(v.start)
            before = money.search(folded.text, max(0, fstart - 6), fstart)
            if before and v.number is not None:
                return self._money(text, folded, v, before, v.number)
        at = cast("regex.Match[str]", _GAP.match(folded.text, fend)).end()  # matches ""
        if folded.text[at : at + 1] not in self.first_chars:
            return None  # most numbers: nothing that could start a unit after them
        m = self._unit_re(folded.text[at]).match(folded.text, at)
        if m is None:
            return None
        amount = v.number
        if amount is None or (m.group("u") in self.eras and _is_year(v)):
            return None
        end = folded.original_end(m.end())
        units = _expand(self.units[m.group("u")])
        return Quantity(v, units, v.start, end, text[v.start : end], amount)

    def _unit_re(self, first: str) -> regex.Pattern:
        pattern = self._unit_res.get(first)
        if pattern is None:
            alternation = _alternation(self.by_first[first])
            pattern = self._unit_res[first] = regex.compile(
                rf"(?<![\p{{L}}\p{{M}}])(?P<u>{alternation})(?!{_NOT_IN_WORD})"
            )
        return pattern

    def _money(self, text, folded, v: Value, before, amount: Decimal) -> Quantity:
        start, end = folded.original(before.start()), v.end
        scale = self.money_scale_re.match(folded.text, folded.folded(v.end))
        if scale and v.kind == "digits":
            amount *= _MONEY_SCALES[scale.group("s")]
            end = folded.original_end(scale.end())
        units = _expand(self.before[before.group("u")])
        return Quantity(v, units, start, end, text[start:end], amount)


def _alternation(forms) -> str:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(r"\s*".join(regex.escape(part) for part in f.split()) for f in ordered)


def _expand(key: str) -> tuple[str, ...]:
    return ALIASES.get(key, (key,))


def _is_year(v: Value) -> bool:
    return v.value.isdigit() and len(v.value) in (3, 4)


_FINDERS: dict[tuple[str, int], _UnitFinder | None] = {}


def find_quantities(text: str, profile: LanguageProfile, values: list[Value]) -> list[Quantity]:
    """The quantities among ``values`` (found in ``text``): each number with its unit."""
    key = (profile.code, id(profile.number_tables))
    if key not in _FINDERS:
        scanner = scanner_for(profile) if profile.number_tables.units else None
        _FINDERS[key] = _UnitFinder(profile, scanner) if scanner is not None else None
    finder = _FINDERS[key]
    return finder.find(text, values) if finder is not None else []


# --------------------------------------------------------------------------------------
# Conversion and correspondence
# --------------------------------------------------------------------------------------


def to_base(amount: Decimal, unit: str) -> float:
    u = UNITS[unit]
    return float(amount) * u.factor + u.offset  # type: ignore[operator]


def convert(amount: Decimal, unit: str, into: str) -> float:
    target = UNITS[into]
    return (to_base(amount, unit) - target.offset) / target.factor  # type: ignore[operator]


def close(a: Quantity, ua: str, b: Quantity, ub: str, tolerance: float) -> bool:
    """Whether ``b`` in ``ub`` is ``a`` in ``ua`` converted, within ``tolerance``."""
    if UNITS[ua].factor is None or UNITS[ub].factor is None:
        return False
    x, y = to_base(a.amount, ua), to_base(b.amount, ub)
    if UNITS[ua].dimension == "temperature":  # compare on the Celsius scale
        x, y = x - 273.15, y - 273.15
        return abs(x - y) <= max(0.5, tolerance * max(abs(x), abs(y)))
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def approx(x: float) -> str:
    """``x`` to three significant digits, without an exponent: 34.2, 1,610, 0.0508."""
    if x == 0 or not math.isfinite(x):
        return "0"
    places = max(0, 2 - math.floor(math.log10(abs(x))))
    rounded = round(x, places)
    if not places:
        return f"{round(rounded):,}"
    return f"{rounded:,.{places}f}".rstrip("0").rstrip(".")


def shown(q: Quantity, unit: str) -> str:
    """55 km, 5 million dollars: the amount and the unit's name."""
    amount = format(q.amount.normalize(), "f")
    if "." not in amount and 4 < len(amount) < 1000:  # int() refuses over 4,300 digits
        amount = f"{int(amount):,}"
    return f"{amount} {UNITS[unit].name}"


@dataclass(frozen=True, slots=True)
class Correspondence:
    """A source quantity and the target quantity that renders it, and how."""

    source: Quantity
    target: Quantity
    verdict: str  # same | converted | unit | value
    source_unit: str
    target_unit: str


def _pairs(s: Quantity, t: Quantity):
    return [(us, ut) for us in s.units for ut in t.units]


def _same(s, t, tol):
    for us, ut in _pairs(s, t):
        if us == ut and s.amount == t.amount:
            return "same", us, ut
    for us, ut in _pairs(s, t):
        if us != ut and UNITS[us].dimension == UNITS[ut].dimension and close(s, us, t, ut, tol):
            return "converted", us, ut
    return None


def _unit_changed(s, t, tol):
    if s.amount != t.amount:
        return None
    pairs = _pairs(s, t)
    shared = [(us, ut) for us, ut in pairs if UNITS[us].dimension == UNITS[ut].dimension]
    us, ut = (shared or pairs)[0]
    return "unit", us, ut


def _value_changed(s, t, tol):
    pairs = [(us, ut) for us, ut in _pairs(s, t) if UNITS[us].dimension == UNITS[ut].dimension]
    if not pairs:
        return None
    us, ut = next(((a, b) for a, b in pairs if a == b), pairs[0])
    return "value", us, ut


def correspond(
    source: list[Quantity], target: list[Quantity], tolerance: float
) -> list[Correspondence]:
    """Pairs each source quantity with the target quantity that renders it: first exact or
    converted renderings, then the same number in another unit, then another number in the
    same dimension (in order). Quantities left over have no counterpart."""
    out: list[Correspondence] = []
    free = list(target)
    left = list(source)
    for judge in (_same, _unit_changed, _value_changed):
        still = []
        for s in left:
            for t in free:
                verdict = judge(s, t, tolerance)
                if verdict is not None:
                    out.append(Correspondence(s, t, *verdict))
                    free.remove(t)
                    break
            else:
                still.append(s)
        left = still
    return out


# --------------------------------------------------------------------------------------
# What both number rules share for one pair (computed once, kept in ``pair.memo``)
# --------------------------------------------------------------------------------------

DEFAULT_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class PairNumbers:
    source: list[Value]
    target: list[Value]
    correspondences: list[Correspondence]

    def outside_quantities(self) -> tuple[list[Value], list[Value]]:
        """The numbers of each side not inside a quantity that has a counterpart: those are
        unit-mismatch's to compare (a value change there is reported once, by it)."""
        if not self.correspondences:
            return self.source, self.target
        used = {id(c.source.value) for c in self.correspondences}
        used |= {id(c.target.value) for c in self.correspondences}
        return (
            [v for v in self.source if id(v) not in used],
            [v for v in self.target if id(v) not in used],
        )


def _said_plainly(c: Correspondence, sq, tq, sv: list[Value], tv: list[Value]) -> bool:
    """A changed value whose number the other side has without its unit ("two or three
    dinars", "السنة والسنتين والثلاثة"): the unit was not repeated, nothing changed."""
    if c.verdict != "value":
        return False
    in_source = {id(q.value) for q in sq}
    in_target = {id(q.value) for q in tq}
    plain_t = {v.number for v in tv if id(v) not in in_target}
    plain_s = {v.number for v in sv if id(v) not in in_source}
    return c.source.amount in plain_t or c.target.amount in plain_s


def pair_numbers(pair, words: bool = True, tolerance: float = DEFAULT_TOLERANCE) -> PairNumbers:
    """The numbers and quantities of both sides of ``pair``, and how they correspond."""
    from lintr.analysis.numbers import find_values

    key = ("numbers", words, tolerance)
    if key not in pair.memo:
        sides = []
        for side in (pair.source, pair.target):
            # The side's shared words (the translation-memory and spelling rules need them too).
            values = find_values(side.text, side.profile, words, side.tokens)
            sides.append((values, find_quantities(side.text, side.profile, values)))
        (sv, sq), (tv, tq) = sides
        found = [c for c in correspond(sq, tq, tolerance) if not _said_plainly(c, sq, tq, sv, tv)]
        pair.memo[key] = PairNumbers(sv, tv, found)
    return pair.memo[key]
