"""A document past its expires date no longer counts: no rule reads it, and a notice says so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "example"


def _run(pack: Path) -> dict:
    result = CliRunner().invoke(cli, ["run", "--evidence", str(pack), "--as-of", "2026-11-01",
                                      "--format", "json", "--history", "off"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_an_expired_eligibility_record_moves_its_channel_as_if_it_were_missing(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    eligibility = pack / "payments" / "saq-eligibility.yaml"
    text = eligibility.read_text(encoding="utf-8")
    assert text.count("collected: 2026-10-22\n") >= 1
    eligibility.write_text(text.replace("collected: 2026-10-22\n",
                                        "collected: 2026-10-22\nexpires: 2026-10-30\n", 1),
                           encoding="utf-8")
    report = _run(pack)
    [control] = [c for c in report["controls"] if c["id"] == "PCI-SAQ-ELIGIBILITY"]
    # a gap (the channel's only eligibility record has expired), its finding still shown
    assert control["status"] == "gap"
    assert control["reason"].startswith(
        "'saq_eligibility' evidence is not current: saq-eligibility-online-payments (")
    assert "payments/saq-eligibility.yaml:2:1) expired on 2026-10-30" in control["reason"]
    assert [f["message"] for f in control["findings"]] == [
        "channel 'online-payments' (SAQ A): no saq_eligibility evidence confirms its "
        "eligibility; it must move to SAQ A-EP"]
    assert any("saq-eligibility-online-payments expired on 2026-10-30: no rule reads it"
               in notice["message"] for notice in report["notices"])
