"""JSON exports (Entra ID, testssl.sh) are refused at the line of the offending record."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import cli


def _import(tmp_path, source: str, export) -> str:
    result = CliRunner().invoke(cli, ["import", source, str(export), "--exported", "2026-03-14",
                                      "--output", str(tmp_path / "out.yaml")])
    assert result.exit_code == 2
    assert not (tmp_path / "out.yaml").exists()
    return result.output


def test_entra_user_without_upn_is_refused_at_its_line(tmp_path):
    export = tmp_path / "users.json"
    export.write_text('{\n  "value": [\n    {"userPrincipalName": "a@x.example",\n'
                      '     "accountEnabled": true},\n'
                      '    {"displayName": "No Name",\n     "accountEnabled": true}\n  ]\n}\n')
    assert f"{export}:5: missing required field 'userPrincipalName'" in _import(
        tmp_path, "entra", export)


def test_entra_sign_in_activity_that_is_not_an_object_is_refused(tmp_path):
    export = tmp_path / "users.json"
    export.write_text('[\n  {"userPrincipalName": "a@x.example",\n'
                      '   "signInActivity": "yesterday"}\n]\n')
    assert f"{export}:2: 'signInActivity' is not a JSON object" in _import(
        tmp_path, "entra", export)


def test_testssl_pretty_finding_without_result_is_refused_at_its_line(tmp_path):
    export = tmp_path / "pretty.json"
    export.write_text('{\n  "startTime": "1773482400",\n  "scanResult": [\n    {\n'
                      '      "ip": "203.0.113.5", "port": "443",\n'
                      '      "protocols": [\n'
                      '        {"id": "SSLv2", "severity": "OK", "finding": "not offered"},\n'
                      '        {"id": "TLS1", "severity": "LOW"}\n'
                      '      ]\n    }\n  ]\n}\n')
    assert f"{export}:8: protocols finding #2 has no 'finding'" in _import(
        tmp_path, "testssl", export)


def test_testssl_flat_finding_that_is_not_an_object_names_its_array(tmp_path):
    export = tmp_path / "flat.json"
    export.write_text('[\n  {"id": "SSLv2", "ip": "h/1.2.3.4", "port": "443", '
                      '"finding": "not offered"},\n  "oops"\n]\n')
    assert f"{export}:1: finding #2 is not an object" in _import(tmp_path, "testssl", export)


def test_malformed_json_is_refused_at_its_line_and_column(tmp_path):
    export = tmp_path / "broken.json"
    export.write_text('[\n  {"id": "SSLv2",\n   "ip": }\n]\n')
    assert f"{export}:3:10: not valid JSON: Expecting value" in _import(
        tmp_path, "testssl", export)
