"""The ``lintr`` command: check, rules, explain."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from lintr import __version__
from lintr import registry as plugins
from lintr.config.settings import ConfigError, Settings, did_you_mean, find_config
from lintr.config.settings import load as load_config
from lintr.model import Severity
from lintr.readers import InputError
from lintr.run.discovery import Job, Plan, configured_paths, plan
from lintr.run.engine import BATCH_SIZE, Engine, Overrides, Result

if TYPE_CHECKING:
    from lintr.findings.safe_write import Stamp

CORE_RULES = {
    "input-error": (
        "any",
        "error",
        "Unreadable input: missing, binary, not UTF-8, empty or malformed.",
    ),
    "internal-error": (
        "any",
        "error",
        "A rule or plugin that failed on an input; the run went on.",
    ),
}


class UsageError(Exception):
    """A bad option or configuration: one line on stderr, exit status 2."""


def _ids(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lintr",
        description="A corpus-quality linter for parallel translations.",
    )
    parser.add_argument("--version", action="version", version=f"lintr {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="check translation pairs and report findings")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders; a file is paired with its counterpart",
    )
    check.add_argument("--source", metavar="FILE", help="the source file of one pair")
    check.add_argument("--target", metavar="FILE", help="the target file of one pair")
    check.add_argument("--source-lang", metavar="L", help="language of the source, e.g. ar")
    check.add_argument("--target-lang", metavar="L", help="language of the target, e.g. en")
    check.add_argument(
        "--format",
        default="text",
        metavar="FORMAT",
        help="text (default), json, jsonl, sarif, github",
    )
    check.add_argument(
        "--select", type=_ids, metavar="IDS", help="only these rules (comma-separated)"
    )
    check.add_argument(
        "--ignore", type=_ids, metavar="IDS", help="skip these rules (comma-separated)"
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    check.add_argument("--config", metavar="FILE", help="use this configuration file only")
    check.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: every core for large inputs, 1 for small ones)",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the batches on a Dask cluster (tcp://HOST:PORT), or 'local' to start one",
    )
    check.add_argument(
        "--batch-size",
        type=int,
        default=BATCH_SIZE,
        metavar="N",
        help=f"pairs per batch sent to a worker (default {BATCH_SIZE}); output does not change",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="ignore findings already in this json/jsonl output"
    )
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    sub.add_parser("rules", help="list every rule: id, scope, default severity, summary")
    explain = sub.add_parser("explain", help="a rule's documentation and options")
    explain.add_argument("rule", metavar="ID")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help(sys.stderr)
        return 2
    registry = plugins.load()
    plugins.warn_failures(registry)
    try:
        if args.command == "rules":
            return cmd_rules(registry)
        if args.command == "explain":
            return cmd_explain(registry, args.rule)
        return cmd_check(registry, args)
    except (UsageError, ConfigError) as exc:
        print(f"lintr: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print("lintr: interrupted", file=sys.stderr)
        return 130


def cmd_rules(registry: plugins.Registry) -> int:
    rows = [
        (cls.id, cls.scope, str(cls.severity), cls.summary()) for cls in registry.rules.values()
    ]
    rows += [(rid, *meta) for rid, meta in CORE_RULES.items()]
    width = max(len(r[0]) for r in rows)
    for rid, scope, severity, summary in sorted(rows):
        print(f"{rid:<{width}}  {scope:<8}  {severity:<7}  {summary}")
    return 0


def cmd_explain(registry: plugins.Registry, rule_id: str) -> int:
    if rule_id in CORE_RULES:
        scope, severity, summary = CORE_RULES[rule_id]
        print(f"{rule_id} ({scope} scope, {severity}; built into lintr)\n\n{summary}")
        return 0
    cls = registry.rules.get(rule_id)
    if cls is None:
        hint = did_you_mean(rule_id, registry.rules) or "; `lintr rules` lists them"
        raise UsageError(f"unknown rule {rule_id!r}{hint}")
    print(
        f"{cls.id} ({cls.scope} scope, default severity {cls.severity}; "
        f"from {registry.origin_of(cls)})\n"
    )
    print(cls.doc())
    print("\nOptions (under [tool.lintr.rules." + cls.id + "]):")
    print(f"  severity: error, warning or info (default {cls.severity})")
    for name, opt in cls.options.items():
        print(f"  {name}: {opt.type_name}, default {opt.default!r}\n      {opt.help}")
    if getattr(cls, "uses_dictionaries", False):
        found = registry.dictionaries.all
        names = ", ".join(f"{d.name} ({d.source}-{d.target})" for d in found) or (
            "none (pip install 'lintr[dictionary]' adds an Arabic-English one)"
        )
        print(f"\nBilingual dictionaries for aligning documents: {names}")
    return 0


class SettingsResolver:
    """The nearest configuration of each file, loaded once per file found, with the
    languages given on the command line put over the configured ones: the files are paired
    (which one is the source) before anything is read, so the flags must be known then."""

    def __init__(
        self,
        registry: plugins.Registry,
        explicit: str | None,
        languages: tuple[str | None, str | None] = (None, None),
    ):
        self.languages = languages
        self.rule_options = {rid: cls.options for rid, cls in registry.rules.items()}
        self.rule_options.update({rid: {} for rid in CORE_RULES})
        self.explicit = Path(explicit) if explicit else None
        self._by_file: dict[Path, Settings] = {}
        self._by_dir: dict[Path, Path | None] = {}
        if self.explicit and not self.explicit.is_file():
            raise UsageError(f"--config {explicit}: no such file")

    def for_path(self, path: str) -> Settings:
        if self.explicit:
            return self._load(self.explicit)
        folder = Path(os.path.abspath(path))
        folder = folder if folder.is_dir() else folder.parent
        if folder not in self._by_dir:
            self._by_dir[folder] = find_config(folder)
        found = self._by_dir[folder]
        return self._load(found) if found else self._default()

    def _load(self, path: Path) -> Settings:
        if path not in self._by_file:
            self._by_file[path] = self._with_languages(load_config(path, self.rule_options))
        return self._by_file[path]

    def _default(self) -> Settings:
        key = Path("<defaults>")
        if key not in self._by_file:
            self._by_file[key] = self._with_languages(Settings())
        return self._by_file[key]

    def _with_languages(self, settings: Settings) -> Settings:
        source, target = self.languages
        settings.source_lang = source or settings.source_lang
        settings.target_lang = target or settings.target_lang
        return settings


def cmd_check(registry: plugins.Registry, args: argparse.Namespace) -> int:
    known = set(registry.rules) | set(CORE_RULES) | {"ALL"}
    for flag in ("select", "ignore"):
        for rid in getattr(args, flag) or ():
            if rid not in known:
                hint = did_you_mean(rid, known) or "; `lintr rules` lists them"
                raise UsageError(f"--{flag}: unknown rule {rid!r}{hint}")
    reporter = registry.reporters.get(args.format)
    if reporter is None:
        raise UsageError(
            f"--format: unknown format {args.format!r} "
            f"(choose from {', '.join(sorted(registry.reporters))})"
        )
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs: expected a number of processes, 1 or more")
    if args.batch_size < 1:
        raise UsageError("--batch-size: expected a number of pairs, 1 or more")
    for flag in ("source_lang", "target_lang"):
        code = getattr(args, flag)
        if code and code not in registry.languages:
            raise UsageError(
                f"--{flag.replace('_', '-')}: unknown language {code!r} "
                f"(known: {', '.join(sorted(registry.languages.by_code))})"
            )
    resolver = SettingsResolver(registry, args.config, (args.source_lang, args.target_lang))
    work = _plan(registry, resolver, args)
    overrides = Overrides(
        args.source_lang, args.target_lang, args.select, args.ignore, args.baseline
    )
    cwd_settings = resolver.for_path(".")
    inputs = _stamps(work) if args.fix else {}
    try:
        result = _run(registry, overrides, work, args)
    except InputError as err:  # an unreadable baseline
        raise UsageError(str(err)) from None
    fixed, refused = 0, []
    if args.fix:
        from lintr.findings.fixes import apply_fixes

        result.findings = list(result.findings)  # fixed findings are told apart by identity
        outcome = apply_fixes(result.findings, inputs)
        done, refused = {id(f) for f in outcome.fixed}, outcome.refused
        fixed = len(done)
        result.findings = [f for f in result.findings if id(f) not in done]
    if args.statistics:
        _statistics(registry, result)
    else:
        reporter.report(result.findings, result.summary(), sys.stdout)
    sys.stdout.flush()
    fail_on = Severity.parse(args.fail_on) if args.fail_on else cwd_settings.fail_on
    if not args.quiet:
        _summary(result, fixed, args.format == "text" or args.statistics)
    for line in refused:
        print(f"lintr: error: {line}", file=sys.stderr)
    if refused or any(f.rule == "input-error" for f in result.findings):
        return 2
    return 1 if any(f.severity >= fail_on for f in result.findings) else 0


def _stamps(work: Plan) -> dict[str, Stamp]:
    """What every input is before it is read: --fix rewrites only files still the same."""
    from lintr.findings.safe_write import stamps

    return stamps(path for job in work.jobs for path in job.paths)


# Inputs up to this size are checked on one process by default: starting workers costs
# more than it saves (about 1,500 pairs of news text).
SMALL_INPUT_BYTES = 2_000_000


def _input_bytes(work: Plan) -> int:
    total = 0
    for job in work.jobs:
        for path in job.paths:
            try:
                total += os.path.getsize(path)
            except OSError:
                pass
    return total


def default_jobs(work: Plan) -> int:
    """Every core for a large input, one process for a small one (a pre-commit run)."""
    if _input_bytes(work) <= SMALL_INPUT_BYTES:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(registry: plugins.Registry, overrides: Overrides, work: Plan, args) -> Result:
    engine = Engine(registry, overrides)
    progress = None
    if _progress_wanted(args, work):
        from lintr.cli.progress import ProgressBar

        progress = ProgressBar()
    try:
        if args.scheduler:
            from lintr.run.distributed import DaskExecutor, connect

            try:
                client, cluster = connect(args.scheduler, args.jobs)
            except RuntimeError as exc:
                raise UsageError(str(exc)) from None
            try:
                executor = DaskExecutor(client)
                return engine.run(work.jobs, work.errors, executor, args.batch_size, progress)
            except OSError as exc:  # the scheduler or a worker went away
                raise UsageError(f"--scheduler {args.scheduler}: {exc}") from None
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
        jobs = args.jobs or default_jobs(work)
        if jobs == 1:
            return engine.run(work.jobs, work.errors, None, args.batch_size, progress)
        from concurrent.futures.process import BrokenProcessPool

        from lintr.run.pool import PoolExecutor

        try:
            executor = PoolExecutor(registry, jobs)
            return engine.run(work.jobs, work.errors, executor, args.batch_size, progress)
        except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal)
            raise UsageError(f"--jobs {jobs}: a worker process died: {exc}") from None
    finally:
        if progress is not None:
            progress.close()


def _progress_wanted(args, work: Plan) -> bool:
    from lintr.cli.progress import wanted

    return wanted(args.no_progress or args.quiet) and _input_bytes(work) > SMALL_INPUT_BYTES


def _plan(registry: plugins.Registry, resolver: SettingsResolver, args) -> Plan:
    if args.source or args.target:
        if not (args.source and args.target) or args.paths:
            raise UsageError("--source and --target go together, without other paths")
        settings = resolver.for_path(args.source)
        work = Plan()
        for path in (args.source, args.target):
            if not os.path.isfile(path):
                work.errors.append(
                    InputError(
                        path,
                        "no such file"
                        if not os.path.exists(path)
                        else "is a directory, expected a file",
                    )
                )
        if not work.errors:
            work.jobs.append(
                Job(registry.readers["text-pair"], [args.source, args.target], settings)
            )
        return work
    paths = args.paths
    if not paths:
        paths = configured_paths(resolver.for_path("."))
        if not paths:
            raise UsageError("nothing to check: give files or folders, or configure `pairs`")
    return plan(paths, resolver.for_path, registry.readers, registry.languages.by_code)


def _statistics(registry: plugins.Registry, result: Result) -> None:
    counts = Counter(f.rule for f in result.findings)
    for rule_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        cls = registry.rules.get(rule_id)
        summary = cls.summary() if cls else CORE_RULES.get(rule_id, ("", "", ""))[2]
        print(f"{count:>6}  {rule_id:<24}  {summary}")


def _summary(result: Result, fixed: int, full: bool) -> None:
    for note in result.notes:
        print(f"lintr: note: {note}", file=sys.stderr)
    if not full:
        return
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    pairs = f"{result.pairs} segment pair{'s' if result.pairs != 1 else ''}"
    if fixed:
        print(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.", file=sys.stderr)
    if not result.findings:
        print(f"All checks passed ({files}, {pairs}).", file=sys.stderr)
        return
    severities = Counter(str(f.severity) for f in result.findings)
    parts = ", ".join(
        f"{severities[s]} {s}{'s' if severities[s] != 1 else ''}"
        for s in ("error", "warning", "info")
        if severities[s]
    )
    n = len(result.findings)
    line = f"Found {n} finding{'s' if n != 1 else ''} ({parts}) in {files}, {pairs}."
    fixable = sum(1 for f in result.findings if f.fix)
    if fixable:
        line += f" {fixable} fixable with --fix."
    print(line, file=sys.stderr)
