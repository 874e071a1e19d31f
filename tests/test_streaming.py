"""Streaming readers: what scan() yields equals what read() loads, errors included."""

from __future__ import annotations

import pickle

import pytest

from lintr.readers import InputError, ReadContext, read_text
from lintr.readers.lines import GRAIN, lines
from lintr.readers.plaintext import PlainTextPair
from lintr.readers.tsv import TsvReader

TSV = (
    "\ufeffقال المصدر.\tThe source said.\r\n"
    "\n"
    "no tab here\n"
    "سطر\tline\textra\n"
    "  \t  \n"
    "وصل الجنود.\tThe soldiers arrived.\n"
    "الأخير\tthe last\r"
)


def _segments(segments):
    return [(s.text, s.path, s.line, s.column) for s in segments]


def test_tsv_scan_equals_read(tmp_path, registry):
    path = tmp_path / "a.tsv"
    path.write_bytes(TSV.encode())
    ctx = ReadContext(registry.languages, "ar", "en")
    whole = TsvReader().read([str(path)], ctx)
    stream = TsvReader().scan([str(path)], ctx)
    rows = list(stream.rows())
    assert stream.count == len(rows) == len(whole.source.segments) == 3
    assert _segments(s for s, _ in rows) == _segments(whole.source.segments)
    assert _segments(t for _, t in rows) == _segments(whole.target.segments)
    assert [str(p) for p in stream.problems] == [str(p) for p in whole.problems]
    assert len(stream.problems) == 2


def test_text_pair_scan_equals_read(tmp_path, registry):
    ar, en = tmp_path / "a.ar.txt", tmp_path / "a.en.txt"
    ar.write_bytes("\ufeffسطر أول\r\n\nسطر ثالث\n".encode())
    en.write_bytes(b"First line\r\n\nThird line\n")
    ctx = ReadContext(registry.languages, "ar", "en")
    whole = PlainTextPair().read([str(ar), str(en)], ctx)
    rows = list(PlainTextPair().scan([str(ar), str(en)], ctx).rows())
    assert _segments(s for s, _ in rows) == _segments(whole.source.segments)
    assert _segments(t for _, t in rows) == _segments(whole.target.segments)


def test_text_pair_in_paragraphs_or_uneven_is_not_streamed(tmp_path, registry):
    ar, en = tmp_path / "b.ar.txt", tmp_path / "b.en.txt"
    ctx = ReadContext(registry.languages, "ar", "en")
    ar.write_text("سطر\nسطر\n\nفقرة\n", encoding="utf-8")
    en.write_text("line\nline\n\nparagraph\n", encoding="utf-8")
    assert PlainTextPair().scan([str(ar), str(en)], ctx) is None
    en.write_text("one\n", encoding="utf-8")
    ar.write_text("one\ntwo\n", encoding="utf-8")
    assert PlainTextPair().scan([str(ar), str(en)], ctx) is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"  \n\t\n",
        b"ok\nbad \xff byte\n",
        b"\xef\xbb\xbfbad\xc3(\n",
        "ثم \u0640".encode() + b"\n\xe2\x82",
        b"text\x00binary",
        b"\xff\xfeu\x00t\x00f\x00",
    ],
)
def test_line_reader_raises_what_read_text_raises(tmp_path, data):
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as whole:
        read_text(str(path))
    with pytest.raises(InputError) as streamed:
        list(lines(str(path)))
    assert str(streamed.value) == str(whole.value)


def _long_tsv() -> str:
    """More than three GRAINs of pairs, with the lines a part must pass over between them:
    blank lines, lines without a tab or with two, CRLF endings, a BOM, a whitespace line."""
    lines_ = ["\ufeffأول\tfirst\r\n"]
    for i in range(1, 120):
        lines_.append(f"جملة {i}\tsentence {i}" + ("\r\n" if i % 5 == 0 else "\n"))
        if i % 7 == 0:
            lines_.append("\n")
        if i % 11 == 0:
            lines_.append("no tab\n" if i % 2 else "a\tb\tc\n")
        if i % 13 == 0:
            lines_.append("\u00a0\t \n")  # has a tab, but only spaces: not a pair
    return "".join(lines_) + "آخر\tlast"


def _parts_cover(stream, sizes=(1, 7, GRAIN - 1, GRAIN, GRAIN + 1, 50)):
    rows = [(_segments([s]), _segments([t])) for s, t in stream.rows()]
    assert len(rows) == stream.count
    for size in sizes:
        read = []
        for first in range(0, stream.count, size):
            part = pickle.loads(pickle.dumps(stream.part(first, min(size, stream.count - first))))
            got = [(_segments([s]), _segments([t])) for s, t in part.rows()]
            assert len(got) == part.count
            read.extend(got)
        assert read == rows, size


def test_tsv_parts_read_what_rows_read(tmp_path, registry):
    path = tmp_path / "long.tsv"
    path.write_bytes(_long_tsv().encode())
    stream = TsvReader().scan([str(path)], ReadContext(registry.languages, "ar", "en"))
    assert stream.count > 3 * GRAIN
    _parts_cover(stream)


def test_text_pair_parts_read_what_rows_read(tmp_path, registry):
    ar, en = tmp_path / "c.ar.txt", tmp_path / "c.en.txt"
    ar_lines = ["\ufeffأول"] + [f"جملة {i}" if i % 9 else "؟" for i in range(1, 110)]
    en_lines = ["first"] + [f"sentence {i}" for i in range(1, 110)]
    ar.write_bytes("\r\n".join(ar_lines).encode())
    en.write_bytes(("\n".join(en_lines) + "\n").encode())
    ctx = ReadContext(registry.languages, "ar", "en")
    stream = PlainTextPair().scan([str(ar), str(en)], ctx)
    assert stream.count == 110
    _parts_cover(stream)


@pytest.mark.parametrize("text", [TSV, _long_tsv(), "\ufeff\t \n\u3000\tx\ny\t\u2003\nأ\tب\n"])
def test_tsv_sample_reads_the_pairs_rows_reads(tmp_path, registry, text):
    path = tmp_path / "s.tsv"
    path.write_bytes(text.encode())
    stream = TsvReader().scan([str(path)], ReadContext(registry.languages, "ar", "en"))
    assert stream.sample is not None
    rows = [(s.text, t.text) for s, t in stream.rows()]
    for step in (1, 2, 3, 7, 1000):
        assert stream.texts(step) == rows[::step]
