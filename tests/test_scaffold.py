"""`checker init` and `checker schema export`: a new pack that editors validate as you type."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner
from conftest import AUTH
from jsonschema import Draft202012Validator, FormatChecker

from checker import schemas
from checker.cli import cli
from checker.text import for_markdown


def test_init_writes_a_valid_template_per_needed_kind(mini):
    pack = mini.root / "pack"
    result = mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls),
                         "--as-of", "2026-11-01", str(pack))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in pack.glob("*.yaml"))
    assert names == ["attestation.yaml", "auth_policy.yaml", "device_inventory.yaml",
                     "organisation.yaml"]
    validated = mini.invoke("validate", "--evidence", str(pack), "--as-of", "2026-11-01")
    assert validated.exit_code == 1, validated.stderr  # valid, but nothing is filled in yet
    assert validated.stdout.splitlines() == [
        "4 evidence documents in 4 files are valid",
        "4 drafts not filled in (delete each `draft: true` line once the file holds real "
        "evidence):",
        f"  {pack}/attestation.yaml:9:1",
        f"  {pack}/auth_policy.yaml:8:1",
        f"  {pack}/device_inventory.yaml:8:1",
        f"  {pack}/organisation.yaml:8:1",
    ]


def _fill_in(pack):
    """What a user does once a template holds real evidence: delete its draft line."""
    for template in pack.glob("*.yaml"):
        text = template.read_text()
        template.write_text(text.replace("draft: true  # delete this line when filled in\n", ""))


def test_validate_passes_once_every_draft_line_is_deleted(mini):
    pack = mini.root / "pack"
    mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls), "--as-of",
                "2026-11-01", str(pack))
    _fill_in(pack)
    validated = mini.invoke("validate", "--evidence", str(pack), "--as-of", "2026-11-01")
    assert validated.exit_code == 0, validated.stderr
    assert validated.stdout == "4 evidence documents in 4 files are valid\n"


def test_every_template_says_it_is_a_draft_until_filled_in(mini):
    pack = mini.root / "pack"
    mini.invoke("init", "--framework", "mini", "--controls", str(mini.controls), str(pack))
    for template in pack.glob("*.yaml"):
        assert "draft: true  # delete this line when filled in\n" in template.read_text()
        assert yaml.safe_load(template.read_text())["draft"] is True


def test_an_untouched_init_pack_for_every_framework_passes_nothing(tmp_path):
    """Until 2026-12 an untouched pack passed 148 bundled controls on example values."""
    runner = CliRunner()
    pack = tmp_path / "pack"
    made = runner.invoke(cli, ["init", "--framework", "psn", "--framework", "pci",
                               "--framework", "data-handling", "--as-of", "2026-11-01",
                               str(pack)])
    assert made.exit_code == 0, made.output
    result = runner.invoke(cli, ["run", "--evidence", str(pack), "--as-of", "2026-11-01",
                                 "--format", "json"])
    controls = json.loads(result.stdout)["controls"]
    by_status = {c["status"] for c in controls}
    assert "pass" not in by_status
    assert "fail" not in by_status
    assert by_status == {"gap", "not_applicable"}
    profile = f"{pack}/organisation.yaml:8:1"
    assert {c["reason"] for c in controls if c["status"] == "gap"} == {
        f"template not filled in: {profile} (the organisation profile, which decides scope)"}
    assert [c["reason"] for c in controls if c["status"] == "not_applicable"] == [
        c["reason"] for c in controls if c["reason"].startswith(("not yet required",
                                                                 "superseded by"))]


def test_init_without_pci_says_no_cards_are_taken_and_asks_no_other_pci_flag(tmp_path):
    runner = CliRunner()
    pack = tmp_path / "pack"
    assert runner.invoke(cli, ["init", "--framework", "psn", str(pack)]).exit_code == 0
    profile = yaml.safe_load((pack / "organisation.yaml").read_text())
    assert profile["facts"]["pci"] == {"merchant": False, "service_provider": False}


def test_init_with_pci_leaves_the_card_flags_to_be_filled_in(tmp_path):
    runner = CliRunner()
    pack = tmp_path / "pack"
    assert runner.invoke(cli, ["init", "--framework", "pci", str(pack)]).exit_code == 0
    pci = yaml.safe_load((pack / "organisation.yaml").read_text())["facts"]["pci"]
    assert set(pci) == {"merchant", "service_provider", "multi_tenant_provider",
                        "designated_entity", "early_tls_poi", "issuer", "channels"}


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


@pytest.mark.parametrize("framework", ["psn", "pci", "data-handling"])
def test_a_filled_in_init_pack_evaluates_without_errors(tmp_path, framework):
    """With the draft lines deleted the example values are judged: scope rules all decide."""
    runner = CliRunner()
    pack = tmp_path / "pack"
    runner.invoke(cli, ["init", "--framework", framework, "--as-of", "2026-11-01", str(pack)])
    _fill_in(pack)
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


def _draft(mini, name):
    """Mark one of the fixture's evidence files as an unfilled template (line 2)."""
    path = mini.evidence / name
    kind_line, rest = path.read_text().split("\n", 1)
    path.write_text(f"{kind_line}\ndraft: true  # delete this line when filled in\n{rest}")


def test_a_control_reading_a_draft_is_a_gap_naming_the_template_never_a_pass(mini, statuses):
    _draft(mini, "auth.yaml")
    result = mini.run("--format", "json")
    controls = {c["id"]: c for c in json.loads(result.stdout)["controls"]}
    assert controls["MINI-PW-01"]["status"] == "gap"
    assert controls["MINI-PW-01"]["reason"] == (
        f"template not filled in: {mini.evidence}/auth.yaml:2:1")
    assert statuses(result)["MINI-DEV-01"] == "pass"  # reads no draft


def test_a_draft_with_failing_values_is_a_gap_not_a_fail(mini):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    _draft(mini, "auth.yaml")
    controls = {c["id"]: c for c in json.loads(mini.run("--format", "json").stdout)["controls"]}
    assert controls["MINI-PW-01"]["status"] == "gap"
    assert controls["MINI-PW-01"]["findings"][0]["message"] == "AD: minimum length 8"


def test_a_draft_profile_makes_every_scoped_control_a_gap_not_out_of_scope(mini, statuses):
    _draft(mini, "organisation.yaml")
    assert statuses(mini.run("--format", "json")) == {
        "MINI-PW-01": "gap", "MINI-DEV-01": "gap", "MINI-SP-01": "gap",
        "MINI-FUT-01": "not_applicable", "MINI-ATT-01": "gap"}


@pytest.mark.parametrize(("format_name", "index", "line"), [
    ("table", 1, "2 templates not filled in: every control using them is a gap (see the notices)"),
    ("markdown", 4, "**2 templates not filled in: every control using them is a gap (see the "
                 "notices)**")])
def test_the_report_header_counts_the_drafts_and_the_notices_name_them(mini, format_name,
                                                                      index, line):
    _draft(mini, "auth.yaml")
    _draft(mini, "devices.yaml")
    lines = mini.run("--format", format_name).stdout.splitlines()
    assert lines[index] == line
    notice = f"{mini.evidence}/devices.yaml:2:1: template not filled in"
    if format_name == "markdown":  # evidence paths reach markdown escaped, like all its text
        notice = for_markdown(notice)
    assert any(notice in x for x in lines)


def test_a_profile_that_takes_no_cards_states_no_other_pci_flag(mini, statuses):
    profile = (mini.evidence / "organisation.yaml").read_text()
    start = profile.index("  pci:")
    mini.write("evidence/organisation.yaml",
               profile[:start] + "  pci: {merchant: false, service_provider: false}\n")
    result = mini.run("--format", "json")
    assert result.exit_code == 0, result.stderr
    assert statuses(result)["MINI-SP-01"] == "not_applicable"


def test_a_card_merchant_must_still_state_every_pci_flag(mini):
    profile = (mini.evidence / "organisation.yaml").read_text()
    start = profile.index("  pci:")
    mini.write("evidence/organisation.yaml",
               profile[:start] + "  pci: {merchant: true, service_provider: false, "
                                 "channels: [ecommerce]}\n")
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "facts.pci: 'issuer' is a required property" in result.stderr
