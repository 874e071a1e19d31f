"""Table-driven aligner cases: tests/alignment.yml (lintr.align).

Sentence cases align the units of one pair with ``search.align`` (SENTENCE priors, the
default length model of the language pair), as the missing-sentence rule does inside a
pair. Paragraph cases build two Documents and align them with ``document_pairs``, as
for a bilingual text or two files that are not line-aligned. Beads are written
"source indices-target indices": "0-0", "1,2-1", "3-" (no target), "-4" (no source).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from lintr.align.beads import BEADS, PARAGRAPH, SENTENCE, Unit, units
from lintr.align.costs import (
    ANCHOR_REWARD,
    NUMBER_MISMATCH,
    SIM_REWARD,
    AnchorCosts,
    Parts,
    anchor_weights,
    parts_overlap,
)
from lintr.align.documents import document_pairs
from lintr.align.length import LengthModel
from lintr.align.refine import _slide_gap, refine
from lintr.align.search import _diagonal_band, _search, _search_vectorised, align
from lintr.model import Document, Segment

CASES_FILE = Path(__file__).parent / "alignment.yml"


def load_cases() -> list[dict]:
    return yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def _params():
    for case in load_cases():
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"{case['level']}::{case['name']}", marks=marks)


def bead(source: range | list[int], target: range | list[int]) -> str:
    return ",".join(map(str, source)) + "-" + ",".join(map(str, target))


def parse(text: str) -> tuple[list[int], list[int]]:
    left, _, right = text.partition("-")
    return [int(i) for i in left.split(",") if i], [int(j) for j in right.split(",") if j]


def sentence_beads(case, src, tgt) -> list[str]:
    model = LengthModel(tgt.relative_length / src.relative_length)
    beads = align(units(case["source"], src), units(case["target"], tgt), model, SENTENCE)
    return [bead(rs, rt) for rs, rt in beads]


def _document(texts: list[str], side: str, lang: str) -> Document:
    path = f"doc.{lang}.txt"
    # One paragraph every other line, blank lines between them, as a reader would give them.
    segments = [Segment(text, path, 2 * i + 1, 1) for i, text in enumerate(texts)]
    return Document(path, side, lang, segments)


def paragraph_beads(case, src, tgt, dictionary=None) -> list[str]:
    source = _document(case["source"], "source", src.code)
    target = _document(case["target"], "target", tgt.code)
    out = []
    for pair in document_pairs(source, target, src, tgt, dictionary=dictionary):
        rs = [(s.line - 1) // 2 for s in pair.source.segments]
        rt = [(t.line - 1) // 2 for t in pair.target.segments]
        out.append(bead(rs, rt))
    return out


def test_cases_are_well_formed():
    cases = load_cases()
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    for case in cases:
        assert case["level"] in ("sentence", "paragraph"), case["name"]
        assert all(isinstance(t, str) and t.strip() for t in case["source"] + case["target"])
        # The expected beads cover every unit of both sides once, in order.
        sources, targets = [], []
        for text in case["expected"]:
            rs, rt = parse(text)
            assert rs or rt, (case["name"], text)
            sources += rs
            targets += rt
        assert sources == list(range(len(case["source"]))), case["name"]
        assert targets == list(range(len(case["target"]))), case["name"]


@pytest.mark.parametrize("case", list(_params()))
def test_align(registry, case):
    src = registry.languages.get(case.get("source_lang", "ar"))
    tgt = registry.languages.get(case.get("target_lang", "en"))
    if case["level"] == "sentence":
        assert sentence_beads(case, src, tgt) == case["expected"]
        return
    dictionary = None
    if case.get("dictionary"):
        dictionary = registry.dictionaries.between(src.code, tgt.code)
        if dictionary is None or dictionary[0].name != case["dictionary"]:
            pytest.skip(f"the {case['dictionary']} dictionary is not installed")
    assert paragraph_beads(case, src, tgt, dictionary) == case["expected"]


def test_vectorised_search_agrees_with_the_plain_one(registry):
    """Long documents take the numpy search; it must find the same path as the plain one."""
    import random

    rng = random.Random(3)
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    words_ar = "قال المصدر إن الجيش تقدم نحو المدينة بعد معارك عنيفة في المنطقة".split()
    words_en = "the source said the army advanced towards the city after fierce battles".split()
    src, tgt = [], []
    for i in range(400):
        k = rng.randint(5, 25)
        number = f" {rng.randint(2, 900)}" if rng.random() < 0.3 else ""
        src.append(" ".join(rng.choices(words_ar, k=k)) + number + ".")
        if i % 37 != 5:  # a few sentences lost in translation
            tgt.append(" ".join(rng.choices(words_en, k=int(k * 1.3))) + number + ".")
    s_units, t_units = units(src, ar), units(tgt, en)
    model = LengthModel(1.3, 3.0)
    lows, highs = _diagonal_band(len(s_units), len(t_units), 16)
    plain = _search(s_units, t_units, model, lows, highs, SENTENCE)
    vectorised = _search_vectorised(s_units, t_units, model, lows, highs, SENTENCE)
    assert vectorised == plain


NEAR_DUPLICATES_AR = [
    "حدثنا مالك عن نافع عن عبد الله بن دينار قال نهى رسول الله عن بيع الثمر حتى يبدو صلاحه.",
    "وحدثنا يحيى عن قتادة عن أبي موسى قال نهى رسول الله عن بيع الثمر حتى يبدو صلاحه.",
    "وحدثنا زهير عن سفيان عن أنس قال نهى رسول الله عن بيع الثمر حتى يبدو صلاحه.",
    "وحدثنا شعبة عن حماد عن عمر قال نهى رسول الله عن بيع الثمر حتى يبدو صلاحه.",
    "وحدثنا هشام عن عروة عن سعيد بن المسيب قال نهى رسول الله عن بيع الثمر حتى يبدو صلاحه.",
]
NEAR_DUPLICATES_EN = [  # the translation of the second hadith (Abu Musa) is lost
    "Ibn Dinar reported: The Messenger of Allah forbade selling fruit before it was ripe.",
    "Anas reported: The Messenger of Allah forbade selling fruit before it was ripe.",
    "'Umar reported: The Messenger of Allah forbade selling fruit before it was ripe.",
    "Sa'id b. al-Musayyib reported: The Messenger of Allah forbade selling fruit before it was"
    " ripe.",
]


@pytest.mark.parametrize(
    "wrong", [["0-0", "1-1", "2-", "3-2", "4-3"], ["0-0", "1,2-1", "3-2", "4-3"]]
)
def test_second_look_finds_the_lost_near_duplicate(registry, wrong):
    """Five hadiths that differ only in their narrators, the translation of the second one
    lost: a path that leaves the third unpaired (or merges the second into it) is put right
    by refine, which weighs the narrators' names by how rare they are among the
    neighbours: Anas (a name of two consonants, too ambiguous for the first pass), not "the
    Messenger of Allah", tells the third from the second."""
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    s_units = units(NEAR_DUPLICATES_AR, ar)
    t_units = units(NEAR_DUPLICATES_EN, en)
    model = LengthModel(1.1, 3.0)
    beads = [tuple(map(_range, parse(b))) for b in wrong]
    fixed = refine(beads, s_units, t_units, NEAR_DUPLICATES_AR, NEAR_DUPLICATES_EN, ar, en, model)
    assert [bead(rs, rt) for rs, rt in fixed] == ["0-0", "1-", "2-1", "3-2", "4-3"]


def test_second_look_keeps_a_right_path(registry):
    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    s_units = units(NEAR_DUPLICATES_AR, ar)
    t_units = units(NEAR_DUPLICATES_EN, en)
    right = ["0-0", "1-", "2-1", "3-2", "4-3"]
    beads = [tuple(map(_range, parse(b))) for b in right]
    model = LengthModel(1.1, 3.0)
    fixed = refine(beads, s_units, t_units, NEAR_DUPLICATES_AR, NEAR_DUPLICATES_EN, ar, en, model)
    assert [bead(rs, rt) for rs, rt in fixed] == right


@pytest.mark.parametrize("side", [0, 1])
@pytest.mark.parametrize(
    ("cheaper_by", "expected"),
    [(0.1, ["0-0", "1-1", "2-"]), (0.0, ["0-0", "1-", "2-1"]), (-0.1, ["0-0", "1-", "2-1"])],
)
def test_a_gap_slides_to_any_strictly_cheaper_place(side, cheaper_by, expected):
    """A unit unpaired between 1-1 beads: the second look moves the gap wherever the window
    costs less, however little less; not where it costs the same or more. Either side may
    hold the gap (the expected beads are written source-target for side 0 and swapped for
    side 1)."""
    window = [tuple(map(_range, parse(b))) for b in ["0-0", "1-", "2-1"]]
    if side == 1:
        window = [(rt, rs) for rs, rt in window]
    # Unit 1 of the gap's side renders the other side's unit 1 a little better (or not)
    # than unit 2 does; a gap at unit 0 is dear.
    prices = {(1, 1): 1.0 - cheaper_by, (2, 1): 1.0, (1, 0): 2.0}

    def cost(xs, ys, near):
        mine, theirs = (xs, ys) if side == 0 else (ys, xs)
        return prices.get((mine[0], theirs[0]), 1.0)

    moved = _slide_gap(window, 1, side, cost)
    if side == 1:
        moved = [(rt, rs) for rs, rt in moved]
    assert [bead(rs, rt) for rs, rt in moved] == expected


def _range(indices: list[int]) -> range:
    return range(indices[0], indices[-1] + 1) if indices else range(0)


# The dynamic programme inside pairs (lintr.align.search._search) skips beads it can prove
# too dear and prices the rest from precomputed parts. Below, the search as first written, cell by cell
# with every bead priced in full, is the reference it must agree with bead for bead.


def _reference_overlap(a: frozenset, b: frozenset, weights: dict) -> float:
    import math

    shared = a & b
    cost = -2 * NUMBER_MISMATCH * sum(1 for x in shared if x[0] == "#")
    if not weights:
        return cost - ANCHOR_REWARD * sum(1 for x in shared if x[0] != "^")
    cost -= ANCHOR_REWARD * sum(1 for x in shared if x[0] not in "^~")
    w_shared = math.fsum(weights.get(x, 0.0) for x in shared)
    if w_shared:
        w_a = math.fsum(weights.get(x, 0.0) for x in a)
        w_b = math.fsum(weights.get(x, 0.0) for x in b)
        cost -= SIM_REWARD * 2 * w_shared / (w_a + w_b)
    return cost


def _reference_search(src, tgt, model, lows, highs, priors, weights):
    import math

    n, m = len(src), len(tgt)
    inf = math.inf
    cost = {(0, 0): 0.0}
    back = {}
    for i in range(n + 1):
        for j in range(lows[i], highs[i] + 1):
            if i == 0 and j == 0:
                continue
            best, best_k = inf, 0
            for k, (di, dj) in enumerate(BEADS):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < lows[pi] or pj > highs[pi]:
                    continue
                prev = cost.get((pi, pj), inf)
                if prev == inf:
                    continue
                c = prev + priors[(di, dj)]
                if di and dj:
                    a, b = src[pi:i], tgt[pj:j]
                    c += model.cost(sum(u.length for u in a), sum(u.length for u in b))
                    numbers = sum(1 for u in (*a, *b) for x in u.anchors if x[0] == "#")
                    overlap = 0.0
                    if any(ua.anchors & ub.anchors for ua in (a[0], a[-1]) for ub in b):
                        overlap = _reference_overlap(
                            frozenset().union(*(u.anchors for u in a)),
                            frozenset().union(*(u.anchors for u in b)),
                            weights or {},
                        )
                    c += NUMBER_MISMATCH * numbers + overlap
                if c < best:
                    best, best_k = c, k
            cost[(i, j)], back[(i, j)] = best, best_k
    beads, i, j = [], n, m
    while i or j:
        di, dj = BEADS[back[(i, j)]]
        beads.append((range(i - di, i), range(j - dj, j)))
        i, j = i - di, j - dj
    return beads[::-1]


def _random_units(rng, count: int, lexicon: bool) -> list:
    made = []
    for _ in range(count):
        anchors = {f"#{rng.randint(1, 6)}" for _ in range(rng.choice((0, 0, 1, 2)))}
        anchors |= {f"~{rng.choice('abcdefgh')}xy" for _ in range(rng.randint(0, 3))}
        if rng.random() < 0.2:
            anchors.add("?")
        if lexicon:
            anchors |= {f"^w{rng.randint(1, 12)}" for _ in range(rng.randint(0, 6))}
        made.append(Unit(rng.randint(1, 160), frozenset(anchors)))
    return made


@pytest.mark.parametrize("lexicon", [False, True])
def test_search_agrees_with_the_reference_search(lexicon):
    import random

    rng = random.Random(11 + lexicon)
    for case in range(400):
        n = rng.randint(1, 9)
        m = n if case % 2 else max(1, n + rng.randint(-2, 2))  # square ones prune cells
        src, tgt = _random_units(rng, n, lexicon), _random_units(rng, m, lexicon)
        weights = anchor_weights(src, tgt)
        model = LengthModel(rng.uniform(0.8, 1.6), rng.choice((1.0, 6.8)), math.inf)
        if case % 3 == 0:
            model = LengthModel(model.ratio, model.variance)  # the capped cost
        band = rng.choice((1, 2, 8))
        lows, highs = _diagonal_band(n, m, band)
        for priors in (SENTENCE, PARAGRAPH):
            expected = _reference_search(src, tgt, model, lows, highs, priors, weights)
            assert _search(src, tgt, model, lows, highs, priors, weights) == expected


def test_bead_overlap_is_the_reference_overlap():
    import random

    rng = random.Random(5)
    for _ in range(300):
        src, tgt = _random_units(rng, 3, True), _random_units(rng, 3, True)
        for weights in (anchor_weights(src, tgt), {}):
            costs = AnchorCosts(src, tgt, weights)
            for pi, i, pj, j in ((0, 1, 0, 1), (0, 2, 1, 2), (1, 3, 0, 2), (0, 3, 0, 3)):
                a = frozenset().union(*(u.anchors for u in src[pi:i]))
                b = frozenset().union(*(u.anchors for u in tgt[pj:j]))
                expected = _reference_overlap(a, b, weights)
                assert (
                    parts_overlap(Parts.of(a, weights), Parts.of(b, weights), weights) == expected
                )
                if costs.shares[pi] & sum(1 << y for y in range(pj, j)):
                    assert costs.overlap(pi, i, pj, j) == expected


def test_anchors_find_urls_and_addresses(registry):
    from lintr.align.anchors import anchors

    en = registry.languages.get("en")
    found = anchors("Write to info@example.org or see https://example.org/a and www.x.org.", en)
    assert {"@info@example.org", "@https://example.org/a", "@www.x.org."} <= found
    assert not any(a.startswith("@") for a in anchors("No address here: a@b is not one.", en))


def test_word_set_word_by_word_equals_normalising_the_whole_text(registry):
    """lexicon.word_set takes each word's form from a cache; it must give what normalising
    the whole text and then cutting it into words gives (marks and tatweel inside words,
    the small alef by ى, alef forms)."""
    import random

    from pyarabic import araby

    from lintr.align import lexicon

    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    rng = random.Random(4)
    letters = list("بتجحدرسصعفقكلمنهوي ءآأؤإئاىة .،-1") + list(araby.TASHKEEL)
    letters += [araby.TATWEEL, araby.SMALL_ALEF, "\u0670ى", "ى\u0670", "Ab", "İK", "prayers"]
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        normal = ar.normalize(text)
        whole = frozenset(
            ar.word_forms.stem(w)
            for w in lexicon._WORD.findall(normal)
            if len(w) >= lexicon.MIN_LENGTH
        )
        assert lexicon.word_set(text, ar) == whole
        latin = frozenset(
            en.word_forms.stem(w.lower())
            for w in lexicon._WORD.findall(text)
            if len(w) >= lexicon.MIN_LENGTH
        )
        assert lexicon.word_set(text, en) == latin


def test_lexicon_anchors_word_by_word(registry):
    """Lexicon.anchors_in caches each written word's anchors: the same as the lexicon's
    anchors of the text's word set."""
    import random

    from lintr.align import lexicon

    ar, en = registry.languages.get("ar"), registry.languages.get("en")
    found = lexicon.Lexicon(
        {
            "صلا": frozenset({"prayer", "pray"}),
            "وضوء": frozenset({"ablution"}),
            "كتاب": frozenset({"book"}),
        }
    )
    rng = random.Random(6)
    ar_words = ["الصلاة", "صلاته", "وَالصَّلَاةُ", "الوضوء", "كتاب", "بالكتاب", "قال", "في", "ـكتابـ"]
    en_words = ["Prayer", "prayers", "pray", "ablution", "books", "book", "the", "He", "a"]
    for _ in range(500):
        text_ar = " ".join(rng.choices(ar_words, k=rng.randint(0, 8)))
        text_en = " ".join(rng.choices(en_words, k=rng.randint(0, 8)))
        expected_s = found.source_anchors(lexicon.word_set(text_ar, ar))
        expected_t = found.target_anchors(lexicon.word_set(text_en, en))
        assert found.anchors_in(text_ar, ar, "source") == expected_s
        assert found.anchors_in(text_en, en, "target") == expected_t


def test_shared_anchor_bits_are_the_same_for_sentences_and_documents():
    """_shares tests every pair of units for a pair's few sentences and indexes anchors
    for documents (testing every pair of 20,000 units took minutes): same bits either way."""
    import random

    from lintr.align.costs import _PAIRWISE_SHARES, _shares

    rng = random.Random(7)
    vocab = [f"#{n}" for n in range(40)] + [f"^w{n}" for n in range(40)]
    for n_src, n_tgt in ((5, 6), (40, 45)):
        src = [Unit(10, frozenset(rng.sample(vocab, rng.randint(0, 4)))) for _ in range(n_src)]
        tgt = [Unit(10, frozenset(rng.sample(vocab, rng.randint(0, 4)))) for _ in range(n_tgt)]
        expected = [sum(1 << y for y, t in enumerate(tgt) if s.anchors & t.anchors) for s in src]
        assert (n_src * n_tgt <= _PAIRWISE_SHARES) == (n_src == 5)
        assert _shares(src, tgt) == expected
