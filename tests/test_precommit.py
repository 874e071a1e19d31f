"""End to end: the pre-commit hook lintr publishes gates real ``git commit``s.

Each test makes a throw-away git repository under ``tmp_path`` with HOME, PRE_COMMIT_HOME
and git's global/system configuration pointed away from the user's, installs the real
pre-commit into it, and commits translation pairs. The hook is the one published in
``.pre-commit-hooks.yaml`` (its ``files`` pattern, ``require_serial``, ...), run as a
``repo: local`` hook whose entry is this checkout's lintr (``sys.executable -m lintr
check``), so no network or package build is needed.

``test_try_repo`` goes further and lets pre-commit build its own environment from a copy
of this checkout (``pre-commit try-repo``); it needs PyPI and runs only with
``LINTR_SLOW_TESTS=1``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")
pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not on PATH")

ROOT = Path(__file__).resolve().parent.parent
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
CONFIG_FILE = ROOT / ".pre-commit-config.yaml"

AR = "ذهب الولد إلى المدرسة.\nالطقس جميل اليوم.\n"
EN_BAD = "The boy went to the the school.\nThe weather is nice today.\n"
EN_GOOD = "The boy went to the school.\nThe weather is nice today.\n"
LINTR_TOML = 'source-lang = "ar"\ntarget-lang = "en"\n'


def published_hook() -> dict:
    hooks = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "lintr"]
    return hook


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """The environment without anything that points git or pre-commit at global state."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "SKIP"
    }
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
        GIT_EDITOR="true",
        PYTHONIOENCODING="utf-8",
        PYTHONUTF8="1",
    )
    return env


class Repo:
    """A temporary git repository with commands run in it."""

    def __init__(self, path: Path, env: dict[str, str]):
        self.path = path
        self.env = env
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q")
        for key, value in (
            ("user.name", "lintr tests"),
            ("user.email", "lintr-tests@example.invalid"),
            ("commit.gpgsign", "false"),
            ("core.autocrlf", "false"),
        ):
            self.git("config", "--local", key, value)

    def run(
        self, *cmd: str, check: bool = True, timeout: float = 120
    ) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            cmd,
            check=False,
            cwd=self.path,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"{shlex.join(cmd)} exited {proc.returncode}:\n{output(proc)}")
        return proc

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self.run("git", *args, check=check)

    def pre_commit(self, *args: str, check: bool = True, timeout: float = 120):
        return self.run(sys.executable, "-m", "pre_commit", *args, check=check, timeout=timeout)

    def write(self, rel: str, text: str) -> None:
        file = self.path / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8", newline="\n")

    def commit(self, message: str, *paths: str, verify: bool = True) -> subprocess.CompletedProcess:
        """Stage ``paths`` and commit; returns git's result, the hook's output included."""
        if paths:
            self.git("add", "--", *paths)
        flags = () if verify else ("--no-verify",)
        return self.git("commit", "-q", "-m", message, *flags, check=False)

    def commits(self) -> int:
        return int(self.git("rev-list", "--count", "HEAD").stdout)


def output(proc: subprocess.CompletedProcess) -> str:
    return proc.stdout + proc.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository whose pre-commit hook runs the published lintr hook with this checkout."""
    hook = dict(published_hook())
    hook["entry"] = f"{shlex.quote(sys.executable)} -m lintr check"
    hook["language"] = "system"
    repo = Repo(tmp_path / "corpus", isolated_env(tmp_path))
    repo.write(
        ".pre-commit-config.yaml",
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, allow_unicode=True),
    )
    repo.write("lintr.toml", LINTR_TOML)
    assert repo.commit("setup", ".pre-commit-config.yaml", "lintr.toml").returncode == 0
    repo.pre_commit("install")
    return repo


def test_published_hook_definition():
    hook = published_hook()
    assert hook["language"] == "python"
    assert hook["entry"] == "lintr check"
    assert hook.get("pass_filenames", True) is True
    files = re.compile(hook["files"])
    for path in (
        "news.ar.txt",
        "news.en.txt",
        "corpus/2024/news.en.md",
        "ar/news.txt",
        "en/a/b/news.text",
        "data/ar/news.txt",
        "pairs.tsv",
        "data/pairs.tsv",
    ):
        assert files.search(path), path
    for path in (
        "README.md",
        "setup.py",
        "lintr/cli.py",
        "news.fr.txt",
        "bar/news.txt",
        "ar/logo.png",
        "ar/.gitkeep",
        "jquery.min.js",
        "examples/syrian-army-attack.txt",
    ):
        assert not files.search(path), path


def test_config_files_are_valid(tmp_path):
    repo_env = isolated_env(tmp_path)
    for cmd, file in (("validate-manifest", HOOKS_FILE), ("validate-config", CONFIG_FILE)):
        proc = subprocess.run(
            [sys.executable, "-m", "pre_commit", cmd, str(file)],
            check=False,
            env=repo_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, output(proc)
    config = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    local = [h for r in config["repos"] if r["repo"] == "local" for h in r["hooks"]]
    (examples,) = [h for h in local if h["id"] == "lintr-examples"]
    assert examples["entry"].startswith("lintr check examples/")
    assert examples["pass_filenames"] is False
    assert examples["files"] == "^examples/"
    # The hook passes on the examples as committed: their known defects are baselined.
    args = examples["entry"].split()[1:]
    proc = subprocess.run(
        [sys.executable, "-m", "lintr", *args],
        cwd=CONFIG_FILE.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, output(proc)


def test_doubled_word_refuses_commit_then_fix_is_accepted(repo):
    repo.write("news.ar.txt", AR)
    repo.write("news.en.txt", EN_BAD)
    proc = repo.commit("add news", "news.ar.txt", "news.en.txt")
    out = output(proc)
    assert proc.returncode != 0, out
    assert re.search(
        r"news\.en\.txt:1:\d+: warning: doubled word \"the\".*\[doubled-word\]", out
    ), out
    assert "exit code: 1" in out
    assert repo.commits() == 1

    repo.write("news.en.txt", EN_GOOD)
    proc = repo.commit("add news", "news.ar.txt", "news.en.txt")
    assert proc.returncode == 0, output(proc)
    assert repo.commits() == 2


@pytest.mark.parametrize(
    "source, target",
    [("news.ar.txt", "news.en.txt"), ("ar/news.txt", "en/news.txt")],
    ids=["suffix", "folders"],
)
def test_changing_only_the_arabic_file_lints_the_pair(repo, source, target):
    # The English already has a doubled word (committed without the hook)...
    repo.write(source, AR)
    repo.write(target, EN_BAD)
    assert repo.commit("unchecked", source, target, verify=False).returncode == 0
    # ...so a commit touching only the Arabic file is refused for it.
    repo.write(source, AR.replace("اليوم", "هذا اليوم"))
    proc = repo.commit("edit the Arabic", source)
    out = output(proc)
    assert proc.returncode != 0, out
    assert f"{target}:1:" in out and "[doubled-word]" in out, out
    assert repo.commits() == 2


@pytest.mark.parametrize(
    "added, expected",
    [
        ("report.ar.txt", "report.en.txt"),
        ("report.en.txt", "report.ar.txt"),
        ("ar/reports/q1.txt", "en/reports/q1.txt"),
    ],
)
def test_missing_counterpart_refuses_commit(repo, added, expected):
    repo.write(added, AR if ".ar." in added or added.startswith("ar/") else EN_GOOD)
    proc = repo.commit("half a pair", added)
    out = output(proc)
    assert proc.returncode != 0, out
    assert f"missing counterpart: expected {expected}" in out, out
    assert "[input-error]" in out and "exit code: 2" in out, out
    assert repo.commits() == 1


def test_unrelated_files_are_not_linted(repo):
    # A doubled word outside translation files is none of lintr's business.
    repo.write("README.md", "# Corpus\n\nThe the news, in Arabic and English.\n")
    repo.write("tool.py", "print('the the')\n")
    repo.write("notes.txt", "the the\n")
    proc = repo.commit("docs", "README.md", "tool.py", "notes.txt")
    out = output(proc)
    assert proc.returncode == 0, out
    assert repo.commits() == 2
    # pre-commit reports the hook as skipped: no file matched its `files` pattern.
    assert re.search(r"^lintr.*\(no files to check\)Skipped$", out, re.MULTILINE), out


def test_many_pairs_are_each_linted_once(repo):
    # Enough files that pre-commit would split them into parallel batches without
    # require_serial, separating a pair's two files (the pair is then reported twice).
    paths = []
    for i in range(8):
        repo.write(f"doc{i}.ar.txt", AR)
        repo.write(f"doc{i}.en.txt", EN_BAD)
        paths += [f"doc{i}.ar.txt", f"doc{i}.en.txt"]
    proc = repo.commit("many", *paths)
    out = output(proc)
    assert proc.returncode != 0, out
    for i in range(8):
        assert (
            len(re.findall(rf"^doc{i}\.en\.txt:1:\d+: .*\[doubled-word\]$", out, re.MULTILINE)) == 1
        ), out


def _copy_checkout(dest: Path, env: dict[str, str]) -> Repo:
    """This checkout as committed plus its uncommitted and untracked (not ignored) files.

    ``try-repo`` on the checkout itself would see uncommitted changes to tracked files
    only, so an untracked .pre-commit-hooks.yaml would be missing from it.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    dest.mkdir(parents=True)
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    copy = Repo(dest, env)
    copy.git("add", "-A")
    copy.git("commit", "-q", "--no-verify", "-m", "snapshot of the lintr checkout")
    return copy


@pytest.mark.skipif(
    os.environ.get("LINTR_SLOW_TESTS") != "1",
    reason="pip-installs lintr from a copy of this checkout, dependencies from PyPI "
    "(about 15 s, needs network): set LINTR_SLOW_TESTS=1",
)
def test_try_repo(tmp_path):
    env = isolated_env(tmp_path)
    lintr_src = _copy_checkout(tmp_path / "lintr-src", env)
    corpus = Repo(tmp_path / "corpus", env)
    corpus.write("lintr.toml", LINTR_TOML)
    corpus.write("news.ar.txt", AR)
    corpus.write("news.en.txt", EN_BAD)
    corpus.write("README.md", "The the readme.\n")
    corpus.git("add", "-A")

    files = ("--files", "news.ar.txt", "news.en.txt", "README.md")
    proc = corpus.pre_commit(
        "try-repo", str(lintr_src.path), "lintr", *files, check=False, timeout=600
    )
    out = output(proc)
    assert proc.returncode == 1, out
    assert re.search(r"news\.en\.txt:1:\d+: warning: doubled word.*\[doubled-word\]", out), out

    corpus.write("news.en.txt", EN_GOOD)
    proc = corpus.pre_commit(
        "try-repo", str(lintr_src.path), "lintr", *files, check=False, timeout=600
    )
    assert proc.returncode == 0, output(proc)
