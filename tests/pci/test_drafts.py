"""checker pci saq / aoc: the drafts an acquirer reads, in four formats, reproducibly."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.text import for_markdown
from pci.conftest import AS_OF, EXAMPLE, REPO, edit


def _invoke(*args: str):
    return CliRunner().invoke(cli, ["pci", *args, "--as-of", AS_OF])


def _saq_json(evidence: Path, channel: str) -> dict:
    result = _invoke("saq", "--evidence", str(evidence), "--channel", channel, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _row(draft: dict, requirement: str) -> dict:
    return next(r for r in draft["responses"] if r["requirement"] == requirement)


def test_saq_draft_answers_each_requirement_of_the_channel_saq():
    draft = _saq_json(EXAMPLE, "contact-centre")
    assert draft["channel"]["assessed_against"] == "C-VT"
    assert len(draft["responses"]) == 54  # SAQ C-VT v4.0.1 asks about 54 requirements
    assert _row(draft, "1.3.1")["response"] == "In Place"
    admin = _row(draft, "2.2.7")
    assert admin["response"] == "Not in Place"
    assert admin["explanation"].startswith(
        "1 finding: cde-sw-01: administered over http, which is not strongly encrypted (")
    assert admin["explanation"].endswith("evidence/example/payments/req02-system-config.yaml:78:33)")
    assert admin["owner"] == "Infrastructure Manager, Network Architect, Payments Systems Manager"
    assert admin["target"] == "2026-11-15"
    assert len(admin["evidence"]) == 5
    assert all(" sha256 " in e for e in admin["evidence"])
    # 1.2.7 (NSC configuration reviews) is not in SAQ C-VT: the draft does not ask it
    assert [r for r in draft["responses"] if r["requirement"] == "1.2.7"] == []


def test_not_in_place_channel_exits_1_and_unknown_channel_exits_2():
    assert _invoke("saq", "--evidence", str(EXAMPLE), "--channel", "contact-centre").exit_code == 1
    result = _invoke("saq", "--evidence", str(EXAMPLE), "--channel", "kiosk")
    assert result.exit_code == 2
    assert f"error: {EXAMPLE}/organisation.yaml:2:1: no payment channel 'kiosk' in the " \
        "organisation profile (channels: online-payments, contact-centre, " \
        "counter-terminals)" in result.output


def test_profile_without_channels_cannot_be_drafted(pack: Path):
    profile = pack / "organisation.yaml"
    text = profile.read_text()
    start = text.index("    # One entry per payment channel")
    profile.write_text(text[:start] + text[text.index("  business_description:"):])
    result = _invoke("aoc", "--evidence", str(pack))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {pack}/organisation.yaml:2:1: no "
                                    "pci.payment_channels")


_WAIVER = """\
waivers:
  - control: PCI-2.2.7
    reason: Switch management moves from http to SSH in the January change window.
    approved_by: Margaret Proudie (SIRO)
    approved_on: 2026-10-15
    expires: 2027-01-31
    compensating_control: Wireless segment has no route to the CDE; weekly rule diff alerts.
"""

_CCW = """\
    ccw:
      constraints: Vendor support contract renews in January.
      objective: Administrative credentials never cross the network in clear text.
      identified_risk: Credentials sent over http could be captured on the management VLAN.
      definition: Switch management reachable only from a jump host over an IPsec tunnel.
      validation: Tunnel configuration and access lists reviewed by the QSA-trained lead.
      maintenance: Tunnel monitored by the SOC; access lists reviewed monthly.
"""


def test_waiver_with_full_worksheet_answers_in_place_with_ccw(pack: Path):
    (pack / "waivers.yaml").write_text(_WAIVER + _CCW)
    row = _row(_saq_json(pack, "contact-centre"), "2.2.7")
    assert row["response"] == "In Place with CCW"
    assert row["ccw"]["maintenance"] == "Tunnel monitored by the SOC; access lists reviewed monthly."


def test_compensating_control_without_worksheet_stays_not_in_place(pack: Path):
    (pack / "waivers.yaml").write_text(_WAIVER)
    row = _row(_saq_json(pack, "contact-centre"), "2.2.7")
    assert row["response"] == "Not in Place"
    assert row["explanation"].startswith("compensating control without a complete Appendix B "
                                         "worksheet (missing: constraints, objective")


def test_ineligible_channel_is_non_compliant_and_names_where_it_must_move(pack: Path):
    edit(pack / "payments" / "saq-eligibility.yaml", "site_protected_from_script_attacks: true",
         "site_protected_from_script_attacks: false")
    result = _invoke("aoc", "--evidence", str(pack), "--format", "markdown")
    # each cell is escaped as every markdown report escapes text (":" so no autolink forms)
    cells = ["online-payments", "SAQ A-EP",
             "Non-Compliant: not eligible for SAQ A; assessed against SAQ A-EP"]
    assert "| " + " | ".join(for_markdown(c) for c in cells) + " |" in result.stdout


def test_aoc_has_four_parts_and_an_action_plan_with_owners_and_dates():
    result = _invoke("aoc", "--evidence", str(EXAMPLE), "--format", "json")
    aoc = json.loads(result.stdout)
    assert aoc["contacts"]["email"] == "pci@barsetshire.gov.uk"
    assert [c["channel"]["name"] for c in aoc["channels"]] == [
        "online-payments", "contact-centre", "counter-terminals"]
    plan = {a["requirement"]: a for a in aoc["action_plan"]}
    assert plan["2.2.7"]["channels"] == ["contact-centre", "counter-terminals"]
    assert plan["2.2.7"]["owner"] == (
        "Infrastructure Manager, Network Architect, Payments Systems Manager")
    assert plan["2.2.7"]["target"] == "2026-11-15"
    assert "1.2.7" not in plan  # in none of the example's SAQs (A, C-VT, B-IP)
    markdown = _invoke("aoc", "--evidence", str(EXAMPLE)).stdout
    for part in ("## Part 1: contact information", "## Part 2: executive summary",
                 "## Part 3: validation per channel", "## Part 4: action plan"):
        assert part in markdown


def test_inputs_digest_is_on_every_page_of_each_format(tmp_path: Path):
    digest = json.loads(_invoke("aoc", "--evidence", str(EXAMPLE), "--format", "json")
                        .stdout)["inputs_digest"]
    markdown = _invoke("aoc", "--evidence", str(EXAMPLE)).stdout
    assert markdown.count(f"inputs sha256 {digest}") == 2  # head and foot
    html = _invoke("aoc", "--evidence", str(EXAMPLE), "--format", "html").stdout
    assert f"<footer>Barsetshire County Council | as of {AS_OF} | checker" in html
    assert digest in html.split("<footer>")[1]
    out = tmp_path / "aoc.xlsx"
    assert _invoke("aoc", "--evidence", str(EXAMPLE), "--format", "xlsx", "--output",
                   str(out)).exit_code == 1
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 5  # status and Parts 1 to 4
        assert all(digest in book.read(n).decode() for n in sheets)


@pytest.mark.parametrize("format_name", ["xlsx", "html"])
def test_drafts_are_byte_identical_across_processes(tmp_path: Path, format_name: str):
    outputs = []
    for attempt in range(2):
        out = tmp_path / f"{attempt}.{format_name}"
        subprocess.run([sys.executable, "-m", "checker", "pci", "saq", "--evidence",
                        str(EXAMPLE), "--channel", "online-payments", "--as-of", AS_OF,
                        "--format", format_name, "--output", str(out)], cwd=REPO,
                       capture_output=True, check=False)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000
