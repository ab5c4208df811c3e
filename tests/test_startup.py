"""`checker --help` stays fast by importing nothing heavy (measured in bench/, not here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


#: What a JSON run with history off never needs: other formats' libraries, the history store,
#: the pure-Python validator (only wording a rejection), the importers' XML reader.
UNUSED_BY_A_JSON_RUN = ("tabulate", "openpyxl", "xml.etree.ElementTree", "sqlite3",
                        "checker.history.store", "jsonschema", "defusedxml",
                        "checker.importers.run")


def test_a_json_run_imports_nothing_it_does_not_use(tmp_path):
    probe = ("import json, sys\n"
             "from click.testing import CliRunner\n"
             "from checker.cli import cli\n"
             "result = CliRunner().invoke(cli, ['run', '--evidence', 'evidence/example', "
             "'--as-of', '2026-11-01', '--fail-on', 'none', '--history', 'off', '--format', "
             f"'json', '--output', {str(tmp_path / 'out.json')!r}])\n"
             "assert result.exit_code == 0, result.output\n"
             f"print(json.dumps([m for m in {UNUSED_BY_A_JSON_RUN!r} if m in sys.modules]))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1]).stdout
    assert json.loads(out) == []
