"""The example third-party plugin in examples/plugin/ loads like any installed plugin, and its
cases pass through lintr.testing, as a plugin author would run them.

Nothing is installed: the plugin's folder goes on the path and a fake dist-info (what ``pip
install`` would leave) declares its entry point, so the test needs neither pip nor network.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_lintr

from lintr import registry as plugins
from lintr.testing import check_case, rule_cases

PLUGIN = ROOT / "examples" / "plugin"
CASES = PLUGIN / "tests" / "cases"


def _dist_info(site: Path) -> Path:
    info = site / "lintr_exclamation-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: lintr-exclamation\nVersion: 0.1.0\n"
    )
    (info / "entry_points.txt").write_text("[lintr]\nexclamation = lintr_exclamation\n")
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _dist_info(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def env(site) -> dict[str, str]:
    paths = [str(site), str(PLUGIN), os.environ.get("PYTHONPATH", "")]
    return {"PYTHONPATH": os.pathsep.join(p for p in paths if p)}


@pytest.fixture(scope="module")
def plugin_registry(site):
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGIN))
        patch.syspath_prepend(str(site))
        registry = plugins.load()
        assert "exclamation-mismatch" in registry.rules, registry.warnings
        yield registry
    for name in [m for m in sys.modules if m.startswith("lintr_exclamation")]:
        del sys.modules[name]


@pytest.mark.parametrize("case", rule_cases(CASES))
def test_example_plugin_case(plugin_registry, case):
    check_case(case, plugin_registry)


def test_the_plugin_is_listed_explained_and_fires(env, tmp_path):
    listed = run_lintr("rules", env=env)
    assert "exclamation-mismatch" in listed.stdout, listed.stderr
    explained = run_lintr("explain", "exclamation-mismatch", env=env).stdout
    assert "from lintr-exclamation 0.1.0" in explained and "Why it matters:" in explained
    (tmp_path / "pairs.tsv").write_text("يا له من يوم جميل!\tWhat a beautiful day.\n")
    checked = run_lintr(
        "check", "pairs.tsv", "--source-lang", "ar", "--target-lang", "en", cwd=tmp_path, env=env
    )
    assert "the target none [exclamation-mismatch]" in checked.stdout, checked.stderr


def test_the_plugin_test_file_passes_as_its_author_runs_it(env):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=PLUGIN,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "10 passed" in done.stdout
