"""The progress bar: on a terminal for long runs only, never with --no-progress."""

from __future__ import annotations

import io

from lintr.cli import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_shows_pairs_rate_and_findings_once_the_run_is_long(monkeypatch):
    stream = Terminal()
    bar = progress.ProgressBar(stream=stream)
    bar.update(500, 3)
    assert stream.getvalue() == ""  # not yet: short runs stay silent
    monkeypatch.setattr(progress, "DELAY", 0.0)
    bar.update(500, 7)
    bar._bar.refresh()
    shown = stream.getvalue()
    assert "1.00k pairs" in shown and "pairs/s" in shown and "7 findings" in shown
    bar.close()


def test_only_on_a_terminal_and_not_with_no_progress():
    assert progress.wanted(False, Terminal())
    assert not progress.wanted(True, Terminal())
    assert not progress.wanted(False, io.StringIO())
