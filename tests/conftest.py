"""Shared test helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "syrian-army-attack.txt"


@pytest.fixture
def plugin_pair(tmp_path):
    """A one-pair folder the plugin tests run lintr in: a shouting English line for a plugin
    rule, and "The the" for a built-in one."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "doc.ar.txt").write_text("قال المصدر إن الهجوم فشل.\nوصل الجنود.\n", encoding="utf-8")
    (folder / "doc.en.txt").write_text(
        "THE SOURCE SAID THE ATTACK FAILED.\nThe the soldiers arrived.\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="session")
def registry():
    from lintr import registry as plugins

    return plugins.load()


def run_lintr(*args: str, cwd: Path | str | None = None, env: dict | None = None):
    """Run the real command line (``python -m lintr``) and capture its output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "lintr", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
