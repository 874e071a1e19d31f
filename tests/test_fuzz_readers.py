"""Property tests of the readers (issue 20, item 5): arbitrary text and bytes through the
plain pair, TSV and bilingual readers, and through a whole ``check``, never raise anything
but InputError; every segment and finding lies inside its file, at the text it names; the
output is the same run after run.

The example counts are small so that the file stays under 20 s in CI; set
``LINTR_FUZZ_EXAMPLES`` for a long run (``LINTR_FUZZ_EXAMPLES=20000 pytest
tests/test_fuzz_readers.py``). The long run of 2026-12-07 (branch robust, at f6f51f6,
before the per-line NUL check was made cheaper): 5,000 examples each of the plain pair,
TSV and bilingual readers, 6,000 TSV checks and 1,000 pair checks, 22,000 in all, 15
minutes on a loaded machine: no failure.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lintr.readers import InputError, ReadContext  # noqa: E402
from lintr.readers.bilingual import BilingualReader  # noqa: E402
from lintr.readers.plaintext import PlainTextPair  # noqa: E402
from lintr.readers.tsv import TsvReader  # noqa: E402

SCALE = int(os.environ.get("LINTR_FUZZ_EXAMPLES", "0"))


def examples(ci: int) -> settings:
    return settings(
        max_examples=SCALE or ci,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=not SCALE,  # CI: the same examples every run
    )


# What hostile and real text is made of: Arabic with tashkeel, Qur'anic marks and tatweel,
# Latin, both digit sets, bidi controls, combining marks to pile up, emoji, NUL, the line
# and cell separators, quotes and brackets.
PIECES = [
    "قال",
    "المصدر",
    "إِنَّ",
    "ـــــ",
    "\u06d6\u06d7\u06e9",
    "The",
    "the",
    "source",
    "١٢٣",
    "3.5",
    "1,000",
    "\u200e",
    "\u200f",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2069",
    "\u0301\u0301\u0301\u0301",
    "\u064b\u064b\u0651\u0651",
    "😀",
    "👨‍👩‍👧",
    "\x00",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u00a0",
    "«",
    "»",
    '"',
    "(",
    ")",
    "؟",
    "،",
    ".",
    "%s",
    "{0}",
    "x" * 300,
    "\ufeff",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
blobs = st.one_of(
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    st.tuples(texts, st.binary(max_size=8), texts).map(
        lambda p: (
            p[0].encode("utf-8", "surrogatepass") + p[1] + p[2].encode("utf-8", "surrogatepass")
        )
    ),
)


@contextmanager
def files(**contents: bytes) -> Iterator[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, data in contents.items():
            path = os.path.join(folder, name.replace("_", "."))
            Path(path).write_bytes(data)
            paths[name] = path
        yield paths


@pytest.fixture(scope="module")
def context(registry):
    return ReadContext(registry.languages, "ar", "en")


def file_lines(path: str) -> list[str]:
    """The file's lines as the readers number them: by LF, CRLF folded, BOM dropped."""
    text = Path(path).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return text.split("\n")


def inside(segment, lines: list[str]) -> None:
    """The segment starts in its file at the text it holds."""
    assert 1 <= segment.line <= len(lines), (segment.line, len(lines))
    line = lines[segment.line - 1]
    first = segment.text.split("\n", 1)[0]
    start = segment.column - 1
    assert 0 <= start <= len(line)
    assert line[start : start + len(first)] == first, (segment, line)


def sides(bitext):
    return [*bitext.source.segments, *bitext.target.segments]


# -- the readers --------------------------------------------------------------------------


@examples(120)
@given(source=blobs, target=blobs)
def test_plain_pair(context, source, target):
    with files(a_ar_txt=source, a_en_txt=target) as paths:
        pair = [paths["a_ar_txt"], paths["a_en_txt"]]
        try:
            bitext = PlainTextPair().read(pair, context)
        except InputError as err:
            assert err.path in pair and err.line >= 1 and err.column >= 1
            with pytest.raises(InputError):  # streaming finds a problem too
                stream = PlainTextPair().scan(pair, context)
                if stream is not None:
                    list(stream.rows())
            return
        for segment in sides(bitext):
            inside(segment, file_lines(segment.path))
        stream = PlainTextPair().scan(pair, context)
        if stream is not None:  # read whole and streamed: the same pairs
            rows = list(stream.rows())
            assert [(s.text, t.text) for s, t in rows] == list(
                zip(
                    [s.text for s in bitext.source.segments],
                    [t.text for t in bitext.target.segments],
                    strict=True,
                )
            )


@examples(120)
@given(data=blobs, rows=st.lists(st.tuples(texts, texts), max_size=6))
def test_tsv(context, data, rows):
    table = "".join(f"{s}\t{t}\n" for s, t in rows).encode("utf-8", "surrogatepass") + data
    with files(c_tsv=table) as paths:
        path = paths["c_tsv"]
        try:
            bitext = TsvReader().read([path], context)
        except InputError as err:
            assert err.path == path and err.line >= 1 and err.column >= 1
            with pytest.raises(InputError):
                list(TsvReader().scan([path], context).rows())
            return
        lines = file_lines(path)
        for segment in sides(bitext):
            inside(segment, lines)
        for problem in bitext.problems:
            assert 1 <= problem.line <= len(lines)
            assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1
        stream = TsvReader().scan([path], context)
        streamed = [(s.text, t.text) for s, t in stream.rows()]
        assert streamed == [
            (s.text, t.text)
            for s, t in zip(bitext.source.segments, bitext.target.segments, strict=True)
        ]
        assert [(p.line, p.column) for p in stream.problems] == [
            (p.line, p.column) for p in bitext.problems
        ]


@examples(120)
@given(first=texts, second=texts, junk=blobs)
def test_bilingual(context, first, second, junk):
    data = f"{first}\n\n{second}\n".encode("utf-8", "surrogatepass") + junk
    with files(article_txt=data) as paths:
        path = paths["article_txt"]
        reader = BilingualReader()
        try:
            reader.sniff(path)
            bitext = reader.read([path], context)
        except InputError as err:
            assert err.path == path and err.line >= 1 and err.column >= 1
            return
        lines = file_lines(path)
        for segment in sides(bitext):
            inside(segment, lines)


# -- a whole check ------------------------------------------------------------------------


def checked(registry, paths: list[str]) -> str:
    """The json output of checking ``paths`` with every rule, in this process."""
    from lintr.run import Run

    run = Run(registry, {"source-lang": "ar", "target-lang": "en"}, jobs=1)
    result = run.check(run.plan(paths))
    for finding in result.findings:
        for loc in [finding.location, *(r.location for r in finding.related)]:
            lines = file_lines(loc.path) if os.path.isfile(loc.path) else [""]
            assert 1 <= loc.line <= len(lines), (finding, len(lines))
            assert 1 <= loc.column <= len(lines[loc.line - 1]) + 1, finding
            if loc.end_line is not None:
                assert loc.line <= loc.end_line <= len(lines), finding
                assert 1 <= (loc.end_column or 1) <= len(lines[loc.end_line - 1]) + 1, finding
    out = io.StringIO()
    registry.reporters["json"].report(result.findings, result.summary(), out)
    return out.getvalue()


@examples(25)
@given(source=texts, target=texts)
def test_check_a_pair(registry, source, target):
    with files(
        d_ar_txt=source.encode("utf-8", "surrogatepass"),
        d_en_txt=target.encode("utf-8", "surrogatepass"),
    ) as paths:
        here = os.getcwd()
        os.chdir(os.path.dirname(paths["d_ar_txt"]))
        try:
            first = checked(registry, ["d.ar.txt"])
            assert checked(registry, ["d.ar.txt"]) == first
        finally:
            os.chdir(here)


@examples(25)
@given(rows=st.lists(st.tuples(texts, texts), min_size=1, max_size=8))
def test_check_a_tsv(registry, rows):
    table = "".join(
        f"{s.replace(chr(10), ' ')}\t{t.replace(chr(10), ' ')}\n" for s, t in rows
    ).encode("utf-8", "surrogatepass")
    with files(c_tsv=table) as paths:
        here = os.getcwd()
        os.chdir(os.path.dirname(paths["c_tsv"]))
        try:
            first = checked(registry, ["c.tsv"])
            assert checked(registry, ["c.tsv"]) == first
        finally:
            os.chdir(here)
