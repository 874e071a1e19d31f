"""The findings lintr reports itself rather than a rule: an unreadable input, and a rule or
plugin that failed. Built here only, so that a failure reads the same wherever the run meets
it (a worker checking a pair, the merging of corpus states, the end of the run)."""

from __future__ import annotations

from lintr.model import Finding, Location, Severity
from lintr.readers import InputError, display_path

INPUT_ERROR = "input-error"
INTERNAL_ERROR = "internal-error"


def input_error(err: InputError) -> Finding:
    """An unreadable input, at the file and position the reader named."""
    loc = Location(display_path(err.path), err.line, err.column)
    return Finding(INPUT_ERROR, Severity.ERROR, err.message, loc, detail=err.message)


def internal_error(
    rule_id: str,
    origin: str,
    where: Location,
    exc: BaseException,
    during: str = "on this pair",
    detail: str = "",
) -> Finding:
    """Rule ``rule_id`` (from plugin ``origin``) raised ``exc`` ``during`` its work ("on this
    pair", "while merging corpus state", ...): the run goes on without it, and says so."""
    message = (
        f"rule {rule_id} ({origin}) failed {during}: {type(exc).__name__}: {exc}; "
        "the other rules still ran"
    )
    return Finding(INTERNAL_ERROR, Severity.ERROR, message, where, detail=detail)
