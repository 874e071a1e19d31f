"""The command line as scripts and editors use it: formats, exit status, options."""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import SEED, run_lintr

FIELDS = {
    "rule",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "related",
    "fingerprint",
}


def write_pair(folder, ar: str, en: str, name: str = "doc"):
    (folder / f"{name}.ar.txt").write_text(ar, encoding="utf-8")
    (folder / f"{name}.en.txt").write_text(en, encoding="utf-8")
    return folder / f"{name}.ar.txt", folder / f"{name}.en.txt"


CLEAN_AR = "وصل 55 جندياً إلى المدينة.\nقال المصدر إن الهجوم فشل.\n"
CLEAN_EN = "55 soldiers reached the city.\nThe source said the attack failed.\n"
DIRTY_EN = "55 soldiers reached the the city.\nThe source said the attack failed.\n"


def test_exit_0_on_a_clean_pair(tmp_path):
    write_pair(tmp_path, CLEAN_AR, CLEAN_EN)
    proc = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert "All checks passed (2 files, 2 segment pairs)." in proc.stderr


def test_exit_1_with_findings_and_gcc_format(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    proc = run_lintr("check", "doc.en.txt", "--source-lang", "ar", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == (
        'doc.en.txt:1:25: warning: doubled word "the" in the English target: remove the second "the" [doubled-word]\n'
    )


def test_exit_2_on_bad_option_config_key_and_unreadable_input(tmp_path):
    write_pair(tmp_path, CLEAN_AR, CLEAN_EN)
    bad_option = run_lintr("check", "--no-such-option", cwd=tmp_path)
    assert bad_option.returncode == 2
    (tmp_path / "lintr.toml").write_text('sourcelang = "ar"\n')
    bad_key = run_lintr("check", "doc.ar.txt", cwd=tmp_path)
    assert bad_key.returncode == 2
    assert (
        bad_key.stderr.strip()
        .splitlines()[-1]
        .startswith(
            "lintr: error: lintr.toml: unknown key 'sourcelang' in the top level; "
            "did you mean 'source-lang'?"
        )
    )
    (tmp_path / "lintr.toml").unlink()
    (tmp_path / "doc.en.txt").write_bytes(b"\xff\xfeb\x00")
    unreadable = run_lintr("check", "doc.ar.txt", cwd=tmp_path)
    assert unreadable.returncode == 2
    assert (
        "doc.en.txt:1:1: error: file is UTF-16; re-save it as UTF-8 [input-error]"
        in unreadable.stdout
    )


def test_json_output_has_every_contract_field(tmp_path):
    write_pair(tmp_path, "وصل 55 جندياً إلى المدينة.\n", "56 soldiers reached the the city.\n")
    proc = run_lintr("check", "doc.ar.txt", "--format", "json", "--source-lang", "ar", cwd=tmp_path)
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert set(doc["summary"]) == {"files", "pairs", "findings", "by_rule"}
    assert doc["summary"]["by_rule"] == {"doubled-word": 1, "numeral-mismatch": 1}
    for finding in doc["findings"]:
        assert FIELDS <= set(finding)
        for related in finding["related"]:
            assert set(related) == {"path", "line", "column", "message"}
    number = next(f for f in doc["findings"] if f["rule"] == "numeral-mismatch")
    assert number["message"] == "number changed: the source has 55, the target has 56"
    assert (number["path"], number["line"], number["column"], number["end_column"]) == (
        "doc.en.txt",
        1,
        1,
        3,
    )
    assert number["related"][0]["path"] == "doc.ar.txt"
    assert number["severity"] == "error"


def test_jsonl_github_and_sarif_formats(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    args = ("check", "doc.ar.txt", "--source-lang", "ar", "--format")
    jsonl = run_lintr(*args, "jsonl", cwd=tmp_path)
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [r["rule"] for r in rows] == ["doubled-word"]
    github = run_lintr(*args, "github", cwd=tmp_path)
    assert github.stdout.startswith("::warning file=doc.en.txt,line=1,col=25,")
    sarif = json.loads(run_lintr(*args, "sarif", cwd=tmp_path).stdout)
    result = sarif["runs"][0]["results"][0]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "doubled-word"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 25


def test_select_ignore_and_fail_on(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    base = ("check", "doc.ar.txt", "--source-lang", "ar")
    assert run_lintr(*base, "--ignore", "doubled-word", cwd=tmp_path).returncode == 0
    assert run_lintr(*base, "--select", "numeral-mismatch", cwd=tmp_path).returncode == 0
    assert run_lintr(*base, "--select", "doubled-word", cwd=tmp_path).returncode == 1
    assert run_lintr(*base, "--fail-on", "error", cwd=tmp_path).returncode == 0
    unknown = run_lintr(*base, "--select", "doubled-wrd", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "did you mean 'doubled-word'?" in unknown.stderr


def test_config_rule_options_severity_and_per_file_ignores(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    config = tmp_path / "lintr.toml"
    config.write_text('source-lang = "ar"\n[rules.doubled-word]\nallow = ["the the"]\n')
    assert run_lintr("check", "doc.ar.txt", cwd=tmp_path).returncode == 0
    config.write_text('source-lang = "ar"\n[rules.doubled-word]\nseverity = "info"\n')
    proc = run_lintr("check", "doc.ar.txt", cwd=tmp_path)
    assert proc.returncode == 0 and ": info: doubled word" in proc.stdout
    config.write_text('source-lang = "ar"\n[per-file-ignores]\n"*.en.txt" = ["doubled-word"]\n')
    assert run_lintr("check", "doc.ar.txt", cwd=tmp_path).returncode == 0
    config.write_text('[rules.doubled-word]\nallow = "the the"\n')
    bad = run_lintr("check", "doc.ar.txt", cwd=tmp_path)
    assert bad.returncode == 2
    assert "lintr.toml: rules.doubled-word.allow: expected list of str" in bad.stderr


def test_pyproject_tool_table_and_pair_patterns(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lintr]\nsource-lang = "ar"\ntarget-lang = "en"\n'
        'pairs = [{source = "orig/{name}.txt", target = "trans/{name}.txt"}]\n'
    )
    (tmp_path / "orig").mkdir()
    (tmp_path / "trans").mkdir()
    (tmp_path / "orig" / "a.txt").write_text(CLEAN_AR, encoding="utf-8")
    (tmp_path / "trans" / "a.txt").write_text(DIRTY_EN, encoding="utf-8")
    # With no PATH, the configured pairs are checked.
    proc = run_lintr("check", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("trans/a.txt:1:25: warning: doubled word")
    # Given either file of a pair, lintr finds the other.
    assert run_lintr("check", "trans/a.txt", cwd=tmp_path).stdout == proc.stdout


def test_unconfigured_pair_says_which_side_it_took(tmp_path):
    write_pair(tmp_path, CLEAN_AR, CLEAN_EN)
    proc = run_lintr("check", "doc.en.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert "took ar as the source and en as the target (guessed" in proc.stderr


def test_rules_and_explain():
    proc = run_lintr("rules")
    assert proc.returncode == 0
    ids = [line.split()[0] for line in proc.stdout.splitlines()]
    for rule in (
        "doubled-word",
        "untranslated-fragment",
        "numeral-mismatch",
        "empty-translation",
        "untranslated-segment",
        "unbalanced-quotes",
        "unbalanced-brackets",
        "terminal-punctuation",
        "missing-sentence",
        "added-sentence",
        "input-error",
        "internal-error",
    ):
        assert rule in ids
    explain = run_lintr("explain", "doubled-word")
    assert explain.returncode == 0
    assert "allow: list of str" in explain.stdout and '"had had"' in explain.stdout
    assert run_lintr("explain", "nope").returncode == 2


def test_statistics(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    proc = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", "--statistics", cwd=tmp_path)
    assert re.match(r"\s+1\s+doubled-word\s+The same word twice", proc.stdout)


def test_fix_rewrites_atomically_keeping_bom_and_crlf(tmp_path):
    ar, en = write_pair(tmp_path, CLEAN_AR, "")
    en.write_bytes("\ufeff".encode() + DIRTY_EN.replace("\n", "\r\n").encode())
    before_ar = ar.read_bytes()
    check = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", cwd=tmp_path)
    assert check.returncode == 1 and "doc.en.txt:1:25:" in check.stdout  # BOM is not a column
    assert en.read_bytes().startswith(b"\xef\xbb\xbf")  # a check never writes
    fixed = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", "--fix", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout
    assert "Fixed 1 finding." in fixed.stderr
    assert en.read_bytes() == "\ufeff".encode() + CLEAN_EN.replace("\n", "\r\n").encode()
    assert ar.read_bytes() == before_ar
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".lintr-")] == []


def test_fingerprint_survives_inserted_lines_and_baseline(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    args = ("check", "doc.ar.txt", "--source-lang", "ar", "--format", "json")
    first = json.loads(run_lintr(*args, cwd=tmp_path).stdout)["findings"][0]
    write_pair(tmp_path, "سطر جديد.\n" + CLEAN_AR, "A new line.\n" + DIRTY_EN)
    second = json.loads(run_lintr(*args, cwd=tmp_path).stdout)["findings"][0]
    assert second["line"] == first["line"] + 1
    assert second["fingerprint"] == first["fingerprint"]
    (tmp_path / "baseline.json").write_text(json.dumps({"findings": [first]}))
    proc = run_lintr(
        "check", "doc.ar.txt", "--source-lang", "ar", "--baseline", "baseline.json", cwd=tmp_path
    )
    assert proc.returncode == 0


def test_source_and_target_flags(tmp_path):
    (tmp_path / "original.txt").write_text(CLEAN_AR, encoding="utf-8")
    (tmp_path / "translation.txt").write_text(DIRTY_EN, encoding="utf-8")
    proc = run_lintr(
        "check", "--source", "original.txt", "--target", "translation.txt", cwd=tmp_path
    )
    assert proc.returncode == 1 and proc.stdout.startswith("translation.txt:1:25:")
    alone = run_lintr("check", "--source", "original.txt", cwd=tmp_path)
    assert alone.returncode == 2 and "--source and --target go together" in alone.stderr


def test_tsv_columns_point_into_the_target_column(tmp_path):
    (tmp_path / "corpus.tsv").write_text(
        "وصل 55 جندياً.\t55 soldiers arrived the the day.\nقال المصدر.\t\n", encoding="utf-8"
    )
    proc = run_lintr(
        "check", "corpus.tsv", "--source-lang", "ar", "--target-lang", "en", cwd=tmp_path
    )
    assert proc.stdout.splitlines() == [
        'corpus.tsv:1:40: warning: doubled word "the" in the English target: remove the second "the" [doubled-word]',
        "corpus.tsv:2:13: error: empty translation: the English target is empty [empty-translation]",
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_same_output_whatever_jobs(jobs):
    proc = run_lintr("check", str(SEED), "--format", "json", "--jobs", jobs)
    reference = run_lintr("check", str(SEED), "--format", "json")
    assert proc.stdout == reference.stdout


def test_no_input_file_is_written_by_a_check(tmp_path):
    write_pair(tmp_path, CLEAN_AR, DIRTY_EN)
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in tmp_path.iterdir()}
    run_lintr("check", ".", "--source-lang", "ar", cwd=tmp_path)
    after = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in tmp_path.iterdir()}
    assert before == after


@pytest.mark.parametrize("given", ["doc.en.txt", "doc.ar.txt"])
def test_language_flags_choose_the_source_of_a_named_pair(tmp_path, given):
    # English source, Arabic target, chosen by the flags alone (no configuration): the
    # files are paired before they are read, so the flags must decide the sides then.
    write_pair(tmp_path, "وصل 56 جندياً إلى المدينة.\n", "55 soldiers reached the city.\n")
    proc = run_lintr(
        "check",
        given,
        "--source-lang",
        "en",
        "--target-lang",
        "ar",
        "--format",
        "jsonl",
        cwd=tmp_path,
    )
    findings = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(f["rule"], f["path"], f["message"]) for f in findings] == [
        ("numeral-mismatch", "doc.ar.txt", "number changed: the source has 55, the target has 56")
    ]
    assert "guessed" not in proc.stderr
