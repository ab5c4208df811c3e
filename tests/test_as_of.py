"""--as-of: a year out of range is a usage error, and the range's ends work in every output."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli

EXAMPLE = "evidence/example"


@pytest.mark.parametrize("as_of", ["1979-12-31", "2100-01-01", "2206-03-31", "9999-12-31"])
def test_an_assessment_date_out_of_range_is_refused(as_of: str) -> None:
    result = CliRunner().invoke(cli, ["run", "--evidence", EXAMPLE, "--as-of", as_of])
    assert result.exit_code == 2
    assert f"'{as_of}' is outside 1980-01-01 to 2099-12-31" in result.output


@pytest.mark.parametrize("as_of", ["2099-12-31"])  # 1980: the pack postdates it (exit 2)
@pytest.mark.parametrize("command", [["run", "--format", "xlsx", "--history", "off"],
                                     ["gaps", "--format", "html"],
                                     ["matrix", "--format", "xlsx", "--history", "off"]])
def test_the_ends_of_the_range_give_a_report_not_a_crash(tmp_path, as_of: str,
                                                        command: list[str]) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, [*command, "--evidence", EXAMPLE, "--as-of", as_of,
                                      "--output", str(out)])
    assert result.exit_code in {0, 1}, result.output  # gaps and fails, never 3
    assert out.stat().st_size > 1000
