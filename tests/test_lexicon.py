"""``lexicon.learn`` against the plain reading of its rule: source and target words that
share at least MIN_TOGETHER pairs, with a Dice coefficient of at least MIN_DICE, and each
in at least MIN_TOGETHER and at most MAX_SHARE of the pairs."""

from __future__ import annotations

import random

from lintr.align import lexicon


def plain_learn(pairs):
    if len(pairs) < lexicon.MIN_PAIRS:
        return {}
    if len(pairs) > lexicon.MAX_PAIRS:
        pairs = random.Random(len(pairs)).sample(list(pairs), lexicon.MAX_PAIRS)
    limit = max(lexicon.MIN_TOGETHER, lexicon.MAX_SHARE * len(pairs))
    s_df = {w: sum(w in s for s, _ in pairs) for s, _ in pairs for w in s}
    t_df = {w: sum(w in t for _, t in pairs) for _, t in pairs for w in t}
    found: dict[str, set[str]] = {}
    for s in s_df:
        for t in t_df:
            if not (lexicon.MIN_TOGETHER <= s_df[s] <= limit):
                continue
            if not (lexicon.MIN_TOGETHER <= t_df[t] <= limit):
                continue
            c = sum(s in a and t in b for a, b in pairs)
            if c >= lexicon.MIN_TOGETHER and 2 * c / (s_df[s] + t_df[t]) >= lexicon.MIN_DICE:
                found.setdefault(s, set()).add(t)
    return found


def random_pairs(n: int, seed: int) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Pairs where source word i is usually translated by target word i, with noise."""
    rnd = random.Random(seed)
    pairs = []
    for _ in range(n):
        picked = rnd.sample(range(40), rnd.randint(1, 6))
        source = {f"s{i}" for i in picked} | {f"x{rnd.randrange(30)}"}
        target = {f"t{i}" for i in picked if rnd.random() < 0.8} | {f"y{rnd.randrange(30)}"}
        pairs.append((frozenset(source), frozenset(target)))
    return pairs


def test_learn_finds_what_the_plain_reading_finds():
    for n, seed in ((39, 1), (40, 2), (120, 3), (400, 4)):
        pairs = random_pairs(n, seed)
        learned = lexicon.learn(pairs)
        expected = plain_learn(pairs)
        expected = {s: frozenset(t) for s, t in expected.items()}
        assert (learned.forward if learned else {}) == expected
        if n >= 120:
            assert learned is not None and "t3" in learned.forward.get("s3", ())


def test_learn_samples_large_inputs_the_same_way(monkeypatch):
    monkeypatch.setattr(lexicon, "MAX_PAIRS", 150)
    pairs = random_pairs(500, 5)
    learned = lexicon.learn(pairs)
    assert learned is not None
    assert learned.forward == {s: frozenset(t) for s, t in plain_learn(pairs).items()}


def test_both_ways_of_counting_agree():
    pairs = random_pairs(300, 6)
    s_df = lexicon.Counter(w for s, _ in pairs for w in s)
    t_df = lexicon.Counter(w for _, t in pairs for w in t)
    by_product = lexicon.Counter(
        (s, t) for a, b in pairs for s in a for t in b if s_df[s] >= 1 and t_df[t] >= 1
    )
    windows, targets = lexicon._windows(s_df, t_df, set(s_df), set(t_df))
    by_bits = lexicon._together_by_bits(pairs, windows, targets)
    for (s, t), c in by_product.items():
        reachable = t_df[t] <= 3 * s_df[s] and s_df[s] <= 3 * t_df[t]
        if c >= lexicon.MIN_TOGETHER and reachable:
            assert by_bits[(s, t)] == c
        else:
            assert (s, t) not in by_bits
    assert set(by_bits) <= set(by_product)
