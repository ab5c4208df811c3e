"""The SAQ requirement lists: sourced, counted, and consistent with the eligibility rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker import engines
from checker.errors import InputError
from checker.inputs import load_sources
from checker.pci.saqlists import parse_saq_lists
from checker.yamlsource import load_documents

REPO = Path(__file__).resolve().parents[2]
SAQ_DIR = REPO / "controls" / "pci" / "saq"
PCI_IDS = set((REPO / "tests" / "data" / "pci_ids.txt").read_text().split())

# Requirement count per SAQ, written by hand (see each file's confidence_note for how sure).
EXPECTED_COUNTS = {
    "A": 29, "A-EP": 186, "B": 29, "B-IP": 51, "C": 165, "C-VT": 55, "P2PE": 21, "SPoC": 21,
    "D-Merchant": 238, "D-Service Provider": 260,
}


@pytest.fixture(scope="module")
def saq_lists():
    return load_sources(None, None).catalogue.saq_lists


def test_every_validation_type_but_roc_has_a_list_of_the_pinned_size(saq_lists):
    assert {k: len(v.requirements) for k, v in saq_lists.items()} == EXPECTED_COUNTS


def test_saq_a_january_2025_revision_drops_the_payment_page_script_requirements(saq_lists):
    saq_a = saq_lists["A"]
    assert saq_a.revision == "4.0.1 Revision 1"
    assert saq_a.published == "2025-01"
    assert {"6.4.3", "11.6.1", "12.3.1"} & set(saq_a.requirements) == set()
    assert {"2.2.2", "8.3.6", "11.3.2", "12.8.1", "12.10.1"} <= set(saq_a.requirements)


def test_every_listed_id_is_a_pci_dss_v4_0_1_requirement(saq_lists):
    unknown = {k: sorted(set(v.requirements) - PCI_IDS) for k, v in saq_lists.items()}
    assert {k: v for k, v in unknown.items() if v} == {}


def test_service_provider_only_requirements_are_not_in_saq_d_for_merchants(saq_lists):
    merchant = set(saq_lists["D-Merchant"].requirements)
    provider = set(saq_lists["D-Service Provider"].requirements)
    assert {"12.9.1", "12.9.2", "3.6.1.1", "A1.1.1"} & merchant == set()
    assert {"12.9.1", "12.9.2", "3.6.1.1", "A1.1.1"} <= provider


@pytest.mark.parametrize("path", sorted(SAQ_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_list_names_its_document_revision_date_and_confidence(path):
    raw = yaml.safe_load(path.read_text())
    assert raw["document"].startswith("PCI DSS v4.0.1 SAQ")
    assert raw["revision"].startswith("4.0.1")
    assert raw["published"][:4] in ("2024", "2025")
    assert raw["confidence"] in ("medium", "low")
    assert len(raw["confidence_note"]) > 80


def test_lists_below_medium_confidence_say_they_are_not_confirmed(saq_lists):
    low = sorted(k for k, v in saq_lists.items() if v.confidence == "low")
    assert low == ["A-EP", "B", "B-IP", "C", "C-VT", "P2PE", "SPoC"]
    assert all(saq_lists[k].confidence_note.startswith("NOT CONFIRMED") for k in low)


def test_eligibility_rules_send_ineligible_channels_where_the_lists_say(saq_lists):
    sources = load_sources(None, None)
    engine = engines.create("regorus")
    engine.load([m for m in sources.modules if not m.is_test], {})
    rego = engine.evaluate("data.pci.saq.eligibility.moves_to", {})
    assert rego == {k: v.moves_to for k, v in saq_lists.items()}


def _documents(text: str):
    return load_documents(text, "controls/pci/saq/x.yaml")


def test_a_list_whose_count_disagrees_is_refused_with_its_line():
    text = (SAQ_DIR / "p2pe.yaml").read_text().replace("count: 21", "count: 20")
    with pytest.raises(InputError) as caught:
        parse_saq_lists(_documents(text))
    assert [str(p) for p in caught.value.problems] == [
        "controls/pci/saq/x.yaml:16:1: count says 20 but 21 requirements are listed"]


def test_a_list_with_an_id_that_is_no_requirement_is_refused():
    text = (SAQ_DIR / "p2pe.yaml").read_text().replace('"12.10.1"', '"12.10.99x"')
    with pytest.raises(InputError) as caught:
        parse_saq_lists(_documents(text))
    messages = [p.message for p in caught.value.problems]
    assert messages == ["'12.10.99x' is not a PCI DSS requirement id"]
