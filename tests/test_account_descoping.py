"""`in_cde: false` on an account is believed only when the system the account belongs to is
itself listed out of PCI DSS scope (a `pci_scope` `out_of_scope` listing that counts): an
account on an in-scope system component is in scope, whatever the flag says."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from example_pack import control_of, copy_example

_control = partial(control_of, framework="pci")

ACCOUNTS = "payments/req08-user-accounts.yaml"
SCOPE = "payments/req12-scope.yaml"
SLOPE = "    - id: cc.agent.slope\n      person: Obadiah Slope\n      type: user\n" \
        "      privileged: false\n      in_cde: true\n"
LISTING = """\
  out_of_scope:
    - name: Active Directory (CDE forest)
      reason: Forest retired; the contact centre now signs in to PayAssist only (CHG-1200)
      approved_by: Gregory Slope, Head of ICT Security
      approved_on: {approved_on}
"""


def _pack(tmp_path: Path, listing: str | None = None) -> Path:
    pack = copy_example(tmp_path)
    path = pack / ACCOUNTS
    text = path.read_text(encoding="utf-8")
    assert SLOPE in text
    path.write_text(text.replace(SLOPE, SLOPE.replace("in_cde: true", "in_cde: false")),
                    encoding="utf-8")
    if listing is not None:
        scope = pack / SCOPE
        scope.write_text(scope.read_text(encoding="utf-8") + LISTING.format(
            approved_on=listing), encoding="utf-8")
    return pack




def test_an_account_marked_out_of_the_cde_on_an_in_scope_system_is_still_judged(tmp_path):
    control = _control(_pack(tmp_path), "PCI-8.2.5")
    assert control["status"] == "fail"
    [finding] = control["findings"]
    assert finding["message"].startswith("cc.agent.slope (Active Directory (CDE forest)): left")
    assert (Path(finding["file"]).name, finding["line"]) == ("req08-user-accounts.yaml", 57)


def test_an_account_of_a_system_listed_out_of_scope_is_not_judged(tmp_path):
    assert _control(_pack(tmp_path, "2026-10-01"), "PCI-8.2.5")["status"] == "pass"


def test_a_stale_listing_of_the_system_does_not_take_the_account_out(tmp_path):
    assert _control(_pack(tmp_path, "2025-10-31"), "PCI-8.2.5")["status"] == "fail"
