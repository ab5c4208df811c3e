"""How controls are decided (issue 19): at most a quarter rest on an attestation alone, and the
strengthened rules read facts, not a signature."""

from __future__ import annotations

from checker.catalogdocs import render_decided_by
from checker.catalogue import load_catalogue
from checker.policies import bundled


def test_at_most_a_quarter_of_all_controls_rest_on_an_attestation_alone():
    controls = load_catalogue(bundled("controls")).controls
    attested = [c.id for c in controls if c.attested]
    assert len(attested) * 4 <= len(controls), f"{len(attested)} of {len(controls)}"


def test_controls_the_issue_names_are_decided_by_rules_over_evidence():
    catalogue = load_catalogue(bundled("controls"))
    named = ["PCI-10.4.1", "PCI-10.4.2", "PCI-10.4.2.1", "PSN-OPS-08", "PSN-OPS-09",
             "PSN-GOV-07", "PSN-NET-03", "PCI-10.7.3", "DH-SAR-01", "DH-DPIA-02",
             "DH-ROLES-05", "DH-ROLES-06", *(f"PCI-{n}.1.2" for n in range(1, 12))]
    manual = [i for i in named if catalogue.control(i) is None or catalogue.control(i).attested]
    assert manual == []


def test_counts_table_totals_every_framework():
    text = render_decided_by(load_catalogue(bundled("controls")))
    total = len(load_catalogue(bundled("controls")).controls)
    assert f"| **all** | {total} |" in text
    assert "### PCI DSS by requirement" in text
    assert "| 10 | " in text
