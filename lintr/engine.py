"""The pipeline: jobs -> readers -> documents -> pairs -> rules -> filtered findings."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lintr.align import bitext_pairs
from lintr.config import Settings
from lintr.model import Finding, Location, Pair, Severity
from lintr.pairing import Job
from lintr.plugins import Registry
from lintr.readers import Bitext, InputError, ReadContext, display_path
from lintr.rule import Rule


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    pairs: int = 0
    notes: list[str] = field(default_factory=list)

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


def input_error(err: InputError) -> Finding:
    loc = Location(display_path(err.path), err.line, err.column)
    finding = Finding("input-error", Severity.ERROR, err.message, loc, detail=err.message)
    return finding


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

    def run(self, jobs: list[Job], errors: list[InputError]) -> Result:
        result = Result()
        result.findings.extend(input_error(e) for e in errors)
        files: set[str] = set()
        corpus_state: dict[str, Any] = {}
        ignored: dict[str, set[str]] = {}  # per-file-ignores of every input path
        self._broken: set[str] = set()  # corpus rules that failed once: not called again
        for job in jobs:
            files.update(job.paths)
            settings = job.settings
            rules = self.enabled_rules(settings)
            try:
                bitext = self._read(job, result)
            except InputError as err:
                result.findings.append(input_error(err))
                continue
            result.findings.extend(input_error(p) for p in bitext.problems)
            src = self.registry.languages.generic(bitext.source.lang)
            tgt = self.registry.languages.generic(bitext.target.lang)
            ignored.update({path: settings.ignored_for(path) for path in job.paths})
            pairs, note = bitext_pairs(bitext, src, tgt)
            if note:
                result.notes.append(note)
            for pair in pairs:
                result.pairs += 1
                result.findings.extend(
                    f for f in self._check(pair, rules, corpus_state) if _kept(f, ignored)
                )
        first = jobs[0].paths[0] if jobs else ""
        for finding in self._finalize(corpus_state, first):
            if _kept(finding, ignored):
                result.findings.append(finding)
        result.files = len(files)
        for finding in result.findings:
            finding.location = _display(finding.location)
        finalize_findings(result.findings)
        baseline = self.overrides.baseline or next(
            (j.settings.baseline for j in jobs if j.settings.baseline), None
        )
        if baseline:
            known = load_baseline(baseline)
            result.findings = [f for f in result.findings if f.fingerprint not in known]
        return result

    def _finalize(self, corpus_state: dict[str, Any], first_path: str) -> Iterator[Finding]:
        for rule in {r.id: r for s in self._rules.values() for r in s}.values():
            if rule.scope != "corpus" or rule.id not in corpus_state:
                continue
            try:
                yield from rule.finalize(corpus_state[rule.id])
            except Exception as exc:
                origin = self.registry.origin_of(type(rule))
                message = (
                    f"rule {rule.id} ({origin}) failed while summing up the corpus: "
                    f"{type(exc).__name__}: {exc}; the other rules still ran"
                )
                yield Finding(
                    "internal-error",
                    Severity.ERROR,
                    message,
                    Location(first_path, 1, 1),
                    detail=f"finalize {rule.id}",
                )

    def _check(self, pair: Pair, rules: list[Rule], corpus_state: dict[str, Any]):
        for rule in rules:
            if rule.id in self._broken:
                continue
            try:
                if rule.scope == "corpus":
                    state = rule.collect(pair)
                    previous = corpus_state.get(rule.id)
                    corpus_state[rule.id] = (
                        state if previous is None else rule.merge(previous, state)
                    )
                    continue
                for finding in rule.check(pair):
                    finding.fingerprint = _fingerprint(finding, pair)
                    yield finding
            except Exception as exc:
                if rule.scope == "corpus":  # its state is lost: report once, then skip it
                    self._broken.add(rule.id)
                    corpus_state.pop(rule.id, None)
                yield self._crash(rule, pair, exc)

    def _crash(self, rule: Rule, pair: Pair, exc: Exception) -> Finding:
        side = pair.source if pair.source else pair.target
        origin = self.registry.origin_of(type(rule))
        message = (
            f"rule {rule.id} ({origin}) failed on this pair: {type(exc).__name__}: {exc}; "
            "the other rules still ran"
        )
        finding = Finding("internal-error", Severity.ERROR, message, side.location(0, 0))
        finding.fingerprint = _fingerprint(finding, pair)
        return finding

    def _read(self, job: Job, result: Result) -> Bitext:
        settings = job.settings
        source_lang = self.overrides.source_lang or settings.source_lang
        target_lang = self.overrides.target_lang or settings.target_lang
        languages = self.registry.languages
        ctx = ReadContext(languages, source_lang or job.langs[0], target_lang or job.langs[1])
        bitext = job.reader.read(job.paths, ctx)
        for doc in (bitext.source, bitext.target):
            if not doc.lang:
                sample = "\n".join(s.text for s in doc.segments[:200])
                doc.lang = languages.detect(sample) or ""
        if not (bitext.sides_known and job.sides_known):
            _choose_sides(bitext, source_lang, target_lang, result, job)
        return bitext


def _choose_sides(bitext: Bitext, source_lang, target_lang, result: Result, job: Job) -> None:
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
        # Unconfigured: the version not in English is taken as the source, since lintr's
        # users mostly check translations into English; else the first version.
        if first.lang == "en" and second.lang != "en":
            bitext.source, bitext.target = second, first
        result.notes.append(
            f"{path}: took {bitext.source.lang or '?'} as the source and "
            f"{bitext.target.lang or '?'} as the target (guessed; set source-lang to choose)"
        )
    bitext.source.side, bitext.target.side = "source", "target"


def _kept(finding: Finding, ignored: dict[str, set[str]]) -> bool:
    skip = ignored.get(finding.location.path, ())
    return finding.rule not in skip and "ALL" not in skip


def _display(loc: Location) -> Location:
    path = display_path(loc.path)
    if path == loc.path:
        return loc
    return Location(path, loc.line, loc.column, loc.end_line, loc.end_column)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _fingerprint(finding: Finding, pair: Pair) -> str:
    """Stable under inserted lines: rule, file name, the pair's texts and the finding's detail."""
    parts = [
        finding.rule,
        finding.location.path.replace("\\", "/").rsplit("/", 1)[-1],
        _squash(pair.source.text),
        _squash(pair.target.text),
        finding.detail or finding.message,
    ]
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


def finalize_findings(findings: list[Finding]) -> None:
    """Sort deterministically and make repeated fingerprints unique (#2, #3...)."""
    findings.sort(key=Finding.sort_key)
    seen: Counter[str] = Counter()
    for finding in findings:
        if not finding.fingerprint:
            name = finding.location.path.replace("\\", "/").rsplit("/", 1)[-1]
            finding.fingerprint = hashlib.sha1(
                "\0".join([finding.rule, name, finding.detail or finding.message]).encode()
            ).hexdigest()[:16]
        seen[finding.fingerprint] += 1
        if seen[finding.fingerprint] > 1:
            finding.fingerprint = f"{finding.fingerprint}-{seen[finding.fingerprint]}"


def load_baseline(path: str) -> set[str]:
    """Fingerprints of a previous ``--format json`` (or jsonl) output, to be ignored."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError(path, f"cannot read baseline: {exc.strerror or exc}") from None
    try:
        if text.lstrip().startswith("{") and '"findings"' in text[:200]:
            items = json.loads(text)["findings"]
        else:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        return {item["fingerprint"] for item in items}
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"not a lintr json/jsonl output: {exc}") from None
