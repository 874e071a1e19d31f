"""The ``lintr`` command: check, rules, explain."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from lintr import __version__
from lintr import registry as plugins
from lintr.config.settings import ConfigError, did_you_mean
from lintr.model import Severity
from lintr.readers import InputError, display_path
from lintr.reporters import printable
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
    check.add_argument(
        "--side",
        choices=["source", "target", "both"],
        help="only the findings on this side of the pairs, and those about whole pairs "
        "(target: for a team whose source is not theirs to change; default: both)",
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


class OutputError(Exception):
    """Standard output cannot be written (closed, a full disk): one line, exit status 2."""


# More worker processes than this many per core only cost memory and start-up time.
JOBS_PER_CORE = 4
MAX_BATCH_SIZE = 10_000_000


def main(argv: list[str] | None = None) -> int:
    if sys.stderr is None:  # started with 2>&-: print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w")  # kept open for the whole run
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help(sys.stderr)
        return 2
    registry = plugins.load()
    plugins.warn_failures(registry)
    try:
        if sys.stdout is None:  # started with >&-: refuse before anything is read or fixed
            raise OutputError("standard output is closed; nothing could be reported")
        if args.command == "rules":
            return _emitted(lambda: cmd_rules(registry, args.format), 0)
        if args.command == "explain":
            return _emitted(lambda: cmd_explain(registry, args.rule), 0)
        return cmd_check(registry, args)
    except (UsageError, ConfigError, plugins.PluginMissing, OutputError) as exc:
        print(f"lintr: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lintr: interrupted", file=sys.stderr)
        return 130


def _emitted(write: Callable[[], int | None], status: int) -> int:
    """Run ``write`` (which writes to standard output) and flush; its status, else
    ``status``. A reader that went away (``| head``) ends the output quietly, like other
    Unix tools, and the status stays what the run found; any other failure to write (a
    full disk) raises OutputError."""
    try:
        done = write()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return status
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None
    return status if done is None else done


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's flush at exit does not
    fail again and print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


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
    args.jobs = _capped_jobs(args.jobs, args.quiet)
    if not 1 <= args.batch_size <= MAX_BATCH_SIZE:
        raise UsageError(f"--batch-size: expected a number of pairs, 1 to {MAX_BATCH_SIZE:,}")
    for flag in ("source_lang", "target_lang"):
        code = getattr(args, flag)
        if code and code not in registry.languages:
            raise UsageError(
                f"--{flag.replace('_', '-')}: unknown language {code!r} "
                f"(known: {', '.join(sorted(registry.languages.by_code))})"
            )
    if args.config is not None and not os.path.isfile(args.config):
        what = "is not a regular file" if os.path.exists(args.config) else "no such file"
        raise UsageError(f"--config {args.config or chr(34) * 2}: {what}")
    overrides = Overrides(
        args.source_lang, args.target_lang, args.select, args.ignore, args.baseline, args.side
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
    except InputError as err:  # an unreadable baseline, a file that changed during the run
        where = f"{display_path(err.path)}:{err.line}:{err.column}"
        raise UsageError(f"{where}: {err.message}") from None
    fixed, refused = 0, []
    if args.fix:
        from lintr.findings.fixes import apply_fixes

        result.findings = list(result.findings)  # fixed findings are told apart by identity
        outcome = apply_fixes(result.findings, inputs)
        done, refused = {id(f) for f in outcome.fixed}, outcome.refused
        fixed = len(done)
        result.findings = [f for f in result.findings if id(f) not in done]
    fail_on = Severity.parse(args.fail_on) if args.fail_on else cwd_settings.fail_on
    if refused or any(f.rule == "input-error" for f in result.findings):
        status = 2
    else:
        status = 1 if any(f.severity >= fail_on for f in result.findings) else 0
    try:
        if args.statistics:
            _emitted(lambda: _statistics(registry, result), status)
        else:
            _emitted(lambda: reporter.report(result.findings, result.summary(), sys.stdout), status)
    except OutputError:
        for line in refused:  # the fixes not made must be told even when the output fails
            print(f"lintr: error: {printable(line)}", file=sys.stderr)
        raise
    if not args.quiet:
        _summary(result, fixed, args.format == "text" or args.statistics)
    for line in refused:
        print(f"lintr: error: {printable(line)}", file=sys.stderr)
    return status


def _capped_jobs(jobs: int | None, quiet: bool) -> int | None:
    """``--jobs``, at most JOBS_PER_CORE processes per core (said on stderr when capped)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    most = JOBS_PER_CORE * (cores or 1)
    if jobs is None or jobs <= most:
        return jobs
    if not quiet:
        print(
            f"lintr: note: --jobs {jobs} is more than {JOBS_PER_CORE} per core "
            f"({cores or 1} cores here); using {most}",
            file=sys.stderr,
        )
    return most


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
    if "" in (args.source, args.target) or "" in args.paths:
        raise UsageError('an empty path ("") was given; expected a file or a folder')
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
        print(f"lintr: note: {printable(note)}", file=sys.stderr)
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
