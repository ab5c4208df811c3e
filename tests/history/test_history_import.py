"""`checker history import` takes a saved report only when it is a results document that
agrees with itself, is dated no later than today, and fills in history before the runs the
store recorded itself; anything else is refused (exit 2) and nothing is recorded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from history_helpers import break_passwords, history_on, run  # noqa: F401 (fixture)

from checker.errors import InputError
from checker.history.snapshot import from_report


def _saved(mini, tmp_path: Path, as_of: str, name: str | None = None) -> Path:
    path = tmp_path / (name or f"{as_of}.json")
    path.write_text(run(mini, as_of, "--history", "off").stdout)
    return path


def _edit(path: Path, change) -> Path:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))
    return path


def _import(mini, *paths: Path):
    return mini.invoke("history", "import", *map(str, paths), "--evidence", str(mini.evidence))


def _runs(mini) -> list[tuple[str, str, list[str]]]:
    result = mini.invoke("history", "--evidence", str(mini.evidence), "--format", "json")
    return [(r["as_of"], r["source"], r["overdue"]) for r in json.loads(result.stdout)["runs"]]


def _forge_pass(data: dict) -> None:
    """What an attacker edits: failing controls made to pass, summaries left alone."""
    for control in data["controls"]:
        if control["status"] == "fail":
            control["status"] = control["underlying_status"] = "pass"
            control["findings"] = []


def test_an_unknown_status_is_refused_as_diff_baseline_refuses_it(mini, tmp_path):
    saved = _edit(_saved(mini, tmp_path, "2026-10-15"),
                  lambda d: d["controls"][0].update(status="banana"))
    result = _import(mini, saved)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {saved}: saved report is not a checker results "
                                    "document: controls.0.status: 'banana' is not one of ")
    assert not (mini.evidence / ".checker").exists()


def test_a_control_listed_twice_is_refused_at_its_second_line(mini, tmp_path):
    saved = _edit(_saved(mini, tmp_path, "2026-10-15"),
                  lambda d: d["controls"].append(dict(d["controls"][0])))
    first = json.loads(saved.read_text())["controls"][0]["id"]
    lines = [n for n, text in enumerate(saved.read_text().splitlines(), 1)
             if text.strip() == f'"id": "{first}",']
    result = _import(mini, saved)
    assert result.exit_code == 2
    assert result.stderr == f"error: {saved}:{lines[1]}: saved report lists control {first} twice\n"


def test_failing_controls_edited_to_pass_disagree_with_the_summary(mini, tmp_path):
    break_passwords(mini)
    saved = _edit(_saved(mini, tmp_path, "2026-10-15"), _forge_pass)
    result = _import(mini, saved)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {saved}: framework 'mini': summary says fail 1, pass 2; "
                             "its controls give fail 0, pass 3\n")


def test_a_pass_percentage_the_controls_do_not_give_is_refused(mini, tmp_path):
    break_passwords(mini)  # 2 of 3 applicable controls pass: 66.7
    saved = _edit(_saved(mini, tmp_path, "2026-10-15"),
                  lambda d: d["frameworks"][0].update(pass_percent=100.0))
    result = _import(mini, saved)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {saved}: framework 'mini': pass_percent 100.0 where its "
                             "controls give 66.7\n")


def test_a_report_dated_after_today_is_refused(mini, tmp_path):
    saved = _saved(mini, tmp_path, "2026-10-15")
    with pytest.raises(InputError) as refused:
        from_report(saved, today=dt.date(2026, 10, 14))
    assert str(refused.value.problems[0]) == (f"{saved}: saved report is as of 2026-10-15, after "
                                              "today (2026-10-14): only a run that has "
                                              "happened can be imported")
    assert from_report(saved, today=dt.date(2026, 10, 15)).as_of == "2026-10-15"
    # `run --as-of 2999-01-01` is refused (the as-of range), so the far date is forged
    forged = _edit(_saved(mini, tmp_path, "2026-10-15", "far.json"),
                   lambda data: data.update(as_of="2999-01-01"))
    far = _import(mini, forged)
    assert far.exit_code == 2
    assert "saved report is as of 2999-01-01, after today" in far.stderr


def test_an_import_among_recorded_runs_is_refused_and_overdue_stands(mini, tmp_path):
    """PW-01 fails on 1 October and 1 December (high: due 31 October), so it is overdue on
    1 December. A genuine all-pass report of 20 November would end that streak."""
    clean = _saved(mini, tmp_path, "2026-11-20")
    break_passwords(mini)
    run(mini, "2026-10-01")
    run(mini, "2026-12-01")
    result = _import(mini, clean)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {mini.evidence / '.checker' / 'history.sqlite'}: a report "
                             "as of 2026-11-20 cannot be imported: this store has runs recorded "
                             "by `checker run` from 2026-10-01, and an imported report may only "
                             "fill in history before them\n")
    assert _runs(mini) == [("2026-10-01", "run", []), ("2026-12-01", "run", ["MINI-PW-01"])]


def test_reports_before_the_first_run_are_imported_all_or_none(mini, tmp_path):
    break_passwords(mini)
    october, november = _saved(mini, tmp_path, "2026-10-05"), _saved(mini, tmp_path, "2026-11-10")
    late = _saved(mini, tmp_path, "2026-11-25")
    run(mini, "2026-11-20")
    assert _import(mini, october, late).exit_code == 2
    assert _runs(mini) == [("2026-11-20", "run", [])]
    imported = _import(mini, october, november)
    assert imported.exit_code == 0, imported.stderr
    # PW-01 has been open since 5 October (high: due 4 November): overdue from 10 November.
    assert _runs(mini) == [("2026-10-05", "import", []), ("2026-11-10", "import", ["MINI-PW-01"]),
                           ("2026-11-20", "run", ["MINI-PW-01"])]
