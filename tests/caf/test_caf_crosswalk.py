"""Typed crosswalk links are shown with their relation, read from the shown control's side, in
`checker controls show` and in the generated catalogue docs."""

from __future__ import annotations

from click.testing import CliRunner

from checker.catalogdocs import render
from checker.catalogue import load_catalogue
from checker.cli import cli
from checker.policies import bundled


def _show(control_id: str) -> str:
    result = CliRunner().invoke(cli, ["controls", "show", control_id], catch_exceptions=False)
    assert result.exit_code == 0
    return result.stdout


def test_controls_show_gives_the_relation_and_rationale_of_an_outgoing_link():
    out = _show("PSN-OPS-01")
    assert "maps to:         CAF-B4.d (subset), CE-SUM (subset), PCI-6.3.3 (intersects)" in out
    assert ("  CAF-B4.d:      subset: CAF B4.d asks for prompt patching of known vulnerabilities"
            in out)


def test_controls_show_reads_an_incoming_link_from_the_other_side():
    # PSN-OPS-01 is a subset of CAF-B4.d, so CAF-B4.d is a superset of PSN-OPS-01
    out = _show("CAF-B4.d")
    assert "PSN-OPS-01 (superset)" in out
    assert "  PSN-OPS-01:    superset: CAF B4.d asks for prompt patching" in out
    assert "  PCI-A3.2.4:    intersects: " in out


def test_catalogue_docs_show_relations_in_the_maps_to_column_and_a_links_table():
    text = render(load_catalogue(bundled("controls")), "caf", {})
    row = next(line for line in text.splitlines() if line.startswith("| `CAF-B4.b` |"))
    assert "PSN-OPS-03 (superset)" in row
    assert "### Typed links to other frameworks" in text
    assert ("| `CAF-B4.d` | superset | `PSN-OPS-02` | Running only vendor-supported software "
            "(PSN-OPS-02) is one indicator of CAF B4.d") in text


def test_psn_rows_of_the_docs_show_the_relation_of_every_link():
    text = render(load_catalogue(bundled("controls")), "psn", {})
    row = next(line for line in text.splitlines() if line.startswith("| `PSN-OPS-01` |"))
    assert "CAF-B4.d (subset), CE-SUM (subset), PCI-6.3.3 (intersects)" in row
