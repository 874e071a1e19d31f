"""lintr from Python: ``lintr.lint(pairs, config)`` for pipelines, and ``lint_dask`` for a
Dask bag or dataframe of pairs.

    import lintr
    for finding in lintr.lint([("قال إن 3 جنود قتلوا.", "He said 4 soldiers were killed.")]):
        print(finding.location.line, finding.rule, finding.message)

Pairs are ``(source, target)`` tuples or mappings with ``source`` and ``target`` keys. Pair
number i (from 1) is reported at line i of ``path``, as if the pairs were the rows of a TSV
named ``path``: the target column starts after the source and a tab. Both run the loop the
command line runs (lintr.run.Run), so they find what ``lintr check`` finds on such a TSV.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from lintr.config.settings import Settings
from lintr.model import Finding
from lintr.registry import Registry
from lintr.run import BATCH_SIZE, Config, Executor, Overrides, Run
from lintr.run.pairs import PairLike


@cache
def registry() -> Registry:
    """The installed plugins, loaded once per process."""
    from lintr import registry as plugins

    return plugins.load()


def settings_from(config: Config, reg: Registry) -> Settings:
    """Settings from a configuration table (the keys of lintr.toml, e.g.
    ``{"select": ["numeral-mismatch"], "rules": {"doubled-word": {"allow": ["had had"]}}}``),
    a configuration file, or the defaults (None). Bad keys raise lintr.config.settings.ConfigError."""
    return Run(reg, config).settings.given()


def lint(
    pairs: Iterable[PairLike],
    config: Config = None,
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
    overrides = Overrides(source_lang, target_lang)
    run = Run(registry(), config, overrides, executor=executor, batch_size=batch_size)
    yield from run.check_pairs(pairs, path)


def lint_dask(
    collection: Any,
    config: Config = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    path: str = "<pairs>",
    columns: tuple[str, str] = ("source", "target"),
) -> list[Finding]:
    """Check a Dask bag of pairs, or a Dask dataframe with ``columns`` (source, target), on
    the current Dask scheduler (a ``distributed.Client`` if one is active). Returns the
    findings in the order ``lint`` would yield them for the same pairs."""
    run = Run(registry(), config, Overrides(source_lang, target_lang))
    return run.check_dask(collection, path, columns)
