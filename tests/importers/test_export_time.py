"""Exports that do not record when they were made need --exported: a file's modification
time would change the output when the file is merely copied."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "importers"


def test_undated_export_is_refused_naming_the_option(tmp_path):
    result = CliRunner().invoke(cli, ["import", "testssl", str(DATA / "testssl.json"),
                                      "--output", str(tmp_path / "tls.yaml")])
    assert result.exit_code == 2
    assert (f"{DATA / 'testssl.json'}: the export does not say when it was made; pass "
            "--exported DATE") in result.output
    assert not (tmp_path / "tls.yaml").exists()


def test_one_undated_file_among_dated_ones_is_refused(tmp_path):
    # users.json records sign-in times; the registration details download records none.
    result = CliRunner().invoke(cli, ["import", "entra", str(DATA / "entra-registration.csv"),
                                      str(DATA / "entra-users.json"),
                                      "--output", str(tmp_path / "e.yaml")])
    assert result.exit_code == 2
    assert "entra-registration.csv: the export does not say when it was made" in result.output
