"""``lintr rules --format markdown``: the README's rule tables, made from the rules themselves.

The README used to keep its own wording of each rule, which drifted from the rules; now its
tables are this output (a test compares them), so a rule's summary is written once, in its
docstring.
"""

from __future__ import annotations

from collections.abc import Iterable

HEADER = "| id | default | what it finds |\n|---|---|---|\n"


def markdown_tables(rows: Iterable[tuple[str, str, str, str]]) -> str:
    """Two tables, blank-line separated: the rules of one pair or document (then lintr's own
    ``input-error`` and ``internal-error``), and the rules that learn from the whole corpus.
    ``rows`` are (id, scope, default severity, summary)."""
    ordered = sorted(rows, key=lambda row: (row[1] == "any", row[0]))
    pair = [row for row in ordered if row[1] != "corpus"]
    corpus = [row for row in ordered if row[1] == "corpus"]
    return "\n".join(_table(part) for part in (pair, corpus) if part)


def _table(rows: list[tuple[str, str, str, str]]) -> str:
    return HEADER + "".join(
        f"| `{rid}` | {severity} | {_cell(summary)} |\n" for rid, _, severity, summary in rows
    )


def _cell(text: str) -> str:
    # A bar would end the cell.
    return text.replace("|", "\\|")
