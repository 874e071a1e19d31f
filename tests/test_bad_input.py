"""Bad input: one clear line naming the file and position, exit status 2, no traceback,
and no input file is ever written."""

from __future__ import annotations

import os

import pytest
from conftest import run_lintr

GOOD_AR = "قال المصدر إن الهجوم فشل.\n"
GOOD_EN = "The source said the attack failed.\n"


@pytest.fixture
def pair_dir(tmp_path):
    (tmp_path / "doc.ar.txt").write_text(GOOD_AR, encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text(GOOD_EN, encoding="utf-8")
    return tmp_path


CASES = {
    "non_utf8": (
        b"The source said\nthe attack \xe9 failed.\n",
        "doc.en.txt:2:12: error: not valid UTF-8: byte 0xE9 at offset 27; "
        "re-save the file as UTF-8 [input-error]",
    ),
    "non_utf8_after_bom_and_arabic": (
        "\ufeffقال ".encode() + b"\xff\n",
        "doc.en.txt:1:5: error: not valid UTF-8: byte 0xFF",
    ),
    "binary": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "doc.en.txt:3:1: error: binary file (NUL byte at offset 8), not text [input-error]",
    ),
    "empty": (b"", "doc.en.txt:1:1: error: file is empty [input-error]"),
    "only_spaces": (
        b"  \n\n",
        "doc.en.txt:1:1: error: file has no text, only spaces [input-error]",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_unreadable_target_gives_one_line(pair_dir, name):
    data, expected = CASES[name]
    (pair_dir / "doc.en.txt").write_bytes(data)
    before = {p.name: p.read_bytes() for p in pair_dir.iterdir()}
    proc = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", cwd=pair_dir)
    assert proc.returncode == 2
    assert proc.stdout.startswith(expected), proc.stdout
    assert len(proc.stdout.splitlines()) == 1
    assert "Traceback" not in proc.stderr
    assert {p.name: p.read_bytes() for p in pair_dir.iterdir()} == before


def test_missing_counterpart_names_the_expected_path(pair_dir):
    os.remove(pair_dir / "doc.en.txt")
    proc = run_lintr("check", "doc.ar.txt", cwd=pair_dir)
    assert proc.returncode == 2
    assert proc.stdout == (
        "doc.ar.txt:1:1: error: missing counterpart: expected doc.en.txt [input-error]\n"
    )


def test_missing_counterpart_in_a_language_folder(tmp_path):
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "news.txt").write_text(GOOD_AR, encoding="utf-8")
    proc = run_lintr("check", "ar/news.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "ar/news.txt:1:1: error: missing counterpart: expected en/news.txt" in proc.stdout


def test_path_that_does_not_exist(tmp_path):
    proc = run_lintr("check", "nowhere.ar.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == "nowhere.ar.txt:1:1: error: no such file or directory [input-error]\n"


def test_a_file_without_counterpart_or_known_format(tmp_path):
    (tmp_path / "notes.txt").write_text("just English notes\n", encoding="utf-8")
    proc = run_lintr("check", "notes.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout.startswith("notes.txt:1:1: error: cannot find this file's counterpart")


def test_malformed_tsv_row_is_reported_and_the_rest_checked(tmp_path):
    (tmp_path / "c.tsv").write_text(
        "قال المصدر.\tThe source said.\nno tab here\na\tb\tc\nقال.\tsaid the the.\n",
        encoding="utf-8",
    )
    proc = run_lintr("check", "c.tsv", "--source-lang", "ar", "--target-lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stdout.splitlines()
    assert "c.tsv:2:12: error: expected source<TAB>target, found no tab [input-error]" in lines
    assert "c.tsv:3:4: error: expected source<TAB>target, found 2 tabs [input-error]" in lines
    assert any("[doubled-word]" in line for line in lines)


def test_a_directory_given_to_source(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "t.txt").write_text(GOOD_EN, encoding="utf-8")
    proc = run_lintr("check", "--source", "d", "--target", "t.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == "d:1:1: error: is a directory, expected a file [input-error]\n"


def test_broken_config_is_one_line(pair_dir):
    (pair_dir / "lintr.toml").write_text("[rules\n")
    proc = run_lintr("check", "doc.ar.txt", cwd=pair_dir)
    assert proc.returncode == 2
    assert proc.stderr.startswith("lintr: error: lintr.toml: invalid TOML:")
    assert len(proc.stderr.splitlines()) == 1
