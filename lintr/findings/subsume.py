"""One defect, one finding: the findings a missing or added text explains are folded into it.

A passage of the source left out of the target is one defect, but every rule that compares
the two sides sees it: the numbers, quotes, brackets and end marks of the lost passage are
all "missing from the target", and its pair is too short. A *gap* is a finding of a rule
that declares ``Rule.gaps`` (missing-sentence, added-sentence): text of one side with no
counterpart on the other. A finding of another rule is *covered* by a gap when it is about
the gap's text, by its rule's ``Rule.covered`` declaration:

* ``"inside"`` (the default): the finding's place lies inside the gap's text, or, for a
  pair rule, one of its notes' does (a number of the source missing from the target is
  reported at the target with a note at the number: the note is inside the lost passage);
* ``"pair"``: the gap lies inside the finding's place or one of its notes' (a finding about
  its whole pair, such as length-ratio's, is explained by a gap anywhere in its pair);
* ``"never"``.

Severity: a gap is as severe as the most severe finding it takes in (a missing sentence
whose numbers were errors is an error), so that ``--fail-on`` and the summary see what they
saw before; but an ``info`` gap is a hint (the sentence alignment is unsure there) and takes
in only ``info`` findings, never a warning or an error it might have misread.

A covered finding is not reported apart: the gap gets a note that sums up the covered
findings of each rule, at the first of them ("also 14 numeral-mismatch findings from here
on, ..."), so nothing is hidden from a reader of the gap. And two gaps of one pair that
point at each other (each has a note at the other's place: a sentence missing from the
target and its translation "added" elsewhere in it) are a misalignment, one finding: the
one on the source side is kept.

Everything is decided by places, never by rule names, and per pair: the findings of a pair
rule are all in the result of the batch that holds the pair, and places of different pairs
never overlap, so the outcome does not depend on batches, processes or their order. The
corpus rules' findings come at the end of a run; the gaps' places are remembered for them
(a few numbers per gap), and the notes they add are put on the gaps as the run's findings
are read back (``amend``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from lintr.model import Finding, Location, Related, Severity

if TYPE_CHECKING:
    from lintr.rules.base import Covered, Rule

Point = tuple[int, int]
Span = tuple[str, Point, Point]  # path, first character, end (exclusive; a point if equal)
GapKey = tuple[str, str, int, int]  # rule, fingerprint, line, column: one gap, once read back

MESSAGE_LIMIT = 90  # characters of a covered finding's message quoted in the gap's note


def span(loc: Location) -> Span:
    start = (loc.line, loc.column)
    if loc.end_line is None or loc.end_column is None:
        return loc.path, start, start
    return loc.path, start, (loc.end_line, loc.end_column)


def inside(inner: Span, outer: Span) -> bool:
    """Whether ``inner`` lies in ``outer``. A point counts from just after the first
    character up to the end: the end of a lost last sentence is inside it, the start of a
    text before a lost first sentence is not."""
    if inner[0] != outer[0]:
        return False
    if inner[1] == inner[2]:
        return outer[1] < inner[1] <= outer[2]
    return outer[1] <= inner[1] and inner[2] <= outer[2]


def gap_key(finding: Finding) -> GapKey:
    fingerprint = finding.fingerprint.split("-", 1)[0]  # before repeats are numbered
    return finding.rule, fingerprint, finding.location.line, finding.location.column


class Subsumer:
    """The stage for one run. ``rules``: the rule classes by id (lintr's own findings, such
    as input errors, belong to no class and are never covered). ``keep``: remember the gap
    findings themselves, so that the notes of the corpus rules' findings are put on them
    in place (for a run that hands its findings out as it goes, lintr.lint)."""

    def __init__(self, rules: Mapping[str, type[Rule]], keep: bool = False):
        self._gap_rules = {rid for rid, cls in rules.items() if cls.gaps}
        self._covered: dict[str, Covered] = {rid: cls.covered for rid, cls in rules.items()}
        self._pair_scoped = {rid for rid, cls in rules.items() if cls.scope != "corpus"}
        self._spans: dict[str, list[tuple[Span, GapKey, Severity]]] = {}
        self._late: dict[GapKey, list[Finding]] = {}
        self._notes: dict[GapKey, tuple[tuple[Related, ...], Severity]] = {}
        self._kept: dict[GapKey, Finding] | None = {} if keep else None

    def batch(self, findings: list[Finding]) -> list[Finding]:
        """The findings of a batch of pairs as reported: covered ones folded into their
        gaps, one gap per misalignment. Remembers the gaps for ``corpus``."""
        gaps = [f for f in findings if f.rule in self._gap_rules]
        if not gaps:
            return findings
        partners = _misaligned(gaps)  # the gap left out -> the one kept
        where = {id(g): [span(g.location)] for g in gaps if id(g) not in partners}
        for left_out, keeper in partners.values():
            where[id(keeper)].append(span(left_out.location))
        gaps = [g for g in gaps if id(g) not in partners]
        covered: dict[int, list[Finding]] = {}
        kept = []
        for finding in findings:
            if finding.rule in self._gap_rules:
                if id(finding) not in partners:
                    kept.append(finding)
                continue
            gap = self._gap_of(finding, gaps, where)
            if gap is None:
                kept.append(finding)
            else:
                covered.setdefault(id(gap), []).append(finding)
        for gap in gaps:
            taken = covered.get(id(gap), ())
            gap.related += _notes(taken)
            gap.severity = max((gap.severity, *(f.severity for f in taken)))
            for place in where[id(gap)]:
                self._remember(gap, place)
        return kept

    def corpus(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The corpus rules' findings over the run, those the gaps of the run do not cover;
        the notes of the covered ones are kept for ``amend``."""
        for finding in findings:
            key = self._remembered_gap_of(finding)
            if key is None:
                yield finding
            else:
                self._late.setdefault(key, []).append(finding)
        self._notes = {
            key: (_notes(found), max(f.severity for f in found))
            for key, found in self._late.items()
        }
        if self._kept is not None:
            for key in self._notes:
                self.amend(self._kept[key])

    def amend(self, finding: Finding) -> None:
        """Add to a gap read back from the run's findings the notes of the corpus findings
        it covers (nothing for any other finding)."""
        if self._notes and finding.rule in self._gap_rules:
            late = self._notes.get(gap_key(finding))
            if late:
                finding.related += late[0]
                finding.severity = max(finding.severity, late[1])

    def _gap_of(
        self, finding: Finding, gaps: list[Finding], where: dict[int, list[Span]]
    ) -> Finding | None:
        how = self._covered.get(finding.rule, "never")
        if how == "never":
            return None
        places = [span(finding.location)]
        if finding.rule in self._pair_scoped or how == "pair":
            places += [span(r.location) for r in finding.related]
        for gap in gaps:
            if gap.severity == Severity.INFO < finding.severity:
                continue  # a hint does not take in a finding surer than itself
            for text in where[id(gap)]:
                if how == "inside" and any(inside(p, text) for p in places):
                    return gap
                if how == "pair" and any(inside(text, p) for p in places):
                    return gap
        return None

    def _remember(self, gap: Finding, place: Span) -> None:
        key = gap_key(gap)
        self._spans.setdefault(place[0], []).append((place, key, gap.severity))
        if self._kept is not None:
            self._kept[key] = gap

    def _remembered_gap_of(self, finding: Finding) -> GapKey | None:
        how = self._covered.get(finding.rule, "never")
        if how == "never" or not self._spans:
            return None
        places = [span(finding.location)]
        if how == "pair":
            places += [span(r.location) for r in finding.related]
        for place in places:
            for where, key, severity in self._spans.get(place[0], ()):
                if severity == Severity.INFO < finding.severity:
                    continue
                if inside(place, where) if how == "inside" else inside(where, place):
                    return key
        return None


def _misaligned(gaps: list[Finding]) -> dict[int, tuple[Finding, Finding]]:
    """Of each two gaps that point at each other, the one left out (by id) and the one
    kept: the one on the source side (else the first in the output's order)."""
    partners: dict[int, tuple[Finding, Finding]] = {}
    if len(gaps) < 2:
        return partners
    by_span: dict[Span, list[Finding]] = {}
    for gap in gaps:
        by_span.setdefault(span(gap.location), []).append(gap)
    for gap in sorted(gaps, key=_precedence):
        if id(gap) in partners:
            continue
        mine = span(gap.location)
        for note in gap.related:
            for other in by_span.get(span(note.location), ()):
                if other is gap or id(other) in partners:
                    continue
                if any(span(r.location) == mine for r in other.related):
                    partners[id(other)] = (other, gap)
    return partners


def _precedence(gap: Finding) -> tuple:
    return (gap.location.side != "source", gap.sort_key())


def _notes(covered: Iterable[Finding]) -> tuple[Related, ...]:
    """One note per rule of the covered findings, at the first of them."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(covered, key=Finding.sort_key):
        by_rule.setdefault(finding.rule, []).append(finding)
    notes = []
    for rule, found in sorted(by_rule.items()):
        first = found[0]
        message = _shortened(first.message)
        if len(found) == 1:
            text = f"also {rule} here, part of the same defect: {message}"
        else:
            text = (
                f"also {len(found)} {rule} findings from here on, part of the same defect; "
                f"the first: {message}"
            )
        notes.append(Related(first.location, text))
    return tuple(notes)


def _shortened(message: str) -> str:
    if len(message) <= MESSAGE_LIMIT:
        return message
    cut = message[: MESSAGE_LIMIT - 1]
    return cut.rsplit(" ", 1)[0] + "…" if " " in cut[MESSAGE_LIMIT // 2 :] else cut + "…"
