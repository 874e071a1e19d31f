"""The numbers a text states, in digits (lintr.analysis.digits) and in words, normalised:
٥٥ = 55, ١٬٠٠٠ = 1,000 = 1000, ٣٫٥ = 3.5, 15th = 15, 06 = 6, 15:23 = ١٥:٢٣ is a time, and
06.01.2017 is one dotted number (a date or a version), compared part by part.

Number words are read by a ``Scanner`` with the tables of the language's profile
(``NumberTables``); a language whose grammar tables cannot say (Arabic's vocalisation,
its duals and number verbs) gives its profile a Scanner subclass as ``number_reader``.
"""

from __future__ import annotations

import bisect
import copy
import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import accumulate
from typing import TYPE_CHECKING, TypeAlias, cast

import regex

from lintr.analysis.digits import Number, notation_for
from lintr.analysis.digits import find_numbers as find_numbers  # where callers look for it
from lintr.languages.number_tables import NumberTables
from lintr.text import CACHE_LIMIT

if TYPE_CHECKING:
    from lintr.languages.profile import LanguageProfile

# --------------------------------------------------------------------------------------
# Numbers written as words, dates, times, fractions and signs: the values a translation
# must keep, found with the tables of each language profile (``LanguageProfile.numbers``).
# --------------------------------------------------------------------------------------


@dataclass(slots=True)  # not frozen: a corpus makes millions, and frozen init is slower
class Value:
    """A number as the text states it: digits or words, with its canonical value."""

    start: int
    end: int
    text: str
    value: str  # canonical: "55", "0.5", "2/3", "15:23", "-5", "m1" (January)
    # digits | words | ordinal | fraction | dual | time | month | weak ("one", واحد: perhaps
    # not a number at all)
    kind: str = "digits"
    # Looser keys that also count as agreement: a time without am/pm as its 12-hour
    # reading, a slashed pair "6/1" as its two numbers.
    parts: tuple[str, ...] = ()
    loose: str = ""
    # The unit the number carries itself: the one a dual names (كيلومترين: km), "%" for a
    # number followed by a percent sign of its language (50%, ٥٠٪).
    unit: str = ""
    head: int = 0  # the value of the first word of a number in words (3 in "three hundred")

    @property
    def number(self) -> Decimal | None:
        """The value as a decimal number (None for times, months and dotted dates)."""
        if self.kind in ("time", "month") or self.value.count(".") > 1:
            return None
        try:
            if "/" in self.value:
                num, den = self.value.split("/")
                return Decimal(num) / Decimal(den)
            return Decimal(self.value)
        except (InvalidOperation, ValueError, ZeroDivisionError):
            return None

    def shown(self) -> str:
        """The text as written, with its value where the words do not show it."""
        if self.kind in ("digits", "time") or self.text == self.value:
            return self.text
        if self.kind == "month":
            return self.text
        return f"{self.text} ({self.value})"


def canonical_fraction(num: int | Decimal, den: int) -> str:
    """0.5 for 1/2, 2/3 for 2/3: a decimal where it is exact, else the reduced fraction."""
    value = Fraction(Decimal(num)) / den
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        return format((Decimal(value.numerator) / value.denominator).normalize(), "f")
    return f"{value.numerator}/{value.denominator}"


def find_values(
    text: str,
    profile: LanguageProfile | None,
    words: bool = True,
    tokens: list[str] | None = None,
) -> list[Value]:
    """Every number ``text`` states, digits and (with ``words``) number words, in order.
    ``tokens``: the words of ``text`` (``PairSide.tokens``), if already found."""
    found = _digit_values(text, profile)
    if profile is not None and words:
        scanner = scanner_for(profile)
        if scanner is not None:
            found = scanner.scan(text, found, tokens)
    return found


_SIGN = "-−"
_START_END = operator.attrgetter("start", "end")
_FRACTION_GAP = "/"


def _time_loose(value: str) -> str:
    hours, rest = value.split(":", 1)
    return f"{int(hours) % 12 or 12}:{rest}"


def _digit_values(text: str, profile: LanguageProfile | None) -> list[Value]:
    """The numbers written in digits, with signs, and a/b read as a fraction."""
    notation = notation_for(profile)
    if not notation.gate.search(text):
        return []  # most Arabic of older texts: NUMBER would try its look-behinds everywhere
    found = notation.find(text)
    if not found:
        return []
    percent = notation.percent_gate.search(text) is not None  # most texts have no sign
    out: list[Value] = []
    i = 0
    while i < len(found):
        n = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.start == n.end + 1 and _is_fraction(text, n, nxt):
            value = canonical_fraction(Decimal(n.value), int(nxt.value))
            out.append(
                Value(
                    n.start, nxt.end, text[n.start : nxt.end], value, "digits", (n.value, nxt.value)
                )
            )
            i += 2
            continue
        v = _signed(text, n)
        if percent and v.kind == "digits" and notation.percent_after(text, n.end):
            v.unit = "%"
        out.append(v)
        i += 1
    return out


# A fraction's parts are short; beyond this, int() would refuse them (over 4,300 digits).
_FRACTION_DIGITS = 40


def _is_fraction(text: str, a: Number, b: Number) -> bool:
    if text[a.end : b.start] != _FRACTION_GAP or not (a.value.isdigit() and b.value.isdigit()):
        return False
    if len(a.value) + len(b.value) > _FRACTION_DIGITS:
        return False
    if int(b.value) == 0 or text[b.end : b.end + 1] == "/" or text[a.start - 1 : a.start] == "/":
        return False
    return True


def _signed(text: str, n: Number) -> Value:
    if ":" in n.value:
        return Value(n.start, n.end, n.text, n.value, "time", loose=_time_loose(n.value))
    if n.start and text[n.start - 1] in _SIGN:
        glued = text[n.start - 2 : n.start - 1]  # "F-16", "السورية-2" are names, not signs
        before = text[: n.start - 1].rstrip()
        if not glued.isalnum() and not (before and before[-1].isdigit()):  # 18 - 25: a range
            return Value(n.start - 1, n.end, text[n.start - 1 : n.end], "-" + n.value)
    if n.text[-1].isalpha():  # 8th: an ordinal, as free to add or drop as "eighth"
        return Value(n.start, n.end, n.text, n.value, "ordinal")
    return Value(n.start, n.end, n.text, n.value)


_SCANNERS: dict[tuple[str, int], Scanner | None] = {}


def scanner_for(profile: LanguageProfile) -> Scanner | None:
    """The number-word scanner of a profile (None when it has no number tables): the
    profile's own ``number_reader`` (a Scanner subclass), else the table-driven Scanner."""
    tables = getattr(profile, "number_tables", None)
    key = (profile.code, id(tables))
    if key not in _SCANNERS:
        make = getattr(profile, "number_reader", None) or Scanner
        _SCANNERS[key] = make(profile, tables) if tables and tables.cardinals else None
    return _SCANNERS[key]


@dataclass(slots=True)
class Token:
    start: int  # in the original text
    end: int
    pstart: int  # where its prefix starts
    fstart: int  # in the folded text
    fend: int
    prefix: str
    form: str  # folded


class _FoldTable(dict):
    """A str.translate table that learns each character the first time it sees it."""

    def __init__(self, learn: Callable[[str], str]):
        super().__init__()
        self._learn = learn

    def __missing__(self, code: int) -> str:
        folded = self[code] = self._learn(chr(code))
        return folded


class _Folded:
    """The text folded letter by letter with the profile's ``normalize`` (marks deleted),
    and the way back to offsets in the original text."""

    def __init__(self, text: str, folded: str, scanner: Scanner):
        self.text = folded
        self._source = text
        self._scanner = scanner
        # Runs of deleted characters (the marks of a vocalised word): where each starts in
        # the original text and in the folded one, and how many were deleted up to its end.
        self._runs: list[int] | None = None if len(self.text) != len(text) else []
        self._at: list[int] = []
        self._upto: list[int] = []
        self.words: set[str] | None = None  # the distinct words, when a scanner needs them

    def _shifts(self) -> list[int]:
        if self._runs is None:  # computed only for a text where something was found
            # kept, deleted, kept, ... deleted, kept: the runs from the lengths, in C loops.
            # The folded text is shorter only where folding deleted a character.
            parts = self._scanner.deleted_pattern().split(self._source)
            ends = list(accumulate(map(len, parts)))
            self._runs = ends[0:-1:2]
            self._upto = list(accumulate(map(len, parts[1::2])))
            self._at = list(map(operator.sub, ends[1::2], self._upto))
        return self._runs

    def folded(self, offset: int) -> int:
        """The folded offset of an original one."""
        runs = self._runs
        if runs is None:  # a few marks counted in C: cheaper than finding every run
            source = self._source
            return offset - sum(source.count(ch, 0, offset) for ch in self._scanner.deleted)
        if not runs:
            return offset
        j = bisect.bisect_left(runs, offset)  # the runs that start before the offset
        if not j:
            return offset
        before = self._upto[j - 2] if j > 1 else 0
        return offset - before - min(self._upto[j - 1] - before, offset - runs[j - 1])

    def original(self, offset: int) -> int:
        if not self._shifts():
            return offset
        j = bisect.bisect_right(self._at, offset)  # the runs deleted at or before it
        return offset + self._upto[j - 1] if j else offset

    def original_end(self, offset: int) -> int:
        return self.original(offset - 1) + 1 if offset else 0


_NOT_IN_WORD = r"[\p{L}\p{M}\p{N}]"
_SEVERAL = "\x00"  # a token of several letter runs (not a letter: never a folded word)
_LETTERS = regex.compile(r"\p{L}+")
# Scripts folded once when a scanner is made: a text written in them needs no learning.
# Latin with dots below (transliteration: Ḥ, ḍ) and the Arabic ligatures of Presentation
# Forms-A (ﷺ, in three quarters of the English of the hadith corpus) are common too.
_COMMON = ((0x0000, 0x0800), (0x1E00, 0x1F00), (0x2000, 0x2070), (0xFB50, 0xFE00))
_OUTSIDE_COMMON = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in _COMMON) + "]")
_SPACE = regex.compile(r"[\s\"“”«»]*")  # between a number and its scale: 19.3 “billion
# What may separate two words of one number: spaces, hyphens, tatweel and tashkeel.
_ADJACENT = regex.compile(r"[\s\-‐\u0640\p{Mn}]*")


def char_class(chars) -> str:
    """A regular-expression class of ``chars`` written as ranges: ``[\u064b-\u065f]`` compiles
    in half the time of its 21 characters one by one (it is compiled at start-up)."""
    codes = sorted(set(map(ord, chars)))
    parts = []
    start = 0
    for i, code in enumerate(codes):
        if i + 1 < len(codes) and codes[i + 1] == code + 1:
            continue
        first = re.escape(chr(codes[start]))
        parts.append(first if codes[start] == code else f"{first}-{re.escape(chr(code))}")
        start = i + 1
    return "[" + "".join(parts) + "]"


def _date_gap(words, flags: int = 0) -> regex.Pattern:
    """What may stand between a month name and a number of its date: spaces, a comma, and
    one of ``words`` ("of", "the")."""
    if not words:
        return regex.compile(r"[\s,]*", flags)
    return regex.compile(rf"[\s,]*(?:(?:{'|'.join(map(regex.escape, sorted(words)))})\s+)?", flags)


def _alternation(forms) -> str:
    """One pattern for many words, as a trie (ثلاث(?:ة|ين)?): the regex engine then walks
    each word once instead of trying hundreds of alternatives at every position."""
    trie: dict = {}
    for form in set(forms):
        node = trie
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:
    branches = [
        (r"\s+" if ch == " " else regex.escape(ch)) + _pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


# The value of one number word: a number, or (numerator, denominator) for a fraction word
# (kind "frac", the only kind whose value is a pair).
WordValue: TypeAlias = int | tuple[int, int]


def _magnitude(value: int) -> int:
    return 10 ** (len(str(value)) - 1)


class _Compound:
    """The words of one number ("three hundred and five", "خمسة وعشرون"), read as they come."""

    def __init__(self, start: int, count: int = 0):
        self.start = start
        self.end = start
        self.total = 0
        self.current = count
        self.counted = bool(count)
        self.last: tuple[str, int] = ("", 0)
        self.fraction: tuple[int, int] | None = None
        self.kinds: list[str] = []
        self.vague = False  # after "few", "several": a scale with no count said
        self.head = 0
        # The number as it was before a word joined by "and", kept to split "six hundred and
        # seven hundred" into 600 and 700 when a scale shows that the "and" began a new one.
        self.rewind_to: tuple[_Compound, int, int, int] | None = None

    def accepts(
        self, kind: str, value: WordValue, via_and: bool, by_word: bool, needs_and: bool
    ) -> bool:
        """Whether the next word continues this number. ``needs_and``: the language joins
        a smaller number after a hundred or thousand with "and" (مائة وخمسة, not مائة خمسة)."""
        last_kind, last = self.last
        if self.fraction or not self.kinds:
            return False
        if by_word and last < 100:
            return False  # "three and four" are two numbers; "(a) hundred and five" is one
        if kind == "frac":
            return self.kinds == ["card"] and 1 <= last <= 10 and not via_and
        value = cast(int, value)  # only a fraction word has a pair
        if kind == "scale":
            return 0 < self.current < value and not via_and
        if last >= 100 and value < _magnitude(last):
            if self.kinds == ["scale"] and not self.counted and not via_and:
                return False  # "every thousand nine hundred": a bare scale takes only "and"
            return via_and or not needs_and
        whole = self.total + self.current
        if via_and and kind == "card" and value >= 100 and 0 < whole < _magnitude(value):
            return last_kind != "ord"  # ستين وثلاثمائة: 360, the older order
        if kind == "teen":
            return 1 <= last <= 9 and not via_and
        if kind in ("card", "ord") and last_kind in ("card", "ord", "teen_only"):
            if last in range(20, 100, 10) and 1 <= value <= 9 and not via_and:
                return not needs_and  # twenty-one, twenty-first
            return 1 <= last <= 9 and value in range(20, 100, 10) and via_and  # خمسة وعشرون
        return False

    def copy(self) -> _Compound:
        twin = copy.copy(self)
        twin.kinds = list(self.kinds)
        twin.rewind_to = None
        return twin

    def add(self, kind: str, value: WordValue, end: int) -> None:
        self.end = end
        if not self.kinds and isinstance(value, int):
            self.head = value
        self.kinds.append(kind)
        if kind == "frac":
            self.fraction = cast("tuple[int, int]", value)
            self.last = (kind, 0)
            return
        value = cast(int, value)  # only a fraction word has a pair
        if kind == "scale":
            self.current = max(self.current, 1) * value
            if value >= 1000:
                self.total += self.current
                self.current = 0
        else:
            self.current += value
        self.last = (kind, value)

    def value(self) -> str:
        whole = self.total + self.current
        if self.fraction:
            num, den = self.fraction
            return canonical_fraction((whole or 1) * num, den)
        return str(whole)

    def kind(self) -> str:
        if self.fraction:
            return "fraction"
        return "ordinal" if "ord" in self.kinds else "words"

    def weak(self) -> bool:
        """Whether the words may well not be a number at all ("one of them", "a man"):
        such a value may agree with a 1 on the other side but is never reported."""
        return self.total + self.current == 1 and self.kinds == ["card"]


CARDINAL_KINDS = ("card", "teen", "scale", "teen_only")
# The kinds of word that make up a number of several words; any other stands alone.
_COMPOUND_KINDS = frozenset({*CARDINAL_KINDS, "ord", "frac"})
_ARTICLE_REACH = 40  # "a" or "one" and the spaces after it, before a number word


def _after_digits(text: str, at: int) -> bool:
    """Whether digits come just before ``at``: ٥ آلاف, 5 thousands."""
    return text[max(0, at - 12) : at].rstrip(' \t"“”«»')[-1:].isdigit()


def _bare(v: Value) -> bool:
    """A number of one word from one to nine, which may share the tens or scale after it."""
    return v.kind in ("words", "weak", "pending") and 1 <= v.head <= 9 and v.value == str(v.head)


def _lender(v: Value) -> Callable[[int], int] | None:
    """What a compound adds to its head (the tens of ثلاث وسبعين, the hundred of "three
    hundred"), as a function that adds it to another head; None for anything else."""
    if v.kind != "words" or not 1 <= v.head <= 9 or not v.value.isdigit():
        return None
    whole = int(v.value)
    if whole - v.head in range(20, 100, 10):
        return lambda head: head + whole - v.head
    scale = whole // v.head
    if whole % v.head == 0 and scale >= 100 and str(scale).strip("0") == "1":
        return lambda head: head * scale
    return None


class Scanner:
    """Finds the numbers one language writes in words, with that language's tables.

    A language whose number words need more than tables (Arabic: vocalisation, duals, number
    verbs) subclasses it and overrides the hooks: ``_read_grammar`` (prepare its data),
    ``_word_forms``, ``_confirmable``, ``_read``, ``_classify``, ``_single``,
    ``_more_words`` and ``_may_have_more_words``; see lintr_plugins/languages/arabic."""

    # Whether the language says "two" with a dual ending on any noun (Arabic بردين "two
    # cloaks"): then a "two" on the other side needs no number word here.
    dual_grammar = False

    def __init__(self, profile: LanguageProfile, tables: NumberTables):
        self.profile = profile
        self._fold_table = _FoldTable(self._learn)
        self._last: tuple[str, _Folded] | None = None
        self.deleted: set[str] = set()  # the characters folding deletes (marks)
        self._deleted_re: re.Pattern[str] | None = None
        self._deleted_compiled = -1  # how many deleted characters _deleted_re knows
        self._gate: re.Pattern[str] | None = None
        f = self.fold_word
        t = tables
        self.tables = t
        self.cardinals = {f(k): v for k, v in t.cardinals.items()}
        self.ordinals = {f(k): v for k, v in t.ordinals.items()}
        self.fractions = {f(k): v for k, v in t.fractions.items()}
        self.months = {f(k): v for k, v in t.months.items()}
        self.scales = {f(k) for k in t.scales}
        self.teen_words = {f(k) for k in t.teen_words}
        self.teen_only = {f(k) for k in t.teen_only}
        self.counted = {f(k) for k in t.counted_fractions}
        self.no_article = {f(k) for k in t.no_article}
        self.no_preposition = {f(k): f(v) for k, v in t.no_preposition.items()}
        self.free_prefixes = {f(k) for k in t.prefixes}
        self.inner_prefixes = {f(k) for k in t.inner_prefixes}
        self.articles = {f(a) for a in t.article}
        self.and_prefix = f(t.joined_by_prefix)
        prefixes = {
            f(c + p + a)
            for c in ("", *t.prefixes)
            for p in ("", *t.inner_prefixes)
            for a in ("", *t.article)
        }
        self._prefixes = prefixes
        self.definite = tuple(f(d) for d in t.definite)
        self._read_grammar()
        self._forms = self._word_forms()
        self.joiner_re = self._words_re(t.joiners, r"\s+(?:", r")\s+")
        self.article_re = self._words_re(t.articles, rf"(?<!{_NOT_IN_WORD})(?:", r")\s+$")
        self._vague_re: regex.Pattern | None = None  # compiled when a scale word is met
        self.marker_re = self._words_re(
            t.time_markers, r"\s*(?P<m>", rf")(?!{_NOT_IN_WORD})", fold=True
        )
        self.markers = {f(k): v for k, v in t.time_markers.items()}
        self.bare_markers = {f(k) for k in t.bare_time_markers}
        # The words a text must have for an am/pm or a sign word to be in it: most have none.
        self.clock_and_sign_gates = [
            set(_LETTERS.findall(f(w)))
            for w in (*t.time_markers, *t.negative_after, *t.negative_before)
        ]
        self.time_word_re = self._words_re(t.time_words, rf"(?<!{_NOT_IN_WORD})(?:", r")\s*$")
        self.neg_after_re = self._words_re(
            t.negative_after, r"(?:\s*[^\s\d]+){0,3}?\s*(?:", rf")(?!{_NOT_IN_WORD})"
        )
        self.percent_re = self._words_re(
            t.percent_words, rf"(?<!{_NOT_IN_WORD})(?:", rf")(?!{_NOT_IN_WORD})"
        )
        # The last word of each percent phrase: a text without one has no percent phrase.
        self.percent_ends = {_LETTERS.findall(f(w))[-1] for w in t.percent_words}
        self.neg_before_re = self._words_re(t.negative_before, rf"(?<!{_NOT_IN_WORD})(?:", r")\s*$")

        self._index_forms()
        self._learn_common()
        self.known = set(self._forms)
        self.loose = {f(k) for k in t.loose}
        self.or_re = self._words_re(t.alternatives, r"\s*(?:", r")\s*")
        self.month_after_day_re = _date_gap(t.month_after_day, regex.IGNORECASE)
        self.number_after_month_re = _date_gap(t.number_after_month)
        # A word of a text (PairSide.tokens): its one folded letter run, "" if it has none,
        # or _SEVERAL and the runs in _token_runs.
        self._token_words: dict[str, str] = {}
        self._token_runs: dict[str, list[str]] = {}

    def _index_forms(self) -> None:
        """Every written word that is a number word: a set lookup per text finds them (the
        cheap way to scan a corpus), and a small pattern finds the forms of several words."""
        self.surface: dict[str, tuple[str, str]] = {}
        # Surface forms barred as a reading (لست "I am not") that the text may confirm.
        self.to_confirm: set[str] = set()
        multi = []
        free = "".join(self.free_prefixes)
        self._cores = {p: p.lstrip(free) for p in self._prefixes}  # the prefix past و، ف
        self._prefix_lengths = sorted({len(p) for p in self._prefixes})
        prefixes = sorted(self._prefixes, key=len, reverse=True)
        for form in self._forms:
            if not _LETTERS.fullmatch(form):
                multi.append(form)
                continue
            barred = self.no_preposition.get(form)
            for prefix in prefixes:
                if not prefix or not barred or self._cores[prefix] != barred:
                    self.surface[prefix + form] = (prefix, form)
                elif self._confirmable(form):
                    # لست "I am not", unless its vowels say لِسِتِّ "at six"
                    self.surface[prefix + form] = (prefix, form)
                    self.to_confirm.add(prefix + form)
        # A word that reads two ways keeps the longer number word: الف is ألف, not ال+ف.
        for form in sorted(self._forms, key=len):
            if _LETTERS.fullmatch(form):
                self.surface[form] = ("", form)
        self.surface_words = set(self.surface)
        self.multi_first = {first.group() for m in multi if (first := _LETTERS.match(m))}
        self._multi = multi
        self._multi_lettered = all(_LETTERS.match(m) for m in multi)
        self._multi_re: regex.Pattern | None = None

    @property
    def multi_re(self) -> regex.Pattern:
        """Month names of two words and their prefixes (compiled when a text first needs it)."""
        if self._multi_re is None:
            self._multi_re = regex.compile(
                rf"(?<!{_NOT_IN_WORD})(?P<pre>{_alternation(self._prefixes)})"
                rf"(?P<w>{_alternation(self._multi)})(?!{_NOT_IN_WORD})"
            )
        return self._multi_re

    def _words_re(self, words, before: str, after: str, fold: bool = True):
        if not words:
            return None
        forms = [self.fold_word(w) for w in words] if fold else list(words)
        return regex.compile(before + _alternation(forms) + after, regex.IGNORECASE)

    # -- folding -------------------------------------------------------------------------
    def _fold_char(self, ch: str) -> str:
        folded = self.profile.normalize(ch)
        if len(folded) > 1:
            lower = ch.lower()
            folded = lower if len(lower) == 1 else ch
        return folded

    def fold_word(self, word: str) -> str:
        return word.translate(self._fold_table)

    def fold(self, text: str, outside: bool | None = None) -> _Folded:
        """``text`` folded; ``outside``: whether it has characters outside the common range
        (if the caller knows)."""
        if self._last is not None and self._last[0] is text:
            return self._last[1]  # the quantities of the same text come next
        if outside is None:
            outside = _OUTSIDE_COMMON.search(text) is not None
        if outside:
            folded = text.translate(self._fold_table)  # learns what it has not seen
        elif self._not_lower is not None and not self._not_lower.search(text):
            folded = text.lower()  # English: folding is lower-casing, and str.lower is fast
        elif self._changed is not None:
            # Arabic: str.translate looks up every letter, str.replace only the few that fold
            # (a pattern deleting the marks is 2.5x slower on vocalised text than a replace
            # for each mark it has; one search tells whether the text has any)
            folded = text
            if self._deleted_common and self._deleted_gate().search(text):
                for ch in self._deleted_common:
                    if ch in text:
                        folded = folded.replace(ch, "")
            for ch, into in self._changed:
                if ch in text:
                    folded = folded.replace(ch, into)
        else:
            folded = text.translate(self._common)  # a plain dict: faster than the learning one
        result = _Folded(text, folded, self)
        self._last = (text, result)
        return result

    def _learn_common(self) -> None:
        """Fold the characters of the common scripts now, and see whether folding them is
        just str.lower (then the characters where it is not are few)."""
        table = self._fold_table
        for a, b in _COMMON:
            for code in range(a, b):
                table[code]  # the lookup learns the character
        self._common = dict(table)
        unlike = [chr(c) for c, f in self._common.items() if f != chr(c).lower()]
        self._not_lower = (
            re.compile("[" + re.escape("".join(unlike)) + "]") if len(unlike) < 200 else None
        )
        # The few characters folding changes into others, when each becomes one that folding
        # keeps (then replacing them one after the other is the same as the table). The
        # characters it deletes are apart: a script with vowel marks has dozens, most texts none.
        changed = [(chr(c), f) for c, f in self._common.items() if f != chr(c)]
        kept = all(self._common.get(ord(f), f) == f for _, f in changed if f)
        replaced = [(ch, f) for ch, f in changed if f]
        self._changed = replaced if kept and len(replaced) <= 64 else None
        self._deleted_common = [ch for ch, f in changed if not f]
        # Words from PairSide.tokens are the words of the folded text unless a character
        # outside words (not a letter, mark or digit) is deleted or becomes a letter.
        self._tokens_usable = not any(
            (not f or f.isalpha()) and unicodedata.category(chr(c))[0] not in "LMN"
            for c, f in self._common.items()
        )

    def _learn(self, ch: str) -> str:
        """The folding of a character met for the first time."""
        folded = self._fold_char(ch)
        if not folded:
            self.deleted.add(ch)
        return folded

    def _deleted_gate(self) -> re.Pattern[str]:
        """One of the characters of the common scripts that folding deletes (compiled when a
        text is first folded: start-up stays fast)."""
        if self._gate is None:
            self._gate = re.compile(char_class(self._deleted_common))
        return self._gate

    def deleted_pattern(self) -> re.Pattern[str]:
        """The characters folding deletes, as one pattern (a group: split keeps them).
        Compiled when asked after the set grew, not at each character learned: learning the
        common scripts deletes dozens of marks, one at a time."""
        if self._deleted_compiled != len(self.deleted) or self._deleted_re is None:
            chars = "".join(sorted(self.deleted))
            self._deleted_re = re.compile(f"([{re.escape(chars)}]+)")
            self._deleted_compiled = len(self.deleted)
        return self._deleted_re

    # -- scanning ------------------------------------------------------------------------
    def scan(self, text: str, digits: list[Value], tokens: list[str] | None = None) -> list[Value]:
        """The values of ``text``: ``digits`` (its numbers in digits) and its number words.
        ``tokens``: the words of the text (``PairSide.tokens``) when a rule already found
        them; the scanner then folds each distinct word once instead of the whole text."""
        outside = _OUTSIDE_COMMON.search(text) is not None
        present = None
        if tokens is not None and not outside and self._tokens_usable:
            present = self._words_of_tokens(tokens)
            if not digits and not self._may_have_words(text, present):
                return []  # most texts of a corpus without digits: no fold, no scan
        folded = self.fold(text, outside)
        if present is not None:
            folded.words = present
        found = self._tokens(text, folded)
        words = self._compounds(text, folded, found, digits) if found else []
        words = self._shared(text, self._distributive(text, words))
        words = self._more_words(text, words)
        digits = self._attach_scales(text, digits, words)
        present = self._words_of(folded)
        if any(gate <= present for gate in self.clock_and_sign_gates):
            digits = [self._clock_and_sign(text, folded, v) for v in digits]
        if not words:
            return digits  # in order already
        return sorted([*digits, *words], key=_START_END)

    def _may_have_words(self, text: str, present: set[str]) -> bool:
        """Whether a text with these words may state a number in words (or a number verb)."""
        if not present.isdisjoint(self.surface_words) or not present.isdisjoint(self.multi_first):
            return True
        return self._may_have_more_words(text)

    def _words_of_tokens(self, tokens: list[str]) -> set[str]:
        """The folded words of a text, from its tokens: the same as the words of the folded
        text where every character is in the common range (which has no character folded
        into a letter nor deleted outside a word; others might join or split words)."""
        cache = self._token_words
        try:
            present = set(map(cache.__getitem__, tokens))
        except KeyError:  # words not seen before: fold them once
            missing = set(tokens).difference(cache)
            if len(cache) + len(missing) > CACHE_LIMIT:
                cache.clear()
                self._token_runs.clear()
                missing = set(tokens)
            for token in missing:
                folded = token.translate(self._common)
                if folded.isalpha():  # most words: one run of letters (\p{L} is isalpha)
                    cache[token] = folded
                    continue
                runs = _LETTERS.findall(folded)
                if len(runs) > 1:  # "G20s", "al-'Abbas": letter runs the fold separates
                    self._token_runs[token] = runs
                cache[token] = runs[0] if len(runs) == 1 else _SEVERAL if runs else ""
            present = set(map(cache.__getitem__, tokens))
        present.discard("")
        if _SEVERAL in present:  # English possessives ("Mayadeen's"): a few tokens
            present.discard(_SEVERAL)
            for token in self._token_runs.keys() & tokens:
                present.update(self._token_runs[token])
        return present

    def _words_of(self, folded: _Folded) -> set[str]:
        if folded.words is None:
            folded.words = set(_LETTERS.findall(folded.text))
        return folded.words

    def _tokens(self, text: str, folded: _Folded) -> list[Token]:
        ft = folded.text
        words = self._words_of(folded)
        hits = words & self.surface_words
        spans = []
        for word in hits:
            prefix, form = self.surface[word]
            start = ft.find(word)
            while start != -1:
                end = start + len(word)
                if not (start and ft[start - 1].isalnum()) and not ft[end : end + 1].isalnum():
                    spans.append((start, start + len(prefix), end, prefix, form))
                start = ft.find(word, end)
        if not words.isdisjoint(self.multi_first):
            spans = self._with_multiword(ft, spans)
        if self.percent_re is not None and spans and not words.isdisjoint(self.percent_ends):
            percent = [m.span() for m in self.percent_re.finditer(ft)]
            spans = [sp for sp in spans if not any(a <= sp[0] < b for a, b in percent)]
        return [
            Token(
                folded.original(fs),
                folded.original_end(fe),
                folded.original(ps),
                fs,
                fe,
                prefix,
                form,
            )
            for ps, fs, fe, prefix, form in sorted(spans)
        ]

    def _with_multiword(self, ft: str, spans: list) -> list:
        """Month names of two words (كانون الثاني) replace the words they are made of."""
        found = [
            (m.start(), m.start("w"), m.end(), m.group("pre"), m.group("w"))
            for m in self._multi_matches(ft)
            if not m.group("pre") or self._prefix_ok(m.group("pre"), m.group("w"))
        ]
        if not found:
            return spans
        kept = [sp for sp in spans if not any(a <= sp[0] < b for a, _, b, _, _ in found)]
        return kept + found

    def _multi_matches(self, ft: str) -> list:
        """What ``multi_re.finditer(ft)`` finds, tried only where a match can start: a prefix
        before the first word of a two-word name (a search at every position of the text
        costs ten times more)."""
        if not self._multi_lettered:  # a name that starts with no letter: search it all
            return list(self.multi_re.finditer(ft))
        starts: set[int] = set()
        for first in self.multi_first:  # inside a word too: فكالتشرين is ف+كال+تشرين
            at = ft.find(first)
            while at != -1:
                starts.update(at - k for k in self._prefix_lengths if k <= at)
                at = ft.find(first, at + 1)
        found, end = [], 0
        for start in sorted(starts):
            if start >= end and (m := self.multi_re.match(ft, start)) is not None:
                found.append(m)
                end = m.end()
        return found

    def _prefix_ok(self, prefix: str, form: str) -> bool:
        core = self._cores[prefix]
        if core and self.no_preposition.get(form) == core:
            return False  # لست "I am not", بست
        return True

    def _ambiguous(self, tok: Token) -> bool:
        """With the article, another word too: الاثنين Monday, السبع the predator; or a
        loose number word ("double")."""
        if tok.form in self.loose:
            return True
        if tok.form not in self.no_article:
            return False
        return tok.prefix.endswith(self.definite)

    def _link(self, text: str, before: Token, tok: Token) -> tuple[bool, bool, bool]:
        """(adjacent, via "and", by an "and" word) between two tokens."""
        gap = text[before.end : tok.pstart]
        if _ADJACENT.fullmatch(gap):
            return True, bool(self.and_prefix) and tok.prefix.startswith(self.and_prefix), False
        if self.joiner_re is not None and self.joiner_re.fullmatch(gap):
            return True, True, True
        return False, False, False

    def _classify(self, tok: Token, counted: bool) -> tuple[str, WordValue]:
        form = tok.form
        if form in self.months:
            return "month", self.months[form]
        if form in self.counted and not counted and form not in self.fractions:
            return "", 0
        if form in self.fractions and (counted or form not in self.counted):
            return "frac", self.fractions[form]
        if form in self.cardinals:
            if form in self.teen_only:
                return "teen_only", self.cardinals[form]
            if form in self.scales:
                return "scale", self.cardinals[form]
            if form in self.teen_words:
                return "teen", self.cardinals[form]
            return "card", self.cardinals[form]
        if form in self.ordinals:
            if form in self.teen_only:
                return "teen_only", self.ordinals[form]
            return "ord", self.ordinals[form]
        return "", 0

    def _compounds(
        self, text: str, folded: _Folded, tokens: list[Token], digits: list[Value]
    ) -> list[Value]:
        out: list[Value] = []
        current: _Compound | None = None
        previous: Token | None = None
        for tok in tokens:
            link = self._link(text, previous, tok) if previous and current else (False,) * 3
            adjacent, via_and, by_word = link
            counted = (
                adjacent
                and current is not None
                and current.kinds in (["card"], ["teen"])
                and current.last[1] <= 10
            ) or (tok.form in self.counted and _after_digits(text, tok.pstart))
            article = self.article_re is not None and self.article_re.search(
                folded.text, max(0, tok.fstart - _ARTICLE_REACH), tok.fstart
            )
            kind, value = self._read(text, tok, counted or bool(article))
            previous = tok
            if self._ambiguous(tok):  # may agree with a number, never reported alone
                out.extend(self._finish(text, current))
                current = None
                span = text[tok.start : tok.end]
                out.append(Value(tok.start, tok.end, span, str(value), "weak"))
                continue
            if kind == "scale" and via_and:
                kind = "card"  # تسعة وتسعين ومائة: 99 and 100, added
            if kind not in _COMPOUND_KINDS:
                out.extend(self._finish(text, current))
                current = None
                if kind:
                    out.extend(self._single(text, tok, kind, value, digits))
                continue
            # "a hundred thousandth": 100,000th (an ordinal's value is a number, not a pair)
            if kind == "ord" and cast(int, value) >= 100:
                if (
                    current is not None
                    and adjacent
                    and current.accepts("scale", value, via_and, by_word, False)
                ):
                    current.add("scale", value, tok.end)
                    current.kinds.append("ord")
                    continue
            if (
                current is not None
                and adjacent
                and current.accepts(kind, value, via_and, by_word, bool(self.and_prefix))
            ):
                if by_word and kind == "card":
                    current.rewind_to = (current.copy(), tok.start, cast(int, value), tok.end)
                current.add(kind, value, tok.end)
                continue
            if kind == "scale" and current is not None and adjacent and current.rewind_to:
                before, tail_start, tail, tail_end = current.rewind_to
                if current.last == ("card", tail) and 0 < tail < cast(int, value):
                    out.extend(self._finish(text, before))  # six hundred | and seven hundred
                    current = _Compound(tail_start)
                    current.add("card", tail, tail_end)
                    current.add(kind, value, tok.end)
                    continue
            out.extend(self._finish(text, current))
            start, count = tok.start, 0
            if article and kind in ("scale", "frac"):
                start, count = folded.original(article.start()), 1
            current = _Compound(start, count)
            current.add(kind, value, tok.end)
            current.vague = kind == "scale" and self._vague_before(folded, tok)
        out.extend(self._finish(text, current))
        return out

    def _vague_before(self, folded: _Folded, tok: Token) -> bool:
        """Whether a word that leaves the count unsaid comes before a scale: "few hundred"."""
        if not self.tables.vague:
            return False
        if self._vague_re is None:
            self._vague_re = self._words_re(self.tables.vague, rf"(?<!{_NOT_IN_WORD})(?:", r")\s+$")
        at = tok.fstart
        return bool(self._vague_re.search(folded.text, max(0, at - _ARTICLE_REACH), at))

    def _shared(self, text: str, words: list[Value]) -> list[Value]:
        """ "two or three hundred" = 200 or 300; إحدى أو اثنتين أو ثلاث وسبعين = 71, 72, 73:
        bare numbers joined by "or" to a compound share what the compound adds to its head."""
        if self.or_re is not None and len(words) > 1:
            words = list(words)
            chain: list[int] = []
            for i, w in enumerate(words):
                linked = chain and self.or_re.fullmatch(
                    self.fold_word(text[words[chain[-1]].end : w.start])
                )
                if _bare(w):
                    chain = [*chain, i] if linked else [i]
                    continue
                lend = _lender(w) if linked else None
                if lend is not None:
                    for j in chain:
                        v = words[j]
                        words[j] = Value(
                            v.start, v.end, v.text, str(lend(v.head)), "words", head=v.head
                        )
                chain = []
        return [w for w in words if w.kind != "pending"]

    def _distributive(self, text: str, words: list[Value]) -> list[Value]:
        """ركعتين ركعتين, مثنى مثنى: a number said twice in a row means "each", one number."""
        out: list[Value] = []
        for v in words:
            last = out[-1] if out else None
            if (
                last is not None
                and last.value == v.value
                and _ADJACENT.fullmatch(text[last.end : v.start])
                and self.fold_word(last.text) == self.fold_word(v.text)
            ):
                continue
            out.append(v)
        return out

    def _finish(self, text: str, compound: _Compound | None) -> list[Value]:
        if compound is None:
            return []
        start, end = compound.start, compound.end
        if compound.kinds == ["teen_only"]:  # إحدى: a number only in إحدى عشرة or a shared ten
            kind = "pending"
        elif compound.vague:
            kind = "weak"
        else:
            kind = "weak" if compound.weak() else compound.kind()
        return [Value(start, end, text[start:end], compound.value(), kind, head=compound.head)]

    def _single(self, text: str, tok: Token, kind: str, value, digits: list[Value]) -> list[Value]:
        """The value of a word that stands alone (a month name), if it is one here."""
        if kind != "month" or not self._next_to_digits(text, tok, digits):
            return []
        month = f"h{value - 100}" if value > 100 else str(value)
        return [Value(tok.start, tok.end, text[tok.start : tok.end], month, "month")]

    def _next_to_digits(self, text: str, tok: Token, digits: list[Value]) -> bool:
        """Whether a month name is part of a date: a day before it or a day or year after."""
        i = bisect.bisect_left([d.start for d in digits], tok.start)
        if i and self.month_after_day_re.fullmatch(text[digits[i - 1].end : tok.start]):
            return True
        gap = text[tok.end : digits[i].start] if i < len(digits) else None
        return gap is not None and bool(self.number_after_month_re.fullmatch(gap))

    # -- hooks for a language's own grammar (a subclass: see the class docstring) --------
    def _read_grammar(self) -> None:
        """Prepare what the subclass reads besides the tables (words folded with
        ``fold_word``), before the number words are indexed."""

    def _word_forms(self) -> list[str]:
        """Every folded word that is a number word, in the order later ones win a surface
        form two of them share."""
        return [*self.cardinals, *self.ordinals, *self.fractions, *self.months]

    def _confirmable(self, form: str) -> bool:
        """Whether a number word barred behind a preposition (``no_preposition``) may still
        be read there where ``_read`` confirms it."""
        return False

    def _read(self, text: str, tok: Token, counted: bool) -> tuple[str, WordValue]:
        """The kind and value of one number word in ``text`` (see ``_classify``)."""
        return self._classify(tok, counted)

    def _more_words(self, text: str, words: list[Value]) -> list[Value]:
        """``words`` with the values of ``text`` that tables cannot find."""
        return words

    def _may_have_more_words(self, text: str) -> bool:
        """Whether ``text`` may hold values ``_more_words`` finds (when it has no number word)."""
        return False

    def _attach_scales(self, text: str, digits: list[Value], words: list[Value]) -> list[Value]:
        """5 million = 5,000,000, ٥ آلاف = 5000: a digit number times the scale word after it."""
        if not words or not digits:
            return digits
        by_start = {w.start: w for w in words}
        out = []
        for d in digits:
            gap = cast("regex.Match[str]", _SPACE.match(text, d.end)).end()  # matches ""
            scale = by_start.get(gap) if gap > d.end else None
            if scale is None:
                out.append(d)
                continue
            number = d.number
            if scale.kind != "words" or number is None or d.kind != "digits":
                out.append(d)
                continue
            if self.fold_word(scale.text).split()[0] not in self.scales:
                out.append(d)
                continue
            words.remove(scale)
            value = format((number * Decimal(scale.value)).normalize(), "f")
            out.append(Value(d.start, scale.end, text[d.start : scale.end], value))
        return out

    def _clock_and_sign(self, text: str, folded: _Folded, v: Value) -> Value:
        fend = folded.folded(v.end)
        fstart = folded.folded(v.start)
        if self.marker_re is not None and v.kind in ("time", "digits"):
            m = self.marker_re.match(folded.text, fend)
            if m and self._is_clock(folded, v, fstart, m.group("m")):
                return self._clock(v, self.markers.get(m.group("m").lower(), ""))
        if v.kind == "digits" and not v.value.startswith("-"):
            negative = self.neg_before_re is not None and self.neg_before_re.search(
                folded.text, 0, fstart
            )
            if not negative and self.neg_after_re is not None:
                negative = self.neg_after_re.match(folded.text, fend)
            if negative:
                return Value(
                    v.start, v.end, v.text, "-" + v.value, v.kind, v.parts, v.loose, v.unit
                )
        return v

    def _is_clock(self, folded: _Folded, v: Value, fstart: int, marker: str) -> bool:
        if v.kind == "time":
            return True
        if not v.value.isdigit() or len(v.value) > 2 or not 1 <= int(v.value) <= 12:
            return False
        if marker.lower() in self.bare_markers:
            return True  # "3 pm" is a time wherever it stands; "١١ مساء" may be a name
        return self.time_word_re is not None and bool(
            self.time_word_re.search(folded.text, 0, fstart)
        )

    @staticmethod
    def _clock(v: Value, marker: str) -> Value:
        hours, _, rest = v.value.partition(":")
        h = int(hours)
        if marker == "pm" and h < 12:
            h += 12
        elif marker == "am" and h == 12:
            h = 0
        value = f"{h}:{rest or '00'}"
        return Value(v.start, v.end, v.text, value, "time", loose=_time_loose(value))
