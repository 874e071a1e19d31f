"""Which side a finding is on: Finding.side, json/jsonl/sarif, and ``--side`` / ``side``."""

from __future__ import annotations

import json

from conftest import run_lintr

from lintr import lint
from lintr.model import Location, PairSide, Segment
from lintr.rules.base import Rule

# One pair, three findings: the Arabic source ends without a full stop (the source's),
# the English doubles a word (the target's), and a sentence of the Arabic is missing from
# the English (the pair's: the text is the source's, the translation lacking it the target's).
SOURCE = (
    "قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا في جنيف. وأوضح أن الجولة السابقة التي "
    "عقدت في فيينا انتهت دون اتفاق بين الطرفين على جدول الأعمال والمواعيد. وأضاف أن الوفد سيصل صباحاً"
)
TARGET = (
    "The ministry spokesman said the the talks would resume tomorrow in Geneva. He added that "
    "the delegation would arrive in the morning."
)
ARGS = ("--source-lang", "ar", "--target-lang", "en", "--no-progress")


def _folder(tmp_path, config: str = ""):
    (tmp_path / "news.tsv").write_text(f"{SOURCE}\t{TARGET}\n", encoding="utf-8")
    if config:
        (tmp_path / "lintr.toml").write_text(config, encoding="utf-8")
    return tmp_path


def _sides(proc) -> list[tuple[str, str | None]]:
    return [(f["rule"], f["side"]) for f in json.loads(proc.stdout)["findings"]]


ALL = [
    ("missing-sentence", None),
    ("doubled-word", "target"),
    ("terminal-punctuation", "source"),
]


def test_a_location_taken_from_a_side_knows_it_and_the_finding_takes_it(registry):
    arabic = registry.languages.get("ar")
    side = PairSide((Segment("قال المصدر.", "a.tsv", 3, 1),), arabic, "source")
    loc = side.location(0, 3)
    assert loc.side == "source"
    assert loc == Location("a.tsv", 3, 1, 3, 4)  # the side is no part of the place

    class Probe(Rule):
        """Probe."""

        id = "probe"

    assert Probe().finding("m", loc).side == "source"
    assert Probe().finding("m", loc, side=None).side is None
    assert Probe().finding("m", Location("a.tsv", 1, 1)).side is None


def test_json_and_jsonl_say_the_side_of_each_finding(tmp_path):
    folder = _folder(tmp_path)
    proc = run_lintr("check", "news.tsv", *ARGS, "--format", "json", cwd=folder)
    assert proc.returncode == 1, proc.stderr
    assert sorted(_sides(proc), key=str) == sorted(ALL, key=str)
    lines = run_lintr("check", "news.tsv", *ARGS, "--format", "jsonl", cwd=folder)
    assert [json.loads(line)["side"] for line in lines.stdout.splitlines()] == [
        f["side"] for f in json.loads(proc.stdout)["findings"]
    ]


def test_sarif_has_the_side_as_a_property(tmp_path):
    proc = run_lintr("check", "news.tsv", *ARGS, "--format", "sarif", cwd=_folder(tmp_path))
    results = json.loads(proc.stdout)["runs"][0]["results"]
    assert sorted((r["ruleId"], r["properties"]["side"]) for r in results) == sorted(ALL, key=str)


def test_side_target_shows_the_targets_findings_and_the_pairs(tmp_path):
    folder = _folder(tmp_path)
    target = run_lintr("check", "news.tsv", *ARGS, "--side", "target", "--format", "json",
                       cwd=folder)  # fmt: skip
    assert sorted(_sides(target), key=str) == [
        ("doubled-word", "target"),
        ("missing-sentence", None),
    ]
    source = run_lintr("check", "news.tsv", *ARGS, "--side", "source", "--format", "json",
                       cwd=folder)  # fmt: skip
    assert sorted(_sides(source), key=str) == [
        ("missing-sentence", None),
        ("terminal-punctuation", "source"),
    ]
    assert json.loads(target.stdout)["summary"]["findings"] == 2


def test_the_exit_status_counts_the_findings_shown(tmp_path):
    (tmp_path / "a.tsv").write_text("قال المصدر: إن الهجوم فشل\tThe source said: the attack failed.\n",
                                    encoding="utf-8")  # fmt: skip
    assert run_lintr("check", "a.tsv", *ARGS, cwd=tmp_path).returncode == 1
    shown = run_lintr("check", "a.tsv", *ARGS, "--side", "target", cwd=tmp_path)
    assert shown.returncode == 0, shown.stdout
    assert "All checks passed" in shown.stderr


def test_side_in_the_configuration_and_both_on_the_command_line(tmp_path):
    folder = _folder(tmp_path, 'side = "target"\n')
    configured = run_lintr("check", "news.tsv", *ARGS, "--format", "json", cwd=folder)
    assert ("terminal-punctuation", "source") not in _sides(configured)
    both = run_lintr("check", "news.tsv", *ARGS, "--side", "both", "--format", "json", cwd=folder)
    assert sorted(_sides(both), key=str) == sorted(ALL, key=str)


def test_a_bad_side_is_an_error_naming_the_key(tmp_path):
    folder = _folder(tmp_path, 'side = "translation"\n')
    proc = run_lintr("check", "news.tsv", *ARGS, cwd=folder)
    assert proc.returncode == 2
    assert "lintr.toml: side: expected source, target or both" in proc.stderr
    assert "Traceback" not in proc.stderr
    flag = run_lintr("check", "news.tsv", *ARGS, "--side", "left", cwd=folder)
    assert flag.returncode == 2 and "Traceback" not in flag.stderr


def test_lint_takes_side_in_its_configuration():
    found = list(lint([(SOURCE, TARGET)], {"side": "target"}))
    assert sorted((f.rule, f.side) for f in found) == [
        ("doubled-word", "target"),
        ("missing-sentence", None),
    ]
