"""`checker init` and `checker schema export`: a new pack that editors validate as you type."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker

from checker import schemas
from checker.cli import cli


def test_init_writes_a_valid_template_per_needed_kind(mini):
    pack = mini.root / "pack"
    result = mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls),
                         "--as-of", "2026-11-01", str(pack))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in pack.glob("*.yaml"))
    assert names == ["attestation.yaml", "auth_policy.yaml", "device_inventory.yaml",
                     "organisation.yaml"]
    validated = mini.invoke("validate", "--evidence", str(pack), "--as-of", "2026-11-01")
    assert validated.exit_code == 0, validated.stderr


def test_each_template_names_its_schema_and_validates_against_it(mini):
    pack = mini.root / "pack"
    mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls), str(pack))
    for template in pack.glob("*.yaml"):
        first = template.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=.schemas/")
        schema = json.loads((pack / first.split("=", 1)[1]).read_text())
        Draft202012Validator.check_schema(schema)
        document = yaml.safe_load(template.read_text())
        document = json.loads(json.dumps(document, default=str))  # dates as the loader gives
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        assert list(validator.iter_errors(document)) == [], template.name


def test_editor_schema_rejects_what_checker_rejects(mini):
    pack = mini.root / "pack"
    mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls), str(pack))
    schema = json.loads((pack / ".schemas" / "auth_policy.schema.json").read_text())
    bad = {"kind": "auth_policy", "id": "a", "title": "t", "owner": "o",
           "collected": "2026-01-01", "facts": {"system": "AD", "min_lenght": 12}}
    assert list(Draft202012Validator(schema).iter_errors(bad))


def test_init_never_writes_into_a_non_empty_directory(mini):
    result = mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls),
                         str(mini.evidence))
    assert result.exit_code == 2
    assert "directory is not empty" in result.stderr


def test_init_needs_a_known_framework(mini):
    result = mini.invoke("init", "--framework", "nope", "--controls", str(mini.controls),
                         str(mini.root / "x"))
    assert result.exit_code == 2


def test_schema_export_writes_every_kind_and_the_waivers_schema(tmp_path, mini):
    result = mini.invoke("schema", "export", str(tmp_path / "s"))
    assert result.exit_code == 0
    names = {p.name for p in (tmp_path / "s").iterdir()}
    assert {f"{k}.schema.json" for k in schemas.evidence_kinds()} <= names
    assert "waivers.schema.json" in names


@pytest.mark.parametrize("framework", ["psn", "pci", "data-handling"])
def test_a_bundled_framework_pack_from_init_evaluates_without_errors(tmp_path, framework):
    """A new user's first run: every control has a verdict, none is an evaluation error."""
    runner = CliRunner()
    pack = tmp_path / "pack"
    made = runner.invoke(cli, ["init", "--framework", framework, "--as-of", "2026-11-01",
                               str(pack)])
    assert made.exit_code == 0, made.output
    result = runner.invoke(cli, ["run", "--evidence", str(pack), "--framework", framework,
                                 "--as-of", "2026-11-01", "--format", "json",
                                 "--fail-on", "error"])
    controls = json.loads(result.stdout)["controls"]
    assert [(c["id"], c["reason"]) for c in controls if c["status"] == "error"] == []
    assert result.exit_code == 0


def test_init_into_a_file_is_an_input_error(mini):
    target = mini.write("pack.txt", "not a directory\n")
    result = mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls),
                         str(target))
    assert result.exit_code == 2
    assert "is a file" in result.stderr
    assert target.read_text() == "not a directory\n"
