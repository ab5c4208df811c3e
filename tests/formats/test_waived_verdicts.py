"""A waiver never hides the verdict under it (issue 12: never a false pass).

MINI-PW-01 fails (finding "AD: minimum length 8") and MINI-ATT-01 is a gap (stale
attestation); both are waived here. Every format that carries fields (json, sarif, junit,
oscal) names the fail or gap under the waiver. Expected values are written by hand.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from format_helpers import SCHEMAS, WAIVER, mix, oscal_errors, sarif_errors

from checker.schemas import validator

xmlschema = pytest.importorskip("xmlschema")

BOTH_WAIVED = WAIVER + """\
  - control: MINI-ATT-01
    reason: New policy at the March board.
    approved_by: Chief Executive
    approved_on: 2026-10-01
    expires: 2027-03-31
"""


@pytest.fixture
def waived(mini):
    mix(mini)
    mini.write("evidence/waivers.yaml", BOTH_WAIVED)
    return mini


def _render(mini, name: str, *args: str) -> str:
    result = mini.run("--format", name, *args)
    assert result.exit_code == 0, result.output  # every open control is waived
    return result.stdout


def test_json_carries_the_status_under_a_waiver(waived):
    document = json.loads(_render(waived, "json"))
    assert list(validator("results.schema.json").iter_errors(document)) == []
    controls = {c["id"]: c for c in document["controls"]}
    assert (controls["MINI-PW-01"]["status"], controls["MINI-PW-01"]["underlying_status"]) == (
        "waived", "fail")
    assert [f["message"] for f in controls["MINI-PW-01"]["findings"]] == ["AD: minimum length 8"]
    assert (controls["MINI-ATT-01"]["status"], controls["MINI-ATT-01"]["underlying_status"]) == (
        "waived", "gap")
    assert controls["MINI-DEV-01"]["underlying_status"] == "pass"
    assert controls["MINI-SP-01"]["underlying_status"] == "not_applicable"


def test_sarif_suppresses_a_waived_result_at_its_underlying_level(waived):
    document = json.loads(_render(waived, "sarif"))
    assert sarif_errors(document) == []
    results = {r["ruleId"]: r for r in document["runs"][0]["results"]}
    assert sorted(results) == ["MINI-ATT-01", "MINI-PW-01"]
    failing, gap = results["MINI-PW-01"], results["MINI-ATT-01"]
    assert failing["level"] == "error"
    assert gap["level"] == "warning"  # a waived gap is still a gap, not an error
    assert failing["properties"] == {"status": "waived", "underlying_status": "fail"}
    assert gap["properties"] == {"status": "waived", "underlying_status": "gap"}
    [suppression] = failing["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"].startswith(
        "Vendor upgrade due in March. (approved by M. Proudie (SIRO) on 2026-09-01, "
        "expires 2027-03-31;")
    assert suppression["location"]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "waivers.yaml")
    assert failing["message"]["text"] == "MINI-PW-01: AD: minimum length 8"


@pytest.mark.parametrize("xsd", ["JUnit.xsd", "jenkins-xunit-junit-10.xsd"])
def test_junit_names_the_status_under_a_waiver(waived, tmp_path, xsd):
    target = tmp_path / "junit.xml"
    waived.run("--format", "junit", "--output", str(target))
    schema = xmlschema.XMLSchema(str(SCHEMAS / xsd))
    assert [str(e) for e in schema.iter_errors(str(target))] == []
    root = ET.parse(target).getroot()
    properties = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert properties["underlying_status:MINI-PW-01"] == "fail"
    assert properties["underlying_status:MINI-ATT-01"] == "gap"
    assert "underlying_status:MINI-DEV-01" not in properties
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("MINI-PW-01"))
    skipped = case.find("skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith("waived fail: Vendor upgrade due in March.")
    assert "AD: minimum length 8" in (skipped.text or "")


def test_oscal_finding_carries_the_status_under_a_waiver(waived):
    document = json.loads(_render(waived, "oscal"))
    assert oscal_errors(document) == []
    props = {f["target"]["target-id"]: {p["name"]: p["value"] for p in f["props"]}
             for f in document["assessment-results"]["results"][0]["findings"]}
    assert props["MINI-PW-01"]["status"] == "waived"
    assert props["MINI-PW-01"]["underlying-status"] == "fail"
    assert props["MINI-ATT-01"]["underlying-status"] == "gap"
    assert "underlying-status" not in props["MINI-DEV-01"]
