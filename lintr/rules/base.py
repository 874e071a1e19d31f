"""The base class of every rule, and typed rule options."""

from __future__ import annotations

import builtins
import inspect
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal, cast

from lintr.model import Edit, Finding, Location, Pair, Related, Severity, Side

if TYPE_CHECKING:
    from lintr.languages.profile import Languages

Scope = Literal["pair", "document", "corpus"]
# How a finding of a rule may be the same defect as a gap (lintr.findings.subsume):
# "inside": when the finding's place (or, for a pair rule, the place of one of its notes)
# lies inside the gap's text; "pair": when the gap lies inside the finding's place or one
# of its notes' (a finding about its whole pair, such as a length ratio); "never".
Covered = Literal["inside", "pair", "never"]
# The side Rule.finding takes from the location unless it is told another.
_LOCATION_SIDE: Any = object()


@dataclass(frozen=True)
class Option:
    """A typed rule option, settable under ``[tool.lintr.rules.RULE-ID]``."""

    type: type | tuple[type, ...]
    default: Any
    help: str
    item_type: builtins.type | None = None  # for list options (``type`` is the field above)
    # The smallest value a number option takes (None: any); NaN and infinities never.
    minimum: float | None = 0

    def validate(self, value: Any) -> Any:
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and self.type is not bool:
            raise ValueError(f"expected {self.type_name}, got a boolean")
        if not isinstance(value, self.type):
            raise ValueError(f"expected {self.type_name}, got {type(value).__name__} {value!r}")
        if isinstance(value, int | float) and not isinstance(value, bool):
            self._in_range(value)
        if self.item_type is not None:
            for item in cast("Iterable[Any]", value):  # a list: its type was checked above
                if not isinstance(item, self.item_type):
                    raise ValueError(
                        f"expected a list of {self.item_type.__name__}, found {item!r}"
                    )
        return value

    def _in_range(self, value: float) -> None:
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"expected {self.minimum} or more, got {value!r}")

    @property
    def type_name(self) -> str:
        if self.item_type is not None:
            return f"list of {self.item_type.__name__}"
        return getattr(self.type, "__name__", str(self.type))


class Rule:
    """Subclass this, set ``id``, and write the documentation as the class docstring."""

    id: ClassVar[str]
    severity: Severity = Severity.WARNING  # a class default, overridden per instance by config
    scope: ClassVar[Scope] = "pair"
    options: ClassVar[dict[str, Option]] = {}
    # True for a rule whose findings depend on the bilingual dictionaries plugins give
    # (lintr_dictionaries): `lintr explain` then lists the ones installed.
    uses_dictionaries: ClassVar[bool] = False
    # One defect, one finding (lintr.findings.subsume). A rule whose findings are *gaps*
    # (text of one side with no counterpart on the other: missing-sentence, added-sentence)
    # sets ``gaps``; a finding of any other rule that the gap explains (a number, a quote, an
    # end mark, a name inside the missing text; by ``covered``) is then not reported apart
    # but summed up in a note of the gap. Two gaps of one pair that point at each other (a
    # sentence reported missing and its translation reported added: a misalignment) are
    # one finding, the one on the source side.
    gaps: ClassVar[bool] = False
    covered: ClassVar[Covered] = "inside"

    def __init__(self, settings: dict[str, Any] | None = None, severity: Severity | None = None):
        self.settings = {name: opt.default for name, opt in self.options.items()}
        self.settings.update(settings or {})
        if severity is not None:
            self.severity = severity
        self.configure()

    def configure(self) -> None:
        """Precompute what the options imply (allow-lists, patterns). Called once."""

    def check(self, pair: Pair) -> Iterable[Finding]:
        """Findings for one pair (pair-scope rules)."""
        return ()

    # Corpus-scope rules implement collect/merge/finalize instead of check.
    def collect(self, pair: Pair) -> Any:
        raise NotImplementedError

    def merge(self, a: Any, b: Any) -> Any:
        raise NotImplementedError

    def collect_batch(self, pairs: list[Pair]) -> Any:
        """The state of a batch of pairs, in input order: the same as collecting each pair
        and merging the states in order. Override it where a whole batch is much cheaper
        to count at once (C-level counters and arrays instead of one small state per
        pair); ``collect`` must stay consistent with it."""
        state = self.collect(pairs[0])
        for pair in pairs[1:]:
            state = self.merge(state, self.collect(pair))
        return state

    def finalize(self, state: Any) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        location: Location,
        related: Iterable[Related] = (),
        fix: Iterable[Edit] = (),
        detail: str = "",
        side: Side | None = _LOCATION_SIDE,
    ) -> Finding:
        """A finding of this rule. Its ``side`` is that of ``location`` when the location was
        taken from a side of the pair (``pair.target.location(...)``); give ``side=None``
        for a finding about the pair as a whole, which a place on one side only shows."""
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=message,
            location=location,
            related=tuple(related),
            fix=tuple(fix),
            detail=detail,
            side=location.side if side is _LOCATION_SIDE else side,
        )

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def language_notes(cls, languages: Languages) -> str:
        """What ``lintr explain`` adds after the documentation from the loaded languages'
        data (a rule whose defaults come from the language profiles lists them); none by
        default."""
        return ""

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(cls.doc().split("\n\n", 1)[0].split())
