"""`checker submission psn`: the pack the PSN team reads, built from the example council and
from variants of it with the faults a real submission has."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.errors import InputError
from checker.inputs import assess_directory
from checker.model import Status
from checker.submission import psn

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "evidence" / "example"
AS_OF = "2026-11-01"

FILES = ["attachments/psn-diagram/psn-network-diagram.svg", "coco-self-assessment.html",
         "contacts.csv", "index.html", "ithc-summary.html", "manifest.sha256",
         "matrix/psn-matrix.csv", "matrix/psn-matrix.html", "rap.csv", "rap.xlsx"]


def _build(evidence: Path, output: Path, *extra: str):
    return CliRunner().invoke(cli, ["submission", "psn", "--evidence", str(evidence),
                                    "--as-of", AS_OF, "--output", str(output), *extra])


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def example_pack(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("pack") / "psn-2026"
    result = _build(EXAMPLE, output)
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    """A copy of the example council to break in the ways a hidden pack would."""
    copy = tmp_path / "evidence"
    shutil.copytree(EXAMPLE, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


def test_example_pack_has_every_part_and_a_manifest_that_verifies(example_pack: Path):
    files = _files(example_pack)
    assert sorted(files) == FILES
    manifest = files["manifest.sha256"].decode().splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in manifest)
    assert sorted(listed) == [f for f in FILES if f != "manifest.sha256"]
    for path, digest in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == digest, path


def test_attachment_is_the_declared_file_with_its_sha256(example_pack: Path):
    shipped = (example_pack / "attachments/psn-diagram/psn-network-diagram.svg").read_bytes()
    assert shipped == (EXAMPLE / "documents/psn-network-diagram.svg").read_bytes()
    declared = re.search(r"sha256: ([0-9a-f]{64})",
                         (EXAMPLE / "psn/network-diagram.yaml").read_text()).group(1)
    index = (example_pack / "index.html").read_text()
    assert declared == hashlib.sha256(shipped).hexdigest()
    assert declared in index


def test_index_marks_the_example_not_ready_and_names_what_blocks_it(example_pack: Path):
    index = _text((example_pack / "index.html").read_text())
    assert "NOT READY" in index
    assert "Barsetshire County Council" in index
    assert AS_OF in index
    for blocker in ("PSN-ITHC-07 No Remediation Action Plan entry open past its target date: "
                    "fail", "PSN-IA-05", "PSN-OPS-12", "PSN-NET-01"):
        assert blocker in index
    assert "PSN-ITHC-08" not in index.split("PSN controls")[0]  # passing: not a blocker


def test_rap_csv_lists_every_finding_in_template_columns(example_pack: Path):
    rows = list(csv.reader(io.StringIO((example_pack / "rap.csv").read_text())))
    assert rows[0] == ["Ref", "ITHC finding", "Severity", "CVSS score", "CVSS version",
                       "CVSS vector", "Remedial action", "Owner", "Target date", "Status",
                       "Retest date", "Retested by", "Comment"]
    by_ref = {row[0]: row for row in rows[1:]}
    assert sorted(by_ref) == ["ITHC-26-01", "ITHC-26-02", "ITHC-26-03", "ITHC-26-04"]
    assert by_ref["ITHC-26-01"][8:12] == ["2026-04-30", "Closed", "2026-05-06",
                                          "Hiram Security Ltd"]
    assert by_ref["ITHC-26-02"][9] == "In progress"
    assert by_ref["ITHC-26-02"][12] == "overdue: target date passed before 2026-11-01"
    assert by_ref["ITHC-26-03"][2:5] == ["High", "8.5", "4.0"]  # CVSS v4.0, version kept
    assert by_ref["ITHC-26-03"][9] == "Open - no plan"
    assert by_ref["ITHC-26-01"][3:5] == ["7.4", "3.1"]


def test_rap_xlsx_holds_the_same_rows_as_the_csv(example_pack: Path):
    from openpyxl import load_workbook

    sheet = load_workbook(example_pack / "rap.xlsx")["RAP"]
    cells = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == list(csv.reader(io.StringIO((example_pack / "rap.csv").read_text())))


def test_ithc_summary_counts_findings_by_severity(example_pack: Path):
    summary = _text((example_pack / "ithc-summary.html").read_text())
    assert "Hiram Security Ltd" in summary and "CHECK" in summary and "2026-02-20" in summary
    assert "CVSS versions 3.1, 4.0" in summary
    # severity, findings, open, open past target date (written from the example by hand)
    assert "high 2 1 0" in summary
    assert "medium 1 1 1" in summary
    assert "low 1 0 0" in summary
    assert "total 4 2 1" in summary


def test_self_assessment_answers_every_condition_and_commitment(example_pack: Path):
    page = (example_pack / "coco-self-assessment.html").read_text()
    text = _text(page)
    for n in range(1, 7):
        assert f"PSN-IA-0{n}" in text
    for n in range(1, 6):
        assert f"PSN-COM-0{n}" in text
    rows = {m.group(1): _text(m.group(0)) for m in
            re.finditer(r"<tr><td>(PSN-(?:IA|COM)-\d+)</td>.*?</tr>", page, re.S)}
    # PSN-IA-05 is decided by its constituent controls (issue 19): the example's agency
    # assessor without an accepted AUP fails it, and the row names the control that did;
    # 3 findings on A0457, 3 on E4120 (psn_access: false with no approved psn_exclusion, so
    # judged: no AUP, vetting none, no access granted date)
    assert "fail: 6 findings" in rows["PSN-IA-05"] and "PSN-OPS-10: fail" in rows["PSN-IA-05"]
    assert "Margaret Proudie (SIRO), 2026-03-11" in rows["PSN-COM-02"]
    assert re.search(r"ithc-2026 \(\S*psn/ithc-2026\.yaml:1:1, collected 2026-02-20, sha256 "
                     r"[0-9a-f]{64}\)", rows["PSN-IA-04"])  # cited evidence: file and digest
    assert "PSN-ITHC-07: fail" in rows["PSN-IA-04"]  # related automated controls shown
    assert "Plumstead Contact Centre" in text  # the environment section


def test_matrix_reuses_the_html_and_csv_formats_for_psn_only(example_pack: Path):
    rows = list(csv.DictReader(io.StringIO((example_pack / "matrix/psn-matrix.csv").read_text())))
    assert len(rows) == 46
    assert {r["framework"] for r in rows} == {"psn"}
    assert {r["id"]: r["status"] for r in rows}["PSN-ITHC-07"] == "fail"


def test_zip_is_byte_identical_across_processes_and_time_zones(tmp_path: Path):
    first = tmp_path / "a" / "psn.zip"
    first.parent.mkdir()
    assert _build(EXAMPLE, first).exit_code == 0
    env = {**os.environ, "TZ": "Pacific/Auckland", "PYTHONHASHSEED": "7"}
    second = tmp_path / "b.zip"
    subprocess.run([sys.executable, "-m", "checker", "submission", "psn", "--evidence",
                    str(EXAMPLE), "--as-of", AS_OF, "--output", str(second)],
                   cwd=tmp_path, env=env, check=True, capture_output=True)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == FILES
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 1, 0, 0, 0)}


def test_zip_and_directory_hold_the_same_files(tmp_path: Path, example_pack: Path):
    target = tmp_path / "psn.zip"
    assert _build(EXAMPLE, target).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        assert {n: archive.read(n) for n in archive.namelist()} == _files(example_pack)


def test_refuses_a_non_empty_output_directory(tmp_path: Path):
    (tmp_path / "old.txt").write_text("last year")
    result = _build(EXAMPLE, tmp_path)
    assert result.exit_code == 2
    assert "new or empty directory" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt"]


def test_refuses_to_build_while_a_psn_control_is_an_error(tmp_path: Path):
    policies = tmp_path / "policies"
    shutil.copytree(REPO / "policies", policies)
    (policies / "psn/ithc/rap.rego").write_text(
        "package psn.ithc\n\nimport rego.v1\n\n"
        "rap_overdue contains 42 if true\n\n"  # a finding must be a string or an object
        "retest_missing contains \"x\" if false\n")
    output = tmp_path / "pack"
    result = _build(EXAMPLE, output, "--policies", str(policies))
    assert result.exit_code == 1, result.output
    assert "PSN-ITHC-07 could not be evaluated" in result.output
    assert "refusing to build the PSN submission" in result.output
    assert not output.exists()


def test_refuses_when_the_organisation_is_not_psn_connected(council: Path, tmp_path: Path):
    _edit(council / "organisation.yaml", "psn_connected: true", "psn_connected: false")
    result = _build(council, tmp_path / "pack")
    assert result.exit_code == 1, result.output
    assert "every PSN control is not applicable" in result.output
    assert not (tmp_path / "pack").exists()


def test_council_faults_are_read_from_the_pack(council: Path, tmp_path: Path):
    """The hidden-pack scenario: an overdue RAP entry (ITHC-26-02, in the example), a site
    the ITHC missed, a CVSS v4 finding, and screening completed after access was granted."""
    ithc = council / "psn/ithc-2026.yaml"
    _edit(ithc, "internal_sites: [County Hall, Northgate Depot, Barchester Library, "
          "Plumstead Contact Centre]", "internal_sites: [County Hall, Northgate Depot, "
          "Barchester Library]")
    _edit(ithc, "severity: low}", "severity: low, cvss: 2.1}")  # every finding scored now
    _edit(council / "psn/personnel-screening.yaml", "vetting_completed: 2023-11-14",
          "vetting_completed: 2023-12-01")
    output = tmp_path / "pack"
    result = _build(council, output)
    assert result.exit_code == 0, result.output
    matrix = {r["id"]: r for r in csv.DictReader(io.StringIO(
        (output / "matrix/psn-matrix.csv").read_text()))}
    assert matrix["PSN-ITHC-09"]["status"] == "fail"
    assert ('site "Plumstead Contact Centre" is in the CoCo environment but not in the scope '
            "of ITHC ithc-2026") in matrix["PSN-ITHC-09"]["findings"]
    assert matrix["PSN-ITHC-05"]["status"] == "pass"  # v3.1 and v4.0 scores both accepted
    assert matrix["PSN-ITHC-07"]["status"] == "fail"
    assert "ITHC finding ITHC-26-02 (medium) is in progress past its target date 2026-05-31" \
        in matrix["PSN-ITHC-07"]["findings"]
    assert matrix["PSN-OPS-12"]["status"] == "fail"
    assert ("E2210 (Benefits Assessor): BPSS check completed 2023-12-01, not on or before PSN "
            "access was granted on 2023-11-20") in matrix["PSN-OPS-12"]["findings"]
    index = _text((output / "index.html").read_text())
    assert "NOT READY" in index
    assert "PSN-ITHC-09 ITHC scope covers the whole PSN environment in the CoCo: fail" in index


def test_pack_whose_psn_controls_all_pass_is_marked_ready(tmp_path: Path):
    assessment = assess_directory(EXAMPLE, AS_OF, frameworks=("psn",))
    passing = dataclasses.replace(assessment, results=tuple(
        dataclasses.replace(r, status=Status.PASS, findings=()) for r in assessment.results))
    pack, readiness = psn.build(passing, EXAMPLE)
    index = _text(pack.files["index.html"].decode())
    assert readiness.ready
    assert "READY: every PSN control passes" in index
    assert "NOT READY" not in index


def test_attachment_changed_after_loading_is_refused(council: Path):
    assessment = assess_directory(council, AS_OF, frameworks=("psn",))
    (council / "documents/psn-network-diagram.svg").write_text("<svg>swapped</svg>")
    with pytest.raises(InputError, match="changed since it was checked") as caught:
        psn.build(assessment, council)
    assert caught.value.problems[0].location.file.endswith("psn/network-diagram.yaml")


def test_cited_evidence_missing_from_the_pack_makes_it_not_ready(council: Path):
    _edit(council / "psn/attestations.yaml", "evidence: [psn-contacts-2026]",
          "evidence: [psn-contacts-2026, contracts-register]")
    assessment = assess_directory(council, AS_OF, frameworks=("psn",))
    _, readiness = psn.build(assessment, council)
    assert any("cites evidence 'contracts-register', which is not in the pack" in b
               for b in readiness.blockers)
