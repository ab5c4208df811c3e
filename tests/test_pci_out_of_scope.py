"""A `pci_scope` `out_of_scope` listing is a scope decision: it names why (`reason`), who
approved it (`approved_by`, not the inventory's owner) and when (`approved_on`, not after the
assessment date). A malformed listing is refused at load with its file and line; one approved
more than 12 months ago loads but no longer takes anything out of scope."""

from __future__ import annotations

import pytest

SCOPE = """\
kind: pci_scope
id: scope
title: PCI DSS scope
owner: PCI DSS Compliance Manager
collected: 2026-10-01
facts:
  confirmations: [{{date: 2026-09-01}}]
  components: [{{name: pay-web-01, function: payment page}}]
  out_of_scope:
    - name: wlc-01
      reason: Guest wireless only; no route to the CDE (segmentation test ST-4)
      approved_by: {approver}
      approved_on: {approved_on}
"""


def run(mini):
    return mini.invoke("run", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                       "--policies", str(mini.policies), "--as-of", "2026-11-01", "--format",
                       "json", "--history", "off", "--fail-on", "none")


def test_a_listing_approved_by_someone_independent_loads(mini):
    mini.write("evidence/scope.yaml", SCOPE.format(approver="Head of ICT Security",
                                                   approved_on="2026-06-01"))
    assert run(mini).exit_code == 0


@pytest.mark.parametrize(("approver", "why"), [
    ("PCI DSS Compliance Manager (deputy)",
     "approved by the document's owner (PCI DSS Compliance Manager)"),
    ("pci dss compliance manager", "approved by the document's owner (PCI DSS Compliance Manager)"),
    ("'-'", "approved by '-', which names nobody"),
    ("N/A", "approved by 'N/A', which names nobody"),
])
def test_a_listing_approved_by_the_inventorys_owner_or_nobody_is_refused(mini, approver, why):
    mini.write("evidence/scope.yaml", SCOPE.format(approver=approver, approved_on="2026-06-01"))
    result = run(mini)
    assert result.exit_code == 2
    assert "scope.yaml:12:" in result.output
    assert f"out_of_scope listing of wlc-01 is {why}" in result.output


def test_a_listing_dated_after_the_assessment_is_refused(mini):
    mini.write("evidence/scope.yaml", SCOPE.format(approver="Head of ICT Security",
                                                   approved_on="2026-11-02"))
    result = run(mini)
    assert result.exit_code == 2
    assert ("scope.yaml:13:7: out_of_scope listing of wlc-01 is dated 2026-11-02, after the "
            "assessment date 2026-11-01") in result.output


@pytest.mark.parametrize("field", ["approved_by", "approved_on", "reason"])
def test_a_listing_without_a_reason_approver_or_date_is_refused(mini, field):
    text = SCOPE.format(approver="Head of ICT Security", approved_on="2026-06-01")
    mini.write("evidence/scope.yaml", "\n".join(line for line in text.splitlines()
                                                if not line.strip().startswith(f"{field}:")))
    result = run(mini)
    assert result.exit_code == 2
    assert "scope.yaml:10:" in result.output
    assert f"'{field}' is a required property" in result.output
