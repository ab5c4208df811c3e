"""Freshness is judged per document: a stale document about one subject is not made current
by a fresh document about another (a false pass found by an outside review), while a newer
document about the same subject supersedes it (history kept on purpose)."""

from __future__ import annotations

import json

from conftest import AS_OF

OLD_SYSTEM = """\
kind: auth_policy
id: auth-legacy
title: Legacy portal password policy
owner: Identity Manager
collected: 2025-06-01
facts:
  system: Legacy portal
  min_length: 14
"""

OLD_AD = OLD_SYSTEM.replace("auth-legacy", "auth-ad-2025").replace("Legacy portal", "AD")


def _control(mini, *args: str) -> dict:
    result = mini.invoke("run", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                         "--policies", str(mini.policies), "--as-of", AS_OF, "--format", "json",
                         "--history", "off", "--fail-on", "none", *args)
    assert result.exit_code == 0, result.output
    return {c["id"]: c for c in json.loads(result.stdout)["controls"]}["MINI-PW-01"]


def test_a_stale_document_about_another_system_makes_the_control_a_gap(mini):
    # auth.yaml (AD, 2026-10-01) is fresh; the legacy portal's policy is 518 days old
    assert _control(mini)["status"] == "pass"
    mini.write("evidence/legacy.yaml", OLD_SYSTEM)
    control = _control(mini)
    assert control["status"] == "gap"
    assert control["reason"] == (
        f"'auth_policy' evidence is not current: auth-legacy ({mini.evidence}/legacy.yaml:1:1) "
        f"collected 2025-06-01, 518 days before {AS_OF}; limit 365 days (no newer "
        "'auth_policy' document about system \"Legacy portal\" supersedes it)")


def test_an_older_document_about_the_same_system_is_history(mini):
    mini.write("evidence/ad-2025.yaml", OLD_AD)
    assert _control(mini)["status"] == "pass"


def test_explain_says_which_document_is_superseded(mini):
    mini.write("evidence/ad-2025.yaml", OLD_AD)
    result = mini.invoke("explain", "MINI-PW-01", "--evidence", str(mini.evidence),
                         "--controls", str(mini.controls), "--policies", str(mini.policies),
                         "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert ("    => superseded by auth-ad (collected 2026-10-01, about system \"AD\"): "
            "history, not judged for freshness") in result.output.splitlines()
    assert "    => current on 2026-11-01" in result.output.splitlines()


def test_every_subject_fact_is_a_required_scalar_of_its_kind():
    from checker import schemas

    wrong = []
    for kind in schemas.evidence_kinds():
        schema = schemas.load(f"kinds/{kind}.schema.json")
        for name in schemas.subject_facts(kind) or ():
            prop = schema["properties"].get(name, {})
            if name not in schema.get("required", ()) or \
                    not (prop.get("type") == "string" or "enum" in prop):
                wrong.append((kind, name))
    assert wrong == []
    assert schemas.subject_facts("system_config") == ("system",)
    assert schemas.subject_facts("attestation") == ()
    assert schemas.subject_facts("network_diagram") is None
