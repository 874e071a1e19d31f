"""Table-driven rule cases: one YAML file per rule under tests/rules/ (sqlfluff style).

The schema, the loader and the checks are ``lintr.testing``, the same that plugins use; its
docstring describes the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lintr.testing import check_case, rule_cases

CASES_DIR = Path(__file__).parent / "rules"


@pytest.mark.parametrize("case", rule_cases(CASES_DIR))
def test_rule_case(registry, case):
    check_case(case, registry)
