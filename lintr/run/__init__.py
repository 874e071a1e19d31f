"""Running the rules: ``Run`` is the one run loop the command line and the Python API share.

run = Run(registry, config, Overrides(select=["numeral-mismatch"]))
result = run.check(run.plan(["corpus/"]))  # files: a sorted Result
findings = list(run.check_pairs([("قتل 3 جنود.", "4 soldiers were killed.")]))
"""

from lintr.run.discovery import Job, Plan
from lintr.run.engine import BATCH_SIZE, Executor, Overrides, Progress, Result, SerialExecutor
from lintr.run.executors import RunError, small_input
from lintr.run.rules import CORE_RULES, known_ids, rule_options
from lintr.run.runner import Run
from lintr.run.settings import Config

__all__ = [
    "BATCH_SIZE",
    "CORE_RULES",
    "Config",
    "Executor",
    "Job",
    "Overrides",
    "Plan",
    "Progress",
    "Result",
    "Run",
    "RunError",
    "SerialExecutor",
    "known_ids",
    "rule_options",
    "small_input",
]
