"""`checker bundle build`: a standard, deterministic OPA bundle of the catalogue."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import regorus
from click.testing import CliRunner
from conftest import Mini

from checker.bundle import DATA_ROOT
from checker.cli import cli
from checker.policies import PolicyModule


def _build(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["bundle", "build", "--output", str(out), *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out


def _read(bundle: Path) -> dict[str, bytes]:
    with tarfile.open(bundle, "r:gz") as tar:
        files = {}
        for member in tar.getmembers():
            assert member.isfile() and member.mtime == 0 and member.uid == member.gid == 0
            assert not member.name.startswith(("/", "..")) and ".." not in member.name
            handle = tar.extractfile(member)
            assert handle is not None
            files[member.name] = handle.read()
    return files


def _covered(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r + "/") for r in roots)


def test_bundled_catalogue_bundle(tmp_path: Path) -> None:
    first = _build(tmp_path, "a.tar.gz")
    assert first.read_bytes() == _build(tmp_path, "b.tar.gz").read_bytes()  # deterministic
    files = _read(first)
    manifest = json.loads(files[".manifest"])
    assert isinstance(manifest["revision"], str) and len(manifest["revision"]) == 64
    roots = manifest["roots"]
    assert all(not _covered(r, [o for o in roots if o != r]) for r in roots)  # no overlaps
    data = json.loads(files[f"{DATA_ROOT}/data.json"])
    assert _covered(DATA_ROOT, roots)
    assert data["controls"] and data["frameworks"]
    for control in data["controls"].values():
        assert control["framework"] in data["frameworks"]
        assert control["policy"].startswith("data.") and control["severity"]
    engine = regorus.Engine()
    rego = sorted(n for n in files if n.endswith(".rego"))
    assert "checker/aggregate.rego" in rego
    assert not [n for n in rego if n.endswith("_test.rego")]
    for name in rego:
        text = files[name].decode()
        engine.add_policy(name, text)  # parses
        package = PolicyModule(name, text, "").package
        assert package and _covered(package.replace(".", "/"), roots), name
    engine.add_data_json(json.dumps({"checker": {"catalogue": data}}))  # at its directory
    answer = json.loads(engine.eval_query_as_json("data.checker.catalogue.frameworks"))
    assert answer["result"][0]["expressions"][0]["value"] == data["frameworks"]


def test_revision_framework_and_custom_dirs(mini: Mini, tmp_path: Path) -> None:
    out = _build(tmp_path, "mini.tar.gz", "--controls", str(mini.controls), "--policies",
                 str(mini.policies), "--revision", "2026.11-1", "--framework", "mini")
    files = _read(out)
    manifest = json.loads(files[".manifest"])
    assert manifest["revision"] == "2026.11-1"
    assert manifest["roots"] == ["checker", "lib", "mini", "scope"]
    assert "policies/mini/pw/pw.rego" in files  # paths relative to the policy directory
    assert sorted(json.loads(files[f"{DATA_ROOT}/data.json"])["controls"]) == [
        "MINI-ATT-01", "MINI-DEV-01", "MINI-FUT-01", "MINI-PW-01", "MINI-SP-01"]


def test_output_is_required() -> None:
    result = CliRunner().invoke(cli, ["bundle", "build"])
    assert result.exit_code == 2
