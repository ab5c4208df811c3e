"""run --framework pci judges the union of the channels' SAQs; eligibility moves channels."""

from __future__ import annotations

from pathlib import Path

import yaml

from pci.conftest import EXAMPLE, REPO, edit

SAQ = REPO / "controls" / "pci" / "saq"


def _ids(name: str) -> set[str]:
    return {f"PCI-{r}" for r in yaml.safe_load((SAQ / name).read_text())["requirements"]}


def _judged(controls: dict) -> set[str]:
    return {k for k, c in controls.items() if c["status"] != "not_applicable"
            or not c["reason"].startswith("not in SAQ")}


def test_example_pack_is_judged_on_its_three_saqs_only(pci_run):
    controls = pci_run(EXAMPLE)
    union = _ids("a.yaml") | _ids("c-vt.yaml") | _ids("b-ip.yaml")
    assert _judged(controls) == union | {"PCI-SAQ-ELIGIBILITY"}
    assert controls["PCI-1.1.1"]["status"] == "not_applicable"
    assert controls["PCI-1.1.1"]["reason"] == "not in SAQ A, C-VT, B-IP"
    assert controls["PCI-SAQ-ELIGIBILITY"]["status"] == "pass"


def test_a_requirement_in_a_channel_saq_is_still_judged(pci_run):
    controls = pci_run(EXAMPLE)
    # 8.3.6 is in SAQ A and C-VT; the example's AD policy allows 8-character passwords
    assert controls["PCI-8.3.6"]["status"] == "fail"


def test_channel_keying_batches_is_ineligible_and_moves_to_saq_c(pack: Path, pci_run):
    edit(pack / "payments" / "saq-eligibility.yaml",
         "one_transaction_at_a_time_by_keyboard: true",
         "one_transaction_at_a_time_by_keyboard: false")
    controls = pci_run(pack)
    eligibility = controls["PCI-SAQ-ELIGIBILITY"]
    assert eligibility["status"] == "fail"
    assert [f["message"] for f in eligibility["findings"]] == [
        "channel 'contact-centre' (SAQ C-VT): eligibility criterion "
        "'one_transaction_at_a_time_by_keyboard' is not met; it must move to SAQ C"]
    union = _ids("a.yaml") | _ids("c.yaml") | _ids("b-ip.yaml")
    assert _judged(controls) == union | {"PCI-SAQ-ELIGIBILITY"}
    assert controls["PCI-10.2.2"]["reason"] != "not in SAQ A, C, B-IP"
    assert controls["PCI-6.4.3"]["reason"] == "not in SAQ A, C, B-IP"


def test_missing_eligibility_evidence_moves_every_channel(pack: Path, pci_run):
    (pack / "payments" / "saq-eligibility.yaml").unlink()
    controls = pci_run(pack)
    assert controls["PCI-SAQ-ELIGIBILITY"]["status"] == "gap"
    union = _ids("a-ep.yaml") | _ids("c.yaml")
    assert _judged(controls) == union | {"PCI-SAQ-ELIGIBILITY"}


def test_without_payment_channels_every_requirement_is_judged(pack: Path, pci_run):
    profile = pack / "organisation.yaml"
    text = profile.read_text()
    start = text.index("    # One entry per payment channel")
    end = text.index("  business_description:")
    profile.write_text(text[:start] + text[end:])
    controls = pci_run(pack)
    assert [k for k, c in controls.items() if c["reason"].startswith("not in SAQ")] == []
    assert controls["PCI-1.1.1"]["status"] != "not_applicable"


def test_roc_channel_brings_every_requirement_into_scope(pack: Path, pci_run):
    edit(pack / "organisation.yaml", "validation: B-IP", "validation: ROC")
    controls = pci_run(pack)
    assert [k for k, c in controls.items() if c["reason"].startswith("not in SAQ")] == []


def test_each_judged_requirement_names_its_channels_and_saqs(pci_run):
    controls = pci_run(EXAMPLE)
    assert controls["PCI-8.3.6"]["channels"] == ["online-payments (SAQ A)",
                                                 "contact-centre (SAQ C-VT)"]
    assert controls["PCI-9.5.1"]["channels"] == ["counter-terminals (SAQ B-IP)"]
    assert controls["PCI-1.1.1"]["channels"] == []


def test_a_moved_channel_is_labelled_with_both_saqs(pack: Path, pci_run):
    edit(pack / "payments" / "saq-eligibility.yaml", "no_attached_card_readers: true",
         "no_attached_card_readers: false")
    controls = pci_run(pack)
    assert "contact-centre (SAQ C-VT -> C)" in controls["PCI-10.2.2"]["channels"]
