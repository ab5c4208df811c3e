"""checker matrix, gaps (and the RAP, --due-within) and explain."""

from __future__ import annotations

import csv
import io
import json

from format_helpers import WAIVER, mix

from checker.model import SEVERITIES, control_sort_key
from checker.report import DUE_DAYS


def invoke(mini, command, *args):
    return mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                       str(mini.controls), "--policies", str(mini.policies),
                       "--as-of", "2026-11-01", *args)


def test_gaps_are_ordered_by_severity_then_id_with_owner_and_due_date(mini):
    mix(mini)
    mini.write("evidence/devices.yaml", (mini.evidence / "devices.yaml").read_text()
               .replace("encrypted: true\n    - name: LT-2", "encrypted: false\n    - name: LT-2"))
    result = invoke(mini, "gaps", "--format", "json", "--fail-on", "none")
    gaps = json.loads(result.stdout)["gaps"]
    assert [g["id"] for g in gaps] == ["MINI-DEV-01", "MINI-PW-01", "MINI-ATT-01"]
    rank = [SEVERITIES.index(g["severity"]) for g in gaps]
    assert rank == sorted(rank)
    assert all(g["status"] in ("fail", "gap", "error") for g in gaps)
    assert gaps[0]["owner"] == "EUC Manager" and gaps[0]["due"] == "2026-11-15"
    assert gaps[1]["due"] == "2026-12-01"  # high: 30 days
    assert gaps[2]["owner"] == "SIRO" and gaps[2]["due"] == "2027-01-30"  # medium: 90 days
    assert DUE_DAYS == {"critical": 14, "high": 30, "medium": 90, "low": 180}


def test_gaps_exit_code_follows_fail_on(mini):
    mix(mini)
    assert invoke(mini, "gaps").exit_code == 1
    assert invoke(mini, "gaps", "--fail-on", "none").exit_code == 0


def test_due_date_is_brought_forward_when_evidence_lapses_sooner(mini):
    mix(mini)
    mini.write("evidence/auth.yaml", (mini.evidence / "auth.yaml").read_text()
               .replace("collected: 2026-10-01", "collected: 2026-10-01\nexpires: 2026-11-10"))
    gaps = json.loads(invoke(mini, "gaps", "--format", "json").stdout)["gaps"]
    pw = next(g for g in gaps if g["id"] == "MINI-PW-01")
    assert pw["due"] == "2026-11-10"
    assert "auth-ad" in pw["due_rule"]


def test_rap_has_the_psn_columns_and_one_row_per_open_control(mini):
    mix(mini)
    text = invoke(mini, "gaps", "--format", "rap").stdout
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == ["issue", "risk rating", "owner", "action", "target date", "status"]
    assert rows[0][6:] == ["as_of", "tool_version", "inputs_sha256"]
    assert {r[6] for r in rows[1:]} == {"2026-11-01"}
    assert [r[0].split()[0] for r in rows[1:]] == ["MINI-PW-01", "MINI-ATT-01"]
    assert rows[1][1:3] == ["High", "Identity Manager"]
    assert rows[1][3] == "Raise the minimum length."
    assert rows[1][4] == "2026-12-01" and rows[1][5] == "Open"
    assert "AD: minimum length 8" in rows[1][0]


def test_rap_is_only_offered_by_gaps(mini):
    result = invoke(mini, "matrix", "--format", "rap")
    assert result.exit_code == 2


def test_due_within_lists_evidence_about_to_lapse(mini):
    # devices (90-day limit, collected 2026-10-01) stop counting after 2026-12-30
    within = json.loads(invoke(mini, "gaps", "--due-within", "60d", "--format", "json")
                        .stdout)
    assert [(d["control"], d["evidence"]["id"], d["last_day"]) for d in within["due"]] == [
        ("MINI-DEV-01", "devices", "2026-12-30")]
    outside = json.loads(invoke(mini, "gaps", "--due-within", "30", "--format", "json").stdout)
    assert outside["due"] == []
    table = invoke(mini, "gaps", "--due-within", "60d").stdout
    assert "Evidence due for renewal within 60 days (1)" in table
    assert "2026-12-30" in table


def test_due_within_rejects_a_bad_window_and_formats_without_it(mini):
    assert invoke(mini, "gaps", "--due-within", "soon").exit_code == 2
    assert invoke(mini, "gaps", "--due-within", "30d", "--format", "sarif").exit_code == 2


def test_matrix_shows_evidence_location_date_and_digest(mini):
    mix(mini)
    document = json.loads(invoke(mini, "run", "--format", "json", "--fail-on", "none").stdout)
    table = invoke(mini, "matrix", "--fail-on", "none").stdout.replace("\n", " ")
    for control in document["controls"]:
        assert control["id"] in table
    evidence = next(c for c in document["controls"] if c["id"] == "MINI-PW-01")["evidence"][0]
    assert f"sha256 {evidence['sha256']}" in table
    assert "collected 2026-10-01" in table
    assert "pass %" in table


def test_matrix_pivot_counts_every_status(mini):
    mix(mini)
    mini.write("evidence/waivers.yaml", WAIVER)
    text = invoke(mini, "matrix", "--format", "markdown", "--fail-on", "none").stdout
    row = next(line for line in text.splitlines() if line.startswith("| Mini framework"))
    # pass, fail, gap, n/a, waived, error, total, pass %
    assert row == "| Mini framework | 1 | 0 | 1 | 2 | 1 | 0 | 5 | 33.3% |"


def test_explain_shows_rule_evidence_findings_freshness_and_applicability(mini):
    mix(mini)
    text = invoke(mini, "explain", "MINI-PW-01").stdout
    assert "status: fail (1 finding)" in text
    assert "rule queried: data.mini.pw.too_short" in text
    assert "auth.yaml:1:1" in text
    assert "AD: minimum length 8" in text and "auth.yaml:8" in text
    assert "2026-10-01 + 365 days = 2027-10-01" in text
    assert "always applies" in text
    assert "waiver: none" in text
    assert "maps to: CE-PW, MINI-DEV-01" in text


def test_explain_gap_and_not_applicable(mini):
    mix(mini)
    gap = invoke(mini, "explain", "MINI-ATT-01").stdout
    assert "STALE: collected 2025-01-01, 669 days before 2026-11-01; limit 365 days" in gap
    scoped = invoke(mini, "explain", "MINI-SP-01").stdout
    assert "rule data.scope.pci_service_provider: false, so not applicable" in scoped
    future = invoke(mini, "explain", "MINI-FUT-01").stdout
    assert "effective from 2030-01-01: not yet in force on 2026-11-01" in future


def test_explain_shows_the_waiver(mini):
    mix(mini)
    mini.write("evidence/waivers.yaml", WAIVER)
    text = invoke(mini, "explain", "MINI-PW-01").stdout
    assert "status: waived" in text
    assert "Vendor upgrade due in March. (approved by M. Proudie (SIRO)" in text


def test_explain_unknown_control_is_an_input_error(mini):
    result = invoke(mini, "explain", "MINI-NOPE-01")
    assert result.exit_code == 2
    assert "no control 'MINI-NOPE-01'" in result.stderr


def test_natural_id_order_is_used(mini):
    assert sorted(["A-10", "A-9"], key=control_sort_key) == ["A-9", "A-10"]


def test_json_lists_reverse_mappings(mini):
    controls = {c["id"]: c for c in json.loads(invoke(mini, "run", "--format", "json").stdout)
                ["controls"]}
    assert controls["MINI-DEV-01"]["mapped_from"] == ["MINI-PW-01"]
    assert controls["MINI-PW-01"]["mapped_from"] == []


def test_rap_leads_with_every_ithc_finding_and_its_plan_entry(monkeypatch):
    from pathlib import Path

    from click.testing import CliRunner

    from checker.cli import cli

    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    text = CliRunner().invoke(cli, ["gaps", "--evidence", "evidence/example", "--as-of",
                                    "2026-11-01", "--framework", "psn", "--format", "rap",
                                    "--fail-on", "none"]).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    ithc = [r for r in rows if r["issue"].startswith("ITHC ")]
    assert [r["issue"].split(" finding ")[1].split(":")[0] for r in ithc] == [
        "ITHC-26-01", "ITHC-26-02", "ITHC-26-03", "ITHC-26-04"]
    assert [r["status"] for r in ithc] == ["Closed", "In progress", "Open - no plan", "Closed"]
    assert rows[len(ithc)]["issue"].startswith("PSN-")  # then the open controls
    assert not [r["issue"] for r in rows if "evidence/" in r["issue"]]  # no internal paths


def test_explain_reports_the_scope_rule_answer_not_a_guess(mini):
    applies = invoke(mini, "explain", "MINI-SP-01").stdout
    assert "rule data.scope.pci_service_provider: false, so not applicable" in applies
    mini.break_scope()
    undecided = invoke(mini, "explain", "MINI-SP-01").stdout
    assert "rule data.mini.scope.region_in_scope: undecided" in undecided
