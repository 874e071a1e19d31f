"""Findings kept on disk once a run has many: sorted runs in temporary files, merged as they
are read, so that memory stays flat however many findings a corpus gives (an external merge
sort). A run with few findings never touches the disk and is sorted as a plain list."""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import tempfile
import weakref
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise

from lintr.model import Finding

# Findings held in memory before they are sorted and written out as one run (about 1.5 MB).
SPILL_AT = 2048
# Findings pickled together: fewer, larger reads when the runs are merged.
CHUNK = 256


class FindingStore:
    """Collects the findings of a run (``append``, ``extend``); past ``SPILL_AT`` in memory,
    sorts them and writes them to a temporary file. ``prepare`` is applied to each finding
    before it is sorted (the path as displayed, the fingerprint of a finding without a
    pair): it must depend on the finding alone."""

    def __init__(self, prepare: Callable[[Finding], None]):
        self._prepare = prepare
        self._buffer: list[Finding] = []
        self._runs: list[str] = []
        self._folder: str | None = None
        self._count = 0
        # The hash of every spilled finding's fingerprint (8 bytes each; str hashes are
        # stable within the process): the repeated ones need numbering in sorted order.
        self._hashes = array("q")

    def __len__(self) -> int:
        return self._count

    def append(self, finding: Finding) -> None:
        self._buffer.append(finding)
        self._count += 1
        if len(self._buffer) >= SPILL_AT:
            self._spill()

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.append(finding)

    def _spill(self) -> None:
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="lintr-findings-")
            weakref.finalize(self, shutil.rmtree, self._folder, True)
        run = self._sorted_buffer()
        self._hashes.extend(hash(f.fingerprint) for f in run)
        path = os.path.join(self._folder, f"run{len(self._runs)}")
        with open(path, "wb") as out:
            for i in range(0, len(run), CHUNK):
                pickle.dump(run[i : i + CHUNK], out, pickle.HIGHEST_PROTOCOL)
        self._runs.append(path)

    def _sorted_buffer(self) -> list[Finding]:
        run, self._buffer = self._buffer, []
        for finding in run:
            self._prepare(finding)
        run.sort(key=Finding.sort_key)  # stable: equal keys keep the order they came in
        return run

    def finish(
        self, known: set[str] | None = None, amend: Callable[[Finding], None] | None = None
    ) -> list[Finding] | SortedFindings:
        """All the findings, sorted, repeated fingerprints numbered (#2, #3...), those in
        ``known`` (a baseline) left out: a list if nothing was spilled, else a sequence
        read back from disk on each iteration. ``amend`` is applied to each finding as it
        is read back, before its fingerprint is numbered (the notes a finding gets once
        the whole run is known: lintr.findings.subsume)."""
        if not self._runs:
            findings = self._sorted_buffer()
            if amend is not None:
                for finding in findings:
                    amend(finding)
            number_repeats(findings)
            if known:
                findings = [f for f in findings if f.fingerprint not in known]
            return findings
        self._spill()
        ordered = sorted(self._hashes)
        repeated = {a for a, b in pairwise(ordered) if a == b}
        self._hashes = array("q")
        return SortedFindings(self, repeated, known or set(), amend)

    def _read(self, path: str) -> Iterator[Finding]:
        with open(path, "rb") as handle:
            while True:
                try:
                    yield from pickle.load(handle)
                except EOFError:
                    return


class SortedFindings:
    """The spilled findings of a run in order, merged from the sorted runs on disk each time
    it is iterated (the reporters, the summary and the exit status each read it once)."""

    def __init__(
        self,
        store: FindingStore,
        repeated: set[int],
        known: set[str],
        amend: Callable[[Finding], None] | None = None,
    ):
        self._store = store  # keeps the temporary files alive
        self._repeated = repeated
        self._known = known
        self._amend = amend
        self._len: int | None = None

    def __iter__(self) -> Iterator[Finding]:
        store = self._store
        merged = heapq.merge(*(store._read(p) for p in store._runs), key=Finding.sort_key)
        seen: Counter[str] = Counter()
        for finding in merged:
            if self._amend is not None:
                self._amend(finding)
            fingerprint = finding.fingerprint
            if hash(fingerprint) in self._repeated:
                seen[fingerprint] += 1
                if seen[fingerprint] > 1:
                    finding.fingerprint = f"{fingerprint}-{seen[fingerprint]}"
            if finding.fingerprint not in self._known:
                yield finding

    def __len__(self) -> int:
        if self._len is None:
            self._len = sum(1 for _ in self)
        return self._len

    def __bool__(self) -> bool:
        return len(self) > 0


def number_repeats(findings: list[Finding]) -> None:
    """Make repeated fingerprints unique (#2, #3...), in the order of ``findings``."""
    seen: Counter[str] = Counter()
    for finding in findings:
        seen[finding.fingerprint] += 1
        if seen[finding.fingerprint] > 1:
            finding.fingerprint = f"{finding.fingerprint}-{seen[finding.fingerprint]}"
