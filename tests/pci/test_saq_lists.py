"""The SAQ requirement lists: sourced, counted, and consistent with the eligibility rules."""

from __future__ import annotations

import re
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

# Requirement ids each PCI DSS v4.0.1 SAQ form asks a response for, counted by hand from the
# forms' Section 2 (see each file's confidence_note). Not the tick-box counts quoted elsewhere
# (dionach.com: A-EP 151, C 132), which count one box per bullet of 4.2.1, 6.2.4, 6.4.3, 11.6.1.
EXPECTED_COUNTS = {
    "A": 27, "A-EP": 139, "B": 27, "B-IP": 50, "C": 123, "C-VT": 54, "P2PE": 21, "SPoC": 22,
    "D-Merchant": 233, "D-Service Provider": 259,
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
    # the form asks neither the service-provider MFA item nor the media-inventory item
    assert {"8.3.10.1", "9.4.1.2"} & set(saq_a.requirements) == set()


def test_requirements_the_forms_print_but_do_not_ask_are_left_out(saq_lists):
    # 9.5.1.2.1 is printed as intentionally left blank in SAQ B, B-IP, P2PE and SPoC, and
    # SAQ C does not print it at all: only SAQ D asks for the POI-inspection risk analysis
    assert [k for k, v in saq_lists.items() if "9.5.1.2.1" in v.requirements] == [
        "D-Merchant", "D-Service Provider"]
    assert all("9.5.1.2" in saq_lists[k].requirements for k in ("B", "B-IP", "C", "P2PE", "SPoC"))
    # 12.3.2 belongs to the customized approach, which no self-assessment uses
    assert [k for k, v in saq_lists.items() if "12.3.2" in v.requirements] == []
    # SAQ D for Merchants prints 3.3.3 (issuers) without response boxes
    assert "3.3.3" not in saq_lists["D-Merchant"].requirements
    assert "3.3.3" in saq_lists["D-Service Provider"].requirements


def test_lists_follow_the_v4_0_1_change_logs(saq_lists):
    assert "10.3.3" not in saq_lists["C"].requirements  # deleted from SAQ C in v4.0.1
    assert "4.2.1" in saq_lists["B-IP"].requirements  # restored in SAQ B-IP v4.0 revision 2
    assert {"6.4.3", "11.6.1"} <= set(saq_lists["A-EP"].requirements)


def test_c_vt_asks_its_own_list_not_a_copy_of_the_firewall_requirements(saq_lists):
    c_vt = set(saq_lists["C-VT"].requirements)
    assert {"1.3.1", "1.3.2", "1.3.3", "5.3.4", "9.4.2", "12.6.3.1"} <= c_vt
    assert {"1.2.1", "1.2.7", "1.4.1", "3.2.1"} & c_vt == set()


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
    assert raw["confidence"] in ("high", "medium")
    assert len(raw["confidence_note"]) > 80


def test_each_list_names_the_form_it_was_read_from_and_how_sure_it_is(saq_lists):
    for item in saq_lists.values():
        assert re.search(r"Word form \S+\.docx \(sha256 [0-9a-f]{64};", item.confidence_note)
    medium = sorted(k for k, v in saq_lists.items() if v.confidence == "medium")
    # no second list independent of the PCI SSC form was found for these two
    assert medium == ["D-Service Provider", "SPoC"]
    assert (saq_lists["D-Service Provider"].revision, saq_lists["D-Service Provider"].published) \
        == ("4.0.1 Revision 2", "2025-01")


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
        "controls/pci/saq/x.yaml:23:1: count says 20 but 21 requirements are listed"]


def test_a_list_with_an_id_that_is_no_requirement_is_refused():
    text = (SAQ_DIR / "p2pe.yaml").read_text().replace('"12.10.1"', '"12.10.99x"')
    with pytest.raises(InputError) as caught:
        parse_saq_lists(_documents(text))
    messages = [p.message for p in caught.value.problems]
    assert messages == ["'12.10.99x' is not a PCI DSS requirement id"]


def test_evidence_guide_lists_the_criteria_the_eligibility_rule_judges():
    sources = load_sources(None, None)
    engine = engines.create("regorus")
    engine.load([m for m in sources.modules if not m.is_test], {})
    rego = engine.evaluate("data.pci.saq.eligibility.criteria", {})
    guide = (REPO / "docs" / "evidence.md").read_text(encoding="utf-8")
    section = guide.split("## SAQ eligibility criteria", 1)[1].split("\n## ", 1)[0]
    documented: dict[str, set[str]] = {}
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith(("| SAQ", "| ---")):
            saqs, names = line.strip("| ").split(" | ")
            for saq in saqs.split(", "):
                documented[saq] = set(re.findall(r"`([a-z0-9_]+)`", names)) - {"redirect"}
    assert documented == {saq: set(names) for saq, names in rego.items()}
