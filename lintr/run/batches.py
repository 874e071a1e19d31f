"""Batches of pairs and the code that checks one: the unit of work for one process, a pool
of processes or a Dask cluster. Everything here pickles, so a batch can go anywhere."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from lintr.findings.errors import internal_error
from lintr.model import Finding, Location, Pair, PairSide, Segment, Severity
from lintr.readers.lines import Part
from lintr.registry import Registry
from lintr.rules.base import Rule

# One rule as configured: id, options, severity (None: the rule's default).
RuleSpec = tuple[tuple[str, tuple[tuple[str, Any], ...], Severity | None], ...]
# One pair as the aligner produced it: source segments, target segments, index, anchor,
# length model. Plain data: a worker rebuilds the Pair with its own language profiles.
Record = tuple[tuple[Segment, ...], tuple[Segment, ...], int, Location | None, Any]


@dataclass
class Batch:
    seq: int
    spec: RuleSpec
    source_lang: str
    target_lang: str
    records: list[Record]
    # The run the batch belongs to: rules keep per-process bookkeeping between the batches
    # of one run (spelling-variant, inconsistent-transliteration), never across runs.
    run: str = ""
    # Instead of records: a stretch of a line-aligned input the checking process reads
    # itself, and the length model of its pairs (sent once, not once per record).
    part: Part | None = None
    model: Any = None
    # Sent before the length model was learned (the pool's first batches): a rule that reads
    # it on a pair raises ModelPending there, and the pair's rule runs again later.
    early: bool = False
    # Finishing an early batch: (pair position, pair-rule position) to run, and nothing else.
    only: tuple[tuple[int, int], ...] | None = None

    @property
    def spec_key(self) -> str:
        return hashlib.sha1(repr(self.spec).encode()).hexdigest()


@dataclass
class BatchResult:
    seq: int
    pairs: int
    findings: list[Finding] = field(default_factory=list)
    # Corpus rules: their merged state over the batch.
    states: dict[str, Any] = field(default_factory=dict)
    # Corpus rules that raised in this batch: the internal-error finding reporting it.
    crashed: dict[str, Finding] = field(default_factory=dict)
    # An early batch: (pair position, pair-rule position) that needed the length model, and
    # whether a corpus rule did (then the whole batch is checked again).
    pending: list[tuple[int, int]] = field(default_factory=list)
    redo: bool = False


class ModelPending(BaseException):
    """A rule read the length model of a pair of an early batch. A BaseException, so that a
    rule's own ``except Exception`` does not take it for a failure of its own."""


# What a rule sees if it keeps an early pair's model past the pair's check (say, in its
# corpus state) and uses it later: the engine reports it as the rule's internal error.
PENDING = "the length model of a pair checked before the model was learned, used after its check"


class _Unlearned:
    """The length model of an early batch's pairs: using it in any way raises ModelPending."""

    def __bool__(self) -> bool:
        raise ModelPending(PENDING)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # Python's own protocols (pickle, copy) look for these
            raise AttributeError(name)
        raise ModelPending(PENDING)


UNLEARNED = _Unlearned()


def finishing(batch: Batch, result: BatchResult, model: Any) -> Batch | None:
    """The batch that finishes early ``batch`` with the length model, or None if nothing
    read the model."""
    if not (result.pending or result.redo):
        return None
    only = None if result.redo else tuple(result.pending)
    return replace(batch, model=model, early=False, only=only)


def finished(result: BatchResult, rest: BatchResult) -> BatchResult:
    """An early batch's result with that of its finishing batch. The findings of the pairs'
    rules that ran again come last: the output's sort puts them in place (only a rule's own
    findings on one pair can compare equal, and they stay in their order)."""
    if result.redo:
        return rest
    result.findings.extend(rest.findings)
    result.pending = []
    return result


def part_records(part: Part, model: Any) -> Iterator[Record]:
    for index, (s, t) in enumerate(part.rows(), part.first):
        yield ((s,), (t,), index, None, model)


def record(pair: Pair) -> Record:
    return (
        pair.source.segments,
        pair.target.segments,
        pair.index,
        pair.anchor,
        pair.length_model,
    )


class Checker:
    """Runs the rules of a batch. Built once per process; rule instances once per spec."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._rules: dict[str, list[Rule]] = {}
        self._runs: dict[str, str] = {}

    def rules(self, batch: Batch) -> list[Rule]:
        key = batch.spec_key
        if key not in self._rules or self._runs[key] != batch.run:
            self._runs[key] = batch.run
            classes = self.registry.rules
            self._rules[key] = [
                classes[rid](dict(options), severity) for rid, options, severity in batch.spec
            ]
        return self._rules[key]

    def check(self, batch: Batch) -> BatchResult:
        rules = self.rules(batch)
        pair_rules = [r for r in rules if r.scope != "corpus"]
        corpus_rules = [r for r in rules if r.scope == "corpus"]
        languages = self.registry.languages
        src = languages.generic(batch.source_lang)
        tgt = languages.generic(batch.target_lang)
        records = batch.records
        if batch.part is not None:
            records = list(part_records(batch.part, batch.model))
        result = BatchResult(batch.seq, len(records))
        every = list(enumerate(pair_rules))
        wanted: dict[int, list[tuple[int, Rule]]] = {}
        for at, position in batch.only or ():
            wanted.setdefault(at, []).append((position, pair_rules[position]))
        pairs = []
        for at, (s, t, index, anchor, model) in enumerate(records):
            pair = Pair(PairSide(s, src, "source"), PairSide(t, tgt, "target"), index, anchor)
            pair.length_model = UNLEARNED if batch.early else model
            self._check(pair, at, every if batch.only is None else wanted.get(at, []), result)
            pairs.append(pair)
        if pairs and batch.only is None:
            for rule in corpus_rules:
                self._collect(rule, pairs, result)
        return result

    def _check(
        self, pair: Pair, at: int, rules: list[tuple[int, Rule]], result: BatchResult
    ) -> None:
        for position, rule in rules:
            found = []
            try:
                for finding in rule.check(pair):
                    finding.fingerprint = fingerprint(finding, pair)
                    found.append(finding)
            except ModelPending:
                result.pending.append((at, position))
                continue
            except Exception as exc:
                found.append(self._crash(rule, pair, exc))
            result.findings.extend(found)

    def _collect(self, rule: Rule, pairs: list[Pair], result: BatchResult) -> None:
        """A corpus rule's state over the batch. If it fails, its state is lost: it is
        reported once, at the first pair it fails on, and skipped from then on."""
        try:
            result.states[rule.id] = rule.collect_batch(pairs)
            return
        except ModelPending:
            result.redo = True
            return
        except Exception as exc:
            failed, error = pairs[0], exc
        for pair in pairs:  # find the pair it fails on, for the report
            try:
                rule.collect(pair)
            except ModelPending:
                result.redo = True
                return
            except Exception as exc:
                failed, error = pair, exc
                break
        result.crashed[rule.id] = self._crash(rule, failed, error)

    def _crash(self, rule: Rule, pair: Pair, exc: Exception) -> Finding:
        side = pair.source if pair.source else pair.target
        origin = self.registry.origin_of(type(rule))
        finding = internal_error(rule.id, origin, side.location(0, 0), exc)
        finding.fingerprint = fingerprint(finding, pair)
        return finding


def _squash(text: str) -> str:
    return " ".join(text.split())


def fingerprint(finding: Finding, pair: Pair) -> str:
    """Stable under inserted lines: rule, file name, the pair's texts and the finding's detail."""
    parts = [
        finding.rule,
        finding.location.path.replace("\\", "/").rsplit("/", 1)[-1],
        _squash(pair.source.text),
        _squash(pair.target.text),
        finding.detail or finding.message,
    ]
    return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:16]
