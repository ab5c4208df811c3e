"""Shared fixtures: a tiny self-contained catalogue, policy set and evidence pack.

Tests of the spine build on this fixture, not on the bundled catalogue, so they state
exactly what they exercise and do not change when the catalogue grows.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import cli
from checker.policies import bundled

AS_OF = "2026-11-01"

CONTROLS = """\
framework: mini
name: Mini framework
version: "1"
controls:
  - id: MINI-PW-01
    title: Passwords of at least 12 characters
    area: passwords
    severity: high
    requirement: Passwords are at least 12 characters.
    evidence: [auth_policy]
    max_age_days: 365
    policy: data.mini.pw.too_short
    mode: automated
    remediation: Raise the minimum length.
    maps_to: [MINI-DEV-01, CE-PW]
  - id: MINI-DEV-01
    title: Laptops encrypted
    area: devices
    severity: critical
    requirement: Every laptop is encrypted.
    evidence: [device_inventory]
    max_age_days: 90
    policy: data.mini.dev.unencrypted
    mode: automated
    remediation: Encrypt the laptops.
  - id: MINI-SP-01
    title: Service providers only
    area: scope
    severity: low
    requirement: Applies only to service providers.
    evidence: [auth_policy]
    policy: data.mini.pw.too_short
    mode: automated
    applies: {rule: data.scope.pci_service_provider, reason: not a service provider}
    remediation: None needed.
  - id: MINI-FUT-01
    title: Future-dated
    area: scope
    severity: low
    requirement: Not yet required.
    evidence: [auth_policy]
    policy: data.mini.pw.too_short
    mode: automated
    effective_from: "2030-01-01"
    remediation: Prepare.
  - id: MINI-ATT-01
    title: Disposal policy in force
    area: process
    severity: medium
    requirement: A disposal policy is in force.
    evidence: [attestation]
    mode: attested
    attested_by: [SIRO]
    remediation: Approve a disposal policy.
"""

POLICY_PW = """\
package mini.pw

import rego.v1

import data.lib.finding

too_short contains finding.of(doc, "facts.min_length", msg) if {
	some doc in input.evidence.auth_policy
	not doc.facts.min_length >= 12
	msg := sprintf("%s: minimum length %v", [doc.facts.system, object.get(doc.facts, "min_length", "unset")])
}
"""

POLICY_DEV = """\
package mini.dev

import rego.v1

import data.lib.finding

unencrypted contains finding.of(doc, sprintf("facts.devices[%d].encrypted", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	not device.encrypted == true
	msg := sprintf("%s is not encrypted", [device.name])
}
"""

POLICY_TEST = """\
package mini.pw_test

import rego.v1

import data.mini.pw

test_twelve_passes if {
	count(pw.too_short) == 0 with input as {"evidence": {"auth_policy": [{"id": "a", "facts": {"system": "s", "min_length": 12}}]}}
}
"""

ORGANISATION = """\
kind: organisation
id: org
title: Test council profile
owner: IG lead
collected: 2026-01-01
facts:
  name: Test Council
  psn_connected: true
  pecr_provider: false
  pci: {merchant: true, service_provider: false, multi_tenant_provider: false,
        designated_entity: false, early_tls_poi: false, issuer: false,
        channels: [ecommerce]}
"""

AUTH = """\
kind: auth_policy
id: auth-ad
title: AD password policy
owner: Identity Manager
collected: 2026-10-01
facts:
  system: AD
  min_length: {length}
"""

DEVICES = """\
kind: device_inventory
id: devices
title: Devices
owner: EUC Manager
collected: 2026-10-01
facts:
  devices:
    - name: LT-1
      type: laptop
      managed: true
      encrypted: true
    - name: LT-2
      type: laptop
      managed: true
      encrypted: {encrypted}
"""

ATTESTATION = """\
kind: attestation
id: att-1
title: SIRO attests the disposal policy
owner: SIRO
collected: {collected}
facts:
  controls: [MINI-ATT-01]
  attested_by: A. Person
  role: {role}
  statement: The policy is in force.
  outcome: met
  document: {{title: Disposal policy, reference: IG-14}}
"""


@dataclass
class Mini:
    """A temporary catalogue, policy directory and evidence pack, and a way to run checker."""

    root: Path
    runner: CliRunner

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def controls(self) -> Path:
        return self.root / "controls"

    @property
    def policies(self) -> Path:
        return self.root / "policies"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def invoke(self, *args: str) -> Result:
        return self.runner.invoke(cli, list(args), catch_exceptions=False)

    def break_scope(self) -> None:
        """Make MINI-SP-01's applicability undefined at run time: an incomplete profile
        as a custom catalogue can have, which must be an error, never out of scope."""
        self.write("policies/mini/scope/scope.rego", """\
            package mini.scope

            import rego.v1

            region_in_scope := input.organisation.region == "south"
            """)
        text = (self.controls / "mini.yaml").read_text()
        self.write("controls/mini.yaml", text.replace("data.scope.pci_service_provider",
                                                      "data.mini.scope.region_in_scope"))

    def run(self, *args: str) -> Result:
        """``checker run`` against this fixture at the fixed assessment date."""
        return self.invoke("run", "--evidence", str(self.evidence), "--controls",
                           str(self.controls), "--policies", str(self.policies),
                           "--as-of", AS_OF, *args)


@pytest.fixture(scope="session", autouse=True)
def private_rule_cache(tmp_path_factory: pytest.TempPathFactory):
    """Tests never read or write the user's ~/.cache or cache key (subprocesses inherit this
    too), nor record runs in a history store inside the repository (tests/history turn it
    back on)."""
    import os

    settings = {"CHECKER_CACHE_DIR": str(tmp_path_factory.mktemp("rule-cache")),
                "XDG_STATE_HOME": str(tmp_path_factory.mktemp("state")),  # the cache's key
                "CHECKER_HISTORY": "off"}
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    yield
    for name, value in previous.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value


@pytest.fixture
def mini(tmp_path: Path) -> Mini:
    """A passing pack: every automated control passes, the attested one is attested."""
    fixture = Mini(tmp_path, CliRunner())
    fixture.write("controls/mini.yaml", CONTROLS)
    shutil.copytree(bundled("policies") / "lib", fixture.policies / "lib")
    shutil.copytree(bundled("policies") / "scope", fixture.policies / "scope")
    fixture.write("policies/mini/pw/pw.rego", POLICY_PW)
    fixture.write("policies/mini/pw/pw_test.rego", POLICY_TEST)
    fixture.write("policies/mini/dev/dev.rego", POLICY_DEV)
    fixture.write("evidence/organisation.yaml", ORGANISATION)
    fixture.write("evidence/auth.yaml", AUTH.format(length=14))
    fixture.write("evidence/devices.yaml", DEVICES.format(encrypted="true"))
    fixture.write("evidence/attestation.yaml",
                  ATTESTATION.format(collected="2026-06-01", role="SIRO"))
    return fixture


@pytest.fixture
def statuses() -> Callable[[Result], dict[str, str]]:
    """Control id -> status from a JSON run's output."""
    import json

    def parse(result: Result) -> dict[str, str]:
        return {c["id"]: c["status"] for c in json.loads(result.stdout)["controls"]}

    return parse
