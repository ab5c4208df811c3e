"""The bundled CAF catalogue and profiles match CAF v4.0 as published (ids, counts, levels,
profile targets written out by hand from the sources named in docs/caf.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

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


#: GovAssure CAF v4.0 targets (Baseline, Enhanced), typed by hand from the transcription of the
#: GSG spreadsheet named in the profile files: A = achieved, P = partially achieved.
GOVASSURE = """
A1.a A A  A1.b A A  A1.c A A  A2.a P A  A2.b A A  A2.c A A  A3.a A A  A4.a A A  A4.b P P
B1.a P A  B1.b P A  B2.a A A  B2.b P A  B2.c A A  B2.d A A  B3.a P P  B3.b P A  B3.c P P
B3.d P P  B3.e A A  B4.a A A  B4.b P A  B4.c A A  B4.d P A  B5.a P A  B5.b P P  B5.c P A
B6.a P P  B6.b A A  C1.a A A  C1.b P A  C1.c A A  C1.d P A  C1.e P A  C1.f P A  C2.a A A
D1.a A A  D1.b A A  D1.c A A  D2.a A A  D2.b A A
"""


def test_govassure_profiles_set_the_published_targets(catalogue):
    letters = {"A": Level.ACHIEVED, "P": Level.PARTIALLY_ACHIEVED}
    cells = GOVASSURE.split()
    rows = {f"CAF-{cells[i]}": (letters[cells[i + 1]], letters[cells[i + 2]])
            for i in range(0, len(cells), 3)}
    baseline = catalogue.profile("govassure-baseline")
    enhanced = catalogue.profile("govassure-enhanced")
    assert {k: (baseline.targets[k], enhanced.targets[k]) for k in baseline.targets} == rows
    assert set(enhanced.targets) == set(rows)
    assert baseline.confidence == enhanced.confidence == "medium"


def test_local_government_profile_fails_closed_without_published_targets(catalogue):
    # MHCLG publishes no CAF v4.0 targets for councils: every outcome must reach Achieved, so
    # no council reads "meets target" against a target lower than MHCLG may set
    profile = catalogue.profile("local-government")
    assert set(profile.targets) == {f"CAF-{o}" for o in OUTCOMES}
    assert set(profile.targets.values()) == {Level.ACHIEVED}
    assert profile.confidence == "low"
    assert "No per-outcome local government targets are published for CAF v4.0" in (
        yaml.safe_load((bundled("controls") / "caf/profiles/local-government.yaml").read_text())
        ["note"])


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


RELATIONS = {"equal", "subset", "superset", "intersects"}


def test_every_link_to_or_from_a_caf_outcome_is_typed_with_a_rationale_or_source(catalogue):
    caf_links = [(c.id, link) for c in catalogue.controls for link in c.links
                 if c.id.startswith("CAF-") or link.target.startswith("CAF-")]
    assert len(caf_links) > 250  # PSN, PCI DSS and data handling all link to CAF
    untyped = [f"{cid} -> {link.target}" for cid, link in caf_links
               if link.relation not in RELATIONS or not (link.rationale or link.source)]
    assert untyped == []
    assert {cid.split("-")[0] for cid, _ in caf_links} == {"PSN", "PCI", "DH"}
