"""The bundled CAF catalogue and profiles match CAF v4.0 as published (ids, counts, levels,
profile targets written out by hand from the sources named in docs/caf.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.catalogue import load_catalogue
from checker.errors import InputError
from checker.model import Level
from checker.policies import bundled

OUTCOMES = ["A1.a", "A1.b", "A1.c", "A2.a", "A2.b", "A2.c", "A3.a", "A4.a", "A4.b", "B1.a",
            "B1.b", "B2.a", "B2.b", "B2.c", "B2.d", "B3.a", "B3.b", "B3.c", "B3.d", "B3.e", "B4.a",
            "B4.b", "B4.c", "B4.d", "B5.a", "B5.b", "B5.c", "B6.a", "B6.b", "C1.a", "C1.b", "C1.c",
            "C1.d", "C1.e", "C1.f", "C2.a", "D1.a", "D1.b", "D1.c", "D2.a", "D2.b"]

#: Outcomes whose indicators have no Partially achieved column in CAF v4.0.
BINARY = {"A1.a", "A1.b", "A1.c", "A2.c", "A3.a", "D1.b", "D1.c", "D2.a", "D2.b"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(bundled("controls"))


def test_caf_has_41_outcomes_in_14_principles_and_4_objectives(catalogue):
    controls = catalogue.select(("caf",))
    assert [c.id for c in controls] == [f"CAF-{o}" for o in OUTCOMES]
    assert len({c.area.split()[0] for c in controls}) == 14
    assert {c.id[4] for c in controls} == {"A", "B", "C", "D"}


def test_binary_outcomes_have_no_partially_achieved_level(catalogue):
    for control in catalogue.select(("caf",)):
        short = control.id.removeprefix("CAF-")
        expected = ((Level.NOT_ACHIEVED, Level.ACHIEVED) if short in BINARY else
                    (Level.NOT_ACHIEVED, Level.PARTIALLY_ACHIEVED, Level.ACHIEVED))
        assert control.levels == expected, control.id
        assert {level for level, _ in control.indicators} == set(expected), control.id


def test_outcomes_added_in_v4_record_the_change(catalogue):
    for new in ("CAF-A2.b", "CAF-A4.b", "CAF-C1.f"):
        assert (catalogue.control(new).changes or "").startswith("new in v4.0"), new
    assert "renamed" in (catalogue.control("CAF-D2.a").changes or "")
    assert "C2.b" in (catalogue.control("CAF-C2.a").changes or "")


def test_profiles_set_the_published_targets(catalogue):
    baseline = catalogue.profile("govassure-baseline").targets
    enhanced = catalogue.profile("govassure-enhanced").targets
    assert len(baseline) == len(enhanced) == 41
    assert baseline["CAF-A2.a"] is Level.PARTIALLY_ACHIEVED
    assert enhanced["CAF-A2.a"] is Level.ACHIEVED
    assert baseline["CAF-B4.d"] is Level.PARTIALLY_ACHIEVED
    assert enhanced["CAF-B3.a"] is Level.PARTIALLY_ACHIEVED
    assert baseline["CAF-D1.c"] is Level.ACHIEVED
    assert catalogue.profile("local-government").confidence == "low"


def test_unknown_profile_names_the_known_ones(catalogue):
    with pytest.raises(InputError, match="known: govassure-baseline, govassure-enhanced, "
                                         "local-government"):
        catalogue.profile("nhs")


def test_profile_missing_a_target_is_rejected(tmp_path: Path):
    import shutil

    shutil.copytree(bundled("controls"), tmp_path / "controls")
    path = tmp_path / "controls/caf/profiles/local-government.yaml"
    path.write_text(path.read_text().replace("  CAF-C2.a: achieved\n", ""))
    with pytest.raises(InputError, match=re.escape("profile 'local-government' sets no "
                                                   "target for CAF-C2.a")):
        load_catalogue(tmp_path / "controls")


def test_target_at_a_level_the_outcome_lacks_is_rejected(tmp_path: Path):
    import shutil

    shutil.copytree(bundled("controls"), tmp_path / "controls")
    path = tmp_path / "controls/caf/profiles/govassure-baseline.yaml"
    path.write_text(path.read_text().replace("CAF-A1.a: achieved", "CAF-A1.a: partially_achieved"))
    with pytest.raises(InputError, match=re.escape("target partially_achieved for CAF-A1.a")):
        load_catalogue(tmp_path / "controls")


def test_typed_link_needs_a_source_or_rationale(tmp_path: Path):
    import shutil

    shutil.copytree(bundled("controls"), tmp_path / "controls")
    path = tmp_path / "controls/psn/ops.yaml"
    text = path.read_text()
    start = text.index("        rationale: CAF B4.d asks for prompt patching")
    end = text.index("\n", start)
    path.write_text(text[:start] + text[end + 1:])
    with pytest.raises(InputError, match=r"controls/psn/ops.yaml:\d+"):
        load_catalogue(tmp_path / "controls")


def test_typed_link_keeps_relation_and_rationale(catalogue):
    link = next(k for k in catalogue.control("PSN-OPS-01").links if k.target == "CAF-B4.d")
    assert link.relation == "subset"
    assert link.rationale and "14-day" in link.rationale
    assert catalogue.control("PSN-OPS-01").maps_to == ("CE-SUM", "PCI-6.3.3", "CAF-B4.d")
