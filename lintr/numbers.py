"""Finding numbers in text and normalising them, whatever digits and separators they use.

Shared by the number rules and, later, by the aligner (numbers are anchors that survive
translation). ٥٥ = 55, ١٬٠٠٠ = 1,000 = 1000, ٣٫٥ = 3.5, 15th = 15, 06 = 6, 15:23 = ١٥:٢٣ is a
time, and 06.01.2017 is one dotted number (a date or a version), compared part by part.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

# \d matches every Unicode decimal digit (ASCII, Arabic-Indic ٠-٩, Extended ۰-۹...).
NUMBER = regex.compile(
    r"""
    (?<![\p{Latin}\d])          # not part of a Latin word such as G20 (Arabic prefixes are fine)
    (?<!\d[.٫])                 # not the tail of a number already read
    (?P<value>
        (?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?!\d)
      | \d+(?:[.٫]\d+){2,}(?!\d)   # dotted date or version: 06.01.2017
      | \d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?(?!\d)
      | \d+(?:[.٫]\d+)?
    )
    (?P<ordinal>(?:st|nd|rd|th)(?!\p{L}))?
    """,
    regex.VERBOSE,
)


_DECIMAL_POINT = regex.compile("[.٫]")


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    text: str  # as written
    value: str  # canonical: "55", "3.5", "15:23"


def canonical(raw: str) -> str:
    if ":" in raw:  # 06:05 = 6:05 = ٠٦:٠٥
        hours, *rest = raw.split(":")
        return ":".join([str(int(hours)), *(f"{int(part):02d}" for part in rest)])
    parts = _DECIMAL_POINT.split(raw)
    if len(parts) > 2:  # 06.01.2017 = 6.1.2017
        return ".".join(str(int(part)) for part in parts)
    plain = raw.replace(",", "").replace("٬", "").replace("٫", ".")
    try:
        return format(Decimal(plain).normalize(), "f")
    except InvalidOperation:
        return plain


def find_numbers(text: str) -> list[Number]:
    return [
        Number(m.start(), m.end(), m.group(), canonical(m.group("value")))
        for m in NUMBER.finditer(text)
    ]
