"""Qualys CSV edge cases: information-gathered rows, the same QID on several ports, US dates,
severity outside 1-5 and a report without a launch date."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.cli import cli

_HEADER = ('"IP","DNS","OS","QID","Title","Type","Severity","Port","CVSS3.1 Base",'
           '"First Detected","Last Detected","Date Last Fixed","Vuln Status"\n')
_LAUNCH = ('"Launch Date","Scan Title"\n"03/04/2026 at 09:00:12 (GMT+0000)","Q1"\n\n')


def _export(tmp_path: Path, rows: str, preamble: str = _LAUNCH) -> Path:
    path = tmp_path / "q.csv"
    path.write_text(preamble + _HEADER + rows)
    return path


def _run(export: Path):
    return CliRunner().invoke(cli, ["import", "qualys", str(export), "--output",
                                    str(export.with_suffix(".yaml"))])


def test_same_qid_open_on_one_port_and_fixed_on_another_stays_open(tmp_path):
    export = _export(tmp_path,
                     '"192.0.2.5","db-01","Linux","38173","OpenSSL flaw","Vuln","4","443","7.5",'
                     '"01/10/2026","03/04/2026","","Active"\n'
                     '"192.0.2.5","db-01","Linux","38173","OpenSSL flaw","Vuln","4","8443","7.5",'
                     '"01/12/2026","02/20/2026","02/25/2026","Fixed"\n'
                     '"192.0.2.5","db-01","Linux","45038","Open TCP services","Ig","1","","",'
                     '"03/04/2026","03/04/2026","","Active"\n')
    assert _run(export).exit_code == 0
    patches, scan = yaml.safe_load_all(export.with_suffix(".yaml").read_text())
    assert patches["facts"]["hosts"] == [{"name": "db-01", "os": "Linux", "patches": [{
        "id": "qid:38173", "title": "OpenSSL flaw", "severity": "high",
        "released": "2026-01-10", "cvss": 7.5, "cvss_version": "3.1",
        "first_seen": "2026-01-10", "last_seen": "2026-03-04"}]}]
    assert scan["facts"]["performed"] == "2026-03-04"  # 03/04 read as US month/day
    assert scan["facts"]["open_high_or_critical"] == 1
    assert "1 informational results not recorded" in scan["notes"]


def test_severity_outside_one_to_five_is_refused_at_its_cell(tmp_path):
    export = _export(tmp_path, '"192.0.2.5","db-01","Linux","38173","x","Vuln","6","","",'
                               '"01/10/2026","03/04/2026","","Active"\n')
    result = _run(export)
    assert result.exit_code == 2
    assert f"{export}:5:7: severity '6' is not 1-5" in result.output


def test_report_without_launch_date_needs_exported(tmp_path):
    export = _export(tmp_path, '"192.0.2.5","db-01","Linux","38173","x","Vuln","4","","",'
                               '"","","","Active"\n', preamble="")
    result = _run(export)
    assert result.exit_code == 2
    assert "no 'First Detected' date and no launch date; pass --exported DATE" in \
        result.output
