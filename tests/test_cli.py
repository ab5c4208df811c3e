"""The command line as users and CI meet it: exit codes, determinism, catalogue errors."""

from __future__ import annotations

import json
import re

import pytest
from conftest import AUTH

from checker import __version__


@pytest.mark.parametrize(("fail_on", "expected"), [("fail", 1), ("gap", 1), ("error", 0),
                                                   ("none", 0)])
def test_fail_on_sets_the_threshold_for_exit_1(mini, fail_on, expected):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    assert mini.run("--fail-on", fail_on).exit_code == expected


def test_a_gap_alone_exits_1_only_with_fail_on_gap(mini):
    (mini.evidence / "devices.yaml").unlink()
    assert mini.run().exit_code == 0
    assert mini.run("--fail-on", "gap").exit_code == 1


def test_errors_exit_3_whatever_the_threshold(mini):
    mini.break_scope()
    for threshold in ("error", "gap", "fail", "none"):
        assert mini.run("--fail-on", threshold).exit_code == 3, threshold


def test_an_error_is_explained_on_stderr_in_every_format(mini):
    mini.break_scope()
    for name in ("json", "sarif", "table"):
        result = mini.run("--format", name)
        assert result.exit_code == 3
        assert "error: 1 control could not be evaluated; first, MINI-SP-01: applicability " \
               "rule data.mini.scope.region_in_scope gave no value (undefined)" in result.stderr


def test_missing_organisation_profile_is_an_input_error(mini):
    (mini.evidence / "organisation.yaml").unlink()
    for command in ("run", "validate"):
        result = mini.invoke(command, "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
        assert result.exit_code == 2
        assert "no organisation profile (kind: organisation)" in result.stderr


def test_json_carries_date_version_and_inputs_digest(mini):
    document = json.loads(mini.run("--format", "json").stdout)
    assert document["as_of"] == "2026-11-01"
    assert document["tool"] == {"name": "checker", "version": __version__}
    assert re.fullmatch(r"[0-9a-f]{64}", document["inputs_digest"])


def test_inputs_digest_changes_when_any_evidence_byte_changes(mini):
    before = json.loads(mini.run("--format", "json").stdout)["inputs_digest"]
    text = (mini.evidence / "auth.yaml").read_text()
    mini.write("evidence/auth.yaml", text + "# reviewed\n")
    after = json.loads(mini.run("--format", "json").stdout)["inputs_digest"]
    assert before != after


def test_json_output_validates_against_the_shipped_results_schema(mini):
    from checker import schemas

    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    document = json.loads(mini.run("--format", "json").stdout)
    assert list(schemas.validator("results.schema.json").iter_errors(document)) == []


def test_table_shows_summary_and_gap_list_with_location(mini):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    out = mini.run().stdout
    assert "Mini framework" in out
    assert "Gap list (1)" in out
    assert "AD: minimum length 8" in out
    assert "auth.yaml:8:3" in out


def test_output_file_is_written_and_terminal_gets_a_summary(mini):
    target = mini.root / "out" / "results.json"
    target.parent.mkdir()
    result = mini.run("--format", "json", "--output", str(target))
    assert result.stdout == ""
    assert json.loads(target.read_text())["summary"]["pass"] == 3
    assert f"wrote {target}: 5 controls" in result.stderr
    assert [p.name for p in target.parent.iterdir()] == ["results.json"]


def test_output_into_a_missing_directory_is_an_input_error(mini):
    result = mini.run("--output", str(mini.root / "nope" / "r.json"))
    assert result.exit_code == 2
    assert "cannot write report" in result.stderr


def test_unknown_framework_is_a_usage_error(mini):
    result = mini.run("--framework", "iso27001")
    assert result.exit_code == 2
    assert "unknown framework iso27001 (known: mini)" in result.stderr


def test_unknown_format_is_rejected_not_defaulted(mini):
    result = mini.run("--format", "pdf")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_bad_as_of_is_a_usage_error(mini):
    result = mini.run("--as-of", "31/03/2026")
    assert result.exit_code == 2
    assert "not a date in YYYY-MM-DD form" in result.stderr


def test_control_naming_a_missing_rule_is_an_error_at_load_time(mini):
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/mini.yaml", text.replace("data.mini.dev.unencrypted",
                                                  "data.mini.dev.unencryptd"))
    result = mini.run()
    assert result.exit_code == 2
    assert re.search(r"mini\.yaml:\d+:\d+: MINI-DEV-01: rule data\.mini\.dev\.unencryptd is "
                     r"not defined by any policy", result.stderr)


def test_control_naming_a_value_rule_instead_of_a_set_is_refused(mini):
    mini.write("policies/mini/extra.rego", "package mini.extra\n\nimport rego.v1\n\nflag := true\n")
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/mini.yaml", text.replace("data.mini.dev.unencrypted",
                                                  "data.mini.extra.flag"))
    result = mini.run()
    assert result.exit_code == 2
    assert "is a value rule; expected a set rule" in result.stderr


def test_duplicate_control_id_is_refused(mini):
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/more.yaml", text.replace("MINI-PW-01", "MINI-X-01"))
    result = mini.run()
    assert result.exit_code == 2
    assert "duplicate control id 'MINI-DEV-01'" in result.stderr


def test_maps_to_an_unknown_control_of_a_loaded_framework_is_refused(mini):
    text = (mini.controls / "mini.yaml").read_text()
    mini.write("controls/mini.yaml", text.replace("[MINI-DEV-01, CE-PW]", "[MINI-DEV-99]"))
    result = mini.run()
    assert result.exit_code == 2
    assert "maps_to names unknown control 'MINI-DEV-99'" in result.stderr


def test_rego_syntax_error_exits_3_with_file_and_line_and_no_pass(mini):
    mini.write("policies/mini/broken.rego", "package mini.broken\n\nimport rego.v1\n\nx if {\n")
    result = mini.run("--format", "json")
    assert result.exit_code == 3
    assert re.search(r"policies/mini/broken\.rego:\d+:\d+: ", result.stderr)
    assert result.stdout == ""  # no report at all, so nothing can read as a pass


def test_validate_reports_the_document_count(mini):
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 0
    assert result.stdout == "4 evidence documents in 4 files are valid\n"


def test_controls_list_and_show(mini):
    listed = mini.invoke("controls", "list", "--controls", str(mini.controls), "--format", "json")
    assert [c["id"] for c in json.loads(listed.stdout)] == [
        "MINI-ATT-01", "MINI-DEV-01", "MINI-FUT-01", "MINI-PW-01", "MINI-SP-01"]
    shown = mini.invoke("controls", "show", "MINI-DEV-01", "--controls", str(mini.controls))
    assert "rule:            data.mini.dev.unencrypted" in shown.stdout
    assert "maps to:         MINI-PW-01" in shown.stdout  # reverse of MINI-PW-01's maps_to
    missing = mini.invoke("controls", "show", "NOPE-1", "--controls", str(mini.controls))
    assert missing.exit_code == 2


def test_policy_test_passes_and_counts(mini):
    result = mini.invoke("policy", "test", "--policies", str(mini.policies))
    assert result.exit_code == 0
    assert re.search(r"^\d+ passed, 0 failed$", result.stdout, re.MULTILINE)


def test_failing_rego_test_fails_the_command(mini):
    mini.write("policies/mini/pw/more_test.rego", """\
        package mini.more_test

        import rego.v1

        import data.mini.pw

        test_wrongly_expects_a_finding if {
        	count(pw.too_short) == 1 with input as {"evidence": {"auth_policy": []}}
        }
        """)
    result = mini.invoke("policy", "test", "--policies", str(mini.policies))
    assert result.exit_code == 1
    assert "FAIL data.mini.more_test.test_wrongly_expects_a_finding" in result.stdout


def test_policy_coverage_threshold(mini):
    ok = mini.invoke("policy", "test", "--policies", str(mini.policies), "--min-coverage", "1")
    assert ok.exit_code == 0
    assert "total coverage:" in ok.stdout
    too_high = mini.invoke("policy", "test", "--policies", str(mini.policies),
                           "--min-coverage", "100")
    assert too_high.exit_code == 1


def test_unexpected_crash_is_exit_3_without_traceback(mini, monkeypatch):
    import checker.runner

    def explode(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(checker.runner, "_evaluate", explode)
    result = mini.run()
    assert result.exit_code == 3
    assert "internal error: ValueError: boom" in result.stderr
    assert "Traceback" not in result.stderr


def test_interrupt_leaves_no_report_behind(mini, monkeypatch):
    import checker.runner

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker.runner, "_evaluate", interrupt)
    target = mini.root / "report.json"
    result = mini.run("--output", str(target))
    assert result.exit_code == 130
    assert not target.exists()


def test_the_digest_recipe_in_the_auditors_guide_reproduces_the_digest(mini):
    import re
    import subprocess
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[1] / "docs" / "auditors.md").read_text()
    block = re.search(r"\$ C=controls P=policies E=path/to/evidence\n\$ (.*?)\n```", guide,
                      re.S).group(1)
    script = f'C="{mini.controls}" P="{mini.policies}" E="{mini.evidence}"\n{block}'
    recomputed = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                                check=True).stdout.split()[0]
    assert recomputed == json.loads(mini.run("--format", "json").stdout)["inputs_digest"]
