"""Findings spilled to disk in sorted runs give the same output, byte for byte, as findings
kept in memory: every format, the summary, statistics, baselines and exit status."""

from __future__ import annotations

import json

import mixed_corpus
import pytest

from lintr.cli import commands as cli
from lintr.run import spill


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus.build(tmp_path_factory.mktemp("corpus"))


def _check(capsys, monkeypatch, folder, *options):
    monkeypatch.chdir(folder)
    status = cli.main(["check", ".", "--no-progress", "--jobs", "1", *options])
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize(
    "options",
    [
        ("--format", "json"),
        ("--format", "jsonl", "--batch-size", "5"),
        ("--format", "text"),
        ("--format", "sarif"),
        ("--statistics",),
        ("--format", "jsonl", "--select", "length-ratio,terminal-punctuation"),
    ],
)
def test_spilled_findings_give_the_same_output(corpus, capsys, monkeypatch, options):
    kept = _check(capsys, monkeypatch, corpus, *options)
    monkeypatch.setattr(spill, "SPILL_AT", 3)
    monkeypatch.setattr(spill, "CHUNK", 2)
    spilled = _check(capsys, monkeypatch, corpus, *options)
    assert spilled == kept
    assert len(kept[1].splitlines()) > 10


def test_a_baseline_and_repeated_fingerprints_after_spilling(capsys, monkeypatch, tmp_path):
    # The same defective pair on several lines: one fingerprint, numbered -2, -3...
    rows = ["ذهب الولد إلى المدرسة في الصباح.\tThe the boy went to school in the morning"] * 4
    rows += [f"وصل {n} شخصاً إلى المدينة.\t{n + 1} people reached the city." for n in range(12)]
    (tmp_path / "c.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "lintr.toml").write_text('source-lang = "ar"\ntarget-lang = "en"\n')
    _, full, _ = _check(capsys, monkeypatch, tmp_path, "--format", "jsonl")
    findings = [json.loads(line) for line in full.splitlines()]
    assert any(f["fingerprint"].endswith("-4") for f in findings)
    baseline = tmp_path / "baseline.jsonl"
    baseline.write_text("\n".join(full.splitlines()[::2]) + "\n", encoding="utf-8")
    kept = _check(capsys, monkeypatch, tmp_path, "--format", "jsonl", "--baseline", str(baseline))
    monkeypatch.setattr(spill, "SPILL_AT", 4)
    spilled = _check(
        capsys, monkeypatch, tmp_path, "--format", "jsonl", "--baseline", str(baseline)
    )
    assert spilled == kept
    assert len(kept[1].splitlines()) == len(findings) - len(findings[::2]) > 5
