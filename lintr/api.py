"""lintr from Python: ``lintr.lint(pairs, config)`` for pipelines, and ``lint_dask`` for a
Dask bag or dataframe of pairs.

    import lintr
    for finding in lintr.lint([("قال إن 3 جنود قتلوا.", "He said 4 soldiers were killed.")]):
        print(finding.location.line, finding.rule, finding.message)

Pairs are ``(source, target)`` tuples or mappings with ``source`` and ``target`` keys. Pair
number i (from 1) is reported at line i of ``path``, as if the pairs were the rows of a TSV
named ``path``: the target column starts after the source and a tab.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from lintr.align.aligner import LengthModel, corpus_model
from lintr.config.settings import Settings
from lintr.model import Finding, Segment
from lintr.registry import Registry
from lintr.run.batches import Batch, BatchResult, Checker, Record
from lintr.run.engine import (
    _SAMPLE,
    BATCH_SIZE,
    Engine,
    Executor,
    Result,
    SerialExecutor,
    _chunks,
    _kept,
    _Run,
    pairless_fingerprint,
)

PairLike = tuple[str, str] | Mapping[str, str]


@cache
def registry() -> Registry:
    """The installed plugins, loaded once per process."""
    from lintr import registry as plugins

    return plugins.load()


def settings_from(config: Mapping[str, Any] | str | Path | None, reg: Registry) -> Settings:
    """Settings from a configuration table (the keys of lintr.toml, e.g.
    ``{"select": ["numeral-mismatch"], "rules": {"doubled-word": {"allow": ["had had"]}}}``),
    a configuration file, or the defaults (None). Bad keys raise lintr.config.settings.ConfigError."""
    from lintr.cli.commands import CORE_RULES
    from lintr.config import settings as cfg

    options = {rid: cls.options for rid, cls in reg.rules.items()}
    options.update({rid: {} for rid in CORE_RULES})
    if config is None:
        return Settings()
    if isinstance(config, (str, Path)):
        return cfg.load(Path(config), options)
    return cfg._validate(dict(config), Path("<config>"), "", "the configuration", options)


def _texts(pair: PairLike) -> tuple[str, str]:
    if isinstance(pair, Mapping):
        return str(pair["source"]), str(pair["target"])
    source, target = pair
    return str(source), str(target)


def _records(pairs: Iterable[PairLike], path: str, first: int, model: Any) -> Iterator[Record]:
    for i, pair in enumerate(pairs, first):
        source, target = _texts(pair)
        yield (
            (Segment(source, path, i + 1, 1),),
            (Segment(target, path, i + 1, len(source) + 2),),
            i,
            None,
            model,
        )


def _model(sample: list[PairLike], reg: Registry, langs: tuple[str, str]) -> LengthModel:
    """The length model and lexicon learned from the first pairs (lintr check learns from a sample of
    a whole file; here the pairs stream, so the first _SAMPLE of them stand in)."""
    src, tgt = (reg.languages.generic(code) for code in langs)
    fallback = LengthModel(tgt.relative_length / src.relative_length)
    return corpus_model([_texts(p) for p in sample], src, tgt, fallback)


class _Session:
    """One run of the rules of ``settings`` outside the command line."""

    def __init__(self, config, source_lang: str | None, target_lang: str | None, path: str):
        self.registry = registry()
        self.settings = settings_from(config, self.registry)
        # Unconfigured, the languages whose profiles claim each side (Arabic, English).
        languages = self.registry.languages
        self.langs = (
            source_lang or self.settings.source_lang or languages.default("source"),
            target_lang or self.settings.target_lang or languages.default("target"),
        )
        self.path = path
        self.engine = Engine(self.registry)
        self.spec = self.engine.spec(self.settings)
        self.run = _Run(ignored={path: self.settings.ignored_for(path)})

    def batch(self, seq: int, records: list[Record]) -> Batch:
        return Batch(seq, self.spec, self.langs[0], self.langs[1], records, self.run.token)

    def absorb(self, done: BatchResult) -> list[Finding]:
        result = Result()
        self.engine._absorb(done, result, self.run)
        return result.findings

    def corpus_findings(self) -> Iterator[Finding]:
        run = self.run
        for finding in self.engine._finalize(run.corpus_state, run.broken, self.path):
            if _kept(finding, run.ignored):
                finding.fingerprint = finding.fingerprint or pairless_fingerprint(finding)
                yield finding


def lint(
    pairs: Iterable[PairLike],
    config: Mapping[str, Any] | str | Path | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    path: str = "<pairs>",
    executor: Executor | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Finding]:
    """Check ``pairs`` with the rules ``config`` enables; yield the findings of each batch
    of pairs as it is done (in pair order), then those of corpus rules (length-ratio).

    Memory stays flat however many pairs stream through. ``executor`` runs the batches
    elsewhere (lintr.run.pool.PoolExecutor, lintr.run.distributed.DaskExecutor)."""
    session = _Session(config, source_lang, target_lang, path)
    it = iter(pairs)
    head = list(islice(it, _SAMPLE))
    model = _model(head, session.registry, session.langs)
    records = _records(_chain(head, it), path, 0, model)
    batches = (session.batch(i, chunk) for i, chunk in enumerate(_chunks(records, batch_size)))
    executor = executor or SerialExecutor(Checker(session.registry))
    for done in executor.map(batches):
        yield from session.absorb(done)
    yield from session.corpus_findings()


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


# ----------------------------------------------------------------------------------------
# Dask: the partitions of a bag or dataframe are checked on the workers; the corpus rules'
# states come back to the client and are merged there, partition by partition.
# ----------------------------------------------------------------------------------------


def _partition_head(partition: Iterable[PairLike]) -> tuple[int, list[tuple[str, str]]]:
    """Pairs in a partition, and the first of them (for the length model)."""
    rows = list(partition)
    return len(rows), [_texts(p) for p in rows[:_SAMPLE]]


def _check_partition(partition, first: int, batch: Batch, path: str) -> BatchResult:
    from lintr.run.distributed import check_batch

    batch.records = list(_records(partition, path, first, batch.records[0][4]))
    return check_batch(batch)


def _as_bag(collection: Any, columns: tuple[str, str]):
    if hasattr(collection, "to_bag"):  # a dask dataframe
        return collection[list(columns)].to_bag(index=False)
    return collection


def lint_dask(
    collection: Any,
    config: Mapping[str, Any] | str | Path | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    path: str = "<pairs>",
    columns: tuple[str, str] = ("source", "target"),
) -> list[Finding]:
    """Check a Dask bag of pairs, or a Dask dataframe with ``columns`` (source, target), on
    the current Dask scheduler (a ``distributed.Client`` if one is active). Returns the
    findings in the order ``lint`` would yield them for the same pairs."""
    import dask

    session = _Session(config, source_lang, target_lang, path)
    parts = _as_bag(collection, columns).to_delayed()
    heads = dask.compute(*[dask.delayed(_partition_head)(p) for p in parts])
    sample = [pair for _, head in heads for pair in head][:_SAMPLE]
    model = _model(sample, session.registry, session.langs)
    template = session.batch(0, [((), (), 0, None, model)])
    tasks, first = [], 0
    for seq, (part, (count, _)) in enumerate(zip(parts, heads, strict=True)):
        batch = session.batch(seq, template.records)
        tasks.append(dask.delayed(_check_partition)(part, first, batch, path))
        first += count
    findings: list[Finding] = []
    for done in dask.compute(*tasks):
        findings.extend(session.absorb(done))
    findings.extend(session.corpus_findings())
    return findings
