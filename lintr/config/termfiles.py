"""The team's own files that rules read: canonical spellings of names and glossaries.

Both are UTF-8 text, one entry a line, fields separated by tabs (``.tsv``) or commas
(``.csv``); blank lines and lines starting with ``#`` are skipped, and so is a first line
that names the columns. A bad file stops the run with one line naming the file and line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from lintr.config.files import FileProblem, decode_utf8, read_capped
from lintr.config.settings import ConfigError

NAMES_HEADER = ("spelling", "arabic")
GLOSSARY_HEADER = ("source", "approved", "forbidden")


@dataclass(frozen=True)
class Canonical:
    """The agreed spelling of one name, and optionally the Arabic it renders."""

    spelling: str
    arabic: str
    path: str
    line: int


@dataclass(frozen=True)
class Term:
    """A glossary entry: a source term, its approved renderings and forbidden ones."""

    source: str
    approved: tuple[str, ...]
    forbidden: tuple[str, ...]
    line: int


def _rows(path: str, option: str) -> list[tuple[int, list[str]]]:
    try:
        text = decode_utf8(read_capped(path))
    except FileProblem as exc:
        raise ConfigError(f"{option}: {path} {exc}") from None
    delimiter = "," if path.lower().endswith(".csv") else "\t"
    rows = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for fields in reader:
        line = reader.line_num
        if not fields or not "".join(fields).strip() or fields[0].lstrip().startswith("#"):
            continue
        rows.append((line, [f.strip() for f in fields]))
    return rows


def _is_header(fields: list[str], header: tuple[str, ...]) -> bool:
    return [f.lower() for f in fields[: len(header)]] == list(header[: len(fields)])


def read_canonical(path: str, option: str = "names-file") -> list[Canonical]:
    """``spelling[<TAB>arabic]`` lines: 'Maġāwīr<TAB>المغاوير'."""
    out = []
    for number, (line, fields) in enumerate(_rows(path, option)):
        if number == 0 and _is_header(fields, NAMES_HEADER):
            continue
        if not fields[0] or len(fields) > 3:
            raise ConfigError(
                f"{option}: {path}:{line}: expected a spelling, then optionally the Arabic "
                f"and a comment, got {len(fields)} fields"
            )
        arabic = fields[1] if len(fields) > 1 else ""
        out.append(Canonical(fields[0], arabic, path, line))
    return out


def _alternatives(field: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in field.split("|") if a.strip())


def read_glossary(path: str, option: str = "glossary-file") -> list[Term]:
    """``source<TAB>approved[|approved...]<TAB>forbidden[|forbidden...]`` lines."""
    out = []
    for number, (line, fields) in enumerate(_rows(path, option)):
        if number == 0 and _is_header(fields, GLOSSARY_HEADER):
            continue
        fields += [""] * (3 - len(fields))
        if len(fields) > 4 or not fields[0] or not (fields[1] or fields[2]):
            raise ConfigError(
                f"{option}: {path}:{line}: expected a source term, approved renderings "
                "and forbidden ones (separated by |), and optionally a comment"
            )
        out.append(Term(fields[0], _alternatives(fields[1]), _alternatives(fields[2]), line))
    return out
