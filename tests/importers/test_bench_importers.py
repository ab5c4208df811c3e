"""The synthetic Nessus generator of bench/importers.py: deterministic, sized as asked, and
an export the importer reads back host for host."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from checker.cli import cli
from importers.bench import generate, hosts_for


def test_generator_is_deterministic_and_importable(tmp_path):
    first, second = tmp_path / "a.nessus", tmp_path / "b.nessus"
    generate(first, hosts=5, items=8)
    generate(second, hosts=5, items=8)
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text()
    assert text.count("<ReportHost ") == 5
    assert text.count("<ReportItem ") == 40
    result = CliRunner().invoke(cli, ["import", "nessus", str(first), "--output",
                                      str(tmp_path / "a.yaml")])
    assert result.exit_code == 0, result.output
    patches, scan = yaml.safe_load_all((tmp_path / "a.yaml").read_text())
    assert [h["name"] for h in patches["facts"]["hosts"]] == [
        "host-000000", "host-000001", "host-000002", "host-000003", "host-000004"]
    assert scan["facts"]["performed"] == "2026-03-14"
    assert scan["facts"]["authenticated"] is True


def test_size_option_gives_about_the_size_asked(tmp_path):
    export = tmp_path / "sized.nessus"
    generate(export, hosts_for(2, 40), items=40)
    assert 1_800_000 < export.stat().st_size < 2_200_000
