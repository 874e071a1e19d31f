"""The number vocabulary of a language: what its profile tells lintr.analysis.numbers and
lintr.analysis.quantities about numbers written in words, dates, times and units.

Pure data, kept with the language profiles that hold it (so the profiles need nothing
from the analyses that read it).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NumberTables:
    """What a language needs for numbers written in words, dates and quantities.

    Every key is written as the language spells it; lintr folds it with the profile's
    ``normalize`` (letter by letter) before comparing it with text folded the same way.
    """

    cardinals: dict[str, int] = field(default_factory=dict)  # "three": 3, "ثلاثين": 30
    scales: frozenset[str] = frozenset()  # multiply what precedes: hundred, ألف, million
    teen_words: frozenset[str] = frozenset()  # "عشر" in "خمسة عشر" (adds 10, no "and")
    teen_only: frozenset[str] = frozenset()  # a number only before a teen word (أحد عشر)
    ordinals: dict[str, int] = field(default_factory=dict)  # "third": 3, "الثالث" (base)
    fractions: dict[str, tuple[int, int]] = field(default_factory=dict)  # "half": (1, 2)
    # Fractions and plural scales that are numbers only after a count: "two thirds" but
    # "the third"; "ten hundreds" but "hundreds of people".
    counted_fractions: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()  # clitics before a word: و، ف
    inner_prefixes: tuple[str, ...] = ()  # then prepositions: ب، ل، ك
    article: tuple[str, ...] = ()  # then the article: ال (ل after the preposition ل)
    # Another word behind this preposition: لست "I am not" (but بست "with six").
    no_preposition: dict[str, str] = field(default_factory=dict)
    # With the article, perhaps another word (الاثنين Monday, السبع predator): such a value
    # may agree with a number on the other side but is never reported.
    no_article: frozenset[str] = frozenset()
    # The ends of a prefix that make a word definite, for ``no_article``: ال, and لل (the
    # preposition ل before the article, which drops its alef).
    definite: tuple[str, ...] = ()
    joined_by_prefix: str = ""  # a prefix that means "and" between number words (و)
    joiners: frozenset[str] = frozenset()  # words meaning "and" between number words
    articles: frozenset[str] = frozenset()  # "a" in "a hundred", "a third"
    months: dict[str, int] = field(default_factory=dict)  # 1-12 Gregorian, 101-112 Hijri
    time_markers: dict[str, str] = field(default_factory=dict)  # "p.m.": "pm"
    time_words: frozenset[str] = frozenset()  # before a clock time: "at", الساعة
    # Markers that make a bare hour a time without a time word: "3 pm" (but "اللواء ١١ مساء
    # الجمعة" is the 11th brigade on Friday evening).
    bare_time_markers: frozenset[str] = frozenset()
    negative_after: tuple[str, ...] = ()  # "below zero" after a number (and its unit)
    negative_before: frozenset[str] = frozenset()  # "minus" before a number
    units: dict[str, str] = field(
        default_factory=dict
    )  # unit word -> lintr.analysis.quantities key
    unit_before: dict[str, str] = field(default_factory=dict)  # "$" before the number
    era_markers: frozenset[str] = frozenset()  # after a year: AD, هـ (not a unit)
    # "per cent", في المئة: the hundred there is not a number of its own.
    percent_words: tuple[str, ...] = ()
    # "or" between numbers: in "two or three hundred", إحدى أو اثنتين أو ثلاث وسبعين the
    # last number lends its hundreds or tens to the bare ones before it (200, 300; 71, 72, 73).
    alternatives: frozenset[str] = frozenset()
    # Cardinals that say a number loosely ("double", "in pairs", رباع "four at a time"): they
    # agree with the number on the other side but are never reported alone.
    loose: frozenset[str] = frozenset()
    # Words before a scale word that leave the count unsaid ("a few hundred", "several
    # thousand"): such a number may agree with one on the other side but is never reported.
    vague: frozenset[str] = frozenset()
    # Weekday names and abbreviations, 1 = Sunday ("mon": 2): where a language names days by
    # number words (الاثنين, "the second"), the other side's "Mon" is what its إثنين says.
    weekdays: dict[str, int] = field(default_factory=dict)
    # Words and phrases that say a zero ("none", "nothing", لا شيء): a 0 on the other side is
    # not missing where the text has one.
    zero_words: frozenset[str] = frozenset()
    # Letters a scan or a typist turns into a digit ("0": "O", "1": "I"): a lone such digit
    # before a word is reported with the letter it probably is ("0 Abu Huraira").
    lookalikes: dict[str, str] = field(default_factory=dict)
    # Words before a number that make it a reference, not a quantity ("verse 136", "No. 5176"):
    # a translator adds and drops them, so such a number is never reported alone.
    reference_words: frozenset[str] = frozenset()
    # Words between a day and the month name after it ("5 of May", ٥ من أيار; any case), and
    # between a month name and the day or year after it ("May the 5th"; as written): the
    # month is then part of a date.
    month_after_day: frozenset[str] = frozenset()
    number_after_month: frozenset[str] = frozenset()
