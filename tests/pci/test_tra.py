"""Flexible frequencies must come from an analysis in the 12.3.1 register, at a sane frequency."""

from __future__ import annotations

from pathlib import Path

import pytest

from pci.conftest import edit

TRA_CONTROLS = ["PCI-5.2.3.1", "PCI-5.3.2.1", "PCI-7.2.5.1", "PCI-8.6.3", "PCI-9.5.1.2.1",
                "PCI-10.4.2.1", "PCI-11.3.1.1", "PCI-12.10.4.1"]
REGISTER = Path("payments") / "req12-risk-analyses.yaml"


@pytest.fixture
def all_judged(pack: Path) -> Path:
    """The example pack without payment channels: every requirement, TRAs included, is judged."""
    profile = pack / "organisation.yaml"
    text = profile.read_text()
    start = text.index("    # One entry per payment channel")
    profile.write_text(text[:start] + text[text.index("  business_description:"):])
    return pack


def _tra_messages(control: dict) -> list[str]:
    return [f["message"] for f in control["findings"] if "targeted risk analysis" in f["message"]]


def test_example_citations_all_match_the_register(all_judged: Path, pci_run):
    controls = pci_run(all_judged)
    assert {c: _tra_messages(controls[c]) for c in TRA_CONTROLS} == {c: [] for c in TRA_CONTROLS}
    assert controls["PCI-9.5.1.2.1"]["status"] == "pass"
    assert controls["PCI-10.4.2.1"]["status"] == "pass"


def test_citation_missing_from_the_register_fails_at_its_line(all_judged: Path, pci_run):
    edit(all_judged / "payments" / "req09-poi-devices.yaml", "reference: PCI-TRA-2026-03",
         "reference: PCI-TRA-2026-33")
    control = pci_run(all_judged)["PCI-9.5.1.2.1"]
    assert control["status"] == "fail"
    assert [(f["message"], Path(f["file"]).name, f["line"]) for f in control["findings"]] == [
        ("cites targeted risk analysis PCI-TRA-2026-33, which is not in the register (12.3.1)",
         "req09-poi-devices.yaml", 8)]


def test_rotation_longer_than_the_analysis_allows_fails_per_account(all_judged: Path, pci_run):
    edit(all_judged / REGISTER, "reference: PCI-TRA-2026-04, approach: flexible_frequency, "
         "performed: 2025-03-12, last_reviewed: 2026-03-10, approved_by: Gregory Slope, "
         "frequency_days: 180", "reference: PCI-TRA-2026-04, approach: flexible_frequency, "
         "performed: 2025-03-12, last_reviewed: 2026-03-10, approved_by: Gregory Slope, "
         "frequency_days: 120")
    control = pci_run(all_judged)["PCI-8.6.3"]
    assert control["status"] == "fail"
    assert _tra_messages(control) == [
        "svc-payments (Active Directory (CDE forest)): password change every 180 days, less "
        "often than targeted risk analysis PCI-TRA-2026-04 sets (every 120 days)",
        "svc-backup (Active Directory (CDE forest)): password change every 180 days, less "
        "often than targeted risk analysis PCI-TRA-2026-04 sets (every 120 days)"]


def test_analysis_setting_an_insane_frequency_fails_at_the_register_line(all_judged: Path,
                                                                         pci_run):
    edit(all_judged / REGISTER, "approved_by: Gregory Slope, frequency_months: 12}\n"
         "    - {requirement: 8.6.3", "approved_by: Gregory Slope, frequency_months: 24}\n"
         "    - {requirement: 8.6.3")
    control = pci_run(all_judged)["PCI-7.2.5.1"]
    assert control["status"] == "fail"
    assert [(f["message"], Path(f["file"]).name) for f in control["findings"]] == [
        ("analysis PCI-TRA-2026-04 for 7.2.5.1 sets a frequency of every 24 months; it must be "
         "every 1 to 12 months", "req12-risk-analyses.yaml")]


def test_without_a_register_every_citation_fails(all_judged: Path, pci_run):
    (all_judged / REGISTER).unlink()
    controls = pci_run(all_judged)
    cited = ["PCI-5.2.3.1", "PCI-5.3.2.1", "PCI-7.2.5.1", "PCI-8.6.3", "PCI-9.5.1.2.1",
             "PCI-10.4.2.1", "PCI-11.3.1.1"]
    assert {c: controls[c]["status"] for c in cited} == {c: "fail" for c in cited}
    assert _tra_messages(controls["PCI-10.4.2.1"]) == [
        "cites targeted risk analysis PCI-TRA-2026-02, but no targeted risk analysis register "
        "(12.3.1) records any analysis"]
