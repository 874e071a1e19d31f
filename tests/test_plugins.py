"""Third-party plugins load exactly like the built-ins, through the ``lintr`` entry points."""

from __future__ import annotations

import textwrap

import pytest
from conftest import run_lintr

PLUGIN = '''
from lintr.hookspecs import hookimpl
from lintr.rules.base import Rule


class Shouting(Rule):
    """A target written in capitals only.

    Capitals read as shouting; the house style forbids them.
    """

    id = "shouting"

    def check(self, pair):
        text = pair.target.text
        if text.strip() and text.upper() == text and any(c.isalpha() for c in text):
            yield self.finding("target is all capitals", pair.target.location(0, len(text)))


class Crashing(Rule):
    """Fails on every pair (to test that the others still run)."""

    id = "crashing"

    def check(self, pair):
        return 1 / 0


@hookimpl
def lintr_rules():
    return [Shouting, Crashing]
'''


def install_fake_distribution(site, name: str, module: str, source: str, entry: str):
    """What `pip install` leaves behind: a module and a dist-info with an entry point."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{name.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text(f"[lintr]\n{entry} = {module}\n")


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    install_fake_distribution(folder, "lintr-shouting", "lintr_shouting", PLUGIN, "shouting")
    return folder


@pytest.fixture
def pair(plugin_pair):
    return plugin_pair


def test_outside_plugin_rule_is_listed_explained_and_fires(site, pair):
    env = {"PYTHONPATH": str(site)}
    rules = run_lintr("rules", env=env)
    assert any(line.split()[0] == "shouting" for line in rules.stdout.splitlines())
    explain = run_lintr("explain", "shouting", env=env)
    assert "from lintr-shouting 1.2.3" in explain.stdout
    assert "Capitals read as shouting" in explain.stdout
    check = run_lintr(
        "check", "doc.ar.txt", "--source-lang", "ar", "--ignore", "crashing", cwd=pair, env=env
    )
    assert "doc.en.txt:1:1: warning: target is all capitals [shouting]" in check.stdout
    assert "[doubled-word]" in check.stdout  # the built-ins run beside it


def test_a_rule_that_raises_becomes_internal_error_and_others_still_run(site, pair):
    check = run_lintr(
        "check", "doc.ar.txt", "--source-lang", "ar", cwd=pair, env={"PYTHONPATH": str(site)}
    )
    crashes = [line for line in check.stdout.splitlines() if "[internal-error]" in line]
    assert len(crashes) == 2  # one per pair
    assert crashes[0] == (
        "doc.ar.txt:1:1: error: rule crashing (lintr-shouting 1.2.3) failed on this pair: "
        "ZeroDivisionError: division by zero; the other rules still ran [internal-error]"
    )
    assert "[shouting]" in check.stdout and "[doubled-word]" in check.stdout
    assert check.returncode == 1
    assert "Traceback" not in check.stderr


def test_a_plugin_that_fails_to_import_is_reported_and_the_run_goes_on(tmp_path, pair):
    site = tmp_path / "broken-site"
    site.mkdir()
    install_fake_distribution(
        site, "lintr-broken", "lintr_broken", "raise ImportError('needs libfoo')\n", "broken"
    )
    check = run_lintr(
        "check", "doc.ar.txt", "--source-lang", "ar", cwd=pair, env={"PYTHONPATH": str(site)}
    )
    assert (
        "lintr: warning: plugin 'broken' (lintr-broken 1.2.3) failed to load: "
        "ImportError: needs libfoo; its rules are skipped"
    ) in check.stderr
    assert "[doubled-word]" in check.stdout
    assert check.returncode == 1


def test_builtins_come_through_entry_points(registry):
    assert registry.plugins["rules-repetition"].origin == "lintr 0.1.0"
    assert registry.plugins["reader-tsv"].distribution == "lintr"
    assert registry.origin_of(registry.rules["doubled-word"]) == "lintr 0.1.0"
    assert set(registry.languages.by_code) >= {"ar", "en"}
    assert registry.warnings == []
