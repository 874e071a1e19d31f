"""A real Dask cluster (worker processes on loopback) gives the serial run's findings."""

from __future__ import annotations

import json

import mixed_corpus
import pytest

import lintr
from lintr.cli import commands as cli

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus.build(tmp_path_factory.mktemp("dask-corpus"))


def _check(capsys, monkeypatch, folder, *options):
    monkeypatch.chdir(folder)
    status = cli.main(["check", ".", "--format", "json", "--no-progress", *options])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_scheduler_address_gives_the_serial_output(cluster, corpus, capsys, monkeypatch):
    serial = _check(capsys, monkeypatch, corpus, "--jobs", "1")
    assert json.loads(serial[1])["summary"]["findings"] > 30
    on_cluster = _check(
        capsys, monkeypatch, corpus, "--scheduler", cluster.scheduler_address, "--batch-size", "40"
    )
    assert on_cluster == serial


def _key(f) -> tuple:
    loc = f.location
    return (loc.path, loc.line, loc.column, f.rule, f.message, f.fingerprint)


def test_lint_dask_on_a_bag_gives_what_lint_gives(cluster):
    pairs = mixed_corpus.news_pairs(200) + mixed_corpus.EXTRA
    serial = [_key(f) for f in lintr.lint(pairs)]
    assert len(serial) > 20 and any(k[3] == "length-ratio" for k in serial)
    with distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        bag = db.from_sequence(pairs, npartitions=5)
        assert [_key(f) for f in lintr.lint_dask(bag)] == serial
