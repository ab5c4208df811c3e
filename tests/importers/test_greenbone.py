"""Greenbone report XML edge cases: log-level results, clean hosts, CVSS versions and dates,
and refusals at the line."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.cli import cli

_RESULT = """    <result>
      <host>{host}</host>
      <nvt oid="{oid}"><name>{name}</name>{severities}</nvt>
      <severity>{severity}</severity>
      <creation_time>2026-03-14T10:31:40Z</creation_time>
    </result>
"""
_V31 = ("<severities><severity type='cvss_base_v3'><date>2024-07-01T08:15:00Z</date>"
        "<score>8.1</score><value>CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H</value>"
        "</severity></severities>")


def _report(tmp_path: Path, results: str, times: str = "<scan_end>2026-03-14T11:00:00Z"
            "</scan_end>", hosts: str = "") -> Path:
    path = tmp_path / "report.xml"
    path.write_text(f"<report id='r'>\n  <report id='r'>\n  {times}\n  <results>\n{results}"
                    f"  </results>\n{hosts}  </report>\n</report>\n")
    return path


def _run(export: Path, *args: str):
    return CliRunner().invoke(cli, ["import", "greenbone", str(export), "--output",
                                    str(export.with_suffix(".yaml")), *args])


def test_log_and_false_positive_results_are_not_patches_and_clean_hosts_are_listed(tmp_path):
    export = _report(tmp_path, _RESULT.format(host="192.0.2.1", oid="1.2.3", name="OS",
                                              severities="", severity="0.0") +
                     _RESULT.format(host="192.0.2.1", oid="1.2.4", name="FP", severities="",
                                    severity="-1.0"),
                     hosts="  <host><ip>192.0.2.9</ip><detail><name>best_os_txt</name>"
                           "<value>Debian 12</value></detail></host>\n")
    assert _run(export).exit_code == 0
    patches, scan = yaml.safe_load_all(export.with_suffix(".yaml").read_text())
    assert patches["facts"]["hosts"] == [{"name": "192.0.2.1", "patches": []},
                                         {"name": "192.0.2.9", "os": "Debian 12",
                                          "patches": []}]
    assert "2 informational results not recorded" in scan["notes"]
    assert scan["facts"]["result"] == "pass"


def test_cvss_version_and_release_date_come_from_the_severities(tmp_path):
    export = _report(tmp_path, _RESULT.format(host="192.0.2.1", oid="1.3.6", name="OpenSSH",
                                              severities=_V31, severity="8.1"))
    assert _run(export).exit_code == 0
    patches, _scan = yaml.safe_load_all(export.with_suffix(".yaml").read_text())
    assert patches["facts"]["hosts"][0]["patches"] == [{
        "id": "oid:1.3.6", "title": "OpenSSH", "severity": "high", "released": "2024-07-01",
        "cvss": 8.1, "cvss_version": "3.1", "first_seen": "2026-03-14",
        "last_seen": "2026-03-14"}]


def test_result_without_nvt_oid_is_refused_at_its_line(tmp_path):
    export = _report(tmp_path, _RESULT.format(host="192.0.2.1", oid="", name="x",
                                              severities="", severity="5.0"))
    result = _run(export)
    assert result.exit_code == 2
    assert f"{export}:5: <result> on 192.0.2.1 has no <nvt oid=...>" in result.output


def test_report_without_any_time_needs_exported(tmp_path):
    export = _report(tmp_path, _RESULT.format(host="192.0.2.1", oid="1.2.3", name="OS",
                                              severities="", severity="0.0"), times="")
    result = _run(export)
    assert result.exit_code == 2
    assert "says when the scan ran; pass --exported DATE" in result.output
    assert _run(export, "--exported", "2026-03-14").exit_code == 0
