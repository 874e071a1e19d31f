"""The output does not depend on how the work is split: --jobs, --batch-size, executors."""

from __future__ import annotations

import json

import mixed_corpus
import pytest

from lintr.cli import commands as cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus.build(tmp_path_factory.mktemp("corpus"))


def _check(capsys, monkeypatch, folder, *options):
    monkeypatch.chdir(folder)
    status = cli.main(["check", ".", "--format", "json", "--no-progress", *options])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_every_rule_family_is_in_the_corpus(corpus, capsys, monkeypatch):
    _, out, _ = _check(capsys, monkeypatch, corpus, "--jobs", "1")
    rules = set(json.loads(out)["summary"]["by_rule"])
    expected = {
        "doubled-word",
        "numeral-mismatch",
        "untranslated-fragment",
        "terminal-punctuation",
        "unbalanced-quotes",
        "unbalanced-brackets",
        "empty-translation",
        "untranslated-segment",
        "length-ratio",
        "missing-sentence",
        "input-error",
    }
    assert expected <= rules


@pytest.mark.parametrize(
    "options",
    [
        ("--jobs", "2"),
        ("--jobs", "2", "--batch-size", "1"),
        ("--jobs", "1", "--batch-size", "1"),
        ("--jobs", "1", "--batch-size", "7"),
        ("--jobs", "2", "--batch-size", "13"),
        ("--jobs", "1", "--batch-size", "100000"),
    ],
)
def test_output_is_identical_however_the_work_is_split(corpus, capsys, monkeypatch, options):
    reference = _check(capsys, monkeypatch, corpus, "--jobs", "1")
    assert json.loads(reference[1])["summary"]["findings"] > 30
    assert _check(capsys, monkeypatch, corpus, *options) == reference


def test_text_output_statistics_and_baseline_match_across_jobs(corpus, capsys, monkeypatch):
    for fmt in (["--format", "text"], ["--statistics"]):
        one = _check(capsys, monkeypatch, corpus, "--jobs", "1", *fmt)
        two = _check(capsys, monkeypatch, corpus, "--jobs", "2", "--batch-size", "5", *fmt)
        assert one == two
    _, out, _ = _check(capsys, monkeypatch, corpus, "--jobs", "1")
    (corpus / "baseline.json").write_text(out, encoding="utf-8")
    status, rest, _ = _check(
        capsys,
        monkeypatch,
        corpus,
        "--jobs",
        "2",
        "--batch-size",
        "3",
        "--baseline",
        "baseline.json",
    )
    assert json.loads(rest)["findings"] == [] and status == 0


def test_a_corpus_rule_that_fails_is_reported_once_whatever_the_split(corpus, capsys, monkeypatch):
    from lintr_plugins.rules.length import length_ratio as length

    calls = {"n": 0}
    original = length.LengthRatio._add  # what collect and collect_batch do for each pair

    def flaky(self, state, pair):
        calls["n"] += 1
        if pair.index == 200:
            raise RuntimeError("boom")
        return original(self, state, pair)

    monkeypatch.setattr(length.LengthRatio, "_add", flaky)
    outputs = [
        _check(capsys, monkeypatch, corpus, "--jobs", jobs, "--batch-size", size)
        for jobs, size in (("1", "500"), ("1", "9"), ("2", "9"))
    ]
    assert outputs[0] == outputs[1] == outputs[2]
    crashes = [f for f in json.loads(outputs[0][1])["findings"] if f["rule"] == "internal-error"]
    assert len(crashes) == 1 and "length-ratio" in crashes[0]["message"]
