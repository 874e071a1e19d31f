"""A progress bar on stderr for long runs (pairs done, pairs/s, findings so far).

Shown only when stderr is a terminal, and only once a run has lasted ``DELAY`` seconds, so
that short runs, pipes and CI logs stay clean. tqdm draws it: it is small, imports fast,
and handles terminal width, rates and redraw throttling; it is imported only when needed.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

DELAY = 2.0  # seconds before a bar appears


class ProgressBar:
    def __init__(self, total: int | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total = total
        self.started = time.monotonic()
        self.pairs = 0
        self._bar: Any = None

    def update(self, pairs: int, findings: int) -> None:
        self.pairs += pairs
        if self._bar is None:
            if time.monotonic() - self.started < DELAY:
                return
            from tqdm import tqdm

            self._bar = tqdm(
                total=self.total,
                initial=0,
                unit=" pairs",
                unit_scale=True,
                file=self.stream,
                leave=False,
                ncols=_width(self.stream),
                mininterval=0.5,
            )
            # The rate and elapsed time count from the start of the run (tqdm uses time.time).
            self._bar.start_t = time.time() - (time.monotonic() - self.started)
        self._bar.update(self.pairs - self._bar.n)
        self._bar.set_postfix_str(f"{findings} findings", refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _width(stream: TextIO) -> int:
    """The terminal's width; 80 where it reports none (a fresh pty says 0)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80


def wanted(disabled: bool, stream: TextIO | None = None) -> bool:
    """A bar only on a terminal, and not with --no-progress."""
    stream = stream or sys.stderr
    return not disabled and hasattr(stream, "isatty") and stream.isatty()
