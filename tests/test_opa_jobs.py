"""`checker run --jobs N` over several --evidence directories (one per organisation)."""

from __future__ import annotations

import json

import pytest
from conftest import Mini
from opa_server import serving

from checker.model import FailOn


def _packs(mini: Mini) -> tuple[str, str]:
    """The passing fixture pack and a copy with a failing control."""
    failing = mini.root / "failing"
    failing.mkdir()
    for path in mini.evidence.iterdir():
        text = path.read_text()
        (failing / path.name).write_text(text.replace("min_length: 14", "min_length: 9"))
    return str(mini.evidence), str(failing)


def test_json_list_keyed_by_directory(mini: Mini) -> None:
    good, bad = _packs(mini)
    missing = str(mini.root / "missing")
    result = mini.invoke("run", "--evidence", good, "--evidence", bad, "--evidence", missing,
                         "--controls", str(mini.controls), "--policies", str(mini.policies),
                         "--as-of", "2026-11-01", "--format", "json", "--jobs", "2")
    items = json.loads(result.stdout)
    assert [i["evidence"] for i in items] == [good, bad, missing]
    assert [i["exit_code"] for i in items] == [0, 1, 2]
    assert result.exit_code == 2  # the worst
    single = mini.run("--format", "json")
    assert items[0]["results"] == json.loads(single.stdout)
    assert items[1]["results"]["summary"]["fail"] == 1
    assert "does not exist" in items[2]["errors"][0]
    assert "does not exist" in result.stderr


def test_table_sections_and_opa_threads(mini: Mini) -> None:
    good, bad = _packs(mini)
    common = ["--controls", str(mini.controls), "--policies", str(mini.policies),
              "--as-of", "2026-11-01"]
    local = mini.invoke("run", "--evidence", good, "--evidence", bad, *common)
    assert local.exit_code == 1
    assert f"== {good} (exit 0) ==" in local.stdout and f"== {bad} (exit 1) ==" in local.stdout
    with serving() as server:
        remote = mini.invoke("run", "--evidence", good, "--evidence", bad, *common,
                             "--jobs", "2", "--engine", "opa", "--opa-url", server.url)
    assert (remote.exit_code, remote.stdout) == (local.exit_code, local.stdout)


def test_other_formats_refused_for_several_packs(mini: Mini) -> None:
    good, bad = _packs(mini)
    result = mini.invoke("run", "--evidence", good, "--evidence", bad, "--format", "csv")
    assert result.exit_code == 2


def _die(evidence_dir, **options):  # runs in a worker process
    import os

    os._exit(9)


def test_a_worker_that_dies_is_an_evaluation_error_not_a_crash(tmp_path) -> None:
    from checker.fanout import assess_many

    outcomes = assess_many([tmp_path / "a", tmp_path / "b"], 2, {"engine": "regorus"}, _die)
    assert [o.exit_code(FailOn.FAIL) for o in outcomes] == [3, 3]
    assert all("worker process died" in o.problems[0] for o in outcomes)


@pytest.mark.parametrize("format_name", ["json", "table"])
def test_one_job_and_two_give_the_same_bytes(mini: Mini, format_name: str) -> None:
    good, bad = _packs(mini)
    common = ["--evidence", good, "--evidence", bad, "--controls", str(mini.controls),
              "--policies", str(mini.policies), "--as-of", "2026-11-01",
              "--format", format_name]
    one = mini.invoke("run", *common, "--jobs", "1")
    two = mini.invoke("run", *common, "--jobs", "2")
    assert (one.exit_code, two.exit_code) == (1, 1)
    assert one.stdout == two.stdout
    assert len(one.stdout) > 500
