"""Unknown stays unknown: a value an importer cannot read is refused at its place (exit 2,
never an internal error) or left out of the evidence with the notes saying so; it never
becomes informational, managed, a plain user account or a clean scan."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from checker.cli import cli

_NESSUS = """<?xml version="1.0" ?>
<NessusClientData_v2><Report name="x"><ReportHost name="h1"><HostProperties>
<tag name="HOST_END">Sat Mar 14 10:52:02 2026</tag>
</HostProperties>
{items}
</ReportHost></Report></NessusClientData_v2>
"""


def _import(source: str, export: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["import", source, str(export), "--output",
                                    str(export.with_suffix(".yaml")), *args])


def _nessus(tmp_path: Path, items: str) -> Path:
    path = tmp_path / "scan.nessus"
    path.write_text(_NESSUS.format(items=items))
    return path


def _documents(export: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(export.with_suffix(".yaml").read_text()) if d]


def test_nessus_severity_outside_zero_to_four_is_refused_not_informational(tmp_path):
    export = _nessus(tmp_path, '<ReportItem port="445" protocol="tcp" severity="7" '
                               'pluginID="1" pluginName="x"></ReportItem>')
    result = _import("nessus", export, "--scope", "external")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {export}:5:1: <ReportItem> for plugin 1: severity '7' "
                             "is not 0-4\n")
    assert not export.with_suffix(".yaml").exists()


def test_nessus_unknown_risk_factor_is_refused_at_its_element(tmp_path):
    export = _nessus(tmp_path, '<ReportItem port="445" protocol="tcp" severity="3" '
                               'pluginID="1" pluginName="x">\n'
                               '<risk_factor>Catastrophic</risk_factor></ReportItem>')
    result = _import("nessus", export)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {export}:6:1: <risk_factor> 'Catastrophic' for plugin 1 "
                             "is not None, Low, Medium, High or Critical\n")


def test_nessus_cvss_out_of_range_or_nan_is_refused_not_an_internal_error(tmp_path):
    for score in ("99", "nan"):
        export = _nessus(tmp_path, '<ReportItem port="445" protocol="tcp" severity="3" '
                                   'pluginID="5" pluginName="high">\n'
                                   f'<cvss3_base_score>{score}</cvss3_base_score></ReportItem>')
        result = _import("nessus", export)
        assert result.exit_code == 2
        assert result.stderr == (f"error: {export}:6:1: <cvss3_base_score> '{score}' is not "
                                 "a score from 0.0 to 10.0\n")


def test_nessus_takes_the_more_severe_of_severity_and_risk_factor(tmp_path):
    export = _nessus(tmp_path, '<ReportItem port="445" protocol="tcp" severity="4" '
                               'pluginID="9" pluginName="kb">\n<risk_factor>Low</risk_factor>'
                               '<cvss3_base_score>9.1</cvss3_base_score>'
                               '<patch_publication_date>2026/01/05</patch_publication_date>'
                               '</ReportItem>')
    assert _import("nessus", export).exit_code == 0
    patches, scan = _documents(export)
    assert [p["severity"] for p in patches["facts"]["hosts"][0]["patches"]] == ["critical"]
    assert scan["facts"]["open_high_or_critical"] == 1


def test_highest_open_cvss_is_left_out_when_an_open_finding_has_no_score(tmp_path):
    export = _nessus(tmp_path, '<ReportItem port="445" protocol="tcp" severity="2" '
                               'pluginID="7" pluginName="medium, unscored"></ReportItem>')
    assert _import("nessus", export, "--scope", "external").exit_code == 0
    _patches, scan = _documents(export)
    assert scan["facts"] == {"scope": "external", "performed": "2026-03-14", "result": "fail",
                             "provider": "Tenable Nessus", "open_high_or_critical": 0}
    assert scan["notes"].endswith("1 open findings have no CVSS score, so the highest open "
                                  "CVSS is not stated.")


def test_greenbone_severity_above_ten_is_refused(tmp_path):
    export = tmp_path / "report.xml"
    export.write_text('<report id="r"><report><scan_end>2026-03-14T10:00:00Z</scan_end>'
                      '<results>\n<result id="a"><host>192.0.2.1</host>'
                      '<nvt oid="1.2.3"><name>x</name></nvt><severity>12.5</severity>'
                      '</result></results></report></report>\n')
    result = _import("greenbone", export)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {export}:2: <severity> '12.5' for 1.2.3 on 192.0.2.1 is "
                             "above 10.0\n")


def test_qualys_cvss_out_of_range_is_refused_at_its_cell(tmp_path):
    export = tmp_path / "q.csv"
    export.write_text('"Launch Date"\n"03/04/2026 at 09:00:12"\n\n'
                      '"IP","QID","Title","Type","Severity","CVSS3.1 Base"\n'
                      '"192.0.2.5","38173","x","Vuln","4","75"\n')
    result = _import("qualys", export)
    assert result.exit_code == 2
    assert result.stderr == f"error: {export}:5:6: CVSS score '75' is not a score from 0.0 to 10.0\n"


_INTUNE = "Device name,OS,Managed by,Encrypted\n"


def test_intune_management_is_read_only_from_known_values(tmp_path):
    export = tmp_path / "intune.csv"
    export.write_text(_INTUNE + "BLANK,Windows,,True\nNOT-MANAGED,Windows,Not managed,True\n"
                      "UNKNOWN,Windows,Unknown,True\nDEFENDER,Windows,MDE,True\n"
                      "EAS,iOS,EAS,True\nINTUNE,Windows,Intune,True\n"
                      "CO-MANAGED,Windows,Co-managed,True\n")
    assert _import("intune", export, "--exported", "2026-03-14").exit_code == 0
    (inventory,) = _documents(export)
    assert {d["name"]: d.get("managed") for d in inventory["facts"]["devices"]} == {
        "BLANK": None, "CO-MANAGED": True, "DEFENDER": None, "EAS": False, "INTUNE": True,
        "NOT-MANAGED": False, "UNKNOWN": None}
    assert "management unknown for 3" in inventory["notes"]


def test_entra_admin_flag_that_is_neither_true_nor_false_is_refused(tmp_path):
    export = tmp_path / "reg.csv"
    export.write_text("User principal name,Admin,MFA registered\n"
                      "a@x.example,False,True\nb@x.example,maybe,True\n")
    result = _import("entra", export, "--exported", "2026-03-14")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {export}:3:2: b@x.example: isAdmin 'maybe' is neither "
                             "true nor false\n")


def test_entra_account_whose_admin_role_no_export_states_is_refused(tmp_path):
    export = tmp_path / "users.csv"
    export.write_text("userPrincipalName,accountEnabled,lastSuccessfulSignInDateTime\n"
                      "a@x.example,true,2026-03-13T08:00:00Z\n")
    result = _import("entra", export)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {export}:2: a@x.example: no export says whether this "
                             "account holds an admin role (isAdmin); import the user "
                             "registration details with it\n")
