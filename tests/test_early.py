"""Early batches: the pool's first batches are checked before the length model is learned,
and the rules that read it run again on those pairs once it is. Nothing of it may show."""

from __future__ import annotations

import json
import pickle

import mixed_corpus
import pytest

from lintr.cli import commands as cli
from lintr.readers import ReadContext
from lintr.readers.tsv import TsvReader
from lintr.run import batches, engine
from lintr.run.batches import Batch, Checker, ModelPending, finished, finishing


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The mixed corpus, its news.tsv followed by pairs of three sentences whose translation
    lacks the middle one (for the alignment inside pairs, which reads the length model)."""
    folder = mixed_corpus.build(tmp_path_factory.mktemp("corpus"))
    news = folder / "news.tsv"
    rows = [line.split("\t") for line in news.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if len(r) == 2 and r[0].strip() and r[1].strip()]
    merged = []
    for i in range(0, 90, 3):
        (a, x), (b, _), (c, z) = rows[i : i + 3]
        merged.append(f"{a} {b} {c}\t{x} {z}")
    with news.open("a", encoding="utf-8") as out:
        out.write("\n".join(merged) + "\n")
    return folder


def _findings(result):
    return sorted(
        (f.sort_key(), f.fingerprint, f.severity, f.detail or "") for f in result.findings
    )


def test_an_early_batch_finishes_with_what_a_whole_check_finds(corpus, registry):
    ctx = ReadContext(registry.languages, "ar", "en")
    stream = TsvReader().scan([str(corpus / "news.tsv")], ctx)
    src, tgt = registry.languages.generic("ar"), registry.languages.generic("en")
    model = engine.stream_model(stream, src, tgt)
    spec = tuple((rule_id, (), None) for rule_id in registry.rules)
    part = stream.part(0, stream.count)
    whole = Checker(registry).check(Batch(0, spec, "ar", "en", [], "a", part, model))
    checker = Checker(registry)
    early = checker.check(Batch(0, spec, "ar", "en", [], "b", part, None, early=True))
    # The sentence alignment inside pairs reads the model: its rules wait on many pairs.
    assert len(early.pending) > 10 and not early.redo
    rest = finishing(Batch(0, spec, "ar", "en", [], "b", part, None, early=True), early, model)
    assert rest is not None and rest.only == tuple(early.pending)
    done = finished(early, pickle.loads(pickle.dumps(checker.check(rest))))
    assert _findings(done) == _findings(whole)
    assert any(f.rule == "missing-sentence" for f in done.findings)
    assert done.pairs == whole.pairs == stream.count
    # Rule by rule: one pickle of the whole dict also records which objects two states
    # share, and that depends on the per-process word caches, not on what the states hold.
    assert list(done.states) == list(whole.states)
    for rule_id, state in whole.states.items():
        assert pickle.dumps(done.states[rule_id]) == pickle.dumps(state), rule_id


def _check(capsys, monkeypatch, folder, *options):
    monkeypatch.chdir(folder)
    status = cli.main(["check", "news.tsv", "--format", "jsonl", "--no-progress", *options])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("size", ["7", "64", "500"])
def test_one_input_alone_gives_the_same_output_with_early_batches(
    corpus, capsys, monkeypatch, size
):
    reference = _check(capsys, monkeypatch, corpus, "--jobs", "1")
    assert "missing-sentence" in reference[1]
    assert _check(capsys, monkeypatch, corpus, "--jobs", "2", "--batch-size", size) == reference


def test_a_corpus_rule_that_reads_the_model_has_its_batch_checked_again(
    corpus, capsys, monkeypatch, registry
):
    from lintr_plugins.rules.length import length_ratio as length

    original = length.LengthRatio.collect_batch

    def reading(self, pairs):
        assert pairs[0].length_model  # raises ModelPending in an early batch
        return original(self, pairs)

    monkeypatch.setattr(length.LengthRatio, "collect_batch", reading)
    stream = TsvReader().scan([str(corpus / "news.tsv")], ReadContext(registry.languages))
    early = Batch(0, (("length-ratio", (), None),), "ar", "en", [], "c", stream.part(0, 9))
    early.early = True
    result = Checker(registry).check(early)
    assert result.redo and "length-ratio" not in result.crashed
    again = finishing(early, result, "the model")
    assert again is not None and again.only is None and not again.early
    reference = _check(capsys, monkeypatch, corpus, "--jobs", "1", "--batch-size", "9")
    assert _check(capsys, monkeypatch, corpus, "--jobs", "2", "--batch-size", "9") == reference
    assert json.loads(reference[1].splitlines()[-1])["rule"] != "internal-error"


def test_a_model_kept_past_its_early_pair_is_an_internal_error_not_a_crash(
    corpus, capsys, monkeypatch
):
    """A rule that keeps an early pair's model in its corpus state sends it back to the
    parent like any state (it pickles), and using it there is reported as that rule's
    failure, with the other rules' findings, instead of a traceback."""
    from lintr_plugins.rules.length import length_ratio as length

    kept = pickle.loads(pickle.dumps(batches.UNLEARNED))  # not imported: pytest would probe it
    with pytest.raises(ModelPending):
        bool(kept)

    def finalize(self, state):
        bool(kept)
        yield from ()

    monkeypatch.setattr(length.LengthRatio, "finalize", finalize)
    status, out = _check(capsys, monkeypatch, corpus, "--jobs", "1")
    errors = [json.loads(line) for line in out.splitlines() if "internal-error" in line]
    assert status == 2
    assert len(errors) == 1 and "length-ratio" in errors[0]["message"]
    assert "used after its check" in errors[0]["message"]
    assert any(json.loads(line)["rule"] == "missing-sentence" for line in out.splitlines())
