"""checker import: exports written from each format's published documentation become
evidence that validates and gives the verdicts the exports imply on the bundled catalogue."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.importers.names import IMPORTER_NAMES
from checker.importers.registry import IMPORTERS

DATA = Path(__file__).resolve().parent.parent / "data" / "importers"
AS_OF = "2026-03-20"


def _import(pack: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["import", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """A fresh pack filled only by importers, evaluated on the bundled catalogue."""
    pack = tmp_path_factory.mktemp("pack")
    shutil.copy(DATA / "organisation.yaml", pack)
    _import(pack, "nessus", str(DATA / "scan.nessus"), "--output", str(pack / "nessus.yaml"))
    _import(pack, "greenbone", str(DATA / "report.xml"), "--output", str(pack / "gb.yaml"))
    _import(pack, "qualys", str(DATA / "qualys.csv"), "--output", str(pack / "qualys.yaml"))
    _import(pack, "intune", str(DATA / "intune.csv"), "--date-order", "dmy",
            "--output", str(pack / "intune.yaml"))
    _import(pack, "entra", str(DATA / "entra-registration.csv"), str(DATA / "entra-users.json"),
            "--exported", "2026-03-14T09:00:00Z", "--output", str(pack / "entra.yaml"))
    _import(pack, "testssl", str(DATA / "testssl.json"), "--exported", "2026-03-14",
            "--output", str(pack / "tls.yaml"))
    runner = CliRunner()
    valid = runner.invoke(cli, ["validate", "--evidence", str(pack), "--as-of", AS_OF])
    assert valid.exit_code == 0, valid.output
    result = runner.invoke(cli, ["run", "--evidence", str(pack), "--as-of", AS_OF,
                                 "--format", "json"])
    assert result.exit_code == 1, result.output
    return {c["id"]: c for c in json.loads(result.stdout)["controls"]}


def _messages(control: dict) -> list[str]:
    return sorted(f["message"] for f in control["findings"])


def test_unpatched_critical_older_than_14_days_fails_psn_ops_01(verdicts):
    assert verdicts["PSN-OPS-01"]["status"] == "fail"
    assert _messages(verdicts["PSN-OPS-01"]) == [
        "192.0.2.21: high patch oid:1.3.6.1.4.1.25623.1.0.114673 released 2024-07-01, "
        "still missing after 627 days; due within 14",
        "pay-01.wessex.example: critical patch qid:91975 released 2023-02-21, still missing "
        "after 1123 days; due within 14",
        "web-01.council.example: critical patch nessus:187901 released 2024-01-09, still "
        "missing after 801 days; due within 14",
    ]


def test_fixed_qualys_finding_is_not_open_for_pci_6_3_3(verdicts):
    # pay-02 had the same QID fixed six days after release: only pay-01 and web-01 are late.
    assert [m.split(":")[0] for m in _messages(verdicts["PCI-6.3.3"])] == [
        "pay-01.wessex.example", "web-01.council.example"]


def test_tls_1_0_enabled_fails_pci_4_2_1(verdicts):
    assert _messages(verdicts["PCI-4.2.1"]) == [
        "pay.wessex.example:443: still accepts TLSv1.0; allow only TLS 1.2 or later"]


def test_inactive_entra_account_fails_pci_8_2_6(verdicts):
    assert _messages(verdicts["PCI-8.2.6"]) == [
        "old.account@wessex.example (Microsoft Entra ID): last used 2025-09-30; disable "
        "accounts unused for more than 90 days"]


def test_accounts_without_mfa_registered_fail_pci_8_4_2(verdicts):
    assert [m.split(" ")[0] for m in _messages(verdicts["PCI-8.4.2"])] == [
        "ext.contractor@wessex.example", "old.account@wessex.example"]


def test_unknown_encryption_stays_unknown_and_fails_dh_device_01(verdicts):
    # The iPhone's Encrypted cell is blank and the iPad's says Unknown: neither is encrypted.
    assert _messages(verdicts["DH-DEVICE-01"]) == [
        "Sam's iPhone (mobile) is not encrypted",
        "WDC-LT-0413 (laptop) is not encrypted",
        "WDC-TAB-0007 (tablet) is not encrypted",
    ]


def test_personal_device_fails_dh_home_01(verdicts):
    assert _messages(verdicts["DH-HOME-01"]) == [
        "Sam's iPhone (mobile) is a personal device used for the organisation's data"]


def test_unauthenticated_scans_fail_pci_11_3_1_2(verdicts):
    # Nessus says Credentialed_Scan true; Greenbone and Qualys exports do not say.
    assert _messages(verdicts["PCI-11.3.1.2"]) == [
        "internal scan 2026-03-14 by Greenbone OpenVAS was not authenticated",
        "internal scan 2026-03-14 by Qualys VMDR was not authenticated",
    ]


def _documents(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def test_nessus_host_without_findings_is_recorded_as_clean(tmp_path):
    _import(tmp_path, "nessus", str(DATA / "scan.nessus"), "--output", str(tmp_path / "n.yaml"))
    patches, scan = _documents(tmp_path / "n.yaml")
    assert patches["facts"]["hosts"][0] == {"name": "file-02.council.example", "patches": []}
    assert scan["facts"] == {"scope": "internal", "performed": "2026-03-14", "result": "fail",
                             "provider": "Tenable Nessus", "authenticated": True,
                             "highest_open_cvss": 9.8, "open_high_or_critical": 1}
    assert scan["provenance"]["exports"] == [{
        "file": "scan.nessus", "exported": "2026-03-14T10:52:02Z",
        "sha256": "c00df7f38421651185e76075179d7dcc03d50dbf2ab32ff0b7157a65131cbbc4"}]


def test_reimport_replaces_generated_document_and_keeps_hand_written_ones(tmp_path):
    out = tmp_path / "tls.yaml"
    hand = ("# a note the author wrote\nkind: tls_config\nid: hand-made\ntitle: Kept\n"
            "owner: Me\ncollected: 2026-01-01\nfacts:\n  endpoint: a.example:443\n")
    out.write_text(hand)
    _import(tmp_path, "testssl", str(DATA / "testssl.json"), "--exported", "2026-03-01",
            "--output", str(out))
    first = out.read_text()
    _import(tmp_path, "testssl", str(DATA / "testssl.json"), "--exported", "2026-03-14",
            "--output", str(out))
    second = out.read_text()
    assert second.startswith(hand)
    ids = [d["id"] for d in _documents(out)]
    assert ids == ["hand-made", "testssl-pay.wessex.example-443",
                   "testssl-portal.wessex.example-443"]
    assert second == first.replace("2026-03-01", "2026-03-14")


def test_import_is_byte_identical_across_runs(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        _import(tmp_path, "qualys", str(DATA / "qualys.csv"), "--output", str(tmp_path / name))
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


def test_import_refuses_to_overwrite_a_hand_written_document(tmp_path):
    out = tmp_path / "e.yaml"
    out.write_text("kind: user_accounts\nid: entra-accounts\ntitle: Typed\nowner: Me\n"
                   "collected: 2026-01-01\nfacts:\n  system: x\n  accounts: []\n")
    result = CliRunner().invoke(cli, ["import", "entra", str(DATA / "entra-registration.csv"),
                                      "--exported", "2026-03-14", "--output", str(out)])
    assert result.exit_code == 2
    assert f"{out}:1: document 'entra-accounts' here was written by hand" in result.output


def test_missing_required_column_is_refused_with_its_name_and_line(tmp_path):
    export = tmp_path / "devices.csv"
    export.write_text("Device ID,OS,Encrypted\n1,Windows,True\n")
    result = CliRunner().invoke(cli, ["import", "intune", str(export), "--output",
                                      str(tmp_path / "o.yaml")])
    assert result.exit_code == 2
    assert f"{export}:1: missing required column 'Device name'" in result.output
    assert not (tmp_path / "o.yaml").exists()


def test_missing_required_xml_attribute_is_refused_with_its_line(tmp_path):
    export = tmp_path / "bad.nessus"
    export.write_text('<NessusClientData_v2>\n<Report name="r">\n<ReportHost name="h">\n'
                      '<ReportItem severity="3" pluginName="x">\n</ReportItem>\n'
                      '</ReportHost>\n</Report>\n</NessusClientData_v2>\n')
    result = CliRunner().invoke(cli, ["import", "nessus", str(export), "--exported",
                                      "2026-03-01", "--output", str(tmp_path / "o.yaml")])
    assert result.exit_code == 2
    assert f"{export}:4: <ReportItem> has no pluginID attribute" in result.output


def test_xml_entity_expansion_is_refused(tmp_path):
    export = tmp_path / "bomb.nessus"
    export.write_text('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                      '<!ENTITY b "&a;&a;&a;&a;">]>\n<NessusClientData_v2>&b;'
                      '</NessusClientData_v2>\n')
    result = CliRunner().invoke(cli, ["import", "nessus", str(export), "--output",
                                      str(tmp_path / "o.yaml")])
    assert result.exit_code == 2
    assert "refused XML" in result.output


def test_ambiguous_slash_date_needs_a_date_order(tmp_path):
    result = CliRunner().invoke(cli, ["import", "intune", str(DATA / "intune.csv"),
                                      "--output", str(tmp_path / "o.yaml")])
    assert result.exit_code == 2
    assert "intune.csv:2:4: '12/03/2026 16:40' could be day/month or month/day" \
        in result.output


def test_controls_show_lists_the_importers_for_a_control():
    result = CliRunner().invoke(cli, ["controls", "show", "PSN-OPS-01"])
    assert "importers:       greenbone, nessus, qualys" in result.output


def test_source_names_match_the_registry():
    assert tuple(sorted(IMPORTERS)) == IMPORTER_NAMES
