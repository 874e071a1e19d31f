"""The translation memory's occurrence table (lintr/occurrences.py) against a plain Python
reading of the same occurrences, with runs on disk every few occurrences, tables merged in
a random tree and sent through pickle."""

from __future__ import annotations

import pickle
import random

import pytest

from lintr.corpus import occurrences
from lintr.corpus.occurrences import Table


def _occurrences(n: int, rng: random.Random) -> list[tuple]:
    # Digests spread over the whole 64-bit range (as blake2b's are), few of them, so that
    # many texts have several counterparts; previews differ inside one counterpart.
    keys = [rng.getrandbits(64) for _ in range(max(2, n // 6))] + [0, (1 << 64) - 1]
    others = [rng.getrandbits(64) for _ in range(3)]
    out = []
    for i in range(n):
        where = (rng.choice(["b.tsv", "a.tsv"]), rng.randint(1, 40), rng.randint(1, 9), i, i)
        out.append((rng.choice(keys), rng.choice(others), where, f"préview {i} “{rng.random()}”"))
    return out


def _expected(items: list[tuple], limit: int) -> list[tuple]:
    """Conflicts as the docstring of Table.conflicts defines them, in digest order."""
    by_key: dict[int, dict[int, list]] = {}
    for key, other, where, preview in items:
        use = by_key.setdefault(key, {}).setdefault(other, [0, preview, []])
        use[0] += 1
        use[2].append(where)
    out = []
    for key in sorted(by_key):
        uses = by_key[key]
        if len(uses) > 1:
            shown = {o: (u[0], u[1], sorted(u[2])[:limit]) for o, u in sorted(uses.items())}
            out.append((key, shown))
    return out


def _got(table: Table, limit: int) -> list[tuple]:
    return [
        (key, {o: (u.count, u.preview, u.where) for o, u in sorted(uses.items())})
        for key, uses in table.conflicts(limit)
    ]


@pytest.mark.parametrize("seed", range(6))
def test_conflicts_with_runs_on_disk_merged_in_a_random_tree(seed, monkeypatch):
    rng = random.Random(seed)
    items = _occurrences(rng.randint(50, 400), rng)
    expected = _expected(items, limit=3)
    monkeypatch.setattr(occurrences, "RUN_SIZE", rng.randint(3, 40))
    monkeypatch.setattr(occurrences, "FENCE", rng.randint(1, 5))
    monkeypatch.setattr(occurrences, "PREVIEW_SPILL", rng.randint(20, 500))
    cuts = sorted(rng.sample(range(1, len(items)), k=rng.randint(1, 15)))
    tables = []
    for a, b in zip([0, *cuts], [*cuts, len(items)], strict=True):
        table = Table()
        for item in items[a:b]:
            table.add(*item)
        if rng.random() < 0.5:
            table = pickle.loads(pickle.dumps(table))
        tables.append(table)
    while len(tables) > 1:  # neighbours merged, in a random order: merge order is kept
        i = rng.randrange(len(tables) - 1)
        tables[i].absorb(tables[i + 1])
        del tables[i + 1]
    assert len(tables[0]) == len(items)
    assert _got(tables[0], 3) == expected
    assert any(len(uses) > 2 for _, uses in expected)


def test_a_large_table_stays_small_in_memory(monkeypatch):
    """Past RUN_SIZE occurrences the arrays are emptied into a run on disk."""
    monkeypatch.setattr(occurrences, "RUN_SIZE", 100)
    table = Table()
    rng = random.Random(1)
    for key, other, where, preview in _occurrences(1000, rng):
        table.add(key, other, where, preview)
    assert len(table) == 1000
    assert len(table.keys) < 100
    assert len(table._runs) == 10
