"""The synthetic estate generator: deterministic, valid, and sized as asked (never timed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checker.evidence import load_evidence

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench scripts are not a package)


@pytest.mark.parametrize("items", [400, 1200])
def test_generated_pack_is_valid_and_sized_as_asked(tmp_path: Path, items: int):
    files = generate.build(items, seed=3)
    generate.write(files, tmp_path / "pack")
    evidence = load_evidence(tmp_path / "pack", generate.AS_OF.isoformat())
    assert generate.item_count(files) == items
    assert len(evidence.documents) == sum(len(d) for d in files.values())


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path):
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        generate.write(generate.build(400, seed), tmp_path / name)

    def read(name: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir())}

    assert read("a") == read("b")
    assert read("a") != read("c")


def test_every_finding_on_a_generated_estate_points_at_a_file_and_line(tmp_path: Path):
    """Findings about something absent still name the document they were judged from."""
    from checker.inputs import assess_directory

    generate.write(generate.build(400, seed=11), tmp_path / "pack")
    assessment = assess_directory(tmp_path / "pack", generate.AS_OF.isoformat())
    findings = [(r.control.id, f) for r in assessment.results for f in r.findings]
    assert findings, "the generated estate is expected to fail some controls"
    assert [(cid, f.message) for cid, f in findings if f.location is None] == []
