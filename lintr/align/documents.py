"""The aligner's entry points: the pairs of two documents (aligned in two passes, a lexicon
learned from the first, then a second look) and of a bitext (in order where it is
line-aligned, aligned otherwise)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from lintr.align import lexicon
from lintr.align.beads import PARAGRAPH, Bead, Unit, one_to_one, units, with_lexicon
from lintr.align.length import SAMPLE, LengthModel, corpus_model, fallback_model, learn
from lintr.align.refine import LOCAL_WEIGHT, LOCAL_WEIGHT_WITH_DICTIONARY, refine
from lintr.align.search import align
from lintr.analysis.numbers import scanner_for
from lintr.languages.dictionaries import Dictionary
from lintr.languages.profile import LanguageProfile
from lintr.model import Document, Location, Pair, PairSide, Segment


def document_pairs(
    source: Document,
    target: Document,
    src: LanguageProfile,
    tgt: LanguageProfile,
    model: LengthModel | None = None,
    dictionary: tuple[Dictionary, bool] | None = None,
) -> Iterator[Pair]:
    """Align two documents whose segments are not known to correspond (paragraphs of a
    bilingual text, two files with different line counts) and yield the pairs.
    ``dictionary``: a bilingual dictionary of the pair and whether it is the other way round
    (lintr.languages.dictionaries), whose translations join what the document teaches itself."""
    fallback = model or fallback_model(src, tgt)
    s_units = _with_number_words(units([s.text for s in source.segments], src), source, src)
    t_units = _with_number_words(units([s.text for s in target.segments], tgt), target, tgt)
    total_s, total_t = sum(u.length for u in s_units), sum(u.length for u in t_units)
    first = LengthModel(
        total_t / total_s if total_s and total_t else fallback.ratio, fallback.variance
    )
    beads = align(s_units, t_units, first, PARAGRAPH)
    # Second pass: the variance the document itself shows on its confident 1-1 beads.
    learned = learn(
        [
            (s_units[b[0][0]].length, t_units[b[1][0]].length)
            for b in beads
            if len(b[0]) == 1 and len(b[1]) == 1
        ],
        first,
    )
    s_texts = [s.text for s in source.segments]
    t_texts = [t.text for t in target.segments]
    s_sets = [lexicon.word_set(text, src) for text in s_texts]
    t_sets = [lexicon.word_set(text, tgt) for text in t_texts]
    found = _document_lexicon(beads, s_sets, t_sets)
    if dictionary is not None:
        found = _with_dictionary(found, dictionary, beads, s_sets, t_sets, src, tgt)
    if found is not None:
        s_units, t_units = with_lexicon(s_units, t_units, s_texts, t_texts, found, src, tgt)
        learned = replace(learned, lexicon=found)
    if learned != first or found is not None:
        beads = align(s_units, t_units, learned, PARAGRAPH, near=beads)
    if found is not None:
        weight = LOCAL_WEIGHT if dictionary is None else LOCAL_WEIGHT_WITH_DICTIONARY
        beads = refine(beads, s_units, t_units, s_texts, t_texts, src, tgt, learned, weight)
    yield from _to_pairs(beads, source.segments, target.segments, src, tgt, learned)


# Numbers written in words, as lintr.analysis.numbers reads them (not "one", which is often no number).
_WORD_KINDS = frozenset({"words", "ordinal", "fraction", "dual"})


def _with_number_words(found: list[Unit], document: Document, profile) -> list[Unit]:
    """The units with the numbers their text writes in words among their anchors, as
    numbers: قتل ثلاثة جنود and "Three soldiers were killed" then share one, and a unit
    whose number the other side lacks pays the mismatch (on hadith text, recall of a
    deleted line +0.02-0.04 over two seeds). Only here, for the units of a document: the
    anchors of every sentence inside every pair (lintr.align.anchors) are a hot path. Only the
    word scanner runs (about 15 µs a unit): the digits are anchors already."""
    scanner = scanner_for(profile)
    if scanner is None:
        return found
    out = []
    for unit, segment in zip(found, document.segments, strict=True):
        words = {f"#{v.value}" for v in scanner.scan(segment.text, []) if v.kind in _WORD_KINDS}
        out.append(Unit(unit.length, unit.anchors | words) if words - unit.anchors else unit)
    return out


def _with_dictionary(found, dictionary, beads, s_sets, t_sets, src, tgt) -> lexicon.Lexicon | None:
    """``found`` with the translations ``dictionary`` confirms in the document
    (lexicon.with_dictionary), counted over the units the first pass put near each other;
    ``s_sets``, ``t_sets``: the units' word sets (lexicon.word_set)."""
    d, reverse = dictionary
    pairs = _near_pairs(beads, s_sets, t_sets)
    other = src if reverse else tgt
    return lexicon.with_dictionary(
        found, pairs, s_sets, t_sets, d.translations, other, reverse, d.match
    )


# How far from its place on the first path a unit's words are counted with the other side's.
DICTIONARY_REACH = 1


def _near_pairs(beads: list[Bead], s_sets, t_sets) -> list[tuple[frozenset, frozenset]]:
    """Each source unit's words with those of every target unit at most DICTIONARY_REACH
    from where the first pass put it. Not only its 1-1 partner: a first pass over short
    units (a software catalogue's messages) often shifts a stretch by one around a lost
    unit, and a unit it left unpaired still sits next to its translation. On 12 short
    messages with one deleted, in each place and both directions, the dictionary put 17 of
    24 gaps where the deletion was, against 10 from the 1-1 pairs alone and 8 without it."""
    pairs: list[tuple[frozenset, frozenset]] = []
    cursor = 0  # the first target unit after the beads so far
    for rs, rt in beads:
        if rt:
            lo, hi = rt[0], rt[-1]
            cursor = hi + 1
        else:
            lo, hi = cursor - 1, cursor
        window = range(max(0, lo - DICTIONARY_REACH), min(len(t_sets), hi + DICTIONARY_REACH + 1))
        pairs.extend((s_sets[i], t_sets[k]) for i in rs for k in window)
    return pairs


def _document_lexicon(beads, s_sets, t_sets) -> lexicon.Lexicon | None:
    """What the confident 1-1 pairs of a first pass teach (lintr.align.lexicon), from the units'
    word sets."""
    return lexicon.learn([(s_sets[b[0][0]], t_sets[b[1][0]]) for b in beads if one_to_one(b)])


def _to_pairs(
    beads, s_segs: list[Segment], t_segs: list[Segment], src, tgt, model: LengthModel
) -> Iterator[Pair]:
    last_s: Segment | None = None
    last_t: Segment | None = None
    for index, (rs, rt) in enumerate(beads):
        s = tuple(s_segs[i] for i in rs)
        t = tuple(t_segs[j] for j in rt)
        pair = Pair(PairSide(s, src, "source"), PairSide(t, tgt, "target"), index=index)
        pair.length_model = model
        if not t and t_segs:
            pair.anchor = _gap(last_t, t_segs, tgt, "target")
        elif not s and s_segs:
            pair.anchor = _gap(last_s, s_segs, src, "source")
        last_s = s[-1] if s else last_s
        last_t = t[-1] if t else last_t
        yield pair


def _gap(last: Segment | None, segments: list[Segment], profile, side) -> Location:
    """Where a missing counterpart belongs: after the last paired segment of that side, or
    before its first one."""
    if last is None:
        return PairSide((segments[0],), profile, side).location(0, 0)
    return PairSide((last,), profile, side).end_location()


def pair_in_order(
    source: Document,
    target: Document,
    src: LanguageProfile,
    tgt: LanguageProfile,
    model: LengthModel | None = None,
) -> Iterator[Pair]:
    """Segment i with segment i: for inputs known to be line-aligned (TSV, equal line counts)."""
    for i, (s, t) in enumerate(zip(source.segments, target.segments, strict=True)):
        pair = Pair(PairSide((s,), src, "source"), PairSide((t,), tgt, "target"), index=i)
        pair.length_model = model
        yield pair


def bitext_pairs(
    bitext,
    src: LanguageProfile,
    tgt: LanguageProfile,
    dictionary: tuple[Dictionary, bool] | None = None,
) -> tuple[Iterator[Pair], str]:
    """The pairs of a bitext: in order where it is line-aligned, aligned otherwise (with
    ``dictionary``, as document_pairs). The second value is a note for the user when lintr
    aligned lines it was expected to pair."""
    source, target = bitext.source, bitext.target
    fallback = fallback_model(src, tgt)
    if bitext.line_aligned and len(source.segments) == len(target.segments):
        step = max(1, len(source.segments) // SAMPLE)  # a sample is enough to learn from
        sample = [
            (s.text, t.text)
            for s, t in zip(source.segments[::step], target.segments[::step], strict=True)
        ]
        model = corpus_model(sample, src, tgt, fallback)
        return pair_in_order(source, target, src, tgt, model), ""
    note = ""
    if bitext.line_aligned:
        n, m = len(source.segments), len(target.segments)
        note = (
            f"{source.path} has {n} line{'s' if n != 1 else ''} and {target.path} {m}: "
            "aligning them instead of pairing line by line"
        )
        source.segments = [s for s in source.segments if s.text.strip()]
        target.segments = [s for s in target.segments if s.text.strip()]
    return document_pairs(source, target, src, tgt, fallback, dictionary), note
