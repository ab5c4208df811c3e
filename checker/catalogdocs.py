"""Generate the control tables in docs/catalogue/<framework>.md from the bundled catalogue.

Each table row shows what a compliance lead and an auditor need at a glance: how the control
is decided, from which evidence, how fresh it must be, where it applies, what it maps to, how
sure the source is, and its expected status on the bundled example pack (so the example
doubles as a documented expected outcome). Run after changing the catalogue or the example:

    python -m checker.catalogdocs docs/catalogue

A test fails while a file is out of date.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from checker.catalogue import Catalogue
from checker.crosswalk import related
from checker.docsgen import update_section
from checker.inputs import assess_directory, load_sources
from checker.model import Assessment, Control, Status
from checker.pci.saqlists import SaqList

BEGIN = "<!-- controls:begin -->"
END = "<!-- controls:end -->"
EXAMPLE_AS_OF = "2026-11-01"
README_BEGIN = "<!-- example-output:begin -->"
README_END = "<!-- example-output:end -->"


def render(catalogue: Catalogue, framework: str, expected: dict[str, Status | str]) -> str:
    """Markdown: a summary line, then one table per area in catalogue order."""
    controls = catalogue.select((framework,))
    areas: dict[str, list[Control]] = {}
    for control in controls:
        areas.setdefault(control.area, []).append(control)
    automated = sum(c.mode == "automated" for c in controls)
    low = [c.id for c in controls if c.confidence == "low"]
    parts = [f"{len(controls)} controls: {automated} automated, {len(controls) - automated} "
             f"attested. Low source confidence: {', '.join(low) if low else 'none'}.", ""]
    for area, members in areas.items():
        parts += [f"### {area}", "",
                  "| control | title | decided by | evidence | fresh within | applies when "
                  "| maps to | confidence | example pack |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        parts += [_row(c, catalogue, expected.get(c.id)) for c in members]
        parts.append("")
    parts += _typed_links(catalogue, controls)
    return "\n".join(parts)


def _typed_links(catalogue: Catalogue, controls: Iterable[Control]) -> list[str]:
    """A table of the typed crosswalk links to or from these controls, each with the relation
    read from this framework's side and its rationale or source; nothing if there are none."""
    rows = [f"| `{c.id}` | {r.relation} | `{r.other}` | {_cell(r.basis or '')} |"
            for c in controls for r in related(catalogue, c) if r.relation]
    if not rows:
        return []
    return ["### Typed links to other frameworks", "",
            "Read each row as: this control *is a (relation) of* the linked one. `subset`: "
            "meeting it meets part of the linked control; `superset`: the reverse; "
            "`intersects`: each asks things the other does not. See docs/caf.md.", "",
            "| control | relation | linked control | rationale or source |",
            "| --- | --- | --- | --- |", *rows, ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(control: Control, catalogue: Catalogue, expected: Status | str | None) -> str:
    decided = (f"`{control.policy}`" if control.mode == "automated"
               else f"attestation by {_join(control.attested_by) or 'any role'}")
    applies = control.applies_rule.removeprefix("data.scope.") if control.applies_rule else ""
    if control.effective_from:
        applies = f"{applies}; from {control.effective_from}".lstrip("; ")
    maps = [r.label for r in related(catalogue, control)]
    fresh = f"{control.max_age_days} days" if control.max_age_days else ""
    cells = [f"`{control.id}`", control.title, decided, _join(f"`{k}`" for k in control.evidence),
             fresh, applies, _join(maps), control.confidence or "",
             (expected.value if isinstance(expected, Status) else expected) or ""]
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _join(items: Iterable[str]) -> str:
    return ", ".join(items)


def implementing(catalogue: Catalogue, framework: str, ref_id: str) -> list[Control]:
    """The controls that implement a reference entry: PCI and PSN by id, data handling by
    the entries its controls cite in ``reference`` or ``maps_to``."""
    if framework.startswith("PCI DSS"):
        return [c for c in catalogue.controls if c.id == f"PCI-{ref_id}"]
    if framework.startswith("UK PSN"):
        return [c for c in catalogue.controls if c.id == ref_id]
    cited = re.compile(rf"(?<![-\w]){re.escape(ref_id)}(?![-\w])")
    return [c for c in catalogue.select(("data-handling",))
            if ref_id in c.maps_to or cited.search(c.reference or "")]


def render_traceability(catalogue: Catalogue, entries: list[dict[str, Any]]) -> str:
    """One row per reference parameter: the automated controls and rules that decide it."""
    lines = ["| reference | parameter | control | rule |", "| --- | --- | --- | --- |"]
    for entry in entries:
        controls = [c for c in implementing(catalogue, entry["framework"], str(entry["id"]))
                    if c.mode == "automated"]
        parameter = json.dumps(entry["parameter"], sort_keys=True).replace("|", "\\|")
        lines.append(f"| {entry['framework']} {entry['id']} | `{parameter}` | "
                     f"{_join(c.id for c in controls) or '**none**'} | "
                     f"{_join(f'`{c.policy}`' for c in controls)} |")
    return "\n".join(lines)


def reference_parameters(directory: Path) -> list[dict[str, Any]]:
    """The parameters extracted from the catalogue reference (docs/catalogue)."""
    text = (directory / "reference-parameters.yaml").read_text(encoding="utf-8")
    return list(yaml.safe_load(text)["entries"])


def render_saq_lists(saq_lists: Mapping[str, SaqList]) -> str:
    """Markdown: a summary table of the SAQs, then each SAQ's requirement ids by requirement."""
    parts = ["| SAQ | for | source document | revision | published | requirements | "
             "confidence | if ineligible, move to |", "| --- | --- | --- | --- | --- | --- | --- "
             "| --- |"]
    parts += [f"| {s.saq} | {s.audience} | {s.document} | {s.revision} | {s.published} | "
              f"{len(s.requirements)} | {s.confidence} | {s.moves_to} |"
              for s in saq_lists.values()]
    for saq in saq_lists.values():
        parts += ["", f"### SAQ {saq.saq}: {saq.title}", "",
                  f"{saq.citation}. {len(saq.requirements)} requirements. Source confidence "
                  f"**{saq.confidence}**: {saq.confidence_note}", ""]
        groups: dict[str, list[str]] = {}
        for requirement in saq.requirements:
            groups.setdefault(requirement.split(".")[0], []).append(requirement)
        parts += [f"- {key}: {', '.join(ids)}" for key, ids in groups.items()]
    return "\n".join(parts)


def render_decided_by(catalogue: Catalogue) -> str:
    """How each framework's controls are decided: by rules over evidence, or by an attestation
    alone; then the same for each PCI DSS requirement. The share of attestation-only controls
    is the measure issue 19 caps at 25%."""
    head = "| controls | rules over evidence | attestation only | attestation share |"
    lines = [f"| framework {head}", "| --- | --- | --- | --- | --- |"]
    everything = catalogue.controls
    for framework in catalogue.frameworks:
        lines.append(_decided_row(framework.key, framework.controls))
    lines.append(_decided_row("**all**", everything))
    lines += ["", "### PCI DSS by requirement", "", f"| requirement {head}",
              "| --- | --- | --- | --- | --- |"]
    groups: dict[str, list[Control]] = {}
    pci = "pci" in {f.key for f in catalogue.frameworks}
    for control in catalogue.select(("pci",)) if pci else ():
        groups.setdefault(control.id.removeprefix("PCI-").split(".")[0], []).append(control)
    lines += [_decided_row(key, members) for key, members in groups.items()]
    return "\n".join(lines)


def _decided_row(name: str, controls: Iterable[Control]) -> str:
    members = list(controls)
    attested = sum(c.attested for c in members)
    share = f"{100 * attested / len(members):.1f}%" if members else "n/a"
    return (f"| {name} | {len(members)} | {len(members) - attested} | {attested} | {share} |")


def render_parameters(catalogue: Catalogue) -> str:
    """The project parameters (controls/parameters.yaml): value, which way tightens, why."""
    lines = ["| parameter | value | tighten by | used by | the project's reading | source |",
             "| --- | --- | --- | --- | --- | --- |"]
    way = {"lower": "a lower value", "higher": "a higher value", "subset": "fewer values"}
    for key, parameter in sorted(catalogue.parameters.items()):
        cells = [f"`{key}`", f"{parameter.show()} {parameter.unit}", way[parameter.stricter],
                 _join(parameter.used_by), parameter.reading, parameter.source]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def example_summary(assessment: Assessment) -> str:
    """The head of `checker run` on the example pack: provenance and coverage per framework."""
    from checker.formats import FORMATS

    text = str(FORMATS["table"].render(assessment))
    head = text.split("\n\n", 2)[:2]
    gaps = sum(r.status in (Status.FAIL, Status.GAP, Status.ERROR) for r in assessment.results)
    shown = sum(r.status not in (Status.PASS, Status.NOT_APPLICABLE) for r in assessment.results)
    return ("```console\n$ checker run --evidence evidence/example --as-of 2026-11-01\n"
            + "\n\n".join(head) + f"\n\n... the controls not passing ({shown}), then the gap "
            f"list ({gaps}); --all lists every control\n```")


def update(directory: Path, example: Path, readme: Path | None = None) -> list[Path]:
    """Rewrite every docs/catalogue/<framework>.md that has the markers, and the README's
    example output; the changed ones."""
    catalogue = load_sources(None, None).catalogue
    assessment = assess_directory(example, EXAMPLE_AS_OF)
    # levelled (CAF) outcomes show their level: "pass (partially achieved; target ...)"
    expected: dict[str, Status | str] = {r.control.id: r.verdict if r.level else r.status
                                         for r in assessment.results}
    changed = []
    for framework in catalogue.frameworks:
        path = directory / f"{framework.key}.md"
        if path.exists() and update_section(path, BEGIN, END,
                                            render(catalogue, framework.key, expected)):
            changed.append(path)
    if readme is not None and update_section(readme, README_BEGIN, README_END,
                                             example_summary(assessment)):
        changed.append(readme)
    saq_doc = directory / "pci-saq.md"
    if saq_doc.exists() and update_section(saq_doc, BEGIN, END,
                                           render_saq_lists(catalogue.saq_lists)):
        changed.append(saq_doc)
    for name, text in (("decided-by.md", render_decided_by(catalogue)),
                       ("parameters.md", render_parameters(catalogue))):
        path = directory / name
        if path.exists() and update_section(path, BEGIN, END, text):
            changed.append(path)
    trace = directory / "traceability.md"
    if trace.exists() and update_section(
            trace, BEGIN, END, render_traceability(catalogue, reference_parameters(directory))):
        changed.append(trace)
    return changed


if __name__ == "__main__":  # pragma: no cover
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/catalogue")
    example_pack = Path(sys.argv[2] if len(sys.argv) > 2 else "evidence/example")
    for changed_path in update(root, example_pack, Path("README.md")):
        print(f"{changed_path}: updated")
