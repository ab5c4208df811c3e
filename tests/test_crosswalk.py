"""The bundled crosswalk is typed end to end: every ``maps_to`` entry states how its control
relates to the target (equal, subset, superset, intersects) and why (a rationale or a published
source), a link made from both ends reads the same from either, and `checker controls show` and
the generated catalogue docs give the relation of links between PSN, PCI DSS and data handling
and to the external reference ids (CE-*, GSC-*, HMG-IR-*, UKGDPR-*, ICO-FM-*, PECR-*, DPA-*)."""

from __future__ import annotations

from click.testing import CliRunner

from checker.catalogdocs import render
from checker.catalogue import Catalogue, load_catalogue
from checker.cli import cli
from checker.crosswalk import INVERSE
from checker.policies import bundled

RELATIONS = {"equal", "subset", "superset", "intersects"}


def _catalogue() -> Catalogue:
    return load_catalogue(bundled("controls"))


def _show(control_id: str) -> str:
    result = CliRunner().invoke(cli, ["controls", "show", control_id], catch_exceptions=False)
    assert result.exit_code == 0
    return result.stdout


def test_every_bundled_maps_to_entry_has_a_relation_and_a_rationale_or_source():
    untyped = [f"{c.id} -> {link.target} ({c.source})" for c in _catalogue().controls
               for link in c.links
               if link.relation not in RELATIONS
               or not ((link.rationale or "").strip() or (link.source or "").strip())]
    assert untyped == []


def test_a_link_made_from_both_ends_gives_inverse_relations():
    catalogue = _catalogue()
    relation = {(c.id, link.target): link.relation for c in catalogue.controls
                for link in c.links}
    mismatched = [f"{a} -> {b} is {r}, {b} -> {a} is {relation[(b, a)]}"
                  for (a, b), r in relation.items()
                  if (b, a) in relation and r is not None and relation[(b, a)] != INVERSE[r]]
    assert mismatched == []
    # one pair checked by hand: 6.3.3 (one month, critical) and PSN-OPS-01 (14 days, high too)
    assert relation[("PCI-6.3.3", "PSN-OPS-01")] == "intersects"
    assert relation[("PSN-OPS-01", "PCI-6.3.3")] == "intersects"


def test_controls_show_gives_the_relation_of_a_link_to_an_external_reference_id():
    out = _show("DH-BREACH-02")
    assert ("maps to:         CAF-D2.a (intersects), UKGDPR-33 (subset), UKGDPR-33-5 (equal)"
            in out)
    assert "  UKGDPR-33-5:   equal: Both ask that every personal data breach be recorded" in out


def test_controls_show_reads_a_psn_to_pci_link_from_the_pci_side():
    # PSN-OPS-05 (unique accounts, admin MFA, leavers) is a superset of PCI-8.2.1 (unique IDs)
    out = _show("PCI-8.2.1")
    assert "PSN-OPS-05 (subset)" in out
    assert "  PSN-OPS-05:    subset: PSN-OPS-05 asks that every account belong to a named" in out


def test_a_link_with_no_shared_requirement_was_dropped():
    control = _catalogue().control("PSN-COM-02")
    assert control is not None
    assert [link.label for link in control.links] == ["PSN-GOV-06 (subset)"]


def test_catalogue_docs_list_the_typed_links_of_data_handling_and_pci():
    catalogue = _catalogue()
    dh = render(catalogue, "data-handling", {})
    assert ("| `DH-FEE-01` | equal | `DPA-FEE` | Both ask for a current ICO registration and the "
            "annual data protection fee paid. |") in dh
    row = next(line for line in dh.splitlines() if line.startswith("| `DH-PROC-02` |"))
    assert "PCI-12.8.4 (intersects), UKGDPR-28 (subset)" in row
    pci = render(catalogue, "pci", {})
    assert "| `PCI-5.2.1` | subset | `PSN-OPS-04` |" in pci
