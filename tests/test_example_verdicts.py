"""The example pack's verdicts, control by control, against a hand-kept expectation file.

``tests/expected/example-verdicts.yaml`` is written and reviewed by people; nothing here
regenerates it. A change that moves any verdict fails this test with a readable list of what
moved, so that it is reviewed instead of slipping through as a changed count.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "expected" / "example-verdicts.yaml"
STATUSES = {"pass", "fail", "gap", "not_applicable", "waived", "error"}


def expected_verdicts() -> dict[str, dict[str, str]]:
    """Framework -> control id -> status, as written in the expectation file."""
    document = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    assert isinstance(document, dict), f"{EXPECTED}: expected a mapping of frameworks"
    return document


def differences(expected: dict[str, dict[str, str]], controls: list[dict]) -> list[str]:
    """One readable line per control whose verdict (or framework) is not the expected one."""
    want = {cid: (framework, status) for framework, verdicts in expected.items()
            for cid, status in verdicts.items()}
    got = {c["id"]: c for c in controls}
    lines = []
    for cid in sorted(want.keys() | got.keys()):
        if cid not in got:
            lines.append(f"{cid}: expected {want[cid][1]}, but the run has no such control")
        elif cid not in want:
            control = got[cid]
            lines.append(f"{cid}: not in {EXPECTED.name}; the run says {control['status']} "
                         f"({control['framework']}: {_why(control)})")
        elif want[cid] != (got[cid]["framework"], got[cid]["status"]):
            framework, status = want[cid]
            control = got[cid]
            lines.append(f"{cid}: expected {framework} {status}, got {control['framework']} "
                         f"{control['status']} ({_why(control)})")
    return lines


def _why(control: dict) -> str:
    """The reason, and the first finding when there is one ("1 finding" alone says little)."""
    findings = control.get("findings") or []
    return control["reason"] + (f": {findings[0]['message']}" if findings else "")


@pytest.fixture(scope="module")
def example_run() -> dict:
    result = CliRunner().invoke(cli, ["run", "--evidence", str(REPO / "evidence" / "example"),
                                      "--as-of", "2026-11-01", "--format", "json"])
    assert result.exit_code == 1, result.stderr  # fails and gaps, and no errors
    return json.loads(result.stdout)


def test_expectation_file_is_well_formed():
    expected = expected_verdicts()
    assert sorted(expected) == ["caf", "data-handling", "pci", "psn"]
    bad = [f"{cid}: {status!r}" for verdicts in expected.values()
           for cid, status in verdicts.items() if status not in STATUSES]
    assert bad == []
    assert sum(len(v) for v in expected.values()) == 413


def test_every_verdict_of_the_example_pack_is_the_expected_one(example_run):
    moved = differences(expected_verdicts(), example_run["controls"])
    assert not moved, (f"{len(moved)} verdict(s) differ from {EXPECTED.relative_to(REPO)} "
                       "(review each; edit the file by hand only if the new verdict is right):\n"
                       + "\n".join(moved))


def test_a_moved_verdict_is_reported_by_id_with_its_reason():
    """The diff a reviewer reads: which control, what was expected, what came out and why."""
    expected = {"pci": {"PCI-8.3.6": "fail", "PCI-8.3.7": "pass"}}
    controls = [
        {"id": "PCI-8.3.6", "framework": "pci", "status": "gap",
         "reason": "1 finding", "findings": [{"message": "portal: minimum length 10"}]},
        {"id": "PCI-9.9.9", "framework": "pci", "status": "gap", "reason": "no 'x' evidence"},
    ]
    assert differences(expected, controls) == [
        "PCI-8.3.6: expected pci fail, got pci gap (1 finding: portal: minimum length 10)",
        "PCI-8.3.7: expected pass, but the run has no such control",
        "PCI-9.9.9: not in example-verdicts.yaml; the run says gap (pci: no 'x' evidence)",
    ]
