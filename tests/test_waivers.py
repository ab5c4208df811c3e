"""Waivers: approved, time-limited exceptions that keep their findings visible."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import AUTH, DEVICES

WAIVER = """\
waivers:
  - control: {control}
    reason: Vendor upgrade due in March.
    approved_by: M. Proudie (SIRO)
    approved_on: {approved}
    expires: {expires}
{extra}"""


def waive(mini, control="MINI-PW-01", approved="2026-09-01", expires="2027-03-31", extra=""):
    mini.write("evidence/waivers.yaml", WAIVER.format(control=control, approved=approved,
                                                       expires=expires, extra=extra))


def control(result, control_id):
    return next(c for c in json.loads(result.stdout)["controls"] if c["id"] == control_id)


def test_waiver_turns_a_fail_into_waived_and_keeps_the_findings(mini):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive(mini, extra="    compensating_control: MFA at the VPN for every portal user.\n")
    result = mini.run("--format", "json")
    assert result.exit_code == 0
    waived = control(result, "MINI-PW-01")
    assert waived["status"] == "waived"
    assert waived["findings"][0]["message"] == "AD: minimum length 8"
    assert waived["waiver"]["compensating_control"] == "MFA at the VPN for every portal user."
    assert waived["waiver"]["line"] == 2
    assert waived["reason"].startswith("waived until 2027-03-31 (fail: ")


def test_waiver_turns_a_gap_into_waived(mini):
    (mini.evidence / "devices.yaml").unlink()
    waive(mini, control="MINI-DEV-01")
    assert control(mini.run("--format", "json"), "MINI-DEV-01")["status"] == "waived"


def test_waiver_does_not_touch_a_passing_control(mini):
    waive(mini)
    assert control(mini.run("--format", "json"), "MINI-PW-01")["waiver"] is None


@pytest.mark.parametrize(("as_of", "status", "exit_code"), [("2027-03-31", "waived", 0),
                                                            ("2027-04-01", "fail", 1)])
def test_waiver_applies_through_its_expiry_day_and_not_the_day_after(mini, as_of, status,
                                                                     exit_code):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive(mini)
    result = mini.invoke("run", "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--policies", str(mini.policies), "--as-of", as_of,
                         "--format", "json")
    assert result.exit_code in (exit_code, 1)  # other fixture evidence may be stale by then
    assert control(result, "MINI-PW-01")["status"] == status
    notices = json.loads(result.stdout)["notices"]
    if status == "fail":
        assert notices[0]["message"] == "waiver for MINI-PW-01 expired on 2027-03-31; not applied"
    else:
        assert notices == []


def test_waiver_longer_than_twelve_months_is_rejected_with_file_and_line(mini):
    waive(mini, approved="2026-09-01", expires="2027-09-02")
    result = mini.run()
    assert result.exit_code == 2
    assert ("waivers.yaml:6:5: waiver for MINI-PW-01 expires 2027-09-02, more than 12 months "
            "after approval on 2026-09-01 (latest 2027-09-01)") in result.stderr


def test_waiver_of_exactly_twelve_months_is_accepted(mini):
    waive(mini, approved="2026-09-01", expires="2027-09-01")
    assert mini.run().exit_code == 0


def test_waiver_for_an_unknown_control_is_rejected(mini):
    waive(mini, control="MINI-XX-01")
    result = mini.run()
    assert result.exit_code == 2
    assert "waiver names unknown control 'MINI-XX-01'" in result.stderr


def test_malformed_waiver_is_rejected(mini):
    mini.write("evidence/waivers.yaml", "waivers:\n  - control: MINI-PW-01\n")
    result = mini.run()
    assert result.exit_code == 2
    assert "'reason' is a required property" in result.stderr


def test_evidence_scoped_waiver_covers_only_that_evidence(mini):
    mini.write("evidence/devices.yaml", DEVICES.format(encrypted="false"))
    mini.write("evidence/devices-2.yaml", DEVICES.format(encrypted="true")
               .replace("id: devices", "id: devices-2"))
    waive(mini, control="MINI-DEV-01", extra="    evidence: devices-2\n")
    assert control(mini.run("--format", "json"), "MINI-DEV-01")["status"] == "fail"
    waive(mini, control="MINI-DEV-01", extra="    evidence: devices\n")
    assert control(mini.run("--format", "json"), "MINI-DEV-01")["status"] == "waived"


def test_waivers_change_the_inputs_digest(mini):
    before = json.loads(mini.run("--format", "json").stdout)["inputs_digest"]
    waive(mini)
    after = json.loads(mini.run("--format", "json").stdout)["inputs_digest"]
    assert before != after


def waive_by(mini, approver, control="MINI-PW-01"):
    mini.write("evidence/waivers.yaml", WAIVER.format(control=control, approved="2026-09-01",
                                                       expires="2027-03-31", extra="")
               .replace("M. Proudie (SIRO)", approver))


@pytest.mark.parametrize("approver", ["'   '", '"\\t "'])
@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_blank_approver_is_refused_at_its_line(mini, approver, command):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, approver)
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert (f"{mini.evidence}/waivers.yaml:4:5: waiver for MINI-PW-01 has a blank "
            "approved_by") in result.stderr


@pytest.mark.parametrize("command", ["run", "validate"])
def test_the_owner_of_the_evidence_cannot_approve_its_waiver(mini, command):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, "identity   MANAGER")  # auth.yaml's owner is "Identity Manager"
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert (f"{mini.evidence}/waivers.yaml:4:5: waiver for MINI-PW-01 is approved by "
            f"'identity   MANAGER', the owner of evidence auth-ad ({mini.evidence}/auth.yaml:1:1)"
            ": a waiver needs an approver independent of what it waives") in result.stderr


def test_the_attesting_owner_cannot_waive_the_control_they_attest(mini):
    waive_by(mini, "SIRO", control="MINI-ATT-01")  # attestation.yaml's owner is "SIRO"
    result = mini.run()
    assert result.exit_code == 2
    assert "waiver for MINI-ATT-01 is approved by 'SIRO', the owner of evidence att-1" \
        in result.stderr


def test_the_owner_of_the_control_in_the_catalogue_cannot_approve_its_waiver(mini):
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/mini.yaml", text.replace(
        "    title: Passwords of at least 12 characters\n",
        "    title: Passwords of at least 12 characters\n    owner: Head of IT\n"))
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, "Head of IT")
    result = mini.run()
    assert result.exit_code == 2
    assert ("waiver for MINI-PW-01 is approved by 'Head of IT', the owner of MINI-PW-01 in the "
            "catalogue") in result.stderr


def test_the_owner_of_the_control_in_the_profile_cannot_approve_its_waiver(mini):
    profile = (mini.evidence / "organisation.yaml").read_text()
    mini.write("evidence/organisation.yaml", profile.replace(
        "  pecr_provider: false\n",
        "  pecr_provider: false\n  control_owners: {MINI-PW-01: J. Smith}\n"))
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, "j. smith")
    result = mini.run()
    assert result.exit_code == 2
    assert ("waiver for MINI-PW-01 is approved by 'j. smith', the owner of MINI-PW-01 in the "
            "organisation profile") in result.stderr


def test_an_independent_approver_still_waives(mini):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, "Chief Executive")
    result = mini.run("--format", "json")
    assert result.exit_code == 0, result.stderr
    assert control(result, "MINI-PW-01")["status"] == "waived"


@pytest.mark.parametrize("approver", [
    "Identity Manager (acting)", "Identity Manager.", "J. Smith, Identity Manager",
    "\u0406dentity Manager",  # Cyrillic capital I
    "Identity\u200b Manager",  # a zero-width space
    "Ide\u200bntity Manager", "\uff29dentity Manager",  # fullwidth I
])
def test_the_evidence_owner_named_another_way_cannot_approve_its_waiver(mini, approver):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, f'"{approver}"')
    result = mini.run()
    assert result.exit_code == 2
    assert f"{mini.evidence}/waivers.yaml:4:5: waiver for MINI-PW-01 is approved by '" \
        in result.stderr
    assert (f"', the owner of evidence auth-ad ({mini.evidence}/auth.yaml:1:1): a waiver needs "
            "an approver independent of what it waives") in result.stderr


@pytest.mark.parametrize("approver", ["'-'", "N/A", "x", "tbc", "none", "TBC.", "'?'"])
@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_placeholder_approver_is_refused_at_its_line(mini, approver, command):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, approver)
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert f"{mini.evidence}/waivers.yaml:4:5: waiver for MINI-PW-01 is approved by " \
        in result.stderr
    assert ", which names nobody; name who accepted the risk, and in what role" in result.stderr


def test_who_attests_to_the_control_cannot_waive_it(mini):
    waive_by(mini, "A. Person (Records)", control="MINI-ATT-01")  # att-1: attested_by A. Person
    result = mini.run()
    assert result.exit_code == 2
    assert ("waiver for MINI-ATT-01 is approved by 'A. Person (Records)', who attests to "
            f"MINI-ATT-01 in att-1 ({mini.evidence}/attestation.yaml:8:3)") in result.stderr


def test_the_person_an_attestation_names_in_the_owners_role_cannot_waive(mini):
    """att-1 says A. Person is the Identity Manager, who owns the evidence MINI-PW-01 reads."""
    mini.write("evidence/attestation.yaml", (mini.evidence / "attestation.yaml").read_text()
               .replace("role: ", "role: Identity Manager  # was: "))
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    waive_by(mini, "A. Person")
    result = mini.run()
    assert result.exit_code == 2
    assert ("waiver for MINI-PW-01 is approved by 'A. Person', who is Identity Manager "
            f"(attestation att-1 at {mini.evidence}/attestation.yaml:8:3), the owner of "
            f"evidence auth-ad ({mini.evidence}/auth.yaml:1:1)") in result.stderr


ROLES = """\
kind: governance_roles
id: ig-roles
title: IG appointments
owner: Chief Executive
collected: 2026-04-01
facts:
  siro: {name: Margaret Proudie, post: Executive Director of Resources, appointed: 2024-06-01}
"""


def test_the_person_appointed_to_the_owners_role_cannot_waive(mini):
    """att-1 is owned by the SIRO, and ig-roles says Margaret Proudie is the SIRO."""
    mini.write("evidence/roles.yaml", ROLES)
    waive_by(mini, "Margaret Proudie", control="MINI-ATT-01")
    result = mini.run()
    assert result.exit_code == 2
    assert ("waiver for MINI-ATT-01 is approved by 'Margaret Proudie', who is SIRO (ig-roles at "
            f"{mini.evidence}/roles.yaml:7:3), the owner of evidence att-1") in result.stderr


@pytest.mark.parametrize(("scope", "why"), [
    ("no-such-evidence", "no evidence document has that id"),
    ("auth-ad", "MINI-DEV-01 does not read it"),
])
@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_waiver_scoped_to_evidence_the_control_does_not_read_is_refused(mini, scope, why,
                                                                          command):
    mini.write("evidence/devices.yaml", DEVICES.format(encrypted="false"))
    mini.write("evidence/auth.yaml", AUTH.format(length=12))
    waive(mini, control="MINI-DEV-01", extra=f"    evidence: {scope}\n")
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert (f"{mini.evidence}/waivers.yaml:7:5: waiver for MINI-DEV-01 is scoped to evidence "
            f"'{scope}', but {why}, so it could never apply (it reads: devices)") \
        in result.stderr


EXAMPLE = Path(__file__).parent.parent / "evidence" / "example"


@pytest.mark.parametrize(("approver", "role"), [
    ("Infrastructure Manager", "the owner of an item of evidence rap-2026 ({pack}/psn/"
                               "ithc-2026.yaml:40:7)"),
    ("Gregory Slope", "who is Head of ICT Security (attestation att-caf-detect-2026 at "
                      "{pack}/caf/attestations.yaml:126:3), the owner of evidence ithc-2026"),
])
def test_the_example_rap_overdue_control_cannot_be_waived_by_those_it_names(mini, tmp_path,
                                                                            approver, role):
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    (pack / "waivers.yaml").write_text(
        "waivers:\n  - control: PSN-ITHC-07\n    reason: r\n"
        f"    approved_by: {approver}\n    approved_on: 2026-10-01\n    expires: 2027-03-01\n")
    result = mini.invoke("validate", "--evidence", str(pack), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert (f"{pack}/waivers.yaml:4:5: waiver for PSN-ITHC-07 is approved by '{approver}', "
            f"{role.format(pack=pack)}") in result.stderr
