"""The ``lintr`` command: check, rules, explain."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from typing import TYPE_CHECKING

from lintr import __version__
from lintr import registry as plugins
from lintr.config.settings import ConfigError, did_you_mean
from lintr.model import Severity
from lintr.readers import InputError
from lintr.run import (
    BATCH_SIZE,
    CORE_RULES,
    Overrides,
    Plan,
    Result,
    Run,
    RunError,
    known_ids,
    small_input,
)
from lintr.run.discovery import configured_paths

if TYPE_CHECKING:
    from lintr.findings.safe_write import Stamp


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
    rules = sub.add_parser("rules", help="list every rule: id, scope, default severity, summary")
    rules.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="text (default), or markdown: the rule tables of the README",
    )
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
            return cmd_rules(registry, args.format)
        if args.command == "explain":
            return cmd_explain(registry, args.rule)
        return cmd_check(registry, args)
    except (UsageError, ConfigError, plugins.PluginMissing) as exc:
        print(f"lintr: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print("lintr: interrupted", file=sys.stderr)
        return 130


def cmd_rules(registry: plugins.Registry, fmt: str = "text") -> int:
    rows: list[tuple[str, str, str, str]] = [
        (cls.id, cls.scope, str(cls.severity), cls.summary()) for cls in registry.rules.values()
    ]
    rows += [(rid, *meta) for rid, meta in CORE_RULES.items()]
    if fmt == "markdown":
        from lintr.cli.rule_tables import markdown_tables  # here: no check run needs it

        print(markdown_tables(rows), end="")
        return 0
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
    notes = cls.language_notes(registry.languages)
    if notes:
        print(f"\n{notes}")
    print("\nOptions (under [tool.lintr.rules." + cls.id + "]):")
    print(f"  severity: error, warning or info (default {cls.severity})")
    for name, opt in cls.options.items():
        print(f"  {name}: {opt.type_name}, default {opt.default!r}\n      {opt.help}")
    if cls.uses_dictionaries:
        found = registry.dictionaries.all
        names = ", ".join(f"{d.name} ({d.source}-{d.target})" for d in found) or (
            "none (pip install 'lintr[dictionary]' adds an Arabic-English one)"
        )
        print(f"\nBilingual dictionaries for aligning documents: {names}")
    return 0


def cmd_check(registry: plugins.Registry, args: argparse.Namespace) -> int:
    known = known_ids(registry)
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
    if args.config and not os.path.isfile(args.config):
        raise UsageError(f"--config {args.config}: no such file")
    overrides = Overrides(
        args.source_lang, args.target_lang, args.select, args.ignore, args.baseline
    )
    run = Run(
        registry,
        args.config,
        overrides,
        jobs=args.jobs,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
    )
    work = _plan(run, args)
    cwd_settings = run.settings.for_path(".")
    inputs = _stamps(work) if args.fix else {}
    try:
        result = _run(run, work, args)
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


def _run(run: Run, work: Plan, args) -> Result:
    progress = None
    if _progress_wanted(args, work):
        from lintr.cli.progress import ProgressBar

        progress = ProgressBar()
    try:
        return run.check(work, progress)
    except RunError as exc:
        raise UsageError(str(exc)) from None
    finally:
        if progress is not None:
            progress.close()


def _progress_wanted(args, work: Plan) -> bool:
    from lintr.cli.progress import wanted

    return wanted(args.no_progress or args.quiet) and not small_input(work)


def _plan(run: Run, args) -> Plan:
    if args.source or args.target:
        if not (args.source and args.target) or args.paths:
            raise UsageError("--source and --target go together, without other paths")
        return run.plan_pair(args.source, args.target)
    paths = args.paths
    if not paths:
        paths = configured_paths(run.settings.for_path("."))
        if not paths:
            raise UsageError("nothing to check: give files or folders, or configure `pairs`")
    return run.plan(paths)


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
