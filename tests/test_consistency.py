"""Corpus consistency rules: the same findings however the corpus is cut into batches and
merged, and the team's files (names, glossary) read from the configuration's folder."""

from __future__ import annotations

import json
import pickle
import random

import pytest
from conftest import run_lintr

from lintr.corpus import sketch
from lintr.model import Pair, PairSide, Segment

CORPUS_RULES = ("inconsistent-transliteration", "spelling-variant", "inconsistent-translation")

# Names in several spellings, a misspelling in context, repeated segments translated two
# ways, one translation for two sources: every rule has something to find.
TEMPLATES = [
    ("عن أبي هريرة قال رسول الله", "Abu Huraira reported the Messenger of Allah said"),
    ("عن أبي هريرة قال رسول الله", "Abu Hurayrah reported that the Messenger of Allah said"),
    ("حدثنا عمر بن الخطاب", "'Umar b. al-Khattab told us"),
    ("حدثنا عمر بن الخطاب", "Umar b. al-Khattab told us"),
    ("جيش المغاوير في الحسكة", "the Ğayš al-Maġāwīr in al-Ḥasaka"),
    ("جيش المغاوير في الحسكة", "the Ğayš al-Maġāwir in al-Hasaka"),
    ("هجوم على الجيش السوري اليوم", "an attack on the Syrian Army today"),
    ("هجوم على الجيش السوري اليوم", "an attack on the Syrian Arms today"),
    ("قالت المرأة إنها ذهبت", "an attack on the Syrian Army today"),
    ("دعم استخباراتي كبير للتنظيم", "major intelligence support for the organisation"),
    ("دعم استحباراتي كبير للتنظيم", "major intelligence support for the organisation"),
]


RARE = (7, 10)  # the misspellings: once each, or they would not be rare


def _corpus(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    weights = [0 if i in RARE else w for i, w in enumerate([8, 2, 6, 3, 3, 1, 9, 0, 1, 9, 0])]
    texts = rng.choices(TEMPLATES, weights=weights, k=n)
    for i in RARE:
        texts.insert(rng.randrange(len(texts)), TEMPLATES[i])
    return texts


def _pairs(texts, registry) -> list[Pair]:
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    pairs = []
    for i, (src, tgt) in enumerate(texts):
        source = PairSide((Segment(src, "c.tsv", i + 1, 1),), ar, "source")
        target = PairSide((Segment(tgt, "c.tsv", i + 1, len(src) + 2),), en, "target")
        pairs.append(Pair(source, target, i))
    return pairs


def _signature(findings) -> list[tuple]:
    return [
        (
            f.rule,
            f.severity,
            f.message,
            f.location,
            tuple((r.location, r.message) for r in f.related),
            f.detail,
        )
        for f in findings
    ]


def _one_batch(rule, pairs):
    state = rule.collect(pairs[0])
    for pair in pairs[1:]:
        state = rule.merge(state, rule.collect(pair))
    return _signature(rule.finalize(state))


def _batched(rule, pairs, rng: random.Random):
    """Random batches, each collected in order, then merged in a random tree, each state
    sent through pickle as it would be to and from a worker process."""
    cuts = sorted(rng.sample(range(1, len(pairs)), k=min(len(pairs) - 1, rng.randint(1, 12))))
    batches = [pairs[a:b] for a, b in zip([0, *cuts], [*cuts, len(pairs)], strict=True)]
    states = []
    for batch in batches:
        state = rule.collect(batch[0])
        for pair in batch[1:]:
            state = rule.merge(state, rule.collect(pair))
        states.append(pickle.loads(pickle.dumps(state)))
    return _merged_in_random_order(rule, states, rng)


@pytest.mark.parametrize("rule_id", CORPUS_RULES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_one_batch_and_many_batches_merged_agree(registry, rule_id, seed, monkeypatch):
    # A tiny pending limit: the sketch's arrays are used (and added) in every grouping.
    monkeypatch.setattr(sketch, "PENDING_LIMIT", 7)
    cls = registry.rules[rule_id]
    options = {"same-target": True} if rule_id == "inconsistent-translation" else {}
    texts = _corpus(150, seed)
    expected = _one_batch(cls(options), _pairs(texts, registry))
    assert expected, f"{rule_id} found nothing: the test would prove nothing"
    rng = random.Random(seed)
    for _ in range(4):
        assert _batched(cls(options), _pairs(texts, registry), rng) == expected


# Few places kept per word or spelling, so that a process's record of the words whose
# first places it has all seen comes into play.
FEW_PLACES = {
    "inconsistent-transliteration": {"max-locations": 2},
    "spelling-variant": {"max-rare": 2},
    "inconsistent-translation": {"max-locations": 2, "same-target": True},
}


def _pure(cls, options, pairs):
    """Each pair collected by a rule instance of its own (no bookkeeping carried from pair
    to pair), the states merged in order: what any batching must reproduce."""
    state = cls(options).collect(pairs[0])
    for pair in pairs[1:]:
        state = cls(options).merge(state, cls(options).collect(pair))
    return _signature(cls(options).finalize(state))


def _workers(cls, options, pairs, rng: random.Random):
    """Batches collected whole (``collect_batch``) by 1-3 worker processes, each with one
    rule instance that sees its batches in order or shuffled, then merged in a random tree."""
    cuts = sorted(rng.sample(range(1, len(pairs)), k=rng.randint(1, 12)))
    batches = [pairs[a:b] for a, b in zip([0, *cuts], [*cuts, len(pairs)], strict=True)]
    workers = [[] for _ in range(rng.randint(1, 3))]
    for batch in batches:
        rng.choice(workers).append(batch)
    states = []
    for mine in workers:
        rule = cls(options)
        if rng.random() < 0.5:
            rng.shuffle(mine)
        states += [pickle.loads(pickle.dumps(rule.collect_batch(b))) for b in mine]
    return _merged_in_random_order(cls(options), states, rng)


def _merged_in_random_order(rule, states: list, rng: random.Random):
    """The signature of the findings of ``states`` shuffled and merged as a random tree."""
    rng.shuffle(states)
    while len(states) > 1:
        i = rng.randrange(len(states) - 1)
        states[i : i + 2] = [rule.merge(states[i], states[i + 1])]
    return _signature(rule.finalize(states[0]))


@pytest.mark.parametrize("rule_id", CORPUS_RULES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_whole_batches_on_several_workers_agree_with_pairs_alone(registry, rule_id, seed):
    cls = registry.rules[rule_id]
    options = FEW_PLACES[rule_id]
    texts = _corpus(150, seed)
    expected = _pure(cls, options, _pairs(texts, registry))
    assert expected, f"{rule_id} found nothing: the test would prove nothing"
    rng = random.Random(seed)
    for _ in range(6):
        assert _workers(cls, options, _pairs(texts, registry), rng) == expected


def test_a_worker_kept_between_runs_forgets_the_last_run():
    """A worker process (a Dask worker) keeps its rules from batch to batch; a second run on
    a file that sorts after the first must not be taken for the first run's continuation."""
    from lintr import api
    from lintr.run.batches import Checker
    from lintr.run.engine import SerialExecutor

    texts = _corpus(120, 4)
    config = {"rules": {"inconsistent-transliteration": {"max-locations": 2}}}

    def lint(path, executor=None):
        found = api.lint(texts, config, path=path, executor=executor, batch_size=7)
        return [(f.rule, f.message, f.location.line) for f in found]

    shared = SerialExecutor(Checker(api.registry()))
    lint("a.tsv", shared)
    fresh = lint("b.tsv")
    assert fresh and lint("b.tsv", shared) == fresh


def test_sketch_counts_do_not_depend_on_what_was_pending(monkeypatch):
    monkeypatch.setattr(sketch, "PENDING_LIMIT", 3)
    keys = [f"k{i % 5}" for i in range(40)]
    whole, parts = sketch.Sketch(), [sketch.Sketch() for _ in range(4)]
    for i, key in enumerate(keys):
        whole.add(key)
        parts[i % 4].add(key)
    merged = parts[3]
    for part in parts[:3]:
        merged.absorb(part)
    assert [whole.count(f"k{i}") for i in range(6)] == [8, 8, 8, 8, 8, 0]
    assert [merged.count(f"k{i}") for i in range(6)] == [8, 8, 8, 8, 8, 0]


def _project(tmp_path, config: str, glossary: str = "", names: str = ""):
    (tmp_path / "team").mkdir()
    (tmp_path / "lintr.toml").write_text(config, encoding="utf-8")
    if glossary:
        (tmp_path / "team" / "glossary.tsv").write_text(glossary, encoding="utf-8")
    if names:
        (tmp_path / "team" / "names.tsv").write_text(names, encoding="utf-8")
    rows = [
        "هجوم على الجيش السوري\tAn attack on the Syrian Arms",
        "قاتل جيش المغاوير\tThe Maghawir fought",
    ]
    (tmp_path / "corpus.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


CONFIG = """source-lang = "ar"
target-lang = "en"
[rules.glossary]
glossary-file = "team/glossary.tsv"
[rules.inconsistent-transliteration]
names-file = "team/names.tsv"
"""


def test_team_files_are_read_from_the_config_folder(tmp_path):
    _project(tmp_path, CONFIG, "الجيش السوري\tSyrian Army\tSyrian Arms\n", "Maġāwīr\tالمغاوير\n")
    proc = run_lintr("check", "corpus.tsv", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = {(f["rule"], f["line"], f["column"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("glossary", 1, 40) in found
    assert ("inconsistent-transliteration", 2, 23) in found


@pytest.mark.parametrize(
    "glossary,names,needle",
    [
        (None, "Maġāwīr\n", "cannot read"),
        ("الجيش السوري\n", "Maġāwīr\n", "glossary.tsv:1: expected a source term"),
        ("الجيش\tarmy\n", "Maġāwīr\ta\tb\tc\n", "names.tsv:1: expected a spelling"),
    ],
)
def test_bad_team_files_are_one_line_errors(tmp_path, glossary, names, needle):
    _project(tmp_path, CONFIG, glossary or "", names)
    if glossary is None:
        (tmp_path / "team" / "glossary.tsv").unlink(missing_ok=True)
    proc = run_lintr("check", "corpus.tsv", cwd=tmp_path)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_the_word_caches_may_start_again_at_any_point(registry, monkeypatch):
    """Past the bound of the per-process word caches they start again, even in the middle
    of a batch: the findings do not change."""
    from lintr import text
    from lintr_plugins.rules.transliteration import inconsistent_transliteration as transliteration

    cls = registry.rules["inconsistent-transliteration"]
    texts = _corpus(80, 5)
    expected = _pure(cls, {}, _pairs(texts, registry))
    monkeypatch.setattr(text, "CACHE_LIMIT", 3)
    monkeypatch.setattr(transliteration, "CACHE_LIMIT", 3)
    monkeypatch.setattr(text, "CHUNK_LIMIT", 3)  # and the per-chunk caches
    monkeypatch.setattr(transliteration, "CHUNK_LIMIT", 3)
    rule = cls({})
    pairs = _pairs(texts, registry)
    state = rule.collect_batch(pairs[:40])
    state = rule.merge(state, rule.collect_batch(pairs[40:]))
    assert _signature(rule.finalize(state)) == expected


@pytest.mark.parametrize("seed", [1, 2])
def test_the_translation_memory_moved_to_disk_gives_the_same_findings(registry, seed, monkeypatch):
    """Previews moved to a temporary file every few bytes, states pickled and merged in any
    order: the same findings as in memory."""
    from lintr.corpus import occurrences

    cls = registry.rules["inconsistent-translation"]
    options = FEW_PLACES["inconsistent-translation"]
    texts = _corpus(150, seed)
    expected = _pure(cls, options, _pairs(texts, registry))
    monkeypatch.setattr(occurrences, "PREVIEW_SPILL", 50)
    monkeypatch.setattr(occurrences, "RUN_SIZE", 7)
    monkeypatch.setattr(occurrences, "FENCE", 3)
    rng = random.Random(seed)
    for _ in range(4):
        assert _workers(cls, options, _pairs(texts, registry), rng) == expected
    rule = cls(options)
    state = rule.collect_batch(_pairs(texts, registry))
    assert state.by_source._flushed > 0
    assert len(state.by_source._runs) > 3
    assert _signature(rule.finalize(pickle.loads(pickle.dumps(state)))) == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_name_places_from_chunks_are_the_places_of_the_words(registry, seed, monkeypatch):
    """Names are placed from the offsets of the side's chunks where one character separates
    them, from a split of the text otherwise: the same places either way."""
    from lintr_plugins.rules.transliteration import inconsistent_transliteration as transliteration

    rng = random.Random(seed)
    gaps = [" ", " ", " ", "\t", "\n", "  ", "\u00a0", " \u200f"]
    texts = []
    for src, tgt in _corpus(120, seed):
        spaced = "".join(w + rng.choice(gaps) for w in tgt.split())
        texts.append((src, rng.choice(["", " ", "\n"]) + spaced.rstrip(rng.choice([" ", ""]))))
    cls = registry.rules["inconsistent-transliteration"]
    options = {"max-locations": 3}
    by_chunks = _one_batch(cls(options), _pairs(texts, registry))
    monkeypatch.setattr(
        transliteration.InconsistentTransliteration,
        "_name_spans",
        lambda self, side, analysed: self._spans_by_split(side.text),
    )
    assert _one_batch(cls(options), _pairs(texts, registry)) == by_chunks
    assert by_chunks  # the corpus has inconsistent names to place
