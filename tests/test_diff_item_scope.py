"""`checker diff` sees an item leave scope by its own flag: a person, device or host whose
`psn_access` turns false, a component whose `in_cde` turns false. Each is a scope change, a
regression unless the head records who approved it, even when no control's status moves."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import AUTH, DEVICES

LT2 = "    - name: LT-2\n      type: laptop\n"
EXCLUSION = """\
      psn_exclusion:
        reason: Kiosk laptop rebuilt without the PSN VPN profile (CHG-881).
        approved_by: {approver}
        approved_on: 2026-10-20
"""
PCI_SCOPE = """\
kind: pci_scope
id: scope
title: PCI DSS scope
owner: PCI DSS Compliance Manager
collected: 2026-10-01
facts:
  confirmations: [{date: 2026-09-01}]
  components: [{name: pay-web-01, function: payment page}]
  out_of_scope:
    - name: AD
      reason: Corporate forest only; the CDE has its own forest (segmentation test ST-4)
      approved_by: Head of ICT Security
      approved_on: 2026-10-20
"""


def git(mini, *args: str) -> None:
    subprocess.run(["git", "-C", str(mini.root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(mini):
    git(mini, "init", "-q", "-b", "main")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "add", "-A")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "base")
    return mini


def diff(mini, *args: str):
    return mini.invoke("diff", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                       "--policies", str(mini.policies), "--as-of", "2026-11-01",
                       "--format", "json", *args)


def _lt2_off(repo, exclusion: str = "") -> None:
    text = DEVICES.format(encrypted="true")
    assert LT2 in text
    repo.write("evidence/devices.yaml",
               text.replace(LT2, LT2 + "      psn_access: false\n" + exclusion))


def test_psn_access_turned_false_without_approval_is_an_unapproved_scope_change(repo):
    _lt2_off(repo)
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 1, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["before"], change["after"], change["approved"]) == (
        "LT-2", "psn_access unstated", "psn_access false", False)
    assert change["detail"].startswith("psn_access unstated -> false: LT-2 leaves the PSN "
                                       "checks; unapproved: needs a psn_exclusion")
    assert (change["file"], change["line"]) == (f"{repo.evidence}/devices.yaml", 14)


def test_psn_access_turned_false_with_an_exclusion_is_an_approved_scope_change(repo):
    _lt2_off(repo, EXCLUSION.format(approver="Head of ICT Security"))
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 0, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["approved"]) == ("LT-2", True)
    assert change["approval"] == ("psn_exclusion approved by Head of ICT Security on "
                                  "2026-10-20: Kiosk laptop rebuilt without the PSN VPN "
                                  "profile (CHG-881).")


def test_a_flag_already_false_at_the_base_is_no_change(repo):
    _lt2_off(repo)
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qam", "off")
    assert json.loads(diff(repo, "--base", "HEAD").stdout)["scope_changes"] == []


def test_in_cde_turned_false_is_approved_only_by_the_scope_inventory(repo):
    repo.write("evidence/auth.yaml", AUTH.format(length=14) + "  in_cde: false\n")
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 1, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["before"], change["after"], change["approved"]) == (
        "AD", "in_cde unstated", "in_cde false", False)
    assert (change["file"], change["line"]) == (f"{repo.evidence}/auth.yaml", 9)
    repo.write("evidence/pci-scope.yaml", PCI_SCOPE)
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 0, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert change["approval"] == ("listed out of PCI DSS scope in scope, approved by Head of "
                                  "ICT Security on 2026-10-20: Corporate forest only; the CDE "
                                  "has its own forest (segmentation test ST-4)")


def test_an_out_of_scope_listing_older_than_12_months_does_not_approve_a_flip(repo):
    repo.write("evidence/auth.yaml", AUTH.format(length=14) + "  in_cde: false\n")
    repo.write("evidence/pci-scope.yaml", PCI_SCOPE.replace("2026-10-20", "2025-10-31"))
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 1, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["approved"]) == ("AD", False)
    assert change["detail"].endswith("unapproved: needs the pci_scope inventory listing it "
                                     "under out_of_scope with an approval that counts (reason, "
                                     "independent approver, approved within 12 months)")


REGISTER = """\
kind: asset_register
id: iar
title: Information asset register
owner: Head of Information Governance
collected: 2026-10-01
facts:
  reviewed: 2026-10-01
  assets:
    - {{id: IA-1, name: Benefits data, classification: OFFICIAL, psn_data: true}}
    - id: IA-2
      name: Police liaison intelligence
      classification: SECRET
      psn_data: {flag}
{exclusion}"""
KEPT_OFF = """\
      psn_exclusion:
        reason: Held only on the accredited police liaison terminal (ISM-44)
        approved_by: Senior Information Risk Owner
        approved_on: 2026-10-20
"""


def test_psn_data_turned_false_is_a_scope_change_approved_only_by_an_exclusion(repo):
    repo.write("evidence/register.yaml", REGISTER.format(flag="true", exclusion=""))
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "register")
    repo.write("evidence/register.yaml", REGISTER.format(flag="false", exclusion=""))
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 1, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["before"], change["after"], change["approved"]) == (
        "IA-2", "psn_data true", "psn_data false", False)
    assert change["detail"].startswith("psn_data true -> false: IA-2 is no longer judged as "
                                       "carried over the PSN; unapproved: needs a psn_exclusion")
    assert (change["file"], change["line"]) == (f"{repo.evidence}/register.yaml", 13)
    repo.write("evidence/register.yaml", REGISTER.format(flag="false", exclusion=KEPT_OFF))
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 0, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert change["approval"] == ("psn_exclusion approved by Senior Information Risk Owner on "
                                  "2026-10-20: Held only on the accredited police liaison "
                                  "terminal (ISM-44)")


ACCOUNTS = """\
kind: user_accounts
id: corp-ad
title: Corporate directory accounts
owner: Identity Manager
collected: 2026-10-01
facts:
  system: Corporate AD
  accounts:
    - id: j.smith
      type: user
      in_cde: {flag}
"""
CORPORATE = PCI_SCOPE.replace("name: AD", "name: Corporate AD")


def test_an_account_turned_out_of_the_cde_is_approved_only_by_listing_its_system(repo):
    repo.write("evidence/accounts.yaml", ACCOUNTS.format(flag="true"))
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "accounts")
    repo.write("evidence/accounts.yaml", ACCOUNTS.format(flag="false"))
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 1, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["before"], change["after"], change["approved"]) == (
        "j.smith (Corporate AD)", "in_cde true", "in_cde false", False)
    assert change["detail"].endswith("unapproved: needs the pci_scope inventory listing its "
                                     "system Corporate AD under out_of_scope with an approval "
                                     "that counts (reason, independent approver, approved "
                                     "within 12 months)")
    assert (change["file"], change["line"]) == (f"{repo.evidence}/accounts.yaml", 11)
    repo.write("evidence/pci-scope.yaml", CORPORATE)
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 0, result.output
    [change] = json.loads(result.stdout)["scope_changes"]
    assert change["approval"].startswith("listed out of PCI DSS scope in scope, approved by "
                                         "Head of ICT Security on 2026-10-20")


def test_a_baseline_file_says_item_flags_cannot_be_compared(repo, tmp_path):
    saved = tmp_path / "base.json"
    run = repo.invoke("run", "--evidence", str(repo.evidence), "--controls", str(repo.controls),
                      "--policies", str(repo.policies), "--as-of", "2026-11-01", "--format",
                      "json", "--history", "off", "--output", str(saved))
    assert run.exit_code == 0, run.output
    _lt2_off(repo)
    document = json.loads(diff(repo, "--baseline", str(saved)).stdout)
    assert document["scope_changes"] == []
    assert any("cannot be seen; compare with --base REF" in note for note in document["notes"])
