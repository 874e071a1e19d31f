"""The pipeline up to the rules: jobs -> readers -> documents -> pairs -> batches, with the
rules each job's settings enable. lintr.run.runner.Run sends the batches to an executor and
takes their findings."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from lintr.align.length import SAMPLE as _SAMPLE
from lintr.align.length import LengthModel, corpus_model, fallback_model
from lintr.config.settings import Settings
from lintr.findings.errors import input_error
from lintr.languages.profile import LanguageProfile, Languages
from lintr.model import Document, Finding, Location, Segment
from lintr.readers import Bitext, InputError, ReadContext, display_path, open_bytes
from lintr.readers.lines import LineStream, Part
from lintr.registry import Registry
from lintr.rules.base import Rule
from lintr.run.batches import Batch, BatchResult, Checker, Record, RuleSpec, record
from lintr.run.discovery import Job
from lintr.run.merging import RunState
from lintr.run.spill import FindingStore, SortedFindings

# Pairs per batch: large enough that sending a batch to a worker costs little next to
# checking it, small enough that memory stays flat and every worker gets work.
BATCH_SIZE = 500


class Executor(Protocol):
    """Runs batches. One whose processes can open the files being checked says so with a
    true ``reads_files`` attribute: it is then sent stretches of line-aligned inputs to
    read (lintr.readers.lines.Part) instead of their pairs. One with an ``early_batches``
    attribute above 0 gets that many of the first input's batches before its length model
    is learned (``Batch.early``), and finishes them itself (lintr.run.batches.finishing)."""

    reads_files: bool
    early_batches: int

    def map(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        """The result of every batch, in the order of the batches."""
        ...


class Progress(Protocol):
    def update(self, pairs: int, findings: int) -> None: ...


class SerialExecutor:
    """Checks the batches in this process, one after the other."""

    reads_files = True
    early_batches = 0

    def __init__(self, checker: Checker):
        self.checker = checker

    def map(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        return map(self.checker.check, batches)


def chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


# What a job gives each of its batches: records, or a part of the input to read and the
# length model of its pairs; and whether it goes out before the model is learned.
Work = tuple[list[Record], Part | None, Any, bool]


def stream_model(stream: LineStream, src: LanguageProfile, tgt: LanguageProfile) -> LengthModel:
    """The length model lintr.align.documents.bitext_pairs would learn from the whole input (the same
    sample)."""
    fallback = fallback_model(src, tgt)
    step = max(1, stream.count // _SAMPLE)
    return corpus_model(stream.texts(step), src, tgt, fallback)


def streamed_records(
    stream: LineStream, src: LanguageProfile, tgt: LanguageProfile
) -> Iterator[Record]:
    """The pairs of a streamed line-aligned input, in order, with their length model."""
    model = stream_model(stream, src, tgt)
    for i, (s, t) in enumerate(stream.rows()):
        yield ((s,), (t,), i, None, model)


def streamed_parts(
    stream: LineStream, src: LanguageProfile, tgt: LanguageProfile, size: int, early: int = 0
) -> Iterator[Work]:
    """The input in parts of ``size`` pairs, which the checking processes read themselves:
    this process reads no pair past the model's sample. The first ``early`` parts go out
    before the model is learned, so that the workers check them while this process learns
    it (about a second, whatever the corpus size), if more parts follow."""
    assert stream.part is not None
    starts = range(0, stream.count, size)
    early = early if len(starts) > early else 0
    for first in starts[:early]:
        yield [], stream.part(first, size), None, True
    model = stream_model(stream, src, tgt)
    for first in starts[early:]:
        yield [], stream.part(first, min(size, stream.count - first)), model, False


def _in_chunks(records: Iterable[Record], size: int) -> Iterator[Work]:
    return ((chunk, None, None, False) for chunk in chunks(records, size))


@dataclass
class Result:
    # A list, or for a run with many findings, a sequence read back from disk (lintr.run.spill)
    findings: list[Finding] | SortedFindings = field(default_factory=list)
    files: int = 0
    pairs: int = 0
    notes: list[str] = field(default_factory=list)
    # During a run: where findings go until they are read back in order into ``findings``.
    pending: FindingStore | None = field(default=None, repr=False, compare=False)

    def add(self, findings: Iterable[Finding]) -> None:
        """Findings made while reading (input errors), during the run: the findings are then
        still a list or a store, not yet read back in order."""
        if self.pending is not None:
            self.pending.extend(findings)
        else:
            assert isinstance(self.findings, list), "the run is over"
            self.findings.extend(findings)

    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(f.rule for f in self.findings).items()))

    def summary(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "pairs": self.pairs,
            "findings": len(self.findings),
            "by_rule": self.by_rule(),
        }


@dataclass
class Overrides:
    """Command-line settings, which win over the configuration file."""

    source_lang: str | None = None
    target_lang: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    baseline: str | None = None
    side: str | None = None  # "source" or "target": only that side's findings (and the pairs')


class Engine:
    def __init__(self, registry: Registry, overrides: Overrides | None = None):
        self.registry = registry
        self.overrides = overrides or Overrides()
        self._rules: dict[int, list[Rule]] = {}

    def enabled_rules(self, settings: Settings) -> list[Rule]:
        """Rule instances for ``settings`` (select/ignore applied), built once per settings."""
        key = id(settings)
        if key not in self._rules:
            select = self.overrides.select or settings.select
            ignore = set(settings.ignore) | set(self.overrides.ignore or ())
            rules = []
            for rule_id, cls in self.registry.rules.items():
                if select and "ALL" not in select and rule_id not in select:
                    continue
                if rule_id in ignore or "ALL" in ignore:
                    continue
                options = dict(settings.rules.get(rule_id, {}))
                severity = options.pop("severity", None)
                rules.append(cls(options, severity))
            self._rules[key] = rules
        return self._rules[key]

    def spec(self, settings: Settings) -> RuleSpec:
        """The enabled rules of ``settings`` as plain data, for a worker to rebuild."""
        return tuple(
            (rule.id, tuple(sorted(rule.settings.items())), rule.severity)
            for rule in self.enabled_rules(settings)
        )

    def rules_in_use(self) -> list[Rule]:
        """The rule instances built so far, for every settings: those whose batches ran."""
        return [rule for rules in self._rules.values() for rule in rules]

    def batches(
        self, jobs: list[Job], result: Result, state: RunState, size: int, how: tuple[bool, int]
    ) -> Iterator[Batch]:
        """The batches of every job, reading each input as it goes (streaming where the
        reader can; parts of it for the checking processes to read if they can, the first
        input's first ones early: see Executor)."""
        seq = 0
        reads, early = how
        for number, job in enumerate(jobs):
            state.files.update(job.paths)
            settings = job.settings
            spec = self.spec(settings)
            try:
                langs, work = self._pairs(job, result, size, reads, early if number == 0 else 0)
            except InputError as err:
                result.add([input_error(err)])
                continue
            state.ignored.update({path: settings.ignored_for(path) for path in job.paths})
            side = self.overrides.side or settings.side
            if side in ("source", "target"):  # "both" (given to override a file's): all
                state.sides.update(dict.fromkeys(job.paths, side))
            for records, part, model, ahead in work:
                yield Batch(seq, spec, *langs, records, state.token, part, model, ahead)
                seq += 1

    def _pairs(
        self, job: Job, result: Result, size: int, reads: bool, early: int
    ) -> tuple[tuple[str, str], Iterator[Work]]:
        """The languages and the batches' work of one job; reading errors raise
        InputError."""
        stream = job.reader.scan(job.paths, self._context(job)) if job.sides_known else None
        if stream is not None:
            result.add(input_error(p) for p in stream.problems)
            self._detect(stream.source, lambda: (s for s, _ in stream.first(200)))
            self._detect(stream.target, lambda: (t for _, t in stream.first(200)))
            src = self.registry.languages.generic(stream.source.lang)
            tgt = self.registry.languages.generic(stream.target.lang)
            langs = (stream.source.lang, stream.target.lang)
            if reads and stream.part is not None:
                return langs, streamed_parts(stream, src, tgt, size, early)
            return langs, _in_chunks(streamed_records(stream, src, tgt), size)
        bitext = self._read(job, result)
        result.add(input_error(p) for p in bitext.problems)
        result.notes.extend(bitext.notes)
        src = self.registry.languages.generic(bitext.source.lang)
        tgt = self.registry.languages.generic(bitext.target.lang)
        dictionary = self.registry.dictionaries.between(src.code, tgt.code)
        # Imported here: line-aligned inputs (most runs, every TSV) never align documents.
        from lintr.align.documents import bitext_pairs

        pairs, note = bitext_pairs(bitext, src, tgt, dictionary)
        if note:
            result.notes.append(note)
        return (bitext.source.lang, bitext.target.lang), _in_chunks(map(record, pairs), size)

    def _context(self, job: Job) -> ReadContext:
        settings = job.settings
        source_lang = self.overrides.source_lang or settings.source_lang
        target_lang = self.overrides.target_lang or settings.target_lang
        languages = self.registry.languages
        return ReadContext(languages, source_lang or job.langs[0], target_lang or job.langs[1])

    def _detect(self, doc: Document, first: Callable[[], Iterator[Segment]]) -> None:
        """The language of a document none was given for, from its first 200 segments."""
        if not doc.lang:
            sample = "\n".join(s.text for s in first())
            doc.lang = self.registry.languages.detect(sample) or ""

    def _read(self, job: Job, result: Result) -> Bitext:
        bitext = job.reader.read(job.paths, self._context(job))
        for doc in (bitext.source, bitext.target):
            self._detect(doc, _head(doc))
        if not (bitext.sides_known and job.sides_known):
            settings = job.settings
            source_lang = self.overrides.source_lang or settings.source_lang
            target_lang = self.overrides.target_lang or settings.target_lang
            languages = self.registry.languages
            _choose_sides(bitext, source_lang, target_lang, result, job, languages)
        return bitext


def _choose_sides(
    bitext: Bitext, source_lang, target_lang, result: Result, job: Job, languages: Languages
) -> None:
    """Decide which version of a bilingual text is the source."""
    first, second = bitext.source, bitext.target
    path = " and ".join(display_path(p) for p in job.paths)
    if source_lang or target_lang:
        if second.lang == source_lang or (target_lang and first.lang == target_lang):
            bitext.source, bitext.target = second, first
        elif not (first.lang == source_lang or second.lang == target_lang):
            wanted = source_lang or target_lang
            raise InputError(
                job.paths[0],
                f"neither version is in {wanted!r} (found {first.lang or '?'} and "
                f"{second.lang or '?'}); check source-lang/target-lang",
            )
    else:
        # Unconfigured: the version in the default target language (English: lintr's users
        # mostly check translations into it) is taken as the target; else the first version.
        target = languages.is_default_target
        if target(first.lang) and not target(second.lang):
            bitext.source, bitext.target = second, first
        result.notes.append(
            f"{path}: took {bitext.source.lang or '?'} as the source and "
            f"{bitext.target.lang or '?'} as the target (guessed; set source-lang to choose)"
        )
    bitext.source.side, bitext.target.side = "source", "target"


def _display(loc: Location) -> Location:
    path = display_path(loc.path)
    if path == loc.path:
        return loc
    return Location(path, loc.line, loc.column, loc.end_line, loc.end_column)


def prepare(finding: Finding) -> None:
    """What a finding needs before the final sort: its path as displayed, a fingerprint."""
    finding.location = _display(finding.location)
    if not finding.fingerprint:
        finding.fingerprint = pairless_fingerprint(finding)


def pairless_fingerprint(finding: Finding) -> str:
    """The fingerprint of a finding made without a pair (corpus rules, input errors)."""
    name = finding.location.path.replace("\\", "/").rsplit("/", 1)[-1]
    return hashlib.sha1(
        "\0".join([finding.rule, name, finding.detail or finding.message]).encode(
            "utf-8", "surrogateescape"
        )
    ).hexdigest()[:16]


def load_baseline(path: str) -> set[str]:
    """Fingerprints of a previous ``--format json`` (or jsonl) output, to be ignored."""
    with open_bytes(path) as handle:  # a pipe or a device is refused, not read forever
        try:
            text = handle.read().decode("utf-8-sig")
        except OSError as exc:
            raise InputError(path, f"cannot read baseline: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise InputError(path, "not a lintr json/jsonl output: not UTF-8 text") from None
    try:
        if text.lstrip().startswith("{") and '"findings"' in text[:200]:
            items = json.loads(text)["findings"]
        else:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        return {item["fingerprint"] for item in items}
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"not a lintr json/jsonl output: {exc}") from None


def _head(doc: Document) -> Callable[[], Iterator[Segment]]:
    """The first 200 segments of ``doc``, enough to tell its language."""
    return lambda: iter(doc.segments[:200])
