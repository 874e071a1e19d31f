"""lintr.run.Run, the one run loop: over files and over pairs in memory it finds what the
command line finds, and a rule's failure reads as it always did."""

from __future__ import annotations

import json
import subprocess
import sys

import mixed_corpus
import pytest

from lintr.align.length import LengthModel, fallback_model
from lintr.cli import commands as cli
from lintr.findings.errors import internal_error
from lintr.model import Location
from lintr.run import CORE_RULES, Overrides, Run
from lintr_plugins.rules.length.length_ratio import LengthRatio

PAIRS = mixed_corpus.news_pairs(120) + mixed_corpus.EXTRA


def _key(f) -> tuple:
    loc = f.location
    return (loc.path, loc.line, loc.column, f.rule, f.message, f.fingerprint)


@pytest.fixture
def tsv(tmp_path, monkeypatch):
    rows = "".join(f"{s}\t{t}\n" for s, t in PAIRS)
    (tmp_path / "pairs.tsv").write_text(rows, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cli(capsys, *args: str) -> list[tuple]:
    cli.main(["check", *args, "--format", "json", "--no-progress"])
    found = json.loads(capsys.readouterr().out)["findings"]
    return [
        (f["path"], f["line"], f["column"], f["rule"], f["message"], f["fingerprint"])
        for f in found
    ]


def test_a_run_over_files_finds_what_the_command_line_finds(tsv, capsys, registry):
    expected = _cli(capsys, "pairs.tsv", "--source-lang", "ar", "--target-lang", "en")
    run = Run(registry, None, Overrides("ar", "en"))
    result = run.check(run.plan(["pairs.tsv"]))
    assert len(expected) > 20
    assert [_key(f) for f in result.findings] == expected
    assert (result.files, result.pairs) == (1, len(PAIRS))


def _unnumbered(key: tuple) -> tuple:
    """A file's findings number repeated fingerprints (``-2``), in sorted order; findings
    streamed from pairs cannot, and do not."""
    return (*key[:5], key[5].split("-")[0])


def test_a_run_over_pairs_finds_what_it_finds_over_their_file(tsv, registry):
    run = Run(registry, None, Overrides("ar", "en"))
    from_file = [_unnumbered(_key(f)) for f in run.check(run.plan(["pairs.tsv"])).findings]
    from_pairs = sorted(_key(f) for f in Run(registry).check_pairs(PAIRS, "pairs.tsv"))
    assert from_pairs == from_file
    assert {"length-ratio", "doubled-word", "numeral-mismatch"} <= {k[3] for k in from_pairs}


def test_a_run_checks_again_alike_and_batch_size_changes_nothing(tsv, registry):
    run = Run(registry, None, Overrides("ar", "en"), batch_size=7)
    work = run.plan(["pairs.tsv"])
    first = [_key(f) for f in run.check(work).findings]
    assert [_key(f) for f in run.check(work).findings] == first
    whole = [_key(f) for f in run.check_pairs(PAIRS)]
    assert [_key(f) for f in run.check_pairs(iter(PAIRS))] == whole
    assert [_key(f) for f in Run(registry, batch_size=1000).check_pairs(PAIRS)] == whole


def test_a_run_applies_overrides_and_the_baseline(tsv, capsys, registry):
    selected = _cli(capsys, "pairs.tsv", "--source-lang", "ar", "--select", "numeral-mismatch")
    assert selected and {k[3] for k in selected} == {"numeral-mismatch"}
    cli.main(["check", "pairs.tsv", "--source-lang", "ar", "--format", "json"])
    (tsv / "base.json").write_text(capsys.readouterr().out, encoding="utf-8")
    run = Run(registry, None, Overrides("ar", select=["numeral-mismatch"]))
    assert [_key(f) for f in run.check(run.plan(["pairs.tsv"])).findings] == selected
    known = Run(registry, None, Overrides("ar", baseline="base.json"))
    assert list(known.check(known.plan(["pairs.tsv"])).findings) == []


def test_a_configuration_table_selects_and_ignores_per_file(registry):
    config = {"per-file-ignores": {"pairs.tsv": ["doubled-word"]}}
    everywhere = {f.rule for f in Run(registry, config).check_pairs(PAIRS, "other.tsv")}
    ignored = {f.rule for f in Run(registry, config).check_pairs(PAIRS, "pairs.tsv")}
    assert "doubled-word" in everywhere and ignored == everywhere - {"doubled-word"}


def _boom(*args, **kwargs):
    return 1 / 0


def test_a_corpus_rule_that_fails_to_merge_is_reported_once(monkeypatch, registry):
    monkeypatch.setattr(LengthRatio, "merge", _boom)
    found = list(Run(registry, batch_size=20).check_pairs(PAIRS))
    errors = [f for f in found if f.rule == "internal-error"]
    origin = registry.origin_of(LengthRatio)
    assert [f.message for f in errors] == [
        f"rule length-ratio ({origin}) failed while merging corpus state: "
        "ZeroDivisionError: division by zero; the other rules still ran"
    ]
    assert errors[0].detail == "merge length-ratio" and errors[0].fingerprint
    assert "length-ratio" not in {f.rule for f in found}
    assert "numeral-mismatch" in {f.rule for f in found}  # the other rules still ran


def test_a_corpus_rule_that_fails_to_sum_up_is_reported_at_the_start(monkeypatch, registry):
    monkeypatch.setattr(LengthRatio, "finalize", _boom)
    found = list(Run(registry).check_pairs(PAIRS, "corpus.tsv"))
    errors = [f for f in found if f.rule == "internal-error"]
    origin = registry.origin_of(LengthRatio)
    assert [(f.location, f.message, f.detail) for f in errors] == [
        (
            Location("corpus.tsv", 1, 1),
            f"rule length-ratio ({origin}) failed while summing up the corpus: "
            "ZeroDivisionError: division by zero; the other rules still ran",
            "finalize length-ratio",
        )
    ]


def test_the_internal_error_of_a_pair_reads_as_before():
    finding = internal_error("shouting", "lintr-shouting 1.2.3", Location("a", 2, 3), KeyError("x"))
    assert finding.message == (
        "rule shouting (lintr-shouting 1.2.3) failed on this pair: KeyError: 'x'; "
        "the other rules still ran"
    )
    assert (finding.rule, str(finding.severity), finding.detail) == ("internal-error", "error", "")


def test_the_fallback_length_model_is_the_profiles_ratio(registry):
    ar, en = registry.languages.generic("ar"), registry.languages.generic("en")
    assert fallback_model(ar, en) == LengthModel(en.relative_length / ar.relative_length)
    assert fallback_model(ar, en).ratio == pytest.approx(1.25)


def test_lintrs_own_rules_belong_to_the_run_and_the_api_does_not_load_the_cli():
    assert set(CORE_RULES) == {"input-error", "internal-error"}
    code = (
        "import sys, lintr; found = list(lintr.lint([('قتل 3 جنود.', '4 soldiers were killed.')]));"
        "print(len(found), any(m.startswith('lintr.cli') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "False"]
