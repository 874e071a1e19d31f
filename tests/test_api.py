"""lintr.lint: the Python API gives what the command line gives for the same pairs."""

from __future__ import annotations

import json

import mixed_corpus
import pytest

import lintr
from lintr.cli import commands as cli
from lintr.config.settings import ConfigError

PAIRS = mixed_corpus.news_pairs(240) + mixed_corpus.EXTRA


def _key(f) -> tuple:
    loc = f.location
    return (loc.path, loc.line, loc.column, f.rule, f.message, f.fingerprint)


def test_lint_matches_lintr_check_on_the_same_pairs_as_a_tsv(tmp_path, capsys, monkeypatch):
    rows = "".join(f"{s}\t{t}\n" for s, t in PAIRS)
    (tmp_path / "pairs.tsv").write_text(rows, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli.main(
        ["check", "pairs.tsv", "--source-lang", "ar", "--target-lang", "en", "--format", "json"]
    )
    expected = [
        (f["path"], f["line"], f["column"], f["rule"], f["message"], f["fingerprint"])
        for f in json.loads(capsys.readouterr().out)["findings"]
    ]
    found = sorted(_key(f) for f in lintr.lint(PAIRS, path="pairs.tsv"))
    assert len(expected) > 30
    assert found == expected
    assert {"length-ratio", "doubled-word", "numeral-mismatch"} <= {k[3] for k in found}


def test_lint_streams_and_does_not_depend_on_the_batch_size():
    whole = [_key(f) for f in lintr.lint(iter(PAIRS), batch_size=1000)]
    assert [_key(f) for f in lintr.lint(iter(PAIRS), batch_size=3)] == whole


def test_lint_takes_a_configuration_table_and_dicts():
    pairs = [{"source": s, "target": t} for s, t in PAIRS]
    config = {"select": ["doubled-word"], "rules": {"doubled-word": {"severity": "error"}}}
    found = list(lintr.lint(pairs, config))
    assert found and {f.rule for f in found} == {"doubled-word"}
    assert {str(f.severity) for f in found} == {"error"}


def test_a_bad_configuration_names_the_key():
    with pytest.raises(ConfigError, match="selct"):
        list(lintr.lint(PAIRS[:1], {"selct": ["doubled-word"]}))


def test_lint_on_a_process_pool_matches_one_process():
    from lintr.run.pool import PoolExecutor

    serial = [_key(f) for f in lintr.lint(PAIRS, batch_size=20)]
    pool = PoolExecutor(lintr.api.registry(), 2)
    assert [_key(f) for f in lintr.lint(PAIRS, batch_size=20, executor=pool)] == serial
