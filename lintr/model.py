"""The data that flows through lintr: segments, documents, pairs and findings."""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from lintr.languages.profile import LanguageProfile

Side = Literal["source", "target"]


class _computed_once:  # lower case: a decorator, like functools.cached_property
    """``functools.cached_property`` without its lock, which Python 3.11 takes on every first
    access (1.2 against 0.5 µs here): each pair's sides compute about a dozen such values,
    and pairs are never shared between threads."""

    def __init__(self, func: Callable) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    # The side of the pair the place is in, when it was taken from one (PairSide.location):
    # what Rule.finding reads to set a finding's side. Not part of the place itself: two
    # locations of the same characters are equal whatever they know of their side.
    side: Side | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Related:
    """A secondary location, rendered as a gcc-style ``note:`` line."""

    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two locations of one file (end exclusive)."""

    location: Location
    replacement: str


@dataclass(slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    fix: tuple[Edit, ...] = ()
    fingerprint: str = ""
    # What makes this finding distinct inside its pair (a word, a number); feeds the fingerprint.
    detail: str = ""
    # The text the finding is about and asks to change: "source", "target", or None for a
    # finding about the pair as a whole (a missing translation, a length out of the norm,
    # a misalignment), which either side may have to change.
    side: Side | None = None

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)


@dataclass(slots=True)
class Segment:
    """Text from one place in one file. ``text`` may span several lines (a paragraph)."""

    text: str
    path: str
    line: int
    column: int

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based, code points) of the character at ``offset`` in ``text``."""
        starts = self._line_starts
        i = bisect.bisect_right(starts, offset) - 1
        if i == 0:
            return self.line, self.column + offset
        return self.line + i, offset - starts[i] + 1

    @property
    def _line_starts(self) -> list[int]:
        starts = [0]
        pos = self.text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = self.text.find("\n", pos + 1)
        return starts

    def location(self, start: int = 0, end: int | None = None) -> Location:
        line, col = self.position(start)
        end_line, end_col = self.position(len(self.text) if end is None else end)
        return Location(self.path, line, col, end_line, end_col)


@dataclass(slots=True)
class Document:
    """The ordered segments of one side of one file pair."""

    path: str
    side: Side
    lang: str
    segments: list[Segment] = field(default_factory=list)


class PairSide:
    """One side of a pair: zero or more segments seen as one text (joined by newlines).

    Tokenisations live here as properties computed once, so that every rule of a pair
    shares one.
    """

    def __init__(self, segments: tuple[Segment, ...], profile: LanguageProfile, side: Side):
        self.segments = segments
        self.profile = profile
        self.side = side

    @_computed_once
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)

    @_computed_once
    def _starts(self) -> list[int]:
        starts, pos = [], 0
        for seg in self.segments:
            starts.append(pos)
            pos += len(seg.text) + 1
        return starts

    def segment_at(self, offset: int) -> tuple[Segment, int]:
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self.segments[i], offset - self._starts[i]

    def location(self, start: int = 0, end: int | None = None) -> Location:
        """The file location of ``text[start:end]`` (end exclusive), which knows its side."""
        end = len(self.text) if end is None else end
        seg, local = self.segment_at(start)
        line, col = seg.position(local)
        if end <= start:
            return Location(seg.path, line, col, line, col, self.side)
        end_seg, end_local = self.segment_at(end - 1)
        end_line, end_col = end_seg.position(end_local)
        return Location(seg.path, line, col, end_line, end_col + 1, self.side)

    def end_location(self) -> Location:
        """A zero-width location just after the last visible character (trailing spaces and
        direction marks such as U+200F do not count)."""
        from lintr.text import TRAILING_INVISIBLE

        found = TRAILING_INVISIBLE.search(self.text)
        end = found.start() if found else len(self.text)  # it matches any text, if empty
        return self.location(end, end)

    @property
    def path(self) -> str:
        return self.segments[0].path if self.segments else ""

    def __bool__(self) -> bool:
        return bool(self.segments)

    @_computed_once
    def words(self) -> list[tuple[int, int, str]]:
        from lintr.text import words

        return words(self.text)

    @_computed_once
    def chunks(self) -> list[str]:
        """``text.split()``: the words with their punctuation, for the scans that work chunk
        by chunk (``lintr.text.by_chunk``)."""
        return self.text.split()

    @_computed_once
    def tokens(self) -> list[str]:
        """The words of ``words`` without their offsets: several times cheaper to find,
        for rules that need positions only for the few words they report."""
        if "words" in self.__dict__:
            return [w for _, _, w in self.__dict__["words"]]
        from lintr.text import tokens

        return tokens(self.chunks)

    def folded_tokens(self, fold: Callable[[str], str]) -> list[str]:
        """``tokens``, each folded by ``fold``: computed once per side and fold for the
        rules that compare folded words (translation memory, spelling), and once per
        distinct word in a process. Shared: do not change it."""
        memo = self.__dict__.setdefault("_folded_tokens", {})
        found = memo.get(fold)
        if found is None:
            from lintr.text import folded

            found = memo[fold] = folded(fold, self.tokens)
        return found

    @_computed_once
    def word_bounds(self) -> list[int]:
        """Where the words of ``tokens`` start and end (``lintr.text.word_bounds``): for
        rules that need the offsets of many words but not a tuple for each."""
        from lintr.text import word_bounds

        return word_bounds(self.text)

    @_computed_once
    def masked_text(self) -> str:
        """``text`` with URLs and e-mail addresses blanked out (same length)."""
        from lintr.text import mask_urls

        return mask_urls(self.text)

    @_computed_once
    def script_counts(self) -> dict[str, int]:
        """Letters per script, outside URLs and e-mail addresses."""
        from lintr.text import script_counts

        return script_counts(self.masked_text)


@dataclass(slots=True)
class Pair:
    """What the aligner produced: source and target segments, either side possibly empty."""

    source: PairSide
    target: PairSide
    index: int = 0
    # Where an unpaired side "should" have been: the neighbouring location on the empty side.
    anchor: Location | None = None
    # The length model (lintr.align.length.LengthModel) learned from the pair's document or corpus.
    length_model: object | None = None
    # Derived data rules of this pair share (computed once, by the first rule that needs it).
    memo: dict = field(default_factory=dict)

    def side(self, name: Side) -> PairSide:
        return self.source if name == "source" else self.target
