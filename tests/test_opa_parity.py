"""Parity: the whole bundled catalogue gives the same JSON on regorus and on the OPA engine.

Runs on whatever the catalogue holds today (no counts), on the example pack and on
generated packs, over real HTTP against the OPA-like test server.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from opa_server import OpaLikeServer, serving

from checker.cli import cli
from checker.policies import bundled

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "evidence" / "example"
AS_OF = "2026-11-01"


@pytest.fixture(scope="module")
def opa() -> Iterator[OpaLikeServer]:
    with serving() as server:
        yield server


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A copy of the bundled catalogue and policies, so both engines see the same files."""
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(bundled("controls"), root / "controls")
    shutil.copytree(bundled("policies"), root / "policies")
    return ["--controls", str(root / "controls"), "--policies", str(root / "policies")]


def _run(evidence: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["run", "--evidence", str(evidence), "--as-of", AS_OF,
                                      "--format", "json", "--fail-on", "none", *args],
                                catch_exceptions=False)
    return result.exit_code, result.stdout


def _assert_parity(evidence: Path, opa: OpaLikeServer, catalogue: list[str]) -> dict[str, Any]:
    local = _run(evidence, *catalogue)
    assert local[0] == 0, "the bundled catalogue must evaluate on regorus"
    assert _run(evidence, *catalogue, "--engine", "opa", "--opa-url", opa.url) == local
    report: dict[str, Any] = json.loads(local[1])
    assert report["controls"]
    return report


def test_example_pack(opa: OpaLikeServer, catalogue: list[str]) -> None:
    report = _assert_parity(EXAMPLE, opa, catalogue)
    assert {c["status"] for c in report["controls"]} >= {"pass", "fail"}


def _flip(value: Any) -> Any:
    """Every boolean in the facts inverted: still schema-valid, verdicts change a lot."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, dict):
        return {k: _flip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_flip(v) for v in value]
    return value


def test_flipped_pack(opa: OpaLikeServer, catalogue: list[str], tmp_path: Path) -> None:
    pack = tmp_path / "flipped"
    shutil.copytree(EXAMPLE, pack)
    for path in sorted(pack.rglob("*.y*ml")):
        documents = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        changed = []
        for document in documents:
            document = copy.deepcopy(document)
            if isinstance(document, dict) and document.get("kind") not in (
                    "organisation", "waivers", None) and isinstance(document.get("facts"), dict):
                document["facts"] = _flip(document["facts"])
            changed.append(document)
        path.write_text(yaml.safe_dump_all(changed, sort_keys=False), encoding="utf-8")
    _assert_parity(pack, opa, catalogue)


def test_generated_pack(opa: OpaLikeServer, catalogue: list[str], tmp_path: Path) -> None:
    script = ROOT / "bench" / "generate.py"
    if not script.exists():
        pytest.skip("bench/generate.py (the synthetic estate generator) is not present")
    spec = importlib.util.spec_from_file_location("bench_generate", script)
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.write(generate.build(200, 11), tmp_path / "generated")
    _assert_parity(tmp_path / "generated", opa, catalogue)


def test_server_preloaded_from_bundle_needs_no_uploads(catalogue: list[str],
                                                       tmp_path: Path) -> None:
    """A fleet replica fed by `checker bundle build` answers without any PUT."""
    bundle = tmp_path / "bundle.tar.gz"
    CliRunner().invoke(cli, ["bundle", "build", "--output", str(bundle), *catalogue],
                       catch_exceptions=False)
    with serving() as server, tarfile.open(bundle) as tar:
        for member in tar.getmembers():
            handle = tar.extractfile(member)
            assert handle is not None
            if member.name.endswith(".rego"):
                server.put_policy(f"bundle/{member.name}", handle.read().decode())
            elif member.name.endswith("/data.json"):
                server.put_data(member.name.split("/")[:-1], json.load(handle))
        server.log.clear()
        local = _run(EXAMPLE, *catalogue)
        assert local[0] == 0
        assert _run(EXAMPLE, *catalogue, "--engine", "opa", "--opa-url", server.url) == local
        assert [m for m, _ in server.log] == ["GET", "POST"]
