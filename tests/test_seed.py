"""The bundled example (the seed article): what a user runs first must find the real defects."""

from __future__ import annotations

import json

from conftest import EXAMPLES, SEED, run_lintr


def _findings():
    proc = run_lintr("check", str(SEED), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)["findings"]


def _at(findings, rule):
    return sorted((f["line"], f["column"]) for f in findings if f["rule"] == rule)


def test_seed_findings_are_the_real_defects():
    findings = _findings()
    # Arabic headline glued to the English title, from its first letter to the end.
    assert _at(findings, "untranslated-fragment") == [(1, 100)]
    # "with the the preparations" and "under the control of the the Ğayš".
    assert _at(findings, "doubled-word") == [(11, 55), (15, 209)]
    # The English photo caption has no Arabic counterpart.
    assert _at(findings, "added-sentence") == [(26, 1)]
    # Arabic paragraphs ending without a full stop; the last one also leaves a quote open.
    assert _at(findings, "terminal-punctuation") == [(33, 183), (51, 348)]
    assert _at(findings, "unbalanced-quotes") == [(51, 133)]
    # Every number of the article agrees between the two versions.
    assert _at(findings, "numeral-mismatch") == []
    # "Ğayš al-Maġāwir" (line 15) against "Ğayš al-Maġāwīr" (line 5), both located.
    (name,) = [f for f in findings if f["rule"] == "inconsistent-transliteration"]
    assert (name["line"], name["column"], name["end_column"]) == (15, 221, 228)
    assert name["message"].startswith("'Maġāwir' (1x) vs 'Maġāwīr' (1x) for المغاوير")
    assert [(r["line"], r["column"]) for r in name["related"]] == [(5, 161)]
    # "the Syrian Arms" once, "Syrian Army" everywhere else (info).
    assert _at(findings, "spelling-variant") == [(5, 93)]
    assert not [f for f in findings if f["rule"].endswith("-error")]


def test_seed_uses_the_example_config_for_the_source_language():
    proc = run_lintr("check", str(SEED))
    assert "guessed" not in proc.stderr
    assert "the Arabic source ends without sentence-final punctuation" in proc.stdout


def test_seed_from_the_examples_folder_text_output():
    proc = run_lintr("check", "examples/", cwd=EXAMPLES.parent)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(
        "examples/syrian-army-attack.txt:1:100: warning: untranslated Arabic"
    )
    assert lines[0].endswith("[untranslated-fragment]")
    assert "Found 9 findings (8 warnings, 1 info) in 1 file, 13 segment pairs." in proc.stderr
