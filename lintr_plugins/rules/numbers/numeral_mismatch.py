"""The `numeral-mismatch` rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from lintr.analysis.numbers import scanner_for
from lintr.analysis.quantities import pair_numbers
from lintr.model import Finding, Pair, Related, Severity
from lintr.rules.base import Option, Rule

WORD_MODES = ("precise", "off")
REPEAT_MODES = ("lost", "count", "distinct")


@dataclass(frozen=True)
class Choice(Option):
    """A string option with a fixed set of values (checked when the configuration loads)."""

    choices: tuple[str, ...] = ()

    def validate(self, value: Any) -> Any:
        value = super().validate(value)
        if value not in self.choices:
            raise ValueError(f"expected one of {', '.join(self.choices)}, got {value!r}")
        return value


def _unmatched(mine, theirs):
    """Numbers of ``mine`` with no equal value left in ``theirs`` (as a multiset), in order.
    A number first meets one written alike (digits with digits, words with words): of "two
    blocks ... N+2 ... N+2" against "كتلتين ... N+2 ... N+2" the "two" is left over, which
    the Arabic says with a dual, not a 2 in digits."""
    available = Counter(n.value for n in theirs)
    alike = Counter((n.value, n.kind) for n in theirs)
    met = set()
    for i, number in enumerate(mine):
        key = (number.value, number.kind)
        if alike[key]:
            alike[key] -= 1
            available[number.value] -= 1
            met.add(i)
    out = []
    for i, number in enumerate(mine):
        if i in met:
            continue
        if available[number.value] > 0:
            available[number.value] -= 1
        else:
            out.append(number)
    return out


def _drop_loose(a, b):
    """Times that agree on a 12-hour clock (3:15 = 15:15 when one side has no am/pm)."""
    b = list(b)
    kept = []
    for x in a:
        twin = next((y for y in b if x.loose and y.loose == x.loose), None)
        if twin is None:
            kept.append(x)
        else:
            b.remove(twin)
    return kept, b


def _drop_parts(a, b):
    """A slashed pair (6/1) that the other side writes as two numbers (6 January)."""
    b = list(b)
    kept = []
    for x in a:
        values = Counter(y.value for y in b)
        if x.parts and not Counter(x.parts) - values:
            for part in x.parts:
                b.remove(next(y for y in b if y.value == part))
        else:
            kept.append(x)
    return kept, b


@cache
def _compiled(pattern: str) -> regex.Pattern:
    """A pattern compiled when a pair first needs it: most runs have few mismatches, and
    start-up should not pay for what they never use."""
    return regex.compile(pattern)


# Digits glued to a word, which lintr does not read as a number of the text: a Latin name
# (G20, RFC2822, Example1), a code page (cp-1256), an Arabic word (مثال1).
_GLUED_NUMBER = r"(?<=[\p{L}\p{M}]-?)\d+|\d+(?=\p{L})"


def _not_in_names(values, other_text: str):
    """Numbers the other side writes glued to a word: مجموعة العشرين = the G20; "RFC 2822"
    = RFC2822; "Example1" = مثال1 (that side reads the digits glued to an Arabic word)."""
    names = Counter(str(int(m.group())) for m in _compiled(_GLUED_NUMBER).finditer(other_text))
    if not names:
        return values
    kept = []
    for v in values:
        if names[v.value]:
            names[v.value] -= 1
        else:
            kept.append(v)
    return kept


# Two numbers joined by a colon that are not a time: a chapter and verse ("2:115", "39:67").
_VERSE = r"\d+:\d|(?<=\d:)\d+"


def _verse_reference(text: str, v) -> bool:
    """A chapter or verse number of a reference (2:115): a translator adds and drops them."""
    return v.kind == "digits" and bool(_compiled(_VERSE).match(text, v.start))


def _in_a_name(text: str, v) -> bool:
    """Digits followed by a Latin letter are a name too (3D, 4K, 2FA), not a count."""
    return v.kind == "digits" and bool(_compiled(_LATIN_AFTER).match(text, v.end))


_LATIN_AFTER = r"\p{Latin}"


def _not_said_in_duals(values, other_profile):
    """A "two" the other language says with a dual ending, on a noun lintr cannot list."""
    reader = scanner_for(other_profile)
    if reader is None or not reader.dual_grammar:
        return values
    return [v for v in values if not (v.value == "2" and v.kind == "words")]


_WORD = r"\p{L}+"


def _not_weekdays(values, other_text: str, other_profile):
    """A number word that names the weekday the other side names: إثنين for "Mon" (Arabic
    names Sunday to Thursday by number: الأحد, الاثنين ...)."""
    days = other_profile.number_tables.weekdays
    if not days or not any(v.kind in ("words", "weak") for v in values):
        return values
    named = {str(days[w]) for w in _compiled(_WORD).findall(other_text.lower()) if w in days}
    return [v for v in values if not (v.kind in ("words", "weak") and v.value in named)]


def _not_said_as_zero(values, other_text: str, other_profile):
    """A 0 the other side says with a word: "0 of 3 selected" = لا شيء محدد من 3."""
    if not any(v.value == "0" for v in values):
        return values
    words = other_profile.number_tables.zero_words
    folded = other_profile.normalize(other_text).lower()
    if not any(_has_phrase(folded, other_profile.normalize(w).lower()) for w in words):
        return values
    return [v for v in values if v.value != "0"]


def _has_phrase(text: str, phrase: str) -> bool:
    at = text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        if not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            return True
        at = text.find(phrase, end)
    return False


def _not_stated_by(values, other):
    """The values the other side never states (a restatement, "these three", is not one)."""
    stated = {v.value for v in other}
    return [v for v in values if v.value not in stated]


def _restatements_dropped(only_source, only_target, stated_by_source):
    """Repeat mode "lost": an extra occurrence in the target of a value the source states
    (as a number it could report: not an ordinal, fraction or weak word) is a restatement
    ("three things ... one of those three things"), not reported, unless a number of the
    source is missing with nothing else to stand for it: then the extra occurrence is what
    replaced it ("3 killed and 5 wounded" -> "3 killed and 3 wounded"), and the change is
    reported at it. The source side is counted as in mode "count": a repetition lost from
    the target ("3 killed and 3 wounded" -> "3 killed") is reported."""
    stated = {v.value for v in stated_by_source}
    new = [v for v in only_target if v.value not in stated]
    restated = [v for v in only_target if v.value in stated]
    if not restated:
        return only_target
    spare = max(0, len(only_source) - len(new))
    return sorted(new + restated[:spare], key=lambda v: v.start)


def _months_changed(only_source, only_target):
    """A month name counts only against another month: "Ramadan" in a date on one side and
    in a phrase on the other is the same month, not a number lost."""
    months_s = [v for v in only_source if v.kind == "month"]
    months_t = [v for v in only_target if v.kind == "month"]
    keep = min(len(months_s), len(months_t))
    drop = {id(v) for v in months_s[keep:] + months_t[keep:]}
    return (
        [v for v in only_source if id(v) not in drop],
        [v for v in only_target if id(v) not in drop],
    )


# Words that agree when they match but are not reported alone: translations add and drop
# them freely ("a camel in her third year" for بنت لبون, "the fifth" for الخمس).
MATCH_ONLY = ("ordinal", "fraction", "weak")
_OPEN, _CLOSE = "([﴾", ")]﴿"


def _in_note(text: str, v) -> bool:
    """Whether a number sits in brackets: a translator's reference or note, "(iv. 126)",
    "(Surah 87)", "(No. 3299)", "(… cp-1256 … “Western (Euro)” …)", numbers that the other
    side need not have. Brackets nest; a note is at most _NOTE_REACH characters each side."""
    if not any(c in text for c in _OPEN):
        return False
    return _unclosed(reversed(text[max(0, v.start - _NOTE_REACH) : v.start]), _CLOSE, _OPEN) and (
        _unclosed(text[v.end : v.end + _NOTE_REACH], _OPEN, _CLOSE)
    )


_NOTE_REACH = 300


def _unclosed(chars, inner: str, outer: str) -> bool:
    """Whether ``chars`` reach an ``outer`` bracket that no ``inner`` one balances."""
    depth = 0
    for c in chars:
        if c in inner:
            depth += 1
        elif c in outer:
            if not depth:
                return True
            depth -= 1
    return False


# A footnote mark: a small number glued to the end of a sentence or word ("water).1 Abu").
# Direction marks (U+200E, U+200F) may stand around it in Arabic text: "وَصَلَّتْ .‏2‏".
_FOOTNOTE = r"(?<=[\p{Latin}.,;:)\]”\"’][\u200e\u200f]*)\d{1,2}(?=[\s\u200e\u200f]|$)"


# A reference number of a printed edition or a footnote mark: a number standing after the
# end of a sentence and before a capital, a closing quote or the end of the text ("al-Marwa.
# 1722", "(v. 41) 2176 It", "of two rotls. 2 Abu Dawud said", "three times. 4\" Qutaiba");
# a lone 0 there is the letter O misread ("... Abu Huraira. 0 Allah!"), not a mark.
_REFERENCE = r"(?<=[.!?؟)\]”\"’]\s+)(?!0\D)\d+(?=\s*$|\s+\p{Lu}|[\"”’](?:\s|$))"


def _footnote(text: str, v) -> bool:
    if v.kind != "digits":
        return False
    # match, not fullmatch: with an end position, "$" would hold at the end of every number
    return any(
        (m := _compiled(p).match(text, v.start)) and m.end() == v.end
        for p in (_FOOTNOTE, _REFERENCE)
    )


def _reportable(values, text: str, profile, other_text: str):
    # a reference the other side has too is compared: 2:115 against 2:116 is a changed verse
    verses = _compiled(_VERSE).search(other_text) is None
    return [
        v
        for v in values
        if v.kind not in MATCH_ONLY
        and not _in_a_name(text, v)
        and not (verses and _verse_reference(text, v))
        and not _in_note(text, v)
        and not _footnote(text, v)
        and not _after_reference(text, v, profile)
    ]


_REFERENCE_WORDS: dict[int, frozenset[str]] = {}


def _after_reference(text: str, v, profile) -> bool:
    """Whether a number in digits labels a reference: "verse 136", "No. 5176", الآية 5."""
    if v.kind != "digits":
        return False
    tables = profile.number_tables
    words = _REFERENCE_WORDS.get(id(tables))
    if words is None:
        words = _REFERENCE_WORDS[id(tables)] = frozenset(
            profile.normalize(w).lower() for w in tables.reference_words
        )
    before = text[max(0, v.start - 20) : v.start].split()
    return bool(before) and profile.normalize(before[-1]).lower() in words


def _notes_last(values, text: str):
    """Numbers in a translator's note are the ones left over when a number is said twice."""
    if not any(c in text for c in _OPEN):
        return values  # most texts: no brackets, no notes
    return sorted(values, key=lambda v: _in_note(text, v))


def differences(source, target):
    """(numbers only in the source, numbers only in the target), after every equivalence."""
    if Counter(v.value for v in source) == Counter(v.value for v in target):
        return [], []
    # Numbers that can be reported pair up first; ordinals, fractions and weak words only
    # absorb what is left (a "three" should meet the other "three", not "third").
    strong_s = [v for v in source if v.kind not in MATCH_ONLY]
    strong_t = [v for v in target if v.kind not in MATCH_ONLY]
    weak_s = [v for v in source if v.kind in MATCH_ONLY]
    weak_t = [v for v in target if v.kind in MATCH_ONLY]
    only_source = _unmatched(_unmatched(strong_s, strong_t), weak_t)
    only_target = _unmatched(_unmatched(strong_t, strong_s), weak_s)
    only_source, only_target = _drop_loose(only_source, only_target)
    only_source, only_target = _drop_parts(only_source, only_target)
    only_target, only_source = _drop_parts(only_target, only_source)
    return only_source, only_target


_BEFORE_A_WORD = r"\s+\p{L}"


def _lookalike(text: str, v, profile) -> str:
    """A lone 0 or 1 opening a clause, before a word ('said: 1 heard', '"0 Allah'): the
    letter a scan turned into a digit, said as a hint ('he stayed 1 day' is not one)."""
    letter = profile.number_tables.lookalikes.get(v.text) if v.kind == "digits" else None
    before = text[max(0, v.start - 20) : v.start].rstrip()
    if letter is None or (before and before[-1].isalnum()):
        return ""
    if not _compiled(_BEFORE_A_WORD).match(text, v.end):
        return ""
    return f": perhaps {letter}, misread as a digit"


def _missing_message(missing) -> str:
    if len(missing) == 1:
        return f"number {missing[0].shown()} of the source is missing from the target"
    said = Counter(v.shown() for v in missing)
    listed = ", ".join(f"{shown} ×{n}" if n > 1 else shown for shown, n in said.items())
    return f"{len(missing)} numbers of the source are missing from the target: {listed}"


class NumeralMismatch(Rule):
    """Numbers differ between the source and the target.

    What it finds:
        Each side's numbers are compared as a multiset of values, after normalisation, so these
        all agree: ASCII digits, Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits; the
        Arabic decimal and thousands separators ٫ and ٬; 1,000 = 1000 = ١٬٠٠٠; 3.5 = ٣٫٥;
        ordinals (15th = 15); leading zeros (06 = 6); percentages (50% = ٥٠٪); 5 million =
        ٥ ملايين = 5,000,000; fractions (2/3 = ثلثي = two thirds, 0.5 = half = نصف); signs (-5 =
        "minus 5" = ٥ تحت الصفر). Times such as 15:23 (= ١٥:٢٣ = 3:23 pm = ٣:٢٣ م) are compared as
        times (a time without am/pm agrees with either half of the day), and dotted dates such as
        06.01.2017 as one number; month names count in dates: كانون الثاني (Levantine), يناير
        (Egyptian) and January are all month 1, next to a day or a year.

        Number words are compared by value with digits and with each other. Mode `precise` is on
        by default (option number-words): English cardinals and ordinals ("three hundred and
        five", "twenty-first", "a dozen", "twice"), fractions ("a third", "half"), and Arabic
        masculine, feminine, accusative and genitive forms (ثلاثة، ثلاث، ثلاثين، ثلاثون), ordinals
        (الثالث، الثالثة، الخامس عشر), hundreds and thousands (مئة / مائة، ثلاثمائة، ألف، آلاف، ألفين)
        and the duals of counted nouns, which carry the number 2 (يومين، ساعتين، مرتين، كيلومترين;
        option dual-nouns). Left out because they are mostly not numbers: "one", "a", "first",
        "second", واحد، الأول, أحد outside أحد عشر, weekdays (الاثنين، الخميس), and words behind a
        preposition that make another word (لست "I am not", كمية "quantity"); a number word is a
        whole word, its clitics (و ف ب ل ك ال) aside, and a word ending in ى is one only where
        the number is spelled so (إحدى, not تسعى "she strives"). Counts said loosely ("both",
        "a pair", "double", "a few dozen", "several hundred", الثماني which may be "octal")
        agree with the number on the other side but are never reported alone. Mode `off`
        compares digits only.

        Both directions count: a number only in the target is as wrong as one only in the
        source. Where one number replaced another, one finding says so ("source has 55, target
        has 56") at the target's number, with a note at the source's. A number only in the
        target is reported at it. The numbers of the source missing from the target are one
        finding on the target, listing them, with a note at each: a passage left out is one
        defect, however many numbers it held.

        A number that carries a unit (55 km, ثلاثة أيام, $5) and has a quantity of the same
        dimension on the other side is unit-mismatch's to compare, never this rule's: a changed
        value there (55 km -> 56 km, or 55 km -> 40 miles) is reported once, by unit-mismatch,
        which knows conversions. A quantity with no counterpart quantity counts here as a plain
        number. Numbers glued to Latin letters (G20, A4, mp3, 3D) are not compared: they are
        names; and a number the other side writes glued to a word is there ("RFC 2822" =
        RFC2822, "Example1" = مثال1). Numbers in brackets, reference numbers ("verse 136"),
        chapter and verse (2:115, unless the other side has one too) and footnote marks
        (after a sentence, before a capital: "two rotls. 2 Abu Dawud said") are notes that
        the other side need not have. A number word that names the weekday the other side
        names (إثنين for "Mon") and a 0 the other side says with a word ("none", لا شيء) agree.
        A lone 0 or 1 opening a clause of English ("said: 1 heard") is reported with the
        letter it probably is (the vocative O, the pronoun I, misread as digits).

    Why it matters:
        A changed number misinforms silently: a death toll, a date, a sum or a dose that
        differs between the versions reads as plausibly as the right one, and slips such as
        15:23 typed 15:32 or a dropped digit are among the commonest in translated news.

    Example:
        source: 06 كانون الثاني 15:23
        target: 06 January 15:32
        → target:1:12: number changed: the source has 15:23, the target has 15:32

    Options:
        ``number-words``: `precise` (the default) or `off`, above; ``dual-nouns``: whether the
        dual of a counted noun is the number 2.

        ``repeats`` weighs repetitions. Mode `lost`, the default: a number the source says more
        often than the target is reported (a repetition lost: "3 killed and 3 wounded" rendered
        "3 killed"), but an extra occurrence in the target of a value the source states at
        least once (not only as an ordinal or as واحد, "one"; a quantity counts) is not:
        translations restate numbers and make counts explicit ("three things ... one of those
        three things" for a single ثلاثا). Such an extra occurrence is still reported where it
        stands in for a source number that is missing ("3 killed and 5 wounded" rendered "3
        killed and 3 wounded": the 5 changed to 3). A value one side never states is always
        reported. Mode `count` reports every difference of counts, both ways (a number said
        three times in the source and twice in the target, or the reverse, is reported once).
        Mode `distinct` reports only values the other side never states, at the cost of a lost
        repetition.

    Fix:
        None: which side is right needs a person.
    """

    id = "numeral-mismatch"
    severity = Severity.ERROR
    options = {
        "number-words": Choice(
            str,
            "precise",
            "precise: compare numbers written in words too (see above); off: digits only",
            choices=WORD_MODES,
        ),
        "dual-nouns": Option(
            bool, True, "count the dual of a counted noun (يومين, two days) as the number 2"
        ),
        "repeats": Choice(
            str,
            "lost",
            "lost: a number said more often in the source is reported, one restated in the "
            "target is not; count: a number said more often on either side is reported; "
            "distinct: a number both sides state is never reported, whatever the counts",
            choices=REPEAT_MODES,
        ),
    }

    def configure(self) -> None:
        self.words = self.settings["number-words"] != "off"

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source or not target or not source.text.strip() or not target.text.strip():
            return
        numbers = pair_numbers(pair, self.words)
        mine, theirs = numbers.outside_quantities()
        if not self.settings["dual-nouns"]:
            mine = [v for v in mine if v.kind != "dual"]
            theirs = [v for v in theirs if v.kind != "dual"]
        mine, theirs = _notes_last(mine, source.text), _notes_last(theirs, target.text)
        only_source, only_target = differences(mine, theirs)
        only_source.sort(key=lambda v: v.start)
        only_target.sort(key=lambda v: v.start)
        if not only_source and not only_target:
            return  # most pairs: every number agrees
        only_source = _not_in_names(only_source, target.text)
        only_target = _not_in_names(only_target, source.text)
        only_source = _not_said_in_duals(only_source, target.profile)
        only_target = _not_said_in_duals(only_target, source.profile)
        only_source = _not_weekdays(only_source, target.text, target.profile)
        only_target = _not_weekdays(only_target, source.text, source.profile)
        only_source = _not_said_as_zero(only_source, target.text, target.profile)
        only_target = _not_said_as_zero(only_target, source.text, source.profile)
        only_source, only_target = _months_changed(only_source, only_target)
        if self.settings["repeats"] == "distinct":
            only_source = _not_stated_by(only_source, theirs)
            only_target = _not_stated_by(only_target, mine)
        only_source = _reportable(only_source, source.text, source.profile, target.text)
        only_target = _reportable(only_target, target.text, target.profile, source.text)
        if self.settings["repeats"] == "lost" and only_target:
            stated = self._stated(numbers.source)
            only_target = _restatements_dropped(only_source, only_target, stated)
        yield from self._report(pair, only_source, only_target)

    def _stated(self, values):
        """The source's numbers that can vouch for a restatement in the target: a quantity
        does, a word lintr only half trusts (واحد, an ordinal) does not, so a "1" in the
        English beside واحدة is still the OCR error for "I" it looks like."""
        duals = self.settings["dual-nouns"]
        return [v for v in values if v.kind not in MATCH_ONLY and (duals or v.kind != "dual")]

    def _report(self, pair: Pair, only_source, only_target) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        for s, t in zip(only_source, only_target, strict=False):
            yield self.finding(
                f"number changed: the source has {s.shown()}, the target has {t.shown()}",
                target.location(t.start, t.end),
                [Related(source.location(s.start, s.end), f"the source has {s.text} here")],
                detail=f"{s.value}->{t.value}",
            )
        paired = min(len(only_source), len(only_target))
        text = target.text
        whole_target = target.location(len(text) - len(text.lstrip()), len(text.rstrip()))
        missing = only_source[paired:]
        if missing:  # one finding: several numbers go missing with one passage
            yield self.finding(
                _missing_message(missing),
                whole_target,
                [
                    Related(source.location(s.start, s.end), f"{s.text} is here in the source")
                    for s in missing
                ],
                detail=",".join(f"-{s.value}" for s in missing),
            )
        for t in only_target[paired:]:
            yield self.finding(
                f"number {t.shown()} of the target is not in the source"
                + _lookalike(target.text, t, target.profile),
                target.location(t.start, t.end),
                [Related(source.location(0, 0), "the source segment starts here")],
                detail=f"+{t.value}",
            )
