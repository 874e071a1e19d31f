"""The batches' results taken in batch order: the findings the per-file ignores keep, and the
corpus rules' states, merged batch by batch and summed up at the end of the run. A corpus
rule that fails is reported once and skipped from then on, as a serial run would."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lintr.findings.errors import internal_error
from lintr.findings.subsume import Subsumer
from lintr.model import Finding, Location
from lintr.registry import Registry
from lintr.rules.base import Rule
from lintr.run.batches import BatchResult, ModelPending


@dataclass
class RunState:
    """What one run accumulates besides findings."""

    files: set[str] = field(default_factory=set)
    pairs: int = 0
    corpus_state: dict[str, Any] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # corpus rules that failed once
    ignored: dict[str, set[str]] = field(default_factory=dict)  # per-file-ignores by path
    # The one side whose findings are shown (``side``), by path; pair-level ones always are.
    sides: dict[str, str] = field(default_factory=dict)
    # Tells a worker that keeps its rules between runs (a Dask worker) that a new run began.
    # Random bytes, not uuid4(): importing uuid (and platform with it) costs every start-up.
    token: str = field(default_factory=lambda: os.urandom(16).hex())


def kept(finding: Finding, ignored: dict[str, set[str]]) -> bool:
    """Whether the per-file ignores (``ignored``, by path) let ``finding`` through."""
    skip = ignored.get(finding.location.path, ())
    return finding.rule not in skip and "ALL" not in skip


def shown(finding: Finding, sides: dict[str, str]) -> bool:
    """Whether the ``side`` setting of the finding's file (``sides``, by path) shows it:
    a finding on that side or about the whole pair."""
    side = sides.get(finding.location.path)
    return side is None or finding.side is None or finding.side == side


class Merger:
    """Absorbs the results of one run's batches. ``rules`` gives the rule instances the run
    built (the corpus rules merge and finalize their states with them). The findings one
    defect explains are folded into it (lintr.findings.subsume; ``keep_gaps``: see
    Subsumer), after the per-file ignores and before the ``side`` setting."""

    def __init__(
        self, registry: Registry, rules: Callable[[], list[Rule]], keep_gaps: bool = False
    ):
        self.registry = registry
        self.rules = rules
        self.subsumer = Subsumer(registry.rules, keep_gaps)

    def absorb(self, done: BatchResult, state: RunState) -> list[Finding]:
        """One batch's findings to report, and its corpus states merged into ``state``."""
        findings = self.subsumer.batch([f for f in done.findings if kept(f, state.ignored)])
        if state.sides:
            findings = [f for f in findings if shown(f, state.sides)]
        for rule_id, crash in done.crashed.items():
            if rule_id not in state.broken:  # reported once, as a serial run would
                state.broken.add(rule_id)
                state.corpus_state.pop(rule_id, None)
                if kept(crash, state.ignored):
                    findings.append(crash)
        for rule_id, batch_state in done.states.items():
            if rule_id in state.broken:
                continue
            previous = state.corpus_state.get(rule_id)
            if previous is None:
                state.corpus_state[rule_id] = batch_state
                continue
            try:
                state.corpus_state[rule_id] = self._rule(rule_id).merge(previous, batch_state)
            except (Exception, ModelPending) as exc:
                state.broken.add(rule_id)
                state.corpus_state.pop(rule_id, None)
                where = done.findings[0].location if done.findings else Location("", 1, 1)
                failed = self._failed(rule_id, where, exc, "while merging corpus state", "merge")
                findings.append(failed)
        return findings

    def finalize(self, state: RunState, first_path: str) -> Iterator[Finding]:
        """The corpus rules' findings over the whole run, those the per-file ignores keep
        and the run's gaps do not cover; a rule's failure is reported at the start of
        ``first_path``."""
        found = (f for f in self._finalized(state, first_path) if kept(f, state.ignored))
        for finding in self.subsumer.corpus(found):
            if shown(finding, state.sides):
                yield finding

    def _finalized(self, state: RunState, first_path: str) -> Iterator[Finding]:
        for rule in {r.id: r for r in self.rules()}.values():
            if rule.scope != "corpus" or rule.id not in state.corpus_state:
                continue
            if rule.id in state.broken:
                continue
            try:
                yield from rule.finalize(state.corpus_state[rule.id])
            except (Exception, ModelPending) as exc:
                where = Location(first_path, 1, 1)
                yield self._failed(rule.id, where, exc, "while summing up the corpus", "finalize")

    def _rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules() if r.id == rule_id)

    def _failed(
        self, rule_id: str, where: Location, exc: BaseException, during: str, step: str
    ) -> Finding:
        origin = self.registry.origin_of(type(self._rule(rule_id)))
        return internal_error(rule_id, origin, where, exc, during, detail=f"{step} {rule_id}")
