"""``--fix`` rewrites a file only while it is what lintr read (issue 20): a file changed in
between (an editor, a second --fix) is refused, never cut apart ("theack"); line endings and
symbolic links survive; a plugin's fix for a file that is not an input writes nothing."""

from __future__ import annotations

import fcntl
import os

import pytest
from conftest import run_lintr
from test_plugins import install_fake_distribution

from lintr.cli import commands
from lintr.findings import fixes, safe_write

AR = "وصل 55 جندياً إلى المدينة.\nقال المصدر إن الهجوم فشل.\n"
DIRTY = "55 soldiers reached the the city.\nThe source said the attack failed.\n"
CLEAN = "55 soldiers reached the city.\nThe source said the attack failed.\n"
# What an editor saved meanwhile: the old fix positions would cut into these words.
EDITED = "55 soldiers reached the city.\nThe source said that the attack failed.\n"


@pytest.fixture
def pair(tmp_path, monkeypatch):
    (tmp_path / "doc.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fix_in_process(capsys) -> tuple[int, str]:
    code = commands.main(["check", "doc.ar.txt", "--source-lang", "ar", "--fix"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def _after_run(monkeypatch, action) -> None:
    """Run ``action`` once lintr has read and checked the files, before --fix writes."""
    run = commands._run

    def run_then_act(*args, **kwargs):
        result = run(*args, **kwargs)
        action()
        return result

    monkeypatch.setattr(commands, "_run", run_then_act)


REFUSED = "lintr: error: doc.en.txt changed since lintr read it; not fixed (run lintr again)"


@pytest.mark.parametrize("how", ["in place", "renamed over", "same size"])
def test_a_file_saved_between_read_and_write_is_refused(pair, monkeypatch, capsys, how):
    en = pair / "doc.en.txt"
    text = EDITED if how != "same size" else DIRTY.replace("the the", "abc the")

    def save():
        if how == "renamed over":
            (pair / "saved.tmp").write_text(text, encoding="utf-8")
            os.replace(pair / "saved.tmp", en)
        else:
            en.write_text(text, encoding="utf-8")

    _after_run(monkeypatch, save)
    code, err = _fix_in_process(capsys)
    assert code == 2
    assert REFUSED in err.splitlines()
    assert en.read_text(encoding="utf-8") == text
    assert not list(pair.glob(".lintr-*"))


def test_a_second_fix_run_meanwhile_is_not_undone_or_corrupted(pair, monkeypatch, capsys):
    def second_run():
        other = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", "--fix", cwd=pair)
        assert other.returncode == 0, other.stderr

    _after_run(monkeypatch, second_run)
    code, err = _fix_in_process(capsys)
    assert code == 2 and REFUSED in err
    assert (pair / "doc.en.txt").read_text(encoding="utf-8") == CLEAN


def test_a_write_in_the_last_moment_is_refused(pair, monkeypatch, capsys):
    """An editor takes no lock: the file is looked at again once the new bytes are synced."""
    en = pair / "doc.en.txt"
    replace = fixes.replace

    def saved_meanwhile(real, data, expected):
        en.write_text(EDITED, encoding="utf-8")
        replace(real, data, expected)

    monkeypatch.setattr(fixes, "replace", saved_meanwhile)
    code, err = _fix_in_process(capsys)
    assert code == 2 and REFUSED in err
    assert en.read_text(encoding="utf-8") == EDITED
    assert not list(pair.glob(".lintr-*"))


def test_a_file_locked_by_another_fix_is_waited_for_then_refused(pair, monkeypatch, capsys):
    monkeypatch.setattr(safe_write, "LOCK_WAIT", 0.2)
    with open(pair / "doc.en.txt", "rb") as other:
        fcntl.flock(other.fileno(), fcntl.LOCK_EX)
        code, err = _fix_in_process(capsys)
    assert code == 2
    assert (
        "lintr: error: doc.en.txt is being rewritten by another process; "
        "not fixed (run lintr again)"
    ) in err
    assert (pair / "doc.en.txt").read_text(encoding="utf-8") == DIRTY


def test_an_unchanged_file_is_fixed_keeping_its_mode(pair, capsys):
    en = pair / "doc.en.txt"
    en.chmod(0o640)
    code, err = _fix_in_process(capsys)
    assert code == 0 and "Fixed 1 finding." in err
    assert en.read_text(encoding="utf-8") == CLEAN
    assert en.stat().st_mode & 0o777 == 0o640


def test_mixed_line_endings_each_line_keeps_its_own(tmp_path):
    ar = "وصل 55 جندياً إلى المدينة.\r\nقال المصدر إن الهجوم فشل.\nانتهى الأمر.\r\n"
    en = (
        "55 soldiers reached the the city.\r\nThe source said the the attack failed.\nIt ended.\r\n"
    )
    (tmp_path / "doc.ar.txt").write_bytes(ar.encode())
    (tmp_path / "doc.en.txt").write_bytes(b"\xef\xbb\xbf" + en.encode())
    proc = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", "--fix", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "doc.en.txt").read_bytes() == b"\xef\xbb\xbf" + en.replace(
        "the the", "the"
    ).encode()
    assert (tmp_path / "doc.ar.txt").read_bytes() == ar.encode()


def test_a_symbolic_link_is_kept_and_its_target_fixed(tmp_path):
    real, work = tmp_path / "real", tmp_path / "work"
    real.mkdir()
    work.mkdir()
    (work / "doc.ar.txt").write_text(AR, encoding="utf-8")
    (real / "english.txt").write_text(DIRTY, encoding="utf-8")
    (work / "doc.en.txt").symlink_to("../real/english.txt")
    proc = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", "--fix", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert os.readlink(work / "doc.en.txt") == "../real/english.txt"
    assert (real / "english.txt").read_text(encoding="utf-8") == CLEAN
    assert not list(real.glob(".lintr-*")) and not list(work.glob(".lintr-*"))


PLUGIN = '''
import os

from lintr.hookspecs import hookimpl
from lintr.model import Edit, Location
from lintr.rules.base import Rule


class ElsewhereFix(Rule):
    """Offers a fix for a file that is not an input."""

    id = "elsewhere-fix"

    def check(self, pair):
        where = Location(os.environ["OUTSIDE"], 1, 1, 1, 4)
        yield self.finding("fix elsewhere", pair.target.location(0, 1), fix=[Edit(where, "")])


class FarFix(Rule):
    """Offers a fix past the end of its file."""

    id = "far-fix"

    def check(self, pair):
        loc = pair.target.location(0, 1)
        far = Location(loc.path, 999, 1, 999, 3)
        yield self.finding("fix far away", loc, fix=[Edit(far, "")])


@hookimpl
def lintr_rules():
    return [ElsewhereFix, FarFix]
'''


def test_plugin_fixes_outside_the_inputs_write_nothing(tmp_path):
    site, work = tmp_path / "site", tmp_path / "work"
    site.mkdir()
    work.mkdir()
    install_fake_distribution(site, "lintr-meddling", "lintr_meddling", PLUGIN, "meddling")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    (work / "doc.ar.txt").write_text(AR.splitlines()[0] + "\n", encoding="utf-8")
    (work / "doc.en.txt").write_text(DIRTY.splitlines()[0] + "\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site), "OUTSIDE": str(outside)}
    proc = run_lintr("check", "doc.ar.txt", "--source-lang", "ar", "--fix", cwd=work, env=env)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("lintr: error:")]
    assert errors == [
        f"lintr: error: rule elsewhere-fix made a fix for {outside}, which is not an input; "
        "not fixed",
        "lintr: error: rule far-fix made a fix outside doc.en.txt (line 999, column 1); not fixed",
    ]
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    # The other fixes are still made, and the refused findings still reported.
    assert (work / "doc.en.txt").read_text(encoding="utf-8") == CLEAN.splitlines()[0] + "\n"
    assert "[elsewhere-fix]" in proc.stdout and "[far-fix]" in proc.stdout
