"""Each status in DESIGN.md's precedence, as a user sees it in `checker run --format json`."""

from __future__ import annotations

import json

from conftest import ATTESTATION, AUTH, DEVICES


def test_passing_pack_passes_every_applicable_control(mini, statuses):
    result = mini.run("--format", "json")
    assert result.exit_code == 0, result.stderr
    assert statuses(result) == {
        "MINI-ATT-01": "pass",
        "MINI-DEV-01": "pass",
        "MINI-FUT-01": "not_applicable",
        "MINI-PW-01": "pass",
        "MINI-SP-01": "not_applicable",
    }


def test_finding_fails_the_control_and_points_at_the_yaml_line(mini, statuses):
    text = DEVICES.format(encrypted="false")
    mini.write("evidence/devices.yaml", text)
    result = mini.run("--format", "json")
    assert result.exit_code == 1
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-DEV-01")
    assert control["status"] == "fail"
    [finding] = control["findings"]
    assert finding["message"] == "LT-2 is not encrypted"
    assert finding["file"].endswith("evidence/devices.yaml")
    assert finding["line"] == text.splitlines().index("      encrypted: false") + 1
    assert finding["evidence"] == "devices"


def test_missing_evidence_is_a_gap_not_a_pass(mini, statuses):
    (mini.evidence / "devices.yaml").unlink()
    result = mini.run("--format", "json")
    assert statuses(result)["MINI-DEV-01"] == "gap"
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-DEV-01")
    assert "no 'device_inventory' evidence" in control["reason"]


def test_stale_evidence_is_a_gap_naming_its_age(mini, statuses):
    mini.write("evidence/devices.yaml",
               DEVICES.format(encrypted="true").replace("2026-10-01", "2026-08-02"))
    result = mini.run("--format", "json")
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-DEV-01")
    assert control["status"] == "gap"
    assert "91 days before 2026-11-01; limit 90 days" in control["reason"]


def test_evidence_exactly_at_its_age_limit_is_fresh(mini, statuses):
    mini.write("evidence/devices.yaml",
               DEVICES.format(encrypted="true").replace("2026-10-01", "2026-08-03"))
    assert statuses(mini.run("--format", "json"))["MINI-DEV-01"] == "pass"


def test_expired_evidence_is_a_gap(mini, statuses):
    text = DEVICES.format(encrypted="true").replace("facts:", "expires: 2026-10-31\nfacts:")
    mini.write("evidence/devices.yaml", text)
    result = mini.run("--format", "json")
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-DEV-01")
    assert control["status"] == "gap"
    assert "expired on 2026-10-31" in control["reason"]


def test_gap_takes_precedence_over_fail(mini, statuses):
    stale_and_bad = DEVICES.format(encrypted="false").replace("2026-10-01", "2026-01-01")
    mini.write("evidence/devices.yaml", stale_and_bad)
    result = mini.run("--format", "json")
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-DEV-01")
    assert control["status"] == "gap"
    assert control["findings"], "findings stay visible under a gap"


def test_future_dated_requirement_is_not_applicable_before_its_date(mini, statuses):
    result = mini.run("--format", "json")
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-FUT-01")
    assert control["status"] == "not_applicable"
    assert control["reason"] == "not yet required: effective from 2030-01-01"
    later = mini.invoke("run", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                        "--policies", str(mini.policies), "--as-of", "2030-01-01",
                        "--format", "json")
    # from its effective date it is judged like any other control
    assert statuses(later)["MINI-FUT-01"] == "pass"


def test_applicability_comes_from_the_organisation_profile(mini, statuses):
    text = (mini.evidence / "organisation.yaml").read_text()
    mini.write("evidence/organisation.yaml",
               text.replace("service_provider: false", "service_provider: true"))
    assert statuses(mini.run("--format", "json"))["MINI-SP-01"] == "pass"


def test_undefined_applicability_makes_the_control_an_error_not_out_of_scope(mini, statuses):
    mini.break_scope()
    result = mini.run("--format", "json")
    assert result.exit_code == 3
    found = statuses(result)
    assert found["MINI-SP-01"] == "error"
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-SP-01")
    assert "organisation profile" in control["reason"]


def test_attested_control_without_attestation_is_a_gap(mini, statuses):
    (mini.evidence / "attestation.yaml").unlink()
    result = mini.run("--format", "json")
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-ATT-01")
    assert control["status"] == "gap"
    assert "no 'attestation' evidence citing this control" in control["reason"]


def test_attestation_from_an_unaccepted_role_fails(mini, statuses):
    mini.write("evidence/attestation.yaml", ATTESTATION.format(collected="2026-06-01",
                                                               role="Clerk"))
    assert statuses(mini.run("--format", "json"))["MINI-ATT-01"] == "fail"


def test_attestation_older_than_a_year_is_a_gap(mini, statuses):
    mini.write("evidence/attestation.yaml", ATTESTATION.format(collected="2025-10-31",
                                                               role="SIRO"))
    assert statuses(mini.run("--format", "json"))["MINI-ATT-01"] == "gap"


def test_rego_runtime_error_makes_every_control_an_error_and_exits_3(mini, statuses):
    mini.write("policies/mini/boom.rego", """\
        package mini.pw

        import rego.v1

        too_short contains x if {
        	x := 1 / 0
        }
        """)
    result = mini.run("--format", "json")
    assert result.exit_code == 3
    found = statuses(result)
    assert set(found.values()) == {"error"}
    assert "divide by zero" in json.loads(result.stdout)["controls"][0]["reason"]


def test_rule_returning_the_wrong_shape_is_an_error(mini, statuses):
    mini.write("policies/mini/pw/pw.rego", """\
        package mini.pw

        import rego.v1

        too_short contains 42 if {
        	some doc in input.evidence.auth_policy
        	doc.facts.min_length < 100
        }
        """)
    result = mini.run("--format", "json")
    assert result.exit_code == 3
    assert statuses(result)["MINI-PW-01"] == "error"
    assert statuses(result)["MINI-DEV-01"] == "pass"


def test_short_password_is_a_located_fail(mini, statuses):
    text = AUTH.format(length=11)
    mini.write("evidence/auth.yaml", text)
    result = mini.run("--format", "json")
    control = next(c for c in json.loads(result.stdout)["controls"] if c["id"] == "MINI-PW-01")
    assert control["status"] == "fail"
    assert control["findings"][0]["line"] == text.splitlines().index("  min_length: 11") + 1


def test_superseded_requirement_is_not_applicable_from_its_successors_date(mini, statuses):
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/mini.yaml", text.replace(
        "    effective_from: \"2030-01-01\"\n",
        "    effective_from: \"2030-01-01\"\n"
        "    superseded: {by: MINI-PW-01, from: \"2030-06-30\"}\n"))

    def at(as_of: str) -> dict:
        result = mini.invoke("run", "--evidence", str(mini.evidence), "--controls",
                             str(mini.controls), "--policies", str(mini.policies),
                             "--as-of", as_of, "--format", "json")
        return next(c for c in json.loads(result.stdout)["controls"]
                    if c["id"] == "MINI-FUT-01")

    assert at("2030-06-29")["status"] == "pass"
    superseded = at("2030-06-30")
    assert superseded["status"] == "not_applicable"
    assert superseded["reason"] == "superseded by MINI-PW-01 from 2030-06-30"


def test_superseded_by_an_unknown_control_is_refused(mini):
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/mini.yaml", text.replace(
        "    effective_from: \"2030-01-01\"\n",
        "    effective_from: \"2030-01-01\"\n"
        "    superseded: {by: MINI-NOPE-01, from: \"2030-06-30\"}\n"))
    result = mini.run()
    assert result.exit_code == 2
    assert "superseded by unknown control 'MINI-NOPE-01'" in result.output


def test_a_bare_string_finding_still_points_at_a_document(mini):
    """Custom policies may return plain strings; the report still names a file and line."""
    mini.write("policies/mini/pw/pw.rego", """\
        package mini.pw

        import rego.v1

        too_short contains "no password policy meets 12 characters" if {
        	some doc in input.evidence.auth_policy
        	not doc.facts.min_length >= 12
        }
        """)
    auth = (mini.evidence / "auth.yaml").read_text()
    mini.write("evidence/auth.yaml", auth.replace("min_length: 14", "min_length: 9"))
    control = next(c for c in json.loads(mini.run("--format", "json").stdout)["controls"]
                   if c["id"] == "MINI-PW-01")
    [finding] = control["findings"]
    assert finding["message"] == "no password policy meets 12 characters"
    assert finding["file"].endswith("auth.yaml") and finding["line"] == 1
