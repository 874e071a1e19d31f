"""One defect, one finding (lintr.findings.subsume): what a missing or added text explains is
reported as notes of it, decided by places, the same whatever the batches and processes."""

from __future__ import annotations

import json

import pytest
from conftest import run_lintr

from lintr import lint
from lintr.findings.subsume import Subsumer, inside, span
from lintr.model import Finding, Location, Related, Severity
from lintr.rules.base import Rule

# A pair whose English drops the middle sentence of the Arabic, with three numbers and a
# quotation in it: four rules see the loss, one defect.
LOST = (
    "قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا في جنيف. وأوضح أن الجولة السابقة التي "
    "عقدت في فيينا في 14 شباط انتهت بعد 3 أيام دون اتفاق بين 5 وفود على «جدول الأعمال». "
    "وأضاف أن الوفد سيصل صباحاً.",
    "The ministry spokesman said the talks would resume tomorrow in Geneva. He added that the "
    "delegation would arrive in the morning.",
)
ARGS = ("--source-lang", "ar", "--target-lang", "en", "--no-progress")


def _tsv(path, rows) -> None:
    path.write_text("".join(f"{s}\t{t}\n" for s, t in rows), encoding="utf-8")


def _json(proc) -> list[dict]:
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


# --- the stage on findings ---------------------------------------------------------------


class _Gap(Rule):
    """A gap."""

    id = "gap"
    gaps = True


class _Inside(Rule):
    """A pair rule."""

    id = "inside"


class _Pair(Rule):
    """About its whole pair."""

    id = "whole"
    scope = "corpus"
    covered = "pair"


class _Never(Rule):
    """Never covered."""

    id = "never"
    covered = "never"


class _Corpus(Rule):
    """A corpus rule whose notes point at other pairs."""

    id = "corpus"
    scope = "corpus"


RULES = {cls.id: cls for cls in (_Gap, _Inside, _Pair, _Never, _Corpus)}


def _at(col: int, end: int | None = None, line: int = 1, path: str = "a.tsv") -> Location:
    return Location(path, line, col, line, col if end is None else end)


def _f(rule, loc, related=(), severity=Severity.WARNING, fingerprint="f") -> Finding:
    notes = tuple(Related(r, "note") for r in related)
    return Finding(rule, severity, f"{rule} message", loc, notes, fingerprint=fingerprint)


def test_a_point_is_inside_from_after_the_first_character_to_the_end():
    gap = span(_at(10, 20))
    assert inside(span(_at(12, 15)), gap)
    assert inside(span(_at(10, 20)), gap)
    assert inside(span(_at(20)), gap)  # the end of a lost last sentence: its final mark
    assert not inside(span(_at(10)), gap)  # "the source starts here", before a lost first one
    assert not inside(span(_at(15, 21)), gap)
    assert not inside(span(_at(12, 15, path="b.tsv")), gap)


def test_findings_inside_a_gap_become_its_notes_with_the_gaps_severity_raised():
    gap = _f("gap", _at(10, 40))
    by_place = _f("inside", _at(12, 14), severity=Severity.ERROR)
    by_note = _f("inside", _at(50, 90), [_at(30, 32)], severity=Severity.ERROR)  # note inside
    outside = _f("inside", _at(45, 47))
    never = _f("never", _at(20, 22))
    own = _f("input-error", _at(20, 21))  # lintr's own: no rule class, never covered
    kept = Subsumer(RULES).batch([gap, by_place, by_note, outside, never, own])
    assert kept == [gap, outside, never, own]
    assert gap.severity is Severity.ERROR  # --fail-on error still fails on it
    (note,) = gap.related
    assert note.location == by_place.location
    assert note.message.startswith("also 2 inside findings from here on, part of the same")
    assert note.message.endswith("the first: inside message")


def test_an_info_gap_is_a_hint_and_takes_in_no_surer_finding():
    gap = _f("gap", _at(10, 40), severity=Severity.INFO)
    warning = _f("inside", _at(12, 14))
    info = _f("inside", _at(15, 16), severity=Severity.INFO)
    assert Subsumer(RULES).batch([gap, warning, info]) == [gap, warning]
    assert gap.severity is Severity.INFO
    assert [n.message for n in gap.related] == [
        "also inside here, part of the same defect: inside message"
    ]


def test_two_gaps_that_point_at_each_other_are_one_misalignment_kept_on_the_source_side():
    source, target = _at(1, 30), _at(40, 70)
    missing = _f("gap", Location("a.tsv", 1, 1, 1, 30, "source"), [target])
    added = _f("gap", Location("a.tsv", 1, 40, 1, 70, "target"), [source])
    number = _f("inside", _at(45, 47))  # inside the translation: the same misalignment
    assert Subsumer(RULES).batch([added, number, missing]) == [missing]
    assert [n.location for n in missing.related] == [target, number.location]
    # Two gaps of one pair that do not point at each other are two defects.
    other = _f("gap", _at(40, 70), [_at(35)])
    assert len(Subsumer(RULES).batch([missing, other])) == 2


def test_corpus_findings_are_matched_to_the_gaps_of_the_run_and_noted_when_read_back():
    gap = _f("gap", _at(10, 40), fingerprint="0123")
    stage = Subsumer(RULES)
    stage.batch([gap])
    length = _f("whole", _at(50, 90), [_at(1, 48)], severity=Severity.INFO)  # the whole pair
    name = _f("corpus", _at(20, 25))  # a name inside the gap
    name_note_only = _f("corpus", _at(95, 99, line=2), [_at(20, 25)])  # first used in the gap
    elsewhere = _f("whole", _at(50, 90, line=2), [_at(1, 48, line=2)])
    assert list(stage.corpus([length, name, name_note_only, elsewhere])) == [
        name_note_only,
        elsewhere,
    ]
    read_back = _f("gap", _at(10, 40), fingerprint="0123-2")  # numbered, from disk
    stage.amend(read_back)
    assert [n.location for n in read_back.related] == [name.location, length.location]
    assert read_back.severity is Severity.WARNING


def test_kept_gaps_get_the_corpus_notes_in_place():
    gap = _f("gap", _at(10, 40))
    stage = Subsumer(RULES, keep=True)
    stage.batch([gap])
    assert list(stage.corpus([_f("whole", _at(50, 90), [_at(1, 48)])])) == []
    assert gap.related[0].message.startswith("also whole here")


# --- end to end ----------------------------------------------------------------------------


def test_a_lost_passage_is_one_finding_and_its_numbers_are_its_notes(tmp_path):
    _tsv(tmp_path / "one.tsv", [LOST])
    (finding,) = _json(run_lintr("check", "one.tsv", *ARGS, "--format", "json", cwd=tmp_path))
    assert finding["rule"] == "missing-sentence"
    assert finding["severity"] == "error"  # the numbers' severity: --fail-on error fails
    assert finding["side"] is None
    notes = [r["message"] for r in finding["related"]]
    assert notes[0] == "no counterpart in this English target"
    assert notes[1].startswith("also numeral-mismatch here, part of the same defect: 3 numbers")
    # Each rule alone still reports what it sees.
    alone = run_lintr(
        "check", "one.tsv", *ARGS, "--select", "numeral-mismatch", "--format", "json", cwd=tmp_path
    )
    assert [f["rule"] for f in _json(alone)] == ["numeral-mismatch"]  # one, listing 3


def test_an_ignored_gap_takes_nothing_in(tmp_path):
    _tsv(tmp_path / "one.tsv", [LOST])
    (tmp_path / "lintr.toml").write_text(
        '[per-file-ignores]\n"one.tsv" = ["missing-sentence"]\n', encoding="utf-8"
    )
    found = _json(run_lintr("check", "one.tsv", *ARGS, "--format", "json", cwd=tmp_path))
    assert [f["rule"] for f in found] == ["numeral-mismatch"]


def _corpus() -> list[tuple[str, str]]:
    rows = []
    for i in range(60):
        rows.append(
            (
                f"وصل الوفد رقم {i + 1} إلى المدينة صباحاً وعقد اجتماعاً مع المسؤولين.",
                f"Delegation number {i + 1} arrived in the city in the morning and met officials.",
            )
        )
    rows[7] = LOST
    rows[41] = LOST
    return rows


@pytest.mark.parametrize("extra", [("--jobs", "2"), ("--batch-size", "7"), ("--batch-size", "1")])
def test_the_same_findings_whatever_the_batches_and_processes(tmp_path, extra):
    _tsv(tmp_path / "c.tsv", _corpus())
    base = run_lintr("check", "c.tsv", *ARGS, "--format", "json", cwd=tmp_path)
    other = run_lintr("check", "c.tsv", *ARGS, "--format", "json", *extra, cwd=tmp_path)
    assert other.stdout == base.stdout
    found = _json(base)
    assert [(f["rule"], f["line"]) for f in found] == [
        ("missing-sentence", 8),
        ("missing-sentence", 42),
    ]


def test_the_pairs_length_ratio_is_a_note_of_its_missing_sentence(tmp_path, monkeypatch):
    rows = _corpus()
    _tsv(tmp_path / "c.tsv", rows)
    (tmp_path / "lintr.toml").write_text(
        "[rules.length-ratio]\nthreshold = 2.0\n", encoding="utf-8"
    )
    only = run_lintr("check", "c.tsv", *ARGS, "--select", "length-ratio", "--format", "json",
                     cwd=tmp_path)  # fmt: skip
    assert [f["line"] for f in _json(only)] == [8, 42]  # it does flag the two pairs
    proc = run_lintr("check", "c.tsv", *ARGS, "--format", "json", cwd=tmp_path)
    found = _json(proc)
    assert [f["rule"] for f in found] == ["missing-sentence", "missing-sentence"]
    for finding in found:
        assert any(r["message"].startswith("also length-ratio here") for r in finding["related"])
    # The same read back from disk (findings spilled) and from Python, streaming or not.
    import lintr.run.spill as spill
    from lintr.api import registry
    from lintr.run import Overrides, Run

    monkeypatch.setattr(spill, "SPILL_AT", 1)
    monkeypatch.chdir(tmp_path)
    run = Run(registry(), overrides=Overrides("ar", "en"), jobs=1)
    spilled = list(run.check(run.plan(["c.tsv"])).findings)
    assert [f.rule for f in spilled] == ["missing-sentence", "missing-sentence"]
    assert [
        [(r.location.line, r.location.column, r.message) for r in f.related] for f in spilled
    ] == [[(r["line"], r["column"], r["message"]) for r in f["related"]] for f in found]
    config = {"rules": {"length-ratio": {"threshold": 2.0}}}
    streamed = list(lint(rows, config, path="c.tsv"))
    assert [f.rule for f in streamed] == ["missing-sentence", "missing-sentence"]
    for finding in streamed:
        assert any(r.message.startswith("also length-ratio here") for r in finding.related)
