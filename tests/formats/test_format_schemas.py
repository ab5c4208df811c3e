"""SARIF, OSCAL and JUnit output validate against the published schemas."""

from __future__ import annotations

import json

import pytest
from format_helpers import SCHEMAS, WAIVER, mix, oscal_errors, sarif_errors

xmlschema = pytest.importorskip("xmlschema")


def test_sarif_validates_and_locates_results_at_evidence_lines(mini, monkeypatch):
    mix(mini)
    monkeypatch.chdir(mini.root)
    document = json.loads(mini.invoke("run", "--evidence", "evidence", "--controls", "controls",
                                      "--policies", "policies", "--as-of", "2026-11-01",
                                      "--format", "sarif").stdout)
    assert sarif_errors(document) == []
    run = document["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(set(rule_ids), key=rule_ids.index)  # one rule per control
    assert len(rule_ids) == 5
    failing = next(r for r in run["results"] if r["ruleId"] == "MINI-PW-01")
    physical = failing["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "evidence/auth.yaml",
                                            "uriBaseId": "%SRCROOT%"}
    assert physical["region"]["startLine"] == 8  # min_length
    assert run["properties"]["inputs_digest"]


def test_sarif_names_an_absolute_evidence_path_by_file_uri(mini):
    mix(mini)
    document = json.loads(mini.run("--format", "sarif").stdout)
    assert sarif_errors(document) == []
    artifact = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]
    assert artifact["uri"].startswith("file:///") and "uriBaseId" not in artifact


def test_sarif_marks_a_waived_control_as_suppressed(mini):
    mix(mini)
    mini.write("evidence/waivers.yaml", WAIVER)
    document = json.loads(mini.run("--format", "sarif").stdout)
    assert sarif_errors(document) == []
    waived = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "MINI-PW-01")
    assert waived["suppressions"][0]["status"] == "accepted"


def test_oscal_validates_and_links_findings_to_observations(mini):
    mix(mini)
    document = json.loads(mini.run("--format", "oscal").stdout)
    assert oscal_errors(document) == []
    result = document["assessment-results"]["results"][0]
    observations = {o["uuid"] for o in result["observations"]}
    finding = next(f for f in result["findings"] if f["target"]["target-id"] == "MINI-PW-01")
    assert finding["target"]["status"]["state"] == "not-satisfied"
    assert {o["observation-uuid"] for o in finding["related-observations"]} <= observations
    hashes = [r["rlinks"][0]["hashes"][0] for r in
              document["assessment-results"]["back-matter"]["resources"] if "rlinks" in r]
    assert all(h["algorithm"] == "SHA-256" and len(h["value"]) == 64 for h in hashes)


def test_oscal_validator_is_not_vacuous(mini):
    document = json.loads(mini.run("--format", "oscal").stdout)
    finding = document["assessment-results"]["results"][0]["findings"][0]
    finding["target"]["target-id"] = "1 not a token"
    finding["target"]["status"]["state"] = "maybe"
    assert len(oscal_errors(document)) >= 2


def test_oscal_uuids_derive_from_the_inputs(mini):
    first = json.loads(mini.run("--format", "oscal").stdout)
    mini.write("evidence/auth.yaml", (mini.evidence / "auth.yaml").read_text() + "# changed\n")
    second = json.loads(mini.run("--format", "oscal").stdout)
    assert first["assessment-results"]["uuid"] != second["assessment-results"]["uuid"]


@pytest.mark.parametrize("xsd", ["JUnit.xsd", "jenkins-xunit-junit-10.xsd"])
def test_junit_validates_against_both_schemas(mini, tmp_path, xsd):
    mix(mini)
    mini.write("evidence/waivers.yaml", WAIVER)
    target = tmp_path / "junit.xml"
    mini.run("--format", "junit", "--output", str(target))
    schema = xmlschema.XMLSchema(str(SCHEMAS / xsd))
    assert [str(e) for e in schema.iter_errors(str(target))] == []


def test_junit_has_one_testcase_per_control_and_failures_carry_findings(mini):
    import xml.etree.ElementTree as ET

    mix(mini)
    root = ET.fromstring(mini.run("--format", "junit").stdout)
    cases = root.findall(".//testcase")
    assert len(cases) == 5
    failure = next(c for c in cases if c.get("name", "").startswith("MINI-PW-01")).find("failure")
    assert failure is not None and "AD: minimum length 8" in (failure.text or "")


BROKEN_RULE = """\
package mini.dev

import rego.v1

unencrypted contains 3 if {
	some _ in input.evidence.device_inventory
}
"""


@pytest.mark.parametrize("command", ["run", "matrix", "gaps"])
def test_an_error_control_renders_in_every_format_and_stays_valid(mini, tmp_path, command):
    from checker.formats import names as formats_for

    mix(mini)
    mini.write("policies/mini/dev/dev.rego", BROKEN_RULE)
    base = ["--evidence", str(mini.evidence), "--controls", str(mini.controls), "--policies",
            str(mini.policies), "--as-of", "2026-11-01", "--fail-on", "none"]
    status = json.loads(mini.invoke("run", *base, "--format", "json").stdout)
    assert next(c for c in status["controls"] if c["id"] == "MINI-DEV-01")["status"] == "error"
    for name in formats_for(command):
        target = tmp_path / f"{command}.{name}"
        result = mini.invoke(command, *base, "--format", name, "--output", str(target))
        assert result.exit_code == 3, (name, result.output)  # an error is never exit 0
        assert target.stat().st_size > 0
    validated = {"run": ("sarif", "oscal", "junit"), "matrix": ("oscal",), "gaps": ()}[command]
    assert set(validated) <= set(formats_for(command))
    for name in validated:
        assert _schema_errors(name, tmp_path / f"{command}.{name}") == [], name


def _schema_errors(name, path):
    if name == "sarif":
        return sarif_errors(json.loads(path.read_text()))
    if name == "oscal":
        return oscal_errors(json.loads(path.read_text()))
    return [e for xsd in ("JUnit.xsd", "jenkins-xunit-junit-10.xsd")
            for e in xmlschema.XMLSchema(str(SCHEMAS / xsd)).iter_errors(str(path))]


def test_diff_sarif_shares_the_writer_and_validates():
    from checker.diff import Change, Diff
    from checker.errors import Location
    from checker.formats.sarif import render_diff as sarif
    from checker.model import Assessment

    head = Assessment("2026-11-01", "Test", (), (), "0" * 64, "0.1.0")
    change = Change("MINI-PW-01", "Passwords", "pass", "fail", "AD: minimum length 8",
                    Location("evidence/auth.yaml", 8, 3))
    document = json.loads(sarif(Diff("HEAD", head, (change,), ())))
    assert sarif_errors(document) == []
    assert document["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"] == {"uri": "evidence/auth.yaml", "uriBaseId": "%SRCROOT%"}


def test_oscal_never_reports_out_of_scope_as_a_plain_pass(mini):
    document = json.loads(mini.run("--format", "oscal").stdout)
    findings = {f["target"]["target-id"]: f["target"]["status"]
                for f in document["assessment-results"]["results"][0]["findings"]}
    assert findings["MINI-SP-01"] == {"state": "satisfied", "reason": "other",
                                      "remarks": "n/a: not a service provider"}
    assert findings["MINI-PW-01"] == {"state": "satisfied", "reason": "pass"}
    assert oscal_errors(document) == []


def test_a_gap_for_missing_evidence_is_annotated_in_the_evidence_repository(mini):
    """Not at the shipped catalogue file, which the evidence repository does not hold."""
    (mini.evidence / "attestation.yaml").unlink()
    document = json.loads(mini.run("--format", "sarif").stdout)
    gap = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "MINI-ATT-01")
    uri = gap["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("organisation.yaml")
    assert sarif_errors(document) == []
