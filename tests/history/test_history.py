"""Posture history: runs recorded in SQLite keyed by as-of and inputs digest, read back as
trends in every history format; saved JSON reports imported; bad stores refused."""

from __future__ import annotations

import json
import sqlite3

from history_helpers import break_passwords, history_on, run  # noqa: F401 (fixture)


def _history(mini, *args):
    return mini.invoke("history", "--evidence", str(mini.evidence), *args)



def test_a_run_is_recorded_in_the_evidence_directory_once_per_inputs(mini):
    store = mini.evidence / ".checker" / "history.sqlite"
    for _ in range(2):
        assert run(mini, "2026-11-01").exit_code == 0
    assert store.is_file()
    runs = sqlite3.connect(store).execute("SELECT as_of, source FROM runs").fetchall()
    assert runs == [("2026-11-01", "run")]


def test_the_store_is_not_evidence_and_leaves_the_digest_alone(mini):
    first = json.loads(run(mini, "2026-11-01").stdout)
    second = json.loads(run(mini, "2026-11-01").stdout)
    assert first["inputs_digest"] == second["inputs_digest"]
    assert first["notices"] == []


def test_two_runs_a_month_apart_give_the_trend(mini):
    """October: the three applicable controls pass. November: passwords fail (high), so 2 of
    3 pass; nothing was open in October, so nothing is overdue."""
    assert run(mini, "2026-10-01").exit_code == 0
    break_passwords(mini)
    assert run(mini, "2026-11-01").exit_code == 0
    document = json.loads(_history(mini, "--format", "json").stdout)
    assert document["organisation"] == "Test Council"
    assert [(r["as_of"], r["pass_percent"], r["open"], r["open_by_severity"], r["overdue"])
            for r in document["runs"]] == [
        ("2026-10-01", {"mini": 100.0}, {"fail": 0, "gap": 0, "error": 0},
         {"critical": 0, "high": 0, "medium": 0, "low": 0}, []),
        ("2026-11-01", {"mini": 66.7}, {"fail": 1, "gap": 0, "error": 0},
         {"critical": 0, "high": 1, "medium": 0, "low": 0}, []),
    ]


def test_an_action_still_open_after_its_first_due_date_is_overdue(mini):
    """PW-01 fails on 1 October (high: due 31 October) and still fails on 1 November."""
    break_passwords(mini)
    run(mini, "2026-10-01")
    run(mini, "2026-11-01")
    runs = json.loads(_history(mini, "--format", "json").stdout)["runs"]
    assert [r["overdue"] for r in runs] == [[], ["MINI-PW-01"]]


def test_history_renders_as_table_markdown_and_html(mini):
    run(mini, "2026-10-01")
    table = _history(mini).stdout
    assert table.splitlines()[0] == "History: Test Council (1 run)"
    assert "mini pass %" in table and "2026-10-01" in table and "100.0" in table
    markdown = _history(mini, "--format", "markdown").stdout
    assert "| 2026-10-01 |" in markdown
    page = _history(mini, "--format", "html").stdout
    assert "<svg role=\"img\" aria-label=\"pass percentage per framework" in page
    assert "//" not in page and "src=" not in page


def test_history_formats_come_from_the_registry(mini):
    from checker.formats import names

    assert names("history") == ["html", "json", "markdown", "table"]
    run(mini, "2026-10-01")
    result = _history(mini, "--format", "csv")
    assert result.exit_code == 2
    assert "'csv' is not one of" in result.stderr


def test_history_off_records_nothing(mini):
    run(mini, "2026-11-01", "--history", "off")
    assert not (mini.evidence / ".checker").exists()


def test_a_named_store_that_cannot_be_written_is_an_input_error(mini, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run(mini, "2026-11-01", "--history", str(blocker / "h.sqlite"))
    assert result.exit_code == 2
    assert f"error: {blocker / 'h.sqlite'}: cannot open the history store" in result.stderr


def test_the_default_store_failing_warns_and_still_reports(mini):
    (mini.evidence / ".checker").write_text("a file where the directory would go")
    result = run(mini, "2026-11-01")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["as_of"] == "2026-11-01"
    assert "warning: history not recorded:" in result.stderr


def test_a_file_that_is_not_a_store_is_refused(mini, tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    result = run(mini, "2026-11-01", "--history", str(other))
    assert result.exit_code == 2
    assert "not a checker history store" in result.stderr


def test_another_organisations_run_is_refused(mini, tmp_path):
    store = tmp_path / "h.sqlite"
    run(mini, "2026-10-01", "--history", str(store))
    org = (mini.evidence / "organisation.yaml").read_text()
    mini.write("evidence/organisation.yaml", org.replace("Test Council", "Other Council"))
    result = run(mini, "2026-11-01", "--history", str(store))
    assert result.exit_code == 2
    assert "holds the runs of 'Test Council', not 'Other Council'" in result.stderr


def test_saved_json_reports_are_imported(mini, tmp_path):
    break_passwords(mini)
    saved = tmp_path / "2026-10.json"
    saved.write_text(run(mini, "2026-10-15", "--history", "off").stdout)
    result = mini.invoke("history", "import", str(saved), "--evidence", str(mini.evidence))
    assert result.exit_code == 0, result.output
    assert "as of 2026-10-15" in result.stderr and "recorded" in result.stderr
    again = mini.invoke("history", "import", str(saved), "--evidence", str(mini.evidence))
    assert "already recorded" in again.stderr
    runs = json.loads(_history(mini, "--format", "json").stdout)["runs"]
    assert [(r["as_of"], r["source"], r["open"]["fail"]) for r in runs] == [
        ("2026-10-15", "import", 1)]


def test_importing_something_else_names_the_file(mini, tmp_path):
    wrong = tmp_path / "sarif.json"
    wrong.write_text('{"version": "2.1.0"}')
    result = mini.invoke("history", "import", str(wrong), "--evidence", str(mini.evidence))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {wrong}: saved report is not a checker results document: "
                             "(top level): '$schema' is a required property\n")


def test_reading_history_where_none_was_recorded_is_an_input_error(mini):
    result = _history(mini)
    assert result.exit_code == 2
    assert "no history store here" in result.stderr


def test_the_trend_stops_at_the_as_of_asked_for(mini):
    run(mini, "2026-10-01")
    run(mini, "2026-12-01")
    runs = json.loads(_history(mini, "--format", "json", "--as-of", "2026-11-01").stdout)["runs"]
    assert [r["as_of"] for r in runs] == ["2026-10-01"]


def test_the_matrix_shows_the_trend_and_never_records(mini):
    def matrix():
        return mini.invoke("matrix", "--evidence", str(mini.evidence), "--controls",
                           str(mini.controls), "--policies", str(mini.policies), "--as-of",
                           "2026-11-01", "--format", "html").stdout

    assert 'id="trend"' not in matrix()
    assert not (mini.evidence / ".checker").exists()
    run(mini, "2026-10-01")
    page = matrix()
    assert "<h2>Trend (1 recorded run)</h2>" in page
