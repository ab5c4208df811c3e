"""Every reference parameter is decided by an automated control; catalogue docs are current."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import catalogdocs
from checker.inputs import load_sources
from checker.pci.scoping import requirement_id

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "catalogue"
ENTRIES = catalogdocs.reference_parameters(DOCS)


@pytest.fixture(scope="module")
def catalogue():
    return load_sources(None, None).catalogue


def test_reference_parameters_are_read_from_the_catalogue_docs():
    """Guards the parametrized test below: an empty list would make it pass vacuously."""
    frameworks = {e["framework"] for e in ENTRIES}
    assert len(ENTRIES) >= 100
    assert {"PCI DSS v4.0.1", "UK PSN (project ID scheme)"} <= frameworks


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e['framework'][:6]}-{e['id']}")
def test_reference_parameter_is_decided_by_an_automated_control(catalogue, entry):
    controls = catalogdocs.implementing(catalogue, entry["framework"], str(entry["id"]))
    assert [c.id for c in controls if c.mode == "automated"], (
        f"{entry['id']} {entry['parameter']} is not decided by any automated control")


def test_pci_counts_per_principal_requirement_match_the_reference(catalogue):
    ids = (REPO / "tests" / "data" / "pci_ids.txt").read_text().split()  # the reference's list
    expected: dict[str, int] = {}
    for pci_id in ids:
        expected[pci_id.split(".")[0]] = expected.get(pci_id.split(".")[0], 0) + 1
    actual: dict[str, int] = {}
    requirements = [c for c in catalogue.select(("pci",)) if requirement_id(c.id)]
    for control in requirements:
        principal = control.id.removeprefix("PCI-").split(".")[0]
        actual[principal] = actual.get(principal, 0) + 1
    assert actual == expected
    assert sorted(c.id for c in requirements) == sorted(f"PCI-{i}" for i in ids)
    # besides the requirements, only the per-channel SAQ eligibility check
    assert [c.id for c in catalogue.select(("pci",)) if not requirement_id(c.id)] == [
        "PCI-SAQ-ELIGIBILITY"]


def test_catalogue_docs_are_generated_from_the_current_catalogue(tmp_path: Path, monkeypatch):
    copy = tmp_path / "catalogue"
    shutil.copytree(DOCS, copy)
    readme = tmp_path / "README.md"
    shutil.copy(REPO / "README.md", readme)
    monkeypatch.chdir(REPO)  # reports name the evidence as given: evidence/example
    changed = catalogdocs.update(copy, Path("evidence/example"), readme)
    assert changed == [], "run: python -m checker.catalogdocs docs/catalogue"


def test_psn_has_exactly_the_reference_control_areas(catalogue):
    areas = {"GOV": 8, "NET": 3, "ITHC": 6, "OPS": 11, "DATA": 2, "INFO": 1}  # the reference
    # Project additions (issue 14): CoCo IA conditions and commitments, RAP and scope rules,
    # screening before access.
    areas |= {"IA": 6, "COM": 5}
    additions = ["PSN-ITHC-07", "PSN-ITHC-08", "PSN-ITHC-09", "PSN-OPS-12"]
    expected = sorted([f"PSN-{a}-{n:02d}" for a, count in areas.items()
                       for n in range(1, count + 1)] + additions)
    assert sorted(c.id for c in catalogue.select(("psn",))) == expected


def test_one_evidence_document_serves_controls_in_several_frameworks(monkeypatch):
    """The crosswalk in practice: e.g. the patch report backs PCI 6.3.3 and PSN-OPS-01."""
    from checker.inputs import assess_directory

    monkeypatch.chdir(REPO)
    assessment = assess_directory(Path("evidence/example"), "2026-11-01")
    frameworks: dict[str, set[str]] = {}
    for result in assessment.results:
        for evidence in result.evidence:
            if evidence.kind not in ("organisation", "attestation"):
                frameworks.setdefault(evidence.id, set()).add(result.control.framework)
    shared = {e for e, used_by in frameworks.items() if len(used_by) >= 2}
    assert {"patch-2026-10", "devices-2026-10"} <= shared, sorted(shared)
