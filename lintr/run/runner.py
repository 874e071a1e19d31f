"""One run of lintr's rules: the loop the command line, ``lintr.lint`` and ``lintr.lint_dask``
share, so that they report the same findings for the same pairs.

A Run holds what a run is made of: the settings (the configuration given, or each file's
nearest one) with the overrides put over them, the rules they select, where the batches are
checked (this process, a pool of processes, a Dask cluster) and how many pairs go in each.
``check`` checks files and gives a Result: sorted, repeated fingerprints numbered, the
baseline left out. ``check_pairs`` and ``check_dask`` check pairs given from Python and give
their findings in pair order, then those of the corpus rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from lintr.align.length import SAMPLE
from lintr.config.settings import Settings
from lintr.findings.errors import input_error
from lintr.languages.profile import LanguageProfile
from lintr.model import Finding
from lintr.registry import Registry
from lintr.run.batches import Batch, BatchResult
from lintr.run.discovery import Job, Plan, file_problem, plan
from lintr.run.engine import (
    BATCH_SIZE,
    Engine,
    Executor,
    Overrides,
    Progress,
    Result,
    chunks,
    load_baseline,
    pairless_fingerprint,
    prepare,
)
from lintr.run.executors import default_jobs, executor_for
from lintr.run.merging import Merger, RunState
from lintr.run.settings import Config, SettingsResolver
from lintr.run.spill import FindingStore

if TYPE_CHECKING:
    from lintr.run.pairs import PairLike


class Run:
    """A run of the rules ``config`` (a table with the keys of lintr.toml, a configuration
    file, or None: each file's nearest configuration, the defaults for pairs) and
    ``overrides`` (the command line's, which win) enable. ``executor`` checks the batches if
    given; else ``scheduler`` (a Dask address, or "local") or ``jobs`` processes do (default:
    every core for large inputs, this process for small ones and for pairs). Failures of the
    executor raise lintr.run.RunError; bad configurations ConfigError."""

    def __init__(
        self,
        registry: Registry,
        config: Config = None,
        overrides: Overrides | None = None,
        *,
        jobs: int | None = None,
        scheduler: str | None = None,
        executor: Executor | None = None,
        batch_size: int = BATCH_SIZE,
    ):
        self.registry = registry
        self.overrides = overrides or Overrides()
        languages = (self.overrides.source_lang, self.overrides.target_lang)
        self.settings = SettingsResolver(registry, config, languages)
        self.jobs, self.scheduler, self.executor = jobs, scheduler, executor
        self.batch_size = max(1, batch_size)

    # -- files ------------------------------------------------------------------------------

    def plan(self, paths: Iterable[str]) -> Plan:
        """What ``paths`` (files and folders) give to check: pairs of files by configured
        patterns or by convention, single-file formats, and the errors of those not found."""
        readers, codes = self.registry.readers, self.registry.languages.by_code
        return plan(paths, self.settings.for_path, readers, codes)

    def plan_pair(self, source: str, target: str) -> Plan:
        """One source file and its target file, named as such."""
        settings = self.settings.for_path(source)
        work = Plan()
        for path in (source, target):
            if (problem := file_problem(path)) is not None:
                work.errors.append(problem)
        if not work.errors:
            reader = self.registry.readers["text-pair"]
            work.jobs.append(Job(reader, [source, target], settings))
        return work

    def check(self, work: Plan, progress: Progress | None = None) -> Result:
        """Check every job of ``work``. The result is the same, byte for byte, whatever the
        executor and the batch size. An unreadable baseline raises InputError."""
        engine, merger, state = self._start()
        result = Result()
        # Held in memory up to a few thousand findings, then in sorted runs on disk.
        findings = result.pending = FindingStore(prepare)
        findings.extend(input_error(e) for e in work.errors)
        first = work.jobs[0].paths[0] if work.jobs else ""

        def done_one(done: BatchResult) -> None:
            if progress is not None:
                progress.update(done.pairs, len(findings))

        with self._executor(work) as executor:
            how = (executor.reads_files, executor.early_batches)
            batches = engine.batches(work.jobs, result, state, self.batch_size, how)
            findings.extend(self._loop(merger, executor.map(batches), state, first, done_one))
            result.files, result.pairs = len(state.files), state.pairs
            result.findings = findings.finish(self._baseline(work), merger.subsumer.amend)
            result.pending = None
        return result

    def _baseline(self, work: Plan) -> set[str] | None:
        """The fingerprints to leave out: the --baseline output's, else the configured one's."""
        baseline = self.overrides.baseline or next(
            (j.settings.baseline for j in work.jobs if j.settings.baseline), None
        )
        return load_baseline(baseline) if baseline else None

    # -- pairs given from Python ------------------------------------------------------------

    def check_pairs(self, pairs: Iterable[PairLike], path: str = "<pairs>") -> Iterator[Finding]:
        """The findings of ``pairs``, batch by batch as each is done (in pair order), then
        those of the corpus rules. Memory stays flat however many pairs stream through."""
        from lintr.run.pairs import pair_records, pairs_model, texts

        engine, merger, state = self._start(keep_gaps=True)
        settings, langs = self._for_pairs(path, state)
        spec = engine.spec(settings)
        it = iter(pairs)
        head = list(islice(it, SAMPLE))
        model = pairs_model([texts(p) for p in head], *self._profiles(langs))
        records = pair_records(chain(head, it), path, 0, model)
        batches = (
            Batch(seq, spec, *langs, chunk, state.token)
            for seq, chunk in enumerate(chunks(records, self.batch_size))
        )
        with self._executor(None) as executor:
            yield from _fingerprinted(self._loop(merger, executor.map(batches), state, path))

    def check_dask(
        self,
        collection: Any,
        path: str = "<pairs>",
        columns: tuple[str, str] = ("source", "target"),
    ) -> list[Finding]:
        """``check_pairs`` for a Dask bag of pairs, or a Dask dataframe with ``columns``, on the
        current Dask scheduler: each partition is a batch, read and checked on a worker."""
        import dask

        from lintr.run.distributed import as_bag, check_partition, partition_head
        from lintr.run.pairs import pairs_model

        engine, merger, state = self._start()
        settings, langs = self._for_pairs(path, state)
        spec = engine.spec(settings)
        parts = as_bag(collection, columns).to_delayed()
        heads = dask.compute(*[dask.delayed(partition_head)(p) for p in parts])
        sample = [pair for _, head in heads for pair in head][:SAMPLE]
        model = pairs_model(sample, *self._profiles(langs))
        tasks, first = [], 0
        for seq, (part, (count, _)) in enumerate(zip(parts, heads, strict=True)):
            batch = Batch(seq, spec, *langs, [], state.token, model=model)
            tasks.append(dask.delayed(check_partition)(part, first, batch, path))
            first += count
        found = list(_fingerprinted(self._loop(merger, dask.compute(*tasks), state, path)))
        for finding in found:
            merger.subsumer.amend(finding)
        return found

    def _for_pairs(self, path: str, state: RunState) -> tuple[Settings, tuple[str, str]]:
        settings = self.settings.given()
        state.ignored[path] = settings.ignored_for(path)
        side = self.overrides.side or settings.side
        if side in ("source", "target"):  # "both" (given to override a file's): all
            state.sides[path] = side
        return settings, (settings.source_lang or "ar", settings.target_lang or "en")

    def _profiles(self, langs: tuple[str, str]) -> tuple[LanguageProfile, LanguageProfile]:
        languages = self.registry.languages
        return languages.generic(langs[0]), languages.generic(langs[1])

    # -- the loop ---------------------------------------------------------------------------

    def _start(self, keep_gaps: bool = False) -> tuple[Engine, Merger, RunState]:
        """What one check builds afresh: its rules, the merging of their corpus states, and
        what it accumulates (``keep_gaps``: see lintr.findings.subsume.Subsumer)."""
        engine = Engine(self.registry, self.overrides)
        return engine, Merger(self.registry, engine.rules_in_use, keep_gaps), RunState()

    def _executor(self, work: Plan | None) -> AbstractContextManager[Executor]:
        if self.executor is not None:
            return nullcontext(self.executor)
        jobs = self.jobs
        if jobs is None and not self.scheduler and work is not None:
            jobs = default_jobs(work)
        return executor_for(self.registry, jobs, self.scheduler)

    @staticmethod
    def _loop(
        merger: Merger,
        results: Iterable[BatchResult],
        state: RunState,
        first_path: str,
        done_one: Callable[[BatchResult], None] | None = None,
    ) -> Iterator[Finding]:
        """The run loop: the findings to report of each batch's result, in batch order, the
        corpus states merged as they come; then the corpus rules' findings over the run
        (their failures reported at the start of ``first_path``)."""
        for done in results:
            yield from merger.absorb(done, state)
            state.pairs += done.pairs
            if done_one is not None:
                done_one(done)
        yield from merger.finalize(state, first_path)


def _fingerprinted(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Findings made without a pair get the fingerprint the command line would give them."""
    for finding in findings:
        finding.fingerprint = finding.fingerprint or pairless_fingerprint(finding)
        yield finding
