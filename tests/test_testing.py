"""lintr.testing: the case schema rejects what would silently check nothing, and a failing
case says what differs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lintr.testing import CaseError, RuleCase, check_case, load_cases, rule_cases

GOOD = """\
rule: doubled-word
cases:
  - name: the_the
    source: "ذهب الولد إلى المدرسة."
    target: "The the boy went to school."
    expect:
      - at: target:1:5
        end: "1:8"
        message: doubled word "the"
    fixed_target: "The boy went to school."
"""


def write(tmp_path, text: str, name: str = "doubled-word.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(path) -> str:
    with pytest.raises(CaseError) as info:
        load_cases(path)
    return str(info.value)


def test_a_good_file_loads_into_rule_cases(tmp_path):
    (case,) = load_cases(write(tmp_path, GOOD))
    assert isinstance(case, RuleCase)
    assert (case.rule, case.name, case.line) == ("doubled-word", "the_the", 3)
    assert case.pairs == (("ذهب الولد إلى المدرسة.", "The the boy went to school."),)
    assert (case.source_lang, case.target_lang) == ("ar", "en")
    assert case.expect[0].at == "target:1:5" and case.expect[0].notes is None
    check_case(case)


@pytest.mark.parametrize(
    "old,new,message",
    [
        (
            "    fixed_target:",
            "    fixd_target:",
            "doubled-word.yml:10: case 'the_the': unknown key 'fixd_target'; "
            "did you mean 'fixed_target'?",
        ),
        (
            "        message:",
            "        mesage:",
            "doubled-word.yml:9: case 'the_the', expect[0]: unknown key 'mesage'; "
            "did you mean 'message'?",
        ),
        (
            "    expect:",
            "    option: {allow: []}\n    expect:",
            "doubled-word.yml:6: case 'the_the': unknown key 'option'; did you mean 'options'?",
        ),
        ("rule:", "rules:", "doubled-word.yml:1: unknown key 'rules'; did you mean 'rule'?"),
    ],
)
def test_an_unknown_key_names_file_line_case_and_the_nearest_key(tmp_path, old, new, message):
    error = error_of(write(tmp_path, GOOD.replace(old, new, 1)))
    assert error.startswith(f"{tmp_path}/{message}")


def test_a_key_like_no_other_lists_the_known_keys(tmp_path):
    path = write(tmp_path, GOOD.replace("    expect:", "    colour: red\n    expect:"))
    assert error_of(path).endswith(
        "unknown key 'colour' (known: name, source, target, pairs, source_lang, target_lang, "
        "options, expect, fixed_source, fixed_target, xfail)"
    )


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("  - name: the_the\n", "  - source_lang: ar\n", ": a case: missing key 'name'"),
        ("    expect:\n", "    expectation:\n", "did you mean 'expect'?"),
        ('    target: "The the boy went to school."\n', "", "missing key 'target'"),
        ("      - at: target:1:5\n        end", "      - end", "expect[0]: missing key 'at'"),
        ("rule: doubled-word\n", "", "doubled-word.yml:1: missing key 'rule'"),
    ],
)
def test_a_missing_required_key_is_named(tmp_path, old, new, message):
    path = write(tmp_path, GOOD.replace(old, new, 1))
    assert message in error_of(path)


@pytest.mark.parametrize(
    "old,new,message",
    [
        ('end: "1:8"', "end: 1:8", "'end' must be \"LINE:COL\" in quotes, got 68"),
        ("at: target:1:5", "at: target:1", "a place must be 'source:LINE:COL'"),
        ("at: target:1:5", "at: tgt:1:5", "got 'tgt:1:5'"),
        ('    target: "The', '    target: ["The', "'target' must be a string"),
    ],
)
def test_bad_values_are_rejected(tmp_path, old, new, message):
    text = GOOD.replace(old, new, 1)
    if new.endswith('["The'):
        text = text.replace('school."\n', 'school."]\n', 1)
    assert message in error_of(write(tmp_path, text))


def test_two_cases_of_one_name_are_rejected(tmp_path):
    twice = GOOD + GOOD.split("cases:\n", 1)[1]
    assert "case name 'the_the' already used at line 3" in error_of(write(tmp_path, twice))


def test_pairs_cannot_go_with_source_and_target(tmp_path):
    path = write(tmp_path, GOOD.replace("    expect:", "    pairs: []\n    expect:"))
    assert "'source' cannot go with 'pairs'" in error_of(path)


def test_a_failing_case_shows_expected_against_actual(tmp_path):
    wrong = GOOD.replace("target:1:5", "target:1:6").replace('went to school."\n', 'went.\n"\n')
    (case,) = load_cases(write(tmp_path, wrong))
    with pytest.raises(AssertionError) as info:
        check_case(case)
    report = str(info.value)
    assert report.startswith(f"doubled-word: case 'the_the' ({case.where}) failed:")
    assert "    - target:1:6-1:8: message containing 'doubled word \"the\"'" in report
    assert (
        '    + target:1:5-1:8: doubled word "the" in the English target: remove the second "the"'
        in report
    )


def test_a_wrong_message_end_or_fix_is_each_reported(tmp_path):
    wrong = (
        GOOD.replace('"1:8"', '"1:9"')
        .replace('doubled word "the"', "doubled wrd")
        .replace('fixed_target: "The boy', 'fixed_target: "A boy')
    )
    (case,) = load_cases(write(tmp_path, wrong))
    with pytest.raises(AssertionError) as info:
        check_case(case)
    report = str(info.value)
    assert "finding 1 (target:1:5): message does not contain 'doubled wrd'" in report
    assert "finding 1 (target:1:5): ends at 1:8, expected 1:9" in report
    assert "expected 'A boy went to school.'\n    actual   'The boy went to school.'" in report


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("rule: doubled-word", "rule: doubled-words", "did you mean 'doubled-word'?"),
        ("    expect:", "    options: {alow: []}\n    expect:", "did you mean 'allow'?"),
        ("    expect:", "    options: {allow: 3}\n    expect:", "option 'allow': expected list"),
        ("    expect:", "    target_lang: enn\n    expect:", "did you mean 'en'?"),
    ],
)
def test_rule_option_and_language_are_checked_against_the_plugins(
    tmp_path, registry, old, new, message
):
    (case,) = load_cases(write(tmp_path, GOOD.replace(old, new, 1)))
    with pytest.raises(CaseError, match=message):
        check_case(case, registry)


def test_file_options_are_relative_to_the_case_file(tmp_path, registry):
    (tmp_path / "terms.csv").write_text("الجيش السوري,Syrian Army,Syrian Arms\n", encoding="utf-8")
    path = write(
        tmp_path,
        """\
        rule: glossary
        cases:
          - name: forbidden
            options: {glossary-file: terms.csv}
            source: "هاجم الجيش السوري."
            target: "The Syrian Arms attacked."
            expect: [target:1:5]
        """,
        "glossary.yml",
    )
    check_case(load_cases(path)[0], registry)


def test_rule_cases_gives_named_params_and_strict_xfails(tmp_path):
    failing = GOOD.replace("the_the", "known_bug").replace("target:1:5", "target:1:7")
    write(tmp_path, GOOD)
    write(
        tmp_path, failing.replace("    expect:", '    xfail: "a known bug"\n    expect:'), "b.yml"
    )
    by_file = rule_cases(tmp_path / "doubled-word.yml")
    assert [p.id for p in by_file] == ["the_the"]
    in_folder = rule_cases(tmp_path)
    assert [p.id for p in in_folder] == ["b::known_bug", "doubled-word::the_the"]
    (mark,) = in_folder[0].marks
    assert mark.kwargs == {"reason": "a known bug", "strict": True, "raises": AssertionError}


def test_a_missing_path_is_an_error(tmp_path):
    assert "no such case file or folder" in error_of(tmp_path / "nope")
    assert "no .yml case files" in error_of(tmp_path)


def test_lintr_runs_without_pytest_and_yaml_imported():
    code = (
        "import sys, lintr.testing, lintr.cli; "
        "print(sorted(m for m in ('yaml', 'pytest') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
