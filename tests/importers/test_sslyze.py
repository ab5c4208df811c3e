"""sslyze --json_out exports (fixture written from SSLyze's published JSON schema and
documentation) become tls_config documents judged by PCI 4.2.1 like testssl.sh ones."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "importers"


def _import(export: Path, output: Path, *args: str) -> CliRunner:
    return CliRunner().invoke(cli, ["import", "sslyze", str(export), "--output", str(output),
                                    *args])


def _facts(output: Path) -> dict[str, dict]:
    return {d["facts"]["endpoint"]: d["facts"] for d in yaml.safe_load_all(output.read_text())}


def _export(tmp_path: Path, change) -> Path:
    document = json.loads((DATA / "sslyze.json").read_text())
    change(document)
    path = tmp_path / "scan.json"
    path.write_text(json.dumps(document, indent=2))
    return path


def test_pci_4_2_1_findings_from_an_sslyze_scan(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(DATA / "organisation.yaml", pack)
    assert _import(DATA / "sslyze.json", pack / "tls.yaml").exit_code == 0
    result = CliRunner().invoke(cli, ["run", "--evidence", str(pack), "--as-of", "2026-03-20",
                                      "--format", "json"])
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "PCI-4.2.1")
    unreachable = [
        "accepted protocol versions not recorded",
        "certificate expired or expires on an unstated date",
        "certificate is not shown to be unrevoked",
        "certificate is not shown to chain to a trusted authority",
        "weakest cipher unstated bits; need at least 112",
    ]
    assert control["status"] == "fail"
    assert sorted(f["message"] for f in control["findings"]) == [
        *(f"old-pay.wessex.example:443: {m}" for m in unreachable),
        "pay.wessex.example:443: still accepts TLSv1.0; allow only TLS 1.2 or later",
        *(f"pay.wessex.exmaple:443: {m}" for m in unreachable),
        # TLS 1.3 was not scanned, so the accepted versions are unknown; the internal CA
        # chains to no public trust store and no OCSP response was stapled.
        "portal.wessex.example:8443: accepted protocol versions not recorded",
        "portal.wessex.example:8443: certificate is not shown to be unrevoked",
        "portal.wessex.example:8443: certificate is not shown to chain to a trusted authority",
        "portal.wessex.example:8443: weakest cipher unstated bits; need at least 112",
    ]


def test_fully_scanned_server_records_protocols_cipher_and_certificate(tmp_path):
    assert _import(DATA / "sslyze.json", tmp_path / "o.yaml", "--transmits-pan").exit_code == 0
    documents = list(yaml.safe_load_all((tmp_path / "o.yaml").read_text()))
    pay = next(d for d in documents if d["id"] == "sslyze-pay.wessex.example-443")
    assert pay["facts"] == {
        "endpoint": "pay.wessex.example:443", "transmits_pan": True,
        "protocols": ["TLSv1.0", "TLSv1.2", "TLSv1.3"], "min_cipher_bits": 128,
        "certificate": {"subject": "pay.wessex.example", "issuer": "Example TLS RSA CA 2025",
                        "expires": "2026-11-01", "trusted": True, "revoked": False}}
    assert pay["provenance"]["exports"][0]["exported"] == "2026-03-14T10:01:47Z"


def test_triple_des_counts_as_112_bits(tmp_path):
    def scan_tls13(document):
        portal = document["server_scan_results"][1]["scan_result"]
        portal["tls_1_3_cipher_suites"] = copy.deepcopy(
            document["server_scan_results"][0]["scan_result"]["tls_1_3_cipher_suites"])

    _import(_export(tmp_path, scan_tls13), tmp_path / "o.yaml")
    portal = _facts(tmp_path / "o.yaml")["portal.wessex.example:8443"]
    assert portal["protocols"] == ["TLSv1.2", "TLSv1.3"]
    assert portal["min_cipher_bits"] == 112


def test_anonymous_cipher_counts_as_zero_bits(tmp_path):
    def accept_anonymous(document):
        suites = document["server_scan_results"][0]["scan_result"]["tls_1_2_cipher_suites"]
        suites["result"]["accepted_cipher_suites"].append({"cipher_suite": {
            "name": "TLS_DH_anon_WITH_AES_256_GCM_SHA384", "is_anonymous": True,
            "key_size": 256, "openssl_name": "ADH-AES256-GCM-SHA384"}, "ephemeral_key": None})

    _import(_export(tmp_path, accept_anonymous), tmp_path / "o.yaml")
    assert _facts(tmp_path / "o.yaml")["pay.wessex.example:443"]["min_cipher_bits"] == 0


def test_failed_protocol_scan_leaves_protocols_unknown(tmp_path):
    def fail_sslv3(document):
        document["server_scan_results"][0]["scan_result"]["ssl_3_0_cipher_suites"] = {
            "status": "ERROR", "error_reason": "CONNECTIVITY_ISSUE", "error_trace": "reset",
            "result": None}

    _import(_export(tmp_path, fail_sslv3), tmp_path / "o.yaml")
    pay = _facts(tmp_path / "o.yaml")["pay.wessex.example:443"]
    assert "protocols" not in pay
    assert "min_cipher_bits" not in pay


def test_revoked_ocsp_status_is_recorded(tmp_path):
    def revoke(document):
        deployment = document["server_scan_results"][0]["scan_result"]["certificate_info"][
            "result"]["certificate_deployments"][0]
        deployment["ocsp_response"]["certificate_status"] = "REVOKED"

    _import(_export(tmp_path, revoke), tmp_path / "o.yaml")
    assert _facts(tmp_path / "o.yaml")["pay.wessex.example:443"]["certificate"]["revoked"] \
        is True


def test_server_without_location_is_refused_at_its_line(tmp_path):
    export = tmp_path / "scan.json"
    export.write_text('{\n  "date_scans_completed": "2026-03-14T10:00:00",\n'
                      '  "server_scan_results": [\n    {\n      "scan_status": "COMPLETED"\n'
                      '    }\n  ]\n}\n')
    result = _import(export, tmp_path / "o.yaml")
    assert result.exit_code == 2
    assert f"{export}:4: server scan result has no server_location" in result.output


def test_same_endpoint_twice_is_refused(tmp_path):
    def duplicate(document):
        document["server_scan_results"].append(document["server_scan_results"][0])

    result = _import(_export(tmp_path, duplicate), tmp_path / "o.yaml")
    assert result.exit_code == 2
    assert "pay.wessex.example:443 is scanned twice" in result.output
