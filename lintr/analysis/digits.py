"""Numbers written in digits, read with the notation of the text's language.

A language profile says how its numbers are written (``LanguageProfile``: ``digits``,
``decimal_separators``, ``thousands_separators``, ``percent_signs``, ``ordinal_suffixes``);
a ``Notation`` is that, compiled into one pattern. Every Unicode decimal digit is a digit
in every language (a translation may keep the source's digits), so 55 = ٥٥ = ۵۵; the
profile adds digit characters Unicode does not count as decimal. English reads 1,000.5
and 15th, Arabic ١٬٠٠٠٫٥, French 1 000,5 and 3e; 15:23 is a time and 06.01.2017 one
dotted number (a date or a version) everywhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

import regex

if TYPE_CHECKING:
    from lintr.languages.profile import LanguageProfile

# Spaces that may stand between a number and its percent sign (50 %, French 50 %).
PERCENT_GAP = frozenset(" \u00a0\u202f")


class Number(NamedTuple):  # a tuple: made twice as fast as a frozen dataclass
    start: int
    end: int
    text: str  # as written
    value: str  # canonical: "55", "3.5", "15:23"


def _char_class(chars) -> str:
    return "[" + "".join(regex.escape(c) for c in dict.fromkeys(chars)) + "]"


class Notation:
    """How one language writes numbers in digits, as one compiled pattern and a reader of
    what it matches. The patterns are compiled on first use: a run whose texts of one
    language have no digit (most Arabic of older corpora) never pays for that language's."""

    def __init__(
        self,
        digits: dict[str, str] | None = None,
        decimal: tuple[str, ...] = (".",),
        thousands: tuple[str, ...] = (",",),
        ordinals: tuple[str, ...] = (),
        percent: tuple[str, ...] = ("%",),
    ):
        # Unicode's decimal digits need no table: \d, int() and Decimal() know them all.
        extra = {c: v for c, v in (digits or {}).items() if not c.isdecimal()}
        self._digit_table = str.maketrans(extra) if extra else None
        d = r"\d" if not extra else "[\\d" + "".join(regex.escape(c) for c in extra) + "]"
        dec, grouping = _char_class(decimal), _char_class(thousands)
        dotted = _char_class((".", *decimal))
        ordinal = ""
        if ordinals:
            suffixes = "|".join(regex.escape(s) for s in sorted(ordinals, key=len, reverse=True))
            ordinal = rf"(?P<ordinal>(?:{suffixes})(?!\p{{L}}))?"
        self._pattern = rf"""
            (?<![\p{{Latin}}\d])    # not part of a Latin word such as G20 (Arabic prefixes are fine)
            (?<!{d}{dec})           # not the tail of a number already read
            (?P<value>
                (?P<time>{d}{{1,2}}:{d}{{2}}(?::{d}{{2}})?)(?!{d})
              | {d}+(?:{dotted}{d}+){{2,}}(?!{d})   # dotted date or version: 06.01.2017
              | {d}{{1,3}}(?:{grouping}{d}{{3}})+(?:{dec}{d}+)?(?!{d})
              | {d}+(?:{dec}{d}+)?
            )
            {ordinal}
            """
        # Any digit: a plain search, no look-behind (most texts of older corpora have none).
        self.gate = regex.compile(d) if extra else re.compile(r"\d")
        self._dotted_class = dotted
        self._thousands = tuple(thousands)
        self._decimal = tuple(s for s in decimal if s != ".")
        # Percent signs of one character, looked up in a set (a digit reader's hot path),
        # and longer ones.
        self.percent = frozenset(s for s in percent if len(s) == 1)
        self.long_percent = tuple(s for s in percent if len(s) > 1)
        self._percent_signs = tuple(percent)
        # Whether no separator is a space: then numbers can be read word by word
        # (lintr.text.by_chunk), as the aligner's anchors are.
        self.chunkable = not any(c.isspace() for c in (*decimal, *thousands))
        self.canonical = functools.lru_cache(maxsize=4096)(self._canonical)

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        return regex.compile(self._pattern, regex.VERBOSE)

    @functools.cached_property
    def percent_gate(self) -> re.Pattern[str]:
        """Whether a text has a percent sign at all: one search."""
        return re.compile("|".join(map(re.escape, self._percent_signs)) or "(?!)")

    @functools.cached_property
    def _dotted(self) -> regex.Pattern[str]:
        return regex.compile(self._dotted_class)

    def find(self, text: str) -> list[Number]:
        """The numbers of ``text`` in digits, with their canonical values."""
        canonical = self.canonical
        return [
            Number(m.start(), m.end(), m.group(), canonical(m.group("value")))
            for m in self.pattern.finditer(text)
        ]

    def _canonical(self, raw: str) -> str:
        if raw.isdecimal() and len(raw) < 1000:  # most: digits alone (int's form = Decimal's)
            return str(int(raw))
        if self._digit_table is not None:
            raw = raw.translate(self._digit_table)
            if raw.isdecimal() and len(raw) < 1000:
                return str(int(raw))
        if ":" in raw:  # 06:05 = 6:05 = ٠٦:٠٥
            hours, *rest = raw.split(":")
            return ":".join([_whole(hours), *(_whole(part).zfill(2) for part in rest)])
        parts = self._dotted.split(raw)
        if len(parts) > 2:  # 06.01.2017 = 6.1.2017
            return ".".join(_whole(part) for part in parts)
        plain = raw
        for separator in self._thousands:
            plain = plain.replace(separator, "")
        for separator in self._decimal:
            plain = plain.replace(separator, ".")
        try:
            return format(Decimal(plain).normalize(), "f")
        except InvalidOperation:
            return plain

    def percent_after(self, text: str, end: int) -> bool:
        """Whether a percent sign follows the number that ends at ``end`` (50%, ٥٠٪, 50 %)."""
        ch = text[end : end + 1]
        if ch in PERCENT_GAP:
            end += 1
            ch = text[end : end + 1]
        if ch in self.percent:
            return True
        return bool(self.long_percent) and text.startswith(self.long_percent, end)


# A profile's notation, made once: by the profile's identity (profiles hold dicts, so they
# do not hash), the profile kept to tell a reused id from its own.
_NOTATIONS: dict[int, tuple[object, Notation]] = {}


@functools.cache
def _default() -> Notation:
    """ASCII ".", ",", "%": made on first use, not at import (its pattern costs start-up)."""
    return Notation()


def notation_for(profile: LanguageProfile | None) -> Notation:
    """The notation of ``profile``'s numbers (the default, ASCII ".", ",", "%", for None)."""
    if profile is None:
        return _default()
    found = _NOTATIONS.get(id(profile))
    if found is None or found[0] is not profile:
        notation = Notation(
            profile.digits,
            profile.decimal_separators,
            profile.thousands_separators,
            profile.ordinal_suffixes,
            profile.percent_signs,
        )
        found = _NOTATIONS[id(profile)] = (profile, notation)
    return found[1]


def find_numbers(text: str, profile: LanguageProfile | None = None) -> list[Number]:
    """The numbers of ``text`` written in digits, as ``profile``'s language writes them."""
    return notation_for(profile).find(text)


def _whole(digits: str) -> str:
    """A run of decimal digits without its leading zeros, as ``str(int(digits))`` gives it
    for short runs; long ones (a 5,000-digit number) are not passed to int, which refuses
    more than 4,300 digits and takes quadratic time."""
    if len(digits) < 1000:
        return str(int(digits))
    plain = "".join(str(unicodedata.digit(c)) for c in digits)
    return plain.lstrip("0") or "0"
