"""Readers keep every segment's path, line and column right."""

from __future__ import annotations

from conftest import SEED, run_lintr

from lintr.readers import ReadContext
from lintr.readers.bilingual import BilingualReader
from lintr.readers.plaintext import PlainTextPair


def test_bom_and_crlf_do_not_shift_columns(tmp_path, registry):
    (tmp_path / "a.ar.txt").write_bytes("\ufeffسطر أول\r\nسطر ثان\r\n".encode())
    (tmp_path / "a.en.txt").write_bytes("\ufeffFirst line\r\nSecond  the the line\r\n".encode())
    bitext = PlainTextPair().read(
        [str(tmp_path / "a.ar.txt"), str(tmp_path / "a.en.txt")],
        ReadContext(registry.languages, "ar", "en"),
    )
    assert [s.text for s in bitext.target.segments] == ["First line", "Second  the the line"]
    proc = run_lintr("check", "a.ar.txt", "--source-lang", "ar", cwd=tmp_path)
    assert proc.stdout.startswith("a.en.txt:2:13: warning: doubled word")


def test_seed_splits_where_the_script_switches(registry):
    bitext = BilingualReader().read([str(SEED)], ReadContext(registry.languages))
    first, second = bitext.source, bitext.target
    assert (first.lang, second.lang) == ("en", "ar")
    assert [s.line for s in first.segments] == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 26]
    assert [s.line for s in second.segments][:3] == [29, 31, 33]
    assert len(second.segments) == 12


def test_alternating_layout_and_multi_line_blocks(tmp_path, registry):
    text = (
        "قال المصدر\nإن الهجوم فشل.\n\nThe source said\nthe the attack failed.\n\n"
        "وصل الجنود.\n\nThe soldiers arrived.\n"
    )
    path = tmp_path / "interview.txt"
    path.write_text(text, encoding="utf-8")
    reader = BilingualReader()
    assert reader.sniff(str(path))
    bitext = reader.read([str(path)], ReadContext(registry.languages))
    assert [s.line for s in bitext.source.segments] == [1, 7]
    assert [s.line for s in bitext.target.segments] == [4, 9]
    proc = run_lintr("check", "interview.txt", "--source-lang", "ar", cwd=tmp_path)
    # The doubled word is on the second line of a two-line block.
    assert proc.stdout.startswith("interview.txt:5:5: warning: doubled word")


def test_monolingual_text_is_not_bilingual(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("One paragraph.\n\nAnother one.\n", encoding="utf-8")
    assert not BilingualReader().sniff(str(path))


def test_unconfigured_bilingual_text_guesses_and_says_so(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    proc = run_lintr("check", "article.txt", cwd=tmp_path)
    assert (
        "lintr: note: article.txt: took ar as the source and en as the target "
        "(guessed; set source-lang to choose)"
    ) in proc.stderr
    flipped = run_lintr("check", "article.txt", "--source-lang", "en", cwd=tmp_path)
    assert "added Arabic text" in flipped.stdout or "missing translation" in flipped.stdout
