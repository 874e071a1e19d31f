"""Hostile input and output faults (issue 20): every one is one line naming the file (and
the position where there is one), exit status 2, no traceback, no hang, and no input
changed. Run through the real command line, as a user's shell or CI would.

Problems with a text being checked are ``input-error`` findings on standard output (one
line, ``PATH:LINE:COL: error: ... [input-error]``); problems with the run itself (a bad
option, configuration or baseline, an output that cannot be written) are one
``lintr: error:`` line on standard error.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

AR = "قال المصدر إن الهجوم فشل.\n"
EN = "The source said the attack failed.\n"
DOUBLED = "The the source said the attack failed.\n"
ARGS = ("--source-lang", "ar", "--target-lang", "en")


def lintr(*args: str, cwd: Path, stdin=None, stdout=subprocess.PIPE, code: str = ""):
    """``python -m lintr ARGS`` (or, with ``code``, that code run first in the same process:
    a fault injected) with a timeout, so that a hang fails the test instead of the suite."""
    if code:
        script = textwrap.dedent(code) + "\nfrom lintr.cli.commands import main\n"
        command = [sys.executable, "-c", script + "raise SystemExit(main())", *args]
    else:
        command = [sys.executable, "-m", "lintr", *args]
    return subprocess.run(
        command,
        cwd=cwd,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` and its bytes (the inputs must not change, and no
    temporary file may be left behind)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        out[str(path.relative_to(folder))] = path.read_bytes()
    return out


def one_error_line(proc, expected: str, where: str = "stdout") -> None:
    """Exit 2, no traceback, and ``expected`` as the one error line of ``where``."""
    out = proc.stdout.decode() if where == "stdout" else ""
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode == 2, (proc.returncode, out, err)
    text = out if where == "stdout" else err
    errors = [line for line in text.splitlines() if "error" in line]
    assert errors == [expected] or (len(errors) == 1 and errors[0].startswith(expected)), errors


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "doc.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text(EN, encoding="utf-8")
    return tmp_path


# -- input files --------------------------------------------------------------------------


def test_a_nul_byte_after_the_first_8_kb_is_binary(pair):
    (pair / "doc.ar.txt").write_text(AR * 1001, encoding="utf-8")
    (pair / "doc.en.txt").write_bytes(EN.encode() * 1000 + b"x\x00y\n")
    before = snapshot(pair)
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    offset = len(EN.encode()) * 1000 + 1
    one_error_line(
        proc,
        f"doc.en.txt:1001:2: error: binary file (NUL byte at offset {offset}), not text "
        "[input-error]",
    )
    assert b"\x00" not in proc.stdout + proc.stderr
    assert snapshot(pair) == before


@pytest.mark.parametrize("name", ["corpus.tsv", "article.txt"])
def test_a_late_nul_byte_in_a_single_file_format(tmp_path, name):
    body = f"{AR.strip()}\t{EN}" if name.endswith(".tsv") else f"{AR}\n{EN}\n"
    (tmp_path / name).write_bytes(body.encode() * 400 + b"tail \x00\n")
    proc = lintr("check", name, *ARGS, cwd=tmp_path)
    assert b"\x00" not in proc.stdout
    one_error_line(proc, f"{name}:")
    assert b"binary file (NUL byte at offset" in proc.stdout


def test_cr_only_line_breaks_are_refused_with_the_fix(pair):
    """Decided: refused, not guessed. Read by LF the file is one line; reading CR as a
    break would give positions no LF-counting editor or --fix shares."""
    (pair / "doc.ar.txt").write_text("واحد.\nاثنان.\nثلاثة.\n", encoding="utf-8")
    (pair / "doc.en.txt").write_bytes(b"One.\rTwo.\rThree.\r")
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    one_error_line(
        proc,
        "doc.en.txt:1:5: error: line breaks are CR only (classic Mac OS); lintr counts lines "
        "by LF: re-save the file with LF or CRLF line endings [input-error]",
    )


def test_crlf_and_a_stray_cr_inside_a_line_are_still_read(pair):
    (pair / "doc.ar.txt").write_bytes(AR.encode() * 2)
    (pair / "doc.en.txt").write_bytes(b"The source\rsaid.\r\nThe attack failed.")
    proc = lintr("check", "doc.ar.txt", *ARGS, "--select", "input-error", cwd=pair)
    assert proc.returncode == 0, proc.stdout


def test_an_unreadable_bilingual_file_in_a_folder_is_reported(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "article.txt").write_bytes(
        AR.encode() + b"\n" + b"The source said \xe9 the attack failed.\n"
    )
    proc = lintr("check", "d", cwd=tmp_path)
    one_error_line(proc, "d/article.txt:3:17: error: not valid UTF-8: byte 0xE9 at offset")


def test_an_empty_text_file_in_a_folder_is_still_passed_over(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_bytes(b"")
    (tmp_path / "d" / "doc.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "d" / "doc.en.txt").write_text(EN, encoding="utf-8")
    proc = lintr("check", "d", *ARGS, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_an_error(pair):
    sub = pair / "sub"
    sub.mkdir()
    (sub / "x.ar.txt").write_text(AR, encoding="utf-8")
    sub.chmod(0)
    try:
        proc = lintr("check", ".", *ARGS, cwd=pair)
    finally:
        sub.chmod(0o755)
    one_error_line(proc, "sub:1:1: error: cannot read folder: Permission denied [input-error]")


def test_an_unlistable_subfolder_is_an_error_when_walking(pair, monkeypatch):
    """The same as above where the tests run as root: the folder listing itself fails."""
    from lintr.run import discovery

    sub = pair / "sub"
    sub.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list = []
    list(discovery._walk(str(pair), errors))
    assert [(Path(e.path).name, e.message) for e in errors] == [
        ("sub", "cannot read folder: Permission denied")
    ]


def test_a_pipe_as_counterpart_is_refused_without_waiting(pair):
    os.remove(pair / "doc.en.txt")
    os.mkfifo(pair / "doc.en.txt")
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    one_error_line(
        proc,
        "doc.en.txt:1:1: error: is a named pipe (FIFO), not a regular file; lintr reads "
        "regular files only [input-error]",
    )


def test_a_pipe_given_as_source_is_refused(pair):
    os.mkfifo(pair / "pipe.txt")
    proc = lintr("check", "--source", "pipe.txt", "--target", "doc.en.txt", cwd=pair)
    one_error_line(proc, "pipe.txt:1:1: error: is a named pipe (FIFO)")


def test_a_socket_is_refused(pair):
    os.remove(pair / "doc.en.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(pair / "doc.en.txt"))
        proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    finally:
        server.close()
    one_error_line(proc, "doc.en.txt:1:1: error: is a socket, not a regular file")


def test_a_link_to_a_device_is_refused(pair):
    os.remove(pair / "doc.en.txt")
    os.symlink("/dev/zero", pair / "doc.en.txt")
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    one_error_line(proc, "doc.en.txt:1:1: error: is a character device, not a regular file")


@pytest.mark.parametrize(
    "args",
    [("check", ""), ("check", "--source", "", "--target", "doc.en.txt")],
    ids=["path", "source"],
)
def test_an_empty_path(pair, args):
    proc = lintr(*args, cwd=pair)
    one_error_line(
        proc,
        'lintr: error: an empty path ("") was given; expected a file or a folder',
        "stderr",
    )


def test_a_folder_where_a_file_is_expected(pair):
    (pair / "folder").mkdir()
    proc = lintr("check", "doc.ar.txt", "--config", "folder", cwd=pair)
    one_error_line(proc, "lintr: error: --config folder: is not a regular file", "stderr")
    proc = lintr("check", "doc.ar.txt", "--baseline", "folder", cwd=pair)
    one_error_line(proc, "lintr: error: folder:1:1: is a directory, expected a file", "stderr")


def test_a_link_loop_as_counterpart_and_while_walking(pair):
    os.remove(pair / "doc.en.txt")
    os.symlink("doc.en.txt", pair / "doc.en.txt")  # points at itself
    os.symlink(".", pair / "again")  # a folder link back up: not followed
    expected = (
        "doc.ar.txt:1:1: error: missing counterpart: expected doc.en.txt (it is a symbolic "
        "link to nothing, or a loop of links) [input-error]"
    )
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    one_error_line(proc, expected)
    proc = lintr("check", ".", *ARGS, cwd=pair)
    one_error_line(proc, expected)
    proc = lintr("check", "--source", "doc.ar.txt", "--target", "doc.en.txt", cwd=pair)
    one_error_line(proc, "doc.en.txt:1:1: error: cannot read: Too many levels of symbolic links")


NAME = os.fsdecode(b"caf\xe9")  # not UTF-8: a lone surrogate in Python


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github"])
def test_a_file_name_that_is_not_utf8(tmp_path, fmt):
    (tmp_path / f"{NAME}.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / f"{NAME}.en.txt").write_text(DOUBLED, encoding="utf-8")
    proc = lintr("check", f"{NAME}.ar.txt", *ARGS, "--format", fmt, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert b"Traceback" not in proc.stderr
    out = proc.stdout.decode("utf-8")  # the output is valid UTF-8
    shown = "caf%E9.en.txt" if fmt == "sarif" else "caf\\\\xe9.en.txt"
    if fmt in ("text", "github"):
        shown = "caf\\xe9.en.txt"
    assert shown in out


def test_fix_on_a_file_name_that_is_not_utf8(tmp_path):
    (tmp_path / f"{NAME}.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / f"{NAME}.en.txt").write_text(DOUBLED, encoding="utf-8")
    proc = lintr("check", f"{NAME}.ar.txt", *ARGS, "--fix", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / f"{NAME}.en.txt").read_text(encoding="utf-8") == "The source said the " + (
        "attack failed.\n"
    )


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path):
    (tmp_path / "a\nb.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "a\nb.en.txt").write_text(DOUBLED, encoding="utf-8")
    proc = lintr("check", "a\nb.ar.txt", *ARGS, cwd=tmp_path)
    assert proc.stdout.decode().splitlines() == [
        'a\\x0ab.en.txt:1:5: warning: doubled word "the" in the English target: remove the second "the" [doubled-word]'
    ]


# A fault injected into a real run: the target changes after lintr's first pass over it
# (which counted its lines) and before the pairs are read.
CHANGE_AFTER_FIRST_PASS = """
import os
from lintr.run import engine
learn = engine.stream_model
def changed(stream, src, tgt):
    {action}
    return learn(stream, src, tgt)
engine.stream_model = changed
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "action",
    [
        "open('doc.en.txt', 'r+b').truncate(3000)",
        "os.remove('doc.en.txt')",
    ],
    ids=["truncated", "deleted"],
)
def test_a_file_that_changes_during_the_run_is_named(pair, jobs, action):
    (pair / "doc.ar.txt").write_text(AR * 300, encoding="utf-8")
    (pair / "doc.en.txt").write_text(EN * 300, encoding="utf-8")
    code = CHANGE_AFTER_FIRST_PASS.format(action=action)
    args = ("check", "doc.ar.txt", *ARGS, "--jobs", jobs, "--batch-size", "20")
    proc = lintr(*args, cwd=pair, code=code)
    expected = (
        "lintr: error: doc.en.txt:"
        if "truncate" in action
        else "lintr: error: doc.en.txt:1:1: no such file or directory"
    )
    one_error_line(proc, expected, "stderr")
    if "truncate" in action:
        assert b"changed while lintr was reading it" in proc.stderr


# -- the other files lintr reads ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'# caf\xe9\nsource-lang = "ar"\n', "is not valid UTF-8 (byte 0xE9 on line 1)"),
        ('source-lang = "ar"\n'.encode("utf-16"), "is UTF-16; re-save it as UTF-8"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "is a binary file (it holds NUL bytes)"),
        (b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "invalid TOML: nested too deeply"),
    ],
    ids=["latin1", "utf16", "binary", "nested"],
)
def test_a_bad_configuration_file(pair, data, expected):
    (pair / "lintr.toml").write_bytes(data)
    proc = lintr("check", "doc.ar.txt", cwd=pair)
    one_error_line(proc, f"lintr: error: lintr.toml: {expected}", "stderr")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x00\x01\x02\xff" * 100, "not a lintr json/jsonl output: not UTF-8 text"),
        (b'{"findings": [], "x": "caf\xe9"}', "not a lintr json/jsonl output: not UTF-8 text"),
    ],
    ids=["binary", "latin1"],
)
def test_a_bad_baseline(pair, data, expected):
    (pair / "base.json").write_bytes(data)
    proc = lintr("check", "doc.ar.txt", *ARGS, "--baseline", "base.json", cwd=pair)
    one_error_line(proc, f"lintr: error: base.json:1:1: {expected}", "stderr")


def test_a_device_as_baseline_or_configuration(pair):
    proc = lintr("check", "doc.ar.txt", *ARGS, "--baseline", "/dev/zero", cwd=pair)
    one_error_line(proc, "lintr: error: /dev/zero:1:1: is a character device", "stderr")
    proc = lintr("check", "doc.ar.txt", *ARGS, "--config", "/dev/zero", cwd=pair)
    one_error_line(proc, "lintr: error: --config /dev/zero: is not a regular file", "stderr")


def test_a_device_as_glossary(pair):
    (pair / "lintr.toml").write_text('[rules.glossary]\nglossary-file = "/dev/zero"\n')
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    one_error_line(
        proc,
        "lintr: error: glossary-file: /dev/zero is not a regular file (a pipe or a device)",
        "stderr",
    )


def test_an_oversized_glossary_is_refused(pair, monkeypatch):
    from lintr.config import files

    (pair / "g.tsv").write_text("a\tb\n" * 10, encoding="utf-8")
    monkeypatch.setattr(files, "MAX_BYTES", 8)
    with pytest.raises(files.FileProblem, match="larger than"):
        files.read_capped(pair / "g.tsv", 8)


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("length-ratio.threshold", "nan", "expected a finite number, got nan"),
        ("length-ratio.threshold", "inf", "expected a finite number, got inf"),
        ("length-ratio.threshold", "-2.5", "expected 0 or more, got -2.5"),
        ("spelling-variant.max-rare", "-5", "expected 0 or more, got -5"),
        ("length-ratio.min-pairs", "-1", "expected 0 or more, got -1"),
    ],
)
def test_absurd_option_values_name_the_key(pair, option, value, expected):
    rule, name = option.split(".")
    (pair / "lintr.toml").write_text(f"[rules.{rule}]\n{name} = {value}\n")
    proc = lintr("check", "doc.ar.txt", *ARGS, cwd=pair)
    one_error_line(proc, f"lintr: error: lintr.toml: rules.{option}: {expected}", "stderr")


def test_many_jobs_are_capped_with_a_note(pair):
    proc = lintr("check", "doc.ar.txt", *ARGS, "--jobs", "100000", cwd=pair)
    assert proc.returncode == 0
    assert b"lintr: note: --jobs 100000 is more than 4 per core" in proc.stderr


def test_an_absurd_batch_size_is_refused(pair):
    proc = lintr("check", "doc.ar.txt", *ARGS, "--batch-size", "1" + "0" * 30, cwd=pair)
    one_error_line(
        proc, "lintr: error: --batch-size: expected a number of pairs, 1 to 10,000,000", "stderr"
    )


def test_numbers_of_thousands_of_digits_never_raise(tmp_path):
    digits = "1" * 5000
    rows = [
        f"1.{digits}.1",
        f"12:{digits}",
        f"1/{digits}",
        f"{digits} km",
        f"{digits} pm",
        f"{'١' * 5000} كم",
        f"١٢:{'٣' * 5000}",
    ]
    (tmp_path / "big.tsv").write_text(
        "".join(f"قال {r} رجلا.\tHe said {r} men.\n" for r in rows), encoding="utf-8"
    )
    proc = lintr("check", "big.tsv", *ARGS, cwd=tmp_path)
    assert b"internal-error" not in proc.stdout
    assert b"Traceback" not in proc.stderr
    assert proc.returncode in (0, 1)


# -- output faults ------------------------------------------------------------------------


def test_stdout_closed(pair):
    (pair / "doc.en.txt").write_text(DOUBLED, encoding="utf-8")
    before = snapshot(pair)
    code = "import os, sys\nos.close(1)\nsys.stdout = None\n"
    proc = lintr("check", "doc.ar.txt", *ARGS, "--fix", cwd=pair, code=code)
    one_error_line(
        proc, "lintr: error: standard output is closed; nothing could be reported", "stderr"
    )
    assert snapshot(pair) == before  # refused before anything was fixed


def test_a_full_device_as_output(pair):
    (pair / "doc.en.txt").write_text(DOUBLED, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = lintr("check", "doc.ar.txt", *ARGS, "--format", "json", cwd=pair, stdout=full)
    one_error_line(proc, "lintr: error: cannot write the output: No space left on device", "stderr")


def test_a_broken_pipe_is_quiet_and_keeps_the_status(tmp_path):
    (tmp_path / "c.tsv").write_text("قال.\tThe the said.\n" * 20_000, encoding="utf-8")
    command = [sys.executable, "-m", "lintr", "check", "c.tsv", *ARGS, "--select", "doubled-word"]
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 1  # the findings' status, as if the output had been read
    assert "Traceback" not in err and "error" not in err.lower(), err


# What --fix meets when the folder or disk refuses the new file (the real faults need a
# read-only or full file system; these are the errors it raises).
FIX_FAULTS = {
    "read-only": """
import errno, tempfile
def refused(*a, **k):
    raise OSError(errno.EROFS, "Read-only file system")
tempfile.mkstemp = refused
""",
    "full-disk": """
import errno, os
real_fsync = os.fsync
def full(fd):
    raise OSError(errno.ENOSPC, "No space left on device")
os.fsync = full
""",
}


@pytest.mark.parametrize("fault", FIX_FAULTS)
def test_fix_that_cannot_write_leaves_the_original(pair, fault):
    (pair / "doc.en.txt").write_text(DOUBLED, encoding="utf-8")
    before = snapshot(pair)
    proc = lintr("check", "doc.ar.txt", *ARGS, "--fix", cwd=pair, code=FIX_FAULTS[fault])
    why = "Read-only file system" if fault == "read-only" else "No space left on device"
    one_error_line(proc, f"lintr: error: doc.en.txt: cannot write: {why}; not fixed", "stderr")
    assert snapshot(pair) == before  # the original intact, no temporary file left


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_fix_in_a_read_only_folder(pair):
    (pair / "doc.en.txt").write_text(DOUBLED, encoding="utf-8")
    before = snapshot(pair)
    pair.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        proc = lintr("check", "doc.ar.txt", *ARGS, "--fix", cwd=pair)
    finally:
        pair.chmod(0o755)
    one_error_line(proc, "lintr: error: doc.en.txt: cannot write: Permission denied", "stderr")
    assert snapshot(pair) == before
