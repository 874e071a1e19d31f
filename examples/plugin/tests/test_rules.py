"""Every case of tests/cases/ checked by lintr.testing, as lintr checks its own rules."""

from pathlib import Path

import pytest

from lintr.testing import check_case, rule_cases


@pytest.mark.parametrize("case", rule_cases(Path(__file__).parent / "cases"))
def test_rule(case):
    check_case(case)
