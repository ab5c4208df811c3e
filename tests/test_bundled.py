"""What ships: the bundled catalogue, its Rego tests, the kind schemas and the example pack."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import kinddocs, schemas
from checker.cli import cli
from checker.evidence import load_evidence
from checker.inputs import load_sources

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "evidence" / "example"
AS_OF = "2026-11-01"


@pytest.fixture(scope="module")
def example_json() -> dict:
    result = CliRunner().invoke(cli, ["run", "--evidence", str(EXAMPLE), "--as-of", AS_OF,
                                      "--format", "json"])
    assert result.exit_code == 1, result.stderr  # the example pack has failing controls
    return json.loads(result.stdout)


def test_bundled_policy_tests_pass_with_at_least_90_percent_coverage():
    result = CliRunner().invoke(cli, ["policy", "test", "--min-coverage", "90"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert re.search(r"^\d+ passed, 0 failed$", result.stdout, re.MULTILINE)


def test_every_automated_policy_module_has_tests_beside_it():
    sources = load_sources(None, None)
    names = {m.name for m in sources.modules}
    missing = [m.name for m in sources.modules if not m.is_test
               and m.name.removesuffix(".rego") + "_test.rego" not in names]
    assert missing == []


def test_every_control_of_the_catalogue_evaluates_without_error(example_json):
    errors = {c["id"]: c["reason"] for c in example_json["controls"] if c["status"] == "error"}
    assert errors == {}
    assert len(example_json["controls"]) == len(load_sources(None, None).catalogue.controls)


def test_example_pack_has_passes_fails_and_gaps(example_json):
    summary = example_json["summary"]
    assert summary["pass"] > 0 and summary["fail"] > 0 and summary["gap"] > 0


def test_example_results_validate_against_the_results_schema(example_json):
    assert list(schemas.validator("results.schema.json").iter_errors(example_json)) == []


def test_every_fail_names_the_evidence_file_and_line(example_json):
    failing = [c for c in example_json["controls"] if c["status"] == "fail"]
    assert len(failing) == example_json["summary"]["fail"] > 0
    assert [c["id"] for c in failing if not c["findings"]] == []
    findings = [(c["id"], f) for c in failing for f in c["findings"]]
    assert [(cid, f["message"]) for cid, f in findings if not (f["file"] and f["line"])] == []
    assert sorted({f["file"] for _, f in findings if not Path(f["file"]).is_file()}) == []


def test_every_gap_names_what_is_missing_or_stale(example_json):
    gaps = [c for c in example_json["controls"] if c["status"] == "gap"]
    assert gaps
    unexplained = [c["id"] for c in gaps
                   if not re.search(r"no '\w+' evidence|not current", c["reason"])]
    assert unexplained == []


def test_example_pack_is_valid_evidence():
    evidence = load_evidence(EXAMPLE, AS_OF)
    assert len(evidence.documents) >= 16


@pytest.mark.parametrize("kind", schemas.evidence_kinds())
def test_each_kind_schema_has_a_valid_example(kind):
    schema = schemas.load(f"kinds/{kind}.schema.json")
    assert schema.get("title", "").startswith(f"{kind}:")
    examples = schema.get("examples", [])
    assert examples, f"{kind} has no example"
    errors = list(schemas.validator(f"kinds/{kind}.schema.json").iter_errors(examples[0]))
    assert errors == []


def test_docs_evidence_md_is_generated_from_the_current_schemas(tmp_path):
    copy = tmp_path / "evidence.md"
    shutil.copy(REPO / "docs" / "evidence.md", copy)
    assert not kinddocs.update(copy), "run: python -m checker.kinddocs docs/evidence.md"


def test_every_kind_a_control_needs_is_documented():
    text = (REPO / "docs" / "evidence.md").read_text()
    kinds = {k for c in load_sources(None, None).catalogue.controls for k in c.evidence}
    assert [k for k in sorted(kinds) if f"### `{k}`" not in text] == []


def test_package_type_checks():
    """The package is typed (py.typed ships); mypy keeps the annotations honest."""
    result = subprocess.run([sys.executable, "-m", "mypy", "checker", "--ignore-missing-imports",
                             "--no-incremental"], cwd=REPO, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    result = subprocess.run([ruff, "check", "checker", "tests", "bench"], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
