"""`checker --help` stays fast by importing nothing heavy (measured in bench/, not here)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("jsonschema", "jsonschema_rs", "yaml", "tabulate", "regorus", "openpyxl", "requests",
         "opa_client", "checker.schemas", "checker.inputs", "checker.report")


def test_help_imports_no_parser_validator_engine_or_renderer():
    probe = ("import json, sys\n"
             "from click.testing import CliRunner\n"
             "from checker.cli import cli\n"
             "result = CliRunner().invoke(cli, ['--help'])\n"
             "assert result.exit_code == 0, result.output\n"
             f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []
