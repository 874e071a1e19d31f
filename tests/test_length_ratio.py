"""length-ratio: the corpus-scope rule (collect/merge/finalize) and its way through the engine."""

from __future__ import annotations

import json
import math
import pickle
import random
import re
from functools import reduce

import pytest
from conftest import run_lintr

from lintr.model import Pair, PairSide, Segment, Severity

RULE = "length-ratio"
PATH = "corpus.tsv"
AR_WORDS = ["كتب", "المدينة", "الحكومة", "قال", "مشروعاً", "في", "الأمن", "دمشق", "وزارة"]
EN_WORDS = ["the", "city", "government", "said", "project", "in", "security", "Damascus"]


def _text(rng: random.Random, words: list[str], chars: int) -> str:
    """Words up to about ``chars`` characters (not counting spaces)."""
    out, length = [], 0
    while length < chars:
        word = rng.choice(words)
        out.append(word)
        length += len(word)
    return " ".join(out)


def _pair(registry, source: str | None, target: str | None, line: int, path=PATH) -> Pair:
    langs = registry.languages
    src = () if source is None else (Segment(source, path, line, 1),)
    tgt = () if target is None else (Segment(target, path, line, len(source or "") + 2),)
    return Pair(
        PairSide(src, langs.get("ar"), "source"),
        PairSide(tgt, langs.get("en"), "target"),
        index=line,
    )


def _corpus(n: int, seed: int = 7, ratio: float = 1.35, sigma: float = 0.08):
    """(source, target) texts whose length ratios scatter around ``ratio``, like a corpus."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        chars = int(min(max(rng.lognormvariate(math.log(250), 0.5), 40), 1500))
        source = _text(rng, AR_WORDS, chars)
        factor = ratio * math.exp(rng.gauss(0, sigma))
        rows.append((source, _text(rng, EN_WORDS, int(chars * factor))))
    return rows


def _rule(registry, **options):
    cls = registry.rules[RULE]
    return cls({k.replace("_", "-"): v for k, v in options.items()})


def _run(rule, pairs) -> list:
    state = reduce(rule.merge, (rule.collect(p) for p in pairs))
    return list(rule.finalize(state))


def _view(findings) -> list:
    return [
        (f.location, f.severity, f.message, f.detail, tuple(f.related), f.rule) for f in findings
    ]


def test_rule_is_registered_as_corpus_scope(registry):
    cls = registry.rules[RULE]
    assert cls.scope == "corpus"
    # A hint: most outliers of loose translations are defensible.
    assert cls.severity is Severity.INFO
    assert cls.covered == "pair"
    assert {"threshold", "min-chars", "min-pairs"} <= set(cls.options)
    assert "collect" in cls.doc() or "corpus" in cls.doc()


def test_planted_outliers_are_flagged_and_nothing_else(registry):
    rows = _corpus(2000)
    rng = random.Random(1)
    long_at, short_at = {150, 1200}, {400, 1777}
    for line in long_at:  # a sentence repeated: the target is 3 times what it should be
        source, target = rows[line - 1]
        rows[line - 1] = (source, " ".join([target] * 3))
    for line in short_at:  # truncated: a quarter of the target left
        source, target = rows[line - 1]
        rows[line - 1] = (source, _text(rng, EN_WORDS, len(target) // 4))
    pairs = [_pair(registry, s, t, line) for line, (s, t) in enumerate(rows, 1)]
    findings = _run(_rule(registry), pairs)

    assert [f.location.line for f in findings] == sorted(long_at | short_at)
    for finding in findings:
        line = finding.location.line
        source, target = rows[line - 1]
        assert finding.rule == RULE and finding.severity is Severity.INFO
        assert finding.side is None  # about the pair as a whole
        # At the target text, with a note at the source.
        assert finding.location.column == len(source) + 2
        assert finding.location.end_column == len(source) + 2 + len(target)
        (note,) = finding.related
        assert (note.location.line, note.location.column) == (line, 1)
        assert "characters" in note.message
        assert "corpus norm 1.3" in finding.message
        if line in long_at:
            assert "added or repeated text?" in finding.message
            assert finding.message.startswith("target is 4.")
        else:
            assert "truncated or missing sentences?" in finding.message
            assert re.match(r"target is 0\.[1-4]\d*x", finding.message)


def test_norm_is_learned_not_fixed(registry):
    """A corpus whose targets are all twice the default ratio is the norm, not 2,000 findings;
    one that keeps to the language pair's default ratio then stands out."""
    rows = _corpus(2000, ratio=2.5)
    pairs = [_pair(registry, s, t, line) for line, (s, t) in enumerate(rows, 1)]
    source, _ = rows[0]
    pairs.append(_pair(registry, source, _text(random.Random(2), EN_WORDS, len(source)), 9999))
    findings = _run(_rule(registry), pairs)
    assert [f.location.line for f in findings] == [9999]
    assert re.search(r"corpus norm 2\.\dx", findings[0].message)
    assert "truncated or missing sentences?" in findings[0].message


def test_short_and_one_sided_pairs_are_skipped(registry):
    rule = _rule(registry, min_chars=20)
    for source, target in [
        ("قال", "He said that it was going to happen quite soon."),  # 3 / 37: kept
        ("نعم", "Yes, indeed."),  # both under 20 characters
        ("مرحبا بكم في المدينة القديمة", None),  # no target: missing-sentence's business
        ("مرحبا بكم في المدينة القديمة", "   "),  # empty: empty-translation's business
        (None, "An added caption under the photograph."),
        ("", "An added caption under the photograph."),
    ]:
        state = rule.collect(_pair(registry, source, target, 1))
        kept = state.pairs()
        assert kept == (1 if source == "قال" else 0), (source, target)


def test_small_file_falls_back_to_the_language_pair_default(registry):
    rule = _rule(registry)
    rows = _corpus(10, ratio=1.25, sigma=0.1)
    source = rows[3][0]
    rows[3] = (source, " ".join([rows[3][1]] * 5))  # 5x the default ratio
    rows[6] = (rows[6][0], _text(random.Random(3), EN_WORDS, int(len(rows[6][0]) * 1.9)))
    pairs = [_pair(registry, s, t, line) for line, (s, t) in enumerate(rows, 1)]
    findings = _run(rule, pairs)
    assert [f.location.line for f in findings] == [4]
    # Arabic -> English: relative_length 1.0 / 0.8.
    assert "Arabic -> English default 1.25x" in findings[0].message
    assert "added or repeated text?" in findings[0].message


def test_fallback_catches_a_truncated_target(registry):
    source = _text(random.Random(4), AR_WORDS, 400)
    findings = _run(_rule(registry), [_pair(registry, source, "The minister said.", 1)])
    assert len(findings) == 1
    assert "truncated or missing sentences?" in findings[0].message


def _batches(items: list, sizes: list[int]) -> list[list]:
    out, start = [], 0
    for size in sizes:
        out.append(items[start : start + size])
        start += size
    if start < len(items):
        out.append(items[start:])
    return [b for b in out if b]


def _state_of(rule, pairs, sizes: list[int], tree: bool):
    """Collect each batch into one state, then merge the batch states (a tree or a fold)."""
    states = [
        reduce(rule.merge, (rule.collect(p) for p in batch)) for batch in _batches(pairs, sizes)
    ]
    if tree:
        while len(states) > 1:
            merged = [rule.merge(a, b) for a, b in zip(states[::2], states[1::2], strict=False)]
            states = merged + ([states[-1]] if len(states) % 2 else [])
        return states[0]
    return reduce(lambda a, b: rule.merge(b, a), reversed(states))


@pytest.mark.parametrize("max_candidates", [1000, 3])
def test_merge_is_independent_of_the_batch_split(registry, max_candidates):
    rows = _corpus(1500, seed=11, sigma=0.12)
    rng = random.Random(5)
    for i in rng.sample(range(len(rows)), 40):  # outliers both ways
        source, target = rows[i]
        rows[i] = (source, target * 3 if i % 2 else target[: len(target) // 5])
    # Pairs from a second file, and another language pair (French -> English).
    pairs = [_pair(registry, s, t, line) for line, (s, t) in enumerate(rows, 1)]
    pairs += [_pair(registry, s, t, line, "other.tsv") for line, (s, t) in enumerate(rows[:80], 1)]
    french = registry.languages.generic("fr")
    for pair in pairs[-30:]:
        pair.source.profile = french

    def run(sizes, tree):
        rule = _rule(registry, max_candidates=max_candidates)
        state = _state_of(rule, pairs, sizes, tree)
        snapshot = {
            key: (
                g.count,
                dict(g.hist),
                {band: sorted(heap) for band, heap in g.long.items()},
                {band: sorted(heap) for band, heap in g.short.items()},
            )
            for key, g in state.groups.items()
        }
        return snapshot, _view(rule.finalize(state))

    one_state, one_findings = run([len(pairs)], tree=False)
    assert len(one_findings) >= (40 if max_candidates > 40 else 6)
    if max_candidates == 3:  # the rest are counted in an info finding per side
        assert sum("were not kept" in f[2] for f in one_findings) == 2
    splits = [[1] * 40, [7] * 300, [500, 3, 997], [len(pairs) // 2]]
    splits.append([rng.randint(1, 200) for _ in range(40)])
    for sizes in splits:
        for tree in (False, True):
            state, findings = run(sizes, tree)
            assert state == one_state, (sizes, tree)
            assert findings == one_findings, (sizes, tree)


def test_merge_is_associative(registry):
    rule = _rule(registry, max_candidates=5)
    rows = _corpus(300, seed=3, sigma=0.3)
    pairs = [_pair(registry, s, t, line) for line, (s, t) in enumerate(rows, 1)]

    def state(part):
        return reduce(rule.merge, (rule.collect(p) for p in part))

    a, b, c = pairs[:100], pairs[100:230], pairs[230:]
    left = rule.merge(rule.merge(state(a), state(b)), state(c))
    right = rule.merge(state(a), rule.merge(state(b), state(c)))
    assert _view(rule.finalize(left)) == _view(rule.finalize(right))


def test_state_stays_small(registry):
    """Memory does not grow with the pairs: the histogram is bounded and so are the
    candidates, whatever the corpus size."""
    rule = _rule(registry, max_candidates=50)
    sizes = []
    state = None
    rows = _corpus(4000, seed=9, sigma=0.25)
    for line, (s, t) in enumerate(rows, 1):
        one = rule.collect(_pair(registry, s, t, line))
        state = one if state is None else rule.merge(state, one)
        if line in (1000, 4000):
            sizes.append(len(pickle.dumps(state)))
    (group,) = state.groups.values()
    assert group.count == 4000
    assert len(group.long) <= 50 and len(group.short) <= 50
    assert sizes[1] < sizes[0] * 1.5, sizes


def _tsv(path, rows):
    path.write_text("".join(f"{s}\t{t}\n" for s, t in rows), encoding="utf-8")


def test_cli_reports_the_outlier(tmp_path):
    rows = _corpus(300, seed=5)
    source, target = rows[99]
    rows[99] = (source, f"{target} {target} {target}")
    _tsv(tmp_path / "corpus.tsv", rows)
    args = ["check", "corpus.tsv", "--source-lang", "ar", "--target-lang", "en"]
    result = run_lintr(*args, "--select", RULE, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # info: a hint, below the default --fail-on
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in findings] == [
        (RULE, "corpus.tsv", 100, len(source) + 2)
    ]
    assert findings[0]["severity"] == "info"
    assert findings[0]["side"] is None
    assert findings[0]["related"][0]["line"] == 100
    assert "added or repeated text?" in findings[0]["message"]

    # The fingerprint survives lines inserted above the pair.
    _tsv(tmp_path / "corpus.tsv", rows[:10] + [rows[10]] * 5 + rows[10:])
    moved = run_lintr(*args, "--select", RULE, "--format", "json", cwd=tmp_path)
    (again,) = json.loads(moved.stdout)["findings"]
    assert again["line"] == 105
    assert again["fingerprint"] == findings[0]["fingerprint"]

    text = run_lintr(*args, "--select", RULE, cwd=tmp_path)
    assert f"corpus.tsv:105:{len(source) + 2}: info: target is" in text.stdout
    assert "corpus.tsv:105:1: note: the source has" in text.stdout


def test_cli_other_rules_do_not_run_it_and_explain_documents_it(tmp_path):
    rows = _corpus(100, seed=6)
    rows[5] = (rows[5][0], rows[5][1] * 4)
    _tsv(tmp_path / "corpus.tsv", rows)
    args = ["check", "corpus.tsv", "--source-lang", "ar", "--target-lang", "en"]
    ignored = run_lintr(*args, "--ignore", RULE, "--format", "jsonl", cwd=tmp_path)
    assert RULE not in ignored.stdout
    explain = run_lintr("explain", RULE)
    assert explain.returncode == 0
    assert "min-pairs" in explain.stdout and "Memory" in explain.stdout


def test_per_file_ignores_apply_to_corpus_findings(tmp_path):
    rows = _corpus(100, seed=6)
    rows[5] = (rows[5][0], rows[5][1] * 4)
    _tsv(tmp_path / "corpus.tsv", rows)
    (tmp_path / "lintr.toml").write_text(
        f'source-lang = "ar"\ntarget-lang = "en"\n[per-file-ignores]\n"corpus.tsv" = ["{RULE}"]\n'
    )
    result = run_lintr("check", "corpus.tsv", "--select", RULE, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
